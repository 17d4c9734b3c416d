//! The campaign file (`verdict/campaign@1`): who rates which items, with what overlap, hidden
//! gold, test–retest repeats, calibration and language matching. Parsing and validation only;
//! the plan itself is computed in [`super::assign`] and [`super::sequence`].
//!
//! The core takes texts: the CLI (or the app) resolves `tasks` and `rubric` against the campaign
//! file's folder ([`resolve_path`]) and reads them. Problems are typed ([`CampaignProblem`]) and
//! located by field path (`roster[2].annotator`); the CLI renders them as `file:field: problem`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::task::Task;

/// The `schema` value of a campaign file.
pub const SCHEMA: &str = "verdict/campaign@1";
/// Most raters a roster may list (the pair-overlap table grows with its square).
pub const MAX_ROSTER: usize = 5_000;
/// Most raters one item may ask for.
pub const MAX_RATERS_PER_ITEM: u32 = 50;
/// Most calibration items.
pub const MAX_CALIBRATION_ITEMS: usize = 1_000;
/// Most retakes of the calibration set.
pub const MAX_RETAKES: u32 = 20;
/// Largest `gold.rate + repeats.rate`: at least half of a rater's queue is real work.
pub const MAX_EXTRA_RATE: f64 = 0.5;

/// A validated campaign.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Campaign {
    /// The campaign's id (shown to leads, used in file names).
    pub id: String,
    /// Seed of every random choice of the plan.
    pub seed: u64,
    /// Path of the task file, relative to the campaign file.
    pub tasks: String,
    /// Path of the rubric, relative to the campaign file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rubric: Option<String>,
    /// The people, in file order; ids are unique.
    pub roster: Vec<RosterEntry>,
    /// How many raters each item gets.
    pub overlap: Overlap,
    /// Hidden gold mixed into every rater's queue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<GoldPolicy>,
    /// Items that come back later, for test–retest consistency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<RepeatPolicy>,
    /// Items every rater judges first, with a pass mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
    /// Only assign items a rater can read: the item field holding its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_language: Option<String>,
}

/// What a roster member does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Rates items: gets assignments.
    Rater,
    /// Quality lead or adjudicator: listed, never assigned.
    Lead,
}

/// One roster member.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RosterEntry {
    /// The annotator id judgments carry.
    pub annotator: String,
    /// Site or vendor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Languages the annotator reads; empty means no restriction.
    pub languages: Vec<String>,
    /// Rater or lead.
    pub role: Role,
    /// Most production items (task, gold and repeat) this annotator may get.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
}

/// Raters per item, on every item or on a sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overlap {
    /// Distinct raters each (sampled) item gets.
    pub raters_per_item: u32,
    /// When set, only this share of the items gets `raters_per_item` raters; the rest get one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraction: Option<f64>,
}

/// Whether a rater learns the gold answer after submitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// Gold stays hidden (the default).
    Never,
    /// The gold answer is shown after submit (training, calibration).
    AfterSubmit,
}

/// Hidden gold: items of the task file with a `gold` answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoldPolicy {
    /// Share of each rater's production queue that is gold.
    pub rate: f64,
    /// Feedback policy, carried to the rating app.
    pub feedback: Feedback,
}

/// Test–retest repeats.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RepeatPolicy {
    /// Share of each rater's production queue that is a repeat of an earlier task item.
    pub rate: f64,
    /// At least this many other items between an item and its repeat.
    pub min_gap: u32,
    /// Show the repeat with the outputs in reverse order.
    pub swap_order: bool,
}

/// The calibration set and its pass mark.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Calibration {
    /// Item ids (items of the task file with gold), judged first, in this order.
    pub items: Vec<String>,
    /// Share of calibration items answered as gold to pass.
    pub pass_accuracy: f64,
    /// Attempts allowed after a failed one.
    pub retakes: u32,
}

/// What is wrong with a campaign, at a field path such as `roster[2].annotator`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CampaignProblem {
    /// Field path; `-` for the whole file.
    pub field: String,
    /// The problem.
    pub kind: ProblemKind,
}

/// The kinds of campaign problems (the CLI and the app put them into words).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProblemKind {
    /// Not JSON at all.
    NotJson {
        /// serde_json's message.
        message: String,
    },
    /// A field this version does not know.
    UnknownField,
    /// A required field is absent.
    Missing,
    /// The value has the wrong JSON type.
    WrongType {
        /// What was expected (`string`, `object`, …).
        expected: &'static str,
        /// What was found.
        found: &'static str,
    },
    /// `schema` is not `verdict/campaign@1`.
    WrongSchema {
        /// The schema found.
        found: String,
    },
    /// A string that must not be blank is blank.
    Blank,
    /// An annotator id listed twice.
    DuplicateAnnotator {
        /// The id.
        annotator: String,
        /// Roster index of its first listing.
        first: u32,
    },
    /// A calibration item listed twice.
    DuplicateItem {
        /// The id.
        item_id: String,
    },
    /// A number outside its allowed range.
    OutOfRange {
        /// The value found.
        value: f64,
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// A role other than `rater` or `lead`.
    UnknownRole {
        /// The role found.
        role: String,
    },
    /// A feedback policy other than `never` or `after_submit`.
    UnknownFeedback {
        /// The value found.
        value: String,
    },
    /// The roster has no member with role `rater`.
    NoRaters,
    /// A limit was exceeded.
    TooMany {
        /// How many were given.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// `gold.rate + repeats.rate` is too large.
    RatesTooLarge {
        /// The sum.
        sum: f64,
    },
    /// A calibration item is not in the task file.
    UnknownItem {
        /// The id.
        item_id: String,
    },
    /// A calibration item has no gold answer to score it against.
    NoGold {
        /// The id.
        item_id: String,
    },
}

/// Parses and validates a campaign file's text. Every problem is reported, not just the first.
pub fn parse_campaign(text: &str) -> Result<Campaign, Vec<CampaignProblem>> {
    let value: Value = match serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(value) => value,
        Err(error) => return Err(vec![problem("-", ProblemKind::NotJson { message: error.to_string() })]),
    };
    let mut reader = Reader { problems: Vec::new() };
    let campaign = reader.campaign(&value);
    match campaign {
        Some(campaign) if reader.problems.is_empty() => Ok(campaign),
        _ => Err(reader.problems),
    }
}

/// Problems between a valid campaign and its task file: calibration items that are missing or
/// have no gold. (Coverage problems are not errors: the plan lists them as shortfalls.)
pub fn check_references(campaign: &Campaign, tasks: &[Task]) -> Vec<CampaignProblem> {
    let Some(calibration) = &campaign.calibration else { return Vec::new() };
    let by_id: BTreeMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut problems = Vec::new();
    for (index, item_id) in calibration.items.iter().enumerate() {
        let field = format!("calibration.items[{index}]");
        match by_id.get(item_id.as_str()) {
            None => problems.push(problem(&field, ProblemKind::UnknownItem { item_id: item_id.clone() })),
            Some(task) if task.gold.is_none() => problems.push(problem(&field, ProblemKind::NoGold { item_id: item_id.clone() })),
            Some(_) => {}
        }
    }
    problems
}

/// Resolves `path` (from a campaign field) against the folder of the campaign file at
/// `campaign_path`: absolute paths and URLs stay as they are; `/` separates folders.
///
/// ```
/// use verdict_core::plan::campaign::resolve_path;
/// assert_eq!(resolve_path("runs/w49/campaign.json", "tasks.jsonl"), "runs/w49/tasks.jsonl");
/// assert_eq!(resolve_path("campaign.json", "../t.jsonl"), "../t.jsonl");
/// assert_eq!(resolve_path("a/campaign.json", "/data/t.jsonl"), "/data/t.jsonl");
/// assert_eq!(resolve_path("a/c.json", "https://x.org/t.jsonl"), "https://x.org/t.jsonl");
/// ```
pub fn resolve_path(campaign_path: &str, path: &str) -> String {
    if path.starts_with('/') || path.contains("://") {
        return path.to_owned();
    }
    match campaign_path.rfind('/') {
        Some(slash) => format!("{}/{path}", &campaign_path[..slash]),
        None => path.to_owned(),
    }
}

fn problem(field: &str, kind: ProblemKind) -> CampaignProblem {
    CampaignProblem { field: field.to_owned(), kind }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Walks the JSON value, collecting problems with their field paths.
struct Reader {
    problems: Vec<CampaignProblem>,
}

impl Reader {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(problem(field, kind));
    }

    /// The object at `field`, reporting keys outside `known`.
    fn object<'v>(&mut self, field: &str, value: &'v Value, known: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(object) = value else {
            self.push(field, ProblemKind::WrongType { expected: "object", found: type_name(value) });
            return None;
        };
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            self.push(&join(field, key), ProblemKind::UnknownField);
        }
        Some(object)
    }

    fn string(&mut self, field: &str, value: Option<&Value>, required: bool) -> Option<String> {
        match value {
            None if required => {
                self.push(field, ProblemKind::Missing);
                None
            }
            None => None,
            Some(Value::String(text)) if text.trim().is_empty() => {
                self.push(field, ProblemKind::Blank);
                None
            }
            Some(Value::String(text)) => Some(text.clone()),
            Some(other) => {
                self.push(field, ProblemKind::WrongType { expected: "string", found: type_name(other) });
                None
            }
        }
    }

    fn number(&mut self, field: &str, value: Option<&Value>, min: f64, max: f64) -> Option<f64> {
        match value {
            None => {
                self.push(field, ProblemKind::Missing);
                None
            }
            Some(Value::Number(n)) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if x >= min && x <= max {
                    Some(x)
                } else {
                    self.push(field, ProblemKind::OutOfRange { value: x, min, max });
                    None
                }
            }
            Some(other) => {
                self.push(field, ProblemKind::WrongType { expected: "number", found: type_name(other) });
                None
            }
        }
    }

    /// A whole number in `min..=max` (a fractional value is out of range).
    fn count(&mut self, field: &str, value: Option<&Value>, min: u64, max: u64) -> Option<u64> {
        let x = self.number(field, value, min as f64, max as f64)?;
        if x.fract() != 0.0 {
            self.push(field, ProblemKind::WrongType { expected: "whole number", found: "number" });
            return None;
        }
        Some(x as u64)
    }

    fn campaign(&mut self, value: &Value) -> Option<Campaign> {
        const KNOWN: [&str; 11] =
            ["schema", "id", "seed", "tasks", "rubric", "roster", "overlap", "gold", "repeats", "calibration", "match"];
        let object = self.object("-", value, &KNOWN)?;
        match object.get("schema") {
            Some(Value::String(schema)) if schema == SCHEMA => {}
            Some(Value::String(schema)) => self.push("schema", ProblemKind::WrongSchema { found: schema.clone() }),
            other => {
                self.string("schema", other, true);
            }
        }
        let id = self.string("id", object.get("id"), true);
        let seed = match object.get("seed") {
            None => Some(0),
            Some(value) => match value.as_u64() {
                Some(seed) => Some(seed),
                None => {
                    self.count("seed", Some(value), 0, 1 << 53);
                    None
                }
            },
        };
        let tasks = self.string("tasks", object.get("tasks"), true);
        let rubric = self.string("rubric", object.get("rubric"), false);
        let roster = match object.get("roster") {
            None => {
                self.push("roster", ProblemKind::Missing);
                None
            }
            Some(value) => self.roster(value),
        };
        let overlap = match object.get("overlap") {
            None => Some(Overlap { raters_per_item: 1, fraction: None }),
            Some(value) => self.overlap(value),
        };
        let gold = object.get("gold").map(|value| self.gold(value));
        let repeats = object.get("repeats").map(|value| self.repeats(value));
        let calibration = object.get("calibration").map(|value| self.calibration(value));
        let match_language = match object.get("match") {
            None => Some(None),
            Some(value) => self.object("match", value, &["language"]).map(|m| self.string("match.language", m.get("language"), false)),
        };
        let raw_rate = |section: &str| object.get(section).and_then(|s| s.get("rate")).and_then(Value::as_f64).unwrap_or(0.0);
        let extra_rate = raw_rate("gold") + raw_rate("repeats");
        if extra_rate > MAX_EXTRA_RATE {
            self.push("repeats.rate", ProblemKind::RatesTooLarge { sum: extra_rate });
        }
        Some(Campaign {
            id: id?,
            seed: seed?,
            tasks: tasks?,
            rubric,
            roster: roster?,
            overlap: overlap?,
            // A section present but invalid left a problem, so the caller discards this value.
            gold: gold.flatten(),
            repeats: repeats.flatten(),
            calibration: calibration.flatten(),
            match_language: match_language?,
        })
    }

    fn roster(&mut self, value: &Value) -> Option<Vec<RosterEntry>> {
        let Value::Array(entries) = value else {
            self.push("roster", ProblemKind::WrongType { expected: "array", found: type_name(value) });
            return None;
        };
        if entries.len() > MAX_ROSTER {
            self.push("roster", ProblemKind::TooMany { found: entries.len() as u64, limit: MAX_ROSTER as u64 });
            return None;
        }
        let mut first_index: BTreeMap<String, u32> = BTreeMap::new();
        let mut roster = Vec::with_capacity(entries.len());
        let before = self.problems.len();
        for (index, entry) in entries.iter().enumerate() {
            let field = format!("roster[{index}]");
            let Some(object) = self.object(&field, entry, &["annotator", "group", "languages", "role", "quota"]) else { continue };
            let annotator = self.string(&format!("{field}.annotator"), object.get("annotator"), true);
            if let Some(annotator) = &annotator {
                if let Some(&first) = first_index.get(annotator) {
                    self.push(&format!("{field}.annotator"), ProblemKind::DuplicateAnnotator { annotator: annotator.clone(), first });
                } else {
                    first_index.insert(annotator.clone(), index as u32);
                }
            }
            let group = self.string(&format!("{field}.group"), object.get("group"), false);
            let languages = self.strings(&format!("{field}.languages"), object.get("languages"));
            let role = match object.get("role") {
                None => Some(Role::Rater),
                Some(Value::String(role)) if role == "rater" => Some(Role::Rater),
                Some(Value::String(role)) if role == "lead" => Some(Role::Lead),
                Some(Value::String(role)) => {
                    self.push(&format!("{field}.role"), ProblemKind::UnknownRole { role: role.clone() });
                    None
                }
                other => self.string(&format!("{field}.role"), other, false).and(None),
            };
            let quota = match object.get("quota") {
                None => Some(None),
                some => self.count(&format!("{field}.quota"), some, 0, u64::from(u32::MAX)).map(|q| Some(q as u32)),
            };
            if let (Some(annotator), Some(languages), Some(role), Some(quota)) = (annotator, languages, role, quota) {
                roster.push(RosterEntry { annotator, group, languages, role, quota });
            }
        }
        if self.problems.len() == before && !roster.iter().any(|r| r.role == Role::Rater) {
            self.push("roster", ProblemKind::NoRaters);
        }
        Some(roster)
    }

    fn strings(&mut self, field: &str, value: Option<&Value>) -> Option<Vec<String>> {
        match value {
            None => Some(Vec::new()),
            Some(Value::Array(items)) => {
                let before = self.problems.len();
                let strings: Vec<String> =
                    items.iter().enumerate().filter_map(|(i, item)| self.string(&format!("{field}[{i}]"), Some(item), true)).collect();
                (self.problems.len() == before).then_some(strings)
            }
            Some(other) => {
                self.push(field, ProblemKind::WrongType { expected: "array", found: type_name(other) });
                None
            }
        }
    }

    fn overlap(&mut self, value: &Value) -> Option<Overlap> {
        let object = self.object("overlap", value, &["raters_per_item", "fraction"])?;
        let raters_per_item = self.count("overlap.raters_per_item", object.get("raters_per_item"), 1, u64::from(MAX_RATERS_PER_ITEM));
        let fraction = match object.get("fraction") {
            None => Some(None),
            some => self.number("overlap.fraction", some, 0.0, 1.0).map(Some),
        };
        Some(Overlap { raters_per_item: raters_per_item? as u32, fraction: fraction? })
    }

    fn gold(&mut self, value: &Value) -> Option<GoldPolicy> {
        let object = self.object("gold", value, &["rate", "feedback"])?;
        let rate = self.number("gold.rate", object.get("rate"), 0.0, MAX_EXTRA_RATE);
        let feedback = match object.get("feedback") {
            None => Some(Feedback::Never),
            Some(Value::String(f)) if f == "never" => Some(Feedback::Never),
            Some(Value::String(f)) if f == "after_submit" => Some(Feedback::AfterSubmit),
            Some(Value::String(f)) => {
                self.push("gold.feedback", ProblemKind::UnknownFeedback { value: f.clone() });
                None
            }
            other => self.string("gold.feedback", other, false).and(None),
        };
        Some(GoldPolicy { rate: rate?, feedback: feedback? })
    }

    fn repeats(&mut self, value: &Value) -> Option<RepeatPolicy> {
        let object = self.object("repeats", value, &["rate", "min_gap", "swap_order"])?;
        let rate = self.number("repeats.rate", object.get("rate"), 0.0, MAX_EXTRA_RATE);
        let min_gap = match object.get("min_gap") {
            None => Some(0),
            some => self.count("repeats.min_gap", some, 0, u64::from(u32::MAX)),
        };
        let swap_order = match object.get("swap_order") {
            None => Some(true),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.push("repeats.swap_order", ProblemKind::WrongType { expected: "boolean", found: type_name(other) });
                None
            }
        };
        Some(RepeatPolicy { rate: rate?, min_gap: min_gap? as u32, swap_order: swap_order? })
    }

    fn calibration(&mut self, value: &Value) -> Option<Calibration> {
        let object = self.object("calibration", value, &["items", "pass", "retakes"])?;
        let items = match object.get("items") {
            None => {
                self.push("calibration.items", ProblemKind::Missing);
                None
            }
            some => self.strings("calibration.items", some),
        };
        if let Some(items) = &items {
            if items.len() > MAX_CALIBRATION_ITEMS {
                self.push("calibration.items", ProblemKind::TooMany { found: items.len() as u64, limit: MAX_CALIBRATION_ITEMS as u64 });
            }
            let mut seen = std::collections::BTreeSet::new();
            for (index, item) in items.iter().enumerate() {
                if !seen.insert(item) {
                    self.push(&format!("calibration.items[{index}]"), ProblemKind::DuplicateItem { item_id: item.clone() });
                }
            }
        }
        let pass_accuracy = match object.get("pass") {
            None => Some(1.0),
            Some(value) => self.object("calibration.pass", value, &["accuracy"]).and_then(|pass| match pass.get("accuracy") {
                None => Some(1.0),
                some => self.number("calibration.pass.accuracy", some, 0.0, 1.0),
            }),
        };
        let retakes = match object.get("retakes") {
            None => Some(0),
            some => self.count("calibration.retakes", some, 0, u64::from(MAX_RETAKES)),
        };
        Some(Calibration { items: items?, pass_accuracy: pass_accuracy?, retakes: retakes? as u32 })
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent == "-" {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests;
