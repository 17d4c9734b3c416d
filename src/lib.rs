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
#[cfg(feature = "quality")]
pub mod worker_workspace;

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

/// Mounts the quality workspace's shell on `<body>` (called by the `verdict-workspace` binary,
/// `quality.html`): files, tabs and views; the analysis runs in the worker, which loads the
/// analysis module (`verdict-quality`) only when asked. A campaign link goes to `campaign.html`.
#[cfg(feature = "workspace")]
pub fn start_workspace() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return;
    }
    if state::browser::url_param("campaign").is_some() {
        // The campaign page has the planner (replacing this history entry, so Back leaves it).
        let location = gloo::utils::window().location();
        let _ = location.replace(&format!("campaign.html{}", location.search().unwrap_or_default()));
        return;
    }
    register_service_worker();
    thread_local! {
        static SHELL: std::cell::RefCell<Option<yew::AppHandle<i18n::Localized>>> = const { std::cell::RefCell::new(None) };
    }
    wasm_bindgen_futures::spawn_local(async {
        i18n::activate(i18n::negotiate(None)).await;
        let root = gloo::utils::body().into();
        // Removed when the analysis module takes over the page.
        let remove = yew::Callback::from(|()| {
            if let Some(shell) = SHELL.with(|shell| shell.borrow_mut().take()) {
                shell.destroy();
            }
        });
        let children = yew::html! { <components::analysis::shell::WorkspaceShell {remove} /> };
        let shell = yew::Renderer::<i18n::Localized>::with_root_and_props(root, i18n::root::LocalizedProps { children }).render();
        SHELL.with(|slot| *slot.borrow_mut() = Some(shell));
    });
}

/// Mounts the rating app with the campaign planner on `<body>` (called by the `verdict-quality`
/// binary on `campaign.html`, which campaign links reach through `quality.html`). The analysis
/// worker loads the same module and, having no window, mounts nothing; nor does the workspace's
/// shell, which loads it with `<meta name="verdict-mount" content="manual">` and mounts the workspace.
#[cfg(feature = "quality")]
pub fn start_quality() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return;
    }
    if gloo::utils::document().query_selector("meta[name=verdict-mount][content=manual]").ok().flatten().is_some() {
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
