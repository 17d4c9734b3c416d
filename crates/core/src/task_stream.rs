//! A task file read in pieces: bytes in, items and problems out, line by line, so the rating
//! page can show the first item long before a large file has been read.
//!
//! JSONL is parsed as its lines complete (the same per-line checks as [`crate::task::load_tasks`],
//! through [`TaskLines`]). A JSON array cannot be cut at line ends: its bytes are kept and parsed
//! in one linear pass when the file ends.
//!
//! The file's identity (the `task_sha256` written into judgments, the evaluation's store key and
//! the display orders' seed) must be known before the first item is shown:
//! - a file of at most [`IDENTITY_HEAD_BYTES`] keeps the identity it always had, the SHA-256 of
//!   its text (after a byte-order mark, invalid UTF-8 replaced as the browser's decoder does);
//! - a larger file has identity version 2: `sha256_hex("verdict/task-identity@2\n" +
//!   sha256_hex(first IDENTITY_HEAD_BYTES bytes))`, known as soon as those bytes are read.
//!   Two large files that share their first 4 MiB share an evaluation (and its judgments, which
//!   are keyed by item id); [`TaskStream::full_sha256`] (every byte, hashed as it passes) lets the
//!   app notice that a file changed past its head.

use sha2::{Digest, Sha256};

use crate::digest::sha256_hex;
use crate::problem::Problem;
use crate::task::{load_tasks, Task, TaskLines};

/// Bytes of a task file that fix its identity (see the module documentation).
pub const IDENTITY_HEAD_BYTES: usize = 4 << 20;

const BOM: [u8; 3] = *b"\xef\xbb\xbf";

/// The version-2 identity of a large task file, from the SHA-256 (hex) of its first
/// [`IDENTITY_HEAD_BYTES`] bytes.
pub fn identity_v2(head_sha256: &str) -> String {
    sha256_hex(format!("verdict/task-identity@2\n{head_sha256}").as_bytes())
}

/// Reads one task file from successive byte chunks.
#[derive(Debug)]
pub struct TaskStream {
    file: String,
    lines: TaskLines,
    /// Bytes of the line not yet ended.
    carry: Vec<u8>,
    /// Number of the next line to end (1-based).
    next_line: u64,
    /// The file's first bytes, kept until the identity is fixed.
    head: Vec<u8>,
    identity: Option<String>,
    n_bytes: u64,
    full: Sha256,
    full_hex: Option<String>,
    /// Whether anything but whitespace (or a byte-order mark) was seen, and if the file is a JSON
    /// array, its bytes so far.
    started: bool,
    /// How many of the file's first bytes were a byte-order mark's.
    bom_bytes: u64,
    array: Option<Vec<u8>>,
    finished: bool,
    /// File offset of the line not yet ended, and where each item returned since
    /// [`TaskStream::take_spans`] was last called lies in the file.
    line_start: u64,
    spans: Vec<(u64, u32)>,
}

impl TaskStream {
    /// Starts reading the task file named `file`.
    pub fn new(file: &str) -> Self {
        TaskStream {
            file: file.to_owned(),
            lines: TaskLines::new(file),
            carry: Vec::new(),
            next_line: 1,
            head: Vec::new(),
            identity: None,
            n_bytes: 0,
            full: Sha256::new(),
            full_hex: None,
            started: false,
            bom_bytes: 0,
            array: None,
            finished: false,
            line_start: 0,
            spans: Vec::new(),
        }
    }

    /// Bytes read so far.
    pub fn n_bytes(&self) -> u64 {
        self.n_bytes
    }

    /// The file's identity, once known: after [`IDENTITY_HEAD_BYTES`] bytes or at the end.
    pub fn identity(&self) -> Option<&str> {
        self.identity.as_deref()
    }

    /// SHA-256 (hex) of every byte of the file, once [`TaskStream::finish`] was called.
    pub fn full_sha256(&self) -> Option<&str> {
        self.full_hex.as_deref()
    }

    /// Reads the next `bytes` of the file: the items of the lines they end are returned, in
    /// file order; problems go to `problems`, in line order.
    pub fn push(&mut self, bytes: &[u8], problems: &mut Vec<Problem>) -> Vec<Task> {
        if self.finished {
            return Vec::new();
        }
        self.full.update(bytes);
        self.n_bytes += bytes.len() as u64;
        if self.identity.is_none() {
            let room = IDENTITY_HEAD_BYTES - self.head.len();
            self.head.extend_from_slice(&bytes[..room.min(bytes.len())]);
            if bytes.len() > room {
                self.identity = Some(identity_v2(&sha256_hex(&self.head)));
                self.head = Vec::new();
            }
        }
        let mut tasks = Vec::new();
        let mut rest = bytes;
        // A byte-order mark is skipped, even when it comes in pieces: a byte is part of it while
        // every byte before it was.
        let mut position = self.n_bytes - bytes.len() as u64;
        while position < 3 && self.bom_bytes == position && rest.first() == Some(&BOM[position as usize]) {
            self.bom_bytes += 1;
            position += 1;
            rest = &rest[1..];
        }
        if !self.started {
            let skipped = self.skip_leading(rest);
            rest = &rest[skipped..];
        }
        if let Some(array) = &mut self.array {
            array.extend_from_slice(rest);
            return tasks;
        }
        let end_offset = self.n_bytes;
        let offset_of = |rest: &[u8]| end_offset - rest.len() as u64;
        if self.carry.is_empty() {
            self.line_start = offset_of(rest);
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            if self.carry.is_empty() {
                self.take_line(&rest[..end], false, problems, &mut tasks);
            } else {
                let mut line = std::mem::take(&mut self.carry);
                line.extend_from_slice(&rest[..end]);
                self.take_line(&line, false, problems, &mut tasks);
            }
            rest = &rest[end + 1..];
            self.line_start = offset_of(rest);
        }
        self.carry.extend_from_slice(rest);
        tasks
    }

    /// Ends the file: its last line (if it had no newline) or the whole JSON array is read.
    pub fn finish(&mut self, problems: &mut Vec<Problem>) -> Vec<Task> {
        if self.finished {
            return Vec::new();
        }
        self.finished = true;
        self.full_hex = Some(hex(&std::mem::take(&mut self.full).finalize()));
        if self.identity.is_none() {
            let head = std::mem::take(&mut self.head);
            let text = String::from_utf8_lossy(&head);
            self.identity = Some(sha256_hex(text.strip_prefix('\u{feff}').unwrap_or(&text).as_bytes()));
        }
        if let Some(array) = self.array.take() {
            let loaded = load_tasks(&self.file, &String::from_utf8_lossy(&array));
            problems.extend(loaded.problems);
            return loaded.records;
        }
        if !self.started {
            problems.push(Problem::error(&self.file, 0, "-", crate::problem::Detail::NoItems));
            return Vec::new();
        }
        let mut tasks = Vec::new();
        let last = std::mem::take(&mut self.carry);
        self.take_line(&last, true, problems, &mut tasks);
        tasks
    }

    /// Before the first item: skips a byte-order mark and whitespace (counting lines), and
    /// notices a JSON array. Returns how many bytes of `bytes` were consumed.
    fn skip_leading(&mut self, bytes: &[u8]) -> usize {
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' => self.next_line += 1,
                b' ' | b'\t' | b'\r' => {}
                first => {
                    self.started = true;
                    if first == b'[' {
                        // The array's text from its first line, so line numbers stay the file's.
                        let mut array = b"\n".repeat(self.next_line as usize - 1);
                        array.extend_from_slice(&bytes[at..]);
                        self.array = Some(array);
                        return bytes.len();
                    }
                    return at;
                }
            }
            at += 1;
        }
        at
    }

    /// Where the items returned since the last call lie in the file: (offset, length) of each
    /// one's line, in order (none for a JSON array, whose items are only kept whole).
    pub fn take_spans(&mut self) -> Vec<(u64, u32)> {
        std::mem::take(&mut self.spans)
    }

    fn take_line(&mut self, line: &[u8], unterminated: bool, problems: &mut Vec<Problem>, tasks: &mut Vec<Task>) {
        let line_no = self.next_line;
        self.next_line += 1;
        let span = (self.line_start, line.len() as u32);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let text = String::from_utf8_lossy(line);
        if let Some(record) = self.lines.line(line_no, &text, unterminated, problems) {
            if record.new_item {
                tasks.push(record.task);
                self.spans.push(span);
            }
        }
    }
}

/// An item without its texts (prompt, conversation, outputs' contents), to keep in memory while
/// the texts stay in the file (re-read by [`TaskStream::take_spans`]' offsets when shown).
pub fn without_texts(mut task: Task) -> Task {
    task.prompt = None;
    task.conversation = None;
    for output in &mut task.outputs {
        output.content = String::new().into();
    }
    task
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` in chunks of `chunk` bytes; returns items, problems (as text) and identity.
    fn read(text: &[u8], chunk: usize) -> (Vec<Task>, Vec<String>, String) {
        let mut stream = TaskStream::new("t.jsonl");
        let mut problems = Vec::new();
        let mut tasks = Vec::new();
        for piece in text.chunks(chunk.max(1)) {
            tasks.extend(stream.push(piece, &mut problems));
        }
        tasks.extend(stream.finish(&mut problems));
        (tasks, problems.iter().map(crate::problem::in_english).collect(), stream.identity().expect("known at the end").to_owned())
    }

    fn item(id: &str) -> String {
        format!(r#"{{"id":"{id}","prompt":"p","outputs":[{{"model":"x","content":"1"}},{{"model":"y","content":"2"}}]}}"#)
    }

    #[test]
    fn any_chunking_reads_what_the_whole_file_loader_reads() {
        let text = format!("\u{feff}{}\r\n\n{}\n{{\"id\":\"c\"}}\n{}\n[1]\n{{\"id\":\"é\"", item("a"), item("b"), item("a"));
        let whole = load_tasks("t.jsonl", &text);
        let expected: Vec<String> = whole.problems.iter().map(crate::problem::in_english).collect();
        assert_eq!(expected.len(), 5, "{expected:?}");
        for chunk in [1, 2, 3, 7, 64, 1 << 20] {
            let (tasks, problems, identity) = read(text.as_bytes(), chunk);
            assert_eq!(tasks, whole.records, "chunk {chunk}");
            assert_eq!(problems, expected, "chunk {chunk}");
            // A small file keeps the identity it always had: the SHA-256 of its text without the BOM.
            assert_eq!(identity, sha256_hex(text.strip_prefix('\u{feff}').unwrap().as_bytes()));
        }
    }

    #[test]
    fn spans_lead_back_to_each_items_line() {
        let text = format!("\u{feff}\n  {}\r\n\n{}\n{{\"id\":\"c\"}}\n{}", item("a"), item("b"), item("d"));
        for chunk in [1, 3, 17, 1000] {
            let mut stream = TaskStream::new("t.jsonl");
            let (mut problems, mut tasks, mut spans) = (Vec::new(), Vec::new(), Vec::new());
            for piece in text.as_bytes().chunks(chunk) {
                tasks.extend(stream.push(piece, &mut problems));
                spans.extend(stream.take_spans());
            }
            tasks.extend(stream.finish(&mut problems));
            spans.extend(stream.take_spans());
            assert_eq!(tasks.len(), 3);
            for (task, (offset, len)) in tasks.iter().zip(&spans) {
                let line = &text.as_bytes()[*offset as usize..(*offset + u64::from(*len)) as usize];
                let again = TaskLines::new("t.jsonl").line(1, std::str::from_utf8(line).unwrap(), false, &mut problems).unwrap();
                assert_eq!(&again.task, task, "chunk {chunk}");
            }
            assert_eq!(without_texts(tasks[0].clone()).outputs[1].model, "y");
        }
    }

    #[test]
    fn a_json_array_reads_whole_with_the_files_line_numbers() {
        let text = format!("\n\n[\n{},\n{{\"id\":\"b\",\"outputs\":[]}}\n]\n", item("a"));
        let whole = load_tasks("t.jsonl", &text);
        for chunk in [1, 5, 1000] {
            let (tasks, problems, _) = read(text.as_bytes(), chunk);
            assert_eq!(tasks, whole.records);
            assert_eq!(problems, ["t.jsonl:5: prompt: missing: give a prompt or a conversation", "t.jsonl:5: outputs: must not be empty"]);
        }
    }

    #[test]
    fn a_large_json_array_names_the_line_of_a_bad_element_near_its_end() {
        // 20 000 elements over 40 001 lines (the loader counts lines on from the previous element:
        // linear; 80 000 such elements take 3.7 s in a debug build, where the issue measured 223 s).
        let n = 20_000;
        let mut text = String::from("[\n");
        for index in 0..n {
            let element = if index == n - 2 { r#"{"id":"bad","prompt":"p","outputs":7}"#.to_owned() } else { item(&format!("i{index}")) };
            text.push_str(&format!("  {element}{}\n\n", if index + 1 < n { "," } else { "" }));
        }
        text.push_str("]\n");
        let (tasks, problems, _) = read(text.as_bytes(), 1 << 20);
        assert_eq!(tasks.len(), n - 1);
        assert_eq!(problems, [format!("t.jsonl:{}: outputs: expected an array, found a number", 2 + 2 * (n - 2))]);
    }

    #[test]
    fn empty_files_are_reported() {
        for text in ["", "\n  \n", "\u{feff}"] {
            assert_eq!(read(text.as_bytes(), 1).1, ["t.jsonl:0: -: the file is empty: no items to rate"], "{text:?}");
        }
    }

    #[test]
    fn a_large_file_has_a_version_2_identity_known_after_its_head() {
        let line = item("x");
        let n_lines = IDENTITY_HEAD_BYTES / line.len() + 10;
        let mut text = String::new();
        for index in 0..n_lines {
            text.push_str(&item(&format!("item-{index}")));
            text.push('\n');
        }
        let mut stream = TaskStream::new("big.jsonl");
        let mut problems = Vec::new();
        let head = &text.as_bytes()[..IDENTITY_HEAD_BYTES];
        let mut n_tasks = stream.push(head, &mut problems).len();
        assert_eq!(stream.identity(), None, "not yet: the head is not complete until a byte past it");
        n_tasks += stream.push(&text.as_bytes()[IDENTITY_HEAD_BYTES..IDENTITY_HEAD_BYTES + 1], &mut problems).len();
        assert_eq!(stream.identity(), Some(identity_v2(&sha256_hex(head)).as_str()));
        n_tasks += stream.push(&text.as_bytes()[IDENTITY_HEAD_BYTES + 1..], &mut problems).len();
        n_tasks += stream.finish(&mut problems).len();
        assert_eq!((n_tasks, problems.len()), (n_lines, 0));
        assert_eq!(stream.full_sha256(), Some(sha256_hex(text.as_bytes()).as_str()));
        // A file of exactly the head's size is small: its identity is its text's hash.
        assert_eq!(read(head, 4096).2, sha256_hex(head));
    }
}
