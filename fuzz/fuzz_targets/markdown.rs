//! Fuzz target: the Markdown renderer never panics and keeps its bounds (depth, row width,
//! element count) and its allow-list on any text. `cargo test -p verdict-core` runs the same
//! property over generated hostile Markdown (`markdown::tests::random_markdown_stays_within_bounds`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::markdown::{render, Node, MAX_COLUMNS, MAX_DEPTH, MAX_ELEMENTS};

/// (deepest nesting, elements, widest table row) of a tree.
fn measure(nodes: &[Node], depth: usize, out: &mut (usize, usize, usize)) {
    for node in nodes {
        if let Node::Element { tag, children, .. } = node {
            assert!(!matches!(*tag, "script" | "img" | "iframe" | "style"), "tag {tag} is not allowed");
            out.0 = out.0.max(depth + 1);
            out.1 += 1;
            if *tag == "tr" {
                out.2 = out.2.max(children.len());
            }
            measure(children, depth + 1, out);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let nodes = render(text);
    let mut seen = (0, 0, 0);
    measure(&nodes, 0, &mut seen);
    assert!(seen.0 <= MAX_DEPTH && seen.1 <= MAX_ELEMENTS && seen.2 <= MAX_COLUMNS, "bounds exceeded: {seen:?}");
});
