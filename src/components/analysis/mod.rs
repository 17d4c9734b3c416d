//! The quality lead's workspace: load judgment files, then overview, agreement, annotators and
//! sites, LLM judges, leaderboard, disagreements (with adjudication) and the report.

//!
//! `quality.html` paints the shell (`shell`, `frame`: the header and the files card) from a small
//! module; the views and the analysis come with the analysis module (feature `quality`), which
//! the shell loads on the first request (`handoff`).

#[cfg(feature = "quality")]
mod adjudication_panel;
#[cfg(feature = "quality")]
mod agreement_view;
#[cfg(feature = "quality")]
mod annotators_view;
#[cfg(feature = "quality")]
mod audit_view;
#[cfg(feature = "quality")]
mod campaign_view;
#[cfg(feature = "quality")]
mod disagreements_view;
#[cfg(feature = "quality")]
mod format;
pub mod frame;
pub mod handoff;
#[cfg(feature = "quality")]
mod judges_view;
#[cfg(feature = "quality")]
mod leaderboard_view;
#[cfg(feature = "quality")]
mod overview_view;
#[cfg(feature = "quality")]
mod quality_page;
pub mod shell;
#[cfg(feature = "quality")]
mod size_panel;
#[cfg(feature = "quality")]
mod spc_results;
#[cfg(feature = "quality")]
mod spc_view;
#[cfg(feature = "quality")]
mod wellbeing_view;

#[cfg(feature = "quality")]
pub use quality_page::{QualityPage, QualityPageProps};

#[cfg(feature = "quality")]
use yew::prelude::*;

/// Props of [`QualityApp`].
#[cfg(feature = "quality")]
#[derive(Properties, PartialEq)]
pub struct QualityAppProps {
    /// The shell's request, when the shell loaded this module.
    #[prop_or_default]
    pub start: Option<std::rc::Rc<handoff::Start>>,
}

/// The root of the whole workspace: the workspace, with "back" leading to rating.
#[cfg(feature = "quality")]
#[function_component(QualityApp)]
pub fn quality_app(props: &QualityAppProps) -> Html {
    let adjudicator = crate::state::browser::local_get(crate::state::loader::ANNOTATOR_KEY).unwrap_or_default();
    let back = Callback::from(|()| {
        let _ = gloo::utils::window().location().assign("./");
    });
    html! { <QualityPage on_close={back} adjudicator={AttrValue::from(adjudicator)} start={props.start.clone()} /> }
}
