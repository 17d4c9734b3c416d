//! The rating app opened with `?campaign=…&annotator=…`: computes the annotator's queue
//! ([`crate::state::campaign`]), runs calibration first and opens production only once the
//! calibration gate (`plan::gate`) says so; between attempts it says where the rater stands.
//! The queue is exposed as `data-queue` on `#campaign-queue` (the JSON of `verdict plan --json`'s
//! assignments for this annotator), so tests compare the browser with the CLI.

use std::rc::Rc;

use verdict_core::export::judgments_jsonl_chained;
use verdict_core::plan::gate::{Gate, GateStatus};
use verdict_core::Judgment;
use yew::prelude::*;

use crate::components::rating::RatingPage;
use crate::state::campaign::{self, CampaignQueue, Stage};
use crate::state::loader::Opened;
use crate::t;

/// The page's sentences that take values (the others are `t!` calls in place).
mod text {
    use crate::t;
    pub fn accuracy(accuracy: f64, pass: f64) -> String {
        t!("campaign-accuracy", accuracy = crate::i18n::percent(accuracy, 0), pass = crate::i18n::percent(pass, 0))
    }
    pub fn missed(items: &[String]) -> String {
        // The list separator of the interface language (", " or "、" or "، ").
        t!("campaign-missed", items = items.join(&crate::t!("list-separator")))
    }
}

/// Props of [`CampaignPage`].
#[derive(Properties, PartialEq)]
pub struct CampaignPageProps {
    /// URL of the campaign file (relative URLs resolve against the page).
    pub url: AttrValue,
    /// The annotator's id.
    pub annotator: AttrValue,
    /// A judgment was saved: (judgment, items done, items in the open stage).
    pub on_saved: Callback<(Judgment, usize, usize)>,
    /// The collection endpoint, if any.
    #[prop_or_default]
    pub submit_url: Option<AttrValue>,
}

/// Where the campaign page is.
#[derive(Clone)]
enum View {
    /// Loading: the message id of what is loading.
    Loading(&'static str),
    Error(Vec<String>),
    /// The gate is closed between attempts (failed with retakes left, or locked).
    Gate(Rc<Gate>),
    Rating(Stage, Rc<Opened>),
}

/// A rater's campaign: calibration, the gate, then the production queue.
#[function_component(CampaignPage)]
pub fn campaign_page(props: &CampaignPageProps) -> Html {
    let view = use_state(|| View::Loading("campaign-loading"));
    let queue = use_state(|| None::<Rc<CampaignQueue>>);
    let passed_notice = use_state(|| false);

    // Opens the stage the gate allows (or shows the gate).
    let advance = {
        let view = view.clone();
        let passed_notice = passed_notice.clone();
        Callback::from(move |(queue, retake): (Rc<CampaignQueue>, bool)| {
            let (view, passed_notice) = (view.clone(), passed_notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let gate = match queue.gate().await {
                    Ok(gate) => gate,
                    Err(errors) => return view.set(View::Error(errors)),
                };
                let stage = match gate.status {
                    GateStatus::Open => Stage::Production,
                    GateStatus::Passed { .. } => {
                        passed_notice.set(true);
                        Stage::Production
                    }
                    GateStatus::InProgress { attempt, .. } => Stage::Calibration(attempt),
                    GateStatus::Failed { attempt, .. } if retake => Stage::Calibration(attempt + 1),
                    GateStatus::Failed { .. } | GateStatus::Locked { .. } => return view.set(View::Gate(Rc::new(gate))),
                };
                view.set(View::Loading("campaign-opening"));
                match queue.open_stage(stage).await {
                    Ok(opened) => view.set(View::Rating(stage, Rc::new(opened))),
                    Err(errors) => view.set(View::Error(errors)),
                }
            });
        })
    };

    {
        let (view, queue_state, advance) = (view.clone(), queue.clone(), advance.clone());
        use_effect_with((props.url.clone(), props.annotator.clone()), move |(url, annotator)| {
            let (url, annotator) = (url.to_string(), annotator.to_string());
            wasm_bindgen_futures::spawn_local(async move {
                match campaign::load(&url, &annotator).await {
                    Ok(loaded) => {
                        let loaded = Rc::new(loaded);
                        queue_state.set(Some(loaded.clone()));
                        advance.emit((loaded, false));
                    }
                    Err(errors) => view.set(View::Error(errors)),
                }
            });
        });
    }

    let on_saved = {
        let (parent, view, queue, advance) = (props.on_saved.clone(), view.clone(), queue.clone(), advance.clone());
        Callback::from(move |(judgment, done, total): (Judgment, usize, usize)| {
            parent.emit((judgment, done, total));
            // The last calibration item of an attempt: the gate decides what comes next.
            if let (View::Rating(Stage::Calibration(_), _), Some(queue)) = (&*view, &*queue) {
                if done == total {
                    advance.emit((queue.clone(), false));
                }
            }
        })
    };

    let download_calibration = {
        let queue = queue.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(queue) = (*queue).clone() else { return };
            wasm_bindgen_futures::spawn_local(async move {
                let result = match queue.calibration_judgments().await {
                    Ok(judgments) => {
                        let name = format!("{}.{}.calibration.judgments.jsonl", queue.campaign.id, queue.annotator);
                        crate::state::browser::download(&name, "application/x-ndjson", &judgments_jsonl_chained(&judgments))
                            .map_err(|e| e.to_string())
                    }
                    Err(errors) => Err(errors.join("; ")),
                };
                if let Err(error) = result {
                    let _ = gloo::utils::window().alert_with_message(&t!("campaign-download-failed", error = error));
                }
            });
        })
    };

    let exposed = queue.as_ref().map(|q| {
        let stage = match &*view {
            View::Rating(Stage::Calibration(n), _) => format!("calibration-{n}"),
            View::Rating(Stage::Production, _) => "production".to_owned(),
            View::Gate(_) => "gate".to_owned(),
            _ => "loading".to_owned(),
        };
        html! { <div id="campaign-queue" hidden=true data-campaign={q.campaign.id.clone()} data-stage={stage} data-queue={q.queue_json.clone()} /> }
    });

    let body = match &*view {
        View::Loading(what) => html! { <main class="opening" aria-busy="true"><p>{ crate::i18n::t(what) }</p></main> },
        View::Error(errors) => html! {
            <main class="opening" role="alert">
                <p>{ t!("campaign-cannot-open") }</p>
                <ul>{ for errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
            </main>
        },
        View::Gate(gate) => gate_view(gate, queue.as_deref(), download_calibration.clone(), {
            let (advance, queue) = (advance.clone(), queue.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(queue) = &*queue {
                    advance.emit((queue.clone(), true));
                }
            })
        }),
        View::Rating(stage, opened) => {
            let banner = match stage {
                Stage::Calibration(attempt) => {
                    let allowed = queue.as_ref().map_or(1, |q| q.attempts_allowed());
                    Some(html! {
                        <p class="notice campaign-banner" role="status" data-stage="calibration">
                            <strong>{ t!("campaign-attempt", attempt = *attempt, allowed = allowed) }</strong>{ " · " }{ t!("campaign-calibration-intro") }
                        </p>
                    })
                }
                Stage::Production if *passed_notice => Some(html! {
                    <p class="notice campaign-banner" role="status" data-stage="production">{ t!("campaign-passed") }{ " " }
                        <button onclick={download_calibration.clone()}>{ t!("campaign-download-calibration") }</button></p>
                }),
                Stage::Production => None,
            };
            html! {
                <>
                    { for banner }
                    <RatingPage key={format!("{:p}", Rc::as_ptr(opened))} opened={opened.clone()} on_saved={on_saved}
                        submit_url={props.submit_url.clone()} />
                </>
            }
        }
    };
    html! { <>{ for exposed }{ body }</> }
}

/// The closed gate: accuracy against the pass mark, items missed, retakes left or locked.
fn gate_view(gate: &Gate, queue: Option<&CampaignQueue>, on_download: Callback<MouseEvent>, on_retake: Callback<MouseEvent>) -> Html {
    let pass = queue.and_then(|q| q.campaign.calibration.as_ref()).map_or(1.0, |c| c.pass_accuracy);
    let missed: Vec<String> = gate
        .attempts
        .last()
        .map(|a| a.items.iter().filter(|i| i.correct == Some(false)).map(|i| i.item_id.clone()).collect())
        .unwrap_or_default();
    let (title, accuracy, retakes) = match gate.status {
        GateStatus::Failed { accuracy, retakes_left, .. } => (t!("campaign-failed-title"), accuracy, Some(retakes_left)),
        GateStatus::Locked { accuracy } => (t!("campaign-locked-title"), accuracy, None),
        _ => return Html::default(),
    };
    html! {
        <main class="opening campaign-gate" role="alert" data-gate={if retakes.is_some() { "failed" } else { "locked" }}>
            <section class="card">
                <h2>{ title }</h2>
                <p>{ text::accuracy(accuracy, pass) }</p>
                if !missed.is_empty() { <p>{ text::missed(&missed) }</p> }
                if let Some(left) = retakes {
                    <p>{ t!("campaign-retakes-left", count = left) }</p>
                    <button class="primary" onclick={on_retake}>{ t!("campaign-retake") }</button>
                } else {
                    <p>{ t!("campaign-locked-body") }</p>
                }
                <p class="muted small">{ t!("campaign-export-hint") }</p>
                <button onclick={on_download}>{ t!("campaign-download-calibration") }</button>
            </section>
        </main>
    }
}
