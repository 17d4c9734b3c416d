//! Fuzz target: judgment lines never panic; every accepted judgment re-serializes to a line
//! that parses to the same judgment and serializes byte-identically (and chains verify).
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::import::JsonLines;
use verdict_core::judgment::{judgment_from_line, JudgmentLines};

fuzz_target!(|data: &[u8]| {
    let mut lines = JsonLines::new("f", data);
    let mut checker = JudgmentLines::new("f");
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    while let Ok(Some(line)) = lines.next_line() {
        if let Ok(text) = line.text {
            if let Some((judgment, _)) = checker.line(line.number, text, line.unterminated, &mut problems) {
                loaded.push(judgment);
            }
        }
    }
    for judgment in &loaded {
        let line = judgment.to_json_line();
        let again = judgment_from_line(&line).unwrap_or_else(|p| panic!("a loaded judgment reloads: {line}: {p:?}"));
        assert_eq!(again.to_json_line(), line, "export -> import -> export is byte-identical");
    }
    let chained = verdict_core::export::judgments_jsonl_chained(&loaded);
    assert!(verdict_core::export::verify_chain("f", &chained).is_empty(), "a fresh chain verifies");
});
