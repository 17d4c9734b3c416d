//! Untrusted Markdown (model outputs, prompts) to a safe node tree.
//!
//! The UI turns the tree into DOM nodes one by one, never through `innerHTML`. Safety comes
//! from what the tree can hold: a fixed set of tags, `href` only for http(s)/mailto links,
//! and raw HTML kept as plain text (so `<script>` shows as the characters `<script>`).
//! Images are not loaded (a tracking pixel would leak that an item was viewed); their
//! alt text is shown as a link instead.
//!
//! Hostile input is bounded, never trusted to be small: elements nest at most [`MAX_DEPTH`]
//! deep, a table row keeps at most [`MAX_COLUMNS`] cells and a document at most
//! [`MAX_ELEMENTS`] elements. Past a bound the content is kept, flattened into the text of the
//! element that holds it, so nothing is lost and nothing (the DOM, the wasm stack) grows
//! without limit. Very long lines and code blocks wrap and scroll by the stylesheet.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// One node of rendered Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Text, to be inserted as a text node.
    Text(String),
    /// An element from a fixed allow-list of tags, with allow-listed attributes.
    Element {
        /// Tag name, e.g. `p`, `pre`, `code`, `table`, `a`.
        tag: &'static str,
        /// Attributes: only `href` (checked), `class` (code language), `start`, `align`,
        /// `target`, `rel`, `checked`/`disabled`/`type` on task-list boxes.
        attrs: Vec<(&'static str, String)>,
        /// Child nodes.
        children: Vec<Node>,
    },
}

/// Deepest element nesting kept; deeper content is flattened into text.
pub const MAX_DEPTH: usize = 16;
/// Cells kept per table row; further cells' text joins the last kept cell.
pub const MAX_COLUMNS: usize = 32;
/// Elements kept per document; later content is text only.
pub const MAX_ELEMENTS: usize = 20_000;

/// Renders Markdown source to safe nodes (CommonMark + tables, strikethrough, task lists),
/// within [`MAX_DEPTH`], [`MAX_COLUMNS`] and [`MAX_ELEMENTS`].
pub fn render(source: &str) -> Vec<Node> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut stack: Vec<Node> = vec![element("div", Vec::new())];
    // One entry per open tag: whether it became an element (false: flattened past a bound).
    let mut opened: Vec<bool> = Vec::new();
    let mut n_elements = 0usize;
    let mut column = 0usize;
    let mut in_table_head = false;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::TableRow | Tag::TableHead) {
                    column = 0;
                }
                let too_wide = matches!(tag, Tag::TableCell) && {
                    column += 1;
                    column > MAX_COLUMNS
                };
                // A code block takes two levels (pre > code).
                let too_deep = stack.len() + 2 > MAX_DEPTH || n_elements + 2 > MAX_ELEMENTS;
                if too_wide || too_deep {
                    if is_block(&tag) || too_wide {
                        append(&mut stack, Node::Text(if too_wide { " | " } else { "\n" }.into()));
                    }
                    if matches!(tag, Tag::TableHead) {
                        in_table_head = true;
                    }
                    opened.push(false);
                    continue;
                }
                opened.push(true);
                n_elements += if matches!(tag, Tag::CodeBlock(_)) { 2 } else { 1 };
                let node = match tag {
                    // Raw HTML blocks are shown as text, each in its own paragraph.
                    Tag::Paragraph | Tag::HtmlBlock => element("p", Vec::new()),
                    Tag::Heading { level, .. } => element(heading_tag(level as usize), Vec::new()),
                    Tag::BlockQuote(_) => element("blockquote", Vec::new()),
                    Tag::CodeBlock(kind) => {
                        let mut attrs = Vec::new();
                        if let CodeBlockKind::Fenced(info) = kind {
                            let language: String = info
                                .split_whitespace()
                                .next()
                                .unwrap_or("")
                                .chars()
                                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '+')
                                .collect();
                            if !language.is_empty() {
                                attrs.push(("class", format!("language-{language}")));
                            }
                        }
                        // `pre > code`: the code element is pushed now, the pre wraps it on close.
                        stack.push(element("pre", Vec::new()));
                        element("code", attrs)
                    }
                    Tag::List(Some(start)) => element("ol", if start == 1 { Vec::new() } else { vec![("start", start.to_string())] }),
                    Tag::List(None) => element("ul", Vec::new()),
                    Tag::Item => element("li", Vec::new()),
                    Tag::Table(_) => element("table", Vec::new()),
                    Tag::TableHead => {
                        in_table_head = true;
                        element("thead", Vec::new())
                    }
                    Tag::TableRow => element("tr", Vec::new()),
                    Tag::TableCell => element(if in_table_head { "th" } else { "td" }, Vec::new()),
                    Tag::Emphasis => element("em", Vec::new()),
                    Tag::Strong => element("strong", Vec::new()),
                    Tag::Strikethrough => element("del", Vec::new()),
                    Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => match safe_href(&dest_url) {
                        Some(href) => {
                            element("a", vec![("href", href), ("target", "_blank".into()), ("rel", "noopener noreferrer nofollow".into())])
                        }
                        None => element("span", vec![("class", "unsafe-link".into())]),
                    },
                    // Footnotes, metadata, definition lists and the like: keep their text only.
                    _ => element("span", Vec::new()),
                };
                stack.push(node);
            }
            Event::End(end) => {
                if matches!(end, TagEnd::TableHead) {
                    in_table_head = false;
                }
                if !opened.pop().unwrap_or(false) {
                    continue; // flattened: its content already went to the enclosing element
                }
                let Some(mut node) = stack.pop() else { continue };
                if matches!(end, TagEnd::TableRow | TagEnd::TableHead) {
                    fold_stray_text(&mut node);
                }
                if matches!(end, TagEnd::TableHead) {
                    // pulldown-cmark puts header cells directly in thead; wrap them in a row.
                    let Node::Element { children, .. } = node else { continue };
                    let row = Node::Element { tag: "tr", attrs: Vec::new(), children };
                    append(&mut stack, Node::Element { tag: "thead", attrs: Vec::new(), children: vec![row] });
                    continue;
                }
                append(&mut stack, node);
                if matches!(end, TagEnd::CodeBlock) {
                    if let Some(pre) = stack.pop() {
                        append(&mut stack, pre);
                    }
                }
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                append(&mut stack, Node::Text(text.into_string()));
            }
            Event::Code(code) if n_elements >= MAX_ELEMENTS || stack.len() >= MAX_DEPTH => {
                append(&mut stack, Node::Text(code.into_string()));
            }
            Event::HardBreak | Event::Rule | Event::TaskListMarker(_) if n_elements >= MAX_ELEMENTS || stack.len() >= MAX_DEPTH => {
                append(&mut stack, Node::Text("\n".into()));
            }
            Event::Code(code) => {
                n_elements += 1;
                append(&mut stack, element_with("code", vec![Node::Text(code.into_string())]));
            }
            Event::SoftBreak => append(&mut stack, Node::Text("\n".into())),
            Event::HardBreak => {
                n_elements += 1;
                append(&mut stack, element("br", Vec::new()));
            }
            Event::Rule => {
                n_elements += 1;
                append(&mut stack, element("hr", Vec::new()));
            }
            Event::TaskListMarker(checked) => {
                n_elements += 1;
                let mut attrs = vec![("type", "checkbox".to_owned()), ("disabled", "disabled".to_owned())];
                if checked {
                    attrs.push(("checked", "checked".into()));
                }
                append(&mut stack, element("input", attrs));
            }
            Event::FootnoteReference(label) => append(&mut stack, Node::Text(format!("[{label}]"))),
        }
    }
    // Unbalanced events cannot happen with pulldown-cmark, but fold anything left over anyway.
    while stack.len() > 1 {
        let node = stack.pop().expect("length checked above");
        append(&mut stack, node);
    }
    match stack.pop() {
        Some(Node::Element { children, .. }) => children,
        _ => Vec::new(),
    }
}

/// Tags that start a block: flattened ones are separated by a line break in the text.
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::HtmlBlock
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
    )
}

/// Text left directly in a table row (from cells past [`MAX_COLUMNS`]) joins the last cell.
fn fold_stray_text(row: &mut Node) {
    let Node::Element { children, .. } = row else { return };
    let mut kept: Vec<Node> = Vec::with_capacity(children.len());
    for child in children.drain(..) {
        match (child, kept.last_mut()) {
            (Node::Text(text), Some(Node::Element { children: cell, .. })) => cell.push(Node::Text(text)),
            (child, _) => kept.push(child),
        }
    }
    *children = kept;
}

fn element(tag: &'static str, attrs: Vec<(&'static str, String)>) -> Node {
    Node::Element { tag, attrs, children: Vec::new() }
}

fn element_with(tag: &'static str, children: Vec<Node>) -> Node {
    Node::Element { tag, attrs: Vec::new(), children }
}

fn append(stack: &mut [Node], node: Node) {
    if let Some(Node::Element { children, .. }) = stack.last_mut() {
        // Merge adjacent text so the DOM stays small.
        if let (Node::Text(new), Some(Node::Text(previous))) = (&node, children.last_mut()) {
            previous.push_str(new);
            return;
        }
        children.push(node);
    }
}

fn heading_tag(level: usize) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][level.clamp(1, 6) - 1]
}

/// The link target if it is an http, https or mailto URL; `None` for anything else
/// (`javascript:`, `data:`, relative paths, obfuscations with control characters).
pub fn safe_href(url: &str) -> Option<String> {
    // Browsers ignore ASCII tabs and newlines inside URLs and trim spaces and controls.
    let cleaned: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    let lower = cleaned.to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme)).then(|| cleaned.to_owned())
}

/// Plain text of nodes (for previews, lengths and tests).
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    fn walk(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element { children, .. } => walk(children, out),
            }
        }
    }
    walk(nodes, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(nodes: &[Node], out: &mut Vec<&'static str>) {
        for node in nodes {
            if let Node::Element { tag, children, .. } = node {
                out.push(tag);
                tags(children, out);
            }
        }
    }

    fn all_tags(source: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        tags(&render(source), &mut out);
        out
    }

    #[test]
    fn renders_code_lists_and_tables() {
        assert_eq!(all_tags("```rust\nfn main() {}\n```"), ["pre", "code"]);
        assert_eq!(all_tags("- a\n- b"), ["ul", "li", "li"]);
        assert_eq!(all_tags("3. x"), ["ol", "li"]);
        assert_eq!(all_tags("| a | b |\n|---|---|\n| 1 | 2 |"), ["table", "thead", "tr", "th", "th", "tr", "td", "td"]);
        let code = render("```python\nprint(1)\n```");
        assert_eq!(
            code,
            vec![Node::Element {
                tag: "pre",
                attrs: vec![],
                children: vec![Node::Element {
                    tag: "code",
                    attrs: vec![("class", "language-python".into())],
                    children: vec![Node::Text("print(1)\n".into())]
                }]
            }]
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let source = "<script>alert(1)</script>\n\nhi <img src=x onerror=alert(2)> there";
        let nodes = render(source);
        assert!(!all_tags(source).iter().any(|t| *t == "script" || *t == "img"));
        let text = plain_text(&nodes);
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(text.contains("<img src=x onerror=alert(2)>"), "{text}");
    }

    #[test]
    fn only_http_https_mailto_links_get_an_href() {
        for (url, expected) in [
            ("https://example.org/a", Some("https://example.org/a")),
            ("HTTP://example.org", Some("HTTP://example.org")),
            ("mailto:a@b.c", Some("mailto:a@b.c")),
            ("javascript:alert(1)", None),
            (" java\tscript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            ("data:text/html,<script>alert(1)</script>", None),
            ("vbscript:x", None),
            ("/relative", None),
            ("\u{1}javascript:alert(1)", None),
        ] {
            assert_eq!(safe_href(url).as_deref(), expected, "{url:?}");
        }
        let nodes = render("[click](javascript:alert(1)) and [ok](https://example.org)");
        let Node::Element { children, .. } = &nodes[0] else { panic!() };
        assert!(matches!(&children[0], Node::Element { tag: "span", attrs, .. } if attrs.iter().all(|(k, _)| *k != "href")));
        assert!(matches!(&children[2], Node::Element { tag: "a", attrs, .. } if attrs[0] == ("href", "https://example.org".into())));
    }

    #[test]
    fn images_are_not_loaded() {
        assert_eq!(all_tags("![pixel](https://tracker.example/p.gif)"), ["p", "a"]);
    }

    fn depth(nodes: &[Node]) -> usize {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(_) => 0,
                Node::Element { children, .. } => 1 + depth(children),
            })
            .max()
            .unwrap_or(0)
    }

    fn count_elements(nodes: &[Node]) -> usize {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(_) => 0,
                Node::Element { children, .. } => 1 + count_elements(children),
            })
            .sum()
    }

    fn max_row_width(nodes: &[Node]) -> usize {
        nodes
            .iter()
            .map(|n| match n {
                Node::Text(_) => 0,
                Node::Element { tag, children, .. } => {
                    let here = if *tag == "tr" { children.len() } else { 0 };
                    here.max(max_row_width(children))
                }
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn issue_14_hostile_nesting_is_flattened_and_keeps_its_text() {
        for source in [
            format!("{} deep quote", ">".repeat(750)),
            format!("{}deep list", "- ".repeat(750)),
            (0..600).map(|i| format!("{}- item {i}\n", "  ".repeat(i))).collect::<String>(),
            format!("{}deep emphasis{}", "*_".repeat(2000), "_*".repeat(2000)),
            format!("{}\n```\ncode\n```", "> ".repeat(300)),
        ] {
            let nodes = render(&source);
            assert!(depth(&nodes) <= MAX_DEPTH, "depth {} for {:.40}", depth(&nodes), source);
            let text = plain_text(&nodes);
            assert!(text.contains("deep") || text.contains("item 599") || text.contains("code"), "{text:.80}");
        }
    }

    #[test]
    fn issue_14_wide_tables_keep_every_cell_in_bounded_rows() {
        let header = format!(
            "|{}\n|{}\n|{}",
            (0..1000).map(|i| format!(" h{i} |")).collect::<String>(),
            "---|".repeat(1000),
            (0..1000).map(|i| format!(" c{i} |")).collect::<String>()
        );
        let nodes = render(&header);
        assert!(max_row_width(&nodes) <= MAX_COLUMNS);
        let text = plain_text(&nodes);
        assert!(text.contains("h999") && text.contains("c999"));
    }

    #[test]
    fn issue_14_a_huge_document_stays_within_the_element_budget() {
        let source = "*a* `b` **c**\n\n".repeat(20_000);
        let nodes = render(&source);
        assert!(count_elements(&nodes) <= MAX_ELEMENTS);
        assert_eq!(plain_text(&nodes).matches('b').count(), 20_000);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        /// Random hostile Markdown (the fuzz target's property, run by `cargo test`): no panic, and
        /// the tree stays within every bound and the allow-list.
        #[test]
        fn random_markdown_stays_within_bounds(parts in proptest::collection::vec(proptest::sample::select(&[
            ">", "> ", "- ", "1. ", "  ", "    ", "*", "_", "**", "`", "```", "~~", "|", "---", "\n", "\n\n", "# ", "[x](javascript:a)",
            "[y](https://e.org)", "![i](http://t/p.gif)", "<script>", "</div>", "&amp;", "\\", "- [ ] ", "a", "word ", "\t", "[^1]", "<",
        ][..]), 0..400), repeat in 1..60usize) {
            let source: String = parts.concat().repeat(repeat);
            let nodes = render(&source);
            proptest::prop_assert!(depth(&nodes) <= MAX_DEPTH);
            proptest::prop_assert!(count_elements(&nodes) <= MAX_ELEMENTS);
            proptest::prop_assert!(max_row_width(&nodes) <= MAX_COLUMNS);
            let mut tags_seen = Vec::new();
            tags(&nodes, &mut tags_seen);
            proptest::prop_assert!(tags_seen.iter().all(|t| !matches!(*t, "script" | "img" | "div" | "iframe")));
        }
    }
}
