//! `verdict rank --style-control` and `--ci sandwich|bootstrap` end to end on the arena-rank
//! reference battles (tests/reference/ranking-style; the numbers themselves are checked against
//! arena-rank in verdict-core's `ranking_style_reference` test).

mod common;

use serde_json::Value;

fn battles() -> String {
    format!("{}/../../tests/reference/ranking-style/battles.jsonl", env!("CARGO_MANIFEST_DIR"))
}

fn json(args: &[&str]) -> Value {
    let output = common::output(args, None);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn style_control_adds_its_block_and_keeps_the_leaderboard() {
    let file = battles();
    let plain = json(&["rank", "--json", &file]);
    let styled = json(&["rank", "--json", "--style-control", &file]);
    // The existing fields are unchanged (ratings), the intervals are the sandwich's.
    for (a, b) in plain["models"].as_array().unwrap().iter().zip(styled["models"].as_array().unwrap()) {
        assert_eq!(a["model"], b["model"]);
        assert!((a["rating"].as_f64().unwrap() - b["rating"].as_f64().unwrap()).abs() < 1e-9);
        assert!(a["ci_low"].is_null() && b["ci_low"].is_number());
    }
    assert_eq!(styled["ci"], "sandwich");
    let block = &styled["style_control"];
    assert_eq!(block["source"], "conv_metadata");
    assert_eq!(block["n_battles"], 600);
    assert_eq!(block["models"].as_array().unwrap().len(), 6);
    let names: Vec<&str> = block["coefficients"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["length", "headers", "bold", "lists"]);
    for model in block["models"].as_array().unwrap() {
        for field in ["rating", "ci_low", "ci_high", "raw_rating", "raw_ci_low", "raw_ci_high", "rank", "raw_rank"] {
            assert!(model[field].is_number(), "{field} in {model}");
        }
    }
    assert!(styled["input"]["judgments"] == 600);
    // Counting the answers through the task file gives the same fit (lengths are characters
    // in both, by the generator's construction).
    let from_tasks = json(&["rank", "--json", "--style-control", "--tasks", &file, &file]);
    assert_eq!(from_tasks["style_control"]["source"], "tasks");
    for (a, b) in block["models"].as_array().unwrap().iter().zip(from_tasks["style_control"]["models"].as_array().unwrap()) {
        assert!((a["rating"].as_f64().unwrap() - b["rating"].as_f64().unwrap()).abs() < 1e-9);
    }
}

#[test]
fn the_table_shows_raw_and_controlled_side_by_side() {
    let (stdout, _, code) = common::verdict(&["rank", "--style-control", &battles()], None);
    assert_eq!(code, 0);
    assert!(stdout.contains("style control") && stdout.contains("controlled") && stdout.contains("raw 95% CI"), "{stdout}");
    assert!(stdout.contains("length") && stdout.contains("lists"), "{stdout}");
}

#[test]
fn bootstrap_intervals_are_seeded() {
    let file = battles();
    let args = ["rank", "--json", "--style-control", "--ci", "bootstrap", "--bootstrap", "30", "--seed", "5", &file];
    let first = json(&args);
    assert_eq!(first["ci"], "bootstrap");
    assert_eq!(first["style_control"]["ci"], "bootstrap");
    assert!(first["style_control"]["coefficients"][0]["se"].is_null());
    assert_eq!(first, json(&args));
}

#[test]
fn conflicting_or_unsupported_options_are_refused() {
    let file = battles();
    for (args, message) in [
        (vec!["rank", "--style-control", "--method", "elo", &file], "needs --method bt"),
        (vec!["rank", "--ci", "sandwich", "--prior", "1", &file], "no prior"),
        (vec!["rank", "--ci", "sandwich", "--bootstrap", "10", &file], "choose one"),
        (vec!["rank", "--ci", "bootstrap", &file], "needs --bootstrap N"),
        (vec!["rank", "--style-control", "--by", "criterion", &file], "--by"),
    ] {
        let (_, stderr, code) = common::verdict(&args, None);
        assert_ne!(code, 0, "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn battles_without_covariates_are_left_out_and_counted() {
    // Plain Verdict judgments carry no conv_metadata.
    let path = common::scratch(
        "rank-style",
        "plain.jsonl",
        br#"{"schema":"verdict/judgment@1","item_id":"1","annotator":"a","shown":["x","y"],"preference":{"winner":"x"}}
{"schema":"verdict/judgment@1","item_id":"2","annotator":"a","shown":["x","y"],"preference":{"winner":"y"}}
"#,
    );
    let value = json(&["rank", "--json", "--style-control", path.to_str().unwrap()]);
    assert_eq!(value["style_control"]["skipped"]["no conv_metadata"], 2);
    assert_eq!(value["style_control"]["models"].as_array().unwrap().len(), 0);
}
