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

impl<'a> Cursor<'a> {
    /// Reads a value with `value`, noting it as a hole read by `read` when recording; returns
    /// the value and, when recording, the hole's index.
    fn hole<T>(&mut self, read: Read, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<(T, usize)> {
        self.ws();
        let start = self.at;
        let value = value(self)?;
        let index = match &mut self.recording {
            Some(recording) => {
                recording.holes.push((start, self.at, read));
                recording.holes.len() - 1
            }
            None => 0,
        };
        Some((value, index))
    }

    /// Notes something in the recording, when recording.
    fn note(&mut self, note: impl FnOnce(&mut Recording)) {
        if let Some(recording) = &mut self.recording {
            note(recording);
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string without escapes (with escapes: bail, the fallback decodes them).
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        // Eight bytes at a time until one is a quote, a backslash or a control character.
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let special = special_bytes(u64::from_le_bytes(chunk.try_into().expect("an 8-byte slice")));
            if special != 0 {
                self.at += (special.trailing_zeros() / 8) as usize;
                if self.bytes[self.at] != b'"' {
                    return None;
                }
                let text = &self.text[start..self.at];
                self.at += 1;
                return Some(text);
            }
            self.at += 8;
        }
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => return None,
                byte if byte < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        let text = &self.text[start..self.at];
        self.at += 1;
        Some(text)
    }

    /// Skips a string, allowing simple escapes (not `\u`, whose surrogate rules serde checks).
    fn skip_string(&mut self) -> Option<()> {
        self.eat(b'"')?;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => match *self.bytes.get(self.at + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 2,
                    _ => return None,
                },
                byte if byte < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        Some(())
    }

    /// A number's text, checked against JSON's grammar.
    fn number(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.at;
        let digits = |cursor: &mut Self| {
            let from = cursor.at;
            while cursor.bytes.get(cursor.at).is_some_and(u8::is_ascii_digit) {
                cursor.at += 1;
            }
            cursor.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(&self.text[start..self.at])
    }

    fn number_value(&mut self) -> Option<f64> {
        let raw = self.number()?;
        if raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            // The same float parser `judgment_from_line` uses, so values agree to the bit.
            serde_json::from_str::<f64>(raw).ok()
        } else if raw.starts_with('-') {
            raw.parse::<i64>().ok().map(|n| n as f64)
        } else {
            raw.parse::<u64>().ok().map(|n| n as f64)
        }
    }

    fn whole(&mut self) -> Option<u64> {
        let raw = self.number()?;
        if raw.bytes().all(|b| b.is_ascii_digit()) {
            raw.parse::<u64>().ok()
        } else {
            None
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.ws();
        self.bytes[self.at..].starts_with(word).then(|| self.at += word.len())
    }

    /// True (and consumed) when the next value is `null`.
    fn null(&mut self) -> bool {
        self.literal(b"null").is_some()
    }

    fn skip_value(&mut self, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.hole(Read::SkipStr, Self::skip_string).map(|_| ()),
            b'{' => {
                let mut keys: Vec<&'a str> = Vec::new();
                self.object(|cursor, key| {
                    if keys.contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    cursor.skip_value(depth + 1)
                })
            }
            b'[' => self.array(|cursor| cursor.skip_value(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.hole(Read::Number, Self::number).map(|_| ()),
        }
    }

    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            element(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A score value, and where a line of the same shape has it (when recording).
    fn scalar(&mut self) -> Option<(Scalar<'a>, Plan)> {
        let fixed = |scalar: Scalar<'static>| (scalar.clone(), Plan::Fixed(scalar));
        Some(match self.peek()? {
            b'"' => self.hole(Read::Str, Self::string).map(|(text, k)| (Scalar::Str(text), Plan::Hole(k)))?,
            b't' => self.literal(b"true").map(|_| fixed(Scalar::Bool(true)))?,
            b'f' => self.literal(b"false").map(|_| fixed(Scalar::Bool(false)))?,
            b'n' => self.literal(b"null").map(|_| fixed(Scalar::Null))?,
            b'{' | b'[' => self.skip_value(2).map(|_| fixed(Scalar::Other))?,
            _ => self.hole(Read::NumberValue, Self::number_value).map(|(x, k)| (Scalar::Number(x), Plan::Hole(k)))?,
        })
    }

    /// `null`, or a string and its hole.
    fn optional_string(&mut self) -> Option<Option<(&'a str, usize)>> {
        if self.null() {
            Some(None)
        } else {
            self.hole(Read::Str, Self::string).map(Some)
        }
    }

    /// The judgment object; with `names`, `shown` and `ranking` are extracted there too.
    fn judgment(&mut self, mut scores: Vec<(&'a str, ScoreValue<'a>)>, mut names: Option<&mut ShownAndRanking<'a>>) -> Option<Scanned<'a>> {
        let (mut schema_ok, mut item_id, mut annotator, mut group, mut winner) = (false, None, None, None, None);
        let mut submitted_at = None;
        let mut has_content = false;
        // Duplicate keys bail out (serde's handling of them is not ours to imitate). Known keys
        // are tracked in a bit set; unknown ones in a list that is rarely allocated.
        let mut seen_known = 0u32;
        let mut seen_other: Vec<&'a str> = Vec::new();
        self.object(|cursor, key| {
            let known = match key.len() {
                6 if key == "scores" => Some(14),
                6 if key == "schema" => Some(0),
                7 if key == "item_id" => Some(1),
                9 if key == "annotator" => Some(2),
                _ => KNOWN_KEYS.iter().position(|k| *k == key),
            };
            match known {
                Some(bit) if seen_known & (1 << bit) != 0 => return None,
                Some(bit) => seen_known |= 1 << bit,
                None if seen_other.contains(&key) => return None,
                None => seen_other.push(key),
            }
            match key {
                "schema" => {
                    // The usual value, compared in place (it has no escapes, so this is exact).
                    cursor.ws();
                    let quoted = cursor.bytes.get(cursor.at + 1..cursor.at + 1 + SCHEMA.len());
                    if quoted == Some(SCHEMA.as_bytes())
                        && cursor.bytes.get(cursor.at) == Some(&b'"')
                        && cursor.bytes.get(cursor.at + 1 + SCHEMA.len()) == Some(&b'"')
                    {
                        cursor.at += SCHEMA.len() + 2;
                        schema_ok = true;
                    } else {
                        schema_ok = cursor.string()? == SCHEMA;
                    }
                }
                "item_id" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    item_id = Some(text);
                    cursor.note(|r| r.item_id = Some(k));
                }
                "annotator" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    annotator = Some(text);
                    cursor.note(|r| r.annotator = Some(k));
                }
                "group" => {
                    let found = cursor.optional_string()?;
                    group = found.map(|(text, _)| text);
                    cursor.note(|r| r.group = found.map(|(_, k)| k));
                }
                "shown" | "ranking" if names.is_some() => {
                    if !cursor.null() {
                        let mut list = Names::default();
                        let mut holes = Vec::new();
                        cursor.array(|c| {
                            let (name, k) = c.hole(Read::Str, Self::string)?;
                            list.push(name);
                            holes.push(k);
                            Some(())
                        })?;
                        let names = names.as_deref_mut().expect("checked by the guard");
                        if key == "shown" {
                            names.shown = Some(list);
                            cursor.note(|r| r.shown = Some(holes));
                        } else {
                            names.ranking = Some(list);
                            cursor.note(|r| r.ranking = Some(holes));
                            has_content = true;
                        }
                    }
                }
                "shown" | "ranking" | "flags" => {
                    if !cursor.null() {
                        cursor.array(|c| c.hole(Read::SkipStr, Self::skip_string).map(|_| ()))?;
                        has_content |= key != "shown";
                    }
                }
                "submitted_at" => {
                    let found = cursor.optional_string()?;
                    submitted_at = found.map(|(text, _)| text);
                    cursor.note(|r| r.submitted_at = found.map(|(_, k)| k));
                }
                "started_at" | "task_sha256" | "rubric_sha256" | "app_version" => {
                    if !cursor.null() {
                        cursor.hole(Read::SkipStr, Self::skip_string)?;
                    }
                }
                "duration_ms" => {
                    if !cursor.null() {
                        cursor.hole(Read::Whole, Self::whole)?;
                    }
                }
                "preference" => {
                    if !cursor.null() {
                        winner = Some(cursor.preference()?);
                        has_content = true;
                    }
                }
                "scores" => {
                    if !cursor.null() {
                        cursor.scores(&mut scores)?;
                        has_content = true;
                    }
                }
                _ => cursor.skip_value(1)?,
            }
            Some(())
        })?;
        let (item_id, annotator) = (item_id.filter(|s| !s.is_empty())?, annotator.filter(|s| !s.is_empty())?);
        (schema_ok && has_content).then_some(Scanned { item_id, annotator, group, winner, scores, submitted_at })
    }

    fn preference(&mut self) -> Option<&'a str> {
        let mut winner = None;
        let mut keys: Vec<&'a str> = Vec::new();
        self.object(|cursor, key| {
            if keys.contains(&key) {
                return None;
            }
            keys.push(key);
            match key {
                "winner" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    winner = Some(text);
                    cursor.note(|r| r.winner = Some(k));
                }
                "strength" => {
                    if !cursor.null() {
                        cursor.hole(Read::WholeU32, |c| c.whole().and_then(|w| u32::try_from(w).ok()))?;
                    }
                }
                _ => cursor.skip_value(2)?,
            }
            Some(())
        })?;
        winner
    }

    fn scores(&mut self, scores: &mut Vec<(&'a str, ScoreValue<'a>)>) -> Option<()> {
        self.object(|cursor, key| {
            if scores.iter().any(|(k, _)| *k == key) {
                return None;
            }
            let key_span = span_of(cursor.text, key);
            let (value, plan) = if cursor.peek()? == b'{' {
                let mut per_output: Vec<(&'a str, Scalar<'a>)> = Vec::new();
                let mut plans = Vec::new();
                cursor.object(|c, model| {
                    if per_output.iter().any(|(m, _)| *m == model) {
                        return None;
                    }
                    let (value, plan) = c.scalar()?;
                    per_output.push((model, value));
                    if c.recording.is_some() {
                        plans.push((span_of(c.text, model), plan));
                    }
                    Some(())
                })?;
                (ScoreValue::PerOutput(per_output), Plan::PerOutput(plans))
            } else {
                let (value, plan) = cursor.scalar()?;
                (ScoreValue::Scalar(value), plan)
            };
            scores.push((key, value));
            cursor.note(|r| r.scores.push((key_span, plan)));
            Some(())
        })
    }
}

#[cfg(test)]
mod tests;
