//! Persistence in IndexedDB: one database per evaluation (keyed by the task file's hash).
//!
//! Stores: `judgments` (key `annotator \n item_id`, value: the judgment's JSON line),
//! `files` (the task and rubric texts, so an evaluation can be reopened without its files)
//! and `meta` (per-annotator position). Every write resolves only when its transaction
//! has completed, so "saved" means durable in this browser.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const VERSION: u32 = 1;
const JUDGMENTS: &str = "judgments";
const FILES: &str = "files";
const META: &str = "meta";

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
        if let Some(exception) = value.dyn_ref::<web_sys::DomException>() {
            return StoreError(format!("{}: {}", exception.name(), exception.message()));
        }
        StoreError(value.as_string().unwrap_or_else(|| format!("{value:?}")))
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
    db: IdbDatabase,
}

impl Store {
    /// Opens (creating if needed) the database of evaluation `key`.
    pub async fn open(key: &str) -> Result<Store> {
        Ok(Store { db: open_database(&format!("verdict-{key}"), &[JUDGMENTS, FILES, META]).await? })
    }

    /// Deletes the database of evaluation `key` (tests and "forget this evaluation").
    pub async fn delete(key: &str) -> Result<()> {
        let factory = web_sys::window()
            .ok_or_else(|| StoreError("no window".into()))?
            .indexed_db()?
            .ok_or_else(|| StoreError("no IndexedDB".into()))?;
        let request = factory.delete_database(&format!("verdict-{key}"))?;
        await_request(&request).await.map(|_| ())
    }

    /// Writes (or replaces) the judgment of `item_id` by `annotator`; resolves when durable.
    pub async fn put_judgment(&self, annotator: &str, item_id: &str, json_line: &str) -> Result<()> {
        let (transaction, store) = self.write(JUDGMENTS)?;
        store.put_with_key(&JsValue::from_str(json_line), &judgment_key(annotator, item_id).into())?;
        await_transaction(&transaction).await
    }

    /// Every saved judgment line of `annotator`, in key order.
    pub async fn judgments_of(&self, annotator: &str) -> Result<Vec<String>> {
        let (_, store) = self.read(JUDGMENTS)?;
        let range = web_sys::IdbKeyRange::bound(&format!("{annotator}\n").into(), &format!("{annotator}\n\u{10ffff}").into())?;
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

/// Opens (creating if needed) database `name` with object stores `stores` (out-of-line keys).
pub(crate) async fn open_database(name: &str, stores: &'static [&'static str]) -> Result<IdbDatabase> {
    let factory = web_sys::window()
        .ok_or_else(|| StoreError("no window".into()))?
        .indexed_db()?
        .ok_or_else(|| StoreError("this browser offers no IndexedDB (private mode?)".into()))?;
    let request = factory.open_with_u32(name, VERSION)?;
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
    let db = await_request(&request).await?;
    drop(upgrade);
    Ok(db.unchecked_into())
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
        Err(_) => Err(request.error().ok().flatten().map_or_else(|| StoreError("request failed".into()), |e| JsValue::from(e).into())),
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
        Err(_) => Err(transaction.error().map_or_else(|| StoreError("transaction aborted".into()), |e| JsValue::from(e).into())),
    }
}
