//! What the workspace's audit tab shows, in one call each: the plan (ISO 2859-1 from lot, AQL,
//! level and inspection, or custom from AQL, LTPD, α, β) with its OC curve, and the decision on
//! a lot from the QA judgments. The worker calls these; the components only draw.

use serde::{Deserialize, Serialize};

use super::custom::{custom_plan, Risks};
use super::lot::{decide_lot, IsoCell, LotDecision};
use super::switching::SwitchingState;
use super::{aql_column, oc_curve, standard_plan, AuditError, Inspection, Level, OcPoint, Plan};
use crate::Judgment;

/// The audit tab's plan settings (`verdict audit plan`'s flags as fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanRequest {
    /// Lot size.
    pub lot: u64,
    /// AQL, percent.
    pub aql: f64,
    /// `I`, `II`, `III`, `S1`…`S4`.
    pub level: String,
    /// `normal`, `tightened` or `reduced` (ignored when a state is given to [`decide_view`]).
    pub inspection: String,
    /// LTPD, percent: asks for a custom plan.
    pub ltpd: Option<f64>,
    /// Producer's risk of a custom plan.
    pub alpha: f64,
    /// Consumer's risk of a custom plan.
    pub beta: f64,
}

impl Default for PlanRequest {
    fn default() -> Self {
        PlanRequest { lot: 1000, aql: 1.0, level: "II".into(), inspection: "normal".into(), ltpd: None, alpha: 0.05, beta: 0.10 }
    }
}

/// A plan and its OC curve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// ISO code letter (`None` for custom plans).
    pub code_letter: Option<char>,
    /// The plan.
    pub plan: Plan,
    /// True when n ≥ the lot: inspect every item.
    pub inspect_all: bool,
    /// The severity (ISO plans).
    pub inspection: Option<Inspection>,
    /// P(accept) against the lot's defect rate.
    pub oc: Vec<OcPoint>,
}

/// Why no plan.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PlanRequestError {
    /// A level or inspection name that does not exist.
    #[error("{field}: unknown value `{value}`")]
    Unknown {
        /// The setting.
        field: &'static str,
        /// Its value.
        value: String,
    },
    /// The tables or the search found no plan.
    #[error(transparent)]
    Audit(#[from] AuditError),
    /// Nothing was reviewed.
    #[error("no reviewed items in the QA judgments")]
    NothingReviewed,
}

fn plan_with_cell(request: &PlanRequest, inspection: Inspection) -> Result<(PlanView, Option<IsoCell>), PlanRequestError> {
    if let Some(ltpd) = request.ltpd {
        let custom =
            custom_plan(Risks { aql: request.aql / 100.0, ltpd: ltpd / 100.0, alpha: request.alpha, beta: request.beta, lot: None })?;
        let plan = custom.plan();
        return Ok((PlanView { code_letter: None, plan, inspect_all: false, inspection: None, oc: oc_curve(plan, false, 20) }, None));
    }
    let level =
        Level::from_name(&request.level).ok_or_else(|| PlanRequestError::Unknown { field: "level", value: request.level.clone() })?;
    let standard = standard_plan(request.lot, request.aql, level, inspection)?;
    let view = PlanView {
        code_letter: Some(standard.code_letter),
        plan: standard.plan,
        inspect_all: standard.inspect_all,
        inspection: Some(inspection),
        // The CLI's choice: Poisson above AQL 10 % (nonconformities per hundred units).
        oc: oc_curve(standard.plan, request.aql > 10.0, 20),
    };
    let cell = IsoCell { letter: standard.code_letter, column: aql_column(request.aql)? };
    Ok((view, Some(cell)))
}

fn inspection_of(request: &PlanRequest) -> Result<Inspection, PlanRequestError> {
    Inspection::from_name(&request.inspection)
        .ok_or_else(|| PlanRequestError::Unknown { field: "inspection", value: request.inspection.clone() })
}

/// The plan for `request`, as `verdict audit plan` gives it.
pub fn plan_view(request: &PlanRequest) -> Result<PlanView, PlanRequestError> {
    plan_with_cell(request, inspection_of(request)?).map(|(view, _)| view)
}

/// Decides a lot from QA `judgments` (defective when `flag` is raised) under the plan of
/// `request`; a switching `state` sets the severity and is advanced (ISO plans only).
pub fn decide_view(
    judgments: &[Judgment],
    flag: &str,
    request: &PlanRequest,
    state: Option<&SwitchingState>,
) -> Result<(PlanView, LotDecision), PlanRequestError> {
    let inspection = match state {
        Some(state) => state.inspection,
        None => inspection_of(request)?,
    };
    let (view, cell) = plan_with_cell(request, inspection)?;
    let decision = decide_lot(judgments, flag, view.plan, inspection, cell, state, false).ok_or(PlanRequestError::NothingReviewed)?;
    Ok((view, decision))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_custom_plans_and_a_decision() {
        // ISO 2859-1 Table I: lot 1000, level II → J; Table II-A, J at AQL 1.0: n = 80, Ac 2, Re 3.
        let view = plan_view(&PlanRequest::default()).unwrap();
        assert_eq!((view.code_letter, view.plan), (Some('J'), Plan { n: 80, ac: 2, re: 3 }));
        assert_eq!(view.oc.len(), 21);
        let custom = plan_view(&PlanRequest { ltpd: Some(5.0), ..PlanRequest::default() }).unwrap();
        assert_eq!(custom.code_letter, None);
        let mut judgments = Vec::new();
        for index in 0..80 {
            let mut j = Judgment::new(format!("i{index}"), "qa");
            j.flags = Some(if index < 3 { vec!["defect".into()] } else { Vec::new() });
            judgments.push(j);
        }
        let (_, lot) = decide_view(&judgments, "defect", &PlanRequest::default(), Some(&SwitchingState::default())).unwrap();
        assert!(!lot.decision.accept, "3 defects reach Re = 3");
        assert_eq!(lot.next_state.unwrap().lots, 1);
        assert!(matches!(plan_view(&PlanRequest { level: "IV".into(), ..PlanRequest::default() }), Err(PlanRequestError::Unknown { .. })));
    }
}
