//! `verdict agree` end to end: the JSON contract, undefined values, bad lines, determinism,
//! per-output criteria with a rubric, per-annotator quality with gold, groups.

use std::process::Output;

use serde_json::Value;

mod common;

const MTBENCH: &str = "../../www/demo/mtbench-judgments/judgments.jsonl";

fn verdict(args: &[&str], stdin: Option<&str>) -> Output {
    common::output(args, stdin.map(str::as_bytes))
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("verdict-agree-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("temp dir is writable");
    path.to_string_lossy().into_owned()
}

#[test]
fn mtbench_preference_alpha_matches_the_krippendorff_package_and_keeps_the_contract() {
    // Every rater, the GPT-4 judge too (agree's default is humans only: `--raters '*'`).
    let output = verdict(&["agree", MTBENCH, "--metric", "krippendorff_alpha", "--raters", "*", "--json"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = json(&output);
    let result = &report["results"][0];
    for key in ["criterion", "metric", "level", "value", "ci_low", "ci_high", "n_items", "n_annotators", "n_ratings"] {
        assert!(result.get(key).is_some(), "missing {key}");
    }
    assert_eq!(result["criterion"], "preference");
    assert_eq!(result["level"], "nominal");
    // krippendorff 0.9.0 on the same file (latest judgment per item and annotator, winner
    // labels as nominal codes): 0.5894160422307093.
    let alpha = result["value"].as_f64().unwrap();
    assert!((alpha - 0.589_416_042_230_709_3).abs() < 1e-9, "{alpha}");
    assert_eq!(report["n_replaced"], 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 judgment was replaced"));
}

#[test]
fn empty_input_is_an_error_with_a_message() {
    for command in ["agree", "rank", "report"] {
        let output = verdict(&[command, "-", "--json"], Some("\n\n"));
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("no judgments: the input is empty"), "{command}");
    }
}

#[test]
fn judgments_without_ratings_give_null_with_a_note_and_no_crash() {
    let text = r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","flags":["skipped"]}"#;
    let output = verdict(&["agree", "-", "--json"], Some(text));
    assert!(output.status.success());
    let report = json(&output);
    let results = report["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        assert!(result["value"].is_null());
        assert!(result["note"].as_str().is_some_and(|n| !n.is_empty()));
    }
}

#[test]
fn bad_lines_are_reported_with_file_line_field_and_the_rest_still_counts() {
    let text = concat!(
        r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"x","scores":{"q":1}}"#,
        "\n",
        r#"{"schema":"verdict/judgment@1","item_id":7,"annotator":"y","scores":{"q":1}}"#,
        "\n",
        r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"y","scores":{"q":1}}"#,
        "\n",
        r#"{"schema":"verdict/judgment@1","item_id":"b","annotator":"x","scores":{"q":2}}"#,
        "\n",
        r#"{"schema":"verdict/judgment@1","item_id":"b","annotator":"y","scores":{"q":2}}"#,
        "\n",
    );
    let path = temp_file("bad.jsonl", text);
    let output = verdict(&["agree", &path, "--metric", "percent_agreement", "--json"], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("{path}:2: item_id: expected a string, found a number")), "{stderr}");
    let report = json(&output);
    assert_eq!(report["results"][0]["value"], 1.0);
    assert_eq!(report["n_bad_lines"], 1);
}

#[test]
fn bootstrap_is_deterministic_for_a_seed() {
    let args = ["agree", MTBENCH, "--metric", "gwet_ac1", "--bootstrap", "200", "--seed", "7", "--json"];
    let first = json(&verdict(&args, None));
    let second = json(&verdict(&args, None));
    assert_eq!(first, second);
    let result = &first["results"][0];
    let (low, value, high) = (result["ci_low"].as_f64().unwrap(), result["value"].as_f64().unwrap(), result["ci_high"].as_f64().unwrap());
    assert!(low < value && value < high, "{low} {value} {high}");
    let other = json(&verdict(&["agree", MTBENCH, "--metric", "gwet_ac1", "--bootstrap", "200", "--seed", "8", "--json"], None));
    assert_ne!(other["results"][0]["ci_low"], result["ci_low"]);
}

const RUBRIC: &str = r#"{"title": "t", "mode": "pairwise", "criteria": [
  {"id": "helpfulness", "label": "Helpfulness", "kind": "likert", "min": 1, "max": 5, "level": "ordinal", "per_output": true},
  {"id": "policy", "label": "Policy", "kind": "choice", "options": ["none", "hate", "violence"]},
  {"id": "rationale", "label": "Why?", "kind": "text", "required": false}]}"#;

fn judgment(item: &str, annotator: &str, group: &str, winner: &str, x: u8, y: u8, policy: &str) -> String {
    format!(
        r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","group":"{group}","preference":{{"winner":"{winner}"}},"scores":{{"helpfulness":{{"mx":{x},"my":{y}}},"policy":"{policy}","rationale":"free text"}}}}"#
    )
}

fn rubric_files() -> (String, String, String) {
    let mut lines = Vec::new();
    for (index, item) in ["i1", "i2", "i3", "i4"].iter().enumerate() {
        let x = 1 + index as u8;
        let agreed = if index % 2 == 0 { "mx" } else { "my" };
        lines.push(judgment(item, "ann-a", "site-1", agreed, x, 2, "none"));
        lines.push(judgment(item, "ann-b", "site-1", agreed, x, 2, "none"));
        lines.push(judgment(item, "ann-c", "site-2", if index % 2 == 0 { "my" } else { "tie" }, 5 - index as u8, 3, "hate"));
    }
    let tasks = ["i1", "i2", "i3", "i4"]
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let gold = if index % 2 == 0 { "mx" } else { "my" };
            format!(r#"{{"id":"{id}","prompt":"p","outputs":[{{"model":"mx","content":"a"}},{{"model":"my","content":"b"}}],"gold":{{"preference":"{gold}","scores":{{"policy":"none"}}}}}}"#)
        })
        .collect::<Vec<_>>()
        .join("\n");
    (temp_file("rubric.json", RUBRIC), temp_file("j.jsonl", &lines.join("\n")), temp_file("tasks.jsonl", &tasks))
}

#[test]
fn rubric_criteria_per_output_units_levels_and_text_skipped() {
    let (rubric, judgments, _) = rubric_files();
    let report = json(&verdict(&["agree", &judgments, "--rubric", &rubric, "--metric", "krippendorff_alpha", "--json"], None));
    let results = report["results"].as_array().unwrap();
    let criteria: Vec<&str> = results.iter().map(|r| r["criterion"].as_str().unwrap()).collect();
    assert_eq!(criteria, ["preference", "helpfulness", "policy"], "text criteria are not rated for agreement");
    let helpfulness = &results[1];
    assert_eq!(helpfulness["level"], "ordinal");
    assert_eq!(helpfulness["level_source"], "rubric");
    assert_eq!(helpfulness["n_items"], 8, "units are (item, model) pairs");
    assert_eq!(results[2]["level_source"], "inferred");
}

#[test]
fn per_annotator_quality_with_gold_and_per_group_alpha() {
    let (rubric, judgments, tasks) = rubric_files();
    let report = json(&verdict(
        &["agree", &judgments, "--rubric", &rubric, "--criterion", "preference", "--group-by", "annotator", "--gold", &tasks, "--json"],
        None,
    ));
    let annotators = report["annotators"].as_array().unwrap();
    assert_eq!(annotators.len(), 3);
    let by_name = |name: &str| annotators.iter().find(|a| a["annotator"] == name).unwrap();
    assert_eq!(by_name("ann-a")["gold_accuracy"], 1.0);
    assert_eq!(by_name("ann-c")["gold_accuracy"], 0.0);
    assert_eq!(by_name("ann-c")["n_gold"], 4);
    // The dissenting annotator lowers alpha: removing them raises it.
    assert!(by_name("ann-c")["alpha_delta"].as_f64().unwrap() < 0.0);
    assert_eq!(by_name("ann-a")["group"], "site-1");

    let report = json(&verdict(
        &[
            "agree",
            &judgments,
            "--rubric",
            &rubric,
            "--criterion",
            "helpfulness",
            "--metric",
            "krippendorff_alpha",
            "--group-by",
            "group",
            "--json",
        ],
        None,
    ));
    let site1 = report["results"].as_array().unwrap().iter().find(|r| r["group"] == "site-1").unwrap();
    assert_eq!(site1["value"], 1.0, "ann-a and ann-b agree perfectly");
}

#[test]
fn table_output_and_usage_errors() {
    let output = verdict(&["agree", MTBENCH], None);
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.lines().next().unwrap().starts_with("criterion"), "{table}");
    assert!(table.contains("krippendorff_alpha") && table.contains("nominal (inferred)"));
    let output = verdict(&["agree", MTBENCH, "--metric", "kappa"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown metric \"kappa\""));
}

#[test]
fn a_large_file_read_in_ranges_on_threads_gives_what_stdin_gives() {
    // Over 8 MiB, so the file is cut into ranges of lines read on their own threads (stdin is
    // read block by block). Across the cut: a bad line, a line starting with a byte-order mark
    // (an error except on line 1), mixed criteria shapes and re-judgments of early items.
    let n = 100_000;
    let mut lines: Vec<String> = (0..n)
        .map(|k| {
            format!(
                r#"{{"schema":"verdict/judgment@1","item_id":"item-{}","annotator":"rater-{}","scores":{{"quality":{}}}}}"#,
                k / 4,
                k % 4,
                (k * 7 + k / 3) % 5 + 1
            )
        })
        .collect();
    lines[0].insert(0, '\u{feff}');
    lines[70_000] = r#"{"schema":"verdict/judgment@1","item_id":"x"}"#.to_owned();
    lines[80_000].insert(0, '\u{feff}');
    lines[90_000] =
        r#"{"schema":"verdict/judgment@1","item_id":"item-3","annotator":"rater-1","scores":{"quality":1,"style":{"m1":2,"m2":3}}}"#
            .to_owned();
    lines.push(r#"{"schema":"verdict/judgment@1","item_id":"item-0","annotator":"rater-0","scores":{"quality":5}}"#.to_owned());
    let text = lines.join("\n") + "\n";
    assert!(text.len() > 8 << 20);
    let path = temp_file("ranges.jsonl", &text);
    let from_file = verdict(&["agree", &path, "--json"], None);
    let from_stdin = verdict(&["agree", "-", "--json"], Some(&text));
    let one_thread = verdict(&["agree", &path, "--json", "--threads", "1"], None);
    assert_eq!(from_file.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&from_file.stdout).replace(&path, "-"), String::from_utf8_lossy(&from_stdin.stdout));
    assert_eq!((&from_file.stdout, &from_file.stderr), (&one_thread.stdout, &one_thread.stderr));
    let file_errors = String::from_utf8_lossy(&from_file.stderr).replace(&path, "-");
    assert_eq!(file_errors, String::from_utf8_lossy(&from_stdin.stderr));
    assert!(file_errors.contains("-:70001: annotator:") && file_errors.contains("-:80001:"), "{file_errors}");
    assert!(!file_errors.contains("-:1:"), "a byte-order mark on line 1 is allowed: {file_errors}");
    assert_eq!(json(&from_file)["n_replaced"], 2);
}
