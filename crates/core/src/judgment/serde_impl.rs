//! Hand-written serde for [`Judgment`] and [`Preference`]: one pass over the map, known keys
//! matched without allocating, unknown keys kept in order, repeated keys refused at any depth.

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
