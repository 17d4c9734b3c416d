//! Tests of `import`.

use super::*;
use crate::problem::{json_error_detail, Detail, Expected, JsonKind};

fn import_line(line: &str) -> Result<Imported, FieldProblems> {
    let Value::Object(object) = serde_json::from_str::<Value>(line).expect("test lines are JSON objects") else {
        panic!("test lines are JSON objects");
    };
    let format = detect(&object);
    import_object(object, format)
}

#[test]
fn detects_each_format_by_its_keys() {
    let cases = [
        (r#"{"id":"q","prompt":"p","outputs":[]}"#, Format::Verdict),
        (r#"{"model_a":"x","model_b":"y","conversation_a":[],"conversation_b":[],"winner":"tie"}"#, Format::Arena),
        (r#"{"prompt":"p","chosen":"c","rejected":"r"}"#, Format::PreferencePair),
        (r#"{"instruction":"i","output_1":"a","output_2":"b","generator_1":"x","generator_2":"y"}"#, Format::AlpacaEval),
        (r#"{"question_id":1,"model_a":"x","model_b":"y","winner":"model_a"}"#, Format::Arena),
        (r#"{"id":"q","chosen":"c","rejected":"r","prompt":"p"}"#, Format::PreferencePair),
        (r#"{"something":"else"}"#, Format::Verdict),
    ];
    for (line, expected) in cases {
        let Value::Object(object) = serde_json::from_str(line).unwrap() else { unreachable!("objects only") };
        assert_eq!(detect(&object), expected, "{line}");
    }
}

#[test]
fn arena_battles_import_as_task_and_judgment() {
    // Shape of FastChat's mt_bench_human_judgments / arena_human_battles rows.
    let line = r#"{"question_id":81,"model_a":"alpaca-13b","model_b":"gpt-3.5-turbo","winner":"model_b","judge":"author_2","conversation_a":[{"role":"user","content":"Write a blog"},{"role":"assistant","content":"A"}],"conversation_b":[{"role":"user","content":"Write a blog"},{"role":"assistant","content":"B"}],"turn":1,"tstamp":1700000000.5}"#;
    let imported = import_line(line).unwrap();
    assert_eq!(imported.task.id, "arena-81:t1:alpaca-13b|gpt-3.5-turbo");
    assert_eq!(imported.task.prompt.as_deref(), Some("Write a blog"));
    assert_eq!(imported.task.outputs[1].content, "B");
    assert_eq!(imported.task.meta["turn"], 1);
    let judgment = imported.judgment.unwrap();
    assert_eq!(judgment.annotator, "author_2");
    assert_eq!(judgment.preference.unwrap().winner, "gpt-3.5-turbo");
    assert_eq!(judgment.shown.unwrap(), ["alpaca-13b", "gpt-3.5-turbo"]);
    assert_eq!(judgment.submitted_at.as_deref(), Some("2023-11-14T22:13:20Z"));
}

#[test]
fn arena_winners_and_default_annotator() {
    let row = |winner: &str| {
        format!(
            r#"{{"model_a":"x","model_b":"y","winner":"{winner}","conversation_a":[{{"role":"user","content":"q"}},{{"role":"assistant","content":"1"}}],"conversation_b":[{{"role":"user","content":"q"}},{{"role":"assistant","content":"2"}}]}}"#
        )
    };
    for (winner, expected) in [("model_a", "x"), ("model_b", "y"), ("tie", TIE), ("tie (bothbad)", BOTH_BAD)] {
        let judgment = import_line(&row(winner)).unwrap().judgment.unwrap();
        assert_eq!(judgment.preference.unwrap().winner, expected);
        assert_eq!(judgment.annotator, ARENA_DEFAULT_ANNOTATOR);
    }
    let problems = import_line(&row("left")).unwrap_err();
    assert_eq!(problems[0].0, "winner");
}

#[test]
fn multi_turn_arena_keeps_later_turns_in_each_output() {
    let line = r#"{"model_a":"x","model_b":"y","winner":"tie","conversation_a":[{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},{"role":"user","content":"q2"},{"role":"assistant","content":"a2"}],"conversation_b":[{"role":"user","content":"q1"},{"role":"assistant","content":"b1"}]}"#;
    let task = import_line(line).unwrap().task;
    assert_eq!(task.outputs[0].content, "a1\n\n**User:**\n\nq2\n\n**Assistant:**\n\na2");
    assert_eq!(task.outputs[1].content, "b1");
}

#[test]
fn alpacaeval_preferences() {
    let row = |preference: &str| {
        format!(
            r#"{{"instruction":"i","output_1":"a","output_2":"b","generator_1":"x","generator_2":"y","annotator":"alpaca_eval_gpt4","preference":{preference}}}"#
        )
    };
    for (preference, winner) in [("1", "x"), ("2", "y"), ("1.5", TIE), ("1.0", "x"), ("1.8", "y")] {
        let judgment = import_line(&row(preference)).unwrap().judgment.unwrap();
        assert_eq!(judgment.preference.as_ref().unwrap().winner, winner, "{preference}");
        assert_eq!(judgment.annotator, "alpaca_eval_gpt4");
        assert_eq!(judgment.extra.contains_key("alpacaeval_preference"), preference == "1.8");
    }
    assert!(import_line(&row("null")).unwrap().judgment.is_none());
    assert_eq!(import_line(&row("3")).unwrap_err()[0].0, "preference");
    assert_eq!(
        import_line(&row("\"1\"")).unwrap_err()[0].1,
        Detail::WrongType { expected: Expected::AlpacaPreference, found: JsonKind::String }
    );
}

#[test]
fn same_model_twice_and_numbers_for_strings_are_named() {
    let twice = r#"{"instruction":"i","output_1":"a","output_2":"b","generator_1":"x","generator_2":"x"}"#;
    assert_eq!(import_line(twice).unwrap_err(), [("generator_2".to_owned(), Detail::DuplicateModel { model: "x".into() })]);
    let number = r#"{"model_a":1,"model_b":"y","conversation_a":[],"conversation_b":[{"role":"user","content":"q"}]}"#;
    let problems = import_line(number).unwrap_err();
    assert_eq!(problems[0], ("model_a".to_owned(), Detail::WrongType { expected: Expected::String, found: JsonKind::Number }));
    assert_eq!(problems[1].0, "conversation_a");
}

#[test]
fn preference_pairs_become_items_with_gold() {
    let task = import_line(r#"{"prompt":"p","chosen":"good","rejected":"bad","source":"hh"}"#).unwrap().task;
    assert!(task.id.starts_with("pair-"));
    assert_eq!(task.output(CHOSEN).unwrap().content, "good");
    assert_eq!(task.gold.unwrap().preference.as_deref(), Some(CHOSEN));
    assert_eq!(task.meta["source"], "hh");
    let chat = r#"{"prompt":[{"role":"user","content":"p"}],"chosen":[{"role":"assistant","content":"good"}],"rejected":[{"role":"assistant","content":"bad"}]}"#;
    let task = import_line(chat).unwrap().task;
    assert_eq!(task.prompt, Some("p".into()), "a single user turn is the prompt");
    assert_eq!(task.output(REJECTED).unwrap().content, "bad");
}

#[test]
fn json_lines_handles_bom_crlf_blank_invalid_utf8_and_truncation() {
    let input: &[u8] = b"\xef\xbb\xbf{\"a\":1}\r\n\r\n  \n{\"b\":\xff}\n{\"c\":";
    let mut lines = JsonLines::new("f", input);
    let mut got = Vec::new();
    while let Some(line) = lines.next_line().unwrap() {
        got.push((line.number, line.text.map(str::to_owned).map_err(|p| crate::problem::in_english(&p)), line.unterminated));
    }
    assert_eq!(
        got,
        [
            (1, Ok("{\"a\":1}".to_owned()), false),
            (4, Err("f:4: -: not valid UTF-8 (bad byte at column 6): save the file as UTF-8".to_owned()), false),
            (5, Ok("{\"c\":".to_owned()), true),
        ]
    );
    let error = serde_json::from_str::<Value>("{\"c\":").unwrap_err();
    assert_eq!(json_error_detail(&error, true), Detail::Truncated { parser: "EOF while parsing a value".into() });
}
