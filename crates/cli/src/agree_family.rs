//! `verdict agree`'s agreement-family options: the weights (named, `--period`, `--weights-file`),
//! aggregated inputs (`--input table|counts FILE`) and the checks that turn a criterion the
//! coefficients cannot read (numbers mixed with strings, a weight file of the wrong size) into an
//! error naming what is wrong.

use anyhow::{bail, Context};
use verdict_core::agreement::table::{evaluate_aggregated, Aggregated, AggregatedLimits, InputKind};
use verdict_core::agreement::{
    weight_matrix, AgreementResult, Category, Dataset, Level, LevelSource, Options, WeightMatrix, WeightParameters, Weights,
};
use verdict_core::read::Limits;

use crate::input;

/// The weights of `--weights`, `--period` and `--weights-file`, checked together.
pub fn weights(name: &str, period: Option<f64>, weights_file: Option<&str>) -> anyhow::Result<(Weights, WeightParameters)> {
    let names: Vec<&str> = Weights::ALL.iter().map(|w| w.name()).collect();
    let mut weights = Weights::parse(name).with_context(|| format!("unknown weights \"{name}\"; expected one of {}", names.join(", ")))?;
    let matrix = match weights_file {
        None if weights == Weights::Matrix => bail!("--weights matrix needs --weights-file FILE (a square matrix, JSON or CSV)"),
        None => None,
        Some(path) => {
            match weights {
                Weights::None => weights = Weights::Matrix,
                Weights::Matrix => {}
                other => bail!("--weights-file gives the weights; it cannot be combined with --weights {}", other.name()),
            }
            let text = input::read_text(path)?;
            Some(WeightMatrix::parse(path, &text)?)
        }
    };
    if let Some(period) = period {
        if weights != Weights::Circular {
            bail!("--period is the period of circular weights; add --weights circular");
        }
        if !(period.is_finite() && period > 0.0) {
            bail!("--period must be a positive number, not {period}");
        }
    }
    Ok((weights, WeightParameters { period, matrix }))
}

/// Refuses criteria the coefficients cannot read: values that mix numbers and strings (naming
/// one of each), and weights that do not fit a criterion's scale (a weight file of another size,
/// ratio weights on 0, a period shorter than the scale).
pub fn check_criteria(dataset: &Dataset, options: &Options, weights_file: Option<&str>) -> anyhow::Result<()> {
    let weighted = options.metrics.iter().any(|m| m.takes_weights());
    for criterion in &dataset.criteria {
        let scale = criterion.ratings.scale();
        if let Some(mixed) = scale.mixed() {
            bail!("criterion \"{}\": {mixed}; make its values one kind (all numbers or all strings)", criterion.id);
        }
        if weighted && options.weights != Weights::None {
            let numeric_strings = scale.parsed_numbers();
            let scale = numeric_strings.as_ref().map_or(scale, |(numbers, _)| numbers);
            if let Err(error) = weight_matrix(scale, options.weights, &options.weight_parameters) {
                let categories: Vec<String> = scale.categories().iter().map(Category::to_string).collect();
                let file = weights_file.map(|f| format!("{f}: ")).unwrap_or_default();
                bail!("{file}{error} (criterion \"{}\": {}); choose the criterion with --criterion", criterion.id, categories.join(", "));
            }
        }
    }
    Ok(())
}

/// Per-annotator quality (`--group-by annotator`, `--gold`) uses the named weights only.
pub fn check_per_annotator(options: &Options) -> anyhow::Result<()> {
    if options.weights == Weights::Matrix || options.weight_parameters.period.is_some() {
        bail!("--group-by annotator and --gold use named weights only (not --weights-file or --period)");
    }
    Ok(())
}

/// Parses `--input`.
pub fn input_kind(text: &str) -> anyhow::Result<InputKind> {
    match text {
        "table" => Ok(InputKind::Table),
        "counts" => Ok(InputKind::Counts),
        other => bail!("unknown --input \"{other}\"; expected table or counts"),
    }
}

/// Agreement of an aggregated input file: the level is `--level`, else interval for numeric
/// categories and nominal for labels.
pub fn aggregated(
    kind: InputKind,
    path: &str,
    level: Option<Level>,
    options: &Options,
    limits: &Limits,
) -> anyhow::Result<Vec<AgreementResult>> {
    let text = input::read_text(path)?;
    let limits = AggregatedLimits { max_rows: limits.max_items, max_per_item: limits.max_annotators };
    let input = Aggregated::parse(kind, path, &text, limits)?;
    let (level, source) = match level {
        Some(level) => (level, LevelSource::Flag),
        None if input.scale.is_numeric() => (Level::Interval, LevelSource::Inferred),
        None => (Level::Nominal, LevelSource::Inferred),
    };
    if let Err(error) = weight_matrix(&input.scale, options.weights, &options.weight_parameters) {
        if options.metrics.iter().any(|m| m.takes_weights()) {
            bail!("{path}: {error}");
        }
    }
    Ok(evaluate_aggregated(&input, level, source, options))
}
