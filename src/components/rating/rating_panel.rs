//! The rating panel: the preference (or ranking) row, then every criterion row.

use verdict_core::session::{Action, Row, Session};
use yew::prelude::*;

use super::criterion_row::CriterionRow;
use crate::state::rating::RatingState;
use crate::t;

/// Props of [`RatingPanel`].
#[derive(Properties, PartialEq)]
pub struct RatingPanelProps {
    /// The rating state.
    pub state: UseReducerHandle<RatingState>,
    /// Show every criterion's help (the `h` key).
    #[prop_or_default]
    pub show_help: bool,
}

/// All rows; the active one is highlighted and answered by digits.
#[function_component(RatingPanel)]
pub fn rating_panel(props: &RatingPanelProps) -> Html {
    let session: &Session = &props.state.0;
    let dispatch = {
        let state = props.state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let labels = session.position_labels();
    let rows = session.rows();
    {
        // Keys move the active row: keep it in view, clear of the sticky bars (the rows'
        // scroll-margin in verdict.css). Not on a new item: that starts at the top.
        let last = use_mut_ref(|| (session.current, session.focus));
        use_effect_with((session.current, session.focus), move |&(current, focus)| {
            let moved = {
                let previous = *last.borrow();
                previous.0 == current && previous.1 != focus
            };
            *last.borrow_mut() = (current, focus);
            if moved {
                if let Ok(Some(row)) = gloo::utils::document().query_selector(&format!("[data-row=\"{focus}\"]")) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    row.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    html! {
        <section class="panel" aria-label={t!("rating-panel")}>
            { for rows.iter().enumerate().map(|(index, row)| {
                let active = index == session.focus;
                match row {
                    Row::Preference => preference_row(session, index, active, &dispatch),
                    Row::Ranking => ranking_row(session, &labels, index, active, &dispatch),
                    Row::Criterion { criterion, position } => {
                        let criterion = session.eval.rubric.criteria[*criterion].clone();
                        let answer_key = session.answer_key(row).expect("criterion rows have keys");
                        let target = match position {
                            Some(p) if labels.len() > 1 => t!("criterion-for-output", output = labels[*p as usize].clone()),
                            _ => String::new(),
                        };
                        html! { <CriterionRow {criterion} answer={session.draft.answers.get(&answer_key).cloned()}
                            {answer_key} target={target} {active} row={index} on_action={dispatch.clone()} show_help={props.show_help} /> }
                    }
                }
            }) }
        </section>
    }
}

fn focus_row(dispatch: &Callback<Action>, row: usize) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.emit(Action::Focus(row)))
}

/// The preference scale's labels: the rubric's words, or the built-in scale in the rater's language.
fn scale_labels(scale: &[String]) -> Vec<String> {
    if scale.iter().map(String::as_str).eq(verdict_core::rubric::DEFAULT_SCALE) {
        vec![t!("preference-default-a-better"), t!("preference-default-tie"), t!("preference-default-b-better")]
    } else {
        scale.to_vec()
    }
}

fn preference_row(session: &Session, row: usize, active: bool, dispatch: &Callback<Action>) -> Html {
    let preference = &session.eval.rubric.preference;
    html! {
        <div class={classes!("row", "preference", active.then_some("active"))} data-row={row.to_string()} onclick={focus_row(dispatch, row)}>
            <div class="row-label"><span>{ t!("preference-question") }</span><span class="required">{ "*" }</span></div>
            <div class="choices scale" role="radiogroup" aria-label={t!("preference-label")}>
                { for scale_labels(&preference.scale).into_iter().enumerate().map(|(index, label)| {
                    let dispatch = dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Prefer(index)));
                    let pressed = (session.draft.preference == Some(index) && !session.draft.both_bad).to_string();
                    html! { <button role="radio" aria-checked={pressed} {onclick}><span dir="auto">{ label }</span><kbd>{ index + 1 }</kbd></button> }
                }) }
                if preference.allow_both_bad {
                    <button class="both-bad" role="radio" aria-checked={session.draft.both_bad.to_string()}
                        onclick={dispatch.reform(|_: MouseEvent| Action::BothBad)}>{ t!("preference-both-bad") }<kbd>{ "x" }</kbd></button>
                }
            </div>
        </div>
    }
}

fn ranking_row(session: &Session, labels: &[String], row: usize, active: bool, dispatch: &Callback<Action>) -> Html {
    let ranking = &session.draft.ranking;
    let allow_both_bad = session.eval.rubric.preference.allow_both_bad;
    html! {
        <div class={classes!("row", "ranking", active.then_some("active"))} data-row={row.to_string()} onclick={focus_row(dispatch, row)}>
            <div class="row-label">
                <span>{ t!("ranking-question") }</span><span class="required">{ "*" }</span>
                <span class="muted small">{ t!("ranking-hint") }</span>
            </div>
            <div class="choices" role="group" aria-label={t!("ranking-label")}>
                { for labels.iter().enumerate().map(|(position, label)| {
                    let dispatch = dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::RankNext(position as u32)));
                    let rank = ranking.iter().position(|&p| p as usize == position);
                    html! { <button aria-pressed={rank.is_some().to_string()} {onclick}>
                        { t!("output-label", label = label.clone()) }
                        if let Some(rank) = rank { <span class="rank-badge">{ format!("#{}", rank + 1) }</span> }
                        <kbd>{ position + 1 }</kbd></button> }
                }) }
                <button onclick={dispatch.reform(|_: MouseEvent| Action::RankUndo)} disabled={ranking.is_empty()}>{ t!("ranking-undo") }<kbd>{ "⌫" }</kbd></button>
                if allow_both_bad {
                    <button class="both-bad" aria-pressed={session.draft.both_bad.to_string()}
                        onclick={dispatch.reform(|_: MouseEvent| Action::BothBad)}>{ t!("ranking-all-bad") }<kbd>{ "x" }</kbd></button>
                }
            </div>
            <p class="ranking-order" aria-live="polite">
                { if ranking.is_empty() { t!("ranking-empty") } else {
                    ranking.iter().map(|&p| t!("output-label", label = labels[p as usize].clone())).collect::<Vec<_>>().join(" > ")
                } }
            </p>
        </div>
    }
}
