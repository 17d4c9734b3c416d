//! Agreement: every coefficient per criterion with its CI and band; pairwise heatmap.

use verdict_core::report::{confusion, QualityReport};
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
        .map(|(row, shared)| {
            row.iter()
                .zip(shared)
                .map(|(v, n)| v.map_or_else(String::new, |v| format!("{:.0}", v * 100.0)) + if *n > 0 && v.is_none() { "?" } else { "" })
                .collect()
        })
        .collect();
    let annotators: Vec<String> = report.annotators.iter().filter(|a| !a.is_judge).map(|a| a.annotator.clone()).collect();
    let first = use_state(|| annotators.first().cloned().unwrap_or_default());
    let second = use_state(String::new); // empty: the majority of the others
    let matrix = confusion(&report.disagreements, &first, (!second.is_empty()).then_some(second.as_str()));
    let shares: Vec<Vec<Option<f64>>> = matrix
        .counts
        .iter()
        .map(|row| {
            let total: u64 = row.iter().sum();
            row.iter().map(|&n| (total > 0).then(|| n as f64 / total as f64)).collect()
        })
        .collect();
    let counts: Vec<Vec<String>> = matrix.counts.iter().map(|row| row.iter().map(u64::to_string).collect()).collect();
    let select = |state: &UseStateHandle<String>, label: &'static str, with_majority: bool| {
        let state_for_change = state.clone();
        let onchange =
            Callback::from(move |e: Event| state_for_change.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        html! {
            <label>{ label }
                <select {onchange}>
                    if with_majority { <option value="" selected={state.is_empty()}>{ "majority of the others" }</option> }
                    { for annotators.iter().map(|a| html! { <option value={a.clone()} selected={**state == *a}>{ a }</option> }) }
                </select>
            </label>
        }
    };
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
            <h3>{ "Confusion matrix on the preference" }</h3>
            <div class="confusion-controls">
                { select(&first, "Rows: ", false) }
                { select(&second, "Columns: ", true) }
                <span class="muted small">{ format!("{} shared items · agreement {}", matrix.n_items, super::format::percent(matrix.agreement)) }</span>
            </div>
            if matrix.n_items == 0 {
                <p class="muted">{ "These two share no item in the disagreement queue." }</p>
            } else {
                <Heatmap title="Confusion matrix (rows: first annotator's answer; cells: counts, shaded by row share)"
                    rows={matrix.labels.clone()} columns={matrix.labels.clone()} values={shares} min={0.0} max={1.0} notes={Some(counts)} />
            }
        </section>
    }
}

fn metric_name(result: &verdict_core::agreement::AgreementResult) -> String {
    let metric = serde_json::to_value(result.metric).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    match result.form {
        Some(form) => {
            format!("{metric} ({})", serde_json::to_value(form).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())
        }
        None => metric,
    }
}
