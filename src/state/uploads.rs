//! The upload loop of an open evaluation: flushes its outbox and reports truthful counts.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::outbox::{Counts, Entry, Flushed, Outbox, State};
use super::store::Store;

/// Upload state for the UI.
#[derive(Clone, Debug, PartialEq)]
pub struct Uploads {
    /// Counts by state, as last read from the outbox (`None` before the first read).
    pub counts: Option<Counts>,
    /// Judgments the server refused, with its message.
    pub parked: Vec<Entry>,
    /// Why the last send failed (entries wait and are retried), if it did.
    pub last_error: Option<String>,
    /// Ask for a flush (after a judgment was saved with its outbox entry).
    pub kick: Callback<()>,
    /// Put a parked entry (by key) back in the queue and flush.
    pub retry: Callback<String>,
}

/// Runs the outbox of `store` when `enabled` (a collection endpoint is configured): flushes at
/// start, on every kick, when the browser comes back online, and on a backoff timer (1 s doubling
/// to 60 s) while sends fail. One flush runs at a time in this tab (a kick during a flush runs
/// another after it) and one tab at a time per evaluation (the outbox's Web Lock), so an entry in
/// flight is never POSTed twice.
#[hook]
pub fn use_uploads(store: Store, enabled: bool) -> Uploads {
    let counts = use_state(|| None::<Counts>);
    let parked = use_state(Vec::<Entry>::new);
    let last_error = use_state(|| None::<String>);
    let kick = use_reducer(|| Kick(0));
    let failures = use_mut_ref(|| 0u32);
    let retry_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let flushing: Rc<RefCell<(bool, bool)>> = use_mut_ref(|| (false, false));
    {
        let (counts, parked, last_error, kick, failures, retry_timer, flushing, store) = (
            counts.clone(),
            parked.clone(),
            last_error.clone(),
            kick.clone(),
            failures.clone(),
            retry_timer.clone(),
            flushing.clone(),
            store.clone(),
        );
        use_effect_with((kick.0, enabled), move |&(_, enabled)| {
            if !enabled {
                return;
            }
            // Every kick shows the counts as stored now, even while a flush is running.
            wasm_bindgen_futures::spawn_local(show_counts(Outbox::new(&store), counts.clone(), parked.clone()));
            {
                let mut state = flushing.borrow_mut();
                if state.0 {
                    state.1 = true; // run again when the current flush ends
                    return;
                }
                state.0 = true;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let outbox = Outbox::new(&store);
                match outbox.flush().await {
                    Ok(Flushed::Done | Flushed::Busy) => {
                        *failures.borrow_mut() = 0;
                        last_error.set(None);
                    }
                    Ok(Flushed::Failed(message)) | Err(super::store::StoreError(message)) => {
                        last_error.set(Some(message));
                        let attempt = {
                            let mut f = failures.borrow_mut();
                            *f += 1;
                            *f
                        };
                        let delay_ms = (1000u32 << (attempt - 1).min(6)).min(60_000);
                        let kick = kick.clone();
                        *retry_timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(delay_ms, move || kick.dispatch(())));
                    }
                }
                show_counts(outbox, counts, parked).await;
                let (_, again) = std::mem::take(&mut *flushing.borrow_mut());
                if again {
                    kick.dispatch(());
                }
            });
        });
    }
    {
        let kick = kick.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "online", move |_| kick.dispatch(()));
            move || drop(listener)
        });
    }
    let kick_callback = {
        let kick = kick.clone();
        Callback::from(move |()| kick.dispatch(()))
    };
    let retry = {
        let kick = kick.clone();
        Callback::from(move |key: String| {
            let (kick, store) = (kick.clone(), store.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = Outbox::new(&store).retry(&key).await;
                kick.dispatch(());
            });
        })
    };
    Uploads {
        counts: if enabled { (*counts).clone() } else { None },
        parked: (*parked).clone(),
        last_error: (*last_error).clone(),
        kick: kick_callback,
        retry,
    }
}

/// Reads the outbox and shows its counts and refused entries.
async fn show_counts(outbox: Outbox, counts: UseStateHandle<Option<Counts>>, parked: UseStateHandle<Vec<Entry>>) {
    if let Ok(entries) = outbox.entries().await {
        counts.set(Some(Counts::of(&entries)));
        parked.set(entries.into_iter().filter(|e| e.state == State::Parked).collect());
    }
}

/// A counter whose every increment asks the outbox to flush (a reducer, so stale closures still count up).
#[derive(PartialEq)]
struct Kick(u32);

impl Reducible for Kick {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Kick(self.0.wrapping_add(1)))
    }
}
