//! The chance-corrected family computed from each unit's multiset of ratings: percent agreement,
//! Fleiss' kappa, Scott's pi, Gwet's AC1/AC2 and Brennan–Prediger, all in Gwet's form for
//! missing ratings (a unit counts for observed agreement when it has two or more ratings).
//!
//! With `r_ik` the number of ratings of unit `i` in category `k`, `r_i = Σ_k r_ik`,
//! `r*_ik = Σ_l w_kl r_il`, `n` units with a rating and `n₂` units with two or more:
//!
//! - observed agreement `p_a = (1/n₂) Σ_{i: r_i ≥ 2} Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1))`;
//! - classification probabilities `π_k = (1/n) Σ_i r_ik / r_i`;
//! - chance agreement `p_e`: Fleiss `Σ_kl w_kl π_k π_l`; Gwet `T_w/(q(q−1)) Σ_k π_k (1 − π_k)`
//!   with `T_w = Σ_kl w_kl`; Brennan–Prediger `T_w / q²`; Scott `Σ_kl w_kl p_k p_l` with `p_k`
//!   the pooled share of category `k` among pairable ratings;
//! - coefficient `(p_a − p_e) / (1 − p_e)`.
//!
//! References: Fleiss (1971); Scott (1955); Brennan & Prediger (1981); Gwet (2008) "Computing
//! inter-rater reliability and its variance in the presence of high agreement"; Gwet (2014)
//! *Handbook of Inter-Rater Reliability*, 4th ed., ch. 2–5 (missing ratings, weights, variance).

use super::ratings::Patterns;
use super::scale::Scale;

/// Which chance model turns observed agreement into a coefficient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Chance {
    /// None: the coefficient is `p_a` itself.
    Percent,
    Fleiss,
    Scott,
    Gwet,
    BrennanPrediger,
}

/// Value, analytic standard error and what was used.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FamilyValue {
    pub value: Option<f64>,
    pub se: Option<f64>,
    pub note: Option<String>,
    pub pa: f64,
    pub pe: f64,
    pub n_pairable_units: f64,
    pub n_pairable_ratings: f64,
}

/// Evaluates one coefficient of the family on pattern weights `weight` (unit counts).
/// `weight_matrix` is the scale's `q × q` weight matrix. The standard error (Gwet 2014,
/// eq. 5.x: linearised variance over units, no finite-population correction) is given for
/// Fleiss, Gwet and Brennan–Prediger when `with_se`.
pub(crate) fn evaluate(
    patterns: &Patterns,
    weight: &[f64],
    scale: &Scale,
    weight_matrix: &[f64],
    chance: Chance,
    with_se: bool,
) -> FamilyValue {
    let q = scale.len();
    let w = |c: u32, k: u32| weight_matrix[c as usize * q + k as usize];
    let mut n_all = 0.0;
    let mut n2 = 0.0;
    let mut n_pairable_ratings = 0.0;
    let mut pa_sum = 0.0;
    let mut pi = vec![0.0; q];
    let mut pooled = vec![0.0; q];
    let mut pa_of = vec![0.0; patterns.len()];
    for p in 0..patterns.len() {
        let wp = weight[p];
        if wp == 0.0 {
            continue;
        }
        let counts = patterns.pattern(p);
        let m = f64::from(patterns.size[p]);
        n_all += wp;
        for &(c, r) in counts {
            pi[c as usize] += wp * f64::from(r) / m;
        }
        if patterns.size[p] >= 2 {
            let mut sum_q = 0.0;
            for &(c, r) in counts {
                let r_star: f64 = counts.iter().map(|&(l, rl)| w(c, l) * f64::from(rl)).sum();
                sum_q += f64::from(r) * (r_star - 1.0);
            }
            pa_of[p] = sum_q / (m * (m - 1.0));
            pa_sum += wp * pa_of[p];
            n2 += wp;
            n_pairable_ratings += wp * m;
            for &(c, r) in counts {
                pooled[c as usize] += wp * f64::from(r);
            }
        }
    }
    let mut out = FamilyValue { n_pairable_units: n2, n_pairable_ratings, ..FamilyValue::default() };
    if n2 == 0.0 {
        out.note = Some("no unit has two or more ratings: nothing to pair".into());
        return out;
    }
    pi.iter_mut().for_each(|p| *p /= n_all);
    let pa = pa_sum / n2;
    out.pa = pa;
    let t_w: f64 = weight_matrix.iter().sum();
    let pe = match chance {
        Chance::Percent => {
            out.value = Some(pa);
            return out;
        }
        Chance::Fleiss => quadratic_form(weight_matrix, &pi, &pi),
        Chance::Scott => {
            let total: f64 = pooled.iter().sum();
            let shares: Vec<f64> = pooled.iter().map(|n| n / total).collect();
            quadratic_form(weight_matrix, &shares, &shares)
        }
        Chance::Gwet | Chance::BrennanPrediger if q < 2 => {
            out.note = Some("the scale has a single category: chance agreement is undefined".into());
            return out;
        }
        Chance::Gwet => t_w / (q as f64 * (q as f64 - 1.0)) * pi.iter().map(|p| p * (1.0 - p)).sum::<f64>(),
        Chance::BrennanPrediger => t_w / (q * q) as f64,
    };
    out.pe = pe;
    if 1.0 - pe < 1e-12 {
        out.note = Some("chance agreement is 1 (no variation: every rating is in the same category)".into());
        return out;
    }
    let value = (pa - pe) / (1.0 - pe);
    out.value = Some(value);
    if !with_se || n_all < 2.0 || matches!(chance, Chance::Percent | Chance::Scott) {
        return out;
    }
    // Gwet's linearisation: κ*_i = κ_i − 2(1 − κ)(p_e|i − p_e)/(1 − p_e).
    // The derivative of πᵀWπ is (W + Wᵀ)π: symmetrised, so a user's asymmetric matrix is right too.
    let pi_w: Vec<f64> = (0..q as u32).map(|c| (0..q as u32).map(|k| (w(c, k) + w(k, c)) / 2.0 * pi[k as usize]).sum()).collect();
    let mut sum_sq = 0.0;
    for p in 0..patterns.len() {
        let wp = weight[p];
        if wp == 0.0 {
            continue;
        }
        let counts = patterns.pattern(p);
        let m = f64::from(patterns.size[p]);
        let pairable = patterns.size[p] >= 2;
        let kappa_i = (n_all / n2) * (pa_of[p] - if pairable { pe } else { 0.0 }) / (1.0 - pe);
        let pe_i = match chance {
            Chance::Fleiss => counts.iter().map(|&(c, r)| f64::from(r) * pi_w[c as usize]).sum::<f64>() / m,
            Chance::Gwet => {
                t_w / (q as f64 * (q as f64 - 1.0)) * counts.iter().map(|&(c, r)| f64::from(r) * (1.0 - pi[c as usize])).sum::<f64>() / m
            }
            _ => pe,
        };
        let linearised = kappa_i - 2.0 * (1.0 - value) * (pe_i - pe) / (1.0 - pe);
        sum_sq += wp * (linearised - value).powi(2);
    }
    out.se = Some((sum_sq / (n_all * (n_all - 1.0))).sqrt());
    out
}

fn quadratic_form(matrix: &[f64], left: &[f64], right: &[f64]) -> f64 {
    let q = left.len();
    (0..q).map(|c| left[c] * (0..q).map(|k| matrix[c * q + k] * right[k]).sum::<f64>()).sum()
}
