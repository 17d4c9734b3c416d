//! Property tests of the leaderboard (proptest): invariances Bradley–Terry must have, and the
//! honest handling of models with no finite rating. Tolerance: 1e-6 Elo points for ratings
//! that must be equal (the Newton fit stops at 1e-10 natural-log units ≈ 2e-8 Elo).

use proptest::prelude::*;
use verdict_core::ranking::{leaderboard_from_battles, Battle, BattleSet, Leaderboard, Options, Outcome};

const EQUAL_ELO: f64 = 1e-6;

/// A round robin on `n` models: per pair (first wins, second wins, ties), then the battles in a
/// fixed interleaved order.
fn tournament(n: usize, results: &[(u32, u32, u32)]) -> BattleSet {
    let mut battles = Vec::new();
    let mut k = 0;
    for i in 0..n as u32 {
        for j in i + 1..n as u32 {
            let (wins_i, wins_j, ties) = results[k];
            k += 1;
            let outcomes = std::iter::repeat_n(Outcome::FirstWins, wins_i as usize)
                .chain(std::iter::repeat_n(Outcome::SecondWins, wins_j as usize))
                .chain(std::iter::repeat_n(Outcome::Tie, ties as usize));
            for outcome in outcomes {
                battles.push(Battle { first: i, second: j, outcome, positioned: true, annotator: 0, item: 0 });
            }
        }
    }
    BattleSet {
        models: (0..n).map(|m| format!("model-{m}")).collect(),
        annotators: vec!["a".into()],
        items: ["i"].into_iter().collect(),
        battles,
        ..BattleSet::default()
    }
}

fn results_strategy(min_wins: u32) -> impl Strategy<Value = (usize, Vec<(u32, u32, u32)>)> {
    (3usize..=6).prop_flat_map(move |n| {
        let pairs = n * (n - 1) / 2;
        (Just(n), prop::collection::vec((min_wins..40u32, min_wins..40u32, 0u32..6), pairs))
    })
}

fn rating_of(board: &Leaderboard, model: &str) -> f64 {
    board.models.iter().find(|r| r.model == model).and_then(|r| r.rating).expect("model is rated")
}

fn interval_width(board: &Leaderboard) -> f64 {
    board.models.iter().map(|r| r.ci_high.unwrap() - r.ci_low.unwrap()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn relabelling_models_permutes_ratings((n, results) in results_strategy(1), seed in any::<u64>()) {
        let set = tournament(n, &results);
        // A permutation of model ids from the seed; names travel with their models.
        let mut permutation: Vec<u32> = (0..n as u32).collect();
        verdict_core::rng::Pcg32::new(seed, 0).shuffle(&mut permutation);
        let mut relabelled = set.clone();
        for battle in &mut relabelled.battles {
            battle.first = permutation[battle.first as usize];
            battle.second = permutation[battle.second as usize];
        }
        for (old, &new) in permutation.iter().enumerate() {
            relabelled.models[new as usize] = set.models[old].clone();
        }
        let (a, b) = (leaderboard_from_battles(&set, &Options::default()), leaderboard_from_battles(&relabelled, &Options::default()));
        for row in &a.models {
            prop_assert!((row.rating.unwrap() - rating_of(&b, &row.model)).abs() < EQUAL_ELO);
        }
    }

    #[test]
    fn swapping_sides_of_every_battle_changes_nothing((n, results) in results_strategy(1)) {
        let set = tournament(n, &results);
        let mut swapped = set.clone();
        for battle in &mut swapped.battles {
            std::mem::swap(&mut battle.first, &mut battle.second);
            battle.outcome = battle.outcome.swapped();
        }
        let options = Options { bootstrap: 20, seed: 3, ..Options::default() };
        let (a, b) = (leaderboard_from_battles(&set, &options), leaderboard_from_battles(&swapped, &options));
        for (x, y) in a.models.iter().zip(&b.models) {
            prop_assert_eq!(&x.model, &y.model);
            prop_assert!((x.rating.unwrap() - y.rating.unwrap()).abs() < EQUAL_ELO);
            // Same outcome cells, same seed: the same resamples.
            prop_assert!((x.ci_low.unwrap() - y.ci_low.unwrap()).abs() < EQUAL_ELO);
            prop_assert!((x.ci_high.unwrap() - y.ci_high.unwrap()).abs() < EQUAL_ELO);
            prop_assert_eq!((x.wins, x.losses, x.ties), (y.wins, y.losses, y.ties));
        }
    }

    #[test]
    fn all_ties_give_equal_ratings(n in 2usize..7, ties in 1u32..10) {
        let pairs = n * (n - 1) / 2;
        let set = tournament(n, &vec![(0, 0, ties); pairs]);
        let board = leaderboard_from_battles(&set, &Options::default());
        for row in &board.models {
            prop_assert!((row.rating.unwrap() - 1000.0).abs() < EQUAL_ELO, "{:?}", row);
        }
    }

    #[test]
    fn a_model_that_never_loses_is_reported_not_rated((n, results) in results_strategy(1)) {
        let mut results = results;
        // Model 0 is first in its first n − 1 pairs: it wins them all, never ties.
        for r in results.iter_mut().take(n - 1) {
            *r = (r.0.max(1), 0, 0);
        }
        let board = leaderboard_from_battles(&tournament(n, &results), &Options::default());
        let undefeated = board.models.iter().find(|r| r.model == "model-0").unwrap();
        prop_assert_eq!(undefeated.rating, None);
        prop_assert!(undefeated.note.as_deref().unwrap().starts_with("never lost"));
        prop_assert_eq!(undefeated.losses, 0);
        // The others still form a group linked both ways, so they are rated (mean 1000).
        let rated: Vec<f64> = board.models.iter().filter_map(|r| r.rating).collect();
        prop_assert_eq!(rated.len(), n - 1);
        prop_assert!((rated.iter().sum::<f64>() / rated.len() as f64 - 1000.0).abs() < 1e-6);
        // With a prior every model gets a finite rating, the undefeated one on top.
        let with_prior = leaderboard_from_battles(&tournament(n, &results), &Options { prior: 1.0, ..Options::default() });
        prop_assert_eq!(&with_prior.models[0].model, "model-0");
        prop_assert!(with_prior.models.iter().all(|r| r.rating.is_some_and(f64::is_finite)));
    }
}

proptest! {
    // Bootstrap properties cost 2 × 200 rounds per case.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn duplicating_every_battle_keeps_ratings_and_narrows_intervals((n, results) in results_strategy(5), seed in any::<u64>()) {
        let set = tournament(n, &results);
        let mut doubled = set.clone();
        doubled.battles.extend(set.battles.iter().copied());
        let options = Options { bootstrap: 200, seed, ..Options::default() };
        let (a, b) = (leaderboard_from_battles(&set, &options), leaderboard_from_battles(&doubled, &options));
        for row in &a.models {
            prop_assert!((row.rating.unwrap() - rating_of(&b, &row.model)).abs() < EQUAL_ELO);
        }
        // Expected ratio of widths is 1/√2 ≈ 0.71; 0.9 leaves room for Monte Carlo noise.
        let (wide, narrow) = (interval_width(&a), interval_width(&b));
        prop_assert!(narrow < 0.9 * wide, "doubled {narrow} vs original {wide}");
    }
}
