//! The word-level diff between two outputs (core's `content::diff`, run by the rich-content
//! worker), for the diff toggle.

use yew::prelude::*;

use super::rich_worker::{pairs, use_rich};
use crate::t;

/// Props of [`DiffView`].
#[derive(Properties, PartialEq)]
pub struct DiffViewProps {
    /// The first output's text (as shown first).
    pub first: AttrValue,
    /// The second output's text.
    pub second: AttrValue,
}

/// Removed words struck through (`<del>`), added words marked (`<ins>`).
#[function_component(DiffView)]
pub fn diff_view(props: &DiffViewProps) -> Html {
    let answer = use_rich("diff", props.first.clone(), props.second.clone());
    let title = t!("content-diff-title");
    let truncated = answer.as_ref().and_then(|a| js_sys::Reflect::get_u32(a, 0).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
    html! {
        <section class="word-diff" aria-label={title.clone()} aria-busy={answer.is_none().to_string()}>
            <h3 class="section-title">{ title }</h3>
            if truncated { <p class="muted">{ t!("content-diff-truncated") }</p> }
            if let Some(answer) = &answer {
                <pre class="diff-text" dir="auto">{ for pairs(answer, 1).into_iter().map(|(change, text)| match change {
                    1 => html! { <del>{ text }</del> },
                    2 => html! { <ins>{ text }</ins> },
                    _ => html! { { text } },
                }) }</pre>
            }
        </section>
    }
}
