//! Reading one line of a judgments file, for the one reader and its fast projections: a
//! Verdict judgment, the verdict an Arena or AlpacaEval row carries, or typed problems.

use serde_json::Value;

use crate::judgment::{judgment_from_line, Judgment};
use crate::problem::{json_error_detail, Detail, FieldProblems, Loaded, Problem};

/// Reads one line of a judgments file: a Verdict judgment, or the verdict an Arena battle or
/// AlpacaEval row carries (`Ok(None)` when such a row has none, e.g. no `winner`).
pub fn judgment_from_any_line(line: &str) -> Result<Option<Judgment>, FieldProblems> {
    match judgment_from_line(line) {
        Ok(judgment) => Ok(Some(judgment)),
        Err(problems) => match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) if !object.contains_key("schema") => match crate::import::detect(&object) {
                crate::import::Format::Arena | crate::import::Format::AlpacaEval => {
                    crate::import::judgment_from_foreign(Value::Object(object))
                }
                _ => Err(problems),
            },
            _ => Err(problems),
        },
    }
}

/// The problems of a line that is not a judgment: `found` from [`judgment_from_any_line`],
/// or the JSON syntax error (`unterminated`: the file's last line, without a newline).
pub fn line_problems(file: &str, line_no: u64, line: &str, found: FieldProblems, unterminated: bool) -> Vec<Problem> {
    match serde_json::from_str::<serde::de::IgnoredAny>(line) {
        Err(error) if !error.is_data() => {
            vec![Problem::error(file, line_no, "-", json_error_detail(&error, unterminated))]
        }
        _ => found.into_iter().map(|(field, detail)| Problem::error(file, line_no, &field, detail)).collect(),
    }
}

/// The problem of a foreign row (Arena, AlpacaEval) that carries no verdict: it is skipped.
pub fn no_verdict(file: &str, line_no: u64) -> Problem {
    Problem::error(file, line_no, "winner", Detail::NoVerdict)
}

/// Loads a judgments JSONL text through the one reader ([`crate::read`]): later-submitted
/// judgments of the same (item, annotator) replace earlier ones, with a warning; Arena
/// battles and AlpacaEval rows are read as their verdicts. The chain is not checked here: see
/// `export::verify_chain`.
pub fn load_judgments(file: &str, text: &str) -> Loaded<Judgment> {
    let input = super::read_texts(&[(file, text)]);
    Loaded { records: input.judgments, problems: input.problems }
}
