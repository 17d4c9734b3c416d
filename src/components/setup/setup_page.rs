//! Choose an evaluation (demo, files, drag-and-drop) and enter the annotator id once.

use yew::prelude::*;

use crate::state::loader::{read_file, Demo, DEMOS};
use crate::state::store::SavedFiles;
use crate::t;

/// What the user asked to open.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenRequest {
    /// Fetch these URLs (a demo, or `?tasks=&rubric=`).
    Urls {
        /// Task file URL.
        tasks: String,
        /// Rubric URL, if any.
        rubric: Option<String>,
        /// Annotator id.
        annotator: String,
    },
    /// A task file the user picked or dropped (read in pieces when opened), and the rubric's
    /// (name, text) (empty text: the default rubric).
    TaskFile {
        /// The task file.
        file: web_sys::File,
        /// The rubric's name and text.
        rubric: (String, String),
        /// Annotator id.
        annotator: String,
    },
    /// Files given as texts (by the host page).
    Files {
        /// Their texts.
        files: SavedFiles,
        /// Annotator id.
        annotator: String,
    },
}

/// Props of [`SetupPage`].
#[derive(Properties, PartialEq)]
pub struct SetupPageProps {
    /// The annotator id to start with.
    pub annotator: AttrValue,
    /// Problems from the last attempt to open, as `file:line: field: problem`.
    pub errors: Vec<String>,
    /// An evaluation is being opened.
    pub busy: bool,
    /// Task and rubric URLs given by the link or configuration, waiting for an annotator id.
    #[prop_or_default]
    pub linked: Option<(String, Option<String>)>,
    /// Open an evaluation.
    pub on_open: Callback<OpenRequest>,
    /// Open the quality workspace.
    #[prop_or_default]
    pub on_quality: Callback<()>,
}

#[derive(Clone, Default, PartialEq)]
struct Picked {
    tasks: Option<web_sys::File>,
    rubric: Option<(String, String)>,
}

/// The first page: demos, own files, annotator id.
#[function_component(SetupPage)]
pub fn setup_page(props: &SetupPageProps) -> Html {
    let annotator = use_state(|| props.annotator.to_string());
    let picked = use_state(Picked::default);
    let local_error = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let errors_ref = use_node_ref();

    let on_annotator = {
        let annotator = annotator.clone();
        Callback::from(move |e: InputEvent| annotator.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let checked_annotator = {
        let annotator = annotator.clone();
        let local_error = local_error.clone();
        move || {
            let id = annotator.trim().to_owned();
            if id.is_empty() {
                local_error.set(Some(t!("setup-annotator-first")));
                None
            } else {
                local_error.set(None);
                Some(id)
            }
        }
    };
    let open_demo = {
        let on_open = props.on_open.clone();
        let checked_annotator = checked_annotator.clone();
        move |demo: &'static Demo| {
            let on_open = on_open.clone();
            let checked_annotator = checked_annotator.clone();
            Callback::from(move |_| {
                if let Some(annotator) = checked_annotator() {
                    on_open.emit(OpenRequest::Urls { tasks: demo.tasks.into(), rubric: Some(demo.rubric.into()), annotator });
                }
            })
        }
    };
    let take_files = {
        let picked = picked.clone();
        let local_error = local_error.clone();
        Callback::from(move |(files, slot): (Vec<web_sys::File>, Option<bool>)| {
            let picked = picked.clone();
            let local_error = local_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut next = (*picked).clone();
                for file in files {
                    // A task file is kept as the file itself: it is read in pieces when opened.
                    if slot == Some(false)
                        || (slot.is_none() && file.size() > RUBRIC_MAX_BYTES && !file.name().to_ascii_lowercase().contains("rubric"))
                    {
                        next.tasks = Some(file);
                        continue;
                    }
                    match read_file(&file).await {
                        Ok(text) => {
                            if slot.unwrap_or_else(|| looks_like_rubric(&file.name(), &text)) {
                                next.rubric = Some((file.name(), text));
                            } else {
                                next.tasks = Some(file);
                            }
                        }
                        Err(error) => local_error.set(Some(error)),
                    }
                }
                picked.set(next);
            });
        })
    };
    let on_pick = |slot: bool| {
        let take_files = take_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            take_files.emit((files_of(input.files()), Some(slot)));
        })
    };
    let on_drop = {
        let take_files = take_files.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            take_files.emit((files_of(e.data_transfer().and_then(|d| d.files())), None));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let start_files = {
        let checked_annotator = checked_annotator.clone();
        let picked = picked.clone();
        let on_open = props.on_open.clone();
        let local_error = local_error.clone();
        Callback::from(move |_| {
            let Some(file) = picked.tasks.clone() else {
                local_error.set(Some(t!("setup-tasks-first")));
                return;
            };
            if let Some(annotator) = checked_annotator() {
                let rubric = picked.rubric.clone().unwrap_or_else(|| (t!("setup-default-rubric-name"), String::new()));
                on_open.emit(OpenRequest::TaskFile { file, rubric, annotator });
            }
        })
    };

    let errors: Vec<String> = local_error.iter().cloned().chain(props.errors.iter().cloned()).collect();
    {
        // Problems may come from a button far down the page: bring them into view.
        let errors_ref = errors_ref.clone();
        use_effect_with(errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(element) = errors_ref.cast::<web_sys::Element>() {
                    element.scroll_into_view();
                }
            }
        });
    }
    let open_linked = props.linked.clone().map(|(tasks, rubric)| {
        let on_open = props.on_open.clone();
        let checked_annotator = checked_annotator.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(annotator) = checked_annotator() {
                on_open.emit(OpenRequest::Urls { tasks: tasks.clone(), rubric: rubric.clone(), annotator });
            }
        })
    });
    html! {
        <main class="setup">
            <header class="setup-header">
                <h1>{ "Verdict" }</h1>
                <p class="tagline">{ t!("setup-tagline") }</p>
                { crate::i18n::preferences() }
            </header>
            <section class="card">
                <label for="annotator-id"><strong>{ t!("setup-annotator") }</strong></label>
                <input id="annotator-id" type="text" value={(*annotator).clone()} oninput={on_annotator}
                       placeholder={t!("setup-annotator-placeholder")} autocomplete="off" />
            </section>
            if !errors.is_empty() {
                <section class="errors" role="alert" aria-label={t!("setup-problems")} ref={errors_ref}>
                    <ul>{ for errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
                </section>
            }
            if let (Some((tasks, _)), Some(onclick)) = (&props.linked, open_linked) {
                <section class="card linked">
                    <h2>{ t!("setup-linked-title") }</h2>
                    <p class="muted">{ t!("setup-linked-tasks", tasks = tasks) }</p>
                    <button class="primary" disabled={props.busy} {onclick}>{ t!("setup-linked-open") }</button>
                </section>
            }
            <section class="card">
                <h2>{ t!("setup-demos") }</h2>
                <ul class="demos">
                    { for DEMOS.iter().map(|demo| html! {
                        <li>
                            <button class="primary" disabled={props.busy} onclick={open_demo(demo)}>{ crate::i18n::t(&format!("demo-{}-title", demo.id)) }</button>
                            <p class="muted">{ crate::i18n::t(&format!("demo-{}-about", demo.id)) }</p>
                        </li>
                    }) }
                </ul>
            </section>
            <section class={classes!("card", "drop-zone", (*dragging).then_some("dragging"))}
                     ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <h2>{ t!("setup-files-title") }</h2>
                <p class="muted">{ t!("setup-files-hint") }</p>
                <div class="pickers">
                    <label>{ t!("setup-task-file") }
                        <input type="file" accept=".jsonl,.json,.ndjson,application/json" onchange={on_pick(false)} /></label>
                    <label>{ t!("setup-rubric-file") }
                        <input type="file" accept=".json,application/json" onchange={on_pick(true)} /></label>
                </div>
                <p class="picked">
                    { t!("setup-picked",
                        tasks = picked.tasks.as_ref().map_or_else(|| t!("setup-picked-none"), web_sys::File::name),
                        rubric = picked.rubric.as_ref().map_or_else(|| t!("setup-picked-default-rubric"), |(n, _)| n.clone())) }
                </p>
                <button class="primary" disabled={props.busy} onclick={start_files}>{ t!("setup-start") }</button>
            </section>
            <section class="card">
                <h2>{ t!("setup-quality-title") }</h2>
                <p class="muted">{ t!("setup-quality-about") }</p>
                <button onclick={props.on_quality.reform(|_: MouseEvent| ())}>{ t!("setup-quality-open") }</button>
            </section>
            <footer class="muted small">
                { t!("setup-attribution") }
            </footer>
        </main>
    }
}

/// A dropped file larger than this is a task file (rubrics are small), and is not read to tell.
const RUBRIC_MAX_BYTES: f64 = 1_048_576.0;

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A dropped file is a rubric when its name says so or it is a JSON object with criteria/mode.
fn looks_like_rubric(name: &str, text: &str) -> bool {
    if name.to_ascii_lowercase().contains("rubric") {
        return true;
    }
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.as_object().map(|o| o.contains_key("criteria") || o.contains_key("mode")))
        .unwrap_or(false)
}
