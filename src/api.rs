//! The JS API: `mount(element, options)`, for portals that embed Verdict without an iframe.
//!
//! ```js
//! import init, { mount } from './verdict.js';
//! await init();
//! mount(document.getElementById('rate'), { tasks, rubric, annotator: 'ann-1', onJudgment: (j) => … });
//! ```
//! `tasks` is JSONL text or an array of task objects; `rubric` a rubric object or JSON text.
//! Types: `verdict.d.ts`. The host page needs `<meta name="verdict-mount" content="manual">`.

use std::rc::Rc;

use js_sys::{Function, Reflect, JSON};
use verdict_core::Judgment;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::rating::RatingPage;
use crate::state::loader::{self, Opened, Source};
use crate::state::store::SavedFiles;

/// Mounts a rating workspace in `element`. Throws a `TypeError`-like error naming the bad option.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<(), JsValue> {
    let tasks = match Reflect::get(&options, &"tasks".into())? {
        value if value.is_string() => value.as_string().unwrap_or_default(),
        value if js_sys::Array::is_array(&value) => js_sys::Array::from(&value)
            .iter()
            .map(|task| JSON::stringify(&task).map(|s| String::from(s) + "\n"))
            .collect::<Result<String, _>>()?,
        _ => return Err(JsError::new("mount: options.tasks must be JSONL text or an array of tasks").into()),
    };
    let rubric = match Reflect::get(&options, &"rubric".into())? {
        value if value.is_undefined() || value.is_null() => String::new(),
        value if value.is_string() => value.as_string().unwrap_or_default(),
        value => String::from(JSON::stringify(&value)?),
    };
    let annotator = Reflect::get(&options, &"annotator".into())?.as_string().filter(|a| !a.trim().is_empty());
    let Some(annotator) = annotator else {
        return Err(JsError::new("mount: options.annotator must be a non-empty string").into());
    };
    let group = Reflect::get(&options, &"group".into())?.as_string();
    let on_judgment = Reflect::get(&options, &"onJudgment".into())?.dyn_into::<Function>().ok();
    let files = SavedFiles { tasks_name: "tasks".into(), tasks_text: tasks, rubric_name: "rubric".into(), rubric_text: rubric };
    let props = MountedProps { source: Rc::new(Source { files, annotator, group }), on_judgment: on_judgment.map(Rc::new) };
    yew::Renderer::<Mounted>::with_root_and_props(element, props).render();
    Ok(())
}

/// Props of [`Mounted`].
#[derive(Properties, Clone)]
pub struct MountedProps {
    /// The evaluation to open.
    pub source: Rc<Source>,
    /// Called with each saved judgment (as a plain object).
    pub on_judgment: Option<Rc<Function>>,
}

impl PartialEq for MountedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.source, &other.source)
    }
}

/// A rating workspace opened from in-memory files.
#[function_component(Mounted)]
pub fn mounted(props: &MountedProps) -> Html {
    let opened = use_state(|| None::<Result<Rc<Opened>, Vec<String>>>);
    {
        let (opened, source) = (opened.clone(), (*props.source).clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { opened.set(Some(loader::open(source).await.map(Rc::new))) });
        });
    }
    let on_saved = {
        let callback = props.on_judgment.clone();
        Callback::from(move |(judgment, _, _): (Judgment, usize, usize)| {
            if let (Some(callback), Ok(value)) = (&callback, JSON::parse(&judgment.to_json_line())) {
                let _ = callback.call1(&JsValue::NULL, &value);
            }
        })
    };
    match &*opened {
        None => html! { <p class="opening">{ "Opening…" }</p> },
        Some(Err(errors)) => html! {
            <section class="errors" role="alert"><ul>{ for errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul></section>
        },
        Some(Ok(opened)) => html! { <RatingPage opened={opened.clone()} on_close={Callback::noop()} {on_saved} /> },
    }
}
