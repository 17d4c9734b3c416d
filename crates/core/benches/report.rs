//! Criterion benches of the quality report (`report::build_report`, 200 bootstrap resamples as
//! in the app) on the real MT-Bench judgments and on 1e6 generated judgments held in memory.
//! Run: `cargo bench -p verdict-core --bench report`; figures in docs/BENCHMARKS.md.
//!
//! The generated file (seeded PCG32) is shaped like a vendor's pairwise project: 10 models,
//! 300 human annotators in 6 groups, 3 humans per item and an LLM judge on every third item,
//! `shown` in random order, times over 8 weeks, a flag on 2 % of judgments, ~210 bytes a line.
//! `crates/core/examples/gen_ratings.rs` writes scores-only lines, which exercise none of the
//! preference, position, judge or trend paths, hence this generator.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use verdict_core::report::{build_report, ReportOptions};
use verdict_core::rng::Pcg32;
use verdict_core::time::rfc3339_from_unix_ms;

const MTBENCH: &str = include_str!("../../../www/demo/mtbench-judgments/judgments.jsonl");
const MODELS: u32 = 10;
const HUMANS: u32 = 300;
const GROUPS: u32 = 6;

/// `n` judgments JSONL.
fn generate(n: usize) -> String {
    let mut rng = Pcg32::new(11, 3);
    let mut text = String::with_capacity(n * 220);
    let start_ms: i64 = 1_793_000_000_000;
    let (mut written, mut item) = (0usize, 0u64);
    while written < n {
        let first = rng.below(MODELS);
        let second = (first + 1 + rng.below(MODELS - 1)) % MODELS;
        // The lower-numbered model is better: it wins more often.
        let p_first = 1.0 / (1.0 + 10f64.powf((f64::from(first) - f64::from(second)) / 8.0));
        let mut raters: Vec<String> = Vec::new();
        while raters.len() < 3 {
            let rater = format!("ann-{:03}", rng.below(HUMANS));
            if !raters.contains(&rater) {
                raters.push(rater);
            }
        }
        if item % 3 == 0 {
            raters.push("judge:gpt-x".to_owned());
        }
        for annotator in raters {
            if written == n {
                break;
            }
            let group = if annotator.starts_with("judge:") {
                "llm".to_owned()
            } else {
                format!("site-{}", annotator[4..].parse::<u32>().expect("ann-NNN") % GROUPS)
            };
            let (a, b) = (format!("model-{first}"), format!("model-{second}"));
            let shown = if rng.below(2) == 0 { [&a, &b] } else { [&b, &a] };
            let u = rng.unit_f64();
            let winner = if u < 0.1 {
                "tie"
            } else if u < 0.13 {
                "both_bad"
            } else if rng.unit_f64() < p_first {
                a.as_str()
            } else {
                b.as_str()
            };
            let submitted = start_ms + (rng.unit_f64() * 56.0 * 86_400_000.0) as i64;
            let flags = if rng.unit_f64() < 0.02 { r#","flags":["unsure"]"# } else { "" };
            text.push_str(&format!(
                r#"{{"schema":"verdict/judgment@1","item_id":"item-{item}","annotator":"{annotator}","group":"{group}","shown":["{}","{}"],"preference":{{"winner":"{winner}"}},"submitted_at":"{}","duration_ms":{}{flags}}}"#,
                shown[0],
                shown[1],
                rfc3339_from_unix_ms(submitted),
                5_000 + rng.below(120_000)
            ));
            text.push('\n');
            written += 1;
        }
        item += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let options = ReportOptions::default();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("mtbench 5,755 judgments, bootstrap 200", |b| {
        b.iter(|| black_box(build_report(&[("judgments.jsonl", MTBENCH)], None, None, &options)))
    });
    let generated = generate(1_000_000);
    group.bench_function("1e6 generated judgments, bootstrap 200", |b| {
        b.iter(|| black_box(build_report(&[("generated.jsonl", &generated)], None, None, &options)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
