//! Tests of `battles`.

use super::*;
use crate::agreement::scan::{scan_battle_line, Names};

fn judgment(item: &str, annotator: &str, shown: &[&str], winner: &str) -> Judgment {
    let mut j = Judgment::new(item, annotator);
    j.shown = Some(shown.iter().map(|s| s.to_string()).collect());
    j.preference = Some(crate::judgment::Preference { winner: winner.into(), strength: None, extra: Default::default() });
    j
}

#[test]
fn a_preference_gives_one_battle_in_display_order() {
    let set = BattleSet::from_judgments(&[judgment("q1", "a", &["y", "x"], "x")], None);
    assert_eq!(set.models, ["x", "y"]);
    assert_eq!(set.battles.len(), 1);
    let b = set.battles[0];
    assert_eq!((b.first, b.second, b.outcome, b.positioned), (1, 0, Outcome::SecondWins, true));
}

#[test]
fn a_later_judgment_replaces_an_earlier_one() {
    let set = BattleSet::from_judgments(
        &[judgment("q1", "a", &["x", "y"], "x"), judgment("q2", "a", &["x", "y"], "tie"), judgment("q1", "a", &["x", "y"], "y")],
        None,
    );
    let outcomes: Vec<Outcome> = set.battles.iter().map(|b| b.outcome).collect();
    assert_eq!(outcomes, [Outcome::SecondWins, Outcome::Tie]);
}

#[test]
fn a_ranking_gives_every_implied_pair() {
    let mut j = Judgment::new("q1", "a");
    j.ranking = Some(vec!["b".into(), "c".into(), "a".into()]);
    j.shown = Some(vec!["a".into(), "b".into(), "c".into()]);
    let set = BattleSet::from_judgments(&[j], None);
    assert_eq!(set.battles.len(), 3);
    // b beats c and a; c beats a. Shown order a, b, c decides which side is `first`.
    let got: Vec<(u32, u32, Outcome)> = set.battles.iter().map(|b| (b.first, b.second, b.outcome)).collect();
    assert_eq!(got, [(1, 2, Outcome::FirstWins), (0, 1, Outcome::SecondWins), (0, 2, Outcome::SecondWins)]);
}

#[test]
fn unusable_judgments_are_counted_by_reason() {
    let mut no_pair = Judgment::new("q1", "a");
    no_pair.preference = Some(crate::judgment::Preference { winner: "x".into(), strength: None, extra: Default::default() });
    let set = BattleSet::from_judgments(&[no_pair, judgment("q2", "a", &["x", "y"], "z")], None);
    assert!(set.battles.is_empty());
    assert_eq!(set.skipped.values().sum::<u64>(), 2);
    assert!(set.skipped.contains_key("winner is not one of the two compared models"));
}

#[test]
fn the_streaming_reader_agrees_with_the_full_loader_on_the_real_mtbench_file() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    let full = crate::read::load_judgments("j", &text);
    let from_full = BattleSet::from_judgments(&full.records, None);
    let streamed = read_jsonl("j", &text, None);
    assert_eq!(streamed.problems, full.problems);
    let mut streamed = streamed.records[0].clone();
    // What was read, as the one reader counts it (built from judgments, only kept ones count).
    assert_eq!((streamed.n_judgments, streamed.n_replaced, streamed.n_skipped_lines), (5_754, 1, 0));
    (streamed.n_replaced, streamed.n_skipped_lines) = (0, 0);
    assert_eq!(streamed, from_full);
    assert_eq!(from_full.models.len(), 6);
    assert_eq!(from_full.battles.len(), 5_754);
}

#[test]
fn parsing_on_threads_changes_nothing_not_even_line_numbers() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    assert!(text.len() > 1 << 20, "big enough to be split");
    let mut lines: Vec<&str> = text.lines().collect();
    let middle = lines.len() / 2;
    let last = lines[lines.len() - 1];
    lines.insert(middle, "not json");
    lines.insert(middle + 1, "");
    lines.push(last); // a re-judgment across the split point
    let text = lines.join("\n");
    let one = read_many_parallel(&[("f", &text)], None, 1);
    for threads in [2, 3] {
        assert_eq!(read_many_parallel(&[("f", &text)], None, threads), one);
    }
    assert!(one.problems.iter().any(|p| p.line == middle as u64 + 1 && p.is_error()));
}

#[test]
fn merging_parts_keeps_replacements_warnings_and_their_order_across_files() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Re-judge every 7th line of the first half late in the file, with bad lines around.
    let mut mixed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for (k, line) in lines[..lines.len() / 2].iter().enumerate().step_by(7) {
        mixed.push(line.to_string());
        if k % 3 == 0 {
            mixed.push("{bad".into());
        }
    }
    let mixed = mixed.join("\n");
    let files = [("a", mixed.as_str()), ("b", mixed.as_str())];
    let one = read_many_parallel(&files, None, 1);
    assert!(one.problems.iter().filter(|p| !p.is_error()).count() > lines.len() / 14);
    assert_eq!(read_many_parallel(&files[..1], None, 2).problems, crate::read::load_judgments("a", &mixed).problems);
    for threads in [2, 3] {
        assert_eq!(read_many_parallel(&files, None, threads), one);
    }
}

#[test]
fn reading_in_blocks_of_whole_lines_changes_nothing() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut mixed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    mixed.insert(3, "not json".into());
    mixed.insert(9, String::new());
    for line in lines.iter().step_by(11) {
        mixed.push(line.to_string()); // re-judgments across blocks
    }
    let mixed = format!("\u{feff}{}", mixed.join("\n"));
    let files = [("a", mixed.as_str()), ("b", mixed.as_str())];
    let whole = read_many_parallel(&files, None, 1);
    let names = ["a", "b"];
    for block_lines in [1, 7, 500, 100_000] {
        let mut reader = BlockReader::new(&names, None);
        reader.expect_bytes(mixed.len());
        for file_index in 0..2 {
            let mut line_no = 1;
            let mut rest = mixed.as_str();
            while !rest.is_empty() {
                let cut = rest.match_indices('\n').nth(block_lines - 1).map_or(rest.len(), |(k, _)| k + 1);
                line_no += reader.add_block(file_index, line_no, &rest[..cut], 2);
                rest = &rest[cut..];
            }
        }
        assert_eq!(reader.finish(), whole, "blocks of {block_lines} lines");
    }
}

#[test]
fn the_scanner_reads_what_the_full_parser_reads_or_declines() {
    let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
    let crafted = [
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":["x","y"],"preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":["x","y","z"],"ranking":["z","x","y"]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":null,"ranking":[],"flags":["f"]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":["x\u0041","y"],"preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":["x","y"],"shown":["x","y"],"preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":"x","strength":2},"scores":{"q":{"x":1}}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"","annotator":"a","preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","shown":["x",1],"preference":{"winner":"x"}}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":null,"scores":null}"#,
    ];
    let mut quick = 0;
    for line in text.lines().chain(crafted) {
        let Some((scanned, names)) = scan_battle_line(line) else { continue };
        quick += 1;
        let full = crate::judgment::judgment_from_line(line).expect("the scanner accepts only lines the parser reads");
        let mine = |names: &Option<Names>| names.as_ref().map(|v| v.as_slice().iter().map(|n| n.to_string()).collect::<Vec<_>>());
        assert_eq!((scanned.item_id, scanned.annotator), (full.item_id.as_str(), full.annotator.as_str()), "{line}");
        assert_eq!(scanned.winner, full.preference.as_ref().map(|p| p.winner.as_str()), "{line}");
        assert_eq!(scanned.submitted_at, full.submitted_at.as_deref(), "{line}");
        assert_eq!(mine(&names.shown), full.shown, "{line}");
        assert_eq!(mine(&names.ranking), full.ranking, "{line}");
    }
    assert!(quick > 5_000, "the scanner takes the usual lines ({quick})");
}

#[test]
fn the_streaming_reader_reports_bad_lines_like_the_loader() {
    let text = "{\"schema\":\"verdict/judgment@1\",\"item_id\":3,\"annotator\":\"a\",\"flags\":[]}\nnot json\n";
    let streamed = read_jsonl("f", text, None);
    let full = crate::read::load_judgments("f", text);
    assert_eq!(streamed.problems, full.problems);
    assert_eq!(streamed.problems.len(), 2);
}
