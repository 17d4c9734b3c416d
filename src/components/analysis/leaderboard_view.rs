//! Leaderboard: Bradley–Terry ratings with CIs, win-rate matrix, bias diagnostics.

use verdict_core::report::QualityReport;
use yew::prelude::*;

use super::format::percent;
use crate::components::charts::{Heatmap, IntervalChart, IntervalRow};

/// Props of [`LeaderboardView`].
#[derive(Properties, PartialEq)]
pub struct LeaderboardViewProps {
    /// The report.
    pub report: std::rc::Rc<QualityReport>,
}

/// Ratings with error bars, the table, the win matrix and position bias.
#[function_component(LeaderboardView)]
pub fn leaderboard_view(props: &LeaderboardViewProps) -> Html {
    let board = &props.report.leaderboard;
    let bias = &props.report.bias.overall;
    let rows: Vec<IntervalRow> = board
        .models
        .iter()
        .map(|m| IntervalRow { label: m.model.clone(), value: m.rating, low: m.ci_low, high: m.ci_high })
        .collect();
    let matrix = &board.win_matrix;
    let n = matrix.models.len();
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
        <section aria-label="Leaderboard">
            <h3>{ format!("Bradley–Terry ratings (Elo scale), 95% bootstrap CI over {} battles", board.n_battles) }</h3>
            <IntervalChart title="Model ratings with 95% confidence intervals" {rows} />
            <table class="data">
                <thead><tr><th>{ "Rank" }</th><th>{ "Model" }</th><th class="num">{ "Rating" }</th><th>{ "95% CI" }</th><th>{ "Rank range" }</th>
                    <th class="num">{ "Wins" }</th><th class="num">{ "Losses" }</th><th class="num">{ "Ties" }</th><th class="num">{ "Win rate" }</th><th>{ "Note" }</th></tr></thead>
                <tbody>
                { for board.models.iter().map(|m| html! {
                    <tr>
                        <td>{ m.rank.map_or_else(|| "–".into(), |r| r.to_string()) }</td><td>{ &m.model }</td>
                        <td class="num">{ m.rating.map_or_else(|| "–".into(), |r| format!("{r:.1}")) }</td>
                        <td>{ match (m.ci_low, m.ci_high) { (Some(l), Some(h)) => format!("[{l:.1}, {h:.1}]"), _ => String::new() } }</td>
                        <td>{ match (m.rank_best, m.rank_worst) { (Some(b), Some(w)) if b != w => format!("{b}–{w}"), (Some(b), Some(_)) => b.to_string(), _ => String::new() } }</td>
                        <td class="num">{ m.wins }</td><td class="num">{ m.losses }</td><td class="num">{ m.ties }</td>
                        <td class="num">{ percent(m.win_rate) }</td><td class="muted small">{ m.note.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <h3>{ "Win rate of row over column (ties count half)" }</h3>
            <Heatmap title="Win-rate matrix" rows={matrix.models.clone()} columns={matrix.models.clone()} values={rates} min={0.0} max={1.0} />
            <h3>{ "Bias diagnostics" }</h3>
            <ul class="bias">
                <li>{ format!("Output shown first won {} of {} decisive battles ({}); two-sided binomial p = {}",
                    bias.first_shown_wins, bias.positioned_decisive, percent(bias.first_shown_win_rate),
                    bias.position_p_value.map_or_else(|| "–".into(), |p| format!("{p:.2e}"))) }</li>
                <li>{ format!("Ties: {} · both bad: {}", percent(bias.tie_rate), percent(bias.both_bad_rate)) }</li>
                <li>{ match &bias.length {
                    Some(length) => format!("The longer output won {} of {} decisive battles with different lengths ({})", length.longer_wins, length.decisive_different_length, percent(length.longer_win_rate)),
                    None => "Length bias needs the task file (output texts).".to_owned(),
                } }</li>
            </ul>
            if !board.notes.is_empty() { <ul class="muted small">{ for board.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
        </section>
    }
}
