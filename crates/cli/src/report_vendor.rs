//! `verdict report`'s vendor sections: control charts with signals and events, KPI flags,
//! stratified rates and "what changed" (`--spc CHART` and friends), and the audit decision on a
//! delivered lot (`--audit QA_JUDGMENTS --audit-plan …`), computed by
//! `verdict_core::report::vendor_sections`.

use anyhow::{bail, Context};
use verdict_core::audit::switching::{SwitchingState, STATE_SCHEMA};
use verdict_core::audit::view::PlanRequest;
use verdict_core::report::{vendor_sections, AuditInput, VendorSections};
use verdict_core::spc::events::load_events;
use verdict_core::spc::view::SpcRequest;
use verdict_core::Task;

use crate::input;

/// The vendor-report flags of `verdict report`.
#[derive(clap::Args, Debug)]
pub struct VendorArgs {
    /// Add control charts of this kind (p, laney, ewma, cusum, imr, u, c, np, xbar_s) with their signals, KPI flags and strata.
    #[arg(long, value_name = "CHART", value_parser = ["p", "np", "laney", "u", "c", "ewma", "cusum", "imr", "xbar_s"])]
    pub spc: Option<String>,
    /// What the charts measure [default: gold_error with --gold, else disagreement].
    #[arg(long, value_parser = ["gold_error", "disagreement", "handle_time"], requires = "spc")]
    pub spc_metric: Option<String>,
    /// One chart per group (site) or per annotator.
    #[arg(long, default_value = "group", value_parser = ["group", "annotator"])]
    pub spc_by: String,
    /// Subgroup period.
    #[arg(long, default_value = "week", value_parser = ["day", "week"])]
    pub spc_period: String,
    /// Run rules: we, nelson, or a list such as we1,we2.
    #[arg(long, default_value = "we")]
    pub spc_rules: String,
    /// Phase II: limits from the periods FROM..TO (dates or ISO weeks), frozen.
    #[arg(long, value_name = "FROM..TO", requires = "spc")]
    pub spc_baseline: Option<String>,
    /// Event annotations drawn on the charts (JSON lines {"date","label"} or CSV date,label).
    #[arg(long, value_name = "FILE", requires = "spc")]
    pub events: Option<String>,
    /// Strata of the rate table: ROWS[,COLUMNS], each group, annotator, all or meta.FIELD.
    #[arg(long, value_name = "ROWS[,COLUMNS]", default_value = "group,all")]
    pub strata: String,
    /// "What changed" between two period ranges: FROM..TO,FROM..TO (dates or ISO weeks).
    #[arg(long, value_name = "BEFORE,AFTER", requires = "spc")]
    pub what_changed: Option<String>,
    /// Add the audit decision on a lot from these QA reviewers' judgment files.
    #[arg(long, value_name = "QA_JUDGMENTS", requires = "audit_plan")]
    pub audit: Vec<String>,
    /// The audit plan: lot=N,aql=A[,level=II][,inspection=normal] (ISO 2859-1) or aql=A,ltpd=L[,alpha=a][,beta=b] (custom).
    #[arg(long, value_name = "PLAN")]
    pub audit_plan: Option<String>,
    /// The vendor's switching state (read, not updated: `verdict audit decide --state` advances it).
    #[arg(long, value_name = "STATE.json", requires = "audit_plan")]
    pub audit_state: Option<String>,
    /// A reviewed item is defective when a QA judgment raises this flag or scores it true/yes/1.
    #[arg(long, default_value = "defect")]
    pub defect_flag: String,
}

fn split_range(flag: &str, text: &str) -> anyhow::Result<(String, String)> {
    let (from, to) = text.split_once("..").with_context(|| format!("{flag} takes FROM..TO, got `{text}`"))?;
    Ok((from.trim().to_owned(), to.trim().to_owned()))
}

/// The audit plan request of `--audit-plan`.
fn plan_request(text: &str) -> anyhow::Result<PlanRequest> {
    let mut request = PlanRequest::default();
    let mut has_lot = false;
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').with_context(|| format!("--audit-plan: `{part}` is not key=value"))?;
        let number = || value.trim().parse::<f64>().map_err(|_| anyhow::anyhow!("--audit-plan: {key}={value} is not a number"));
        match key.trim() {
            "lot" => {
                request.lot = value.trim().parse().map_err(|_| anyhow::anyhow!("--audit-plan: lot={value} is not a whole number"))?;
                has_lot = true;
            }
            "aql" => request.aql = number()?,
            "ltpd" => request.ltpd = Some(number()?),
            "alpha" => request.alpha = number()?,
            "beta" => request.beta = number()?,
            "level" => request.level = value.trim().to_owned(),
            "inspection" => request.inspection = value.trim().to_owned(),
            other => bail!("--audit-plan: unknown key `{other}` (lot, aql, level, inspection, ltpd, alpha, beta)"),
        }
    }
    if request.ltpd.is_none() && !has_lot {
        bail!("--audit-plan needs lot=N for an ISO 2859-1 plan (or ltpd=L for a custom plan)");
    }
    Ok(request)
}

impl VendorArgs {
    /// True when a vendor section was asked for.
    pub fn any(&self) -> bool {
        self.spc.is_some() || self.audit_plan.is_some()
    }

    /// Computes the requested sections over the (selected) judgment files and the task file.
    pub fn sections(&self, files: &[(&str, &str)], tasks: &[Task]) -> anyhow::Result<VendorSections> {
        let spc = match &self.spc {
            Some(chart) => {
                let has_gold = tasks.iter().any(|t| t.gold.is_some());
                let mut request = SpcRequest {
                    metric: self.spc_metric.clone().unwrap_or_else(|| if has_gold { "gold_error" } else { "disagreement" }.to_owned()),
                    by: self.spc_by.clone(),
                    period: self.spc_period.clone(),
                    chart: chart.clone(),
                    rules: self.spc_rules.clone(),
                    ..SpcRequest::default()
                };
                if let Some(range) = &self.spc_baseline {
                    (request.baseline_from, request.baseline_to) = split_range("--spc-baseline", range)?;
                }
                let (rows, columns) = self.strata.split_once(',').unwrap_or((self.strata.as_str(), "all"));
                (request.rows, request.columns) = (rows.trim().to_owned(), columns.trim().to_owned());
                if let Some(ranges) = &self.what_changed {
                    let (before, after) = ranges.split_once(',').context("--what-changed takes FROM..TO,FROM..TO")?;
                    (request.before_from, request.before_to) = split_range("--what-changed", before)?;
                    (request.after_from, request.after_to) = split_range("--what-changed", after)?;
                }
                if let Some(path) = &self.events {
                    let loaded = load_events(path, &input::read_text(path)?);
                    input::print_problems(&loaded.problems);
                    request.events = loaded.records;
                }
                Some(request)
            }
            None => None,
        };
        let qa_texts: Vec<(String, String)> =
            self.audit.iter().map(|path| Ok((path.clone(), input::read_text(path)?))).collect::<anyhow::Result<_>>()?;
        let qa_files: Vec<(&str, &str)> = qa_texts.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
        let audit = match &self.audit_plan {
            Some(plan) => {
                if qa_files.is_empty() {
                    bail!("--audit-plan needs the QA judgments: --audit QA_JUDGMENTS");
                }
                let state = match &self.audit_state {
                    Some(path) => {
                        let state: SwitchingState = serde_json::from_str(&input::read_text(path)?)
                            .with_context(|| format!("{path}:1: state: not a switching state"))?;
                        if state.schema != STATE_SCHEMA {
                            bail!("{path}:1: schema: expected {STATE_SCHEMA}");
                        }
                        Some(state)
                    }
                    None => None,
                };
                Some(AuditInput { files: &qa_files, plan: plan_request(plan)?, flag: &self.defect_flag, state })
            }
            None => None,
        };
        Ok(vendor_sections(files, tasks, spc.as_ref(), audit)?)
    }
}
