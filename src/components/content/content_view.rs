//! A message's content: a task@1 Markdown string, or task@2 parts in order.

use verdict_core::content::{Content, Part};
use yew::prelude::*;

use super::{CodeView, MathView, MediaView};
use crate::components::common::Markdown;

/// Props of [`ContentView`].
#[derive(Properties, PartialEq)]
pub struct ContentViewProps {
    /// The content (untrusted).
    pub content: Content,
    /// The item is sensitive: media stay blurred and greyscale until revealed.
    #[prop_or_default]
    pub sensitive: bool,
}

/// Shows each part with its own component; plain text keeps its line breaks.
#[function_component(ContentView)]
pub fn content_view(props: &ContentViewProps) -> Html {
    match &props.content {
        Content::Text(text) => html! { <Markdown source={AttrValue::from(text.clone())} /> },
        Content::Parts(parts) => html! {
            <div class="content-parts">
                { for parts.iter().map(|part| match part {
                    Part::Text { text } => html! { <p class="part-text">{ text.clone() }</p> },
                    Part::Markdown { text } => html! { <Markdown source={AttrValue::from(text.clone())} /> },
                    Part::Code { language, text } => html! {
                        <CodeView code={AttrValue::from(text.clone())} language={language.clone().map(AttrValue::from)} />
                    },
                    Part::Math { latex } => html! { <MathView latex={AttrValue::from(latex.clone())} /> },
                    Part::Media(media) => html! { <MediaView media={media.clone()} sensitive={props.sensitive} /> },
                }) }
            </div>
        },
    }
}
