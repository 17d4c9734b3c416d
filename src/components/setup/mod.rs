//! The setup page: choose what to rate and who you are.

pub mod setup_page;

pub use setup_page::{SetupPage, SetupPageProps};
