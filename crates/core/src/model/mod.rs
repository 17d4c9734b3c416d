//! The model layer: types only, no parsing beyond serde's derives. Everything else builds on it
//! (docs/ARCHITECTURE.md, "Layers"); it depends on nothing in the crate.

pub mod task;
