//! Agreement partials on disk: the JSON form `verdict agree … --partials-out P` writes (the
//! core's [`AgreementPartials`] with the run's settings and input summary), and the CSV form —
//! one row per rating — that the SQL push-down returns and `--partials-out P.csv` writes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use verdict_core::agreement::partials::{AgreementPartials, AnnotatorEntry, CriterionPartials, UnitPartials, Value};
use verdict_core::read::InputSummary;

use super::{check_tag, csv_field, csv_rows, PartialsError, SCHEMA};

/// The `kind` of agreement partials.
pub const KIND: &str = "agreement";

/// The CSV header of agreement partials: one row per rating. `model` is empty for item-level
/// criteria, `group` for annotators without one; `type` is `number`, `bool` or `label`.
pub const CSV_HEADER: &str = "schema,kind,criterion,per_output,item,model,annotator,group,type,value";

/// Agreement partials with what they were computed with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementFile {
    /// [`SCHEMA`].
    pub schema: String,
    /// [`KIND`].
    pub kind: String,
    /// The settings of the run that wrote them (criteria, raters, rubric, metrics, level,
    /// weights, bootstrap, seed); empty for CSV rows from an engine.
    pub settings: BTreeMap<String, String>,
    /// The ratings and names.
    pub partials: AgreementPartials,
    /// The input summary of the part.
    pub input: InputSummary,
}

impl AgreementFile {
    /// Partials of one run.
    pub fn new(partials: AgreementPartials, settings: BTreeMap<String, String>, input: InputSummary) -> AgreementFile {
        AgreementFile { schema: SCHEMA.into(), kind: KIND.into(), settings, partials, input }
    }

    /// Reads JSON (as `--partials-out` writes it) or CSV rows under [`CSV_HEADER`], checking
    /// version and kind.
    pub fn read(name: &str, text: &str) -> Result<AgreementFile, PartialsError> {
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

    /// The ratings as CSV rows under [`CSV_HEADER`] (no settings, scales' unused categories or
    /// counts: the JSON form keeps those).
    pub fn to_csv(&self) -> String {
        let groups: BTreeMap<&str, &str> =
            self.partials.annotators.iter().filter_map(|a| a.group.as_deref().map(|g| (a.name.as_str(), g))).collect();
        let mut out = String::from(CSV_HEADER);
        out.push('\n');
        for criterion in &self.partials.criteria {
            for unit in &criterion.units {
                for (annotator, value) in &unit.ratings {
                    let (kind, text) = match value {
                        Value::Number(v) => ("number", format!("{v}")),
                        Value::Bool(b) => ("bool", b.to_string()),
                        Value::Label(l) => ("label", l.clone()),
                    };
                    let per_output = if criterion.per_output { "true" } else { "false" };
                    let model = unit.model.as_deref().unwrap_or("");
                    let group = groups.get(annotator.as_str()).copied().unwrap_or("");
                    let fields = [SCHEMA, KIND, &criterion.id, per_output, &unit.item, model, annotator, group, kind, &text];
                    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                    out.push_str(&line.join(","));
                    out.push('\n');
                }
            }
        }
        out
    }

    /// Reads CSV rows under [`CSV_HEADER`]: names, criteria and units in order of first
    /// appearance; the scale is the values seen (numbers by value, labels sorted).
    pub fn from_csv(name: &str, text: &str) -> Result<AgreementFile, PartialsError> {
        let rows = csv_rows(name, text, CSV_HEADER)?;
        let mut partials = AgreementPartials::default();
        let mut seen_items: BTreeMap<String, ()> = BTreeMap::new();
        let mut seen_models: BTreeMap<String, ()> = BTreeMap::new();
        let mut annotators: BTreeMap<String, usize> = BTreeMap::new();
        let mut units: BTreeMap<(usize, String, String), usize> = BTreeMap::new();
        for (line, row) in rows {
            let bad = |field: &str, what: &str| PartialsError::Invalid(format!("{name}:{line}: {field}: {what}"));
            check_tag(name, line, &row[0], &row[1], KIND)?;
            let per_output = match row[3].to_ascii_lowercase().as_str() {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => return Err(bad("per_output", "expected true or false")),
            };
            let (criterion_id, item, model, annotator, group) = (&row[2], &row[4], &row[5], &row[6], &row[7]);
            if criterion_id.is_empty() || item.is_empty() || annotator.is_empty() {
                return Err(bad(
                    if criterion_id.is_empty() {
                        "criterion"
                    } else if item.is_empty() {
                        "item"
                    } else {
                        "annotator"
                    },
                    "empty",
                ));
            }
            if per_output == model.is_empty() {
                return Err(bad(
                    "model",
                    if per_output { "empty for a per-output criterion" } else { "given for an item-level criterion" },
                ));
            }
            let value = match row[8].as_str() {
                "number" => Value::Number(
                    row[9].parse::<f64>().ok().filter(|v| v.is_finite()).ok_or_else(|| bad("value", "expected a finite number"))? + 0.0,
                ),
                "bool" => Value::Bool(row[9].parse().map_err(|_| bad("value", "expected true or false"))?),
                "label" => Value::Label(row[9].clone()),
                _ => return Err(bad("type", "expected number, bool or label")),
            };
            if seen_items.insert(item.clone(), ()).is_none() {
                partials.items.push(item.clone());
            }
            if per_output && seen_models.insert(model.clone(), ()).is_none() {
                partials.models.push(model.clone());
            }
            let group = (!group.is_empty()).then(|| group.clone());
            match annotators.get(annotator) {
                Some(&a) => {
                    if group.is_some() {
                        partials.annotators[a].group = group;
                    }
                }
                None => {
                    annotators.insert(annotator.clone(), partials.annotators.len());
                    partials.annotators.push(AnnotatorEntry { name: annotator.clone(), group });
                }
            }
            let c = match partials.criteria.iter().position(|c| c.id == *criterion_id) {
                Some(c) => c,
                None => {
                    partials.criteria.push(CriterionPartials {
                        id: criterion_id.clone(),
                        per_output,
                        declared_level: None,
                        scale: Vec::new(),
                        mixed_number: None,
                        n_skipped: 0,
                        n_out_of_range: 0,
                        units: Vec::new(),
                    });
                    partials.criteria.len() - 1
                }
            };
            let criterion = &mut partials.criteria[c];
            if criterion.per_output != per_output {
                return Err(bad("per_output", &format!("criterion \"{criterion_id}\" is per-output on another row")));
            }
            if !criterion.scale.contains(&value) {
                criterion.scale.push(value.clone());
            }
            let key = (c, item.clone(), model.clone());
            let u = *units.entry(key).or_insert_with(|| {
                criterion.units.push(UnitPartials { item: item.clone(), model: per_output.then(|| model.clone()), ratings: Vec::new() });
                criterion.units.len() - 1
            });
            let ratings = &mut criterion.units[u].ratings;
            if ratings.iter().any(|(a, _)| a == annotator) {
                return Err(bad("annotator", &format!("\"{annotator}\" rates this unit of \"{criterion_id}\" twice")));
            }
            ratings.push((annotator.clone(), value));
        }
        for criterion in &mut partials.criteria {
            sort_scale(&mut criterion.scale);
            if let (Some(number), true) = (
                criterion.scale.iter().find(|v| !matches!(v, Value::Label(_))),
                criterion.scale.iter().any(|v| matches!(v, Value::Label(_))),
            ) {
                criterion.mixed_number = Some(match number {
                    Value::Number(v) => format!("{v}"),
                    Value::Bool(b) => b.to_string(),
                    Value::Label(_) => unreachable!("found a non-label"),
                });
            }
        }
        // Rows computed by an engine carry no input summary or settings: only the file is counted.
        Ok(AgreementFile::new(partials, BTreeMap::new(), InputSummary { files: 1, ..InputSummary::default() }))
    }
}

/// Labels sorted (as the collector sorts undeclared labels); numbers and booleans are ordered by
/// the scale itself.
fn sort_scale(scale: &mut [Value]) {
    scale.sort_by(|a, b| match (a, b) {
        (Value::Label(x), Value::Label(y)) => x.cmp(y),
        _ => std::cmp::Ordering::Equal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_read_back_and_bad_rows_are_named() {
        let text = format!(
            "{CSV_HEADER}\n{SCHEMA},agreement,tone,true,q1,m-a,ann 1,north,label,\"good, really\"\n{SCHEMA},agreement,clarity,false,q1,,ann 2,,number,4.0\n"
        );
        let file = AgreementFile::from_csv("p.csv", &text).unwrap();
        assert_eq!(file.partials.criteria.len(), 2);
        assert_eq!(file.partials.criteria[1].units[0].ratings, vec![("ann 2".to_owned(), Value::Number(4.0))]);
        assert_eq!(file.partials.annotators[0].group.as_deref(), Some("north"));
        let back = AgreementFile::from_csv("p.csv", &file.to_csv()).unwrap();
        assert_eq!(back.partials, file.partials);
        let bad = text.replace("number,4.0", "number,four");
        assert_eq!(AgreementFile::from_csv("p.csv", &bad).unwrap_err().to_string(), "p.csv:3: value: expected a finite number");
        let twice = format!("{text}{SCHEMA},agreement,clarity,false,q1,,ann 2,,number,5\n");
        assert!(AgreementFile::from_csv("p.csv", &twice).unwrap_err().to_string().starts_with("p.csv:4: annotator: \"ann 2\" rates"));
        let other = text.replace("agreement,tone", "ranking,tone");
        assert!(AgreementFile::from_csv("p.csv", &other).unwrap_err().to_string().contains("ranking partials, expected agreement"));
    }
}
