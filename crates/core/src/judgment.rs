//! Judgments: one submitted rating (DESIGN's `verdict/judgment@1`), read and written as JSONL.
//!
//! Preferences and per-output scores are keyed by model identity, never by screen side.
//! A judgment is identified by `(item_id, annotator)`: a later one replaces an earlier one.

use serde_json::{Map, Value};

use crate::problem::{json_type_name, Loaded, Problem};
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
            Ok(value) => explain(&value).unwrap_or_else(|| vec![("-".into(), error_without_position(&error))]),
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

/// The warning for a judgment that replaces an earlier one of the same (item, annotator).
fn replaced(file: &str, line_no: u64, judgment: &Judgment, earlier_line: u64) -> Problem {
    Problem::warning(
        file,
        line_no,
        "item_id",
        format!("replaces the judgment of \"{}\" by \"{}\" on line {earlier_line}", judgment.item_id, judgment.annotator),
    )
}

/// Checks judgment lines one at a time, for streaming readers: each line on its own, identity
/// `(item_id, annotator)` across the file (a later judgment replaces an earlier one, with a
/// warning), and the tamper-evidence chain when the file has one.
#[derive(Debug)]
pub struct JudgmentLines {
    file: String,
    /// Last line of each identity, keyed by [`identity_hash`]: 24 bytes per judgment, so
    /// memory stays small on files with millions of lines.
    last_line: std::collections::HashMap<u128, u64>,
    chain: crate::export::ChainVerifier,
}

/// A 128-bit fingerprint of a judgment's identity `(item_id, annotator)`, for streaming
/// readers that must remember every identity without keeping its strings. Two independent
/// SipHash passes; a collision among 10⁹ judgments has probability below 10⁻²⁰.
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

impl JudgmentLines {
    /// Starts checking the file named `file`.
    pub fn new(file: &str) -> Self {
        JudgmentLines { file: file.to_owned(), last_line: std::collections::HashMap::new(), chain: crate::export::ChainVerifier::new(file) }
    }

    /// The chain verifier's state (chained or not, last chain value).
    pub fn chain(&self) -> &crate::export::ChainVerifier {
        &self.chain
    }

    /// Checks one line (`unterminated`: the file's last line, without a newline). Problems go
    /// to `problems`; a judgment that loads is returned with the line it replaces, if any.
    pub fn line(&mut self, line_no: u64, line: &str, unterminated: bool, problems: &mut Vec<Problem>) -> Option<(Judgment, Option<u64>)> {
        let file = self.file.as_str();
        match judgment_from_any_line(line) {
            Ok(Some(judgment)) => {
                problems.extend(self.chain.check(line_no, &judgment));
                let earlier = self.last_line.insert(identity_hash(&judgment.item_id, &judgment.annotator), line_no);
                if let Some(earlier_line) = earlier {
                    problems.push(replaced(file, line_no, &judgment, earlier_line));
                }
                Some((judgment, earlier))
            }
            Ok(None) => None,
            Err(found) => {
                let value = serde_json::from_str::<Value>(line);
                self.chain.skip(value.as_ref().ok());
                match value {
                    Err(error) => {
                        problems.push(Problem::error(file, line_no, "-", crate::import::json_error_message(&error, unterminated)))
                    }
                    Ok(_) => problems.extend(found.into_iter().map(|(field, message)| Problem::error(file, line_no, &field, message))),
                }
                None
            }
        }
    }
}

/// Loads a judgments JSONL text leniently; later judgments of the same (item, annotator)
/// replace earlier ones, with a warning naming the replaced line. Arena battles and AlpacaEval
/// rows are read as their verdicts. The chain is not checked here: see
/// [`crate::export::verify_chain`].
pub fn load_judgments(file: &str, text: &str) -> Loaded<Judgment> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut loaded = Loaded::default();
    let mut index_of: std::collections::HashMap<u128, (usize, u64)> = std::collections::HashMap::new();
    let n_lines = text.lines().count();
    for (index, line) in text.lines().enumerate() {
        let line_no = index as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        match judgment_from_any_line(line) {
            Ok(Some(judgment)) => {
                let key = identity_hash(&judgment.item_id, &judgment.annotator);
                match index_of.get_mut(&key) {
                    Some((slot, earlier_line)) => {
                        loaded.problems.push(replaced(file, line_no, &judgment, *earlier_line));
                        loaded.records[*slot] = judgment;
                        *earlier_line = line_no;
                    }
                    None => {
                        index_of.insert(key, (loaded.records.len(), line_no));
                        loaded.records.push(judgment);
                    }
                }
            }
            Ok(None) => {}
            Err(found) => {
                let unterminated = index + 1 == n_lines && !text.ends_with('\n');
                match serde_json::from_str::<Value>(line) {
                    Err(error) => {
                        loaded.problems.push(Problem::error(file, line_no, "-", crate::import::json_error_message(&error, unterminated)))
                    }
                    Ok(_) => {
                        loaded.problems.extend(found.into_iter().map(|(field, message)| Problem::error(file, line_no, &field, message)))
                    }
                }
            }
        }
    }
    loaded
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
                    Key::Scores => optional(&mut judgment.scores, &mut seen[4], map.next_value()?, "scores")?,
                    Key::Flags => optional(&mut judgment.flags, &mut seen[5], map.next_value()?, "flags")?,
                    Key::StartedAt => optional(&mut judgment.started_at, &mut seen[6], map.next_value()?, "started_at")?,
                    Key::SubmittedAt => optional(&mut judgment.submitted_at, &mut seen[7], map.next_value()?, "submitted_at")?,
                    Key::DurationMs => optional(&mut judgment.duration_ms, &mut seen[8], map.next_value()?, "duration_ms")?,
                    Key::TaskSha256 => optional(&mut judgment.task_sha256, &mut seen[9], map.next_value()?, "task_sha256")?,
                    Key::RubricSha256 => optional(&mut judgment.rubric_sha256, &mut seen[10], map.next_value()?, "rubric_sha256")?,
                    Key::AppVersion => optional(&mut judgment.app_version, &mut seen[11], map.next_value()?, "app_version")?,
                    Key::Chain => optional(&mut judgment.chain, &mut seen[12], map.next_value()?, "chain")?,
                    Key::Other(name) => {
                        let value = map.next_value::<Value>()?;
                        judgment.extra.insert(name, value);
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
                        let value = map.next_value::<Value>()?;
                        extra.insert(key.into_owned(), value);
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
