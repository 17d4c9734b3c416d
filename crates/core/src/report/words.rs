//! The HTML report's own words in the reader's language: one Fluent catalog per interface
//! language (`report/i18n/<locale>.ftl`, read with [`crate::fluent`]), compiled in because the
//! CLI has no other way to find them. A language without a report catalog gets English and a
//! note saying so. Table column names stay the CSV's machine names in every language.
//!
//! One small catalog per locale rather than the interface catalogs (`www/i18n/`): the report
//! needs 30 messages, 21.5 KB for the ten languages, where the interface catalogs are 262 KB,
//! which the CLI and the quality bundle would otherwise carry (docs/ACCESSIBILITY.md).

use std::cell::{OnceCell, RefCell};

use crate::fluent::{is_rtl, Arg, Catalog, PlainFormatter};

/// The report catalogs: BCP 47 tag and Fluent text, English first (the fallback).
const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("i18n/en.ftl")),
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

/// Languages the report is written in (the interface languages).
pub const REPORT_LANGUAGES: &[&str] = &["en", "ar", "zh-CN", "ja", "id", "th", "vi", "es", "pt-BR", "fil"];

/// The report language that best matches a BCP 47 tag: the tag itself (any case, `_` or `-`),
/// else the first with its primary language (`pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`), with the
/// old codes `tl` (Filipino) and `in` (Indonesian); `None` when there is none.
pub fn report_language(tag: &str) -> Option<&'static str> {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    if let Some(found) = REPORT_LANGUAGES.iter().find(|code| code.to_ascii_lowercase() == tag) {
        return Some(found);
    }
    let primary = match tag.split('-').next().unwrap_or_default() {
        "tl" => "fil",
        "in" => "id",
        other => other,
    };
    REPORT_LANGUAGES.iter().find(|code| code.split('-').next() == Some(primary)).copied()
}

/// The words for one language.
pub(crate) struct Words {
    /// BCP 47 tag written into `<html lang>`.
    pub lang: &'static str,
    /// Right to left (`<html dir="rtl">`).
    pub rtl: bool,
    /// The language asked for had no report catalog (English is shown, with a note).
    pub fell_back: bool,
    catalog: Catalog,
    english: Catalog,
    formatter: PlainFormatter,
    /// Message ids the catalog lacked (shown from English, or as the id).
    missing: RefCell<Vec<String>>,
    /// The problem catalogs (this language's, then English), parsed on the first problem line.
    problem_catalogs: OnceCell<Vec<Catalog>>,
}

fn catalog(lang: &str) -> Catalog {
    CATALOGS.iter().find(|(code, _)| *code == lang).map(|(_, text)| Catalog::parse(text).0).unwrap_or_default()
}

impl Words {
    /// The words for `lang` (a BCP 47 tag); English when there is no report catalog.
    pub fn new(lang: &str) -> Words {
        let found = report_language(lang);
        let asked_for_one = !lang.trim().is_empty();
        let lang = found.unwrap_or("en");
        Words {
            lang,
            rtl: is_rtl(lang),
            fell_back: found.is_none() && asked_for_one,
            catalog: catalog(lang),
            english: catalog("en"),
            formatter: PlainFormatter { locale: lang.into() },
            missing: RefCell::new(Vec::new()),
            problem_catalogs: OnceCell::new(),
        }
    }

    /// Message `id` with `args`; from English (and counted as missing) when the language lacks it.
    pub fn say(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if let Some(text) = self.catalog.format(id, args, &self.formatter) {
            return text;
        }
        self.missing.borrow_mut().push(id.to_owned());
        self.english.format(id, args, &self.formatter).unwrap_or_else(|| id.to_owned())
    }

    /// Message `id`, or `english` when no catalog has it (a section added without its words).
    pub fn say_or(&self, id: &str, english: &str) -> String {
        if self.catalog.has(id) || self.english.has(id) {
            return self.say(id, &[]);
        }
        self.missing.borrow_mut().push(id.to_owned());
        english.to_owned()
    }

    /// A problem line (`file:line: field: what`) in this language (problem catalogs:
    /// `crate::problem::LOCALES`), English where the language has none.
    pub fn problem(&self, problem: &crate::problem::Problem) -> String {
        let parsed = self.problem_catalogs.get_or_init(|| [self.lang, "en"].into_iter().filter_map(crate::problem::catalog).collect());
        let catalogs: Vec<&Catalog> = parsed.iter().collect();
        crate::problem::render(problem, &catalogs, &self.formatter)
    }

    /// The English note for a language without a report catalog.
    pub fn fallback_note(&self, asked: &str) -> String {
        self.english.format("report-fallback", &[("lang", Arg::from(asked))], &self.formatter).unwrap_or_default()
    }

    /// The message ids missing so far.
    pub fn missing(&self) -> Vec<String> {
        self.missing.borrow().clone()
    }
}

#[cfg(test)]
mod tests;
