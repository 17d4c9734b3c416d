//! Line shapes: a faster path through files whose lines all look alike (one exporter wrote them).
//!
//! A shape is learned from a line the scanner accepted: its bytes, with every string and number
//! *value* cut out as a hole (keys, punctuation, spaces, `true`/`false`/`null` stay). A later
//! line matches when its bytes equal the shape's between the holes and each hole holds a value
//! that the same scanner code accepts (`scan::read_value`, with the check the scanner made at
//! that place). Such a line has the same keys in the same order and values of the same kinds at
//! the same places, so the scanner would walk it the same way and accept it with the values
//! found in the holes: the result is the scanner's, without its per-key work. Anything else
//! (another layout, an escape, a value of another kind) does not match and goes to the scanner.

use super::scan::{read_value, scan_battle_recording, scan_recording, Names, Plan, Read, Scalar, Scanned, ScoreValue, ShownAndRanking};

/// The layout of one accepted judgment line (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct Shape {
    /// The line it was learned from.
    text: String,
    /// Values that vary: (start, end, how to read) in `text`, in order.
    holes: Vec<(usize, usize, Read)>,
    item_id: usize,
    annotator: usize,
    group: Option<usize>,
    winner: Option<usize>,
    submitted_at: Option<usize>,
    /// `scores` entries: key span in `text`, and where the value is.
    scores: Vec<((usize, usize), Plan)>,
    /// Holes of the `shown` and `ranking` names (shapes of battle lines only).
    shown: Option<Vec<usize>>,
    ranking: Option<Vec<usize>>,
}

impl Shape {
    /// The shape of `line`, if the scanner accepts it (and the shape reads it back the same).
    pub(crate) fn learn(line: &str) -> Option<Shape> {
        let (scanned, recording) = scan_recording(line)?;
        let shape = Shape {
            text: line.to_owned(),
            holes: recording.holes,
            item_id: recording.item_id?,
            annotator: recording.annotator?,
            group: recording.group,
            winner: recording.winner,
            submitted_at: recording.submitted_at,
            scores: recording.scores,
            shown: None,
            ranking: None,
        };
        let mut spans = Vec::new();
        (shape.scan(line, &mut spans, Vec::new()).as_ref() == Some(&scanned)).then_some(shape)
    }

    /// The shape of a battle line (`scan_battle_line`'s reading: with `shown` and `ranking`).
    pub(crate) fn learn_battle(line: &str) -> Option<Shape> {
        let (scanned, names, recording) = scan_battle_recording(line)?;
        let shape = Shape {
            text: line.to_owned(),
            holes: recording.holes,
            item_id: recording.item_id?,
            annotator: recording.annotator?,
            group: recording.group,
            winner: recording.winner,
            submitted_at: recording.submitted_at,
            scores: recording.scores,
            shown: recording.shown,
            ranking: recording.ranking,
        };
        let mut spans = Vec::new();
        (shape.scan_battle(line, &mut spans).as_ref() == Some(&(scanned, names))).then_some(shape)
    }

    /// [`Shape::scan`] for a shape of [`Shape::learn_battle`]: the fields and the names.
    pub(crate) fn scan_battle<'a>(
        &self,
        line: &'a str,
        spans: &mut Vec<(usize, usize, f64)>,
    ) -> Option<(Scanned<'a>, ShownAndRanking<'a>)> {
        let scanned = self.scan(line, spans, Vec::new())?;
        let names = |holes: &Option<Vec<usize>>| {
            holes.as_ref().map(|holes| {
                let mut names = Names::default();
                holes.iter().for_each(|&k| names.push(&line[spans[k].0 + 1..spans[k].1 - 1]));
                names
            })
        };
        Some((scanned, ShownAndRanking { shown: names(&self.shown), ranking: names(&self.ranking) }))
    }

    /// The fields of `line` if it has this shape (`spans` and `scores` are scratch space reused
    /// between lines); `None` when it does not match.
    pub(crate) fn scan<'a>(
        &self,
        line: &'a str,
        spans: &mut Vec<(usize, usize, f64)>,
        mut scores: Vec<(&'a str, ScoreValue<'a>)>,
    ) -> Option<Scanned<'a>> {
        spans.clear();
        scores.clear();
        let (learned, bytes) = (self.text.as_bytes(), line.as_bytes());
        let (mut at, mut from) = (0, 0);
        for &(start, end, read) in &self.holes {
            let literal = &learned[from..start];
            if bytes.get(at..at + literal.len())? != literal {
                return None;
            }
            at += literal.len();
            // The readers skip leading spaces; the shape's hole starts at the value itself.
            if matches!(bytes.get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                return None;
            }
            let (value_end, number) = read_value(line, at, read)?;
            spans.push((at, value_end, number));
            (at, from) = (value_end, end);
        }
        if bytes.get(at..)? != &learned[from..] {
            return None;
        }
        // A string hole's text, without its quotes.
        let text = |k: usize| &line[spans[k].0 + 1..spans[k].1 - 1];
        let item_id = Some(text(self.item_id)).filter(|s| !s.is_empty())?;
        let annotator = Some(text(self.annotator)).filter(|s| !s.is_empty())?;
        // Where the learned line's byte `pos` (outside any hole) is in this line.
        let moved = |pos: usize| match self.holes.partition_point(|h| h.1 <= pos) {
            0 => pos,
            k => pos - self.holes[k - 1].1 + spans[k - 1].1,
        };
        let key = |(start, end): (usize, usize)| {
            let at = moved(start);
            &line[at..at + (end - start)]
        };
        let value = |plan: &Plan| -> Scalar<'a> {
            match plan {
                Plan::Hole(k) if self.holes[*k].2 == Read::Str => Scalar::Str(text(*k)),
                Plan::Hole(k) => Scalar::Number(spans[*k].2),
                Plan::Fixed(fixed) => fixed.clone(),
                Plan::PerOutput(_) => Scalar::Other,
            }
        };
        for (span, plan) in &self.scores {
            let entry = match plan {
                Plan::PerOutput(models) => ScoreValue::PerOutput(models.iter().map(|(model, plan)| (key(*model), value(plan))).collect()),
                plan => ScoreValue::Scalar(value(plan)),
            };
            scores.push((key(*span), entry));
        }
        let submitted_at = self.submitted_at.map(text);
        Some(Scanned { item_id, annotator, group: self.group.map(text), winner: self.winner.map(text), scores, submitted_at })
    }
}

/// A few recent shapes, most recently used first, with scratch space and the counts that stop
/// the learning when shapes do not pay (files whose lines all differ in layout).
#[derive(Clone, Debug, Default)]
pub(crate) struct Shapes {
    shapes: Vec<Shape>,
    spans: Vec<(usize, usize, f64)>,
    hits: u64,
    learned: u64,
}

impl Shapes {
    /// How many shapes are kept.
    const KEPT: usize = 4;

    /// The fields of `line` through the first shape it has; else `scores` is handed back.
    pub(crate) fn scan<'a>(
        &mut self,
        line: &'a str,
        mut scores: Vec<(&'a str, ScoreValue<'a>)>,
    ) -> Result<Scanned<'a>, Vec<(&'a str, ScoreValue<'a>)>> {
        for k in 0..self.shapes.len() {
            scores.clear();
            match self.shapes[k].scan(line, &mut self.spans, std::mem::take(&mut scores)) {
                Some(scanned) => {
                    self.used(k);
                    return Ok(scanned);
                }
                None => continue,
            }
        }
        Err(scores)
    }

    /// [`Shapes::scan`] for battle lines (shapes learned with [`Shapes::learn_battle`]).
    pub(crate) fn scan_battle<'a>(&mut self, line: &'a str) -> Option<(Scanned<'a>, ShownAndRanking<'a>)> {
        for k in 0..self.shapes.len() {
            if let Some(found) = self.shapes[k].scan_battle(line, &mut self.spans) {
                self.used(k);
                return Some(found);
            }
        }
        None
    }

    fn used(&mut self, k: usize) {
        self.shapes[..=k].rotate_right(1);
        self.hits += 1;
    }

    /// Learns the shape of `line`, which the scanner just accepted, while shapes pay.
    pub(crate) fn learn(&mut self, line: &str) {
        if self.learning() {
            self.keep(Shape::learn(line));
        }
    }

    /// [`Shapes::learn`] for a battle line.
    pub(crate) fn learn_battle(&mut self, line: &str) {
        if self.learning() {
            self.keep(Shape::learn_battle(line));
        }
    }

    fn learning(&self) -> bool {
        self.learned < 16 || self.learned * 64 < self.hits
    }

    fn keep(&mut self, shape: Option<Shape>) {
        if let Some(shape) = shape {
            self.shapes.insert(0, shape);
            self.shapes.truncate(Self::KEPT);
            self.learned += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::scan::{scan_battle_line, scan_line};

    /// Whatever a shape accepts, the scanner accepts with the same values.
    fn agrees(shape: &Shape, line: &str) -> bool {
        let mut spans = Vec::new();
        match shape.scan(line, &mut spans, Vec::new()) {
            Some(scanned) => {
                assert_eq!(Some(scanned), scan_line(line), "shape of {:?} on {line}", shape.text);
                true
            }
            None => false,
        }
    }

    #[test]
    fn shapes_of_real_lines_read_every_real_line_as_the_scanner_does() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut matched = 0;
        for learned in lines.iter().step_by(97) {
            let shape = Shape::learn(learned).expect("every real line has a shape");
            matched += lines.iter().filter(|line| agrees(&shape, line)).count();
        }
        assert!(matched > 10_000, "shapes are shared by many real lines ({matched})");
    }

    #[test]
    fn battle_shapes_read_names_as_the_battle_scanner_does() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let extra = [
            r#"{"schema": "verdict/judgment@1", "item_id": "battle-0000001", "annotator": "user-07035", "shown": ["model-012", "model-046"], "preference": {"winner": "model-046"}}"#,
            r#"{"schema": "verdict/judgment@1", "item_id": "b2", "annotator": "u", "shown": ["a", "b"], "preference": {"winner": "tie"}}"#,
            r#"{"schema": "verdict/judgment@1", "item_id": "b3", "annotator": "u", "shown": ["a", "b", "c"], "preference": {"winner": "a"}}"#,
            r#"{"schema": "verdict/judgment@1", "item_id": "b4", "annotator": "u", "shown": ["a", "b\u0041"], "preference": {"winner": "a"}}"#,
            r#"{"schema": "verdict/judgment@1", "item_id": "b5", "annotator": "u", "shown": ["c", "d"], "ranking": ["d", "c"]}"#,
        ];
        let mut matched = 0;
        for learned in lines.iter().step_by(211).chain(&extra[..1]).chain(&extra[4..]) {
            let shape = Shape::learn_battle(learned).expect("the battle scanner accepts these lines");
            for line in lines.iter().chain(&extra) {
                let mut spans = Vec::new();
                if let Some(found) = shape.scan_battle(line, &mut spans) {
                    assert_eq!(Some(found), scan_battle_line(line), "shape of {learned} on {line}");
                    matched += 1;
                }
            }
        }
        assert!(matched > 1_000, "{matched}");
        // The Arena-like line's shape reads the second line (other names, a tie), not the others.
        let shape = Shape::learn_battle(extra[0]).unwrap();
        let mut spans = Vec::new();
        let (scanned, names) = shape.scan_battle(extra[1], &mut spans).unwrap();
        assert_eq!((scanned.item_id, scanned.winner, names.shown.unwrap().as_slice()), ("b2", Some("tie"), &["a", "b"][..]));
        assert!(extra[2..].iter().all(|line| shape.scan_battle(line, &mut spans).is_none()));
    }

    #[test]
    fn a_line_with_other_values_matches_and_anything_else_falls_back() {
        let learned = r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#;
        let shape = Shape::learn(learned).unwrap();
        let variants = [
            // Same shape, other values: matches.
            (
                r#"{"schema":"verdict/judgment@1","item_id":"item-22","annotator":"rater","group":"site-b","shown":["x","y"],"preference":{"winner":"tie","strength":0},"scores":{"q":-1e2,"s":"no","b":true,"n":null,"p":{"m1":0,"m2":-0.25},"l":[7,"zz"]},"duration_ms":5,"extra":{"k":[0,"u"]}}"#,
                true,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i\u00e9","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            // Empty item id, a number where a string was, a string where a number was.
            (
                r#"{"schema":"verdict/judgment@1","item_id":"","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":"4","s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":7,"b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            // Bad values where the scanner checks them: a fraction in duration_ms, a huge strength,
            // a bad number, an escape in a value, spaces, another key order, a flipped literal.
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1.5,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":9999999999},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":01,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i\"1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id": "i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","annotator":"a","item_id":"i1","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@1","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":false,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
            (
                r#"{"schema":"verdict/judgment@2","item_id":"i1","annotator":"a","group":"g","shown":["m1","m2"],"preference":{"winner":"m1","strength":2},"scores":{"q":4,"s":"yes","b":true,"n":null,"p":{"m1":3,"m2":1.5},"l":[1,"x"]},"duration_ms":1200,"extra":{"k":[1.5,"t"]}}"#,
                false,
            ),
        ];
        assert!(agrees(&shape, learned));
        for (line, matches) in variants {
            assert_eq!(agrees(&shape, line), matches, "{line}");
        }
        // The shape reads back what the scanner read from the learned line, values included.
        let scanned = scan_line(variants[0].0).unwrap();
        assert_eq!((scanned.item_id, scanned.annotator, scanned.group, scanned.winner), ("item-22", "rater", Some("site-b"), Some("tie")));
        assert_eq!(scanned.scores[0], ("q", ScoreValue::Scalar(Scalar::Number(-100.0))));
    }
}
