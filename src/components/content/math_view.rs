//! A LaTeX formula as MathML, converted in Rust by the rich-content worker and built node by node
//! (no `innerHTML`); the LaTeX source shows until the answer arrives.

use yew::prelude::*;

use super::rich_worker::{math_html, use_rich};

/// Props of [`MathView`].
#[derive(Properties, PartialEq)]
pub struct MathViewProps {
    /// The LaTeX source.
    pub latex: AttrValue,
}

/// A `<math display="block">` element.
#[function_component(MathView)]
pub fn math_view(props: &MathViewProps) -> Html {
    let answer = use_rich("math", props.latex.clone(), AttrValue::Static("block"));
    html! {
        <div class="math-part">
            { match answer {
                Some(node) => math_html(&node),
                None => html! { <code class="math-source" dir="ltr">{ props.latex.clone() }</code> },
            } }
        </div>
    }
}
