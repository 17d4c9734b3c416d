//! Per-annotator and per-group quality: how much each annotator agrees with the others, how
//! often they match gold, and agreement within each site or vendor group. The web app's quality
//! dashboard and `verdict agree --group-by` call these.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use super::cohen;
use super::collect::{CriterionRatings, Dataset, PREFERENCE};
use super::krippendorff;
use super::ratings::{Patterns, Ratings};
use super::scale::{Category, Weights};
use super::{evaluate, resolve_level, AgreementResult, Level, Options};
use crate::task::Task;

/// One annotator's quality on one criterion.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatorQuality {
    /// Criterion id.
    pub criterion: String,
    /// Annotator id.
    pub annotator: String,
    /// The annotator's group, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Ratings the annotator gave on this criterion.
    pub n_ratings: u64,
    /// Krippendorff's alpha with everyone.
    pub alpha_with: Option<f64>,
    /// Krippendorff's alpha without this annotator.
    pub alpha_without: Option<f64>,
    /// `alpha_with − alpha_without`: negative when this annotator lowers agreement.
    pub alpha_delta: Option<f64>,
    /// Mean of the defined Cohen's kappas with each annotator sharing a unit.
    pub mean_cohen_kappa: Option<f64>,
    /// How many pairwise kappas were defined and averaged.
    pub n_kappa_pairs: u32,
    /// Share of the annotator's ratings equal to gold, over units with gold.
    pub gold_accuracy: Option<f64>,
    /// Ratings compared with gold.
    pub n_gold: u64,
}

/// Gold answers of a task file, looked up by item id.
#[derive(Clone, Debug, Default)]
pub struct GoldIndex {
    by_item: HashMap<String, (Option<String>, serde_json::Map<String, Value>)>,
}

impl GoldIndex {
    /// Indexes `tasks`' `gold.preference` and `gold.scores`.
    pub fn new(tasks: &[Task]) -> GoldIndex {
        let by_item = tasks
            .iter()
            .filter_map(|task| task.gold.as_ref().map(|gold| (task.id.clone(), (gold.preference.clone(), gold.scores.clone()))))
            .collect();
        GoldIndex { by_item }
    }

    /// The gold category of each unit of `criterion` (`None`: no gold, or off the scale).
    pub fn unit_categories(&self, criterion: &CriterionRatings, dataset: &Dataset) -> Vec<Option<u32>> {
        let scale = criterion.ratings.scale();
        let category = |value: &Value| -> Option<Category> {
            match value {
                Value::Number(n) => n.as_f64().map(Category::Number),
                Value::Bool(b) => Some(Category::Bool(*b)),
                Value::String(s) => Some(Category::Label(s.clone())),
                _ => None,
            }
        };
        criterion
            .units
            .iter()
            .map(|unit| {
                let (preference, scores) = self.by_item.get(&dataset.items[unit.item as usize])?;
                let gold = if criterion.id == PREFERENCE && unit.model.is_none() {
                    Category::Label(preference.clone()?)
                } else {
                    let value = scores.get(&criterion.id)?;
                    match (unit.model, value) {
                        (Some(model), Value::Object(per_output)) => category(per_output.get(&dataset.models[model as usize])?)?,
                        (None, value) => category(value)?,
                        _ => return None,
                    }
                };
                scale.id_of(&gold)
            })
            .collect()
    }
}

/// Agreement of each annotator with the others on one criterion, and accuracy against gold.
/// Annotators are listed in first-seen order; those without a rating on the criterion are left
/// out. Cost: one alpha per annotator (`O(annotators × ratings)`).
pub fn per_annotator(
    criterion: &CriterionRatings,
    dataset: &Dataset,
    level: Level,
    weights: Weights,
    gold: Option<&GoldIndex>,
) -> Vec<AnnotatorQuality> {
    let ratings = &criterion.ratings;
    let scale = ratings.scale();
    let q = scale.len();
    let full_alpha = |ratings: &Ratings| {
        let patterns = Patterns::new(ratings);
        krippendorff::evaluate(&patterns, &patterns.weight, ratings.scale(), level).value
    };
    let alpha_with = full_alpha(ratings);
    let gold_units = gold.map(|g| g.unit_categories(criterion, dataset));
    let n_annotators = ratings.n_annotators() as usize;
    // Which units each annotator rated, so everything below touches only those units.
    let mut units_of: Vec<Vec<u32>> = vec![Vec::new(); n_annotators];
    for (unit_index, unit) in ratings.units().enumerate() {
        for &(a, _) in unit {
            units_of[a as usize].push(unit_index as u32);
        }
    }
    // "Alpha without a": the coincidence matrix minus a's units plus those units without a —
    // O(q²) per annotator instead of recomputing alpha from all ratings (large scales fall back).
    let incremental = q <= 256;
    let mut coincidences = vec![0.0; if incremental { q * q } else { 0 }];
    let mut categories: Vec<u32> = Vec::new();
    if incremental {
        for unit in ratings.units() {
            categories.clear();
            categories.extend(unit.iter().map(|r| r.1));
            krippendorff::add_unit(&mut coincidences, q, &categories, 1.0);
        }
    }
    let mut out = Vec::new();
    for annotator in 0..n_annotators as u32 {
        let units = &units_of[annotator as usize];
        if units.is_empty() {
            continue;
        }
        let alpha_without = if incremental {
            let mut without = coincidences.clone();
            for &u in units {
                let unit = ratings.unit(u as usize);
                categories.clear();
                categories.extend(unit.iter().map(|r| r.1));
                krippendorff::add_unit(&mut without, q, &categories, -1.0);
                categories.clear();
                categories.extend(unit.iter().filter(|r| r.0 != annotator).map(|r| r.1));
                krippendorff::add_unit(&mut without, q, &categories, 1.0);
            }
            krippendorff::from_coincidences(&without, scale, level)
        } else {
            full_alpha(&ratings.filter_annotators(|a| a != annotator))
        };
        // Contingency tables with every partner, then one Cohen's kappa per partner.
        let mut tables: BTreeMap<u32, Vec<f64>> = BTreeMap::new();
        let (mut hits, mut n_gold) = (0u64, 0u64);
        for &u in units {
            let unit = ratings.unit(u as usize);
            let mine = unit.iter().find(|r| r.0 == annotator).map(|r| r.1).expect("the unit lists this annotator");
            if let Some(gold) = gold_units.as_ref().and_then(|g| g[u as usize]) {
                hits += u64::from(gold == mine);
                n_gold += 1;
            }
            for &(partner, theirs) in unit.iter().filter(|r| r.0 != annotator) {
                tables.entry(partner).or_insert_with(|| vec![0.0; q * q])[mine as usize * q + theirs as usize] += 1.0;
            }
        }
        let kappas: Vec<f64> = tables.values().filter_map(|table| cohen::from_table(table, scale, weights).kappa).collect();
        out.push(AnnotatorQuality {
            criterion: criterion.id.clone(),
            annotator: dataset.annotators[annotator as usize].clone(),
            group: dataset.annotator_group.get(annotator as usize).copied().flatten().map(|g| dataset.groups[g as usize].clone()),
            n_ratings: units.len() as u64,
            alpha_with,
            alpha_without,
            alpha_delta: alpha_with.zip(alpha_without).map(|(with, without)| with - without),
            mean_cohen_kappa: (!kappas.is_empty()).then(|| kappas.iter().sum::<f64>() / kappas.len() as f64),
            n_kappa_pairs: kappas.len() as u32,
            gold_accuracy: (n_gold > 0).then(|| hits as f64 / n_gold as f64),
            n_gold,
        });
    }
    out
}

/// `options.metrics` within each group (site or vendor) of annotators: each result carries its
/// `group`. Annotators without a group are left out. Groups in first-seen order.
pub fn per_group(criterion: &CriterionRatings, dataset: &Dataset, level: Option<Level>, options: &Options) -> Vec<AgreementResult> {
    let (level, source) = resolve_level(criterion, level);
    let mut results = Vec::new();
    for (group_id, group) in dataset.groups.iter().enumerate() {
        let in_group = |a: u32| dataset.annotator_group.get(a as usize).copied().flatten() == Some(group_id as u32);
        let ratings = criterion.ratings.filter_annotators(in_group);
        if ratings.n_ratings() == 0 {
            continue;
        }
        let mut rows = evaluate(&criterion.id, &ratings, level, source, options);
        for row in &mut rows {
            row.group = Some(group.clone());
        }
        results.extend(rows);
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::collect::{CollectOptions, Collector};
    use crate::rng::Pcg32;

    /// Alpha without each annotator, computed incrementally, equals alpha recomputed from scratch
    /// on the remaining ratings (tolerance 1e-9), at every level.
    #[test]
    fn incremental_alpha_without_equals_recomputing() {
        let mut rng = Pcg32::new(11, 5);
        let mut collector = Collector::new(CollectOptions::default());
        for item in 0..60 {
            for rater in 0..6 {
                if rng.unit_f64() < 0.3 {
                    continue;
                }
                let score = 1 + rng.below(5);
                collector.add_line(
                    "t",
                    1,
                    &format!(r#"{{"schema":"verdict/judgment@1","item_id":"i{item}","annotator":"r{rater}","scores":{{"q":{score}}}}}"#),
                );
            }
        }
        let dataset = collector.finish();
        let criterion = dataset.criterion("q").unwrap();
        for level in [Level::Nominal, Level::Ordinal, Level::Interval, Level::Ratio] {
            for row in per_annotator(criterion, &dataset, level, Weights::None, None) {
                let annotator = dataset.annotators.iter().position(|a| *a == row.annotator).unwrap() as u32;
                let rest = criterion.ratings.filter_annotators(|a| a != annotator);
                let patterns = Patterns::new(&rest);
                let expected = krippendorff::evaluate(&patterns, &patterns.weight, rest.scale(), level).value.unwrap();
                let got = row.alpha_without.unwrap();
                assert!((got - expected).abs() < 1e-9, "{level:?} {}: {got} vs {expected}", row.annotator);
            }
        }
    }
}
