//! Style-controlled Bradley–Terry with sandwich intervals on 1e6 synthetic battles (100 models,
//! four covariates), from battles in memory to the result: the part of `rank --style-control`
//! after reading, to set beside arena-rank's "fit + sandwich" phase (docs/BENCHMARKS.md).
//!
//!     cargo bench -p verdict-core --bench ranking_style

use criterion::{criterion_group, criterion_main, Criterion};
use verdict_core::ranking::controlled::{style_control, StyleOptions};
use verdict_core::ranking::style::Source;
use verdict_core::ranking::{leaderboard_from_battles, Battle, BattleSet, Options, Outcome};
use verdict_core::rng::Pcg32;

fn battles(n: u32, models: u32) -> (BattleSet, Vec<Result<[f64; 4], verdict_core::ranking::style::Missing>>) {
    let mut rng = Pcg32::new(11, 0);
    let mut set = BattleSet { models: (0..models).map(|m| format!("model-{m:03}")).collect(), ..BattleSet::default() };
    set.annotators.push("arena".into());
    set.items.push("item");
    let mut covariates = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let first = rng.below(models);
        let second = (first + 1 + rng.below(models - 1)) % models;
        let x: [f64; 4] = std::array::from_fn(|_| f64::from(rng.below(2001)) / 1000.0 - 1.0);
        let z = (f64::from(first) - f64::from(second)) / 30.0 + 0.5 * x[0];
        let u = f64::from(rng.below(1 << 30)) / f64::from(1u32 << 30);
        let outcome = if u < 0.1 {
            Outcome::Tie
        } else if u < 0.1 + 0.9 / (1.0 + (-z).exp()) {
            Outcome::FirstWins
        } else {
            Outcome::SecondWins
        };
        set.battles.push(Battle { first, second, outcome, positioned: true, annotator: 0, item: 0 });
        covariates.push(Ok(x));
    }
    (set, covariates)
}

fn style_fit(c: &mut Criterion) {
    let (set, covariates) = battles(1_000_000, 100);
    let raw = leaderboard_from_battles(&set, &Options::default());
    let mut group = c.benchmark_group("style_control");
    group.sample_size(10);
    group.bench_function("1e6 battles, 100 models, sandwich", |b| {
        b.iter(|| style_control(&set, &covariates, &raw, Source::ConvMetadata, &StyleOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, style_fit);
criterion_main!(benches);
