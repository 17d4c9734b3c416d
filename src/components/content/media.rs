//! An image, sound or film: refused with a visible note unless its URL is allowed; blurred and
//! greyscale until revealed when the item is sensitive or the rater asked for it.

use verdict_core::content::media::{media_source, Refusal};
use verdict_core::content::{Media, MediaKind};
use yew::prelude::*;

use super::{media_origins, RichView};
use crate::t;

/// One media element, or a note saying why it is not shown.
pub fn media_html(media: &Media, view: &RichView) -> Html {
    let kind = media.kind.name();
    let kind_name = match media.kind {
        MediaKind::Image => t!("media-kind-image"),
        MediaKind::Audio => t!("media-kind-audio"),
        MediaKind::Video => t!("media-kind-video"),
    };
    if let Err(refusal) = media_source(&media.url, media.kind, &media_origins()) {
        return html! {
            <figure class={classes!("media-part", "media-refused")} role="note">
                <p>{ t!("media-refused", reason = refusal_text(&refusal), kind = kind_name, alt = media.alt.clone()) }</p>
            </figure>
        };
    }
    let revealed = view.revealed.contains(&media.url);
    let prefs = view.prefs;
    let hidden = !revealed && prefs.hide_media;
    let blurred = !revealed && (view.sensitive || prefs.always_blur);
    let grey = !revealed && (view.sensitive || prefs.greyscale);
    let reveal = {
        let url = media.url.clone();
        view.on_reveal.reform(move |_: MouseEvent| url.clone())
    };
    let url = AttrValue::from(media.url.clone());
    let alt = AttrValue::from(media.alt.clone());
    let element = match media.kind {
        MediaKind::Image => html! { <img src={url} alt={alt.clone()} /> },
        MediaKind::Audio => html! { <audio src={url} controls=true aria-label={alt.clone()}></audio> },
        MediaKind::Video => html! { <video src={url} controls=true aria-label={alt.clone()}></video> },
    };
    html! {
        <figure class={classes!("media-part", format!("media-{kind}"), blurred.then_some("media-blurred"), grey.then_some("media-grey"))}>
            if hidden {
                <p class="muted">{ t!("media-hidden") }{ " " }<span dir="auto">{ alt.clone() }</span></p>
            } else {
                <div class="media-frame" aria-hidden={blurred.to_string()} inert={blurred}>{ element }</div>
            }
            if blurred || hidden {
                <button class="media-reveal" onclick={reveal}>{ match media.kind {
                    MediaKind::Image => t!("media-reveal-image"),
                    MediaKind::Audio => t!("media-reveal-audio"),
                    MediaKind::Video => t!("media-reveal-video"),
                } }</button>
            }
            if !media.alt.is_empty() { <figcaption dir="auto">{ alt }</figcaption> }
        </figure>
    }
}

/// Why a URL is refused, in the interface language (core's [`Refusal`] is typed).
fn refusal_text(refusal: &Refusal) -> String {
    match refusal {
        Refusal::Scheme { scheme } => t!("media-refused-scheme", scheme = scheme.clone()),
        Refusal::DataType { kind, found } => t!("media-refused-type", expected = kind.name(), found = found.clone()),
        Refusal::Malformed => t!("media-refused-malformed"),
        Refusal::Origin { origin } => t!("media-refused-origin", origin = origin.clone()),
    }
}
