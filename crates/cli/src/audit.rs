//! `verdict audit plan|sample|decide`: acceptance-sampling audits of delivered batches
//! (`verdict_core::audit`): ISO 2859-1 / ANSI/ASQ Z1.4 plans or custom (AQL, LTPD, α, β) plans,
//! a seeded QA sample written as a task file, and the lot decision with the switching state.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::{json, Map, Value};
use verdict_core::audit::custom::{custom_plan, Risks};
use verdict_core::audit::switching::{LotOutcome, SwitchingState, STATE_SCHEMA};
use verdict_core::audit::{self, aql_column, decide, oc_curve, sample_items, standard_plan, Inspection, Level, Plan};
use verdict_core::output::Output;

use crate::spc::{read_judgments, read_tasks};
use verdict_core::read::Limits;

/// Arguments of `verdict audit`.
#[derive(clap::Args, Debug)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: AuditCommand,
}

/// The audit steps.
#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// A sampling plan: ISO 2859-1 (--lot, --aql) or custom (--aql, --ltpd, --alpha, --beta), with its OC curve.
    Plan(PlanArgs),
    /// Draw the QA sample from a delivered batch and write it as a review task file.
    Sample(SampleArgs),
    /// Decide a lot from the QA reviewers' judgments; update the switching state.
    Decide(DecideArgs),
}

/// Arguments of `verdict audit plan`.
#[derive(clap::Args, Debug)]
#[command(after_help = "AQL and LTPD are in percent (1.0 = 1 %). Tables and formulas: docs/METRICS.md, \"Acceptance sampling\".")]
pub struct PlanArgs {
    /// Lot (batch) size: the ISO 2859-1 plan, or the lot of an `--exact` custom plan.
    #[arg(long)]
    pub lot: Option<u64>,
    /// Acceptance quality limit, percent (a column of the master table for ISO plans).
    #[arg(long)]
    pub aql: f64,
    /// Inspection level for ISO plans.
    #[arg(long, default_value = "II", value_parser = ["I", "II", "III", "S1", "S2", "S3", "S4"])]
    pub level: String,
    /// Inspection severity for ISO plans.
    #[arg(long, default_value = "normal", value_parser = ["normal", "tightened", "reduced"])]
    pub inspection: String,
    /// Lot tolerance percent defective: asks for a custom plan.
    #[arg(long)]
    pub ltpd: Option<f64>,
    /// Producer's risk of a custom plan.
    #[arg(long, default_value_t = 0.05)]
    pub alpha: f64,
    /// Consumer's risk of a custom plan.
    #[arg(long, default_value_t = 0.10)]
    pub beta: f64,
    /// Custom plan for the lot of `--lot` items (hypergeometric) instead of a large lot (binomial).
    #[arg(long)]
    pub exact: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `verdict audit sample`.
#[derive(clap::Args, Debug)]
pub struct SampleArgs {
    /// The delivered batch: a judgment file (each judgment is an item of the lot) or a task file.
    pub batch: PathBuf,
    /// The plan: `aql=1.0[,level=II][,inspection=normal]` (lot = the batch) or `n=80,c=2`.
    #[arg(long)]
    pub plan: String,
    /// Seed of the draw.
    #[arg(long)]
    pub seed: u64,
    /// Allocate the sample proportionally to each annotator's (or group's) share of the batch.
    #[arg(long, value_parser = ["annotator", "group"])]
    pub stratify: Option<String>,
    /// Task file of the judged items: the review tasks then show the original prompt and outputs.
    #[arg(long, value_name = "TASKS")]
    pub tasks: Option<PathBuf>,
    /// Switching state: the inspection severity comes from it.
    #[arg(long, value_name = "STATE.json")]
    pub state: Option<PathBuf>,
    /// Output task file (stdout when absent).
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    pub out: Option<PathBuf>,
}

/// Arguments of `verdict audit decide`.
#[derive(clap::Args, Debug)]
pub struct DecideArgs {
    /// The QA reviewers' judgments of the sampled items.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The plan: `lot=5000,aql=1.0[,level=II]` or `n=80,c=2`.
    #[arg(long)]
    pub plan: String,
    /// Switching state file, read (if present) and updated; it sets the inspection severity.
    #[arg(long, value_name = "STATE.json")]
    pub state: Option<PathBuf>,
    /// A reviewed item is defective when a judgment raises this flag or scores it true/yes/1.
    #[arg(long, default_value = "defect")]
    pub defect_flag: String,
    /// Production is steady and the responsible authority allows reduced inspection.
    #[arg(long)]
    pub reduced_allowed: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `verdict audit`.
pub fn run(args: &AuditArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        AuditCommand::Plan(plan) => run_plan(plan),
        AuditCommand::Sample(sample) => run_sample(sample),
        AuditCommand::Decide(decide) => run_decide(decide),
    }
}

fn oc_json(plan: Plan, poisson: bool) -> Value {
    Value::Array(oc_curve(plan, poisson, 20).into_iter().map(|p| json!({"p": p.p, "p_accept": p.p_accept})).collect())
}

fn run_plan(args: &PlanArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if let Some(ltpd) = args.ltpd {
        let lot = if args.exact { Some(args.lot.context("--exact needs --lot N")?) } else { None };
        let plan = custom_plan(Risks { aql: args.aql / 100.0, ltpd: ltpd / 100.0, alpha: args.alpha, beta: args.beta, lot })
            .map_err(|e| anyhow::anyhow!("no custom plan: {e}"))?;
        if args.json {
            let mut value = serde_json::to_value(&plan)?;
            value["oc"] = oc_json(plan.plan(), false);
            writeln!(out, "{}", serde_json::to_string(&Output::AuditCustomPlan.wrap(&value))?)?;
        } else {
            writeln!(out, "custom plan ({}): n = {}, c = {}", plan.model, plan.n, plan.c)?;
            writeln!(
                out,
                "P(accept) at AQL {}%: {:.4} (≥ {:.4}); at LTPD {ltpd}%: {:.4} (≤ {})",
                args.aql,
                plan.p_accept_aql,
                1.0 - args.alpha,
                plan.p_accept_ltpd,
                args.beta
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let lot = args.lot.context("an ISO 2859-1 plan needs --lot N (or --ltpd for a custom plan)")?;
    let level = Level::from_name(&args.level).context("unknown level")?;
    let inspection = Inspection::from_name(&args.inspection).context("unknown inspection")?;
    let plan = standard_plan(lot, args.aql, level, inspection).map_err(|e| anyhow::anyhow!("no ISO 2859-1 plan: {e}"))?;
    let poisson = args.aql > 10.0;
    if args.json {
        let value = json!({
            "code_letter": plan.code_letter.to_string(), "plan_letter": plan.plan_letter.to_string(), "aql": plan.aql,
            "level": args.level, "inspection": args.inspection, "lot": lot,
            "n": plan.plan.n, "ac": plan.plan.ac, "re": plan.plan.re, "inspect_all": plan.inspect_all,
            "oc": oc_json(plan.plan, poisson),
        });
        writeln!(out, "{}", serde_json::to_string(&Output::AuditPlan.wrap(&value))?)?;
    } else {
        writeln!(
            out,
            "lot {lot}, level {}, AQL {}, {} inspection: code letter {}",
            args.level, plan.aql, args.inspection, plan.code_letter
        )?;
        if plan.plan_letter != plan.code_letter {
            writeln!(out, "the table's arrow leads to letter {}", plan.plan_letter)?;
        }
        writeln!(out, "n = {}, Ac = {}, Re = {}", plan.plan.n, plan.plan.ac, plan.plan.re)?;
        if plan.inspect_all {
            writeln!(out, "n ≥ lot size: inspect every item")?;
        }
        for p in oc_curve(plan.plan, poisson, 10) {
            writeln!(out, "  p = {:.5}  P(accept) = {:.4}", p.p, p.p_accept)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where an ISO plan sits in the master table: (code letter, AQL column, level).
type IsoCell = (char, usize, Level);

/// A `--plan` specification, `key=value` pairs.
struct PlanSpec {
    fields: Vec<(String, String)>,
}

impl PlanSpec {
    fn parse(text: &str) -> anyhow::Result<PlanSpec> {
        let fields = text
            .split(',')
            .map(|part| {
                let (k, v) = part.split_once('=').with_context(|| format!("--plan: `{part}` is not key=value"))?;
                if !["lot", "aql", "level", "inspection", "n", "c"].contains(&k.trim()) {
                    bail!("--plan: unknown key `{k}` (lot, aql, level, inspection, n, c)");
                }
                Ok((k.trim().to_owned(), v.trim().to_owned()))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(PlanSpec { fields })
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn number<T: std::str::FromStr>(&self, key: &str) -> anyhow::Result<Option<T>> {
        self.get(key).map(|v| v.parse::<T>().map_err(|_| anyhow::anyhow!("--plan: {key}={v} is not a number"))).transpose()
    }

    /// The plan for a lot of `lot` items at `inspection` (ISO), or the custom n, c. Also the ISO
    /// details needed by the switching score: (code letter, AQL column).
    fn resolve(&self, lot: Option<u64>, inspection: Inspection) -> anyhow::Result<(Plan, Option<IsoCell>)> {
        if let (Some(n), Some(c)) = (self.number::<u64>("n")?, self.number::<u64>("c")?) {
            return Ok((Plan { n, ac: c, re: c + 1 }, None));
        }
        let aql: f64 = self.number("aql")?.context("--plan needs aql=A (ISO) or n=N,c=C (custom)")?;
        let lot = self.number::<u64>("lot")?.or(lot).context("--plan needs lot=N")?;
        let level = Level::from_name(self.get("level").unwrap_or("II")).context("--plan: unknown level")?;
        let plan = standard_plan(lot, aql, level, inspection).map_err(|e| anyhow::anyhow!("no ISO 2859-1 plan: {e}"))?;
        Ok((plan.plan, Some((plan.code_letter, aql_column(aql).expect("checked by standard_plan"), level))))
    }

    fn inspection(&self) -> anyhow::Result<Inspection> {
        Inspection::from_name(self.get("inspection").unwrap_or("normal")).context("--plan: unknown inspection")
    }
}

fn read_state(path: &Option<PathBuf>) -> anyhow::Result<Option<SwitchingState>> {
    let Some(path) = path else { return Ok(None) };
    if !path.exists() {
        return Ok(Some(SwitchingState::default()));
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let state: SwitchingState =
        serde_json::from_str(&text).with_context(|| format!("{}:1: state: not a switching state", path.display()))?;
    if state.schema != STATE_SCHEMA {
        bail!("{}:1: schema: expected {STATE_SCHEMA}", path.display());
    }
    Ok(Some(state))
}

fn run_sample(args: &SampleArgs) -> anyhow::Result<ExitCode> {
    let spec = PlanSpec::parse(&args.plan)?;
    let name = args.batch.to_string_lossy();
    let text = crate::input::read_text(&name)?;
    let tasks_of_batch = verdict_core::task::load_tasks(&name, &text);
    // Quietly: a task file is a batch too (then it holds no judgment).
    let judgments = crate::input::read_judgments(std::slice::from_ref(&args.batch), &Limits::default()).map(|read| read.judgments);
    // A judgment file is a batch of judgments; otherwise the batch is a task file.
    let (items, strata_names): (Vec<Value>, Vec<String>) = match judgments {
        Ok(judgments) if !judgments.is_empty() => {
            let tasks = match &args.tasks {
                Some(path) => read_tasks(path)?,
                None => Vec::new(),
            };
            judgments
                .iter()
                .map(|j| {
                    let task = tasks.iter().find(|t| t.id == j.item_id);
                    let mut item = match task {
                        Some(task) => serde_json::to_value(task)?,
                        None => json!({"prompt": format!("Review the judgment of item {} by {}.", j.item_id, j.annotator), "outputs": []}),
                    };
                    item["id"] = json!(format!("qa:{}:{}", j.item_id, j.annotator));
                    let meta = item.as_object_mut().expect("tasks serialize as objects").entry("meta").or_insert_with(|| json!({}));
                    meta["qa_of"] = json!({"item_id": j.item_id, "annotator": j.annotator, "group": j.group});
                    meta["delivered"] = serde_json::from_str(&j.to_json_line())?;
                    let stratum = match args.stratify.as_deref() {
                        Some("group") => j.group.clone().unwrap_or_default(),
                        _ => j.annotator.clone(),
                    };
                    Ok((item, stratum))
                })
                .collect::<anyhow::Result<Vec<_>>>()?
                .into_iter()
                .unzip()
        }
        _ => tasks_of_batch
            .records
            .iter()
            .map(|t| {
                let stratum =
                    t.meta.get(args.stratify.as_deref().unwrap_or("annotator")).and_then(Value::as_str).unwrap_or_default().to_owned();
                Ok((serde_json::to_value(t)?, stratum))
            })
            .collect::<anyhow::Result<Vec<_>>>()?
            .into_iter()
            .unzip(),
    };
    if items.is_empty() {
        bail!("{name}: no judgments or tasks to sample");
    }
    let inspection = match read_state(&args.state)? {
        Some(state) => state.inspection,
        None => spec.inspection()?,
    };
    let (plan, _) = spec.resolve(Some(items.len() as u64), inspection)?;
    let mut names: Vec<&String> = strata_names.iter().collect();
    names.sort();
    names.dedup();
    let strata: Vec<u32> = if args.stratify.is_some() {
        strata_names.iter().map(|s| names.binary_search(&s).expect("every name is listed") as u32).collect()
    } else {
        vec![0; items.len()]
    };
    let chosen = sample_items(&strata, plan.n, args.seed);
    let mut text = String::new();
    for index in &chosen {
        text.push_str(&serde_json::to_string(&items[*index])?);
        text.push('\n');
    }
    match &args.out {
        Some(path) => std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    eprintln!(
        "verdict audit sample: lot {} items, {} inspection, n = {} (Ac {}, Re {}); sampled {}",
        items.len(),
        format!("{inspection:?}").to_lowercase(),
        plan.n,
        plan.ac,
        plan.re,
        chosen.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// True when the judgment marks its item defective by `flag`.
fn marks_defect(judgment: &verdict_core::Judgment, flag: &str) -> bool {
    judgment.flags.iter().flatten().any(|f| f == flag)
        || judgment.scores.as_ref().and_then(|s| s.get(flag)).is_some_and(|v| match v {
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
            Value::String(s) => matches!(s.as_str(), "yes" | "true" | "defect" | "1"),
            _ => false,
        })
}

fn run_decide(args: &DecideArgs) -> anyhow::Result<ExitCode> {
    let spec = PlanSpec::parse(&args.plan)?;
    let state = read_state(&args.state)?;
    let inspection = match &state {
        Some(state) => state.inspection,
        None => spec.inspection()?,
    };
    let (plan, iso) = spec.resolve(None, inspection)?;
    if state.is_some() && iso.is_none() {
        bail!("--state: the switching rules apply to ISO 2859-1 plans (lot=…,aql=…), not to custom n, c plans");
    }
    let read = read_judgments(&args.files, &Limits::default())?;
    let judgments = read.judgments;
    // An item is inspected once however many reviewers saw it; defective when any says so.
    let mut items: Map<String, Value> = Map::new();
    for judgment in &judgments {
        let defect = marks_defect(judgment, &args.defect_flag);
        let entry = items.entry(judgment.item_id.clone()).or_insert(Value::Bool(false));
        *entry = Value::Bool(entry.as_bool().unwrap_or(false) || defect);
    }
    let inspected = items.len() as u64;
    let defects = items.values().filter(|v| v.as_bool() == Some(true)).count() as u64;
    let decision = decide(plan, defects, inspected).context("no reviewed items in the QA judgments")?;
    let mut next_state = None;
    if let (Some(state), Some((letter, column, _))) = (&state, iso) {
        // The switching score asks whether the next tighter AQL would also have accepted the lot.
        let tighter = column.checked_sub(1).and_then(|c| audit::table_plan(letter, c, Inspection::Normal).ok()).map(|(_, p)| p);
        let outcome = LotOutcome {
            accepted: decision.accept,
            return_to_normal: decision.return_to_normal,
            ac: plan.ac,
            accepted_at_tighter_aql: tighter.is_some_and(|p| defects <= p.ac),
            reduced_allowed: args.reduced_allowed,
        };
        next_state = Some(state.record(outcome));
    }
    if let (Some(path), Some((new_state, _))) = (&args.state, &next_state) {
        std::fs::write(path, serde_json::to_string_pretty(new_state)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut value = serde_json::to_value(&decision)?;
        value["decision"] = json!(if decision.accept { "accept" } else { "reject" });
        value["n"] = json!(plan.n);
        value["ac"] = json!(plan.ac);
        value["re"] = json!(plan.re);
        value["inspection"] = json!(inspection);
        value["input"] = serde_json::to_value(&read.summary)?;
        if let Some((new_state, change)) = &next_state {
            value["next_inspection"] = json!(new_state.inspection);
            value["switched"] = json!(change.is_some());
            value["discontinued"] = json!(new_state.discontinued);
            value["switching_score"] = json!(new_state.switching_score);
        }
        writeln!(out, "{}", serde_json::to_string(&Output::AuditDecide.wrap(&value))?)?;
    } else {
        writeln!(
            out,
            "{}: {} defective of {} inspected (plan n = {}, Ac = {}, Re = {}, {} inspection)",
            if decision.accept { "ACCEPT" } else { "REJECT" },
            defects,
            inspected,
            plan.n,
            plan.ac,
            plan.re,
            format!("{inspection:?}").to_lowercase()
        )?;
        writeln!(out, "defect rate {:.4} (95% Clopper–Pearson {:.4}–{:.4})", decision.rate, decision.ci_low, decision.ci_high)?;
        if decision.return_to_normal {
            writeln!(out, "accepted between Ac and Re: normal inspection returns")?;
        }
        if let Some((new_state, change)) = &next_state {
            if let Some(to) = change {
                writeln!(out, "switching rules: next lots under {} inspection", format!("{to:?}").to_lowercase())?;
            }
            if new_state.discontinued {
                writeln!(out, "switching rules: 5 lots not accepted under tightened inspection: discontinue acceptance")?;
            }
        }
    }
    if inspected != plan.n {
        eprintln!("verdict audit decide: {inspected} items reviewed, the plan asks for {}", plan.n);
    }
    Ok(ExitCode::SUCCESS)
}
