//! Differential property test of the fast Arena-row projection (`ranking::arena_scan`, used by
//! `verdict rank --style-control`) against the one reader's general path
//! (`read::judgment_from_any_line` + `controlled::conv_metadata_counts`): on generated Arena
//! rows — ids as strings, integers, floats, blank or escaped; equal, blank or escaped models;
//! every winner and unknown ones; conversations whose contexts differ, empty, with messages that
//! are not objects or carry extra keys; judges and annotators of every type; timestamps in and
//! out of range; `conv_metadata` complete, partial, with duplicate keys, strings or nulls;
//! `schema`, `outputs`, `id` and duplicate known keys — whenever the projection accepts a row,
//! the reader reads the same judgment and the same counts. The projection must also accept the
//! common rows (else it would be a shortcut that never shortcuts).

use proptest::prelude::*;
use serde_json::Map;
use verdict_core::ranking::arena_scan::scan_arena_row;
use verdict_core::ranking::battles::BattleJudgment;
use verdict_core::ranking::controlled::conv_metadata_counts;
use verdict_core::read::judgment_from_any_line;

const QUESTION: [&str; 7] = [
    r#""question_id":"b1","#,
    r#""question_id":81,"#,
    r#""question_id":-3,"#,
    r#""question_id":1.5,"#,
    r#""question_id":" ","#,
    r#""question_id":"q\u00e9","#,
    "",
];
const MODELS: [&str; 5] = [
    r#""model_a":"m2","model_b":"m1","#,
    r#""model_a":"m1","model_b":"m1","#,
    r#""model_a":" ","model_b":"m1","#,
    r#""model_a":"m\"1","model_b":"m1","#,
    r#""model_a":"x","model_a":"m2","model_b":"m1","#,
];
const WINNER: [&str; 7] = [
    r#""winner":"model_a","#,
    r#""winner":"model_b","#,
    r#""winner":"tie","#,
    r#""winner":"tie (bothbad)","#,
    r#""winner":"model_c","#,
    r#""winner":null,"#,
    "",
];
const CONVERSATIONS: [&str; 6] = [
    r#""conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"b"}],"#,
    r#""conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"conversation_b":[{"role":"user","content":"other"},{"role":"assistant","content":"b"}],"#,
    r#""conversation_a":[],"conversation_b":[{"role":"user","content":"q"}],"#,
    r#""conversation_a":[{"role":"user","content":"q\nx","x":1},{"role":"assistant","content":"a"}],"conversation_b":[{"role":"user","content":"q\nx"},{"role":"assistant","content":"b"}],"#,
    r#""conversation_a":["q"],"conversation_b":[{"role":"user","content":"q"}],"#,
    r#""conversation_a":[{"role":"assistant","content":"a"}],"conversation_b":[{"role":"assistant","content":"b"},{"role":"user","content":"more"}],"#,
];
const WHO: [&str; 7] = [
    "",
    r#""judge":"j","#,
    r#""judge":null,"annotator":"a","#,
    r#""judge":"","annotator":"a","#,
    r#""judge":7,"#,
    r#""annotator":["a"],"#,
    r#""judge":"j","annotator":3,"#,
];
const TIME: [&str; 6] =
    ["", r#""tstamp":1700000000.25,"#, r#""tstamp":-1,"#, r#""tstamp":"2024","#, r#""tstamp":1e14,"turn":2,"#, r#""turn":-1,"#];
const METADATA: [&str; 8] = [
    r#""conv_metadata":{"sum_assistant_a_tokens":282,"sum_assistant_b_tokens":56.5,"header_count_a":{"h1":2,"h2":1},"header_count_b":{},"bold_count_a":{"**":3},"bold_count_b":{"**":1},"list_count_a":{"ordered":4},"list_count_b":{"ordered":1,"unordered":2}}"#,
    r#""conv_metadata":{"sum_assistant_a_tokens":282,"header_count_a":{"h1":2},"header_count_b":{"h1":1},"bold_count_a":{"**":3},"bold_count_b":{"**":1},"list_count_a":{"ordered":4},"list_count_b":{"ordered":1}}"#,
    r#""conv_metadata":{"sum_assistant_a_tokens":1,"sum_assistant_b_tokens":2,"header_count_a":{"h1":2,"h1":5},"header_count_b":{"h1":1},"bold_count_a":{"**":3},"bold_count_b":{"**":1},"list_count_a":{"ordered":4},"list_count_b":{"ordered":1}}"#,
    r#""conv_metadata":{"sum_assistant_a_tokens":"1","sum_assistant_b_tokens":2,"header_count_a":{},"header_count_b":{},"bold_count_a":{},"bold_count_b":{},"list_count_a":{},"list_count_b":{}}"#,
    r#""conv_metadata":{"sum_assistant_a_tokens":1,"sum_assistant_b_tokens":2,"header_count_a":3,"header_count_b":{},"bold_count_a":{},"bold_count_b":{},"list_count_a":{},"list_count_b":{},"x":[1]}"#,
    r#""conv_metadata":null"#,
    r#""conv_metadata":"none""#,
    r#""language":"English""#,
];
const EXTRA: [&str; 6] = ["", r#""schema":null,"#, r#""outputs":[],"#, r#""id":"x","#, r#""id":null,"#, r#""winner":"tie","#];

fn row(parts: [usize; 8]) -> String {
    format!(
        "{{{}{}{}{}{}{}{}{}}}",
        EXTRA[parts[7] % EXTRA.len()],
        QUESTION[parts[0] % QUESTION.len()],
        MODELS[parts[1] % MODELS.len()],
        WINNER[parts[2] % WINNER.len()],
        CONVERSATIONS[parts[3] % CONVERSATIONS.len()],
        WHO[parts[4] % WHO.len()],
        TIME[parts[5] % TIME.len()],
        METADATA[parts[6] % METADATA.len()],
    )
}

/// Whenever the projection reads `line`, the one reader reads the same.
fn check(line: &str) -> Result<bool, TestCaseError> {
    let Some(fast) = scan_arena_row(line) else { return Ok(false) };
    let full = judgment_from_any_line(line);
    prop_assert!(matches!(full, Ok(Some(_))), "the reader rejects a row the projection read: {line}: {full:?}");
    let mut full = full.unwrap().unwrap();
    prop_assert_eq!(fast.counts, conv_metadata_counts(&full), "counts of {}", line);
    full.extra = Map::new();
    prop_assert_eq!(fast.clone().into_battle_judgment(), BattleJudgment::from(full.clone()), "battle fields of {}", line);
    prop_assert_eq!(fast.into_judgment(), full, "judgment of {}", line);
    Ok(true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn what_the_projection_reads_the_reader_reads_alike(parts in prop::array::uniform8(0usize..8)) {
        check(&row(parts))?;
    }
}

#[test]
fn the_common_rows_take_the_fast_path() {
    for parts in [[0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 3, 1, 1, 0, 0], [5, 0, 2, 5, 2, 4, 5, 0], [0, 0, 3, 0, 3, 0, 7, 0]] {
        assert!(check(&row(parts)).unwrap(), "read fast: {}", row(parts));
    }
}
