//! The rating session as a Yew reducer: core's [`Session`] behind an `Rc`.

use std::rc::Rc;

use verdict_core::session::{Action, Session};
use yew::Reducible;

/// Yew wrapper of the core rating session; actions are core's.
#[derive(Clone, Debug)]
pub struct RatingState(pub Session);

impl Reducible for RatingState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut session = self.0.clone();
        if session.apply(action) {
            Rc::new(RatingState(session))
        } else {
            // Returning the same Rc tells Yew nothing changed: no re-render.
            self
        }
    }
}

impl PartialEq for RatingState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
