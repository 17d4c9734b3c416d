//! The rating workspace: item, outputs side by side, rating panel, progress, help.

mod criterion_row;
mod help_overlay;
mod item_view;
mod output_card;
mod progress_bar;
mod rating_page;
mod rating_panel;
mod upload_status;
mod wellbeing_bar;

pub use rating_page::{RatingPage, RatingPageProps};
