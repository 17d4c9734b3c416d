//! Source code: a `<pre>` that keeps indentation, highlighted by the rich-content worker (plain
//! until its answer arrives).

use yew::prelude::*;

use super::rich_worker::{pairs, use_rich};
use crate::t;

/// Props of [`CodeView`].
#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    /// The code.
    pub code: AttrValue,
    /// Its language, if known.
    #[prop_or_default]
    pub language: Option<AttrValue>,
}

/// Highlighted code; spans carry `tok-keyword`, `tok-string`, `tok-comment`, `tok-number`.
#[function_component(CodeView)]
pub fn code_view(props: &CodeViewProps) -> Html {
    let language = props.language.clone().unwrap_or_default();
    let answer = use_rich("code", props.code.clone(), language.clone());
    let spans = answer.as_ref().map(|answer| pairs(answer, 0)).filter(|spans| !spans.is_empty());
    html! {
        <pre class="code-part" data-language={language.clone()} aria-label={t!("content-code", language = language.to_string())} tabindex="0">
            <code>{ match spans {
                None => html! { { props.code.clone() } },
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
