//! Task items as data (`verdict/task@1`, `verdict/task@2`): what one item to rate holds. Parsing and loading task
//! files is in [`crate::task`] (Verdict's own rows) and [`crate::import`] (other formats).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::content::Content;

/// One turn of a multi-turn conversation shown above the outputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// `user`, `assistant`, `system`, …
    pub role: String,
    /// The turn's content: Markdown text, or parts (task@2).
    pub content: Content,
}

/// One model's output for an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// The model's identity; unique within the item. Judgments refer to outputs by it.
    pub model: String,
    /// The output's content: Markdown text, or parts (task@2); untrusted.
    pub content: Content,
    /// Fields this version does not know, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The hidden gold answer of an item (calibration and accuracy).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// The model that should win, or `tie` / `both_bad`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preference: Option<String>,
    /// Expected criterion values, keyed like judgment scores.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub scores: Map<String, Value>,
    /// Fields this version does not know, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One item to rate: a prompt (or conversation) and the outputs to compare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Unique id of the item within its file.
    pub id: String,
    /// The prompt shown above the outputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// A multi-turn conversation shown above the outputs (instead of, or after, `prompt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Vec<Turn>>,
    /// The outputs to rate; model ids are unique.
    pub outputs: Vec<Output>,
    /// Free-form metadata (language, policy, `sensitive`), shown on demand.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// Optional hidden gold answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold: Option<Gold>,
    /// Fields this version does not know, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Task {
    /// True when the item is marked sensitive in its metadata (`meta.sensitive: true`).
    pub fn is_sensitive(&self) -> bool {
        self.meta.get("sensitive").and_then(Value::as_bool).unwrap_or(false)
    }

    /// The output of `model`, if the item has one.
    pub fn output(&self, model: &str) -> Option<&Output> {
        self.outputs.iter().find(|o| o.model == model)
    }
}
