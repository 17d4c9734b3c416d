//! Reading `verdict rank`'s input: Arena rows and judgments for style control, and battle files
//! in blocks and ranges of lines on several threads.

use super::*;
use verdict_core::ranking::battles::BattleJudgment;

/// What `--style-control` keeps of the input.
pub(super) struct StyleInput {
    /// The kept judgments, stripped to what battles need.
    pub(super) judgments: Vec<BattleJudgment>,
    /// Each judgment's `conv_metadata` counts.
    pub(super) conv_counts: Vec<Result<[style::StyleCounts; 2], style::Missing>>,
    pub(super) summary: InputSummary,
    pub(super) problems: Vec<Problem>,
}

/// Reads judgments through the one reader as a stream (identities only: the reader applies the
/// identity rule and counts, and hands over each judgment as it is read), keeping of each the
/// fields battles need and its `conv_metadata` counts, so that a million Arena rows take a few
/// hundred MB instead of every row's metadata tree. Prints problems as `read_judgments` does.
///
/// Lines are read in batches; each batch's Arena rows are first scanned on `threads` threads
/// by the fast projection (`ranking::arena_scan`), and the lines it declines go through the
/// reader's general path: the same judgments, counts and problems either way.
pub(super) fn read_for_style(paths: &[String], limits: &verdict_core::read::Limits, threads: u32) -> anyhow::Result<StyleInput> {
    const MAX_PRINTED: usize = 50;
    let mut reader = verdict_core::read::JudgmentReader::identities_only(*limits);
    let mut judgments: Vec<BattleJudgment> = Vec::new();
    let mut conv_counts = Vec::new();
    let mut keep = |slot: usize, judgment: BattleJudgment, counts| {
        if slot == judgments.len() {
            judgments.push(judgment);
            conv_counts.push(counts);
        } else {
            judgments[slot] = judgment;
            conv_counts[slot] = counts;
        }
    };
    // Per line, on several threads: the fast projection of an Arena row, else nothing.
    let scan = |_: u64, text: &str| ranking::arena_scan::scan_arena_row(text).map(|row| (row.counts, row.into_battle_judgment()));
    batches::read_batched(paths, limits, threads, scan, |item| {
        let (line_no, text, unterminated, fast) = match item {
            batches::Item::File(name) => return reader.begin_file(name),
            batches::Item::Line(_, Err(problem)) => {
                reader.skip_line(problem);
                return;
            }
            batches::Item::Line(line_no, Ok((text, unterminated, fast))) => (line_no, text, unterminated, fast),
        };
        if let Some((counts, judgment)) = fast {
            let outcome = reader.add_projected(line_no, &judgment.item_id, &judgment.annotator, judgment.submitted_at.as_deref());
            if let verdict_core::read::LineOutcome::Kept { slot, .. } = outcome {
                keep(slot, judgment, counts);
            }
            return;
        }
        if let verdict_core::read::LineOutcome::Kept { slot, .. } = reader.add_line(line_no, text, unterminated) {
            let Some(judgment) = reader.take_current() else { return };
            let counts = controlled::conv_metadata_counts(&judgment);
            keep(slot, BattleJudgment::from(judgment), counts);
        }
    })?;
    let read = reader.finish();
    for problem in read.problems.iter().take(MAX_PRINTED) {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    if read.problems.len() > MAX_PRINTED {
        eprintln!("… and {} more problems (`verdict validate` lists them all)", read.problems.len() - MAX_PRINTED);
    }
    limits
        .check_count("annotators", judgments.iter().map(|j| j.annotator.as_str()).collect::<std::collections::HashSet<_>>().len() as u64)?;
    if read.summary.lines == 0 {
        bail!("no judgments: the input is empty");
    }
    Ok(StyleInput { judgments, conv_counts, summary: read.summary, problems: read.problems })
}

/// Reads one file (or stdin) into the battle reader in blocks of whole lines, read on another
/// thread while the previous block is parsed on `threads` threads (same result as reading it
/// whole).
pub(super) fn read_blocks(reader: &mut battles::BlockReader<'_>, file_index: usize, path: &str, threads: u32) -> anyhow::Result<()> {
    let input: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else if let Some(lines) = input::parquet_lines(path)? {
        Box::new(lines)
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {path}"))?;
        let len = file.metadata().map_or(0, |m| m.len());
        if file_index == 0 {
            reader.expect_bytes(len as usize);
        }
        if threads > 1 && len >= input::SPLIT_MIN {
            // Later ranges first count the lines before them: the first range takes a bit more.
            let ranges = input::line_ranges(&file, len, threads as usize, 0.06).with_context(|| format!("cannot read {path}"))?;
            return read_ranges(reader, file_index, path, &ranges);
        }
        Box::new(file)
    };
    let mut line_no = 1u64;
    for_each_block(path, input, |block| {
        line_no += reader.add_bytes(file_index, line_no, block, threads);
        Ok(())
    })
}

/// Reads each range of lines of the file at `path` on its own thread (the first into `reader`,
/// the others into siblings that first count the lines before their range, so every line keeps
/// its number) and appends them in order: the same result as reading the file in one pass.
pub(super) fn read_ranges(
    reader: &mut battles::BlockReader<'_>,
    file_index: usize,
    path: &str,
    ranges: &[Range<u64>],
) -> anyhow::Result<()> {
    let read_range = |reader: &mut battles::BlockReader<'_>, range: &Range<u64>, mut line_no: u64| -> anyhow::Result<()> {
        input::for_each_block_in(path, range.clone(), |block| line_no += reader.add_bytes(file_index, line_no, block, 1))
            .with_context(|| format!("cannot read {path}"))
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges[1..]
            .iter()
            .map(|range| {
                let mut part = reader.sibling();
                part.expect_bytes((range.end - range.start) as usize);
                scope.spawn(move || -> anyhow::Result<_> {
                    let lines_before = input::count_lines(path, 0..range.start).with_context(|| format!("cannot read {path}"))?;
                    read_range(&mut part, range, lines_before + 1)?;
                    Ok(part)
                })
            })
            .collect();
        read_range(reader, &ranges[0], 1)?;
        for handle in handles {
            reader.append(handle.join().expect("reading a range does not panic")?, file_index);
        }
        Ok(())
    })
}

/// Reads `input` on a reader thread in blocks of about 4 MiB of whole lines (only the last may
/// end without a newline; it is passed even when empty) and calls `add` on each, in order, on
/// this thread: reading the next block overlaps parsing this one. Two buffers are recycled.
pub(super) fn for_each_block(
    path: &str,
    input: Box<dyn Read + Send>,
    mut add: impl FnMut(&[u8]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    const BLOCK: usize = 4 << 20;
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(1);
    let (empty_tx, empty_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    for _ in 0..2 {
        empty_tx.send(Vec::with_capacity(BLOCK)).expect("the receiver is alive");
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> io::Result<()> {
            let mut input = input;
            let mut carry: Vec<u8> = Vec::new();
            // Stops quietly when this thread's consumer has gone (it failed).
            while let Ok(mut buffer) = empty_rx.recv() {
                buffer.clear();
                buffer.append(&mut carry);
                let mut limit = BLOCK;
                loop {
                    let wanted = limit.saturating_sub(buffer.len());
                    let got = (&mut input).take(wanted as u64).read_to_end(&mut buffer)?;
                    if got < wanted {
                        // End of input: the rest, even if empty.
                        let _ = full_tx.send(buffer);
                        return Ok(());
                    }
                    match buffer.iter().rposition(|&b| b == b'\n') {
                        Some(end) => {
                            carry.extend_from_slice(&buffer[end + 1..]);
                            buffer.truncate(end + 1);
                            break;
                        }
                        // One line longer than the buffer: make room for it.
                        None => limit = limit.max(buffer.len()) * 2,
                    }
                }
                if full_tx.send(buffer).is_err() {
                    return Ok(());
                }
            }
            Ok(())
        });
        let mut result = Ok(());
        while let Ok(block) = full_rx.recv() {
            result = add(&block);
            if result.is_err() {
                break;
            }
            let _ = empty_tx.send(block);
        }
        // Unblocks the reader if `add` failed.
        drop(full_rx);
        drop(empty_tx);
        let read = reader.join().expect("the reader thread does not panic");
        result?;
        read.with_context(|| format!("cannot read {path}"))
    })
}
