//! The selection flags every analysis command takes (`--items`, `--where`, `--raters`), read
//! into `verdict_core::read::Selection`. A selection filters the judgments kept by the identity
//! rule; the input summary stays the whole input's and `"selected"` counts what was used.

use verdict_core::read::{RaterSet, Selection};
use verdict_core::Judgment;

/// Selection flags (`#[command(flatten)]`).
#[derive(clap::Args, Debug, Default, Clone)]
pub struct SelectArgs {
    /// Only judgments whose item_id matches this regular expression (searched anywhere; anchor
    /// with ^…$), e.g. `:t1:` for MT-Bench's first turn.
    #[arg(long, value_name = "REGEX")]
    pub items: Option<String>,
    /// Only judgments where FIELD equals VALUE (repeat = all must hold). FIELD: group, kind,
    /// annotator, item_id, meta.X or any extra field of the judgment.
    #[arg(long = "where", value_name = "FIELD=VALUE")]
    pub wheres: Vec<String>,
    /// Only these raters (repeat = any): an annotator id, a glob (`judge:*`), group:NAME,
    /// `humans` or `judges` (LLM judges: `judge:` prefix or `kind: "judge"`).
    #[arg(long = "raters", value_name = "SEL")]
    pub raters: Vec<String>,
}

impl SelectArgs {
    /// The selection; `default_raters` (e.g. `humans`) applies when no `--raters` is given.
    pub fn selection(&self, default_raters: Option<&str>) -> anyhow::Result<Selection> {
        let mut selection = Selection::parse(self.items.as_deref(), &self.wheres, &self.raters)?;
        if let (true, Some(default)) = (self.raters.is_empty(), default_raters) {
            selection.set_raters(RaterSet::parse(&[default])?);
        }
        Ok(selection)
    }
}

/// The judgments `selection` selects.
pub fn filter(judgments: Vec<Judgment>, selection: &Selection) -> Vec<Judgment> {
    if selection.is_everything() {
        return judgments;
    }
    judgments.into_iter().filter(|j| selection.matches(j)).collect()
}
