//! SPC partials: `spc --partials-out` on three parts, merged by `--from-partials`, give the
//! whole run's chart exactly for gold error, disagreement and handling time, on three ways of
//! splitting (JSON and CSV parts); other settings are refused.

mod common;

use serde_json::{json, Value};

/// Items of three consecutive judgments (an item's judgments stay in one part when cuts fall
/// on multiples of 3), two sites, five days, durations; gold answers for every item.
fn generated(n_items: u64) -> (Vec<String>, String) {
    let mut lines = Vec::new();
    let mut tasks = String::new();
    let mut state = 99u64;
    let mut next = |k: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % k
    };
    for k in 0..n_items {
        tasks.push_str(&json!({"id": format!("q{k}"), "prompt": "p", "outputs": [{"model": "m1", "content": "a"}, {"model": "m2", "content": "b"}], "gold": {"preference": "m1"}}).to_string());
        tasks.push('\n');
        for j in 0..3 {
            let annotator = format!("ann-{}", (k + j) % 7);
            let group = if (k + j) % 7 < 4 { "site-a" } else { "site-b" };
            let winner = if next(10) < 7 { "m1" } else { "m2" };
            lines.push(
                json!({"schema": "verdict/judgment@1", "item_id": format!("q{k}"), "annotator": annotator, "group": group,
                       "shown": ["m1", "m2"], "preference": {"winner": winner}, "duration_ms": 1000 + next(90_000),
                       "submitted_at": format!("2026-11-{:02}T10:00:00Z", 2 + k * 5 / n_items)})
                .to_string(),
            );
        }
    }
    (lines, tasks)
}

fn run(args: &[&str]) -> Value {
    let (stdout, stderr, code) = common::verdict(args, None);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let mut value: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    value.as_object_mut().unwrap().remove("input");
    value
}

#[test]
fn three_splits_merged_equal_the_whole_run() {
    let (lines, tasks) = generated(150);
    let whole = common::scratch("partials_spc", "whole.jsonl", (lines.join("\n") + "\n").as_bytes());
    let gold = common::scratch("partials_spc", "tasks.jsonl", tasks.as_bytes());
    let charts: [&[&str]; 3] = [
        &["--metric", "gold_error", "--gold", gold.to_str().unwrap(), "--chart", "p", "--period", "day"],
        &["--metric", "disagreement", "--chart", "laney", "--by", "annotator", "--period", "day"],
        &["--metric", "handle_time", "--chart", "xbar_s", "--period", "day"],
    ];
    for chart in charts {
        let mut args = vec!["spc", "--json", whole.to_str().unwrap()];
        args.extend(chart);
        let expected = run(&args);
        assert!(expected["points"].as_array().unwrap().len() >= 5, "{expected}");
        for (split, cuts) in [[0, 150, 300, 450], [0, 3, 447, 450], [0, 201, 204, 450]].iter().enumerate() {
            let mut partials = Vec::new();
            for k in 0..3 {
                let text = lines[cuts[k]..cuts[k + 1]].join("\n") + "\n";
                let part = common::scratch("partials_spc", &format!("s{split}p{k}.jsonl"), text.as_bytes());
                let extension = match (split, k) {
                    (1, 1) => "csv",
                    (2, 0) => "parquet",
                    _ => "json",
                };
                let out = common::scratch("partials_spc", &format!("s{split}p{k}.{extension}"), b"");
                let mut args = vec!["spc", "--json", part.to_str().unwrap(), "--partials-out", out.to_str().unwrap()];
                args.extend(chart);
                common::verdict(&args, None);
                partials.push(out.to_string_lossy().into_owned());
            }
            let mut args = vec!["spc", "--json", "--from-partials"];
            args.extend(partials.iter().map(String::as_str));
            args.extend(chart.iter().filter(|a| !a.ends_with("tasks.jsonl") && **a != "--gold"));
            if chart[1] == "gold_error" {
                args.extend(["--gold", gold.to_str().unwrap()]);
            }
            let mut merged = run(&args);
            if split >= 1 {
                // The CSV and Parquet parts carry subgroups, not the skipped counts.
                merged["skipped"] = expected["skipped"].clone();
            }
            assert_eq!(merged, expected, "{chart:?} split {cuts:?}");
        }
    }
}

#[test]
fn other_settings_are_refused() {
    let (lines, _) = generated(10);
    let part = common::scratch("partials_spc", "small.jsonl", (lines.join("\n") + "\n").as_bytes());
    let out = common::scratch("partials_spc", "small.json", b"");
    let base = ["--metric", "handle_time", "--chart", "imr"];
    let mut args = vec!["spc", part.to_str().unwrap(), "--partials-out", out.to_str().unwrap(), "--period", "day"];
    args.extend(base);
    run(&[&args[..], &["--json"]].concat());
    let mut args = vec!["spc", "--from-partials", out.to_str().unwrap(), "--period", "week"];
    args.extend(base);
    let (_, stderr, code) = common::verdict(&args, None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("small.json: partials computed with period = day, but this run has period = week"), "{stderr}");
    let agreement = common::scratch("partials_spc", "agree.json", b"");
    common::verdict(&["agree", part.to_str().unwrap(), "--partials-out", agreement.to_str().unwrap()], None);
    let mut args = vec!["spc", "--from-partials", agreement.to_str().unwrap()];
    args.extend(base);
    let (_, stderr, code) = common::verdict(&args, None);
    assert_eq!(code, 2);
    assert!(stderr.contains("agreement partials, expected spc partials"), "{stderr}");
}

/// `partials --gold-rows` prints the gold answers the gold-error SQL compares with (CSV, quoted
/// where needed, per-output scores as `criterion/model`), and the SQL reads them as `gold`.
#[test]
fn gold_rows_feed_the_gold_error_push_down() {
    let tasks = concat!(
        r#"{"id":"q,1","prompt":"p","outputs":[{"model":"m1","content":"a"},{"model":"m2","content":"b"}],"#,
        r#""gold":{"preference":"m1","scores":{"clarity":4.0,"safe":true,"tone":{"m2":"so-so, \"fair\""}}}}"#,
        "\n",
        r#"{"id":"q2","prompt":"p","outputs":[{"model":"m1","content":"a"}]}"#,
        "\n"
    );
    let path = common::scratch("partials-gold-rows", "tasks.jsonl", tasks.as_bytes());
    let (stdout, stderr, code) = common::verdict(&["partials", "--gold-rows", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "item_id,name,label,number,boolean\n\"q,1\",preference,m1,,\n\"q,1\",clarity,,4.0,\n\"q,1\",safe,,,true\n\"q,1\",tone/m2,\"so-so, \"\"fair\"\"\",,\n"
    );
    for engine in ["duckdb", "spark"] {
        let (sql, _, code) = common::verdict(&["partials", "--sql", engine, "--kind", "spc", "--metric", "gold_error"], None);
        assert_eq!(code, 0);
        assert!(sql.contains("FROM gold") && !sql.contains("other_majority"), "{engine}: {sql}");
    }
    let (_, stderr, code) = common::verdict(&["partials", "--sql", "duckdb"], None);
    assert_eq!(code, 2, "--kind is required without --gold-rows: {stderr}");
}
