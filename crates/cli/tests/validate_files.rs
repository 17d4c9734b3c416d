//! `verdict validate` run as a binary on the real demo files and on every kind of bad input.

use std::path::PathBuf;

mod common;

use common::{demo, verdict};

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    common::scratch("validate", name, bytes)
}

const GOOD_TASK: &str = r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}]}"#;

#[test]
fn real_task_files_and_rubrics_pass() {
    let files = [
        demo("mtbench-pairs/tasks.jsonl"),
        demo("alpacaeval-single/tasks.jsonl"),
        demo("mtbench-pairs/rubric.json"),
        demo("alpacaeval-single/rubric.json"),
    ];
    let args: Vec<&str> = std::iter::once("validate").chain(files.iter().map(String::as_str)).collect();
    let (stdout, stderr, code) = verdict(&args, None);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    assert!(stderr.contains("mtbench-pairs/tasks.jsonl: 30 items, 0 errors"), "{stderr}");
    assert!(stderr.contains("alpacaeval-single/tasks.jsonl: 805 items, 0 errors"), "{stderr}");
}

#[test]
fn real_judgments_warn_about_the_one_rejudged_comparison_and_pass() {
    let judgments = demo("mtbench-judgments/judgments.jsonl");
    let rubric = demo("mtbench-pairs/rubric.json");
    let (stdout, _, code) = verdict(&["validate", &judgments, "--rubric", &rubric], None);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!("{judgments}:1974: item_id: warning: replaces the judgment of \"mtbench-128:t1:claude-v1|gpt-3.5-turbo\" by \"author_0\" on line 1971\n")
    );
}

/// (file name, contents, expected stdout lines with `F` for the file's path, exit code).
type Case = (&'static str, Vec<u8>, Vec<&'static str>, i32);

#[test]
fn bad_input_gets_precise_errors_and_never_panics() {
    let crlf_bom = format!("\u{feff}{GOOD_TASK}\r\n\r\n{}\r\n", GOOD_TASK.replace("\"a\"", "\"b\""));
    let cases: Vec<Case> = vec![
        ("empty.jsonl", b"".to_vec(), vec!["F:0: -: the file is empty"], 1),
        ("blank.jsonl", b"\n \n\r\n".to_vec(), vec!["F:0: -: the file is empty"], 1),
        (
            "utf8_first.jsonl",
            [b"{\"item_id\":\"\xfe\"}\n".as_slice(), br#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"r","flags":[]}"#, b"\n"].concat(),
            vec!["F:1: -: not valid UTF-8 (bad byte at column 13): save the file as UTF-8"],
            1,
        ),
        ("bom_crlf_blank.jsonl", crlf_bom.into_bytes(), vec![], 0),
        (
            "truncated.jsonl",
            format!("{GOOD_TASK}\n{{\"id\":\"b\",\"prompt\":\"p\",\"outp").into_bytes(),
            vec!["F:2: -: truncated: the file ends inside this line's JSON (EOF while parsing a string)"],
            1,
        ),
        (
            "utf8.jsonl",
            [GOOD_TASK.as_bytes(), b"\n{\"id\":\"b\xff\"}\n", b"{\"id\":\"c\",\"prompt\":5,\"outputs\":[{\"model\":\"x\",\"content\":\"1\"}]}\n"].concat(),
            vec!["F:2: -: not valid UTF-8 (bad byte at column 9): save the file as UTF-8", "F:3: prompt: expected a string, found a number"],
            1,
        ),
        (
            "ids.jsonl",
            format!("{GOOD_TASK}\n{}\n{GOOD_TASK}\n", GOOD_TASK.replace("\"id\":\"a\",", "")).into_bytes(),
            vec!["F:2: id: missing", "F:3: id: duplicate id \"a\": two items cannot share an id (first on line 1)"],
            1,
        ),
        (
            "same_model.jsonl",
            GOOD_TASK.replace("\"model\":\"y\"", "\"model\":\"x\"").into_bytes(),
            vec!["F:1: outputs[1].model: model \"x\" appears twice"],
            1,
        ),
        (
            "rubric.json",
            b"{\n \"mode\": \"pairwise\",\n \"criteria\": [\n  {\"id\": \"q\", \"kind\": \"binary\"},\n  {\"id\": \"q\", \"kind\": \"text\"}\n ]\n}\n".to_vec(),
            vec!["F:5: criteria[1].id: \"q\" is used by two criteria"],
            1,
        ),
        (
            "judgments.jsonl",
            concat!(
                r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"r1","preference":{"winner":"x"}}"#, "\n",
                r#"{"schema":"verdict/judgment@1","item_id":7,"annotator":"r1","flags":[]}"#, "\n",
                r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"r1","preference":{"winner":"y"}}"#, "\n",
            )
            .as_bytes()
            .to_vec(),
            vec!["F:2: item_id: expected a string, found a number", "F:3: item_id: warning: replaces the judgment of \"a\" by \"r1\" on line 1"],
            1,
        ),
        (
            "rubric.toml",
            b"title = \"t\"\nmode = \"pairwise\"\n\n[[criteria]]\nid = \"q\"\nkind = \"binary\"\n\n[[criteria]]\nid = \"q\"\nkind = \"text\"\n".to_vec(),
            vec!["F:8: criteria[1].id: \"q\" is used by two criteria"],
            1,
        ),
        ("broken.toml", b"title = \"t\"\nmode = = 3\n".to_vec(), vec!["F:2: -: not valid TOML (extra `=`, expected nothing)"], 1),
        ("array.json", format!("[\n{GOOD_TASK},\n{{\"id\":\"a\"}}\n]").into_bytes(), vec!["F:3: prompt: missing: give a prompt or a conversation", "F:3: outputs: missing"], 1),
    ];
    for (name, bytes, expected, expected_code) in cases {
        let path = scratch(name, &bytes);
        let path = path.to_string_lossy();
        let (stdout, stderr, code) = verdict(&["validate", &path], None);
        let expected: Vec<String> = expected.iter().map(|line| line.replacen('F', &path, 1)).collect();
        assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{name}: {stderr}");
        assert_eq!(code, expected_code, "{name}");
    }
}

#[test]
fn a_50_mb_single_line_is_handled() {
    let content = "x".repeat(50 << 20);
    let big = format!("{{\"id\":\"big\",\"prompt\":\"p\",\"outputs\":[{{\"model\":\"x\",\"content\":\"{content}\"}}]}}\n");
    let path = scratch("big.jsonl", big.as_bytes());
    let (stdout, _, code) = verdict(&["validate", &path.to_string_lossy()], None);
    assert_eq!((stdout.as_str(), code), ("", 0));
    // Over a lower line limit: a clear error naming the limit and its flag, at once.
    let (_, stderr, code) = verdict(&["validate", "--max-line-bytes", "1000", &path.to_string_lossy()], None);
    assert!(stderr.contains(":1: the line's length in bytes exceeds the limit of 1000 (--max-line-bytes raises it)"), "{stderr}");
    assert_eq!(code, 2);
    let broken = format!("{{\"id\":\"big\",\"prompt\":{content}}}\n");
    let path = scratch("big_broken.jsonl", broken.as_bytes());
    let (stdout, _, code) = verdict(&["validate", &path.to_string_lossy()], None);
    assert!(stdout.starts_with(&format!("{}:1: -: not valid JSON (expected value)", path.to_string_lossy())), "{stdout}");
    assert_eq!(code, 1);
    std::fs::remove_file(path).expect("scratch file exists");
}

#[test]
fn stdin_is_read_when_the_file_is_a_dash() {
    let text = std::fs::read(demo("mtbench-pairs/tasks.jsonl")).expect("demo data is committed");
    let (stdout, stderr, code) = verdict(&["validate", "-"], Some(&text));
    assert_eq!((stdout.as_str(), code), ("", 0));
    assert!(stderr.contains("-: 30 items"), "{stderr}");
    let (stdout, _, code) = verdict(&["validate", "-"], Some(b"{\"id\":1}\n"));
    assert_eq!(code, 1);
    assert!(stdout.starts_with("-:1: prompt: missing"), "{stdout}");
}

#[test]
fn a_missing_file_is_an_error_and_the_others_are_still_checked() {
    let tasks = demo("mtbench-pairs/tasks.jsonl");
    let (stdout, stderr, code) = verdict(&["validate", "/no/such/file.jsonl", &tasks], None);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("/no/such/file.jsonl:0: -: cannot open /no/such/file.jsonl"), "{stdout}");
    assert!(stderr.contains("30 items"), "{stderr}");
}

#[test]
fn the_chain_names_the_altered_removed_and_reordered_line() {
    let judgments = demo("mtbench-judgments/judgments.jsonl");
    let chained = scratch("chained.jsonl", b"");
    let (_, stderr, code) = verdict(&["convert", &judgments, "--to", "judgments", "-o", &chained.to_string_lossy()], None);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&chained).expect("convert wrote the file");
    let lines: Vec<&str> = text.lines().collect();
    let (stdout, _, code) = verdict(&["validate", &chained.to_string_lossy()], None);
    assert_eq!((stdout.as_str(), code), ("", 0), "a freshly chained export verifies");
    let tampered: [(&str, Vec<String>, Vec<u64>); 3] = [
        (
            "altered",
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| if i == 99 { l.replacen("\"winner\":\"", "\"winner\":\"x", 1) } else { l.to_string() })
                .collect(),
            vec![100],
        ),
        ("removed", lines.iter().enumerate().filter(|(i, _)| *i != 1000).map(|(_, l)| l.to_string()).collect(), vec![1001]),
        (
            "reordered",
            {
                let mut v: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                v.swap(9, 10);
                v
            },
            vec![10, 11, 12],
        ),
    ];
    for (what, lines, expected) in tampered {
        let path = scratch(&format!("{what}.jsonl"), (lines.join("\n") + "\n").as_bytes());
        let (stdout, _, code) = verdict(&["validate", &path.to_string_lossy()], None);
        let named: Vec<u64> = stdout.lines().map(|l| l.split(':').nth(1).and_then(|n| n.parse().ok()).expect("file:line: ...")).collect();
        assert_eq!(named, expected, "{what}: {stdout}");
        assert!(stdout.contains(": chain: does not match"), "{what}: {stdout}");
        assert_eq!(code, 1, "{what}");
    }
}

#[test]
fn a_toml_rubric_is_accepted_and_checks_judgments() {
    let toml = concat!(
        "title = \"MT-Bench pairs\"\nmode = \"pairwise\"\n\n[preference]\nscale = [\"A better\", \"Tie\", \"B better\"]\n\n",
        "[[criteria]]\nid = \"correct\"\nkind = \"binary\"\nper_output = true\n",
    );
    let rubric = scratch("rubric-ok.toml", toml.as_bytes());
    let rubric = rubric.to_string_lossy();
    let (stdout, stderr, code) = verdict(&["validate", &rubric], None);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let judgments = scratch(
        "scored.jsonl",
        concat!(
            r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"r","scores":{"correct":{"x":true,"y":"yes"},"style":3}}"#,
            "\n"
        )
        .as_bytes(),
    );
    let judgments = judgments.to_string_lossy();
    let (stdout, _, code) = verdict(&["validate", &judgments, "--rubric", &rubric], None);
    assert_eq!(code, 1);
    assert_eq!(stdout, format!("{judgments}:1: scores.correct.y: expected true or false, found a string\n{judgments}:1: scores.style: not a criterion of the rubric\n"));
}

#[test]
fn task_files_may_mix_verdict_items_with_arena_alpacaeval_and_pair_rows() {
    let real: Vec<serde_json::Value> = std::fs::read_to_string(demo("mtbench-pairs/tasks.jsonl"))
        .expect("demo data is committed")
        .lines()
        .map(|l| serde_json::from_str(l).expect("demo tasks are JSON"))
        .collect();
    let (task, answer) = (&real[0], |i: usize| real[0]["outputs"][i]["content"].clone());
    let conversation =
        |i: usize| serde_json::json!([{"role": "user", "content": task["prompt"]}, {"role": "assistant", "content": answer(i)}]);
    let lines = [
        task.to_string(),
        serde_json::json!({"question_id": 101, "model_a": "gpt-4", "model_b": "gpt-4-0125-preview", "winner": "model_a", "judge": "expert_1", "conversation_a": conversation(0), "conversation_b": conversation(1)}).to_string(),
        serde_json::json!({"question_id": 101, "model_a": "gpt-4", "model_b": "gpt-4-0125-preview", "winner": "tie", "judge": "expert_2", "conversation_a": conversation(0), "conversation_b": conversation(1)}).to_string(),
        serde_json::json!({"instruction": task["prompt"], "output_1": answer(0), "output_2": answer(1), "generator_1": "gpt-4", "generator_2": "gpt-4-0125-preview", "preference": 2}).to_string(),
        serde_json::json!({"prompt": task["prompt"], "chosen": answer(1), "rejected": answer(0)}).to_string(),
        serde_json::json!({"instruction": "i", "output_1": "a", "output_2": "b", "generator_1": "gpt-4", "generator_2": "gpt-4"}).to_string(),
        serde_json::json!({"model_a": "x", "model_b": "y", "winner": "model_c", "conversation_a": conversation(0), "conversation_b": conversation(1)}).to_string(),
    ];
    let path = scratch("mixed.jsonl", (lines.join("\n") + "\n").as_bytes());
    let path = path.to_string_lossy();
    let (stdout, stderr, code) = verdict(&["validate", &path], None);
    assert_eq!(
        stdout,
        format!(
            "{path}:6: generator_2: model \"gpt-4\" appears twice\n{path}:7: winner: expected \"model_a\", \"model_b\", \"tie\" or \"tie (bothbad)\", found \"model_c\"\n"
        )
    );
    assert_eq!(code, 1);
    assert!(stderr.contains(": 4 items, 2 errors"), "two Arena rows on one comparison are one item: {stderr}");
}

#[test]
fn issue_19_validate_checks_task_at_2_parts() {
    let good = r#"{"id":"r","prompt":"p","outputs":[{"model":"x","content":[{"type":"math","latex":"x^2"},{"type":"image","url":"https://cdn.example/a.png","alt":"a"}]},{"model":"y","content":"plain"}]}"#;
    let bad = r#"{"id":"s","prompt":"p","outputs":[{"model":"x","content":[{"type":"video","url":"http://cdn.example/v.webm"},{"type":"code"}]}]}"#;
    let file = scratch("rich.jsonl", format!("{good}\n{bad}\n").as_bytes());
    let path = file.to_string_lossy().into_owned();
    let (stdout, stderr, code) = verdict(&["validate", &path], None);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{path}:2: outputs[0].content[0].url: http: URLs are not allowed: use https://, a path on this host, or a data: URI\n{path}:2: outputs[0].content[1].text: missing\n"
        )
    );
}
