//! Pareto chart: counts in descending order with the cumulative share as a line.

use yew::prelude::*;

use super::nice_max;

/// Props of [`ParetoChart`].
#[derive(Properties, PartialEq)]
pub struct ParetoChartProps {
    /// Accessible title.
    pub title: AttrValue,
    /// (label, count), most frequent first.
    pub bars: Vec<(String, u64)>,
}

/// Bars for counts, a line for the cumulative percentage (right axis).
#[function_component(ParetoChart)]
pub fn pareto_chart(props: &ParetoChartProps) -> Html {
    let (width, height, left, right, bottom, top) = (640.0, 240.0, 40.0, 44.0, 56.0, 14.0);
    let total: u64 = props.bars.iter().map(|b| b.1).sum();
    let max = nice_max(props.bars.first().map_or(1, |b| b.1) as f64);
    let slot = (width - left - right) / props.bars.len().max(1) as f64;
    let y = |v: f64| top + (height - top - bottom) * (1.0 - v / max);
    let y_share = |share: f64| top + (height - top - bottom) * (1.0 - share);
    let mut cumulative = 0u64;
    let points: Vec<String> = props
        .bars
        .iter()
        .enumerate()
        .map(|(i, (_, n))| {
            cumulative += n;
            let share = if total == 0 { 0.0 } else { cumulative as f64 / total as f64 };
            format!("{:.1},{:.1}", left + slot * (i as f64 + 0.5), y_share(share))
        })
        .collect();
    html! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}>
            <title>{ &props.title }</title>
            { for [0.0, 0.5, 1.0].iter().map(|&f| html! { <g class="grid">
                <line x1={left.to_string()} x2={(width - right).to_string()} y1={y(max * f).to_string()} y2={y(max * f).to_string()} />
                <text x={(left - 6.0).to_string()} y={(y(max * f) + 4.0).to_string()} text-anchor="end">{ format!("{:.0}", max * f) }</text>
                <text x={(width - right + 6.0).to_string()} y={(y_share(f) + 4.0).to_string()}>{ format!("{:.0}%", f * 100.0) }</text>
            </g> }) }
            { for props.bars.iter().enumerate().map(|(i, (label, n))| {
                let x = left + slot * i as f64;
                html! { <g>
                    <rect class="bar" x={(x + slot * 0.15).to_string()} y={y(*n as f64).to_string()} width={(slot * 0.7).to_string()}
                          height={(y(0.0) - y(*n as f64)).to_string()}><title>{ format!("{label}: {n}") }</title></rect>
                    <text class="x-label" x={(x + slot / 2.0).to_string()} y={(height - bottom + 16.0).to_string()} text-anchor="middle">{ label }</text>
                </g> }
            }) }
            if !points.is_empty() {
                <polyline class="cumulative" points={points.join(" ")} />
            }
        </svg>
    }
}
