//! Renders untrusted Markdown through core's safe node tree, one DOM node at a time. The block
//! takes its direction from its own text (`dir="auto"`), and each paragraph, list item and cell
//! from its own first strong letter (`unicode-bidi: plaintext` in verdict.css): Arabic in an
//! English interface reads right to left, English in an Arabic one left to right.

use verdict_core::markdown::{render, Node};
use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

/// Props of [`Markdown`].
#[derive(Properties, PartialEq)]
pub struct MarkdownProps {
    /// Markdown source (untrusted).
    pub source: AttrValue,
}

/// Markdown as DOM nodes; raw HTML shows as text and only http(s)/mailto links are live.
#[function_component(Markdown)]
pub fn markdown(props: &MarkdownProps) -> Html {
    let nodes = use_memo(props.source.clone(), |source| render(source));
    html! { <div class="markdown" dir="auto">{ for nodes.iter().map(to_html) }</div> }
}

/// One safe node (Markdown or MathML from core) as DOM, element by element.
pub fn to_html(node: &Node) -> Html {
    match node {
        Node::Text(text) => Html::from(VText::new(text.clone())),
        Node::Element { tag, attrs, children } => {
            let mut element = VTag::new(*tag);
            for (name, value) in attrs {
                element.add_attribute(name, value.clone());
            }
            element.add_children(children.iter().map(to_html));
            element.into()
        }
    }
}
