//! Interpretation bands shown beside a coefficient (the quality dashboard's colour).
//!
//! Bands are conventions, not tests: Krippendorff (2004, p. 241) accepts α ≥ 0.800 and allows
//! tentative conclusions for 0.667 ≤ α < 0.800; Landis & Koch (1977) label kappa-type values
//! (Cohen, Fleiss, Scott, Gwet, Brennan–Prediger, PABAK); Koo & Li (2016) label ICCs.
//! Percent agreement has no band (it is not chance-corrected).

use serde::{Deserialize, Serialize};

use super::Metric;

/// A named range of a coefficient's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Krippendorff: α ≥ 0.800.
    Reliable,
    /// Krippendorff: 0.667 ≤ α < 0.800.
    Tentative,
    /// Krippendorff: α < 0.667.
    Unreliable,
    /// Landis–Koch: < 0.
    Poor,
    /// Landis–Koch: 0.00–0.20.
    Slight,
    /// Landis–Koch: 0.21–0.40.
    Fair,
    /// Landis–Koch: 0.41–0.60; Koo–Li ICC 0.50–0.75.
    Moderate,
    /// Landis–Koch: 0.61–0.80.
    Substantial,
    /// Landis–Koch: 0.81–1.00.
    AlmostPerfect,
    /// Koo–Li ICC: 0.75–0.90.
    Good,
    /// Koo–Li ICC: > 0.90.
    Excellent,
}

impl Band {
    /// The band's words, e.g. `almost perfect`.
    pub fn label(self) -> &'static str {
        match self {
            Band::Reliable => "reliable",
            Band::Tentative => "tentative",
            Band::Unreliable => "unreliable",
            Band::Poor => "poor",
            Band::Slight => "slight",
            Band::Fair => "fair",
            Band::Moderate => "moderate",
            Band::Substantial => "substantial",
            Band::AlmostPerfect => "almost perfect",
            Band::Good => "good",
            Band::Excellent => "excellent",
        }
    }
}

/// The band of `value` for `metric`, or `None` for percent agreement.
///
/// ```
/// use verdict_core::agreement::{band, Band, Metric};
/// assert_eq!(band(Metric::KrippendorffAlpha, 0.70), Some(Band::Tentative));
/// assert_eq!(band(Metric::CohenKappa, 0.70), Some(Band::Substantial));
/// assert_eq!(band(Metric::Icc, 0.95), Some(Band::Excellent));
/// ```
pub fn band(metric: Metric, value: f64) -> Option<Band> {
    Some(match metric {
        Metric::PercentAgreement => return None,
        Metric::KrippendorffAlpha if value >= 0.8 => Band::Reliable,
        Metric::KrippendorffAlpha if value >= 0.667 => Band::Tentative,
        Metric::KrippendorffAlpha => Band::Unreliable,
        Metric::Icc if value < 0.5 => Band::Poor,
        Metric::Icc if value < 0.75 => Band::Moderate,
        Metric::Icc if value <= 0.9 => Band::Good,
        Metric::Icc => Band::Excellent,
        _ if value < 0.0 => Band::Poor,
        _ if value <= 0.2 => Band::Slight,
        _ if value <= 0.4 => Band::Fair,
        _ if value <= 0.6 => Band::Moderate,
        _ if value <= 0.8 => Band::Substantial,
        _ => Band::AlmostPerfect,
    })
}
