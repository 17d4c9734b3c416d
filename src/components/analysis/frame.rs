//! The workspace's first screen, shared by its shell (the page's first paint) and the full
//! workspace: the header (title, progress, downloads, back, preferences) and the files card
//! (pickers, Analyse, the demo, the planning tools), then the views as children.

use yew::prelude::*;

use crate::state::sources::{FileSource, NamedSource};
use crate::t;

/// A planning tool opened from the files card (it takes its own inputs, no report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Planning {
    /// Campaign progress.
    Campaign,
    /// Sample size.
    SampleSize,
    /// Acceptance sampling.
    Audit,
}

/// Which picker a choice of files comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Judgment files (one or more).
    Judgments,
    /// The task file.
    Tasks,
    /// The rubric.
    Rubric,
}

/// The files of an analysis.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Inputs {
    /// Judgment files.
    pub judgments: Vec<NamedSource>,
    /// Task file (gold answers, items, meta fields).
    pub tasks: Option<NamedSource>,
    /// Rubric.
    pub rubric: Option<NamedSource>,
}

impl Inputs {
    /// `files` chosen in `slot`.
    pub fn with(&self, slot: Slot, files: Vec<NamedSource>) -> Inputs {
        let mut next = self.clone();
        match slot {
            Slot::Judgments => next.judgments = files,
            Slot::Tasks => next.tasks = files.into_iter().next(),
            Slot::Rubric => next.rubric = files.into_iter().next(),
        }
        next
    }
}

/// Props of [`WorkspaceFrame`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceFrameProps {
    /// An analysis is running.
    pub busy: bool,
    /// The progress line.
    pub status: Option<String>,
    /// The last error.
    pub error: Option<String>,
    /// "Download report (HTML)", once there is a report.
    #[prop_or_default]
    pub on_download: Option<Callback<MouseEvent>>,
    /// Back to the rating app.
    pub on_close: Callback<MouseEvent>,
    /// Files chosen in a picker.
    pub on_pick: Callback<(Slot, Vec<NamedSource>)>,
    /// "Analyse".
    pub on_analyse: Callback<MouseEvent>,
    /// "Analyse the MT-Bench demo".
    pub on_demo: Callback<MouseEvent>,
    /// A planning tool chosen.
    pub on_planning: Callback<Planning>,
    /// The views, below the files card.
    #[prop_or_default]
    pub children: Html,
}

/// The header and the files card, then `children`.
#[function_component(WorkspaceFrame)]
pub fn workspace_frame(props: &WorkspaceFrameProps) -> Html {
    let pick = |slot: Slot| {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = input.files();
            let list: Vec<NamedSource> = (0..files.as_ref().map_or(0, |f| f.length()))
                .filter_map(|i| files.as_ref()?.get(i))
                .map(|file| NamedSource { name: file.name(), source: FileSource::File(file) })
                .collect();
            on_pick.emit((slot, list));
        })
    };
    let planning = |tool: Planning| props.on_planning.reform(move |_: MouseEvent| tool);
    let busy = props.busy;
    html! {
        <div class="quality">
            <header class="topbar">
                <h1 class="title">{ t!("q-quality-quality-workspace") }</h1>
                if busy { <progress class="busy" aria-label={t!("q-quality-analysis-in-progress")}></progress> }
                if let Some(text) = &props.status { <span class="muted small" role="status" aria-live="polite">{ text }</span> }
                <div class="actions">
                    if let Some(on_download) = &props.on_download { <button onclick={on_download}>{ t!("q-quality-download-report-html") }</button> }
                    <button onclick={props.on_close.clone()}>{ t!("q-quality-back-to-rating") }</button>
                </div>
                { crate::i18n::preferences() }
            </header>
            <main>
            <section class="card inputs" aria-label={t!("q-quality-files-to-analyse")}>
                <div class="pickers">
                    <label>{ t!("q-quality-judgments-one-or-more-jsonl") }<input type="file" multiple=true accept=".jsonl,.json,.ndjson" onchange={pick(Slot::Judgments)} /></label>
                    <label>{ t!("q-quality-task-file-optional-gold-items") }<input type="file" accept=".jsonl,.json" onchange={pick(Slot::Tasks)} /></label>
                    <label>{ t!("q-quality-rubric-optional") }<input type="file" accept=".json" onchange={pick(Slot::Rubric)} /></label>
                </div>
                <div class="actions-row">
                    <button class="primary" disabled={busy} onclick={props.on_analyse.clone()}>{ t!("q-quality-analyse") }</button>
                    <button disabled={busy} onclick={props.on_demo.clone()}>{ t!("q-quality-analyse-the-mt-bench-human") }</button>
                    <button onclick={planning(Planning::Campaign)}>{ t!("q-quality-campaign-progress") }</button>
                    <button onclick={planning(Planning::SampleSize)}>{ t!("q-tab-sample-size") }</button>
                    <button onclick={planning(Planning::Audit)}>{ t!("qc-tab-audit") }</button>
                    <span class="muted small">{ t!("q-quality-everything-runs-in-this-browser") }</span>
                </div>
                if let Some(message) = &props.error { <p class="errors" role="alert">{ message }</p> }
            </section>
            { props.children.clone() }
            </main>
        </div>
    }
}
