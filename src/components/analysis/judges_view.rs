//! LLM judges beside humans: agreement with the human majority and position consistency.

use verdict_core::report::QualityReport;
use yew::prelude::*;

use super::format::{coefficient, interval, percent};

/// Props of [`JudgesView`].
#[derive(Properties, PartialEq)]
pub struct JudgesViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
}

/// One row per LLM judge.
#[function_component(JudgesView)]
pub fn judges_view(props: &JudgesViewProps) -> Html {
    let judges = &props.report.judges;
    html! {
        <section aria-label="LLM judges">
            if judges.is_empty() {
                <p class="muted">{ "No LLM judge in these files (annotator ids starting with judge:, or kind \"judge\")." }</p>
            } else {
                <table class="data">
                    <caption>{ "LLM judges compared with the human majority preference" }</caption>
                    <thead><tr><th>{ "Judge" }</th><th class="num">{ "Items shared with humans" }</th><th class="num">{ "Agreement" }</th>
                        <th class="num">{ "Cohen κ" }</th><th>{ "95% CI (κ)" }</th><th class="num">{ "Swapped pairs" }</th><th class="num">{ "Position consistency" }</th></tr></thead>
                    <tbody>
                    { for judges.iter().map(|j| html! {
                        <tr>
                            <td>{ &j.judge }</td><td class="num">{ j.n_items }</td><td class="num">{ percent(j.agreement) }</td>
                            <td class="num">{ coefficient(j.kappa) }</td><td>{ interval(j.ci_low, j.ci_high) }</td>
                            <td class="num">{ j.n_swapped_pairs }</td>
                            <td class="num">{ if j.n_swapped_pairs == 0 { "no swapped pairs".to_owned() } else { percent(j.position_consistency) } }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                <p class="muted small">{ "Position consistency: of the comparisons the judge saw in both orders, the share where its verdict did not flip with the order (see docs/METRICS.md)." }</p>
            }
        </section>
    }
}
