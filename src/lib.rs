//! The Verdict web app: a thin Yew shell over verdict-core.
//!
//! `state/` holds the reducer wrapper and the effects (IndexedDB, files, downloads);
//! `components/` the views. All logic that can live in verdict-core does.

pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod state;
#[cfg(feature = "quality")]
pub mod worker;
#[cfg(feature = "quality")]
pub mod worker_campaign;

/// Mounts the app on `<body>` (called by `main`) and registers the offline service worker.
/// A host page with `<meta name="verdict-mount" content="manual">` mounts through [`api::mount`] instead.
pub fn start() {
    console_error_panic_hook::set_once();
    // In the analysis worker (same module, no window) there is nothing to mount.
    if web_sys::window().is_none() {
        return;
    }
    let manual = gloo::utils::document().query_selector("meta[name=verdict-mount][content=manual]").ok().flatten().is_some();
    if manual {
        return;
    }
    register_service_worker();
    wasm_bindgen_futures::spawn_local(async {
        i18n::activate(i18n::negotiate(None)).await;
        let root = gloo::utils::body().into();
        yew::Renderer::<i18n::Localized>::with_root_and_props(root, i18n::root::LocalizedProps { children: yew::html! { <app::App /> } })
            .render();
    });
}

/// Mounts the quality workspace on `<body>` (called by the `verdict-quality` binary).
#[cfg(feature = "quality")]
pub fn start_quality() {
    console_error_panic_hook::set_once();
    // In the analysis worker (same module, no window) there is nothing to mount.
    if web_sys::window().is_none() {
        return;
    }
    register_service_worker();
    wasm_bindgen_futures::spawn_local(async {
        i18n::activate(i18n::negotiate(None)).await;
        let root = gloo::utils::body().into();
        // A campaign link (forwarded by the rating page) opens the rating app with the planner.
        let children = if state::browser::url_param("campaign").is_some() {
            yew::html! { <app::App /> }
        } else {
            yew::html! { <components::analysis::QualityApp /> }
        };
        yew::Renderer::<i18n::Localized>::with_root_and_props(root, i18n::root::LocalizedProps { children }).render();
    });
}

/// Registers `sw.js` (beside the page) when served over http(s); `file://` has no service workers.
fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    let supported = js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false);
    if supported && (protocol == "http:" || protocol == "https:") {
        // Best effort: without it the app still works, only not offline.
        let _ = window.navigator().service_worker().register("./sw.js");
    }
}
