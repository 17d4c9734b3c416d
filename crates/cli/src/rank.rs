//! `verdict rank`: a model leaderboard from preference judgments (Bradley–Terry or online Elo,
//! bootstrap intervals, rank ranges, bias checks), as a table or as DESIGN's `rank --json`.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::ops::Range;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::{Map, Value};
use verdict_core::judgment::Judgment;
use verdict_core::output::Output;
use verdict_core::problem::Problem;
use verdict_core::ranking::controlled::{self, StyleControl};
use verdict_core::ranking::{self, battles, bias, contextual, style, BiasReport, By, Leaderboard, Method, Options};
use verdict_core::read::{read_texts, InputSummary};
use verdict_core::task::{load_tasks, Task};

use crate::{batches, input, select};
use read::{read_blocks, read_for_style};
use table::{write_style_table, write_table};

mod read;
mod table;

/// Arguments of `verdict rank`.
#[derive(clap::Args, Debug)]
pub struct RankArgs {
    /// Judgment JSONL files, read as one stream (a later judgment of the same item and
    /// annotator replaces an earlier one); `-` reads stdin.
    #[arg(required_unless_present = "from_partials")]
    pub files: Vec<String>,
    /// `bt`: Bradley–Terry maximum likelihood on the Elo scale; `elo`: online Elo in file order.
    #[arg(long, value_enum, default_value = "bt")]
    pub method: MethodArg,
    /// Bootstrap rounds for 95% intervals and rank ranges (0: none).
    #[arg(long, default_value_t = 0)]
    pub bootstrap: u32,
    /// Bootstrap seed: the same seed gives the same intervals (also in the browser).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print DESIGN's JSON (`{"method", "models": [...]}` plus diagnostics) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Bradley–Terry: virtual ties of every model against a reference at the mean, for finite
    /// ratings even when a model never lost or never won (0: pure maximum likelihood).
    #[arg(long, default_value_t = 0.0)]
    pub prior: f64,
    /// Online Elo's K-factor.
    #[arg(long, default_value_t = ranking::elo::DEFAULT_K)]
    pub k: f64,
    /// Task file: output texts for the length-bias check, the two compared models of
    /// preferences without `shown`, and `meta` for `--by meta.FIELD`.
    #[arg(long)]
    pub tasks: Option<String>,
    /// One leaderboard per slice: `criterion` (per-output criterion scores) or `meta.FIELD`
    /// (a task `meta` field; needs --tasks).
    #[arg(long)]
    pub by: Option<String>,
    /// Threads for reading and the bootstrap (default: all cores; the results do not depend on it).
    #[arg(long)]
    pub threads: Option<u32>,
    /// Style control (arena-rank's contextual Bradley–Terry): covariates for answer length and
    /// Markdown headers, bold and lists, from the task file's outputs (--tasks) or else the
    /// Arena rows' `conv_metadata`; prints raw and controlled ratings and the coefficients.
    #[arg(long)]
    pub style_control: bool,
    /// Interval method: `sandwich` (robust standard errors, arena-rank's default; the default
    /// with --style-control unless --bootstrap N is given) or `bootstrap` (--bootstrap N rounds).
    #[arg(long, value_enum)]
    pub ci: Option<CiArg>,
    #[command(flatten)]
    pub partials: crate::partials::PartialsFlags,
    #[command(flatten)]
    pub select: select::SelectArgs,
    #[command(flatten)]
    pub limits: input::LimitArgs,
}

/// `--method` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum MethodArg {
    /// Bradley–Terry.
    Bt,
    /// Online Elo.
    Elo,
}

/// `--ci` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CiArg {
    /// Huber–White sandwich standard errors.
    Sandwich,
    /// Percentile bootstrap.
    Bootstrap,
}

/// At most this many problems are printed; `verdict validate` lists all.
const MAX_PROBLEMS_SHOWN: usize = 20;

/// Runs `verdict rank`.
pub fn run(args: &RankArgs) -> anyhow::Result<ExitCode> {
    if !(args.prior >= 0.0 && args.prior.is_finite()) {
        bail!("--prior must be a finite number ≥ 0");
    }
    if !(args.k > 0.0 && args.k.is_finite()) {
        bail!("--k must be a positive number");
    }
    let by = match args.by.as_deref() {
        None => None,
        Some("criterion") => Some(By::Criterion),
        Some(other) => match other.strip_prefix("meta.") {
            Some(field) if !field.is_empty() => Some(By::Meta(field.to_owned())),
            _ => bail!("--by takes `criterion` or `meta.FIELD`, not `{other}`"),
        },
    };
    let ci = match args.ci {
        Some(ci) => Some(ci),
        None if args.bootstrap > 0 => Some(CiArg::Bootstrap),
        None if args.style_control => Some(CiArg::Sandwich),
        None => None,
    };
    if args.style_control || ci == Some(CiArg::Sandwich) {
        let what = if args.style_control { "--style-control" } else { "--ci sandwich" };
        if matches!(args.method, MethodArg::Elo) {
            bail!("{what} needs --method bt");
        }
        if args.prior > 0.0 {
            bail!("{what} fits arena-rank's model, which has no prior: leave out --prior");
        }
        if by.is_some() && args.style_control {
            bail!("--style-control does not take --by yet");
        }
    }
    match ci {
        Some(CiArg::Sandwich) if args.bootstrap > 0 => bail!("--ci sandwich and --bootstrap N: choose one interval method"),
        Some(CiArg::Bootstrap) if args.bootstrap == 0 => bail!("--ci bootstrap needs --bootstrap N (rounds)"),
        _ => {}
    }
    let limits = args.limits.limits()?;
    limits.check_bootstrap(u64::from(args.bootstrap))?;
    // Rank keeps every rater, LLM judges too, unless --raters narrows it.
    let selection = args.select.selection(None)?;
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u32));
    let options = Options {
        method: match args.method {
            MethodArg::Bt => Method::Bt,
            MethodArg::Elo => Method::Elo,
        },
        bootstrap: args.bootstrap,
        seed: args.seed,
        prior: args.prior,
        k: args.k,
        threads: threads.max(1),
    };

    let mut problems: Vec<Problem> = Vec::new();
    let tasks: Option<Vec<Task>> = match &args.tasks {
        None => None,
        Some(path) => {
            let loaded = load_tasks(path, &input::read_text(path)?);
            problems.extend(loaded.problems);
            Some(loaded.records)
        }
    };
    let mut out = String::new();
    let input: InputSummary;
    let selected: u64;
    let mut n_read_errors = 0;
    let n_battles = match &by {
        None if args.style_control => {
            if !selection.is_everything() {
                bail!("--style-control does not take --items, --where or --raters yet");
            }
            let read = read_for_style(&args.files, &limits, options.threads)?;
            input = read.summary;
            selected = input.judgments;
            // read_for_style printed its problems; only their severity counts below.
            n_read_errors = read.problems.iter().filter(|p| p.is_error()).count();
            let set = ranking::BattleSet::from_judgments(&read.judgments, tasks.as_deref());
            limits.check_count("models", set.models.len() as u64)?;
            let mut board = ranking::leaderboard_from_battles(&set, &options);
            if ci == Some(CiArg::Sandwich) {
                controlled::sandwich_intervals(&mut board, &set, contextual::HESSIAN_REG, ranking::CONFIDENCE);
            }
            let source = if tasks.is_some() { style::Source::Tasks } else { style::Source::ConvMetadata };
            let covariates = controlled::battle_covariates(&set, source, &read.judgments, &read.conv_counts, tasks.as_deref());
            let interval = match ci {
                Some(CiArg::Bootstrap) => contextual::Interval::Bootstrap { rounds: args.bootstrap, seed: args.seed },
                _ => contextual::Interval::Sandwich,
            };
            let style_options = controlled::StyleOptions { interval, threads: options.threads, ..controlled::StyleOptions::default() };
            let styled = controlled::style_control(&set, &covariates, &board, source, &style_options);
            let report = bias(&set, tasks.as_deref());
            if args.json {
                let with = WithBias {
                    slice: None,
                    board: &board,
                    bias: &report,
                    input: Some(&input),
                    selected: Some(selected),
                    ci: ci_name(ci),
                    style_control: Some(&styled),
                };
                out = serde_json::to_string_pretty(&Output::Rank.wrap(&with))?;
                out.push('\n');
            } else {
                write_table(&mut out, &board, &report, &options);
                write_style_table(&mut out, &styled);
            }
            set.battles.len()
        }
        None => {
            let set = if args.partials.from_partials.is_empty() {
                let names: Vec<&str> = args.files.iter().map(String::as_str).collect();
                let index = tasks.as_deref().map(battles::TaskIndex::new);
                let mut reader = battles::BlockReader::new(&names, index.as_ref()).select(&selection);
                for (file_index, path) in args.files.iter().enumerate() {
                    read_blocks(&mut reader, file_index, path, options.threads)?;
                }
                let loaded = reader.finish();
                let set = loaded.records.into_iter().next().expect("read_many returns one battle set");
                input = InputSummary::new(args.files.len() as u64, set.n_judgments, set.n_replaced, set.n_skipped_lines, &loaded.problems);
                problems.extend(loaded.problems);
                set
            } else {
                let (set, merged_input) = crate::partials::ranking_from_partials(args)?;
                input = merged_input;
                set
            };
            if let Some(path) = &args.partials.partials_out {
                crate::partials::write_ranking_partials(path, &set, &input)?;
            }
            limits.check_count("models", set.models.len() as u64)?;
            limits.check_count("annotators", set.annotators.len() as u64)?;
            let mut board = ranking::leaderboard_from_battles(&set, &options);
            if ci == Some(CiArg::Sandwich) {
                controlled::sandwich_intervals(&mut board, &set, contextual::HESSIAN_REG, ranking::CONFIDENCE);
            }
            let report = bias(&set, tasks.as_deref());
            selected = set.n_selected;
            if args.json {
                // Partials keep no judgments, so nothing was selected from them: no count is printed.
                let selected = args.partials.from_partials.is_empty().then_some(selected);
                let with = WithBias {
                    slice: None,
                    board: &board,
                    bias: &report,
                    input: Some(&input),
                    selected,
                    ci: ci_name(ci),
                    style_control: None,
                };
                // Written as it is serialized: with thousands of annotators' biases the JSON is
                // megabytes, not worth building in memory first.
                let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
                serde_json::to_writer_pretty(&mut stdout, &Output::Rank.wrap(&with)).context("cannot write to stdout")?;
                stdout.write_all(b"\n").and_then(|()| stdout.flush()).context("cannot write to stdout")?;
            } else {
                write_table(&mut out, &board, &report, &options);
            }
            let n = set.battles.len();
            // The process ends right after: freeing a million item names one by one is wasted time.
            std::mem::forget(set);
            n
        }
        Some(by) => {
            let texts: Vec<(String, String)> =
                args.files.iter().map(|path| Ok((path.clone(), input::read_text(path)?))).collect::<anyhow::Result<_>>()?;
            let named: Vec<(&str, &str)> = texts.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
            let read = read_texts(&named);
            input = read.summary;
            problems.extend(read.problems);
            let judgments: Vec<Judgment> = select::filter(read.judgments, &selection);
            selected = judgments.len() as u64;
            let slices = ranking::slices(&judgments, tasks.as_deref(), by)?;
            let by_name = args.by.clone().unwrap_or_default();
            let mut json_slices = Vec::new();
            let mut total = 0;
            for slice in &slices {
                let mut board = ranking::leaderboard_from_battles(&slice.battles, &options);
                if ci == Some(CiArg::Sandwich) {
                    controlled::sandwich_intervals(&mut board, &slice.battles, contextual::HESSIAN_REG, ranking::CONFIDENCE);
                }
                let report = bias(&slice.battles, tasks.as_deref());
                total += slice.battles.battles.len();
                if args.json {
                    json_slices.push(serde_json::to_value(WithBias {
                        slice: Some(&slice.name),
                        board: &board,
                        bias: &report,
                        input: None,
                        selected: None,
                        ci: ci_name(ci),
                        style_control: None,
                    })?);
                } else {
                    let _ = writeln!(out, "== {by_name} = {} ==", slice.name);
                    write_table(&mut out, &board, &report, &options);
                    out.push('\n');
                }
            }
            if args.json {
                let mut object = Map::new();
                object.insert("method".into(), serde_json::to_value(options.method)?);
                object.insert("by".into(), Value::String(by_name));
                object.insert("slices".into(), Value::Array(json_slices));
                object.insert("input".into(), serde_json::to_value(&input)?);
                object.insert("selected".into(), Value::from(selected));
                out = serde_json::to_string_pretty(&Output::RankSlices.wrap(&Value::Object(object)))?;
                out.push('\n');
            } else if slices.is_empty() {
                let _ = writeln!(out, "no slices: no judgment has per-output criterion scores");
            }
            total
        }
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes()).context("cannot write to stdout")?;
    stdout.flush().ok();

    let n_errors = problems.iter().filter(|p| p.is_error()).count() + n_read_errors;
    for problem in problems.iter().take(MAX_PROBLEMS_SHOWN) {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    if problems.len() > MAX_PROBLEMS_SHOWN {
        eprintln!("… and {} more problems (verdict validate lists them all)", problems.len() - MAX_PROBLEMS_SHOWN);
    }
    if !args.json {
        eprintln!("{} (selected {selected})", input::summary_line(&input));
    }
    // Partials computed by an engine carry counts, not an input summary.
    if input.lines == 0 && args.partials.from_partials.is_empty() {
        bail!("no judgments: the input is empty");
    }
    if n_battles == 0 {
        eprintln!("verdict rank: no battles: no judgment has a usable preference or ranking");
        return Ok(ExitCode::from(1));
    }
    Ok(if n_errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The leaderboard's JSON with the bias report added as `bias`.
/// A leaderboard's JSON with its bias report (and, for `--by`, its slice's name first), written
/// straight from the structs: no intermediate `Value` tree for the per-annotator rows.
#[derive(serde::Serialize)]
struct WithBias<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    slice: Option<&'a str>,
    #[serde(flatten)]
    board: &'a Leaderboard,
    bias: &'a BiasReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a InputSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    selected: Option<u64>,
    /// The interval method, when there are intervals (`sandwich` or `bootstrap`).
    #[serde(skip_serializing_if = "Option::is_none")]
    ci: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    style_control: Option<&'a StyleControl>,
}

fn ci_name(ci: Option<CiArg>) -> Option<&'static str> {
    ci.map(|ci| match ci {
        CiArg::Sandwich => "sandwich",
        CiArg::Bootstrap => "bootstrap",
    })
}

#[cfg(test)]
mod tests;
