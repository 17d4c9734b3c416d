//! The report as one self-contained HTML page: inline CSS, inline SVG charts, every table, no
//! script and no external request. Every text that comes from the input is escaped.

use std::fmt::Write;

use super::csv::{all, Precision, Table};
use super::words::Words;
use super::QualityReport;
use crate::fluent::Arg;

/// Message ids of the report's own words besides the section titles (every catalog must have each; tested in `words`).
#[cfg(test)]
pub(crate) const WORD_IDS: &[&str] = &[
    "report-title",
    "report-heading",
    "report-intro",
    "report-kpi-gold",
    "report-kpi-alpha",
    "report-kpi-position",
    "report-failing",
    "report-none",
    "report-pairwise-note",
    "report-shared",
    "report-chart-per-day",
    "report-chart-ratings",
    "report-footer",
    "report-data",
    "report-fallback",
    "report-section-overview",
    "report-section-per_day",
    "report-section-agreement",
    "report-section-pairwise",
    "report-section-annotators",
    "report-section-groups",
    "report-section-trend",
    "report-section-judges",
    "report-section-judge_weeks",
    "report-kpi-rule",
    "report-section-leaderboard",
    "report-section-bias",
    "report-section-disagreements",
    "report-section-problems",
    "report-section-wellbeing",
    "report-section-wellbeing_raters",
    "report-section-wellbeing_groups",
    "report-section-spc_points",
    "report-section-spc_signals",
    "report-section-spc_events",
    "report-section-kpi_flags",
    "report-section-strata",
    "report-section-what_changed",
    "report-section-audit",
    "report-bh",
];

/// The MT-Bench judgments' attribution (CC BY 4.0), shown when the report shows that data.
pub(crate) const MTBENCH_ATTRIBUTION: &str = "MT-Bench human judgments: Zheng et al. 2023, \u{201c}Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena\u{201d} (arXiv:2306.05685), licensed CC BY 4.0.";

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232b}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d8dde3}\
table{border-collapse:collapse;margin:.5rem 0;font-variant-numeric:tabular-nums}\
th,td{border:1px solid #d8dde3;padding:.2rem .5rem;text-align:start;vertical-align:top}\
th{background:#f2f4f7}.fail{color:#a4161a;font-weight:600}.pass{color:#1b7f3b}\
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{border:1px solid #d8dde3;padding:.4rem .8rem;border-radius:4px}\
.scroll{overflow-x:auto}svg text{font:11px system-ui,sans-serif;fill:#1d232b}footer{margin-top:3rem;color:#5a6470;font-size:12px}";

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // "http" from the input is broken up so that no live URL appears in the page.
            ':' => out.push_str("&#58;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the report shows the MT-Bench demo judgments.
fn shows_mtbench(report: &QualityReport) -> bool {
    report.disagreements.iter().any(|d| d.item_id.starts_with("mtbench-"))
        || report.leaderboard.models.iter().any(|m| m.model == "vicuna-13b-v1.2")
        || report.annotators.iter().any(|a| a.group.as_deref() == Some("human_expert"))
}

pub(crate) fn render(report: &QualityReport, lang: &str) -> String {
    let words = Words::new(lang);
    let body = render_body(report, lang, &words);
    let missing = words.missing();
    let mut out = String::with_capacity(body.len() + STYLE.len() + 512);
    let dir = if words.rtl { "rtl" } else { "ltr" };
    // Like the interface's `<html data-i18n-missing>`: messages the language lacked (none expected).
    let missing_attribute = if missing.is_empty() { String::new() } else { format!(" data-i18n-missing=\"{}\"", missing.len()) };
    let _ = write!(out, "<!doctype html>\n<html lang=\"{}\" dir=\"{dir}\"{missing_attribute}><head><meta charset=\"utf-8\">", words.lang);
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = write!(out, "<title>{}</title><style>", escape(&words.say("report-title", &[])));
    out.push_str(STYLE);
    out.push_str("</style></head><body>\n");
    out.push_str(&body);
    out
}

/// Everything inside `<body>`.
fn render_body(report: &QualityReport, lang: &str, words: &Words) -> String {
    let mut out = String::with_capacity(1 << 16);
    let _ = write!(out, "<main>\n<h1>{}</h1>\n", escape(&words.say("report-heading", &[])));
    if words.fell_back {
        let _ = writeln!(out, "<p lang=\"en\" dir=\"ltr\">{}</p>", escape(&words.fallback_note(lang)));
    }
    let o = &report.overview;
    let kpi = &report.kpi;
    let intro = words.say(
        "report-intro",
        &[
            ("judgments", Arg::from(o.n_judgments)),
            ("items", Arg::from(o.n_items)),
            ("annotators", Arg::from(o.n_annotators)),
            ("groups", Arg::from(o.n_groups)),
            ("resamples", Arg::from(report.bootstrap)),
            ("seed", Arg::from(report.seed)),
        ],
    );
    let (gold, alpha) = (format!("{:.2}", kpi.min_gold_accuracy), format!("{:.3}", kpi.min_alpha));
    let (low, high) = (format!("{:.2}", 1.0 - kpi.max_position_bias), format!("{:.2}", kpi.max_position_bias));
    let kpi_gold = words.say("report-kpi-gold", &[("value", Arg::from(gold.as_str()))]);
    let kpi_alpha = words.say("report-kpi-alpha", &[("value", Arg::from(alpha.as_str()))]);
    let kpi_position = words.say("report-kpi-position", &[("low", Arg::from(low.as_str())), ("high", Arg::from(high.as_str()))]);
    let _ = write!(
        out,
        "<p>{}</p>\n<div class=\"kpi\"><div>{}</div><div>{}</div><div>{}</div></div>\n",
        escape(&intro),
        escape(&kpi_gold),
        escape(&kpi_alpha),
        escape(&kpi_position)
    );
    let failing = report.annotators.iter().filter(|a| !a.pass).count();
    let groups_failing = report.groups.iter().filter(|g| !g.pass).count();
    let failing_line = words.say(
        "report-failing",
        &[
            ("failing", Arg::from(failing)),
            ("annotators", Arg::from(report.annotators.len())),
            ("groups_failing", Arg::from(groups_failing)),
            ("groups", Arg::from(report.groups.len())),
        ],
    );
    let _ = writeln!(out, "<p>{}</p>", escape(&failing_line));
    let rule = words.say("report-kpi-rule", &[("min", Arg::from(report.kpi.min_n)), ("fdr", Arg::from(report.kpi.fdr * 100.0))]);
    let _ = writeln!(out, "<p>{}</p>", escape(&rule));
    for table in &all(report, Precision::Display) {
        let title = words.say_or(&format!("report-section-{}", table.name), table.title);
        let _ = writeln!(out, "<section><h2>{}</h2>", escape(&title));
        match table.name {
            "per_day" => per_day_chart(&mut out, report, words),
            "leaderboard" => leaderboard_chart(&mut out, report, words),
            "spc_points" => {
                if let Some(vendor) = &report.vendor {
                    super::vendor::chart_svgs(&mut out, vendor);
                }
            }
            "kpi_flags" => {
                let tested =
                    report.vendor.as_ref().and_then(|v| v.spc.as_ref()).map_or(0, |s| s.kpi.iter().filter(|k| k.q_value.is_some()).count());
                let statement = words.say("report-bh", &[("count", Arg::from(tested))]);
                let _ = writeln!(out, "<p>{}</p>", escape(&statement));
            }
            "problems" if words.lang != "en" && !report.overview.problem_details.is_empty() => {
                let rows = report.overview.problem_details.iter().map(|p| vec![words.problem(p)]).collect();
                write_table(&mut out, &Table { rows, name: table.name, title: table.title, header: table.header.clone() }, &title, words);
                out.push_str("</section>\n");
                continue;
            }
            "pairwise" => {
                pairwise_matrix(&mut out, report, words, &title);
                out.push_str("</section>\n");
                continue;
            }
            _ => {}
        }
        write_table(&mut out, table, &title, words);
        out.push_str("</section>\n");
    }
    let wellbeing_title = words.say("report-section-wellbeing", &[]);
    let _ = writeln!(out, "<section><h2>{}</h2>", escape(&wellbeing_title));
    for table in super::wellbeing::tables(&report.wellbeing) {
        let label = words.say(&format!("report-section-{}", table.name), &[]);
        write_table(&mut out, &table, &label, words);
    }
    out.push_str("</section>\n");
    let _ = write!(out, "</main>\n<footer><p>{}</p>", escape(&words.say("report-footer", &[])));
    if shows_mtbench(report) {
        let data = words.say("report-data", &[]);
        let _ = write!(out, "<p>{} <span lang=\"en\" dir=\"ltr\">{}</span></p>", escape(&data), escape(MTBENCH_ATTRIBUTION));
    }
    out.push_str("</footer>\n</body></html>\n");
    out
}

/// A scrollable region keyboard users can reach and screen readers can name (WCAG 2.1.1).
fn open_scroll(out: &mut String, label: &str) {
    let _ = write!(out, "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">", escape(label));
}

fn write_table(out: &mut String, table: &Table, label: &str, words: &Words) {
    if table.rows.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&words.say("report-none", &[])));
        return;
    }
    open_scroll(out, label);
    out.push_str("<table><thead><tr>");
    for column in &table.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(column));
    }
    out.push_str("</tr></thead><tbody>\n");
    let pass_column = table.header.iter().position(|&c| c == "pass");
    for row in &table.rows {
        out.push_str("<tr>");
        for (index, cell) in row.iter().enumerate() {
            let class = match (Some(index) == pass_column, cell.as_str()) {
                (true, "true") => " class=\"pass\"",
                (true, "false") => " class=\"fail\"",
                _ => "",
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

fn per_day_chart(out: &mut String, report: &QualityReport, words: &Words) {
    let days = &report.overview.per_day;
    if days.is_empty() {
        return;
    }
    let max = days.iter().map(|d| d.judgments).max().unwrap_or(1).max(1) as f64;
    let (width, height) = (720.0, 160.0);
    let bar = width / days.len() as f64;
    let _ = write!(
        out,
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\">",
        escape(&words.say("report-chart-per-day", &[])),
        height + 20.0,
        height + 20.0
    );
    for (index, day) in days.iter().enumerate() {
        let h = day.judgments as f64 / max * height;
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"#4a78b5\"><title>{}: {}</title></rect>",
            index as f64 * bar,
            height - h,
            (bar - 1.0).max(0.5),
            escape(&day.day),
            day.judgments
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"{}\">{}</text><text x=\"{width}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        height + 15.0,
        escape(&days[0].day),
        height + 15.0,
        escape(&days[days.len() - 1].day)
    );
}

fn leaderboard_chart(out: &mut String, report: &QualityReport, words: &Words) {
    let rated: Vec<_> = report.leaderboard.models.iter().filter(|m| m.rating.is_some()).collect();
    if rated.is_empty() {
        return;
    }
    let values = rated.iter().flat_map(|m| [m.rating, m.ci_low, m.ci_high]).flatten();
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    let span = (high - low).max(1.0);
    let (label, width, row) = (160.0, 520.0, 20.0);
    let x = |v: f64| label + (v - low) / span * (width - 20.0) + 10.0;
    let height = rated.len() as f64 * row + 10.0;
    let _ = write!(
        out,
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" width=\"{}\" height=\"{height}\">",
        escape(&words.say("report-chart-ratings", &[])),
        label + width,
        label + width
    );
    for (index, model) in rated.iter().enumerate() {
        let y = index as f64 * row + 15.0;
        let rating = model.rating.expect("filtered to rated models");
        let _ = write!(out, "<text x=\"0\" y=\"{:.1}\">{}</text>", y + 4.0, escape(&model.model));
        if let (Some(ci_low), Some(ci_high)) = (model.ci_low, model.ci_high) {
            let _ = write!(
                out,
                "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#8fa6c4\" stroke-width=\"3\"/>",
                x(ci_low),
                x(ci_high)
            );
        }
        let _ = write!(out, "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#1f4f8f\"><title>{:.1}</title></circle>", x(rating), rating);
    }
    out.push_str("</svg>\n");
}

/// The pairwise agreement matrix as a table with shaded cells (white 0 → blue 1).
fn pairwise_matrix(out: &mut String, report: &QualityReport, words: &Words, title: &str) {
    let pairwise = &report.pairwise;
    if pairwise.annotators.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&words.say("report-none", &[])));
        return;
    }
    let note = words.say(
        "report-pairwise-note",
        &[("criterion", Arg::from(pairwise.criterion.as_str())), ("count", Arg::from(pairwise.annotators.len()))],
    );
    let _ = write!(out, "<p>{}</p>", escape(&note));
    open_scroll(out, title);
    out.push_str("<table><thead><tr><th scope=\"col\"></th>");
    for name in &pairwise.annotators {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(name));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (i, name) in pairwise.annotators.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(name));
        for j in 0..pairwise.annotators.len() {
            match pairwise.agreement[i][j] {
                Some(value) => {
                    // Light enough at every value for the dark text (contrast ≥ 4.5:1, WCAG 1.4.3).
                    let light = (95.0 - value * 25.0).round();
                    let _ = write!(
                        out,
                        "<td style=\"background:hsl(213,60%,{light}%)\" title=\"{}\">{value:.2}</td>",
                        escape(&words.say("report-shared", &[("count", Arg::from(pairwise.shared[i][j]))]))
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}
