//! Task files: the items to rate (DESIGN's task format), as JSONL or a JSON array.
//!
//! Loading is lenient: every line is checked on its own, bad lines become
//! [`Problem`]s (`file:line: field: problem`) and good lines still load.

use serde_json::{Map, Value};

pub use crate::content::Content;
use crate::judgment::Judgment;
use crate::problem::{error_without_position, take_string, wrong_type, Detail, Expected, FieldProblems, Loaded, Problem};

pub use crate::model::task::{Gold, Output, Task, Turn};

/// Loads a task file's text: a JSON array when it starts with `[`, JSONL otherwise.
/// JSONL lines may also be Arena battles, preference pairs or AlpacaEval rows (see
/// [`crate::import`]), detected per line. Duplicate ids are errors on the later line; the first
/// item with an id wins. Problems come out in line order.
pub fn load_tasks(file: &str, text: &str) -> Loaded<Task> {
    load_tasks_with_judgments(file, text).0
}

/// Like [`load_tasks`], and also returns the judgments that imported Arena and AlpacaEval rows
/// carried, in line order.
pub fn load_tasks_with_judgments(file: &str, text: &str) -> (Loaded<Task>, Vec<Judgment>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Vec::new();
    let mut records = Vec::new();
    let mut judgments = Vec::new();
    let mut lines = TaskLines::new(file);
    let mut keep = |record: Option<TaskRecord>, records: &mut Vec<Task>| {
        if let Some(record) = record {
            judgments.extend(record.judgment);
            if record.new_item {
                records.push(record.task);
            }
        }
    };
    if text.trim().is_empty() {
        problems.push(Problem::error(file, 0, "-", Detail::NoItems));
    } else if text.trim_start().starts_with('[') {
        for (line_no, parsed) in array_elements(file, text, &mut problems) {
            keep(lines.value(line_no, parsed, &mut problems), &mut records);
        }
    } else {
        let n_lines = text.lines().count();
        for (index, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let unterminated = index + 1 == n_lines && !text.ends_with('\n');
            keep(lines.line(index as u64 + 1, line, unterminated, &mut problems), &mut records);
        }
    }
    problems.sort_by_key(|p| p.line);
    (Loaded { records, problems }, judgments)
}

/// One record accepted by [`TaskLines`].
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRecord {
    /// The item.
    pub task: Task,
    /// The verdict an imported Arena or AlpacaEval row carried.
    pub judgment: Option<Judgment>,
    /// False when an imported row repeats an item already seen, identically (several
    /// annotators' rows on one comparison): keep its judgment, not the item again.
    pub new_item: bool,
}

/// Checks task records one at a time, for streaming readers: each line on its own, plus
/// id uniqueness across the file (which costs one entry per item).
#[derive(Debug)]
pub struct TaskLines {
    file: String,
    /// First line of each id, and a fingerprint of the item when it was imported.
    seen: std::collections::HashMap<String, (u64, Option<u64>)>,
}

impl TaskLines {
    /// Starts checking the file named `file`.
    pub fn new(file: &str) -> Self {
        TaskLines { file: file.to_owned(), seen: std::collections::HashMap::new() }
    }

    /// Checks one JSONL line (`unterminated`: it was the last line and had no newline).
    /// Problems go to `problems`; the record is returned when the line loads.
    pub fn line(&mut self, line_no: u64, line: &str, unterminated: bool, problems: &mut Vec<Problem>) -> Option<TaskRecord> {
        match serde_json::from_str::<Value>(line) {
            Ok(value) => self.value(line_no, value, problems),
            Err(error) => {
                problems.push(Problem::error(&self.file, line_no, "-", crate::problem::json_error_detail(&error, unterminated)));
                None
            }
        }
    }

    /// Checks one parsed record that starts on line `line_no`.
    pub fn value(&mut self, line_no: u64, value: Value, problems: &mut Vec<Problem>) -> Option<TaskRecord> {
        let file = self.file.as_str();
        let report = |found: FieldProblems, problems: &mut Vec<Problem>| {
            problems.extend(found.into_iter().map(|(field, detail)| Problem::error(file, line_no, &field, detail)));
        };
        let format = match &value {
            Value::Object(object) => crate::import::detect(object),
            _ => crate::import::Format::Verdict,
        };
        let (task, judgment) = if format == crate::import::Format::Verdict {
            match task_from_value(value) {
                Ok(task) => (task, None),
                Err(found) => {
                    report(found, problems);
                    return None;
                }
            }
        } else {
            let Value::Object(object) = value else { unreachable!("detect only recognises objects") };
            match crate::import::import_object(object, format) {
                Ok(imported) => (imported.task, imported.judgment),
                Err(found) => {
                    report(found, problems);
                    return None;
                }
            }
        };
        let fingerprint = (format != crate::import::Format::Verdict).then(|| {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            serde_json::to_string(&task).expect("a task always serializes: keys are strings").hash(&mut hasher);
            hasher.finish()
        });
        match self.seen.get(&task.id) {
            None => {
                self.seen.insert(task.id.clone(), (line_no, fingerprint));
                Some(TaskRecord { task, judgment, new_item: true })
            }
            Some(&(_, Some(first))) if fingerprint == Some(first) => Some(TaskRecord { task, judgment, new_item: false }),
            Some(&(first_line, _)) => {
                problems.push(Problem::error(file, line_no, "id", Detail::DuplicateId { id: task.id.clone(), first_line }));
                None
            }
        }
    }
}

/// Splits a JSON array into its elements, each with the line it starts on.
fn array_elements(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<(u64, Value)> {
    match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text) {
        Ok(elements) => {
            // Line numbers counted on from the previous element: linear in the text's length.
            let (mut counted_to, mut line_no) = (0usize, 1u64);
            let mut values = Vec::with_capacity(elements.len());
            for raw in elements {
                let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                line_no += text.as_bytes()[counted_to..offset].iter().filter(|&&b| b == b'\n').count() as u64;
                counted_to = offset;
                // An element that does not parse on its own (e.g. nested past serde_json's depth
                // limit) is reported, never dropped silently.
                match serde_json::from_str::<Value>(raw.get()) {
                    Ok(value) => values.push((line_no, value)),
                    Err(error) => {
                        problems.push(Problem::error(file, line_no, "-", Detail::InvalidJson { parser: error_without_position(&error) }))
                    }
                }
            }
            values
        }
        Err(error) => {
            let parser = error_without_position(&error);
            problems.push(Problem::error(file, error.line() as u64, "-", Detail::InvalidJsonArray { parser }));
            Vec::new()
        }
    }
}

/// Builds a [`Task`] from a JSON value, or lists every `(field, problem)` found.
pub fn task_from_value(value: Value) -> Result<Task, FieldProblems> {
    let Value::Object(mut object) = value else {
        return Err(vec![("-".into(), wrong_type(Expected::Object, &value))]);
    };
    let mut problems: FieldProblems = Vec::new();
    let id = match object.remove("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id,
        Some(Value::String(_)) => {
            problems.push(("id".into(), Detail::Empty));
            String::new()
        }
        // Numeric ids are common in exported data sets; accept them as their decimal text.
        Some(Value::Number(number)) => number.to_string(),
        Some(other) => {
            problems.push(("id".into(), wrong_type(Expected::String, &other)));
            String::new()
        }
        None => {
            problems.push(("id".into(), Detail::Missing));
            String::new()
        }
    };
    let prompt = match object.remove("prompt") {
        None | Some(Value::Null) => None,
        Some(Value::String(prompt)) => Some(prompt),
        Some(other) => {
            problems.push(("prompt".into(), wrong_type(Expected::String, &other)));
            None
        }
    };
    let conversation = match object.remove("conversation") {
        None | Some(Value::Null) => None,
        Some(Value::Array(turns)) => Some(
            turns
                .into_iter()
                .enumerate()
                .filter_map(|(index, turn)| {
                    let field = format!("conversation[{index}]");
                    match turn {
                        Value::Object(mut turn) => {
                            let role = take_string(&mut turn, &field, "role", &mut problems);
                            let content = content_field(&mut turn, &field, &mut problems);
                            Some(Turn { role: role?, content: content? })
                        }
                        other => {
                            problems.push((field, wrong_type(Expected::Turn, &other)));
                            None
                        }
                    }
                })
                .collect(),
        ),
        Some(other) => {
            problems.push(("conversation".into(), wrong_type(Expected::TurnArray, &other)));
            None
        }
    };
    if prompt.is_none() && conversation.is_none() && !problems.iter().any(|(f, _)| f.starts_with("prompt") || f.starts_with("conversation"))
    {
        problems.push(("prompt".into(), Detail::MissingPrompt));
    }
    let outputs = match object.remove("outputs") {
        Some(Value::Array(outputs)) if outputs.is_empty() => {
            problems.push(("outputs".into(), Detail::Empty));
            Vec::new()
        }
        Some(Value::Array(outputs)) => {
            let mut models = std::collections::HashSet::new();
            outputs
                .into_iter()
                .enumerate()
                .filter_map(|(index, output)| {
                    let field = format!("outputs[{index}]");
                    let Value::Object(mut output) = output else {
                        problems.push((field, wrong_type(Expected::Output, &output)));
                        return None;
                    };
                    let model = take_string(&mut output, &field, "model", &mut problems)?;
                    let content = content_field(&mut output, &field, &mut problems)?;
                    if model.trim().is_empty() {
                        problems.push((format!("{field}.model"), Detail::Empty));
                        return None;
                    }
                    if !models.insert(model.clone()) {
                        problems.push((format!("{field}.model"), Detail::DuplicateModel { model: model.clone() }));
                        return None;
                    }
                    Some(Output { model, content, extra: output })
                })
                .collect()
        }
        Some(other) => {
            problems.push(("outputs".into(), wrong_type(Expected::Array, &other)));
            Vec::new()
        }
        None => {
            problems.push(("outputs".into(), Detail::Missing));
            Vec::new()
        }
    };
    let meta = match object.remove("meta") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(meta)) => meta,
        Some(other) => {
            problems.push(("meta".into(), wrong_type(Expected::Object, &other)));
            Map::new()
        }
    };
    let gold = match object.remove("gold") {
        None | Some(Value::Null) => None,
        Some(value @ Value::Object(_)) => match serde_json::from_value::<Gold>(value) {
            Ok(gold) => Some(gold),
            Err(error) => {
                problems.push(("gold".into(), Detail::Unreadable { parser: error_without_position(&error) }));
                None
            }
        },
        Some(other) => {
            problems.push(("gold".into(), wrong_type(Expected::Object, &other)));
            None
        }
    };
    if problems.is_empty() {
        Ok(Task { id, prompt, conversation, outputs, meta, gold, extra: object })
    } else {
        Err(problems)
    }
}

/// Takes the required `content` (a string or a list of parts) out of `object`.
fn content_field(object: &mut Map<String, Value>, parent: &str, problems: &mut FieldProblems) -> Option<Content> {
    let field = format!("{parent}.content");
    let Some(value) = object.remove("content") else {
        problems.push((field, Detail::Missing));
        return None;
    };
    Content::from_value(value, &field).map_err(|found| problems.extend(found)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_array_element_nested_too_deep_is_reported_not_dropped() {
        let deep = format!(
            r#"{{"id":"deep","prompt":"p","outputs":[{{"model":"m","content":"c"}}],"meta":{{"x":{}{}}}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let text = format!("[\n{{\"id\":\"ok\",\"prompt\":\"p\",\"outputs\":[{{\"model\":\"m\",\"content\":\"c\"}}]}},\n{deep}\n]");
        let loaded = load_tasks("t.json", &text);
        assert_eq!(loaded.records.len(), 1);
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert_eq!((loaded.problems[0].line, loaded.problems[0].code), (3, crate::problem::Code::InvalidJson));
    }

    fn problems(text: &str) -> Vec<String> {
        load_tasks("t.jsonl", text).problems.iter().map(crate::problem::in_english).collect()
    }

    #[test]
    fn loads_the_real_mtbench_pairs_and_alpacaeval_files() {
        for (path, n_items, n_outputs) in
            [("../../www/demo/mtbench-pairs/tasks.jsonl", 30, 2), ("../../www/demo/alpacaeval-single/tasks.jsonl", 805, 1)]
        {
            let text = std::fs::read_to_string(path).expect("demo data is committed under www/demo");
            let loaded = load_tasks(path, &text);
            assert_eq!(loaded.problems, vec![], "{path}");
            assert_eq!(loaded.records.len(), n_items, "{path}");
            assert!(loaded.records.iter().all(|t| t.outputs.len() == n_outputs));
        }
    }

    #[test]
    fn reports_each_bad_line_and_keeps_the_good_ones() {
        let text = concat!(
            r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1"}]}"#,
            "\n",
            r#"{"id":"b","prompt":"p","outputs":[{"model":"x","content":"1"},{"model":"x","content":"2"}]}"#,
            "\n",
            "\n",
            r#"{"id":"c","prompt":"p","outputs":[{"model":5,"content":"1"}]}"#,
            "\n",
            r#"{"id":"a","prompt":"p","outputs":[{"model":"y","content":"1"}]}"#,
            "\n",
            r#"{"prompt":"p","outputs":[{"model":"y","content":"1"}]"#,
            "\r\n",
            r#"{"id":"d","outputs":[]}"#,
            "\n",
            "[1,2]\n",
        );
        let loaded = load_tasks("t.jsonl", text);
        assert_eq!(loaded.records.len(), 1);
        let got: Vec<String> = loaded.problems.iter().map(crate::problem::in_english).collect();
        assert_eq!(
            got,
            [
                "t.jsonl:2: outputs[1].model: model \"x\" appears twice",
                "t.jsonl:4: outputs[0].model: expected a string, found a number",
                "t.jsonl:5: id: duplicate id \"a\": two items cannot share an id (first on line 1)",
                "t.jsonl:6: -: not valid JSON (EOF while parsing an object)",
                "t.jsonl:7: prompt: missing: give a prompt or a conversation",
                "t.jsonl:7: outputs: must not be empty",
                "t.jsonl:8: -: expected an object, found an array",
            ]
        );
    }

    #[test]
    fn json_arrays_report_the_line_each_element_starts_on() {
        let text = "[\n  {\"id\":\"a\",\"prompt\":\"p\",\"outputs\":[{\"model\":\"x\",\"content\":\"1\"}]},\n  {\"id\":\"b\",\"conversation\":[{\"role\":\"user\"}],\"outputs\":[{\"model\":\"x\",\"content\":\"1\"}]}\n]";
        assert_eq!(problems(text), ["t.jsonl:3: conversation[0].content: missing"]);
    }

    #[test]
    fn empty_and_bom_files() {
        assert_eq!(problems(""), ["t.jsonl:0: -: the file is empty: no items to rate"]);
        let text = "\u{feff}{\"id\":\"a\",\"prompt\":\"p\",\"outputs\":[{\"model\":\"x\",\"content\":\"1\"}]}";
        assert_eq!(load_tasks("t.jsonl", text).records.len(), 1);
    }

    #[test]
    fn task_at_2_parts_load_and_their_problems_name_the_field() {
        let good = r#"{"id":"r","conversation":[{"role":"user","content":[{"type":"text","text":"Solve"},{"type":"math","latex":"x^2=4"}]}],"outputs":[{"model":"x","content":[{"type":"code","language":"python","text":"def f():\n    return 2\n"},{"type":"image","url":"data:image/png;base64,AAAA","alt":"plot"}]},{"model":"y","content":"plain"}]}"#;
        let task = &load_tasks("t.jsonl", good).records[0];
        assert!(task.outputs[0].content.is_parts());
        assert_eq!(task.outputs[1].content, "plain");
        assert_eq!(serde_json::to_string(task).unwrap(), good, "task@2 round-trips");
        let bad = r#"{"id":"s","prompt":"p","outputs":[{"model":"x","content":[{"type":"image","url":"http://x.example/a.png"},{"type":"math"}]}]}"#;
        assert_eq!(
            problems(bad),
            [
                "t.jsonl:1: outputs[0].content[0].url: http: URLs are not allowed: use https://, a path on this host, or a data: URI",
                "t.jsonl:1: outputs[0].content[1].latex: missing",
            ]
        );
    }

    #[test]
    fn unknown_fields_are_kept() {
        let text = r#"{"id":"a","prompt":"p","outputs":[{"model":"x","content":"1","tokens":3}],"source":"s"}"#;
        let task = &load_tasks("t.jsonl", text).records[0];
        assert_eq!(serde_json::to_string(task).unwrap(), text);
    }
}
