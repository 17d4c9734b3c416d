//! Components shared by several pages.

mod markdown;

pub use markdown::{to_html as markdown_node_html, Markdown, MarkdownProps};
