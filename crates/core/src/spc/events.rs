//! Event annotations drawn on control charts ("guideline v3 on 2026-11-30"): a small file of
//! `{"date": "2026-11-30", "label": "guideline v3"}` lines (JSONL, or a JSON array), or CSV with a
//! `date,label` header. Each event is placed in the chart's period (its day or ISO week).

use serde::{Deserialize, Serialize};

use super::metrics::{period_label, Period};
use crate::problem::{error_without_position, wrong_type, Code, Detail, Expected, Loaded, Problem};

/// At most this many events per file (documented limit).
pub const MAX_EVENTS: usize = 10_000;
/// At most this many characters per label (documented limit).
pub const MAX_LABEL_CHARS: usize = 200;

/// One event: a date and what happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    /// What happened, e.g. `guideline v3`.
    pub label: String,
}

/// An event placed on a chart's time axis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedEvent {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened.
    pub label: String,
    /// The period the date falls in (`2026-11-30` or `2026-W49`).
    pub period: String,
}

/// Places each event in its period, keeping file order.
pub fn place_events(events: &[Event], period: Period) -> Vec<PlacedEvent> {
    events
        .iter()
        .filter_map(|e| {
            let label = period_label(&format!("{}T00:00:00Z", e.date), period)?;
            Some(PlacedEvent { date: e.date.clone(), label: e.label.clone(), period: label })
        })
        .collect()
}

/// Checks one event's fields; the problem names `file:line` and the field.
fn check(name: &str, line: u64, date: Option<&str>, label: Option<&str>) -> Result<Event, Box<Problem>> {
    let date =
        date.map(str::trim).filter(|d| !d.is_empty()).ok_or_else(|| Box::new(Problem::error(name, line, "date", Detail::Missing)))?;
    if date.len() != 10 || period_label(&format!("{date}T00:00:00Z"), Period::Day).as_deref() != Some(date) {
        return Err(Box::new(Problem::error(name, line, "date", Detail::NotAllowed { expected: Expected::Date, found: date.to_owned() })));
    }
    let label =
        label.map(str::trim).filter(|l| !l.is_empty()).ok_or_else(|| Box::new(Problem::error(name, line, "label", Detail::Missing)))?;
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(Box::new(Problem::error(name, line, "label", Detail::TooLong { max_chars: MAX_LABEL_CHARS as u64 })));
    }
    Ok(Event { date: date.to_owned(), label: label.to_owned() })
}

/// Splits one CSV line into fields (RFC 4180 quotes; no line breaks inside a field).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field at least").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().expect("one field at least").push(c),
        }
    }
    fields
}

/// Reads an events file: JSON lines (or one JSON array) of `{"date", "label"}`, or CSV whose
/// header names `date` and `label`. Bad lines are problems; good lines still load.
///
/// ```
/// use verdict_core::spc::events::load_events;
/// let loaded = load_events("events.jsonl", "{\"date\": \"2026-11-30\", \"label\": \"guideline v3\"}\n{\"date\": \"30/11\"}");
/// assert_eq!(loaded.records[0].label, "guideline v3");
/// let words = verdict_core::problem::in_english(&loaded.problems[0]);
/// assert_eq!(words, "events.jsonl:2: date: expected a date (YYYY-MM-DD), found \"30/11\"");
/// ```
pub fn load_events(name: &str, text: &str) -> Loaded<Event> {
    let mut loaded = Loaded::default();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let push = |loaded: &mut Loaded<Event>, result: Result<Event, Box<Problem>>| match result {
        Ok(event) if loaded.records.len() < MAX_EVENTS => loaded.records.push(event),
        Ok(_) => {
            if loaded.problems.last().is_none_or(|p| p.code != Code::OutOfRange || p.field != "-") {
                loaded.problems.push(Problem::error(name, 0, "-", Detail::TooManyEvents { max: MAX_EVENTS as u64 }));
            }
        }
        Err(problem) => loaded.problems.push(*problem),
    };
    let object_event = |line: u64, value: &serde_json::Value| -> Result<Event, Box<Problem>> {
        let object = value.as_object().ok_or_else(|| Box::new(Problem::error(name, line, "-", wrong_type(Expected::Event, value))))?;
        check(name, line, object.get("date").and_then(|v| v.as_str()), object.get("label").and_then(|v| v.as_str()))
    };
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(trimmed) {
            Ok(values) => values.iter().for_each(|v| push(&mut loaded, object_event(1, v))),
            Err(e) => loaded.problems.push(Problem::error(name, 1, "-", Detail::InvalidJsonArray { parser: error_without_position(&e) })),
        }
        return loaded;
    }
    let mut lines = text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l.trim_start_matches('\u{feff}')));
    if trimmed.starts_with('{') {
        for (line, content) in lines.filter(|(_, l)| !l.trim().is_empty()) {
            let result = serde_json::from_str::<serde_json::Value>(content)
                .map_err(|e| Box::new(Problem::error(name, line, "-", Detail::InvalidJson { parser: error_without_position(&e) })))
                .and_then(|v| object_event(line, &v));
            push(&mut loaded, result);
        }
        return loaded;
    }
    let Some((_, header)) = lines.find(|(_, l)| !l.trim().is_empty()) else { return loaded };
    let columns: Vec<String> = csv_fields(header).iter().map(|c| c.trim().to_lowercase()).collect();
    let (Some(date_at), Some(label_at)) = (columns.iter().position(|c| c == "date"), columns.iter().position(|c| c == "label")) else {
        loaded.problems.push(Problem::error(name, 1, "-", Detail::UnknownEventsFormat));
        return loaded;
    };
    for (line, content) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        let fields = csv_fields(content);
        push(&mut loaded, check(name, line, fields.get(date_at).map(String::as_str), fields.get(label_at).map(String::as_str)));
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_lines_arrays_and_csv() {
        let csv = load_events("e.csv", "label,date\n\"guideline v3, final\",2026-11-30\nbad,2026-02-30\n,2026-12-01\n");
        assert_eq!(csv.records, vec![Event { date: "2026-11-30".into(), label: "guideline v3, final".into() }]);
        let problems: Vec<String> = csv.problems.iter().map(crate::problem::in_english).collect();
        assert_eq!(problems, ["e.csv:3: date: expected a date (YYYY-MM-DD), found \"2026-02-30\"", "e.csv:4: label: missing"]);
        let array = load_events("e.json", r#"[{"date":"2026-12-07","label":"new site"}, 3]"#);
        assert_eq!(array.records.len(), 1);
        assert_eq!(array.problems[0].field, "-");
        let unknown = load_events("e.txt", "when,what\n");
        assert_eq!(unknown.problems[0].code, Code::Schema);
        assert!(load_events("e.jsonl", "").records.is_empty());
    }

    #[test]
    fn places_events_in_days_and_iso_weeks() {
        let events = [Event { date: "2026-11-30".into(), label: "v3".into() }];
        assert_eq!(place_events(&events, Period::Week)[0].period, "2026-W49");
        assert_eq!(place_events(&events, Period::Day)[0].period, "2026-11-30");
    }

    #[test]
    fn refuses_too_many_events_once() {
        let text: String = (0..MAX_EVENTS + 3).map(|_| "{\"date\":\"2026-11-30\",\"label\":\"x\"}\n").collect();
        let loaded = load_events("e.jsonl", &text);
        assert_eq!(loaded.records.len(), MAX_EVENTS);
        assert_eq!(loaded.problems.len(), 1);
    }
}
