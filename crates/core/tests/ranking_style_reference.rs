//! Style-controlled Bradley–Terry and sandwich intervals against lmarena's arena-rank 0.1.1
//! (PyPI `arena-rank`, JAX 0.8.1; versions recorded in the fixture), on the seeded synthetic
//! Arena battles of `tests/reference/ranking-style/make_fixtures.py`.
//!
//! The committed fixtures are checked by default; `make test-reference` regenerates them with the
//! installed package into `target/` and points `VERDICT_STYLE_FIXTURES` at that directory.
//!
//! Tolerances (and why):
//! - ratings and interval ends: 1e-6 Elo. Both sides minimise the same convex loss to a
//!   gradient below ~1e-12 (Newton here, L-BFGS with gtol 1e-12 there), so the optima agree
//!   to ~1e-10 log-odds; 1e-6 Elo leaves room for the different summation orders.
//! - coefficients 1e-9 and their standard errors 1e-7 relative, for the same reason.
//! - the arena-rank defaults (ftol = gtol = 1e-9) stop earlier; the fixture keeps those ratings
//!   too, and they lie within 0.01 Elo of ours (1.1e-3 measured).
//! - measured (arena-rank 0.1.1): ratings 6e-10 Elo, interval ends 6e-8 Elo, coefficients 2e-13,
//!   standard errors 5e-13 relative.
//! - covariates: both of Verdict's sources (the Arena rows' `conv_metadata`, and counts computed
//!   from the answers through the task file) must give the same fit, which checks the Markdown
//!   counting against arena-hard-auto's regular expressions on every answer of the fixture.

use std::path::PathBuf;

use serde_json::Value;
use verdict_core::ranking::contextual::{Interval, Weighting};
use verdict_core::ranking::controlled::{
    battle_covariates, conv_metadata_counts, sandwich_intervals, style_control, StyleControl, StyleOptions,
};
use verdict_core::ranking::style::Source;
use verdict_core::ranking::{leaderboard_from_battles, BattleSet, Leaderboard, Options};
use verdict_core::read::read_texts;
use verdict_core::task::load_tasks;

fn fixtures() -> (String, Value) {
    let dir = std::env::var_os("VERDICT_STYLE_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/reference/ranking-style"));
    let battles = std::fs::read_to_string(dir.join("battles.jsonl")).expect("battles.jsonl");
    let expected = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).expect("expected.json")).expect("JSON");
    (battles, expected)
}

fn numbers(value: &Value) -> Vec<f64> {
    value.as_array().expect("an array").iter().map(|v| v.as_f64().expect("a number")).collect()
}

fn close(what: &str, got: f64, want: f64, tolerance: f64) {
    assert!((got - want).abs() <= tolerance, "{what}: Verdict {got} vs arena-rank {want} (|Δ| = {:e} > {tolerance:e})", (got - want).abs());
}

fn fit(source: Source) -> (StyleControl, Leaderboard, BattleSet) {
    let (text, _) = fixtures();
    let input = read_texts(&[("battles.jsonl", text.as_str())]);
    assert!(input.problems.is_empty(), "{:?}", input.problems.first());
    let tasks = load_tasks("battles.jsonl", &text);
    assert!(tasks.problems.is_empty());
    let set = BattleSet::from_judgments(&input.judgments, None);
    let raw = leaderboard_from_battles(&set, &Options::default());
    let tasks = (source == Source::Tasks).then_some(tasks.records.as_slice());
    let counts: Vec<_> = input.judgments.iter().map(conv_metadata_counts).collect();
    let covariates = battle_covariates(&set, source, &input.judgments, &counts, tasks);
    let controlled = style_control(&set, &covariates, &raw, source, &StyleOptions::default());
    (controlled, raw, set)
}

fn check_style(controlled: &StyleControl, expected: &Value) {
    let style = &expected["style"];
    assert_eq!(controlled.skipped.len(), 0, "{:?}", controlled.skipped);
    assert_eq!(controlled.n_battles, expected["n_battles"].as_u64().unwrap());
    assert!(controlled.converged);
    let names: Vec<&str> = style["competitors"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let (ratings, lower, upper) = (numbers(&style["ratings"]), numbers(&style["rating_lower"]), numbers(&style["rating_upper"]));
    let default_ratings = numbers(&style["default_tolerance_ratings"]);
    for (k, name) in names.iter().enumerate() {
        let model = controlled.models.iter().find(|m| m.model == *name).expect("every competitor is rated");
        close(&format!("{name} rating"), model.rating, ratings[k], 1e-6);
        close(&format!("{name} ci_low"), model.ci_low.unwrap(), lower[k], 1e-6);
        close(&format!("{name} ci_high"), model.ci_high.unwrap(), upper[k], 1e-6);
        close(&format!("{name} rating vs arena-rank's default tolerances"), model.rating, default_ratings[k], 1e-2);
    }
    let (coeffs, se) = (numbers(&style["coeffs"]), numbers(&style["coeff_se"]));
    let (low, high) = (numbers(&style["coeff_lower"]), numbers(&style["coeff_upper"]));
    for (f, coefficient) in controlled.coefficients.iter().enumerate() {
        close(&format!("{} coefficient", coefficient.name), coefficient.value, coeffs[f], 1e-9);
        close(&format!("{} se", coefficient.name), coefficient.se.unwrap(), se[f], 1e-7 * se[f]);
        close(&format!("{} ci_low", coefficient.name), coefficient.ci_low.unwrap(), low[f], 1e-8);
        close(&format!("{} ci_high", coefficient.name), coefficient.ci_high.unwrap(), high[f], 1e-8);
    }
}

#[test]
fn style_control_from_conv_metadata_matches_arena_rank() {
    let (_, expected) = fixtures();
    check_style(&fit(Source::ConvMetadata).0, &expected);
}

#[test]
fn style_control_from_the_answers_matches_arena_rank() {
    let (_, expected) = fixtures();
    check_style(&fit(Source::Tasks).0, &expected);
}

#[test]
fn plain_bradley_terry_sandwich_intervals_match_arena_rank() {
    let (_, expected) = fixtures();
    let (_, mut raw, set) = fit(Source::ConvMetadata);
    sandwich_intervals(&mut raw, &set, 1e-5, 0.95);
    let reference = &expected["raw"];
    let (ratings, lower, upper) =
        (numbers(&reference["ratings"]), numbers(&reference["rating_lower"]), numbers(&reference["rating_upper"]));
    for (k, name) in reference["competitors"].as_array().unwrap().iter().enumerate() {
        let model = raw.models.iter().find(|m| m.model == name.as_str().unwrap()).unwrap();
        close(&format!("{name} raw rating"), model.rating.unwrap(), ratings[k], 1e-6);
        close(&format!("{name} raw ci_low"), model.ci_low.unwrap(), lower[k], 1e-6);
        close(&format!("{name} raw ci_high"), model.ci_high.unwrap(), upper[k], 1e-6);
    }
}

#[test]
fn bootstrap_intervals_are_seeded_and_near_the_sandwich() {
    let (text, _) = fixtures();
    let input = read_texts(&[("battles.jsonl", text.as_str())]);
    let set = BattleSet::from_judgments(&input.judgments, None);
    let raw = leaderboard_from_battles(&set, &Options::default());
    let counts: Vec<_> = input.judgments.iter().map(conv_metadata_counts).collect();
    let covariates = battle_covariates(&set, Source::ConvMetadata, &input.judgments, &counts, None);
    let options = StyleOptions { interval: Interval::Bootstrap { rounds: 200, seed: 3 }, threads: 2, ..StyleOptions::default() };
    let first = style_control(&set, &covariates, &raw, Source::ConvMetadata, &options);
    let again = style_control(&set, &covariates, &raw, Source::ConvMetadata, &StyleOptions { threads: 1, ..options });
    assert_eq!(first, again, "same seed, any thread count: same intervals");
    let sandwich = style_control(&set, &covariates, &raw, Source::ConvMetadata, &StyleOptions::default());
    for (boot, sand) in first.models.iter().zip(&sandwich.models) {
        assert_eq!(boot.model, sand.model);
        let (boot_width, sand_width) = (boot.ci_high.unwrap() - boot.ci_low.unwrap(), sand.ci_high.unwrap() - sand.ci_low.unwrap());
        // 200 percentile rounds estimate a width to about ±10%; the sandwich is asymptotic.
        assert!((boot_width / sand_width - 1.0).abs() < 0.3, "{}: bootstrap {boot_width} vs sandwich {sand_width}", boot.model);
    }
    let unweighted =
        style_control(&set, &covariates, &raw, Source::ConvMetadata, &StyleOptions { weighting: Weighting::Unweighted, ..options });
    assert_eq!(unweighted.min_pair_count, None);
}
