//! docs/schemas/campaign.schema.json agrees with the campaign parser on FORMATS.md's example and
//! on campaigns both must reject.

use std::path::Path;

use serde_json::Value;
use verdict_core::plan::parse_campaign;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&read("docs/schemas/campaign.schema.json")).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid schema")
}

fn campaign_examples() -> Vec<String> {
    let doc = read("docs/FORMATS.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some("json campaign-example")) => current = Some(String::new()),
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
    assert!(!blocks.is_empty(), "FORMATS.md has a campaign-example block");
    blocks
}

#[test]
fn the_formats_example_passes_the_schema_and_the_parser() {
    let validator = validator();
    for block in campaign_examples() {
        let value: Value = serde_json::from_str(&block).expect("the example is JSON");
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        parse_campaign(&block).unwrap_or_else(|problems| panic!("{problems:?}"));
    }
}

#[test]
fn schema_and_parser_reject_the_same_campaigns() {
    let validator = validator();
    let base = r#""schema":"verdict/campaign@1","id":"c","tasks":"t.jsonl""#;
    let bad = [
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"colour":1}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a","quota":-1}}]}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a","role":"boss"}}]}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"overlap":{{"raters_per_item":0}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"overlap":{{"raters_per_item":2,"fraction":1.5}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"gold":{{"rate":0.7}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"gold":{{"rate":0.1,"feedback":"sometimes"}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"repeats":{{"rate":0.1,"min_gap":2.5}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"calibration":{{"items":["x","x"]}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":"a"}}],"calibration":{{"items":["x"],"pass":{{"accuracy":2}}}}}}"#),
        format!(r#"{{{base},"roster":[{{"annotator":" "}}]}}"#),
        r#"{"schema":"verdict/campaign@2","id":"c","tasks":"t","roster":[{"annotator":"a"}]}"#.to_owned(),
        r#"{"schema":"verdict/campaign@1","tasks":"t","roster":[{"annotator":"a"}]}"#.to_owned(),
    ];
    for text in &bad {
        let value: Value = serde_json::from_str(text).expect("test input is JSON");
        assert!(!validator.is_valid(&value), "the schema accepts {text}");
        assert!(parse_campaign(text).is_err(), "the parser accepts {text}");
    }
}
