//! The Verdict web app: a thin Yew shell over verdict-core.
//!
//! `state/` holds the reducer wrapper and the effects (IndexedDB, files, downloads);
//! `components/` the views. All logic that can live in verdict-core does.

pub mod app;
pub mod components;
pub mod embed;
pub mod state;

/// Mounts the app on `<body>` (called by `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<app::App>::new().render();
}
