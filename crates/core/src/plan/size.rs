//! Sample-size planning, by seeded simulation with the same estimators the analyses use:
//! - [`alpha_items`]: items for Krippendorff's α to reach a 95% CI half-width `w`
//!   ([`crate::agreement`]'s α and percentile bootstrap);
//! - [`accuracy_items`]: gold items for accuracy ± `w` ([`crate::stats::wilson`]);
//! - [`bt_battles`]: battles for Bradley–Terry to separate two models `d` Elo apart with the
//!   given power ([`crate::ranking::bt::fit`]).
//!
//! Simulation model for α: each item has a true category drawn uniformly from `categories`;
//! each rater reports it with probability `π` and otherwise a uniformly drawn category. Two
//! ratings then agree beyond chance with α = π² (any level: the noise is independent of the true
//! value and has its distribution), so `π = √α`. Formulas and checks: docs/METRICS.md, "Sample sizes".

use serde::Serialize;

use crate::agreement::{evaluate, Level, LevelSource, Metric, Options, Rating, Ratings, Scale};
use crate::ranking::bt::{fit, PairCount};
use crate::rng::Pcg32;
use crate::stats::{normal_quantile, wilson};

/// Largest sample size a planner searches (items or battles).
pub const MAX_N: u64 = 10_000_000;

/// Why a size cannot be planned.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SizeError {
    /// A parameter is out of range.
    OutOfRange {
        /// The parameter's name (the CLI flag without dashes).
        parameter: &'static str,
        /// The value given.
        value: f64,
    },
    /// More than [`MAX_N`] would be needed.
    TooLarge,
}

/// Inputs of [`alpha_items`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlphaPlan {
    /// Level of measurement.
    pub level: Level,
    /// Categories of the scale (2 or more; values 1..=categories).
    pub categories: u32,
    /// Raters per item (2 or more).
    pub raters_per_item: u32,
    /// Expected α (0 < α < 1).
    pub expected_alpha: f64,
    /// Target half-width of the 95% CI.
    pub half_width: f64,
    /// Simulated data sets per candidate size.
    pub replications: u32,
    /// Bootstrap resamples per data set.
    pub bootstrap: u32,
    /// Seed.
    pub seed: u64,
}

/// A planned size with what the simulation saw at it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SizeAnswer {
    /// The size: items, gold items or battles.
    pub n: u64,
    /// Mean CI half-width at `n` (α and accuracy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half_width: Option<f64>,
    /// Share of simulated campaigns that separated the models (Bradley–Terry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power: Option<f64>,
}

fn check(parameter: &'static str, value: f64, ok: bool) -> Result<(), SizeError> {
    if ok && value.is_finite() {
        Ok(())
    } else {
        Err(SizeError::OutOfRange { parameter, value })
    }
}

/// Mean bootstrap half-width of α over `replications` simulated data sets of `n_items` items.
pub fn alpha_half_width(plan: &AlphaPlan, n_items: u64) -> Option<f64> {
    let mut rng = Pcg32::new(plan.seed, n_items);
    let scale = Scale::numbers((1..=plan.categories).map(f64::from));
    let pi = plan.expected_alpha.sqrt();
    let options = Options { metrics: vec![Metric::KrippendorffAlpha], bootstrap: plan.bootstrap, seed: plan.seed, ..Options::default() };
    let mut total = 0.0;
    let mut counted = 0;
    for _ in 0..plan.replications {
        let units = (0..n_items).map(|_| {
            let truth = rng.below(plan.categories);
            (0..plan.raters_per_item)
                .map(|rater| (rater, if rng.unit_f64() < pi { truth } else { rng.below(plan.categories) }))
                .collect::<Vec<Rating>>()
        });
        let ratings = Ratings::from_units(scale.clone(), units);
        let result = &evaluate("size", &ratings, plan.level, LevelSource::Flag, &options)[0];
        if let (Some(low), Some(high)) = (result.ci_low, result.ci_high) {
            total += (high - low) / 2.0;
            counted += 1;
        }
    }
    (counted > 0).then(|| total / f64::from(counted))
}

/// Items needed for α's 95% CI half-width to be at most `half_width` on average.
///
/// Search: the half-width falls as `1/√n`, so from a pilot size the size is rescaled by
/// `(observed / wanted)²` twice, then stepped up by 5% until the simulated half-width meets the
/// target (at most 20 steps). Cost: a few × `replications × (n × raters + bootstrap × patterns)`.
pub fn alpha_items(plan: &AlphaPlan) -> Result<SizeAnswer, SizeError> {
    check("categories", f64::from(plan.categories), (2..=100).contains(&plan.categories))?;
    check("raters", f64::from(plan.raters_per_item), (2..=50).contains(&plan.raters_per_item))?;
    check("alpha", plan.expected_alpha, plan.expected_alpha > 0.0 && plan.expected_alpha < 1.0)?;
    check("width", plan.half_width, plan.half_width > 0.0 && plan.half_width < 1.0)?;
    check("replications", f64::from(plan.replications), (1..=10_000).contains(&plan.replications))?;
    check("bootstrap", f64::from(plan.bootstrap), (50..=100_000).contains(&plan.bootstrap))?;
    let mut n: u64 = 100;
    for _ in 0..2 {
        let observed = alpha_half_width(plan, n).ok_or(SizeError::TooLarge)?;
        n = ((n as f64) * (observed / plan.half_width).powi(2)).ceil().max(10.0) as u64;
        if n > MAX_N {
            return Err(SizeError::TooLarge);
        }
    }
    for _ in 0..20 {
        let observed = alpha_half_width(plan, n).ok_or(SizeError::TooLarge)?;
        if observed <= plan.half_width {
            return Ok(SizeAnswer { n, half_width: Some(observed), power: None });
        }
        n = (n as f64 * 1.05).ceil() as u64;
    }
    Err(SizeError::TooLarge)
}

/// Expected Wilson half-width at `n` gold items with true accuracy `accuracy`:
/// `Σₓ Binom(x; n, p) · hw(x)`, summed exactly over the binomial (no simulation noise).
pub fn accuracy_half_width(accuracy: f64, n: u64, confidence: f64) -> f64 {
    let (ln_p, ln_q) = (accuracy.ln(), (1.0 - accuracy).ln());
    let ln_n_fact = crate::stats::special::ln_gamma(n as f64 + 1.0);
    (0..=n)
        .map(|x| {
            let (xf, rest) = (x as f64, (n - x) as f64);
            let ln_pmf = ln_n_fact - crate::stats::special::ln_gamma(xf + 1.0) - crate::stats::special::ln_gamma(rest + 1.0)
                + if x > 0 { xf * ln_p } else { 0.0 }
                + if x < n { rest * ln_q } else { 0.0 };
            let (low, high) = wilson(x, n, confidence).expect("n > 0 and x ≤ n");
            ln_pmf.exp() * (high - low) / 2.0
        })
        .sum()
}

/// Gold items needed for the 95% Wilson interval of accuracy to have expected half-width ≤ `w`
/// when the true accuracy is `accuracy` (smallest such `n`, by bisection; the expectation is
/// computed exactly, so no seed is needed).
pub fn accuracy_items(accuracy: f64, half_width: f64) -> Result<SizeAnswer, SizeError> {
    check("accuracy", accuracy, accuracy > 0.0 && accuracy < 1.0)?;
    check("width", half_width, half_width > 0.0 && half_width < 0.5)?;
    let meets = |n: u64| accuracy_half_width(accuracy, n, 0.95) <= half_width;
    let (mut low, mut high) = (1u64, 2u64);
    while !meets(high) {
        low = high;
        high *= 2;
        if high > 1_000_000 {
            return Err(SizeError::TooLarge);
        }
    }
    while high - low > 1 {
        let mid = (low + high) / 2;
        if meets(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    Ok(SizeAnswer { n: high, half_width: Some(accuracy_half_width(accuracy, high, 0.95)), power: None })
}

/// Inputs of [`bt_battles`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BtPlan {
    /// True rating difference in Elo points (400·log10 odds).
    pub elo_difference: f64,
    /// Share of battles that end in a tie (counted half a win each way).
    pub tie_rate: f64,
    /// Power wanted (0.8).
    pub power: f64,
    /// Two-sided test level (0.05).
    pub level: f64,
    /// Simulated campaigns per candidate size.
    pub replications: u32,
    /// Seed.
    pub seed: u64,
}

/// Share of simulated campaigns of `n` battles whose Bradley–Terry fit puts the better model
/// significantly ahead: `θ̂ / se > z_{1−level/2}`, se from the fit's Fisher information
/// `n·p̂(1−p̂)`. Wins are drawn battle by battle up to 10 000 battles and from the normal
/// approximation to the binomial beyond.
pub fn bt_power(plan: &BtPlan, n: u64) -> f64 {
    let mut rng = Pcg32::new(plan.seed, n);
    let delta = plan.elo_difference * std::f64::consts::LN_10 / 400.0;
    let p_win = (1.0 - plan.tie_rate) / (1.0 + (-delta).exp());
    let p_tie = plan.tie_rate;
    let z = normal_quantile(1.0 - plan.level / 2.0).expect("level checked in (0, 1)");
    let mut separated = 0;
    for _ in 0..plan.replications {
        let (wins, ties) = if n <= 10_000 {
            let (mut wins, mut ties) = (0u64, 0u64);
            for _ in 0..n {
                let u = rng.unit_f64();
                if u < p_win {
                    wins += 1;
                } else if u < p_win + p_tie {
                    ties += 1;
                }
            }
            (wins as f64, ties as f64)
        } else {
            let normal = |rng: &mut Pcg32, mean: f64, var: f64| {
                let (u1, u2) = (rng.unit_f64().max(f64::MIN_POSITIVE), rng.unit_f64());
                (mean + var.sqrt() * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()).round().clamp(0.0, n as f64)
            };
            let nf = n as f64;
            let ties = normal(&mut rng, nf * p_tie, nf * p_tie * (1.0 - p_tie));
            let rest = nf - ties;
            let q = p_win / (1.0 - p_tie);
            (normal(&mut rng, rest * q, rest * q * (1.0 - q)), ties)
        };
        let wins_a = wins + ties / 2.0;
        let wins_b = n as f64 - wins - ties / 2.0;
        if wins_a <= 0.0 || wins_b <= 0.0 {
            continue; // no finite MLE: not separated on the data
        }
        let result = fit(2, &[PairCount { i: 0, j: 1, wins_i: wins_a, wins_j: wins_b }], 0.0, None);
        let theta = result.theta[0] - result.theta[1];
        let p_hat = 1.0 / (1.0 + (-theta).exp());
        let se = 1.0 / (n as f64 * p_hat * (1.0 - p_hat)).sqrt();
        if theta / se > z {
            separated += 1;
        }
    }
    f64::from(separated) / f64::from(plan.replications)
}

/// Battles needed for the better of two models `d` Elo apart to come out significantly ahead
/// with the wanted power (smallest `n` on a doubling-then-bisection search of the simulated power).
pub fn bt_battles(plan: &BtPlan) -> Result<SizeAnswer, SizeError> {
    check("elo", plan.elo_difference, plan.elo_difference > 0.0 && plan.elo_difference <= 2000.0)?;
    check("ties", plan.tie_rate, (0.0..1.0).contains(&plan.tie_rate))?;
    check("power", plan.power, plan.power > 0.0 && plan.power < 1.0)?;
    check("level", plan.level, plan.level > 0.0 && plan.level < 1.0)?;
    check("replications", f64::from(plan.replications), (1..=100_000).contains(&plan.replications))?;
    let meets = |n: u64| bt_power(plan, n) >= plan.power;
    let (mut low, mut high) = (1u64, 2u64);
    while !meets(high) {
        low = high;
        high *= 2;
        if high > MAX_N {
            return Err(SizeError::TooLarge);
        }
    }
    while high - low > 1 && high - low > high / 200 {
        let mid = (low + high) / 2;
        if meets(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    Ok(SizeAnswer { n: high, half_width: None, power: Some(bt_power(plan, high)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accuracy_items_match_the_normal_approximation() {
        // n ≈ z² p(1−p) / w² (Wald), which Wilson approaches away from 0 and 1:
        // p = .8, w = .05 → 1.96² · .16 / .0025 = 245.9.
        let answer = accuracy_items(0.8, 0.05).unwrap();
        assert!((235..=255).contains(&answer.n), "{answer:?}");
        assert!(answer.half_width.unwrap() <= 0.05);
        assert!(accuracy_half_width(0.8, answer.n - 1, 0.95) > 0.05);
    }

    #[test]
    fn bt_battles_match_the_wald_power_formula() {
        // n = (z_.975 + z_.8)² / (δ² p(1−p)), δ = ln10·50/400, p = σ(δ): 387 battles.
        let plan = BtPlan { elo_difference: 50.0, tie_rate: 0.0, power: 0.8, level: 0.05, replications: 2000, seed: 1 };
        let answer = bt_battles(&plan).unwrap();
        assert!((350..=425).contains(&answer.n), "{answer:?}");
    }

    #[test]
    fn alpha_items_match_bloch_kraemer_for_two_raters_binary() {
        // Independent source: the large-sample variance of the intraclass kappa of two raters on a
        // binary scale (Bloch & Kraemer 1989, Biometrics 45(1), eq. for Var κ̂), which α equals
        // up to its small-sample correction: V = (1−κ)[(1−κ)(1−2κ) + κ(2−κ)/(2π(1−π))], and
        // N = z²·V/w². κ = .8, π = .5, w = .1: V = .36, N = 1.96²·.36/.01 = 138.3.
        let plan = AlphaPlan {
            level: Level::Nominal,
            categories: 2,
            raters_per_item: 2,
            expected_alpha: 0.8,
            half_width: 0.1,
            replications: 40,
            bootstrap: 300,
            seed: 11,
        };
        let answer = alpha_items(&plan).unwrap();
        assert!((118..=160).contains(&answer.n), "{answer:?}");
        // Three raters per item need fewer items for the same width.
        let three = alpha_items(&AlphaPlan { raters_per_item: 3, ..plan }).unwrap();
        assert!(three.n < answer.n, "{three:?} vs {answer:?}");
    }

    #[test]
    fn bad_parameters_are_named() {
        let plan = BtPlan { elo_difference: -3.0, tie_rate: 0.0, power: 0.8, level: 0.05, replications: 10, seed: 1 };
        assert_eq!(bt_battles(&plan), Err(SizeError::OutOfRange { parameter: "elo", value: -3.0 }));
        assert_eq!(accuracy_items(1.0, 0.1), Err(SizeError::OutOfRange { parameter: "accuracy", value: 1.0 }));
    }
}
