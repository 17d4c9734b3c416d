//! Gold feedback in calibration mode, told by screen position so blinding holds.
//!
//! Saying "gold prefers gpt-4" would tell the rater which output was which model, and every
//! later item would no longer be blind. The feedback names outputs as the rater saw them
//! (A/B, 1/2/3), never by model.

use super::Session;
use crate::judgment::{BOTH_BAD, TIE};

/// The gold preference, by screen position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoldWinner {
    /// The output shown with this label (`A`, `B`, `1`, …).
    Output(String),
    /// A tie.
    Tie,
    /// Both outputs bad.
    BothBad,
}

/// One line of gold feedback: a criterion's expected answer, for one output when per-output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldFeedbackLine {
    /// The criterion's label.
    pub criterion: String,
    /// The output's screen label, for per-output criteria.
    pub output: Option<String>,
    /// The expected value, as JSON text.
    pub value: String,
}

impl Session {
    /// The current item's gold answer by screen position: the winner (if gold has one) and the
    /// expected criterion answers. Models are never named.
    pub fn gold_feedback(&self) -> Option<(Option<GoldWinner>, Vec<GoldFeedbackLine>)> {
        let task = self.task();
        let gold = task.gold.as_ref()?;
        let shown = self.shown();
        let labels = self.position_labels();
        let label_of = |model: &str| -> Option<String> {
            shown.iter().position(|&i| task.outputs[i as usize].model == model).map(|position| labels[position].clone())
        };
        let winner = gold.preference.as_deref().and_then(|winner| match winner {
            TIE => Some(GoldWinner::Tie),
            BOTH_BAD => Some(GoldWinner::BothBad),
            model => label_of(model).map(GoldWinner::Output),
        });
        let mut lines = Vec::new();
        for (id, value) in &gold.scores {
            let criterion = self.eval.rubric.criterion(id).map_or(id.as_str(), |c| c.display_label()).to_owned();
            match (self.eval.rubric.criterion(id).is_some_and(|c| c.per_output), value.as_object()) {
                (true, Some(per_model)) => {
                    // In screen order, labelled by position (walking the screen: no sort in the bundle).
                    let by_position = shown.iter().zip(labels.iter()).filter_map(|(&i, label)| {
                        per_model.get(task.outputs[i as usize].model.as_str()).map(|v| (label.clone(), v.to_string()))
                    });
                    lines.extend(by_position.map(|(label, value)| GoldFeedbackLine {
                        criterion: criterion.clone(),
                        output: Some(label),
                        value,
                    }));
                }
                _ => lines.push(GoldFeedbackLine { criterion, output: None, value: value.to_string() }),
            }
        }
        Some((winner, lines))
    }
}
