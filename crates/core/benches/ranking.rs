//! Criterion benches of the ranking engine: reading judgment JSONL into battles, and the
//! Bradley–Terry leaderboard with 100 bootstrap rounds, on a seeded synthetic arena (100 models;
//! see bench/ranking/make_battles.py for the end-to-end file). Run:
//! `cargo bench -p verdict-core --bench ranking`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use verdict_core::ranking::{battles, leaderboard_from_battles, Battle, BattleSet, Options, Outcome};
use verdict_core::rng::Pcg32;

const MODELS: u32 = 100;

fn synthetic(n_battles: usize) -> BattleSet {
    let mut rng = Pcg32::new(7, 0);
    let battles = (0..n_battles)
        .map(|k| {
            let first = rng.below(MODELS);
            let second = (first + 1 + rng.below(MODELS - 1)) % MODELS;
            let u = rng.unit_f64();
            let gap = 600.0 * (f64::from(first) - f64::from(second)) / f64::from(MODELS - 1);
            let outcome = if u < 0.12 {
                Outcome::Tie
            } else if u < 0.15 {
                Outcome::BothBad
            } else if rng.unit_f64() < 1.0 / (1.0 + 10f64.powf(-gap / 400.0)) {
                Outcome::FirstWins
            } else {
                Outcome::SecondWins
            };
            Battle { first, second, outcome, positioned: true, annotator: 0, item: k as u32 }
        })
        .collect();
    BattleSet {
        models: (0..MODELS).map(|m| format!("model-{m:03}")).collect(),
        annotators: vec!["a".into()],
        items: Default::default(),
        battles,
        ..BattleSet::default()
    }
}

fn jsonl(set: &BattleSet) -> String {
    let mut text = String::new();
    for (k, b) in set.battles.iter().enumerate() {
        let (a, c) = (&set.models[b.first as usize], &set.models[b.second as usize]);
        let winner = match b.outcome {
            Outcome::FirstWins => a.as_str(),
            Outcome::SecondWins => c.as_str(),
            Outcome::Tie => "tie",
            Outcome::BothBad => "both_bad",
        };
        text += &format!(
            "{{\"schema\": \"verdict/judgment@1\", \"item_id\": \"battle-{k:07}\", \"annotator\": \"user-{:05}\", \"shown\": [\"{a}\", \"{c}\"], \"preference\": {{\"winner\": \"{winner}\"}}}}\n",
            k % 20000
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ranking");
    group.sample_size(10);
    let big = synthetic(1_000_000);
    group.bench_function("bt_fit_1e6_battles", |b| b.iter(|| leaderboard_from_battles(black_box(&big), &Options::default())));
    group.bench_function("bt_bootstrap100_1e6_battles_1_thread", |b| {
        let options = Options { bootstrap: 100, seed: 1, ..Options::default() };
        b.iter(|| leaderboard_from_battles(black_box(&big), &options))
    });
    let text = jsonl(&synthetic(100_000));
    group.bench_function("read_jsonl_1e5_lines_1_thread", |b| {
        b.iter(|| battles::read_many_parallel(&[("bench", black_box(&text))], None, 1))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
