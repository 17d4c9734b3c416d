//! Property tests of the agreement coefficients: values in range, symmetric under swapping
//! annotators, invariant under reordering items, and 1 under perfect agreement.

use proptest::prelude::*;
use verdict_core::agreement::{evaluate, AgreementResult, Level, LevelSource, Metric, Options, Ratings, Weights};

const TOLERANCE: f64 = 1e-9;

/// Units × raters tables of 1..=5 with about a quarter missing.
fn table(max_raters: usize) -> impl Strategy<Value = Vec<Vec<Option<f64>>>> {
    (2..=max_raters).prop_flat_map(|raters| {
        prop::collection::vec(
            prop::collection::vec(prop_oneof![1 => Just(None), 3 => (1u8..=5).prop_map(|v| Some(f64::from(v)))], raters),
            2..30,
        )
    })
}

fn all(rows: &[Vec<Option<f64>>], level: Level, weights: Weights) -> Vec<AgreementResult> {
    let options = Options { metrics: Metric::ALL.to_vec(), weights, ..Options::default() };
    evaluate("c", &Ratings::from_numbers(rows, &[1.0, 2.0, 3.0, 4.0, 5.0]), level, LevelSource::Flag, &options)
}

fn same(a: &[AgreementResult], b: &[AgreementResult]) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        match (x.value, y.value) {
            (Some(p), Some(q)) => prop_assert!((p - q).abs() <= TOLERANCE, "{:?}/{:?}: {} vs {}", x.metric, x.form, p, q),
            (p, q) => prop_assert_eq!(p, q, "{:?}", x.metric),
        }
    }
    Ok(())
}

const LEVELS: [Level; 4] = [Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio];
const WEIGHTS: [Weights; 3] = [Weights::None, Weights::Linear, Weights::Quadratic];

proptest! {
    #[test]
    fn coefficients_stay_in_range_and_are_never_nan(rows in table(5), level in 0usize..4, weights in 0usize..3) {
        for result in all(&rows, LEVELS[level], WEIGHTS[weights]) {
            let Some(value) = result.value else {
                prop_assert!(result.note.is_some(), "undefined without a note: {:?}", result.metric);
                continue;
            };
            prop_assert!(value.is_finite());
            prop_assert!(value <= 1.0 + TOLERANCE, "{:?} = {}", result.metric, value);
            match result.metric {
                Metric::PercentAgreement => prop_assert!(value >= -TOLERANCE),
                // Unweighted: p_e ≤ 1/2 for these, so the value is ≥ −1. Weighted chance agreement
                // can exceed 1/2 and push the value below −1; that is the formula, not a bug.
                Metric::CohenKappa | Metric::GwetAc1 | Metric::BrennanPrediger if weights == 0 => prop_assert!(value >= -1.0 - TOLERANCE, "{:?} = {}", result.metric, value),
                Metric::Pabak => prop_assert!(value >= -1.0 - TOLERANCE, "{:?} = {}", result.metric, value),
                _ => {}
            }
            if let Some(se) = result.se {
                prop_assert!(se.is_finite() && se >= 0.0);
            }
        }
    }

    #[test]
    fn swapping_annotators_changes_nothing(rows in table(5), level in 0usize..4, weights in 0usize..3) {
        let reversed: Vec<Vec<Option<f64>>> = rows.iter().map(|r| r.iter().rev().copied().collect()).collect();
        same(&all(&rows, LEVELS[level], WEIGHTS[weights]), &all(&reversed, LEVELS[level], WEIGHTS[weights]))?;
    }

    #[test]
    fn reordering_items_changes_nothing(rows in table(4), seed in any::<u64>(), level in 0usize..4) {
        let mut shuffled = rows.clone();
        let mut rng = verdict_core::rng::Pcg32::new(seed, 3);
        rng.shuffle(&mut shuffled);
        same(&all(&rows, LEVELS[level], Weights::Linear), &all(&shuffled, LEVELS[level], Weights::Linear))?;
    }

    #[test]
    fn perfect_agreement_gives_one(truth in prop::collection::vec(1u8..=5, 2..25), raters in 2usize..5, level in 0usize..4) {
        prop_assume!(truth.iter().any(|&t| t != truth[0]));
        let rows: Vec<Vec<Option<f64>>> = truth.iter().map(|&t| vec![Some(f64::from(t)); raters]).collect();
        for result in all(&rows, LEVELS[level], Weights::Quadratic) {
            if (result.metric == Metric::CohenKappa || result.metric == Metric::Pabak) && raters != 2 {
                prop_assert!(result.value.is_none());
                continue;
            }
            let value = result.value.unwrap_or_else(|| panic!("{:?} undefined: {:?}", result.metric, result.note));
            prop_assert!((value - 1.0).abs() <= TOLERANCE, "{:?}/{:?} = {}", result.metric, result.form, value);
        }
    }

    #[test]
    fn bootstrap_is_deterministic_and_brackets_the_estimate_loosely(rows in table(4), seed in any::<u64>()) {
        let options = Options { metrics: vec![Metric::KrippendorffAlpha, Metric::GwetAc1], bootstrap: 50, seed, ..Options::default() };
        let ratings = Ratings::from_numbers(&rows, &[]);
        let first = evaluate("c", &ratings, Level::Interval, LevelSource::Flag, &options);
        let second = evaluate("c", &ratings, Level::Interval, LevelSource::Flag, &options);
        prop_assert_eq!(&first, &second);
        for result in &first {
            if let (Some(low), Some(high)) = (result.ci_low, result.ci_high) {
                prop_assert!(low <= high);
            }
        }
    }
}

#[test]
fn undefined_cases_are_null_with_a_note_never_nan() {
    let cases: [(&str, Vec<Vec<Option<f64>>>); 4] = [
        ("empty", vec![]),
        ("single rater", vec![vec![Some(1.0)], vec![Some(2.0)]]),
        ("nothing pairable", vec![vec![Some(1.0), None], vec![None, Some(2.0)]]),
        ("no variation", vec![vec![Some(3.0), Some(3.0)], vec![Some(3.0), Some(3.0)]]),
    ];
    for (name, rows) in cases {
        for result in all(&rows, Level::Interval, Weights::None) {
            let defined_anyway = name == "no variation"
                && matches!(result.metric, Metric::PercentAgreement | Metric::GwetAc1 | Metric::BrennanPrediger | Metric::Pabak);
            if defined_anyway {
                continue;
            }
            assert!(result.value.is_none(), "{name}: {:?} = {:?}", result.metric, result.value);
            assert!(result.note.is_some(), "{name}: {:?} has no note", result.metric);
        }
    }
}
