//! Fuzz target: task files (JSONL, JSON arrays, imported formats) never panic, from bytes or text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::import::JsonLines;
use verdict_core::task::{load_tasks_with_judgments, TaskLines};

fuzz_target!(|data: &[u8]| {
    // The streaming path the CLI takes, from raw bytes (invalid UTF-8 included).
    let mut lines = JsonLines::new("f", data);
    let mut checker = TaskLines::new("f");
    let mut problems = Vec::new();
    while let Ok(Some(line)) = lines.next_line() {
        if let Ok(text) = line.text {
            checker.line(line.number, text, line.unterminated, &mut problems);
        }
    }
    // The whole-text path the app takes.
    if let Ok(text) = std::str::from_utf8(data) {
        let (loaded, _) = load_tasks_with_judgments("f", text);
        for task in &loaded.records {
            let line = serde_json::to_string(task).expect("a task serializes");
            assert!(verdict_core::task::load_tasks("f", &line).records.len() == 1, "a loaded task reloads: {line}");
        }
    }
});
