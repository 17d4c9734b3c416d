//! LLM judges against the human majority: agreement with a bootstrap interval, Cohen's kappa,
//! and position consistency over comparisons judged in both display orders.

use std::collections::BTreeMap;

use super::annotators::{cohen_kappa, rate};
use super::read::Pass;
use super::{iso_week, NO_CODE, SWAP_SUFFIX};
use crate::agreement::percentile_interval;
use crate::judgment::{judgment_from_line, Judgment};
use crate::report::{JudgeDrift, JudgeRow, JudgeWeek, ReportOptions};
use crate::rng::{seed_from_text, Pcg32};
use crate::spc::{compute_chart, ChartKind, ChartOptions, Observations, Subgroup};

/// The most common code among `codes` when it is unique.
pub(super) fn majority(codes: &[u32]) -> Option<u32> {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for &code in codes {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some(slot) => slot.1 += 1,
            None => counts.push((code, 1)),
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    let mut winners = counts.iter().filter(|c| c.1 == best);
    let first = winners.next()?.0;
    winners.next().is_none().then_some(first)
}

pub(super) fn judges(pass: &Pass<'_>, codes: &[u32], options: &ReportOptions) -> Vec<JudgeRow> {
    let dataset = &pass.dataset;
    // Human codes per item.
    let mut human_codes: Vec<Vec<u32>> = vec![Vec::new(); dataset.items.len()];
    for (record, &code) in pass.records.iter().zip(codes) {
        if !pass.is_judge[record.annotator as usize] && code != NO_CODE {
            human_codes[record.item as usize].push(code);
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for (a, name) in dataset.annotators.iter().enumerate() {
        let base = name.strip_suffix(SWAP_SUFFIX).unwrap_or(name);
        if pass.is_judge[a] && !names.contains(&base) {
            names.push(base);
        }
    }
    names
        .into_iter()
        .map(|judge| {
            // (judge code, human majority code) per item judged in the usual orientation.
            let mut compared: Vec<(u32, u32)> = Vec::new();
            // (disagreements, compared) per ISO week of the judge's judgment.
            let mut weeks: BTreeMap<String, (u64, u64)> = BTreeMap::new();
            let mut n_items = 0u64;
            // Judgments of the same comparison under either orientation, by base item.
            let mut orientations: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (record, &code) in pass.records.iter().zip(codes) {
                let annotator = dataset.annotators[record.annotator as usize].as_str();
                if annotator.strip_suffix(SWAP_SUFFIX).unwrap_or(annotator) != judge || !pass.is_judge[record.annotator as usize] {
                    continue;
                }
                let item = &dataset.items[record.item as usize];
                let base_item = item.strip_suffix(SWAP_SUFFIX).unwrap_or(item);
                orientations.entry(base_item).or_default().push(record.line);
                if annotator != judge || base_item != item || code == NO_CODE {
                    continue;
                }
                let humans = &human_codes[record.item as usize];
                if humans.is_empty() {
                    continue;
                }
                n_items += 1;
                if let Some(majority) = majority(humans) {
                    compared.push((code, majority));
                    if let Some(time) = record.time {
                        let week = weeks.entry(iso_week(time.div_euclid(86_400))).or_default();
                        week.0 += u64::from(code != majority);
                        week.1 += 1;
                    }
                }
            }
            let same = compared.iter().filter(|(j, h)| j == h).count() as u64;
            let agreement = rate(same, compared.len() as u64);
            let (ci_low, ci_high) = match agreement {
                Some(_) if options.bootstrap > 0 => bootstrap_agreement(&compared, judge, options),
                _ => (None, None),
            };
            let (n_swapped_pairs, consistent) = swapped_pairs(&orientations);
            JudgeRow {
                judge: judge.to_owned(),
                n_items,
                agreement,
                kappa: kappa_of_pairs(&compared),
                ci_low,
                ci_high,
                n_swapped_pairs,
                position_consistency: rate(consistent, n_swapped_pairs),
                drift: judge_drift(judge, &weeks),
                weekly: weeks.into_iter().map(|(period, (wrong, n))| JudgeWeek { period, n, agreement: rate(n - wrong, n) }).collect(),
            }
        })
        .collect()
}

/// CUSUM signals on a judge's weekly disagreement rate (standardized by the rate over all
/// weeks, `spc::compute_chart`); none with fewer than three weeks or no variation to measure.
fn judge_drift(judge: &str, weeks: &BTreeMap<String, (u64, u64)>) -> Vec<JudgeDrift> {
    if weeks.len() < 3 {
        return Vec::new();
    }
    let subgroups: Vec<Subgroup> = weeks
        .iter()
        .map(|(period, &(count, n))| Subgroup {
            key: judge.to_owned(),
            period: period.clone(),
            observations: Observations::Counts { count, n },
        })
        .collect();
    match compute_chart(&subgroups, &ChartOptions::new(ChartKind::Cusum)) {
        Ok(chart) => chart.signals.into_iter().map(|s| JudgeDrift { period: s.period, rule: s.rule }).collect(),
        Err(_) => Vec::new(),
    }
}

/// Cohen's kappa of (judge, majority) code pairs.
fn kappa_of_pairs(pairs: &[(u32, u32)]) -> Option<f64> {
    let mut codes: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    codes.sort_unstable();
    codes.dedup();
    let q = codes.len();
    let index = |c: u32| codes.binary_search(&c).expect("every code was collected");
    let mut table = vec![0u32; q * q];
    pairs.iter().for_each(|&(a, b)| table[index(a) * q + index(b)] += 1);
    cohen_kappa(&table, q)
}

/// Percentile bootstrap of the judge's agreement over compared items, seeded by
/// `(seed, "judge\u{1f}" + judge id)`.
fn bootstrap_agreement(compared: &[(u32, u32)], judge: &str, options: &ReportOptions) -> (Option<f64>, Option<f64>) {
    let n = compared.len();
    let mut rng = Pcg32::new(options.seed, seed_from_text(&format!("judge\u{1f}{judge}")));
    let mut values: Vec<f64> = (0..options.bootstrap)
        .map(|_| {
            let same = (0..n).filter(|_| {
                let (j, h) = compared[rng.below(n as u32) as usize];
                j == h
            });
            same.count() as f64 / n as f64
        })
        .collect();
    percentile_interval(&mut values, 0.95).map_or((None, None), |(low, high)| (Some(low), Some(high)))
}

/// Pairs of one judge's judgments of the same comparison whose `shown` orders are reversed,
/// and how many of them name the same winner.
fn swapped_pairs(orientations: &BTreeMap<&str, Vec<&str>>) -> (u64, u64) {
    let (mut n_pairs, mut consistent) = (0, 0);
    for lines in orientations.values().filter(|lines| lines.len() >= 2) {
        let parsed: Vec<Judgment> = lines.iter().filter_map(|line| judgment_from_line(line).ok()).collect();
        for (i, first) in parsed.iter().enumerate() {
            for second in &parsed[i + 1..] {
                let (Some(a), Some(b)) = (&first.shown, &second.shown) else { continue };
                if a.len() < 2 || a.iter().rev().ne(b.iter()) {
                    continue;
                }
                let (Some(wa), Some(wb)) = (&first.preference, &second.preference) else { continue };
                n_pairs += 1;
                consistent += u64::from(wa.winner == wb.winner);
            }
        }
    }
    (n_pairs, consistent)
}
