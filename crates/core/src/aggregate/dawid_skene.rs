//! Dawid–Skene and one-coin Dawid–Skene, fitted by EM.
//!
//! Dawid, A. P. & Skene, A. M. (1979). Maximum likelihood estimation of observer error-rates
//! using the EM algorithm. *Applied Statistics* 28(1), 20–28.
//!
//! Model: item `i` has a true label `k` with prior `π_k`; annotator `w` gives `l` with
//! probability `e_w[l][k]`. E-step: `P(k | i) ∝ π_k · Π_{(w,l) on i} e_w[l][k]`. M-step:
//! `e_w[l][k] ∝ Σ_{items w labelled l} P(k | i)`, `π_k = mean_i P(k | i)`. One-coin: one accuracy
//! per annotator, `s_w = mean over w's labels of P(l | i)`, `e_w[l][k] = s_w` when `l = k`, else
//! `(1 − s_w)/(K − 1)`.
//!
//! Follows crowd-kit 1.4.2 (`DawidSkene`, `OneCoinDawidSkene`) step for step, so labels are equal
//! and posteriors agree to 1e-6: start from the majority-vote posteriors; counts of labels an
//! annotator used are clipped below at ε = 1e-10 before normalising (labels they never used stay
//! 0); priors clipped at ε in the E-step; one-coin errors clipped to [ε, 1 − ε] and not
//! renormalised. Each iteration is E-step, priors, M-step, then the evidence lower bound per label
//! (`Σ P·(ln e + ln π) − Σ P ln P`, with `P` clipped at ε in the entropy); EM stops when it rises by
//! less than `tol` or after `max_iter` iterations. The one difference: crowd-kit clips the final
//! posteriors at ε without renormalising; here they sum to 1 (a change below 1e-9).

use super::majority::{choose, majority_vote};
use super::{Aggregation, AnnotatorQuality, LabelTable, Method};

/// crowd-kit's `_EPS`.
const EPS: f64 = 1e-10;

/// Full Dawid–Skene (see the module documentation). Quality: per annotator `[true][observed]`.
pub fn dawid_skene(table: &LabelTable, max_iter: u32, tol: f64) -> Aggregation {
    let model = Model::new(table);
    let (posteriors, errors, iterations, converged) = model.fit(max_iter, tol, |probas| model.confusion_step(probas));
    let k = model.n_labels;
    let mut confusion = vec![0.0; errors.len()];
    for annotator in 0..table.annotators.len() {
        for observed in 0..k {
            for truth in 0..k {
                confusion[(annotator * k + truth) * k + observed] = errors[(annotator * k + observed) * k + truth];
            }
        }
    }
    let labels = choose(&posteriors, k);
    Aggregation { method: Method::DawidSkene, labels, posteriors, quality: AnnotatorQuality::Confusion(confusion), iterations, converged }
}

/// One-coin Dawid–Skene (see the module documentation). Quality: per annotator accuracy.
pub fn one_coin(table: &LabelTable, max_iter: u32, tol: f64) -> Aggregation {
    let model = Model::new(table);
    let (posteriors, _, iterations, converged) = model.fit(max_iter, tol, |probas| model.one_coin_step(probas).1);
    let skills = model.one_coin_step(&posteriors).0;
    let labels = choose(&posteriors, model.n_labels);
    Aggregation { method: Method::OneCoin, labels, posteriors, quality: AnnotatorQuality::Skill(skills), iterations, converged }
}

/// The data and sizes shared by both variants; errors are laid out `[annotator][observed][true]`.
struct Model<'a> {
    table: &'a LabelTable,
    n_labels: usize,
    /// Whether the annotator ever gave the label (`[annotator][observed]`).
    used: Vec<bool>,
}

impl<'a> Model<'a> {
    fn new(table: &'a LabelTable) -> Self {
        let n_labels = table.labels.len();
        let mut used = vec![false; table.annotators.len() * n_labels];
        for row in &table.rows {
            used[row.annotator as usize * n_labels + row.label as usize] = true;
        }
        Model { table, n_labels, used }
    }

    /// EM from majority vote; `m_step` turns posteriors into errors. Returns the posteriors, the
    /// last errors, the iterations run and whether `tol` stopped it.
    fn fit(&self, max_iter: u32, tol: f64, m_step: impl Fn(&[f64]) -> Vec<f64>) -> (Vec<f64>, Vec<f64>, u32, bool) {
        let mut probas = majority_vote(self.table).posteriors;
        let mut priors = self.priors(&probas);
        let mut errors = m_step(&probas);
        let mut loss = f64::NEG_INFINITY;
        for iteration in 1..=max_iter {
            probas = self.e_step(&priors, &errors);
            priors = self.priors(&probas);
            errors = m_step(&probas);
            let new_loss = self.evidence_lower_bound(&probas, &priors, &errors) / self.table.rows.len() as f64;
            if new_loss - loss < tol {
                return (probas, errors, iteration, true);
            }
            loss = new_loss;
        }
        (probas, errors, max_iter, false)
    }

    fn priors(&self, probas: &[f64]) -> Vec<f64> {
        let k = self.n_labels;
        let mut priors = vec![0.0; k];
        for row in probas.chunks(k) {
            priors.iter_mut().zip(row).for_each(|(prior, p)| *prior += p);
        }
        let n_items = self.table.items.len() as f64;
        priors.iter_mut().for_each(|prior| *prior /= n_items);
        priors
    }

    /// Full confusion matrices from posteriors (crowd-kit's `DawidSkene._m_step`).
    fn confusion_step(&self, probas: &[f64]) -> Vec<f64> {
        let k = self.n_labels;
        let mut errors = vec![0.0; self.used.len() * k];
        for row in &self.table.rows {
            let cell = (row.annotator as usize * k + row.label as usize) * k;
            let item = row.item as usize * k;
            errors[cell..cell + k].iter_mut().zip(&probas[item..item + k]).for_each(|(count, p)| *count += p);
        }
        for (annotator_label, &used) in self.used.iter().enumerate() {
            if used {
                errors[annotator_label * k..(annotator_label + 1) * k].iter_mut().for_each(|count| *count = count.max(EPS));
            }
        }
        for annotator in errors.chunks_mut(k * k) {
            for truth in 0..k {
                let total: f64 = (0..k).map(|observed| annotator[observed * k + truth]).sum();
                (0..k).for_each(|observed| annotator[observed * k + truth] /= total);
            }
        }
        errors
    }

    /// One-coin skills and errors from posteriors (crowd-kit's `OneCoinDawidSkene._m_step` and
    /// `_process_skills_to_errors`).
    fn one_coin_step(&self, probas: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let k = self.n_labels;
        let n_annotators = self.table.annotators.len();
        let (mut sums, mut counts) = (vec![0.0; n_annotators], vec![0u64; n_annotators]);
        for row in &self.table.rows {
            sums[row.annotator as usize] += probas[row.item as usize * k + row.label as usize];
            counts[row.annotator as usize] += 1;
        }
        let skills: Vec<f64> = sums.iter().zip(&counts).map(|(&sum, &count)| sum / count as f64).collect();
        let mut errors = vec![0.0; n_annotators * k * k];
        for (annotator_label, &used) in self.used.iter().enumerate() {
            if !used {
                continue;
            }
            let (skill, observed) = (skills[annotator_label / k], annotator_label % k);
            for truth in 0..k {
                let error = if truth == observed { skill } else { (1.0 - skill) / (k - 1) as f64 };
                errors[annotator_label * k + truth] = error.clamp(EPS, 1.0 - EPS);
            }
        }
        (skills, errors)
    }

    /// Posteriors from priors and errors (crowd-kit's `_e_step`, in base 2 as there).
    fn e_step(&self, priors: &[f64], errors: &[f64]) -> Vec<f64> {
        let k = self.n_labels;
        let log_errors: Vec<f64> = errors.iter().map(|e| e.log2()).collect();
        let log_priors: Vec<f64> = priors.iter().map(|p| p.max(EPS).log2()).collect();
        let mut log_likelihoods = Vec::with_capacity(self.table.items.len() * k);
        for _ in 0..self.table.items.len() {
            log_likelihoods.extend_from_slice(&log_priors);
        }
        for row in &self.table.rows {
            let cell = (row.annotator as usize * k + row.label as usize) * k;
            let item = row.item as usize * k;
            log_likelihoods[item..item + k].iter_mut().zip(&log_errors[cell..cell + k]).for_each(|(sum, e)| *sum += e);
        }
        for row in log_likelihoods.chunks_mut(k) {
            let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            row.iter_mut().for_each(|value| *value = (*value - max).exp2());
            let total: f64 = row.iter().sum();
            row.iter_mut().for_each(|value| *value /= total);
        }
        log_likelihoods
    }

    /// crowd-kit's `_evidence_lower_bound` (natural logs).
    fn evidence_lower_bound(&self, probas: &[f64], priors: &[f64], errors: &[f64]) -> f64 {
        let k = self.n_labels;
        let log_priors: Vec<f64> = priors.iter().map(|p| p.max(EPS).ln()).collect();
        let mut joint = 0.0;
        for row in &self.table.rows {
            let cell = (row.annotator as usize * k + row.label as usize) * k;
            let item = row.item as usize * k;
            for truth in 0..k {
                joint += probas[item + truth] * (errors[cell + truth].ln() + log_priors[truth]);
            }
        }
        let entropy: f64 = probas.iter().map(|&p| p.max(EPS)).map(|p| -p * p.ln()).sum();
        joint + entropy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::LabelValue;

    fn table(rows: &[(&str, &str, &str)]) -> LabelTable {
        LabelTable::build(rows.iter().map(|&(item, annotator, label)| (item, annotator, LabelValue::Text(label.into())))).unwrap()
    }

    #[test]
    fn confusion_rows_sum_to_one_and_a_reliable_annotator_outweighs_two_unreliable_ones() {
        // "good" agrees with the majority on t1..t4; "noisy1" and "noisy2" disagree with it often.
        let mut rows = vec![];
        for (item, truth, noise) in [("t1", "x", "y"), ("t2", "y", "x"), ("t3", "x", "y"), ("t4", "y", "x")] {
            rows.extend([(item, "good", truth), (item, "noisy1", truth), (item, "noisy2", noise), (item, "good2", truth)]);
        }
        let table = table(&rows);
        let result = dawid_skene(&table, 100, 1e-5);
        assert!(result.converged);
        let AnnotatorQuality::Confusion(cells) = &result.quality else { panic!("confusion") };
        for annotator in cells.chunks(4) {
            for truth in annotator.chunks(2) {
                assert!((truth.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
        assert_eq!(result.labels, vec![0, 1, 0, 1]);
    }

    #[test]
    fn one_coin_skill_is_high_for_the_annotator_who_agrees() {
        let table = table(&[("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y"), ("t2", "a", "y"), ("t2", "b", "y"), ("t2", "c", "x")]);
        let result = one_coin(&table, 100, 1e-5);
        let AnnotatorQuality::Skill(skills) = &result.quality else { panic!("skills") };
        assert!(skills[0] > 0.9 && skills[2] < 0.1, "{skills:?}");
    }

    #[test]
    fn max_iter_zero_returns_majority_vote() {
        let table = table(&[("t1", "a", "x"), ("t1", "b", "y"), ("t1", "c", "y")]);
        let result = dawid_skene(&table, 0, 1e-5);
        assert_eq!((result.iterations, result.converged), (0, false));
        assert_eq!(result.posteriors, majority_vote(&table).posteriors);
    }
}
