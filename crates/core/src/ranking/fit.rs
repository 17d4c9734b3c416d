//! Fitting a leaderboard's ratings: outcomes per model pair, the rated models, Bradley–Terry
//! (with its prior) or online Elo, and why a model stays unrated.

use std::collections::HashMap;

use super::bt::{self, PairCount};
use super::*;

/// Per unordered pair (i < j): wins of i, wins of j, ties, both-bad.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct PairOutcomes {
    pub(super) i: u32,
    pub(super) j: u32,
    pub(super) wins_i: u64,
    pub(super) wins_j: u64,
    pub(super) ties: u64,
    pub(super) both_bad: u64,
}

impl PairOutcomes {
    fn half_ties(&self) -> f64 {
        0.5 * (self.ties + self.both_bad) as f64
    }
}

/// Counts outcomes per unordered pair, sorted by (i, j).
pub(super) fn pair_outcomes(set: &BattleSet) -> Vec<PairOutcomes> {
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
pub(super) struct Rated {
    /// Global model ids that get a rating, ascending.
    pub(super) members: Vec<u32>,
    /// Their ratings, aligned with `members`.
    pub(super) ratings: Vec<f64>,
    /// Their bootstrap ratings per round (rounds × members), degenerate rounds left out.
    pub(super) rounds: Vec<Vec<f64>>,
    pub(super) degenerate_rounds: u32,
    pub(super) fit: Option<FitSummary>,
}

pub(super) fn to_elo_scale(theta: &[f64]) -> Vec<f64> {
    theta.iter().map(|t| MEAN_RATING + ELO_PER_LOGIT * t).collect()
}

/// The Bradley–Terry pair counts among `members` (global ids), in local indices.
pub(super) fn local_pairs(pairs: &[PairOutcomes], local: &[u32]) -> Vec<PairCount> {
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
pub(super) fn rated_members(n_models: usize, pairs: &[PairOutcomes], prior: f64) -> Vec<u32> {
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

pub(super) fn fit_bradley_terry(set: &BattleSet, pairs: &[PairOutcomes], options: &Options) -> Rated {
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

pub(super) fn fit_elo(set: &BattleSet, options: &Options) -> Rated {
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

/// Notes why each model outside the rated group has no rating (Bradley–Terry only).
pub(super) fn explain_unrated(rows: &mut [ModelRating], members: &[u32], pairs: &[PairOutcomes], notes: &mut Vec<String>) {
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

pub(super) fn win_matrix(models: &[String], pairs: &[PairOutcomes], order: &[usize]) -> WinMatrix {
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
