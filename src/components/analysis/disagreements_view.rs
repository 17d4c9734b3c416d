//! Disagreements: items ranked by disagreement, adjudication, root-cause Pareto, exports.

use std::rc::Rc;

use crate::t;
use verdict_core::adjudication::{gold_task_file, pareto, Adjudication};
use verdict_core::report::QualityReport;
use verdict_core::Task;
use yew::prelude::*;

use super::adjudication_panel::AdjudicationPanel;
use crate::components::charts::ParetoChart;
use crate::state::browser::download;

const PAGE: usize = 50;

/// Props of [`DisagreementsView`].
#[derive(Properties, PartialEq)]
pub struct DisagreementsViewProps {
    /// The report.
    pub report: Rc<QualityReport>,
    /// Items of the task file, when loaded.
    pub tasks: Option<Rc<Vec<Task>>>,
    /// Saved adjudications.
    pub adjudications: Rc<Vec<Adjudication>>,
    /// Root-cause tags.
    pub root_causes: Vec<String>,
    /// Who adjudicates.
    pub adjudicator: AttrValue,
    /// Save an adjudication.
    pub on_save: Callback<Adjudication>,
}

/// The disagreement queue with the adjudication panel.
#[function_component(DisagreementsView)]
pub fn disagreements_view(props: &DisagreementsViewProps) -> Html {
    let report = &props.report;
    let selected = use_state(|| None::<usize>);
    let page = use_state(|| 0usize);
    let start = *page * PAGE;
    let items = &report.disagreements;
    let adjudicated = |id: &str| props.adjudications.iter().any(|a| a.item_id == id);
    let export_adjudications = {
        let list = props.adjudications.clone();
        Callback::from(move |_: MouseEvent| {
            let text: String = list.iter().map(|a| a.to_json_line() + "\n").collect();
            let _ = download("adjudications.jsonl", "application/x-ndjson", &text);
        })
    };
    let export_gold = {
        let (list, tasks) = (props.adjudications.clone(), props.tasks.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(tasks) = &tasks {
                let (text, _) = gold_task_file(tasks, &list);
                let _ = download("gold-tasks.jsonl", "application/x-ndjson", &text);
            }
        })
    };
    let task_of = |id: &str| props.tasks.as_ref().and_then(|t| t.iter().find(|t| t.id == id).cloned());
    let bars = pareto(&props.adjudications);
    html! {
        <section aria-label={t!("q-disagreements-disagreements")} class="disagreements">
            <div class="queue">
                <h3>{ t!("q-disagreements-title", count = items.len()) }</h3>
                <ol class="disagreement-list" start={(start + 1).to_string()}>
                    { for items.iter().enumerate().skip(start).take(PAGE).map(|(index, item)| {
                        let selected_state = selected.clone();
                        let onclick = Callback::from(move |_| selected_state.set(Some(index)));
                        let current = *selected == Some(index);
                        html! { <li>
                            <button class={classes!("item-button", current.then_some("current"))} aria-current={current.then_some("true")} {onclick}>
                                <span>{ &item.item_id }</span>
                                <span class="muted small">{ t!("q-disagreements-row", disagreement = crate::i18n::number(item.disagreement, 2), count = item.n_judgments) }</span>
                                if adjudicated(&item.item_id) { <span class="badge">{ t!("q-disagreements-adjudicated") }</span> }
                            </button>
                        </li> }
                    }) }
                </ol>
                <div class="pager">
                    <button disabled={*page == 0} onclick={{ let page = page.clone(); Callback::from(move |_| page.set(page.saturating_sub(1))) }}>{ t!("q-disagreements-previous") }</button>
                    <span class="muted small">{ t!("q-disagreements-page", first = start + 1, last = (start + PAGE).min(items.len()), total = items.len()) }</span>
                    <button disabled={start + PAGE >= items.len()} onclick={{ let page = page.clone(); Callback::from(move |_| page.set(*page + 1)) }}>{ t!("q-disagreements-next") }</button>
                </div>
            </div>
            <div class="detail">
                if let Some(item) = selected.and_then(|i| items.get(i)) {
                    <AdjudicationPanel item={item.clone()} task={task_of(&item.item_id)}
                        saved={props.adjudications.iter().find(|a| a.item_id == item.item_id).cloned()}
                        root_causes={props.root_causes.clone()} adjudicator={props.adjudicator.clone()} on_save={props.on_save.clone()} />
                } else {
                    <p class="muted">{ t!("q-disagreements-choose-an-item-to-see") }</p>
                }
                <h3>{ t!("q-root-causes-title", count = props.adjudications.len()) }</h3>
                if bars.is_empty() {
                    <p class="muted">{ t!("q-disagreements-no-adjudication-yet") }</p>
                } else {
                    <ParetoChart title={t!("q-disagreements-root-causes-most-frequent-first")} {bars} />
                }
                <div class="exports">
                    <button onclick={export_adjudications} disabled={props.adjudications.is_empty()}>{ t!("q-disagreements-export-adjudications-jsonl") }</button>
                    <button onclick={export_gold} disabled={props.adjudications.is_empty() || props.tasks.is_none()}
                        title={t!("q-disagreements-needs-the-task-file-the")}>{ t!("q-disagreements-export-gold-task-file") }</button>
                </div>
            </div>
        </section>
    }
}
