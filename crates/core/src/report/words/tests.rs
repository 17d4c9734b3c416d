//! The report catalogs are complete and the report is written in each interface language.

use super::*;
use crate::report::{build_report, render_html, render_html_in, Kpi, QualityReport, ReportOptions};

fn parsed(lang: &str) -> Catalog {
    let text = CATALOGS.iter().find(|(code, _)| *code == lang).map(|(_, text)| *text).unwrap();
    let (catalog, problems) = Catalog::parse(text);
    assert!(problems.is_empty(), "report/i18n/{lang}.ftl: {problems:?}");
    catalog
}

/// A small report with every section: two annotators, a gold-free pairwise preference.
fn report() -> QualityReport {
    let line = |annotator: &str, item: &str, winner: &str| {
        format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","shown":["a","b"],"preference":{{"winner":"{winner}"}},"submitted_at":"2026-11-25T10:00:00Z"}}"#
        )
    };
    let text = [line("ann-1", "q1", "a"), line("ann-2", "q1", "b"), line("ann-1", "q2", "a"), line("ann-2", "q2", "a")].join("\n");
    build_report(
        &[("j.jsonl", &text)],
        None,
        None,
        &ReportOptions { bootstrap: 0, seed: 0, kpi: Kpi::default(), ..ReportOptions::default() },
    )
}

#[test]
fn every_catalog_has_every_report_word_with_englishs_variables() {
    let english = parsed("en");
    let sections: Vec<String> = crate::report::csv::all(&report(), crate::report::csv::Precision::Display)
        .iter()
        .map(|t| format!("report-section-{}", t.name))
        .collect();
    for id in super::super::html::WORD_IDS.iter().copied().chain(sections.iter().map(String::as_str)) {
        assert!(english.has(id), "report/i18n/en.ftl lacks {id}");
    }
    assert_eq!(CATALOGS.len(), REPORT_LANGUAGES.len());
    for lang in REPORT_LANGUAGES {
        let catalog = parsed(lang);
        for id in english.ids() {
            assert!(catalog.has(id), "report/i18n/{lang}.ftl lacks {id}");
            assert_eq!(catalog.variables(id), english.variables(id), "report/i18n/{lang}.ftl: {id} uses other variables than English");
        }
        assert_eq!(catalog.ids().count(), english.ids().count(), "report/i18n/{lang}.ftl has messages English lacks");
    }
}

#[test]
fn the_report_is_written_in_each_language_without_falling_back() {
    let report = report();
    let english = render_html(&report);
    for lang in REPORT_LANGUAGES {
        let html = render_html_in(&report, lang);
        let dir = if *lang == "ar" { "rtl" } else { "ltr" };
        assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{lang}: {}", &html[..120]);
        assert!(!html.contains("data-i18n-missing"), "{lang}: a message fell back to English");
        let heading = parsed(lang).format("report-heading", &[], &PlainFormatter { locale: (*lang).into() }).unwrap();
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{lang}");
        assert!(!html.contains('{') || html.contains("<style>"), "{lang}: an unfilled placeable");
        if *lang != "en" {
            assert!(!html.contains("<h1>Quality report</h1>") && !html.contains("Agreement per criterion"), "{lang}: English words");
            assert_ne!(html, english);
        }
    }
    assert!(render_html_in(&report, "ar").contains("<h1>تقرير الجودة</h1>"));
    assert!(render_html_in(&report, "ja").contains("<h1>品質レポート</h1>"));
    assert!(english.contains("2 judgments") || english.contains("4 judgments"), "English plurals");
}

#[test]
fn a_tag_finds_its_report_language_or_english_with_a_note() {
    for (tag, expected) in [
        ("en-US", Some("en")),
        ("AR", Some("ar")),
        ("zh-Hans-CN", Some("zh-CN")),
        ("zh_cn", Some("zh-CN")),
        ("pt", Some("pt-BR")),
        ("pt-PT", Some("pt-BR")),
        ("tl", Some("fil")),
        ("in", Some("id")),
        ("ja-JP", Some("ja")),
        ("de", None),
        ("", None),
    ] {
        assert_eq!(report_language(tag), expected, "{tag}");
    }
    let report = report();
    assert_eq!(render_html_in(&report, "en-GB"), render_html(&report));
    let german = render_html_in(&report, "de");
    assert!(german.contains("<html lang=\"en\" dir=\"ltr\">") && german.contains("not written in “de”; it is shown in English"));
    assert!(!render_html(&report).contains("not written in"));
    assert!(Words::new("ar").rtl && !Words::new("ar").fell_back && Words::new("de").fell_back && !Words::new("").fell_back);
}

#[test]
fn a_section_without_words_shows_its_english_title_and_is_counted() {
    let words = Words::new("ja");
    assert_eq!(words.say_or("report-section-new_thing", "New thing"), "New thing");
    assert_eq!(words.missing(), vec!["report-section-new_thing".to_owned()]);
}

/// The problems section is worded in the report's language (the problem catalogs), while the
/// JSON keeps the English lines.
#[test]
fn problem_lines_are_in_the_reports_language() {
    let text = "{\"schema\":\"verdict/judgment@1\",\"item_id\":\"\",\"annotator\":\"a\",\"flags\":[]}\n";
    let report = build_report(&[("j.jsonl", text)], None, None, &ReportOptions { bootstrap: 0, ..ReportOptions::default() });
    assert_eq!(report.overview.problems, ["j.jsonl:1: item_id: must not be empty"]);
    let spanish = crate::problem::catalog("es").unwrap();
    let empty = spanish.format("problem-empty-detail", &[], &PlainFormatter { locale: "es".into() }).unwrap();
    assert_ne!(empty, "must not be empty");
    let html = render_html_in(&report, "es");
    let escaped = |text: &str| text.replace(':', "&#58;");
    assert!(html.contains(&escaped(&format!("j.jsonl:1: item_id: {empty}"))), "{html}");
    assert!(!html.contains("must not be empty"));
}
