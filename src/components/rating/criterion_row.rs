//! One criterion row of the rating panel: likert, binary, choice or text controls.

use verdict_core::rubric::{Criterion, CriterionKind};
use verdict_core::session::{Action, Answer, AnswerKey};
use yew::prelude::*;

use crate::components::common::Markdown;
use crate::t;

/// Props of [`CriterionRow`].
#[derive(Properties, PartialEq)]
pub struct CriterionRowProps {
    /// The criterion asked.
    pub criterion: Criterion,
    /// Where the answer goes (criterion id, display position).
    pub answer_key: AnswerKey,
    /// "for output A", or empty for item-level criteria.
    pub target: AttrValue,
    /// The current answer.
    pub answer: Option<Answer>,
    /// Row is active (digits answer it).
    pub active: bool,
    /// Row index, for focusing by click.
    pub row: usize,
    /// Report an action.
    pub on_action: Callback<Action>,
    /// Show the criterion's help under its label (the `h` key).
    #[prop_or_default]
    pub show_help: bool,
}

/// A criterion with its controls and key hints.
#[function_component(CriterionRow)]
pub fn criterion_row(props: &CriterionRowProps) -> Html {
    let c = &props.criterion;
    let key = props.answer_key.clone();
    let set = |answer: Answer| {
        let on_action = props.on_action.clone();
        let key = key.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Answer { key: key.clone(), answer: Some(answer.clone()) }))
    };
    let pressed = |answer: &Answer| (props.answer.as_ref() == Some(answer)).to_string();
    let controls = match c.kind {
        CriterionKind::Likert => {
            let (min, max) = c.likert_range();
            let digit_is_value = min >= 0 && max <= 9;
            html! { <div class="choices" role="radiogroup" aria-label={label_text(props)}>
                { for (min..=max).map(|value| {
                    let hint = if digit_is_value { value.to_string() } else if value - min < 9 { (value - min + 1).to_string() } else { String::new() };
                    let answer = Answer::Number(value);
                    let anchor = verdict_core::guide::anchor(c, value);
                    let title = match anchor {
                        Some(anchor) => t!("criterion-anchor-hint", value = value, anchor = anchor.to_owned(), key = hint.clone()),
                        None => t!("key-hint", key = hint.clone()),
                    };
                    html! { <button role="radio" aria-checked={pressed(&answer)} onclick={set(answer.clone())} {title}>
                        { value }
                        if let Some(anchor) = anchor { <span class="anchor" dir="auto">{ anchor.to_owned() }</span> }
                        <kbd>{ hint }</kbd></button> }
                }) }
            </div> }
        }
        CriterionKind::Binary => html! { <div class="choices" role="radiogroup" aria-label={label_text(props)}>
            <button role="radio" aria-checked={pressed(&Answer::Yes(true))} onclick={set(Answer::Yes(true))}>{ t!("answer-yes") }<kbd>{ "y" }</kbd></button>
            <button role="radio" aria-checked={pressed(&Answer::Yes(false))} onclick={set(Answer::Yes(false))}>{ t!("answer-no") }<kbd>{ "n" }</kbd></button>
        </div> },
        CriterionKind::Choice => {
            let chosen: Vec<String> = match &props.answer {
                Some(Answer::Options(options)) => options.clone(),
                _ => Vec::new(),
            };
            html! { <div class="choices" role="group" aria-label={label_text(props)}>
                { for c.options.iter().enumerate().map(|(index, option)| {
                    let on_action = props.on_action.clone();
                    let key = key.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::ToggleOption { key: key.clone(), option: index }));
                    let hint = if index < 9 { (index + 1).to_string() } else { String::new() };
                    html! { <button role="checkbox" aria-checked={chosen.contains(option).to_string()} {onclick}><span dir="auto">{ option }</span><kbd>{ hint }</kbd></button> }
                }) }
            </div> }
        }
        CriterionKind::Text => {
            let on_action = props.on_action.clone();
            let key = key.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
                let answer = (!text.is_empty()).then_some(Answer::Text(text));
                on_action.emit(Action::Answer { key: key.clone(), answer });
            });
            let value = match &props.answer {
                Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            html! { <textarea aria-label={label_text(props)} rows="2" {value} {oninput}
            placeholder={t!("text-placeholder")} /> }
        }
    };
    let focus = {
        let on_action = props.on_action.clone();
        let row = props.row;
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Focus(row)))
    };
    let show_help = props.show_help;
    html! {
        <div class={classes!("row", props.active.then_some("active"))} data-row={props.row.to_string()} onclick={focus}>
            <div class="row-label">
                <span dir="auto" title={c.help.clone()}>{ c.display_label() }</span>
                if !props.target.is_empty() { <span class="target">{ &props.target }</span> }
                if c.is_required() { <span class="required" title={t!("criterion-required")}>{ "*" }</span> }
                if c.multi { <span class="muted small">{ t!("criterion-several") }</span> }
            </div>
            if let Some(help) = c.help.clone().filter(|_| show_help) {
                <div class="criterion-help" role="note"><Markdown source={AttrValue::from(help)} /></div>
            }
            { controls }
        </div>
    }
}

fn label_text(props: &CriterionRowProps) -> String {
    if props.target.is_empty() {
        props.criterion.display_label().to_owned()
    } else {
        format!("{} {}", props.criterion.display_label(), props.target)
    }
}
