//! Ranking partials: battle counts per (annotator, first model, second model, outcome,
//! positioned). Bradley–Terry, its bootstrap (a multinomial over outcome cells) and the bias
//! checks are functions of these counts, so a leaderboard finished from merged partials equals
//! the one computed from all the judgments at once, bootstrap included for a given seed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use verdict_core::ranking::battles::{Battle, BattleSet, Outcome};
use verdict_core::read::InputSummary;

use super::{merge_inputs, PartialsError, SCHEMA};

/// The `kind` of ranking partials.
pub const KIND: &str = "ranking";

/// The CSV header of ranking partials (the SQL push-down prints rows of these columns).
pub const CSV_HEADER: &str = "schema,kind,annotator,first,second,outcome,positioned,n";

/// One cell of battle counts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cell {
    /// Who judged.
    pub annotator: String,
    /// The model shown first when `positioned`, else the first listed.
    pub first: String,
    /// The other model.
    pub second: String,
    /// `first_wins`, `second_wins`, `tie` or `both_bad`, from `first`'s side.
    pub outcome: String,
    /// True when the display order is known (`shown`).
    pub positioned: bool,
}

/// Ranking partials of one part of the data, or of several merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingPartials {
    /// [`SCHEMA`].
    pub schema: String,
    /// [`KIND`].
    pub kind: String,
    /// Battle counts, by cell (sorted).
    pub cells: Vec<(Cell, u64)>,
    /// Judgments that gave no battle, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Distinct judgments kept.
    pub n_judgments: u64,
    /// Judgments replaced under the identity rule (within a part).
    pub n_replaced: u64,
    /// Lines that were not judgments.
    pub n_skipped_lines: u64,
    /// The input summary of the part (merged: summed).
    pub input: InputSummary,
}

fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::FirstWins => "first_wins",
        Outcome::SecondWins => "second_wins",
        Outcome::Tie => "tie",
        Outcome::BothBad => "both_bad",
    }
}

fn outcome_of(name: &str) -> Option<Outcome> {
    Some(match name {
        "first_wins" => Outcome::FirstWins,
        "second_wins" => Outcome::SecondWins,
        "tie" => Outcome::Tie,
        "both_bad" => Outcome::BothBad,
        _ => return None,
    })
}

impl RankingPartials {
    /// The counts of `set` (read with the identity rule applied), with its input summary.
    pub fn from_battles(set: &BattleSet, input: &InputSummary) -> RankingPartials {
        let mut cells: BTreeMap<Cell, u64> = BTreeMap::new();
        for battle in &set.battles {
            let cell = Cell {
                annotator: set.annotators[battle.annotator as usize].clone(),
                first: set.models[battle.first as usize].clone(),
                second: set.models[battle.second as usize].clone(),
                outcome: outcome_name(battle.outcome).to_owned(),
                positioned: battle.positioned,
            };
            *cells.entry(cell).or_default() += 1;
        }
        RankingPartials {
            schema: SCHEMA.into(),
            kind: KIND.into(),
            cells: cells.into_iter().collect(),
            skipped: set.skipped.clone(),
            n_judgments: set.n_judgments,
            n_replaced: set.n_replaced,
            n_skipped_lines: set.n_skipped_lines,
            input: input.clone(),
        }
    }

    /// Adds the counts of `parts` (partials carry no settings: every ranking partials merge).
    pub fn merge(parts: Vec<RankingPartials>) -> RankingPartials {
        let inputs: Vec<InputSummary> = parts.iter().map(|p| p.input.clone()).collect();
        let mut cells: BTreeMap<Cell, u64> = BTreeMap::new();
        let mut merged = RankingPartials {
            schema: SCHEMA.into(),
            kind: KIND.into(),
            cells: Vec::new(),
            skipped: BTreeMap::new(),
            n_judgments: 0,
            n_replaced: 0,
            n_skipped_lines: 0,
            input: merge_inputs(&inputs),
        };
        for part in parts {
            for (cell, n) in part.cells {
                *cells.entry(cell).or_default() += n;
            }
            for (reason, n) in part.skipped {
                *merged.skipped.entry(reason).or_default() += n;
            }
            merged.n_judgments += part.n_judgments;
            merged.n_replaced += part.n_replaced;
            merged.n_skipped_lines += part.n_skipped_lines;
        }
        merged.cells = cells.into_iter().collect();
        merged
    }

    /// The battles these counts stand for (one per count; items are not kept, so the length-bias
    /// check and online Elo, which needs the battles' order, cannot be finished from partials).
    pub fn to_battle_set(&self) -> Result<BattleSet, PartialsError> {
        let mut models: Vec<String> = self.cells.iter().flat_map(|(c, _)| [c.first.clone(), c.second.clone()]).collect();
        models.sort();
        models.dedup();
        let mut annotators: Vec<String> = self.cells.iter().map(|(c, _)| c.annotator.clone()).collect();
        annotators.sort();
        annotators.dedup();
        let index = |names: &[String], name: &str| names.binary_search_by(|n| n.as_str().cmp(name)).expect("collected above") as u32;
        let mut battles = Vec::new();
        for (cell, n) in &self.cells {
            let outcome =
                outcome_of(&cell.outcome).ok_or_else(|| PartialsError::Invalid(format!("unknown outcome \"{}\"", cell.outcome)))?;
            let battle = Battle {
                first: index(&models, &cell.first),
                second: index(&models, &cell.second),
                outcome,
                positioned: cell.positioned,
                annotator: index(&annotators, &cell.annotator),
                item: 0,
            };
            battles.extend(std::iter::repeat_n(battle, *n as usize));
        }
        Ok(BattleSet {
            models,
            annotators,
            battles,
            skipped: self.skipped.clone(),
            n_judgments: self.n_judgments,
            n_replaced: self.n_replaced,
            n_skipped_lines: self.n_skipped_lines,
            ..BattleSet::default()
        })
    }

    /// The cells as CSV rows under [`CSV_HEADER`] (the counts of the JSON form; the summary
    /// counts are not in the CSV form).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(CSV_HEADER);
        out.push('\n');
        for (cell, n) in &self.cells {
            let fields = [SCHEMA, KIND, &cell.annotator, &cell.first, &cell.second, &cell.outcome];
            for field in fields {
                out.push_str(&super::csv_field(field));
                out.push(',');
            }
            out.push_str(if cell.positioned { "true" } else { "false" });
            out.push(',');
            out.push_str(&n.to_string());
            out.push('\n');
        }
        out
    }

    /// Reads CSV rows under [`CSV_HEADER`] (as written by [`to_csv`](Self::to_csv) or the SQL
    /// push-down); `name` is the file, for messages.
    pub fn from_csv(name: &str, text: &str) -> Result<RankingPartials, PartialsError> {
        let rows = super::csv_rows(name, text, CSV_HEADER)?;
        let mut cells: BTreeMap<Cell, u64> = BTreeMap::new();
        for (line, row) in rows {
            let bad = |field: &str, what: &str| PartialsError::Invalid(format!("{name}:{line}: {field}: {what}"));
            super::check_tag(name, line, &row[0], &row[1], KIND)?;
            if outcome_of(&row[5]).is_none() {
                return Err(bad("outcome", "expected first_wins, second_wins, tie or both_bad"));
            }
            let positioned = match row[6].to_ascii_lowercase().as_str() {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => return Err(bad("positioned", "expected true or false")),
            };
            let n: u64 = row[7].parse().map_err(|_| bad("n", "expected a whole number"))?;
            let cell =
                Cell { annotator: row[2].clone(), first: row[3].clone(), second: row[4].clone(), outcome: row[5].clone(), positioned };
            *cells.entry(cell).or_default() += n;
        }
        Ok(RankingPartials {
            schema: SCHEMA.into(),
            kind: KIND.into(),
            cells: cells.into_iter().collect(),
            skipped: BTreeMap::new(),
            n_judgments: 0,
            n_replaced: 0,
            n_skipped_lines: 0,
            // Rows computed by an engine carry no input summary: only the file is counted.
            input: InputSummary { files: 1, ..InputSummary::default() },
        })
    }
}
