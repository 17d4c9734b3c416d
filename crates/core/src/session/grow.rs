//! Items that arrive after the session started: a large task file is rated while it loads.
//!
//! The app starts a session on the file's first items, builds the whole evaluation with an
//! [`EvaluationGrower`] as the rest arrives (display orders continue where they stopped, so
//! they equal [`Evaluation::new`]'s on the whole file), and hands it over as [`Action::Grow`]:
//! the session keeps its place, draft and saved judgments, and takes in the judgments and
//! drafts already stored for the new items.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Evaluation, Session, Status, StoredDraft};
use crate::judgment::Judgment;
use crate::order::Balancer;
use crate::rubric::Rubric;
use crate::task::Task;

/// The whole evaluation, with what the store holds for its items (the payload of [`Action::Grow`]).
///
/// [`Action::Grow`]: super::Action::Grow
#[derive(Clone, Debug)]
pub struct Growth {
    /// The evaluation with every item; its first items are the session's.
    pub eval: Arc<Evaluation>,
    /// The annotator's saved judgments (those of items the session had are ignored).
    pub saved: Vec<Judgment>,
    /// The annotator's kept drafts (likewise).
    pub drafts: Vec<StoredDraft>,
    /// The item the annotator was on when last here: shown if the session has not moved yet.
    pub position: Option<usize>,
    /// When the items arrived (Unix ms).
    pub now_ms: i64,
}

impl PartialEq for Growth {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.eval, &other.eval) && self.now_ms == other.now_ms
    }
}

/// Builds an evaluation item by item, with the display orders [`Evaluation::new`] would give.
#[derive(Debug)]
pub struct EvaluationGrower {
    template: Evaluation,
    balancer: Balancer,
    tasks: Vec<Task>,
    orders: Vec<Vec<u32>>,
}

impl EvaluationGrower {
    /// Starts an empty evaluation (the arguments are [`Evaluation::new`]'s).
    pub fn new(rubric: Arc<Rubric>, annotator: &str, task_sha256: &str, rubric_sha256: &str) -> Self {
        let template = Evaluation::new(Arc::from(Vec::new()), rubric, annotator, task_sha256, rubric_sha256);
        let balancer = Balancer::new(&format!("{annotator}\n{task_sha256}"));
        EvaluationGrower { template, balancer, tasks: Vec::new(), orders: Vec::new() }
    }

    /// The evaluation's fixed parts (group, app version), to adjust before items arrive.
    pub fn template_mut(&mut self) -> &mut Evaluation {
        &mut self.template
    }

    /// Adds the next items, in file order.
    pub fn extend(&mut self, tasks: impl IntoIterator<Item = Task>) {
        for task in tasks {
            let models: Vec<&str> = task.outputs.iter().map(|o| o.model.as_str()).collect();
            self.orders.push(if self.template.rubric.randomize_order {
                self.balancer.next_order(&models)
            } else {
                (0..models.len() as u32).collect()
            });
            self.tasks.push(task);
        }
    }

    /// Items so far.
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether no item arrived yet.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The evaluation of the items so far (they are copied: meant for a first window of items).
    pub fn snapshot(&self) -> Evaluation {
        Evaluation { tasks: self.tasks.clone().into(), orders: self.orders.clone().into(), ..self.template.clone() }
    }

    /// The evaluation of every item (nothing copied).
    pub fn finish(self) -> Evaluation {
        Evaluation { tasks: self.tasks.into(), orders: self.orders.into(), ..self.template }
    }
}

impl Session {
    /// Takes in the evaluation grown from this session's own (see [`Growth`]); returns false
    /// (and changes nothing) when it does not start with the session's items.
    pub(super) fn grow(&mut self, growth: Growth) -> bool {
        let (old, new) = (&self.eval.tasks, &growth.eval.tasks);
        let n_old = old.len();
        if new.len() <= n_old || old.iter().zip(new.iter()).any(|(a, b)| a.id != b.id) {
            return false;
        }
        // Item id → index into the saved judgments (the annotator's) and into the drafts.
        let annotator = self.eval.annotator.as_str();
        let saved: BTreeMap<&str, usize> =
            growth.saved.iter().enumerate().filter(|(_, j)| j.annotator == annotator).map(|(i, j)| (j.item_id.as_str(), i)).collect();
        let drafts: BTreeMap<&str, usize> = growth.drafts.iter().enumerate().map(|(i, d)| (d.item_id.as_str(), i)).collect();
        let judgments = Arc::make_mut(&mut self.judgments);
        let kept = Arc::make_mut(&mut self.drafts);
        for (index, task) in new.iter().enumerate().skip(n_old) {
            judgments.push(saved.get(task.id.as_str()).map(|&i| growth.saved[i].clone()));
            if let Some(&i) = drafts.get(task.id.as_str()) {
                kept.insert(index, growth.drafts[i].clone());
            }
        }
        self.eval = growth.eval;
        let untouched = self.status == Status::Editing && self.draft == self.saved_draft(self.current);
        match growth.position {
            // Back where the annotator left off, when that item just arrived.
            // (The session opened on its first pending item, since the position was not loaded yet.)
            Some(position)
                if position >= n_old
                    && position < self.eval.tasks.len()
                    && untouched
                    && (self.n_done_before(n_old) || self.next_pending(0) == Some(self.current)) =>
            {
                self.show(position, growth.now_ms);
            }
            _ if self.status == Status::Finished => {
                if let Some(index) = self.next_pending(n_old) {
                    self.status = Status::Editing;
                    self.show(index, growth.now_ms);
                }
            }
            _ => {}
        }
        true
    }

    /// Whether every one of the first `n` items has a judgment (the rater worked past them before).
    fn n_done_before(&self, n: usize) -> bool {
        self.judgments[..n].iter().all(Option::is_some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Action;
    use crate::task::load_tasks;

    fn tasks(n: usize) -> Vec<Task> {
        let text: String = (0..n)
            .map(|i| format!("{{\"id\":\"i{i}\",\"prompt\":\"p\",\"outputs\":[{{\"model\":\"a\",\"content\":\"1\"}},{{\"model\":\"b\",\"content\":\"2\"}},{{\"model\":\"c\",\"content\":\"3\"}}]}}\n"))
            .collect();
        load_tasks("t.jsonl", &text).records
    }

    fn rubric() -> Arc<Rubric> {
        Arc::new(Rubric::default())
    }

    fn grower(items: &[Task]) -> EvaluationGrower {
        let mut grower = EvaluationGrower::new(rubric(), "ann", "tsha", "rsha");
        grower.extend(items.iter().cloned());
        grower
    }

    #[test]
    fn grown_orders_equal_the_whole_files_orders() {
        let items = tasks(40);
        let mut grown = grower(&items[..7]);
        grown.extend(items[7..].iter().cloned());
        let whole = Evaluation::new(items.into(), rubric(), "ann", "tsha", "rsha");
        let grown = grown.finish();
        assert_eq!(grown.orders, whole.orders);
        assert_eq!(grown.tasks, whole.tasks);
    }

    #[test]
    fn growing_keeps_the_place_and_takes_in_stored_judgments() {
        let items = tasks(10);
        let first = grower(&items[..3]);
        let mut session = Session::new(Arc::new(first.snapshot()), Vec::new(), Vec::new(), None, 0).unwrap();
        assert!(session.apply(Action::GoTo { index: 1, now_ms: 1 }));
        let (stored, later, other) = (Judgment::new("i0", "ann"), Judgment::new("i7", "ann"), Judgment::new("i8", "someone else"));
        let growth = Growth {
            eval: Arc::new(grower(&items).finish()),
            saved: vec![stored, later, other],
            drafts: vec![],
            position: Some(5),
            now_ms: 2,
        };
        assert!(session.apply(Action::Grow(Box::new(growth))));
        assert_eq!(session.eval.tasks.len(), 10);
        assert_eq!(session.current, 1, "the rater moved: the stored position does not pull them away");
        let done: Vec<usize> = (0..10).filter(|&i| session.judgments[i].is_some()).collect();
        assert_eq!(done, [7], "judgments of the first items are the session's own; other annotators' are ignored");

        // A session still on its first pending item goes back to where the rater was.
        let mut fresh = Session::new(Arc::new(first.snapshot()), Vec::new(), Vec::new(), Some(5), 0).unwrap();
        assert_eq!(fresh.current, 0);
        let growth = Growth { eval: Arc::new(grower(&items).finish()), saved: vec![], drafts: vec![], position: Some(5), now_ms: 3 };
        assert!(fresh.apply(Action::Grow(Box::new(growth))));
        assert_eq!(fresh.current, 5);
    }

    #[test]
    fn a_finished_prefix_goes_on_to_the_new_items_and_a_foreign_evaluation_is_refused() {
        let items = tasks(6);
        let saved: Vec<Judgment> = (0..2).map(|i| Judgment::new(format!("i{i}"), "ann")).collect();
        let mut session = Session::new(Arc::new(grower(&items[..2]).snapshot()), saved.clone(), Vec::new(), Some(4), 0).unwrap();
        let growth =
            |eval: Evaluation, position| Growth { eval: Arc::new(eval), saved: saved.clone(), drafts: vec![], position, now_ms: 5 };
        let mut shuffled = items.clone();
        shuffled.swap(0, 1);
        assert!(!session.apply(Action::Grow(Box::new(growth(grower(&shuffled).finish(), None)))));
        assert!(session.apply(Action::Grow(Box::new(growth(grower(&items).finish(), Some(4))))));
        assert_eq!((session.current, &session.status), (4, &Status::Editing), "back where the rater left off");

        let mut finished = Session::new(Arc::new(grower(&items[..2]).snapshot()), saved.clone(), Vec::new(), None, 0).unwrap();
        assert_eq!(finished.status, Status::Finished);
        assert!(finished.apply(Action::Grow(Box::new(growth(grower(&items).finish(), None)))));
        assert_eq!((finished.current, &finished.status), (2, &Status::Editing));
    }
}
