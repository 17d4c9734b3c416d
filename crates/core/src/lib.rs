//! verdict-core: everything Verdict computes, with no DOM, clock or OS randomness.
//!
//! The web app and the `verdict` CLI are thin shells over this crate. Modules:
//! - [`problem`]: the `file:line: field: problem` error every parser reports;
//! - [`task`], [`rubric`], [`judgment`]: the three stable file formats (see `docs/FORMATS.md`);
//! - [`content`]: rich message content (task@2 parts, media URL rules, LaTeX to MathML, highlighting, word diff);
//! - [`import`], [`export`]: foreign formats in (Arena, preference pairs, AlpacaEval) and out (DPO, CSV, Arena, chained JSONL);
//! - [`order`]: per-annotator, counterbalanced display order of outputs;
//! - [`session`]: the rating session as a pure state machine (`Action` + `apply`);
//! - [`markdown`]: untrusted Markdown to a safe node tree;
//! - [`agreement`]: inter-annotator agreement (kappas, alpha, AC1, ICC) with bootstrap CIs, per-annotator quality;
//! - [`ranking`]: leaderboards from preferences (Bradley–Terry, Elo, bootstrap CIs, bias checks);
//! - [`read`]: the one judgment reader (identity rule, limits, input summary);
//! - [`stats`]: shared statistics (special functions, intervals, multiple testing);
//! - [`report`]: the quality lead's report (agreement, annotators, groups, judges, disagreements, KPIs);
//! - [`rng`], [`digest`], [`time`]: portable seeded randomness, SHA-256, timestamps.
#![forbid(unsafe_code)]

pub mod adjudication;
pub mod aggregate;
pub mod agreement;
pub mod audit;
pub mod content;
pub mod digest;
pub mod embed;
pub mod export;
pub mod fluent;
pub use rubric::guide;
pub mod import;
pub mod intern;
pub mod judgment;
pub mod limits;
pub mod markdown;
pub mod model;
pub mod order;
pub mod output;
pub mod plan;
pub mod problem;
pub mod ranking;
pub mod read;
pub mod report;
pub mod rng;
pub mod rubric;
pub mod session;
pub mod spc;
pub mod stats;
pub mod task;
pub mod task_stream;
pub mod time;
pub mod wellbeing;

pub use judgment::Judgment;
pub use problem::Problem;
pub use rubric::Rubric;
pub use task::Task;
