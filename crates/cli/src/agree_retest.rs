//! `verdict agree --retest`: intra-rater (test–retest) consistency from a campaign's repeat
//! judgments (`q17` and `q17#repeat` by the same annotator): self-agreement (Krippendorff's α and
//! Cohen's κ of first showing vs repeat, with percentile bootstrap CIs) and the preference flip
//! rate under the swapped order (Wilson interval), overall, per group (site) and per rater —
//! `verdict_core::plan::retest` over the judgments read by the one reader.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;
use verdict_core::agreement::PREFERENCE;
use verdict_core::output::Output;
use verdict_core::plan::retest::{retest, RetestOptions, RetestRow, Scope};
use verdict_core::read::InputSummary;

use crate::agree::AgreeArgs;
use crate::input;

/// `agree --retest --json`: `{"retest": [{"criterion", "scope", "name"?, "n_pairs", "alpha",
/// "alpha_ci", "kappa", "kappa_ci", "flips", "flip_rate", "flip_ci"}], "input"}`.
#[derive(Serialize)]
struct RetestReport {
    retest: Vec<CriterionRow>,
    input: InputSummary,
}

#[derive(Serialize)]
struct CriterionRow {
    criterion: String,
    #[serde(flatten)]
    row: RetestRow,
}

/// Runs `verdict agree --retest` (criteria from `--criterion`, default the preference; level
/// from `--level`; CIs from `--bootstrap N` resamples with `--seed`).
pub fn run(args: &AgreeArgs, level: Option<verdict_core::agreement::Level>) -> anyhow::Result<ExitCode> {
    let limits = args.limits.limits()?;
    limits.check_bootstrap(u64::from(args.bootstrap))?;
    let read = input::read_judgments(&args.files, &limits)?;
    let criteria: Vec<String> = if args.criteria.is_empty() { vec![PREFERENCE.to_owned()] } else { args.criteria.clone() };
    let mut rows = Vec::new();
    for criterion in &criteria {
        let options = RetestOptions {
            criterion: (criterion != PREFERENCE).then(|| criterion.clone()),
            level: if criterion == PREFERENCE { None } else { level },
            bootstrap: args.bootstrap,
            seed: args.seed,
        };
        rows.extend(retest(&read.judgments, &options).into_iter().map(|row| CriterionRow { criterion: criterion.clone(), row }));
    }
    let report = RetestReport { retest: rows, input: read.summary };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer(&mut out, &Output::AgreeRetest.wrap(&report))?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report.retest)?;
        eprintln!("{}", input::summary_line(&report.input));
    }
    out.flush()?;
    if report.retest.is_empty() {
        eprintln!("verdict agree: no repeat pairs: no judgment `ID#repeat` has a first judgment `ID` by the same annotator");
    }
    Ok(if report.input.skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.4}"))
}

fn interval(ci: Option<(f64, f64)>) -> String {
    ci.map_or_else(String::new, |(low, high)| format!("[{low:.4}, {high:.4}]"))
}

fn write_table(out: &mut impl Write, rows: &[CriterionRow]) -> io::Result<()> {
    let mut table =
        vec![["criterion", "scope", "name", "pairs", "self-alpha", "95% CI", "self-kappa", "95% CI", "flips", "flip rate", "95% CI"]
            .map(String::from)
            .to_vec()];
    for CriterionRow { criterion, row } in rows {
        let (scope, name) = match &row.scope {
            Scope::All => ("all", ""),
            Scope::Group(name) => ("group", name.as_str()),
            Scope::Annotator(name) => ("annotator", name.as_str()),
        };
        let preference = criterion == PREFERENCE;
        table.push(vec![
            criterion.clone(),
            scope.to_owned(),
            name.to_owned(),
            row.n_pairs.to_string(),
            number(row.alpha),
            interval(row.alpha_ci),
            number(row.kappa),
            interval(row.kappa_ci),
            if preference { row.flips.to_string() } else { "—".to_owned() },
            number(row.flip_rate),
            interval(row.flip_ci),
        ]);
    }
    crate::agree::write_aligned(out, &table)
}
