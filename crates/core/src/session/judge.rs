//! Judgments from drafts and drafts from judgments: what a submit saves and what an edit shows.

use serde_json::{Map, Value};

use super::{Answer, CriterionKind, Draft, Row, Session};
use crate::judgment::{Judgment, Preference, BOTH_BAD, TIE};
use crate::time::rfc3339_from_unix_ms;

impl Session {
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
        // Every screen with a ranking row saves the ranking: ranking mode, and pairwise over 3+ outputs.
        // A partial ranking (a flagged item submitted unfinished) is not saved.
        if self.rows().contains(&Row::Ranking) && !self.draft.both_bad && !self.draft.ranking.is_empty() && self.row_answered(&Row::Ranking)
        {
            judgment.ranking = Some(self.draft.ranking.iter().map(|&p| model_at(p)).collect());
        }
        let mut scores = Map::new();
        for (criterion_index, criterion) in eval.rubric.criteria.iter().enumerate() {
            if criterion.per_output {
                let mut per_model = Map::new();
                // Keyed by model, in the item's file order (not the screen's).
                for (output_index, output) in task.outputs.iter().enumerate() {
                    let position = shown.iter().position(|&i| i as usize == output_index).expect("shown is a permutation") as u32;
                    // Only criteria shown are saved: an answer hidden by its condition is not.
                    if !self.criterion_shown(criterion_index, Some(position)) {
                        continue;
                    }
                    if let Some(answer) = self.draft.answers.get(&(criterion.id.clone(), Some(position))).filter(|a| a.is_answered()) {
                        per_model.insert(output.model.clone(), answer.to_value(criterion.multi));
                    }
                }
                if !per_model.is_empty() {
                    scores.insert(criterion.id.clone(), Value::Object(per_model));
                }
            } else if let Some(answer) = self
                .draft
                .answers
                .get(&(criterion.id.clone(), None))
                .filter(|a| a.is_answered() && self.criterion_shown(criterion_index, None))
            {
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
        // Active time only: idle stretches past `idle_after_seconds` do not count.
        let this_visit_ms = self.active_ms_at(now_ms);
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

    /// The draft that item `index`'s saved state gives (empty when not judged).
    pub(super) fn saved_draft(&self, index: usize) -> Draft {
        match &self.judgments[index] {
            Some(judgment) if index == self.current => self.draft_from(judgment),
            _ => Draft::default(),
        }
    }

    /// Rebuilds a draft from a saved judgment of the current item, for editing.
    pub(super) fn draft_from(&self, judgment: &Judgment) -> Draft {
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

/// A side of a pairwise preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    First,
    Second,
    Tie,
}

/// Maps a scale index to (winner side, strength). With an odd scale the middle is a tie;
/// strength counts from the middle outwards: ["A much better","A better","Tie",…] → A/2, A/1, tie.
pub(super) fn scale_point(index: usize, n: usize) -> (Side, Option<u32>) {
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
pub(super) fn index_for(side: Side, strength: Option<u32>, n: usize) -> Option<usize> {
    (0..n).find(|&index| {
        let (s, k) = scale_point(index, n);
        s == side && (side == Side::Tie || k == strength.or(Some(1)))
    })
}
