//! A fast projection of label judgments for `verdict aggregate`: one typed, borrowing pass over
//! a line gives what label aggregation keeps of it — the judgment's identity (`item_id`,
//! `annotator`, `submitted_at`) and the value of one criterion in `scores` — without building
//! the whole [`crate::Judgment`] (its strings, score map and every score's value) that the one
//! reader's general path ([`super::check_line`]) builds.
//!
//! It is only ever a shortcut: it declines (returns `None`) every line it is not sure of — a key
//! other than `schema`, `item_id`, `annotator`, `group`, `started_at`, `submitted_at`,
//! `duration_ms`, `task_sha256`, `rubric_sha256`, `app_version` and `scores`; a repeated key at
//! any depth; a string or key with escapes; a score nested deeper than `{model: value}` or an
//! array; a missing or null `scores`; any line the general path would refuse — and the caller
//! then reads the line through the one reader. Whatever it accepts, the general path reads the
//! same (tested in `crates/core/tests/label_scan_differential.rs`); the identity rule stays the
//! reader's ([`super::JudgmentReader::add_projected`]).

use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::reader::trimmed;
use crate::judgment::SCHEMA;
use crate::limits::Limits;

/// What label aggregation keeps of one line: where its identity fields are in the line (byte
/// ranges of the line as given, so that the result outlives the borrow) and the criterion's value.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLine {
    /// `item_id`'s text.
    pub item_id: Range<usize>,
    /// `annotator`'s text.
    pub annotator: Range<usize>,
    /// `submitted_at`'s text, when present and not null.
    pub submitted_at: Option<Range<usize>>,
    /// `scores[criterion]`, as the general path reads it (`None`: the criterion is absent).
    pub value: Option<Value>,
}

/// Reads line `line_no` (1-based, as given to [`super::check_line`]) of a judgments file the fast
/// way for `criterion`, or `None` when the line is anything but the common, valid shape of a
/// scored judgment (then read it through the one reader).
pub fn scan_label_line(line_no: u64, line: &str, limits: &Limits, criterion: &str) -> Option<LabelLine> {
    let text = trimmed(line_no, line);
    if text.len() > limits.max_line_bytes {
        return None;
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let fields = deserializer.deserialize_map(LineVisitor { criterion }).ok()?;
    deserializer.end().ok()?;
    let (Some(schema), Some(item_id), Some(annotator), Some(value)) = (fields.schema, fields.item_id, fields.annotator, fields.scores)
    else {
        return None;
    };
    if schema != SCHEMA || item_id.is_empty() || annotator.is_empty() {
        return None;
    }
    let base = line.as_ptr() as usize;
    let range = |part: &str| {
        let start = part.as_ptr() as usize - base;
        start..start + part.len()
    };
    Some(LabelLine { item_id: range(item_id), annotator: range(annotator), submitted_at: fields.submitted_at.map(range), value })
}

/// The fields read, borrowed from the line; `scores` is `Some(value of the criterion)`.
#[derive(Default)]
struct Fields<'de> {
    schema: Option<&'de str>,
    item_id: Option<&'de str>,
    annotator: Option<&'de str>,
    submitted_at: Option<&'de str>,
    scores: Option<Option<Value>>,
}

/// Any error: the line is declined.
fn decline<E: de::Error>() -> E {
    E::custom("not the common shape")
}

/// The known keys the projection reads, by position in a `seen` bit set.
const KEYS: [&str; 11] = [
    "schema",
    "item_id",
    "annotator",
    "group",
    "started_at",
    "submitted_at",
    "duration_ms",
    "task_sha256",
    "rubric_sha256",
    "app_version",
    "scores",
];

struct LineVisitor<'c> {
    criterion: &'c str,
}

impl<'de> Visitor<'de> for LineVisitor<'_> {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a judgment object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
        let mut fields = Fields::default();
        let mut seen = 0u16;
        while let Some(key) = map.next_key::<&'de str>()? {
            let index = KEYS.iter().position(|known| *known == key).ok_or_else(decline)?;
            if seen & (1 << index) != 0 {
                return Err(decline());
            }
            seen |= 1 << index;
            match index {
                0 => fields.schema = Some(map.next_value()?),
                1 => fields.item_id = Some(map.next_value()?),
                2 => fields.annotator = Some(map.next_value()?),
                5 => fields.submitted_at = map.next_value()?,
                6 => {
                    map.next_value::<Option<u64>>()?;
                }
                10 => fields.scores = Some(map.next_value_seed(ScoresSeed { criterion: self.criterion })?),
                _ => {
                    map.next_value::<Option<&'de str>>()?;
                }
            }
        }
        Ok(fields)
    }
}

/// `scores`: an object of scalars and `{model: scalar}` objects, no key repeated; gives the
/// criterion's value.
struct ScoresSeed<'c> {
    criterion: &'c str,
}

impl<'de> DeserializeSeed<'de> for ScoresSeed<'_> {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Value>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ScoresSeed<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scores object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Value>, A::Error> {
        let mut keys: Vec<&'de str> = Vec::new();
        let mut value = None;
        while let Some(key) = map.next_key::<&'de str>()? {
            if keys.contains(&key) {
                return Err(decline());
            }
            keys.push(key);
            let Shallow(read) = map.next_value()?;
            if key == self.criterion {
                value = Some(read);
            }
        }
        Ok(value)
    }
}

/// A score's value: a scalar, or an object of scalars without a repeated key, read into the
/// same [`Value`] as the general path's strict reading.
struct Shallow(Value);

impl<'de> de::Deserialize<'de> for Shallow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shallow, D::Error> {
        deserializer.deserialize_any(ShallowVisitor { nested: false })
    }
}

/// A value inside a per-output score: a scalar only.
struct Scalar(Value);

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(ShallowVisitor { nested: true }).map(|Shallow(value)| Scalar(value))
    }
}

struct ShallowVisitor {
    /// True inside an object: a further object is declined.
    nested: bool,
}

impl<'de> Visitor<'de> for ShallowVisitor {
    type Value = Shallow;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a score")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Shallow, E> {
        Ok(Shallow(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Shallow, E> {
        Ok(Shallow(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Shallow, E> {
        Ok(Shallow(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Shallow, E> {
        Ok(Shallow(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Shallow, E> {
        Ok(Shallow(Value::String(v.to_owned())))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Shallow, E> {
        Err(decline())
    }
    fn visit_unit<E>(self) -> Result<Shallow, E> {
        Ok(Shallow(Value::Null))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shallow, A::Error> {
        if self.nested {
            return Err(decline());
        }
        let mut object = Map::new();
        while let Some(key) = map.next_key::<&'de str>()? {
            let Scalar(value) = map.next_value()?;
            if object.insert(key.to_owned(), value).is_some() {
                return Err(decline());
            }
        }
        Ok(Shallow(Value::Object(object)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(line: &str) -> Option<LabelLine> {
        scan_label_line(2, line, &Limits::default(), "grade")
    }

    #[test]
    fn the_common_line_is_read_and_anything_unusual_declined() {
        let line = r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":2,"other":[1]}}"#;
        assert_eq!(scan(line), None, "an array among the scores is declined");
        let line = r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","submitted_at":"2026-11-25T10:00:00Z","scores":{"x":"y","grade":2}}"#;
        let read = scan(line).unwrap();
        assert_eq!((&line[read.item_id.clone()], &line[read.annotator.clone()]), ("i1", "a7"));
        assert_eq!(&line[read.submitted_at.unwrap()], "2026-11-25T10:00:00Z");
        assert_eq!(read.value, Some(Value::from(2)));
        let per_output = r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":{"m1":4,"m2":null}}}"#;
        assert_eq!(scan(per_output).unwrap().value, Some(serde_json::json!({"m1": 4, "m2": null})));
        for declined in [
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":2},"kind":"judge"}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","item_id":"i2","annotator":"a7","scores":{"grade":2}}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i\u0031","annotator":"a7","scores":{"grade":2}}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"","annotator":"a7","scores":{"grade":2}}"#,
            r#"{"schema":"verdict/judgment@2","item_id":"i1","annotator":"a7","scores":{"grade":2}}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":null}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":{"m1":{"x":1}}}}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":1,"grade":2}}"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","scores":{"grade":2}} x"#,
            r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a7","duration_ms":-1,"scores":{"grade":2}}"#,
        ] {
            assert_eq!(scan(declined), None, "{declined}");
        }
    }

    #[test]
    fn ranges_are_in_the_line_as_given() {
        let line = "\u{feff}{\"schema\":\"verdict/judgment@1\",\"item_id\":\"i1\",\"annotator\":\"a\",\"scores\":{}}\r";
        let read = scan_label_line(1, line, &Limits::default(), "grade").unwrap();
        assert_eq!(&line[read.item_id], "i1");
        assert_eq!(read.value, None);
        assert_eq!(scan_label_line(1, line, &Limits { max_line_bytes: 20, ..Limits::default() }, "grade"), None);
    }
}
