//! One line of a judgments file as the battle reader parses it, and the replacement warnings
//! it gives (the one reader's wording).

use crate::agreement::scan::{scan_battle_line, Scanned, ShownAndRanking};
use crate::judgment::Judgment;
use crate::problem::{Code, Problem};
use crate::read::judgment_from_any_line;

/// One non-empty line, parsed.
pub(super) enum Parsed<'a> {
    /// The common case: the hand-written scanner is sure of it (no allocation).
    Quick(Scanned<'a>, ShownAndRanking<'a>),
    /// The full parser accepted a shape the lean reader did not.
    Full(Box<Judgment>),
    /// Not a valid judgment: the line and its `(field, problem)` pairs.
    Bad(&'a str, Vec<(String, String)>),
    /// An Arena or AlpacaEval row without a verdict.
    NoVerdict,
}

pub(super) fn parse_line(line: &str) -> Parsed<'_> {
    if let Some((scanned, names)) = scan_battle_line(line) {
        return Parsed::Quick(scanned, names);
    }
    parse_line_in_full(line)
}

/// The one reader's reading of the line (`read::JudgmentReader::add_line`): a lenient shortcut
/// here would accept lines it rejects (duplicate keys, numbers out of range, nesting past the
/// limit).
pub(super) fn parse_line_in_full(line: &str) -> Parsed<'_> {
    match judgment_from_any_line(line) {
        Ok(Some(judgment)) => Parsed::Full(Box::new(judgment)),
        Ok(None) => Parsed::NoVerdict,
        Err(found) => Parsed::Bad(line, found),
    }
}

/// Pushes the warning [`load_judgments`](crate::read::load_judgments) gives for a replaced
/// judgment, whose slot held the judgment at `previous` (file index, line).
pub(super) fn warn_replaced(
    problems: &mut Vec<Problem>,
    files: &[&str],
    previous: (usize, u64),
    file: &str,
    line_no: u64,
    item_id: &str,
    annotator: &str,
) {
    let (file_index, previous_line) = previous;
    let where_ = if files[file_index] == file { format!("line {previous_line}") } else { format!("{}:{previous_line}", files[file_index]) };
    problems.push(
        Problem::warning(file, line_no, "item_id", format!("replaces the judgment of \"{item_id}\" by \"{annotator}\" on {where_}"))
            .with_code(Code::Replaced),
    );
}

/// Pushes the warning the one reader gives for a judgment outranked by an earlier-read one of
/// the same identity (submitted later, `read::identity`), kept at `kept` (file index, line).
pub(super) fn warn_superseded(
    problems: &mut Vec<Problem>,
    files: &[&str],
    kept: (usize, u64),
    file: &str,
    line_no: u64,
    item_id: &str,
    annotator: &str,
) {
    let (file_index, kept_line) = kept;
    let where_ = if files[file_index] == file { format!("line {kept_line}") } else { format!("{}:{kept_line}", files[file_index]) };
    problems.push(
        Problem::warning(
            file,
            line_no,
            "submitted_at",
            format!("replaced by the judgment of \"{item_id}\" by \"{annotator}\" on {where_}, submitted later"),
        )
        .with_code(Code::Replaced),
    );
}
