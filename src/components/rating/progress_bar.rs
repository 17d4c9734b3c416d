//! Progress through the evaluation: done / total and the median seconds per item.

use yew::prelude::*;

use crate::t;

/// Props of [`ProgressBar`].
#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// Items with a saved judgment.
    pub done: usize,
    /// Items in the evaluation.
    pub total: usize,
    /// Median seconds per judged item.
    pub median_seconds: Option<f64>,
}

/// A labelled progress bar.
#[function_component(ProgressBar)]
pub fn progress_bar(props: &ProgressBarProps) -> Html {
    let median = props
        .median_seconds
        .map_or_else(|| "–".to_owned(), |s| t!("unit-seconds", seconds = crate::i18n::number(s, if s < 10.0 { 1 } else { 0 })));
    html! {
        <div class="progress">
            <progress max={props.total.to_string()} value={props.done.to_string()} aria-label={t!("progress-label")}></progress>
            <span class="progress-text">{ t!("progress-text", done = props.done, total = props.total, median = median) }</span>
        </div>
    }
}
