//! Rich message content (`verdict/task@2`): a message is a string (task@1) or a list of parts.
//!
//! Parts are text, Markdown, code, math (LaTeX, rendered to MathML by [`math`]), and media
//! (image, audio, video) whose URLs follow [`media`]'s rules. Parsing never panics: every
//! problem is a typed [`Detail`] with its field path. [`highlight`] colours code,
//! [`diff`] compares two outputs word by word.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problem::{take_string, wrong_type, Detail, Expected, FieldProblems};

pub mod diff;
pub mod highlight;
pub mod math;
mod math_symbols;
pub mod media;

/// A message's content: one Markdown string (task@1) or a list of parts (task@2).
/// Deserializing goes through [`Content::from_value`] (one checked path, and no derived
/// untagged-enum code in the rating bundle).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Content {
    /// Markdown text, as in task@1.
    Text(String),
    /// A list of parts, shown in order.
    Parts(Vec<Part>),
}

/// The kind of a media part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// A still image (`<img>`).
    Image,
    /// A sound (`<audio>`).
    Audio,
    /// A film (`<video>`).
    Video,
}

impl MediaKind {
    /// The part's `type` name, which is also the `data:` URI's top-level media type.
    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
        }
    }
}

/// One part of a message.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Part {
    /// Plain text, shown as it is (no Markdown).
    Text {
        /// The text.
        text: String,
    },
    /// Markdown (untrusted; rendered through [`crate::markdown`]).
    Markdown {
        /// The Markdown source.
        text: String,
    },
    /// Source code: indentation kept, highlighted by [`highlight`].
    Code {
        /// The language (`python`, `rust`, …), if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        /// The code.
        text: String,
    },
    /// A formula in LaTeX, rendered to MathML.
    Math {
        /// The LaTeX source (without `$` delimiters).
        latex: String,
    },
    /// An image, a sound or a film.
    #[serde(untagged)]
    Media(Media),
}

/// A media part: an image, a sound or a film.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Media {
    /// Image, audio or video.
    #[serde(rename = "type")]
    pub kind: MediaKind,
    /// Where it is: an `https://` URL, a path on the page's own host, or a `data:` URI.
    pub url: String,
    /// A text alternative (shown when the media is hidden or refused, read by screen readers).
    #[serde(default)]
    pub alt: String,
}

impl Content {
    /// Reads a content value at `field`, listing every problem.
    pub fn from_value(value: Value, field: &str) -> Result<Content, FieldProblems> {
        match value {
            Value::String(text) => Ok(Content::Text(text)),
            Value::Array(parts) if parts.is_empty() => Err(vec![(field.to_owned(), Detail::Empty)]),
            Value::Array(parts) => {
                let mut problems = Vec::new();
                let parts: Vec<Part> = parts
                    .into_iter()
                    .enumerate()
                    .filter_map(|(index, part)| part_from_value(part, &format!("{field}[{index}]"), &mut problems))
                    .collect();
                if problems.is_empty() {
                    Ok(Content::Parts(parts))
                } else {
                    Err(problems)
                }
            }
            other => Err(vec![(field.to_owned(), wrong_type(Expected::ContentOrParts, &other))]),
        }
    }

    /// The parts to show: a task@1 string is one Markdown part.
    pub fn parts(&self) -> Vec<Part> {
        match self {
            Content::Text(text) => vec![Part::Markdown { text: text.clone() }],
            Content::Parts(parts) => parts.clone(),
        }
    }

    /// The content as text, for length checks, diffs, exports to text formats and search:
    /// text and code as they are, math as its LaTeX between `$`, media as their alt text in
    /// brackets; parts separated by a blank line.
    pub fn plain_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Content::Text(text) => std::borrow::Cow::Borrowed(text),
            Content::Parts(parts) => std::borrow::Cow::Owned(
                parts
                    .iter()
                    .map(|part| match part {
                        Part::Text { text } | Part::Markdown { text } | Part::Code { text, .. } => text.clone(),
                        Part::Math { latex } => format!("${latex}$"),
                        Part::Media(media) => format!("[{}: {}]", media.kind.name(), media.alt),
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
        }
    }

    /// The media parts, in order.
    pub fn media(&self) -> impl Iterator<Item = &Media> {
        let parts: &[Part] = match self {
            Content::Text(_) => &[],
            Content::Parts(parts) => parts,
        };
        parts.iter().filter_map(|part| match part {
            Part::Media(media) => Some(media),
            _ => None,
        })
    }

    /// True for task@2 content (a list of parts).
    pub fn is_parts(&self) -> bool {
        matches!(self, Content::Parts(_))
    }
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Content::from_value(value, "content").map_err(|problems| {
            let (field, detail) = &problems[0];
            serde::de::Error::custom(format!("{field}: {}", crate::problem::detail_in_english(detail)))
        })
    }
}

impl From<String> for Content {
    fn from(text: String) -> Self {
        Content::Text(text)
    }
}

impl From<&str> for Content {
    fn from(text: &str) -> Self {
        Content::Text(text.to_owned())
    }
}

impl PartialEq<&str> for Content {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, Content::Text(text) if text == other)
    }
}

/// Reads one part at `field`; problems go to `problems`.
fn part_from_value(value: Value, field: &str, problems: &mut FieldProblems) -> Option<Part> {
    let Value::Object(mut object) = value else {
        problems.push((field.to_owned(), wrong_type(Expected::PartObject, &value)));
        return None;
    };
    let before = problems.len();
    let kind = take_string(&mut object, field, "type", problems)?;
    let mut text = |key: &str, problems: &mut FieldProblems| take_string(&mut object, field, key, problems);
    let part = match kind.as_str() {
        "text" => text("text", problems).map(|text| Part::Text { text }),
        "markdown" => text("text", problems).map(|text| Part::Markdown { text }),
        "code" => {
            let language = match object.remove("language") {
                None | Some(Value::Null) => None,
                Some(Value::String(language)) => Some(language),
                Some(other) => {
                    problems.push((format!("{field}.language"), wrong_type(Expected::String, &other)));
                    None
                }
            };
            take_string(&mut object, field, "text", problems).map(|text| Part::Code { language, text })
        }
        "math" => text("latex", problems).map(|latex| Part::Math { latex }),
        "image" | "audio" | "video" => {
            let kind = match kind.as_str() {
                "image" => MediaKind::Image,
                "audio" => MediaKind::Audio,
                _ => MediaKind::Video,
            };
            let url = take_string(&mut object, field, "url", problems);
            let alt = match object.remove("alt") {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(alt)) => alt,
                Some(other) => {
                    problems.push((format!("{field}.alt"), wrong_type(Expected::String, &other)));
                    String::new()
                }
            };
            let url = url?;
            if let Err(refusal) = media::check_url(&url, kind) {
                problems.push((format!("{field}.url"), refusal.detail()));
                return None;
            }
            Some(Part::Media(Media { kind, url, alt }))
        }
        _ => {
            problems.push((format!("{field}.type"), Detail::UnknownPartType { name: kind }));
            return None;
        }
    };
    // Unknown keys are refused rather than dropped: a part is small, and a silently lost key
    // (a misspelt `language`) would change what raters see.
    problems.extend(object.keys().map(|key| (format!("{field}.{key}"), Detail::UnknownField)));
    if problems.len() > before {
        return None;
    }
    part
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(value: Value) -> Vec<String> {
        match Content::from_value(value, "outputs[0].content") {
            Ok(_) => Vec::new(),
            Err(found) => {
                found.into_iter().map(|(field, detail)| format!("{field}: {}", crate::problem::detail_in_english(&detail))).collect()
            }
        }
    }

    #[test]
    fn a_string_is_task_at_1_content_and_a_list_is_parts() {
        assert_eq!(Content::from_value(json!("hi"), "c").unwrap(), Content::Text("hi".into()));
        let value = json!([
            {"type": "text", "text": "plain"},
            {"type": "markdown", "text": "**b**"},
            {"type": "code", "language": "python", "text": "def f():\n    return 1\n"},
            {"type": "math", "latex": "x^2"},
            {"type": "image", "url": "https://cdn.example/cat.png", "alt": "a cat"},
            {"type": "video", "url": "/media/clip.webm"},
            {"type": "audio", "url": "data:audio/wav;base64,UklGRg==", "alt": "a beep"},
        ]);
        let content = Content::from_value(value.clone(), "c").unwrap();
        assert_eq!(content.media().count(), 3);
        // Serializing gives back the same JSON (alt defaults to empty and is written).
        let mut expected = value;
        expected[5]["alt"] = json!("");
        assert_eq!(serde_json::to_value(&content).unwrap(), expected);
        assert_eq!(serde_json::from_value::<Content>(expected).unwrap(), content);
        let error = serde_json::from_value::<Content>(json!([{"type": "math"}])).unwrap_err().to_string();
        assert_eq!(error, "content[0].latex: missing");
    }

    #[test]
    fn plain_text_joins_the_parts() {
        let content = Content::from_value(
            json!([{"type": "text", "text": "a"}, {"type": "math", "latex": "x"}, {"type": "image", "url": "/i.png", "alt": "cat"}]),
            "c",
        )
        .unwrap();
        assert_eq!(content.plain_text(), "a\n\n$x$\n\n[image: cat]");
    }

    #[test]
    fn every_problem_names_its_field() {
        assert_eq!(problems(json!(5)), ["outputs[0].content: expected a string or a list of parts, found a number"]);
        assert_eq!(problems(json!([])), ["outputs[0].content: must not be empty"]);
        assert_eq!(
            problems(json!([
                "x",
                {"type": "gif", "url": "/a.gif"},
                {"type": "code", "text": 3, "lang": "py"},
                {"type": "math"},
                {"text": "no type"},
                {"type": "image", "url": "http://cdn.example/a.png"},
                {"type": "video", "url": "data:image/png;base64,AAAA"},
            ])),
            [
                "outputs[0].content[0]: expected a part object, found a string",
                "outputs[0].content[1].type: unknown part type \"gif\" (text, markdown, code, math, image, audio, video)",
                "outputs[0].content[2].text: expected a string, found a number",
                "outputs[0].content[2].lang: not a field of this part type",
                "outputs[0].content[3].latex: missing",
                "outputs[0].content[4].type: missing",
                "outputs[0].content[5].url: http: URLs are not allowed: use https://, a path on this host, or a data: URI",
                "outputs[0].content[6].url: a data: URI for a video part must be video/…, found \"image/png\"",
            ]
        );
        let codes: Vec<crate::problem::Code> =
            Content::from_value(json!([{"type": "math"}, 1]), "c").unwrap_err().iter().map(|(_, d)| d.code()).collect();
        assert_eq!(codes, [crate::problem::Code::Missing, crate::problem::Code::WrongType]);
    }
}
