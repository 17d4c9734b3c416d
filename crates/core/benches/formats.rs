//! Parsing throughput of the formats on the real MT-Bench judgments (1.2 MB, 5,755 lines):
//! `judgment_from_line` per line, `load_judgments` on the whole text, and the streaming path
//! `verdict validate` takes (`JsonLines` + `JudgmentLines`). Figures in docs/BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use verdict_core::import::JsonLines;
use verdict_core::judgment::judgment_from_line;
use verdict_core::read::load_judgments;
use verdict_core::read::{JudgmentReader, Limits};

fn real_judgments() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/mtbench-judgments/judgments.jsonl");
    std::fs::read_to_string(path).expect("demo data is committed under www/demo")
}

fn parse_judgments(c: &mut Criterion) {
    let text = real_judgments();
    let tasks = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/alpacaeval-single/tasks.jsonl"))
        .expect("demo data is committed under www/demo");
    let mut group = c.benchmark_group("formats");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("judgment_from_line", |b| {
        b.iter(|| {
            let mut n_ok = 0usize;
            for line in black_box(&text).lines() {
                n_ok += usize::from(judgment_from_line(line).is_ok());
            }
            n_ok
        })
    });
    group.bench_function("load_judgments", |b| b.iter(|| load_judgments("j", black_box(&text)).records.len()));
    group.bench_function("stream_validate_judgments", |b| {
        b.iter(|| {
            let mut lines = JsonLines::new("j", black_box(text.as_bytes()));
            let mut reader = JudgmentReader::new(Limits::default());
            reader.begin_file("j");
            while let Some(line) = lines.next_line().expect("reading from memory cannot fail") {
                if let Ok(text) = line.text {
                    reader.add_line(line.number, text, line.unterminated);
                }
            }
            reader.summary().judgments
        })
    });
    group.throughput(Throughput::Bytes(tasks.len() as u64));
    group.bench_function("load_tasks_alpacaeval", |b| b.iter(|| verdict_core::task::load_tasks("t", black_box(&tasks)).records.len()));
    group.finish();
}

criterion_group!(benches, parse_judgments);
criterion_main!(benches);
