//! Label aggregation: from many annotators' labels per item to one label per item with a posterior
//! over the labels, and a skill or confusion matrix per annotator.
//!
//! Every method has the same shape (as Toloka's crowd-kit): [`aggregate`] takes a [`LabelTable`]
//! (dense ids for items, annotators and labels, one row per label given) and returns an
//! [`Aggregation`]. Methods: majority vote and Wawa ([`majority`]), Dawid–Skene and its one-coin
//! variant ([`dawid_skene`]), GLAD ([`glad`]) and MACE ([`mace`]). Formulas, references and where
//! Verdict differs from crowd-kit are in `docs/METRICS.md` ("Label aggregation") and on each module.
//!
//! Ties: wherever a label is chosen by the largest score (vote count, weighted vote, posterior),
//! equal scores go to the first label in the table's label order ([`LabelValue`] order: `false`
//! before `true`, numbers ascending, text in byte order) — what crowd-kit's `idxmax` over its
//! sorted label columns does. Nothing random decides a tie.

pub mod collect;
pub mod dawid_skene;
pub mod glad;
pub mod labels;
pub mod mace;
pub mod majority;
mod table;

pub use labels::{label_table, LabelSource, PREFERENCE};
pub use table::{LabelTable, LabelValue, TableError};

/// Most iterations any EM method may be asked for.
pub const MAX_ITERATIONS: u32 = 100_000;
/// Most cells (annotators × labels × labels) a confusion-matrix method may hold.
pub const MAX_CONFUSION_CELLS: u64 = 200_000_000;

/// An aggregation method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Majority vote; annotator skill = share of their labels equal to the majority label.
    Majority,
    /// Worker agreement with aggregate: a vote weighted by each annotator's majority-vote skill.
    Wawa,
    /// Dawid–Skene (1979): a full confusion matrix per annotator, fitted by EM.
    DawidSkene,
    /// One-coin Dawid–Skene: one accuracy per annotator, errors spread evenly.
    OneCoin,
    /// GLAD (Whitehill et al. 2009): annotator ability and item difficulty.
    Glad,
    /// MACE (Hovy et al. 2013): each annotator knows the answer or spams by a strategy.
    Mace,
}

impl Method {
    /// Every method, in the order the CLI lists them.
    pub const ALL: [Method; 6] = [Method::Majority, Method::Wawa, Method::DawidSkene, Method::OneCoin, Method::Glad, Method::Mace];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Method::Majority => "majority",
            Method::Wawa => "wawa",
            Method::DawidSkene => "dawid_skene",
            Method::OneCoin => "one_coin",
            Method::Glad => "glad",
            Method::Mace => "mace",
        }
    }

    /// The method with this name.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|method| method.name() == name)
    }
}

/// How MACE draws its starting parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum MaceInit {
    /// Uniform(1, 1 + 0.5) draws from `Pcg32` seeded by `seed`, fresh draws for each restart.
    Seeded {
        /// The seed.
        seed: u64,
    },
    /// Given starting values (before row normalisation), the same for every restart:
    /// `spamming` is annotators × 2, `thetas` annotators × labels, both row-major.
    Given {
        /// Per annotator: (spam weight, knowing weight).
        spamming: Vec<f64>,
        /// Per annotator and label: the spamming strategy weight.
        thetas: Vec<f64>,
    },
}

/// Settings of the iterative methods; each method reads the ones it uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Most EM iterations (crowd-kit: 100 for Dawid–Skene and GLAD, 50 for MACE).
    pub max_iter: Option<u32>,
    /// Stop when the objective per label rises by less than this (crowd-kit: 1e-5).
    pub tol: f64,
    /// MACE restarts (crowd-kit: 10).
    pub restarts: u32,
    /// MACE starting values.
    pub mace_init: MaceInit,
    /// MACE: variational Bayes M-step (crowd-kit's default) instead of smoothed EM.
    pub mace_variational: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_iter: None, tol: 1e-5, restarts: 10, mace_init: MaceInit::Seeded { seed: 0 }, mace_variational: true }
    }
}

/// What each annotator's quality is, per method.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotatorQuality {
    /// One number per annotator (accuracy, ability, competence).
    Skill(Vec<f64>),
    /// Per annotator a labels × labels matrix, row-major `[true][observed]`: the probability of
    /// giving `observed` when the truth is `true`.
    Confusion(Vec<f64>),
}

/// The result of one aggregation.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregation {
    /// The method that produced it.
    pub method: Method,
    /// Per item (table order), the index of the chosen label.
    pub labels: Vec<u32>,
    /// Per item, the posterior over the table's labels (items × labels, row-major; rows sum to 1).
    pub posteriors: Vec<f64>,
    /// Per annotator (table order), a skill or a confusion matrix.
    pub quality: AnnotatorQuality,
    /// EM iterations run (0 for the voting methods).
    pub iterations: u32,
    /// Whether the stopping criterion was met before `max_iter` (true for voting methods).
    pub converged: bool,
}

impl Aggregation {
    /// The posterior of item `item` (one value per label).
    pub fn posterior(&self, item: usize) -> &[f64] {
        let n_labels = self.posteriors.len() / self.labels.len().max(1);
        &self.posteriors[item * n_labels..(item + 1) * n_labels]
    }
}

/// Why an aggregation could not run.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AggregateError {
    /// The table has no labels.
    #[error("no labels to aggregate")]
    Empty,
    /// `max_iter` above [`MAX_ITERATIONS`].
    #[error("at most {limit} iterations, {requested} asked")]
    TooManyIterations {
        /// Asked for.
        requested: u32,
        /// The limit.
        limit: u32,
    },
    /// The tolerance is negative or not finite.
    #[error("tolerance must be a finite number ≥ 0, got {0}")]
    BadTolerance(f64),
    /// Confusion matrices would exceed [`MAX_CONFUSION_CELLS`].
    #[error("{annotators} annotators × {labels}² labels exceed {limit} cells")]
    TooLarge {
        /// Annotators.
        annotators: u64,
        /// Labels.
        labels: u64,
        /// The limit.
        limit: u64,
    },
    /// Given MACE starting values of the wrong shape.
    #[error("MACE starting values must be annotators × 2 and annotators × labels")]
    BadInit,
}

/// Aggregates the table's labels with `method`.
pub fn aggregate(table: &LabelTable, method: Method, options: &Options) -> Result<Aggregation, AggregateError> {
    if table.rows.is_empty() {
        return Err(AggregateError::Empty);
    }
    if let Some(requested) = options.max_iter {
        if requested > MAX_ITERATIONS {
            return Err(AggregateError::TooManyIterations { requested, limit: MAX_ITERATIONS });
        }
    }
    if !options.tol.is_finite() || options.tol < 0.0 {
        return Err(AggregateError::BadTolerance(options.tol));
    }
    let (annotators, labels) = (table.annotators.len() as u64, table.labels.len() as u64);
    if annotators * labels * labels > MAX_CONFUSION_CELLS {
        return Err(AggregateError::TooLarge { annotators, labels, limit: MAX_CONFUSION_CELLS });
    }
    if table.labels.len() == 1 {
        return Ok(single_label(table, method));
    }
    Ok(match method {
        Method::Majority => majority::majority_vote(table),
        Method::Wawa => majority::wawa(table),
        Method::DawidSkene => dawid_skene::dawid_skene(table, options.max_iter.unwrap_or(100), options.tol),
        Method::OneCoin => dawid_skene::one_coin(table, options.max_iter.unwrap_or(100), options.tol),
        Method::Glad => glad::glad(table, options.max_iter.unwrap_or(100), options.tol),
        Method::Mace => mace::mace(table, options)?,
    })
}

/// With one label in the data every item gets it with certainty and every annotator is perfect
/// (crowd-kit divides by `labels - 1` here and returns NaN for one-coin, GLAD and MACE).
fn single_label(table: &LabelTable, method: Method) -> Aggregation {
    let quality = match method {
        Method::DawidSkene => AnnotatorQuality::Confusion(vec![1.0; table.annotators.len()]),
        _ => AnnotatorQuality::Skill(vec![1.0; table.annotators.len()]),
    };
    Aggregation {
        method,
        labels: vec![0; table.items.len()],
        posteriors: vec![1.0; table.items.len()],
        quality,
        iterations: 0,
        converged: true,
    }
}

/// The index of the largest value, the first on ties (see the module's tie policy).
pub(crate) fn first_argmax(values: &[f64]) -> u32 {
    let mut best = 0;
    for (index, &value) in values.iter().enumerate() {
        if value > values[best] {
            best = index;
        }
    }
    best as u32
}

/// Per annotator, the share of their labels equal to the chosen label of the item.
pub(crate) fn accuracy_against(table: &LabelTable, labels: &[u32]) -> Vec<f64> {
    let mut matches = vec![0u64; table.annotators.len()];
    let mut totals = vec![0u64; table.annotators.len()];
    for row in &table.rows {
        totals[row.annotator as usize] += 1;
        matches[row.annotator as usize] += u64::from(labels[row.item as usize] == row.label);
    }
    matches.iter().zip(&totals).map(|(&hit, &total)| hit as f64 / total as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(&str, &str, &str)]) -> LabelTable {
        LabelTable::build(rows.iter().map(|&(item, annotator, label)| (item, annotator, LabelValue::Text(label.to_string())))).unwrap()
    }

    #[test]
    fn every_method_gives_posteriors_that_sum_to_one_and_skills_per_annotator() {
        let table = table(&[("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y"), ("t2", "a", "y"), ("t2", "b", "y"), ("t2", "c", "y")]);
        for method in Method::ALL {
            let result = aggregate(&table, method, &Options { restarts: 2, ..Options::default() }).unwrap();
            assert_eq!(result.labels, vec![0, 1], "{method:?}");
            for item in 0..2 {
                let sum: f64 = result.posterior(item).iter().sum();
                assert!((sum - 1.0).abs() < 1e-9, "{method:?} sums to {sum}");
            }
            match &result.quality {
                AnnotatorQuality::Skill(skills) => assert_eq!(skills.len(), 3),
                AnnotatorQuality::Confusion(cells) => assert_eq!(cells.len(), 3 * 4),
            }
        }
    }

    #[test]
    fn limits_and_empty_input_are_errors() {
        let empty = LabelTable::build(std::iter::empty::<(&str, &str, LabelValue)>()).unwrap();
        assert_eq!(aggregate(&empty, Method::Majority, &Options::default()), Err(AggregateError::Empty));
        let table = table(&[("t1", "a", "x"), ("t1", "b", "y")]);
        let options = Options { max_iter: Some(MAX_ITERATIONS + 1), ..Options::default() };
        assert!(matches!(aggregate(&table, Method::DawidSkene, &options), Err(AggregateError::TooManyIterations { .. })));
        let options = Options { tol: f64::NAN, ..Options::default() };
        assert!(matches!(aggregate(&table, Method::Glad, &options), Err(AggregateError::BadTolerance(_))));
    }

    #[test]
    fn one_label_is_certain_for_every_method() {
        let table = table(&[("t1", "a", "x"), ("t2", "b", "x")]);
        for method in Method::ALL {
            let result = aggregate(&table, method, &Options::default()).unwrap();
            assert_eq!(result.posteriors, vec![1.0, 1.0]);
        }
    }

    #[test]
    fn method_names_round_trip() {
        for method in Method::ALL {
            assert_eq!(Method::from_name(method.name()), Some(method));
        }
        assert_eq!(Method::from_name("bogus"), None);
    }
}
