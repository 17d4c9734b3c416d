//! The plan's summary: counts per kind, per-rater loads against quotas, pairwise and cross-site
//! overlap — what a quality lead checks before launching a campaign.

use serde::Serialize;

use super::{Assignment, Campaign, Kind, Prepared};

/// Assignments per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// Task items.
    pub task: u64,
    /// Hidden gold.
    pub gold: u64,
    /// Repeats.
    pub repeat: u64,
    /// Calibration items.
    pub calibration: u64,
}

impl KindCounts {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Task => self.task += 1,
            Kind::Gold => self.gold += 1,
            Kind::Repeat => self.repeat += 1,
            Kind::Calibration => self.calibration += 1,
        }
    }
}

/// Smallest and largest number of task items among raters whose quota does not bind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoadRange {
    /// Fewest task items.
    pub min: u32,
    /// Most task items.
    pub max: u32,
}

/// Items shared by pairs of raters who could rate a common item (their languages meet).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairOverlap {
    /// Fewest items a pair shares.
    pub min: u32,
    /// Most items a pair shares.
    pub max: u32,
    /// Mean over the pairs.
    pub mean: f64,
    /// Pairs counted.
    pub pairs: u64,
    /// Pairs sharing no item (their agreement is not estimable directly).
    pub pairs_with_zero: u64,
}

/// Items rated by raters of two groups (sites): the base of a site comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupOverlap {
    /// One group.
    pub group_a: String,
    /// The other group (after `group_a` in name order).
    pub group_b: String,
    /// Task items rated by someone of each.
    pub items: u64,
}

/// One rater's share of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RaterSummary {
    /// The rater.
    pub annotator: String,
    /// Site or vendor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Assignments per kind.
    #[serde(flatten)]
    pub counts: KindCounts,
    /// The roster's quota.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
    /// True when the quota stopped this rater from taking more task items.
    pub quota_binding: bool,
}

/// `summary` of `verdict plan --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Task items (neither gold nor calibration).
    pub task_items: u64,
    /// Items in the gold pool.
    pub gold_items: u64,
    /// Calibration items.
    pub calibration_items: u64,
    /// Raters (roster members with role `rater`).
    pub raters: u32,
    /// Task items that should get `raters_per_item` raters (all, or the double-rated sample).
    pub multi_rated_items: u64,
    /// Task items that got every rater they needed.
    pub covered_items: u64,
    /// Assignments per kind.
    pub assignments: KindCounts,
    /// Task-item load range among raters whose quota does not bind (`None`: every quota binds).
    pub load: Option<LoadRange>,
    /// Pairwise overlap (`None` with one rater per item).
    pub pair_overlap: Option<PairOverlap>,
    /// Overlap between groups, for every pair of groups.
    pub group_overlap: Vec<GroupOverlap>,
    /// Per rater, in roster order.
    pub per_rater: Vec<RaterSummary>,
}

pub(super) fn summarize(campaign: &Campaign, prepared: &Prepared, assignments: &[Assignment]) -> Summary {
    let mut total = KindCounts::default();
    let mut per_rater: Vec<RaterSummary> = prepared
        .raters
        .iter()
        .zip(&prepared.per_rater)
        .zip(&prepared.capacity)
        .map(|((&r, items), &capacity)| {
            let entry = &campaign.roster[r as usize];
            RaterSummary {
                annotator: entry.annotator.clone(),
                group: entry.group.clone(),
                counts: KindCounts::default(),
                quota: entry.quota,
                quota_binding: items.len() as u32 >= capacity,
            }
        })
        .collect();
    let slot_of: std::collections::BTreeMap<u32, usize> = prepared.raters.iter().enumerate().map(|(i, &r)| (r, i)).collect();
    for assignment in assignments {
        total.add(assignment.kind);
        per_rater[slot_of[&assignment.rater]].counts.add(assignment.kind);
    }
    let free: Vec<u32> = per_rater.iter().filter(|r| !r.quota_binding).map(|r| r.counts.task as u32).collect();
    let load = free.iter().min().map(|&min| LoadRange { min, max: *free.iter().max().expect("non-empty: it has a min") });
    let k = campaign.overlap.raters_per_item;
    let pair_overlap = (k >= 2 && prepared.raters.len() >= 2).then(|| pair_overlap(prepared)).flatten();
    let group_overlap = prepared
        .coverage
        .group_pairs
        .iter()
        .map(|(&(a, b), &items)| GroupOverlap {
            group_a: prepared.groups[a as usize].clone(),
            group_b: prepared.groups[b as usize].clone(),
            items,
        })
        .collect();
    let multi = prepared.wanted.iter().filter(|&&w| w >= 2 || k == 1).count() as u64;
    Summary {
        task_items: prepared.task_items.len() as u64,
        gold_items: u64::from(prepared.n_gold_pool),
        calibration_items: prepared.calibration.len() as u64,
        raters: prepared.raters.len() as u32,
        multi_rated_items: if k >= 2 { multi } else { 0 },
        covered_items: (prepared.task_items.len() - prepared.coverage.short.len()) as u64,
        assignments: total,
        load,
        pair_overlap,
        group_overlap,
        per_rater,
    }
}

/// Min, max and mean overlap over pairs of raters who share a language pool.
fn pair_overlap(prepared: &Prepared) -> Option<PairOverlap> {
    let n = prepared.raters.len();
    let mut pools_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (pool, members) in prepared.pools.members.iter().enumerate() {
        members.iter().for_each(|&r| pools_of[r as usize].push(pool as u32));
    }
    let can_meet = |a: usize, b: usize| {
        prepared.rater_slots[a].capacity > 0 && prepared.rater_slots[b].capacity > 0 && pools_of[a].iter().any(|p| pools_of[b].contains(p))
    };
    let (mut min, mut max, mut sum, mut pairs, mut zero) = (u32::MAX, 0u32, 0u64, 0u64, 0u64);
    for a in 0..n {
        for b in a + 1..n {
            if !can_meet(a, b) {
                continue;
            }
            let shared = prepared.coverage.pairs.get(a as u32, b as u32);
            min = min.min(shared);
            max = max.max(shared);
            sum += u64::from(shared);
            pairs += 1;
            zero += u64::from(shared == 0);
        }
    }
    (pairs > 0).then(|| PairOverlap { min, max, mean: sum as f64 / pairs as f64, pairs, pairs_with_zero: zero })
}
