//! Per group and ISO week: judgments and the humans' percent agreement; and the disagreement queue
//! (items humans disagree on, most disputed first).

use std::collections::BTreeMap;

use super::annotators::group_of;
use super::read::Pass;
use super::{iso_week, MAX_DISAGREEMENTS, NO_CODE};
use crate::agreement::{evaluate, Level, LevelSource, Metric, Options, Ratings, Scale};
use crate::judgment::judgment_from_line;
use crate::report::{Answer, Disagreement, TrendRow};

/// Percent agreement of a set of `(item, code)` values, by the agreement module
/// (`agreement::evaluate`, `percent_agreement`): the mean over items with two or more values of
/// the share of agreeing pairs of values.
pub(super) fn percent_agreement(values: &mut [(u32, u32)]) -> Option<f64> {
    values.sort_unstable();
    let mut codes: Vec<u32> = values.iter().map(|value| value.1).collect();
    codes.sort_unstable();
    codes.dedup();
    let category = |code: u32| codes.binary_search(&code).expect("every code was collected") as u32;
    let units =
        values.chunk_by(|x, y| x.0 == y.0).map(|item| item.iter().enumerate().map(|(rater, v)| (rater as u32, category(v.1))).collect());
    let ratings = Ratings::from_units(Scale::labels(codes.iter().map(u32::to_string)), units);
    let options = Options { metrics: vec![Metric::PercentAgreement], bootstrap: 0, ..Options::default() };
    evaluate("trend", &ratings, Level::Nominal, LevelSource::Inferred, &options).first().and_then(|result| result.value)
}

/// Judgments of one group in one week, and their `(item, code)` values.
#[derive(Default)]
struct WeekCell {
    judgments: u64,
    values: Vec<(u32, u32)>,
}

pub(super) fn trend(pass: &Pass<'_>, codes: &[u32]) -> Vec<TrendRow> {
    let dataset = &pass.dataset;
    // Keyed by (group, day number of the week's Monday).
    let mut cells: BTreeMap<(u32, i64), WeekCell> = BTreeMap::new();
    for (record, &code) in pass.records.iter().zip(codes) {
        let a = record.annotator as usize;
        let (Some(time), Some(group), false) = (record.time, dataset.annotator_group.get(a).copied().flatten(), pass.is_judge[a]) else {
            continue;
        };
        let day = time.div_euclid(86_400);
        let monday = day - (day + 3).rem_euclid(7);
        let cell = cells.entry((group, monday)).or_default();
        cell.judgments += 1;
        if code != NO_CODE {
            cell.values.push((record.item, code));
        }
    }
    cells
        .into_iter()
        .map(|((group, monday), mut cell)| TrendRow {
            group: dataset.groups[group as usize].clone(),
            period: iso_week(monday),
            judgments: cell.judgments,
            percent_agreement: percent_agreement(&mut cell.values),
        })
        .collect()
}

pub(super) fn disagreements(pass: &Pass<'_>, codes: &[u32]) -> Vec<Disagreement> {
    let dataset = &pass.dataset;
    let mut by_item: Vec<Vec<u32>> = vec![Vec::new(); dataset.items.len()];
    for (index, record) in pass.records.iter().enumerate() {
        if !pass.is_judge[record.annotator as usize] {
            by_item[record.item as usize].push(index as u32);
        }
    }
    let mut candidates: Vec<(f64, u64, u32)> = Vec::new();
    let mut item_codes: Vec<u32> = Vec::new();
    for (item, records) in by_item.iter().enumerate() {
        item_codes.clear();
        item_codes.extend(records.iter().map(|&r| codes[r as usize]).filter(|&c| c != NO_CODE));
        if item_codes.len() < 2 {
            continue;
        }
        item_codes.sort_unstable();
        let most = item_codes.chunk_by(|a, b| a == b).map(<[u32]>::len).max().unwrap_or(0);
        candidates.push((1.0 - most as f64 / item_codes.len() as f64, records.len() as u64, item as u32));
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then_with(|| dataset.items[a.2 as usize].cmp(&dataset.items[b.2 as usize]))
    });
    candidates.truncate(MAX_DISAGREEMENTS);
    candidates
        .into_iter()
        .map(|(disagreement, n_judgments, item)| Disagreement {
            item_id: dataset.items[item as usize].to_owned(),
            n_judgments,
            disagreement,
            answers: by_item[item as usize]
                .iter()
                .map(|&r| {
                    let record = &pass.records[r as usize];
                    let judgment = judgment_from_line(record.line).ok();
                    Answer {
                        annotator: dataset.annotators[record.annotator as usize].clone(),
                        group: group_of(dataset, record.annotator as usize),
                        winner: judgment.as_ref().and_then(|j| j.preference.as_ref()).map(|p| p.winner.clone()),
                        scores: judgment.as_ref().and_then(|j| j.scores.clone()),
                        flags: judgment.and_then(|j| j.flags),
                    }
                })
                .collect(),
        })
        .collect()
}
