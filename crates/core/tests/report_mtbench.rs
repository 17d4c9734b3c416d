//! The quality report on the real MT-Bench judgments (Zheng et al. 2023, CC BY 4.0; see
//! `www/demo/README.md`), checked against independent counts and the agreement and ranking
//! modules it must agree with; plus KPI logic, HTML safety and CSV quoting on small hand-made
//! files.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use verdict_core::agreement::quality::per_annotator;
use verdict_core::agreement::{analyze, resolve_level, CollectOptions, Dataset, Metric, Options, Weights, PREFERENCE};
use verdict_core::ranking;
use verdict_core::read::load_judgments;
use verdict_core::report::{build_report, csv_tables, render_html, Kpi, QualityReport, ReportOptions};

const JUDGMENTS: &str = include_str!("../../../www/demo/mtbench-judgments/judgments.jsonl");
const NAME: &str = "judgments.jsonl";
/// Float tolerance: the report recomputes alpha and kappa incrementally; 1e-9 absorbs the
/// different summation order.
const TOLERANCE: f64 = 1e-9;

fn options() -> ReportOptions {
    ReportOptions { bootstrap: 20, seed: 7, kpi: Kpi::default(), ..ReportOptions::default() }
}

fn report() -> QualityReport {
    build_report(&[(NAME, JUDGMENTS)], None, None, &options())
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < TOLERANCE,
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn counts_match_an_independent_reading() {
    let report = report();
    // Independent: serde_json::Value per line, later (item, annotator) replaces earlier.
    let mut kept: BTreeMap<(String, String), Value> = BTreeMap::new();
    let mut n_lines = 0;
    for line in JUDGMENTS.lines().filter(|l| !l.trim().is_empty()) {
        n_lines += 1;
        let value: Value = serde_json::from_str(line).expect("the demo file is valid JSON");
        let key = (value["item_id"].as_str().unwrap().to_owned(), value["annotator"].as_str().unwrap().to_owned());
        kept.insert(key, value);
    }
    assert_eq!(n_lines, 5755);
    assert_eq!(kept.len(), 5754, "one real duplicate is replaced");
    let items: BTreeSet<&str> = kept.keys().map(|(i, _)| i.as_str()).collect();
    let annotators: BTreeSet<&str> = kept.keys().map(|(_, a)| a.as_str()).collect();
    let groups: BTreeSet<&str> = kept.values().filter_map(|v| v["group"].as_str()).collect();
    let mut per_item: HashMap<&str, u32> = HashMap::new();
    kept.keys().for_each(|(i, _)| *per_item.entry(i).or_default() += 1);
    let o = &report.overview;
    assert_eq!(o.n_judgments, 5754);
    assert_eq!(o.n_items, items.len() as u64);
    assert_eq!((o.n_annotators + o.n_judges) as usize, annotators.len());
    assert_eq!((o.n_annotators, o.n_judges), (65, 1), "65 humans and the GPT-4 judge, counted apart");
    assert_eq!(o.n_groups as usize, groups.len());
    assert_eq!(o.n_items_multi, per_item.values().filter(|&&n| n >= 2).count() as u64);
    assert_eq!(o.n_undated, 5754, "the demo judgments carry no time");
    assert!(o.per_day.is_empty());
    assert_eq!(o.n_problems, 1, "the replacement is reported: {:?}", o.problems);
    assert!(o.problems[0].contains("replaces"), "{:?}", o.problems);

    let judges: Vec<_> = report.annotators.iter().filter(|a| a.is_judge).collect();
    assert_eq!(judges.len(), 1);
    assert_eq!(judges[0].annotator, "judge:gpt-4");
    assert_eq!(report.annotators.len() - judges.len(), 65);
    let judgments_by: HashMap<&str, u64> = annotators.iter().map(|a| (*a, kept.keys().filter(|(_, b)| b == a).count() as u64)).collect();
    for row in &report.annotators {
        assert_eq!(row.judgments, judgments_by[row.annotator.as_str()], "{}", row.annotator);
    }
}

#[test]
fn agreement_equals_the_agreement_module() {
    let report = report();
    let dataset = Dataset::from_jsonl(NAME, JUDGMENTS, CollectOptions::default());
    let o = options();
    let expected =
        analyze(&dataset, None, &Options { metrics: Metric::DEFAULT.to_vec(), bootstrap: o.bootstrap, seed: o.seed, ..Options::default() });
    assert!(!expected.is_empty());
    assert_eq!(report.agreement, expected);
}

#[test]
fn leaderboard_and_bias_equal_the_ranking_module() {
    let report = report();
    let loaded = load_judgments(NAME, JUDGMENTS);
    let o = options();
    let rank_options = ranking::Options { bootstrap: o.bootstrap, seed: o.seed, ..ranking::Options::default() };
    // The human leaderboard: the GPT-4 judge's battles are left out unless included.
    let humans: Vec<_> = loaded.records.iter().filter(|j| !j.is_llm_judge()).cloned().collect();
    assert!(humans.len() < loaded.records.len());
    assert_eq!(report.leaderboard, ranking::leaderboard(&humans, &rank_options));
    let with_judges = build_report(&[(NAME, JUDGMENTS)], None, None, &ReportOptions { include_judges: true, ..options() });
    assert_eq!(with_judges.leaderboard, ranking::leaderboard(&loaded.records, &rank_options));
    assert_eq!((report.overview.n_annotators, report.overview.n_judges), (65, 1));
    let set = ranking::BattleSet::from_judgments(&loaded.records, None);
    assert_eq!(report.bias, ranking::bias(&set, None));
}

#[test]
fn per_annotator_numbers_equal_the_quality_module_on_the_humans() {
    let report = report();
    let humans: String = JUDGMENTS.lines().filter(|l| !l.contains("\"judge:")).map(|l| format!("{l}\n")).collect();
    let dataset = Dataset::from_jsonl(NAME, &humans, CollectOptions::default());
    let criterion = dataset.criterion(PREFERENCE).expect("preferences");
    let (level, _) = resolve_level(criterion, None);
    let expected = per_annotator(criterion, &dataset, level, Weights::None, None);
    assert_eq!(expected.len(), 65);
    for quality in &expected {
        let row = report.annotators.iter().find(|r| r.annotator == quality.annotator).expect("every human has a row");
        assert!(close(row.alpha_with, quality.alpha_with), "{}: {:?} vs {:?}", row.annotator, row.alpha_with, quality.alpha_with);
        assert!(
            close(row.alpha_without, quality.alpha_without),
            "{}: {:?} vs {:?}",
            row.annotator,
            row.alpha_without,
            quality.alpha_without
        );
        assert!(
            close(row.mean_cohen_kappa, quality.mean_cohen_kappa),
            "{}: {:?} vs {:?}",
            row.annotator,
            row.mean_cohen_kappa,
            quality.mean_cohen_kappa
        );
    }
    // The judge's "without" is the humans' alpha; its "with" adds it to them.
    let judge = report.annotators.iter().find(|r| r.is_judge).expect("judge row");
    assert!(close(judge.alpha_without, expected[0].alpha_with));
    let with_judge = Dataset::from_jsonl(NAME, JUDGMENTS, CollectOptions::default());
    let all = per_annotator(with_judge.criterion(PREFERENCE).unwrap(), &with_judge, level, Weights::None, None);
    assert!(close(judge.alpha_with, all[0].alpha_with));
}

#[test]
fn the_judge_is_compared_with_the_human_majority() {
    let report = report();
    assert_eq!(report.judges.len(), 1);
    let judge = &report.judges[0];
    assert_eq!(judge.judge, "judge:gpt-4");
    assert!(judge.n_items > 0);
    let agreement = judge.agreement.expect("some items have a human majority");
    assert!((0.0..=1.0).contains(&agreement));
    assert!(judge.ci_low.unwrap() <= agreement && agreement <= judge.ci_high.unwrap());
    assert!(judge.kappa.is_some());
    assert_eq!(judge.n_swapped_pairs, 0, "the demo data has no order-swapped repeats");
    assert_eq!(judge.position_consistency, None);
}

#[test]
fn disagreements_are_sorted_and_exclude_judges() {
    let report = report();
    assert!(!report.disagreements.is_empty());
    assert!(report.disagreements.len() <= 1000);
    for pair in report.disagreements.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let ordered = a.disagreement > b.disagreement
            || a.disagreement == b.disagreement
                && (a.n_judgments > b.n_judgments || a.n_judgments == b.n_judgments && a.item_id < b.item_id);
        assert!(ordered, "{} before {}", a.item_id, b.item_id);
    }
    for item in &report.disagreements {
        assert!(item.n_judgments >= 2);
        assert_eq!(item.answers.len() as u64, item.n_judgments);
        assert!(item.answers.iter().all(|a| !a.annotator.starts_with("judge:")));
        // Recompute from the answers.
        let mut counts: HashMap<&str, u32> = HashMap::new();
        item.answers.iter().filter_map(|a| a.winner.as_deref()).for_each(|w| *counts.entry(w).or_default() += 1);
        let n: u32 = counts.values().sum();
        let expected = 1.0 - f64::from(*counts.values().max().unwrap()) / f64::from(n);
        assert!((item.disagreement - expected).abs() < 1e-12, "{}", item.item_id);
    }
    assert!(report.disagreements[0].disagreement > 0.0);
}

#[test]
fn pairwise_groups_and_json_round_trip() {
    let report = report();
    let p = &report.pairwise;
    assert_eq!(p.criterion, "preference");
    assert_eq!(p.annotators.len(), 25);
    for i in 0..p.annotators.len() {
        assert_eq!(p.agreement[i][i], None);
        for j in 0..p.annotators.len() {
            assert_eq!(p.shared[i][j], p.shared[j][i]);
            assert_eq!(p.agreement[i][j], p.agreement[j][i]);
            assert_eq!(p.agreement[i][j].is_some(), p.shared[i][j] > 0);
        }
    }
    assert!(p.agreement.iter().flatten().any(Option::is_some));
    let groups: Vec<&str> = report.groups.iter().map(|g| g.group.as_str()).collect();
    assert!(groups.contains(&"human_expert") && groups.contains(&"human_author"));
    assert!(!groups.contains(&"llm_judge"), "judges are not a human group");
    assert_eq!(report.groups.iter().map(|g| g.judgments).sum::<u64>(), 5754 - 2400);

    let json = serde_json::to_string(&report).expect("serializes");
    let back: QualityReport = serde_json::from_str(&json).expect("the app deserializes the worker's JSON");
    // The typed problems stay in the process (the HTML words them); the JSON has their English lines.
    assert_eq!(back.overview.problem_details, []);
    let overview = verdict_core::report::Overview { problem_details: Vec::new(), ..report.overview.clone() };
    assert_eq!(back.overview, overview);
    assert_eq!(back.disagreements.len(), report.disagreements.len());
    let value: Value = serde_json::from_str(&json).unwrap();
    for key in [
        "overview",
        "agreement",
        "pairwise",
        "annotators",
        "groups",
        "trend",
        "judges",
        "leaderboard",
        "bias",
        "disagreements",
        "kpi",
        "bootstrap",
        "seed",
    ] {
        assert!(value.get(key).is_some(), "{key}");
    }
    assert!(value["annotators"][0]["median_seconds"].is_null());
}

#[test]
fn html_is_self_contained_with_the_attribution() {
    let html = render_html(&report());
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("http"), "no URL, no external request");
    assert!(html.contains("<svg"));
    assert!(html.contains("arXiv&#58;2306.05685") && html.contains("CC BY 4.0"));
    for title in ["Overview", "Agreement per criterion", "Annotators", "Groups", "LLM judges", "Leaderboard", "Bias", "Disagreement queue"]
    {
        assert!(html.contains(title), "{title}");
    }
}

#[test]
fn csv_tables_cover_every_table() {
    let tables = csv_tables(&report());
    let names: Vec<&str> = tables.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "overview.csv",
        "agreement.csv",
        "pairwise.csv",
        "annotators.csv",
        "groups.csv",
        "trend.csv",
        "judges.csv",
        "leaderboard.csv",
        "bias.csv",
        "disagreements.csv",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let annotators = &tables.iter().find(|(n, _)| n == "annotators.csv").unwrap().1;
    assert_eq!(annotators.lines().count(), 67, "header + 66 annotators");
    assert!(annotators.ends_with("\r\n"));
}
