//! Acceptance-sampling audits of delivered batches: ISO 2859-1 (= ANSI/ASQ Z1.4) plans from the
//! standard's tables ([`tables`]), custom single-sampling plans from (AQL, LTPD, α, β)
//! ([`custom`]), OC curves, the accept/reject decision with a Clopper–Pearson interval, seeded
//! (optionally stratified) sample draws, and the switching rules between normal, tightened and
//! reduced inspection ([`switching`]). Formulas: `docs/METRICS.md`, "Acceptance sampling".

pub mod custom;
pub mod lot;
pub mod switching;
pub mod tables;
pub mod view;

use serde::{Deserialize, Serialize};

use crate::rng::Pcg32;
use crate::stats::clopper_pearson;
use crate::stats::special::{binomial_cdf, regularized_gamma_q};

/// Inspection levels of Table I.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Level {
    /// Special level S-1.
    S1,
    /// Special level S-2.
    S2,
    /// Special level S-3.
    S3,
    /// Special level S-4.
    S4,
    /// General level I.
    I,
    /// General level II (the default).
    II,
    /// General level III.
    III,
}

impl Level {
    /// Parses `I`, `II`, `III`, `S1`…`S4` (also `S-1`…`S-4`).
    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name.replace('-', "").to_ascii_uppercase().as_str() {
            "S1" => Level::S1,
            "S2" => Level::S2,
            "S3" => Level::S3,
            "S4" => Level::S4,
            "I" => Level::I,
            "II" => Level::II,
            "III" => Level::III,
            _ => return None,
        })
    }

    fn column(self) -> usize {
        self as usize
    }
}

/// The severity of inspection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inspection {
    /// Table II-A.
    Normal,
    /// Table II-B.
    Tightened,
    /// Table II-C.
    Reduced,
}

impl Inspection {
    /// Parses `normal`, `tightened`, `reduced`.
    pub fn from_name(name: &str) -> Option<Inspection> {
        Some(match name {
            "normal" => Inspection::Normal,
            "tightened" => Inspection::Tightened,
            "reduced" => Inspection::Reduced,
            _ => return None,
        })
    }
}

/// Why no plan can be given.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AuditError {
    /// Lots have at least 2 items (Table I starts at 2).
    #[error("lot size {0} is below 2")]
    LotTooSmall(u64),
    /// The AQL is not one of the table's columns.
    #[error("AQL {0} is not a column of the master table")]
    AqlNotInTable(f64),
    /// The arrows lead off the printed table.
    #[error("the table's arrows lead past its last row for code letter {letter} at AQL {aql}")]
    ArrowLeavesTable {
        /// The starting code letter.
        letter: char,
        /// The AQL column.
        aql: &'static str,
    },
    /// A custom-plan parameter is out of range.
    #[error("{0} out of range")]
    BadParameter(&'static str),
    /// No plan up to the search limit meets both risks.
    #[error("no plan with n ≤ {limit} meets both risks")]
    NoPlan {
        /// The largest n searched.
        limit: u64,
    },
}

/// A single-sampling plan: inspect `n`, accept with ≤ `ac` nonconforming, reject with ≥ `re`.
/// Between the two (reduced inspection only) the lot is accepted and normal inspection returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Sample size.
    pub n: u64,
    /// Acceptance number.
    pub ac: u64,
    /// Rejection number.
    pub re: u64,
}

/// A plan read from the ISO 2859-1 tables.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardPlan {
    /// Table I's code letter for the lot size and level.
    pub code_letter: char,
    /// The letter whose plan applies after following the table's arrows.
    pub plan_letter: char,
    /// The AQL column, as printed.
    pub aql: &'static str,
    /// The inspection severity.
    pub inspection: Inspection,
    /// The plan.
    pub plan: Plan,
    /// True when n ≥ the lot size: the standard says inspect every item.
    pub inspect_all: bool,
}

/// Table I: the code letter for `lot` items at `level`.
pub fn code_letter(lot: u64, level: Level) -> Result<char, AuditError> {
    if lot < 2 {
        return Err(AuditError::LotTooSmall(lot));
    }
    let (_, letters) = tables::LOT_SIZE_ROWS.iter().find(|(upper, _)| lot <= *upper).expect("the last row is open");
    Ok(letters.as_bytes()[level.column()] as char)
}

/// The column of an AQL value (in percent, or nonconformities per 100 items above 10).
pub fn aql_column(aql: f64) -> Result<usize, AuditError> {
    tables::AQLS
        .iter()
        .position(|printed| printed.parse::<f64>().is_ok_and(|v| (v - aql).abs() <= 1e-9 * v))
        .ok_or(AuditError::AqlNotInTable(aql))
}

fn parse_cell(cell: &str) -> Option<(u64, u64)> {
    let (ac, re) = cell.split_once('/')?;
    Some((ac.parse().ok()?, re.parse().ok()?))
}

/// Row `row` of the table for `inspection`, cell `column`.
fn cell(inspection: Inspection, row: usize, column: usize) -> Option<&'static str> {
    let rows: &[&str] = match inspection {
        Inspection::Normal => &tables::NORMAL,
        Inspection::Tightened => &tables::TIGHTENED,
        Inspection::Reduced => &tables::REDUCED,
    };
    rows.get(row)?.split(' ').nth(column)
}

fn sample_size(inspection: Inspection, row: usize) -> u64 {
    match (inspection, row) {
        (Inspection::Tightened, 16) => tables::TIGHTENED_S_SAMPLE_SIZE,
        (Inspection::Reduced, _) => tables::REDUCED_SAMPLE_SIZES[row],
        _ => tables::SAMPLE_SIZES[row],
    }
}

/// The table's plan for code letter `letter` at AQL column `column`, following arrows down
/// (larger samples) or up (smaller samples) to the first plan, as the standard says.
pub fn table_plan(letter: char, column: usize, inspection: Inspection) -> Result<(char, Plan), AuditError> {
    let start = tables::CODE_LETTERS.iter().position(|l| *l == letter).expect("code letters come from Table I");
    let off_table = AuditError::ArrowLeavesTable { letter, aql: tables::AQLS[column] };
    let mut row = start;
    let step: i64 = match cell(inspection, row, column) {
        Some("v") => 1,
        Some("^") => -1,
        _ => 0,
    };
    loop {
        match cell(inspection, row, column) {
            Some(text) if text.contains('/') => {
                let (ac, re) = parse_cell(text).expect("table cells are a/r, v, ^ or -");
                let plan_letter = if row == 16 { 'S' } else { tables::CODE_LETTERS[row] };
                return Ok((plan_letter, Plan { n: sample_size(inspection, row), ac, re }));
            }
            Some("v" | "^") if step != 0 => {
                let next = row as i64 + step;
                if next < 0 {
                    return Err(off_table);
                }
                row = next as usize;
            }
            _ => return Err(off_table),
        }
    }
}

/// The ISO 2859-1 single-sampling plan for a lot of `lot` items at AQL `aql` (percent).
pub fn standard_plan(lot: u64, aql: f64, level: Level, inspection: Inspection) -> Result<StandardPlan, AuditError> {
    let code_letter = code_letter(lot, level)?;
    let column = aql_column(aql)?;
    let (plan_letter, plan) = table_plan(code_letter, column, inspection)?;
    Ok(StandardPlan { code_letter, plan_letter, aql: tables::AQLS[column], inspection, plan, inspect_all: plan.n >= lot })
}

/// One point of an OC curve: the probability of acceptance at quality `p`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OcPoint {
    /// Proportion nonconforming (or nonconformities per item, with `poisson`).
    pub p: f64,
    /// P(accept) = P(X ≤ Ac).
    pub p_accept: f64,
}

/// P(X ≤ ac) for X ~ Binomial(n, p), or Poisson(n·p) when `poisson` (nonconformities per item).
pub fn p_accept(plan: Plan, p: f64, poisson: bool) -> f64 {
    if poisson {
        if p <= 0.0 {
            return 1.0;
        }
        regularized_gamma_q(plan.ac as f64 + 1.0, plan.n as f64 * p).unwrap_or(0.0)
    } else {
        binomial_cdf(plan.ac, plan.n, p.clamp(0.0, 1.0)).unwrap_or(0.0)
    }
}

/// `points` + 1 evenly spaced OC points from p = 0 to the quality accepted 1% of the time.
pub fn oc_curve(plan: Plan, poisson: bool, points: u32) -> Vec<OcPoint> {
    let (mut low, mut high) = (0.0, if poisson { 100.0 } else { 1.0 });
    for _ in 0..100 {
        let mid = 0.5 * (low + high);
        if p_accept(plan, mid, poisson) > 0.01 {
            low = mid;
        } else {
            high = mid;
        }
    }
    let points = points.max(1);
    (0..=points).map(|k| high * f64::from(k) / f64::from(points)).map(|p| OcPoint { p, p_accept: p_accept(plan, p, poisson) }).collect()
}

/// The outcome of inspecting one lot's sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// True when the lot is accepted.
    pub accept: bool,
    /// True when accepted with Ac < defects < Re (reduced inspection): normal inspection returns.
    pub return_to_normal: bool,
    /// Nonconforming items found.
    pub defects: u64,
    /// Items inspected.
    pub inspected: u64,
    /// defects / inspected.
    pub rate: f64,
    /// 95% Clopper–Pearson interval of the lot's rate.
    pub ci_low: f64,
    /// 95% Clopper–Pearson interval of the lot's rate.
    pub ci_high: f64,
}

/// Decides a lot from `defects` found among `inspected` items under `plan`. `None` when nothing
/// was inspected or defects exceed the items.
pub fn decide(plan: Plan, defects: u64, inspected: u64) -> Option<Decision> {
    let (ci_low, ci_high) = clopper_pearson(defects, inspected, 0.95)?;
    Some(Decision {
        accept: defects < plan.re,
        return_to_normal: defects > plan.ac && defects < plan.re,
        defects,
        inspected,
        rate: defects as f64 / inspected as f64,
        ci_low,
        ci_high,
    })
}

/// Draws `n` of the items (all when n ≥ their number), seeded, in item order. With strata
/// (one id per item) the sample is allocated proportionally to stratum sizes by largest
/// remainder (ties to the earlier stratum), then drawn without replacement within each.
pub fn sample_items(strata: &[u32], n: u64, seed: u64) -> Vec<usize> {
    let total = strata.len();
    if n as usize >= total {
        return (0..total).collect();
    }
    let mut ids: Vec<u32> = strata.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let members: Vec<Vec<usize>> = ids.iter().map(|id| (0..total).filter(|&i| strata[i] == *id).collect()).collect();
    let exact: Vec<f64> = members.iter().map(|m| n as f64 * m.len() as f64 / total as f64).collect();
    let mut take: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let mut missing = n as usize - take.iter().sum::<usize>();
    for stratum in order {
        if missing == 0 {
            break;
        }
        if take[stratum] < members[stratum].len() {
            take[stratum] += 1;
            missing -= 1;
        }
    }
    let mut rng = Pcg32::new(seed, 2859);
    let mut chosen = Vec::with_capacity(n as usize);
    for (stratum, mut items) in members.into_iter().enumerate() {
        rng.shuffle(&mut items);
        chosen.extend_from_slice(&items[..take[stratum]]);
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked examples: lot 2000, AQL 0.65 %, level II → K, n = 125, Ac 2, Re 3 (Montgomery,
    /// *Introduction to SQC*, MIL-STD-105E example); tightened K → n = 125, Ac 1, Re 2.
    #[test]
    fn reads_the_tables_with_their_arrows() {
        let normal = standard_plan(2000, 0.65, Level::II, Inspection::Normal).unwrap();
        assert_eq!((normal.code_letter, normal.plan), ('K', Plan { n: 125, ac: 2, re: 3 }));
        let tightened = standard_plan(2000, 0.65, Level::II, Inspection::Tightened).unwrap();
        assert_eq!(tightened.plan, Plan { n: 125, ac: 1, re: 2 });
        // Lot 100, AQL 0.40, level II: F, whose cell points down to G (0/1, n = 32).
        let arrow = standard_plan(100, 0.40, Level::II, Inspection::Normal).unwrap();
        assert_eq!((arrow.code_letter, arrow.plan_letter, arrow.plan), ('F', 'G', Plan { n: 32, ac: 0, re: 1 }));
        // Lot 5, AQL 10, level II: A, whose cell points up, past the table's first row: an error.
        assert!(matches!(standard_plan(5, 10.0, Level::II, Inspection::Normal), Err(AuditError::ArrowLeavesTable { .. })));
        assert_eq!(standard_plan(1, 1.0, Level::II, Inspection::Normal), Err(AuditError::LotTooSmall(1)));
        assert_eq!(standard_plan(500, 0.3, Level::II, Inspection::Normal), Err(AuditError::AqlNotInTable(0.3)));
        assert_eq!(code_letter(500_001, Level::III), Ok('R'));
        assert_eq!(code_letter(26, Level::S1), Ok('A'));
    }

    #[test]
    fn decides_with_an_exact_interval() {
        let d = decide(Plan { n: 50, ac: 1, re: 3 }, 2, 50).unwrap();
        assert!(d.accept && d.return_to_normal);
        assert!((d.ci_low - 0.004881).abs() < 1e-5 && (d.ci_high - 0.137139).abs() < 1e-5, "{d:?}");
        assert!(!decide(Plan { n: 50, ac: 1, re: 2 }, 2, 50).unwrap().accept);
    }

    #[test]
    fn samples_are_seeded_and_stratified_proportionally() {
        let strata: Vec<u32> = (0..100).map(|i| if i < 70 { 0 } else { 1 }).collect();
        let a = sample_items(&strata, 20, 7);
        assert_eq!(a, sample_items(&strata, 20, 7));
        assert_eq!(a.len(), 20);
        assert_eq!(a.iter().filter(|&&i| i < 70).count(), 14);
        assert_ne!(a, sample_items(&strata, 20, 8));
        assert_eq!(sample_items(&strata, 200, 1).len(), 100);
    }
}
