//! Criterion bench of campaign planning at DESIGN's budget size: 1e6 task items × 3 raters over
//! 2 000 raters in 3 sites, 5% gold, 3% repeats (min gap 40), with the per-rater display orders
//! (`plan::plan`, everything `verdict plan --json` computes before writing), and one rater's
//! queue (`plan::queue_for`, what the browser computes). Run:
//! `cargo bench -p verdict-core --bench plan`.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Map;
use std::hint::black_box;
use verdict_core::plan::{self, parse_campaign};
use verdict_core::task::{Gold, Output, Task};

const ITEMS: usize = 1_000_000;
const GOLD: usize = 2_000;
const RATERS: usize = 2_000;

fn tasks() -> Vec<Task> {
    let output = |model: &str| Output { model: model.to_owned(), content: String::new(), extra: Map::new() };
    (0..ITEMS + GOLD)
        .map(|i| Task {
            id: format!("q{i}"),
            prompt: Some(String::new()),
            conversation: None,
            outputs: vec![output("model-x"), output("model-y")],
            meta: Map::new(),
            gold: (i >= ITEMS).then(|| Gold { preference: Some("model-x".into()), ..Gold::default() }),
            extra: Map::new(),
        })
        .collect()
}

fn campaign() -> plan::Campaign {
    let roster: Vec<String> = (0..RATERS).map(|r| format!(r#"{{"annotator":"ann-{r:04}","group":"site-{}"}}"#, r % 3)).collect();
    parse_campaign(&format!(
        r#"{{"schema":"verdict/campaign@1","id":"bench","seed":7,"tasks":"t","roster":[{}],"overlap":{{"raters_per_item":3}},
            "gold":{{"rate":0.05}},"repeats":{{"rate":0.03,"min_gap":40}}}}"#,
        roster.join(",")
    ))
    .expect("the bench campaign is valid")
}

fn bench(c: &mut Criterion) {
    let tasks = tasks();
    let campaign = campaign();
    let mut group = c.benchmark_group("plan");
    group.sample_size(10);
    group.bench_function("plan_1e6_items_x3_2000_raters", |b| b.iter(|| black_box(plan::plan(&campaign, &tasks).assignments.len())));
    group.bench_function("queue_for_one_rater_1e6_items", |b| {
        b.iter(|| black_box(plan::queue_for(&campaign, &tasks, "ann-0042").map(|q| q.len())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
