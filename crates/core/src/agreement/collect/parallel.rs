//! Large texts over several threads: cut at line boundaries, parsed in parts, merged in order.

use super::*;

/// Texts at least this long are split over threads by [`Collector::add_text`].
const PARALLEL_MIN: usize = 1 << 20;

/// The position of the first `\n` in `bytes` (eight bytes at a time).
pub(super) fn find_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for (index, chunk) in (&mut chunks).enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes")) ^ (ONES * u64::from(b'\n'));
        // Exact for the lowest flagged byte: borrows only carry upward.
        let found = word.wrapping_sub(ONES) & !word & HIGH;
        if found != 0 {
            return Some(index * 8 + (found.trailing_zeros() / 8) as usize);
        }
    }
    let done = bytes.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|&b| b == b'\n').map(|k| done + k)
}

impl Collector {
    /// Adds the lines of `text`, numbering them from `first_line` (1-based), and returns how
    /// many there were. Lines end at `\n` (a `\r` before it is dropped); the last one may lack
    /// its newline. A line that is not UTF-8 is reported as `file:line: -: not valid UTF-8`.
    ///
    /// With `threads` ≥ 2 (ignored on wasm32) a large text is cut at line boundaries into that
    /// many parts, parsed on as many threads, and the parts are merged in order: the result is
    /// identical to adding the lines one by one (ids in first-seen order, the same problems).
    pub fn add_text(&mut self, file: &str, first_line: u64, text: &[u8], threads: u32) -> u64 {
        let threads = if cfg!(target_arch = "wasm32") || text.len() < PARALLEL_MIN { 1 } else { threads.max(1) as usize };
        // Part boundaries just after a newline.
        let mut bounds = vec![0usize];
        for t in 1..threads {
            let target = text.len() * t / threads;
            let cut = text[target..].iter().position(|&b| b == b'\n').map_or(text.len(), |k| target + k + 1);
            if cut > *bounds.last().expect("bounds start with 0") {
                bounds.push(cut);
            }
        }
        bounds.push(text.len());
        bounds.dedup();
        if bounds.len() <= 2 {
            return self.add_part(file, first_line, text);
        }
        let parts: Vec<&[u8]> = bounds.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        // Every part but the last ends with a newline: its line count is its newline count.
        let mut starts = vec![first_line];
        for part in &parts[..parts.len() - 1] {
            let lines = part.iter().filter(|&&b| b == b'\n').count() as u64;
            starts.push(starts.last().expect("starts begin with first_line") + lines);
        }
        let last_lines = std::thread::scope(|scope| {
            let handles: Vec<_> = parts[1..]
                .iter()
                .zip(&starts[1..])
                .map(|(&part, &start)| {
                    let options = self.options.clone();
                    std::thread::Builder::new().spawn_scoped(scope, move || {
                        let mut collector = Collector::new(options);
                        collector.reserve(part.len() / 100);
                        let lines = collector.add_part(file, start, part);
                        (collector, lines)
                    })
                })
                .collect();
            self.add_part(file, first_line, parts[0]);
            let mut last_lines = 0;
            for ((handle, &part), &start) in handles.into_iter().zip(&parts[1..]).zip(&starts[1..]) {
                match handle {
                    Ok(handle) => {
                        let (collector, lines) = handle.join().expect("collecting lines does not panic");
                        self.append(collector, 0, |this| {
                            this.add_part(file, start, part);
                        });
                        last_lines = lines;
                    }
                    // No thread: parse the part here.
                    Err(_) => last_lines = self.add_part(file, start, part),
                }
            }
            last_lines
        });
        starts[starts.len() - 1] - first_line + last_lines
    }

    /// [`Collector::add_text`] on this thread.
    fn add_part(&mut self, file: &str, first_line: u64, text: &[u8]) -> u64 {
        let mut line_no = first_line;
        match std::str::from_utf8(text) {
            Ok(mut rest) => {
                while !rest.is_empty() {
                    let line = match find_newline(rest.as_bytes()) {
                        Some(end) => {
                            let line = &rest[..end];
                            rest = &rest[end + 1..];
                            line.strip_suffix('\r').unwrap_or(line)
                        }
                        None => std::mem::take(&mut rest),
                    };
                    self.add_line(file, line_no, line);
                    line_no += 1;
                }
            }
            Err(_) => {
                let mut rest = text;
                while !rest.is_empty() {
                    let line = match find_newline(rest) {
                        Some(end) => {
                            let line = &rest[..end];
                            rest = &rest[end + 1..];
                            line.strip_suffix(b"\r").unwrap_or(line)
                        }
                        None => std::mem::take(&mut rest),
                    };
                    match std::str::from_utf8(line) {
                        Ok(line) => self.add_line(file, line_no, line),
                        Err(error) => {
                            self.n_skipped_lines += 1;
                            let detail = Detail::NotUtf8 { column: Some(error.valid_up_to() as u64 + 1) };
                            self.add_problem(Problem::error(file, line_no, "-", detail));
                        }
                    }
                    line_no += 1;
                }
            }
        }
        line_no - first_line
    }

    /// An empty collector with the same options, to read a later part of the input on another
    /// thread and [`Collector::append`] it here.
    pub fn sibling(&self) -> Collector {
        Collector::new(self.options.clone())
    }

    /// Appends what `part` collected from the lines right after this collector's, renumbering
    /// its ids as if its lines had been added here, and moving its problems' line numbers on by
    /// `line_shift` (a part read on its own may number its lines from 2, see `add_text`). When a
    /// criterion was taken as per-output in one and per-item in the other (first values of
    /// different shapes), `part` is dropped and `redo` adds its lines again here instead, which
    /// settles it as one pass would.
    pub fn append(&mut self, part: Collector, line_shift: u64, redo: impl FnOnce(&mut Collector)) {
        let conflict = part.criteria.iter().any(|p| {
            self.criteria.iter().any(|g| g.id == p.id && g.per_output.is_some() && p.per_output.is_some() && g.per_output != p.per_output)
        });
        if conflict {
            redo(self);
            return;
        }
        let remap =
            |into: &mut Interner, from: &Interner| -> Vec<u32> { (0..from.len() as u32).map(|id| into.intern(from.name(id))).collect() };
        // Items are many: looked up on two threads, indexed only if more lines come.
        let items = self.items.absorb(&part.items, 2);
        let annotators = remap(&mut self.annotators, &part.annotators);
        let groups = remap(&mut self.groups, &part.groups);
        let models = remap(&mut self.models, &part.models);
        if !part.annotator_group.is_empty() {
            self.annotator_group.resize(self.annotators.len(), None);
        }
        for (annotator, group) in part.annotator_group.iter().enumerate() {
            if let Some(group) = group {
                self.annotator_group[annotators[annotator] as usize] = Some(groups[*group as usize]);
            }
        }
        let units: Vec<u32> = part
            .pair_keys
            .iter()
            .map(|&(item, model)| {
                let (item, model) = (items[item as usize], models[model as usize]);
                let next = self.pair_keys.len() as u32;
                let unit = *self.pairs.entry((u64::from(item) << 32) | u64::from(model)).or_insert(next);
                if unit == next {
                    self.pair_keys.push((item, model));
                }
                unit
            })
            .collect();
        let offset = self.judgments.len() as u32;
        self.judgments.extend(part.judgments.iter().map(|&(item, annotator)| (items[item as usize], annotators[annotator as usize])));
        self.stamps.extend_from_slice(&part.stamps);
        self.selected.extend_from_slice(&part.selected);
        self.n_skipped_lines += part.n_skipped_lines;
        for from in part.criteria {
            let index = match self.criteria.iter().position(|g| g.id == from.id) {
                Some(index) => index,
                None => {
                    let mut accumulator = Accumulator::new(&from.id, None);
                    accumulator.declared_level = from.declared_level;
                    accumulator.declared.clone_from(&from.declared);
                    self.criteria.push(accumulator);
                    self.criteria.len() - 1
                }
            };
            let into = &mut self.criteria[index];
            if into.per_output.is_none() {
                into.per_output = from.per_output;
            }
            let categories: Vec<u32> = from
                .keys
                .iter()
                .map(|key| {
                    let scalar = match key {
                        Category::Number(x) => Scalar::Number(*x),
                        Category::Bool(b) => Scalar::Bool(*b),
                        Category::Label(text) => Scalar::Str(text),
                    };
                    into.intern_category(&scalar).expect("an observed category is finite")
                })
                .collect();
            into.n_skipped += from.n_skipped;
            into.n_out_of_range += from.n_out_of_range;
            let unit_ids = if from.per_output == Some(true) { &units } else { &items };
            into.raw.extend(from.raw.iter().map(|r| Raw {
                unit: unit_ids[r.unit as usize],
                annotator: annotators[r.annotator as usize],
                judgment: r.judgment + offset,
                category: categories[r.category as usize],
            }));
        }
        self.problems.extend(part.problems.into_iter().map(|mut problem| {
            if problem.line > 0 {
                problem.line += line_shift;
            }
            problem
        }));
    }
}
