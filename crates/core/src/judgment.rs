//! Judgments: one submitted rating (DESIGN's `verdict/judgment@1`), read and written as JSONL.
//!
//! Preferences and per-output scores are keyed by model identity, never by screen side.
//! A judgment is identified by `(item_id, annotator)`: a later one replaces an earlier one.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::problem::{json_type_name, Loaded, Problem};
use crate::task::error_without_position;

/// The schema tag of this version of the judgment format.
pub const SCHEMA: &str = "verdict/judgment@1";

/// `preference.winner` when the two outputs are judged equal.
pub const TIE: &str = "tie";
/// `preference.winner` when both outputs are judged bad.
pub const BOTH_BAD: &str = "both_bad";

/// A pairwise preference, by model identity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preference {
    /// The winning model's id, [`TIE`] or [`BOTH_BAD`].
    pub winner: String,
    /// How strongly (1 = better, 2 = much better, …), when the scale has strengths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<u32>,
    /// Fields this version does not know, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One submitted judgment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgment {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The judged item's id.
    pub item_id: String,
    /// Who judged (a person's id, or `judge:<model>` for an LLM judge).
    pub annotator: String,
    /// The annotator's site, vendor or team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Models in the left-to-right (top-to-bottom) order actually displayed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Vec<String>>,
    /// Pairwise preference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preference: Option<Preference>,
    /// N-way ranking, best first (mode `ranking`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<String>>,
    /// Criterion values: per-output criteria as `{model: value}`, item-level as plain values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Map<String, Value>>,
    /// Flags raised by the rater (e.g. `harmful_content`, `skipped`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<Vec<String>>,
    /// When the item was first shown (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// When the judgment was (last) submitted (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
    /// Milliseconds the rater spent on the item with the page visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// SHA-256 of the task file the item came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_sha256: Option<String>,
    /// SHA-256 of the rubric file used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric_sha256: Option<String>,
    /// Version of the tool that recorded the judgment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// Fields this version does not know, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Judgment {
    /// An empty judgment of `item_id` by `annotator`, to be filled in.
    pub fn new(item_id: impl Into<String>, annotator: impl Into<String>) -> Self {
        Judgment {
            schema: SCHEMA.to_owned(),
            item_id: item_id.into(),
            annotator: annotator.into(),
            group: None,
            shown: None,
            preference: None,
            ranking: None,
            scores: None,
            flags: None,
            started_at: None,
            submitted_at: None,
            duration_ms: None,
            task_sha256: None,
            rubric_sha256: None,
            app_version: None,
            extra: Map::new(),
        }
    }

    /// The judgment as one JSONL line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a judgment always serializes: keys are strings")
    }

    /// True when the annotator is an LLM judge (`judge:` prefix or `kind: "judge"`).
    pub fn is_llm_judge(&self) -> bool {
        self.annotator.starts_with("judge:") || self.extra.get("kind").and_then(Value::as_str) == Some("judge")
    }
}

/// Parses one JSONL line into a judgment, or lists `(field, problem)` pairs.
pub fn judgment_from_line(line: &str) -> Result<Judgment, Vec<(String, String)>> {
    match serde_json::from_str::<Judgment>(line) {
        Ok(judgment) => {
            let problems = check(&judgment);
            if problems.is_empty() { Ok(judgment) } else { Err(problems) }
        }
        // Serde's own message names no field for type errors; explain from the value instead.
        Err(error) => Err(match serde_json::from_str::<Value>(line) {
            Err(_) => vec![("-".into(), format!("not valid JSON ({})", error_without_position(&error)))],
            Ok(value) => explain(&value).unwrap_or_else(|| vec![("-".into(), error_without_position(&error))]),
        }),
    }
}

/// Semantic checks that serde's types cannot express.
fn check(judgment: &Judgment) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    if judgment.schema != SCHEMA {
        problems.push(("schema".into(), format!("expected \"{SCHEMA}\", found \"{}\"", judgment.schema)));
    }
    if judgment.item_id.is_empty() {
        problems.push(("item_id".into(), "must not be empty".into()));
    }
    if judgment.annotator.is_empty() {
        problems.push(("annotator".into(), "must not be empty".into()));
    }
    if judgment.preference.is_none() && judgment.ranking.is_none() && judgment.scores.is_none() && judgment.flags.is_none() {
        problems.push(("-".into(), "a judgment needs at least one of preference, ranking, scores, flags".into()));
    }
    problems
}

/// Names the first mistyped field of a record that failed to deserialize.
fn explain(value: &Value) -> Option<Vec<(String, String)>> {
    let Value::Object(object) = value else {
        return Some(vec![("-".into(), format!("expected an object, found {}", json_type_name(value)))]);
    };
    let mut problems = Vec::new();
    for key in ["schema", "item_id", "annotator"] {
        match object.get(key) {
            None => problems.push((key.to_owned(), "missing".to_owned())),
            Some(Value::String(_)) => {}
            Some(other) => problems.push((key.to_owned(), format!("expected a string, found {}", json_type_name(other)))),
        }
    }
    let expect = |key: &str, ok: fn(&Value) -> bool, what: &str, problems: &mut Vec<(String, String)>| {
        if let Some(found) = object.get(key).filter(|v| !v.is_null() && !ok(v)) {
            problems.push((key.to_owned(), format!("expected {what}, found {}", json_type_name(found))));
        }
    };
    for key in ["group", "started_at", "submitted_at", "task_sha256", "rubric_sha256", "app_version"] {
        expect(key, Value::is_string, "a string", &mut problems);
    }
    let strings = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    expect("shown", strings, "an array of strings", &mut problems);
    expect("ranking", strings, "an array of strings", &mut problems);
    expect("flags", strings, "an array of strings", &mut problems);
    expect("scores", Value::is_object, "an object", &mut problems);
    expect("duration_ms", Value::is_u64, "a whole number", &mut problems);
    match object.get("preference") {
        Some(Value::Object(preference)) => match preference.get("winner") {
            Some(Value::String(_)) => {
                if let Some(strength) = preference.get("strength").filter(|s| !s.is_u64() && !s.is_null()) {
                    problems.push(("preference.strength".into(), format!("expected a whole number, found {}", json_type_name(strength))));
                }
            }
            Some(other) => problems.push(("preference.winner".into(), format!("expected a model id, \"tie\" or \"both_bad\", found {}", json_type_name(other)))),
            None => problems.push(("preference.winner".into(), "missing".into())),
        },
        Some(Value::Null) | None => {}
        Some(other) => problems.push(("preference".into(), format!("expected an object, found {}", json_type_name(other)))),
    }
    (!problems.is_empty()).then_some(problems)
}

/// Loads a judgments JSONL text leniently; later judgments of the same (item, annotator)
/// replace earlier ones, with a warning naming the replaced line.
pub fn load_judgments(file: &str, text: &str) -> Loaded<Judgment> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut loaded = Loaded::default();
    let mut index_of: std::collections::HashMap<(String, String), (usize, u64)> = std::collections::HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match judgment_from_line(line) {
            Ok(judgment) => {
                let key = (judgment.item_id.clone(), judgment.annotator.clone());
                match index_of.get_mut(&key) {
                    Some((slot, first_line)) => {
                        loaded.problems.push(Problem::warning(
                            file,
                            line_no,
                            "item_id",
                            format!("replaces the judgment of \"{}\" by \"{}\" on line {first_line}", key.0, key.1),
                        ));
                        loaded.records[*slot] = judgment;
                        *first_line = line_no;
                    }
                    None => {
                        index_of.insert(key, (loaded.records.len(), line_no));
                        loaded.records.push(judgment);
                    }
                }
            }
            Err(found) => loaded
                .problems
                .extend(found.into_iter().map(|(field, message)| Problem::error(file, line_no, &field, message))),
        }
    }
    loaded
}

/// Writes judgments as JSONL, one per line, each line ending in `\n`.
pub fn to_jsonl<'a>(judgments: impl IntoIterator<Item = &'a Judgment>) -> String {
    let mut out = String::new();
    for judgment in judgments {
        out.push_str(&judgment.to_json_line());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_real_mtbench_judgments_and_warns_about_the_rejudged_one() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let loaded = load_judgments("judgments.jsonl", &text);
        assert_eq!(loaded.n_errors(), 0, "{:?}", &loaded.problems[..loaded.problems.len().min(3)]);
        assert_eq!(loaded.problems.len(), 1, "the one real re-judged comparison");
        assert_eq!(loaded.records.len(), 5_755 - 1);
    }

    #[test]
    fn export_import_export_is_byte_identical() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let first = to_jsonl(&load_judgments("j", &text).records);
        let second = to_jsonl(&load_judgments("j", &first).records);
        assert_eq!(first, second);
    }

    #[test]
    fn names_the_bad_field() {
        let cases = [
            (r#"{"schema":"verdict/judgment@1","item_id":3,"annotator":"a","flags":[]}"#, "item_id: expected a string, found a number"),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a"}"#, "-: a judgment needs at least one of preference, ranking, scores, flags"),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":1}}"#, "preference.winner: expected a model id, \"tie\" or \"both_bad\", found a number"),
            (r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","flags":[]}"#, "schema: expected \"verdict/judgment@1\", found \"verdict/judgment@2\""),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","#, "-: not valid JSON (EOF while parsing a value)"),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":[1]}"#, "scores: expected an object, found an array"),
        ];
        for (line, expected) in cases {
            let problems = judgment_from_line(line).unwrap_err();
            let got = format!("{}: {}", problems[0].0, problems[0].1);
            assert_eq!(got, expected, "{line}");
        }
    }
}
