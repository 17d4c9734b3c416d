//! Unit tests of the session: keyboard journeys, editing, tabs, scale points.

use super::judge::{index_for, scale_point, Side};
use super::*;
use crate::judgment::Judgment;
use crate::rubric::load_rubric;
use crate::task::load_tasks;
use serde_json::Value;

const T0: i64 = 1_795_600_800_000; // 2026-11-25T10:00:00Z

fn mtbench(annotator: &str) -> Arc<Evaluation> {
    let tasks = std::fs::read_to_string("../../www/demo/mtbench-pairs/tasks.jsonl").unwrap();
    let rubric = std::fs::read_to_string("../../www/demo/mtbench-pairs/rubric.json").unwrap();
    let tasks: Arc<[Task]> = load_tasks("tasks.jsonl", &tasks).records.into();
    let rubric = Arc::new(load_rubric("rubric.json", &rubric).unwrap());
    Arc::new(Evaluation::new(tasks, rubric, annotator, "tsha", "rsha"))
}

fn press(session: &mut Session, keys: &[&str], now_ms: i64) {
    for key in keys {
        let action = session.action_for_key(key, now_ms).unwrap_or_else(|| panic!("key {key} does nothing"));
        session.apply(action);
    }
}

fn saved(session: &mut Session, now_ms: i64) -> Judgment {
    let Status::Saving(judgment) = session.status.clone() else { panic!("not saving: {:?}", session.messages) };
    assert!(session.apply(Action::Saved { now_ms }));
    *judgment
}

#[test]
fn a_whole_pairwise_item_by_keyboard_builds_the_expected_judgment() {
    let mut session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    assert_eq!(session.rows().len(), 1 + 2 + 2 + 1 + 1);
    let shown: Vec<String> = session.shown().iter().map(|&i| session.task().outputs[i as usize].model.clone()).collect();
    // B better; correct A yes, B no; helpfulness A 4, B 3; main problem "none"; submit.
    press(&mut session, &["4", "y", "n", "4", "3", "1", "Enter"], T0 + 41_000);
    let judgment = saved(&mut session, T0 + 41_500);
    assert_eq!(judgment.item_id, "mtbench-101-t1");
    assert_eq!(judgment.shown.as_ref().unwrap(), &shown);
    let preference = judgment.preference.as_ref().unwrap();
    assert_eq!((preference.winner.as_str(), preference.strength), (shown[1].as_str(), Some(1)));
    let scores = judgment.scores.as_ref().unwrap();
    assert_eq!(scores["correct"][&shown[0]], Value::Bool(true));
    assert_eq!(scores["correct"][&shown[1]], Value::Bool(false));
    assert_eq!(scores["helpfulness"][&shown[0]], Value::from(4));
    assert_eq!(scores["issue"], Value::from("none"));
    assert!(!scores.contains_key("rationale"));
    // Per-output scores are keyed in the item's file order, whatever the screen order.
    let keys: Vec<&String> = scores["correct"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["gpt-4", "gpt-4-0125-preview"]);
    assert_eq!(judgment.started_at.as_deref(), Some("2026-11-25T10:00:00Z"));
    assert_eq!(judgment.submitted_at.as_deref(), Some("2026-11-25T10:00:41Z"));
    assert_eq!(judgment.duration_ms, Some(41_000));
    assert_eq!(judgment.task_sha256.as_deref(), Some("tsha"));
    assert_eq!(session.current, 1, "moves on only after Saved");
    assert_eq!(session.n_done(), 1);
}

#[test]
fn submit_names_what_is_missing_and_focuses_it() {
    let mut session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut session, &["2", "Enter"], T0);
    assert_eq!(session.status, Status::Editing);
    assert_eq!(session.focus, 1);
    assert_eq!(session.messages[0], "Answer \"Correct\" for output A.");
    assert_eq!(session.messages.len(), 5);
}

#[test]
fn keys_do_nothing_while_saving_and_failures_keep_the_draft() {
    let mut session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut session, &["1", "y", "y", "5", "5", "1", "Enter"], T0);
    assert!(session.action_for_key("ArrowRight", T0).is_none());
    assert!(!session.apply(Action::Next { now_ms: T0 }));
    assert!(session.apply(Action::SaveFailed { message: "QuotaExceededError".into() }));
    assert_eq!(session.status, Status::Editing);
    assert!(session.messages[0].contains("export your judgments"));
    assert_eq!(session.draft.preference, Some(0));
}

#[test]
fn revisiting_restores_the_draft_and_an_edit_replaces_the_judgment() {
    let mut session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut session, &["1", "y", "n", "5", "2", "2", "Enter"], T0 + 10_000);
    let first = saved(&mut session, T0 + 10_000);
    press(&mut session, &["ArrowLeft"], T0 + 20_000);
    assert_eq!(session.current, 0);
    assert_eq!(session.draft.preference, Some(0));
    assert_eq!(session.missing(), vec![]);
    assert_eq!(session.build_judgment(T0 + 10_000).scores, first.scores);
    press(&mut session, &["3", "Enter"], T0 + 25_000); // now a tie
    let edited = saved(&mut session, T0 + 25_000);
    assert_eq!(edited.preference.as_ref().unwrap().winner, "tie");
    assert_eq!(edited.started_at, first.started_at);
    assert_eq!(edited.submitted_at.as_deref(), Some("2026-11-25T10:00:25Z"));
    assert_eq!(edited.duration_ms, Some(15_000));
    assert_eq!(session.n_done(), 1);
    assert_eq!(session.current, 1, "goes on to the first pending item");
}

#[test]
fn restores_saved_judgments_and_resumes_at_the_first_pending_item() {
    let eval = mtbench("ann-1");
    let mut session = Session::new(eval.clone(), Vec::new(), Vec::new(), None, T0).unwrap();
    let mut saved_judgments = Vec::new();
    for _ in 0..3 {
        press(&mut session, &["2", "y", "y", "4", "4", "1", "Enter"], T0);
        saved_judgments.push(saved(&mut session, T0));
    }
    let mut other = saved_judgments[0].clone();
    other.annotator = "someone-else".into();
    saved_judgments.push(other);
    let resumed = Session::new(eval.clone(), saved_judgments.clone(), Vec::new(), None, T0).unwrap();
    assert_eq!((resumed.n_done(), resumed.current), (3, 3));
    let at_position = Session::new(eval, saved_judgments, Vec::new(), Some(1), T0).unwrap();
    assert_eq!(at_position.current, 1);
    assert_eq!(at_position.draft.preference, Some(1));
}

#[test]
fn ranking_mode_by_digits_with_the_last_output_filled_in() {
    let tasks = load_tasks(
        "t.jsonl",
        r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"},{"model":"c","content":"3"}]}"#,
    );
    let rubric = Rubric { mode: Mode::Ranking, randomize_order: false, ..Rubric::default() };
    let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(rubric), "ann", "t", "r"));
    let mut session = Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap();
    assert_eq!(session.rows(), vec![Row::Ranking]);
    press(&mut session, &["3"], T0);
    assert_eq!(session.draft.ranking, [2]);
    press(&mut session, &["Backspace", "2", "3"], T0);
    assert_eq!(session.draft.ranking, [1, 2, 0]);
    press(&mut session, &["Backspace"], T0);
    assert_eq!(session.draft.ranking, [1]);
    press(&mut session, &["1", "Enter"], T0);
    let judgment = saved(&mut session, T0);
    assert_eq!(judgment.ranking.unwrap(), ["b", "a", "c"]);
    assert!(judgment.preference.is_none());
    assert_eq!(session.status, Status::Finished);
}

#[test]
fn prev_from_the_finished_screen_shows_the_last_item() {
    let tasks = load_tasks(
        "t.jsonl",
        r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"}]}
{"id":"q2","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"}]}"#,
    );
    let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(Rubric::default()), "ann", "t", "r"));
    let mut session = Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut session, &["1", "Enter"], T0);
    saved(&mut session, T0);
    press(&mut session, &["3", "Enter"], T0);
    saved(&mut session, T0);
    assert_eq!(session.status, Status::Finished);
    press(&mut session, &["ArrowLeft"], T0);
    assert_eq!((session.current, &session.status), (1, &Status::Editing));
    assert_eq!(session.draft.preference, Some(2));
}

#[test]
fn judgments_saved_in_another_tab_are_taken_in() {
    let eval = mtbench("ann-1");
    let mut other_tab = Session::new(eval.clone(), Vec::new(), Vec::new(), None, T0).unwrap();
    let mut this_tab = Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut other_tab, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
    let judgment = saved(&mut other_tab, T0);
    assert!(this_tab.apply(Action::SavedElsewhere(Box::new(judgment.clone()))));
    assert_eq!(this_tab.n_done(), 1);
    assert_eq!(this_tab.draft.preference, Some(0), "the untouched draft of the shown item follows the saved judgment");
    assert!(!this_tab.apply(Action::SavedElsewhere(Box::new(judgment.clone()))), "the same judgment twice changes nothing");
    let mut someone_else = judgment;
    someone_else.annotator = "ann-2".into();
    assert!(!this_tab.apply(Action::SavedElsewhere(Box::new(someone_else))));
}

#[test]
fn editing_walks_rows_in_order_instead_of_jumping_to_optional_text() {
    let mut session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut session, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
    saved(&mut session, T0);
    press(&mut session, &["ArrowLeft"], T0);
    assert_eq!(session.focus, 0);
    press(&mut session, &["2"], T0);
    assert_eq!(session.focus, 1);
}

#[test]
fn scale_points_map_to_winner_and_strength_and_back() {
    assert_eq!(scale_point(0, 5), (Side::First, Some(2)));
    assert_eq!(scale_point(1, 5), (Side::First, Some(1)));
    assert_eq!(scale_point(2, 5), (Side::Tie, None));
    assert_eq!(scale_point(4, 5), (Side::Second, Some(2)));
    assert_eq!(scale_point(0, 2), (Side::First, Some(1)));
    assert_eq!(scale_point(1, 2), (Side::Second, Some(1)));
    for n in 2..=9 {
        for index in 0..n {
            let (side, strength) = scale_point(index, n);
            assert_eq!(index_for(side, strength, n), Some(index), "n={n} index={index}");
        }
    }
}

#[test]
fn sensitive_items_are_blurred_until_revealed() {
    let tasks = load_tasks("t.jsonl", r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"}],"meta":{"sensitive":true}}"#);
    let rubric = Rubric { mode: Mode::Single, criteria: vec![], ..Rubric::default() };
    let eval = Arc::new(Evaluation::new(tasks.records.into(), Arc::new(rubric), "ann", "t", "r"));
    let mut session = Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap();
    assert!(session.is_blurred());
    press(&mut session, &["r"], T0);
    assert!(!session.is_blurred());
}

#[test]
fn break_reminder_after_the_rubric_minutes() {
    let session = Session::new(mtbench("ann-1"), Vec::new(), Vec::new(), None, T0).unwrap();
    assert!(!session.break_due(T0 + 49 * 60_000));
    assert!(session.break_due(T0 + 50 * 60_000));
}

fn eval_of(tasks_jsonl: &str, rubric: Rubric) -> Arc<Evaluation> {
    let tasks = load_tasks("t.jsonl", tasks_jsonl);
    Arc::new(Evaluation::new(tasks.records.into(), Arc::new(rubric), "ann", "t", "r"))
}

const THREE_OUTPUTS: &str = r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"},{"model":"c","content":"3"}]}
{"id":"q2","prompt":"p","outputs":[{"model":"a","content":"1"},{"model":"b","content":"2"},{"model":"c","content":"3"}]}"#;

#[test]
fn issue_14_a_pairwise_rubric_over_three_outputs_saves_the_ranking() {
    let rubric = Rubric { mode: Mode::Pairwise, randomize_order: false, ..Rubric::default() };
    let mut session = Session::new(eval_of(THREE_OUTPUTS, rubric), Vec::new(), Vec::new(), None, T0).unwrap();
    assert_eq!(session.rows(), vec![Row::Ranking]);
    press(&mut session, &["1", "2", "Enter"], T0);
    let judgment = saved(&mut session, T0);
    assert_eq!(judgment.ranking.as_deref(), Some(&["a".to_owned(), "b".to_owned(), "c".to_owned()][..]));
    assert_eq!(judgment.flags, None, "an answered ranking is not `no_answer`");
    // Revisiting shows the ranking again.
    press(&mut session, &["ArrowLeft"], T0);
    assert_eq!(session.draft.ranking, [0, 1, 2]);
}

#[test]
fn issue_14_an_evaluation_without_items_is_an_error_value() {
    let eval = Arc::new(Evaluation::new(Vec::new().into(), Arc::new(Rubric::default()), "ann", "t", "r"));
    assert_eq!(Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap_err(), SessionError::NoItems);
}

#[test]
fn issue_14_a_half_answered_draft_survives_a_reload_and_navigation() {
    let eval = mtbench("ann-1");
    let mut session = Session::new(eval.clone(), Vec::new(), Vec::new(), None, T0).unwrap();
    assert_eq!(session.stored_draft(), None, "nothing answered, nothing to keep");
    press(&mut session, &["1", "y"], T0);
    let stored = session.stored_draft().expect("a half-answered item has a draft");
    let text = stored.to_json();
    assert_eq!(StoredDraft::from_json(&text).as_ref(), Some(&stored));
    // Reload: a new session from the stored text shows the same answers on the same item.
    let reloaded = Session::new(eval, Vec::new(), vec![StoredDraft::from_json(&text).unwrap()], Some(0), T0).unwrap();
    assert_eq!(reloaded.draft, session.draft);
    assert_eq!(reloaded.focus, 2, "focus is on the first unanswered row");
    // Leaving the item and coming back keeps the draft too.
    press(&mut session, &["ArrowRight", "ArrowLeft"], T0);
    assert_eq!(session.draft.preference, Some(0));
    // Submitting drops the kept draft.
    press(&mut session, &["n", "5", "2", "2", "Enter"], T0);
    saved(&mut session, T0);
    assert!(session.drafts.is_empty());
    assert_eq!(StoredDraft::from_json("{\"item_id\":1}"), None);
}

#[test]
fn issue_14_a_judgment_from_another_tab_is_taken_in_while_saving() {
    let eval = mtbench("ann-1");
    let mut other_tab = Session::new(eval.clone(), Vec::new(), Vec::new(), Some(1), T0).unwrap();
    let mut this_tab = Session::new(eval, Vec::new(), Vec::new(), None, T0).unwrap();
    press(&mut other_tab, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
    let judgment = saved(&mut other_tab, T0);
    press(&mut this_tab, &["1", "y", "n", "5", "2", "2", "Enter"], T0);
    assert!(matches!(this_tab.status, Status::Saving(_)));
    assert!(this_tab.apply(Action::SavedElsewhere(Box::new(judgment.clone()))));
    saved(&mut this_tab, T0);
    assert_eq!(this_tab.judgments[1].as_ref(), Some(&judgment));
    assert_eq!(this_tab.n_done(), 2);
}
