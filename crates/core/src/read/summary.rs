//! The input summary every command prints (`"input"` in its `--json` output, one line in its
//! human output, the overview in the quality workspace): the same files give the same block.

use serde::{Deserialize, Serialize};

use crate::problem::{Code, Problem};

/// How many problems the summary lists; `problems_total` counts them all.
pub const PROBLEMS_LISTED: usize = 100;

/// What the one reader read: DESIGN's `"input"` block. `lines` = `judgments` + `replaced` +
/// `skipped` (blank lines are not counted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSummary {
    /// Files read.
    pub files: u64,
    /// Non-blank lines read.
    pub lines: u64,
    /// Distinct judgments kept: one per (item_id, annotator).
    pub judgments: u64,
    /// Valid judgments replaced by another of the same identity (see [`super::identity`]).
    pub replaced: u64,
    /// Lines that were not read as judgments (each has at least one problem).
    pub skipped: u64,
    /// The first [`PROBLEMS_LISTED`] problems of skipped lines, in input order.
    pub problems: Vec<ProblemEntry>,
    /// How many such problems there were.
    pub problems_total: u64,
}

/// One problem of the summary: where, which field, what kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemEntry {
    /// File name as given.
    pub file: String,
    /// 1-based line.
    pub line: u64,
    /// Field path, `-` for the whole line.
    pub field: String,
    /// What kind of problem.
    pub code: Code,
}

impl InputSummary {
    /// The summary of counts and of `problems` (those of skipped lines: errors; warnings such
    /// as replacements are not listed, they are counted in `replaced`).
    pub fn new(files: u64, judgments: u64, replaced: u64, skipped: u64, problems: &[Problem]) -> InputSummary {
        let errors = problems.iter().filter(|p| p.is_error());
        InputSummary {
            files,
            lines: judgments + replaced + skipped,
            judgments,
            replaced,
            skipped,
            problems: errors
                .clone()
                .take(PROBLEMS_LISTED)
                .map(|p| ProblemEntry { file: p.file.clone(), line: p.line, field: p.field.clone(), code: p.code })
                .collect(),
            problems_total: errors.count() as u64,
        }
    }
}
