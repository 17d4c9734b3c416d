//! Battles: the pairwise outcomes a leaderboard is fitted on, extracted from judgments.
//!
//! A battle is one comparison of two models with one outcome. Where they come from:
//! - a pairwise `preference` gives one battle between the two compared models, taken from
//!   `shown` (two models, in display order) or, without `shown`, from the task's two outputs;
//! - an N-way `ranking` (best first) gives every implied pair: the model ranked higher wins each
//!   of its N·(N−1)/2 pairs ("full rank breaking"; see `docs/RANKING.md` for why and its cost);
//! - a per-output criterion (for `--by criterion`) gives every pair of scored outputs: the higher
//!   value wins, equal values tie.
//!
//! Judgments are identified by `(item_id, annotator)`; a later one replaces an earlier one, both
//! in [`load_judgments`](crate::read::load_judgments) and in the streaming reader
//! [`read_jsonl`] here.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::agreement::scan::{scan_battle_line, Names, Scanned, ShownAndRanking};
use crate::agreement::shape::Shapes;
use crate::intern::{FxMap, Interner, NameList};
use crate::judgment::{Judgment, BOTH_BAD, TIE};
use crate::problem::Code;
use crate::problem::{Loaded, Problem};
use crate::read::Selection;
use crate::read::{judgment_from_any_line, line_problems, no_verdict};
use crate::task::Task;
use crate::time::unix_ms_from_rfc3339;

/// How one battle ended, seen from its `first` model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The first model won.
    FirstWins,
    /// The second model won.
    SecondWins,
    /// The two were judged equal (`"tie"`).
    Tie,
    /// Both were judged bad (`"both_bad"`): a tie for ratings, counted apart in bias checks.
    BothBad,
}

impl Outcome {
    /// The same battle seen from the other side.
    pub fn swapped(self) -> Outcome {
        match self {
            Outcome::FirstWins => Outcome::SecondWins,
            Outcome::SecondWins => Outcome::FirstWins,
            other => other,
        }
    }

    /// True for [`Outcome::Tie`] and [`Outcome::BothBad`].
    pub fn is_tie(self) -> bool {
        matches!(self, Outcome::Tie | Outcome::BothBad)
    }
}

/// One comparison of two models. Ids index [`BattleSet::models`], [`BattleSet::annotators`]
/// and [`BattleSet::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Battle {
    /// The model shown first (left or top) when `positioned`; otherwise the first listed.
    pub first: u32,
    /// The other model.
    pub second: u32,
    /// How it ended, from `first`'s side.
    pub outcome: Outcome,
    /// True when `first` is known to have been displayed before `second` (from `shown`).
    pub positioned: bool,
    /// Who judged.
    pub annotator: u32,
    /// Which item was judged.
    pub item: u32,
}

/// Battles with the names their ids refer to, plus what could not be used and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BattleSet {
    /// Model names, sorted (byte order); a battle's `first`/`second` index this.
    pub models: Vec<String>,
    /// Annotator names, in order of first appearance.
    pub annotators: Vec<String>,
    /// Item ids, in order of first appearance.
    pub items: NameList,
    /// The battles, in input order (online Elo uses this order).
    pub battles: Vec<Battle>,
    /// Judgments that gave no battle, counted by reason (reasons sorted).
    pub skipped: BTreeMap<String, u64>,
    /// What was read, for the input summary (`read::InputSummary`): distinct judgments kept,
    /// judgments replaced under the identity rule, lines that were not judgments. Built from
    /// judgments already read ([`BattleSet::from_judgments`]), only the first is counted.
    pub n_judgments: u64,
    /// See `n_judgments`.
    pub n_replaced: u64,
    /// See `n_judgments`.
    pub n_skipped_lines: u64,
    /// Kept judgments a selection selected (all kept ones without a selection); only these
    /// give battles (see [`BlockReader::select`]).
    pub n_selected: u64,
}

impl BattleSet {
    /// Builds battles from judgments' preferences and rankings. `tasks` supply the two compared
    /// models of a preference without `shown` (an item with exactly two outputs).
    pub fn from_judgments(judgments: &[Judgment], tasks: Option<&[Task]>) -> BattleSet {
        let tasks = task_map(tasks);
        let mut builder = Builder::new(tasks.as_ref());
        for judgment in judgments {
            builder.push(
                &judgment.item_id,
                &judgment.annotator,
                judgment.shown.as_deref(),
                judgment.preference.as_ref().map(|p| p.winner.as_str()),
                judgment.ranking.as_deref(),
                judgment.submitted_at.as_deref(),
                true,
            );
        }
        builder.finish()
    }

    /// Builds battles from one per-output criterion: for every pair of models scored on
    /// `criterion` (numbers, or booleans with `true` above `false`), the higher value wins and
    /// equal values tie. Pairs follow `shown` order when it lists both models.
    pub fn from_criterion(judgments: &[Judgment], criterion: &str) -> BattleSet {
        let mut builder = Builder::new(None);
        for judgment in judgments {
            let Some(value) = judgment.scores.as_ref().and_then(|s| s.get(criterion)) else {
                builder.skip("no score for this criterion");
                continue;
            };
            let Value::Object(per_model) = value else {
                builder.skip("criterion is not per output");
                continue;
            };
            let mut scored: Vec<(&str, f64)> = Vec::new();
            for (model, value) in per_model {
                match value {
                    Value::Number(n) => scored.push((model, n.as_f64().unwrap_or(f64::NAN))),
                    Value::Bool(b) => scored.push((model, if *b { 1.0 } else { 0.0 })),
                    _ => {}
                }
            }
            scored.retain(|(_, v)| v.is_finite());
            if scored.len() < 2 {
                builder.skip("fewer than two numeric scores");
                continue;
            }
            let order = |model: &str| judgment.shown.as_ref().and_then(|s| s.iter().position(|m| m == model)).unwrap_or(usize::MAX);
            let positioned = scored.iter().all(|(m, _)| order(m) != usize::MAX);
            if positioned {
                scored.sort_by_key(|(m, _)| order(m));
            }
            builder.begin(&judgment.item_id, &judgment.annotator);
            let mut pairs = RecordBattles::None;
            for (i, (first, first_value)) in scored.iter().enumerate() {
                for (second, second_value) in &scored[i + 1..] {
                    let outcome = if first_value > second_value {
                        Outcome::FirstWins
                    } else if first_value < second_value {
                        Outcome::SecondWins
                    } else {
                        Outcome::Tie
                    };
                    pairs.add((builder.model(first), builder.model(second), outcome, positioned));
                }
            }
            builder.commit(pairs, i64::MIN, true);
        }
        builder.finish()
    }

    /// Number of battles each model took part in, indexed by model id.
    pub fn battles_per_model(&self) -> Vec<u64> {
        let mut counts = vec![0u64; self.models.len()];
        for battle in &self.battles {
            counts[battle.first as usize] += 1;
            counts[battle.second as usize] += 1;
        }
        counts
    }
}

/// Reads judgments JSONL straight into battles, without building full [`Judgment`]s: the fast
/// path for large files. Only the fields ranking needs are read (`schema`, `item_id`,
/// `annotator`, `shown`, `preference.winner`, `ranking`, and the presence of `scores`/`flags`);
/// `verdict validate` checks the rest. Invalid lines are reported as errors exactly as
/// [`load_judgments`](crate::read::load_judgments) reports them; a later judgment of the
/// same `(item_id, annotator)` replaces the earlier one, with the same warning.
pub fn read_jsonl(file: &str, text: &str, tasks: Option<&[Task]>) -> Loaded<BattleSet> {
    let mut sets = read_many(&[(file, text)], tasks);
    Loaded { records: vec![std::mem::take(&mut sets.records[0])], problems: sets.problems }
}

/// [`read_jsonl`] over several files read as one stream (a judgment in a later file replaces
/// the same `(item_id, annotator)` in an earlier one). Returns one [`BattleSet`].
pub fn read_many(files: &[(&str, &str)], tasks: Option<&[Task]>) -> Loaded<BattleSet> {
    read_many_parallel(files, tasks, 1)
}

/// [`read_many`], parsing lines on up to `threads` threads (the result does not depend on
/// `threads`; where threads cannot be started, e.g. wasm32, parsing stays on this thread).
/// Interning, the replacement rule and the battles are then built in file order.
pub fn read_many_parallel(files: &[(&str, &str)], tasks: Option<&[Task]>, threads: u32) -> Loaded<BattleSet> {
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let index = tasks.map(TaskIndex::new);
    let mut reader = BlockReader::new(&names, index.as_ref());
    for (file_index, (_, text)) in files.iter().enumerate() {
        reader.add_block(file_index, 1, text, threads);
    }
    reader.finish()
}

/// Tasks by id, for the two compared models of preferences without `shown` (see
/// [`BlockReader::new`]).
pub struct TaskIndex<'t>(TaskMap<'t>);

impl<'t> TaskIndex<'t> {
    /// Indexes `tasks` by id.
    pub fn new(tasks: &'t [Task]) -> TaskIndex<'t> {
        TaskIndex(tasks.iter().map(|t| (t.id.as_str(), t)).collect())
    }
}

/// [`read_many_parallel`] fed block by block, so that a large file can be read in one reused
/// buffer: each block holds whole lines of one file (the files' blocks in order), and the
/// result is the same as reading the whole texts at once.
pub struct BlockReader<'t> {
    builder: Builder<'t>,
    names: &'t [&'t str],
    problems: Vec<Problem>,
    /// File size hint for sizing the tables on the first block (see [`BlockReader::expect_bytes`]).
    expected_bytes: usize,
}

impl<'t> BlockReader<'t> {
    /// A reader of the files named `names` (indexed by the blocks' `file_index`).
    pub fn new(names: &'t [&'t str], tasks: Option<&'t TaskIndex<'t>>) -> BlockReader<'t> {
        BlockReader { builder: Builder::new(tasks.map(|t| &t.0)), names, problems: Vec::new(), expected_bytes: 0 }
    }

    /// Keeps only the battles of judgments `selection` selects, applied after the identity rule
    /// (`read::select`): an unselected judgment still replaces an earlier one of its identity.
    pub fn select(mut self, selection: &'t Selection) -> BlockReader<'t> {
        self.builder.selection = (!selection.is_everything()).then_some(selection);
        self
    }

    /// Announces about how many bytes of JSONL are coming, so that the tables are sized once
    /// (from the first block's bytes per line) instead of growing.
    pub fn expect_bytes(&mut self, bytes: usize) {
        self.expected_bytes = bytes;
    }

    /// Reads `text`, whole lines of file `file_index` starting at line `first_line` (1 for a
    /// file's first block, whose byte-order mark is skipped), on up to `threads` threads.
    /// Returns the number of lines read (the number of newlines, plus one for a final line
    /// without one).
    pub fn add_block(&mut self, file_index: usize, first_line: u64, text: &str, threads: u32) -> u64 {
        let newlines = |part: &str| part.bytes().filter(|&b| b == b'\n').count() as u64;
        // A final line without a newline counts too.
        let unterminated = u64::from(!text.is_empty() && !text.ends_with('\n'));
        let text = if first_line == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
        let expected_bytes = std::mem::take(&mut self.expected_bytes);
        let (names, builder, problems) = (self.names, &mut self.builder, &mut self.problems);
        if expected_bytes > 0 && !text.is_empty() {
            let expected = (newlines(text) as u128 * expected_bytes as u128 / text.len() as u128) as usize;
            builder.records.reserve(expected);
            builder.items.reserve(expected, 0);
        }
        let threads = if cfg!(target_arch = "wasm32") || text.len() < (1 << 20) { 1 } else { threads.max(1) as usize };
        // Part boundaries just after a newline.
        let mut bounds = vec![0usize];
        for t in 1..threads {
            let target = text.len() * t / threads;
            let cut = text[target..].find('\n').map_or(text.len(), |k| target + k + 1);
            if cut > *bounds.last().expect("bounds start with 0") {
                bounds.push(cut);
            }
        }
        bounds.push(text.len());
        bounds.dedup();
        let parts: Vec<&str> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        // Every part but the last ends with a newline: its line count is its newline count.
        let mut starts = vec![first_line];
        for part in &parts[..parts.len().saturating_sub(1)] {
            starts.push(starts.last().expect("starts begin at the first line") + part.bytes().filter(|&b| b == b'\n').count() as u64);
        }
        let first_lines = (starts.get(1).copied().unwrap_or(first_line) - first_line) as usize;
        // Room for the whole block (the parts are about the same size), so merging does not rehash.
        builder.records.reserve(first_lines * parts.len());
        builder.items.reserve(first_lines * parts.len(), 0);
        if parts.len() <= 1 {
            return builder.read_part(names, file_index, first_line, text, problems);
        }
        let (task_ref, selection) = (builder.tasks, builder.selection);
        let last_newlines = std::thread::scope(|scope| {
            let handles: Vec<_> = parts[1..]
                .iter()
                .zip(&starts[1..])
                .map(|(&part, &start)| {
                    std::thread::Builder::new().spawn_scoped(scope, move || {
                        let mut local = Builder::new(task_ref);
                        local.selection = selection;
                        let lines = newlines(part);
                        local.records.reserve(lines as usize);
                        local.items.reserve(lines as usize, 0);
                        let mut found = Vec::new();
                        local.read_part(names, file_index, start, part, &mut found);
                        (local, found, lines)
                    })
                })
                .collect();
            builder.read_part(names, file_index, first_line, parts[0], problems);
            // The newlines of the last part (the parts before it are counted in `starts`).
            let mut last_newlines = 0;
            for ((handle, &part), &start) in handles.into_iter().zip(&parts[1..]).zip(&starts[1..]) {
                last_newlines = match handle {
                    Ok(handle) => {
                        let (local, found, lines) = handle.join().expect("reading battles does not panic");
                        builder.merge(local, found, names, file_index, problems);
                        lines
                    }
                    // No thread: read the part here.
                    Err(_) => {
                        builder.read_part(names, file_index, start, part, problems);
                        newlines(part)
                    }
                };
            }
            last_newlines
        });
        starts.last().expect("starts begin at the first line") - first_line + last_newlines + unterminated
    }

    /// [`BlockReader::add_block`] for bytes: a block that is not all UTF-8 is read line by line,
    /// and each line that is not UTF-8 is reported (`file:line: -: not valid UTF-8`) and skipped,
    /// as the agreement reader does.
    pub fn add_bytes(&mut self, file_index: usize, first_line: u64, bytes: &[u8], threads: u32) -> u64 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return self.add_block(file_index, first_line, text, threads);
        }
        let mut line_no = first_line;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            match std::str::from_utf8(line) {
                Ok(text) => line_no += self.add_block(file_index, line_no, text, 1),
                Err(_) => {
                    self.problems.push(Problem::error(self.names[file_index], line_no, "-", "not valid UTF-8").with_code(Code::NotUtf8));
                    self.builder.n_skipped_lines += 1;
                    line_no += 1;
                }
            }
        }
        line_no - first_line
    }

    /// An empty reader of the same files and tasks, to read a later part of a file on another
    /// thread and [`BlockReader::append`] it here.
    pub fn sibling(&self) -> BlockReader<'t> {
        let mut builder = Builder::new(self.builder.tasks);
        builder.selection = self.builder.selection;
        BlockReader { builder, names: self.names, problems: Vec::new(), expected_bytes: 0 }
    }

    /// Appends what `part` read from the lines of file `file_index` right after this reader's
    /// (numbered as in the file), as if they had been read here: the same battles, replacements,
    /// warnings and line order.
    pub fn append(&mut self, part: BlockReader<'t>, file_index: usize) {
        self.builder.merge(part.builder, part.problems, self.names, file_index, &mut self.problems);
    }

    /// The battles read, and the problems found, in file and line order.
    pub fn finish(self) -> Loaded<BattleSet> {
        Loaded { records: vec![self.builder.finish()], problems: self.problems }
    }
}

/// Task id → task, for the two compared models of preferences without `shown`.
type TaskMap<'t> = HashMap<&'t str, &'t Task>;

fn task_map(tasks: Option<&[Task]>) -> Option<TaskMap<'_>> {
    tasks.map(|tasks| tasks.iter().map(|t| (t.id.as_str(), t)).collect())
}

/// One non-empty line, parsed.
enum Parsed<'a> {
    /// The common case: the hand-written scanner is sure of it (no allocation).
    Quick(Scanned<'a>, ShownAndRanking<'a>),
    /// The full parser accepted a shape the lean reader did not.
    Full(Box<Judgment>),
    /// Not a valid judgment: the line and its `(field, problem)` pairs.
    Bad(&'a str, Vec<(String, String)>),
    /// An Arena or AlpacaEval row without a verdict.
    NoVerdict,
}

fn parse_line(line: &str) -> Parsed<'_> {
    if let Some((scanned, names)) = scan_battle_line(line) {
        return Parsed::Quick(scanned, names);
    }
    parse_line_in_full(line)
}

/// The one reader's reading of the line (`read::JudgmentReader::add_line`): a lenient shortcut
/// here would accept lines it rejects (duplicate keys, numbers out of range, nesting past the
/// limit).
fn parse_line_in_full(line: &str) -> Parsed<'_> {
    match judgment_from_any_line(line) {
        Ok(Some(judgment)) => Parsed::Full(Box::new(judgment)),
        Ok(None) => Parsed::NoVerdict,
        Err(found) => Parsed::Bad(line, found),
    }
}

/// Pushes the warning [`load_judgments`](crate::read::load_judgments) gives for a replaced
/// judgment, whose slot held the judgment at `previous` (file index, line).
fn warn_replaced(
    problems: &mut Vec<Problem>,
    files: &[&str],
    previous: (usize, u64),
    file: &str,
    line_no: u64,
    item_id: &str,
    annotator: &str,
) {
    let (file_index, previous_line) = previous;
    let where_ = if files[file_index] == file { format!("line {previous_line}") } else { format!("{}:{previous_line}", files[file_index]) };
    problems.push(
        Problem::warning(file, line_no, "item_id", format!("replaces the judgment of \"{item_id}\" by \"{annotator}\" on {where_}"))
            .with_code(Code::Replaced),
    );
}

/// Pushes the warning the one reader gives for a judgment outranked by an earlier-read one of
/// the same identity (submitted later, `read::identity`), kept at `kept` (file index, line).
fn warn_superseded(
    problems: &mut Vec<Problem>,
    files: &[&str],
    kept: (usize, u64),
    file: &str,
    line_no: u64,
    item_id: &str,
    annotator: &str,
) {
    let (file_index, kept_line) = kept;
    let where_ = if files[file_index] == file { format!("line {kept_line}") } else { format!("{}:{kept_line}", files[file_index]) };
    problems.push(
        Problem::warning(
            file,
            line_no,
            "submitted_at",
            format!("replaced by the judgment of \"{item_id}\" by \"{annotator}\" on {where_}, submitted later"),
        )
        .with_code(Code::Replaced),
    );
}

/// What became of a pushed judgment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pushed {
    /// A new identity.
    New,
    /// It replaced the judgment in this slot.
    Replaced(usize),
    /// The judgment in this slot outranks it (submitted later): it was dropped.
    Superseded(usize),
}

/// The battles of one judgment, kept per judgment so that a later one can replace it.
struct Record {
    item: u32,
    annotator: u32,
    /// False when a selection left the judgment out (it then has no battles).
    selected: bool,
    /// (first, second, outcome, positioned).
    battles: RecordBattles,
}

/// A judgment's battles; `One` avoids a heap allocation for the common pairwise judgment.
enum RecordBattles {
    One(u32, u32, Outcome, bool),
    Many(Vec<(u32, u32, Outcome, bool)>),
    None,
}

impl RecordBattles {
    /// Appends a battle.
    fn add(&mut self, battle: (u32, u32, Outcome, bool)) {
        *self = match std::mem::replace(self, RecordBattles::None) {
            RecordBattles::None => RecordBattles::One(battle.0, battle.1, battle.2, battle.3),
            RecordBattles::One(a, b, o, p) => RecordBattles::Many(vec![(a, b, o, p), battle]),
            RecordBattles::Many(mut many) => {
                many.push(battle);
                RecordBattles::Many(many)
            }
        };
    }

    /// The same battles with model ids renumbered.
    fn renumbered(self, models: &[u32]) -> RecordBattles {
        let m = |id: u32| models[id as usize];
        match self {
            RecordBattles::One(a, b, o, p) => RecordBattles::One(m(a), m(b), o, p),
            RecordBattles::Many(many) => RecordBattles::Many(many.into_iter().map(|(a, b, o, p)| (m(a), m(b), o, p)).collect()),
            RecordBattles::None => RecordBattles::None,
        }
    }
}

/// Interns names, applies the `(item_id, annotator)` replacement rule and expands judgments.
struct Builder<'t> {
    models: Interner,
    annotators: Interner,
    /// Item ids in order of first appearance.
    items: Interner,
    /// Per item: the first annotator who judged it and that judgment's record slot. Most items
    /// have one annotator, so this serves the replacement rule for them without a pair key.
    item_first: Vec<(u32, u32)>,
    /// `(item << 32) | annotator` → record slot, for every annotator but an item's first.
    record_of: FxMap<u64, usize>,
    records: Vec<Record>,
    /// Per record slot: (file index, line) of the judgment it holds, and the line of the first
    /// judgment that took the slot (when read from JSONL).
    lines: Vec<(usize, u64, u64)>,
    skipped: BTreeMap<String, u64>,
    tasks: Option<&'t TaskMap<'t>>,
    /// `(item, annotator)` of the judgment being built (set by `begin`).
    current: (u32, u32),
    /// Whether the current annotator is the item's first, and the slot the current judgment
    /// replaces (set by `begin`).
    current_is_first: bool,
    current_replaces: Option<usize>,
    /// Record slot of the judgment stored last (set by `commit`).
    last_slot: usize,
    /// Per record slot: Unix ms of its judgment's `submitted_at`, `i64::MIN` when absent.
    stamps: Vec<i64>,
    /// Valid judgments replaced under the identity rule, and lines that were not judgments.
    n_replaced: u64,
    n_skipped_lines: u64,
    /// Shapes of recent lines, for reading lines laid out alike quickly.
    shapes: Shapes,
    /// Only judgments this selects give battles.
    selection: Option<&'t Selection>,
}

impl<'t> Builder<'t> {
    fn new(tasks: Option<&'t TaskMap<'t>>) -> Self {
        Builder {
            models: Interner::default(),
            annotators: Interner::default(),
            items: Interner::default(),
            item_first: Vec::new(),
            record_of: FxMap::default(),
            records: Vec::new(),
            lines: Vec::new(),
            skipped: BTreeMap::new(),
            tasks,
            current: (0, 0),
            current_is_first: true,
            current_replaces: None,
            last_slot: 0,
            stamps: Vec::new(),
            n_replaced: 0,
            n_skipped_lines: 0,
            shapes: Shapes::default(),
            selection: None,
        }
    }

    fn model(&mut self, name: &str) -> u32 {
        self.models.intern(name)
    }

    fn skip(&mut self, reason: &str) {
        match self.skipped.get_mut(reason) {
            Some(count) => *count += 1,
            None => {
                self.skipped.insert(reason.to_owned(), 1);
            }
        }
    }

    /// Reads the lines of `text`, the first being line `first_line` of file `file_index`.
    /// Returns the number of lines (as `str::lines` counts them: a final line without a newline
    /// counts, nothing after a final newline does).
    fn read_part(&mut self, files: &[&str], file_index: usize, first_line: u64, text: &str, problems: &mut Vec<Problem>) -> u64 {
        const BATCH: usize = 16;
        let mut batch: Vec<(u64, Parsed<'_>)> = Vec::with_capacity(BATCH);
        let seen = std::cell::Cell::new(0usize);
        let mut lines =
            text.lines().enumerate().inspect(|(index, _)| seen.set(index + 1)).filter(|(_, line)| !line.trim().is_empty()).peekable();
        while lines.peek().is_some() {
            // Parse a few lines, touch their items' table slots (the misses overlap), then add them.
            for (index, line) in lines.by_ref().take(BATCH) {
                let parsed = self.parse(line);
                batch.push((first_line + index as u64, parsed));
            }
            let mut touched = 0;
            for (_, parsed) in &batch {
                let item_id = match parsed {
                    Parsed::Quick(scanned, _) => scanned.item_id,
                    Parsed::Full(judgment) => judgment.item_id.as_str(),
                    Parsed::Bad(..) | Parsed::NoVerdict => continue,
                };
                if !self.items.surely_new(item_id) {
                    touched ^= self.items.touch(crate::intern::hash_str(item_id.as_bytes()));
                }
            }
            std::hint::black_box(touched);
            for (line_no, parsed) in batch.drain(..) {
                self.add_parsed(files, file_index, line_no, parsed, problems);
            }
        }
        seen.get() as u64
    }

    /// Parses one line: through a known shape when one matches (see `agreement::shape`), else
    /// as [`parse_line`] does, learning the line's shape.
    fn parse<'l>(&mut self, line: &'l str) -> Parsed<'l> {
        if self.selection.is_some_and(|s| s.needs_full_judgment(line)) {
            return parse_line_in_full(line);
        }
        if let Some((scanned, names)) = self.shapes.scan_battle(line) {
            return Parsed::Quick(scanned, names);
        }
        let parsed = parse_line(line);
        if matches!(parsed, Parsed::Quick(..)) {
            self.shapes.learn_battle(line);
        }
        parsed
    }

    /// Adds one parsed line (see [`Builder::read_part`]).
    fn add_parsed(&mut self, files: &[&str], file_index: usize, line_no: u64, parsed: Parsed<'_>, problems: &mut Vec<Problem>) {
        let file = files[file_index];
        {
            let replaced = match parsed {
                Parsed::Quick(scanned, names) => self.push(
                    scanned.item_id,
                    scanned.annotator,
                    names.shown.as_ref().map(Names::as_slice),
                    scanned.winner,
                    names.ranking.as_ref().map(Names::as_slice),
                    scanned.submitted_at,
                    self.selection.is_none_or(|s| s.matches_lean(scanned.item_id, scanned.annotator, scanned.group)),
                ),
                Parsed::Full(judgment) => self.push(
                    &judgment.item_id,
                    &judgment.annotator,
                    judgment.shown.as_deref(),
                    judgment.preference.as_ref().map(|p| p.winner.as_str()),
                    judgment.ranking.as_deref(),
                    judgment.submitted_at.as_deref(),
                    self.selection.is_none_or(|s| s.matches(&judgment)),
                ),
                Parsed::Bad(line, found) => {
                    self.n_skipped_lines += 1;
                    problems.extend(line_problems(file, line_no, line, found, false));
                    return;
                }
                Parsed::NoVerdict => {
                    self.n_skipped_lines += 1;
                    problems.push(no_verdict(file, line_no));
                    return;
                }
            };
            let slot = self.last_slot;
            if let Pushed::Superseded(kept) = replaced {
                let (item, annotator) = (self.items.name(self.current.0), self.annotators.name(self.current.1));
                let (kept_file, kept_line, _) = self.lines[kept];
                warn_superseded(problems, files, (kept_file, kept_line), file, line_no, item, annotator);
                return;
            }
            if let Pushed::Replaced(previous) = replaced {
                let (item, annotator) = (self.items.name(self.current.0), self.annotators.name(self.current.1));
                let (previous_file, previous_line, _) = self.lines[previous];
                warn_replaced(problems, files, (previous_file, previous_line), file, line_no, item, annotator);
                self.lines[slot].0 = file_index;
                self.lines[slot].1 = line_no;
            } else {
                self.lines.push((file_index, line_no, line_no));
            }
        }
    }

    /// Appends what `part` read (with its problems `found`) from the lines right after this
    /// builder's, as if they had been read here: names keep first-appearance order, and a
    /// judgment of a key seen here replaces its slot, with the warning at its line.
    fn merge(&mut self, part: Builder<'t>, found: Vec<Problem>, files: &[&str], file_index: usize, problems: &mut Vec<Problem>) {
        let file = files[file_index];
        let models: Vec<u32> = (0..part.models.len() as u32).map(|id| self.models.intern(part.models.name(id))).collect();
        let annotators: Vec<u32> = (0..part.annotators.len() as u32).map(|id| self.annotators.intern(part.annotators.name(id))).collect();
        // Per item of the part: its id here and whether it is new here (looked up on two
        // threads; new names are indexed only if more lines come).
        let known = self.items.len();
        let items: Vec<(u32, bool)> = self.items.absorb(&part.items, 2).into_iter().map(|id| (id, id as usize >= known)).collect();
        for (&(item, new), &(first_annotator, _)) in items.iter().zip(&part.item_first) {
            if new {
                debug_assert_eq!(item as usize, self.item_first.len());
                self.item_first.push((annotators[first_annotator as usize], u32::MAX));
            }
        }
        let mut warnings = Vec::new();
        self.n_replaced += part.n_replaced;
        self.n_skipped_lines += part.n_skipped_lines;
        for ((record, &(_, line_no, first_line)), &stamp) in part.records.into_iter().zip(&part.lines).zip(&part.stamps) {
            let (item, annotator) = (items[record.item as usize].0, annotators[record.annotator as usize]);
            let record = Record { item, annotator, selected: record.selected, battles: record.battles.renumbered(&models) };
            let key = (u64::from(item) << 32) | u64::from(annotator);
            let (first_annotator, first_slot) = self.item_first[item as usize];
            let existing = if first_slot == u32::MAX {
                None
            } else if first_annotator == annotator {
                Some(first_slot as usize)
            } else {
                self.record_of.get(&key).copied()
            };
            match existing {
                Some(existing) if self.stamps[existing] > stamp => {
                    // The judgment read here was submitted later: the part's is replaced.
                    self.n_replaced += 1;
                    let (kept_file, kept_line, _) = self.lines[existing];
                    let (item_id, annotator_id) = (self.items.name(item), self.annotators.name(annotator));
                    warn_superseded(&mut warnings, files, (kept_file, kept_line), file, line_no, item_id, annotator_id);
                }
                Some(existing) => {
                    self.n_replaced += 1;
                    let (previous_file, previous_line, _) = self.lines[existing];
                    let (item_id, annotator_id) = (self.items.name(item), self.annotators.name(annotator));
                    warn_replaced(&mut warnings, files, (previous_file, previous_line), file, first_line, item_id, annotator_id);
                    self.records[existing] = record;
                    self.stamps[existing] = stamp;
                    self.lines[existing].0 = file_index;
                    self.lines[existing].1 = line_no;
                }
                None => {
                    let new_slot = self.records.len();
                    if first_slot == u32::MAX {
                        // The part's first judgment of a new item: its first annotator's.
                        self.item_first[item as usize].1 = new_slot as u32;
                    } else {
                        self.record_of.insert(key, new_slot);
                    }
                    self.records.push(record);
                    self.stamps.push(stamp);
                    self.lines.push((file_index, line_no, first_line));
                }
            }
        }
        // The part's problems and the new warnings, in line order (never on the same line).
        let mut warnings = warnings.into_iter().peekable();
        for problem in found {
            while let Some(warning) = warnings.next_if(|w| w.line < problem.line) {
                problems.push(warning);
            }
            problems.push(problem);
        }
        problems.extend(warnings);
        for (reason, count) in part.skipped {
            *self.skipped.entry(reason).or_default() += count;
        }
    }

    /// Starts a judgment; returns the record slot it will replace, if any. `commit` must
    /// follow before the next `begin`.
    fn begin(&mut self, item_id: &str, annotator: &str) -> Option<usize> {
        let annotator = self.annotators.intern(annotator);
        let next_slot = self.records.len() as u32;
        let hash = if self.items.surely_new(item_id) { 0 } else { crate::intern::hash_str(item_id.as_bytes()) };
        let (item, new) = self.items.intern_hashed(item_id, hash);
        self.current = (item, annotator);
        let replaced = if new {
            self.current_is_first = true;
            // `commit` stores this new judgment in the next slot.
            self.item_first.push((annotator, next_slot));
            None
        } else {
            let (first_annotator, first_slot) = self.item_first[item as usize];
            self.current_is_first = first_annotator == annotator;
            if self.current_is_first {
                Some(first_slot as usize)
            } else {
                self.record_of.get(&((u64::from(item) << 32) | u64::from(annotator))).copied()
            }
        };
        self.current_replaces = replaced;
        replaced
    }

    /// Stores the current judgment's battles, replacing an earlier judgment of the same key.
    fn commit(&mut self, battles: RecordBattles, stamp: i64, selected: bool) {
        let (item, annotator) = self.current;
        let record = Record { item, annotator, selected, battles };
        match self.current_replaces {
            Some(slot) => {
                self.records[slot] = record;
                self.stamps[slot] = stamp;
                self.last_slot = slot;
            }
            None => {
                if !self.current_is_first {
                    self.record_of.insert((u64::from(item) << 32) | u64::from(annotator), self.records.len());
                }
                self.last_slot = self.records.len();
                self.records.push(record);
                self.stamps.push(stamp);
            }
        }
    }

    /// Adds one judgment's preference or ranking under the identity rule (`read::identity`):
    /// it replaces an earlier-read judgment of its key unless that one was submitted later. A
    /// replaced judgment whose replacement gives no battle leaves no battle. An unselected
    /// judgment (`selected` false) takes part in the identity rule but gives no battle.
    #[allow(clippy::too_many_arguments)]
    fn push<S: AsRef<str>>(
        &mut self,
        item_id: &str,
        annotator: &str,
        shown: Option<&[S]>,
        winner: Option<&str>,
        ranking: Option<&[S]>,
        submitted_at: Option<&str>,
        selected: bool,
    ) -> Pushed {
        let tasks = self.tasks;
        let stamp = submitted_at.and_then(unix_ms_from_rfc3339).unwrap_or(i64::MIN);
        let replaced = self.begin(item_id, annotator);
        if let Some(slot) = replaced {
            self.n_replaced += 1;
            if self.stamps[slot] > stamp {
                return Pushed::Superseded(slot);
            }
        }
        if !selected {
            self.commit(RecordBattles::None, stamp, false);
            return replaced.map_or(Pushed::New, Pushed::Replaced);
        }
        let pair = winner.map(|_| pair_of(tasks, item_id, shown));
        let mut battles = RecordBattles::None;
        match (winner, ranking) {
            (Some(winner), _) => match pair.expect("a pair is looked up for every preference") {
                Err(reason) => self.skip(reason),
                Ok((first, second, positioned)) => {
                    let outcome = if winner == first {
                        Some(Outcome::FirstWins)
                    } else if winner == second {
                        Some(Outcome::SecondWins)
                    } else if winner == TIE {
                        Some(Outcome::Tie)
                    } else if winner == BOTH_BAD {
                        Some(Outcome::BothBad)
                    } else {
                        None
                    };
                    match outcome {
                        None => self.skip("winner is not one of the two compared models"),
                        Some(outcome) => battles.add((self.model(first), self.model(second), outcome, positioned)),
                    }
                }
            },
            (None, Some(ranking)) => {
                let ranking: Vec<&str> = ranking.iter().map(AsRef::as_ref).collect();
                let mut distinct = ranking.clone();
                distinct.sort_unstable();
                distinct.dedup();
                if ranking.len() < 2 {
                    self.skip("ranking of fewer than two models");
                } else if distinct.len() != ranking.len() {
                    self.skip("ranking names a model twice");
                } else {
                    let position = |model: &str| shown.and_then(|s| s.iter().position(|m| m.as_ref() == model));
                    let positioned = ranking.iter().all(|m| position(m).is_some());
                    for (i, better) in ranking.iter().enumerate() {
                        for worse in &ranking[i + 1..] {
                            let (better_id, worse_id) = (self.model(better), self.model(worse));
                            if positioned && position(worse) < position(better) {
                                battles.add((worse_id, better_id, Outcome::SecondWins, true));
                            } else {
                                battles.add((better_id, worse_id, Outcome::FirstWins, positioned));
                            }
                        }
                    }
                }
            }
            (None, None) => self.skip("no preference or ranking"),
        }
        self.commit(battles, stamp, true);
        replaced.map_or(Pushed::New, Pushed::Replaced)
    }

    /// Expands the kept judgments into battles, with models renumbered in sorted name order.
    /// Models that appear only in replaced judgments are left out.
    fn finish(self) -> BattleSet {
        let models = self.models.names();
        let mut used = vec![false; models.len()];
        for record in &self.records {
            let mut mark = |&(first, second, _, _): &(u32, u32, Outcome, bool)| {
                used[first as usize] = true;
                used[second as usize] = true;
            };
            match &record.battles {
                RecordBattles::One(a, b, o, p) => mark(&(*a, *b, *o, *p)),
                RecordBattles::Many(many) => many.iter().for_each(&mut mark),
                RecordBattles::None => {}
            }
        }
        let mut order: Vec<u32> = (0..models.len() as u32).filter(|&m| used[m as usize]).collect();
        order.sort_by(|&a, &b| models[a as usize].cmp(&models[b as usize]));
        let mut new_id = vec![u32::MAX; models.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let mut battles = Vec::with_capacity(self.records.len());
        for record in &self.records {
            let mut push = |&(first, second, outcome, positioned): &(u32, u32, Outcome, bool)| {
                battles.push(Battle {
                    first: new_id[first as usize],
                    second: new_id[second as usize],
                    outcome,
                    positioned,
                    annotator: record.annotator,
                    item: record.item,
                })
            };
            match &record.battles {
                RecordBattles::One(a, b, o, p) => push(&(*a, *b, *o, *p)),
                RecordBattles::Many(many) => many.iter().for_each(&mut push),
                RecordBattles::None => {}
            }
        }
        let sorted: Vec<String> = order.iter().map(|&old| models[old as usize].clone()).collect();
        BattleSet {
            models: sorted,
            annotators: self.annotators.names(),
            n_judgments: self.records.len() as u64,
            n_selected: self.records.iter().filter(|r| r.selected).count() as u64,
            n_replaced: self.n_replaced,
            n_skipped_lines: self.n_skipped_lines,
            items: self.items.into_names(),
            battles,
            skipped: self.skipped,
        }
    }
}

/// The two compared models of a preference: `shown` when it has two, else the task's two
/// outputs.
fn pair_of<'s, S: AsRef<str>>(
    tasks: Option<&'s TaskMap<'s>>,
    item_id: &str,
    shown: Option<&'s [S]>,
) -> Result<(&'s str, &'s str, bool), &'static str> {
    match shown {
        Some([first, second]) if first.as_ref() != second.as_ref() => return Ok((first.as_ref(), second.as_ref(), true)),
        Some([_, _]) => return Err("shown lists the same model twice"),
        Some(s) if s.len() > 2 => return Err("preference over more than two shown outputs: the loser is unknown"),
        _ => {}
    }
    let Some(tasks) = tasks else {
        return Err("no shown models (pass --tasks to take the pair from the item's outputs)");
    };
    match tasks.get(item_id).map(|t| t.outputs.as_slice()) {
        Some([first, second]) => Ok((first.model.as_str(), second.model.as_str(), false)),
        Some(_) => Err("item does not have exactly two outputs"),
        None => Err("item not found in the task file"),
    }
}

#[cfg(test)]
mod tests;
