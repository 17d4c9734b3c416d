//! Partials as Parquet: the rows an engine writes with `COPY (…) TO 'p.parquet'` (DuckDB) or
//! `.write.parquet(dir)` (Spark), read as the CSV form (same columns, same checks). A directory
//! is read file by file in path order (`_SUCCESS` and dot files skipped).

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatchReader};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::{csv_field, PartialsError};

/// The CSV text (header and rows) of a Parquet file or directory of partials rows.
pub fn to_csv_text(path: &str) -> Result<String, PartialsError> {
    let invalid = |what: String| PartialsError::Invalid(format!("{path}: {what}"));
    let mut files = Vec::new();
    if Path::new(path).is_dir() {
        collect(Path::new(path), &mut files).map_err(|e| invalid(format!("cannot read: {e}")))?;
        files.sort();
    } else {
        files.push(PathBuf::from(path));
    }
    let mut out = String::new();
    let mut header: Option<String> = None;
    for file in files {
        let name = file.display().to_string();
        let opened = File::open(&file).map_err(|e| PartialsError::Invalid(format!("{name}: cannot open: {e}")))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(opened)
            .and_then(|b| b.build())
            .map_err(|e| PartialsError::Invalid(format!("{name}: not a readable Parquet file: {e}")))?;
        let schema = reader.schema();
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        let this_header = names.join(",");
        match &header {
            None => {
                out.push_str(&this_header);
                out.push('\n');
                header = Some(this_header);
            }
            Some(first) if *first != this_header => {
                return Err(PartialsError::Invalid(format!("{name}: columns {this_header}, but the first file has {first}")));
            }
            Some(_) => {}
        }
        for batch in reader {
            let batch = batch.map_err(|e| PartialsError::Invalid(format!("{name}: {e}")))?;
            for row in 0..batch.num_rows() {
                let mut fields = Vec::with_capacity(batch.num_columns());
                for (column, array) in batch.columns().iter().enumerate() {
                    let text = cell(array, row).ok_or_else(|| {
                        PartialsError::Invalid(format!(
                            "{name}: column `{}`: expected text, a number or a boolean, found {}",
                            names[column],
                            array.data_type()
                        ))
                    })?;
                    fields.push(csv_field(&text));
                }
                out.push_str(&fields.join(","));
                out.push('\n');
            }
        }
    }
    if header.is_none() {
        return Err(invalid("no Parquet file".into()));
    }
    Ok(out)
}

/// Every `.parquet` file under `dir` (engine leftovers such as `_SUCCESS` skipped).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect(&entry.path(), out)?;
        } else if name.ends_with(".parquet") {
            out.push(entry.path());
        }
    }
    Ok(())
}

/// One cell as CSV text (empty for null); `None` for a type partials never hold.
fn cell(array: &ArrayRef, row: usize) -> Option<String> {
    if array.is_null(row) {
        return Some(String::new());
    }
    Some(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().value(row).to_owned(),
        DataType::LargeUtf8 => array.as_string::<i64>().value(row).to_owned(),
        DataType::Utf8View => array.as_string_view().value(row).to_owned(),
        DataType::Boolean => array.as_boolean().value(row).to_string(),
        DataType::Int8 => array.as_primitive::<Int8Type>().value(row).to_string(),
        DataType::Int16 => array.as_primitive::<Int16Type>().value(row).to_string(),
        DataType::Int32 => array.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Int64 => array.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::UInt32 => array.as_primitive::<UInt32Type>().value(row).to_string(),
        DataType::UInt64 => array.as_primitive::<UInt64Type>().value(row).to_string(),
        DataType::Float32 => f64::from(array.as_primitive::<Float32Type>().value(row)).to_string(),
        DataType::Float64 => array.as_primitive::<Float64Type>().value(row).to_string(),
        DataType::Null => String::new(),
        _ => return None,
    })
}
