//! The report's one streaming pass over the judgment lines: the agreement scanner (or the one
//! reader's line parser for anything unusual) plus a lean read of the few extra fields the report
//! needs, with the identity rule of `read::identity` applied as records are kept.

use std::collections::HashMap;

use serde::Deserialize;

use crate::agreement::scan::scan_line;
use crate::agreement::{CollectOptions, Collector, Dataset};
use crate::judgment::{judgment_from_line, Judgment};
use crate::problem::Problem;
use crate::read::identity::{compact_stamp, later_read_replaces};
use crate::read::{judgment_from_any_line, line_problems, no_verdict};
use crate::read::{LimitExceeded, Limits};
use crate::time::unix_seconds_from_rfc3339;

/// One kept judgment.
pub(super) struct Record<'a> {
    pub(super) line: &'a str,
    pub(super) item: u32,
    pub(super) annotator: u32,
    /// Unix seconds of `submitted_at`, else `started_at`.
    pub(super) time: Option<i64>,
    /// Seconds spent: `duration_ms`, else `submitted_at − started_at`.
    pub(super) seconds: Option<f64>,
    pub(super) flagged: bool,
    /// Unix ms of `submitted_at` (`i64::MIN` when absent), for the identity rule.
    pub(super) stamp: i64,
}

/// The fields the agreement scanner does not give.
#[derive(Deserialize)]
struct Extras<'a> {
    #[serde(borrow, default)]
    kind: Option<&'a str>,
    #[serde(borrow, default)]
    started_at: Option<&'a str>,
    #[serde(borrow, default)]
    submitted_at: Option<&'a str>,
    #[serde(default)]
    duration_ms: Option<u64>,
    #[serde(default)]
    flags: Option<Vec<serde::de::IgnoredAny>>,
}

/// Extras as plain values.
struct Extra {
    judge_kind: bool,
    time: Option<i64>,
    seconds: Option<f64>,
    flagged: bool,
    stamp: i64,
}

impl Extra {
    fn new(kind: Option<&str>, started_at: Option<&str>, submitted_at: Option<&str>, duration_ms: Option<u64>, n_flags: usize) -> Extra {
        let started = started_at.and_then(unix_seconds_from_rfc3339);
        let submitted = submitted_at.and_then(unix_seconds_from_rfc3339);
        let seconds = match (duration_ms, started, submitted) {
            (Some(ms), _, _) => Some(ms as f64 / 1000.0),
            (None, Some(start), Some(end)) if end >= start => Some((end - start) as f64),
            _ => None,
        };
        let stamp = compact_stamp(submitted_at);
        Extra { judge_kind: kind == Some("judge"), time: submitted.or(started), seconds, flagged: n_flags > 0, stamp }
    }

    fn from_judgment(judgment: &Judgment) -> Extra {
        let kind = judgment.extra.get("kind").and_then(serde_json::Value::as_str);
        let n_flags = judgment.flags.as_ref().map_or(0, Vec::len);
        Extra::new(kind, judgment.started_at.as_deref(), judgment.submitted_at.as_deref(), judgment.duration_ms, n_flags)
    }
}

/// Strings to dense ids in first-seen order (the same order as the agreement collector's).
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(name.to_owned(), id);
        id
    }
}

/// What the line pass produced.
pub(super) struct Pass<'a> {
    pub(super) dataset: Dataset,
    pub(super) records: Vec<Record<'a>>,
    /// Per annotator: an LLM judge by id prefix or by `kind`.
    pub(super) is_judge: Vec<bool>,
    pub(super) problems: Vec<(usize, Problem)>,
}

pub(super) fn read<'a>(files: &[(&'a str, &'a str)], collect: CollectOptions, limits: &Limits) -> Result<Pass<'a>, LimitExceeded> {
    let mut collector = Collector::new(collect);
    let mut items = Interner::default();
    let mut annotators = Interner::default();
    let mut is_judge: Vec<bool> = Vec::new();
    let mut slots: HashMap<u64, u32> = HashMap::new();
    let mut records: Vec<Record<'a>> = Vec::new();
    let mut problems = Vec::new();
    for (file_index, (file, text)) in files.iter().enumerate() {
        collector.reserve(text.len() / 100);
        for (index, line) in text.lines().enumerate() {
            let line_no = index as u64 + 1;
            let line = if line_no == 1 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
            if line.trim().is_empty() {
                continue;
            }
            let (item, annotator, extra) = match scan_line(line) {
                Some(scanned) => {
                    collector.add_scanned(&scanned);
                    let extra = match serde_json::from_str::<Extras>(line) {
                        Ok(e) => Extra::new(e.kind, e.started_at, e.submitted_at, e.duration_ms, e.flags.map_or(0, |f| f.len())),
                        Err(_) => match judgment_from_line(line) {
                            Ok(judgment) => Extra::from_judgment(&judgment),
                            Err(_) => Extra::new(None, None, scanned.submitted_at, None, 0),
                        },
                    };
                    (items.intern(scanned.item_id), annotators.intern(scanned.annotator), extra)
                }
                // The one reader's reading of the line (`read::JudgmentReader::add_line`).
                None => match judgment_from_any_line(line) {
                    Ok(Some(judgment)) => {
                        collector.add_judgment(&judgment);
                        (items.intern(&judgment.item_id), annotators.intern(&judgment.annotator), Extra::from_judgment(&judgment))
                    }
                    Ok(None) => {
                        problems.push((file_index, no_verdict(file, line_no)));
                        continue;
                    }
                    Err(found) => {
                        let unterminated = false;
                        problems.extend(line_problems(file, line_no, line, found, unterminated).into_iter().map(|p| (file_index, p)));
                        continue;
                    }
                },
            };
            if is_judge.len() <= annotator as usize {
                // Per-annotator tables grow with the annotators: stop as soon as there are too many.
                limits.check_count("annotators", u64::from(annotator) + 1)?;
                is_judge.push(false);
            }
            is_judge[annotator as usize] |= extra.judge_kind;
            let record =
                Record { line, item, annotator, time: extra.time, seconds: extra.seconds, flagged: extra.flagged, stamp: extra.stamp };
            let key = (u64::from(item) << 32) | u64::from(annotator);
            match slots.get(&key) {
                // The identity rule (`read::identity`): the later submission, then the later line.
                Some(&slot) => {
                    if later_read_replaces(record.stamp, records[slot as usize].stamp) {
                        records[slot as usize] = record;
                    }
                }
                None => {
                    slots.insert(key, records.len() as u32);
                    records.push(record);
                }
            }
        }
    }
    let dataset = collector.finish();
    debug_assert_eq!(dataset.annotators.len(), is_judge.len(), "the report interns annotators as the collector does");
    for (annotator, name) in dataset.annotators.iter().enumerate() {
        is_judge[annotator] |= name.starts_with("judge:");
    }
    Ok(Pass { dataset, records, is_judge, problems })
}
