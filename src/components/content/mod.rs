//! Rich content (task@2 parts): text, Markdown, code, math, image, audio, video, and the word diff.
//!
//! New UI strings live in one `LABELS` block per component, ready to move into catalogs.

mod code_view;
mod content_view;
mod diff_view;
mod math_view;
mod media_view;
mod viewing_prefs;

pub use code_view::CodeView;
pub use content_view::ContentView;
pub use diff_view::DiffView;
pub use math_view::MathView;
pub use media_view::MediaView;
pub use viewing_prefs::{use_viewing_prefs, ViewingPrefs, ViewingPrefsPanel};

/// The page's allow-list of media origins (`media_origins` of `verdict.config.json`), given by context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MediaOrigins(pub std::rc::Rc<Vec<String>>);
