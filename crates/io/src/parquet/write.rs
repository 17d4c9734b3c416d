//! Writing judgments as Parquet rows, a batch of rows at a time.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    Float64Builder, Int64Builder, ListBuilder, MapBuilder, MapFieldNames, StringBuilder, StructBuilder, TimestampMillisecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use serde_json::{Map, Value};
use verdict_core::judgment::Judgment;
use verdict_core::time::unix_ms_from_rfc3339;

use super::{judgment_schema, score_fields, ScoreCell};

/// Rows buffered before they are handed to the Parquet writer as one batch.
const BATCH_ROWS: usize = 8192;

/// Writes judgments to a Parquet file (schema: [`judgment_schema`]), Snappy-compressed.
pub struct JudgmentWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    rows: RowBuilders,
}

impl<W: Write + Send> JudgmentWriter<W> {
    /// A writer into `sink`.
    pub fn new(sink: W) -> Result<Self, ParquetError> {
        let schema = Arc::new(judgment_schema());
        let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = ArrowWriter::try_new(sink, schema.clone(), Some(properties))?;
        Ok(JudgmentWriter { writer, schema, rows: RowBuilders::new() })
    }

    /// Adds one judgment as one row.
    pub fn write(&mut self, judgment: &Judgment) -> Result<(), ParquetError> {
        self.rows.append(judgment);
        if self.rows.len >= BATCH_ROWS {
            self.flush_rows()?;
        }
        Ok(())
    }

    fn flush_rows(&mut self) -> Result<(), ParquetError> {
        if self.rows.len == 0 {
            return Ok(());
        }
        let batch = RecordBatch::try_new(self.schema.clone(), self.rows.finish())?;
        self.writer.write(&batch)
    }

    /// Writes the last rows and the file footer; returns the sink.
    pub fn finish(mut self) -> Result<W, ParquetError> {
        self.flush_rows()?;
        self.writer.into_inner()
    }
}

fn string_list_builder() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(Arc::new(Field::new("element", DataType::Utf8, false)))
}

fn json_map_builder() -> MapBuilder<StringBuilder, StringBuilder> {
    let names = MapFieldNames { entry: "key_value".into(), key: "key".into(), value: "value".into() };
    MapBuilder::new(Some(names), StringBuilder::new(), StringBuilder::new())
}

/// One builder per column, in [`judgment_schema`] order.
struct RowBuilders {
    len: usize,
    schema: StringBuilder,
    item_id: StringBuilder,
    annotator: StringBuilder,
    group: StringBuilder,
    kind: StringBuilder,
    shown: ListBuilder<StringBuilder>,
    winner: StringBuilder,
    strength: Int64Builder,
    preference_meta: MapBuilder<StringBuilder, StringBuilder>,
    ranking: ListBuilder<StringBuilder>,
    scores: ListBuilder<StructBuilder>,
    flags: ListBuilder<StringBuilder>,
    started_at: StringBuilder,
    submitted_at: StringBuilder,
    submitted_ts: TimestampMillisecondBuilder,
    duration_ms: Int64Builder,
    task_sha256: StringBuilder,
    rubric_sha256: StringBuilder,
    app_version: StringBuilder,
    meta: MapBuilder<StringBuilder, StringBuilder>,
    chain: StringBuilder,
}

impl RowBuilders {
    fn new() -> RowBuilders {
        let score_builders: Vec<Box<dyn arrow_array::builder::ArrayBuilder>> = vec![
            Box::new(StringBuilder::new()),
            Box::new(StringBuilder::new()),
            Box::new(Float64Builder::new()),
            Box::new(StringBuilder::new()),
            Box::new(StringBuilder::new()),
        ];
        let element = Field::new("element", DataType::Struct(score_fields()), false);
        RowBuilders {
            len: 0,
            schema: StringBuilder::new(),
            item_id: StringBuilder::new(),
            annotator: StringBuilder::new(),
            group: StringBuilder::new(),
            kind: StringBuilder::new(),
            shown: string_list_builder(),
            winner: StringBuilder::new(),
            strength: Int64Builder::new(),
            preference_meta: json_map_builder(),
            ranking: string_list_builder(),
            scores: ListBuilder::new(StructBuilder::new(score_fields(), score_builders)).with_field(Arc::new(element)),
            flags: string_list_builder(),
            started_at: StringBuilder::new(),
            submitted_at: StringBuilder::new(),
            submitted_ts: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            duration_ms: Int64Builder::new(),
            task_sha256: StringBuilder::new(),
            rubric_sha256: StringBuilder::new(),
            app_version: StringBuilder::new(),
            meta: json_map_builder(),
            chain: StringBuilder::new(),
        }
    }

    fn append(&mut self, judgment: &Judgment) {
        self.len += 1;
        self.schema.append_value(&judgment.schema);
        self.item_id.append_value(&judgment.item_id);
        self.annotator.append_value(&judgment.annotator);
        self.group.append_option(judgment.group.as_deref());
        self.kind.append_value(if judgment.is_llm_judge() { "judge" } else { "human" });
        append_strings(&mut self.shown, judgment.shown.as_deref());
        let preference = judgment.preference.as_ref();
        self.winner.append_option(preference.map(|p| p.winner.as_str()));
        self.strength.append_option(preference.and_then(|p| p.strength).map(i64::from));
        append_json_map(&mut self.preference_meta, preference.map(|p| &p.extra));
        append_strings(&mut self.ranking, judgment.ranking.as_deref());
        self.append_scores(judgment.scores.as_ref());
        append_strings(&mut self.flags, judgment.flags.as_deref());
        self.started_at.append_option(judgment.started_at.as_deref());
        self.submitted_at.append_option(judgment.submitted_at.as_deref());
        self.submitted_ts.append_option(judgment.submitted_at.as_deref().and_then(unix_ms_from_rfc3339));
        // A duration past i64 (never a real one) is kept exactly in `meta` instead.
        let duration = judgment.duration_ms.map(i64::try_from);
        self.duration_ms.append_option(duration.and_then(Result::ok));
        let mut extra = std::borrow::Cow::Borrowed(&judgment.extra);
        if let (Some(Err(_)), Some(ms)) = (duration, judgment.duration_ms) {
            extra.to_mut().insert("duration_ms".into(), Value::from(ms));
        }
        self.task_sha256.append_option(judgment.task_sha256.as_deref());
        self.rubric_sha256.append_option(judgment.rubric_sha256.as_deref());
        self.app_version.append_option(judgment.app_version.as_deref());
        append_json_map(&mut self.meta, Some(&extra));
        self.chain.append_option(judgment.chain.as_deref());
    }

    /// Per-output criteria give one entry per model; item-level ones (and an empty per-output
    /// object, as JSON `{}`) one entry with a null model.
    fn append_scores(&mut self, scores: Option<&Map<String, Value>>) {
        let Some(scores) = scores else {
            self.scores.append(false);
            return;
        };
        let entries = self.scores.values();
        for (criterion, value) in scores {
            match value {
                Value::Object(per_model) if !per_model.is_empty() => {
                    for (model, value) in per_model {
                        append_score(entries, criterion, Some(model), value);
                    }
                }
                other => append_score(entries, criterion, None, other),
            }
        }
        self.scores.append(true);
    }

    /// The columns built so far, as arrays; the builders start again empty.
    fn finish(&mut self) -> Vec<ArrayRef> {
        self.len = 0;
        vec![
            Arc::new(self.schema.finish()),
            Arc::new(self.item_id.finish()),
            Arc::new(self.annotator.finish()),
            Arc::new(self.group.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.shown.finish()),
            Arc::new(self.winner.finish()),
            Arc::new(self.strength.finish()),
            Arc::new(self.preference_meta.finish()),
            Arc::new(self.ranking.finish()),
            Arc::new(self.scores.finish()),
            Arc::new(self.flags.finish()),
            Arc::new(self.started_at.finish()),
            Arc::new(self.submitted_at.finish()),
            Arc::new(self.submitted_ts.finish()),
            Arc::new(self.duration_ms.finish()),
            Arc::new(self.task_sha256.finish()),
            Arc::new(self.rubric_sha256.finish()),
            Arc::new(self.app_version.finish()),
            Arc::new(self.meta.finish()),
            Arc::new(self.chain.finish()),
        ]
    }
}

fn append_score(entries: &mut StructBuilder, criterion: &str, model: Option<&str>, value: &Value) {
    let cell = ScoreCell::encode(value);
    let field = "the scores struct has five fields of known types";
    entries.field_builder::<StringBuilder>(0).expect(field).append_value(criterion);
    entries.field_builder::<StringBuilder>(1).expect(field).append_option(model);
    entries.field_builder::<Float64Builder>(2).expect(field).append_option(cell.value);
    entries.field_builder::<StringBuilder>(3).expect(field).append_option(cell.label);
    entries.field_builder::<StringBuilder>(4).expect(field).append_option(cell.json);
    entries.append(true);
}

fn append_strings(builder: &mut ListBuilder<StringBuilder>, values: Option<&[String]>) {
    match values {
        Some(values) => {
            for value in values {
                builder.values().append_value(value);
            }
            builder.append(true);
        }
        None => builder.append(false),
    }
}

/// Fields as JSON texts by name, in order; an empty map is written as an empty map (`meta`)
/// and a missing one as null.
fn append_json_map(builder: &mut MapBuilder<StringBuilder, StringBuilder>, fields: Option<&Map<String, Value>>) {
    let Some(fields) = fields else {
        builder.append(false).expect("keys and values are appended in step");
        return;
    };
    for (key, value) in fields {
        builder.keys().append_value(key);
        builder.values().append_value(value.to_string());
    }
    builder.append(true).expect("keys and values are appended in step");
}
