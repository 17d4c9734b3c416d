//! Browser test: untrusted Markdown renders inert in the real DOM (no script, no image, no js:
//! link), through the rich-content module's tree (as `src/bin/rich.rs` answers: core's safe nodes
//! as arrays) and while the module is still loading (the text as it is).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use verdict_core::markdown::{render, Node};
use verdict_web::components::common::{Markdown, MarkdownProps};
use verdict_web::components::content::tree_html;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: &str = "<script>window.__pwned=1</script>\n\n<img src=x onerror=\"window.__pwned=2\">\n\n[click](javascript:window.__pwned=3) [ok](https://example.org)\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |";

/// Core's node as the rich-content module sends it (`src/bin/rich.rs`, `node_to_js`).
fn node_to_js(node: &Node) -> JsValue {
    match node {
        Node::Text(text) => JsValue::from(text.as_str()),
        Node::Element { tag, attrs, children } => {
            let out = Array::of2(
                &JsValue::from(*tag),
                &attrs.iter().map(|(n, v)| Array::of2(&(*n).into(), &v.as_str().into())).collect::<Array>(),
            );
            for child in children {
                out.push(&node_to_js(child));
            }
            out.into()
        }
    }
}

fn mount(source: &str) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Markdown>::with_root_and_props(root.clone(), MarkdownProps { source: source.to_owned().into() }).render();
    root
}

fn assert_not_pwned() {
    let pwned = Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn hostile_markdown_renders_as_text() {
    // The module's answer, as the page gets it once `rich-page.js` has loaded it.
    let module = Object::new();
    let answer =
        Closure::<dyn Fn(String) -> JsValue>::new(|source: String| render(&source).iter().map(node_to_js).collect::<Array>().into());
    Reflect::set(&module, &"rich_markdown".into(), answer.as_ref()).unwrap();
    answer.forget();
    Reflect::set(&js_sys::global(), &"verdictRich".into(), &module).unwrap();
    let root = mount(HOSTILE);
    yew::scheduler::flush().await;
    Reflect::delete_property(js_sys::global().unchecked_ref::<Object>(), &"verdictRich".into()).unwrap();
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("table td").unwrap().is_some());
    assert!(root.query_selector("pre code").unwrap().is_some());
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let text = root.text_content().unwrap();
    assert!(text.contains("<script>window.__pwned=1</script>"), "{text}");
    assert!(text.contains("<img src=x onerror"), "{text}");
    assert_not_pwned();
}

#[wasm_bindgen_test]
async fn pending_markdown_is_the_text_as_it_is() {
    let root = mount(HOSTILE);
    yew::scheduler::flush().await;
    assert!(root.query_selector(".markdown-plain").unwrap().is_some());
    assert!(root.query_selector("script, img, a, table").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("<img src=x onerror"));
    assert_not_pwned();
}

#[wasm_bindgen_test]
async fn a_hostile_tree_keeps_only_allowed_tags_and_attributes() {
    // Whatever the module answered, the page keeps only its allow-lists (and http(s)/mailto links).
    let tree = Array::of5(
        &"p".into(),
        &Array::of2(&Array::of2(&"onclick".into(), &"window.__pwned=4".into()), &Array::of2(&"class".into(), &"x".into())),
        &Array::of3(&"script".into(), &Array::new(), &"window.__pwned=5".into()),
        &Array::of3(&"a".into(), &Array::of1(&Array::of2(&"href".into(), &" JavaScript:window.__pwned=6".into())), &"js".into()),
        &Array::of3(&"a".into(), &Array::of1(&Array::of2(&"href".into(), &"HTTPS://example.org".into())), &"ok".into()),
    );
    let html = tree_html(&tree.into());
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Wrap>::with_root_and_props(root.clone(), WrapProps { html }).render();
    yew::scheduler::flush().await;
    let p = root.query_selector("p").unwrap().expect("the paragraph stays");
    assert!(p.get_attribute("onclick").is_none());
    assert_eq!(p.get_attribute("class").as_deref(), Some("x"));
    assert!(root.query_selector("script").unwrap().is_none());
    assert_eq!(root.text_content().unwrap(), "window.__pwned=5jsok", "a dropped element keeps its text");
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    assert!(root.query_selector("a[href^=' J']").unwrap().is_none(), "no javascript: href");
    assert_eq!(root.query_selector("a[href]").unwrap().unwrap().get_attribute("href").as_deref(), Some("HTTPS://example.org"));
    assert_not_pwned();
}

/// Props of [`Wrap`].
#[derive(yew::Properties, PartialEq)]
struct WrapProps {
    html: yew::Html,
}

/// Mounts a piece of `Html`.
#[yew::function_component(Wrap)]
fn wrap(props: &WrapProps) -> yew::Html {
    props.html.clone()
}
