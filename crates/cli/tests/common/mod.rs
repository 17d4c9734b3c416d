//! Helpers shared by the CLI's integration tests: run the real binary, find demo files, write scratch files.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs the real `verdict` binary with `stdin` fed on its own thread (so a large input cannot
/// deadlock against the child's output); returns its output.
pub fn output(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_verdict"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the verdict binary was built by cargo test");
    let mut pipe = child.stdin.take().expect("stdin was piped");
    let input = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("verdict runs to completion");
    writer.join().expect("the stdin writer does not panic");
    if args.contains(&"--json") {
        check_output_schema(args, &output.stdout);
    }
    output
}

/// Every `--json` object a test sees names its versioned shape and matches it
/// (`docs/schemas/output.schema.json`, `verdict_core::output`): outputs cannot drift unnoticed.
pub fn check_output_schema(args: &[&str], stdout: &[u8]) {
    use std::sync::OnceLock;
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(stdout) else { return };
    if !value.is_object() {
        return;
    }
    let name = value["schema"].as_str().unwrap_or_else(|| panic!("{args:?}: a --json output names its schema"));
    let output = verdict_core::output::Output::from_schema(name).unwrap_or_else(|| panic!("{args:?}: unknown output schema {name}"));
    let document = SCHEMA.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schemas/output.schema.json");
        serde_json::from_str(&std::fs::read_to_string(path).expect("the output schema is readable")).expect("the output schema is JSON")
    });
    // The one definition this output must match, with the document's $defs for its references.
    let definition = name.trim_start_matches("verdict/").trim_end_matches("-output@1");
    assert_eq!(output.schema(), name);
    let mut schema = document.clone();
    schema.as_object_mut().expect("an object").remove("oneOf");
    schema["$ref"] = serde_json::Value::String(format!("#/$defs/{definition}"));
    let validator = jsonschema::validator_for(&schema).expect("the output schema is a valid JSON Schema");
    let errors: Vec<String> = validator.iter_errors(&value).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{args:?}: the output does not match $defs/{definition} of docs/schemas/output.schema.json: {errors:?}");
}

/// Runs the real `verdict` binary; returns (stdout, stderr, exit code).
pub fn verdict(args: &[&str], stdin: Option<&[u8]>) -> (String, String, i32) {
    let output = output(args, stdin);
    let code = output.status.code().expect("verdict exits normally, never by a signal (panic=abort would show here)");
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned(), code)
}

/// Path of a file under `www/demo/`.
pub fn demo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/demo").join(path).to_string_lossy().into_owned()
}

/// A scratch file with `bytes` in a directory unique to this test process and `suite`.
pub fn scratch(suite: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("verdict-{suite}-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir is writable");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file is writable");
    path
}
