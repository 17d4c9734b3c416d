//! The iframe side of the `verdict-embed@1` protocol: listen to allowed origins, post events.
//!
//! What a message means is decided in `verdict_core::embed`; this file only moves messages
//! between `postMessage` and Rust values. Messages from origins outside the configured
//! allow-list are dropped without an answer.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde_json::Value;
use verdict_core::embed::{parse_parent_message, ChildMessage, PageConfig, ParentMessage};
use wasm_bindgen::JsCast;
use yew::Callback;

/// Talks to the embedding page.
#[derive(Debug)]
pub struct EmbedBridge {
    config: Rc<PageConfig>,
    /// The origin that sent the last valid message; answers and events go only there.
    peer: RefCell<Option<String>>,
}

impl PartialEq for EmbedBridge {
    /// One bridge per page: identity is equality.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl EmbedBridge {
    /// A bridge for `config`'s allow-list (`None` when the page is not embeddable or not framed).
    pub fn new(config: Rc<PageConfig>) -> Option<Rc<EmbedBridge>> {
        let window = web_sys::window()?;
        let framed = window.parent().ok().flatten().is_some_and(|parent| !js_sys::Object::is(&parent, &window));
        (framed && !config.allowed_origins.is_empty()).then(|| Rc::new(EmbedBridge { config, peer: RefCell::new(None) }))
    }

    /// Posts `message` to the peer, or (before any peer spoke) to each allowed origin —
    /// `postMessage`'s target origin makes the browser drop it unless the parent is that origin.
    pub fn post(&self, message: &ChildMessage) {
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
        let Ok(data) = js_sys::JSON::parse(&message.to_value().to_string()) else { return };
        let targets: Vec<String> = match &*self.peer.borrow() {
            Some(peer) => vec![peer.clone()],
            None => self.config.allowed_origins.clone(),
        };
        for origin in targets {
            let _ = parent.post_message(&data, &origin);
        }
    }

    /// Listens for parent messages; valid ones go to `on_message`, invalid ones are answered with an error.
    pub fn listen(self: &Rc<Self>, on_message: Callback<ParentMessage>) -> EventListener {
        let bridge = self.clone();
        EventListener::new(&gloo::utils::window(), "message", move |event| {
            let event: &web_sys::MessageEvent = event.unchecked_ref();
            let origin = event.origin();
            if !bridge.config.allows(&origin) {
                return; // Not heard, not answered.
            }
            let data = js_sys::JSON::stringify(&event.data()).ok().and_then(|s| s.as_string()).unwrap_or_default();
            let value: Value = serde_json::from_str(&data).unwrap_or(Value::Null);
            *bridge.peer.borrow_mut() = Some(origin);
            match parse_parent_message(&value) {
                Ok(message) => on_message.emit(message),
                Err(message) => bridge.post(&ChildMessage::Error { message, id: value.get("id").cloned() }),
            }
        })
    }
}
