//! Renders untrusted Markdown through core's safe node tree, one DOM node at a time. The tree
//! comes from the rich-content module (loaded after the first paint: Markdown's parser is not part
//! of the rating page's first paint); until it is ready the text shows as it is, line breaks kept.
//! The block takes its direction from its own text (`dir="auto"`), and each paragraph, list item
//! and cell from its own first strong letter (`unicode-bidi: plaintext` in verdict.css): Arabic in
//! an English interface reads right to left, English in an Arabic one left to right.

use js_sys::Array;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::content::{rich_markdown, tree_html, use_rich_ready};

/// Props of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    /// Markdown source (untrusted).
    pub source: AttrValue,
}

/// Markdown as DOM nodes; raw HTML shows as text and only http(s)/mailto links are live.
#[function_component(Markdown)]
pub fn markdown(props: &MarkdownProps) -> Html {
    let ready = use_rich_ready();
    let tree = use_memo((props.source.clone(), ready), |(source, _)| rich_markdown(source));
    match (*tree).as_ref().and_then(|tree| tree.dyn_ref::<Array>()) {
        Some(nodes) => html! { <div class="markdown" dir="auto">{ for nodes.iter().map(|node| tree_html(&node)) }</div> },
        None => html! { <div class="markdown markdown-plain" dir="auto"><p>{ props.source.clone() }</p></div> },
    }
}
