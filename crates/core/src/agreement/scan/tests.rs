//! Tests of `scan`.

use super::*;
use crate::judgment::judgment_from_line;

fn check(line: &str) {
    let reference = judgment_from_line(line);
    match (scan_line(line), &reference) {
        (Some(scanned), Ok(judgment)) => assert_eq!(scanned, Scanned::from_judgment(judgment), "{line}"),
        (Some(_), Err(problems)) => panic!("scanner accepted a line judgment_from_line rejects: {line} {problems:?}"),
        (None, _) => {}
    }
}

#[test]
fn agrees_with_judgment_from_line_on_the_real_file() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    let mut fast = 0;
    for line in text.lines() {
        check(line);
        fast += usize::from(scan_line(line).is_some());
    }
    assert_eq!(fast, 5_755, "every real line takes the fast path");
}

#[test]
fn never_accepts_a_line_the_full_parser_rejects_and_extracts_the_same_values() {
    let lines = [
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":{"m1":4,"m2":2.5},"p":"none","b":true,"x":null,"l":[1,2],"n":-3,"e":1e2,"z":-0}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":"m","strength":2,"why":{"a":[1,{"b":null}]}}}"#,
        r#"  {"schema" : "verdict/judgment@1" , "item_id":"i","annotator":"a","flags":[]}  "#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","flags":[],"group":null,"preference":null}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":null,"scores":null}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"","annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","flags":[]} x"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","item_id":"j","annotator":"a","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":"m","strength":2.0}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":"m","strength":4294967296}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"strength":1}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","duration_ms":-1,"flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":[1],"flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":01}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":1.}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":"a\"b"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","note":"\ud800","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","note":"x\ty","flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":1,"h":2}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":{"m":1,"m":2}}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":tru}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":1},}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","group":3,"flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":12345678901234567890123}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":{"h":0.1000000000000000055511151231257827}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a"}"#,
        r#"[1,2]"#,
        r#""#,
    ];
    for line in lines {
        check(line);
    }
    // The common shapes do take the fast path.
    assert!(scan_line(lines[0]).is_some() && scan_line(lines[1]).is_some() && scan_line(lines[4]).is_none());
}
