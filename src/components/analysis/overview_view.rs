//! Overview: how much was judged, by whom, how much is double-rated, and when.

use verdict_core::report::QualityReport;
use yew::prelude::*;

use crate::components::charts::BarChart;

/// Props of [`OverviewView`].
#[derive(Properties, PartialEq)]
pub struct OverviewViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
}

/// Key counts and judgments per day.
#[function_component(OverviewView)]
pub fn overview_view(props: &OverviewViewProps) -> Html {
    let o = &props.report.overview;
    let coverage = if o.n_items == 0 { 0.0 } else { o.n_items_multi as f64 / o.n_items as f64 * 100.0 };
    let bars: Vec<(String, f64)> = o.per_day.iter().map(|d| (d.day.clone(), d.judgments as f64)).collect();
    html! {
        <section aria-label="Overview">
            <dl class="stats">
                <div><dt>{ "Judgments" }</dt><dd>{ o.n_judgments }</dd></div>
                <div><dt>{ "Items" }</dt><dd>{ o.n_items }</dd></div>
                <div><dt>{ "Annotators" }</dt><dd>{ o.n_annotators }</dd></div>
                <div><dt>{ "Groups" }</dt><dd>{ o.n_groups }</dd></div>
                <div><dt>{ "Items with ≥ 2 judgments" }</dt><dd>{ format!("{} ({coverage:.1}%)", o.n_items_multi) }</dd></div>
            </dl>
            <p class="muted small input-summary" data-files={o.input.files.to_string()} data-lines={o.input.lines.to_string()}
                data-judgments={o.input.judgments.to_string()} data-replaced={o.input.replaced.to_string()}
                data-skipped={o.input.skipped.to_string()} data-problems={o.input.problems_total.to_string()}>
                { format!(
                    "Read: {} files, {} lines, {} judgments, {} replaced, {} skipped, {} problems (the same count as every verdict command's input summary).",
                    o.input.files, o.input.lines, o.input.judgments, o.input.replaced, o.input.skipped, o.input.problems_total
                ) }
            </p>
            <h3>{ "Judgments per day" }</h3>
            if bars.is_empty() {
                <p class="muted">{ format!("No judgment carries a date ({} undated).", o.n_undated) }</p>
            } else {
                <BarChart title="Judgments per day" {bars} />
                if o.n_undated > 0 { <p class="muted small">{ format!("{} judgments have no date.", o.n_undated) }</p> }
            }
            if o.n_problems > 0 {
                <details class="load-problems" open={o.n_problems <= 5}>
                    <summary>{ format!("{} problem(s) in the files", o.n_problems) }</summary>
                    <ul>{ for o.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }</ul>
                </details>
            }
        </section>
    }
}
