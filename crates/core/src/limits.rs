//! Limits on what one run reads and holds, so that no input can exhaust memory or time. Each
//! has a documented default (docs/FORMATS.md, "Limits") and a CLI flag that raises it.

/// The limits in force for one run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Longest line read, in bytes (`--max-line-bytes`).
    pub max_line_bytes: usize,
    /// Most distinct annotators held (`--max-annotators`).
    pub max_annotators: u64,
    /// Most distinct items held (`--max-items`).
    pub max_items: u64,
    /// Most distinct models held (`--max-models`).
    pub max_models: u64,
    /// Most bootstrap rounds (`--bootstrap` is refused above it).
    pub max_bootstrap: u64,
}

/// Default longest line: 256 MiB (a judgment is a few hundred bytes, but a task item may carry
/// long outputs or media as `data:` URIs). An endless line (`/dev/zero`) stops there.
pub const DEFAULT_MAX_LINE_BYTES: usize = 256 << 20;
/// Default most distinct annotators: 100 000 (per-annotator tables grow with it).
pub const DEFAULT_MAX_ANNOTATORS: u64 = 100_000;
/// Default most distinct items: 50 000 000.
pub const DEFAULT_MAX_ITEMS: u64 = 50_000_000;
/// Default most distinct models: 10 000 (pairwise tables grow with its square).
pub const DEFAULT_MAX_MODELS: u64 = 10_000;
/// Most bootstrap rounds: 100 000.
pub const MAX_BOOTSTRAP: u64 = 100_000;
/// Deepest JSON nesting a line may have (serde_json's own recursion limit is 128).
pub const MAX_DEPTH: u32 = 128;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            max_annotators: DEFAULT_MAX_ANNOTATORS,
            max_items: DEFAULT_MAX_ITEMS,
            max_models: DEFAULT_MAX_MODELS,
            max_bootstrap: MAX_BOOTSTRAP,
        }
    }
}

/// A limit that an input or an argument exceeded: what, the limit, and the flag that raises it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{what} exceeds the limit of {limit} ({flag} raises it)")]
pub struct LimitExceeded {
    /// What exceeded it, e.g. `line 3 of a.jsonl`, `distinct annotators`.
    pub what: String,
    /// The limit in force.
    pub limit: u64,
    /// The flag that raises it.
    pub flag: &'static str,
}

impl Limits {
    /// Checks a count of distinct names of a kind (`annotators`, `items`, `models`).
    pub fn check_count(&self, kind: &str, count: u64) -> Result<(), LimitExceeded> {
        let (limit, flag) = match kind {
            "annotators" => (self.max_annotators, "--max-annotators"),
            "items" => (self.max_items, "--max-items"),
            _ => (self.max_models, "--max-models"),
        };
        if count > limit {
            return Err(LimitExceeded { what: format!("{count} distinct {kind}"), limit, flag });
        }
        Ok(())
    }

    /// Checks a requested number of bootstrap rounds.
    pub fn check_bootstrap(&self, rounds: u64) -> Result<(), LimitExceeded> {
        if rounds > self.max_bootstrap {
            return Err(LimitExceeded {
                what: format!("--bootstrap {rounds}"),
                limit: self.max_bootstrap,
                flag: "no flag: the limit is fixed",
            });
        }
        Ok(())
    }
}
