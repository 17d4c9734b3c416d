//! Reading judgment files in batches of lines: each batch's lines are parsed on several threads
//! (a pure function of the line), then handed over in file and line order on this thread, where
//! the one reader counts them and applies the identity rule. The result is that of reading the
//! lines one by one (`JsonLines`: the same line numbers, byte-order mark, CRLF, blank lines,
//! lines that are not UTF-8 and line limit).

use std::ops::Range;

use anyhow::Context;
use verdict_core::read::Limits;
use verdict_core::Problem;

/// Bytes of line text per batch.
const BATCH_BYTES: usize = 2 << 20;
/// Fewer lines than this in a batch are parsed on this thread.
const MIN_PARALLEL_LINES: usize = 2048;

/// One line of a batch: where its text is in the batch and whether it is the file's last line
/// without a newline, or the problem that left it without text (not UTF-8).
type Place = Result<(Range<usize>, bool), Problem>;

/// What [`read_batched`] hands over, in order.
pub enum Item<'t, T> {
    /// The start of the file of this name (`-` for stdin).
    File(&'t str),
    /// A line: its number, and its text, `unterminated` and what `check` found, or the
    /// problem that left it without text.
    Line(u64, Result<(&'t str, bool, T), Problem>),
}

/// One batch: the lines' text, and per line its number and place.
type Batch = (String, Vec<(u64, Place)>);

/// Reads `paths` (`-` is stdin, Parquet files are read as JSONL) in batches: calls
/// `check(line_no, text)` on every non-blank line with text (on up to `threads` threads at
/// once) and `add` on each file's start and each line, in order.
///
/// The helper threads live as long as the reading: what `check` allocates on them is freed
/// into their own heaps and reused by the next batches, instead of every batch touching fresh
/// pages on fresh threads.
pub fn read_batched<T: Send>(
    paths: &[String],
    limits: &Limits,
    threads: u32,
    check: impl Fn(u64, &str) -> T + Sync,
    mut add: impl FnMut(Item<'_, T>),
) -> anyhow::Result<()> {
    let helpers = if cfg!(target_arch = "wasm32") { 0 } else { threads.max(1) as usize - 1 };
    let check = &check;
    std::thread::scope(|scope| {
        // Per helper: a channel of jobs (a batch and the range of its lines to check); one
        // channel back of (part, findings).
        let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Vec<Option<T>>)>();
        let jobs: Vec<_> = (0..helpers)
            .map(|_| {
                let (job_tx, job_rx) = std::sync::mpsc::channel::<(usize, std::sync::Arc<Batch>, Range<usize>)>();
                let done_tx = done_tx.clone();
                scope.spawn(move || {
                    while let Ok((part, batch, range)) = job_rx.recv() {
                        let found = check_lines(&batch.0, &batch.1[range], check);
                        // The batch goes back to the reader before the findings do.
                        drop(batch);
                        if done_tx.send((part, found)).is_err() {
                            break;
                        }
                    }
                });
                job_tx
            })
            .collect();
        let mut batch: std::sync::Arc<Batch> = std::sync::Arc::new((String::new(), Vec::new()));
        for path in paths {
            let opened = crate::validate::open_input(path)?;
            let mut source = verdict_core::import::JsonLines::new(&opened.name, opened.reader).with_max_line_bytes(limits.max_line_bytes);
            add(Item::File(&opened.name));
            let mut ended = false;
            while !ended {
                let (text, lines) = std::sync::Arc::get_mut(&mut batch).expect("the helpers have given the batch back");
                text.clear();
                lines.clear();
                while text.len() < BATCH_BYTES {
                    let Some(line) = source.next_line().with_context(|| format!("cannot read {path}"))? else {
                        ended = true;
                        break;
                    };
                    let place = line.text.map(|line_text| {
                        text.push_str(line_text);
                        (text.len() - line_text.len()..text.len(), line.unterminated)
                    });
                    lines.push((line.number, place));
                }
                let n_lines = batch.1.len();
                let parts = if n_lines < MIN_PARALLEL_LINES { 1 } else { helpers + 1 };
                let per_part = n_lines.div_ceil(parts).max(1);
                for (helper, part) in (1..parts).enumerate() {
                    let range = (part * per_part).min(n_lines)..((part + 1) * per_part).min(n_lines);
                    jobs[helper].send((part, batch.clone(), range)).expect("the helpers wait for jobs");
                }
                let mut found: Vec<Vec<Option<T>>> = (0..parts).map(|_| Vec::new()).collect();
                found[0] = check_lines(&batch.0, &batch.1[..per_part.min(n_lines)], check);
                for _ in 1..parts {
                    let (part, part_found) = done_rx.recv().expect("a helper does not panic");
                    found[part] = part_found;
                }
                let (text, lines) = std::sync::Arc::get_mut(&mut batch).expect("the helpers have given the batch back");
                for ((line_no, place), found) in lines.drain(..).zip(found.into_iter().flatten()) {
                    match place {
                        Err(problem) => add(Item::Line(line_no, Err(problem))),
                        // Every line with text was checked.
                        Ok((range, unterminated)) => {
                            if let Some(found) = found {
                                add(Item::Line(line_no, Ok((&text[range], unterminated, found))));
                            }
                        }
                    }
                }
            }
        }
        // Dropping the job channels ends the helpers.
        drop(jobs);
        Ok(())
    })
}

/// `check` on each line of `lines` that has text, in order.
fn check_lines<T>(text: &str, lines: &[(u64, Place)], check: &impl Fn(u64, &str) -> T) -> Vec<Option<T>> {
    lines.iter().map(|(line_no, place)| place.as_ref().ok().map(|(range, _)| check(*line_no, &text[range.clone()]))).collect()
}
