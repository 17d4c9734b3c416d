//! One leaderboard per slice of the judgments (`--by criterion` or `--by meta.FIELD`).

use super::*;

/// How to split judgments into separate leaderboards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// One leaderboard per per-output criterion, from the criterion's scores.
    Criterion,
    /// One leaderboard per value of the task's `meta.FIELD` (needs the task file).
    Meta(String),
}

/// One slice of judgments, as battles.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The criterion id or the meta value (`(missing)` when the item has no such field or is
    /// not in the task file).
    pub name: String,
    /// Its battles.
    pub battles: BattleSet,
}

/// Errors of [`slices`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SliceError {
    /// `By::Meta` without a task file.
    #[error("slicing by meta.{field} needs the task file (--tasks)")]
    MetaNeedsTasks {
        /// The meta field asked for.
        field: String,
    },
}

/// Splits judgments into slices, sorted by name. `By::Criterion` gives one slice per
/// criterion whose scores are per output (`{model: value}`) in some judgment.
pub fn slices(judgments: &[Judgment], tasks: Option<&[Task]>, by: &By) -> Result<Vec<Slice>, SliceError> {
    match by {
        By::Criterion => {
            let mut criteria = BTreeSet::new();
            for judgment in judgments {
                for (criterion, value) in judgment.scores.iter().flatten() {
                    if value.is_object() {
                        criteria.insert(criterion.clone());
                    }
                }
            }
            Ok(criteria
                .into_iter()
                .map(|criterion| {
                    let battles = BattleSet::from_criterion(judgments, &criterion);
                    Slice { name: criterion, battles }
                })
                .collect())
        }
        By::Meta(field) => {
            let tasks = tasks.ok_or_else(|| SliceError::MetaNeedsTasks { field: field.clone() })?;
            let by_id: HashMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
            let mut groups: BTreeMap<String, Vec<Judgment>> = BTreeMap::new();
            for judgment in judgments {
                let value = by_id.get(judgment.item_id.as_str()).and_then(|t| t.meta.get(field));
                let name = match value {
                    None | Some(Value::Null) => "(missing)".to_owned(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                };
                groups.entry(name).or_default().push(judgment.clone());
            }
            Ok(groups
                .into_iter()
                .map(|(name, judgments)| Slice { battles: BattleSet::from_judgments(&judgments, Some(tasks)), name })
                .collect())
        }
    }
}
