//! Agreement partials (docs/SCALE.md): what agreement needs from one part of the data, taken
//! from the collector's [`Dataset`] and turned back into one. Per criterion and unit (an item, or
//! an (item, model) pair) the ratings with their annotator, plus the annotators' groups and the
//! scales: enough for every coefficient (the multiset-only ones — percent agreement, Fleiss,
//! Scott, Gwet, Brennan–Prediger, Krippendorff — ignore the annotator; Cohen, Conger, PABAK,
//! the ICCs and per-annotator quality need it) and for the item bootstrap.
//!
//! Merging keeps the order of the parts: names, units and categories are taken in part order,
//! each part in its own (first-seen) order, so parts that are consecutive pieces of the input
//! merge into exactly the dataset of the whole run — same unit order, hence the same bootstrap
//! for a given seed. Each (item, annotator) must live in one part (the identity rule is applied
//! within a part).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::collect::{CriterionRatings, Dataset, UnitKey};
use super::ratings::Ratings;
use super::scale::{Category, Scale};
use crate::intern::NameList;
use crate::rubric::Level;

/// A rated value: a number, a boolean or a label (JSON number, boolean or string).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A label.
    Label(String),
}

impl Value {
    fn of(category: &Category) -> Value {
        match category {
            Category::Number(v) => Value::Number(*v),
            Category::Bool(b) => Value::Bool(*b),
            Category::Label(l) => Value::Label(l.clone()),
        }
    }

    fn category(&self) -> Category {
        match self {
            Value::Number(v) => Category::Number(*v),
            Value::Bool(b) => Category::Bool(*b),
            Value::Label(l) => Category::Label(l.clone()),
        }
    }
}

/// An annotator and their group (from their latest judgment naming one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotatorEntry {
    /// Annotator id.
    pub name: String,
    /// Group (site, vendor), if any judgment named one.
    pub group: Option<String>,
}

/// The ratings of one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitPartials {
    /// Item id.
    pub item: String,
    /// The model, for per-output criteria.
    pub model: Option<String>,
    /// `(annotator, value)` in reading order.
    pub ratings: Vec<(String, Value)>,
}

/// One criterion's partials.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionPartials {
    /// Criterion id.
    pub id: String,
    /// Units are (item, model) pairs.
    pub per_output: bool,
    /// The level the rubric declares.
    pub declared_level: Option<Level>,
    /// The scale's categories (declared ones included even when unused).
    pub scale: Vec<Value>,
    /// When the values mix numbers and strings: the first number, as text (the coefficients
    /// are then refused, as in the whole run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mixed_number: Option<String>,
    /// Values that could not be used.
    pub n_skipped: u64,
    /// Values off the rubric's declared scale.
    pub n_out_of_range: u64,
    /// Units in order.
    pub units: Vec<UnitPartials>,
}

/// Agreement partials of one part of the data, or of several merged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgreementPartials {
    /// Item ids in first-seen order.
    pub items: Vec<String>,
    /// Annotators in first-seen order.
    pub annotators: Vec<AnnotatorEntry>,
    /// Model ids in first-seen order.
    pub models: Vec<String>,
    /// Criteria in the dataset's order.
    pub criteria: Vec<CriterionPartials>,
    /// Distinct judgments kept.
    pub n_judgments: u64,
    /// Judgments replaced under the identity rule.
    pub n_replaced: u64,
    /// Lines that were not judgments.
    pub n_skipped_lines: u64,
    /// Kept judgments the selection selected.
    pub n_selected: u64,
}

/// Why partials cannot be merged or finished.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// A criterion is per-output in one part and item-level in another.
    #[error("criterion \"{0}\" is per-output in one part and item-level in another")]
    Shape(String),
    /// A rating names an annotator, item or model missing from the partials' lists.
    #[error("criterion \"{criterion}\": unknown {what} \"{name}\"")]
    Unknown {
        /// The criterion.
        criterion: String,
        /// `annotator`, `item` or `model`.
        what: &'static str,
        /// The name.
        name: String,
    },
    /// A rating's value is not on the criterion's scale.
    #[error("criterion \"{criterion}\": value {value} is not on its scale")]
    OffScale {
        /// The criterion.
        criterion: String,
        /// The value, as text.
        value: String,
    },
}

impl AgreementPartials {
    /// The partials of a collected dataset.
    pub fn from_dataset(dataset: &Dataset) -> AgreementPartials {
        let name = |list: &[String], id: u32| list[id as usize].clone();
        let criteria = dataset
            .criteria
            .iter()
            .map(|criterion| {
                let scale = criterion.ratings.scale();
                let units = criterion
                    .units
                    .iter()
                    .zip(criterion.ratings.units())
                    .map(|(key, ratings)| UnitPartials {
                        item: dataset.items[key.item as usize].to_owned(),
                        model: key.model.map(|m| name(&dataset.models, m)),
                        ratings: ratings
                            .iter()
                            .map(|&(a, c)| (name(&dataset.annotators, a), Value::of(&scale.categories()[c as usize])))
                            .collect(),
                    })
                    .collect();
                CriterionPartials {
                    id: criterion.id.clone(),
                    per_output: criterion.per_output,
                    declared_level: criterion.declared_level,
                    scale: scale.categories().iter().map(Value::of).collect(),
                    mixed_number: scale.mixed().map(|m| m.number.clone()),
                    n_skipped: criterion.n_skipped,
                    n_out_of_range: criterion.n_out_of_range,
                    units,
                }
            })
            .collect();
        AgreementPartials {
            items: dataset.items.iter().map(str::to_owned).collect(),
            annotators: dataset
                .annotators
                .iter()
                .enumerate()
                .map(|(a, name)| AnnotatorEntry {
                    name: name.clone(),
                    group: dataset.annotator_group.get(a).copied().flatten().map(|g| dataset.groups[g as usize].clone()),
                })
                .collect(),
            models: dataset.models.clone(),
            criteria,
            n_judgments: dataset.n_judgments,
            n_replaced: dataset.n_replaced,
            n_skipped_lines: dataset.n_skipped_lines,
            n_selected: dataset.n_selected,
        }
    }

    /// Merges parts in order (see the module documentation for when this equals the whole run).
    pub fn merge(parts: Vec<AgreementPartials>) -> Result<AgreementPartials, MergeError> {
        let mut merged = AgreementPartials::default();
        let (mut items, mut annotators, mut models) = (Index::default(), Index::default(), Index::default());
        let mut criteria: Vec<(CriterionPartials, UnitPositions)> = Vec::new();
        for part in parts {
            for item in part.items {
                items.add(&item, &mut merged.items);
            }
            for entry in part.annotators {
                match annotators.get(&entry.name) {
                    // The latest group wins, as in the collector (later parts are later lines).
                    Some(a) => {
                        if entry.group.is_some() {
                            merged.annotators[a].group = entry.group;
                        }
                    }
                    None => {
                        annotators.0.insert(entry.name.clone(), merged.annotators.len());
                        merged.annotators.push(entry);
                    }
                }
            }
            for model in part.models {
                models.add(&model, &mut merged.models);
            }
            for criterion in part.criteria {
                let position = criteria.iter().position(|(c, _)| c.id == criterion.id);
                let Some(position) = position else {
                    let units = criterion.units.iter().enumerate().map(|(u, unit)| ((unit.item.clone(), unit.model.clone()), u)).collect();
                    criteria.push((criterion, units));
                    continue;
                };
                let (into, units) = &mut criteria[position];
                if into.per_output != criterion.per_output {
                    return Err(MergeError::Shape(criterion.id));
                }
                into.declared_level = into.declared_level.or(criterion.declared_level);
                into.n_skipped += criterion.n_skipped;
                into.n_out_of_range += criterion.n_out_of_range;
                into.mixed_number = into.mixed_number.take().or(criterion.mixed_number);
                if into.scale != criterion.scale {
                    for value in criterion.scale {
                        if !into.scale.contains(&value) {
                            into.scale.push(value);
                        }
                    }
                    // Undeclared labels are sorted (as the collector does); numbers are sorted by the scale.
                    into.scale.sort_by(|a, b| match (a, b) {
                        (Value::Label(x), Value::Label(y)) => x.cmp(y),
                        _ => std::cmp::Ordering::Equal,
                    });
                }
                for unit in criterion.units {
                    let key = (unit.item.clone(), unit.model.clone());
                    match units.get(&key) {
                        Some(&u) => {
                            for (annotator, value) in unit.ratings {
                                let ratings = &mut into.units[u].ratings;
                                match ratings.iter_mut().find(|(a, _)| *a == annotator) {
                                    Some(slot) => slot.1 = value,
                                    None => ratings.push((annotator, value)),
                                }
                            }
                        }
                        None => {
                            units.insert(key, into.units.len());
                            into.units.push(unit);
                        }
                    }
                }
            }
            merged.n_judgments += part.n_judgments;
            merged.n_replaced += part.n_replaced;
            merged.n_skipped_lines += part.n_skipped_lines;
            merged.n_selected += part.n_selected;
        }
        for (mut criterion, _) in criteria {
            if !criterion.per_output {
                // Item-level units come in item order, as in the collector.
                criterion.units.sort_by_key(|unit| items.get(&unit.item).unwrap_or(usize::MAX));
            }
            merged.criteria.push(criterion);
        }
        Ok(merged)
    }

    /// The dataset these partials stand for (no problems: they were reported when the partials
    /// were written).
    pub fn to_dataset(&self) -> Result<Dataset, MergeError> {
        let mut items = NameList::default();
        self.items.iter().for_each(|item| items.push(item));
        let item_ids = index(&self.items);
        let model_ids = index(&self.models);
        let annotator_names: Vec<String> = self.annotators.iter().map(|a| a.name.clone()).collect();
        let annotator_ids = index(&annotator_names);
        let mut groups: Vec<String> = Vec::new();
        let annotator_group = self
            .annotators
            .iter()
            .map(|a| {
                a.group.as_ref().map(|g| match groups.iter().position(|x| x == g) {
                    Some(p) => p as u32,
                    None => {
                        groups.push(g.clone());
                        groups.len() as u32 - 1
                    }
                })
            })
            .collect();
        let mut criteria = Vec::with_capacity(self.criteria.len());
        for criterion in &self.criteria {
            let unknown =
                |what: &'static str, name: &str| MergeError::Unknown { criterion: criterion.id.clone(), what, name: name.to_owned() };
            let scale = scale_of(criterion);
            let mut unit_start = vec![0u32];
            let mut ratings = Vec::new();
            let mut units = Vec::with_capacity(criterion.units.len());
            for unit in criterion.units.iter().filter(|u| !u.ratings.is_empty()) {
                let item = *item_ids.get(unit.item.as_str()).ok_or_else(|| unknown("item", &unit.item))?;
                let model = match &unit.model {
                    Some(m) => Some(*model_ids.get(m.as_str()).ok_or_else(|| unknown("model", m))?),
                    None => None,
                };
                units.push(UnitKey { item, model });
                for (annotator, value) in &unit.ratings {
                    let a = *annotator_ids.get(annotator.as_str()).ok_or_else(|| unknown("annotator", annotator))?;
                    let c = scale
                        .id_of(&value.category())
                        .ok_or_else(|| MergeError::OffScale { criterion: criterion.id.clone(), value: value.category().to_string() })?;
                    ratings.push((a, c));
                }
                unit_start.push(ratings.len() as u32);
            }
            criteria.push(CriterionRatings {
                id: criterion.id.clone(),
                per_output: criterion.per_output,
                declared_level: criterion.declared_level,
                ratings: Ratings::from_grouped(scale, self.annotators.len() as u32, unit_start, ratings),
                units,
                n_skipped: criterion.n_skipped,
                n_out_of_range: criterion.n_out_of_range,
            });
        }
        Ok(Dataset {
            items,
            annotators: annotator_names,
            annotator_group,
            groups,
            models: self.models.clone(),
            criteria,
            n_judgments: self.n_judgments,
            n_replaced: self.n_replaced,
            n_skipped_lines: self.n_skipped_lines,
            n_selected: self.n_selected,
            problems: Vec::new(),
        })
    }
}

/// The scale of a criterion's partials; a mixed scale gets its first number back so that the
/// coefficients are refused as in the whole run.
fn scale_of(criterion: &CriterionPartials) -> Scale {
    let mut categories: Vec<Category> = criterion.scale.iter().map(Value::category).collect();
    if let Some(number) = &criterion.mixed_number {
        let parsed = match number.as_str() {
            "true" => Some(Category::Bool(true)),
            "false" => Some(Category::Bool(false)),
            text => text.parse::<f64>().ok().map(Category::Number),
        };
        if let (Some(slot), Some(parsed)) = (categories.iter_mut().find(|c| c.to_string() == *number), parsed) {
            *slot = parsed;
        }
    }
    Scale::from_categories(categories)
}

/// Each unit's position in a criterion's merged units, by (item, model).
type UnitPositions = BTreeMap<(String, Option<String>), usize>;

/// Each name's position in `names`.
fn index(names: &[String]) -> BTreeMap<&str, u32> {
    names.iter().enumerate().map(|(i, n)| (n.as_str(), i as u32)).collect()
}

/// Names to their position in a list being built.
#[derive(Default)]
struct Index(BTreeMap<String, usize>);

impl Index {
    fn get(&self, name: &str) -> Option<usize> {
        self.0.get(name).copied()
    }

    /// Adds `name` to `list` unless it is there.
    fn add(&mut self, name: &str, list: &mut Vec<String>) {
        if !self.0.contains_key(name) {
            self.0.insert(name.to_owned(), self.0.len());
            list.push(name.to_owned());
        }
    }
}

#[cfg(test)]
mod tests;
