//! `verdict report` with the vendor sections (`--spc`, `--events`, `--strata`, `--what-changed`,
//! `--audit`, `--audit-plan`): the control chart's signals equal `verdict spc --json`'s, the audit
//! decision equals `verdict audit decide --json`'s, and the HTML page and CSVs carry them.

mod common;

use common::{scratch, verdict};
use serde_json::{json, Value};

/// 8 weeks × 4 sites × 60 gold-labelled judgments; site-c is wrong 40% of the time from the
/// sixth week (2026-W46), the others 5% (every 20th judgment); items alternate two languages.
fn generated() -> (String, String, String) {
    let (mut tasks, mut judgments, mut qa) = (String::new(), String::new(), String::new());
    let mut item = 0;
    for week in 0..8u32 {
        let day = 5 + week * 7;
        let (month, day) = if day <= 31 { (10, day) } else { (11, day - 31) };
        for site in ["site-a", "site-b", "site-c", "site-d"] {
            for k in 0..60u32 {
                item += 1;
                let language = if item % 2 == 0 { "en" } else { "th" };
                tasks.push_str(&json!({"id": format!("i{item}"), "prompt": "p", "outputs": [{"model": "m1", "content": "a"}, {"model": "m2", "content": "b"}], "meta": {"language": language}, "gold": {"preference": "m1"}}).to_string());
                tasks.push('\n');
                let wrong = if site == "site-c" && week >= 5 { k % 5 < 2 } else { k % 20 == 0 };
                let at = format!("2026-{month:02}-{day:02}T10:00:00Z");
                judgments.push_str(
                    &json!({"schema": "verdict/judgment@1", "item_id": format!("i{item}"), "annotator": format!("{site}-{}", k % 3), "group": site,
                            "preference": {"winner": if wrong { "m2" } else { "m1" }}, "submitted_at": at})
                    .to_string(),
                );
                judgments.push('\n');
            }
        }
    }
    for index in 0..80 {
        let flags = if index < 4 { json!(["defect"]) } else { json!([]) };
        qa.push_str(
            &json!({"schema": "verdict/judgment@1", "item_id": format!("qa:{index}"), "annotator": "qa", "flags": flags}).to_string(),
        );
        qa.push('\n');
    }
    (tasks, judgments, qa)
}

#[test]
fn vendor_sections_equal_spc_and_audit_and_reach_html_and_csv() {
    let (tasks, judgments, qa) = generated();
    let tasks = scratch("report-vendor", "tasks.jsonl", tasks.as_bytes());
    let judgments = scratch("report-vendor", "judgments.jsonl", judgments.as_bytes());
    let qa = scratch("report-vendor", "qa.jsonl", qa.as_bytes());
    let events = scratch("report-vendor", "events.jsonl", b"{\"date\": \"2026-11-09\", \"label\": \"guideline <v3>\"}\n");
    let dir = scratch("report-vendor", "out", b"").with_file_name("csv");
    let html = dir.with_file_name("report.html");
    let (t, j, q, e) = (tasks.to_str().unwrap(), judgments.to_str().unwrap(), qa.to_str().unwrap(), events.to_str().unwrap());
    let spc: Value = serde_json::from_str(
        &verdict(
            &[
                "spc",
                j,
                "--gold",
                t,
                "--metric",
                "gold_error",
                "--chart",
                "p",
                "--rules",
                "we",
                "--baseline",
                "2026-W41..2026-W45",
                "--json",
            ],
            None,
        )
        .0,
    )
    .unwrap();
    let decided: Value = serde_json::from_str(&verdict(&["audit", "decide", q, "--plan", "lot=1000,aql=1.0", "--json"], None).0).unwrap();
    let (stdout, stderr, code) = verdict(
        &[
            "report",
            j,
            "--gold",
            t,
            "--bootstrap",
            "0",
            "--json",
            "--out",
            html.to_str().unwrap(),
            "--csv-dir",
            dir.to_str().unwrap(),
            "--spc",
            "p",
            "--spc-baseline",
            "2026-W41..2026-W45",
            "--events",
            e,
            "--strata",
            "group,meta.language",
            "--what-changed",
            "2026-W41..2026-W45,2026-W46..2026-W48",
            "--audit",
            q,
            "--audit-plan",
            "lot=1000,aql=1.0",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let vendor = &report["vendor"];
    assert_eq!(vendor["spc"]["chart"]["signals"], spc["signals"], "the report's signals are `verdict spc`'s");
    assert_eq!(vendor["spc"]["chart"]["signals"][0]["key"], "site-c");
    assert_eq!(vendor["spc"]["chart"]["signals"][0]["period"], "2026-W46");
    assert_eq!(vendor["spc"]["events"][0]["period"], "2026-W46");
    let audit = &vendor["audit"]["decision"];
    for field in ["accept", "defects", "inspected", "rate", "ci_low", "ci_high"] {
        assert_eq!(audit[field], decided[field], "audit {field}");
    }
    assert_eq!(decided["decision"], "reject");
    let changed = &vendor["spc"]["changed"]["strata"];
    assert_eq!(changed[0]["row"], "site-c", "the shifted site contributes most to the change");
    // HTML: a chart per site with the signal marked and the event drawn (escaped); CSVs beside.
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("aria-label=\"p chart of site-c\""));
    assert!(page.contains("guideline &lt;v3&gt;"), "event labels are escaped");
    assert!(page.contains("Benjamini–Hochberg"));
    for name in ["spc_points", "spc_signals", "spc_events", "kpi_flags", "strata", "what_changed", "audit"] {
        let csv = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap_or_else(|_| panic!("{name}.csv"));
        assert!(csv.lines().count() >= 2, "{name}.csv has rows");
    }
    let audit_csv = std::fs::read_to_string(dir.join("audit.csv")).unwrap();
    assert!(audit_csv.lines().nth(1).unwrap().starts_with("reject,4,80,"), "{audit_csv}");
    // Without the flags the report has no vendor block at all (the JSON stays as it was).
    let (plain, _, _) = verdict(&["report", j, "--bootstrap", "0", "--json"], None);
    assert!(serde_json::from_str::<Value>(&plain).unwrap().get("vendor").is_none());
    // Bad flags are clear errors.
    let (_, stderr, code) = verdict(&["report", j, "--json", "--audit", q, "--audit-plan", "aql=1.0"], None);
    assert_ne!(code, 0);
    assert!(stderr.contains("--audit-plan needs lot=N"), "{stderr}");
    let (_, stderr, code) = verdict(&["report", j, "--json", "--spc", "p", "--spc-metric", "gold_error"], None);
    assert_ne!(code, 0);
    assert!(stderr.contains("gold_error needs a task file"), "{stderr}");
}
