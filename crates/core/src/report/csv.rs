//! The report's tables, shared by the CSV export and the HTML page: one [`Table`] per section,
//! cells already formatted (full precision for CSV, three decimals for the page).

use super::QualityReport;
use crate::export::csv_field;

/// One table: a file name, a title, column names and rows of formatted cells.
pub(crate) struct Table {
    /// File name stem (`annotators` → `annotators.csv`).
    pub name: &'static str,
    /// Heading on the page.
    pub title: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// How numbers are written.
#[derive(Clone, Copy)]
pub(crate) enum Precision {
    /// Shortest text that reads back to the same f64 (CSV).
    Full,
    /// Three decimals (the page).
    Display,
}

impl Precision {
    fn number(self, value: f64) -> String {
        match self {
            Precision::Full => value.to_string(),
            Precision::Display => format!("{value:.3}"),
        }
    }

    fn option(self, value: Option<f64>) -> String {
        value.map_or_else(String::new, |v| self.number(v))
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// Every table of the report, in page order.
pub(crate) fn all(report: &QualityReport, precision: Precision) -> Vec<Table> {
    let p = precision;
    let o = &report.overview;
    let mut tables = vec![Table {
        name: "overview",
        title: "Overview",
        header: vec!["measure", "value"],
        rows: [
            ("judgments", o.n_judgments),
            ("items", o.n_items),
            ("annotators", u64::from(o.n_annotators)),
            ("groups", u64::from(o.n_groups)),
            ("items with two or more judgments", o.n_items_multi),
            ("judgments without a time", o.n_undated),
            ("problems", o.n_problems),
        ]
        .iter()
        .map(|(name, value)| vec![(*name).to_owned(), value.to_string()])
        .collect(),
    }];
    tables.push(Table {
        name: "per_day",
        title: "Judgments per day",
        header: vec!["day", "judgments"],
        rows: o.per_day.iter().map(|d| vec![d.day.clone(), d.judgments.to_string()]).collect(),
    });
    tables.push(Table {
        name: "agreement",
        title: "Agreement per criterion",
        header: vec!["criterion", "metric", "level", "value", "ci_low", "ci_high", "n_items", "n_annotators", "n_ratings", "note"],
        rows: report
            .agreement
            .iter()
            .map(|r| {
                let metric = match r.form {
                    Some(form) => format!(
                        "{}({})",
                        r.metric.name(),
                        serde_json::to_value(form).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
                    ),
                    None => r.metric.name().to_owned(),
                };
                let level = serde_json::to_value(r.level).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                vec![
                    r.criterion.clone(),
                    metric,
                    level,
                    p.option(r.value),
                    p.option(r.ci_low),
                    p.option(r.ci_high),
                    r.n_items.to_string(),
                    r.n_annotators.to_string(),
                    r.n_ratings.to_string(),
                    text(&r.note),
                ]
            })
            .collect(),
    });
    let pairwise = &report.pairwise;
    let mut pair_rows = Vec::new();
    for (i, first) in pairwise.annotators.iter().enumerate() {
        for (j, second) in pairwise.annotators.iter().enumerate() {
            if i != j && pairwise.shared[i][j] > 0 {
                pair_rows.push(vec![first.clone(), second.clone(), pairwise.shared[i][j].to_string(), p.option(pairwise.agreement[i][j])]);
            }
        }
    }
    tables.push(Table {
        name: "pairwise",
        title: "Pairwise agreement",
        header: vec!["annotator", "other", "shared", "agreement"],
        rows: pair_rows,
    });
    tables.push(Table {
        name: "annotators",
        title: "Annotators",
        header: vec![
            "annotator",
            "group",
            "is_judge",
            "judgments",
            "median_seconds",
            "alpha_with",
            "alpha_without",
            "alpha_delta",
            "mean_cohen_kappa",
            "gold_accuracy",
            "n_gold",
            "position_bias",
            "tie_rate",
            "both_bad_rate",
            "flag_rate",
            "pass",
            "failed",
            "insufficient",
            "gold_ci_low",
            "gold_ci_high",
            "position_ci_low",
            "position_ci_high",
            "alpha_delta_ci_low",
            "alpha_delta_ci_high",
        ],
        rows: report
            .annotators
            .iter()
            .map(|r| {
                let interval = |kpi: &str| r.kpis.iter().find(|k| k.kpi == kpi).map_or((None, None), |k| (k.ci_low, k.ci_high));
                let (gold, position, alpha) = (interval("gold_accuracy"), interval("position_bias"), interval("alpha_delta"));
                vec![
                    r.annotator.clone(),
                    text(&r.group),
                    r.is_judge.to_string(),
                    r.judgments.to_string(),
                    p.option(r.median_seconds),
                    p.option(r.alpha_with),
                    p.option(r.alpha_without),
                    p.option(r.alpha_delta),
                    p.option(r.mean_cohen_kappa),
                    p.option(r.gold_accuracy),
                    r.n_gold.to_string(),
                    p.option(r.position_bias),
                    p.option(r.tie_rate),
                    p.option(r.both_bad_rate),
                    p.option(r.flag_rate),
                    r.pass.to_string(),
                    r.failed.join(" "),
                    r.insufficient.join(" "),
                    p.option(gold.0),
                    p.option(gold.1),
                    p.option(position.0),
                    p.option(position.1),
                    p.option(alpha.0),
                    p.option(alpha.1),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: "groups",
        title: "Groups",
        header: vec![
            "group",
            "annotators",
            "judgments",
            "alpha",
            "ci_low",
            "ci_high",
            "gold_accuracy",
            "tie_rate",
            "pass",
            "failed",
            "insufficient",
        ],
        rows: report
            .groups
            .iter()
            .map(|r| {
                vec![
                    r.group.clone(),
                    r.annotators.to_string(),
                    r.judgments.to_string(),
                    p.option(r.alpha),
                    p.option(r.ci_low),
                    p.option(r.ci_high),
                    p.option(r.gold_accuracy),
                    p.option(r.tie_rate),
                    r.pass.to_string(),
                    r.failed.join(" "),
                    r.insufficient.join(" "),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: "trend",
        title: "Weekly trend",
        header: vec!["group", "period", "judgments", "percent_agreement"],
        rows: report
            .trend
            .iter()
            .map(|r| vec![r.group.clone(), r.period.clone(), r.judgments.to_string(), p.option(r.percent_agreement)])
            .collect(),
    });
    tables.push(Table {
        name: "judges",
        title: "LLM judges against the human majority",
        header: vec![
            "judge",
            "n_items",
            "agreement",
            "agreement_ci_low",
            "agreement_ci_high",
            "kappa",
            "n_swapped_pairs",
            "position_consistency",
            "drift",
        ],
        rows: report
            .judges
            .iter()
            .map(|r| {
                vec![
                    r.judge.clone(),
                    r.n_items.to_string(),
                    p.option(r.agreement),
                    p.option(r.ci_low),
                    p.option(r.ci_high),
                    p.option(r.kappa),
                    r.n_swapped_pairs.to_string(),
                    p.option(r.position_consistency),
                    r.drift.iter().map(|d| format!("{} {}", d.period, d.rule)).collect::<Vec<_>>().join("; "),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: "judge_weeks",
        title: "LLM judges by week (CUSUM of the disagreement rate)",
        header: vec!["judge", "week", "n_items", "agreement", "cusum_signal"],
        rows: report
            .judges
            .iter()
            .flat_map(|j| {
                j.weekly.iter().map(move |w| {
                    let signal = j.drift.iter().filter(|d| d.period == w.period).map(|d| d.rule.as_str()).collect::<Vec<_>>().join(" ");
                    vec![j.judge.clone(), w.period.clone(), w.n.to_string(), p.option(w.agreement), signal]
                })
            })
            .collect(),
    });
    tables.push(Table {
        name: "leaderboard",
        title: "Leaderboard (Bradley–Terry, Elo scale)",
        header: vec!["rank", "model", "rating", "ci_low", "ci_high", "wins", "losses", "ties", "battles", "win_rate", "note"],
        rows: report
            .leaderboard
            .models
            .iter()
            .map(|m| {
                vec![
                    m.rank.map(|r| r.to_string()).unwrap_or_default(),
                    m.model.clone(),
                    p.option(m.rating),
                    p.option(m.ci_low),
                    p.option(m.ci_high),
                    m.wins.to_string(),
                    m.losses.to_string(),
                    m.ties.to_string(),
                    m.battles.to_string(),
                    p.option(m.win_rate),
                    text(&m.note),
                ]
            })
            .collect(),
    });
    let overall = std::iter::once(("(all)".to_owned(), &report.bias.overall));
    let by_annotator = report.bias.by_annotator.iter().map(|row| (row.annotator.clone(), &row.stats));
    tables.push(Table {
        name: "bias",
        title: "Bias",
        header: vec!["annotator", "battles", "first_shown_win_rate", "position_p_value", "tie_rate", "both_bad_rate", "longer_win_rate"],
        rows: overall
            .chain(by_annotator)
            .map(|(name, s)| {
                vec![
                    name,
                    s.battles.to_string(),
                    p.option(s.first_shown_win_rate),
                    p.option(s.position_p_value),
                    p.option(s.tie_rate),
                    p.option(s.both_bad_rate),
                    p.option(s.length.as_ref().and_then(|l| l.longer_win_rate)),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: "disagreements",
        title: "Disagreement queue",
        header: vec!["item_id", "n_judgments", "disagreement", "annotator", "group", "winner", "scores", "flags"],
        rows: report
            .disagreements
            .iter()
            .flat_map(|d| {
                d.answers.iter().map(move |a| {
                    vec![
                        d.item_id.clone(),
                        d.n_judgments.to_string(),
                        p.number(d.disagreement),
                        a.annotator.clone(),
                        text(&a.group),
                        text(&a.winner),
                        a.scores.as_ref().map(|s| serde_json::Value::Object(s.clone()).to_string()).unwrap_or_default(),
                        a.flags.as_ref().map(|f| f.join(" ")).unwrap_or_default(),
                    ]
                })
            })
            .collect(),
    });
    tables.push(Table {
        name: "problems",
        title: "Problems",
        header: vec!["problem"],
        rows: o.problems.iter().map(|problem| vec![problem.clone()]).collect(),
    });
    tables
}

/// The CSV files: one per table, header first, CRLF line ends.
pub(crate) fn tables(report: &QualityReport) -> Vec<(String, String)> {
    all(report, Precision::Full)
        .into_iter()
        .map(|table| {
            let mut out = String::new();
            let mut push_row = |cells: &mut dyn Iterator<Item = &str>| {
                let fields: Vec<String> = cells.map(|cell| csv_field(cell).into_owned()).collect();
                out.push_str(&fields.join(","));
                out.push_str("\r\n");
            };
            push_row(&mut table.header.iter().copied());
            for row in &table.rows {
                push_row(&mut row.iter().map(String::as_str));
            }
            (format!("{}.csv", table.name), out)
        })
        .collect()
}
