//! One line of a judgments file as the battle reader parses it, and the replacement warnings
//! it gives (the one reader's wording).

use crate::agreement::scan::{scan_battle_line, Scanned, ShownAndRanking};
use crate::judgment::Judgment;
use crate::problem::{FieldProblems, Place, Problem};
use crate::read::identity::replacement_warning;
use crate::read::judgment_from_any_line;

/// One non-empty line, parsed.
pub(super) enum Parsed<'a> {
    /// The common case: the hand-written scanner is sure of it (no allocation).
    Quick(Scanned<'a>, ShownAndRanking<'a>),
    /// The full parser accepted a shape the lean reader did not.
    Full(Box<Judgment>),
    /// Not a valid judgment: the line and its `(field, problem)` pairs.
    Bad(&'a str, FieldProblems),
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
    problems.push(replacement_warning(file, line_no, item_id, annotator, place(files, previous, file), true));
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
    problems.push(replacement_warning(file, line_no, item_id, annotator, place(files, kept, file), false));
}

/// The place of line (file index, line), named by file only when it is not `file`.
fn place(files: &[&str], (file_index, line): (usize, u64), file: &str) -> Place {
    Place { file: (files[file_index] != file).then(|| files[file_index].to_owned()), line }
}
