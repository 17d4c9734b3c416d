//! Heavy analysis off the UI thread: the functions the analysis Web Worker calls.
//!
//! `www/analysis-worker.js` loads this same wasm module in a module worker (so no second
//! bundle is shipped), reads the files there and calls [`quality_report`]; the page gets
//! JSON back and never blocks.

use verdict_core::report::{build_report, ReportOptions};
use wasm_bindgen::prelude::*;

/// Builds the quality report of judgment files (`names[i]` / `texts[i]`), with an optional
/// task file (gold, metadata) and rubric (empty name: none). `options_json` is a
/// `ReportOptions` object. Returns the report as JSON.
#[wasm_bindgen]
pub fn quality_report(
    names: Vec<String>,
    texts: Vec<String>,
    tasks_name: String,
    tasks_text: String,
    rubric_name: String,
    rubric_text: String,
    options_json: String,
) -> Result<String, JsError> {
    let options: ReportOptions =
        serde_json::from_str(&options_json).map_err(|e| JsError::new(&format!("report options: {e}")))?;
    let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
    let tasks = (!tasks_name.is_empty()).then_some((tasks_name.as_str(), tasks_text.as_str()));
    let rubric = (!rubric_name.is_empty()).then_some((rubric_name.as_str(), rubric_text.as_str()));
    let report = build_report(&files, tasks, rubric, &options);
    serde_json::to_string(&report).map_err(|e| JsError::new(&format!("report: {e}")))
}

/// Krippendorff's alpha of the first criterion with ratings in a judgments JSONL file
/// (level inferred as the CLI does). Exposed for the browser benchmark (`bench/wasm/`).
#[wasm_bindgen]
pub fn krippendorff_alpha_jsonl(bytes: &[u8]) -> Option<f64> {
    verdict_core::agreement::alpha_of_jsonl(bytes, None)
}
