//! Partials in the CLI (docs/SCALE.md): `--partials-out P` and `--from-partials P…` on the
//! commands that have them, and `verdict partials --sql duckdb|spark --kind …`, which prints
//! the SQL that computes the same partials on an engine.

use std::process::ExitCode;

use anyhow::{bail, Context};
use verdict_core::ranking::battles::BattleSet;
use verdict_core::read::InputSummary;
use verdict_io::partials::{self, ranking::RankingPartials};

/// The partials flags of `agree` and `rank`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PartialsFlags {
    /// Also write this run's partials (mergeable counts) to P: CSV when P ends in `.csv`, else JSON.
    #[arg(long, value_name = "P")]
    pub partials_out: Option<String>,
    /// Finish from partials files (from `--partials-out`, or CSV rows from `verdict partials --sql`)
    /// instead of judgment files; their counts are added up.
    #[arg(long, value_name = "P", num_args = 1..)]
    pub from_partials: Vec<String>,
}

/// Writes the ranking partials of `set`.
pub fn write_ranking_partials(path: &str, set: &BattleSet, input: &InputSummary) -> anyhow::Result<()> {
    let partials = RankingPartials::from_battles(set, input);
    let text = if path.ends_with(".csv") { partials.to_csv() } else { serde_json::to_string(&partials)? + "\n" };
    std::fs::write(path, text).with_context(|| format!("cannot write {path}"))
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
        let text = crate::input::read_text(path)?;
        parts.push(partials::read_ranking(path, &text)?);
    }
    let merged = RankingPartials::merge(parts);
    let set = merged.to_battle_set()?;
    Ok((set, merged.input))
}

/// `verdict partials` arguments.
#[derive(clap::Args, Debug)]
pub struct PartialsArgs {
    /// The engine whose SQL dialect to print.
    #[arg(long, value_enum)]
    pub sql: Engine,
    /// Which partials.
    #[arg(long, value_enum)]
    pub kind: Kind,
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
}

/// Runs `verdict partials`: prints the SQL.
pub fn run(args: &PartialsArgs) -> anyhow::Result<ExitCode> {
    let dialect = match args.sql {
        Engine::Duckdb => verdict_io::sql::Dialect::DuckDb,
        Engine::Spark => verdict_io::sql::Dialect::Spark,
    };
    let sql = match args.kind {
        Kind::Ranking => verdict_io::sql::ranking(dialect),
    };
    print!("{sql}");
    Ok(ExitCode::SUCCESS)
}
