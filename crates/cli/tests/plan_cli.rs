//! `verdict plan` and `verdict plan size` end to end: JSON shape, per-rater files, typed
//! diagnostics as `file:field: problem`, shortfalls instead of crashes, inputs echoed.

mod common;

use serde_json::Value;

fn write_campaign(dir: &std::path::Path, campaign: &str) -> String {
    let mut tasks = String::new();
    for i in 0..40 {
        let gold = if i >= 36 { r#","gold":{"preference":"x"}"# } else { "" };
        let language = if i % 2 == 0 { "en" } else { "tl" };
        tasks.push_str(&format!(
            r#"{{"id":"q{i}","prompt":"p","outputs":[{{"model":"x","content":"a"}},{{"model":"y","content":"b"}}],"meta":{{"language":"{language}"}}{gold}}}"#
        ));
        tasks.push('\n');
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("tasks.jsonl"), tasks).unwrap();
    let path = dir.join("campaign.json");
    std::fs::write(&path, campaign).unwrap();
    path.to_string_lossy().into_owned()
}

fn scratch(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("verdict-plan-cli-{}-{name}", std::process::id()))
}

#[test]
fn plan_json_has_every_assignment_and_out_writes_files() {
    let dir = scratch("ok");
    let path = write_campaign(
        &dir,
        r#"{"schema":"verdict/campaign@1","id":"c","seed":3,"tasks":"tasks.jsonl",
            "roster":[{"annotator":"a","group":"s1"},{"annotator":"b","group":"s2"},{"annotator":"c","group":"s1"}],
            "overlap":{"raters_per_item":2},"gold":{"rate":0.1},"repeats":{"rate":0.05,"min_gap":3},
            "calibration":{"items":["q36"],"pass":{"accuracy":1}}}"#,
    );
    let out = dir.join("out");
    let (stdout, stderr, code) = common::verdict(&["plan", &path, "--json", "--out", out.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    let plan: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(plan["campaign"], "c");
    let assignments = plan["assignments"].as_array().unwrap();
    let tasks = assignments.iter().filter(|a| a["kind"] == "task").count();
    assert_eq!(tasks, 36 * 2, "36 task items (q0–q35; q36 is calibration, q37–q39 gold) × 2 raters");
    assert_eq!(plan["summary"]["covered_items"], 36);
    assert!(assignments
        .iter()
        .any(|a| a["kind"] == "repeat" && a["item_id"].as_str().unwrap().ends_with("#repeat") && a["repeat_of"].is_string()));
    assert!(assignments.iter().all(|a| a["order"].as_array().unwrap().len() == 2));
    let rater_a = std::fs::read_to_string(out.join("a.jsonl")).unwrap();
    assert_eq!(rater_a.lines().count(), assignments.iter().filter(|a| a["annotator"] == "a").count());
    assert!(rater_a.lines().next().unwrap().contains(r#""id":"q36""#), "calibration comes first");
    let csv = std::fs::read_to_string(out.join("assignments.csv")).unwrap();
    assert!(csv.starts_with("annotator,group,seq,item_id,kind,repeat_of,order\r\n"));
    assert_eq!(csv.lines().count(), assignments.len() + 1);
}

#[test]
fn an_impossible_design_is_a_plan_with_shortfalls() {
    let dir = scratch("short");
    let path = write_campaign(
        &dir,
        r#"{"schema":"verdict/campaign@1","id":"c","tasks":"tasks.jsonl","roster":[{"annotator":"a","languages":["en"]},{"annotator":"b","languages":["en"]}],
            "overlap":{"raters_per_item":3},"match":{"language":"meta.language"}}"#,
    );
    let (stdout, stderr, code) = common::verdict(&["plan", &path, "--json"], None);
    assert_eq!(code, 0);
    assert!(stderr.contains("shortfalls"), "{stderr}");
    let plan: Value = serde_json::from_str(&stdout).unwrap();
    let shortfalls = plan["shortfalls"].as_array().unwrap();
    assert_eq!(shortfalls.len(), 40);
    assert!(shortfalls.iter().any(|s| s["reason"]["reason"] == "no_reader" && s["reason"]["language"] == "tl"));
    assert!(shortfalls.iter().any(|s| s["reason"]["reason"] == "too_few_readers" && s["assigned"] == 2));
}

#[test]
fn bad_campaigns_are_reported_as_file_field_problem() {
    let dir = scratch("bad");
    let path = write_campaign(
        &dir,
        r#"{"schema":"verdict/campaign@1","id":"c","tasks":"tasks.jsonl","roster":[{"annotator":"a"},{"annotator":"a"}],"colour":1}"#,
    );
    let (_, stderr, code) = common::verdict(&["plan", &path], None);
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("{path}:colour: unknown field")), "{stderr}");
    assert!(stderr.contains(&format!("{path}:roster[1].annotator: duplicate annotator id \"a\" (first at roster[0])")), "{stderr}");
    let path = write_campaign(
        &scratch("missing"),
        r#"{"schema":"verdict/campaign@1","id":"c","tasks":"nope.jsonl","roster":[{"annotator":"a"}]}"#,
    );
    let (_, stderr, code) = common::verdict(&["plan", &path], None);
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("{path}:tasks: cannot read")), "{stderr}");
}

#[test]
fn plan_size_echoes_its_inputs() {
    let (stdout, stderr, code) =
        common::verdict(&["plan", "size", "--metric", "accuracy", "--accuracy", "0.9", "--width", "0.05", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    let answer: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(answer["metric"], "accuracy");
    assert_eq!(answer["inputs"]["accuracy"], 0.9);
    // Wald: 1.96² · .09 / .0025 = 138.3; Wilson's expected half-width lands close.
    let n = answer["n"].as_u64().unwrap();
    assert!((125..=150).contains(&n), "{n}");
    let (stdout, _, code) = common::verdict(&["plan", "size", "--metric", "bt", "--elo", "100", "--seed", "4", "--json"], None);
    assert_eq!(code, 0);
    let answer: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(answer["inputs"]["elo_difference"], 100.0);
    assert!(answer["power"].as_f64().unwrap() >= 0.8);
    let (_, stderr, code) = common::verdict(&["plan", "size", "--metric", "bt", "--elo=-5"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("--elo -5 is out of range"), "{stderr}");
}
