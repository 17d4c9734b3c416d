//! One model output, labelled by position (and by model unless blind).

use yew::prelude::*;

use verdict_core::content::Content;

use crate::components::content::{content_html, RichView};
use crate::t;

/// Props of [`OutputCard`].
#[derive(Properties, PartialEq)]
pub struct OutputCardProps {
    /// Position label: "A", "B", or "1", "2", ….
    pub label: AttrValue,
    /// The model's id, shown unless blind.
    pub model: Option<AttrValue>,
    /// The output's content (Markdown or parts).
    pub content: Content,
    /// How rich parts are shown (media revealed, viewing settings, worker answers).
    pub view: RichView,
    /// Rank given in ranking mode (1 = best).
    pub rank: Option<usize>,
}

/// An output card.
#[function_component(OutputCard)]
pub fn output_card(props: &OutputCardProps) -> Html {
    html! {
        <article class="output" aria-label={t!("output-label", label = props.label.to_string())} tabindex="0">
            <header>
                <span class="output-label">{ t!("output-label", label = props.label.to_string()) }</span>
                if let Some(model) = &props.model { <span class="model">{ model }</span> }
                if let Some(rank) = props.rank { <span class="rank-badge">{ format!("#{rank}") }</span> }
            </header>
            { content_html(&props.content, &props.view) }
        </article>
    }
}
