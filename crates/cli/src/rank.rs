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

use crate::{input, select};

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
            let read = read_for_style(&args.files, &limits)?;
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
                let mut bytes = serde_json::to_vec_pretty(&Output::Rank.wrap(&with))?;
                bytes.push(b'\n');
                out = String::from_utf8(bytes).expect("serde_json writes UTF-8");
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
        eprintln!("{problem}");
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

/// What `--style-control` keeps of the input.
struct StyleInput {
    /// The kept judgments, stripped to what battles need (no `extra`, `scores`, `flags`).
    judgments: Vec<Judgment>,
    /// Each judgment's `conv_metadata` counts.
    conv_counts: Vec<Result<[style::StyleCounts; 2], style::Missing>>,
    summary: InputSummary,
    problems: Vec<Problem>,
}

/// Reads judgments through the one reader as a stream (identities only: the reader applies the
/// identity rule and counts, and hands over each judgment as it is read), keeping of each the
/// fields battles need and its `conv_metadata` counts, so that a million Arena rows take a few
/// hundred MB instead of every row's metadata tree. Prints problems as `read_judgments` does.
fn read_for_style(paths: &[String], limits: &verdict_core::read::Limits) -> anyhow::Result<StyleInput> {
    const MAX_PRINTED: usize = 50;
    let mut reader = verdict_core::read::JudgmentReader::identities_only(*limits);
    let mut judgments: Vec<Judgment> = Vec::new();
    let mut conv_counts = Vec::new();
    for path in paths {
        let opened = crate::validate::open_input(path)?;
        let mut lines = verdict_core::import::JsonLines::new(&opened.name, opened.reader).with_max_line_bytes(limits.max_line_bytes);
        reader.begin_file(&opened.name);
        while let Some(line) = lines.next_line().with_context(|| format!("cannot read {path}"))? {
            let outcome = match line.text {
                Ok(text) => reader.add_line(line.number, text, line.unterminated),
                Err(problem) => reader.skip_line(problem),
            };
            if let verdict_core::read::LineOutcome::Kept { slot, .. } = outcome {
                let Some(mut judgment) = reader.take_current() else { continue };
                let counts = controlled::conv_metadata_counts(&judgment);
                judgment.extra = Map::new();
                judgment.scores = None;
                judgment.flags = None;
                if slot == judgments.len() {
                    judgments.push(judgment);
                    conv_counts.push(counts);
                } else {
                    judgments[slot] = judgment;
                    conv_counts[slot] = counts;
                }
            }
        }
    }
    let read = reader.finish();
    for problem in read.problems.iter().take(MAX_PRINTED) {
        eprintln!("{problem}");
    }
    if read.problems.len() > MAX_PRINTED {
        eprintln!("… and {} more problems (`verdict validate` lists them all)", read.problems.len() - MAX_PRINTED);
    }
    limits
        .check_count("annotators", judgments.iter().map(|j| j.annotator.as_str()).collect::<std::collections::HashSet<_>>().len() as u64)?;
    if read.summary.lines == 0 {
        bail!("no judgments: the input is empty");
    }
    Ok(StyleInput { judgments, conv_counts, summary: read.summary, problems: read.problems })
}

/// Reads one file (or stdin) into the battle reader in blocks of whole lines, read on another
/// thread while the previous block is parsed on `threads` threads (same result as reading it
/// whole).
fn read_blocks(reader: &mut battles::BlockReader<'_>, file_index: usize, path: &str, threads: u32) -> anyhow::Result<()> {
    let input: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else if let Some(lines) = input::parquet_lines(path)? {
        Box::new(lines)
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
        let len = file.metadata().map_or(0, |m| m.len());
        if file_index == 0 {
            reader.expect_bytes(len as usize);
        }
        if threads > 1 && len >= input::SPLIT_MIN {
            // Later ranges first count the lines before them: the first range takes a bit more.
            let ranges = input::line_ranges(&file, len, threads as usize, 0.06).with_context(|| format!("cannot read {path}"))?;
            return read_ranges(reader, file_index, path, &ranges);
        }
        Box::new(file)
    };
    let mut line_no = 1u64;
    for_each_block(path, input, |block| {
        line_no += reader.add_bytes(file_index, line_no, block, threads);
        Ok(())
    })
}

/// Reads each range of lines of the file at `path` on its own thread (the first into `reader`,
/// the others into siblings that first count the lines before their range, so every line keeps
/// its number) and appends them in order: the same result as reading the file in one pass.
fn read_ranges(reader: &mut battles::BlockReader<'_>, file_index: usize, path: &str, ranges: &[Range<u64>]) -> anyhow::Result<()> {
    let read_range = |reader: &mut battles::BlockReader<'_>, range: &Range<u64>, mut line_no: u64| -> anyhow::Result<()> {
        input::for_each_block_in(path, range.clone(), |block| line_no += reader.add_bytes(file_index, line_no, block, 1))
            .with_context(|| format!("cannot read {path}"))
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges[1..]
            .iter()
            .map(|range| {
                let mut part = reader.sibling();
                part.expect_bytes((range.end - range.start) as usize);
                scope.spawn(move || -> anyhow::Result<_> {
                    let lines_before = input::count_lines(path, 0..range.start).with_context(|| format!("cannot read {path}"))?;
                    read_range(&mut part, range, lines_before + 1)?;
                    Ok(part)
                })
            })
            .collect();
        read_range(reader, &ranges[0], 1)?;
        for handle in handles {
            reader.append(handle.join().expect("reading a range does not panic")?, file_index);
        }
        Ok(())
    })
}

/// Reads `input` on a reader thread in blocks of about 4 MiB of whole lines (only the last may
/// end without a newline; it is passed even when empty) and calls `add` on each, in order, on
/// this thread: reading the next block overlaps parsing this one. Two buffers are recycled.
fn for_each_block(path: &str, input: Box<dyn Read + Send>, mut add: impl FnMut(&[u8]) -> anyhow::Result<()>) -> anyhow::Result<()> {
    const BLOCK: usize = 4 << 20;
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(1);
    let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    for _ in 0..2 {
        empty_tx.send(Vec::with_capacity(BLOCK)).expect("the receiver is alive");
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> io::Result<()> {
            let mut input = input;
            let mut carry: Vec<u8> = Vec::new();
            // Stops quietly when this thread's consumer has gone (it failed).
            while let Ok(mut buffer) = empty_rx.recv() {
                buffer.clear();
                buffer.append(&mut carry);
                let mut limit = BLOCK;
                loop {
                    let wanted = limit.saturating_sub(buffer.len());
                    let got = (&mut input).take(wanted as u64).read_to_end(&mut buffer)?;
                    if got < wanted {
                        // End of input: the rest, even if empty.
                        let _ = full_tx.send(buffer);
                        return Ok(());
                    }
                    match buffer.iter().rposition(|&b| b == b'\n') {
                        Some(end) => {
                            carry.extend_from_slice(&buffer[end + 1..]);
                            buffer.truncate(end + 1);
                            break;
                        }
                        // One line longer than the buffer: make room for it.
                        None => limit = limit.max(buffer.len()) * 2,
                    }
                }
                if full_tx.send(buffer).is_err() {
                    return Ok(());
                }
            }
            Ok(())
        });
        let mut result = Ok(());
        while let Ok(block) = full_rx.recv() {
            result = add(&block);
            if result.is_err() {
                break;
            }
            let _ = empty_tx.send(block);
        }
        // Unblocks the reader if `add` failed.
        drop(full_rx);
        drop(empty_tx);
        let read = reader.join().expect("the reader thread does not panic");
        result?;
        read.with_context(|| format!("cannot read {path}"))
    })
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

/// Writes raw and style-controlled ratings side by side, then the coefficients.
fn write_style_table(out: &mut String, styled: &StyleControl) {
    let source = match styled.source {
        style::Source::Tasks => "counted in the task file's outputs",
        style::Source::ConvMetadata => "from conv_metadata",
    };
    let _ = writeln!(
        out,
        "\nstyle control (arena-rank's contextual Bradley–Terry; covariates {source}; {} battles; {:.0}% {} intervals):",
        styled.n_battles,
        100.0 * styled.confidence,
        styled.ci
    );
    for (reason, count) in &styled.skipped {
        let _ = writeln!(out, "left out {count} battles: {reason}");
    }
    if styled.models.is_empty() {
        let _ = writeln!(out, "no style-controlled ratings: fewer than two rated models with covariates");
        return;
    }
    let width = styled.models.iter().map(|m| m.model.chars().count()).max().unwrap_or(5).max(5);
    let interval = |low: Option<f64>, high: Option<f64>| match (low, high) {
        (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
        _ => "—".to_owned(),
    };
    let _ = writeln!(
        out,
        "{:>4}  {:<width$}  {:>10}  {:>17}  {:>8}  {:>17}  {:>8}",
        "rank", "model", "controlled", "95% CI", "raw", "raw 95% CI", "raw rank"
    );
    for m in &styled.models {
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {:>10.1}  {:>17}  {:>8.1}  {:>17}  {:>8}",
            m.rank,
            m.model,
            m.rating,
            interval(m.ci_low, m.ci_high),
            m.raw_rating,
            interval(m.raw_ci_low, m.raw_ci_high),
            m.raw_rank.map_or_else(|| "—".to_owned(), |r| r.to_string())
        );
    }
    let _ = writeln!(out, "{:<8}  {:>9}  {:>21}  {:>9}", "covariate", "β", "95% CI", "Elo/sd");
    for c in &styled.coefficients {
        let ci = match (c.ci_low, c.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.4}, {high:.4}]"),
            _ => "—".to_owned(),
        };
        let _ = writeln!(out, "{:<9}  {:>9.4}  {:>21}  {:>9.1}", c.name, c.value, ci, c.elo);
    }
    if !styled.converged {
        let _ = writeln!(out, "note: the style-controlled fit did not converge in {} Newton steps", styled.iterations);
    }
}

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"))
}

/// A p-value: four decimals, or scientific notation below 0.0001.
fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 1e-4 => format!("{p:.1e}"),
        other => number(other, 4),
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", 100.0 * v))
}

/// Writes the readable table: one line per model, then notes and the bias summary.
fn write_table(out: &mut String, board: &Leaderboard, report: &BiasReport, options: &Options) {
    let method = match board.method {
        Method::Bt => "Bradley–Terry (Elo scale, mean 1000)".to_owned(),
        Method::Elo => format!("online Elo (K = {}, file order)", options.k),
    };
    let prior =
        if board.method == Method::Bt && board.prior > 0.0 { format!(", prior {} virtual ties", board.prior) } else { String::new() };
    let intervals = match &board.bootstrap {
        Some(b) => format!(", 95% intervals from {} bootstrap rounds (seed {})", b.rounds, b.seed),
        None if board.models.iter().any(|m| m.ci_low.is_some()) => ", 95% sandwich intervals (robust standard errors)".to_owned(),
        None => ", no intervals (--bootstrap N or --ci sandwich)".to_owned(),
    };
    let _ = writeln!(out, "{method}{prior}: {} battles{intervals}", board.n_battles);
    let width = board.models.iter().map(|m| m.model.chars().count()).max().unwrap_or(5).max(5);
    let _ = writeln!(
        out,
        "{:>4}  {:<width$}  {:>7}  {:>17}  {:>6}  {:>7}  {:>7}  {:>7}  {:>8}  {:>8}",
        "rank", "model", "rating", "95% CI", "ranks", "wins", "losses", "ties", "battles", "win rate"
    );
    for row in &board.models {
        let interval = match (row.ci_low, row.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
            _ => "—".to_owned(),
        };
        let ranks = match (row.rank_best, row.rank_worst) {
            (Some(best), Some(worst)) => format!("{best}–{worst}"),
            _ => "—".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {:>7}  {:>17}  {:>6}  {:>7}  {:>7}  {:>7}  {:>8}  {:>8}",
            row.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()),
            row.model,
            number(row.rating, 1),
            interval,
            ranks,
            row.wins,
            row.losses,
            row.ties,
            row.battles,
            percent(row.win_rate),
        );
    }
    for row in board.models.iter().filter(|r| r.note.is_some()) {
        let _ = writeln!(out, "note: {}: {}", row.model, row.note.as_deref().unwrap_or_default());
    }
    for note in &board.notes {
        let _ = writeln!(out, "note: {note}");
    }
    for (reason, count) in &board.skipped {
        let _ = writeln!(out, "skipped {count} judgments: {reason}");
    }
    let overall = &report.overall;
    let _ = writeln!(
        out,
        "bias: first-shown output won {} of {} decisive battles whose display order varied{} ({}, exact binomial p = {}); ties {}; both bad {}; {}",
        overall.first_shown_wins,
        overall.positioned_decisive,
        if overall.fixed_order_decisive > 0 {
            format!(" ({} with an order that never varied left out)", overall.fixed_order_decisive)
        } else {
            String::new()
        },
        percent(overall.first_shown_win_rate),
        p_value(overall.position_p_value),
        percent(overall.tie_rate),
        percent(overall.both_bad_rate),
        match &overall.length {
            Some(length) => format!(
                "longer output won {} of {} ({}, p = {})",
                length.longer_wins,
                length.decisive_different_length,
                percent(length.longer_win_rate),
                p_value(length.p_value)
            ),
            None => "length bias not available (pass --tasks with the output texts)".to_owned(),
        }
    );
    let flagged: Vec<String> = report
        .by_annotator
        .iter()
        .filter(|a| a.stats.position_p_value.is_some_and(|p| p < 0.01))
        .map(|a| {
            format!(
                "{} ({} first-shown wins, p = {})",
                a.annotator,
                percent(a.stats.first_shown_win_rate),
                p_value(a.stats.position_p_value)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "bias per annotator: {} annotators; position bias at p < 0.01: {} (all figures: --json)",
        report.by_annotator.len(),
        if flagged.is_empty() { "none".to_owned() } else { flagged.join(", ") }
    );
}

#[cfg(test)]
mod tests;
