//! What is wrong, as typed data: the core names the problem and its values; the CLI, the
//! report and the app put it into words from a catalog (`problem/i18n/<locale>.ftl`, see
//! [`super::render`]). No sentence is built here.

use serde_json::Value;

use super::Code;
use crate::fluent::Arg;

/// A JSON value's type, as a problem names what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonKind {
    /// The type of `value`.
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }

    fn word(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "boolean",
            JsonKind::Number => "number",
            JsonKind::String => "string",
            JsonKind::Array => "array",
            JsonKind::Object => "object",
        }
    }
}

/// What a field should have held (the words are the catalog's `problem-expected-<id>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    /// A string.
    String,
    /// A whole number (≥ 0 unless the field says otherwise).
    WholeNumber,
    /// `true` or `false`.
    Boolean,
    /// An object.
    Object,
    /// An array.
    Array,
    /// An array of strings.
    StringArray,
    /// A string or a number (an id).
    StringOrNumber,
    /// A preference's winner: a model id, `tie` or `both_bad`.
    Winner,
    /// A conversation turn: an object with `role` and `content`.
    Turn,
    /// An array of conversation turns.
    TurnArray,
    /// An output: an object with `model` and `content`.
    Output,
    /// An AlpacaEval preference: 1, 2 or 1.5.
    AlpacaPreference,
    /// An Arena winner: `model_a`, `model_b`, `tie` or `tie (bothbad)`.
    ArenaWinner,
    /// One of a choice criterion's options.
    OneOption,
    /// An array of a multiple-choice criterion's options.
    OptionArray,
    /// A per-output criterion's scores: an object keyed by model.
    ScoresByModel,
    /// A message's content: a string or a list of parts (task@2).
    ContentOrParts,
    /// A content part: an object with a `type`.
    PartObject,
    /// A date `YYYY-MM-DD`.
    Date,
    /// An event: an object with `date` and `label`.
    Event,
}

impl Expected {
    fn word(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::WholeNumber => "whole-number",
            Expected::Boolean => "boolean",
            Expected::Object => "object",
            Expected::Array => "array",
            Expected::StringArray => "string-array",
            Expected::StringOrNumber => "string-or-number",
            Expected::Winner => "winner",
            Expected::Turn => "turn",
            Expected::TurnArray => "turn-array",
            Expected::Output => "output",
            Expected::AlpacaPreference => "alpaca-preference",
            Expected::ArenaWinner => "arena-winner",
            Expected::OneOption => "one-option",
            Expected::OptionArray => "option-array",
            Expected::ScoresByModel => "scores-by-model",
            Expected::ContentOrParts => "content-or-parts",
            Expected::PartObject => "part-object",
            Expected::Date => "date",
            Expected::Event => "event",
        }
    }
}

/// Where another line is: the same file (`file: None`) or another.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// The other file's name, when it is not the problem's own file.
    pub file: Option<String>,
    /// 1-based line.
    pub line: u64,
}

/// What is wrong at a problem's place, with the values that say how.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Not JSON; `parser` is serde_json's diagnostic (in its own words, kept for support).
    InvalidJson {
        /// serde_json's message without its position.
        parser: String,
    },
    /// The file's last line ends inside its JSON: the file was cut short.
    Truncated {
        /// serde_json's message without its position.
        parser: String,
    },
    /// A file that should be one JSON array is not.
    InvalidJsonArray {
        /// serde_json's message without its position.
        parser: String,
    },
    /// Not TOML (a rubric written in TOML).
    InvalidToml {
        /// The TOML parser's message.
        parser: String,
    },
    /// A value serde could not read as its type (e.g. an unknown variant); the parser's words.
    Unreadable {
        /// serde's message without its position.
        parser: String,
    },
    /// The file could not be opened or read; `reason` is the system's words.
    CannotRead {
        /// The operating system's (or browser's) message.
        reason: String,
    },
    /// A file with nothing in it.
    EmptyFile,
    /// A large task file that differs, past the part that identifies it (its first 4 MiB), from
    /// the one rated before in this browser.
    FileChanged,
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// 1-based byte column of the first bad byte, when known.
        column: Option<u64>,
    },
    /// The line is longer than the line limit (`--max-line-bytes`).
    LineTooLong {
        /// The limit in bytes.
        limit: u64,
    },
    /// A required field is absent.
    Missing,
    /// A task file without items.
    NoItems,
    /// A task item has neither `prompt` nor `conversation`.
    MissingPrompt,
    /// The field has the wrong type.
    WrongType {
        /// What it should hold.
        expected: Expected,
        /// What it holds.
        found: JsonKind,
    },
    /// A value that is not one of the allowed ones (quoted as found).
    NotAllowed {
        /// What it should be.
        expected: Expected,
        /// The value found, as written.
        found: String,
    },
    /// A field that must not be empty is empty.
    Empty,
    /// `schema` names another format or version.
    Schema {
        /// The schema this reader reads.
        expected: String,
        /// The schema found.
        found: String,
    },
    /// A Verdict task given where a foreign row was expected.
    NotForeign,
    /// A row of no format Verdict reads (not a judgment, Arena battle or AlpacaEval row).
    UnknownRow,
    /// A file neither JSON lines nor a CSV with the needed header (events).
    UnknownEventsFormat,
    /// A judgment with none of preference, ranking, scores, flags.
    NoContent,
    /// An object repeats a key.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// Two task items share an id.
    DuplicateId {
        /// The id.
        id: String,
        /// 1-based line of the first.
        first_line: u64,
    },
    /// A model appears twice among one item's (or row's) outputs.
    DuplicateModel {
        /// The model.
        model: String,
    },
    /// Two rubric criteria share an id.
    DuplicateCriterion {
        /// The id.
        id: String,
    },
    /// A choice criterion lists an option twice.
    DuplicateOption {
        /// The option.
        option: String,
    },
    /// An Arena row whose two conversations disagree on the user's turns.
    ConversationsDiffer,
    /// A foreign row (Arena, AlpacaEval) without a winner: it carries no verdict.
    NoVerdict,
    /// A number outside its range.
    OutOfRange {
        /// The value found, as written.
        found: String,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// An AlpacaEval preference outside 1–2.
    PreferenceOutOfRange {
        /// The value found, as written.
        found: String,
    },
    /// A score for a criterion the rubric does not have.
    NotACriterion,
    /// A choice not among the criterion's options.
    NotAnOption {
        /// The option found.
        option: String,
    },
    /// A rubric bound beyond ± `bound`.
    BoundTooLarge {
        /// The largest magnitude allowed.
        bound: i64,
    },
    /// A Likert `max` not above its `min`.
    MaxNotAboveMin {
        /// The minimum.
        min: i64,
        /// The maximum.
        max: i64,
    },
    /// A Likert scale with more points than allowed.
    TooManyPoints {
        /// The most points allowed.
        max: u64,
    },
    /// A choice criterion with fewer than two options.
    TooFewOptions,
    /// A preference scale with fewer than two labels.
    TooFewLabels,
    /// A text longer than allowed.
    TooLong {
        /// The most characters allowed.
        max_chars: u64,
    },
    /// More events than allowed in an events file.
    TooManyEvents {
        /// The most allowed.
        max: u64,
    },
    /// A content part's `type` that this version does not know.
    UnknownPartType {
        /// The type given.
        name: String,
    },
    /// A field the record (e.g. a content part of this type) does not take.
    UnknownField,
    /// A media URL whose scheme is not https (nor `data:`, nor a path on this host).
    UrlScheme {
        /// The scheme found.
        scheme: String,
    },
    /// A `data:` URI whose media type does not match the part (`image`, `audio`, `video`).
    UrlDataType {
        /// The part's kind.
        kind: String,
        /// The media type found.
        found: String,
    },
    /// A URL that is not well formed.
    UrlMalformed,
    /// A media origin not on the page's allow-list (`media_origins`).
    UrlOrigin {
        /// The origin.
        origin: String,
    },
    /// Likert anchors on a criterion that is not Likert.
    AnchorsNeedLikert,
    /// An anchor for a point outside the scale.
    NotAPoint {
        /// The scale's minimum.
        min: i64,
        /// The scale's maximum.
        max: i64,
    },
    /// A condition (`when`) names a criterion the rubric does not have.
    UnknownCriterion {
        /// The id.
        id: String,
    },
    /// A condition names a criterion listed at or after this one.
    ConditionLooksAhead {
        /// The id.
        id: String,
    },
    /// A condition on a per-output criterion from an item-level one.
    ConditionPerOutput {
        /// The id.
        id: String,
    },
    /// A condition compared with `null`.
    ConditionNull,
    /// The tamper-evidence chain: this line is chained but the file's first judgment is not.
    ChainUnexpected,
    /// The tamper-evidence chain: the other lines are chained, this one is not.
    ChainMissing,
    /// The tamper-evidence chain value does not match.
    ChainMismatch {
        /// The value the chain expected.
        expected: String,
        /// Chained from the file's first line (else from the line before).
        from_first: bool,
    },
    /// This judgment replaces an earlier-read one of the same (item_id, annotator).
    Replaces {
        /// The item.
        item_id: String,
        /// The annotator.
        annotator: String,
        /// Where the replaced judgment was.
        other: Place,
    },
    /// This judgment is replaced by an earlier-read one submitted later.
    ReplacedBy {
        /// The item.
        item_id: String,
        /// The annotator.
        annotator: String,
        /// Where the judgment kept instead is.
        other: Place,
    },
}

impl Detail {
    /// The stable code scripts key on (docs/FORMATS.md, "Problem codes").
    pub fn code(&self) -> Code {
        use Detail::*;
        match self {
            InvalidJson { .. } | Truncated { .. } | InvalidJsonArray { .. } | InvalidToml { .. } => Code::InvalidJson,
            NotUtf8 { .. } => Code::NotUtf8,
            LineTooLong { .. } => Code::LineTooLong,
            Missing | MissingPrompt => Code::Missing,
            WrongType { .. } | NotAllowed { .. } => Code::WrongType,
            Empty | NoItems | EmptyFile => Code::Empty,
            Schema { .. } | NotForeign | UnknownRow | UnknownEventsFormat => Code::Schema,
            NoContent => Code::NoContent,
            DuplicateKey { .. } => Code::DuplicateKey,
            NoVerdict => Code::NoVerdict,
            OutOfRange { .. }
            | PreferenceOutOfRange { .. }
            | NotAnOption { .. }
            | TooLong { .. }
            | TooManyEvents { .. }
            | BoundTooLarge { .. } => Code::OutOfRange,
            ChainUnexpected | ChainMissing | ChainMismatch { .. } => Code::Chain,
            NotAPoint { .. } => Code::OutOfRange,
            ConditionNull => Code::WrongType,
            UnknownPartType { .. }
            | UnknownField
            | UrlScheme { .. }
            | UrlDataType { .. }
            | UrlMalformed
            | UrlOrigin { .. }
            | AnchorsNeedLikert
            | UnknownCriterion { .. }
            | ConditionLooksAhead { .. }
            | ConditionPerOutput { .. } => Code::Invalid,
            Replaces { .. } | ReplacedBy { .. } => Code::Replaced,
            Unreadable { .. }
            | CannotRead { .. }
            | FileChanged
            | DuplicateId { .. }
            | DuplicateModel { .. }
            | DuplicateCriterion { .. }
            | DuplicateOption { .. }
            | ConversationsDiffer
            | NotACriterion
            | MaxNotAboveMin { .. }
            | TooManyPoints { .. }
            | TooFewOptions
            | TooFewLabels => Code::Invalid,
        }
    }

    /// The catalog message that words this problem (`problem-…`) and its arguments. Arguments
    /// named `expected` and `found` that hold a type are themselves message ids
    /// (`problem-expected-…`, `problem-found-…`): [`super::render`] words them first.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, Arg)>) {
        use Detail::*;
        let text = |s: &str| Arg::Str(s.to_owned());
        let place = |p: &Place| match &p.file {
            Some(file) => text(&format!("{file}:{}", p.line)),
            None => Arg::Num(p.line as f64),
        };
        let other_file = |p: &Place| text(if p.file.is_some() { "other" } else { "same" });
        match self {
            InvalidJson { parser } => ("problem-invalid-json-detail", vec![("parser", text(parser))]),
            Truncated { parser } => ("problem-truncated", vec![("parser", text(parser))]),
            InvalidJsonArray { parser } => ("problem-invalid-json-array", vec![("parser", text(parser))]),
            InvalidToml { parser } => ("problem-invalid-toml", vec![("parser", text(parser))]),
            Unreadable { parser } => ("problem-unreadable", vec![("parser", text(parser))]),
            CannotRead { reason } => ("problem-cannot-read", vec![("reason", text(reason))]),
            EmptyFile => ("problem-empty-file", vec![]),
            FileChanged => ("problem-file-changed", vec![]),
            NotUtf8 { column: Some(column) } => ("problem-not-utf8-at", vec![("column", Arg::Num(*column as f64))]),
            NotUtf8 { column: None } => ("problem-not-utf8-detail", vec![]),
            LineTooLong { limit } => ("problem-line-too-long-detail", vec![("limit", Arg::Num(*limit as f64))]),
            Missing => ("problem-missing-detail", vec![]),
            MissingPrompt => ("problem-missing-prompt", vec![]),
            NoItems => ("problem-no-items", vec![]),
            WrongType { expected, found } => (
                "problem-wrong-type-detail",
                vec![
                    ("expected", text(&format!("problem-expected-{}", expected.word()))),
                    ("found", text(&format!("problem-found-{}", found.word()))),
                ],
            ),
            NotAllowed { expected, found } => {
                ("problem-not-allowed", vec![("expected", text(&format!("problem-expected-{}", expected.word()))), ("value", text(found))])
            }
            Empty => ("problem-empty-detail", vec![]),
            Schema { expected, found } => ("problem-schema-detail", vec![("expected", text(expected)), ("value", text(found))]),
            NotForeign => ("problem-not-foreign", vec![]),
            UnknownRow => ("problem-unknown-row", vec![]),
            UnknownEventsFormat => ("problem-unknown-events-format", vec![]),
            NoContent => ("problem-no-content-detail", vec![]),
            DuplicateKey { key } => ("problem-duplicate-key-detail", vec![("key", text(key))]),
            DuplicateId { id, first_line } => ("problem-duplicate-id", vec![("id", text(id)), ("line", Arg::Num(*first_line as f64))]),
            DuplicateModel { model } => ("problem-duplicate-model", vec![("model", text(model))]),
            DuplicateCriterion { id } => ("problem-duplicate-criterion", vec![("id", text(id))]),
            DuplicateOption { option } => ("problem-duplicate-option", vec![("option", text(option))]),
            ConversationsDiffer => ("problem-conversations-differ", vec![]),
            NoVerdict => ("problem-no-verdict-detail", vec![]),
            OutOfRange { found, min, max } => (
                "problem-out-of-range-detail",
                vec![("value", text(found)), ("min", Arg::Num(*min as f64)), ("max", Arg::Num(*max as f64))],
            ),
            PreferenceOutOfRange { found } => ("problem-preference-out-of-range", vec![("value", text(found))]),
            NotACriterion => ("problem-not-a-criterion", vec![]),
            NotAnOption { option } => ("problem-not-an-option", vec![("option", text(option))]),
            BoundTooLarge { bound } => ("problem-bound-too-large", vec![("bound", Arg::Num(*bound as f64))]),
            MaxNotAboveMin { min, max } => {
                ("problem-max-not-above-min", vec![("min", Arg::Num(*min as f64)), ("max", Arg::Num(*max as f64))])
            }
            TooManyPoints { max } => ("problem-too-many-points", vec![("max", Arg::Num(*max as f64))]),
            TooFewOptions => ("problem-too-few-options", vec![]),
            TooFewLabels => ("problem-too-few-labels", vec![]),
            TooLong { max_chars } => ("problem-too-long", vec![("max", Arg::Num(*max_chars as f64))]),
            TooManyEvents { max } => ("problem-too-many-events", vec![("max", Arg::Num(*max as f64))]),
            UnknownPartType { name } => ("problem-unknown-part-type", vec![("name", text(name))]),
            UnknownField => ("problem-unknown-field", vec![]),
            UrlScheme { scheme } => ("problem-url-scheme", vec![("scheme", text(scheme))]),
            UrlDataType { kind, found } => ("problem-url-data-type", vec![("kind", text(kind)), ("value", text(found))]),
            UrlMalformed => ("problem-url-malformed", vec![]),
            UrlOrigin { origin } => ("problem-url-origin", vec![("origin", text(origin))]),
            AnchorsNeedLikert => ("problem-anchors-need-likert", vec![]),
            NotAPoint { min, max } => ("problem-not-a-point", vec![("min", Arg::Num(*min as f64)), ("max", Arg::Num(*max as f64))]),
            UnknownCriterion { id } => ("problem-unknown-criterion", vec![("id", text(id))]),
            ConditionLooksAhead { id } => ("problem-condition-looks-ahead", vec![("id", text(id))]),
            ConditionPerOutput { id } => ("problem-condition-per-output", vec![("id", text(id))]),
            ConditionNull => ("problem-condition-null", vec![]),
            ChainUnexpected => ("problem-chain-unexpected", vec![]),
            ChainMissing => ("problem-chain-missing", vec![]),
            ChainMismatch { expected, from_first } => (
                "problem-chain-mismatch",
                vec![("expected", text(expected)), ("from", text(if *from_first { "first" } else { "previous" }))],
            ),
            Replaces { item_id, annotator, other } => (
                "problem-replaces",
                vec![("item", text(item_id)), ("annotator", text(annotator)), ("place", place(other)), ("where", other_file(other))],
            ),
            ReplacedBy { item_id, annotator, other } => (
                "problem-replaced-by",
                vec![("item", text(item_id)), ("annotator", text(annotator)), ("place", place(other)), ("where", other_file(other))],
            ),
        }
    }
}

/// The `(field, detail)` pairs a record check finds.
pub type FieldProblems = Vec<(String, Detail)>;
