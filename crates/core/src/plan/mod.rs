//! Campaign planning: who rates which item, in which order, with designed overlap, hidden gold,
//! test–retest repeats and calibration first — a pure, seeded function of the campaign and the
//! task file, so `verdict plan` and the browser (`?campaign=…&annotator=…`, through
//! [`queue_for`]) compute the same queue. Also the calibration gate ([`gate`]), retest analysis
//! ([`retest`]) and sample-size planning ([`size`]).
//!
//! Steps: the task file splits into calibration items (listed by the campaign), the gold pool
//! (other items with `gold`) and task items; [`assign`] gives each task item its raters; each
//! rater's queue is then built on its own ([`sequence`]): calibration, then task items with gold
//! spread among them and repeats after `min_gap` items, display orders from [`crate::order`].

mod assign;
pub mod campaign;
pub mod files;
pub mod gate;
pub mod progress;
pub mod retest;
mod sequence;
pub mod size;
mod summary;

use std::collections::BTreeMap;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::rng::Pcg32;
use crate::task::Task;
pub use assign::CoverageReason;
pub use campaign::{parse_campaign, Campaign, Role};
pub use summary::{GroupOverlap, KindCounts, LoadRange, PairOverlap, RaterSummary, Summary};

/// Suffix of a repeat's item id: a rater's second judgment of `q17` is filed under `q17#repeat`,
/// a distinct judgment identity (see docs/FORMATS.md, "Campaign").
pub const REPEAT_SUFFIX: &str = "#repeat";

/// The item id a repeat of `item_id` is judged under.
pub fn repeat_item_id(item_id: &str) -> String {
    format!("{item_id}{REPEAT_SUFFIX}")
}

/// The original item of a repeat's item id, `None` when `item_id` is not a repeat.
pub fn repeat_source(item_id: &str) -> Option<&str> {
    item_id.strip_suffix(REPEAT_SUFFIX).filter(|source| !source.is_empty())
}

/// What an assignment is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A task item of the designed overlap.
    Task,
    /// A hidden gold item.
    Gold,
    /// A task item shown again (test–retest).
    Repeat,
    /// A calibration item (judged before production).
    Calibration,
}

impl Kind {
    /// The name used in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Gold => "gold",
            Kind::Repeat => "repeat",
            Kind::Calibration => "calibration",
        }
    }
}

/// One item in one rater's queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    /// Roster index of the rater.
    pub rater: u32,
    /// Index of the item in the task file.
    pub item: u32,
    /// Position in the rater's queue, from 0.
    pub seq: u32,
    /// What the item is for.
    pub kind: Kind,
    /// Display order: indices into the item's outputs, left to right.
    pub order: Vec<u32>,
}

/// Something the plan could not do as the campaign asked.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shortfall {
    /// A task item has fewer raters than wanted.
    Coverage {
        /// The item.
        item_id: String,
        /// Raters it got.
        assigned: u32,
        /// Raters it needed.
        wanted: u32,
        /// Why.
        reason: CoverageReason,
    },
    /// The campaign asks for gold but the task file has no gold item outside calibration.
    NoGoldItems,
    /// A rater needs more distinct gold items than the pool holds.
    GoldPool {
        /// The rater.
        annotator: String,
        /// Gold items the rate asks for.
        wanted: u32,
        /// Gold items available.
        available: u32,
    },
    /// Repeats that found no item far enough back (the queue is too short for `min_gap`).
    Repeats {
        /// The rater.
        annotator: String,
        /// Repeats the rate asks for.
        wanted: u32,
        /// Repeats placed.
        placed: u32,
    },
}

/// The whole plan: every rater's queue, a summary and the shortfalls.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Assignments, rater by rater (roster order), each rater's in queue order.
    pub assignments: Vec<Assignment>,
    /// Counts, loads and overlaps.
    pub summary: Summary,
    /// What could not be done, in item order then roster order.
    pub shortfalls: Vec<Shortfall>,
}

/// Everything computed before the per-rater queues.
struct Prepared {
    /// Roster indices of the raters (role `rater`), in roster order.
    raters: Vec<u32>,
    /// Task indices of the calibration items.
    calibration: Vec<u32>,
    /// Task indices of the task items (not gold, not calibration), in file order.
    task_items: Vec<u32>,
    /// Raters wanted per task item.
    wanted: Vec<u32>,
    /// Task items of each rater (task indices), in assignment order.
    per_rater: Vec<Vec<u32>>,
    /// Gold items (task indices) of each rater.
    gold: Vec<Vec<u32>>,
    /// Repeats wanted per rater.
    repeats: Vec<u32>,
    /// Task-item capacity of each rater (from its quota).
    capacity: Vec<u32>,
    shortfalls: Vec<Shortfall>,
    coverage: assign::Coverage,
    pools: assign::Pools,
    rater_slots: Vec<assign::RaterSlot>,
    groups: Vec<String>,
    n_gold_pool: u32,
}

/// Gold and repeat counts for a rater with `n_tasks` task items: the rates are shares of the
/// production queue (task + gold + repeat), so `g = round(rate_g · t / (1 − rate_g − rate_r))`.
fn extra_counts(campaign: &Campaign, n_tasks: u32) -> (u32, u32) {
    let gold_rate = campaign.gold.as_ref().map_or(0.0, |g| g.rate);
    let repeat_rate = campaign.repeats.as_ref().map_or(0.0, |r| r.rate);
    let rest = 1.0 - gold_rate - repeat_rate;
    let count = |rate: f64| (rate * f64::from(n_tasks) / rest).round() as u32;
    (count(gold_rate), count(repeat_rate))
}

/// The most task items a rater with `quota` can take so that task + gold + repeats ≤ quota.
fn task_capacity(campaign: &Campaign, quota: Option<u32>, gold_pool: u32) -> u32 {
    let Some(quota) = quota else { return u32::MAX };
    let total = |t: u32| {
        let (gold, repeats) = extra_counts(campaign, t);
        u64::from(t) + u64::from(gold.min(gold_pool)) + u64::from(repeats)
    };
    let rest = 1.0 - campaign.gold.as_ref().map_or(0.0, |g| g.rate) - campaign.repeats.as_ref().map_or(0.0, |r| r.rate);
    let mut t = (f64::from(quota) * rest).floor() as u32;
    while t > 0 && total(t) > u64::from(quota) {
        t -= 1;
    }
    while total(t + 1) <= u64::from(quota) {
        t += 1;
    }
    t
}

/// The text at a dotted field path of an item (`meta.language`; a first segment other than
/// `meta` and `id` reads the item's other top-level fields). `None` when absent or not a string.
pub fn item_field<'t>(task: &'t Task, path: &str) -> Option<&'t str> {
    let mut segments = path.split('.');
    let first = segments.next()?;
    if first == "id" {
        return Some(&task.id);
    }
    let mut value: &Value = if first == "meta" {
        let next = segments.next()?;
        task.meta.get(next)?
    } else {
        task.extra.get(first)?
    };
    for segment in segments {
        value = value.get(segment)?;
    }
    value.as_str()
}

fn prepare(campaign: &Campaign, tasks: &[Task]) -> Prepared {
    // Only the calibration ids are looked up: one pass over the items, no index of all ids.
    let wanted_ids: BTreeMap<&str, usize> =
        campaign.calibration.iter().flat_map(|c| c.items.iter()).enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let mut found = vec![None; wanted_ids.len()];
    if !wanted_ids.is_empty() {
        for (index, task) in tasks.iter().enumerate() {
            if let Some(&slot) = wanted_ids.get(task.id.as_str()) {
                found[slot].get_or_insert(index as u32);
            }
        }
    }
    let calibration: Vec<u32> = found.into_iter().flatten().collect();
    let mut is_calibration = vec![false; tasks.len()];
    calibration.iter().for_each(|&i| is_calibration[i as usize] = true);
    let gold_wanted = campaign.gold.as_ref().is_some_and(|g| g.rate > 0.0);
    let (mut gold_pool, mut task_items) = (Vec::new(), Vec::new());
    for (index, task) in tasks.iter().enumerate() {
        if is_calibration[index] {
            continue;
        }
        if gold_wanted && task.gold.is_some() {
            gold_pool.push(index as u32);
        } else {
            task_items.push(index as u32);
        }
    }
    let raters: Vec<u32> = (0..campaign.roster.len() as u32).filter(|&r| campaign.roster[r as usize].role == Role::Rater).collect();
    let mut group_index: BTreeMap<&str, u32> = BTreeMap::new();
    for &r in &raters {
        if let Some(group) = &campaign.roster[r as usize].group {
            let next = group_index.len() as u32;
            group_index.entry(group).or_insert(next);
        }
    }
    // Group indices in name order, so the overlap table lists groups alphabetically.
    let groups: Vec<String> = group_index.keys().map(|g| (*g).to_owned()).collect();
    let group_of = |name: &str| groups.iter().position(|g| g == name).map(|p| p as u32);
    let capacity: Vec<u32> =
        raters.iter().map(|&r| task_capacity(campaign, campaign.roster[r as usize].quota, gold_pool.len() as u32)).collect();
    let rater_slots: Vec<assign::RaterSlot> = raters
        .iter()
        .zip(&capacity)
        .map(|(&r, &capacity)| assign::RaterSlot { group: campaign.roster[r as usize].group.as_deref().and_then(group_of), capacity })
        .collect();
    // Pools: one per language found among the task items (plus one for items without one).
    let mut pool_of_language: BTreeMap<Option<&str>, u32> = BTreeMap::new();
    let item_language: Vec<Option<&str>> = match &campaign.match_language {
        Some(path) => task_items.iter().map(|&i| item_field(&tasks[i as usize], path)).collect(),
        None => vec![None; task_items.len()],
    };
    item_language.iter().for_each(|language| {
        pool_of_language.entry(*language).or_insert(0);
    });
    for (index, pool) in pool_of_language.values_mut().enumerate() {
        *pool = index as u32;
    }
    let pools = assign::Pools {
        members: pool_of_language
            .keys()
            .map(|language| {
                (0..raters.len() as u32)
                    .filter(|&r| {
                        let languages = &campaign.roster[raters[r as usize] as usize].languages;
                        language.is_none_or(|l| languages.is_empty() || languages.iter().any(|x| x == l))
                    })
                    .collect()
            })
            .collect(),
        language: pool_of_language.keys().map(|l| l.map(str::to_owned)).collect(),
    };
    let k = campaign.overlap.raters_per_item;
    let mut wanted = vec![k; task_items.len()];
    if let Some(fraction) = campaign.overlap.fraction {
        let n_multi = (fraction * task_items.len() as f64).round() as usize;
        let order = assign::visit_order(task_items.len() as u32, campaign.seed ^ 0xf4ac_7102);
        order[n_multi..].iter().for_each(|&i| wanted[i as usize] = 1);
    }
    let slots: Vec<assign::ItemSlot> = item_language
        .iter()
        .zip(&wanted)
        .map(|(language, &wanted)| assign::ItemSlot { pool: pool_of_language[language], wanted })
        .collect();
    let visit = assign::visit_order(task_items.len() as u32, campaign.seed);
    let coverage = assign::assign(&slots, &visit, &rater_slots, &pools, campaign.seed);
    let mut shortfalls: Vec<Shortfall> = coverage
        .short
        .iter()
        .map(|(position, assigned, reason)| Shortfall::Coverage {
            item_id: tasks[task_items[*position as usize] as usize].id.clone(),
            assigned: *assigned,
            wanted: wanted[*position as usize],
            reason: reason.clone(),
        })
        .collect();
    let per_rater: Vec<Vec<u32>> = coverage.per_rater.iter().map(|items| items.iter().map(|&p| task_items[p as usize]).collect()).collect();
    // Gold: a seeded shuffle of the pool, dealt in consecutive windows rater after rater, so
    // every gold item is used about equally often.
    let mut shuffled_gold = gold_pool.clone();
    Pcg32::new(campaign.seed, 0x601d).shuffle(&mut shuffled_gold);
    if gold_wanted && gold_pool.is_empty() {
        shortfalls.push(Shortfall::NoGoldItems);
    }
    // Each rater draws from the gold it can read (language matching), in consecutive windows
    // of the shuffled pool, so every gold item is used about equally often.
    let reads = |rater: u32, item: u32| {
        let languages = &campaign.roster[rater as usize].languages;
        match &campaign.match_language {
            Some(path) if !languages.is_empty() => item_field(&tasks[item as usize], path).is_none_or(|l| languages.iter().any(|x| x == l)),
            _ => true,
        }
    };
    let mut offset = 0usize;
    let mut gold = Vec::with_capacity(raters.len());
    let mut repeats = Vec::with_capacity(raters.len());
    for (index, items) in per_rater.iter().enumerate() {
        let (gold_wanted_here, repeats_wanted) = extra_counts(campaign, items.len() as u32);
        let readable: Vec<u32> = shuffled_gold.iter().copied().filter(|&g| reads(raters[index], g)).collect();
        let n_gold = (gold_wanted_here as usize).min(readable.len());
        if n_gold < gold_wanted_here as usize && !shuffled_gold.is_empty() {
            shortfalls.push(Shortfall::GoldPool {
                annotator: campaign.roster[raters[index] as usize].annotator.clone(),
                wanted: gold_wanted_here,
                available: readable.len() as u32,
            });
        }
        gold.push((0..n_gold).map(|i| readable[(offset + i) % readable.len()]).collect());
        offset += n_gold;
        repeats.push(if campaign.repeats.is_some() { repeats_wanted } else { 0 });
    }
    Prepared {
        raters,
        calibration,
        task_items,
        wanted,
        per_rater,
        gold,
        repeats,
        capacity,
        shortfalls,
        coverage,
        pools,
        rater_slots,
        groups,
        n_gold_pool: gold_pool.len() as u32,
    }
}

/// Builds the queue of the `index`-th rater, and its repeat shortfall.
fn rater_queue(campaign: &Campaign, tasks: &[Task], prepared: &Prepared, index: usize) -> (Vec<Assignment>, Option<Shortfall>) {
    let roster_index = prepared.raters[index];
    let annotator = &campaign.roster[roster_index as usize].annotator;
    let policy = campaign.repeats.as_ref();
    let input = sequence::RaterInput {
        rater: roster_index,
        seed_text: format!("{}\n{}\n{annotator}", campaign.seed, campaign.id),
        calibration: &prepared.calibration,
        tasks: &prepared.per_rater[index],
        gold: prepared.gold[index].clone(),
        repeats: prepared.repeats[index],
        min_gap: policy.map_or(0, |p| p.min_gap),
        swap_order: policy.is_none_or(|p| p.swap_order),
    };
    let models_of = |item: u32| tasks[item as usize].outputs.iter().map(|o| o.model.as_str()).collect::<Vec<&str>>();
    let (queue, unplaced) = sequence::build(&input, &models_of);
    let shortfall = (unplaced > 0).then(|| Shortfall::Repeats {
        annotator: annotator.clone(),
        wanted: prepared.repeats[index],
        placed: prepared.repeats[index] - unplaced,
    });
    (queue, shortfall)
}

/// Plans the whole campaign over `tasks` (the campaign's task file, already loaded).
/// Deterministic: the same campaign (seed included) and tasks give the same plan.
pub fn plan(campaign: &Campaign, tasks: &[Task]) -> Plan {
    let prepared = prepare(campaign, tasks);
    let mut assignments = Vec::new();
    let mut shortfalls = prepared.shortfalls.clone();
    for index in 0..prepared.raters.len() {
        let (queue, shortfall) = rater_queue(campaign, tasks, &prepared, index);
        assignments.extend(queue);
        shortfalls.extend(shortfall);
    }
    let summary = summary::summarize(campaign, &prepared, &assignments);
    Plan { assignments, summary, shortfalls }
}

/// The queue of one annotator, equal to the plan's assignments of that annotator; `None` when
/// the annotator is not a rater of the campaign. This is what the rating app calls.
pub fn queue_for(campaign: &Campaign, tasks: &[Task], annotator: &str) -> Option<Vec<Assignment>> {
    let prepared = prepare(campaign, tasks);
    let index = prepared.raters.iter().position(|&r| campaign.roster[r as usize].annotator == annotator)?;
    Some(rater_queue(campaign, tasks, &prepared, index).0)
}

/// The item id an assignment is judged under (repeats get [`REPEAT_SUFFIX`]).
pub fn assignment_item_id(assignment: &Assignment, tasks: &[Task]) -> String {
    let id = &tasks[assignment.item as usize].id;
    match assignment.kind {
        Kind::Repeat => repeat_item_id(id),
        _ => id.clone(),
    }
}

/// `verdict plan --json`'s object: `{"campaign", "assignments": [{"annotator", "item_id",
/// "seq", "kind", "order", "repeat_of"?}], "summary", "shortfalls"}`, written without building
/// a JSON tree (plans run to millions of assignments).
pub struct PlanJson<'a> {
    /// The campaign planned.
    pub campaign: &'a Campaign,
    /// Its task file.
    pub tasks: &'a [Task],
    /// The plan.
    pub plan: &'a Plan,
}

impl Serialize for PlanJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("campaign", &self.campaign.id)?;
        map.serialize_entry(
            "assignments",
            &AssignmentsJson { campaign: self.campaign, tasks: self.tasks, assignments: &self.plan.assignments },
        )?;
        map.serialize_entry("summary", &self.plan.summary)?;
        map.serialize_entry("shortfalls", &self.plan.shortfalls)?;
        map.end()
    }
}

/// A list of assignments as JSON objects (names, not indices).
pub struct AssignmentsJson<'a> {
    /// The campaign (for annotator names).
    pub campaign: &'a Campaign,
    /// The task file (for item ids and model names).
    pub tasks: &'a [Task],
    /// The assignments.
    pub assignments: &'a [Assignment],
}

impl Serialize for AssignmentsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.assignments.len()))?;
        for assignment in self.assignments {
            seq.serialize_element(&AssignmentJson { campaign: self.campaign, tasks: self.tasks, assignment })?;
        }
        seq.end()
    }
}

struct AssignmentJson<'a> {
    campaign: &'a Campaign,
    tasks: &'a [Task],
    assignment: &'a Assignment,
}

impl Serialize for AssignmentJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.assignment;
        let task = &self.tasks[a.item as usize];
        let order: Vec<&str> = a.order.iter().map(|&o| task.outputs[o as usize].model.as_str()).collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("annotator", &self.campaign.roster[a.rater as usize].annotator)?;
        map.serialize_entry("item_id", &assignment_item_id(a, self.tasks))?;
        map.serialize_entry("seq", &a.seq)?;
        map.serialize_entry("kind", &a.kind)?;
        map.serialize_entry("order", &order)?;
        if a.kind == Kind::Repeat {
            map.serialize_entry("repeat_of", &task.id)?;
        }
        map.end()
    }
}
