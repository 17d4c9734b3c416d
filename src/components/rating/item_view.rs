//! The item: prompt or conversation, then its outputs side by side (blurred when sensitive).

use verdict_core::session::Session;
use yew::prelude::*;

use super::output_card::OutputCard;
use crate::components::common::Markdown;
use crate::state::rating::RatingState;

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
    html! {
        <section class={classes!("item", blurred.then_some("blurred"))} aria-label="Item">
            if blurred {
                <div class="sensitive-cover">
                    <p>{ "This item may contain harmful or disturbing content." }</p>
                    <button class="primary" onclick={reveal}>{ "Reveal content (r)" }</button>
                </div>
            }
            <div class="item-body" aria-hidden={blurred.to_string()}>
                <div class="prompt" aria-label="Prompt">
                    if let Some(prompt) = &task.prompt {
                        <h2 class="section-title">{ "Prompt" }</h2>
                        <Markdown source={AttrValue::from(prompt.clone())} />
                    }
                    if let Some(turns) = &task.conversation {
                        <h2 class="section-title">{ "Conversation" }</h2>
                        <ol class="conversation">
                            { for turns.iter().map(|turn| html! {
                                <li class={classes!("turn", format!("role-{}", turn.role))}>
                                    <span class="role">{ &turn.role }</span>
                                    <Markdown source={AttrValue::from(turn.content.plain_text().into_owned())} />
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
                                content={AttrValue::from(output.content.plain_text().into_owned())} rank={rank_of(position)} />
                        }
                    }) }
                </div>
            </div>
        </section>
    }
}
