//! `verdict agree`'s agreement-family flags end to end: `--input table|counts`, Conger's kappa,
//! `--weights` beyond linear/quadratic with `--period` and `--weights-file` (errors name the file
//! and the cell), values mixing numbers and strings (an error naming both), numbers written as
//! strings (read as numbers with a note).

use serde_json::Value;

mod common;

use common::{scratch, verdict};

fn file(name: &str, text: &str) -> String {
    scratch("agree-family", name, text.as_bytes()).to_string_lossy().into_owned()
}

fn results(stdout: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    report["results"].as_array().unwrap().clone()
}

fn judgments(values: &[(&str, &str, &str)]) -> String {
    values
        .iter()
        .map(|(item, annotator, value)| {
            format!(
                "{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"{item}\",\"annotator\":\"{annotator}\",\"scores\":{{\"q\":{value}}}}}\n"
            )
        })
        .collect()
}

#[test]
fn a_contingency_table_gives_the_published_coefficients_and_standard_errors() {
    // Gwet (2014) cont3x3abstractors; values from the irrCAC (R) vignette: kappa2.table
    // 0.7964094 (se 0.05891072), gwet.ac1.table 0.8493305 (0.04321747).
    let path = file("abstractors.csv", ",Ectopic,AIU,NIU\nEctopic,13,0,0\nAIU,0,20,7\nNIU,0,4,56\n");
    let (stdout, stderr, code) =
        verdict(&["agree", "--input", "table", &path, "--metric", "cohen_kappa", "--metric", "gwet_ac1", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    let rows = results(&stdout);
    for (row, value, se) in [(&rows[0], 0.7964094, 0.05891072), (&rows[1], 0.8493305, 0.04321747)] {
        assert!((row["value"].as_f64().unwrap() - value).abs() < 5e-8, "{row}");
        assert!((row["se"].as_f64().unwrap() - se).abs() < 5e-9, "{row}");
        assert_eq!((row["n_items"].as_u64(), row["n_annotators"].as_u64()), (Some(100), Some(2)));
    }
}

#[test]
fn per_item_counts_refuse_conger_and_compute_fleiss() {
    let path = file("counts.csv", "item,yes,no\na,3,0\nb,1,2\nc,0,3\nd,2,1\n");
    let (stdout, stderr, code) =
        verdict(&["agree", "--input", "counts", &path, "--metric", "fleiss_kappa", "--metric", "conger_kappa", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    let rows = results(&stdout);
    assert!(rows[0]["value"].as_f64().is_some());
    assert!(rows[1]["value"].is_null() && rows[1]["note"].as_str().unwrap().contains("per-item counts do not say"));
}

#[test]
fn conger_kappa_with_circular_weights_and_a_period() {
    let text = judgments(&[("a", "x", "1"), ("a", "y", "5"), ("a", "z", "1"), ("b", "x", "3"), ("b", "y", "3"), ("b", "z", "4")]);
    let path = file("circular.jsonl", &text);
    let args = ["agree", &path, "--metric", "conger_kappa", "--weights", "circular", "--period", "8", "--json"];
    let (stdout, stderr, code) = verdict(&args, None);
    assert_eq!(code, 0, "{stderr}");
    let row = &results(&stdout)[0];
    assert_eq!((row["metric"].as_str(), row["weights"].as_str()), (Some("conger_kappa"), Some("circular")));
    assert!(row["value"].as_f64().is_some(), "{row}");
    let (_, stderr, code) = verdict(&["agree", &path, "--weights", "linear", "--period", "8"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("--period is the period of circular weights"), "{stderr}");
}

#[test]
fn weight_files_are_checked_cell_by_cell_and_against_the_scale() {
    let data = file("three.jsonl", &judgments(&[("a", "x", "1"), ("a", "y", "2"), ("b", "x", "3"), ("b", "y", "3")]));
    let bad = file("bad-weights.csv", "1,0.5,0\n0.5,1,2\n0,0.5,1\n");
    let (_, stderr, code) = verdict(&["agree", &data, "--weights-file", &bad], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("bad-weights.csv: row 2, column 3: weight 2 is outside [0, 1]"), "{stderr}");
    let small = file("small-weights.json", "[[1, 0.5], [0.5, 1]]");
    let (_, stderr, code) = verdict(&["agree", &data, "--weights-file", &small], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("small-weights.json: the weight matrix is 2×2 but the scale has 3 categories"), "{stderr}");
    assert!(stderr.contains("criterion \"q\": 1, 2, 3"), "{stderr}");
    let good = file("good-weights.json", "[[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]]");
    let (stdout, stderr, code) = verdict(&["agree", &data, "--weights-file", &good, "--metric", "fleiss_kappa", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(results(&stdout)[0]["weights"], "matrix");
}

#[test]
fn values_mixing_numbers_and_strings_are_an_error_naming_both() {
    let path = file("mixed.jsonl", &judgments(&[("a", "x", "3"), ("a", "y", "\"high\""), ("b", "x", "4"), ("b", "y", "4")]));
    let (_, stderr, code) = verdict(&["agree", &path], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("criterion \"q\": values mix numbers and strings: 3 and \"high\""), "{stderr}");
}

#[test]
fn numbers_written_as_strings_are_read_as_numbers_at_the_interval_level_with_a_note() {
    let text = judgments(&[
        ("a", "x", "\"2\""),
        ("a", "y", "\"2\""),
        ("b", "x", "\"9\""),
        ("b", "y", "\"10\""),
        ("c", "x", "\"10\""),
        ("c", "y", "\"10\""),
    ]);
    let path = file("numeric-strings.jsonl", &text);
    let (stdout, stderr, code) = verdict(&["agree", &path, "--level", "interval", "--metric", "krippendorff_alpha", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    let row = &results(&stdout)[0];
    assert!(row["note"].as_str().unwrap().contains("numbers written as strings"), "{row}");
    // As numbers: 2, 2 | 9, 10 | 10, 10 — one unit apart out of a spread of 8: alpha near 1.
    assert!(row["value"].as_f64().unwrap() > 0.9, "{row}");
}
