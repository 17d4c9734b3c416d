//! Whole run vs merged partials: equal datasets and equal results (bootstrap included).

use super::*;
use crate::agreement::{analyze, CollectOptions, Metric, Options};

/// Judgments with a preference, an item-level likert, a per-output label criterion, a binary
/// one, re-judgments (lines 11, 61, …) and groups; items rated by several annotators in different parts.
fn judgments() -> Vec<String> {
    let mut lines = Vec::new();
    let mut state = 17u64;
    let mut next = |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    for i in 0..300u64 {
        // Item k's three judgments sit on lines k, 100 + k, 200 + k (so items span parts), by
        // three different annotators; lines 11, 61, … re-judge the line before (an identity
        // stays in one part: never at a cut).
        let (k, j) = if i % 50 == 11 { ((i - 1) % 100, (i - 1) / 100) } else { (i % 100, i / 100) };
        let item = format!("q{k}");
        let annotator = format!("a{}", (k + 2 * j) % 6);
        let group = ["north", "south"][(next(2)) as usize];
        let likert = 1 + next(5);
        let (first, second) = (["ma", "mc"][next(2) as usize], ["good", "bad", "meh"][next(3) as usize]);
        let winner = ["ma", "mb", "tie", "both_bad"][next(4) as usize];
        let flag = next(2) == 1;
        let stamp = format!("2026-11-01T10:{:02}:00Z", next(60));
        lines.push(format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","group":"{group}","shown":["ma","mb"],"preference":{{"winner":"{winner}"}},"scores":{{"clarity":{likert},"tone":{{"{first}":"{second}","mb":"good"}},"safe":{flag}}},"submitted_at":"{stamp}"}}"#
        ));
    }
    lines
}

fn dataset(lines: &[String]) -> Dataset {
    Dataset::from_jsonl("f", &lines.join("\n"), CollectOptions::default())
}

fn options() -> Options {
    Options { metrics: Metric::ALL.to_vec(), bootstrap: 50, seed: 9, ..Options::default() }
}

#[test]
fn merged_partials_finish_like_the_whole_run_on_three_splits() {
    let lines = judgments();
    let whole = dataset(&lines);
    let expected = analyze(&whole, None, &options());
    assert!(whole.problems.is_empty(), "{:?}", whole.problems.first());
    assert!(expected.iter().any(|r| r.ci_low.is_some()), "the bootstrap ran: {expected:?}");
    for cuts in [vec![100, 200], vec![1, 299], vec![150, 151]] {
        let mut parts = Vec::new();
        let mut start = 0;
        for end in cuts.iter().copied().chain([lines.len()]) {
            parts.push(AgreementPartials::from_dataset(&dataset(&lines[start..end])));
            start = end;
        }
        let merged = AgreementPartials::merge(parts).unwrap().to_dataset().unwrap();
        assert_eq!(merged.annotators, whole.annotators, "cuts {cuts:?}");
        assert_eq!(merged.items, whole.items, "cuts {cuts:?}");
        for (m, w) in merged.criteria.iter().zip(&whole.criteria) {
            assert_eq!(m.ratings, w.ratings, "criterion {} cuts {cuts:?}", w.id);
            assert_eq!(m.units, w.units, "criterion {} cuts {cuts:?}", w.id);
        }
        assert_eq!(analyze(&merged, None, &options()), expected, "cuts {cuts:?}");
    }
}

#[test]
fn partials_round_trip_through_json_and_refuse_bad_names() {
    let whole = dataset(&judgments());
    let partials = AgreementPartials::from_dataset(&whole);
    let text = serde_json::to_string(&partials).unwrap();
    let back: AgreementPartials = serde_json::from_str(&text).unwrap();
    assert_eq!(back, partials);
    assert_eq!(analyze(&back.to_dataset().unwrap(), None, &options()), analyze(&whole, None, &options()));
    let mut broken = partials.clone();
    broken.criteria[0].units[0].ratings[0].0 = "nobody".into();
    assert_eq!(broken.to_dataset().unwrap_err().to_string(), "criterion \"preference\": unknown annotator \"nobody\"");
    let mut reshaped = partials.clone();
    reshaped.criteria[1].per_output = !reshaped.criteria[1].per_output;
    assert!(matches!(AgreementPartials::merge(vec![partials, reshaped]), Err(MergeError::Shape(_))));
}
