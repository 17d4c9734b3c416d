//! Subgroups from judgments: gold error, disagreement with the consensus of the other raters,
//! and handling time, per group or annotator, per UTC day or ISO week. LLM judges are left out
//! unless included.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::{Observations, Subgroup};
use crate::task::Task;
use crate::time::{rfc3339_from_unix_ms, unix_seconds_from_rfc3339};
use crate::Judgment;

/// What each subgroup measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Judgments whose answers differ from the item's gold (counts: wrong judgments or wrong answers).
    GoldError,
    /// Judgments whose answers differ from the strict majority of the item's other raters.
    Disagreement,
    /// Seconds spent: `duration_ms`, else `submitted_at − started_at` (values).
    HandleTime,
}

/// Who a subgroup belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The judgment's `group` (site, vendor).
    Group,
    /// The annotator.
    Annotator,
}

/// How judgments are grouped in time (by `submitted_at`, else `started_at`, in UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// `YYYY-MM-DD`.
    Day,
    /// ISO 8601 week, `YYYY-Www`.
    Week,
}

/// Settings of [`subgroups`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricOptions {
    /// The metric.
    pub metric: Metric,
    /// The key.
    pub by: By,
    /// The period.
    pub period: Period,
    /// Count LLM judges (`Judgment::is_llm_judge`) too.
    pub include_llm_judges: bool,
    /// Counts are wrong answers (for c and u charts) rather than wrong judgments.
    pub count_answers: bool,
}

/// Judgments left out, by reason.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    /// LLM judges (not included).
    pub llm_judges: u64,
    /// No `submitted_at` or `started_at`, or one that does not parse.
    pub no_time: u64,
    /// `--by group` and no group.
    pub no_group: u64,
    /// Nothing to compare (no gold, no consensus, no duration).
    pub not_comparable: u64,
}

/// The period label of an RFC 3339 timestamp.
pub fn period_label(timestamp: &str, period: Period) -> Option<String> {
    let seconds = unix_seconds_from_rfc3339(timestamp)?;
    let days = seconds.div_euclid(86_400);
    match period {
        Period::Day => Some(rfc3339_from_unix_ms(days * 86_400_000)[..10].to_owned()),
        Period::Week => {
            // ISO weekday: 1970-01-01 was a Thursday (weekday 4, Monday = 1).
            let weekday = (days + 3).rem_euclid(7) + 1;
            let thursday = days - weekday + 4;
            let year: i64 = rfc3339_from_unix_ms(thursday * 86_400_000)[..4].parse().ok()?;
            let january_first = unix_seconds_from_rfc3339(&format!("{year:04}-01-01T00:00:00Z"))? / 86_400;
            Some(format!("{year:04}-W{:02}", (thursday - january_first) / 7 + 1))
        }
    }
}

/// A comparable answer of a judgment: the preference winner or one criterion value (per
/// output criteria as `criterion/model`).
fn answers(judgment: &Judgment) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    if let Some(preference) = &judgment.preference {
        out.push(("preference".to_owned(), Value::String(preference.winner.clone())));
    }
    for (criterion, value) in judgment.scores.iter().flatten() {
        match value {
            Value::Object(per_output) => {
                out.extend(per_output.iter().filter(|(_, v)| is_categorical(v)).map(|(m, v)| (format!("{criterion}/{m}"), v.clone())))
            }
            v if is_categorical(v) => out.push((criterion.clone(), v.clone())),
            _ => {}
        }
    }
    out
}

fn is_categorical(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Bool(_) | Value::Number(_))
}

fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Gold answers of one task as (name, value): the preference as `preference`, each score as
/// its criterion (per-output ones as `criterion/model`), the names judgments are compared on.
pub fn gold_answers(task: &Task) -> Vec<(String, Value)> {
    let Some(gold) = &task.gold else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(preference) = &gold.preference {
        out.push(("preference".to_owned(), Value::String(preference.clone())));
    }
    for (criterion, value) in &gold.scores {
        match value {
            Value::Object(per_output) => out.extend(per_output.iter().map(|(m, v)| (format!("{criterion}/{m}"), v.clone()))),
            v => out.push((criterion.clone(), v.clone())),
        }
    }
    out
}

/// (wrong answers, compared answers) of one judgment against reference answers.
fn compare(mine: &[(String, Value)], reference: &[(String, Value)]) -> (u64, u64) {
    let mut wrong = 0;
    let mut compared = 0;
    for (name, value) in mine {
        if let Some((_, expected)) = reference.iter().find(|(n, _)| n == name) {
            compared += 1;
            wrong += u64::from(!same(value, expected));
        }
    }
    (wrong, compared)
}

/// The strict majority answer of each name among `others`' answers, if any.
fn majority(others: &[&Vec<(String, Value)>]) -> Vec<(String, Value)> {
    let mut tally: BTreeMap<&str, Vec<(&Value, u64)>> = BTreeMap::new();
    let mut raters: BTreeMap<&str, u64> = BTreeMap::new();
    for answers in others {
        for (name, value) in answers.iter() {
            *raters.entry(name).or_default() += 1;
            let counts = tally.entry(name).or_default();
            match counts.iter_mut().find(|(v, _)| same(v, value)) {
                Some(entry) => entry.1 += 1,
                None => counts.push((value, 1)),
            }
        }
    }
    tally
        .into_iter()
        .filter_map(|(name, counts)| {
            let total = raters[name];
            counts.into_iter().find(|(_, c)| 2 * c > total && total >= 2).map(|(v, _)| (name.to_owned(), v.clone()))
        })
        .collect()
}

/// What one kept judgment measured.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// Answers compared with the reference (gold or the others' majority) and how many differed.
    Compared {
        /// Answers that differ.
        wrong: u64,
        /// Answers compared (≥ 1).
        compared: u64,
    },
    /// Seconds spent.
    Seconds(f64),
}

/// One judgment's outcome: which judgment, its key and period, what it measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Index into the judgments given to [`outcomes`].
    pub judgment: usize,
    /// Its key (group or annotator).
    pub key: String,
    /// Its period label.
    pub period: String,
    /// What it measured.
    pub measure: Measure,
}

/// Measures every judgment as [`subgroups`] counts it (same exclusions, same comparisons), in
/// judgment order; judgments left out are counted in [`Skipped`].
pub fn outcomes(judgments: &[Judgment], tasks: &[Task], options: MetricOptions) -> (Vec<Outcome>, Skipped) {
    let mut skipped = Skipped::default();
    let kept: Vec<usize> = (0..judgments.len())
        .filter(|&i| {
            let keep = options.include_llm_judges || !judgments[i].is_llm_judge();
            skipped.llm_judges += u64::from(!keep);
            keep
        })
        .collect();
    let gold: HashMap<&str, Vec<(String, Value)>> = tasks.iter().map(|t| (t.id.as_str(), gold_answers(t))).collect();
    let all_answers: Vec<Vec<(String, Value)>> = kept.iter().map(|&i| answers(&judgments[i])).collect();
    let mut by_item: HashMap<&str, Vec<usize>> = HashMap::new();
    if options.metric == Metric::Disagreement {
        for (index, &at) in kept.iter().enumerate() {
            by_item.entry(judgments[at].item_id.as_str()).or_default().push(index);
        }
    }
    let mut out = Vec::new();
    for (index, &at) in kept.iter().enumerate() {
        let judgment = &judgments[at];
        let Some(period) =
            judgment.submitted_at.as_deref().or(judgment.started_at.as_deref()).and_then(|t| period_label(t, options.period))
        else {
            skipped.no_time += 1;
            continue;
        };
        let key = match options.by {
            By::Annotator => judgment.annotator.clone(),
            By::Group => match &judgment.group {
                Some(group) => group.clone(),
                None => {
                    skipped.no_group += 1;
                    continue;
                }
            },
        };
        let measure = match options.metric {
            Metric::HandleTime => judgment
                .duration_ms
                .map(|ms| ms as f64 / 1000.0)
                .or_else(|| {
                    let start = unix_seconds_from_rfc3339(judgment.started_at.as_deref()?)?;
                    let end = unix_seconds_from_rfc3339(judgment.submitted_at.as_deref()?)?;
                    (end >= start).then(|| (end - start) as f64)
                })
                .map(Measure::Seconds),
            Metric::GoldError => gold.get(judgment.item_id.as_str()).map(|g| compare(&all_answers[index], g)).and_then(compared),
            Metric::Disagreement => {
                let others: Vec<&Vec<(String, Value)>> =
                    by_item[judgment.item_id.as_str()].iter().filter(|&&other| other != index).map(|&other| &all_answers[other]).collect();
                compared(compare(&all_answers[index], &majority(&others)))
            }
        };
        match measure {
            Some(measure) => out.push(Outcome { judgment: at, key, period, measure }),
            None => skipped.not_comparable += 1,
        }
    }
    (out, skipped)
}

fn compared((wrong, compared): (u64, u64)) -> Option<Measure> {
    (compared > 0).then_some(Measure::Compared { wrong, compared })
}

/// Builds one subgroup per (key, period) from `judgments` (already de-duplicated) and, for
/// gold error, the gold answers in `tasks`. Subgroups come out sorted by key, then period.
///
/// - gold error: a judgment is compared on every answer that has a gold value (preference
///   winner, item-level and per-output criterion values, numbers compared as numbers); it is
///   wrong when any answer differs (`count_answers`: the count is wrong answers, n compared judgments);
/// - disagreement: the same against the strict majority of the item's *other* raters (at
///   least two of them answered); LLM judges are neither counted nor part of the consensus
///   unless included;
/// - handle time: seconds from `duration_ms`, else `submitted_at − started_at` (≥ 0).
pub fn subgroups(judgments: &[Judgment], tasks: &[Task], options: MetricOptions) -> (Vec<Subgroup>, Skipped) {
    let (measured, skipped) = outcomes(judgments, tasks, options);
    // (key, period) → (count, n) or values; BTreeMap keeps the output order deterministic.
    let mut counts: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    let mut values: BTreeMap<(String, String), Vec<f64>> = BTreeMap::new();
    for Outcome { key, period, measure, .. } in measured {
        match measure {
            Measure::Seconds(seconds) => values.entry((key, period)).or_default().push(seconds),
            Measure::Compared { wrong, .. } => {
                let entry = counts.entry((key, period)).or_default();
                entry.0 += if options.count_answers { wrong } else { u64::from(wrong > 0) };
                entry.1 += 1;
            }
        }
    }
    let mut out: Vec<Subgroup> = counts
        .into_iter()
        .map(|((key, period), (count, n))| Subgroup { key, period, observations: Observations::Counts { count, n } })
        .collect();
    out.extend(values.into_iter().map(|((key, period), v)| Subgroup { key, period, observations: Observations::Values(v) }));
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_iso_8601() {
        // 2026-01-01 is a Thursday (week 1); 2027-01-01 a Friday (week 53 of 2026).
        assert_eq!(period_label("2026-01-01T10:00:00Z", Period::Week).as_deref(), Some("2026-W01"));
        assert_eq!(period_label("2027-01-01T10:00:00Z", Period::Week).as_deref(), Some("2026-W53"));
        assert_eq!(period_label("2024-12-30T00:00:00Z", Period::Week).as_deref(), Some("2025-W01"));
        assert_eq!(period_label("2026-11-30T23:59:59Z", Period::Day).as_deref(), Some("2026-11-30"));
        assert_eq!(period_label("garbage", Period::Day), None);
    }

    fn judged(item: &str, annotator: &str, winner: &str, day: &str) -> Judgment {
        let mut j = Judgment::new(item, annotator);
        j.group = Some(format!("site-{}", &annotator[..1]));
        j.preference = Some(crate::judgment::Preference { winner: winner.into(), strength: None, extra: Default::default() });
        j.submitted_at = Some(format!("{day}T12:00:00Z"));
        j.started_at = Some(format!("{day}T11:59:30Z"));
        j
    }

    #[test]
    fn counts_gold_errors_disagreements_and_times() {
        let judgments = vec![
            judged("i1", "a1", "m1", "2026-11-30"),
            judged("i1", "a2", "m1", "2026-11-30"),
            judged("i1", "b1", "m2", "2026-11-30"),
            judged("i1", "judge:gpt", "m2", "2026-11-30"),
        ];
        let mut task: Task = serde_json::from_str(r#"{"id":"i1","outputs":[],"gold":{"preference":"m1"}}"#).unwrap();
        task.outputs.clear();
        let options = MetricOptions {
            metric: Metric::GoldError,
            by: By::Group,
            period: Period::Day,
            include_llm_judges: false,
            count_answers: false,
        };
        let (groups, skipped) = subgroups(&judgments, &[task.clone()], options);
        assert_eq!(skipped.llm_judges, 1);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].observations, Observations::Counts { count: 0, n: 2 });
        assert_eq!(groups[1].observations, Observations::Counts { count: 1, n: 1 });
        let (groups, _) = subgroups(&judgments, &[], MetricOptions { metric: Metric::Disagreement, by: By::Annotator, ..options });
        let b1 = groups.iter().find(|g| g.key == "b1").unwrap();
        assert_eq!(b1.observations, Observations::Counts { count: 1, n: 1 });
        let (groups, _) = subgroups(&judgments, &[], MetricOptions { metric: Metric::HandleTime, ..options });
        assert_eq!(groups[0].observations, Observations::Values(vec![30.0, 30.0]));
    }
}
