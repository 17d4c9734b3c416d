//! SQL for SPC partials (`verdict partials --sql ENGINE --kind spc --metric M --by B --period P`):
//! the subgroups of `verdict spc` as rows of [`spc::CSV_HEADER`]. Gold error and disagreement give
//! counts per (key, period) — a judgment is compared, answer by answer (the preference winner,
//! each score; per-output ones as `criterion/model`), with the item's gold answers (a second view,
//! `gold`, of the rows `verdict partials --gold-rows TASKS` prints: [`GOLD_HEADER`]) or with the
//! strict majority of the item's other human raters (at least two of them); handling time gives
//! one row per value (`duration_ms` / 1000, else whole seconds from `started_at` to `submitted_at`).

use super::{group_column, kept, Dialect};
use crate::partials::{spc, SCHEMA};

/// The columns of the `gold` view: one row per gold answer of an item (`name` as in the
/// judgments' answers; exactly one of `label`, `number`, `boolean` set).
pub const GOLD_HEADER: &str = "item_id,name,label,number,boolean";

/// Which SPC metric the SQL computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpcMetric {
    /// Answers that differ from the item's gold (needs the view `gold`).
    GoldError,
    /// Answers that differ from the majority of the item's other raters.
    Disagreement,
    /// Seconds per judgment (values).
    HandleTime,
}

/// What the SPC SQL computes (the settings of `verdict spc` that shape subgroups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpcQuery {
    /// The metric.
    pub metric: SpcMetric,
    /// Count wrong answers rather than wrong judgments (c and u charts).
    pub count_answers: bool,
    /// Key by annotator rather than group.
    pub by_annotator: bool,
    /// ISO weeks rather than UTC days.
    pub weekly: bool,
}

/// SQL returning SPC partials for `query`.
pub fn spc(dialect: Dialect, query: SpcQuery) -> String {
    let group = group_column(dialect);
    let key = if query.by_annotator { "annotator".to_owned() } else { group.to_owned() };
    let (started, scores, seconds) = match dialect {
        Dialect::DuckDb => (
            "TRY_CAST(started_at AS TIMESTAMPTZ)",
            "humans, UNNEST(scores) AS t(s)",
            "CAST(floor(epoch(submitted_ts)) - floor(epoch(started_ts)) AS DOUBLE)",
        ),
        Dialect::Spark => (
            "try_to_timestamp(started_at)",
            "humans LATERAL VIEW explode(scores) t AS s",
            "CAST(unix_timestamp(submitted_ts) - unix_timestamp(started_ts) AS DOUBLE)",
        ),
    };
    let period = match (dialect, query.weekly) {
        (Dialect::DuckDb, false) => "CAST(CAST(moment AS DATE) AS VARCHAR)".to_owned(),
        (Dialect::DuckDb, true) => "printf('%04d-W%02d', isoyear(moment), week(moment))".to_owned(),
        (Dialect::Spark, false) => "date_format(moment, 'yyyy-MM-dd')".to_owned(),
        (Dialect::Spark, true) => {
            "format_string('%04d-W%02d', year(date_add(to_date(moment), 3 - weekday(to_date(moment)))), weekofyear(moment))".to_owned()
        }
    };
    let engine = match dialect {
        Dialect::DuckDb => "duckdb",
        Dialect::Spark => "spark",
    };
    let head = format!(
        "-- verdict partials --sql {engine} --kind spc ({SCHEMA}): the subgroups of `verdict spc` over the table or
-- view `judgments` (LLM judges left out; times in UTC: set the session time zone to UTC).
-- Save the rows as CSV with a header and finish with `verdict spc --from-partials FILE.csv` and the same settings.{gold_note}
WITH {kept},
humans AS (
  SELECT *, {started} AS started_ts FROM kept WHERE coalesce(kind, 'human') <> 'judge'
),
placed AS (
  SELECT *, {key} AS subgroup_key, {period} AS period FROM (SELECT *, coalesce(submitted_ts, started_ts) AS moment FROM humans) AS m
)",
        kept = kept(),
        gold_note = if query.metric == SpcMetric::GoldError {
            "\n-- Gold error also reads the view `gold` (item_id, name, label, number, boolean): `verdict partials --gold-rows TASKS`."
        } else {
            ""
        },
    );
    if query.metric == SpcMetric::HandleTime {
        return format!(
            "{head}
SELECT '{SCHEMA}' AS schema, '{kind}' AS kind, subgroup_key AS key, period, CAST(NULL AS BIGINT) AS count,
  CAST(NULL AS BIGINT) AS n, value
FROM (
  SELECT subgroup_key, period,
    CASE WHEN duration_ms IS NOT NULL THEN CAST(duration_ms AS DOUBLE) / CAST(1000 AS DOUBLE)
         WHEN submitted_ts >= started_ts THEN {seconds} END AS value
  FROM placed WHERE subgroup_key IS NOT NULL AND period IS NOT NULL
) AS measured
WHERE value IS NOT NULL
ORDER BY key, period, value;
",
            kind = spc::KIND,
        );
    }
    let count = if query.count_answers { "sum(wrong)" } else { "sum(CASE WHEN wrong > 0 THEN 1 ELSE 0 END)" };
    format!(
        "{head},
answers AS (
  SELECT item_id, annotator, 'preference' AS name, 'label:' || winner AS value FROM humans WHERE winner IS NOT NULL
  UNION ALL
  SELECT item_id, annotator, CASE WHEN s.model IS NULL THEN s.criterion ELSE s.criterion || '/' || s.model END,
    CASE WHEN s.label IS NOT NULL THEN 'label:' || s.label WHEN s.value IS NOT NULL THEN 'number:' || CAST(s.value AS STRING)
         WHEN s.json IN ('true', 'false') THEN 'bool:' || s.json END
  FROM {scores}
),
usable AS (SELECT * FROM answers WHERE value IS NOT NULL),
{judged}
SELECT '{SCHEMA}' AS schema, '{kind}' AS kind, p.subgroup_key AS key, p.period, {count} AS count, count(*) AS n,
  CAST(NULL AS DOUBLE) AS value
FROM placed p JOIN judged j ON j.item_id = p.item_id AND j.annotator = p.annotator
WHERE p.subgroup_key IS NOT NULL AND p.period IS NOT NULL AND j.compared > 0
GROUP BY p.subgroup_key, p.period
ORDER BY key, period;
",
        kind = spc::KIND,
        judged = if query.metric == SpcMetric::GoldError { GOLD_JUDGED } else { MAJORITY_JUDGED },
    )
}

/// Per judgment, answers compared with the item's gold and how many differ.
const GOLD_JUDGED: &str = "reference AS (
  SELECT item_id, name, CASE WHEN label IS NOT NULL THEN 'label:' || label
    WHEN number IS NOT NULL THEN 'number:' || CAST(CAST(number AS DOUBLE) AS STRING)
    WHEN boolean IS NOT NULL THEN 'bool:' || lower(CAST(boolean AS STRING)) END AS value
  FROM gold
),
judged AS (
  SELECT u.item_id, u.annotator, count(*) AS compared, sum(CASE WHEN u.value <> g.value THEN 1 ELSE 0 END) AS wrong
  FROM usable u JOIN reference g ON g.item_id = u.item_id AND g.name = u.name
  WHERE g.value IS NOT NULL
  GROUP BY u.item_id, u.annotator
)";

/// Per judgment, answers compared with the strict majority of the item's other raters.
const MAJORITY_JUDGED: &str = "tally AS (SELECT item_id, name, value, count(*) AS c FROM usable GROUP BY item_id, name, value),
totals AS (SELECT item_id, name, count(*) AS t FROM usable GROUP BY item_id, name),
checks AS (
  SELECT a.item_id, a.annotator, a.name, max(o.t) - 1 AS others,
    max(CASE WHEN v.value <> a.value AND 2 * v.c > o.t - 1 THEN 1 ELSE 0 END) AS other_majority,
    max(CASE WHEN v.value = a.value AND 2 * (v.c - 1) > o.t - 1 THEN 1 ELSE 0 END) AS own_majority
  FROM usable a
  JOIN totals o ON o.item_id = a.item_id AND o.name = a.name
  JOIN tally v ON v.item_id = a.item_id AND v.name = a.name
  GROUP BY a.item_id, a.annotator, a.name
),
judged AS (
  SELECT item_id, annotator,
    sum(CASE WHEN others >= 2 AND (other_majority = 1 OR own_majority = 1) THEN 1 ELSE 0 END) AS compared,
    sum(CASE WHEN others >= 2 AND other_majority = 1 THEN 1 ELSE 0 END) AS wrong
  FROM checks GROUP BY item_id, annotator
)";
