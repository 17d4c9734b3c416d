//! Label aggregation against PyPI crowd-kit on seeded random crowdsourcing data.
//!
//! Expected values: tests/reference/aggregate/make_fixtures.py (crowd-kit 1.4.2 with numpy 1.26.4,
//! pandas 2.3.3, scipy 1.12.0; versions recorded in the fixture). The committed fixture is read by
//! default; `make test` regenerates it into target/ with the installed crowd-kit and points
//! `VERDICT_AGGREGATE_FIXTURES` at it, so the comparison is live.
//!
//! Where the algorithms are the same (majority vote, Wawa, Dawid–Skene, one-coin, MACE from
//! crowd-kit's own starting draws) labels are equal and posteriors, skills and confusion matrices
//! within 1e-6, with the same number of EM iterations. GLAD differs only in the M-step optimiser
//! (crowd-kit: SciPy's CG with the MINPACK line search; here our own CG), so it is held to the
//! same labels wherever crowd-kit's posterior is decisive (top − second ≥ 0.05) and posteriors and
//! abilities within 5e-3.

use serde_json::Value;
use verdict_core::aggregate::{aggregate, AnnotatorQuality, LabelTable, LabelValue, MaceInit, Method, Options};

const SAME_ALGORITHM: f64 = 1e-6;
const GLAD_TOLERANCE: f64 = 5e-3;

fn fixtures() -> Value {
    let path = std::env::var("VERDICT_AGGREGATE_FIXTURES").unwrap_or_else(|_| "../../tests/reference/aggregate/fixtures.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).expect("fixtures are JSON")
}

fn table(dataset: &Value) -> LabelTable {
    let rows: Vec<(String, String, f64)> = dataset["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| (row[0].as_str().unwrap().to_string(), row[1].as_str().unwrap().to_string(), row[2].as_f64().unwrap()))
        .collect();
    LabelTable::build(rows.iter().map(|(task, worker, label)| (task.as_str(), worker.as_str(), LabelValue::Number(*label)))).unwrap()
}

/// Positions of the fixture's sorted task and worker names in the table.
fn orders(table: &LabelTable) -> (Vec<usize>, Vec<usize>) {
    let sorted = |names: &[String]| {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| names[a].cmp(&names[b]));
        order
    };
    (sorted(&table.items), sorted(&table.annotators))
}

fn close(got: f64, expected: f64, tolerance: f64, what: &str) {
    assert!((got - expected).abs() <= tolerance, "{what}: got {got}, crowd-kit {expected}");
}

fn run(table: &LabelTable, method: Method, options: &Options) -> verdict_core::aggregate::Aggregation {
    aggregate(table, method, options).unwrap_or_else(|error| panic!("{method:?}: {error}"))
}

/// Compares posteriors (and labels where crowd-kit's posterior is decisive by `margin`).
fn check_posteriors(
    table: &LabelTable,
    result: &verdict_core::aggregate::Aggregation,
    expected: &Value,
    tolerance: f64,
    margin: f64,
    what: &str,
) {
    let (items, _) = orders(table);
    for (row, &item) in expected["posteriors"].as_array().unwrap().iter().zip(&items) {
        let expected: Vec<f64> = row.as_array().unwrap().iter().map(|p| p.as_f64().unwrap()).collect();
        for (label, (&got, &want)) in result.posterior(item).iter().zip(&expected).enumerate() {
            close(got, want, tolerance, &format!("{what} {} label {label}", table.items[item]));
        }
        let mut sorted = expected.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        if sorted[0] - sorted[1] >= margin {
            // crowd-kit's idxmax: the first of equal maxima.
            let best = expected.iter().position(|&p| p == sorted[0]).unwrap();
            assert_eq!(result.labels[item] as usize, best, "{what} {} label", table.items[item]);
        }
    }
}

fn check_skills(table: &LabelTable, result: &verdict_core::aggregate::Aggregation, expected: &Value, tolerance: f64, what: &str) {
    let AnnotatorQuality::Skill(skills) = &result.quality else { panic!("{what}: skills expected") };
    for (annotator, name) in table.annotators.iter().enumerate() {
        close(skills[annotator], expected["skills"][name].as_f64().unwrap(), tolerance, &format!("{what} skill {name}"));
    }
}

#[test]
fn voting_and_dawid_skene_match_crowd_kit() {
    // Source: crowd-kit 1.4.2 MajorityVote, Wawa, DawidSkene(n_iter=100, tol=1e-5),
    // OneCoinDawidSkene(n_iter=100, tol=1e-5); probas_, skills_, errors_, len(loss_history_).
    let fixtures = fixtures();
    let datasets = fixtures["datasets"].as_array().unwrap();
    assert_eq!(datasets.len(), 4);
    for dataset in datasets {
        let name = dataset["name"].as_str().unwrap();
        let table = table(dataset);
        let options = Options { max_iter: Some(100), tol: 1e-5, ..Options::default() };
        for (method, key) in [(Method::Majority, "majority"), (Method::Wawa, "wawa"), (Method::OneCoin, "one_coin")] {
            let result = run(&table, method, &options);
            let expected = &dataset["expected"][key];
            check_posteriors(&table, &result, expected, SAME_ALGORITHM, 0.0, &format!("{name} {key}"));
            check_skills(&table, &result, expected, SAME_ALGORITHM, &format!("{name} {key}"));
            if let Some(iterations) = expected.get("iterations") {
                assert_eq!(u64::from(result.iterations), iterations.as_u64().unwrap(), "{name} {key} iterations");
            }
        }
        let result = run(&table, Method::DawidSkene, &options);
        let expected = &dataset["expected"]["dawid_skene"];
        check_posteriors(&table, &result, expected, SAME_ALGORITHM, 0.0, &format!("{name} dawid_skene"));
        assert_eq!(u64::from(result.iterations), expected["iterations"].as_u64().unwrap(), "{name} iterations");
        let AnnotatorQuality::Confusion(cells) = &result.quality else { panic!("confusion") };
        let k = table.labels.len();
        for (annotator, worker) in table.annotators.iter().enumerate() {
            for truth in 0..k {
                for observed in 0..k {
                    let want = expected["confusion"][worker][truth][observed].as_f64().unwrap();
                    close(
                        cells[(annotator * k + truth) * k + observed],
                        want,
                        SAME_ALGORITHM,
                        &format!("{name} {worker} e[{truth}][{observed}]"),
                    );
                }
            }
        }
    }
}

#[test]
fn mace_matches_crowd_kit_from_its_own_starting_draws() {
    // Source: crowd-kit 1.4.2 MACE(n_iter=50, method="vb", random_state=0); its starting draws
    // (scipy.stats.uniform(1, 1.5).rvs(random_state=0)) are in the fixture, mapped to our ids.
    let fixtures = fixtures();
    for dataset in fixtures["datasets"].as_array().unwrap() {
        let name = dataset["name"].as_str().unwrap();
        let table = table(dataset);
        let expected = &dataset["expected"]["mace"];
        let (_, workers) = orders(&table);
        let k = table.labels.len();
        let spamming_sorted: Vec<f64> = expected["init_spamming"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let thetas_sorted: Vec<f64> = expected["init_thetas"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let (mut spamming, mut thetas) = (vec![0.0; table.annotators.len() * 2], vec![0.0; table.annotators.len() * k]);
        for (sorted_index, &annotator) in workers.iter().enumerate() {
            spamming[annotator * 2..annotator * 2 + 2].copy_from_slice(&spamming_sorted[sorted_index * 2..sorted_index * 2 + 2]);
            thetas[annotator * k..(annotator + 1) * k].copy_from_slice(&thetas_sorted[sorted_index * k..(sorted_index + 1) * k]);
        }
        let options = Options { max_iter: Some(50), restarts: 1, mace_init: MaceInit::Given { spamming, thetas }, ..Options::default() };
        let result = run(&table, Method::Mace, &options);
        check_posteriors(&table, &result, expected, SAME_ALGORITHM, 0.0, &format!("{name} mace"));
        check_skills(&table, &result, expected, SAME_ALGORITHM, &format!("{name} mace"));
    }
}

#[test]
fn glad_matches_crowd_kit_within_the_optimiser_difference() {
    // Source: crowd-kit 1.4.2 GLAD(n_iter=100, tol=1e-5): probas_, alphas_, len(loss_history_).
    let fixtures = fixtures();
    for dataset in fixtures["datasets"].as_array().unwrap() {
        let name = dataset["name"].as_str().unwrap();
        let table = table(dataset);
        let expected = &dataset["expected"]["glad"];
        let result = run(&table, Method::Glad, &Options { max_iter: Some(100), tol: 1e-5, ..Options::default() });
        check_posteriors(&table, &result, expected, GLAD_TOLERANCE, 0.05, &format!("{name} glad"));
        check_skills(&table, &result, expected, GLAD_TOLERANCE, &format!("{name} glad"));
        assert_eq!(u64::from(result.iterations), expected["iterations"].as_u64().unwrap(), "{name} glad iterations");
    }
}
