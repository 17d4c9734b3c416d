//! `verdict spc` and `verdict audit` end to end on a generated 8-week, 4-site data set whose
//! site-c gold error rate jumps in week 6; audits that accept one lot and reject another and
//! carry the switching state across lots.

mod common;

use common::{scratch, verdict};
use serde_json::{json, Value};
use verdict_core::rng::Pcg32;

/// Gold-labelled tasks and judgments: 4 sites × 3 annotators × 8 weeks × 20 items each; error
/// rate 5 %, site-c 35 % from 2026-W46 (the sixth week); a judge's judgments that must stay out.
fn generated() -> (String, String) {
    let mut rng = Pcg32::new(16, 1);
    let mut tasks = String::new();
    let mut judgments = String::new();
    let mut item = 0;
    for week in 0..8 {
        // Monday 2026-10-05 is in ISO week 41.
        let day = 5 + week * 7;
        let (month, day) = if day <= 31 { (10, day) } else { (11, day - 31) };
        for site in ["site-a", "site-b", "site-c", "site-d"] {
            for annotator in 0..3 {
                for _ in 0..20 {
                    item += 1;
                    let id = format!("i{item}");
                    tasks.push_str(&json!({"id": id, "prompt": "p", "outputs": [{"model": "m1", "content": "a"}, {"model": "m2", "content": "b"}], "gold": {"preference": "m1"}}).to_string());
                    tasks.push('\n');
                    let error_rate = if site == "site-c" && week >= 5 { 0.35 } else { 0.05 };
                    let winner = if rng.unit_f64() < error_rate { "m2" } else { "m1" };
                    let at = format!("2026-{month:02}-{day:02}T10:00:00Z");
                    judgments.push_str(
                        &json!({"schema": "verdict/judgment@1", "item_id": id, "annotator": format!("{site}-{annotator}"), "group": site,
                                "preference": {"winner": winner}, "started_at": at, "submitted_at": at, "duration_ms": 20000 + rng.below(20000)})
                        .to_string(),
                    );
                    judgments.push('\n');
                    if annotator == 0 {
                        judgments.push_str(&json!({"schema": "verdict/judgment@1", "item_id": id, "annotator": "judge:gpt", "group": site, "preference": {"winner": "m2"}, "submitted_at": at}).to_string());
                        judgments.push('\n');
                    }
                }
            }
        }
    }
    (tasks, judgments)
}

#[test]
fn p_chart_signals_the_shifted_site_in_the_shifted_week() {
    let (tasks, judgments) = generated();
    let tasks = scratch("spc", "tasks.jsonl", tasks.as_bytes());
    let judgments = scratch("spc", "judgments.jsonl", judgments.as_bytes());
    let (t, j) = (tasks.to_str().unwrap(), judgments.to_str().unwrap());
    let (stdout, stderr, code) = verdict(
        &[
            "spc",
            j,
            "--gold",
            t,
            "--metric",
            "gold_error",
            "--by",
            "group",
            "--period",
            "week",
            "--chart",
            "p",
            "--baseline",
            "2026-W41..2026-W44",
            "--rules",
            "we",
            "--json",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let out: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["chart"], "p");
    assert_eq!(out["skipped"]["llm_judges"], 640, "judges are left out");
    assert_eq!(out["points"].as_array().unwrap().len(), 32);
    let first = &out["points"][0];
    for field in ["key", "period", "n", "value", "lcl", "ucl"] {
        assert!(first.get(field).is_some(), "point field {field}");
    }
    assert_eq!(first["n"], 60);
    let signals = out["signals"].as_array().unwrap();
    assert!(!signals.is_empty());
    assert_eq!(
        (signals[0]["key"].as_str(), signals[0]["period"].as_str(), signals[0]["rule"].as_str()),
        (Some("site-c"), Some("2026-W46"), Some("we1")),
        "{signals:?}"
    );
    assert!(signals.iter().all(|s| s["key"] == "site-c" && s["period"].as_str().unwrap() >= "2026-W46"), "{signals:?}");
    // Judges included change the counts.
    let (stdout, _, _) = verdict(&["spc", j, "--gold", t, "--metric", "gold_error", "--chart", "ewma", "--include-judges", "--json"], None);
    let out: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["skipped"]["llm_judges"], 0);
    assert_eq!(out["points"][0]["n"], 80);
    // Handling time as an X̄–S chart; a bad combination is a clear error.
    let (stdout, stderr, code) = verdict(&["spc", j, "--metric", "handle_time", "--chart", "xbar_s", "--by", "annotator", "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap()["secondary"]["name"], "s");
    let (_, stderr, code) = verdict(&["spc", j, "--metric", "handle_time", "--chart", "p"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("seconds"), "{stderr}");
}

#[test]
fn events_are_placed_in_their_periods_and_echoed() {
    let (tasks, judgments) = generated();
    let tasks = scratch("spc-events", "tasks.jsonl", tasks.as_bytes());
    let judgments = scratch("spc-events", "judgments.jsonl", judgments.as_bytes());
    let events = scratch("spc-events", "events.csv", b"date,label\n2026-11-09,guideline v3\n2026-13-01,bad\n");
    let (t, j, e) = (tasks.to_str().unwrap(), judgments.to_str().unwrap(), events.to_str().unwrap());
    let (stdout, stderr, code) = verdict(&["spc", j, "--gold", t, "--metric", "gold_error", "--chart", "p", "--events", e, "--json"], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("events.csv:3: date: expected a date (YYYY-MM-DD), found \"2026-13-01\""), "{stderr}");
    let out: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["events"], json!([{"date": "2026-11-09", "label": "guideline v3", "period": "2026-W46"}]));
    let (stdout, _, _) = verdict(&["spc", j, "--gold", t, "--metric", "gold_error", "--chart", "p", "--events", e], None);
    assert!(stdout.contains("event 2026-11-09 (2026-W46): guideline v3"), "{stdout}");
}

#[test]
fn audit_plans_samples_and_decisions_with_switching_state() {
    let (stdout, _, code) = verdict(&["audit", "plan", "--lot", "2000", "--aql", "0.65", "--json"], None);
    assert_eq!(code, 0);
    let plan: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (plan["code_letter"].as_str(), plan["n"].as_u64(), plan["ac"].as_u64(), plan["re"].as_u64()),
        (Some("K"), Some(125), Some(2), Some(3))
    );
    assert_eq!(plan["oc"].as_array().unwrap().len(), 21);
    let (stdout, _, _) = verdict(&["audit", "plan", "--aql", "1", "--ltpd", "5", "--alpha", "0.05", "--beta", "0.10", "--json"], None);
    let custom: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!((custom["n"].as_u64(), custom["c"].as_u64()), (Some(132), Some(3)));

    let (_, judgments) = generated();
    let batch = scratch("audit", "batch.jsonl", judgments.as_bytes());
    let out = batch.with_file_name("qa-tasks.jsonl");
    let args = [
        "audit",
        "sample",
        batch.to_str().unwrap(),
        "--plan",
        "aql=1.0",
        "--seed",
        "7",
        "--stratify",
        "annotator",
        "-o",
        out.to_str().unwrap(),
    ];
    let (_, stderr, code) = verdict(&args, None);
    assert_eq!(code, 0, "{stderr}");
    let sampled = std::fs::read_to_string(&out).unwrap();
    // 2 080 judgments (lot 1201–3200, level II → K): n = 125.
    assert_eq!(sampled.lines().count(), 125, "{stderr}");
    let first: Value = serde_json::from_str(sampled.lines().next().unwrap()).unwrap();
    assert!(first["id"].as_str().unwrap().starts_with("qa:"));
    verdict(&args, None);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), sampled, "same seed, same sample");

    // QA reviews: lot 1 with 2 defects in 125 (accept at Ac 2... of AQL 1.0 → K: 3/4), lot 2 with 6 (reject).
    let review = |defects: usize| -> String {
        (0..125)
            .map(|i| {
                let flags: Vec<&str> = if i < defects { vec!["defect"] } else { vec![] };
                json!({"schema": "verdict/judgment@1", "item_id": format!("q{i}"), "annotator": "qa-lead", "flags": flags}).to_string()
                    + "\n"
            })
            .collect()
    };
    let state = batch.with_file_name("state.json");
    let _ = std::fs::remove_file(&state);
    let decide = |defects: usize, name: &str| -> Value {
        let file = scratch("audit", name, review(defects).as_bytes());
        let (stdout, stderr, code) = verdict(
            &["audit", "decide", file.to_str().unwrap(), "--plan", "lot=2080,aql=1.0", "--state", state.to_str().unwrap(), "--json"],
            None,
        );
        assert_eq!(code, 0, "{stderr}");
        serde_json::from_str(&stdout).unwrap()
    };
    let accepted = decide(2, "lot1.jsonl");
    assert_eq!((accepted["decision"].as_str(), accepted["defects"].as_u64(), accepted["ac"].as_u64()), (Some("accept"), Some(2), Some(3)));
    assert!(accepted["ci_low"].as_f64().unwrap() < 0.016 && accepted["ci_high"].as_f64().unwrap() > 0.016);
    let rejected = decide(6, "lot2.jsonl");
    assert_eq!(rejected["decision"], "reject");
    assert_eq!(rejected["next_inspection"], "normal");
    let third = decide(5, "lot3.jsonl");
    assert_eq!(
        (third["decision"].as_str(), third["next_inspection"].as_str(), third["switched"].as_bool()),
        (Some("reject"), Some("tightened"), Some(true))
    );
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!((saved["inspection"].as_str(), saved["lots"].as_u64()), (Some("tightened"), Some(3)));
    // Under tightened inspection the next lot uses Table II-B: K at 1.0 → 2/3.
    let fourth = decide(2, "lot4.jsonl");
    assert_eq!(
        (fourth["inspection"].as_str(), fourth["ac"].as_u64(), fourth["decision"].as_str()),
        (Some("tightened"), Some(2), Some("accept"))
    );
}
