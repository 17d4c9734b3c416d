//! Bias diagnostics of preference judgments: position bias, tie and both-bad rates, length bias,
//! overall and per annotator.
//!
//! - Position bias: among decisive battles whose display order is known *and varied* — the same
//!   annotator saw the same two models in both orders — the share won by the output shown first
//!   (`shown[0]`, left or top), with the two-sided exact binomial test of
//!   H₀: share = ½. For p = ½ the distribution is symmetric, so the two-sided p-value (the sum of
//!   the probabilities of outcomes no more likely than the observed one) is
//!   min(1, 2·P(X ≤ min(k, n−k))) with X ~ Binomial(n, ½) (Clopper & Pearson; R's `binom.test`).
//!   Where an annotator always saw a model pair in one order, position and model are confounded
//!   (a stronger model shown first looks like position bias): those battles are left out and
//!   counted in `fixed_order_decisive`; with no battle left the share is `None` with the note
//!   "not estimable: order never varied" (the MT-Bench GPT-4 judge, which saw each pair in one
//!   fixed order).
//! - Tie rate: share of battles judged `tie`; both-bad rate: share judged `both_bad`.
//! - Length bias: among decisive battles between outputs of different length (Unicode scalar
//!   values of the task's output texts), the share won by the longer output, with the same test.
//!   Needs the task file; without it the length fields are `null` with a note.
//!
//! Undefined shares (no battle to count) are `None`, never NaN.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::battles::{BattleSet, Outcome};
use crate::task::Task;

/// Bias statistics of one set of battles (all, or one annotator's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasStats {
    /// Battles counted.
    pub battles: u64,
    /// Battles with a winner whose display order is known and varied for their annotator and
    /// model pair (see the module documentation).
    pub positioned_decisive: u64,
    /// Of those, battles won by the output shown first.
    pub first_shown_wins: u64,
    /// Decisive positioned battles left out because their annotator saw that model pair in
    /// only one order (position and model confounded).
    #[serde(default)]
    pub fixed_order_decisive: u64,
    /// `first_shown_wins / positioned_decisive`; `None` when there is no such battle.
    pub first_shown_win_rate: Option<f64>,
    /// Two-sided exact binomial p-value for a first-shown win rate of ½.
    pub position_p_value: Option<f64>,
    /// Battles judged `tie`.
    pub ties: u64,
    /// `ties / battles`.
    pub tie_rate: Option<f64>,
    /// Battles judged `both_bad`.
    pub both_bad: u64,
    /// `both_bad / battles`.
    pub both_bad_rate: Option<f64>,
    /// Length bias; `None` when output texts are not available.
    pub length: Option<LengthBias>,
    /// Why a statistic is missing, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Win rate of the longer output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LengthBias {
    /// Decisive battles between outputs of different length.
    pub decisive_different_length: u64,
    /// Of those, battles won by the longer output.
    pub longer_wins: u64,
    /// `longer_wins / decisive_different_length`.
    pub longer_win_rate: Option<f64>,
    /// Two-sided exact binomial p-value for a longer-output win rate of ½.
    pub p_value: Option<f64>,
    /// Battles whose output texts were not found in the task file.
    pub missing_texts: u64,
}

/// One annotator's statistics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotatorBias {
    /// The annotator.
    pub annotator: String,
    /// Their statistics.
    #[serde(flatten)]
    pub stats: BiasStats,
}

/// Bias diagnostics, overall and per annotator (annotators sorted by name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasReport {
    /// Over all battles.
    pub overall: BiasStats,
    /// Per annotator.
    pub by_annotator: Vec<AnnotatorBias>,
}

/// Counters accumulated over battles.
#[derive(Clone, Default)]
struct Tally {
    battles: u64,
    positioned_decisive: u64,
    first_shown_wins: u64,
    fixed_order_decisive: u64,
    ties: u64,
    both_bad: u64,
    length_decisive: u64,
    longer_wins: u64,
    missing_texts: u64,
}

impl Tally {
    fn stats(&self, texts_available: bool) -> BiasStats {
        let rate = |k: u64, n: u64| (n > 0).then(|| k as f64 / n as f64);
        let length = texts_available.then(|| LengthBias {
            decisive_different_length: self.length_decisive,
            longer_wins: self.longer_wins,
            longer_win_rate: rate(self.longer_wins, self.length_decisive),
            p_value: binomial_two_sided_half(self.longer_wins, self.length_decisive),
            missing_texts: self.missing_texts,
        });
        let position_note = if self.positioned_decisive > 0 {
            None
        } else if self.fixed_order_decisive > 0 {
            Some("position bias not estimable: order never varied (each model pair was shown in one order)")
        } else {
            Some("position bias not available: no decisive battle with a known display order")
        };
        let length_note = (!texts_available).then_some("length bias not available: pass --tasks with the output texts");
        let notes: Vec<&str> = [position_note, length_note].into_iter().flatten().collect();
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        BiasStats {
            battles: self.battles,
            positioned_decisive: self.positioned_decisive,
            first_shown_wins: self.first_shown_wins,
            fixed_order_decisive: self.fixed_order_decisive,
            first_shown_win_rate: rate(self.first_shown_wins, self.positioned_decisive),
            position_p_value: binomial_two_sided_half(self.first_shown_wins, self.positioned_decisive),
            ties: self.ties,
            tie_rate: rate(self.ties, self.battles),
            both_bad: self.both_bad,
            both_bad_rate: rate(self.both_bad, self.battles),
            length,
            note,
        }
    }
}

/// Computes the bias diagnostics of `set`. With `tasks`, output lengths come from the item whose
/// `id` is the battle's item id.
pub fn bias(set: &BattleSet, tasks: Option<&[Task]>) -> BiasReport {
    let lengths: Option<HashMap<&str, &Task>> = tasks.map(|tasks| tasks.iter().map(|t| (t.id.as_str(), t)).collect());
    let length_of = |item: u32, model: u32| -> Option<usize> {
        let task = lengths.as_ref()?.get(&set.items[item as usize])?;
        task.output(&set.models[model as usize]).map(|o| o.content.plain_text().chars().count())
    };
    // Per (annotator, model pair): the display orders seen (bit 1: lower id first, bit 2: higher).
    // (FxHash: a million battles make this the report's hottest table; nothing iterates it.)
    let mut orders: crate::intern::FxMap<(u32, u32, u32), u8> = crate::intern::FxMap::default();
    // At most one stratum per positioned battle: sized once, not regrown (and rehashed) from small.
    orders.reserve(set.battles.iter().filter(|b| b.positioned).count());
    let stratum = |battle: &super::battles::Battle| (battle.annotator, battle.first.min(battle.second), battle.first.max(battle.second));
    for battle in set.battles.iter().filter(|b| b.positioned) {
        *orders.entry(stratum(battle)).or_default() |= if battle.first < battle.second { 1 } else { 2 };
    }
    let mut overall = Tally::default();
    let mut per_annotator = vec![Tally::default(); set.annotators.len()];
    for battle in &set.battles {
        let order_varied = orders.get(&stratum(battle)) == Some(&3);
        let length_outcome = if lengths.is_some() && !battle.outcome.is_tie() {
            match (length_of(battle.item, battle.first), length_of(battle.item, battle.second)) {
                (Some(a), Some(b)) if a != b => Some((a > b) == (battle.outcome == Outcome::FirstWins)),
                (Some(_), Some(_)) => None,
                _ => None,
            }
        } else {
            None
        };
        let missing = lengths.is_some()
            && !battle.outcome.is_tie()
            && (length_of(battle.item, battle.first).is_none() || length_of(battle.item, battle.second).is_none());
        for tally in [&mut overall, &mut per_annotator[battle.annotator as usize]] {
            tally.battles += 1;
            match battle.outcome {
                Outcome::Tie => tally.ties += 1,
                Outcome::BothBad => tally.both_bad += 1,
                Outcome::FirstWins | Outcome::SecondWins if battle.positioned && order_varied => {
                    tally.positioned_decisive += 1;
                    tally.first_shown_wins += u64::from(battle.outcome == Outcome::FirstWins);
                }
                Outcome::FirstWins | Outcome::SecondWins if battle.positioned => tally.fixed_order_decisive += 1,
                _ => {}
            }
            if let Some(longer_won) = length_outcome {
                tally.length_decisive += 1;
                tally.longer_wins += u64::from(longer_won);
            }
            tally.missing_texts += u64::from(missing);
        }
    }
    let texts = lengths.is_some();
    let mut by_annotator: Vec<AnnotatorBias> = set
        .annotators
        .iter()
        .zip(&per_annotator)
        .filter(|(_, tally)| tally.battles > 0)
        .map(|(name, tally)| AnnotatorBias { annotator: name.clone(), stats: tally.stats(texts) })
        .collect();
    by_annotator.sort_by(|a, b| a.annotator.cmp(&b.annotator));
    BiasReport { overall: overall.stats(texts), by_annotator }
}

/// Two-sided exact binomial test of H₀: p = ½ for `k` successes in `n` trials:
/// min(1, 2·P(X ≤ min(k, n−k))), X ~ Binomial(n, ½). `None` when n = 0.
///
/// The tail is summed from its largest term down, relative to that term, whose logarithm is a
/// compensated sum of log ratios: n in the millions neither overflows nor underflows.
///
/// ```
/// use verdict_core::ranking::bias::binomial_two_sided_half;
/// // scipy.stats.binomtest(7, 10).pvalue == 0.34375 (= 2 · 176 / 1024).
/// assert!((binomial_two_sided_half(7, 10).unwrap() - 0.34375).abs() < 1e-12);
/// ```
pub fn binomial_two_sided_half(k: u64, n: u64) -> Option<f64> {
    if n == 0 {
        return None;
    }
    let low = k.min(n - k);
    if 2 * low == n {
        return Some(1.0);
    }
    // log(C(n, low) / 2ⁿ) as a compensated (Neumaier) sum of log ratios,
    // C(n, i+1)/C(n, i) = (n − i)/(i + 1), so that n in the hundreds of thousands keeps ~1e-12.
    let mut sum = -(n as f64) * std::f64::consts::LN_2;
    let mut compensation = 0.0;
    for i in 0..low {
        let term = ((n - i) as f64 / (i + 1) as f64).ln();
        let next = sum + term;
        compensation += if sum.abs() >= term.abs() { (sum - next) + term } else { (term - next) + sum };
        sum = next;
    }
    let log_top = sum + compensation;
    // Terms below the top shrink by C(n, i−1)/C(n, i) = i/(n − i + 1); sum relative to the top.
    let mut relative = 1.0;
    let mut term = 1.0;
    let mut i = low;
    while i > 0 {
        term *= i as f64 / (n - i + 1) as f64;
        relative += term;
        if term < 1e-18 * relative {
            break;
        }
        i -= 1;
    }
    Some((2.0 * (log_top.exp() * relative)).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ranking::battles::BattleSet;

    fn judgment(item: &str, annotator: &str, shown: [&str; 2], winner: &str) -> crate::Judgment {
        crate::judgment::judgment_from_line(&format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","shown":["{}","{}"],"preference":{{"winner":"{winner}"}}}}"#,
            shown[0], shown[1]
        ))
        .expect("a valid test line")
    }

    #[test]
    fn position_bias_counts_only_pairs_whose_order_varied() {
        let mut judgments = Vec::new();
        // The judge always sees (strong, weak) and picks strong: confounded, not estimable.
        for i in 0..10 {
            judgments.push(judgment(&format!("q{i}"), "judge:g", ["strong", "weak"], "strong"));
        }
        // A human sees both orders: 3 of 4 decisive battles go to the first shown.
        judgments.push(judgment("q0", "h", ["strong", "weak"], "strong"));
        judgments.push(judgment("q1", "h", ["weak", "strong"], "weak"));
        judgments.push(judgment("q2", "h", ["weak", "strong"], "strong"));
        judgments.push(judgment("q3", "h", ["weak", "strong"], "weak"));
        judgments.push(judgment("q4", "h", ["weak", "strong"], "tie"));
        let report = bias(&BattleSet::from_judgments(&judgments, None), None);
        let judge = &report.by_annotator.iter().find(|a| a.annotator == "judge:g").unwrap().stats;
        assert_eq!((judge.positioned_decisive, judge.fixed_order_decisive, judge.first_shown_win_rate), (0, 10, None));
        assert!(judge.note.as_deref().unwrap().starts_with("position bias not estimable: order never varied"), "{judge:?}");
        let human = &report.by_annotator.iter().find(|a| a.annotator == "h").unwrap().stats;
        assert_eq!((human.positioned_decisive, human.first_shown_wins, human.fixed_order_decisive), (4, 3, 0));
        assert_eq!(human.first_shown_win_rate, Some(0.75));
        // Overall: the human's varied battles only.
        assert_eq!((report.overall.positioned_decisive, report.overall.fixed_order_decisive), (4, 10));
    }

    #[test]
    fn binomial_test_matches_exact_small_cases() {
        // Exact values: 2·Σ_{i≤k} C(n,i)/2ⁿ.
        let cases = [(0, 1, 1.0), (0, 5, 2.0 / 32.0), (1, 5, 12.0 / 32.0), (10, 10, 2.0 / 1024.0), (3, 6, 1.0)];
        for (k, n, expected) in cases {
            let got = binomial_two_sided_half(k, n).unwrap();
            assert!((got - expected).abs() < 1e-12, "k={k} n={n}: {got} vs {expected}");
        }
        assert_eq!(binomial_two_sided_half(0, 0), None);
    }
}
