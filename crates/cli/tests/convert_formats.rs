//! `verdict convert` run as a binary on the real demo files: chained JSONL, CSV, DPO, Arena,
//! and the importers (Arena battles, AlpacaEval rows) on the way in.

use std::path::PathBuf;

use serde_json::{json, Value};

mod common;

use common::{demo, verdict};

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    common::scratch("convert", name, bytes)
}

/// The real MT-Bench pair tasks, as JSON values.
fn real_pair_tasks() -> Vec<Value> {
    std::fs::read_to_string(demo("mtbench-pairs/tasks.jsonl"))
        .expect("demo data is committed")
        .lines()
        .map(|line| serde_json::from_str(line).expect("demo tasks are JSON"))
        .collect()
}

#[test]
fn judgments_export_is_chained_and_reexport_is_byte_identical() {
    let judgments = demo("mtbench-judgments/judgments.jsonl");
    let (first, stderr, code) = verdict(&["convert", &judgments, "--to", "judgments"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(first.lines().count(), 5_754, "the re-judged comparison keeps only its later judgment");
    assert!(first.lines().all(|l| l.ends_with("\"}") && l.contains(",\"chain\":\"")));
    assert!(stderr.contains("5754 judgments, 1 replaced, 0 skipped"), "{stderr}");
    let (second, _, code) = verdict(&["convert", "-", "--to", "judgments"], Some(first.as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(second, first, "export -> import -> export is byte-identical, stdin included");
}

#[test]
fn csv_has_a_header_and_one_row_per_judgment_and_criterion() {
    let judgments = demo("mtbench-judgments/judgments.jsonl");
    let out = scratch("judgments.csv", b"");
    let (stdout, stderr, code) = verdict(&["convert", &judgments, "--to", "csv", "-o", &out.to_string_lossy()], None);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let csv = std::fs::read_to_string(&out).expect("convert wrote the file");
    let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(rows[0], "item_id,annotator,group,criterion,model,value,submitted_at");
    assert_eq!(rows.len(), 1 + 5_754, "each real judgment has a preference and nothing else");
    assert_eq!(rows[1], "mtbench-81:t1:alpaca-13b|gpt-3.5-turbo,author_2,human_author,preference,,gpt-3.5-turbo,");
}

#[test]
fn dpo_pairs_need_the_task_texts_and_count_ties_and_both_bad() {
    let tasks = real_pair_tasks();
    let mut lines = String::new();
    for (index, task) in tasks.iter().enumerate() {
        let id = task["id"].as_str().expect("ids are strings");
        let winner = match index % 4 {
            0 | 1 => "gpt-4",
            2 => "tie",
            _ => "both_bad",
        };
        let judgment = json!({"schema": "verdict/judgment@1", "item_id": id, "annotator": "ann-1", "shown": ["gpt-4-0125-preview", "gpt-4"], "preference": {"winner": winner}});
        lines.push_str(&format!("{judgment}\n"));
    }
    let input = scratch("dpo-judgments.jsonl", lines.as_bytes());
    let (stdout, stderr, code) =
        verdict(&["convert", &input.to_string_lossy(), "--to", "dpo", "--tasks", &demo("mtbench-pairs/tasks.jsonl")], None);
    assert_eq!(code, 0, "{stderr}");
    let pairs: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(pairs.len(), 16);
    assert_eq!(pairs[0]["prompt"], tasks[0]["prompt"]);
    assert_eq!(pairs[0]["chosen"], tasks[0]["outputs"][0]["content"], "gpt-4 is the first output");
    assert_eq!(pairs[0]["rejected"], tasks[0]["outputs"][1]["content"]);
    assert!(stderr.contains("wrote 16 preference pairs; left out: 7 ties, 7 both bad"), "{stderr}");
}

#[test]
fn arena_battles_convert_to_judgments_dpo_and_back_to_arena() {
    // Arena rows built from the real MT-Bench pairs, as FastChat's human-judgment files look.
    let mut rows = String::new();
    for (index, task) in real_pair_tasks().iter().enumerate().take(12) {
        let conversation = |model: usize| json!([{"role": "user", "content": task["prompt"]}, {"role": "assistant", "content": task["outputs"][model]["content"]}]);
        let winner = ["model_a", "model_b", "tie", "tie (bothbad)"][index % 4];
        let row = json!({"question_id": task["id"], "model_a": "gpt-4", "model_b": "gpt-4-0125-preview", "winner": winner, "judge": format!("expert_{}", index % 3), "conversation_a": conversation(0), "conversation_b": conversation(1), "turn": 1});
        rows.push_str(&format!("{row}\n"));
    }
    let input = scratch("arena.jsonl", rows.as_bytes());
    let input = input.to_string_lossy();
    let (judgments, stderr, code) = verdict(&["convert", &input, "--to", "judgments"], None);
    assert_eq!(code, 0, "{stderr}");
    let first: Value = serde_json::from_str(judgments.lines().next().expect("one line per battle")).expect("JSON");
    assert_eq!(first["item_id"], "arena-mtbench-101-t1:t1:gpt-4|gpt-4-0125-preview");
    assert_eq!(first["annotator"], "expert_0");
    assert_eq!(first["preference"]["winner"], "gpt-4");
    assert_eq!(judgments.lines().count(), 12);

    let (pairs, stderr, code) = verdict(&["convert", &input, "--to", "dpo"], None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(pairs.lines().count(), 6, "the rows carry their texts; ties and both-bad are left out");

    let (arena, _, code) = verdict(&["convert", &input, "--to", "arena"], None);
    assert_eq!(code, 0);
    let back: Vec<Value> = arena.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let original: Vec<Value> = rows.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    for (back, original) in back.iter().zip(&original) {
        for key in ["model_a", "model_b", "winner", "judge", "conversation_a", "conversation_b"] {
            assert_eq!(back[key], original[key], "{key}");
        }
    }
}

#[test]
fn alpacaeval_rows_import_with_their_annotator() {
    let mut rows = String::new();
    for (index, task) in real_pair_tasks().iter().enumerate().take(6) {
        let preference = [1.0, 2.0, 1.5][index % 3];
        let row = json!({"instruction": task["prompt"], "output_1": task["outputs"][0]["content"], "generator_1": "gpt-4", "output_2": task["outputs"][1]["content"], "generator_2": "gpt-4-0125-preview", "annotator": "alpaca_eval_gpt4", "preference": preference});
        rows.push_str(&format!("{row}\n"));
    }
    let (csv, stderr, code) = verdict(&["convert", "-", "--to", "csv"], Some(rows.as_bytes()));
    assert_eq!(code, 0, "{stderr}");
    let winners: Vec<&str> = csv.split_terminator("\r\n").skip(1).map(|row| row.rsplit(',').nth(1).expect("value column")).collect();
    assert_eq!(winners, ["gpt-4", "gpt-4-0125-preview", "tie", "gpt-4", "gpt-4-0125-preview", "tie"]);
    assert!(csv.split_terminator("\r\n").skip(1).all(|row| row.contains(",alpaca_eval_gpt4,")));
}

#[test]
fn bad_lines_are_reported_on_stderr_and_the_rest_converts() {
    let input = concat!(
        r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"r","preference":{"winner":"x"},"shown":["x","y"]}"#,
        "\n",
        "not json\n",
        r#"{"schema":"verdict/judgment@1","item_id":"b","annotator":"r","preference":{"winner":"y","strength":"lots"}}"#,
        "\n",
    );
    let (stdout, stderr, code) = verdict(&["convert", "-", "--to", "arena"], Some(input.as_bytes()));
    assert_eq!(code, 1);
    assert_eq!(stdout, "{\"question_id\":\"a\",\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"model_a\",\"judge\":\"r\"}\n");
    assert!(stderr.contains("-:2: -: not valid JSON (expected ident)"), "{stderr}");
    assert!(stderr.contains("-:3: preference.strength: expected a whole number, found a string"), "{stderr}");
}
