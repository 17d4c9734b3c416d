//! Finishing: the identity rule applied, each criterion's scale built, ratings grouped by unit.

use super::*;
use crate::read::identity::superseded;

impl Collector {
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
pub(super) struct Grouped {
    pub(super) unit_ids: Vec<u32>,
    pub(super) unit_start: Vec<u32>,
    pub(super) ratings: Vec<(u32, u32)>,
}

/// Groups the ratings that are not `superseded` by unit, when units are non-decreasing in
/// `raw` (lines grouped by item, the usual order of exports): each unit is one run.
pub(super) fn group_runs(raw: &[Raw], superseded: &[bool], remap: &[u32]) -> Grouped {
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
pub(super) fn group_sorted(raw: &[Raw], superseded: &[bool], remap: &[u32], n_units: usize) -> Grouped {
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
