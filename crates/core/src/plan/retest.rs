//! Test–retest: how consistent each rater is with themself. A repeat is a judgment whose
//! `item_id` ends in [`super::REPEAT_SUFFIX`] (`q17#repeat`, the campaign's repeat convention)
//! by the same annotator as a judgment of the original item (`q17`). For every such pair:
//! intra-rater agreement (Krippendorff's α and Cohen's κ of "first showing" vs "repeat", with
//! percentile bootstrap CIs, from [`crate::agreement`]) and the flip rate of the preference
//! (winner differs) with a Wilson interval — per rater, per group and overall.
//!
//! `verdict agree --retest` is meant to print [`retest`]'s rows (wiring is the CLI's job).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::repeat_source;
use crate::agreement::{evaluate, Category, Level, LevelSource, Metric, Options, Rating, Ratings, Scale};
use crate::judgment::Judgment;
use crate::stats::wilson;

/// Who a retest row is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "scope", content = "name", rename_all = "snake_case")]
pub enum Scope {
    /// Everyone.
    All,
    /// One group (site).
    Group(String),
    /// One rater.
    Annotator(String),
}

/// Intra-rater consistency of one scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RetestRow {
    /// Who.
    #[serde(flatten)]
    pub scope: Scope,
    /// Item–repeat pairs with a value on both sides.
    pub n_pairs: u64,
    /// Krippendorff's α of first vs repeat (nominal for labels, interval for numbers unless the
    /// caller's level says otherwise); `None` when undefined.
    pub alpha: Option<f64>,
    /// Bootstrap CI of α.
    pub alpha_ci: Option<(f64, f64)>,
    /// Cohen's κ of first vs repeat.
    pub kappa: Option<f64>,
    /// Bootstrap CI of κ.
    pub kappa_ci: Option<(f64, f64)>,
    /// Pairs whose preference winner changed (preference only).
    pub flips: u64,
    /// `flips / n_pairs`.
    pub flip_rate: Option<f64>,
    /// Wilson 95% interval of the flip rate.
    pub flip_ci: Option<(f64, f64)>,
}

/// What to compare and how.
#[derive(Clone, Debug, PartialEq)]
pub struct RetestOptions {
    /// Criterion id; `None` compares the preference winner.
    pub criterion: Option<String>,
    /// Level of measurement (default: nominal for labels, interval for numbers).
    pub level: Option<Level>,
    /// Bootstrap resamples (0: no CI).
    pub bootstrap: u32,
    /// Bootstrap seed.
    pub seed: u64,
}

impl Default for RetestOptions {
    fn default() -> Self {
        RetestOptions { criterion: None, level: None, bootstrap: 1000, seed: 0 }
    }
}

fn category(value: &Value) -> Option<Category> {
    match value {
        Value::Number(n) => n.as_f64().map(Category::Number),
        Value::Bool(b) => Some(Category::Bool(*b)),
        Value::String(s) => Some(Category::Label(s.clone())),
        _ => None,
    }
}

fn value_of(judgment: &Judgment, criterion: Option<&str>) -> Option<Category> {
    match criterion {
        None => judgment.preference.as_ref().map(|p| Category::Label(p.winner.clone())),
        Some(id) => judgment.scores.as_ref()?.get(id).and_then(category),
    }
}

/// One pair: (annotator, group, first value, repeat value).
type Pair = (String, Option<String>, Category, Category);

/// Retest rows: overall first, then per group, then per rater (names in order).
pub fn retest(judgments: &[Judgment], options: &RetestOptions) -> Vec<RetestRow> {
    let criterion = options.criterion.as_deref();
    let firsts: BTreeMap<(&str, &str), &Judgment> =
        judgments.iter().filter(|j| repeat_source(&j.item_id).is_none()).map(|j| ((j.annotator.as_str(), j.item_id.as_str()), j)).collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for repeat in judgments {
        let Some(source) = repeat_source(&repeat.item_id) else { continue };
        let Some(first) = firsts.get(&(repeat.annotator.as_str(), source)) else { continue };
        if let (Some(a), Some(b)) = (value_of(first, criterion), value_of(repeat, criterion)) {
            pairs.push((repeat.annotator.clone(), repeat.group.clone().or_else(|| first.group.clone()), a, b));
        }
    }
    let mut scopes: BTreeMap<Scope, Vec<usize>> = BTreeMap::new();
    for (index, (annotator, group, _, _)) in pairs.iter().enumerate() {
        scopes.entry(Scope::All).or_default().push(index);
        if let Some(group) = group {
            scopes.entry(Scope::Group(group.clone())).or_default().push(index);
        }
        scopes.entry(Scope::Annotator(annotator.clone())).or_default().push(index);
    }
    scopes.into_iter().map(|(scope, members)| row(scope, &members, &pairs, options)).collect()
}

fn row(scope: Scope, members: &[usize], pairs: &[Pair], options: &RetestOptions) -> RetestRow {
    let scale = Scale::from_categories(members.iter().flat_map(|&i| [pairs[i].2.clone(), pairs[i].3.clone()]).collect());
    let id = |c: &Category| scale.id_of(c).expect("every value is on the scale built from the values");
    let units: Vec<Vec<Rating>> = members.iter().map(|&i| vec![(0, id(&pairs[i].2)), (1, id(&pairs[i].3))]).collect();
    let ratings = Ratings::from_units(scale.clone(), units);
    let level = options.level.unwrap_or(if scale.is_numeric() { Level::Interval } else { Level::Nominal });
    let agreement_options = Options {
        metrics: vec![Metric::KrippendorffAlpha, Metric::CohenKappa],
        bootstrap: options.bootstrap,
        seed: options.seed,
        ..Options::default()
    };
    let results = evaluate("retest", &ratings, level, LevelSource::Flag, &agreement_options);
    let ci = |r: &crate::agreement::AgreementResult| r.ci_low.zip(r.ci_high);
    let n = members.len() as u64;
    let preference = options.criterion.is_none();
    let flips = if preference { members.iter().filter(|&&i| pairs[i].2 != pairs[i].3).count() as u64 } else { 0 };
    RetestRow {
        scope,
        n_pairs: n,
        alpha: results[0].value,
        alpha_ci: ci(&results[0]),
        kappa: results[1].value,
        kappa_ci: ci(&results[1]),
        flips,
        flip_rate: (preference && n > 0).then(|| flips as f64 / n as f64),
        flip_ci: if preference { wilson(flips, n, 0.95) } else { None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::Preference;

    fn judgment(item: &str, annotator: &str, group: &str, winner: &str) -> Judgment {
        let mut j = Judgment::new(item, annotator);
        j.group = Some(group.into());
        j.preference = Some(Preference { winner: winner.into(), strength: None, extra: Default::default() });
        j
    }

    #[test]
    fn flips_and_self_agreement_per_rater_and_group() {
        let mut judgments = Vec::new();
        // Rater a (site s): 10 pairs, 2 flips. Rater b (site s): 4 pairs, identical.
        for i in 0..10 {
            let first = if i % 2 == 0 { "x" } else { "y" };
            let again = if i < 2 {
                if first == "x" {
                    "y"
                } else {
                    "x"
                }
            } else {
                first
            };
            judgments.push(judgment(&format!("q{i}"), "a", "s", first));
            judgments.push(judgment(&format!("q{i}#repeat"), "a", "s", again));
        }
        for i in 0..4 {
            let w = if i % 2 == 0 { "x" } else { "tie" };
            judgments.push(judgment(&format!("q{i}"), "b", "s", w));
            judgments.push(judgment(&format!("q{i}#repeat"), "b", "s", w));
        }
        judgments.push(judgment("q9#repeat", "c", "t", "x")); // no first showing: ignored
        let rows = retest(&judgments, &RetestOptions { bootstrap: 200, ..Default::default() });
        let scopes: Vec<&Scope> = rows.iter().map(|r| &r.scope).collect();
        assert_eq!(scopes, [&Scope::All, &Scope::Group("s".into()), &Scope::Annotator("a".into()), &Scope::Annotator("b".into())]);
        let a = &rows[2];
        assert_eq!((a.n_pairs, a.flips), (10, 2));
        assert!((a.flip_rate.unwrap() - 0.2).abs() < 1e-12);
        // Cohen's κ of a 2×2 table [[4,1],[1,4]]: p_o = .8, p_e = .5, κ = .6.
        assert!((a.kappa.unwrap() - 0.6).abs() < 1e-12, "{a:?}");
        let (low, high) = a.flip_ci.unwrap();
        assert!(low < 0.2 && 0.2 < high);
        assert_eq!(rows[3].kappa, Some(1.0));
        assert_eq!(rows[0].n_pairs, 14);
    }
}
