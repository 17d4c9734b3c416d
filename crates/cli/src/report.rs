//! `verdict report`: the quality lead's report as one self-contained HTML file (and, with
//! `--csv-dir`, every table as CSV). The numbers come from `verdict_core::report`, the same
//! function the web app's quality dashboard runs in its worker.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use verdict_core::judgment::to_jsonl;
use verdict_core::output::Output;
use verdict_core::read::read_texts;
use verdict_core::report::words::{report_language as matching_language, REPORT_LANGUAGES};
use verdict_core::report::{csv_tables, render_html_in, try_build_report, Kpi, ReportOptions};

use crate::{input, select};

/// `--lang`: a report language, or an error listing them.
fn report_language(tag: &str) -> Result<&'static str, String> {
    matching_language(tag).ok_or_else(|| format!("no report in \"{tag}\": choose one of {}", REPORT_LANGUAGES.join(", ")))
}

/// Arguments of `verdict report`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Agreement equals `verdict agree --json --raters '*' --bootstrap N --seed S` (every rater), the leaderboard `verdict rank --json --raters humans --bootstrap N --seed S` (with --include-judges: without --raters).\n\
Definitions (disagreement, judge agreement, position consistency, KPIs): docs/METRICS.md, \"Quality report\"."
)]
pub struct ReportArgs {
    /// Judgment files (JSONL), read as one stream; `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Rubric (JSON): criteria, per-output flags, levels and declared scales.
    #[arg(long)]
    pub rubric: Option<String>,
    /// Task file with gold answers (accuracy against gold; also output texts for length bias).
    #[arg(long, value_name = "TASKS")]
    pub gold: Option<String>,
    /// Bootstrap resamples for every confidence interval.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub bootstrap: u32,
    /// Bootstrap seed (same seed, same intervals, in the CLI and the browser).
    #[arg(long, default_value_t = 0, value_name = "S")]
    pub seed: u64,
    /// KPI: lowest acceptable accuracy against gold.
    #[arg(long, default_value_t = Kpi::default().min_gold_accuracy, value_name = "SHARE")]
    pub min_gold_accuracy: f64,
    /// KPI: lowest acceptable Krippendorff's alpha.
    #[arg(long, default_value_t = Kpi::default().min_alpha, value_name = "ALPHA")]
    pub min_alpha: f64,
    /// KPI: highest acceptable share of decisive wins going to the output shown first.
    #[arg(long, default_value_t = Kpi::default().max_position_bias, value_name = "SHARE")]
    pub max_position_bias: f64,
    /// Count LLM judges' battles in the leaderboard (by default it is the humans'; the judges
    /// table compares judges with humans either way).
    #[arg(long)]
    pub include_judges: bool,
    /// The HTML file to write (required unless --json).
    #[arg(long, value_name = "FILE", required_unless_present = "json")]
    pub out: Option<String>,
    /// Language of the HTML report's own words: en, ar, zh-CN, ja, id, th, vi, es, pt-BR or fil
    /// (a regional tag such as pt-PT or zh-Hans finds its language). Column names stay the CSV's.
    #[arg(long, default_value = "en", value_name = "LANG", value_parser = report_language)]
    pub lang: &'static str,
    /// Also write every table as CSV into this directory (created if missing).
    #[arg(long, value_name = "DIR")]
    pub csv_dir: Option<String>,
    /// Print the whole report as one JSON object (with the input summary as `"input"`).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub select: select::SelectArgs,
    #[command(flatten)]
    pub limits: input::LimitArgs,
    #[command(flatten)]
    pub vendor: crate::report_vendor::VendorArgs,
}

/// Runs `verdict report`.
pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    if args.files.iter().filter(|f| *f == "-").count() > 1 {
        bail!("stdin (`-`) can be read only once");
    }
    let texts: Vec<(String, String)> =
        args.files.iter().map(|path| Ok((path.clone(), input::read_text(path)?))).collect::<anyhow::Result<_>>()?;
    let mut named: Vec<(&str, &str)> = texts.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
    // Every rater by default (the report keeps LLM judges apart itself); a selection is applied
    // to the judgments the one reader kept, and the report is built from those.
    let selection = args.select.selection(None)?;
    let mut whole = None;
    let selected_text;
    if !selection.is_everything() {
        let read = read_texts(&named);
        let kept = select::filter(read.judgments, &selection);
        selected_text = to_jsonl(&kept);
        whole = Some((read.summary, read.problems, kept.len() as u64));
        named = vec![("selected", selected_text.as_str())];
    }
    let gold = args.gold.as_ref().map(|path| Ok::<_, anyhow::Error>((path.clone(), input::read_text(path)?))).transpose()?;
    let rubric = args.rubric.as_ref().map(|path| Ok::<_, anyhow::Error>((path.clone(), input::read_text(path)?))).transpose()?;
    let limits = args.limits.limits()?;
    limits.check_bootstrap(u64::from(args.bootstrap))?;
    let options = ReportOptions {
        bootstrap: args.bootstrap,
        seed: args.seed,
        kpi: Kpi {
            min_gold_accuracy: args.min_gold_accuracy,
            min_alpha: args.min_alpha,
            max_position_bias: args.max_position_bias,
            ..Kpi::default()
        },
        include_judges: args.include_judges,
    };
    let mut report = try_build_report(
        &named,
        gold.as_ref().map(|(name, text)| (name.as_str(), text.as_str())),
        rubric.as_ref().map(|(name, text)| (name.as_str(), text.as_str())),
        &options,
        &limits,
    )?;
    // The input block and problems describe the whole input, not the selected judgments.
    let selected = match whole {
        Some((summary, problems, selected)) => {
            report.overview.problems = problems.iter().map(verdict_core::problem::in_english).collect();
            report.overview.n_problems = problems.len() as u64;
            report.overview.n_warnings = problems.iter().filter(|p| !p.is_error()).count() as u64;
            report.overview.input = summary;
            selected
        }
        None => report.overview.n_judgments,
    };
    if report.overview.input.lines == 0 {
        bail!("no judgments: the input is empty");
    }
    if args.vendor.any() {
        let tasks = gold.as_ref().map(|(name, text)| verdict_core::task::load_tasks(name, text).records).unwrap_or_default();
        report.vendor = Some(args.vendor.sections(&named, &tasks)?);
    }
    if let Some(out) = &args.out {
        std::fs::write(out, render_html_in(&report, args.lang)).with_context(|| format!("cannot write {out}"))?;
    }
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if let serde_json::Value::Object(object) = &mut value {
            object.insert("input".into(), serde_json::to_value(&report.overview.input)?);
            object.insert("selected".into(), serde_json::to_value(selected)?);
        }
        let mut stdout = io::stdout().lock();
        serde_json::to_writer(&mut stdout, &Output::Report.wrap(&value))?;
        writeln!(stdout)?;
    }
    if let Some(dir) = &args.csv_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {dir}"))?;
        for (name, text) in csv_tables(&report) {
            let path = Path::new(dir).join(&name);
            std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for problem in &report.overview.problems {
        writeln!(err, "{problem}")?;
    }
    if report.overview.n_problems > report.overview.problems.len() as u64 {
        writeln!(
            err,
            "verdict report: {} more problems (run `verdict validate` for all)",
            report.overview.n_problems - report.overview.problems.len() as u64
        )?;
    }
    let failing = report.annotators.iter().filter(|a| !a.pass).count();
    let unproven = report.annotators.iter().filter(|a| a.pass && !a.insufficient.is_empty()).count();
    writeln!(err, "{} (selected {selected})", input::summary_line(&report.overview.input))?;
    writeln!(
        err,
        "verdict report: {} judgments, {} ({failing} below a KPI target, {unproven} more without enough evidence), {}, {} groups{}",
        report.overview.n_judgments,
        input::count(report.overview.n_annotators, "annotator", "annotators"),
        input::count(report.overview.n_judges, "LLM judge", "LLM judges"),
        report.groups.len(),
        args.out.as_ref().map_or_else(String::new, |out| format!("; wrote {out}"))
    )?;
    let bad_lines = report.overview.problems.iter().any(|p| !p.contains(": warning: "));
    Ok(if bad_lines { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
