//! The app's views: `setup/` (choose an evaluation), `rating/` (rate items), `common/`.

#[cfg(feature = "workspace")]
pub mod analysis;
/// Campaign links (`?campaign=…&annotator=…`): in the quality bundle, so that the planner stays
/// out of the rating page's first paint; the rating page forwards such links to `quality.html`.
#[cfg(feature = "quality")]
pub mod campaign;
#[cfg(feature = "quality")]
pub mod charts;
pub mod common;
pub mod content;
pub mod rating;
pub mod setup;
