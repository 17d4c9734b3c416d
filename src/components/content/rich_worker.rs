//! The page's side of the rich-content worker (`www/rich-worker.js`, module `src/bin/rich.rs`):
//! LaTeX → MathML, code highlighting and the word diff run there, so their code is downloaded
//! only when an item has such parts and never weighs on the rating page's first paint.
//!
//! One worker per page, started on the first request; answers come back by request id. Until an
//! answer arrives (or if the worker cannot start), components show a plain fallback: the code
//! unhighlighted (indentation kept), the LaTeX source.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

type Reply = Box<dyn FnOnce(Option<JsValue>)>;

struct Client {
    worker: web_sys::Worker,
    pending: Rc<RefCell<Vec<(u32, Reply)>>>,
    next: Cell<u32>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

fn client() -> Option<Rc<Client>> {
    CLIENT.with(|slot| {
        if let Some(client) = slot.borrow().as_ref() {
            return Some(client.clone());
        }
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let url = crate::api::asset_base().unwrap_or_default() + "rich-worker.js";
        let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
        let pending: Rc<RefCell<Vec<(u32, Reply)>>> = Rc::default();
        let on_message = {
            let pending = pending.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let Some(id) = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()) else { return };
                let reply = take(&pending, id as u32);
                if let Some(reply) = reply {
                    reply(Reflect::get(&data, &"result".into()).ok().filter(|v| !v.is_undefined()));
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let client = Rc::new(Client { worker, pending, next: Cell::new(0), _on_message: on_message });
        *slot.borrow_mut() = Some(client.clone());
        Some(client)
    })
}

/// The reply waiting for answer `id`, taken out of the list.
fn take(pending: &RefCell<Vec<(u32, Reply)>>, id: u32) -> Option<Reply> {
    let mut pending = pending.borrow_mut();
    let at = pending.iter().position(|(waiting, _)| *waiting == id)?;
    Some(pending.swap_remove(at).1)
}

/// Asks the worker for `kind` (`math`, `code`, `diff`) of `a` and `b`; `reply` gets the answer,
/// or `None` when the worker cannot start or failed.
fn request(kind: &str, a: &str, b: &str, reply: impl FnOnce(Option<JsValue>) + 'static) {
    let Some(client) = client() else { return reply(None) };
    let id = client.next.get();
    client.next.set(id.wrapping_add(1));
    client.pending.borrow_mut().push((id, Box::new(reply)));
    let message = Object::new();
    for (key, value) in [("id", JsValue::from(id)), ("kind", kind.into()), ("a", a.into()), ("b", b.into())] {
        let _ = Reflect::set(&message, &key.into(), &value);
    }
    if client.worker.post_message(&message).is_err() {
        if let Some(reply) = take(&client.pending, id) {
            reply(None);
        }
    }
}

/// One answer kept for the page: `value` is `None` while asked (or when the worker failed).
struct Answer {
    kind: &'static str,
    a: String,
    b: String,
    value: Option<JsValue>,
}

/// Answers kept at most; the list starts over beyond (the current item's parts are asked again).
const MAX_ANSWERS: usize = 256;

thread_local! {
    static ANSWERS: RefCell<Vec<Answer>> = const { RefCell::new(Vec::new()) };
    static VERSION: Cell<u32> = const { Cell::new(0) };
    static ON_ANSWER: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// The worker's answer for (`kind`, `a`, `b`) if it has come; the first call asks for it, and the
/// component of [`use_rich_answers`] re-renders when it arrives.
pub fn rich_answer(kind: &'static str, a: &str, b: &str) -> Option<JsValue> {
    let found = ANSWERS.with(|all| all.borrow().iter().find(|x| x.kind == kind && x.a == a && x.b == b).map(|x| x.value.clone()));
    if let Some(value) = found {
        return value;
    }
    ANSWERS.with(|all| {
        let mut all = all.borrow_mut();
        if all.len() >= MAX_ANSWERS {
            all.clear();
        }
        all.push(Answer { kind, a: a.to_owned(), b: b.to_owned(), value: None });
    });
    let (asked_a, asked_b) = (a.to_owned(), b.to_owned());
    request(kind, a, b, move |value| {
        ANSWERS.with(|all| {
            if let Some(answer) = all.borrow_mut().iter_mut().find(|x| x.kind == kind && x.a == asked_a && x.b == asked_b) {
                answer.value = value;
            }
        });
        VERSION.with(|v| v.set(v.get().wrapping_add(1)));
        let callback = ON_ANSWER.with(|c| c.borrow().clone());
        if let Some(callback) = callback {
            callback.emit(());
        }
    });
    None
}

/// Counts the worker's answers so far (a prop that changes when one arrives).
pub fn rich_version() -> u32 {
    VERSION.with(Cell::get)
}

/// Re-renders the calling component when the worker answers; returns [`rich_version`].
#[hook]
pub fn use_rich_answers() -> u32 {
    let update = use_force_update();
    ON_ANSWER.with(|c| *c.borrow_mut() = Some(Callback::from(move |()| update.force_update())));
    rich_version()
}

/// The (kind, text) pairs of a flat `[kind, text, kind, text, …]` answer, after `skip` leading values.
pub fn pairs(answer: &JsValue, skip: u32) -> Vec<(u32, String)> {
    let Some(array) = answer.dyn_ref::<Array>() else { return Vec::new() };
    (skip..array.length().saturating_sub(1))
        .step_by(2)
        .map(|i| (array.get(i).as_f64().unwrap_or(0.0) as u32, array.get(i + 1).as_string().unwrap_or_default()))
        .collect()
}

/// MathML elements the converter writes (anything else is dropped with its content kept as text).
const MATHML_TAGS: &[&str] = &[
    "math",
    "mrow",
    "mi",
    "mn",
    "mo",
    "mtext",
    "mfrac",
    "msqrt",
    "mroot",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mspace",
    "merror",
    "mstyle",
];
/// Attributes the converter writes.
const MATHML_ATTRS: &[&str] = &["alttext", "display", "mathvariant", "linethickness", "stretchy", "accent", "width"];

/// A MathML answer (`[tag, [[name, value], …], child, …]`, text as strings) as DOM, element by
/// element, keeping only the converter's own tags and attributes.
pub fn math_html(node: &JsValue) -> Html {
    if let Some(text) = node.as_string() {
        return Html::from(VText::new(text));
    }
    let Some(array) = node.dyn_ref::<Array>() else { return Html::default() };
    let tag = array.get(0).as_string().unwrap_or_default();
    let children = (2..array.length()).map(|i| math_html(&array.get(i)));
    let Some(tag) = MATHML_TAGS.iter().find(|t| **t == tag) else { return html! { <>{ for children }</> } };
    let mut element = VTag::new(*tag);
    if let Some(attrs) = array.get(1).dyn_ref::<Array>() {
        for attr in attrs.iter() {
            let Some(pair) = attr.dyn_ref::<Array>() else { continue };
            let name = pair.get(0).as_string().unwrap_or_default();
            if let (Some(name), Some(value)) = (MATHML_ATTRS.iter().find(|a| **a == name), pair.get(1).as_string()) {
                element.add_attribute(name, value);
            }
        }
    }
    element.add_children(children);
    element.into()
}
