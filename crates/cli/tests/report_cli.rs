//! `verdict report` end to end on the real MT-Bench judgments: the HTML file and CSV tables are
//! written, the page is self-contained, and its numbers are those of `verdict agree --json` and
//! `verdict rank --json` with the same bootstrap and seed.

use std::process::{Command, Output};

use serde_json::Value;

const MTBENCH: &str = "../../www/demo/mtbench-judgments/judgments.jsonl";

fn verdict(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verdict")).args(args).output().expect("the verdict binary runs")
}

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("verdict-report-{}-{name}", std::process::id()))
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    // The cells these tests read hold no quotes or commas; quoted cells are kept whole.
    text.lines().map(|line| line.split(',').map(str::to_owned).collect()).collect()
}

#[test]
fn writes_a_self_contained_page_and_csv_tables_matching_agree_and_rank() {
    let html_path = temp_path("report.html");
    let csv_dir = temp_path("csv");
    let html_arg = html_path.to_string_lossy().into_owned();
    let csv_arg = csv_dir.to_string_lossy().into_owned();
    let output = verdict(&["report", MTBENCH, "--bootstrap", "30", "--seed", "3", "--out", &html_arg, "--csv-dir", &csv_arg]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("5754 judgments, 65 annotators ("), "{stderr}");
    assert!(stderr.contains("), 1 LLM judge, 2 groups"), "humans and the judge counted apart: {stderr}");
    assert!(stderr.contains("warning: replaces"), "the real duplicate is reported: {stderr}");

    let html = std::fs::read_to_string(&html_path).expect("the page is written");
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("http"));
    assert!(html.contains("CC BY 4.0"), "MT-Bench attribution in the footer");
    assert!(html.contains("judge&#58;gpt-4"));

    // Agreement: the same numbers as `verdict agree --json` over every rater (the report's
    // agreement table counts the judge too; agree's default is humans only).
    let agree = verdict(&["agree", MTBENCH, "--json", "--raters", "*", "--bootstrap", "30", "--seed", "3"]);
    let agree: Value = serde_json::from_slice(&agree.stdout).expect("agree prints JSON");
    let table = std::fs::read_to_string(csv_dir.join("agreement.csv")).expect("agreement.csv");
    let rows = csv_rows(&table);
    assert_eq!(rows[0][..6], ["criterion", "metric", "level", "value", "ci_low", "ci_high"]);
    let results = agree["results"].as_array().expect("results");
    assert_eq!(rows.len() - 1, results.len());
    for (row, result) in rows[1..].iter().zip(results) {
        assert_eq!(row[0], result["criterion"].as_str().unwrap());
        assert_eq!(row[1], result["metric"].as_str().unwrap());
        for (cell, key) in row[3..6].iter().zip(["value", "ci_low", "ci_high"]) {
            let expected = result[key].as_f64().expect("defined on MT-Bench");
            assert!((cell.parse::<f64>().unwrap() - expected).abs() < 1e-12, "{key}: {cell} vs {expected}");
        }
    }

    // Leaderboard: the humans' (the judge is kept apart), as `verdict rank --json --raters humans`.
    let rank = verdict(&["rank", MTBENCH, "--json", "--raters", "humans", "--bootstrap", "30", "--seed", "3"]);
    let rank: Value = serde_json::from_slice(&rank.stdout).expect("rank prints JSON");
    let table = std::fs::read_to_string(csv_dir.join("leaderboard.csv")).expect("leaderboard.csv");
    let rows = csv_rows(&table);
    let models = rank["models"].as_array().expect("models");
    assert_eq!(rows.len() - 1, models.len());
    for (row, model) in rows[1..].iter().zip(models) {
        assert_eq!(row[1], model["model"].as_str().unwrap());
        for (cell, key) in row[2..5].iter().zip(["rating", "ci_low", "ci_high"]) {
            let expected = model[key].as_f64().expect("rated");
            assert!((cell.parse::<f64>().unwrap() - expected).abs() < 1e-9, "{key}: {cell} vs {expected}");
        }
    }

    let judges = std::fs::read_to_string(csv_dir.join("judges.csv")).expect("judges.csv");
    assert!(judges.lines().nth(1).is_some_and(|l| l.starts_with("judge:gpt-4,")), "{judges}");
    for name in ["annotators.csv", "groups.csv", "pairwise.csv", "disagreements.csv", "bias.csv", "trend.csv", "overview.csv"] {
        assert!(csv_dir.join(name).exists(), "{name}");
    }
    std::fs::remove_file(&html_path).ok();
    std::fs::remove_dir_all(&csv_dir).ok();
}

#[test]
fn bad_lines_give_exit_code_one_and_are_listed() {
    let input = temp_path("bad.jsonl");
    std::fs::write(
        &input,
        "{\"schema\":\"verdict/judgment@1\",\"item_id\":\"q\",\"annotator\":\"a\",\"preference\":{\"winner\":\"x\"}}\nnot json\n",
    )
    .unwrap();
    let out = temp_path("bad.html");
    let output = verdict(&["report", &input.to_string_lossy(), "--out", &out.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.jsonl:2: "));
    assert!(out.exists(), "the report is still written");
    std::fs::remove_file(&input).ok();
    std::fs::remove_file(&out).ok();
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let output = verdict(&["report", "no-such-file.jsonl", "--out", &temp_path("none.html").to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read no-such-file.jsonl"));
}
