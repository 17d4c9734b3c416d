//! The JS API: `mount(element, options)`, for portals that embed Verdict without an iframe.
//!
//! ```js
//! import init, { mount } from './verdict.js';
//! await init();
//! await mount(document.getElementById('rate'), { tasks, rubric, annotator: 'ann-1', onJudgment: (j) => … });
//! ```
//! `tasks` is JSONL text or an array of task objects; `rubric` a rubric object or JSON text.
//! `mount` returns a promise: it resolves once the evaluation is open and shown, and rejects with
//! an `Error` whose message says what is wrong (a bad option, a task file that cannot be opened).
//! A rejected mount leaves nothing behind and other mounts on the page keep working: nothing
//! here panics or lets a JavaScript exception run through the wasm module.
//! Types: `verdict.d.ts`. The host page needs `<meta name="verdict-mount" content="manual">`.

use std::rc::Rc;

use js_sys::{Function, Reflect, JSON};
use verdict_core::Judgment;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::rating::RatingPage;
use crate::state::browser::js_error_text;
use crate::state::loader::{self, Opened, Source};
use crate::state::store::SavedFiles;

/// Mounts a rating workspace in `element`; resolves when it shows the evaluation, rejects with a
/// readable `Error` (naming the bad option) otherwise.
// Exported by the rating bundle and the analysis module, not by the workspace's shell (it would
// carry the rating app into its first paint).
#[cfg_attr(any(not(feature = "workspace"), feature = "quality"), wasm_bindgen)]
pub async fn mount(element: JsValue, options: JsValue) -> Result<(), JsValue> {
    let (element, source, on_judgment) = read_options(element, &options).map_err(|message| JsError::new(&message))?;
    MOUNTED.with(|m| m.set(true));
    let lang = Reflect::get(&options, &"lang".into()).ok().and_then(|v| v.as_string());
    crate::i18n::activate(crate::i18n::negotiate(lang.as_deref())).await;
    let opened = loader::open(source)
        .await
        .map_err(|errors| JsError::new(&format!("Verdict could not open the evaluation: {}", errors.join("; "))))?;
    let props = MountedProps { opened: Rc::new(opened), on_judgment: on_judgment.map(Rc::new) };
    let children = html! { <Mounted ..props /> };
    yew::Renderer::<crate::i18n::Localized>::with_root_and_props(element, crate::i18n::root::LocalizedProps { children }).render();
    Ok(())
}

thread_local! {
    static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True once a host page has mounted Verdict through [`mount`] (Verdict then leaves the host's
/// `<html lang dir>` alone and scopes its language to its own root element).
pub fn is_mounted() -> bool {
    MOUNTED.with(std::cell::Cell::get)
}

/// The folder Verdict's files are served from, when a host page links `verdict.css` (the
/// interface catalogs `i18n/*.ftl` lie beside it); `None` on Verdict's own pages (relative URLs).
pub fn asset_base() -> Option<String> {
    if !is_mounted() {
        return None;
    }
    let link = gloo::utils::document().query_selector("link[rel=stylesheet][href$='verdict.css']").ok().flatten()?;
    let href = link.unchecked_into::<web_sys::HtmlLinkElement>().href();
    href.rsplit_once('/').map(|(base, _)| format!("{base}/"))
}

/// Checks `mount`'s arguments, naming the first problem in a sentence.
fn read_options(element: JsValue, options: &JsValue) -> Result<(web_sys::Element, Source, Option<Function>), String> {
    let element = element.dyn_into::<web_sys::Element>().map_err(|_| {
        "Verdict could not mount: the first argument must be a page element, e.g. document.getElementById('rate').".to_owned()
    })?;
    if !options.is_object() {
        return Err("Verdict could not mount: the second argument must be an options object with tasks and annotator.".into());
    }
    let get = |name: &str| {
        Reflect::get(options, &name.into()).map_err(|e| format!("Verdict could not read options.{name}: {}", js_error_text(&e)))
    };
    let tasks = match get("tasks")? {
        value if value.is_string() => value.as_string().unwrap_or_default(),
        value if js_sys::Array::is_array(&value) => js_sys::Array::from(&value)
            .iter()
            .map(|task| JSON::stringify(&task).map(|s| String::from(s) + "\n"))
            .collect::<Result<String, _>>()
            .map_err(|e| format!("Verdict could not mount: options.tasks could not be read as JSON ({}).", js_error_text(&e)))?,
        _ => return Err("Verdict could not mount: options.tasks must be JSONL text or an array of tasks.".into()),
    };
    let rubric = match get("rubric")? {
        value if value.is_undefined() || value.is_null() => String::new(),
        value if value.is_string() => value.as_string().unwrap_or_default(),
        value => JSON::stringify(&value)
            .map(String::from)
            .map_err(|e| format!("Verdict could not mount: options.rubric could not be read as JSON ({}).", js_error_text(&e)))?,
    };
    let annotator = get("annotator")?.as_string().filter(|a| !a.trim().is_empty());
    let Some(annotator) = annotator else {
        return Err("Verdict could not mount: options.annotator must be a non-empty string.".into());
    };
    let group = get("group")?.as_string();
    let on_judgment = match get("onJudgment")? {
        value if value.is_undefined() || value.is_null() => None,
        value => {
            Some(value.dyn_into::<Function>().map_err(|_| "Verdict could not mount: options.onJudgment must be a function.".to_owned())?)
        }
    };
    let files = SavedFiles { tasks_name: "tasks".into(), tasks_text: tasks, rubric_name: "rubric".into(), rubric_text: rubric };
    Ok((element, Source { files, annotator, group }, on_judgment))
}

/// Props of [`Mounted`].
#[derive(Properties, Clone)]
pub struct MountedProps {
    /// The opened evaluation.
    pub opened: Rc<Opened>,
    /// Called with each saved judgment (as a plain object).
    pub on_judgment: Option<Rc<Function>>,
}

impl PartialEq for MountedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.opened, &other.opened)
    }
}

/// A rating workspace on an evaluation opened from in-memory files (it cannot be switched).
#[function_component(Mounted)]
pub fn mounted(props: &MountedProps) -> Html {
    let on_saved = {
        let callback = props.on_judgment.clone();
        Callback::from(move |(judgment, _, _): (Judgment, usize, usize)| {
            if let (Some(callback), Ok(value)) = (&callback, JSON::parse(&judgment.to_json_line())) {
                // The host's callback may throw; that is the host's error, not a reason to stop rating.
                let _ = callback.call1(&JsValue::NULL, &value);
            }
        })
    };
    html! { <RatingPage opened={props.opened.clone()} {on_saved} /> }
}
