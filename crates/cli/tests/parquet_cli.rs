//! `verdict convert --to parquet` and Parquet wherever a judgment file is read: JSONL → Parquet
//! → JSONL gives the same bytes as JSONL → JSONL, and every command reads the Parquet file as
//! the judgments it holds (same results, same input block across commands).

mod common;

use serde_json::Value;

fn convert(input: &str, to: &str, output: &str) {
    let (_, stderr, code) = common::verdict(&["convert", input, "--to", to, "-o", output], None);
    assert!(code <= 1, "convert {input} → {to}: {stderr}");
}

fn nasty_files() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/nasty");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn jsonl_to_parquet_to_jsonl_is_byte_identical() {
    let mut inputs = vec![common::demo("mtbench-judgments/judgments.jsonl")];
    inputs.extend(nasty_files());
    for (k, input) in inputs.iter().enumerate() {
        let parquet = common::scratch("parquet", &format!("{k}.parquet"), b"");
        let (direct, via) =
            (common::scratch("parquet", &format!("{k}-direct.jsonl"), b""), common::scratch("parquet", &format!("{k}-via.jsonl"), b""));
        convert(input, "parquet", parquet.to_str().unwrap());
        convert(input, "judgments", direct.to_str().unwrap());
        convert(parquet.to_str().unwrap(), "judgments", via.to_str().unwrap());
        let (direct, via) = (std::fs::read(&direct).unwrap(), std::fs::read(&via).unwrap());
        assert!(!direct.is_empty(), "{input}");
        assert!(direct == via, "{input}: JSONL → Parquet → JSONL differs from JSONL → JSONL");
    }
}

#[test]
fn every_command_reads_parquet_as_the_judgments_it_holds() {
    let input = common::demo("mtbench-judgments/judgments.jsonl");
    let parquet = common::scratch("parquet", "every-command.parquet", b"");
    let parquet = parquet.to_str().unwrap();
    convert(&input, "parquet", parquet);
    let json = |args: &[&str]| -> Value {
        let (stdout, stderr, _) = common::verdict(args, None);
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stderr}"))
    };
    let mut blocks = Vec::new();
    for command in ["validate", "agree", "rank"] {
        let from_parquet = json(&[command, "--json", parquet]);
        blocks.push(from_parquet["input"].clone());
        if command != "validate" {
            let from_jsonl = json(&[command, "--json", &input]);
            let strip = |mut v: Value| {
                v.as_object_mut().unwrap().remove("input");
                // The JSONL file has one re-judgment; the Parquet file only the judgment kept.
                v.as_object_mut().unwrap().remove("n_replaced");
                v
            };
            assert_eq!(strip(from_parquet), strip(from_jsonl), "{command}: Parquet and JSONL results differ");
        }
    }
    let report = json(&["aggregate", "--json", "--criterion", "preference", "--method", "majority", parquet]);
    blocks.push(report["input"].clone());
    assert_eq!(blocks[0]["judgments"], 5754);
    assert_eq!(blocks[0]["replaced"], 0);
    for block in &blocks[1..] {
        assert_eq!(block, &blocks[0]);
    }
}

#[test]
fn parquet_needs_an_output_file_and_a_broken_file_is_named() {
    let input = common::demo("mtbench-judgments/judgments.jsonl");
    let (_, stderr, code) = common::verdict(&["convert", &input, "--to", "parquet"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("-o FILE.parquet"), "{stderr}");
    let cut = common::scratch("parquet", "cut.parquet", b"PAR1 and then nothing");
    let (_, stderr, code) = common::verdict(&["agree", cut.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("cut.parquet: not a readable Parquet file"), "{stderr}");
}
