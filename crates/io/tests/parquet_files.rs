//! Parquet files not written by verdict: a Hive-partitioned directory (by day and group, the
//! group taken from the folder names as DuckDB and Spark leave it out of the files), and files
//! whose columns have the wrong type.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use verdict_core::read::read_texts;
use verdict_io::parquet::{is_parquet, JsonLines, JudgmentWriter};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("verdict-io-files-{}", std::process::id())).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_batch(path: &Path, batch: &RecordBatch) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut writer = ArrowWriter::try_new(std::fs::File::create(path).unwrap(), batch.schema(), None).unwrap();
    writer.write(batch).unwrap();
    writer.close().unwrap();
}

fn lines_of(path: &Path) -> Result<String, std::io::Error> {
    let mut text = String::new();
    JsonLines::open(path.to_str().unwrap())?.read_to_string(&mut text)?;
    Ok(text)
}

const JSONL: &str = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"a","group":"site a/b","preference":{"winner":"m1"},"submitted_at":"2026-11-25T10:00:00Z"}
{"schema":"verdict/judgment@1","item_id":"q2","annotator":"b","group":"site-c","preference":{"winner":"m2"},"submitted_at":"2026-11-25T11:00:00Z"}
{"schema":"verdict/judgment@1","item_id":"q1","annotator":"b","preference":{"winner":"tie"},"submitted_at":"2026-11-26T09:00:00Z"}"#;

#[test]
fn a_partitioned_directory_reads_as_the_judgments_it_holds() {
    let dir = temp("partitioned");
    let judgments = read_texts(&[("f", JSONL)]).judgments;
    // One file per (day, group), written by verdict, then the group column dropped as engines do.
    for (k, judgment) in judgments.iter().enumerate() {
        let whole = dir.join(format!("whole-{k}.parquet"));
        let mut writer = JudgmentWriter::new(std::fs::File::create(&whole).unwrap()).unwrap();
        writer.write(judgment).unwrap();
        writer.finish().unwrap();
        let batch = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&whole).unwrap())
            .unwrap()
            .build()
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        std::fs::remove_file(&whole).unwrap();
        let group_index = batch.schema().index_of("group").unwrap();
        let keep: Vec<usize> = (0..batch.num_columns()).filter(|&i| i != group_index).collect();
        let day = &judgment.submitted_at.as_deref().unwrap()[..10];
        let group = match judgment.group.as_deref() {
            Some(group) => group.replace('/', "%2F").replace(' ', "%20"),
            None => "__HIVE_DEFAULT_PARTITION__".into(),
        };
        write_batch(
            &dir.join("data").join(format!("day={day}")).join(format!("group={group}")).join("part-0.parquet"),
            &batch.project(&keep).unwrap(),
        );
    }
    std::fs::write(dir.join("data/_SUCCESS"), "").unwrap();
    let data = dir.join("data");
    assert!(is_parquet(data.to_str().unwrap()));
    let text = lines_of(&data).unwrap();
    let back = read_texts(&[("dir", &text)]);
    assert_eq!(back.summary.skipped, 0, "{:?}", back.problems);
    let mut expected = judgments.clone();
    let mut got = back.judgments.clone();
    let key = |j: &verdict_core::Judgment| (j.item_id.clone(), j.annotator.clone());
    expected.sort_by_key(key);
    got.sort_by_key(key);
    assert_eq!(got, expected);
}

#[test]
fn a_column_of_the_wrong_type_is_named_with_the_type_expected() {
    let dir = temp("wrong");
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("item_id", Arc::new(StringArray::from(vec!["q1"]))),
        ("annotator", Arc::new(StringArray::from(vec!["a"]))),
        ("winner", Arc::new(StringArray::from(vec!["m1"]))),
        ("strength", Arc::new(StringArray::from(vec!["strong"]))),
    ];
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let path = dir.join("wrong.parquet");
    write_batch(&path, &batch);
    let error = lines_of(&path).unwrap_err().to_string();
    assert!(error.contains("column `strength`: expected an integer (INT64), found Utf8"), "{error}");

    let schema = Arc::new(Schema::new(vec![Field::new("item_id", DataType::Int64, false), Field::new("annotator", DataType::Utf8, false)]));
    let batch = RecordBatch::try_new(schema, vec![Arc::new(Int64Array::from(vec![1])), Arc::new(StringArray::from(vec!["a"]))]).unwrap();
    write_batch(&path, &batch);
    let error = lines_of(&path).unwrap_err().to_string();
    assert!(error.contains("column `item_id`: expected a string (UTF8), found Int64"), "{error}");

    let batch = RecordBatch::try_from_iter(vec![("item_id", Arc::new(StringArray::from(vec!["q"])) as ArrayRef)]).unwrap();
    write_batch(&path, &batch);
    let error = lines_of(&path).unwrap_err().to_string();
    assert!(error.contains("column `annotator`: expected a string (UTF8), found missing"), "{error}");

    std::fs::write(&path, "not parquet").unwrap();
    assert!(!is_parquet(path.to_str().unwrap()));
}

#[test]
fn a_minimal_file_from_another_tool_reads_and_bad_rows_are_left_to_the_one_reader() {
    let dir = temp("minimal");
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("item_id", Arc::new(StringArray::from(vec![Some("q1"), None, Some("q3")]))),
        ("annotator", Arc::new(StringArray::from(vec!["a", "a", "a"]))),
        ("winner", Arc::new(StringArray::from(vec![Some("m1"), Some("m2"), None]))),
        ("unknown_column", Arc::new(StringArray::from(vec!["x", "y", "z"]))),
    ];
    let path = dir.join("minimal.parquet");
    write_batch(&path, &RecordBatch::try_from_iter(columns).unwrap());
    let back = read_texts(&[("minimal.parquet", &lines_of(&path).unwrap())]);
    assert_eq!(back.judgments.len(), 1);
    let fields: Vec<(u64, &str)> = back.problems.iter().map(|p| (p.line, p.field.as_str())).collect();
    assert_eq!(fields, vec![(2, "item_id"), (3, "-")], "{:?}", back.problems);
}
