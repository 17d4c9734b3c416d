//! Confusion matrices on the preference: one annotator against another, or against the
//! majority of the others, over the items of the disagreement queue.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Disagreement;

/// Counts of (row answer, column answer) over shared items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    /// Category labels (model ids, `tie`, `both_bad`), sorted; rows and columns alike.
    pub labels: Vec<String>,
    /// `counts[row][column]`.
    pub counts: Vec<Vec<u64>>,
    /// Items counted.
    pub n_items: u64,
    /// Items on the diagonal / `n_items`; `None` when no item was shared.
    pub agreement: Option<f64>,
}

/// The confusion of `first`'s preference winners against `second`'s, or, with `second`
/// `None`, against the majority of the other annotators of each item (items whose other
/// answers tie for the top are left out). Only the queue's items are seen: every item with two
/// or more judgments, unless the queue was capped (see `docs/METRICS.md`).
pub fn confusion(items: &[Disagreement], first: &str, second: Option<&str>) -> Confusion {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for item in items {
        let Some(own) = item.answers.iter().find(|a| a.annotator == first).and_then(|a| a.winner.clone()) else { continue };
        let other = match second {
            Some(second) => item.answers.iter().find(|a| a.annotator == second).and_then(|a| a.winner.clone()),
            None => majority(item.answers.iter().filter(|a| a.annotator != first).filter_map(|a| a.winner.as_deref())),
        };
        if let Some(other) = other {
            pairs.push((own, other));
        }
    }
    let mut labels: Vec<String> = pairs.iter().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
    labels.sort();
    labels.dedup();
    let index: BTreeMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
    let mut counts = vec![vec![0u64; labels.len()]; labels.len()];
    for (a, b) in &pairs {
        counts[index[a.as_str()]][index[b.as_str()]] += 1;
    }
    let n_items = pairs.len() as u64;
    let diagonal: u64 = (0..labels.len()).map(|i| counts[i][i]).sum();
    Confusion { labels, counts, n_items, agreement: (n_items > 0).then(|| diagonal as f64 / n_items as f64) }
}

/// The most frequent answer, or `None` when there is none or the top is tied.
fn majority<'a>(answers: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for answer in answers {
        *counts.entry(answer).or_default() += 1;
    }
    let top = *counts.values().max()?;
    let mut leaders = counts.into_iter().filter(|(_, n)| *n == top);
    let (winner, _) = leaders.next()?;
    leaders.next().is_none().then(|| winner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Answer;

    fn item(id: &str, answers: &[(&str, &str)]) -> Disagreement {
        Disagreement {
            item_id: id.into(),
            n_judgments: answers.len() as u64,
            disagreement: 0.0,
            answers: answers
                .iter()
                .map(|(annotator, winner)| Answer {
                    annotator: (*annotator).into(),
                    group: None,
                    winner: Some((*winner).into()),
                    scores: None,
                    flags: None,
                })
                .collect(),
        }
    }

    #[test]
    fn pairs_and_majority() {
        let items = [
            item("q1", &[("a", "x"), ("b", "x"), ("c", "y")]),
            item("q2", &[("a", "tie"), ("b", "y"), ("c", "y")]),
            item("q3", &[("a", "y"), ("c", "x"), ("d", "y")]),
            item("q4", &[("b", "x"), ("c", "x")]),
        ];
        let ab = confusion(&items, "a", Some("b"));
        assert_eq!(ab.labels, ["tie", "x", "y"]);
        assert_eq!(ab.counts, vec![vec![0, 0, 1], vec![0, 1, 0], vec![0, 0, 0]]);
        assert_eq!((ab.n_items, ab.agreement), (2, Some(0.5)));
        // Against the others' majority: q1 has a tie between b and c (left out), q2 → y, q3 → tie (left out).
        let consensus = confusion(&items, "a", None);
        assert_eq!(consensus.n_items, 1);
        assert_eq!(consensus.agreement, Some(0.0));
        assert_eq!(confusion(&items, "nobody", None).agreement, None);
    }
}
