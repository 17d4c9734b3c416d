//! Number formatting shared by the analysis views (one place, so tables read alike).

/// A coefficient with 3 decimals, or "–" when undefined.
pub fn coefficient(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// A share as a percentage with one decimal, or "–".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

/// A confidence interval "[low, high]", or empty.
pub fn interval(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(low), Some(high)) => format!("[{low:.3}, {high:.3}]"),
        _ => String::new(),
    }
}

/// Seconds with one decimal, or "–".
pub fn seconds(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} s"))
}
