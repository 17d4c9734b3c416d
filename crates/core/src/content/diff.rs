//! A word-level diff between two outputs, for the rating page's diff toggle.
//!
//! Texts are cut into words, runs of whitespace and single punctuation marks; the longest
//! common subsequence of those tokens (after the common prefix and suffix are set aside) gives
//! the changes. A hand-written LCS rather than a crate: the `similar` crate would add about
//! 33 KB gzipped to the rating bundle (docs/BENCHMARKS.md, "Rich content").

/// What happened to a run of text between the first and the second output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// In both.
    Same,
    /// Only in the first.
    Removed,
    /// Only in the second.
    Added,
}

/// The most LCS table cells one diff may use (the middle parts' token counts multiplied);
/// beyond it the middle is shown as removed then added, with [`WordDiff::truncated`] set.
pub const DIFF_CELL_LIMIT: u64 = 4_000_000;

/// A diff: runs of text, each marked, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDiff {
    /// Marked runs; `Same` and `Removed` runs spell the first text, `Same` and `Added` the second.
    pub runs: Vec<(Change, String)>,
    /// The texts were too different and too long for a word-level comparison of the middle.
    pub truncated: bool,
}

/// Cuts text into words, whitespace runs and single other characters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let this = class(c);
        let ends = match chars.peek() {
            None => true,
            Some(&(_, next)) => this == 2 || class(next) != this,
        };
        if ends {
            let end = index + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    out
}

/// Compares `first` and `second` word by word.
pub fn word_diff(first: &str, second: &str) -> WordDiff {
    let a = tokens(first);
    let b = tokens(second);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut diff = WordDiff { runs: Vec::new(), truncated: false };
    let mut push = |change: Change, token: &str| match diff.runs.last_mut() {
        Some((last, text)) if *last == change => text.push_str(token),
        _ => diff.runs.push((change, token.to_owned())),
    };
    a[..prefix].iter().for_each(|t| push(Change::Same, t));
    let cells = (middle_a.len() as u64 + 1) * (middle_b.len() as u64 + 1);
    let truncated = cells > DIFF_CELL_LIMIT;
    if truncated {
        middle_a.iter().for_each(|t| push(Change::Removed, t));
        middle_b.iter().for_each(|t| push(Change::Added, t));
    } else {
        // lcs[i][j]: length of the LCS of middle_a[i..] and middle_b[j..], row-major.
        let width = middle_b.len() + 1;
        let mut lcs = vec![0u32; (middle_a.len() + 1) * width];
        for i in (0..middle_a.len()).rev() {
            for j in (0..middle_b.len()).rev() {
                lcs[i * width + j] = if middle_a[i] == middle_b[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < middle_a.len() || j < middle_b.len() {
            if i < middle_a.len() && j < middle_b.len() && middle_a[i] == middle_b[j] {
                push(Change::Same, middle_a[i]);
                i += 1;
                j += 1;
            } else if j == middle_b.len() || (i < middle_a.len() && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
                push(Change::Removed, middle_a[i]);
                i += 1;
            } else {
                push(Change::Added, middle_b[j]);
                j += 1;
            }
        }
    }
    a[a.len() - suffix..].iter().for_each(|t| push(Change::Same, t));
    diff.truncated = truncated;
    diff
}

#[cfg(test)]
mod tests {
    use super::*;
    use Change::*;

    fn runs(a: &str, b: &str) -> Vec<(Change, String)> {
        word_diff(a, b).runs
    }

    /// The runs spell both texts back: Same+Removed → first, Same+Added → second.
    fn spells_both(a: &str, b: &str) {
        let diff = word_diff(a, b);
        let first: String = diff.runs.iter().filter(|(c, _)| *c != Added).map(|(_, t)| t.as_str()).collect();
        let second: String = diff.runs.iter().filter(|(c, _)| *c != Removed).map(|(_, t)| t.as_str()).collect();
        assert_eq!((first.as_str(), second.as_str()), (a, b));
    }

    #[test]
    fn marks_changed_words() {
        assert_eq!(
            runs("the quick brown fox", "the slow brown dog"),
            [
                (Same, "the ".into()),
                (Removed, "quick".into()),
                (Added, "slow".into()),
                (Same, " brown ".into()),
                (Removed, "fox".into()),
                (Added, "dog".into())
            ]
        );
        assert_eq!(runs("a, b", "a, b"), [(Same, "a, b".into())]);
        assert_eq!(runs("", "new"), [(Added, "new".into())]);
        for (a, b) in [("x y z", "z y x"), ("héllo wörld!", "hello world?"), ("", ""), ("a\n  b", "a\n    b c")] {
            spells_both(a, b);
        }
    }

    #[test]
    fn large_different_middles_are_truncated_not_slow() {
        let a: String = (0..3000).map(|i| format!("a{i} ")).collect();
        let b: String = (0..3000).map(|i| format!("b{i} ")).collect();
        let diff = word_diff(&format!("start {a}end"), &format!("start {b}end"));
        assert!(diff.truncated);
        assert_eq!(diff.runs.first(), Some(&(Same, "start ".to_owned())));
        spells_both(&format!("start {a}end"), &format!("start {b}end"));
    }
}
