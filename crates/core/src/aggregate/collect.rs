//! Collecting labels while reading: per judgment the one reader keeps (by its slot), the item and
//! annotator as interned ids and the value of the criterion, so that a million labels are held
//! without two strings each; then the [`LabelSource`] of what was kept.

use super::labels::{label_of_score, label_table_of, CriterionRef, CriterionValue, LabelSource};
use super::table::{LabelValue, TableError};
use crate::intern::Interner;

/// The labels of the judgments kept so far, in the reader's slot order.
#[derive(Clone, Default)]
pub struct LabelCollector {
    items: Interner,
    annotators: Interner,
    /// Per slot: item id, annotator id, and the criterion's value.
    kept: Vec<(u32, u32, Kept)>,
}

/// A kept judgment's value of the criterion, small: most are one label.
#[derive(Clone, Debug)]
enum Kept {
    /// The selection left the judgment out.
    NotSelected,
    /// A score that is a label (boolean, number or text).
    Label(LabelValue),
    /// Anything else: no value, a preference, null, a per-output score.
    Other(Box<CriterionValue>),
}

impl Kept {
    fn of(value: Option<CriterionValue>) -> Kept {
        match value {
            None => Kept::NotSelected,
            Some(CriterionValue::Score(value)) => match label_of_score(value) {
                Ok(label) => Kept::Label(label),
                Err(value) => Kept::Other(Box::new(CriterionValue::Score(value))),
            },
            Some(other) => Kept::Other(Box::new(other)),
        }
    }

    fn as_ref(&self) -> Option<CriterionRef<'_>> {
        match self {
            Kept::NotSelected => None,
            Kept::Label(label) => Some(CriterionRef::Label(label)),
            Kept::Other(value) => Some(value.as_ref().into()),
        }
    }
}

impl LabelCollector {
    /// An empty collector.
    pub fn new() -> LabelCollector {
        LabelCollector::default()
    }

    /// Makes room for about `judgments` more.
    pub fn reserve(&mut self, judgments: usize) {
        self.kept.reserve(judgments);
    }

    /// Keeps the judgment the reader put in `slot` (a new slot, or one it replaced): its item,
    /// annotator and value (`None` when the selection left it out).
    pub fn keep(&mut self, slot: usize, item_id: &str, annotator: &str, value: Option<CriterionValue>) {
        let kept = (self.items.intern(item_id), self.annotators.intern(annotator), Kept::of(value));
        match self.kept.get_mut(slot) {
            Some(old) => *old = kept,
            None => {
                debug_assert_eq!(slot, self.kept.len(), "the reader's slots come in order");
                self.kept.push(kept);
            }
        }
    }

    /// Distinct annotators of the kept judgments.
    pub fn annotators(&self) -> u64 {
        self.annotators.len() as u64
    }

    /// Kept judgments the selection kept.
    pub fn selected(&self) -> u64 {
        self.kept.iter().filter(|(_, _, value)| !matches!(value, Kept::NotSelected)).count() as u64
    }

    /// The label table of the selected judgments (see [`label_table_of`]).
    pub fn label_source(&self) -> Result<LabelSource, TableError> {
        label_table_of(
            self.kept
                .iter()
                .filter_map(|(item, annotator, value)| Some((self.items.name(*item), self.annotators.name(*annotator), value.as_ref()?))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::labels::label_table;
    use crate::read::load_judgments;

    #[test]
    fn the_same_table_as_from_the_judgments() {
        let text = concat!(
            r#"{"schema":"verdict/judgment@1","item_id":"q2","annotator":"a","scores":{"grade":1}}"#,
            "\n",
            r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","scores":{"grade":{"m1":2,"m2":3}}}"#,
            "\n",
            r#"{"schema":"verdict/judgment@1","item_id":"q2","annotator":"b","scores":{"grade":2}}"#,
            "\n",
        );
        let judgments = load_judgments("j.jsonl", text).records;
        let mut collector = LabelCollector::new();
        for (slot, judgment) in judgments.iter().enumerate() {
            let mut judgment = judgment.clone();
            let value = CriterionValue::take(&mut judgment, "grade");
            collector.keep(slot, &judgment.item_id, &judgment.annotator, Some(value));
        }
        // A replacement in slot 0, and a judgment left out by the selection.
        collector.keep(0, "q2", "a", Some(CriterionValue::Score(serde_json::json!(3))));
        collector.keep(3, "q3", "c", None);
        let mut expected = judgments.clone();
        expected[0].scores.as_mut().unwrap().insert("grade".into(), serde_json::json!(3));
        assert_eq!(collector.label_source(), label_table(&expected, "grade"));
        assert_eq!((collector.annotators(), collector.selected()), (3, 3));
    }
}
