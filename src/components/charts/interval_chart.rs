//! Point estimates with confidence intervals, one row each (the leaderboard).

use yew::prelude::*;

/// One row: label, estimate and interval (any may be missing).
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalRow {
    /// Row label.
    pub label: String,
    /// The estimate.
    pub value: Option<f64>,
    /// Lower end.
    pub low: Option<f64>,
    /// Upper end.
    pub high: Option<f64>,
}

/// Props of [`IntervalChart`].
#[derive(Properties, PartialEq)]
pub struct IntervalChartProps {
    /// Accessible title.
    pub title: AttrValue,
    /// Rows, top to bottom.
    pub rows: Vec<IntervalRow>,
}

/// Dots with horizontal error bars on a shared axis.
#[function_component(IntervalChart)]
pub fn interval_chart(props: &IntervalChartProps) -> Html {
    let (width, left, right, row_height, top) = (720.0, 170.0, 20.0, 26.0, 24.0);
    let values: Vec<f64> = props.rows.iter().flat_map(|r| [r.value, r.low, r.high]).flatten().collect();
    let (mut lo, mut hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.08).max(1.0);
    (lo, hi) = (lo - pad, hi + pad);
    let height = top + row_height * props.rows.len() as f64 + 10.0;
    let x = |v: f64| left + (width - left - right) * (v - lo) / (hi - lo);
    let ticks: Vec<f64> = (0..=4).map(|i| lo + (hi - lo) * f64::from(i) / 4.0).collect();
    html! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}>
            <title>{ &props.title }</title>
            { for ticks.iter().map(|&t| html! { <g class="grid">
                <line x1={x(t).to_string()} x2={x(t).to_string()} y1={(top - 6.0).to_string()} y2={(height - 6.0).to_string()} />
                <text x={x(t).to_string()} y={(top - 10.0).to_string()} text-anchor="middle">{ format!("{t:.0}") }</text>
            </g> }) }
            { for props.rows.iter().enumerate().map(|(i, row)| {
                let y = top + row_height * i as f64 + row_height / 2.0;
                html! { <g>
                    <text class="row-label" x={(left - 8.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ &row.label }</text>
                    if let (Some(low), Some(high)) = (row.low, row.high) {
                        <line class="interval" x1={x(low).to_string()} x2={x(high).to_string()} y1={y.to_string()} y2={y.to_string()} />
                    }
                    if let Some(value) = row.value {
                        <circle class="estimate" cx={x(value).to_string()} cy={y.to_string()} r="4.5">
                            <title>{ match (row.low, row.high) {
                                (Some(l), Some(h)) => format!("{}: {value:.0} (95% CI {l:.0} – {h:.0})", row.label),
                                _ => format!("{}: {value:.0}", row.label),
                            } }</title>
                        </circle>
                    } else {
                        <text class="muted" x={left.to_string()} y={(y + 4.0).to_string()}>{ crate::t!("q-leaderboard-not-rated") }</text>
                    }
                </g> }
            }) }
        </svg>
    }
}
