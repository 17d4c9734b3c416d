//! Run rules: Western Electric (1956, *Statistical Quality Control Handbook*) and Nelson
//! (1984, *Journal of Quality Technology* 16(4)), each selectable, applied to each key's points
//! in period order on the standardized distance z = (x − centre)/σᵢ. A rule fires at the point
//! that completes its pattern, when that point is itself part of the pattern.

use super::{Chart, ChartKind, ChartOptions, Point, Signal};

/// One run rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// WE 1: one point beyond the control limits.
    We1,
    /// WE 2: two of three consecutive points beyond 2σ on one side.
    We2,
    /// WE 3: four of five consecutive points beyond 1σ on one side.
    We3,
    /// WE 4: eight consecutive points on one side of the centre.
    We4,
    /// Nelson 1: one point beyond the control limits.
    Nelson1,
    /// Nelson 2: nine points in a row on one side of the centre.
    Nelson2,
    /// Nelson 3: six points in a row steadily increasing or decreasing.
    Nelson3,
    /// Nelson 4: fourteen points in a row alternating up and down.
    Nelson4,
    /// Nelson 5: two of three points beyond 2σ on one side.
    Nelson5,
    /// Nelson 6: four of five points beyond 1σ on one side.
    Nelson6,
    /// Nelson 7: fifteen points in a row within 1σ of the centre.
    Nelson7,
    /// Nelson 8: eight points in a row beyond 1σ, on either side.
    Nelson8,
}

const ALL: [(Rule, &str); 12] = [
    (Rule::We1, "we1"),
    (Rule::We2, "we2"),
    (Rule::We3, "we3"),
    (Rule::We4, "we4"),
    (Rule::Nelson1, "nelson1"),
    (Rule::Nelson2, "nelson2"),
    (Rule::Nelson3, "nelson3"),
    (Rule::Nelson4, "nelson4"),
    (Rule::Nelson5, "nelson5"),
    (Rule::Nelson6, "nelson6"),
    (Rule::Nelson7, "nelson7"),
    (Rule::Nelson8, "nelson8"),
];

impl Rule {
    /// The rule's id, e.g. `we2`, `nelson7`.
    pub fn id(self) -> &'static str {
        ALL.iter().find(|(rule, _)| *rule == self).map(|(_, id)| *id).expect("every rule is listed in ALL")
    }

    /// Parses a comma-separated selection: `we` (rules 1–4), `nelson` (1–8) or single ids
    /// (`we1,nelson3`). `None` names the first unknown part.
    pub fn parse_list(text: &str) -> Result<Vec<Rule>, String> {
        let mut rules = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "we" => rules.extend(ALL[..4].iter().map(|(r, _)| *r)),
                "nelson" => rules.extend(ALL[4..].iter().map(|(r, _)| *r)),
                _ => rules.push(ALL.iter().find(|(_, id)| *id == part).map(|(r, _)| *r).ok_or_else(|| part.to_owned())?),
            }
        }
        rules.sort();
        rules.dedup();
        Ok(rules)
    }

    /// True when the rule fires at the last point of `window` (the key's points so far).
    fn fires(self, window: &[Point]) -> bool {
        let z: Vec<f64> = window.iter().map(|p| p.z).collect();
        let last = z.len() - 1;
        let beyond = |p: &Point| p.value > p.ucl || p.value < p.lcl;
        match self {
            Rule::We1 | Rule::Nelson1 => beyond(&window[last]),
            Rule::We2 | Rule::Nelson5 => k_of_m_beyond(&z, 2, 3, 2.0),
            Rule::We3 | Rule::Nelson6 => k_of_m_beyond(&z, 4, 5, 1.0),
            Rule::We4 => run_one_side(&z, 8),
            Rule::Nelson2 => run_one_side(&z, 9),
            Rule::Nelson3 => {
                z.len() >= 6 && {
                    let tail = &z[z.len() - 6..];
                    tail.windows(2).all(|w| w[1] > w[0]) || tail.windows(2).all(|w| w[1] < w[0])
                }
            }
            Rule::Nelson4 => {
                z.len() >= 14 && {
                    let steps: Vec<f64> = z[z.len() - 14..].windows(2).map(|w| w[1] - w[0]).collect();
                    steps.iter().all(|s| *s != 0.0) && steps.windows(2).all(|w| (w[0] > 0.0) != (w[1] > 0.0))
                }
            }
            Rule::Nelson7 => z.len() >= 15 && z[z.len() - 15..].iter().all(|v| v.abs() < 1.0),
            Rule::Nelson8 => z.len() >= 8 && z[z.len() - 8..].iter().all(|v| v.abs() > 1.0),
        }
    }
}

/// `k` of the last `m` points beyond `bound`σ on one side, the last point among them.
fn k_of_m_beyond(z: &[f64], k: usize, m: usize, bound: f64) -> bool {
    if z.len() < m {
        return false;
    }
    let tail = &z[z.len() - m..];
    let last = z[z.len() - 1];
    [1.0, -1.0].iter().any(|side| last * side > bound && tail.iter().filter(|v| *v * side > bound).count() >= k)
}

/// The last `length` points strictly on one side of the centre.
fn run_one_side(z: &[f64], length: usize) -> bool {
    z.len() >= length && {
        let tail = &z[z.len() - length..];
        tail.iter().all(|v| *v > 0.0) || tail.iter().all(|v| *v < 0.0)
    }
}

/// The chart's name as the CLI spells it.
pub fn chart_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::P => "p",
        ChartKind::Np => "np",
        ChartKind::Laney => "laney",
        ChartKind::C => "c",
        ChartKind::U => "u",
        ChartKind::Imr => "imr",
        ChartKind::XbarS => "xbar_s",
        ChartKind::Ewma => "ewma",
        ChartKind::Cusum => "cusum",
    }
}

fn signal(chart: &str, point: &Point, rule: &str) -> Signal {
    Signal {
        chart: chart.to_owned(),
        key: point.key.clone(),
        period: point.period.clone(),
        rule: rule.to_owned(),
        value: point.value,
        lcl: point.lcl,
        ucl: point.ucl,
    }
}

/// Every signal of `chart`: the selected run rules on Shewhart charts, the limits on EWMA,
/// C⁺ or C⁻ beyond h on CUSUM, and the limits of the secondary (MR or S) chart.
pub(super) fn signals(chart: &Chart, options: &ChartOptions) -> Vec<Signal> {
    let name = chart_name(chart.chart);
    let mut found = Vec::new();
    for run in super::key_runs(&chart.points, |p| &p.key) {
        let points = &chart.points[run.clone()];
        for end in 0..points.len() {
            let point = &points[end];
            match chart.chart {
                ChartKind::Ewma => {
                    if point.value > point.ucl || point.value < point.lcl {
                        found.push(signal(name, point, "beyond_limits"));
                    }
                }
                ChartKind::Cusum => {
                    if point.value > point.ucl {
                        found.push(signal(name, point, "cusum_upper"));
                    }
                    if point.value_low.is_some_and(|low| low < point.lcl) {
                        found.push(signal(name, point, "cusum_lower"));
                    }
                }
                _ => {
                    for rule in &options.rules {
                        if rule.fires(&points[..=end]) {
                            found.push(signal(name, point, rule.id()));
                        }
                    }
                }
            }
        }
    }
    if let Some(secondary) = &chart.secondary {
        for point in secondary.points.iter().filter(|p| p.value > p.ucl || p.value < p.lcl) {
            found.push(signal(&secondary.name, point, "beyond_limits"));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(z: &[f64]) -> Vec<Point> {
        z.iter()
            .enumerate()
            .map(|(i, &z)| Point {
                key: "a".into(),
                period: format!("{i:03}"),
                n: 1,
                value: z,
                centre: 0.0,
                lcl: -3.0,
                ucl: 3.0,
                value_low: None,
                baseline: true,
                excluded: false,
                z,
            })
            .collect()
    }

    /// Where each rule fires on hand-made sequences (index of the completing point).
    #[test]
    fn rules_fire_where_their_pattern_completes() {
        let check = |rule: Rule, z: &[f64], want: &[usize]| {
            let pts = points(z);
            let got: Vec<usize> = (0..pts.len()).filter(|&i| rule.fires(&pts[..=i])).collect();
            assert_eq!(got, want, "{rule:?} on {z:?}");
        };
        check(Rule::We1, &[0.0, 3.5, -3.1, 2.9], &[1, 2]);
        check(Rule::We2, &[2.5, 0.0, 2.1, -2.5, -0.5, -2.2], &[2, 5]);
        check(Rule::We3, &[1.5, 1.2, -0.3, 1.1, 1.9, 0.2], &[4]);
        check(Rule::We4, &[0.1; 9], &[7, 8]);
        check(Rule::Nelson2, &[-0.1; 9], &[8]);
        check(Rule::Nelson3, &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4], &[5]);
        let alternating: Vec<f64> = (0..14).map(|i| if i % 2 == 0 { 0.5 } else { -0.5 }).collect();
        check(Rule::Nelson4, &alternating, &[13]);
        check(Rule::Nelson7, &[0.5; 15], &[14]);
        check(Rule::Nelson8, &[1.5, -1.5, 1.2, -1.2, 1.1, -1.1, 1.3, -2.0], &[7]);
        assert_eq!(Rule::parse_list("we").unwrap(), vec![Rule::We1, Rule::We2, Rule::We3, Rule::We4]);
        assert_eq!(Rule::parse_list("nelson3,we1").unwrap(), vec![Rule::We1, Rule::Nelson3]);
        assert_eq!(Rule::parse_list("we9"), Err("we9".to_owned()));
    }
}
