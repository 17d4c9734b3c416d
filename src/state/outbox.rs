//! The collection endpoint's outbox: judgments waiting to be POSTed, kept in IndexedDB.
//!
//! Each saved judgment is put in the outbox before any network attempt, so a reload, a crash or
//! an offline hour loses nothing. Entries leave the outbox only when the server answered 2xx (or
//! 409: it already has that id). Every POST carries the judgment's stable id (body `id` and the
//! `Idempotency-Key` header), so a retry after a lost answer is recognisable by the server.

use js_sys::Array;
use verdict_core::digest::sha256_hex;
use verdict_core::Judgment;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::store::{await_request, await_transaction, open_database, Result, StoreError};

const PENDING: &str = "pending";

/// The outbox database (one per origin, shared by evaluations).
#[derive(Clone, Debug)]
pub struct Outbox {
    db: IdbDatabase,
}

/// One queued POST.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    key: String,
    url: String,
    id: String,
    body: String,
}

impl Outbox {
    /// Opens the outbox.
    pub async fn open() -> Result<Outbox> {
        Ok(Outbox { db: open_database("verdict-outbox", &[PENDING]).await? })
    }

    /// Queues `judgment` for `url`; resolves when the entry is durable.
    pub async fn enqueue(&self, url: &str, judgment: &Judgment, now_ms: i64) -> Result<()> {
        let line = judgment.to_json_line();
        let id = judgment_id(&line);
        let body = format!("{{\"id\":\"{id}\",\"judgment\":{line}}}");
        let record = serde_json::json!({"url": url, "id": id, "body": body}).to_string();
        // Keys sort by time, so judgments reach the server in the order they were made.
        let key = format!("{now_ms:015}-{id}");
        let transaction = self.db.transaction_with_str_and_mode(PENDING, IdbTransactionMode::Readwrite)?;
        transaction.object_store(PENDING)?.put_with_key(&JsValue::from_str(&record), &key.into())?;
        await_transaction(&transaction).await
    }

    /// Every queued entry, oldest first.
    pub async fn entries(&self) -> Result<Vec<Entry>> {
        let transaction = self.db.transaction_with_str(PENDING)?;
        let store = transaction.object_store(PENDING)?;
        let keys = Array::from(&await_request(&store.get_all_keys()?).await?);
        let values = Array::from(&await_request(&store.get_all()?).await?);
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(key, value)| {
                let record: serde_json::Value = serde_json::from_str(&value.as_string()?).ok()?;
                Some(Entry {
                    key: key.as_string()?,
                    url: record["url"].as_str()?.to_owned(),
                    id: record["id"].as_str()?.to_owned(),
                    body: record["body"].as_str()?.to_owned(),
                })
            })
            .collect())
    }

    /// Sends queued entries in order until one fails; returns how many remain.
    pub async fn flush(&self) -> Result<usize> {
        let entries = self.entries().await?;
        let mut remaining = entries.len();
        for entry in entries {
            post(&entry).await?;
            let transaction = self.db.transaction_with_str_and_mode(PENDING, IdbTransactionMode::Readwrite)?;
            transaction.object_store(PENDING)?.delete(&entry.key.as_str().into())?;
            await_transaction(&transaction).await?;
            remaining -= 1;
        }
        Ok(remaining)
    }

    /// Number of queued entries.
    pub async fn len(&self) -> Result<usize> {
        let transaction = self.db.transaction_with_str(PENDING)?;
        let count = await_request(&transaction.object_store(PENDING)?.count()?).await?;
        Ok(count.as_f64().unwrap_or(0.0) as usize)
    }
}

/// A judgment's stable id: the SHA-256 of its JSON line (an edit is a new judgment line, so a new id).
pub fn judgment_id(json_line: &str) -> String {
    sha256_hex(json_line.as_bytes())[..32].to_owned()
}

async fn post(entry: &Entry) -> Result<()> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&entry.body));
    let headers = web_sys::Headers::new()?;
    headers.set("content-type", "application/json")?;
    headers.set("idempotency-key", &entry.id)?;
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| StoreError("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str_and_init(&entry.url, &init)).await?;
    let response: web_sys::Response = response.unchecked_into();
    if response.ok() || response.status() == 409 {
        Ok(())
    } else {
        Err(StoreError(format!("{} answered {}", entry.url, response.status())))
    }
}

/// Upload state for the UI: `None` when no collection endpoint is configured.
#[derive(Clone, Debug, PartialEq)]
pub struct Uploads {
    /// Judgments still waiting to reach the endpoint.
    pub pending: Option<usize>,
    /// The last failure, shown while entries wait.
    pub last_error: Option<String>,
    /// Queue a saved judgment (no-op without an endpoint).
    pub enqueue: yew::Callback<Judgment>,
}

/// Runs the outbox for `submit_url`: flushes at start (once the page configuration names the
/// endpoint), after each enqueue, when the browser comes back online, and on a backoff timer
/// (1 s doubling to 60 s) while sends fail. One flush runs at a time: a kick during a flush runs
/// another after it, so an entry still in flight is never POSTed twice.
#[yew::hook]
pub fn use_uploads(submit_url: Option<String>) -> Uploads {
    use yew::prelude::*;
    let pending = use_state(|| None::<usize>);
    let last_error = use_state(|| None::<String>);
    let kick = use_reducer(|| Kick(0));
    let failures = use_mut_ref(|| 0u32);
    let retry = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // (a flush is running, another was asked for meanwhile)
    let flushing = use_mut_ref(|| (false, false));
    {
        let (pending, last_error, kick, failures, retry, flushing) =
            (pending.clone(), last_error.clone(), kick.clone(), failures.clone(), retry.clone(), flushing.clone());
        // The endpoint is part of the dependencies: the configuration arrives after the first
        // render, and what was queued before a reload must be sent as soon as it is known.
        use_effect_with((kick.0, submit_url.is_some()), move |&(_, enabled)| {
            if !enabled {
                return;
            }
            {
                let mut state = flushing.borrow_mut();
                if state.0 {
                    state.1 = true; // run again when the current flush ends
                    return;
                }
                state.0 = true;
            }
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(outbox) = Outbox::open().await {
                    match outbox.flush().await {
                        Ok(remaining) => {
                            *failures.borrow_mut() = 0;
                            pending.set(Some(remaining));
                            last_error.set(None);
                        }
                        Err(error) => {
                            pending.set(Some(outbox.len().await.unwrap_or(0)));
                            last_error.set(Some(error.to_string()));
                            let attempt = {
                                let mut f = failures.borrow_mut();
                                *f += 1;
                                *f
                            };
                            let delay_ms = (1000u32 << (attempt - 1).min(6)).min(60_000);
                            let kick = kick.clone();
                            *retry.borrow_mut() = Some(gloo::timers::callback::Timeout::new(delay_ms, move || kick.dispatch(())));
                        }
                    }
                }
                let (_, again) = std::mem::take(&mut *flushing.borrow_mut());
                if again {
                    kick.dispatch(());
                }
            });
        });
    }
    {
        let kick = kick.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "online", move |_| kick.dispatch(()));
            move || drop(listener)
        });
    }
    let enqueue = {
        let kick = kick.clone();
        let pending = pending.clone();
        yew::Callback::from(move |judgment: Judgment| {
            let Some(url) = submit_url.clone() else { return };
            let kick = kick.clone();
            let pending = pending.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(outbox) = Outbox::open().await {
                    if outbox.enqueue(&url, &judgment, super::browser::now_ms()).await.is_ok() {
                        pending.set(Some(outbox.len().await.unwrap_or(0)));
                        kick.dispatch(());
                    }
                }
            });
        })
    };
    Uploads { pending: *pending, last_error: (*last_error).clone(), enqueue }
}

/// A counter whose every increment asks the outbox to flush (a reducer, so stale closures still count up).
#[derive(PartialEq)]
struct Kick(u32);

impl yew::Reducible for Kick {
    type Action = ();

    fn reduce(self: std::rc::Rc<Self>, (): ()) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Kick(self.0.wrapping_add(1)))
    }
}
