//! JSONL → Parquet → JSONL is lossless: the judgments the one reader keeps from a JSONL file,
//! written as Parquet and read back through the one reader, are the same judgments and give the
//! same JSON lines byte for byte (the MT-Bench demo file and every file of `tests/nasty/`).

use std::path::PathBuf;

use verdict_core::read::{read_texts, JudgmentReader, Limits};
use verdict_core::Judgment;
use verdict_io::parquet::{JsonLines, JudgmentWriter};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("verdict-io-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn write_parquet(path: &std::path::Path, judgments: &[Judgment]) {
    let mut writer = JudgmentWriter::new(std::fs::File::create(path).unwrap()).unwrap();
    for judgment in judgments {
        writer.write(judgment).unwrap();
    }
    writer.finish().unwrap();
}

/// Reads a Parquet file or directory through the one reader, as the CLI does.
fn read_parquet(path: &std::path::Path) -> verdict_core::read::Input {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut JsonLines::open(path.to_str().unwrap()).unwrap(), &mut text).unwrap();
    let mut reader = JudgmentReader::new(Limits::default());
    reader.add_text(path.to_str().unwrap(), &text);
    reader.finish()
}

fn check_round_trip(name: &str, text: &str) {
    let from_jsonl = read_texts(&[(name, text)]);
    assert!(!from_jsonl.judgments.is_empty(), "{name}");
    let path = temp(&format!("{}.parquet", name.replace('/', "_")));
    write_parquet(&path, &from_jsonl.judgments);
    let back = read_parquet(&path);
    assert_eq!(back.summary.skipped, 0, "{name}: {:?}", back.problems);
    assert_eq!(back.summary.replaced, 0, "{name}");
    assert_eq!(back.judgments, from_jsonl.judgments, "{name}");
    let lines = |input: &verdict_core::read::Input| input.judgments.iter().map(Judgment::to_json_line).collect::<Vec<_>>().join("\n");
    assert_eq!(lines(&back), lines(&from_jsonl), "{name}: the JSON lines differ");
}

#[test]
fn mtbench_round_trips_byte_for_byte() {
    let text = std::fs::read_to_string(repo("www/demo/mtbench-judgments/judgments.jsonl")).unwrap();
    check_round_trip("mtbench", &text);
}

#[test]
fn every_nasty_file_round_trips() {
    let mut n = 0;
    for entry in std::fs::read_dir(repo("tests/nasty")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            check_round_trip(&path.file_name().unwrap().to_string_lossy(), &text);
            n += 1;
        }
    }
    assert!(n >= 8);
}

#[test]
fn odd_values_round_trip() {
    let text = [
        r#"{"schema":"verdict/judgment@1","item_id":"a","annotator":"x","scores":{"empty":{},"multi":["a","b"],"flag":true,"nil":null,"n":4.0,"big":18446744073709551615,"f":0.1,"per":{"m1":{"nested":[1]},"m2":"txt"}},"flags":[]}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"b","annotator":"judge:gpt","preference":{"winner":"tie","strength":3,"why":{"k":[1,2]}},"shown":[],"ranking":["m1"],"duration_ms":18446744073709551615,"kind":"judge","z":1,"a":"s","chain":"abc"}"#,
        r#"{"schema":"verdict/judgment@1","item_id":"c\n\u0000é😀","annotator":"y","group":"g","preference":{"winner":"m1"},"started_at":"2026-11-25T10:00:00+02:00","submitted_at":"2026-11-25T10:00:41.5Z","task_sha256":"t","rubric_sha256":"r","app_version":"0.1.0","scores":{}}"#,
    ]
    .join("\n");
    check_round_trip("odd", &text);
}
