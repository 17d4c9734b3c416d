//! Turns judgments into per-criterion [`Ratings`], streaming: one line at a time, keeping only
//! compact `(unit, annotator, judgment, category)` records and the interned ids.
//!
//! Criteria: every rubric criterion except free text (or, without a rubric, every `scores` key),
//! plus `preference` (nominal over the winner model, `tie` or `both_bad`, keyed by model identity).
//! A per-output criterion (`scores.<id>` is `{model: value}`) is one variable per output: its
//! unit is the (item, model) pair. A judgment is keyed by `(item_id, annotator)`; a later one
//! replaces an earlier one as a whole (criteria it no longer answers are dropped too).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::ratings::Ratings;
use super::scale::{Category, Scale};
use super::scan::{scan_line, Scalar, ScoreValue, Scanned};
use crate::judgment::{judgment_from_line, Judgment};
use crate::problem::Problem;
use crate::rubric::{CriterionKind, Level, Rubric};

/// The criterion name of the pairwise preference.
pub const PREFERENCE: &str = "preference";

/// FxHash (rustc's hasher): fast for the short keys interned here. Maps using it are only
/// looked up, never iterated, so no order reaches the output.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes")));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Strings to dense `u32` ids, in first-seen order.
#[derive(Default)]
struct Interner {
    ids: FxMap<Box<str>, u32>,
    /// The last few strings seen and their ids: annotators and items repeat on nearby lines,
    /// and comparing a few short strings is cheaper than hashing.
    recent: [(String, Option<u32>); RECENT],
    next_recent: usize,
}

const RECENT: usize = 8;

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(id) = self.recent.iter().find_map(|(recent, id)| id.filter(|_| recent == name)) {
            return id;
        }
        let id = match self.ids.get(name) {
            Some(&id) => id,
            None => {
                let id = self.ids.len() as u32;
                self.ids.insert(name.into(), id);
                id
            }
        };
        let slot = &mut self.recent[self.next_recent];
        slot.0.clear();
        slot.0.push_str(name);
        slot.1 = Some(id);
        self.next_recent = (self.next_recent + 1) % RECENT;
        id
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The strings by id (consumes the interner; the map is drained, not iterated for order).
    fn into_names(self) -> Vec<String> {
        let mut names = vec![String::new(); self.ids.len()];
        for (name, id) in self.ids {
            names[id as usize] = name.into_string();
        }
        names
    }
}

/// Which criteria to collect.
#[derive(Clone, Debug, Default)]
pub struct CollectOptions {
    /// The rubric: its criteria, per-output flags, levels and declared scales.
    pub rubric: Option<Rubric>,
    /// Only these criterion ids (empty: all). `preference` names the pairwise preference.
    pub criteria: Vec<String>,
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
}

/// Everything collected from judgment files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Item ids.
    pub items: Vec<String>,
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
    /// Judgments read (valid lines).
    pub n_judgments: u64,
    /// Judgments replaced by a later one of the same (item, annotator).
    pub n_replaced: u64,
    /// Bad lines (`file:line: field: problem`).
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Collects from one JSONL text (e.g. a file read in the browser).
    pub fn from_jsonl(file: &str, text: &str, options: CollectOptions) -> Dataset {
        let mut collector = Collector::new(options);
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
        }
    }

    fn category(&mut self, value: &Scalar<'_>) -> Option<u32> {
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
            self.keys.push(match value {
                Scalar::Number(x) => Category::Number(*x + 0.0),
                Scalar::Bool(b) => Category::Bool(*b),
                Scalar::Str(text) => Category::Label((*text).to_owned()),
                Scalar::Null | Scalar::Other => unreachable!("returned above"),
            });
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
    pairs: FxMap<u64, u32>,
    pair_keys: Vec<(u32, u32)>,
    criteria: Vec<Accumulator>,
    problems: Vec<Problem>,
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
            pairs: FxMap::default(),
            pair_keys: Vec::new(),
            criteria,
            problems: Vec::new(),
        }
    }

    /// Adds one JSONL line (line numbers are 1-based; blank lines are skipped). A bad line is
    /// recorded as a problem and otherwise ignored.
    pub fn add_line(&mut self, file: &str, line_no: u64, line: &str) {
        let line = if line_no == 1 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
        if line.trim().is_empty() {
            return;
        }
        match scan_line(line) {
            Some(scanned) => self.add_scanned(&scanned),
            None => match judgment_from_line(line) {
                Ok(judgment) => self.add_judgment(&judgment),
                Err(found) => {
                    self.problems.extend(found.into_iter().map(|(field, message)| Problem::error(file, line_no, &field, message)))
                }
            },
        }
    }

    /// Reserves room for about `lines` more judgment lines (e.g. a file's size / 100), which
    /// saves rehashing the item table as it grows.
    pub fn reserve(&mut self, lines: usize) {
        self.judgments.reserve(lines);
        self.items.ids.reserve(lines / 4);
    }

    /// Records a problem found by the caller (e.g. a line that is not UTF-8).
    pub fn add_problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    /// Adds a parsed judgment.
    pub fn add_judgment(&mut self, judgment: &Judgment) {
        self.add_scanned(&Scanned::from_judgment(judgment));
    }

    /// Adds the fields of one valid judgment.
    pub fn add_scanned(&mut self, scanned: &Scanned<'_>) {
        let item = self.items.intern(scanned.item_id);
        let annotator = self.annotators.intern(scanned.annotator);
        if self.annotator_group.len() <= annotator as usize {
            self.annotator_group.resize(annotator as usize + 1, None);
        }
        if let Some(group) = scanned.group {
            self.annotator_group[annotator as usize] = Some(self.groups.intern(group));
        }
        let judgment = self.judgments.len() as u32;
        self.judgments.push((item, annotator));
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
        let superseded = superseded(&self.judgments, self.items.len());
        let n_replaced = superseded.iter().filter(|&&s| s).count() as u64;
        let n_annotators = self.annotators.len() as u32;
        let criteria = self
            .criteria
            .into_iter()
            .filter(|a| !a.raw.is_empty() || !a.declared.is_empty() && a.id != PREFERENCE)
            .map(|accumulator| {
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
                CriterionRatings {
                    id: accumulator.id,
                    per_output,
                    declared_level: accumulator.declared_level,
                    ratings,
                    units,
                    n_skipped: accumulator.n_skipped,
                }
            })
            .collect();
        Dataset {
            items: self.items.into_names(),
            annotators: self.annotators.into_names(),
            annotator_group: self.annotator_group,
            groups: self.groups.into_names(),
            models: self.models.into_names(),
            criteria,
            n_judgments: self.judgments.len() as u64,
            n_replaced,
            problems: self.problems,
        }
    }
}

/// Marks judgments replaced by a later one of the same (item, annotator): a counting sort by
/// item, then a scan of each item's (few) judgments.
fn superseded(judgments: &[(u32, u32)], n_items: usize) -> Vec<bool> {
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
    let mut superseded = vec![false; judgments.len()];
    for item in 0..n_items {
        let group = &order[start[item] as usize..start[item + 1] as usize];
        for (position, &judgment) in group.iter().enumerate() {
            let annotator = judgments[judgment as usize].1;
            if group[position + 1..].iter().any(|&later| judgments[later as usize].1 == annotator) {
                superseded[judgment as usize] = true;
            }
        }
    }
    superseded
}

/// Builds the scale and the unit-grouped ratings of one criterion. Returns the ratings and the
/// original unit id of each of their units.
fn build(accumulator: &Accumulator, superseded: &[bool], n_units: usize, n_annotators: u32) -> (Ratings, Vec<u32>) {
    let scale = scale_of(accumulator);
    let remap: Vec<u32> =
        accumulator.keys.iter().map(|key| scale.id_of(key).expect("every observed category is on the scale")).collect();
    let kept = accumulator.raw.iter().filter(|r| !superseded[r.judgment as usize]);
    let mut start = vec![0u32; n_units + 1];
    kept.clone().for_each(|r| start[r.unit as usize + 1] += 1);
    for u in 0..n_units {
        start[u + 1] += start[u];
    }
    let mut next = start.clone();
    let mut grouped = vec![(0u32, 0u32); start[n_units] as usize];
    for r in kept {
        grouped[next[r.unit as usize] as usize] = (r.annotator, remap[r.category as usize]);
        next[r.unit as usize] += 1;
    }
    // Compact to non-empty units; within a unit, a later rating by the same annotator (only
    // possible from a duplicated key the full parser resolved) replaces the earlier one.
    let mut unit_ids = Vec::new();
    let mut unit_start = vec![0u32];
    let mut ratings: Vec<(u32, u32)> = Vec::with_capacity(grouped.len());
    for u in 0..n_units {
        let begin = ratings.len();
        for &(annotator, category) in &grouped[start[u] as usize..start[u + 1] as usize] {
            match ratings[begin..].iter_mut().find(|(a, _)| *a == annotator) {
                Some(slot) => slot.1 = category,
                None => ratings.push((annotator, category)),
            }
        }
        if ratings.len() > begin {
            unit_ids.push(u as u32);
            unit_start.push(ratings.len() as u32);
        }
    }
    (Ratings::from_grouped(scale, n_annotators, unit_start, ratings), unit_ids)
}

fn scale_of(accumulator: &Accumulator) -> Scale {
    let declared_labels = accumulator.declared.iter().any(|c| matches!(c, Category::Label(_)));
    let mut categories = accumulator.declared.clone();
    let mut observed: Vec<Category> = accumulator.keys.iter().filter(|k| !categories.contains(k)).cloned().collect();
    if !declared_labels && observed.iter().any(|c| matches!(c, Category::Label(_))) {
        // Undeclared labels: sorted, so the order (used by weights) does not depend on file order.
        observed.sort_by_key(|c| c.to_string());
    }
    categories.extend(observed);
    Scale::from_categories(categories)
}
