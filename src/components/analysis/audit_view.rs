//! The audit tab: a sampling plan (ISO 2859-1 or custom) with its OC curve, and the decision on
//! a lot from the QA reviewers' judgments (accept/reject, defects, Clopper–Pearson interval,
//! switching state). Computed in the worker through the core (`audit::view`).

use std::rc::Rc;

use crate::t;
use yew::prelude::*;

use super::format::{interval, percent};
use crate::components::charts::OcChart;
use crate::state::analysis::{audit_view, AuditAnswer, FileSource, NamedSource};
use crate::state::spc::{AuditSet, AuditSettings};

/// Plan, OC curve and decision.
#[function_component(AuditView)]
pub fn audit_view_page() -> Html {
    let settings = use_reducer(AuditSettings::default);
    let qa = use_state(Vec::<NamedSource>::new);
    let state_file = use_state(|| None::<NamedSource>);
    let flag = use_state(|| "defect".to_owned());
    let answer = use_state(|| None::<Rc<Result<AuditAnswer, String>>>);
    let field = |name: &'static str, label: String, value: String| {
        let settings = settings.clone();
        let onchange = Callback::from(move |e: Event| {
            settings.dispatch(AuditSet(name, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        });
        html! { <label>{ label }<input type="text" inputmode="decimal" {value} {onchange} /></label> }
    };
    let choice = |name: &'static str, label: String, options: &[(&str, String)], current: &str| {
        let settings = settings.clone();
        let onchange = Callback::from(move |e: Event| {
            settings.dispatch(AuditSet(name, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
        });
        html! { <label>{ label }<select {onchange}>
            { for options.iter().map(|(value, text)| html! { <option value={value.to_string()} selected={current == *value}>{ text }</option> }) }
        </select></label> }
    };
    let files = |e: Event| -> Vec<NamedSource> {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let list = input.files();
        (0..list.as_ref().map_or(0, |f| f.length()))
            .filter_map(|i| list.as_ref()?.get(i))
            .map(|file| NamedSource { name: file.name(), source: FileSource::File(file) })
            .collect()
    };
    let on_qa = {
        let qa = qa.clone();
        Callback::from(move |e: Event| qa.set(files(e)))
    };
    let on_state = {
        let state_file = state_file.clone();
        Callback::from(move |e: Event| state_file.set(files(e).into_iter().next()))
    };
    let on_flag = {
        let flag = flag.clone();
        Callback::from(move |e: Event| flag.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let run = |with_lot: bool| {
        let (settings, qa, state_file, flag, answer) = (settings.clone(), qa.clone(), state_file.clone(), flag.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            let request = settings.0.clone();
            let qa = if with_lot { (*qa).clone() } else { Vec::new() };
            let (state_file, flag, answer) = ((*state_file).clone(), (*flag).clone(), answer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = audit_view(&qa, &request, &flag, state_file.as_ref()).await;
                answer.set(Some(Rc::new(result)));
            });
        })
    };
    let request = &settings.0;
    let custom = request.ltpd.is_some();
    html! {
        <section aria-label={t!("qc-audit")}>
            <div class="audit-form card">
                { field("lot", t!("qc-lot"), request.lot.to_string()) }
                { field("aql", t!("qc-aql"), request.aql.to_string()) }
                { choice("level", t!("qc-level"), &[("I", "I".into()), ("II", "II".into()), ("III", "III".into()), ("S1", "S-1".into()), ("S2", "S-2".into()), ("S3", "S-3".into()), ("S4", "S-4".into())], &request.level) }
                { choice("inspection", t!("qc-inspection"), &[("normal", t!("qc-inspection-normal")), ("tightened", t!("qc-inspection-tightened")), ("reduced", t!("qc-inspection-reduced"))], &request.inspection) }
                { field("ltpd", t!("qc-ltpd"), request.ltpd.map_or_else(String::new, |v| v.to_string())) }
                if custom {
                    { field("alpha", t!("qc-alpha"), request.alpha.to_string()) }
                    { field("beta", t!("qc-beta"), request.beta.to_string()) }
                }
                <button class="primary" onclick={run(false)}>{ t!("qc-plan") }</button>
            </div>
            <div class="audit-form card">
                <label>{ t!("qc-qa-judgments") }<input type="file" multiple=true accept=".jsonl,.json,.ndjson" onchange={on_qa} /></label>
                <label>{ t!("qc-state-file") }<input type="file" accept=".json" onchange={on_state} /></label>
                <label>{ t!("qc-defect-flag") }<input type="text" value={(*flag).clone()} onchange={on_flag} /></label>
                <button class="primary" disabled={qa.is_empty()} onclick={run(true)}>{ t!("qc-decide") }</button>
            </div>
            { match answer.as_deref() {
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                Some(Ok(answer)) => render(answer),
                None => html! {},
            } }
        </section>
    }
}

fn render(answer: &AuditAnswer) -> Html {
    let plan = &answer.plan;
    html! { <>
        <p class="plan" role="status">{ match plan.code_letter {
            Some(letter) => t!("qc-plan-iso", letter = letter.to_string(), n = plan.plan.n as f64, ac = plan.plan.ac as f64, re = plan.plan.re as f64),
            None => t!("qc-plan-custom", n = plan.plan.n as f64, c = plan.plan.ac as f64),
        } }</p>
        if plan.inspect_all { <p class="muted">{ t!("qc-inspect-all") }</p> }
        <OcChart title={t!("qc-oc-title")} points={plan.oc.clone()} />
        if let Some(lot) = &answer.decision {
            <div class="card">
                <p class="decision" role="status">{ if lot.decision.accept { t!("qc-accept") } else { t!("qc-reject") } }</p>
                <p>{ t!("qc-defects", defects = lot.decision.defects as f64, inspected = lot.decision.inspected as f64) }</p>
                <p>{ t!("qc-rate", rate = percent(Some(lot.decision.rate)), interval = interval(Some(lot.decision.ci_low), Some(lot.decision.ci_high))) }</p>
                if let Some(next) = &lot.next_state {
                    <p>{ t!("qc-next-inspection", inspection = inspection_name(next.inspection), score = next.switching_score as f64) }</p>
                }
            </div>
        }
    </> }
}

fn inspection_name(inspection: verdict_core::audit::Inspection) -> String {
    match inspection {
        verdict_core::audit::Inspection::Normal => t!("qc-inspection-normal"),
        verdict_core::audit::Inspection::Tightened => t!("qc-inspection-tightened"),
        verdict_core::audit::Inspection::Reduced => t!("qc-inspection-reduced"),
    }
}
