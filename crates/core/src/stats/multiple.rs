//! Multiple testing: the Benjamini–Hochberg false-discovery-rate adjustment, used when many
//! annotators or strata are tested at once.

/// Benjamini–Hochberg (1995, JRSS B 57(1)) adjusted p-values ("q-values"), in the input's
/// order: q₍ᵢ₎ = min over j ≥ i of (m / j) · p₍ⱼ₎, capped at 1 — R's `p.adjust(p, "BH")`.
/// Rejecting every hypothesis with q ≤ α controls the FDR at α. NaN inputs are treated as 1.
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    let p_of = |i: usize| if p_values[i].is_nan() { 1.0 } else { p_values[i].clamp(0.0, 1.0) };
    order.sort_by(|&a, &b| p_of(a).total_cmp(&p_of(b)).then(a.cmp(&b)));
    let mut adjusted = vec![1.0; m];
    let mut running_min = 1.0_f64;
    for (rank, &index) in order.iter().enumerate().rev() {
        running_min = running_min.min(p_of(index) * m as f64 / (rank + 1) as f64);
        adjusted[index] = running_min.min(1.0);
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;

    /// statsmodels `multipletests(p, method="fdr_bh")` (= R's `p.adjust(p, "BH")`): 0.025 0.05 0.05 0.025 0.5
    #[test]
    fn matches_r_p_adjust() {
        let got = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005, 0.5]);
        for (g, w) in got.iter().zip([0.025, 0.05, 0.05, 0.025, 0.5]) {
            assert!((g - w).abs() < 1e-12, "{got:?}");
        }
        assert!(benjamini_hochberg(&[]).is_empty());
    }
}
