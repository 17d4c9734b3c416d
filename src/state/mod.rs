//! App state: the rating reducer, persistence and loading effects.

#[cfg(feature = "quality")]
pub mod adjudications;
#[cfg(feature = "quality")]
pub mod analysis;
pub mod autosave;
pub mod browser;
#[cfg(feature = "quality")]
pub mod campaign;
pub mod loader;
pub mod outbox;
pub mod rating;
#[cfg(feature = "workspace")]
pub mod sources;
#[cfg(feature = "quality")]
pub mod spc;
pub mod store;
pub mod stream;
pub mod uploads;
