//! A judgment's identity is `(item_id, annotator)`. When several judgments share one, the one
//! with the latest `submitted_at` wins; file order (files in the order given, then lines)
//! breaks ties, and a judgment without a readable `submitted_at` counts as older than any
//! judgment with one. This module is the only place that rule is written.

use crate::problem::{Detail, Place, Problem};
use crate::time::unix_ms_from_rfc3339;

/// What the replacement rule compares: when a judgment was submitted and where it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// Unix milliseconds of `submitted_at`; `None` when absent or unreadable (sorts first).
    pub submitted_ms: Option<i64>,
    /// Position in the input: `(file index << 40) | line` — later files and lines sort later.
    pub position: u64,
}

impl Stamp {
    /// The stamp of a judgment read from line `line` of the `file_index`-th file.
    pub fn new(submitted_at: Option<&str>, file_index: usize, line: u64) -> Stamp {
        Stamp { submitted_ms: submitted_at.and_then(unix_ms_from_rfc3339), position: position(file_index, line) }
    }

    /// True when a judgment stamped `self` replaces one stamped `other` of the same identity.
    pub fn replaces(&self, other: &Stamp) -> bool {
        self > other
    }
}

/// Packs a file index and a 1-based line number into one ordered position.
pub fn position(file_index: usize, line: u64) -> u64 {
    ((file_index as u64) << 40) | (line & ((1 << 40) - 1))
}

/// The file index and line of a [`position`].
pub fn unpack(position: u64) -> (usize, u64) {
    ((position >> 40) as usize, position & ((1 << 40) - 1))
}

/// The compact stamp of the fast readers: Unix ms of `submitted_at`, `i64::MIN` when absent or
/// unreadable (older than any). With the order read, it orders judgments as [`Stamp`] does.
pub fn compact_stamp(submitted_at: Option<&str>) -> i64 {
    submitted_at.and_then(unix_ms_from_rfc3339).unwrap_or(i64::MIN)
}

/// True when a judgment read later, with compact stamp `later`, replaces one of the same
/// identity read earlier with `earlier`: equal times go to the later line.
pub fn later_read_replaces(later: i64, earlier: i64) -> bool {
    later >= earlier
}

/// For judgments in the order read, `(item, annotator)` ids and [`compact_stamp`]s: marks those that
/// another of the same identity replaces with another of the same (item, annotator), scanning each item's (few)
/// judgments: as they come when the lines are grouped by item (the usual order of exports; item
/// ids are then non-decreasing), else after a counting sort by item.
pub fn superseded(judgments: &[(u32, u32)], stamps: &[i64], n_items: usize) -> Vec<bool> {
    if judgments.windows(2).all(|pair| pair[0].0 <= pair[1].0) {
        superseded_in_runs(judgments, stamps)
    } else {
        superseded_sorted(judgments, stamps, n_items)
    }
}

/// True when judgment `other` outranks judgment `this` of the same identity ([`Stamp::replaces`]
/// on compact stamps, the index being the order read).
fn outranks(stamps: &[i64], other: usize, this: usize) -> bool {
    (stamps[other], other) > (stamps[this], this)
}

/// [`superseded`] for judgments grouped by item: each item's judgments are one run.
fn superseded_in_runs(judgments: &[(u32, u32)], stamps: &[i64]) -> Vec<bool> {
    let mut superseded = Vec::with_capacity(judgments.len());
    let mut start = 0;
    for run in judgments.chunk_by(|a, b| a.0 == b.0) {
        superseded.extend(run.iter().enumerate().map(|(position, &(_, annotator))| {
            run.iter()
                .enumerate()
                .any(|(other, &(_, same))| other != position && same == annotator && outranks(stamps, start + other, start + position))
        }));
        start += run.len();
    }
    superseded
}

/// [`superseded`] in any order: a counting sort by item first.
fn superseded_sorted(judgments: &[(u32, u32)], stamps: &[i64], n_items: usize) -> Vec<bool> {
    let mut superseded = vec![false; judgments.len()];
    let mut start = vec![0u32; n_items + 1];
    judgments.iter().for_each(|&(item, _)| start[item as usize + 1] += 1);
    for i in 0..n_items {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut order = vec![0u32; judgments.len()];
    for (index, &(item, _)) in judgments.iter().enumerate() {
        order[next[item as usize] as usize] = index as u32;
        next[item as usize] += 1;
    }
    for item in 0..n_items {
        let group = &order[start[item] as usize..start[item + 1] as usize];
        for &judgment in group {
            let annotator = judgments[judgment as usize].1;
            if group.iter().any(|&other| {
                other != judgment && judgments[other as usize].1 == annotator && outranks(stamps, other as usize, judgment as usize)
            }) {
                superseded[judgment as usize] = true;
            }
        }
    }
    superseded
}

/// The warning for a judgment at `file:line_no` of identity (`item_id`, `annotator`) whose
/// twin is at `other`: it `replaces` that twin, or is replaced by it (submitted later).
pub fn replacement_warning(file: &str, line_no: u64, item_id: &str, annotator: &str, other: Place, replaces: bool) -> Problem {
    let (item_id, annotator) = (item_id.to_owned(), annotator.to_owned());
    if replaces {
        Problem::warning(file, line_no, "item_id", Detail::Replaces { item_id, annotator, other })
    } else {
        Problem::warning(file, line_no, "submitted_at", Detail::ReplacedBy { item_id, annotator, other })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_submitted_at_wins_then_file_order() {
        let early = Stamp::new(Some("2026-11-25T09:00:00Z"), 0, 9);
        let late = Stamp::new(Some("2026-11-25T10:00:00Z"), 0, 1);
        assert!(late.replaces(&early), "a later submission replaces an earlier one even when read first");
        assert!(!early.replaces(&late));
        let same_time_later_line = Stamp::new(Some("2026-11-25T10:00:00.000Z"), 0, 2);
        assert!(same_time_later_line.replaces(&late), "equal times: the later line wins");
        let unstamped = Stamp::new(None, 3, 1);
        assert!(late.replaces(&unstamped), "no submitted_at counts as older than any");
        assert!(Stamp::new(None, 3, 2).replaces(&unstamped));
        let offset = Stamp::new(Some("2026-11-25T11:30:00+02:00"), 0, 1);
        assert!(late.replaces(&offset), "09:30Z is before 10:00Z");
        assert_eq!(unpack(position(7, 123)), (7, 123));
    }

    #[test]
    fn compact_stamps_order_as_stamps_do() {
        let times = [None, Some("2026-11-25T09:00:00Z"), Some("2026-11-25T10:00:00Z"), Some("not a time")];
        for (i, a) in times.iter().enumerate() {
            for (j, b) in times.iter().enumerate() {
                let (full_a, full_b) = (Stamp::new(*a, 0, i as u64 + 1), Stamp::new(*b, 0, j as u64 + 10));
                // b is read after a.
                assert_eq!(later_read_replaces(compact_stamp(*b), compact_stamp(*a)), full_b.replaces(&full_a), "{a:?} then {b:?}");
            }
        }
    }

    #[test]
    fn replaced_judgments_are_found_in_runs_as_after_sorting() {
        // (item, annotator) in a grouped order, with re-judgments inside runs.
        let judgments = [(0, 0), (0, 1), (0, 0), (1, 2), (2, 0), (2, 0), (2, 0), (2, 1), (3, 1)];
        let expected = [true, false, false, false, true, true, false, false, false];
        let unstamped = [i64::MIN; 9];
        assert_eq!(superseded_in_runs(&judgments, &unstamped), expected);
        assert_eq!(superseded_sorted(&judgments, &unstamped, 4), expected);
        assert_eq!(superseded(&judgments, &unstamped, 4), expected);
        // Not grouped: the sorted path.
        let shuffled = [(1, 0), (0, 0), (1, 0), (0, 1), (0, 0)];
        assert_eq!(superseded(&shuffled, &unstamped[..5], 2), [true, true, false, false, false]);
        // The latest submitted_at wins over file order (read::identity): item 2's first
        // judgment by annotator 0 was submitted last.
        let stamped = [0, 0, 0, 0, 30, 10, 20, 0, 0];
        let expected = [true, false, false, false, false, true, true, false, false];
        assert_eq!(superseded_in_runs(&judgments, &stamped), expected);
        assert_eq!(superseded_sorted(&judgments, &stamped, 4), expected);
    }
}
