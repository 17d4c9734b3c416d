//! Reading one large file on several threads: the file is cut into byte ranges at line starts,
//! and each range is read in blocks of whole lines through its own file handle, so both the
//! kernel's copying and the parsing run on every core, and the parts are merged once at the end.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;

/// Files smaller than this are read as one range (threads would cost more than they save).
pub const SPLIT_MIN: u64 = 8 << 20;

/// Blocks of about this many bytes (whole lines; a longer line gets a larger block).
const BLOCK: usize = 4 << 20;

/// Cuts `file` (of `len` bytes) into up to `parts` non-empty ranges that each start at the
/// beginning of a line, in order, covering the whole file.
pub fn line_ranges(file: &File, len: u64, parts: usize) -> io::Result<Vec<Range<u64>>> {
    let mut starts = vec![0u64];
    let mut probe = vec![0u8; 64 << 10];
    let mut handle = file;
    for t in 1..parts as u64 {
        let target = (len * t / parts as u64).max(*starts.last().expect("starts begin with 0"));
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
pub fn for_each_block_in(path: &str, range: Range<u64>, mut add: impl FnMut(&[u8])) -> io::Result<()> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(range.start))?;
    let mut input = file.take(range.end - range.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges_of(text: &[u8], parts: usize) -> Vec<Range<u64>> {
        let path = std::env::temp_dir().join(format!("verdict-ranges-{}-{parts}-{}.txt", std::process::id(), text.len()));
        std::fs::write(&path, text).unwrap();
        let file = File::open(&path).unwrap();
        let ranges = line_ranges(&file, text.len() as u64, parts).unwrap();
        // Reading every range gives back the file, each range made of whole lines.
        let mut joined = Vec::new();
        for range in &ranges {
            assert!(range.start < range.end, "{ranges:?}");
            assert!(range.start == 0 || text[range.start as usize - 1] == b'\n', "{ranges:?}");
            for_each_block_in(path.to_str().unwrap(), range.clone(), |block| joined.extend_from_slice(block)).unwrap();
        }
        std::fs::remove_file(&path).unwrap();
        assert_eq!(joined, text);
        ranges
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
