//! The JSON Schemas in docs/schemas agree with the parsers: on every example in
//! docs/FORMATS.md, on the real demo files, on chained exports, and on lines both must reject.

use std::path::{Path, PathBuf};

use serde_json::Value;
use verdict_core::judgment::judgment_from_line;
use verdict_core::read::load_judgments;
use verdict_core::rubric::load_rubric;
use verdict_core::task::load_tasks;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn schema(name: &str) -> jsonschema::Validator {
    let text = read(&format!("docs/schemas/{name}.schema.json"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name} schema is JSON: {error}"));
    jsonschema::validator_for(&value).unwrap_or_else(|error| panic!("{name} schema is a valid schema: {error}"))
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap_or_else(|error| panic!("{what} is JSON: {error}: {text}"));
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} fails its schema: {errors:?}\n{text}");
}

/// Fenced blocks of docs/FORMATS.md whose info string is `<lang> <tag>`.
fn examples(tag: &str) -> Vec<String> {
    let doc = read("docs/FORMATS.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) if info.split_whitespace().nth(1) == Some(tag) => current = Some(String::new()),
            (Some(block), Some("")) => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(!blocks.is_empty(), "FORMATS.md has at least one `{tag}` block");
    blocks
}

#[test]
fn task_examples_pass_the_schema_and_the_parser() {
    let validator = schema("task");
    for block in examples("task-example") {
        for line in block.lines() {
            assert_valid(&validator, "task example", line);
        }
        let loaded = load_tasks("FORMATS.md", &block);
        assert_eq!(loaded.problems, vec![], "{block}");
        assert_eq!(loaded.records.len(), block.lines().count());
    }
}

#[test]
fn rubric_examples_pass_the_schema_and_the_parser() {
    let validator = schema("rubric");
    for block in examples("rubric-example") {
        assert_valid(&validator, "rubric example", &block);
        load_rubric("FORMATS.md", &block).unwrap_or_else(|problems| panic!("{problems:?}"));
    }
}

#[test]
fn judgment_examples_pass_the_schema_and_the_parser() {
    let validator = schema("judgment");
    for block in examples("judgment-example") {
        for line in block.lines() {
            assert_valid(&validator, "judgment example", line);
            judgment_from_line(line).unwrap_or_else(|problems| panic!("{problems:?}: {line}"));
        }
        let loaded = load_judgments("FORMATS.md", &block);
        assert_eq!(loaded.n_errors(), 0);
        assert_eq!(loaded.problems.len(), 1, "the example shows one replaced judgment");
    }
}

#[test]
fn real_demo_files_pass_the_schemas() {
    let task = schema("task");
    for path in ["www/demo/mtbench-pairs/tasks.jsonl", "www/demo/alpacaeval-single/tasks.jsonl"] {
        for line in read(path).lines() {
            assert_valid(&task, path, line);
        }
    }
    let rubric = schema("rubric");
    for path in ["www/demo/mtbench-pairs/rubric.json", "www/demo/alpacaeval-single/rubric.json"] {
        assert_valid(&rubric, path, &read(path));
    }
    let judgment = schema("judgment");
    let text = read("www/demo/mtbench-judgments/judgments.jsonl");
    for line in text.lines() {
        assert_valid(&judgment, "real judgment", line);
    }
    // Chained exports too: `chain` is 64 lower-case hex digits.
    let chained = verdict_core::export::judgments_jsonl_chained(&load_judgments("j", &text).records);
    for line in chained.lines() {
        assert_valid(&judgment, "chained judgment", line);
    }
}

#[test]
fn schema_and_parser_reject_the_same_bad_lines() {
    let judgment = schema("judgment");
    let bad_judgments = [
        r#"{"schema":"verdict/judgment@1","item_id":3,"annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a"}"#,
        r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"","annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"strength":1}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":"x","strength":-1}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","duration_ms":1.5,"flags":[]}"#,
        r#"["not","an","object"]"#,
    ];
    for line in bad_judgments {
        let value: Value = serde_json::from_str(line).expect("test lines are JSON");
        assert!(!judgment.is_valid(&value), "schema accepts {line}");
        assert!(judgment_from_line(line).is_err(), "parser accepts {line}");
    }
    let task = schema("task");
    let bad_tasks = [
        r#"{"prompt":"p","outputs":[{"model":"x","content":"1"}]}"#,
        r#"{"id":"a","outputs":[{"model":"x","content":"1"}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":5,"content":"1"}]}"#,
        r#"{"id":"  ","prompt":"p","outputs":[{"model":"x","content":"1"}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x"}]}"#,
        // task@2 parts
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[]}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[{"type":"gif","url":"/a.gif"}]}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[{"type":"math"}]}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[{"type":"code","text":"x","lang":"py"}]}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[{"type":"image","url":"http://x.example/a.png"}]}]}"#,
        r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":[{"type":"image","url":"javascript:alert(1)"}]}]}"#,
        r#"{"id":"a","conversation":[{"role":"user","content":5}],"outputs":[{"model":"x","content":"1"}]}"#,
    ];
    for line in bad_tasks {
        let value: Value = serde_json::from_str(line).expect("test lines are JSON");
        assert!(!task.is_valid(&value), "schema accepts {line}");
        assert!(!load_tasks("t", line).problems.is_empty(), "parser accepts {line}");
    }
    let rubric = schema("rubric");
    for text in
        [r#"{"mode":"sideways"}"#, r#"{"criteria":[{"id":"c","kind":"choice","options":["only"]}]}"#, r#"{"criteria":[{"kind":"binary"}]}"#]
    {
        let value: Value = serde_json::from_str(text).expect("test rubrics are JSON");
        assert!(!rubric.is_valid(&value), "schema accepts {text}");
        assert!(load_rubric("r", text).is_err(), "parser accepts {text}");
    }
}

#[test]
fn every_output_name_has_its_definition_and_every_definition_a_name() {
    use verdict_core::output::Output;
    let document: Value = serde_json::from_str(&read("docs/schemas/output.schema.json")).expect("the output schema is JSON");
    jsonschema::validator_for(&document).expect("the output schema is a valid JSON Schema");
    let listed: Vec<&str> = document["oneOf"].as_array().unwrap().iter().map(|r| r["$ref"].as_str().unwrap()).collect();
    for output in Output::ALL {
        let definition = output.schema().trim_start_matches("verdict/").trim_end_matches("-output@1");
        let def = &document["$defs"][definition];
        assert_eq!(def["properties"]["schema"]["const"], output.schema(), "{definition} names {}", output.schema());
        assert!(def["required"].as_array().unwrap().iter().any(|r| r == "schema"), "{definition} requires its name");
        assert!(listed.contains(&format!("#/$defs/{definition}").as_str()), "{definition} is one of the outputs");
    }
    assert_eq!(listed.len(), Output::ALL.len(), "no definition without an output name");
}
