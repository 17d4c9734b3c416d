//! Vertical bars over labelled categories (e.g. judgments per day).

use yew::prelude::*;

use super::nice_max;

/// Props of [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Accessible title.
    pub title: AttrValue,
    /// (label, value) per bar, in display order.
    pub bars: Vec<(String, f64)>,
}

/// A bar chart; at most ~12 x labels are printed, every bar has a tooltip.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let (width, height, left, bottom, top) = (720.0, 220.0, 48.0, 40.0, 12.0);
    let max = nice_max(props.bars.iter().map(|b| b.1).fold(0.0, f64::max));
    let n = props.bars.len().max(1) as f64;
    let slot = (width - left - 8.0) / n;
    let every = (props.bars.len() / 12).max(1);
    let y = |v: f64| top + (height - top - bottom) * (1.0 - v / max);
    html! {
        <svg class="chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}>
            <title>{ &props.title }</title>
            { for (0..=4).map(|i| {
                let value = max * f64::from(i) / 4.0;
                html! { <g class="grid">
                    <line x1={left.to_string()} x2={(width - 8.0).to_string()} y1={y(value).to_string()} y2={y(value).to_string()} />
                    <text x={(left - 6.0).to_string()} y={(y(value) + 4.0).to_string()} text-anchor="end">{ format_number(value) }</text>
                </g> }
            }) }
            { for props.bars.iter().enumerate().map(|(i, (label, value))| {
                let x = left + slot * i as f64;
                html! { <g>
                    <rect class="bar" x={(x + slot * 0.1).to_string()} y={y(*value).to_string()}
                          width={(slot * 0.8).max(1.0).to_string()} height={(y(0.0) - y(*value)).max(0.0).to_string()}>
                        <title>{ format!("{label}: {}", format_number(*value)) }</title>
                    </rect>
                    if i % every == 0 {
                        <text class="x-label" x={(x + slot / 2.0).to_string()} y={(height - bottom + 16.0).to_string()} text-anchor="middle">{ label }</text>
                    }
                </g> }
            }) }
        </svg>
    }
}

/// Compact number: integers as is, others with up to 2 decimals.
pub(crate) fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e12 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}
