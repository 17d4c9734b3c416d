//! The collection endpoint's outbox: judgments waiting to be POSTed, in the evaluation's database.
//!
//! An entry is written in the same transaction as its judgment (`Store::save_judgment`), so a
//! judgment is never saved without being queued, nor queued without being saved. Entries are
//! never deleted: their `state` goes `queued` → `sent` only after the server answered 2xx (or 409:
//! it already has that id), or `queued` → `parked` when it answered a 4xx that a retry cannot fix
//! (the server's message is kept; the rater can retry or export it). Other failures (network, 5xx,
//! 408, 429, the fetch timeout) leave the entry queued and stop the flush for a backoff. Every POST
//! carries the judgment's stable id (body `id` and `Idempotency-Key`), so a retry after a lost
//! answer is recognisable by the server. One tab at a time flushes (a Web Lock per evaluation).

use js_sys::{Array, Promise, Reflect};
use serde_json::{json, Value};
use verdict_core::digest::sha256_hex;
use verdict_core::Judgment;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::IdbTransactionMode;

use super::browser::js_error_text;
use super::store::{await_request, await_transaction, Result, Store, StoreError, OUTBOX};

/// How long one POST may take before it is abandoned (and retried later).
pub const FETCH_TIMEOUT_MS: i32 = 15_000;

/// The outbox database of versions before the per-evaluation outbox (adopted on the next flush).
const LEGACY_DATABASE: &str = "verdict-outbox";
const LEGACY_STORE: &str = "pending";

/// Where an entry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Waiting to be sent (or to be retried).
    Queued,
    /// The server acknowledged it.
    Sent,
    /// The server refused it; kept with its message until the rater retries.
    Parked,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Sent => "sent",
            State::Parked => "parked",
        }
    }
}

/// One queued POST.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Store key (time of saving, then id: entries go out in the order they were made).
    pub key: String,
    /// Endpoint URL.
    pub url: String,
    /// The judgment's stable id.
    pub id: String,
    /// The JSON body POSTed.
    pub body: String,
    /// Where it stands.
    pub state: State,
    /// The server's refusal, for parked entries.
    pub error: Option<String>,
    /// The item it judges (for the list of refused judgments).
    pub item_id: String,
}

impl Entry {
    fn record(&self) -> String {
        json!({"url": self.url, "id": self.id, "body": self.body, "state": self.state.name(), "error": self.error, "item_id": self.item_id})
            .to_string()
    }

    fn from_record(key: String, text: &str) -> Option<Entry> {
        let record: Value = serde_json::from_str(text).ok()?;
        let state = match record["state"].as_str() {
            None | Some("queued") => State::Queued,
            Some("sent") => State::Sent,
            Some("parked") => State::Parked,
            Some(_) => return None,
        };
        Some(Entry {
            key,
            url: record["url"].as_str()?.to_owned(),
            id: record["id"].as_str()?.to_owned(),
            body: record["body"].as_str()?.to_owned(),
            state,
            error: record["error"].as_str().map(str::to_owned),
            item_id: record["item_id"].as_str().unwrap_or_default().to_owned(),
        })
    }

    /// The judgment's JSON line inside the body.
    pub fn judgment_line(&self) -> Option<String> {
        let body: Value = serde_json::from_str(&self.body).ok()?;
        Some(body.get("judgment")?.to_string())
    }
}

/// The outbox entry (key, record) of `judgment` for `url`, to save with the judgment.
pub fn new_entry(url: &str, judgment: &Judgment, now_ms: i64) -> (String, String) {
    let line = judgment.to_json_line();
    let id = judgment_id(&line);
    let body = format!("{{\"id\":\"{id}\",\"judgment\":{line}}}");
    let key = format!("{now_ms:015}-{id}");
    let entry =
        Entry { key: key.clone(), url: url.to_owned(), id, body, state: State::Queued, error: None, item_id: judgment.item_id.clone() };
    (key, entry.record())
}

/// A judgment's stable id: the SHA-256 of its JSON line (an edit is a new judgment line, so a new id).
pub fn judgment_id(json_line: &str) -> String {
    sha256_hex(json_line.as_bytes())[..32].to_owned()
}

/// Counts by state, for the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// Waiting to be sent.
    pub queued: usize,
    /// Acknowledged by the server.
    pub sent: usize,
    /// Refused by the server.
    pub parked: usize,
}

impl Counts {
    /// The counts of `entries`.
    pub fn of(entries: &[Entry]) -> Counts {
        let mut counts = Counts::default();
        for entry in entries {
            match entry.state {
                State::Queued => counts.queued += 1,
                State::Sent => counts.sent += 1,
                State::Parked => counts.parked += 1,
            }
        }
        counts
    }
}

/// How a flush ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Flushed {
    /// Every queued entry was sent or parked.
    Done,
    /// A send failed in a way a later retry may fix; the entries wait.
    Failed(String),
    /// Another tab is flushing this outbox.
    Busy,
}

/// The outbox of one evaluation's database.
#[derive(Clone, Debug)]
pub struct Outbox {
    store: Store,
}

impl Outbox {
    /// The outbox of `store`'s evaluation.
    pub fn new(store: &Store) -> Outbox {
        Outbox { store: store.clone() }
    }

    /// Every entry, oldest first.
    pub async fn entries(&self) -> Result<Vec<Entry>> {
        let transaction = self.store.db.transaction_with_str(OUTBOX)?;
        let store = transaction.object_store(OUTBOX)?;
        let keys = Array::from(&await_request(&store.get_all_keys()?).await?);
        let values = Array::from(&await_request(&store.get_all()?).await?);
        Ok(keys.iter().zip(values.iter()).filter_map(|(key, value)| Entry::from_record(key.as_string()?, &value.as_string()?)).collect())
    }

    /// Counts by state.
    pub async fn counts(&self) -> Result<Counts> {
        Ok(Counts::of(&self.entries().await?))
    }

    /// Sends queued entries in order (one tab at a time): acknowledged ones become sent, refused
    /// ones parked; stops at the first failure a retry may fix.
    pub async fn flush(&self) -> Result<Flushed> {
        let this = self.clone();
        let Some(outcome) = with_lock(&format!("verdict-outbox-{}", self.store.name()), async move { this.flush_locked().await }).await?
        else {
            return Ok(Flushed::Busy);
        };
        outcome
    }

    async fn flush_locked(&self) -> Result<Flushed> {
        self.adopt_legacy().await?;
        // Re-read under the lock: another tab may have sent entries since this one last looked.
        for mut entry in self.entries().await?.into_iter().filter(|e| e.state == State::Queued) {
            match post(&entry).await {
                Posted::Accepted => entry.state = State::Sent,
                Posted::Refused(message) => {
                    entry.state = State::Parked;
                    entry.error = Some(message);
                }
                Posted::Failed(message) => return Ok(Flushed::Failed(message)),
            }
            self.put(&entry).await?;
        }
        Ok(Flushed::Done)
    }

    /// Moves the entries still waiting in the outbox database of earlier versions
    /// (`verdict-outbox`, one per origin, store `pending`) into this outbox, so that an upgrade
    /// loses no queued judgment: each entry keeps its key, URL and body (a retry after a crash
    /// puts the same key again) and leaves the old database only once it is stored here; the
    /// emptied old database is deleted.
    async fn adopt_legacy(&self) -> Result<()> {
        let db = super::store::open_database(LEGACY_DATABASE, 1, &[LEGACY_STORE]).await?;
        let transaction = db.transaction_with_str(LEGACY_STORE)?;
        let store = transaction.object_store(LEGACY_STORE)?;
        let keys = Array::from(&await_request(&store.get_all_keys()?).await?);
        let values = Array::from(&await_request(&store.get_all()?).await?);
        for (key, value) in keys.iter().zip(values.iter()) {
            let (Some(key), Some(text)) = (key.as_string(), value.as_string()) else { continue };
            if let Some(mut entry) = Entry::from_record(key.clone(), &text) {
                entry.state = State::Queued;
                if entry.item_id.is_empty() {
                    entry.item_id = entry
                        .judgment_line()
                        .and_then(|line| serde_json::from_str::<Value>(&line).ok())
                        .and_then(|j| j["item_id"].as_str().map(str::to_owned))
                        .unwrap_or_default();
                }
                self.put(&entry).await?;
            }
            let removal = db.transaction_with_str_and_mode(LEGACY_STORE, IdbTransactionMode::Readwrite)?;
            removal.object_store(LEGACY_STORE)?.delete(&key.as_str().into())?;
            await_transaction(&removal).await?;
        }
        db.close();
        let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten());
        if let Some(factory) = factory {
            let _ = factory.delete_database(LEGACY_DATABASE);
        }
        Ok(())
    }

    /// Puts a parked entry back in the queue.
    pub async fn retry(&self, key: &str) -> Result<()> {
        if let Some(mut entry) = self.entries().await?.into_iter().find(|e| e.key == key && e.state == State::Parked) {
            entry.state = State::Queued;
            entry.error = None;
            self.put(&entry).await?;
        }
        Ok(())
    }

    async fn put(&self, entry: &Entry) -> Result<()> {
        let transaction = self.store.db.transaction_with_str_and_mode(OUTBOX, IdbTransactionMode::Readwrite)?;
        transaction.object_store(OUTBOX)?.put_with_key(&JsValue::from_str(&entry.record()), &entry.key.as_str().into())?;
        await_transaction(&transaction).await
    }
}

enum Posted {
    Accepted,
    Refused(String),
    Failed(String),
}

/// POSTs one entry, abandoning it after [`FETCH_TIMEOUT_MS`].
async fn post(entry: &Entry) -> Posted {
    match try_post(entry).await {
        Ok(posted) => posted,
        Err(error) => Posted::Failed(error.0),
    }
}

async fn try_post(entry: &Entry) -> Result<Posted> {
    let window = web_sys::window().ok_or_else(|| StoreError("This page has no window.".into()))?;
    let controller = web_sys::AbortController::new()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&entry.body));
    init.set_signal(Some(&controller.signal()));
    let headers = web_sys::Headers::new()?;
    headers.set("content-type", "application/json")?;
    headers.set("idempotency-key", &entry.id)?;
    init.set_headers(&headers);
    let abort = controller.clone();
    let timer = gloo::timers::callback::Timeout::new(FETCH_TIMEOUT_MS as u32, move || abort.abort());
    let response = JsFuture::from(window.fetch_with_str_and_init(&entry.url, &init)).await;
    let response: web_sys::Response = match response {
        Ok(response) => response.unchecked_into(),
        Err(error) if controller.signal().aborted() => {
            let _ = error;
            return Ok(Posted::Failed(format!("{} did not answer within {} seconds.", entry.url, FETCH_TIMEOUT_MS / 1000)));
        }
        Err(error) => return Ok(Posted::Failed(format!("{} could not be reached: {}", entry.url, js_error_text(&error)))),
    };
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    drop(timer);
    Ok(match status {
        200..=299 | 409 => Posted::Accepted,
        408 | 429 => Posted::Failed(format!("{} asked to try again later ({status}).", entry.url)),
        400..=499 => {
            let said: String = text.trim().chars().take(300).collect();
            Posted::Refused(if said.is_empty() {
                format!("The server refused this judgment ({status}).")
            } else {
                format!("The server refused this judgment ({status}): {said}")
            })
        }
        _ => Posted::Failed(format!("{} answered {status}; the judgments wait and will be sent again.", entry.url)),
    })
}

/// Runs `work` holding the Web Lock `name` if no one else holds it (`None` if someone does).
/// Without Web Locks (an old browser) it simply runs.
async fn with_lock<T: 'static>(name: &str, work: impl std::future::Future<Output = T> + 'static) -> Result<Option<T>> {
    let navigator = web_sys::window().ok_or_else(|| StoreError("This page has no window.".into()))?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).unwrap_or(JsValue::UNDEFINED);
    let request = Reflect::get(&locks, &"request".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request else { return Ok(Some(work.await)) };
    let slot = std::rc::Rc::new(std::cell::RefCell::new(None::<T>));
    let work = std::rc::Rc::new(std::cell::RefCell::new(Some(work)));
    let (slot_in, work_in) = (slot.clone(), work.clone());
    let callback = Closure::once(move |lock: JsValue| -> Promise {
        let work = work_in.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let (false, Some(work)) = (lock.is_null(), work) {
                *slot_in.borrow_mut() = Some(work.await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let options = js_sys::Object::new();
    Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE)?;
    let promise: Promise = request.call3(&locks, &name.into(), &options, callback.as_ref().unchecked_ref())?.dyn_into()?;
    JsFuture::from(promise).await?;
    drop(callback);
    let result = slot.borrow_mut().take();
    Ok(result)
}
