//! Style covariates for style-controlled Bradley–Terry, as LMArena computes them: answer length
//! and the counts of Markdown headers, bold spans and list items, per battle as the relative
//! difference (a − b)/(a + b) of the two answers, standardized over the battles fitted.
//!
//! Sources, in `docs/RANKING.md` ("Style control"):
//! - counting: arena-hard-auto `utils/add_markdown_info.py` (`count_markdown_elements` after
//!   removing code blocks), the code behind Chatbot Arena's `conv_metadata`; reproduced rule by
//!   rule here (regular-expression semantics included) and checked against it on generated text;
//! - normalization: arena-rank `examples/example_utils.py::add_style_feature_cols` then
//!   `ContextualPairDataset.from_pandas(normalize_features=True)`.
//!
//! Length is the answer's length in characters when computed from a task file; Arena's
//! `conv_metadata` gives tiktoken tokens, which Verdict does not ship. The relative difference
//! is scale-free, so a constant characters-per-token factor cancels.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Number of style covariates.
pub const N_FEATURES: usize = 4;

/// The covariates' names, in arena-rank's notebook order (tokens, headers, bold, lists).
pub const FEATURE_NAMES: [&str; N_FEATURES] = ["length", "headers", "bold", "lists"];

/// One answer's style: length, headers, bold spans, list items (in [`FEATURE_NAMES`] order).
pub type StyleCounts = [f64; N_FEATURES];

/// Where the covariates come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Computed from the task file's outputs ([`counts_from_text`]).
    Tasks,
    /// Read from Arena rows' `conv_metadata` ([`counts_from_conv_metadata`]).
    ConvMetadata,
}

/// Why a battle has no covariates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The item is not in the task file, or has no output of one of the two models.
    NoOutput,
    /// The judgment has no `conv_metadata` object.
    NoConvMetadata,
    /// `conv_metadata` lacks a count, or a count is not a number.
    BadConvMetadata,
    /// The judgment's `shown` does not list the two models as model_a and model_b.
    NoSides,
}

/// Python's `\s` for `str` patterns: Unicode whitespace plus the separators U+001C–U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Removes code as arena-hard-auto does: for each match of ```` ```([^`]*)``` ```` in the
/// original text (non-overlapping, left to right), every occurrence of the captured inner text
/// is deleted (the fences themselves stay, as in `remove_pattern`).
fn remove_code(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut blocks: Vec<&str> = Vec::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        if &bytes[i..i + 3] == b"```" {
            let start = i + 3;
            let end = start + bytes[start..].iter().position(|&b| b == b'`').unwrap_or(bytes.len() - start);
            if bytes[end..].starts_with(b"```") {
                blocks.push(&text[start..end]);
                i = end + 3;
                continue;
            }
        }
        i += 1;
    }
    let mut result = text.to_owned();
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        result = result.replace(block, "");
    }
    result
}

/// Byte offsets where `^` matches in Python's MULTILINE mode: 0 and after every `\n`.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

/// Counts of `^#{1}\s` … `^#{6}\s`, summed: lines opening with one to six `#` and whitespace.
fn count_headers(text: &str) -> usize {
    line_starts(text)
        .filter(|&start| {
            let rest = &text[start..];
            let hashes = rest.bytes().take_while(|&b| b == b'#').count();
            (1..=6).contains(&hashes) && rest[hashes..].chars().next().is_some_and(is_python_space)
        })
        .count()
}

/// Matches of `^\s*MARKER\s` (non-overlapping, as `re.findall`), where `marker` matches the
/// start of a string and returns its byte length. `\s*` may run over blank lines, so a match
/// can swallow the line starts it crosses.
fn count_line_items(text: &str, marker: impl Fn(&str) -> Option<usize>) -> usize {
    let mut count = 0;
    let mut resume = 0;
    for start in line_starts(text) {
        if start < resume {
            continue;
        }
        let rest = &text[start..];
        let spaces: usize = rest.chars().take_while(|&c| is_python_space(c)).map(char::len_utf8).sum();
        let Some(marker_len) = marker(&rest[spaces..]) else { continue };
        let after = spaces + marker_len;
        if let Some(c) = rest[after..].chars().next().filter(|&c| is_python_space(c)) {
            count += 1;
            resume = start + after + c.len_utf8();
        }
    }
    count
}

/// `\d+\.` (ASCII digits; Python's `\d` also takes other scripts' decimal digits).
fn ordered_marker(rest: &str) -> Option<usize> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && rest.as_bytes().get(digits) == Some(&b'.')).then_some(digits + 1)
}

/// `[-*+]`.
fn unordered_marker(rest: &str) -> Option<usize> {
    matches!(rest.bytes().next(), Some(b'-' | b'*' | b'+')).then_some(1)
}

/// Non-overlapping matches of `DD[^D\n]+DD` for the delimiter byte `D` (`**bold**`, `__bold__`).
fn count_delimited(text: &str, delimiter: u8) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut count) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == delimiter && bytes[i + 1] == delimiter {
            let inner = bytes[i + 2..].iter().take_while(|&&b| b != delimiter && b != b'\n').count();
            let end = i + 2 + inner;
            if inner > 0 && end + 1 < bytes.len() && bytes[end] == delimiter && bytes[end + 1] == delimiter {
                count += 1;
                i = end + 2;
                continue;
            }
        }
        i += 1;
    }
    count
}

/// An answer's style counts: length in characters (of the whole answer), then headers, bold
/// spans and list items (ordered and unordered) counted after removing code blocks.
///
/// ```
/// use verdict_core::ranking::style::counts_from_text;
/// let text = "# Title\n\n- one\n- two\n1. three\n\n**bold** and __also__\n```\n# code\n```";
/// assert_eq!(counts_from_text(text), [text.chars().count() as f64, 1.0, 2.0, 3.0]);
/// ```
pub fn counts_from_text(text: &str) -> StyleCounts {
    let length = text.chars().count() as f64;
    let text = remove_code(text);
    let headers = count_headers(&text);
    let bold = count_delimited(&text, b'*') + count_delimited(&text, b'_');
    let lists = count_line_items(&text, ordered_marker) + count_line_items(&text, unordered_marker);
    [length, headers as f64, bold as f64, lists as f64]
}

/// One side's counts from an Arena `conv_metadata` object (`side` is `"a"` or `"b"`):
/// `sum_assistant_{side}_tokens` (a number), and `header_count_{side}`, `bold_count_{side}`,
/// `list_count_{side}` (objects whose values are summed; anything else counts 0, as in
/// arena-rank's `extract_metadata_features`).
pub fn counts_from_conv_metadata(metadata: &Value, side: &str) -> Result<StyleCounts, Missing> {
    let Value::Object(metadata) = metadata else { return Err(Missing::NoConvMetadata) };
    let tokens = metadata.get(&format!("sum_assistant_{side}_tokens")).and_then(Value::as_f64).ok_or(Missing::BadConvMetadata)?;
    let mut counts = [tokens, 0.0, 0.0, 0.0];
    for (slot, key) in [(1, "header_count"), (2, "bold_count"), (3, "list_count")] {
        match metadata.get(&format!("{key}_{side}")) {
            Some(Value::Object(parts)) => {
                for value in parts.values() {
                    counts[slot] += value.as_f64().ok_or(Missing::BadConvMetadata)?;
                }
            }
            Some(_) => {}
            None => return Err(Missing::BadConvMetadata),
        }
    }
    if counts.iter().all(|c| c.is_finite()) {
        Ok(counts)
    } else {
        Err(Missing::BadConvMetadata)
    }
}

/// The battle's raw covariates: (a − b)/(a + b) per count, a sum of 0 taken as 1 (as
/// arena-rank's `total.replace(0, 1)`).
pub fn relative_difference(a: &StyleCounts, b: &StyleCounts) -> [f64; N_FEATURES] {
    std::array::from_fn(|k| {
        let total = a[k] + b[k];
        (a[k] - b[k]) / if total == 0.0 { 1.0 } else { total }
    })
}

/// How raw covariates were standardized: x = (raw − mean) / std.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Normalization {
    /// Mean of each raw covariate over the rows (weighted by their counts).
    pub mean: Vec<f64>,
    /// Population standard deviation (divisor n); 1 where it is 0, so a constant covariate
    /// becomes 0 (arena-rank's `std == 0 → 1`).
    pub std: Vec<f64>,
}

/// Standardizes `features` (row-major, `n_features` per row, each row counted `counts[r]`
/// times) in place and returns the means and standard deviations used. arena-rank standardizes
/// twice (pandas, divisor n − 1, then JAX, divisor n); the result is the population form.
pub fn standardize(features: &mut [f64], n_features: usize, counts: &[f64]) -> Normalization {
    let total: f64 = counts.iter().sum();
    let mut mean = vec![0.0; n_features];
    for (row, &count) in features.chunks_exact(n_features).zip(counts) {
        for k in 0..n_features {
            mean[k] += count * row[k];
        }
    }
    mean.iter_mut().for_each(|m| *m /= total.max(1.0));
    let mut std = vec![0.0; n_features];
    for (row, &count) in features.chunks_exact(n_features).zip(counts) {
        for k in 0..n_features {
            std[k] += count * (row[k] - mean[k]).powi(2);
        }
    }
    for s in &mut std {
        *s = (*s / total.max(1.0)).sqrt();
        if *s == 0.0 || !s.is_finite() {
            *s = 1.0;
        }
    }
    for row in features.chunks_exact_mut(n_features) {
        for k in 0..n_features {
            row[k] = (row[k] - mean[k]) / std[k];
        }
    }
    Normalization { mean, std }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// (text, [headers, bold, lists]), the expected values printed by Python 3.11's `re` with the
    /// patterns of arena-hard-auto's `count_markdown_elements` (after `remove_pattern`).
    #[test]
    fn markdown_counts_follow_the_regular_expressions() {
        let cases: &[(&str, [f64; 3])] = &[
            ("# a\n## b\n###### c\n####### d\n#e", [3.0, 0.0, 0.0]),
            ("#\n#\tx", [2.0, 0.0, 0.0]), // `\s` may be the newline itself
            ("- a\n* b\n+ c\n-d\n  - e\n\t3. f\n12.g", [0.0, 0.0, 5.0]),
            ("\n\n\n- a", [0.0, 0.0, 1.0]),                  // `\s*` runs over the blank lines: one match
            ("**a** **b**\n**c\nd** ****", [0.0, 3.0, 0.0]), // `** **` is a match too
            ("__a__ ___b___", [0.0, 2.0, 0.0]),              // `__b__` inside `___b___`
            ("```\n# h\n- l\n**b**\n```\n# h\n- l", [1.0, 0.0, 1.0]),
            ("x ``` y ` z ```", [0.0, 0.0, 0.0]),
            ("é\u{1c}\n# ü\n1.\u{3000}x", [1.0, 0.0, 1.0]),
        ];
        for (text, expected) in cases {
            let counts = counts_from_text(text);
            assert_eq!(&counts[1..], expected, "{text:?}");
        }
    }

    #[test]
    fn a_code_block_removes_every_copy_of_its_text() {
        // remove_pattern deletes all occurrences of the captured text, also outside the fences.
        assert_eq!(remove_code("**x**\n```**x**```"), "\n``````");
        assert_eq!(counts_from_text("**x**\n```**x**```")[2], 0.0);
    }

    #[test]
    fn conv_metadata_sums_each_side() {
        let metadata = json!({
            "sum_assistant_a_tokens": 120, "sum_assistant_b_tokens": 40,
            "header_count_a": {"h1": 1, "h2": 2}, "header_count_b": {"h1": 0},
            "bold_count_a": {"**": 3, "__": 1}, "bold_count_b": 7,
            "list_count_a": {"ordered": 2, "unordered": 5}, "list_count_b": {"ordered": 0, "unordered": 0}
        });
        assert_eq!(counts_from_conv_metadata(&metadata, "a"), Ok([120.0, 3.0, 4.0, 7.0]));
        assert_eq!(counts_from_conv_metadata(&metadata, "b"), Ok([40.0, 0.0, 0.0, 0.0]));
        assert_eq!(counts_from_conv_metadata(&json!({"sum_assistant_a_tokens": 1}), "a"), Err(Missing::BadConvMetadata));
        assert_eq!(counts_from_conv_metadata(&json!("x"), "a"), Err(Missing::NoConvMetadata));
    }

    #[test]
    fn relative_differences_and_standardization() {
        let diff = relative_difference(&[30.0, 0.0, 1.0, 2.0], &[10.0, 0.0, 0.0, 2.0]);
        assert_eq!(diff, [0.5, 0.0, 1.0, 0.0]);
        let mut features = vec![1.0, 5.0, 3.0, 5.0];
        let normalization = standardize(&mut features, 2, &[1.0, 1.0]);
        assert_eq!(normalization.mean, vec![2.0, 5.0]);
        assert_eq!(normalization.std, vec![1.0, 1.0]); // population std 1; constant column → 1
        assert_eq!(features, vec![-1.0, 0.0, 1.0, 0.0]);
    }
}
