//! The calibration gate: from one rater's judgments on the calibration items, whether the
//! production queue is open — a pure function, so the app, the CLI and the lead's view agree.
//!
//! Attempt 1 judges the calibration items under their own ids; attempt `n ≥ 2` (a retake) under
//! `"{id}#retake{n-1}"` ([`calibration_item_id`]), so every attempt is a distinct judgment
//! identity and the lead sees all of them. An item is correct when the judgment matches every
//! part of its gold: `gold.preference` equals the winner, each `gold.scores` entry equals the
//! score (numbers compared as numbers; per-output objects model by model).

use serde::Serialize;
use serde_json::Value;

use super::campaign::Campaign;
use crate::judgment::Judgment;
use crate::task::{Gold, Task};

/// The item id a calibration item is judged under in attempt `attempt` (1-based).
pub fn calibration_item_id(item_id: &str, attempt: u32) -> String {
    if attempt <= 1 {
        item_id.to_owned()
    } else {
        format!("{item_id}#retake{}", attempt - 1)
    }
}

/// Where a rater stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum GateStatus {
    /// The campaign has no calibration: production is open.
    Open,
    /// An attempt is under way (or not started).
    InProgress {
        /// The attempt (1-based).
        attempt: u32,
        /// Calibration items judged in it.
        done: u32,
        /// Calibration items in all.
        total: u32,
    },
    /// Passed: production is open.
    Passed {
        /// The attempt that passed.
        attempt: u32,
        /// Its accuracy.
        accuracy: f64,
    },
    /// The last attempt failed; a retake is allowed.
    Failed {
        /// The failed attempt.
        attempt: u32,
        /// Its accuracy.
        accuracy: f64,
        /// Retakes still allowed.
        retakes_left: u32,
    },
    /// Every allowed attempt failed: production stays closed until a lead intervenes.
    Locked {
        /// Accuracy of the last attempt.
        accuracy: f64,
    },
}

impl GateStatus {
    /// True when the rater may see production items.
    pub fn production_open(&self) -> bool {
        matches!(self, GateStatus::Open | GateStatus::Passed { .. })
    }
}

/// One calibration item in one attempt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemResult {
    /// The calibration item.
    pub item_id: String,
    /// True when the judgment matched gold; `None` when not judged yet.
    pub correct: Option<bool>,
}

/// One attempt's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttemptResult {
    /// 1-based attempt number.
    pub attempt: u32,
    /// Per calibration item, in campaign order.
    pub items: Vec<ItemResult>,
    /// Share correct, once every item is judged.
    pub accuracy: Option<f64>,
}

/// The gate of one rater: the status and every attempt made so far (the lead's view).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gate {
    /// The rater.
    pub annotator: String,
    /// Where the rater stands.
    #[serde(flatten)]
    pub status: GateStatus,
    /// Attempts started.
    pub attempts: Vec<AttemptResult>,
}

/// Computes `annotator`'s gate from `judgments` (de-duplicated; other annotators' are ignored).
pub fn gate(campaign: &Campaign, tasks: &[Task], annotator: &str, judgments: &[Judgment]) -> Gate {
    let mut result = Gate { annotator: annotator.to_owned(), status: GateStatus::Open, attempts: Vec::new() };
    let Some(calibration) = campaign.calibration.as_ref().filter(|c| !c.items.is_empty()) else { return result };
    let mine: std::collections::BTreeMap<&str, &Judgment> =
        judgments.iter().filter(|j| j.annotator == annotator).map(|j| (j.item_id.as_str(), j)).collect();
    let gold_of = |item_id: &str| tasks.iter().find(|t| t.id == item_id).and_then(|t| t.gold.as_ref());
    let total = calibration.items.len() as u32;
    for attempt in 1..=1 + calibration.retakes {
        let items: Vec<ItemResult> = calibration
            .items
            .iter()
            .map(|item_id| ItemResult {
                item_id: item_id.clone(),
                correct: mine
                    .get(calibration_item_id(item_id, attempt).as_str())
                    .map(|judgment| gold_of(item_id).is_some_and(|gold| matches_gold(judgment, gold))),
            })
            .collect();
        let done = items.iter().filter(|i| i.correct.is_some()).count() as u32;
        if done == 0 && attempt > 1 {
            break; // the retake has not started: the status stays that of the failed attempt
        }
        let correct = items.iter().filter(|i| i.correct == Some(true)).count() as u32;
        let accuracy = (done == total).then(|| f64::from(correct) / f64::from(total));
        result.attempts.push(AttemptResult { attempt, items, accuracy });
        result.status = match accuracy {
            None => return Gate { status: GateStatus::InProgress { attempt, done, total }, ..result },
            Some(accuracy) if accuracy >= calibration.pass_accuracy => {
                return Gate { status: GateStatus::Passed { attempt, accuracy }, ..result }
            }
            Some(accuracy) if attempt <= calibration.retakes => {
                GateStatus::Failed { attempt, accuracy, retakes_left: calibration.retakes + 1 - attempt }
            }
            Some(accuracy) => GateStatus::Locked { accuracy },
        };
    }
    if result.attempts.is_empty() {
        result.status = GateStatus::InProgress { attempt: 1, done: 0, total };
    }
    result
}

/// True when `judgment` gives every answer `gold` holds.
pub fn matches_gold(judgment: &Judgment, gold: &Gold) -> bool {
    if let Some(expected) = &gold.preference {
        if judgment.preference.as_ref().map(|p| &p.winner) != Some(expected) {
            return false;
        }
    }
    gold.scores
        .iter()
        .all(|(criterion, expected)| judgment.scores.as_ref().and_then(|s| s.get(criterion)).is_some_and(|got| same_value(got, expected)))
}

fn same_value(got: &Value, expected: &Value) -> bool {
    match (got, expected) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Object(got), Value::Object(expected)) => {
            expected.iter().all(|(key, value)| got.get(key).is_some_and(|g| same_value(g, value)))
        }
        _ => got == expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::Preference;

    fn setup() -> (Campaign, Vec<Task>) {
        let campaign = super::super::parse_campaign(
            r#"{"schema":"verdict/campaign@1","id":"c","tasks":"t","roster":[{"annotator":"a"}],
                "calibration":{"items":["c1","c2"],"pass":{"accuracy":1},"retakes":1}}"#,
        )
        .unwrap();
        let tasks = crate::task::load_tasks(
            "t",
            r#"{"id":"c1","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}],"gold":{"preference":"x"}}
{"id":"c2","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}],"gold":{"preference":"y","scores":{"ok":{"x":1}}}}"#,
        )
        .records;
        (campaign, tasks)
    }

    fn judged(item_id: &str, winner: &str, ok_x: f64) -> Judgment {
        let mut judgment = Judgment::new(item_id, "a");
        judgment.preference = Some(Preference { winner: winner.into(), strength: None, extra: Default::default() });
        judgment.scores = Some(serde_json::json!({"ok": {"x": ok_x}}).as_object().unwrap().clone());
        judgment
    }

    #[test]
    fn a_rater_fails_retakes_and_passes() {
        let (campaign, tasks) = setup();
        let status = |js: &[Judgment]| gate(&campaign, &tasks, "a", js).status;
        assert_eq!(status(&[]), GateStatus::InProgress { attempt: 1, done: 0, total: 2 });
        let first = [judged("c1", "x", 0.0), judged("c2", "x", 1.0)];
        assert_eq!(status(&first[..1]), GateStatus::InProgress { attempt: 1, done: 1, total: 2 });
        assert_eq!(status(&first), GateStatus::Failed { attempt: 1, accuracy: 0.5, retakes_left: 1 });
        let mut all = first.to_vec();
        all.extend([judged("c1#retake1", "x", 0.0), judged("c2#retake1", "y", 1.0)]);
        let gate = gate(&campaign, &tasks, "a", &all);
        assert_eq!(gate.status, GateStatus::Passed { attempt: 2, accuracy: 1.0 });
        assert!(gate.status.production_open());
        assert_eq!(gate.attempts[0].items[1].correct, Some(false));
        let wrong_again = [first.to_vec(), vec![judged("c1#retake1", "y", 1.0), judged("c2#retake1", "y", 1.0)]].concat();
        assert_eq!(status(&wrong_again), GateStatus::Locked { accuracy: 0.5 });
        assert_eq!(calibration_item_id("c1", 3), "c1#retake2");
    }

    #[test]
    fn numbers_match_as_numbers() {
        let (_, tasks) = setup();
        assert!(matches_gold(&judged("c2", "y", 1.0), tasks[1].gold.as_ref().unwrap()));
        assert!(!matches_gold(&judged("c2", "y", 2.0), tasks[1].gold.as_ref().unwrap()));
    }
}
