//! The battle builder: interns names, applies the `(item_id, annotator)` replacement rule and
//! expands judgments into battles; parts built on several threads are merged in order.

use std::collections::BTreeMap;

use super::line::{parse_line, parse_line_in_full, warn_replaced, warn_superseded, Parsed};
use super::{Battle, BattleSet, Outcome, TaskMap};
use crate::agreement::scan::Names;
use crate::agreement::shape::Shapes;
use crate::intern::{FxMap, Interner};
use crate::judgment::{BOTH_BAD, TIE};
use crate::problem::Problem;
use crate::read::identity::{compact_stamp, later_read_replaces};
use crate::read::{line_problems, no_verdict, Selection};

/// What became of a pushed judgment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pushed {
    /// A new identity.
    New,
    /// It replaced the judgment in this slot.
    Replaced(usize),
    /// The judgment in this slot outranks it (submitted later): it was dropped.
    Superseded(usize),
}

/// The battles of one judgment, kept per judgment so that a later one can replace it.
pub(super) struct Record {
    item: u32,
    annotator: u32,
    /// False when a selection left the judgment out (it then has no battles).
    selected: bool,
    /// (first, second, outcome, positioned).
    battles: RecordBattles,
}

/// A judgment's battles; `One` avoids a heap allocation for the common pairwise judgment.
pub(super) enum RecordBattles {
    One(u32, u32, Outcome, bool),
    Many(Vec<(u32, u32, Outcome, bool)>),
    None,
}

impl RecordBattles {
    /// Appends a battle.
    pub(super) fn add(&mut self, battle: (u32, u32, Outcome, bool)) {
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
    pub(super) fn renumbered(self, models: &[u32]) -> RecordBattles {
        let m = |id: u32| models[id as usize];
        match self {
            RecordBattles::One(a, b, o, p) => RecordBattles::One(m(a), m(b), o, p),
            RecordBattles::Many(many) => RecordBattles::Many(many.into_iter().map(|(a, b, o, p)| (m(a), m(b), o, p)).collect()),
            RecordBattles::None => RecordBattles::None,
        }
    }
}

/// Interns names, applies the `(item_id, annotator)` replacement rule and expands judgments.
pub(super) struct Builder<'t> {
    pub(super) models: Interner,
    pub(super) annotators: Interner,
    /// Item ids in order of first appearance.
    pub(super) items: Interner,
    /// Per item: the first annotator who judged it and that judgment's record slot. Most items
    /// have one annotator, so this serves the replacement rule for them without a pair key.
    pub(super) item_first: Vec<(u32, u32)>,
    /// `(item << 32) | annotator` → record slot, for every annotator but an item's first.
    pub(super) record_of: FxMap<u64, usize>,
    pub(super) records: Vec<Record>,
    /// Per record slot: (file index, line) of the judgment it holds, and the line of the first
    /// judgment that took the slot (when read from JSONL).
    pub(super) lines: Vec<(usize, u64, u64)>,
    pub(super) skipped: BTreeMap<String, u64>,
    pub(super) tasks: Option<&'t TaskMap<'t>>,
    /// `(item, annotator)` of the judgment being built (set by `begin`).
    pub(super) current: (u32, u32),
    /// Whether the current annotator is the item's first, and the slot the current judgment
    /// replaces (set by `begin`).
    pub(super) current_is_first: bool,
    pub(super) current_replaces: Option<usize>,
    /// Record slot of the judgment stored last (set by `commit`).
    pub(super) last_slot: usize,
    /// Per record slot: Unix ms of its judgment's `submitted_at`, `i64::MIN` when absent.
    pub(super) stamps: Vec<i64>,
    /// Valid judgments replaced under the identity rule, and lines that were not judgments.
    pub(super) n_replaced: u64,
    pub(super) n_skipped_lines: u64,
    /// Shapes of recent lines, for reading lines laid out alike quickly.
    pub(super) shapes: Shapes,
    /// Only judgments this selects give battles.
    pub(super) selection: Option<&'t Selection>,
}

impl<'t> Builder<'t> {
    pub(super) fn new(tasks: Option<&'t TaskMap<'t>>) -> Self {
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

    pub(super) fn model(&mut self, name: &str) -> u32 {
        self.models.intern(name)
    }

    pub(super) fn skip(&mut self, reason: &str) {
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
    pub(super) fn read_part(&mut self, files: &[&str], file_index: usize, first_line: u64, text: &str, problems: &mut Vec<Problem>) -> u64 {
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
    pub(super) fn parse<'l>(&mut self, line: &'l str) -> Parsed<'l> {
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
    pub(super) fn add_parsed(&mut self, files: &[&str], file_index: usize, line_no: u64, parsed: Parsed<'_>, problems: &mut Vec<Problem>) {
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
    pub(super) fn merge(&mut self, part: Builder<'t>, found: Vec<Problem>, files: &[&str], file_index: usize, problems: &mut Vec<Problem>) {
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
                Some(existing) if !later_read_replaces(stamp, self.stamps[existing]) => {
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
    pub(super) fn begin(&mut self, item_id: &str, annotator: &str) -> Option<usize> {
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
    pub(super) fn commit(&mut self, battles: RecordBattles, stamp: i64, selected: bool) {
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
    pub(super) fn push<S: AsRef<str>>(
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
        let stamp = compact_stamp(submitted_at);
        let replaced = self.begin(item_id, annotator);
        if let Some(slot) = replaced {
            self.n_replaced += 1;
            if !later_read_replaces(stamp, self.stamps[slot]) {
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
    pub(super) fn finish(self) -> BattleSet {
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
pub(super) fn pair_of<'s, S: AsRef<str>>(
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
