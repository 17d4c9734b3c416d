//! `verdict agree`: inter-annotator agreement per criterion (DESIGN's stable CLI and JSON
//! contract). Streams each judgments file line by line into compact per-criterion ratings.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::Range;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::Serialize;
use serde_json::json;
use verdict_core::agreement::pairs::{pair_agreement, union_coefficients, PairOptions};
use verdict_core::agreement::quality::{per_annotator, per_group, AnnotatorQuality, GoldIndex};
use verdict_core::agreement::{
    analyze, evaluate, resolve_level, AgreementResult, CollectOptions, Collector, Dataset, Level, LevelSource, Metric, Options, Ratings,
    Scale, PREFERENCE,
};
use verdict_core::output::Output;
use verdict_core::read::{InputSummary, RaterSet};
use verdict_core::rubric::load_rubric;
use verdict_core::task::load_tasks;

use crate::{agree_family, input, select};
use verdict_core::agreement::table::InputKind;
use verdict_core::read::Limits;

/// Arguments of `verdict agree`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Bad lines are printed to stderr as file:line: field: problem and skipped; the exit code is then 1.\n\
Metrics: percent_agreement, cohen_kappa, fleiss_kappa, krippendorff_alpha, scott_pi, gwet_ac1, brennan_prediger, pabak, icc, conger_kappa.\n\
Default metrics: percent_agreement, krippendorff_alpha, fleiss_kappa, gwet_ac1. Formulas: docs/METRICS.md.\n\
Human agreement by default: LLM judges (judge: prefix or kind \"judge\") are left out unless --raters names them \
(e.g. --raters humans --raters judge:gpt-4, or --raters '*' for everyone).\n\
Rater sets: --metric pair_agreement --between SEL --and SEL [--drop-ties] gives the share of agreeing pairs (MT-Bench's \
definition), with n_pairs, a bootstrap CI over items, Cohen's kappa over the pairs and Fleiss/alpha on the two sets.")]
pub struct AgreeArgs {
    /// Judgment files (JSONL); `-` reads stdin.
    #[arg(required_unless_present = "from_partials")]
    pub files: Vec<String>,
    /// Rubric (JSON): criteria, per-output flags, levels and declared scales.
    #[arg(long)]
    pub rubric: Option<String>,
    /// Only this criterion (repeatable); `preference` is the pairwise preference.
    #[arg(long = "criterion", value_name = "ID")]
    pub criteria: Vec<String>,
    /// Metric to compute (repeatable).
    #[arg(long = "metric", value_name = "M")]
    pub metrics: Vec<String>,
    /// Level of measurement for every criterion but preference: nominal, ordinal, interval, ratio.
    #[arg(long, value_name = "L")]
    pub level: Option<String>,
    /// Weights for Cohen, Conger, Fleiss, Scott, Gwet (AC2), Brennan–Prediger and percent agreement.
    #[arg(long, default_value = "none", value_name = "none|linear|quadratic|ordinal|radical|ratio|circular|bipolar|matrix")]
    pub weights: String,
    /// Period of circular weights (default: the scale's max − min + 1, e.g. 24 for hours 0..23).
    #[arg(long, value_name = "P")]
    pub period: Option<f64>,
    /// A square weight matrix (JSON array of rows, or CSV), rows and columns in the scale's order.
    #[arg(long = "weights-file", value_name = "FILE")]
    pub weights_file: Option<String>,
    /// Read FILE as a contingency table of two annotators or as per-item category counts.
    #[arg(long, value_name = "table|counts")]
    pub input: Option<String>,
    /// Bootstrap resamples of units for a percentile 95% CI (0: none).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub bootstrap: u32,
    /// Bootstrap seed (same seed, same CI, in the CLI and the browser).
    #[arg(long, default_value_t = 0, value_name = "S")]
    pub seed: u64,
    /// Per-annotator quality, or agreement within each group (site, vendor).
    #[arg(long = "group-by", value_name = "annotator|group")]
    pub group_by: Option<String>,
    /// Task file with gold answers: adds accuracy against gold per annotator.
    #[arg(long, value_name = "TASKS")]
    pub gold: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Test–retest: self-agreement (α, κ) and preference flip rate between each `ID` and its
    /// campaign repeat `ID#repeat`, per rater and per group (CIs with `--bootstrap N`).
    #[arg(long)]
    pub retest: bool,
    /// Threads for reading (default: all cores); the results do not depend on it.
    #[arg(long, value_name = "N")]
    pub threads: Option<u32>,
    #[command(flatten)]
    pub select: select::SelectArgs,
    /// First rater set of --metric pair_agreement (repeat = any): an id, a glob, group:NAME, humans or judges.
    #[arg(long, value_name = "SEL")]
    pub between: Vec<String>,
    /// Second rater set of --metric pair_agreement (repeat = any).
    #[arg(long = "and", value_name = "SEL")]
    pub and: Vec<String>,
    /// pair_agreement: drop pairs where either vote is a tie or both_bad (MT-Bench's setup S2).
    #[arg(long)]
    pub drop_ties: bool,
    #[command(flatten)]
    pub limits: input::LimitArgs,
    #[command(flatten)]
    pub partials: crate::partials::PartialsFlags,
}

#[derive(Serialize)]
struct Report {
    results: Vec<AgreementResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotators: Option<Vec<AnnotatorQuality>>,
    n_judgments: u64,
    n_replaced: u64,
    n_bad_lines: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    out_of_range: Vec<OutOfRange>,
    input: InputSummary,
    selected: u64,
}

/// Values of a criterion outside the rubric's declared scale (left out of every statistic).
#[derive(Serialize)]
struct OutOfRange {
    criterion: String,
    count: u64,
}

/// Runs `verdict agree`.
pub fn run(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let pair_mode = args.metrics.iter().any(|m| m == PAIR_AGREEMENT) || !args.between.is_empty() || !args.and.is_empty();
    crate::partials::check_agree_modes(args, pair_mode)?;
    if pair_mode {
        return run_pairs(args);
    }
    let metrics: Vec<Metric> = if args.metrics.is_empty() {
        Metric::DEFAULT.to_vec()
    } else {
        args.metrics
            .iter()
            .map(|name| {
                Metric::parse(name).with_context(|| {
                    let names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
                    format!("unknown metric \"{name}\"; expected one of {}", names.join(", "))
                })
            })
            .collect::<anyhow::Result<_>>()?
    };
    let (weights, weight_parameters) = agree_family::weights(&args.weights, args.period, args.weights_file.as_deref())?;
    let level = args.level.as_deref().map(parse_level).transpose()?;
    if args.retest {
        return crate::agree_retest::run(args, level);
    }
    let limits = args.limits.limits()?;
    limits.check_bootstrap(u64::from(args.bootstrap))?;
    let options = Options { metrics, weights, weight_parameters, bootstrap: args.bootstrap, seed: args.seed, confidence: 0.95 };
    if let Some(kind) = args.input.as_deref().map(agree_family::input_kind).transpose()? {
        return run_aggregated(args, kind, level, &options, &limits);
    }
    let group_by = match args.group_by.as_deref() {
        None => None,
        Some(g @ ("annotator" | "group")) => Some(g),
        Some(other) => bail!("unknown --group-by \"{other}\"; expected annotator or group"),
    };
    let rubric = match &args.rubric {
        None => None,
        Some(path) => {
            let text = input::read_text(path)?;
            match load_rubric(path, &text) {
                Ok(rubric) => Some(rubric),
                Err(problems) => bail!("{}", problems.iter().map(verdict_core::problem::in_english).collect::<Vec<_>>().join("\n")),
            }
        }
    };
    let (dataset, input) = if args.partials.from_partials.is_empty() {
        collect(args, rubric, &limits)?
    } else {
        crate::partials::agreement_from_partials(args, &limits)?
    };
    if let Some(path) = &args.partials.partials_out {
        crate::partials::write_agreement_partials(path, args, &dataset, &input)?;
    }
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for problem in &dataset.problems {
        writeln!(err, "{}", verdict_core::problem::in_english(problem))?;
    }
    if dataset.n_replaced > 0 {
        let what = if dataset.n_replaced == 1 { "judgment was" } else { "judgments were" };
        writeln!(err, "verdict agree: {} {what} replaced by a later one of the same (item, annotator)", dataset.n_replaced)?;
    }
    let out_of_range: Vec<OutOfRange> = dataset
        .criteria
        .iter()
        .filter(|c| c.n_out_of_range > 0)
        .map(|c| OutOfRange { criterion: c.id.clone(), count: c.n_out_of_range })
        .collect();
    for off in &out_of_range {
        writeln!(err, "verdict agree: {}: {} values outside the rubric's scale were left out", off.criterion, off.count)?;
    }
    agree_family::check_criteria(&dataset, &options, args.weights_file.as_deref())?;
    let mut results = analyze(&dataset, level, &options);
    // Requested criteria with no rating still get rows: null with a note, never silence.
    let mut wanted: Vec<String> = args.criteria.clone();
    if wanted.is_empty() && dataset.criteria.is_empty() {
        wanted.push(PREFERENCE.to_owned());
    }
    for id in wanted.iter().filter(|id| dataset.criterion(id).is_none()) {
        let empty = Ratings::from_units(Scale::labels(Vec::<String>::new()), Vec::new());
        let (row_level, source) =
            (level.unwrap_or(Level::Nominal), if level.is_some() { LevelSource::Flag } else { LevelSource::Inferred });
        for mut row in evaluate(id, &empty, row_level, source, &options) {
            row.note = Some("no ratings for this criterion".into());
            results.push(row);
        }
    }
    let gold = match &args.gold {
        None => None,
        Some(path) => {
            let text = input::read_text(path)?;
            let loaded = load_tasks(path, &text);
            for problem in &loaded.problems {
                writeln!(err, "{}", verdict_core::problem::in_english(problem))?;
            }
            Some(GoldIndex::new(&loaded.records))
        }
    };
    let mut annotators = None;
    if group_by == Some("annotator") || gold.is_some() {
        agree_family::check_per_annotator(&options)?;
        let mut rows = Vec::new();
        for criterion in &dataset.criteria {
            let (criterion_level, _) = resolve_level(criterion, level);
            rows.extend(per_annotator(criterion, &dataset, criterion_level, weights, gold.as_ref()));
        }
        annotators = Some(rows);
    }
    if group_by == Some("group") {
        for criterion in &dataset.criteria {
            results.extend(per_group(criterion, &dataset, level, &options));
        }
    }
    let n_bad_lines = input.skipped;
    let any_out_of_range = !out_of_range.is_empty();
    let selected = dataset.n_selected;
    let report = Report {
        results,
        annotators,
        n_judgments: dataset.n_judgments,
        n_replaced: dataset.n_replaced,
        n_bad_lines,
        out_of_range,
        input,
        selected,
    };
    print_report(args.json, &report)?;
    // The process ends right after: the item names are freed by its exit, not one by one.
    std::mem::forget(dataset);
    Ok(if n_bad_lines > 0 || any_out_of_range { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads the judgment files into a dataset (the collector, streaming), with its input summary.
fn collect(args: &AgreeArgs, rubric: Option<verdict_core::rubric::Rubric>, limits: &Limits) -> anyhow::Result<(Dataset, InputSummary)> {
    // Human agreement: LLM judges only when --raters names them.
    let selection = args.select.selection(Some("humans"))?;
    let mut collector = Collector::new(CollectOptions { rubric, criteria: args.criteria.clone(), selection: Some(selection) });
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u32)).max(1) as usize;
    for path in &args.files {
        read_into(&mut collector, path, threads)?;
    }
    let dataset = collector.finish();
    limits.check_count("annotators", dataset.annotators.len() as u64)?;
    limits.check_count("items", dataset.items.len() as u64)?;
    let input =
        InputSummary::new(args.files.len() as u64, dataset.n_judgments, dataset.n_replaced, dataset.n_skipped_lines, &dataset.problems);
    if input.lines == 0 {
        bail!("no judgments: the input is empty");
    }
    Ok((dataset, input))
}

/// Prints the report as one JSON object or as tables.
fn print_report(json: bool, report: &Report) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if json {
        serde_json::to_writer(&mut out, &Output::Agree.wrap(report))?;
        writeln!(out)?;
    } else {
        write_tables(&mut out, report)?;
    }
    out.flush()
}

/// `--input table|counts FILE`: one aggregated file, no judgments.
fn run_aggregated(args: &AgreeArgs, kind: InputKind, level: Option<Level>, options: &Options, limits: &Limits) -> anyhow::Result<ExitCode> {
    let [path] = args.files.as_slice() else { bail!("--input reads one file; got {}", args.files.len()) };
    if args.group_by.is_some() || args.gold.is_some() || !args.criteria.is_empty() || args.rubric.is_some() {
        bail!(
            "--input {} has no annotators, groups, gold or criteria: drop --group-by, --gold, --criterion and --rubric",
            args.input.as_deref().unwrap_or_default()
        );
    }
    let results = agree_family::aggregated(kind, path, level, options, limits)?;
    let input = InputSummary::new(1, 0, 0, 0, &[]);
    let report =
        Report { results, annotators: None, n_judgments: 0, n_replaced: 0, n_bad_lines: 0, out_of_range: Vec::new(), input, selected: 0 };
    print_report(args.json, &report)?;
    Ok(ExitCode::SUCCESS)
}

/// The metric name of agreement between two rater sets.
const PAIR_AGREEMENT: &str = "pair_agreement";

/// `--metric pair_agreement --between SEL --and SEL`: reads every judgment through the one
/// reader, selects, and compares the two rater sets (`agreement::pairs`).
fn run_pairs(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    if args.between.is_empty() || args.and.is_empty() {
        bail!("--metric pair_agreement needs both rater sets: --between SEL --and SEL");
    }
    if let Some(other) = args.metrics.iter().find(|m| *m != PAIR_AGREEMENT) {
        bail!("--between/--and compute pair_agreement (with cohen_kappa, fleiss_kappa and krippendorff_alpha on the two sets); drop --metric {other}");
    }
    if args.criteria.iter().any(|c| c != PREFERENCE) {
        bail!("pair_agreement compares pairwise preferences: only --criterion preference applies");
    }
    let limits = args.limits.limits()?;
    limits.check_bootstrap(u64::from(args.bootstrap))?;
    let (first, second) = (RaterSet::parse(&args.between)?, RaterSet::parse(&args.and)?);
    // The two sets name the raters; --raters (if given) narrows further, no humans-only default.
    let selection = args.select.selection(None)?;
    let read = input::read_judgments(&args.files, &limits)?;
    let judgments = select::filter(read.judgments, &selection);
    let options = PairOptions { drop_ties: args.drop_ties, bootstrap: args.bootstrap, seed: args.seed, confidence: 0.95 };
    let pairs = pair_agreement(&judgments, &first, &second, &options);
    let union = union_coefficients(&judgments, &first, &second, PREFERENCE, &options);
    let mut results = vec![json!({
        "criterion": PREFERENCE, "metric": PAIR_AGREEMENT, "level": "nominal", "value": pairs.value,
        "ci_low": pairs.ci_low, "ci_high": pairs.ci_high, "n_items": pairs.n_items, "n_annotators": pairs.n_annotators,
        "n_ratings": pairs.n_ratings, "n_pairs": pairs.n_pairs, "n_agree": pairs.n_agree, "note": pairs.note,
    })];
    results.push(json!({
        "criterion": PREFERENCE, "metric": "cohen_kappa", "level": "nominal", "value": pairs.cohen_kappa,
        "ci_low": null, "ci_high": null, "n_items": pairs.n_items, "n_annotators": pairs.n_annotators,
        "n_ratings": pairs.n_ratings, "n_pairs": pairs.n_pairs, "note": "over the pairs of pair_agreement (first-set vs second-set member)",
    }));
    for row in &union {
        let mut value = serde_json::to_value(row)?;
        value["note"] = json!(row.note.clone().unwrap_or_else(|| "raters of either set".to_owned()));
        results.push(value);
    }
    let object = json!({
        "results": results, "between": args.between, "and": args.and, "drop_ties": args.drop_ties,
        "input": read.summary, "selected": judgments.len() as u64,
    });
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &Output::Agree.wrap(&object))?;
        writeln!(out)?;
    } else {
        let percent = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", 100.0 * v));
        let ci = match (pairs.ci_low, pairs.ci_high) {
            (Some(low), Some(high)) => format!(" [{}, {}]", percent(Some(low)), percent(Some(high))),
            _ => String::new(),
        };
        writeln!(
            out,
            "pair agreement {} vs {}{}: {}{ci} ({} of {} pairs agree, {} items, {} annotators)",
            args.between.join("|"),
            args.and.join("|"),
            if args.drop_ties { " without ties" } else { "" },
            percent(pairs.value),
            pairs.n_agree,
            pairs.n_pairs,
            pairs.n_items,
            pairs.n_annotators
        )?;
        writeln!(out, "cohen_kappa over the pairs: {}", format_value(pairs.cohen_kappa))?;
        for row in &union {
            writeln!(out, "{} (raters of either set): {}", row.metric.name(), format_value(row.value))?;
        }
        writeln!(out, "\n{} (selected {})", input::summary_line(&read.summary), judgments.len())?;
    }
    out.flush()?;
    Ok(if read.summary.skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn parse_level(text: &str) -> anyhow::Result<Level> {
    Ok(match text {
        "nominal" => Level::Nominal,
        "ordinal" => Level::Ordinal,
        "interval" => Level::Interval,
        "ratio" => Level::Ratio,
        other => bail!("unknown level \"{other}\"; expected nominal, ordinal, interval or ratio"),
    })
}

/// Reads one file (or stdin) into the collector in blocks of whole lines. A large file is cut
/// into one range of lines per thread, each read and parsed on its own thread into its own
/// collector and appended in order; stdin and small files are read block by block, each block
/// parsed on all cores (`Collector::add_text`). Either way the result is the line-by-line one.
fn read_into(collector: &mut Collector, path: &str, threads: usize) -> anyhow::Result<()> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin())
    } else if let Some(lines) = input::parquet_lines(path)? {
        Box::new(lines)
    } else {
        let file = File::open(path).with_context(|| format!("cannot open {path}"))?;
        let len = file.metadata().map_or(0, |m| m.len());
        if threads > 1 && len >= input::SPLIT_MIN {
            let ranges = input::line_ranges(&file, len, threads, 0.0).with_context(|| format!("cannot read {path}"))?;
            return read_ranges(collector, path, &ranges).with_context(|| format!("cannot read {path}"));
        }
        // Judgment lines are ~100 bytes: size the tables once instead of rehashing as they grow.
        collector.reserve(len as usize / 100);
        Box::new(file)
    };
    let mut line_no = 1u64;
    input::for_each_block(reader, |block| line_no += collector.add_text(path, line_no, block, threads as u32))
        .with_context(|| format!("cannot read {path}"))
}

/// Reads each range of lines of the file at `path` into its own collector on its own thread
/// (the first into `collector`) and appends them in order. A later range numbers its lines from
/// 2 (only line 1 may start with a byte-order mark) and its problems are moved to their real
/// lines when appended.
fn read_ranges(collector: &mut Collector, path: &str, ranges: &[Range<u64>]) -> io::Result<()> {
    // Judgment lines are ~100 bytes: size the tables once instead of rehashing as they grow
    // (this collector ends up with every range).
    collector.reserve(ranges.last().map_or(0, |last| last.end) as usize / 100);
    let read_range = |collector: &mut Collector, range: &Range<u64>, first_line: u64| -> io::Result<u64> {
        let mut line_no = first_line;
        input::for_each_block_in(path, range.clone(), |block| line_no += collector.add_text(path, line_no, block, 1))?;
        Ok(line_no - first_line)
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges[1..]
            .iter()
            .map(|range| {
                let mut part = collector.sibling();
                part.reserve((range.end - range.start) as usize / 100);
                scope.spawn(move || read_range(&mut part, range, 2).map(|lines| (part, lines)))
            })
            .collect();
        let mut next_line = 1 + read_range(collector, &ranges[0], 1)?;
        for (handle, range) in handles.into_iter().zip(&ranges[1..]) {
            let (part, lines) = handle.join().expect("reading a range does not panic")?;
            let mut redone = Ok(0);
            collector.append(part, next_line - 2, |collector| redone = read_range(collector, range, next_line));
            redone?;
            next_line += lines;
        }
        Ok(())
    })
}

fn format_value(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.4}"))
}

fn write_tables(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let mut rows = vec![["criterion", "group", "metric", "level", "value", "95% CI", "items", "annot.", "ratings", "band / note"]
        .map(String::from)
        .to_vec()];
    for r in &report.results {
        let metric = match (r.form, r.weights) {
            (Some(form), _) => form.name().to_owned(),
            (None, Some(w)) => format!("{} ({})", r.metric.name(), w.name()),
            (None, None) => r.metric.name().to_owned(),
        };
        let level = match r.level_source {
            LevelSource::Inferred => format!("{} (inferred)", r.level.name()),
            _ => r.level.name().to_owned(),
        };
        let ci = match (r.ci_low, r.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.4}, {high:.4}]"),
            _ => String::new(),
        };
        let mut remark = r.band.map(|b| b.label().to_owned()).unwrap_or_default();
        if let Some(note) = &r.note {
            remark = if remark.is_empty() { note.clone() } else { format!("{remark}; {note}") };
        }
        rows.push(vec![
            r.criterion.clone(),
            r.group.clone().unwrap_or_default(),
            metric,
            level,
            format_value(r.value),
            ci,
            r.n_items.to_string(),
            r.n_annotators.to_string(),
            r.n_ratings.to_string(),
            remark,
        ]);
    }
    if report.results.iter().all(|r| r.group.is_none()) {
        rows.iter_mut().for_each(|row| {
            row.remove(1);
        });
    }
    write_aligned(out, &rows)?;
    if let Some(annotators) = &report.annotators {
        writeln!(out)?;
        let mut rows = vec![[
            "criterion",
            "annotator",
            "group",
            "ratings",
            "alpha without",
            "alpha delta",
            "mean kappa",
            "pairs",
            "gold acc.",
            "gold n",
        ]
        .map(String::from)
        .to_vec()];
        for a in annotators {
            rows.push(vec![
                a.criterion.clone(),
                a.annotator.clone(),
                a.group.clone().unwrap_or_default(),
                a.n_ratings.to_string(),
                format_value(a.alpha_without),
                format_value(a.alpha_delta),
                format_value(a.mean_cohen_kappa),
                a.n_kappa_pairs.to_string(),
                format_value(a.gold_accuracy),
                a.n_gold.to_string(),
            ]);
        }
        write_aligned(out, &rows)?;
    }
    writeln!(out, "\n{} (selected {})", input::summary_line(&report.input), report.selected)
}

/// Left-aligned text columns, numbers right-aligned, two spaces apart.
pub(crate) fn write_aligned(out: &mut impl Write, rows: &[Vec<String>]) -> io::Result<()> {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            let numeric = cell.parse::<f64>().is_ok() || cell == "—";
            if c + 1 == columns {
                line.push_str(cell);
            } else if numeric {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
                line.push_str("  ");
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
