//! The campaign view: a campaign file and its task file set against the judgments picked in the
//! workspace — per rater assigned / done / gold accuracy / calibration / retest consistency, per
//! site totals, item coverage and the estimated finish (`plan::progress`, in the worker).

use serde_json::Value;
use yew::prelude::*;

use super::format::{coefficient, interval, percent};
use crate::state::analysis::{campaign_progress, FileSource, NamedSource};
use crate::t;

/// The view's words that take values or are chosen by data (the others are `t!` calls in place).
mod text {
    use crate::t;
    /// Column headings of the per-rater table.
    pub fn rater_columns() -> [String; 9] {
        [
            t!("q-campaign-col-rater"),
            t!("q-campaign-col-site"),
            t!("q-campaign-col-assigned"),
            t!("q-campaign-col-done"),
            t!("q-annotators-gold-accuracy"),
            t!("q-campaign-col-calibration"),
            t!("q-campaign-col-retest-pairs"),
            t!("q-campaign-col-self-kappa"),
            t!("q-campaign-col-flip-rate"),
        ]
    }
    /// Column headings of the per-site table.
    pub fn site_columns() -> [String; 7] {
        [
            t!("q-campaign-col-site"),
            t!("q-campaign-col-raters"),
            t!("q-campaign-col-assigned"),
            t!("q-campaign-col-done"),
            t!("q-annotators-gold-accuracy"),
            t!("q-campaign-col-self-kappa"),
            t!("q-campaign-col-flip-rate"),
        ]
    }
    pub fn coverage(items: u64, complete: u64, partial: u64, untouched: u64) -> String {
        t!("q-campaign-coverage", items = items, complete = complete, partial = partial, untouched = untouched)
    }
    pub fn pace(per_day: f64, days: f64, remaining: u64, finish: &str) -> String {
        let (per_day, days) = (crate::i18n::number(per_day, 1), crate::i18n::number(days, 1));
        t!("q-campaign-pace", per_day = per_day, days = days, remaining = remaining, finish = finish)
    }
    /// The calibration gate's state (`plan::gate`'s status name), with the last accuracy.
    pub fn gate(status: &str, accuracy: Option<f64>) -> String {
        let shown = match status {
            "open" => t!("q-campaign-gate-open"),
            "in_progress" => t!("q-campaign-gate-in-progress"),
            "passed" => t!("q-campaign-gate-passed"),
            "failed" => t!("q-campaign-gate-failed"),
            "locked" => t!("q-campaign-gate-locked"),
            other => other.to_owned(),
        };
        accuracy.map_or_else(|| shown.clone(), |a| t!("q-campaign-gate-accuracy", status = &shown, accuracy = crate::i18n::percent(a, 0)))
    }
}

/// Props of [`CampaignView`].
#[derive(Properties, PartialEq)]
pub struct CampaignViewProps {
    /// The judgment files picked in the workspace.
    pub judgments: Vec<NamedSource>,
}

fn number(value: &Value) -> Option<f64> {
    value.as_f64()
}

fn ci_text(value: &Value) -> String {
    interval(value.get(0).and_then(Value::as_f64), value.get(1).and_then(Value::as_f64))
}

fn with_ci(value: Option<f64>, ci: &Value, show: fn(Option<f64>) -> String) -> String {
    let ci = ci_text(ci);
    if ci.is_empty() {
        show(value)
    } else {
        format!("{} {ci}", show(value))
    }
}

fn retest_cells(retest: &Value) -> [String; 3] {
    if retest.is_null() {
        return ["0".into(), "–".into(), "–".into()];
    }
    [
        retest["n_pairs"].to_string(),
        with_ci(number(&retest["kappa"]), &retest["kappa_ci"], coefficient),
        with_ci(number(&retest["flip_rate"]), &retest["flip_ci"], percent),
    ]
}

fn gold_cell(gold: &Value) -> String {
    if gold["n"].as_u64().unwrap_or(0) == 0 {
        return "–".into();
    }
    format!("{} ({}/{})", with_ci(number(&gold["accuracy"]), &gold["ci"], percent), gold["correct"], gold["n"])
}

fn table(caption: String, columns: &[String], rows: Vec<Vec<String>>) -> Html {
    html! {
        <table class="data">
            <caption>{ caption }</caption>
            <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr></thead>
            <tbody>{ for rows.into_iter().map(|row| html! { <tr>{ for row.into_iter().map(|cell| html! { <td>{ cell }</td> }) }</tr> }) }</tbody>
        </table>
    }
}

fn render(result: &Value) -> Html {
    let progress = &result["progress"];
    let raters: Vec<Vec<String>> = progress["raters"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let [pairs, kappa, flips] = retest_cells(&r["retest"]);
            vec![
                r["annotator"].as_str().unwrap_or_default().to_owned(),
                r["group"].as_str().map_or_else(|| t!("q-campaign-no-site"), str::to_owned),
                r["assigned"].to_string(),
                r["done"].to_string(),
                gold_cell(&r["gold"]),
                text::gate(r["gate"]["status"].as_str().unwrap_or_default(), number(&r["gate"]["accuracy"])),
                pairs,
                kappa,
                flips,
            ]
        })
        .collect();
    let sites: Vec<Vec<String>> = progress["sites"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let [_, kappa, flips] = retest_cells(&s["retest"]);
            vec![
                s["group"].as_str().map_or_else(|| t!("q-campaign-no-site"), str::to_owned),
                s["raters"].to_string(),
                s["assigned"].to_string(),
                s["done"].to_string(),
                gold_cell(&s["gold"]),
                kappa,
                flips,
            ]
        })
        .collect();
    let coverage = &progress["coverage"];
    let count = |v: &Value| v.as_u64().unwrap_or(0);
    let pace = &progress["pace"];
    let pace_text = match (number(&pace["per_day"]), pace["finish"].as_str()) {
        (Some(per_day), Some(finish)) => {
            text::pace(per_day, number(&pace["window_days"]).unwrap_or(0.0), count(&pace["remaining"]), finish)
        }
        _ => t!("q-campaign-no-estimate"),
    };
    let unplanned = count(&progress["unplanned"]);
    html! {
        <div class="campaign-progress" data-campaign={progress["campaign"].as_str().unwrap_or_default().to_owned()}>
            { table(t!("q-campaign-raters"), &text::rater_columns(), raters) }
            { table(t!("q-campaign-sites"), &text::site_columns(), sites) }
            <p class="coverage"><strong>{ t!("q-campaign-coverage-label") }{ t!("label-colon") }</strong>
                { text::coverage(count(&coverage["items"]), count(&coverage["complete"]), count(&coverage["partial"]), count(&coverage["untouched"])) }</p>
            <p class="pace"><strong>{ t!("q-campaign-pace-label") }{ t!("label-colon") }</strong>{ pace_text }</p>
            if unplanned > 0 { <p class="muted small">{ t!("q-campaign-unplanned", count = unplanned) }</p> }
        </div>
    }
}

/// The campaign tab.
#[function_component(CampaignView)]
pub fn campaign_view(props: &CampaignViewProps) -> Html {
    let campaign = use_state(|| None::<NamedSource>);
    let tasks = use_state(|| None::<NamedSource>);
    let result = use_state(|| None::<Result<Value, String>>);
    let busy = use_state(|| false);
    let pick = |slot: UseStateHandle<Option<NamedSource>>| {
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|f| f.get(0));
            slot.set(file.map(|file| NamedSource { name: file.name(), source: FileSource::File(file) }));
        })
    };
    let compute = {
        let (campaign, tasks, result, busy, judgments) =
            (campaign.clone(), tasks.clone(), result.clone(), busy.clone(), props.judgments.clone());
        Callback::from(move |_: MouseEvent| {
            if judgments.is_empty() {
                return result.set(Some(Err(t!("q-campaign-need-judgments"))));
            }
            let (Some(campaign), Some(tasks)) = ((*campaign).clone(), (*tasks).clone()) else {
                return result.set(Some(Err(t!("q-campaign-need-campaign"))));
            };
            let (result, busy, judgments) = (result.clone(), busy.clone(), judgments.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let options = serde_json::json!({"pace_window_days": 7, "bootstrap": 500, "seed": 0});
                result.set(Some(campaign_progress(&judgments, &campaign, Some(&tasks), &options).await));
                busy.set(false);
            });
        })
    };
    html! {
        <section class="campaign-view" aria-label={t!("q-tab-campaign")}>
            <div class="pickers">
                <label>{ t!("q-campaign-file") }<input type="file" accept=".json" onchange={pick(campaign.clone())} /></label>
                <label>{ t!("q-campaign-tasks-file") }<input type="file" accept=".jsonl,.json" onchange={pick(tasks.clone())} /></label>
            </div>
            <div class="actions-row">
                <button class="primary" disabled={*busy} onclick={compute}>{ t!("q-campaign-compute") }</button>
                if *busy { <span class="muted small" role="status">{ t!("q-campaign-computing") }</span> }
            </div>
            { match &*result {
                Some(Ok(value)) => render(value),
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                None => Html::default(),
            } }
        </section>
    }
}
