//! Property test (issue 14): over generated rubrics and key sequences, a submitted judgment holds
//! exactly the rows the rater answered — nothing dropped, nothing invented.

use std::sync::Arc;

use proptest::prelude::*;
use serde_json::Value;

use super::{Action, Answer, Evaluation, Row, Session, Status};
use crate::judgment::BOTH_BAD;
use crate::rubric::{Criterion, CriterionKind, Mode, PreferenceScale, Rubric};
use crate::task::load_tasks;

fn criterion_strategy(index: usize) -> impl Strategy<Value = Criterion> {
    (0..4u8, any::<bool>(), prop_oneof![Just(None), Just(Some(true)), Just(Some(false))], 1..4usize, any::<bool>(), 0..3u8).prop_map(
        move |(kind, per_output, required, n_options, multi, range)| {
            let kind = [CriterionKind::Likert, CriterionKind::Binary, CriterionKind::Choice, CriterionKind::Text][kind as usize];
            let (min, max) = [(1, 5), (0, 3), (1, 12)][range as usize];
            Criterion {
                id: format!("c{index}"),
                label: String::new(),
                help: None,
                kind,
                min: Some(min),
                max: Some(max),
                options: (0..n_options).map(|o| format!("o{o}")).collect(),
                multi,
                level: None,
                per_output,
                required,
                anchors: Default::default(),
                when: Default::default(),
            }
        },
    )
}

fn rubric_strategy() -> impl Strategy<Value = Rubric> {
    let criteria = (0..4usize).prop_flat_map(|n| (0..n).map(criterion_strategy).collect::<Vec<_>>());
    (0..3u8, criteria, 2..6usize, any::<bool>(), any::<bool>()).prop_map(|(mode, criteria, n_scale, both_bad, randomize)| Rubric {
        mode: [Mode::Single, Mode::Pairwise, Mode::Ranking][mode as usize],
        randomize_order: randomize,
        preference: PreferenceScale { scale: (0..n_scale).map(|i| format!("p{i}")).collect(), allow_both_bad: both_bad },
        criteria,
        ..Rubric::default()
    })
}

const KEYS: &[&str] =
    &["0", "1", "2", "3", "4", "5", "9", "y", "n", "x", "j", "k", "Backspace", "ArrowDown", "ArrowUp", "f", "TEXT", "CLEAR-TEXT"];

/// Presses `key`; `TEXT` writes in the active row if it is a text row (as typing in its field does).
fn press(session: &mut Session, key: &str) {
    let action = match key {
        "TEXT" | "CLEAR-TEXT" => {
            let rows = session.rows();
            let Some(row @ Row::Criterion { criterion, .. }) = rows.get(session.focus) else { return };
            if session.eval.rubric.criteria[*criterion].kind != CriterionKind::Text {
                return;
            }
            let answer = (key == "TEXT").then(|| Answer::Text("why".into()));
            Action::Answer { key: session.answer_key(row).expect("criterion rows have keys"), answer }
        }
        key => match session.action_for_key(key, 0) {
            Some(action) => action,
            None => return,
        },
    };
    session.apply(action);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_submitted_judgment_holds_exactly_the_answered_rows(
        rubric in rubric_strategy(),
        n_outputs in 1..5usize,
        keys in proptest::collection::vec(proptest::sample::select(KEYS), 0..24),
    ) {
        let outputs: Vec<String> = (0..n_outputs).map(|i| format!(r#"{{"model":"m{i}","content":"x"}}"#)).collect();
        let line = format!(r#"{{"id":"q","prompt":"p","outputs":[{}]}}"#, outputs.join(","));
        let tasks = load_tasks("t.jsonl", &line).records;
        let eval = Arc::new(Evaluation::new(tasks.into(), Arc::new(rubric), "ann", "t", "r"));
        let mut session = Session::new(eval, Vec::new(), Vec::new(), None, 0).expect("one item");
        for key in &keys {
            press(&mut session, key);
        }
        let complete = session.missing().is_empty();
        let rows = session.rows();
        let answered: Vec<Row> = rows.iter().filter(|row| session.row_answered(row)).cloned().collect();
        let draft = session.draft.clone();
        let shown = session.shown_models();
        session.apply(Action::Submit { now_ms: 1 });
        let Status::Saving(judgment) = session.status.clone() else {
            prop_assert!(!complete, "a complete draft must submit: {:?}", session.messages);
            return Ok(());
        };
        // An unfinished draft submits only when flagged (issue #19: flag without finishing).
        prop_assert!(complete || !draft.flags.is_empty());
        let mut n_scores = 0;
        for row in &rows {
            let is_answered = answered.contains(row);
            match row {
                Row::Preference => prop_assert_eq!(judgment.preference.is_some(), is_answered),
                Row::Ranking if draft.both_bad => {
                    prop_assert_eq!(judgment.preference.as_ref().map(|p| p.winner.as_str()), Some(BOTH_BAD));
                    prop_assert!(judgment.ranking.is_none());
                }
                Row::Ranking => {
                    let expected: Vec<String> = draft.ranking.iter().map(|&p| shown[p as usize].clone()).collect();
                    prop_assert_eq!(judgment.ranking.clone(), Some(expected).filter(|_| is_answered));
                }
                Row::Criterion { criterion, position } => {
                    let criterion = &session.eval.rubric.criteria[*criterion];
                    let scores = judgment.scores.clone().unwrap_or_default();
                    let value = match position {
                        Some(p) => scores.get(&criterion.id).and_then(|v| v.get(&shown[*p as usize])).cloned(),
                        None => scores.get(&criterion.id).cloned(),
                    };
                    let key = (criterion.id.clone(), *position);
                    let expected: Option<Value> = draft.answers.get(&key).filter(|_| is_answered).map(|a| a.to_value(criterion.multi));
                    prop_assert_eq!(&value, &expected, "criterion {} at {:?}", criterion.id, position);
                    n_scores += usize::from(value.is_some());
                }
            }
        }
        let scores_saved: usize = judgment.scores.iter().flatten().map(|(_, v)| v.as_object().map_or(1, |o| o.len())).sum();
        prop_assert_eq!(scores_saved, n_scores, "no score beyond the answered rows");
        let nothing = answered.is_empty() && draft.flags.is_empty();
        let expected_flags = if nothing { Some(vec!["no_answer".to_owned()]) } else { Some(draft.flags.iter().cloned().collect::<Vec<_>>()).filter(|f| !f.is_empty()) };
        prop_assert_eq!(judgment.flags.clone(), expected_flags);
    }
}
