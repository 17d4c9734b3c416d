//! MACE: multi-annotator competence estimation.
//!
//! Hovy, D., Berg-Kirkpatrick, T., Vaswani, A. & Hovy, E. (2013). Learning whom to trust with
//! MACE. *NAACL-HLT 2013*, 1120–1130.
//!
//! Each annotator `w` either knows the answer (probability `ξ_w`) and gives the true label, or
//! spams (probability `1 − ξ_w`) by drawing from a strategy `θ_w`:
//! `P(l | k) = (1 − ξ_w) θ_w[l] + ξ_w [l = k]`, true labels uniform. EM from several random
//! starts keeps the run with the highest marginal log-likelihood `Σ_i ln(P(labels of i) + 1e-8)`.
//! The M-step is variational Bayes by default (Beta(0.5, 0.5) on `ξ`, Dirichlet(10) on `θ`:
//! `exp ψ(count + prior) / exp ψ(Σ (count + prior))`), or EM with add-`0.01/K` smoothing.
//! Skill reported: `ξ_w`, the probability of knowing (crowd-kit's `spamming_[:, 1]`, which
//! under VB is not renormalised).
//!
//! As crowd-kit 1.4.2 (`MACE`, defaults: 10 restarts, 50 iterations, `vb`), step for step, so
//! posteriors agree to 1e-6 from the same starting values. Differences, both deliberate:
//! crowd-kit draws every restart from `random_state = 0`, so its ten restarts are one start
//! repeated; here restart `r` draws from `Pcg32(seed, r)` (starting values Uniform(1, 2.5), rows
//! normalised, as crowd-kit), unless [`MaceInit::Given`] fixes them (the reference test passes
//! crowd-kit's own draws). And crowd-kit aligns its per-annotator count tables (grouped by sorted
//! name) with arrays indexed by first appearance; the two orders differ on most real data, which
//! mixes annotators up there. Dense ids are used throughout here. An item whose likelihood
//! underflows to 0 (hundreds of labels on one item) gets a uniform posterior instead of NaN.

use super::majority::choose;
use super::{AggregateError, Aggregation, AnnotatorQuality, LabelTable, MaceInit, Method, Options};
use crate::rng::Pcg32;
use crate::stats::digamma::digamma;

const KNOWING_PRIOR: [f64; 2] = [0.5, 0.5];
const STRATEGY_PRIOR: f64 = 10.0;

/// MACE (see the module documentation).
pub fn mace(table: &LabelTable, options: &Options) -> Result<Aggregation, AggregateError> {
    let (n_annotators, k) = (table.annotators.len(), table.labels.len());
    if let MaceInit::Given { spamming, thetas } = &options.mace_init {
        if spamming.len() != n_annotators * 2 || thetas.len() != n_annotators * k {
            return Err(AggregateError::BadInit);
        }
    }
    let n_iter = options.max_iter.unwrap_or(50);
    let mut best: Option<(f64, Parameters)> = None;
    for restart in 0..options.restarts.max(1) {
        let mut parameters = Parameters::start(&options.mace_init, restart, n_annotators, k);
        let mut expected = parameters.e_step(table);
        for _ in 0..n_iter {
            parameters.m_step(&expected, options.mace_variational, k);
            expected = parameters.e_step(table);
        }
        if best.as_ref().is_none_or(|(best_likelihood, _)| expected.log_likelihood > *best_likelihood) {
            best = Some((expected.log_likelihood, parameters));
        }
    }
    let (_, parameters) = best.expect("at least one restart ran");
    let mut posteriors = parameters.e_step(table).gold;
    for row in posteriors.chunks_mut(k) {
        let total: f64 = row.iter().sum();
        if total > 0.0 && total.is_finite() {
            row.iter_mut().for_each(|p| *p /= total);
        } else {
            row.iter_mut().for_each(|p| *p = 1.0 / k as f64);
        }
    }
    let labels = choose(&posteriors, k);
    let skills = parameters.spamming.chunks(2).map(|pair| pair[1]).collect();
    Ok(Aggregation {
        method: Method::Mace,
        labels,
        posteriors,
        quality: AnnotatorQuality::Skill(skills),
        iterations: n_iter,
        converged: true,
    })
}

/// Per annotator `[spam, knowing]` and the strategy over labels, row-major.
#[derive(Clone)]
struct Parameters {
    spamming: Vec<f64>,
    thetas: Vec<f64>,
}

/// What an E-step returns.
struct Expected {
    log_likelihood: f64,
    /// Unnormalised gold-label marginals, items × labels.
    gold: Vec<f64>,
    /// Expected spamming counts per annotator and label.
    strategy: Vec<f64>,
    /// Expected `[spam, knowing]` counts per annotator.
    knowing: Vec<f64>,
}

impl Parameters {
    fn start(init: &MaceInit, restart: u32, n_annotators: usize, k: usize) -> Parameters {
        let (mut spamming, mut thetas) = match init {
            MaceInit::Given { spamming, thetas } => (spamming.clone(), thetas.clone()),
            MaceInit::Seeded { seed } => {
                let mut rng = Pcg32::new(*seed, u64::from(restart));
                let mut draw = |n: usize| (0..n).map(|_| 1.0 + 1.5 * rng.unit_f64()).collect::<Vec<f64>>();
                (draw(n_annotators * 2), draw(n_annotators * k))
            }
        };
        normalize_rows(&mut spamming, 2);
        normalize_rows(&mut thetas, k);
        Parameters { spamming, thetas }
    }

    /// crowd-kit's `MACE._e_step`.
    fn e_step(&self, table: &LabelTable) -> Expected {
        let (n_annotators, k) = (table.annotators.len(), table.labels.len());
        let mut gold = vec![1.0; table.items.len() * k];
        for row in &table.rows {
            let (annotator, item, label) = (row.annotator as usize, row.item as usize * k, row.label as usize);
            let (spam, knowing) = (self.spamming[annotator * 2], self.spamming[annotator * 2 + 1]);
            let spammed = spam * self.thetas[annotator * k + label];
            for truth in 0..k {
                gold[item + truth] *= spammed + if truth == label { knowing } else { 0.0 };
            }
        }
        gold.iter_mut().for_each(|g| *g /= k as f64);
        let instance: Vec<f64> = gold.chunks(k).map(|row| row.iter().sum()).collect();
        let log_likelihood = instance.iter().map(|m| (m + 1e-8).ln()).sum();
        let mut strategy = vec![0.0; n_annotators * k];
        let mut knowing_counts = vec![0.0; n_annotators * 2];
        for row in &table.rows {
            let (annotator, item, label) = (row.annotator as usize, row.item as usize, row.label as usize);
            let (spam, knowing) = (self.spamming[annotator * 2], self.spamming[annotator * 2 + 1]);
            let spammed = spam * self.thetas[annotator * k + label];
            let marginal: f64 = (0..k).map(|truth| gold[item * k + truth] / (spammed + if truth == label { knowing } else { 0.0 })).sum();
            let spam_count = marginal * spammed / instance[item];
            strategy[annotator * k + label] += spam_count;
            knowing_counts[annotator * 2] += spam_count;
            knowing_counts[annotator * 2 + 1] += gold[item * k + label] * knowing / (spammed + knowing) / instance[item];
        }
        Expected { log_likelihood, gold, strategy, knowing: knowing_counts }
    }

    /// crowd-kit's `_variational_m_step` or `_m_step`.
    fn m_step(&mut self, expected: &Expected, variational: bool, k: usize) {
        if variational {
            variational_normalize(&mut self.spamming, &expected.knowing, 2, |column| KNOWING_PRIOR[column]);
            variational_normalize(&mut self.thetas, &expected.strategy, k, |_| STRATEGY_PRIOR);
        } else {
            let smoothing = 0.01 / k as f64;
            smoothed_normalize(&mut self.spamming, &expected.knowing, 2, smoothing);
            smoothed_normalize(&mut self.thetas, &expected.strategy, k, smoothing);
        }
    }
}

fn normalize_rows(values: &mut [f64], width: usize) {
    for row in values.chunks_mut(width) {
        let total: f64 = row.iter().sum();
        row.iter_mut().for_each(|value| *value /= total);
    }
}

/// `exp ψ(count + prior) / exp ψ(Σ (count + prior))` per row.
fn variational_normalize(out: &mut [f64], counts: &[f64], width: usize, prior: impl Fn(usize) -> f64) {
    let exp_digamma = |x: f64| digamma(x).map_or(0.0, f64::exp);
    for (out_row, count_row) in out.chunks_mut(width).zip(counts.chunks(width)) {
        let total: f64 = count_row.iter().enumerate().map(|(column, count)| count + prior(column)).sum();
        let norm = exp_digamma(total);
        for (column, (value, count)) in out_row.iter_mut().zip(count_row).enumerate() {
            *value = if norm.abs() <= 1e-8 { 0.0 } else { exp_digamma(count + prior(column)) / norm };
        }
    }
}

/// `(count + smoothing) / Σ (count + smoothing)` per row.
fn smoothed_normalize(out: &mut [f64], counts: &[f64], width: usize, smoothing: f64) {
    for (out_row, count_row) in out.chunks_mut(width).zip(counts.chunks(width)) {
        let total: f64 = count_row.iter().map(|count| count + smoothing).sum();
        out_row.iter_mut().zip(count_row).for_each(|(value, count)| *value = (count + smoothing) / total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::LabelValue;

    fn table() -> LabelTable {
        let mut rows = vec![];
        for (item, truth, other) in [("t1", "x", "y"), ("t2", "y", "x"), ("t3", "x", "y"), ("t4", "y", "x"), ("t5", "x", "y")] {
            rows.extend([(item, "a", truth), (item, "b", truth), (item, "spammer", if item == "t2" { other } else { "x" })]);
        }
        LabelTable::build(rows.into_iter().map(|(i, a, l)| (i, a, LabelValue::Text(l.into())))).unwrap()
    }

    #[test]
    fn a_spammer_who_always_says_x_gets_low_competence() {
        for variational in [true, false] {
            let options = Options { restarts: 3, mace_variational: variational, ..Options::default() };
            let result = mace(&table(), &options).unwrap();
            let AnnotatorQuality::Skill(skills) = &result.quality else { panic!("skills") };
            assert!(skills[2] < skills[0], "{skills:?}");
            assert_eq!(result.labels, vec![0, 1, 0, 1, 0]);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_result_and_wrong_shapes_are_errors() {
        let options = Options { restarts: 2, ..Options::default() };
        assert_eq!(mace(&table(), &options), mace(&table(), &options));
        let bad = Options { mace_init: MaceInit::Given { spamming: vec![1.0; 2], thetas: vec![1.0; 6] }, ..Options::default() };
        assert_eq!(mace(&table(), &bad), Err(AggregateError::BadInit));
    }
}
