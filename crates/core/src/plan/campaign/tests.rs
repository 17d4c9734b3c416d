//! Tests of `campaign`.

use super::*;

const EXAMPLE: &str = r#"{"schema": "verdict/campaign@1", "id": "safety-eval-2026w49", "seed": 7,
 "tasks": "tasks.jsonl", "rubric": "rubric.json",
 "roster": [{"annotator": "ann-001", "group": "site-manila", "languages": ["en", "tl"], "role": "rater", "quota": 400},
        {"annotator": "lead-1", "role": "lead"}],
 "overlap": {"raters_per_item": 3},
 "gold": {"rate": 0.05, "feedback": "never"},
 "repeats": {"rate": 0.03, "min_gap": 40, "swap_order": true},
 "calibration": {"items": ["cal-1", "cal-2"], "pass": {"accuracy": 0.8}, "retakes": 1},
 "match": {"language": "meta.language"}}"#;

fn problems(text: &str) -> Vec<(String, ProblemKind)> {
    parse_campaign(text).expect_err("the text is invalid").into_iter().map(|p| (p.field, p.kind)).collect()
}

#[test]
fn the_issue_example_parses() {
    let campaign = parse_campaign(EXAMPLE).expect("the example is valid");
    assert_eq!(campaign.seed, 7);
    assert_eq!(campaign.roster[0].quota, Some(400));
    assert_eq!(campaign.roster[1].role, Role::Lead);
    assert_eq!(campaign.overlap, Overlap { raters_per_item: 3, fraction: None });
    assert_eq!(campaign.repeats, Some(RepeatPolicy { rate: 0.03, min_gap: 40, swap_order: true }));
    assert_eq!(campaign.calibration.as_ref().map(|c| (c.pass_accuracy, c.retakes)), Some((0.8, 1)));
    assert_eq!(campaign.match_language.as_deref(), Some("meta.language"));
}

#[test]
fn every_problem_is_named_by_its_field() {
    let text = r#"{"schema": "verdict/campaign@2", "id": "x", "tasks": "t", "colour": 1,
      "roster": [{"annotator": "a", "quota": -1}, {"annotator": "a", "role": "boss"}, {"annotator": 3}],
      "overlap": {"raters_per_item": 0, "fraction": 1.5},
      "gold": {"rate": 0.4, "feedback": "sometimes"}, "repeats": {"rate": 0.3, "min_gap": 2.5},
      "calibration": {"items": ["c", "c"], "pass": {"accuracy": 2}}}"#;
    let found = problems(text);
    let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    for expected in [
        "colour",
        "schema",
        "roster[0].quota",
        "roster[1].annotator",
        "roster[1].role",
        "roster[2].annotator",
        "overlap.raters_per_item",
        "overlap.fraction",
        "gold.feedback",
        "repeats.min_gap",
        "repeats.rate",
        "calibration.items[1]",
        "calibration.pass.accuracy",
    ] {
        assert!(fields.contains(&expected), "{expected} missing from {found:?}");
    }
    assert!(found.contains(&("roster[1].annotator".into(), ProblemKind::DuplicateAnnotator { annotator: "a".into(), first: 0 })));
    assert!(found.contains(&("colour".into(), ProblemKind::UnknownField)));
}

#[test]
fn missing_fields_and_non_json_are_reported() {
    let found = problems(r#"{"schema": "verdict/campaign@1"}"#);
    assert_eq!(
        found,
        vec![("id".into(), ProblemKind::Missing), ("tasks".into(), ProblemKind::Missing), ("roster".into(), ProblemKind::Missing)]
    );
    assert!(matches!(problems("{").as_slice(), [(f, ProblemKind::NotJson { .. })] if f == "-"));
    assert_eq!(
        problems(r#"{"schema":"verdict/campaign@1","id":"x","tasks":"t","roster":[{"annotator":"l","role":"lead"}]}"#),
        vec![("roster".into(), ProblemKind::NoRaters)]
    );
}

#[test]
fn calibration_items_must_exist_and_carry_gold() {
    let campaign = parse_campaign(EXAMPLE).unwrap();
    let tasks = crate::task::load_tasks(
        "t",
        r#"{"id":"cal-1","prompt":"p","outputs":[{"model":"a","content":"x"}],"gold":{"preference":"a"}}
{"id":"cal-2","prompt":"p","outputs":[{"model":"a","content":"x"}]}"#,
    )
    .records;
    let found = check_references(&campaign, &tasks);
    assert_eq!(found, vec![problem("calibration.items[1]", ProblemKind::NoGold { item_id: "cal-2".into() })]);
    let found = check_references(&campaign, &tasks[..1]);
    assert_eq!(found, vec![problem("calibration.items[1]", ProblemKind::UnknownItem { item_id: "cal-2".into() })]);
}
