//! The quality lead's workspace: load judgment files, then overview, agreement, annotators and
//! sites, LLM judges, leaderboard, disagreements (with adjudication) and the report.

mod adjudication_panel;
mod agreement_view;
mod annotators_view;
mod disagreements_view;
mod format;
mod judges_view;
mod leaderboard_view;
mod overview_view;
mod quality_page;

pub use quality_page::{QualityPage, QualityPageProps};
