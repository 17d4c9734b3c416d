//! Rich content (task@2 parts): text, Markdown, code, math, image, audio, video, and the word diff.
//!
//! Markdown, math, code highlighting and the diff are computed by the rich-content module
//! ([`rich_module`], loaded after the first paint), so their code is not part of the rating
//! page's first paint. Words come from the catalogs (`## rich`).
//! No component of its own on purpose: each Yew component type costs the rating bundle kilobytes
//! (docs/BENCHMARKS.md, "Rich content"), so parts are plain functions of a [`RichView`] that the
//! item's component owns (media revealed, viewing settings, worker answers).

mod media;
mod rich_module;
mod viewing_prefs;

use std::cell::RefCell;
use std::rc::Rc;

use verdict_core::content::{Content, Part};
use yew::prelude::*;

pub use rich_module::{load as load_rich_module, rich_markdown, settled as rich_module_settled, tree_html, use_rich_ready};
pub use viewing_prefs::{viewing_prefs_html, ViewingPrefs};

use crate::components::common::Markdown;
use crate::t;

thread_local! {
    static MEDIA_ORIGINS: RefCell<Rc<Vec<String>>> = RefCell::default();
}

/// Sets the page's allow-list of media origins (`media_origins` of `verdict.config.json`).
pub fn set_media_origins(origins: &[String]) {
    MEDIA_ORIGINS.with(|o| *o.borrow_mut() = Rc::new(origins.to_vec()));
}

/// The page's allow-list of media origins.
pub fn media_origins() -> Rc<Vec<String>> {
    MEDIA_ORIGINS.with(|o| o.borrow().clone())
}

/// How an item's parts are shown, owned by the item's component.
#[derive(Clone, PartialEq)]
pub struct RichView {
    /// The item is sensitive: media stay blurred and greyscale until revealed.
    pub sensitive: bool,
    /// URLs of the media the rater revealed on this item.
    pub revealed: Rc<Vec<String>>,
    /// Reveal one media URL.
    pub on_reveal: Callback<String>,
    /// The rater's viewing settings.
    pub prefs: ViewingPrefs,
    /// The rich-content module is ready (a change re-renders the parts that waited).
    pub ready: bool,
}

/// The state behind a [`RichView`]: revealed media (reset when `item` changes), viewing settings
/// (read from this device at each render) and whether the rich-content module is ready.
#[hook]
pub fn use_rich_view(item: &str, sensitive: bool) -> RichView {
    let revealed = use_state(|| (String::new(), Rc::new(Vec::<String>::new())));
    let ready = use_rich_ready();
    let current = if revealed.0 == item { revealed.1.clone() } else { Rc::default() };
    let on_reveal = {
        let (revealed, item, current) = (revealed.clone(), item.to_owned(), current.clone());
        Callback::from(move |url: String| {
            let mut next = (*current).clone();
            next.push(url);
            revealed.set((item.clone(), Rc::new(next)));
        })
    };
    RichView { sensitive, revealed: current, on_reveal, prefs: ViewingPrefs::load(), ready }
}

/// A message's content: a task@1 Markdown string, or task@2 parts in order. Plain text parts keep
/// their line breaks.
pub fn content_html(content: &Content, view: &RichView) -> Html {
    match content {
        Content::Text(text) => html! { <Markdown source={AttrValue::from(text.clone())} /> },
        Content::Parts(parts) => html! {
            <div class="content-parts">
                { for parts.iter().map(|part| match part {
                    Part::Text { text } => html! { <p class="part-text" dir="auto">{ text.clone() }</p> },
                    Part::Markdown { text } => html! { <Markdown source={AttrValue::from(text.clone())} /> },
                    Part::Code { language, text } => code_html(text, language.as_deref().unwrap_or_default()),
                    Part::Math { latex } => html! {
                        <div class="math-part">
                            { match rich_module::rich_math(latex) {
                                Some(node) => tree_html(&node),
                                None => html! { <code class="math-source" dir="ltr">{ latex.clone() }</code> },
                            } }
                        </div>
                    },
                    Part::Media(media) => media::media_html(media, view),
                }) }
            </div>
        },
    }
}

/// Code in a `<pre>` that keeps indentation, highlighted once the rich-content module is ready.
fn code_html(code: &str, language: &str) -> Html {
    let spans = rich_module::rich_highlight(code, language).map(|answer| rich_module::pairs(&answer, 0)).filter(|spans| !spans.is_empty());
    html! {
        <pre class="code-part" role="region" data-language={language.to_owned()} aria-label={t!("content-code", language = language.to_owned())} tabindex="0">
            <code>{ match spans {
                None => html! { { code.to_owned() } },
                Some(spans) => html! { <>{ for spans.into_iter().map(|(kind, text)| match kind {
                    1 => html! { <span class="tok-keyword">{ text }</span> },
                    2 => html! { <span class="tok-string">{ text }</span> },
                    3 => html! { <span class="tok-comment">{ text }</span> },
                    4 => html! { <span class="tok-number">{ text }</span> },
                    _ => html! { { text } },
                }) }</> },
            } }</code>
        </pre>
    }
}

/// The word diff of two outputs' texts (removed words in `<del>`, added in `<ins>`).
pub fn diff_html(first: &str, second: &str) -> Html {
    let answer = rich_module::rich_diff(first, second);
    let title = t!("content-diff-title");
    let truncated = answer.as_ref().and_then(|a| js_sys::Reflect::get_u32(a, 0).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
    html! {
        <section class="word-diff" aria-label={title.clone()} aria-busy={answer.is_none().to_string()}>
            <h3 class="section-title">{ title }</h3>
            if truncated { <p class="muted">{ t!("content-diff-truncated") }</p> }
            if let Some(answer) = &answer {
                <pre class="diff-text" dir="auto">{ for rich_module::pairs(answer, 1).into_iter().map(|(change, text)| match change {
                    1 => html! { <del>{ text }</del> },
                    2 => html! { <ins>{ text }</ins> },
                    _ => html! { { text } },
                }) }</pre>
            }
        </section>
    }
}
