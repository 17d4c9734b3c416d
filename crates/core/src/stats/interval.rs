//! Confidence intervals for a proportion: Wilson's score interval (for KPIs and gold accuracy)
//! and the exact Clopper–Pearson interval (for audits).

use super::special::{beta_quantile, normal_quantile};

/// Wilson's score interval for `successes` out of `n` at `confidence` (e.g. 0.95).
/// Wilson (1927), JASA 22(158); Agresti & Coull (1998), The American Statistician 52(2).
/// `None` when `n` is 0, `successes > n` or `confidence` is outside (0, 1).
pub fn wilson(successes: u64, n: u64, confidence: f64) -> Option<(f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    let z = normal_quantile(0.5 + confidence / 2.0).filter(|_| confidence > 0.0 && confidence < 1.0)?;
    let n_f = n as f64;
    let p = successes as f64 / n_f;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n_f)) / (1.0 + z2 / n_f);
    let half = z / (1.0 + z2 / n_f) * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// The exact (Clopper–Pearson, 1934, Biometrika 26(4)) interval for `successes` out of `n`:
/// Beta(x, n − x + 1) and Beta(x + 1, n − x) quantiles, 0 and 1 at the edges.
/// `None` as for [`wilson`].
pub fn clopper_pearson(successes: u64, n: u64, confidence: f64) -> Option<(f64, f64)> {
    if n == 0 || successes > n || !(confidence > 0.0 && confidence < 1.0) {
        return None;
    }
    let alpha = 1.0 - confidence;
    let (x, n_f) = (successes as f64, n as f64);
    let low = if successes == 0 { 0.0 } else { beta_quantile(alpha / 2.0, x, n_f - x + 1.0)? };
    let high = if successes == n { 1.0 } else { beta_quantile(1.0 - alpha / 2.0, x + 1.0, n_f - x)? };
    Some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from an independent implementation: statsmodels'
    /// `proportion_confint(x, n, method="wilson")` and `method="beta"` (Clopper–Pearson).
    #[test]
    fn matches_published_values() {
        let close = |got: (f64, f64), want: (f64, f64)| {
            assert!((got.0 - want.0).abs() < 1e-7 && (got.1 - want.1).abs() < 1e-7, "got {got:?}, want {want:?}")
        };
        close(wilson(0, 10, 0.95).unwrap(), (0.0, 0.2775327));
        close(wilson(3, 10, 0.95).unwrap(), (0.1077913, 0.6032219));
        close(wilson(10, 10, 0.95).unwrap(), (0.7224673, 1.0));
        close(clopper_pearson(3, 10, 0.95).unwrap(), (0.06673951, 0.65245285));
        close(clopper_pearson(0, 20, 0.95).unwrap(), (0.0, 0.1684335));
        close(clopper_pearson(20, 20, 0.95).unwrap(), (0.8315665, 1.0));
        assert_eq!(wilson(0, 0, 0.95), None);
        assert_eq!(clopper_pearson(5, 4, 0.95), None);
    }
}
