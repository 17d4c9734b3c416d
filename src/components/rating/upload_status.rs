//! Upload status for the top bar: queued / sent / refused counts, and the refused judgments
//! with the server's message, a retry button each and an export of them.

use yew::prelude::*;

use crate::state::outbox::{Counts, Entry};
use crate::t;

/// Props of [`UploadStatus`].
#[derive(Properties, PartialEq)]
pub struct UploadStatusProps {
    /// Counts by state (`None` until first read).
    pub counts: Option<Counts>,
    /// Judgments the server refused.
    pub parked: Vec<Entry>,
    /// Why the last send failed, while judgments wait.
    #[prop_or_default]
    pub last_error: Option<String>,
    /// Retry one refused judgment (by outbox key).
    pub on_retry: Callback<String>,
    /// Export the refused judgments as JSONL.
    pub on_export: Callback<()>,
}

/// The outbox as the rater sees it.
#[function_component(UploadStatus)]
pub fn upload_status(props: &UploadStatusProps) -> Html {
    let Some(counts) = &props.counts else {
        return html! { <span class="uploads" role="status">{ t!("uploads-checking") }</span> };
    };
    let waiting = counts.queued > 0 || counts.parked > 0;
    let text = t!("uploads-counts", queued = counts.queued, sent = counts.sent, failed = counts.parked);
    html! {
        <>
            <span class={classes!("uploads", waiting.then_some("waiting"))} role="status" aria-label={t!("uploads-label")}
                  title={props.last_error.clone().unwrap_or_default()}>{ text }</span>
            if let Some(error) = props.last_error.clone().filter(|_| counts.queued > 0) {
                <span class="uploads waiting small">{ t!("uploads-waiting", error = error) }</span>
            }
            if !props.parked.is_empty() {
                <details class="parked" role="alert">
                    <summary>{ t!("uploads-refused", count = props.parked.len()) }</summary>
                    <ul aria-label={t!("uploads-refused-list")}>
                        { for props.parked.iter().map(|entry| {
                            let key = entry.key.clone();
                            let on_retry = props.on_retry.reform(move |_: MouseEvent| key.clone());
                            html! {
                                <li>
                                    <strong>{ t!("uploads-item", id = &entry.item_id) }</strong>{ ": " }
                                    <span>{ entry.error.clone().unwrap_or_default() }</span>{ " " }
                                    <button onclick={on_retry} aria-label={t!("uploads-retry-item", id = &entry.item_id)}>{ t!("uploads-retry") }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <button onclick={props.on_export.reform(|_: MouseEvent| ())}>{ t!("uploads-export-refused") }</button>
                </details>
            }
        </>
    }
}
