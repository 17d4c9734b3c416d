//! Scales: the categories a criterion's ratings take, their order, their numeric values and
//! the agreement weights between them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Agreement weights between two categories (Cohen 1968; Gwet 2014, §3.3).
///
/// With `x_c` the category's value on the scale (see [`Scale`]) and `R = x_max − x_min`:
/// identity `w = [c = k]`, linear `w = 1 − |x_c − x_k| / R`, quadratic
/// `w = 1 − (x_c − x_k)² / R²`; the others are in [`weight_matrix`](super::weight_matrix).
/// A scale with one category has identity weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weights {
    /// Exact agreement only (`w = [c = k]`).
    #[default]
    None,
    /// Partial credit falling linearly with distance.
    Linear,
    /// Partial credit falling with squared distance.
    Quadratic,
    /// Gwet's ordinal weights (by position: pairs of categories between the two).
    Ordinal,
    /// Partial credit falling with the square root of the distance.
    Radical,
    /// Krippendorff's ratio distance `((x_c − x_k)/(x_c + x_k))²`, scaled to [0, 1].
    Ratio,
    /// Distance around a circle of period `U` (hours, compass points, days of the week).
    Circular,
    /// Disagreement grows towards the two poles of the scale.
    Bipolar,
    /// A user-given square matrix (`--weights-file`).
    Matrix,
}

impl Weights {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Weights::None => "none",
            Weights::Linear => "linear",
            Weights::Quadratic => "quadratic",
            Weights::Ordinal => "ordinal",
            Weights::Radical => "radical",
            Weights::Ratio => "ratio",
            Weights::Circular => "circular",
            Weights::Bipolar => "bipolar",
            Weights::Matrix => "matrix",
        }
    }

    /// Every kind of weights, in the order the CLI lists them.
    pub const ALL: [Weights; 9] = [
        Weights::None,
        Weights::Linear,
        Weights::Quadratic,
        Weights::Ordinal,
        Weights::Radical,
        Weights::Ratio,
        Weights::Circular,
        Weights::Bipolar,
        Weights::Matrix,
    ];

    /// Parses a name of [`Weights::name`] (`identity` is `none`).
    pub fn parse(text: &str) -> Option<Weights> {
        if text == "identity" {
            return Some(Weights::None);
        }
        Weights::ALL.into_iter().find(|w| w.name() == text)
    }
}

/// One category of a scale, as found in judgments or declared by the rubric.
#[derive(Clone, Debug, PartialEq)]
pub enum Category {
    /// A number (likert score or any numeric value).
    Number(f64),
    /// `true` or `false` (binary criteria).
    Bool(bool),
    /// A label (choice option, preference winner, free string).
    Label(String),
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Category::Number(value) => write!(f, "{value}"),
            Category::Bool(value) => write!(f, "{value}"),
            Category::Label(label) => f.write_str(label),
        }
    }
}

/// The ordered categories of one criterion and the number each stands for.
///
/// Category ids are positions in this scale: `0..len()`. Numeric scales (numbers and booleans,
/// `false = 0`, `true = 1`) are sorted by value and weigh by value, so a 1–5 likert scale with a
/// gap at 3 still has distance 2 between 2 and 4. Label scales keep the rubric's option order
/// (or first-seen order, then sorted, when there is no rubric) and weigh by position `1..=q`.
/// This is irrCAC's convention; scikit-learn's `cohen_kappa_score` always weighs by position
/// among the labels it sees (see docs/METRICS.md).
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    categories: Vec<Category>,
    values: Vec<f64>,
    numeric: bool,
    mixed: Option<MixedLabels>,
}

/// A criterion whose values mix numbers (or booleans) with strings, e.g. `3` and `"high"`, or
/// `3` and `"3"`: the first of each kind. Such values cannot be put on one scale without
/// silently equating or ordering them, so the coefficients are refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("values mix numbers and strings: {number} and \"{label}\"")]
pub struct MixedLabels {
    /// The first number or boolean, as JSON text.
    pub number: String,
    /// The first string.
    pub label: String,
}

impl Scale {
    /// A scale of numbers: sorted ascending, duplicates removed. Non-finite values are dropped.
    pub fn numbers(values: impl IntoIterator<Item = f64>) -> Scale {
        let mut values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).map(|v| v + 0.0).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        Scale { categories: values.iter().map(|&v| Category::Number(v)).collect(), values, numeric: true, mixed: None }
    }

    /// A scale of labels in the given order (duplicates after the first are dropped).
    pub fn labels<S: Into<String>>(labels: impl IntoIterator<Item = S>) -> Scale {
        let mut categories: Vec<Category> = Vec::new();
        for label in labels {
            let category = Category::Label(label.into());
            if !categories.contains(&category) {
                categories.push(category);
            }
        }
        let values = (1..=categories.len()).map(|p| p as f64).collect();
        Scale { categories, values, numeric: false, mixed: None }
    }

    /// Builds a scale from categories of any kind. All numbers and booleans → a numeric scale
    /// sorted by value; otherwise a label scale in the given order, with numbers and booleans
    /// turned into their JSON text.
    pub fn from_categories(categories: Vec<Category>) -> Scale {
        let numeric = categories.iter().all(|c| matches!(c, Category::Number(_) | Category::Bool(_)));
        if numeric {
            let has_number = categories.iter().any(|c| matches!(c, Category::Number(_)));
            if has_number {
                return Scale::numbers(categories.iter().map(|c| match c {
                    Category::Number(v) => *v,
                    Category::Bool(b) => f64::from(u8::from(*b)),
                    Category::Label(_) => unreachable!("checked: numeric scale"),
                }));
            }
            let mut flags: Vec<bool> = categories.iter().map(|c| matches!(c, Category::Bool(true))).collect();
            flags.sort();
            flags.dedup();
            return Scale {
                categories: flags.iter().map(|&b| Category::Bool(b)).collect(),
                values: flags.iter().map(|&b| f64::from(u8::from(b))).collect(),
                numeric: true,
                mixed: None,
            };
        }
        let number = categories.iter().find(|c| !matches!(c, Category::Label(_)));
        let label = categories.iter().find_map(|c| match c {
            Category::Label(label) => Some(label.clone()),
            _ => None,
        });
        let mut scale = Scale::labels(categories.iter().map(|c| c.to_string()));
        if let (Some(number), Some(label)) = (number, label) {
            scale.mixed = Some(MixedLabels { number: number.to_string(), label });
        }
        scale
    }

    /// When the categories mixed numbers and strings (see [`MixedLabels`]), which ones.
    pub fn mixed(&self) -> Option<&MixedLabels> {
        self.mixed.as_ref()
    }

    /// For a scale of strings that all read as finite numbers (`"1"`, `"2.5"`, `"10"`): the
    /// numeric scale they stand for and, for each category id here, its id there. `None` for
    /// numeric scales, mixed scales and any label that is not a number.
    ///
    /// ```
    /// use verdict_core::agreement::Scale;
    /// let text = Scale::labels(["1", "10", "2"]);
    /// let (numbers, remap) = text.parsed_numbers().unwrap();
    /// assert_eq!(numbers.values(), &[1.0, 2.0, 10.0]);
    /// assert_eq!(remap, vec![0, 2, 1]);
    /// ```
    pub fn parsed_numbers(&self) -> Option<(Scale, Vec<u32>)> {
        if self.numeric || self.mixed.is_some() || self.categories.is_empty() {
            return None;
        }
        let numbers: Vec<f64> = self
            .categories
            .iter()
            .map(|c| match c {
                Category::Label(text) => text.trim().parse::<f64>().ok().filter(|v| v.is_finite()),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let scale = Scale::numbers(numbers.iter().copied());
        let remap = numbers.iter().map(|v| scale.id_of(&Category::Number(*v)).expect("every number is on its own scale")).collect();
        Some((scale, remap))
    }

    /// Number of categories `q`.
    pub fn len(&self) -> usize {
        self.categories.len()
    }

    /// True when the scale has no category.
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
    }

    /// True for scales of numbers or booleans.
    pub fn is_numeric(&self) -> bool {
        self.numeric
    }

    /// The categories, in scale order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The value category `id` stands for (its number, 0/1, or its 1-based position).
    pub fn value(&self, id: u32) -> f64 {
        self.values[id as usize]
    }

    /// All category values, in scale order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The id of `category`, if it is on the scale (numbers compare by value, `-0 = 0`).
    pub fn id_of(&self, category: &Category) -> Option<u32> {
        match (category, self.numeric) {
            (Category::Number(v), true) => self.values.iter().position(|x| x == v).map(|p| p as u32),
            (Category::Bool(b), true) => self
                .categories
                .iter()
                .position(|c| c == &Category::Bool(*b) || c == &Category::Number(f64::from(u8::from(*b))))
                .map(|p| p as u32),
            (other, false) => {
                let text = other.to_string();
                self.categories.iter().position(|c| matches!(c, Category::Label(l) if *l == text)).map(|p| p as u32)
            }
            (Category::Label(_), true) => None,
        }
    }

    /// The agreement weight between categories `c` and `k` (see [`Weights`]). Weights other
    /// than identity, linear and quadratic build the whole matrix: use [`Scale::weight_matrix`].
    pub fn weight(&self, weights: Weights, c: u32, k: u32) -> f64 {
        if c == k {
            return 1.0;
        }
        let range = self.range();
        if weights == Weights::None || range <= 0.0 {
            return 0.0;
        }
        let distance = (self.value(c) - self.value(k)).abs() / range;
        match weights {
            Weights::None => 0.0,
            Weights::Linear => 1.0 - distance,
            Weights::Quadratic => 1.0 - distance * distance,
            _ => self.weight_matrix(weights)[c as usize * self.len() + k as usize],
        }
    }

    /// The full `q × q` weight matrix, row-major, with the default circular period. Weights that
    /// cannot be built without more (a user matrix, ratio weights on a non-positive value) give
    /// identity weights here; [`weight_matrix`](super::weight_matrix) says why instead.
    pub fn weight_matrix(&self, weights: Weights) -> Vec<f64> {
        match weights {
            Weights::None | Weights::Linear | Weights::Quadratic => {
                let q = self.len() as u32;
                (0..q).flat_map(|c| (0..q).map(move |k| (c, k))).map(|(c, k)| self.weight(weights, c, k)).collect()
            }
            _ => super::weights::weight_matrix(self, weights, &super::weights::WeightParameters::default())
                .unwrap_or_else(|_| self.weight_matrix(Weights::None)),
        }
    }

    fn range(&self) -> f64 {
        match (self.values.first(), self.values.last()) {
            (Some(first), Some(last)) => {
                let (low, high) = self.values.iter().fold((*first, *last), |(lo, hi), &v| (lo.min(v), hi.max(v)));
                high - low
            }
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_scales_weigh_by_value_and_labels_by_position() {
        let scale = Scale::numbers([1.0, 2.0, 5.0]);
        assert!((scale.weight(Weights::Linear, 0, 1) - 0.75).abs() < 1e-15);
        assert!((scale.weight(Weights::Quadratic, 1, 2) - (1.0 - 9.0 / 16.0)).abs() < 1e-15);
        let labels = Scale::labels(["low", "mid", "high"]);
        assert!((labels.weight(Weights::Linear, 0, 1) - 0.5).abs() < 1e-15);
        assert_eq!(labels.weight(Weights::None, 0, 1), 0.0);
    }

    #[test]
    fn mixed_categories_become_labels_and_booleans_stay_numeric() {
        let scale = Scale::from_categories(vec![Category::Label("x".into()), Category::Number(2.0)]);
        assert!(!scale.is_numeric());
        assert_eq!(scale.mixed(), Some(&MixedLabels { number: "2".into(), label: "x".into() }));
        assert_eq!(scale.mixed().unwrap().to_string(), "values mix numbers and strings: 2 and \"x\"");
        assert_eq!(Scale::from_categories(vec![Category::Label("x".into())]).mixed(), None);
        assert_eq!(scale.id_of(&Category::Number(2.0)), Some(1));
        let flags = Scale::from_categories(vec![Category::Bool(true), Category::Bool(false)]);
        assert_eq!(flags.values(), &[0.0, 1.0]);
        assert_eq!(flags.id_of(&Category::Bool(true)), Some(1));
    }
}
