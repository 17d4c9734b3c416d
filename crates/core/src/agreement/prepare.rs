//! What happens to one criterion's ratings before any coefficient: a scale that mixes numbers
//! and strings is refused (naming one of each), strings that all read as numbers are read as
//! numbers at the ordinal, interval and ratio levels (with a note — never sorted as text, where
//! "10" < "9"), and the weight matrix is built once.

use super::ratings::Ratings;
use super::weights::{weight_matrix, WeightsError};
use super::Options;
use crate::rubric::Level;

/// The criterion as the coefficients see it.
pub(super) struct Prepared {
    /// The ratings on the parsed numeric scale, when strings were read as numbers.
    pub ratings: Option<Ratings>,
    /// A caveat every result of the criterion carries.
    pub note: Option<String>,
    /// Why no coefficient is computed (every value `null` with this note).
    pub refusal: Option<String>,
    /// The weight matrix of `options.weights` on the (possibly parsed) scale.
    pub weight_matrix: Result<Vec<f64>, WeightsError>,
}

pub(super) fn prepare(ratings: &Ratings, level: Level, options: &Options) -> Prepared {
    let mut prepared = Prepared { ratings: None, note: None, refusal: None, weight_matrix: Ok(Vec::new()) };
    if let Some(mixed) = ratings.scale().mixed() {
        prepared.refusal = Some(format!("{mixed}; make the values one kind (all numbers or all strings)"));
        return prepared;
    }
    if level != Level::Nominal {
        if let Some((scale, remap)) = ratings.scale().parsed_numbers() {
            let example = ratings.scale().categories().last().map(ToString::to_string).unwrap_or_default();
            prepared.note = Some(format!(
                "the values are numbers written as strings (e.g. \"{example}\"): read as numbers at the {} level",
                level.name()
            ));
            prepared.ratings = Some(ratings.remapped(scale, &remap));
        }
    }
    let scale = prepared.ratings.as_ref().unwrap_or(ratings).scale();
    prepared.weight_matrix = weight_matrix(scale, options.weights, &options.weight_parameters);
    prepared
}
