//! Tests of a 2×2 contingency table: Fisher's exact test (two-sided, as R's `fisher.test`) and
//! Pearson's χ² with Yates' continuity correction (as R's `chisq.test`), and the rule that picks
//! one (Fisher when an expected count is below 5, Cochran's rule).

use serde::{Deserialize, Serialize};

use super::special::{chi_squared_sf, ln_gamma};

/// Which test gave a p-value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableTest {
    /// Fisher's exact test, two-sided.
    Fisher,
    /// Pearson's χ² on 1 df with Yates' continuity correction.
    ChiSquared,
}

fn ln_choose(n: u64, k: u64) -> f64 {
    ln_gamma(n as f64 + 1.0) - ln_gamma(k as f64 + 1.0) - ln_gamma((n - k) as f64 + 1.0)
}

/// Two-sided p-value of Fisher's exact test of the table `[[a, b], [c, d]]`.
///
/// With the margins fixed, `a` follows the hypergeometric law; the p-value sums the
/// probabilities of every table no more likely than the observed one (with R's relative
/// tolerance 1e-7 for ties). `None` when the table is empty.
///
/// ```
/// // R 4.2.2: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857142857
/// let p = verdict_core::stats::contingency::fisher_exact(3, 1, 1, 3).unwrap();
/// assert!((p - 0.4857142857).abs() < 1e-9);
/// ```
pub fn fisher_exact(a: u64, b: u64, c: u64, d: u64) -> Option<f64> {
    let (row1, col1, total) = (a + b, a + c, a + b + c + d);
    if total == 0 {
        return None;
    }
    let low = col1.saturating_sub(c + d);
    let high = row1.min(col1);
    let ln_denominator = ln_choose(total, col1);
    let ln_p = |x: u64| ln_choose(row1, x) + ln_choose(total - row1, col1 - x) - ln_denominator;
    let observed = ln_p(a);
    let p: f64 = (low..=high).map(ln_p).filter(|&lp| lp <= observed + 1e-7_f64.ln_1p()).map(f64::exp).sum();
    Some(p.min(1.0))
}

/// Pearson's χ² (Yates-corrected) of `[[a, b], [c, d]]` and its p-value on 1 df; `None` when a
/// margin is zero (no test possible).
///
/// χ² = N (max(0, |ad − bc| − N/2))² / (r₁ r₂ c₁ c₂).
///
/// ```
/// // R 4.2.2: chisq.test(matrix(c(30, 70, 50, 50), 2)) gives X-squared = 7.520833, p = 0.006098945931
/// let (x2, p) = verdict_core::stats::contingency::chi_squared_yates(30, 50, 70, 50).unwrap();
/// assert!((x2 - 7.520833333).abs() < 1e-8 && (p - 0.006098945931).abs() < 1e-9);
/// ```
pub fn chi_squared_yates(a: u64, b: u64, c: u64, d: u64) -> Option<(f64, f64)> {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let n = a + b + c + d;
    let margins = (a + b) * (c + d) * (a + c) * (b + d);
    if margins == 0.0 {
        return None;
    }
    let corrected = ((a * d - b * c).abs() - n / 2.0).max(0.0);
    let statistic = n * corrected * corrected / margins;
    Some((statistic, chi_squared_sf(statistic, 1.0)?))
}

/// The test of `[[a, b], [c, d]]` by Cochran's rule: Fisher's exact test when any expected
/// count is below 5, else Yates-corrected χ². `None` when the table has an empty margin.
pub fn table_test(a: u64, b: u64, c: u64, d: u64) -> Option<(TableTest, f64)> {
    let n = (a + b + c + d) as f64;
    let rows = [(a + b) as f64, (c + d) as f64];
    let cols = [(a + c) as f64, (b + d) as f64];
    if rows.contains(&0.0) || cols.contains(&0.0) {
        return None;
    }
    let smallest_expected = rows.iter().flat_map(|r| cols.iter().map(move |c| r * c / n)).fold(f64::INFINITY, f64::min);
    if smallest_expected < 5.0 {
        Some((TableTest::Fisher, fisher_exact(a, b, c, d)?))
    } else {
        chi_squared_yates(a, b, c, d).map(|(_, p)| (TableTest::ChiSquared, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from R 4.2.2 (Debian `r-base-core`), printed with `sprintf("%.12g")`:
    /// `fisher.test(matrix(c(a, c, b, d), 2))$p.value` and `chisq.test(...)$statistic, $p.value`.
    #[test]
    fn matches_r() {
        let fisher = [
            ((3, 1, 1, 3), 0.485714285714),
            ((10, 2, 3, 15), 0.000536724119143),
            ((0, 5, 5, 0), 0.00793650793651),
            ((1, 9, 11, 3), 0.00275945618522),
            ((12, 88, 4, 96), 0.0651969430625),
            ((7, 0, 0, 0), 1.0),
        ];
        for ((a, b, c, d), expected) in fisher {
            let p = fisher_exact(a, b, c, d).unwrap();
            assert!((p - expected).abs() < 1e-9 * expected.max(1e-3), "fisher {a} {b} {c} {d}: {p} vs {expected}");
        }
        let chi = [((30, 50, 70, 50), 7.52083333333, 0.00609894593121), ((12, 88, 4, 96), 3.32880434783, 0.0680763467212)];
        for ((a, b, c, d), statistic, p_expected) in chi {
            let (x2, p) = chi_squared_yates(a, b, c, d).unwrap();
            assert!((x2 - statistic).abs() < 1e-8, "χ² {a} {b} {c} {d}: {x2} vs {statistic}");
            assert!((p - p_expected).abs() < 1e-9, "p {a} {b} {c} {d}: {p} vs {p_expected}");
        }
    }

    #[test]
    fn picks_the_test_by_expected_counts() {
        assert_eq!(table_test(3, 1, 1, 3).map(|t| t.0), Some(TableTest::Fisher));
        assert_eq!(table_test(30, 50, 70, 50).map(|t| t.0), Some(TableTest::ChiSquared));
        assert_eq!(table_test(0, 0, 4, 5), None);
        assert_eq!(fisher_exact(0, 0, 0, 0), None);
    }
}
