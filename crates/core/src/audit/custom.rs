//! Custom single-sampling plans from the two risks: the smallest n (and for it the largest c)
//! with P(accept | AQL) ≥ 1 − α (producer's risk) and P(accept | LTPD) ≤ β (consumer's risk),
//! binomial for large lots, hypergeometric for a small lot of known size (Montgomery §15.2;
//! Schilling & Neubauer, *Acceptance Sampling in Quality Control*, ch. 6).

use serde::Serialize;

use super::{AuditError, Plan};
use crate::stats::special::{binomial_cdf, ln_gamma};

/// Binomial plans search n up to this (documented limit).
pub const MAX_SAMPLE: u64 = 100_000;

/// What a custom plan must achieve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Risks {
    /// Acceptable quality level as a proportion (e.g. 0.01).
    pub aql: f64,
    /// Lot tolerance percent defective as a proportion (e.g. 0.05), above the AQL.
    pub ltpd: f64,
    /// Producer's risk α (0.05).
    pub alpha: f64,
    /// Consumer's risk β (0.10).
    pub beta: f64,
    /// A lot of this many items, for the exact hypergeometric plan (items at AQL: ⌊AQL·N⌋,
    /// at LTPD: ⌈LTPD·N⌉).
    pub lot: Option<u64>,
}

/// A custom plan and the risks it achieves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CustomPlan {
    /// Sample size.
    pub n: u64,
    /// Acceptance number.
    pub c: u64,
    /// P(accept) at the AQL (≥ 1 − α).
    pub p_accept_aql: f64,
    /// P(accept) at the LTPD (≤ β).
    pub p_accept_ltpd: f64,
    /// `binomial` or `hypergeometric`.
    pub model: &'static str,
}

impl CustomPlan {
    /// As a [`Plan`] (Re = c + 1).
    pub fn plan(&self) -> Plan {
        Plan { n: self.n, ac: self.c, re: self.c + 1 }
    }
}

/// P(accept) as a function of (c, n, p).
type AcceptanceProbability = Box<dyn Fn(u64, u64, f64) -> f64>;

fn ln_choose(n: u64, k: u64) -> f64 {
    ln_gamma(n as f64 + 1.0) - ln_gamma(k as f64 + 1.0) - ln_gamma((n - k) as f64 + 1.0)
}

/// P(X ≤ c) for X ~ Hypergeometric(lot, defective, n): a sample of n from a lot with
/// `defective` nonconforming items.
pub fn hypergeometric_cdf(c: u64, lot: u64, defective: u64, n: u64) -> f64 {
    let low = (n + defective).saturating_sub(lot);
    let high = c.min(n).min(defective);
    if high < low {
        return 0.0;
    }
    let denominator = ln_choose(lot, n);
    (low..=high).map(|x| (ln_choose(defective, x) + ln_choose(lot - defective, n - x) - denominator).exp()).sum::<f64>().min(1.0)
}

/// The smallest plan meeting `risks` (for that n, the largest c meeting β, which gives the
/// producer the most protection). Searches n up to [`MAX_SAMPLE`] (binomial) or the lot size.
pub fn custom_plan(risks: Risks) -> Result<CustomPlan, AuditError> {
    let Risks { aql, ltpd, alpha, beta, lot } = risks;
    if !(aql > 0.0 && aql < 1.0) {
        return Err(AuditError::BadParameter("aql"));
    }
    if !(ltpd > aql && ltpd < 1.0) {
        return Err(AuditError::BadParameter("ltpd"));
    }
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(AuditError::BadParameter("alpha"));
    }
    if !(beta > 0.0 && beta < 1.0) {
        return Err(AuditError::BadParameter("beta"));
    }
    let (limit, accept): (u64, AcceptanceProbability) = match lot {
        None => (MAX_SAMPLE, Box::new(|c, n, p| binomial_cdf(c, n, p).unwrap_or(0.0))),
        Some(lot) if lot >= 2 => {
            let defective_at = move |p: f64, up: bool| {
                let d = p * lot as f64;
                (if up { d.ceil() } else { d.floor() }) as u64
            };
            (lot, Box::new(move |c, n, p| hypergeometric_cdf(c, lot, defective_at(p, p > aql).min(lot), n)))
        }
        Some(_) => return Err(AuditError::BadParameter("lot")),
    };
    let model = if lot.is_some() { "hypergeometric" } else { "binomial" };
    // The largest c meeting β only grows with n: move it forward instead of searching afresh.
    let mut c_next: u64 = 0;
    for n in 1..=limit {
        while c_next <= n && accept(c_next, n, ltpd) <= beta {
            c_next += 1;
        }
        if c_next == 0 {
            continue;
        }
        let c = c_next - 1;
        let p_accept_aql = accept(c, n, aql);
        if p_accept_aql >= 1.0 - alpha {
            return Ok(CustomPlan { n, c, p_accept_aql, p_accept_ltpd: accept(c, n, ltpd), model });
        }
    }
    Err(AuditError::NoPlan { limit })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An independent brute force: every (n, c) with the binomial written as a plain sum of
    /// probabilities, smallest n first, then the largest c.
    fn brute_force(aql: f64, ltpd: f64, alpha: f64, beta: f64) -> (u64, u64) {
        let cdf = |c: u64, n: u64, p: f64| {
            let mut term = (1.0 - p).powi(n as i32);
            let mut sum = 0.0;
            for x in 0..=c {
                sum += term;
                term *= (n - x) as f64 / (x + 1) as f64 * p / (1.0 - p);
            }
            sum
        };
        for n in 1..3000u64 {
            let feasible: Vec<u64> = (0..=n).filter(|&c| cdf(c, n, aql) >= 1.0 - alpha && cdf(c, n, ltpd) <= beta).collect();
            if let Some(&c) = feasible.last() {
                return (n, c);
            }
        }
        panic!("no plan below 3000");
    }

    /// Custom plans equal the brute-force search on a grid of risks.
    #[test]
    fn matches_a_brute_force_search() {
        for &(aql, ltpd, alpha, beta) in &[
            (0.01, 0.05, 0.05, 0.10),
            (0.02, 0.08, 0.05, 0.10),
            (0.005, 0.03, 0.05, 0.10),
            (0.01, 0.10, 0.10, 0.05),
            (0.03, 0.09, 0.05, 0.10),
        ] {
            let plan = custom_plan(Risks { aql, ltpd, alpha, beta, lot: None }).unwrap();
            assert_eq!((plan.n, plan.c), brute_force(aql, ltpd, alpha, beta), "{aql} {ltpd} {alpha} {beta}");
            assert!(plan.p_accept_aql >= 1.0 - alpha && plan.p_accept_ltpd <= beta);
        }
    }

    /// Hypergeometric cdf against SciPy 1.17 `stats.hypergeom.cdf(1, 100, 5, 20)` = 0.7394534446,
    /// and exact plans for a small lot need fewer items than binomial ones.
    #[test]
    fn small_lots_use_the_hypergeometric() {
        assert!((hypergeometric_cdf(1, 100, 5, 20) - 0.7394534446080838).abs() < 1e-12);
        let exact = custom_plan(Risks { aql: 0.01, ltpd: 0.08, alpha: 0.05, beta: 0.10, lot: Some(200) }).unwrap();
        let binomial = custom_plan(Risks { aql: 0.01, ltpd: 0.08, alpha: 0.05, beta: 0.10, lot: None }).unwrap();
        assert_eq!(exact.model, "hypergeometric");
        assert!(exact.n <= binomial.n, "{exact:?} vs {binomial:?}");
        assert!(exact.p_accept_ltpd <= 0.10 && exact.p_accept_aql >= 0.95);
        assert_eq!(custom_plan(Risks { aql: 0.05, ltpd: 0.01, alpha: 0.05, beta: 0.1, lot: None }), Err(AuditError::BadParameter("ltpd")));
    }
}
