//! Campaign functions the analysis worker calls (quality bundle only): campaign progress
//! (`plan::progress`) and sample sizes (`plan::size`). Both return JSON for the page.

use verdict_core::agreement::Level;
use verdict_core::plan::progress::{progress, ProgressOptions};
use verdict_core::plan::size::{self, AlphaPlan, BtPlan};
use verdict_core::plan::{campaign::check_references, parse_campaign};
use wasm_bindgen::prelude::*;

/// Progress of the campaign (`campaign_text`) over its task file and judgment files
/// (`names[i]` / `texts[i]`, read by the one reader). `options_json` is a `ProgressOptions`
/// object. Returns `{"progress", "input"}` as JSON.
#[wasm_bindgen]
pub fn campaign_progress(
    names: Vec<String>,
    texts: Vec<String>,
    campaign_name: String,
    campaign_text: String,
    tasks_name: String,
    tasks_text: String,
    options_json: String,
) -> Result<String, JsError> {
    let options: ProgressOptions = serde_json::from_str(&options_json).map_err(|e| JsError::new(&format!("progress options: {e}")))?;
    let describe = |problems: Vec<verdict_core::plan::campaign::CampaignProblem>| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{campaign_name}:{}: {}", p.field, serde_json::to_string(&p.kind).unwrap_or_default()))
            .collect();
        JsError::new(&lines.join("\n"))
    };
    let campaign = parse_campaign(&campaign_text).map_err(describe)?;
    if tasks_name.is_empty() {
        return Err(JsError::new(&format!("choose the campaign's task file ({})", campaign.tasks)));
    }
    let tasks = verdict_core::task::load_tasks(&tasks_name, &tasks_text).records;
    let problems = check_references(&campaign, &tasks);
    if !problems.is_empty() {
        return Err(describe(problems));
    }
    let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
    let input = verdict_core::read::read_texts(&files);
    let result = progress(&campaign, &tasks, &input.judgments, &options);
    serde_json::to_string(&serde_json::json!({"progress": result, "input": input.summary})).map_err(|e| JsError::new(&e.to_string()))
}

/// A sample-size question, with the flags and defaults of `verdict plan size`.
#[derive(serde::Deserialize)]
#[serde(default)]
struct SizeRequest {
    metric: String,
    level: Level,
    categories: u32,
    raters: u32,
    alpha: f64,
    width: f64,
    accuracy: f64,
    elo: f64,
    ties: f64,
    power: f64,
    replications: Option<u32>,
    bootstrap: u32,
    seed: u64,
}

impl Default for SizeRequest {
    fn default() -> Self {
        SizeRequest {
            metric: "alpha".into(),
            level: Level::Nominal,
            categories: 2,
            raters: 2,
            alpha: 0.8,
            width: 0.1,
            accuracy: 0.8,
            elo: 50.0,
            ties: 0.0,
            power: 0.8,
            replications: None,
            bootstrap: 500,
            seed: 0,
        }
    }
}

/// Answers a sample-size question (`request_json`: `verdict plan size`'s flags as fields);
/// returns the JSON of `verdict plan size --json`: `{"metric", "inputs", "seed", "n",
/// "half_width", "power"}`.
#[wasm_bindgen]
pub fn sample_size(request_json: String) -> Result<String, JsError> {
    let r: SizeRequest = serde_json::from_str(&request_json).map_err(|e| JsError::new(&format!("sample size: {e}")))?;
    let (inputs, answer) = match r.metric.as_str() {
        "alpha" => {
            let plan = AlphaPlan {
                level: r.level,
                categories: r.categories,
                raters_per_item: r.raters,
                expected_alpha: r.alpha,
                half_width: r.width,
                replications: r.replications.unwrap_or(40),
                bootstrap: r.bootstrap,
                seed: r.seed,
            };
            (serde_json::to_value(&plan).map_err(|e| JsError::new(&e.to_string()))?, size::alpha_items(&plan))
        }
        "accuracy" => (
            serde_json::json!({"accuracy": r.accuracy, "half_width": r.width, "confidence": 0.95}),
            size::accuracy_items(r.accuracy, r.width),
        ),
        "bt" => {
            let plan = BtPlan {
                elo_difference: r.elo,
                tie_rate: r.ties,
                power: r.power,
                level: 0.05,
                replications: r.replications.unwrap_or(2000),
                seed: r.seed,
            };
            (serde_json::to_value(&plan).map_err(|e| JsError::new(&e.to_string()))?, size::bt_battles(&plan))
        }
        other => return Err(JsError::new(&format!("unknown metric \"{other}\": alpha, accuracy or bt"))),
    };
    let answer = answer.map_err(|e| {
        JsError::new(&match e {
            size::SizeError::OutOfRange { parameter, value } => format!("{parameter} = {value} is out of range"),
            size::SizeError::TooLarge => format!("more than {} would be needed: widen the interval or enlarge the difference", size::MAX_N),
        })
    })?;
    let json = serde_json::json!({"metric": r.metric, "inputs": inputs, "seed": r.seed, "n": answer.n, "half_width": answer.half_width, "power": answer.power});
    // The same versioned object as `verdict plan size --json`.
    Ok(serde_json::to_string(&verdict_core::output::Output::PlanSize.wrap(&json)).expect("JSON values serialize"))
}
