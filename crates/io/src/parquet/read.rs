//! Reading judgments Parquet back as JSON lines, for the one reader. [`JsonLines`] is an
//! `io::Read` of the rows of one file, or of every `.parquet` file under a directory (in path
//! order; Hive-style `key=value` folders fill a column the files leave out, such as `group`).
//! Row N (counted across the files of a directory) is line N of the stream.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, ListArray, MapArray, RecordBatch, StructArray};
use arrow_schema::{DataType, Schema};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use super::{column, score_field, ScoreCell};

/// Rows decoded at a time.
const BATCH_ROWS: usize = 4096;

/// True when `path` is a Parquet file (by its `PAR1` magic) or a directory (read as a data set
/// of Parquet files).
pub fn is_parquet(path: &str) -> bool {
    let path = Path::new(path);
    if path.is_dir() {
        return true;
    }
    let mut magic = [0u8; 4];
    File::open(path).and_then(|mut file| file.read_exact(&mut magic)).is_ok() && &magic == b"PAR1"
}

/// A column of the wrong type (or a required one missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// The file.
    pub file: String,
    /// The column.
    pub column: String,
    /// What the column must be.
    pub expected: &'static str,
    /// What the file has (`missing` when absent).
    pub found: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: column `{}`: expected {}, found {}", self.file, self.column, self.expected, self.found)
    }
}

impl std::error::Error for SchemaError {}

/// What a column must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Integer,
    Texts,
    Scores,
    JsonMap,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Text => "a string (UTF8)",
            Kind::Integer => "an integer (INT64)",
            Kind::Texts => "a list of strings",
            Kind::Scores => "a list of struct<criterion: string, model: string, value: double, label: string, json: string>",
            Kind::JsonMap => "a map of string to string (JSON texts)",
        }
    }

    fn accepts(self, data_type: &DataType) -> bool {
        let text = |t: &DataType| matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View);
        match self {
            Kind::Text => text(data_type),
            Kind::Integer => matches!(data_type, DataType::Int32 | DataType::Int64 | DataType::UInt32 | DataType::UInt64),
            Kind::Texts => matches!(data_type, DataType::List(item) if text(item.data_type())),
            Kind::Scores => match data_type {
                DataType::List(item) => match item.data_type() {
                    DataType::Struct(fields) => {
                        let field_ok =
                            |name: &str, ok: &dyn Fn(&DataType) -> bool| fields.find(name).is_none_or(|(_, f)| ok(f.data_type()));
                        fields.find(score_field::CRITERION).is_some_and(|(_, f)| text(f.data_type()))
                            && field_ok(score_field::MODEL, &text)
                            && field_ok(score_field::LABEL, &text)
                            && field_ok(score_field::JSON, &text)
                            && field_ok(score_field::VALUE, &|t| matches!(t, DataType::Float64) || Kind::Integer.accepts(t))
                    }
                    _ => false,
                },
                _ => false,
            },
            Kind::JsonMap => match data_type {
                DataType::Map(entries, _) => match entries.data_type() {
                    DataType::Struct(fields) => fields.len() == 2 && text(fields[0].data_type()) && text(fields[1].data_type()),
                    _ => false,
                },
                _ => false,
            },
        }
    }
}

/// The columns read back, their kinds, and whether a file must have them.
const COLUMNS: [(&str, Kind, bool); 19] = [
    (column::SCHEMA, Kind::Text, false),
    (column::ITEM_ID, Kind::Text, true),
    (column::ANNOTATOR, Kind::Text, true),
    (column::GROUP, Kind::Text, false),
    (column::SHOWN, Kind::Texts, false),
    (column::WINNER, Kind::Text, false),
    (column::STRENGTH, Kind::Integer, false),
    (column::PREFERENCE_META, Kind::JsonMap, false),
    (column::RANKING, Kind::Texts, false),
    (column::SCORES, Kind::Scores, false),
    (column::FLAGS, Kind::Texts, false),
    (column::STARTED_AT, Kind::Text, false),
    (column::SUBMITTED_AT, Kind::Text, false),
    (column::DURATION_MS, Kind::Integer, false),
    (column::TASK_SHA256, Kind::Text, false),
    (column::RUBRIC_SHA256, Kind::Text, false),
    (column::APP_VERSION, Kind::Text, false),
    (column::META, Kind::JsonMap, false),
    (column::CHAIN, Kind::Text, false),
];

/// Where each known column is in one file, or the partition value that stands for it.
#[derive(Clone, Debug, Default)]
struct Layout {
    /// By [`COLUMNS`] position: the column's index in the file.
    index: Vec<Option<usize>>,
    /// By [`COLUMNS`] position: a value from a `key=value` folder, for a column the file lacks.
    partition: Vec<Option<Option<String>>>,
}

/// Checks a file's schema and finds its columns; `partition` are the `key=value` folders above it.
fn layout(file: &str, schema: &Schema, partition: &[(String, Option<String>)]) -> Result<Layout, SchemaError> {
    let mut layout = Layout::default();
    for (name, kind, required) in COLUMNS {
        let from_path = partition.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
        match schema.index_of(name) {
            Ok(index) => {
                let data_type = schema.field(index).data_type();
                if !kind.accepts(data_type) {
                    return Err(SchemaError {
                        file: file.into(),
                        column: name.into(),
                        expected: kind.expected(),
                        found: data_type.to_string(),
                    });
                }
                layout.index.push(Some(index));
                layout.partition.push(None);
            }
            Err(_) if kind == Kind::Text && from_path.is_some() => {
                layout.index.push(None);
                layout.partition.push(from_path);
            }
            Err(_) if required => {
                return Err(SchemaError { file: file.into(), column: name.into(), expected: kind.expected(), found: "missing".into() });
            }
            Err(_) => {
                layout.index.push(None);
                layout.partition.push(None);
            }
        }
    }
    Ok(layout)
}

/// A Parquet file with the `key=value` folders (Hive partitions) on its way; `None` for the
/// engines' null folder (`__HIVE_DEFAULT_PARTITION__`).
type PartitionedFile = (PathBuf, Vec<(String, Option<String>)>);

/// The rows of a Parquet file or directory as JSON lines (see the module doc).
pub struct JsonLines {
    name: String,
    files: Vec<PartitionedFile>,
    next_file: usize,
    current: Option<(String, ParquetRecordBatchReader, Layout)>,
    buffer: Vec<u8>,
    at: usize,
    rows: u64,
}

impl JsonLines {
    /// Opens a Parquet file or a directory of them; the first file's schema is checked now
    /// (each later one when reached).
    pub fn open(path: &str) -> io::Result<JsonLines> {
        let root = Path::new(path);
        let files = if root.is_dir() {
            let mut files = Vec::new();
            collect_files(root, &mut Vec::new(), &mut files)?;
            files.sort_by(|a, b| a.0.cmp(&b.0));
            if files.is_empty() {
                return Err(io::Error::new(io::ErrorKind::NotFound, format!("{path}: no .parquet files in this directory")));
            }
            files
        } else {
            vec![(root.to_path_buf(), Vec::new())]
        };
        let mut lines = JsonLines { name: path.to_owned(), files, next_file: 0, current: None, buffer: Vec::new(), at: 0, rows: 0 };
        lines.open_next()?;
        Ok(lines)
    }

    /// Opens the next file; false when there is none.
    fn open_next(&mut self) -> io::Result<bool> {
        let Some((path, partition)) = self.files.get(self.next_file) else {
            self.current = None;
            return Ok(false);
        };
        self.next_file += 1;
        let name = path.display().to_string();
        let file = File::open(path).map_err(|e| io::Error::new(e.kind(), format!("cannot open {name}: {e}")))?;
        let builder =
            ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| invalid(format!("{name}: not a readable Parquet file: {e}")))?;
        let layout = layout(&name, builder.schema(), partition).map_err(|e| invalid(e.to_string()))?;
        let reader = builder.with_batch_size(BATCH_ROWS).build().map_err(|e| invalid(format!("{name}: {e}")))?;
        self.current = Some((name, reader, layout));
        Ok(true)
    }

    /// Decodes the next batch into the buffer; false at the end of the data.
    fn fill(&mut self) -> io::Result<bool> {
        loop {
            let Some((name, reader, layout)) = &mut self.current else { return Ok(false) };
            match reader.next() {
                Some(Ok(batch)) => {
                    self.buffer.clear();
                    self.at = 0;
                    render_batch(name, &batch, layout, self.rows, &mut self.buffer)?;
                    self.rows += batch.num_rows() as u64;
                    if !self.buffer.is_empty() {
                        return Ok(true);
                    }
                }
                Some(Err(error)) => {
                    let hint = if error.to_string().contains("Disabled feature") {
                        " (verdict reads uncompressed and Snappy Parquet: write with COMPRESSION 'snappy')"
                    } else {
                        ""
                    };
                    return Err(invalid(format!("{name}: {error}{hint}")));
                }
                None => {
                    if !self.open_next()? {
                        return Ok(false);
                    }
                }
            }
        }
    }

    /// The path given to [`JsonLines::open`].
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Read for JsonLines {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.at == self.buffer.len() && !self.fill()? {
            return Ok(0);
        }
        let n = out.len().min(self.buffer.len() - self.at);
        out[..n].copy_from_slice(&self.buffer[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Every `.parquet` file under `dir`, with the `key=value` folders on its way.
fn collect_files(dir: &Path, partition: &mut Vec<(String, Option<String>)>, out: &mut Vec<PartitionedFile>) -> io::Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue; // _SUCCESS, .crc and other engine leftovers
        }
        if entry.file_type()?.is_dir() {
            let pushed = match name.split_once('=') {
                Some((key, value)) => {
                    partition.push((key.to_owned(), partition_value(value)));
                    true
                }
                None => false,
            };
            collect_files(&path, partition, out)?;
            if pushed {
                partition.pop();
            }
        } else if name.ends_with(".parquet") {
            out.push((path, partition.clone()));
        }
    }
    Ok(())
}

/// A Hive partition folder's value: percent-decoded; Spark's `__HIVE_DEFAULT_PARTITION__` and
/// DuckDB's `NULL` stand for null.
fn partition_value(text: &str) -> Option<String> {
    if text == "__HIVE_DEFAULT_PARTITION__" || text == "NULL" {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// A text column of any of Arrow's string layouts.
fn text_at(array: &ArrayRef, row: usize) -> Option<&str> {
    if array.is_null(row) {
        return None;
    }
    match array.data_type() {
        DataType::Utf8 => Some(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => Some(array.as_string::<i64>().value(row)),
        DataType::Utf8View => Some(array.as_string_view().value(row)),
        _ => None,
    }
}

/// An integer column as decimal text.
fn integer_at(array: &ArrayRef, row: usize) -> Option<String> {
    if array.is_null(row) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::UInt32 => array.as_primitive::<UInt32Type>().value(row).to_string(),
        DataType::UInt64 => array.as_primitive::<UInt64Type>().value(row).to_string(),
        _ => return None,
    })
}

fn push_str(out: &mut Vec<u8>, text: &str) {
    serde_json::to_writer(&mut *out, text).expect("writing to a Vec cannot fail");
}

/// `,"key":` (no comma first when `first`).
fn push_key(out: &mut Vec<u8>, key: &str, first: &mut bool) {
    if !std::mem::take(first) {
        out.push(b',');
    }
    push_str(out, key);
    out.push(b':');
}

/// One row of every column, with the row number for messages.
struct Row<'a> {
    file: &'a str,
    number: u64,
    columns: &'a [Option<&'a ArrayRef>],
    layout: &'a Layout,
    index: usize,
}

impl Row<'_> {
    fn text(&self, position: usize) -> Option<&str> {
        match self.columns[position] {
            Some(array) => text_at(array, self.index),
            None => self.layout.partition[position].as_ref().and_then(|value| value.as_deref()),
        }
    }

    fn error(&self, column: &str, problem: &str) -> io::Error {
        invalid(format!("{}: row {}: column `{column}`: {problem}", self.file, self.number))
    }
}

fn position_of(name: &str) -> usize {
    COLUMNS.iter().position(|(column, _, _)| *column == name).expect("a known column")
}

/// Appends the JSON line of each row of `batch`.
fn render_batch(file: &str, batch: &RecordBatch, layout: &Layout, rows_before: u64, out: &mut Vec<u8>) -> io::Result<()> {
    let columns: Vec<Option<&ArrayRef>> = layout.index.iter().map(|index| index.map(|i| batch.column(i))).collect();
    for index in 0..batch.num_rows() {
        let row = Row { file, number: rows_before + index as u64 + 1, columns: &columns, layout, index };
        render_row(&row, out)?;
        out.push(b'\n');
    }
    Ok(())
}

/// The JSON line of one row: known fields in the judgment's own order, then `meta`, then `chain`.
fn render_row(row: &Row<'_>, out: &mut Vec<u8>) -> io::Result<()> {
    let mut first = true;
    out.push(b'{');
    push_key(out, "schema", &mut first);
    push_str(out, row.text(position_of(column::SCHEMA)).unwrap_or(verdict_core::judgment::SCHEMA));
    for name in [column::ITEM_ID, column::ANNOTATOR] {
        // A null id is written as null: the one reader names the field.
        push_key(out, name, &mut first);
        match row.text(position_of(name)) {
            Some(text) => push_str(out, text),
            None => out.extend_from_slice(b"null"),
        }
    }
    let optional_text = |name: &str, out: &mut Vec<u8>, first: &mut bool| {
        if let Some(text) = row.text(position_of(name)) {
            push_key(out, name, first);
            push_str(out, text);
        }
    };
    optional_text(column::GROUP, out, &mut first);
    render_texts(row, column::SHOWN, out, &mut first);
    if let Some(winner) = row.text(position_of(column::WINNER)) {
        push_key(out, "preference", &mut first);
        let mut inner_first = true;
        out.push(b'{');
        push_key(out, "winner", &mut inner_first);
        push_str(out, winner);
        if let Some(strength) = row.columns[position_of(column::STRENGTH)].and_then(|a| integer_at(a, row.index)) {
            push_key(out, "strength", &mut inner_first);
            out.extend_from_slice(strength.as_bytes());
        }
        render_json_map(row, column::PREFERENCE_META, out, &mut inner_first)?;
        out.push(b'}');
    }
    render_texts(row, column::RANKING, out, &mut first);
    render_scores(row, out, &mut first)?;
    render_texts(row, column::FLAGS, out, &mut first);
    optional_text(column::STARTED_AT, out, &mut first);
    optional_text(column::SUBMITTED_AT, out, &mut first);
    if let Some(duration) = row.columns[position_of(column::DURATION_MS)].and_then(|a| integer_at(a, row.index)) {
        push_key(out, "duration_ms", &mut first);
        out.extend_from_slice(duration.as_bytes());
    }
    optional_text(column::TASK_SHA256, out, &mut first);
    optional_text(column::RUBRIC_SHA256, out, &mut first);
    optional_text(column::APP_VERSION, out, &mut first);
    render_json_map(row, column::META, out, &mut first)?;
    optional_text(column::CHAIN, out, &mut first);
    out.push(b'}');
    Ok(())
}

fn render_texts(row: &Row<'_>, name: &str, out: &mut Vec<u8>, first: &mut bool) {
    let Some(array) = row.columns[position_of(name)] else { return };
    if array.is_null(row.index) {
        return;
    }
    let list: &ListArray = array.as_list::<i32>();
    let values = list.values();
    let offsets = list.value_offsets();
    push_key(out, name, first);
    out.push(b'[');
    for (k, value) in (offsets[row.index] as usize..offsets[row.index + 1] as usize).enumerate() {
        if k > 0 {
            out.push(b',');
        }
        match text_at(values, value) {
            Some(text) => push_str(out, text),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.push(b']');
}

/// Map entries as fields of the object being written; each value must be one JSON value.
fn render_json_map(row: &Row<'_>, name: &str, out: &mut Vec<u8>, first: &mut bool) -> io::Result<()> {
    let Some(array) = row.columns[position_of(name)] else { return Ok(()) };
    if array.is_null(row.index) {
        return Ok(());
    }
    let map: &MapArray = array.as_map();
    let offsets = map.value_offsets();
    for entry in offsets[row.index] as usize..offsets[row.index + 1] as usize {
        let key = text_at(map.keys(), entry).unwrap_or_default();
        let Some(value) = text_at(map.values(), entry) else {
            return Err(row.error(name, &format!("the value of \"{key}\" is null (expected JSON text)")));
        };
        if serde_json::from_str::<serde::de::IgnoredAny>(value).is_err() {
            return Err(row.error(name, &format!("the value of \"{key}\" is not one JSON value")));
        }
        push_key(out, key, first);
        out.extend_from_slice(value.as_bytes());
    }
    Ok(())
}

/// `scores`: consecutive entries of one criterion with a model make its `{model: value}`
/// object; an entry without a model is the criterion's plain value.
fn render_scores(row: &Row<'_>, out: &mut Vec<u8>, first: &mut bool) -> io::Result<()> {
    let Some(array) = row.columns[position_of(column::SCORES)] else { return Ok(()) };
    if array.is_null(row.index) {
        return Ok(());
    }
    let list: &ListArray = array.as_list::<i32>();
    let entries: &StructArray = list.values().as_struct();
    let field = |name: &str| entries.column_by_name(name);
    let (criteria, models, labels, jsons) =
        (field(score_field::CRITERION), field(score_field::MODEL), field(score_field::LABEL), field(score_field::JSON));
    let values = field(score_field::VALUE);
    let offsets = list.value_offsets();
    push_key(out, "scores", first);
    out.push(b'{');
    let mut open: Option<&str> = None;
    let mut first_score = true;
    for entry in offsets[row.index] as usize..offsets[row.index + 1] as usize {
        let Some(criterion) = criteria.and_then(|c| text_at(c, entry)) else {
            return Err(row.error("scores.criterion", "null (every score names its criterion)"));
        };
        let model = models.and_then(|m| text_at(m, entry));
        let value = values.and_then(|v| number_at(v, entry));
        let (label, json) = (labels.and_then(|l| text_at(l, entry)), jsons.and_then(|j| text_at(j, entry)));
        if let Some(json) = json.filter(|json| serde_json::from_str::<serde::de::IgnoredAny>(json).is_err()) {
            return Err(row.error("scores.json", &format!("not one JSON value: {json:.40}")));
        }
        match model {
            Some(model) => {
                if open == Some(criterion) {
                    out.push(b',');
                } else {
                    if open.is_some() {
                        out.push(b'}');
                    }
                    push_key(out, criterion, &mut first_score);
                    out.push(b'{');
                    open = Some(criterion);
                }
                push_str(out, model);
                out.push(b':');
            }
            None => {
                if open.take().is_some() {
                    out.push(b'}');
                }
                push_key(out, criterion, &mut first_score);
            }
        }
        ScoreCell::write_json(json, label, value, out);
    }
    if open.is_some() {
        out.push(b'}');
    }
    out.push(b'}');
    Ok(())
}

fn number_at(array: &ArrayRef, row: usize) -> Option<f64> {
    if array.is_null(row) {
        return None;
    }
    match array.data_type() {
        DataType::Float64 => Some(array.as_primitive::<Float64Type>().value(row)),
        _ => integer_at(array, row).and_then(|text| text.parse().ok()),
    }
}
