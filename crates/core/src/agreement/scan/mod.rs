//! A lean judgment-line scanner for the agreement hot path: it extracts only `item_id`,
//! `annotator`, `group`, `preference.winner` and `scores`, without building a `Judgment`.
//!
//! It accepts a line only when it is sure `judgment::judgment_from_line` would accept it with the
//! same values: on anything unusual (escapes in extracted strings, `\u` escapes, duplicate keys,
//! a type it does not expect, deep nesting, numbers it cannot convert exactly as serde_json does)
//! it returns `None` and the caller falls back to `judgment_from_line`, which also produces the
//! `field: problem` messages. `tests::agrees_with_judgment_from_line_on_the_real_file` checks
//! agreement on every line of the MT-Bench judgments.

use serde_json::Value;

use crate::judgment::{Judgment, SCHEMA};

/// A score value as the agreement code needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar<'a> {
    /// A JSON number, as `serde_json::Value::as_f64` gives it.
    Number(f64),
    /// A JSON boolean.
    Bool(bool),
    /// A JSON string.
    Str(&'a str),
    /// `null`: not rated.
    Null,
    /// An array or object where a single value was expected (multi-choice answers, nesting).
    Other,
}

/// One `scores` entry: a plain value (item-level criterion) or `{model: value}` (per-output).
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreValue<'a> {
    /// Item-level value.
    Scalar(Scalar<'a>),
    /// Per-output values keyed by model, in file order.
    PerOutput(Vec<(&'a str, Scalar<'a>)>),
}

/// The fields of a valid judgment line that agreement statistics use.
#[derive(Clone, Debug, PartialEq)]
pub struct Scanned<'a> {
    /// `item_id`.
    pub item_id: &'a str,
    /// `annotator`.
    pub annotator: &'a str,
    /// `group`, if any.
    pub group: Option<&'a str>,
    /// `preference.winner`, if any.
    pub winner: Option<&'a str>,
    /// `scores` entries in file order.
    pub scores: Vec<(&'a str, ScoreValue<'a>)>,
    /// `submitted_at`, if any (for the identity rule, `read::identity`).
    pub submitted_at: Option<&'a str>,
}

impl<'a> Scanned<'a> {
    /// The same fields taken from a parsed judgment (the reference the scanner must match).
    pub fn from_judgment(judgment: &'a Judgment) -> Scanned<'a> {
        let scalar = |value: &'a Value| match value {
            Value::Number(n) => Scalar::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::Bool(b) => Scalar::Bool(*b),
            Value::String(s) => Scalar::Str(s),
            Value::Null => Scalar::Null,
            Value::Array(_) | Value::Object(_) => Scalar::Other,
        };
        let scores = judgment.scores.iter().flatten().map(|(key, value)| {
            let value = match value {
                Value::Object(per_output) => ScoreValue::PerOutput(per_output.iter().map(|(m, v)| (m.as_str(), scalar(v))).collect()),
                other => ScoreValue::Scalar(scalar(other)),
            };
            (key.as_str(), value)
        });
        Scanned {
            item_id: &judgment.item_id,
            annotator: &judgment.annotator,
            group: judgment.group.as_deref(),
            winner: judgment.preference.as_ref().map(|p| p.winner.as_str()),
            scores: scores.collect(),
            submitted_at: judgment.submitted_at.as_deref(),
        }
    }
}

/// Scans one line; `None` means "not sure: use `judgment_from_line`".
pub fn scan_line(line: &str) -> Option<Scanned<'_>> {
    scan_line_into(line, Vec::new())
}

/// [`scan_line`], filling `scores` (cleared first) instead of a new vector, so that a caller
/// scanning many lines can recycle one allocation (see `Collector::add_line`).
pub fn scan_line_into<'a>(line: &'a str, mut scores: Vec<(&'a str, ScoreValue<'a>)>) -> Option<Scanned<'a>> {
    scores.clear();
    let mut cursor = Cursor { text: line, bytes: line.as_bytes(), at: 0, recording: None };
    let scanned = cursor.judgment(scores, None)?;
    cursor.ws();
    (cursor.at == cursor.bytes.len()).then_some(scanned)
}

/// Up to two names inline (a pairwise `shown`), more on the heap: a line's names without an
/// allocation in the common case.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names<'a> {
    two: [&'a str; 2],
    len: usize,
    more: Vec<&'a str>,
}

impl<'a> Names<'a> {
    pub(crate) fn push(&mut self, name: &'a str) {
        if self.more.is_empty() && self.len < 2 {
            self.two[self.len] = name;
            self.len += 1;
        } else {
            if self.more.is_empty() {
                self.more.extend_from_slice(&self.two[..self.len]);
            }
            self.more.push(name);
        }
    }

    /// The names in order.
    pub fn as_slice(&self) -> &[&'a str] {
        if self.more.is_empty() {
            &self.two[..self.len]
        } else {
            &self.more
        }
    }
}

/// `shown` and `ranking` of a judgment line, as ranking reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownAndRanking<'a> {
    /// `shown`, if present and not null.
    pub shown: Option<Names<'a>>,
    /// `ranking`, if present and not null.
    pub ranking: Option<Names<'a>>,
}

/// [`scan_line`] that also extracts `shown` and `ranking` (for the battle reader). `None`
/// means "not sure: use the full parser"; also when a name has an escape.
pub fn scan_battle_line(line: &str) -> Option<(Scanned<'_>, ShownAndRanking<'_>)> {
    let mut names = ShownAndRanking::default();
    let mut cursor = Cursor { text: line, bytes: line.as_bytes(), at: 0, recording: None };
    let scanned = cursor.judgment(Vec::new(), Some(&mut names))?;
    cursor.ws();
    (cursor.at == cursor.bytes.len()).then_some((scanned, names))
}

const MAX_DEPTH: u32 = 64;

/// The judgment fields the scanner knows (everything else is skipped as an unknown extra).
const KNOWN_KEYS: [&str; 15] = [
    "schema",
    "item_id",
    "annotator",
    "group",
    "shown",
    "ranking",
    "flags",
    "started_at",
    "submitted_at",
    "task_sha256",
    "rubric_sha256",
    "app_version",
    "duration_ms",
    "preference",
    "scores",
];

/// The high bit of each byte of `word` that may be `"`, `\\` or below 0x20 (the classic SWAR
/// zero-byte test). Borrows only carry upward, so the lowest flagged byte is exact: no special
/// byte comes before it. Zero when none of the eight bytes is special.
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let quote = zero_byte(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    quote | backslash | control
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// When learning a line's shape: where its values are (see `shape.rs`).
    recording: Option<Recording>,
}

/// How a value was read, so that a line of the same shape is checked by the same code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Read {
    /// A string without escapes (`Cursor::string`).
    Str,
    /// A string, simple escapes allowed (`Cursor::skip_string`).
    SkipStr,
    /// A number checked against JSON's grammar.
    Number,
    /// A number converted as serde_json does (its value is kept).
    NumberValue,
    /// A non-negative integer.
    Whole,
    /// A non-negative integer that fits 32 bits.
    WholeU32,
}

/// How a score's value is found in a line of a shape.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Plan {
    /// The value of hole `k` (a string or a number).
    Hole(usize),
    /// The same in every line (`true`, `false`, `null`, or an array or object).
    Fixed(Scalar<'static>),
    /// Per-output values: each model's key span in the learned line and its value.
    PerOutput(Vec<((usize, usize), Plan)>),
}

/// What a recording scan notes: the values that may differ between lines of one shape, and which
/// of them are the fields agreement uses.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recording {
    /// (start, end, how it was read) of every string and number value, in line order.
    pub holes: Vec<(usize, usize, Read)>,
    /// Hole of `item_id`.
    pub item_id: Option<usize>,
    /// Hole of `annotator`.
    pub annotator: Option<usize>,
    /// Hole of `group` (when a string).
    pub group: Option<usize>,
    /// Hole of `preference.winner`.
    pub winner: Option<usize>,
    /// Hole of `submitted_at` (when a string).
    pub submitted_at: Option<usize>,
    /// Each `scores` entry: its key's span in the line and where its value is.
    pub scores: Vec<((usize, usize), Plan)>,
    /// Holes of the names in `shown` and in `ranking` (battle lines).
    pub shown: Option<Vec<usize>>,
    pub ranking: Option<Vec<usize>>,
}

/// Scans `line` as [`scan_line`] does and also records where its values are; `None` when the
/// scanner declines the line.
pub(crate) fn scan_recording(line: &str) -> Option<(Scanned<'_>, Recording)> {
    let mut cursor = Cursor { text: line, bytes: line.as_bytes(), at: 0, recording: Some(Recording::default()) };
    let scanned = cursor.judgment(Vec::new(), None)?;
    cursor.ws();
    (cursor.at == cursor.bytes.len()).then_some(())?;
    Some((scanned, cursor.recording.take().expect("recording was on")))
}

/// [`scan_recording`] for battle lines ([`scan_battle_line`]).
pub(crate) fn scan_battle_recording(line: &str) -> Option<(Scanned<'_>, ShownAndRanking<'_>, Recording)> {
    let mut names = ShownAndRanking::default();
    let mut cursor = Cursor { text: line, bytes: line.as_bytes(), at: 0, recording: Some(Recording::default()) };
    let scanned = cursor.judgment(Vec::new(), Some(&mut names))?;
    cursor.ws();
    (cursor.at == cursor.bytes.len()).then_some(())?;
    Some((scanned, names, cursor.recording.take().expect("recording was on")))
}

/// Reads one value at `at` of `line` as `read` says (the same code as the scanner's); returns
/// its end and, for [`Read::NumberValue`], its value.
pub(crate) fn read_value(line: &str, at: usize, read: Read) -> Option<(usize, f64)> {
    let mut cursor = Cursor { text: line, bytes: line.as_bytes(), at, recording: None };
    let value = match read {
        Read::Str => cursor.string().map(|_| 0.0),
        Read::SkipStr => cursor.skip_string().map(|_| 0.0),
        Read::Number => cursor.number().map(|_| 0.0),
        Read::NumberValue => cursor.number_value(),
        Read::Whole => cursor.whole().map(|_| 0.0),
        Read::WholeU32 => cursor.whole().and_then(|w| u32::try_from(w).ok()).map(|_| 0.0),
    }?;
    Some((cursor.at, value))
}

/// The byte span of `part`, a slice of `text`.
fn span_of(text: &str, part: &str) -> (usize, usize) {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    (start, start + part.len())
}

mod cursor;
mod fields;

#[cfg(test)]
mod tests;
