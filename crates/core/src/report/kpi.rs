//! KPI verdicts that respect uncertainty (DESIGN, "Quality control"): a rater is *below target*
//! on a KPI only with at least `min_n` observations, an interval wholly on the wrong side of the
//! target, and a test that survives the Benjamini–Hochberg false-discovery control across every
//! rater tested on that KPI; otherwise *insufficient evidence* (or *meets*). Gold accuracy and
//! position bias are proportions (Wilson interval, exact binomial test: `spc::kpi`); the α
//! contribution is tested by an item bootstrap of α(with) − α(without). See docs/METRICS.md.

use serde::{Deserialize, Serialize};

use super::Kpi;
use crate::agreement::Ratings;
use crate::rng::Pcg32;
use crate::spc::kpi::{kpi_flags, KpiCount, KpiFlag, KpiPolicy, KpiStatus};
use crate::stats::benjamini_hochberg;

/// One KPI of one rater, as the tables show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiCheck {
    /// `gold_accuracy`, `position_bias` or `alpha_delta`.
    pub kpi: String,
    /// Observations behind it (gold items, decisive battles, rated items).
    pub n: u64,
    /// The observed value (accuracy, first-shown win rate, α difference).
    pub value: Option<f64>,
    /// 95 % interval, lower end (Wilson; bootstrap percentile for `alpha_delta`).
    pub ci_low: Option<f64>,
    /// 95 % interval, upper end.
    pub ci_high: Option<f64>,
    /// Benjamini–Hochberg adjusted p-value across the raters tested on this KPI.
    pub q_value: Option<f64>,
    /// The verdict.
    pub status: KpiStatus,
}

/// What one rater's KPIs are computed from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RaterEvidence {
    /// Answers equal to gold, and gold items answered.
    pub gold: (u64, u64),
    /// Decisive battles won by the output shown first, and decisive battles whose order varied.
    pub first_shown: (u64, u64),
    /// The α contribution, when the rater rated pairable items.
    pub alpha: Option<AlphaEvidence>,
}

/// α with the rater minus α without, with its item-bootstrap distribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlphaEvidence {
    /// α of everyone (the rater included).
    pub alpha_with: f64,
    /// α(with) − α(without): negative when the rater lowers agreement.
    pub delta: f64,
    /// Items the rater rated among the pairable ones.
    pub n_items: u64,
    /// The differences in the bootstrap rounds (item resamples) that were defined.
    pub rounds: Vec<f64>,
}

/// The settings of the uncertainty rule beside the targets of [`Kpi`].
fn policy(target: f64, kpi: &Kpi) -> KpiPolicy {
    KpiPolicy { target, min_n: kpi.min_n, confidence: 0.95, fdr: kpi.fdr }
}

/// Every rater's KPI checks, in the order of `raters` (one vector per rater: gold accuracy,
/// position bias, α contribution — each only when it has observations).
pub fn rater_checks(raters: &[RaterEvidence], kpi: &Kpi) -> Vec<Vec<KpiCheck>> {
    let gold = kpi_flags(
        &raters.iter().map(|r| KpiCount { key: String::new(), successes: r.gold.0, n: r.gold.1 }).collect::<Vec<_>>(),
        policy(kpi.min_gold_accuracy, kpi),
    );
    // Position bias is two-sided: the side the rater leans to is tested against the bound on that
    // side (first-shown win rate ≤ max, i.e. the other side's rate ≥ 1 − max).
    let floor = 1.0 - kpi.max_position_bias;
    let leaning: Vec<KpiCount> = raters
        .iter()
        .map(|r| {
            let (wins, n) = r.first_shown;
            let other = n - wins.min(n);
            KpiCount { key: String::new(), successes: if wins > other { other } else { wins }, n }
        })
        .collect();
    let position = kpi_flags(&leaning, policy(floor, kpi));
    let alpha = alpha_checks(raters, kpi);
    raters
        .iter()
        .enumerate()
        .map(|(i, rater)| {
            let mut checks = Vec::new();
            if rater.gold.1 > 0 {
                checks.push(check("gold_accuracy", &gold[i]));
            }
            if rater.first_shown.1 > 0 {
                let (wins, n) = rater.first_shown;
                let mut position = check("position_bias", &position[i]);
                // Report the first-shown win rate and its interval, whichever side was tested.
                position.value = Some(wins as f64 / n as f64);
                if 2 * wins > n {
                    (position.ci_low, position.ci_high) = (position.ci_high.map(|h| 1.0 - h), position.ci_low.map(|l| 1.0 - l));
                }
                checks.push(position);
            }
            if let Some(alpha) = alpha[i].clone() {
                checks.push(alpha);
            }
            checks
        })
        .collect()
}

fn check(kpi: &str, flag: &KpiFlag) -> KpiCheck {
    KpiCheck {
        kpi: kpi.to_owned(),
        n: flag.n,
        value: flag.value,
        ci_low: flag.ci_low,
        ci_high: flag.ci_high,
        q_value: flag.q_value,
        status: flag.status,
    }
}

/// The α contribution: below target when α(with) is under the minimum, the rater has `min_n`
/// items, the bootstrap interval of the difference lies wholly below 0, and the bootstrap
/// p-value `(1 + #{δ* ≥ 0}) / (B + 1)` survives Benjamini–Hochberg across the raters tested.
fn alpha_checks(raters: &[RaterEvidence], kpi: &Kpi) -> Vec<Option<KpiCheck>> {
    let tested: Vec<usize> = (0..raters.len())
        .filter(|&i| raters[i].alpha.as_ref().is_some_and(|a| a.n_items >= kpi.min_n.max(1) && !a.rounds.is_empty()))
        .collect();
    let p_values: Vec<f64> = tested
        .iter()
        .map(|&i| {
            let rounds = &raters[i].alpha.as_ref().expect("tested raters have α evidence").rounds;
            (1 + rounds.iter().filter(|&&d| d >= 0.0).count()) as f64 / (rounds.len() + 1) as f64
        })
        .collect();
    let q_values = benjamini_hochberg(&p_values);
    raters
        .iter()
        .enumerate()
        .map(|(i, rater)| {
            let alpha = rater.alpha.as_ref()?;
            let q_value = tested.iter().position(|&t| t == i).map(|slot| q_values[slot]);
            let (ci_low, ci_high) = percentile_interval(&alpha.rounds);
            let below = q_value.is_some_and(|q| q <= kpi.fdr) && ci_high.is_some_and(|h| h < 0.0) && alpha.alpha_with < kpi.min_alpha;
            let status = match q_value {
                Some(_) if below => KpiStatus::BelowTarget,
                Some(_) if alpha.alpha_with >= kpi.min_alpha || ci_high.is_some_and(|h| h >= 0.0) => KpiStatus::Meets,
                _ => KpiStatus::InsufficientEvidence,
            };
            Some(KpiCheck { kpi: "alpha_delta".to_owned(), n: alpha.n_items, value: Some(alpha.delta), ci_low, ci_high, q_value, status })
        })
        .collect()
}

/// Item-bootstrap rounds of α(with) − α(without) for each of `raters` (annotator ids of
/// `ratings`), as the report defines them: "with" is the humans' α plus the rater when a judge,
/// "without" the humans' α minus the rater when a human. Each round draws the units with
/// replacement (seeded: the same rounds in the CLI and the browser) and adds each drawn unit's
/// coincidences `add` times its multiplicity; `alpha` finishes a coincidence matrix.
pub(crate) fn alpha_delta_rounds(
    ratings: &Ratings,
    is_judge: &[bool],
    raters: &[u32],
    rounds: u32,
    seed: u64,
    add: impl Fn(&mut [f64], usize, &[u32], f64),
    alpha: impl Fn(&[f64]) -> Option<f64>,
) -> Vec<Vec<f64>> {
    let q = ratings.scale().len();
    let n_units = ratings.n_units();
    let mut units_of: Vec<Vec<u32>> = vec![Vec::new(); raters.len()];
    for unit in 0..n_units {
        for (slot, &rater) in raters.iter().enumerate() {
            if ratings.unit(unit).iter().any(|r| r.0 == rater) {
                units_of[slot].push(unit as u32);
            }
        }
    }
    let humans = |unit: usize| ratings.unit(unit).iter().filter(|r| !is_judge[r.0 as usize]).map(|r| r.1).collect::<Vec<u32>>();
    let mut rng = Pcg32::new(seed, 0x6b70_692d_616c_7068);
    let mut weights = vec![0u32; n_units];
    let mut out = vec![Vec::with_capacity(rounds as usize); raters.len()];
    let (mut total, mut toggled) = (vec![0.0; q * q], vec![0.0; q * q]);
    for _ in 0..rounds {
        weights.fill(0);
        for _ in 0..n_units {
            weights[rng.below(n_units as u32) as usize] += 1;
        }
        total.fill(0.0);
        for (unit, &w) in weights.iter().enumerate().filter(|(_, &w)| w > 0) {
            add(&mut total, q, &humans(unit), f64::from(w));
        }
        for (slot, &rater) in raters.iter().enumerate() {
            let judge = is_judge[rater as usize];
            toggled.copy_from_slice(&total);
            for &unit in &units_of[slot] {
                let w = f64::from(weights[unit as usize]);
                if w == 0.0 {
                    continue;
                }
                let own = ratings.unit(unit as usize).iter().find(|r| r.0 == rater).expect("the rater rated this unit").1;
                let mut others = humans(unit as usize);
                if !judge {
                    remove_one(&mut others, own);
                }
                let (before, after) = if judge { (-w, w) } else { (w, -w) };
                add(&mut toggled, q, &others, before);
                others.push(own);
                add(&mut toggled, q, &others, after);
            }
            let (with, without) = if judge { (alpha(&toggled), alpha(&total)) } else { (alpha(&total), alpha(&toggled)) };
            if let (Some(with), Some(without)) = (with, without) {
                out[slot].push(with - without);
            }
        }
    }
    out
}

/// `values` without one occurrence of `value` (a human rater's own rating among the humans').
fn remove_one(values: &mut Vec<u32>, value: u32) {
    if let Some(at) = values.iter().position(|&v| v == value) {
        values.swap_remove(at);
    }
}

/// The 2.5 % and 97.5 % percentiles of `rounds` (the agreement module's convention).
fn percentile_interval(rounds: &[f64]) -> (Option<f64>, Option<f64>) {
    let mut values = rounds.to_vec();
    crate::agreement::percentile_interval(&mut values, 0.95).map_or((None, None), |(low, high)| (Some(low), Some(high)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rater(gold: (u64, u64), first_shown: (u64, u64)) -> RaterEvidence {
        RaterEvidence { gold, first_shown, alpha: None }
    }

    #[test]
    fn small_samples_are_insufficient_evidence_and_large_clear_ones_are_flagged() {
        let kpi = Kpi::default();
        let checks = rater_checks(&[rater((2, 3), (9, 10)), rater((40, 60), (60, 70)), rater((95, 100), (50, 100))], &kpi);
        let status = |r: usize, k: usize| checks[r][k].status;
        assert_eq!(status(0, 0), KpiStatus::InsufficientEvidence, "2 of 3 gold: too few");
        assert_eq!(status(0, 1), KpiStatus::InsufficientEvidence, "9 of 10 first-shown wins: too few");
        assert_eq!(status(1, 0), KpiStatus::BelowTarget, "40 of 60 gold (p = 7.8e-7, SciPy binom.cdf)");
        assert_eq!(status(1, 1), KpiStatus::BelowTarget, "60 of 70 first-shown wins: Wilson (0.7566, 0.9205) lies above 0.65");
        assert_eq!(status(2, 0), KpiStatus::Meets);
        assert_eq!(status(2, 1), KpiStatus::Meets);
        // The reported interval is the first-shown win rate's, whichever side was tested.
        let (low, high) = (checks[1][1].ci_low.unwrap(), checks[1][1].ci_high.unwrap());
        assert!(low > 0.65 && high < 0.95 && low < 60.0 / 70.0 && 60.0 / 70.0 < high, "{low} {high}");
    }

    #[test]
    fn a_rater_who_always_prefers_the_second_output_is_flagged_too() {
        let checks = rater_checks(&[rater((0, 0), (10, 80))], &Kpi::default());
        assert_eq!(checks[0].len(), 1, "no gold: no gold check");
        assert_eq!(checks[0][0].status, KpiStatus::BelowTarget);
        assert!(checks[0][0].ci_high.unwrap() < 0.35);
    }

    #[test]
    fn the_alpha_contribution_needs_a_bootstrap_interval_below_zero() {
        let kpi = Kpi::default();
        let evidence = |delta: f64, spread: f64, n_items: u64| RaterEvidence {
            alpha: Some(AlphaEvidence {
                alpha_with: 0.5,
                delta,
                n_items,
                rounds: (0..200).map(|k| delta + spread * (k as f64 / 199.0 - 0.5)).collect(),
            }),
            ..RaterEvidence::default()
        };
        let checks = rater_checks(&[evidence(-0.05, 0.04, 100), evidence(-0.05, 0.2, 100), evidence(-0.05, 0.04, 5)], &kpi);
        assert_eq!(checks[0][0].status, KpiStatus::BelowTarget, "every round below 0");
        assert_eq!(checks[1][0].status, KpiStatus::Meets, "the interval reaches 0");
        assert_eq!(checks[2][0].status, KpiStatus::InsufficientEvidence, "5 items < min_n");
    }
}
