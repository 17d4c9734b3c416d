//! The judgment fields the scanner extracts: the top-level object, `preference` and `scores`.

use super::*;

impl<'a> Cursor<'a> {
    /// The judgment object; with `names`, `shown` and `ranking` are extracted there too.
    pub(super) fn judgment(
        &mut self,
        mut scores: Vec<(&'a str, ScoreValue<'a>)>,
        mut names: Option<&mut ShownAndRanking<'a>>,
    ) -> Option<Scanned<'a>> {
        let (mut schema_ok, mut item_id, mut annotator, mut group, mut winner) = (false, None, None, None, None);
        let mut submitted_at = None;
        let mut has_content = false;
        // Duplicate keys bail out (serde's handling of them is not ours to imitate). Known keys
        // are tracked in a bit set; unknown ones in a list that is rarely allocated.
        let mut seen_known = 0u32;
        let mut seen_other: Vec<&'a str> = Vec::new();
        self.object(|cursor, key| {
            let known = match key.len() {
                6 if key == "scores" => Some(14),
                6 if key == "schema" => Some(0),
                7 if key == "item_id" => Some(1),
                9 if key == "annotator" => Some(2),
                _ => KNOWN_KEYS.iter().position(|k| *k == key),
            };
            match known {
                Some(bit) if seen_known & (1 << bit) != 0 => return None,
                Some(bit) => seen_known |= 1 << bit,
                None if seen_other.contains(&key) => return None,
                None => seen_other.push(key),
            }
            match key {
                "schema" => {
                    // The usual value, compared in place (it has no escapes, so this is exact).
                    cursor.ws();
                    let quoted = cursor.bytes.get(cursor.at + 1..cursor.at + 1 + SCHEMA.len());
                    if quoted == Some(SCHEMA.as_bytes())
                        && cursor.bytes.get(cursor.at) == Some(&b'"')
                        && cursor.bytes.get(cursor.at + 1 + SCHEMA.len()) == Some(&b'"')
                    {
                        cursor.at += SCHEMA.len() + 2;
                        schema_ok = true;
                    } else {
                        schema_ok = cursor.string()? == SCHEMA;
                    }
                }
                "item_id" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    item_id = Some(text);
                    cursor.note(|r| r.item_id = Some(k));
                }
                "annotator" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    annotator = Some(text);
                    cursor.note(|r| r.annotator = Some(k));
                }
                "group" => {
                    let found = cursor.optional_string()?;
                    group = found.map(|(text, _)| text);
                    cursor.note(|r| r.group = found.map(|(_, k)| k));
                }
                "shown" | "ranking" if names.is_some() => {
                    if !cursor.null() {
                        let mut list = Names::default();
                        let mut holes = Vec::new();
                        cursor.array(|c| {
                            let (name, k) = c.hole(Read::Str, Self::string)?;
                            list.push(name);
                            holes.push(k);
                            Some(())
                        })?;
                        let names = names.as_deref_mut().expect("checked by the guard");
                        if key == "shown" {
                            names.shown = Some(list);
                            cursor.note(|r| r.shown = Some(holes));
                        } else {
                            names.ranking = Some(list);
                            cursor.note(|r| r.ranking = Some(holes));
                            has_content = true;
                        }
                    }
                }
                "shown" | "ranking" | "flags" => {
                    if !cursor.null() {
                        cursor.array(|c| c.hole(Read::SkipStr, Self::skip_string).map(|_| ()))?;
                        has_content |= key != "shown";
                    }
                }
                "submitted_at" => {
                    let found = cursor.optional_string()?;
                    submitted_at = found.map(|(text, _)| text);
                    cursor.note(|r| r.submitted_at = found.map(|(_, k)| k));
                }
                "started_at" | "task_sha256" | "rubric_sha256" | "app_version" => {
                    if !cursor.null() {
                        cursor.hole(Read::SkipStr, Self::skip_string)?;
                    }
                }
                "duration_ms" => {
                    if !cursor.null() {
                        cursor.hole(Read::Whole, Self::whole)?;
                    }
                }
                "preference" => {
                    if !cursor.null() {
                        winner = Some(cursor.preference()?);
                        has_content = true;
                    }
                }
                "scores" => {
                    if !cursor.null() {
                        cursor.scores(&mut scores)?;
                        has_content = true;
                    }
                }
                _ => cursor.skip_value(1)?,
            }
            Some(())
        })?;
        let (item_id, annotator) = (item_id.filter(|s| !s.is_empty())?, annotator.filter(|s| !s.is_empty())?);
        (schema_ok && has_content).then_some(Scanned { item_id, annotator, group, winner, scores, submitted_at })
    }

    pub(super) fn preference(&mut self) -> Option<&'a str> {
        let mut winner = None;
        let mut keys: Vec<&'a str> = Vec::new();
        self.object(|cursor, key| {
            if keys.contains(&key) {
                return None;
            }
            keys.push(key);
            match key {
                "winner" => {
                    let (text, k) = cursor.hole(Read::Str, Self::string)?;
                    winner = Some(text);
                    cursor.note(|r| r.winner = Some(k));
                }
                "strength" => {
                    if !cursor.null() {
                        cursor.hole(Read::WholeU32, |c| c.whole().and_then(|w| u32::try_from(w).ok()))?;
                    }
                }
                _ => cursor.skip_value(2)?,
            }
            Some(())
        })?;
        winner
    }

    pub(super) fn scores(&mut self, scores: &mut Vec<(&'a str, ScoreValue<'a>)>) -> Option<()> {
        self.object(|cursor, key| {
            if scores.iter().any(|(k, _)| *k == key) {
                return None;
            }
            let key_span = span_of(cursor.text, key);
            let (value, plan) = if cursor.peek()? == b'{' {
                let mut per_output: Vec<(&'a str, Scalar<'a>)> = Vec::new();
                let mut plans = Vec::new();
                cursor.object(|c, model| {
                    if per_output.iter().any(|(m, _)| *m == model) {
                        return None;
                    }
                    let (value, plan) = c.scalar()?;
                    per_output.push((model, value));
                    if c.recording.is_some() {
                        plans.push((span_of(c.text, model), plan));
                    }
                    Some(())
                })?;
                (ScoreValue::PerOutput(per_output), Plan::PerOutput(plans))
            } else {
                let (value, plan) = cursor.scalar()?;
                (ScoreValue::Scalar(value), plan)
            };
            scores.push((key, value));
            cursor.note(|r| r.scores.push((key_span, plan)));
            Some(())
        })
    }
}
