//! The rating page's persistence effects: saving judgments (with their outbox entry), keeping
//! drafts, recording the position, and keeping tabs of one evaluation in step.
//!
//! Tabs: each committed save is announced on a `BroadcastChannel` named after the evaluation.
//! A tab that hears it (and every tab after its own save) re-reads the annotator's judgments from
//! IndexedDB and takes in those that differ. IndexedDB runs write transactions of one database
//! one after another, so the store holds the latest edit; re-reading it after every commit makes
//! every tab converge on it.

use std::rc::Rc;

use gloo::events::EventListener;
use verdict_core::judgment::judgment_from_line;
use verdict_core::session::{Action, Status};
use verdict_core::Judgment;
use yew::prelude::*;

use super::browser::now_ms;
use super::loader::Opened;
use super::outbox::new_entry;
use super::rating::RatingState;
use super::store::Store;

/// Writes each submitted judgment (and its outbox entry, when `submit_url` is set) in one
/// transaction, then lets the session move on; keeps the current draft; records the position;
/// takes in other tabs' saves. `on_saved` gets (judgment, items done, items in total); `on_queued`
/// is called after a judgment was queued for upload.
#[hook]
pub fn use_autosave(
    state: &UseReducerHandle<RatingState>,
    opened: &Rc<Opened>,
    submit_url: Option<String>,
    on_saved: &Callback<(Judgment, usize, usize)>,
    on_queued: &Callback<()>,
) {
    let annotator = state.0.eval.annotator.clone();
    let channel_name = format!("verdict-{}", opened.key);
    let saving = match &state.0.status {
        Status::Saving(judgment) => Some((**judgment).clone()),
        _ => None,
    };
    {
        let (state, store, on_saved, on_queued, channel_name, annotator) =
            (state.clone(), opened.store.clone(), on_saved.clone(), on_queued.clone(), channel_name.clone(), annotator.clone());
        use_effect_with(saving, move |saving| {
            let Some(judgment) = saving.clone() else { return };
            wasm_bindgen_futures::spawn_local(async move {
                let line = judgment.to_json_line();
                let entry = submit_url.as_deref().map(|url| new_entry(url, &judgment, now_ms()));
                let queued = entry.is_some();
                match store.save_judgment(&judgment.annotator, &judgment.item_id, &line, entry).await {
                    Ok(()) => {
                        announce(&channel_name);
                        let was_judged = state.0.judgments[state.0.current].is_some();
                        let done = state.0.n_done() + usize::from(!was_judged);
                        let total = state.0.eval.tasks.len();
                        state.dispatch(Action::Saved { now_ms: now_ms() });
                        on_saved.emit((judgment, done, total));
                        if queued {
                            on_queued.emit(());
                        }
                        // Another tab may have saved this item meanwhile: the store says who was last.
                        take_in_store(&store, &annotator, &state).await;
                    }
                    Err(error) => state.dispatch(Action::SaveFailed { message: error.to_string() }),
                }
            });
        });
    }
    {
        // Keep the current item's unsubmitted answers, so a reload or crash does not lose them.
        let store = opened.store.clone();
        let annotator = annotator.clone();
        let stored = state.0.stored_draft();
        let editing = state.0.status == Status::Editing;
        let item_id = state.0.task().id.clone();
        use_effect_with((item_id, stored.as_ref().map(|d| d.to_json()), editing), move |(item_id, json, editing)| {
            if *editing {
                let (item_id, json) = (item_id.clone(), json.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // Best effort: a failed draft write only loses unsubmitted answers, and the
                    // judgment itself is saved (or its failure shown) on submit.
                    let _ = store.put_draft(&annotator, &item_id, json.as_deref()).await;
                });
            }
        });
    }
    {
        // Other tabs of the same evaluation announce what they saved; take it in from the store.
        let (state, store, annotator) = (state.clone(), opened.store.clone(), annotator.clone());
        use_effect_with(channel_name, move |name| {
            let channel = web_sys::BroadcastChannel::new(name).ok();
            let listener = channel.as_ref().map(|channel| {
                EventListener::new(channel, "message", move |_| {
                    let (state, store, annotator) = (state.clone(), store.clone(), annotator.clone());
                    wasm_bindgen_futures::spawn_local(async move { take_in_store(&store, &annotator, &state).await });
                })
            });
            move || {
                drop(listener);
                if let Some(channel) = channel {
                    channel.close();
                }
            }
        });
    }
    let store = opened.store.clone();
    use_effect_with(state.0.current, move |&current| {
        wasm_bindgen_futures::spawn_local(async move {
            // Best effort: losing the position only costs a resume at the first pending item.
            let _ = store.put_position(&annotator, current).await;
        });
    });
}

/// Tells the other tabs of this evaluation that a judgment was committed.
fn announce(channel_name: &str) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(channel_name) {
        let _ = channel.post_message(&"saved".into());
        channel.close();
    }
}

/// Re-reads the annotator's judgments and hands each to the session (which ignores those it has).
async fn take_in_store(store: &Store, annotator: &str, state: &UseReducerHandle<RatingState>) {
    let Ok(lines) = store.judgments_of(annotator).await else { return };
    for judgment in lines.iter().filter_map(|line| judgment_from_line(line).ok()) {
        state.dispatch(Action::SavedElsewhere(Box::new(judgment)));
    }
}
