//! Components shared by several pages.

mod markdown;

pub use markdown::{Markdown, MarkdownProps};
