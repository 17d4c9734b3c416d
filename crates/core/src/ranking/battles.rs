//! Battles: the pairwise outcomes a leaderboard is fitted on, extracted from judgments.
//!
//! A battle is one comparison of two models with one outcome. Where they come from:
//! - a pairwise `preference` gives one battle between the two compared models, taken from
//!   `shown` (two models, in display order) or, without `shown`, from the task's two outputs;
//! - an N-way `ranking` (best first) gives every implied pair: the model ranked higher wins each
//!   of its N·(N−1)/2 pairs ("full rank breaking"; see `docs/RANKING.md` for why and its cost);
//! - a per-output criterion (for `--by criterion`) gives every pair of scored outputs: the higher
//!   value wins, equal values tie.
//!
//! Judgments are identified by `(item_id, annotator)`; a later one replaces an earlier one, both
//! in [`load_judgments`](crate::read::load_judgments) and in the streaming reader
//! [`read_jsonl`] here.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::intern::NameList;
use crate::judgment::Judgment;
use crate::problem::Loaded;
use crate::task::Task;
use builder::{Builder, RecordBattles};

/// How one battle ended, seen from its `first` model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The first model won.
    FirstWins,
    /// The second model won.
    SecondWins,
    /// The two were judged equal (`"tie"`).
    Tie,
    /// Both were judged bad (`"both_bad"`): a tie for ratings, counted apart in bias checks.
    BothBad,
}

impl Outcome {
    /// The same battle seen from the other side.
    pub fn swapped(self) -> Outcome {
        match self {
            Outcome::FirstWins => Outcome::SecondWins,
            Outcome::SecondWins => Outcome::FirstWins,
            other => other,
        }
    }

    /// True for [`Outcome::Tie`] and [`Outcome::BothBad`].
    pub fn is_tie(self) -> bool {
        matches!(self, Outcome::Tie | Outcome::BothBad)
    }
}

/// One comparison of two models. Ids index [`BattleSet::models`], [`BattleSet::annotators`]
/// and [`BattleSet::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Battle {
    /// The model shown first (left or top) when `positioned`; otherwise the first listed.
    pub first: u32,
    /// The other model.
    pub second: u32,
    /// How it ended, from `first`'s side.
    pub outcome: Outcome,
    /// True when `first` is known to have been displayed before `second` (from `shown`).
    pub positioned: bool,
    /// Who judged.
    pub annotator: u32,
    /// Which item was judged.
    pub item: u32,
}

/// Battles with the names their ids refer to, plus what could not be used and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BattleSet {
    /// Model names, sorted (byte order); a battle's `first`/`second` index this.
    pub models: Vec<String>,
    /// Annotator names, in order of first appearance.
    pub annotators: Vec<String>,
    /// Item ids, in order of first appearance.
    pub items: NameList,
    /// The battles, in input order (online Elo uses this order).
    pub battles: Vec<Battle>,
    /// Judgments that gave no battle, counted by reason (reasons sorted).
    pub skipped: BTreeMap<String, u64>,
    /// What was read, for the input summary (`read::InputSummary`): distinct judgments kept,
    /// judgments replaced under the identity rule, lines that were not judgments. Built from
    /// judgments already read ([`BattleSet::from_judgments`]), only the first is counted.
    pub n_judgments: u64,
    /// See `n_judgments`.
    pub n_replaced: u64,
    /// See `n_judgments`.
    pub n_skipped_lines: u64,
    /// Kept judgments a selection selected (all kept ones without a selection); only these
    /// give battles (see [`BlockReader::select`]).
    pub n_selected: u64,
}

impl BattleSet {
    /// Builds battles from judgments' preferences and rankings. `tasks` supply the two compared
    /// models of a preference without `shown` (an item with exactly two outputs).
    pub fn from_judgments<J: BattleFields>(judgments: &[J], tasks: Option<&[Task]>) -> BattleSet {
        let tasks = task_map(tasks);
        let mut builder = Builder::new(tasks.as_ref());
        for judgment in judgments {
            builder.push(
                judgment.item_id(),
                judgment.annotator(),
                judgment.shown(),
                judgment.winner(),
                judgment.ranking(),
                judgment.submitted_at(),
                true,
            );
        }
        builder.finish()
    }

    /// Builds battles from one per-output criterion: for every pair of models scored on
    /// `criterion` (numbers, or booleans with `true` above `false`), the higher value wins and
    /// equal values tie. Pairs follow `shown` order when it lists both models.
    pub fn from_criterion(judgments: &[Judgment], criterion: &str) -> BattleSet {
        let mut builder = Builder::new(None);
        for judgment in judgments {
            let Some(value) = judgment.scores.as_ref().and_then(|s| s.get(criterion)) else {
                builder.skip("no score for this criterion");
                continue;
            };
            let Value::Object(per_model) = value else {
                builder.skip("criterion is not per output");
                continue;
            };
            let mut scored: Vec<(&str, f64)> = Vec::new();
            for (model, value) in per_model {
                match value {
                    Value::Number(n) => scored.push((model, n.as_f64().unwrap_or(f64::NAN))),
                    Value::Bool(b) => scored.push((model, if *b { 1.0 } else { 0.0 })),
                    _ => {}
                }
            }
            scored.retain(|(_, v)| v.is_finite());
            if scored.len() < 2 {
                builder.skip("fewer than two numeric scores");
                continue;
            }
            let order = |model: &str| judgment.shown.as_ref().and_then(|s| s.iter().position(|m| m == model)).unwrap_or(usize::MAX);
            let positioned = scored.iter().all(|(m, _)| order(m) != usize::MAX);
            if positioned {
                scored.sort_by_key(|(m, _)| order(m));
            }
            builder.begin(&judgment.item_id, &judgment.annotator);
            let mut pairs = RecordBattles::None;
            for (i, (first, first_value)) in scored.iter().enumerate() {
                for (second, second_value) in &scored[i + 1..] {
                    let outcome = if first_value > second_value {
                        Outcome::FirstWins
                    } else if first_value < second_value {
                        Outcome::SecondWins
                    } else {
                        Outcome::Tie
                    };
                    pairs.add((builder.model(first), builder.model(second), outcome, positioned));
                }
            }
            builder.commit(pairs, i64::MIN, true);
        }
        builder.finish()
    }

    /// Number of battles each model took part in, indexed by model id.
    pub fn battles_per_model(&self) -> Vec<u64> {
        let mut counts = vec![0u64; self.models.len()];
        for battle in &self.battles {
            counts[battle.first as usize] += 1;
            counts[battle.second as usize] += 1;
        }
        counts
    }
}

/// The fields of a judgment that battles are built from: a [`Judgment`]'s, or those a
/// streaming reader keeps of it ([`BattleJudgment`]).
pub trait BattleFields {
    /// `item_id`.
    fn item_id(&self) -> &str;
    /// `annotator`.
    fn annotator(&self) -> &str;
    /// `shown`.
    fn shown(&self) -> Option<&[String]>;
    /// `preference.winner`.
    fn winner(&self) -> Option<&str>;
    /// `ranking`.
    fn ranking(&self) -> Option<&[String]>;
    /// `submitted_at`.
    fn submitted_at(&self) -> Option<&str>;
}

impl BattleFields for Judgment {
    fn item_id(&self) -> &str {
        &self.item_id
    }
    fn annotator(&self) -> &str {
        &self.annotator
    }
    fn shown(&self) -> Option<&[String]> {
        self.shown.as_deref()
    }
    fn winner(&self) -> Option<&str> {
        self.preference.as_ref().map(|p| p.winner.as_str())
    }
    fn ranking(&self) -> Option<&[String]> {
        self.ranking.as_deref()
    }
    fn submitted_at(&self) -> Option<&str> {
        self.submitted_at.as_deref()
    }
}

/// What battles need of a judgment, a quarter of a [`Judgment`]'s size: what a reader that
/// holds a million judgments keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BattleJudgment {
    /// `item_id`.
    pub item_id: String,
    /// `annotator`.
    pub annotator: String,
    /// `shown`.
    pub shown: Option<Vec<String>>,
    /// `preference.winner`.
    pub winner: Option<String>,
    /// `ranking`.
    pub ranking: Option<Vec<String>>,
    /// `submitted_at`.
    pub submitted_at: Option<String>,
}

impl From<Judgment> for BattleJudgment {
    fn from(judgment: Judgment) -> Self {
        BattleJudgment {
            item_id: judgment.item_id,
            annotator: judgment.annotator,
            shown: judgment.shown,
            winner: judgment.preference.map(|p| p.winner),
            ranking: judgment.ranking,
            submitted_at: judgment.submitted_at,
        }
    }
}

impl BattleFields for BattleJudgment {
    fn item_id(&self) -> &str {
        &self.item_id
    }
    fn annotator(&self) -> &str {
        &self.annotator
    }
    fn shown(&self) -> Option<&[String]> {
        self.shown.as_deref()
    }
    fn winner(&self) -> Option<&str> {
        self.winner.as_deref()
    }
    fn ranking(&self) -> Option<&[String]> {
        self.ranking.as_deref()
    }
    fn submitted_at(&self) -> Option<&str> {
        self.submitted_at.as_deref()
    }
}

/// Reads judgments JSONL straight into battles, without building full [`Judgment`]s: the fast
/// path for large files. Only the fields ranking needs are read (`schema`, `item_id`,
/// `annotator`, `shown`, `preference.winner`, `ranking`, and the presence of `scores`/`flags`);
/// `verdict validate` checks the rest. Invalid lines are reported as errors exactly as
/// [`load_judgments`](crate::read::load_judgments) reports them; a later judgment of the
/// same `(item_id, annotator)` replaces the earlier one, with the same warning.
pub fn read_jsonl(file: &str, text: &str, tasks: Option<&[Task]>) -> Loaded<BattleSet> {
    let mut sets = read_many(&[(file, text)], tasks);
    Loaded { records: vec![std::mem::take(&mut sets.records[0])], problems: sets.problems }
}

/// [`read_jsonl`] over several files read as one stream (a judgment in a later file replaces
/// the same `(item_id, annotator)` in an earlier one). Returns one [`BattleSet`].
pub fn read_many(files: &[(&str, &str)], tasks: Option<&[Task]>) -> Loaded<BattleSet> {
    read_many_parallel(files, tasks, 1)
}

/// [`read_many`], parsing lines on up to `threads` threads (the result does not depend on
/// `threads`; where threads cannot be started, e.g. wasm32, parsing stays on this thread).
/// Interning, the replacement rule and the battles are then built in file order.
pub fn read_many_parallel(files: &[(&str, &str)], tasks: Option<&[Task]>, threads: u32) -> Loaded<BattleSet> {
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let index = tasks.map(TaskIndex::new);
    let mut reader = BlockReader::new(&names, index.as_ref());
    for (file_index, (_, text)) in files.iter().enumerate() {
        reader.add_block(file_index, 1, text, threads);
    }
    reader.finish()
}

/// Tasks by id, for the two compared models of preferences without `shown` (see
/// [`BlockReader::new`]).
pub struct TaskIndex<'t>(TaskMap<'t>);

impl<'t> TaskIndex<'t> {
    /// Indexes `tasks` by id.
    pub fn new(tasks: &'t [Task]) -> TaskIndex<'t> {
        TaskIndex(tasks.iter().map(|t| (t.id.as_str(), t)).collect())
    }
}

/// Task id → task, for the two compared models of preferences without `shown`.
type TaskMap<'t> = HashMap<&'t str, &'t Task>;

fn task_map(tasks: Option<&[Task]>) -> Option<TaskMap<'_>> {
    tasks.map(|tasks| tasks.iter().map(|t| (t.id.as_str(), t)).collect())
}

mod block;
mod builder;
mod line;

pub use block::BlockReader;

#[cfg(test)]
mod tests;
