//! `verdict validate`: detect each file's kind (tasks, rubric, judgments), stream it line by
//! line and print every problem as `file:line: field: problem`. Also holds the input plumbing
//! (`-` for stdin, progress on a terminal) that `convert` shares.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::Value;
use verdict_core::export::ChainVerifier;
use verdict_core::import::{detect, Format, JsonLines};
use verdict_core::output::Output;
use verdict_core::problem::{self, Detail, Problem};
use verdict_core::read::{InputSummary, JudgmentReader, Limits, LineOutcome};
use verdict_core::rubric::{load_rubric, Rubric};
use verdict_core::task::{load_tasks, TaskLines};

/// Arguments of `verdict validate`.
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Task, rubric or judgment files (kind detected from the content); `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Also check judgment scores against this rubric (criterion ids, ranges, options).
    #[arg(long)]
    pub rubric: Option<String>,
    /// Print one JSON object (per-file counts and the input summary) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limits: crate::input::LimitArgs,
}

/// Files at least this big get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 32 << 20;

/// An opened input: a name for messages, a buffered reader and, for files, their size.
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) reader: Box<dyn BufRead>,
    pub(crate) size: Option<u64>,
}

/// Opens `path` (`-` is stdin) with a large buffer.
pub(crate) fn open_input(path: &str) -> anyhow::Result<Input> {
    if path == "-" {
        return Ok(Input { name: "-".into(), reader: Box::new(BufReader::with_capacity(1 << 20, io::stdin())), size: None });
    }
    if let Some(lines) = crate::input::parquet_lines(path)? {
        return Ok(Input { name: path.to_owned(), reader: Box::new(BufReader::with_capacity(1 << 20, lines)), size: None });
    }
    let file = File::open(path).with_context(|| format!("cannot open {path}"))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok(Input { name: path.to_owned(), reader: Box::new(BufReader::with_capacity(1 << 20, file)), size })
}

/// A percentage on stderr, redrawn in place, only for big files on a terminal.
pub(crate) struct Progress {
    label: String,
    total: u64,
    shown_percent: Option<u64>,
}

impl Progress {
    /// A progress display for `total` bytes of `label`; inert unless it is worth showing.
    pub(crate) fn new(label: &str, total: Option<u64>) -> Self {
        let visible = total.is_some_and(|t| t >= PROGRESS_MIN_BYTES) && io::stderr().is_terminal();
        Progress { label: label.to_owned(), total: if visible { total.unwrap_or(0) } else { 0 }, shown_percent: None }
    }

    /// Notes that `done` bytes have been read.
    pub(crate) fn update(&mut self, done: u64) {
        if self.total == 0 {
            return;
        }
        let percent = done.min(self.total) * 100 / self.total;
        if self.shown_percent != Some(percent) {
            self.shown_percent = Some(percent);
            eprint!("\r{}: {percent:>3}% of {} MB", self.label, self.total >> 20);
        }
    }

    /// Clears the line.
    pub(crate) fn finish(&mut self) {
        if self.shown_percent.is_some() {
            eprint!("\r\x1b[2K");
            self.shown_percent = None;
        }
    }
}

/// What a file holds, detected from its first record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Tasks,
    TaskArray,
    Rubric,
    Judgments,
}

/// Counts per file, for the summary on stderr.
#[derive(Default, serde::Serialize)]
struct Tally {
    file: String,
    kind: &'static str,
    records: u64,
    errors: u64,
    warnings: u64,
}

impl Tally {
    fn report(&mut self, out: &mut impl Write, problem: &Problem) -> io::Result<()> {
        if problem.is_error() {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
        writeln!(out, "{}", problem::in_english(problem))
    }
}

/// Turns a broken pipe on stdout (the reader quit, as `| head` does) into a quiet exit.
pub(crate) fn quiet_on_broken_pipe(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(error)
            if error.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)) =>
        {
            Ok(ExitCode::SUCCESS)
        }
        other => other,
    }
}

/// Runs `verdict validate`: exit 1 when any file has an error, 0 otherwise (warnings allowed).
pub fn run(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    quiet_on_broken_pipe(validate_all(args))
}

/// `validate --json`: per-file counts and the judgments' input summary.
#[derive(serde::Serialize)]
struct ValidateReport {
    files: Vec<Tally>,
    input: InputSummary,
}

fn validate_all(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    // With --json, problems go nowhere but the summary (human lines would break the JSON).
    let mut out: Box<dyn Write> = if args.json { Box::new(io::sink()) } else { Box::new(io::BufWriter::new(stdout.lock())) };
    let limits = args.limits.limits()?;
    let mut judgments = JudgmentReader::new(limits);
    let mut files = Vec::new();
    let mut any_error = false;
    let rubric = match &args.rubric {
        None => None,
        Some(path) => {
            let mut tally = Tally::default();
            let rubric = validate_rubric(open_input(path)?, &mut out, &mut tally)?;
            any_error |= tally.errors > 0;
            rubric
        }
    };
    for path in &args.files {
        let tally = match open_input(path) {
            Ok(input) => validate_one(input, rubric.as_ref(), &limits, &mut judgments, &mut out)?,
            Err(error) => {
                let mut tally = Tally { file: path.clone(), kind: "unreadable", ..Tally::default() };
                tally.report(&mut out, &Problem::error(path, 0, "-", Detail::CannotRead { reason: format!("{error:#}") }))?;
                tally
            }
        };
        any_error |= tally.errors > 0;
        files.push(tally);
    }
    out.flush().context("cannot write to stdout")?;
    drop(out);
    let input = judgments.summary();
    if args.json {
        let report = ValidateReport { files, input };
        let mut stdout = io::stdout().lock();
        serde_json::to_writer(&mut stdout, &Output::Validate.wrap(&report)).context("cannot write to stdout")?;
        writeln!(stdout).context("cannot write to stdout")?;
    } else if input.files > 0 {
        eprintln!("{}", crate::input::summary_line(&input));
    }
    Ok(if any_error { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Peeks at the first non-blank bytes without consuming them: is it a JSON array?
fn starts_with_bracket(reader: &mut dyn BufRead) -> io::Result<bool> {
    let buffer = reader.fill_buf()?;
    let buffer = buffer.strip_prefix("\u{feff}".as_bytes()).unwrap_or(buffer);
    Ok(buffer.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'['))
}

/// Reads the rest of a whole-file JSON document as UTF-8, reporting where it is not.
fn read_document(
    name: &str,
    mut reader: impl Read,
    prefix: String,
    out: &mut impl Write,
    tally: &mut Tally,
) -> anyhow::Result<Option<String>> {
    let mut bytes = prefix.into_bytes();
    reader.read_to_end(&mut bytes).with_context(|| format!("cannot read {name}"))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() as u64 + 1;
            let column = valid.iter().rev().take_while(|b| **b != b'\n').count() as u64 + 1;
            tally.report(out, &Problem::error(name, line, "-", Detail::NotUtf8 { column: Some(column) }))?;
            Ok(None)
        }
    }
}

/// Which kind a one-line record announces.
fn kind_of_record(value: &Value) -> Kind {
    let Value::Object(object) = value else { return Kind::Tasks };
    let has = |key: &str| object.contains_key(key);
    if has("schema") || (has("item_id") && has("annotator")) {
        Kind::Judgments
    } else if (has("criteria") || has("mode") || has("instructions")) && !has("outputs") && !has("prompt") {
        Kind::Rubric
    } else {
        Kind::Tasks
    }
}

fn validate_rubric(input: Input, out: &mut impl Write, tally: &mut Tally) -> anyhow::Result<Option<Rubric>> {
    let Some(text) = read_document(&input.name, input.reader, String::new(), out, tally)? else { return Ok(None) };
    match load_any_rubric(&input.name, &text) {
        Ok(rubric) => Ok(Some(rubric)),
        Err(problems) => {
            for problem in &problems {
                tally.report(out, problem)?;
            }
            Ok(None)
        }
    }
}

/// The per-line checker of a JSONL file's kind: judgments go through the one reader (shared by
/// every judgment file of the run, so identities are followed across files) and the chain.
enum Checker<'a> {
    /// A task file; Arena and AlpacaEval rows also carry verdicts, which the one reader counts
    /// (its problems are not printed twice: the task checker names them).
    Tasks(TaskLines, Option<&'a mut JudgmentReader>),
    Judgments {
        reader: &'a mut JudgmentReader,
        chain: ChainVerifier,
        rubric: Option<&'a Rubric>,
    },
}

impl Checker<'_> {
    /// Checks one line and prints its problems.
    fn line(
        &mut self,
        name: &str,
        number: u64,
        text: Result<&str, Problem>,
        unterminated: bool,
        out: &mut impl Write,
        tally: &mut Tally,
    ) -> io::Result<()> {
        let mut problems = Vec::new();
        match text {
            Err(problem) => {
                if let Checker::Judgments { reader, .. } = self {
                    reader.skip_line(problem.clone());
                }
                problems.push(problem);
            }
            Ok(text) => match self {
                Checker::Tasks(task_lines, verdicts) => {
                    if task_lines.line(number, text, unterminated, &mut problems).is_some_and(|record| record.new_item) {
                        tally.records += 1;
                    }
                    if let Some(reader) = verdicts {
                        reader.add_line(number, text, unterminated);
                    }
                }
                Checker::Judgments { reader, chain, rubric } => {
                    let before = reader.problems().len();
                    let outcome = reader.add_line(number, text, unterminated);
                    problems.extend_from_slice(&reader.problems()[before..]);
                    let judgment = match outcome {
                        LineOutcome::Kept { slot, .. } => Some(&reader.judgments()[slot]),
                        LineOutcome::Superseded => reader.last_superseded(),
                        LineOutcome::Blank | LineOutcome::Skipped => None,
                    };
                    if let Some(judgment) = judgment {
                        tally.records += 1;
                        problems.extend(chain.check(number, judgment));
                        if let (Some(rubric), Some(scores)) = (rubric, &judgment.scores) {
                            for (field, detail) in rubric.check_scores(scores) {
                                problems.push(Problem::error(name, number, &field, detail));
                            }
                        }
                    } else if outcome == LineOutcome::Skipped {
                        chain.skip(serde_json::from_str::<Value>(text).ok().as_ref());
                    }
                }
            },
        }
        for problem in &problems {
            tally.report(out, problem)?;
        }
        Ok(())
    }
}

fn validate_one(
    mut input: Input,
    rubric: Option<&Rubric>,
    limits: &Limits,
    judgments: &mut JudgmentReader,
    out: &mut impl Write,
) -> anyhow::Result<Tally> {
    let mut tally = Tally { file: input.name.clone(), ..Tally::default() };
    let name = input.name.clone();
    let read_error = || format!("cannot read {name}");
    if name.ends_with(".toml") {
        tally.records = u64::from(validate_rubric(input, out, &mut tally)?.is_some());
        return finish(&name, Kind::Rubric, tally);
    }
    if starts_with_bracket(&mut input.reader).with_context(read_error)? {
        return finish(&name, Kind::TaskArray, validate_task_array(input, out, tally)?);
    }
    let mut progress = Progress::new(&name, input.size);
    let mut lines = JsonLines::new(&name, input.reader).with_max_line_bytes(limits.max_line_bytes);
    // The first non-blank line decides the kind; it is copied out so the stream can go on.
    // Lines that are not UTF-8 tell nothing about the kind: report them and read on.
    let mut any_line = false;
    let (number, unterminated, first_text) = loop {
        let Some(line) = lines.next_line().with_context(read_error)? else {
            if !any_line {
                tally.report(out, &Problem::error(&name, 0, "-", Detail::EmptyFile))?;
            }
            return finish(&name, Kind::Tasks, tally);
        };
        any_line = true;
        match line.text {
            Ok(text) => break (line.number, line.unterminated, text.to_owned()),
            Err(problem) => tally.report(out, &problem)?,
        }
    };
    let mut foreign_verdicts = false;
    let kind = {
        let text = &first_text;
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                foreign_verdicts = matches!(&value, Value::Object(object) if matches!(detect(object), Format::Arena | Format::AlpacaEval));
                kind_of_record(&value)
            }
            // A JSON document spread over lines (a pretty-printed rubric) does not parse line by line.
            Err(_) if text.trim_start().starts_with('{') && (name.ends_with(".json") || text.trim() == "{") => Kind::Rubric,
            Err(_) if text.contains("\"item_id\"") || text.contains("verdict/judgment@") => Kind::Judgments,
            Err(_) => Kind::Tasks,
        }
    };
    if kind == Kind::Rubric {
        let prefix = "\n".repeat(number as usize - 1) + &first_text + "\n";
        let Some(document) = read_document(&name, lines.into_inner(), prefix, out, &mut tally)? else {
            return finish(&name, kind, tally);
        };
        match load_any_rubric(&name, &document) {
            Ok(_) => tally.records = 1,
            Err(found) => {
                for problem in &found {
                    tally.report(out, problem)?;
                }
            }
        }
        return finish(&name, kind, tally);
    }
    let mut checker = match kind {
        Kind::Judgments => {
            judgments.begin_file(&name);
            Checker::Judgments { reader: judgments, chain: ChainVerifier::new(&name), rubric }
        }
        _ if foreign_verdicts => {
            judgments.begin_file(&name);
            Checker::Tasks(TaskLines::new(&name), Some(judgments))
        }
        _ => Checker::Tasks(TaskLines::new(&name), None),
    };
    checker.line(&name, number, Ok(&first_text), unterminated, out, &mut tally)?;
    while let Some(line) = lines.next_line().with_context(read_error)? {
        checker.line(&name, line.number, line.text, line.unterminated, out, &mut tally)?;
        progress.update(lines.bytes_read());
    }
    progress.finish();
    if let Checker::Judgments { chain, .. } = &checker {
        if chain.is_chained() {
            eprintln!(
                "{name}: last chain value {}: compare it with the one recorded at export (lines cut from the end show only there)",
                chain.head()
            );
        } else if tally.records > 0 {
            eprintln!("{name}: warning: the file has no tamper-evidence chain (exports from Verdict have one; it may have been stripped)");
        }
    }
    finish(&name, kind, tally)
}

/// Loads a rubric written in JSON, or in TOML when the file name ends in `.toml`.
pub(crate) fn load_any_rubric(name: &str, text: &str) -> Result<Rubric, Vec<Problem>> {
    if !name.ends_with(".toml") {
        return load_rubric(name, text);
    }
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() as u64 + 1;
    let value: Value = toml::from_str(text).map_err(|error| {
        let line = error.span().map_or(1, |span| line_at(span.start));
        vec![Problem::error(name, line, "-", Detail::InvalidToml { parser: error.message().trim_end().to_owned() })]
    })?;
    let json = serde_json::to_string(&value).expect("a TOML document converts to JSON: keys are strings");
    // The checks run on the JSON form (all on its line 1); point them back at the TOML lines:
    // criterion i at its `[[criteria]]` table, other fields at their key.
    load_rubric(name, &json).map_err(|problems| {
        let tables: Vec<u64> = text.match_indices("[[criteria]]").map(|(at, _)| line_at(at)).collect();
        problems
            .into_iter()
            .map(|mut problem| {
                let index =
                    problem.field.strip_prefix("criteria[").and_then(|rest| rest.split(']').next()).and_then(|i| i.parse::<usize>().ok());
                let key = problem.field.split(['.', '[']).next().unwrap_or("-").to_owned();
                problem.line = match index.and_then(|i| tables.get(i)) {
                    Some(line) => *line,
                    None => text.lines().position(|l| l.trim_start().starts_with(&key)).map_or(1, |i| i as u64 + 1),
                };
                problem
            })
            .collect()
    })
}

fn validate_task_array(input: Input, out: &mut impl Write, mut tally: Tally) -> anyhow::Result<Tally> {
    let Some(text) = read_document(&input.name, input.reader, String::new(), out, &mut tally)? else { return Ok(tally) };
    let loaded = load_tasks(&input.name, &text);
    tally.records = loaded.records.len() as u64;
    for problem in &loaded.problems {
        tally.report(out, problem)?;
    }
    Ok(tally)
}

/// Prints the per-file summary on stderr.
fn finish(name: &str, kind: Kind, mut tally: Tally) -> anyhow::Result<Tally> {
    let what = match kind {
        Kind::Tasks | Kind::TaskArray => "items",
        Kind::Rubric => "rubric",
        Kind::Judgments => "judgment lines",
    };
    tally.kind = match kind {
        Kind::Tasks | Kind::TaskArray => "tasks",
        Kind::Rubric => "rubric",
        Kind::Judgments => "judgments",
    };
    eprintln!(
        "{name}: {} {what}, {}, {}",
        tally.records,
        crate::input::count(tally.errors, "error", "errors"),
        crate::input::count(tally.warnings, "warning", "warnings")
    );
    Ok(tally)
}
