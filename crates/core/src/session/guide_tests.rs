//! Session tests of the guiding rubric: conditional criteria, flagging unfinished items,
//! skipped flags, active time and blind gold feedback (issue #19).

use super::*;
use crate::rubric::load_rubric;
use crate::task::load_tasks;

const T0: i64 = 1_795_600_800_000; // 2026-11-25T10:00:00Z

fn session(rubric: &str, tasks: &str) -> Session {
    let tasks: Arc<[Task]> = load_tasks("t.jsonl", tasks).records.into();
    let rubric = Arc::new(load_rubric("r.json", rubric).unwrap());
    Session::new(Arc::new(Evaluation::new(tasks, rubric, "ann-1", "t", "r")), Vec::new(), Vec::new(), None, T0).unwrap()
}

const TWO_ITEMS: &str = concat!(
    r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}],"gold":{"preference":"y","scores":{"ok":{"x":false,"y":true}}}}"#,
    "\n",
    r#"{"id":"b","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}]}"#,
    "\n"
);

const CONDITIONAL: &str = r#"{"mode":"single","randomize_order":false,"criteria":[
    {"id":"harmless","kind":"binary"},
    {"id":"severity","kind":"likert","anchors":{"1":"mild","5":"severe"},"when":{"harmless":false}}]}"#;

fn press(session: &mut Session, keys: &[&str], now_ms: i64) {
    for key in keys {
        let action = session.action_for_key(key, now_ms).unwrap_or_else(|| panic!("key {key} does nothing"));
        session.apply(action);
    }
}

fn saving(session: &Session) -> Judgment {
    match &session.status {
        Status::Saving(judgment) => (**judgment).clone(),
        other => panic!("not saving: {other:?} {:?}", session.messages),
    }
}

#[test]
fn a_conditional_criterion_appears_only_while_its_condition_holds() {
    let single = r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1"}]}"#;
    let mut session = session(CONDITIONAL, single);
    assert_eq!(session.rows().len(), 1, "severity is hidden until harmless = no");
    press(&mut session, &["n"], T0);
    assert_eq!(session.rows().len(), 2);
    assert_eq!(session.focus, 1, "focus moves to the criterion that appeared");
    press(&mut session, &["4"], T0);
    press(&mut session, &["k", "y"], T0);
    assert_eq!(session.rows().len(), 1, "harmless = yes hides severity again");
    press(&mut session, &["Enter"], T0);
    let judgment = saving(&session);
    // The hidden criterion's earlier answer is not saved.
    assert_eq!(serde_json::to_string(&judgment.scores).unwrap(), r#"{"harmless":true}"#);
    assert_eq!(crate::rubric::guide::anchor(&session.eval.rubric.criteria[1], 5), Some("severe"));
}

#[test]
fn a_flagged_item_submits_unfinished_and_a_skipped_item_keeps_its_flag() {
    let rubric = r#"{"mode":"pairwise","randomize_order":false,"criteria":[{"id":"ok","kind":"binary","per_output":true}]}"#;
    let mut session = session(rubric, TWO_ITEMS);
    press(&mut session, &["f", "s"], T0);
    assert_eq!(session.current, 1);
    press(&mut session, &["s"], T0 + 1_000);
    assert_eq!(session.current, 0);
    assert!(session.draft.flags.contains(HARMFUL_FLAG), "the skipped item kept its flag");
    press(&mut session, &["Enter"], T0 + 2_000);
    let judgment = saving(&session);
    assert_eq!(judgment.flags.as_deref(), Some(&[HARMFUL_FLAG.to_owned()][..]));
    assert_eq!((judgment.preference, judgment.scores), (None, None), "nothing else was required of a flagged item");
}

#[test]
fn recorded_duration_counts_active_time_only() {
    let single = r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1"}]}"#;
    let mut session = session(CONDITIONAL, single);
    // Active for 10 s, idle for 5 minutes (the clock stops 60 s after the last activity),
    // then 20 s more of work.
    session.apply(Action::Activity { now_ms: T0 + 10_000 });
    session.apply(Action::Activity { now_ms: T0 + 310_000 });
    press(&mut session, &["y"], T0 + 320_000);
    press(&mut session, &["Enter"], T0 + 330_000);
    assert_eq!(saving(&session).duration_ms, Some(10_000 + 60_000 + 20_000));
    // A rubric may set the idle limit.
    let quick = CONDITIONAL.replacen("{\"mode\"", "{\"wellbeing\":{\"idle_after_seconds\":5},\"mode\"", 1);
    let mut session = self::session(&quick, single);
    press(&mut session, &["y", "Enter"], T0 + 100_000);
    assert_eq!(saving(&session).duration_ms, Some(5_000));
}

#[test]
fn gold_feedback_names_screen_positions_never_models() {
    let rubric = r#"{"mode":"pairwise","randomize_order":true,"gold_feedback":"after_submit","criteria":[{"id":"ok","label":"Correct","kind":"binary","per_output":true}]}"#;
    let session = session(rubric, TWO_ITEMS);
    let shown = session.shown_models();
    let (winner, lines) = session.gold_feedback().expect("item a has gold");
    let y_label = if shown[0] == "y" { "A" } else { "B" };
    assert_eq!(winner, Some(GoldWinner::Output(y_label.into())));
    let text = format!("{winner:?} {lines:?}");
    assert!(!text.contains("\"x\"") && !text.contains("\"y\""), "no model is named: {text}");
    assert_eq!(lines.iter().map(|l| l.output.as_deref().unwrap()).collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(lines.iter().find(|l| l.output.as_deref() == Some(y_label)).unwrap().value, "true");
}
