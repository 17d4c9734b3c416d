//! The workspace's report job in the analysis worker (analysis module only): judgment files
//! gathered slice by slice into wasm memory ([`InputFiles`], never a JavaScript string), the
//! report built once and handed to the page in pieces it can read without blocking
//! ([`quality_workspace`]), and the downloads rendered here on request ([`report_html`]).

use std::borrow::Cow;

use js_sys::{Array, Object, Reflect};
use verdict_core::report::{csv_tables, render_html_in, try_build_report, QualityReport, ReportOptions};
use wasm_bindgen::prelude::*;

/// Annotator rows per piece of the page's copy of the report: a piece reads in a few
/// milliseconds, so the page reads them between frames (no main-thread task over 50 ms).
pub const ANNOTATORS_PER_PIECE: usize = 2000;

/// Judgment files read into the worker's memory: the worker appends each file's slices in
/// order (`begin`, then `append` until the file ends); reserving the size up front keeps the
/// module's memory at the files' size (a growing buffer would double it, and wasm memory never shrinks).
#[wasm_bindgen]
#[derive(Default)]
pub struct InputFiles {
    files: Vec<(String, Vec<u8>)>,
}

#[wasm_bindgen]
impl InputFiles {
    /// No files yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> InputFiles {
        InputFiles::default()
    }

    /// Starts the file `name` of `size` bytes (the capacity reserved; a file that grows while
    /// read still appends correctly).
    pub fn begin(&mut self, name: String, size: f64) {
        let capacity = if size.is_finite() && size > 0.0 { size as usize } else { 0 };
        self.files.push((name, Vec::with_capacity(capacity)));
    }

    /// Appends the next slice of the current file.
    pub fn append(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        let Some((_, file)) = self.files.last_mut() else { return Err(JsError::new("append before begin")) };
        file.extend_from_slice(bytes);
        Ok(())
    }
}

impl InputFiles {
    /// The files as `(name, text)`: invalid UTF-8 becomes U+FFFD, as `Blob.text()` would read it.
    pub fn texts(&self) -> Vec<(&str, Cow<'_, str>)> {
        self.files.iter().map(|(name, bytes)| (name.as_str(), String::from_utf8_lossy(bytes))).collect()
    }
}

/// Builds the quality report of `judgments` (+ an optional task file and rubric: empty name,
/// none; `options_json` a `ReportOptions` object) and returns what the page needs, as JSON texts:
/// `{report}` the whole report (sent back for the HTML download), `{view}` the report without
/// its per-annotator lists as one JSON text per field (`{overview: "…", agreement: "…", …}`),
/// `{annotators}` the annotator rows in pieces of [`ANNOTATORS_PER_PIECE`] (the page reads each
/// section and piece in a task of its own), `{tables}` the CSV tables as
/// `[[name, text], …]` of strings (the page reads a table's text only to download it).
#[wasm_bindgen]
pub fn quality_workspace(
    judgments: &InputFiles,
    tasks_name: String,
    tasks_text: String,
    rubric_name: String,
    rubric_text: String,
    options_json: String,
) -> Result<Object, JsError> {
    let options: ReportOptions = serde_json::from_str(&options_json).map_err(|e| JsError::new(&format!("report options: {e}")))?;
    let texts = judgments.texts();
    let files: Vec<(&str, &str)> = texts.iter().map(|(name, text)| (*name, text.as_ref())).collect();
    let tasks = (!tasks_name.is_empty()).then_some((tasks_name.as_str(), tasks_text.as_str()));
    let rubric = (!rubric_name.is_empty()).then_some((rubric_name.as_str(), rubric_text.as_str()));
    let limits = verdict_core::read::Limits::default();
    let mut report = try_build_report(&files, tasks, rubric, &options, &limits).map_err(|e| JsError::new(&e.to_string()))?;
    drop(texts);
    let whole = json(&report)?;
    let tables: Array = csv_tables(&report).into_iter().map(|(name, text)| Array::of2(&name.into(), &text.into())).collect();
    let annotators = std::mem::take(&mut report.annotators);
    // The page shows the overall bias only; the per-annotator rows are in the CSV and the HTML.
    report.bias.by_annotator = Vec::new();
    let view = Object::new();
    if let serde_json::Value::Object(fields) = serde_json::to_value(&report).map_err(|e| JsError::new(&format!("report: {e}")))? {
        for (key, value) in fields {
            Reflect::set(&view, &key.as_str().into(), &json(&value)?.into())
                .map_err(|_| JsError::new("the worker could not build its answer"))?;
        }
    }
    let pieces = Array::new();
    for piece in annotators.chunks(ANNOTATORS_PER_PIECE) {
        pieces.push(&json(&piece)?.into());
    }
    let result = Object::new();
    for (key, value) in [("report", JsValue::from(whole)), ("view", view.into()), ("annotators", pieces.into()), ("tables", tables.into())]
    {
        Reflect::set(&result, &key.into(), &value).map_err(|_| JsError::new("the worker could not build its answer"))?;
    }
    Ok(result)
}

/// The report (`report_json`, as [`quality_workspace`] gave it) as the downloadable HTML page, in `locale`.
#[wasm_bindgen]
pub fn report_html(report_json: &str, locale: &str) -> Result<String, JsError> {
    let report: QualityReport = serde_json::from_str(report_json).map_err(|e| JsError::new(&format!("report: {e}")))?;
    Ok(render_html_in(&report, locale))
}

/// A piece of the answer as JSON text.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&format!("report: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_in_slices_are_the_files() {
        let mut files = InputFiles::new();
        files.begin("a.jsonl".into(), 5.0);
        files.append(b"ab").unwrap();
        files.append(b"c\n").unwrap();
        files.begin("b.jsonl".into(), f64::NAN);
        files.append(b"x\xffy").unwrap();
        let texts = files.texts();
        assert_eq!(texts[0], ("a.jsonl", Cow::Borrowed("abc\n")));
        assert_eq!(texts[1].1, "x\u{fffd}y");
    }
}
