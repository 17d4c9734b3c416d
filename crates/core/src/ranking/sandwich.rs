//! Huber–White sandwich (robust) covariance of the rating models' parameters, assembled exactly
//! as arena-rank does (`contextual_bradley_terry.py::compute_hessian_and_covariance` and
//! `compute_ratings_and_cis`; `bradley_terry.py` is the same with no covariates and w = 1).
//!
//! With A = (1/n) Σ c w p(1−p) ∂z∂zᵀ (the "bread": the data part of the loss's Hessian) and
//! B = (1/n) Σ c (w (y − p))² ∂z∂zᵀ (the "meat": the scores' second moment),
//!
//! A′ = A + ε I,  B′ = B − (λ²/n) ϑϑᵀ,  V = A′⁻¹ B′ A′⁻¹ / n,
//!
//! where ε is `hessian_reg` (1e-5), λ the ridge on the coefficients and ϑ the parameter vector
//! with zeros for the ratings (so λϑ is the mean score at the ridge optimum); se = √diag V.
//! Huber (1967), White (1980); arena-rank uses A without the ridge's λI, and so do we, to give
//! its numbers. The ratings' common shift is a null direction of A and B alike: A′'s ε I keeps
//! it invertible and it contributes nothing to V. For plain Bradley–Terry (no covariates, w = 1)
//! this equals arena-rank's sum-scale form (H + εN I)⁻¹ G (H + εN I)⁻¹.

use crate::stats::linalg;

/// The pieces of the sandwich, all `dim`×`dim` row-major or length `dim`.
#[derive(Clone, Copy, Debug)]
pub struct Parts<'a> {
    /// A: the mean Hessian of the data part of the loss.
    pub hessian: &'a [f64],
    /// B: the mean of the scores' outer products.
    pub score_cov: &'a [f64],
    /// ϑ: the parameters under the ridge (0 for ratings, β for coefficients).
    pub penalized: &'a [f64],
    /// λ: the ridge's strength.
    pub reg: f64,
    /// ε: added to A's diagonal.
    pub hessian_reg: f64,
    /// n: battles.
    pub n: f64,
}

/// V = A′⁻¹ B′ A′⁻¹ / n (see the module docs), or `None` when A′ is not positive definite.
pub fn covariance(parts: &Parts<'_>, dim: usize) -> Option<Vec<f64>> {
    let mut bread = parts.hessian.to_vec();
    for i in 0..dim {
        bread[i * dim + i] += parts.hessian_reg;
    }
    let inverse = linalg::spd_inverse(&bread, dim)?;
    let correction = parts.reg * parts.reg / parts.n;
    let meat: Vec<f64> =
        (0..dim * dim).map(|e| parts.score_cov[e] - correction * parts.penalized[e / dim] * parts.penalized[e % dim]).collect();
    let product = multiply(&multiply(&inverse, &meat, dim), &inverse, dim);
    Some(product.into_iter().map(|v| v / parts.n).collect())
}

fn multiply(left: &[f64], right: &[f64], dim: usize) -> Vec<f64> {
    let mut result = vec![0.0; dim * dim];
    for r in 0..dim {
        for k in 0..dim {
            let factor = left[r * dim + k];
            if factor != 0.0 {
                for c in 0..dim {
                    result[r * dim + c] += factor * right[k * dim + c];
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_specified_model_gives_the_inverse_information() {
        // When B = A (the information-matrix equality), V = A⁻¹ / n up to ε: for one parameter
        // with A = 0.25 (p = ½), n = 400: V = 1 / (0.25 · 400) = 0.01.
        let parts = Parts { hessian: &[0.25], score_cov: &[0.25], penalized: &[0.0], reg: 0.0, hessian_reg: 0.0, n: 400.0 };
        assert!((covariance(&parts, 1).unwrap()[0] - 0.01).abs() < 1e-15);
        // The ridge correction lowers the meat by λ²ϑ²/n.
        let parts = Parts { penalized: &[2.0], reg: 0.5, ..parts };
        let expected = (0.25 - 0.25 * 4.0 / 400.0) / 0.0625 / 400.0;
        assert!((covariance(&parts, 1).unwrap()[0] - expected).abs() < 1e-15);
    }
}
