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
use crate::problem::{Detail, Problem};
use crate::read::identity::compact_stamp;
use crate::read::Selection;
use crate::read::{judgment_from_any_line, line_problems, no_verdict};
use crate::rubric::{CriterionKind, Level, Rubric};

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
        self.stamps.push(compact_stamp(scanned.submitted_at));
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
}

mod finish;
mod parallel;

#[cfg(test)]
mod tests;
