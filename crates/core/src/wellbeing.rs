//! Wellbeing that leads can see: each rater's exposure to harmful material, and the caps on it.
//!
//! An item *exposes* its rater when it is sensitive (by its `meta` or the rubric's rules) or
//! when the rater flagged it. Exposure is the judgment's recorded active duration on such items,
//! in minutes, per UTC day and per week (weeks start on Monday, named by that Monday's date),
//! plus the count of `harmful_content` flags. Caps are per rater and UTC day: the soft cap
//! warns and suggests a break, the hard cap pauses the rater's queue until the next day.
//! Pure: the app and the CLI pass judgments, items and "now" in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::judgment::Judgment;
use crate::judgment::HARMFUL_FLAG;
use crate::rubric::Rubric;
pub use crate::rubric::{CapStatus, ExposureCaps};
use crate::task::Task;

/// Exposure in one period (a day or a week).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeriodExposure {
    /// `YYYY-MM-DD`: the day, or the Monday that starts the week.
    pub period: String,
    /// Minutes of active time on exposing items.
    pub minutes: f64,
    /// Exposing items judged.
    pub n_items: u32,
    /// `harmful_content` flags raised.
    pub harmful_flags: u32,
    /// Items judged in all (for exposure next to productivity).
    pub n_judged: u32,
}

/// One rater's exposure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaterExposure {
    /// The annotator.
    pub annotator: String,
    /// Their group (site), from their latest judgment that names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Minutes of exposure in all.
    pub minutes: f64,
    /// `harmful_content` flags in all.
    pub harmful_flags: u32,
    /// Exposing items in all.
    pub n_items: u32,
    /// Items judged in all.
    pub n_judged: u32,
    /// Per UTC day, in date order.
    pub days: Vec<PeriodExposure>,
    /// Per week (Monday to Sunday, UTC), in date order.
    pub weeks: Vec<PeriodExposure>,
    /// Days on which the hard cap was reached (the queue paused: the reason a lead sees).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hard_cap_days: Vec<String>,
    /// Days on which the soft cap was reached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub soft_cap_days: Vec<String>,
}

/// Exposure per site: the sum over its raters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupExposure {
    /// The group (site); `-` for raters without one.
    pub group: String,
    /// Raters in the group.
    pub n_raters: u32,
    /// Minutes of exposure in all.
    pub minutes: f64,
    /// Mean minutes per rater.
    pub minutes_per_rater: f64,
    /// `harmful_content` flags in all.
    pub harmful_flags: u32,
    /// Items judged in all.
    pub n_judged: u32,
}

/// Whether judging `task` exposed the rater: the item is sensitive, or the judgment carries a flag.
pub fn is_exposing(judgment: &Judgment, task: Option<&Task>, rubric: &Rubric) -> bool {
    let flagged = judgment.flags.iter().flatten().any(|flag| flag != "no_answer");
    flagged || task.is_some_and(|task| rubric.is_sensitive(task))
}

const DAY_MS: i64 = 86_400_000;

/// `YYYY-MM-DD` of the UTC day holding `unix_ms`, and of that week's Monday.
fn day_and_week(unix_ms: i64) -> (String, String) {
    let day = unix_ms.div_euclid(DAY_MS);
    // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
    let monday = day - (day + 3).rem_euclid(7);
    let date = |d: i64| crate::time::rfc3339_from_unix_ms(d * DAY_MS)[..10].to_owned();
    (date(day), date(monday))
}

/// Each rater's exposure (raters in name order), from already-read judgments and the items.
/// Judgments without `submitted_at` count in the totals but in no day or week.
pub fn exposure(judgments: &[Judgment], tasks: &[Task], rubric: &Rubric) -> Vec<RaterExposure> {
    let by_id: BTreeMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let caps = rubric.wellbeing.exposure_caps.unwrap_or_default();
    // Per rater: totals, then days and weeks by their date.
    type Periods = BTreeMap<String, PeriodExposure>;
    let mut raters: BTreeMap<&str, (RaterExposure, Periods, Periods)> = BTreeMap::new();
    for judgment in judgments {
        let (rater, days, weeks) = raters.entry(judgment.annotator.as_str()).or_insert_with(|| {
            let empty = RaterExposure {
                annotator: judgment.annotator.clone(),
                group: None,
                minutes: 0.0,
                harmful_flags: 0,
                n_items: 0,
                n_judged: 0,
                days: Vec::new(),
                weeks: Vec::new(),
                hard_cap_days: Vec::new(),
                soft_cap_days: Vec::new(),
            };
            (empty, BTreeMap::new(), BTreeMap::new())
        });
        if judgment.group.is_some() {
            rater.group.clone_from(&judgment.group);
        }
        let exposing = is_exposing(judgment, by_id.get(judgment.item_id.as_str()).copied(), rubric);
        let minutes = if exposing { judgment.duration_ms.unwrap_or(0) as f64 / 60_000.0 } else { 0.0 };
        let harmful = judgment.flags.iter().flatten().filter(|f| *f == HARMFUL_FLAG).count() as u32;
        let add = |period: &mut PeriodExposure| {
            period.minutes += minutes;
            period.n_items += u32::from(exposing);
            period.harmful_flags += harmful;
            period.n_judged += 1;
        };
        let mut total = PeriodExposure::default();
        add(&mut total);
        rater.minutes += total.minutes;
        rater.n_items += total.n_items;
        rater.harmful_flags += total.harmful_flags;
        rater.n_judged += 1;
        if let Some(at) = judgment.submitted_at.as_deref().and_then(crate::time::unix_ms_from_rfc3339) {
            let (day, week) = day_and_week(at);
            add(days.entry(day.clone()).or_insert_with(|| PeriodExposure { period: day, ..PeriodExposure::default() }));
            add(weeks.entry(week.clone()).or_insert_with(|| PeriodExposure { period: week, ..PeriodExposure::default() }));
        }
    }
    raters
        .into_values()
        .map(|(mut rater, days, weeks)| {
            rater.days = days.into_values().collect();
            rater.weeks = weeks.into_values().collect();
            for day in &rater.days {
                match caps.status((day.minutes * 60_000.0).round() as u64) {
                    CapStatus::Hard => rater.hard_cap_days.push(day.period.clone()),
                    CapStatus::Soft => rater.soft_cap_days.push(day.period.clone()),
                    CapStatus::Clear => {}
                }
            }
            rater
        })
        .collect()
}

/// Sums raters' exposure per group (site), in group order.
pub fn by_group(raters: &[RaterExposure]) -> Vec<GroupExposure> {
    let mut groups: BTreeMap<&str, GroupExposure> = BTreeMap::new();
    for rater in raters {
        let name = rater.group.as_deref().unwrap_or("-");
        let group = groups.entry(name).or_insert_with(|| GroupExposure {
            group: name.to_owned(),
            n_raters: 0,
            minutes: 0.0,
            minutes_per_rater: 0.0,
            harmful_flags: 0,
            n_judged: 0,
        });
        group.n_raters += 1;
        group.minutes += rater.minutes;
        group.harmful_flags += rater.harmful_flags;
        group.n_judged += rater.n_judged;
    }
    groups
        .into_values()
        .map(|mut group| {
            group.minutes_per_rater = group.minutes / f64::from(group.n_raters);
            group
        })
        .collect()
}

/// Milliseconds of exposure on the UTC day holding `now_ms`, from one rater's judgments.
pub fn exposed_today_ms<'a>(judgments: impl IntoIterator<Item = (&'a Judgment, Option<&'a Task>)>, rubric: &Rubric, now_ms: i64) -> u64 {
    let today = now_ms.div_euclid(DAY_MS);
    judgments
        .into_iter()
        .filter(|(judgment, _)| {
            judgment.submitted_at.as_deref().and_then(crate::time::unix_ms_from_rfc3339).is_some_and(|at| at.div_euclid(DAY_MS) == today)
        })
        .filter(|(judgment, task)| is_exposing(judgment, *task, rubric))
        .map(|(judgment, _)| judgment.duration_ms.unwrap_or(0))
        .sum()
}

/// Smallest group whose WHO-5 figures a lead may see: fewer check-ins stay on raters' devices.
pub const WHO5_MIN_GROUP: u32 = 5;

/// The WHO-5 Well-Being Index of one check-in: five answers 0–5 summed and multiplied by 4
/// (0–100; 50 or below suggests poor wellbeing). Topp et al., "The WHO-5 Well-Being Index:
/// a systematic review of the literature", Psychother Psychosom 2015;84:167–176.
/// `None` unless there are five answers from 0 to 5.
pub fn who5_index(answers: &[u8]) -> Option<u32> {
    (answers.len() == 5 && answers.iter().all(|&a| a <= 5)).then(|| answers.iter().map(|&a| u32::from(a)).sum::<u32>() * 4)
}

/// A site's aggregated WHO-5 figures: only raters who opted in share an index, and a site with
/// fewer than [`WHO5_MIN_GROUP`] of them shows nothing (`None`), so no one is singled out.
/// Returns `(n, mean index, share at or below 50)`.
pub fn who5_site(indices: &[u32]) -> Option<(u32, f64, f64)> {
    let n = indices.len() as u32;
    (n >= WHO5_MIN_GROUP).then(|| {
        let mean = indices.iter().map(|&i| f64::from(i)).sum::<f64>() / f64::from(n);
        let low = indices.iter().filter(|&&i| i <= 50).count() as f64 / f64::from(n);
        (n, mean, low)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::Judgment;
    use crate::task::load_tasks;

    fn judgment(item: &str, annotator: &str, group: &str, at: &str, duration_ms: u64, flags: &[&str]) -> Judgment {
        let mut j = Judgment::new(item, annotator);
        j.group = Some(group.into());
        j.submitted_at = Some(at.into());
        j.duration_ms = Some(duration_ms);
        j.flags = (!flags.is_empty()).then(|| flags.iter().map(|f| (*f).to_owned()).collect());
        j
    }

    #[test]
    fn minutes_on_sensitive_or_flagged_items_per_day_and_week() {
        let tasks = load_tasks(
            "t",
            "{\"id\":\"s\",\"prompt\":\"p\",\"outputs\":[{\"model\":\"m\",\"content\":\"c\"}],\"meta\":{\"sensitive\":true}}\n\
             {\"id\":\"n\",\"prompt\":\"p\",\"outputs\":[{\"model\":\"m\",\"content\":\"c\"}]}\n\
             {\"id\":\"f\",\"prompt\":\"p\",\"outputs\":[{\"model\":\"m\",\"content\":\"c\"}]}\n",
        )
        .records;
        let rubric = Rubric {
            wellbeing: crate::rubric::Wellbeing {
                exposure_caps: Some(ExposureCaps { soft_minutes_per_day: Some(2), hard_minutes_per_day: Some(4) }),
                ..Default::default()
            },
            ..Rubric::default()
        };
        // 2026-11-29 is a Sunday, 2026-11-30 a Monday.
        let judgments = [
            judgment("s", "ann-1", "site-a", "2026-11-29T23:00:00Z", 180_000, &[]),
            judgment("n", "ann-1", "site-a", "2026-11-29T23:10:00Z", 600_000, &[]),
            judgment("f", "ann-1", "site-a", "2026-11-30T08:00:00Z", 300_000, &[HARMFUL_FLAG]),
            judgment("n", "ann-2", "site-b", "2026-11-30T09:00:00Z", 60_000, &[]),
        ];
        let raters = exposure(&judgments, &tasks, &rubric);
        assert_eq!(raters.len(), 2);
        let one = &raters[0];
        assert_eq!((one.minutes, one.n_items, one.harmful_flags, one.n_judged), (8.0, 2, 1, 3));
        let days: Vec<(&str, f64, u32)> = one.days.iter().map(|d| (d.period.as_str(), d.minutes, d.n_judged)).collect();
        assert_eq!(days, [("2026-11-29", 3.0, 2), ("2026-11-30", 5.0, 1)]);
        let weeks: Vec<(&str, f64)> = one.weeks.iter().map(|w| (w.period.as_str(), w.minutes)).collect();
        assert_eq!(weeks, [("2026-11-23", 3.0), ("2026-11-30", 5.0)]);
        assert_eq!(
            (one.soft_cap_days.as_slice(), one.hard_cap_days.as_slice()),
            (&["2026-11-29".to_owned()][..], &["2026-11-30".to_owned()][..])
        );
        assert_eq!(raters[1].minutes, 0.0);
        let groups = by_group(&raters);
        assert_eq!(
            groups.iter().map(|g| (g.group.as_str(), g.minutes, g.n_raters)).collect::<Vec<_>>(),
            [("site-a", 8.0, 1), ("site-b", 0.0, 1)]
        );
        let today = crate::time::unix_ms_from_rfc3339("2026-11-30T12:00:00Z").unwrap();
        let pairs = judgments.iter().take(3).map(|j| (j, tasks.iter().find(|t| t.id == j.item_id)));
        assert_eq!(exposed_today_ms(pairs, &rubric, today), 300_000);
    }

    #[test]
    fn caps_and_weeks_at_their_edges() {
        let caps = ExposureCaps { soft_minutes_per_day: Some(30), hard_minutes_per_day: Some(60) };
        assert_eq!(caps.status(29 * 60_000 + 59_999), CapStatus::Clear);
        assert_eq!(caps.status(30 * 60_000), CapStatus::Soft);
        assert_eq!(caps.status(60 * 60_000), CapStatus::Hard);
        assert_eq!(ExposureCaps::default().status(u64::MAX), CapStatus::Clear);
        assert_eq!(day_and_week(0), ("1970-01-01".into(), "1969-12-29".into()));
        assert_eq!(day_and_week(-1), ("1969-12-31".into(), "1969-12-29".into()));
    }

    #[test]
    fn who5_index_and_site_aggregates() {
        // Topp et al. 2015: raw 0–25 × 4; the scoring example of the WHO-5 sheet: all 3s → 60.
        assert_eq!(who5_index(&[3, 3, 3, 3, 3]), Some(60));
        assert_eq!(who5_index(&[5, 5, 5, 5, 5]), Some(100));
        assert_eq!(who5_index(&[6, 0, 0, 0, 0]), None);
        assert_eq!(who5_index(&[1, 2]), None);
        assert_eq!(who5_site(&[60, 40, 80, 100]), None, "four check-ins are too few to show");
        assert_eq!(who5_site(&[60, 40, 80, 100, 20]), Some((5, 60.0, 0.4)));
    }
}
