//! Majority vote and Wawa (worker agreement with aggregate).
//!
//! Majority vote: posterior(item, label) = votes for the label / votes on the item; the label is
//! the one with most votes, the first in label order on a tie (as crowd-kit's `MajorityVote`,
//! whose `idxmax` runs over sorted label columns). Annotator skill = share of the annotator's
//! labels equal to the chosen label.
//!
//! Wawa: the annotators' majority-vote skills become vote weights; posterior = weight for the
//! label / total weight on the item. Skills reported are the majority-vote skills (as crowd-kit's
//! `Wawa.skills_`). Every item's total weight is positive: whoever voted for its majority label
//! has at least that one label right.

use super::{accuracy_against, first_argmax, Aggregation, AnnotatorQuality, LabelTable, Method};

/// Majority vote (see the module documentation).
pub fn majority_vote(table: &LabelTable) -> Aggregation {
    let posteriors = normalized(table, table.counts());
    let labels = choose(&posteriors, table.labels.len());
    let skills = accuracy_against(table, &labels);
    Aggregation { method: Method::Majority, labels, posteriors, quality: AnnotatorQuality::Skill(skills), iterations: 0, converged: true }
}

/// Wawa (see the module documentation).
pub fn wawa(table: &LabelTable) -> Aggregation {
    let majority = majority_vote(table);
    let AnnotatorQuality::Skill(skills) = &majority.quality else { unreachable!("majority vote reports skills") };
    let n_labels = table.labels.len();
    let mut weights = vec![0.0; table.items.len() * n_labels];
    for row in &table.rows {
        weights[row.item as usize * n_labels + row.label as usize] += skills[row.annotator as usize];
    }
    let posteriors = normalized(table, weights);
    let labels = choose(&posteriors, n_labels);
    Aggregation { method: Method::Wawa, labels, posteriors, quality: majority.quality, iterations: 0, converged: true }
}

/// Divides each item's scores by their sum (positive for votes and for Wawa's weights).
fn normalized(table: &LabelTable, mut scores: Vec<f64>) -> Vec<f64> {
    let n_labels = table.labels.len();
    for row in scores.chunks_mut(n_labels) {
        let total: f64 = row.iter().sum();
        row.iter_mut().for_each(|score| *score /= total);
    }
    scores
}

/// The first most probable label of each item.
pub(crate) fn choose(posteriors: &[f64], n_labels: usize) -> Vec<u32> {
    posteriors.chunks(n_labels).map(first_argmax).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::LabelValue;

    fn table(rows: &[(&str, &str, i32)]) -> LabelTable {
        LabelTable::build(rows.iter().map(|&(item, annotator, label)| (item, annotator, LabelValue::Number(f64::from(label))))).unwrap()
    }

    #[test]
    fn a_tie_goes_to_the_first_label_in_order() {
        let table = table(&[("t1", "a", 2), ("t1", "b", 1)]);
        let result = majority_vote(&table);
        assert_eq!(table.labels[result.labels[0] as usize], LabelValue::Number(1.0));
        assert_eq!(result.posteriors, vec![0.5, 0.5]);
    }

    #[test]
    fn crowd_kit_weighted_example() {
        // crowd-kit's MajorityVote docstring data; majority labels t1 → 0, t2 → 1, so the skills
        // are p1 2/2, p2 1/2, p3 1/2 (computed by hand).
        let table = table(&[("t1", "p1", 0), ("t1", "p2", 0), ("t1", "p3", 1), ("t2", "p1", 1), ("t2", "p2", 0), ("t2", "p3", 1)]);
        let majority = majority_vote(&table);
        assert_eq!(majority.labels, vec![0, 1]);
        assert_eq!(majority.quality, AnnotatorQuality::Skill(vec![1.0, 0.5, 0.5]));
        let weighted = wawa(&table);
        // t1: label 0 has 1.0 + 0.5, label 1 has 0.5; t2: label 0 has 0.5, label 1 has 1.5.
        assert_eq!(weighted.posteriors, vec![0.75, 0.25, 0.25, 0.75]);
    }
}
