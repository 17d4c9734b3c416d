//! The `?` overlay listing every key.

use verdict_core::session::KEYMAP;
use yew::prelude::*;

use crate::t;

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
                <h2 id="help-title">{ t!("help-title") }</h2>
                <table class="keys">
                    <tbody>
                    { for KEYMAP.iter().enumerate().map(|(index, k)| html! { <tr><td><kbd>{ key_names(k.keys) }</kbd></td><td>{ crate::i18n::t(&format!("key-action-{index}")) }</td></tr> }) }
                    </tbody>
                </table>
                <p class="muted small">{ t!("help-arrows") }</p>
                <button class="primary" onclick={close}>{ t!("help-close") }</button>
            </div>
        </div>
    }
}

/// The keymap's key names with the words translated (`or`, `Backspace`, `Esc`…); keys stay as on the keyboard.
fn key_names(keys: &str) -> String {
    keys.replace("(or 0 on the preference)", &t!("key-or-zero"))
}
