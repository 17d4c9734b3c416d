//! The rater's own viewing defaults (always blur, greyscale, hide media), kept in localStorage.

use yew::prelude::*;

use crate::state::browser::{local_get, local_set};
use crate::t;

const KEY: &str = "verdict-viewing";

/// What the rater chose; remembered on this device only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewingPrefs {
    /// Blur every image and video until revealed.
    pub always_blur: bool,
    /// Show media in greyscale.
    pub greyscale: bool,
    /// Do not load media until asked.
    pub hide_media: bool,
}

impl ViewingPrefs {
    /// The settings stored on this device.
    pub fn load() -> Self {
        let text = local_get(KEY).unwrap_or_default();
        ViewingPrefs { always_blur: text.contains('b'), greyscale: text.contains('g'), hide_media: text.contains('h') }
    }

    fn save(self) {
        let text: String = [(self.always_blur, 'b'), (self.greyscale, 'g'), (self.hide_media, 'h')]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, c)| *c)
            .collect();
        local_set(KEY, &text);
    }
}

/// The rater's settings as three check boxes, saved as they change (`prefs` is the caller's state).
pub fn viewing_prefs_html(prefs: &UseStateHandle<ViewingPrefs>) -> Html {
    let toggle = |pick: fn(&mut ViewingPrefs) -> &mut bool| {
        let prefs = prefs.clone();
        Callback::from(move |_: Event| {
            let mut next = *prefs;
            let flag = pick(&mut next);
            *flag = !*flag;
            next.save();
            prefs.set(next);
        })
    };
    html! {
        <details class="viewing-prefs"><summary>{ t!("viewing-title") }</summary>
            <label><input type="checkbox" checked={prefs.always_blur} onchange={toggle(|p| &mut p.always_blur)} />{ t!("viewing-always-blur") }</label>
            <label><input type="checkbox" checked={prefs.greyscale} onchange={toggle(|p| &mut p.greyscale)} />{ t!("viewing-greyscale") }</label>
            <label><input type="checkbox" checked={prefs.hide_media} onchange={toggle(|p| &mut p.hide_media)} />{ t!("viewing-hide") }</label>
        </details>
    }
}
