//! Runs the quality report in the analysis Web Worker and hands back the parsed report.
//!
//! One worker per analysis: it loads the analysis module (`verdict-quality`, which this page
//! never loads itself), reads the files itself (a `File` crosses to the worker without copying
//! its bytes), and is terminated once it has answered, so a large analysis never holds memory
//! afterwards. The page reads the answer in pieces, between frames.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use verdict_core::report::{QualityReport, ReportOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use super::sources::{FileSource, NamedSource};

/// What the worker is doing, for the progress line.
pub type Stage = String;

/// One leaderboard of a slice (a criterion, or a value of a meta field).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct SliceBoard {
    /// The slice's name.
    pub name: String,
    /// Its leaderboard.
    pub leaderboard: verdict_core::ranking::Leaderboard,
}

/// An analysis as the workspace holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// The report, as the views read it (without the per-annotator bias rows, which only the
    /// downloads carry).
    pub report: QualityReport,
    /// The CSV tables: (file name, text as a JavaScript string, read only to download it).
    pub tables: Vec<(String, JsValue)>,
    /// The whole report's JSON text, kept as a JavaScript string for the HTML download.
    pub json: JsValue,
}

/// Computes the report of `judgments` (+ optional tasks and rubric) in a worker.
pub async fn analyse(
    judgments: &[NamedSource],
    tasks: Option<&NamedSource>,
    rubric: Option<&NamedSource>,
    options: &ReportOptions,
    on_stage: impl Fn(Stage) + 'static,
) -> Result<Analysed, String> {
    let message = job("report", judgments, tasks, rubric, options)?;
    let answer = run(&message, on_stage).await?;
    let unreadable = |e: serde_json::Error| format!("the worker's report could not be read: {e}");
    // Each section and each piece of annotator rows is read in a task of its own (a few
    // milliseconds each, the reader's first use included), so the page keeps painting.
    let view: Object = Reflect::get(&answer, &"view".into()).map_err(|e| crate::state::browser::js_error_text(&e))?.into();
    let section = |key: &str| Reflect::get(&view, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "null".into());
    macro_rules! read {
        ($key:literal) => {{
            next_task().await;
            serde_json::from_str(&section($key)).map_err(unreadable)?
        }};
    }
    let mut report = QualityReport {
        overview: read!("overview"),
        agreement: read!("agreement"),
        pairwise: read!("pairwise"),
        annotators: Vec::new(),
        groups: read!("groups"),
        trend: read!("trend"),
        judges: read!("judges"),
        leaderboard: read!("leaderboard"),
        bias: read!("bias"),
        disagreements: read!("disagreements"),
        kpi: read!("kpi"),
        bootstrap: read!("bootstrap"),
        seed: read!("seed"),
        vendor: read!("vendor"),
        wellbeing: read!("wellbeing"),
    };
    let pieces: Array = Reflect::get(&answer, &"annotators".into()).map_err(|e| crate::state::browser::js_error_text(&e))?.into();
    for piece in pieces.iter() {
        next_task().await;
        let rows: Vec<verdict_core::report::AnnotatorRow> =
            serde_json::from_str(&piece.as_string().unwrap_or_default()).map_err(unreadable)?;
        report.annotators.extend(rows);
    }
    let tables: Array = Reflect::get(&answer, &"tables".into()).map_err(|e| crate::state::browser::js_error_text(&e))?.into();
    let tables = tables
        .iter()
        .map(|pair| {
            (
                Reflect::get(&pair, &0.into()).ok().and_then(|n| n.as_string()).unwrap_or_default(),
                Reflect::get(&pair, &1.into()).unwrap_or_default(),
            )
        })
        .collect();
    let json = Reflect::get(&answer, &"report".into()).unwrap_or(JsValue::NULL);
    Ok(Analysed { report, tables, json })
}

/// Waits for a task of its own (a zero-delay timeout), so the browser paints and handles input between pieces.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The report (`json`, as [`analyse`] kept it) as the downloadable HTML page in `locale`,
/// rendered in a worker.
pub async fn report_html(json: &JsValue, locale: &str) -> Result<String, String> {
    let message = Object::new();
    set(&message, "kind", &"html".into())?;
    let options = Object::new();
    set(&options, "report", json)?;
    set(&options, "locale", &locale.into())?;
    set(&message, "options", &options)?;
    text_of(run(&message, |_| {}).await?)
}

/// One leaderboard per slice (`by`: `criterion` or `meta.FIELD`), computed in a worker.
pub async fn slice_leaderboards(
    judgments: &[NamedSource],
    tasks: Option<&NamedSource>,
    by: &str,
    options: &ReportOptions,
) -> Result<Vec<SliceBoard>, String> {
    let message = job("slices", judgments, tasks, None, options)?;
    set(&message, "by", &by.into())?;
    let json = text_of(run(&message, |_| {}).await?)?;
    serde_json::from_str(&json).map_err(|e| format!("the worker's leaderboards could not be read: {e}"))
}

/// The message for one worker job.
fn job(
    kind: &str,
    judgments: &[NamedSource],
    tasks: Option<&NamedSource>,
    rubric: Option<&NamedSource>,
    options: &ReportOptions,
) -> Result<Object, String> {
    let message = worker_job(kind, judgments, tasks, &serde_json::to_value(options).map_err(|e| e.to_string())?)?;
    if let Some(rubric) = rubric {
        set(&message, "rubric", &to_js(rubric)?)?;
    }
    Ok(message)
}

/// A job's result that is JSON text.
fn text_of(result: JsValue) -> Result<String, String> {
    result.as_string().ok_or_else(|| "the worker's answer is not text".to_owned())
}

/// Runs one job in a fresh worker and returns its result (JSON text, or an object of them).
async fn run(message: &Object, on_stage: impl Fn(Stage) + 'static) -> Result<JsValue, String> {
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("analysis-worker.js", &worker_options)
        .map_err(|e| format!("The analysis worker could not start: {}", crate::state::browser::js_error_text(&e)))?;
    let result: Rc<RefCell<Option<Result<JsValue, String>>>> = Rc::new(RefCell::new(None));
    let on_stage: Rc<dyn Fn(Stage)> = Rc::new(on_stage);
    let handler_slot = RefCell::new(None::<Closure<dyn FnMut(web_sys::MessageEvent)>>);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let (result, on_stage) = (result.clone(), on_stage.clone());
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let text = |key: &str| Reflect::get(&data, &key.into()).ok().and_then(|v| v.as_string());
            let answer = Reflect::get(&data, &"result".into()).unwrap_or(JsValue::UNDEFINED);
            if !answer.is_undefined() {
                *result.borrow_mut() = Some(Ok(answer));
                let _ = resolve.call0(&JsValue::UNDEFINED);
            } else if let Some(error) = text("error") {
                *result.borrow_mut() = Some(Err(error));
                let _ = resolve.call0(&JsValue::UNDEFINED);
            } else if let Some(stage) = text("stage") {
                on_stage(stage);
            }
        });
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        *handler_slot.borrow_mut() = Some(handler);
    });
    worker
        .post_message(message)
        .map_err(|e| format!("The files could not be sent to the analysis worker: {}", crate::state::browser::js_error_text(&e)))?;
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    worker.terminate();
    drop(handler_slot);
    let answer = result.borrow_mut().take();
    answer.unwrap_or_else(|| Err("the worker stopped without an answer".into()))
}

fn to_js(source: &NamedSource) -> Result<JsValue, String> {
    let object = Object::new();
    set(&object, "name", &source.name.as_str().into())?;
    match &source.source {
        FileSource::File(file) => set(&object, "file", file)?,
        FileSource::Url(url) => set(&object, "url", &url.as_str().into())?,
    }
    Ok(object.into())
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), String> {
    Reflect::set(object, &key.into(), value).map(|_| ()).map_err(|e| crate::state::browser::js_error_text(&e))
}

/// Campaign progress (`plan::progress`) of `judgments` against a campaign file and its task
/// file, computed in a worker; `options` is a `ProgressOptions` object. Returns `{"progress", "input"}`.
pub async fn campaign_progress(
    judgments: &[NamedSource],
    campaign: &NamedSource,
    tasks: Option<&NamedSource>,
    options: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let message = Object::new();
    set(&message, "kind", &"campaign".into())?;
    let list = Array::new();
    for source in judgments {
        list.push(&to_js(source)?);
    }
    set(&message, "judgments", &list)?;
    set(&message, "campaign", &to_js(campaign)?)?;
    if let Some(tasks) = tasks {
        set(&message, "tasks", &to_js(tasks)?)?;
    }
    set(&message, "options", &js_sys::JSON::parse(&options.to_string()).map_err(|e| crate::state::browser::js_error_text(&e))?)?;
    let json = text_of(run(&message, |_| {}).await?)?;
    serde_json::from_str(&json).map_err(|e| format!("the worker's campaign progress could not be read: {e}"))
}

/// A sample-size question (`verdict plan size`'s flags as fields), answered in a worker with
/// `verdict plan size --json`'s object.
pub async fn sample_size(question: &serde_json::Value) -> Result<serde_json::Value, String> {
    let message = Object::new();
    set(&message, "kind", &"size".into())?;
    set(&message, "options", &js_sys::JSON::parse(&question.to_string()).map_err(|e| crate::state::browser::js_error_text(&e))?)?;
    let json = text_of(run(&message, |_| {}).await?)?;
    serde_json::from_str(&json).map_err(|e| format!("the worker's answer could not be read: {e}"))
}

/// The SPC tab's view (`spc::view::SpcView`) of judgment files and an optional task file, computed in a worker.
pub async fn spc_view(
    judgments: &[NamedSource],
    tasks: Option<&NamedSource>,
    request: &verdict_core::spc::view::SpcRequest,
) -> Result<verdict_core::spc::view::SpcView, String> {
    let message = worker_job("spc", judgments, tasks, &serde_json::to_value(request).map_err(|e| e.to_string())?)?;
    let json = text_of(run(&message, |_| {}).await?)?;
    serde_json::from_str(&json).map_err(|e| format!("the worker's control chart could not be read: {e}"))
}

/// The audit tab's answer: the plan and, with QA judgment files, the lot decision (`{"plan", "decision"?}`).
pub async fn audit_view(
    qa_judgments: &[NamedSource],
    request: &verdict_core::audit::view::PlanRequest,
    flag: &str,
    state: Option<&NamedSource>,
) -> Result<AuditAnswer, String> {
    let message = worker_job("audit", qa_judgments, None, &serde_json::to_value(request).map_err(|e| e.to_string())?)?;
    set(&message, "flag", &flag.into())?;
    if let Some(NamedSource { source: FileSource::File(file), .. }) = state {
        let text = crate::state::loader::read_file(file).await?;
        set(&message, "state", &text.as_str().into())?;
    }
    let json = text_of(run(&message, |_| {}).await?)?;
    serde_json::from_str(&json).map_err(|e| format!("the worker's audit could not be read: {e}"))
}

/// What the audit tab shows.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct AuditAnswer {
    /// The plan and its OC curve.
    pub plan: verdict_core::audit::view::PlanView,
    /// The lot decision, when QA judgments were given.
    #[serde(default)]
    pub decision: Option<verdict_core::audit::lot::LotDecision>,
}

/// A job message with judgment files, an optional task file and options.
fn worker_job(kind: &str, judgments: &[NamedSource], tasks: Option<&NamedSource>, options: &serde_json::Value) -> Result<Object, String> {
    let message = Object::new();
    set(&message, "kind", &kind.into())?;
    let list = Array::new();
    for source in judgments {
        list.push(&to_js(source)?);
    }
    set(&message, "judgments", &list)?;
    if let Some(tasks) = tasks {
        set(&message, "tasks", &to_js(tasks)?)?;
    }
    set(&message, "options", &js_sys::JSON::parse(&options.to_string()).map_err(|e| crate::state::browser::js_error_text(&e))?)?;
    Ok(message)
}
