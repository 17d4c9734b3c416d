//! LLM judges beside humans: agreement with the human majority and position consistency.

use crate::t;
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
        <section aria-label={t!("q-judges-llm-judges")}>
            if judges.is_empty() {
                <p class="muted">{ t!("q-judges-no-llm-judge-in-these") }</p>
            } else {
                <table class="data">
                    <caption>{ t!("q-judges-llm-judges-compared-with-the") }</caption>
                    <thead><tr><th>{ t!("q-judges-judge") }</th><th class="num">{ t!("q-judges-items-shared-with-humans") }</th><th class="num">{ t!("q-agreement-agreement") }</th>
                        <th class="num">{ t!("q-judges-cohen") }</th><th>{ t!("q-judges-95-ci") }</th><th class="num">{ t!("q-judges-swapped-pairs") }</th><th class="num">{ t!("q-judges-position-consistency") }</th></tr></thead>
                    <tbody>
                    { for judges.iter().map(|j| html! {
                        <tr>
                            <td>{ &j.judge }</td><td class="num">{ j.n_items }</td><td class="num">{ percent(j.agreement) }</td>
                            <td class="num">{ coefficient(j.kappa) }</td><td>{ interval(j.ci_low, j.ci_high) }</td>
                            <td class="num">{ j.n_swapped_pairs }</td>
                            <td class="num">{ if j.n_swapped_pairs == 0 { t!("q-judges-no-swapped-pairs") } else { percent(j.position_consistency) } }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                <p class="muted small">{ t!("q-judges-position-consistency-of-the-comparisons") }</p>
            }
        </section>
    }
}
