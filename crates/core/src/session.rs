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

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::judgment::{Judgment, Preference, BOTH_BAD, TIE};
use crate::rubric::{Criterion, CriterionKind, Mode, Rubric};
use crate::task::Task;
use crate::time::rfc3339_from_unix_ms;

/// The flag raised by the `f` key.
pub const HARMFUL_FLAG: &str = "harmful_content";

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
    fn to_value(&self, multi: bool) -> Value {
        match self {
            Answer::Number(n) => Value::from(*n),
            Answer::Yes(yes) => Value::Bool(*yes),
            Answer::Options(options) if multi => Value::from(options.clone()),
            Answer::Options(options) => options.first().map_or(Value::Null, |o| Value::from(o.as_str())),
            Answer::Text(text) => Value::from(text.as_str()),
        }
    }

    fn from_value(value: &Value) -> Option<Answer> {
        match value {
            Value::Bool(yes) => Some(Answer::Yes(*yes)),
            Value::Number(n) => n.as_i64().map(Answer::Number),
            Value::Array(items) => Some(Answer::Options(items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())),
            Value::String(text) => Some(Answer::Text(text.clone())),
            _ => None,
        }
    }

    fn is_answered(&self) -> bool {
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
    /// Another tab of the same evaluation saved this judgment: take it in.
    SavedElsewhere(Box<Judgment>),
}

/// One key and what it does, for the help overlay and the README.
#[derive(Clone, Copy, Debug)]
pub struct KeyHelp {
    /// The key(s) as shown to the user.
    pub keys: &'static str,
    /// What they do.
    pub action: &'static str,
}

/// The keymap, as shown in the `?` overlay.
pub const KEYMAP: &[KeyHelp] = &[
    KeyHelp { keys: "1 – 9", action: "Answer the active row (preference point, score, option, next-ranked output)" },
    KeyHelp { keys: "y / n", action: "Yes / no on a binary row" },
    KeyHelp { keys: "x (or 0 on the preference)", action: "Both outputs are bad" },
    KeyHelp { keys: "↓ / j", action: "Next row" },
    KeyHelp { keys: "↑ / k", action: "Previous row" },
    KeyHelp { keys: "Backspace", action: "Clear the active row (ranking: undo the last pick)" },
    KeyHelp { keys: "e", action: "Write in the active text field (Esc to leave it, Ctrl+Enter submits)" },
    KeyHelp { keys: "Enter", action: "Submit the judgment and go to the next item" },
    KeyHelp { keys: "→ / ←", action: "Next / previous item (revisit and edit past items)" },
    KeyHelp { keys: "s", action: "Skip this item for now" },
    KeyHelp { keys: "f", action: "Flag harmful content" },
    KeyHelp { keys: "r", action: "Reveal blurred sensitive content" },
    KeyHelp { keys: "?", action: "Show or hide this help" },
    KeyHelp { keys: "Esc", action: "Leave a text field; close this help" },
];

/// The rating session for one annotator and one evaluation.
#[derive(Clone, Debug)]
pub struct Session {
    /// The fixed evaluation.
    pub eval: Arc<Evaluation>,
    /// Saved judgments, by item index (shared: cloning a session per keypress stays cheap).
    pub judgments: Arc<Vec<Option<Judgment>>>,
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
}

impl Session {
    /// A session with `saved` judgments restored, showing `position` or the first pending item.
    pub fn new(eval: Arc<Evaluation>, saved: Vec<Judgment>, position: Option<usize>, now_ms: i64) -> Self {
        let mut judgments: Vec<Option<Judgment>> = vec![None; eval.tasks.len()];
        let index_of: std::collections::HashMap<&str, usize> = eval.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        for judgment in saved {
            if judgment.annotator == eval.annotator {
                if let Some(&index) = index_of.get(judgment.item_id.as_str()) {
                    judgments[index] = Some(judgment);
                }
            }
        }
        let mut session = Session {
            eval,
            judgments: Arc::new(judgments),
            current: 0,
            draft: Draft::default(),
            focus: 0,
            status: Status::Editing,
            messages: Vec::new(),
            revealed: false,
            shown_at_ms: now_ms,
            working_since_ms: now_ms,
        };
        let start = position.filter(|&p| p < session.eval.tasks.len()).or_else(|| session.next_pending(0)).unwrap_or(0);
        session.show(start, now_ms);
        if session.n_done() == session.eval.tasks.len() && position.is_none() {
            session.status = Status::Finished;
        }
        session
    }

    /// The item shown.
    pub fn task(&self) -> &Task {
        &self.eval.tasks[self.current]
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
                rows.extend((0..n_outputs).map(|p| Row::Criterion { criterion, position: Some(p) }));
            } else {
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

    /// Maps a key press (the DOM `KeyboardEvent.key`) to an action; `None` when the key is not ours.
    /// Keys that need the clock get `now_ms`.
    pub fn action_for_key(&self, key: &str, now_ms: i64) -> Option<Action> {
        if matches!(self.status, Status::Saving(_)) {
            return None;
        }
        if matches!(self.status, Status::Feedback) {
            return matches!(key, "Enter" | "ArrowRight").then_some(Action::Next { now_ms });
        }
        Some(match key {
            "Enter" => Action::Submit { now_ms },
            "ArrowRight" => Action::Next { now_ms },
            "ArrowLeft" => Action::Prev { now_ms },
            "ArrowDown" | "j" => Action::FocusNext,
            "ArrowUp" | "k" => Action::FocusPrev,
            "s" => Action::Skip { now_ms },
            "f" => Action::ToggleFlag(HARMFUL_FLAG.to_owned()),
            "r" => Action::Reveal,
            "x" if self.eval.rubric.preference.allow_both_bad && self.eval.rubric.mode != Mode::Single => Action::BothBad,
            "Backspace" | "Delete" => Action::Clear,
            "y" => Action::Digit(1).binary_only(self)?,
            "n" => Action::Digit(2).binary_only(self)?,
            _ => {
                let digit = key.parse::<u32>().ok().filter(|_| key.len() == 1)?;
                Action::Digit(digit)
            }
        })
    }

    /// Applies an action, returning whether anything changed (for skipping re-renders).
    pub fn apply(&mut self, action: Action) -> bool {
        let saving = matches!(self.status, Status::Saving(_));
        if saving && !matches!(action, Action::Saved { .. } | Action::SaveFailed { .. }) {
            return false;
        }
        let rows = self.rows();
        match action {
            Action::Digit(digit) => return self.digit(&rows, digit),
            Action::Prefer(index) => {
                if index >= self.eval.rubric.preference.scale.len() {
                    return false;
                }
                self.draft.preference = Some(index);
                self.draft.both_bad = false;
                self.advance_focus(&rows, &Row::Preference);
            }
            Action::BothBad => {
                self.draft.preference = None;
                self.draft.ranking.clear();
                self.draft.both_bad = true;
                let row = if rows.contains(&Row::Preference) { Row::Preference } else { Row::Ranking };
                self.advance_focus(&rows, &row);
            }
            Action::RankNext(position) => {
                let n = self.task().outputs.len() as u32;
                if position >= n || self.draft.ranking.contains(&position) {
                    return false;
                }
                self.draft.both_bad = false;
                self.draft.ranking.push(position);
                if self.draft.ranking.len() as u32 + 1 == n {
                    let last = (0..n).find(|p| !self.draft.ranking.contains(p)).expect("one output is left unranked");
                    self.draft.ranking.push(last);
                }
                if self.draft.ranking.len() as u32 == n {
                    self.advance_focus(&rows, &Row::Ranking);
                }
            }
            Action::RankUndo => {
                if self.draft.ranking.pop().is_none() {
                    return false;
                }
                // The auto-completed last pick goes with the one before it.
                if self.draft.ranking.len() + 1 == self.task().outputs.len() {
                    self.draft.ranking.pop();
                }
            }
            Action::Answer { key, answer } => {
                match answer {
                    Some(answer) => self.draft.answers.insert(key, answer),
                    None => self.draft.answers.remove(&key),
                };
            }
            Action::ToggleOption { key, option } => return self.toggle_option(key, option),
            Action::Clear => return self.clear_active(&rows),
            Action::ToggleFlag(flag) => {
                if !self.draft.flags.remove(&flag) {
                    self.draft.flags.insert(flag);
                }
            }
            Action::Focus(row) => {
                if row >= rows.len() || row == self.focus {
                    return false;
                }
                self.focus = row;
            }
            Action::FocusNext => {
                if self.focus + 1 >= rows.len() {
                    return false;
                }
                self.focus += 1;
            }
            Action::FocusPrev => {
                if self.focus == 0 {
                    return false;
                }
                self.focus -= 1;
            }
            Action::Reveal => {
                if self.revealed {
                    return false;
                }
                self.revealed = true;
            }
            Action::Submit { now_ms } => self.submit(&rows, now_ms),
            Action::Saved { now_ms } => {
                let Status::Saving(judgment) = std::mem::replace(&mut self.status, Status::Editing) else {
                    return false;
                };
                let current = self.current;
                Arc::make_mut(&mut self.judgments)[current] = Some(*judgment);
                let has_gold = self.task().gold.is_some();
                if has_gold && self.eval.rubric.gold_feedback == crate::rubric::GoldFeedback::AfterSubmit {
                    self.status = Status::Feedback;
                } else {
                    self.go_to_next_pending(now_ms);
                }
            }
            Action::SaveFailed { message } => {
                if !saving {
                    return false;
                }
                self.status = Status::Editing;
                self.messages = vec![format!(
                    "Your judgment could not be saved in this browser ({message}). Nothing was lost from earlier items: export your judgments now, then free some space."
                )];
            }
            Action::GoTo { index, now_ms } => {
                if index >= self.eval.tasks.len() || (index == self.current && self.status == Status::Editing) {
                    return false;
                }
                self.show(index, now_ms);
            }
            Action::Next { now_ms } => {
                if matches!(self.status, Status::Feedback | Status::Finished) {
                    self.go_to_next_pending(now_ms);
                } else if self.current + 1 < self.eval.tasks.len() {
                    self.show(self.current + 1, now_ms);
                } else {
                    return false;
                }
            }
            Action::Prev { now_ms } => {
                // From the finished screen, "previous" is the item last shown.
                if self.status == Status::Finished {
                    self.show(self.current, now_ms);
                } else if self.current == 0 {
                    return false;
                } else {
                    self.show(self.current - 1, now_ms);
                }
            }
            Action::Skip { now_ms } => {
                let after = (self.current + 1..self.eval.tasks.len()).chain(0..self.current).find(|&i| self.judgments[i].is_none());
                match after {
                    Some(index) => self.show(index, now_ms),
                    None => return false,
                }
            }
            Action::TakeBreak { now_ms } => self.working_since_ms = now_ms,
            Action::SavedElsewhere(judgment) => {
                let Some(index) = self.eval.tasks.iter().position(|t| t.id == judgment.item_id) else { return false };
                if judgment.annotator != self.eval.annotator || self.judgments[index].as_ref() == Some(&*judgment) {
                    return false;
                }
                let untouched = index == self.current && self.status == Status::Editing && self.draft == self.saved_draft(index);
                Arc::make_mut(&mut self.judgments)[index] = Some(*judgment);
                if untouched {
                    self.draft = self.draft_from(self.judgments[index].as_ref().expect("just stored"));
                }
            }
        }
        true
    }

    fn digit(&mut self, rows: &[Row], digit: u32) -> bool {
        let Some(row) = rows.get(self.focus).cloned() else { return false };
        match &row {
            Row::Preference => {
                let n_scale = self.eval.rubric.preference.scale.len() as u32;
                if digit == 0 && self.eval.rubric.preference.allow_both_bad {
                    return self.apply(Action::BothBad);
                }
                if digit == 0 || digit > n_scale {
                    return false;
                }
                self.apply(Action::Prefer(digit as usize - 1))
            }
            Row::Ranking => digit >= 1 && self.apply(Action::RankNext(digit - 1)),
            Row::Criterion { criterion, .. } => {
                let key = self.answer_key(&row).expect("criterion rows have keys");
                let criterion: &Criterion = &self.eval.rubric.criteria[*criterion];
                let answer = match criterion.kind {
                    CriterionKind::Likert => {
                        let (min, max) = criterion.likert_range();
                        // Scales within 0..=9 take the digit as the value; others count from min.
                        let value = if min >= 0 && max <= 9 { i64::from(digit) } else { min + i64::from(digit) - 1 };
                        if digit == 0 && !(min >= 0 && max <= 9) || value < min || value > max {
                            return false;
                        }
                        Answer::Number(value)
                    }
                    CriterionKind::Binary => match digit {
                        1 => Answer::Yes(true),
                        2 => Answer::Yes(false),
                        _ => return false,
                    },
                    CriterionKind::Choice => {
                        if digit == 0 || digit as usize > criterion.options.len() {
                            return false;
                        }
                        if criterion.multi {
                            return self.toggle_option(key, digit as usize - 1);
                        }
                        Answer::Options(vec![criterion.options[digit as usize - 1].clone()])
                    }
                    CriterionKind::Text => return false,
                };
                self.draft.answers.insert(key, answer);
                self.advance_focus(rows, &row);
                true
            }
        }
    }

    fn toggle_option(&mut self, key: AnswerKey, option: usize) -> bool {
        let Some(criterion) = self.eval.rubric.criterion(&key.0).cloned() else { return false };
        let Some(name) = criterion.options.get(option).cloned() else { return false };
        let chosen = match self.draft.answers.get(&key) {
            Some(Answer::Options(current)) if criterion.multi => {
                let mut set: Vec<String> = current.clone();
                if let Some(at) = set.iter().position(|o| *o == name) {
                    set.remove(at);
                } else {
                    set.push(name);
                }
                // Keep rubric order so equal answers serialize identically.
                criterion.options.iter().filter(|o| set.contains(o)).cloned().collect()
            }
            _ => vec![name],
        };
        self.draft.answers.insert(key, Answer::Options(chosen));
        true
    }

    fn clear_active(&mut self, rows: &[Row]) -> bool {
        match rows.get(self.focus) {
            Some(Row::Preference) => {
                let changed = self.draft.preference.is_some() || self.draft.both_bad;
                self.draft.preference = None;
                self.draft.both_bad = false;
                changed
            }
            Some(Row::Ranking) => self.apply(Action::RankUndo),
            Some(row @ Row::Criterion { .. }) => {
                let key = self.answer_key(row).expect("criterion rows have keys");
                self.draft.answers.remove(&key).is_some()
            }
            None => false,
        }
    }

    /// After answering `row`, move to the next required row still unanswered, else to the next row
    /// (so editing a finished item walks through it instead of jumping to an optional text field).
    fn advance_focus(&mut self, rows: &[Row], row: &Row) {
        let at = rows.iter().position(|r| r == row).unwrap_or(self.focus);
        let missing_after = self.missing().into_iter().map(|(index, _)| index).find(|&index| index > at);
        self.focus = missing_after.unwrap_or((at + 1).min(rows.len().saturating_sub(1)));
    }

    /// What is missing before the draft can be submitted, one sentence each.
    pub fn missing(&self) -> Vec<(usize, String)> {
        let rows = self.rows();
        let mut missing = Vec::new();
        let labels = self.position_labels();
        for (index, row) in rows.iter().enumerate() {
            let required = match row {
                Row::Preference | Row::Ranking => true,
                Row::Criterion { criterion, .. } => self.eval.rubric.criteria[*criterion].is_required(),
            };
            if required && !self.row_answered(row) {
                missing.push((
                    index,
                    match row {
                        Row::Preference => "Choose which output is better.".to_owned(),
                        Row::Ranking => "Rank the outputs from best to worst.".to_owned(),
                        Row::Criterion { criterion, position } => {
                            let label = self.eval.rubric.criteria[*criterion].display_label();
                            match position {
                                Some(p) if self.task().outputs.len() > 1 => {
                                    format!("Answer \"{label}\" for output {}.", labels[*p as usize])
                                }
                                _ => format!("Answer \"{label}\"."),
                            }
                        }
                    },
                ));
            }
        }
        missing
    }

    /// Labels of display positions: A, B for pairs, 1, 2, 3… for rankings, none for single.
    pub fn position_labels(&self) -> Vec<String> {
        let n = self.task().outputs.len();
        if n == 2 && self.eval.rubric.mode == Mode::Pairwise {
            vec!["A".into(), "B".into()]
        } else {
            (1..=n).map(|i| i.to_string()).collect()
        }
    }

    fn submit(&mut self, rows: &[Row], now_ms: i64) {
        let missing = self.missing();
        if let Some(&(first_row, _)) = missing.first() {
            self.focus = first_row.min(rows.len().saturating_sub(1));
            self.messages = missing.into_iter().map(|(_, m)| m).collect();
            return;
        }
        self.messages.clear();
        let judgment = self.build_judgment(now_ms);
        self.status = Status::Saving(Box::new(judgment));
    }

    /// The judgment the current draft makes (used by submit; public for previews and tests).
    pub fn build_judgment(&self, now_ms: i64) -> Judgment {
        let eval = &self.eval;
        let task = self.task();
        let shown = self.shown();
        let model_at = |position: u32| task.outputs[shown[position as usize] as usize].model.clone();
        let mut judgment = Judgment::new(task.id.clone(), eval.annotator.clone());
        judgment.group = eval.group.clone();
        judgment.shown = Some(shown.iter().map(|&i| task.outputs[i as usize].model.clone()).collect());
        if self.draft.both_bad {
            judgment.preference = Some(Preference { winner: BOTH_BAD.into(), strength: None, extra: Map::new() });
        } else if let Some(index) = self.draft.preference {
            let n = eval.rubric.preference.scale.len();
            let (winner, strength) = scale_point(index, n);
            let winner = match winner {
                Side::First => model_at(0),
                Side::Second => model_at(1),
                Side::Tie => TIE.to_owned(),
            };
            judgment.preference = Some(Preference { winner, strength, extra: Map::new() });
        }
        if eval.rubric.mode == Mode::Ranking && !self.draft.ranking.is_empty() {
            judgment.ranking = Some(self.draft.ranking.iter().map(|&p| model_at(p)).collect());
        }
        let mut scores = Map::new();
        for criterion in &eval.rubric.criteria {
            if criterion.per_output {
                let mut per_model = Map::new();
                // Keyed by model, in the item's file order (not the screen's).
                for (output_index, output) in task.outputs.iter().enumerate() {
                    let position = shown.iter().position(|&i| i as usize == output_index).expect("shown is a permutation") as u32;
                    if let Some(answer) = self.draft.answers.get(&(criterion.id.clone(), Some(position))).filter(|a| a.is_answered()) {
                        per_model.insert(output.model.clone(), answer.to_value(criterion.multi));
                    }
                }
                if !per_model.is_empty() {
                    scores.insert(criterion.id.clone(), Value::Object(per_model));
                }
            } else if let Some(answer) = self.draft.answers.get(&(criterion.id.clone(), None)).filter(|a| a.is_answered()) {
                scores.insert(criterion.id.clone(), answer.to_value(criterion.multi));
            }
        }
        if !scores.is_empty() {
            judgment.scores = Some(scores);
        }
        if !self.draft.flags.is_empty() {
            judgment.flags = Some(self.draft.flags.iter().cloned().collect());
        }
        let previous = self.judgments[self.current].as_ref();
        let this_visit_ms = (now_ms - self.shown_at_ms).max(0) as u64;
        judgment.started_at = Some(previous.and_then(|p| p.started_at.clone()).unwrap_or_else(|| rfc3339_from_unix_ms(self.shown_at_ms)));
        judgment.submitted_at = Some(rfc3339_from_unix_ms(now_ms));
        judgment.duration_ms = Some(previous.and_then(|p| p.duration_ms).unwrap_or(0) + this_visit_ms);
        judgment.task_sha256 = Some(eval.task_sha256.clone());
        judgment.rubric_sha256 = Some(eval.rubric_sha256.clone());
        judgment.app_version = Some(eval.app_version.clone());
        if judgment.preference.is_none() && judgment.ranking.is_none() && judgment.scores.is_none() && judgment.flags.is_none() {
            // A rubric with nothing required and nothing answered: record that it was seen.
            judgment.flags = Some(vec!["no_answer".to_owned()]);
        }
        judgment
    }

    /// Shows item `index` with its saved judgment (if any) loaded into the draft.
    fn show(&mut self, index: usize, now_ms: i64) {
        self.current = index;
        self.status = Status::Editing;
        self.revealed = false;
        self.messages.clear();
        self.shown_at_ms = now_ms;
        self.draft = match &self.judgments[index] {
            Some(judgment) => self.draft_from(judgment),
            None => Draft::default(),
        };
        self.focus = self.missing().first().map_or(0, |&(row, _)| row);
    }

    fn go_to_next_pending(&mut self, now_ms: i64) {
        match self.next_pending(self.current + 1) {
            Some(index) => self.show(index, now_ms),
            None => self.status = Status::Finished,
        }
    }

    /// The first item without a judgment at or after `from`, wrapping around.
    fn next_pending(&self, from: usize) -> Option<usize> {
        let n = self.eval.tasks.len();
        (from..n).chain(0..from.min(n)).find(|&i| self.judgments[i].is_none())
    }

    /// The draft that item `index`'s saved state gives (empty when not judged).
    fn saved_draft(&self, index: usize) -> Draft {
        match &self.judgments[index] {
            Some(judgment) if index == self.current => self.draft_from(judgment),
            _ => Draft::default(),
        }
    }

    /// Rebuilds a draft from a saved judgment of the current item, for editing.
    fn draft_from(&self, judgment: &Judgment) -> Draft {
        let task = self.task();
        let shown = self.shown();
        let position_of =
            |model: &str| -> Option<u32> { shown.iter().position(|&i| task.outputs[i as usize].model == model).map(|p| p as u32) };
        let mut draft = Draft::default();
        if let Some(preference) = &judgment.preference {
            let n = self.eval.rubric.preference.scale.len();
            match preference.winner.as_str() {
                BOTH_BAD => draft.both_bad = true,
                TIE => draft.preference = index_for(Side::Tie, None, n),
                model => {
                    let side = if position_of(model) == Some(0) { Side::First } else { Side::Second };
                    draft.preference = index_for(side, preference.strength, n);
                }
            }
        }
        if let Some(ranking) = &judgment.ranking {
            draft.ranking = ranking.iter().filter_map(|m| position_of(m)).collect();
        }
        for (id, value) in judgment.scores.iter().flatten() {
            let Some(criterion) = self.eval.rubric.criterion(id) else { continue };
            if criterion.per_output {
                for (model, value) in value.as_object().into_iter().flatten() {
                    if let (Some(position), Some(answer)) = (position_of(model), Answer::from_value(value)) {
                        draft.answers.insert((id.clone(), Some(position)), answer);
                    }
                }
            } else if let Some(answer) = Answer::from_value(value) {
                let answer = match (criterion.kind, answer) {
                    (CriterionKind::Choice, Answer::Text(option)) => Answer::Options(vec![option]),
                    (_, answer) => answer,
                };
                draft.answers.insert((id.clone(), None), answer);
            }
        }
        draft.flags = judgment.flags.iter().flatten().filter(|f| *f != "no_answer").cloned().collect();
        draft
    }
}

impl Action {
    /// `y`/`n` only mean something on a binary row.
    fn binary_only(self, session: &Session) -> Option<Action> {
        let rows = session.rows();
        match rows.get(session.focus) {
            Some(Row::Criterion { criterion, .. }) if session.eval.rubric.criteria[*criterion].kind == CriterionKind::Binary => Some(self),
            _ => None,
        }
    }
}

/// A side of a pairwise preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    First,
    Second,
    Tie,
}

/// Maps a scale index to (winner side, strength). With an odd scale the middle is a tie;
/// strength counts from the middle outwards: ["A much better","A better","Tie",…] → A/2, A/1, tie.
fn scale_point(index: usize, n: usize) -> (Side, Option<u32>) {
    let half = n / 2;
    if n % 2 == 1 && index == half {
        return (Side::Tie, None);
    }
    if index < half {
        (Side::First, Some((half - index) as u32))
    } else {
        let from_middle = if n % 2 == 1 { index - half } else { index - half + 1 };
        (Side::Second, Some(from_middle as u32))
    }
}

/// Inverse of [`scale_point`]; `None` when the scale has no such point.
fn index_for(side: Side, strength: Option<u32>, n: usize) -> Option<usize> {
    (0..n).find(|&index| {
        let (s, k) = scale_point(index, n);
        s == side && (side == Side::Tie || k == strength.or(Some(1)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::load_rubric;
    use crate::task::load_tasks;

    const T0: i64 = 1_795_600_800_000; // 2026-11-25T10:00:00Z

    fn mtbench(annotator: &str) -> Arc<Evaluation> {
        let tasks = std::fs::read_to_string("../../www/demo/mtbench-pairs/tasks.jsonl").unwrap();
        let rubric = std::fs::read_to_string("../../www/demo/mtbench-pairs/rubric.json").unwrap();
        let tasks: Arc<[Task]> = load_tasks("tasks.jsonl", &tasks).records.into();
        let rubric = Arc::new(load_rubric("rubric.json", &rubric).unwrap());
        Arc::new(Evaluation::new(tasks, rubric, annotator, "tsha", "rsha"))
    }

    fn press(session: &mut Session, keys: &[&str], now_ms: i64) {
        for key in keys {
            let action = session.action_for_key(key, now_ms).unwrap_or_else(|| panic!("key {key} does nothing"));
            session.apply(action);
        }
    }

    fn saved(session: &mut Session, now_ms: i64) -> Judgment {
        let Status::Saving(judgment) = session.status.clone() else { panic!("not saving: {:?}", session.messages) };
        assert!(session.apply(Action::Saved { now_ms }));
        *judgment
    }

    #[test]
    fn a_whole_pairwise_item_by_keyboard_builds_the_expected_judgment() {
        let mut session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        assert_eq!(session.rows().len(), 1 + 2 + 2 + 1 + 1);
        let shown: Vec<String> = session.shown().iter().map(|&i| session.task().outputs[i as usize].model.clone()).collect();
        // B better; correct A yes, B no; helpfulness A 4, B 3; main problem "none"; submit.
        press(&mut session, &["4", "y", "n", "4", "3", "1", "Enter"], T0 + 41_000);
        let judgment = saved(&mut session, T0 + 41_500);
        assert_eq!(judgment.item_id, "mtbench-101-t1");
        assert_eq!(judgment.shown.as_ref().unwrap(), &shown);
        let preference = judgment.preference.as_ref().unwrap();
        assert_eq!((preference.winner.as_str(), preference.strength), (shown[1].as_str(), Some(1)));
        let scores = judgment.scores.as_ref().unwrap();
        assert_eq!(scores["correct"][&shown[0]], Value::Bool(true));
        assert_eq!(scores["correct"][&shown[1]], Value::Bool(false));
        assert_eq!(scores["helpfulness"][&shown[0]], Value::from(4));
        assert_eq!(scores["issue"], Value::from("none"));
        assert!(!scores.contains_key("rationale"));
        // Per-output scores are keyed in the item's file order, whatever the screen order.
        let keys: Vec<&String> = scores["correct"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["gpt-4", "gpt-4-0125-preview"]);
        assert_eq!(judgment.started_at.as_deref(), Some("2026-11-25T10:00:00Z"));
        assert_eq!(judgment.submitted_at.as_deref(), Some("2026-11-25T10:00:41Z"));
        assert_eq!(judgment.duration_ms, Some(41_000));
        assert_eq!(judgment.task_sha256.as_deref(), Some("tsha"));
        assert_eq!(session.current, 1, "moves on only after Saved");
        assert_eq!(session.n_done(), 1);
    }

    #[test]
    fn submit_names_what_is_missing_and_focuses_it() {
        let mut session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        press(&mut session, &["2", "Enter"], T0);
        assert_eq!(session.status, Status::Editing);
        assert_eq!(session.focus, 1);
        assert_eq!(session.messages[0], "Answer \"Correct\" for output A.");
        assert_eq!(session.messages.len(), 5);
    }

    #[test]
    fn keys_do_nothing_while_saving_and_failures_keep_the_draft() {
        let mut session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        press(&mut session, &["1", "y", "y", "5", "5", "1", "Enter"], T0);
        assert!(session.action_for_key("ArrowRight", T0).is_none());
        assert!(!session.apply(Action::Next { now_ms: T0 }));
        assert!(session.apply(Action::SaveFailed { message: "QuotaExceededError".into() }));
        assert_eq!(session.status, Status::Editing);
        assert!(session.messages[0].contains("export your judgments"));
        assert_eq!(session.draft.preference, Some(0));
    }

    #[test]
    fn revisiting_restores_the_draft_and_an_edit_replaces_the_judgment() {
        let mut session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        press(&mut session, &["1", "y", "n", "5", "2", "2", "Enter"], T0 + 10_000);
        let first = saved(&mut session, T0 + 10_000);
        press(&mut session, &["ArrowLeft"], T0 + 20_000);
        assert_eq!(session.current, 0);
        assert_eq!(session.draft.preference, Some(0));
        assert_eq!(session.missing(), vec![]);
        assert_eq!(session.build_judgment(T0 + 10_000).scores, first.scores);
        press(&mut session, &["3", "Enter"], T0 + 25_000); // now a tie
        let edited = saved(&mut session, T0 + 25_000);
        assert_eq!(edited.preference.as_ref().unwrap().winner, "tie");
        assert_eq!(edited.started_at, first.started_at);
        assert_eq!(edited.submitted_at.as_deref(), Some("2026-11-25T10:00:25Z"));
        assert_eq!(edited.duration_ms, Some(15_000));
        assert_eq!(session.n_done(), 1);
        assert_eq!(session.current, 1, "goes on to the first pending item");
    }

    #[test]
    fn restores_saved_judgments_and_resumes_at_the_first_pending_item() {
        let eval = mtbench("ann-1");
        let mut session = Session::new(eval.clone(), Vec::new(), None, T0);
        let mut saved_judgments = Vec::new();
        for _ in 0..3 {
            press(&mut session, &["2", "y", "y", "4", "4", "1", "Enter"], T0);
            saved_judgments.push(saved(&mut session, T0));
        }
        let mut other = saved_judgments[0].clone();
        other.annotator = "someone-else".into();
        saved_judgments.push(other);
        let resumed = Session::new(eval.clone(), saved_judgments.clone(), None, T0);
        assert_eq!((resumed.n_done(), resumed.current), (3, 3));
        let at_position = Session::new(eval, saved_judgments, Some(1), T0);
        assert_eq!(at_position.current, 1);
        assert_eq!(at_position.draft.preference, Some(1));
    }

    #[test]
    fn ranking_mode_by_digits_with_the_last_output_filled_in() {
        let tasks = load_tasks(
            "t.jsonl",
            r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"},{"model":"c","content":"3"}]}"#,
        );
        let rubric = Rubric { mode: Mode::Ranking, randomize_order: false, ..Rubric::default() };
        let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(rubric), "ann", "t", "r"));
        let mut session = Session::new(eval, Vec::new(), None, T0);
        assert_eq!(session.rows(), vec![Row::Ranking]);
        press(&mut session, &["3"], T0);
        assert_eq!(session.draft.ranking, [2]);
        press(&mut session, &["Backspace", "2", "3"], T0);
        assert_eq!(session.draft.ranking, [1, 2, 0]);
        press(&mut session, &["Backspace"], T0);
        assert_eq!(session.draft.ranking, [1]);
        press(&mut session, &["1", "Enter"], T0);
        let judgment = saved(&mut session, T0);
        assert_eq!(judgment.ranking.unwrap(), ["b", "a", "c"]);
        assert!(judgment.preference.is_none());
        assert_eq!(session.status, Status::Finished);
    }

    #[test]
    fn prev_from_the_finished_screen_shows_the_last_item() {
        let tasks = load_tasks(
            "t.jsonl",
            r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"}]}
{"id":"q2","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"}]}"#,
        );
        let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(Rubric::default()), "ann", "t", "r"));
        let mut session = Session::new(eval, Vec::new(), None, T0);
        press(&mut session, &["1", "Enter"], T0);
        saved(&mut session, T0);
        press(&mut session, &["3", "Enter"], T0);
        saved(&mut session, T0);
        assert_eq!(session.status, Status::Finished);
        press(&mut session, &["ArrowLeft"], T0);
        assert_eq!((session.current, &session.status), (1, &Status::Editing));
        assert_eq!(session.draft.preference, Some(2));
    }

    #[test]
    fn judgments_saved_in_another_tab_are_taken_in() {
        let eval = mtbench("ann-1");
        let mut other_tab = Session::new(eval.clone(), Vec::new(), None, T0);
        let mut this_tab = Session::new(eval, Vec::new(), None, T0);
        press(&mut other_tab, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
        let judgment = saved(&mut other_tab, T0);
        assert!(this_tab.apply(Action::SavedElsewhere(Box::new(judgment.clone()))));
        assert_eq!(this_tab.n_done(), 1);
        assert_eq!(this_tab.draft.preference, Some(0), "the untouched draft of the shown item follows the saved judgment");
        assert!(!this_tab.apply(Action::SavedElsewhere(Box::new(judgment.clone()))), "the same judgment twice changes nothing");
        let mut someone_else = judgment;
        someone_else.annotator = "ann-2".into();
        assert!(!this_tab.apply(Action::SavedElsewhere(Box::new(someone_else))));
    }

    #[test]
    fn editing_walks_rows_in_order_instead_of_jumping_to_optional_text() {
        let mut session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        press(&mut session, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
        saved(&mut session, T0);
        press(&mut session, &["ArrowLeft"], T0);
        assert_eq!(session.focus, 0);
        press(&mut session, &["2"], T0);
        assert_eq!(session.focus, 1);
    }

    #[test]
    fn scale_points_map_to_winner_and_strength_and_back() {
        assert_eq!(scale_point(0, 5), (Side::First, Some(2)));
        assert_eq!(scale_point(1, 5), (Side::First, Some(1)));
        assert_eq!(scale_point(2, 5), (Side::Tie, None));
        assert_eq!(scale_point(4, 5), (Side::Second, Some(2)));
        assert_eq!(scale_point(0, 2), (Side::First, Some(1)));
        assert_eq!(scale_point(1, 2), (Side::Second, Some(1)));
        for n in 2..=9 {
            for index in 0..n {
                let (side, strength) = scale_point(index, n);
                assert_eq!(index_for(side, strength, n), Some(index), "n={n} index={index}");
            }
        }
    }

    #[test]
    fn sensitive_items_are_blurred_until_revealed() {
        let tasks = load_tasks("t.jsonl", r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"}],"meta":{"sensitive":true}}"#);
        let rubric = Rubric { mode: Mode::Single, criteria: vec![], ..Rubric::default() };
        let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(rubric), "ann", "t", "r"));
        let mut session = Session::new(eval, Vec::new(), None, T0);
        assert!(session.is_blurred());
        press(&mut session, &["r"], T0);
        assert!(!session.is_blurred());
    }

    #[test]
    fn break_reminder_after_the_rubric_minutes() {
        let session = Session::new(mtbench("ann-1"), Vec::new(), None, T0);
        assert!(!session.break_due(T0 + 49 * 60_000));
        assert!(session.break_due(T0 + 50 * 60_000));
    }
}
