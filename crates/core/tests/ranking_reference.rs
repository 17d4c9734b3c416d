//! Bradley–Terry ratings against independent implementations, from the committed fixtures in
//! `tests/reference/ranking/` (made by `make_fixtures.py`, which names each source):
//! scikit-learn's logistic regression as in Chatbot Arena's notebook (duplicated design, ties as
//! half, `fit_intercept=False`, C = 1e8) and choix's `ilsr_pairwise_dense` (ties as half).
//! Tolerance: 0.5 Elo point per model, as the issue asks; the order must be the same.

use serde_json::Value;
use verdict_core::ranking::{bias, leaderboard_from_battles, Battle, BattleSet, Leaderboard, Options, Outcome};

const TOLERANCE_ELO: f64 = 0.5;

fn fixture(name: &str) -> Value {
    let path = format!("{}/../../tests/reference/ranking/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture committed")).expect("fixture is JSON")
}

fn battle_set(fixture: &Value) -> BattleSet {
    let models: Vec<String> = fixture["models"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_owned()).collect();
    let mut sorted = models.clone();
    sorted.sort();
    assert_eq!(models, sorted, "fixture models are listed in sorted order, as BattleSet keeps them");
    let battles = fixture["battles"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(k, b)| Battle {
            first: b[0].as_u64().unwrap() as u32,
            second: b[1].as_u64().unwrap() as u32,
            outcome: match b[2].as_u64().unwrap() {
                0 => Outcome::FirstWins,
                1 => Outcome::SecondWins,
                2 => Outcome::Tie,
                _ => Outcome::BothBad,
            },
            positioned: true,
            annotator: 0,
            item: k as u32,
        })
        .collect::<Vec<_>>();
    BattleSet {
        models,
        annotators: vec!["fixture".into()],
        items: (0..battles.len()).map(|k| k.to_string()).collect(),
        battles,
        ..BattleSet::default()
    }
}

/// Checks every model's rating against `fixture[source]` and the order of the two lists.
fn check(board: &Leaderboard, fixture: &Value, source: &str) {
    let expected = fixture[source].as_object().unwrap();
    assert_eq!(board.models.len(), expected.len());
    for row in &board.models {
        let want = expected[&row.model].as_f64().unwrap();
        let got = row.rating.expect("every model is rated");
        assert!((got - want).abs() <= TOLERANCE_ELO, "{}: {source} {want}, verdict {got}", row.model);
    }
    let mut by_reference: Vec<(&String, f64)> = expected.iter().map(|(m, r)| (m, r.as_f64().unwrap())).collect();
    by_reference.sort_by(|a, b| b.1.total_cmp(&a.1));
    let ours: Vec<&String> = board.models.iter().map(|r| &r.model).collect();
    let theirs: Vec<&String> = by_reference.iter().map(|(m, _)| *m).collect();
    assert_eq!(ours, theirs, "same order as {source}");
}

#[test]
fn hand_tournament_matches_sklearn_and_choix() {
    let fixture = fixture("hand_tournament.json");
    let board = leaderboard_from_battles(&battle_set(&fixture), &Options::default());
    assert!(board.fit.as_ref().unwrap().converged);
    check(&board, &fixture, "sklearn");
    check(&board, &fixture, "choix");
}

#[test]
fn synthetic_arena_matches_sklearn_and_choix() {
    let fixture = fixture("synthetic_arena.json");
    let set = battle_set(&fixture);
    assert_eq!(set.battles.len(), 20_000);
    let board = leaderboard_from_battles(&set, &Options::default());
    check(&board, &fixture, "sklearn");
    check(&board, &fixture, "choix");
}

#[test]
fn real_mtbench_judgments_match_sklearn_and_choix() {
    let fixture = fixture("mtbench.json");
    let path = format!("{}/../../www/demo/mtbench-judgments/judgments.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = verdict_core::read::load_judgments("judgments.jsonl", &text);
    let board = verdict_core::ranking::leaderboard(&loaded.records, &Options::default());
    assert_eq!(board.n_battles, fixture["n_battles"].as_u64().unwrap());
    check(&board, &fixture, "sklearn");
    check(&board, &fixture, "choix");
}

#[test]
fn binomial_p_values_match_scipy() {
    let fixture = fixture("binomtest.json");
    for case in fixture["cases"].as_array().unwrap() {
        let (k, n) = (case["k"].as_u64().unwrap(), case["n"].as_u64().unwrap());
        let want = case["p_value"].as_f64().unwrap();
        let got = bias::binomial_two_sided_half(k, n).unwrap();
        // Relative tolerance 1e-9: both sum the same exact tail in floating point.
        assert!((got - want).abs() <= 1e-9 * want.max(1e-300), "k={k} n={n}: scipy {want}, verdict {got}");
    }
}

#[test]
fn bias_checks_on_the_synthetic_arena_find_no_position_bias() {
    // The generator draws sides at random, so the first-shown win rate is ½ up to noise.
    let set = battle_set(&fixture("synthetic_arena.json"));
    let report = bias::bias(&set, None);
    let overall = &report.overall;
    assert_eq!(overall.battles, 20_000);
    assert!((overall.first_shown_win_rate.unwrap() - 0.5).abs() < 0.02, "{overall:?}");
    assert!(overall.position_p_value.unwrap() > 0.001);
    assert!((overall.tie_rate.unwrap() - 0.15).abs() < 0.01 && (overall.both_bad_rate.unwrap() - 0.03).abs() < 0.005);
    assert!(overall.length.is_none() && overall.note.as_deref().unwrap().contains("--tasks"));
}
