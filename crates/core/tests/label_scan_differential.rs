//! Differential property test of the fast label projection (`read::label_scan`, used by
//! `verdict aggregate`) against the one reader's general path: on generated judgment lines —
//! keys in any order, repeated, escaped, of the wrong type or unknown; schema, ids and times
//! valid, empty, escaped or mistyped; scores flat, per output, nested, with arrays, repeated
//! keys, escapes, big and odd numbers, null or absent; text after the object — whenever the
//! projection accepts a line, the general path reads the same judgment (identity and the
//! criterion's value). Whole files read both ways (the projection where it accepts, else the
//! general path, as `aggregate` reads them) give the same input summary, problems and kept
//! labels, on generated files and on `tests/nasty/`. The projection must also accept the
//! common lines (else it would be a shortcut that never shortcuts).

use proptest::prelude::*;
use verdict_core::aggregate::labels::CriterionValue;
use verdict_core::read::label_scan::scan_label_line;
use verdict_core::read::Limits;
use verdict_core::read::{judgment_from_any_line, JudgmentReader, LineOutcome};
use verdict_core::Problem;

const CRITERION: &str = "grade";

const SCHEMA: [&str; 4] = [r#""schema":"verdict/judgment@1""#, r#""schema":"verdict/judgment@2""#, r#""schema":null"#, ""];
const ITEM: [&str; 6] = [r#""item_id":"i1""#, r#""item_id":"i2""#, r#""item_id":"""#, r#""item_id":"i\u0031""#, r#""item_id":7"#, ""];
const ANNOTATOR: [&str; 5] = [r#""annotator":"a""#, r#""annotator":"b""#, r#""annotator":"""#, r#""annotator":["a"]"#, ""];
const SUBMITTED: [&str; 6] = [
    "",
    r#""submitted_at":"2026-11-25T10:00:00Z""#,
    r#""submitted_at":"2026-11-25T09:00:00Z""#,
    r#""submitted_at":null"#,
    r#""submitted_at":"not a time""#,
    r#""submitted_at":5"#,
];
const EXTRA: [&str; 13] = [
    "",
    r#""group":"g1""#,
    r#""group":null"#,
    r#""duration_ms":1200"#,
    r#""duration_ms":-5"#,
    r#""duration_ms":1.5"#,
    r#""kind":"judge""#,
    r#""started_at":"2026-11-25T09:59:00Z""#,
    r#""app_version":"0.1","task_sha256":null"#,
    r#""preference":{"winner":"m1"}"#,
    r#""group":"g","group":"h""#,
    r#""flags":["x"]"#,
    r#""rubric_sha256":"a\nb""#,
];
const SCORES: [&str; 18] = [
    r#""scores":{"grade":2}"#,
    r#""scores":{"grade":"high","other":true}"#,
    r#""scores":{"grade":{"m1":4,"m2":null}}"#,
    r#""scores":{}"#,
    r#""scores":null"#,
    r#""scores":{"grade":1.5e3,"x":-0.0}"#,
    r#""scores":{"grade":-3}"#,
    r#""scores":{"grade":18446744073709551615}"#,
    r#""scores":{"grade":1,"grade":2}"#,
    r#""scores":{"grade":[1]}"#,
    r#""scores":{"grade":{"m1":{"x":1}}}"#,
    r#""scores":{"gr\u0061de":2}"#,
    r#""scores":{"grade":"h\"i"}"#,
    r#""scores":{"grade":{"m1":1,"m1":2}}"#,
    r#""scores":{"grade":1e999}"#,
    r#""scores":{"grade":0.1000000000000000055511151231257827}"#,
    r#""scores":{"other":{"m":[1]},"grade":1}"#,
    "",
];
const TAIL: [&str; 4] = ["", " ", " x", "\r"];

/// A line from one choice per part, its fields in the order of `order` (a permutation of 0..6).
fn line(parts: [usize; 7], order: &[usize]) -> String {
    let fields = [
        SCHEMA[parts[0] % SCHEMA.len()],
        ITEM[parts[1] % ITEM.len()],
        ANNOTATOR[parts[2] % ANNOTATOR.len()],
        SUBMITTED[parts[3] % SUBMITTED.len()],
        EXTRA[parts[4] % EXTRA.len()],
        SCORES[parts[5] % SCORES.len()],
    ];
    let body: Vec<&str> = order.iter().map(|&i| fields[i]).filter(|f| !f.is_empty()).collect();
    format!("{{{}}}{}", body.join(","), TAIL[parts[6] % TAIL.len()])
}

/// Whenever the projection accepts `line`, the general path reads the same.
fn check_line(line: &str) -> Result<bool, TestCaseError> {
    let Some(read) = scan_label_line(3, line, &Limits::default(), CRITERION) else { return Ok(false) };
    let trimmed = line.strip_suffix('\r').unwrap_or(line);
    let judgment = judgment_from_any_line(trimmed);
    prop_assert!(matches!(judgment, Ok(Some(_))), "accepted {line}, the reader: {judgment:?}");
    let mut judgment = judgment.unwrap().unwrap();
    prop_assert_eq!(&line[read.item_id], judgment.item_id.as_str());
    prop_assert_eq!(&line[read.annotator], judgment.annotator.as_str());
    prop_assert_eq!(read.submitted_at.map(|range| &line[range]), judgment.submitted_at.as_deref());
    prop_assert_eq!(read.value.map_or(CriterionValue::None, CriterionValue::Score), CriterionValue::take(&mut judgment, CRITERION));
    Ok(true)
}

/// What a way of reading gives: summary, problems, and per slot (item, annotator, value).
type Read = (verdict_core::read::InputSummary, Vec<Problem>, Vec<(String, String, CriterionValue)>);

/// Reads files `(name, bytes)` through the general path only, or through the projection where
/// it accepts (as `verdict aggregate` does).
fn read_files(files: &[(&str, &[u8])], projected: bool) -> Read {
    let limits = Limits::default();
    let mut reader = if projected { JudgmentReader::identities_only(limits) } else { JudgmentReader::new(limits) };
    let mut kept: Vec<(String, String, CriterionValue)> = Vec::new();
    let mut keep = |slot: usize, label: (String, String, CriterionValue)| match kept.get_mut(slot) {
        Some(old) => *old = label,
        None => kept.push(label),
    };
    for (name, bytes) in files {
        reader.begin_file(name);
        let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
        let terminated = lines.last() == Some(&&b""[..]);
        if terminated {
            lines.pop();
        }
        for (index, line) in lines.iter().enumerate() {
            let (line_no, unterminated) = (index as u64 + 1, !terminated && index + 1 == lines.len());
            let fast = std::str::from_utf8(line)
                .ok()
                .filter(|_| projected)
                .and_then(|text| Some((text, scan_label_line(line_no, text, &limits, CRITERION)?)));
            if let Some((text, read)) = fast {
                let (item, annotator) = (&text[read.item_id.clone()], &text[read.annotator.clone()]);
                if let LineOutcome::Kept { slot, .. } = reader.add_projected(line_no, item, annotator, read.submitted_at.map(|r| &text[r]))
                {
                    keep(slot, (item.to_owned(), annotator.to_owned(), read.value.map_or(CriterionValue::None, CriterionValue::Score)));
                }
                continue;
            }
            let outcome = reader.add_line_bytes(line_no, line, unterminated);
            if let (true, LineOutcome::Kept { slot, .. }) = (projected, outcome) {
                let mut judgment = reader.take_current().expect("a kept judgment");
                let value = CriterionValue::take(&mut judgment, CRITERION);
                keep(slot, (judgment.item_id, judgment.annotator, value));
            }
        }
    }
    if projected {
        let read = reader.finish();
        return (read.summary, read.problems, kept);
    }
    let read = reader.finish();
    let kept = read
        .judgments
        .into_iter()
        .map(|mut judgment| {
            let value = CriterionValue::take(&mut judgment, CRITERION);
            (judgment.item_id, judgment.annotator, value)
        })
        .collect();
    (read.summary, read.problems, kept)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn what_the_projection_reads_the_reader_reads_alike(
        parts in prop::array::uniform7(0usize..18),
        order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        check_line(&line(parts, &order))?;
    }

    #[test]
    fn files_read_both_ways_alike(
        lines in prop::collection::vec((prop::array::uniform7(0usize..18), Just((0..6).collect::<Vec<usize>>()).prop_shuffle()), 1..25),
        split in 0usize..25,
    ) {
        let lines: Vec<String> = lines.iter().map(|(parts, order)| line(*parts, order)).collect();
        let split = split.min(lines.len());
        let first = lines[..split].join("\n");
        let second = lines[split..].join("\n") + "\n";
        let files: [(&str, &[u8]); 2] = [("a.jsonl", first.as_bytes()), ("b.jsonl", second.as_bytes())];
        prop_assert_eq!(read_files(&files, true), read_files(&files, false));
    }
}

#[test]
fn the_nasty_files_read_alike() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/nasty");
    let mut all: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            all.push((path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
        }
    }
    all.sort();
    assert!(all.len() >= 8, "tests/nasty has its files");
    for (name, bytes) in &all {
        let files = [(name.as_str(), bytes.as_slice())];
        assert_eq!(read_files(&files, true), read_files(&files, false), "{name}");
    }
    let together: Vec<(&str, &[u8])> = all.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())).collect();
    assert_eq!(read_files(&together, true), read_files(&together, false), "all of tests/nasty as one input");
}

#[test]
fn the_common_lines_take_the_fast_path() {
    let common = [
        r#"{"schema":"verdict/judgment@1","item_id":"i0","annotator":"a138","scores":{"grade":1}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"rater-3","group":"site-a","started_at":"2026-11-25T09:59:00Z","submitted_at":"2026-11-25T10:00:00Z","duration_ms":5400,"app_version":"0.4.0","scores":{"grade":"good","helpful":{"m1":4,"m2":2}}}"#,
    ];
    for line in common {
        assert!(check_line(line).unwrap(), "{line}");
    }
}
