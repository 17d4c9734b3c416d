//! The rating page: wires the keyboard, autosave and export around the session reducer.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use verdict_core::export::judgments_jsonl_chained;
use verdict_core::session::{Action, Status, HARMFUL_FLAG};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::help_overlay::HelpOverlay;
use super::item_view::ItemView;
use super::progress_bar::ProgressBar;
use super::rating_panel::RatingPanel;
use super::upload_status::UploadStatus;
use super::wellbeing_bar::{use_activity, wellbeing_bar_html};
use crate::components::common::Markdown;
use crate::components::content::ViewingPrefs;
use crate::i18n::root::announce;
use crate::state::autosave::use_autosave;
use crate::state::browser::{copy_to_clipboard, download, now_ms};
use crate::state::loader::Opened;
use crate::state::rating::RatingState;
use crate::state::uploads::use_uploads;
use crate::t;

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
    let viewing = use_state(ViewingPrefs::load);
    let break_due = use_state(|| false);
    let notice = use_state(|| None::<String>);
    let session = &state.0;

    let loading = crate::state::stream::use_task_loading(&state, &props.opened);
    crate::state::stream::use_item_texts(&state, &props.opened);
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
                notice.set(Some(t!("rating-export-failed", error = error.to_string())));
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
                    Ok(()) => t!("rating-copied", count = lines),
                    Err(error) => t!("rating-copy-refused", error = error.to_string()),
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
        let (notice, parked, name) = (
            notice.clone(),
            uploads.parked.clone(),
            format!("{}.{}.refused.jsonl", file_stem(&props.opened.tasks_name), session.eval.annotator),
        );
        Callback::from(move |()| {
            let lines: String = parked.iter().filter_map(|entry| entry.judgment_line()).map(|line| line + "\n").collect();
            if let Err(error) = download(&name, "application/x-ndjson", &lines) {
                notice.set(Some(t!("rating-export-failed", error = error.to_string())));
            }
        })
    };
    {
        // Screen readers hear each save and where the rater now is.
        let (done, total) = (session.n_done(), session.eval.tasks.len());
        use_effect_with(done, move |&done| {
            if done > 0 {
                announce(&t!("rating-saved-announce", done = done, total = total));
            }
        });
    }
    let rubric = &session.eval.rubric;
    let task = session.task();
    let saving = matches!(session.status, Status::Saving(_));
    let edited = session.judgments[session.current].is_some();
    let flagged = session.draft.flags.contains(HARMFUL_FLAG);

    html! {
        <div class="rating">
            <header class="topbar">
                <h1 class="title" dir="auto">{ if rubric.title.is_empty() { "Verdict" } else { rubric.title.as_str() } }</h1>
                <span class="annotator small" title={t!("rating-annotator-title")}>{ t!("rating-annotator", id = &session.eval.annotator) }</span>
                <ProgressBar done={session.n_done()} total={session.eval.tasks.len()} median_seconds={session.median_seconds()} />
                if props.submit_url.is_some() {
                    <UploadStatus counts={uploads.counts.clone()} parked={uploads.parked.clone()} last_error={uploads.last_error.clone()}
                        on_retry={uploads.retry.clone()} on_export={on_export_parked} />
                }
                <div class="actions">
                    <button onclick={on_export} disabled={session.n_done() == 0}>{ t!("rating-export") }</button>
                    <button onclick={on_copy} disabled={session.n_done() == 0}>{ t!("rating-copy") }</button>
                    <button onclick={open_help} aria-label={t!("help-title")}>{ "?" }</button>
                    if let Some(on_close) = on_close {
                        <button onclick={on_close}>{ t!("rating-switch") }</button>
                    }
                </div>
                { crate::i18n::preferences() }
            </header>
            <main class="rating-main">
            if let Some(text) = (*notice).clone() { <p class="notice" role="status">{ text }</p> }
            if let Some((items, percent)) = loading.loading {
                <p class="loading-progress" role="status">{ match percent {
                    Some(percent) => t!("rating-loading-items", items = items, percent = percent as usize),
                    None => t!("rating-loading-items-unknown", items = items),
                } }</p>
            }
            if !loading.problems.is_empty() {
                <details class="load-problems" role="alert">
                    <summary>{ t!("rating-load-problems", count = loading.n_errors, file = &props.opened.tasks_name) }</summary>
                    <ul>{ for loading.problems.iter().map(|p| html! { <li><code>{ crate::i18n::problem(p) }</code></li> }) }</ul>
                </details>
            }
            if !rubric.instructions.is_empty() {
                <details class="instructions"><summary>{ t!("rating-instructions") }</summary><Markdown source={AttrValue::from(rubric.instructions.clone())} /></details>
            }
            if session.status == Status::Finished {
                <section class="finished card" aria-label={t!("rating-finished-label")}>
                    <h2>{ t!("rating-finished-title") }</h2>
                    <p>{ t!("rating-finished-saved", count = session.n_done()) }</p>
                    <p class="muted">{ t!("rating-finished-revisit") }</p>
                    <div class="finished-actions">
                        <button onclick={act(|now_ms| Action::Prev { now_ms })}>{ t!("rating-last-item") }</button>
                        <button class="primary" onclick={on_export_again}>{ t!("rating-download") }</button>
                    </div>
                </section>
            } else {
                <nav class="item-nav" aria-label={t!("rating-item-nav")}>
                    <button onclick={act(|now_ms| Action::Prev { now_ms })} disabled={session.current == 0 || saving}>{ t!("rating-prev") }</button>
                    <span class="item-id">{ t!("rating-item-position", position = session.current + 1, total = session.eval.tasks.len(), id = &task.id) }</span>
                    if edited { <span class="badge">{ t!("rating-judged-badge") }</span> }
                    <button onclick={act(|now_ms| Action::Next { now_ms })} disabled={session.current + 1 >= session.eval.tasks.len() || saving}>{ t!("rating-next") }</button>
                    <button onclick={act(|now_ms| Action::Skip { now_ms })} disabled={saving}>{ t!("rating-skip") }<kbd>{ "s" }</kbd></button>
                    <button aria-pressed={flagged.to_string()} onclick={toggle_flag}>{ t!("rating-flag") }<kbd>{ "f" }</kbd></button>
                    if !task.meta.is_empty() {
                        <details class="meta"><summary>{ t!("rating-details") }</summary>
                            <dl>{ for task.meta.iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v.as_str().map_or_else(|| v.to_string(), str::to_owned) }</dd></> }) }</dl>
                        </details>
                    }
                </nav>
                <ItemView state={state.clone()} on_reveal={reveal} />
                if session.status == Status::Feedback {
                    <section class="feedback card" role="status" aria-label={t!("rating-gold-title")}>
                        <h2>{ t!("rating-gold-title") }</h2>
                        <p>{ gold_text(session) }</p>
                        <button class="primary" onclick={act(|now_ms| Action::Next { now_ms })}>{ t!("rating-continue") }</button>
                    </section>
                } else {
                    { wellbeing_bar_html(session, &viewing, &open_break) }
                    <RatingPanel state={state.clone()} show_help={*criteria_help} />
                    if !session.messages.is_empty() {
                        <div role="alert"><ul class="messages">{ for localized_messages(session).into_iter().map(|m| html! { <li>{ m }</li> }) }</ul></div>
                    }
                    <div class="submit-bar">
                        <button class="primary" disabled={saving} onclick={act(|now_ms| Action::Submit { now_ms })}>
                            { if saving { t!("rating-saving") } else { t!("rating-submit") } }<kbd>{ "Enter" }</kbd>
                        </button>
                        <span class="muted small">{ t!("rating-shortcuts-hint") }</span>
                    </div>
                }
            }
            </main>
            if *help { <HelpOverlay on_close={close_help} /> }
            if *break_due {
                <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="break-title">
                    <div class="dialog">
                        <h2 id="break-title">{ t!("break-title") }</h2>
                        <p>{ match rubric.wellbeing.break_every_minutes {
                            Some(minutes) if minutes > 0 => t!("break-text", minutes = minutes),
                            _ => t!("break-text-any"),
                        } }</p>
                        <button class="primary" onclick={take_break}>{ t!("break-back") }</button>
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
    let Some((winner, lines)) = session.gold_feedback() else { return t!("rating-gold-none") };
    let mut parts = Vec::new();
    match winner {
        Some(GoldWinner::Output(label)) => {
            parts.push(t!("rating-gold-preferred", preference = t!("output-label", label = label.to_string())))
        }
        Some(GoldWinner::Tie) => parts.push(t!("rating-gold-preferred", preference = t!("rating-gold-tie"))),
        Some(GoldWinner::BothBad) => parts.push(t!("rating-gold-preferred", preference = t!("rating-gold-both-bad"))),
        None => {}
    }
    for line in lines {
        match line.output {
            Some(label) => parts.push(t!(
                "rating-gold-score-of",
                criterion = line.criterion.to_string(),
                output = t!("output-label", label = label.to_string()),
                value = line.value.to_string()
            )),
            None => parts.push(format!("{}: {}", line.criterion, line.value)),
        }
    }
    parts.join(" · ")
}

/// The session's messages in the interface language: the core's "answer this row" messages are
/// rebuilt from the rows they name; any other message is shown as the core wrote it.
fn localized_messages(session: &verdict_core::session::Session) -> Vec<String> {
    use verdict_core::session::Row;
    let missing = session.missing();
    let same = missing.len() == session.messages.len() && missing.iter().zip(&session.messages).all(|((_, m), s)| m == s);
    if !same {
        return session.messages.clone();
    }
    let (rows, labels) = (session.rows(), session.position_labels());
    missing
        .iter()
        .map(|(index, _)| match &rows[*index] {
            Row::Preference => t!("missing-preference"),
            Row::Ranking => t!("missing-ranking"),
            Row::Criterion { criterion, position } => {
                let label = session.eval.rubric.criteria[*criterion].display_label().to_owned();
                match position {
                    Some(p) if session.task().outputs.len() > 1 => {
                        t!("missing-criterion-output", criterion = label, output = labels[*p as usize].clone())
                    }
                    _ => t!("missing-criterion", criterion = label),
                }
            }
        })
        .collect()
}
