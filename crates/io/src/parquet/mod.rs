//! Judgments as Parquet (docs/FORMATS.md, "Parquet"): one row per judgment, typed columns, the
//! scores as a nested list of (criterion, model, value) rows. Writing takes judgments the one
//! reader kept; reading turns each row back into its JSON line and hands it to the one reader
//! (`verdict_core::read::JudgmentReader`), which alone validates judgments and applies the
//! identity rule.
//!
//! The encoding is lossless: JSONL → Parquet → JSONL gives the same judgments, byte for byte
//! once written (tested on the MT-Bench demo file and `tests/nasty/`).

mod read;
mod write;

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, Schema, TimeUnit};
use serde_json::{Number, Value};

pub use read::{is_parquet, JsonLines, SchemaError};
pub use write::JudgmentWriter;

/// Names of the typed columns, in file order.
pub mod column {
    /// Always `verdict/judgment@1` (optional on read: absent means that).
    pub const SCHEMA: &str = "schema";
    /// The judged item's id (required).
    pub const ITEM_ID: &str = "item_id";
    /// Who judged (required).
    pub const ANNOTATOR: &str = "annotator";
    /// The annotator's site or vendor.
    pub const GROUP: &str = "group";
    /// `judge` for LLM judges, `human` otherwise (derived, ignored on read).
    pub const KIND: &str = "kind";
    /// Models in displayed order.
    pub const SHOWN: &str = "shown";
    /// `preference.winner`: a model id, `tie` or `both_bad`; null without a preference.
    pub const WINNER: &str = "winner";
    /// `preference.strength`.
    pub const STRENGTH: &str = "strength";
    /// Unknown fields of `preference`, as JSON texts.
    pub const PREFERENCE_META: &str = "preference_meta";
    /// N-way ranking, best first.
    pub const RANKING: &str = "ranking";
    /// Criterion values: list of (criterion, model, value, label, json).
    pub const SCORES: &str = "scores";
    /// Flags raised by the rater.
    pub const FLAGS: &str = "flags";
    /// RFC 3339 text as recorded.
    pub const STARTED_AT: &str = "started_at";
    /// RFC 3339 text as recorded.
    pub const SUBMITTED_AT: &str = "submitted_at";
    /// `submitted_at` as a UTC timestamp in milliseconds (derived, ignored on read).
    pub const SUBMITTED_TS: &str = "submitted_ts";
    /// Milliseconds spent on the item.
    pub const DURATION_MS: &str = "duration_ms";
    /// SHA-256 of the task file.
    pub const TASK_SHA256: &str = "task_sha256";
    /// SHA-256 of the rubric file.
    pub const RUBRIC_SHA256: &str = "rubric_sha256";
    /// Version of the recording tool.
    pub const APP_VERSION: &str = "app_version";
    /// Unknown top-level fields, in read order, as JSON texts.
    pub const META: &str = "meta";
    /// Tamper-evidence chain value.
    pub const CHAIN: &str = "chain";
}

/// Names of the fields of one `scores` entry.
pub mod score_field {
    /// The criterion id.
    pub const CRITERION: &str = "criterion";
    /// The model for per-output criteria, null for item-level ones.
    pub const MODEL: &str = "model";
    /// A numeric value.
    pub const VALUE: &str = "value";
    /// A text value (a choice, a label, a free text).
    pub const LABEL: &str = "label";
    /// The value as JSON text when `value`/`label` cannot hold it exactly (booleans, arrays,
    /// objects, null, integral floats such as `4.0`, integers beyond 2^53).
    pub const JSON: &str = "json";
}

fn string_list() -> DataType {
    DataType::List(Arc::new(Field::new("element", DataType::Utf8, false)))
}

/// The map type of `meta` and `preference_meta`: JSON texts by field name, in read order.
fn json_map() -> DataType {
    let entries = Fields::from(vec![Field::new("key", DataType::Utf8, false), Field::new("value", DataType::Utf8, true)]);
    DataType::Map(Arc::new(Field::new("key_value", DataType::Struct(entries), false)), false)
}

/// The fields of one entry of `scores`.
fn score_fields() -> Fields {
    Fields::from(vec![
        Field::new(score_field::CRITERION, DataType::Utf8, false),
        Field::new(score_field::MODEL, DataType::Utf8, true),
        Field::new(score_field::VALUE, DataType::Float64, true),
        Field::new(score_field::LABEL, DataType::Utf8, true),
        Field::new(score_field::JSON, DataType::Utf8, true),
    ])
}

fn scores_type() -> DataType {
    DataType::List(Arc::new(Field::new("element", DataType::Struct(score_fields()), false)))
}

/// The Arrow schema of a judgments Parquet file.
pub fn judgment_schema() -> Schema {
    use column::*;
    Schema::new(vec![
        Field::new(SCHEMA, DataType::Utf8, false),
        Field::new(ITEM_ID, DataType::Utf8, false),
        Field::new(ANNOTATOR, DataType::Utf8, false),
        Field::new(GROUP, DataType::Utf8, true),
        Field::new(KIND, DataType::Utf8, false),
        Field::new(SHOWN, string_list(), true),
        Field::new(WINNER, DataType::Utf8, true),
        Field::new(STRENGTH, DataType::Int64, true),
        Field::new(PREFERENCE_META, json_map(), true),
        Field::new(RANKING, string_list(), true),
        Field::new(SCORES, scores_type(), true),
        Field::new(FLAGS, string_list(), true),
        Field::new(STARTED_AT, DataType::Utf8, true),
        Field::new(SUBMITTED_AT, DataType::Utf8, true),
        Field::new(SUBMITTED_TS, DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())), true),
        Field::new(DURATION_MS, DataType::Int64, true),
        Field::new(TASK_SHA256, DataType::Utf8, true),
        Field::new(RUBRIC_SHA256, DataType::Utf8, true),
        Field::new(APP_VERSION, DataType::Utf8, true),
        Field::new(META, json_map(), true),
        Field::new(CHAIN, DataType::Utf8, true),
    ])
}

/// One criterion value as the columns of a `scores` entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreCell {
    /// Numeric value.
    pub value: Option<f64>,
    /// Text value.
    pub label: Option<String>,
    /// JSON text, when neither holds the value exactly.
    pub json: Option<String>,
}

/// Integers up to this magnitude are exact in an `f64`.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl ScoreCell {
    /// Encodes a JSON value: strings as `label`; numbers as `value`, plus `json` when reading
    /// `value` back would not give the same JSON text; anything else as `json`.
    pub fn encode(value: &Value) -> ScoreCell {
        match value {
            Value::String(text) => ScoreCell { label: Some(text.clone()), ..ScoreCell::default() },
            Value::Number(number) => {
                let as_f64 = number.as_f64();
                let exact = as_f64.and_then(ScoreCell::decode_number).is_some_and(|back| back == *number);
                ScoreCell { value: as_f64, label: None, json: (!exact).then(|| number.to_string()) }
            }
            other => ScoreCell { json: Some(other.to_string()), ..ScoreCell::default() },
        }
    }

    /// The JSON number a `value` stands for when no `json` is given: an integer when integral
    /// and exact, else the float.
    fn decode_number(value: f64) -> Option<Number> {
        if value.fract() == 0.0 && value.abs() <= EXACT_INTEGER && !(value == 0.0 && value.is_sign_negative()) {
            Some(Number::from(value as i64))
        } else {
            Number::from_f64(value)
        }
    }

    /// Appends the value as JSON text to `out`: `json` verbatim, else `label`, else `value`,
    /// else `null`.
    pub fn write_json(json: Option<&str>, label: Option<&str>, value: Option<f64>, out: &mut Vec<u8>) {
        if let Some(json) = json {
            out.extend_from_slice(json.as_bytes());
        } else if let Some(label) = label {
            serde_json::to_writer(&mut *out, label).expect("writing to a Vec cannot fail");
        } else {
            match value.and_then(ScoreCell::decode_number) {
                Some(number) => out.extend_from_slice(number.to_string().as_bytes()),
                None => out.extend_from_slice(b"null"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_values_come_back_as_the_same_json_text() {
        for text in [
            "4",
            "-3",
            "0",
            "-0.0",
            "4.0",
            "0.1",
            "1.0000000000000002",
            "1e300",
            "9007199254740993",
            "18446744073709551615",
            "true",
            "null",
            "[\"a\",\"b\"]",
            "{\"x\":1}",
            "\"none\"",
            "\"\"",
        ] {
            let value: Value = serde_json::from_str(text).unwrap();
            let cell = ScoreCell::encode(&value);
            let mut out = Vec::new();
            ScoreCell::write_json(cell.json.as_deref(), cell.label.as_deref(), cell.value, &mut out);
            let back: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(back.to_string(), value.to_string(), "{text} → {cell:?}");
        }
        // Plain integers and fractions need no JSON text.
        assert_eq!(ScoreCell::encode(&serde_json::json!(4)).json, None);
        assert_eq!(ScoreCell::encode(&serde_json::json!(0.25)).json, None);
        assert_eq!(ScoreCell::encode(&serde_json::json!(4.0)).json.as_deref(), Some("4.0"));
    }
}
