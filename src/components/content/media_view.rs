//! An image, sound or film: refused with a visible note unless its URL is allowed; blurred and
//! greyscale until revealed when the item is sensitive or the rater asked for it.

use verdict_core::content::media::media_source;
use verdict_core::content::{Media, MediaKind};
use yew::prelude::*;

use super::{use_viewing_prefs, MediaOrigins};

/// Text of this component (to move into the catalogs).
mod labels {
    pub const REVEAL: &str = "Show media";
    pub const REFUSED: &str = "Not shown:";
    pub const HIDDEN: &str = "Hidden by your viewing settings.";
}

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
    if let Err(refusal) = media_source(&media.url, media.kind, &origins.0) {
        return html! {
            <figure class={classes!("media-part", "media-refused")} role="note">
                <p>{ format!("{} {} ({kind}: {})", labels::REFUSED, refusal, media.alt) }</p>
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
                <p class="muted">{ labels::HIDDEN }{ " " }{ alt.clone() }</p>
            } else {
                <div class="media-frame" aria-hidden={blurred.to_string()}>{ element }</div>
            }
            if blurred || hidden {
                <button class="media-reveal" onclick={reveal}>{ format!("{} ({kind})", labels::REVEAL) }</button>
            }
            if !media.alt.is_empty() { <figcaption>{ alt }</figcaption> }
        </figure>
    }
}
