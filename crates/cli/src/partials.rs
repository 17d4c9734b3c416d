//! Partials in the CLI (docs/SCALE.md): `--partials-out P` and `--from-partials P…` on the
//! commands that have them, and `verdict partials --sql duckdb|spark --kind …`, which prints
//! the SQL that computes the same partials on an engine.

use std::process::ExitCode;

use std::collections::BTreeMap;

use anyhow::{bail, Context};
use verdict_core::agreement::partials::AgreementPartials;
use verdict_core::agreement::Dataset;
use verdict_core::ranking::battles::BattleSet;
use verdict_core::read::{InputSummary, Limits};
use verdict_core::spc::metrics::{MetricOptions, Skipped};
use verdict_core::spc::Subgroup;
use verdict_io::partials::{self, agreement::AgreementFile, ranking::RankingPartials, spc::SpcPartials};

/// The partials flags of `agree` and `rank`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PartialsFlags {
    /// Also write this run's partials (mergeable counts) to P: CSV when P ends in `.csv`, Parquet
    /// when it ends in `.parquet`, else JSON (with the settings, checked at finish).
    #[arg(long, value_name = "P")]
    pub partials_out: Option<String>,
    /// Finish from partials files (from `--partials-out`, or CSV rows from `verdict partials --sql`)
    /// instead of judgment files; their counts are added up.
    #[arg(long, value_name = "P", num_args = 1..)]
    pub from_partials: Vec<String>,
}

/// The text of a partials file: JSON or CSV as is, a Parquet file or directory of partials rows
/// (as an engine writes them) as CSV.
fn partials_text(path: &str) -> anyhow::Result<String> {
    if verdict_io::parquet::is_parquet(path) {
        return Ok(partials::parquet::to_csv_text(path)?);
    }
    crate::input::read_text(path)
}

/// Writes partials to `path`: CSV rows when it ends in `.csv`, the same rows as Parquet when it
/// ends in `.parquet` (typed columns; what an engine's push-down writes), else JSON with the
/// run's settings (the only form whose settings `--from-partials` can check).
fn write_partials(path: &str, csv: impl FnOnce() -> String, json: impl FnOnce() -> serde_json::Result<String>) -> anyhow::Result<()> {
    if path.ends_with(".parquet") {
        return Ok(partials::parquet::write_csv_rows(&csv(), path)?);
    }
    let text = if path.ends_with(".csv") { csv() } else { json()? + "\n" };
    std::fs::write(path, text).with_context(|| format!("cannot write {path}"))
}

/// Writes the ranking partials of `set`.
pub fn write_ranking_partials(path: &str, set: &BattleSet, input: &InputSummary) -> anyhow::Result<()> {
    let partials = RankingPartials::from_battles(set, input);
    write_partials(path, || partials.to_csv(), || serde_json::to_string(&partials))
}

/// The battles of `rank --from-partials`, merged, with the merged input summary.
pub fn ranking_from_partials(args: &crate::rank::RankArgs) -> anyhow::Result<(BattleSet, InputSummary)> {
    if !args.files.is_empty() {
        bail!("--from-partials finishes from partials only: give judgment files or partials, not both");
    }
    if matches!(args.method, crate::rank::MethodArg::Elo) {
        bail!("--from-partials: online Elo depends on the order of the battles, which partials do not keep; use --method bt");
    }
    if args.tasks.is_some() {
        bail!("--from-partials: the length-bias check needs the items, which partials do not keep; leave out --tasks");
    }
    let mut parts = Vec::new();
    for path in &args.partials.from_partials {
        let text = partials_text(path)?;
        parts.push(partials::read_ranking(path, &text)?);
    }
    let merged = RankingPartials::merge(parts);
    let set = merged.to_battle_set()?;
    Ok((set, merged.input))
}

/// The settings agreement partials record: what shaped the ratings (rubric, criteria,
/// selection) and how they are finished (metrics, level, weights, bootstrap, seed). Parts and the
/// finishing run must agree on every one.
pub fn agreement_settings(args: &crate::agree::AgreeArgs) -> anyhow::Result<BTreeMap<String, String>> {
    let digest = |path: &Option<String>| -> anyhow::Result<String> {
        Ok(match path {
            Some(path) => verdict_core::digest::sha256_hex(crate::input::read_text(path)?.as_bytes()),
            None => String::new(),
        })
    };
    let list = |values: &[String]| values.join(",");
    Ok(BTreeMap::from([
        ("rubric_sha256".to_owned(), digest(&args.rubric)?),
        ("criteria".to_owned(), list(&args.criteria)),
        ("items".to_owned(), args.select.items.clone().unwrap_or_default()),
        ("where".to_owned(), list(&args.select.wheres)),
        ("raters".to_owned(), list(&args.select.raters)),
        ("metrics".to_owned(), list(&args.metrics)),
        ("level".to_owned(), args.level.clone().unwrap_or_default()),
        ("weights".to_owned(), args.weights.clone()),
        ("period".to_owned(), args.period.map(|p| p.to_string()).unwrap_or_default()),
        ("weights_file_sha256".to_owned(), digest(&args.weights_file)?),
        ("bootstrap".to_owned(), args.bootstrap.to_string()),
        ("seed".to_owned(), args.seed.to_string()),
    ]))
}

/// Writes the agreement partials of `dataset`: JSON with the run's settings, or CSV rows when
/// `path` ends in `.csv` (Parquet for `.parquet`).
pub fn write_agreement_partials(path: &str, args: &crate::agree::AgreeArgs, dataset: &Dataset, input: &InputSummary) -> anyhow::Result<()> {
    let file = AgreementFile::new(AgreementPartials::from_dataset(dataset), agreement_settings(args)?, input.clone());
    write_partials(path, || file.to_csv(), || serde_json::to_string(&file))
}

/// The dataset of `agree --from-partials`: the parts read (JSON or CSV), their settings checked
/// against this run's, merged in the order given; with the merged input summary.
pub fn agreement_from_partials(args: &crate::agree::AgreeArgs, limits: &Limits) -> anyhow::Result<(Dataset, InputSummary)> {
    if !args.files.is_empty() {
        bail!("--from-partials finishes from partials only: give judgment files or partials, not both");
    }
    let settings = agreement_settings(args)?;
    let mut parts = Vec::new();
    let mut inputs = Vec::new();
    for path in &args.partials.from_partials {
        let text = partials_text(path)?;
        let file = AgreementFile::read(path, &text)?;
        // Rows computed by an engine carry no settings: the run's apply.
        if !file.settings.is_empty() {
            partials::check_settings(path, &file.settings, &settings)?;
        }
        inputs.push(file.input);
        parts.push(file.partials);
    }
    let mut merged = AgreementPartials::merge(parts)?;
    // Rows from an engine hold every criterion: `--criterion` picks, as when reading judgments.
    if !args.criteria.is_empty() {
        merged.criteria.retain(|c| args.criteria.contains(&c.id));
    }
    limits.check_count("annotators", merged.annotators.len() as u64)?;
    limits.check_count("items", merged.items.len() as u64)?;
    Ok((merged.to_dataset()?, partials::merge_inputs(&inputs)))
}

/// Refuses `agree` modes that partials cannot finish.
pub fn check_agree_modes(args: &crate::agree::AgreeArgs, pair_mode: bool) -> anyhow::Result<()> {
    let partials = !args.partials.from_partials.is_empty() || args.partials.partials_out.is_some();
    if partials && (pair_mode || args.retest || args.input.is_some()) {
        bail!("--partials-out/--from-partials: pair_agreement, --retest and --input table|counts need the judgments; leave them out");
    }
    Ok(())
}

/// The settings that shape SPC subgroups (the chart and its rules are views of them).
fn spc_settings(args: &crate::spc::SpcArgs, options: &MetricOptions) -> anyhow::Result<BTreeMap<String, String>> {
    let gold = match &args.gold {
        Some(path) => verdict_core::digest::sha256_hex(crate::input::read_text(&path.to_string_lossy())?.as_bytes()),
        None => String::new(),
    };
    Ok(BTreeMap::from([
        ("metric".to_owned(), args.metric.clone()),
        ("by".to_owned(), args.by.clone()),
        ("period".to_owned(), args.period.clone()),
        ("include_judges".to_owned(), options.include_llm_judges.to_string()),
        ("count_answers".to_owned(), options.count_answers.to_string()),
        ("gold_sha256".to_owned(), gold),
    ]))
}

/// Writes the SPC partials of one run: JSON with its settings, or CSV rows when `path` ends in
/// `.csv` (Parquet for `.parquet`).
pub fn write_spc_partials(
    path: &str,
    args: &crate::spc::SpcArgs,
    options: &MetricOptions,
    subgroups: &[Subgroup],
    skipped: &Skipped,
    input: &InputSummary,
) -> anyhow::Result<()> {
    let partials = SpcPartials::new(subgroups, skipped, spc_settings(args, options)?, input.clone());
    write_partials(path, || partials.to_csv(), || serde_json::to_string(&partials))
}

/// The subgroups of `spc --from-partials`: parts read, settings checked, merged in order.
pub fn spc_from_partials(args: &crate::spc::SpcArgs, options: &MetricOptions) -> anyhow::Result<(Vec<Subgroup>, Skipped, InputSummary)> {
    if !args.files.is_empty() {
        bail!("--from-partials finishes from partials only: give judgment files or partials, not both");
    }
    let settings = spc_settings(args, options)?;
    let mut parts = Vec::new();
    for path in &args.partials.from_partials {
        let part = SpcPartials::read(path, &partials_text(path)?)?;
        // Rows computed by an engine carry no settings: the run's apply.
        if !part.settings.is_empty() {
            partials::check_settings(path, &part.settings, &settings)?;
        }
        parts.push(part);
    }
    let merged = SpcPartials::merge(parts)?;
    let (subgroups, skipped) = merged.to_subgroups();
    Ok((subgroups, skipped, merged.input))
}

/// `verdict partials` arguments.
#[derive(clap::Args, Debug)]
pub struct PartialsArgs {
    /// The engine whose SQL dialect to print.
    #[arg(long, value_enum, required_unless_present = "gold_rows")]
    pub sql: Option<Engine>,
    /// Which partials.
    #[arg(long, value_enum, required_unless_present = "gold_rows")]
    pub kind: Option<Kind>,
    /// `--kind spc`: gold_error (also reads a view `gold`: see `--gold-rows`), disagreement or handle_time.
    #[arg(long, value_parser = ["gold_error", "disagreement", "handle_time"])]
    pub metric: Option<String>,
    /// `--kind spc`: one subgroup key per group or per annotator.
    #[arg(long, default_value = "group", value_parser = ["group", "annotator"])]
    pub by: String,
    /// `--kind spc`: UTC day or ISO week.
    #[arg(long, default_value = "week", value_parser = ["day", "week"])]
    pub period: String,
    /// `--kind spc --metric gold_error|disagreement`: count wrong answers (for c and u charts), not wrong judgments.
    #[arg(long)]
    pub count_answers: bool,
    /// Print the gold answers of a task file as CSV rows (item_id,name,label,number,boolean) for
    /// the view `gold` that `--kind spc --metric gold_error` reads, instead of SQL.
    #[arg(long, value_name = "TASKS", conflicts_with_all = ["sql", "kind"])]
    pub gold_rows: Option<std::path::PathBuf>,
}

/// Engines with a SQL dialect.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// DuckDB (and MotherDuck).
    Duckdb,
    /// Spark SQL (and Databricks).
    Spark,
}

/// Kinds of partials.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Battle counts for `rank`.
    Ranking,
    /// Ratings per criterion and unit for `agree`.
    Agreement,
    /// Subgroups (counts or values per key and period) for `spc`.
    Spc,
}

/// Runs `verdict partials`: prints the SQL, or the gold rows of a task file.
pub fn run(args: &PartialsArgs) -> anyhow::Result<ExitCode> {
    if let Some(tasks) = &args.gold_rows {
        print!("{}", gold_rows(&crate::spc::read_tasks(tasks)?));
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(engine), Some(kind)) = (args.sql, args.kind) else { bail!("give --sql ENGINE and --kind KIND, or --gold-rows TASKS") };
    let dialect = match engine {
        Engine::Duckdb => verdict_io::sql::Dialect::DuckDb,
        Engine::Spark => verdict_io::sql::Dialect::Spark,
    };
    let sql = match kind {
        Kind::Ranking => verdict_io::sql::ranking(dialect),
        Kind::Agreement => verdict_io::sql::agreement(dialect),
        Kind::Spc => {
            use verdict_io::sql::spc::SpcMetric;
            let metric = match args.metric.as_deref() {
                Some("gold_error") => SpcMetric::GoldError,
                Some("disagreement") => SpcMetric::Disagreement,
                Some(_) => SpcMetric::HandleTime,
                None => bail!("--kind spc needs --metric gold_error, disagreement or handle_time"),
            };
            let query = verdict_io::sql::spc::SpcQuery {
                metric,
                count_answers: args.count_answers,
                by_annotator: args.by == "annotator",
                weekly: args.period == "week",
            };
            verdict_io::sql::spc::spc(dialect, query)
        }
    };
    print!("{sql}");
    Ok(ExitCode::SUCCESS)
}

/// The gold answers of `tasks` as CSV under [`verdict_io::sql::spc::GOLD_HEADER`]: the answers
/// `verdict spc --metric gold_error` compares (`spc::metrics::gold_answers`), one per row.
fn gold_rows(tasks: &[verdict_core::Task]) -> String {
    use serde_json::Value;
    let quote = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let mut out = format!("{}\n", verdict_io::sql::spc::GOLD_HEADER);
    for task in tasks {
        for (name, value) in verdict_core::spc::metrics::gold_answers(task) {
            let (label, number, boolean) = match &value {
                Value::String(label) => (quote(label), String::new(), String::new()),
                Value::Number(number) => (String::new(), number.to_string(), String::new()),
                Value::Bool(flag) => (String::new(), String::new(), flag.to_string()),
                _ => continue,
            };
            out.push_str(&format!("{},{},{label},{number},{boolean}\n", quote(&task.id), quote(&name)));
        }
    }
    out
}
