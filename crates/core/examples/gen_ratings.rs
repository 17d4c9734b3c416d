//! Writes seeded synthetic judgments JSONL for the agreement benchmarks (docs/BENCHMARKS.md).
//!
//! ```text
//! cargo run --release -p verdict-core --example gen_ratings -- RATINGS OUT [--raters 5]
//!     [--categories 5] [--missing 0.2] [--per-item K] [--seed 1]
//! ```
//! Each line is one rating: `{"schema":"verdict/judgment@1","item_id":"item-…","annotator":
//! "rater-…","scores":{"quality":3}}`. Without `--per-item`, every rater rates every item
//! except a `--missing` share; with `--per-item K`, each item gets K distinct raters drawn from
//! the `--raters` pool (sparse: ~K ratings per item among many annotators). A rater agrees with
//! the item's latent category with probability 0.6, otherwise picks uniformly.

use std::io::{BufWriter, Write};

use verdict_core::rng::Pcg32;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_ratings RATINGS OUT [--raters N] [--categories C] [--missing P] [--per-item K] [--seed S]";
    let (Some(total), Some(out)) = (args.first().and_then(|n| n.parse::<f64>().ok()), args.get(1)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let flag = |name: &str, default: f64| -> f64 {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let total = total as u64;
    let raters = flag("--raters", 5.0) as u32;
    let categories = flag("--categories", 5.0) as u32;
    let missing = flag("--missing", 0.2);
    let per_item = flag("--per-item", 0.0) as u32;
    let mut rng = Pcg32::new(flag("--seed", 1.0) as u64, 7);
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut written = 0u64;
    let mut item = 0u64;
    let mut chosen: Vec<u32> = Vec::new();
    while written < total {
        let truth = 1 + rng.below(categories);
        chosen.clear();
        if per_item > 0 {
            while (chosen.len() as u32) < per_item.min(raters) {
                let rater = rng.below(raters);
                if !chosen.contains(&rater) {
                    chosen.push(rater);
                }
            }
        } else {
            chosen.extend((0..raters).filter(|_| rng.unit_f64() >= missing));
        }
        for &rater in &chosen {
            if written == total {
                break;
            }
            let score = if rng.unit_f64() < 0.6 { truth } else { 1 + rng.below(categories) };
            writeln!(
                out,
                r#"{{"schema":"verdict/judgment@1","item_id":"item-{item}","annotator":"rater-{rater}","scores":{{"quality":{score}}}}}"#
            )?;
            written += 1;
        }
        item += 1;
    }
    out.flush()
}
