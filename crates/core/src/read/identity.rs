//! A judgment's identity is `(item_id, annotator)`. When several judgments share one, the one
//! with the latest `submitted_at` wins; file order (files in the order given, then lines)
//! breaks ties, and a judgment without a readable `submitted_at` counts as older than any
//! judgment with one. This module is the only place that rule is written.

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
}
