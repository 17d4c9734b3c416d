//! Judgments: one submitted rating (DESIGN's `verdict/judgment@1`), read and written as JSONL.
//!
//! Preferences and per-output scores are keyed by model identity, never by screen side.
//! A judgment is identified by `(item_id, annotator)`: a later one replaces an earlier one.

use serde_json::{Map, Value};

use crate::problem::{json_type_name, Code, Loaded, Problem};
use crate::task::error_without_position;

/// The schema tag of this version of the judgment format.
pub const SCHEMA: &str = "verdict/judgment@1";

/// `preference.winner` when the two outputs are judged equal.
pub const TIE: &str = "tie";
/// `preference.winner` when both outputs are judged bad.
pub const BOTH_BAD: &str = "both_bad";

/// A pairwise preference, by model identity.
#[derive(Clone, Debug, PartialEq)]
pub struct Preference {
    /// The winning model's id, [`TIE`] or [`BOTH_BAD`].
    pub winner: String,
    /// How strongly (1 = better, 2 = much better, …), when the scale has strengths.
    pub strength: Option<u32>,
    /// Fields this version does not know, kept for round-trips.
    pub extra: Map<String, Value>,
}

/// One submitted judgment.
///
/// Serialized with its known fields in the order below (absent ones omitted), then unknown
/// fields in the order they were read, then `chain`. Serialization and deserialization are
/// written by hand (module `serde_impl` below): serde's `flatten` buffers every field and was the
/// bottleneck of parsing.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgment {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The judged item's id.
    pub item_id: String,
    /// Who judged (a person's id, or `judge:<model>` for an LLM judge).
    pub annotator: String,
    /// The annotator's site, vendor or team.
    pub group: Option<String>,
    /// Models in the left-to-right (top-to-bottom) order actually displayed.
    pub shown: Option<Vec<String>>,
    /// Pairwise preference.
    pub preference: Option<Preference>,
    /// N-way ranking, best first (mode `ranking`).
    pub ranking: Option<Vec<String>>,
    /// Criterion values: per-output criteria as `{model: value}`, item-level as plain values.
    pub scores: Option<Map<String, Value>>,
    /// Flags raised by the rater (e.g. `harmful_content`, `skipped`).
    pub flags: Option<Vec<String>>,
    /// When the item was first shown (RFC 3339).
    pub started_at: Option<String>,
    /// When the judgment was (last) submitted (RFC 3339).
    pub submitted_at: Option<String>,
    /// Milliseconds the rater spent on the item with the page visible.
    pub duration_ms: Option<u64>,
    /// SHA-256 of the task file the item came from.
    pub task_sha256: Option<String>,
    /// SHA-256 of the rubric file used.
    pub rubric_sha256: Option<String>,
    /// Version of the tool that recorded the judgment.
    pub app_version: Option<String>,
    /// Fields this version does not know, kept for round-trips.
    pub extra: Map<String, Value>,
    /// Tamper-evidence hash chain (see `docs/FORMATS.md` and [`crate::export`]); written last.
    pub chain: Option<String>,
}

impl Judgment {
    /// An empty judgment of `item_id` by `annotator`, to be filled in.
    pub fn new(item_id: impl Into<String>, annotator: impl Into<String>) -> Self {
        Judgment { schema: SCHEMA.to_owned(), item_id: item_id.into(), annotator: annotator.into(), ..Judgment::blank() }
    }

    /// Every field empty (no allocation): what the deserializer fills in.
    fn blank() -> Self {
        Judgment {
            schema: String::new(),
            item_id: String::new(),
            annotator: String::new(),
            group: None,
            shown: None,
            preference: None,
            ranking: None,
            scores: None,
            flags: None,
            started_at: None,
            submitted_at: None,
            duration_ms: None,
            task_sha256: None,
            rubric_sha256: None,
            app_version: None,
            extra: Map::new(),
            chain: None,
        }
    }

    /// The judgment as one JSONL line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("a judgment always serializes: keys are strings")
    }

    /// The canonical JSON the tamper-evidence chain hashes: the line as [`Judgment::to_json_line`]
    /// writes it, without `chain` (see `docs/FORMATS.md`, "Tamper evidence").
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(&serde_impl::Fields { judgment: self, with_chain: false })
            .expect("a judgment always serializes: keys are strings")
    }

    /// True when the annotator is an LLM judge (`judge:` prefix or `kind: "judge"`).
    pub fn is_llm_judge(&self) -> bool {
        self.annotator.starts_with("judge:") || self.extra.get("kind").and_then(Value::as_str) == Some("judge")
    }
}

/// Parses one JSONL line into a judgment, or lists `(field, problem)` pairs.
pub fn judgment_from_line(line: &str) -> Result<Judgment, Vec<(String, String)>> {
    match serde_json::from_str::<Judgment>(line) {
        Ok(judgment) => {
            let problems = check(&judgment);
            if problems.is_empty() {
                Ok(judgment)
            } else {
                Err(problems)
            }
        }
        // Serde's own message names no field for type errors; explain from the value instead.
        Err(error) => Err(match serde_json::from_str::<Value>(line) {
            Err(syntax) => vec![("-".into(), format!("not valid JSON ({})", error_without_position(&syntax)))],
            Ok(value) => explain(&value).unwrap_or_else(|| {
                let message = error_without_position(&error);
                // "duplicate field `k`": name the field.
                let field = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()).unwrap_or("-").to_owned();
                vec![(field, message)]
            }),
        }),
    }
}

/// Semantic checks that serde's types cannot express.
fn check(judgment: &Judgment) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    if judgment.schema != SCHEMA {
        problems.push(("schema".into(), format!("expected \"{SCHEMA}\", found \"{}\"", judgment.schema)));
    }
    if judgment.item_id.is_empty() {
        problems.push(("item_id".into(), "must not be empty".into()));
    }
    if judgment.annotator.is_empty() {
        problems.push(("annotator".into(), "must not be empty".into()));
    }
    if judgment.preference.is_none() && judgment.ranking.is_none() && judgment.scores.is_none() && judgment.flags.is_none() {
        problems.push(("-".into(), "a judgment needs at least one of preference, ranking, scores, flags".into()));
    }
    problems
}

/// Names the first mistyped field of a record that failed to deserialize.
fn explain(value: &Value) -> Option<Vec<(String, String)>> {
    let Value::Object(object) = value else {
        return Some(vec![("-".into(), format!("expected an object, found {}", json_type_name(value)))]);
    };
    let mut problems = Vec::new();
    for key in ["schema", "item_id", "annotator"] {
        match object.get(key) {
            None => problems.push((key.to_owned(), "missing".to_owned())),
            Some(Value::String(_)) => {}
            Some(other) => problems.push((key.to_owned(), format!("expected a string, found {}", json_type_name(other)))),
        }
    }
    let expect = |key: &str, ok: fn(&Value) -> bool, what: &str, problems: &mut Vec<(String, String)>| {
        if let Some(found) = object.get(key).filter(|v| !v.is_null() && !ok(v)) {
            problems.push((key.to_owned(), format!("expected {what}, found {}", json_type_name(found))));
        }
    };
    for key in ["group", "started_at", "submitted_at", "task_sha256", "rubric_sha256", "app_version"] {
        expect(key, Value::is_string, "a string", &mut problems);
    }
    let strings = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    expect("shown", strings, "an array of strings", &mut problems);
    expect("ranking", strings, "an array of strings", &mut problems);
    expect("flags", strings, "an array of strings", &mut problems);
    expect("scores", Value::is_object, "an object", &mut problems);
    expect("duration_ms", Value::is_u64, "a whole number", &mut problems);
    match object.get("preference") {
        Some(Value::Object(preference)) => match preference.get("winner") {
            Some(Value::String(_)) => {
                if let Some(strength) = preference.get("strength").filter(|s| !s.is_u64() && !s.is_null()) {
                    problems.push(("preference.strength".into(), format!("expected a whole number, found {}", json_type_name(strength))));
                }
            }
            Some(other) => problems.push((
                "preference.winner".into(),
                format!("expected a model id, \"tie\" or \"both_bad\", found {}", json_type_name(other)),
            )),
            None => problems.push(("preference.winner".into(), "missing".into())),
        },
        Some(Value::Null) | None => {}
        Some(other) => problems.push(("preference".into(), format!("expected an object, found {}", json_type_name(other)))),
    }
    (!problems.is_empty()).then_some(problems)
}

/// Reads one line of a judgments file: a Verdict judgment, or the verdict an Arena battle or
/// AlpacaEval row carries (`Ok(None)` when such a row has none, e.g. no `winner`).
pub fn judgment_from_any_line(line: &str) -> Result<Option<Judgment>, Vec<(String, String)>> {
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
pub fn line_problems(file: &str, line_no: u64, line: &str, found: Vec<(String, String)>, unterminated: bool) -> Vec<Problem> {
    match serde_json::from_str::<serde::de::IgnoredAny>(line) {
        Err(error) if !error.is_data() => {
            vec![Problem::error(file, line_no, "-", crate::import::json_error_message(&error, unterminated)).with_code(Code::InvalidJson)]
        }
        _ => found
            .into_iter()
            .map(|(field, message)| {
                let code = code_of(&message);
                Problem::error(file, line_no, &field, message).with_code(code)
            })
            .collect(),
    }
}

/// The problem of a foreign row (Arena, AlpacaEval) that carries no verdict: it is skipped.
pub fn no_verdict(file: &str, line_no: u64) -> Problem {
    Problem::error(file, line_no, "winner", "this row carries no verdict (no winner)").with_code(Code::NoVerdict)
}

/// The code of one of this module's `(field, problem)` messages (they are written above, in
/// `check` and `explain`, and by serde for duplicate keys).
fn code_of(message: &str) -> Code {
    if message == "missing" {
        Code::Missing
    } else if message.starts_with("expected \"verdict/") {
        Code::Schema
    } else if message.starts_with("expected") {
        Code::WrongType
    } else if message == "must not be empty" {
        Code::Empty
    } else if message.starts_with("a judgment needs") {
        Code::NoContent
    } else if message.starts_with("duplicate field") {
        Code::DuplicateKey
    } else if message.starts_with("not valid JSON") {
        Code::InvalidJson
    } else {
        Code::Invalid
    }
}

/// A 128-bit fingerprint of a judgment's identity `(item_id, annotator)`, for readers that must
/// remember every identity without keeping its strings. Two independent SipHash passes; a
/// collision among 10⁹ judgments has probability below 10⁻²⁰.
pub fn identity_hash(item_id: &str, annotator: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |domain: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        domain.hash(&mut hasher);
        item_id.hash(&mut hasher);
        annotator.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Loads a judgments JSONL text through the one reader ([`crate::read`]): later-submitted
/// judgments of the same (item, annotator) replace earlier ones, with a warning; Arena
/// battles and AlpacaEval rows are read as their verdicts. The chain is not checked here: see
/// [`crate::export::verify_chain`].
pub fn load_judgments(file: &str, text: &str) -> Loaded<Judgment> {
    let input = crate::read::read_texts(&[(file, text)]);
    Loaded { records: input.judgments, problems: input.problems }
}

/// Writes judgments as JSONL, one per line, each line ending in `\n`.
pub fn to_jsonl<'a>(judgments: impl IntoIterator<Item = &'a Judgment>) -> String {
    let mut out = String::new();
    for judgment in judgments {
        out.push_str(&judgment.to_json_line());
        out.push('\n');
    }
    out
}

/// Hand-written serde for [`Judgment`] and [`Preference`]: one pass over the map, known keys
/// matched without allocating, unknown keys kept in order.
mod serde_impl {
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
    use serde::ser::{Serialize, SerializeMap, Serializer};
    use serde_json::{Map, Value};

    use super::{Judgment, Preference};

    /// Keys of a judgment object, in serialization order; `Other` is an unknown key.
    enum Key {
        Schema,
        ItemId,
        Annotator,
        Group,
        Shown,
        Preference,
        Ranking,
        Scores,
        Flags,
        StartedAt,
        SubmittedAt,
        DurationMs,
        TaskSha256,
        RubricSha256,
        AppVersion,
        Chain,
        Other(String),
    }

    impl Key {
        fn of(name: &str) -> Key {
            match name {
                "schema" => Key::Schema,
                "item_id" => Key::ItemId,
                "annotator" => Key::Annotator,
                "group" => Key::Group,
                "shown" => Key::Shown,
                "preference" => Key::Preference,
                "ranking" => Key::Ranking,
                "scores" => Key::Scores,
                "flags" => Key::Flags,
                "started_at" => Key::StartedAt,
                "submitted_at" => Key::SubmittedAt,
                "duration_ms" => Key::DurationMs,
                "task_sha256" => Key::TaskSha256,
                "rubric_sha256" => Key::RubricSha256,
                "app_version" => Key::AppVersion,
                "chain" => Key::Chain,
                other => Key::Other(other.to_owned()),
            }
        }

        /// True when an unknown-field map entry must not be written because it would
        /// duplicate a known key (only possible for judgments built in code).
        fn is_known(name: &str) -> bool {
            !matches!(Key::of(name), Key::Other(_))
        }
    }

    impl<'de> Deserialize<'de> for Key {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
            struct KeyVisitor;
            impl Visitor<'_> for KeyVisitor {
                type Value = Key;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
                    Ok(Key::of(name))
                }
            }
            deserializer.deserialize_identifier(KeyVisitor)
        }
    }

    /// Fails on a repeated known key, as serde's derive does.
    fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
        if slot.is_some() {
            return Err(E::duplicate_field(name));
        }
        *slot = Some(value);
        Ok(())
    }

    /// Reads an optional field: `null` counts as absent, but a repeated key is still an error.
    fn optional<T, E: de::Error>(slot: &mut Option<T>, seen: &mut bool, value: Option<T>, name: &'static str) -> Result<(), E> {
        if std::mem::replace(seen, true) {
            return Err(E::duplicate_field(name));
        }
        *slot = value;
        Ok(())
    }

    impl<'de> Deserialize<'de> for Judgment {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Judgment, D::Error> {
            deserializer.deserialize_map(JudgmentVisitor)
        }
    }

    struct JudgmentVisitor;

    impl<'de> Visitor<'de> for JudgmentVisitor {
        type Value = Judgment;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a judgment object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Judgment, A::Error> {
            let (mut schema, mut item_id, mut annotator) = (None, None, None);
            // Not `Judgment::new`, which would allocate a `schema` only to overwrite it.
            let mut judgment = Judgment::blank();
            // One "seen" flag per optional field, so `{"group":null,"group":"x"}` is still a duplicate.
            let mut seen = [false; 13];
            while let Some(key) = map.next_key::<Key>()? {
                match key {
                    Key::Schema => once(&mut schema, map.next_value::<String>()?, "schema")?,
                    Key::ItemId => once(&mut item_id, map.next_value::<String>()?, "item_id")?,
                    Key::Annotator => once(&mut annotator, map.next_value::<String>()?, "annotator")?,
                    Key::Group => optional(&mut judgment.group, &mut seen[0], map.next_value()?, "group")?,
                    Key::Shown => optional(&mut judgment.shown, &mut seen[1], map.next_value()?, "shown")?,
                    Key::Preference => optional(&mut judgment.preference, &mut seen[2], map.next_value()?, "preference")?,
                    Key::Ranking => optional(&mut judgment.ranking, &mut seen[3], map.next_value()?, "ranking")?,
                    Key::Scores => {
                        let scores: Option<StrictValue> = map.next_value()?;
                        let scores = match scores.map(|s| s.0) {
                            None | Some(Value::Null) => None,
                            Some(Value::Object(object)) => Some(object),
                            Some(other) => return Err(de::Error::invalid_type(unexpected(&other), &"an object")),
                        };
                        optional(&mut judgment.scores, &mut seen[4], scores, "scores")?
                    }
                    Key::Flags => optional(&mut judgment.flags, &mut seen[5], map.next_value()?, "flags")?,
                    Key::StartedAt => optional(&mut judgment.started_at, &mut seen[6], map.next_value()?, "started_at")?,
                    Key::SubmittedAt => optional(&mut judgment.submitted_at, &mut seen[7], map.next_value()?, "submitted_at")?,
                    Key::DurationMs => optional(&mut judgment.duration_ms, &mut seen[8], map.next_value()?, "duration_ms")?,
                    Key::TaskSha256 => optional(&mut judgment.task_sha256, &mut seen[9], map.next_value()?, "task_sha256")?,
                    Key::RubricSha256 => optional(&mut judgment.rubric_sha256, &mut seen[10], map.next_value()?, "rubric_sha256")?,
                    Key::AppVersion => optional(&mut judgment.app_version, &mut seen[11], map.next_value()?, "app_version")?,
                    Key::Chain => optional(&mut judgment.chain, &mut seen[12], map.next_value()?, "chain")?,
                    Key::Other(name) => {
                        let StrictValue(value) = map.next_value()?;
                        if judgment.extra.insert(name.clone(), value).is_some() {
                            return Err(de::Error::custom(format_args!("duplicate field `{name}`")));
                        }
                    }
                }
            }
            judgment.schema = schema.ok_or_else(|| de::Error::missing_field("schema"))?;
            judgment.item_id = item_id.ok_or_else(|| de::Error::missing_field("item_id"))?;
            judgment.annotator = annotator.ok_or_else(|| de::Error::missing_field("annotator"))?;
            Ok(judgment)
        }
    }

    impl<'de> Deserialize<'de> for Preference {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Preference, D::Error> {
            deserializer.deserialize_map(PreferenceVisitor)
        }
    }

    struct PreferenceVisitor;

    impl<'de> Visitor<'de> for PreferenceVisitor {
        type Value = Preference;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a preference object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Preference, A::Error> {
            let mut winner = None;
            let mut strength = None;
            let mut strength_seen = false;
            let mut extra = Map::new();
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                match key.as_ref() {
                    "winner" => once(&mut winner, map.next_value::<String>()?, "winner")?,
                    "strength" => optional(&mut strength, &mut strength_seen, map.next_value()?, "strength")?,
                    _ => {
                        let StrictValue(value) = map.next_value()?;
                        if extra.insert(key.clone().into_owned(), value).is_some() {
                            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                        }
                    }
                }
            }
            let winner = winner.ok_or_else(|| de::Error::missing_field("winner"))?;
            Ok(Preference { winner, strength, extra })
        }
    }

    impl Serialize for Preference {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("winner", &self.winner)?;
            if let Some(strength) = self.strength {
                map.serialize_entry("strength", &strength)?;
            }
            for (key, value) in &self.extra {
                if key != "winner" && key != "strength" {
                    map.serialize_entry(key, value)?;
                }
            }
            map.end()
        }
    }

    /// A JSON value like `serde_json::Value`, except that an object repeating a key is an
    /// error (serde_json keeps the last silently; a judgment must not mean two things).
    pub(super) struct StrictValue(pub(super) Value);

    impl<'de> Deserialize<'de> for StrictValue {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StrictValue, D::Error> {
            deserializer.deserialize_any(StrictVisitor)
        }
    }

    struct StrictVisitor;

    impl<'de> Visitor<'de> for StrictVisitor {
        type Value = StrictValue;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::Bool(v)))
        }
        fn visit_i64<E>(self, v: i64) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::from(v)))
        }
        fn visit_u64<E>(self, v: u64) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::from(v)))
        }
        fn visit_f64<E>(self, v: f64) -> Result<StrictValue, E> {
            Ok(StrictValue(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)))
        }
        fn visit_str<E>(self, v: &str) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::String(v.to_owned())))
        }
        fn visit_string<E>(self, v: String) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::String(v)))
        }
        fn visit_unit<E>(self) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::Null))
        }
        fn visit_none<E>(self) -> Result<StrictValue, E> {
            Ok(StrictValue(Value::Null))
        }
        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<StrictValue, D::Error> {
            StrictValue::deserialize(deserializer)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<StrictValue, A::Error> {
            let mut items = Vec::new();
            while let Some(StrictValue(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(StrictValue(Value::Array(items)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StrictValue, A::Error> {
            let mut object = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let StrictValue(value) = map.next_value()?;
                if object.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                object.insert(key, value);
            }
            Ok(StrictValue(Value::Object(object)))
        }
    }

    /// The serde description of a value, for type errors.
    fn unexpected(value: &Value) -> de::Unexpected<'_> {
        match value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(_) => de::Unexpected::Other("a number"),
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }

    /// Serializes a judgment, with or without its `chain` (the chain hashes the line without it).
    pub(super) struct Fields<'a> {
        pub(super) judgment: &'a Judgment,
        pub(super) with_chain: bool,
    }

    impl Serialize for Fields<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let j = self.judgment;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("schema", &j.schema)?;
            map.serialize_entry("item_id", &j.item_id)?;
            map.serialize_entry("annotator", &j.annotator)?;
            if let Some(v) = &j.group {
                map.serialize_entry("group", v)?;
            }
            if let Some(v) = &j.shown {
                map.serialize_entry("shown", v)?;
            }
            if let Some(v) = &j.preference {
                map.serialize_entry("preference", v)?;
            }
            if let Some(v) = &j.ranking {
                map.serialize_entry("ranking", v)?;
            }
            if let Some(v) = &j.scores {
                map.serialize_entry("scores", v)?;
            }
            if let Some(v) = &j.flags {
                map.serialize_entry("flags", v)?;
            }
            if let Some(v) = &j.started_at {
                map.serialize_entry("started_at", v)?;
            }
            if let Some(v) = &j.submitted_at {
                map.serialize_entry("submitted_at", v)?;
            }
            if let Some(v) = &j.duration_ms {
                map.serialize_entry("duration_ms", v)?;
            }
            if let Some(v) = &j.task_sha256 {
                map.serialize_entry("task_sha256", v)?;
            }
            if let Some(v) = &j.rubric_sha256 {
                map.serialize_entry("rubric_sha256", v)?;
            }
            if let Some(v) = &j.app_version {
                map.serialize_entry("app_version", v)?;
            }
            for (key, value) in &j.extra {
                if !Key::is_known(key) {
                    map.serialize_entry(key, value)?;
                }
            }
            if self.with_chain {
                if let Some(v) = &j.chain {
                    map.serialize_entry("chain", v)?;
                }
            }
            map.end()
        }
    }

    impl Serialize for Judgment {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Fields { judgment: self, with_chain: true }.serialize(serializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_real_mtbench_judgments_and_warns_about_the_rejudged_one() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let loaded = load_judgments("judgments.jsonl", &text);
        assert_eq!(loaded.n_errors(), 0, "{:?}", &loaded.problems[..loaded.problems.len().min(3)]);
        assert_eq!(loaded.problems.len(), 1, "the one real re-judged comparison");
        assert_eq!(loaded.records.len(), 5_755 - 1);
    }

    #[test]
    fn export_import_export_is_byte_identical() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let first = to_jsonl(&load_judgments("j", &text).records);
        let second = to_jsonl(&load_judgments("j", &first).records);
        assert_eq!(first, second);
    }

    #[test]
    fn names_the_bad_field() {
        let cases = [
            (r#"{"schema":"verdict/judgment@1","item_id":3,"annotator":"a","flags":[]}"#, "item_id: expected a string, found a number"),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a"}"#,
                "-: a judgment needs at least one of preference, ranking, scores, flags",
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","preference":{"winner":1}}"#,
                "preference.winner: expected a model id, \"tie\" or \"both_bad\", found a number",
            ),
            (
                r#"{"schema":"verdict/judgment@2","item_id":"i","annotator":"a","flags":[]}"#,
                "schema: expected \"verdict/judgment@1\", found \"verdict/judgment@2\"",
            ),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","#, "-: not valid JSON (EOF while parsing a value)"),
            (r#"{"schema":"verdict/judgment@1","item_id":"i","annotator":"a","scores":[1]}"#, "scores: expected an object, found an array"),
        ];
        for (line, expected) in cases {
            let problems = judgment_from_line(line).unwrap_err();
            let got = format!("{}: {}", problems[0].0, problems[0].1);
            assert_eq!(got, expected, "{line}");
        }
    }
}
