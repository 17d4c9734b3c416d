//! The item: prompt or conversation, then its outputs side by side (blurred when sensitive).

use verdict_core::session::Session;
use yew::prelude::*;

use super::output_card::OutputCard;
use crate::components::common::Markdown;
use crate::components::content::{content_html, diff_html, use_rich_view};
use crate::state::rating::RatingState;
use crate::t;

/// Props of [`ItemView`].
#[derive(Properties, PartialEq)]
pub struct ItemViewProps {
    /// The rating state (shown item, order, blur state).
    pub state: UseReducerHandle<RatingState>,
    /// Reveal blurred content.
    pub on_reveal: Callback<()>,
}

/// Prompt and outputs of the current item.
#[function_component(ItemView)]
pub fn item_view(props: &ItemViewProps) -> Html {
    let session: &Session = &props.state.0;
    let task = session.task();
    let blind = session.eval.rubric.blind;
    let labels = session.position_labels();
    let shown = session.shown();
    let blurred = session.is_blurred();
    let rank_of = |position: usize| session.draft.ranking.iter().position(|&p| p as usize == position).map(|r| r + 1);
    let reveal = props.on_reveal.reform(|_| ());
    let sensitive = session.eval.rubric.is_sensitive(task);
    let view = use_rich_view(&task.id, sensitive);
    let show_diff = use_state(|| false);
    let toggle_diff = {
        let show_diff = show_diff.clone();
        Callback::from(move |_| show_diff.set(!*show_diff))
    };
    let texts: Vec<std::borrow::Cow<'_, str>> = shown.iter().map(|&i| task.outputs[i as usize].content.plain_text()).collect();
    html! {
        <section class={classes!("item", blurred.then_some("blurred"))} aria-label={t!("item-label")}>
            if blurred {
                <div class="sensitive-cover">
                    <p>{ t!("item-sensitive") }</p>
                    <button class="primary" onclick={reveal}>{ t!("item-reveal") }</button>
                </div>
            }
            <div class="item-body" aria-hidden={blurred.to_string()} inert={blurred}>
                <div class="prompt" role="region" aria-label={t!("item-prompt")} tabindex="0">
                    if let Some(prompt) = &task.prompt {
                        <h2 class="section-title">{ t!("item-prompt") }</h2>
                        <Markdown source={AttrValue::from(prompt.clone())} />
                    }
                    if let Some(turns) = &task.conversation {
                        <h2 class="section-title">{ t!("item-conversation") }</h2>
                        <ol class="conversation">
                            { for turns.iter().map(|turn| html! {
                                <li class={classes!("turn", format!("role-{}", turn.role))}>
                                    <span class="role">{ role_name(&turn.role) }</span>
                                    { content_html(&turn.content, &view) }
                                </li>
                            }) }
                        </ol>
                    }
                </div>
                <div class={classes!("outputs", format!("n{}", shown.len().min(4)))}>
                    { for shown.iter().enumerate().map(|(position, &index)| {
                        let output = &task.outputs[index as usize];
                        html! {
                            <OutputCard key={output.model.clone()} label={labels[position].clone()}
                                model={(!blind).then(|| AttrValue::from(output.model.clone()))}
                                content={output.content.clone()} view={view.clone()} rank={rank_of(position)} />
                        }
                    }) }
                </div>
                if texts.len() == 2 {
                    <button class="diff-toggle" aria-pressed={show_diff.to_string()} onclick={toggle_diff}>{ t!("content-diff-toggle") }</button>
                    if *show_diff { { diff_html(&texts[0], &texts[1]) } }
                }
            </div>
        </section>
    }
}

/// A conversation role in the interface language (`user`, `assistant`, `system`; others as written).
fn role_name(role: &str) -> String {
    match role {
        "user" => t!("role-user"),
        "assistant" => t!("role-assistant"),
        "system" => t!("role-system"),
        other => other.to_owned(),
    }
}
