//! Number formatting shared by the analysis views (one place, so tables read alike), in the
//! interface language's digits and decimal separator (no grouping, so columns line up).

use crate::i18n::number;

/// A coefficient with 3 decimals, or "–" when undefined.
pub fn coefficient(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| number(v, 3))
}

/// A share as a percentage with one decimal, or "–".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| crate::i18n::percent(v, 1))
}

/// A confidence interval "[low, high]", or empty.
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!("[{}, {}]", number(low, 3), number(high, 3)),
        _ => String::new(),
    }
}

/// The interval of a share as percentages "[45.7%, 62.7%]" (as the share itself reads), or empty.
pub fn percent_interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!("[{}, {}]", crate::i18n::percent(low, 1), crate::i18n::percent(high, 1)),
        _ => String::new(),
    }
}

/// Seconds with one decimal, or "–".
pub fn seconds(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| crate::t!("unit-seconds", seconds = number(v, 1)))
}
