//! Writing judgments out: chained JSONL (tamper evidence), preference pairs for DPO training,
//! CSV (one row per judgment and criterion) and Chatbot Arena battles.
//!
//! Every exporter works one judgment at a time, so callers can stream; texts come from the
//! task file, looked up by item id. The exact bytes of each format are in `docs/FORMATS.md`.

use serde_json::{json, Map, Value};

use crate::digest::sha256_hex;
use crate::judgment::{Judgment, BOTH_BAD, TIE};
use crate::problem::{Detail, Problem};
use crate::task::Task;

/// The chain value of a line: lower-case hex SHA-256 of the UTF-8 bytes of `previous` (the
/// previous line's `chain`, or `""` for the first line) followed by `canonical_json` (the line
/// without its `chain`, as [`Judgment::canonical_json`] writes it).
pub fn chain_hash(previous: &str, canonical_json: &str) -> String {
    let mut bytes = Vec::with_capacity(previous.len() + canonical_json.len());
    bytes.extend_from_slice(previous.as_bytes());
    bytes.extend_from_slice(canonical_json.as_bytes());
    sha256_hex(&bytes)
}

/// Writes judgments as chained JSONL lines, one at a time.
#[derive(Clone, Debug, Default)]
pub struct ChainWriter {
    previous: String,
}

impl ChainWriter {
    /// A writer whose first line chains from the empty string.
    pub fn new() -> Self {
        ChainWriter::default()
    }

    /// The line for `judgment` (no newline): its canonical JSON with `chain` appended last.
    /// Any `chain` the judgment already had is replaced.
    pub fn line(&mut self, judgment: &Judgment) -> String {
        let canonical = judgment.canonical_json();
        let chain = chain_hash(&self.previous, &canonical);
        // The canonical JSON is an object, so it ends in `}`: insert the last member before it.
        let mut line = canonical;
        let closing = line.pop();
        debug_assert_eq!(closing, Some('}'), "a judgment serializes as a JSON object");
        line.push_str(",\"chain\":\"");
        line.push_str(&chain);
        line.push_str("\"}");
        self.previous = chain;
        line
    }

    /// The chain value of the last line written (`""` before the first): record it out of band
    /// to detect lines cut from the end of the file.
    pub fn head(&self) -> &str {
        &self.previous
    }
}

/// Judgments as chained JSONL (each line ends in `\n`), for the app's download.
pub fn judgments_jsonl_chained<'a>(judgments: impl IntoIterator<Item = &'a Judgment>) -> String {
    let mut writer = ChainWriter::new();
    let mut out = String::new();
    for judgment in judgments {
        out.push_str(&writer.line(judgment));
        out.push('\n');
    }
    out
}

/// Verifies the chain of a judgments file line by line. A file whose first judgment has no
/// `chain` is unchained and only checked for stray `chain` fields.
#[derive(Clone, Debug)]
pub struct ChainVerifier {
    file: String,
    previous: String,
    chained: Option<bool>,
}

impl ChainVerifier {
    /// Starts verifying the file named `file`.
    pub fn new(file: &str) -> Self {
        ChainVerifier { file: file.to_owned(), previous: String::new(), chained: None }
    }

    /// Whether the file is chained (known after its first judgment).
    pub fn is_chained(&self) -> bool {
        self.chained == Some(true)
    }

    /// The last chain value seen: compare it with the value recorded at export.
    pub fn head(&self) -> &str {
        &self.previous
    }

    /// Checks the judgment read from line `line_no`; returns the problem when the chain breaks.
    /// After a break the chain resumes from this line's value, so each break is named once.
    pub fn check(&mut self, line_no: u64, judgment: &Judgment) -> Option<Problem> {
        let chained = *self.chained.get_or_insert(judgment.chain.is_some());
        match (&judgment.chain, chained) {
            (None, false) => None,
            (Some(_), false) => Some(Problem::error(&self.file, line_no, "chain", Detail::ChainUnexpected)),
            (None, true) => Some(Problem::error(&self.file, line_no, "chain", Detail::ChainMissing)),
            (Some(chain), true) => {
                let expected = chain_hash(&self.previous, &judgment.canonical_json());
                let previous = std::mem::replace(&mut self.previous, chain.clone());
                (*chain != expected).then(|| {
                    Problem::error(&self.file, line_no, "chain", Detail::ChainMismatch { expected, from_first: previous.is_empty() })
                })
            }
        }
    }

    /// Notes a line that did not load as a judgment: if it still carries a `chain` string, the
    /// chain resumes from it, so the next line is not blamed for this one.
    pub fn skip(&mut self, value: Option<&Value>) {
        if let Some(chain) = value.and_then(|v| v.get("chain")).and_then(Value::as_str) {
            self.chained.get_or_insert(true);
            self.previous = chain.to_owned();
        }
    }
}

/// Verifies the chain of a judgments JSONL text (for the app): the problems, in line order.
pub fn verify_chain(file: &str, text: &str) -> Vec<Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut verifier = ChainVerifier::new(file);
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match crate::judgment::judgment_from_line(line) {
            Ok(judgment) => problems.extend(verifier.check(index as u64 + 1, &judgment)),
            Err(_) => verifier.skip(serde_json::from_str::<Value>(line).ok().as_ref()),
        }
    }
    problems
}

/// Why a judgment gave no preference pair or Arena battle; exporters count these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skip {
    /// The winner is `tie`.
    Tie,
    /// The winner is `both_bad`.
    BothBad,
    /// The judgment has no preference.
    NoPreference,
    /// The item is not in the task file.
    UnknownItem,
    /// The judgment does not name exactly two models, or its winner is not one of them.
    NotPairwise,
}

impl Skip {
    /// Plain words for the count printed by the CLI.
    pub fn describe(self) -> &'static str {
        match self {
            Skip::Tie => "ties",
            Skip::BothBad => "both bad",
            Skip::NoPreference => "no preference",
            Skip::UnknownItem => "item not in the task file",
            Skip::NotPairwise => "not a two-model comparison",
        }
    }
}

/// The two models compared, in display order: `shown` when it has two, else the item's two outputs.
fn pair_of<'a>(judgment: &'a Judgment, task: Option<&'a Task>) -> Option<[&'a str; 2]> {
    if let Some([left, right]) = judgment.shown.as_deref() {
        return Some([left.as_str(), right.as_str()]);
    }
    match task.map(|t| t.outputs.as_slice()) {
        Some([left, right]) => Some([left.model.as_str(), right.model.as_str()]),
        _ => None,
    }
}

/// The winner, or why there is no strict winner to export.
fn strict_winner(judgment: &Judgment) -> Result<&str, Skip> {
    match judgment.preference.as_ref().map(|p| p.winner.as_str()) {
        None => Err(Skip::NoPreference),
        Some(TIE) => Err(Skip::Tie),
        Some(BOTH_BAD) => Err(Skip::BothBad),
        Some(winner) => Ok(winner),
    }
}

/// The prompt as DPO trainers take it: a string, or a message list when the item is a conversation.
fn dpo_prompt(task: &Task) -> Value {
    match &task.conversation {
        None => Value::String(task.prompt.clone().unwrap_or_default()),
        Some(turns) => {
            let mut messages: Vec<Value> = task.prompt.iter().map(|p| json!({"role": "user", "content": p})).collect();
            messages.extend(turns.iter().map(|t| json!({"role": t.role, "content": t.content})));
            Value::Array(messages)
        }
    }
}

/// A message's content as JSON: a string (task@1) or its list of parts (task@2).
fn content_value(content: &crate::content::Content) -> Value {
    serde_json::to_value(content).expect("content always serializes: its keys are strings")
}

/// One preference pair (`{"prompt", "chosen", "rejected"}`) from a pairwise judgment with a
/// strict winner. Conversational items give message lists, as TRL's conversational format.
/// `task` is the judged item (`None`: not in the task file).
pub fn preference_pair(judgment: &Judgment, task: Option<&Task>) -> Result<Value, Skip> {
    let winner = strict_winner(judgment)?;
    let task = task.ok_or(Skip::UnknownItem)?;
    let [left, right] = pair_of(judgment, Some(task)).ok_or(Skip::NotPairwise)?;
    let loser = if winner == left {
        right
    } else if winner == right {
        left
    } else {
        return Err(Skip::NotPairwise);
    };
    let (chosen, rejected) = match (task.output(winner), task.output(loser)) {
        (Some(chosen), Some(rejected)) => (content_value(&chosen.content), content_value(&rejected.content)),
        _ => return Err(Skip::NotPairwise),
    };
    let prompt = dpo_prompt(task);
    let answer = |content: Value| {
        if prompt.is_array() || !content.is_string() {
            json!([{"role": "assistant", "content": content}])
        } else {
            content
        }
    };
    let mut pair = Map::new();
    pair.insert("prompt".into(), prompt.clone());
    pair.insert("chosen".into(), answer(chosen));
    pair.insert("rejected".into(), answer(rejected));
    Ok(Value::Object(pair))
}

/// One Chatbot Arena battle row from a pairwise judgment: `question_id` (the item id),
/// `model_a`/`model_b` (display order), `winner`, `judge` (the annotator), `tstamp` (from
/// `submitted_at`), and `conversation_a`/`conversation_b` when the item is known.
pub fn arena_battle(judgment: &Judgment, task: Option<&Task>) -> Result<Value, Skip> {
    let winner = match judgment.preference.as_ref().map(|p| p.winner.as_str()) {
        None => return Err(Skip::NoPreference),
        Some(winner) => winner,
    };
    let [model_a, model_b] = pair_of(judgment, task).ok_or(Skip::NotPairwise)?;
    let arena_winner = match winner {
        TIE => "tie",
        BOTH_BAD => "tie (bothbad)",
        w if w == model_a => "model_a",
        w if w == model_b => "model_b",
        _ => return Err(Skip::NotPairwise),
    };
    let mut row = Map::new();
    row.insert("question_id".into(), Value::String(judgment.item_id.clone()));
    row.insert("model_a".into(), Value::String(model_a.to_owned()));
    row.insert("model_b".into(), Value::String(model_b.to_owned()));
    row.insert("winner".into(), Value::String(arena_winner.to_owned()));
    row.insert("judge".into(), Value::String(judgment.annotator.clone()));
    if let Some(task) = task {
        for (key, model) in [("conversation_a", model_a), ("conversation_b", model_b)] {
            let Some(output) = task.output(model) else { return Err(Skip::NotPairwise) };
            let mut messages: Vec<Value> = task.prompt.iter().map(|p| json!({"role": "user", "content": p})).collect();
            messages.extend(task.conversation.iter().flatten().map(|t| json!({"role": t.role, "content": t.content})));
            messages.push(json!({"role": "assistant", "content": output.content}));
            row.insert(key.into(), Value::Array(messages));
        }
    }
    if let Some(seconds) = judgment.submitted_at.as_deref().and_then(crate::time::unix_seconds_from_rfc3339) {
        row.insert("tstamp".into(), Value::from(seconds));
    }
    Ok(Value::Object(row))
}

/// The CSV header line (with its CRLF), in column order.
pub const CSV_HEADER: &str = "item_id,annotator,group,criterion,model,value,submitted_at\r\n";

/// Quotes one CSV field as RFC 4180 requires: inside double quotes, quotes doubled, when the
/// field holds a comma, a quote, CR or LF (or starts or ends with a space, which some readers trim).
pub fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    let needs_quotes = text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        std::borrow::Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A criterion value as CSV text: strings as they are, `null` empty, anything else as JSON.
fn csv_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Appends the CSV rows of one judgment to `out`: one row per criterion (per model for
/// per-output criteria), plus `preference`, `preference_strength`, `ranking` (one row per
/// model, value = 1-based rank) and `flags` (one row per flag). Rows end in CRLF.
pub fn csv_rows(judgment: &Judgment, out: &mut String) {
    let mut row = |criterion: &str, model: &str, value: &str| {
        let cells = [
            judgment.item_id.as_str(),
            judgment.annotator.as_str(),
            judgment.group.as_deref().unwrap_or(""),
            criterion,
            model,
            value,
            judgment.submitted_at.as_deref().unwrap_or(""),
        ];
        for (index, cell) in cells.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            out.push_str(&csv_field(cell));
        }
        out.push_str("\r\n");
    };
    if let Some(preference) = &judgment.preference {
        row("preference", "", &preference.winner);
        if let Some(strength) = preference.strength {
            row("preference_strength", "", &strength.to_string());
        }
    }
    for (rank, model) in judgment.ranking.iter().flatten().enumerate() {
        row("ranking", model, &(rank + 1).to_string());
    }
    for (criterion, value) in judgment.scores.iter().flatten() {
        match value {
            Value::Object(per_model) => {
                for (model, value) in per_model {
                    row(criterion, model, &csv_value(value));
                }
            }
            other => row(criterion, "", &csv_value(other)),
        }
    }
    for flag in judgment.flags.iter().flatten() {
        row("flags", "", flag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judgment::Preference;
    use crate::read::load_judgments;
    use crate::task::load_tasks;
    use std::collections::HashMap;

    fn real_judgments() -> Vec<Judgment> {
        let text = std::fs::read_to_string("../../www/demo/mtbench-judgments/judgments.jsonl").expect("demo data is committed");
        load_judgments("j", &text).records
    }

    fn winner(item: &str, shown: &[&str], winner: &str) -> Judgment {
        Judgment {
            shown: Some(shown.iter().map(|s| s.to_string()).collect()),
            preference: Some(Preference { winner: winner.into(), strength: None, extra: Map::new() }),
            ..Judgment::new(item, "ann-1")
        }
    }

    #[test]
    fn chained_export_verifies_and_reimports_byte_identically() {
        let judgments = real_judgments();
        let text = judgments_jsonl_chained(&judgments);
        assert_eq!(verify_chain("j", &text), vec![]);
        let again = load_judgments("j", &text);
        assert_eq!(again.problems, vec![]);
        assert_eq!(judgments_jsonl_chained(&again.records), text);
        // The first line chains from the empty string over the line without its chain.
        let first = text.lines().next().unwrap();
        let (without, chain) = first.rsplit_once(",\"chain\":\"").unwrap();
        assert_eq!(chain_hash("", &format!("{without}}}")), chain.trim_end_matches("\"}"));
    }

    #[test]
    fn chain_names_the_altered_removed_and_reordered_line() {
        let text = judgments_jsonl_chained(&real_judgments()[..6]);
        let lines: Vec<&str> = text.lines().collect();
        let check = |lines: Vec<String>| -> Vec<u64> { verify_chain("j", &lines.join("\n")).iter().map(|p| p.line).collect() };
        let owned = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let mut altered = owned(&lines);
        altered[2] = altered[2].replace("\"winner\":\"", "\"winner\":\"x");
        assert_eq!(check(altered), [3]);
        let mut removed = owned(&lines);
        removed.remove(3);
        assert_eq!(check(removed), [4]);
        let mut reordered = owned(&lines);
        reordered.swap(1, 4);
        assert_eq!(check(reordered), [2, 3, 5, 6]);
        let mut unchained = owned(&lines);
        unchained[1] = real_judgments()[1].to_json_line();
        assert_eq!(check(unchained), [2, 3]);
    }

    #[test]
    fn preference_pairs_from_real_tasks() {
        let text = std::fs::read_to_string("../../www/demo/mtbench-pairs/tasks.jsonl").unwrap();
        let tasks: HashMap<String, Task> = load_tasks("t", &text).records.into_iter().map(|t| (t.id.clone(), t)).collect();
        let task = &tasks["mtbench-101-t1"];
        let pair =
            preference_pair(&winner("mtbench-101-t1", &["gpt-4-0125-preview", "gpt-4"], "gpt-4"), tasks.get("mtbench-101-t1")).unwrap();
        assert_eq!(pair["prompt"], task.prompt.clone().unwrap().as_str());
        assert_eq!(pair["chosen"], task.output("gpt-4").unwrap().content.plain_text().as_ref());
        assert_eq!(pair["rejected"], task.output("gpt-4-0125-preview").unwrap().content.plain_text().as_ref());
        assert_eq!(pair.as_object().unwrap().keys().collect::<Vec<_>>(), ["prompt", "chosen", "rejected"]);
        assert_eq!(
            preference_pair(&winner("mtbench-101-t1", &["gpt-4", "gpt-4-0125-preview"], TIE), tasks.get("mtbench-101-t1")),
            Err(Skip::Tie)
        );
        assert_eq!(
            preference_pair(&winner("mtbench-101-t1", &["gpt-4", "gpt-4-0125-preview"], BOTH_BAD), tasks.get("mtbench-101-t1")),
            Err(Skip::BothBad)
        );
        assert_eq!(preference_pair(&winner("nope", &["a", "b"], "a"), tasks.get("nope")), Err(Skip::UnknownItem));
        assert_eq!(
            preference_pair(&winner("mtbench-101-t1", &["gpt-4", "gpt-4-0125-preview"], "claude"), tasks.get("mtbench-101-t1")),
            Err(Skip::NotPairwise)
        );
    }

    #[test]
    fn arena_rows_round_trip_through_the_importer() {
        let judgment = winner("q1", &["x", "y"], "y");
        let row = arena_battle(&judgment, None).unwrap();
        assert_eq!(row.to_string(), r#"{"question_id":"q1","model_a":"x","model_b":"y","winner":"model_b","judge":"ann-1"}"#);
        assert_eq!(arena_battle(&winner("q1", &["x", "y"], BOTH_BAD), None).unwrap()["winner"], "tie (bothbad)");
        assert_eq!(arena_battle(&winner("q1", &["x"], "x"), None), Err(Skip::NotPairwise));
        let task = load_tasks("t", r#"{"id":"q1","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"y","content":"2"}]}"#)
            .records
            .remove(0);
        let full = arena_battle(&judgment, Some(&task)).unwrap();
        let back = crate::import::judgment_from_foreign(full).unwrap().unwrap();
        assert_eq!(back.preference.unwrap().winner, "y");
        assert_eq!(back.annotator, "ann-1");
    }

    #[test]
    fn csv_quotes_as_rfc_4180_and_has_a_row_per_criterion() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\r\nlines"), "\"two\r\nlines\"");
        let mut judgment = winner("q,1", &["x", "y"], "x");
        judgment.scores =
            Some(serde_json::from_str(r#"{"helpfulness":{"x":4,"y":2},"rationale":"because \"x\"","harmless":true}"#).unwrap());
        judgment.flags = Some(vec!["skipped".into()]);
        let mut out = String::new();
        csv_rows(&judgment, &mut out);
        assert_eq!(
            out,
            concat!(
                "\"q,1\",ann-1,,preference,,x,\r\n",
                "\"q,1\",ann-1,,helpfulness,x,4,\r\n",
                "\"q,1\",ann-1,,helpfulness,y,2,\r\n",
                "\"q,1\",ann-1,,rationale,,\"because \"\"x\"\"\",\r\n",
                "\"q,1\",ann-1,,harmless,,true,\r\n",
                "\"q,1\",ann-1,,flags,,skipped,\r\n",
            )
        );
    }
}
