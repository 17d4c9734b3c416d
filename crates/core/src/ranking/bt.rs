//! Bradley–Terry maximum likelihood on aggregated pair counts (Newton's method), the
//! existence check for a finite maximum, and the optional virtual-tie prior.
//!
//! Model: P(i beats j) = σ(θᵢ − θⱼ) = 1 / (1 + e^{−(θᵢ−θⱼ)}) (Bradley & Terry 1952). With wᵢⱼ the
//! wins of i over j plus half their ties, the log-likelihood is
//! ℓ(θ) = Σ_{i<j} [wᵢⱼ log σ(θᵢ−θⱼ) + wⱼᵢ log σ(θⱼ−θᵢ)],
//! identical to Chatbot Arena's logistic regression with ties duplicated as one win each way at
//! half weight. It depends on the battles only through the per-pair sums, so a fit costs
//! O(pairs + models³) per Newton step whatever the number of battles.
//!
//! Existence (Zermelo 1929; Ford 1957; Hunter 2004, Assumption 1): a finite maximiser exists and
//! is unique up to a common shift iff the directed graph with an edge i → j whenever wᵢⱼ > 0 is
//! strongly connected. Otherwise ℓ keeps increasing as groups are pushed apart, and any finite
//! number an optimiser returns is an artefact of its stopping rule.
//!
//! Prior (`prior` = τ > 0): τ virtual games against a reference player fixed at θ = 0, scored as
//! ties (τ/2 wins each way), are added for every model: ℓ gains Σᵢ (τ/2)[log σ(θᵢ) + log σ(−θᵢ)],
//! a log-concave prior centred on the reference. The graph is then always strongly connected.

/// Newton stops when no parameter moved more than this (natural-log units; 1e-10 ≈ 1.7e-8 Elo).
pub const TOLERANCE: f64 = 1e-10;
/// Newton gives up after this many steps (it needs fewer than 20 on every data set we tried).
pub const MAX_ITERATIONS: u32 = 100;

/// Wins of `i` over `j` and of `j` over `i`, ties counted as half a win each way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairCount {
    /// The lower model index.
    pub i: u32,
    /// The higher model index.
    pub j: u32,
    /// wᵢⱼ: wins of `i` over `j` plus half the ties.
    pub wins_i: f64,
    /// wⱼᵢ: wins of `j` over `i` plus half the ties.
    pub wins_j: f64,
}

/// A converged (or abandoned) Newton fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// θ, natural-log odds units, centred to mean 0.
    pub theta: Vec<f64>,
    /// Newton steps taken.
    pub iterations: u32,
    /// True when the last step moved no parameter more than [`TOLERANCE`].
    pub converged: bool,
}

/// Strongly connected components of the "has beaten or tied" graph on `n_models` models, each a
/// sorted list of model indices; components are ordered by their smallest member.
/// (Kosaraju's algorithm, iterative.)
pub fn components(n_models: usize, pairs: &[PairCount]) -> Vec<Vec<u32>> {
    let mut forward = vec![Vec::new(); n_models];
    let mut backward = vec![Vec::new(); n_models];
    for pair in pairs {
        let (i, j) = (pair.i as usize, pair.j as usize);
        if pair.wins_i > 0.0 {
            forward[i].push(j);
            backward[j].push(i);
        }
        if pair.wins_j > 0.0 {
            forward[j].push(i);
            backward[i].push(j);
        }
    }
    // First pass: finishing order on the forward graph.
    let mut visited = vec![false; n_models];
    let mut finished = Vec::with_capacity(n_models);
    for start in 0..n_models {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0usize)];
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < forward[node].len() {
                let target = forward[node][*next];
                *next += 1;
                if !visited[target] {
                    visited[target] = true;
                    stack.push((target, 0));
                }
            } else {
                finished.push(node);
                stack.pop();
            }
        }
    }
    // Second pass: reverse graph in reverse finishing order.
    let mut component_of = vec![usize::MAX; n_models];
    let mut result: Vec<Vec<u32>> = Vec::new();
    for &start in finished.iter().rev() {
        if component_of[start] != usize::MAX {
            continue;
        }
        let id = result.len();
        let mut members = Vec::new();
        let mut stack = vec![start];
        component_of[start] = id;
        while let Some(node) = stack.pop() {
            members.push(node as u32);
            for &source in &backward[node] {
                if component_of[source] == usize::MAX {
                    component_of[source] = id;
                    stack.push(source);
                }
            }
        }
        members.sort_unstable();
        result.push(members);
    }
    result.sort_by_key(|members| members[0]);
    result
}

/// True when a finite maximum-likelihood estimate exists for all `n_models` (see module docs).
pub fn has_finite_mle(n_models: usize, pairs: &[PairCount]) -> bool {
    n_models >= 2 && components(n_models, pairs).len() == 1
}

fn log_sigmoid(x: f64) -> f64 {
    // log σ(x) = −softplus(−x), computed without overflow for either sign.
    if x >= 0.0 {
        -(-x).exp().ln_1p()
    } else {
        x - x.exp().ln_1p()
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn log_likelihood(theta: &[f64], pairs: &[PairCount], prior: f64) -> f64 {
    let mut total = 0.0;
    for pair in pairs {
        let d = theta[pair.i as usize] - theta[pair.j as usize];
        total += pair.wins_i * log_sigmoid(d) + pair.wins_j * log_sigmoid(-d);
    }
    if prior > 0.0 {
        for &t in theta {
            total += 0.5 * prior * (log_sigmoid(t) + log_sigmoid(-t));
        }
    }
    total
}

/// Maximises the Bradley–Terry log-likelihood over `n_models` models by Newton's method with
/// step halving, starting at `start` (zeros when `None`). Without a prior, θ₀ is held at 0 to
/// fix the common shift. The caller must have checked [`has_finite_mle`] (or set `prior > 0`);
/// otherwise the result is not a maximum and `converged` may be false.
pub fn fit(n_models: usize, pairs: &[PairCount], prior: f64, start: Option<&[f64]>) -> Fit {
    let mut theta = match start {
        Some(start) => start.to_vec(),
        None => vec![0.0; n_models],
    };
    let pinned = usize::from(prior <= 0.0);
    let dim = n_models.saturating_sub(pinned);
    let mut gradient = vec![0.0; n_models];
    let mut information = vec![0.0; n_models * n_models];
    let mut log_lik = log_likelihood(&theta, pairs, prior);
    let mut trial = vec![0.0; n_models];
    let mut iterations = 0;
    let mut converged = dim == 0;
    while !converged && iterations < MAX_ITERATIONS {
        iterations += 1;
        gradient.iter_mut().for_each(|g| *g = 0.0);
        information.iter_mut().for_each(|h| *h = 0.0);
        for pair in pairs {
            let (i, j) = (pair.i as usize, pair.j as usize);
            let p = sigmoid(theta[i] - theta[j]);
            let n = pair.wins_i + pair.wins_j;
            let residual = pair.wins_i - n * p;
            gradient[i] += residual;
            gradient[j] -= residual;
            let weight = n * p * (1.0 - p);
            information[i * n_models + i] += weight;
            information[j * n_models + j] += weight;
            information[i * n_models + j] -= weight;
            information[j * n_models + i] -= weight;
        }
        if prior > 0.0 {
            for i in 0..n_models {
                let p = sigmoid(theta[i]);
                gradient[i] += 0.5 * prior - prior * p;
                information[i * n_models + i] += prior * p * (1.0 - p);
            }
        }
        // Solve I Δ = g on the free parameters (all but the pinned θ₀).
        let mut matrix = vec![0.0; dim * dim];
        for r in 0..dim {
            for c in 0..dim {
                matrix[r * dim + c] = information[(r + pinned) * n_models + (c + pinned)];
            }
        }
        let mut step: Vec<f64> = gradient[pinned..].to_vec();
        if !cholesky_solve(&mut matrix, dim, &mut step) {
            break;
        }
        let mut scale = 1.0;
        loop {
            trial[..pinned].copy_from_slice(&theta[..pinned]);
            for k in 0..dim {
                trial[k + pinned] = theta[k + pinned] + scale * step[k];
            }
            let trial_lik = log_likelihood(&trial, pairs, prior);
            // Accept any step that does not lose likelihood beyond rounding.
            if trial_lik >= log_lik - 1e-12 * (1.0 + log_lik.abs()) || scale < 1e-8 {
                log_lik = trial_lik;
                break;
            }
            scale *= 0.5;
        }
        let moved = step.iter().fold(0.0f64, |m, s| m.max((scale * s).abs()));
        std::mem::swap(&mut theta, &mut trial);
        converged = moved <= TOLERANCE;
    }
    let mean = theta.iter().sum::<f64>() / n_models.max(1) as f64;
    theta.iter_mut().for_each(|t| *t -= mean);
    Fit { theta, iterations, converged }
}

/// Solves A x = b in place for a symmetric positive definite `dim`×`dim` A (row-major), leaving
/// x in `b`, with the shared Cholesky code (`stats::linalg`). Returns false when A is not
/// positive definite (a disconnected graph).
fn cholesky_solve(a: &mut [f64], dim: usize, b: &mut [f64]) -> bool {
    if !crate::stats::linalg::cholesky(a, dim) {
        return false;
    }
    crate::stats::linalg::cholesky_solve(a, dim, b);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(i: u32, j: u32, wins_i: f64, wins_j: f64) -> PairCount {
        PairCount { i, j, wins_i, wins_j }
    }

    #[test]
    fn two_models_fit_the_log_odds() {
        // Closed form: θ₀ − θ₁ = ln(w₀₁ / w₁₀).
        let fit = fit(2, &[pair(0, 1, 30.0, 10.0)], 0.0, None);
        assert!(fit.converged);
        assert!((fit.theta[0] - fit.theta[1] - 3f64.ln()).abs() < 1e-9, "{:?}", fit.theta);
    }

    #[test]
    fn the_score_equations_hold_at_the_fit() {
        let pairs = [pair(0, 1, 12.5, 7.5), pair(1, 2, 3.0, 9.0), pair(0, 2, 4.0, 4.0), pair(2, 3, 20.0, 1.5), pair(1, 3, 6.0, 2.0)];
        let fit = fit(4, &pairs, 0.0, None);
        assert!(fit.converged && fit.iterations < 20, "{fit:?}");
        let mut expected = [0.0; 4];
        let mut observed = [0.0; 4];
        for p in &pairs {
            let prob = sigmoid(fit.theta[p.i as usize] - fit.theta[p.j as usize]);
            expected[p.i as usize] += (p.wins_i + p.wins_j) * prob;
            expected[p.j as usize] += (p.wins_i + p.wins_j) * (1.0 - prob);
            observed[p.i as usize] += p.wins_i;
            observed[p.j as usize] += p.wins_j;
        }
        for k in 0..4 {
            assert!((expected[k] - observed[k]).abs() < 1e-8, "model {k}: {expected:?} vs {observed:?}");
        }
    }

    #[test]
    fn an_undefeated_model_splits_the_graph() {
        let pairs = [pair(0, 1, 5.0, 0.0), pair(1, 2, 3.0, 2.0)];
        assert!(!has_finite_mle(3, &pairs));
        assert_eq!(components(3, &pairs), vec![vec![0], vec![1, 2]]);
        // A tie is half a win each way and so connects both directions.
        assert!(has_finite_mle(3, &[pair(0, 1, 5.0, 0.5), pair(1, 2, 3.0, 2.0)]));
    }

    #[test]
    fn the_prior_gives_finite_ratings_to_an_undefeated_model() {
        let fit = fit(2, &[pair(0, 1, 5.0, 0.0)], 1.0, None);
        assert!(fit.converged);
        assert!(fit.theta[0] > fit.theta[1] && fit.theta[0].is_finite());
    }
}
