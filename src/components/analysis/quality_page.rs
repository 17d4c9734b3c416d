//! The quality workspace page: choose judgment files (and optionally tasks and rubric), analyse
//! them in the worker, then browse the views, adjudicate and download the report.

use std::rc::Rc;

use crate::t;
use verdict_core::adjudication::{Adjudication, DEFAULT_ROOT_CAUSES};
use verdict_core::report::{Kpi, QualityReport, ReportOptions};
use verdict_core::task::load_tasks;
use verdict_core::Task;
use yew::prelude::*;

use super::agreement_view::AgreementView;
use super::annotators_view::AnnotatorsView;
use super::audit_view::AuditView;
use super::campaign_view::CampaignView;
use super::disagreements_view::DisagreementsView;
use super::frame::{Inputs, Planning, Slot, WorkspaceFrame};
use super::handoff::{Start, StartAction};
use super::judges_view::JudgesView;
use super::leaderboard_view::LeaderboardView;
use super::overview_view::OverviewView;
use super::size_panel::SizePanel;
use super::spc_view::SpcView;
use super::wellbeing_view::WellbeingView;
use crate::state::adjudications::AdjudicationStore;
use crate::state::analysis::{analyse, report_html, slice_leaderboards, FileSource, NamedSource, SliceBoard};
use crate::state::browser::{download, local_get, local_set, now_ms};
use crate::state::loader::read_file;

const KPI_KEY: &str = "verdict.kpi";
const ROOT_CAUSES_KEY: &str = "verdict.root_causes";
/// The built-in example: the real MT-Bench human and GPT-4 judgments (CC BY 4.0).
const DEMO_JUDGMENTS: &str = "demo/mtbench-judgments/judgments.jsonl";

/// Props of [`QualityPage`].
#[derive(Properties, PartialEq)]
pub struct QualityPageProps {
    /// Back to the rating setup.
    pub on_close: Callback<()>,
    /// Who adjudicates (the annotator id entered on this browser).
    pub adjudicator: AttrValue,
    /// What the shell was asked before this module loaded: files and the action to take.
    #[prop_or_default]
    pub start: Option<Rc<Start>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Overview,
    Agreement,
    Annotators,
    Judges,
    Leaderboard,
    Disagreements,
    Campaign,
    SampleSize,
    Spc,
    Audit,
}

const TABS: &[(Tab, &str)] = &[
    (Tab::Overview, "q-tab-overview"),
    (Tab::Agreement, "q-tab-agreement"),
    (Tab::Annotators, "q-tab-annotators"),
    (Tab::Judges, "q-tab-judges"),
    (Tab::Leaderboard, "q-tab-leaderboard"),
    (Tab::Disagreements, "q-tab-disagreements"),
    (Tab::Campaign, "q-tab-campaign"),
    (Tab::SampleSize, "q-tab-sample-size"),
    (Tab::Spc, "qc-tab-spc"),
    (Tab::Audit, "qc-tab-audit"),
];

/// Tabs that need no report (they take their own inputs).
fn planning(tab: Tab) -> bool {
    matches!(tab, Tab::Campaign | Tab::SampleSize | Tab::Audit)
}

/// The workspace.
#[function_component(QualityPage)]
pub fn quality_page(props: &QualityPageProps) -> Html {
    let inputs = use_state(Inputs::default);
    let report = use_state(|| None::<Rc<QualityReport>>);
    // The CSV tables and the whole report's JSON (for the HTML download), from the same analysis.
    let downloads = use_state(|| None::<Rc<(Vec<(String, wasm_bindgen::JsValue)>, wasm_bindgen::JsValue)>>);
    let status = use_state(|| None::<String>);
    let finished = use_state(|| false);
    let error = use_state(|| None::<String>);
    let tab = use_state(|| Tab::Overview);
    let tasks = use_state(|| None::<Rc<Vec<Task>>>);
    let slices = use_state(|| None::<Rc<Result<Vec<SliceBoard>, String>>>);
    let slicing = use_state(|| false);
    let adjudications = use_state(|| Rc::new(Vec::<Adjudication>::new()));
    let kpi = use_state(|| local_get(KPI_KEY).and_then(|t| serde_json::from_str::<Kpi>(&t).ok()).unwrap_or_default());
    let root_causes = use_state(|| {
        local_get(ROOT_CAUSES_KEY)
            .map(|t| t.split(',').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect::<Vec<_>>())
            .filter(|list| !list.is_empty())
            .unwrap_or_else(|| DEFAULT_ROOT_CAUSES.iter().map(|c| (*c).to_owned()).collect())
    });
    {
        let adjudications = adjudications.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(store) = AdjudicationStore::open().await {
                    adjudications.set(Rc::new(store.all().await.unwrap_or_default()));
                }
            });
        });
    }

    let run = {
        let (report, downloads, status, error, tasks, finished) =
            (report.clone(), downloads.clone(), status.clone(), error.clone(), tasks.clone(), finished.clone());
        Callback::from(move |(inputs, kpi): (Inputs, Kpi)| {
            let (report, downloads, status, error, tasks, finished) =
                (report.clone(), downloads.clone(), status.clone(), error.clone(), tasks.clone(), finished.clone());
            if inputs.judgments.is_empty() {
                error.set(Some(t!("q-choose-judgments")));
                return;
            }
            error.set(None);
            let started = now_ms();
            status.set(Some(t!("q-status-starting")));
            finished.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                // The task file (items, gold) is also needed here, to show items when adjudicating.
                if let Some(NamedSource { name, source: FileSource::File(file) }) = &inputs.tasks {
                    if let Ok(text) = read_file(file).await {
                        tasks.set(Some(Rc::new(load_tasks(name, &text).records)));
                    }
                }
                let options = ReportOptions { kpi, ..ReportOptions::default() };
                let stage_status = status.clone();
                let result = analyse(&inputs.judgments, inputs.tasks.as_ref(), inputs.rubric.as_ref(), &options, move |stage| {
                    stage_status.set(Some(match stage.as_str() {
                        "reading" => t!("q-status-reading"),
                        "computing" => t!("q-status-computing"),
                        other => other.to_owned(),
                    }));
                })
                .await;
                match result {
                    Ok(done) => {
                        report.set(Some(Rc::new(done.report)));
                        downloads.set(Some(Rc::new((done.tables, done.json))));
                        status.set(Some(t!("q-status-done", seconds = crate::i18n::number((now_ms() - started) as f64 / 1000.0, 1))));
                        finished.set(true);
                    }
                    Err(message) => {
                        status.set(None);
                        error.set(Some(message));
                    }
                }
            });
        })
    };

    let on_pick = {
        let inputs = inputs.clone();
        Callback::from(move |(slot, files): (Slot, Vec<NamedSource>)| inputs.set(inputs.with(slot, files)))
    };
    let analyse_files = {
        let (run, inputs, kpi) = (run.clone(), inputs.clone(), kpi.clone());
        Callback::from(move |_: MouseEvent| run.emit(((*inputs).clone(), (*kpi).clone())))
    };
    let demo = {
        let (run, inputs, kpi) = (run.clone(), inputs.clone(), kpi.clone());
        Callback::from(move |()| {
            let demo = Inputs {
                judgments: vec![NamedSource { name: "judgments.jsonl".into(), source: FileSource::Url(DEMO_JUDGMENTS.into()) }],
                tasks: None,
                rubric: None,
            };
            inputs.set(demo.clone());
            run.emit((demo, (*kpi).clone()));
        })
    };
    let on_planning = {
        let tab = tab.clone();
        Callback::from(move |tool: Planning| {
            tab.set(match tool {
                Planning::Campaign => Tab::Campaign,
                Planning::SampleSize => Tab::SampleSize,
                Planning::Audit => Tab::Audit,
            })
        })
    };
    {
        // The shell's request, once: its files, then what was clicked.
        let (start, inputs, run, kpi, on_planning) = (props.start.clone(), inputs.clone(), run.clone(), kpi.clone(), on_planning.clone());
        let demo = demo.clone();
        use_effect_with((), move |_| {
            if let Some(start) = start {
                inputs.set(start.inputs.clone());
                match start.action {
                    StartAction::Analyse => run.emit((start.inputs.clone(), (*kpi).clone())),
                    StartAction::Demo => demo.emit(()),
                    StartAction::Planning(tool) => on_planning.emit(tool),
                }
            }
        });
    }
    let on_kpi = {
        let (run, inputs, kpi) = (run.clone(), inputs.clone(), kpi.clone());
        Callback::from(move |new_kpi: Kpi| {
            local_set(KPI_KEY, &serde_json::to_string(&new_kpi).unwrap_or_default());
            kpi.set(new_kpi.clone());
            run.emit(((*inputs).clone(), new_kpi));
        })
    };
    let on_slice = {
        let (inputs, slices, slicing, kpi) = (inputs.clone(), slices.clone(), slicing.clone(), kpi.clone());
        Callback::from(move |by: String| {
            if by.is_empty() {
                slices.set(None);
                return;
            }
            let (inputs, slices, slicing) = ((*inputs).clone(), slices.clone(), slicing.clone());
            let options = ReportOptions { kpi: (*kpi).clone(), ..ReportOptions::default() };
            slicing.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = slice_leaderboards(&inputs.judgments, inputs.tasks.as_ref(), &by, &options).await;
                slices.set(Some(Rc::new(result)));
                slicing.set(false);
            });
        })
    };
    let on_save = {
        let (adjudications, error) = (adjudications.clone(), error.clone());
        Callback::from(move |adjudication: Adjudication| {
            let (adjudications, error) = (adjudications.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let saved = async {
                    let store = AdjudicationStore::open().await?;
                    store.put(&adjudication).await?;
                    store.all().await
                };
                match saved.await {
                    Ok(all) => adjudications.set(Rc::new(all)),
                    Err(e) => error.set(Some(t!("q-adjudication-save-failed", error = e.to_string()))),
                }
            });
        })
    };
    let on_root_causes = {
        let root_causes = root_causes.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let list: Vec<String> = text.split(',').map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
            if !list.is_empty() {
                local_set(ROOT_CAUSES_KEY, &list.join(", "));
                root_causes.set(list);
            }
        })
    };
    let download_report = {
        let (downloads, error) = (downloads.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ready) = (*downloads).clone() else { return };
            let error = error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match report_html(&ready.1, &crate::i18n::locale()).await {
                    Ok(html) => {
                        let _ = download("verdict-quality-report.html", "text/html", &html);
                    }
                    Err(message) => error.set(Some(message)),
                }
            });
        })
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let busy = status.is_some() && !*finished;

    let on_download = report.is_some().then_some(download_report);
    html! {
        <WorkspaceFrame {busy} status={(*status).clone()} error={(*error).clone()} {on_download} {on_close} {on_pick}
            on_analyse={analyse_files} on_demo={demo.reform(|_: MouseEvent| ())} {on_planning}>
            if report.is_none() && planning(*tab) {
                <div role="tabpanel" class="tab-panel">
                    { match *tab { Tab::Campaign => html! { <CampaignView judgments={inputs.judgments.clone()} /> }, Tab::Audit => html! { <AuditView /> }, _ => html! { <SizePanel /> } } }
                </div>
            }
            if let Some(report) = &*report {
                <nav class="tabs" role="tablist" aria-label={t!("q-quality-views")}>
                    { for TABS.iter().map(|(value, label)| {
                        let (tab_state, value) = (tab.clone(), *value);
                        html! { <button role="tab" aria-selected={(*tab == value).to_string()}
                            onclick={Callback::from(move |_| tab_state.set(value))}>{ crate::i18n::t(label) }</button> }
                    }) }
                </nav>
                <div role="tabpanel" class="tab-panel">
                    { match *tab {
                        Tab::Overview => html! { <OverviewView report={report.clone()} /> },
                        Tab::Agreement => html! { <AgreementView report={report.clone()} /> },
                        Tab::Annotators => html! { <><AnnotatorsView report={report.clone()} {on_kpi} /><WellbeingView report={report.clone()} /></> },
                        Tab::Judges => html! { <JudgesView report={report.clone()} /> },
                        Tab::Leaderboard => html! { <LeaderboardView report={report.clone()} {on_slice} slices={(*slices).clone()} slicing={*slicing} /> },
                        Tab::Disagreements => html! { <>
                            <label class="root-causes">{ t!("q-quality-root-cause-tags-comma-separated") }
                                <input type="text" aria-label={t!("q-quality-root-cause-tags")} value={root_causes.join(", ")} onchange={on_root_causes} /></label>
                            <DisagreementsView report={report.clone()} tasks={(*tasks).clone()} adjudications={(*adjudications).clone()}
                                root_causes={(*root_causes).clone()} adjudicator={props.adjudicator.clone()} {on_save} />
                        </> },
                        Tab::Campaign => html! { <CampaignView judgments={inputs.judgments.clone()} /> },
                        Tab::SampleSize => html! { <SizePanel /> },
                        Tab::Spc => html! { <SpcView judgments={inputs.judgments.clone()} tasks={inputs.tasks.clone()} /> },
                        Tab::Audit => html! { <AuditView /> },
                    } }
                </div>
                <section class="card csv" aria-label={t!("q-quality-tables-as-csv-2")}>
                    <strong>{ t!("q-quality-tables-as-csv") }</strong>
                    { for (*downloads).iter().flat_map(|ready| (0..ready.0.len()).map(move |at| (ready.clone(), at))).map(|(ready, at)| {
                        let name = ready.0[at].0.clone();
                        html! { <button onclick={Callback::from(move |_| { let (file, text) = &ready.0[at]; let _ = download(file, "text/csv", &text.as_string().unwrap_or_default()); })}>{ name }</button> }
                    }) }
                </section>
                <footer class="muted small">{ t!("q-quality-mt-bench-human-judgments-zheng") }</footer>
            }
        </WorkspaceFrame>
    }
}
