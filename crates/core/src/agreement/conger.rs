//! Conger's kappa (Conger 1980): Fleiss' observed agreement with chance agreement averaged over
//! the Cohen-type chance agreements of every pair of annotators, in Gwet's form for missing
//! ratings and weights, with Gwet's linearised standard error.
//!
//! With `r` annotators, `n_g` the units annotator `g` rated, `p_gk = n_gk / n_g` their
//! classification probabilities, `p̄_k = Σ_g p_gk / r` and
//! `s²_kl = (Σ_g p_gk p_gl − r p̄_k p̄_l)/(r − 1)`:
//! `p_e = Σ_kl w_kl (p̄_k p̄_l − s²_kl / r)` and `κ_C = (p_a − p_e)/(1 − p_e)`, with `p_a` the
//! weighted observed agreement of [`chance`](super::chance) (units with two or more ratings).
//! For two annotators on the same units this is Cohen's kappa.
//!
//! Variance (Gwet 2014, §5; irrCAC `conger.kappa.raw`): with `n` units rated at least once and
//! `n₂` rated twice or more, `κ_i = (n/n₂)(p_a|i − p_e [r_i ≥ 2])/(1 − p_e)`,
//! `p_e|i = Σ_g λ_ig / (r(r − 1))` where
//! `λ_ig = (n/n_g) Σ_k (r p̄_k − p_gk) Σ_l w_kl (δ_igl − (ε_ig − n_g/n) p_gl)` (`δ_igl`: `g` rated
//! `i` as `l`; `ε_ig`: `g` rated `i`), `κ*_i = κ_i − 2(1 − κ)(p_e|i − p_e)/(1 − p_e)` and
//! `v(κ) = Σ_i (κ*_i − κ)² / (n(n − 1))` (no finite-population correction).

use super::chance::FamilyValue;
use super::ratings::Ratings;
use super::{bootstrap, pairable_annotators, AgreementResult, Options};

/// Conger's kappa of `ratings` with each unit counted `unit_weight[u]` times.
pub(crate) fn evaluate(ratings: &Ratings, unit_weight: &[f64], weight_matrix: &[f64], with_se: bool) -> FamilyValue {
    let q = ratings.scale().len();
    let w = |c: u32, k: u32| weight_matrix[c as usize * q + k as usize];
    let n_raters = ratings.n_annotators() as usize;
    let mut rated = vec![0.0; n_raters];
    let mut classified = vec![0.0; n_raters * q];
    let (mut n_all, mut n2, mut n_pairable_ratings, mut pa_sum) = (0.0, 0.0, 0.0, 0.0);
    let mut pa_of = vec![0.0; ratings.n_units()];
    for (u, unit) in ratings.units().enumerate() {
        let weight = unit_weight[u];
        if weight == 0.0 {
            continue;
        }
        n_all += weight;
        for &(g, c) in unit {
            rated[g as usize] += weight;
            classified[g as usize * q + c as usize] += weight;
        }
        if unit.len() >= 2 {
            let m = unit.len() as f64;
            let mut agreement = 0.0;
            for &(_, c) in unit {
                let r_star: f64 = unit.iter().map(|&(_, l)| w(c, l)).sum();
                agreement += r_star - 1.0;
            }
            pa_of[u] = agreement / (m * (m - 1.0));
            pa_sum += weight * pa_of[u];
            n2 += weight;
            n_pairable_ratings += weight * m;
        }
    }
    let mut out = FamilyValue { n_pairable_units: n2, n_pairable_ratings, ..FamilyValue::default() };
    if n2 == 0.0 {
        out.note = Some("no unit has two or more ratings: nothing to pair".into());
        return out;
    }
    let raters: Vec<usize> = (0..n_raters).filter(|&g| rated[g] > 0.0).collect();
    let r = raters.len() as f64;
    if raters.len() < 2 {
        out.note = Some("conger_kappa needs two or more annotators".into());
        return out;
    }
    // p_gk, p̄_k and W p_g per annotator.
    let mut p = vec![0.0; n_raters * q];
    let mut p_mean = vec![0.0; q];
    for &g in &raters {
        for k in 0..q {
            p[g * q + k] = classified[g * q + k] / rated[g];
            p_mean[k] += p[g * q + k] / r;
        }
    }
    let weighted = |g: usize, k: usize| -> f64 { (0..q).map(|l| weight_matrix[k * q + l] * p[g * q + l]).sum() };
    let mean_form: f64 = (0..q).map(|k| p_mean[k] * (0..q).map(|l| weight_matrix[k * q + l] * p_mean[l]).sum::<f64>()).sum();
    let rater_form: f64 = raters.iter().map(|&g| (0..q).map(|k| p[g * q + k] * weighted(g, k)).sum::<f64>()).sum();
    // Σ_kl w_kl s²_kl = (Σ_g p_gᵀ W p_g − r p̄ᵀ W p̄)/(r − 1).
    let pe = mean_form - (rater_form - r * mean_form) / ((r - 1.0) * r);
    let pa = pa_sum / n2;
    out.pa = pa;
    out.pe = pe;
    if 1.0 - pe < 1e-12 {
        out.note = Some("chance agreement is 1 (no variation: every rating is in the same category)".into());
        return out;
    }
    let kappa = (pa - pe) / (1.0 - pe);
    out.value = Some(kappa);
    if !with_se || n_all < 2.0 {
        return out;
    }
    // λ_ig summed over annotators: Σ_g B_g + Σ_{g rated i} (n/n_g)(C_g,c − B_g), where
    // A_gk = r p̄_k − p_gk, B_g = Σ_k A_gk (W p_g)_k and C_g,c = Σ_k A_gk w_kc.
    let a = |g: usize, k: usize| r * p_mean[k] - p[g * q + k];
    let mut b = vec![0.0; n_raters];
    for &g in &raters {
        b[g] = (0..q).map(|k| a(g, k) * weighted(g, k)).sum();
    }
    let b_total: f64 = b.iter().sum();
    let mut sum_sq = 0.0;
    for (u, unit) in ratings.units().enumerate() {
        let weight = unit_weight[u];
        if weight == 0.0 {
            continue;
        }
        let mut lambda = b_total;
        for &(g, c) in unit {
            let g = g as usize;
            let c_gc: f64 = (0..q).map(|k| a(g, k) * weight_matrix[k * q + c as usize]).sum();
            lambda += n_all / rated[g] * (c_gc - b[g]);
        }
        let pe_i = lambda / (r * (r - 1.0));
        let pairable = unit.len() >= 2;
        let kappa_i = (n_all / n2) * (pa_of[u] - if pairable { pe } else { 0.0 }) / (1.0 - pe);
        let linearised = kappa_i - 2.0 * (1.0 - kappa) * (pe_i - pe) / (1.0 - pe);
        sum_sq += weight * (linearised - kappa).powi(2);
    }
    out.se = Some((sum_sq / (n_all * (n_all - 1.0))).sqrt());
    out
}

/// Fills `result` with Conger's kappa of `ratings`, its standard error and bootstrap CI.
pub(super) fn fill(result: &mut AgreementResult, ratings: &Ratings, weight_matrix: &[f64], options: &Options) {
    let ones = vec![1.0; ratings.n_units()];
    let value = evaluate(ratings, &ones, weight_matrix, true);
    result.value = value.value;
    result.se = value.se;
    result.n_items = value.n_pairable_units as u64;
    result.n_ratings = value.n_pairable_ratings as u64;
    result.n_annotators = pairable_annotators(ratings);
    if let Some(note) = value.note {
        result.add_note(note);
    }
    if result.value.is_some() && options.bootstrap > 0 {
        let mut unit_weight = Vec::new();
        bootstrap(result, ratings.n_units(), options, |draws| {
            unit_weight.clear();
            unit_weight.extend(draws.iter().map(|&d| f64::from(d)));
            evaluate(ratings, &unit_weight, weight_matrix, false).value
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Scale, Weights};

    /// Gwet (2014), Table 2.16 (irrCAC's `cac.raw4raters`): 4 raters, 12 units, categories 1..5.
    pub(crate) fn raw_4raters() -> Ratings {
        let n = None;
        let rows = [
            [Some(1.0), Some(1.0), n, Some(1.0)],
            [Some(2.0), Some(2.0), Some(3.0), Some(2.0)],
            [Some(3.0), Some(3.0), Some(3.0), Some(3.0)],
            [Some(3.0), Some(3.0), Some(3.0), Some(3.0)],
            [Some(2.0), Some(2.0), Some(2.0), Some(2.0)],
            [Some(1.0), Some(2.0), Some(3.0), Some(4.0)],
            [Some(4.0), Some(4.0), Some(4.0), Some(4.0)],
            [Some(1.0), Some(1.0), Some(2.0), Some(1.0)],
            [Some(2.0), Some(2.0), Some(2.0), Some(2.0)],
            [n, Some(5.0), Some(5.0), Some(5.0)],
            [n, n, Some(1.0), Some(1.0)],
            [n, n, Some(3.0), n],
        ];
        Ratings::from_numbers(&rows.map(|r| r.to_vec()), &[])
    }

    #[test]
    fn conger_reproduces_the_irrcac_vignette_on_gwet_s_four_raters() {
        // Source: irrCAC (R) vignette "Weighted Chance-corrected Agreement Coefficients":
        // conger.kappa.raw(cac.raw4raters, weights = "quadratic") → pa 0.9753788, pe 0.8269638,
        // 0.85771, se 0.14367. Unweighted: 0.763 (irrCAC 0.4.4 test_conger.py, 3 decimals).
        let ratings = raw_4raters();
        let quadratic = evaluate(&ratings, &[1.0; 12], &ratings.scale().weight_matrix(Weights::Quadratic), true);
        assert!((quadratic.pa - 0.9753788).abs() < 5e-8);
        assert!((quadratic.pe - 0.8269638).abs() < 5e-8);
        assert!((quadratic.value.unwrap() - 0.85771).abs() < 5e-6);
        assert!((quadratic.se.unwrap() - 0.14367).abs() < 5e-6);
        let identity = evaluate(&ratings, &[1.0; 12], &ratings.scale().weight_matrix(Weights::None), true);
        assert!((identity.value.unwrap() - 0.763).abs() < 5e-4);
    }

    #[test]
    fn two_annotators_on_the_same_units_give_cohen_s_kappa() {
        let rows: Vec<Vec<Option<f64>>> = [(1, 1), (1, 2), (2, 2), (3, 3), (3, 1), (2, 2), (1, 1)]
            .iter()
            .map(|&(a, b)| vec![Some(f64::from(a)), Some(f64::from(b))])
            .collect();
        let ratings = Ratings::from_numbers(&rows, &[]);
        let matrix = ratings.scale().weight_matrix(Weights::Linear);
        let conger = evaluate(&ratings, &[1.0; 7], &matrix, false).value.unwrap();
        let cells = super::super::cohen::cells(&ratings, 0, 1);
        let cohen = super::super::cohen::evaluate_with(&cells, &[1.0; 7], 3, &matrix).kappa.unwrap();
        assert!((conger - cohen).abs() < 1e-12, "{conger} vs {cohen}");
    }

    #[test]
    fn one_annotator_or_nothing_to_pair_is_undefined_with_a_note() {
        let single = Ratings::from_units(Scale::numbers([1.0, 2.0]), vec![vec![(0, 0)], vec![(0, 1)]]);
        let value = evaluate(&single, &[1.0, 1.0], &[1.0, 0.0, 0.0, 1.0], true);
        assert_eq!((value.value, value.note.as_deref()), (None, Some("no unit has two or more ratings: nothing to pair")));
    }
}
