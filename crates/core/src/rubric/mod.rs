//! Rubrics: what the rater is asked (mode, preference scale, criteria, wellbeing settings).

pub mod guide;

use serde::{Deserialize, Serialize};

use crate::problem::{error_without_position, wrong_type, Detail, Expected, FieldProblems, Problem};
use crate::task::Task;

/// How outputs are presented and judged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One output at a time; criteria only.
    Single,
    /// Two outputs side by side with a preference.
    #[default]
    Pairwise,
    /// N outputs, ordered best to worst.
    Ranking,
}

/// Level of measurement of a criterion, for agreement statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Unordered categories.
    Nominal,
    /// Ordered categories.
    Ordinal,
    /// Numbers with meaningful differences.
    Interval,
    /// Numbers with a meaningful zero.
    Ratio,
}

impl Level {
    /// The level's name as written in rubrics and outputs (`nominal`, `ordinal`, …).
    pub fn name(self) -> &'static str {
        match self {
            Level::Nominal => "nominal",
            Level::Ordinal => "ordinal",
            Level::Interval => "interval",
            Level::Ratio => "ratio",
        }
    }
}

/// The kind of answer a criterion takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CriterionKind {
    /// An integer from `min` to `max`.
    Likert,
    /// Yes or no (`true`/`false`).
    Binary,
    /// One of `options`, or several when `multi`.
    Choice,
    /// Free text.
    Text,
}

/// One question of the rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Key in judgment `scores`; unique within the rubric.
    pub id: String,
    /// What the rater sees.
    #[serde(default)]
    pub label: String,
    /// Optional longer help text (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Answer kind.
    pub kind: CriterionKind,
    /// Likert minimum (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Likert maximum (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Options of a choice criterion, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Choice: several options may be picked.
    #[serde(default)]
    pub multi: bool,
    /// Level of measurement for agreement (otherwise inferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Asked once per output (scores keyed by model) rather than once per item.
    #[serde(default)]
    pub per_output: bool,
    /// Must be answered before submitting; defaults to true except for text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Likert: what points mean, keyed by the point (`{"1": "useless", "5": "perfect"}`). Read as
    /// JSON values (checked to be strings by [`guide::check`]): the same map type as `when`
    /// and task metadata, which keeps the rating bundle smaller than a map of its own.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub anchors: serde_json::Map<String, serde_json::Value>,
    /// Ask this criterion only when earlier criteria have these answers (`{"harmless": false}`);
    /// see [`guide`].
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub when: serde_json::Map<String, serde_json::Value>,
}

impl Criterion {
    /// Whether the rater must answer this criterion (text is optional unless stated).
    pub fn is_required(&self) -> bool {
        self.required.unwrap_or(self.kind != CriterionKind::Text)
    }

    /// The likert range `(min, max)`, defaulting to 1..=5.
    pub fn likert_range(&self) -> (i64, i64) {
        (self.min.unwrap_or(1), self.max.unwrap_or(5))
    }

    /// Label shown to raters: `label`, or the id when no label is given.
    pub fn display_label(&self) -> &str {
        if self.label.is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

/// The preference question of pairwise rubrics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreferenceScale {
    /// Labels from "A much better" to "B much better"; an odd count has a tie in the middle.
    #[serde(default = "default_scale")]
    pub scale: Vec<String>,
    /// Offer "both bad" beside the scale.
    #[serde(default)]
    pub allow_both_bad: bool,
}

impl Default for PreferenceScale {
    fn default() -> Self {
        PreferenceScale { scale: default_scale(), allow_both_bad: false }
    }
}

/// The labels of the built-in three-point scale (a rubric that gives none); the app shows them
/// in the rater's language.
pub const DEFAULT_SCALE: [&str; 3] = ["A better", "Tie", "B better"];

fn default_scale() -> Vec<String> {
    DEFAULT_SCALE.map(String::from).to_vec()
}

/// Settings that protect raters who read harmful content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wellbeing {
    /// Blur sensitive items until the rater chooses to reveal them.
    #[serde(default = "yes")]
    pub blur_sensitive: bool,
    /// Remind the rater to take a break after this many minutes of rating (0 or absent: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_every_minutes: Option<u32>,
    /// Pause the recorded duration after this many seconds without a key press, click or
    /// scroll (default 60; see `Session::active_ms_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_after_seconds: Option<u32>,
    /// Exposure caps per rater and day (the wellbeing module measures exposure against them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure_caps: Option<ExposureCaps>,
    /// Also treat items whose `meta.<field>` has one of these values as sensitive,
    /// e.g. `{"field": "policy", "values": ["self-harm"]}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_when: Vec<SensitiveRule>,
}

/// A rubric rule that marks items sensitive by their metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SensitiveRule {
    /// The `meta` field to look at.
    pub field: String,
    /// Values that make the item sensitive.
    pub values: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Default for Wellbeing {
    fn default() -> Self {
        Wellbeing {
            blur_sensitive: true,
            break_every_minutes: None,
            idle_after_seconds: None,
            exposure_caps: None,
            sensitive_when: Vec::new(),
        }
    }
}

/// When gold answers are shown to the rater.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldFeedback {
    /// Never show gold.
    #[default]
    Never,
    /// Show the gold answer after each submission (calibration mode).
    AfterSubmit,
}

/// A rubric file (DESIGN's rubric format).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    /// Title shown at the top of the workspace.
    #[serde(default)]
    pub title: String,
    /// Instructions for raters (Markdown).
    #[serde(default)]
    pub instructions: String,
    /// Presentation mode.
    #[serde(default)]
    pub mode: Mode,
    /// Hide model names.
    #[serde(default)]
    pub blind: bool,
    /// Counterbalance output order per annotator.
    #[serde(default)]
    pub randomize_order: bool,
    /// Pairwise preference scale.
    #[serde(default)]
    pub preference: PreferenceScale,
    /// Questions asked per item or per output.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Rater protection.
    #[serde(default)]
    pub wellbeing: Wellbeing,
    /// Calibration feedback.
    #[serde(default)]
    pub gold_feedback: GoldFeedback,
}

impl Default for Rubric {
    fn default() -> Self {
        Rubric {
            title: "Which output is better?".into(),
            instructions: String::new(),
            mode: Mode::Pairwise,
            blind: true,
            randomize_order: true,
            preference: PreferenceScale::default(),
            criteria: Vec::new(),
            wellbeing: Wellbeing::default(),
            gold_feedback: GoldFeedback::Never,
        }
    }
}

impl Rubric {
    /// Whether `task` is to be blurred for this rubric (meta.sensitive or a rubric rule).
    pub fn is_sensitive(&self, task: &Task) -> bool {
        task.is_sensitive()
            || self.wellbeing.sensitive_when.iter().any(|rule| {
                task.meta.get(&rule.field).is_some_and(|value| match value {
                    serde_json::Value::String(text) => rule.values.contains(text),
                    serde_json::Value::Array(items) => items.iter().any(|v| v.as_str().is_some_and(|t| rule.values.iter().any(|r| r == t))),
                    _ => false,
                })
            })
    }

    /// The criterion with id `id`.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

impl Rubric {
    /// Checks a judgment's `scores` against this rubric: every key is a criterion, and every
    /// value fits its kind (likert integer in range, binary boolean, choice among the options,
    /// text string); per-output criteria are keyed by model. Returns `(field, problem)` pairs.
    pub fn check_scores(&self, scores: &serde_json::Map<String, serde_json::Value>) -> FieldProblems {
        use serde_json::Value;
        let mut problems = Vec::new();
        for (id, value) in scores {
            let Some(criterion) = self.criterion(id) else {
                problems.push((format!("scores.{id}"), Detail::NotACriterion));
                continue;
            };
            let values: Vec<(String, &Value)> = match (criterion.per_output, value) {
                (true, Value::Object(per_model)) => per_model.iter().map(|(model, v)| (format!("scores.{id}.{model}"), v)).collect(),
                (true, other) => {
                    problems.push((format!("scores.{id}"), wrong_type(Expected::ScoresByModel, other)));
                    continue;
                }
                (false, other) => vec![(format!("scores.{id}"), other)],
            };
            for (field, value) in values {
                if let Some(problem) = criterion.check_value(value) {
                    problems.push((field, problem));
                }
            }
        }
        problems
    }
}

impl Criterion {
    /// Why `value` is not a valid answer to this criterion, or `None` when it is (`null` is
    /// an unanswered optional criterion).
    pub fn check_value(&self, value: &serde_json::Value) -> Option<Detail> {
        use serde_json::Value;
        match (self.kind, value) {
            (_, Value::Null) => None,
            (CriterionKind::Likert, Value::Number(number)) => {
                let (min, max) = self.likert_range();
                match number.as_i64() {
                    Some(score) if (min..=max).contains(&score) => None,
                    _ => Some(Detail::OutOfRange { found: number.to_string(), min, max }),
                }
            }
            (CriterionKind::Likert, _) => Some(wrong_type(Expected::WholeNumber, value)),
            (CriterionKind::Binary, Value::Bool(_)) => None,
            (CriterionKind::Binary, _) => Some(wrong_type(Expected::Boolean, value)),
            (CriterionKind::Choice, Value::String(option)) if !self.multi => {
                (!self.options.contains(option)).then(|| Detail::NotAnOption { option: option.clone() })
            }
            (CriterionKind::Choice, Value::Array(picked)) if self.multi => picked.iter().find_map(|option| match option {
                Value::String(option) if self.options.contains(option) => None,
                Value::String(option) => Some(Detail::NotAnOption { option: option.clone() }),
                other => Some(wrong_type(Expected::OneOption, other)),
            }),
            (CriterionKind::Choice, _) => Some(wrong_type(if self.multi { Expected::OptionArray } else { Expected::OneOption }, value)),
            (CriterionKind::Text, Value::String(_)) => None,
            (CriterionKind::Text, _) => Some(wrong_type(Expected::String, value)),
        }
    }
}

/// The largest magnitude a likert bound may have: scales are short (at most 21 points), and
/// the bounds must stay far from integer overflow wherever they are used (the app, the CLI).
pub const LIKERT_BOUND: u64 = 1_000_000;

/// Parses and checks a rubric (JSON). Every problem is listed; the rubric is usable only
/// when there are no errors.
pub fn load_rubric(file: &str, text: &str) -> Result<Rubric, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rubric: Rubric = serde_json::from_str(text).map_err(|error| {
        let (field, detail) = serde_problem(&error);
        vec![Problem::error(file, error.line() as u64, &field, detail)]
    })?;
    let line_at = |at: usize| text[..at].matches('\n').count() as u64 + 1;
    let line_of = |needle: &str| -> u64 { text.find(needle).map_or(1, line_at) };
    // The i-th `"id"` key after `"criteria"` starts criterion i: good enough to point at it.
    let criteria_start = text.find("\"criteria\"").unwrap_or(0);
    let criterion_lines: Vec<u64> = text[criteria_start..].match_indices("\"id\"").map(|(at, _)| line_at(criteria_start + at)).collect();
    let mut problems = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (index, criterion) in rubric.criteria.iter().enumerate() {
        let field = format!("criteria[{index}]");
        let line = criterion_lines.get(index).copied().unwrap_or(1);
        if criterion.id.trim().is_empty() {
            problems.push(Problem::error(file, line, &format!("{field}.id"), Detail::Empty));
        } else if !ids.insert(criterion.id.as_str()) {
            problems.push(Problem::error(file, line, &format!("{field}.id"), Detail::DuplicateCriterion { id: criterion.id.clone() }));
        }
        match criterion.kind {
            CriterionKind::Likert => {
                let (min, max) = criterion.likert_range();
                if min.unsigned_abs() > LIKERT_BOUND || max.unsigned_abs() > LIKERT_BOUND {
                    let which = if min.unsigned_abs() > LIKERT_BOUND { "min" } else { "max" };
                    let detail = Detail::BoundTooLarge { bound: LIKERT_BOUND as i64 };
                    problems.push(Problem::error(file, line, &format!("{field}.{which}"), detail));
                } else if min >= max {
                    problems.push(Problem::error(file, line, &format!("{field}.max"), Detail::MaxNotAboveMin { min, max }));
                } else if max - min > 20 {
                    problems.push(Problem::error(file, line, &format!("{field}.max"), Detail::TooManyPoints { max: 21 }));
                }
            }
            CriterionKind::Choice => {
                if criterion.options.len() < 2 {
                    problems.push(Problem::error(file, line, &format!("{field}.options"), Detail::TooFewOptions));
                }
                let mut seen = std::collections::HashSet::new();
                for option in &criterion.options {
                    if !seen.insert(option) {
                        let detail = Detail::DuplicateOption { option: option.clone() };
                        problems.push(Problem::error(file, line, &format!("{field}.options"), detail));
                    }
                }
            }
            CriterionKind::Binary | CriterionKind::Text => {}
        }
    }
    problems.extend(guide::check(&rubric).into_iter().map(|(index, field, message)| {
        Problem::error(file, criterion_lines.get(index).copied().unwrap_or(1), &format!("criteria[{index}].{field}"), message)
    }));
    if rubric.mode == Mode::Pairwise && rubric.preference.scale.len() < 2 {
        problems.push(Problem::error(file, line_of("\"scale\""), "preference.scale", Detail::TooFewLabels));
    }
    if problems.is_empty() {
        Ok(rubric)
    } else {
        Err(problems)
    }
}

/// The field and problem of a serde error: JSON syntax, "missing field `id`", or serde's own
/// words (e.g. "unknown variant `x`").
fn serde_problem(error: &serde_json::Error) -> (String, Detail) {
    let parser = error_without_position(error);
    if error.is_syntax() || error.is_eof() {
        return ("-".into(), Detail::InvalidJson { parser });
    }
    match parser.strip_prefix("missing field `").and_then(|rest| rest.split('`').next()) {
        Some(field) => (field.to_owned(), Detail::Missing),
        None => ("-".into(), Detail::Unreadable { parser }),
    }
}

/// Daily exposure caps, in minutes (rubric `wellbeing.exposure_caps`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExposureCaps {
    /// Warn and suggest a break once this many minutes of exposure are reached in a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soft_minutes_per_day: Option<u32>,
    /// Pause the queue for the rest of the day once this many minutes are reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hard_minutes_per_day: Option<u32>,
}

/// Where a rater stands against the caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapStatus {
    /// Below both caps (or no caps).
    Clear,
    /// At or past the soft cap: warn, suggest a break.
    Soft,
    /// At or past the hard cap: the queue pauses for the day.
    Hard,
}

impl ExposureCaps {
    /// The status for `exposed_ms` of exposure today.
    pub fn status(&self, exposed_ms: u64) -> CapStatus {
        let reached = |minutes: Option<u32>| minutes.is_some_and(|m| m > 0 && exposed_ms >= u64::from(m) * 60_000);
        if reached(self.hard_minutes_per_day) {
            CapStatus::Hard
        } else if reached(self.soft_minutes_per_day) {
            CapStatus::Soft
        } else {
            CapStatus::Clear
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likert_bounds_that_would_overflow_are_rejected() {
        let text = r#"{"mode":"single","criteria":[{"id":"a","kind":"likert","min":-9223372036854775808,"max":5}]}"#;
        let problems = load_rubric("r.json", text).unwrap_err();
        assert_eq!(crate::problem::in_english(&problems[0]), "r.json:1: criteria[0].min: must be between -1000000 and 1000000");
    }

    #[test]
    fn loads_the_real_demo_rubrics() {
        for path in ["../../www/demo/mtbench-pairs/rubric.json", "../../www/demo/alpacaeval-single/rubric.json"] {
            let text = std::fs::read_to_string(path).unwrap();
            let rubric = load_rubric(path, &text).unwrap_or_else(|p| panic!("{p:?}"));
            assert!(!rubric.criteria.is_empty());
        }
    }

    #[test]
    fn colliding_ids_and_bad_ranges_are_named() {
        let text = r#"{"mode":"pairwise","criteria":[
  {"id":"a","kind":"likert","min":5,"max":1},
  {"id":"a","kind":"choice","options":["x"]}]}"#;
        let got: Vec<String> = load_rubric("r.json", text).unwrap_err().iter().map(crate::problem::in_english).collect();
        assert_eq!(
            got,
            [
                "r.json:2: criteria[0].max: must be greater than min (5 ≥ 1)",
                "r.json:3: criteria[1].id: \"a\" is used by two criteria",
                "r.json:3: criteria[1].options: a choice needs at least two options",
            ]
        );
    }

    #[test]
    fn scores_are_checked_against_the_rubric() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-pairs/rubric.json").unwrap();
        let rubric = load_rubric("r", &text).unwrap();
        let first = &rubric.criteria[0];
        let (min, max) = first.likert_range();
        let good = match first.kind {
            CriterionKind::Likert => serde_json::json!(min),
            CriterionKind::Binary => serde_json::json!(true),
            CriterionKind::Choice => serde_json::json!(first.options[0]),
            CriterionKind::Text => serde_json::json!("ok"),
        };
        let value = |v: serde_json::Value| if first.per_output { serde_json::json!({"gpt-4": v}) } else { v };
        let scores = |v| serde_json::json!({first.id.clone(): value(v), "made_up": 1}).as_object().unwrap().clone();
        let problems = rubric.check_scores(&scores(good));
        assert_eq!(problems, [("scores.made_up".to_owned(), Detail::NotACriterion)]);
        let problems = rubric.check_scores(&scores(serde_json::json!([max + 1])));
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn syntax_and_type_errors_have_lines() {
        let got = load_rubric("r.json", "{\n \"mode\": \"sideways\"\n}").unwrap_err();
        assert_eq!(got[0].line, 2);
        assert!(crate::problem::in_english(&got[0]).contains("unknown variant `sideways`"), "{}", got[0]);
    }
}
