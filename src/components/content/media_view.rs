//! An image, sound or film: refused with a visible note unless its URL is allowed; blurred and
//! greyscale until revealed when the item is sensitive or the rater asked for it.

use verdict_core::content::media::{media_source, Refusal};
use verdict_core::content::{Media, MediaKind};
use yew::prelude::*;

use super::{use_viewing_prefs, MediaOrigins};
use crate::t;

/// Props of [`MediaView`].
#[derive(Properties, PartialEq)]
pub struct MediaViewProps {
    /// The media part.
    pub media: Media,
    /// The item is sensitive.
    #[prop_or_default]
    pub sensitive: bool,
}

/// One media element, or a note saying why it is not shown.
#[function_component(MediaView)]
pub fn media_view(props: &MediaViewProps) -> Html {
    let origins = use_context::<MediaOrigins>().unwrap_or_default();
    let prefs = use_viewing_prefs();
    let revealed = use_state(|| false);
    let media = &props.media;
    let kind = media.kind.name();
    let kind_name = match media.kind {
        MediaKind::Image => t!("media-kind-image"),
        MediaKind::Audio => t!("media-kind-audio"),
        MediaKind::Video => t!("media-kind-video"),
    };
    if let Err(refusal) = media_source(&media.url, media.kind, &origins.0) {
        return html! {
            <figure class={classes!("media-part", "media-refused")} role="note">
                <p>{ t!("media-refused", reason = refusal_text(&refusal), kind = kind_name, alt = media.alt.clone()) }</p>
            </figure>
        };
    }
    let hidden = !*revealed && prefs.hide_media;
    let blurred = !*revealed && (props.sensitive || prefs.always_blur);
    let grey = props.sensitive || prefs.greyscale;
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_| revealed.set(true))
    };
    let url = AttrValue::from(media.url.clone());
    let alt = AttrValue::from(media.alt.clone());
    let element = match media.kind {
        MediaKind::Image => html! { <img src={url} alt={alt.clone()} /> },
        MediaKind::Audio => html! { <audio src={url} controls=true aria-label={alt.clone()}></audio> },
        MediaKind::Video => html! { <video src={url} controls=true aria-label={alt.clone()}></video> },
    };
    html! {
        <figure class={classes!("media-part", format!("media-{kind}"), blurred.then_some("media-blurred"), (grey && !*revealed).then_some("media-grey"))}>
            if hidden {
                <p class="muted">{ t!("media-hidden") }{ " " }<span dir="auto">{ alt.clone() }</span></p>
            } else {
                <div class="media-frame" aria-hidden={blurred.to_string()}>{ element }</div>
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
