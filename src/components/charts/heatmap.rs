//! A labelled matrix with colour-coded cells (pairwise agreement, win rates).

use yew::prelude::*;

/// Props of [`Heatmap`].
#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    /// Accessible title.
    pub title: AttrValue,
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// `values[row][column]`, `None` for an empty cell; coloured on `[min, max]`.
    pub values: Vec<Vec<Option<f64>>>,
    /// Lower end of the colour scale.
    pub min: f64,
    /// Upper end of the colour scale.
    pub max: f64,
    /// Optional text per cell (e.g. "12/20"); defaults to the value with 2 decimals.
    #[prop_or_default]
    pub notes: Option<Vec<Vec<String>>>,
}

/// Cells shade from light to dark blue as values rise; empty cells are grey.
#[function_component(Heatmap)]
pub fn heatmap(props: &HeatmapProps) -> Html {
    let cell = 34.0;
    let label_width = 150.0;
    let top = 110.0;
    let width = label_width + cell * props.columns.len() as f64 + 8.0;
    let height = top + cell * props.rows.len() as f64 + 8.0;
    let shade = |v: f64| {
        let t = ((v - props.min) / (props.max - props.min)).clamp(0.0, 1.0);
        let lightness = 95.0 - 60.0 * t;
        format!("hsl(220, 65%, {lightness:.0}%)")
    };
    html! {
        <svg class="chart heatmap" viewBox={format!("0 0 {width} {height}")} role="img" aria-label={props.title.clone()}
             width={width.to_string()}>
            <title>{ &props.title }</title>
            { for props.columns.iter().enumerate().map(|(j, label)| {
                let x = label_width + cell * j as f64 + cell / 2.0;
                html! { <text class="col-label" transform={format!("translate({x},{}) rotate(-55)", top - 6.0)}>{ short(label) }</text> }
            }) }
            { for props.rows.iter().enumerate().map(|(i, label)| {
                let y = top + cell * i as f64;
                html! { <g>
                    <text class="row-label" x={(label_width - 6.0).to_string()} y={(y + cell / 2.0 + 4.0).to_string()} text-anchor="end">{ short(label) }</text>
                    { for props.values.get(i).into_iter().flatten().enumerate().map(|(j, value)| {
                        let x = label_width + cell * j as f64;
                        let note = props.notes.as_ref().and_then(|n| n.get(i)?.get(j).cloned());
                        let text = note.clone().unwrap_or_else(|| value.map_or_else(String::new, |v| format!("{v:.2}")));
                        let dark = value.is_some_and(|v| (v - props.min) / (props.max - props.min) > 0.6);
                        html! { <g>
                            <rect x={x.to_string()} y={y.to_string()} width={(cell - 2.0).to_string()} height={(cell - 2.0).to_string()}
                                  fill={value.map_or_else(|| "#eef0f3".to_owned(), shade)}>
                                <title>{ format!("{} × {}: {}", props.rows[i], props.columns.get(j).map_or("", String::as_str), if text.is_empty() { "–" } else { text.as_str() }) }</title>
                            </rect>
                            <text class={classes!("cell", dark.then_some("dark"))} x={(x + cell / 2.0 - 1.0).to_string()} y={(y + cell / 2.0 + 3.0).to_string()} text-anchor="middle">{ cell_text(&text) }</text>
                        </g> }
                    }) }
                </g> }
            }) }
        </svg>
    }
}

fn short(label: &str) -> String {
    if label.chars().count() > 20 {
        format!("{}…", label.chars().take(19).collect::<String>())
    } else {
        label.to_owned()
    }
}

fn cell_text(text: &str) -> String {
    text.strip_prefix("0.").map_or_else(|| text.to_owned(), |rest| format!(".{rest}"))
}
