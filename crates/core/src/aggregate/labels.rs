//! Judgments → a [`LabelTable`] for one criterion: a score (categorical, binary or likert) or the
//! pairwise preference winner (`preference`).
//!
//! A per-item score (`"scores": {"harmless": true}`) labels the item; a per-output score
//! (`"scores": {"helpful": {"model-x": 4}}`) labels each (item, model) pair, a unit of its own.
//! The preference labels the item with the winner's model id, `tie` or `both_bad`. Nulls are not
//! labels; values of another shape (arrays, objects inside per-output scores, per-item values in a
//! criterion first seen per output or the reverse) are skipped and counted.

use std::borrow::Cow;

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

/// What one judgment holds of a criterion: all [`label_table_of`] needs of it, so that a
/// streaming reader can keep this and drop the judgment.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum CriterionValue {
    /// Nothing for this criterion.
    #[default]
    None,
    /// The preference winner (criterion [`PREFERENCE`]).
    Preference(String),
    /// The score's value.
    Score(Value),
}

impl CriterionValue {
    /// Takes the value of `criterion` out of `judgment`.
    pub fn take(judgment: &mut Judgment, criterion: &str) -> CriterionValue {
        if criterion == PREFERENCE {
            return judgment.preference.take().map_or(CriterionValue::None, |p| CriterionValue::Preference(p.winner));
        }
        judgment.scores.as_mut().and_then(|scores| scores.remove(criterion)).map_or(CriterionValue::None, CriterionValue::Score)
    }
}

/// A judgment's value of a criterion, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum CriterionRef<'a> {
    /// Nothing for this criterion.
    None,
    /// The preference winner.
    Preference(&'a str),
    /// The score's value.
    Score(&'a Value),
    /// A score's value that is a label (a boolean, number or text), already converted.
    Label(&'a LabelValue),
}

impl<'a> From<&'a CriterionValue> for CriterionRef<'a> {
    fn from(value: &'a CriterionValue) -> Self {
        match value {
            CriterionValue::None => CriterionRef::None,
            CriterionValue::Preference(winner) => CriterionRef::Preference(winner),
            CriterionValue::Score(value) => CriterionRef::Score(value),
        }
    }
}

/// Builds the label table of `criterion` from judgments (already de-duplicated by identity).
pub fn label_table(judgments: &[Judgment], criterion: &str) -> Result<LabelSource, TableError> {
    label_table_of(judgments.iter().map(|judgment| {
        let value = if criterion == PREFERENCE {
            judgment.preference.as_ref().map_or(CriterionRef::None, |p| CriterionRef::Preference(&p.winner))
        } else {
            judgment.scores.as_ref().and_then(|scores| scores.get(criterion)).map_or(CriterionRef::None, CriterionRef::Score)
        };
        (judgment.item_id.as_str(), judgment.annotator.as_str(), value)
    }))
}

/// Builds a label table from each kept judgment's `(item_id, annotator, value of the
/// criterion)`, in the reader's order (see [`label_table`]).
pub fn label_table_of<'a>(judgments: impl IntoIterator<Item = (&'a str, &'a str, CriterionRef<'a>)>) -> Result<LabelSource, TableError> {
    let mut per_output: Option<bool> = None;
    let mut skipped = 0u64;
    let mut judgments = judgments.into_iter();
    // The rows of one per-output score, handed out one by one.
    let mut pending: Vec<(Cow<'a, str>, &'a str, LabelValue)> = Vec::new();
    // Rows as they come (not collected first: a million rows need not be held twice).
    let rows = std::iter::from_fn(|| loop {
        if let Some(row) = pending.pop() {
            return Some(row);
        }
        let (item_id, annotator, value) = judgments.next()?;
        let value = match value {
            CriterionRef::None => continue,
            CriterionRef::Preference(winner) => return Some((unit_key(item_id, None), annotator, LabelValue::Text(winner.to_owned()))),
            CriterionRef::Label(label) => {
                if !*per_output.get_or_insert(false) {
                    return Some((unit_key(item_id, None), annotator, label.clone()));
                }
                skipped += 1;
                continue;
            }
            CriterionRef::Score(value) => value,
        };
        match value {
            Value::Null => {}
            Value::Object(by_model) => {
                if !*per_output.get_or_insert(true) {
                    skipped += 1;
                    continue;
                }
                for (model, value) in by_model.iter().rev() {
                    match scalar(value) {
                        Some(Some(label)) => pending.push((unit_key(item_id, Some(model)), annotator, label)),
                        Some(None) => {}
                        None => skipped += 1,
                    }
                }
            }
            value => match scalar(value) {
                Some(Some(label)) if !*per_output.get_or_insert(false) => return Some((unit_key(item_id, None), annotator, label)),
                Some(None) => {}
                _ => skipped += 1,
            },
        }
    });
    let table = LabelTable::build(rows)?;
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

/// A score's value as [`label_table_of`] keeps it: `Ok(label)` for a boolean, finite number
/// or text, else the value itself (null, per-output objects and the values it skips).
pub fn label_of_score(value: Value) -> Result<LabelValue, Value> {
    match value {
        Value::Bool(flag) => Ok(LabelValue::Bool(flag)),
        Value::Number(number) => number.as_f64().map(LabelValue::Number).ok_or(Value::Number(number)),
        Value::String(text) => Ok(LabelValue::Text(text)),
        other => Err(other),
    }
}

/// An item id, or item id and model joined by the unit separator (never in ids from files we
/// write; a separator already in an item id would only split the name shown).
fn unit_key<'a>(item: &'a str, model: Option<&String>) -> Cow<'a, str> {
    match model {
        Some(model) => Cow::Owned(format!("{item}\u{1f}{model}")),
        None => Cow::Borrowed(item),
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
