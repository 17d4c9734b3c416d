//! Problems in words: each [`Detail`] names a catalog message (`i18n/<locale>.ftl` beside this
//! file, one per interface language); the CLI and the report use the catalogs embedded here,
//! the app fetches the same files (copied into `dist/i18n/problems/`).

use std::sync::OnceLock;

use super::{Detail, Problem};
use crate::fluent::{Arg, Catalog, Formatter, PlainFormatter};

/// The English catalog (the fallback, and the CLI's words).
pub const ENGLISH: &str = include_str!("i18n/en.ftl");

/// The languages problems are worded in, with their catalogs (English first: the fallback).
pub const LOCALES: [(&str, &str); 10] = [
    ("en", ENGLISH),
    ("ar", include_str!("i18n/ar.ftl")),
    ("zh-CN", include_str!("i18n/zh-CN.ftl")),
    ("ja", include_str!("i18n/ja.ftl")),
    ("id", include_str!("i18n/id.ftl")),
    ("th", include_str!("i18n/th.ftl")),
    ("vi", include_str!("i18n/vi.ftl")),
    ("es", include_str!("i18n/es.ftl")),
    ("pt-BR", include_str!("i18n/pt-BR.ftl")),
    ("fil", include_str!("i18n/fil.ftl")),
];

/// The parsed problem catalog of `locale` (one of [`LOCALES`]), or `None`.
pub fn catalog(locale: &str) -> Option<Catalog> {
    LOCALES.iter().find(|(tag, _)| *tag == locale).map(|(_, text)| Catalog::parse(text).0)
}

/// What is wrong, in words: the first of `catalogs` that has the message (callers pass the
/// interface language's, then English). Type words (`problem-expected-…`, `problem-found-…`)
/// are worded first and passed in.
pub fn words(detail: &Detail, catalogs: &[&Catalog], formatter: &dyn Formatter) -> String {
    let (id, mut args) = detail.message();
    for (name, arg) in args.iter_mut() {
        if let (&("expected" | "found"), Arg::Str(word)) = (&*name, &*arg) {
            if word.starts_with("problem-expected-") || word.starts_with("problem-found-") {
                *arg = Arg::Str(format_first(catalogs, word, &[], formatter));
            }
        }
    }
    format_first(catalogs, id, &args, formatter)
}

/// The whole problem in words: `file:line: field: what` (warnings marked as the catalog says).
pub fn render(problem: &Problem, catalogs: &[&Catalog], formatter: &dyn Formatter) -> String {
    let id = if problem.is_error() { "problem-line" } else { "problem-line-warning" };
    let args = [
        ("file", Arg::Str(problem.file.clone())),
        ("line", Arg::Str(problem.line.to_string())),
        ("field", Arg::Str(problem.field.clone())),
        ("message", Arg::Str(words(&problem.detail, catalogs, formatter))),
    ];
    format_first(catalogs, id, &args, formatter)
}

/// The problem in English, as the CLI prints it: `file:line: field: what`.
pub fn in_english(problem: &Problem) -> String {
    render(problem, &[english()], &PlainFormatter { locale: "en".into() })
}

/// What is wrong, in English (no place): for messages that must be text, e.g. serde's errors.
pub fn detail_in_english(detail: &Detail) -> String {
    words(detail, &[english()], &PlainFormatter { locale: "en".into() })
}

fn english() -> &'static Catalog {
    static PARSED: OnceLock<Catalog> = OnceLock::new();
    PARSED.get_or_init(|| Catalog::parse(ENGLISH).0)
}

fn format_first(catalogs: &[&Catalog], id: &str, args: &[(&str, Arg)], formatter: &dyn Formatter) -> String {
    catalogs.iter().find_map(|catalog| catalog.format(id, args, formatter)).unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{Expected, JsonKind, Place};

    fn english(problem: &Problem) -> String {
        in_english(problem)
    }

    #[test]
    fn words_problems_as_the_cli_prints_them() {
        let p = Problem::error("tasks.jsonl", 3, "outputs[1].model", Detail::Missing);
        assert_eq!(english(&p), "tasks.jsonl:3: outputs[1].model: missing");
        let t = Problem::error("j.jsonl", 2, "item_id", Detail::WrongType { expected: Expected::String, found: JsonKind::Number });
        assert_eq!(english(&t), "j.jsonl:2: item_id: expected a string, found a number");
        let same = Detail::Replaces { item_id: "q1".into(), annotator: "ana".into(), other: Place { file: None, line: 2 } };
        let w = Problem::warning("j.jsonl", 9, "item_id", same);
        assert_eq!(english(&w), "j.jsonl:9: item_id: warning: replaces the judgment of \"q1\" by \"ana\" on line 2");
        let other =
            Detail::ReplacedBy { item_id: "q1".into(), annotator: "ana".into(), other: Place { file: Some("a.jsonl".into()), line: 7 } };
        assert_eq!(
            english(&Problem::warning("b.jsonl", 1, "submitted_at", other)),
            "b.jsonl:1: submitted_at: warning: replaced by the judgment of \"q1\" by \"ana\" on a.jsonl:7, submitted later"
        );
    }

    /// Every locale's catalog parses cleanly and words every message with its variables, and
    /// every detail's message exists in every catalog (no English fallback is needed).
    #[test]
    fn every_catalog_words_every_detail() {
        let english = catalog("en").unwrap();
        for (locale, text) in LOCALES {
            let (parsed, problems) = Catalog::parse(text);
            assert!(problems.is_empty(), "{locale}: {problems:?}");
            for id in english.ids() {
                assert!(parsed.has(id), "{locale} lacks {id}");
                let mut theirs = parsed.variables(id);
                let mut ours = english.variables(id);
                theirs.sort();
                theirs.dedup();
                ours.sort();
                ours.dedup();
                assert_eq!(theirs, ours, "{locale}: {id} uses other variables than English");
            }
            for detail in samples() {
                let formatter = PlainFormatter { locale: locale.into() };
                let text = words(&detail, &[&parsed], &formatter);
                assert!(
                    !text.starts_with("problem-") && !text.contains("problem-") && !text.contains('{'),
                    "{locale}: {detail:?} → {text}"
                );
            }
        }
    }

    /// One of each detail (with every type word), so a catalog missing any message fails.
    fn samples() -> Vec<Detail> {
        use Detail::*;
        let kinds = [JsonKind::Null, JsonKind::Boolean, JsonKind::Number, JsonKind::String, JsonKind::Array, JsonKind::Object];
        let expected = [
            Expected::String,
            Expected::WholeNumber,
            Expected::Boolean,
            Expected::Object,
            Expected::Array,
            Expected::StringArray,
            Expected::StringOrNumber,
            Expected::Winner,
            Expected::Turn,
            Expected::TurnArray,
            Expected::Output,
            Expected::AlpacaPreference,
            Expected::ArenaWinner,
            Expected::OneOption,
            Expected::OptionArray,
            Expected::ScoresByModel,
            Expected::ContentOrParts,
            Expected::PartObject,
            Expected::Date,
            Expected::Event,
        ];
        let parser = || "EOF while parsing".to_owned();
        let here = Place { file: None, line: 4 };
        let there = Place { file: Some("b.jsonl".into()), line: 4 };
        let mut all = vec![
            InvalidJson { parser: parser() },
            Truncated { parser: parser() },
            InvalidJsonArray { parser: parser() },
            InvalidToml { parser: parser() },
            Unreadable { parser: parser() },
            CannotRead { reason: "denied".into() },
            EmptyFile,
            FileChanged,
            NotUtf8 { column: Some(3) },
            NotUtf8 { column: None },
            LineTooLong { limit: 1024 },
            Missing,
            MissingPrompt,
            NoItems,
            NotAllowed { expected: Expected::ArenaWinner, found: "x".into() },
            Empty,
            Schema { expected: "verdict/judgment@1".into(), found: "x".into() },
            NotForeign,
            UnknownRow,
            UnknownEventsFormat,
            NoContent,
            DuplicateKey { key: "k".into() },
            DuplicateId { id: "i".into(), first_line: 2 },
            DuplicateModel { model: "m".into() },
            DuplicateCriterion { id: "c".into() },
            DuplicateOption { option: "o".into() },
            ConversationsDiffer,
            NoVerdict,
            OutOfRange { found: "7".into(), min: 1, max: 5 },
            PreferenceOutOfRange { found: "3".into() },
            NotACriterion,
            NotAnOption { option: "o".into() },
            BoundTooLarge { bound: 1_000_000 },
            MaxNotAboveMin { min: 5, max: 1 },
            TooManyPoints { max: 21 },
            TooFewOptions,
            TooFewLabels,
            TooLong { max_chars: 200 },
            TooManyEvents { max: 1000 },
            UnknownPartType { name: "gif".into() },
            UnknownField,
            UrlScheme { scheme: "http".into() },
            UrlDataType { kind: "video".into(), found: "image/png".into() },
            UrlMalformed,
            UrlOrigin { origin: "https://x.example".into() },
            AnchorsNeedLikert,
            NotAPoint { min: 1, max: 5 },
            UnknownCriterion { id: "c".into() },
            ConditionLooksAhead { id: "c".into() },
            ConditionPerOutput { id: "c".into() },
            ConditionNull,
            ChainUnexpected,
            ChainMissing,
            ChainMismatch { expected: "ab12".into(), from_first: true },
            ChainMismatch { expected: "ab12".into(), from_first: false },
            Replaces { item_id: "i".into(), annotator: "a".into(), other: here.clone() },
            Replaces { item_id: "i".into(), annotator: "a".into(), other: there.clone() },
            ReplacedBy { item_id: "i".into(), annotator: "a".into(), other: here },
            ReplacedBy { item_id: "i".into(), annotator: "a".into(), other: there },
        ];
        all.extend(expected.iter().flat_map(|&e| kinds.iter().map(move |&found| WrongType { expected: e, found })));
        all
    }
}
