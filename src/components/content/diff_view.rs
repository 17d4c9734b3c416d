//! The word-level diff between two outputs (core's `content::diff`), for the diff toggle.

use verdict_core::content::diff::{word_diff, Change};
use yew::prelude::*;

/// Text of this component (to move into the catalogs).
mod labels {
    pub const TITLE: &str = "Differences between the outputs";
    pub const TRUNCATED: &str = "The outputs differ too much for a word-by-word comparison.";
}

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
    let diff = use_memo((props.first.clone(), props.second.clone()), |(first, second)| word_diff(first, second));
    html! {
        <section class="word-diff" aria-label={labels::TITLE}>
            <h3 class="section-title">{ labels::TITLE }</h3>
            if diff.truncated { <p class="muted">{ labels::TRUNCATED }</p> }
            <pre class="diff-text">{ for diff.runs.iter().map(|(change, text)| match change {
                Change::Same => html! { { text.clone() } },
                Change::Removed => html! { <del>{ text.clone() }</del> },
                Change::Added => html! { <ins>{ text.clone() }</ins> },
            }) }</pre>
        </section>
    }
}
