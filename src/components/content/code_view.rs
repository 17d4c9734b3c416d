//! Source code: a `<pre>` that keeps indentation, with simple highlighting from core.

use verdict_core::content::highlight::{highlight, Token};
use yew::prelude::*;

/// Props of [`CodeView`].
#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    /// The code.
    pub code: AttrValue,
    /// Its language, if known.
    #[prop_or_default]
    pub language: Option<AttrValue>,
}

/// Highlighted code; spans carry `tok-keyword`, `tok-string`, `tok-comment`, `tok-number`.
#[function_component(CodeView)]
pub fn code_view(props: &CodeViewProps) -> Html {
    let spans = highlight(&props.code, props.language.as_deref());
    let language = props.language.clone().unwrap_or_default();
    html! {
        <pre class="code-part" data-language={language.clone()} aria-label={format!("Code {language}")}>
            <code>{ for spans.into_iter().map(|(token, text)| match token {
                Token::Plain => html! { { text.to_owned() } },
                Token::Keyword => html! { <span class="tok-keyword">{ text.to_owned() }</span> },
                Token::String => html! { <span class="tok-string">{ text.to_owned() }</span> },
                Token::Comment => html! { <span class="tok-comment">{ text.to_owned() }</span> },
                Token::Number => html! { <span class="tok-number">{ text.to_owned() }</span> },
            }) }</code>
        </pre>
    }
}
