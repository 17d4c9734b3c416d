//! SVG charts: small, dependency-free, readable at 1280×800 and on a laptop.

mod bar_chart;
mod control_chart;
mod heatmap;
mod interval_chart;
mod oc_chart;
mod pareto_chart;

pub use bar_chart::{BarChart, BarChartProps};
pub use control_chart::{ControlChart, ControlChartProps};
pub use heatmap::{Heatmap, HeatmapProps};
pub use interval_chart::{IntervalChart, IntervalChartProps, IntervalRow};
pub use oc_chart::{OcChart, OcChartProps};
pub use pareto_chart::{ParetoChart, ParetoChartProps};

/// A "nice" axis maximum ≥ `value` (1, 2, 5 × 10ⁿ).
pub(crate) fn nice_max(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|step| step * magnitude).find(|&m| m >= value).unwrap_or(10.0 * magnitude)
}
