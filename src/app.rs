//! The root component: configuration, then setup → opening → rating; embedding and uploads.

use std::rc::Rc;

use verdict_core::embed::{ChildMessage, PageConfig, ParentMessage};
use verdict_core::export::judgments_jsonl_chained;
use verdict_core::judgment::judgment_from_line;
use verdict_core::Judgment;
use yew::prelude::*;

#[cfg(feature = "quality")]
use crate::components::campaign::CampaignPage;
use crate::components::rating::RatingPage;
use crate::components::setup::{setup_page::OpenRequest, SetupPage};
use crate::embed::EmbedBridge;
use crate::state::browser::{local_get, local_remove};
use crate::state::loader::{self, Opened, Source, ANNOTATOR_KEY, CURRENT_KEY};
use crate::state::store::SavedFiles;
use crate::state::stream::{self, TaskInput};
use crate::t;

/// Where the app is.
#[derive(Clone)]
enum Phase {
    /// Reading the page configuration.
    Starting,
    /// Choosing an evaluation; problems from the last attempt.
    Setup(Vec<String>),
    /// Embedded: waiting for the host page to send an evaluation.
    Waiting,
    /// Fetching and opening; what is being opened.
    Opening(String),
    /// Rating.
    Rating(Rc<Opened>),
    /// A campaign link: (campaign URL, annotator). Read only in the quality bundle.
    #[cfg_attr(not(feature = "quality"), allow(dead_code))]
    Campaign(String, String),
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let phase = use_state(|| Phase::Starting);
    let config = use_state(|| Rc::new(PageConfig::default()));
    let bridge = use_state(|| None::<Rc<EmbedBridge>>);
    let annotator = use_state(|| local_get(ANNOTATOR_KEY).unwrap_or_default());
    // Locked to the evaluation given (config file or the host's `load`): no switching, no picker.
    let locked = use_state(|| false);
    // Each open gets a number; an open that finishes after a newer one began is dropped.
    let generation = use_mut_ref(|| 0u32);
    let linked = config.tasks.clone().map(|tasks| (tasks, config.rubric.clone()));

    let open = {
        let (phase, annotator, config, bridge, generation) =
            (phase.clone(), annotator.clone(), config.clone(), bridge.clone(), generation.clone());
        Callback::from(move |request: OpenRequest| {
            let (phase, annotator_state, group, bridge) = (phase.clone(), annotator.clone(), config.group.clone(), (*bridge).clone());
            let this_open = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let generation = generation.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match request {
                    OpenRequest::Files { files, annotator } => {
                        annotator_state.set(annotator.clone());
                        loader::open(Source { files, annotator, group }).await
                    }
                    OpenRequest::TaskFile { file, rubric, annotator } => {
                        annotator_state.set(annotator.clone());
                        stream::open_stream(TaskInput::Blob(file.clone().into()), file.name(), rubric, annotator, group).await
                    }
                    OpenRequest::Urls { tasks, rubric, annotator } => {
                        phase.set(Phase::Opening(t!("app-loading", tasks = &tasks)));
                        annotator_state.set(annotator.clone());
                        stream::open_url(&tasks, rubric.as_deref(), annotator, group).await
                    }
                };
                // Markdown and the task@2 renderers (asked for after the first paint) before the first item.
                crate::components::content::rich_module_settled().await;
                if *generation.borrow() != this_open {
                    return; // a newer load replaced this one while it was opening
                }
                phase.set(match result {
                    Ok(opened) => {
                        if let Some(bridge) = &bridge {
                            bridge.post(&ChildMessage::Progress { done: opened.session.n_done(), total: opened.session.eval.tasks.len() });
                        }
                        Phase::Rating(Rc::new(opened))
                    }
                    Err(errors) => {
                        if let Some(bridge) = &bridge {
                            bridge.post(&ChildMessage::Error { message: errors.join("\n"), id: None });
                        }
                        Phase::Setup(errors)
                    }
                });
            });
        })
    };

    {
        // First load: configuration file and URL parameters, then what they ask for.
        let (phase, open, config_state, bridge_state, annotator, locked) =
            (phase.clone(), open.clone(), config.clone(), bridge.clone(), annotator.clone(), locked.clone());
        use_effect_with((), move |_| {
            // After the first paint: Markdown and the task@2 renderers, ready before items show.
            crate::components::content::load_rich_module();
            wasm_bindgen_futures::spawn_local(async move {
                let config = match loader::page_config().await {
                    Ok(config) => Rc::new(config),
                    Err(error) => return phase.set(Phase::Setup(vec![error])),
                };
                config_state.set(config.clone());
                if let Some(lang) = config.lang.as_deref().and_then(crate::i18n::supported) {
                    if lang != crate::i18n::locale() && !crate::i18n::chosen_by_rater() {
                        // Not remembered as the rater's choice: the configuration only sets a default.
                        return crate::i18n::root::apply_configured(lang);
                    }
                }
                if config.lock {
                    locked.set(true);
                }
                if crate::state::browser::url_param("view").as_deref() == Some("quality") {
                    return open_quality_page();
                }
                let who = config.annotator.clone().unwrap_or_else(|| (*annotator).clone());
                annotator.set(who.clone());
                if let Some(url) = crate::state::browser::url_param("campaign") {
                    // The campaign planner lives in the quality bundle (the rating page's first
                    // paint stays within its budget): the rating page forwards the link there.
                    if !cfg!(feature = "quality") {
                        return open_campaign_page();
                    }
                    return phase.set(match who.is_empty() {
                        true => Phase::Setup(vec![crate::t!("campaign-no-annotator")]),
                        false => Phase::Campaign(url, who),
                    });
                }
                if let Some(bridge) = EmbedBridge::new(config.clone()) {
                    // `ready` is posted by the listener effect below, once messages can be heard.
                    bridge_state.set(Some(bridge.clone()));
                    if config.tasks.is_none() {
                        return phase.set(Phase::Waiting);
                    }
                }
                match (config.tasks.clone(), who.is_empty()) {
                    (Some(tasks), false) => open.emit(OpenRequest::Urls { tasks, rubric: config.rubric.clone(), annotator: who }),
                    (Some(_), true) => phase.set(Phase::Setup(vec![t!("app-enter-annotator")])),
                    (None, _) => match stream::reopen_last(config.group.clone()).await {
                        Some(Ok(opened)) => phase.set(Phase::Rating(Rc::new(opened))),
                        Some(Err(errors)) => phase.set(Phase::Setup(errors)),
                        None => phase.set(Phase::Setup(Vec::new())),
                    },
                }
            });
        });
    }

    {
        // Messages from the host page (only when embedded with an allow-list).
        let (phase, open, locked) = (phase.clone(), open.clone(), locked.clone());
        use_effect_with((*bridge).clone(), move |bridge| {
            let listener = bridge.as_ref().map(|bridge| {
                let answer = bridge.clone();
                bridge.listen(Callback::from(move |message: ParentMessage| match message {
                    ParentMessage::Load { tasks, tasks_name, rubric, annotator, lock, .. } => {
                        if lock {
                            locked.set(true);
                        }
                        let files = SavedFiles {
                            tasks_name,
                            tasks_text: tasks,
                            rubric_name: "rubric from the host page".into(),
                            rubric_text: rubric,
                        };
                        open.emit(OpenRequest::Files { files, annotator });
                    }
                    ParentMessage::Export { id } => {
                        let answer = answer.clone();
                        let opened = match &*phase {
                            Phase::Rating(opened) => Some(opened.clone()),
                            _ => None,
                        };
                        wasm_bindgen_futures::spawn_local(async move {
                            answer.post(&match opened {
                                Some(opened) => match opened.store.judgments_of(&opened.session.eval.annotator).await {
                                    Ok(lines) => {
                                        let judgments: Vec<Judgment> = lines.iter().filter_map(|l| judgment_from_line(l).ok()).collect();
                                        ChildMessage::Export { jsonl: judgments_jsonl_chained(&judgments), id }
                                    }
                                    Err(error) => ChildMessage::Error { message: error.to_string(), id },
                                },
                                None => ChildMessage::Error { message: "No evaluation is open yet: send a load message first.".into(), id },
                            });
                        });
                    }
                }))
            });
            if let Some(bridge) = bridge {
                bridge.post(&ChildMessage::Ready);
            }
            move || drop(listener)
        });
    }

    let on_saved = {
        let bridge = (*bridge).clone();
        Callback::from(move |(judgment, done, total): (Judgment, usize, usize)| {
            if let Some(bridge) = &bridge {
                bridge.post(&ChildMessage::Judgment(Box::new(judgment.clone())));
                bridge.post(&ChildMessage::Progress { done, total });
                if done == total {
                    bridge.post(&ChildMessage::Complete { done });
                }
            }
        })
    };
    let close = (!*locked).then(|| {
        let phase = phase.clone();
        Callback::from(move |()| {
            local_remove(CURRENT_KEY);
            phase.set(Phase::Setup(Vec::new()));
        })
    });
    let open_quality = Callback::from(|()| open_quality_page());

    match &*phase {
        Phase::Starting => html! { <main class="opening" aria-busy="true"><p>{ t!("app-starting") }</p></main> },
        Phase::Setup(errors) if *locked => html! {
            <main class="opening" role="alert">
                <p>{ t!("app-locked-failed") }</p>
                <ul>{ for errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
            </main>
        },
        Phase::Setup(errors) => html! {
            <SetupPage annotator={AttrValue::from((*annotator).clone())} errors={errors.clone()} busy={false} on_open={open} {linked} on_quality={open_quality} />
        },
        Phase::Waiting => {
            html! { <main class="opening" aria-busy="true"><p>{ t!("app-waiting") }</p></main> }
        }
        Phase::Opening(what) => html! { <main class="opening" aria-busy="true"><p>{ what }</p></main> },
        #[cfg(feature = "quality")]
        Phase::Campaign(url, who) => html! {
            <CampaignPage url={AttrValue::from(url.clone())} annotator={AttrValue::from(who.clone())} {on_saved}
                submit_url={config.submit_url.clone().map(AttrValue::from)} />
        },
        #[cfg(not(feature = "quality"))]
        Phase::Campaign(..) => html! { <main class="opening" aria-busy="true"></main> },
        // Keyed by the opened evaluation: a new `load` mounts a fresh page (session, rater, uploads).
        Phase::Rating(opened) => {
            crate::components::content::set_media_origins(&config.media_origins);
            html! {
            <RatingPage key={format!("{:p}", Rc::as_ptr(opened))} opened={opened.clone()} on_close={close} {on_saved}
                submit_url={config.submit_url.clone().map(AttrValue::from)} />
            }
        }
    }
}

/// The quality workspace is its own page and bundle, so raters never download the analytics.
/// A campaign link opened on the rating page: the same link on `quality.html`, whose bundle has
/// the planner (replacing this history entry, so Back leaves the campaign).
fn open_campaign_page() {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    let _ = location.replace(&format!("quality.html{search}"));
}

fn open_quality_page() {
    let _ = gloo::utils::window().location().assign("quality.html");
}
