//! The keymap: which key does what, for the keyboard handler and the help overlay.

use super::{Action, Mode, Row, Session, Status, HARMFUL_FLAG};
use crate::rubric::CriterionKind;

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
    KeyHelp { keys: "f", action: "Flag harmful content (a flagged item may be submitted unfinished)" },
    KeyHelp { keys: "r", action: "Reveal blurred sensitive content" },
    KeyHelp { keys: "?", action: "Show or hide this help" },
    KeyHelp { keys: "Esc", action: "Leave a text field; close this help" },
    KeyHelp { keys: "h", action: "Show or hide each criterion's help" },
    KeyHelp { keys: "b", action: "Take a break now" },
];

impl Session {
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
