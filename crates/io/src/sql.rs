//! The SQL push-down (`verdict partials --sql duckdb|spark --kind …`): queries that compute
//! partials on an engine over the Parquet judgments (docs/FORMATS.md, "Parquet") as a table or
//! view named `judgments`. Their rows are the CSV form of the partials (`--from-partials`
//! reads them), so the engine does the counting and verdict finishes with its own code.
//!
//! The queries mirror the core's rules (`verdict_core::ranking::battles`): the identity rule
//! keeps each (item_id, annotator)'s judgment with the latest `submitted_ts` (a missing one
//! counts as oldest; equal times are broken by the engine, not by file order — docs/SCALE.md);
//! a preference needs `shown` with two different models; without a preference, a ranking of
//! distinct models gives one battle per pair, oriented by display order when `shown` lists
//! them all.

pub mod spc;

use crate::partials::{agreement, ranking, SCHEMA};

/// An engine's SQL dialect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// DuckDB (also MotherDuck).
    DuckDb,
    /// Spark SQL (also Databricks).
    Spark,
}

/// The dialect's spelling of the few list functions used.
struct Lists {
    /// The 1-based `n`-th element.
    at: fn(&str, u32) -> String,
    /// Length.
    len: &'static str,
    /// Distinct elements.
    distinct: &'static str,
    /// True when every element of `b` is in `a`.
    has_all: fn(&str, &str) -> String,
    /// 1-based position of `x` in `list` (comparable; absent sorts after every present one).
    position: fn(&str, &str) -> String,
}

fn lists(dialect: Dialect) -> Lists {
    match dialect {
        Dialect::DuckDb => Lists {
            at: |list, n| format!("{list}[{n}]"),
            len: "len",
            distinct: "list_distinct",
            has_all: |a, b| format!("list_has_all({a}, {b})"),
            position: |list, x| format!("list_position({list}, {x})"),
        },
        Dialect::Spark => Lists {
            at: |list, n| format!("element_at({list}, {n})"),
            len: "size",
            distinct: "array_distinct",
            has_all: |a, b| format!("size(array_except({b}, {a})) = 0"),
            position: |list, x| format!("array_position({list}, {x})"),
        },
    }
}

/// The dialect's name in `verdict partials --sql`.
fn engine(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::DuckDb => "duckdb",
        Dialect::Spark => "spark",
    }
}

/// The dialect's quoting of the `group` column (a reserved word).
pub(crate) fn group_column(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::DuckDb => "\"group\"",
        Dialect::Spark => "`group`",
    }
}

/// SQL returning agreement partials: one row per rating, `schema, kind, criterion, per_output,
/// item, model, annotator, group, type, value` ([`agreement::CSV_HEADER`]). Like `verdict
/// agree` without `--raters`, LLM judges are left out; the preference is the winner, each score
/// a rating of its criterion (per-output when it names a model). Rows come in the order the
/// collector builds units: preference first, then criteria, items, models and annotators by
/// name.
pub fn agreement(dialect: Dialect) -> String {
    let group = group_column(dialect);
    let scores = match dialect {
        Dialect::DuckDb => "humans, UNNEST(scores) AS t(s)",
        Dialect::Spark => "humans LATERAL VIEW explode(scores) t AS s",
    };
    format!(
        "-- verdict partials --sql {engine} --kind agreement ({SCHEMA}): one row per rating of the
-- judgments that the identity rule keeps (LLM judges left out) over the table or view `judgments`.
-- Save the rows as CSV with a header and finish with `verdict agree --from-partials FILE.csv`.
WITH {kept},
humans AS (
  SELECT * FROM kept WHERE coalesce(kind, 'human') <> 'judge'
),
ratings AS (
  SELECT 'preference' AS criterion, false AS per_output, item_id AS item, CAST(NULL AS STRING) AS model, annotator,
    {group} AS annotator_group, 'label' AS type, winner AS value
  FROM humans WHERE winner IS NOT NULL
  UNION ALL
  SELECT s.criterion, s.model IS NOT NULL, item_id, s.model, annotator, {group},
    CASE WHEN s.label IS NOT NULL THEN 'label' WHEN s.value IS NOT NULL THEN 'number'
         WHEN s.json IN ('true', 'false') THEN 'bool' END,
    coalesce(s.label, CAST(s.value AS STRING), s.json)
  FROM {scores}
  WHERE s.criterion <> 'preference'
)
SELECT '{SCHEMA}' AS schema, '{kind}' AS kind, criterion, per_output, item, model, annotator, annotator_group AS {group}, type, value
FROM ratings
WHERE type IS NOT NULL
ORDER BY criterion <> 'preference', criterion, item, model, annotator;
",
        engine = engine(dialect),
        kept = kept(),
        kind = agreement::KIND,
    )
}

/// The judgments the identity rule keeps.
pub(crate) fn kept() -> String {
    "kept AS (\n  SELECT * FROM (\n    SELECT *, row_number() OVER (PARTITION BY item_id, annotator ORDER BY submitted_ts DESC NULLS LAST) AS verdict_rank\n    FROM judgments\n  ) AS numbered WHERE verdict_rank = 1\n)".to_owned()
}

/// SQL returning ranking partials: rows of `schema, kind, annotator, first, second, outcome,
/// positioned, n` ([`ranking::CSV_HEADER`]).
pub fn ranking(dialect: Dialect) -> String {
    let l = lists(dialect);
    let (first, second) = ((l.at)("shown", 1), (l.at)("shown", 2));
    let len = l.len;
    let distinct = l.distinct;
    let positioned = format!("(shown IS NOT NULL AND {})", (l.has_all)("shown", "ranking"));
    let (pos_better, pos_worse) = ((l.position)("shown", "better"), (l.position)("shown", "worse"));
    let pairs = match dialect {
        Dialect::DuckDb => "    SELECT annotator, shown, ranking, unnest(range(1, len(ranking) + 1)) AS i FROM ranked\n  ) AS a, LATERAL (SELECT unnest(range(1, len(a.ranking) + 1)) AS j) AS b\n  WHERE a.i < b.j".to_owned(),
        Dialect::Spark => "    SELECT annotator, shown, ranking, i FROM ranked LATERAL VIEW posexplode(ranking) p AS i, better_unused\n  ) AS a LATERAL VIEW posexplode(a.ranking) q AS j, worse_unused\n  WHERE a.i < j".to_owned(),
    };
    let (better, worse) = match dialect {
        Dialect::DuckDb => ("a.ranking[a.i]", "a.ranking[b.j]"),
        Dialect::Spark => ("element_at(a.ranking, a.i + 1)", "element_at(a.ranking, j + 1)"),
    };
    format!(
        "-- verdict partials --sql {engine} --kind ranking ({SCHEMA}): battle counts per
-- (annotator, first, second, outcome, positioned) over the table or view `judgments`.
-- Save the rows as CSV with a header and finish with `verdict rank --from-partials FILE.csv`.
WITH {kept},
preferences AS (
  SELECT annotator, {first} AS first, {second} AS second,
    CASE WHEN winner = {first} THEN 'first_wins' WHEN winner = {second} THEN 'second_wins'
         WHEN winner = 'tie' THEN 'tie' WHEN winner = 'both_bad' THEN 'both_bad' END AS outcome,
    true AS positioned
  FROM kept
  WHERE winner IS NOT NULL AND {len}(shown) = 2 AND {first} <> {second}
),
ranked AS (
  SELECT annotator, shown, ranking FROM kept
  WHERE winner IS NULL AND ranking IS NOT NULL AND {len}(ranking) >= 2 AND {len}({distinct}(ranking)) = {len}(ranking)
),
ranking_pairs AS (
  SELECT a.annotator, a.shown, a.ranking, {better} AS better, {worse} AS worse FROM (
{pairs}
),
ranking_battles AS (
  SELECT annotator,
    CASE WHEN {positioned} AND {pos_worse} < {pos_better} THEN worse ELSE better END AS first,
    CASE WHEN {positioned} AND {pos_worse} < {pos_better} THEN better ELSE worse END AS second,
    CASE WHEN {positioned} AND {pos_worse} < {pos_better} THEN 'second_wins' ELSE 'first_wins' END AS outcome,
    {positioned} AS positioned
  FROM ranking_pairs
),
battles AS (
  SELECT annotator, first, second, outcome, positioned FROM preferences WHERE outcome IS NOT NULL
  UNION ALL
  SELECT annotator, first, second, outcome, positioned FROM ranking_battles
)
SELECT '{SCHEMA}' AS schema, '{kind}' AS kind, annotator, first, second, outcome, positioned, count(*) AS n
FROM battles
GROUP BY annotator, first, second, outcome, positioned
ORDER BY annotator, first, second, outcome, positioned;
",
        engine = match dialect {
            Dialect::DuckDb => "duckdb",
            Dialect::Spark => "spark",
        },
        kept = kept(),
        kind = ranking::KIND,
    )
}
