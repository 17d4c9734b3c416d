//! Opening a task file piece by piece — picked from disk, by URL, or the copy kept in the store —
//! so the first items show while the rest loads (issue #20).
//!
//! The file is read in slices (`Blob.slice`, or the fetched body's stream reader) and parsed by
//! core's [`TaskStream`] in pieces that leave the event loop free every [`SLICE_MS`]: the page
//! opens as soon as the file's identity is known (its first 4 MiB, or all of a smaller file),
//! with the items read so far. [`use_task_loading`] reads the rest behind the rating page, shows
//! the progress and the problems found, and hands the whole evaluation to the session
//! ([`Action::Grow`]). A large file is kept in the store as the `File` itself (or its URL), not as
//! text; a small one as text, as before.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use verdict_core::digest::sha256_hex;
use verdict_core::judgment::judgment_from_line;
use verdict_core::rubric::{load_rubric, Rubric};
use verdict_core::session::{Action, EvaluationGrower, Growth, Session, StoredDraft};
use verdict_core::task::Task;
use verdict_core::task_stream::{without_texts, TaskStream, IDENTITY_HEAD_BYTES};
use verdict_core::{Judgment, Problem};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::browser::{js_error_text, local_get, local_set, now_ms};
use super::loader::{evaluation_key, fetch_text, file_name, OpenError, Opened, ANNOTATOR_KEY, CURRENT_KEY};
use super::rating::RatingState;
use super::store::{await_request, await_transaction, SavedFiles, Store};

/// Longest stretch of parsing before the page gets the event loop back (ms).
const SLICE_MS: f64 = 15.0;
/// Bytes read from a file at a time.
const READ_BYTES: f64 = 1_048_576.0;
/// Bytes parsed between two looks at the clock.
const PARSE_BYTES: usize = 32 * 1024;
/// Problems listed on the page (all are counted).
const LISTED_PROBLEMS: usize = 200;
/// Keys of the task file's own copy in the `files` store (large files).
const TASKS_BLOB: &str = "tasks_blob";
const TASKS_URL: &str = "tasks_url";
/// Key of the SHA-256 of every byte of the task file, in the `files` store.
const TASKS_FULL_SHA: &str = "tasks_full_sha256";

/// Where a task file's bytes come from.
#[derive(Clone, Debug)]
pub enum TaskInput {
    /// A picked file, or the copy kept in the store.
    Blob(web_sys::Blob),
    /// A URL (relative URLs resolve against the page).
    Url(String),
}

/// Reads a task file in pieces.
struct Chunks {
    blob: Option<(web_sys::Blob, f64)>,
    /// The fetched body's `ReadableStreamDefaultReader`.
    reader: Option<JsValue>,
    total: Option<f64>,
    /// The piece being parsed and how far.
    pending: Vec<u8>,
    pending_at: usize,
    ended: bool,
    /// A fetched file's pieces as blobs (the browser keeps them out of the page's memory), to
    /// re-read items from, and the pieces not in a blob yet.
    parts: js_sys::Array,
    unsaved: js_sys::Array,
    unsaved_bytes: f64,
}

impl Chunks {
    async fn open(input: &TaskInput) -> Result<Chunks, String> {
        let mut chunks = Chunks {
            blob: None,
            reader: None,
            total: None,
            pending: Vec::new(),
            pending_at: 0,
            ended: false,
            parts: js_sys::Array::new(),
            unsaved: js_sys::Array::new(),
            unsaved_bytes: 0.0,
        };
        match input {
            TaskInput::Blob(blob) => {
                chunks.total = Some(blob.size());
                chunks.blob = Some((blob.clone(), 0.0));
            }
            TaskInput::Url(url) => {
                let window = web_sys::window().ok_or("no window")?;
                let fetched = JsFuture::from(window.fetch_with_str(url))
                    .await
                    .map_err(|e| format!("{url} could not be fetched: {}", js_error_text(&e)))?;
                let response: web_sys::Response = fetched.unchecked_into();
                if !response.ok() {
                    return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
                }
                let headers = response.headers();
                if headers.get("content-encoding").ok().flatten().is_none() {
                    chunks.total = headers.get("content-length").ok().flatten().and_then(|n| n.parse::<u64>().ok()).map(|n| n as f64);
                }
                let body = Reflect::get(&response, &"body".into()).map_err(|e| js_error_text(&e))?;
                chunks.reader = Some(call(&body, "getReader").map_err(|e| format!("{url} could not be read: {}", js_error_text(&e)))?);
            }
        }
        Ok(chunks)
    }

    /// Moves the fetched pieces not yet kept into one blob.
    fn save_pieces(&mut self) {
        if let Ok(part) = web_sys::Blob::new_with_u8_array_sequence(&self.unsaved) {
            self.parts.push(&part);
        }
        self.unsaved = js_sys::Array::new();
        self.unsaved_bytes = 0.0;
    }

    /// The whole file as a blob (a fetched one: its pieces, by reference).
    fn whole(&self) -> Option<web_sys::Blob> {
        match &self.blob {
            Some((blob, _)) => Some(blob.clone()),
            None => web_sys::Blob::new_with_blob_sequence(&self.parts).ok(),
        }
    }

    /// Fills `pending` with the next piece; false at the end of the file.
    async fn refill(&mut self) -> Result<bool, String> {
        if self.ended {
            return Ok(false);
        }
        let read_error = |e: JsValue| format!("the file could not be read: {}", js_error_text(&e));
        let bytes = if let Some((blob, offset)) = &mut self.blob {
            if *offset >= blob.size() {
                None
            } else {
                let slice = blob.slice_with_f64_and_f64(*offset, *offset + READ_BYTES).map_err(read_error)?;
                *offset += READ_BYTES;
                Some(Uint8Array::new(&JsFuture::from(slice.array_buffer()).await.map_err(read_error)?).to_vec())
            }
        } else if let Some(reader) = &self.reader {
            let result = JsFuture::from(Promise::from(call(reader, "read").map_err(read_error)?)).await.map_err(read_error)?;
            match Reflect::get(&result, &"done".into()).map_err(read_error)?.as_bool() {
                Some(false) => {
                    let piece = Uint8Array::new(&Reflect::get(&result, &"value".into()).map_err(read_error)?);
                    // Network pieces are small: they become blobs of about 1 MiB each.
                    self.unsaved.push(&piece);
                    self.unsaved_bytes += piece.length() as f64;
                    if self.unsaved_bytes >= READ_BYTES {
                        self.save_pieces();
                    }
                    Some(piece.to_vec())
                }
                _ => None,
            }
        } else {
            None
        };
        if bytes.is_none() {
            self.save_pieces();
        }
        match bytes {
            Some(bytes) => {
                self.pending = bytes;
                self.pending_at = 0;
                Ok(true)
            }
            None => {
                self.ended = true;
                Ok(false)
            }
        }
    }
}

/// Calls the method `name` of `target` without arguments.
fn call(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &name.into())?.dyn_into::<Function>()?.call0(target)
}

/// Lets the browser render and handle input before going on.
async fn yield_to_page() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// What is read while the file loads.
struct Reading {
    chunks: Chunks,
    stream: TaskStream,
    tasks: Vec<Task>,
    problems: Vec<Problem>,
}

impl Reading {
    /// How much of the file was read, when its size is known (never 100 before the end).
    fn percent(&self) -> Option<u32> {
        self.chunks.total.filter(|&t| t > 0.0).map(|t| ((self.stream.n_bytes() as f64 / t * 100.0) as u32).min(99))
    }

    /// Reads and parses until `enough` holds or the file ends (then the stream is finished),
    /// never parsing longer than [`SLICE_MS`] without yielding. Returns whether the file ended.
    async fn pump(&mut self, enough: impl Fn(&Reading) -> bool, mut on_slice: impl FnMut(&mut Reading)) -> Result<bool, String> {
        let mut since = js_sys::Date::now();
        while !enough(self) {
            if self.chunks.pending_at >= self.chunks.pending.len() {
                if !self.chunks.refill().await? {
                    let last = self.stream.finish(&mut self.problems);
                    self.tasks.extend(last);
                    return Ok(true);
                }
                since = js_sys::Date::now();
                on_slice(self);
            }
            let end = (self.chunks.pending_at + PARSE_BYTES).min(self.chunks.pending.len());
            let parsed = self.stream.push(&self.chunks.pending[self.chunks.pending_at..end], &mut self.problems);
            self.tasks.extend(parsed);
            self.chunks.pending_at = end;
            if js_sys::Date::now() - since > SLICE_MS {
                on_slice(self);
                yield_to_page().await;
                since = js_sys::Date::now();
            }
        }
        Ok(false)
    }
}

/// The part of an opened evaluation still loading (taken by [`use_task_loading`]), and where
/// the texts of the items held without them are (once loaded).
#[derive(Clone, Default)]
pub struct Loading(Rc<RefCell<Option<Rest>>>, Rc<RefCell<Option<ItemTexts>>>);

/// Items from `first` on are held without their texts: their lines are re-read from `blob`.
struct ItemTexts {
    blob: web_sys::Blob,
    first: usize,
    spans: Vec<(u64, u32)>,
}

impl std::fmt::Debug for Loading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loading")
    }
}

struct Rest {
    reading: Reading,
    grower: EvaluationGrower,
    saved: Vec<Judgment>,
    drafts: Vec<StoredDraft>,
    position: Option<usize>,
    store: Store,
    /// Where the items held without their texts are in the file (from the window's end on).
    spans: Vec<(u64, u32)>,
}

/// Opens the evaluation of a task file read from `input`, with the rubric given as text.
pub async fn open_stream(
    input: TaskInput,
    tasks_name: String,
    rubric: (String, String),
    annotator: String,
    group: Option<String>,
) -> Result<Opened, OpenError> {
    let (rubric_name, rubric_text) = rubric;
    let parsed_rubric: Rubric = if rubric_text.trim().is_empty() {
        Rubric::default()
    } else {
        load_rubric(&rubric_name, &rubric_text).map_err(|problems| problems.iter().map(crate::i18n::problem).collect::<Vec<_>>())?
    };
    let chunks = Chunks::open(&input).await.map_err(|e| vec![e])?;
    let mut reading = Reading { chunks, stream: TaskStream::new(&tasks_name), tasks: Vec::new(), problems: Vec::new() };
    let ended = reading.pump(|r| r.stream.identity().is_some(), |_| {}).await.map_err(|e| vec![format!("{tasks_name}: {e}")])?;
    if ended && reading.tasks.is_empty() {
        let mut errors: Vec<String> = reading.problems.iter().map(crate::i18n::problem).collect();
        errors.push(crate::t!("open-no-items", file = &tasks_name));
        return Err(errors);
    }
    let task_sha = reading.stream.identity().expect("known once the head is read").to_owned();
    let rubric_sha = sha256_hex(rubric_text.as_bytes());
    let key = evaluation_key(&task_sha, &rubric_sha);
    let store_error = |e: super::store::StoreError| vec![crate::t!("open-storage-unavailable", error = e.to_string())];
    let store = Store::open(&key).await.map_err(store_error)?;
    // A small file (at most 4 MiB) is kept as text, as the store always held it: its few bytes
    // are read again; a large one as the `File` itself or its URL.
    let small = ended && reading.stream.n_bytes() <= IDENTITY_HEAD_BYTES as u64;
    let tasks_text = match small {
        true => String::from_utf8_lossy(&read_all(&input).await.map_err(|e| vec![e])?).into_owned(),
        false => String::new(),
    };
    let files = SavedFiles { tasks_name: tasks_name.clone(), tasks_text, rubric_name, rubric_text };
    store.put_files(&files).await.map_err(store_error)?;
    if !small {
        keep_source(&store, &input);
    }
    let annotator = annotator.trim().to_owned();
    let saved: Vec<Judgment> =
        store.judgments_of(&annotator).await.map_err(store_error)?.iter().filter_map(|line| judgment_from_line(line).ok()).collect();
    let position = store.position(&annotator).await.map_err(store_error)?;
    let drafts: Vec<StoredDraft> =
        store.drafts_of(&annotator).await.map_err(store_error)?.iter().filter_map(|text| StoredDraft::from_json(text)).collect();
    let mut grower = EvaluationGrower::new(Arc::new(parsed_rubric), &annotator, &task_sha, &rubric_sha);
    grower.template_mut().group = group;
    grower.extend(std::mem::take(&mut reading.tasks));
    let problems = std::mem::take(&mut reading.problems);
    reading.stream.take_spans(); // the first items are kept whole
    let loading = Loading::default();
    let eval = if ended {
        grower.finish()
    } else {
        let first = grower.snapshot();
        *loading.0.borrow_mut() =
            Some(Rest { reading, grower, saved: saved.clone(), drafts: drafts.clone(), position, store: store.clone(), spans: Vec::new() });
        first
    };
    let session = Session::new(Arc::new(eval), saved, drafts, position, now_ms())
        .map_err(|error| vec![crate::t!("open-cannot-start", file = &tasks_name, error = error.to_string())])?;
    local_set(CURRENT_KEY, &format!("{key}\n{annotator}"));
    local_set(ANNOTATOR_KEY, &annotator);
    Ok(Opened { store, session, problems, tasks_name, key, loading })
}

/// Opens the evaluation of the task file at `tasks_url` (and the rubric at `rubric_url`).
pub async fn open_url(tasks_url: &str, rubric_url: Option<&str>, annotator: String, group: Option<String>) -> Result<Opened, OpenError> {
    let rubric = match rubric_url {
        Some(url) => (file_name(url), fetch_text(url).await.map_err(|e| vec![e])?),
        None => ("default rubric".to_owned(), String::new()),
    };
    open_stream(TaskInput::Url(tasks_url.to_owned()), file_name(tasks_url), rubric, annotator, group).await
}

/// A small file's bytes, read whole.
async fn read_all(input: &TaskInput) -> Result<Vec<u8>, String> {
    let mut chunks = Chunks::open(input).await?;
    let mut bytes = Vec::new();
    while chunks.refill().await? {
        bytes.extend_from_slice(&chunks.pending);
    }
    Ok(bytes)
}

/// Keeps a large task file in the store (the `File` itself, or its URL), so a reload can reopen
/// it; written in the background (storing a large `File` copies it on disk, off the page).
fn keep_source(store: &Store, input: &TaskInput) {
    let (key, value): (&str, JsValue) = match input {
        TaskInput::Blob(blob) => (TASKS_BLOB, blob.into()),
        TaskInput::Url(url) => (TASKS_URL, url.into()),
    };
    let db = store.db.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let write = async {
            let transaction = db.transaction_with_str_and_mode("files", web_sys::IdbTransactionMode::Readwrite)?;
            let files = transaction.object_store("files")?;
            files.put_with_key(&value, &key.into())?;
            files.delete(&(if key == TASKS_BLOB { TASKS_URL } else { TASKS_BLOB }).into())?;
            await_transaction(&transaction).await.map_err(|e| JsValue::from_str(&e.0))
        };
        if let Err(error) = write.await {
            web_sys::console::warn_1(&format!("the task file could not be kept for reloads: {}", js_error_text(&error)).into());
        }
    });
}

/// Remembers the file's whole-content hash; a different one from an earlier visit means the
/// file changed past its first 4 MiB while keeping its identity: a problem says so.
async fn record_full_sha(store: &Store, full: &str, tasks_name: &str) -> Option<Problem> {
    let transaction = store.db.transaction_with_str_and_mode("files", web_sys::IdbTransactionMode::Readwrite).ok()?;
    let files = transaction.object_store("files").ok()?;
    let before = await_request(&files.get(&TASKS_FULL_SHA.into()).ok()?).await.ok()?.as_string();
    files.put_with_key(&full.into(), &TASKS_FULL_SHA.into()).ok()?;
    await_transaction(&transaction).await.ok()?;
    before.filter(|b| b != full).map(|_| Problem::warning(tasks_name, 0, "-", verdict_core::problem::Detail::FileChanged))
}

/// Reopens the evaluation open last in this browser from its store, if any: `None` when there
/// is none (or its store is gone).
pub async fn reopen_last(group: Option<String>) -> Option<Result<Opened, OpenError>> {
    let current = local_get(CURRENT_KEY)?;
    let (key, annotator) = current.split_once('\n')?;
    let store = Store::open(key).await.ok()?;
    let files = store.files().await.ok()??;
    let kept = kept_source(&store).await;
    let rubric = (files.rubric_name.clone(), files.rubric_text.clone());
    Some(match kept {
        Some(input) => open_stream(input, files.tasks_name, rubric, annotator.to_owned(), group).await,
        None => super::loader::open(super::loader::Source { files, annotator: annotator.to_owned(), group }).await,
    })
}

/// The kept copy of a large task file (or its URL), if the store has one.
async fn kept_source(store: &Store) -> Option<TaskInput> {
    let transaction = store.db.transaction_with_str("files").ok()?;
    let files = transaction.object_store("files").ok()?;
    let (blob, url) = (files.get(&TASKS_BLOB.into()).ok()?, files.get(&TASKS_URL.into()).ok()?);
    if let Ok(blob) = await_request(&blob).await.ok()?.dyn_into::<web_sys::Blob>() {
        return Some(TaskInput::Blob(blob));
    }
    await_request(&url).await.ok()?.as_string().map(TaskInput::Url)
}

/// How the rest of a task file is loading.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProgress {
    /// Items read so far, while loading.
    pub loading: Option<(usize, Option<u32>)>,
    /// The first problems found (all, for a file with few).
    pub problems: Rc<Vec<Problem>>,
    /// Errors found in all.
    pub n_errors: usize,
}

/// Reads the rest of the opened task file behind the rating page: progress and problems as
/// they come, then the whole evaluation to the session.
#[hook]
pub fn use_task_loading(state: &UseReducerHandle<RatingState>, opened: &Opened) -> UseStateHandle<LoadProgress> {
    let first = &opened.problems;
    let initial = LoadProgress {
        loading: opened.loading.0.borrow().as_ref().map(|rest| (rest.grower.len(), rest.reading.percent())),
        problems: Rc::new(first.iter().take(LISTED_PROBLEMS).cloned().collect()),
        n_errors: first.iter().filter(|p| p.is_error()).count(),
    };
    let progress = use_state(|| initial);
    {
        let (state, progress, loading, tasks_name) = (state.clone(), progress.clone(), opened.loading.clone(), opened.tasks_name.clone());
        use_effect_with((), move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            if let Some(rest) = loading.0.borrow_mut().take() {
                let alive = alive.clone();
                wasm_bindgen_futures::spawn_local(load_rest(rest, state, progress, tasks_name, alive, loading.1.clone()));
            }
            move || alive.set(false)
        });
    }
    progress
}

async fn load_rest(
    rest: Rest,
    state: UseReducerHandle<RatingState>,
    progress: UseStateHandle<LoadProgress>,
    tasks_name: String,
    alive: Rc<std::cell::Cell<bool>>,
    texts: Rc<RefCell<Option<ItemTexts>>>,
) {
    let mut shown = (*progress).clone();
    let mut last_shown = js_sys::Date::now();
    let first = rest.grower.len();
    let mut report = |reading: &mut Reading, grower: &mut EvaluationGrower, spans: &mut Vec<(u64, u32)>, force: bool| {
        // Items past the first window are held without their texts (re-read when shown),
        // unless the file cannot say where they are (a JSON array).
        let tasks = std::mem::take(&mut reading.tasks);
        let new_spans = reading.stream.take_spans();
        if new_spans.len() == tasks.len() && spans.len() + first == grower.len() {
            spans.extend(new_spans);
            grower.extend(tasks.into_iter().map(without_texts));
        } else {
            grower.extend(tasks);
        }
        let new_problems = std::mem::take(&mut reading.problems);
        shown.n_errors += new_problems.iter().filter(|p| p.is_error()).count();
        let room = LISTED_PROBLEMS.saturating_sub(shown.problems.len());
        if room > 0 && !new_problems.is_empty() {
            Rc::make_mut(&mut shown.problems).extend(new_problems.into_iter().take(room));
        }
        shown.loading = Some((grower.len(), reading.percent()));
        if force || js_sys::Date::now() - last_shown > 250.0 {
            last_shown = js_sys::Date::now();
            progress.set(shown.clone());
        }
    };
    let Rest { mut reading, mut grower, saved, drafts, position, store, mut spans } = rest;
    let outcome = reading.pump(|_| !alive.get(), |r| report(r, &mut grower, &mut spans, false)).await;
    if !alive.get() {
        return;
    }
    if let Err(error) = outcome {
        reading.problems.push(Problem::error(&tasks_name, 0, "-", verdict_core::problem::Detail::CannotRead { reason: error }));
    }
    report(&mut reading, &mut grower, &mut spans, true);
    if spans.len() + first == grower.len() && !spans.is_empty() {
        if let Some(blob) = reading.chunks.whole() {
            *texts.borrow_mut() = Some(ItemTexts { blob, first, spans });
        }
    }
    let changed = match reading.stream.full_sha256() {
        Some(full) => record_full_sha(&store, full, &tasks_name).await,
        None => None,
    };
    shown.loading = None;
    if let Some(changed) = changed {
        Rc::make_mut(&mut shown.problems).insert(0, changed);
    }
    let eval = Arc::new(grower.finish());
    if eval.tasks.len() > state.0.eval.tasks.len() {
        state.dispatch(Action::Grow(Box::new(Growth { eval, saved, drafts, position, now_ms: now_ms() })));
    }
    progress.set(shown);
}

/// Shows the current item whole when the session holds it without its texts: its line is
/// re-read from the file (a 1 MiB-per-item bound keeps a bad offset from reading much).
#[hook]
pub fn use_item_texts(state: &UseReducerHandle<RatingState>, opened: &Opened) {
    let session = &state.0;
    let wanted = session.current;
    let has = session.full.as_ref().is_some_and(|(index, _)| *index == wanted);
    let (state, texts, tasks_name) = (state.clone(), opened.loading.1.clone(), opened.tasks_name.clone());
    use_effect_with((wanted, has, session.eval.tasks.len()), move |&(index, has, _)| {
        let span = texts.borrow().as_ref().filter(|_| !has).and_then(|t| {
            let (offset, len) = *t.spans.get(index.checked_sub(t.first)?)?;
            Some((t.blob.clone(), offset as f64, f64::from(len.min(1 << 20))))
        });
        if let Some((blob, offset, len)) = span {
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(slice) = blob.slice_with_f64_and_f64(offset, offset + len) else { return };
                let Ok(buffer) = JsFuture::from(slice.array_buffer()).await else { return };
                let line = String::from_utf8_lossy(&Uint8Array::new(&buffer).to_vec()).into_owned();
                let mut problems = Vec::new();
                if let Some(record) = verdict_core::task::TaskLines::new(&tasks_name).line(0, &line, false, &mut problems) {
                    state.dispatch(Action::ItemTexts { index, task: Arc::new(record.task) });
                }
            });
        }
    });
}
