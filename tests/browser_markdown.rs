//! Browser test: untrusted Markdown renders inert in the real DOM (no script, no image, no js: link).
#![cfg(target_arch = "wasm32")]

use verdict_web::components::common::{Markdown, MarkdownProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn hostile_markdown_renders_as_text() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let source = "<script>window.__pwned=1</script>\n\n<img src=x onerror=\"window.__pwned=2\">\n\n[click](javascript:window.__pwned=3) [ok](https://example.org)\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |";
    yew::Renderer::<Markdown>::with_root_and_props(root.clone(), MarkdownProps { source: source.into() }).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("table td").unwrap().is_some());
    assert!(root.query_selector("pre code").unwrap().is_some());
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let text = root.text_content().unwrap();
    assert!(text.contains("<script>window.__pwned=1</script>"), "{text}");
    assert!(text.contains("<img src=x onerror"), "{text}");
    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}
