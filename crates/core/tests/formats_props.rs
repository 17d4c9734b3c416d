//! Property tests of the formats: arbitrary input never panics any parser, and arbitrary valid
//! judgments round-trip byte-identically (also through the tamper-evidence chain).

use proptest::prelude::*;
use serde_json::{Map, Value};
use verdict_core::export::{arena_battle, csv_rows, judgments_jsonl_chained, preference_pair, verify_chain, CSV_HEADER};
use verdict_core::import::JsonLines;
use verdict_core::judgment::{judgment_from_line, Judgment, Preference};
use verdict_core::read::load_judgments;
use verdict_core::read::{JudgmentReader, Limits};
use verdict_core::rubric::load_rubric;
use verdict_core::task::{load_tasks_with_judgments, TaskLines};

/// Every parser, on the same input, as bytes (streaming) and as text (whole-file).
fn parse_everything(bytes: &[u8]) {
    let mut lines = JsonLines::new("f", bytes);
    let mut tasks = TaskLines::new("f");
    let mut judgments = JudgmentReader::new(Limits::default());
    judgments.begin_file("f");
    let mut problems = Vec::new();
    while let Some(line) = lines.next_line().expect("reading from memory cannot fail") {
        if let Ok(text) = line.text {
            tasks.line(line.number, text, line.unterminated, &mut problems);
            judgments.add_line(line.number, text, line.unterminated);
        }
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = load_tasks_with_judgments("f", &text);
    let _ = load_judgments("f", &text);
    let _ = load_rubric("f", &text);
    let _ = verify_chain("f", &text);
}

fn real_lines() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/");
    let mut lines = Vec::new();
    for path in ["mtbench-judgments/judgments.jsonl", "mtbench-pairs/tasks.jsonl"] {
        let text = std::fs::read_to_string(format!("{root}{path}")).expect("demo data is committed");
        lines.extend(text.lines().take(200).map(str::to_owned));
    }
    lines.push(std::fs::read_to_string(format!("{root}mtbench-pairs/rubric.json")).expect("demo data is committed"));
    lines
}

/// Keys the judgment format knows; generated unknown fields avoid them.
const KNOWN: [&str; 16] = [
    "schema",
    "item_id",
    "annotator",
    "group",
    "shown",
    "preference",
    "ranking",
    "scores",
    "flags",
    "started_at",
    "submitted_at",
    "duration_ms",
    "task_sha256",
    "rubric_sha256",
    "app_version",
    "chain",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("JSON numbers are finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..4).prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn object(keys_to_avoid: &'static [&'static str]) -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec(
        (any::<String>().prop_filter("not a known key", move |k| !keys_to_avoid.contains(&k.as_str())), json_value()),
        0..3,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
}

fn judgment() -> impl Strategy<Value = Judgment> {
    // Arbitrary Unicode, plus short strings dense in what CSV and JSON must escape.
    let text = || prop_oneof![any::<String>(), "[a,\"\\\\ \r\n=\u{0}\u{1f}é😀]{0,8}"];
    let non_empty = || prop_oneof!["\\PC{1,12}", "[a,\"\\\\ \r\n=é😀]{1,8}"];
    let strings = || prop::option::of(prop::collection::vec(text(), 0..4));
    let preference = prop::option::of(
        (text(), prop::option::of(any::<u32>()), object(&["winner", "strength"])).prop_map(|(winner, strength, extra)| Preference {
            winner,
            strength,
            extra,
        }),
    );
    (
        (non_empty(), non_empty(), prop::option::of(text()), strings(), preference, strings(), prop::option::of(object(&[])), strings()),
        (prop::option::of(text()), prop::option::of(text()), prop::option::of(any::<u64>()), prop::option::of(text()), object(&KNOWN)),
    )
        .prop_map(
            |(
                (item_id, annotator, group, shown, preference, ranking, scores, flags),
                (started_at, submitted_at, duration_ms, app_version, extra),
            )| {
                let mut judgment = Judgment {
                    group,
                    shown,
                    preference,
                    ranking,
                    scores,
                    flags,
                    started_at,
                    submitted_at,
                    duration_ms,
                    app_version,
                    extra,
                    ..Judgment::new(item_id, annotator)
                };
                if judgment.preference.is_none() && judgment.ranking.is_none() && judgment.scores.is_none() && judgment.flags.is_none() {
                    judgment.flags = Some(Vec::new());
                }
                judgment
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        parse_everything(&bytes);
    }

    #[test]
    fn mutated_real_lines_never_panic(
        picks in prop::collection::vec((any::<prop::sample::Index>(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 0..6)), 1..4),
    ) {
        let lines = real_lines();
        let mut input = Vec::new();
        for (line, edits) in picks {
            let mut bytes = line.get(&lines).as_bytes().to_vec();
            for (at, byte, op) in edits {
                let at = at.index(bytes.len() + 1);
                match op {
                    0 => bytes.insert(at, byte),
                    1 if at < bytes.len() => { bytes.remove(at); }
                    _ if at < bytes.len() => bytes[at] = byte,
                    _ => bytes.push(byte),
                }
            }
            input.extend(bytes);
            input.push(b'\n');
        }
        parse_everything(&input);
    }

    #[test]
    fn valid_judgments_round_trip_byte_identically(judgment in judgment()) {
        let line = judgment.to_json_line();
        let parsed = judgment_from_line(&line).map_err(|p| TestCaseError::fail(format!("{p:?}: {line}")))?;
        prop_assert_eq!(parsed.to_json_line(), line.clone());
        prop_assert_eq!(&parsed, &judgment);
    }

    #[test]
    fn chained_exports_verify_and_reexport_identically(judgments in prop::collection::vec(judgment(), 1..5)) {
        let text = judgments_jsonl_chained(&judgments);
        prop_assert_eq!(verify_chain("j", &text), vec![]);
        let reread: Vec<Judgment> = text.lines().map(|l| judgment_from_line(l).expect("a chained line parses")).collect();
        prop_assert_eq!(judgments_jsonl_chained(&reread), text);
    }
}

/// A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), independent of
/// the writer, to check what the CSV exporter wrote.
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted_field = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() && !quoted_field => {
                quoted_field = true;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(other) => field.push(other),
                        None => return Err("unterminated quoted field".into()),
                    }
                }
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                quoted_field = false;
            }
            '"' | '\r' | '\n' => return Err(format!("bare {c:?} outside quotes")),
            other if quoted_field => return Err(format!("{other:?} after a closing quote")),
            other => field.push(other),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        return Err("last record does not end in CRLF".into());
    }
    Ok(records)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn csv_reads_back_cell_for_cell_and_other_exporters_never_panic(judgment in judgment()) {
        let mut text = CSV_HEADER.to_owned();
        csv_rows(&judgment, &mut text);
        let records = read_csv(&text).map_err(TestCaseError::fail)?;
        prop_assert!(records.iter().all(|r| r.len() == 7), "7 columns in every row");
        for row in &records[1..] {
            prop_assert_eq!(&row[0], &judgment.item_id);
            prop_assert_eq!(&row[1], &judgment.annotator);
            prop_assert_eq!(&row[2], judgment.group.as_deref().unwrap_or(""));
        }
        if let Some(preference) = &judgment.preference {
            prop_assert_eq!(&records[1][3], "preference");
            prop_assert_eq!(&records[1][5], &preference.winner);
        }
        let _ = arena_battle(&judgment, None);
        let _ = preference_pair(&judgment, None);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"i\",\"annotator\":\"a\",\"scores\":{}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let problems = judgment_from_line(&deep).unwrap_err();
    let invalid = verdict_core::problem::Detail::InvalidJson { parser: "recursion limit exceeded".into() };
    assert_eq!(problems[0].1, invalid);
    let loaded = verdict_core::task::load_tasks("t", &format!("{{\"id\":{}}}", "[".repeat(100_000)));
    assert_eq!(loaded.problems[0].detail, invalid);
}
