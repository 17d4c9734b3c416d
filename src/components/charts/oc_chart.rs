//! The operating-characteristic curve of a sampling plan: P(accept) against the lot's defect rate.

use verdict_core::audit::OcPoint;
use yew::prelude::*;

/// Props of [`OcChart`].
#[derive(Properties, PartialEq)]
pub struct OcChartProps {
    /// Accessible title.
    pub title: AttrValue,
    /// The curve's points, p ascending.
    pub points: Vec<OcPoint>,
}

/// One line on [0, p_max] × [0, 1], axes in percent.
#[function_component(OcChart)]
pub fn oc_chart(props: &OcChartProps) -> Html {
    let (width, height, left, right, top, bottom) = (480.0, 240.0, 48.0, 30.0, 12.0, 36.0);
    let p_max = props.points.last().map_or(1.0, |p| p.p).max(1e-9);
    let x = |p: f64| left + (width - left - right) * p / p_max;
    let y = |a: f64| top + (height - top - bottom) * (1.0 - a);
    let line: Vec<String> = props.points.iter().map(|p| format!("{:.1},{:.1}", x(p.p), y(p.p_accept))).collect();
    html! {
        <svg class="chart oc-chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}>
            <title>{ &props.title }</title>
            { for [0.0, 0.5, 1.0].iter().map(|&a| html! { <g class="grid">
                <line x1={left.to_string()} x2={(width - right).to_string()} y1={y(a).to_string()} y2={y(a).to_string()} />
                <text x={(left - 6.0).to_string()} y={(y(a) + 4.0).to_string()} text-anchor="end">{ format!("{:.0}%", a * 100.0) }</text>
            </g> }) }
            { for [0.0, 0.5, 1.0].iter().map(|&f| html! {
                <text class="x-label" x={x(p_max * f).to_string()} y={(height - bottom + 16.0).to_string()} text-anchor="middle">{ format!("{:.1}%", p_max * f * 100.0) }</text>
            }) }
            <polyline class="series" points={line.join(" ")} />
            { for props.points.iter().map(|p| html! {
                <circle class="point" cx={x(p.p).to_string()} cy={y(p.p_accept).to_string()} r="2.5"><title>{ format!("p = {:.4}: P(accept) = {:.4}", p.p, p.p_accept) }</title></circle>
            }) }
        </svg>
    }
}
