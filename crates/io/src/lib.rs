//! verdict-io: the native-only side of Verdict's data — judgments as Parquet/Arrow, mergeable
//! partial statistics, and the SQL that computes them on DuckDB or Spark. Kept out of
//! verdict-core and the web app so that arrow and parquet never reach the wasm bundles
//! (`make check-io-native-only`).

pub mod parquet;
pub mod partials;
pub mod sql;
