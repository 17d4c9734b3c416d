//! `verdict spc`: control charts of gold error, disagreement or handling time per group or
//! annotator per day or week, with run-rule signals (`verdict_core::spc`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::json;
use verdict_core::output::Output;
use verdict_core::spc::events::{load_events, place_events};
use verdict_core::spc::metrics::{period_label, subgroups, By, Metric, MetricOptions, Period};
use verdict_core::spc::{compute_chart, ChartKind, ChartOptions, Rule};

/// Arguments of `verdict spc`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Formulas, defaults and references: docs/METRICS.md, \"Statistical process control\".")]
pub struct SpcArgs {
    /// Judgment files (JSONL).
    #[arg(required_unless_present = "from_partials")]
    pub files: Vec<PathBuf>,
    /// Task file with gold answers (needed for `--metric gold_error`).
    #[arg(long, value_name = "TASKS")]
    pub gold: Option<PathBuf>,
    #[command(flatten)]
    pub limits: crate::input::LimitArgs,
    /// What to chart: gold_error, disagreement (with the other raters' majority) or handle_time (seconds).
    #[arg(long, value_parser = ["gold_error", "disagreement", "handle_time"])]
    pub metric: String,
    /// One chart line per group (site, vendor) or per annotator.
    #[arg(long, default_value = "group", value_parser = ["group", "annotator"])]
    pub by: String,
    /// Subgroup period (UTC day or ISO week of submitted_at).
    #[arg(long, default_value = "week", value_parser = ["day", "week"])]
    pub period: String,
    /// Chart: p, np, laney, u, c, ewma, cusum, imr or xbar_s.
    #[arg(long, value_parser = ["p", "np", "laney", "u", "c", "ewma", "cusum", "imr", "xbar_s"])]
    pub chart: String,
    /// Phase II: estimate limits from the periods FROM..TO (inclusive; dates or ISO weeks) and freeze them.
    #[arg(long, value_name = "FROM..TO")]
    pub baseline: Option<String>,
    /// Run rules: `we` (Western Electric 1–4), `nelson` (1–8), or a list such as `we1,we2,nelson3`.
    #[arg(long, default_value = "we1")]
    pub rules: String,
    /// EWMA weight λ.
    #[arg(long, default_value_t = 0.2)]
    pub lambda: f64,
    /// EWMA limit width L (2.962 gives an in-control ARL ≈ 500 at λ = 0.2).
    #[arg(long = "L", default_value_t = 2.962)]
    pub ewma_l: f64,
    /// CUSUM reference value k (σ units).
    #[arg(long, default_value_t = 0.5)]
    pub k: f64,
    /// CUSUM decision interval h (σ units).
    #[arg(long, default_value_t = 5.0)]
    pub h: f64,
    /// Count LLM judges (`judge:` annotators, `kind: "judge"`) too.
    #[arg(long)]
    pub include_judges: bool,
    /// Event annotations: JSON lines `{"date": "2026-11-30", "label": "guideline v3"}` or CSV `date,label`;
    /// each is placed in its period and echoed as `"events"`.
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub partials: crate::partials::PartialsFlags,
}

/// Reads judgment files through the one reader (`input::read_judgments`), printing problems.
pub(crate) fn read_judgments(paths: &[PathBuf], limits: &verdict_core::read::Limits) -> anyhow::Result<verdict_core::read::Input> {
    let input = crate::input::read_judgments(paths, limits)?;
    crate::input::print_problems(&input.problems);
    Ok(input)
}

/// Reads a task file; problems go to stderr.
pub(crate) fn read_tasks(path: &std::path::Path) -> anyhow::Result<Vec<verdict_core::Task>> {
    let name = path.to_string_lossy();
    let loaded = verdict_core::task::load_tasks(&name, &crate::input::read_text(&name)?);
    for problem in &loaded.problems {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    Ok(loaded.records)
}

/// A baseline bound as a period label: ISO weeks stay, dates become their day or week.
fn bound(text: &str, period: Period) -> anyhow::Result<String> {
    if text.len() == 10 {
        if let Some(label) = period_label(&format!("{text}T00:00:00Z"), period) {
            return Ok(label);
        }
    }
    if period == Period::Week && text.len() == 8 && text.as_bytes()[4] == b'-' && text.as_bytes()[5] == b'W' {
        return Ok(text.to_owned());
    }
    bail!("--baseline: `{text}` is not a date (YYYY-MM-DD) or ISO week (YYYY-Www)")
}

/// Runs `verdict spc`.
pub fn run(args: &SpcArgs) -> anyhow::Result<ExitCode> {
    let kind = ChartKind::from_name(&args.chart).context("unknown chart")?;
    let metric = match args.metric.as_str() {
        "gold_error" => Metric::GoldError,
        "disagreement" => Metric::Disagreement,
        _ => Metric::HandleTime,
    };
    let period = if args.period == "day" { Period::Day } else { Period::Week };
    let mut options = ChartOptions::new(kind);
    options.rules = Rule::parse_list(&args.rules)
        .map_err(|part| anyhow::anyhow!("--rules: unknown rule `{part}` (we, nelson, we1…we4, nelson1…nelson8)"))?;
    options.lambda = args.lambda;
    options.ewma_l = args.ewma_l;
    options.cusum_k = args.k;
    options.cusum_h = args.h;
    if let Some(range) = &args.baseline {
        let (from, to) = range.split_once("..").context("--baseline takes FROM..TO")?;
        options.baseline = Some((bound(from, period)?, bound(to, period)?));
    }
    if metric == Metric::GoldError && args.gold.is_none() && args.partials.from_partials.is_empty() {
        bail!("--metric gold_error needs --gold TASKS (a task file with gold answers)");
    }
    let counts_chart = matches!(kind, ChartKind::P | ChartKind::Np | ChartKind::Laney | ChartKind::C | ChartKind::U);
    if metric == Metric::HandleTime && counts_chart {
        bail!("--metric handle_time is measured in seconds: use --chart imr, xbar_s, ewma or cusum");
    }
    if metric != Metric::HandleTime && kind == ChartKind::XbarS {
        bail!("--chart xbar_s needs measurements: use --metric handle_time");
    }
    let metric_options = MetricOptions {
        metric,
        by: if args.by == "annotator" { By::Annotator } else { By::Group },
        period,
        include_llm_judges: args.include_judges,
        count_answers: matches!(kind, ChartKind::C | ChartKind::U),
    };
    let events = match &args.events {
        Some(path) => {
            let name = path.to_string_lossy();
            let loaded = load_events(&name, &crate::input::read_text(&name)?);
            crate::input::print_problems(&loaded.problems);
            place_events(&loaded.records, period)
        }
        None => Vec::new(),
    };
    let (groups, skipped, summary) = if args.partials.from_partials.is_empty() {
        let read = read_judgments(&args.files, &args.limits.limits()?)?;
        let tasks = match &args.gold {
            Some(path) => read_tasks(path)?,
            None => Vec::new(),
        };
        let (groups, skipped) = subgroups(&read.judgments, &tasks, metric_options);
        (groups, skipped, read.summary)
    } else {
        crate::partials::spc_from_partials(args, &metric_options)?
    };
    if let Some(path) = &args.partials.partials_out {
        crate::partials::write_spc_partials(path, args, &metric_options, &groups, &skipped, &summary)?;
    }
    let chart = compute_chart(&groups, &options).map_err(|e| anyhow::anyhow!("cannot chart {}: {e}", args.metric))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let mut value = serde_json::to_value(&chart)?;
        let object = value.as_object_mut().expect("a chart serializes as an object");
        object.insert("chart".into(), json!(args.chart));
        object.insert("metric".into(), json!(args.metric));
        object.insert("by".into(), json!(args.by));
        object.insert("period".into(), json!(args.period));
        object.insert("skipped".into(), serde_json::to_value(&skipped)?);
        object.insert("events".into(), serde_json::to_value(&events)?);
        object.insert("input".into(), serde_json::to_value(&summary)?);
        writeln!(out, "{}", serde_json::to_string(&Output::Spc.wrap(&value))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{} chart of {} by {} per {}: centre {:.6}, σ {:.6}",
        args.chart, args.metric, args.by, args.period, chart.centre, chart.sigma
    )?;
    let phase = &chart.phase;
    match &phase.baseline {
        Some((from, to)) => writeln!(out, "phase II: limits from {from}..{to} ({} subgroups)", phase.baseline_subgroups)?,
        None => writeln!(out, "phase I: limits from {} subgroups after {} passes", phase.baseline_subgroups, phase.iterations)?,
    }
    for (key, period) in &phase.excluded {
        writeln!(out, "  excluded from the limits: {key} {period}")?;
    }
    if let Some(d) = &chart.dispersion {
        writeln!(
            out,
            "dispersion: σ_z {:.3}, χ² {:.2} on {} df (p = {:.4}){}",
            d.sigma_z,
            d.chi_squared,
            d.df,
            d.p_value,
            if d.laney_used {
                "; Laney p′ limits used"
            } else if d.overdispersed {
                "; overdispersed: consider --chart laney"
            } else {
                ""
            }
        )?;
    }
    writeln!(out, "{:<24} {:<10} {:>8} {:>12} {:>12} {:>12}", "key", "period", "n", "value", "lcl", "ucl")?;
    for p in &chart.points {
        writeln!(
            out,
            "{:<24} {:<10} {:>8} {:>12.6} {:>12.6} {:>12.6}{}",
            p.key,
            p.period,
            p.n,
            p.value,
            p.lcl,
            p.ucl,
            if p.excluded { " excluded" } else { "" }
        )?;
    }
    for event in &events {
        writeln!(out, "event {} ({}): {}", event.date, event.period, event.label)?;
    }
    writeln!(out, "{} signals", chart.signals.len())?;
    for s in &chart.signals {
        writeln!(out, "  {} {} {} {}: value {:.6}, limits {:.6} to {:.6}", s.chart, s.key, s.period, s.rule, s.value, s.lcl, s.ucl)?;
    }
    if skipped.llm_judges + skipped.no_time + skipped.no_group + skipped.not_comparable > 0 {
        writeln!(
            out,
            "left out: {} LLM-judge judgments, {} without a time, {} without a group, {} with nothing to compare",
            skipped.llm_judges, skipped.no_time, skipped.no_group, skipped.not_comparable
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
