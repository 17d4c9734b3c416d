//! Annotators and sites: sortable per-annotator table, per-group roll-up, KPI pass/fail, trend.

use std::rc::Rc;

use crate::t;
use verdict_core::report::{AnnotatorRow, Kpi, QualityReport};
use yew::prelude::*;

use super::format::{coefficient, percent, seconds};
use crate::components::charts::Heatmap;

/// Props of [`AnnotatorsView`].
#[derive(Properties, PartialEq)]
pub struct AnnotatorsViewProps {
    /// The report.
    pub report: Rc<QualityReport>,
    /// New KPI thresholds (the workspace saves them and recomputes).
    pub on_kpi: Callback<Kpi>,
}

#[derive(Clone, Copy, PartialEq)]
enum Column {
    Annotator,
    Group,
    Judgments,
    Median,
    AlphaDelta,
    Kappa,
    Gold,
    Position,
    Ties,
    Flags,
    Pass,
}

const COLUMNS: &[(Column, &str)] = &[
    (Column::Annotator, "q-col-annotator"),
    (Column::Group, "q-col-group"),
    (Column::Judgments, "q-col-judgments"),
    (Column::Median, "q-col-median"),
    (Column::AlphaDelta, "q-col-alpha-delta"),
    (Column::Kappa, "q-col-kappa"),
    (Column::Gold, "q-col-gold"),
    (Column::Position, "q-col-position"),
    (Column::Ties, "q-col-ties"),
    (Column::Flags, "q-col-flags"),
    (Column::Pass, "q-col-pass"),
];

/// Rows shown at once: a report of 20,000 annotators shows them page by page.
const PAGE: usize = 100;

fn sort_key(row: &AnnotatorRow, column: Column) -> (Option<f64>, &str) {
    let number = |v: Option<f64>| (v, "");
    match column {
        Column::Annotator => (None, row.annotator.as_str()),
        Column::Group => (None, row.group.as_deref().unwrap_or_default()),
        Column::Judgments => number(Some(row.judgments as f64)),
        Column::Median => number(row.median_seconds),
        Column::AlphaDelta => number(row.alpha_delta),
        Column::Kappa => number(row.mean_cohen_kappa),
        Column::Gold => number(row.gold_accuracy),
        Column::Position => number(row.position_bias),
        Column::Ties => number(row.tie_rate),
        Column::Flags => number(row.flag_rate),
        Column::Pass => number(Some(f64::from(u8::from(row.pass)))),
    }
}

/// The rows' positions in display order: by `column` (undefined numbers last either way), then by annotator.
fn sorted(rows: &[AnnotatorRow], column: Column, descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let (ka, kb) = (sort_key(a, column), sort_key(b, column));
        let order = match (ka.0, kb.0) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => ka.1.cmp(kb.1),
        };
        let order = if descending && ka.0.is_some() && kb.0.is_some() || descending && ka.0.is_none() && kb.0.is_none() {
            order.reverse()
        } else {
            order
        };
        order.then_with(|| a.annotator.cmp(&b.annotator))
    });
    order
}

/// Per-annotator and per-group quality with KPI thresholds.
#[function_component(AnnotatorsView)]
pub fn annotators_view(props: &AnnotatorsViewProps) -> Html {
    let report = &props.report;
    let sort = use_state(|| (Column::Judgments, true));
    let page = use_state(|| 0usize);
    let kpi = use_state(|| report.kpi.clone());
    let (column, descending) = *sort;
    // The order is computed once per report and sort column, not at every render.
    let order = {
        let report = report.clone();
        use_memo((Rc::as_ptr(&report) as usize, column, descending), move |(_, column, descending)| {
            sorted(&report.annotators, *column, *descending)
        })
    };
    let start = (*page * PAGE).min(order.len().saturating_sub(1) / PAGE * PAGE);
    let rows: Vec<&AnnotatorRow> = order.iter().skip(start).take(PAGE).map(|&at| &report.annotators[at]).collect();
    let header = |(col, label): &(Column, &'static str)| {
        let (sort, page) = (sort.clone(), page.clone());
        let col = *col;
        let onclick = Callback::from(move |_| {
            let (current, descending) = *sort;
            sort.set((col, if current == col { !descending } else { true }));
            page.set(0);
        });
        let state = if column == col {
            if descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! { <th aria-sort={state}><button class="sort" {onclick}>{ crate::i18n::t(label) }</button></th> }
    };
    let kpi_input = |label: &'static str, value: f64, set: fn(&mut Kpi, f64)| {
        let kpi = kpi.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Ok(v) = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse::<f64>() {
                let mut next = (*kpi).clone();
                set(&mut next, v);
                kpi.set(next);
            }
        });
        html! { <label>{ crate::i18n::t(label) }<input type="number" step="0.01" min="0" max="1" value={value.to_string()} {oninput} /></label> }
    };
    let apply = {
        let (kpi, on_kpi) = (kpi.clone(), props.on_kpi.clone());
        Callback::from(move |_| on_kpi.emit((*kpi).clone()))
    };
    let periods: Vec<String> = {
        let mut p: Vec<String> = report.trend.iter().map(|t| t.period.clone()).collect();
        p.sort();
        p.dedup();
        p
    };
    let trend_groups: Vec<String> = report.groups.iter().map(|g| g.group.clone()).collect();
    let trend_values: Vec<Vec<Option<f64>>> = trend_groups
        .iter()
        .map(|g| {
            periods
                .iter()
                .map(|p| report.trend.iter().find(|t| &t.group == g && &t.period == p).and_then(|t| t.percent_agreement))
                .collect()
        })
        .collect();
    html! {
        <section aria-label={t!("q-annotators-annotators-and-sites")}>
            <form class="kpi" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <strong>{ t!("q-annotators-kpi-thresholds") }</strong>
                { kpi_input("q-kpi-gold", kpi.min_gold_accuracy, |k, v| k.min_gold_accuracy = v) }
                { kpi_input("q-kpi-alpha", kpi.min_alpha, |k, v| k.min_alpha = v) }
                { kpi_input("q-kpi-position", kpi.max_position_bias, |k, v| k.max_position_bias = v) }
                <button type="button" onclick={apply}>{ t!("q-annotators-apply-and-save") }</button>
            </form>
            <table class="data sortable">
                <caption>{ t!("q-annotators-caption", count = report.annotators.len()) }</caption>
                <thead><tr>{ for COLUMNS.iter().map(header) }</tr></thead>
                <tbody>
                { for rows.iter().map(|r| html! {
                    <tr class={verdict_class(r.pass, &r.insufficient)}>
                        <td>{ &r.annotator }{ if r.is_judge { t!("q-annotators-llm-judge") } else { String::new() } }</td>
                        <td>{ r.group.clone().unwrap_or_default() }</td>
                        <td class="num">{ r.judgments }</td>
                        <td class="num">{ seconds(r.median_seconds) }</td>
                        <td class="num">{ coefficient(r.alpha_delta) }</td>
                        <td class="num">{ coefficient(r.mean_cohen_kappa) }</td>
                        <td class={classes!("num", r.failed.iter().any(|f| f == "gold_accuracy").then_some("bad"))}>{ percent(r.gold_accuracy) }{ evidence(r, "gold_accuracy") }</td>
                        <td class={classes!("num", r.failed.iter().any(|f| f == "position_bias").then_some("bad"))}>{ percent(r.position_bias) }{ evidence(r, "position_bias") }</td>
                        <td class="num">{ percent(r.tie_rate) }</td>
                        <td class="num">{ percent(r.flag_rate) }</td>
                        <td>{ kpi_verdict(&r.failed, &r.insufficient) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            if order.len() > PAGE {
                <div class="pager">
                    <button disabled={start == 0} onclick={{ let page = page.clone(); Callback::from(move |_| page.set(start / PAGE - 1)) }}>{ t!("q-disagreements-previous") }</button>
                    <span class="muted small">{ t!("q-disagreements-page", first = start + 1, last = (start + PAGE).min(order.len()), total = order.len()) }</span>
                    <button disabled={start + PAGE >= order.len()} onclick={{ let page = page.clone(); Callback::from(move |_| page.set(start / PAGE + 1)) }}>{ t!("q-disagreements-next") }</button>
                </div>
            }
            <p class="note">{ t!("q-kpi-rule", min = kpi.min_n, fdr = kpi.fdr * 100.0) }</p>
            <table class="data">
                <caption>{ t!("q-annotators-groups-sites-vendors") }</caption>
                <thead><tr><th>{ t!("q-adjudication-group") }</th><th class="num">{ t!("q-agreement-annotators") }</th><th class="num">{ t!("q-annotators-judgments") }</th><th class="num">{ "α" }</th><th>{ t!("q-agreement-95-ci") }</th><th class="num">{ t!("q-annotators-gold-accuracy") }</th><th class="num">{ t!("q-annotators-tie-rate") }</th><th>{ t!("q-annotators-kpis") }</th></tr></thead>
                <tbody>
                { for report.groups.iter().map(|g| html! {
                    <tr class={verdict_class(g.pass, &g.insufficient)}>
                        <td>{ &g.group }</td><td class="num">{ g.annotators }</td><td class="num">{ g.judgments }</td>
                        <td class={classes!("num", g.failed.iter().any(|f| f == "alpha").then_some("bad"))}>{ coefficient(g.alpha) }</td>
                        <td>{ super::format::interval(g.ci_low, g.ci_high) }</td>
                        <td class="num">{ percent(g.gold_accuracy) }</td><td class="num">{ percent(g.tie_rate) }</td>
                        <td>{ kpi_verdict(&g.failed, &g.insufficient) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            if !periods.is_empty() && !trend_groups.is_empty() {
                <h3>{ t!("q-annotators-agreement-trend-by-week-agreement") }</h3>
                <Heatmap title={t!("q-annotators-weekly-agreement-per-group")} rows={trend_groups} columns={periods} values={trend_values} min={0.0} max={1.0} />
            }
        </section>
    }
}

/// A row's KPI verdict: the KPIs below target with evidence, else those missed without enough
/// evidence, else pass (`verdict_core::report::kpi`).
fn kpi_verdict(failed: &[String], insufficient: &[String]) -> String {
    let names = |kpis: &[String]| kpis.iter().map(|k| kpi_name(k)).collect::<Vec<_>>().join(&t!("list-separator"));
    if !failed.is_empty() {
        t!("q-kpi-fail", failed = names(failed))
    } else if !insufficient.is_empty() {
        t!("q-kpi-insufficient", kpis = names(insufficient))
    } else {
        t!("q-annotators-pass")
    }
}

/// A KPI's name as its column reads (the report's ids: `gold_accuracy`, `position_bias`,
/// `alpha_delta`, and a group's `alpha`).
fn kpi_name(id: &str) -> String {
    match id {
        "gold_accuracy" => t!("q-col-gold"),
        "position_bias" => t!("q-col-position"),
        "alpha_delta" => t!("q-col-alpha-delta"),
        "alpha" => "α".to_owned(),
        other => other.to_owned(),
    }
}

/// The row's class: `fail` (below a target), `unproven` (a miss without the evidence) or `pass`.
fn verdict_class(pass: bool, insufficient: &[String]) -> &'static str {
    match (pass, insufficient.is_empty()) {
        (false, _) => "fail",
        (true, false) => "unproven",
        (true, true) => "pass",
    }
}

/// ` [low, high] n` of one share KPI of a row (percentages, as the share reads), when it has
/// observations.
/// Isolated and kept left to right on one line, so that a right-to-left page neither wraps nor
/// reorders the interval.
fn evidence(row: &AnnotatorRow, kpi: &str) -> Html {
    match row.kpis.iter().find(|k| k.kpi == kpi) {
        Some(k) => {
            let text = format!("{} n={}", super::format::percent_interval(k.ci_low, k.ci_high), k.n);
            html! { <>{ " " }<bdi class="evidence" dir="ltr">{ text }</bdi></> }
        }
        None => html! {},
    }
}
