//! App state: the rating reducer, persistence and loading effects.

pub mod browser;
#[cfg(feature = "quality")]
pub mod adjudications;
#[cfg(feature = "quality")]
pub mod analysis;
pub mod loader;
pub mod outbox;
pub mod rating;
pub mod store;
