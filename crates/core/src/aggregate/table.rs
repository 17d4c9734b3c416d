//! The typed input of every aggregation method: (item, annotator, label) rows with dense ids.

use std::cmp::Ordering;

use crate::intern::{FxMap, Interner};

/// One label value as given: a boolean, a number or a text. One table holds one kind (numbers
/// and booleans never mix with text).
#[derive(Clone, Debug, PartialEq)]
pub enum LabelValue {
    /// `true` / `false` (binary criteria).
    Bool(bool),
    /// A number (likert points, numeric categories).
    Number(f64),
    /// A text (choice criteria, preference winners).
    Text(String),
}

impl LabelValue {
    /// The label as text: numbers without a trailing `.0` when whole, as JSON writes them.
    pub fn to_text(&self) -> String {
        match self {
            LabelValue::Bool(value) => value.to_string(),
            LabelValue::Number(value) if value.fract() == 0.0 && value.abs() < 1e15 => format!("{}", *value as i64),
            LabelValue::Number(value) => value.to_string(),
            LabelValue::Text(text) => text.clone(),
        }
    }

    /// The label as a JSON value (whole numbers as integers).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            LabelValue::Bool(value) => serde_json::Value::Bool(*value),
            LabelValue::Number(value) if value.fract() == 0.0 && value.abs() < 1e15 => serde_json::Value::from(*value as i64),
            LabelValue::Number(value) => serde_json::Number::from_f64(*value).map_or(serde_json::Value::Null, serde_json::Value::Number),
            LabelValue::Text(text) => serde_json::Value::String(text.clone()),
        }
    }

    fn kind(&self) -> u8 {
        match self {
            LabelValue::Bool(_) => 0,
            LabelValue::Number(_) => 1,
            LabelValue::Text(_) => 2,
        }
    }

    fn order(&self, other: &LabelValue) -> Ordering {
        match (self, other) {
            (LabelValue::Bool(a), LabelValue::Bool(b)) => a.cmp(b),
            (LabelValue::Number(a), LabelValue::Number(b)) => a.total_cmp(b),
            (LabelValue::Text(a), LabelValue::Text(b)) => a.cmp(b),
            _ => self.kind().cmp(&other.kind()),
        }
    }
}

/// One label given: dense ids into the table's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelRow {
    /// Index into [`LabelTable::items`].
    pub item: u32,
    /// Index into [`LabelTable::annotators`].
    pub annotator: u32,
    /// Index into [`LabelTable::labels`].
    pub label: u32,
}

/// Items and annotators in first-seen order, labels sorted, and one row per (item, annotator).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LabelTable {
    /// Item ids.
    pub items: Vec<String>,
    /// Annotator ids.
    pub annotators: Vec<String>,
    /// The distinct labels, ascending (`false` < `true`, numbers ascending, text in byte order).
    pub labels: Vec<LabelValue>,
    /// The labels given, in input order.
    pub rows: Vec<LabelRow>,
}

/// Why a table could not be built.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TableError {
    /// Labels of different kinds in one criterion, e.g. `3` and `"good"`.
    #[error("labels mix kinds: {first} and {other}")]
    MixedKinds {
        /// The first label seen.
        first: String,
        /// The first label of another kind.
        other: String,
    },
    /// A number that is not finite.
    #[error("label is not a finite number")]
    NotFinite,
    /// More rows, items or annotators than ids can hold.
    #[error("more than {0} labels")]
    TooMany(u64),
}

impl LabelTable {
    /// Builds the table; a later row for the same (item, annotator) replaces the earlier one (the
    /// judgment identity rule).
    pub fn build<I: AsRef<str>, A: AsRef<str>>(rows: impl IntoIterator<Item = (I, A, LabelValue)>) -> Result<LabelTable, TableError> {
        let mut items = Ids::default();
        let mut annotators = Ids::default();
        let mut values: Vec<LabelValue> = Vec::new();
        let mut value_of_row: Vec<(u32, u32, usize)> = Vec::new();
        let mut row_of_pair: FxMap<(u32, u32), usize> = FxMap::default();
        for (item, annotator, value) in rows {
            if let LabelValue::Number(number) = value {
                if !number.is_finite() {
                    return Err(TableError::NotFinite);
                }
            }
            if let Some(first) = values.first() {
                if first.kind() != value.kind() {
                    return Err(TableError::MixedKinds { first: first.to_text(), other: value.to_text() });
                }
            }
            if value_of_row.len() as u64 >= u64::from(u32::MAX) {
                return Err(TableError::TooMany(u64::from(u32::MAX)));
            }
            let pair = (items.id(item.as_ref()), annotators.id(annotator.as_ref()));
            let value_index = values.len();
            values.push(value);
            match row_of_pair.get(&pair) {
                Some(&row) => value_of_row[row].2 = value_index,
                None => {
                    row_of_pair.insert(pair, value_of_row.len());
                    value_of_row.push((pair.0, pair.1, value_index));
                }
            }
        }
        let labels = distinct_sorted(value_of_row.iter().map(|&(_, _, value)| &values[value]));
        let rows = value_of_row
            .iter()
            .map(|&(item, annotator, value)| {
                let label = labels.binary_search_by(|probe| probe.order(&values[value])).expect("every value is among the sorted labels");
                LabelRow { item, annotator, label: label as u32 }
            })
            .collect();
        Ok(LabelTable { items: items.0.names(), annotators: annotators.0.names(), labels, rows })
    }

    /// Label counts per item (items × labels, row-major).
    pub fn counts(&self) -> Vec<f64> {
        let n_labels = self.labels.len();
        let mut counts = vec![0.0; self.items.len() * n_labels];
        for row in &self.rows {
            counts[row.item as usize * n_labels + row.label as usize] += 1.0;
        }
        counts
    }
}

/// The distinct values, sorted ([`LabelValue::order`]): gathered one by one while they are few
/// (a criterion has a handful of labels), else sorted all at once.
fn distinct_sorted<'a>(values: impl Iterator<Item = &'a LabelValue>) -> Vec<LabelValue> {
    const FEW: usize = 64;
    let mut values = values.peekable();
    let mut distinct: Vec<LabelValue> = Vec::new();
    while let Some(value) = values.peek() {
        if distinct.len() > FEW {
            distinct.extend(values.by_ref().cloned());
            break;
        }
        if !distinct.iter().any(|seen| seen.order(value) == Ordering::Equal) {
            distinct.push((*value).clone());
        }
        values.next();
    }
    distinct.sort_by(LabelValue::order);
    distinct.dedup_by(|a, b| a.order(b) == Ordering::Equal);
    distinct
}

/// Names to dense ids in first-seen order.
#[derive(Default)]
struct Ids(Interner);

impl Ids {
    fn id(&mut self, name: &str) -> u32 {
        self.0.intern(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_first_seen_labels_sorted_and_later_rows_replace_earlier() {
        let rows = [("t2", "b", 3.0), ("t1", "a", 1.0), ("t2", "b", 2.0), ("t1", "b", 10.0)];
        let table = LabelTable::build(rows.iter().map(|&(i, a, v)| (i, a, LabelValue::Number(v)))).unwrap();
        assert_eq!(table.items, vec!["t2", "t1"]);
        assert_eq!(table.annotators, vec!["b", "a"]);
        // 3 was replaced by 2 and is no label any more; 10 sorts after 2 as a number, not as text.
        assert_eq!(table.labels, vec![LabelValue::Number(1.0), LabelValue::Number(2.0), LabelValue::Number(10.0)]);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[0], LabelRow { item: 0, annotator: 0, label: 1 });
    }

    #[test]
    fn few_or_many_distinct_labels_come_out_sorted_once_each() {
        for n in [1u32, 3, 64, 65, 300] {
            let values: Vec<LabelValue> = (0..3 * n).map(|i| LabelValue::Number(f64::from((i * 7919) % n))).collect();
            let expected: Vec<LabelValue> = (0..n).map(|i| LabelValue::Number(f64::from(i))).collect();
            assert_eq!(distinct_sorted(values.iter()), expected, "{n} distinct");
        }
    }

    #[test]
    fn mixed_kinds_are_an_error_naming_both() {
        let rows = vec![("t1", "a", LabelValue::Number(3.0)), ("t1", "b", LabelValue::Text("good".into()))];
        assert_eq!(LabelTable::build(rows), Err(TableError::MixedKinds { first: "3".into(), other: "good".into() }));
    }

    #[test]
    fn labels_print_as_json_writes_them() {
        assert_eq!(LabelValue::Number(4.0).to_text(), "4");
        assert_eq!(LabelValue::Number(0.5).to_json(), serde_json::json!(0.5));
        assert_eq!(LabelValue::Bool(true).to_json(), serde_json::json!(true));
    }
}
