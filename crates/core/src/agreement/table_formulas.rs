//! Two-annotator coefficients from a `q × q` contingency table, with the standard errors Gwet
//! (2014, ch. 5) gives for that layout — irrCAC's convention for tables (`irrCAC.table`,
//! `kappa2.table` & co.): `v = (Σ_kl p_kl (a_kl)² − (p_a − 2(1 − κ) p_e)²) / (n (1 − p_e)²)`,
//! the variance over the `n` units *without* the `n/(n − 1)` of the raw-data formula.
//!
//! With `p_kl = n_kl / n`, row and column marginals `p_k·`, `p_·l`, weights `w` and `T_w = Σ w`:
//! `p_a = Σ w_kl p_kl`;
//! Cohen `p_e = Σ w_kl p_k· p_·l`, `a_kl = w_kl − (1 − κ)(w̄_k + w̄'_l)` with
//! `w̄_k = Σ_j w_jk p_·j`, `w̄'_l = Σ_j w_jl p_j·` (irrCAC's column sums, equal to Gwet's row
//! form for symmetric weights);
//! Scott (= Fleiss for two annotators) `π_k = (p_k· + p_·k)/2`, `p_e = Σ w_kl π_k π_l`,
//! `a_kl = w_kl − (1 − π)(π̄_k + π̄_l)`, `π̄ = (w̄ + w̄')/2`;
//! Gwet `p_e = T_w Σ π_k (1 − π_k) / (q(q − 1))`,
//! `a_kl = w_kl − 2(1 − γ) T_w (1 − (π_k + π_l)/2) / (q(q − 1))`;
//! Brennan–Prediger `p_e = T_w / q²`, `v = (Σ p_kl w_kl² − p_a²)/(n (1 − p_e)²)`;
//! percent agreement `v = (Σ p_kl w_kl² − p_a²)/n`.

/// A coefficient, its chance agreement and standard error.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TableValue {
    pub value: f64,
    pub pe: f64,
    pub se: f64,
}

/// The coefficients of one table.
pub(crate) struct TableFormulas<'a> {
    q: usize,
    n: f64,
    p: Vec<f64>,
    rows: Vec<f64>,
    cols: Vec<f64>,
    w: &'a [f64],
    pa: f64,
}

impl<'a> TableFormulas<'a> {
    /// `None` when the table is empty.
    pub fn new(counts: &[f64], q: usize, weight_matrix: &'a [f64]) -> Option<TableFormulas<'a>> {
        let n: f64 = counts.iter().sum();
        if n <= 0.0 {
            return None;
        }
        let p: Vec<f64> = counts.iter().map(|c| c / n).collect();
        let rows = (0..q).map(|k| (0..q).map(|l| p[k * q + l]).sum()).collect();
        let cols = (0..q).map(|l| (0..q).map(|k| p[k * q + l]).sum()).collect();
        let pa = p.iter().zip(weight_matrix).map(|(p, w)| p * w).sum();
        Some(TableFormulas { q, n, p, rows, cols, w: weight_matrix, pa })
    }

    fn sum_p_times(&self, term: impl Fn(usize, usize) -> f64) -> f64 {
        let q = self.q;
        (0..q * q).map(|i| self.p[i] * term(i / q, i % q)).sum()
    }

    /// `(Σ p a² − (p_a − 2(1 − κ) p_e)²) / (n (1 − p_e)²)`, clamped at 0 against rounding.
    fn linearised(&self, value: f64, pe: f64, a: impl Fn(usize, usize) -> f64) -> Option<TableValue> {
        if 1.0 - pe < 1e-12 {
            return None;
        }
        let sum = self.sum_p_times(|k, l| a(k, l).powi(2));
        let variance = (sum - (self.pa - 2.0 * (1.0 - value) * pe).powi(2)) / (self.n * (1.0 - pe).powi(2));
        Some(TableValue { value, pe, se: variance.max(0.0).sqrt() })
    }

    /// `w̄_k = Σ_j w_jk m_j` for marginals `m` (irrCAC's column sums).
    fn column_weighted(&self, marginals: &[f64]) -> Vec<f64> {
        (0..self.q).map(|k| (0..self.q).map(|j| self.w[j * self.q + k] * marginals[j]).sum()).collect()
    }

    /// Cohen's kappa (also Conger's for two annotators). `None` when `p_e = 1`.
    pub fn cohen(&self) -> Option<TableValue> {
        let q = self.q;
        let pe = (0..q * q).map(|i| self.w[i] * self.rows[i / q] * self.cols[i % q]).sum::<f64>();
        let kappa = (self.pa - pe) / (1.0 - pe);
        let (by_cols, by_rows) = (self.column_weighted(&self.cols), self.column_weighted(&self.rows));
        self.linearised(kappa, pe, |k, l| self.w[k * q + l] - (1.0 - kappa) * (by_cols[k] + by_rows[l]))
    }

    /// Scott's pi (also Fleiss' kappa for two annotators); Krippendorff's alpha shares its
    /// standard error (irrCAC `krippen2.table`).
    pub fn scott(&self) -> Option<TableValue> {
        let q = self.q;
        let pi: Vec<f64> = (0..q).map(|k| (self.rows[k] + self.cols[k]) / 2.0).collect();
        let pe = (0..q * q).map(|i| self.w[i] * pi[i / q] * pi[i % q]).sum::<f64>();
        let value = (self.pa - pe) / (1.0 - pe);
        let (by_cols, by_rows) = (self.column_weighted(&self.cols), self.column_weighted(&self.rows));
        let mean: Vec<f64> = by_cols.iter().zip(&by_rows).map(|(a, b)| (a + b) / 2.0).collect();
        self.linearised(value, pe, |k, l| self.w[k * q + l] - (1.0 - value) * (mean[k] + mean[l]))
    }

    /// Gwet's AC1 (AC2 when weighted). `None` for fewer than two categories.
    pub fn gwet(&self) -> Option<TableValue> {
        let q = self.q;
        if q < 2 {
            return None;
        }
        let t_w: f64 = self.w.iter().sum();
        let scale = t_w / (q * (q - 1)) as f64;
        let pi: Vec<f64> = (0..q).map(|k| (self.rows[k] + self.cols[k]) / 2.0).collect();
        let pe = scale * pi.iter().map(|p| p * (1.0 - p)).sum::<f64>();
        let value = (self.pa - pe) / (1.0 - pe);
        self.linearised(value, pe, |k, l| self.w[k * q + l] - 2.0 * (1.0 - value) * scale * (1.0 - (pi[k] + pi[l]) / 2.0))
    }

    /// Brennan–Prediger. `None` for fewer than two categories.
    pub fn brennan_prediger(&self) -> Option<TableValue> {
        let q = self.q;
        if q < 2 {
            return None;
        }
        let pe = self.w.iter().sum::<f64>() / (q * q) as f64;
        if 1.0 - pe < 1e-12 {
            return None;
        }
        let value = (self.pa - pe) / (1.0 - pe);
        let sum = self.sum_p_times(|k, l| self.w[k * q + l].powi(2));
        let variance = (sum - self.pa.powi(2)) / (self.n * (1.0 - pe).powi(2));
        Some(TableValue { value, pe, se: variance.max(0.0).sqrt() })
    }

    /// Percent agreement and its standard error.
    pub fn percent(&self) -> TableValue {
        let q = self.q;
        let sum = self.sum_p_times(|k, l| self.w[k * q + l].powi(2));
        TableValue { value: self.pa, pe: 0.0, se: ((sum - self.pa.powi(2)) / self.n).max(0.0).sqrt() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABSTRACTORS: [f64; 9] = [13.0, 0.0, 0.0, 0.0, 20.0, 7.0, 0.0, 4.0, 56.0];
    const IDENTITY: [f64; 9] = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];

    #[test]
    fn the_abstractors_table_gives_the_irrcac_vignette_values() {
        // Source: irrCAC (R) vignette "Calculating Chance-corrected Agreement Coefficients" (Gwet),
        // cont3x3abstractors (Gwet 2014): kappa2.table 0.7964094 (se 0.05891072), scott2.table
        // 0.7962397 (0.05905473), gwet.ac1.table 0.8493305 (0.04321747), bp2.table 0.835
        // (0.04693346), pa2.table 0.89 (0.03128898).
        let t = TableFormulas::new(&ABSTRACTORS, 3, &IDENTITY).unwrap();
        let check = |v: TableValue, value: f64, se: f64| {
            assert!((v.value - value).abs() < 5e-8 && (v.se - se).abs() < 5e-9, "{v:?} vs {value} {se}");
        };
        check(t.cohen().unwrap(), 0.7964094, 0.05891072);
        check(t.scott().unwrap(), 0.7962397, 0.05905473);
        check(t.gwet().unwrap(), 0.8493305, 0.04321747);
        check(t.brennan_prediger().unwrap(), 0.835, 0.04693346);
        check(t.percent(), 0.89, 0.03128898);
    }
}
