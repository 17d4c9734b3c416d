//! Two-annotator coefficients: Cohen's kappa (unweighted, linear, quadratic) and PABAK with the
//! prevalence and bias indices.
//!
//! Cohen (1960, 1968): with `p_ck` the share of shared units rated `c` by the first annotator
//! and `k` by the second, `p_o = Σ w_ck p_ck`, `p_e = Σ w_ck p_c· p_·k`,
//! `κ = (p_o − p_e) / (1 − p_e)`. Only units rated by both annotators count.
//!
//! Byrt, Bishop & Carlin (1993): `PABAK = (q p_o − 1)/(q − 1)` (`2 p_o − 1` for two categories),
//! the prevalence index `PI = |p_11 − p_00|` and bias index `BI = |p_10 − p_01|` for binary scales.
//! High PI with low κ and high p_o is the "kappa paradox" (Feinstein & Cicchetti 1990).

use super::ratings::Ratings;
use super::scale::{Scale, Weights};

/// The shared units of two annotators: the cell `(c, k)` of each unit, `None` when not shared.
pub(crate) fn cells(ratings: &Ratings, first: u32, second: u32) -> Vec<Option<(u32, u32)>> {
    ratings
        .units()
        .map(|unit| {
            let a = unit.iter().find(|r| r.0 == first)?;
            let b = unit.iter().find(|r| r.0 == second)?;
            Some((a.1, b.1))
        })
        .collect()
}

/// Cohen's kappa and PABAK from the shared units, each weighted by `unit_weight`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PairValue {
    pub kappa: Option<f64>,
    pub kappa_note: Option<String>,
    pub pabak: Option<f64>,
    pub pabak_note: Option<String>,
    pub prevalence_index: Option<f64>,
    pub bias_index: Option<f64>,
    pub n_shared: f64,
}

/// Cohen's kappa and PABAK of the shared units `cells`, each counted `unit_weight` times, with a
/// `q × q` weight matrix (row-major).
pub(crate) fn evaluate_with(cells: &[Option<(u32, u32)>], unit_weight: &[f64], q: usize, weight_matrix: &[f64]) -> PairValue {
    let mut table = vec![0.0; q * q];
    for (cell, &w) in cells.iter().zip(unit_weight) {
        if let (Some((c, k)), true) = (cell, w > 0.0) {
            table[*c as usize * q + *k as usize] += w;
        }
    }
    from_table_with(&table, q, weight_matrix)
}

/// Cohen's kappa and PABAK from a `q × q` table of (first annotator, second annotator) counts.
pub(crate) fn from_table(table: &[f64], scale: &Scale, weights: Weights) -> PairValue {
    from_table_with(table, scale.len(), &scale.weight_matrix(weights))
}

/// [`from_table`] with a `q × q` weight matrix (row-major).
pub(crate) fn from_table_with(table: &[f64], q: usize, weight_matrix: &[f64]) -> PairValue {
    let n: f64 = table.iter().sum();
    let mut out = PairValue { n_shared: n, ..PairValue::default() };
    if n == 0.0 {
        let note = "the two annotators rated no unit in common".to_string();
        out.kappa_note = Some(note.clone());
        out.pabak_note = Some(note);
        return out;
    }
    let (mut rows, mut cols) = (vec![0.0; q], vec![0.0; q]);
    let (mut po, mut po_exact) = (0.0, 0.0);
    for c in 0..q {
        for k in 0..q {
            let p = table[c * q + k] / n;
            rows[c] += p;
            cols[k] += p;
            po += weight_matrix[c * q + k] * p;
            if c == k {
                po_exact += p;
            }
        }
    }
    let mut pe = 0.0;
    for (c, row) in rows.iter().enumerate() {
        for (k, col) in cols.iter().enumerate() {
            pe += weight_matrix[c * q + k] * row * col;
        }
    }
    if 1.0 - pe < 1e-12 {
        out.kappa_note = Some("chance agreement is 1 (no variation: both annotators used one category)".into());
    } else {
        out.kappa = Some((po - pe) / (1.0 - pe));
    }
    if q < 2 {
        out.pabak_note = Some("the scale has a single category".into());
    } else {
        out.pabak = Some((q as f64 * po_exact - 1.0) / (q as f64 - 1.0));
        if q == 2 {
            out.prevalence_index = Some((table[3] - table[0]).abs() / n);
            out.bias_index = Some((table[2] - table[1]).abs() / n);
        } else {
            out.pabak_note = Some("prevalence and bias indices are defined for two categories only".into());
        }
    }
    out
}
