//! The rating session as a pure state machine: [`Session`] + [`Action`] + [`Session::apply`].
//!
//! The web app wraps a `Session` in a Yew reducer and performs the IO the session asks for
//! (saving a judgment, then dispatching [`Action::Saved`]). Nothing here reads a clock or
//! touches storage: times come in with the actions, as Unix milliseconds.
//!
//! Keyboard model: the rating panel is a list of [`Row`]s (the preference or ranking, then
//! each criterion, per output where the criterion is per-output). One row is active; digits
//! answer it and move on to the next row; `Enter` submits. [`Session::action_for_key`] is the
//! whole keymap, so it is tested here and shown in the app's help overlay from [`KEYMAP`].
//!
//! Files: this one holds the types and the read-only views of a session; `apply.rs` the
//! reducer; `keys.rs` the keymap; `judge.rs` judgment building and reading; `stored.rs` the
//! drafts kept in the browser between visits.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde_json::Value;

use crate::judgment::Judgment;
use crate::rubric::{Criterion, CriterionKind, Mode, Rubric};
use crate::task::Task;

mod apply;
mod feedback;
mod grow;
#[cfg(test)]
mod guide_tests;
mod judge;
mod keys;
#[cfg(test)]
mod props;
mod stored;
#[cfg(test)]
mod tests;

pub use feedback::{GoldFeedbackLine, GoldWinner};
pub use grow::{EvaluationGrower, Growth};
pub use keys::{KeyHelp, KEYMAP};
pub use stored::StoredDraft;

/// The flag raised by the `f` key.
pub use crate::judgment::HARMFUL_FLAG;

/// Everything fixed for one evaluation: items, rubric, who rates, fingerprints, display orders.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// The items, in file order.
    pub tasks: Arc<[Task]>,
    /// The rubric.
    pub rubric: Arc<Rubric>,
    /// The annotator's id.
    pub annotator: String,
    /// The annotator's group (site, vendor), if known.
    pub group: Option<String>,
    /// SHA-256 of the task file.
    pub task_sha256: String,
    /// SHA-256 of the rubric file.
    pub rubric_sha256: String,
    /// Version of the app, written into judgments.
    pub app_version: String,
    /// Display order per item (see [`crate::order`]).
    pub orders: Arc<[Vec<u32>]>,
}

impl Evaluation {
    /// Builds an evaluation, computing the annotator's counterbalanced display orders.
    pub fn new(tasks: Arc<[Task]>, rubric: Arc<Rubric>, annotator: &str, task_sha256: &str, rubric_sha256: &str) -> Self {
        let models: Vec<Vec<&str>> = tasks.iter().map(|t| t.outputs.iter().map(|o| o.model.as_str()).collect()).collect();
        let seed_text = format!("{annotator}\n{task_sha256}");
        let orders = crate::order::display_orders(&models, &seed_text, rubric.randomize_order);
        Evaluation {
            tasks,
            rubric,
            annotator: annotator.to_owned(),
            group: None,
            task_sha256: task_sha256.to_owned(),
            rubric_sha256: rubric_sha256.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            orders: orders.into(),
        }
    }
}

/// A criterion answer while it is being edited.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A likert value.
    Number(i64),
    /// A binary answer.
    Yes(bool),
    /// Chosen options (one unless the criterion is `multi`), in rubric order.
    Options(Vec<String>),
    /// Free text.
    Text(String),
}

impl Answer {
    pub(crate) fn to_value(&self, multi: bool) -> Value {
        match self {
            Answer::Number(n) => Value::from(*n),
            Answer::Yes(yes) => Value::Bool(*yes),
            Answer::Options(options) if multi => Value::from(options.clone()),
            Answer::Options(options) => options.first().map_or(Value::Null, |o| Value::from(o.as_str())),
            Answer::Text(text) => Value::from(text.as_str()),
        }
    }

    pub(crate) fn from_value(value: &Value) -> Option<Answer> {
        match value {
            Value::Bool(yes) => Some(Answer::Yes(*yes)),
            Value::Number(n) => n.as_i64().map(Answer::Number),
            Value::Array(items) => Some(Answer::Options(items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())),
            Value::String(text) => Some(Answer::Text(text.clone())),
            _ => None,
        }
    }

    pub(crate) fn is_answered(&self) -> bool {
        match self {
            Answer::Options(options) => !options.is_empty(),
            Answer::Text(text) => !text.trim().is_empty(),
            _ => true,
        }
    }
}

/// Where a criterion answer goes: criterion id and, for per-output criteria, the display position.
pub type AnswerKey = (String, Option<u32>);

/// The rater's answers for the current item, not yet submitted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Index into the rubric's preference scale, or `None`.
    pub preference: Option<usize>,
    /// "Both bad" chosen instead of a scale point.
    pub both_bad: bool,
    /// Display positions in order of preference, best first (ranking mode).
    pub ranking: Vec<u32>,
    /// Criterion answers.
    pub answers: BTreeMap<AnswerKey, Answer>,
    /// Flags raised.
    pub flags: BTreeSet<String>,
}

/// One line of the rating panel that the keyboard can focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// The pairwise preference.
    Preference,
    /// The N-way ranking.
    Ranking,
    /// A criterion, for one output (display position) or the whole item.
    Criterion {
        /// Index into the rubric's criteria.
        criterion: usize,
        /// Display position for per-output criteria.
        position: Option<u32>,
    },
}

/// What the session is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The rater is answering the current item.
    Editing,
    /// A judgment was submitted and is being written; the UI waits for [`Action::Saved`].
    Saving(Box<Judgment>),
    /// Calibration mode: the item was saved and its gold answer is shown until the rater goes on.
    Feedback,
    /// Every item has a judgment.
    Finished,
}

/// Everything the rater can do, plus the results of IO the app performed.
/// `now_ms` fields carry the time of the action (Unix ms); variant docs describe the rest.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A digit (1–9, or 0) pressed on the active row.
    Digit(u32),
    /// Choose a preference scale point (index) directly, e.g. by mouse.
    Prefer(usize),
    /// Choose "both bad".
    BothBad,
    /// Add the output at this display position to the end of the ranking (if not ranked yet).
    RankNext(u32),
    /// Remove the last output from the ranking.
    RankUndo,
    /// Set (or clear, with `None`) a criterion answer.
    Answer { key: AnswerKey, answer: Option<Answer> },
    /// Toggle one option of a choice criterion.
    ToggleOption { key: AnswerKey, option: usize },
    /// Clear the active row's answer.
    Clear,
    /// Raise or lower a flag.
    ToggleFlag(String),
    /// Make a row active.
    Focus(usize),
    /// Next / previous row.
    FocusNext,
    /// Previous row.
    FocusPrev,
    /// Reveal blurred sensitive content.
    Reveal,
    /// Validate and submit the draft.
    Submit { now_ms: i64 },
    /// The app wrote the submitted judgment to storage.
    Saved { now_ms: i64 },
    /// The app could not write the judgment (e.g. quota); the draft is kept.
    SaveFailed { message: String },
    /// Show item `index`.
    GoTo { index: usize, now_ms: i64 },
    /// Show the next item.
    Next { now_ms: i64 },
    /// Show the previous item.
    Prev { now_ms: i64 },
    /// Leave the current item for later and show the next pending one.
    Skip { now_ms: i64 },
    /// The rater took (or dismissed) a break reminder.
    TakeBreak { now_ms: i64 },
    /// The rater pressed a key, clicked or scrolled: the active-time clock runs on.
    Activity { now_ms: i64 },
    /// Another tab of the same evaluation saved this judgment: take it in.
    SavedElsewhere(Box<Judgment>),
    /// The rest of a task file that was still loading arrived (see [`Growth`]).
    Grow(Box<Growth>),
    /// The whole item at `index` (with its texts), re-read from the file to be shown.
    ItemTexts { index: usize, task: Arc<Task> },
}

/// Why a session cannot start.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The evaluation has no items.
    #[error("the evaluation has no items")]
    NoItems,
    /// The display orders do not match the items (an `Evaluation` built by hand).
    #[error("{n_orders} display orders for {n_items} items")]
    OrdersMismatch {
        /// Items in the evaluation.
        n_items: usize,
        /// Display orders given.
        n_orders: usize,
    },
}

/// The rating session for one annotator and one evaluation.
#[derive(Clone, Debug)]
pub struct Session {
    /// The fixed evaluation.
    pub eval: Arc<Evaluation>,
    /// Saved judgments, by item index (shared: cloning a session per keypress stays cheap).
    pub judgments: Arc<Vec<Option<Judgment>>>,
    /// Unsubmitted answers of items left (or restored from the browser), by item index.
    pub drafts: Arc<BTreeMap<usize, StoredDraft>>,
    /// Index of the item shown.
    pub current: usize,
    /// Answers in progress for the current item.
    pub draft: Draft,
    /// Index of the active row.
    pub focus: usize,
    /// What the session is doing.
    pub status: Status,
    /// Problems that stop a submit, or a notice for the rater.
    pub messages: Vec<String>,
    /// Sensitive content of the current item was revealed.
    pub revealed: bool,
    /// When the current item was shown (Unix ms).
    pub shown_at_ms: i64,
    /// When the rater last started working without a break (Unix ms).
    pub working_since_ms: i64,
    /// The rater's last sign of activity on the current item (Unix ms).
    pub last_activity_ms: i64,
    /// Active time on the current item this visit, up to `last_activity_ms`.
    pub active_ms: u64,
    /// The whole item at this index, when the evaluation holds it without its texts (a large
    /// file's items are re-read from the file when shown; see [`Action::ItemTexts`]).
    pub full: Option<(usize, Arc<Task>)>,
}

impl Session {
    /// A session with `saved` judgments and unsubmitted `drafts` restored, showing `position`
    /// or the first pending item. An evaluation without items is an error, not a panic.
    pub fn new(
        eval: Arc<Evaluation>,
        saved: Vec<Judgment>,
        drafts: Vec<StoredDraft>,
        position: Option<usize>,
        now_ms: i64,
    ) -> Result<Self, SessionError> {
        if eval.tasks.is_empty() {
            return Err(SessionError::NoItems);
        }
        if eval.orders.len() != eval.tasks.len() {
            return Err(SessionError::OrdersMismatch { n_items: eval.tasks.len(), n_orders: eval.orders.len() });
        }
        let mut judgments: Vec<Option<Judgment>> = vec![None; eval.tasks.len()];
        let index_of: BTreeMap<&str, usize> = eval.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        for judgment in saved {
            if judgment.annotator == eval.annotator {
                if let Some(&index) = index_of.get(judgment.item_id.as_str()) {
                    judgments[index] = Some(judgment);
                }
            }
        }
        let drafts: BTreeMap<usize, StoredDraft> =
            drafts.into_iter().filter_map(|d| index_of.get(d.item_id.as_str()).map(|&index| (index, d))).collect();
        let mut session = Session {
            eval,
            judgments: Arc::new(judgments),
            drafts: Arc::new(drafts),
            current: 0,
            draft: Draft::default(),
            focus: 0,
            status: Status::Editing,
            messages: Vec::new(),
            revealed: false,
            shown_at_ms: now_ms,
            working_since_ms: now_ms,
            last_activity_ms: now_ms,
            active_ms: 0,
            full: None,
        };
        let start = position.filter(|&p| p < session.eval.tasks.len()).or_else(|| session.next_pending(0)).unwrap_or(0);
        session.show(start, now_ms);
        if session.n_done() == session.eval.tasks.len() && position.is_none() {
            session.status = Status::Finished;
        }
        Ok(session)
    }

    /// The item shown (whole, when it was re-read from the file).
    pub fn task(&self) -> &Task {
        match &self.full {
            Some((index, task)) if *index == self.current => task,
            _ => &self.eval.tasks[self.current],
        }
    }

    /// Output indices of the current item in display order.
    pub fn shown(&self) -> Vec<u32> {
        // An edited judgment keeps the order the rater saw when first judging.
        if let Some(shown) = self.judgments[self.current].as_ref().and_then(|j| j.shown.as_ref()) {
            let task = self.task();
            let indices: Vec<u32> =
                shown.iter().filter_map(|m| task.outputs.iter().position(|o| &o.model == m).map(|i| i as u32)).collect();
            if indices.len() == task.outputs.len() {
                return indices;
            }
        }
        self.eval.orders[self.current].clone()
    }

    /// Number of items with a saved judgment.
    pub fn n_done(&self) -> usize {
        self.judgments.iter().filter(|j| j.is_some()).count()
    }

    /// Median seconds per item over saved judgments with a duration.
    pub fn median_seconds(&self) -> Option<f64> {
        let mut durations: Vec<u64> = self.judgments.iter().flatten().filter_map(|j| j.duration_ms).collect();
        if durations.is_empty() {
            return None;
        }
        durations.sort_unstable();
        let mid = durations.len() / 2;
        let median_ms = if durations.len() % 2 == 1 { durations[mid] as f64 } else { (durations[mid - 1] + durations[mid]) as f64 / 2.0 };
        Some(median_ms / 1000.0)
    }

    /// Whether the current item is blurred (sensitive, blurring on, not revealed).
    pub fn is_blurred(&self) -> bool {
        self.eval.rubric.wellbeing.blur_sensitive && !self.revealed && self.eval.rubric.is_sensitive(self.task())
    }

    /// Whether a break reminder is due at `now_ms`.
    pub fn break_due(&self, now_ms: i64) -> bool {
        self.break_due_at_ms().is_some_and(|due| now_ms >= due)
    }

    /// When the next break reminder is due (Unix ms), if the rubric asks for breaks.
    pub fn break_due_at_ms(&self) -> Option<i64> {
        match self.eval.rubric.wellbeing.break_every_minutes {
            Some(minutes) if minutes > 0 => Some(self.working_since_ms + i64::from(minutes) * 60_000),
            _ => None,
        }
    }

    /// Milliseconds after the last activity that still count as active (`idle_after_seconds`, default 60).
    pub fn idle_after_ms(&self) -> u64 {
        u64::from(self.eval.rubric.wellbeing.idle_after_seconds.unwrap_or(60)) * 1000
    }

    /// Active time on the current item this visit, at `now_ms`: each stretch between two signs of
    /// activity counts up to [`Session::idle_after_ms`], so an idle rater's clock pauses.
    pub fn active_ms_at(&self, now_ms: i64) -> u64 {
        self.active_ms + ((now_ms - self.last_activity_ms).max(0) as u64).min(self.idle_after_ms())
    }

    /// Records a sign of activity at `now_ms` (every action that carries the time is one).
    pub(super) fn touch(&mut self, now_ms: i64) {
        if now_ms > self.last_activity_ms {
            self.active_ms = self.active_ms_at(now_ms);
            self.last_activity_ms = now_ms;
        }
    }

    /// Whether criterion `index` is asked at `position` (per-output) given the draft: its
    /// `when` conditions hold (see [`crate::rubric::guide`]).
    pub fn criterion_shown(&self, index: usize, position: Option<u32>) -> bool {
        let rubric = &self.eval.rubric;
        let criterion = &rubric.criteria[index];
        criterion.when.is_empty()
            || crate::rubric::guide::condition_holds(rubric, criterion, |condition| {
                let key = (condition.id.clone(), if condition.per_output { Some(position.unwrap_or(0)) } else { None });
                self.draft.answers.get(&key).filter(|a| a.is_answered()).map(|a| a.to_value(condition.multi))
            })
    }

    /// The rows of the rating panel for the current item.
    pub fn rows(&self) -> Vec<Row> {
        let rubric = &self.eval.rubric;
        let n_outputs = self.task().outputs.len() as u32;
        let mut rows = Vec::new();
        match rubric.mode {
            Mode::Pairwise if n_outputs == 2 => rows.push(Row::Preference),
            Mode::Ranking | Mode::Pairwise if n_outputs >= 2 => rows.push(Row::Ranking),
            _ => {}
        }
        for (criterion, c) in rubric.criteria.iter().enumerate() {
            if c.per_output && n_outputs > 1 {
                rows.extend(
                    (0..n_outputs)
                        .filter(|&p| self.criterion_shown(criterion, Some(p)))
                        .map(|p| Row::Criterion { criterion, position: Some(p) }),
                );
            } else if self.criterion_shown(criterion, c.per_output.then_some(0)) {
                rows.push(Row::Criterion { criterion, position: c.per_output.then_some(0) });
            }
        }
        rows
    }

    /// The answer key of a criterion row.
    pub fn answer_key(&self, row: &Row) -> Option<AnswerKey> {
        match row {
            Row::Criterion { criterion, position } => Some((self.eval.rubric.criteria[*criterion].id.clone(), *position)),
            _ => None,
        }
    }

    /// Whether a row has an answer in the draft.
    pub fn row_answered(&self, row: &Row) -> bool {
        match row {
            Row::Preference => self.draft.preference.is_some() || self.draft.both_bad,
            Row::Ranking => self.draft.ranking.len() + 1 >= self.task().outputs.len() || self.draft.both_bad,
            Row::Criterion { .. } => self.answer_key(row).and_then(|k| self.draft.answers.get(&k)).is_some_and(Answer::is_answered),
        }
    }
}
