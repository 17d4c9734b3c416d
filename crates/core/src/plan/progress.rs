//! Campaign progress, the lead's view: the plan set against the judgments received — per rater
//! assigned / done / gold accuracy (Wilson interval) / calibration gate / retest consistency,
//! per item coverage, per site totals, and an estimated finish date from the recent pace.
//! Pure: judgments come in already read (one per identity, `crate::read`), time comes from their
//! `submitted_at` (no clock).
//!
//! Pace: production judgments with a `submitted_at` inside the window `[latest − window,
//! latest]` (window = `pace_window_days`, shortened to the span of all timestamps when the
//! campaign is younger) give a rate per millisecond; the finish is `latest + remaining / rate`.
//! No estimate with fewer than [`MIN_PACE_JUDGMENTS`] judgments in the window or a window under
//! an hour.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::gate::{gate, matches_gold, GateStatus};
use super::retest::{retest, RetestOptions, RetestRow, Scope};
use super::{assignment_item_id, plan, Campaign, Kind};
use crate::judgment::Judgment;
use crate::stats::wilson;
use crate::task::Task;
use crate::time::{rfc3339_from_unix_ms, unix_ms_from_rfc3339};

/// Fewest judgments in the pace window for a finish estimate.
pub const MIN_PACE_JUDGMENTS: u64 = 2;
/// Most under-covered items listed by id (the counts always cover all of them).
pub const MAX_LISTED_ITEMS: usize = 1_000;
const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// How progress is computed.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgressOptions {
    /// Days of recent work the pace is measured over.
    pub pace_window_days: u32,
    /// Bootstrap resamples for the retest CIs.
    pub bootstrap: u32,
    /// Bootstrap seed.
    pub seed: u64,
}

impl Default for ProgressOptions {
    fn default() -> Self {
        ProgressOptions { pace_window_days: 7, bootstrap: 500, seed: 0 }
    }
}

/// Accuracy against gold with its Wilson 95% interval.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GoldScore {
    /// Gold judgments that matched.
    pub correct: u64,
    /// Gold judgments.
    pub n: u64,
    /// `correct / n`.
    pub accuracy: Option<f64>,
    /// Wilson 95% interval.
    pub ci: Option<(f64, f64)>,
}

impl GoldScore {
    fn add(&mut self, correct: bool) {
        self.n += 1;
        self.correct += u64::from(correct);
    }

    fn finish(mut self) -> Self {
        self.accuracy = (self.n > 0).then(|| self.correct as f64 / self.n as f64);
        self.ci = wilson(self.correct, self.n, 0.95);
        self
    }
}

/// One rater's progress.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RaterProgress {
    /// The rater.
    pub annotator: String,
    /// Site or vendor.
    pub group: Option<String>,
    /// Production assignments (task, gold, repeat).
    pub assigned: u64,
    /// Of them, judged.
    pub done: u64,
    /// Accuracy on hidden gold.
    pub gold: GoldScore,
    /// Calibration gate.
    pub gate: GateStatus,
    /// Test–retest consistency (`None` before any repeat is judged).
    pub retest: Option<RetestRow>,
}

/// One site's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteProgress {
    /// The group (`None`: raters without one).
    pub group: Option<String>,
    /// Raters.
    pub raters: u64,
    /// Production assignments.
    pub assigned: u64,
    /// Judged.
    pub done: u64,
    /// Accuracy on hidden gold.
    pub gold: GoldScore,
    /// Test–retest consistency of the site.
    pub retest: Option<RetestRow>,
}

/// Coverage of the task items: judgments received against raters planned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// Task items in the plan.
    pub items: u64,
    /// Items with every planned rater's judgment.
    pub complete: u64,
    /// Items with some but not all.
    pub partial: u64,
    /// Items with none.
    pub untouched: u64,
    /// `[judged raters, items]` for every count of judged raters seen, ascending.
    pub histogram: Vec<(u32, u64)>,
    /// Incomplete items (at most [`MAX_LISTED_ITEMS`]), in task-file order: (item id, judged, planned).
    pub incomplete: Vec<(String, u32, u32)>,
}

/// The recent pace and the finish it points to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pace {
    /// Production judgments still to come.
    pub remaining: u64,
    /// Judgments inside the window.
    pub in_window: u64,
    /// Window length in days (shortened to the campaign's age).
    pub window_days: f64,
    /// Judgments per day over the window.
    pub per_day: Option<f64>,
    /// Latest `submitted_at` seen (Unix ms).
    pub latest_ms: Option<i64>,
    /// Estimated finish (Unix ms) and as RFC 3339.
    pub finish_ms: Option<i64>,
    /// The same, RFC 3339 UTC.
    pub finish: Option<String>,
}

/// The campaign view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// Campaign id.
    pub campaign: String,
    /// Per rater, roster order.
    pub raters: Vec<RaterProgress>,
    /// Per site, name order (raters without a group last).
    pub sites: Vec<SiteProgress>,
    /// Item coverage.
    pub coverage: Coverage,
    /// Pace and finish estimate.
    pub pace: Pace,
    /// Everyone's retest row.
    pub retest_all: Option<RetestRow>,
    /// Judgments that belong to no assignment of the plan (other campaigns, typos in ids).
    pub unplanned: u64,
}

/// Sets the plan of `campaign` over `tasks` against `judgments` (one per identity).
pub fn progress(campaign: &Campaign, tasks: &[Task], judgments: &[Judgment], options: &ProgressOptions) -> Progress {
    let planned = plan(campaign, tasks);
    let by_identity: BTreeMap<(&str, &str), &Judgment> =
        judgments.iter().map(|j| ((j.annotator.as_str(), j.item_id.as_str()), j)).collect();
    let retest_rows = retest(judgments, &RetestOptions { bootstrap: options.bootstrap, seed: options.seed, ..RetestOptions::default() });
    let retest_of = |scope: &Scope| retest_rows.iter().find(|r| &r.scope == scope).cloned();
    let mut raters: Vec<RaterProgress> = Vec::new();
    let mut rater_index: BTreeMap<u32, usize> = BTreeMap::new();
    // Per task item (task index): (judged, planned).
    let mut item_counts: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mut used: BTreeSet<(&str, String)> = BTreeSet::new();
    let mut times: Vec<i64> = Vec::new();
    for assignment in &planned.assignments {
        let entry = &campaign.roster[assignment.rater as usize];
        let index = *rater_index.entry(assignment.rater).or_insert_with(|| {
            raters.push(RaterProgress {
                annotator: entry.annotator.clone(),
                group: entry.group.clone(),
                assigned: 0,
                done: 0,
                gold: GoldScore::default(),
                gate: gate(campaign, tasks, &entry.annotator, judgments).status,
                retest: retest_of(&Scope::Annotator(entry.annotator.clone())),
            });
            raters.len() - 1
        });
        if assignment.kind == Kind::Calibration {
            continue;
        }
        let item_id = assignment_item_id(assignment, tasks);
        let judged = by_identity.get(&(entry.annotator.as_str(), item_id.as_str())).copied();
        let rater = &mut raters[index];
        rater.assigned += 1;
        if assignment.kind == Kind::Task {
            let counts = item_counts.entry(assignment.item).or_default();
            counts.1 += 1;
            counts.0 += u32::from(judged.is_some());
        }
        let Some(judgment) = judged else { continue };
        rater.done += 1;
        times.extend(judgment.submitted_at.as_deref().and_then(unix_ms_from_rfc3339));
        if assignment.kind == Kind::Gold {
            if let Some(gold) = &tasks[assignment.item as usize].gold {
                rater.gold.add(matches_gold(judgment, gold));
            }
        }
        used.insert((entry.annotator.as_str(), item_id));
    }
    let calibration_ids: BTreeSet<&str> = campaign.calibration.iter().flat_map(|c| c.items.iter().map(String::as_str)).collect();
    let unplanned = judgments
        .iter()
        .filter(|j| !used.contains(&(j.annotator.as_str(), j.item_id.clone())))
        .filter(|j| !calibration_ids.contains(j.item_id.split("#retake").next().unwrap_or(&j.item_id)))
        .count() as u64;
    let mut sites: BTreeMap<Option<String>, SiteProgress> = BTreeMap::new();
    for rater in &raters {
        let site = sites.entry(rater.group.clone()).or_insert_with(|| SiteProgress {
            group: rater.group.clone(),
            raters: 0,
            assigned: 0,
            done: 0,
            gold: GoldScore::default(),
            retest: rater.group.clone().and_then(|g| retest_of(&Scope::Group(g))),
        });
        site.raters += 1;
        site.assigned += rater.assigned;
        site.done += rater.done;
        site.gold.correct += rater.gold.correct;
        site.gold.n += rater.gold.n;
    }
    // `None` sorts first in a BTreeMap: list the named sites, then the raters without one.
    let (unnamed, named): (Vec<SiteProgress>, Vec<SiteProgress>) = sites.into_values().partition(|s| s.group.is_none());
    let sites: Vec<SiteProgress> = named
        .into_iter()
        .chain(unnamed)
        .map(|mut s| {
            s.gold = s.gold.finish();
            s
        })
        .collect();
    raters.iter_mut().for_each(|r| r.gold = std::mem::take(&mut r.gold).finish());
    let assigned: u64 = raters.iter().map(|r| r.assigned).sum();
    let done: u64 = raters.iter().map(|r| r.done).sum();
    Progress {
        campaign: campaign.id.clone(),
        raters,
        sites,
        coverage: coverage(tasks, &item_counts),
        pace: pace(&times, assigned - done, options.pace_window_days),
        retest_all: retest_of(&Scope::All),
        unplanned,
    }
}

fn coverage(tasks: &[Task], item_counts: &BTreeMap<u32, (u32, u32)>) -> Coverage {
    let mut result =
        Coverage { items: item_counts.len() as u64, complete: 0, partial: 0, untouched: 0, histogram: Vec::new(), incomplete: Vec::new() };
    let mut histogram: BTreeMap<u32, u64> = BTreeMap::new();
    for (&item, &(judged, planned)) in item_counts {
        *histogram.entry(judged).or_default() += 1;
        match judged {
            j if j >= planned => result.complete += 1,
            0 => result.untouched += 1,
            _ => result.partial += 1,
        }
        if judged < planned && result.incomplete.len() < MAX_LISTED_ITEMS {
            result.incomplete.push((tasks[item as usize].id.clone(), judged, planned));
        }
    }
    result.histogram = histogram.into_iter().collect();
    result
}

/// The pace over the last `window_days` of `times` (Unix ms) and the finish it points to.
pub fn pace(times: &[i64], remaining: u64, window_days: u32) -> Pace {
    let mut result = Pace { remaining, in_window: 0, window_days: 0.0, per_day: None, latest_ms: None, finish_ms: None, finish: None };
    let (Some(&earliest), Some(&latest)) = (times.iter().min(), times.iter().max()) else { return result };
    let window = (i64::from(window_days) * DAY_MS).min(latest - earliest);
    result.latest_ms = Some(latest);
    result.window_days = window as f64 / DAY_MS as f64;
    result.in_window = times.iter().filter(|&&t| t >= latest - window).count() as u64;
    if window < HOUR_MS || result.in_window < MIN_PACE_JUDGMENTS {
        return result;
    }
    let per_ms = result.in_window as f64 / window as f64;
    result.per_day = Some(per_ms * DAY_MS as f64);
    let finish = latest + (remaining as f64 / per_ms).ceil() as i64;
    result.finish_ms = Some(finish);
    result.finish = Some(rfc3339_from_unix_ms(finish));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::Preference;

    #[test]
    fn pace_points_to_the_finish() {
        let day = DAY_MS;
        let start = unix_ms_from_rfc3339("2026-12-01T00:00:00Z").unwrap();
        // 10 judgments a day for 10 days (00:00–09:00 each day); latest 2026-12-10T09:00.
        let times: Vec<i64> = (0..100).map(|i| start + (i / 10) * day + (i % 10) * HOUR_MS).collect();
        let p = pace(&times, 50, 7);
        let latest = start + 9 * day + 9 * HOUR_MS;
        assert_eq!(p.latest_ms, Some(latest));
        assert_eq!(p.window_days, 7.0);
        // Window [latest − 7 d, latest]: days 2 (from 09:00: one judgment) to 9.
        assert_eq!(p.in_window, 71);
        let per_ms = 71.0 / (7 * day) as f64;
        assert_eq!(p.finish_ms, Some(latest + (50.0 / per_ms).ceil() as i64));
        // 50 / (71/7 per day) = 4.93 days after Dec 10 09:00.
        assert!((p.per_day.unwrap() - 71.0 / 7.0).abs() < 1e-9);
        assert!(p.finish.as_deref().unwrap().starts_with("2026-12-15T07:18"), "{:?}", p.finish);
        // A young campaign: the window shrinks to its age.
        let young = pace(&[start, start + 2 * HOUR_MS, start + 4 * HOUR_MS], 6, 7);
        assert_eq!(young.finish_ms, Some(start + 4 * HOUR_MS + 8 * HOUR_MS));
        // Too little to go on.
        assert_eq!(pace(&[start], 5, 7).finish_ms, None);
        assert_eq!(pace(&[], 5, 7).latest_ms, None);
    }

    fn campaign_and_tasks() -> (Campaign, Vec<Task>) {
        let campaign = super::super::parse_campaign(
            r#"{"schema":"verdict/campaign@1","id":"c","seed":1,"tasks":"t",
                "roster":[{"annotator":"a","group":"s1"},{"annotator":"b","group":"s2"}],
                "overlap":{"raters_per_item":2},"gold":{"rate":0.2},"repeats":{"rate":0.2,"min_gap":1}}"#,
        )
        .unwrap();
        let mut text = String::new();
        for i in 0..6 {
            let gold = if i == 5 { r#","gold":{"preference":"x"}"# } else { "" };
            text.push_str(&format!(
                r#"{{"id":"q{i}","prompt":"p","outputs":[{{"model":"x","content":"1"}},{{"model":"y","content":"2"}}]{gold}}}"#
            ));
            text.push('\n');
        }
        (campaign, crate::task::load_tasks("t", &text).records)
    }

    #[test]
    fn progress_counts_done_gold_coverage_and_retest() {
        let (campaign, tasks) = campaign_and_tasks();
        let planned = plan(&campaign, &tasks);
        let mut judgments = Vec::new();
        // Rater a judges everything (winner x; the repeat flips to y); b judges nothing.
        for assignment in planned.assignments.iter().filter(|a| a.rater == 0) {
            let mut j = Judgment::new(assignment_item_id(assignment, &tasks), "a");
            j.group = Some("s1".into());
            let winner = if assignment.kind == Kind::Repeat { "y" } else { "x" };
            j.preference = Some(Preference { winner: winner.into(), strength: None, extra: Default::default() });
            j.submitted_at = Some(rfc3339_from_unix_ms(1_800_000_000_000 + i64::from(assignment.seq) * HOUR_MS));
            judgments.push(j);
        }
        judgments.push(Judgment::new("elsewhere", "a"));
        let p = progress(&campaign, &tasks, &judgments, &ProgressOptions { bootstrap: 0, ..Default::default() });
        let a = &p.raters[0];
        let n_a = planned.assignments.iter().filter(|x| x.rater == 0).count() as u64;
        assert_eq!((a.assigned, a.done), (n_a, n_a));
        assert_eq!(a.gate, GateStatus::Open);
        let n_gold = planned.assignments.iter().filter(|x| x.rater == 0 && x.kind == Kind::Gold).count() as u64;
        assert!(n_gold > 0);
        assert_eq!((a.gold.correct, a.gold.n), (n_gold, n_gold));
        let repeats = planned.assignments.iter().filter(|x| x.rater == 0 && x.kind == Kind::Repeat).count() as u64;
        let retest = a.retest.as_ref().expect("a judged its repeats");
        assert_eq!((retest.n_pairs, retest.flips), (repeats, repeats));
        assert_eq!(p.raters[1].done, 0);
        assert_eq!(p.raters[1].retest, None);
        // Every task item has 2 raters; a judged its half.
        assert_eq!(p.coverage.items, 5);
        assert_eq!(p.coverage.complete, 0);
        assert_eq!(p.coverage.untouched + p.coverage.partial, 5);
        assert_eq!(p.sites.iter().map(|s| s.group.as_deref().unwrap()).collect::<Vec<_>>(), ["s1", "s2"]);
        assert_eq!(p.sites[0].done, n_a);
        assert_eq!(p.unplanned, 1);
        assert_eq!(p.pace.remaining, p.raters[1].assigned);
        assert!(p.pace.finish_ms.is_some());
    }
}
