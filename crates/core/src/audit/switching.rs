//! The switching rules between normal, tightened and reduced inspection across successive lots
//! of one vendor (ISO 2859-1:1999 §9.3 = ANSI/ASQ Z1.4-2008 §8.3), as a small serializable state.
//!
//! - normal → tightened: 2 of 5 or fewer consecutive lots not accepted (original inspection);
//! - tightened → normal: 5 consecutive lots accepted under tightened inspection;
//! - normal → reduced: the switching score reaches 30 (production steady and the responsible
//!   authority's approval are the caller's to confirm: `reduced_allowed`). The score starts at
//!   0; after each lot under normal inspection, with Ac ≥ 2 it gains 3 when the lot would have
//!   been accepted at the next tighter AQL and is reset to 0 otherwise; with Ac ≤ 1 it gains 2
//!   when the lot is accepted and is reset to 0 otherwise;
//! - reduced → normal: a lot not accepted, or accepted with Ac < d < Re;
//! - discontinue: 5 lots not accepted while on tightened inspection (cumulative).

use serde::{Deserialize, Serialize};

use super::Inspection;

/// The state file's schema tag.
pub const STATE_SCHEMA: &str = "verdict/audit-state@1";

/// The switching state of one vendor's lot sequence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SwitchingState {
    /// Always [`STATE_SCHEMA`].
    pub schema: String,
    /// The severity the next lot is inspected at.
    pub inspection: Inspection,
    /// Lots decided so far.
    pub lots: u64,
    /// Outcomes (accepted?) of the latest lots under normal inspection, at most 5, oldest first.
    pub recent_normal: Vec<bool>,
    /// Consecutive lots accepted under tightened inspection.
    pub tightened_accepted_run: u32,
    /// Lots not accepted since tightened inspection began.
    pub tightened_rejected: u32,
    /// The switching score toward reduced inspection.
    pub switching_score: u32,
    /// True once 5 lots were not accepted on tightened inspection: stop accepting lots.
    pub discontinued: bool,
}

impl Default for SwitchingState {
    fn default() -> Self {
        SwitchingState {
            schema: STATE_SCHEMA.to_owned(),
            inspection: Inspection::Normal,
            lots: 0,
            recent_normal: Vec::new(),
            tightened_accepted_run: 0,
            tightened_rejected: 0,
            switching_score: 0,
            discontinued: false,
        }
    }
}

/// What happened to one lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LotOutcome {
    /// The lot was accepted.
    pub accepted: bool,
    /// Accepted with Ac < d < Re under reduced inspection.
    pub return_to_normal: bool,
    /// The plan's acceptance number.
    pub ac: u64,
    /// The lot would also have been accepted at the next tighter AQL (only read when Ac ≥ 2).
    pub accepted_at_tighter_aql: bool,
    /// Production is steady and the responsible authority allows reduced inspection.
    pub reduced_allowed: bool,
}

impl SwitchingState {
    /// The state after one more lot, and the new severity when it changed.
    pub fn record(&self, lot: LotOutcome) -> (SwitchingState, Option<Inspection>) {
        let mut next = self.clone();
        next.lots += 1;
        match self.inspection {
            Inspection::Normal => {
                next.recent_normal.push(lot.accepted);
                if next.recent_normal.len() > 5 {
                    next.recent_normal.remove(0);
                }
                next.switching_score = match (lot.ac >= 2, lot.accepted) {
                    (true, true) if lot.accepted_at_tighter_aql => self.switching_score + 3,
                    (false, true) => self.switching_score + 2,
                    _ => 0,
                };
                if next.recent_normal.iter().filter(|a| !**a).count() >= 2 {
                    next.switch_to(Inspection::Tightened);
                } else if next.switching_score >= 30 && lot.reduced_allowed {
                    next.switch_to(Inspection::Reduced);
                }
            }
            Inspection::Tightened => {
                if lot.accepted {
                    next.tightened_accepted_run += 1;
                } else {
                    next.tightened_accepted_run = 0;
                    next.tightened_rejected += 1;
                }
                if next.tightened_rejected >= 5 {
                    next.discontinued = true;
                } else if next.tightened_accepted_run >= 5 {
                    next.switch_to(Inspection::Normal);
                }
            }
            Inspection::Reduced => {
                if !lot.accepted || lot.return_to_normal {
                    next.switch_to(Inspection::Normal);
                }
            }
        }
        let changed = (next.inspection != self.inspection).then_some(next.inspection);
        (next, changed)
    }

    fn switch_to(&mut self, inspection: Inspection) {
        self.inspection = inspection;
        self.recent_normal.clear();
        self.tightened_accepted_run = 0;
        self.switching_score = 0;
        if inspection == Inspection::Tightened {
            self.tightened_rejected = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lot(accepted: bool) -> LotOutcome {
        LotOutcome { accepted, return_to_normal: false, ac: 1, accepted_at_tighter_aql: false, reduced_allowed: true }
    }

    fn run(start: SwitchingState, lots: &[bool]) -> SwitchingState {
        lots.iter().fold(start, |state, &accepted| state.record(lot(accepted)).0)
    }

    #[test]
    fn follows_the_standard_switching_rules() {
        // Two rejections within five lots: tightened.
        let tightened = run(SwitchingState::default(), &[true, false, true, true, false]);
        assert_eq!(tightened.inspection, Inspection::Tightened);
        // Two rejections six lots apart do not.
        assert_eq!(run(SwitchingState::default(), &[false, true, true, true, true, false]).inspection, Inspection::Normal);
        // Five accepted on tightened: back to normal.
        assert_eq!(run(tightened.clone(), &[true; 5]).inspection, Inspection::Normal);
        assert_eq!(run(tightened.clone(), &[true, true, true, true]).inspection, Inspection::Tightened);
        // Five rejected on tightened: discontinued.
        assert!(run(tightened, &[false, true, false, false, true, false, false]).discontinued);
        // Ac ≤ 1: +2 per accepted lot, so 15 accepted lots reach 30 → reduced.
        let reduced = run(SwitchingState::default(), &[true; 15]);
        assert_eq!(reduced.inspection, Inspection::Reduced);
        assert_eq!(run(SwitchingState::default(), &[true; 14]).switching_score, 28);
        // One rejection under reduced: normal.
        assert_eq!(run(reduced.clone(), &[false]).inspection, Inspection::Normal);
        let (back, change) = reduced.record(LotOutcome { return_to_normal: true, ..lot(true) });
        assert_eq!((back.inspection, change), (Inspection::Normal, Some(Inspection::Normal)));
        // Ac ≥ 2: +3 only when the tighter AQL would also accept; otherwise reset.
        let high = LotOutcome { ac: 2, accepted_at_tighter_aql: true, ..lot(true) };
        let state = (0..9).fold(SwitchingState::default(), |s, _| s.record(high).0);
        assert_eq!(state.switching_score, 27);
        assert_eq!(state.record(LotOutcome { accepted_at_tighter_aql: false, ..high }).0.switching_score, 0);
        assert_eq!(state.record(high).0.inspection, Inspection::Reduced);
        // The state round-trips through its JSON file.
        let text = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<SwitchingState>(&text).unwrap(), state);
    }
}
