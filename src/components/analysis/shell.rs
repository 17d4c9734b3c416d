//! The workspace's shell: what `quality.html` paints first (the header and the files card,
//! [`WorkspaceFrame`]), without the views or any analysis code. Analyse, the demo or a planning
//! tool loads the analysis module, which takes over the page with the files chosen here.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::frame::{Inputs, Slot, WorkspaceFrame};
use super::handoff::{hand_over, Start, StartAction};
use crate::state::sources::NamedSource;
use crate::t;

/// Props of [`WorkspaceShell`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceShellProps {
    /// Removes the shell (its app), called just before the workspace shows.
    pub remove: Callback<()>,
}

/// The first screen; hands over to the analysis module on the first request.
#[function_component(WorkspaceShell)]
pub fn workspace_shell(props: &WorkspaceShellProps) -> Html {
    let inputs = use_state(Inputs::default);
    let loading = use_state(|| false);
    let error = use_state(|| None::<String>);
    let start = {
        let (inputs, loading, error, remove) = (inputs.clone(), loading.clone(), error.clone(), props.remove.clone());
        Callback::from(move |action: StartAction| {
            if action == StartAction::Analyse && inputs.judgments.is_empty() {
                error.set(Some(t!("q-choose-judgments")));
                return;
            }
            let start = Start { inputs: (*inputs).clone(), action };
            let (loading, error, remove) = (loading.clone(), error.clone(), remove.clone());
            loading.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let before = wasm_bindgen::closure::Closure::once_into_js(move || remove.emit(()));
                if let Err(message) = hand_over(&start, before.unchecked_ref()).await {
                    loading.set(false);
                    error.set(Some(message));
                }
            });
        })
    };
    let on_pick = {
        let inputs = inputs.clone();
        Callback::from(move |(slot, files): (Slot, Vec<NamedSource>)| inputs.set(inputs.with(slot, files)))
    };
    let on_close = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().location().assign("./");
    });
    let status = loading.then(|| t!("q-status-starting"));
    html! {
        <WorkspaceFrame busy={*loading} {status} error={(*error).clone()} {on_close} {on_pick}
            on_analyse={start.reform(|_: MouseEvent| StartAction::Analyse)} on_demo={start.reform(|_: MouseEvent| StartAction::Demo)}
            on_planning={start.reform(StartAction::Planning)} />
    }
}
