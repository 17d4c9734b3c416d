//! App state: the rating reducer, persistence and loading effects.

pub mod browser;
pub mod adjudications;
pub mod analysis;
pub mod loader;
pub mod outbox;
pub mod rating;
pub mod store;
