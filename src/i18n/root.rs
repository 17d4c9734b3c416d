//! Verdict's root element: `<div class="verdict" lang dir data-theme>` around every page, which
//! scopes the stylesheet (a host page keeps its own look), and the language and theme switches.
//!
//! The switches reach the root through a thread-local callback rather than a Yew context: one
//! component fewer in the rating bundle (each component type costs kilobytes, see BENCHMARKS.md).

use std::cell::RefCell;

use yew::prelude::*;

use super::{activate, locale, rtl, LANG_KEY, LOCALES};
use crate::state::browser::{local_get, local_remove, local_set};
use crate::t;

/// Where the rater's light/dark choice is remembered (absent: follow the system).
pub const THEME_KEY: &str = "verdict.theme";

/// What the root can be asked to change.
enum Change {
    Locale(String),
    Theme(Option<String>),
}

thread_local! {
    static ROOT: RefCell<Option<Callback<Change>>> = const { RefCell::new(None) };
}

/// Props of [`Localized`].
#[derive(Properties, PartialEq)]
pub struct LocalizedProps {
    /// The page inside the root (components: they are mounted afresh in a new language).
    pub children: Html,
}

/// The root element; re-mounts its page when the language changes.
#[function_component(Localized)]
pub fn localized(props: &LocalizedProps) -> Html {
    let current = use_state(locale);
    let theme = use_state(|| local_get(THEME_KEY).filter(|t| t == "light" || t == "dark"));
    {
        let (current, theme) = (current.clone(), theme.clone());
        let change = Callback::from(move |change: Change| match change {
            Change::Locale(tag) => {
                let current = current.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    activate(&tag).await;
                    current.set(locale());
                });
            }
            Change::Theme(choice) => {
                match &choice {
                    Some(choice) => local_set(THEME_KEY, choice),
                    None => local_remove(THEME_KEY),
                }
                theme.set(choice);
            }
        });
        ROOT.with(|root| *root.borrow_mut() = Some(change));
    }
    let dir = if rtl() { "rtl" } else { "ltr" };
    html! {
        <div class="verdict" key={(*current).clone()} lang={(*current).clone()} {dir} data-theme={(*theme).clone()}>
            { props.children.clone() }
            <div class="sr-only" id="verdict-announcer" role="status" aria-live="polite"></div>
        </div>
    }
}

/// Switches the interface language (remembered in this browser) and re-mounts the page in it.
pub fn switch_locale(tag: &str) {
    local_set(LANG_KEY, tag);
    ROOT.with(|root| {
        if let Some(change) = &*root.borrow() {
            change.emit(Change::Locale(tag.to_owned()));
        }
    });
}

/// Re-mounts the page in the page configuration's language (not remembered as the rater's choice).
pub fn apply_configured(tag: &str) {
    ROOT.with(|root| {
        if let Some(change) = &*root.borrow() {
            change.emit(Change::Locale(tag.to_owned()));
        }
    });
}

/// The language and theme pickers (in each page's header).
pub fn preferences() -> Html {
    let current = locale();
    let on_language = Callback::from(|e: Event| switch_locale(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
    let on_theme = Callback::from(|e: Event| {
        let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        ROOT.with(|root| {
            if let Some(change) = &*root.borrow() {
                change.emit(Change::Theme((value != "system").then_some(value)));
            }
        });
    });
    let chosen_theme = local_get(THEME_KEY).unwrap_or_else(|| "system".into());
    // The options as one string of markup (our own constants and catalog text, escaped): a
    // `html!` loop per option costs kilobytes of bundle (BENCHMARKS.md, "Interface languages").
    let mut languages = String::new();
    for (code, name) in LOCALES {
        let selected = if *code == current { " selected" } else { "" };
        languages.push_str(&format!("<option value=\"{code}\" lang=\"{code}\"{selected}>{name}</option>"));
    }
    let mut themes = String::new();
    for (value, id) in [("system", "prefs-theme-system"), ("light", "prefs-theme-light"), ("dark", "prefs-theme-dark")] {
        let selected = if value == chosen_theme { " selected" } else { "" };
        themes.push_str(&format!("<option value=\"{value}\"{selected}>{}</option>", escape(&super::t(id))));
    }
    html! {
        <div class="prefs">
            <label>
                <span class="sr-only">{ t!("prefs-language") }</span>
                <select class="language" onchange={on_language}>{ Html::from_html_unchecked(languages.into()) }</select>
            </label>
            <label>
                <span class="sr-only">{ t!("prefs-theme") }</span>
                <select class="theme" onchange={on_theme}>{ Html::from_html_unchecked(themes.into()) }</select>
            </label>
        </div>
    }
}

/// Text made safe to put in markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Says `text` to screen readers (the root's polite live region): submits, saves, errors.
pub fn announce(text: &str) {
    if let Some(region) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("verdict-announcer")) {
        // Clearing first makes a repeated message ("Saved") be read again.
        region.set_text_content(Some(""));
        let text = text.to_owned();
        gloo::timers::callback::Timeout::new(50, move || region.set_text_content(Some(&text))).forget();
    }
}
