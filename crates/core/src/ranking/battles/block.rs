//! [`BlockReader`]: the battle reader fed block by block (whole lines of one file at a time,
//! parts of a block on several threads, later ranges of a file read beside it and appended).

use super::builder::Builder;
use super::{BattleSet, TaskIndex};
use crate::problem::{Detail, Loaded, Problem};
use crate::read::Selection;

/// [`read_many_parallel`] fed block by block, so that a large file can be read in one reused
/// buffer: each block holds whole lines of one file (the files' blocks in order), and the
/// result is the same as reading the whole texts at once.
pub struct BlockReader<'t> {
    builder: Builder<'t>,
    names: &'t [&'t str],
    problems: Vec<Problem>,
    /// File size hint for sizing the tables on the first block (see [`BlockReader::expect_bytes`]).
    expected_bytes: usize,
}

impl<'t> BlockReader<'t> {
    /// A reader of the files named `names` (indexed by the blocks' `file_index`).
    pub fn new(names: &'t [&'t str], tasks: Option<&'t TaskIndex<'t>>) -> BlockReader<'t> {
        BlockReader { builder: Builder::new(tasks.map(|t| &t.0)), names, problems: Vec::new(), expected_bytes: 0 }
    }

    /// Keeps only the battles of judgments `selection` selects, applied after the identity rule
    /// (`read::select`): an unselected judgment still replaces an earlier one of its identity.
    pub fn select(mut self, selection: &'t Selection) -> BlockReader<'t> {
        self.builder.selection = (!selection.is_everything()).then_some(selection);
        self
    }

    /// Announces about how many bytes of JSONL are coming, so that the tables are sized once
    /// (from the first block's bytes per line) instead of growing.
    pub fn expect_bytes(&mut self, bytes: usize) {
        self.expected_bytes = bytes;
    }

    /// Reads `text`, whole lines of file `file_index` starting at line `first_line` (1 for a
    /// file's first block, whose byte-order mark is skipped), on up to `threads` threads.
    /// Returns the number of lines read (the number of newlines, plus one for a final line
    /// without one).
    pub fn add_block(&mut self, file_index: usize, first_line: u64, text: &str, threads: u32) -> u64 {
        let newlines = |part: &str| part.bytes().filter(|&b| b == b'\n').count() as u64;
        // A final line without a newline counts too.
        let unterminated = u64::from(!text.is_empty() && !text.ends_with('\n'));
        let text = if first_line == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
        let expected_bytes = std::mem::take(&mut self.expected_bytes);
        let (names, builder, problems) = (self.names, &mut self.builder, &mut self.problems);
        if expected_bytes > 0 && !text.is_empty() {
            let expected = (newlines(text) as u128 * expected_bytes as u128 / text.len() as u128) as usize;
            builder.records.reserve(expected);
            builder.items.reserve(expected, 0);
        }
        let threads = if cfg!(target_arch = "wasm32") || text.len() < (1 << 20) { 1 } else { threads.max(1) as usize };
        // Part boundaries just after a newline.
        let mut bounds = vec![0usize];
        for t in 1..threads {
            let target = text.len() * t / threads;
            let cut = text[target..].find('\n').map_or(text.len(), |k| target + k + 1);
            if cut > *bounds.last().expect("bounds start with 0") {
                bounds.push(cut);
            }
        }
        bounds.push(text.len());
        bounds.dedup();
        let parts: Vec<&str> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        // Every part but the last ends with a newline: its line count is its newline count.
        let mut starts = vec![first_line];
        for part in &parts[..parts.len().saturating_sub(1)] {
            starts.push(starts.last().expect("starts begin at the first line") + part.bytes().filter(|&b| b == b'\n').count() as u64);
        }
        let first_lines = (starts.get(1).copied().unwrap_or(first_line) - first_line) as usize;
        // Room for the whole block (the parts are about the same size), so merging does not rehash.
        builder.records.reserve(first_lines * parts.len());
        builder.items.reserve(first_lines * parts.len(), 0);
        if parts.len() <= 1 {
            return builder.read_part(names, file_index, first_line, text, problems);
        }
        let (task_ref, selection) = (builder.tasks, builder.selection);
        let last_newlines = std::thread::scope(|scope| {
            let handles: Vec<_> = parts[1..]
                .iter()
                .zip(&starts[1..])
                .map(|(&part, &start)| {
                    std::thread::Builder::new().spawn_scoped(scope, move || {
                        let mut local = Builder::new(task_ref);
                        local.selection = selection;
                        let lines = newlines(part);
                        local.records.reserve(lines as usize);
                        local.items.reserve(lines as usize, 0);
                        let mut found = Vec::new();
                        local.read_part(names, file_index, start, part, &mut found);
                        (local, found, lines)
                    })
                })
                .collect();
            builder.read_part(names, file_index, first_line, parts[0], problems);
            // The newlines of the last part (the parts before it are counted in `starts`).
            let mut last_newlines = 0;
            for ((handle, &part), &start) in handles.into_iter().zip(&parts[1..]).zip(&starts[1..]) {
                last_newlines = match handle {
                    Ok(handle) => {
                        let (local, found, lines) = handle.join().expect("reading battles does not panic");
                        builder.merge(local, found, names, file_index, problems);
                        lines
                    }
                    // No thread: read the part here.
                    Err(_) => {
                        builder.read_part(names, file_index, start, part, problems);
                        newlines(part)
                    }
                };
            }
            last_newlines
        });
        starts.last().expect("starts begin at the first line") - first_line + last_newlines + unterminated
    }

    /// [`BlockReader::add_block`] for bytes: a block that is not all UTF-8 is read line by line,
    /// and each line that is not UTF-8 is reported (`file:line: -: not valid UTF-8`) and skipped,
    /// as the agreement reader does.
    pub fn add_bytes(&mut self, file_index: usize, first_line: u64, bytes: &[u8], threads: u32) -> u64 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return self.add_block(file_index, first_line, text, threads);
        }
        let mut line_no = first_line;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            match std::str::from_utf8(line) {
                Ok(text) => line_no += self.add_block(file_index, line_no, text, 1),
                Err(error) => {
                    let detail = Detail::NotUtf8 { column: Some(error.valid_up_to() as u64 + 1) };
                    self.problems.push(Problem::error(self.names[file_index], line_no, "-", detail));
                    self.builder.n_skipped_lines += 1;
                    line_no += 1;
                }
            }
        }
        line_no - first_line
    }

    /// An empty reader of the same files and tasks, to read a later part of a file on another
    /// thread and [`BlockReader::append`] it here.
    pub fn sibling(&self) -> BlockReader<'t> {
        let mut builder = Builder::new(self.builder.tasks);
        builder.selection = self.builder.selection;
        BlockReader { builder, names: self.names, problems: Vec::new(), expected_bytes: 0 }
    }

    /// Appends what `part` read from the lines of file `file_index` right after this reader's
    /// (numbered as in the file), as if they had been read here: the same battles, replacements,
    /// warnings and line order.
    pub fn append(&mut self, part: BlockReader<'t>, file_index: usize) {
        self.builder.merge(part.builder, part.problems, self.names, file_index, &mut self.problems);
    }

    /// The battles read, and the problems found, in file and line order.
    pub fn finish(self) -> Loaded<BattleSet> {
        Loaded { records: vec![self.builder.finish()], problems: self.problems }
    }
}
