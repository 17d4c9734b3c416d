//! Root cause, quantified: defect (gold error) or disagreement rates stratified by a pair of
//! fields (group, annotator or any task `meta` field: site × policy, language …) for a heatmap,
//! and "what changed" between two periods: each stratum's contribution to the change of the
//! overall rate, tested per stratum (Fisher / χ², `stats::contingency`) with Benjamini–Hochberg
//! control across strata. Formulas: `docs/METRICS.md`, "Root cause: strata".

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::metrics::{outcomes, By, Measure, Metric, MetricOptions, Outcome, Skipped};
use crate::stats::contingency::{table_test, TableTest};
use crate::stats::{benjamini_hochberg, wilson};
use crate::task::Task;
use crate::Judgment;

/// At most this many distinct values per field (documented limit): a heatmap of more is unreadable.
pub const MAX_FIELD_VALUES: usize = 500;

/// A field that splits judgments into strata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The judgment's group (site, vendor).
    Group,
    /// The annotator.
    Annotator,
    /// A `meta` field of the item in the task file (e.g. `language`, `policy`).
    Meta(String),
    /// One stratum for everything (a one-field table).
    All,
}

impl Field {
    /// Parses `group`, `annotator`, `all` or `meta.NAME` (a bare other name is a meta field too).
    pub fn parse(text: &str) -> Option<Field> {
        Some(match text.trim() {
            "" => return None,
            "group" => Field::Group,
            "annotator" => Field::Annotator,
            "all" => Field::All,
            other => Field::Meta(other.strip_prefix("meta.").unwrap_or(other).to_owned()),
        })
    }

    /// The field's value for a judgment; an empty string when it has none.
    fn value(&self, judgment: &Judgment, meta: Option<&serde_json::Map<String, Value>>) -> String {
        match self {
            Field::Group => judgment.group.clone().unwrap_or_default(),
            Field::Annotator => judgment.annotator.clone(),
            Field::All => String::new(),
            Field::Meta(name) => match meta.and_then(|m| m.get(name)) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            },
        }
    }
}

/// Why strata cannot be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StrataError {
    /// Handling time is not a rate.
    #[error("strata need a rate metric (gold_error or disagreement)")]
    NotARate,
    /// A field has more than [`MAX_FIELD_VALUES`] values.
    #[error("field {field} has more than {limit} values")]
    TooManyValues {
        /// The field.
        field: String,
        /// The limit.
        limit: usize,
    },
}

/// One cell of the heatmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StratumCell {
    /// The first field's value (`""`: none).
    pub row: String,
    /// The second field's value.
    pub column: String,
    /// Defective (or disagreeing) judgments.
    pub count: u64,
    /// Judgments compared.
    pub n: u64,
    /// count / n.
    pub rate: f64,
    /// 95% Wilson interval, lower end.
    pub ci_low: f64,
    /// Upper end.
    pub ci_high: f64,
}

/// Rates by two fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StrataTable {
    /// Row values, sorted.
    pub rows: Vec<String>,
    /// Column values, sorted.
    pub columns: Vec<String>,
    /// Non-empty cells, by row then column.
    pub cells: Vec<StratumCell>,
    /// All cells together: defective judgments.
    pub count: u64,
    /// All cells together: judgments compared.
    pub n: u64,
}

/// One stratum's part of the change between two periods.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StratumChange {
    /// The first field's value.
    pub row: String,
    /// The second field's value.
    pub column: String,
    /// Defective judgments before.
    pub before_count: u64,
    /// Judgments compared before.
    pub before_n: u64,
    /// Defective judgments after.
    pub after_count: u64,
    /// Judgments compared after.
    pub after_n: u64,
    /// `after_count / N_after − before_count / N_before`: the contributions of all strata add
    /// up to the change of the overall rate.
    pub contribution: f64,
    /// The test of before vs after within the stratum (`None`: an empty row or column).
    pub test: Option<TableTest>,
    /// Its p-value.
    pub p_value: Option<f64>,
    /// Benjamini–Hochberg adjusted p-value across the tested strata.
    pub q_value: Option<f64>,
}

/// "What changed" between two period ranges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhatChanged {
    /// First period range, inclusive (labels).
    pub before: (String, String),
    /// Second period range, inclusive.
    pub after: (String, String),
    /// Overall rate before (`None`: nothing compared).
    pub before_rate: Option<f64>,
    /// Overall rate after.
    pub after_rate: Option<f64>,
    /// Strata by |contribution|, largest first (then row, column).
    pub strata: Vec<StratumChange>,
}

/// Settings of [`stratify`] and [`what_changed`].
#[derive(Clone, Debug, PartialEq)]
pub struct StrataOptions {
    /// The rate (gold error or disagreement), the period and whether LLM judges count.
    pub metric: MetricOptions,
    /// Rows of the table.
    pub rows: Field,
    /// Columns of the table.
    pub columns: Field,
}

/// One compared judgment: (row value, column value, period, defective).
type Classified = (String, String, String, bool);

/// Every compared judgment, classified.
fn classified(judgments: &[Judgment], tasks: &[Task], options: &StrataOptions) -> Result<(Vec<Classified>, Skipped), StrataError> {
    if options.metric.metric == Metric::HandleTime {
        return Err(StrataError::NotARate);
    }
    // The key is not used here; by annotator nothing is left out for want of a group.
    let (measured, skipped) = outcomes(judgments, tasks, MetricOptions { by: By::Annotator, ..options.metric });
    let meta: HashMap<&str, &serde_json::Map<String, Value>> = tasks.iter().map(|t| (t.id.as_str(), &t.meta)).collect();
    let mut out = Vec::with_capacity(measured.len());
    for Outcome { judgment, period, measure, .. } in measured {
        let Measure::Compared { wrong, .. } = measure else { continue };
        let judgment = &judgments[judgment];
        let item_meta = meta.get(judgment.item_id.as_str()).copied();
        out.push((options.rows.value(judgment, item_meta), options.columns.value(judgment, item_meta), period, wrong > 0));
    }
    for (field, values) in
        [(&options.rows, out.iter().map(|c| &c.0).collect::<Vec<_>>()), (&options.columns, out.iter().map(|c| &c.1).collect())]
    {
        let mut distinct = values;
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() > MAX_FIELD_VALUES {
            return Err(StrataError::TooManyValues { field: format!("{field:?}"), limit: MAX_FIELD_VALUES });
        }
    }
    Ok((out, skipped))
}

/// The rate of every (row, column) stratum over all periods, with 95% Wilson intervals.
///
/// ```
/// use verdict_core::spc::metrics::{By, Metric, MetricOptions, Period};
/// use verdict_core::spc::strata::{stratify, Field, StrataOptions};
/// let lines = ["i1 a1 m1 s1", "i1 a2 m1 s1", "i1 a3 m2 s2", "i2 a1 m1 s1", "i2 a2 m1 s1", "i2 a3 m1 s2"];
/// let judgments: Vec<verdict_core::Judgment> = lines.iter().map(|l| {
///     let f: Vec<&str> = l.split(' ').collect();
///     verdict_core::judgment::judgment_from_line(&format!(
///         r#"{{"schema":"verdict/judgment@1","item_id":"{}","annotator":"{}","group":"{}","preference":{{"winner":"{}"}},"submitted_at":"2026-11-30T10:00:00Z"}}"#,
///         f[0], f[1], f[3], f[2])).unwrap()
/// }).collect();
/// let metric = MetricOptions { metric: Metric::Disagreement, by: By::Group, period: Period::Week, include_llm_judges: false, count_answers: false };
/// let (table, _) = stratify(&judgments, &[], &StrataOptions { metric, rows: Field::Group, columns: Field::All }).unwrap();
/// assert_eq!((table.cells[1].row.as_str(), table.cells[1].count, table.cells[1].n), ("s2", 1, 2));
/// ```
pub fn stratify(judgments: &[Judgment], tasks: &[Task], options: &StrataOptions) -> Result<(StrataTable, Skipped), StrataError> {
    let (rows, skipped) = classified(judgments, tasks, options)?;
    let mut cells: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for (row, column, _, defective) in rows {
        let cell = cells.entry((row, column)).or_default();
        cell.0 += u64::from(defective);
        cell.1 += 1;
    }
    let mut row_names: Vec<String> = cells.keys().map(|k| k.0.clone()).collect();
    row_names.dedup();
    let mut column_names: Vec<String> = cells.keys().map(|k| k.1.clone()).collect();
    column_names.sort();
    column_names.dedup();
    let (count, n) = cells.values().fold((0, 0), |acc, c| (acc.0 + c.0, acc.1 + c.1));
    let cells = cells
        .into_iter()
        .map(|((row, column), (count, n))| {
            let (ci_low, ci_high) = wilson(count, n, 0.95).expect("a cell holds at least one judgment");
            StratumCell { row, column, count, n, rate: count as f64 / n as f64, ci_low, ci_high }
        })
        .collect();
    Ok((StrataTable { rows: row_names, columns: column_names, cells, count, n }, skipped))
}

/// Compares the periods `before` and `after` (inclusive label ranges, e.g. `2026-W45..2026-W47`):
/// every stratum seen in either, its contribution to the change of the overall rate, and a test
/// of its own change (Fisher's exact test when an expected count is below 5, else Yates' χ²),
/// with Benjamini–Hochberg adjusted p-values across the strata tested.
pub fn what_changed(
    judgments: &[Judgment],
    tasks: &[Task],
    options: &StrataOptions,
    before: (&str, &str),
    after: (&str, &str),
) -> Result<WhatChanged, StrataError> {
    let (rows, _) = classified(judgments, tasks, options)?;
    let within = |period: &str, (from, to): (&str, &str)| period >= from && period <= to;
    // (row, column) → [before (count, n), after (count, n)]
    let mut strata: BTreeMap<(String, String), [(u64, u64); 2]> = BTreeMap::new();
    for (row, column, period, defective) in rows {
        for (side, range) in [before, after].into_iter().enumerate() {
            if within(&period, range) {
                let cell = &mut strata.entry((row.clone(), column.clone())).or_default()[side];
                cell.0 += u64::from(defective);
                cell.1 += 1;
            }
        }
    }
    let totals = strata.values().fold([(0u64, 0u64); 2], |mut acc, sides| {
        for side in 0..2 {
            acc[side].0 += sides[side].0;
            acc[side].1 += sides[side].1;
        }
        acc
    });
    let share = |count: u64, total: u64| if total == 0 { 0.0 } else { count as f64 / total as f64 };
    let mut changes: Vec<StratumChange> = strata
        .into_iter()
        .map(|((row, column), [(before_count, before_n), (after_count, after_n)])| {
            let tested = table_test(after_count, after_n - after_count, before_count, before_n - before_count);
            StratumChange {
                row,
                column,
                before_count,
                before_n,
                after_count,
                after_n,
                contribution: share(after_count, totals[1].1) - share(before_count, totals[0].1),
                test: tested.map(|t| t.0),
                p_value: tested.map(|t| t.1),
                q_value: None,
            }
        })
        .collect();
    let tested: Vec<usize> = (0..changes.len()).filter(|&i| changes[i].p_value.is_some()).collect();
    let p_values: Vec<f64> = tested.iter().map(|&i| changes[i].p_value.expect("filtered on is_some")).collect();
    for (&index, q) in tested.iter().zip(benjamini_hochberg(&p_values)) {
        changes[index].q_value = Some(q);
    }
    changes.sort_by(|a, b| {
        b.contribution.abs().total_cmp(&a.contribution.abs()).then_with(|| a.row.cmp(&b.row)).then_with(|| a.column.cmp(&b.column))
    });
    let rate = |(count, n): (u64, u64)| (n > 0).then(|| count as f64 / n as f64);
    Ok(WhatChanged {
        before: (before.0.to_owned(), before.1.to_owned()),
        after: (after.0.to_owned(), after.1.to_owned()),
        before_rate: rate(totals[0]),
        after_rate: rate(totals[1]),
        strata: changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spc::metrics::Period;

    /// Gold-error judgments: `(item, site, language, week day, wrong)`.
    fn data(rows: &[(&str, &str, &str, &str, bool)]) -> (Vec<Judgment>, Vec<Task>) {
        let mut judgments = Vec::new();
        let mut tasks = Vec::new();
        for (index, (item, site, language, day, wrong)) in rows.iter().enumerate() {
            let id = format!("{item}-{index}");
            let mut j = Judgment::new(&id, format!("{site}-rater"));
            j.group = Some((*site).to_owned());
            let winner = if *wrong { "m2" } else { "m1" };
            j.preference = Some(crate::judgment::Preference { winner: winner.into(), strength: None, extra: Default::default() });
            j.submitted_at = Some(format!("{day}T12:00:00Z"));
            judgments.push(j);
            tasks.push(
                serde_json::from_value::<Task>(serde_json::json!({"id": id, "prompt": "p", "outputs": [], "meta": {"language": language}, "gold": {"preference": "m1"}}))
                    .unwrap(),
            );
        }
        (judgments, tasks)
    }

    fn options(rows: Field, columns: Field) -> StrataOptions {
        let metric = MetricOptions {
            metric: Metric::GoldError,
            by: By::Group,
            period: Period::Week,
            include_llm_judges: false,
            count_answers: false,
        };
        StrataOptions { metric, rows, columns }
    }

    #[test]
    fn stratifies_by_a_group_and_a_meta_field() {
        let (judgments, tasks) =
            data(&[("a", "s1", "en", "2026-11-30", true), ("b", "s1", "en", "2026-11-30", false), ("c", "s2", "fr", "2026-11-30", true)]);
        let (table, _) = stratify(&judgments, &tasks, &options(Field::Group, Field::Meta("language".into()))).unwrap();
        assert_eq!(table.rows, ["s1", "s2"]);
        assert_eq!(table.columns, ["en", "fr"]);
        assert_eq!((table.count, table.n), (2, 3));
        let cell = &table.cells[0];
        assert_eq!((cell.count, cell.n, cell.rate), (1, 2, 0.5));
        // Wilson 95% for 1/2, R 4.2.2: prop.test(1, 2, correct = FALSE)$conf.int = 0.094531206, 0.905468794.
        assert!((cell.ci_low - 0.094531).abs() < 1e-6 && (cell.ci_high - 0.905469).abs() < 1e-6);
        assert_eq!(
            stratify(
                &judgments,
                &tasks,
                &StrataOptions {
                    metric: MetricOptions { metric: Metric::HandleTime, ..options(Field::All, Field::All).metric },
                    ..options(Field::All, Field::All)
                }
            ),
            Err(StrataError::NotARate)
        );
    }

    #[test]
    fn ranks_what_changed_and_tests_it_like_r() {
        // Site s2 goes from 1/20 wrong (week 48) to 12/20 (week 50); s1 stays at 2/20 and 3/20.
        let mut rows = Vec::new();
        for (site, day, wrong, n) in
            [("s1", "2026-11-23", 2, 20), ("s2", "2026-11-23", 1, 20), ("s1", "2026-12-07", 3, 20), ("s2", "2026-12-07", 12, 20)]
        {
            for index in 0..n {
                rows.push(("i", site, "en", day, index < wrong));
            }
        }
        let (judgments, tasks) = data(&rows);
        let changed =
            what_changed(&judgments, &tasks, &options(Field::Group, Field::All), ("2026-W48", "2026-W48"), ("2026-W50", "2026-W50"))
                .unwrap();
        assert_eq!(changed.before_rate, Some(3.0 / 40.0));
        assert_eq!(changed.after_rate, Some(15.0 / 40.0));
        let top = &changed.strata[0];
        assert_eq!(top.row, "s2");
        assert!((top.contribution - (12.0 / 40.0 - 1.0 / 40.0)).abs() < 1e-12);
        let total: f64 = changed.strata.iter().map(|s| s.contribution).sum();
        assert!((total - (15.0 - 3.0) / 40.0).abs() < 1e-12);
        // Expected counts of s2's table are 6.5 and 13.5 (all ≥ 5), so Yates' χ² is used.
        assert_eq!(top.test, Some(TableTest::ChiSquared));
        assert!((top.p_value.unwrap() - R_S2_CHISQ).abs() < 1e-9, "{:?}", top.p_value);
        // s1: 3/20 vs 2/20 has expected counts 2.5 → Fisher; R: fisher.test(matrix(c(3, 2, 17, 18), 2))$p.value = 1.
        let s1 = &changed.strata[1];
        assert_eq!((s1.test, s1.p_value), (Some(TableTest::Fisher), Some(1.0)));
        // BH over two p-values: q = (2 p₁, min(1, p₂)) sorted.
        assert!((top.q_value.unwrap() - 2.0 * R_S2_CHISQ).abs() < 1e-9);
    }

    /// R 4.2.2: `sprintf("%.12g", chisq.test(matrix(c(12, 1, 8, 19), 2))$p.value)`.
    const R_S2_CHISQ: f64 = 0.000736019656326;
}
