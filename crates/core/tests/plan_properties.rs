//! Property tests of campaign planning over random rosters and task files: exact coverage or an
//! explicit shortfall, balance, language matching, gold and repeat rates, repeat gaps and swapped
//! orders, determinism from the seed, and `queue_for` equal to the plan filtered by annotator.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use verdict_core::plan::{self, parse_campaign, Kind, Shortfall};
use verdict_core::task::{load_tasks, Task};

const LANGUAGES: [&str; 3] = ["en", "tl", "id"];

#[derive(Clone, Debug)]
struct Setup {
    campaign: plan::Campaign,
    tasks: Vec<Task>,
}

#[allow(clippy::too_many_arguments)]
fn setup(
    n_items: usize,
    n_gold: usize,
    roster: Vec<(u8, Vec<usize>, Option<u32>)>,
    k: u32,
    gold_rate: f64,
    repeat_rate: f64,
    min_gap: u32,
    languages: bool,
    seed: u64,
    three_way: bool,
) -> Setup {
    let mut lines = String::new();
    for i in 0..n_items + n_gold {
        let language = LANGUAGES[i % 3];
        let models = if three_way && i % 4 == 0 {
            r#"[{"model":"a","content":"1"},{"model":"b","content":"2"},{"model":"c","content":"3"}]"#
        } else {
            r#"[{"model":"a","content":"1"},{"model":"b","content":"2"}]"#
        };
        let gold = if i >= n_items { r#","gold":{"preference":"a"}"# } else { "" };
        lines.push_str(&format!(r#"{{"id":"i{i}","prompt":"p","outputs":{models},"meta":{{"language":"{language}"}}{gold}}}"#));
        lines.push('\n');
    }
    let tasks = load_tasks("t", &lines).records;
    let roster: Vec<String> = roster
        .iter()
        .enumerate()
        .map(|(r, (group, langs, quota))| {
            let langs: Vec<String> = langs.iter().map(|l| format!("\"{}\"", LANGUAGES[*l])).collect();
            let quota = quota.map(|q| format!(r#","quota":{q}"#)).unwrap_or_default();
            format!(r#"{{"annotator":"r{r}","group":"site-{group}","languages":[{}]{quota}}}"#, langs.join(","))
        })
        .collect();
    let matching = if languages { r#","match":{"language":"meta.language"}"# } else { "" };
    let text = format!(
        r#"{{"schema":"verdict/campaign@1","id":"p","seed":{seed},"tasks":"t","roster":[{}],"overlap":{{"raters_per_item":{k}}},
            "gold":{{"rate":{gold_rate}}},"repeats":{{"rate":{repeat_rate},"min_gap":{min_gap},"swap_order":true}}{matching}}}"#,
        roster.join(",")
    );
    Setup { campaign: parse_campaign(&text).unwrap_or_else(|p| panic!("{p:?}\n{text}")), tasks }
}

fn arb_setup() -> impl Strategy<Value = Setup> {
    (
        1usize..120,
        0usize..12,
        prop::collection::vec((0u8..3, prop::collection::vec(0usize..3, 0..3), prop::option::weighted(0.2, 0u32..60)), 1..12),
        1u32..5,
        prop_oneof![Just(0.0), 0.01f64..0.2],
        prop_oneof![Just(0.0), 0.01f64..0.2],
        0u32..15,
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(n, g, roster, k, gr, rr, gap, lang, seed)| setup(n, g, roster, k, gr, rr, gap, lang, seed, true))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn coverage_is_exact_or_explained(s in arb_setup()) {
        let plan = plan::plan(&s.campaign, &s.tasks);
        let short: BTreeMap<&str, (u32, u32)> = plan.shortfalls.iter().filter_map(|f| match f {
            Shortfall::Coverage { item_id, assigned, wanted, .. } => Some((item_id.as_str(), (*assigned, *wanted))),
            _ => None,
        }).collect();
        let mut raters_of: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
        for a in plan.assignments.iter().filter(|a| a.kind == Kind::Task) {
            prop_assert!(raters_of.entry(a.item).or_default().insert(a.rater), "a rater got an item twice");
        }
        let k = s.campaign.overlap.raters_per_item;
        for (index, task) in s.tasks.iter().enumerate().filter(|(_, t)| t.gold.is_none() || s.campaign.gold.as_ref().is_none_or(|g| g.rate == 0.0)) {
            let got = raters_of.get(&(index as u32)).map_or(0, |r| r.len() as u32);
            match short.get(task.id.as_str()) {
                None => prop_assert_eq!(got, k, "item {} not fully covered and not in the shortfalls", task.id),
                Some(&(assigned, wanted)) => { prop_assert_eq!(got, assigned); prop_assert!(assigned < wanted); }
            }
        }
    }

    #[test]
    fn languages_match_and_loads_are_balanced(s in arb_setup()) {
        let plan = plan::plan(&s.campaign, &s.tasks);
        for a in &plan.assignments {
            let rater = &s.campaign.roster[a.rater as usize];
            if s.campaign.match_language.is_some() && !rater.languages.is_empty() {
                let language = s.tasks[a.item as usize].meta["language"].as_str().unwrap();
                prop_assert!(rater.languages.iter().any(|l| l == language), "{} cannot read {language}", rater.annotator);
            }
        }
        // Without language matching, every rater is in one pool: loads differ by at most one
        // among raters whose quota does not bind.
        if s.campaign.match_language.is_none() {
            if let Some(load) = &plan.summary.load {
                prop_assert!(load.max - load.min <= 1, "{:?}", plan.summary.per_rater);
            }
        }
        for rater in &plan.summary.per_rater {
            if let Some(quota) = rater.quota {
                prop_assert!(rater.counts.task + rater.counts.gold + rater.counts.repeat <= u64::from(quota));
            }
        }
    }

    #[test]
    fn gold_and_repeat_rates_gaps_and_swaps(s in arb_setup()) {
        let plan = plan::plan(&s.campaign, &s.tasks);
        let gold_rate = s.campaign.gold.as_ref().map_or(0.0, |g| g.rate);
        let repeat_rate = s.campaign.repeats.as_ref().map_or(0.0, |r| r.rate);
        let min_gap = s.campaign.repeats.as_ref().map_or(0, |r| r.min_gap);
        for rater in &plan.summary.per_rater {
            let c = &rater.counts;
            let production = (c.task + c.gold + c.repeat) as f64;
            let gold_short = plan.shortfalls.iter().any(|f| matches!(f, Shortfall::GoldPool { annotator, .. } | Shortfall::Repeats { annotator, .. } if *annotator == rater.annotator) || matches!(f, Shortfall::NoGoldItems));
            if !gold_short {
                prop_assert!((c.gold as f64 - gold_rate * production).abs() <= 1.0, "gold {} of {production} at {gold_rate}", c.gold);
                prop_assert!((c.repeat as f64 - repeat_rate * production).abs() <= 1.0, "repeats {} of {production} at {repeat_rate}", c.repeat);
            }
        }
        let mut first_seen: BTreeMap<(u32, u32), (u32, Vec<u32>)> = BTreeMap::new();
        for a in &plan.assignments {
            match a.kind {
                Kind::Task => { first_seen.insert((a.rater, a.item), (a.seq, a.order.clone())); }
                Kind::Repeat => {
                    let (seq, order) = first_seen.get(&(a.rater, a.item)).expect("a repeat follows its first showing");
                    prop_assert!(a.seq - seq > min_gap, "gap {} < {min_gap}", a.seq - seq - 1);
                    let mut swapped = order.clone();
                    swapped.reverse();
                    prop_assert_eq!(&a.order, &swapped);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn the_plan_is_a_function_of_the_seed_and_queue_for_is_the_filtered_plan(s in arb_setup()) {
        let plan = plan::plan(&s.campaign, &s.tasks);
        prop_assert_eq!(&plan, &plan::plan(&s.campaign, &s.tasks));
        for (index, entry) in s.campaign.roster.iter().enumerate() {
            let queue = plan::queue_for(&s.campaign, &s.tasks, &entry.annotator).expect("every roster member here is a rater");
            let filtered: Vec<_> = plan.assignments.iter().filter(|a| a.rater == index as u32).cloned().collect();
            prop_assert_eq!(queue, filtered);
        }
        prop_assert!(plan::queue_for(&s.campaign, &s.tasks, "nobody").is_none());
    }
}

#[test]
fn an_impossible_design_is_a_plan_with_shortfalls() {
    // k = 4 with 3 raters, nobody reads "id", quotas far too small.
    let s = setup(30, 0, vec![(0, vec![0], Some(5)), (1, vec![1], Some(5)), (2, vec![0, 1], None)], 4, 0.0, 0.0, 0, true, 1, true);
    let plan = plan::plan(&s.campaign, &s.tasks);
    let reasons: BTreeSet<String> = plan
        .shortfalls
        .iter()
        .filter_map(|f| match f {
            Shortfall::Coverage { reason, .. } => Some(serde_json::to_value(reason).unwrap()["reason"].as_str().unwrap().to_owned()),
            _ => None,
        })
        .collect();
    assert!(reasons.contains("no_reader") && reasons.contains("too_few_readers"), "{reasons:?}");
    assert_eq!(plan.shortfalls.iter().filter(|f| matches!(f, Shortfall::Coverage { .. })).count(), 30);
}

#[test]
fn sites_overlap_and_pairs_are_near_even_on_a_full_roster() {
    let roster: Vec<(u8, Vec<usize>, Option<u32>)> = (0..12).map(|r| ((r % 3) as u8, vec![], None)).collect();
    let s = setup(600, 0, roster, 3, 0.0, 0.0, 0, false, 9, false);
    let plan = plan::plan(&s.campaign, &s.tasks);
    let pairs = plan.summary.pair_overlap.as_ref().unwrap();
    // 600 items × 3 pairs over 66 pairs: 27.3 on average.
    assert_eq!(pairs.pairs, 66);
    assert!(pairs.min >= 20 && pairs.max <= 35, "{pairs:?}");
    assert_eq!(plan.summary.group_overlap.len(), 3);
    assert!(plan.summary.group_overlap.iter().all(|g| g.items > 300), "{:?}", plan.summary.group_overlap);
    // Position counterbalance per rater (all items share their two models, as crate::order
    // balances them): every model left as often as right, ±1.
    for rater in 0..12u32 {
        let mut left: BTreeMap<&str, i64> = BTreeMap::new();
        for a in plan.assignments.iter().filter(|a| a.rater == rater) {
            let models = &s.tasks[a.item as usize].outputs;
            *left.entry(&models[a.order[0] as usize].model).or_default() += 1;
            *left.entry(&models[a.order[1] as usize].model).or_default() -= 1;
        }
        assert!(left.values().all(|d| d.abs() <= 1), "rater {rater}: {left:?}");
    }
}
