//! The quality lead's workspace: load judgment files, then overview, agreement, annotators and
//! sites, LLM judges, leaderboard, disagreements (with adjudication) and the report.

mod adjudication_panel;
mod agreement_view;
mod annotators_view;
mod audit_view;
mod campaign_view;
mod disagreements_view;
mod format;
mod judges_view;
mod leaderboard_view;
mod overview_view;
mod quality_page;
mod size_panel;
mod spc_results;
mod spc_view;
mod wellbeing_view;

pub use quality_page::{QualityPage, QualityPageProps};

use yew::prelude::*;

/// The root of the quality page (`quality.html`): the workspace, with "back" leading to rating.
#[function_component(QualityApp)]
pub fn quality_app() -> Html {
    let adjudicator = crate::state::browser::local_get(crate::state::loader::ANNOTATOR_KEY).unwrap_or_default();
    let back = Callback::from(|()| {
        let _ = gloo::utils::window().location().assign("./");
    });
    html! { <QualityPage on_close={back} adjudicator={AttrValue::from(adjudicator)} /> }
}
