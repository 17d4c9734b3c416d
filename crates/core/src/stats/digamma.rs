//! The digamma function ψ(x) = d/dx ln Γ(x), for variational updates (MACE).

/// ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10 (the first omitted term is then below 1e-16), then the asymptotic series
/// ln x − 1/(2x) − Σ B₂ₙ/(2n x²ⁿ) (Abramowitz & Stegun 6.3.18) to x⁻¹⁴. `None` for x ≤ 0 or NaN
/// (the poles and the negative axis are not needed here).
pub fn digamma(x: f64) -> Option<f64> {
    if x.is_nan() || x <= 0.0 {
        return None;
    }
    if x.is_infinite() {
        return Some(f64::INFINITY);
    }
    let (mut x, mut shift) = (x, 0.0);
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let inverse_square = 1.0 / (x * x);
    // Bernoulli terms B2n/(2n): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
    let series = inverse_square
        * (1.0 / 12.0
            - inverse_square
                * (1.0 / 120.0
                    - inverse_square
                        * (1.0 / 252.0
                            - inverse_square
                                * (1.0 / 240.0
                                    - inverse_square * (1.0 / 132.0 - inverse_square * (691.0 / 32760.0 - inverse_square / 12.0))))));
    Some(shift + x.ln() - 0.5 / x - series)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy() {
        // Expected: scipy.special.digamma, SciPy 1.12.0.
        let cases = [
            (0.001, -1000.5755719318103),
            (0.1, -10.423754940411076),
            (0.5, -1.9635100260214235),
            (1.0, -0.5772156649015329),
            (1.5, 0.03648997397857652),
            (2.5, 0.7031566406452432),
            (6.0, 1.7061176684318005),
            (10.7, 2.322787537024018),
            (25.0, 3.198742512851974),
            (100.5, 4.605174352581845),
            (1e4, 9.21029037114285),
        ];
        for (x, expected) in cases {
            let got = digamma(x).unwrap();
            assert!((got - expected).abs() <= 1e-13 * expected.abs().max(1.0), "digamma({x}) = {got}, SciPy {expected}");
        }
        assert_eq!(digamma(0.0), None);
        assert_eq!(digamma(-1.5), None);
    }
}
