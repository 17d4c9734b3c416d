//! Exposure to sensitive or flagged items per rater and per site, next to how much each judged.

use verdict_core::report::QualityReport;
use yew::prelude::*;

/// Text of this view (to move into the catalogs).
mod labels {
    pub const TITLE: &str = "Wellbeing: exposure to sensitive or flagged items";
    pub const NONE: &str = "No judgments by human raters.";
    pub const PER_SITE: &str = "Per site";
    pub const NOTE: &str =
        "Minutes are recorded active time on items marked sensitive or flagged by the rater. Hard cap: the days a rater's queue paused.";
}

/// Props of [`WellbeingView`].
#[derive(Properties, PartialEq)]
pub struct WellbeingViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
}

/// Two tables: raters, then sites.
#[function_component(WellbeingView)]
pub fn wellbeing_view(props: &WellbeingViewProps) -> Html {
    let section = &props.report.wellbeing;
    html! {
        <section aria-label={labels::TITLE} class="wellbeing-view">
            <h3>{ labels::TITLE }</h3>
            if section.raters.is_empty() {
                <p class="muted">{ labels::NONE }</p>
            } else {
                <table class="data" aria-label="Exposure per rater">
                    <thead><tr><th>{ "Annotator" }</th><th>{ "Group" }</th><th class="num">{ "Judged" }</th><th class="num">{ "Exposing items" }</th>
                        <th class="num">{ "Exposure (min)" }</th><th class="num">{ "Harmful flags" }</th><th class="num">{ "Busiest day (min)" }</th><th>{ "Hard cap reached" }</th></tr></thead>
                    <tbody>
                    { for section.raters.iter().map(|r| html! {
                        <tr data-annotator={r.annotator.clone()}>
                            <td>{ &r.annotator }</td><td>{ r.group.clone().unwrap_or_default() }</td>
                            <td class="num">{ r.n_judged }</td><td class="num">{ r.n_items }</td>
                            <td class="num exposure-minutes">{ format!("{:.1}", r.minutes) }</td><td class="num">{ r.harmful_flags }</td>
                            <td class="num">{ format!("{:.1}", r.days.iter().map(|d| d.minutes).fold(0.0f64, f64::max)) }</td>
                            <td>{ r.hard_cap_days.join(", ") }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                <table class="data" aria-label="Exposure per site">
                    <caption>{ labels::PER_SITE }</caption>
                    <thead><tr><th>{ "Group" }</th><th class="num">{ "Raters" }</th><th class="num">{ "Judged" }</th><th class="num">{ "Exposure (min)" }</th>
                        <th class="num">{ "Per rater (min)" }</th><th class="num">{ "Harmful flags" }</th></tr></thead>
                    <tbody>
                    { for section.groups.iter().map(|g| html! {
                        <tr><td>{ &g.group }</td><td class="num">{ g.n_raters }</td><td class="num">{ g.n_judged }</td>
                            <td class="num">{ format!("{:.1}", g.minutes) }</td><td class="num">{ format!("{:.1}", g.minutes_per_rater) }</td>
                            <td class="num">{ g.harmful_flags }</td></tr>
                    }) }
                    </tbody>
                </table>
                <p class="muted small">{ labels::NOTE }</p>
            }
        </section>
    }
}
