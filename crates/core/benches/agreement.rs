//! Agreement benchmarks (docs/BENCHMARKS.md, "Agreement"): 1000 bootstrap resamples on 1e5
//! ratings (budget < 1 s), one alpha on 1e6 ratings from JSONL text, and the pairwise scanner.
//!
//! `cargo bench -p verdict-core --bench agreement`

use criterion::{criterion_group, criterion_main, Criterion};
use verdict_core::agreement::{alpha_of_jsonl, evaluate, Level, LevelSource, Metric, Options, Ratings};
use verdict_core::rng::Pcg32;

/// `n` ratings from 5 raters on 1..=5 with 20% missing, as `examples/gen_ratings.rs` makes.
fn ratings(n: usize) -> Vec<Vec<Option<f64>>> {
    let mut rng = Pcg32::new(1, 7);
    let mut rows = Vec::new();
    let mut written = 0;
    while written < n {
        let truth = f64::from(1 + rng.below(5));
        let row: Vec<Option<f64>> = (0..5)
            .map(|_| {
                (rng.unit_f64() >= 0.2 && written < n).then(|| {
                    written += 1;
                    if rng.unit_f64() < 0.6 {
                        truth
                    } else {
                        f64::from(1 + rng.below(5))
                    }
                })
            })
            .collect();
        rows.push(row);
    }
    rows
}

fn jsonl(rows: &[Vec<Option<f64>>]) -> String {
    let mut text = String::new();
    for (item, row) in rows.iter().enumerate() {
        for (rater, value) in row.iter().enumerate() {
            if let Some(v) = value {
                text.push_str(&format!(
                    "{{\"schema\":\"verdict/judgment@1\",\"item_id\":\"item-{item}\",\"annotator\":\"rater-{rater}\",\"scores\":{{\"quality\":{v}}}}}\n"
                ));
            }
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let small = Ratings::from_numbers(&ratings(100_000), &[]);
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    for (name, metric) in
        [("alpha_interval", Metric::KrippendorffAlpha), ("gwet_ac1", Metric::GwetAc1), ("cohen_kappa_2raters", Metric::CohenKappa)]
    {
        let options = Options { metrics: vec![metric], bootstrap: 1000, seed: 1, ..Options::default() };
        let data = if metric == Metric::CohenKappa { small.filter_annotators(|a| a < 2) } else { small.clone() };
        group.bench_function(format!("bootstrap_1000_1e5_ratings/{name}"), |b| {
            b.iter(|| evaluate("quality", &data, Level::Interval, LevelSource::Flag, &options))
        });
    }
    let text = jsonl(&ratings(1_000_000));
    group.bench_function("alpha_of_jsonl_1e6_ratings", |b| b.iter(|| alpha_of_jsonl(text.as_bytes(), None)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
