//! Tests of `fluent`.

use super::*;

fn plain(locale: &str) -> PlainFormatter {
    PlainFormatter { locale: locale.into() }
}

fn one(source: &str, id: &str, args: &[(&str, Arg)], locale: &str) -> String {
    let (catalog, problems) = Catalog::parse(source);
    assert!(problems.is_empty(), "{problems:?}");
    catalog.format(id, args, &plain(locale)).unwrap()
}

#[test]
fn simple_messages_variables_and_comments() {
    let source = "# comment\n## group\n### file\nhello = Hello, { $name }!\nbye=Bye\n";
    assert_eq!(one(source, "hello", &[("name", "Ann".into())], "en"), "Hello, Ann!");
    assert_eq!(one(source, "bye", &[], "en"), "Bye");
}

// Examples adapted from the Fluent syntax guide (projectfluent.org/fluent/guide): multiline
// text, special characters as string literals, selectors with plural categories and exact keys.
#[test]
fn fluent_guide_examples() {
    let source = "single = Text can be written in a single line.\n\
multi = Text can also span multiple lines\n    as long as each new line is indented\n    by at least one space.\n\
block =\n    Sometimes it's more readable to format\n    multiline text as a \"block\".\n\
opening-brace = This message features an opening curly brace: {\"{\"}.\n\
literal-quote = Text in {\"\\\"\"}double quotes{\"\\\"\"}.\n\
privacy-label = Privacy{\"\\u00A0\"}Policy\n\
emails =\n    { $unreadEmails ->\n        [one] You have one unread email.\n       *[other] You have { $unreadEmails } unread emails.\n    }\n\
exact =\n    { $count ->\n        [0] Nothing yet\n        [one] One item\n       *[other] { $count } items\n    }\n";
    assert_eq!(one(source, "single", &[], "en"), "Text can be written in a single line.");
    assert_eq!(
        one(source, "multi", &[], "en"),
        "Text can also span multiple lines\nas long as each new line is indented\nby at least one space."
    );
    assert_eq!(one(source, "block", &[], "en"), "Sometimes it's more readable to format\nmultiline text as a \"block\".");
    assert_eq!(one(source, "opening-brace", &[], "en"), "This message features an opening curly brace: {.");
    assert_eq!(one(source, "literal-quote", &[], "en"), "Text in \"double quotes\".");
    assert_eq!(one(source, "privacy-label", &[], "en"), "Privacy\u{a0}Policy");
    assert_eq!(one(source, "emails", &[("unreadEmails", 1usize.into())], "en"), "You have one unread email.");
    assert_eq!(one(source, "emails", &[("unreadEmails", 5usize.into())], "en"), "You have 5 unread emails.");
    assert_eq!(one(source, "exact", &[("count", 0usize.into())], "en"), "Nothing yet");
    assert_eq!(one(source, "exact", &[("count", 1usize.into())], "en"), "One item");
    assert_eq!(one(source, "exact", &[("count", 7usize.into())], "en"), "7 items");
    // No argument: the default variant.
    assert_eq!(one(source, "exact", &[], "en"), "{count} items");
}

#[test]
fn terms_and_isolation() {
    let source = "-brand = Verdict\nabout = About { -brand }\nopen = فتح { $file }\n";
    assert_eq!(one(source, "about", &[], "en"), "About Verdict");
    assert_eq!(one(source, "open", &[("file", "tasks.jsonl".into())], "ar"), "فتح \u{2068}tasks.jsonl\u{2069}");
    assert_eq!(one(source, "open", &[("file", "tasks.jsonl".into())], "en"), "فتح tasks.jsonl");
}

#[test]
fn arabic_plural_categories_select_variants() {
    let source = "items = { $n ->\n    [zero] لا عناصر\n    [one] عنصر واحد\n    [two] عنصران\n    [few] { $n } عناصر\n    [many] { $n } عنصرًا\n   *[other] { $n } عنصر\n}\n";
    let got: Vec<String> = [0, 1, 2, 3, 11, 100, 103].iter().map(|&n| one(source, "items", &[("n", Arg::Num(n as f64))], "ar")).collect();
    assert_eq!(got, ["لا عناصر", "عنصر واحد", "عنصران", "3 عناصر", "11 عنصرًا", "100 عنصر", "103 عناصر"]);
}

// CLDR 44 cardinal rules (unicode.org/cldr/charts/44/supplemental/language_plural_rules.html).
#[test]
fn cldr_plural_rules() {
    assert_eq!(plural_category("en", 1.0), "one");
    assert_eq!(plural_category("en", 1.5), "other");
    assert_eq!(plural_category("pt-BR", 0.0), "one");
    assert_eq!(plural_category("es", 0.0), "other");
    assert_eq!(plural_category("es", 1_000_000.0), "many");
    assert_eq!(plural_category("fil", 4.0), "other");
    assert_eq!(plural_category("fil", 13.0), "one");
    assert_eq!(plural_category("fil", 26.0), "other");
    assert_eq!(plural_category("ja", 1.0), "other");
    assert_eq!(plural_category("ar", 102.0), "other");
    assert_eq!(plural_category("ar", 1.5), "other");
}

#[test]
fn problems_are_reported_not_misread() {
    let source = "ok = fine\nbad = { NUMBER($n) }\nattr = x\n    .title = y\n  indented\nnodefault = { $n ->\n    [one] a\n    [other] b\n}\nunclosed = { $x\ndup = a\ndup = b\n= no id\n";
    let (catalog, problems) = Catalog::parse(source);
    assert!(catalog.has("ok"));
    assert!(!catalog.has("bad"));
    assert!(!catalog.has("nodefault"));
    assert!(!catalog.has("unclosed"));
    let lines: Vec<u32> = problems.iter().map(|p| p.line).collect();
    assert!(!catalog.has("attr"));
    assert!(
        lines.contains(&2) && lines.contains(&3) && lines.contains(&6) && lines.contains(&10) && lines.contains(&12) && lines.contains(&13),
        "{problems:?}"
    );
    assert_eq!(catalog.variables("ok"), Vec::<String>::new());
}

#[test]
fn variables_are_listed() {
    let (catalog, _) = Catalog::parse("m = { $a } { $n ->\n  [one] x { $b }\n *[other] y\n}\n");
    let (mixed, problems) = Catalog::parse("m = Text\n    { $n ->\n   *[other] x\n}\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(mixed.format("m", &[], &PlainFormatter { locale: "en".into() }).unwrap(), "Text\nx");
    assert_eq!(catalog.variables("m"), ["a", "b", "n"]);
}
