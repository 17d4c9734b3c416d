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
    fn load() -> Self {
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

/// The rater's viewing settings, as stored (read on each mount).
#[hook]
pub fn use_viewing_prefs() -> ViewingPrefs {
    *use_memo((), |_| ViewingPrefs::load())
}

/// Props of [`ViewingPrefsPanel`].
#[derive(Properties, PartialEq)]
pub struct ViewingPrefsPanelProps {
    /// Called after a change (the page re-renders its media).
    #[prop_or_default]
    pub on_change: Callback<ViewingPrefs>,
}

/// Three check boxes, saved as they change.
#[function_component(ViewingPrefsPanel)]
pub fn viewing_prefs_panel(props: &ViewingPrefsPanelProps) -> Html {
    let prefs = use_state(ViewingPrefs::load);
    let toggle = |pick: fn(&mut ViewingPrefs) -> &mut bool| {
        let (prefs, on_change) = (prefs.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let mut next = *prefs;
            let flag = pick(&mut next);
            *flag = !*flag;
            next.save();
            prefs.set(next);
            on_change.emit(next);
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
