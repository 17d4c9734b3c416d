//! Fuzz target: judgment lines never panic in the one reader; every kept judgment re-serializes
//! to a line that parses to the same judgment and serializes byte-identically (and chains verify).
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::import::JsonLines;
use verdict_core::judgment::judgment_from_line;
use verdict_core::read::{JudgmentReader, Limits};

fuzz_target!(|data: &[u8]| {
    let mut lines = JsonLines::new("f", data);
    let mut reader = JudgmentReader::new(Limits::default());
    reader.begin_file("f");
    while let Ok(Some(line)) = lines.next_line() {
        match line.text {
            Ok(text) => reader.add_line(line.number, text, line.unterminated),
            Err(problem) => reader.skip_line(problem),
        };
    }
    let input = reader.finish();
    let summary = &input.summary;
    assert_eq!(summary.lines, summary.judgments + summary.replaced + summary.skipped);
    for judgment in &input.judgments {
        let line = judgment.to_json_line();
        let again = judgment_from_line(&line).unwrap_or_else(|p| panic!("a loaded judgment reloads: {line}: {p:?}"));
        assert_eq!(again.to_json_line(), line, "export -> import -> export is byte-identical");
    }
    let chained = verdict_core::export::judgments_jsonl_chained(&input.judgments);
    assert!(verdict_core::export::verify_chain("f", &chained).is_empty(), "a fresh chain verifies");
});
