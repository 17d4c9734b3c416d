//! The iframe protocol (`verdict-embed@1`) and the page configuration, as pure data.
//!
//! The app listens for `message` events and answers through `postMessage`; everything that
//! decides *what* a message means, and whether it is acceptable, lives here so it is tested
//! natively. See `docs/EMBED.md` for the protocol as a host sees it.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::judgment::Judgment;

/// Protocol tag carried by every message, both ways.
pub const PROTOCOL: &str = "verdict-embed@1";

/// Configuration of a hosted Verdict page: `verdict.config.json` beside `index.html`,
/// overridden field by field by URL parameters (except `allowed_origins`, see below).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageConfig {
    /// Task file URL (relative to the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<String>,
    /// Rubric URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    /// Annotator id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// Annotator group (site, vendor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Origins (`https://portal.example`) allowed to drive an embedded Verdict by postMessage.
    /// Only the config file can set this: a URL parameter could be forged by any embedding page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_origins: Vec<String>,
    /// Optional collection endpoint: each judgment is POSTed there as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_url: Option<String>,
    /// Lock the page to the evaluation it is given (by this file or the host's `load`): no
    /// "Switch evaluation", no file picker. Only the config file can set it, like the origins.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lock: bool,
    /// Interface language (BCP 47, e.g. `ar`, `pt-BR`) when the rater has not chosen one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Origins (`https://cdn.example`) that task@2 images, audio and video may come from, besides
    /// the page's own host and `data:` URIs. The page's CSP `img-src`/`media-src` must list the
    /// same (`content::media::csp_media_sources`). Only the config file can set this.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_origins: Vec<String>,
}

impl PageConfig {
    /// Parses `verdict.config.json`, naming the first problem (`field: what is wrong`).
    pub fn from_json(text: &str) -> Result<PageConfig, String> {
        let config: PageConfig = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
            .map_err(|e| format!("line {}: {}", e.line(), crate::problem::error_without_position(&e)))?;
        for origin in &config.allowed_origins {
            if !is_origin(origin) {
                return Err(format!(
                    "allowed_origins: \"{origin}\" is not an origin (scheme://host[:port], no path; \"*\" is not allowed)"
                ));
            }
        }
        if let Some(origin) = config.media_origins.iter().find(|origin| !crate::content::media::is_media_origin(origin)) {
            return Err(format!("media_origins: \"{origin}\" is not an https origin (https://host[:port], no path)"));
        }
        if let Some(url) = &config.submit_url {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://") || lower.starts_with("http://") || url.starts_with('/')) {
                return Err(format!("submit_url: \"{url}\" must be an http(s) URL or a path on this host"));
            }
        }
        Ok(config)
    }

    /// Whether messages from `origin` may be heard and answered.
    pub fn allows(&self, origin: &str) -> bool {
        self.allowed_origins.iter().any(|allowed| allowed == origin)
    }
}

/// `scheme://host[:port]` with an http(s) scheme and nothing after the authority.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else { return false };
    matches!(scheme, "http" | "https") && !rest.is_empty() && !rest.contains(['/', '?', '#', '*', ' '])
}

/// A message from the embedding page.
#[derive(Clone, Debug, PartialEq)]
pub enum ParentMessage {
    /// Start (or resume) an evaluation with these files' contents.
    Load {
        /// Task file text (JSONL or JSON array); the parent may also send an array of tasks.
        tasks: String,
        /// Name to report problems under.
        tasks_name: String,
        /// Rubric JSON text (empty: the default pairwise rubric).
        rubric: String,
        /// Who rates.
        annotator: String,
        /// Lock the page to this evaluation (no switching, no file picker) from now on.
        lock: bool,
        /// Request id echoed in the answer, if given.
        id: Option<Value>,
    },
    /// Send back every judgment as JSONL.
    Export {
        /// Request id echoed in the answer.
        id: Option<Value>,
    },
}

/// Validates a message from the parent. `Err` carries the text of the `error` answer.
pub fn parse_parent_message(data: &Value) -> Result<ParentMessage, String> {
    let Value::Object(object) = data else {
        return Err(format!("a message must be an object, found {}", json_type_name(data)));
    };
    match object.get("protocol") {
        Some(Value::String(p)) if p == PROTOCOL => {}
        Some(other) => return Err(format!("protocol: expected \"{PROTOCOL}\", found {other}")),
        None => return Err(format!("protocol: missing (expected \"{PROTOCOL}\")")),
    }
    let id = object.get("id").cloned();
    match object.get("type").and_then(Value::as_str) {
        Some("load") => {
            let tasks = match object.get("tasks") {
                Some(Value::String(text)) => text.clone(),
                Some(Value::Array(items)) => items.iter().map(|item| item.to_string() + "\n").collect(),
                Some(other) => return Err(format!("tasks: expected JSONL text or an array of tasks, found {}", json_type_name(other))),
                None => return Err("tasks: missing".into()),
            };
            let rubric = match object.get("rubric") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(text)) => text.clone(),
                Some(value @ Value::Object(_)) => value.to_string(),
                Some(other) => return Err(format!("rubric: expected an object or JSON text, found {}", json_type_name(other))),
            };
            let annotator = match object.get("annotator") {
                Some(Value::String(a)) if !a.trim().is_empty() => a.trim().to_owned(),
                Some(Value::String(_)) | None => return Err("annotator: missing or empty".into()),
                Some(other) => return Err(format!("annotator: expected a string, found {}", json_type_name(other))),
            };
            let tasks_name = object.get("tasks_name").and_then(Value::as_str).unwrap_or("tasks from the host page").to_owned();
            let lock = match object.get("lock") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(lock)) => *lock,
                Some(other) => return Err(format!("lock: expected true or false, found {}", json_type_name(other))),
            };
            Ok(ParentMessage::Load { tasks, tasks_name, rubric, annotator, lock, id })
        }
        Some("export") => Ok(ParentMessage::Export { id }),
        Some(other) => Err(format!("type: unknown message type \"{other}\" (expected \"load\" or \"export\")")),
        None => Err("type: missing".into()),
    }
}

/// A message to the embedding page.
#[derive(Clone, Debug, PartialEq)]
pub enum ChildMessage {
    /// Verdict is listening.
    Ready,
    /// An evaluation was opened, or a judgment was saved.
    Progress {
        /// Items judged.
        done: usize,
        /// Items in the evaluation.
        total: usize,
    },
    /// A judgment was saved (sent after it is durable in the browser).
    Judgment(Box<Judgment>),
    /// Every item has a judgment.
    Complete {
        /// Items judged.
        done: usize,
    },
    /// Answer to `export`.
    Export {
        /// Every judgment, chained JSONL.
        jsonl: String,
        /// The request id.
        id: Option<Value>,
    },
    /// A message was refused, or loading failed.
    Error {
        /// What was wrong.
        message: String,
        /// The request id, if the message had one.
        id: Option<Value>,
    },
}

impl ChildMessage {
    /// The message as the JSON object posted to the parent.
    pub fn to_value(&self) -> Value {
        let mut object = Map::new();
        object.insert("protocol".into(), PROTOCOL.into());
        let (kind, fields) = match self {
            ChildMessage::Ready => ("ready", json!({"version": env!("CARGO_PKG_VERSION")})),
            ChildMessage::Progress { done, total } => ("progress", json!({"done": done, "total": total})),
            ChildMessage::Judgment(judgment) => ("judgment", json!({"judgment": judgment})),
            ChildMessage::Complete { done } => ("complete", json!({"done": done})),
            ChildMessage::Export { jsonl, id } => ("export", json!({"jsonl": jsonl, "id": id})),
            ChildMessage::Error { message, id } => ("error", json!({"message": message, "id": id})),
        };
        object.insert("type".into(), kind.into());
        if let Value::Object(fields) = fields {
            object.extend(fields.into_iter().filter(|(_, v)| !v.is_null()));
        }
        Value::Object(object)
    }
}

/// A JSON value's type in the words a host page's developer reads (the embed protocol's
/// messages are for developers, in English: docs/EMBEDDING.md).
fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_accepts_origins_and_rejects_wildcards_and_paths() {
        let config =
            PageConfig::from_json(r#"{"allowed_origins":["https://portal.example","http://127.0.0.1:8081"],"tasks":"t.jsonl"}"#).unwrap();
        assert!(config.allows("https://portal.example"));
        assert!(config.allows("http://127.0.0.1:8081"));
        assert!(!config.allows("https://portal.example.evil"));
        assert!(!config.allows("null"));
        for bad in
            [r#"{"allowed_origins":["*"]}"#, r#"{"allowed_origins":["https://a.example/path"]}"#, r#"{"allowed_origins":["a.example"]}"#]
        {
            let error = PageConfig::from_json(bad).unwrap_err();
            assert!(error.starts_with("allowed_origins:"), "{error}");
        }
        assert!(PageConfig::from_json(r#"{"tasks": 3}"#).unwrap_err().contains("invalid type"));
        assert!(PageConfig::from_json(r#"{"taks": "x"}"#).unwrap_err().contains("unknown field `taks`"));
        assert!(PageConfig::from_json(r#"{"submit_url": "javascript:alert(1)"}"#).unwrap_err().starts_with("submit_url:"));
        assert!(PageConfig::from_json(r#"{"lock": true}"#).unwrap().lock);
        assert!(!PageConfig::from_json("{}").unwrap().lock);
        let media = PageConfig::from_json(r#"{"media_origins": ["https://cdn.example"]}"#).unwrap();
        assert_eq!(media.media_origins, ["https://cdn.example"]);
        for bad in [r#"{"media_origins": ["http://cdn.example"]}"#, r#"{"media_origins": ["https://cdn.example/img"]}"#] {
            assert!(PageConfig::from_json(bad).unwrap_err().starts_with("media_origins:"), "{bad}");
        }
    }

    #[test]
    fn parent_messages_are_validated() {
        let load = json!({"protocol": PROTOCOL, "type": "load", "id": 7, "annotator": "ann",
            "tasks": [{"id": "q1", "prompt": "p", "outputs": [{"model": "a", "content": "x"}]}], "rubric": {"mode": "single"}});
        match parse_parent_message(&load).unwrap() {
            ParentMessage::Load { tasks, rubric, annotator, id, lock, .. } => {
                assert!(!lock);
                assert!(tasks.ends_with("}\n") && tasks.contains("\"q1\""));
                assert_eq!(rubric, r#"{"mode":"single"}"#);
                assert_eq!((annotator.as_str(), id), ("ann", Some(json!(7))));
            }
            other => panic!("{other:?}"),
        }
        for (message, error) in [
            (json!("hi"), "a message must be an object, found a string"),
            (json!({"type": "load"}), "protocol: missing (expected \"verdict-embed@1\")"),
            (json!({"protocol": "x", "type": "load"}), "protocol: expected \"verdict-embed@1\", found \"x\""),
            (
                json!({"protocol": PROTOCOL, "type": "delete_everything"}),
                "type: unknown message type \"delete_everything\" (expected \"load\" or \"export\")",
            ),
            (json!({"protocol": PROTOCOL, "type": "load", "tasks": "x"}), "annotator: missing or empty"),
            (
                json!({"protocol": PROTOCOL, "type": "load", "tasks": "x", "annotator": "a", "lock": "yes"}),
                "lock: expected true or false, found a string",
            ),
            (
                json!({"protocol": PROTOCOL, "type": "load", "tasks": 5, "annotator": "a"}),
                "tasks: expected JSONL text or an array of tasks, found a number",
            ),
        ] {
            assert_eq!(parse_parent_message(&message).unwrap_err(), error);
        }
    }

    #[test]
    fn child_messages_carry_the_protocol_and_type() {
        let value = ChildMessage::Progress { done: 3, total: 30 }.to_value();
        assert_eq!(value, json!({"protocol": PROTOCOL, "type": "progress", "done": 3, "total": 30}));
        let error = ChildMessage::Error { message: "bad".into(), id: None }.to_value();
        assert_eq!(error, json!({"protocol": PROTOCOL, "type": "error", "message": "bad"}));
    }
}
