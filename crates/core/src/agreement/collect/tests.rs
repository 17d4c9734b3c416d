//! Tests of `collect`.

use super::finish::{group_runs, group_sorted, Grouped};
use super::parallel::find_newline;
use super::*;

fn collect(text: &[u8], threads: u32) -> String {
    let mut collector = Collector::new(CollectOptions::default());
    let lines = collector.add_text("f", 1, text, threads);
    format!("{lines} {:?}", collector.finish())
}

/// Over 1 MiB of varied lines: item and per-output criteria, preferences, groups, bad and
/// blank lines, CRLF, a line that is not UTF-8, re-judgments across the split points.
fn varied_text() -> Vec<u8> {
    let mut text = "\u{feff}".as_bytes().to_vec();
    let mut n = 0u64;
    while text.len() < (3 << 20) / 2 {
        let (item, rater) = (n / 3, n % 7);
        let line = match n % 11 {
            0 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{item}","annotator":"r{rater}","group":"g{}","scores":{{"q":{}}}}}"#, n % 3, n % 5),
            1 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{item}","annotator":"r{rater}","scores":{{"h":{{"m{}":{},"m9":true}}}}}}"#, n % 4, n % 2),
            2 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{item}","annotator":"r{rater}","shown":["a","b"],"preference":{{"winner":"{}"}}}}"#, ["a", "b", "tie"][n as usize % 3]),
            3 => "not json".to_owned(),
            4 => String::new(),
            5 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{}","annotator":"r{rater}","scores":{{"q":"x{}","l":[1]}}}}"#, item / 50, n % 4),
            6 => format!("{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"i\\u0031{item}\",\"annotator\":\"r{rater}\",\"scores\":{{\"q\":2.5}}}}\r"),
            _ => format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{item}","annotator":"r{rater}","scores":{{"q":{}}}}}"#, n % 5),
        };
        text.extend_from_slice(line.as_bytes());
        text.push(b'\n');
        if n == 20_000 {
            text.extend_from_slice(b"{\"schema\":\"verdict/judgment@1\",\"item_id\":\"\xff\",\"annotator\":\"a\",\"flags\":[]}\n");
        }
        n += 1;
    }
    // Re-judge early items at the end, and end without a newline.
    text.extend_from_slice(br#"{"schema":"verdict/judgment@1","item_id":"i0","annotator":"r0","scores":{"q":4}}"#);
    text
}

#[test]
fn parsing_on_threads_gives_exactly_the_one_thread_result() {
    let text = varied_text();
    let one = collect(&text, 1);
    assert!(one.contains("NotUtf8") && one.contains("n_replaced: 1"), "{}", &one[..200]);
    for threads in [2, 3, 4] {
        assert!(collect(&text, threads) == one, "{threads} threads");
    }
    // The same as line by line (the text has no CR and is valid UTF-8 once those go).
    let plain = String::from_utf8_lossy(&text).replace('\r', "").replace('\u{fffd}', "?");
    let by_line = Dataset::from_jsonl("f", &plain, CollectOptions::default());
    let threaded = {
        let mut collector = Collector::new(CollectOptions::default());
        collector.add_text("f", 1, plain.as_bytes(), 2);
        collector.finish()
    };
    assert_eq!(format!("{by_line:?}"), format!("{threaded:?}"));
}

#[test]
fn a_criterion_whose_shape_differs_between_the_parts_is_settled_as_in_one_pass() {
    // First half: `q` per item; second half starts with `q` per output.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 1 << 20 {
        text.push_str(&format!("{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"i{n}\",\"annotator\":\"a\",\"scores\":{{\"q\":1}}}}\n"));
        n += 1;
    }
    let half = text.len();
    while text.len() < 2 * half + 100 {
        text.push_str(&format!(
            "{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"i{n}\",\"annotator\":\"b\",\"scores\":{{\"q\":{{\"m\":2}}}}}}\n"
        ));
        n += 1;
    }
    assert_eq!(collect(text.as_bytes(), 2), collect(text.as_bytes(), 1));
}

#[test]
fn ratings_are_grouped_in_runs_as_after_sorting() {
    // (unit, annotator, judgment, category) in unit order; judgment 2 is replaced, unit 3's
    // only rating too (its unit drops), unit 4 has a duplicated annotator.
    let raw: Vec<Raw> = [(0, 0, 0, 1), (0, 1, 1, 0), (1, 0, 2, 2), (1, 1, 3, 2), (3, 2, 4, 0), (4, 0, 5, 0), (4, 0, 6, 1), (4, 1, 7, 1)]
        .into_iter()
        .map(|(unit, annotator, judgment, category)| Raw { unit, annotator, judgment, category })
        .collect();
    let superseded = [false, false, true, false, true, false, false, false];
    let remap = [10, 11, 12];
    let expected =
        Grouped { unit_ids: vec![0, 1, 4], unit_start: vec![0, 2, 3, 5], ratings: vec![(0, 11), (1, 10), (1, 12), (0, 11), (1, 11)] };
    assert_eq!(group_runs(&raw, &superseded, &remap), expected);
    assert_eq!(group_sorted(&raw, &superseded, &remap, 5), expected);
}

#[test]
fn newlines_are_found_at_every_offset() {
    for len in 0..40 {
        for at in 0..len {
            let mut bytes = vec![b'x'; len];
            bytes[at] = b'\n';
            if at + 3 < len {
                bytes[at + 3] = b'\n';
            }
            assert_eq!(find_newline(&bytes), Some(at));
        }
        assert_eq!(find_newline(&vec![b'\x8a'; len]), None);
    }
}
