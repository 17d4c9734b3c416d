//! `verdict rank`'s readable output: the leaderboard table, the bias summary and the
//! style-controlled ratings.

use super::*;

/// Writes raw and style-controlled ratings side by side, then the coefficients.
pub(super) fn write_style_table(out: &mut String, styled: &StyleControl) {
    let source = match styled.source {
        style::Source::Tasks => "counted in the task file's outputs",
        style::Source::ConvMetadata => "from conv_metadata",
    };
    let _ = writeln!(
        out,
        "\nstyle control (arena-rank's contextual Bradley–Terry; covariates {source}; {} battles; {:.0}% {} intervals):",
        styled.n_battles,
        100.0 * styled.confidence,
        styled.ci
    );
    for (reason, count) in &styled.skipped {
        let _ = writeln!(out, "left out {count} battles: {reason}");
    }
    if styled.models.is_empty() {
        let _ = writeln!(out, "no style-controlled ratings: fewer than two rated models with covariates");
        return;
    }
    let width = styled.models.iter().map(|m| m.model.chars().count()).max().unwrap_or(5).max(5);
    let interval = |low: Option<f64>, high: Option<f64>| match (low, high) {
        (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
        _ => "—".to_owned(),
    };
    let _ = writeln!(
        out,
        "{:>4}  {:<width$}  {:>10}  {:>17}  {:>8}  {:>17}  {:>8}",
        "rank", "model", "controlled", "95% CI", "raw", "raw 95% CI", "raw rank"
    );
    for m in &styled.models {
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {:>10.1}  {:>17}  {:>8.1}  {:>17}  {:>8}",
            m.rank,
            m.model,
            m.rating,
            interval(m.ci_low, m.ci_high),
            m.raw_rating,
            interval(m.raw_ci_low, m.raw_ci_high),
            m.raw_rank.map_or_else(|| "—".to_owned(), |r| r.to_string())
        );
    }
    let _ = writeln!(out, "{:<8}  {:>9}  {:>21}  {:>9}", "covariate", "β", "95% CI", "Elo/sd");
    for c in &styled.coefficients {
        let ci = match (c.ci_low, c.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.4}, {high:.4}]"),
            _ => "—".to_owned(),
        };
        let _ = writeln!(out, "{:<9}  {:>9.4}  {:>21}  {:>9.1}", c.name, c.value, ci, c.elo);
    }
    if !styled.converged {
        let _ = writeln!(out, "note: the style-controlled fit did not converge in {} Newton steps", styled.iterations);
    }
}

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.decimals$}"))
}

/// A p-value: four decimals, or scientific notation below 0.0001.
fn p_value(value: Option<f64>) -> String {
    match value {
        Some(p) if p < 1e-4 => format!("{p:.1e}"),
        other => number(other, 4),
    }
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", 100.0 * v))
}

/// Writes the readable table: one line per model, then notes and the bias summary.
pub(super) fn write_table(out: &mut String, board: &Leaderboard, report: &BiasReport, options: &Options) {
    let method = match board.method {
        Method::Bt => "Bradley–Terry (Elo scale, mean 1000)".to_owned(),
        Method::Elo => format!("online Elo (K = {}, file order)", options.k),
    };
    let prior =
        if board.method == Method::Bt && board.prior > 0.0 { format!(", prior {} virtual ties", board.prior) } else { String::new() };
    let intervals = match &board.bootstrap {
        Some(b) => format!(", 95% intervals from {} bootstrap rounds (seed {})", b.rounds, b.seed),
        None if board.models.iter().any(|m| m.ci_low.is_some()) => ", 95% sandwich intervals (robust standard errors)".to_owned(),
        None => ", no intervals (--bootstrap N or --ci sandwich)".to_owned(),
    };
    let _ = writeln!(out, "{method}{prior}: {} battles{intervals}", board.n_battles);
    let width = board.models.iter().map(|m| m.model.chars().count()).max().unwrap_or(5).max(5);
    let _ = writeln!(
        out,
        "{:>4}  {:<width$}  {:>7}  {:>17}  {:>6}  {:>7}  {:>7}  {:>7}  {:>8}  {:>8}",
        "rank", "model", "rating", "95% CI", "ranks", "wins", "losses", "ties", "battles", "win rate"
    );
    for row in &board.models {
        let interval = match (row.ci_low, row.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
            _ => "—".to_owned(),
        };
        let ranks = match (row.rank_best, row.rank_worst) {
            (Some(best), Some(worst)) => format!("{best}–{worst}"),
            _ => "—".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:>4}  {:<width$}  {:>7}  {:>17}  {:>6}  {:>7}  {:>7}  {:>7}  {:>8}  {:>8}",
            row.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()),
            row.model,
            number(row.rating, 1),
            interval,
            ranks,
            row.wins,
            row.losses,
            row.ties,
            row.battles,
            percent(row.win_rate),
        );
    }
    for row in board.models.iter().filter(|r| r.note.is_some()) {
        let _ = writeln!(out, "note: {}: {}", row.model, row.note.as_deref().unwrap_or_default());
    }
    for note in &board.notes {
        let _ = writeln!(out, "note: {note}");
    }
    for (reason, count) in &board.skipped {
        let _ = writeln!(out, "skipped {count} judgments: {reason}");
    }
    let overall = &report.overall;
    let _ = writeln!(
        out,
        "bias: first-shown output won {} of {} decisive battles whose display order varied{} ({}, exact binomial p = {}); ties {}; both bad {}; {}",
        overall.first_shown_wins,
        overall.positioned_decisive,
        if overall.fixed_order_decisive > 0 {
            format!(" ({} with an order that never varied left out)", overall.fixed_order_decisive)
        } else {
            String::new()
        },
        percent(overall.first_shown_win_rate),
        p_value(overall.position_p_value),
        percent(overall.tie_rate),
        percent(overall.both_bad_rate),
        match &overall.length {
            Some(length) => format!(
                "longer output won {} of {} ({}, p = {})",
                length.longer_wins,
                length.decisive_different_length,
                percent(length.longer_win_rate),
                p_value(length.p_value)
            ),
            None => "length bias not available (pass --tasks with the output texts)".to_owned(),
        }
    );
    let flagged: Vec<String> = report
        .by_annotator
        .iter()
        .filter(|a| a.stats.position_p_value.is_some_and(|p| p < 0.01))
        .map(|a| {
            format!(
                "{} ({} first-shown wins, p = {})",
                a.annotator,
                percent(a.stats.first_shown_win_rate),
                p_value(a.stats.position_p_value)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "bias per annotator: {} annotators; position bias at p < 0.01: {} (all figures: --json)",
        report.by_annotator.len(),
        if flagged.is_empty() { "none".to_owned() } else { flagged.join(", ") }
    );
}
