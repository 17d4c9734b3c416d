//! A LaTeX formula as MathML, converted in Rust (core), built node by node (no `innerHTML`).

use verdict_core::content::math::latex_to_mathml;
use yew::prelude::*;

use crate::components::common::markdown_node_html;

/// Props of [`MathView`].
#[derive(Properties, PartialEq)]
pub struct MathViewProps {
    /// The LaTeX source.
    pub latex: AttrValue,
}

/// A `<math display="block">` element.
#[function_component(MathView)]
pub fn math_view(props: &MathViewProps) -> Html {
    let node = use_memo(props.latex.clone(), |latex| latex_to_mathml(latex, true));
    html! { <div class="math-part">{ markdown_node_html(&node) }</div> }
}
