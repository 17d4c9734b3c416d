//! A rubric that guides: Likert anchors and conditional criteria (`when`), checked and evaluated.
//!
//! A criterion with `"when": {"harmless": false}` is asked only while the criterion `harmless`
//! has the answer `false`. Conditions refer to criteria listed earlier (so the panel never
//! grows above the row being answered), item-level ones, or per-output ones when the
//! conditional criterion is per-output too (then each output's row follows that output's
//! answer). Values must be answers the referenced criterion can take.

use serde_json::Value;

use super::{Criterion, CriterionKind, Rubric};
use crate::problem::{wrong_type, Detail, Expected};

/// Checks anchors and conditions: `(criterion index, field under the criterion, problem)`.
pub fn check(rubric: &Rubric) -> Vec<(usize, String, Detail)> {
    let mut problems = Vec::new();
    for (index, criterion) in rubric.criteria.iter().enumerate() {
        if !criterion.anchors.is_empty() {
            if criterion.kind != CriterionKind::Likert {
                problems.push((index, "anchors".into(), Detail::AnchorsNeedLikert));
            } else {
                let (min, max) = criterion.likert_range();
                for (point, text) in &criterion.anchors {
                    if !point.parse::<i64>().is_ok_and(|p| (min..=max).contains(&p)) {
                        problems.push((index, format!("anchors.{point}"), Detail::NotAPoint { min, max }));
                    } else if !text.is_string() {
                        problems.push((index, format!("anchors.{point}"), wrong_type(Expected::String, text)));
                    }
                }
            }
        }
        for (id, value) in &criterion.when {
            let field = format!("when.{id}");
            match rubric.criteria.iter().position(|c| c.id == *id) {
                None => problems.push((index, field, Detail::UnknownCriterion { id: id.clone() })),
                Some(at) if at >= index => problems.push((index, field, Detail::ConditionLooksAhead { id: id.clone() })),
                Some(at) => {
                    let condition = &rubric.criteria[at];
                    if condition.per_output && !criterion.per_output {
                        problems.push((index, field, Detail::ConditionPerOutput { id: id.clone() }));
                    } else if matches!(value, Value::Null) {
                        problems.push((index, field, Detail::ConditionNull));
                    } else if let Some(problem) = condition.check_value(value) {
                        problems.push((index, field, problem));
                    }
                }
            }
        }
    }
    problems
}

/// The anchor text of a likert point, if the rubric gives one.
pub fn anchor(criterion: &Criterion, point: i64) -> Option<&str> {
    criterion.anchors.get(&point.to_string()).and_then(Value::as_str)
}

/// Whether `criterion`'s conditions hold, given `answer(id, per_output)` — the current answer of
/// the criterion `id` (for the same output when it is per-output), as a judgment value.
pub fn condition_holds(rubric: &Rubric, criterion: &Criterion, answer: impl Fn(&Criterion) -> Option<Value>) -> bool {
    criterion.when.iter().all(|(id, expected)| {
        let Some(condition) = rubric.criterion(id) else { return false };
        match (answer(condition), expected) {
            (Some(Value::Array(picked)), Value::String(_)) => picked.contains(expected),
            (Some(found), expected) => found == *expected,
            (None, _) => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::rubric::load_rubric;

    fn problems(criteria: &str) -> Vec<String> {
        match load_rubric("r.json", &format!("{{\"mode\":\"single\",\"criteria\":{criteria}}}")) {
            Ok(_) => Vec::new(),
            Err(found) => found.iter().map(crate::problem::in_english).collect(),
        }
    }

    #[test]
    fn anchors_and_conditions_are_checked() {
        let good = r#"[{"id":"harmless","kind":"binary"},{"id":"severity","kind":"likert","anchors":{"1":"mild","5":"severe"},"when":{"harmless":false}}]"#;
        assert_eq!(problems(good), Vec::<String>::new());
        assert_eq!(
            problems(
                r#"[{"id":"a","kind":"binary","anchors":{"1":"x"}},{"id":"b","kind":"likert","anchors":{"0":"x","one":"y","2":3},"when":{"a":3,"zz":true,"c":1}},{"id":"c","kind":"likert","per_output":true},{"id":"d","kind":"text","when":{"c":4,"a":null}}]"#
            ),
            [
                "r.json:1: criteria[0].anchors: anchors belong to likert criteria",
                "r.json:1: criteria[1].anchors.0: not a point of the scale (1 to 5)",
                "r.json:1: criteria[1].anchors.one: not a point of the scale (1 to 5)",
                "r.json:1: criteria[1].anchors.2: expected a string, found a number",
                "r.json:1: criteria[1].when.a: expected true or false, found a number",
                "r.json:1: criteria[1].when.zz: no criterion \"zz\" in the rubric",
                "r.json:1: criteria[1].when.c: \"c\" must come before this criterion (conditions look back)",
                "r.json:1: criteria[3].when.c: \"c\" is asked per output: only per-output criteria can depend on it",
                "r.json:1: criteria[3].when.a: expected an answer to compare with, found null",
            ]
        );
    }
}
