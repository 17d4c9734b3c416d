//! The SPC tab: choose metric, key, period, chart, rules, baseline and events; the worker
//! computes the chart through the core (`spc::view`); the results are drawn by `SpcResults`.

use std::rc::Rc;

use crate::t;
use verdict_core::spc::events::load_events;
use verdict_core::spc::view::SpcView as View;
use yew::prelude::*;

use super::spc_results::SpcResults;
use crate::state::analysis::{spc_view, NamedSource};
use crate::state::spc::{SpcSet, SpcSettings};

/// Props of [`SpcView`].
#[derive(Properties, PartialEq)]
pub struct SpcViewProps {
    /// The judgment files.
    pub judgments: Vec<NamedSource>,
    /// The task file (gold answers, meta fields), if any.
    pub tasks: Option<NamedSource>,
}

/// Settings, then charts, signals, KPI flags and root-cause tables.
#[function_component(SpcView)]
pub fn spc_view_page(props: &SpcViewProps) -> Html {
    let settings = use_reducer(SpcSettings::default);
    let events_text = use_state(String::new);
    let result = use_state(|| None::<Rc<Result<View, String>>>);
    let busy = use_state(|| false);
    let select = |field: &'static str, label: String, options: &[(&str, String)]| {
        let settings = settings.clone();
        let current = field_value(&settings.0, field);
        let onchange = Callback::from(move |e: Event| {
            settings.dispatch(SpcSet(field, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
        });
        html! { <label>{ label }<select {onchange}>
            { for options.iter().map(|(value, text)| html! { <option value={value.to_string()} selected={current == *value}>{ text }</option> }) }
        </select></label> }
    };
    let text = |field: &'static str, label: String, placeholder: &'static str| {
        let value = field_value(&settings.0, field);
        let settings = settings.clone();
        let onchange = Callback::from(move |e: Event| {
            settings.dispatch(SpcSet(field, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
        });
        html! { <label>{ label }<input type="text" {placeholder} {value} {onchange} /></label> }
    };
    let on_judges = {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            settings.dispatch(SpcSet("include_judges", e.target_unchecked_into::<web_sys::HtmlInputElement>().checked().to_string()))
        })
    };
    let on_events = {
        let events_text = events_text.clone();
        Callback::from(move |e: InputEvent| events_text.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
    };
    let on_events_file = {
        let events_text = events_text.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            let events_text = events_text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = crate::state::loader::read_file(&file).await {
                    events_text.set(text);
                }
            });
        })
    };
    let events = load_events(&t!("qc-events"), &events_text);
    let draw = {
        let (settings, result, busy, judgments, tasks, events) =
            (settings.clone(), result.clone(), busy.clone(), props.judgments.clone(), props.tasks.clone(), events.records.clone());
        Callback::from(move |_: MouseEvent| {
            let mut request = settings.0.clone();
            request.events = events.clone();
            let (result, busy, judgments, tasks) = (result.clone(), busy.clone(), judgments.clone(), tasks.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let answer = spc_view(&judgments, tasks.as_ref(), &request).await;
                result.set(Some(Rc::new(answer)));
                busy.set(false);
            });
        })
    };
    html! {
        <section aria-label={t!("qc-spc")}>
            <div class="spc-form card">
                { select("metric", t!("qc-metric"), &[("disagreement", t!("qc-metric-disagreement")), ("gold_error", t!("qc-metric-gold-error")), ("handle_time", t!("qc-metric-handle-time"))]) }
                { select("by", t!("qc-by"), &[("group", t!("qc-by-group")), ("annotator", t!("qc-by-annotator"))]) }
                { select("period", t!("qc-period"), &[("week", t!("qc-period-week")), ("day", t!("qc-period-day"))]) }
                { select("chart", t!("qc-chart"), &[("p", "p".into()), ("laney", "Laney p′".into()), ("ewma", "EWMA".into()), ("cusum", "CUSUM".into()), ("imr", "I-MR".into())]) }
                { select("rules", t!("qc-rules"), &[("we", "Western Electric".into()), ("nelson", "Nelson".into()), ("we1", t!("qc-rules-limits-only"))]) }
                { text("baseline_from", t!("qc-baseline-from"), "2026-W41") }
                { text("baseline_to", t!("qc-baseline-to"), "2026-W44") }
                <label class="inline"><input type="checkbox" checked={settings.0.include_judges} onchange={on_judges} />{ t!("qc-include-judges") }</label>
                <label>{ t!("qc-events-label") }<textarea rows="3" placeholder={t!("qc-events-placeholder")} value={(*events_text).clone()} oninput={on_events} /></label>
                <label>{ t!("qc-events-file") }<input type="file" accept=".jsonl,.json,.csv" onchange={on_events_file} /></label>
                { text("rows", t!("qc-strata-rows"), "group") }
                { text("columns", t!("qc-strata-columns"), "meta.language") }
                { text("before_from", t!("qc-before-from"), "2026-W41") }
                { text("before_to", t!("qc-before-to"), "2026-W45") }
                { text("after_from", t!("qc-after-from"), "2026-W46") }
                { text("after_to", t!("qc-after-to"), "2026-W48") }
                <button class="primary" disabled={*busy} onclick={draw}>{ t!("qc-draw") }</button>
            </div>
            if !events.problems.is_empty() {
                <ul class="errors" role="alert">{ for events.problems.iter().map(|p| html! { <li>{ crate::i18n::problem(p) }</li> }) }</ul>
            }
            if *busy { <progress class="busy" aria-label={t!("qc-computing")}></progress> }
            { match result.as_deref() {
                Some(Ok(view)) => html! { <SpcResults view={Rc::new(view.clone())} chart={settings.0.chart.clone()} /> },
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                None => html! {},
            } }
        </section>
    }
}

/// The current value of a text or choice setting, as the form shows it.
fn field_value(request: &verdict_core::spc::view::SpcRequest, field: &str) -> String {
    match field {
        "metric" => request.metric.clone(),
        "by" => request.by.clone(),
        "period" => request.period.clone(),
        "chart" => request.chart.clone(),
        "rules" => request.rules.clone(),
        "baseline_from" => request.baseline_from.clone(),
        "baseline_to" => request.baseline_to.clone(),
        "rows" => request.rows.clone(),
        "columns" => request.columns.clone(),
        "before_from" => request.before_from.clone(),
        "before_to" => request.before_to.clone(),
        "after_from" => request.after_from.clone(),
        "after_to" => request.after_to.clone(),
        _ => String::new(),
    }
}
