//! Adjudications in IndexedDB (database `verdict-quality`), keyed by item id: one final answer
//! per item; saving again replaces it.

use js_sys::Array;
use verdict_core::adjudication::Adjudication;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::store::{await_request, await_transaction, open_database, Result};

const ADJUDICATIONS: &str = "adjudications";

/// The adjudication store.
#[derive(Clone, Debug)]
pub struct AdjudicationStore {
    db: IdbDatabase,
}

impl AdjudicationStore {
    /// Opens the store.
    pub async fn open() -> Result<AdjudicationStore> {
        Ok(AdjudicationStore { db: open_database("verdict-quality", 1, &[ADJUDICATIONS]).await? })
    }

    /// Saves (or replaces) the adjudication of its item; resolves when durable.
    pub async fn put(&self, adjudication: &Adjudication) -> Result<()> {
        let transaction = self.db.transaction_with_str_and_mode(ADJUDICATIONS, IdbTransactionMode::Readwrite)?;
        let store = transaction.object_store(ADJUDICATIONS)?;
        store.put_with_key(&JsValue::from_str(&adjudication.to_json_line()), &adjudication.item_id.as_str().into())?;
        await_transaction(&transaction).await
    }

    /// Every saved adjudication, by item id.
    pub async fn all(&self) -> Result<Vec<Adjudication>> {
        let transaction = self.db.transaction_with_str(ADJUDICATIONS)?;
        let values = await_request(&transaction.object_store(ADJUDICATIONS)?.get_all()?).await?;
        Ok(Array::from(&values).iter().filter_map(|v| serde_json::from_str(&v.as_string()?).ok()).collect())
    }
}
