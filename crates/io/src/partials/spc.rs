//! SPC partials: the subgroups of `verdict spc` — per key (group or annotator) and period, the
//! counts (gold error, disagreement: nonconforming and inspected) or the values (handling
//! times) — with the judgments left out by reason. Counts add up; values are concatenated in
//! part order, so consecutive parts of the input give the whole run's subgroups exactly.
//! Disagreement compares a judgment with the item's other raters: an item's judgments must
//! live in one part.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use verdict_core::read::InputSummary;
use verdict_core::spc::metrics::Skipped;
use verdict_core::spc::{Observations, Subgroup};

use super::{check_tag, csv_field, csv_rows, merge_inputs, PartialsError, SCHEMA};

/// The `kind` of SPC partials.
pub const KIND: &str = "spc";

/// The CSV header of SPC partials: a counts subgroup is one row with `count` and `n` (empty
/// `value`); a values subgroup one row per value (empty `count` and `n`).
pub const CSV_HEADER: &str = "schema,kind,key,period,count,n,value";

/// One subgroup on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubgroupRow {
    /// Group or annotator.
    pub key: String,
    /// Period label.
    pub period: String,
    /// Nonconforming units (counts subgroups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Units inspected (counts subgroups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u64>,
    /// Measurements in reading order (values subgroups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<f64>>,
}

/// Judgments left out, by reason (`verdict_core::spc::metrics::Skipped`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SkippedCounts {
    /// LLM judges.
    pub llm_judges: u64,
    /// No usable time.
    pub no_time: u64,
    /// No group under `--by group`.
    pub no_group: u64,
    /// Nothing to compare.
    pub not_comparable: u64,
}

/// SPC partials of one part, or of several merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcPartials {
    /// [`SCHEMA`].
    pub schema: String,
    /// [`KIND`].
    pub kind: String,
    /// What shaped the subgroups (metric, by, period, judges, answer counting, gold file).
    pub settings: BTreeMap<String, String>,
    /// Subgroups sorted by key, then period (counts ones first, as `verdict spc` builds them).
    pub subgroups: Vec<SubgroupRow>,
    /// Judgments left out.
    pub skipped: SkippedCounts,
    /// The input summary of the part.
    pub input: InputSummary,
}

impl SpcPartials {
    /// The partials of one run's subgroups.
    pub fn new(subgroups: &[Subgroup], skipped: &Skipped, settings: BTreeMap<String, String>, input: InputSummary) -> SpcPartials {
        let rows = subgroups
            .iter()
            .map(|s| match &s.observations {
                Observations::Counts { count, n } => {
                    SubgroupRow { key: s.key.clone(), period: s.period.clone(), count: Some(*count), n: Some(*n), values: None }
                }
                Observations::Values(values) => {
                    SubgroupRow { key: s.key.clone(), period: s.period.clone(), count: None, n: None, values: Some(values.clone()) }
                }
            })
            .collect();
        let skipped = SkippedCounts {
            llm_judges: skipped.llm_judges,
            no_time: skipped.no_time,
            no_group: skipped.no_group,
            not_comparable: skipped.not_comparable,
        };
        SpcPartials { schema: SCHEMA.into(), kind: KIND.into(), settings, subgroups: rows, skipped, input }
    }

    /// Reads JSON (as `--partials-out` writes it) or CSV rows under [`CSV_HEADER`].
    pub fn read(name: &str, text: &str) -> Result<SpcPartials, PartialsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !text.trim_start().starts_with('{') {
            return Self::from_csv(name, text);
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| PartialsError::Invalid(format!("{name}: not JSON partials: {e}")))?;
        let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("(none)");
        let kind = value.get("kind").and_then(|s| s.as_str()).unwrap_or("(none)");
        check_tag(name, 1, schema, kind, KIND)?;
        serde_json::from_value(value).map_err(|e| PartialsError::Invalid(format!("{name}: {e}")))
    }

    /// Adds up parts in order: counts summed, values concatenated, skipped and inputs summed.
    /// A subgroup holding counts in one part and values in another is an error.
    pub fn merge(parts: Vec<SpcPartials>) -> Result<SpcPartials, PartialsError> {
        let inputs: Vec<InputSummary> = parts.iter().map(|p| p.input.clone()).collect();
        let settings = parts.first().map(|p| p.settings.clone()).unwrap_or_default();
        let mut counts: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
        let mut values: BTreeMap<(String, String), Vec<f64>> = BTreeMap::new();
        let mut skipped = SkippedCounts::default();
        for part in parts {
            for row in part.subgroups {
                let key = (row.key, row.period);
                match (row.count, row.n, row.values) {
                    (Some(count), Some(n), None) if !values.contains_key(&key) => {
                        let entry = counts.entry(key).or_default();
                        entry.0 += count;
                        entry.1 += n;
                    }
                    (None, None, Some(v)) if !counts.contains_key(&key) => values.entry(key).or_default().extend(v),
                    _ => {
                        return Err(PartialsError::Invalid(format!(
                            "subgroup {} {}: counts in one part and values in another (or both in one row)",
                            key.0, key.1
                        )))
                    }
                }
            }
            skipped.llm_judges += part.skipped.llm_judges;
            skipped.no_time += part.skipped.no_time;
            skipped.no_group += part.skipped.no_group;
            skipped.not_comparable += part.skipped.not_comparable;
        }
        let mut subgroups: Vec<SubgroupRow> = counts
            .into_iter()
            .map(|((key, period), (count, n))| SubgroupRow { key, period, count: Some(count), n: Some(n), values: None })
            .collect();
        subgroups.extend(values.into_iter().map(|((key, period), v)| SubgroupRow { key, period, count: None, n: None, values: Some(v) }));
        Ok(SpcPartials { schema: SCHEMA.into(), kind: KIND.into(), settings, subgroups, skipped, input: merge_inputs(&inputs) })
    }

    /// The core's subgroups and skipped counts.
    pub fn to_subgroups(&self) -> (Vec<Subgroup>, Skipped) {
        let subgroups = self
            .subgroups
            .iter()
            .map(|row| Subgroup {
                key: row.key.clone(),
                period: row.period.clone(),
                observations: match &row.values {
                    Some(values) => Observations::Values(values.clone()),
                    None => Observations::Counts { count: row.count.unwrap_or(0), n: row.n.unwrap_or(0) },
                },
            })
            .collect();
        let s = &self.skipped;
        let skipped = Skipped { llm_judges: s.llm_judges, no_time: s.no_time, no_group: s.no_group, not_comparable: s.not_comparable };
        (subgroups, skipped)
    }

    /// The subgroups as CSV rows under [`CSV_HEADER`] (no settings or skipped counts).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(CSV_HEADER);
        out.push('\n');
        let prefix = |row: &SubgroupRow| format!("{SCHEMA},{KIND},{},{}", csv_field(&row.key), csv_field(&row.period));
        for row in &self.subgroups {
            match &row.values {
                Some(values) => values.iter().for_each(|v| out.push_str(&format!("{},,,{v}\n", prefix(row)))),
                None => out.push_str(&format!("{},{},{},\n", prefix(row), row.count.unwrap_or(0), row.n.unwrap_or(0))),
            }
        }
        out
    }

    /// Reads CSV rows under [`CSV_HEADER`] (from [`to_csv`](Self::to_csv) or the SQL push-down).
    pub fn from_csv(name: &str, text: &str) -> Result<SpcPartials, PartialsError> {
        let mut subgroups: Vec<SubgroupRow> = Vec::new();
        for (line, row) in csv_rows(name, text, CSV_HEADER)? {
            let bad = |field: &str, what: &str| PartialsError::Invalid(format!("{name}:{line}: {field}: {what}"));
            check_tag(name, line, &row[0], &row[1], KIND)?;
            let whole = |field: &str, text: &str| text.parse::<u64>().map_err(|_| bad(field, "expected a whole number"));
            let parsed = match (row[4].as_str(), row[5].as_str(), row[6].as_str()) {
                (count, n, "") if !count.is_empty() => {
                    let (count, n) = (whole("count", count)?, whole("n", n)?);
                    if count > n {
                        return Err(bad("count", "larger than n"));
                    }
                    SubgroupRow { key: row[2].clone(), period: row[3].clone(), count: Some(count), n: Some(n), values: None }
                }
                ("", "", value) => {
                    let value =
                        value.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or_else(|| bad("value", "expected a finite number"))?;
                    SubgroupRow { key: row[2].clone(), period: row[3].clone(), count: None, n: None, values: Some(vec![value]) }
                }
                _ => return Err(bad("value", "give count and n, or value alone")),
            };
            subgroups.push(parsed);
        }
        let part = SpcPartials {
            schema: SCHEMA.into(),
            kind: KIND.into(),
            settings: BTreeMap::new(),
            subgroups,
            skipped: SkippedCounts::default(),
            input: InputSummary { files: 1, ..InputSummary::default() },
        };
        // Rows of one subgroup (one per value) are gathered as a merge does.
        let mut merged = SpcPartials::merge(vec![part])?;
        merged.input = InputSummary { files: 1, ..InputSummary::default() };
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_values_concatenate_and_csv_reads_back() {
        let counts = |key: &str, count, n| Subgroup {
            key: key.into(),
            period: "2026-11-01".into(),
            observations: Observations::Counts { count, n },
        };
        let a = SpcPartials::new(
            &[counts("north", 1, 4), counts("south", 0, 2)],
            &Skipped::default(),
            BTreeMap::new(),
            InputSummary::default(),
        );
        let b = SpcPartials::new(
            &[counts("north", 2, 3)],
            &Skipped { no_group: 2, ..Skipped::default() },
            BTreeMap::new(),
            InputSummary::default(),
        );
        let merged = SpcPartials::merge(vec![a, b]).unwrap();
        let (subgroups, skipped) = merged.to_subgroups();
        assert_eq!(subgroups, vec![counts("north", 3, 7), counts("south", 0, 2)]);
        assert_eq!(skipped.no_group, 2);
        let values = Subgroup { key: "x".into(), period: "2026-W48".into(), observations: Observations::Values(vec![1.5, 0.25, 3.0]) };
        let part = SpcPartials::new(std::slice::from_ref(&values), &Skipped::default(), BTreeMap::new(), InputSummary::default());
        let back = SpcPartials::from_csv("s.csv", &part.to_csv()).unwrap();
        assert_eq!(back.to_subgroups().0, vec![values]);
        let bad = format!("{CSV_HEADER}\n{SCHEMA},spc,x,2026-W48,5,4,\n");
        assert_eq!(SpcPartials::from_csv("s.csv", &bad).unwrap_err().to_string(), "s.csv:2: count: larger than n");
        let mixed = format!("{CSV_HEADER}\n{SCHEMA},spc,x,w,1,4,\n{SCHEMA},spc,x,w,,,2.5\n");
        assert!(SpcPartials::from_csv("s.csv", &mixed).unwrap_err().to_string().contains("counts in one part and values in another"));
    }
}
