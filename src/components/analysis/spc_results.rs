//! What the SPC tab draws from the worker's `SpcView`: one control chart per key, the table of
//! every signal, KPI flags with n and interval, the strata heatmap and "what changed".

use std::rc::Rc;

use crate::t;
use verdict_core::spc::kpi::KpiStatus;
use verdict_core::spc::view::SpcView;
use verdict_core::stats::contingency::TableTest;
use yew::prelude::*;

use super::format::{coefficient, interval, percent};
use crate::components::charts::{ControlChart, Heatmap};

/// Props of [`SpcResults`].
#[derive(Properties, PartialEq)]
pub struct SpcResultsProps {
    /// The worker's answer.
    pub view: Rc<SpcView>,
    /// The chart's name as chosen.
    pub chart: String,
}

/// Charts, signals, KPIs, strata.
#[function_component(SpcResults)]
pub fn spc_results(props: &SpcResultsProps) -> Html {
    let view = &props.view;
    let chart_html = match &view.chart {
        None => html! { <p class="errors" role="alert">{ t!("qc-no-chart", reason = view.chart_error.clone().unwrap_or_default()) }</p> },
        Some(chart) => {
            let mut periods: Vec<String> = chart.points.iter().map(|p| p.period.clone()).collect();
            periods.sort();
            periods.dedup();
            let mut keys: Vec<&str> = Vec::new();
            for point in &chart.points {
                if !keys.contains(&point.key.as_str()) {
                    keys.push(&point.key);
                }
            }
            html! { <>
                <p class="muted small">{ t!("qc-phase", phase = chart.phase.phase.clone(), subgroups = chart.phase.baseline_subgroups as f64, centre = coefficient(Some(chart.centre))) }</p>
                <div class="control-charts">
                { for keys.iter().map(|key| {
                    let points: Vec<_> = chart.points.iter().filter(|p| p.key == *key).cloned().collect();
                    let signalled: Vec<String> = chart.signals.iter().filter(|s| s.key == *key).map(|s| s.period.clone()).collect();
                    html! { <figure>
                        <figcaption>{ format!("{} · {}", key, props.chart) }</figcaption>
                        <ControlChart title={t!("qc-chart-title", chart = props.chart.clone(), key = key.to_string())} periods={periods.clone()} {points} {signalled}
                            events={view.events.clone()} signal_word={t!("qc-signal")} />
                    </figure> }
                }) }
                </div>
                <table class="data">
                    <caption>{ t!("qc-signals-caption", count = chart.signals.len() as f64) }</caption>
                    <thead><tr><th>{ t!("qc-chart") }</th><th>{ t!("qc-key") }</th><th>{ t!("qc-period") }</th><th>{ t!("qc-rule") }</th>
                        <th class="num">{ t!("qc-value") }</th><th class="num">{ t!("qc-lcl") }</th><th class="num">{ t!("qc-ucl") }</th></tr></thead>
                    <tbody>{ for chart.signals.iter().map(|s| html! { <tr>
                        <td>{ &s.chart }</td><td>{ &s.key }</td><td>{ &s.period }</td><td>{ &s.rule }</td>
                        <td class="num">{ coefficient(Some(s.value)) }</td><td class="num">{ coefficient(Some(s.lcl)) }</td><td class="num">{ coefficient(Some(s.ucl)) }</td>
                    </tr> }) }</tbody>
                </table>
            </> }
        }
    };
    html! { <>
        { chart_html }
        if !view.kpi.is_empty() {
            <table class="data">
                <caption>{ t!("qc-kpi-caption", target = percent(Some(view.kpi_target)), min = view.kpi_min_n as f64) }</caption>
                <thead><tr><th>{ t!("qc-key") }</th><th class="num">{ "n" }</th><th class="num">{ t!("qc-kpi-share") }</th><th>{ t!("qc-interval") }</th>
                    <th class="num">{ t!("qc-q-value") }</th><th>{ t!("qc-status") }</th></tr></thead>
                <tbody>{ for view.kpi.iter().map(|k| html! { <tr>
                    <td>{ &k.key }</td><td class="num">{ k.n }</td><td class="num">{ percent(k.value) }</td><td>{ interval(k.ci_low, k.ci_high) }</td>
                    <td class="num">{ coefficient(k.q_value) }</td>
                    <td>{ match k.status { KpiStatus::BelowTarget => t!("qc-status-below"), KpiStatus::Meets => t!("qc-status-meets"), KpiStatus::InsufficientEvidence => t!("qc-status-insufficient") } }</td>
                </tr> }) }</tbody>
            </table>
            <p class="muted small">{ t!("qc-bh-statement", count = view.kpi.iter().filter(|k| k.q_value.is_some()).count() as f64) }</p>
        }
        if let Some(strata) = &view.strata {
            <Heatmap title={t!("qc-strata-title")} rows={strata.rows.iter().map(|r| blank(r)).collect::<Vec<_>>()} columns={strata.columns.iter().map(|c| blank(c)).collect::<Vec<_>>()}
                values={strata.rows.iter().map(|r| strata.columns.iter().map(|c| strata.cells.iter().find(|x| &x.row == r && &x.column == c).map(|x| x.rate)).collect()).collect::<Vec<Vec<Option<f64>>>>()}
                notes={Some(strata.rows.iter().map(|r| strata.columns.iter().map(|c| strata.cells.iter().find(|x| &x.row == r && &x.column == c).map_or_else(String::new, |x| format!("{}/{}", x.count, x.n))).collect()).collect::<Vec<Vec<String>>>())}
                min={0.0} max={strata.cells.iter().map(|c| c.rate).fold(0.0, f64::max).max(0.01)} />
        }
        if let Some(changed) = &view.changed {
            <table class="data">
                <caption>{ t!("qc-changed-caption", before = format!("{}..{}", changed.before.0, changed.before.1), after = format!("{}..{}", changed.after.0, changed.after.1),
                    from = percent(changed.before_rate), to = percent(changed.after_rate)) }</caption>
                <thead><tr><th>{ t!("qc-stratum") }</th><th class="num">{ t!("qc-before") }</th><th class="num">{ t!("qc-after") }</th>
                    <th class="num">{ t!("qc-contribution") }</th><th>{ t!("qc-test") }</th><th class="num">{ "p" }</th><th class="num">{ t!("qc-q-value") }</th></tr></thead>
                <tbody>{ for changed.strata.iter().map(|s| html! { <tr>
                    <td>{ format!("{} × {}", blank(&s.row), blank(&s.column)) }</td>
                    <td class="num">{ format!("{}/{}", s.before_count, s.before_n) }</td><td class="num">{ format!("{}/{}", s.after_count, s.after_n) }</td>
                    <td class="num">{ coefficient(Some(s.contribution)) }</td>
                    <td>{ match s.test { Some(TableTest::Fisher) => "Fisher", Some(TableTest::ChiSquared) => "χ² (Yates)", None => "–" } }</td>
                    <td class="num">{ coefficient(s.p_value) }</td><td class="num">{ coefficient(s.q_value) }</td>
                </tr> }) }</tbody>
            </table>
        }
    </> }
}

fn blank(value: &str) -> String {
    if value.is_empty() {
        "–".to_owned()
    } else {
        value.to_owned()
    }
}
