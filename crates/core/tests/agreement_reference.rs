//! Agreement coefficients against independent implementations on seeded random data with
//! missing values. The expected values were computed by tests/reference/agreement/make_fixtures.py
//! (package versions recorded in fixtures.json); the tolerance is 1e-9 wherever the package
//! computes the same formula. Where a package uses another convention the test says so.

use serde_json::Value;
use verdict_core::agreement::{evaluate, AgreementResult, IccForm, Level, LevelSource, Metric, Options, Ratings, Weights};

const TOLERANCE: f64 = 1e-9;

fn fixtures() -> Value {
    let text = std::fs::read_to_string("../../tests/reference/agreement/fixtures.json").expect("committed fixtures");
    serde_json::from_str(&text).expect("fixtures are JSON")
}

fn ratings(dataset: &Value) -> Ratings {
    let rows: Vec<Vec<Option<f64>>> =
        dataset["rows"].as_array().unwrap().iter().map(|row| row.as_array().unwrap().iter().map(Value::as_f64).collect()).collect();
    let categories: Vec<f64> = dataset["categories"].as_array().unwrap().iter().filter_map(Value::as_f64).collect();
    Ratings::from_numbers(&rows, &categories)
}

fn compute(ratings: &Ratings, metric: Metric, level: Level, weights: Weights) -> Vec<AgreementResult> {
    let options = Options { metrics: vec![metric], weights, ..Options::default() };
    evaluate("c", ratings, level, LevelSource::Flag, &options)
}

fn check(got: Option<f64>, expected: &Value, what: &str) {
    let expected = expected.as_f64().unwrap_or_else(|| panic!("{what}: no expected value"));
    let got = got.unwrap_or_else(|| panic!("{what}: undefined"));
    assert!((got - expected).abs() <= TOLERANCE, "{what}: got {got}, expected {expected}");
}

const WEIGHTS: [(&str, Weights); 3] = [("none", Weights::None), ("linear", Weights::Linear), ("quadratic", Weights::Quadratic)];

#[test]
fn krippendorff_alpha_matches_the_krippendorff_package_at_every_level() {
    // Source: krippendorff 0.9.0, `krippendorff.alpha(value_domain=categories)`.
    let fixtures = fixtures();
    let mut checked = 0;
    for dataset in fixtures["datasets"].as_array().unwrap() {
        let Some(expected) = dataset["expected"].get("krippendorff_alpha") else { continue };
        let ratings = ratings(dataset);
        for (name, level) in
            [("nominal", Level::Nominal), ("ordinal", Level::Ordinal), ("interval", Level::Interval), ("ratio", Level::Ratio)]
        {
            let result = &compute(&ratings, Metric::KrippendorffAlpha, level, Weights::None)[0];
            check(result.value, &expected[name], &format!("{} alpha {name}", dataset["name"]));
            checked += 1;
        }
        // irrCAC's Krippendorff (Gwet's formulation with the 1/n correction) equals the exact alpha.
        check(
            compute(&ratings, Metric::KrippendorffAlpha, Level::Nominal, Weights::None)[0].value,
            &dataset["expected"]["irrcac_krippendorff_nominal"],
            "irrCAC alpha",
        );
    }
    assert_eq!(checked, 16);
}

#[test]
fn gwet_fleiss_and_brennan_prediger_match_irrcac_with_standard_errors() {
    // Source: irrCAC 0.4.4, `CAC(categories=..., weights=...).gwet() / .fleiss() / .bp()`,
    // values and standard errors (Gwet's linearised variance, no finite-population correction).
    let fixtures = fixtures();
    let mut checked = 0;
    for dataset in fixtures["datasets"].as_array().unwrap() {
        if dataset["expected"].get("gwet_ac1").is_none() {
            continue;
        }
        let ratings = ratings(dataset);
        for (metric, key) in
            [(Metric::GwetAc1, "gwet_ac1"), (Metric::FleissKappa, "fleiss_kappa"), (Metric::BrennanPrediger, "brennan_prediger")]
        {
            for (name, weights) in WEIGHTS {
                let expected = &dataset["expected"][key][name];
                let result = &compute(&ratings, metric, Level::Interval, weights)[0];
                let what = format!("{} {key} {name}", dataset["name"]);
                check(result.value, &expected["value"], &what);
                check(result.se, &expected["se"], &format!("{what} se"));
                // Weighted percent agreement is irrCAC's p_a.
                check(
                    compute(&ratings, Metric::PercentAgreement, Level::Interval, weights)[0].value,
                    &expected["pa"],
                    &format!("{what} pa"),
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 36);
}

#[test]
fn fleiss_and_randolph_match_statsmodels_on_complete_data() {
    // Source: statsmodels 0.15.0, `fleiss_kappa(method="fleiss")` and `method="randolph"`
    // (Randolph's free-marginal kappa is Brennan–Prediger for many raters).
    let fixtures = fixtures();
    let dataset = fixtures["datasets"].as_array().unwrap().iter().find(|d| d["name"] == "complete_3cat").unwrap();
    let ratings = ratings(dataset);
    check(
        compute(&ratings, Metric::FleissKappa, Level::Nominal, Weights::None)[0].value,
        &dataset["expected"]["fleiss_kappa"]["none"]["value"],
        "statsmodels fleiss",
    );
    check(
        compute(&ratings, Metric::BrennanPrediger, Level::Nominal, Weights::None)[0].value,
        &dataset["expected"]["brennan_prediger"]["none"]["value"],
        "statsmodels randolph",
    );
}

#[test]
fn cohen_kappa_matches_scikit_learn_and_differs_only_where_it_weighs_by_position() {
    // Source: scikit-learn 1.9.1, `cohen_kappa_score(weights=None|"linear"|"quadratic")`.
    // scikit-learn weighs by a label's position among the labels it sees; Verdict weighs a
    // numeric scale by value (irrCAC's convention). On 1..5 both agree; on {1, 2, 5} they agree
    // once the values are replaced by their positions.
    let fixtures = fixtures();
    for name in ["two_raters_likert5", "two_raters_gap"] {
        let dataset = fixtures["datasets"].as_array().unwrap().iter().find(|d| d["name"] == name).unwrap();
        let by_value = ratings(dataset);
        let rows: Vec<Vec<Option<f64>>> = dataset["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                row.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().map(|x| if x == 5.0 && name == "two_raters_gap" { 3.0 } else { x }))
                    .collect()
            })
            .collect();
        let by_position = Ratings::from_numbers(&rows, &[]);
        for (weights_name, weights) in WEIGHTS {
            let expected = &dataset["expected"]["cohen_kappa"][weights_name]["value"];
            check(
                compute(&by_position, Metric::CohenKappa, Level::Ordinal, weights)[0].value,
                expected,
                &format!("{name} cohen {weights_name}"),
            );
            let by_value = compute(&by_value, Metric::CohenKappa, Level::Ordinal, weights)[0].value.unwrap();
            let differs = (by_value - expected.as_f64().unwrap()).abs() > 1e-6;
            assert_eq!(differs, name == "two_raters_gap" && weights != Weights::None, "{name} {weights_name}: by value {by_value}");
        }
    }
}

#[test]
fn icc_matches_pingouin_including_dropped_targets() {
    // Source: pingouin 0.6.1, `intraclass_corr(nan_policy="omit")` (drops targets with a missing score).
    let fixtures = fixtures();
    for name in ["icc_complete", "icc_missing"] {
        let dataset = fixtures["datasets"].as_array().unwrap().iter().find(|d| d["name"] == name).unwrap();
        let results = compute(&ratings(dataset), Metric::Icc, Level::Interval, Weights::None);
        assert_eq!(results.len(), 6);
        for result in &results {
            let form: IccForm = result.form.unwrap();
            check(result.value, &dataset["expected"]["icc"][form.name()], &format!("{name} {}", form.name()));
        }
        assert_eq!(results[0].n_dropped_items.unwrap() > 0, name == "icc_missing");
    }
}
