//! `verdict convert`: judgments (or Arena / AlpacaEval rows) to chained judgments JSONL,
//! DPO preference pairs, CSV or Arena battles, streamed line by line.
//!
//! Two passes over the input: the first finds, for each (item, annotator), the line of its
//! last judgment, so a later judgment replaces an earlier one here as in every consumer; the
//! second writes. Memory holds one entry per judgment identity, never the file. Stdin is
//! spooled to a temporary file so it can be read twice.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::Value;
use verdict_core::export::{arena_battle, csv_rows, preference_pair, ChainWriter, Skip, CSV_HEADER};
use verdict_core::import::{detect, import_object, json_error_message, Format, JsonLines};
use verdict_core::judgment::{identity_hash, judgment_from_line, Judgment};
use verdict_core::problem::Problem;
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
}

/// Removes the spooled copy of stdin when conversion ends.
struct Spool(std::path::PathBuf);

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A judgment, with the item when its row carried one (Arena, AlpacaEval).
type Record = (Judgment, Option<Task>);

/// One input line read as a judgment (`None`: a row without a verdict), or its problems.
fn read_record(text: &str, unterminated: bool) -> Result<Option<Record>, verdict_core::import::FieldProblems> {
    let problems = match judgment_from_line(text) {
        Ok(judgment) => return Ok(Some((judgment, None))),
        Err(problems) => problems,
    };
    match serde_json::from_str::<Value>(text) {
        Err(error) => Err(vec![("-".into(), json_error_message(&error, unterminated))]),
        Ok(Value::Object(object)) if !object.contains_key("schema") => match detect(&object) {
            format @ (Format::Arena | Format::AlpacaEval) => {
                let imported = import_object(object, format)?;
                Ok(imported.judgment.map(|judgment| (judgment, Some(imported.task))))
            }
            Format::PreferencePair => Err(vec![("-".into(), "a preference pair carries no judgment: open it as a task file".into())]),
            Format::Verdict => Err(problems),
        },
        Ok(_) => Err(problems),
    }
}

/// Loads the task file into a map by id (the texts DPO and Arena rows need).
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
        eprintln!("{problem}");
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
    let tasks = match &args.tasks {
        Some(tasks_path) => load_task_map(tasks_path)?,
        None => HashMap::new(),
    };

    // Pass 1: the line of the last judgment of each (item, annotator).
    let mut last_line: HashMap<u128, u64> = HashMap::new();
    {
        let input = open_input(&path)?;
        let mut progress = Progress::new(&format!("{name} (pass 1 of 2)"), input.size);
        let mut lines = JsonLines::new(name, input.reader);
        while let Some(line) = lines.next_line().with_context(|| format!("cannot read {name}"))? {
            if let Ok(text) = line.text {
                if let Ok(Some((judgment, _))) = read_record(text, line.unterminated) {
                    last_line.insert(identity_hash(&judgment.item_id, &judgment.annotator), line.number);
                }
            }
            progress.update(lines.bytes_read());
        }
        progress.finish();
    }

    // Pass 2: write.
    let sink: Box<dyn Write> = match &args.output {
        Some(out_path) => Box::new(File::create(out_path).with_context(|| format!("cannot create {out_path}"))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let input = open_input(&path)?;
    let mut progress = Progress::new(&format!("{name} (pass 2 of 2)"), input.size);
    let mut lines = JsonLines::new(name, input.reader);
    let mut chain = ChainWriter::new();
    let mut skipped: BTreeMap<Skip, u64> = BTreeMap::new();
    let (mut written, mut replaced, mut errors) = (0u64, 0u64, 0u64);
    let mut csv_buffer = String::new();
    if args.to == Target::Csv {
        out.write_all(CSV_HEADER.as_bytes())?;
    }
    let report = |problem: Problem, errors: &mut u64| {
        *errors += 1;
        eprintln!("{problem}");
    };
    while let Some(line) = lines.next_line().with_context(|| format!("cannot read {name}"))? {
        let text = match line.text {
            Ok(text) => text,
            Err(problem) => {
                report(problem, &mut errors);
                continue;
            }
        };
        let (judgment, inline_task) = match read_record(text, line.unterminated) {
            Ok(Some(record)) => record,
            Ok(None) => continue,
            Err(found) => {
                for (field, message) in found {
                    report(Problem::error(name, line.number, &field, message), &mut errors);
                }
                continue;
            }
        };
        if last_line.get(&identity_hash(&judgment.item_id, &judgment.annotator)) != Some(&line.number) {
            replaced += 1;
            continue;
        }
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
    let what = match args.to {
        Target::Judgments => "judgments",
        Target::Dpo => "preference pairs",
        Target::Csv => "judgments as CSV rows",
        Target::Arena => "battles",
    };
    let mut summary = format!("verdict: wrote {written} {what}");
    if !skipped.is_empty() {
        let counts: Vec<String> = skipped.iter().map(|(skip, n)| format!("{n} {}", skip.describe())).collect();
        summary.push_str(&format!("; left out: {}", counts.join(", ")));
    }
    if replaced > 0 {
        summary.push_str(&format!("; {replaced} replaced by a later judgment of the same item and annotator"));
    }
    if errors > 0 {
        summary.push_str(&format!("; {errors} problems in the input"));
    }
    eprintln!("{summary}");
    if args.to == Target::Judgments {
        eprintln!("verdict: last chain value {}", chain.head());
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
