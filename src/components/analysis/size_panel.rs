//! The sample-size panel: how many items for Krippendorff's α to a CI half-width, gold items for
//! accuracy ± w, or battles to separate two models — `plan::size` by seeded simulation in the
//! worker, inputs echoed with the answer (the JSON of `verdict plan size --json`).

use serde_json::{json, Value};
use yew::prelude::*;

use crate::state::analysis::sample_size;
use crate::t;

/// The questions the panel answers: `plan::size`'s metric name and its message id.
const METRICS: [(&str, &str); 3] = [("alpha", "q-size-metric-alpha"), ("accuracy", "q-size-metric-accuracy"), ("bt", "q-size-metric-bt")];

/// Measurement levels for α: the name `plan::size` reads and its message id.
const LEVELS: [(&str, &str); 3] =
    [("nominal", "q-size-level-nominal"), ("ordinal", "q-size-level-ordinal"), ("interval", "q-size-level-interval")];

/// The answer in words: how many items (gold items, battles) give which precision or power.
fn answer_text(metric: &str, n: u64, half_width: Option<f64>, power: Option<f64>) -> String {
    let width = crate::i18n::number(half_width.unwrap_or(f64::NAN), 3);
    match metric {
        "alpha" => t!("q-size-answer-alpha", n = n, width = width),
        "accuracy" => t!("q-size-answer-accuracy", n = n, width = width),
        _ => t!("q-size-answer-bt", n = n, power = crate::i18n::number(power.unwrap_or(f64::NAN), 3)),
    }
}

/// A numeric field of the question.
#[derive(Clone, Copy, PartialEq)]
struct Field {
    key: &'static str,
    /// Message id of the field's label.
    label: &'static str,
    default: f64,
    step: &'static str,
}

const FIELDS: &[(&str, Field)] = &[
    ("alpha", Field { key: "categories", label: "q-size-categories", default: 2.0, step: "1" }),
    ("alpha", Field { key: "raters", label: "q-size-raters", default: 2.0, step: "1" }),
    ("alpha", Field { key: "alpha", label: "q-size-alpha", default: 0.8, step: "0.01" }),
    ("alpha", Field { key: "width", label: "q-size-width", default: 0.1, step: "0.01" }),
    ("alpha", Field { key: "replications", label: "q-size-replications", default: 20.0, step: "1" }),
    ("accuracy", Field { key: "accuracy", label: "q-size-accuracy", default: 0.8, step: "0.01" }),
    ("accuracy", Field { key: "width", label: "q-size-width", default: 0.05, step: "0.01" }),
    ("bt", Field { key: "elo", label: "q-size-elo", default: 50.0, step: "1" }),
    ("bt", Field { key: "ties", label: "q-annotators-tie-rate", default: 0.0, step: "0.01" }),
    ("bt", Field { key: "power", label: "q-size-power", default: 0.8, step: "0.01" }),
    ("bt", Field { key: "replications", label: "q-size-replications", default: 500.0, step: "1" }),
];

/// The sample-size tab.
#[function_component(SizePanel)]
pub fn size_panel() -> Html {
    let metric = use_state(|| "alpha".to_owned());
    let level = use_state(|| "nominal".to_owned());
    let values = use_state(|| FIELDS.iter().map(|(m, f)| ((*m, f.key), f.default)).collect::<Vec<_>>());
    let seed = use_state(|| 0u64);
    let result = use_state(|| None::<Result<Value, String>>);
    let busy = use_state(|| false);
    let value_of = |m: &str, key: &str| values.iter().find(|((vm, vk), _)| *vm == m && *vk == key).map_or(0.0, |(_, v)| *v);
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| metric.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let on_level = {
        let level = level.clone();
        Callback::from(move |e: Event| level.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |e: Event| seed.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse().unwrap_or(0)))
    };
    let compute = {
        let (metric, level, values, seed, result, busy) =
            (metric.clone(), level.clone(), values.clone(), seed.clone(), result.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            let mut question = json!({"metric": *metric, "seed": *seed});
            for ((m, key), value) in values.iter() {
                if *m == metric.as_str() {
                    let is_count = matches!(*key, "categories" | "raters" | "replications");
                    question[*key] = if is_count { json!(*value as u64) } else { json!(value) };
                }
            }
            if metric.as_str() == "alpha" {
                question["level"] = json!(*level);
            }
            let (result, busy) = (result.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                result.set(Some(sample_size(&question).await));
                busy.set(false);
            });
        })
    };
    let field_input = |m: &'static str, field: Field| {
        let values = values.clone();
        let on_change = Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Ok(number) = text.parse::<f64>() {
                let mut next = (*values).clone();
                next.iter_mut().filter(|((vm, vk), _)| *vm == m && *vk == field.key).for_each(|(_, v)| *v = number);
                values.set(next);
            }
        });
        html! { <label>{ crate::i18n::t(field.label) }<input type="number" step={field.step} name={field.key} value={value_of(m, field.key).to_string()} onchange={on_change} /></label> }
    };
    html! {
        <section class="size-panel" aria-label={t!("q-tab-sample-size")}>
            <div class="pickers">
                <label>{ t!("q-size-question") }
                    <select name="metric" onchange={on_metric}>
                        { for METRICS.iter().map(|(value, label)| html! { <option value={*value} selected={metric.as_str() == *value}>{ crate::i18n::t(label) }</option> }) }
                    </select>
                </label>
                if metric.as_str() == "alpha" {
                    <label>{ t!("q-agreement-level") }
                        <select name="level" onchange={on_level}>
                            { for LEVELS.iter().map(|(l, label)| html! { <option value={*l} selected={level.as_str() == *l}>{ crate::i18n::t(label) }</option> }) }
                        </select>
                    </label>
                }
                { for FIELDS.iter().filter(|(m, _)| *m == metric.as_str()).map(|(m, f)| field_input(m, *f)) }
                <label>{ t!("q-size-seed") }<input type="number" step="1" name="seed" value={seed.to_string()} onchange={on_seed} /></label>
            </div>
            <div class="actions-row">
                <button class="primary" disabled={*busy} onclick={compute}>{ t!("q-size-compute") }</button>
                if *busy { <span class="muted small" role="status">{ t!("q-size-computing") }</span> }
            </div>
            { match &*result {
                Some(Ok(answer)) => html! {
                    <div class="size-answer" data-answer={answer.to_string()}>
                        <p><strong>{ answer_text(answer["metric"].as_str().unwrap_or_default(), answer["n"].as_u64().unwrap_or(0),
                            answer["half_width"].as_f64(), answer["power"].as_f64()) }</strong></p>
                        <details><summary>{ t!("q-size-inputs") }</summary><pre>{ serde_json::to_string_pretty(&answer["inputs"]).unwrap_or_default() }</pre></details>
                    </div>
                },
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                None => Html::default(),
            } }
        </section>
    }
}
