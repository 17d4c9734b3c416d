//! Differential property test of the one reader (`verdict_core::read`) against its fast
//! projections: on generated judgment files — valid, invalid, re-judged with and without
//! `submitted_at`, Arena rows with and without a verdict, duplicate keys, deep nesting,
//! private-use, astral and escaped ids, lines that are not UTF-8 — the agreement collector,
//! the battle reader (on one thread and on two) and the report all give the reader's input
//! summary; and the kept judgments round-trip: export → import → export is byte-identical.

use proptest::prelude::*;
use verdict_core::agreement::{analyze, CollectOptions, Collector, Metric, Options};
use verdict_core::judgment::to_jsonl;
use verdict_core::ranking::battles::{BattleSet, BlockReader};
use verdict_core::read::load_judgments;
use verdict_core::read::{InputSummary, JudgmentReader, Limits};
use verdict_core::report::{build_report, ReportOptions};

const IDS: [&str; 6] = ["q1", "q2", "\u{e000}p", "\u{1F600}a", "\u{ffff}", "e\\u00e9"];
const ANNOTATORS: [&str; 4] = ["a", "b", "judge:gpt", "\u{10FFFF}"];
const TIMES: [&str; 5] = ["", "2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z", "2026-11-25T10:00:00+01:00", "2026-11-25T10:00:00.500Z"];

/// One line of a judgments file, chosen by `kind` from the shapes above.
fn line(kind: u8, id: usize, annotator: usize, time: usize, winner: u8) -> Vec<u8> {
    let (id, annotator) = (IDS[id], ANNOTATORS[annotator]);
    let submitted = if TIMES[time].is_empty() { String::new() } else { format!(r#","submitted_at":"{}""#, TIMES[time]) };
    let winner = ["m1", "m2", "tie", "both_bad", "ghost"][winner as usize % 5];
    let text = match kind % 12 {
        0..=3 => format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}","shown":["m1","m2"],"preference":{{"winner":"{winner}"}},"scores":{{"h":{{"m1":{},"m2":3}},"s":"x"}}{submitted}}}"#,
            winner.len()
        ),
        4 => format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}","ranking":["m2","m1"],"shown":["m1","m2"]{submitted}}}"#
        ),
        5 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}"{submitted}}}"#),
        6 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}","flags":["x"],"k":1,"k":2}}"#),
        7 => format!(
            r#"{{"question_id":"{id}","model_a":"m1","model_b":"m2","judge":"{annotator}"{},"conversation_a":[{{"role":"user","content":"q"}},{{"role":"assistant","content":"A"}}],"conversation_b":[{{"role":"user","content":"q"}},{{"role":"assistant","content":"B"}}]}}"#,
            if winner.len() > 3 { String::new() } else { r#","winner":"model_b""#.to_owned() }
        ),
        8 => format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}","flags":["x"],"n":{}{}}}"#,
            "[".repeat(130),
            "]".repeat(130)
        ),
        9 => format!(r#"{{"schema":"verdict/judgment@1","item_id":"{id}","annotator":"{annotator}","scores":{{"q":1e400}}}}"#),
        10 => return [b"{\"schema\":\"verdict/judgment@1\",\"item_id\":\"\xff\",\"annotator\":\"a\",\"flags\":[]}".as_slice()].concat(),
        _ => "{not json".to_owned(),
    };
    text.into_bytes()
}

fn file_of(lines: &[(u8, usize, usize, usize, u8)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for &(kind, id, annotator, time, winner) in lines {
        bytes.extend(line(kind, id % IDS.len(), annotator % ANNOTATORS.len(), time % TIMES.len(), winner));
        bytes.push(b'\n');
    }
    bytes
}

fn reference(bytes: &[u8]) -> (InputSummary, Vec<verdict_core::Judgment>) {
    let mut reader = JudgmentReader::new(Limits::default());
    reader.begin_file("f");
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        reader.add_line_bytes(index as u64 + 1, line, false);
    }
    let input = reader.finish();
    (input.summary, input.judgments)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_projection_gives_the_readers_summary(lines in prop::collection::vec((0u8..12, 0usize..6, 0usize..4, 0usize..5, 0u8..5), 1..40)) {
        check(&lines)?;
    }
}

/// Found by the property test: a criterion rated only in a replaced judgment (a preference,
/// then a ranking of the same identity) must not appear in the collected data.
#[test]
fn a_criterion_rated_only_in_a_replaced_judgment_is_not_collected() {
    check(&[(0, 5, 3, 0, 0), (4, 5, 3, 0, 0)]).unwrap();
}

/// The differential checks on one generated file.
fn check(lines: &[(u8, usize, usize, usize, u8)]) -> Result<(), TestCaseError> {
    {
        let bytes = file_of(lines);
        let (expected, judgments) = reference(&bytes);

        let mut collector = Collector::new(CollectOptions::default());
        collector.add_text("f", 1, &bytes, 1);
        let dataset = collector.finish();
        let agree = InputSummary::new(1, dataset.n_judgments, dataset.n_replaced, dataset.n_skipped_lines, &dataset.problems);
        prop_assert_eq!(&agree, &expected, "agreement collector");
        // The same judgments won: the collector fed only the reader's kept judgments agrees.
        let mut from_kept = Collector::new(CollectOptions::default());
        judgments.iter().for_each(|judgment| from_kept.add_judgment(judgment));
        // Ratings within a unit may come in another order: compare what is computed from them.
        let summary = |dataset: &verdict_core::agreement::Dataset| -> Vec<(String, String, u64, Option<i64>)> {
            let options = Options { metrics: Metric::ALL.to_vec(), ..Options::default() };
            analyze(dataset, None, &options)
                .into_iter()
                .map(|r| (r.criterion, format!("{:?}{:?}", r.metric, r.form), r.n_ratings, r.value.map(|v| (v * 1e9).round() as i64)))
                .collect()
        };
        prop_assert_eq!(summary(&from_kept.finish()), summary(&dataset), "agreement collector: kept judgments");

        for threads in [1, 2] {
            let names = ["f"];
            let mut battles = BlockReader::new(&names, None);
            battles.add_bytes(0, 1, &bytes, threads);
            let loaded = battles.finish();
            let set = &loaded.records[0];
            let rank = InputSummary::new(1, set.n_judgments, set.n_replaced, set.n_skipped_lines, &loaded.problems);
            prop_assert_eq!(&rank, &expected, "battle reader on {} threads", threads);
            let from_kept = BattleSet::from_judgments(&judgments, None);
            prop_assert_eq!(&set.battles, &from_kept.battles, "battle reader: kept judgments");
            prop_assert_eq!(&set.models, &from_kept.models, "battle reader: models of kept judgments only");
        }

        if let Ok(text) = std::str::from_utf8(&bytes) {
            let report = build_report(&[("f", text)], None, None, &ReportOptions { bootstrap: 0, ..ReportOptions::default() });
            prop_assert_eq!(&report.overview.input, &expected, "report");
            prop_assert_eq!(report.overview.n_judgments, expected.judgments, "report overview");
        }

        // Export → import → export is byte-identical.
        let first = to_jsonl(&judgments);
        let again = load_judgments("again", &first);
        prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        prop_assert_eq!(to_jsonl(&again.records), first);
    }
    Ok(())
}
