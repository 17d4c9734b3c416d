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
pub fn per_annotator(criterion: &CriterionRatings, dataset: &Dataset, level: Level, weights: Weights, gold: Option<&GoldIndex>) -> Vec<AnnotatorQuality> {
    let ratings = &criterion.ratings;
    let alpha = |ratings: &Ratings| {
        let patterns = Patterns::new(ratings);
        krippendorff::evaluate(&patterns, &patterns.weight, ratings.scale(), level).value
    };
    let alpha_with = alpha(ratings);
    let gold_units = gold.map(|g| g.unit_categories(criterion, dataset));
    let q = ratings.scale().len();
    let n_annotators = ratings.n_annotators() as usize;
    let mut n_ratings = vec![0u64; n_annotators];
    let mut gold_hits = vec![(0u64, 0u64); n_annotators];
    // Pairwise contingency tables, built in one pass over units: tables[a][b] for a ≠ b.
    let mut tables: Vec<BTreeMap<u32, Vec<f64>>> = vec![BTreeMap::new(); n_annotators];
    for (unit_index, unit) in ratings.units().enumerate() {
        for &(a, c) in unit {
            n_ratings[a as usize] += 1;
            if let Some(gold) = gold_units.as_ref().and_then(|g| g[unit_index]) {
                gold_hits[a as usize].0 += u64::from(gold == c);
                gold_hits[a as usize].1 += 1;
            }
            for &(b, k) in unit.iter().filter(|r| r.0 != a) {
                tables[a as usize].entry(b).or_insert_with(|| vec![0.0; q * q])[c as usize * q + k as usize] += 1.0;
            }
        }
    }
    let mut out = Vec::new();
    for annotator in 0..n_annotators as u32 {
        if n_ratings[annotator as usize] == 0 {
            continue;
        }
        let alpha_without = alpha(&ratings.filter_annotators(|a| a != annotator));
        let kappas: Vec<f64> = tables[annotator as usize]
            .values()
            .filter_map(|table| {
                let cells: Vec<Option<(u32, u32)>> =
                    (0..q * q).flat_map(|cell| std::iter::repeat_n(Some(((cell / q) as u32, (cell % q) as u32)), table[cell] as usize)).collect();
                cohen::evaluate(&cells, &vec![1.0; cells.len()], ratings.scale(), weights).kappa
            })
            .collect();
        let (hits, n_gold) = gold_hits[annotator as usize];
        out.push(AnnotatorQuality {
            criterion: criterion.id.clone(),
            annotator: dataset.annotators[annotator as usize].clone(),
            group: dataset.annotator_group.get(annotator as usize).copied().flatten().map(|g| dataset.groups[g as usize].clone()),
            n_ratings: n_ratings[annotator as usize],
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
