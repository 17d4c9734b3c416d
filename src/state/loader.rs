//! Loading an evaluation: from the built-in demos, files, URLs or the browser's own store.

use verdict_core::digest::sha256_hex;
use verdict_core::session::Session;
use verdict_core::Problem;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser::{js_error_text, url_param};
use super::store::{SavedFiles, Store};
use verdict_core::embed::PageConfig;

/// localStorage key of the evaluation open last (`key \n annotator`), for resuming on reload.
pub const CURRENT_KEY: &str = "verdict.current";
/// localStorage key of the annotator id entered last.
pub const ANNOTATOR_KEY: &str = "verdict.annotator";

/// A built-in demo evaluation (real data, shipped under `demo/`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Demo {
    /// Short id, usable as `?demo=ID`.
    pub id: &'static str,
    /// Task file path, relative to the page.
    pub tasks: &'static str,
    /// Rubric file path, relative to the page.
    pub rubric: &'static str,
}

/// The demos on the setup page.
pub const DEMOS: &[Demo] = &[
    Demo { id: "mtbench-pairs", tasks: "demo/mtbench-pairs/tasks.jsonl", rubric: "demo/mtbench-pairs/rubric.json" },
    Demo { id: "mtbench-ranking", tasks: "demo/mtbench-pairs/tasks.jsonl", rubric: "demo/mtbench-ranking/rubric.json" },
    Demo { id: "alpacaeval-single", tasks: "demo/alpacaeval-single/tasks.jsonl", rubric: "demo/alpacaeval-single/rubric.json" },
];

/// The files that make an evaluation, as text, plus who rates.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The task and rubric files.
    pub files: SavedFiles,
    /// The annotator's id.
    pub annotator: String,
    /// The annotator's group (site, vendor), from the page configuration.
    pub group: Option<String>,
}

/// An evaluation ready to rate.
#[derive(Clone, Debug)]
pub struct Opened {
    /// Its database.
    pub store: Store,
    /// The session, restored from the store.
    pub session: Session,
    /// Problems in the task file (bad lines were left out).
    pub problems: Vec<Problem>,
    /// Name of the task file, for export names.
    pub tasks_name: String,
    /// The evaluation's store key (also names the channel that keeps tabs in step).
    pub key: String,
    /// The rest of a task file still loading (see `stream.rs`).
    pub loading: super::stream::Loading,
}

/// Why an evaluation could not be opened: every problem, as `file:line: field: problem`.
pub type OpenError = Vec<String>;

/// Parses the files, opens (or resumes) the evaluation's store and restores the session: the
/// task text goes the way of a picked file (`stream.rs`), so there is one opening path.
pub async fn open(source: Source) -> Result<Opened, OpenError> {
    let Source { files, annotator, group } = source;
    let text = js_sys::Array::of1(&files.tasks_text.as_str().into());
    let blob = web_sys::Blob::new_with_str_sequence(&text).map_err(|e| vec![js_error_text(&e)])?;
    let rubric = (files.rubric_name, files.rubric_text);
    super::stream::open_stream(super::stream::TaskInput::Blob(blob), files.tasks_name, rubric, annotator, group).await
}

/// Opens an evaluation from its texts with `adjust` applied to the evaluation before the session
/// starts (a campaign fixes the display orders and the gold feedback policy).
#[cfg(feature = "quality")]
pub async fn open_with(source: Source, adjust: impl FnOnce(&mut verdict_core::session::Evaluation)) -> Result<Opened, OpenError> {
    use super::browser::{local_set, now_ms};
    use std::sync::Arc;
    use verdict_core::judgment::judgment_from_line;
    use verdict_core::rubric::{load_rubric, Rubric};
    use verdict_core::session::{Evaluation, StoredDraft};
    use verdict_core::task::{load_tasks, Task};
    let files = &source.files;
    let loaded = load_tasks(&files.tasks_name, &files.tasks_text);
    let rubric: Rubric = if files.rubric_text.trim().is_empty() {
        Rubric::default()
    } else {
        load_rubric(&files.rubric_name, &files.rubric_text)
            .map_err(|problems| problems.iter().map(crate::i18n::problem).collect::<Vec<_>>())?
    };
    if loaded.records.is_empty() {
        let mut errors: Vec<String> = loaded.problems.iter().map(crate::i18n::problem).collect();
        errors.push(crate::t!("open-no-items", file = &files.tasks_name));
        return Err(errors);
    }
    let task_sha = sha256_hex(files.tasks_text.as_bytes());
    let rubric_sha = sha256_hex(files.rubric_text.as_bytes());
    let key = evaluation_key(&task_sha, &rubric_sha);
    let store_error = |e: super::store::StoreError| vec![crate::t!("open-storage-unavailable", error = e.to_string())];
    let store = Store::open(&key).await.map_err(store_error)?;
    store.put_files(files).await.map_err(store_error)?;
    let annotator = source.annotator.trim().to_owned();
    let saved =
        store.judgments_of(&annotator).await.map_err(store_error)?.iter().filter_map(|line| judgment_from_line(line).ok()).collect();
    let position = store.position(&annotator).await.map_err(store_error)?;
    let drafts = store.drafts_of(&annotator).await.map_err(store_error)?.iter().filter_map(|text| StoredDraft::from_json(text)).collect();
    let tasks: Arc<[Task]> = loaded.records.into();
    let mut eval = Evaluation::new(tasks, Arc::new(rubric), &annotator, &task_sha, &rubric_sha);
    eval.group = source.group.clone();
    adjust(&mut eval);
    let eval = Arc::new(eval);
    let session = Session::new(eval, saved, drafts, position, now_ms())
        .map_err(|error| vec![crate::t!("open-cannot-start", file = &files.tasks_name, error = error.to_string())])?;
    local_set(CURRENT_KEY, &format!("{key}\n{annotator}"));
    local_set(ANNOTATOR_KEY, &annotator);
    Ok(Opened { store, session, problems: loaded.problems, tasks_name: files.tasks_name.clone(), key, loading: Default::default() })
}

/// The store key of an evaluation: its task file and rubric, by content.
pub fn evaluation_key(task_sha: &str, rubric_sha: &str) -> String {
    sha256_hex(format!("{task_sha}\n{rubric_sha}").as_bytes())[..16].to_owned()
}

/// The page configuration: `verdict.config.json` beside the page (absent: defaults),
/// then URL parameters `tasks`, `rubric`, `annotator`, `group` and `demo` on top.
pub async fn page_config() -> Result<PageConfig, String> {
    let mut config = match fetch_optional("verdict.config.json").await? {
        Some(text) => PageConfig::from_json(&text).map_err(|e| format!("verdict.config.json: {e}"))?,
        None => PageConfig::default(),
    };
    if let Some(demo) = url_param("demo").and_then(|id| DEMOS.iter().find(|d| d.id == id)) {
        config.tasks = Some(demo.tasks.to_owned());
        config.rubric = Some(demo.rubric.to_owned());
    }
    for (name, slot) in
        [("tasks", &mut config.tasks), ("rubric", &mut config.rubric), ("annotator", &mut config.annotator), ("group", &mut config.group)]
    {
        if let Some(value) = url_param(name) {
            *slot = Some(value);
        }
    }
    Ok(config)
}

/// GETs `url`; `None` when the server answers 404 (or the page is opened from `file://`).
async fn fetch_optional(url: &str) -> Result<Option<String>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let Ok(response) = JsFuture::from(window.fetch_with_str(url)).await else { return Ok(None) };
    let response: web_sys::Response = response.unchecked_into();
    match response.status() {
        200..=299 => {
            let text = JsFuture::from(response.text().map_err(|e| format!("{url} could not be read: {}", js_error_text(&e)))?)
                .await
                .map_err(|e| format!("{url} could not be read: {}", js_error_text(&e)))?;
            Ok(text.as_string())
        }
        404 | 0 => Ok(None),
        status => Err(format!("{url}: the server answered {status} {}", response.status_text())),
    }
}

/// The file name in a URL (its last path segment, without query or fragment).
pub fn file_name(url: &str) -> String {
    url.rsplit('/').next().unwrap_or(url).split(['?', '#']).next().unwrap_or(url).to_owned()
}

/// GETs `url` as text, with an error that names the URL. Not inlined: its callers (task files,
/// rubrics, interface catalogs) share one copy in the bundle.
#[inline(never)]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("{url} could not be fetched: {}", js_error_text(&e)))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{url} could not be read: {}", js_error_text(&e)))?)
        .await
        .map_err(|e| format!("{url} could not be read: {}", js_error_text(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}

/// Reads a picked or dropped file as text (invalid UTF-8 is replaced, and the parser reports the line).
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| format!("{} could not be read: {}", file.name(), js_error_text(&e)))?;
    Ok(text.as_string().unwrap_or_default())
}
