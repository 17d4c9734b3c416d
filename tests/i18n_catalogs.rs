//! The interface catalogs (`www/i18n/*.ftl`) are complete and consistent: every locale parses
//! without problems, has exactly English's message ids and uses the same variables in each
//! message; every message id the code asks for exists in English and every English message is used.

use std::collections::BTreeSet;
use std::path::Path;

use verdict_core::fluent::Catalog;
use verdict_web::i18n::LOCALES;

fn catalog(locale: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/i18n").join(format!("{locale}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (catalog, problems) = Catalog::parse(&text);
    assert!(problems.is_empty(), "{}: {problems:?}", path.display());
    catalog
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let english = catalog("en");
    let english_ids: BTreeSet<&str> = english.ids().collect();
    assert!(english_ids.len() > 100, "the English catalog looks truncated");
    for (locale, _) in LOCALES {
        let translated = catalog(locale);
        let ids: BTreeSet<&str> = translated.ids().collect();
        let missing: Vec<_> = english_ids.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&english_ids).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{locale}: missing {missing:?}, not in English {extra:?}");
        for id in &english_ids {
            assert_eq!(translated.variables(id), english.variables(id), "{locale}: {id} uses other variables than English");
        }
    }
}

/// Every `t!("id")`, `t("id")` and message-id constant in `src/`.
fn ids_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices('"') {
                    let rest = &text[at + 1..];
                    let Some(end) = rest.find('"') else { continue };
                    let literal = &rest[..end];
                    let looks_like_id = literal.contains('-')
                        && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        && literal.starts_with(|c: char| c.is_ascii_lowercase());
                    let before = text[..at].trim_end();
                    // Ids also sit in tables (`label: "q-…"`, `Loading("campaign-…")`) read through `i18n::t`.
                    let asked = before.ends_with("t!(")
                        || before.ends_with("t(")
                        || before.ends_with("=>")
                        || before.ends_with(',')
                        || before.ends_with("label:")
                        || before.ends_with("Loading(");
                    if looks_like_id && asked {
                        ids.insert(literal.to_owned());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn the_code_asks_only_for_english_messages_and_uses_them_all() {
    let english = catalog("en");
    let asked = ids_in_code();
    // Ids built at run time: demos by id, keymap lines by index, problem codes.
    let dynamic: BTreeSet<String> = verdict_web::state::loader::DEMOS
        .iter()
        .flat_map(|d| [format!("demo-{}-title", d.id), format!("demo-{}-about", d.id)])
        .chain((0..verdict_core::session::KEYMAP.len()).map(|i| format!("key-action-{i}")))
        .collect();
    for id in asked.iter().chain(&dynamic) {
        // Literals like "application-x" that are not messages never start with a catalog prefix.
        if english.has(id) || !id.contains('-') {
            continue;
        }
        let known_prefix = [
            "q-",
            "rating-",
            "setup-",
            "app-",
            "problem-",
            "prefs-",
            "item-",
            "key-",
            "demo-",
            "missing-",
            "uploads-",
            "campaign-",
            "list-",
            "label-",
        ];
        assert!(!known_prefix.iter().any(|p| id.starts_with(p)), "the code asks for {id}, which en.ftl lacks");
    }
    for id in &dynamic {
        assert!(english.has(id), "en.ftl lacks {id}");
    }
    let unused: Vec<&str> = english.ids().filter(|id| !asked.contains(*id) && !dynamic.contains(*id)).collect();
    assert!(unused.is_empty(), "en.ftl has messages no code uses: {unused:?}");
}

/// Sources of the interface (the views and the root), with their text.
fn interface_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![root.join("src/app.rs")];
    let mut stack = vec![root.join("src/components"), root.join("src/i18n")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found.into_iter().map(|p| (p.strip_prefix(root).unwrap().display().to_string(), std::fs::read_to_string(&p).unwrap())).collect()
}

/// The string literals of one line of Rust (escapes kept; comments are the caller's business).
fn literals(line: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(start) = line[at..].find('"').map(|i| at + i) {
        let mut end = start + 1;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        if end >= bytes.len() {
            break;
        }
        found.push((start, &line[start + 1..end]));
        at = end + 1;
    }
    found
}

/// Why `literal` (found after `before` on its line) looks like words a person reads, if it does:
/// a text node `{ "…" }` or an accessible name (`aria-label="…"`, `title`, `alt`, `placeholder`)
/// with letters in it, or a sentence anywhere (two words or more, capitalised or punctuated).
fn hard_coded_words(before: &str, literal: &str) -> Option<&'static str> {
    let mut plain = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 2).collect();
    let before = before.trim_end();
    let attribute = ["aria-label=", "title=", "alt=", "placeholder="].iter().any(|a| before.ends_with(a));
    // A text node: `{ "…" }` right after a tag or another node (not an `if … { "…" }` branch).
    let text_node = before.strip_suffix('{').is_some_and(|b| b.trim_end().ends_with(['>', '}']));
    if (text_node || attribute) && !words.is_empty() {
        return Some("a text node or accessible name");
    }
    let capitalised =
        words.iter().any(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && w[1..].starts_with(|c: char| c.is_ascii_lowercase()));
    let punctuated = plain.trim_end().ends_with(['.', '…', ':', '?', '!']);
    (words.len() >= 2 && plain.trim().contains(' ') && (capitalised || punctuated)).then_some("a sentence")
}

/// Regression guard for hard-coded English in the interface: every word a rater or lead reads in
/// the views comes from the catalogs. Exceptions are not words of the interface: the product's
/// name, key names shown on keys, messages of the embedding protocol and JS API (for developers),
/// and the languages' own names.
#[test]
fn the_views_show_no_hard_coded_words() {
    const ALLOWED: &[&str] = &[
        "Verdict",
        "Enter",
        "No evaluation is open yet: send a load message first.",
        "Bahasa Indonesia",
        "Tiếng Việt",
        "Português (Brasil)",
    ];
    let mut found = Vec::new();
    for (path, text) in interface_sources() {
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (at, literal) in literals(line) {
                if ALLOWED.contains(&literal) || line[..at].contains("console::") {
                    continue;
                }
                if let Some(why) = hard_coded_words(&line[..at], literal) {
                    found.push(format!("{path}:{}: {why}: \"{literal}\"", number + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "words that belong in www/i18n/*.ftl:\n{}", found.join("\n"));
}

#[test]
fn the_hard_coded_words_check_finds_what_it_should() {
    assert!(hard_coded_words("<p>{", "Loading the campaign…").is_some());
    assert!(hard_coded_words("<text>{", "not rated").is_some());
    assert!(hard_coded_words("<section aria-label=", "Campaign").is_some());
    assert!(hard_coded_words("pub const X: &str =", "Items to look at again").is_some());
    assert!(hard_coded_words("format!(", "Read: {} files, {} lines.").is_some());
    assert!(hard_coded_words("t!(", "q-campaign-file").is_none());
    assert!(hard_coded_words("class=", "opening campaign-gate").is_none());
    assert!(hard_coded_words("<kbd>{", "⌫").is_none());
    assert!(hard_coded_words("</strong>{", "Pace").is_some());
    assert!(hard_coded_words("data-gate={if x {", "failed").is_none(), "a value chosen in code is not a text node");
}

/// Every message of every locale formats with its variables set, for counts that select each
/// plural form of the interface languages (1, 2, 3, 11, 100, 1.5): no variable is left unfilled
/// and no placeable leaks into the text (a select written wrongly reads as text).
#[test]
fn every_message_formats_for_every_plural_form() {
    use verdict_core::fluent::{Arg, PlainFormatter};
    for (locale, _) in LOCALES {
        let translated = catalog(locale);
        let formatter = PlainFormatter { locale: (*locale).to_owned() };
        for id in translated.ids() {
            let names = translated.variables(id);
            for n in [1.0, 2.0, 3.0, 11.0, 100.0, 1.5] {
                let args: Vec<(&str, Arg)> = names.iter().map(|name| (name.as_str(), Arg::Num(n))).collect();
                let text = translated.format(id, &args, &formatter).unwrap();
                assert!(!text.contains(['{', '}', '[']) || id.starts_with("key-"), "{locale}: {id} with {n}: {text}");
                assert!(!text.contains("*["), "{locale}: {id}: {text}");
            }
        }
    }
}
