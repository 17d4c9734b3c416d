//! Reading input: JSONL lines from any reader, and the formats people already have
//! (Chatbot Arena battles, preference pairs, AlpacaEval), detected per line.
//!
//! Each foreign row becomes a Verdict [`Task`] and, for Arena and AlpacaEval rows that carry a
//! verdict, a [`Judgment`]. The mapping is documented in `docs/FORMATS.md` ("Importers").

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use crate::digest::sha256_hex;
use crate::judgment::{Judgment, Preference, BOTH_BAD, TIE};
use crate::model::task::{Gold, Output, Task, Turn};
use crate::problem::{wrong_type, Detail, Expected, FieldProblems, Problem};

/// Annotator given to Arena rows that have neither `judge` nor `annotator`.
pub const ARENA_DEFAULT_ANNOTATOR: &str = "arena";
/// Annotator given to AlpacaEval rows that have neither `annotator` nor `judge`.
pub const ALPACAEVAL_DEFAULT_ANNOTATOR: &str = "alpacaeval";
/// Model id of the preferred answer of an imported preference pair.
pub const CHOSEN: &str = "chosen";
/// Model id of the dispreferred answer of an imported preference pair.
pub const REJECTED: &str = "rejected";

/// Where a line came from, detected from its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Verdict task (`id`, `prompt`/`conversation`, `outputs`).
    Verdict,
    /// A Chatbot Arena battle (`model_a`, `model_b`, `conversation_a`, `conversation_b`, `winner`).
    Arena,
    /// A preference pair for DPO training (`prompt`, `chosen`, `rejected`).
    PreferencePair,
    /// An AlpacaEval comparison (`instruction`, `output_1`, `output_2`, `generator_1`, `generator_2`).
    AlpacaEval,
}

impl Format {
    /// The name recorded in an imported task's `meta.imported_from`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Verdict => "verdict",
            Format::Arena => "arena",
            Format::PreferencePair => "preference_pair",
            Format::AlpacaEval => "alpacaeval",
        }
    }
}

/// Detects a record's format from its keys; anything unrecognised is treated as a Verdict task,
/// so its problems are reported against the Verdict task format.
pub fn detect(object: &Map<String, Value>) -> Format {
    if object.contains_key("outputs")
        || object.contains_key("id")
            && !object.contains_key("model_a")
            && !object.contains_key("instruction")
            && !object.contains_key("chosen")
    {
        Format::Verdict
    } else if object.contains_key("model_a") && object.contains_key("model_b") {
        Format::Arena
    } else if object.contains_key("instruction") && (object.contains_key("output_1") || object.contains_key("output_2")) {
        Format::AlpacaEval
    } else if object.contains_key("chosen") && object.contains_key("rejected") {
        Format::PreferencePair
    } else {
        Format::Verdict
    }
}

/// One imported row: the item, and the verdict it carried (Arena and AlpacaEval only).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The item to rate.
    pub task: Task,
    /// The row's own verdict, when it had one.
    pub judgment: Option<Judgment>,
    /// The detected format.
    pub format: Format,
}

/// Imports one foreign row (`format` from [`detect`], not [`Format::Verdict`]).
pub fn import_object(object: Map<String, Value>, format: Format) -> Result<Imported, FieldProblems> {
    match format {
        Format::Arena => arena(object),
        Format::AlpacaEval => alpacaeval(object),
        Format::PreferencePair => preference_pair(object),
        Format::Verdict => Err(vec![("-".into(), Detail::NotForeign)]),
    }
}

/// The judgment carried by an Arena or AlpacaEval line, for readers of judgment files.
/// `Ok(None)` when the row has no verdict; `Err` when it is not such a row or is malformed.
pub fn judgment_from_foreign(value: Value) -> Result<Option<Judgment>, FieldProblems> {
    let Value::Object(object) = value else {
        return Err(vec![("-".into(), wrong_type(Expected::Object, &value))]);
    };
    match detect(&object) {
        format @ (Format::Arena | Format::AlpacaEval) => import_object(object, format).map(|imported| imported.judgment),
        _ => Err(vec![("-".into(), Detail::UnknownRow)]),
    }
}

/// Collects problems while taking fields out of a row.
struct Fields {
    object: Map<String, Value>,
    problems: FieldProblems,
}

impl Fields {
    fn required_string(&mut self, key: &str) -> String {
        match self.object.remove(key) {
            Some(Value::String(text)) => text,
            Some(other) => {
                self.problems.push((key.into(), wrong_type(Expected::String, &other)));
                String::new()
            }
            None => {
                self.problems.push((key.into(), Detail::Missing));
                String::new()
            }
        }
    }

    fn model(&mut self, key: &str) -> String {
        let model = self.required_string(key);
        if model.trim().is_empty() && !self.problems.iter().any(|(field, _)| field == key) {
            self.problems.push((key.into(), Detail::Empty));
        }
        model
    }

    /// An `id` given in the row (string, or a number taken as its decimal text).
    fn explicit_id(&mut self, key: &str) -> Option<String> {
        match self.object.remove(key) {
            Some(Value::String(id)) if !id.trim().is_empty() => Some(id),
            Some(Value::Number(number)) => Some(number.to_string()),
            None | Some(Value::Null) => None,
            Some(Value::String(_)) => {
                self.problems.push((key.into(), Detail::Empty));
                None
            }
            Some(other) => {
                self.problems.push((key.into(), wrong_type(Expected::StringOrNumber, &other)));
                None
            }
        }
    }

    /// The first of `keys` that holds a non-empty string, else `default`.
    fn annotator(&mut self, keys: [&str; 2], default: &str) -> String {
        for key in keys {
            match self.object.remove(key) {
                Some(Value::String(name)) if !name.trim().is_empty() => return name,
                Some(Value::String(_)) | None | Some(Value::Null) => {}
                Some(other) => self.problems.push((key.into(), wrong_type(Expected::String, &other))),
            }
        }
        default.to_owned()
    }

    fn distinct_models(&mut self, first: &str, second: &str, second_key: &str) {
        if !first.is_empty() && first == second {
            self.problems.push((second_key.into(), Detail::DuplicateModel { model: first.to_owned() }));
        }
    }

    fn finish<T>(self, make: impl FnOnce(Map<String, Value>) -> T) -> Result<T, FieldProblems> {
        if self.problems.is_empty() {
            Ok(make(self.object))
        } else {
            Err(self.problems)
        }
    }
}

/// First 16 hex digits of the SHA-256 of `parts` joined by NUL: a stable id for rows without one.
fn content_id(parts: &[&str]) -> String {
    sha256_hex(parts.join("\0").as_bytes())[..16].to_owned()
}

/// Models of a pair in a fixed order, so `a|b` and `b|a` name the same comparison.
fn pair_key(first: &str, second: &str) -> String {
    if first <= second {
        format!("{first}|{second}")
    } else {
        format!("{second}|{first}")
    }
}

fn imported_meta(format: Format, mut meta: Map<String, Value>) -> Map<String, Value> {
    meta.insert("imported_from".into(), Value::String(format.name().into()));
    meta
}

/// Reads an OpenAI-style message list (`[{"role", "content"}]`) at `key`.
fn messages(fields: &mut Fields, key: &str) -> Vec<Turn> {
    match fields.object.remove(key) {
        Some(Value::Array(items)) => {
            let mut turns = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                let field = format!("{key}[{index}]");
                match item {
                    Value::Object(mut message) => match (message.remove("role"), message.remove("content")) {
                        (Some(Value::String(role)), Some(Value::String(content))) => turns.push(Turn { role, content: content.into() }),
                        (Some(Value::String(_)), Some(other)) => {
                            fields.problems.push((format!("{field}.content"), wrong_type(Expected::String, &other)))
                        }
                        (Some(Value::String(_)), None) => fields.problems.push((format!("{field}.content"), Detail::Missing)),
                        (Some(other), _) => fields.problems.push((format!("{field}.role"), wrong_type(Expected::String, &other))),
                        (None, _) => fields.problems.push((format!("{field}.role"), Detail::Missing)),
                    },
                    other => fields.problems.push((field, wrong_type(Expected::Turn, &other))),
                }
            }
            if turns.is_empty() && !fields.problems.iter().any(|(f, _)| f.starts_with(key)) {
                fields.problems.push((key.into(), Detail::Empty));
            }
            turns
        }
        Some(other) => {
            fields.problems.push((key.into(), wrong_type(Expected::TurnArray, &other)));
            Vec::new()
        }
        None => {
            fields.problems.push((key.into(), Detail::Missing));
            Vec::new()
        }
    }
}

/// Splits a conversation into the shared context (turns before the first assistant reply)
/// and the model's part: the reply, followed by any later turns as a labelled transcript.
fn split_conversation(turns: &[Turn]) -> (&[Turn], String) {
    let first_reply = turns.iter().position(|t| t.role == "assistant").unwrap_or(turns.len());
    let (context, rest) = turns.split_at(first_reply);
    let mut content = String::new();
    for (index, turn) in rest.iter().enumerate() {
        if index == 0 {
            content.push_str(&turn.content.plain_text());
        } else {
            let who = if turn.role == "assistant" {
                "Assistant"
            } else if turn.role == "user" {
                "User"
            } else {
                &turn.role
            };
            content.push_str(&format!("\n\n**{who}:**\n\n{}", turn.content.plain_text()));
        }
    }
    (context, content)
}

/// Context turns as a task's `prompt` (one user turn) or `conversation` (anything else).
fn prompt_or_conversation(context: &[Turn]) -> (Option<String>, Option<Vec<Turn>>) {
    match context {
        [only] if only.role == "user" => (Some(only.content.plain_text().into_owned()), None),
        [] => (Some(String::new()), None),
        turns => (None, Some(turns.to_vec())),
    }
}

fn arena(object: Map<String, Value>) -> Result<Imported, FieldProblems> {
    let mut fields = Fields { object, problems: Vec::new() };
    let explicit = fields.explicit_id("id");
    let question = fields.explicit_id("question_id");
    let model_a = fields.model("model_a");
    let model_b = fields.model("model_b");
    fields.distinct_models(&model_a, &model_b, "model_b");
    let conversation_a = messages(&mut fields, "conversation_a");
    let conversation_b = messages(&mut fields, "conversation_b");
    let winner = match fields.object.remove("winner") {
        None | Some(Value::Null) => None,
        Some(Value::String(winner)) => match winner.as_str() {
            "model_a" => Some(model_a.clone()),
            "model_b" => Some(model_b.clone()),
            "tie" => Some(TIE.to_owned()),
            "tie (bothbad)" => Some(BOTH_BAD.to_owned()),
            other => {
                fields.problems.push(("winner".into(), Detail::NotAllowed { expected: Expected::ArenaWinner, found: other.to_owned() }));
                None
            }
        },
        Some(other) => {
            fields.problems.push(("winner".into(), wrong_type(Expected::String, &other)));
            None
        }
    };
    let annotator = fields.annotator(["judge", "annotator"], ARENA_DEFAULT_ANNOTATOR);
    let submitted_at = match fields.object.remove("tstamp") {
        Some(Value::Number(seconds)) => seconds
            .as_f64()
            .filter(|s| s.is_finite() && (0.0..1e13).contains(s))
            .map(|s| crate::time::rfc3339_from_unix_ms((s * 1000.0).round() as i64)),
        _ => None,
    };
    let turn = fields.object.get("turn").and_then(Value::as_u64);
    let (context_a, content_a) = split_conversation(&conversation_a);
    let (context_b, content_b) = split_conversation(&conversation_b);
    if fields.problems.is_empty() && context_a != context_b {
        fields.problems.push(("conversation_b".into(), Detail::ConversationsDiffer));
    }
    let id = explicit.unwrap_or_else(|| {
        let turn = turn.map(|t| format!(":t{t}")).unwrap_or_default();
        match question {
            Some(question) => format!("arena-{question}{turn}:{}", pair_key(&model_a, &model_b)),
            None => {
                let context: Vec<String> = context_a.iter().map(|t| t.content.plain_text().into_owned()).collect();
                format!(
                    "arena-{}{turn}:{}",
                    content_id(&context.iter().map(String::as_str).collect::<Vec<_>>()),
                    pair_key(&model_a, &model_b)
                )
            }
        }
    });
    let (prompt, conversation) = prompt_or_conversation(context_a);
    // Style control (`rank --style-control`) reads the answers' counts from the judgment.
    let judgment_extra: Map<String, Value> =
        fields.object.get_key_value("conv_metadata").map(|(k, v)| (k.clone(), v.clone())).into_iter().collect();
    fields.finish(|meta| {
        let judgment = winner.map(|winner| Judgment {
            shown: Some(vec![model_a.clone(), model_b.clone()]),
            preference: Some(Preference { winner, strength: None, extra: Map::new() }),
            submitted_at,
            extra: judgment_extra,
            ..Judgment::new(id.clone(), annotator)
        });
        let task = Task {
            id,
            prompt,
            conversation,
            outputs: vec![
                Output { model: model_a, content: content_a.into(), extra: Map::new() },
                Output { model: model_b, content: content_b.into(), extra: Map::new() },
            ],
            meta: imported_meta(Format::Arena, meta),
            gold: None,
            extra: Map::new(),
        };
        Imported { task, judgment, format: Format::Arena }
    })
}

/// AlpacaEval's `preference`: 1 prefers `output_1`, 2 prefers `output_2`, 1.5 is a tie; weighted
/// annotators give values in between, which go to the nearer side (the number is kept).
fn alpacaeval_winner(preference: f64, generator_1: &str, generator_2: &str) -> Option<String> {
    if !(1.0..=2.0).contains(&preference) {
        None
    } else if preference == 1.5 {
        Some(TIE.to_owned())
    } else if preference < 1.5 {
        Some(generator_1.to_owned())
    } else {
        Some(generator_2.to_owned())
    }
}

fn alpacaeval(object: Map<String, Value>) -> Result<Imported, FieldProblems> {
    let mut fields = Fields { object, problems: Vec::new() };
    let explicit = fields.explicit_id("id");
    let instruction = fields.required_string("instruction");
    let output_1 = fields.required_string("output_1");
    let output_2 = fields.required_string("output_2");
    let generator_1 = fields.model("generator_1");
    let generator_2 = fields.model("generator_2");
    fields.distinct_models(&generator_1, &generator_2, "generator_2");
    let mut judgment_extra = Map::new();
    let winner = match fields.object.remove("preference") {
        None | Some(Value::Null) => None,
        Some(Value::Number(number)) => match number.as_f64().and_then(|p| alpacaeval_winner(p, &generator_1, &generator_2)) {
            Some(winner) => {
                if ![1.0, 1.5, 2.0].contains(&number.as_f64().unwrap_or(0.0)) {
                    judgment_extra.insert("alpacaeval_preference".into(), Value::Number(number));
                }
                Some(winner)
            }
            None => {
                fields.problems.push(("preference".into(), Detail::PreferenceOutOfRange { found: number.to_string() }));
                None
            }
        },
        Some(other) => {
            fields.problems.push(("preference".into(), wrong_type(Expected::AlpacaPreference, &other)));
            None
        }
    };
    let annotator = fields.annotator(["annotator", "judge"], ALPACAEVAL_DEFAULT_ANNOTATOR);
    // Per-annotation fields belong to the judgment, so rows of several annotators on the same
    // comparison describe one identical item.
    for key in ["raw_completion", "price_per_example", "time_per_example"] {
        if let Some(value) = fields.object.remove(key) {
            judgment_extra.insert(key.into(), value);
        }
    }
    let id = explicit.unwrap_or_else(|| format!("alpacaeval-{}:{}", content_id(&[&instruction]), pair_key(&generator_1, &generator_2)));
    fields.finish(|meta| {
        let judgment = winner.map(|winner| Judgment {
            shown: Some(vec![generator_1.clone(), generator_2.clone()]),
            preference: Some(Preference { winner, strength: None, extra: Map::new() }),
            extra: judgment_extra,
            ..Judgment::new(id.clone(), annotator)
        });
        let task = Task {
            id,
            prompt: Some(instruction),
            conversation: None,
            outputs: vec![
                Output { model: generator_1, content: output_1.into(), extra: Map::new() },
                Output { model: generator_2, content: output_2.into(), extra: Map::new() },
            ],
            meta: imported_meta(Format::AlpacaEval, meta),
            gold: None,
            extra: Map::new(),
        };
        Imported { task, judgment, format: Format::AlpacaEval }
    })
}

/// A `chosen`/`rejected` answer: a string, or a message list whose last message is the answer.
fn answer(fields: &mut Fields, key: &str) -> String {
    match fields.object.get(key) {
        Some(Value::Array(_)) => {
            let turns = messages(fields, key);
            turns.last().map(|t| t.content.plain_text().into_owned()).unwrap_or_default()
        }
        _ => fields.required_string(key),
    }
}

fn preference_pair(object: Map<String, Value>) -> Result<Imported, FieldProblems> {
    let mut fields = Fields { object, problems: Vec::new() };
    let explicit = fields.explicit_id("id");
    let (prompt, conversation) = match fields.object.get("prompt") {
        Some(Value::Array(_)) => {
            let turns = messages(&mut fields, "prompt");
            prompt_or_conversation(&turns)
        }
        _ => (Some(fields.required_string("prompt")), None),
    };
    let chosen = answer(&mut fields, CHOSEN);
    let rejected = answer(&mut fields, REJECTED);
    let prompt_text: String = match (&prompt, &conversation) {
        (Some(prompt), _) => prompt.clone(),
        (None, Some(turns)) => turns.iter().map(|t| t.content.plain_text()).collect::<Vec<_>>().join("\0"),
        (None, None) => String::new(),
    };
    let id = explicit.unwrap_or_else(|| format!("pair-{}", content_id(&[&prompt_text, &chosen, &rejected])));
    fields.finish(|meta| Imported {
        task: Task {
            id,
            prompt,
            conversation,
            outputs: vec![
                Output { model: CHOSEN.into(), content: chosen.into(), extra: Map::new() },
                Output { model: REJECTED.into(), content: rejected.into(), extra: Map::new() },
            ],
            meta: imported_meta(Format::PreferencePair, meta),
            gold: Some(Gold { preference: Some(CHOSEN.into()), ..Gold::default() }),
            extra: Map::new(),
        },
        judgment: None,
        format: Format::PreferencePair,
    })
}

/// One non-blank line of a JSONL stream.
#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: u64,
    /// The line's text without its line end (and without a leading BOM on line 1), or the
    /// problem that made it unreadable (invalid UTF-8).
    pub text: Result<&'a str, Problem>,
    /// The line was the last one and had no line end (a possibly truncated file).
    pub unterminated: bool,
}

/// Reads JSONL line by line from any [`BufRead`], in memory bounded by the longest line.
/// Handles a UTF-8 BOM, CRLF line ends, blank lines and invalid UTF-8 (reported per line).
pub struct JsonLines<R> {
    reader: R,
    file: String,
    buffer: Vec<u8>,
    line_no: u64,
    bytes_read: u64,
    max_line_bytes: usize,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader`, naming it `file` in problems, with the default line limit.
    pub fn new(file: &str, reader: R) -> Self {
        JsonLines {
            reader,
            file: file.to_owned(),
            buffer: Vec::new(),
            line_no: 0,
            bytes_read: 0,
            max_line_bytes: crate::limits::DEFAULT_MAX_LINE_BYTES,
        }
    }

    /// The same reader with another line limit.
    pub fn with_max_line_bytes(mut self, max_line_bytes: usize) -> Self {
        self.max_line_bytes = max_line_bytes;
        self
    }

    /// Bytes consumed so far (for progress).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The underlying reader, positioned after the last line read.
    pub fn into_inner(self) -> R {
        self.reader
    }

    /// Number of the last line read (0 before the first).
    pub fn line_number(&self) -> u64 {
        self.line_no
    }

    /// The next non-blank line, `None` at the end of input. I/O errors are `Err`, and so is a
    /// line longer than the line limit (reading stops there: a file of one endless line, such
    /// as `/dev/zero`, ends at once instead of filling memory).
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        // Find the next non-blank line as a byte range first, then borrow it once.
        let (start, end, unterminated) = loop {
            self.buffer.clear();
            let limit = self.max_line_bytes as u64 + 2;
            let n = io::Read::take(&mut self.reader, limit).read_until(b'\n', &mut self.buffer)?;
            if n == 0 {
                return Ok(None);
            }
            let content = self.buffer.len() - usize::from(self.buffer.ends_with(b"\n")) - usize::from(self.buffer.ends_with(b"\r\n"));
            if content > self.max_line_bytes {
                let limit = crate::limits::LimitExceeded {
                    what: format!("{}:{}: the line's length in bytes", self.file, self.line_no + 1),
                    limit: self.max_line_bytes as u64,
                    flag: "--max-line-bytes",
                };
                return Err(io::Error::new(io::ErrorKind::InvalidData, limit.to_string()));
            }
            self.bytes_read += n as u64;
            self.line_no += 1;
            let unterminated = !self.buffer.ends_with(b"\n");
            let mut end = self.buffer.len() - usize::from(!unterminated);
            if end > 0 && self.buffer[end - 1] == b'\r' {
                end -= 1;
            }
            let bom = "\u{feff}".as_bytes();
            let start = if self.line_no == 1 && self.buffer[..end].starts_with(bom) { bom.len() } else { 0 };
            if !self.buffer[start..end].iter().all(u8::is_ascii_whitespace) {
                break (start, end, unterminated);
            }
        };
        let file = &self.file;
        let number = self.line_no;
        let text = std::str::from_utf8(&self.buffer[start..end])
            .map_err(|error| Problem::error(file, number, "-", Detail::NotUtf8 { column: Some(error.valid_up_to() as u64 + 1) }));
        Ok(Some(Line { number, text, unterminated }))
    }
}

#[cfg(test)]
mod tests;
