//! What the workspace's SPC tab shows, computed in one call from the files' texts: the chart
//! (as `verdict spc --json` computes it), the events placed on it, KPI flags per key with
//! intervals and Benjamini–Hochberg control, the stratified rates and "what changed". The
//! worker calls [`spc_view`]; the components only draw the result.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::events::{place_events, Event, PlacedEvent};
use super::kpi::{kpi_flags, KpiCount, KpiFlag, KpiPolicy};
use super::metrics::{period_label, subgroups, By, Metric, MetricOptions, Period, Skipped};
use super::strata::{stratify, what_changed, Field, StrataOptions, StrataTable, WhatChanged};
use super::{compute_chart, Chart, ChartKind, ChartOptions, Observations, Rule};
use crate::read::InputSummary;
use crate::task::Task;
use crate::Judgment;

/// The SPC tab's settings (the CLI's flags as fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcRequest {
    /// `gold_error`, `disagreement` or `handle_time`.
    pub metric: String,
    /// `group` or `annotator`.
    pub by: String,
    /// `day` or `week`.
    pub period: String,
    /// `p`, `laney`, `ewma`, `cusum`, `imr` (and the CLI's others).
    pub chart: String,
    /// `we`, `nelson` or a list of rules.
    pub rules: String,
    /// Phase II baseline: dates (`YYYY-MM-DD`) or ISO weeks; both empty for phase I.
    pub baseline_from: String,
    /// End of the baseline (inclusive).
    pub baseline_to: String,
    /// Count LLM judges too.
    pub include_judges: bool,
    /// Event annotations.
    pub events: Vec<Event>,
    /// KPI target: the lowest acceptable share of judgments *without* a defect (0.90).
    pub kpi_target: f64,
    /// KPI minimum n (30).
    pub kpi_min_n: u64,
    /// Strata rows: `group`, `annotator` or `meta.FIELD`.
    pub rows: String,
    /// Strata columns (`all`: one column).
    pub columns: String,
    /// "What changed": first period range (empty: none).
    pub before_from: String,
    /// Its end.
    pub before_to: String,
    /// Second period range.
    pub after_from: String,
    /// Its end.
    pub after_to: String,
}

impl Default for SpcRequest {
    fn default() -> Self {
        SpcRequest {
            metric: "disagreement".into(),
            by: "group".into(),
            period: "week".into(),
            chart: "p".into(),
            rules: "we".into(),
            baseline_from: String::new(),
            baseline_to: String::new(),
            include_judges: false,
            events: Vec::new(),
            kpi_target: 0.90,
            kpi_min_n: 30,
            rows: "group".into(),
            columns: "all".into(),
            before_from: String::new(),
            before_to: String::new(),
            after_from: String::new(),
            after_to: String::new(),
        }
    }
}

/// Why the request cannot be answered (the page shows it next to the settings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum SpcRequestError {
    /// An unknown setting value.
    #[error("{field}: unknown value `{value}`")]
    Unknown {
        /// The setting.
        field: String,
        /// Its value.
        value: String,
    },
    /// Handling time needs a measurement chart, rates a count chart.
    #[error("chart {chart} does not fit metric {metric}")]
    ChartDoesNotFit {
        /// The chart.
        chart: String,
        /// The metric.
        metric: String,
    },
    /// Gold error without a task file.
    #[error("gold_error needs a task file with gold answers")]
    NeedsGold,
    /// A baseline or period bound that is not a date or ISO week.
    #[error("{field}: `{value}` is not a date or ISO week")]
    BadBound {
        /// The setting.
        field: String,
        /// Its value.
        value: String,
    },
}

/// Everything the SPC tab draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcView {
    /// The chart (`None`: see `chart_error`).
    pub chart: Option<Chart>,
    /// Why the chart cannot be drawn (no baseline, no variation …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart_error: Option<String>,
    /// Events placed in the chart's periods.
    pub events: Vec<PlacedEvent>,
    /// Judgments left out, by reason.
    pub skipped: Skipped,
    /// Per key: share of judgments without a defect against the KPI target (rate metrics only).
    pub kpi: Vec<KpiFlag>,
    /// The KPI policy used.
    pub kpi_target: f64,
    /// Its minimum n.
    pub kpi_min_n: u64,
    /// Rates by the two strata fields (rate metrics only).
    pub strata: Option<StrataTable>,
    /// "What changed" between the two ranges, when both are given.
    pub changed: Option<WhatChanged>,
    /// The one reader's input summary.
    pub input: InputSummary,
}

fn unknown(field: &str, value: &str) -> SpcRequestError {
    SpcRequestError::Unknown { field: field.into(), value: value.into() }
}

/// A range bound as a period label: ISO weeks stay, dates become their day or week.
pub fn period_bound(field: &str, text: &str, period: Period) -> Result<String, SpcRequestError> {
    let text = text.trim();
    if text.len() == 10 {
        if let Some(label) = period_label(&format!("{text}T00:00:00Z"), period) {
            return Ok(label);
        }
    }
    let bytes = text.as_bytes();
    if period == Period::Week && bytes.len() == 8 && bytes[4] == b'-' && bytes[5] == b'W' && text[6..].parse::<u8>().is_ok() {
        return Ok(text.to_owned());
    }
    Err(SpcRequestError::BadBound { field: field.into(), value: text.into() })
}

fn range(field: &str, from: &str, to: &str, period: Period) -> Result<Option<(String, String)>, SpcRequestError> {
    if from.trim().is_empty() && to.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some((period_bound(field, from, period)?, period_bound(field, to, period)?)))
}

/// Answers `request` over already-read judgments and tasks (`has_gold`: a task file was given).
pub fn spc_view(
    judgments: &[Judgment],
    tasks: &[Task],
    has_gold: bool,
    request: &SpcRequest,
    input: InputSummary,
) -> Result<SpcView, SpcRequestError> {
    let metric = match request.metric.as_str() {
        "gold_error" => Metric::GoldError,
        "disagreement" => Metric::Disagreement,
        "handle_time" => Metric::HandleTime,
        other => return Err(unknown("metric", other)),
    };
    let by = match request.by.as_str() {
        "group" => By::Group,
        "annotator" => By::Annotator,
        other => return Err(unknown("by", other)),
    };
    let period = match request.period.as_str() {
        "day" => Period::Day,
        "week" => Period::Week,
        other => return Err(unknown("period", other)),
    };
    let kind = ChartKind::from_name(&request.chart).ok_or_else(|| unknown("chart", &request.chart))?;
    let counts_chart = matches!(kind, ChartKind::P | ChartKind::Np | ChartKind::Laney | ChartKind::C | ChartKind::U);
    if (metric == Metric::HandleTime && counts_chart) || (metric != Metric::HandleTime && kind == ChartKind::XbarS) {
        return Err(SpcRequestError::ChartDoesNotFit { chart: request.chart.clone(), metric: request.metric.clone() });
    }
    if metric == Metric::GoldError && !has_gold {
        return Err(SpcRequestError::NeedsGold);
    }
    let mut options = ChartOptions::new(kind);
    options.rules = Rule::parse_list(&request.rules).map_err(|part| unknown("rules", &part))?;
    options.baseline = range("baseline", &request.baseline_from, &request.baseline_to, period)?;
    let metric_options = MetricOptions {
        metric,
        by,
        period,
        include_llm_judges: request.include_judges,
        count_answers: matches!(kind, ChartKind::C | ChartKind::U),
    };
    let (groups, skipped) = subgroups(judgments, tasks, metric_options);
    let (chart, chart_error) = match compute_chart(&groups, &options) {
        Ok(chart) => (Some(chart), None),
        Err(error) => (None, Some(error.to_string())),
    };
    let policy = KpiPolicy { target: request.kpi_target, min_n: request.kpi_min_n, ..KpiPolicy::default() };
    let mut totals: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for group in &groups {
        if let Observations::Counts { count, n } = group.observations {
            let total = totals.entry(group.key.as_str()).or_default();
            total.0 += n.saturating_sub(count);
            total.1 += n;
        }
    }
    let counts: Vec<KpiCount> = totals.into_iter().map(|(key, (successes, n))| KpiCount { key: key.to_owned(), successes, n }).collect();
    let (mut strata, mut changed) = (None, None);
    if metric != Metric::HandleTime {
        let strata_options = StrataOptions {
            metric: MetricOptions { count_answers: false, ..metric_options },
            rows: Field::parse(&request.rows).ok_or_else(|| unknown("rows", &request.rows))?,
            columns: Field::parse(&request.columns).ok_or_else(|| unknown("columns", &request.columns))?,
        };
        strata = stratify(judgments, tasks, &strata_options).ok().map(|(table, _)| table);
        let before = range("before", &request.before_from, &request.before_to, period)?;
        let after = range("after", &request.after_from, &request.after_to, period)?;
        if let (Some(before), Some(after)) = (before, after) {
            changed = what_changed(judgments, tasks, &strata_options, (&before.0, &before.1), (&after.0, &after.1)).ok();
        }
    }
    Ok(SpcView {
        chart,
        chart_error,
        events: place_events(&request.events, period),
        skipped,
        kpi: kpi_flags(&counts, policy),
        kpi_target: policy.target,
        kpi_min_n: policy.min_n,
        strata,
        changed,
        input,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_the_cli_s_chart_and_refuses_what_does_not_fit() {
        let lines: Vec<String> = (0..40)
            .map(|i| {
                let site = if i % 2 == 0 { "s1" } else { "s2" };
                let winner = if i % 4 == 1 { "m2" } else { "m1" };
                format!(
                    r#"{{"schema":"verdict/judgment@1","item_id":"q{}","annotator":"{site}-{}","group":"{site}","preference":{{"winner":"{winner}"}},"submitted_at":"2026-11-{:02}T10:00:00Z"}}"#,
                    i / 4,
                    i % 4,
                    1 + i / 4
                )
            })
            .collect();
        let text = lines.join("\n");
        let input = crate::read::read_texts(&[("j.jsonl", &text)]);
        let request = SpcRequest {
            period: "day".into(),
            events: vec![Event { date: "2026-11-05".into(), label: "v3".into() }],
            ..SpcRequest::default()
        };
        let view = spc_view(&input.judgments, &[], false, &request, input.summary.clone()).unwrap();
        let chart = view.chart.as_ref().unwrap();
        assert_eq!(view.chart_error, None);
        assert_eq!(chart.points.len(), 20);
        assert_eq!(view.events[0].period, "2026-11-05");
        assert_eq!(view.kpi.len(), 2);
        assert_eq!(view.strata.as_ref().unwrap().rows, ["s1", "s2"]);
        let json = serde_json::to_string(&view).unwrap();
        assert_eq!(
            serde_json::to_string(&serde_json::from_str::<SpcView>(&json).unwrap()).unwrap(),
            json,
            "the page reads what the worker writes"
        );
        let bad = SpcRequest { metric: "handle_time".into(), ..request.clone() };
        assert!(matches!(
            spc_view(&input.judgments, &[], false, &bad, input.summary.clone()),
            Err(SpcRequestError::ChartDoesNotFit { .. })
        ));
        let gold = SpcRequest { metric: "gold_error".into(), ..request };
        assert_eq!(spc_view(&input.judgments, &[], false, &gold, input.summary), Err(SpcRequestError::NeedsGold));
    }
}
