//! Adjudications: a quality lead's final answer on a disputed item, with its root cause.
//!
//! Saved by the app like judgments (IndexedDB), exported as JSONL (`verdict/adjudication@1`),
//! and turned into gold: the adjudicated items written back as a task file with `gold` filled,
//! ready to seed the next gold set.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::task::{Gold, Task};

/// Schema tag of adjudication lines.
pub const SCHEMA: &str = "verdict/adjudication@1";

/// Root-cause tags offered by default (the list is configurable in the app).
pub const DEFAULT_ROOT_CAUSES: &[&str] = &["guideline unclear", "annotator error", "ambiguous item", "tool issue", "other"];

/// One adjudicated item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adjudication {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The item.
    pub item_id: String,
    /// The final preference: a model id, `tie` or `both_bad`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preference: Option<String>,
    /// Final criterion values, keyed like judgment scores.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub scores: Map<String, Value>,
    /// Why the annotators disagreed.
    pub root_cause: String,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who adjudicated.
    pub adjudicator: String,
    /// When (RFC 3339).
    pub decided_at: String,
}

impl Adjudication {
    /// The adjudication as one JSONL line.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("an adjudication always serializes")
    }
}

/// Counts per root cause, most frequent first (ties by name): the bars of a Pareto chart.
pub fn pareto(adjudications: &[Adjudication]) -> Vec<(String, u64)> {
    let mut counts = std::collections::BTreeMap::<&str, u64>::new();
    for adjudication in adjudications {
        *counts.entry(adjudication.root_cause.as_str()).or_default() += 1;
    }
    let mut bars: Vec<(String, u64)> = counts.into_iter().map(|(cause, n)| (cause.to_owned(), n)).collect();
    bars.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    bars
}

/// The adjudicated items of `tasks` as a task file (JSONL) with `gold` set from the
/// adjudications; items without an adjudication are left out. Returns the text and how many
/// adjudications named an item the task file does not have.
pub fn gold_task_file(tasks: &[Task], adjudications: &[Adjudication]) -> (String, usize) {
    let by_item: std::collections::HashMap<&str, &Adjudication> = adjudications.iter().map(|a| (a.item_id.as_str(), a)).collect();
    let mut out = String::new();
    let mut used = 0;
    for task in tasks {
        let Some(adjudication) = by_item.get(task.id.as_str()) else { continue };
        used += 1;
        let mut task = task.clone();
        let mut gold = task.gold.take().unwrap_or_else(Gold::default);
        if adjudication.preference.is_some() {
            gold.preference = adjudication.preference.clone();
        }
        for (criterion, value) in &adjudication.scores {
            gold.scores.insert(criterion.clone(), value.clone());
        }
        task.gold = Some(gold);
        out.push_str(&serde_json::to_string(&task).expect("a task always serializes"));
        out.push('\n');
    }
    (out, adjudications.len() - used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::load_tasks;

    fn adjudication(item: &str, winner: &str, cause: &str) -> Adjudication {
        Adjudication {
            schema: SCHEMA.into(),
            item_id: item.into(),
            preference: Some(winner.into()),
            scores: Map::new(),
            root_cause: cause.into(),
            note: String::new(),
            adjudicator: "lead".into(),
            decided_at: "2026-11-25T12:00:00Z".into(),
        }
    }

    #[test]
    fn pareto_orders_by_count_then_name() {
        let list = [
            adjudication("a", "x", "tool issue"),
            adjudication("b", "x", "annotator error"),
            adjudication("c", "x", "annotator error"),
            adjudication("d", "x", "ambiguous item"),
        ];
        assert_eq!(pareto(&list), vec![("annotator error".into(), 2), ("ambiguous item".into(), 1), ("tool issue".into(), 1)]);
    }

    #[test]
    fn gold_task_file_keeps_adjudicated_items_with_gold_filled() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-pairs/tasks.jsonl").unwrap();
        let tasks = load_tasks("tasks.jsonl", &text).records;
        let list = [adjudication("mtbench-102-t1", "gpt-4", "annotator error"), adjudication("nope", "tie", "other")];
        let (out, unknown) = gold_task_file(&tasks, &list);
        assert_eq!(unknown, 1);
        let reloaded = load_tasks("gold.jsonl", &out);
        assert_eq!(reloaded.problems, vec![]);
        assert_eq!(reloaded.records.len(), 1);
        assert_eq!(reloaded.records[0].gold.as_ref().unwrap().preference.as_deref(), Some("gpt-4"));
        assert_eq!(reloaded.records[0].outputs, tasks[1].outputs);
    }

    #[test]
    fn lines_round_trip() {
        let a = adjudication("q", "tie", "other");
        let back: Adjudication = serde_json::from_str(&a.to_json_line()).unwrap();
        assert_eq!(back, a);
    }
}
