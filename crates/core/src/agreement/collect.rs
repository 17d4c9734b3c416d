//! Turns judgments into per-criterion [`Ratings`], streaming: one line at a time, keeping only
//! compact `(unit, annotator, judgment, category)` records and the interned ids.
//!
//! Criteria: every rubric criterion except free text (or, without a rubric, every `scores` key),
//! plus `preference` (nominal over the winner model, `tie` or `both_bad`, keyed by model identity).
//! A per-output criterion (`scores.<id>` is `{model: value}`) is one variable per output: its
//! unit is the (item, model) pair. A judgment is keyed by `(item_id, annotator)`; a later one
//! replaces an earlier one as a whole (criteria it no longer answers are dropped too).

use super::ratings::Ratings;
use super::scale::{Category, Scale};
use super::scan::{scan_line_into, Scalar, Scanned, ScoreValue};
use super::shape::Shapes;
use crate::intern::{FxMap, Interner, NameList};
use crate::judgment::Judgment;
use crate::problem::{Code, Problem};
use crate::read::Selection;
use crate::read::{judgment_from_any_line, line_problems, no_verdict};
use crate::rubric::{CriterionKind, Level, Rubric};
use crate::time::unix_ms_from_rfc3339;

/// The criterion name of the pairwise preference.
pub const PREFERENCE: &str = "preference";

/// Which criteria to collect.
#[derive(Clone, Debug, Default)]
pub struct CollectOptions {
    /// The rubric: its criteria, per-output flags, levels and declared scales.
    pub rubric: Option<Rubric>,
    /// Only these criterion ids (empty: all). `preference` names the pairwise preference.
    pub criteria: Vec<String>,
    /// Only the judgments this selects, applied after the identity rule (`read::select`).
    pub selection: Option<Selection>,
}

/// Where a unit comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitKey {
    /// Item id (index into [`Dataset::items`]).
    pub item: u32,
    /// Model id (index into [`Dataset::models`]) for per-output criteria.
    pub model: Option<u32>,
}

/// The ratings of one criterion with where they come from.
#[derive(Clone, Debug)]
pub struct CriterionRatings {
    /// Criterion id (`preference` for the pairwise preference).
    pub id: String,
    /// Units are (item, model) pairs.
    pub per_output: bool,
    /// The level the rubric declares, if any.
    pub declared_level: Option<Level>,
    /// The ratings (units in first-seen order).
    pub ratings: Ratings,
    /// What each unit of `ratings` is.
    pub units: Vec<UnitKey>,
    /// Values that could not be used: arrays (multi-choice), or the wrong shape for the criterion.
    pub n_skipped: u64,
    /// Values off the rubric's declared scale (e.g. 7 on a 1–5 likert), left out.
    pub n_out_of_range: u64,
}

/// Everything collected from judgment files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Item ids.
    pub items: NameList,
    /// Annotator ids.
    pub annotators: Vec<String>,
    /// Each annotator's group (from their latest judgment that names one).
    pub annotator_group: Vec<Option<u32>>,
    /// Group names.
    pub groups: Vec<String>,
    /// Model ids (per-output units and gold preferences).
    pub models: Vec<String>,
    /// Per-criterion ratings, preference first, then in rubric or first-seen order.
    pub criteria: Vec<CriterionRatings>,
    /// Distinct judgments kept: one per (item_id, annotator) (`read::identity`).
    pub n_judgments: u64,
    /// Judgments replaced by a later one of the same (item, annotator).
    pub n_replaced: u64,
    /// Lines that were not judgments (each has a problem).
    pub n_skipped_lines: u64,
    /// Kept judgments the selection ([`CollectOptions::selection`]) selected; all kept ones
    /// without a selection. Only their ratings are in `criteria`.
    pub n_selected: u64,
    /// Bad lines (`file:line: field: problem`).
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Collects from one JSONL text (e.g. a file read in the browser).
    pub fn from_jsonl(file: &str, text: &str, options: CollectOptions) -> Dataset {
        let mut collector = Collector::new(options);
        // Judgment lines are ~100 bytes: size the tables once instead of growing them.
        collector.reserve(text.len() / 100);
        for (index, line) in text.lines().enumerate() {
            collector.add_line(file, index as u64 + 1, line);
        }
        collector.finish()
    }

    /// The criterion named `id`.
    pub fn criterion(&self, id: &str) -> Option<&CriterionRatings> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

#[derive(Clone, Copy)]
struct Raw {
    unit: u32,
    annotator: u32,
    judgment: u32,
    category: u32,
}

struct Accumulator {
    id: String,
    per_output: Option<bool>,
    declared: Vec<Category>,
    declared_level: Option<Level>,
    numbers: FxMap<u64, u32>,
    few_numbers: Vec<(u64, u32)>,
    bools: [Option<u32>; 2],
    labels: FxMap<Box<str>, u32>,
    keys: Vec<Category>,
    raw: Vec<Raw>,
    n_skipped: u64,
    /// Per key: off the rubric's declared scale.
    off_scale: Vec<bool>,
    n_out_of_range: u64,
}

impl Accumulator {
    fn new(id: &str, per_output: Option<bool>) -> Self {
        Accumulator {
            id: id.to_owned(),
            per_output,
            declared: Vec::new(),
            declared_level: None,
            numbers: FxMap::default(),
            few_numbers: Vec::new(),
            bools: [None; 2],
            labels: FxMap::default(),
            keys: Vec::new(),
            raw: Vec::new(),
            n_skipped: 0,
            off_scale: Vec::new(),
            n_out_of_range: 0,
        }
    }

    /// The category id of a rated value, or `None` (not rated, not a category, or off the
    /// rubric's declared scale — those are counted in `n_out_of_range` and left out).
    fn category(&mut self, value: &Scalar<'_>) -> Option<u32> {
        let id = self.intern_category(value)?;
        if self.off_scale[id as usize] {
            self.n_out_of_range += 1;
            return None;
        }
        Some(id)
    }

    /// The id of a value's category, added on first sight (marked off-scale when the rubric
    /// declares a scale that lacks it).
    fn intern_category(&mut self, value: &Scalar<'_>) -> Option<u32> {
        let next = self.keys.len() as u32;
        let id = match value {
            Scalar::Number(x) if x.is_finite() => {
                let bits = (x + 0.0).to_bits();
                // Scales are usually short: a linear look-up beats hashing until they are not.
                match self.few_numbers.iter().find(|(b, _)| *b == bits) {
                    Some(&(_, id)) => id,
                    None if self.few_numbers.len() < 16 && self.numbers.is_empty() => {
                        self.few_numbers.push((bits, next));
                        next
                    }
                    None => {
                        if self.numbers.is_empty() {
                            self.numbers.extend(self.few_numbers.drain(..));
                        }
                        *self.numbers.entry(bits).or_insert(next)
                    }
                }
            }
            Scalar::Bool(b) => *self.bools[usize::from(*b)].get_or_insert(next),
            Scalar::Str(text) => match self.labels.get(*text) {
                Some(&id) => id,
                None => {
                    self.labels.insert((*text).into(), next);
                    next
                }
            },
            Scalar::Null => return None,
            Scalar::Number(_) | Scalar::Other => {
                self.n_skipped += 1;
                return None;
            }
        };
        if id == next {
            let key = match value {
                Scalar::Number(x) => Category::Number(*x + 0.0),
                Scalar::Bool(b) => Category::Bool(*b),
                Scalar::Str(text) => Category::Label((*text).to_owned()),
                Scalar::Null | Scalar::Other => unreachable!("returned above"),
            };
            self.off_scale.push(!self.declared.is_empty() && !self.declared.contains(&key));
            self.keys.push(key);
        }
        Some(id)
    }
}

/// Streams judgment lines into per-criterion ratings. Feed lines with [`Collector::add_line`]
/// (or parsed judgments with [`Collector::add_judgment`]), then call [`Collector::finish`].
pub struct Collector {
    options: CollectOptions,
    items: Interner,
    annotators: Interner,
    groups: Interner,
    models: Interner,
    annotator_group: Vec<Option<u32>>,
    judgments: Vec<(u32, u32)>,
    /// Per judgment: Unix ms of `submitted_at`, `i64::MIN` when absent (`read::identity`).
    stamps: Vec<i64>,
    /// Per judgment, with a selection: whether it is selected (its ratings were recorded).
    selected: Vec<bool>,
    /// Lines that were not judgments.
    n_skipped_lines: u64,
    pairs: FxMap<u64, u32>,
    pair_keys: Vec<(u32, u32)>,
    criteria: Vec<Accumulator>,
    problems: Vec<Problem>,
    /// The `scores` vector of the last scanned line, emptied, for the next line.
    spare: Vec<(&'static str, ScoreValue<'static>)>,
    /// Shapes of recent lines (see `shape.rs`).
    shapes: Shapes,
}

/// Texts at least this long are split over threads by [`Collector::add_text`].
const PARALLEL_MIN: usize = 1 << 20;

/// The position of the first `\n` in `bytes` (eight bytes at a time).
fn find_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for (index, chunk) in (&mut chunks).enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes")) ^ (ONES * u64::from(b'\n'));
        // Exact for the lowest flagged byte: borrows only carry upward.
        let found = word.wrapping_sub(ONES) & !word & HIGH;
        if found != 0 {
            return Some(index * 8 + (found.trailing_zeros() / 8) as usize);
        }
    }
    let done = bytes.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|&b| b == b'\n').map(|k| done + k)
}

/// An emptied vector of any lifetime, keeping the allocation (in-place collect).
fn recycle<'b>(mut scores: Vec<(&str, ScoreValue<'_>)>) -> Vec<(&'b str, ScoreValue<'b>)> {
    scores.clear();
    scores.into_iter().map(|_| unreachable!("the vector was emptied")).collect()
}

impl Collector {
    /// A collector for the criteria `options` selects.
    pub fn new(options: CollectOptions) -> Collector {
        let mut criteria = Vec::new();
        let wanted = |id: &str| options.criteria.is_empty() || options.criteria.iter().any(|c| c == id);
        if wanted(PREFERENCE) {
            criteria.push(Accumulator::new(PREFERENCE, Some(false)));
        }
        if let Some(rubric) = &options.rubric {
            for criterion in rubric.criteria.iter().filter(|c| c.kind != CriterionKind::Text && c.id != PREFERENCE && wanted(&c.id)) {
                let mut accumulator = Accumulator::new(&criterion.id, Some(criterion.per_output));
                accumulator.declared_level = criterion.level;
                accumulator.declared = match criterion.kind {
                    CriterionKind::Likert => {
                        let (min, max) = criterion.likert_range();
                        (min..=max.min(min.saturating_add(1000))).map(|v| Category::Number(v as f64)).collect()
                    }
                    CriterionKind::Binary => vec![Category::Bool(false), Category::Bool(true)],
                    CriterionKind::Choice => criterion.options.iter().map(|o| Category::Label(o.clone())).collect(),
                    CriterionKind::Text => Vec::new(),
                };
                criteria.push(accumulator);
            }
        }
        Collector {
            options,
            items: Interner::default(),
            annotators: Interner::default(),
            groups: Interner::default(),
            models: Interner::default(),
            annotator_group: Vec::new(),
            judgments: Vec::new(),
            stamps: Vec::new(),
            selected: Vec::new(),
            n_skipped_lines: 0,
            pairs: FxMap::default(),
            pair_keys: Vec::new(),
            criteria,
            problems: Vec::new(),
            spare: Vec::new(),
            shapes: Shapes::default(),
        }
    }

    /// Adds one JSONL line (line numbers are 1-based; blank lines are skipped). A bad line is
    /// recorded as a problem and otherwise ignored.
    pub fn add_line(&mut self, file: &str, line_no: u64, line: &str) {
        let line = if line_no == 1 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
        if line.trim().is_empty() {
            return;
        }
        // A line with a field the selection reads but the scanner does not extract: in full.
        let lean = self.options.selection.as_ref().is_none_or(|s| !s.needs_full_judgment(line));
        match if lean { self.scan(line) } else { None } {
            Some(scanned) => {
                self.add_scanned(&scanned);
                self.spare = recycle(scanned.scores);
            }
            // The one reader's reading of the line (`read::JudgmentReader::add_line`): a judgment,
            // an Arena or AlpacaEval row's verdict, or problems.
            None => match judgment_from_any_line(line) {
                Ok(Some(judgment)) => self.add_judgment(&judgment),
                Ok(None) => {
                    self.n_skipped_lines += 1;
                    self.problems.push(no_verdict(file, line_no));
                }
                Err(found) => {
                    self.n_skipped_lines += 1;
                    self.problems.extend(line_problems(file, line_no, line, found, false));
                }
            },
        }
    }

    /// Scans a line through a known shape when one matches, else with the scanner (learning the
    /// line's shape while shapes pay: most files come from one exporter and have one or two).
    fn scan<'l>(&mut self, line: &'l str) -> Option<Scanned<'l>> {
        match self.shapes.scan(line, recycle(std::mem::take(&mut self.spare))) {
            Ok(scanned) => Some(scanned),
            Err(scores) => {
                let scanned = scan_line_into(line, scores)?;
                self.shapes.learn(line);
                Some(scanned)
            }
        }
    }

    /// Reserves room for about `lines` more judgment lines (e.g. a file's size / 100), which
    /// saves rehashing the item table as it grows.
    pub fn reserve(&mut self, lines: usize) {
        self.judgments.reserve(lines);
        self.items.reserve(lines / 4, lines / 4 * 12);
    }

    /// Adds the lines of `text`, numbering them from `first_line` (1-based), and returns how
    /// many there were. Lines end at `\n` (a `\r` before it is dropped); the last one may lack
    /// its newline. A line that is not UTF-8 is reported as `file:line: -: not valid UTF-8`.
    ///
    /// With `threads` ≥ 2 (ignored on wasm32) a large text is cut at line boundaries into that
    /// many parts, parsed on as many threads, and the parts are merged in order: the result is
    /// identical to adding the lines one by one (ids in first-seen order, the same problems).
    pub fn add_text(&mut self, file: &str, first_line: u64, text: &[u8], threads: u32) -> u64 {
        let threads = if cfg!(target_arch = "wasm32") || text.len() < PARALLEL_MIN { 1 } else { threads.max(1) as usize };
        // Part boundaries just after a newline.
        let mut bounds = vec![0usize];
        for t in 1..threads {
            let target = text.len() * t / threads;
            let cut = text[target..].iter().position(|&b| b == b'\n').map_or(text.len(), |k| target + k + 1);
            if cut > *bounds.last().expect("bounds start with 0") {
                bounds.push(cut);
            }
        }
        bounds.push(text.len());
        bounds.dedup();
        if bounds.len() <= 2 {
            return self.add_part(file, first_line, text);
        }
        let parts: Vec<&[u8]> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        // Every part but the last ends with a newline: its line count is its newline count.
        let mut starts = vec![first_line];
        for part in &parts[..parts.len() - 1] {
            let lines = part.iter().filter(|&&b| b == b'\n').count() as u64;
            starts.push(starts.last().expect("starts begin with first_line") + lines);
        }
        let last_lines = std::thread::scope(|scope| {
            let handles: Vec<_> = parts[1..]
                .iter()
                .zip(&starts[1..])
                .map(|(&part, &start)| {
                    let options = self.options.clone();
                    std::thread::Builder::new().spawn_scoped(scope, move || {
                        let mut collector = Collector::new(options);
                        collector.reserve(part.len() / 100);
                        let lines = collector.add_part(file, start, part);
                        (collector, lines)
                    })
                })
                .collect();
            self.add_part(file, first_line, parts[0]);
            let mut last_lines = 0;
            for ((handle, &part), &start) in handles.into_iter().zip(&parts[1..]).zip(&starts[1..]) {
                match handle {
                    Ok(handle) => {
                        let (collector, lines) = handle.join().expect("collecting lines does not panic");
                        self.append(collector, 0, |this| {
                            this.add_part(file, start, part);
                        });
                        last_lines = lines;
                    }
                    // No thread: parse the part here.
                    Err(_) => last_lines = self.add_part(file, start, part),
                }
            }
            last_lines
        });
        starts[starts.len() - 1] - first_line + last_lines
    }

    /// [`Collector::add_text`] on this thread.
    fn add_part(&mut self, file: &str, first_line: u64, text: &[u8]) -> u64 {
        let mut line_no = first_line;
        match std::str::from_utf8(text) {
            Ok(mut rest) => {
                while !rest.is_empty() {
                    let line = match find_newline(rest.as_bytes()) {
                        Some(end) => {
                            let line = &rest[..end];
                            rest = &rest[end + 1..];
                            line.strip_suffix('\r').unwrap_or(line)
                        }
                        None => std::mem::take(&mut rest),
                    };
                    self.add_line(file, line_no, line);
                    line_no += 1;
                }
            }
            Err(_) => {
                let mut rest = text;
                while !rest.is_empty() {
                    let line = match find_newline(rest) {
                        Some(end) => {
                            let line = &rest[..end];
                            rest = &rest[end + 1..];
                            line.strip_suffix(b"\r").unwrap_or(line)
                        }
                        None => std::mem::take(&mut rest),
                    };
                    match std::str::from_utf8(line) {
                        Ok(line) => self.add_line(file, line_no, line),
                        Err(_) => {
                            self.n_skipped_lines += 1;
                            self.add_problem(Problem::error(file, line_no, "-", "not valid UTF-8").with_code(Code::NotUtf8));
                        }
                    }
                    line_no += 1;
                }
            }
        }
        line_no - first_line
    }

    /// An empty collector with the same options, to read a later part of the input on another
    /// thread and [`Collector::append`] it here.
    pub fn sibling(&self) -> Collector {
        Collector::new(self.options.clone())
    }

    /// Appends what `part` collected from the lines right after this collector's, renumbering
    /// its ids as if its lines had been added here, and moving its problems' line numbers on by
    /// `line_shift` (a part read on its own may number its lines from 2, see `add_text`). When a
    /// criterion was taken as per-output in one and per-item in the other (first values of
    /// different shapes), `part` is dropped and `redo` adds its lines again here instead, which
    /// settles it as one pass would.
    pub fn append(&mut self, part: Collector, line_shift: u64, redo: impl FnOnce(&mut Collector)) {
        let conflict = part.criteria.iter().any(|p| {
            self.criteria.iter().any(|g| g.id == p.id && g.per_output.is_some() && p.per_output.is_some() && g.per_output != p.per_output)
        });
        if conflict {
            redo(self);
            return;
        }
        let remap =
            |into: &mut Interner, from: &Interner| -> Vec<u32> { (0..from.len() as u32).map(|id| into.intern(from.name(id))).collect() };
        // Items are many: looked up on two threads, indexed only if more lines come.
        let items = self.items.absorb(&part.items, 2);
        let annotators = remap(&mut self.annotators, &part.annotators);
        let groups = remap(&mut self.groups, &part.groups);
        let models = remap(&mut self.models, &part.models);
        if !part.annotator_group.is_empty() {
            self.annotator_group.resize(self.annotators.len(), None);
        }
        for (annotator, group) in part.annotator_group.iter().enumerate() {
            if let Some(group) = group {
                self.annotator_group[annotators[annotator] as usize] = Some(groups[*group as usize]);
            }
        }
        let units: Vec<u32> = part
            .pair_keys
            .iter()
            .map(|&(item, model)| {
                let (item, model) = (items[item as usize], models[model as usize]);
                let next = self.pair_keys.len() as u32;
                let unit = *self.pairs.entry((u64::from(item) << 32) | u64::from(model)).or_insert(next);
                if unit == next {
                    self.pair_keys.push((item, model));
                }
                unit
            })
            .collect();
        let offset = self.judgments.len() as u32;
        self.judgments.extend(part.judgments.iter().map(|&(item, annotator)| (items[item as usize], annotators[annotator as usize])));
        self.stamps.extend_from_slice(&part.stamps);
        self.selected.extend_from_slice(&part.selected);
        self.n_skipped_lines += part.n_skipped_lines;
        for from in part.criteria {
            let index = match self.criteria.iter().position(|g| g.id == from.id) {
                Some(index) => index,
                None => {
                    let mut accumulator = Accumulator::new(&from.id, None);
                    accumulator.declared_level = from.declared_level;
                    accumulator.declared.clone_from(&from.declared);
                    self.criteria.push(accumulator);
                    self.criteria.len() - 1
                }
            };
            let into = &mut self.criteria[index];
            if into.per_output.is_none() {
                into.per_output = from.per_output;
            }
            let categories: Vec<u32> = from
                .keys
                .iter()
                .map(|key| {
                    let scalar = match key {
                        Category::Number(x) => Scalar::Number(*x),
                        Category::Bool(b) => Scalar::Bool(*b),
                        Category::Label(text) => Scalar::Str(text),
                    };
                    into.intern_category(&scalar).expect("an observed category is finite")
                })
                .collect();
            into.n_skipped += from.n_skipped;
            into.n_out_of_range += from.n_out_of_range;
            let unit_ids = if from.per_output == Some(true) { &units } else { &items };
            into.raw.extend(from.raw.iter().map(|r| Raw {
                unit: unit_ids[r.unit as usize],
                annotator: annotators[r.annotator as usize],
                judgment: r.judgment + offset,
                category: categories[r.category as usize],
            }));
        }
        self.problems.extend(part.problems.into_iter().map(|mut problem| {
            if problem.line > 0 {
                problem.line += line_shift;
            }
            problem
        }));
    }

    /// Records a problem found by the caller (e.g. a line that is not UTF-8).
    pub fn add_problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// Adds a parsed judgment.
    pub fn add_judgment(&mut self, judgment: &Judgment) {
        let selected = self.options.selection.as_ref().is_none_or(|s| s.matches(judgment));
        self.add_fields(&Scanned::from_judgment(judgment), selected);
    }

    /// Adds the fields of one valid judgment. A selection sees only `item_id`, `annotator` and
    /// `group` here (other fields count as absent): give lines for which
    /// [`Selection::needs_full_judgment`] holds to [`Collector::add_judgment`].
    pub fn add_scanned(&mut self, scanned: &Scanned<'_>) {
        let selected = self.options.selection.as_ref().is_none_or(|s| s.matches_lean(scanned.item_id, scanned.annotator, scanned.group));
        self.add_fields(scanned, selected);
    }

    /// Adds a judgment: always to the identity rule, its ratings only when `selected`.
    fn add_fields(&mut self, scanned: &Scanned<'_>, selected: bool) {
        let item = self.items.intern(scanned.item_id);
        let annotator = self.annotators.intern(scanned.annotator);
        if self.annotator_group.len() <= annotator as usize {
            self.annotator_group.resize(annotator as usize + 1, None);
        }
        let judgment = self.judgments.len() as u32;
        self.judgments.push((item, annotator));
        self.stamps.push(scanned.submitted_at.and_then(unix_ms_from_rfc3339).unwrap_or(i64::MIN));
        if self.options.selection.is_some() {
            self.selected.push(selected);
            if !selected {
                return;
            }
        }
        if let Some(group) = scanned.group {
            self.annotator_group[annotator as usize] = Some(self.groups.intern(group));
        }
        if let Some(winner) = scanned.winner {
            if let Some(accumulator) = self.criteria.first_mut().filter(|a| a.id == PREFERENCE) {
                if let Some(category) = accumulator.category(&Scalar::Str(winner)) {
                    accumulator.raw.push(Raw { unit: item, annotator, judgment, category });
                }
            }
        }
        for (key, value) in &scanned.scores {
            let index = match self.criteria.iter().position(|a| a.id == *key && a.id != PREFERENCE) {
                Some(index) => index,
                None => {
                    let wanted = self.options.criteria.is_empty() || self.options.criteria.iter().any(|c| c == key);
                    if self.options.rubric.is_some() || !wanted || *key == PREFERENCE {
                        continue;
                    }
                    self.criteria.push(Accumulator::new(key, None));
                    self.criteria.len() - 1
                }
            };
            let accumulator = &mut self.criteria[index];
            match value {
                ScoreValue::Scalar(scalar) => {
                    if *accumulator.per_output.get_or_insert(false) {
                        accumulator.n_skipped += u64::from(*scalar != Scalar::Null);
                        continue;
                    }
                    if let Some(category) = accumulator.category(scalar) {
                        accumulator.raw.push(Raw { unit: item, annotator, judgment, category });
                    }
                }
                ScoreValue::PerOutput(per_output) => {
                    if !*accumulator.per_output.get_or_insert(true) {
                        accumulator.n_skipped += 1;
                        continue;
                    }
                    for (model, scalar) in per_output {
                        let Some(category) = self.criteria[index].category(scalar) else { continue };
                        let model = self.models.intern(model);
                        let next = self.pair_keys.len() as u32;
                        let unit = *self.pairs.entry((u64::from(item) << 32) | u64::from(model)).or_insert(next);
                        if unit == next {
                            self.pair_keys.push((item, model));
                        }
                        self.criteria[index].raw.push(Raw { unit, annotator, judgment, category });
                    }
                }
            }
        }
    }

    /// Applies replacements, builds scales and groups ratings by unit.
    pub fn finish(self) -> Dataset {
        let superseded = superseded(&self.judgments, &self.stamps, self.items.len());
        let n_replaced = superseded.iter().filter(|&&s| s).count() as u64;
        let n_selected = if self.options.selection.is_some() {
            superseded.iter().zip(&self.selected).filter(|&(&replaced, &selected)| selected && !replaced).count() as u64
        } else {
            self.judgments.len() as u64 - n_replaced
        };
        let n_annotators = self.annotators.len() as u32;
        let has_selection = self.options.selection.is_some();
        let criteria = self
            .criteria
            .into_iter()
            // A criterion rated only in replaced judgments is not in the data (as if never read).
            .filter(|a| a.raw.iter().any(|r| !superseded[r.judgment as usize]) || !a.declared.is_empty() && a.id != PREFERENCE)
            .filter_map(|accumulator| {
                let per_output = accumulator.per_output.unwrap_or(false);
                let n_units = if per_output { self.pair_keys.len() } else { self.items.len() };
                let (ratings, units) = build(&accumulator, &superseded, n_units, n_annotators);
                let units = units
                    .into_iter()
                    .map(|u| {
                        if per_output {
                            let (item, model) = self.pair_keys[u as usize];
                            UnitKey { item, model: Some(model) }
                        } else {
                            UnitKey { item: u, model: None }
                        }
                    })
                    .collect();
                // A selection may leave a criterion without a kept rating: then it is absent, as
                // when the judgments were filtered before collecting.
                let declared = !accumulator.declared.is_empty() && accumulator.id != PREFERENCE;
                let unselected = has_selection && ratings.n_ratings() == 0 && !declared;
                (!unselected).then_some(CriterionRatings {
                    id: accumulator.id,
                    per_output,
                    declared_level: accumulator.declared_level,
                    ratings,
                    units,
                    n_skipped: accumulator.n_skipped,
                    n_out_of_range: accumulator.n_out_of_range,
                })
            })
            .collect();
        Dataset {
            items: self.items.into_names(),
            annotators: self.annotators.names(),
            annotator_group: self.annotator_group,
            groups: self.groups.names(),
            models: self.models.names(),
            criteria,
            n_judgments: self.judgments.len() as u64 - n_replaced,
            n_replaced,
            n_skipped_lines: self.n_skipped_lines,
            n_selected,
            problems: self.problems,
        }
    }
}

/// Marks judgments that the identity rule (`read::identity`: latest `submitted_at`, then
/// file order) replaces with another of the same (item, annotator), scanning each item's (few)
/// judgments: as they come when the lines are grouped by item (the usual order of exports; item
/// ids are then non-decreasing), else after a counting sort by item.
fn superseded(judgments: &[(u32, u32)], stamps: &[i64], n_items: usize) -> Vec<bool> {
    if judgments.windows(2).all(|pair| pair[0].0 <= pair[1].0) {
        superseded_in_runs(judgments, stamps)
    } else {
        superseded_sorted(judgments, stamps, n_items)
    }
}

/// True when judgment `other` outranks judgment `this` of the same identity: the rule of
/// `read::identity::Stamp::replaces` (later `submitted_at`, absent ones first; then later line).
fn outranks(stamps: &[i64], other: usize, this: usize) -> bool {
    (stamps[other], other) > (stamps[this], this)
}

/// [`superseded`] for judgments grouped by item: each item's judgments are one run.
fn superseded_in_runs(judgments: &[(u32, u32)], stamps: &[i64]) -> Vec<bool> {
    let mut superseded = Vec::with_capacity(judgments.len());
    let mut start = 0;
    for run in judgments.chunk_by(|a, b| a.0 == b.0) {
        superseded.extend(run.iter().enumerate().map(|(position, &(_, annotator))| {
            run.iter()
                .enumerate()
                .any(|(other, &(_, same))| other != position && same == annotator && outranks(stamps, start + other, start + position))
        }));
        start += run.len();
    }
    superseded
}

/// [`superseded`] in any order: a counting sort by item first.
fn superseded_sorted(judgments: &[(u32, u32)], stamps: &[i64], n_items: usize) -> Vec<bool> {
    let mut superseded = vec![false; judgments.len()];
    let mut start = vec![0u32; n_items + 1];
    judgments.iter().for_each(|&(item, _)| start[item as usize + 1] += 1);
    for i in 0..n_items {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut order = vec![0u32; judgments.len()];
    for (index, &(item, _)) in judgments.iter().enumerate() {
        order[next[item as usize] as usize] = index as u32;
        next[item as usize] += 1;
    }
    for item in 0..n_items {
        let group = &order[start[item] as usize..start[item + 1] as usize];
        for &judgment in group {
            let annotator = judgments[judgment as usize].1;
            if group.iter().any(|&other| {
                other != judgment && judgments[other as usize].1 == annotator && outranks(stamps, other as usize, judgment as usize)
            }) {
                superseded[judgment as usize] = true;
            }
        }
    }
    superseded
}

/// Builds the scale and the unit-grouped ratings of one criterion. Returns the ratings and the
/// original unit id of each of their units.
fn build(accumulator: &Accumulator, superseded: &[bool], n_units: usize, n_annotators: u32) -> (Ratings, Vec<u32>) {
    let scale = scale_of(accumulator, superseded);
    // Categories seen only in replaced judgments are off the scale; no kept rating uses them.
    let remap: Vec<u32> = accumulator.keys.iter().map(|key| scale.id_of(key).unwrap_or(u32::MAX)).collect();
    let grouped = if accumulator.raw.windows(2).all(|pair| pair[0].unit <= pair[1].unit) {
        group_runs(&accumulator.raw, superseded, &remap)
    } else {
        group_sorted(&accumulator.raw, superseded, &remap, n_units)
    };
    (Ratings::from_grouped(scale, n_annotators, grouped.unit_start, grouped.ratings), grouped.unit_ids)
}

/// Kept ratings grouped by unit: unit `unit_ids[k]` has `ratings[unit_start[k]..unit_start[k + 1]]`.
#[derive(Debug, PartialEq)]
struct Grouped {
    unit_ids: Vec<u32>,
    unit_start: Vec<u32>,
    ratings: Vec<(u32, u32)>,
}

/// Groups the ratings that are not `superseded` by unit, when units are non-decreasing in
/// `raw` (lines grouped by item, the usual order of exports): each unit is one run.
fn group_runs(raw: &[Raw], superseded: &[bool], remap: &[u32]) -> Grouped {
    let mut grouped = Grouped { unit_ids: Vec::new(), unit_start: vec![0], ratings: Vec::with_capacity(raw.len()) };
    for run in raw.chunk_by(|a, b| a.unit == b.unit) {
        let begin = grouped.ratings.len();
        for r in run.iter().filter(|r| !superseded[r.judgment as usize]) {
            add_rating(&mut grouped.ratings, begin, r.annotator, remap[r.category as usize]);
        }
        if grouped.ratings.len() > begin {
            grouped.unit_ids.push(run[0].unit);
            grouped.unit_start.push(grouped.ratings.len() as u32);
        }
    }
    grouped
}

/// [`group_runs`] in any order: a counting sort by unit first.
fn group_sorted(raw: &[Raw], superseded: &[bool], remap: &[u32], n_units: usize) -> Grouped {
    let kept = raw.iter().filter(|r| !superseded[r.judgment as usize]);
    let mut start = vec![0u32; n_units + 1];
    kept.clone().for_each(|r| start[r.unit as usize + 1] += 1);
    for u in 0..n_units {
        start[u + 1] += start[u];
    }
    let mut next = start.clone();
    let mut by_unit = vec![(0u32, 0u32); start[n_units] as usize];
    for r in kept {
        by_unit[next[r.unit as usize] as usize] = (r.annotator, remap[r.category as usize]);
        next[r.unit as usize] += 1;
    }
    // Compact to non-empty units.
    let mut grouped = Grouped { unit_ids: Vec::new(), unit_start: vec![0], ratings: Vec::with_capacity(by_unit.len()) };
    for u in 0..n_units {
        let begin = grouped.ratings.len();
        for &(annotator, category) in &by_unit[start[u] as usize..start[u + 1] as usize] {
            add_rating(&mut grouped.ratings, begin, annotator, category);
        }
        if grouped.ratings.len() > begin {
            grouped.unit_ids.push(u as u32);
            grouped.unit_start.push(grouped.ratings.len() as u32);
        }
    }
    grouped
}

/// Adds a rating to the unit that starts at `begin` (the last one in `ratings`); a later rating
/// by the same annotator (only possible from a duplicated key the full parser resolved)
/// replaces the earlier one.
fn add_rating(ratings: &mut Vec<(u32, u32)>, begin: usize, annotator: u32, category: u32) {
    match ratings[begin..].iter_mut().find(|(a, _)| *a == annotator) {
        Some(slot) => slot.1 = category,
        None => ratings.push((annotator, category)),
    }
}

fn scale_of(accumulator: &Accumulator, superseded: &[bool]) -> Scale {
    let declared_labels = accumulator.declared.iter().any(|c| matches!(c, Category::Label(_)));
    let mut categories = accumulator.declared.clone();
    // Only categories of kept ratings: a value seen only in replaced judgments is not observed.
    let mut used = vec![false; accumulator.keys.len()];
    for raw in accumulator.raw.iter().filter(|raw| !superseded[raw.judgment as usize]) {
        used[raw.category as usize] = true;
    }
    let mut observed: Vec<Category> =
        accumulator.keys.iter().zip(&used).filter(|(k, &used)| used && !categories.contains(k)).map(|(k, _)| k.clone()).collect();
    if !declared_labels && observed.iter().any(|c| matches!(c, Category::Label(_))) {
        // Undeclared labels: sorted, so the order (used by weights) does not depend on file order.
        observed.sort_by_key(|c| c.to_string());
    }
    categories.extend(observed);
    Scale::from_categories(categories)
}

#[cfg(test)]
mod tests;
