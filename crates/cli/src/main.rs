//! `verdict`: the command line over verdict-core. CLI definition and glue only.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: the readers' tables and record vectors grow to tens
/// of megabytes, and mimalloc maps and reuses that memory with far fewer page faults (`verdict
/// agree` on 1e6 ratings: system time 71 → 33 ms, wall 184 → 152 ms; see docs/BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod aggregate;
mod agree;
mod agree_family;
mod agree_retest;
mod audit;
mod batches;
mod convert;
mod input;
mod partials;
mod plan;
mod rank;
mod report;
mod report_vendor;
mod select;
mod spc;
mod validate;

/// Verdict: LLM evaluation files from the command line.
#[derive(Parser)]
#[command(name = "verdict", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check task, rubric or judgment files; print every problem as `file:line: field: problem`.
    Validate(validate::ValidateArgs),
    /// Convert judgments to chained JSONL, DPO pairs, CSV or Arena battles.
    Convert(convert::ConvertArgs),
    /// Inter-annotator agreement per criterion: kappas, Krippendorff's alpha, AC1, ICC, with CIs.
    Agree(agree::AgreeArgs),
    /// One label per item from many annotators: majority vote, Wawa, Dawid–Skene, one-coin, GLAD, MACE.
    Aggregate(aggregate::AggregateArgs),
    /// Rank models from preferences: Bradley–Terry or Elo ratings with bootstrap CIs, bias checks.
    Rank(rank::RankArgs),
    /// Quality report: agreement, annotators and groups against KPIs, LLM judges, leaderboard, disagreements (HTML + CSV).
    Report(report::ReportArgs),
    /// Plan a campaign (designed overlap, hidden gold, repeats, calibration) or a sample size.
    Plan(plan::PlanArgs),
    /// Control charts (p, np, Laney p′, c, u, I-MR, X̄–S, EWMA, CUSUM) of gold error, disagreement or handling time, with run-rule signals.
    Spc(spc::SpcArgs),
    /// Acceptance-sampling audits: ISO 2859-1 or custom plans, QA samples, lot decisions with switching rules.
    Audit(audit::AuditArgs),
    /// Print the SQL that computes partials on DuckDB or Spark over Parquet judgments (docs/SCALE.md).
    Partials(partials::PartialsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("verdict: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Agree(args) => agree::run(&args),
        Command::Rank(args) => rank::run(&args),
        Command::Aggregate(args) => aggregate::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Spc(args) => spc::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Partials(args) => partials::run(&args),
    }
}
