//! Drafts kept in the browser between visits: what the rater answered but did not submit.
//!
//! A [`StoredDraft`] names the item and the models in the order the rater saw them, so a draft
//! is only restored onto the same screen order it was made on. The JSON form is private to the
//! app's store (it is not an exchange format), but it is versioned by its fields all the same:
//! anything unreadable is dropped rather than guessed at.

use serde_json::{json, Value};

use super::{Answer, Draft, Session, Status};

/// An unsubmitted draft of one item.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDraft {
    /// The item's id.
    pub item_id: String,
    /// The item's models in display order, as the rater saw them.
    pub shown: Vec<String>,
    /// The answers (display positions refer to `shown`).
    pub draft: Draft,
}

impl StoredDraft {
    /// The draft as one JSON text.
    pub fn to_json(&self) -> String {
        let draft = &self.draft;
        let answers: Vec<Value> =
            draft.answers.iter().map(|((id, position), answer)| json!([id, position, answer.to_value(true)])).collect();
        json!({
            "item_id": self.item_id,
            "shown": self.shown,
            "preference": draft.preference,
            "both_bad": draft.both_bad,
            "ranking": draft.ranking,
            "answers": answers,
            "flags": draft.flags,
        })
        .to_string()
    }

    /// Reads [`StoredDraft::to_json`]'s text; `None` when it is not such a text.
    pub fn from_json(text: &str) -> Option<StoredDraft> {
        let value: Value = serde_json::from_str(text).ok()?;
        let strings = |v: &Value| -> Option<Vec<String>> { v.as_array()?.iter().map(|s| s.as_str().map(str::to_owned)).collect() };
        let mut draft = Draft {
            preference: match &value["preference"] {
                Value::Null => None,
                n => Some(usize::try_from(n.as_u64()?).ok()?),
            },
            both_bad: value["both_bad"].as_bool()?,
            ranking: value["ranking"].as_array()?.iter().map(|p| p.as_u64().and_then(|p| u32::try_from(p).ok())).collect::<Option<_>>()?,
            flags: strings(&value["flags"])?.into_iter().collect(),
            ..Draft::default()
        };
        for entry in value["answers"].as_array()? {
            let id = entry.get(0)?.as_str()?.to_owned();
            let position = match entry.get(1)? {
                Value::Null => None,
                p => Some(u32::try_from(p.as_u64()?).ok()?),
            };
            draft.answers.insert((id, position), Answer::from_value(entry.get(2)?)?);
        }
        Some(StoredDraft { item_id: value["item_id"].as_str()?.to_owned(), shown: strings(&value["shown"])?, draft })
    }
}

impl Session {
    /// The current item's unsubmitted answers, for the app to keep in the browser; `None` when the
    /// draft holds nothing beyond what is saved (the app then forgets any stored draft of the item).
    pub fn stored_draft(&self) -> Option<StoredDraft> {
        if self.status != Status::Editing || self.draft == self.saved_draft(self.current) {
            return None;
        }
        Some(StoredDraft { item_id: self.task().id.clone(), shown: self.shown_models(), draft: self.draft.clone() })
    }

    /// The models of the current item in display order.
    pub fn shown_models(&self) -> Vec<String> {
        let task = self.task();
        self.shown().iter().map(|&i| task.outputs[i as usize].model.clone()).collect()
    }

    /// Keeps the current draft for a later visit before another item is shown.
    pub(super) fn stash_draft(&mut self) {
        let current = self.current;
        match self.stored_draft() {
            Some(stored) => {
                std::sync::Arc::make_mut(&mut self.drafts).insert(current, stored);
            }
            None if self.status == Status::Editing && self.drafts.contains_key(&current) => {
                std::sync::Arc::make_mut(&mut self.drafts).remove(&current);
            }
            None => {}
        }
    }

    /// The draft kept for item `index` (the current one), if it was made on the same screen order.
    pub(super) fn kept_draft(&self, index: usize) -> Option<Draft> {
        let kept = self.drafts.get(&index)?;
        (kept.shown == self.shown_models()).then(|| kept.draft.clone())
    }
}
