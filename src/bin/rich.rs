//! The rich-content module: Markdown, LaTeX → MathML, code highlighting and the word diff, as
//! their own wasm module. `www/rich-page.js` loads it on the page right after the first paint
//! (`src/components/content/rich_module.rs`), so Markdown's parser and the task@2 renderers stay
//! out of the rating page's first paint (docs/BENCHMARKS.md, "Rich content").
//!
//! Answers are plain JS arrays (no serde on either side): the page rebuilds the DOM from them
//! element by element, keeping only allow-listed tags and attributes.

use js_sys::Array;
use verdict_core::content::diff::{word_diff, Change};
use verdict_core::content::highlight::{highlight, Token};
use verdict_core::content::math::latex_to_mathml;
use verdict_core::markdown::{render, Node};
use wasm_bindgen::prelude::*;

fn main() {}

/// Untrusted Markdown as core's safe node tree: an array of nodes (see [`rich_math`] for a node).
#[wasm_bindgen]
pub fn rich_markdown(source: &str) -> Array {
    render(source).iter().map(node_to_js).collect()
}

/// `latex` as MathML: nested arrays `[tag, [[name, value], …], child, …]`, text as strings.
#[wasm_bindgen]
pub fn rich_math(latex: &str, display: bool) -> JsValue {
    node_to_js(&latex_to_mathml(latex, display))
}

/// `code` highlighted: a flat array `[kind, text, kind, text, …]` (kind 0 plain, 1 keyword,
/// 2 string, 3 comment, 4 number); the texts joined are `code` exactly.
#[wasm_bindgen]
pub fn rich_highlight(code: &str, language: &str) -> Array {
    let language = (!language.is_empty()).then_some(language);
    let out = Array::new();
    for (token, text) in highlight(code, language) {
        let kind = match token {
            Token::Plain => 0,
            Token::Keyword => 1,
            Token::String => 2,
            Token::Comment => 3,
            Token::Number => 4,
        };
        out.push(&JsValue::from(kind));
        out.push(&JsValue::from(text));
    }
    out
}

/// The word diff of two texts: `[truncated, change, text, change, text, …]` (change 0 same,
/// 1 removed, 2 added).
#[wasm_bindgen]
pub fn rich_diff(first: &str, second: &str) -> Array {
    let diff = word_diff(first, second);
    let out = Array::new();
    out.push(&JsValue::from(diff.truncated));
    for (change, text) in &diff.runs {
        let code = match change {
            Change::Same => 0,
            Change::Removed => 1,
            Change::Added => 2,
        };
        out.push(&JsValue::from(code));
        out.push(&JsValue::from(text.as_str()));
    }
    out
}

fn node_to_js(node: &Node) -> JsValue {
    match node {
        Node::Text(text) => JsValue::from(text.as_str()),
        Node::Element { tag, attrs, children } => {
            let out = Array::new();
            out.push(&JsValue::from(*tag));
            let list = Array::new();
            for (name, value) in attrs {
                list.push(&Array::of2(&JsValue::from(*name), &JsValue::from(value.as_str())));
            }
            out.push(&list);
            for child in children {
                out.push(&node_to_js(child));
            }
            out.into()
        }
    }
}
