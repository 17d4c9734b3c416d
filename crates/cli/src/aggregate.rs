//! `verdict aggregate`: one label per item from many annotators' labels (majority vote, Wawa,
//! Dawid–Skene, one-coin, GLAD, MACE), with posteriors and annotator skills or confusion matrices;
//! a table, DESIGN's `aggregate --json`, or a CSV file.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::{json, Map, Value};
use verdict_core::aggregate::{self, label_table, Aggregation, AnnotatorQuality, LabelSource, MaceInit, Method, Options};
use verdict_core::output::Output;

use crate::{input, select};

/// Arguments of `verdict aggregate`.
#[derive(clap::Args, Debug)]
pub struct AggregateArgs {
    /// Judgment JSONL files, read as one stream (a later judgment of the same item and annotator
    /// replaces an earlier one); `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// The criterion whose labels are aggregated; `preference` aggregates the pairwise winner.
    #[arg(long)]
    pub criterion: String,
    /// The aggregation method.
    #[arg(long, value_parser = ["majority", "wawa", "dawid_skene", "one_coin", "glad", "mace"], default_value = "dawid_skene")]
    pub method: String,
    /// Most EM iterations (default as crowd-kit: 100; MACE 50); at most 100000.
    #[arg(long)]
    pub max_iter: Option<u32>,
    /// EM stops when the objective per label rises by less than this.
    #[arg(long, default_value_t = 1e-5)]
    pub tol: f64,
    /// MACE: restarts from seeded random starts; the best likelihood is kept.
    #[arg(long, default_value_t = 10)]
    pub restarts: u32,
    /// MACE: the seed of the starting values.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print DESIGN's JSON (`{"method", "criterion", "items", "annotators"}`) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write one CSV row per item (item_id, model, label, then p(label) per label) to OUT.
    #[arg(long, value_name = "OUT")]
    pub csv: Option<PathBuf>,
    #[command(flatten)]
    pub select: select::SelectArgs,
    #[command(flatten)]
    pub limits: input::LimitArgs,
}

/// Runs `verdict aggregate`.
pub fn run(args: &AggregateArgs) -> anyhow::Result<ExitCode> {
    let method = Method::from_name(&args.method).context("unknown --method")?;
    if !(args.tol >= 0.0 && args.tol.is_finite()) {
        bail!("--tol must be a finite number ≥ 0");
    }
    let read = input::read_judgments(&args.files, &args.limits.limits()?)?;
    input::print_problems(&read.problems);
    // Every rater by default (consensus labels may come from judges too); --raters narrows it.
    let judgments = select::filter(read.judgments, &args.select.selection(None)?);
    let source = label_table(&judgments, &args.criterion).with_context(|| format!("criterion {}", args.criterion))?;
    if source.table.rows.is_empty() {
        eprintln!("verdict aggregate: no labels: no judgment has a value for criterion {}", args.criterion);
        return Ok(ExitCode::from(1));
    }
    if source.skipped > 0 {
        eprintln!(
            "verdict aggregate: note: {} values of {} skipped (not a label: arrays, objects, or per-item and per-output mixed)",
            source.skipped, args.criterion
        );
    }
    let options = Options {
        max_iter: args.max_iter,
        tol: args.tol,
        restarts: args.restarts,
        mace_init: MaceInit::Seeded { seed: args.seed },
        ..Options::default()
    };
    let result = aggregate::aggregate(&source.table, method, &options)?;
    if !result.converged {
        eprintln!(
            "verdict aggregate: note: {} did not converge in {} iterations (raise --max-iter or --tol)",
            method.name(),
            result.iterations
        );
    }
    if let Some(path) = &args.csv {
        std::fs::write(path, csv(&source, &result)).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let out = if args.json {
        let mut value = to_json(&args.criterion, &source, &result);
        value["input"] = serde_json::to_value(&read.summary)?;
        value["selected"] = serde_json::to_value(judgments.len() as u64)?;
        let mut text = serde_json::to_string_pretty(&Output::Aggregate.wrap(&value)).context("JSON output")?;
        text.push('\n');
        text
    } else {
        eprintln!("{}", input::summary_line(&read.summary));
        table(&source, &result)
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes()).context("cannot write to stdout")?;
    stdout.flush().ok();
    Ok(ExitCode::SUCCESS)
}

fn label_names(source: &LabelSource) -> Vec<String> {
    source.table.labels.iter().map(|label| label.to_text()).collect()
}

/// DESIGN's `aggregate --json`, plus `iterations` and `converged`; per-output items carry `model`.
fn to_json(criterion: &str, source: &LabelSource, result: &Aggregation) -> Value {
    let names = label_names(source);
    let items: Vec<Value> = source
        .units
        .iter()
        .enumerate()
        .map(|(index, (item_id, model))| {
            let posterior: Map<String, Value> = names.iter().cloned().zip(result.posterior(index).iter().map(|&p| json!(p))).collect();
            let mut item =
                json!({"item_id": item_id, "label": source.table.labels[result.labels[index] as usize].to_json(), "posterior": posterior});
            if let Some(model) = model {
                item["model"] = json!(model);
            }
            item
        })
        .collect();
    let k = names.len();
    let annotators: Vec<Value> = source
        .table
        .annotators
        .iter()
        .enumerate()
        .map(|(index, annotator)| match &result.quality {
            AnnotatorQuality::Skill(skills) => json!({"annotator": annotator, "skill": skills[index]}),
            AnnotatorQuality::Confusion(cells) => {
                let matrix: Map<String, Value> = (0..k)
                    .map(|truth| {
                        let row: Map<String, Value> =
                            (0..k).map(|observed| (names[observed].clone(), json!(cells[(index * k + truth) * k + observed]))).collect();
                        (names[truth].clone(), Value::Object(row))
                    })
                    .collect();
                json!({"annotator": annotator, "confusion": matrix})
            }
        })
        .collect();
    json!({
        "method": result.method.name(),
        "criterion": criterion,
        "items": items,
        "annotators": annotators,
        "iterations": result.iterations,
        "converged": result.converged,
    })
}

/// One row per item: the chosen label and its posterior, then the annotators' skills.
fn table(source: &LabelSource, result: &Aggregation) -> String {
    let names = label_names(source);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} items, {} annotators, {} labels: {}",
        source.units.len(),
        source.table.annotators.len(),
        source.table.rows.len(),
        names.join(", ")
    );
    let _ = writeln!(out, "{:<32} {:<16} {:>9}", "item", "label", "posterior");
    for (index, (item_id, model)) in source.units.iter().enumerate() {
        let unit = model.as_ref().map_or(item_id.clone(), |model| format!("{item_id} / {model}"));
        let label = result.labels[index] as usize;
        let _ = writeln!(out, "{unit:<32} {:<16} {:>9.4}", names[label], result.posterior(index)[label]);
    }
    out.push('\n');
    match &result.quality {
        AnnotatorQuality::Skill(skills) => {
            let _ = writeln!(out, "{:<32} {:>9}", "annotator", "skill");
            for (annotator, skill) in source.table.annotators.iter().zip(skills) {
                let _ = writeln!(out, "{annotator:<32} {skill:>9.4}");
            }
        }
        AnnotatorQuality::Confusion(cells) => {
            let k = names.len();
            let _ = writeln!(
                out,
                "{:<32} {:>9}  (probability of giving the true label; --json has the full confusion matrices)",
                "annotator", "accuracy"
            );
            for (index, annotator) in source.table.annotators.iter().enumerate() {
                let mean: f64 = (0..k).map(|truth| cells[(index * k + truth) * k + truth]).sum::<f64>() / k as f64;
                let _ = writeln!(out, "{annotator:<32} {mean:>9.4}");
            }
        }
    }
    out
}

/// CSV: `item_id,model,label,p:<label>...`, fields quoted when they hold a comma, quote or newline.
fn csv(source: &LabelSource, result: &Aggregation) -> String {
    let names = label_names(source);
    let mut out = String::from("item_id,model,label");
    for name in &names {
        out.push(',');
        out.push_str(&quote(&format!("p:{name}")));
    }
    out.push('\n');
    for (index, (item_id, model)) in source.units.iter().enumerate() {
        let _ =
            write!(out, "{},{},{}", quote(item_id), quote(model.as_deref().unwrap_or("")), quote(&names[result.labels[index] as usize]));
        for p in result.posterior(index) {
            let _ = write!(out, ",{p}");
        }
        out.push('\n');
    }
    out
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
