//! Selections: which judgments an analysis uses (`--items REGEX`, `--where FIELD=VALUE`,
//! `--raters SEL`), shared by every command and by the fast line readers.
//!
//! A selection filters the judgments the identity rule kept ([`super::identity`]): the rule
//! sees every line first, then the selection is applied to each winner. So a judgment outside
//! the selection still replaces an earlier one of the same `(item_id, annotator)` inside it —
//! the selection never brings a replaced judgment back. The input summary describes the whole
//! input; commands add the number of selected judgments next to it (`"selected"`).
//!
//! - `items`: a regular expression (`regex-lite` syntax) searched anywhere in `item_id`
//!   (anchor it with `^…$` for a whole-id match).
//! - `where`: `FIELD=VALUE`, all of them must hold. FIELD is `item_id`, `annotator`, `group`,
//!   a known text field (`started_at`, `submitted_at`, `task_sha256`, `rubric_sha256`,
//!   `app_version`), or a path into the judgment's extra fields: `kind`, `meta.language`,
//!   `campaign`, … A JSON string matches its text, a number or boolean its JSON text (numbers
//!   also by value: `2` matches `2.0`), an array when one element matches; absent never matches.
//! - `raters`: any of them may hold (see [`RaterSelector`]); none given means every rater.

use regex_lite::Regex;
use serde_json::Value;
use thiserror::Error;

use crate::judgment::Judgment;

/// A selector string that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SelectError {
    /// `--items` is not a valid regular expression.
    #[error("--items \"{pattern}\": not a valid regular expression: {reason}")]
    BadRegex {
        /// The pattern as given.
        pattern: String,
        /// What the regex parser said.
        reason: String,
    },
    /// `--where` without `=` or with an empty field name.
    #[error("--where \"{selector}\": expected FIELD=VALUE")]
    BadWhere {
        /// The selector as given.
        selector: String,
    },
    /// `--where` on a field that has no single text value (`scores`, `preference`, …).
    #[error(
        "--where \"{selector}\": field \"{field}\" cannot be selected on; use item_id, annotator, group, kind, meta.X or an extra field"
    )]
    UnsupportedField {
        /// The selector as given.
        selector: String,
        /// The field named.
        field: String,
    },
    /// An empty rater selector, or `group:` without a name.
    #[error("rater selector \"{selector}\": expected an annotator id, a glob (judge:*), group:NAME, humans or judges")]
    BadRater {
        /// The selector as given.
        selector: String,
    },
}

/// One rater selector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RaterSelector {
    /// An annotator id, exactly.
    Exact(String),
    /// A glob over annotator ids: `*` any run of characters, `?` one character.
    Glob(String),
    /// Annotators whose judgment names this `group`.
    Group(String),
    /// Humans: every annotator that is not an LLM judge ([`Judgment::is_llm_judge`]).
    Humans,
    /// LLM judges: `judge:` prefix or `kind: "judge"` ([`Judgment::is_llm_judge`]).
    Judges,
}

impl RaterSelector {
    /// Reads one selector: `humans`, `judges`, `group:NAME`, a glob (has `*` or `?`) or an id.
    pub fn parse(selector: &str) -> Result<RaterSelector, SelectError> {
        let bad = || SelectError::BadRater { selector: selector.to_owned() };
        Ok(match selector {
            "" => return Err(bad()),
            "humans" => RaterSelector::Humans,
            "judges" => RaterSelector::Judges,
            _ => match selector.strip_prefix("group:") {
                Some("") => return Err(bad()),
                Some(group) => RaterSelector::Group(group.to_owned()),
                None if selector.contains(['*', '?']) => RaterSelector::Glob(selector.to_owned()),
                None => RaterSelector::Exact(selector.to_owned()),
            },
        })
    }

    fn matches(&self, rater: &Rater<'_>) -> bool {
        match self {
            RaterSelector::Exact(id) => rater.annotator == id,
            RaterSelector::Glob(pattern) => glob_matches(pattern.as_bytes(), rater.annotator.as_bytes()),
            RaterSelector::Group(group) => rater.group == Some(group.as_str()),
            RaterSelector::Humans => !rater.is_llm_judge,
            RaterSelector::Judges => rater.is_llm_judge,
        }
    }
}

/// A set of raters: the union of its selectors (empty: nobody, see [`RaterSet::is_empty`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RaterSet {
    selectors: Vec<RaterSelector>,
}

impl RaterSet {
    /// The union of `selectors` (each read by [`RaterSelector::parse`]).
    pub fn parse<S: AsRef<str>>(selectors: &[S]) -> Result<RaterSet, SelectError> {
        Ok(RaterSet { selectors: selectors.iter().map(|s| RaterSelector::parse(s.as_ref())).collect::<Result<_, _>>()? })
    }

    /// True when no selector was given.
    pub fn is_empty(&self) -> bool {
        self.selectors.is_empty()
    }

    /// The selectors, in the order given.
    pub fn selectors(&self) -> &[RaterSelector] {
        &self.selectors
    }

    /// True when the annotator of `judgment` is in the set.
    pub fn contains(&self, judgment: &Judgment) -> bool {
        self.contains_rater(&Rater::of(judgment))
    }

    fn contains_rater(&self, rater: &Rater<'_>) -> bool {
        self.selectors.iter().any(|s| s.matches(rater))
    }
}

/// What rater selectors look at.
struct Rater<'a> {
    annotator: &'a str,
    group: Option<&'a str>,
    is_llm_judge: bool,
}

impl<'a> Rater<'a> {
    fn of(judgment: &'a Judgment) -> Rater<'a> {
        Rater { annotator: &judgment.annotator, group: judgment.group.as_deref(), is_llm_judge: judgment.is_llm_judge() }
    }
}

/// Which field a `--where` clause reads.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Field {
    ItemId,
    Annotator,
    Group,
    StartedAt,
    SubmittedAt,
    TaskSha256,
    RubricSha256,
    AppVersion,
    /// A path into the extra (unknown) fields: `["meta", "language"]`, `["kind"]`.
    Extra(Vec<String>),
}

/// Known judgment fields that hold no single text value.
const UNSELECTABLE: [&str; 9] = ["schema", "shown", "preference", "ranking", "scores", "flags", "duration_ms", "chain", ""];

/// One `FIELD=VALUE` clause.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Where {
    field: Field,
    value: String,
}

impl Where {
    fn parse(selector: &str) -> Result<Where, SelectError> {
        let Some((name, value)) = selector.split_once('=') else {
            return Err(SelectError::BadWhere { selector: selector.to_owned() });
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(SelectError::BadWhere { selector: selector.to_owned() });
        }
        let field = match name {
            "item_id" => Field::ItemId,
            "annotator" => Field::Annotator,
            "group" => Field::Group,
            "started_at" => Field::StartedAt,
            "submitted_at" => Field::SubmittedAt,
            "task_sha256" => Field::TaskSha256,
            "rubric_sha256" => Field::RubricSha256,
            "app_version" => Field::AppVersion,
            _ => {
                let path: Vec<String> = name.split('.').map(str::to_owned).collect();
                if path.iter().any(String::is_empty) || UNSELECTABLE.contains(&path[0].as_str()) {
                    return Err(SelectError::UnsupportedField { selector: selector.to_owned(), field: name.to_owned() });
                }
                Field::Extra(path)
            }
        };
        Ok(Where { field, value: value.to_owned() })
    }

    /// The top-level key this clause reads when the fast readers cannot see it.
    fn hidden_key(&self) -> Option<&str> {
        match &self.field {
            Field::ItemId | Field::Annotator | Field::Group => None,
            Field::StartedAt => Some("started_at"),
            Field::SubmittedAt => Some("submitted_at"),
            Field::TaskSha256 => Some("task_sha256"),
            Field::RubricSha256 => Some("rubric_sha256"),
            Field::AppVersion => Some("app_version"),
            Field::Extra(path) => Some(&path[0]),
        }
    }

    fn holds(&self, fields: &Fields<'_>) -> bool {
        let text = |value: Option<&str>| value == Some(self.value.as_str());
        let judgment = fields.judgment;
        match &self.field {
            Field::ItemId => text(Some(fields.item_id)),
            Field::Annotator => text(Some(fields.annotator)),
            Field::Group => text(fields.group),
            Field::StartedAt => text(judgment.and_then(|j| j.started_at.as_deref())),
            Field::SubmittedAt => text(judgment.and_then(|j| j.submitted_at.as_deref())),
            Field::TaskSha256 => text(judgment.and_then(|j| j.task_sha256.as_deref())),
            Field::RubricSha256 => text(judgment.and_then(|j| j.rubric_sha256.as_deref())),
            Field::AppVersion => text(judgment.and_then(|j| j.app_version.as_deref())),
            Field::Extra(path) => {
                let Some(judgment) = judgment else { return false };
                let mut value = judgment.extra.get(&path[0]);
                for key in &path[1..] {
                    value = value.and_then(|v| v.get(key));
                }
                value.is_some_and(|v| value_matches(v, &self.value))
            }
        }
    }
}

/// A JSON value against a `--where` value: strings by text, numbers by text or value,
/// booleans and null by their JSON text, arrays when one element matches.
fn value_matches(value: &Value, wanted: &str) -> bool {
    match value {
        Value::String(s) => s == wanted,
        Value::Number(n) => n.to_string() == wanted || wanted.parse::<f64>().ok().zip(n.as_f64()).is_some_and(|(w, v)| w == v),
        Value::Bool(b) => wanted == if *b { "true" } else { "false" },
        Value::Null => wanted == "null",
        Value::Array(values) => values.iter().any(|v| !v.is_array() && value_matches(v, wanted)),
        Value::Object(_) => false,
    }
}

/// The fields of one judgment a selection reads: from a parsed judgment, or only `item_id`,
/// `annotator` and `group` from a fast reader (then every other field counts as absent).
struct Fields<'a> {
    item_id: &'a str,
    annotator: &'a str,
    group: Option<&'a str>,
    judgment: Option<&'a Judgment>,
}

/// Which judgments an analysis uses. See the module documentation for the rules.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    items: Option<Regex>,
    wheres: Vec<Where>,
    raters: RaterSet,
    /// `"key"` for each top-level key the fast readers do not extract but a clause reads.
    hidden_keys: Vec<String>,
}

impl Selection {
    /// Reads `--items` (a regular expression or none), `--where` clauses (all must hold) and
    /// `--raters` selectors (any may hold; none: every rater). Errors name the bad selector.
    pub fn parse<W: AsRef<str>, R: AsRef<str>>(items: Option<&str>, wheres: &[W], raters: &[R]) -> Result<Selection, SelectError> {
        let items = items
            .map(|pattern| Regex::new(pattern).map_err(|e| SelectError::BadRegex { pattern: pattern.to_owned(), reason: e.to_string() }))
            .transpose()?;
        let wheres: Vec<Where> = wheres.iter().map(|w| Where::parse(w.as_ref())).collect::<Result<_, _>>()?;
        let mut selection = Selection { items, wheres, raters: RaterSet::default(), hidden_keys: Vec::new() };
        selection.set_raters(RaterSet::parse(raters)?);
        Ok(selection)
    }

    /// Replaces the rater selectors (e.g. a command's default, `humans`).
    pub fn set_raters(&mut self, raters: RaterSet) {
        self.raters = raters;
        let mut keys: Vec<&str> = self.wheres.iter().filter_map(Where::hidden_key).collect();
        // `kind: "judge"` makes an LLM judge (`Judgment::is_llm_judge`).
        if self.raters.selectors.iter().any(|s| matches!(s, RaterSelector::Humans | RaterSelector::Judges)) {
            keys.push("kind");
        }
        keys.sort_unstable();
        keys.dedup();
        self.hidden_keys = keys.into_iter().map(|k| format!("\"{k}\"")).collect();
    }

    /// The rater selectors in force.
    pub fn raters(&self) -> &RaterSet {
        &self.raters
    }

    /// True when the selection keeps every judgment.
    pub fn is_everything(&self) -> bool {
        self.items.is_none() && self.wheres.is_empty() && self.raters.is_empty()
    }

    /// True when `judgment` is selected.
    pub fn matches(&self, judgment: &Judgment) -> bool {
        let fields = Fields {
            item_id: &judgment.item_id,
            annotator: &judgment.annotator,
            group: judgment.group.as_deref(),
            judgment: Some(judgment),
        };
        self.matches_fields(&fields, judgment.is_llm_judge())
    }

    /// True when a judgment with these fields and no other selectable field is selected: what
    /// the fast readers use on a line for which [`Selection::needs_full_judgment`] is false.
    pub fn matches_lean(&self, item_id: &str, annotator: &str, group: Option<&str>) -> bool {
        let fields = Fields { item_id, annotator, group, judgment: None };
        // The rule of `Judgment::is_llm_judge` without a `kind` field.
        self.matches_fields(&fields, annotator.starts_with("judge:"))
    }

    /// True when `line` may hold a field the selection reads beyond `item_id`, `annotator` and
    /// `group`: the fast readers then parse it in full. Exact for lines the fast scanner
    /// accepts, whose keys are written without escapes; a false alarm only costs time.
    pub fn needs_full_judgment(&self, line: &str) -> bool {
        self.hidden_keys.iter().any(|key| line.contains(key.as_str()))
    }

    fn matches_fields(&self, fields: &Fields<'_>, is_llm_judge: bool) -> bool {
        if let Some(items) = &self.items {
            if !items.is_match(fields.item_id) {
                return false;
            }
        }
        if !self.wheres.iter().all(|w| w.holds(fields)) {
            return false;
        }
        self.raters.is_empty() || self.raters.contains_rater(&Rater { annotator: fields.annotator, group: fields.group, is_llm_judge })
    }
}

/// `*` matches any run of bytes, `?` one character (UTF-8 aware), anything else itself.
fn glob_matches(pattern: &[u8], text: &[u8]) -> bool {
    // Iterative matching with one backtrack point (the last `*`): linear in practice.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    let char_len = |t: usize| text[t..].iter().skip(1).take_while(|&&b| (b & 0xC0) == 0x80).count() + 1;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(b'?') => {
                p += 1;
                t += char_len(t);
            }
            Some(&b) if b == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    let next = star_t + char_len(star_t);
                    star = Some((star_p, next));
                    p = star_p + 1;
                    t = next;
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&b| b == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::judgment_from_line;

    fn judgment(line: &str) -> Judgment {
        judgment_from_line(line).expect("a valid test line")
    }

    const HUMAN: &str = r#"{"schema":"verdict/judgment@1","item_id":"mtbench-81:t1:a|b","annotator":"expert_7","group":"human_expert","preference":{"winner":"a"},"meta":{"language":"id","turn":2},"campaign":"c1"}"#;
    const JUDGE: &str = r#"{"schema":"verdict/judgment@1","item_id":"mtbench-81:t2:a|b","annotator":"judge:gpt-4","group":"llm_judge","preference":{"winner":"tie"}}"#;
    const KIND_JUDGE: &str =
        r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"auto-7","kind":"judge","preference":{"winner":"tie"}}"#;

    fn select(items: Option<&str>, wheres: &[&str], raters: &[&str]) -> Selection {
        Selection::parse(items, wheres, raters).expect("valid selectors")
    }

    #[test]
    fn each_selector_kind_selects_what_it_names() {
        let (human, judge, kind_judge) = (judgment(HUMAN), judgment(JUDGE), judgment(KIND_JUDGE));
        let cases: [(Selection, [bool; 3]); 13] = [
            (select(None, &[], &[]), [true, true, true]),
            (select(Some(":t1:"), &[], &[]), [true, false, false]),
            (select(Some("^q"), &[], &[]), [false, false, true]),
            (select(None, &["group=human_expert"], &[]), [true, false, false]),
            (select(None, &["kind=judge"], &[]), [false, false, true]),
            (select(None, &["meta.language=id"], &[]), [true, false, false]),
            (select(None, &["meta.turn=2.0"], &[]), [true, false, false]),
            (select(None, &["campaign=c1", "group=human_expert"], &[]), [true, false, false]),
            (select(None, &["campaign=c1", "group=llm_judge"], &[]), [false, false, false]),
            (select(None, &[], &["humans"]), [true, false, false]),
            (select(None, &[], &["judges"]), [false, true, true]),
            (select(None, &[], &["judge:*", "group:human_expert"]), [true, true, false]),
            (select(None, &[], &["expert_?", "auto-7"]), [true, false, true]),
        ];
        for (index, (selection, expected)) in cases.iter().enumerate() {
            let got = [selection.matches(&human), selection.matches(&judge), selection.matches(&kind_judge)];
            assert_eq!(&got, expected, "case {index}: {selection:?}");
        }
    }

    #[test]
    fn the_lean_path_agrees_with_the_full_one_when_no_hidden_field_is_present() {
        let selection = select(Some("t1"), &["group=human_expert"], &["humans"]);
        for line in [HUMAN, JUDGE, KIND_JUDGE] {
            let j = judgment(line);
            if !selection.needs_full_judgment(line) {
                assert_eq!(selection.matches_lean(&j.item_id, &j.annotator, j.group.as_deref()), selection.matches(&j), "{line}");
            }
        }
        assert!(selection.needs_full_judgment(KIND_JUDGE), "a kind field is hidden from the fast readers");
        assert!(!selection.needs_full_judgment(JUDGE));
        assert!(!select(Some("t1"), &["group=x"], &["expert_*"]).needs_full_judgment(KIND_JUDGE), "nothing hidden is read");
    }

    #[test]
    fn bad_selectors_are_typed_errors_naming_them() {
        assert!(
            matches!(Selection::parse(Some("t1("), &[] as &[&str], &[] as &[&str]), Err(SelectError::BadRegex { pattern, .. }) if pattern == "t1(")
        );
        assert_eq!(Selection::parse(None, &["group"], &[] as &[&str]).unwrap_err(), SelectError::BadWhere { selector: "group".into() });
        assert_eq!(
            Selection::parse(None, &["scores.x=1"], &[] as &[&str]).unwrap_err(),
            SelectError::UnsupportedField { selector: "scores.x=1".into(), field: "scores.x".into() }
        );
        assert_eq!(Selection::parse(None, &[] as &[&str], &["group:"]).unwrap_err(), SelectError::BadRater { selector: "group:".into() });
        assert!(SelectError::BadWhere { selector: "group".into() }.to_string().contains("\"group\""));
    }

    #[test]
    fn globs_match_like_a_shell() {
        let cases = [
            ("judge:*", "judge:gpt-4", true),
            ("judge:*", "judge:", true),
            ("judge:*", "expert_1", false),
            ("*_1", "expert_1", true),
            ("e*t_?", "expert_7", true),
            ("e*t_?", "expert_17", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("?", "é", true),
            ("**", "", true),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(glob_matches(pattern.as_bytes(), text.as_bytes()), expected, "{pattern} vs {text}");
        }
    }
}
