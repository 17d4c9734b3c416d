//! The page's side of the rich-content module (`www/rich-page.js`, module `src/bin/rich.rs`):
//! Markdown, LaTeX → MathML, code highlighting and the word diff run there, so their code is not
//! part of the rating page's first paint. The app asks for the module right after its first paint
//! ([`load`]); until it is ready (or if it cannot load), components show a plain fallback: the
//! text as it is, the code unhighlighted (indentation kept), the LaTeX source.

use std::cell::Cell;

use gloo::events::EventListener;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
    static SETTLED: Cell<bool> = const { Cell::new(false) };
}

/// Adds `rich-page.js` to the page once: it loads the module and announces `verdict-rich-ready`
/// (announced here too if the script itself cannot load, so nobody waits forever).
pub fn load() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let window = gloo::utils::window();
    EventListener::once(&window, READY, |_| SETTLED.with(|settled| settled.set(true))).forget();
    let document = gloo::utils::document();
    let Ok(script) = document.create_element("script") else { return };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &(crate::api::asset_base().unwrap_or_default() + "rich-page.js"));
    EventListener::once(&script, "error", move |_| {
        if let Ok(event) = web_sys::Event::new(READY) {
            let _ = window.dispatch_event(&event);
        }
    })
    .forget();
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// The event `rich-page.js` sends once the module is ready or failed to load.
const READY: &str = "verdict-rich-ready";

/// The module, once loaded.
fn module() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"verdictRich".into()).ok().filter(|m| m.is_object())
}

/// Resolves once the module is ready or failed to load (the app waits for it before showing the
/// first item, so that item's Markdown is formatted from the start).
pub async fn settled() {
    load();
    if module().is_some() || SETTLED.with(Cell::get) {
        return;
    }
    let promise = Promise::new(&mut |resolve, _| {
        EventListener::once(&gloo::utils::window(), READY, move |_| drop(resolve.call0(&JsValue::NULL))).forget();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls the module's function `name`, or asks for the module and returns `None` while it loads.
fn call(name: &str, args: &Array) -> Option<JsValue> {
    let Some(module) = module() else {
        load();
        return None;
    };
    let function = Reflect::get(&module, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    function.apply(&JsValue::NULL, args).ok()
}

/// Untrusted Markdown as an array of safe nodes (see [`tree_html`]).
pub fn rich_markdown(source: &str) -> Option<JsValue> {
    call("rich_markdown", &Array::of1(&source.into()))
}

/// LaTeX as a MathML node.
pub fn rich_math(latex: &str) -> Option<JsValue> {
    call("rich_math", &Array::of2(&latex.into(), &true.into()))
}

/// Code highlighted: `[kind, text, …]`.
pub fn rich_highlight(code: &str, language: &str) -> Option<JsValue> {
    call("rich_highlight", &Array::of2(&code.into(), &language.into()))
}

/// The word diff of two texts: `[truncated, change, text, …]`.
pub fn rich_diff(first: &str, second: &str) -> Option<JsValue> {
    call("rich_diff", &Array::of2(&first.into(), &second.into()))
}

/// Re-renders the calling component once the module is ready (or failed to load); returns whether
/// it is ready now.
#[hook]
pub fn use_rich_ready() -> bool {
    let update = use_force_update();
    let ready = module().is_some();
    use_effect_with(ready, move |ready| {
        let listener = (!ready).then(|| {
            load();
            EventListener::once(&gloo::utils::window(), READY, move |_| update.force_update())
        });
        move || drop(listener)
    });
    ready
}

/// The (kind, text) pairs of a flat `[kind, text, kind, text, …]` answer, after `skip` leading values.
pub fn pairs(answer: &JsValue, skip: u32) -> Vec<(u32, String)> {
    let Some(array) = answer.dyn_ref::<Array>() else { return Vec::new() };
    (skip..array.length().saturating_sub(1))
        .step_by(2)
        .map(|i| (array.get(i).as_f64().unwrap_or(0.0) as u32, array.get(i + 1).as_string().unwrap_or_default()))
        .collect()
}

/// Elements the module writes: core's Markdown tags and the MathML converter's (anything else is
/// dropped with its content kept).
const TAGS: &[&str] = &[
    "p",
    "blockquote",
    "pre",
    "code",
    "ol",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "em",
    "strong",
    "del",
    "a",
    "span",
    "br",
    "hr",
    "input",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
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
/// Attributes the module writes (`href` only when http(s) or mailto, as core's `safe_href` makes them).
const ATTRS: &[&str] = &[
    "class",
    "start",
    "href",
    "target",
    "rel",
    "type",
    "disabled",
    "checked",
    "alttext",
    "display",
    "mathvariant",
    "linethickness",
    "stretchy",
    "accent",
    "width",
];

/// A node of the module's answer (`[tag, [[name, value], …], child, …]`, text as strings) as DOM,
/// element by element, keeping only the allow-listed tags and attributes.
pub fn tree_html(node: &JsValue) -> Html {
    if let Some(text) = node.as_string() {
        return Html::from(VText::new(text));
    }
    let Some(array) = node.dyn_ref::<Array>() else { return Html::default() };
    let tag = array.get(0).as_string().unwrap_or_default();
    let children = (2..array.length()).map(|i| tree_html(&array.get(i)));
    let Some(tag) = TAGS.iter().find(|t| **t == tag) else { return html! { <>{ for children }</> } };
    let mut element = VTag::new(*tag);
    if let Some(attrs) = array.get(1).dyn_ref::<Array>() {
        for attr in attrs.iter() {
            let Some(pair) = attr.dyn_ref::<Array>() else { continue };
            let name = pair.get(0).as_string().unwrap_or_default();
            let (Some(name), Some(value)) = (ATTRS.iter().find(|a| **a == name), pair.get(1).as_string()) else { continue };
            let lower = value.get(..8).unwrap_or(&value).to_ascii_lowercase();
            if *name == "href" && !["https://", "http://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme)) {
                continue;
            }
            element.add_attribute(name, value);
        }
    }
    element.add_children(children);
    element.into()
}
