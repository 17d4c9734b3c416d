//! The HTML report's own words in the reader's language: English (written in `html.rs`) or
//! Arabic (`report-ar.ftl`, read with [`crate::fluent`]). Other languages get English with a
//! note saying so. Table column names stay the CSV's machine names in every language.

use crate::fluent::{is_rtl, Arg, Catalog, PlainFormatter};

/// The Arabic report catalog (Fluent), compiled in: the CLI has no other way to find it.
const ARABIC: &str = include_str!("report-ar.ftl");

/// Languages the report is written in.
pub const REPORT_LANGUAGES: &[&str] = &["en", "ar"];

/// The words for one language.
pub(crate) struct Words {
    /// BCP 47 tag written into `<html lang>`.
    pub lang: &'static str,
    /// Right to left (`<html dir="rtl">`).
    pub rtl: bool,
    /// The language asked for had no report translation (English is shown, with a note).
    pub fell_back: bool,
    catalog: Option<Catalog>,
    formatter: PlainFormatter,
}

impl Words {
    /// The words for `lang` (a BCP 47 tag); English when there is no report translation.
    pub fn new(lang: &str) -> Words {
        let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let (lang, catalog) = match primary.as_str() {
            "ar" => ("ar", Some(Catalog::parse(ARABIC).0)),
            _ => ("en", None),
        };
        Words {
            lang,
            rtl: is_rtl(lang),
            fell_back: !(primary.is_empty() || primary == "en" || catalog.is_some()),
            catalog,
            formatter: PlainFormatter { locale: lang.into() },
        }
    }

    /// Message `id` with `args`, or `english` (already formatted) when the language has none.
    pub fn say(&self, id: &str, args: &[(&str, Arg)], english: impl FnOnce() -> String) -> String {
        self.catalog.as_ref().and_then(|c| c.format(id, args, &self.formatter)).unwrap_or_else(english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_has_every_report_word_and_others_fall_back() {
        let (catalog, problems) = Catalog::parse(ARABIC);
        assert!(problems.is_empty(), "{problems:?}");
        for id in super::super::html::WORD_IDS {
            assert!(catalog.has(id), "report-ar.ftl lacks {id}");
        }
        assert!(Words::new("ar").rtl && !Words::new("ar").fell_back);
        assert!(Words::new("ja").fell_back && Words::new("ja").lang == "en");
        assert!(!Words::new("en-GB").fell_back && !Words::new("").fell_back);
    }

    #[test]
    fn the_report_is_written_in_arabic_right_to_left_and_english_elsewhere() {
        use crate::report::{build_report, render_html, render_html_in, Kpi, ReportOptions};
        let line = |annotator: &str, winner: &str| {
            format!(
                r#"{{"schema":"verdict/judgment@1","item_id":"q1","annotator":"{annotator}","shown":["a","b"],"preference":{{"winner":"{winner}"}},"submitted_at":"2026-11-25T10:00:00Z"}}"#
            )
        };
        let text = [line("ann-1", "a"), line("ann-2", "b")].join("\n");
        let report = build_report(&[("j.jsonl", &text)], None, None, &ReportOptions { bootstrap: 0, seed: 0, kpi: Kpi::default() });
        let arabic = render_html_in(&report, "ar");
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(arabic.contains("<h1>تقرير الجودة</h1>") && arabic.contains("قائمة الخلافات"));
        assert!(!arabic.contains("Quality report"));
        let english = render_html(&report);
        assert!(english.contains("<html lang=\"en\" dir=\"ltr\">") && english.contains("<h1>Quality report</h1>"));
        assert_eq!(render_html_in(&report, "en-US"), english);
        let japanese = render_html_in(&report, "ja");
        assert!(japanese.contains("<h1>Quality report</h1>") && japanese.contains("is shown in English"));
    }
}
