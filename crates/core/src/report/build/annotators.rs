//! Per-annotator and per-group rows and the pairwise matrix: coincidence matrices and pair tables
//! of the primary criterion (humans only) from which alphas with and without each annotator and
//! mean Cohen's kappas are computed incrementally; gold accuracy; KPI failures.

use std::collections::{BTreeMap, HashMap};

use super::read::Pass;
use super::MAX_PAIRWISE;
use crate::agreement::quality::{per_group, GoldIndex};
use crate::agreement::{cohen_from_table, resolve_level, CriterionRatings, Dataset, Level, Metric, Options, PREFERENCE};
use crate::ranking::BiasStats;
use crate::report::kpi::{alpha_delta_rounds, rater_checks, AlphaEvidence, RaterEvidence};
use crate::report::{AnnotatorRow, GroupRow, Kpi, Pairwise, ReportOptions};
use crate::spc::kpi::{kpi_flags, KpiCount, KpiPolicy, KpiStatus};

/// Coincidence matrices and pair tables of the primary criterion, humans only, from which
/// per-annotator alphas (with and without each one) and kappas are computed incrementally.
pub(super) struct Quality {
    pub(super) q: usize,
    pub(super) level: Level,
    pub(super) scale: crate::agreement::Scale,
    /// Coincidences of the humans' ratings.
    pub(super) total: Vec<f64>,
    /// Per annotator: the change to `total` when a human is removed or a judge added.
    pub(super) alpha_toggled: Vec<Option<f64>>,
    pub(super) alpha_humans: Option<f64>,
    /// `(a, b)` with `a < b` → q×q table of (a's category, b's category) over shared units.
    pub(super) pairs: BTreeMap<(u32, u32), Vec<u32>>,
    /// Ratings each annotator gave on the criterion.
    pub(super) n_ratings: Vec<u64>,
    pub(super) is_judge: Vec<bool>,
}

impl Quality {
    pub(super) fn new(criterion: &CriterionRatings, dataset: &Dataset, is_judge: &[bool]) -> Quality {
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
    pub(super) fn mean_kappas(&self) -> Vec<Option<f64>> {
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

/// Unweighted Cohen's kappa of a q×q count table, by the agreement module's own formula
/// (`agreement::cohen`); `None` when chance agreement is 1 or the table is empty.
pub(super) fn cohen_kappa(table: &[u32], q: usize) -> Option<f64> {
    let counts: Vec<f64> = table.iter().map(|&count| f64::from(count)).collect();
    let identity: Vec<f64> = (0..q * q).map(|cell| if cell / q == cell % q { 1.0 } else { 0.0 }).collect();
    cohen_from_table(&counts, q, &identity).kappa
}

/// Per annotator: (answers equal to gold, answers with gold) over every criterion.
pub(super) fn gold_hits(gold: &GoldIndex, dataset: &Dataset) -> Vec<(u64, u64)> {
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

pub(super) fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
}

pub(super) fn rate(k: u64, n: u64) -> Option<f64> {
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
pub(super) struct Evidence<'a> {
    pub(super) quality: Option<&'a Quality>,
    pub(super) primary: Option<&'a CriterionRatings>,
    pub(super) gold_hits: Option<&'a [(u64, u64)]>,
    pub(super) bias: &'a HashMap<&'a str, &'a BiasStats>,
}

/// Item-bootstrap rounds of the α contribution (at most this many, for raters whose point
/// values miss the α KPI): enough for a 95 % percentile interval and a p-value.
const ALPHA_KPI_ROUNDS: u32 = 200;

pub(super) fn annotator_rows(pass: &Pass<'_>, evidence: &Evidence<'_>, options: &ReportOptions) -> Vec<AnnotatorRow> {
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

pub(super) fn group_of(dataset: &Dataset, annotator: usize) -> Option<String> {
    dataset.annotator_group.get(annotator).copied().flatten().map(|g| dataset.groups[g as usize].clone())
}

pub(super) fn group_rows(
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

pub(super) fn pairwise(pass: &Pass<'_>, primary: Option<&CriterionRatings>, quality: Option<&Quality>) -> Pairwise {
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
