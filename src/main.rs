//! Verdict web app entry (placeholder until the app lands).
fn main() {}
