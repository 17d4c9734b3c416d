//! One reader, one summary: every command prints the same `"input"` block for the same files
//! (DESIGN, "Identity and limits"). The corpus is `tests/nasty/` (see its README).

mod common;

use serde_json::Value;

const CORPUS: &str = "../../tests/nasty";

fn input_block(args: &[&str]) -> Value {
    let output = common::output(args, None);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stdout} {}", String::from_utf8_lossy(&output.stderr)));
    report["input"].clone()
}

fn corpus(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

#[test]
fn every_command_reports_the_same_input_block_for_every_nasty_file() {
    let sets: Vec<Vec<String>> = [
        vec!["mixed.jsonl"],
        vec!["unicode.jsonl"],
        vec!["deep-and-numbers.jsonl"],
        vec!["crlf-bom-cut.jsonl"],
        vec!["foreign.jsonl"],
        vec!["latin1.jsonl"],
        vec!["early.jsonl", "late.jsonl"],
        vec!["late.jsonl", "early.jsonl", "mixed.jsonl"],
    ]
    .iter()
    .map(|files| files.iter().map(|f| corpus(f)).collect())
    .collect();
    for files in &sets {
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        let mut blocks = Vec::new();
        for command in ["validate", "agree", "rank", "report"] {
            // `report` reads whole texts: a file that is not UTF-8 is refused with file:line.
            if command == "report" && files.iter().any(|f| f.ends_with("latin1.jsonl")) {
                continue;
            }
            let args: Vec<&str> = [command, "--json"].into_iter().chain(files.iter().copied()).collect();
            blocks.push((command, input_block(&args)));
        }
        // With a selection the block is still the whole input's (`"selected"` counts the rest).
        let selections: [&[&str]; 4] = [
            &["agree", "--raters", "*"],
            &["agree", "--metric", "pair_agreement", "--between", "humans", "--and", "judges"],
            &["rank", "--items", "."],
            &["report", "--where", "group=nobody"],
        ];
        for selected in selections {
            if selected[0] == "report" && files.iter().any(|f| f.ends_with("latin1.jsonl")) {
                continue;
            }
            let args: Vec<&str> = selected.iter().copied().chain(["--json"]).chain(files.iter().copied()).collect();
            blocks.push((selected[0], input_block(&args)));
        }
        // aggregate holds every judgment (the reader's own list); it needs labels to print JSON.
        let args: Vec<&str> =
            ["aggregate", "--json", "--criterion", "preference", "--method", "majority"].into_iter().chain(files.iter().copied()).collect();
        let output = common::output(&args, None);
        if output.status.success() {
            blocks.push(("aggregate", serde_json::from_slice::<Value>(&output.stdout).unwrap()["input"].clone()));
        }
        // spc reads through the one reader too (when the files give a chart at all).
        let args: Vec<&str> = ["spc", "--json", "--metric", "disagreement", "--by", "annotator", "--chart", "p"]
            .into_iter()
            .chain(files.iter().copied())
            .collect();
        let output = common::output(&args, None);
        if output.status.success() {
            blocks.push(("spc", serde_json::from_slice::<Value>(&output.stdout).unwrap()["input"].clone()));
        }
        // agree --retest reads through the one reader (input::read_judgments).
        let args: Vec<&str> = ["agree", "--retest", "--json"].into_iter().chain(files.iter().copied()).collect();
        blocks.push(("agree --retest", input_block(&args)));
        // rank --style-control reads through the one reader (it needs each judgment's fields).
        let args: Vec<&str> = ["rank", "--json", "--style-control"].into_iter().chain(files.iter().copied()).collect();
        let output = common::output(&args, None);
        if output.status.success() {
            blocks.push(("rank --style-control", serde_json::from_slice::<Value>(&output.stdout).unwrap()["input"].clone()));
        }
        let (first, expected) = &blocks[0];
        assert!(expected["lines"].as_u64().unwrap() > 0, "{files:?}");
        for (command, block) in &blocks[1..] {
            assert_eq!(block, expected, "{command} and {first} disagree on {files:?}");
        }
    }
}

#[test]
fn the_mixed_file_counts_as_written_down() {
    let block = input_block(&["agree", "--json", &corpus("mixed.jsonl")]);
    // 8 non-blank lines: 4 judgments kept (q1/a, q1/b, the Arena row, q3/c), line 4 replaced by
    // line 1 (submitted later although read earlier), lines 3, 6, 7 skipped.
    let counts: Vec<u64> =
        ["files", "lines", "judgments", "replaced", "skipped", "problems_total"].iter().map(|key| block[*key].as_u64().unwrap()).collect();
    assert_eq!(counts, [1, 8, 4, 1, 3, 3]);
    let codes: Vec<(u64, &str, &str)> = block["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["field"].as_str().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [(3, "-", "invalid_json"), (6, "-", "no_content"), (7, "extra", "duplicate_key")]);
}

#[test]
fn the_later_submission_wins_even_from_an_earlier_file() {
    // late.jsonl holds older submissions of r1: early.jsonl's answers must win in rank too.
    let output = common::output(&["rank", "--json", &corpus("early.jsonl"), &corpus("late.jsonl")], None);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let wins = |model: &str| report["models"].as_array().unwrap().iter().find(|m| m["model"] == model).unwrap()["wins"].as_u64().unwrap();
    // r1/a: m1 (10:00Z beats 09:59:59.999Z); r1/b: m2 (10:00+01:00 = 09:00Z loses to 09:30Z);
    // r2/a: no submitted_at on either line, so the later line (late.jsonl: m2) wins.
    assert_eq!((wins("m1"), wins("m2")), (1, 2));
}

#[test]
fn limits_are_errors_that_name_the_flag_at_once() {
    let judgments = corpus("mixed.jsonl");
    for args in [
        vec!["rank", judgments.as_str(), "--bootstrap", "1000000000"],
        vec!["agree", judgments.as_str(), "--bootstrap", "1000000000"],
        vec!["report", judgments.as_str(), "--json", "--bootstrap", "1000000000"],
    ] {
        let output = common::output(&args, None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr.contains("--bootstrap 1000000000 exceeds the limit of 100000"), "{stderr}");
    }
    let output = common::output(&["agree", &judgments, "--max-annotators", "2"], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("exceeds the limit of 2 (--max-annotators raises it)"));
    let output = common::output(&["report", &judgments, "--json", "--max-annotators", "2"], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("exceeds the limit of 2 (--max-annotators raises it)"));
}

#[test]
fn an_endless_line_stops_with_the_line_limit() {
    let output = common::output(&["validate", "/dev/zero", "--max-line-bytes", "1000000"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("exceeds the limit of 1000000 (--max-line-bytes raises it)"));
}

#[test]
fn convert_never_overwrites_its_input() {
    let dir = std::env::temp_dir().join(format!("verdict-convert-self-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("j.jsonl");
    let original = std::fs::read(corpus("unicode.jsonl")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let path = path.to_string_lossy().into_owned();
    let output = common::output(&["convert", &path, "--to", "judgments", "-o", &path], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("it is the input file"));
    assert_eq!(std::fs::read(&path).unwrap(), original, "the input is intact");
    // Another output works and is complete (written aside, then renamed).
    let out = dir.join("out.jsonl").to_string_lossy().into_owned();
    let output = common::output(&["convert", &path, "--to", "judgments", "-o", &out], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 6);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn agree_leaves_out_values_off_the_rubrics_scale_and_says_so() {
    let dir = std::env::temp_dir().join(format!("verdict-rubric-range-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rubric = dir.join("rubric.json");
    std::fs::write(&rubric, r#"{"title":"t","mode":"single","criteria":[{"id":"h","label":"H","kind":"likert","min":1,"max":5}]}"#)
        .unwrap();
    let judgments = [("i", "a", 7), ("i", "b", 3), ("j", "a", 3), ("j", "b", 3)]
        .map(|(item, annotator, value)| {
            format!(r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","scores":{{"h":{value}}}}}"#)
        })
        .join("\n");
    let output =
        common::output(&["agree", "-", "--json", "--rubric", &rubric.to_string_lossy(), "--criterion", "h"], Some(judgments.as_bytes()));
    assert_eq!(output.status.code(), Some(1), "a value off the scale is a problem");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["out_of_range"], serde_json::json!([{"criterion": "h", "count": 1}]));
    // The 7 is not counted: item i keeps one rating (not pairable), item j its two.
    assert_eq!(report["results"][0]["n_ratings"], 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("h: 1 values outside the rubric's scale were left out"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_without_its_chain_is_warned_about_and_a_chained_export_with_exact_floats_verifies() {
    // Exported (chained) judgments with numbers that need an exact round trip verify untouched.
    let line = r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"q":0.30000000000000004,"r":1e-7}}"#;
    let exported = common::output(&["convert", "-", "--to", "judgments"], Some(line.as_bytes()));
    assert!(exported.status.success());
    let validated = common::output(&["validate", "-"], Some(&exported.stdout));
    assert!(validated.status.success(), "{}", String::from_utf8_lossy(&validated.stdout));
    assert!(!String::from_utf8_lossy(&validated.stderr).contains("no tamper-evidence chain"));
    // The same judgments with the chain stripped: a warning (exit 0).
    let stripped: String = String::from_utf8_lossy(&exported.stdout)
        .lines()
        .map(|l| {
            let mut value: Value = serde_json::from_str(l).unwrap();
            value.as_object_mut().unwrap().remove("chain");
            serde_json::to_string(&value).unwrap() + "\n"
        })
        .collect();
    let validated = common::output(&["validate", "-"], Some(stripped.as_bytes()));
    assert!(validated.status.success());
    assert!(String::from_utf8_lossy(&validated.stderr).contains("warning: the file has no tamper-evidence chain"));
}
