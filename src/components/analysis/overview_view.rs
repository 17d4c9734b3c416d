//! Overview: how much was judged, by whom, how much is double-rated, and when.

use crate::t;
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
    let warnings_only = o.n_problems > 0 && o.n_warnings == o.n_problems;
    let bars: Vec<(String, f64)> = o.per_day.iter().map(|d| (d.day.clone(), d.judgments as f64)).collect();
    html! {
        <section aria-label={t!("q-overview-overview")}>
            <dl class="stats">
                <div><dt>{ t!("q-annotators-judgments") }</dt><dd>{ o.n_judgments }</dd></div>
                <div><dt>{ t!("q-agreement-items") }</dt><dd>{ o.n_items }</dd></div>
                <div><dt>{ t!("q-agreement-annotators") }</dt><dd>{ o.n_annotators }</dd></div>
                <div><dt>{ t!("q-overview-groups") }</dt><dd>{ o.n_groups }</dd></div>
                <div><dt>{ t!("q-overview-items-with-2-judgments") }</dt><dd>{ format!("{} ({})", o.n_items_multi, crate::i18n::percent(coverage / 100.0, 1)) }</dd></div>
            </dl>
            <p class="muted small input-summary" data-files={o.input.files.to_string()} data-lines={o.input.lines.to_string()}
                data-judgments={o.input.judgments.to_string()} data-replaced={o.input.replaced.to_string()}
                data-skipped={o.input.skipped.to_string()} data-problems={o.input.problems_total.to_string()}>
                { t!("q-overview-input", files = o.input.files, lines = o.input.lines, judgments = o.input.judgments,
                    replaced = o.input.replaced, skipped = o.input.skipped, problems = o.input.problems_total) }
            </p>
            <h3>{ t!("q-overview-judgments-per-day") }</h3>
            if bars.is_empty() {
                <p class="muted">{ t!("q-overview-no-dates", undated = o.n_undated) }</p>
            } else {
                <BarChart title={t!("q-overview-judgments-per-day")} {bars} />
                if o.n_undated > 0 { <p class="muted small">{ t!("q-overview-undated", count = o.n_undated) }</p> }
            }
            if o.n_problems > 0 {
                // Warnings only (e.g. replaced judgments): styled as warnings, not as a red problem box.
                <details class={classes!("load-problems", warnings_only.then_some("warnings-only"))} open={o.n_problems <= 5}>
                    <summary>{ if warnings_only { t!("q-overview-warnings", count = o.n_problems) } else { t!("q-overview-problems", count = o.n_problems) } }</summary>
                    <ul>{ for o.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }</ul>
                </details>
            }
        </section>
    }
}
