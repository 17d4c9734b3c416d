//! `verdict report --lang`: every interface language writes the report in its own words, with
//! `<html lang dir>` set and no message missing; a language without a report is refused.

use std::process::{Command, Output};

const LANGUAGES: [&str; 10] = ["en", "ar", "zh-CN", "ja", "id", "th", "vi", "es", "pt-BR", "fil"];

fn verdict(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verdict")).args(args).output().expect("the verdict binary runs")
}

fn judgments() -> std::path::PathBuf {
    let line = |annotator: &str, item: &str, winner: &str| {
        format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","group":"site-1","shown":["a","b"],"preference":{{"winner":"{winner}"}},"submitted_at":"2026-11-25T10:00:00Z"}}"#
        )
    };
    let text = [line("ann-1", "q1", "a"), line("ann-2", "q1", "b"), line("ann-1", "q2", "a"), line("ann-2", "q2", "a")].join("\n");
    let path = std::env::temp_dir().join(format!("verdict-report-lang-{}.jsonl", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}

#[test]
fn every_language_writes_its_own_report() {
    let input = judgments();
    let input = input.to_string_lossy();
    let mut headings = Vec::new();
    for lang in LANGUAGES {
        let out = std::env::temp_dir().join(format!("verdict-report-lang-{}-{lang}.html", std::process::id()));
        let output = verdict(&["report", &input, "--bootstrap", "0", "--lang", lang, "--out", &out.to_string_lossy()]);
        assert!(output.status.success(), "{lang}: {}", String::from_utf8_lossy(&output.stderr));
        let html = std::fs::read_to_string(&out).expect("the page is written");
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{lang}: {}", &html[..100]);
        assert!(!html.contains("data-i18n-missing"), "{lang}: a message fell back to English");
        let heading = html.split("<h1>").nth(1).and_then(|rest| rest.split("</h1>").next()).expect("an h1").to_owned();
        headings.push(heading);
    }
    headings.sort();
    headings.dedup();
    assert_eq!(headings.len(), LANGUAGES.len(), "each language has its own heading: {headings:?}");
}

#[test]
fn a_regional_tag_finds_its_language_and_an_unknown_one_is_refused() {
    let input = judgments();
    let input = input.to_string_lossy();
    let out = std::env::temp_dir().join(format!("verdict-report-lang-{}-pt.html", std::process::id()));
    let output = verdict(&["report", &input, "--bootstrap", "0", "--lang", "pt-PT", "--out", &out.to_string_lossy()]);
    assert!(output.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().contains("<html lang=\"pt-BR\" dir=\"ltr\">"));
    let refused = verdict(&["report", &input, "--lang", "de", "--out", &out.to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("no report in \"de\"") && stderr.contains("pt-BR, fil"), "{stderr}");
}
