//! Reading the commands' input files. Small ones whole ([`read_text`]); judgment files in blocks
//! of whole lines ([`for_each_block`]); and one large file on several threads: it is cut into
//! byte ranges at line starts ([`line_ranges`]), and each range is read in blocks through its own
//! file handle ([`for_each_block_in`]), so both the kernel's copying and the parsing run on every
//! core, and the parts are merged once at the end.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use crate::batches::Item;
use anyhow::Context;
use std::ops::Range;

/// The limits every command that reads judgments takes (docs/FORMATS.md, "Limits").
#[derive(clap::Args, Debug, Clone)]
pub struct LimitArgs {
    /// Longest line read, in bytes (a longer one stops the run with an error).
    #[arg(long, value_name = "BYTES", default_value_t = verdict_core::read::limits::DEFAULT_MAX_LINE_BYTES as u64)]
    pub max_line_bytes: u64,
    /// Most distinct annotators held in memory.
    #[arg(long, value_name = "N", default_value_t = verdict_core::read::limits::DEFAULT_MAX_ANNOTATORS)]
    pub max_annotators: u64,
    /// Most distinct items held in memory.
    #[arg(long, value_name = "N", default_value_t = verdict_core::read::limits::DEFAULT_MAX_ITEMS)]
    pub max_items: u64,
    /// Most distinct models held in memory.
    #[arg(long, value_name = "N", default_value_t = verdict_core::read::limits::DEFAULT_MAX_MODELS)]
    pub max_models: u64,
}

impl LimitArgs {
    /// The core's limits from the flags.
    pub fn limits(&self) -> anyhow::Result<verdict_core::read::Limits> {
        let max_line_bytes = usize::try_from(self.max_line_bytes).map_err(|_| anyhow::anyhow!("--max-line-bytes is too large"))?;
        Ok(verdict_core::read::Limits {
            max_line_bytes,
            max_annotators: self.max_annotators,
            max_items: self.max_items,
            max_models: self.max_models,
            ..verdict_core::read::Limits::default()
        })
    }
}

/// Reads judgment files (`-` is stdin) through the core's one reader, streaming line by line
/// within `limits`; a line over the line limit stops the run with an error naming the flag.
/// The caller prints the problems ([`print_problems`]) and the summary. Commands that hold every
/// judgment use this; `agree` and `rank` stream into their own collectors (checked against it
/// in the core's tests).
pub fn read_judgments<P: AsRef<std::path::Path>>(
    paths: &[P],
    limits: &verdict_core::read::Limits,
) -> anyhow::Result<verdict_core::read::Input> {
    let mut reader = verdict_core::read::JudgmentReader::new(*limits);
    let paths: Vec<String> = paths.iter().map(|path| path.as_ref().to_string_lossy().into_owned()).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    crate::batches::read_batched(
        &paths,
        limits,
        threads,
        |line_no, text| verdict_core::read::check_line(line_no, text, limits),
        |item| match item {
            Item::File(name) => reader.begin_file(name),
            Item::Line(line_no, Ok((text, unterminated, checked))) => {
                reader.add_checked(line_no, text, unterminated, checked);
            }
            Item::Line(_, Err(problem)) => {
                reader.skip_line(problem);
            }
        },
    )?;
    let input = reader.finish();
    limits.check_count(
        "annotators",
        input.judgments.iter().map(|j| j.annotator.as_str()).collect::<std::collections::HashSet<_>>().len() as u64,
    )?;
    if input.summary.lines == 0 {
        anyhow::bail!("no judgments: the input is empty");
    }
    Ok(input)
}

/// Prints problems to stderr as `file:line: field: problem`, at most 50, then a count.
pub fn print_problems(problems: &[verdict_core::Problem]) {
    const MAX_PRINTED: usize = 50;
    for problem in problems.iter().take(MAX_PRINTED) {
        eprintln!("{}", verdict_core::problem::in_english(problem));
    }
    if problems.len() > MAX_PRINTED {
        eprintln!("… and {} more problems (`verdict validate` lists them all)", problems.len() - MAX_PRINTED);
    }
}

/// The input summary as one line, the same in every command's human output.
pub fn summary_line(input: &verdict_core::read::InputSummary) -> String {
    format!(
        "input: {}, {}, {}, {} replaced, {} skipped, {}",
        count(input.files, "file", "files"),
        count(input.lines, "line", "lines"),
        count(input.judgments, "judgment", "judgments"),
        input.replaced,
        input.skipped,
        count(input.problems_total, "problem", "problems")
    )
}

/// `n` and the noun in the number it takes in English: `1 file`, `0 files`, `2 files`.
pub fn count(n: impl Into<u64>, one: &str, other: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { other })
}

/// Files smaller than this are read as one range (threads would cost more than they save).
pub const SPLIT_MIN: u64 = 8 << 20;

/// Blocks of about this many bytes (whole lines; a longer line gets a larger block).
const BLOCK: usize = 4 << 20;

/// The rows of a Parquet file or directory as judgment lines for the one reader
/// (`verdict_io::parquet::JsonLines`), or `None` when `path` is not Parquet.
pub fn parquet_lines(path: &str) -> anyhow::Result<Option<verdict_io::parquet::JsonLines>> {
    if path == "-" || !verdict_io::parquet::is_parquet(path) {
        return Ok(None);
    }
    Ok(Some(verdict_io::parquet::JsonLines::open(path)?))
}

/// A whole file as text (`-` is stdin; Parquet as its judgment lines), with the file named in the error.
pub fn read_text(path: &str) -> anyhow::Result<String> {
    if let Some(mut lines) = parquet_lines(path)? {
        let mut text = String::new();
        lines.read_to_string(&mut text).with_context(|| format!("cannot read {path}"))?;
        return Ok(text);
    }
    if path == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).context("cannot read stdin")?;
        return Ok(text);
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!("{path}:{line}: not valid UTF-8: this command reads the file whole; `verdict validate {path}` lists every bad line")
    })
}

/// Cuts `file` (of `len` bytes) into up to `parts` non-empty ranges that each start at the
/// beginning of a line, in order, covering the whole file. The ranges are of about equal size,
/// each cut moved on by `lead` of a range (e.g. 0.06: the first range is 6 % larger, for
/// readers whose later ranges have extra work to do first).
pub fn line_ranges(file: &File, len: u64, parts: usize, lead: f64) -> io::Result<Vec<Range<u64>>> {
    let mut starts = vec![0u64];
    let mut probe = vec![0u8; 64 << 10];
    let mut handle = file;
    for t in 1..parts {
        let share = ((t as f64 + lead) / parts as f64).clamp(0.0, 1.0);
        let target = ((len as f64 * share) as u64).max(*starts.last().expect("starts begin with 0"));
        if target == 0 || target >= len {
            continue;
        }
        // The first line start at or after `target`: just past the first newline from target − 1.
        handle.seek(SeekFrom::Start(target - 1))?;
        let mut at = target - 1;
        let cut = loop {
            let got = handle.read(&mut probe)?;
            if got == 0 {
                break len;
            }
            if let Some(k) = probe[..got].iter().position(|&b| b == b'\n') {
                break at + k as u64 + 1;
            }
            at += got as u64;
        };
        if cut < len && cut > *starts.last().expect("starts begin with 0") {
            starts.push(cut);
        }
    }
    let mut ranges: Vec<Range<u64>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().expect("starts begin with 0")..len);
    Ok(ranges)
}

/// Reads `range` of the file at `path` in blocks of whole lines (only the last may lack its
/// newline) and calls `add` on each, in order.
pub fn for_each_block_in(path: &str, range: Range<u64>, add: impl FnMut(&[u8])) -> io::Result<()> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(range.start))?;
    for_each_block(file.take(range.end - range.start), add)
}

/// Reads `input` in blocks of whole lines through one reused buffer (only the last block may
/// lack its final newline; it is passed even when empty) and calls `add` on each, in order.
pub fn for_each_block(mut input: impl Read, mut add: impl FnMut(&[u8])) -> io::Result<()> {
    let mut buffer = vec![0u8; BLOCK];
    let mut filled = 0usize;
    loop {
        if filled == buffer.len() {
            // One line longer than the buffer: make room for it.
            buffer.resize(buffer.len() * 2, 0);
        }
        let read = match input.read(&mut buffer[filled..]) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if read == 0 {
            add(&buffer[..filled]);
            return Ok(());
        }
        filled += read;
        if filled < buffer.len() {
            continue;
        }
        if let Some(end) = buffer[..filled].iter().rposition(|&b| b == b'\n') {
            add(&buffer[..=end]);
            buffer.copy_within(end + 1..filled, 0);
            filled -= end + 1;
        }
    }
}

/// The number of newlines in `range` of the file at `path` (the line number before the range
/// starts, when it starts at a line).
pub fn count_lines(path: &str, range: Range<u64>) -> io::Result<u64> {
    let mut lines = 0;
    for_each_block_in(path, range, |block| lines += count_newlines(block))?;
    Ok(lines)
}

/// The number of `\n` in `bytes`, eight bytes at a time: a byte of `word ^ NEWLINES` is zero
/// exactly where `word` has a newline, and `((y & 0x7f…) + 0x7f…) | y` sets the high bit of
/// every non-zero byte of `y` (no carry crosses bytes), so the clear high bits count them.
fn count_newlines(bytes: &[u8]) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NEWLINES: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0u64;
    for chunk in &mut chunks {
        let y = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes")) ^ NEWLINES;
        let non_zero = ((y & LOW7) + LOW7) | y;
        count += u64::from((!non_zero & !LOW7).count_ones());
    }
    count + chunks.remainder().iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges_of(text: &[u8], parts: usize) -> Vec<Range<u64>> {
        let path = std::env::temp_dir().join(format!("verdict-ranges-{}-{parts}-{}.txt", std::process::id(), text.len()));
        std::fs::write(&path, text).unwrap();
        let file = File::open(&path).unwrap();
        let ranges = line_ranges(&file, text.len() as u64, parts, if parts == 3 { 0.3 } else { 0.0 }).unwrap();
        // Reading every range gives back the file, each range made of whole lines.
        let mut joined = Vec::new();
        for range in &ranges {
            assert!(range.start < range.end, "{ranges:?}");
            assert!(range.start == 0 || text[range.start as usize - 1] == b'\n', "{ranges:?}");
            for_each_block_in(path.to_str().unwrap(), range.clone(), |block| joined.extend_from_slice(block)).unwrap();
            let before = text[..range.start as usize].iter().filter(|&&b| b == b'\n').count() as u64;
            assert_eq!(count_lines(path.to_str().unwrap(), 0..range.start).unwrap(), before);
        }
        std::fs::remove_file(&path).unwrap();
        assert_eq!(joined, text);
        ranges
    }

    #[test]
    fn newlines_are_counted_exactly_at_every_offset_and_byte_value() {
        let bytes: Vec<u8> = (0..=255u8).chain([b'\n'; 9]).chain((0..=255u8).rev()).chain(*b"\n\x0b\x09\n\x8a").collect();
        for start in 0..12 {
            for end in (bytes.len() - 12..=bytes.len()).filter(|&end| end >= start) {
                let slice = &bytes[start..end];
                assert_eq!(count_newlines(slice), slice.iter().filter(|&&b| b == b'\n').count() as u64, "{start}..{end}");
            }
        }
    }

    #[test]
    fn ranges_start_at_lines_and_cover_the_file() {
        let text: Vec<u8> = (0..1000).flat_map(|n| format!("line {n} {}\n", "x".repeat(n % 37)).into_bytes()).collect();
        for parts in [1, 2, 3, 7] {
            assert_eq!(ranges_of(&text, parts).len(), parts);
        }
        // Without a final newline, and with one long line where the cut would fall.
        let mut text = b"a\n".to_vec();
        text.extend(std::iter::repeat_n(b'y', 200_000));
        text.extend_from_slice(b"\nlast");
        assert_eq!(ranges_of(&text, 2).len(), 2);
        assert_eq!(ranges_of(b"one line, no newline", 4).len(), 1);
        assert_eq!(ranges_of(b"\n\n\n\n", 4).len(), 4);
    }
}
