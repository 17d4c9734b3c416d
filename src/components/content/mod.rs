//! Rich content (task@2 parts): text, Markdown, code, math, image, audio, video, and the word diff.
//!
//! Math, code highlighting and the diff are computed by the rich-content worker ([`rich_worker`]),
//! so their code is not part of the rating page's first paint. Words come from the catalogs (`## rich`).

mod code_view;
mod content_view;
mod diff_view;
mod math_view;
mod media_view;
mod rich_worker;
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
