//! Style-controlled leaderboards (raw and controlled ratings side by side, covariate
//! coefficients with intervals) and sandwich intervals for the plain Bradley–Terry leaderboard:
//! the glue between battles, [`style`] covariates and the [`contextual`] model.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::battles::BattleFields;
use super::contextual::{self, Interval, RowsBuilder, Weighting};
use super::style::{self, Missing, Normalization, Source, StyleCounts, FEATURE_NAMES, N_FEATURES};
use super::{bootstrap, BattleSet, Leaderboard, Outcome, ELO_PER_LOGIT, MEAN_RATING};
use crate::intern::FxMap;
use crate::judgment::Judgment;
use crate::task::Task;

/// How to fit the style-controlled model (defaults: arena-rank's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StyleOptions {
    /// Sandwich (default) or bootstrap intervals.
    pub interval: Interval,
    /// Ridge on the coefficients ([`contextual::DEFAULT_REG`]).
    pub reg: f64,
    /// ε of the sandwich ([`contextual::HESSIAN_REG`]).
    pub hessian_reg: f64,
    /// Row weights (default: inverse pair counts, floor [`contextual::MIN_PAIR_COUNT`]).
    pub weighting: Weighting,
    /// Interval coverage.
    pub confidence: f64,
    /// Threads for bootstrap rounds (results do not depend on it).
    pub threads: u32,
}

impl Default for StyleOptions {
    fn default() -> Self {
        StyleOptions {
            interval: Interval::Sandwich,
            reg: contextual::DEFAULT_REG,
            hessian_reg: contextual::HESSIAN_REG,
            weighting: Weighting::InversePairCount { min_pair_count: contextual::MIN_PAIR_COUNT },
            confidence: super::CONFIDENCE,
            threads: 1,
        }
    }
}

/// One model's raw and style-controlled ratings (Elo scale).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ControlledRating {
    /// The model.
    pub model: String,
    /// Style-controlled rating.
    pub rating: f64,
    /// Its interval.
    pub ci_low: Option<f64>,
    /// Its interval.
    pub ci_high: Option<f64>,
    /// Position by controlled rating (1 = best).
    pub rank: u32,
    /// The leaderboard's (raw) rating.
    pub raw_rating: f64,
    /// The raw rating's interval.
    pub raw_ci_low: Option<f64>,
    /// The raw rating's interval.
    pub raw_ci_high: Option<f64>,
    /// The raw rank.
    pub raw_rank: Option<u32>,
}

/// One covariate's coefficient (log-odds per standard deviation of the covariate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coefficient {
    /// `length`, `headers`, `bold` or `lists`.
    pub name: String,
    /// β.
    pub value: f64,
    /// Sandwich standard error (`null` for bootstrap intervals).
    pub se: Option<f64>,
    /// Interval.
    pub ci_low: Option<f64>,
    /// Interval.
    pub ci_high: Option<f64>,
    /// β on the Elo scale (400/ln 10 · β): the rating points one standard deviation is worth.
    pub elo: f64,
}

/// A style-controlled leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StyleControl {
    /// Where the covariates came from.
    pub source: Source,
    /// `sandwich` or `bootstrap`.
    pub ci: String,
    /// Interval coverage.
    pub confidence: f64,
    /// Ridge on the coefficients.
    pub reg: f64,
    /// ε of the sandwich.
    pub hessian_reg: f64,
    /// The inverse-pair-count floor; `null` when unweighted.
    pub min_pair_count: Option<f64>,
    /// Battles fitted.
    pub n_battles: u64,
    /// Battles left out, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Means and standard deviations of the raw covariates, in `coefficients` order.
    pub normalization: Normalization,
    /// Models, best controlled rating first.
    pub models: Vec<ControlledRating>,
    /// The covariates' coefficients.
    pub coefficients: Vec<Coefficient>,
    /// Newton steps, convergence.
    pub iterations: u32,
    /// True when Newton converged.
    pub converged: bool,
    /// Bootstrap rounds left out (bootstrap only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degenerate_rounds: Option<u32>,
}

/// A judgment's answer counts from its `conv_metadata` (its `extra` field), for `shown[0]`
/// (`_a`) and `shown[1]` (`_b`): what [`battle_covariates`] needs of it, so that readers can
/// drop the rest of `conv_metadata` as they go.
pub fn conv_metadata_counts(judgment: &Judgment) -> Result<[StyleCounts; 2], Missing> {
    let metadata = judgment.extra.get("conv_metadata").ok_or(Missing::NoConvMetadata)?;
    Ok([style::counts_from_conv_metadata(metadata, "a")?, style::counts_from_conv_metadata(metadata, "b")?])
}

/// Each battle's covariates (raw relative differences, first − second), or why it has none.
/// `judgments` are the ones the battles came from, with `conv_counts` their
/// [`conv_metadata_counts`] (for [`Source::ConvMetadata`]; keyed by item and annotator);
/// `tasks` the task file (for [`Source::Tasks`]).
pub fn battle_covariates<J: BattleFields>(
    set: &BattleSet,
    source: Source,
    judgments: &[J],
    conv_counts: &[Result<[StyleCounts; 2], Missing>],
    tasks: Option<&[Task]>,
) -> Vec<Result<[f64; N_FEATURES], Missing>> {
    let by_identity: FxMap<(&str, &str), usize> = match source {
        Source::ConvMetadata => judgments.iter().enumerate().map(|(k, j)| ((j.item_id(), j.annotator()), k)).collect(),
        Source::Tasks => FxMap::default(),
    };
    let by_item: FxMap<&str, &Task> = tasks.unwrap_or_default().iter().map(|t| (t.id.as_str(), t)).collect();
    let mut output_counts: FxMap<(u32, u32), Result<StyleCounts, Missing>> = FxMap::default();
    set.battles
        .iter()
        .map(|battle| {
            let item = set.items.get(battle.item as usize).unwrap_or_default();
            let (first, second) = (set.models[battle.first as usize].as_str(), set.models[battle.second as usize].as_str());
            let (a, b) = match source {
                Source::Tasks => {
                    let mut counts = |model: u32, name: &str| {
                        *output_counts.entry((battle.item, model)).or_insert_with(|| {
                            let output = by_item.get(item).and_then(|t| t.outputs.iter().find(|o| o.model == name));
                            output.map(|o| style::counts_from_text(&o.content.plain_text())).ok_or(Missing::NoOutput)
                        })
                    };
                    (counts(battle.first, first)?, counts(battle.second, second)?)
                }
                Source::ConvMetadata => {
                    let annotator = set.annotators[battle.annotator as usize].as_str();
                    let &k = by_identity.get(&(item, annotator)).ok_or(Missing::NoConvMetadata)?;
                    let counts = conv_counts.get(k).ok_or(Missing::NoConvMetadata)?.as_ref().map_err(|m| *m)?;
                    let side = |model: &str| match judgments[k].shown() {
                        Some([a, b]) if a == model && b != model => Ok(counts[0]),
                        Some([a, b]) if b == model && a != model => Ok(counts[1]),
                        _ => Err(Missing::NoSides),
                    };
                    (side(first)?, side(second)?)
                }
            };
            Ok(style::relative_difference(&a, &b))
        })
        .collect()
}

fn reason(missing: Missing) -> &'static str {
    match missing {
        Missing::NoOutput => "no output of one of the two models in the task file",
        Missing::NoConvMetadata => "no conv_metadata",
        Missing::BadConvMetadata => "conv_metadata lacks a count or a count is not a number",
        Missing::NoSides => "shown does not list the two models as model_a and model_b",
    }
}

fn outcome_value(outcome: Outcome) -> f64 {
    match outcome {
        Outcome::FirstWins => 1.0,
        Outcome::SecondWins => 0.0,
        Outcome::Tie | Outcome::BothBad => 0.5,
    }
}

fn elo(theta: f64) -> f64 {
    MEAN_RATING + ELO_PER_LOGIT * theta
}

/// Fits the style-controlled model on the battles among the raw leaderboard's rated models
/// that have covariates, and lays raw and controlled ratings side by side.
pub fn style_control(
    set: &BattleSet,
    covariates: &[Result<[f64; N_FEATURES], Missing>],
    raw: &Leaderboard,
    source: Source,
    options: &StyleOptions,
) -> StyleControl {
    let index_of: FxMap<&str, usize> = set.models.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut local = vec![u32::MAX; set.models.len()];
    let members: Vec<&super::ModelRating> = raw.models.iter().filter(|m| m.rating.is_some()).collect();
    for (k, member) in members.iter().enumerate() {
        local[index_of[member.model.as_str()]] = k as u32;
    }
    let mut skipped: BTreeMap<String, u64> = BTreeMap::new();
    let mut kept: Vec<(u32, u32, f64)> = Vec::new();
    let mut features: Vec<f64> = Vec::new();
    for (battle, covariates) in set.battles.iter().zip(covariates) {
        let (a, b) = (local[battle.first as usize], local[battle.second as usize]);
        match covariates {
            _ if a == u32::MAX || b == u32::MAX => *skipped.entry("a model without a raw rating".into()).or_default() += 1,
            Err(missing) => *skipped.entry(reason(*missing).into()).or_default() += 1,
            Ok(covariates) => {
                kept.push((a, b, outcome_value(battle.outcome)));
                features.extend_from_slice(covariates);
            }
        }
    }
    // Standardized as the battles come (first − second), before rows are oriented: the mean
    // is subtracted in the data's own orientation, as arena-rank does.
    let normalization = style::standardize(&mut features, N_FEATURES, &vec![1.0; kept.len()]);
    let mut builder = RowsBuilder::new(members.len(), N_FEATURES);
    for (&(a, b, outcome), x) in kept.iter().zip(features.chunks_exact(N_FEATURES)) {
        builder.push(a, b, outcome, x);
    }
    let rows = builder.finish(options.weighting);
    let mut result = StyleControl {
        source,
        ci: match options.interval {
            Interval::Sandwich => "sandwich".into(),
            Interval::Bootstrap { .. } => "bootstrap".into(),
        },
        confidence: options.confidence,
        reg: options.reg,
        hessian_reg: options.hessian_reg,
        min_pair_count: match options.weighting {
            Weighting::Unweighted => None,
            Weighting::InversePairCount { min_pair_count } => Some(min_pair_count),
        },
        n_battles: rows.n_battles() as u64,
        skipped,
        normalization,
        models: Vec::new(),
        coefficients: Vec::new(),
        iterations: 0,
        converged: false,
        degenerate_rounds: None,
    };
    if members.len() < 2 || rows.is_empty() {
        return result;
    }
    let estimate = contextual::estimate(&rows, options.reg, options.hessian_reg, options.interval, options.confidence, options.threads);
    let params = &estimate.fit.params;
    result.iterations = estimate.fit.iterations;
    result.converged = estimate.fit.converged;
    if let Interval::Bootstrap { .. } = options.interval {
        result.degenerate_rounds = Some(estimate.degenerate_rounds);
    }
    let m = members.len();
    let mut models: Vec<ControlledRating> = members
        .iter()
        .enumerate()
        .map(|(k, member)| ControlledRating {
            model: member.model.clone(),
            rating: elo(params[k]),
            ci_low: estimate.low[k].map(elo),
            ci_high: estimate.high[k].map(elo),
            rank: 0,
            raw_rating: member.rating.expect("members are rated"),
            raw_ci_low: member.ci_low,
            raw_ci_high: member.ci_high,
            raw_rank: member.rank,
        })
        .collect();
    models.sort_by(|x, y| y.rating.total_cmp(&x.rating).then_with(|| x.model.cmp(&y.model)));
    for (position, model) in models.iter_mut().enumerate() {
        model.rank = position as u32 + 1;
    }
    result.models = models;
    result.coefficients = FEATURE_NAMES
        .iter()
        .enumerate()
        .map(|(f, name)| Coefficient {
            name: (*name).to_owned(),
            value: params[m + f],
            se: estimate.se.as_ref().map(|se| se[m + f]),
            ci_low: estimate.low[m + f],
            ci_high: estimate.high[m + f],
            elo: ELO_PER_LOGIT * params[m + f],
        })
        .collect();
    result
}

/// Replaces the leaderboard's intervals of its Bradley–Terry ratings by sandwich intervals
/// (arena-rank's `BradleyTerry.compute_ratings_and_cis(ci_method="sandwich")`: unweighted,
/// ε = `hessian_reg`), centred on the ratings, and recomputes the rank ranges.
pub fn sandwich_intervals(board: &mut Leaderboard, set: &BattleSet, hessian_reg: f64, confidence: f64) {
    let index_of: FxMap<&str, usize> = set.models.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut local = vec![u32::MAX; set.models.len()];
    let rated: Vec<usize> = (0..board.models.len()).filter(|&r| board.models[r].rating.is_some()).collect();
    for (k, &row) in rated.iter().enumerate() {
        local[index_of[board.models[row].model.as_str()]] = k as u32;
    }
    let mut builder = RowsBuilder::new(rated.len(), 0);
    for battle in &set.battles {
        let (a, b) = (local[battle.first as usize], local[battle.second as usize]);
        if a != u32::MAX && b != u32::MAX {
            builder.push(a, b, outcome_value(battle.outcome), &[]);
        }
    }
    let rows = builder.finish(Weighting::Unweighted);
    if rated.len() < 2 || rows.is_empty() {
        return;
    }
    let estimate = contextual::estimate(&rows, 0.0, hessian_reg, Interval::Sandwich, confidence, 1);
    let z = crate::stats::normal_quantile(0.5 + confidence / 2.0).expect("0 < confidence < 1");
    let mut intervals = vec![None; board.models.len()];
    if let Some(se) = &estimate.se {
        for (k, &row) in rated.iter().enumerate() {
            let model = &mut board.models[row];
            let rating = model.rating.expect("rated");
            let half = z * se[k] * ELO_PER_LOGIT;
            model.ci_low = Some(rating - half);
            model.ci_high = Some(rating + half);
            intervals[row] = Some((rating - half, rating + half));
        }
    }
    for (model, range) in board.models.iter_mut().zip(bootstrap::rank_ranges(&intervals)) {
        model.rank_best = range.map(|r| r.0);
        model.rank_worst = range.map(|r| r.1);
    }
}
