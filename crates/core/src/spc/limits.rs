//! Shewhart charts: p, np, Laney p′, c, u, individuals–moving range and X̄–S. Each estimates
//! its centre and σ from the subgroups marked as used (the baseline, less phase-I exclusions)
//! and plots every subgroup against limits centre ± L·σᵢ (Montgomery, ch. 6–7; Laney 2002).

use super::{Chart, ChartError, ChartKind, ChartOptions, Dispersion, Observations, PhaseReport, Point, SecondaryChart, Subgroup};
use crate::stats::special::{chi_squared_sf, ln_gamma};

/// d₂ for moving ranges of two: E|X₁ − X₂|/σ = 2/√π (Montgomery's table: 1.128).
pub const D2_TWO: f64 = std::f64::consts::FRAC_2_SQRT_PI;
/// d₃ for moving ranges of two: sd|X₁ − X₂|/σ = √(2 − 4/π) (Montgomery's table: 0.853).
pub const D3_TWO: f64 = 0.852_502_466_427_421_7;

/// c₄(n) = √(2/(n − 1)) · Γ(n/2)/Γ((n − 1)/2): E[s] = c₄σ for normal samples of size n ≥ 2.
pub fn c4(n: u64) -> f64 {
    let n = n as f64;
    (2.0 / (n - 1.0)).sqrt() * (ln_gamma(n / 2.0) - ln_gamma((n - 1.0) / 2.0)).exp()
}

/// Checks one subgroup against what `kind` needs.
pub(super) fn check_subgroup(subgroup: &Subgroup, kind: ChartKind) -> Result<(), ChartError> {
    let bad = |reason| ChartError::BadSubgroup { key: subgroup.key.clone(), period: subgroup.period.clone(), reason };
    match (&subgroup.observations, kind) {
        (Observations::Values(_), ChartKind::P | ChartKind::Np | ChartKind::Laney | ChartKind::C | ChartKind::U) => {
            Err(ChartError::WrongObservations { needs: "counts" })
        }
        (Observations::Counts { .. }, ChartKind::XbarS) => Err(ChartError::WrongObservations { needs: "values" }),
        (Observations::Counts { n: 0, .. }, _) => Err(bad("empty")),
        (Observations::Counts { count, n }, ChartKind::P | ChartKind::Np | ChartKind::Laney | ChartKind::Ewma | ChartKind::Cusum)
            if count > n =>
        {
            Err(bad("count_exceeds_n"))
        }
        (Observations::Values(values), _) if values.is_empty() => Err(bad("empty")),
        (Observations::Values(values), _) if values.iter().any(|v| !v.is_finite()) => Err(bad("not_finite")),
        (Observations::Values(values), ChartKind::XbarS) if values.len() < 2 => Err(bad("needs_two_values")),
        _ => Ok(()),
    }
}

fn counts(subgroup: &Subgroup) -> (f64, f64) {
    match &subgroup.observations {
        Observations::Counts { count, n } => (*count as f64, *n as f64),
        Observations::Values(values) => (values.iter().sum(), values.len() as f64),
    }
}

fn mean_and_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ss = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>();
    (mean, if values.len() > 1 { (ss / (n - 1.0)).sqrt() } else { 0.0 })
}

/// A point with limits centre ± width·σᵢ, clamped to `[floor, ceiling]`.
fn point(subgroup: &Subgroup, value: f64, centre: f64, sigma_i: f64, width: f64, floor: f64, ceiling: f64) -> Point {
    Point {
        key: subgroup.key.clone(),
        period: subgroup.period.clone(),
        n: subgroup.size(),
        value,
        centre,
        lcl: (centre - width * sigma_i).max(floor),
        ucl: (centre + width * sigma_i).min(ceiling),
        value_low: None,
        baseline: true,
        excluded: false,
        z: if sigma_i > 0.0 { (value - centre) / sigma_i } else { 0.0 },
    }
}

pub(super) fn chart(kind: ChartKind, centre: f64, sigma: f64, points: Vec<Point>) -> Chart {
    Chart {
        chart: kind,
        centre,
        sigma,
        points,
        signals: Vec::new(),
        secondary: None,
        dispersion: None,
        phase: PhaseReport {
            phase: "I".to_owned(),
            baseline: None,
            baseline_subgroups: 0,
            iterations: 0,
            converged: true,
            excluded: Vec::new(),
        },
    }
}

/// The one subgroup size of an np or c chart.
fn constant_size(ordered: &[&Subgroup]) -> Result<f64, ChartError> {
    let first = ordered.first().map_or(0, |s| s.size());
    if ordered.iter().any(|s| s.size() != first) {
        return Err(ChartError::VaryingSampleSize);
    }
    Ok(first as f64)
}

/// Estimates and plots one Shewhart chart.
pub(super) fn build(ordered: &[&Subgroup], used: &[bool], options: &ChartOptions) -> Result<Chart, ChartError> {
    let width = options.sigma_multiple;
    let used_subgroups = || ordered.iter().zip(used).filter(|(_, u)| **u).map(|(s, _)| *s);
    match options.kind {
        ChartKind::P | ChartKind::Laney => {
            let (count, n) = used_subgroups().map(counts).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
            let p_bar = count / n;
            let sigma = (p_bar * (1.0 - p_bar)).sqrt();
            if sigma == 0.0 {
                return Err(ChartError::NoVariation);
            }
            let mut dispersion = dispersion(ordered, used, p_bar, sigma);
            dispersion.laney_used = options.kind == ChartKind::Laney && dispersion.overdispersed;
            let widen = if dispersion.laney_used { dispersion.sigma_z } else { 1.0 };
            let points = ordered
                .iter()
                .map(|s| {
                    let (c, n) = counts(s);
                    point(s, c / n, p_bar, sigma / n.sqrt() * widen, width, 0.0, 1.0)
                })
                .collect();
            let mut result = chart(options.kind, p_bar, sigma, points);
            result.dispersion = Some(dispersion);
            Ok(result)
        }
        ChartKind::Np => {
            let n = constant_size(ordered)?;
            let (count, total) = used_subgroups().map(counts).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
            let p_bar = count / total;
            let sigma = (n * p_bar * (1.0 - p_bar)).sqrt();
            if sigma == 0.0 {
                return Err(ChartError::NoVariation);
            }
            let points = ordered.iter().map(|s| point(s, counts(s).0, n * p_bar, sigma, width, 0.0, n)).collect();
            Ok(chart(ChartKind::Np, n * p_bar, sigma, points))
        }
        ChartKind::C => {
            constant_size(ordered)?;
            let (total, k) = used_subgroups().fold((0.0, 0.0), |a, s| (a.0 + counts(s).0, a.1 + 1.0));
            let c_bar = total / k;
            if c_bar == 0.0 {
                return Err(ChartError::NoVariation);
            }
            let points = ordered.iter().map(|s| point(s, counts(s).0, c_bar, c_bar.sqrt(), width, 0.0, f64::INFINITY)).collect();
            Ok(chart(ChartKind::C, c_bar, c_bar.sqrt(), points))
        }
        ChartKind::U => {
            let (count, n) = used_subgroups().map(counts).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
            let u_bar = count / n;
            if u_bar == 0.0 {
                return Err(ChartError::NoVariation);
            }
            let points = ordered
                .iter()
                .map(|s| {
                    let (c, n) = counts(s);
                    point(s, c / n, u_bar, (u_bar / n).sqrt(), width, 0.0, f64::INFINITY)
                })
                .collect();
            Ok(chart(ChartKind::U, u_bar, u_bar.sqrt(), points))
        }
        ChartKind::Imr => individuals(ordered, used, width, options.standard),
        ChartKind::XbarS => xbar_s(ordered, used, width),
        ChartKind::Ewma | ChartKind::Cusum => unreachable!("EWMA and CUSUM are built by smoothing::build"),
    }
}

/// Laney's σ_z (moving ranges of consecutive used subgroups of one key) and Pearson's χ².
fn dispersion(ordered: &[&Subgroup], used: &[bool], p_bar: f64, sigma: f64) -> Dispersion {
    let z: Vec<Option<f64>> = ordered
        .iter()
        .zip(used)
        .map(|(s, u)| {
            let (c, n) = counts(s);
            u.then(|| (c / n - p_bar) / (sigma / n.sqrt()))
        })
        .collect();
    let (mut range_sum, mut ranges) = (0.0, 0u64);
    for run in super::key_runs(ordered, |s| &s.key) {
        let values: Vec<f64> = z[run].iter().flatten().copied().collect();
        for pair in values.windows(2) {
            range_sum += (pair[1] - pair[0]).abs();
            ranges += 1;
        }
    }
    let sigma_z = if ranges > 0 { range_sum / ranges as f64 / D2_TWO } else { 1.0 };
    let chi_squared: f64 = z.iter().flatten().map(|z| z * z).sum();
    let df = (z.iter().flatten().count() as u64).saturating_sub(1);
    let p_value = if df > 0 { chi_squared_sf(chi_squared, df as f64).unwrap_or(1.0) } else { 1.0 };
    Dispersion { sigma_z, chi_squared, df, p_value, overdispersed: p_value < 0.05 && sigma_z > 1.0, laney_used: false }
}

/// Individuals (subgroup levels) with σ = MR̄/d₂, and the moving-range chart under it.
fn individuals(ordered: &[&Subgroup], used: &[bool], width: f64, standard: Option<(f64, f64)>) -> Result<Chart, ChartError> {
    let level = |s: &Subgroup| s.level().expect("checked: subgroups are not empty");
    let used_levels: Vec<f64> = ordered.iter().zip(used).filter(|(_, u)| **u).map(|(s, _)| level(s)).collect();
    let centre = standard.map_or_else(|| used_levels.iter().sum::<f64>() / used_levels.len() as f64, |(mean, _)| mean);
    let mut ranges = Vec::new();
    let mut mr_points = Vec::new();
    for run in super::key_runs(ordered, |s| &s.key) {
        for index in run.start + 1..run.end {
            let range = (level(ordered[index]) - level(ordered[index - 1])).abs();
            if used[index] && used[index - 1] {
                ranges.push(range);
            }
            mr_points.push((index, range));
        }
    }
    if ranges.is_empty() && standard.is_none() {
        return Err(ChartError::NoVariation);
    }
    let sigma = standard.map_or_else(|| ranges.iter().sum::<f64>() / ranges.len() as f64 / D2_TWO, |(_, sigma)| sigma);
    let mr_bar = sigma * D2_TWO;
    if sigma == 0.0 {
        return Err(ChartError::NoVariation);
    }
    let points = ordered.iter().map(|s| point(s, level(s), centre, sigma, width, f64::NEG_INFINITY, f64::INFINITY)).collect();
    let mr_sigma = D3_TWO * sigma;
    let secondary =
        mr_points.into_iter().map(|(index, range)| point(ordered[index], range, mr_bar, mr_sigma, width, 0.0, f64::INFINITY)).collect();
    let mut result = chart(ChartKind::Imr, centre, sigma, points);
    result.secondary = Some(SecondaryChart { name: "mr".to_owned(), centre: mr_bar, points: secondary });
    Ok(result)
}

/// X̄ and S with pooled s̄ = √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)) and the grand mean weighted by nᵢ
/// (Montgomery §6.3.2, variable sample size): X̄ limits x̿ ± A₃(nᵢ)s̄, S limits B₃(nᵢ)s̄, B₄(nᵢ)s̄.
fn xbar_s(ordered: &[&Subgroup], used: &[bool], width: f64) -> Result<Chart, ChartError> {
    let values = |s: &Subgroup| match &s.observations {
        Observations::Values(values) => mean_and_sd(values),
        Observations::Counts { .. } => unreachable!("checked: X̄–S needs values"),
    };
    let (mut weighted_sum, mut n_sum, mut ss_sum, mut df_sum) = (0.0, 0.0, 0.0, 0.0);
    for (s, _) in ordered.iter().zip(used).filter(|(_, u)| **u) {
        let (mean, sd) = values(s);
        let n = s.size() as f64;
        weighted_sum += n * mean;
        n_sum += n;
        ss_sum += (n - 1.0) * sd * sd;
        df_sum += n - 1.0;
    }
    let grand_mean = weighted_sum / n_sum;
    let s_bar = (ss_sum / df_sum).sqrt();
    if s_bar == 0.0 {
        return Err(ChartError::NoVariation);
    }
    let mut points = Vec::with_capacity(ordered.len());
    let mut s_points = Vec::with_capacity(ordered.len());
    for s in ordered {
        let (mean, sd) = values(s);
        let n = s.size();
        let c4 = c4(n);
        points.push(point(s, mean, grand_mean, s_bar / (c4 * (n as f64).sqrt()), width, f64::NEG_INFINITY, f64::INFINITY));
        let spread = s_bar / c4 * (1.0 - c4 * c4).sqrt();
        s_points.push(point(s, sd, s_bar, spread, width, 0.0, f64::INFINITY));
    }
    let mut result = chart(ChartKind::XbarS, grand_mean, s_bar, points);
    result.secondary = Some(SecondaryChart { name: "s".to_owned(), centre: s_bar, points: s_points });
    Ok(result)
}

/// Which subgroups phase I excludes: beyond the limits of the chart (or of its S chart), or,
/// for EWMA and CUSUM, a subgroup level beyond μ₀ ± L·σ/√nᵢ (L = the Shewhart multiple).
pub(super) fn out_of_control(chart: &Chart, options: &ChartOptions) -> Vec<bool> {
    match options.kind {
        // For these charts `z` holds the standardized subgroup level (xᵢ − μ₀)/(σ/√nᵢ).
        ChartKind::Ewma | ChartKind::Cusum => chart.points.iter().map(|p| p.z.abs() > options.sigma_multiple).collect(),
        _ => {
            let mut out: Vec<bool> = chart.points.iter().map(|p| p.value > p.ucl || p.value < p.lcl).collect();
            if let Some(secondary) = chart.secondary.as_ref().filter(|s| s.name == "s") {
                for (flag, p) in out.iter_mut().zip(&secondary.points) {
                    *flag |= p.value > p.ucl || p.value < p.lcl;
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// c₄ from Montgomery, Appendix Table VI: n = 2 → 0.7979, 5 → 0.9400, 10 → 0.9727, 25 → 0.9896.
    #[test]
    fn c4_matches_the_published_table() {
        for (n, want) in [(2, 0.7979), (5, 0.9400), (10, 0.9727), (25, 0.9896)] {
            assert!((c4(n) - want).abs() < 5e-5, "c4({n}) = {}", c4(n));
        }
        assert!((D2_TWO - 1.128).abs() < 5e-4 && (D3_TWO - 0.853).abs() < 5e-4);
    }
}
