//! The app's views: `setup/` (choose an evaluation), `rating/` (rate items), `common/`.

#[cfg(feature = "quality")]
pub mod analysis;
#[cfg(feature = "quality")]
pub mod charts;
pub mod common;
pub mod content;
pub mod rating;
pub mod setup;
