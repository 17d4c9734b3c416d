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
    output
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
