//! The rest of the agreement family against published examples of Gwet (2014) *Handbook of
//! Inter-Rater Reliability*, 4th ed., as the irrCAC packages reproduce them: the R vignettes
//! "Calculating Chance-corrected Agreement Coefficients" and "Weighted Chance-corrected Agreement
//! Coefficients" (K. Gwet, irrCAC 1.0, printed to 7 digits), and the Python irrCAC 0.4.4 unit
//! tests (`test/unit/irrCAC/raw/test_conger.py`, 3 decimals) and docstrings (5 decimals).
//! Tolerances follow the published rounding. Also: values that mix numbers and strings, and
//! numbers written as strings (regression: sorted as text, "10" < "9", alpha came out wrong).

use verdict_core::agreement::table::{evaluate_aggregated, Aggregated, AggregatedLimits, InputKind};
use verdict_core::agreement::{
    analyze, evaluate, AgreementResult, CollectOptions, Dataset, Level, LevelSource, Metric, Options, Ratings, WeightMatrix,
    WeightParameters, Weights,
};

const LIMITS: AggregatedLimits = AggregatedLimits { max_rows: 1000, max_per_item: 1000 };

fn close(got: Option<f64>, expected: f64, tolerance: f64, source: &str) {
    let got = got.unwrap_or_else(|| panic!("{source}: undefined"));
    assert!((got - expected).abs() <= tolerance, "{source}: got {got}, expected {expected} ± {tolerance}");
}

/// Gwet (2014) Table 2.16 — irrCAC's `cac.raw4raters` / `raw_4raters()`: 4 raters, 12 units, 1..5.
fn raw_4raters() -> Ratings {
    let n = None;
    let s = |v: f64| Some(v);
    let columns = [
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(1.), s(4.), s(1.), s(2.), n, n, n],
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(2.), s(4.), s(1.), s(2.), s(5.), n, n],
        [n, s(3.), s(3.), s(3.), s(2.), s(3.), s(4.), s(2.), s(2.), s(5.), s(1.), s(3.)],
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(4.), s(4.), s(1.), s(2.), s(5.), s(1.), n],
    ];
    let rows: Vec<Vec<Option<f64>>> = (0..12).map(|u| columns.iter().map(|c| c[u]).collect()).collect();
    Ratings::from_numbers(&rows, &[])
}

fn one(ratings: &Ratings, metric: Metric, weights: Weights, weight_parameters: WeightParameters) -> AgreementResult {
    let options = Options { metrics: vec![metric], weights, weight_parameters, ..Options::default() };
    evaluate("c", ratings, Level::Interval, LevelSource::Flag, &options).remove(0)
}

#[test]
fn conger_kappa_on_gwet_s_four_raters_under_every_weight_type() {
    // Source: irrCAC 0.4.4 test_conger.py (value, se; 3 decimals) on raw_4raters; the custom
    // matrix is the test's own (not symmetric).
    let custom = WeightMatrix::parse(
        "test_conger.py",
        "1,0.75,0.5,0.25,0\n0,1,0.75,0.5,0.25\n0.25,0,1,0.75,0.5\n0.5,0.25,0,1,0.75\n0.75,0.5,0.25,0,1\n",
    )
    .unwrap();
    let cases = [
        (Weights::None, 0.763, None),
        (Weights::Bipolar, 0.845, Some(0.142)),
        (Weights::Circular, 0.805, Some(0.147)),
        (Weights::Linear, 0.814, Some(0.145)),
        (Weights::Ordinal, 0.844, Some(0.144)),
        (Weights::Quadratic, 0.858, Some(0.144)),
        (Weights::Radical, 0.788, Some(0.146)),
        (Weights::Ratio, 0.812, Some(0.149)),
        (Weights::Matrix, 0.763, Some(0.149)),
    ];
    let ratings = raw_4raters();
    for (weights, value, se) in cases {
        let parameters = WeightParameters { period: None, matrix: Some(custom.clone()) };
        let result = one(&ratings, Metric::CongerKappa, weights, parameters);
        close(result.value, value, 0.0005, &format!("test_conger.py {}", weights.name()));
        if let Some(se) = se {
            close(result.se, se, 0.0005, &format!("test_conger.py {} se", weights.name()));
        }
    }
    // Source: R vignette "Weighted …": conger.kappa.raw(cac.raw4raters, weights = "quadratic").
    let quadratic = one(&ratings, Metric::CongerKappa, Weights::Quadratic, WeightParameters::default());
    close(quadratic.value, 0.85771, 5e-6, "vignette conger quadratic");
    close(quadratic.se, 0.14367, 5e-6, "vignette conger quadratic se");
}

#[test]
fn gwet_ac2_with_bipolar_weights_on_gwet_s_four_raters() {
    // Source: irrCAC 0.4.4 `irrCAC.raw` module docstring: CAC(raw_4raters(), weights="bipolar").gwet()
    // → 0.90037, se 0.10582 (and AC1 0.77544, se 0.14295 unweighted).
    let ratings = raw_4raters();
    let bipolar = one(&ratings, Metric::GwetAc1, Weights::Bipolar, WeightParameters::default());
    close(bipolar.value, 0.90037, 5e-6, "docstring AC2 bipolar");
    close(bipolar.se, 0.10582, 5e-6, "docstring AC2 bipolar se");
    let ac1 = one(&ratings, Metric::GwetAc1, Weights::None, WeightParameters::default());
    close(ac1.value, 0.77544, 5e-6, "docstring AC1");
    close(ac1.se, 0.14295, 5e-6, "docstring AC1 se");
}

fn aggregated_one(input: &Aggregated, metric: Metric, level: Level, weights: Weights) -> AgreementResult {
    let options = Options { metrics: vec![metric], weights, ..Options::default() };
    evaluate_aggregated(input, level, LevelSource::Flag, &options).remove(0)
}

#[test]
fn the_abstractors_contingency_table_unweighted_and_quadratic() {
    // Source: R vignettes, cont3x3abstractors (Gwet 2014, 100 pregnant women, 2 abstractors):
    // (metric, weights, value, se) as printed by kappa2/scott2/gwet.ac1/bp2/krippen2/pa2.table.
    let csv = ",Ectopic,AIU,NIU\nEctopic,13,0,0\nAIU,0,20,7\nNIU,0,4,56\n";
    let input = Aggregated::parse(InputKind::Table, "cont3x3abstractors.csv", csv, LIMITS).unwrap();
    let cases = [
        (Metric::CohenKappa, Weights::None, 0.7964094, 0.05891072),
        (Metric::ScottPi, Weights::None, 0.7962397, 0.05905473),
        (Metric::GwetAc1, Weights::None, 0.8493305, 0.04321747),
        (Metric::BrennanPrediger, Weights::None, 0.835, 0.04693346),
        (Metric::PercentAgreement, Weights::None, 0.89, 0.03128898),
        (Metric::CohenKappa, Weights::Quadratic, 0.8921569, 0.03535151),
        (Metric::ScottPi, Weights::Quadratic, 0.8921093, 0.03539506),
        (Metric::GwetAc1, Weights::Quadratic, 0.9402369, 0.01792019),
        (Metric::BrennanPrediger, Weights::Quadratic, 0.9175, 0.02346673),
        (Metric::PercentAgreement, Weights::Quadratic, 0.9725, 0.007822244),
    ];
    for (metric, weights, value, se) in cases {
        let result = aggregated_one(&input, metric, Level::Nominal, weights);
        let what = format!("vignette {} {}", metric.name(), weights.name());
        close(result.value, value, 5e-8, &what);
        close(result.se, se, 5e-9, &format!("{what} se"));
    }
    // Alpha: nominal = identity weights, interval = quadratic weights.
    for (level, value, se) in [(Level::Nominal, 0.7972585, 0.05905473), (Level::Interval, 0.8926487, 0.03539506)] {
        let result = aggregated_one(&input, Metric::KrippendorffAlpha, level, Weights::None);
        close(result.value, value, 5e-8, &format!("vignette alpha {level:?}"));
        close(result.se, se, 5e-9, &format!("vignette alpha {level:?} se"));
    }
}

#[test]
fn six_psychiatrists_per_item_counts_with_quadratic_weights() {
    // Source: R vignette "Weighted …": distrib.6raters (Fleiss 1971: 6 psychiatrists, 15 patients,
    // 5 diagnoses), weights = quadratic.weights(1:5): gwet.ac1.dist 0.4837438 (se 0.1058227),
    // fleiss.kappa.dist 0.2511909 (0.1457381), bp.coeff.dist 0.4177778 (0.1067493).
    let csv = "item,Depression,Personality Disorder,Schizophrenia,Neurosis,Other\n\
        1,0,0,0,6,0\n2,0,3,0,0,3\n3,0,1,4,0,1\n4,0,0,0,0,6\n5,0,3,0,3,0\n6,2,0,4,0,0\n7,0,0,4,0,2\n8,2,0,3,1,0\n\
        9,2,0,0,4,0\n10,0,0,0,0,6\n11,1,0,0,5,0\n12,1,1,0,4,0\n13,0,3,3,0,0\n14,1,0,0,5,0\n15,0,2,0,3,1\n";
    let input = Aggregated::parse(InputKind::Counts, "distrib.6raters.csv", csv, LIMITS).unwrap();
    for (metric, value, se) in [
        (Metric::GwetAc1, 0.4837438, 0.1058227),
        (Metric::FleissKappa, 0.2511909, 0.1457381),
        (Metric::BrennanPrediger, 0.4177778, 0.1067493),
    ] {
        let result = aggregated_one(&input, metric, Level::Nominal, Weights::Quadratic);
        close(result.value, value, 5e-8, &format!("vignette {} dist", metric.name()));
        close(result.se, se, 5e-8, &format!("vignette {} dist se", metric.name()));
    }
}

fn jsonl(values: &[(&str, &str, &str)]) -> Dataset {
    let text: String = values
        .iter()
        .map(|(item, annotator, value)| {
            format!(
                "{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"{item}\",\"annotator\":\"{annotator}\",\"scores\":{{\"q\":{value}}}}}\n"
            )
        })
        .collect();
    Dataset::from_jsonl("scores.jsonl", &text, CollectOptions::default())
}

fn borrow(rows: &[(String, String, String)]) -> Vec<(&str, &str, &str)> {
    rows.iter().map(|(i, a, v)| (i.as_str(), a.as_str(), v.as_str())).collect()
}

#[test]
fn numbers_written_as_strings_are_read_as_numbers_at_the_interval_level_not_sorted_as_text() {
    // Regression (issue 17): "2" … "10" were a label scale sorted as text ("10" < "2"), so at the
    // interval level alpha measured distances between text positions.
    let pairs = [(2, 2), (3, 4), (9, 10), (10, 10), (4, 3), (8, 9), (2, 3), (10, 9)];
    let as_text: Vec<(String, String, String)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, &(a, b))| {
            [(format!("i{i}"), "x".to_owned(), format!("\"{a}\"")), (format!("i{i}"), "y".to_owned(), format!("\"{b}\""))]
        })
        .collect();
    let as_numbers: Vec<(String, String, String)> =
        as_text.iter().map(|(i, a, v)| (i.clone(), a.clone(), v.trim_matches('"').to_owned())).collect();
    let options = Options { metrics: vec![Metric::KrippendorffAlpha], ..Options::default() };
    let text = analyze(&jsonl(&borrow(&as_text)), Some(Level::Interval), &options).remove(0);
    let numbers = analyze(&jsonl(&borrow(&as_numbers)), Some(Level::Interval), &options).remove(0);
    close(text.value, numbers.value.unwrap(), 1e-12, "strings read as numbers");
    assert!(text.note.as_deref().unwrap().contains("numbers written as strings"), "{:?}", text.note);
    assert!(numbers.note.is_none());
    // What text order gave: the positions of "10" < "2" < "3" < "4" < "8" < "9".
    let position = |v: i32| f64::from([10, 2, 3, 4, 8, 9].iter().position(|&x| x == v).unwrap() as i32 + 1);
    let rows: Vec<Vec<Option<f64>>> = pairs.iter().map(|&(a, b)| vec![Some(position(a)), Some(position(b))]).collect();
    let sorted_as_text = evaluate("q", &Ratings::from_numbers(&rows, &[]), Level::Interval, LevelSource::Flag, &options).remove(0);
    // Expected values: Krippendorff's interval alpha, 1 − (n − 1) Σ o_ck (c − k)² / Σ n_c n_k (c − k)²,
    // worked by hand on the 16 values: 1 − 15·12/5688 = 0.96835 on the numbers, 1/46 = 0.02174 on
    // the text positions — what Verdict reported before.
    close(numbers.value, 1.0 - 180.0 / 5688.0, 1e-12, "alpha of the numbers");
    close(sorted_as_text.value, 1.0 / 46.0, 1e-12, "alpha of the text order");
}

#[test]
fn values_that_mix_numbers_and_strings_are_refused_naming_both() {
    let dataset = jsonl(&[("a", "x", "3"), ("a", "y", "\"3\""), ("b", "x", "4"), ("b", "y", "\"high\"")]);
    let mixed = dataset.criterion("q").unwrap().ratings.scale().mixed().unwrap();
    assert_eq!(mixed.to_string(), "values mix numbers and strings: 3 and \"3\"");
    let options = Options { metrics: vec![Metric::KrippendorffAlpha, Metric::FleissKappa], ..Options::default() };
    for result in analyze(&dataset, None, &options) {
        assert_eq!(result.value, None);
        assert!(result.note.as_deref().unwrap().starts_with("values mix numbers and strings: 3 and \"3\""));
    }
}
