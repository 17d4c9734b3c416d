//! LaTeX formulas to MathML, in Rust: the common subset raters meet in model outputs.
//!
//! Covered: letters, numbers, operators; `^`, `_`; groups `{…}`; `\frac` (and `\dfrac`,
//! `\tfrac`), `\sqrt[n]{…}`, `\binom`; Greek letters and the usual relations, arrows and
//! operators; big operators (`\sum`, `\prod`, `\int`, `\lim` with limits); function names
//! (`\sin`, `\log`, …); `\text`, `\mathrm`, `\mathbf`, `\mathbb`, `\mathcal`; accents (`\hat`,
//! `\bar`, `\vec`, `\tilde`, `\dot`, `\overline`); `\left`/`\right`; environments `matrix`,
//! `pmatrix`, `bmatrix`, `vmatrix`, `cases`, `aligned`. Anything else shows as an `merror`
//! holding its source, so nothing is lost or guessed.
//!
//! The output is a [`Node`] tree of MathML elements (the app builds DOM nodes from it, never
//! `innerHTML`). A hand-written converter rather than a crate: `latex2mathml` would add about
//! 34 KB and `pulldown-latex` about 81 KB gzipped to the rating bundle (docs/BENCHMARKS.md,
//! "Rich content"). Input is bounded: [`MAX_LATEX_CHARS`] characters, [`MAX_MATH_DEPTH`] nesting.

use crate::markdown::Node;

use super::math_symbols::{Symbol, FUNCTIONS, LIMIT_FUNCTIONS, SYMBOLS};

/// Longest LaTeX source converted; a longer one is shown as its source in an `merror`.
pub const MAX_LATEX_CHARS: usize = 10_000;
/// Deepest group nesting converted; deeper groups are shown as their source.
pub const MAX_MATH_DEPTH: usize = 32;

/// Converts a LaTeX formula to a `<math>` element (`display="block"` when `display`).
pub fn latex_to_mathml(latex: &str, display: bool) -> Node {
    let mut attrs = vec![("alttext", latex.to_owned())];
    if display {
        attrs.push(("display", "block".to_owned()));
    }
    let children = if latex.chars().count() > MAX_LATEX_CHARS {
        vec![error(latex)]
    } else {
        let mut parser = Parser { chars: latex.chars().collect(), at: 0, depth: 0 };
        let mut row = parser.row();
        // Stray closers at top level are shown, not dropped.
        while parser.at < parser.chars.len() {
            let start = parser.at;
            parser.at += 1;
            row.push(error(&parser.source(start)));
            row.extend(parser.row());
        }
        row
    };
    Node::Element { tag: "math", attrs, children: vec![mrow(children)] }
}

fn element(tag: &'static str, attrs: Vec<(&'static str, String)>, children: Vec<Node>) -> Node {
    Node::Element { tag, attrs, children }
}

fn leaf(tag: &'static str, text: &str) -> Node {
    element(tag, Vec::new(), vec![Node::Text(text.to_owned())])
}

fn mrow(mut children: Vec<Node>) -> Node {
    if children.len() == 1 {
        children.pop().expect("one child")
    } else {
        element("mrow", Vec::new(), children)
    }
}

fn error(source: &str) -> Node {
    element("merror", Vec::new(), vec![leaf("mtext", source)])
}

/// Why a row stopped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// End of input, or a `}` (left for the caller).
    Close,
    /// `&` (next cell).
    Cell,
    /// `\\` (next row).
    Line,
    /// `\right` (left for the caller).
    Right,
    /// `\end` (left for the caller).
    Environment,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn source(&self, start: usize) -> String {
        self.chars[start..self.at].iter().collect()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// The command name after a backslash at `self.at` (letters, or one other character).
    fn command_name(&mut self) -> String {
        self.at += 1; // the backslash
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.at += 1;
        }
        if self.at == start && self.peek().is_some() {
            self.at += 1;
        }
        self.source(start)
    }

    /// Whether the input at `self.at` is `\name` (without consuming it).
    fn at_command(&self, name: &str) -> bool {
        self.peek() == Some('\\') && {
            let rest: String = self.chars[self.at + 1..].iter().take(name.len() + 1).collect();
            rest.starts_with(name) && !rest[name.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        }
    }

    fn row(&mut self) -> Vec<Node> {
        self.row_until().0
    }

    /// Parses atoms with their scripts until a closer; returns them and what stopped them.
    fn row_until(&mut self) -> (Vec<Node>, End) {
        let mut nodes = Vec::new();
        loop {
            self.skip_spaces();
            let Some(c) = self.peek() else { return (nodes, End::Close) };
            match c {
                '}' => return (nodes, End::Close),
                '&' => {
                    self.at += 1;
                    return (nodes, End::Cell);
                }
                '\\' if self.chars.get(self.at + 1) == Some(&'\\') => {
                    self.at += 2;
                    return (nodes, End::Line);
                }
                '\\' if self.at_command("right") => return (nodes, End::Right),
                '\\' if self.at_command("end") => return (nodes, End::Environment),
                _ => {}
            }
            let (base, large) = self.atom();
            nodes.push(self.scripts(base, large));
        }
    }

    /// Attaches `_` and `^` scripts to `base`.
    fn scripts(&mut self, base: Node, large: bool) -> Node {
        let (mut sub, mut sup) = (None, None);
        loop {
            self.skip_spaces();
            match self.peek() {
                Some('_') if sub.is_none() => {
                    self.at += 1;
                    sub = Some(self.argument());
                }
                Some('^') if sup.is_none() => {
                    self.at += 1;
                    sup = Some(self.argument());
                }
                Some('\'') if sup.is_none() => {
                    let start = self.at;
                    while self.peek() == Some('\'') {
                        self.at += 1;
                    }
                    sup = Some(leaf("mo", &"′".repeat(self.at - start)));
                }
                _ => break,
            }
        }
        let tags = if large { ("munder", "mover", "munderover") } else { ("msub", "msup", "msubsup") };
        match (sub, sup) {
            (None, None) => base,
            (Some(sub), None) => element(tags.0, Vec::new(), vec![base, sub]),
            (None, Some(sup)) => element(tags.1, Vec::new(), vec![base, sup]),
            (Some(sub), Some(sup)) => element(tags.2, Vec::new(), vec![base, sub, sup]),
        }
    }

    /// One argument: a `{group}` or a single token.
    fn argument(&mut self) -> Node {
        self.skip_spaces();
        match self.peek() {
            Some('{') => self.group(),
            Some(c) if c.is_ascii_digit() => {
                self.at += 1;
                leaf("mn", &c.to_string())
            }
            Some(_) => self.atom().0,
            None => element("mrow", Vec::new(), Vec::new()),
        }
    }

    /// A `{…}` group as one node (an `mrow` unless it holds one node).
    fn group(&mut self) -> Node {
        let start = self.at;
        self.at += 1;
        if self.depth >= MAX_MATH_DEPTH {
            self.skip_to_closing_brace();
            self.closing_brace();
            return error(&self.source(start));
        }
        self.depth += 1;
        let row = self.row();
        self.depth -= 1;
        self.closing_brace();
        mrow(row)
    }

    /// Moves to the `}` that closes the group just opened (or to the end).
    fn skip_to_closing_brace(&mut self) {
        let mut open = 1;
        while let Some(c) = self.peek() {
            open += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if open == 0 {
                break;
            }
            self.at += 1;
        }
    }

    /// Takes the `}` under the cursor, if there is one.
    fn closing_brace(&mut self) {
        if self.peek() == Some('}') {
            self.at += 1;
        }
    }

    /// The text of a `{…}` argument, taken verbatim (for `\text`, environment names).
    fn raw_argument(&mut self) -> String {
        self.skip_spaces();
        if self.peek() != Some('{') {
            return self
                .peek()
                .map(|c| {
                    self.at += 1;
                    c.to_string()
                })
                .unwrap_or_default();
        }
        self.at += 1;
        let start = self.at;
        self.skip_to_closing_brace();
        let text = self.source(start);
        self.closing_brace();
        text
    }

    /// One atom (without scripts), and whether it is a big operator.
    fn atom(&mut self) -> (Node, bool) {
        let c = self.peek().expect("atom is called before the end");
        if c == '{' {
            return (self.group(), false);
        }
        if c == '\\' {
            // Commands take arguments that may be commands (`\sqrt\sqrt…`): bound the nesting.
            if self.depth >= MAX_MATH_DEPTH {
                let start = self.at;
                self.command_name();
                return (error(&self.source(start)), false);
            }
            self.depth += 1;
            let atom = self.command();
            self.depth -= 1;
            return atom;
        }
        self.at += 1;
        if c.is_ascii_digit() || (c == '.' && self.peek().is_some_and(|n| n.is_ascii_digit())) {
            let start = self.at - 1;
            while self
                .peek()
                .is_some_and(|n| n.is_ascii_digit() || n == '.' && self.chars.get(self.at + 1).is_some_and(char::is_ascii_digit))
            {
                self.at += 1;
            }
            return (leaf("mn", &self.source(start)), false);
        }
        if c.is_alphabetic() {
            return (leaf("mi", &c.to_string()), false);
        }
        (leaf("mo", &c.to_string()), false)
    }

    fn command(&mut self) -> (Node, bool) {
        let start = self.at;
        let name = self.command_name();
        if let Some((_, symbol)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
            return match *symbol {
                Symbol::Identifier(text) => (leaf("mi", text), false),
                Symbol::Operator(text) => (leaf("mo", text), false),
                Symbol::Large(text) => (leaf("mo", text), true),
            };
        }
        if FUNCTIONS.contains(&name.as_str()) {
            return (leaf("mi", &name), false);
        }
        if LIMIT_FUNCTIONS.contains(&name.as_str()) {
            return (leaf("mo", &name), true);
        }
        let node = match name.as_str() {
            "frac" | "dfrac" | "tfrac" | "binom" => {
                let numerator = self.argument();
                let denominator = self.argument();
                if name == "binom" {
                    let fraction = element("mfrac", vec![("linethickness", "0".into())], vec![numerator, denominator]);
                    mrow(vec![leaf("mo", "("), fraction, leaf("mo", ")")])
                } else {
                    element("mfrac", Vec::new(), vec![numerator, denominator])
                }
            }
            "sqrt" => {
                self.skip_spaces();
                if self.peek() == Some('[') {
                    self.at += 1;
                    let index_start = self.at;
                    while self.peek().is_some_and(|c| c != ']') {
                        self.at += 1;
                    }
                    let index_source = self.source(index_start);
                    self.at += usize::from(self.peek() == Some(']'));
                    let index = mrow(Parser { chars: index_source.chars().collect(), at: 0, depth: self.depth + 1 }.row());
                    let radicand = self.argument();
                    element("mroot", Vec::new(), vec![radicand, index])
                } else {
                    element("msqrt", Vec::new(), vec![self.argument()])
                }
            }
            "text" | "textrm" | "mbox" | "operatorname" => {
                let text = self.raw_argument();
                if name == "operatorname" {
                    leaf("mi", &text)
                } else {
                    leaf("mtext", &text)
                }
            }
            "mathrm" => element("mi", vec![("mathvariant", "normal".into())], vec![Node::Text(self.raw_argument())]),
            "mathbf" | "mathbb" | "mathcal" | "boldsymbol" => {
                let text: String = self.raw_argument().chars().filter_map(|c| styled(c, &name)).collect();
                leaf("mi", &text)
            }
            "hat" | "widehat" | "bar" | "overline" | "vec" | "tilde" | "widetilde" | "dot" | "ddot" => {
                let accent = match name.as_str() {
                    "hat" | "widehat" => "^",
                    "bar" | "overline" => "¯",
                    "vec" => "→",
                    "tilde" | "widetilde" => "~",
                    "dot" => "˙",
                    _ => "¨",
                };
                let base = self.argument();
                element("mover", vec![("accent", "true".into())], vec![base, leaf("mo", accent)])
            }
            "left" | "right" | "big" | "Big" | "bigl" | "bigr" | "Bigl" | "Bigr" => {
                self.skip_spaces();
                let delimiter = match self.peek() {
                    Some('\\') => {
                        let name = self.command_name();
                        match SYMBOLS.iter().find(|(n, _)| *n == name) {
                            Some((_, Symbol::Operator(text))) => (*text).to_owned(),
                            _ => String::new(),
                        }
                    }
                    Some('.') => {
                        self.at += 1;
                        String::new()
                    }
                    Some(c) => {
                        self.at += 1;
                        c.to_string()
                    }
                    None => String::new(),
                };
                if name == "left" {
                    return (self.fenced(delimiter, start), false);
                }
                leaf("mo", &delimiter)
            }
            "begin" => self.environment(start),
            "," | ":" | ";" | " " | "quad" | "qquad" | "!" => {
                let width = match name.as_str() {
                    "quad" => "1em",
                    "qquad" => "2em",
                    "!" => "0em",
                    _ => "0.25em",
                };
                element("mspace", vec![("width", width.into())], Vec::new())
            }
            _ => error(&self.source(start)),
        };
        (node, false)
    }

    /// `\left<delimiter> … \right<delimiter>` as one row with stretchy fences.
    fn fenced(&mut self, open: String, start: usize) -> Node {
        if self.depth >= MAX_MATH_DEPTH {
            return error(&self.source(start));
        }
        self.depth += 1;
        let (inner, end) = self.row_until();
        self.depth -= 1;
        let close = if end == End::Right {
            match self.command().0 {
                Node::Element { children, .. } => children,
                text => vec![text],
            }
        } else {
            Vec::new()
        };
        let mut row = vec![element("mo", vec![("stretchy", "true".into())], vec![Node::Text(open)])];
        row.extend(inner);
        row.push(element("mo", vec![("stretchy", "true".into())], close));
        element("mrow", Vec::new(), row)
    }

    /// `\begin{name} … \end{name}` for matrices, cases and aligned rows.
    fn environment(&mut self, start: usize) -> Node {
        let name = self.raw_argument();
        let fences = match name.as_str() {
            "matrix" | "aligned" | "align" | "align*" | "array" | "gathered" => ("", ""),
            "pmatrix" => ("(", ")"),
            "bmatrix" => ("[", "]"),
            "vmatrix" => ("|", "|"),
            "cases" => ("{", ""),
            _ => return self.skip_environment(start),
        };
        if name == "array" {
            self.raw_argument(); // column spec
        }
        if self.depth >= MAX_MATH_DEPTH {
            return self.skip_environment(start);
        }
        self.depth += 1;
        let mut rows: Vec<Node> = Vec::new();
        let mut cells: Vec<Node> = Vec::new();
        loop {
            let (cell, end) = self.row_until();
            cells.push(element("mtd", Vec::new(), cell));
            match end {
                End::Cell => {}
                End::Line => rows.push(element("mtr", Vec::new(), std::mem::take(&mut cells))),
                End::Close | End::Right | End::Environment => break,
            }
        }
        self.depth -= 1;
        rows.push(element("mtr", Vec::new(), cells));
        if self.at_command("end") {
            self.command_name();
            self.raw_argument();
        } else if self.peek() == Some('}') {
            // A stray `}` inside an environment: keep going past it.
            self.at += 1;
        }
        let table = element("mtable", Vec::new(), rows);
        match fences {
            ("", "") => table,
            (open, close) => mrow(vec![leaf("mo", open), table, leaf("mo", close)]),
        }
    }

    /// An environment we do not render: its whole source as an error.
    fn skip_environment(&mut self, start: usize) -> Node {
        while self.at < self.chars.len() && !self.at_command("end") {
            self.at += 1;
        }
        if self.at < self.chars.len() {
            self.command_name();
            self.raw_argument();
        }
        error(&self.source(start))
    }
}

/// A letter in a mathematical alphabet (bold, double-struck, script); other characters as they are.
fn styled(c: char, style: &str) -> Option<char> {
    if c.is_whitespace() {
        return None;
    }
    let special = match (style, c) {
        ("mathbb", 'C') => Some('ℂ'),
        ("mathbb", 'H') => Some('ℍ'),
        ("mathbb", 'N') => Some('ℕ'),
        ("mathbb", 'P') => Some('ℙ'),
        ("mathbb", 'Q') => Some('ℚ'),
        ("mathbb", 'R') => Some('ℝ'),
        ("mathbb", 'Z') => Some('ℤ'),
        ("mathcal", 'B') => Some('ℬ'),
        ("mathcal", 'E') => Some('ℰ'),
        ("mathcal", 'F') => Some('ℱ'),
        ("mathcal", 'H') => Some('ℋ'),
        ("mathcal", 'I') => Some('ℐ'),
        ("mathcal", 'L') => Some('ℒ'),
        ("mathcal", 'M') => Some('ℳ'),
        ("mathcal", 'R') => Some('ℛ'),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    let (upper, lower) = match style {
        "mathbb" => (0x1D538, 0x1D552),
        "mathcal" => (0x1D49C, 0x1D4B6),
        _ => (0x1D400, 0x1D41A),
    };
    let code = match c {
        'A'..='Z' => upper + (c as u32 - 'A' as u32),
        'a'..='z' => lower + (c as u32 - 'a' as u32),
        _ => return Some(c),
    };
    Some(char::from_u32(code).unwrap_or(c))
}

#[cfg(test)]
mod tests;
