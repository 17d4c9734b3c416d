//! Mergeable partial statistics ("partials", docs/SCALE.md): what a statistic needs from one
//! part of the data, written by `verdict rank … --partials-out P` (or computed by an engine from
//! the SQL of `verdict partials --sql`), added up by `--from-partials P1 P2 …` and finished by
//! the same core code as a whole-data run. Versioned by [`SCHEMA`] and a `kind`; a file of
//! another version or kind is refused.

pub mod agreement;
pub mod parquet;
pub mod ranking;
pub mod spc;

use std::collections::BTreeMap;
use std::fmt;

use verdict_core::read::summary::PROBLEMS_LISTED;
use verdict_core::read::InputSummary;

/// The schema tag of partials files (JSON field `schema`, CSV column `schema`).
pub const SCHEMA: &str = "verdict/partials@1";

/// Why partials cannot be read or merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartialsError {
    /// Another version of the partials format.
    Version {
        /// The file.
        file: String,
        /// The schema it names.
        found: String,
    },
    /// Partials of another statistic.
    Kind {
        /// The file.
        file: String,
        /// The kind expected.
        expected: String,
        /// The kind found.
        found: String,
    },
    /// Partials computed with other settings than the others or than this run.
    Settings {
        /// The file.
        file: String,
        /// The setting (`seed`, `criteria`, …).
        key: String,
        /// Its value in the file (`(none)` when absent).
        found: String,
        /// The value expected.
        expected: String,
    },
    /// Not readable as partials (message names file, line and field).
    Invalid(String),
}

impl fmt::Display for PartialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialsError::Version { file, found } => {
                write!(f, "{file}: partials of version \"{found}\"; this verdict reads \"{SCHEMA}\" (recompute them with this version)")
            }
            PartialsError::Kind { file, expected, found } => write!(f, "{file}: {found} partials, expected {expected} partials"),
            PartialsError::Settings { file, key, found, expected } => write!(
                f,
                "{file}: partials computed with {key} = {found}, but this run has {key} = {expected}: \
                 recompute them or finish with the same settings"
            ),
            PartialsError::Invalid(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for PartialsError {}

/// Reads ranking partials from JSON (as `--partials-out` writes them) or CSV (as the SQL
/// push-down returns them), checking version and kind.
pub fn read_ranking(name: &str, text: &str) -> Result<ranking::RankingPartials, PartialsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('{') {
        return ranking::RankingPartials::from_csv(name, text);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| PartialsError::Invalid(format!("{name}: not JSON partials: {e}")))?;
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("(none)");
    let kind = value.get("kind").and_then(|s| s.as_str()).unwrap_or("(none)");
    check_tag(name, 1, schema, kind, ranking::KIND)?;
    serde_json::from_value(value).map_err(|e| PartialsError::Invalid(format!("{name}: {e}")))
}

/// Refuses partials of another version or kind (`line` of a CSV file, 1 for JSON).
fn check_tag(file: &str, line: u64, schema: &str, kind: &str, expected: &str) -> Result<(), PartialsError> {
    let file = if line > 1 { format!("{file}:{line}") } else { file.to_owned() };
    if schema != SCHEMA {
        return Err(PartialsError::Version { file, found: schema.to_owned() });
    }
    if kind != expected {
        return Err(PartialsError::Kind { file, expected: expected.to_owned(), found: kind.to_owned() });
    }
    Ok(())
}

/// Refuses partials whose `found` settings differ from the `expected` ones (the run's),
/// naming the first setting that differs.
pub fn check_settings(file: &str, found: &BTreeMap<String, String>, expected: &BTreeMap<String, String>) -> Result<(), PartialsError> {
    let keys: std::collections::BTreeSet<&String> = found.keys().chain(expected.keys()).collect();
    for key in keys {
        let (f, e) = (found.get(key), expected.get(key));
        if f != e {
            let show =
                |v: Option<&String>| v.map_or_else(|| "(none)".to_owned(), |v| if v.is_empty() { "\"\"".to_owned() } else { v.clone() });
            return Err(PartialsError::Settings { file: file.to_owned(), key: key.clone(), found: show(f), expected: show(e) });
        }
    }
    Ok(())
}

/// The input summaries of parts added up: counts summed, problems listed in part order.
pub fn merge_inputs(parts: &[InputSummary]) -> InputSummary {
    let mut merged = InputSummary::default();
    for part in parts {
        merged.files += part.files;
        merged.lines += part.lines;
        merged.judgments += part.judgments;
        merged.replaced += part.replaced;
        merged.skipped += part.skipped;
        merged.problems_total += part.problems_total;
        let room = PROBLEMS_LISTED.saturating_sub(merged.problems.len());
        merged.problems.extend(part.problems.iter().take(room).cloned());
    }
    merged
}

/// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines) under
/// exactly `header`, each with its line number.
fn csv_rows(name: &str, text: &str, header: &str) -> Result<Vec<(u64, Vec<String>)>, PartialsError> {
    let expected: Vec<&str> = header.split(',').collect();
    let mut records = Vec::new();
    let (mut field, mut record, mut quoted, mut line, mut start_line) = (String::new(), Vec::new(), false, 1u64, 1u64);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                line += u64::from(c == '\n');
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push((start_line, std::mem::take(&mut record)));
                line += 1;
                start_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(PartialsError::Invalid(format!("{name}:{start_line}: a quoted field is not closed")));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start_line, record));
    }
    records.retain(|(_, r)| !(r.len() == 1 && r[0].is_empty()));
    let Some((_, first)) = records.first() else {
        return Err(PartialsError::Invalid(format!("{name}: empty: expected the header {header}")));
    };
    if first != &expected {
        return Err(PartialsError::Invalid(format!("{name}:1: expected the header {header}, found {}", first.join(","))));
    }
    let rows: Vec<(u64, Vec<String>)> = records.into_iter().skip(1).collect();
    if let Some((line, row)) = rows.iter().find(|(_, row)| row.len() != expected.len()) {
        return Err(PartialsError::Invalid(format!("{name}:{line}: {} fields, expected {}", row.len(), expected.len())));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_round_trip_and_bad_files_are_named() {
        let header = "a,b";
        let text = format!("{header}\r\n{},{}\n\"x\"\"y\",2\n", csv_field("p,\"q\"\nr"), csv_field("plain"));
        let rows = csv_rows("f", &text, header).unwrap();
        assert_eq!(rows, vec![(2, vec!["p,\"q\"\nr".to_owned(), "plain".to_owned()]), (4, vec!["x\"y".to_owned(), "2".to_owned()])]);
        assert!(csv_rows("f", "a,c\n", header).unwrap_err().to_string().contains("f:1: expected the header a,b"));
        assert!(csv_rows("f", "a,b\n1\n", header).unwrap_err().to_string().contains("f:2: 1 fields, expected 2"));
        let mut settings = BTreeMap::from([("seed".to_owned(), "1".to_owned())]);
        assert!(check_settings("f", &settings, &settings.clone()).is_ok());
        let run = BTreeMap::from([("seed".to_owned(), "2".to_owned())]);
        assert_eq!(
            check_settings("p.json", &settings, &run).unwrap_err().to_string(),
            "p.json: partials computed with seed = 1, but this run has seed = 2: recompute them or finish with the same settings"
        );
        settings.clear();
        assert!(check_settings("f", &settings, &run).unwrap_err().to_string().contains("seed = (none)"));
        assert!(matches!(check_tag("f", 1, "verdict/partials@0", "ranking", "ranking"), Err(PartialsError::Version { .. })));
        assert!(check_tag("f", 1, SCHEMA, "agreement", "ranking")
            .unwrap_err()
            .to_string()
            .contains("agreement partials, expected ranking"));
    }
}
