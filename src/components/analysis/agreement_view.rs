//! Agreement: every coefficient per criterion with its CI and band; pairwise heatmap.

use verdict_core::report::QualityReport;
use yew::prelude::*;

use super::format::{coefficient, interval};
use crate::components::charts::Heatmap;

/// Props of [`AgreementView`].
#[derive(Properties, PartialEq)]
pub struct AgreementViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
}

/// The agreement table and the annotator × annotator heatmap.
#[function_component(AgreementView)]
pub fn agreement_view(props: &AgreementViewProps) -> Html {
    let report = &props.report;
    let pairwise = &report.pairwise;
    let notes: Vec<Vec<String>> = pairwise
        .agreement
        .iter()
        .zip(&pairwise.shared)
        .map(|(row, shared)| row.iter().zip(shared).map(|(v, n)| v.map_or_else(String::new, |v| format!("{:.0}", v * 100.0)) + if *n > 0 && v.is_none() { "?" } else { "" }).collect())
        .collect();
    html! {
        <section aria-label="Agreement">
            <table class="data">
                <caption>{ format!("Agreement per criterion ({} bootstrap resamples, 95% CI)", report.bootstrap) }</caption>
                <thead><tr>
                    <th>{ "Criterion" }</th><th>{ "Coefficient" }</th><th>{ "Level" }</th><th class="num">{ "Value" }</th>
                    <th>{ "95% CI" }</th><th>{ "Band" }</th><th class="num">{ "Items" }</th><th class="num">{ "Annotators" }</th><th>{ "Note" }</th>
                </tr></thead>
                <tbody>
                { for report.agreement.iter().map(|r| html! {
                    <tr>
                        <td>{ &r.criterion }</td>
                        <td>{ metric_name(r) }</td>
                        <td>{ serde_json::to_value(r.level).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default() }</td>
                        <td class="num">{ coefficient(r.value) }</td>
                        <td>{ interval(r.ci_low, r.ci_high) }</td>
                        <td>{ r.band.map(|b| serde_json::to_value(b).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()).unwrap_or_default() }</td>
                        <td class="num">{ r.n_items }</td>
                        <td class="num">{ r.n_annotators }</td>
                        <td class="muted small">{ r.note.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <h3>{ format!("Pairwise agreement on \"{}\" (% of shared items; the {} most active annotators)", pairwise.criterion, pairwise.annotators.len()) }</h3>
            if pairwise.annotators.len() < 2 {
                <p class="muted">{ "Fewer than two annotators share items." }</p>
            } else {
                <Heatmap title="Pairwise agreement between annotators" rows={pairwise.annotators.clone()} columns={pairwise.annotators.clone()}
                    values={pairwise.agreement.clone()} min={0.0} max={1.0} notes={Some(notes)} />
            }
        </section>
    }
}

fn metric_name(result: &verdict_core::agreement::AgreementResult) -> String {
    let metric = serde_json::to_value(result.metric).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    match result.form {
        Some(form) => format!("{metric} ({})", serde_json::to_value(form).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()),
        None => metric,
    }
}
