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
                    let asked = before.ends_with("t!(") || before.ends_with("t(") || before.ends_with("=>") || before.ends_with(',');
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
        let known_prefix = ["q-", "rating-", "setup-", "app-", "problem-", "prefs-", "item-", "key-", "demo-", "missing-", "uploads-"];
        assert!(!known_prefix.iter().any(|p| id.starts_with(p)), "the code asks for {id}, which en.ftl lacks");
    }
    for id in &dynamic {
        assert!(english.has(id), "en.ftl lacks {id}");
    }
    let unused: Vec<&str> = english.ids().filter(|id| !asked.contains(*id) && !dynamic.contains(*id)).collect();
    assert!(unused.is_empty(), "en.ftl has messages no code uses: {unused:?}");
}
