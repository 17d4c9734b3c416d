//! The app's views: `setup/` (choose an evaluation), `rating/` (rate items), `common/`.

#[cfg(feature = "quality")]
pub mod analysis;
pub mod campaign;
#[cfg(feature = "quality")]
pub mod charts;
pub mod common;
pub mod rating;
pub mod setup;
