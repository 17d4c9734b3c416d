//! The quality lead's report: one pass over judgment files gives every number the quality
//! dashboard and `verdict report` show — overview, agreement, pairwise agreement, per-annotator
//! and per-group quality against KPIs, weekly trend, LLM judges against the human majority,
//! leaderboard, bias and the disagreement queue — as one serializable [`QualityReport`].
//!
//! Definitions (disagreement, judge agreement, position consistency, KPIs) are in
//! `docs/METRICS.md`, section "Quality report". Pure: no clock, no threads, no IO, so the web
//! app's worker and the CLI give the same report for the same files.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod build;
mod confusion;
mod csv;
mod html;
pub mod kpi;
pub mod vendor;
mod wellbeing;
pub mod words;

pub use confusion::{confusion, Confusion};
pub use vendor::{vendor_sections, AuditInput, VendorSections};

use crate::agreement::AgreementResult;
use crate::ranking::{BiasReport, Leaderboard};
pub use wellbeing::WellbeingSection;

/// Quality targets: a row fails a KPI only when its number is defined.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {
    /// Lowest acceptable share of answers equal to gold (0.90).
    pub min_gold_accuracy: f64,
    /// Lowest acceptable Krippendorff's alpha (0.667, Krippendorff's "tentative" threshold).
    pub min_alpha: f64,
    /// Highest acceptable share of decisive wins going to the output shown first (0.65).
    pub max_position_bias: f64,
    /// Fewer observations than this never make a KPI "below target" (30).
    pub min_n: u64,
    /// False-discovery rate of the Benjamini–Hochberg step across the raters tested (0.05).
    pub fdr: f64,
}

impl Default for Kpi {
    fn default() -> Self {
        Kpi { min_gold_accuracy: 0.90, min_alpha: 0.667, max_position_bias: 0.65, min_n: 30, fdr: 0.05 }
    }
}

/// What [`build_report`] computes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// Bootstrap resamples for every confidence interval (200).
    pub bootstrap: u32,
    /// Bootstrap seed: the same seed gives the same intervals in the CLI and the browser.
    pub seed: u64,
    /// Quality targets.
    pub kpi: Kpi,
    /// Count LLM judges' battles in the leaderboard (DESIGN: judges are kept apart from humans
    /// unless the user includes them; the judges table always compares them with the humans).
    pub include_judges: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions { bootstrap: 200, seed: 0, kpi: Kpi::default(), include_judges: false }
    }
}

/// Judgments submitted on one UTC day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Judgments (after replacements) submitted that day.
    pub judgments: u64,
}

/// Counts over the whole input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Judgments kept (a later judgment of the same (item, annotator) replaces the earlier one).
    pub n_judgments: u64,
    /// Distinct items judged.
    pub n_items: u64,
    /// Distinct human annotators (LLM judges are counted in `n_judges`).
    pub n_annotators: u32,
    /// Distinct LLM judges (`judge:` prefix or `kind: "judge"`).
    #[serde(default)]
    pub n_judges: u32,
    /// Distinct groups named by annotators.
    pub n_groups: u32,
    /// Items with two or more judgments.
    pub n_items_multi: u64,
    /// Judgments per day of `submitted_at` (or `started_at`), ascending.
    pub per_day: Vec<DayCount>,
    /// Judgments without a readable time.
    pub n_undated: u64,
    /// Problems found (bad lines, replaced judgments, task and rubric problems).
    pub n_problems: u64,
    /// How many of them are warnings (replaced judgments, …): all of them means nothing was rejected.
    #[serde(default)]
    pub n_warnings: u64,
    /// The first 50 problems as `file:line: field: problem` (in English).
    pub problems: Vec<String>,
    /// The same problems, typed: the HTML report words them in its language.
    #[serde(skip)]
    pub problem_details: Vec<crate::problem::Problem>,
    /// The one reader's input summary (the same block as every command's `"input"`).
    #[serde(default)]
    pub input: crate::read::InputSummary,
}

/// Percent agreement between the most active human annotators on the preference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pairwise {
    /// The criterion compared (`preference`, or the first criterion without preferences).
    pub criterion: String,
    /// Up to 25 human annotators with the most judgments (most first, then by id).
    pub annotators: Vec<String>,
    /// `agreement[i][j]`: share of shared items where i and j gave the same value; `null` when
    /// they share none and on the diagonal.
    pub agreement: Vec<Vec<Option<f64>>>,
    /// `shared[i][j]`: items both rated (0 on the diagonal).
    pub shared: Vec<Vec<u64>>,
}

/// One annotator's quality row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotatorRow {
    /// Annotator id.
    pub annotator: String,
    /// Their group, if any.
    pub group: Option<String>,
    /// True for an LLM judge.
    pub is_judge: bool,
    /// Judgments kept.
    pub judgments: u64,
    /// Median seconds per judgment (`duration_ms`, else `submitted_at − started_at`).
    pub median_seconds: Option<f64>,
    /// Krippendorff's alpha of the humans on the primary criterion, this annotator included.
    pub alpha_with: Option<f64>,
    /// The same without this annotator.
    pub alpha_without: Option<f64>,
    /// `alpha_with − alpha_without`: negative when the annotator lowers agreement.
    pub alpha_delta: Option<f64>,
    /// Mean Cohen's kappa with each human sharing items.
    pub mean_cohen_kappa: Option<f64>,
    /// Share of answers equal to gold.
    pub gold_accuracy: Option<f64>,
    /// Answers compared with gold.
    pub n_gold: u64,
    /// Share of decisive wins going to the output shown first.
    pub position_bias: Option<f64>,
    /// Share of battles judged `tie`.
    pub tie_rate: Option<f64>,
    /// Share of battles judged `both_bad`.
    pub both_bad_rate: Option<f64>,
    /// Share of judgments with at least one flag.
    pub flag_rate: Option<f64>,
    /// No KPI is below target.
    pub pass: bool,
    /// KPIs below target with evidence (`report::kpi`): `gold_accuracy`, `alpha_delta`, `position_bias`.
    pub failed: Vec<String>,
    /// KPIs whose value misses the target without the evidence to say so (too few observations,
    /// an interval that reaches the target, or not significant after Benjamini–Hochberg).
    #[serde(default)]
    pub insufficient: Vec<String>,
    /// Each KPI's observations, value, 95 % interval, q-value and verdict.
    #[serde(default)]
    pub kpis: Vec<kpi::KpiCheck>,
}

/// One group's (site's, vendor's) quality row; humans only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRow {
    /// Group name.
    pub group: String,
    /// Human annotators in the group.
    pub annotators: u32,
    /// Their judgments.
    pub judgments: u64,
    /// Krippendorff's alpha within the group on the primary criterion.
    pub alpha: Option<f64>,
    /// Bootstrap interval of `alpha`, lower end.
    pub ci_low: Option<f64>,
    /// Upper end.
    pub ci_high: Option<f64>,
    /// Share of the group's answers equal to gold.
    pub gold_accuracy: Option<f64>,
    /// Share of the group's battles judged `tie`.
    pub tie_rate: Option<f64>,
    /// No KPI is below target.
    pub pass: bool,
    /// KPIs below target with evidence: `alpha` (its bootstrap interval wholly below the
    /// minimum), `gold_accuracy` (Wilson interval below, binomial test after Benjamini–Hochberg).
    pub failed: Vec<String>,
    /// KPIs whose value misses the target without the evidence to say so.
    #[serde(default)]
    pub insufficient: Vec<String>,
}

/// One group's week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendRow {
    /// Group name.
    pub group: String,
    /// ISO week of `submitted_at` (or `started_at`), e.g. `2026-W48`.
    pub period: String,
    /// Human judgments of the group that week.
    pub judgments: u64,
    /// Percent agreement among them on items with two or more of them.
    pub percent_agreement: Option<f64>,
}

/// One LLM judge against the human majority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeRow {
    /// Judge id (`judge:<model>`).
    pub judge: String,
    /// Items the judge judged that at least one human judged too.
    pub n_items: u64,
    /// Share of those items (with a unique human majority) where the judge picked it.
    pub agreement: Option<f64>,
    /// Cohen's kappa of the judge against the human majority.
    pub kappa: Option<f64>,
    /// Bootstrap interval of `agreement` over items, lower end.
    pub ci_low: Option<f64>,
    /// Upper end.
    pub ci_high: Option<f64>,
    /// Comparisons the judge judged in both display orders.
    pub n_swapped_pairs: u64,
    /// Share of those where both orders named the same winner.
    pub position_consistency: Option<f64>,
    /// Agreement with the human majority per ISO week of the judge's `submitted_at`.
    #[serde(default)]
    pub weekly: Vec<JudgeWeek>,
    /// Drift: weeks where a tabular CUSUM of the weekly disagreement rate (k = 0.5, h = 5 in σ
    /// units, standardized per week's n; `spc`) signals a sustained shift, up or down.
    #[serde(default)]
    pub drift: Vec<JudgeDrift>,
}

/// One week of an LLM judge's agreement with the human majority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeWeek {
    /// ISO week, `2026-W48`.
    pub period: String,
    /// Items compared that week.
    pub n: u64,
    /// Share of them where the judge picked the human majority.
    pub agreement: Option<f64>,
}

/// A CUSUM signal on a judge's weekly disagreement rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeDrift {
    /// The week where the CUSUM crossed its decision interval.
    pub period: String,
    /// `cusum_upper` (disagreement rose) or `cusum_lower` (it fell).
    pub rule: String,
}

/// One human answer in the disagreement queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Annotator id.
    pub annotator: String,
    /// Their group.
    pub group: Option<String>,
    /// `preference.winner`.
    pub winner: Option<String>,
    /// `scores`.
    pub scores: Option<Map<String, Value>>,
    /// `flags`.
    pub flags: Option<Vec<String>>,
}

/// An item humans disagree on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Item id.
    pub item_id: String,
    /// Human judgments of the item.
    pub n_judgments: u64,
    /// 1 − share of the most common answer.
    pub disagreement: f64,
    /// The answers, in file order.
    pub answers: Vec<Answer>,
}

/// Everything the quality dashboard and `verdict report` show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QualityReport {
    /// Counts.
    pub overview: Overview,
    /// Every criterion's default metrics with bootstrap CIs, as `verdict agree --json` prints.
    pub agreement: Vec<AgreementResult>,
    /// Pairwise percent agreement of the most active humans.
    pub pairwise: Pairwise,
    /// Per-annotator quality, in first-seen order.
    pub annotators: Vec<AnnotatorRow>,
    /// Per-group quality (humans).
    pub groups: Vec<GroupRow>,
    /// Per group and ISO week.
    pub trend: Vec<TrendRow>,
    /// LLM judges against the human majority.
    pub judges: Vec<JudgeRow>,
    /// Bradley–Terry leaderboard, as `verdict rank --json` prints.
    pub leaderboard: Leaderboard,
    /// Bias diagnostics, as `verdict rank --json` prints.
    pub bias: BiasReport,
    /// Items with two or more human judgments, most disputed first (at most 1000).
    pub disagreements: Vec<Disagreement>,
    /// The targets used.
    pub kpi: Kpi,
    /// Bootstrap resamples used.
    pub bootstrap: u32,
    /// Bootstrap seed used.
    pub seed: u64,
    /// Exposure to sensitive or flagged items per rater and site (issue #19).
    #[serde(default)]
    pub wellbeing: wellbeing::WellbeingSection,
    /// The vendor sections (control charts, signals, KPI flags, strata, audit), when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<VendorSections>,
}

/// At most this many problems are listed in the overview.
pub const MAX_PROBLEMS: usize = 50;

/// Builds the report of `judgment_files` (`(name, JSONL text)`, read as one stream: a later
/// judgment of the same `(item_id, annotator)` replaces an earlier one, also across files),
/// with gold answers from `tasks` and criteria from `rubric` (`(name, text)` each). Bad lines
/// are listed in the overview, never fatal.
///
/// ```
/// use verdict_core::report::{build_report, ReportOptions};
/// let text = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"ann-1","shown":["a","b"],"preference":{"winner":"a"}}
/// {"schema":"verdict/judgment@1","item_id":"q1","annotator":"ann-2","shown":["b","a"],"preference":{"winner":"b"}}
/// {"schema":"verdict/judgment@1","item_id":"q1","annotator":"judge:gpt","shown":["a","b"],"preference":{"winner":"a"}}"#;
/// let report = build_report(&[("j.jsonl", text)], None, None, &ReportOptions { bootstrap: 0, ..ReportOptions::default() });
/// assert_eq!(report.overview.n_judgments, 3);
/// assert_eq!(report.disagreements[0].disagreement, 0.5);
/// assert_eq!(report.judges[0].n_items, 1);
/// ```
pub fn build_report(
    judgment_files: &[(&str, &str)],
    tasks: Option<(&str, &str)>,
    rubric: Option<(&str, &str)>,
    options: &ReportOptions,
) -> QualityReport {
    let unlimited = crate::read::Limits { max_annotators: u64::MAX, ..crate::read::Limits::default() };
    build::build(judgment_files, tasks, rubric, options, &unlimited).expect("no limit is in force")
}

/// [`build_report`] within `limits`: an input over a limit (e.g. more distinct annotators than
/// `limits.max_annotators`) is refused before the per-annotator tables are built.
pub fn try_build_report(
    judgment_files: &[(&str, &str)],
    tasks: Option<(&str, &str)>,
    rubric: Option<(&str, &str)>,
    options: &ReportOptions,
    limits: &crate::read::Limits,
) -> Result<QualityReport, crate::read::LimitExceeded> {
    build::build(judgment_files, tasks, rubric, options, limits)
}

/// The report as one self-contained HTML page: inline CSS and SVG charts, no script and no
/// external request; every text taken from the input is escaped. The MT-Bench attribution is
/// added to the footer when the report shows that data.
pub fn render_html(report: &QualityReport) -> String {
    html::render(report, "en")
}

/// [`render_html`] with the report's own words in `lang` (BCP 47): any interface language
/// ([`words::REPORT_LANGUAGES`], matched by [`words::report_language`]); another language gets
/// English and a note saying so. `<html lang dir>` name the language written.
pub fn render_html_in(report: &QualityReport, lang: &str) -> String {
    html::render(report, lang)
}

/// Every table of the report as `(file name, CSV text)`: RFC 4180 quoting
/// ([`csv_field`](crate::export::csv_field)), CRLF line ends, empty cells for undefined values.
pub fn csv_tables(report: &QualityReport) -> Vec<(String, String)> {
    csv::tables(report)
}
