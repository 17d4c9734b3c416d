//! Deciding one delivered lot from the QA reviewers' judgments: which reviewed items are
//! defective, the accept/reject decision with a Clopper–Pearson interval, and the next
//! switching state (ISO plans). Shared by `verdict audit decide` and the workspace's audit view.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::switching::{LotOutcome, SwitchingState};
use super::{decide, table_plan, Decision, Inspection, Plan};
use crate::Judgment;

/// True when the judgment marks its item defective by `flag`: the flag is raised, or a score
/// named `flag` is true, a non-zero number, or `yes`/`true`/`defect`/`1`.
pub fn marks_defect(judgment: &Judgment, flag: &str) -> bool {
    judgment.flags.iter().flatten().any(|f| f == flag)
        || judgment.scores.as_ref().and_then(|s| s.get(flag)).is_some_and(|v| match v {
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
            Value::String(s) => matches!(s.as_str(), "yes" | "true" | "defect" | "1"),
            _ => false,
        })
}

/// (defective items, inspected items): an item counts once however many reviewers saw it and
/// is defective when any of them says so.
pub fn count_defects(judgments: &[Judgment], flag: &str) -> (u64, u64) {
    let mut items: BTreeMap<&str, bool> = BTreeMap::new();
    for judgment in judgments {
        *items.entry(judgment.item_id.as_str()).or_default() |= marks_defect(judgment, flag);
    }
    (items.values().filter(|d| **d).count() as u64, items.len() as u64)
}

/// Where an ISO plan sits in the master table, for the switching score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoCell {
    /// The plan's code letter (after the table's arrows).
    pub letter: char,
    /// The AQL column.
    pub column: usize,
}

/// The decision on one lot and, for ISO plans with a state, the next state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LotDecision {
    /// Accept, reject, defects, rate and its 95% Clopper–Pearson interval.
    #[serde(flatten)]
    pub decision: Decision,
    /// The plan used.
    pub plan: Plan,
    /// The severity the lot was inspected at.
    pub inspection: Inspection,
    /// The switching state after this lot (when a state was given and the plan is ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_state: Option<SwitchingState>,
    /// The new severity when this lot switched it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub switched_to: Option<Inspection>,
}

/// Decides a lot: counts defects in `judgments` by `flag`, applies `plan`, and with a `state`
/// and the plan's ISO cell records the lot in the switching rules (the score asks whether the
/// next tighter AQL's normal plan would also have accepted). `None` when nothing was reviewed.
pub fn decide_lot(
    judgments: &[Judgment],
    flag: &str,
    plan: Plan,
    inspection: Inspection,
    iso: Option<IsoCell>,
    state: Option<&SwitchingState>,
    reduced_allowed: bool,
) -> Option<LotDecision> {
    let (defects, inspected) = count_defects(judgments, flag);
    let decision = decide(plan, defects, inspected)?;
    let mut lot = LotDecision { decision, plan, inspection, next_state: None, switched_to: None };
    if let (Some(state), Some(cell)) = (state, iso) {
        let tighter = cell.column.checked_sub(1).and_then(|c| table_plan(cell.letter, c, Inspection::Normal).ok()).map(|(_, p)| p);
        let outcome = LotOutcome {
            accepted: lot.decision.accept,
            return_to_normal: lot.decision.return_to_normal,
            ac: plan.ac,
            accepted_at_tighter_aql: tighter.is_some_and(|p| defects <= p.ac),
            reduced_allowed,
        };
        let (next, change) = state.record(outcome);
        lot.next_state = Some(next);
        lot.switched_to = change;
    }
    Some(lot)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviewed(item: &str, flags: &[&str]) -> Judgment {
        let mut j = Judgment::new(item, "qa-1");
        j.flags = Some(flags.iter().map(|f| (*f).to_owned()).collect());
        j
    }

    #[test]
    fn counts_items_once_and_decides() {
        let judgments = vec![reviewed("a", &["defect"]), reviewed("a", &[]), reviewed("b", &[]), reviewed("c", &["typo"])];
        assert_eq!(count_defects(&judgments, "defect"), (1, 3));
        let plan = Plan { n: 3, ac: 0, re: 1 };
        let lot = decide_lot(&judgments, "defect", plan, Inspection::Normal, None, None, false).unwrap();
        assert!(!lot.decision.accept);
        // Clopper–Pearson 95% for 1/3, R 4.2.2: binom.test(1, 3)$conf.int = 0.008403759, 0.905700676.
        assert!((lot.decision.ci_low - 0.008403759).abs() < 1e-8 && (lot.decision.ci_high - 0.905700676).abs() < 1e-8);
        assert!(decide_lot(&[], "defect", plan, Inspection::Normal, None, None, false).is_none());
    }

    #[test]
    fn two_rejections_in_five_lots_tighten_inspection() {
        let plan = Plan { n: 2, ac: 0, re: 1 };
        let bad = [reviewed("a", &["defect"]), reviewed("b", &[])];
        let cell = Some(IsoCell { letter: 'C', column: 10 });
        let first = decide_lot(&bad, "defect", plan, Inspection::Normal, cell, Some(&SwitchingState::default()), false).unwrap();
        assert_eq!(first.switched_to, None);
        let second = decide_lot(&bad, "defect", plan, Inspection::Normal, cell, first.next_state.as_ref(), false).unwrap();
        assert_eq!(second.switched_to, Some(Inspection::Tightened));
    }
}
