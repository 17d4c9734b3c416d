//! `verdict plan`: a campaign's assignments (designed overlap, hidden gold, repeats,
//! calibration), as a summary, as JSON or as per-rater task files plus a CSV; and
//! `verdict plan size`: items, gold items or battles needed, by seeded simulation.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::json;
use verdict_core::agreement::Level;
use verdict_core::output::Output;
use verdict_core::plan::campaign::{check_references, resolve_path, CampaignProblem, ProblemKind};
use verdict_core::plan::size::{self, AlphaPlan, BtPlan, SizeAnswer, SizeError};
use verdict_core::plan::{self, files, parse_campaign, Campaign, PlanJson, Shortfall};
use verdict_core::task::{load_tasks, Task};

use crate::input;

/// Arguments of `verdict plan`.
#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub size: Option<SizeCommand>,
    /// The campaign file (`verdict/campaign@1`); its `tasks` path is read relative to it.
    pub campaign: Option<String>,
    /// Print `{"campaign", "assignments", "summary", "shortfalls"}` instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// Write one task file per rater (`<annotator>.jsonl`, items in queue order) and
    /// `assignments.csv` into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// `verdict plan size`.
#[derive(clap::Subcommand, Debug)]
pub enum SizeCommand {
    /// How many items, gold items or battles a measurement needs (seeded simulation).
    Size(SizeArgs),
}

/// Arguments of `verdict plan size`.
#[derive(clap::Args, Debug)]
pub struct SizeArgs {
    /// `alpha`: items for Krippendorff's α to a CI half-width; `accuracy`: gold items for
    /// accuracy ± width; `bt`: battles to separate two models `--elo` apart.
    #[arg(long, value_enum)]
    pub metric: SizeMetric,
    /// alpha: level of measurement.
    #[arg(long, value_enum, default_value = "nominal")]
    pub level: LevelArg,
    /// alpha: categories of the scale.
    #[arg(long, default_value_t = 2)]
    pub categories: u32,
    /// alpha: raters per item.
    #[arg(long, default_value_t = 2)]
    pub raters: u32,
    /// alpha: expected α.
    #[arg(long, default_value_t = 0.8)]
    pub alpha: f64,
    /// alpha and accuracy: half-width of the 95% interval.
    #[arg(long, default_value_t = 0.1)]
    pub width: f64,
    /// accuracy: expected accuracy against gold.
    #[arg(long, default_value_t = 0.8)]
    pub accuracy: f64,
    /// bt: true difference in Elo points.
    #[arg(long, default_value_t = 50.0)]
    pub elo: f64,
    /// bt: share of tied battles.
    #[arg(long, default_value_t = 0.0)]
    pub ties: f64,
    /// bt: power wanted.
    #[arg(long, default_value_t = 0.8)]
    pub power: f64,
    /// Simulated data sets per candidate size (alpha: 40, bt: 2000 when not given).
    #[arg(long)]
    pub replications: Option<u32>,
    /// alpha: bootstrap resamples per data set.
    #[arg(long, default_value_t = 500)]
    pub bootstrap: u32,
    /// Seed of the simulation.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print JSON (inputs echoed) instead of a sentence.
    #[arg(long)]
    pub json: bool,
}

/// `--metric` of `plan size`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum SizeMetric {
    /// Krippendorff's α.
    Alpha,
    /// Accuracy against gold.
    Accuracy,
    /// Bradley–Terry separation.
    Bt,
}

/// `--level` of `plan size`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum LevelArg {
    /// Nominal.
    Nominal,
    /// Ordinal.
    Ordinal,
    /// Interval.
    Interval,
}

/// Runs `verdict plan` or `verdict plan size`.
pub fn run(args: &PlanArgs) -> anyhow::Result<ExitCode> {
    if let Some(SizeCommand::Size(size_args)) = &args.size {
        return run_size(size_args);
    }
    let Some(path) = &args.campaign else { anyhow::bail!("give a campaign file (verdict plan CAMPAIGN.json) or `verdict plan size`") };
    let text = input::read_text(path)?;
    let campaign = match parse_campaign(&text) {
        Ok(campaign) => campaign,
        Err(problems) => return Ok(report_problems(path, &problems)),
    };
    let tasks_path = resolve_path(path, &campaign.tasks);
    let tasks_text = match std::fs::read_to_string(&tasks_path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}:tasks: cannot read {tasks_path}: {error}");
            return Ok(ExitCode::from(1));
        }
    };
    let loaded = load_tasks(&tasks_path, &tasks_text);
    for problem in &loaded.problems {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    let tasks = loaded.records;
    let problems = check_references(&campaign, &tasks);
    if !problems.is_empty() {
        return Ok(report_problems(path, &problems));
    }
    let plan = plan::plan(&campaign, &tasks);
    if let Some(dir) = &args.out {
        write_out(dir, &campaign, &tasks, &plan)?;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer(&mut out, &Output::Plan.wrap(&PlanJson { campaign: &campaign, tasks: &tasks, plan: &plan }))?;
        writeln!(out)?;
    } else {
        out.write_all(summary_text(&campaign, &plan).as_bytes())?;
    }
    out.flush()?;
    if !plan.shortfalls.is_empty() {
        eprintln!(
            "verdict plan: {}: the plan does not do everything the campaign asks (listed above / in --json)",
            crate::input::count(plan.shortfalls.len() as u64, "shortfall", "shortfalls")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn report_problems(path: &str, problems: &[CampaignProblem]) -> ExitCode {
    for problem in problems {
        eprintln!("{path}:{}: {}", problem.field, problem_text(&problem.kind));
    }
    ExitCode::from(1)
}

/// A campaign problem in English.
fn problem_text(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::NotJson { message } => format!("not valid JSON: {message}"),
        ProblemKind::UnknownField => "unknown field (campaign@1 has no such field; check the spelling)".into(),
        ProblemKind::Missing => "missing: this field is required".into(),
        ProblemKind::WrongType { expected, found } => format!("expected {expected}, found {found}"),
        ProblemKind::WrongSchema { found } => format!("schema is \"{found}\"; this version reads \"{}\"", plan::campaign::SCHEMA),
        ProblemKind::Blank => "must not be blank".into(),
        ProblemKind::DuplicateAnnotator { annotator, first } => {
            format!("duplicate annotator id \"{annotator}\" (first at roster[{first}])")
        }
        ProblemKind::DuplicateItem { item_id } => format!("item \"{item_id}\" is listed twice"),
        ProblemKind::OutOfRange { value, min, max } => format!("{value} is out of range: allowed {min} to {max}"),
        ProblemKind::UnknownRole { role } => format!("unknown role \"{role}\": use \"rater\" or \"lead\""),
        ProblemKind::UnknownFeedback { value } => format!("unknown feedback \"{value}\": use \"never\" or \"after_submit\""),
        ProblemKind::NoRaters => "no roster member has role \"rater\": nobody to assign items to".into(),
        ProblemKind::TooMany { found, limit } => format!("{found} entries; the limit is {limit}"),
        ProblemKind::RatesTooLarge { sum } => {
            format!("gold.rate + repeats.rate = {sum}; at most {} so that most of a queue is real work", plan::campaign::MAX_EXTRA_RATE)
        }
        ProblemKind::UnknownItem { item_id } => format!("calibration item \"{item_id}\" is not in the task file"),
        ProblemKind::NoGold { item_id } => format!("calibration item \"{item_id}\" has no gold answer to score it against"),
    }
}

/// A file name for an annotator id: letters, digits, `.`, `-`, `_` kept, anything else `_`.
fn file_stem(annotator: &str) -> String {
    annotator.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect()
}

fn write_out(dir: &Path, campaign: &Campaign, tasks: &[Task], plan: &plan::Plan) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut start = 0;
    let mut written = std::collections::BTreeSet::new();
    while start < plan.assignments.len() {
        let rater = plan.assignments[start].rater;
        let end = plan.assignments[start..].iter().position(|a| a.rater != rater).map_or(plan.assignments.len(), |p| start + p);
        let mut stem = file_stem(&campaign.roster[rater as usize].annotator);
        while !written.insert(stem.clone()) {
            stem.push('_'); // two ids that differ only in replaced characters
        }
        let file = dir.join(format!("{stem}.jsonl"));
        std::fs::write(&file, files::queue_task_file(tasks, &plan.assignments[start..end]))
            .with_context(|| format!("cannot write {}", file.display()))?;
        start = end;
    }
    let csv = dir.join("assignments.csv");
    std::fs::write(&csv, files::assignments_csv(campaign, tasks, plan)).with_context(|| format!("cannot write {}", csv.display()))?;
    Ok(())
}

fn summary_text(campaign: &Campaign, plan: &plan::Plan) -> String {
    let s = &plan.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "campaign {}: {} raters, {} task items, {} gold items, {} calibration items",
        campaign.id, s.raters, s.task_items, s.gold_items, s.calibration_items
    );
    let a = &s.assignments;
    let _ = writeln!(out, "assignments: {} task, {} gold, {} repeat, {} calibration", a.task, a.gold, a.repeat, a.calibration);
    let _ = writeln!(out, "covered: {} of {} task items have every rater they need", s.covered_items, s.task_items);
    if let Some(load) = &s.load {
        let _ = writeln!(out, "load (task items, raters without a binding quota): {} to {}", load.min, load.max);
    }
    if let Some(pairs) = &s.pair_overlap {
        let _ = writeln!(
            out,
            "pairwise overlap: {} to {} items (mean {:.1}) over {} rater pairs; {} pairs share nothing",
            pairs.min, pairs.max, pairs.mean, pairs.pairs, pairs.pairs_with_zero
        );
    }
    for group in &s.group_overlap {
        let _ = writeln!(out, "sites {} and {} share {} items", group.group_a, group.group_b, group.items);
    }
    let _ =
        writeln!(out, "\n{:<24} {:<16} {:>7} {:>6} {:>7} {:>6} {:>7}", "annotator", "group", "task", "gold", "repeat", "calib", "quota");
    for r in &s.per_rater {
        let quota = r.quota.map_or("-".to_owned(), |q| if r.quota_binding { format!("{q}*") } else { q.to_string() });
        let c = &r.counts;
        let _ = writeln!(
            out,
            "{:<24} {:<16} {:>7} {:>6} {:>7} {:>6} {:>7}",
            r.annotator,
            r.group.as_deref().unwrap_or("-"),
            c.task,
            c.gold,
            c.repeat,
            c.calibration,
            quota
        );
    }
    if !plan.shortfalls.is_empty() {
        let _ = writeln!(out, "\nshortfalls ({}):", plan.shortfalls.len());
        for shortfall in plan.shortfalls.iter().take(20) {
            let _ = writeln!(out, "  {}", shortfall_text(shortfall));
        }
        if plan.shortfalls.len() > 20 {
            let _ = writeln!(out, "  … and {} more (see --json)", plan.shortfalls.len() - 20);
        }
    }
    out
}

fn shortfall_text(shortfall: &Shortfall) -> String {
    use verdict_core::plan::CoverageReason;
    match shortfall {
        Shortfall::Coverage { item_id, assigned, wanted, reason } => {
            let why = match reason {
                CoverageReason::NoReader { language } => format!("no rater reads {language}"),
                CoverageReason::TooFewReaders { language: Some(language), readers } => format!("only {readers} raters read {language}"),
                CoverageReason::TooFewReaders { language: None, readers } => format!("only {readers} raters on the roster"),
                CoverageReason::QuotasExhausted => "the quotas of its readers are used up".into(),
            };
            format!("item {item_id}: {assigned} of {wanted} raters ({why})")
        }
        Shortfall::NoGoldItems => "gold.rate is set but the task file has no gold item outside calibration".into(),
        Shortfall::GoldPool { annotator, wanted, available } => {
            format!("{annotator}: {wanted} gold items wanted, only {available} readable")
        }
        Shortfall::Repeats { annotator, wanted, placed } => {
            format!("{annotator}: {placed} of {wanted} repeats placed (the queue is short for min_gap)")
        }
    }
}

fn run_size(args: &SizeArgs) -> anyhow::Result<ExitCode> {
    let (inputs, answer): (serde_json::Value, Result<SizeAnswer, SizeError>) = match args.metric {
        SizeMetric::Alpha => {
            let level = match args.level {
                LevelArg::Nominal => Level::Nominal,
                LevelArg::Ordinal => Level::Ordinal,
                LevelArg::Interval => Level::Interval,
            };
            let plan = AlphaPlan {
                level,
                categories: args.categories,
                raters_per_item: args.raters,
                expected_alpha: args.alpha,
                half_width: args.width,
                replications: args.replications.unwrap_or(40),
                bootstrap: args.bootstrap,
                seed: args.seed,
            };
            (serde_json::to_value(&plan)?, size::alpha_items(&plan))
        }
        SizeMetric::Accuracy => (
            json!({"accuracy": args.accuracy, "half_width": args.width, "confidence": 0.95}),
            size::accuracy_items(args.accuracy, args.width),
        ),
        SizeMetric::Bt => {
            let plan = BtPlan {
                elo_difference: args.elo,
                tie_rate: args.ties,
                power: args.power,
                level: 0.05,
                replications: args.replications.unwrap_or(2000),
                seed: args.seed,
            };
            (serde_json::to_value(&plan)?, size::bt_battles(&plan))
        }
    };
    let metric = match args.metric {
        SizeMetric::Alpha => "alpha",
        SizeMetric::Accuracy => "accuracy",
        SizeMetric::Bt => "bt",
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(SizeError::OutOfRange { parameter, value }) => {
            eprintln!("verdict plan size: --{parameter} {value} is out of range (see verdict plan size --help)");
            return Ok(ExitCode::from(2));
        }
        Err(SizeError::TooLarge) => {
            eprintln!("verdict plan size: more than {} would be needed; widen --width or enlarge the difference", size::MAX_N);
            return Ok(ExitCode::from(1));
        }
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&Output::PlanSize.wrap(
                &json!({"metric": metric, "inputs": inputs, "seed": args.seed, "n": answer.n, "half_width": answer.half_width, "power": answer.power})
            ))?
        );
    } else {
        match args.metric {
            SizeMetric::Alpha => println!(
                "{} items rated by {} raters give a 95% CI of α ± {:.3} (simulated, seed {})",
                answer.n,
                args.raters,
                answer.half_width.unwrap_or(f64::NAN),
                args.seed
            ),
            SizeMetric::Accuracy => println!(
                "{} gold items give accuracy {} ± {:.3} (expected Wilson 95% half-width)",
                answer.n,
                args.accuracy,
                answer.half_width.unwrap_or(f64::NAN)
            ),
            SizeMetric::Bt => println!(
                "{} battles separate two models {} Elo apart with power {:.3} (simulated, seed {})",
                answer.n,
                args.elo,
                answer.power.unwrap_or(f64::NAN),
                args.seed
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}
