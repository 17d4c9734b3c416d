//! The `?` overlay listing every key.

use verdict_core::session::KEYMAP;
use yew::prelude::*;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Close the overlay.
    pub on_close: Callback<()>,
}

/// A modal dialog with the keymap.
#[function_component(HelpOverlay)]
pub fn help_overlay(props: &HelpOverlayProps) -> Html {
    let close = props.on_close.reform(|_| ());
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
            <div class="dialog">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <table class="keys">
                    <tbody>
                    { for KEYMAP.iter().map(|k| html! { <tr><td><kbd>{ k.keys }</kbd></td><td>{ k.action }</td></tr> }) }
                    </tbody>
                </table>
                <button class="primary" onclick={close}>{ "Close (?)" }</button>
            </div>
        </div>
    }
}
