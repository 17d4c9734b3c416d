//! The SPC and audit tabs' settings as reducers: the core's request types, changed one field at
//! a time by typed actions (no IO here; the pages run the worker with the current request).

use std::rc::Rc;

use verdict_core::audit::view::PlanRequest;
use verdict_core::spc::view::SpcRequest;
use yew::Reducible;

/// One setting of the SPC tab changed (field name as in [`SpcRequest`], value as typed).
#[derive(Clone, Debug, PartialEq)]
pub struct SpcSet(pub &'static str, pub String);

/// The SPC tab's request.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SpcSettings(pub SpcRequest);

impl Reducible for SpcSettings {
    type Action = SpcSet;
    fn reduce(self: Rc<Self>, SpcSet(field, value): SpcSet) -> Rc<Self> {
        let mut next = self.0.clone();
        match field {
            "metric" => next.metric = value,
            "by" => next.by = value,
            "period" => next.period = value,
            "chart" => next.chart = value,
            "rules" => next.rules = value,
            "baseline_from" => next.baseline_from = value,
            "baseline_to" => next.baseline_to = value,
            "include_judges" => next.include_judges = value == "true",
            "rows" => next.rows = value,
            "columns" => next.columns = value,
            "before_from" => next.before_from = value,
            "before_to" => next.before_to = value,
            "after_from" => next.after_from = value,
            "after_to" => next.after_to = value,
            "kpi_target" => next.kpi_target = value.parse().unwrap_or(next.kpi_target),
            _ => return self,
        }
        if next == self.0 {
            self
        } else {
            Rc::new(SpcSettings(next))
        }
    }
}

/// One setting of the audit tab changed.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditSet(pub &'static str, pub String);

/// The audit tab's plan request.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AuditSettings(pub PlanRequest);

impl Reducible for AuditSettings {
    type Action = AuditSet;
    fn reduce(self: Rc<Self>, AuditSet(field, value): AuditSet) -> Rc<Self> {
        let mut next = self.0.clone();
        match field {
            "lot" => next.lot = value.trim().parse().unwrap_or(next.lot),
            "aql" => next.aql = value.trim().parse().unwrap_or(next.aql),
            "level" => next.level = value,
            "inspection" => next.inspection = value,
            "ltpd" => next.ltpd = value.trim().parse().ok().filter(|v: &f64| *v > 0.0),
            "alpha" => next.alpha = value.trim().parse().unwrap_or(next.alpha),
            "beta" => next.beta = value.trim().parse().unwrap_or(next.beta),
            _ => return self,
        }
        if next == self.0 {
            self
        } else {
            Rc::new(AuditSettings(next))
        }
    }
}
