//! GLAD: generative model of labels, abilities and difficulties.
//!
//! Whitehill, J., Ruvolo, P., Wu, T., Bergsma, J. & Movellan, J. (2009). Whose vote should count
//! more: optimal integration of labels from labelers of unknown expertise. *NIPS 22*.
//!
//! Annotator `w` has ability `α_w`, item `i` has `β_i` (1/difficulty = `e^β`); the annotator is
//! right with probability `σ(α_w e^{β_i})` and otherwise gives each wrong label with probability
//! `(1 − σ)/(K − 1)`. Priors `α, β ~ N(1, 1)`, labels uniform. EM: the E-step is exact; the M-step
//! maximises `Q(α, β) = Σ P(k|i) ln P(l | k, α, β) + Σ ln φ(α − 1) + Σ ln φ(β − 1)` by nonlinear
//! conjugate gradients (Polak–Ribière+, strong-Wolfe line search with c1 = 1e-4, c2 = 0.4), at most
//! 25 steps or until every gradient component is below 0.01.
//!
//! As crowd-kit 1.4.2 (`GLAD`): start at α = β = 1; per iteration E-step then M-step, then `Q`
//! divided by (labels × K) compared with the previous value (the first comparison is against the
//! undivided `Q`, so at least two iterations run); posteriors are those of the last E-step.
//! Difference: crowd-kit's M-step is SciPy's `minimize(method="CG")`, whose MINPACK line search
//! takes other steps than ours, so α, β and posteriors differ by up to about 2e-3 (measured on
//! the reference data; the test holds them to 5e-3), not 1e-6; labels agree wherever crowd-kit's
//! posterior margin is at least 0.05.

use super::majority::choose;
use super::{Aggregation, AnnotatorQuality, LabelTable, Method};

const M_STEP_MAX_ITER: u32 = 25;
const M_STEP_GRADIENT_TOL: f64 = 0.01;

/// GLAD (see the module documentation). Quality: per annotator ability `α`.
pub fn glad(table: &LabelTable, max_iter: u32, tol: f64) -> Aggregation {
    let model = Glad { table, n_labels: table.labels.len() };
    let (n_annotators, n_items) = (table.annotators.len(), table.items.len());
    let mut params = vec![1.0; n_annotators + n_items];
    let mut posteriors = model.e_step(&params);
    let mut q = model.q(&params, &posteriors);
    let scale = (table.rows.len() * model.n_labels) as f64;
    let (mut iterations, mut converged) = (max_iter, false);
    for iteration in 1..=max_iter {
        let last_q = q;
        posteriors = model.e_step(&params);
        params = model.m_step(params, &posteriors);
        q = model.q(&params, &posteriors) / scale;
        if q - last_q < tol {
            (iterations, converged) = (iteration, true);
            break;
        }
    }
    let labels = choose(&posteriors, model.n_labels);
    params.truncate(n_annotators);
    Aggregation { method: Method::Glad, labels, posteriors, quality: AnnotatorQuality::Skill(params), iterations, converged }
}

/// crowd-kit's softplus: `ln(1 + e^x)`, taken as `x` above 30 and 0 below −30.
fn softplus(x: f64) -> f64 {
    if x > 30.0 {
        x
    } else if x < -30.0 {
        0.0
    } else {
        x.exp().ln_1p()
    }
}

/// `ln φ(z)` of the standard normal density.
fn log_normal_density(z: f64) -> f64 {
    -0.5 * z * z - 0.5 * (2.0 * std::f64::consts::PI).ln()
}

/// Parameters are `[α_0 .. α_{W−1}, β_0 .. β_{I−1}]`.
struct Glad<'a> {
    table: &'a LabelTable,
    n_labels: usize,
}

impl Glad<'_> {
    fn n_annotators(&self) -> usize {
        self.table.annotators.len()
    }

    fn e_step(&self, params: &[f64]) -> Vec<f64> {
        let k = self.n_labels;
        let wrong = ((k - 1) as f64).ln();
        let log_prior = (1.0 / k as f64).ln();
        let mut log_likelihoods = vec![log_prior; self.table.items.len() * k];
        for row in &self.table.rows {
            let x = params[row.annotator as usize] * params[self.n_annotators() + row.item as usize].exp();
            let (right, wrong) = (-softplus(-x), -softplus(x) - wrong);
            let item = row.item as usize * k;
            for truth in 0..k {
                log_likelihoods[item + truth] += if truth == row.label as usize { right } else { wrong };
            }
        }
        for row in log_likelihoods.chunks_mut(k) {
            let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let log_total = max + row.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
            row.iter_mut().for_each(|value| *value = (*value - log_total).exp());
        }
        log_likelihoods
    }

    /// `Q` (crowd-kit's `_compute_Q`: no label-prior term), −∞ where it is NaN.
    fn q(&self, params: &[f64], posteriors: &[f64]) -> f64 {
        let k = self.n_labels;
        let wrong = ((k - 1) as f64).ln();
        let mut q = 0.0;
        for row in &self.table.rows {
            let x = params[row.annotator as usize] * params[self.n_annotators() + row.item as usize].exp();
            let p_right = posteriors[row.item as usize * k + row.label as usize];
            q += p_right * -softplus(-x) + (1.0 - p_right) * (-softplus(x) - wrong);
        }
        q += params.iter().map(|&value| log_normal_density(value - 1.0)).sum::<f64>();
        if q.is_nan() {
            f64::NEG_INFINITY
        } else {
            q
        }
    }

    /// The gradient of `Q`.
    fn gradient(&self, params: &[f64], posteriors: &[f64]) -> Vec<f64> {
        let k = self.n_labels;
        let mut gradient: Vec<f64> = params.iter().map(|&value| -(value - 1.0)).collect();
        for row in &self.table.rows {
            let (annotator, item) = (row.annotator as usize, self.n_annotators() + row.item as usize);
            let exp_beta = params[item].exp();
            let sigma = 1.0 / (1.0 + (-params[annotator] * exp_beta).exp());
            let residual = posteriors[row.item as usize * k + row.label as usize] - sigma;
            gradient[annotator] += residual * exp_beta;
            gradient[item] += residual * params[annotator] * exp_beta;
        }
        gradient
    }

    /// Maximises `Q` over the parameters by Polak–Ribière+ conjugate gradients on `−Q`.
    fn m_step(&self, mut x: Vec<f64>, posteriors: &[f64]) -> Vec<f64> {
        let objective = |x: &[f64]| -self.q(x, posteriors);
        let slope = |x: &[f64]| self.gradient(x, posteriors).into_iter().map(|g| -g).collect::<Vec<f64>>();
        let mut value = objective(&x);
        let mut gradient = slope(&x);
        let mut previous_value = value + norm(&gradient) / 2.0;
        let mut direction: Vec<f64> = gradient.iter().map(|g| -g).collect();
        for _ in 0..M_STEP_MAX_ITER {
            if gradient.iter().all(|g| g.abs() <= M_STEP_GRADIENT_TOL) {
                break;
            }
            let descent = dot(&gradient, &direction);
            let first_step = (1.01 * 2.0 * (value - previous_value) / descent).min(1.0);
            let first_step = if first_step > 0.0 && first_step.is_finite() { first_step } else { 1.0 };
            let Some((step, new_value, new_gradient)) = line_search(&objective, &slope, &x, &direction, value, descent, first_step) else {
                break;
            };
            x.iter_mut().zip(&direction).for_each(|(xi, di)| *xi += step * di);
            let squared = dot(&gradient, &gradient);
            let polak_ribiere = (dot(&new_gradient, &new_gradient) - dot(&gradient, &new_gradient)) / squared;
            let beta = polak_ribiere.max(0.0);
            direction.iter_mut().zip(&new_gradient).for_each(|(di, gi)| *di = -gi + beta * *di);
            (previous_value, value, gradient) = (value, new_value, new_gradient);
        }
        x
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// A step along `direction` meeting the strong Wolfe conditions (c1 = 1e-4, c2 = 0.4), found by
/// bracketing and bisection (Nocedal & Wright, Algorithms 3.5–3.6); `None` after 30 trials.
fn line_search(
    objective: &impl Fn(&[f64]) -> f64,
    slope: &impl Fn(&[f64]) -> Vec<f64>,
    x: &[f64],
    direction: &[f64],
    value: f64,
    descent: f64,
    first_step: f64,
) -> Option<(f64, f64, Vec<f64>)> {
    const C1: f64 = 1e-4;
    const C2: f64 = 0.4;
    if descent >= 0.0 {
        return None;
    }
    let at = |step: f64| {
        let point: Vec<f64> = x.iter().zip(direction).map(|(xi, di)| xi + step * di).collect();
        let gradient = slope(&point);
        (objective(&point), dot(&gradient, direction), gradient)
    };
    let (mut low, mut high) = (0.0, f64::INFINITY);
    let mut low_value = value;
    let mut step = first_step;
    for _ in 0..30 {
        let (trial_value, trial_slope, trial_gradient) = at(step);
        if !trial_value.is_finite() || trial_value > value + C1 * step * descent || trial_value >= low_value && low > 0.0 {
            high = step;
        } else if trial_slope.abs() <= -C2 * descent {
            return Some((step, trial_value, trial_gradient));
        } else if trial_slope >= 0.0 {
            high = step;
        } else {
            (low, low_value) = (step, trial_value);
        }
        step = if high.is_finite() { (low + high) / 2.0 } else { step * 2.0 };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::LabelValue;

    #[test]
    fn the_annotator_who_agrees_gets_the_higher_ability() {
        let rows = [
            ("t1", "a", 1),
            ("t1", "b", 1),
            ("t1", "c", 2),
            ("t2", "a", 2),
            ("t2", "b", 2),
            ("t2", "c", 1),
            ("t3", "a", 1),
            ("t3", "b", 1),
        ];
        let table = LabelTable::build(rows.iter().map(|&(i, a, l)| (i, a, LabelValue::Number(f64::from(l))))).unwrap();
        let result = glad(&table, 100, 1e-5);
        let AnnotatorQuality::Skill(alphas) = &result.quality else { panic!("skills") };
        assert!(alphas[0] > alphas[2], "{alphas:?}");
        assert_eq!(result.labels, vec![0, 1, 0]);
        assert!(result.iterations >= 2);
    }

    #[test]
    fn the_gradient_matches_finite_differences() {
        let rows = [("t1", "a", 1), ("t1", "b", 2), ("t2", "a", 2), ("t2", "b", 2), ("t2", "c", 3)];
        let table = LabelTable::build(rows.iter().map(|&(i, a, l)| (i, a, LabelValue::Number(f64::from(l))))).unwrap();
        let model = Glad { table: &table, n_labels: 3 };
        let params = vec![0.7, 1.3, -0.2, 0.4, 1.1];
        let posteriors = model.e_step(&[1.0; 5]);
        let gradient = model.gradient(&params, &posteriors);
        for index in 0..params.len() {
            let mut up = params.clone();
            let mut down = params.clone();
            up[index] += 1e-6;
            down[index] -= 1e-6;
            let numeric = (model.q(&up, &posteriors) - model.q(&down, &posteriors)) / 2e-6;
            assert!((numeric - gradient[index]).abs() < 1e-6, "{index}: {numeric} vs {}", gradient[index]);
        }
    }
}
