//! A fast projection of Chatbot Arena rows for style-controlled ranking: one typed, borrowing
//! pass over a line gives what `rank --style-control` keeps of it (the judgment's identity,
//! models, verdict and submission time, and the `conv_metadata` counts), without the
//! `serde_json::Value` tree, the imported task and the failed judgment parse the one reader's
//! general path ([`crate::read::judgment_from_any_line`]) builds for such a row.
//!
//! It is only ever a shortcut: it declines (returns `None`) every row it is not sure of — an
//! explicit `id`, a `question_id` that is not a string or an integer, a missing or unknown
//! `winner`, a `schema` or `outputs` key, a duplicate known key, a malformed conversation,
//! context turns that differ, a `conv_metadata` that is not the usual eight counts — and the
//! caller then reads the line through the one reader. Whatever it accepts, the general path
//! reads the same (tested in `crates/core/tests/arena_scan_differential.rs`); the identity
//! rule stays the reader's ([`crate::read::JudgmentReader::add_projected`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Map;

use super::battles::BattleJudgment;
use super::style::{Missing, StyleCounts};
use crate::import::ARENA_DEFAULT_ANNOTATOR;
use crate::judgment::{Judgment, Preference, BOTH_BAD, TIE};

/// What the style-controlled ranking keeps of one Arena row.
#[derive(Clone, Debug, PartialEq)]
pub struct ArenaVerdict<'a> {
    /// The judgment's `item_id`, as the importer builds it (`arena-{question_id}[:t{turn}]:{pair}`).
    pub item_id: String,
    /// `judge`, else `annotator`, else [`ARENA_DEFAULT_ANNOTATOR`].
    pub annotator: Cow<'a, str>,
    /// `model_a`, shown first.
    pub model_a: Cow<'a, str>,
    /// `model_b`.
    pub model_b: Cow<'a, str>,
    /// The winner as a judgment names it: a model, [`TIE`] or [`BOTH_BAD`].
    pub winner: Winner,
    /// `tstamp` as RFC 3339, when it is a number of seconds in range.
    pub submitted_at: Option<String>,
    /// The answers' counts from `conv_metadata` (see [`super::controlled::conv_metadata_counts`]).
    pub counts: Result<[StyleCounts; 2], Missing>,
}

/// An Arena row's `winner`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Winner {
    /// `model_a`.
    ModelA,
    /// `model_b`.
    ModelB,
    /// `tie`.
    Tie,
    /// `tie (bothbad)`.
    BothBad,
}

impl ArenaVerdict<'_> {
    /// What battles need of the row's judgment (the same as
    /// `BattleJudgment::from(self.into_judgment())`, without building the judgment).
    pub fn into_battle_judgment(self) -> BattleJudgment {
        let winner = match self.winner {
            Winner::ModelA => self.model_a.to_string(),
            Winner::ModelB => self.model_b.to_string(),
            Winner::Tie => TIE.to_owned(),
            Winner::BothBad => BOTH_BAD.to_owned(),
        };
        BattleJudgment {
            item_id: self.item_id,
            annotator: self.annotator.into_owned(),
            shown: Some(vec![self.model_a.into_owned(), self.model_b.into_owned()]),
            winner: Some(winner),
            ranking: None,
            submitted_at: self.submitted_at,
        }
    }

    /// The judgment the one reader reads from the row, without its `extra` (`conv_metadata`,
    /// already counted in [`ArenaVerdict::counts`]).
    pub fn into_judgment(self) -> Judgment {
        let winner = match self.winner {
            Winner::ModelA => self.model_a.to_string(),
            Winner::ModelB => self.model_b.to_string(),
            Winner::Tie => TIE.to_owned(),
            Winner::BothBad => BOTH_BAD.to_owned(),
        };
        Judgment {
            shown: Some(vec![self.model_a.into_owned(), self.model_b.into_owned()]),
            preference: Some(Preference { winner, strength: None, extra: Map::new() }),
            submitted_at: self.submitted_at,
            ..Judgment::new(self.item_id, self.annotator.into_owned())
        }
    }
}

/// Reads an Arena row the fast way, or `None` when the row is anything but the common, valid
/// shape (then read it through the one reader). `line` is one line without its line end.
pub fn scan_arena_row(line: &str) -> Option<ArenaVerdict<'_>> {
    let row: Row<'_> = serde_json::from_str(line).ok()?;
    if row.schema || row.outputs || row.id {
        return None;
    }
    let (model_a, model_b) = (row.model_a, row.model_b);
    if model_a.trim().is_empty() || model_b.trim().is_empty() || model_a == model_b {
        return None;
    }
    let winner = match row.winner?.as_ref() {
        "model_a" => Winner::ModelA,
        "model_b" => Winner::ModelB,
        "tie" => Winner::Tie,
        "tie (bothbad)" => Winner::BothBad,
        _ => return None,
    };
    if row.conversation_a.is_empty() || row.conversation_b.is_empty() || context(&row.conversation_a) != context(&row.conversation_b) {
        return None;
    }
    let annotator = [row.judge, row.annotator]
        .into_iter()
        .flatten()
        .find(|name| !name.trim().is_empty())
        .unwrap_or(Cow::Borrowed(ARENA_DEFAULT_ANNOTATOR));
    let submitted_at = row
        .tstamp
        .filter(|s| s.is_finite() && (0.0..1e13).contains(s))
        .map(|s| crate::time::rfc3339_from_unix_ms((s * 1000.0).round() as i64));
    let question = row.question_id?;
    if question.trim().is_empty() {
        return None;
    }
    let turn = row.turn.map(|t| format!(":t{t}")).unwrap_or_default();
    let (first, second) = if model_a <= model_b { (&model_a, &model_b) } else { (&model_b, &model_a) };
    let item_id = format!("arena-{question}{turn}:{first}|{second}");
    let counts = match row.conv_metadata {
        None => Err(Missing::NoConvMetadata),
        Some(metadata) => Ok(metadata.counts()?),
    };
    Some(ArenaVerdict { item_id, annotator, model_a, model_b, winner, submitted_at, counts })
}

/// The turns before the first assistant reply (the importer's shared context).
fn context<'m, 'a>(turns: &'m [Message<'a>]) -> &'m [Message<'a>] {
    let first_reply = turns.iter().position(|t| t.role == "assistant").unwrap_or(turns.len());
    &turns[..first_reply]
}

/// The keys the importer reads (any other key is ignored, as the importer keeps it in the
/// task's `meta`); a duplicate of one of these is a serde error, so the row is declined.
#[derive(Deserialize)]
struct Row<'a> {
    #[serde(default, deserialize_with = "present")]
    schema: bool,
    #[serde(default, deserialize_with = "present")]
    outputs: bool,
    #[serde(default, deserialize_with = "present")]
    id: bool,
    #[serde(default, borrow, deserialize_with = "question_id")]
    question_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    model_a: Cow<'a, str>,
    #[serde(borrow)]
    model_b: Cow<'a, str>,
    #[serde(default, borrow)]
    winner: Option<Cow<'a, str>>,
    #[serde(borrow)]
    conversation_a: Vec<Message<'a>>,
    #[serde(borrow)]
    conversation_b: Vec<Message<'a>>,
    #[serde(default, borrow)]
    judge: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    annotator: Option<Cow<'a, str>>,
    #[serde(default)]
    tstamp: Option<f64>,
    #[serde(default)]
    turn: Option<u64>,
    #[serde(default)]
    conv_metadata: Option<ConvMetadata>,
}

/// One message of a conversation (other keys ignored, as the importer does).
#[derive(Deserialize, PartialEq)]
struct Message<'a> {
    #[serde(borrow)]
    role: Cow<'a, str>,
    #[serde(borrow)]
    content: Cow<'a, str>,
}

/// True for a key that is present, whatever its value (`null` included).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// `question_id`: a string, or an integer taken as its decimal text (a float or anything else
/// declines the row: the importer's text of such a number is not reproduced here).
fn question_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Id;
    impl<'de> Visitor<'de> for Id {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an integer")
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_owned())))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(Id)
}

/// The eight counts of `conv_metadata` (other keys ignored, as
/// [`super::style::counts_from_conv_metadata`] does).
struct ConvMetadata {
    /// Per side (a, b): tokens, headers, bold, lists; `None` until read.
    sides: [[Option<f64>; 4]; 2],
}

impl ConvMetadata {
    /// Both sides' counts; `None` (decline) when one is missing or not finite.
    fn counts(&self) -> Option<[StyleCounts; 2]> {
        let side = |s: &[Option<f64>; 4]| -> Option<StyleCounts> {
            let counts = [s[0]?, s[1]?, s[2]?, s[3]?];
            counts.iter().all(|c| c.is_finite()).then_some(counts)
        };
        Some([side(&self.sides[0])?, side(&self.sides[1])?])
    }
}

impl<'de> Deserialize<'de> for ConvMetadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = ConvMetadata;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("conv_metadata counts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ConvMetadata, A::Error> {
                let mut sides = [[None; 4]; 2];
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let (side, slot) = match key.as_ref() {
                        "sum_assistant_a_tokens" => (0, 0),
                        "sum_assistant_b_tokens" => (1, 0),
                        "header_count_a" => (0, 1),
                        "header_count_b" => (1, 1),
                        "bold_count_a" => (0, 2),
                        "bold_count_b" => (1, 2),
                        "list_count_a" => (0, 3),
                        "list_count_b" => (1, 3),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    if sides[side][slot].is_some() {
                        return Err(de::Error::custom("duplicate count"));
                    }
                    sides[side][slot] = Some(if slot == 0 { map.next_value::<f64>()? } else { map.next_value::<Sum>()?.0 });
                }
                Ok(ConvMetadata { sides })
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// The sum of an object's numbers, in order (a duplicate key or a value that is not a number
/// declines the row).
struct Sum(f64);

impl<'de> Deserialize<'de> for Sum {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Values;
        impl<'de> Visitor<'de> for Values {
            type Value = Sum;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of numbers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sum, A::Error> {
                let mut keys: Vec<Cow<'de, str>> = Vec::new();
                let mut sum = 0.0;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    if keys.contains(&key) {
                        return Err(de::Error::custom("duplicate key"));
                    }
                    keys.push(key);
                    sum += map.next_value::<f64>()?;
                }
                Ok(Sum(sum))
            }
        }
        deserializer.deserialize_map(Values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ranking::controlled::conv_metadata_counts;
    use crate::read::judgment_from_any_line;

    const ROW: &str = r#"{"question_id":"b1","model_a":"m2","model_b":"m1","winner":"model_a","conversation_a":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"conversation_b":[{"role":"user","content":"q"},{"role":"assistant","content":"b"}],"conv_metadata":{"sum_assistant_a_tokens":282,"sum_assistant_b_tokens":56,"header_count_a":{"h1":2,"h2":1},"header_count_b":{"h1":1},"bold_count_a":{"**":3},"bold_count_b":{"**":1},"list_count_a":{"ordered":4},"list_count_b":{"ordered":1}}}"#;

    /// The fast reading equals the one reader's, stripped as the style path strips it.
    fn same_as_reader(line: &str) {
        let fast = scan_arena_row(line).expect("the scanner reads this row");
        let counts = fast.counts;
        let mut full = judgment_from_any_line(line).unwrap().unwrap();
        assert_eq!(counts, conv_metadata_counts(&full));
        full.extra = Map::new();
        assert_eq!(fast.clone().into_battle_judgment(), BattleJudgment::from(full.clone()));
        assert_eq!(fast.into_judgment(), full);
    }

    #[test]
    fn a_common_row_reads_as_the_one_reader_reads_it() {
        same_as_reader(ROW);
        let counts = scan_arena_row(ROW).unwrap().counts.unwrap();
        assert_eq!(counts, [[282.0, 3.0, 3.0, 4.0], [56.0, 1.0, 1.0, 1.0]]);
        same_as_reader(&ROW.replace(r#""question_id":"b1""#, r#""question_id":81,"turn":2,"judge":"j\u00e9","tstamp":1700000000.5"#));
        same_as_reader(&ROW.replace(r#""winner":"model_a""#, r#""winner":"tie (bothbad)","language":"English""#));
        same_as_reader(&ROW.replace(r#","conv_metadata":{"#, r#","conv_metadata":null,"x":{"#));
    }

    #[test]
    fn unusual_rows_are_declined() {
        for (from, to) in [
            (r#""question_id":"b1""#, r#""question_id":"b1","id":"x""#),
            (r#""question_id":"b1""#, r#""question_id":1.5"#),
            (r#""question_id":"b1""#, r#""question_id":" ""#),
            (r#""winner":"model_a""#, r#""winner":"model_c""#),
            (r#""winner":"model_a""#, r#""winner":null"#),
            (r#""model_b":"m1""#, r#""model_b":"m2""#),
            (r#""model_b":"m1""#, r#""model_b":"m1","model_b":"m3""#),
            (r#""content":"q"}"#, r#""content":"other"}"#),
            (r#""question_id":"b1""#, r#""question_id":"b1","schema":null"#),
            (r#""h1":2,"h2":1"#, r#""h1":2,"h1":1"#),
            (r#""sum_assistant_b_tokens":56,"#, ""),
            (r#""sum_assistant_b_tokens":56"#, r#""sum_assistant_b_tokens":"56""#),
        ] {
            let line = ROW.replacen(from, to, 1);
            assert_ne!(line, ROW, "{from}");
            assert!(scan_arena_row(&line).is_none(), "declined: {line}");
        }
    }
}
