//! Fuzz target (differential): the agreement collector reads any bytes as the one reader does —
//! the same input summary — and every coefficient on what it collected is finite or undefined,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verdict_core::agreement::{analyze, CollectOptions, Collector, Metric, Options};
use verdict_core::read::{InputSummary, JudgmentReader, Limits};

fuzz_target!(|data: &[u8]| {
    let mut reader = JudgmentReader::new(Limits::default());
    reader.begin_file("f");
    for (index, line) in data.split(|&b| b == b'\n').enumerate() {
        reader.add_line_bytes(index as u64 + 1, line, false);
    }
    let expected = reader.finish().summary;
    let mut collector = Collector::new(CollectOptions::default());
    collector.add_text("f", 1, data, 1);
    let dataset = collector.finish();
    let got = InputSummary::new(1, dataset.n_judgments, dataset.n_replaced, dataset.n_skipped_lines, &dataset.problems);
    assert_eq!(got, expected, "the collector's summary is the reader's");
    let options = Options { metrics: Metric::ALL.to_vec(), bootstrap: 20, ..Options::default() };
    for result in analyze(&dataset, None, &options) {
        assert!(result.value.is_none_or(f64::is_finite), "{result:?}");
    }
});
