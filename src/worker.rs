//! Heavy analysis off the UI thread: the functions the analysis Web Worker calls.
//!
//! `www/analysis-worker.js` loads the analysis module (`verdict-quality`) in a module worker when
//! the page asks for a job, reads the files there and calls these functions (the report:
//! `worker_workspace::quality_workspace`); the page gets JSON back and never blocks.

use wasm_bindgen::prelude::*;

/// Krippendorff's alpha of the first criterion with ratings in a judgments JSONL file
/// (level inferred as the CLI does). Exposed for the browser benchmark (`bench/wasm/`).
#[wasm_bindgen]
pub fn krippendorff_alpha_jsonl(bytes: &[u8]) -> Option<f64> {
    verdict_core::agreement::alpha_of_jsonl(bytes, None)
}

/// One leaderboard per slice of the judgments: `by` is `criterion` or `meta.FIELD` (the task
/// file gives the meta values). Returns `[{"name", "leaderboard"}]` as JSON. Across files, a
/// later judgment of the same (item, annotator) replaces an earlier one, as everywhere.
#[wasm_bindgen]
pub fn leaderboard_slices(
    names: Vec<String>,
    texts: Vec<String>,
    tasks_name: String,
    tasks_text: String,
    by: String,
    bootstrap: u32,
    seed: u32,
) -> Result<String, JsError> {
    use verdict_core::ranking::{leaderboard_from_battles, slices, By, Options};
    let by = match by.strip_prefix("meta.") {
        Some(field) if !field.is_empty() => By::Meta(field.to_owned()),
        _ if by == "criterion" => By::Criterion,
        _ => return Err(JsError::new(&format!("slice by \"{by}\": expected criterion or meta.FIELD"))),
    };
    let mut latest: std::collections::HashMap<(String, String), usize> = std::collections::HashMap::new();
    let mut judgments = Vec::new();
    for (name, text) in names.iter().zip(&texts) {
        for judgment in verdict_core::read::load_judgments(name, text).records {
            let key = (judgment.item_id.clone(), judgment.annotator.clone());
            match latest.get(&key) {
                Some(&at) => judgments[at] = judgment,
                None => {
                    latest.insert(key, judgments.len());
                    judgments.push(judgment);
                }
            }
        }
    }
    let tasks = (!tasks_name.is_empty()).then(|| verdict_core::task::load_tasks(&tasks_name, &tasks_text).records);
    let slices = slices(&judgments, tasks.as_deref(), &by).map_err(|e| JsError::new(&e.to_string()))?;
    let options = Options { bootstrap, seed: u64::from(seed), ..Options::default() };
    let boards: Vec<serde_json::Value> = slices
        .iter()
        .map(|slice| serde_json::json!({"name": slice.name, "leaderboard": leaderboard_from_battles(&slice.battles, &options)}))
        .collect();
    serde_json::to_string(&boards).map_err(|e| JsError::new(&e.to_string()))
}

/// The SPC tab: `verdict spc`'s chart, events, KPI flags, strata and "what changed" of judgment
/// files (+ optional task file for gold and meta fields); `request_json` is an
/// `spc::view::SpcRequest`. Returns an `SpcView` as JSON.
#[wasm_bindgen]
pub fn quality_spc(
    names: Vec<String>,
    texts: Vec<String>,
    tasks_name: String,
    tasks_text: String,
    request_json: String,
) -> Result<String, JsError> {
    use verdict_core::spc::view::{spc_view, SpcRequest};
    let request: SpcRequest = serde_json::from_str(&request_json).map_err(|e| JsError::new(&format!("spc request: {e}")))?;
    let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
    let input = verdict_core::read::read_texts(&files);
    let tasks = if tasks_name.is_empty() { Vec::new() } else { verdict_core::task::load_tasks(&tasks_name, &tasks_text).records };
    let has_gold = tasks.iter().any(|t| t.gold.is_some());
    let view = spc_view(&input.judgments, &tasks, has_gold, &request, input.summary).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&view).map_err(|e| JsError::new(&e.to_string()))
}

/// The audit tab: the plan of `request_json` (`audit::view::PlanRequest`) and, when QA judgment
/// files are given, the lot decision (defect flag `flag`; `state_json` an optional switching
/// state). Returns `{"plan", "decision"?}` as JSON.
#[wasm_bindgen]
pub fn quality_audit(
    names: Vec<String>,
    texts: Vec<String>,
    request_json: String,
    flag: String,
    state_json: String,
) -> Result<String, JsError> {
    use verdict_core::audit::view::{decide_view, plan_view, PlanRequest};
    let request: PlanRequest = serde_json::from_str(&request_json).map_err(|e| JsError::new(&format!("audit request: {e}")))?;
    if names.is_empty() {
        let plan = plan_view(&request).map_err(|e| JsError::new(&e.to_string()))?;
        return Ok(serde_json::json!({ "plan": plan }).to_string());
    }
    let state: Option<verdict_core::audit::switching::SwitchingState> = if state_json.trim().is_empty() {
        None
    } else {
        Some(serde_json::from_str(&state_json).map_err(|e| JsError::new(&format!("switching state: {e}")))?)
    };
    let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
    let input = verdict_core::read::read_texts(&files);
    let (plan, decision) = decide_view(&input.judgments, &flag, &request, state.as_ref()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(serde_json::json!({ "plan": plan, "decision": decision, "input": input.summary }).to_string())
}
