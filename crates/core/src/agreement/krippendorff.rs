//! Krippendorff's alpha at the nominal, ordinal, interval and ratio levels, with missing data.
//!
//! `α = 1 − D_o / D_e = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck`, where the
//! coincidences `o_ck = Σ_u (number of c–k pairs in unit u) / (m_u − 1)` count ordered pairs of
//! values within each unit with `m_u ≥ 2` values (units with fewer are ignored), `n_c = Σ_k o_ck`
//! and `n = Σ_c n_c` is the number of pairable values. Difference functions:
//! nominal `δ² = [c ≠ k]`; ordinal `δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²`;
//! interval `(c − k)²`; ratio `((c − k)/(c + k))²`.
//!
//! Reference: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", and
//! Krippendorff (2004) *Content Analysis*, ch. 11. Edge cases: fewer than two pairable values
//! or `D_e = 0` (every pairable value the same) leave α undefined (`None` with a note).

use super::ratings::Patterns;
use super::scale::Scale;
use crate::rubric::Level;

/// Alpha, the number of pairable units and values, or why it is undefined.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct AlphaValue {
    pub value: Option<f64>,
    pub note: Option<String>,
    pub n_pairable_units: f64,
    pub n_pairable_values: f64,
}

/// Alpha on pattern weights (unit counts).
pub(crate) fn evaluate(patterns: &Patterns, weight: &[f64], scale: &Scale, level: Level) -> AlphaValue {
    let q = scale.len();
    let mut out = AlphaValue::default();
    if level == Level::Ratio && !scale.is_numeric() {
        out.note = Some("ratio level needs numeric scores".into());
        return out;
    }
    let mut n_c = vec![0.0; q];
    for (p, &wp) in weight.iter().enumerate() {
        if wp == 0.0 || patterns.size[p] < 2 {
            continue;
        }
        out.n_pairable_units += wp;
        for &(c, r) in patterns.pattern(p) {
            n_c[c as usize] += wp * f64::from(r);
        }
    }
    let n: f64 = n_c.iter().sum();
    out.n_pairable_values = n;
    if n < 2.0 {
        out.note = Some("no unit has two or more ratings: nothing to pair".into());
        return out;
    }
    // Values centred on the mean for numerically stable interval sums.
    let mean = scale.values().iter().zip(&n_c).map(|(x, n)| x * n).sum::<f64>() / n;
    let centred: Vec<f64> = scale.values().iter().map(|x| x - mean).collect();
    let mut cumulative = Vec::with_capacity(q + 1);
    cumulative.push(0.0);
    for &count in &n_c {
        cumulative.push(cumulative.last().copied().unwrap_or(0.0) + count);
    }
    let delta = |c: u32, k: u32| -> f64 {
        let (c, k) = (c.min(k) as usize, c.max(k) as usize);
        match level {
            Level::Nominal => f64::from(u8::from(c != k)),
            Level::Ordinal => {
                let between = cumulative[k + 1] - cumulative[c] - (n_c[c] + n_c[k]) / 2.0;
                between * between
            }
            Level::Interval => (centred[c] - centred[k]).powi(2),
            Level::Ratio => {
                let (x, y) = (scale.value(c as u32), scale.value(k as u32));
                if x + y == 0.0 {
                    0.0
                } else {
                    ((x - y) / (x + y)).powi(2)
                }
            }
        }
    };
    let mut observed = 0.0;
    for (p, &wp) in weight.iter().enumerate() {
        if wp == 0.0 || patterns.size[p] < 2 {
            continue;
        }
        let counts = patterns.pattern(p);
        let within: f64 = match level {
            Level::Nominal => {
                let m = f64::from(patterns.size[p]);
                m * m - counts.iter().map(|&(_, r)| f64::from(r).powi(2)).sum::<f64>()
            }
            Level::Interval => {
                let m = f64::from(patterns.size[p]);
                let sum: f64 = counts.iter().map(|&(c, r)| f64::from(r) * centred[c as usize]).sum();
                let sum_sq: f64 = counts.iter().map(|&(c, r)| f64::from(r) * centred[c as usize].powi(2)).sum();
                2.0 * (m * sum_sq - sum * sum)
            }
            _ => {
                let mut total = 0.0;
                for (i, &(c, rc)) in counts.iter().enumerate() {
                    for &(k, rk) in &counts[i + 1..] {
                        total += 2.0 * f64::from(rc) * f64::from(rk) * delta(c, k);
                    }
                }
                total
            }
        };
        observed += wp * within / f64::from(patterns.size[p] - 1);
    }
    let expected: f64 = match level {
        Level::Nominal => n * n - n_c.iter().map(|x| x * x).sum::<f64>(),
        Level::Interval => {
            let sum: f64 = n_c.iter().zip(&centred).map(|(n, x)| n * x).sum();
            let sum_sq: f64 = n_c.iter().zip(&centred).map(|(n, x)| n * x * x).sum();
            2.0 * (n * sum_sq - sum * sum)
        }
        _ => {
            let mut total = 0.0;
            for c in 0..q {
                if n_c[c] == 0.0 {
                    continue;
                }
                for k in c + 1..q {
                    if n_c[k] > 0.0 {
                        total += 2.0 * n_c[c] * n_c[k] * delta(c as u32, k as u32);
                    }
                }
            }
            total
        }
    };
    if n_c.iter().filter(|&&count| count > 0.0).count() < 2 || expected <= 0.0 {
        out.note = Some("no variation: every pairable rating has the same value".into());
        return out;
    }
    out.value = Some(1.0 - (n - 1.0) * observed / expected);
    out
}

/// Alpha from a `q × q` coincidence matrix (`o_ck`, see the module docs). Used where units are
/// added and removed incrementally (per-annotator "alpha without"). `None` when undefined.
pub(crate) fn from_coincidences(coincidences: &[f64], scale: &Scale, level: Level) -> Option<f64> {
    let q = scale.len();
    if level == Level::Ratio && !scale.is_numeric() {
        return None;
    }
    // Entries are sums of ±1/(m − 1): treat rounding residue as zero.
    let n_c: Vec<f64> =
        (0..q).map(|c| coincidences[c * q..(c + 1) * q].iter().sum::<f64>()).map(|x| if x.abs() < 1e-9 { 0.0 } else { x }).collect();
    let n: f64 = n_c.iter().sum();
    if n < 2.0 - 1e-9 || n_c.iter().filter(|&&x| x > 0.0).count() < 2 {
        return None;
    }
    let mut cumulative = vec![0.0; q + 1];
    for c in 0..q {
        cumulative[c + 1] = cumulative[c] + n_c[c];
    }
    let delta = |c: usize, k: usize| -> f64 {
        let (c, k) = (c.min(k), c.max(k));
        let (x, y) = (scale.value(c as u32), scale.value(k as u32));
        match level {
            Level::Nominal => f64::from(u8::from(c != k)),
            Level::Ordinal => (cumulative[k + 1] - cumulative[c] - (n_c[c] + n_c[k]) / 2.0).powi(2),
            Level::Interval => (x - y).powi(2),
            Level::Ratio if x + y == 0.0 => 0.0,
            Level::Ratio => ((x - y) / (x + y)).powi(2),
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..q {
        for k in 0..q {
            if c != k {
                let d = delta(c, k);
                observed += coincidences[c * q + k] * d;
                expected += n_c[c] * n_c[k] * d;
            }
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

/// Adds `sign ×` one unit's coincidences (ordered pairs of its categories, each `1/(m − 1)`).
pub(crate) fn add_unit(coincidences: &mut [f64], q: usize, categories: &[u32], sign: f64) {
    let m = categories.len();
    if m < 2 {
        return;
    }
    let share = sign / (m - 1) as f64;
    for (i, &c) in categories.iter().enumerate() {
        for (j, &k) in categories.iter().enumerate() {
            if i != j {
                coincidences[c as usize * q + k as usize] += share;
            }
        }
    }
}
