//! Inter-annotator agreement: the coefficients researchers cite, with bootstrap confidence
//! intervals, for every rubric criterion and the pairwise preference.
//!
//! Data flow: judgments → [`collect::Collector`] (streaming, one line at a time) →
//! per-criterion [`Ratings`] → [`evaluate`] → [`AgreementResult`]s. Formulas, references,
//! interpretation and edge cases of each coefficient are in `docs/METRICS.md` and on the
//! module that computes it: [`chance`](self) (percent agreement, Fleiss, Scott, Gwet,
//! Brennan–Prediger), Krippendorff's alpha, Cohen's kappa and PABAK, and the ICCs ([`IccForm`]).
//!
//! Undefined values (no variation, a single annotator, nothing pairable, empty input) are
//! `None` with a note, never NaN. Bootstrap CIs resample units with [`Pcg32`] seeded by
//! `(seed, criterion id)`, so a given seed gives the same interval in the CLI and the browser.
//!
//! Float tolerance policy for tests: 1e-9 against independent implementations computing the
//! same formula; the published examples' rounding (3 decimals) against papers.

mod chance;
mod cohen;
pub(crate) use cohen::from_table_with as cohen_from_table;
pub mod collect;
mod conger;
mod icc;
mod interpret;
pub(crate) mod krippendorff;
pub mod pairs;
pub mod partials;
mod prepare;
pub mod quality;
mod ratings;
mod scale;
pub mod scan;
pub(crate) mod shape;
/// Agreement from a contingency table or per-item category counts (`--input table|counts`).
pub mod table;
mod table_formulas;
mod weights;

use serde::{Deserialize, Serialize};

pub use collect::{CollectOptions, Collector, CriterionRatings, Dataset, UnitKey, PREFERENCE};
pub use icc::IccForm;
pub use interpret::{band, Band};
pub use ratings::{Rating, Ratings};
pub use scale::{Category, MixedLabels, Scale, Weights};
pub use weights::{weight_matrix, WeightMatrix, WeightParameters, WeightsError, WeightsFileError, MAX_WEIGHT_CATEGORIES};

use crate::rng::{seed_from_text, Pcg32};
pub use crate::rubric::Level;
use chance::Chance;
use ratings::Patterns;

/// An agreement coefficient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Share of agreeing rating pairs (weighted when weights are given).
    PercentAgreement,
    /// Cohen's kappa, exactly two annotators.
    CohenKappa,
    /// Fleiss' kappa (Gwet's form for missing ratings).
    FleissKappa,
    /// Krippendorff's alpha at the criterion's level.
    KrippendorffAlpha,
    /// Scott's pi (pooled marginals over pairable ratings).
    ScottPi,
    /// Gwet's AC1 (AC2 when weighted).
    GwetAc1,
    /// Brennan–Prediger (uniform chance agreement `1/q`).
    BrennanPrediger,
    /// Prevalence- and bias-adjusted kappa, two annotators.
    Pabak,
    /// Intraclass correlation, six Shrout–Fleiss forms.
    Icc,
    /// Conger's kappa: Cohen's kappa generalised to many annotators (per-annotator marginals).
    CongerKappa,
}

impl Metric {
    /// Every metric, in the order results are listed.
    pub const ALL: [Metric; 10] = [
        Metric::PercentAgreement,
        Metric::CohenKappa,
        Metric::FleissKappa,
        Metric::KrippendorffAlpha,
        Metric::ScottPi,
        Metric::GwetAc1,
        Metric::BrennanPrediger,
        Metric::Pabak,
        Metric::Icc,
        Metric::CongerKappa,
    ];

    /// What `verdict agree` computes without `--metric`.
    pub const DEFAULT: [Metric; 4] = [Metric::PercentAgreement, Metric::KrippendorffAlpha, Metric::FleissKappa, Metric::GwetAc1];

    /// The metric's name in the CLI and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Metric::PercentAgreement => "percent_agreement",
            Metric::CohenKappa => "cohen_kappa",
            Metric::FleissKappa => "fleiss_kappa",
            Metric::KrippendorffAlpha => "krippendorff_alpha",
            Metric::ScottPi => "scott_pi",
            Metric::GwetAc1 => "gwet_ac1",
            Metric::BrennanPrediger => "brennan_prediger",
            Metric::Pabak => "pabak",
            Metric::Icc => "icc",
            Metric::CongerKappa => "conger_kappa",
        }
    }

    /// Parses a metric name.
    pub fn parse(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether `--weights` applies (alpha uses the level instead; PABAK and ICC take none).
    pub fn takes_weights(self) -> bool {
        !matches!(self, Metric::KrippendorffAlpha | Metric::Pabak | Metric::Icc)
    }
}

/// Where a criterion's level of measurement came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// `--level` on the command line (or the caller's override).
    Flag,
    /// The rubric criterion's `level`.
    Rubric,
    /// Inferred: nominal for strings and booleans, interval for numbers.
    Inferred,
}

/// The level used for `criterion`: the override, else the rubric's, else inferred from the
/// values (nominal for strings and booleans, interval for numbers). The preference is
/// always nominal.
pub fn resolve_level(criterion: &CriterionRatings, flag: Option<Level>) -> (Level, LevelSource) {
    if criterion.id == PREFERENCE && !criterion.per_output {
        return (Level::Nominal, LevelSource::Inferred);
    }
    if let Some(level) = flag {
        return (level, LevelSource::Flag);
    }
    if let Some(level) = criterion.declared_level {
        return (level, LevelSource::Rubric);
    }
    let numbers = criterion.ratings.scale().categories().iter().any(|c| matches!(c, Category::Number(_)));
    (if numbers && criterion.ratings.scale().is_numeric() { Level::Interval } else { Level::Nominal }, LevelSource::Inferred)
}

/// What to compute.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Metrics, in output order.
    pub metrics: Vec<Metric>,
    /// Weights for the weighted coefficients.
    pub weights: Weights,
    /// What circular and matrix weights need (period, the user's matrix).
    pub weight_parameters: WeightParameters,
    /// Bootstrap resamples (0: no CI).
    pub bootstrap: u32,
    /// Bootstrap seed.
    pub seed: u64,
    /// Confidence level of the percentile interval (0.95).
    pub confidence: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            metrics: Metric::DEFAULT.to_vec(),
            weights: Weights::None,
            weight_parameters: WeightParameters::default(),
            bootstrap: 0,
            seed: 0,
            confidence: 0.95,
        }
    }
}

/// One coefficient of one criterion: `verdict agree --json`'s result object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementResult {
    /// Criterion id (`preference` for the pairwise preference).
    pub criterion: String,
    /// The group the ratings were restricted to (`--group-by group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The coefficient.
    pub metric: Metric,
    /// ICC form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<IccForm>,
    /// Level of measurement used.
    pub level: Level,
    /// Where the level came from.
    pub level_source: LevelSource,
    /// Weights used, for weighted coefficients when not `none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Weights>,
    /// The value, `None` when undefined (see `note`).
    pub value: Option<f64>,
    /// Bootstrap percentile CI, lower end.
    pub ci_low: Option<f64>,
    /// Bootstrap percentile CI, upper end.
    pub ci_high: Option<f64>,
    /// Analytic standard error (Gwet's linearisation; Fleiss, Gwet, Brennan–Prediger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub se: Option<f64>,
    /// Units that entered the computation (pairable units; shared units for two-annotator
    /// coefficients; complete items for ICC).
    pub n_items: u64,
    /// Annotators with a rating in those units.
    pub n_annotators: u32,
    /// Ratings in those units.
    pub n_ratings: u64,
    /// Interpretation band of the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// PABAK, binary scales: `|p_11 − p_00|`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prevalence_index: Option<f64>,
    /// PABAK, binary scales: `|p_10 − p_01|`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bias_index: Option<f64>,
    /// ICC: items dropped because a score was missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n_dropped_items: Option<u64>,
    /// Why the value is undefined, or a caveat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AgreementResult {
    fn new(criterion: &str, metric: Metric, level: Level, level_source: LevelSource) -> Self {
        AgreementResult {
            criterion: criterion.to_owned(),
            group: None,
            metric,
            form: None,
            level,
            level_source,
            weights: None,
            value: None,
            ci_low: None,
            ci_high: None,
            se: None,
            n_items: 0,
            n_annotators: 0,
            n_ratings: 0,
            band: None,
            prevalence_index: None,
            bias_index: None,
            n_dropped_items: None,
            note: None,
        }
    }

    fn add_note(&mut self, note: impl Into<String>) {
        let note = note.into();
        self.note = Some(match self.note.take() {
            Some(first) => format!("{first}; {note}"),
            None => note,
        });
    }
}

/// Evaluates every metric of `options` on every criterion of `dataset`.
pub fn analyze(dataset: &Dataset, level: Option<Level>, options: &Options) -> Vec<AgreementResult> {
    let mut results = Vec::new();
    for criterion in &dataset.criteria {
        let (level, source) = resolve_level(criterion, level);
        let mut rows = evaluate(&criterion.id, &criterion.ratings, level, source, options);
        if criterion.n_skipped > 0 {
            let note = format!("{} values of another shape (arrays, or not matching per-output) were skipped", criterion.n_skipped);
            rows.iter_mut().for_each(|row| row.add_note(note.clone()));
        }
        results.extend(rows);
    }
    results
}

/// Evaluates `options.metrics` on one criterion's ratings.
///
/// ```
/// use verdict_core::agreement::{evaluate, Level, LevelSource, Metric, Options, Ratings};
/// // Two annotators, four items, one disagreement.
/// let ratings = Ratings::from_numbers(&[
///     vec![Some(1.0), Some(1.0)], vec![Some(2.0), Some(2.0)],
///     vec![Some(3.0), Some(3.0)], vec![Some(1.0), Some(2.0)]], &[]);
/// let options = Options { metrics: vec![Metric::PercentAgreement, Metric::KrippendorffAlpha], ..Options::default() };
/// let results = evaluate("q", &ratings, Level::Nominal, LevelSource::Flag, &options);
/// assert!((results[0].value.unwrap() - 0.75).abs() < 1e-12);
/// assert!(results[1].value.unwrap() > 0.6);
/// ```
pub fn evaluate(criterion: &str, ratings: &Ratings, level: Level, level_source: LevelSource, options: &Options) -> Vec<AgreementResult> {
    let prepared = prepare::prepare(ratings, level, options);
    let ratings = prepared.ratings.as_ref().unwrap_or(ratings);
    let mut results = Vec::new();
    let mut patterns: Option<Patterns> = None;
    for &metric in &options.metrics {
        let mut result = AgreementResult::new(criterion, metric, level, level_source);
        if metric.takes_weights() && options.weights != Weights::None {
            result.weights = Some(options.weights);
        }
        if let Some(note) = &prepared.note {
            result.add_note(note.clone());
        }
        let weight_matrix = match (&prepared.refusal, &prepared.weight_matrix) {
            (Some(refusal), _) => {
                result.add_note(refusal.clone());
                results.push(result);
                continue;
            }
            (None, Err(error)) if metric.takes_weights() => {
                result.add_note(format!("{} weights: {error}", options.weights.name()));
                results.push(result);
                continue;
            }
            (None, Ok(matrix)) => matrix.as_slice(),
            (None, Err(_)) => &[],
        };
        match metric {
            Metric::CongerKappa => conger::fill(&mut result, ratings, weight_matrix, options),
            Metric::CohenKappa | Metric::Pabak => two_annotators(&mut result, ratings, weight_matrix, options),
            Metric::Icc => {
                results.extend(icc_results(result, ratings, options));
                continue;
            }
            _ => {
                let patterns = patterns.get_or_insert_with(|| Patterns::new(ratings));
                family(&mut result, ratings, patterns, weight_matrix, level, options);
            }
        }
        if let Some(value) = result.value {
            result.band = band(metric, value);
        }
        results.push(result);
    }
    results
}

fn family(result: &mut AgreementResult, ratings: &Ratings, patterns: &Patterns, weight_matrix: &[f64], level: Level, options: &Options) {
    let metric = result.metric;
    let scale = ratings.scale();
    let estimate = |weight: &[f64], with_se: bool| -> (Option<f64>, Option<f64>, Option<String>, f64, f64) {
        let chance = match metric {
            Metric::KrippendorffAlpha => {
                let alpha = krippendorff::evaluate(patterns, weight, scale, level);
                return (alpha.value, None, alpha.note, alpha.n_pairable_units, alpha.n_pairable_values);
            }
            Metric::PercentAgreement => Chance::Percent,
            Metric::FleissKappa => Chance::Fleiss,
            Metric::ScottPi => Chance::Scott,
            Metric::GwetAc1 => Chance::Gwet,
            _ => Chance::BrennanPrediger,
        };
        let value = chance::evaluate(patterns, weight, scale, weight_matrix, chance, with_se);
        (value.value, value.se, value.note, value.n_pairable_units, value.n_pairable_ratings)
    };
    let (value, se, note, n_units, n_ratings) = estimate(&patterns.weight, true);
    result.value = value;
    result.se = se;
    result.n_items = n_units as u64;
    result.n_ratings = n_ratings as u64;
    result.n_annotators = pairable_annotators(ratings);
    if let Some(note) = note {
        result.add_note(note);
    }
    if result.value.is_some() && options.bootstrap > 0 {
        let mut pattern_weight = Vec::new();
        bootstrap(result, ratings.n_units(), options, |draws| {
            patterns.weights_for(draws, &mut pattern_weight);
            estimate(&pattern_weight, false).0
        });
    }
}

fn pairable_annotators(ratings: &Ratings) -> u32 {
    let mut seen = vec![false; ratings.n_annotators() as usize];
    ratings.units().filter(|u| u.len() >= 2).flatten().for_each(|&(a, _)| seen[a as usize] = true);
    seen.iter().filter(|&&s| s).count() as u32
}

fn two_annotators(result: &mut AgreementResult, ratings: &Ratings, weight_matrix: &[f64], options: &Options) {
    let mut present = vec![false; ratings.n_annotators() as usize];
    ratings.units().flatten().for_each(|&(a, _)| present[a as usize] = true);
    let annotators: Vec<u32> = (0..present.len() as u32).filter(|&a| present[a as usize]).collect();
    if annotators.len() != 2 {
        result.add_note(format!(
            "{} needs exactly two annotators; found {} (use fleiss_kappa or krippendorff_alpha, or --group-by annotator for pairwise kappas)",
            result.metric.name(),
            annotators.len()
        ));
        return;
    }
    pairwise(result, ratings, annotators[0], annotators[1], weight_matrix, options);
}

/// Fills `result` with Cohen's kappa or PABAK of annotators `first` and `second`.
fn pairwise(result: &mut AgreementResult, ratings: &Ratings, first: u32, second: u32, weight_matrix: &[f64], options: &Options) {
    let cells = cohen::cells(ratings, first, second);
    let ones = vec![1.0; cells.len()];
    let identity;
    let weight_matrix = if result.metric == Metric::Pabak {
        identity = ratings.scale().weight_matrix(Weights::None);
        identity.as_slice()
    } else {
        weight_matrix
    };
    let value = cohen::evaluate_with(&cells, &ones, ratings.scale().len(), weight_matrix);
    result.n_items = value.n_shared as u64;
    result.n_ratings = 2 * value.n_shared as u64;
    result.n_annotators = 2;
    let pabak = result.metric == Metric::Pabak;
    let (v, note) = if pabak { (value.pabak, value.pabak_note) } else { (value.kappa, value.kappa_note) };
    result.value = v;
    if pabak {
        result.prevalence_index = value.prevalence_index;
        result.bias_index = value.bias_index;
    }
    if let Some(note) = note {
        result.add_note(note);
    }
    if result.value.is_some() && options.bootstrap > 0 {
        let mut unit_weight = Vec::new();
        bootstrap(result, cells.len(), options, |draws| {
            unit_weight.clear();
            unit_weight.extend(draws.iter().map(|&d| f64::from(d)));
            let value = cohen::evaluate_with(&cells, &unit_weight, ratings.scale().len(), weight_matrix);
            if pabak {
                value.pabak
            } else {
                value.kappa
            }
        });
    }
}

fn icc_results(template: AgreementResult, ratings: &Ratings, options: &Options) -> Vec<AgreementResult> {
    let table = icc::table(ratings);
    let mut base = template;
    base.n_items = table.rows.len() as u64;
    base.n_annotators = table.k as u32;
    base.n_ratings = (table.rows.len() * table.k) as u64;
    base.n_dropped_items = Some(table.n_dropped as u64);
    if table.n_dropped > 0 {
        base.add_note(format!("dropped {} of {} items with a missing score", table.n_dropped, ratings.n_units()));
    }
    let values = if ratings.scale().is_numeric() || ratings.scale().is_empty() {
        icc::evaluate(&table, &vec![1.0; table.rows.len()])
    } else {
        Err("ICC needs numeric scores".to_string())
    };
    IccForm::ALL
        .iter()
        .enumerate()
        .map(|(index, &form)| {
            let mut result = base.clone();
            result.form = Some(form);
            match &values {
                Err(note) => result.add_note(note.clone()),
                Ok(values) => {
                    result.value = values[index];
                    if result.value.is_none() {
                        result.add_note("undefined: the ANOVA denominator is not positive (no variation between items)");
                    }
                }
            }
            if let Some(value) = result.value {
                result.band = band(Metric::Icc, value);
                if options.bootstrap > 0 {
                    let mut row_weight = Vec::new();
                    bootstrap(&mut result, ratings.n_units(), options, |draws| {
                        row_weight.clear();
                        row_weight.extend(table.units.iter().map(|&u| f64::from(draws[u as usize])));
                        icc::evaluate(&table, &row_weight).ok().and_then(|v| v[index])
                    });
                }
            }
            result
        })
        .collect()
}

/// Percentile bootstrap over units: `options.bootstrap` resamples of `n_units` units drawn
/// with replacement by `Pcg32::new(seed, seed_from_text(criterion))`; `estimate` gets how often
/// each unit was drawn. Every metric of a criterion sees the same resamples.
fn bootstrap(result: &mut AgreementResult, n_units: usize, options: &Options, mut estimate: impl FnMut(&[u32]) -> Option<f64>) {
    if n_units == 0 {
        return;
    }
    let stream = seed_from_text(&match &result.group {
        Some(group) => format!("{}\u{1f}{group}", result.criterion),
        None => result.criterion.clone(),
    });
    let mut rng = Pcg32::new(options.seed, stream);
    let mut draws = vec![0u32; n_units];
    let mut values = Vec::with_capacity(options.bootstrap as usize);
    for _ in 0..options.bootstrap {
        draws.iter_mut().for_each(|d| *d = 0);
        for _ in 0..n_units {
            draws[rng.below(n_units as u32) as usize] += 1;
        }
        if let Some(value) = estimate(&draws) {
            values.push(value);
        }
    }
    let undefined = options.bootstrap as usize - values.len();
    if undefined > 0 {
        result.add_note(format!("{undefined} of {} bootstrap resamples were undefined and left out", options.bootstrap));
    }
    if let Some((low, high)) = percentile_interval(&mut values, options.confidence) {
        result.ci_low = Some(low);
        result.ci_high = Some(high);
    }
}

/// The central `confidence` percentile interval of `values` (linear interpolation between
/// order statistics, Hyndman & Fan type 7 — NumPy's default). `None` when empty.
///
/// ```
/// let mut values: Vec<f64> = (0..=100).map(f64::from).collect();
/// let (low, high) = verdict_core::agreement::percentile_interval(&mut values, 0.95).unwrap();
/// assert!((low - 2.5).abs() < 1e-12 && (high - 97.5).abs() < 1e-12);
/// ```
pub fn percentile_interval(values: &mut [f64], confidence: f64) -> Option<(f64, f64)> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let quantile = |p: f64| {
        let position = p * (values.len() - 1) as f64;
        let (below, fraction) = (position.floor() as usize, position - position.floor());
        let above = (below + 1).min(values.len() - 1);
        values[below] + fraction * (values[above] - values[below])
    };
    let tail = (1.0 - confidence) / 2.0;
    Some((quantile(tail), quantile(1.0 - tail)))
}

/// Krippendorff's alpha of one criterion of a judgments JSONL text, for the browser benchmark
/// and quick checks: the criterion named `criterion`, or the first one with ratings. The level
/// is the inferred one (nominal for strings and booleans, interval for numbers).
///
/// ```
/// let text = r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"x","scores":{"q":1}}
/// {"schema":"verdict/judgment@1","item_id":"a","annotator":"y","scores":{"q":1}}
/// {"schema":"verdict/judgment@1","item_id":"b","annotator":"x","scores":{"q":3}}
/// {"schema":"verdict/judgment@1","item_id":"b","annotator":"y","scores":{"q":3}}"#;
/// assert_eq!(verdict_core::agreement::alpha_of_jsonl(text.as_bytes(), None), Some(1.0));
/// ```
pub fn alpha_of_jsonl(bytes: &[u8], criterion: Option<&str>) -> Option<f64> {
    let options = CollectOptions { rubric: None, criteria: criterion.map(|c| vec![c.to_owned()]).unwrap_or_default(), selection: None };
    // Read as the CLI reads a block: lines split and checked as UTF-8 in one pass (a line that is
    // not UTF-8 is left out, as a bad line), tables sized from the length.
    let mut collector = Collector::new(options);
    collector.reserve(bytes.len() / 100);
    collector.add_text("-", 1, bytes, 1);
    let dataset = collector.finish();
    let criterion = dataset.criteria.iter().find(|c| c.ratings.n_ratings() > 0)?;
    let (level, _) = resolve_level(criterion, None);
    let patterns = Patterns::new(&criterion.ratings);
    krippendorff::evaluate(&patterns, &patterns.weight, criterion.ratings.scale(), level).value
}
