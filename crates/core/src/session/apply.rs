//! The reducer: [`Session::apply`] and the moves it is made of (answering, focus, navigation).

use std::sync::Arc;

use super::{Action, Answer, AnswerKey, Criterion, CriterionKind, Draft, Mode, Row, Session, Status};

impl Session {
    /// Applies an action, returning whether anything changed (for skipping re-renders).
    pub fn apply(&mut self, action: Action) -> bool {
        let saving = matches!(self.status, Status::Saving(_));
        // While a judgment is being written only its outcome, other tabs' saves and arriving items are heard.
        if saving
            && !matches!(
                action,
                Action::Saved { .. } | Action::SaveFailed { .. } | Action::SavedElsewhere(_) | Action::Grow(_) | Action::ItemTexts { .. }
            )
        {
            return false;
        }
        if let Some(now_ms) = action.now_ms() {
            self.touch(now_ms);
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
                // Only a screen with a preference or ranking row can say "both bad".
                if !rows.iter().any(|r| matches!(r, Row::Preference | Row::Ranking)) {
                    return false;
                }
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
                if self.drafts.contains_key(&current) {
                    Arc::make_mut(&mut self.drafts).remove(&current);
                }
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
                self.stash_draft();
                if index >= self.eval.tasks.len() || (index == self.current && self.status == Status::Editing) {
                    return false;
                }
                self.show(index, now_ms);
            }
            Action::Next { now_ms } => {
                self.stash_draft();
                if matches!(self.status, Status::Feedback | Status::Finished) {
                    self.go_to_next_pending(now_ms);
                } else if self.current + 1 < self.eval.tasks.len() {
                    self.show(self.current + 1, now_ms);
                } else {
                    return false;
                }
            }
            Action::Prev { now_ms } => {
                self.stash_draft();
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
                self.stash_draft();
                let after = (self.current + 1..self.eval.tasks.len()).chain(0..self.current).find(|&i| self.judgments[i].is_none());
                match after {
                    Some(index) => self.show(index, now_ms),
                    None => return false,
                }
            }
            Action::TakeBreak { now_ms } => self.working_since_ms = now_ms,
            Action::Activity { .. } => {}
            Action::Grow(growth) => return self.grow(*growth),
            Action::ItemTexts { index, task } => {
                if self.eval.tasks.get(index).is_none_or(|stub| stub.id != task.id) {
                    return false;
                }
                self.full = Some((index, task));
            }
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
        // Conditions may have added or hidden rows after `row` (never before it: they look back).
        let n_rows = self.rows().len();
        self.focus = missing_after.unwrap_or((at + 1).min(rows.len().saturating_sub(1))).min(n_rows.saturating_sub(1));
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
        // A flagged item may be submitted unfinished: the flag is the answer that matters.
        if let Some(&(first_row, _)) = missing.first().filter(|_| self.draft.flags.is_empty()) {
            self.focus = first_row.min(rows.len().saturating_sub(1));
            self.messages = missing.into_iter().map(|(_, m)| m).collect();
            return;
        }
        self.messages.clear();
        let judgment = self.build_judgment(now_ms);
        self.status = Status::Saving(Box::new(judgment));
    }

    /// Shows item `index` with its saved judgment (if any) loaded into the draft.
    pub(super) fn show(&mut self, index: usize, now_ms: i64) {
        self.current = index;
        self.status = Status::Editing;
        self.revealed = false;
        self.messages.clear();
        self.shown_at_ms = now_ms;
        self.last_activity_ms = now_ms;
        self.active_ms = 0;
        self.draft = match (self.kept_draft(index), &self.judgments[index]) {
            (Some(kept), _) => kept,
            (None, Some(judgment)) => self.draft_from(judgment),
            (None, None) => Draft::default(),
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
    pub(super) fn next_pending(&self, from: usize) -> Option<usize> {
        let n = self.eval.tasks.len();
        (from..n).chain(0..from.min(n)).find(|&i| self.judgments[i].is_none())
    }
}

impl Action {
    /// The time an action carries, if any (each is a sign of the rater's activity).
    fn now_ms(&self) -> Option<i64> {
        match self {
            Action::Submit { now_ms }
            | Action::GoTo { now_ms, .. }
            | Action::Next { now_ms }
            | Action::Prev { now_ms }
            | Action::Skip { now_ms }
            | Action::TakeBreak { now_ms }
            | Action::Activity { now_ms } => Some(*now_ms),
            _ => None,
        }
    }
}
