//! The commands' JSON outputs are contracts (DESIGN, "Command line"): every `--json` object
//! names its versioned shape in a `"schema"` field, and `docs/schemas/output.schema.json` holds
//! the JSON Schema of each (`$defs`, one per name below). A change to an output's fields is a
//! change to its schema, and a breaking one is a new version (`@2`), never a silent edit:
//! the CLI's tests validate every output they read against the schema.

use serde::Serialize;

/// The versioned names of the commands' JSON outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// `verdict validate --json`.
    Validate,
    /// `verdict agree --json` (coefficients, and pair agreement with `--between/--and`).
    Agree,
    /// `verdict agree --retest --json`.
    AgreeRetest,
    /// `verdict rank --json` (with or without `--style-control`).
    Rank,
    /// `verdict rank --by FIELD --json`: one leaderboard per slice.
    RankSlices,
    /// `verdict aggregate --json`.
    Aggregate,
    /// `verdict report --json`.
    Report,
    /// `verdict spc --json`.
    Spc,
    /// `verdict audit plan --json` with an AQL and a lot (ISO 2859-1).
    AuditPlan,
    /// `verdict audit plan --json` with AQL, LTPD, α and β (a custom plan).
    AuditCustomPlan,
    /// `verdict audit decide --json`.
    AuditDecide,
    /// `verdict plan CAMPAIGN --json`.
    Plan,
    /// `verdict plan size --json`.
    PlanSize,
}

impl Output {
    /// Every output, in the order of the schema file's `$defs`.
    pub const ALL: [Output; 13] = [
        Output::Validate,
        Output::Agree,
        Output::AgreeRetest,
        Output::Rank,
        Output::RankSlices,
        Output::Aggregate,
        Output::Report,
        Output::Spc,
        Output::AuditPlan,
        Output::AuditCustomPlan,
        Output::AuditDecide,
        Output::Plan,
        Output::PlanSize,
    ];

    /// The name an output carries in its `"schema"` field, e.g. `verdict/agree-output@1`.
    pub fn schema(self) -> &'static str {
        match self {
            Output::Validate => "verdict/validate-output@1",
            Output::Agree => "verdict/agree-output@1",
            Output::AgreeRetest => "verdict/agree-retest-output@1",
            Output::Rank => "verdict/rank-output@1",
            Output::RankSlices => "verdict/rank-slices-output@1",
            Output::Aggregate => "verdict/aggregate-output@1",
            Output::Report => "verdict/report-output@1",
            Output::Spc => "verdict/spc-output@1",
            Output::AuditPlan => "verdict/audit-plan-output@1",
            Output::AuditCustomPlan => "verdict/audit-custom-plan-output@1",
            Output::AuditDecide => "verdict/audit-decide-output@1",
            Output::Plan => "verdict/plan-output@1",
            Output::PlanSize => "verdict/plan-size-output@1",
        }
    }

    /// The output `body` under this name: `{"schema": …, …body's fields}`.
    pub fn wrap<T: Serialize + ?Sized>(self, body: &T) -> Versioned<'_, T> {
        Versioned { schema: self.schema(), body }
    }

    /// The output whose `"schema"` field is `name`.
    pub fn from_schema(name: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|output| output.schema() == name)
    }
}

/// A command's output with its versioned name first (see [`Output::wrap`]).
#[derive(Serialize)]
pub struct Versioned<'a, T: Serialize + ?Sized> {
    /// The versioned name of the output's shape.
    pub schema: &'static str,
    /// The command's fields (a struct or a JSON object).
    #[serde(flatten)]
    pub body: &'a T,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_comes_first_and_the_fields_follow_in_order() {
        let body = serde_json::json!({"results": [], "input": {"files": 1}});
        let text = serde_json::to_string(&Output::Agree.wrap(&body)).unwrap();
        assert_eq!(text, r#"{"schema":"verdict/agree-output@1","results":[],"input":{"files":1}}"#);
        assert!(Output::ALL.iter().all(|&o| Output::from_schema(o.schema()) == Some(o)));
    }
}
