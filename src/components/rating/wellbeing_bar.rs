//! Exposure today against the rubric's caps, a break at any time, and the rater's viewing settings.
//!
//! Core decides (`wellbeing::exposed_today_ms`, `ExposureCaps::status`); this only shows it and
//! feeds the session the rater's activity (so idle time stops the recorded duration).

use gloo::events::EventListener;
use verdict_core::session::{Action, Session};
use verdict_core::wellbeing::{exposed_today_ms, CapStatus};
use yew::prelude::*;

use crate::components::content::{viewing_prefs_html, ViewingPrefs};
use crate::state::browser::now_ms;
use crate::state::rating::RatingState;
use crate::t;

/// Minutes of exposure today and the cap status, for the rater of `session`.
pub fn exposure_today(session: &Session, now_ms: i64) -> (f64, CapStatus) {
    let tasks = &session.eval.tasks;
    let pairs = session.judgments.iter().enumerate().filter_map(|(index, judgment)| judgment.as_ref().map(|j| (j, tasks.get(index))));
    let exposed = exposed_today_ms(pairs, &session.eval.rubric, now_ms);
    let caps = session.eval.rubric.wellbeing.exposure_caps.unwrap_or_default();
    (exposed as f64 / 60_000.0, caps.status(exposed))
}

/// A line above the rating panel: exposure today, cap warnings, a break button (`b`), the
/// rater's viewing settings (`prefs`, the page's state). A function, not a component: each
/// component type costs the rating bundle kilobytes.
pub fn wellbeing_bar_html(session: &Session, prefs: &UseStateHandle<ViewingPrefs>, on_break: &Callback<()>) -> Html {
    let (minutes, status) = exposure_today(session, now_ms());
    let on_break = on_break.reform(|_: MouseEvent| ());
    // Tenths of a minute in integers: float formatting would add kilobytes to the bundle.
    let tenths = (minutes * 10.0).round() as i64;
    html! {
        <div class="wellbeing-bar">
            <span class="exposure small" data-minutes={format!("{}.{}", tenths / 10, tenths % 10)}>{ t!("wellbeing-exposure", minutes = crate::i18n::number(minutes, 1)) }</span>
            <button onclick={on_break}>{ t!("wellbeing-take-break") }<kbd>{ "b" }</kbd></button>
            { viewing_prefs_html(prefs) }
            if status == CapStatus::Soft { <p class="cap-warning" role="alert">{ t!("wellbeing-soft-cap") }</p> }
            if status == CapStatus::Hard {
                <div class="overlay" role="dialog" aria-modal="true" aria-label={t!("wellbeing-paused")}>
                    <div class="dialog"><p class="cap-paused">{ t!("wellbeing-hard-cap") }</p></div>
                </div>
            }
        </div>
    }
}

/// Feeds the session the rater's activity (key presses, clicks, scrolls), at most once a second,
/// each dispatched after the event that showed it.
#[hook]
pub fn use_activity(state: &UseReducerHandle<RatingState>) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let last = std::rc::Rc::new(std::cell::Cell::new(0i64));
        let listeners: Vec<EventListener> = ["keydown", "click", "scroll"]
            .into_iter()
            .map(|event| {
                let (state, last) = (state.clone(), last.clone());
                EventListener::new(&document, event, move |_| {
                    let now = now_ms();
                    if now - last.get() >= 1_000 {
                        last.set(now);
                        // After this event, not during it: a render now would replace the
                        // keyboard listener before it heard this very key press.
                        let state = state.clone();
                        gloo::timers::callback::Timeout::new(0, move || state.dispatch(Action::Activity { now_ms: now })).forget();
                    }
                })
            })
            .collect();
        move || drop(listeners)
    });
}
