//! The rating page: wires the keyboard, autosave and export around the session reducer.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use verdict_core::export::judgments_jsonl_chained;
use verdict_core::session::{Action, Status, HARMFUL_FLAG};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::criterion_row::CriteriaHelp;
use super::help_overlay::HelpOverlay;
use super::item_view::ItemView;
use super::progress_bar::ProgressBar;
use super::rating_panel::RatingPanel;
use super::upload_status::UploadStatus;
use super::wellbeing_bar::{use_activity, WellbeingBar};
use crate::components::common::Markdown;
use crate::state::browser::{copy_to_clipboard, download, now_ms};
use crate::state::loader::Opened;
use crate::state::autosave::use_autosave;
use crate::state::rating::RatingState;
use crate::state::uploads::use_uploads;

/// Props of [`RatingPage`].
#[derive(Properties, Clone)]
pub struct RatingPageProps {
    /// The opened evaluation.
    pub opened: Rc<Opened>,
    /// Leave this evaluation (back to setup); `None` hides "Switch evaluation" (a locked embed).
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
    /// A judgment was saved: (judgment, items done, items in total).
    pub on_saved: Callback<(verdict_core::Judgment, usize, usize)>,
    /// The collection endpoint judgments are POSTed to, if any.
    #[prop_or_default]
    pub submit_url: Option<AttrValue>,
}

impl PartialEq for RatingPageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.opened, &other.opened)
            && self.on_close == other.on_close
            && self.on_saved == other.on_saved
            && self.submit_url == other.submit_url
    }
}

/// Rate items one after another; every judgment is saved before the next item shows.
#[function_component(RatingPage)]
pub fn rating_page(props: &RatingPageProps) -> Html {
    let state = use_reducer(|| RatingState(props.opened.session.clone()));
    let help = use_state(|| false);
    let criteria_help = use_state(|| false);
    let break_due = use_state(|| false);
    let notice = use_state(|| None::<String>);
    let session = &state.0;

    use_keyboard(&state, &help, &break_due, &criteria_help);
    use_activity(&state);
    let uploads = use_uploads(props.opened.store.clone(), props.submit_url.is_some());
    use_autosave(&state, &props.opened, props.submit_url.as_ref().map(ToString::to_string), &props.on_saved, &uploads.kick);
    {
        // Break reminder: fire when core says the next break is due.
        let break_due = break_due.clone();
        use_effect_with(session.break_due_at_ms(), move |due| {
            let timeout = due.map(|due| {
                let remaining = (due - now_ms()).clamp(0, i64::from(u32::MAX)) as u32;
                gloo::timers::callback::Timeout::new(remaining, move || break_due.set(true))
            });
            move || drop(timeout)
        });
    }

    let export_text = {
        let state = state.clone();
        move || judgments_jsonl_chained(state.0.judgments.iter().flatten())
    };
    let export_name = format!("{}.{}.judgments.jsonl", file_stem(&props.opened.tasks_name), session.eval.annotator);
    let on_export = {
        let export_text = export_text.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(error) = download(&export_name, "application/x-ndjson", &export_text()) {
                notice.set(Some(format!("Export failed: {error}")));
            }
        })
    };
    let on_export_again = on_export.clone();
    let on_copy = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let text = export_text();
            let notice = notice.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let lines = text.lines().count();
                notice.set(Some(match copy_to_clipboard(&text).await {
                    Ok(()) => format!("Copied {lines} judgments to the clipboard."),
                    Err(error) => format!("The browser refused the clipboard ({error}); use Export instead."),
                }));
            });
        })
    };
    let act = |make: fn(i64) -> Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(make(now_ms())))
    };
    let toggle_flag = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleFlag(HARMFUL_FLAG.into())))
    };
    let take_break = {
        let state = state.clone();
        let break_due = break_due.clone();
        Callback::from(move |_: MouseEvent| {
            break_due.set(false);
            state.dispatch(Action::TakeBreak { now_ms: now_ms() });
        })
    };
    let open_break = {
        let break_due = break_due.clone();
        Callback::from(move |()| break_due.set(true))
    };
    let close_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(false))
    };
    let open_help = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(true))
    };
    let reveal = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Reveal))
    };
    let on_close = props.on_close.as_ref().map(|close| close.reform(|_: MouseEvent| ()));
    let on_export_parked = {
        let (notice, parked, name) = (notice.clone(), uploads.parked.clone(), format!("{}.{}.refused.jsonl", file_stem(&props.opened.tasks_name), session.eval.annotator));
        Callback::from(move |()| {
            let lines: String = parked.iter().filter_map(|entry| entry.judgment_line()).map(|line| line + "\n").collect();
            if let Err(error) = download(&name, "application/x-ndjson", &lines) {
                notice.set(Some(format!("Export failed: {error}")));
            }
        })
    };
    let rubric = &session.eval.rubric;
    let task = session.task();
    let saving = matches!(session.status, Status::Saving(_));
    let edited = session.judgments[session.current].is_some();
    let flagged = session.draft.flags.contains(HARMFUL_FLAG);

    html! {
        <div class="rating">
            <header class="topbar">
                <div class="title">
                    <strong>{ if rubric.title.is_empty() { "Verdict" } else { rubric.title.as_str() } }</strong>
                </div>
                <span class="annotator small" title="Annotator">{ format!("annotator {}", session.eval.annotator) }</span>
                <ProgressBar done={session.n_done()} total={session.eval.tasks.len()} median_seconds={session.median_seconds()} />
                if props.submit_url.is_some() {
                    <UploadStatus counts={uploads.counts.clone()} parked={uploads.parked.clone()} last_error={uploads.last_error.clone()}
                        on_retry={uploads.retry.clone()} on_export={on_export_parked} />
                }
                <div class="actions">
                    <button onclick={on_export} disabled={session.n_done() == 0}>{ "Export JSONL" }</button>
                    <button onclick={on_copy} disabled={session.n_done() == 0}>{ "Copy" }</button>
                    <button onclick={open_help} aria-label="Keyboard shortcuts">{ "?" }</button>
                    if let Some(on_close) = on_close {
                        <button onclick={on_close}>{ "Switch evaluation" }</button>
                    }
                </div>
            </header>
            if let Some(text) = (*notice).clone() { <p class="notice" role="status">{ text }</p> }
            if !props.opened.problems.is_empty() {
                <details class="load-problems" role="alert">
                    <summary>{ format!("{} line(s) of {} could not be loaded and were left out", props.opened.problems.iter().filter(|p| p.is_error()).count(), props.opened.tasks_name) }</summary>
                    <ul>{ for props.opened.problems.iter().map(|p| html! { <li><code>{ p.to_string() }</code></li> }) }</ul>
                </details>
            }
            if !rubric.instructions.is_empty() {
                <details class="instructions"><summary>{ "Instructions" }</summary><Markdown source={AttrValue::from(rubric.instructions.clone())} /></details>
            }
            if session.status == Status::Finished {
                <section class="finished card" aria-label="Finished">
                    <h2>{ "All items judged — thank you!" }</h2>
                    <p>{ format!("{} judgments are saved in this browser. Export them to hand them in.", session.n_done()) }</p>
                    <p class="muted">{ "Press ← or the button below to revisit and edit items." }</p>
                    <div class="finished-actions">
                        <button onclick={act(|now_ms| Action::Prev { now_ms })}>{ "← Last item" }</button>
                        <button class="primary" onclick={on_export_again}>{ "Download my judgments" }</button>
                    </div>
                </section>
            } else {
                <nav class="item-nav" aria-label="Item navigation">
                    <button onclick={act(|now_ms| Action::Prev { now_ms })} disabled={session.current == 0 || saving}>{ "← Prev" }</button>
                    <span class="item-id">{ format!("Item {} of {} · {}", session.current + 1, session.eval.tasks.len(), task.id) }</span>
                    if edited { <span class="badge">{ "judged — editing replaces it" }</span> }
                    <button onclick={act(|now_ms| Action::Next { now_ms })} disabled={session.current + 1 >= session.eval.tasks.len() || saving}>{ "Next →" }</button>
                    <button onclick={act(|now_ms| Action::Skip { now_ms })} disabled={saving}>{ "Skip" }<kbd>{ "s" }</kbd></button>
                    <button aria-pressed={flagged.to_string()} onclick={toggle_flag}>{ "Flag harmful" }<kbd>{ "f" }</kbd></button>
                    if !task.meta.is_empty() {
                        <details class="meta"><summary>{ "Details" }</summary>
                            <dl>{ for task.meta.iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v.as_str().map_or_else(|| v.to_string(), str::to_owned) }</dd></> }) }</dl>
                        </details>
                    }
                </nav>
                <ItemView state={state.clone()} on_reveal={reveal} />
                if session.status == Status::Feedback {
                    <section class="feedback card" role="status" aria-label="Gold answer">
                        <h2>{ "Gold answer" }</h2>
                        <p>{ gold_text(session) }</p>
                        <button class="primary" onclick={act(|now_ms| Action::Next { now_ms })}>{ "Continue (Enter)" }</button>
                    </section>
                } else {
                    <WellbeingBar state={state.clone()} on_break={open_break.clone()} />
                    <ContextProvider<CriteriaHelp> context={CriteriaHelp(*criteria_help)}>
                        <RatingPanel state={state.clone()} />
                    </ContextProvider<CriteriaHelp>>
                    if !session.messages.is_empty() {
                        <ul class="messages" role="alert">{ for session.messages.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                    }
                    <div class="submit-bar">
                        <button class="primary" disabled={saving} onclick={act(|now_ms| Action::Submit { now_ms })}>
                            { if saving { "Saving…" } else { "Submit" } }<kbd>{ "Enter" }</kbd>
                        </button>
                        <span class="muted small">{ "Press ? for all shortcuts" }</span>
                    </div>
                }
            }
            if *help { <HelpOverlay on_close={close_help} /> }
            if *break_due {
                <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="break-title">
                    <div class="dialog">
                        <h2 id="break-title">{ "Time for a break" }</h2>
                        <p>{ match rubric.wellbeing.break_every_minutes {
                            Some(minutes) if minutes > 0 => format!("You have been rating for {minutes} minutes. Step away from the screen for a few minutes; your work is saved."),
                            _ => "Step away from the screen for a few minutes; your work is saved.".to_owned(),
                        } }</p>
                        <button class="primary" onclick={take_break}>{ "I'm back" }</button>
                    </div>
                </div>
            }
        </div>
    }
}

/// Keyboard: the keymap lives in core (`Session::action_for_key`); this only routes events.
#[hook]
fn use_keyboard(
    state: &UseReducerHandle<RatingState>,
    help: &UseStateHandle<bool>,
    break_due: &UseStateHandle<bool>,
    criteria_help: &UseStateHandle<bool>,
) {
    let state = state.clone();
    let help = help.clone();
    let break_due = break_due.clone();
    let criteria_help = criteria_help.clone();
    use_effect_with((state.clone(), *help, *break_due, *criteria_help), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document, "keydown", options, move |event| {
            let event: &web_sys::KeyboardEvent = event.unchecked_ref();
            let key = event.key();
            let in_field = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if in_field {
                if key == "Escape" {
                    if let Some(el) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = el.blur();
                    }
                } else if key == "Enter" && (event.ctrl_key() || event.meta_key()) {
                    event.prevent_default();
                    state.dispatch(Action::Submit { now_ms: now_ms() });
                }
                return;
            }
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            if *help {
                if key == "?" || key == "Escape" {
                    help.set(false);
                }
                return;
            }
            if *break_due {
                return;
            }
            match key.as_str() {
                "?" => help.set(true),
                "h" => criteria_help.set(!*criteria_help),
                "b" => break_due.set(true),
                "e" => {
                    let selector = format!("[data-row=\"{}\"] textarea", state.0.focus);
                    if let Ok(Some(field)) = gloo::utils::document().query_selector(&selector) {
                        event.prevent_default();
                        let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
                _ => {
                    if let Some(action) = state.0.action_for_key(&key, now_ms()) {
                        event.prevent_default();
                        state.dispatch(action);
                    }
                }
            }
        });
        move || drop(listener)
    });
}

fn file_stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The gold answer by screen position (core's `gold_feedback`): models are never named.
fn gold_text(session: &verdict_core::session::Session) -> String {
    use verdict_core::session::GoldWinner;
    let Some((winner, lines)) = session.gold_feedback() else { return "No gold answer for this item.".into() };
    let mut parts = Vec::new();
    match winner {
        Some(GoldWinner::Output(label)) => parts.push(format!("Preferred: output {label}")),
        Some(GoldWinner::Tie) => parts.push("Preferred: tie".to_owned()),
        Some(GoldWinner::BothBad) => parts.push("Preferred: both bad".to_owned()),
        None => {}
    }
    for line in lines {
        match line.output {
            Some(label) => parts.push(format!("{} (output {label}): {}", line.criterion, line.value)),
            None => parts.push(format!("{}: {}", line.criterion, line.value)),
        }
    }
    parts.join(" · ")
}
