//! The one reader: judgment files in, validated judgments plus typed problems and one input
//! summary out. Every consumer — validate, convert, agree, rank, report, the rating app's
//! import, the quality workspace and its worker — counts lines, judgments, replacements and
//! skipped lines as this module defines them, and applies the identity rule from
//! [`identity`]. The statistics' fast line readers (`agreement::scan`, `agreement::shape`,
//! `ranking::battles`) are projections of this reader: a differential test
//! (`crates/core/tests/read_differential.rs`) checks that they report the same summary.
//! [`label_scan`] reads the common scored line for `aggregate` and hands the identity to the
//! reader ([`JudgmentReader::add_projected`]); `crates/core/tests/label_scan_differential.rs`.

pub mod identity;
pub mod label_scan;
pub mod line;
mod reader;
pub mod select;
pub mod summary;

pub use crate::limits::{self, LimitExceeded, Limits};
pub use identity::Stamp;
pub use line::{judgment_from_any_line, line_problems, load_judgments, no_verdict};
pub use reader::{check_line, read_texts, CheckedLine, Input, JudgmentReader, LineOutcome};
pub use select::{RaterSelector, RaterSet, SelectError, Selection};
pub use summary::{InputSummary, ProblemEntry};
