//! Model leaderboards from preferences: win-rate matrix, Bradley–Terry (on the Elo scale) or
//! online Elo ratings, bootstrap confidence intervals and rank ranges, and bias diagnostics.
//!
//! Formulas, references and edge cases are in `docs/RANKING.md`; in short:
//! - judgments become [`battles`] (pairwise preferences; N-way rankings broken into all their
//!   pairs; `both_bad` is a tie for ratings, as Chatbot Arena counts "tie (bothbad)");
//! - Bradley–Terry ratings are the maximum-likelihood θ with ties as half a win each way
//!   (Bradley & Terry 1952; Chiang et al. 2024), reported as 1000 + 400·θ/ln 10 with mean 1000
//!   over the rated models; fitted by Newton's method on counts aggregated per model pair
//!   ([`bt`]);
//! - when no finite maximum exists (a model that never lost or never won, a disconnected
//!   comparison graph) the affected models get a `null` rating and a note, unless a prior
//!   (`prior` virtual ties against a reference) is asked for;
//! - percentile bootstrap intervals resample battles as a multinomial over distinct outcomes,
//!   seeded with [`Pcg32`](crate::rng::Pcg32) ([`bootstrap`]).
//!
//! ```
//! use verdict_core::judgment::{Judgment, Preference};
//! use verdict_core::ranking::{leaderboard, Options};
//! let judge = |item: &str, winner: &str| {
//!     let mut j = Judgment::new(item, "ann");
//!     j.shown = Some(vec!["a".into(), "b".into()]);
//!     j.preference = Some(Preference { winner: winner.into(), strength: None, extra: Default::default() });
//!     j
//! };
//! // a beats b 3 times out of 4: a − b = 400·log10(3) ≈ 190.8 Elo points, mean 1000.
//! let board = leaderboard(&[judge("1", "a"), judge("2", "a"), judge("3", "a"), judge("4", "b")], &Options::default());
//! assert_eq!(board.models[0].model, "a");
//! let gap = board.models[0].rating.unwrap() - board.models[1].rating.unwrap();
//! assert!((gap - 400.0 * 3f64.log10()).abs() < 1e-6);
//! ```

pub mod arena_scan;
pub mod battles;
pub mod bias;
pub mod bootstrap;
pub mod bt;
pub mod contextual;
pub mod controlled;
pub mod elo;
pub mod sandwich;
pub mod style;

mod fit;
mod slices;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use battles::{Battle, BattleSet, Outcome};
pub use bias::{bias, BiasReport, BiasStats};
use fit::{explain_unrated, fit_bradley_terry, fit_elo, pair_outcomes, win_matrix};
pub use slices::{slices, By, Slice, SliceError};

use crate::judgment::Judgment;
use crate::rng::Pcg32;
use crate::task::Task;

/// Elo points per natural-log unit of odds: 400 / ln 10.
pub const ELO_PER_LOGIT: f64 = 400.0 / std::f64::consts::LN_10;
/// The mean rating.
pub const MEAN_RATING: f64 = 1000.0;
/// Coverage of the bootstrap intervals (percentiles 2.5 and 97.5).
pub const CONFIDENCE: f64 = 0.95;

/// The rating method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Bradley–Terry maximum likelihood on the Elo scale.
    #[default]
    Bt,
    /// Online Elo in input order.
    Elo,
}

/// What to compute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Bradley–Terry or online Elo.
    pub method: Method,
    /// Bootstrap rounds; 0 for no intervals.
    pub bootstrap: u32,
    /// Bootstrap seed: the same seed gives the same intervals everywhere.
    pub seed: u64,
    /// Bradley–Terry only: virtual ties per model against a reference at the mean (0 = pure
    /// maximum likelihood, as Chatbot Arena).
    pub prior: f64,
    /// Online Elo only: the K-factor.
    pub k: f64,
    /// Threads for bootstrap rounds (results do not depend on it); 1 in the browser.
    pub threads: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options { method: Method::Bt, bootstrap: 0, seed: 0, prior: 0.0, k: elo::DEFAULT_K, threads: 1 }
    }
}

/// One model's line of the leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelRating {
    /// The model.
    pub model: String,
    /// Rating on the Elo scale; `null` when no finite estimate exists (see `note`).
    pub rating: Option<f64>,
    /// Lower end of the 95% bootstrap interval; `null` without bootstrap or rating.
    pub ci_low: Option<f64>,
    /// Upper end of the 95% bootstrap interval.
    pub ci_high: Option<f64>,
    /// Position by rating among rated models (1 = best).
    pub rank: Option<u32>,
    /// Best rank within the intervals: 1 + models whose `ci_low` exceeds this `ci_high`.
    pub rank_best: Option<u32>,
    /// Worst rank within the intervals: rated models − models whose `ci_high` is below this `ci_low`.
    pub rank_worst: Option<u32>,
    /// Battles won.
    pub wins: u64,
    /// Battles lost.
    pub losses: u64,
    /// Battles tied, `both_bad` included.
    pub ties: u64,
    /// Of the ties, battles judged `both_bad`.
    pub both_bad: u64,
    /// Battles fought.
    pub battles: u64,
    /// (wins + ties/2) / battles.
    pub win_rate: Option<f64>,
    /// Why the rating or interval is missing or special.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Pairwise results in leaderboard order: `wins[i][j]` is how often model i beat model j,
/// `ties[i][j]` (= `ties[j][i]`) how often they tied (`both_bad` included).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WinMatrix {
    /// Row and column labels.
    pub models: Vec<String>,
    /// Wins of row over column.
    pub wins: Vec<Vec<u64>>,
    /// Ties between row and column.
    pub ties: Vec<Vec<u64>>,
}

/// How the Bradley–Terry fit went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitSummary {
    /// Newton steps taken on the full data.
    pub iterations: u32,
    /// True when the last step moved no θ more than `tolerance`.
    pub converged: bool,
    /// [`bt::TOLERANCE`], natural-log units.
    pub tolerance: f64,
    /// [`bt::MAX_ITERATIONS`].
    pub max_iterations: u32,
}

/// How the bootstrap went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BootstrapSummary {
    /// Rounds run.
    pub rounds: u32,
    /// The seed.
    pub seed: u64,
    /// Interval coverage (0.95).
    pub confidence: f64,
    /// Rounds whose resample had no finite maximum-likelihood estimate (left out).
    pub degenerate_rounds: u32,
}

/// A leaderboard: ratings best first, plus the counts and diagnostics behind them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaderboard {
    /// `bt` or `elo`.
    pub method: Method,
    /// Models, best first: rated models by rating, then unrated models by win rate.
    pub models: Vec<ModelRating>,
    /// Battles counted.
    pub n_battles: u64,
    /// The prior used (virtual ties per model; 0 = none).
    pub prior: f64,
    /// Online Elo's K-factor, for `elo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<f64>,
    /// The Bradley–Terry fit, for `bt` when any model is rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<FitSummary>,
    /// The bootstrap, when run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<BootstrapSummary>,
    /// Judgments that gave no battle, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Remarks about the whole leaderboard (e.g. models left unrated).
    pub notes: Vec<String>,
    /// Pairwise results.
    pub win_matrix: WinMatrix,
}

/// The leaderboard of `judgments` (preferences and rankings). For tasks, `--by` slices or the
/// streaming reader, build a [`BattleSet`] and call [`leaderboard_from_battles`].
pub fn leaderboard(judgments: &[Judgment], options: &Options) -> Leaderboard {
    leaderboard_from_battles(&BattleSet::from_judgments(judgments, None), options)
}

/// The leaderboard of a set of battles.
pub fn leaderboard_from_battles(set: &BattleSet, options: &Options) -> Leaderboard {
    let n_models = set.models.len();
    let pairs = pair_outcomes(set);
    let rated = match options.method {
        Method::Bt => fit_bradley_terry(set, &pairs, options),
        Method::Elo => fit_elo(set, options),
    };
    let mut notes = Vec::new();

    // Per-model counts.
    let mut rows: Vec<ModelRating> = set
        .models
        .iter()
        .map(|model| ModelRating {
            model: model.clone(),
            rating: None,
            ci_low: None,
            ci_high: None,
            rank: None,
            rank_best: None,
            rank_worst: None,
            wins: 0,
            losses: 0,
            ties: 0,
            both_bad: 0,
            battles: 0,
            win_rate: None,
            note: None,
        })
        .collect();
    for p in &pairs {
        for (me, wins, losses) in [(p.i, p.wins_i, p.wins_j), (p.j, p.wins_j, p.wins_i)] {
            let row = &mut rows[me as usize];
            row.wins += wins;
            row.losses += losses;
            row.ties += p.ties + p.both_bad;
            row.both_bad += p.both_bad;
            row.battles += wins + losses + p.ties + p.both_bad;
        }
    }
    for row in &mut rows {
        row.win_rate = (row.battles > 0).then(|| (row.wins as f64 + 0.5 * row.ties as f64) / row.battles as f64);
    }

    // Ratings and intervals.
    let mut intervals: Vec<Option<(f64, f64)>> = vec![None; n_models];
    for (k, &m) in rated.members.iter().enumerate() {
        rows[m as usize].rating = Some(rated.ratings[k]);
        let mut values: Vec<f64> = rated.rounds.iter().map(|round| round[k]).collect();
        values.sort_by(f64::total_cmp);
        let tail = (1.0 - CONFIDENCE) / 2.0;
        if let (Some(low), Some(high)) = (bootstrap::quantile(&values, tail), bootstrap::quantile(&values, 1.0 - tail)) {
            intervals[m as usize] = Some((low, high));
            rows[m as usize].ci_low = Some(low);
            rows[m as usize].ci_high = Some(high);
        }
    }
    for (m, range) in bootstrap::rank_ranges(&intervals).into_iter().enumerate() {
        if let Some((best, worst)) = range {
            rows[m].rank_best = Some(best);
            rows[m].rank_worst = Some(worst);
        }
    }
    if options.method == Method::Bt {
        explain_unrated(&mut rows, &rated.members, &pairs, &mut notes);
    }
    if options.bootstrap > 0 && rated.degenerate_rounds > 0 {
        notes.push(format!(
            "{} of {} bootstrap rounds had a model that never lost or never won in the resample and were left out: \
             the intervals are conditional on a finite estimate and may be too narrow (a --prior avoids this)",
            rated.degenerate_rounds, options.bootstrap
        ));
        if rated.rounds.is_empty() {
            notes.push("no bootstrap round gave a finite estimate: no intervals".to_owned());
        }
    }
    if options.method == Method::Elo && options.bootstrap > 0 {
        notes.push(
            "online Elo depends on battle order: the rating replays the file's order, each bootstrap round a random \
             resample in random order, so a rating can fall outside its interval when the file is sorted"
                .to_owned(),
        );
    }
    if let Some(fit) = &rated.fit {
        if !fit.converged {
            notes.push(format!("the Bradley–Terry fit did not converge in {} Newton steps", fit.iterations));
        }
    }

    // Order: rated by rating, then unrated by win rate; names break ties.
    let mut order: Vec<usize> = (0..n_models).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        match (ra.rating, rb.rating) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => rb.win_rate.unwrap_or(-1.0).total_cmp(&ra.win_rate.unwrap_or(-1.0)),
        }
        .then_with(|| ra.model.cmp(&rb.model))
    });
    let mut rank = 0;
    for &m in &order {
        if rows[m].rating.is_some() {
            rank += 1;
            rows[m].rank = Some(rank);
        }
    }
    let win_matrix = win_matrix(&set.models, &pairs, &order);
    let mut sorted_rows: Vec<Option<ModelRating>> = rows.into_iter().map(Some).collect();
    let models: Vec<ModelRating> = order.iter().map(|&m| sorted_rows[m].take().expect("each model is placed once")).collect();
    Leaderboard {
        method: options.method,
        models,
        n_battles: set.battles.len() as u64,
        prior: if options.method == Method::Bt { options.prior } else { 0.0 },
        k: (options.method == Method::Elo).then_some(options.k),
        fit: rated.fit,
        bootstrap: (options.bootstrap > 0).then_some(BootstrapSummary {
            rounds: options.bootstrap,
            seed: options.seed,
            confidence: CONFIDENCE,
            degenerate_rounds: rated.degenerate_rounds,
        }),
        skipped: set.skipped.clone(),
        notes,
        win_matrix,
    }
}

#[cfg(test)]
mod tests;
