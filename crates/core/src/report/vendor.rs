//! The weekly vendor report's sections: control charts and their signals, KPI flags with
//! intervals, stratified rates and "what changed" (`spc::view`), and the audit decision on a
//! delivered lot (`audit::view`). Computed on request (`verdict report --spc …`, `--audit …`)
//! beside the quality report and rendered by the same HTML page and CSV export.

use serde::{Deserialize, Serialize};

use super::csv::{Precision, Table};
use crate::audit::lot::LotDecision;
use crate::audit::switching::SwitchingState;
use crate::audit::view::{decide_view, PlanRequest, PlanRequestError, PlanView};
use crate::read::read_texts;
use crate::spc::kpi::KpiStatus;
use crate::spc::view::{spc_view, SpcRequest, SpcRequestError, SpcView};
use crate::stats::contingency::TableTest;
use crate::task::Task;

/// The audit decision on one lot, as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditSection {
    /// The plan and its OC curve.
    pub plan: PlanView,
    /// The decision and, with a switching state, the next state.
    pub decision: LotDecision,
}

/// The vendor sections of a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VendorSections {
    /// What the SPC sections were asked for (metric, chart …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spc_request: Option<SpcRequest>,
    /// Control chart, signals, KPI flags, strata and what changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spc: Option<SpcView>,
    /// The audit decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit: Option<AuditSection>,
}

/// Why a vendor section cannot be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum VendorError {
    /// The SPC settings.
    #[error("control charts: {0}")]
    Spc(#[from] SpcRequestError),
    /// The audit plan or decision.
    #[error("audit: {0}")]
    Audit(#[from] PlanRequestError),
}

/// What the audit section needs: the QA judgment files, the plan, the defect flag and an
/// optional switching state (read only: the report does not advance it).
pub struct AuditInput<'a> {
    /// QA reviewers' judgment files `(name, text)`.
    pub files: &'a [(&'a str, &'a str)],
    /// The plan.
    pub plan: PlanRequest,
    /// The flag (or score) marking a defect.
    pub flag: &'a str,
    /// The switching state, when the vendor has one.
    pub state: Option<SwitchingState>,
}

/// Computes the requested sections from the judgment files (read through the one reader) and
/// the task file's records.
pub fn vendor_sections(
    judgment_files: &[(&str, &str)],
    tasks: &[Task],
    spc: Option<&SpcRequest>,
    audit: Option<AuditInput<'_>>,
) -> Result<VendorSections, VendorError> {
    let mut sections = VendorSections::default();
    if let Some(request) = spc {
        let input = read_texts(judgment_files);
        let has_gold = tasks.iter().any(|t| t.gold.is_some());
        sections.spc = Some(spc_view(&input.judgments, tasks, has_gold, request, input.summary)?);
        sections.spc_request = Some(request.clone());
    }
    if let Some(audit) = audit {
        let input = read_texts(audit.files);
        let (plan, decision) = decide_view(&input.judgments, audit.flag, &audit.plan, audit.state.as_ref())?;
        sections.audit = Some(AuditSection { plan, decision });
    }
    Ok(sections)
}

fn status_name(status: KpiStatus) -> &'static str {
    match status {
        KpiStatus::BelowTarget => "below_target",
        KpiStatus::Meets => "meets",
        KpiStatus::InsufficientEvidence => "insufficient_evidence",
    }
}

/// The sections' tables, in page order (empty when nothing was requested).
pub(crate) fn tables(sections: &VendorSections, p: Precision) -> Vec<Table> {
    let mut tables = Vec::new();
    let number = |v: f64| p.number(v);
    if let Some(view) = &sections.spc {
        if let Some(chart) = &view.chart {
            tables.push(Table {
                name: "spc_points",
                title: "Control chart",
                header: vec!["key", "period", "n", "value", "centre", "lcl", "ucl", "excluded"],
                rows: chart
                    .points
                    .iter()
                    .map(|x| {
                        vec![
                            x.key.clone(),
                            x.period.clone(),
                            x.n.to_string(),
                            number(x.value),
                            number(x.centre),
                            number(x.lcl),
                            number(x.ucl),
                            x.excluded.to_string(),
                        ]
                    })
                    .collect(),
            });
            tables.push(Table {
                name: "spc_signals",
                title: "Signals",
                header: vec!["chart", "key", "period", "rule", "value", "lcl", "ucl"],
                rows: chart
                    .signals
                    .iter()
                    .map(|s| {
                        vec![
                            s.chart.clone(),
                            s.key.clone(),
                            s.period.clone(),
                            s.rule.clone(),
                            number(s.value),
                            number(s.lcl),
                            number(s.ucl),
                        ]
                    })
                    .collect(),
            });
        }
        tables.push(Table {
            name: "spc_events",
            title: "Events",
            header: vec!["date", "period", "label"],
            rows: view.events.iter().map(|e| vec![e.date.clone(), e.period.clone(), e.label.clone()]).collect(),
        });
        tables.push(Table {
            name: "kpi_flags",
            title: "KPI flags (Wilson interval, Benjamini–Hochberg)",
            header: vec!["key", "n", "share", "ci_low", "ci_high", "p_value", "q_value", "status"],
            rows: view
                .kpi
                .iter()
                .map(|k| {
                    vec![
                        k.key.clone(),
                        k.n.to_string(),
                        p.option(k.value),
                        p.option(k.ci_low),
                        p.option(k.ci_high),
                        p.option(k.p_value),
                        p.option(k.q_value),
                        status_name(k.status).to_owned(),
                    ]
                })
                .collect(),
        });
        if let Some(strata) = &view.strata {
            tables.push(Table {
                name: "strata",
                title: "Rates by stratum",
                header: vec!["row", "column", "count", "n", "rate", "ci_low", "ci_high"],
                rows: strata
                    .cells
                    .iter()
                    .map(|c| {
                        vec![
                            c.row.clone(),
                            c.column.clone(),
                            c.count.to_string(),
                            c.n.to_string(),
                            number(c.rate),
                            number(c.ci_low),
                            number(c.ci_high),
                        ]
                    })
                    .collect(),
            });
        }
        if let Some(changed) = &view.changed {
            tables.push(Table {
                name: "what_changed",
                title: "What changed",
                header: vec![
                    "row",
                    "column",
                    "before_count",
                    "before_n",
                    "after_count",
                    "after_n",
                    "contribution",
                    "test",
                    "p_value",
                    "q_value",
                ],
                rows: changed
                    .strata
                    .iter()
                    .map(|s| {
                        vec![
                            s.row.clone(),
                            s.column.clone(),
                            s.before_count.to_string(),
                            s.before_n.to_string(),
                            s.after_count.to_string(),
                            s.after_n.to_string(),
                            number(s.contribution),
                            match s.test {
                                Some(TableTest::Fisher) => "fisher".to_owned(),
                                Some(TableTest::ChiSquared) => "chi_squared_yates".to_owned(),
                                None => String::new(),
                            },
                            p.option(s.p_value),
                            p.option(s.q_value),
                        ]
                    })
                    .collect(),
            });
        }
    }
    if let Some(audit) = &sections.audit {
        let d = &audit.decision;
        let mut row = vec![
            if d.decision.accept { "accept" } else { "reject" }.to_owned(),
            d.decision.defects.to_string(),
            d.decision.inspected.to_string(),
            number(d.decision.rate),
            number(d.decision.ci_low),
            number(d.decision.ci_high),
            audit.plan.code_letter.map_or_else(String::new, |c| c.to_string()),
            d.plan.n.to_string(),
            d.plan.ac.to_string(),
            d.plan.re.to_string(),
            inspection_name(d.inspection).to_owned(),
        ];
        row.push(d.next_state.as_ref().map_or_else(String::new, |s| inspection_name(s.inspection).to_owned()));
        tables.push(Table {
            name: "audit",
            title: "Audit decision",
            header: vec![
                "decision",
                "defects",
                "inspected",
                "rate",
                "ci_low",
                "ci_high",
                "code_letter",
                "n",
                "ac",
                "re",
                "inspection",
                "next_inspection",
            ],
            rows: vec![row],
        });
    }
    tables
}

fn inspection_name(inspection: crate::audit::Inspection) -> &'static str {
    match inspection {
        crate::audit::Inspection::Normal => "normal",
        crate::audit::Inspection::Tightened => "tightened",
        crate::audit::Inspection::Reduced => "reduced",
    }
}

/// One inline SVG control chart per key (points, centre, limits, signals as diamonds, events
/// as labelled vertical lines), for the report page; every input text escaped.
pub(crate) fn chart_svgs(out: &mut String, sections: &VendorSections) {
    use std::fmt::Write;
    let escape = super::html::escape;
    let (Some(view), Some(request)) = (&sections.spc, &sections.spc_request) else { return };
    let Some(chart) = &view.chart else { return };
    let mut periods: Vec<&str> = chart.points.iter().map(|p| p.period.as_str()).collect();
    periods.sort_unstable();
    periods.dedup();
    let mut keys: Vec<&str> = Vec::new();
    for point in &chart.points {
        if !keys.contains(&point.key.as_str()) {
            keys.push(&point.key);
        }
    }
    let (width, height, left, right, top, bottom) = (640.0, 200.0, 56.0, 12.0, 24.0, 32.0);
    let slot = (width - left - right) / periods.len().max(1) as f64;
    let x_of = |period: &str| periods.iter().position(|p| *p == period).map(|i| left + slot * (i as f64 + 0.5));
    for key in keys {
        let points: Vec<_> = chart.points.iter().filter(|p| p.key == key).collect();
        let (low, high) = points
            .iter()
            .flat_map(|p| [p.value, p.lcl, p.ucl])
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (low, high) = if high > low { (low, high) } else { (low - 1.0, low + 1.0) };
        let y = |v: f64| top + (height - top - bottom) * (1.0 - (v - low) / (high - low));
        let title = format!("{} chart of {}", request.chart, key);
        let _ = write!(
            out,
            "<figure><figcaption>{0}</figcaption><svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
            escape(&title)
        );
        let step = |value: &dyn Fn(&crate::spc::Point) -> f64| -> String {
            points
                .iter()
                .filter_map(|p| {
                    Some(format!(
                        "{:.1},{:.1} {:.1},{:.1}",
                        x_of(&p.period)? - slot / 2.0,
                        y(value(p)),
                        x_of(&p.period)? + slot / 2.0,
                        y(value(p))
                    ))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (line, dash) in [(step(&|p| p.ucl), "5 3"), (step(&|p| p.lcl), "5 3"), (step(&|p| p.centre), "")] {
            let _ = write!(out, "<polyline points=\"{line}\" fill=\"none\" stroke=\"#5a6470\" stroke-dasharray=\"{dash}\"/>");
        }
        let series: Vec<String> = points.iter().filter_map(|p| Some(format!("{:.1},{:.1}", x_of(&p.period)?, y(p.value)))).collect();
        let _ = write!(out, "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.8\"/>", series.join(" "));
        for event in &view.events {
            if let Some(x) = x_of(&event.period) {
                let _ = write!(
                    out,
                    "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1d232b\" stroke-dasharray=\"2 2\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    top - 4.0,
                    height - bottom,
                    x + 3.0,
                    top - 8.0,
                    escape(&format!("{} · {}", event.label, event.date))
                );
            }
        }
        for point in &points {
            let Some(x) = x_of(&point.period) else { continue };
            let cy = y(point.value);
            let signalled = chart.signals.iter().any(|s| s.key == key && s.period == point.period);
            let tip = escape(&format!(
                "{} {}: {:.4} [{:.4}, {:.4}]{}",
                point.key,
                point.period,
                point.value,
                point.lcl,
                point.ucl,
                if signalled { " signal" } else { "" }
            ));
            if signalled {
                let _ = write!(out, "<polygon points=\"{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}\" fill=\"#c2410c\"><title>{tip}</title></polygon>", cy - 7.0, x + 7.0, cy + 7.0, x - 7.0);
            } else {
                let _ = write!(out, "<circle cx=\"{x:.1}\" cy=\"{cy:.1}\" r=\"3.5\" fill=\"#1f5fbf\"><title>{tip}</title></circle>");
            }
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{:.3}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{:.3}</text>",
            left - 6.0,
            y(high) + 4.0,
            high,
            left - 6.0,
            y(low) + 4.0,
            low
        );
        if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
            let _ = write!(
                out,
                "<text x=\"{left:.1}\" y=\"{:.1}\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                height - 8.0,
                escape(first),
                width - right,
                height - 8.0,
                escape(last)
            );
        }
        out.push_str("</svg></figure>\n");
    }
}
