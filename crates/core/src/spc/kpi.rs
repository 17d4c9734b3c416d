//! KPI flags that respect uncertainty: a rater (or site) is flagged below a proportion target
//! only with enough data, a Wilson interval wholly below the target, and a one-sided binomial
//! test that survives the Benjamini–Hochberg false-discovery control across all raters tested.
//! Used by the report and workspace (the lead wires it in); see `docs/METRICS.md`.

use serde::Serialize;

use crate::stats::special::binomial_cdf;
use crate::stats::{benjamini_hochberg, wilson};

/// One rater's (or site's) KPI count: `successes` good outcomes (e.g. answers equal to gold) of `n`.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiCount {
    /// The rater or site.
    pub key: String,
    /// Good outcomes.
    pub successes: u64,
    /// Trials.
    pub n: u64,
}

/// Settings of [`kpi_flags`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KpiPolicy {
    /// The lowest acceptable proportion (e.g. 0.90 gold accuracy).
    pub target: f64,
    /// Fewer trials than this are never flagged (e.g. 30).
    pub min_n: u64,
    /// Interval confidence (0.95).
    pub confidence: f64,
    /// False-discovery rate for the Benjamini–Hochberg step (0.05).
    pub fdr: f64,
}

impl Default for KpiPolicy {
    fn default() -> Self {
        KpiPolicy { target: 0.90, min_n: 30, confidence: 0.95, fdr: 0.05 }
    }
}

/// The verdict on one KPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    /// n ≥ minimum, the interval lies wholly below the target and the BH-adjusted p ≤ FDR.
    BelowTarget,
    /// n ≥ minimum and the interval reaches the target or lies above it (not shown to be below).
    Meets,
    /// Fewer than the minimum trials, or below target without a significant test after BH.
    InsufficientEvidence,
}

/// One flagged (or not) KPI, with what the table shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KpiFlag {
    /// The rater or site.
    pub key: String,
    /// Trials.
    pub n: u64,
    /// Observed proportion (`None` when n = 0).
    pub value: Option<f64>,
    /// Wilson interval (`None` when n = 0).
    pub ci_low: Option<f64>,
    /// Wilson interval (`None` when n = 0).
    pub ci_high: Option<f64>,
    /// One-sided exact binomial p-value of H₀: proportion ≥ target, P(X ≤ successes | n, target).
    pub p_value: Option<f64>,
    /// The Benjamini–Hochberg adjusted p-value across every key with n ≥ min_n.
    pub q_value: Option<f64>,
    /// The verdict.
    pub status: KpiStatus,
}

/// Flags each KPI count against `policy` (order kept). Only keys with n ≥ `min_n` enter the
/// Benjamini–Hochberg family; a key is `BelowTarget` when its Wilson interval's upper end is
/// below the target *and* its q-value is ≤ the FDR; `Meets` when n ≥ `min_n` and the
/// interval's upper end reaches the target; `InsufficientEvidence` otherwise.
///
/// ```
/// use verdict_core::spc::kpi::{kpi_flags, KpiCount, KpiPolicy, KpiStatus};
/// let counts = [KpiCount { key: "a".into(), successes: 40, n: 60 }, KpiCount { key: "b".into(), successes: 2, n: 3 }];
/// let flags = kpi_flags(&counts, KpiPolicy::default()); // target 0.90, n ≥ 30, 95 %, FDR 0.05
/// assert_eq!(flags[0].status, KpiStatus::BelowTarget);
/// assert_eq!(flags[1].status, KpiStatus::InsufficientEvidence);
/// ```
pub fn kpi_flags(counts: &[KpiCount], policy: KpiPolicy) -> Vec<KpiFlag> {
    let tested: Vec<usize> = (0..counts.len()).filter(|&i| counts[i].n >= policy.min_n.max(1)).collect();
    let p_values: Vec<f64> = tested
        .iter()
        .map(|&i| binomial_cdf(counts[i].successes.min(counts[i].n), counts[i].n, policy.target.clamp(0.0, 1.0)).unwrap_or(1.0))
        .collect();
    let q_values = benjamini_hochberg(&p_values);
    counts
        .iter()
        .enumerate()
        .map(|(index, count)| {
            let interval = wilson(count.successes, count.n, policy.confidence);
            let slot = tested.iter().position(|&t| t == index);
            let (p_value, q_value) = match slot {
                Some(s) => (Some(p_values[s]), Some(q_values[s])),
                None => (None, None),
            };
            let status = match (interval, q_value) {
                (Some((_, high)), Some(q)) if high < policy.target && q <= policy.fdr => KpiStatus::BelowTarget,
                (Some((_, high)), Some(_)) if high >= policy.target => KpiStatus::Meets,
                _ => KpiStatus::InsufficientEvidence,
            };
            KpiFlag {
                key: count.key.clone(),
                n: count.n,
                value: (count.n > 0).then(|| count.successes as f64 / count.n as f64),
                ci_low: interval.map(|i| i.0),
                ci_high: interval.map(|i| i.1),
                p_value,
                q_value,
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(key: &str, successes: u64, n: u64) -> KpiCount {
        KpiCount { key: key.into(), successes, n }
    }

    /// Expected p-values from SciPy 1.17 `stats.binom.cdf(k, n, 0.9)`:
    /// (40, 60) → 7.82e-7, (85, 100) → 0.072573; statsmodels 0.14 Wilson (85, 100) → (0.7672, 0.9069).
    #[test]
    fn flags_only_with_evidence() {
        let flags =
            kpi_flags(&[count("tiny", 1, 3), count("poor", 40, 60), count("good", 95, 100), count("close", 85, 100)], KpiPolicy::default());
        let status: Vec<KpiStatus> = flags.iter().map(|f| f.status).collect();
        assert_eq!(status, vec![KpiStatus::InsufficientEvidence, KpiStatus::BelowTarget, KpiStatus::Meets, KpiStatus::Meets]);
        assert_eq!(flags[0].p_value, None, "below min_n: not tested");
        let close = flags[3].p_value.unwrap();
        assert!((close - 0.07257296526488066).abs() < 1e-9, "{close}");
        assert!((flags[1].p_value.unwrap() - 7.822570930287356e-07).abs() < 1e-15);
        // 85/100: Wilson upper 0.9069 ≥ 0.9, so it meets the target.
        assert!(flags[3].ci_high.unwrap() > 0.9);
    }

    /// BH turns marginal individual findings into "insufficient evidence" when many are tested.
    #[test]
    fn benjamini_hochberg_controls_many_raters() {
        // 23/30 (SciPy/statsmodels): Wilson upper 0.8821 < 0.9, p = 0.025827: flagged alone,
        // but among 21 tests its BH q-value is 0.54.
        let alone = kpi_flags(&[count("edge", 23, 30)], KpiPolicy::default());
        assert_eq!(alone[0].status, KpiStatus::BelowTarget);
        let mut counts = vec![count("edge", 23, 30)];
        counts.extend((0..20).map(|i| count(&format!("ok{i}"), 29, 30)));
        let flags = kpi_flags(&counts, KpiPolicy::default());
        assert_eq!(flags[0].status, KpiStatus::InsufficientEvidence);
        assert!(flags[0].ci_high.unwrap() < 0.9);
    }
}
