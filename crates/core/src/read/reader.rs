//! The reference streaming reader: one line at a time into validated judgments, typed
//! problems, the identity rule and the input summary.

use super::identity::{replacement_warning, unpack, Stamp};
use super::line::{judgment_from_any_line, line_problems, no_verdict};
use super::summary::InputSummary;
use crate::intern::FxMap;
use crate::judgment::{identity_hash, Judgment};
use crate::limits::Limits;
use crate::problem::{Detail, Place, Problem};

/// What became of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineOutcome {
    /// A blank line (not counted).
    Blank,
    /// A judgment, kept in `slot`; `replaced` is the position of the judgment it replaced.
    Kept {
        /// Index of the judgment in [`Input::judgments`].
        slot: usize,
        /// Position (see [`super::identity::position`]) of the judgment it replaced, if any.
        replaced: Option<u64>,
    },
    /// A valid judgment that an earlier-read one of the same identity outranks.
    Superseded,
    /// Not a judgment: its problems were recorded.
    Skipped,
}

/// Everything the reader read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Input {
    /// The kept judgments, one per identity, in order of each identity's first appearance.
    pub judgments: Vec<Judgment>,
    /// The input summary.
    pub summary: InputSummary,
    /// Every problem (errors of skipped lines and warnings), in input order.
    pub problems: Vec<Problem>,
}

/// Reads judgment lines from one or more files, in order. See the module [`crate::read`].
#[derive(Debug, Default)]
pub struct JudgmentReader {
    limits: Limits,
    files: Vec<String>,
    judgments: Vec<Judgment>,
    stamps: Vec<Stamp>,
    /// Identity hash → slot (FxHash: the key is already a hash; the map is only looked up).
    slot_of: FxMap<u128, usize>,
    replaced: u64,
    skipped: u64,
    problems: Vec<Problem>,
    last_superseded: Option<Judgment>,
    /// False: judgments are not kept (streaming two-pass readers, see
    /// [`JudgmentReader::identities_only`]); the last one read is in `current`.
    identities_only: bool,
    current: Option<Judgment>,
}

impl JudgmentReader {
    /// A reader with `limits`.
    pub fn new(limits: Limits) -> JudgmentReader {
        JudgmentReader { limits, ..JudgmentReader::default() }
    }

    /// A reader that applies the identity rule and counts, but keeps no judgment: memory holds
    /// one stamp per identity. The judgment of the last line read is [`JudgmentReader::take_current`];
    /// where each identity's winner is, [`JudgmentReader::kept_positions`].
    pub fn identities_only(limits: Limits) -> JudgmentReader {
        JudgmentReader { limits, identities_only: true, ..JudgmentReader::default() }
    }

    /// Makes room for about `judgments` more distinct identities (a caller that can estimate
    /// them spares the identity map its regrowths).
    pub fn reserve(&mut self, judgments: usize) {
        self.slot_of.reserve(judgments);
        self.stamps.reserve(judgments);
    }

    /// The judgment of the last line read, in an [`identities_only`](Self::identities_only) reader.
    pub fn take_current(&mut self) -> Option<Judgment> {
        self.current.take()
    }

    /// The position ([`super::identity::position`]) of each kept judgment, by slot.
    pub fn kept_positions(&self) -> impl Iterator<Item = u64> + '_ {
        self.stamps.iter().map(|stamp| stamp.position)
    }

    /// Starts the next file, named `name` (`-` for stdin).
    pub fn begin_file(&mut self, name: &str) {
        self.files.push(name.to_owned());
    }

    fn file(&self) -> &str {
        self.files.last().map_or("-", String::as_str)
    }

    /// Reads line `line_no` (1-based) of the current file, given as bytes: a line that is not
    /// UTF-8 is skipped with a `not_utf8` problem. `unterminated`: the file's last line, with
    /// no newline after it (named in JSON errors: the file may have been cut short).
    pub fn add_line_bytes(&mut self, line_no: u64, line: &[u8], unterminated: bool) -> LineOutcome {
        match std::str::from_utf8(line) {
            Ok(text) => self.add_line(line_no, text, unterminated),
            Err(error) => {
                let column = Some(error.valid_up_to() as u64 + 1);
                self.skip(vec![Problem::error(self.file(), line_no, "-", Detail::NotUtf8 { column })])
            }
        }
    }

    /// Counts a line the caller could not read (e.g. not UTF-8) as skipped, with its problem.
    pub fn skip_line(&mut self, problem: Problem) -> LineOutcome {
        self.skip(vec![problem])
    }

    /// Reads line `line_no` (1-based) of the current file.
    pub fn add_line(&mut self, line_no: u64, line: &str, unterminated: bool) -> LineOutcome {
        let checked = check_line(line_no, line, &self.limits);
        self.add_checked(line_no, line, unterminated, checked)
    }

    /// Counts line `line_no` of the current file, which [`check_line`] read as `checked` (so
    /// that the parsing can run on other threads): the same as [`JudgmentReader::add_line`].
    pub fn add_checked(&mut self, line_no: u64, line: &str, unterminated: bool, checked: CheckedLine) -> LineOutcome {
        match checked.0 {
            Checked::Blank => LineOutcome::Blank,
            Checked::TooLong => {
                let detail = Detail::LineTooLong { limit: self.limits.max_line_bytes as u64 };
                self.skip(vec![Problem::error(self.file(), line_no, "-", detail)])
            }
            Checked::Read(Ok(Some(judgment))) => self.keep(line_no, *judgment),
            Checked::Read(Ok(None)) => self.skip(vec![no_verdict(self.file(), line_no)]),
            Checked::Read(Err(found)) => {
                let problems = line_problems(self.file(), line_no, trimmed(line_no, line), found, unterminated);
                self.skip(problems)
            }
        }
    }

    /// Reads a whole text as the next file named `name`.
    pub fn add_text(&mut self, name: &str, text: &str) {
        self.begin_file(name);
        let n_lines = text.lines().count();
        for (index, line) in text.lines().enumerate() {
            let unterminated = index + 1 == n_lines && !text.ends_with('\n');
            self.add_line(index as u64 + 1, line, unterminated);
        }
    }

    fn skip(&mut self, problems: Vec<Problem>) -> LineOutcome {
        self.skipped += 1;
        self.problems.extend(problems);
        LineOutcome::Skipped
    }

    /// Counts line `line_no` of the current file as a valid judgment of `(item_id, annotator)`
    /// submitted at `submitted_at`, which a fast projection has read (e.g.
    /// [`crate::ranking::arena_scan`]) and keeps itself, and applies the identity rule to it as
    /// to any judgment: same outcome, counts and warnings. Only for
    /// [`identities_only`](Self::identities_only) readers ([`JudgmentReader::take_current`]
    /// then has nothing).
    pub fn add_projected(&mut self, line_no: u64, item_id: &str, annotator: &str, submitted_at: Option<&str>) -> LineOutcome {
        debug_assert!(self.identities_only, "a projected judgment is kept by the caller");
        self.apply_identity(line_no, item_id, annotator, submitted_at, None)
    }

    /// Applies the identity rule ([`super::identity`]) to a valid judgment.
    fn keep(&mut self, line_no: u64, judgment: Judgment) -> LineOutcome {
        let key = identity_hash(&judgment.item_id, &judgment.annotator);
        let stamp = self.stamp(line_no, judgment.submitted_at.as_deref());
        if !self.slot_of.contains_key(&key) {
            return self.apply(key, stamp, line_no, "", "", Some(judgment));
        }
        // The names are only needed for a warning: copied then, not for every line.
        let (item_id, annotator) = (judgment.item_id.clone(), judgment.annotator.clone());
        self.apply(key, stamp, line_no, &item_id, &annotator, Some(judgment))
    }

    fn stamp(&self, line_no: u64, submitted_at: Option<&str>) -> Stamp {
        Stamp::new(submitted_at, self.files.len().saturating_sub(1), line_no)
    }

    fn apply_identity(
        &mut self,
        line_no: u64,
        item_id: &str,
        annotator: &str,
        submitted_at: Option<&str>,
        judgment: Option<Judgment>,
    ) -> LineOutcome {
        let key = identity_hash(item_id, annotator);
        let stamp = self.stamp(line_no, submitted_at);
        self.apply(key, stamp, line_no, item_id, annotator, judgment)
    }

    /// The identity rule for the judgment `key` (its names for the warnings) stamped `stamp`.
    fn apply(&mut self, key: u128, stamp: Stamp, line_no: u64, item_id: &str, annotator: &str, judgment: Option<Judgment>) -> LineOutcome {
        let Some(&slot) = self.slot_of.get(&key) else {
            self.slot_of.insert(key, self.stamps.len());
            self.stamps.push(stamp);
            self.store(None, judgment);
            return LineOutcome::Kept { slot: self.stamps.len() - 1, replaced: None };
        };
        self.replaced += 1;
        let other = self.stamps[slot];
        let place = self.place(other.position);
        if stamp.replaces(&other) {
            self.problems.push(replacement_warning(self.file(), line_no, item_id, annotator, place, true));
            self.stamps[slot] = stamp;
            self.store(Some(slot), judgment);
            LineOutcome::Kept { slot, replaced: Some(other.position) }
        } else {
            self.problems.push(replacement_warning(self.file(), line_no, item_id, annotator, place, false));
            if self.identities_only {
                self.current = judgment;
            } else {
                self.last_superseded = judgment;
            }
            LineOutcome::Superseded
        }
    }

    /// Keeps a judgment in `slot` (a new one when `None`), or hands it out as `current`.
    fn store(&mut self, slot: Option<usize>, judgment: Option<Judgment>) {
        match (self.identities_only, slot, judgment) {
            (true, _, judgment) => self.current = judgment,
            (false, Some(slot), Some(judgment)) => self.judgments[slot] = judgment,
            (false, None, Some(judgment)) => self.judgments.push(judgment),
            (false, _, None) => unreachable!("a reader that keeps judgments is given them"),
        }
    }

    /// `line N` in the current file, else `file:N`.
    fn place(&self, position: u64) -> Place {
        let (file_index, line) = unpack(position);
        let file = (file_index + 1 != self.files.len()).then(|| self.files[file_index].clone());
        Place { file, line }
    }

    /// The judgment of the last line that came out [`LineOutcome::Superseded`].
    pub fn last_superseded(&self) -> Option<&Judgment> {
        self.last_superseded.as_ref()
    }

    /// Every problem so far, in input order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The judgments kept so far, by slot.
    pub fn judgments(&self) -> &[Judgment] {
        &self.judgments
    }

    /// The summary of what was read so far.
    pub fn summary(&self) -> InputSummary {
        InputSummary::new(self.files.len() as u64, self.stamps.len() as u64, self.replaced, self.skipped, &self.problems)
    }

    /// Ends reading.
    pub fn finish(self) -> Input {
        let summary = self.summary();
        Input { judgments: self.judgments, summary, problems: self.problems }
    }
}

/// One line as [`check_line`] read it, for [`JudgmentReader::add_checked`].
#[derive(Debug)]
pub struct CheckedLine(Checked);

#[derive(Debug)]
enum Checked {
    Blank,
    TooLong,
    /// Boxed: batches of checked lines stay small while they wait to be counted.
    Read(Result<Option<Box<Judgment>>, crate::problem::FieldProblems>),
}

/// The line without a byte-order mark (line 1) and a carriage return.
pub(super) fn trimmed(line_no: u64, line: &str) -> &str {
    let line = if line_no == 1 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
    line.strip_suffix('\r').unwrap_or(line)
}

/// The part of [`JudgmentReader::add_line`] that depends on the line alone (parsing and
/// validation), so that a caller can run it on several threads and then count the lines in
/// order with [`JudgmentReader::add_checked`].
pub fn check_line(line_no: u64, line: &str, limits: &Limits) -> CheckedLine {
    let line = trimmed(line_no, line);
    CheckedLine(if line.trim().is_empty() {
        Checked::Blank
    } else if line.len() > limits.max_line_bytes {
        Checked::TooLong
    } else {
        Checked::Read(judgment_from_any_line(line).map(|judgment| judgment.map(Box::new)))
    })
}

/// Reads whole texts `(name, text)` in order with the default limits.
pub fn read_texts(files: &[(&str, &str)]) -> Input {
    let mut reader = JudgmentReader::new(Limits::default());
    for (name, text) in files {
        reader.add_text(name, text);
    }
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Code;

    const A1: &str = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","preference":{"winner":"m1"},"submitted_at":"2026-11-25T10:00:00Z"}"#;
    const A1_OLDER: &str = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","preference":{"winner":"m2"},"submitted_at":"2026-11-25T09:00:00Z"}"#;

    #[test]
    fn the_latest_submission_wins_wherever_it_is_read() {
        let text = format!("{A1}\nnot json\n{A1_OLDER}\n\n");
        let input = read_texts(&[("f", &text)]);
        assert_eq!(input.judgments.len(), 1);
        assert_eq!(input.judgments[0].preference.as_ref().unwrap().winner, "m1", "the later submitted_at wins although read first");
        let s = &input.summary;
        assert_eq!((s.files, s.lines, s.judgments, s.replaced, s.skipped, s.problems_total), (1, 3, 1, 1, 1, 1));
        assert_eq!(s.problems[0].code, Code::InvalidJson);
        // Across files: the same rule.
        let input = read_texts(&[("new", A1), ("old", A1_OLDER)]);
        assert_eq!(input.judgments[0].preference.as_ref().unwrap().winner, "m1");
    }

    #[test]
    fn foreign_rows_without_a_verdict_are_skipped_not_dropped() {
        let arena = r#"{"question_id":81,"model_a":"m1","model_b":"m2","judge":"h","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"A"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"B"}]}"#;
        let input = read_texts(&[("f", arena)]);
        assert_eq!((input.summary.skipped, input.summary.problems[0].code), (1, Code::NoVerdict));
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_with_its_code() {
        let mut reader = JudgmentReader::new(Limits { max_line_bytes: 10, ..Limits::default() });
        reader.begin_file("f");
        assert_eq!(reader.add_line(1, A1, false), LineOutcome::Skipped);
        assert_eq!(reader.finish().summary.problems[0].code, Code::LineTooLong);
    }
}
