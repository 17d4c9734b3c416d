//! Small browser effects: clock, URL parameters, localStorage, downloads, clipboard.

use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript error as a sentence for people: an `Error`'s or `DOMException`'s message, a
/// thrown string as is; never a dump of the value.
pub fn js_error_text(value: &JsValue) -> String {
    if let Some(exception) = value.dyn_ref::<web_sys::DomException>() {
        let message = exception.message();
        return match exception.name().as_str() {
            "QuotaExceededError" => "The browser's storage for this site is full.".to_owned(),
            _ if message.is_empty() => format!("The browser reported {}.", exception.name()),
            _ => sentence(&message),
        };
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return sentence(&String::from(error.message()));
    }
    match value.as_string() {
        Some(text) if !text.trim().is_empty() => sentence(&text),
        _ => "Something in the browser went wrong without saying what.".to_owned(),
    }
}

/// `text` with a capital first letter and a closing full stop.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    // ASCII case only: Unicode case tables would add 25 KB to the rating bundle for browser
    // messages that are English in practice.
    let mut out: String = chars.next().map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The value of URL query parameter `name`.
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name).filter(|v| !v.is_empty())
}

/// Reads a localStorage entry.
pub fn local_get(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Writes a localStorage entry (best effort: private modes may refuse).
pub fn local_set(key: &str, value: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a localStorage entry.
pub fn local_remove(key: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.remove_item(key);
    }
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_error_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("This page has no document.")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| js_error_text(&e))?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard; resolves to an error message if the browser refuses.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().ok_or("This page has no window.")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|e| js_error_text(&e))
}
