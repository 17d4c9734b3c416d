//! Fuzz target: rubric files never panic, and an accepted rubric checks any scores without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(rubric) = verdict_core::rubric::load_rubric("f", text) {
            if let Ok(serde_json::Value::Object(scores)) = serde_json::from_str(text) {
                let _ = rubric.check_scores(&scores);
            }
        }
    }
});
