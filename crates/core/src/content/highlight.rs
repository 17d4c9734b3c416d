//! A small code highlighter: keywords, strings, comments and numbers of common languages.
//!
//! Spans cover the text exactly (their concatenation is the input), so indentation and line
//! breaks are kept as they are. Unknown languages give one plain span. A hand-written scanner
//! rather than a crate: it costs a few KB of the rating bundle (docs/BENCHMARKS.md, "Rich content").

/// What a span of code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// Anything else: names, operators, whitespace.
    Plain,
    /// A reserved word of the language.
    Keyword,
    /// A string or character literal.
    String,
    /// A comment.
    Comment,
    /// A number literal.
    Number,
}

/// The lexical rules of one language family.
struct Syntax {
    keywords: &'static [&'static str],
    line_comments: &'static [&'static str],
    block_comment: Option<(&'static str, &'static str)>,
    /// Quote characters that open strings.
    quotes: &'static str,
}

const PYTHON: Syntax = Syntax {
    keywords: &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ],
    line_comments: &["#"],
    block_comment: None,
    quotes: "\"'",
};

const RUST: Syntax = Syntax {
    keywords: &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
        "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
        "true", "type", "unsafe", "use", "where", "while",
    ],
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: "\"",
};

const C_LIKE: Syntax = Syntax {
    keywords: &[
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "final",
        "for",
        "func",
        "function",
        "go",
        "if",
        "import",
        "interface",
        "let",
        "new",
        "null",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "static",
        "struct",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "int",
        "char",
        "float",
        "double",
        "long",
        "unsigned",
        "bool",
        "boolean",
        "string",
        "async",
        "await",
        "undefined",
        "nil",
        "defer",
        "range",
        "type",
    ],
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: "\"'`",
};

const SHELL: Syntax = Syntax {
    keywords: &[
        "if", "then", "else", "elif", "fi", "for", "while", "do", "done", "case", "esac", "in", "function", "return", "export", "local",
    ],
    line_comments: &["#"],
    block_comment: None,
    quotes: "\"'",
};

const SQL: Syntax = Syntax {
    keywords: &[
        "select", "from", "where", "and", "or", "not", "insert", "into", "values", "update", "set", "delete", "create", "table", "join",
        "left", "right", "inner", "outer", "on", "group", "by", "order", "having", "limit", "as", "null", "is", "in", "distinct", "union",
        "with",
    ],
    line_comments: &["--"],
    block_comment: Some(("/*", "*/")),
    quotes: "'\"",
};

fn syntax_of(language: &str) -> Option<&'static Syntax> {
    Some(match language.to_ascii_lowercase().as_str() {
        "python" | "py" | "python3" => &PYTHON,
        "rust" | "rs" => &RUST,
        "javascript" | "js" | "typescript" | "ts" | "c" | "cpp" | "c++" | "java" | "go" | "csharp" | "cs" | "kotlin" | "swift" => &C_LIKE,
        "bash" | "sh" | "shell" | "zsh" => &SHELL,
        "sql" => &SQL,
        _ => return None,
    })
}

/// Splits `code` into highlighted spans; their concatenation is `code`.
pub fn highlight<'a>(code: &'a str, language: Option<&str>) -> Vec<(Token, &'a str)> {
    let Some(syntax) = language.and_then(syntax_of) else {
        return vec![(Token::Plain, code)];
    };
    let case_blind = std::ptr::eq(syntax, &SQL);
    // (token, start, end) in bytes; neighbouring plain text is one span (fewer DOM nodes).
    let mut spans: Vec<(Token, usize, usize)> = Vec::new();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let c = rest.chars().next().expect("at < len");
        let (token, len) = if syntax.line_comments.iter().any(|p| rest.starts_with(p)) {
            (Token::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some((open, close)) = syntax.block_comment.filter(|(open, _)| rest.starts_with(open)) {
            (Token::Comment, rest[open.len()..].find(close).map_or(rest.len(), |end| open.len() + end + close.len()))
        } else if syntax.quotes.contains(c) {
            (Token::String, string_length(rest, c, std::ptr::eq(syntax, &PYTHON)))
        } else if c.is_ascii_digit() {
            (Token::Number, rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_')).unwrap_or(rest.len()))
        } else if c.is_alphabetic() || c == '_' {
            let len = rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_')).unwrap_or(rest.len());
            let word = &rest[..len];
            let keyword =
                if case_blind { syntax.keywords.iter().any(|k| k.eq_ignore_ascii_case(word)) } else { syntax.keywords.contains(&word) };
            (if keyword { Token::Keyword } else { Token::Plain }, len)
        } else {
            (Token::Plain, c.len_utf8())
        };
        match spans.last_mut() {
            Some((Token::Plain, _, end)) if token == Token::Plain => *end = at + len,
            _ => spans.push((token, at, at + len)),
        }
        at += len;
    }
    spans.into_iter().map(|(token, start, end)| (token, &code[start..end])).collect()
}

/// Length of the string literal at the start of `text` opened by `quote` (to the closing quote
/// or the end of the line; Python's triple quotes span lines). Backslash escapes the next char.
fn string_length(text: &str, quote: char, triple_quotes: bool) -> usize {
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    if triple_quotes && text.starts_with(&triple) {
        return text[3..].find(&triple).map_or(text.len(), |end| 3 + end + 3);
    }
    let mut chars = text.char_indices().skip(1);
    while let Some((index, ch)) = chars.next() {
        match ch {
            '\\' => {
                chars.next();
            }
            '\n' if quote != '`' => return index,
            ch if ch == quote => return index + ch.len_utf8(),
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::*;

    #[test]
    fn python_keeps_indentation_and_marks_each_kind() {
        let code = "def f(x):\n    # twice\n    return x * 2 + len('a\\'b')\n";
        let spans = highlight(code, Some("python"));
        assert_eq!(spans.iter().map(|(_, text)| *text).collect::<std::string::String>(), code);
        let marked: Vec<(Token, &str)> = spans.into_iter().filter(|(token, _)| *token != Plain).collect();
        assert_eq!(marked, [(Keyword, "def"), (Comment, "# twice"), (Keyword, "return"), (Number, "2"), (String, "'a\\'b'")]);
    }

    #[test]
    fn block_comments_triple_quotes_and_case_blind_sql() {
        let marked = |code: &str, language: &str| -> Vec<(Token, std::string::String)> {
            highlight(code, Some(language)).into_iter().filter(|(t, _)| *t != Plain).map(|(t, s)| (t, s.to_owned())).collect()
        };
        assert_eq!(
            marked("let a = /* x\ny */ \"s\";", "rust"),
            [(Keyword, "let".into()), (Comment, "/* x\ny */".into()), (String, "\"s\"".into())]
        );
        assert_eq!(marked("x = \"\"\"a\n'b'\"\"\"", "py"), [(String, "\"\"\"a\n'b'\"\"\"".into())]);
        assert_eq!(
            marked("SELECT a FROM t -- all", "sql"),
            [(Keyword, "SELECT".into()), (Keyword, "FROM".into()), (Comment, "-- all".into())]
        );
        // An unterminated string or comment runs to the end of its line or text: never a panic.
        assert_eq!(marked("'abc\nx", "js"), [(String, "'abc".into())]);
        assert_eq!(marked("/* never closed", "c"), [(Comment, "/* never closed".into())]);
    }

    #[test]
    fn unknown_languages_are_one_plain_span() {
        assert_eq!(highlight("  a b", Some("cobol")), [(Plain, "  a b")]);
        assert_eq!(highlight("é = 1 # ü", None), [(Plain, "é = 1 # ü")]);
        let spans = highlight("é_ü = 'ß' # ü", Some("python"));
        assert_eq!(spans.iter().map(|(_, t)| *t).collect::<std::string::String>(), "é_ü = 'ß' # ü");
    }
}
