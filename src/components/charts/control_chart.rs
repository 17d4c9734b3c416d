//! A control chart for one key (site or rater): points over periods, the centre line, the
//! control limits (stepped where they vary with n), signalled points drawn as diamonds, and
//! event annotations as labelled vertical lines.

use verdict_core::spc::events::PlacedEvent;
use verdict_core::spc::Point;
use yew::prelude::*;

/// Props of [`ControlChart`].
#[derive(Properties, PartialEq)]
pub struct ControlChartProps {
    /// Accessible title (chart, key).
    pub title: AttrValue,
    /// Every period on the shared time axis, in order.
    pub periods: Vec<String>,
    /// This key's points, in period order.
    pub points: Vec<Point>,
    /// Periods of this key's signals (their points are drawn as diamonds).
    pub signalled: Vec<String>,
    /// Events on the time axis.
    pub events: Vec<PlacedEvent>,
    /// Accessible name of a signalled point ("signal").
    pub signal_word: AttrValue,
}

/// Points joined by a line; limits dashed; signals as larger diamonds with their own title.
#[function_component(ControlChart)]
pub fn control_chart(props: &ControlChartProps) -> Html {
    let (width, height, left, right, top, bottom) = (640.0, 220.0, 56.0, 12.0, 26.0, 40.0);
    let values = props.points.iter().flat_map(|p| [p.value, p.lcl, p.ucl, p.value_low.unwrap_or(p.value)]);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low.is_finite() && high > low { (low, high) } else { (0.0, 1.0) };
    let pad = (high - low) * 0.05;
    let (low, high) = (low - pad, high + pad);
    let slot = (width - left - right) / props.periods.len().max(1) as f64;
    let x_of = |period: &str| props.periods.iter().position(|p| p == period).map(|i| left + slot * (i as f64 + 0.5));
    let y = |v: f64| top + (height - top - bottom) * (1.0 - (v - low) / (high - low));
    let line = |value: fn(&Point) -> f64| -> String {
        props.points.iter().filter_map(|p| Some(format!("{:.1},{:.1}", x_of(&p.period)?, y(value(p))))).collect::<Vec<_>>().join(" ")
    };
    let step = |value: fn(&Point) -> f64| -> String {
        props
            .points
            .iter()
            .filter_map(|p| {
                let x = x_of(&p.period)?;
                Some(format!("{:.1},{:.1} {:.1},{:.1}", x - slot / 2.0, y(value(p)), x + slot / 2.0, y(value(p))))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let label_every = (props.periods.len() / 8).max(1);
    html! {
        <svg class="chart control-chart" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}>
            <title>{ &props.title }</title>
            { for [low + pad, (low + high) / 2.0, high - pad].iter().map(|&v| html! { <g class="grid">
                <line x1={left.to_string()} x2={(width - right).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} />
                <text x={(left - 6.0).to_string()} y={(y(v) + 4.0).to_string()} text-anchor="end">{ format!("{v:.3}") }</text>
            </g> }) }
            { for props.periods.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, period)| html! {
                <text class="x-label" x={(left + slot * (i as f64 + 0.5)).to_string()} y={(height - bottom + 16.0).to_string()} text-anchor="middle">{ period }</text>
            }) }
            <polyline class="limit" points={step(|p| p.ucl)} />
            <polyline class="limit" points={step(|p| p.lcl)} />
            <polyline class="centre" points={step(|p| p.centre)} />
            <polyline class="series" points={line(|p| p.value)} />
            if props.points.iter().any(|p| p.value_low.is_some()) {
                <polyline class="series" points={line(|p| p.value_low.unwrap_or(0.0))} />
            }
            { for props.events.iter().filter_map(|event| {
                let x = x_of(&event.period)?;
                Some(html! { <g class="event">
                    <line x1={x.to_string()} x2={x.to_string()} y1={(top - 4.0).to_string()} y2={(height - bottom).to_string()} />
                    <text x={(x + 3.0).to_string()} y={(top - 8.0).to_string()}>{ format!("{} · {}", event.label, event.date) }</text>
                </g> })
            }) }
            { for props.points.iter().filter_map(|p| {
                let (x, cy) = (x_of(&p.period)?, y(p.value));
                let signalled = props.signalled.contains(&p.period);
                let text = format!("{} {}: {:.4} [{:.4}, {:.4}] n = {}{}", p.key, p.period, p.value, p.lcl, p.ucl, p.n,
                    if signalled { format!(" · {}", props.signal_word) } else { String::new() });
                Some(if signalled {
                    html! { <polygon class="signal" points={format!("{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}", cy - 7.0, x + 7.0, cy + 7.0, x - 7.0)}><title>{ text }</title></polygon> }
                } else {
                    html! { <circle class="point" cx={x.to_string()} cy={cy.to_string()} r="3.5"><title>{ text }</title></circle> }
                })
            }) }
        </svg>
    }
}
