//! Leaderboard: Bradley–Terry ratings with CIs, win-rate matrix, bias diagnostics.

use crate::t;
use verdict_core::report::QualityReport;
use yew::prelude::*;

use super::format::percent;
use crate::components::charts::{Heatmap, IntervalChart, IntervalRow};
use crate::state::analysis::SliceBoard;

/// Props of [`LeaderboardView`].
#[derive(Properties, PartialEq)]
pub struct LeaderboardViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
    /// Ask for one leaderboard per slice: `criterion` or `meta.FIELD` (empty: none).
    pub on_slice: Callback<String>,
    /// The sliced leaderboards, once computed (or why they could not be).
    pub slices: Option<std::rc::Rc<Result<Vec<SliceBoard>, String>>>,
    /// A slicing is being computed.
    pub slicing: bool,
}

/// Models in the win-rate matrix.
const MAX_MATRIX: usize = 30;

/// Ratings with error bars, the table, the win matrix and position bias.
#[function_component(LeaderboardView)]
pub fn leaderboard_view(props: &LeaderboardViewProps) -> Html {
    let board = &props.report.leaderboard;
    let bias = &props.report.bias.overall;
    let rows: Vec<IntervalRow> =
        board.models.iter().map(|m| IntervalRow { label: m.model.clone(), value: m.rating, low: m.ci_low, high: m.ci_high }).collect();
    let matrix = &board.win_matrix;
    // The matrix in rank order, the highest-rated first: 30 × 30 cells stay readable and quick
    // to draw; an arena of 100 models would be 10,000.
    let n = matrix.models.len().min(MAX_MATRIX);
    let rates: Vec<Vec<Option<f64>>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let battles = matrix.wins[i][j] + matrix.wins[j][i] + matrix.ties[i][j];
                    (i != j && battles > 0).then(|| (matrix.wins[i][j] as f64 + matrix.ties[i][j] as f64 / 2.0) / battles as f64)
                })
                .collect()
        })
        .collect();
    html! {
        <section aria-label={t!("q-leaderboard-leaderboard")}>
            <h3>{ t!("q-leaderboard-title", battles = board.n_battles) }</h3>
            <IntervalChart title={t!("q-leaderboard-model-ratings-with-95-confidence")} {rows} />
            <table class="data">
                <thead><tr><th>{ t!("q-leaderboard-rank") }</th><th>{ t!("q-leaderboard-model") }</th><th class="num">{ t!("q-leaderboard-rating") }</th><th>{ t!("q-agreement-95-ci") }</th><th>{ t!("q-leaderboard-rank-range") }</th>
                    <th class="num">{ t!("q-leaderboard-wins") }</th><th class="num">{ t!("q-leaderboard-losses") }</th><th class="num">{ t!("q-leaderboard-ties") }</th><th class="num">{ t!("q-leaderboard-win-rate") }</th><th>{ t!("q-adjudication-note-2") }</th></tr></thead>
                <tbody>
                { for board.models.iter().map(|m| html! {
                    <tr>
                        <td>{ m.rank.map_or_else(|| "–".into(), |r| r.to_string()) }</td><td>{ &m.model }</td>
                        <td class="num">{ m.rating.map_or_else(|| "–".into(), |r| crate::i18n::number(r, 1)) }</td>
                        <td>{ match (m.ci_low, m.ci_high) { (Some(l), Some(h)) => format!("[{}, {}]", crate::i18n::number(l, 1), crate::i18n::number(h, 1)), _ => String::new() } }</td>
                        <td>{ match (m.rank_best, m.rank_worst) { (Some(b), Some(w)) if b != w => format!("{b}–{w}"), (Some(b), Some(_)) => b.to_string(), _ => String::new() } }</td>
                        <td class="num">{ m.wins }</td><td class="num">{ m.losses }</td><td class="num">{ m.ties }</td>
                        <td class="num">{ percent(m.win_rate) }</td><td class="muted small">{ m.note.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <h3>{ t!("q-leaderboard-win-rate-of-row-over") }</h3>
            if n < matrix.models.len() { <p class="muted small">{ t!("q-leaderboard-matrix-top", shown = n, total = matrix.models.len()) }</p> }
            <Heatmap title={t!("q-leaderboard-win-rate-matrix")} rows={matrix.models[..n].to_vec()} columns={matrix.models[..n].to_vec()} values={rates} min={0.0} max={1.0} />
            <h3>{ t!("q-leaderboard-bias-diagnostics") }</h3>
            <ul class="bias">
                <li>{ t!("q-bias-position", wins = bias.first_shown_wins, decisive = bias.positioned_decisive, share = percent(bias.first_shown_win_rate),
                    p = bias.position_p_value.map_or_else(|| "–".into(), |p| format!("{p:.2e}"))) }</li>
                <li>{ t!("q-bias-ties", ties = percent(bias.tie_rate), both_bad = percent(bias.both_bad_rate)) }</li>
                <li>{ match &bias.length {
                    Some(length) => t!("q-bias-length", wins = length.longer_wins, decisive = length.decisive_different_length, share = percent(length.longer_win_rate)),
                    None => t!("q-bias-length-needs-tasks"),
                } }</li>
            </ul>
            if !board.notes.is_empty() { <ul class="muted small">{ for board.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
            <h3>{ t!("q-leaderboard-slices") }</h3>
            <form class="slice-controls" onsubmit={{
                let on_slice = props.on_slice.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let form: web_sys::HtmlFormElement = e.target_unchecked_into();
                    let field = js_sys::Reflect::get(&form, &"slice".into()).ok()
                        .and_then(|input| js_sys::Reflect::get(&input, &"value".into()).ok())
                        .and_then(|v| v.as_string()).unwrap_or_default();
                    on_slice.emit(field.trim().to_owned());
                })
            }}>
                <label>{ t!("q-leaderboard-one-leaderboard-per") }
                    <input name="slice" type="text" aria-label={t!("q-leaderboard-slice-by")} placeholder={t!("q-leaderboard-criterion-or-meta-field-e")} /></label>
                <button type="submit" disabled={props.slicing}>{ if props.slicing { t!("q-leaderboard-computing") } else { t!("q-leaderboard-show-slices") } }</button>
                <span class="muted small">{ t!("q-leaderboard-meta-fields-need-the-task") }</span>
            </form>
            { match props.slices.as_deref() {
                None => html! {},
                Some(Err(message)) => html! { <p class="errors" role="alert">{ message }</p> },
                Some(Ok(boards)) if boards.is_empty() => html! { <p class="muted">{ t!("q-leaderboard-no-slice-has-battles") }</p> },
                Some(Ok(boards)) => html! { <>{ for boards.iter().map(|slice| {
                    let rows: Vec<IntervalRow> = slice.leaderboard.models.iter()
                        .map(|m| IntervalRow { label: m.model.clone(), value: m.rating, low: m.ci_low, high: m.ci_high }).collect();
                    html! { <div class="slice">
                        <h4>{ t!("q-slice-title", name = &slice.name, battles = slice.leaderboard.n_battles) }</h4>
                        <IntervalChart title={t!("q-slice-chart", name = &slice.name)} {rows} />
                    </div> }
                }) }</> },
            } }
        </section>
    }
}
