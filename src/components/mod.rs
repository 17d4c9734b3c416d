//! The app's views: `setup/` (choose an evaluation), `rating/` (rate items), `common/`.

pub mod analysis;
pub mod charts;
pub mod common;
pub mod rating;
pub mod setup;
