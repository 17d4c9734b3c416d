//! Shared statistics: special functions, intervals and multiple-testing corrections that every
//! analysis (agreement, ranking, aggregation, control charts, audits, planning) uses from here —
//! never re-implemented beside it.
//!
//! Float policy: functions return `Option` (or `None` inside a tuple) where a value is undefined
//! (no data, a parameter out of range); they never return NaN. Tests compare with a stated
//! tolerance and name the independent source of each expected value.

pub mod contingency;
pub mod digamma;
pub mod interval;
pub mod linalg;
pub mod multiple;
pub mod special;

pub use interval::{clopper_pearson, wilson};
pub use multiple::benjamini_hochberg;
pub use special::{normal_cdf, normal_quantile};
