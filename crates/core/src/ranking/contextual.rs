//! Bradley–Terry with covariates (arena-rank's `ContextualBradleyTerry`): one model type whose
//! loss, gradient, Hessian and score covariance come from one pass over the rows, fitted by
//! Newton's method, with the interval method ([`Interval::Sandwich`] or
//! [`Interval::Bootstrap`]) a parameter.
//!
//! Model: P(a beats b) = σ(zᵣ), zᵣ = θₐ − θ_b + xᵣᵀβ, outcome yᵣ ∈ {1, ½, 0} (a tie is ½).
//! Loss (arena-rank, `contextual_bradley_terry.py::loss_function`):
//! L(θ, β) = −(1/n) Σᵣ cᵣ wᵣ [yᵣ zᵣ − softplus(zᵣ)] + (λ/2)‖β‖²,
//! with cᵣ the multiplicity of a distinct row, n = Σ cᵣ battles, wᵣ the row weight and λ the
//! ridge on the coefficients (arena-rank's `reg`, default 1). With no covariates and w = 1 it is
//! the plain Bradley–Terry likelihood of [`bt`](super::bt) divided by n.
//!
//! Rows are aggregated before fitting: identical (pair, outcome, covariates) rows are merged
//! with a count, and every pass sums per model pair (one scalar, plus one value per covariate)
//! before touching the (models + covariates)² matrices, so a pass costs O(rows · k + pairs · k
//! + (m + k)²) and a Newton step O((m + k)³) on top.

use crate::intern::FxMap;
use crate::ranking::bootstrap::{self, AliasTable};
use crate::ranking::bt;
use crate::ranking::sandwich;
use crate::rng::Pcg32;
use crate::stats::linalg;

/// arena-rank's `ContextualBradleyTerry(reg=1.0)`: the ridge on the covariate coefficients.
pub const DEFAULT_REG: f64 = 1.0;
/// arena-rank's `hessian_reg = 1e-5`, added to the Hessian's diagonal in the sandwich.
pub const HESSIAN_REG: f64 = 1e-5;
/// arena-rank's `min_pair_count = 50` for inverse pair-count weights.
pub const MIN_PAIR_COUNT: f64 = 50.0;
/// Newton stops when no parameter moved more than this (natural-log units).
pub const TOLERANCE: f64 = 1e-10;
/// Newton gives up after this many steps.
pub const MAX_ITERATIONS: u32 = 100;

/// At most this many covariates per battle (the row key is a fixed array: no allocation per battle).
pub const MAX_FEATURES: usize = 8;

/// How rows are weighted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Weighting {
    /// Every battle weighs 1 (arena-rank's `PairDataset`, `reweighted=False`).
    Unweighted,
    /// wᵣ ∝ 1 / max(battles of the row's model pair, `min_pair_count`), scaled to mean 1 over
    /// battles (arena-rank's `ContextualPairDataset`, `reweighted=True`, the default).
    InversePairCount {
        /// Pairs with fewer battles weigh as if they had this many.
        min_pair_count: f64,
    },
}

/// The interval method.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Interval {
    /// Huber–White sandwich standard errors, estimate ± z·se (see [`sandwich`]).
    Sandwich,
    /// Percentile intervals of `rounds` refits on battles resampled with replacement.
    Bootstrap {
        /// Resamples.
        rounds: u32,
        /// Seed of [`Pcg32`]: the same seed gives the same intervals everywhere.
        seed: u64,
    },
}

/// Distinct rows, oriented so that `first < second` (a swapped row has y → 1 − y, x → −x).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    n_models: usize,
    n_features: usize,
    pair_of_row: Vec<u32>,
    pairs: Vec<(u32, u32)>,
    outcome: Vec<f64>,
    features: Vec<f64>,
    count: Vec<f64>,
    weight: Vec<f64>,
}

/// Collects battles into [`Rows`].
#[derive(Debug)]
pub struct RowsBuilder {
    rows: Rows,
    row_index: FxMap<(u32, u64, [u64; MAX_FEATURES]), u32>,
    pair_index: FxMap<(u32, u32), u32>,
}

impl RowsBuilder {
    /// An empty set of rows for `n_models` models and `n_features` (at most [`MAX_FEATURES`])
    /// covariates per battle.
    pub fn new(n_models: usize, n_features: usize) -> RowsBuilder {
        assert!(n_features <= MAX_FEATURES, "at most {MAX_FEATURES} covariates");
        let rows = Rows { n_models, n_features, ..Rows::default() };
        RowsBuilder { rows, row_index: FxMap::default(), pair_index: FxMap::default() }
    }

    /// Adds one battle: `outcome` is 1 when `first` won, 0 when it lost, ½ for a tie;
    /// `features` (length `n_features`) are oriented first − second.
    pub fn push(&mut self, first: u32, second: u32, outcome: f64, features: &[f64]) {
        debug_assert_eq!(features.len(), self.rows.n_features, "one value per covariate");
        let swap = first > second;
        let (a, b) = if swap { (second, first) } else { (first, second) };
        let sign = if swap { -1.0 } else { 1.0 };
        let y = if swap { 1.0 - outcome } else { outcome };
        // `+ 0.0` turns −0 into +0, so that equal values merge.
        let mut oriented = [0.0; MAX_FEATURES];
        for (o, x) in oriented.iter_mut().zip(features) {
            *o = sign * x + 0.0;
        }
        let oriented = &oriented[..features.len()];
        let next_pair = self.rows.pairs.len() as u32;
        let pair = *self.pair_index.entry((a, b)).or_insert(next_pair);
        if pair == next_pair {
            self.rows.pairs.push((a, b));
        }
        let mut bits = [0u64; MAX_FEATURES];
        for (b, x) in bits.iter_mut().zip(oriented) {
            *b = x.to_bits();
        }
        let key = (pair, y.to_bits(), bits);
        let next_row = self.rows.count.len() as u32;
        let row = *self.row_index.entry(key).or_insert(next_row);
        if row == next_row {
            self.rows.pair_of_row.push(pair);
            self.rows.outcome.push(y);
            self.rows.features.extend_from_slice(oriented);
            self.rows.count.push(0.0);
        }
        self.rows.count[row as usize] += 1.0;
    }

    /// The rows, weighted.
    pub fn finish(self, weighting: Weighting) -> Rows {
        let mut rows = self.rows;
        rows.weight = match weighting {
            Weighting::Unweighted => vec![1.0; rows.count.len()],
            Weighting::InversePairCount { min_pair_count } => {
                let mut per_pair = vec![0.0; rows.pairs.len()];
                for (&pair, &count) in rows.pair_of_row.iter().zip(&rows.count) {
                    per_pair[pair as usize] += count;
                }
                let raw: Vec<f64> = rows.pair_of_row.iter().map(|&p| 1.0 / per_pair[p as usize].max(min_pair_count)).collect();
                let mean = raw.iter().zip(&rows.count).map(|(w, c)| w * c).sum::<f64>() / rows.n_battles().max(1.0);
                raw.into_iter().map(|w| w / mean).collect()
            }
        };
        rows
    }
}

impl Rows {
    /// Battles (the sum of the row counts).
    pub fn n_battles(&self) -> f64 {
        self.count.iter().sum()
    }

    /// Distinct rows.
    pub fn len(&self) -> usize {
        self.count.len()
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.count.is_empty()
    }

    /// Covariates per row.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// The weight of each distinct row (mean 1 over battles when reweighted).
    pub fn weights(&self) -> &[f64] {
        &self.weight
    }

    /// Parameters: one θ per model, then one β per covariate.
    pub fn dim(&self) -> usize {
        self.n_models + self.n_features
    }
}

/// What one pass over the rows computes.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Loss,
    Newton,
    Sandwich,
}

/// The loss at `params`, and on request its gradient, Hessian (data part plus the ridge) or
/// the sandwich's parts. Everything about the model's likelihood is written here, once.
struct Pass {
    loss: f64,
    gradient: Vec<f64>,
    /// (1/n) Σ c w p(1−p) ∂z∂zᵀ, the ridge added only for `Want::Newton`.
    hessian: Vec<f64>,
    /// (1/n) Σ c (w (y − p))² ∂z∂zᵀ, for `Want::Sandwich`.
    score_cov: Vec<f64>,
}

impl Pass {
    fn empty() -> Pass {
        Pass { loss: f64::NAN, gradient: Vec::new(), hessian: Vec::new(), score_cov: Vec::new() }
    }
}

fn pass(rows: &Rows, counts: &[f64], params: &[f64], reg: f64, want: Want) -> Pass {
    let (m, k) = (rows.n_models, rows.n_features);
    let dim = m + k;
    let (theta, beta) = params.split_at(m);
    let n = counts.iter().sum::<f64>().max(1.0);
    let second_order = want != Want::Loss;
    // Per-pair sums: [h, h·x₁…h·x_k] for the Hessian (or the score covariance), and g.
    let stride = 1 + k;
    let mut pair_sums = if second_order { vec![0.0; rows.pairs.len() * stride] } else { Vec::new() };
    let mut pair_gradient = if second_order { vec![0.0; rows.pairs.len()] } else { Vec::new() };
    let mut feature_block = vec![0.0; k * k];
    let mut feature_gradient = vec![0.0; k];
    let mut log_lik = 0.0;
    for (r, &c) in counts.iter().enumerate() {
        if c == 0.0 {
            continue;
        }
        let pair = rows.pair_of_row[r] as usize;
        let (a, b) = rows.pairs[pair];
        let x = &rows.features[r * k..r * k + k];
        let z = theta[a as usize] - theta[b as usize] + x.iter().zip(beta).map(|(x, b)| x * b).sum::<f64>();
        let (y, w) = (rows.outcome[r], rows.weight[r]);
        let cw = c * w;
        // One exponential for both: e = e^{−|z|}, softplus(z) = max(z, 0) + log(1 + e),
        // p = σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) otherwise.
        let e = (-z.abs()).exp();
        log_lik += cw * (y * z - (z.max(0.0) + e.ln_1p()));
        if !second_order {
            continue;
        }
        let p = if z >= 0.0 { 1.0 / (1.0 + e) } else { e / (1.0 + e) };
        let residual = cw * (y - p);
        pair_gradient[pair] += residual;
        for (g, x) in feature_gradient.iter_mut().zip(x) {
            *g += residual * x;
        }
        let h = if want == Want::Sandwich { c * (w * (y - p)).powi(2) } else { cw * p * (1.0 - p) };
        let sums = &mut pair_sums[pair * stride..pair * stride + stride];
        sums[0] += h;
        for (s, x) in sums[1..].iter_mut().zip(x) {
            *s += h * x;
        }
        for i in 0..k {
            for j in 0..=i {
                feature_block[i * k + j] += h * x[i] * x[j];
            }
        }
    }
    let loss = -log_lik / n + 0.5 * reg * beta.iter().map(|b| b * b).sum::<f64>();
    let mut result = Pass { loss, gradient: Vec::new(), hessian: Vec::new(), score_cov: Vec::new() };
    if !second_order {
        return result;
    }
    let mut gradient = vec![0.0; dim];
    let mut matrix = vec![0.0; dim * dim];
    for (pair, &(a, b)) in rows.pairs.iter().enumerate() {
        let (a, b) = (a as usize, b as usize);
        gradient[a] -= pair_gradient[pair] / n;
        gradient[b] += pair_gradient[pair] / n;
        let sums = &pair_sums[pair * stride..pair * stride + stride];
        let h = sums[0] / n;
        matrix[a * dim + a] += h;
        matrix[b * dim + b] += h;
        matrix[a * dim + b] -= h;
        matrix[b * dim + a] -= h;
        for f in 0..k {
            let hx = sums[1 + f] / n;
            for (row, sign) in [(a, 1.0), (b, -1.0)] {
                matrix[row * dim + m + f] += sign * hx;
                matrix[(m + f) * dim + row] += sign * hx;
            }
        }
    }
    for i in 0..k {
        gradient[m + i] = -feature_gradient[i] / n + reg * beta[i];
        for j in 0..=i {
            let value = feature_block[i * k + j] / n;
            matrix[(m + i) * dim + m + j] = value;
            matrix[(m + j) * dim + m + i] = value;
        }
        if want == Want::Newton {
            matrix[(m + i) * dim + m + i] += reg;
        }
    }
    result.gradient = gradient;
    if want == Want::Sandwich {
        result.score_cov = matrix;
    } else {
        result.hessian = matrix;
    }
    result
}

/// A fit: θ centred to mean 0, then β; natural-log-odds units.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// θ (one per model) then β (one per covariate).
    pub params: Vec<f64>,
    /// The loss at `params`.
    pub loss: f64,
    /// Newton steps taken.
    pub iterations: u32,
    /// True when the last step moved no parameter more than [`TOLERANCE`].
    pub converged: bool,
}

/// Minimises the loss by Newton's method with step halving, θ₀ held at 0 (the loss does not
/// change when every θ moves together), then centres θ. The caller must have checked that the
/// comparison graph is strongly connected ([`bt::has_finite_mle`]).
fn newton(rows: &Rows, counts: &[f64], reg: f64, start: Option<&[f64]>) -> Fit {
    let (m, dim) = (rows.n_models, rows.dim());
    let mut params = start.map_or_else(|| vec![0.0; dim], <[f64]>::to_vec);
    let free = dim.saturating_sub(1);
    let mut iterations = 0;
    let mut converged = free == 0;
    // Each accepted trial point's pass gives the next step's derivatives too: one pass per
    // Newton step unless the step has to be halved.
    let mut current = pass(rows, counts, &params, reg, Want::Newton);
    let mut loss = current.loss;
    while !converged && iterations < MAX_ITERATIONS {
        iterations += 1;
        let Pass { gradient, hessian, .. } = std::mem::replace(&mut current, Pass::empty());
        let mut matrix: Vec<f64> = (1..dim).flat_map(|r| (1..dim).map(move |c| (r, c))).map(|(r, c)| hessian[r * dim + c]).collect();
        if !linalg::cholesky(&mut matrix, free) {
            break;
        }
        let mut step: Vec<f64> = gradient[1..].iter().map(|g| -g).collect();
        linalg::cholesky_solve(&matrix, free, &mut step);
        let mut scale = 1.0;
        let mut trial = params.clone();
        loop {
            for (t, (p, s)) in trial[1..].iter_mut().zip(params[1..].iter().zip(&step)) {
                *t = p + scale * s;
            }
            let want = if scale == 1.0 { Want::Newton } else { Want::Loss };
            let trial_pass = pass(rows, counts, &trial, reg, want);
            if trial_pass.loss <= loss + 1e-12 * (1.0 + loss.abs()) || scale < 1e-8 {
                loss = trial_pass.loss;
                current = if want == Want::Newton { trial_pass } else { pass(rows, counts, &trial, reg, Want::Newton) };
                break;
            }
            scale *= 0.5;
        }
        let moved = step.iter().fold(0.0f64, |most, s| most.max((scale * s).abs()));
        params = trial;
        converged = moved <= TOLERANCE;
    }
    let mean = params[..m].iter().sum::<f64>() / m.max(1) as f64;
    params[..m].iter_mut().for_each(|t| *t -= mean);
    Fit { params, loss, iterations, converged }
}

/// A fit with its intervals.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// The point estimate.
    pub fit: Fit,
    /// Standard errors of the parameters (sandwich only).
    pub se: Option<Vec<f64>>,
    /// Lower ends of the intervals, per parameter (`None` without intervals).
    pub low: Vec<Option<f64>>,
    /// Upper ends.
    pub high: Vec<Option<f64>>,
    /// Bootstrap rounds left out (no finite estimate in the resample, or no convergence).
    pub degenerate_rounds: u32,
}

/// Fits the model on `rows` and computes intervals of coverage `confidence` by `interval`,
/// with `threads` threads for bootstrap rounds (the results do not depend on it).
pub fn estimate(rows: &Rows, reg: f64, hessian_reg: f64, interval: Interval, confidence: f64, threads: u32) -> Estimate {
    let dim = rows.dim();
    let fit = newton(rows, &rows.count, reg, None);
    let mut estimate = Estimate { fit, se: None, low: vec![None; dim], high: vec![None; dim], degenerate_rounds: 0 };
    match interval {
        Interval::Sandwich => {
            let Pass { score_cov, .. } = pass(rows, &rows.count, &estimate.fit.params, reg, Want::Sandwich);
            let Pass { hessian, .. } = pass(rows, &rows.count, &estimate.fit.params, 0.0, Want::Newton);
            let penalized: Vec<f64> = (0..dim).map(|i| if i < rows.n_models { 0.0 } else { estimate.fit.params[i] }).collect();
            let parts =
                sandwich::Parts { hessian: &hessian, score_cov: &score_cov, penalized: &penalized, reg, hessian_reg, n: rows.n_battles() };
            if let Some(covariance) = sandwich::covariance(&parts, dim) {
                let z = crate::stats::normal_quantile(0.5 + confidence / 2.0).expect("0 < confidence < 1");
                let se: Vec<f64> = (0..dim).map(|i| covariance[i * dim + i].max(0.0).sqrt()).collect();
                for (i, se) in se.iter().enumerate() {
                    estimate.low[i] = Some(estimate.fit.params[i] - z * se);
                    estimate.high[i] = Some(estimate.fit.params[i] + z * se);
                }
                estimate.se = Some(se);
            }
        }
        Interval::Bootstrap { rounds, seed } => {
            let counts: Vec<u64> = rows.count.iter().map(|&c| c as u64).collect();
            let table = AliasTable::new(&counts);
            let start = &estimate.fit.params;
            let results = bootstrap::run_rounds(rounds, threads, |round| {
                let mut rng = Pcg32::new(seed, u64::from(round));
                let mut drawn = vec![0u32; counts.len()];
                table.resample(&mut rng, &mut drawn);
                let drawn: Vec<f64> = drawn.into_iter().map(f64::from).collect();
                if !connected(rows, &drawn) {
                    return None;
                }
                let fit = newton(rows, &drawn, reg, Some(start));
                fit.converged.then_some(fit.params)
            });
            let kept: Vec<Vec<f64>> = results.into_iter().flatten().collect();
            estimate.degenerate_rounds = rounds - kept.len() as u32;
            let tail = (1.0 - confidence) / 2.0;
            for i in 0..dim {
                let mut values: Vec<f64> = kept.iter().map(|params| params[i]).collect();
                values.sort_by(f64::total_cmp);
                estimate.low[i] = bootstrap::quantile(&values, tail);
                estimate.high[i] = bootstrap::quantile(&values, 1.0 - tail);
            }
        }
    }
    estimate
}

/// True when the battles with these counts leave the comparison graph strongly connected.
fn connected(rows: &Rows, counts: &[f64]) -> bool {
    let mut wins: Vec<bt::PairCount> = rows.pairs.iter().map(|&(i, j)| bt::PairCount { i, j, wins_i: 0.0, wins_j: 0.0 }).collect();
    for r in 0..rows.len() {
        let pair = &mut wins[rows.pair_of_row[r] as usize];
        pair.wins_i += counts[r] * rows.outcome[r];
        pair.wins_j += counts[r] * (1.0 - rows.outcome[r]);
    }
    bt::has_finite_mle(rows.n_models, &wins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(battles: &[(u32, u32, f64, f64)], n_models: usize, weighting: Weighting) -> Rows {
        let mut builder = RowsBuilder::new(n_models, 1);
        for &(a, b, y, x) in battles {
            builder.push(a, b, y, &[x]);
        }
        builder.finish(weighting)
    }

    #[test]
    fn without_covariates_it_is_plain_bradley_terry() {
        // 30 wins of 0 over 1 and 10 of 1 over 0, covariate 0 everywhere: θ₀ − θ₁ = ln 3.
        let mut battles = vec![(0, 1, 1.0, 0.0); 30];
        battles.extend(vec![(1, 0, 1.0, 0.0); 10]);
        let rows = rows(&battles, 2, Weighting::Unweighted);
        assert_eq!(rows.len(), 2, "identical battles merge into counted rows");
        let fit = newton(&rows, &rows.count, DEFAULT_REG, None);
        assert!(fit.converged);
        assert!((fit.params[0] - fit.params[1] - 3f64.ln()).abs() < 1e-10, "{fit:?}");
        assert_eq!(fit.params[2], 0.0);
    }

    #[test]
    fn the_score_equations_hold_at_the_fit() {
        let battles = [(0, 1, 1.0, 0.5), (1, 2, 0.0, -0.2), (2, 0, 0.5, 0.1), (0, 2, 1.0, 0.9), (1, 0, 1.0, -0.4), (2, 1, 1.0, 0.3)];
        let rows = rows(&battles, 3, Weighting::InversePairCount { min_pair_count: 1.0 });
        let fit = newton(&rows, &rows.count, 0.3, None);
        assert!(fit.converged && fit.iterations < 30, "{fit:?}");
        let at_fit = pass(&rows, &rows.count, &fit.params, 0.3, Want::Newton);
        assert!(at_fit.gradient.iter().all(|g| g.abs() < 1e-12), "{:?}", at_fit.gradient);
    }

    #[test]
    fn inverse_pair_count_weights_have_mean_one() {
        let mut battles = vec![(0, 1, 1.0, 0.0); 3];
        battles.push((1, 2, 0.0, 0.1));
        let rows = rows(&battles, 3, Weighting::InversePairCount { min_pair_count: 2.0 });
        // Raw weights 1/3 (pair 0–1, three battles) and 1/2 (pair 1–2, floored at 2).
        let mean_raw = (3.0 / 3.0 + 0.5) / 4.0;
        assert!((rows.weights()[0] - (1.0 / 3.0) / mean_raw).abs() < 1e-15);
        assert!((rows.weights()[1] - 0.5 / mean_raw).abs() < 1e-15);
    }
}
