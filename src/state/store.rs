//! Persistence in IndexedDB: one database per evaluation (keyed by the task file's hash).
//!
//! Stores: `judgments` (key `annotator \n item_id`, value: the judgment's JSON line),
//! `drafts` (same key, value: an unsubmitted [`StoredDraft`] as JSON), `outbox` (judgments
//! waiting for the collection endpoint, see `outbox.rs`), `files` (the task and rubric texts,
//! so an evaluation can be reopened without its files) and `meta` (per-annotator position).
//! A submitted judgment, the removal of its draft and its outbox entry are written in one
//! transaction, so none exists without the others. Every write resolves only when its
//! transaction has completed, so "saved" means durable in this browser.
//!
//! Version 2 added `drafts` and `outbox` (version 1 kept the outbox in a database of its own).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// Version of an evaluation's database (2: `drafts` and `outbox` inside it).
const VERSION: u32 = 2;
const JUDGMENTS: &str = "judgments";
const FILES: &str = "files";
const META: &str = "meta";
const DRAFTS: &str = "drafts";
/// The outbox's object store (read and written by `outbox.rs`).
pub(crate) const OUTBOX: &str = "outbox";

/// An error from IndexedDB, in words for the user (e.g. quota exceeded).
#[derive(Clone, Debug, PartialEq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsValue> for StoreError {
    fn from(value: JsValue) -> Self {
        StoreError(super::browser::js_error_text(&value))
    }
}

/// Result of a storage operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The task and rubric files of an evaluation, as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedFiles {
    /// Name of the task file.
    pub tasks_name: String,
    /// Text of the task file.
    pub tasks_text: String,
    /// Name of the rubric file.
    pub rubric_name: String,
    /// Text of the rubric file.
    pub rubric_text: String,
}

/// One evaluation's database.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) db: IdbDatabase,
}

impl Store {
    /// Opens (creating if needed) the database of evaluation `key`.
    pub async fn open(key: &str) -> Result<Store> {
        Ok(Store { db: open_database(&format!("verdict-{key}"), VERSION, &[JUDGMENTS, FILES, META, DRAFTS, OUTBOX]).await? })
    }

    /// The database's name (`verdict-<key>`).
    pub fn name(&self) -> String {
        self.db.name()
    }

    /// Deletes the database of evaluation `key` (tests and "forget this evaluation").
    pub async fn delete(key: &str) -> Result<()> {
        let factory = web_sys::window()
            .ok_or_else(|| StoreError("This page has no window.".into()))?
            .indexed_db()?
            .ok_or_else(|| StoreError("This browser offers no IndexedDB.".into()))?;
        let request = factory.delete_database(&format!("verdict-{key}"))?;
        await_request(&request).await.map(|_| ())
    }

    /// Writes (or replaces) the judgment of `item_id` by `annotator`; resolves when durable.
    pub async fn put_judgment(&self, annotator: &str, item_id: &str, json_line: &str) -> Result<()> {
        self.save_judgment(annotator, item_id, json_line, None).await
    }

    /// Saves a submitted judgment in one transaction: the judgment replaces any earlier one of
    /// (`annotator`, `item_id`), the item's draft is removed and, when given, `outbox` is queued
    /// (key, record). Resolves when all of it is durable; on failure none of it happened.
    pub async fn save_judgment(&self, annotator: &str, item_id: &str, json_line: &str, outbox: Option<(String, String)>) -> Result<()> {
        let names = Array::of3(&JUDGMENTS.into(), &DRAFTS.into(), &OUTBOX.into());
        let transaction = self.db.transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite)?;
        let key: JsValue = judgment_key(annotator, item_id).into();
        transaction.object_store(JUDGMENTS)?.put_with_key(&JsValue::from_str(json_line), &key)?;
        transaction.object_store(DRAFTS)?.delete(&key)?;
        if let Some((outbox_key, record)) = outbox {
            transaction.object_store(OUTBOX)?.put_with_key(&JsValue::from_str(&record), &outbox_key.into())?;
        }
        await_transaction(&transaction).await
    }

    /// Every saved judgment line of `annotator`, in key order.
    pub async fn judgments_of(&self, annotator: &str) -> Result<Vec<String>> {
        self.values_of(JUDGMENTS, annotator).await
    }

    /// Keeps the unsubmitted draft of `item_id` (JSON of a `StoredDraft`), or forgets it (`None`).
    pub async fn put_draft(&self, annotator: &str, item_id: &str, draft_json: Option<&str>) -> Result<()> {
        let (transaction, store) = self.write(DRAFTS)?;
        let key: JsValue = judgment_key(annotator, item_id).into();
        match draft_json {
            Some(json) => store.put_with_key(&JsValue::from_str(json), &key)?,
            None => store.delete(&key)?,
        };
        await_transaction(&transaction).await
    }

    /// Every kept draft of `annotator` (JSON texts), in key order.
    pub async fn drafts_of(&self, annotator: &str) -> Result<Vec<String>> {
        self.values_of(DRAFTS, annotator).await
    }

    /// Values of `store` under keys `annotator \n …`. The range ends just before
    /// `annotator` + the character after `\n`, so it holds every item id, whatever its
    /// characters (a fixed upper bound such as U+10FFFF misses ids from U+E000 on, because
    /// IndexedDB compares UTF-16 code units and U+10FFFF is a surrogate pair).
    async fn values_of(&self, name: &str, annotator: &str) -> Result<Vec<String>> {
        let (_, store) = self.read(name)?;
        let range = web_sys::IdbKeyRange::bound_with_lower_open_and_upper_open(
            &format!("{annotator}\n").into(),
            &format!("{annotator}\u{b}").into(),
            false,
            true,
        )?;
        let values = await_request(&store.get_all_with_key(&range)?).await?;
        Ok(Array::from(&values).iter().filter_map(|v| v.as_string()).collect())
    }

    /// Saves the evaluation's files.
    pub async fn put_files(&self, files: &SavedFiles) -> Result<()> {
        let (transaction, store) = self.write(FILES)?;
        for (key, value) in [
            ("tasks_name", &files.tasks_name),
            ("tasks_text", &files.tasks_text),
            ("rubric_name", &files.rubric_name),
            ("rubric_text", &files.rubric_text),
        ] {
            store.put_with_key(&JsValue::from_str(value), &key.into())?;
        }
        await_transaction(&transaction).await
    }

    /// The evaluation's saved files, if they were saved.
    pub async fn files(&self) -> Result<Option<SavedFiles>> {
        let (_, store) = self.read(FILES)?;
        let mut texts = Vec::new();
        for key in ["tasks_name", "tasks_text", "rubric_name", "rubric_text"] {
            match await_request(&store.get(&key.into())?).await?.as_string() {
                Some(text) => texts.push(text),
                None => return Ok(None),
            }
        }
        let mut texts = texts.into_iter();
        let mut next = || texts.next().expect("four texts were read");
        Ok(Some(SavedFiles { tasks_name: next(), tasks_text: next(), rubric_name: next(), rubric_text: next() }))
    }

    /// Remembers the item `annotator` was on.
    pub async fn put_position(&self, annotator: &str, index: usize) -> Result<()> {
        let (transaction, store) = self.write(META)?;
        store.put_with_key(&JsValue::from_f64(index as f64), &format!("position\n{annotator}").into())?;
        await_transaction(&transaction).await
    }

    /// The item `annotator` was on, if recorded.
    pub async fn position(&self, annotator: &str) -> Result<Option<usize>> {
        let (_, store) = self.read(META)?;
        let value = await_request(&store.get(&format!("position\n{annotator}").into())?).await?;
        Ok(value.as_f64().map(|v| v as usize))
    }

    fn write(&self, name: &str) -> Result<(IdbTransaction, IdbObjectStore)> {
        let transaction = self.db.transaction_with_str_and_mode(name, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(name)?;
        Ok((transaction, store))
    }

    fn read(&self, name: &str) -> Result<(IdbTransaction, IdbObjectStore)> {
        let transaction = self.db.transaction_with_str(name)?;
        let store = transaction.object_store(name)?;
        Ok((transaction, store))
    }
}

/// Opens (creating or upgrading if needed) database `name` at `version` with object stores
/// `stores` (out-of-line keys). An upgrade only adds the stores that are missing.
pub(crate) async fn open_database(name: &str, version: u32, stores: &'static [&'static str]) -> Result<IdbDatabase> {
    let factory = web_sys::window()
        .ok_or_else(|| StoreError("This page has no window.".into()))?
        .indexed_db()?
        .ok_or_else(|| StoreError("This browser offers no IndexedDB (a private window may turn it off).".into()))?;
    let request = factory.open_with_u32(name, version)?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |event: web_sys::IdbVersionChangeEvent| {
        let request: web_sys::IdbOpenDbRequest = event.target().expect("upgrade event has a target").unchecked_into();
        let db: IdbDatabase = request.result().expect("upgrade has a database").unchecked_into();
        let names = db.object_store_names();
        for store in stores {
            if !names.contains(store) {
                db.create_object_store(store).expect("creating a store during upgrade");
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db: IdbDatabase = await_request(&request).await?.unchecked_into();
    drop(upgrade);
    // A newer version opened in another tab asks this one to step aside: close, so it can upgrade.
    let closing = db.clone();
    let on_version_change = Closure::<dyn FnMut()>::new(move || closing.close());
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget(); // one small closure per opened database, for its lifetime
    Ok(db)
}

fn judgment_key(annotator: &str, item_id: &str) -> String {
    format!("{annotator}\n{item_id}")
}

/// Resolves with a request's result, or rejects with its error.
pub(crate) async fn await_request(request: &IdbRequest) -> Result<JsValue> {
    // The promise's own resolve/reject are the handlers: no Rust closure to keep alive or leak.
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(request.result()?),
        Err(_) => Err(request
            .error()
            .ok()
            .flatten()
            .map_or_else(|| StoreError("The browser refused to read or write its storage.".into()), |e| JsValue::from(e).into())),
    }
}

/// Resolves when a transaction has committed; rejects when it aborts or fails (e.g. quota).
pub(crate) async fn await_transaction(transaction: &IdbTransaction) -> Result<()> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(transaction.error().map_or_else(
            || StoreError("The browser stopped writing to its storage before it finished.".into()),
            |e| JsValue::from(e).into(),
        )),
    }
}
