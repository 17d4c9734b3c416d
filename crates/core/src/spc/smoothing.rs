//! Charts for small sustained shifts: the EWMA (Roberts 1959; Lucas & Saccucci 1990) and the
//! tabular, standardized CUSUM (Page 1954; Montgomery §9.1). Both chart the subgroup levels
//! xᵢ (a proportion for counts, a mean for values) against a target μ₀ with σᵢ = σ/√nᵢ.

use super::limits::D2_TWO;
use super::{Chart, ChartError, ChartKind, ChartOptions, Observations, Point, Subgroup};

/// The target and per-observation σ estimated from the used subgroups, and whether the
/// subgroups are treated as individuals (some subgroup has fewer than two values).
struct Estimate {
    mu0: f64,
    sigma: f64,
    individuals: bool,
}

fn estimate(ordered: &[&Subgroup], used: &[bool]) -> Result<Estimate, ChartError> {
    let used_subgroups: Vec<&Subgroup> = ordered.iter().zip(used).filter(|(_, u)| **u).map(|(s, _)| *s).collect();
    let counts = matches!(ordered[0].observations, Observations::Counts { .. });
    if ordered.iter().any(|s| matches!(s.observations, Observations::Counts { .. }) != counts) {
        return Err(ChartError::WrongObservations { needs: "counts or values, not both" });
    }
    let individuals = !counts && ordered.iter().any(|s| s.size() < 2);
    let level = |s: &Subgroup| s.level().expect("checked: subgroups are not empty");
    let (mu0, sigma) = if counts {
        let (count, n) = used_subgroups.iter().fold((0u64, 0u64), |acc, s| match s.observations {
            Observations::Counts { count, n } => (acc.0 + count, acc.1 + n),
            Observations::Values(_) => acc,
        });
        let p = count as f64 / n as f64;
        (p, (p * (1.0 - p)).sqrt())
    } else if individuals {
        let mu0 = used_subgroups.iter().map(|s| level(s)).sum::<f64>() / used_subgroups.len() as f64;
        let mut ranges = Vec::new();
        for run in super::key_runs(ordered, |s| &s.key) {
            for index in run.start + 1..run.end {
                if used[index] && used[index - 1] {
                    ranges.push((level(ordered[index]) - level(ordered[index - 1])).abs());
                }
            }
        }
        let mr_bar = if ranges.is_empty() { 0.0 } else { ranges.iter().sum::<f64>() / ranges.len() as f64 };
        (mu0, mr_bar / D2_TWO)
    } else {
        let (mut weighted, mut n_sum, mut ss, mut df) = (0.0, 0.0, 0.0, 0.0);
        for s in &used_subgroups {
            if let Observations::Values(values) = &s.observations {
                let n = values.len() as f64;
                let mean = values.iter().sum::<f64>() / n;
                weighted += n * mean;
                n_sum += n;
                ss += values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>();
                df += n - 1.0;
            }
        }
        (weighted / n_sum, (ss / df).sqrt())
    };
    if sigma.is_nan() || sigma == 0.0 {
        return Err(ChartError::NoVariation);
    }
    Ok(Estimate { mu0, sigma, individuals })
}

/// Estimates μ₀ and σ, then runs the EWMA or CUSUM over each key.
///
/// EWMA: Zᵢ = λxᵢ + (1 − λ)Zᵢ₋₁ from Z₀ = μ₀, with the exact variance for varying nᵢ,
/// Vᵢ = (1 − λ)²Vᵢ₋₁ + λ²σ²/nᵢ (V₀ = 0), limits μ₀ ± L√Vᵢ; for constant n this is
/// Montgomery's (9.26): σ²/n · λ/(2 − λ) · (1 − (1 − λ)^{2i}).
/// CUSUM: zᵢ = (xᵢ − μ₀)/(σ/√nᵢ), C⁺ᵢ = max(0, C⁺ᵢ₋₁ + zᵢ − k), C⁻ᵢ = max(0, C⁻ᵢ₋₁ − zᵢ − k)
/// from 0; a signal when either exceeds h (Montgomery 9.1.5, no restart after a signal).
pub(super) fn build(ordered: &[&Subgroup], used: &[bool], options: &ChartOptions) -> Result<Chart, ChartError> {
    let Estimate { mu0, sigma, individuals } = match options.standard {
        Some((mu0, sigma)) if sigma > 0.0 => Estimate { mu0, sigma, individuals: ordered.iter().any(|s| s.size() < 2) },
        Some(_) => return Err(ChartError::BadParameter { name: "sigma" }),
        None => estimate(ordered, used)?,
    };
    let mut points = Vec::with_capacity(ordered.len());
    for run in super::key_runs(ordered, |s| &s.key) {
        let (mut z_prev, mut variance, mut upper, mut lower) = (mu0, 0.0, 0.0_f64, 0.0_f64);
        for subgroup in &ordered[run] {
            let level = subgroup.level().expect("checked: subgroups are not empty");
            let n_effective = if individuals { 1.0 } else { subgroup.size() as f64 };
            let sigma_i = sigma / n_effective.sqrt();
            let standardized = (level - mu0) / sigma_i;
            let mut point = Point {
                key: subgroup.key.clone(),
                period: subgroup.period.clone(),
                n: subgroup.size(),
                value: 0.0,
                centre: mu0,
                lcl: 0.0,
                ucl: 0.0,
                value_low: None,
                baseline: true,
                excluded: false,
                z: standardized,
            };
            if options.kind == ChartKind::Ewma {
                let lambda = options.lambda;
                z_prev = lambda * level + (1.0 - lambda) * z_prev;
                variance = (1.0 - lambda).powi(2) * variance + lambda * lambda * sigma_i * sigma_i;
                point.value = z_prev;
                point.lcl = mu0 - options.ewma_l * variance.sqrt();
                point.ucl = mu0 + options.ewma_l * variance.sqrt();
            } else {
                upper = (upper + standardized - options.cusum_k).max(0.0);
                lower = (lower - standardized - options.cusum_k).max(0.0);
                point.value = upper;
                point.value_low = Some(-lower);
                point.centre = 0.0;
                point.lcl = -options.cusum_h;
                point.ucl = options.cusum_h;
            }
            points.push(point);
        }
    }
    Ok(super::limits::chart(options.kind, mu0, sigma, points))
}
