//! Intraclass correlations in the six Shrout–Fleiss (1979) forms, from a two-way ANOVA of the
//! complete `n targets × k judges` table (targets with a missing score are dropped).
//!
//! With `MSR` (between targets), `MSC` (between judges), `MSE` (residual) and
//! `MSW = (SSC + SSE) / (n (k − 1))` (within targets):
//! ICC1 `(MSR − MSW)/(MSR + (k−1) MSW)`; ICC2 `(MSR − MSE)/(MSR + (k−1) MSE + k (MSC − MSE)/n)`;
//! ICC3 `(MSR − MSE)/(MSR + (k−1) MSE)`; ICC1k `(MSR − MSW)/MSR`;
//! ICC2k `(MSR − MSE)/(MSR + (MSC − MSE)/n)`; ICC3k `(MSR − MSE)/MSR`.
//! ICC1 is one-way random (each target rated by different judges), ICC2 two-way random
//! (absolute agreement), ICC3 two-way mixed (consistency); the `k` forms are for the mean of
//! the `k` judges. Names follow Shrout & Fleiss (1979) and pingouin; McGraw & Wong (1996) call
//! them ICC(1,1), ICC(A,1), ICC(C,1), ICC(1,k), ICC(A,k), ICC(C,k).

use serde::{Deserialize, Serialize};

use super::ratings::Ratings;

/// One of the six Shrout–Fleiss forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IccForm {
    /// One-way random, single rater.
    #[serde(rename = "ICC1")]
    Icc1,
    /// Two-way random, absolute agreement, single rater.
    #[serde(rename = "ICC2")]
    Icc2,
    /// Two-way mixed, consistency, single rater.
    #[serde(rename = "ICC3")]
    Icc3,
    /// One-way random, mean of k raters.
    #[serde(rename = "ICC1k")]
    Icc1k,
    /// Two-way random, absolute agreement, mean of k raters.
    #[serde(rename = "ICC2k")]
    Icc2k,
    /// Two-way mixed, consistency, mean of k raters.
    #[serde(rename = "ICC3k")]
    Icc3k,
}

impl IccForm {
    /// All six forms in Shrout–Fleiss order.
    pub const ALL: [IccForm; 6] = [IccForm::Icc1, IccForm::Icc2, IccForm::Icc3, IccForm::Icc1k, IccForm::Icc2k, IccForm::Icc3k];

    /// The form's name (`ICC1` … `ICC3k`).
    pub fn name(self) -> &'static str {
        match self {
            IccForm::Icc1 => "ICC1",
            IccForm::Icc2 => "ICC2",
            IccForm::Icc3 => "ICC3",
            IccForm::Icc1k => "ICC1k",
            IccForm::Icc2k => "ICC2k",
            IccForm::Icc3k => "ICC3k",
        }
    }
}

/// The complete rows of a ratings table: judges are the annotators with at least one rating.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    /// `rows[i]` are the k scores of complete unit `units[i]`, in judge order.
    pub rows: Vec<Vec<f64>>,
    pub units: Vec<u32>,
    pub k: usize,
    pub n_dropped: usize,
}

pub(crate) fn table(ratings: &Ratings) -> Table {
    let mut seen = vec![false; ratings.n_annotators() as usize];
    ratings.units().flatten().for_each(|&(a, _)| seen[a as usize] = true);
    let mut judge_of = vec![u32::MAX; seen.len()];
    let mut k = 0u32;
    for (annotator, _) in seen.iter().enumerate().filter(|(_, s)| **s) {
        judge_of[annotator] = k;
        k += 1;
    }
    let k = k as usize;
    let mut out = Table { rows: Vec::new(), units: Vec::new(), k, n_dropped: 0 };
    for (u, unit) in ratings.units().enumerate() {
        if unit.len() != k {
            out.n_dropped += 1;
            continue;
        }
        let mut row = vec![0.0; k];
        for &(a, c) in unit {
            row[judge_of[a as usize] as usize] = ratings.scale().value(c);
        }
        out.rows.push(row);
        out.units.push(u as u32);
    }
    out
}

/// The six ICCs of the complete rows, each row weighted by `row_weight` (bootstrap counts).
pub(crate) fn evaluate(table: &Table, row_weight: &[f64]) -> Result<[Option<f64>; 6], String> {
    let k = table.k;
    if k < 2 {
        return Err("ICC needs two or more annotators".into());
    }
    let n: f64 = row_weight.iter().sum();
    if n < 2.0 {
        return Err(format!("fewer than two items were scored by all {k} annotators"));
    }
    let kf = k as f64;
    let mut grand = 0.0;
    let mut col_sum = vec![0.0; k];
    for (row, &w) in table.rows.iter().zip(row_weight) {
        for (j, x) in row.iter().enumerate() {
            col_sum[j] += w * x;
            grand += w * x;
        }
    }
    let grand_mean = grand / (n * kf);
    let col_mean: Vec<f64> = col_sum.iter().map(|s| s / n).collect();
    let (mut ss_rows, mut ss_total) = (0.0, 0.0);
    for (row, &w) in table.rows.iter().zip(row_weight) {
        if w == 0.0 {
            continue;
        }
        let row_mean = row.iter().sum::<f64>() / kf;
        ss_rows += w * kf * (row_mean - grand_mean).powi(2);
        ss_total += w * row.iter().map(|x| (x - grand_mean).powi(2)).sum::<f64>();
    }
    let ss_cols: f64 = col_mean.iter().map(|m| n * (m - grand_mean).powi(2)).sum();
    let ss_error = (ss_total - ss_rows - ss_cols).max(0.0);
    let msr = ss_rows / (n - 1.0);
    let msc = ss_cols / (kf - 1.0);
    let mse = ss_error / ((n - 1.0) * (kf - 1.0));
    let msw = (ss_cols + ss_error) / (n * (kf - 1.0));
    // A non-positive denominator (possible for ICC2/ICC2k when MSC < MSE in tiny samples, or
    // MSR = 0) makes the estimate meaningless (it can exceed 1): undefined, not a number.
    // "Positive" is relative to the mean squares, so rounding noise around 0 counts as 0.
    let scale = msr + msc + mse + msw;
    let ratio = |num: f64, den: f64| if den > 1e-9 * scale && den.is_finite() { Some(num / den) } else { None };
    if ss_total <= 0.0 {
        return Err("no variation: every score is the same".into());
    }
    Ok([
        ratio(msr - msw, msr + (kf - 1.0) * msw),
        ratio(msr - mse, msr + (kf - 1.0) * mse + kf * (msc - mse) / n),
        ratio(msr - mse, msr + (kf - 1.0) * mse),
        ratio(msr - msw, msr),
        ratio(msr - mse, msr + (msc - mse) / n),
        ratio(msr - mse, msr),
    ])
}
