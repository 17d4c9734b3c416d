//! Dense symmetric positive definite linear algebra for the small systems of the rating models
//! (one row and column per model and covariate): Cholesky factorization, solves and inverse.
//!
//! A = L Lᵀ (Golub & Van Loan, *Matrix Computations*, 4th ed., Alg. 4.2.1), row-major, in place;
//! O(d³/3) to factor, O(d²) per solve. Checked against the exact inverse of a Hilbert-like SPD
//! matrix and against A·A⁻¹ = I in the tests below.

/// Factors the `dim`×`dim` symmetric positive definite `a` (row-major; only the lower triangle
/// is read) into its Cholesky factor L, stored in the lower triangle. Returns false when `a`
/// is not (numerically) positive definite.
pub fn cholesky(a: &mut [f64], dim: usize) -> bool {
    for c in 0..dim {
        let mut diagonal = a[c * dim + c];
        for k in 0..c {
            diagonal -= a[c * dim + k] * a[c * dim + k];
        }
        if diagonal <= 1e-300 || !diagonal.is_finite() {
            return false;
        }
        let diagonal = diagonal.sqrt();
        a[c * dim + c] = diagonal;
        for r in c + 1..dim {
            let mut value = a[r * dim + c];
            for k in 0..c {
                value -= a[r * dim + k] * a[c * dim + k];
            }
            a[r * dim + c] = value / diagonal;
        }
    }
    true
}

/// Solves L Lᵀ x = b in place (x left in `b`) with the factor from [`cholesky`].
pub fn cholesky_solve(factor: &[f64], dim: usize, b: &mut [f64]) {
    for r in 0..dim {
        let mut value = b[r];
        for k in 0..r {
            value -= factor[r * dim + k] * b[k];
        }
        b[r] = value / factor[r * dim + r];
    }
    for r in (0..dim).rev() {
        let mut value = b[r];
        for k in r + 1..dim {
            value -= factor[k * dim + r] * b[k];
        }
        b[r] = value / factor[r * dim + r];
    }
}

/// The inverse of a symmetric positive definite `dim`×`dim` matrix (row-major), or `None` when
/// it is not positive definite.
pub fn spd_inverse(a: &[f64], dim: usize) -> Option<Vec<f64>> {
    let mut factor = a.to_vec();
    if !cholesky(&mut factor, dim) {
        return None;
    }
    let mut inverse = vec![0.0; dim * dim];
    let mut column = vec![0.0; dim];
    for c in 0..dim {
        column.iter_mut().enumerate().for_each(|(r, v)| *v = f64::from(u8::from(r == c)));
        cholesky_solve(&factor, dim, &mut column);
        for r in 0..dim {
            inverse[r * dim + c] = column[r];
        }
    }
    Some(inverse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverts_a_known_matrix() {
        // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8.
        let inverse = spd_inverse(&[4.0, 2.0, 2.0, 3.0], 2).unwrap();
        for (got, want) in inverse.iter().zip([0.375, -0.25, -0.25, 0.5]) {
            assert!((got - want).abs() < 1e-15, "{inverse:?}");
        }
        assert!(spd_inverse(&[1.0, 2.0, 2.0, 1.0], 2).is_none(), "indefinite");
    }

    #[test]
    fn a_times_its_inverse_is_the_identity() {
        // A = Hilbert matrix + I (SPD, moderately conditioned), 6×6.
        let dim = 6;
        let a: Vec<f64> =
            (0..dim * dim).map(|i| 1.0 / ((i / dim + i % dim + 1) as f64) + f64::from(u8::from(i / dim == i % dim))).collect();
        let inverse = spd_inverse(&a, dim).unwrap();
        for r in 0..dim {
            for c in 0..dim {
                let value: f64 = (0..dim).map(|k| a[r * dim + k] * inverse[k * dim + c]).sum();
                assert!((value - f64::from(u8::from(r == c))).abs() < 1e-12, "({r}, {c}): {value}");
            }
        }
    }
}
