//! `verdict convert`: judgments (or Arena / AlpacaEval rows) to chained judgments JSONL,
//! DPO preference pairs, CSV or Arena battles, streamed line by line.
//!
//! Two passes over the input through the one reader (`verdict_core::read`): the first finds,
//! for each (item, annotator), the line of the judgment the identity rule keeps (latest
//! `submitted_at`, then file order), as in every consumer; the second writes. Memory holds one
//! entry per judgment identity, never the file. Stdin is spooled to a temporary file so it can
//! be read twice; `-o` is written to a temporary file and renamed, and never to the input.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::Value;
use verdict_core::export::{arena_battle, csv_rows, preference_pair, ChainWriter, Skip, CSV_HEADER};
use verdict_core::import::{detect, import_object, Format, JsonLines};
use verdict_core::read::identity::position;
use verdict_core::read::JudgmentReader;
use verdict_core::task::{Task, TaskLines};

use crate::validate::{open_input, Progress};

/// Output formats of `verdict convert`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Verdict judgments JSONL, each line chained for tamper evidence.
    Judgments,
    /// Preference pairs (`prompt`, `chosen`, `rejected`) from strict pairwise winners.
    Dpo,
    /// CSV, one row per judgment and criterion (RFC 4180).
    Csv,
    /// Chatbot Arena battles (`model_a`, `model_b`, `winner`, …).
    Arena,
    /// Parquet, one row per judgment (docs/FORMATS.md, "Parquet"); needs `-o`.
    Parquet,
}

/// Arguments of `verdict convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// Judgments JSONL, or Arena / AlpacaEval rows; `-` reads stdin.
    pub input: String,
    /// Output format.
    #[arg(long, value_enum)]
    pub to: Target,
    /// Write here instead of stdout.
    #[arg(short, long)]
    pub output: Option<String>,
    /// Task file giving prompts and outputs (needed by `dpo`; adds conversations to `arena`).
    #[arg(long)]
    pub tasks: Option<String>,
    #[command(flatten)]
    pub limits: crate::input::LimitArgs,
}

/// Removes the spooled copy of stdin when conversion ends.
struct Spool(std::path::PathBuf);

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A judgment, with the item when its row carried one (Arena, AlpacaEval).
/// The item an Arena or AlpacaEval row carries (its texts, for DPO pairs and battles); `None`
/// for Verdict judgments.
fn inline_task(text: &str) -> Option<Task> {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text) else { return None };
    if object.contains_key("schema") {
        return None;
    }
    match detect(&object) {
        format @ (Format::Arena | Format::AlpacaEval) => import_object(object, format).ok().map(|imported| imported.task),
        _ => None,
    }
}

/// Refuses an output that is the input itself (it would be emptied before it is read).
fn check_not_input(input: &str, output: &str) -> anyhow::Result<()> {
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        anyhow::bail!("refusing to write {output}: it is the input file (write elsewhere, then rename)");
    }
    Ok(())
}

fn load_task_map(path: &str) -> anyhow::Result<HashMap<String, Task>> {
    let input = open_input(path)?;
    let mut lines = JsonLines::new(&input.name, input.reader);
    let mut checker = TaskLines::new(&input.name);
    let mut tasks = HashMap::new();
    let mut problems = Vec::new();
    while let Some(line) = lines.next_line().with_context(|| format!("cannot read {path}"))? {
        match line.text {
            Ok(text) => {
                if let Some(record) = checker.line(line.number, text, line.unterminated, &mut problems) {
                    if record.new_item {
                        tasks.insert(record.task.id.clone(), record.task);
                    }
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    for problem in &problems {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    if tasks.is_empty() {
        anyhow::bail!("{path}: no items loaded from the task file");
    }
    Ok(tasks)
}

/// Runs `verdict convert`: exit 1 when input lines were rejected (the rest is still written).
/// A reader that stops early (`| head`) ends the conversion quietly.
pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    crate::validate::quiet_on_broken_pipe(convert(args))
}

fn convert(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    if args.to == Target::Dpo && args.tasks.is_none() {
        eprintln!("verdict: note: without --tasks, only Arena and AlpacaEval rows carry the texts DPO pairs need");
    }
    let (path, _spool) = if args.input == "-" {
        let path = std::env::temp_dir().join(format!("verdict-convert-stdin-{}.jsonl", std::process::id()));
        let mut file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        io::copy(&mut io::stdin().lock(), &mut file).context("cannot read stdin")?;
        (path.to_string_lossy().into_owned(), Some(Spool(path)))
    } else {
        (args.input.clone(), None)
    };
    let name = args.input.as_str();
    if args.to == Target::Parquet && args.output.is_none() {
        anyhow::bail!("--to parquet writes a binary file: give it with -o FILE.parquet");
    }
    if let Some(output) = &args.output {
        check_not_input(&path, output)?;
    }
    let limits = args.limits.limits()?;
    let tasks = match &args.tasks {
        Some(tasks_path) => load_task_map(tasks_path)?,
        None => HashMap::new(),
    };

    // Pass 1: the one reader decides which line holds each identity's judgment (it keeps one
    // stamp per identity, not the judgments) and finds every problem.
    let (winners, summary, problems) = {
        let input = open_input(&path)?;
        let mut progress = Progress::new(&format!("{name} (pass 1 of 2)"), input.size);
        let mut lines = JsonLines::new(name, input.reader).with_max_line_bytes(limits.max_line_bytes);
        let mut reader = JudgmentReader::identities_only(limits);
        reader.begin_file(name);
        while let Some(line) = lines.next_line().with_context(|| format!("cannot read {name}"))? {
            match line.text {
                Ok(text) => reader.add_line(line.number, text, line.unterminated),
                Err(problem) => reader.skip_line(problem),
            };
            progress.update(lines.bytes_read());
        }
        progress.finish();
        let winners: HashSet<u64> = reader.kept_positions().collect();
        let input = reader.finish();
        (winners, input.summary, input.problems)
    };
    for problem in &problems {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    if summary.lines == 0 {
        anyhow::bail!("no judgments: {name} is empty");
    }

    // Pass 2: write.
    // Written to a temporary file beside the output, renamed over it only when complete.
    let temporary = args.output.as_ref().map(|out_path| format!("{out_path}.verdict-partial-{}", std::process::id()));
    let mut parquet = None;
    let sink: Box<dyn Write> = match &temporary {
        Some(temporary) if args.to == Target::Parquet => {
            let file = File::create(temporary).with_context(|| format!("cannot create {temporary}"))?;
            parquet = Some(verdict_io::parquet::JudgmentWriter::new(file)?);
            Box::new(io::sink())
        }
        Some(temporary) => Box::new(File::create(temporary).with_context(|| format!("cannot create {temporary}"))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let input = open_input(&path)?;
    let mut progress = Progress::new(&format!("{name} (pass 2 of 2)"), input.size);
    let mut lines = JsonLines::new(name, input.reader).with_max_line_bytes(limits.max_line_bytes);
    let mut reader = JudgmentReader::identities_only(limits);
    reader.begin_file(name);
    let mut chain = ChainWriter::new();
    let mut skipped: BTreeMap<Skip, u64> = BTreeMap::new();
    let mut written = 0u64;
    let mut csv_buffer = String::new();
    if args.to == Target::Csv {
        out.write_all(CSV_HEADER.as_bytes())?;
    }
    while let Some(line) = lines.next_line().with_context(|| format!("cannot read {name}"))? {
        let Ok(text) = line.text else { continue };
        reader.add_line(line.number, text, line.unterminated);
        let Some(judgment) = reader.take_current() else { continue };
        if !winners.contains(&position(0, line.number)) {
            continue;
        }
        let inline_task = inline_task(text);
        let task = inline_task.as_ref().or_else(|| tasks.get(&judgment.item_id));
        let row = match args.to {
            Target::Judgments => Ok(chain.line(&judgment)),
            Target::Csv => {
                csv_buffer.clear();
                csv_rows(&judgment, &mut csv_buffer);
                out.write_all(csv_buffer.as_bytes())?;
                written += 1;
                continue;
            }
            Target::Parquet => {
                parquet.as_mut().expect("--to parquet has a writer").write(&judgment)?;
                written += 1;
                continue;
            }
            Target::Dpo => preference_pair(&judgment, task).map(|v| v.to_string()),
            Target::Arena => arena_battle(&judgment, task).map(|v| v.to_string()),
        };
        match row {
            Ok(row) => {
                out.write_all(row.as_bytes())?;
                out.write_all(b"\n")?;
                written += 1;
            }
            Err(skip) => *skipped.entry(skip).or_default() += 1,
        }
        progress.update(lines.bytes_read());
    }
    progress.finish();
    out.flush().context("cannot write the output")?;
    drop(out);
    if let Some(parquet) = parquet {
        parquet.finish().context("cannot write the Parquet file")?;
    }
    if let (Some(temporary), Some(out_path)) = (&temporary, &args.output) {
        std::fs::rename(temporary, out_path).with_context(|| format!("cannot write {out_path}"))?;
    }
    let what = match args.to {
        Target::Judgments => "judgments",
        Target::Dpo => "preference pairs",
        Target::Csv => "judgments as CSV rows",
        Target::Parquet => "judgments as Parquet rows",
        Target::Arena => "battles",
    };
    let input_summary = summary;
    let mut summary = format!("verdict: wrote {written} {what}");
    if !skipped.is_empty() {
        let counts: Vec<String> = skipped.iter().map(|(skip, n)| format!("{n} {}", skip.describe())).collect();
        summary.push_str(&format!("; left out: {}", counts.join(", ")));
    }
    eprintln!("{summary}");
    eprintln!("{}", crate::input::summary_line(&input_summary));
    if args.to == Target::Judgments {
        eprintln!("verdict: last chain value {}", chain.head());
    }
    Ok(if input_summary.skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
