//! Exposure to sensitive or flagged items per rater and per site, next to how much each judged.

use verdict_core::report::QualityReport;
use yew::prelude::*;

use crate::i18n::number;
use crate::t;

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
    let title = t!("q-wellbeing-title");
    html! {
        <section aria-label={title.clone()} class="wellbeing-view">
            <h3>{ title.clone() }</h3>
            if section.raters.is_empty() {
                <p class="muted">{ t!("q-wellbeing-none") }</p>
            } else {
                <table class="data" aria-label={t!("q-wellbeing-per-rater")}>
                    <thead><tr><th>{ t!("q-col-annotator") }</th><th>{ t!("q-col-group") }</th><th class="num">{ t!("q-wellbeing-judged") }</th><th class="num">{ t!("q-wellbeing-exposing") }</th>
                        <th class="num">{ t!("q-wellbeing-minutes") }</th><th class="num">{ t!("q-wellbeing-flags") }</th><th class="num">{ t!("q-wellbeing-busiest") }</th><th>{ t!("q-wellbeing-hard-cap") }</th></tr></thead>
                    <tbody>
                    { for section.raters.iter().map(|r| html! {
                        <tr data-annotator={r.annotator.clone()}>
                            <td>{ &r.annotator }</td><td>{ r.group.clone().unwrap_or_default() }</td>
                            <td class="num">{ r.n_judged }</td><td class="num">{ r.n_items }</td>
                            <td class="num exposure-minutes">{ number(r.minutes, 1) }</td><td class="num">{ r.harmful_flags }</td>
                            <td class="num">{ number(r.days.iter().map(|d| d.minutes).fold(0.0f64, f64::max), 1) }</td>
                            <td>{ r.hard_cap_days.join(", ") }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                <table class="data" aria-label={t!("q-wellbeing-per-site")}>
                    <caption>{ t!("q-wellbeing-per-site") }</caption>
                    <thead><tr><th>{ t!("q-col-group") }</th><th class="num">{ t!("q-wellbeing-raters") }</th><th class="num">{ t!("q-wellbeing-judged") }</th><th class="num">{ t!("q-wellbeing-minutes") }</th>
                        <th class="num">{ t!("q-wellbeing-per-rater-minutes") }</th><th class="num">{ t!("q-wellbeing-flags") }</th></tr></thead>
                    <tbody>
                    { for section.groups.iter().map(|g| html! {
                        <tr><td>{ &g.group }</td><td class="num">{ g.n_raters }</td><td class="num">{ g.n_judged }</td>
                            <td class="num">{ number(g.minutes, 1) }</td><td class="num">{ number(g.minutes_per_rater, 1) }</td>
                            <td class="num">{ g.harmful_flags }</td></tr>
                    }) }
                    </tbody>
                </table>
                <p class="muted small">{ t!("q-wellbeing-note") }</p>
            }
        </section>
    }
}
