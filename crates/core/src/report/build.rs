//! Computes a [`QualityReport`]: one streaming pass over the judgment lines (`read`), then
//! per-criterion ratings, coincidence matrices and pair tables for the per-annotator numbers
//! (`annotators`), the LLM judges (`judges`), the weekly trend and disagreement queue (`trend`),
//! and the ranking module's battle reader for the leaderboard and bias.

mod annotators;
mod judges;
mod read;
mod trend;

use std::collections::{BTreeMap, HashMap};

use super::{DayCount, Overview, QualityReport, ReportOptions, MAX_PROBLEMS};
use crate::agreement::quality::GoldIndex;
use crate::agreement::{
    analyze, evaluate, CollectOptions, CriterionRatings, Dataset, Level, LevelSource, Metric, Options, Ratings, Scale, PREFERENCE,
};
use crate::problem::Problem;
use crate::ranking::{self, battles, BiasStats};
use crate::read::{InputSummary, LimitExceeded, Limits};
use crate::rubric::load_rubric;
use crate::task::load_tasks;
use crate::time::{rfc3339_from_unix_ms, unix_seconds_from_rfc3339};
use annotators::{annotator_rows, gold_hits, group_rows, pairwise, Evidence, Quality};
use read::{read, Pass};

/// Annotators shown in the pairwise matrix.
pub(crate) const MAX_PAIRWISE: usize = 25;
/// Items listed in the disagreement queue.
pub(crate) const MAX_DISAGREEMENTS: usize = 1000;
/// The suffix marking the second, order-reversed judgment of a comparison by an LLM judge.
pub(crate) const SWAP_SUFFIX: &str = "#swap";
/// No value on the primary criterion.
pub(crate) const NO_CODE: u32 = u32::MAX;

pub(crate) fn build(
    files: &[(&str, &str)],
    tasks: Option<(&str, &str)>,
    rubric: Option<(&str, &str)>,
    options: &ReportOptions,
    limits: &Limits,
) -> Result<QualityReport, LimitExceeded> {
    let mut head_problems: Vec<Problem> = Vec::new();
    let rubric = rubric.and_then(|(name, text)| match load_rubric(name, text) {
        Ok(rubric) => Some(rubric),
        Err(found) => {
            head_problems.extend(found);
            None
        }
    });
    let tasks = tasks.map(|(name, text)| {
        let loaded = load_tasks(name, text);
        head_problems.extend(loaded.problems);
        loaded.records
    });
    let wellbeing_rubric = rubric.clone();
    let pass = read(files, CollectOptions { rubric, criteria: Vec::new(), selection: None }, limits)?;
    let dataset = &pass.dataset;
    // Per-annotator tables grow with the number of annotators: refuse before building them.
    limits.check_count("annotators", dataset.annotators.len() as u64)?;

    let agreement_options =
        Options { metrics: Metric::DEFAULT.to_vec(), bootstrap: options.bootstrap, seed: options.seed, ..Options::default() };
    let mut agreement = analyze(dataset, None, &agreement_options);
    if dataset.criteria.is_empty() {
        // As `verdict agree` does: the preference still gets rows, null with a note.
        let empty = Ratings::from_units(Scale::labels(Vec::<String>::new()), Vec::new());
        for mut row in evaluate(PREFERENCE, &empty, Level::Nominal, LevelSource::Inferred, &agreement_options) {
            row.note = Some("no ratings for this criterion".into());
            agreement.push(row);
        }
    }

    let loaded = battles::read_many(files, tasks.as_deref());
    let set = loaded.records.into_iter().next().unwrap_or_default();
    let input = InputSummary::new(files.len() as u64, set.n_judgments, set.n_replaced, set.n_skipped_lines, &loaded.problems);
    let rank_options = ranking::Options { bootstrap: options.bootstrap, seed: options.seed, ..ranking::Options::default() };
    // The human leaderboard unless judges are included: the judges' battles are left out.
    let humans = (!options.include_judges).then(|| humans_only(&set, &pass));
    let board_set = humans.as_ref().unwrap_or(&set);
    let leaderboard = if board_set.battles.is_empty() {
        empty_leaderboard(board_set)
    } else {
        ranking::leaderboard_from_battles(board_set, &rank_options)
    };
    let bias = ranking::bias(&set, tasks.as_deref());

    // Problems: task and rubric first, then bad lines and replaced judgments in file order.
    let mut line_problems = pass.problems.clone();
    let file_index = |name: &str| files.iter().position(|(file, _)| *file == name).unwrap_or(0);
    line_problems.extend(loaded.problems.into_iter().filter(|p| !p.is_error()).map(|p| (file_index(&p.file), p)));
    line_problems.sort_by_key(|(file, p)| (*file, p.line));
    let n_warnings = head_problems.iter().chain(line_problems.iter().map(|(_, p)| p)).filter(|p| !p.is_error()).count() as u64;
    let problems: Vec<&Problem> = head_problems.iter().chain(line_problems.iter().map(|(_, p)| p)).collect();

    let gold = tasks.as_deref().map(GoldIndex::new);
    let primary = dataset.criterion(PREFERENCE).or_else(|| dataset.criteria.first());
    let codes = primary.map_or_else(|| vec![NO_CODE; pass.records.len()], |criterion| record_codes(criterion, dataset, &pass.records));
    let bias_by_annotator: HashMap<&str, &BiasStats> = bias.by_annotator.iter().map(|row| (row.annotator.as_str(), &row.stats)).collect();

    let quality = primary.map(|criterion| Quality::new(criterion, dataset, &pass.is_judge));
    let gold_hits = gold.as_ref().map(|gold| gold_hits(gold, dataset));
    let evidence = Evidence { quality: quality.as_ref(), primary, gold_hits: gold_hits.as_deref(), bias: &bias_by_annotator };
    let annotators = annotator_rows(&pass, &evidence, options);
    let groups = group_rows(&pass, primary, &annotators, &bias_by_annotator, options);

    let judge_names: std::collections::HashSet<&str> =
        dataset.annotators.iter().zip(&pass.is_judge).filter(|(_, judge)| **judge).map(|(name, _)| name.as_str()).collect();
    Ok(QualityReport {
        overview: Overview { n_warnings, ..overview(&pass, problems, input) },
        agreement,
        pairwise: pairwise(&pass, primary, quality.as_ref()),
        annotators,
        groups,
        trend: trend::trend(&pass, &codes),
        judges: judges::judges(&pass, &codes, options),
        leaderboard,
        bias,
        disagreements: trend::disagreements(&pass, &codes),
        kpi: options.kpi.clone(),
        bootstrap: options.bootstrap,
        seed: options.seed,
        wellbeing: super::wellbeing::section(pass.records.iter().map(|r| r.line), tasks.as_deref(), wellbeing_rubric.as_ref(), |name| {
            judge_names.contains(name)
        }),
        vendor: None,
    })
}

/// The battles of human annotators only (the pass knows who is an LLM judge).
fn humans_only(set: &battles::BattleSet, pass: &Pass<'_>) -> battles::BattleSet {
    let judge_names: std::collections::HashSet<&str> =
        pass.dataset.annotators.iter().zip(&pass.is_judge).filter(|(_, &judge)| judge).map(|(name, _)| name.as_str()).collect();
    let is_judge: Vec<bool> = set.annotators.iter().map(|name| judge_names.contains(name.as_str()) || name.starts_with("judge:")).collect();
    let mut humans = set.clone();
    humans.battles.retain(|battle| !is_judge[battle.annotator as usize]);
    humans
}

/// The leaderboard of input without a single battle (`leaderboard_from_battles` expects at
/// least one model).
fn empty_leaderboard(set: &battles::BattleSet) -> ranking::Leaderboard {
    ranking::Leaderboard {
        method: ranking::Method::Bt,
        models: Vec::new(),
        n_battles: 0,
        prior: 0.0,
        k: None,
        fit: None,
        bootstrap: None,
        skipped: set.skipped.clone(),
        notes: vec!["no battle: no judgment compares two models with a known pair".to_owned()],
        win_matrix: ranking::WinMatrix { models: Vec::new(), wins: Vec::new(), ties: Vec::new() },
    }
}

fn overview(pass: &Pass<'_>, problems: Vec<&Problem>, input: InputSummary) -> Overview {
    let dataset = &pass.dataset;
    let mut per_item = vec![0u32; dataset.items.len()];
    let mut per_day: BTreeMap<i64, u64> = BTreeMap::new();
    let mut n_undated = 0;
    for record in &pass.records {
        per_item[record.item as usize] += 1;
        match record.time {
            Some(time) => *per_day.entry(time.div_euclid(86_400)).or_default() += 1,
            None => n_undated += 1,
        }
    }
    Overview {
        n_judgments: pass.records.len() as u64,
        n_items: dataset.items.len() as u64,
        n_annotators: pass.is_judge.iter().filter(|&&judge| !judge).count() as u32,
        n_judges: pass.is_judge.iter().filter(|&&judge| judge).count() as u32,
        n_groups: dataset.groups.len() as u32,
        n_items_multi: per_item.iter().filter(|&&n| n >= 2).count() as u64,
        per_day: per_day.into_iter().map(|(day, judgments)| DayCount { day: day_name(day), judgments }).collect(),
        n_undated,
        n_problems: problems.len() as u64,
        n_warnings: 0,
        problems: problems.iter().take(MAX_PROBLEMS).map(|p| crate::problem::in_english(p)).collect(),
        problem_details: problems.into_iter().take(MAX_PROBLEMS).cloned().collect(),
        input,
    }
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
fn day_name(day: i64) -> String {
    rfc3339_from_unix_ms(day * 86_400_000)[..10].to_owned()
}

/// The ISO 8601 week of a day number, e.g. `2026-W48`: the week (Monday to Sunday) belongs to
/// the year of its Thursday.
pub(crate) fn iso_week(day: i64) -> String {
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    let weekday = (day + 3).rem_euclid(7);
    let thursday = day - weekday + 3;
    let year: i64 = rfc3339_from_unix_ms(thursday * 86_400_000)[..4].parse().expect("rfc3339 starts with a 4-digit year");
    let january_first = unix_seconds_from_rfc3339(&format!("{year:04}-01-01T00:00:00Z")).expect("a valid date") / 86_400;
    format!("{year:04}-W{:02}", (thursday - january_first) / 7 + 1)
}

/// Each record's value on the primary criterion as a code (`NO_CODE` when it has none): the
/// category for item-level criteria; for per-output criteria, the whole list of per-model
/// categories, interned.
fn record_codes(criterion: &CriterionRatings, dataset: &Dataset, records: &[read::Record<'_>]) -> Vec<u32> {
    // Units of each item (CSR), in unit order.
    let n_items = dataset.items.len();
    let mut start = vec![0u32; n_items + 1];
    criterion.units.iter().for_each(|unit| start[unit.item as usize + 1] += 1);
    for i in 0..n_items {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut units = vec![0u32; criterion.units.len()];
    for (index, unit) in criterion.units.iter().enumerate() {
        units[next[unit.item as usize] as usize] = index as u32;
        next[unit.item as usize] += 1;
    }
    let mut tuples: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut tuple = Vec::new();
    records
        .iter()
        .map(|record| {
            let item_units = &units[start[record.item as usize] as usize..start[record.item as usize + 1] as usize];
            let category = |unit: u32| criterion.ratings.unit(unit as usize).iter().find(|r| r.0 == record.annotator).map(|r| r.1);
            if !criterion.per_output {
                return item_units.first().and_then(|&u| category(u)).unwrap_or(NO_CODE);
            }
            tuple.clear();
            tuple.extend(item_units.iter().map(|&u| category(u).unwrap_or(NO_CODE)));
            if tuple.iter().all(|&c| c == NO_CODE) {
                return NO_CODE;
            }
            let next = tuples.len() as u32;
            *tuples.entry(tuple.clone()).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests;
