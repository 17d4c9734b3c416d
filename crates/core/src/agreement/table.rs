//! Agreement from aggregated inputs (`verdict agree --input table|counts FILE`): a two-annotator
//! contingency table, or per-item category counts (the "distribution of raters by subject and
//! category" of Gwet 2014 and irrCAC's `*.dist` functions).
//!
//! Files are CSV or JSON. CSV: a header row of categories, then one row of counts per line —
//! a table's rows start with their category (the same as the header's, in the same order; the
//! corner cell is free), a counts row may start with an item id when the header's first cell is
//! `item` (or empty). JSON: `{"categories": [...], "counts": [[...], ...]}` (plus `"items"` for
//! counts). Categories that all read as numbers are a numeric scale (weights by value), otherwise
//! labels in file order (weights by position, irrCAC's convention for tables).
//!
//! Tables use the table standard errors of [`table_formulas`](super::table_formulas); counts
//! are the raw-data formulas on units whose ratings are the counts (what irrCAC's `*.dist`
//! functions compute). Coefficients that need to know *who* gave a rating (Cohen and Conger on
//! counts, ICC on either) are `null` with a note.

use super::ratings::{Patterns, Ratings};
use super::table_formulas::{TableFormulas, TableValue};
use super::{band, evaluate, krippendorff, AgreementResult, Category, Level, LevelSource, Metric, Options, Scale, Weights};

/// The layout of an aggregated input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// `q × q` counts: rows the first annotator's category, columns the second's.
    Table,
    /// `n × q` counts: per item, how many annotators chose each category.
    Counts,
}

/// An aggregated input, parsed and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregated {
    /// Table or counts.
    pub kind: InputKind,
    /// The scale of the categories, in the file's column order.
    pub scale: Scale,
    /// Item ids (counts with an item column).
    pub items: Vec<String>,
    /// The counts, one row per table row or item.
    pub rows: Vec<Vec<u64>>,
}

/// What is wrong with an aggregated input. Rows and columns are 1-based lines and cells of the
/// file (JSON: the row of `counts` and the position in it).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AggregatedError {
    /// Not CSV or JSON of the expected shape.
    #[error("{file}: row {row}, column {column}: {reason}")]
    Syntax {
        /// The file.
        file: String,
        /// Row.
        row: u64,
        /// Column.
        column: u64,
        /// What is wrong.
        reason: String,
    },
    /// A cell that is not a non-negative whole number.
    #[error("{file}: row {row}, column {column}: \"{value}\" is not a count (a whole number ≥ 0)")]
    NotACount {
        /// The file.
        file: String,
        /// Row.
        row: u64,
        /// Column.
        column: u64,
        /// The cell.
        value: String,
    },
    /// A row with the wrong number of cells, or a table that is not square.
    #[error("{file}: row {row} has {len} counts; expected {expected}")]
    Shape {
        /// The file.
        file: String,
        /// Row.
        row: u64,
        /// Counts found.
        len: u64,
        /// Counts expected.
        expected: u64,
    },
    /// A table row whose category is not the header's category at that position.
    #[error("{file}: row {row}: the row's category \"{found}\" should be \"{expected}\", as in the header")]
    RowCategory {
        /// The file.
        file: String,
        /// Row.
        row: u64,
        /// The header's category.
        expected: String,
        /// The row's.
        found: String,
    },
    /// Categories mixing numbers and strings (JSON).
    #[error("{file}: categories: {mixed}")]
    Mixed {
        /// The file.
        file: String,
        /// The first number and string.
        mixed: super::MixedLabels,
    },
    /// No category or no row.
    #[error("{file}: {what}")]
    Empty {
        /// The file.
        file: String,
        /// What is missing.
        what: &'static str,
    },
    /// A resource limit.
    #[error("{file}: {what} is {value}; the limit is {limit} ({flag})")]
    Limit {
        /// The file.
        file: String,
        /// What was counted.
        what: &'static str,
        /// How many.
        value: u64,
        /// The limit.
        limit: u64,
        /// The flag that raises it.
        flag: &'static str,
    },
}

/// Limits on an aggregated input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AggregatedLimits {
    /// Most rows (items) (`--max-items`).
    pub max_rows: u64,
    /// Most ratings of one item in counts, the annotators it stands for (`--max-annotators`).
    pub max_per_item: u64,
}

#[derive(serde::Deserialize)]
struct JsonInput {
    categories: Vec<serde_json::Value>,
    counts: Vec<Vec<serde_json::Value>>,
    #[serde(default)]
    items: Vec<String>,
}

impl Aggregated {
    /// Parses `text` (CSV, or JSON when it starts with `{`) read from `file`.
    ///
    /// ```
    /// use verdict_core::agreement::table::{Aggregated, AggregatedLimits, InputKind};
    /// let limits = AggregatedLimits { max_rows: 100, max_per_item: 100 };
    /// let table = Aggregated::parse(InputKind::Table, "t.csv", ",a,b\na,3,1\nb,0,4\n", limits).unwrap();
    /// assert_eq!(table.rows, vec![vec![3, 1], vec![0, 4]]);
    /// let bad = Aggregated::parse(InputKind::Counts, "c.csv", "1,2\n3,x\n", limits).unwrap_err();
    /// assert_eq!(bad.to_string(), "c.csv: row 2, column 2: \"x\" is not a count (a whole number ≥ 0)");
    /// ```
    pub fn parse(kind: InputKind, file: &str, text: &str, limits: AggregatedLimits) -> Result<Aggregated, AggregatedError> {
        let text = text.trim_start_matches('\u{feff}');
        let parsed = if text.trim_start().starts_with('{') { parse_json(kind, file, text)? } else { parse_csv(kind, file, text)? };
        let q = parsed.scale.len() as u64;
        let fail = |what, value, limit, flag| Err(AggregatedError::Limit { file: file.to_owned(), what, value, limit, flag });
        if q > u64::from(super::MAX_WEIGHT_CATEGORIES) {
            return fail("the number of categories", q, u64::from(super::MAX_WEIGHT_CATEGORIES), "a fixed limit");
        }
        if parsed.rows.len() as u64 > limits.max_rows {
            return fail("the number of rows", parsed.rows.len() as u64, limits.max_rows, "--max-items");
        }
        if kind == InputKind::Counts {
            if let Some(most) = parsed.rows.iter().map(|row| row.iter().sum::<u64>()).max().filter(|&m| m > limits.max_per_item) {
                return fail("the most ratings of one item", most, limits.max_per_item, "--max-annotators");
            }
        }
        if kind == InputKind::Table && parsed.rows.len() as u64 != q {
            return Err(AggregatedError::Shape { file: file.to_owned(), row: 0, len: parsed.rows.len() as u64, expected: q });
        }
        Ok(parsed)
    }
}

fn count_of(file: &str, row: u64, column: u64, cell: &str) -> Result<u64, AggregatedError> {
    let value = cell.trim();
    value
        .parse::<u64>()
        .ok()
        .or_else(|| value.parse::<f64>().ok().filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 9e15).map(|v| v as u64))
        .ok_or_else(|| AggregatedError::NotACount { file: file.to_owned(), row, column, value: value.to_owned() })
}

fn scale_of_texts(labels: &[String]) -> Scale {
    let numbers: Option<Vec<f64>> = labels.iter().map(|l| l.trim().parse::<f64>().ok().filter(|v| v.is_finite())).collect();
    match numbers {
        Some(numbers) if !labels.is_empty() => Scale::from_categories(numbers.into_iter().map(Category::Number).collect()),
        _ => Scale::labels(labels.iter().cloned()),
    }
}

fn parse_csv(kind: InputKind, file: &str, text: &str) -> Result<Aggregated, AggregatedError> {
    let mut lines = text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty());
    let Some((_, header)) = lines.next() else { return Err(AggregatedError::Empty { file: file.to_owned(), what: "no header row" }) };
    let mut header: Vec<String> = header.split(',').map(|c| c.trim().to_owned()).collect();
    let labelled = kind == InputKind::Table || matches!(header[0].to_ascii_lowercase().as_str(), "" | "item" | "item_id");
    if labelled {
        header.remove(0);
    }
    if header.is_empty() {
        return Err(AggregatedError::Empty { file: file.to_owned(), what: "the header names no category" });
    }
    let scale = scale_of_texts(&header);
    let q = header.len() as u64;
    let mut out = Aggregated { kind, scale, items: Vec::new(), rows: Vec::new() };
    for (index, line) in lines {
        let row_no = index as u64 + 1;
        let mut cells: Vec<&str> = line.split(',').collect();
        if labelled {
            let label = cells.remove(0).trim().to_owned();
            if kind == InputKind::Table {
                let expected = header.get(out.rows.len()).cloned().unwrap_or_default();
                if label != expected {
                    return Err(AggregatedError::RowCategory { file: file.to_owned(), row: row_no, expected, found: label });
                }
            } else {
                out.items.push(label);
            }
        }
        if cells.len() as u64 != q {
            return Err(AggregatedError::Shape { file: file.to_owned(), row: row_no, len: cells.len() as u64, expected: q });
        }
        let offset = u64::from(labelled) + 1;
        let row = cells.iter().enumerate().map(|(c, cell)| count_of(file, row_no, c as u64 + offset, cell)).collect::<Result<_, _>>()?;
        out.rows.push(row);
    }
    if out.rows.is_empty() {
        return Err(AggregatedError::Empty { file: file.to_owned(), what: "no row of counts" });
    }
    Ok(out)
}

fn parse_json(kind: InputKind, file: &str, text: &str) -> Result<Aggregated, AggregatedError> {
    let input: JsonInput = serde_json::from_str(text).map_err(|e| AggregatedError::Syntax {
        file: file.to_owned(),
        row: e.line() as u64,
        column: e.column() as u64,
        reason: format!("expected {{\"categories\": [...], \"counts\": [[...]]}} ({e})"),
    })?;
    let mut categories = Vec::new();
    for (index, value) in input.categories.iter().enumerate() {
        categories.push(match value {
            serde_json::Value::Number(n) => Category::Number(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Category::Label(s.clone()),
            serde_json::Value::Bool(b) => Category::Bool(*b),
            other => {
                let reason = format!("categories[{index}] is {other}, not a number or a string");
                return Err(AggregatedError::Syntax { file: file.to_owned(), row: 0, column: index as u64 + 1, reason });
            }
        });
    }
    if categories.is_empty() {
        return Err(AggregatedError::Empty { file: file.to_owned(), what: "no category" });
    }
    let scale = Scale::from_categories(categories.clone());
    if let Some(mixed) = scale.mixed() {
        return Err(AggregatedError::Mixed { file: file.to_owned(), mixed: mixed.clone() });
    }
    if scale.len() != categories.len() {
        let reason = "a category is listed twice".to_owned();
        return Err(AggregatedError::Syntax { file: file.to_owned(), row: 0, column: 0, reason });
    }
    // The scale sorts numbers: keep the file's column order by mapping each column to its id.
    let column_id: Vec<usize> = categories.iter().map(|c| scale.id_of(c).expect("every category is on its scale") as usize).collect();
    let q = categories.len();
    let mut rows = Vec::new();
    for (r, row) in input.counts.iter().enumerate() {
        let row_no = r as u64 + 1;
        if row.len() != q {
            return Err(AggregatedError::Shape { file: file.to_owned(), row: row_no, len: row.len() as u64, expected: q as u64 });
        }
        let mut counts = vec![0u64; q];
        for (c, cell) in row.iter().enumerate() {
            counts[column_id[c]] = count_of(file, row_no, c as u64 + 1, &cell.to_string())?;
        }
        rows.push(counts);
    }
    if kind == InputKind::Table {
        // Rows are categories too: reorder them like the columns.
        let mut reordered = vec![Vec::new(); rows.len()];
        for (r, row) in rows.into_iter().enumerate() {
            let target = column_id.get(r).copied().unwrap_or(r);
            reordered[target] = row;
        }
        rows = reordered;
    }
    if rows.is_empty() {
        return Err(AggregatedError::Empty { file: file.to_owned(), what: "no row of counts" });
    }
    Ok(Aggregated { kind, scale, items: input.items, rows })
}

/// Evaluates `options.metrics` on an aggregated input. Weights that cannot be built (a weight
/// file of another size) leave the weighted coefficients `null` with a note.
pub fn evaluate_aggregated(input: &Aggregated, level: Level, level_source: LevelSource, options: &Options) -> Vec<AgreementResult> {
    match input.kind {
        InputKind::Table => evaluate_table(input, level, level_source, options),
        InputKind::Counts => evaluate_counts(input, level, level_source, options),
    }
}

fn evaluate_counts(input: &Aggregated, level: Level, level_source: LevelSource, options: &Options) -> Vec<AgreementResult> {
    // Each item's ratings are its counts, given to stand-in annotators 0, 1, 2, … .
    let units = input.rows.iter().map(|row| {
        let mut unit = Vec::new();
        for (category, &count) in row.iter().enumerate() {
            (0..count).for_each(|_| unit.push((unit.len() as u32, category as u32)));
        }
        unit
    });
    let ratings = Ratings::from_units(input.scale.clone(), units);
    let mut results = Vec::new();
    for &metric in &options.metrics {
        if matches!(metric, Metric::CohenKappa | Metric::CongerKappa | Metric::Pabak | Metric::Icc) {
            let mut result = AgreementResult::new("counts", metric, level, level_source);
            result.add_note(format!("{} needs to know who gave each rating; per-item counts do not say", metric.name()));
            results.push(result);
            continue;
        }
        let one = Options { metrics: vec![metric], ..options.clone() };
        results.extend(evaluate("counts", &ratings, level, level_source, &one));
    }
    results
}

fn evaluate_table(input: &Aggregated, level: Level, level_source: LevelSource, options: &Options) -> Vec<AgreementResult> {
    let q = input.scale.len();
    let counts: Vec<f64> = input.rows.iter().flatten().map(|&c| c as f64).collect();
    let n: f64 = counts.iter().sum();
    let matrix = super::weight_matrix(&input.scale, options.weights, &options.weight_parameters);
    let mut results = Vec::new();
    for &metric in &options.metrics {
        let mut result = AgreementResult::new("table", metric, level, level_source);
        result.n_items = n as u64;
        result.n_annotators = 2;
        result.n_ratings = 2 * n as u64;
        if metric.takes_weights() && options.weights != Weights::None {
            result.weights = Some(options.weights);
        }
        if options.bootstrap > 0 && metric != Metric::Icc {
            result.add_note("no bootstrap CI from a contingency table: se is the analytic standard error");
        }
        let weights = match (&matrix, metric.takes_weights()) {
            (Err(error), true) => {
                result.add_note(format!("{} weights: {error}", options.weights.name()));
                results.push(result);
                continue;
            }
            (Ok(matrix), true) => matrix.clone(),
            (_, false) => input.scale.weight_matrix(Weights::None),
        };
        let formulas = TableFormulas::new(&counts, q, &weights);
        let Some(formulas) = formulas else {
            result.add_note("the table is empty");
            results.push(result);
            continue;
        };
        let fill = |result: &mut AgreementResult, value: Option<TableValue>, undefined: &str| match value {
            Some(v) => {
                result.value = Some(v.value);
                result.se = Some(v.se);
            }
            None => result.add_note(undefined.to_owned()),
        };
        let no_variation = "chance agreement is 1 (no variation: every rating is in the same category)";
        match metric {
            Metric::PercentAgreement => fill(&mut result, Some(formulas.percent()), ""),
            Metric::CohenKappa | Metric::CongerKappa => fill(&mut result, formulas.cohen(), no_variation),
            Metric::ScottPi | Metric::FleissKappa => fill(&mut result, formulas.scott(), no_variation),
            Metric::GwetAc1 => fill(&mut result, formulas.gwet(), "a single category or no variation: chance agreement is undefined"),
            Metric::BrennanPrediger => fill(&mut result, formulas.brennan_prediger(), "the scale has a single category"),
            Metric::Pabak => {
                let value = super::cohen::from_table_with(&counts, q, &weights);
                result.value = value.pabak;
                result.prevalence_index = value.prevalence_index;
                result.bias_index = value.bias_index;
                if let Some(note) = value.pabak_note {
                    result.add_note(note);
                }
            }
            Metric::KrippendorffAlpha => alpha_of_table(&mut result, input, &counts, level),
            Metric::Icc => result.add_note("icc needs each item's scores; use the judgments, not a contingency table"),
        }
        if let Some(value) = result.value {
            result.band = band(metric, value);
        }
        results.push(result);
    }
    results
}

/// Krippendorff's alpha of a table at `level` (exact, from the coincidences), with the table
/// standard error of irrCAC's `krippen2.table` (Scott's, with the level's weights: identity,
/// quadratic, ratio; none at the ordinal level, whose distances depend on the marginals).
fn alpha_of_table(result: &mut AgreementResult, input: &Aggregated, counts: &[f64], level: Level) {
    let q = input.scale.len();
    let mut patterns = Patterns { counts: Vec::new(), start: vec![0], size: Vec::new(), unit_pattern: Vec::new(), weight: Vec::new() };
    for (cell, &count) in counts.iter().enumerate() {
        let (k, l) = ((cell / q) as u32, (cell % q) as u32);
        if count > 0.0 {
            let pattern = if k == l { vec![(k, 2)] } else { vec![(k.min(l), 1), (k.max(l), 1)] };
            patterns.counts.extend(pattern);
            patterns.start.push(patterns.counts.len() as u32);
            patterns.size.push(2);
            patterns.weight.push(count);
        }
    }
    let alpha = krippendorff::evaluate(&patterns, &patterns.weight, &input.scale, level);
    result.value = alpha.value;
    if let Some(note) = alpha.note {
        result.add_note(note);
    }
    let weights = match level {
        Level::Nominal => Some(Weights::None),
        Level::Interval => Some(Weights::Quadratic),
        Level::Ratio => Some(Weights::Ratio),
        Level::Ordinal => None,
    };
    if let (Some(_), Some(weights)) = (result.value, weights) {
        let matrix = input.scale.weight_matrix(weights);
        result.se = TableFormulas::new(counts, q, &matrix).and_then(|t| t.scott()).map(|v| v.se);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: AggregatedLimits = AggregatedLimits { max_rows: 1000, max_per_item: 100 };

    #[test]
    fn json_and_csv_tables_read_alike_and_rows_must_name_the_header_s_categories() {
        let csv = Aggregated::parse(InputKind::Table, "t", ",1,2,3\n1,13,0,0\n2,0,20,7\n3,0,4,56\n", LIMITS).unwrap();
        let json =
            Aggregated::parse(InputKind::Table, "t", r#"{"categories":[3,1,2],"counts":[[56,0,4],[0,13,0],[7,0,20]]}"#, LIMITS).unwrap();
        assert_eq!(csv.rows, json.rows);
        assert_eq!(csv.scale, json.scale);
        let error = Aggregated::parse(InputKind::Table, "t", ",a,b\nb,1,2\na,3,4\n", LIMITS).unwrap_err();
        assert_eq!(error.to_string(), "t: row 2: the row's category \"b\" should be \"a\", as in the header");
        let mixed = Aggregated::parse(InputKind::Counts, "c", r#"{"categories":[1,"x"],"counts":[[1,1]]}"#, LIMITS).unwrap_err();
        assert_eq!(mixed.to_string(), "c: categories: values mix numbers and strings: 1 and \"x\"");
    }

    #[test]
    fn counts_have_limits_and_name_the_flag() {
        let limits = AggregatedLimits { max_rows: 1000, max_per_item: 5 };
        let error = Aggregated::parse(InputKind::Counts, "c", "item,a,b\nx,3,3\n", limits).unwrap_err();
        assert_eq!(error.to_string(), "c: the most ratings of one item is 6; the limit is 5 (--max-annotators)");
        let counts = Aggregated::parse(InputKind::Counts, "c", "item,a,b\nx,3,2\ny,0,5\n", limits).unwrap();
        assert_eq!(counts.items, vec!["x", "y"]);
    }
}
