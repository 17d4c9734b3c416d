//! LLM judges beside humans: agreement with the human majority and position consistency.

use crate::t;
use verdict_core::report::QualityReport;
use yew::prelude::*;

use super::format::{coefficient, percent, percent_interval};

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
                        <th>{ t!("q-agreement-95-ci") }</th><th class="num">{ t!("q-judges-cohen") }</th><th class="num">{ t!("q-judges-swapped-pairs") }</th><th class="num">{ t!("q-judges-position-consistency") }</th><th>{ t!("q-judges-drift") }</th></tr></thead>
                    <tbody>
                    { for judges.iter().map(|j| html! {
                        <tr>
                            <td>{ &j.judge }</td><td class="num">{ j.n_items }</td><td class="num">{ percent(j.agreement) }</td>
                            <td><bdi class="evidence" dir="ltr">{ percent_interval(j.ci_low, j.ci_high) }</bdi></td><td class="num">{ coefficient(j.kappa) }</td>
                            <td class="num">{ j.n_swapped_pairs }</td>
                            <td class="num">{ if j.n_swapped_pairs == 0 { t!("q-judges-no-swapped-pairs") } else { percent(j.position_consistency) } }</td>
                            <td>{ drift(j) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                { for judges.iter().filter(|j| !j.weekly.is_empty()).map(|j| html! {
                    <table class="data">
                        <caption>{ t!("q-judges-weekly-caption", judge = j.judge.as_str()) }</caption>
                        <thead><tr><th>{ t!("q-judges-week") }</th><th class="num">{ t!("q-judges-items-shared-with-humans") }</th><th class="num">{ t!("q-agreement-agreement") }</th></tr></thead>
                        <tbody>
                        { for j.weekly.iter().map(|w| html! {
                            <tr class={classes!(j.drift.iter().any(|d| d.period == w.period).then_some("signal"))}>
                                <td>{ &w.period }</td><td class="num">{ w.n }</td><td class="num">{ percent(w.agreement) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                }) }
                <p class="muted small">{ t!("q-judges-position-consistency-of-the-comparisons") }</p>
            }
        </section>
    }
}

/// The judge's drift verdict: the first week a CUSUM signalled, and in which direction.
fn drift(judge: &verdict_core::report::JudgeRow) -> String {
    match judge.drift.first() {
        None if judge.weekly.len() < 3 => "–".to_owned(),
        None => t!("q-judges-no-drift"),
        Some(d) if d.rule == "cusum_lower" => t!("q-judges-drift-down", period = d.period.as_str()),
        Some(d) => t!("q-judges-drift-up", period = d.period.as_str()),
    }
}
