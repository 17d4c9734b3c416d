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

pub mod battles;
pub mod bias;
pub mod bootstrap;
pub mod bt;
pub mod contextual;
pub mod controlled;
pub mod elo;
pub mod sandwich;
pub mod style;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use battles::{Battle, BattleSet, Outcome};
pub use bias::{bias, BiasReport, BiasStats};

use crate::judgment::Judgment;
use crate::rng::Pcg32;
use crate::task::Task;
use bt::PairCount;

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

/// Per unordered pair (i < j): wins of i, wins of j, ties, both-bad.
#[derive(Clone, Copy, Debug, Default)]
struct PairOutcomes {
    i: u32,
    j: u32,
    wins_i: u64,
    wins_j: u64,
    ties: u64,
    both_bad: u64,
}

impl PairOutcomes {
    fn half_ties(&self) -> f64 {
        0.5 * (self.ties + self.both_bad) as f64
    }
}

/// Counts outcomes per unordered pair, sorted by (i, j).
fn pair_outcomes(set: &BattleSet) -> Vec<PairOutcomes> {
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut pairs: Vec<PairOutcomes> = Vec::new();
    for battle in &set.battles {
        let (i, j, outcome) = if battle.first < battle.second {
            (battle.first, battle.second, battle.outcome)
        } else {
            (battle.second, battle.first, battle.outcome.swapped())
        };
        if i == j {
            continue;
        }
        let slot = *index.entry((u64::from(i) << 32) | u64::from(j)).or_insert_with(|| {
            pairs.push(PairOutcomes { i, j, ..Default::default() });
            pairs.len() - 1
        });
        let pair = &mut pairs[slot];
        match outcome {
            Outcome::FirstWins => pair.wins_i += 1,
            Outcome::SecondWins => pair.wins_j += 1,
            Outcome::Tie => pair.ties += 1,
            Outcome::BothBad => pair.both_bad += 1,
        }
    }
    pairs.sort_by_key(|p| (p.i, p.j));
    pairs
}

/// Ratings (Elo scale, mean 1000) of the rated models, or why there are none.
struct Rated {
    /// Global model ids that get a rating, ascending.
    members: Vec<u32>,
    /// Their ratings, aligned with `members`.
    ratings: Vec<f64>,
    /// Their bootstrap ratings per round (rounds × members), degenerate rounds left out.
    rounds: Vec<Vec<f64>>,
    degenerate_rounds: u32,
    fit: Option<FitSummary>,
}

fn to_elo_scale(theta: &[f64]) -> Vec<f64> {
    theta.iter().map(|t| MEAN_RATING + ELO_PER_LOGIT * t).collect()
}

/// The Bradley–Terry pair counts among `members` (global ids), in local indices.
fn local_pairs(pairs: &[PairOutcomes], local: &[u32]) -> Vec<PairCount> {
    pairs
        .iter()
        .filter(|p| local[p.i as usize] != u32::MAX && local[p.j as usize] != u32::MAX)
        .map(|p| PairCount {
            i: local[p.i as usize],
            j: local[p.j as usize],
            wins_i: p.wins_i as f64 + p.half_ties(),
            wins_j: p.wins_j as f64 + p.half_ties(),
        })
        .collect()
}

/// Picks the models that can be rated on one scale: all when a prior is used or the graph is
/// strongly connected; otherwise the unique largest strongly connected group (more models, then
/// more battles), or none when there is no unique largest group of two or more.
fn rated_members(n_models: usize, pairs: &[PairOutcomes], prior: f64) -> Vec<u32> {
    if prior > 0.0 {
        return (0..n_models as u32).collect();
    }
    let all: Vec<u32> = (0..n_models as u32).collect();
    let components = bt::components(n_models, &local_pairs(pairs, &all));
    if components.len() <= 1 {
        // No model at all, or one connected graph.
        return if n_models >= 2 { all } else { Vec::new() };
    }
    let mut component_of = vec![0usize; n_models];
    for (c, members) in components.iter().enumerate() {
        for &m in members {
            component_of[m as usize] = c;
        }
    }
    let mut inner_battles = vec![0u64; components.len()];
    for p in pairs {
        if component_of[p.i as usize] == component_of[p.j as usize] {
            inner_battles[component_of[p.i as usize]] += p.wins_i + p.wins_j + p.ties + p.both_bad;
        }
    }
    let key = |c: usize| (components[c].len(), inner_battles[c]);
    let best = (0..components.len()).max_by_key(|&c| key(c)).expect("at least two components");
    let unique = (0..components.len()).filter(|&c| key(c) == key(best)).count() == 1;
    if unique && components[best].len() >= 2 {
        components[best].clone()
    } else {
        Vec::new()
    }
}

fn fit_bradley_terry(set: &BattleSet, pairs: &[PairOutcomes], options: &Options) -> Rated {
    let n_models = set.models.len();
    let members = rated_members(n_models, pairs, options.prior);
    let mut local = vec![u32::MAX; n_models];
    for (k, &m) in members.iter().enumerate() {
        local[m as usize] = k as u32;
    }
    let mut rated = Rated { members, ratings: Vec::new(), rounds: Vec::new(), degenerate_rounds: 0, fit: None };
    if rated.members.is_empty() {
        return rated;
    }
    let m = rated.members.len();
    let counts = local_pairs(pairs, &local);
    let fit = bt::fit(m, &counts, options.prior, None);
    rated.fit = Some(FitSummary {
        iterations: fit.iterations,
        converged: fit.converged,
        tolerance: bt::TOLERANCE,
        max_iterations: bt::MAX_ITERATIONS,
    });
    rated.ratings = to_elo_scale(&fit.theta);
    if options.bootstrap == 0 {
        return rated;
    }
    // Cells: (pair, result) with a positive count; ties and both-bad share a cell.
    let rated_pairs: Vec<&PairOutcomes> =
        pairs.iter().filter(|p| local[p.i as usize] != u32::MAX && local[p.j as usize] != u32::MAX).collect();
    let mut cells: Vec<(usize, u8)> = Vec::new();
    let mut cell_counts: Vec<u64> = Vec::new();
    for (k, p) in rated_pairs.iter().enumerate() {
        for (result, count) in [(0u8, p.wins_i), (1, p.wins_j), (2, p.ties + p.both_bad)] {
            if count > 0 {
                cells.push((k, result));
                cell_counts.push(count);
            }
        }
    }
    let table = bootstrap::AliasTable::new(&cell_counts);
    let start = &fit.theta;
    let results = bootstrap::run_rounds(options.bootstrap, options.threads, |round| {
        let mut rng = Pcg32::new(options.seed, u64::from(round));
        let mut drawn = vec![0u32; cell_counts.len()];
        table.resample(&mut rng, &mut drawn);
        let mut resampled: Vec<PairCount> =
            rated_pairs.iter().map(|p| PairCount { i: local[p.i as usize], j: local[p.j as usize], wins_i: 0.0, wins_j: 0.0 }).collect();
        for (&(k, result), &count) in cells.iter().zip(&drawn) {
            let count = count as f64;
            match result {
                0 => resampled[k].wins_i += count,
                1 => resampled[k].wins_j += count,
                _ => {
                    resampled[k].wins_i += 0.5 * count;
                    resampled[k].wins_j += 0.5 * count;
                }
            }
        }
        resampled.retain(|p| p.wins_i + p.wins_j > 0.0);
        if options.prior <= 0.0 && !bt::has_finite_mle(m, &resampled) {
            return None;
        }
        let fit = bt::fit(m, &resampled, options.prior, Some(start));
        fit.converged.then(|| to_elo_scale(&fit.theta))
    });
    for result in results {
        match result {
            Some(ratings) => rated.rounds.push(ratings),
            None => rated.degenerate_rounds += 1,
        }
    }
    rated
}

fn fit_elo(set: &BattleSet, options: &Options) -> Rated {
    let n_models = set.models.len();
    let n_battles = set.battles.len();
    let ratings = elo::online_elo(n_models, &set.battles, 0..n_battles, options.k);
    let mut rated = Rated { members: (0..n_models as u32).collect(), ratings, rounds: Vec::new(), degenerate_rounds: 0, fit: None };
    if options.bootstrap > 0 && n_battles > 0 {
        // Each round replays N battles drawn with replacement, in the order drawn.
        rated.rounds = bootstrap::run_rounds(options.bootstrap, options.threads, |round| {
            let mut rng = Pcg32::new(options.seed, u64::from(round));
            let order: Vec<usize> = (0..n_battles).map(|_| rng.below(n_battles as u32) as usize).collect();
            elo::online_elo(n_models, &set.battles, order, options.k)
        });
    }
    rated
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

/// Notes why each model outside the rated group has no rating (Bradley–Terry only).
fn explain_unrated(rows: &mut [ModelRating], members: &[u32], pairs: &[PairOutcomes], notes: &mut Vec<String>) {
    let n_models = rows.len();
    let unrated: Vec<usize> = (0..n_models).filter(|m| members.binary_search(&(*m as u32)).is_err()).collect();
    if unrated.is_empty() {
        return;
    }
    let fix = "no finite maximum-likelihood rating exists (any number would be an artefact of the optimiser's stopping rule); --prior gives a finite one";
    let in_group: Vec<bool> = (0..n_models).map(|m| members.binary_search(&(m as u32)).is_ok()).collect();
    for &m in &unrated {
        let row = &rows[m];
        // Results against the rated group.
        let (mut won, mut lost) = (0u64, 0u64);
        for p in pairs {
            if p.i as usize == m && in_group[p.j as usize] {
                won += p.wins_i;
                lost += p.wins_j;
            } else if p.j as usize == m && in_group[p.i as usize] {
                won += p.wins_j;
                lost += p.wins_i;
            }
        }
        let what = if row.losses == 0 && row.ties == 0 {
            "never lost".to_owned()
        } else if row.wins == 0 && row.ties == 0 {
            "never won".to_owned()
        } else if members.is_empty() {
            "no group of models is linked by wins in both directions".to_owned()
        } else if won + lost == 0 {
            "never compared with the rated models (disconnected comparison graph)".to_owned()
        } else {
            "not linked to the rated models by wins in both directions (it only beat, or only lost to, the group they form)".to_owned()
        };
        rows[m].note = Some(format!("{what}: {fix}"));
    }
    if members.is_empty() {
        notes.push(format!("no model could be rated: {fix}"));
    } else {
        notes.push(format!("{} of {} models rated; see each unrated model's note", members.len(), n_models));
    }
}

fn win_matrix(models: &[String], pairs: &[PairOutcomes], order: &[usize]) -> WinMatrix {
    let n = models.len();
    let mut position = vec![0usize; n];
    for (k, &m) in order.iter().enumerate() {
        position[m] = k;
    }
    let mut wins = vec![vec![0u64; n]; n];
    let mut ties = vec![vec![0u64; n]; n];
    for p in pairs {
        let (a, b) = (position[p.i as usize], position[p.j as usize]);
        wins[a][b] += p.wins_i;
        wins[b][a] += p.wins_j;
        ties[a][b] += p.ties + p.both_bad;
        ties[b][a] += p.ties + p.both_bad;
    }
    WinMatrix { models: order.iter().map(|&m| models[m].clone()).collect(), wins, ties }
}

/// How to split judgments into separate leaderboards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// One leaderboard per per-output criterion, from the criterion's scores.
    Criterion,
    /// One leaderboard per value of the task's `meta.FIELD` (needs the task file).
    Meta(String),
}

/// One slice of judgments, as battles.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The criterion id or the meta value (`(missing)` when the item has no such field or is
    /// not in the task file).
    pub name: String,
    /// Its battles.
    pub battles: BattleSet,
}

/// Errors of [`slices`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SliceError {
    /// `By::Meta` without a task file.
    #[error("slicing by meta.{field} needs the task file (--tasks)")]
    MetaNeedsTasks {
        /// The meta field asked for.
        field: String,
    },
}

/// Splits judgments into slices, sorted by name. `By::Criterion` gives one slice per
/// criterion whose scores are per output (`{model: value}`) in some judgment.
pub fn slices(judgments: &[Judgment], tasks: Option<&[Task]>, by: &By) -> Result<Vec<Slice>, SliceError> {
    match by {
        By::Criterion => {
            let mut criteria = BTreeSet::new();
            for judgment in judgments {
                for (criterion, value) in judgment.scores.iter().flatten() {
                    if value.is_object() {
                        criteria.insert(criterion.clone());
                    }
                }
            }
            Ok(criteria
                .into_iter()
                .map(|criterion| {
                    let battles = BattleSet::from_criterion(judgments, &criterion);
                    Slice { name: criterion, battles }
                })
                .collect())
        }
        By::Meta(field) => {
            let tasks = tasks.ok_or_else(|| SliceError::MetaNeedsTasks { field: field.clone() })?;
            let by_id: HashMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
            let mut groups: BTreeMap<String, Vec<Judgment>> = BTreeMap::new();
            for judgment in judgments {
                let value = by_id.get(judgment.item_id.as_str()).and_then(|t| t.meta.get(field));
                let name = match value {
                    None | Some(Value::Null) => "(missing)".to_owned(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                };
                groups.entry(name).or_default().push(judgment.clone());
            }
            Ok(groups
                .into_iter()
                .map(|(name, judgments)| Slice { battles: BattleSet::from_judgments(&judgments, Some(tasks)), name })
                .collect())
        }
    }
}

#[cfg(test)]
mod tests;
