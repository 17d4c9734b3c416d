//! One disputed item: the item itself, every annotator's answer, and the adjudication form.

use crate::t;
use verdict_core::adjudication::{Adjudication, SCHEMA};
use verdict_core::judgment::{BOTH_BAD, TIE};
use verdict_core::report::Disagreement;
use verdict_core::Task;
use yew::prelude::*;

use crate::components::content::{content_html, use_rich_view};

use crate::components::common::Markdown;
use crate::state::browser::now_ms;

/// Props of [`AdjudicationPanel`].
#[derive(Properties, PartialEq)]
pub struct AdjudicationPanelProps {
    /// The disputed item.
    pub item: Disagreement,
    /// Its task (prompt and outputs), when a task file was loaded.
    pub task: Option<Task>,
    /// The adjudication saved before, if any.
    pub saved: Option<Adjudication>,
    /// Root-cause tags to choose from.
    pub root_causes: Vec<String>,
    /// Who adjudicates.
    pub adjudicator: AttrValue,
    /// Save the adjudication.
    pub on_save: Callback<Adjudication>,
}

/// Side-by-side item, answers table and form.
#[function_component(AdjudicationPanel)]
pub fn adjudication_panel(props: &AdjudicationPanelProps) -> Html {
    let revealed = use_state(|| false);
    let item = &props.item;
    let mut options: Vec<String> = match &props.task {
        Some(task) => task.outputs.iter().map(|o| o.model.clone()).collect(),
        None => item.answers.iter().filter_map(|a| a.winner.clone()).filter(|w| w != TIE && w != BOTH_BAD).collect(),
    };
    options.sort();
    options.dedup();
    options.extend([TIE.to_owned(), BOTH_BAD.to_owned()]);
    let choice = use_state(|| props.saved.as_ref().and_then(|a| a.preference.clone()));
    let cause =
        use_state(|| props.saved.as_ref().map_or_else(|| props.root_causes.first().cloned().unwrap_or_default(), |a| a.root_cause.clone()));
    let note = use_state(|| props.saved.as_ref().map(|a| a.note.clone()).unwrap_or_default());
    let title = use_node_ref();
    {
        // A different item: start from its own saved adjudication, and take the keyboard focus
        // there (the list's Enter opens the item; Tab then walks its form).
        let (choice, cause, note, saved, first) =
            (choice.clone(), cause.clone(), note.clone(), props.saved.clone(), props.root_causes.first().cloned());
        let title = title.clone();
        use_effect_with(item.item_id.clone(), move |_| {
            if let Some(heading) = title.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
            choice.set(saved.as_ref().and_then(|a| a.preference.clone()));
            cause.set(saved.as_ref().map_or_else(|| first.unwrap_or_default(), |a| a.root_cause.clone()));
            note.set(saved.as_ref().map(|a| a.note.clone()).unwrap_or_default());
        });
    }
    let save = {
        let (choice, cause, note, on_save) = ((*choice).clone(), (*cause).clone(), (*note).clone(), props.on_save.clone());
        let (item_id, adjudicator) = (item.item_id.clone(), props.adjudicator.to_string());
        Callback::from(move |_: MouseEvent| {
            on_save.emit(Adjudication {
                schema: SCHEMA.into(),
                item_id: item_id.clone(),
                preference: choice.clone(),
                scores: Default::default(),
                root_cause: cause.clone(),
                note: note.clone(),
                adjudicator: adjudicator.clone(),
                decided_at: verdict_core::time::rfc3339_from_unix_ms(now_ms()),
            })
        })
    };
    // Sensitive or flagged content blurs here as on the rating page (issue #19).
    let sensitive = props.task.as_ref().is_some_and(|t| t.is_sensitive())
        || item.answers.iter().any(|a| a.flags.iter().flatten().any(|f| f == verdict_core::session::HARMFUL_FLAG));
    let blurred = sensitive && !*revealed;
    let view = use_rich_view(&item.item_id, sensitive);
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_| revealed.set(true))
    };
    html! {
        <section class="adjudication card" aria-label={t!("uploads-item", id = &item.item_id)}>
            <h3 tabindex="-1" class="adjudication-title" ref={title}>{ t!("q-adjudication-title", id = &item.item_id, count = item.n_judgments, disagreement = crate::i18n::number(item.disagreement, 2)) }</h3>
            if let Some(task) = &props.task {
              <div class={classes!("item", blurred.then_some("blurred"))}>
                if blurred {
                    <div class="sensitive-cover">
                        <p>{ t!("item-sensitive") }</p>
                        <button class="primary" onclick={reveal}>{ t!("q-adjudication-reveal") }</button>
                    </div>
                }
                <div class="item-body" aria-hidden={blurred.to_string()} inert={blurred}>
                if let Some(prompt) = &task.prompt { <div class="prompt"><Markdown source={AttrValue::from(prompt.clone())} /></div> }
                <div class={classes!("outputs", format!("n{}", task.outputs.len().min(4)))}>
                    { for task.outputs.iter().map(|o| html! {
                        <article class="output" aria-label={t!("q-adjudication-output-of", model = &o.model)} tabindex="0">
                            <header><span class="output-label">{ &o.model }</span></header>
                            { content_html(&o.content, &view) }
                        </article>
                    }) }
                </div>
                </div>
              </div>
            } else {
                <p class="muted small">{ t!("q-adjudication-load-the-task-file-to") }</p>
            }
            <table class="data">
                <thead><tr><th>{ t!("q-adjudication-annotator") }</th><th>{ t!("q-adjudication-group") }</th><th>{ t!("q-adjudication-preferred") }</th><th>{ t!("q-adjudication-scores") }</th><th>{ t!("q-adjudication-flags") }</th></tr></thead>
                <tbody>
                { for item.answers.iter().map(|a| html! {
                    <tr>
                        <td>{ &a.annotator }</td><td>{ a.group.clone().unwrap_or_default() }</td>
                        <td>{ a.winner.clone().unwrap_or_else(|| "–".into()) }</td>
                        <td class="small">{ a.scores.as_ref().map(|s| serde_json::Value::Object(s.clone()).to_string()).unwrap_or_default() }</td>
                        <td class="small">{ a.flags.clone().unwrap_or_default().join(", ") }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <fieldset class="adjudicate">
                <legend>{ t!("q-adjudication-final-answer") }</legend>
                <div class="choices" role="radiogroup" aria-label={t!("q-adjudication-final-preference")} onkeydown={radio_keys(&options, &choice)}>
                    { for options.iter().enumerate().map(|(index, option)| {
                        let (choice_state, value) = (choice.clone(), option.clone());
                        let checked = choice.as_deref() == Some(option.as_str());
                        // Roving focus: the chosen answer (or the first) is the group's one tab stop.
                        let tab_stop = checked || (choice.is_none() && index == 0);
                        html! { <button type="button" role="radio" aria-checked={checked.to_string()} tabindex={if tab_stop { "0" } else { "-1" }}
                            data-option={index.to_string()} onclick={Callback::from(move |_| choice_state.set(Some(value.clone())))}>{ option }</button> }
                    }) }
                </div>
                <label>{ t!("q-adjudication-root-cause") }
                    <select aria-label={t!("q-adjudication-root-cause-2")} onchange={{
                        let cause = cause.clone();
                        Callback::from(move |e: Event| cause.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
                    }}>
                        { for props.root_causes.iter().map(|c| html! { <option value={c.clone()} selected={*c == *cause}>{ c }</option> }) }
                    </select>
                </label>
                <label class="note">{ t!("q-adjudication-note") }
                    <input type="text" aria-label={t!("q-adjudication-note-2")} value={(*note).clone()} oninput={{
                        let note = note.clone();
                        Callback::from(move |e: InputEvent| note.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
                    }} />
                </label>
                <button class="primary" type="button" disabled={choice.is_none()} onclick={save}>
                    { if props.saved.is_some() { t!("q-adjudication-update-adjudication") } else { t!("q-adjudication-save-adjudication") } }
                </button>
                if let Some(saved) = &props.saved { <span class="badge">{ t!("q-adjudication-saved-at", time = crate::i18n::date_time(js_sys::Date::parse(&saved.decided_at))) }</span> }
            </fieldset>
        </section>
    }
}

/// Arrow keys inside the final-answer radio group move the choice and the focus (WAI-ARIA radio
/// group pattern): → and ↓ to the next answer, ← and ↑ to the previous, Home and End to the ends.
fn radio_keys(options: &[String], choice: &UseStateHandle<Option<String>>) -> Callback<KeyboardEvent> {
    let (options, choice) = (options.to_vec(), choice.clone());
    Callback::from(move |event: KeyboardEvent| {
        let n = options.len();
        let current = choice.as_ref().and_then(|c| options.iter().position(|o| o == c));
        let next = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => current.map_or(0, |i| (i + 1) % n),
            "ArrowLeft" | "ArrowUp" => current.map_or(n - 1, |i| (i + n - 1) % n),
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        event.prevent_default();
        choice.set(Some(options[next].clone()));
        let group = event.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        if let Some(button) = group.and_then(|g| g.query_selector(&format!("[data-option=\"{next}\"]")).ok().flatten()) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
        }
    })
}
