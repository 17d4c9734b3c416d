//! A small reader for the subset of Fluent (projectfluent.org, syntax 1.0) Verdict's message
//! catalogs use, and the CLDR cardinal plural rules of the interface languages.
//!
//! Supported syntax (checked against the Fluent spec's own examples in the tests below):
//! comments (`#`, `##`, `###`), messages `id = pattern`, terms `-id = pattern` and term
//! references `{ -id }`, variables `{ $name }`, string literals `{ "{" }`, multiline patterns
//! (continuation lines indented, common indent removed), and select expressions on a variable
//! with plural-category keys (`[one]`), exact numeric keys (`[0]`) or string keys, one default
//! variant marked `*`. Not supported (and reported as problems, never silently misread):
//! attributes (`.attr =`), message references, functions (`NUMBER()`), nested selects.
//! A numeric variable is formatted by the caller's [`Formatter`] (the browser uses `Intl`),
//! as Fluent's implicit `NUMBER()` does; a text variable is inserted as is, wrapped in Unicode
//! isolation marks (FSI … PDI) when the formatter asks for it (right-to-left locales).

use std::collections::BTreeMap;

/// A value passed to a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, inserted as is.
    Str(String),
    /// A number: formatted by the locale, selects plural variants.
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
macro_rules! arg_from_number {
    ($($t:ty),*) => { $(impl From<$t> for Arg { fn from(n: $t) -> Self { Arg::Num(n as f64) } })* };
}
arg_from_number!(usize, u32, u64, i32, i64, f64);

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq)]
enum Element {
    Text(String),
    Var(String),
    Term(String),
    Select { var: String, variants: Vec<(String, Vec<Element>)>, default: usize },
}

/// A problem in a catalog: 1-based line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// 1-based line of the entry.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

/// How a locale writes numbers and picks plural forms.
pub trait Formatter {
    /// The number as the locale writes it (`1,234.5`, `١٬٢٣٤٫٥`).
    fn number(&self, n: f64) -> String;
    /// The CLDR cardinal plural category of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    fn plural(&self, n: f64) -> &'static str;
    /// Wrap text arguments in isolation marks (for right-to-left interfaces).
    fn isolate(&self) -> bool {
        false
    }
}

/// A formatter without a browser: plain decimal numbers and the CLDR rules of `locale`.
#[derive(Clone, Debug)]
pub struct PlainFormatter {
    /// BCP 47 tag, e.g. `ar`, `pt-BR`.
    pub locale: String,
}

impl Formatter for PlainFormatter {
    fn number(&self, n: f64) -> String {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        }
    }
    fn plural(&self, n: f64) -> &'static str {
        plural_category(&self.locale, n)
    }
    fn isolate(&self) -> bool {
        is_rtl(&self.locale)
    }
}

/// True for right-to-left interface languages (Arabic, Hebrew, Persian, Urdu).
pub fn is_rtl(locale: &str) -> bool {
    matches!(primary(locale), "ar" | "he" | "fa" | "ur")
}

fn primary(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// CLDR cardinal plural category of `n` for the interface languages (CLDR 44 rules for whole
/// numbers; a number with a fraction is `other` in every one of them, as shown with decimals).
/// Languages without plural forms (zh, ja, id, th, vi) give `other`.
pub fn plural_category(locale: &str, n: f64) -> &'static str {
    // Integer arithmetic only (no float remainder: it would pull libm into the wasm bundle).
    if n.fract() != 0.0 || !n.is_finite() {
        return "other";
    }
    let i = n.abs().min(u64::MAX as f64) as u64;
    match primary(locale) {
        "ar" => match (i, i % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        // es, pt: 1 is one (pt counts 0 too); large round millions are many (CLDR 42+).
        "es" | "pt" | "fr" | "it" => {
            let one = if primary(locale) == "pt" { i <= 1 } else { i == 1 };
            if one {
                "one"
            } else if i != 0 && i.is_multiple_of(1_000_000) {
                "many"
            } else {
                "other"
            }
        }
        // fil: one for integers not ending in 4, 6 or 9.
        "fil" | "tl" => match i % 10 {
            4 | 6 | 9 => "other",
            _ => "one",
        },
        "zh" | "ja" | "id" | "th" | "vi" | "ko" | "ms" => "other",
        _ if i == 1 => "one",
        _ => "other",
    }
}

/// A parsed catalog: messages and terms by id.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    messages: BTreeMap<String, Vec<Element>>,
    terms: BTreeMap<String, Vec<Element>>,
}

impl Catalog {
    /// Parses a `.ftl` text; entries with problems are left out and reported.
    pub fn parse(source: &str) -> (Catalog, Vec<SyntaxProblem>) {
        let mut catalog = Catalog::default();
        let mut problems = Vec::new();
        let lines: Vec<&str> = source.strip_prefix('\u{feff}').unwrap_or(source).lines().collect();
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index];
            let start = index;
            index += 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with([' ', '\t']) {
                problems.push(SyntaxProblem { line: start as u32 + 1, message: "indented line outside a message".into() });
                continue;
            }
            // The entry runs on while lines are indented or blank (blank lines inside patterns).
            let mut end = index;
            // A select's `[key]`, `*[key]` and closing `}` may start at column 0 (Fluent's `blank`).
            let continues = |l: &str| l.starts_with(' ') || l.trim().is_empty() || l.starts_with(['[', '*', '}']);
            while end < lines.len() && continues(lines[end]) {
                end += 1;
            }
            while end > index && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            index = end;
            let Some((id, first)) = line.split_once('=') else {
                problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("expected `id = value`, found `{line}`") });
                continue;
            };
            let id = id.trim();
            let (is_term, name) = match id.strip_prefix('-') {
                Some(name) => (true, name),
                None => (false, id),
            };
            if !is_identifier(name) {
                problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("`{id}` is not a message id") });
                continue;
            }
            if lines[start + 1..end].iter().any(|l| l.trim_start().starts_with('.')) {
                problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("{id}: attributes (`.name =`) are not supported") });
                continue;
            }
            let body = join_pattern(first, &lines[start + 1..end]);
            match parse_pattern(&body) {
                Ok(elements) if elements.is_empty() => {
                    problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("`{id}` has no value") })
                }
                Ok(elements) => {
                    let map = if is_term { &mut catalog.terms } else { &mut catalog.messages };
                    if map.insert(name.to_owned(), elements).is_some() {
                        problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("`{id}` is defined twice") });
                    }
                }
                Err(message) => problems.push(SyntaxProblem { line: start as u32 + 1, message: format!("{id}: {message}") }),
            }
        }
        (catalog, problems)
    }

    /// True when the catalog has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// Message ids in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// Variables message `id` uses (for checking translations against the source language).
    pub fn variables(&self, id: &str) -> Vec<String> {
        let mut found = Vec::new();
        if let Some(elements) = self.messages.get(id) {
            collect_variables(elements, &mut found);
        }
        found.sort();
        found.dedup();
        found
    }

    /// Formats message `id` with `args`; `None` when the catalog lacks it.
    pub fn format(&self, id: &str, args: &[(&str, Arg)], formatter: &dyn Formatter) -> Option<String> {
        let elements = self.messages.get(id)?;
        let mut out = String::new();
        self.write(elements, args, formatter, &mut out, 0);
        Some(out)
    }

    fn write(&self, elements: &[Element], args: &[(&str, Arg)], formatter: &dyn Formatter, out: &mut String, depth: u8) {
        for element in elements {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Var(name) => match args.iter().find(|(n, _)| n == name).map(|(_, a)| a) {
                    Some(Arg::Num(n)) => out.push_str(&formatter.number(*n)),
                    Some(Arg::Str(s)) if formatter.isolate() && elements.len() > 1 => {
                        out.push('\u{2068}');
                        out.push_str(s);
                        out.push('\u{2069}');
                    }
                    Some(Arg::Str(s)) => out.push_str(s),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Element::Term(name) => match self.terms.get(name) {
                    Some(term) if depth < 4 => self.write(term, args, formatter, out, depth + 1),
                    _ => out.push_str(name),
                },
                Element::Select { var, variants, default } => {
                    let arg = args.iter().find(|(n, _)| n == var).map(|(_, a)| a);
                    let chosen = arg
                        .and_then(|arg| {
                            let exact = |key: &str| match arg {
                                // Exact keys are whole numbers (`[0]`); integer parsing keeps float parsing out of the bundle.
                                Arg::Num(n) => key.parse::<i64>().is_ok_and(|k| n.fract() == 0.0 && k as f64 == *n),
                                Arg::Str(s) => key == s,
                            };
                            variants.iter().position(|(key, _)| exact(key)).or_else(|| match arg {
                                Arg::Num(n) => variants.iter().position(|(key, _)| key == formatter.plural(*n)),
                                Arg::Str(_) => None,
                            })
                        })
                        .unwrap_or(*default);
                    self.write(&variants[chosen].1, args, formatter, out, depth);
                }
            }
        }
    }
}

fn collect_variables(elements: &[Element], found: &mut Vec<String>) {
    for element in elements {
        match element {
            Element::Var(name) => found.push(name.clone()),
            Element::Select { var, variants, .. } => {
                found.push(var.clone());
                for (_, pattern) in variants {
                    collect_variables(pattern, found);
                }
            }
            Element::Text(_) | Element::Term(_) => {}
        }
    }
}

fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The pattern's text: the first line's value, then the continuation lines with their common
/// indent removed (Fluent's dedentation); a pattern starting on the next line drops the break.
fn join_pattern(first: &str, rest: &[&str]) -> String {
    let is_syntax = |l: &str| l.trim_start().starts_with(['[', '*', '}']);
    let indent = rest.iter().filter(|l| !l.trim().is_empty() && !is_syntax(l)).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let mut body = first.trim_start().to_owned();
    for line in rest {
        if !body.is_empty() {
            body.push('\n');
        }
        let strip = indent.min(line.len() - line.trim_start().len());
        body.push_str(line[strip..].trim_end());
    }
    body.trim_end().to_owned()
}

/// Parses pattern text into elements.
fn parse_pattern(text: &str) -> Result<Vec<Element>, String> {
    let mut parser = Parser { chars: text.char_indices().peekable(), text };
    let elements = parser.pattern(false)?;
    Ok(elements)
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    text: &'a str,
}

impl Parser<'_> {
    /// Text and placeables until the end (or, inside a variant, the end of the variant's lines).
    fn pattern(&mut self, in_variant: bool) -> Result<Vec<Element>, String> {
        let mut elements = Vec::new();
        let mut text = String::new();
        while let Some(&(at, c)) = self.chars.peek() {
            if in_variant && c == '\n' {
                // A variant's pattern ends where the next line starts a variant or closes the select.
                let next = self.text[at + 1..].trim_start();
                if next.starts_with('[') || next.starts_with("*[") || next.starts_with('}') {
                    break;
                }
            }
            match c {
                '{' => {
                    self.chars.next();
                    if !text.is_empty() {
                        elements.push(Element::Text(std::mem::take(&mut text)));
                    }
                    elements.push(self.placeable()?);
                }
                '}' => return Err("`}` without `{` (write { \"}\" })".into()),
                _ => {
                    text.push(c);
                    self.chars.next();
                }
            }
        }
        if in_variant {
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
        }
        if !text.is_empty() {
            elements.push(Element::Text(text));
        }
        Ok(elements)
    }

    fn skip_blank(&mut self) {
        while self.chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            self.chars.next();
        }
    }

    fn identifier(&mut self) -> String {
        let mut id = String::new();
        while let Some(&(_, c)) = self.chars.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                id.push(c);
                self.chars.next();
            } else {
                break;
            }
        }
        id
    }

    fn expect(&mut self, wanted: char) -> Result<(), String> {
        self.skip_blank();
        match self.chars.next() {
            Some((_, c)) if c == wanted => Ok(()),
            Some((_, c)) => Err(format!("expected `{wanted}`, found `{c}`")),
            None => Err(format!("expected `{wanted}` before the end")),
        }
    }

    /// After `{`: a variable, term, string literal or select expression, up to its `}`.
    fn placeable(&mut self) -> Result<Element, String> {
        self.skip_blank();
        let element = match self.chars.peek().map(|&(_, c)| c) {
            Some('$') => {
                self.chars.next();
                let name = self.identifier();
                if name.is_empty() {
                    return Err("`$` without a variable name".into());
                }
                self.skip_blank();
                if self.text[self.chars.peek().map_or(self.text.len(), |&(at, _)| at)..].starts_with("->") {
                    self.chars.next();
                    self.chars.next();
                    return self.select(name);
                }
                Element::Var(name)
            }
            Some('-') => {
                self.chars.next();
                let name = self.identifier();
                if name.is_empty() {
                    return Err("`-` without a term name".into());
                }
                Element::Term(name)
            }
            Some('"') => {
                self.chars.next();
                let mut literal = String::new();
                loop {
                    match self.chars.next() {
                        Some((_, '"')) => break,
                        Some((_, '\\')) => match self.chars.next() {
                            Some((_, c @ ('"' | '\\'))) => literal.push(c),
                            Some((_, 'u')) => {
                                let hex: String = (0..4).filter_map(|_| self.chars.next().map(|(_, c)| c)).collect();
                                let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or("bad \\u escape")?;
                                literal.push(code);
                            }
                            _ => return Err("unknown escape in a string literal".into()),
                        },
                        Some((_, '\n')) | None => return Err("unterminated string literal".into()),
                        Some((_, c)) => literal.push(c),
                    }
                }
                Element::Text(literal)
            }
            Some(c) if c.is_ascii_alphabetic() => {
                return Err(format!("message references and functions are not supported (`{}`)", self.identifier()))
            }
            _ => return Err("expected `$variable`, `-term` or a \"string\" inside `{ }`".into()),
        };
        self.expect('}')?;
        Ok(element)
    }

    /// After `{ $var ->`: variants up to the closing `}`.
    fn select(&mut self, var: String) -> Result<Element, String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.chars.next() {
                Some((_, '}')) => break,
                Some((_, '*')) => {
                    if default.replace(variants.len()).is_some() {
                        return Err(format!("select on ${var} has two default variants"));
                    }
                    self.expect('[')?;
                }
                Some((_, '[')) => {}
                Some((_, c)) => return Err(format!("expected a variant `[key]` in the select on ${var}, found `{c}`")),
                None => return Err(format!("select on ${var} is not closed with `}}`")),
            }
            self.skip_blank();
            let mut key = String::new();
            while let Some(&(_, c)) = self.chars.peek() {
                if c == ']' || c.is_whitespace() {
                    break;
                }
                key.push(c);
                self.chars.next();
            }
            self.expect(']')?;
            while self.chars.peek().is_some_and(|&(_, c)| c == ' ' || c == '\t') {
                self.chars.next();
            }
            let pattern = self.pattern(true)?;
            if key.is_empty() {
                return Err(format!("empty variant key in the select on ${var}"));
            }
            variants.push((key, pattern));
        }
        let Some(default) = default else { return Err(format!("select on ${var} has no default variant `*[...]`")) };
        if variants.is_empty() {
            return Err(format!("select on ${var} has no variants"));
        }
        Ok(Element::Select { var, variants, default })
    }
}

#[cfg(test)]
mod tests;
