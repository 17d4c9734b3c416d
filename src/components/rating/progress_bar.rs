//! Progress through the evaluation: done / total and the median seconds per item.

use yew::prelude::*;

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
    let median = props.median_seconds.map_or_else(|| "–".to_owned(), |s| if s < 10.0 { format!("{s:.1} s") } else { format!("{s:.0} s") });
    html! {
        <div class="progress">
            <progress max={props.total.to_string()} value={props.done.to_string()} aria-label="Items judged"></progress>
            <span class="progress-text">{ format!("{} / {} done · median {} per item", props.done, props.total, median) }</span>
        </div>
    }
}
