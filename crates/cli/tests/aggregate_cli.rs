//! `verdict aggregate`: DESIGN's JSON shape, the CSV file, and clear errors for bad input.

mod common;

use common::{scratch, verdict};
use serde_json::Value;

const JUDGMENTS: &str = concat!(
    r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","scores":{"safe":true,"grade":{"m1":4,"m2":2}}}"#,
    "\n",
    r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","scores":{"safe":true,"grade":{"m1":4,"m2":3}}}"#,
    "\n",
    r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"c","scores":{"safe":false,"grade":{"m1":5,"m2":3}}}"#,
    "\n",
    r#"{"schema":"verdict/judgment@1","item_id":"q2","annotator":"a","scores":{"safe":false}}"#,
    "\n",
    r#"{"schema":"verdict/judgment@1","item_id":"q2","annotator":"b","scores":{"safe":false}}"#,
    "\n",
);

#[test]
fn json_has_design_shape_with_skills_or_confusion() {
    let path = scratch("aggregate", "j.jsonl", JUDGMENTS.as_bytes());
    let path = path.to_str().unwrap();
    let (stdout, stderr, code) = verdict(&["aggregate", path, "--criterion", "safe", "--method", "majority", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["method"], "majority");
    assert_eq!(json["criterion"], "safe");
    assert_eq!(json["items"][0]["item_id"], "q1");
    assert_eq!(json["items"][0]["label"], true);
    assert!((json["items"][0]["posterior"]["true"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(json["items"][1]["label"], false);
    assert_eq!(json["annotators"][2]["annotator"], "c");
    // c labelled only q1, against the majority.
    assert_eq!(json["annotators"][2]["skill"], 0.0);

    let (stdout, _, code) = verdict(&["aggregate", path, "--criterion", "safe", "--method", "dawid_skene", "--json"], None);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let confusion = &json["annotators"][0]["confusion"];
    let row: f64 = confusion["true"].as_object().unwrap().values().map(|p| p.as_f64().unwrap()).sum();
    assert!((row - 1.0).abs() < 1e-9, "{confusion}");
}

#[test]
fn per_output_criteria_name_the_model_and_csv_has_a_row_per_unit() {
    let path = scratch("aggregate", "per-output.jsonl", JUDGMENTS.as_bytes());
    let csv = path.with_file_name("out.csv");
    let (stdout, stderr, code) = verdict(
        &["aggregate", path.to_str().unwrap(), "--criterion", "grade", "--method", "wawa", "--json", "--csv", csv.to_str().unwrap()],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["items"][1]["model"], "m2");
    assert_eq!(json["items"][1]["label"], 3);
    let text = std::fs::read_to_string(csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "item_id,model,label,p:2,p:3,p:4,p:5");
    assert!(lines[1].starts_with("q1,m1,4,"), "{}", lines[1]);
    assert_eq!(lines.len(), 3);
}

#[test]
fn mixed_labels_and_missing_criteria_are_clear_errors() {
    let mixed = concat!(
        r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","scores":{"g":3}}"#,
        "\n",
        r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","scores":{"g":"high"}}"#,
        "\n",
    );
    let path = scratch("aggregate", "mixed.jsonl", mixed.as_bytes());
    let (_, stderr, code) = verdict(&["aggregate", path.to_str().unwrap(), "--criterion", "g", "--method", "glad"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("criterion g") && stderr.contains("3 and high"), "{stderr}");
    let (_, stderr, code) = verdict(&["aggregate", path.to_str().unwrap(), "--criterion", "nothing"], None);
    assert_eq!(code, 1);
    assert!(stderr.contains("no labels"), "{stderr}");
    let good = scratch("aggregate", "good.jsonl", JUDGMENTS.as_bytes());
    let (_, stderr, code) =
        verdict(&["aggregate", good.to_str().unwrap(), "--criterion", "safe", "--method", "mace", "--max-iter", "1000000"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("at most 100000 iterations"), "{stderr}");
}
