//! The hand-over from the workspace's shell (the first paint: header and files card) to the
//! analysis module (`verdict-quality`: every view and the worker's functions), which the shell
//! imports only when the lead asks for something: Analyse, the demo or a planning tool.
//!
//! The shell sends `{judgments: [{name, file?, url?}], tasks?, rubric?, action}` (`action`:
//! `analyse`, `demo`, `campaign`, `size` or `audit`) to the module's `mount_workspace`, which
//! mounts the whole workspace with those files and takes the action; the shell removes itself
//! just before (its `before` callback), so the page never shows both.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::frame::{Inputs, Planning};
use crate::state::sources::{FileSource, NamedSource};

/// What the lead asked the shell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartAction {
    /// Analyse the chosen files.
    Analyse,
    /// Analyse the MT-Bench demo.
    Demo,
    /// Open a planning tool.
    Planning(Planning),
}

/// The shell's request: the files chosen so far and the action.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The files chosen.
    pub inputs: Inputs,
    /// What was clicked.
    pub action: StartAction,
}

impl StartAction {
    fn name(self) -> &'static str {
        match self {
            StartAction::Analyse => "analyse",
            StartAction::Demo => "demo",
            StartAction::Planning(Planning::Campaign) => "campaign",
            StartAction::Planning(Planning::SampleSize) => "size",
            StartAction::Planning(Planning::Audit) => "audit",
        }
    }

    fn from_name(name: &str) -> StartAction {
        match name {
            "demo" => StartAction::Demo,
            "campaign" => StartAction::Planning(Planning::Campaign),
            "size" => StartAction::Planning(Planning::SampleSize),
            "audit" => StartAction::Planning(Planning::Audit),
            _ => StartAction::Analyse,
        }
    }
}

fn source_to_js(source: &NamedSource) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"name".into(), &source.name.as_str().into());
    let _ = match &source.source {
        FileSource::File(file) => Reflect::set(&object, &"file".into(), file),
        FileSource::Url(url) => Reflect::set(&object, &"url".into(), &url.as_str().into()),
    };
    object.into()
}

fn source_from_js(value: &JsValue) -> Option<NamedSource> {
    let name = Reflect::get(value, &"name".into()).ok()?.as_string()?;
    let file = Reflect::get(value, &"file".into()).ok().filter(|f| !f.is_undefined());
    let source = match file {
        Some(file) => FileSource::File(file.dyn_into().ok()?),
        None => FileSource::Url(Reflect::get(value, &"url".into()).ok()?.as_string()?),
    };
    Some(NamedSource { name, source })
}

impl Start {
    /// As the message the module reads.
    pub fn to_js(&self) -> JsValue {
        let object = Object::new();
        let judgments: Array = self.inputs.judgments.iter().map(source_to_js).collect();
        let _ = Reflect::set(&object, &"judgments".into(), &judgments);
        for (key, source) in [("tasks", &self.inputs.tasks), ("rubric", &self.inputs.rubric)] {
            if let Some(source) = source {
                let _ = Reflect::set(&object, &key.into(), &source_to_js(source));
            }
        }
        let _ = Reflect::set(&object, &"action".into(), &self.action.name().into());
        object.into()
    }

    /// Read back from [`Start::to_js`]'s message (what does not read is left out).
    pub fn from_js(value: &JsValue) -> Start {
        let get = |key: &str| Reflect::get(value, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
        let judgments = get("judgments")
            .map(|v| Array::from(&v))
            .map(|list| list.iter().filter_map(|v| source_from_js(&v)).collect())
            .unwrap_or_default();
        let inputs = Inputs {
            judgments,
            tasks: get("tasks").and_then(|v| source_from_js(&v)),
            rubric: get("rubric").and_then(|v| source_from_js(&v)),
        };
        let action = StartAction::from_name(&get("action").and_then(|v| v.as_string()).unwrap_or_default());
        Start { inputs, action }
    }
}

#[wasm_bindgen(inline_js = "export function load_workspace(start, before) {
  const meta = document.createElement('meta');
  meta.name = 'verdict-mount';
  meta.content = 'manual';
  document.head.append(meta);
  return import(new URL('./verdict-quality.js', document.baseURI).href)
    .then(async (module) => { await module.default(); return module.mount_workspace(start, before); });
}")]
extern "C" {
    /// Imports the analysis module (telling it not to mount its own app), then mounts the
    /// workspace with `start`; `before` runs just before it shows.
    #[wasm_bindgen(catch)]
    fn load_workspace(start: &JsValue, before: &js_sys::Function) -> Result<js_sys::Promise, JsValue>;
}

/// Loads the analysis module and hands `start` to it; `before` removes the shell. An error says
/// why the module could not load.
pub async fn hand_over(start: &Start, before: &js_sys::Function) -> Result<(), String> {
    let promise = load_workspace(&start.to_js(), before).map_err(|e| crate::state::browser::js_error_text(&e))?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| crate::state::browser::js_error_text(&e))
}

/// Mounts the whole workspace on `<body>` with the shell's request (the analysis module's side
/// of [`hand_over`]); `before` (the shell's removal) runs once the interface language is ready.
#[cfg(feature = "quality")]
#[wasm_bindgen]
pub async fn mount_workspace(start: JsValue, before: js_sys::Function) -> Result<(), JsValue> {
    crate::i18n::activate(crate::i18n::negotiate(None)).await;
    let start = std::rc::Rc::new(Start::from_js(&start));
    before.call0(&JsValue::NULL)?;
    let children = yew::html! { <super::QualityApp start={Some(start)} /> };
    yew::Renderer::<crate::i18n::Localized>::with_root_and_props(
        gloo::utils::body().into(),
        crate::i18n::root::LocalizedProps { children },
    )
    .render();
    Ok(())
}
