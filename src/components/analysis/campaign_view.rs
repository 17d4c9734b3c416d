//! The campaign view: a campaign file and its task file set against the judgments picked in the
//! workspace — per rater assigned / done / gold accuracy / calibration / retest consistency, per
//! site totals, item coverage and the estimated finish (`plan::progress`, in the worker).

use serde_json::Value;
use yew::prelude::*;

use super::format::{coefficient, interval, percent};
use crate::state::analysis::{campaign_progress, FileSource, NamedSource};

/// Every string this view shows (to move into the message catalogs).
mod text {
    pub const CAMPAIGN_FILE: &str = "Campaign file (campaign.json)";
    pub const TASKS_FILE: &str = "The campaign's task file";
    pub const COMPUTE: &str = "Compute campaign progress";
    pub const COMPUTING: &str = "Computing progress in the background…";
    pub const NEED_JUDGMENTS: &str = "Choose the judgment files (or the endpoint's export) above first.";
    pub const NEED_CAMPAIGN: &str = "Choose the campaign file and its task file.";
    pub const RATERS: &str = "Campaign progress per rater";
    pub const SITES: &str = "Campaign totals per site";
    pub const RATER_COLUMNS: [&str; 9] =
        ["Rater", "Site", "Assigned", "Done", "Gold accuracy", "Calibration", "Retest pairs", "Self-κ", "Flip rate under swap"];
    pub const SITE_COLUMNS: [&str; 7] = ["Site", "Raters", "Assigned", "Done", "Gold accuracy", "Self-κ", "Flip rate under swap"];
    pub const NO_SITE: &str = "(no site)";
    pub const COVERAGE: &str = "Item coverage";
    pub const PACE: &str = "Pace";
    pub const NO_ESTIMATE: &str = "not enough recent judgments with a time to estimate a finish date";
    pub fn coverage(items: u64, complete: u64, partial: u64, untouched: u64) -> String {
        format!("{items} task items: {complete} fully judged, {partial} partly, {untouched} not yet")
    }
    pub fn pace(per_day: f64, days: f64, remaining: u64, finish: &str) -> String {
        format!("{per_day:.1} judgments a day over the last {days:.1} days; {remaining} to go; estimated finish {finish}")
    }
    pub fn unplanned(n: u64) -> String {
        format!("{n} judgments belong to no assignment of this campaign and were left out.")
    }
    pub fn gate(status: &str, accuracy: Option<f64>) -> String {
        let shown = match status {
            "open" => "none",
            "in_progress" => "in progress",
            "passed" => "passed",
            "failed" => "failed (retake allowed)",
            "locked" => "failed (locked)",
            other => other,
        };
        accuracy.map_or_else(|| shown.to_owned(), |a| format!("{shown} ({:.0}%)", a * 100.0))
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

fn table(caption: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Html {
    html! {
        <table class="data">
            <caption>{ caption.to_owned() }</caption>
            <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
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
                r["group"].as_str().unwrap_or(text::NO_SITE).to_owned(),
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
                s["group"].as_str().unwrap_or(text::NO_SITE).to_owned(),
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
        _ => text::NO_ESTIMATE.to_owned(),
    };
    let unplanned = count(&progress["unplanned"]);
    html! {
        <div class="campaign-progress" data-campaign={progress["campaign"].as_str().unwrap_or_default().to_owned()}>
            { table(text::RATERS, &text::RATER_COLUMNS, raters) }
            { table(text::SITES, &text::SITE_COLUMNS, sites) }
            <p class="coverage"><strong>{ text::COVERAGE }{ ": " }</strong>
                { text::coverage(count(&coverage["items"]), count(&coverage["complete"]), count(&coverage["partial"]), count(&coverage["untouched"])) }</p>
            <p class="pace"><strong>{ text::PACE }{ ": " }</strong>{ pace_text }</p>
            if unplanned > 0 { <p class="muted small">{ text::unplanned(unplanned) }</p> }
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
                return result.set(Some(Err(text::NEED_JUDGMENTS.into())));
            }
            let (Some(campaign), Some(tasks)) = ((*campaign).clone(), (*tasks).clone()) else {
                return result.set(Some(Err(text::NEED_CAMPAIGN.into())));
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
        <section class="campaign-view" aria-label="Campaign">
            <div class="pickers">
                <label>{ text::CAMPAIGN_FILE }<input type="file" accept=".json" onchange={pick(campaign.clone())} /></label>
                <label>{ text::TASKS_FILE }<input type="file" accept=".jsonl,.json" onchange={pick(tasks.clone())} /></label>
            </div>
            <div class="actions-row">
                <button class="primary" disabled={*busy} onclick={compute}>{ text::COMPUTE }</button>
                if *busy { <span class="muted small" role="status">{ text::COMPUTING }</span> }
            </div>
            { match &*result {
                Some(Ok(value)) => render(value),
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                None => Html::default(),
            } }
        </section>
    }
}
