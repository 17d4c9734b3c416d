//! The ratings of one criterion in compact form: units × annotators → category id, grouped by
//! unit (compressed sparse rows). Missing ratings are simply absent.

use crate::intern::FxMap;

use super::scale::Scale;

/// One annotator's rating of one unit: `(annotator id, category id)`.
pub type Rating = (u32, u32);

/// Ratings of one criterion, grouped by unit. A unit is an item, or an (item, model) pair
/// for per-output criteria. Units with no rating are not stored; a unit rated once is kept
/// (Gwet's chance agreement counts it; pairing coefficients skip it).
#[derive(Clone, Debug, PartialEq)]
pub struct Ratings {
    scale: Scale,
    n_annotators: u32,
    unit_start: Vec<u32>,
    ratings: Vec<Rating>,
}

impl Ratings {
    /// Builds ratings from `units[u] = [(annotator, category), …]`. When a unit lists the same
    /// annotator twice, the later rating replaces the earlier one. Units left empty are dropped.
    ///
    /// Panics if a category id is not on `scale` (an internal invariant of callers).
    pub fn from_units(scale: Scale, units: impl IntoIterator<Item = Vec<Rating>>) -> Ratings {
        let mut unit_start = vec![0u32];
        let mut ratings: Vec<Rating> = Vec::new();
        let mut n_annotators = 0;
        for unit in units {
            let begin = ratings.len();
            for (annotator, category) in unit {
                assert!((category as usize) < scale.len(), "category id {category} is on the scale");
                n_annotators = n_annotators.max(annotator + 1);
                match ratings[begin..].iter_mut().find(|(a, _)| *a == annotator) {
                    Some(slot) => slot.1 = category,
                    None => ratings.push((annotator, category)),
                }
            }
            if ratings.len() > begin {
                unit_start.push(ratings.len() as u32);
            }
        }
        Ratings { scale, n_annotators, unit_start, ratings }
    }

    /// Builds ratings from a dense `units × annotators` table of numbers, `None` = missing.
    /// The scale is the distinct numbers seen (plus `extra_categories`, e.g. an unused likert
    /// point). Handy for tests and for callers holding a matrix.
    pub fn from_numbers(rows: &[Vec<Option<f64>>], extra_categories: &[f64]) -> Ratings {
        let scale = Scale::numbers(rows.iter().flatten().flatten().copied().chain(extra_categories.iter().copied()));
        let id = |v: f64| scale.values().iter().position(|&x| x == v).expect("every number is on its own scale") as u32;
        let units: Vec<Vec<Rating>> = rows
            .iter()
            .map(|row| row.iter().enumerate().filter_map(|(a, v)| v.filter(|v| v.is_finite()).map(|v| (a as u32, id(v)))).collect())
            .collect();
        Ratings::from_units(scale.clone(), units)
    }

    /// Ratings already grouped by unit: unit `u` is `ratings[unit_start[u]..unit_start[u + 1]]`,
    /// every unit non-empty, no annotator twice in a unit (callers guarantee it).
    pub(crate) fn from_grouped(scale: Scale, n_annotators: u32, unit_start: Vec<u32>, ratings: Vec<Rating>) -> Ratings {
        debug_assert!(unit_start.windows(2).all(|w| w[0] < w[1]), "units are non-empty");
        Ratings { scale, n_annotators, unit_start, ratings }
    }

    /// The scale the category ids refer to.
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// One more than the largest annotator id.
    pub fn n_annotators(&self) -> u32 {
        self.n_annotators
    }

    /// Number of annotators with at least one rating.
    pub fn n_active_annotators(&self) -> u32 {
        let mut seen = vec![false; self.n_annotators as usize];
        self.ratings.iter().for_each(|&(a, _)| seen[a as usize] = true);
        seen.iter().filter(|&&s| s).count() as u32
    }

    /// Number of units (each has at least one rating).
    pub fn n_units(&self) -> usize {
        self.unit_start.len() - 1
    }

    /// Number of ratings.
    pub fn n_ratings(&self) -> usize {
        self.ratings.len()
    }

    /// The ratings of unit `unit`.
    pub fn unit(&self, unit: usize) -> &[Rating] {
        &self.ratings[self.unit_start[unit] as usize..self.unit_start[unit + 1] as usize]
    }

    /// Iterates over units' ratings.
    pub fn units(&self) -> impl Iterator<Item = &[Rating]> + '_ {
        (0..self.n_units()).map(|u| self.unit(u))
    }

    /// The same ratings keeping only annotators for which `keep(annotator)` is true (units left
    /// empty are dropped). The scale is kept, so declared categories stay declared.
    pub fn filter_annotators(&self, keep: impl Fn(u32) -> bool) -> Ratings {
        let units = self.units().map(|unit| unit.iter().copied().filter(|&(a, _)| keep(a)).collect::<Vec<_>>());
        let mut filtered = Ratings::from_units(self.scale.clone(), units);
        filtered.n_annotators = self.n_annotators;
        filtered
    }

    /// The same ratings on another scale: category `c` becomes `remap[c]`.
    pub(crate) fn remapped(&self, scale: Scale, remap: &[u32]) -> Ratings {
        let ratings = self.ratings.iter().map(|&(a, c)| (a, remap[c as usize])).collect();
        Ratings { scale, n_annotators: self.n_annotators, unit_start: self.unit_start.clone(), ratings }
    }

    /// Units resampled: the unit list `picks` (with repeats), in that order.
    pub fn resampled(&self, picks: &[u32]) -> Ratings {
        let mut resampled = Ratings::from_units(self.scale.clone(), picks.iter().map(|&u| self.unit(u as usize).to_vec()));
        resampled.n_annotators = self.n_annotators;
        resampled
    }
}

/// Units grouped by their multiset of categories. Coefficients that ignore who gave which
/// rating (percent agreement, Fleiss, Gwet, Brennan–Prediger, Scott, Krippendorff) are sums
/// over units, so they can be evaluated once per distinct multiset with the unit count as a
/// weight. This is what makes the bootstrap cheap: a resample only changes the weights.
#[derive(Clone, Debug)]
pub(crate) struct Patterns {
    /// `(category, count)` lists of each pattern, concatenated.
    pub counts: Vec<(u32, u32)>,
    /// Offsets of each pattern in `counts` (len = patterns + 1).
    pub start: Vec<u32>,
    /// Number of ratings of each pattern (`m_u`).
    pub size: Vec<u32>,
    /// The pattern of each unit.
    pub unit_pattern: Vec<u32>,
    /// How many units have each pattern.
    pub weight: Vec<f64>,
}

impl Patterns {
    pub fn new(ratings: &Ratings) -> Patterns {
        let mut ids: FxMap<Vec<(u32, u32)>, u32> = FxMap::default();
        let mut patterns = Patterns { counts: Vec::new(), start: vec![0], size: Vec::new(), unit_pattern: Vec::new(), weight: Vec::new() };
        let mut categories: Vec<u32> = Vec::new();
        let mut key: Vec<(u32, u32)> = Vec::new();
        for unit in ratings.units() {
            categories.clear();
            categories.extend(unit.iter().map(|&(_, c)| c));
            categories.sort_unstable();
            key.clear();
            for &c in &categories {
                match key.last_mut() {
                    Some((last, n)) if *last == c => *n += 1,
                    _ => key.push((c, 1)),
                }
            }
            let id = match ids.get(key.as_slice()) {
                Some(&id) => id,
                None => {
                    let id = patterns.size.len() as u32;
                    ids.insert(key.clone(), id);
                    patterns.counts.extend_from_slice(&key);
                    patterns.start.push(patterns.counts.len() as u32);
                    patterns.size.push(categories.len() as u32);
                    patterns.weight.push(0.0);
                    id
                }
            };
            patterns.weight[id as usize] += 1.0;
            patterns.unit_pattern.push(id);
        }
        patterns
    }

    pub fn len(&self) -> usize {
        self.size.len()
    }

    pub fn pattern(&self, p: usize) -> &[(u32, u32)] {
        &self.counts[self.start[p] as usize..self.start[p + 1] as usize]
    }

    /// Pattern weights for a bootstrap resample given how often each unit was drawn.
    pub fn weights_for(&self, unit_draws: &[u32], out: &mut Vec<f64>) {
        out.clear();
        out.resize(self.len(), 0.0);
        for (unit, &draws) in unit_draws.iter().enumerate() {
            if draws > 0 {
                out[self.unit_pattern[unit] as usize] += f64::from(draws);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_rating_of_the_same_annotator_replaces_and_empty_units_drop() {
        let scale = Scale::numbers([1.0, 2.0]);
        let ratings = Ratings::from_units(scale, vec![vec![(0, 0), (1, 1), (0, 1)], vec![], vec![(2, 0)]]);
        assert_eq!(ratings.n_units(), 2);
        assert_eq!(ratings.unit(0), &[(0, 1), (1, 1)]);
        assert_eq!(ratings.n_annotators(), 3);
    }

    #[test]
    fn patterns_group_units_by_multiset() {
        let ratings = Ratings::from_numbers(&[vec![Some(1.0), Some(2.0)], vec![Some(2.0), Some(1.0)], vec![Some(1.0), None]], &[]);
        let patterns = Patterns::new(&ratings);
        assert_eq!(patterns.len(), 2);
        assert_eq!(patterns.weight, vec![2.0, 1.0]);
        assert_eq!(patterns.pattern(0), &[(0, 1), (1, 1)]);
    }
}
