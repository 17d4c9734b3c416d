//! Per-annotator display order of outputs, counterbalanced across the annotator's items.
//!
//! Coin flips balance positions only on average; with 30 items a model can easily sit on the
//! left 20 times. Here each item's order is the cyclic rotation (of a seeded shuffle of its
//! outputs) that least repeats positions each model already had, so across an annotator's
//! items every model appears in every position equally often, ±1, when items share their
//! models. The order depends only on (annotator, seed text, the items' model lists in file
//! order), so it is stable across reloads and identical in the CLI and the browser.

use crate::intern::FxMap;
use crate::rng::{seed_from_text, Pcg32};

/// Computes the display order for each item: `orders[i][p]` is the index (into item `i`'s
/// outputs) of the output shown at position `p`.
///
/// `models[i]` lists item `i`'s model ids in file order. With `randomize` false the file
/// order is kept. `seed_text` should identify the annotator and the task file.
pub fn display_orders(models: &[Vec<&str>], seed_text: &str, randomize: bool) -> Vec<Vec<u32>> {
    let mut balancer = Balancer::new(seed_text);
    models
        .iter()
        .map(|item_models| if randomize { balancer.next_order(item_models) } else { (0..item_models.len() as u32).collect() })
        .collect()
}

/// Incremental form of [`display_orders`], for items that arrive while a file is still loading.
///
/// Model names are interned once: the per-item work is a few small-integer look-ups (a campaign
/// plan computes a million orders), and the orders are the same as when names were compared
/// as strings (`stability::orders_stay_what_they_were`).
#[derive(Clone, Debug)]
pub struct Balancer {
    rng: Pcg32,
    /// Model names by id, and ids by name.
    names: Vec<String>,
    ids: FxMap<String, u32>,
    /// `(model id, position) → times shown there so far` (looked up only, never iterated).
    counts: FxMap<(u32, u32), u32>,
    /// Current base order per set of models (key: the model ids in name order).
    bases: FxMap<Vec<u32>, Vec<u32>>,
}

impl Balancer {
    /// A balancer seeded from `seed_text` (e.g. `"{annotator}\n{task_sha256}"`).
    pub fn new(seed_text: &str) -> Self {
        Balancer {
            rng: Pcg32::new(seed_from_text(seed_text), 0x5eed),
            names: Vec::new(),
            ids: FxMap::default(),
            counts: FxMap::default(),
            bases: FxMap::default(),
        }
    }

    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// The order for the next item with outputs by `models`, updating the position counts.
    ///
    /// Items with the same set of models cycle through the rotations of a seeded base order
    /// (a Latin square: every block of n such items puts each model in each position once);
    /// a fresh base is drawn whenever all rotations are equally used, so neighbours vary too.
    pub fn next_order(&mut self, models: &[&str]) -> Vec<u32> {
        let n = models.len();
        if n < 2 {
            return (0..n as u32).collect();
        }
        let item: Vec<u32> = models.iter().map(|m| self.id(m)).collect();
        let mut key = item.clone();
        key.sort_unstable_by(|a, b| self.names[*a as usize].cmp(&self.names[*b as usize]));
        let base = match self.bases.get(&key) {
            Some(base) => base.clone(),
            None => self.fresh_base(&key),
        };
        let mut costs = self.rotation_costs(&base);
        let base = if costs.iter().all(|&c| c == costs[0]) {
            let fresh = self.fresh_base(&key);
            costs = self.rotation_costs(&fresh);
            fresh
        } else {
            base
        };
        let least = *costs.iter().min().expect("an item with two or more outputs has rotations");
        let candidates: Vec<usize> = (0..n).filter(|&shift| costs[shift] == least).collect();
        let shift = candidates[self.rng.below(candidates.len() as u32) as usize];
        let shown: Vec<u32> = (0..n).map(|position| base[(position + shift) % n]).collect();
        for (position, &model) in shown.iter().enumerate() {
            *self.counts.entry((model, position as u32)).or_default() += 1;
        }
        shown.iter().map(|model| item.iter().position(|m| m == model).expect("the base holds the item's own models") as u32).collect()
    }

    fn fresh_base(&mut self, key: &[u32]) -> Vec<u32> {
        let mut base = key.to_vec();
        self.rng.shuffle(&mut base);
        self.bases.insert(key.to_vec(), base.clone());
        base
    }

    /// For each rotation of `base`: how often its models already sat where it would put them.
    fn rotation_costs(&self, base: &[u32]) -> Vec<u32> {
        let n = base.len();
        (0..n)
            .map(|shift| {
                (0..n).map(|position| self.counts.get(&(base[(position + shift) % n], position as u32)).copied().unwrap_or(0)).sum()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position_counts(models: &[Vec<&str>], orders: &[Vec<u32>]) -> std::collections::BTreeMap<(String, usize), u32> {
        let mut counts = std::collections::BTreeMap::new();
        for (item_models, order) in models.iter().zip(orders) {
            for (position, &output) in order.iter().enumerate() {
                *counts.entry((item_models[output as usize].to_owned(), position)).or_insert(0) += 1;
            }
        }
        counts
    }

    #[test]
    fn pairs_are_balanced_within_one_for_every_annotator() {
        let models: Vec<Vec<&str>> = (0..31).map(|_| vec!["gpt-4", "gpt-4-0125-preview"]).collect();
        for annotator in ["ann-1", "ann-2", "ann-042", "x"] {
            let orders = display_orders(&models, annotator, true);
            let counts = position_counts(&models, &orders);
            for model in ["gpt-4", "gpt-4-0125-preview"] {
                let left = counts.get(&(model.to_owned(), 0)).copied().unwrap_or(0);
                let right = counts.get(&(model.to_owned(), 1)).copied().unwrap_or(0);
                assert!(left.abs_diff(right) <= 1, "{annotator} {model}: {left} vs {right}");
            }
        }
    }

    #[test]
    fn four_way_items_put_each_model_in_each_position_equally() {
        let models: Vec<Vec<&str>> = (0..40).map(|_| vec!["a", "b", "c", "d"]).collect();
        let orders = display_orders(&models, "ann", true);
        let counts = position_counts(&models, &orders);
        assert!(counts.values().all(|&n| n == 10), "{counts:?}");
    }

    #[test]
    fn orders_are_permutations_stable_per_seed_and_differ_between_annotators() {
        let models: Vec<Vec<&str>> = (0..20).map(|i| if i % 3 == 0 { vec!["a", "b", "c"] } else { vec!["a", "b"] }).collect();
        let first = display_orders(&models, "ann-1", true);
        assert_eq!(first, display_orders(&models, "ann-1", true));
        assert_ne!(first, display_orders(&models, "ann-2", true));
        for (order, item_models) in first.iter().zip(&models) {
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..item_models.len() as u32).collect::<Vec<_>>());
        }
    }

    #[test]
    fn without_randomize_the_file_order_is_kept() {
        let models = vec![vec!["a", "b"], vec!["c", "d", "e"]];
        assert_eq!(display_orders(&models, "ann", false), vec![vec![0, 1], vec![0, 1, 2]]);
    }
}

#[cfg(test)]
mod stability {
    use super::*;

    /// Display orders are part of an evaluation: an annotator reopening it must see the orders
    /// they were given. This pins the orders of a varied sequence (2-, 3- and 4-way items, model
    /// sets that overlap) to the value the balancer gave when it was written (2026-12-04).
    #[test]
    fn orders_stay_what_they_were() {
        let pool = ["m-a", "m-b", "m-c", "m-d", "m-e"];
        let mut rng = Pcg32::new(7, 1);
        let mut balancer = Balancer::new("ann-001\nsha");
        let mut digest = String::new();
        for _ in 0..2_000 {
            let n = 2 + rng.below(3) as usize;
            let mut models: Vec<&str> = pool.to_vec();
            rng.shuffle(&mut models);
            models.truncate(n);
            let order = balancer.next_order(&models);
            digest.push_str(&format!("{order:?};"));
        }
        assert_eq!(crate::digest::sha256_hex(digest.as_bytes()), "9daabed510f0d469b74b932f1b5066dab88cd6f52c1bdd64f138cae6e25399aa");
    }
}
