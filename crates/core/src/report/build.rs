//! Computes a [`QualityReport`]: one streaming pass over the judgment lines (the agreement
//! scanner plus a lean read of the few extra fields the report needs), then per-criterion
//! ratings, coincidence matrices and pair tables for the per-annotator numbers, and the ranking
//! module's battle reader for the leaderboard and bias.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::kpi::{alpha_delta_rounds, rater_checks, AlphaEvidence, RaterEvidence};
use super::{
    AnnotatorRow, Answer, DayCount, Disagreement, GroupRow, JudgeDrift, JudgeRow, JudgeWeek, Kpi, Overview, Pairwise, QualityReport,
    ReportOptions, TrendRow, MAX_PROBLEMS,
};
use crate::agreement::quality::{per_group, GoldIndex};
use crate::agreement::scan::scan_line;
use crate::agreement::{
    analyze, evaluate, percentile_interval, resolve_level, CollectOptions, Collector, CriterionRatings, Dataset, Level, LevelSource,
    Metric, Options, Ratings, Scale, PREFERENCE,
};
use crate::judgment::{judgment_from_line, Judgment};
use crate::problem::Problem;
use crate::ranking::{self, battles, BiasStats};
use crate::read::{judgment_from_any_line, line_problems, no_verdict};
use crate::read::{InputSummary, LimitExceeded, Limits};
use crate::rng::{seed_from_text, Pcg32};
use crate::rubric::load_rubric;
use crate::spc::kpi::{kpi_flags, KpiCount, KpiPolicy, KpiStatus};
use crate::spc::{compute_chart, ChartKind, ChartOptions, Observations, Subgroup};
use crate::task::load_tasks;
use crate::time::{rfc3339_from_unix_ms, unix_ms_from_rfc3339, unix_seconds_from_rfc3339};

/// Annotators shown in the pairwise matrix.
const MAX_PAIRWISE: usize = 25;
/// Items listed in the disagreement queue.
const MAX_DISAGREEMENTS: usize = 1000;
/// The suffix marking the second, order-reversed judgment of a comparison by an LLM judge.
pub(crate) const SWAP_SUFFIX: &str = "#swap";
/// No value on the primary criterion.
const NO_CODE: u32 = u32::MAX;

/// One kept judgment.
struct Record<'a> {
    line: &'a str,
    item: u32,
    annotator: u32,
    /// Unix seconds of `submitted_at`, else `started_at`.
    time: Option<i64>,
    /// Seconds spent: `duration_ms`, else `submitted_at − started_at`.
    seconds: Option<f64>,
    flagged: bool,
    /// Unix ms of `submitted_at` (`i64::MIN` when absent), for the identity rule.
    stamp: i64,
}

/// The fields the agreement scanner does not give.
#[derive(Deserialize)]
struct Extras<'a> {
    #[serde(borrow, default)]
    kind: Option<&'a str>,
    #[serde(borrow, default)]
    started_at: Option<&'a str>,
    #[serde(borrow, default)]
    submitted_at: Option<&'a str>,
    #[serde(default)]
    duration_ms: Option<u64>,
    #[serde(default)]
    flags: Option<Vec<serde::de::IgnoredAny>>,
}

/// Extras as plain values.
struct Extra {
    judge_kind: bool,
    time: Option<i64>,
    seconds: Option<f64>,
    flagged: bool,
    stamp: i64,
}

impl Extra {
    fn new(kind: Option<&str>, started_at: Option<&str>, submitted_at: Option<&str>, duration_ms: Option<u64>, n_flags: usize) -> Extra {
        let started = started_at.and_then(unix_seconds_from_rfc3339);
        let submitted = submitted_at.and_then(unix_seconds_from_rfc3339);
        let seconds = match (duration_ms, started, submitted) {
            (Some(ms), _, _) => Some(ms as f64 / 1000.0),
            (None, Some(start), Some(end)) if end >= start => Some((end - start) as f64),
            _ => None,
        };
        let stamp = submitted_at.and_then(unix_ms_from_rfc3339).unwrap_or(i64::MIN);
        Extra { judge_kind: kind == Some("judge"), time: submitted.or(started), seconds, flagged: n_flags > 0, stamp }
    }

    fn from_judgment(judgment: &Judgment) -> Extra {
        let kind = judgment.extra.get("kind").and_then(serde_json::Value::as_str);
        let n_flags = judgment.flags.as_ref().map_or(0, Vec::len);
        Extra::new(kind, judgment.started_at.as_deref(), judgment.submitted_at.as_deref(), judgment.duration_ms, n_flags)
    }
}

/// Strings to dense ids in first-seen order (the same order as the agreement collector's).
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(name.to_owned(), id);
        id
    }
}

/// What the line pass produced.
struct Pass<'a> {
    dataset: Dataset,
    records: Vec<Record<'a>>,
    /// Per annotator: an LLM judge by id prefix or by `kind`.
    is_judge: Vec<bool>,
    problems: Vec<(usize, Problem)>,
}

fn read<'a>(files: &[(&'a str, &'a str)], collect: CollectOptions, limits: &Limits) -> Result<Pass<'a>, LimitExceeded> {
    let mut collector = Collector::new(collect);
    let mut items = Interner::default();
    let mut annotators = Interner::default();
    let mut is_judge: Vec<bool> = Vec::new();
    let mut slots: HashMap<u64, u32> = HashMap::new();
    let mut records: Vec<Record<'a>> = Vec::new();
    let mut problems = Vec::new();
    for (file_index, (file, text)) in files.iter().enumerate() {
        collector.reserve(text.len() / 100);
        for (index, line) in text.lines().enumerate() {
            let line_no = index as u64 + 1;
            let line = if line_no == 1 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
            if line.trim().is_empty() {
                continue;
            }
            let (item, annotator, extra) = match scan_line(line) {
                Some(scanned) => {
                    collector.add_scanned(&scanned);
                    let extra = match serde_json::from_str::<Extras>(line) {
                        Ok(e) => Extra::new(e.kind, e.started_at, e.submitted_at, e.duration_ms, e.flags.map_or(0, |f| f.len())),
                        Err(_) => match judgment_from_line(line) {
                            Ok(judgment) => Extra::from_judgment(&judgment),
                            Err(_) => Extra::new(None, None, scanned.submitted_at, None, 0),
                        },
                    };
                    (items.intern(scanned.item_id), annotators.intern(scanned.annotator), extra)
                }
                // The one reader's reading of the line (`read::JudgmentReader::add_line`).
                None => match judgment_from_any_line(line) {
                    Ok(Some(judgment)) => {
                        collector.add_judgment(&judgment);
                        (items.intern(&judgment.item_id), annotators.intern(&judgment.annotator), Extra::from_judgment(&judgment))
                    }
                    Ok(None) => {
                        problems.push((file_index, no_verdict(file, line_no)));
                        continue;
                    }
                    Err(found) => {
                        let unterminated = false;
                        problems.extend(line_problems(file, line_no, line, found, unterminated).into_iter().map(|p| (file_index, p)));
                        continue;
                    }
                },
            };
            if is_judge.len() <= annotator as usize {
                // Per-annotator tables grow with the annotators: stop as soon as there are too many.
                limits.check_count("annotators", u64::from(annotator) + 1)?;
                is_judge.push(false);
            }
            is_judge[annotator as usize] |= extra.judge_kind;
            let record =
                Record { line, item, annotator, time: extra.time, seconds: extra.seconds, flagged: extra.flagged, stamp: extra.stamp };
            let key = (u64::from(item) << 32) | u64::from(annotator);
            match slots.get(&key) {
                // The identity rule (`read::identity`): the later submission, then the later line.
                Some(&slot) => {
                    if record.stamp >= records[slot as usize].stamp {
                        records[slot as usize] = record;
                    }
                }
                None => {
                    slots.insert(key, records.len() as u32);
                    records.push(record);
                }
            }
        }
    }
    let dataset = collector.finish();
    debug_assert_eq!(dataset.annotators.len(), is_judge.len(), "the report interns annotators as the collector does");
    for (annotator, name) in dataset.annotators.iter().enumerate() {
        is_judge[annotator] |= name.starts_with("judge:");
    }
    Ok(Pass { dataset, records, is_judge, problems })
}

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
    let leaderboard = if set.models.is_empty() { empty_leaderboard(&set) } else { ranking::leaderboard_from_battles(&set, &rank_options) };
    let bias = ranking::bias(&set, tasks.as_deref());

    // Problems: task and rubric first, then bad lines and replaced judgments in file order.
    let mut line_problems = pass.problems.clone();
    let file_index = |name: &str| files.iter().position(|(file, _)| *file == name).unwrap_or(0);
    line_problems.extend(loaded.problems.into_iter().filter(|p| !p.is_error()).map(|p| (file_index(&p.file), p)));
    line_problems.sort_by_key(|(file, p)| (*file, p.line));
    let n_warnings = head_problems.iter().chain(line_problems.iter().map(|(_, p)| p)).filter(|p| !p.is_error()).count() as u64;
    let problems: Vec<String> = head_problems.iter().chain(line_problems.iter().map(|(_, p)| p)).map(ToString::to_string).collect();

    let gold = tasks.as_deref().map(GoldIndex::new);
    let primary = dataset.criterion(PREFERENCE).or_else(|| dataset.criteria.first());
    let codes = primary.map_or_else(|| vec![NO_CODE; pass.records.len()], |criterion| record_codes(criterion, dataset, &pass.records));
    let bias_by_annotator: HashMap<&str, &BiasStats> = bias.by_annotator.iter().map(|row| (row.annotator.as_str(), &row.stats)).collect();

    let quality = primary.map(|criterion| Quality::new(criterion, dataset, &pass.is_judge));
    let gold_hits = gold.as_ref().map(|gold| gold_hits(gold, dataset));
    let evidence = Evidence { quality: quality.as_ref(), primary, gold_hits: gold_hits.as_deref(), bias: &bias_by_annotator };
    let annotators = annotator_rows(&pass, &evidence, options);
    let groups = group_rows(&pass, primary, &annotators, &bias_by_annotator, options);

    Ok(QualityReport {
        overview: Overview { n_warnings, ..overview(&pass, problems, input) },
        agreement,
        pairwise: pairwise(&pass, primary, quality.as_ref()),
        annotators,
        groups,
        trend: trend(&pass, &codes),
        judges: judges(&pass, &codes, options),
        leaderboard,
        bias,
        disagreements: disagreements(&pass, &codes),
        kpi: options.kpi.clone(),
        bootstrap: options.bootstrap,
        seed: options.seed,
    })
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

fn overview(pass: &Pass<'_>, problems: Vec<String>, input: InputSummary) -> Overview {
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
        n_annotators: dataset.annotators.len() as u32,
        n_groups: dataset.groups.len() as u32,
        n_items_multi: per_item.iter().filter(|&&n| n >= 2).count() as u64,
        per_day: per_day.into_iter().map(|(day, judgments)| DayCount { day: day_name(day), judgments }).collect(),
        n_undated,
        n_problems: problems.len() as u64,
        n_warnings: 0,
        problems: problems.into_iter().take(MAX_PROBLEMS).collect(),
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
fn record_codes(criterion: &CriterionRatings, dataset: &Dataset, records: &[Record<'_>]) -> Vec<u32> {
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

/// Coincidence matrices and pair tables of the primary criterion, humans only, from which
/// per-annotator alphas (with and without each one) and kappas are computed incrementally.
struct Quality {
    q: usize,
    level: Level,
    scale: crate::agreement::Scale,
    /// Coincidences of the humans' ratings.
    total: Vec<f64>,
    /// Per annotator: the change to `total` when a human is removed or a judge added.
    alpha_toggled: Vec<Option<f64>>,
    alpha_humans: Option<f64>,
    /// `(a, b)` with `a < b` → q×q table of (a's category, b's category) over shared units.
    pairs: BTreeMap<(u32, u32), Vec<u32>>,
    /// Ratings each annotator gave on the criterion.
    n_ratings: Vec<u64>,
    is_judge: Vec<bool>,
}

impl Quality {
    fn new(criterion: &CriterionRatings, dataset: &Dataset, is_judge: &[bool]) -> Quality {
        let ratings = &criterion.ratings;
        let q = ratings.scale().len();
        let (level, _) = resolve_level(criterion, None);
        let n_annotators = dataset.annotators.len();
        let mut total = vec![0.0; q * q];
        let mut n_ratings = vec![0u64; n_annotators];
        // Per annotator, the units they rated (CSR).
        let mut unit_lists: Vec<Vec<u32>> = vec![Vec::new(); n_annotators];
        let mut pairs: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        let mut humans: Vec<(u32, u32)> = Vec::new();
        for (index, unit) in ratings.units().enumerate() {
            humans.clear();
            humans.extend(unit.iter().copied().filter(|&(a, _)| !is_judge[a as usize]));
            add_coincidences(&mut total, q, humans.iter().map(|r| r.1), 1.0);
            for &(a, c) in unit {
                n_ratings[a as usize] += 1;
                unit_lists[a as usize].push(index as u32);
                for &(b, k) in unit.iter().filter(|&&(b, _)| b > a && !(is_judge[a as usize] && is_judge[b as usize])) {
                    pairs.entry((a, b)).or_insert_with(|| vec![0; q * q])[c as usize * q + k as usize] += 1;
                }
            }
        }
        let scale = ratings.scale().clone();
        let mut quality = Quality {
            q,
            level,
            scale,
            total,
            alpha_toggled: vec![None; n_annotators],
            alpha_humans: None,
            pairs: BTreeMap::new(),
            n_ratings,
            is_judge: is_judge.to_vec(),
        };
        quality.alpha_humans = quality.alpha(&quality.total);
        let mut toggled = vec![0.0; q * q];
        let mut others: Vec<u32> = Vec::new();
        for annotator in 0..n_annotators as u32 {
            if unit_lists[annotator as usize].is_empty() {
                continue;
            }
            let judge = is_judge[annotator as usize];
            toggled.copy_from_slice(&quality.total);
            for &unit in &unit_lists[annotator as usize] {
                let unit = ratings.unit(unit as usize);
                let own = unit.iter().find(|r| r.0 == annotator).expect("the annotator rated this unit").1;
                others.clear();
                others.extend(unit.iter().filter(|&&(a, _)| a != annotator && !is_judge[a as usize]).map(|r| r.1));
                // Humans without the annotator, and with: remove one, add the other.
                let (before, after) = if judge { (-1.0, 1.0) } else { (1.0, -1.0) };
                add_coincidences(&mut toggled, q, others.iter().copied(), before);
                add_coincidences(&mut toggled, q, others.iter().copied().chain([own]), after);
            }
            quality.alpha_toggled[annotator as usize] = quality.alpha(&toggled);
        }
        quality.pairs = pairs.into_iter().collect();
        quality
    }

    /// Krippendorff's alpha of a coincidence matrix (the agreement module's own formula).
    fn alpha(&self, coincidences: &[f64]) -> Option<f64> {
        crate::agreement::krippendorff::from_coincidences(coincidences, &self.scale, self.level)
    }

    fn alpha_with_without(&self, annotator: u32, judge: bool) -> (Option<f64>, Option<f64>) {
        let toggled = self.alpha_toggled[annotator as usize];
        if judge {
            (toggled, self.alpha_humans)
        } else {
            (self.alpha_humans, toggled)
        }
    }

    /// Mean unweighted Cohen's kappa of each annotator with every human sharing a unit (the
    /// kappas summed in order of the other annotator's id, as `per_annotator` does).
    fn mean_kappas(&self) -> Vec<Option<f64>> {
        let mut sums = vec![(0.0, 0u32); self.n_ratings.len()];
        for (&(a, b), table) in &self.pairs {
            let Some(kappa) = cohen_kappa(table, self.q) else { continue };
            if !self.is_judge[b as usize] {
                sums[a as usize].0 += kappa;
                sums[a as usize].1 += 1;
            }
            if !self.is_judge[a as usize] {
                sums[b as usize].0 += kappa;
                sums[b as usize].1 += 1;
            }
        }
        sums.into_iter().map(|(sum, n)| (n > 0).then(|| sum / f64::from(n))).collect()
    }
}

/// Adds `sign ×` the coincidences of one unit's values: `(n_c n_k − [c = k] n_c)/(m − 1)`.
fn add_coincidences(matrix: &mut [f64], q: usize, values: impl Iterator<Item = u32> + Clone, sign: f64) {
    let m = values.clone().count();
    if m < 2 {
        return;
    }
    let mut counts: Vec<(u32, f64)> = Vec::with_capacity(m);
    for value in values {
        match counts.iter_mut().find(|(c, _)| *c == value) {
            Some(slot) => slot.1 += 1.0,
            None => counts.push((value, 1.0)),
        }
    }
    let scale = sign / (m as f64 - 1.0);
    for &(c, nc) in &counts {
        for &(k, nk) in &counts {
            let pairs = if c == k { nc * (nc - 1.0) } else { nc * nk };
            matrix[c as usize * q + k as usize] += scale * pairs;
        }
    }
}

/// Unweighted Cohen's kappa of a q×q count table; `None` when chance agreement is 1 or the
/// table is empty.
fn cohen_kappa(table: &[u32], q: usize) -> Option<f64> {
    let n: f64 = table.iter().map(|&x| f64::from(x)).sum();
    if n == 0.0 {
        return None;
    }
    let (mut rows, mut cols, mut po) = (vec![0.0; q], vec![0.0; q], 0.0);
    for c in 0..q {
        for k in 0..q {
            let p = f64::from(table[c * q + k]) / n;
            rows[c] += p;
            cols[k] += p;
            if c == k {
                po += p;
            }
        }
    }
    let pe: f64 = rows.iter().zip(&cols).map(|(r, c)| r * c).sum();
    (1.0 - pe >= 1e-12).then(|| (po - pe) / (1.0 - pe))
}

/// Per annotator: (answers equal to gold, answers with gold) over every criterion.
fn gold_hits(gold: &GoldIndex, dataset: &Dataset) -> Vec<(u64, u64)> {
    let mut hits = vec![(0u64, 0u64); dataset.annotators.len()];
    for criterion in &dataset.criteria {
        let gold_units = gold.unit_categories(criterion, dataset);
        for (unit, gold) in criterion.ratings.units().zip(gold_units) {
            let Some(gold) = gold else { continue };
            for &(annotator, category) in unit {
                hits[annotator as usize].0 += u64::from(category == gold);
                hits[annotator as usize].1 += 1;
            }
        }
    }
    hits
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
}

fn rate(k: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| k as f64 / n as f64)
}

/// The KPIs an annotator row misses on their point values (only defined numbers can miss):
/// `report::kpi` then says which of them are below target with evidence.
pub(crate) fn annotator_failures(row: &AnnotatorRow, kpi: &Kpi) -> Vec<String> {
    let mut failed = Vec::new();
    if row.gold_accuracy.is_some_and(|g| g < kpi.min_gold_accuracy) {
        failed.push("gold_accuracy".to_owned());
    }
    if let (Some(delta), Some(with)) = (row.alpha_delta, row.alpha_with) {
        if delta < 0.0 && with < kpi.min_alpha {
            failed.push("alpha_delta".to_owned());
        }
    }
    if row.position_bias.is_some_and(|p| (p - 0.5).abs() > kpi.max_position_bias - 0.5) {
        failed.push("position_bias".to_owned());
    }
    failed
}

/// What the annotator rows are computed from, beside the pass.
struct Evidence<'a> {
    quality: Option<&'a Quality>,
    primary: Option<&'a CriterionRatings>,
    gold_hits: Option<&'a [(u64, u64)]>,
    bias: &'a HashMap<&'a str, &'a BiasStats>,
}

/// Item-bootstrap rounds of the α contribution (at most this many, for raters whose point
/// values miss the α KPI): enough for a 95 % percentile interval and a p-value.
const ALPHA_KPI_ROUNDS: u32 = 200;

fn annotator_rows(pass: &Pass<'_>, evidence: &Evidence<'_>, options: &ReportOptions) -> Vec<AnnotatorRow> {
    let Evidence { quality, gold_hits, bias, .. } = *evidence;
    let kpi = &options.kpi;
    let dataset = &pass.dataset;
    let n = dataset.annotators.len();
    let kappas = quality.map(Quality::mean_kappas);
    let mut judgments = vec![0u64; n];
    let mut flagged = vec![0u64; n];
    let mut seconds: Vec<Vec<f64>> = vec![Vec::new(); n];
    for record in &pass.records {
        let a = record.annotator as usize;
        judgments[a] += 1;
        flagged[a] += u64::from(record.flagged);
        if let Some(s) = record.seconds {
            seconds[a].push(s);
        }
    }
    let mut rows: Vec<AnnotatorRow> = (0..n)
        .filter(|&a| judgments[a] > 0)
        .map(|a| {
            let name = &dataset.annotators[a];
            let is_judge = pass.is_judge[a];
            let rated = quality.is_some_and(|q| q.n_ratings[a] > 0);
            let (alpha_with, alpha_without) = match quality {
                Some(q) if rated => q.alpha_with_without(a as u32, is_judge),
                _ => (None, None),
            };
            let (hits, n_gold) = gold_hits.map_or((0, 0), |g| g[a]);
            let stats = bias.get(name.as_str());
            let mut row = AnnotatorRow {
                annotator: name.clone(),
                group: group_of(dataset, a),
                is_judge,
                judgments: judgments[a],
                median_seconds: median(&mut seconds[a]),
                alpha_with,
                alpha_without,
                alpha_delta: alpha_with.zip(alpha_without).map(|(w, wo)| w - wo),
                mean_cohen_kappa: kappas.as_ref().filter(|_| rated).and_then(|k| k[a]),
                gold_accuracy: rate(hits, n_gold),
                n_gold,
                position_bias: stats.and_then(|s| s.first_shown_win_rate),
                tie_rate: stats.and_then(|s| s.tie_rate),
                both_bad_rate: stats.and_then(|s| s.both_bad_rate),
                flag_rate: rate(flagged[a], judgments[a]),
                pass: true,
                failed: Vec::new(),
                insufficient: Vec::new(),
                kpis: Vec::new(),
            };
            // Point misses, for now; `judge_kpis` keeps those with evidence.
            row.insufficient = annotator_failures(&row, kpi);
            row
        })
        .collect();
    judge_kpis(&mut rows, pass, evidence, options);
    rows
}

/// Each row's KPI checks with their uncertainty (`report::kpi`): a point miss is `failed` when
/// the evidence says so, else stays `insufficient`.
fn judge_kpis(rows: &mut [AnnotatorRow], pass: &Pass<'_>, evidence: &Evidence<'_>, options: &ReportOptions) {
    let dataset = &pass.dataset;
    let index: HashMap<&str, u32> = dataset.annotators.iter().enumerate().map(|(i, name)| (name.as_str(), i as u32)).collect();
    // The α contribution is bootstrapped only where the point values miss the KPI.
    let candidates: Vec<u32> = rows
        .iter()
        .filter(|row| row.insufficient.iter().any(|k| k == "alpha_delta"))
        .map(|row| index[row.annotator.as_str()])
        .filter(|&a| evidence.quality.is_some_and(|q| q.n_ratings[a as usize] >= options.kpi.min_n))
        .collect();
    let rounds = match (evidence.quality, evidence.primary) {
        (Some(quality), Some(primary)) if !candidates.is_empty() => alpha_delta_rounds(
            &primary.ratings,
            &pass.is_judge,
            &candidates,
            options.bootstrap.min(ALPHA_KPI_ROUNDS),
            options.seed,
            |matrix, q, values, sign| add_coincidences(matrix, q, values.iter().copied(), sign),
            |matrix| quality.alpha(matrix),
        ),
        _ => Vec::new(),
    };
    let raters: Vec<RaterEvidence> = rows
        .iter()
        .map(|row| {
            let a = index[row.annotator.as_str()];
            let stats = evidence.bias.get(row.annotator.as_str());
            let alpha = row.alpha_with.zip(row.alpha_delta).map(|(alpha_with, delta)| AlphaEvidence {
                alpha_with,
                delta,
                n_items: evidence.quality.map_or(0, |q| q.n_ratings[a as usize]),
                rounds: candidates.iter().position(|&c| c == a).map(|slot| rounds[slot].clone()).unwrap_or_default(),
            });
            RaterEvidence {
                gold: evidence.gold_hits.map_or((0, 0), |g| g[a as usize]),
                first_shown: stats.map_or((0, 0), |s| (s.first_shown_wins, s.positioned_decisive)),
                alpha,
            }
        })
        .collect();
    for (row, checks) in rows.iter_mut().zip(rater_checks(&raters, &options.kpi)) {
        let below = |kpi: &str| checks.iter().any(|c| c.kpi == kpi && c.status == KpiStatus::BelowTarget);
        (row.failed, row.insufficient) = row.insufficient.iter().cloned().partition(|kpi| below(kpi));
        row.pass = row.failed.is_empty();
        row.kpis = checks;
    }
}

fn group_of(dataset: &Dataset, annotator: usize) -> Option<String> {
    dataset.annotator_group.get(annotator).copied().flatten().map(|g| dataset.groups[g as usize].clone())
}

fn group_rows(
    pass: &Pass<'_>,
    primary: Option<&CriterionRatings>,
    annotators: &[AnnotatorRow],
    bias: &HashMap<&str, &BiasStats>,
    options: &ReportOptions,
) -> Vec<GroupRow> {
    let dataset = &pass.dataset;
    let alphas: Vec<_> = match primary {
        Some(criterion) => {
            let humans =
                CriterionRatings { ratings: criterion.ratings.filter_annotators(|a| !pass.is_judge[a as usize]), ..criterion.clone() };
            let alpha_options = Options {
                metrics: vec![Metric::KrippendorffAlpha],
                bootstrap: options.bootstrap,
                seed: options.seed,
                ..Options::default()
            };
            per_group(&humans, dataset, None, &alpha_options)
        }
        None => Vec::new(),
    };
    let mut gold: Vec<KpiCount> = Vec::new();
    let mut rows: Vec<GroupRow> = dataset
        .groups
        .iter()
        .filter_map(|group| {
            let members: Vec<&AnnotatorRow> =
                annotators.iter().filter(|r| !r.is_judge && r.group.as_deref() == Some(group.as_str())).collect();
            if members.is_empty() {
                return None;
            }
            let alpha = alphas.iter().find(|r| r.group.as_deref() == Some(group.as_str()));
            let (hits, n_gold) =
                members.iter().fold((0.0, 0u64), |(h, n), r| (h + r.gold_accuracy.unwrap_or(0.0) * r.n_gold as f64, n + r.n_gold));
            let (ties, battles) =
                members.iter().filter_map(|r| bias.get(r.annotator.as_str())).fold((0u64, 0u64), |(t, b), s| (t + s.ties, b + s.battles));
            let mut row = GroupRow {
                group: group.clone(),
                annotators: members.len() as u32,
                judgments: members.iter().map(|r| r.judgments).sum(),
                alpha: alpha.and_then(|r| r.value),
                ci_low: alpha.and_then(|r| r.ci_low),
                ci_high: alpha.and_then(|r| r.ci_high),
                gold_accuracy: (n_gold > 0).then(|| (hits / n_gold as f64).clamp(0.0, 1.0)),
                tie_rate: rate(ties, battles),
                pass: true,
                failed: Vec::new(),
                insufficient: Vec::new(),
            };
            // α: below target when its bootstrap interval lies wholly below the minimum.
            if row.alpha.is_some_and(|a| a < options.kpi.min_alpha) {
                let evident = row.ci_high.is_some_and(|high| high < options.kpi.min_alpha);
                if evident { &mut row.failed } else { &mut row.insufficient }.push("alpha".to_owned());
            }
            gold.push(KpiCount { key: group.clone(), successes: hits.round() as u64, n: n_gold });
            Some(row)
        })
        .collect();
    // Gold accuracy: Wilson interval, exact binomial test, Benjamini–Hochberg across the groups.
    let policy = KpiPolicy { target: options.kpi.min_gold_accuracy, min_n: options.kpi.min_n, confidence: 0.95, fdr: options.kpi.fdr };
    for (row, flag) in rows.iter_mut().zip(kpi_flags(&gold, policy)) {
        if row.gold_accuracy.is_some_and(|g| g < options.kpi.min_gold_accuracy) {
            let evident = flag.status == KpiStatus::BelowTarget;
            if evident { &mut row.failed } else { &mut row.insufficient }.push("gold_accuracy".to_owned());
        }
        row.pass = row.failed.is_empty();
    }
    rows
}

fn pairwise(pass: &Pass<'_>, primary: Option<&CriterionRatings>, quality: Option<&Quality>) -> Pairwise {
    let dataset = &pass.dataset;
    let criterion = primary.map_or_else(|| PREFERENCE.to_owned(), |c| c.id.clone());
    let mut counts = vec![0u64; dataset.annotators.len()];
    pass.records.iter().for_each(|r| counts[r.annotator as usize] += 1);
    let mut top: Vec<u32> = (0..counts.len() as u32).filter(|&a| !pass.is_judge[a as usize] && counts[a as usize] > 0).collect();
    top.sort_by(|&a, &b| {
        counts[b as usize].cmp(&counts[a as usize]).then_with(|| dataset.annotators[a as usize].cmp(&dataset.annotators[b as usize]))
    });
    top.truncate(MAX_PAIRWISE);
    let size = top.len();
    let mut agreement = vec![vec![None; size]; size];
    let mut shared = vec![vec![0u64; size]; size];
    if let Some(quality) = quality {
        for i in 0..size {
            for j in 0..size {
                let (a, b) = (top[i].min(top[j]), top[i].max(top[j]));
                if i == j {
                    continue;
                }
                if let Some(table) = quality.pairs.get(&(a, b)) {
                    let n: u64 = table.iter().map(|&x| u64::from(x)).sum();
                    let same: u64 = (0..quality.q).map(|c| u64::from(table[c * quality.q + c])).sum();
                    shared[i][j] = n;
                    agreement[i][j] = rate(same, n);
                }
            }
        }
    }
    Pairwise { criterion, annotators: top.iter().map(|&a| dataset.annotators[a as usize].clone()).collect(), agreement, shared }
}

/// Percent agreement of a set of `(item, code)` values: the mean over items with two or more
/// values of the share of agreeing pairs of values.
fn percent_agreement(values: &mut [(u32, u32)]) -> Option<f64> {
    values.sort_unstable();
    let (mut sum, mut n_items) = (0.0, 0u64);
    for item_values in values.chunk_by(|x, y| x.0 == y.0) {
        let m = item_values.len() as f64;
        if item_values.len() < 2 {
            continue;
        }
        let agreeing: f64 = item_values.chunk_by(|x, y| x.1 == y.1).map(|run| (run.len() * (run.len() - 1)) as f64).sum();
        sum += agreeing / (m * (m - 1.0));
        n_items += 1;
    }
    (n_items > 0).then(|| sum / n_items as f64)
}

/// Judgments of one group in one week, and their `(item, code)` values.
#[derive(Default)]
struct WeekCell {
    judgments: u64,
    values: Vec<(u32, u32)>,
}

fn trend(pass: &Pass<'_>, codes: &[u32]) -> Vec<TrendRow> {
    let dataset = &pass.dataset;
    // Keyed by (group, day number of the week's Monday).
    let mut cells: BTreeMap<(u32, i64), WeekCell> = BTreeMap::new();
    for (record, &code) in pass.records.iter().zip(codes) {
        let a = record.annotator as usize;
        let (Some(time), Some(group), false) = (record.time, dataset.annotator_group.get(a).copied().flatten(), pass.is_judge[a]) else {
            continue;
        };
        let day = time.div_euclid(86_400);
        let monday = day - (day + 3).rem_euclid(7);
        let cell = cells.entry((group, monday)).or_default();
        cell.judgments += 1;
        if code != NO_CODE {
            cell.values.push((record.item, code));
        }
    }
    cells
        .into_iter()
        .map(|((group, monday), mut cell)| TrendRow {
            group: dataset.groups[group as usize].clone(),
            period: iso_week(monday),
            judgments: cell.judgments,
            percent_agreement: percent_agreement(&mut cell.values),
        })
        .collect()
}

/// The most common code among `codes` when it is unique.
fn majority(codes: &[u32]) -> Option<u32> {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for &code in codes {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some(slot) => slot.1 += 1,
            None => counts.push((code, 1)),
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    let mut winners = counts.iter().filter(|c| c.1 == best);
    let first = winners.next()?.0;
    winners.next().is_none().then_some(first)
}

fn judges(pass: &Pass<'_>, codes: &[u32], options: &ReportOptions) -> Vec<JudgeRow> {
    let dataset = &pass.dataset;
    // Human codes per item.
    let mut human_codes: Vec<Vec<u32>> = vec![Vec::new(); dataset.items.len()];
    for (record, &code) in pass.records.iter().zip(codes) {
        if !pass.is_judge[record.annotator as usize] && code != NO_CODE {
            human_codes[record.item as usize].push(code);
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for (a, name) in dataset.annotators.iter().enumerate() {
        let base = name.strip_suffix(SWAP_SUFFIX).unwrap_or(name);
        if pass.is_judge[a] && !names.contains(&base) {
            names.push(base);
        }
    }
    names
        .into_iter()
        .map(|judge| {
            // (judge code, human majority code) per item judged in the usual orientation.
            let mut compared: Vec<(u32, u32)> = Vec::new();
            // (disagreements, compared) per ISO week of the judge's judgment.
            let mut weeks: BTreeMap<String, (u64, u64)> = BTreeMap::new();
            let mut n_items = 0u64;
            // Judgments of the same comparison under either orientation, by base item.
            let mut orientations: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (record, &code) in pass.records.iter().zip(codes) {
                let annotator = dataset.annotators[record.annotator as usize].as_str();
                if annotator.strip_suffix(SWAP_SUFFIX).unwrap_or(annotator) != judge || !pass.is_judge[record.annotator as usize] {
                    continue;
                }
                let item = &dataset.items[record.item as usize];
                let base_item = item.strip_suffix(SWAP_SUFFIX).unwrap_or(item);
                orientations.entry(base_item).or_default().push(record.line);
                if annotator != judge || base_item != item || code == NO_CODE {
                    continue;
                }
                let humans = &human_codes[record.item as usize];
                if humans.is_empty() {
                    continue;
                }
                n_items += 1;
                if let Some(majority) = majority(humans) {
                    compared.push((code, majority));
                    if let Some(time) = record.time {
                        let week = weeks.entry(iso_week(time.div_euclid(86_400))).or_default();
                        week.0 += u64::from(code != majority);
                        week.1 += 1;
                    }
                }
            }
            let same = compared.iter().filter(|(j, h)| j == h).count() as u64;
            let agreement = rate(same, compared.len() as u64);
            let (ci_low, ci_high) = match agreement {
                Some(_) if options.bootstrap > 0 => bootstrap_agreement(&compared, judge, options),
                _ => (None, None),
            };
            let (n_swapped_pairs, consistent) = swapped_pairs(&orientations);
            JudgeRow {
                judge: judge.to_owned(),
                n_items,
                agreement,
                kappa: kappa_of_pairs(&compared),
                ci_low,
                ci_high,
                n_swapped_pairs,
                position_consistency: rate(consistent, n_swapped_pairs),
                drift: judge_drift(judge, &weeks),
                weekly: weeks.into_iter().map(|(period, (wrong, n))| JudgeWeek { period, n, agreement: rate(n - wrong, n) }).collect(),
            }
        })
        .collect()
}

/// CUSUM signals on a judge's weekly disagreement rate (standardized by the rate over all
/// weeks, `spc::compute_chart`); none with fewer than three weeks or no variation to measure.
fn judge_drift(judge: &str, weeks: &BTreeMap<String, (u64, u64)>) -> Vec<JudgeDrift> {
    if weeks.len() < 3 {
        return Vec::new();
    }
    let subgroups: Vec<Subgroup> = weeks
        .iter()
        .map(|(period, &(count, n))| Subgroup {
            key: judge.to_owned(),
            period: period.clone(),
            observations: Observations::Counts { count, n },
        })
        .collect();
    match compute_chart(&subgroups, &ChartOptions::new(ChartKind::Cusum)) {
        Ok(chart) => chart.signals.into_iter().map(|s| JudgeDrift { period: s.period, rule: s.rule }).collect(),
        Err(_) => Vec::new(),
    }
}

/// Cohen's kappa of (judge, majority) code pairs.
fn kappa_of_pairs(pairs: &[(u32, u32)]) -> Option<f64> {
    let mut codes: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    codes.sort_unstable();
    codes.dedup();
    let q = codes.len();
    let index = |c: u32| codes.binary_search(&c).expect("every code was collected");
    let mut table = vec![0u32; q * q];
    pairs.iter().for_each(|&(a, b)| table[index(a) * q + index(b)] += 1);
    cohen_kappa(&table, q)
}

/// Percentile bootstrap of the judge's agreement over compared items, seeded by
/// `(seed, "judge\u{1f}" + judge id)`.
fn bootstrap_agreement(compared: &[(u32, u32)], judge: &str, options: &ReportOptions) -> (Option<f64>, Option<f64>) {
    let n = compared.len();
    let mut rng = Pcg32::new(options.seed, seed_from_text(&format!("judge\u{1f}{judge}")));
    let mut values: Vec<f64> = (0..options.bootstrap)
        .map(|_| {
            let same = (0..n).filter(|_| {
                let (j, h) = compared[rng.below(n as u32) as usize];
                j == h
            });
            same.count() as f64 / n as f64
        })
        .collect();
    percentile_interval(&mut values, 0.95).map_or((None, None), |(low, high)| (Some(low), Some(high)))
}

/// Pairs of one judge's judgments of the same comparison whose `shown` orders are reversed,
/// and how many of them name the same winner.
fn swapped_pairs(orientations: &BTreeMap<&str, Vec<&str>>) -> (u64, u64) {
    let (mut n_pairs, mut consistent) = (0, 0);
    for lines in orientations.values().filter(|lines| lines.len() >= 2) {
        let parsed: Vec<Judgment> = lines.iter().filter_map(|line| judgment_from_line(line).ok()).collect();
        for (i, first) in parsed.iter().enumerate() {
            for second in &parsed[i + 1..] {
                let (Some(a), Some(b)) = (&first.shown, &second.shown) else { continue };
                if a.len() < 2 || a.iter().rev().ne(b.iter()) {
                    continue;
                }
                let (Some(wa), Some(wb)) = (&first.preference, &second.preference) else { continue };
                n_pairs += 1;
                consistent += u64::from(wa.winner == wb.winner);
            }
        }
    }
    (n_pairs, consistent)
}

fn disagreements(pass: &Pass<'_>, codes: &[u32]) -> Vec<Disagreement> {
    let dataset = &pass.dataset;
    let mut by_item: Vec<Vec<u32>> = vec![Vec::new(); dataset.items.len()];
    for (index, record) in pass.records.iter().enumerate() {
        if !pass.is_judge[record.annotator as usize] {
            by_item[record.item as usize].push(index as u32);
        }
    }
    let mut candidates: Vec<(f64, u64, u32)> = Vec::new();
    let mut item_codes: Vec<u32> = Vec::new();
    for (item, records) in by_item.iter().enumerate() {
        item_codes.clear();
        item_codes.extend(records.iter().map(|&r| codes[r as usize]).filter(|&c| c != NO_CODE));
        if item_codes.len() < 2 {
            continue;
        }
        item_codes.sort_unstable();
        let most = item_codes.chunk_by(|a, b| a == b).map(<[u32]>::len).max().unwrap_or(0);
        candidates.push((1.0 - most as f64 / item_codes.len() as f64, records.len() as u64, item as u32));
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then_with(|| dataset.items[a.2 as usize].cmp(&dataset.items[b.2 as usize]))
    });
    candidates.truncate(MAX_DISAGREEMENTS);
    candidates
        .into_iter()
        .map(|(disagreement, n_judgments, item)| Disagreement {
            item_id: dataset.items[item as usize].to_owned(),
            n_judgments,
            disagreement,
            answers: by_item[item as usize]
                .iter()
                .map(|&r| {
                    let record = &pass.records[r as usize];
                    let judgment = judgment_from_line(record.line).ok();
                    Answer {
                        annotator: dataset.annotators[record.annotator as usize].clone(),
                        group: group_of(dataset, record.annotator as usize),
                        winner: judgment.as_ref().and_then(|j| j.preference.as_ref()).map(|p| p.winner.clone()),
                        scores: judgment.as_ref().and_then(|j| j.scores.clone()),
                        flags: judgment.and_then(|j| j.flags),
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
