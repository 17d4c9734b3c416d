//! Reading judgment files in batches of lines: each batch's lines are parsed on several threads
//! (a pure function of the line), then handed over in file and line order on this thread, where
//! the one reader counts them and applies the identity rule. The result is that of reading the
//! lines one by one (`JsonLines`: the same line numbers, byte-order mark, CRLF, blank lines,
//! lines that are not UTF-8 and line limit).
//!
//! A batch runs on from one file into the next: the lines of several small files are parsed
//! together on all cores (many files of a few hundred lines each are read in parallel, not one
//! after another on one core), and each file's start is handed over just before its first line.

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

/// One batch: the lines' text, per line its number and place, and the files that start in it
/// (the index of their first line in the batch, and their name).
type Batch = (String, Vec<(u64, Place)>, Vec<(usize, String)>);

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
        let mut batch: std::sync::Arc<Batch> = std::sync::Arc::new((String::new(), Vec::new(), Vec::new()));
        let mut paths = paths.iter();
        // The file being read, and its path (for errors).
        let mut source: Option<(verdict_core::import::JsonLines<Box<dyn std::io::BufRead>>, &String)> = None;
        let mut ended = false;
        while !ended {
            let (text, lines, starts) = std::sync::Arc::get_mut(&mut batch).expect("the helpers have given the batch back");
            text.clear();
            lines.clear();
            starts.clear();
            while text.len() < BATCH_BYTES {
                let (current, path) = match &mut source {
                    Some((current, path)) => (current, *path),
                    None => {
                        let Some(path) = paths.next() else {
                            ended = true;
                            break;
                        };
                        let opened = crate::validate::open_input(path)?;
                        starts.push((lines.len(), opened.name.clone()));
                        let lines =
                            verdict_core::import::JsonLines::new(&opened.name, opened.reader).with_max_line_bytes(limits.max_line_bytes);
                        let (current, path) = source.insert((lines, path));
                        (current, *path)
                    }
                };
                let Some(line) = current.next_line().with_context(|| format!("cannot read {path}"))? else {
                    source = None;
                    continue;
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
            let (text, lines, starts) = std::sync::Arc::get_mut(&mut batch).expect("the helpers have given the batch back");
            let mut starts = starts.iter().peekable();
            for (index, ((line_no, place), found)) in lines.drain(..).zip(found.into_iter().flatten()).enumerate() {
                while let Some((_, name)) = starts.next_if(|(first, _)| *first == index) {
                    add(Item::File(name));
                }
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
            // Files that start after the batch's last line (empty files, or a file opened last).
            for (_, name) in starts {
                add(Item::File(name));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item handed over, as text: what the reader would see.
    fn items(paths: &[String], threads: u32) -> Vec<String> {
        let mut seen = Vec::new();
        let check = |line_no: u64, text: &str| format!("{line_no}:{}", text.len());
        read_batched(paths, &Limits::default(), threads, check, |item| {
            seen.push(match item {
                Item::File(name) => format!("file {name}"),
                Item::Line(line_no, Err(problem)) => format!("{line_no} problem {problem}"),
                Item::Line(line_no, Ok((text, unterminated, found))) => format!("{line_no} {text} {unterminated} {found}"),
            })
        })
        .unwrap();
        seen
    }

    /// The same items from each file read on its own, one line at a time.
    fn one_by_one(paths: &[String]) -> Vec<String> {
        let mut seen = Vec::new();
        for path in paths {
            let opened = crate::validate::open_input(path).unwrap();
            seen.push(format!("file {}", opened.name));
            let mut lines = verdict_core::import::JsonLines::new(&opened.name, opened.reader);
            while let Some(line) = lines.next_line().unwrap() {
                seen.push(match line.text {
                    Ok(text) => format!("{} {text} {} {}:{}", line.number, line.unterminated, line.number, text.len()),
                    Err(problem) => format!("{} problem {problem}", line.number),
                });
            }
        }
        seen
    }

    #[test]
    fn many_small_files_read_together_give_what_reading_them_one_by_one_gives() {
        let dir = std::env::temp_dir().join(format!("verdict-batches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut paths = Vec::new();
        for file in 0..40 {
            let mut text: Vec<u8> = Vec::new();
            let n_lines = [0, 1, 150, 700][file % 4];
            for line in 0..n_lines {
                match (file + line) % 37 {
                    0 => text.extend_from_slice(b"\n"),
                    1 => text.extend_from_slice(b"caf\xe9 not utf-8\n"),
                    2 => text.extend_from_slice(format!("{{\"crlf\":{line}}}\r\n").as_bytes()),
                    _ => text.extend_from_slice(format!("{{\"file\":{file},\"line\":{line}}}\n").as_bytes()),
                }
            }
            if file % 3 == 0 && !text.is_empty() {
                text.pop();
            }
            let path = dir.join(format!("f{file:02}.jsonl"));
            std::fs::write(&path, &text).unwrap();
            paths.push(path.to_string_lossy().into_owned());
        }
        let expected = one_by_one(&paths);
        assert!(expected.len() > 2 * MIN_PARALLEL_LINES, "enough lines to be parsed on several threads");
        for threads in [1, 2, 3] {
            assert_eq!(items(&paths, threads), expected, "{threads} threads");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
