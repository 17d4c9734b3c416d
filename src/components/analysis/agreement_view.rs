//! Agreement: every coefficient per criterion with its CI and band; pairwise heatmap.

use crate::t;
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
                .map(|(v, n)| {
                    v.map_or_else(String::new, |v| crate::i18n::number(v * 100.0, 0)) + if *n > 0 && v.is_none() { "?" } else { "" }
                })
                .collect()
        })
        .collect();
    let first = use_state(|| report.annotators.iter().find(|a| !a.is_judge).map(|a| a.annotator.clone()).unwrap_or_default());
    let second = use_state(String::new); // empty: the majority of the others
                                         // The choices: the humans with an item in the disagreement queue (the matrix counts only
                                         // those items), in the report's order, and the current choices; not 20,000 options.
    let choices = {
        let report = report.clone();
        use_memo(std::rc::Rc::as_ptr(&report) as usize, move |_| {
            let queued: std::collections::BTreeSet<&str> =
                report.disagreements.iter().flat_map(|d| d.answers.iter().map(|a| a.annotator.as_str())).collect();
            report
                .annotators
                .iter()
                .filter(|a| !a.is_judge && queued.contains(a.annotator.as_str()))
                .map(|a| a.annotator.clone())
                .collect::<Vec<_>>()
        })
    };
    let annotators: Vec<String> = [&*first, &*second]
        .into_iter()
        .filter(|chosen| !chosen.is_empty() && !choices.contains(chosen))
        .cloned()
        .chain(choices.iter().cloned())
        .collect();
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
            <label>{ crate::i18n::t(label) }
                <select {onchange}>
                    if with_majority { <option value="" selected={state.is_empty()}>{ t!("q-agreement-majority-of-the-others") }</option> }
                    { for annotators.iter().map(|a| html! { <option value={a.clone()} selected={**state == *a}>{ a }</option> }) }
                </select>
            </label>
        }
    };
    html! {
        <section aria-label={t!("q-agreement-agreement")}>
            <table class="data">
                <caption>{ t!("q-agreement-caption", resamples = report.bootstrap) }</caption>
                <thead><tr>
                    <th>{ t!("q-agreement-criterion") }</th><th>{ t!("q-agreement-coefficient") }</th><th>{ t!("q-agreement-level") }</th><th class="num">{ t!("q-agreement-value") }</th>
                    <th>{ t!("q-agreement-95-ci") }</th><th>{ t!("q-agreement-band") }</th><th class="num">{ t!("q-agreement-items") }</th><th class="num">{ t!("q-agreement-annotators") }</th><th>{ t!("q-adjudication-note-2") }</th>
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
            <h3>{ t!("q-agreement-pairwise-title", criterion = &pairwise.criterion, count = pairwise.annotators.len()) }</h3>
            if pairwise.annotators.len() < 2 {
                <p class="muted">{ t!("q-agreement-fewer-than-two-annotators-share") }</p>
            } else {
                <Heatmap title={t!("q-agreement-pairwise-agreement-between-annotators")} rows={pairwise.annotators.clone()} columns={pairwise.annotators.clone()}
                    values={pairwise.agreement.clone()} min={0.0} max={1.0} notes={Some(notes)} />
            }
            <h3>{ t!("q-agreement-confusion-matrix-on-the-preference") }</h3>
            <div class="confusion-controls">
                { select(&first, "q-agreement-rows", false) }
                { select(&second, "q-agreement-columns", true) }
                <span class="muted small">{ t!("q-agreement-shared", count = matrix.n_items, agreement = super::format::percent(matrix.agreement)) }</span>
            </div>
            if matrix.n_items == 0 {
                <p class="muted">{ t!("q-agreement-these-two-share-no-item") }</p>
            } else {
                <Heatmap title={t!("q-agreement-confusion-matrix-rows-first-annotator")}
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
