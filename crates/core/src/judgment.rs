//! Judgments: one submitted rating (DESIGN's `verdict/judgment@1`), read and written as JSONL.
//!
//! Preferences and per-output scores are keyed by model identity, never by screen side.
//! A judgment is identified by `(item_id, annotator)`: a later one replaces an earlier one.

use serde_json::{Map, Value};

use crate::problem::{error_without_position, wrong_type, Detail, Expected, FieldProblems};

/// The schema tag of this version of the judgment format.
pub const SCHEMA: &str = "verdict/judgment@1";

/// `preference.winner` when the two outputs are judged equal.
pub const TIE: &str = "tie";
/// `preference.winner` when both outputs are judged bad.
pub const BOTH_BAD: &str = "both_bad";

/// The flag a rater raises on harmful content (the `f` key; wellbeing counts it).
pub const HARMFUL_FLAG: &str = "harmful_content";

/// A pairwise preference, by model identity.
#[derive(Clone, Debug, PartialEq)]
pub struct Preference {
    /// The winning model's id, [`TIE`] or [`BOTH_BAD`].
    pub winner: String,
    /// How strongly (1 = better, 2 = much better, …), when the scale has strengths.
    pub strength: Option<u32>,
    /// Fields this version does not know, kept for round-trips.
    pub extra: Map<String, Value>,
}

/// One submitted judgment.
///
/// Serialized with its known fields in the order below (absent ones omitted), then unknown
/// fields in the order they were read, then `chain`. Serialization and deserialization are
/// written by hand (module `serde_impl` below): serde's `flatten` buffers every field and was the
/// bottleneck of parsing.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgment {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The judged item's id.
    pub item_id: String,
    /// Who judged (a person's id, or `judge:<model>` for an LLM judge).
    pub annotator: String,
    /// The annotator's site, vendor or team.
    pub group: Option<String>,
    /// Models in the left-to-right (top-to-bottom) order actually displayed.
    pub shown: Option<Vec<String>>,
    /// Pairwise preference.
    pub preference: Option<Preference>,
    /// N-way ranking, best first (mode `ranking`).
    pub ranking: Option<Vec<String>>,
    /// Criterion values: per-output criteria as `{model: value}`, item-level as plain values.
    pub scores: Option<Map<String, Value>>,
    /// Flags raised by the rater (e.g. `harmful_content`, `skipped`).
    pub flags: Option<Vec<String>>,
    /// When the item was first shown (RFC 3339).
    pub started_at: Option<String>,
    /// When the judgment was (last) submitted (RFC 3339).
    pub submitted_at: Option<String>,
    /// Milliseconds the rater spent on the item with the page visible.
    pub duration_ms: Option<u64>,
    /// SHA-256 of the task file the item came from.
    pub task_sha256: Option<String>,
    /// SHA-256 of the rubric file used.
    pub rubric_sha256: Option<String>,
    /// Version of the tool that recorded the judgment.
    pub app_version: Option<String>,
    /// Fields this version does not know, kept for round-trips.
    pub extra: Map<String, Value>,
    /// Tamper-evidence hash chain (see `docs/FORMATS.md`, "Tamper evidence"); written last.
    pub chain: Option<String>,
}

impl Judgment {
    /// An empty judgment of `item_id` by `annotator`, to be filled in.
    pub fn new(item_id: impl Into<String>, annotator: impl Into<String>) -> Self {
        Judgment { schema: SCHEMA.to_owned(), item_id: item_id.into(), annotator: annotator.into(), ..Judgment::blank() }
    }

    /// Every field empty (no allocation): what the deserializer fills in.
    fn blank() -> Self {
        Judgment {
            schema: String::new(),
            item_id: String::new(),
            annotator: String::new(),
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
            chain: None,
        }
    }

    /// The judgment as one JSONL line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a judgment always serializes: keys are strings")
    }

    /// The canonical JSON the tamper-evidence chain hashes: the line as [`Judgment::to_json_line`]
    /// writes it, without `chain` (see `docs/FORMATS.md`, "Tamper evidence").
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(&serde_impl::Fields { judgment: self, with_chain: false })
            .expect("a judgment always serializes: keys are strings")
    }

    /// True when the annotator is an LLM judge (`judge:` prefix or `kind: "judge"`).
    pub fn is_llm_judge(&self) -> bool {
        self.annotator.starts_with("judge:") || self.extra.get("kind").and_then(Value::as_str) == Some("judge")
    }
}

/// Parses one JSONL line into a judgment, or lists `(field, problem)` pairs.
pub fn judgment_from_line(line: &str) -> Result<Judgment, FieldProblems> {
    match serde_json::from_str::<Judgment>(line) {
        Ok(judgment) => {
            let problems = check(&judgment);
            if problems.is_empty() {
                Ok(judgment)
            } else {
                Err(problems)
            }
        }
        // Serde's own message names no field for type errors; explain from the value instead.
        Err(error) => Err(match serde_json::from_str::<Value>(line) {
            Err(syntax) => vec![("-".into(), Detail::InvalidJson { parser: error_without_position(&syntax) })],
            Ok(value) => explain(&value).unwrap_or_else(|| {
                let message = error_without_position(&error);
                // "duplicate field `k`": name the field.
                match message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()) {
                    Some(key) => vec![(key.to_owned(), Detail::DuplicateKey { key: key.to_owned() })],
                    None => vec![("-".into(), Detail::Unreadable { parser: message })],
                }
            }),
        }),
    }
}

/// Semantic checks that serde's types cannot express.
fn check(judgment: &Judgment) -> FieldProblems {
    let mut problems = Vec::new();
    if judgment.schema != SCHEMA {
        problems.push(("schema".into(), Detail::Schema { expected: SCHEMA.into(), found: judgment.schema.clone() }));
    }
    if judgment.item_id.is_empty() {
        problems.push(("item_id".into(), Detail::Empty));
    }
    if judgment.annotator.is_empty() {
        problems.push(("annotator".into(), Detail::Empty));
    }
    if judgment.preference.is_none() && judgment.ranking.is_none() && judgment.scores.is_none() && judgment.flags.is_none() {
        problems.push(("-".into(), Detail::NoContent));
    }
    problems
}

/// Names the first mistyped field of a record that failed to deserialize.
fn explain(value: &Value) -> Option<FieldProblems> {
    let Value::Object(object) = value else {
        return Some(vec![("-".into(), wrong_type(Expected::Object, value))]);
    };
    let mut problems = Vec::new();
    for key in ["schema", "item_id", "annotator"] {
        match object.get(key) {
            None => problems.push((key.to_owned(), Detail::Missing)),
            Some(Value::String(_)) => {}
            Some(other) => problems.push((key.to_owned(), wrong_type(Expected::String, other))),
        }
    }
    let expect = |key: &str, ok: fn(&Value) -> bool, what: Expected, problems: &mut FieldProblems| {
        if let Some(found) = object.get(key).filter(|v| !v.is_null() && !ok(v)) {
            problems.push((key.to_owned(), wrong_type(what, found)));
        }
    };
    for key in ["group", "started_at", "submitted_at", "task_sha256", "rubric_sha256", "app_version"] {
        expect(key, Value::is_string, Expected::String, &mut problems);
    }
    let strings = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    expect("shown", strings, Expected::StringArray, &mut problems);
    expect("ranking", strings, Expected::StringArray, &mut problems);
    expect("flags", strings, Expected::StringArray, &mut problems);
    expect("scores", Value::is_object, Expected::Object, &mut problems);
    expect("duration_ms", Value::is_u64, Expected::WholeNumber, &mut problems);
    match object.get("preference") {
        Some(Value::Object(preference)) => match preference.get("winner") {
            Some(Value::String(_)) => {
                if let Some(strength) = preference.get("strength").filter(|s| !s.is_u64() && !s.is_null()) {
                    problems.push(("preference.strength".into(), wrong_type(Expected::WholeNumber, strength)));
                }
            }
            Some(other) => problems.push(("preference.winner".into(), wrong_type(Expected::Winner, other))),
            None => problems.push(("preference.winner".into(), Detail::Missing)),
        },
        Some(Value::Null) | None => {}
        Some(other) => problems.push(("preference".into(), wrong_type(Expected::Object, other))),
    }
    (!problems.is_empty()).then_some(problems)
}

/// A 128-bit fingerprint of a judgment's identity `(item_id, annotator)`, for readers that must
/// remember every identity without keeping its strings. Two independent SipHash passes; a
/// collision among 10⁹ judgments has probability below 10⁻²⁰.
pub fn identity_hash(item_id: &str, annotator: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |domain: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        domain.hash(&mut hasher);
        item_id.hash(&mut hasher);
        annotator.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
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

/// Hand-written serde for [`Judgment`] and [`Preference`]: one pass over the map, known keys
/// matched without allocating, unknown keys kept in order.
mod serde_impl;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::load_judgments;

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
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a"}"#,
                "-: a judgment needs at least one of preference, ranking, scores, flags",
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":1}}"#,
                "preference.winner: expected a model id, \"tie\" or \"both_bad\", found a number",
            ),
            (
                r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","flags":[]}"#,
                "schema: expected \"verdict/judgment@1\", found \"verdict/judgment@2\"",
            ),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","#, "-: not valid JSON (EOF while parsing a value)"),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":[1]}"#, "scores: expected an object, found an array"),
        ];
        for (line, expected) in cases {
            let problems = judgment_from_line(line).unwrap_err();
            let (field, detail) = problems[0].clone();
            let got = crate::problem::in_english(&crate::problem::Problem::error("f", 1, &field, detail));
            let got = got.strip_prefix("f:1: ").unwrap();
            assert_eq!(got, expected, "{line}");
        }
    }
}
