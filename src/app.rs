//! The root component: setup → opening → rating, plus URL parameters and resume on reload.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::rating::RatingPage;
use crate::components::setup::{setup_page::OpenRequest, SetupPage};
use crate::state::browser::{local_get, local_remove, url_param};
use crate::state::loader::{self, fetch_files, Opened, Source, ANNOTATOR_KEY, CURRENT_KEY, DEMOS};

/// Where the app is.
#[derive(Clone)]
enum Phase {
    /// Choosing an evaluation; problems from the last attempt.
    Setup(Vec<String>),
    /// Fetching and opening; what is being opened.
    Opening(String),
    /// Rating.
    Rating(Rc<Opened>),
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let phase = use_state(|| Phase::Opening("Starting…".into()));
    let annotator = use_state(|| url_param("annotator").or_else(|| local_get(ANNOTATOR_KEY)).unwrap_or_default());

    let open = {
        let phase = phase.clone();
        let annotator = annotator.clone();
        Callback::from(move |request: OpenRequest| {
            let phase = phase.clone();
            let annotator_state = annotator.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (files, annotator) = match request {
                    OpenRequest::Files { files, annotator } => (Ok(files), annotator),
                    OpenRequest::Urls { tasks, rubric, annotator } => {
                        phase.set(Phase::Opening(format!("Loading {tasks}…")));
                        (fetch_files(&tasks, rubric.as_deref()).await, annotator)
                    }
                };
                annotator_state.set(annotator.clone());
                let result = match files {
                    Ok(files) => loader::open(Source { files, annotator }).await,
                    Err(errors) => Err(errors),
                };
                phase.set(match result {
                    Ok(opened) => Phase::Rating(Rc::new(opened)),
                    Err(errors) => Phase::Setup(errors),
                });
            });
        })
    };

    {
        // First load: URL parameters, else the evaluation open last, else the setup page.
        let phase = phase.clone();
        let open = open.clone();
        let annotator = (*annotator).clone();
        use_effect_with((), move |_| {
            let demo = url_param("demo").and_then(|id| DEMOS.iter().find(|d| d.id == id));
            let urls = url_param("tasks").map(|tasks| (tasks, url_param("rubric")))
                .or_else(|| demo.map(|d| (d.tasks.to_owned(), Some(d.rubric.to_owned()))));
            match urls {
                Some((tasks, rubric)) if !annotator.is_empty() => open.emit(OpenRequest::Urls { tasks, rubric, annotator }),
                Some(_) => phase.set(Phase::Setup(vec!["Enter your annotator id, then choose the evaluation again.".into()])),
                None => wasm_bindgen_futures::spawn_local(async move {
                    match loader::last_opened().await {
                        Some(source) => match loader::open(source).await {
                            Ok(opened) => phase.set(Phase::Rating(Rc::new(opened))),
                            Err(errors) => phase.set(Phase::Setup(errors)),
                        },
                        None => phase.set(Phase::Setup(Vec::new())),
                    }
                }),
            }
        });
    }

    let close = {
        let phase = phase.clone();
        Callback::from(move |()| {
            local_remove(CURRENT_KEY);
            phase.set(Phase::Setup(Vec::new()));
        })
    };

    match &*phase {
        Phase::Setup(errors) => html! {
            <SetupPage annotator={AttrValue::from((*annotator).clone())} errors={errors.clone()} busy={false} on_open={open} />
        },
        Phase::Opening(what) => html! { <main class="opening" aria-busy="true"><p>{ what }</p></main> },
        Phase::Rating(opened) => html! { <RatingPage opened={opened.clone()} on_close={close} /> },
    }
}
