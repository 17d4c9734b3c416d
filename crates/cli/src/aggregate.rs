//! `verdict aggregate`: one label per item from many annotators' labels (majority vote, Wawa,
//! Dawid–Skene, one-coin, GLAD, MACE), with posteriors and annotator skills or confusion matrices;
//! a table, DESIGN's `aggregate --json`, or a CSV file.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use verdict_core::aggregate::collect::LabelCollector;
use verdict_core::aggregate::labels::{CriterionValue, PREFERENCE};
use verdict_core::aggregate::{self, Aggregation, AnnotatorQuality, LabelSource, MaceInit, Method, Options};
use verdict_core::output::Output;
use verdict_core::read::label_scan::{scan_label_line, LabelLine};
use verdict_core::read::{CheckedLine, InputSummary, JudgmentReader, LineOutcome, Selection};
use verdict_core::Problem;

use crate::batches::{self, Item};
use crate::{input, select};

/// Arguments of `verdict aggregate`.
#[derive(clap::Args, Debug)]
pub struct AggregateArgs {
    /// Judgment JSONL files, read as one stream (a later judgment of the same item and annotator
    /// replaces an earlier one); `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// The criterion whose labels are aggregated; `preference` aggregates the pairwise winner.
    #[arg(long)]
    pub criterion: String,
    /// The aggregation method.
    #[arg(long, value_parser = ["majority", "wawa", "dawid_skene", "one_coin", "glad", "mace"], default_value = "dawid_skene")]
    pub method: String,
    /// Most EM iterations (default as crowd-kit: 100; MACE 50); at most 100000.
    #[arg(long)]
    pub max_iter: Option<u32>,
    /// EM stops when the objective per label rises by less than this.
    #[arg(long, default_value_t = 1e-5)]
    pub tol: f64,
    /// MACE: restarts from seeded random starts; the best likelihood is kept.
    #[arg(long, default_value_t = 10)]
    pub restarts: u32,
    /// MACE: the seed of the starting values.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print DESIGN's JSON (`{"method", "criterion", "items", "annotators"}`) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write one CSV row per item (item_id, model, label, then p(label) per label) to OUT.
    #[arg(long, value_name = "OUT")]
    pub csv: Option<PathBuf>,
    #[command(flatten)]
    pub select: select::SelectArgs,
    #[command(flatten)]
    pub limits: input::LimitArgs,
}

/// Runs `verdict aggregate`.
pub fn run(args: &AggregateArgs) -> anyhow::Result<ExitCode> {
    let method = Method::from_name(&args.method).context("unknown --method")?;
    if !(args.tol >= 0.0 && args.tol.is_finite()) {
        bail!("--tol must be a finite number ≥ 0");
    }
    // Every rater by default (consensus labels may come from judges too); --raters narrows it.
    let selection = args.select.selection(None)?;
    let read = read_labels(&args.files, &args.limits.limits()?, &selection, &args.criterion)?;
    input::print_problems(&read.problems);
    let source = read.labels.label_source().with_context(|| format!("criterion {}", args.criterion))?;
    if source.table.rows.is_empty() {
        eprintln!("verdict aggregate: no labels: no judgment has a value for criterion {}", args.criterion);
        return Ok(ExitCode::from(1));
    }
    if source.skipped > 0 {
        eprintln!(
            "verdict aggregate: note: {} values of {} skipped (not a label: arrays, objects, or per-item and per-output mixed)",
            source.skipped, args.criterion
        );
    }
    let options = Options {
        max_iter: args.max_iter,
        tol: args.tol,
        restarts: args.restarts,
        mace_init: MaceInit::Seeded { seed: args.seed },
        ..Options::default()
    };
    let result = aggregate::aggregate(&source.table, method, &options)?;
    if !result.converged {
        eprintln!(
            "verdict aggregate: note: {} did not converge in {} iterations (raise --max-iter or --tol)",
            method.name(),
            result.iterations
        );
    }
    if let Some(path) = &args.csv {
        std::fs::write(path, csv(&source, &result)).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        let names = label_names(&source);
        let results = Results { source: &source, result: &result, names: &names };
        let body = AggregateJson {
            method: result.method.name(),
            criterion: &args.criterion,
            items: Items(results),
            annotators: Annotators(results),
            iterations: result.iterations,
            converged: result.converged,
            input: &read.summary,
            selected: read.labels.selected(),
        };
        let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        serde_json::to_writer_pretty(&mut stdout, &Output::Aggregate.wrap(&body)).context("cannot write the JSON output to stdout")?;
        stdout.write_all(b"\n").and_then(|()| stdout.flush()).context("cannot write to stdout")?;
    } else {
        eprintln!("{}", input::summary_line(&read.summary));
        let mut stdout = io::stdout().lock();
        stdout.write_all(table(&source, &result).as_bytes()).context("cannot write to stdout")?;
        stdout.flush().ok();
    }
    Ok(ExitCode::SUCCESS)
}

/// What `aggregate` keeps of its input: per kept judgment (the identity rule applied by the
/// one reader), its item, annotator and value of the criterion (`None` when the selection left
/// it out), in the reader's order; the input summary and problems.
struct Labels {
    labels: LabelCollector,
    summary: InputSummary,
    problems: Vec<Problem>,
}

/// A line as read on the helper threads: by the label projection, else by the one reader.
enum Line {
    Fast(LabelLine),
    Full(CheckedLine),
}

/// Reads judgments as `input::read_judgments` does (lines parsed on all cores, counted in
/// order by the one reader), keeping of each only what the label table needs, so that a
/// million judgments are not all held at once. Without a selection, the common lines are read
/// by the label projection (`read::label_scan`), the others by the one reader's general path.
fn read_labels(paths: &[String], limits: &verdict_core::read::Limits, selection: &Selection, criterion: &str) -> anyhow::Result<Labels> {
    let mut reader = JudgmentReader::identities_only(*limits);
    let mut labels = LabelCollector::new();
    let expected = expected_lines(paths);
    reader.reserve(expected);
    labels.reserve(expected);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let fast = selection.is_everything() && criterion != PREFERENCE;
    let check = |line_no: u64, text: &str| match fast.then(|| scan_label_line(line_no, text, limits, criterion)).flatten() {
        Some(read) => Line::Fast(read),
        None => Line::Full(verdict_core::read::check_line(line_no, text, limits)),
    };
    batches::read_batched(paths, limits, threads, check, |item| match item {
        Item::File(name) => reader.begin_file(name),
        Item::Line(_, Err(problem)) => {
            reader.skip_line(problem);
        }
        Item::Line(line_no, Ok((text, _, Line::Fast(read)))) => {
            let (item_id, annotator) = (&text[read.item_id], &text[read.annotator]);
            let outcome = reader.add_projected(line_no, item_id, annotator, read.submitted_at.map(|range| &text[range]));
            if let LineOutcome::Kept { slot, .. } = outcome {
                labels.keep(slot, item_id, annotator, Some(read.value.map_or(CriterionValue::None, CriterionValue::Score)));
            }
        }
        Item::Line(line_no, Ok((text, unterminated, Line::Full(checked)))) => {
            let LineOutcome::Kept { slot, .. } = reader.add_checked(line_no, text, unterminated, checked) else { return };
            let Some(mut judgment) = reader.take_current() else { return };
            let value = selection.matches(&judgment).then(|| CriterionValue::take(&mut judgment, criterion));
            labels.keep(slot, &judgment.item_id, &judgment.annotator, value);
        }
    })?;
    let read = reader.finish();
    limits.check_count("annotators", labels.annotators())?;
    if read.summary.lines == 0 {
        bail!("no judgments: the input is empty");
    }
    Ok(Labels { labels, summary: read.summary, problems: read.problems })
}

/// About how many lines the files hold (from their sizes and the first file's first 64 KiB),
/// so that the tables of a big input are sized once; 0 when unknown (stdin, Parquet).
fn expected_lines(paths: &[String]) -> usize {
    use std::io::Read as _;
    let sizes: Option<Vec<u64>> = paths
        .iter()
        .map(|path| if path == "-" || verdict_io::parquet::is_parquet(path) { None } else { std::fs::metadata(path).ok().map(|m| m.len()) })
        .collect();
    let Some(total) = sizes.map(|sizes| sizes.iter().sum::<u64>()) else { return 0 };
    let mut sample = Vec::new();
    if paths
        .first()
        .and_then(|path| std::fs::File::open(path).ok())
        .is_none_or(|file| file.take(64 << 10).read_to_end(&mut sample).is_err())
    {
        return 0;
    }
    let newlines = sample.iter().filter(|&&b| b == b'\n').count() as u64;
    if newlines == 0 {
        return 0;
    }
    // Capped: a wrong guess must not reserve memory out of proportion.
    (total * newlines / sample.len() as u64).min(100_000_000) as usize
}

fn label_names(source: &LabelSource) -> Vec<String> {
    source.table.labels.iter().map(|label| label.to_text()).collect()
}

/// DESIGN's `aggregate --json`, plus `iterations` and `converged`, `input` and `selected`;
/// per-output items carry `model`. Serialized as it is read, without a `serde_json::Value` tree
/// of every item (the fields in the order of the tree the command used to build).
#[derive(serde::Serialize)]
struct AggregateJson<'a> {
    method: &'static str,
    criterion: &'a str,
    items: Items<'a>,
    annotators: Annotators<'a>,
    iterations: u32,
    converged: bool,
    input: &'a InputSummary,
    selected: u64,
}

/// What the items and annotators are written from.
#[derive(Clone, Copy)]
struct Results<'a> {
    source: &'a LabelSource,
    result: &'a Aggregation,
    names: &'a [String],
}

/// `items`: per item its id, label, posterior by label name, and model when per output.
struct Items<'a>(Results<'a>);

/// `annotators`: per annotator a skill or a confusion matrix (true label → given label → p).
struct Annotators<'a>(Results<'a>);

/// `{name: p, …}` over the labels.
struct ByLabel<'a> {
    names: &'a [String],
    values: &'a [f64],
}

impl Serialize for ByLabel<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.names.len()))?;
        for (name, value) in self.names.iter().zip(self.values) {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Results { source, result, names } = self.0;
        let mut items = serializer.serialize_seq(Some(source.units.len()))?;
        for (index, (item_id, model)) in source.units.iter().enumerate() {
            let label = source.table.labels[result.labels[index] as usize].to_json();
            items.serialize_element(&ItemJson {
                item_id,
                label,
                posterior: ByLabel { names, values: result.posterior(index) },
                model: model.as_deref(),
            })?;
        }
        items.end()
    }
}

/// One item of `items`.
#[derive(serde::Serialize)]
struct ItemJson<'a> {
    item_id: &'a str,
    label: Value,
    posterior: ByLabel<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    model: Option<&'a str>,
}

impl Serialize for Annotators<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Results { source, result, names } = self.0;
        let k = names.len();
        let mut annotators = serializer.serialize_seq(Some(source.table.annotators.len()))?;
        for (index, annotator) in source.table.annotators.iter().enumerate() {
            let (skill, confusion) = match &result.quality {
                AnnotatorQuality::Skill(skills) => (Some(skills[index]), None),
                AnnotatorQuality::Confusion(cells) => (None, Some(Confusion { names, cells: &cells[index * k * k..(index + 1) * k * k] })),
            };
            annotators.serialize_element(&Annotator { annotator, skill, confusion })?;
        }
        annotators.end()
    }
}

/// One annotator of `annotators`: a skill or a confusion matrix.
#[derive(serde::Serialize)]
struct Annotator<'a> {
    annotator: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    skill: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confusion: Option<Confusion<'a>>,
}

/// One annotator's confusion matrix: `{true label: {given label: p}}`.
struct Confusion<'a> {
    names: &'a [String],
    cells: &'a [f64],
}

impl Serialize for Confusion<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let k = self.names.len();
        let mut map = serializer.serialize_map(Some(k))?;
        for (truth, name) in self.names.iter().enumerate() {
            map.serialize_entry(name, &ByLabel { names: self.names, values: &self.cells[truth * k..(truth + 1) * k] })?;
        }
        map.end()
    }
}

/// One row per item: the chosen label and its posterior, then the annotators' skills.
fn table(source: &LabelSource, result: &Aggregation) -> String {
    let names = label_names(source);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} items, {} annotators, {} labels: {}",
        source.units.len(),
        source.table.annotators.len(),
        source.table.rows.len(),
        names.join(", ")
    );
    let _ = writeln!(out, "{:<32} {:<16} {:>9}", "item", "label", "posterior");
    for (index, (item_id, model)) in source.units.iter().enumerate() {
        let unit = model.as_ref().map_or(item_id.clone(), |model| format!("{item_id} / {model}"));
        let label = result.labels[index] as usize;
        let _ = writeln!(out, "{unit:<32} {:<16} {:>9.4}", names[label], result.posterior(index)[label]);
    }
    out.push('\n');
    match &result.quality {
        AnnotatorQuality::Skill(skills) => {
            let _ = writeln!(out, "{:<32} {:>9}", "annotator", "skill");
            for (annotator, skill) in source.table.annotators.iter().zip(skills) {
                let _ = writeln!(out, "{annotator:<32} {skill:>9.4}");
            }
        }
        AnnotatorQuality::Confusion(cells) => {
            let k = names.len();
            let _ = writeln!(
                out,
                "{:<32} {:>9}  (probability of giving the true label; --json has the full confusion matrices)",
                "annotator", "accuracy"
            );
            for (index, annotator) in source.table.annotators.iter().enumerate() {
                let mean: f64 = (0..k).map(|truth| cells[(index * k + truth) * k + truth]).sum::<f64>() / k as f64;
                let _ = writeln!(out, "{annotator:<32} {mean:>9.4}");
            }
        }
    }
    out
}

/// CSV: `item_id,model,label,p:<label>...`, fields quoted when they hold a comma, quote or newline.
fn csv(source: &LabelSource, result: &Aggregation) -> String {
    let names = label_names(source);
    let mut out = String::from("item_id,model,label");
    for name in &names {
        out.push(',');
        out.push_str(&quote(&format!("p:{name}")));
    }
    out.push('\n');
    for (index, (item_id, model)) in source.units.iter().enumerate() {
        let _ =
            write!(out, "{},{},{}", quote(item_id), quote(model.as_deref().unwrap_or("")), quote(&names[result.labels[index] as usize]));
        for p in result.posterior(index) {
            let _ = write!(out, ",{p}");
        }
        out.push('\n');
    }
    out
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
