//! Agreement between two sets of raters on pairwise preferences (`verdict agree --metric
//! pair_agreement --between SEL --and SEL [--drop-ties]`), as the MT-Bench paper defines it
//! (Zheng et al. 2023, arXiv:2306.05685, §4.1 "Metrics"): the probability that two randomly
//! selected, not identical, judges of each type agree on a randomly selected comparison —
//! estimated, as FastChat's `llm_judge/compute_agreement.py` does, by pooling every pair.
//!
//! - A **comparison** is an `item_id` with the two models compared (`shown`, in either order;
//!   a judgment without a two-model `shown` is compared by `item_id` alone).
//! - A **vote** is the preference's winner; `tie` and `both_bad` are one "no winner" vote.
//! - **Pairs**: within a comparison, every unordered pair of judgments by two different
//!   annotators a and b with a in the first set and b in the second (or the other way round):
//!   each pair once, also when the sets overlap (humans vs humans: every two humans).
//! - `drop_ties` (the paper's setup S2): pairs where either vote is "no winner" are dropped.
//! - **value** = agreeing pairs / pairs; undefined (`None`, with a note) without a pair.
//! - **CI**: percentile bootstrap over comparisons (resampled with replacement; each keeps its
//!   pairs), `Pcg32::new(seed, seed_from_text("pair_agreement"))`.
//! - **cohen_kappa**: (p_o − p_e)/(1 − p_e) over the same pairs, p_e = Σ_k p₁(k)·p₂(k) with p₁,
//!   p₂ the vote distributions of the pairs' first-set and second-set members (a pair whose two
//!   members are in both sets counts half each way, so overlapping sets use pooled marginals).
//! - Fleiss' κ and Krippendorff's α are computed by [`super::evaluate`] on the votes of the
//!   raters in either set (units = comparisons; with `drop_ties`, "no winner" votes removed).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{evaluate, percentile_interval, AgreementResult, Category, LevelSource, Metric, Options, Ratings, Scale};
use crate::judgment::{Judgment, BOTH_BAD, TIE};
use crate::read::RaterSet;
use crate::rng::{seed_from_text, Pcg32};
use crate::rubric::Level;

/// The vote label of "no winner" (`tie` or `both_bad`).
pub const NO_WINNER: &str = "no_winner";

/// What to compute.
#[derive(Clone, Debug, PartialEq)]
pub struct PairOptions {
    /// Drop pairs where either vote is "no winner" (setup S2).
    pub drop_ties: bool,
    /// Bootstrap resamples of comparisons (0: no CI).
    pub bootstrap: u32,
    /// Bootstrap seed.
    pub seed: u64,
    /// Confidence level of the percentile interval.
    pub confidence: f64,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions { drop_ties: false, bootstrap: 0, seed: 0, confidence: 0.95 }
    }
}

/// Agreement between two rater sets: `verdict agree --metric pair_agreement`'s result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairAgreement {
    /// Share of pairs with the same vote; `None` without a pair.
    pub value: Option<f64>,
    /// Bootstrap percentile CI over comparisons, lower end.
    pub ci_low: Option<f64>,
    /// Upper end.
    pub ci_high: Option<f64>,
    /// Pairs counted.
    pub n_pairs: u64,
    /// Of those, pairs with the same vote.
    pub n_agree: u64,
    /// Comparisons with at least one pair.
    pub n_items: u64,
    /// Distinct annotators in at least one pair.
    pub n_annotators: u32,
    /// Votes in at least one pair.
    pub n_ratings: u64,
    /// Cohen's κ over the pairs (see the module documentation); `None` when undefined.
    pub cohen_kappa: Option<f64>,
    /// Why a value is undefined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A comparison: `item_id` and the two models compared (sorted), when `shown` names two.
type ComparisonKey<'a> = (&'a str, Option<(&'a str, &'a str)>);

/// One judgment's vote in a comparison.
struct Vote {
    annotator: u32,
    in_first: bool,
    in_second: bool,
    vote: u32,
}

/// Votes grouped by comparison, with the vote labels (`NO_WINNER` and model names).
struct Votes {
    comparisons: Vec<Vec<Vote>>,
    labels: Vec<String>,
}

impl Votes {
    /// The preferences of judgments by raters in either set, by comparison (sorted keys).
    fn collect(judgments: &[Judgment], first: &RaterSet, second: &RaterSet) -> Votes {
        let mut by_comparison: BTreeMap<ComparisonKey<'_>, Vec<Vote>> = BTreeMap::new();
        let mut annotators: BTreeMap<&str, u32> = BTreeMap::new();
        let mut labels: Vec<String> = vec![NO_WINNER.to_owned()];
        for judgment in judgments {
            let Some(preference) = &judgment.preference else { continue };
            let (in_first, in_second) = (first.contains(judgment), second.contains(judgment));
            if !in_first && !in_second {
                continue;
            }
            let models = match judgment.shown.as_deref() {
                Some([a, b]) => Some(if a <= b { (a.as_str(), b.as_str()) } else { (b.as_str(), a.as_str()) }),
                _ => None,
            };
            let winner = preference.winner.as_str();
            let label = if winner == TIE || winner == BOTH_BAD { NO_WINNER } else { winner };
            let vote = match labels.iter().position(|l| l == label) {
                Some(index) => index as u32,
                None => {
                    labels.push(label.to_owned());
                    labels.len() as u32 - 1
                }
            };
            let next = annotators.len() as u32;
            let annotator = *annotators.entry(judgment.annotator.as_str()).or_insert(next);
            by_comparison.entry((judgment.item_id.as_str(), models)).or_default().push(Vote { annotator, in_first, in_second, vote });
        }
        Votes { comparisons: by_comparison.into_values().collect(), labels }
    }
}

/// Per comparison: agreeing pairs and pairs; plus the (weighted) vote counts of each side.
struct PairCounts {
    per_comparison: Vec<(u64, u64)>,
    first_side: Vec<f64>,
    second_side: Vec<f64>,
    annotators: Vec<u32>,
    n_votes: u64,
}

fn count_pairs(votes: &Votes, drop_ties: bool) -> PairCounts {
    let no_winner = 0u32;
    let mut counts = PairCounts {
        per_comparison: Vec::new(),
        first_side: vec![0.0; votes.labels.len()],
        second_side: vec![0.0; votes.labels.len()],
        annotators: Vec::new(),
        n_votes: 0,
    };
    for comparison in &votes.comparisons {
        let (mut agree, mut total) = (0u64, 0u64);
        let mut paired = vec![false; comparison.len()];
        for (i, a) in comparison.iter().enumerate() {
            for (j, b) in comparison.iter().enumerate().skip(i + 1) {
                let a_first = a.in_first && b.in_second;
                let b_first = b.in_first && a.in_second;
                if a.annotator == b.annotator || !(a_first || b_first) {
                    continue;
                }
                if drop_ties && (a.vote == no_winner || b.vote == no_winner) {
                    continue;
                }
                total += 1;
                agree += u64::from(a.vote == b.vote);
                // Orientation: first-set member, second-set member; both ways → half each.
                let weight = if a_first && b_first { 0.5 } else { 1.0 };
                if a_first {
                    counts.first_side[a.vote as usize] += weight;
                    counts.second_side[b.vote as usize] += weight;
                }
                if b_first {
                    counts.first_side[b.vote as usize] += weight;
                    counts.second_side[a.vote as usize] += weight;
                }
                counts.annotators.extend([a.annotator, b.annotator]);
                paired[i] = true;
                paired[j] = true;
            }
        }
        counts.n_votes += paired.iter().filter(|&&p| p).count() as u64;
        if total > 0 {
            counts.per_comparison.push((agree, total));
        }
    }
    counts.annotators.sort_unstable();
    counts.annotators.dedup();
    counts
}

/// Pair agreement between the raters `first` and `second` selects, over `judgments` (already
/// read under the identity rule and selected). See the module documentation.
///
/// ```
/// use verdict_core::agreement::pairs::{pair_agreement, PairOptions};
/// use verdict_core::read::RaterSet;
/// let line = |a: &str, w: &str| verdict_core::judgment::judgment_from_line(&format!(
///     r#"{{"schema":"verdict/judgment@1","item_id":"q1","annotator":"{a}","shown":["x","y"],"preference":{{"winner":"{w}"}}}}"#)).unwrap();
/// let judgments = [line("judge:g", "x"), line("h1", "x"), line("h2", "tie")];
/// let (judge, humans) = (RaterSet::parse(&["judges"]).unwrap(), RaterSet::parse(&["humans"]).unwrap());
/// let result = pair_agreement(&judgments, &judge, &humans, &PairOptions::default());
/// assert_eq!((result.n_pairs, result.n_agree), (2, 1));
/// let without_ties = pair_agreement(&judgments, &judge, &humans, &PairOptions { drop_ties: true, ..PairOptions::default() });
/// assert_eq!((without_ties.n_pairs, without_ties.value), (1, Some(1.0)));
/// ```
pub fn pair_agreement(judgments: &[Judgment], first: &RaterSet, second: &RaterSet, options: &PairOptions) -> PairAgreement {
    let votes = Votes::collect(judgments, first, second);
    let counts = count_pairs(&votes, options.drop_ties);
    let (n_agree, n_pairs) = counts.per_comparison.iter().fold((0, 0), |(a, n), &(agree, total)| (a + agree, n + total));
    let value = (n_pairs > 0).then(|| n_agree as f64 / n_pairs as f64);
    let cohen_kappa = value.and_then(|observed| {
        let total: f64 = counts.first_side.iter().sum();
        let chance: f64 = counts.first_side.iter().zip(&counts.second_side).map(|(p, q)| (p / total) * (q / total)).sum();
        (chance < 1.0 - 1e-12).then(|| (observed - chance) / (1.0 - chance))
    });
    let (ci_low, ci_high) = match value {
        Some(_) if options.bootstrap > 0 => bootstrap(&counts.per_comparison, options).map_or((None, None), |(l, h)| (Some(l), Some(h))),
        _ => (None, None),
    };
    let note = if value.is_none() {
        Some("no pair of judgments of the same comparison by a rater of each set".to_owned())
    } else if cohen_kappa.is_none() {
        Some("cohen_kappa undefined: every vote in one category".to_owned())
    } else {
        None
    };
    PairAgreement {
        value,
        ci_low,
        ci_high,
        n_pairs,
        n_agree,
        n_items: counts.per_comparison.len() as u64,
        n_annotators: counts.annotators.len() as u32,
        n_ratings: counts.n_votes,
        cohen_kappa,
        note,
    }
}

/// Percentile interval of the pooled share over `options.bootstrap` resamples of comparisons.
fn bootstrap(per_comparison: &[(u64, u64)], options: &PairOptions) -> Option<(f64, f64)> {
    let mut rng = Pcg32::new(options.seed, seed_from_text("pair_agreement"));
    let n = per_comparison.len() as u32;
    let mut values: Vec<f64> = (0..options.bootstrap)
        .filter_map(|_| {
            let (mut agree, mut total) = (0u64, 0u64);
            for _ in 0..n {
                let (a, t) = per_comparison[rng.below(n) as usize];
                agree += a;
                total += t;
            }
            (total > 0).then(|| agree as f64 / total as f64)
        })
        .collect();
    percentile_interval(&mut values, options.confidence)
}

/// Fleiss' κ and Krippendorff's α (nominal) on the votes of the raters in either set, units =
/// comparisons; with `drop_ties`, "no winner" votes are left out. Rows are named `criterion`.
pub fn union_coefficients(
    judgments: &[Judgment],
    first: &RaterSet,
    second: &RaterSet,
    criterion: &str,
    options: &PairOptions,
) -> Vec<AgreementResult> {
    let votes = Votes::collect(judgments, first, second);
    let scale = Scale::labels(votes.labels.iter().cloned());
    let category =
        |vote: u32| scale.id_of(&Category::Label(votes.labels[vote as usize].clone())).expect("every vote label is on the scale");
    let no_winner = 0u32;
    let units = votes.comparisons.iter().map(|comparison| {
        comparison.iter().filter(|v| !(options.drop_ties && v.vote == no_winner)).map(|v| (v.annotator, category(v.vote))).collect()
    });
    let ratings = Ratings::from_units(scale.clone(), units.collect::<Vec<Vec<(u32, u32)>>>());
    let metric_options = Options {
        metrics: vec![Metric::FleissKappa, Metric::KrippendorffAlpha],
        bootstrap: options.bootstrap,
        seed: options.seed,
        confidence: options.confidence,
        ..Options::default()
    };
    evaluate(criterion, &ratings, Level::Nominal, LevelSource::Flag, &metric_options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::judgment_from_line;

    fn vote(item: &str, annotator: &str, shown: [&str; 2], winner: &str) -> Judgment {
        judgment_from_line(&format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","shown":["{}","{}"],"preference":{{"winner":"{winner}"}}}}"#,
            shown[0], shown[1]
        ))
        .expect("a valid test line")
    }

    fn set(selectors: &[&str]) -> RaterSet {
        RaterSet::parse(selectors).unwrap()
    }

    #[test]
    fn pairs_are_counted_once_and_ties_pool_with_both_bad() {
        let judgments = [
            vote("c1", "judge:g", ["x", "y"], "x"),
            vote("c1", "h1", ["y", "x"], "x"),
            vote("c1", "h2", ["x", "y"], "both_bad"),
            vote("c1", "h3", ["x", "y"], "tie"),
            vote("c2", "h1", ["x", "y"], "y"),
        ];
        // Judge vs humans: (g,h1) agree, (g,h2), (g,h3) disagree; c2 has no judge.
        let r = pair_agreement(&judgments, &set(&["judges"]), &set(&["humans"]), &PairOptions::default());
        assert_eq!((r.n_pairs, r.n_agree, r.n_items, r.n_annotators), (3, 1, 1, 4));
        // Humans vs humans: (h1,h2), (h1,h3), (h2,h3): only tie = both_bad agrees.
        let r = pair_agreement(&judgments, &set(&["humans"]), &set(&["humans"]), &PairOptions::default());
        assert_eq!((r.n_pairs, r.n_agree), (3, 1));
        let r =
            pair_agreement(&judgments, &set(&["humans"]), &set(&["humans"]), &PairOptions { drop_ties: true, ..PairOptions::default() });
        assert_eq!((r.n_pairs, r.value), (0, None));
        assert!(r.note.is_some());
        // Overlapping sets: everyone vs humans still counts each unordered pair once.
        let r = pair_agreement(&judgments, &set(&["*"]), &set(&["humans"]), &PairOptions::default());
        assert_eq!(r.n_pairs, 6);
    }

    #[test]
    fn cohen_kappa_over_pairs_matches_a_hand_computation() {
        // Four comparisons, one judge and one human each: votes (x,x), (x,y), (y,y), (y,y).
        let judgments: Vec<Judgment> = [("x", "x"), ("x", "y"), ("y", "y"), ("y", "y")]
            .iter()
            .enumerate()
            .flat_map(|(i, (j, h))| [vote(&format!("c{i}"), "judge:g", ["x", "y"], j), vote(&format!("c{i}"), "h", ["x", "y"], h)])
            .collect();
        let r = pair_agreement(&judgments, &set(&["judges"]), &set(&["humans"]), &PairOptions::default());
        // p_o = 3/4; judge x:2 y:2, human x:1 y:3 → p_e = (2·1 + 2·3)/16 = 1/2; κ = 0.5.
        assert_eq!(r.value, Some(0.75));
        assert!((r.cohen_kappa.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn the_bootstrap_is_seeded_and_brackets_the_value() {
        let judgments: Vec<Judgment> = (0..40)
            .flat_map(|i| {
                let human = if i % 4 == 0 { "y" } else { "x" };
                [vote(&format!("c{i}"), "judge:g", ["x", "y"], "x"), vote(&format!("c{i}"), "h", ["x", "y"], human)]
            })
            .collect();
        let options = PairOptions { bootstrap: 200, seed: 7, ..PairOptions::default() };
        let a = pair_agreement(&judgments, &set(&["judges"]), &set(&["humans"]), &options);
        let b = pair_agreement(&judgments, &set(&["judges"]), &set(&["humans"]), &options);
        assert_eq!(a, b);
        let (low, high) = (a.ci_low.unwrap(), a.ci_high.unwrap());
        assert!(low < 0.75 && 0.75 < high && high <= 1.0, "{low} {high}");
    }

    #[test]
    fn union_coefficients_see_only_the_two_sets() {
        let judgments = [
            vote("c1", "judge:g", ["x", "y"], "x"),
            vote("c1", "h1", ["x", "y"], "x"),
            vote("c1", "bot", ["x", "y"], "y"),
            vote("c2", "judge:g", ["x", "y"], "y"),
            vote("c2", "h1", ["x", "y"], "y"),
        ];
        let rows = union_coefficients(&judgments, &set(&["judge:g"]), &set(&["h1"]), "preference", &PairOptions::default());
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.n_annotators == 2 && (r.value.unwrap() - 1.0).abs() < 1e-12), "{rows:?}");
    }
}
