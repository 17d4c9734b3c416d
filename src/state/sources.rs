//! Where the workspace's files come from: picked files or URLs (the shell and the analysis
//! module share these; the worker reads them).

/// Where a file's text comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum FileSource {
    /// A picked or dropped file.
    File(web_sys::File),
    /// A URL (relative to the page), e.g. a demo file.
    Url(String),
}

/// A named file for the analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedSource {
    /// Name used in problems (`file:line: …`).
    pub name: String,
    /// Its contents.
    pub source: FileSource,
}
