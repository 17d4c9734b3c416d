//! The rest of the agreement family against PyPI irrCAC 0.4.4 on seeded random data: Conger's
//! kappa and Fleiss/Gwet/Brennan–Prediger under every weight scheme and user matrices (raw data
//! with missing ratings), two-annotator contingency tables (`irrCAC.table`, its own variance
//! convention) and per-item category counts. Values and standard errors within 1e-9.
//!
//! The fixtures come from tests/reference/agreement-family/make_fixtures.py (package versions in
//! the file). `make test-reference` regenerates them with the installed irrCAC and points
//! `VERDICT_AGREEMENT_FAMILY_FIXTURES` at the new file; otherwise the committed file is read.

use serde_json::Value;
use verdict_core::agreement::table::{evaluate_aggregated, Aggregated, AggregatedLimits, InputKind};
use verdict_core::agreement::{evaluate, Level, LevelSource, Metric, Options, Ratings, WeightMatrix, WeightParameters, Weights};

const TOLERANCE: f64 = 1e-9;
const LIMITS: AggregatedLimits = AggregatedLimits { max_rows: 100_000, max_per_item: 10_000 };

fn fixtures() -> Value {
    let path = std::env::var("VERDICT_AGREEMENT_FAMILY_FIXTURES")
        .unwrap_or_else(|_| "../../tests/reference/agreement-family/fixtures.json".to_owned());
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixtures")).expect("fixtures are JSON")
}

fn close(got: Option<f64>, expected: &Value, what: &str) {
    let expected = expected.as_f64().unwrap_or_else(|| panic!("{what}: no expected value"));
    let got = got.unwrap_or_else(|| panic!("{what}: undefined"));
    assert!((got - expected).abs() <= TOLERANCE, "{what}: got {got}, expected {expected}");
}

fn matrix_of(value: &Value) -> WeightMatrix {
    let rows: Vec<Vec<f64>> = serde_json::from_value(value.clone()).unwrap();
    WeightMatrix::from_rows("fixture", rows).unwrap()
}

/// irrCAC's weight name → Verdict's weights and parameters.
fn scheme(name: &str, dataset: &Value) -> (Weights, WeightParameters) {
    match name {
        "identity" => (Weights::None, WeightParameters::default()),
        "matrix" => (Weights::Matrix, WeightParameters { period: None, matrix: Some(matrix_of(&dataset["matrix"])) }),
        "circular_period" => (Weights::Circular, WeightParameters { period: dataset["period"].as_f64(), matrix: None }),
        other => (Weights::parse(other).unwrap(), WeightParameters::default()),
    }
}

fn metric(name: &str) -> Metric {
    Metric::ALL.into_iter().find(|m| m.name() == name).unwrap()
}

#[test]
fn conger_and_the_weighted_family_match_irrcac_raw_under_every_weight_scheme() {
    // Source: irrCAC 0.4.4 `irrCAC.raw.CAC(weights=name or matrix, categories=...)`: `.conger()`,
    // `.gwet()`, `.fleiss()`, `.bp()`; "circular_period" passes irrCAC the circular matrix of
    // period 2R as a custom matrix, since irrCAC's own circular weights fix U = R + 1.
    let fixtures = fixtures();
    let mut checked = 0;
    for dataset in fixtures["raw"].as_array().unwrap() {
        let rows: Vec<Vec<Option<f64>>> = serde_json::from_value(dataset["rows"].clone()).unwrap();
        let categories: Vec<f64> = serde_json::from_value(dataset["categories"].clone()).unwrap();
        let ratings = Ratings::from_numbers(&rows, &categories);
        for (name, expected) in dataset["expected"].as_object().unwrap() {
            let (weights, weight_parameters) = scheme(name, dataset);
            for (metric_name, values) in expected.as_object().unwrap() {
                let options = Options {
                    metrics: vec![metric(metric_name)],
                    weights,
                    weight_parameters: weight_parameters.clone(),
                    ..Options::default()
                };
                let result = &evaluate("c", &ratings, Level::Interval, LevelSource::Flag, &options)[0];
                let what = format!("{} {name} {metric_name}", dataset["name"]);
                close(result.value, &values["value"], &what);
                close(result.se, &values["se"], &format!("{what} se"));
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 10 * 4);
}

fn aggregated(kind: InputKind, dataset: &Value) -> Aggregated {
    let text = serde_json::json!({"categories": dataset["categories"], "counts": dataset["counts"]}).to_string();
    Aggregated::parse(kind, "fixture", &text, LIMITS).unwrap()
}

#[test]
fn contingency_tables_match_irrcac_table_with_its_variance_convention() {
    // Source: irrCAC 0.4.4 `irrCAC.table.CAC(weights=name)`: `.cohen()`, `.scott()`, `.gwet()`,
    // `.bp()`, `.pa2()`, `.krippendorff()` — values and standard errors (population variance over
    // the n units, the table convention). Fleiss' kappa of two annotators is Scott's pi and
    // Conger's is Cohen's. irrCAC weighs alpha with the weights; Verdict with the level: nominal
    // is identity, interval quadratic, ratio the ratio weights (the same distances).
    let fixtures = fixtures();
    let mut checked = 0;
    for dataset in fixtures["tables"].as_array().unwrap() {
        let input = aggregated(InputKind::Table, dataset);
        for (name, expected) in dataset["expected"].as_object().unwrap() {
            let (weights, weight_parameters) = scheme(name, dataset);
            let pairs = [
                ("cohen_kappa", "cohen_kappa"),
                ("conger_kappa", "cohen_kappa"),
                ("scott_pi", "scott_pi"),
                ("fleiss_kappa", "scott_pi"),
                ("gwet_ac1", "gwet_ac1"),
                ("brennan_prediger", "brennan_prediger"),
                ("percent_agreement", "percent_agreement"),
            ];
            for (ours, theirs) in pairs {
                let options =
                    Options { metrics: vec![metric(ours)], weights, weight_parameters: weight_parameters.clone(), ..Options::default() };
                let result = &evaluate_aggregated(&input, Level::Nominal, LevelSource::Flag, &options)[0];
                let what = format!("{} {name} {ours}", dataset["name"]);
                close(result.value, &expected[theirs]["value"], &what);
                close(result.se, &expected[theirs]["se"], &format!("{what} se"));
                checked += 1;
            }
            let level = match name.as_str() {
                "identity" => Level::Nominal,
                "quadratic" => Level::Interval,
                "ratio" => Level::Ratio,
                _ => continue,
            };
            let options = Options { metrics: vec![Metric::KrippendorffAlpha], ..Options::default() };
            let alpha = &evaluate_aggregated(&input, level, LevelSource::Flag, &options)[0];
            close(alpha.value, &expected["krippendorff_alpha"]["value"], &format!("{} {name} alpha", dataset["name"]));
            close(alpha.se, &expected["krippendorff_alpha"]["se"], &format!("{} {name} alpha se", dataset["name"]));
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * (7 * 7 + 3));
}

#[test]
fn per_item_counts_match_irrcac_on_the_same_ratings() {
    // Source: irrCAC 0.4.4 `irrCAC.raw.CAC` on each item's counts spread over rater columns
    // (the raw-data variance, as irrCAC's R `*.dist` functions): `.gwet()`, `.fleiss()`, `.bp()`.
    let fixtures = fixtures();
    let mut checked = 0;
    for dataset in fixtures["counts"].as_array().unwrap() {
        let input = aggregated(InputKind::Counts, dataset);
        for (name, expected) in dataset["expected"].as_object().unwrap() {
            let (weights, _) = scheme(name, dataset);
            for (metric_name, values) in expected.as_object().unwrap() {
                let options = Options { metrics: vec![metric(metric_name)], weights, ..Options::default() };
                let result = &evaluate_aggregated(&input, Level::Interval, LevelSource::Flag, &options)[0];
                let what = format!("{} {name} {metric_name}", dataset["name"]);
                close(result.value, &values["value"], &what);
                close(result.se, &values["se"], &format!("{what} se"));
                checked += 1;
            }
        }
        // Who rated is unknown in counts: Conger's and Cohen's kappas are refused, not invented.
        let options = Options { metrics: vec![Metric::CongerKappa, Metric::CohenKappa], ..Options::default() };
        for result in evaluate_aggregated(&input, Level::Nominal, LevelSource::Flag, &options) {
            assert!(result.value.is_none() && result.note.as_deref().unwrap().contains("per-item counts do not say"));
        }
    }
    assert_eq!(checked, 2 * 3 * 3);
}
