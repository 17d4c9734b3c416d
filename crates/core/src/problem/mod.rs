//! The one error shape every Verdict parser reports: `file:line: field: problem`, the problem
//! as typed data ([`Detail`]) and its words in catalogs ([`render`]).

mod detail;
mod render;

use std::fmt;

pub use detail::{Detail, Expected, FieldProblems, JsonKind, Place};
pub use render::{catalog, detail_in_english, in_english, render, words, LOCALES};

/// How bad a problem is: errors reject the line, warnings only inform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The line (or file) was not loaded.
    Error,
    /// The line loaded, but something deserves attention (e.g. a replaced judgment).
    Warning,
}

/// What kind of problem, as a stable code that scripts and translations key on (the
/// `"code"` of the input summary's problems; see docs/FORMATS.md, "Problem codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The line is not JSON.
    InvalidJson,
    /// The line is not UTF-8.
    NotUtf8,
    /// The line is longer than the line limit.
    LineTooLong,
    /// A required field is missing.
    Missing,
    /// A field has the wrong JSON type.
    WrongType,
    /// A field that must not be empty is empty.
    Empty,
    /// The `schema` names another format or version.
    Schema,
    /// A judgment with none of preference, ranking, scores, flags.
    NoContent,
    /// An object repeats a key.
    DuplicateKey,
    /// A foreign row (Arena, AlpacaEval) that carries no verdict.
    NoVerdict,
    /// A value outside what the rubric or format allows.
    OutOfRange,
    /// The tamper-evidence chain does not hold.
    Chain,
    /// The judgment was replaced by another of the same (item_id, annotator).
    Replaced,
    /// Any other problem.
    Invalid,
}

/// One problem found in an input file, located by file name, 1-based line and field path.
/// What is wrong is typed data ([`Detail`]); [`render`] puts it into words from a catalog.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    /// The file's name as the user gave it (or `-` for stdin).
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: u64,
    /// Field path inside the record, e.g. `outputs[1].model`; `-` when none applies.
    pub field: String,
    /// What is wrong, with its values.
    pub detail: Detail,
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem (stable, for scripts and translations): `detail.code()`.
    pub code: Code,
}

impl Problem {
    /// An error at `file:line` in `field`.
    pub fn error(file: &str, line: u64, field: &str, detail: Detail) -> Self {
        Problem { file: file.to_owned(), line, field: field.to_owned(), code: detail.code(), detail, severity: Severity::Error }
    }

    /// A warning at `file:line` in `field`.
    pub fn warning(file: &str, line: u64, field: &str, detail: Detail) -> Self {
        Problem { severity: Severity::Warning, ..Problem::error(file, line, field, detail) }
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `file:line: field: code` — a language-neutral form for logs; people read [`render`]'s words.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let warn = if self.is_error() { "" } else { "warning: " };
        let code = serde_json::to_value(self.code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        write!(f, "{}:{}: {}: {}{}", self.file, self.line, self.field, warn, code)
    }
}

/// What a lenient parser returns: everything that loaded, plus every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// The records that parsed and validated, in file order.
    pub records: Vec<T>,
    /// Errors (rejected lines) and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded { records: Vec::new(), problems: Vec::new() }
    }
}

impl<T> Loaded<T> {
    /// Number of problems that are errors.
    pub fn n_errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// serde_json's message without its " at line L column C" suffix (we report the line ourselves).
pub fn error_without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The problem of a line that is not valid JSON; `unterminated` (the file's last line, with no
/// newline after it) names a file cut short.
pub fn json_error_detail(error: &serde_json::Error, unterminated: bool) -> Detail {
    let parser = error_without_position(error);
    if error.is_eof() && unterminated {
        Detail::Truncated { parser }
    } else {
        Detail::InvalidJson { parser }
    }
}

/// A wrong-type problem: `expected`, found the type of `value`.
pub fn wrong_type(expected: Expected, value: &serde_json::Value) -> Detail {
    Detail::WrongType { expected, found: JsonKind::of(value) }
}

/// Takes the required string field `key` out of `object`, recording a problem under
/// `parent.key` when it is missing or not a string (shared by the record parsers).
pub fn take_string(
    object: &mut serde_json::Map<String, serde_json::Value>,
    parent: &str,
    key: &str,
    problems: &mut FieldProblems,
) -> Option<String> {
    match object.remove(key) {
        Some(serde_json::Value::String(text)) => Some(text),
        Some(other) => {
            problems.push((format!("{parent}.{key}"), wrong_type(Expected::String, &other)));
            None
        }
        None => {
            problems.push((format!("{parent}.{key}"), Detail::Missing));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_line_field_and_code() {
        let p = Problem::error("tasks.jsonl", 3, "outputs[1].model", Detail::Missing);
        assert_eq!(p.to_string(), "tasks.jsonl:3: outputs[1].model: missing");
        assert_eq!(p.code, Code::Missing);
        let other = Place { file: None, line: 2 };
        let w = Problem::warning("j.jsonl", 9, "item_id", Detail::Replaces { item_id: "i".into(), annotator: "a".into(), other });
        assert_eq!(w.to_string(), "j.jsonl:9: item_id: warning: replaced");
    }
}
