//! Selections (`verdict_core::read::select`) through the fast projections agree with the one
//! reader: on generated files — judges by id prefix and by `kind`, groups, `meta` fields,
//! re-judgments whose later version leaves or enters the selection — the agreement collector
//! and the battle reader (one and two threads) with a selection give what the reader's kept
//! judgments, filtered by `Selection::matches`, give; and the identity rule runs first.

use proptest::prelude::*;
use verdict_core::agreement::{analyze, CollectOptions, Collector, Dataset, Metric, Options};
use verdict_core::ranking::battles::{BattleSet, BlockReader};
use verdict_core::read::{read_texts, Selection};
use verdict_core::Judgment;

const ITEMS: [&str; 4] = ["mtbench-81:t1:a|b", "mtbench-81:t2:a|b", "mtbench-82:t1:a|b", "q9"];
const ANNOTATORS: [&str; 4] = ["expert_1", "author_2", "judge:gpt-4", "bot-7"];
const TIMES: [&str; 3] = ["", "2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z"];

fn line(item: usize, annotator: usize, time: usize, winner: u8, extra: u8) -> String {
    let submitted = if TIMES[time].is_empty() { String::new() } else { format!(r#","submitted_at":"{}""#, TIMES[time]) };
    let winner = ["a", "b", "tie", "both_bad"][winner as usize % 4];
    let extra = match extra % 6 {
        0 => String::new(),
        1 => r#","kind":"judge""#.to_owned(),
        2 => r#","group":"human_expert","meta":{"turn":1,"lang":"id"}"#.to_owned(),
        3 => r#","group":"llm_judge","meta":{"turn":2}"#.to_owned(),
        4 => r#","kind":"human","group":"human_expert""#.to_owned(),
        _ => r#","note":"\"kind\" is a word""#.to_owned(),
    };
    format!(
        r#"{{"schema":"verdict/judgment@1","item_id":"{}","annotator":"{}","shown":["a","b"],"preference":{{"winner":"{winner}"}}{extra}{submitted}}}"#,
        ITEMS[item], ANNOTATORS[annotator]
    )
}

fn selections() -> Vec<Selection> {
    let none: &[&str] = &[];
    vec![
        Selection::parse(None, none, &["humans"]).unwrap(),
        Selection::parse(None, none, &["judges"]).unwrap(),
        Selection::parse(Some(":t1:"), none, none).unwrap(),
        Selection::parse(None, &["group=human_expert"], none).unwrap(),
        Selection::parse(None, &["meta.turn=1"], &["humans", "judge:*"]).unwrap(),
        Selection::parse(Some("^mtbench"), &["kind=judge"], none).unwrap(),
    ]
}

/// What agreement computes from a dataset (ratings within a unit may come in another order).
fn agreement(dataset: &Dataset) -> Vec<(String, String, u64, Option<i64>)> {
    let options = Options { metrics: Metric::ALL.to_vec(), ..Options::default() };
    analyze(dataset, None, &options)
        .into_iter()
        .map(|r| (r.criterion, format!("{:?}{:?}", r.metric, r.form), r.n_ratings, r.value.map(|v| (v * 1e9).round() as i64)))
        .collect()
}

/// Battles by names (ids differ: unselected annotators are still interned for the identity rule).
fn battles_by_name(set: &BattleSet) -> Vec<(String, String, String, String, String)> {
    set.battles
        .iter()
        .map(|b| {
            (
                set.items[b.item as usize].to_owned(),
                set.annotators[b.annotator as usize].clone(),
                set.models[b.first as usize].clone(),
                set.models[b.second as usize].clone(),
                format!("{:?}{}", b.outcome, b.positioned),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn fast_readers_select_what_the_reader_selects(lines in prop::collection::vec((0usize..4, 0usize..4, 0usize..3, 0u8..4, 0u8..6), 1..40)) {
        let text: String = lines.iter().map(|&(i, a, t, w, e)| line(i, a, t, w, e) + "\n").collect();
        let kept = read_texts(&[("f", &text)]).judgments;
        for selection in selections() {
            let chosen: Vec<&Judgment> = kept.iter().filter(|j| selection.matches(j)).collect();

            let mut collector = Collector::new(CollectOptions { selection: Some(selection.clone()), ..CollectOptions::default() });
            collector.add_text("f", 1, text.as_bytes(), 1);
            let dataset = collector.finish();
            prop_assert_eq!(dataset.n_selected, chosen.len() as u64, "collector: selected count, {:?}", selection);
            prop_assert_eq!(dataset.n_judgments, kept.len() as u64, "collector: the summary stays the whole input's");
            let mut reference = Collector::new(CollectOptions::default());
            chosen.iter().for_each(|j| reference.add_judgment(j));
            prop_assert_eq!(agreement(&dataset), agreement(&reference.finish()), "collector: ratings, {:?}", selection);

            let expected = BattleSet::from_judgments(&chosen.iter().map(|j| (*j).clone()).collect::<Vec<_>>(), None);
            for threads in [1, 2] {
                let names = ["f"];
                let mut reader = BlockReader::new(&names, None).select(&selection);
                reader.add_bytes(0, 1, text.as_bytes(), threads);
                let set = reader.finish().records.remove(0);
                prop_assert_eq!(set.n_selected, chosen.len() as u64, "battles: selected count, {:?}", selection);
                prop_assert_eq!(set.n_judgments, kept.len() as u64);
                prop_assert_eq!(battles_by_name(&set), battles_by_name(&expected), "battles on {} threads, {:?}", threads, selection);
            }
        }
    }
}

/// The identity rule runs before the selection: a later judgment outside the selection replaces
/// an earlier one inside it, which is then not counted (and is not brought back).
#[test]
fn an_unselected_later_judgment_still_replaces_a_selected_one() {
    let early = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"x","group":"site-a","shown":["a","b"],"preference":{"winner":"a"},"submitted_at":"2026-11-25T09:00:00Z"}"#;
    let late = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"x","group":"site-b","shown":["a","b"],"preference":{"winner":"b"},"submitted_at":"2026-11-25T10:00:00Z"}"#;
    let other =
        r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"y","group":"site-a","shown":["a","b"],"preference":{"winner":"a"}}"#;
    let text = format!("{early}\n{late}\n{other}\n");
    let selection = Selection::parse(None, &["group=site-a"], &[] as &[&str]).unwrap();
    let mut collector = Collector::new(CollectOptions { selection: Some(selection.clone()), ..CollectOptions::default() });
    collector.add_text("f", 1, text.as_bytes(), 1);
    let dataset = collector.finish();
    assert_eq!((dataset.n_judgments, dataset.n_replaced, dataset.n_selected), (2, 1, 1));
    assert_eq!(dataset.criteria[0].ratings.n_ratings(), 1, "only y's rating: x's selected judgment was replaced");
    let names = ["f"];
    let mut reader = BlockReader::new(&names, None).select(&selection);
    reader.add_block(0, 1, &text, 1);
    let set = reader.finish().records.remove(0);
    assert_eq!((set.n_judgments, set.n_replaced, set.n_selected, set.battles.len()), (2, 1, 1, 1));
    assert_eq!(set.annotators[set.battles[0].annotator as usize], "y");
}
