//! Statistical process control: control charts over subgroups (a key such as a site or an
//! annotator, and a period such as a day or an ISO week), phase I and phase II, with Western
//! Electric and Nelson run rules. Formulas and references: `docs/METRICS.md`, "Statistical
//! process control" (Montgomery, *Introduction to Statistical Quality Control*, 8th ed.).
//!
//! Limits are common to every key: one centre line and one process σ estimated from the
//! baseline subgroups of all keys, so a site or rater whose level differs from the process
//! shows out of control. Statistics that run over time (moving ranges, EWMA, CUSUM, run
//! rules) run over each key's subgroups in period order and restart at each key.

pub mod events;
pub mod kpi;
pub mod limits;
pub mod metrics;
pub mod rules;
pub mod smoothing;
pub mod strata;
pub mod view;

use serde::{Deserialize, Serialize};

pub use rules::Rule;

/// Phase I stops excluding out-of-control subgroups after this many passes (documented limit).
pub const MAX_PHASE1_ITERATIONS: u32 = 50;
/// At most this many subgroups per chart (documented limit; `--max-subgroups` in the CLI).
pub const MAX_SUBGROUPS: usize = 1_000_000;

/// What one subgroup observed.
#[derive(Clone, Debug, PartialEq)]
pub enum Observations {
    /// `count` nonconforming units (or nonconformities, for c and u charts) among `n` inspected.
    Counts {
        /// Nonconforming units or nonconformities.
        count: u64,
        /// Units inspected.
        n: u64,
    },
    /// Individual measurements (e.g. handling times in seconds).
    Values(Vec<f64>),
}

/// One subgroup: what `key` observed in `period`.
#[derive(Clone, Debug, PartialEq)]
pub struct Subgroup {
    /// The site, vendor or annotator.
    pub key: String,
    /// The period label; labels sort in time order (`2026-11-30`, `2026-W48`).
    pub period: String,
    /// Counts or values.
    pub observations: Observations,
}

impl Subgroup {
    /// The subgroup size: units inspected, or number of values.
    pub fn size(&self) -> u64 {
        match &self.observations {
            Observations::Counts { n, .. } => *n,
            Observations::Values(values) => values.len() as u64,
        }
    }

    /// The subgroup's plotted level: the proportion (or rate) for counts, the mean for values.
    pub fn level(&self) -> Option<f64> {
        match &self.observations {
            Observations::Counts { count, n } => (*n > 0).then(|| *count as f64 / *n as f64),
            Observations::Values(values) => (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
        }
    }
}

/// The kinds of control chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Proportion nonconforming, limits per subgroup for varying n.
    P,
    /// Number nonconforming (constant n).
    Np,
    /// Laney p′: the p chart widened by σ_z when the data are overdispersed.
    Laney,
    /// Nonconformities per subgroup (constant inspection unit).
    C,
    /// Nonconformities per unit, limits per subgroup.
    U,
    /// Individuals and moving range.
    Imr,
    /// Subgroup mean and standard deviation.
    XbarS,
    /// Exponentially weighted moving average.
    Ewma,
    /// Tabular (standardized) CUSUM.
    Cusum,
}

impl ChartKind {
    /// Parses the CLI name (`p`, `np`, `laney`, `c`, `u`, `imr`, `xbar_s`, `ewma`, `cusum`).
    pub fn from_name(name: &str) -> Option<ChartKind> {
        Some(match name {
            "p" => ChartKind::P,
            "np" => ChartKind::Np,
            "laney" => ChartKind::Laney,
            "c" => ChartKind::C,
            "u" => ChartKind::U,
            "imr" => ChartKind::Imr,
            "xbar_s" => ChartKind::XbarS,
            "ewma" => ChartKind::Ewma,
            "cusum" => ChartKind::Cusum,
            _ => return None,
        })
    }
}

/// Settings of one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Which chart.
    pub kind: ChartKind,
    /// Run rules applied to Shewhart charts (p, np, Laney, c, u, I, X̄); rule 1 is the limits.
    pub rules: Vec<Rule>,
    /// Phase II: limits estimated from the periods `from..=to` (inclusive, label order) and
    /// frozen; `None` is phase I over all subgroups.
    pub baseline: Option<(String, String)>,
    /// Width of Shewhart limits in σ (3).
    pub sigma_multiple: f64,
    /// EWMA weight λ in (0, 1] (0.2).
    pub lambda: f64,
    /// EWMA limit width L (2.962: in-control ARL ≈ 500 for λ = 0.2; Lucas & Saccucci 1990).
    pub ewma_l: f64,
    /// CUSUM reference value k in σ units (0.5).
    pub cusum_k: f64,
    /// CUSUM decision interval h in σ units (5: in-control ARL ≈ 465; Montgomery Table 9.3).
    pub cusum_h: f64,
    /// A known standard (μ₀, σ per observation) for I, EWMA and CUSUM charts instead of
    /// estimating them (no phase I exclusion then).
    pub standard: Option<(f64, f64)>,
}

impl ChartOptions {
    /// The defaults above for `kind`, with rule 1 only.
    pub fn new(kind: ChartKind) -> ChartOptions {
        ChartOptions {
            kind,
            rules: vec![Rule::We1],
            baseline: None,
            sigma_multiple: 3.0,
            lambda: 0.2,
            ewma_l: 2.962,
            cusum_k: 0.5,
            cusum_h: 5.0,
            standard: None,
        }
    }
}

/// One plotted point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The key.
    pub key: String,
    /// The period.
    pub period: String,
    /// Subgroup size.
    pub n: u64,
    /// The plotted statistic (proportion, count, mean, EWMA Z, CUSUM C⁺).
    pub value: f64,
    /// The centre line at this point (varies for np with varying n only; else the chart's centre).
    pub centre: f64,
    /// Lower control limit (clamped at 0 for attribute charts; −h for CUSUM).
    pub lcl: f64,
    /// Upper control limit (clamped at 1 for p charts; h for CUSUM).
    pub ucl: f64,
    /// CUSUM only: −C⁻, plotted against `lcl`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_low: Option<f64>,
    /// True when the subgroup belongs to the baseline (phase I: every subgroup).
    pub baseline: bool,
    /// True when phase I excluded the subgroup from the limits as out of control.
    pub excluded: bool,
    /// Standardized distance from the centre, in σ of this point (what run rules use).
    #[serde(skip)]
    pub z: f64,
}

/// A second chart drawn under the first (moving range under I, S under X̄).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SecondaryChart {
    /// `mr` or `s`.
    pub name: String,
    /// Its centre line (MR̄ or s̄).
    pub centre: f64,
    /// Its points (no first point per key for `mr`).
    pub points: Vec<Point>,
}

/// One signal: a rule that fired at a point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// The chart (`p`, `ewma`, … or `mr`, `s` for the secondary chart).
    pub chart: String,
    /// The key.
    pub key: String,
    /// The period of the point where the rule completed.
    pub period: String,
    /// The rule id (`we1`…`we4`, `nelson1`…`nelson8`, `beyond_limits`, `cusum_upper`, `cusum_lower`).
    pub rule: String,
    /// The plotted value at that point.
    pub value: f64,
    /// The limits at that point.
    pub lcl: f64,
    /// The limits at that point.
    pub ucl: f64,
}

/// Laney's overdispersion check, reported for p and Laney charts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dispersion {
    /// σ_z = MR̄(z)/1.128 of the standardized proportions (1 when binomial).
    pub sigma_z: f64,
    /// Pearson's χ² of the baseline counts against p̄.
    pub chi_squared: f64,
    /// Its degrees of freedom (subgroups − 1).
    pub df: u64,
    /// P(χ²_df ≥ chi_squared).
    pub p_value: f64,
    /// True when p_value < 0.05 and σ_z > 1.
    pub overdispersed: bool,
    /// True when the limits were widened by σ_z (Laney chart and overdispersed data).
    pub laney_used: bool,
}

/// Phase I bookkeeping: what was excluded and how many passes it took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseReport {
    /// `I` (limits from all subgroups) or `II` (limits frozen from the baseline periods).
    pub phase: String,
    /// The baseline period range, phase II only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<(String, String)>,
    /// Baseline subgroups used for the final limits.
    pub baseline_subgroups: u64,
    /// Passes of estimate → exclude.
    pub iterations: u32,
    /// False when [`MAX_PHASE1_ITERATIONS`] passes still excluded more subgroups.
    pub converged: bool,
    /// `(key, period)` of the excluded subgroups, in order.
    pub excluded: Vec<(String, String)>,
}

/// A computed chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// The chart kind.
    pub chart: ChartKind,
    /// The centre line.
    pub centre: f64,
    /// The process σ per unit (p: √(p̄(1 − p̄)); I: MR̄/d₂; X̄–S: s̄; EWMA/CUSUM: per observation).
    pub sigma: f64,
    /// Points by key (first-seen order) then period.
    pub points: Vec<Point>,
    /// Every signal, in point order.
    pub signals: Vec<Signal>,
    /// The moving-range or S chart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary: Option<SecondaryChart>,
    /// Overdispersion check (p and Laney charts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dispersion: Option<Dispersion>,
    /// Phase I / II details.
    pub phase: PhaseReport,
}

/// Why a chart cannot be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ChartError {
    /// No subgroups (or none in the baseline).
    #[error("no subgroups in the baseline")]
    NoBaseline,
    /// The chart needs counts but got values, or the reverse.
    #[error("chart needs {needs}")]
    WrongObservations {
        /// `counts` or `values`.
        needs: &'static str,
    },
    /// A subgroup is empty or its count exceeds n.
    #[error("subgroup {key} {period}: {reason}")]
    BadSubgroup {
        /// Key.
        key: String,
        /// Period.
        period: String,
        /// `empty`, `count_exceeds_n`, `needs_two_values`, `not_finite`.
        reason: &'static str,
    },
    /// np and c charts need one subgroup size.
    #[error("subgroup sizes vary; use the p (for np) or u (for c) chart")]
    VaryingSampleSize,
    /// A parameter is out of range.
    #[error("{name} out of range")]
    BadParameter {
        /// `lambda`, `L`, `k`, `h`, `sigma_multiple`.
        name: &'static str,
    },
    /// The baseline shows no variation, so σ is 0 and no limits exist.
    #[error("no variation in the baseline (σ = 0)")]
    NoVariation,
    /// More than [`MAX_SUBGROUPS`] subgroups.
    #[error("more than {limit} subgroups")]
    TooManySubgroups {
        /// The limit.
        limit: usize,
    },
}

/// Computes the chart of `subgroups` (any order; sorted here by key first-seen, then period).
///
/// Phase I (no baseline): limits from every subgroup; subgroups beyond the limits (rule 1 on
/// the plotted statistic, or on the individual subgroup levels for EWMA and CUSUM) are
/// excluded and the limits re-estimated until none is excluded (at most
/// [`MAX_PHASE1_ITERATIONS`] passes). Phase II: the same on the baseline periods only, then the
/// limits are frozen and applied to every subgroup.
///
/// ```
/// use verdict_core::spc::{compute_chart, ChartKind, ChartOptions, Observations, Subgroup};
/// let weeks = [(5, 100), (4, 100), (6, 100), (5, 100), (30, 100)];
/// let subgroups: Vec<Subgroup> = weeks.iter().enumerate().map(|(i, &(count, n))| Subgroup {
///     key: "site-a".into(), period: format!("2026-W{:02}", i + 1), observations: Observations::Counts { count, n },
/// }).collect();
/// let chart = compute_chart(&subgroups, &ChartOptions::new(ChartKind::P)).unwrap();
/// assert_eq!(chart.phase.excluded, vec![("site-a".to_string(), "2026-W05".to_string())]);
/// assert!((chart.centre - 0.05).abs() < 1e-12); // p̄ of the four in-control weeks
/// assert_eq!(chart.signals[0].period, "2026-W05");
/// ```
pub fn compute_chart(subgroups: &[Subgroup], options: &ChartOptions) -> Result<Chart, ChartError> {
    if subgroups.len() > MAX_SUBGROUPS {
        return Err(ChartError::TooManySubgroups { limit: MAX_SUBGROUPS });
    }
    check_options(options)?;
    let ordered = order_subgroups(subgroups);
    for subgroup in &ordered {
        limits::check_subgroup(subgroup, options.kind)?;
    }
    let in_baseline: Vec<bool> = ordered
        .iter()
        .map(|s| options.baseline.as_ref().is_none_or(|(from, to)| s.period.as_str() >= from.as_str() && s.period.as_str() <= to.as_str()))
        .collect();
    let mut excluded = vec![false; ordered.len()];
    let mut iterations = 0;
    let mut converged = false;
    let mut chart = loop {
        iterations += 1;
        let used: Vec<bool> = in_baseline.iter().zip(&excluded).map(|(b, e)| *b && !e).collect();
        if !used.iter().any(|u| *u) {
            return Err(ChartError::NoBaseline);
        }
        let chart = build(&ordered, &used, options)?;
        let newly_out = limits::out_of_control(&chart, options);
        let mut changed = false;
        for (index, out) in newly_out.iter().enumerate() {
            if *out && used[index] {
                excluded[index] = true;
                changed = true;
            }
        }
        // Never exclude the whole baseline: keep the last estimate instead.
        let remaining = in_baseline.iter().zip(&excluded).filter(|(b, e)| **b && !**e).count();
        if !changed || remaining == 0 || options.standard.is_some() {
            converged = !changed;
            if remaining == 0 {
                for (index, out) in newly_out.iter().enumerate() {
                    if *out && used[index] {
                        excluded[index] = false;
                    }
                }
            }
            break chart;
        }
        if iterations >= MAX_PHASE1_ITERATIONS {
            break build(&ordered, &in_baseline.iter().zip(&excluded).map(|(b, e)| *b && !e).collect::<Vec<_>>(), options)?;
        }
    };
    for (index, point) in chart.points.iter_mut().enumerate() {
        point.baseline = in_baseline[index];
        point.excluded = excluded[index];
    }
    chart.signals = rules::signals(&chart, options);
    chart.phase = PhaseReport {
        phase: if options.baseline.is_some() { "II" } else { "I" }.to_owned(),
        baseline: options.baseline.clone(),
        baseline_subgroups: in_baseline.iter().zip(&excluded).filter(|(b, e)| **b && !**e).count() as u64,
        iterations,
        converged,
        excluded: ordered.iter().zip(&excluded).filter(|(_, e)| **e).map(|(s, _)| (s.key.clone(), s.period.clone())).collect(),
    };
    Ok(chart)
}

fn check_options(options: &ChartOptions) -> Result<(), ChartError> {
    let bad = |name| Err(ChartError::BadParameter { name });
    if !(options.sigma_multiple > 0.0 && options.sigma_multiple.is_finite()) {
        return bad("sigma_multiple");
    }
    if !(options.lambda > 0.0 && options.lambda <= 1.0) {
        return bad("lambda");
    }
    if !(options.ewma_l > 0.0 && options.ewma_l.is_finite()) {
        return bad("L");
    }
    if !(options.cusum_k >= 0.0 && options.cusum_k.is_finite()) {
        return bad("k");
    }
    if !(options.cusum_h > 0.0 && options.cusum_h.is_finite()) {
        return bad("h");
    }
    Ok(())
}

/// Keys in first-seen order, periods ascending within a key (stable for equal labels).
fn order_subgroups(subgroups: &[Subgroup]) -> Vec<&Subgroup> {
    let mut key_rank: Vec<(&str, usize)> = Vec::new();
    let mut ranked: Vec<(usize, &Subgroup)> = subgroups
        .iter()
        .map(|s| {
            let rank = match key_rank.iter().find(|(k, _)| *k == s.key) {
                Some((_, r)) => *r,
                None => {
                    key_rank.push((&s.key, key_rank.len()));
                    key_rank.len() - 1
                }
            };
            (rank, s)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.period.cmp(&b.1.period)));
    ranked.into_iter().map(|(_, s)| s).collect()
}

/// One estimate-and-plot pass: limits from the subgroups marked `used`, points for all.
fn build(ordered: &[&Subgroup], used: &[bool], options: &ChartOptions) -> Result<Chart, ChartError> {
    match options.kind {
        ChartKind::Ewma | ChartKind::Cusum => smoothing::build(ordered, used, options),
        _ => limits::build(ordered, used, options),
    }
}

/// Index ranges of consecutive points with the same key (points are grouped by key).
pub(crate) fn key_runs<T>(items: &[T], key_of: impl Fn(&T) -> &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for index in 1..=items.len() {
        if index == items.len() || key_of(&items[index]) != key_of(&items[start]) {
            if start < index {
                runs.push(start..index);
            }
            start = index;
        }
    }
    runs
}
