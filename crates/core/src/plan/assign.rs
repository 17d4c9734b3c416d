//! Designed overlap: which raters get which task item.
//!
//! Items are visited in a seeded random order. Each item draws its raters from the pool of
//! raters who can read it (language matching), through a heap ordered by (load, a seeded
//! tie-break drawn afresh at every load level). The candidates popped are the least loaded, so
//! loads stay within one of each other among raters whose quota is not reached; among the
//! candidates at the lowest load, each pick is the one that has shared the fewest items with the
//! raters already chosen, preferring a different group (site), so rater pairs overlap evenly and
//! sites share items. Cost: `O(items × (k + CANDIDATES) × log raters)`; the pair table is a
//! triangular array of `raters² / 2` counters (bounded by `campaign::MAX_ROSTER`).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use serde::Serialize;

use crate::rng::Pcg32;

/// Extra candidates popped beyond the raters needed, to choose pairs that overlap least.
const CANDIDATES: usize = 6;
/// Most candidates popped for one item (raters per item is at most `campaign::MAX_RATERS_PER_ITEM`).
const MAX_OPEN: usize = super::campaign::MAX_RATERS_PER_ITEM as usize + CANDIDATES;

/// One rater as the assignment sees it.
#[derive(Clone, Debug)]
pub(crate) struct RaterSlot {
    /// Group index (`None`: no group).
    pub group: Option<u32>,
    /// Most task items this rater may get.
    pub capacity: u32,
}

/// One task item as the assignment sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ItemSlot {
    /// Pool index (see [`Pools`]).
    pub pool: u32,
    /// Raters wanted.
    pub wanted: u32,
}

/// Raters eligible for each language: pool `p` lists the rater indices that may rate its items.
#[derive(Clone, Debug)]
pub(crate) struct Pools {
    /// The raters of each pool.
    pub members: Vec<Vec<u32>>,
    /// The language of each pool (`None`: items without a language, open to everyone).
    pub language: Vec<Option<String>>,
}

/// Why an item has fewer raters than wanted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum CoverageReason {
    /// No rater on the roster reads the item's language.
    NoReader {
        /// The item's language.
        language: String,
    },
    /// Fewer raters read the item (or are on the roster) than it needs.
    TooFewReaders {
        /// The item's language (`None`: not restricted).
        language: Option<String>,
        /// Raters who could rate it.
        readers: u32,
    },
    /// Enough raters read it, but their quotas were used up.
    QuotasExhausted,
}

/// The result of [`assign`].
#[derive(Clone, Debug)]
pub(crate) struct Coverage {
    /// Task item indices (positions in the `items` slice) of each rater, in assignment order.
    pub per_rater: Vec<Vec<u32>>,
    /// `(item position, raters assigned, reason)` for items short of raters, in item order.
    pub short: Vec<(u32, u32, CoverageReason)>,
    /// Items rated by two raters or more, per pair of raters (triangular table).
    pub pairs: PairTable,
    /// Items shared by each pair of groups `(a, b)` with `a < b`.
    pub group_pairs: BTreeMap<(u32, u32), u64>,
}

/// Counters for unordered pairs of `n` raters.
#[derive(Clone, Debug)]
pub(crate) struct PairTable {
    n: usize,
    counts: Vec<u32>,
}

impl PairTable {
    fn new(n: usize) -> PairTable {
        PairTable { n, counts: vec![0; n * n.saturating_sub(1) / 2] }
    }

    fn index(&self, a: u32, b: u32) -> usize {
        let (i, j) = if a < b { (a as usize, b as usize) } else { (b as usize, a as usize) };
        i * self.n - i * (i + 1) / 2 + (j - i - 1)
    }

    /// Items rated by both `a` and `b` (`a != b`).
    pub fn get(&self, a: u32, b: u32) -> u32 {
        self.counts[self.index(a, b)]
    }

    fn add(&mut self, a: u32, b: u32) {
        let index = self.index(a, b);
        self.counts[index] += 1;
    }
}

/// A heap entry: least load first, then a tie-break that changes with every load level.
type Entry = Reverse<(u32, u64, u32)>;

fn tie_break(seed: u64, rater: u32, load: u32) -> u64 {
    // SplitMix64 finaliser of (seed, rater, load): a fresh, seeded order of the raters per level.
    let mut z = seed ^ (u64::from(rater) << 32 | u64::from(load)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Assigns raters to `items` (visited in the seeded order `visit`).
pub(crate) fn assign(items: &[ItemSlot], visit: &[u32], raters: &[RaterSlot], pools: &Pools, seed: u64) -> Coverage {
    let n_raters = raters.len();
    let mut load = vec![0u32; n_raters];
    let mut heaps: Vec<BinaryHeap<Entry>> = pools
        .members
        .iter()
        .map(|members| {
            members.iter().filter(|&&r| raters[r as usize].capacity > 0).map(|&r| Reverse((0, tie_break(seed, r, 0), r))).collect()
        })
        .collect();
    // Which pools each rater is in, to push its new load into all of them.
    let mut rater_pools: Vec<Vec<u32>> = vec![Vec::new(); n_raters];
    for (pool, members) in pools.members.iter().enumerate() {
        for &r in members {
            rater_pools[r as usize].push(pool as u32);
        }
    }
    let mut coverage = Coverage {
        per_rater: vec![Vec::new(); n_raters],
        short: Vec::new(),
        pairs: PairTable::new(n_raters),
        group_pairs: BTreeMap::new(),
    };
    // Items shared per pair of groups, dense (few groups), turned into the map at the end.
    let n_groups = raters.iter().filter_map(|r| r.group).max().map_or(0, |g| g as usize + 1);
    let mut group_pairs = vec![0u64; n_groups * n_groups];
    let mut candidates: Vec<u32> = Vec::new();
    let mut chosen: Vec<u32> = Vec::new();
    let mut item_groups: Vec<u32> = Vec::new();
    for &position in visit {
        let item = items[position as usize];
        let wanted = item.wanted as usize;
        let heap = &mut heaps[item.pool as usize];
        candidates.clear();
        while candidates.len() < wanted + CANDIDATES {
            let Some(Reverse((entry_load, _, rater))) = heap.pop() else { break };
            let current = load[rater as usize];
            if entry_load != current || current >= raters[rater as usize].capacity {
                continue; // stale (the rater moved up a level) or full: drop the entry
            }
            candidates.push(rater);
        }
        chosen.clear();
        pick(&candidates, wanted, &load, raters, &coverage.pairs, &mut chosen);
        for &rater in &candidates {
            if !chosen.contains(&rater) {
                heaps[item.pool as usize].push(Reverse((load[rater as usize], tie_break(seed, rater, load[rater as usize]), rater)));
            }
        }
        for &rater in &chosen {
            load[rater as usize] += 1;
            let new_load = load[rater as usize];
            coverage.per_rater[rater as usize].push(position);
            if new_load < raters[rater as usize].capacity {
                for &pool in &rater_pools[rater as usize] {
                    heaps[pool as usize].push(Reverse((new_load, tie_break(seed, rater, new_load), rater)));
                }
            }
        }
        for (i, &a) in chosen.iter().enumerate() {
            for &b in &chosen[i + 1..] {
                coverage.pairs.add(a, b);
            }
        }
        item_groups.clear();
        item_groups.extend(chosen.iter().filter_map(|&r| raters[r as usize].group));
        item_groups.sort_unstable();
        item_groups.dedup();
        for (i, &a) in item_groups.iter().enumerate() {
            for &b in &item_groups[i + 1..] {
                group_pairs[a as usize * n_groups + b as usize] += 1;
            }
        }
        if chosen.len() < wanted {
            let readers = pools.members[item.pool as usize].len() as u32;
            let language = pools.language[item.pool as usize].clone();
            let reason = match language {
                Some(language) if readers == 0 => CoverageReason::NoReader { language },
                language if (readers as usize) < wanted => CoverageReason::TooFewReaders { language, readers },
                _ => CoverageReason::QuotasExhausted,
            };
            coverage.short.push((position, chosen.len() as u32, reason));
        }
    }
    coverage.short.sort_by_key(|s| s.0);
    for a in 0..n_groups {
        for b in a + 1..n_groups {
            if group_pairs[a * n_groups + b] > 0 {
                coverage.group_pairs.insert((a as u32, b as u32), group_pairs[a * n_groups + b]);
            }
        }
    }
    coverage
}

/// Chooses `wanted` raters among `candidates` (sorted by load): the lowest load level first; within
/// a level, each pick minimises (items already shared with the chosen, then a shared group).
fn pick(candidates: &[u32], wanted: usize, load: &[u32], raters: &[RaterSlot], pairs: &PairTable, chosen: &mut Vec<u32>) {
    let mut level_start = 0;
    while chosen.len() < wanted && level_start < candidates.len() {
        let level = load[candidates[level_start] as usize];
        let level_end =
            candidates[level_start..].iter().position(|&r| load[r as usize] != level).map_or(candidates.len(), |p| level_start + p);
        let mut open: [u32; MAX_OPEN] = [0; MAX_OPEN];
        let mut n_open = level_end - level_start;
        open[..n_open].copy_from_slice(&candidates[level_start..level_end]);
        while chosen.len() < wanted && n_open > 0 {
            let best = (0..n_open)
                .min_by_key(|&i| {
                    let rater = open[i];
                    let shared: u32 = chosen.iter().map(|&c| pairs.get(c, rater)).sum();
                    let same_group = chosen
                        .iter()
                        .filter(|&&c| raters[c as usize].group.is_some() && raters[c as usize].group == raters[rater as usize].group)
                        .count();
                    (shared, same_group, i)
                })
                .expect("open is not empty");
            chosen.push(open[best]);
            open.copy_within(best + 1..n_open, best);
            n_open -= 1;
        }
        level_start = level_end;
    }
}

/// A seeded random order of `0..n`.
pub(crate) fn visit_order(n: u32, seed: u64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n).collect();
    Pcg32::new(seed, 0x0a55_1647).shuffle(&mut order);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn everyone(n: u32) -> Pools {
        Pools { members: vec![(0..n).collect()], language: vec![None] }
    }

    #[test]
    fn every_item_gets_k_distinct_raters_and_loads_differ_by_at_most_one() {
        let raters: Vec<RaterSlot> = (0..7).map(|r| RaterSlot { group: Some(r % 3), capacity: u32::MAX }).collect();
        let items = vec![ItemSlot { pool: 0, wanted: 3 }; 100];
        let coverage = assign(&items, &visit_order(100, 1), &raters, &everyone(7), 1);
        assert!(coverage.short.is_empty());
        let loads: Vec<usize> = coverage.per_rater.iter().map(Vec::len).collect();
        assert_eq!(loads.iter().sum::<usize>(), 300);
        assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{loads:?}");
        let mut per_item = vec![Vec::new(); 100];
        for (rater, items) in coverage.per_rater.iter().enumerate() {
            items.iter().for_each(|&i| per_item[i as usize].push(rater));
        }
        assert!(per_item.iter().all(|r| r.len() == 3));
        // 100 items × 3 pairs over 21 pairs: 14.3 per pair; the design keeps them close.
        let counts: Vec<u32> = (0..7).flat_map(|a| (a + 1..7).map(move |b| (a, b))).map(|(a, b)| coverage.pairs.get(a, b)).collect();
        assert!(counts.iter().max().unwrap() - counts.iter().min().unwrap() <= 4, "{counts:?}");
    }

    #[test]
    fn quotas_and_small_pools_give_shortfalls_with_reasons() {
        let raters = vec![RaterSlot { group: None, capacity: 2 }, RaterSlot { group: None, capacity: 2 }];
        let pools = Pools { members: vec![vec![0, 1], vec![0], vec![]], language: vec![None, Some("tl".into()), Some("xx".into())] };
        let items = [
            ItemSlot { pool: 0, wanted: 2 },
            ItemSlot { pool: 1, wanted: 2 },
            ItemSlot { pool: 2, wanted: 1 },
            ItemSlot { pool: 0, wanted: 2 },
            ItemSlot { pool: 0, wanted: 2 },
        ];
        let coverage = assign(&items, &[0, 1, 2, 3, 4], &raters, &pools, 3);
        assert_eq!(
            coverage.short,
            vec![
                (1, 1, CoverageReason::TooFewReaders { language: Some("tl".into()), readers: 1 }),
                (2, 0, CoverageReason::NoReader { language: "xx".into() }),
                (3, 1, CoverageReason::QuotasExhausted),
                (4, 0, CoverageReason::QuotasExhausted),
            ]
        );
    }
}
