//! Judgments → a [`LabelTable`] for one criterion: a score (categorical, binary or likert) or the
//! pairwise preference winner (`preference`).
//!
//! A per-item score (`"scores": {"harmless": true}`) labels the item; a per-output score
//! (`"scores": {"helpful": {"model-x": 4}}`) labels each (item, model) pair, a unit of its own.
//! The preference labels the item with the winner's model id, `tie` or `both_bad`. Nulls are not
//! labels; values of another shape (arrays, objects inside per-output scores, per-item values in a
//! criterion first seen per output or the reverse) are skipped and counted.

use super::table::{LabelTable, LabelValue, TableError};
use crate::judgment::Judgment;
use serde_json::Value;

/// The criterion id that means the pairwise preference.
pub const PREFERENCE: &str = "preference";

/// A label table with what each of its items is.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelSource {
    /// The table; its items are the units below, in the same order.
    pub table: LabelTable,
    /// Per table item: the judgment item id and, for per-output criteria, the model.
    pub units: Vec<(String, Option<String>)>,
    /// Values skipped because of their shape.
    pub skipped: u64,
}

/// Builds the label table of `criterion` from judgments (already de-duplicated by identity).
pub fn label_table(judgments: &[Judgment], criterion: &str) -> Result<LabelSource, TableError> {
    let mut rows: Vec<(String, String, LabelValue)> = Vec::new();
    let mut per_output: Option<bool> = None;
    let mut skipped = 0u64;
    for judgment in judgments {
        if criterion == PREFERENCE {
            if let Some(preference) = &judgment.preference {
                rows.push((unit_key(&judgment.item_id, None), judgment.annotator.clone(), LabelValue::Text(preference.winner.clone())));
            }
            continue;
        }
        let Some(value) = judgment.scores.as_ref().and_then(|scores| scores.get(criterion)) else { continue };
        match value {
            Value::Null => {}
            Value::Object(by_model) => {
                if !*per_output.get_or_insert(true) {
                    skipped += 1;
                    continue;
                }
                for (model, value) in by_model {
                    match scalar(value) {
                        Some(Some(label)) => rows.push((unit_key(&judgment.item_id, Some(model)), judgment.annotator.clone(), label)),
                        Some(None) => {}
                        None => skipped += 1,
                    }
                }
            }
            value => match scalar(value) {
                Some(Some(label)) if !*per_output.get_or_insert(false) => {
                    rows.push((unit_key(&judgment.item_id, None), judgment.annotator.clone(), label))
                }
                Some(None) => {}
                _ => skipped += 1,
            },
        }
    }
    let table = LabelTable::build(rows.iter().map(|(unit, annotator, label)| (unit.as_str(), annotator.as_str(), label.clone())))?;
    let units = table
        .items
        .iter()
        .map(|key| match key.split_once('\u{1f}') {
            Some((item, model)) => (item.to_string(), Some(model.to_string())),
            None => (key.clone(), None),
        })
        .collect();
    Ok(LabelSource { table, units, skipped })
}

/// An item id, or item id and model joined by the unit separator (never in ids from files we
/// write; a separator already in an item id would only split the name shown).
fn unit_key(item: &str, model: Option<&String>) -> String {
    match model {
        Some(model) => format!("{item}\u{1f}{model}"),
        None => item.to_string(),
    }
}

/// `Some(Some(label))` for a boolean, finite number or text, `Some(None)` for null, `None` for
/// anything else.
fn scalar(value: &Value) -> Option<Option<LabelValue>> {
    match value {
        Value::Null => Some(None),
        Value::Bool(flag) => Some(Some(LabelValue::Bool(*flag))),
        Value::Number(number) => number.as_f64().map(|n| Some(LabelValue::Number(n))),
        Value::String(text) => Some(Some(LabelValue::Text(text.clone()))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::load_judgments;

    fn judgments(text: &str) -> Vec<Judgment> {
        let loaded = load_judgments("j.jsonl", text);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.records
    }

    #[test]
    fn per_item_per_output_and_preference_labels() {
        let text = concat!(
            r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","preference":{"winner":"m1"},"scores":{"safe":true,"helpful":{"m1":4,"m2":2}}}"#,
            "\n",
            r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","preference":{"winner":"tie"},"scores":{"safe":false,"helpful":{"m1":5,"m2":null}}}"#,
            "\n",
        );
        let judgments = judgments(text);
        let safe = label_table(&judgments, "safe").unwrap();
        assert_eq!(safe.table.labels, vec![LabelValue::Bool(false), LabelValue::Bool(true)]);
        assert_eq!(safe.units, vec![("q1".to_string(), None)]);
        let helpful = label_table(&judgments, "helpful").unwrap();
        assert_eq!(helpful.units, vec![("q1".to_string(), Some("m1".to_string())), ("q1".to_string(), Some("m2".to_string()))]);
        assert_eq!(helpful.table.rows.len(), 3);
        let preference = label_table(&judgments, PREFERENCE).unwrap();
        assert_eq!(preference.table.labels, vec![LabelValue::Text("m1".into()), LabelValue::Text("tie".into())]);
    }

    #[test]
    fn mixed_number_and_text_labels_are_an_error() {
        let text = concat!(
            r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","scores":{"grade":3}}"#,
            "\n",
            r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","scores":{"grade":"high"}}"#,
            "\n",
        );
        assert_eq!(label_table(&judgments(text), "grade"), Err(TableError::MixedKinds { first: "3".into(), other: "high".into() }));
    }
}
