//! Fuzz target (differential): the battle reader reads any bytes as the one reader does — the
//! same input summary, on one thread and on two — and the leaderboard never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::ranking::battles::BlockReader;
use verdict_core::ranking::{leaderboard_from_battles, Options};
use verdict_core::read::{InputSummary, JudgmentReader, Limits};

fuzz_target!(|data: &[u8]| {
    let mut reader = JudgmentReader::new(Limits::default());
    reader.begin_file("f");
    for (index, line) in data.split(|&b| b == b'\n').enumerate() {
        reader.add_line_bytes(index as u64 + 1, line, false);
    }
    let expected = reader.finish().summary;
    for threads in [1, 2] {
        let names = ["f"];
        let mut battles = BlockReader::new(&names, None);
        battles.add_bytes(0, 1, data, threads);
        let loaded = battles.finish();
        let set = &loaded.records[0];
        let got = InputSummary::new(1, set.n_judgments, set.n_replaced, set.n_skipped_lines, &loaded.problems);
        assert_eq!(got, expected, "the battle reader's summary is the reader's ({threads} threads)");
        if !set.models.is_empty() {
            let board = leaderboard_from_battles(set, &Options { bootstrap: 10, ..Options::default() });
            assert!(board.models.iter().all(|m| m.rating.is_none_or(f64::is_finite)));
        }
    }
});
