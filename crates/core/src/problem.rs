//! The one error shape every Verdict parser reports: `file:line: field: problem`.

use std::fmt;

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
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    /// The file's name as the user gave it (or `-` for stdin).
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: u64,
    /// Field path inside the record, e.g. `outputs[1].model`; `-` when none applies.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem (stable, for scripts and translations).
    pub code: Code,
}

impl Problem {
    /// An error at `file:line` in `field`.
    pub fn error(file: &str, line: u64, field: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_owned(),
            line,
            field: field.to_owned(),
            message: message.into(),
            severity: Severity::Error,
            code: Code::Invalid,
        }
    }

    /// The same problem with `code`.
    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// A warning at `file:line` in `field`.
    pub fn warning(file: &str, line: u64, field: &str, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Warning, ..Problem::error(file, line, field, message) }
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let warn = if self.is_error() { "" } else { "warning: " };
        write!(f, "{}:{}: {}: {}{}", self.file, self.line, self.field, warn, self.message)
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

/// Describes a JSON value's type in the words a user knows ("a number", "an array").
pub fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
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

/// The message for a line that is not valid JSON; `unterminated` (the file's last line, with no
/// newline after it) names a file cut short.
pub fn json_error_message(error: &serde_json::Error, unterminated: bool) -> String {
    if error.is_eof() && unterminated {
        format!("truncated: the file ends inside this line's JSON ({})", error_without_position(error))
    } else {
        format!("not valid JSON ({})", error_without_position(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_line_field_message() {
        let p = Problem::error("tasks.jsonl", 3, "outputs[1].model", "missing");
        assert_eq!(p.to_string(), "tasks.jsonl:3: outputs[1].model: missing");
        let w = Problem::warning("j.jsonl", 9, "item_id", "replaces line 2");
        assert_eq!(w.to_string(), "j.jsonl:9: item_id: warning: replaces line 2");
    }
}
