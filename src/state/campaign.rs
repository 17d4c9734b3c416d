//! A campaign link (`?campaign=campaign.json&annotator=ann-001`): fetches the campaign and the
//! files it names (relative to the campaign file's URL), computes the annotator's queue with
//! `verdict_core::plan::queue_for` (the same function as `verdict plan`), and turns each stage
//! into an ordinary evaluation: calibration attempt `n` (items under `#retake{n-1}` ids) and the
//! production queue (repeats under `#repeat` ids, outputs already in the plan's display order).
//! The calibration gate is `plan::gate::gate` over the judgments of every attempt's store.

use std::sync::Arc;

use verdict_core::digest::sha256_hex;
use verdict_core::judgment::judgment_from_line;
use verdict_core::plan::campaign::{check_references, resolve_path, CampaignProblem, Feedback};
use verdict_core::plan::gate::{calibration_item_id, gate, Gate};
use verdict_core::plan::{files, parse_campaign, queue_for, Assignment, AssignmentsJson, Campaign, Kind};
use verdict_core::rubric::GoldFeedback;
use verdict_core::task::{load_tasks, Task};
use verdict_core::Judgment;

use super::loader::{evaluation_key, fetch_text, open_with, OpenError, Opened, Source};
use super::store::{SavedFiles, Store};

/// A loaded campaign and one annotator's queue.
#[derive(Debug)]
pub struct CampaignQueue {
    /// The campaign.
    pub campaign: Campaign,
    /// Its task file, in file order.
    pub tasks: Vec<Task>,
    /// The annotator.
    pub annotator: String,
    /// The annotator's group from the roster.
    pub group: Option<String>,
    /// The queue, as `verdict plan` computes it.
    pub queue: Vec<Assignment>,
    /// The queue as `verdict plan --json` writes its assignments (exposed on the page).
    pub queue_json: String,
    /// Name and text of the rubric (empty: the default rubric).
    pub rubric: (String, String),
}

/// Which evaluation of the campaign is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Calibration attempt `n` (1-based).
    Calibration(u32),
    /// The production queue.
    Production,
}

fn problem_lines(url: &str, problems: &[CampaignProblem]) -> OpenError {
    problems.iter().map(|p| format!("{url}:{}: {}", p.field, serde_json::to_string(&p.kind).unwrap_or_default())).collect()
}

/// Fetches the campaign at `url` and its files, and computes `annotator`'s queue.
pub async fn load(url: &str, annotator: &str) -> Result<CampaignQueue, OpenError> {
    let text = fetch_text(url).await.map_err(|e| vec![e])?;
    let campaign = parse_campaign(&text).map_err(|problems| problem_lines(url, &problems))?;
    let tasks_url = resolve_path(url, &campaign.tasks);
    let tasks_text = fetch_text(&tasks_url).await.map_err(|e| vec![format!("{url}:tasks: {e}")])?;
    let loaded = load_tasks(&tasks_url, &tasks_text);
    let mut errors: OpenError = loaded.problems.iter().filter(|p| p.is_error()).map(crate::i18n::problem).collect();
    let tasks = loaded.records;
    let references = check_references(&campaign, &tasks);
    if !references.is_empty() {
        errors.extend(problem_lines(url, &references));
        return Err(errors);
    }
    let rubric = match &campaign.rubric {
        Some(path) => {
            let rubric_url = resolve_path(url, path);
            let text = fetch_text(&rubric_url).await.map_err(|e| vec![format!("{url}:rubric: {e}")])?;
            (rubric_url.rsplit('/').next().unwrap_or(&rubric_url).to_owned(), text)
        }
        None => ("default rubric".to_owned(), String::new()),
    };
    let Some(queue) = queue_for(&campaign, &tasks, annotator) else {
        return Err(vec![format!("{url}: \"{annotator}\" is not a rater of campaign {}: check the link you were sent", campaign.id)]);
    };
    let queue_json = serde_json::to_string(&AssignmentsJson { campaign: &campaign, tasks: &tasks, assignments: &queue })
        .expect("assignments always serialize");
    let group = campaign.roster.iter().find(|r| r.annotator == annotator).and_then(|r| r.group.clone());
    Ok(CampaignQueue { campaign, tasks, annotator: annotator.to_owned(), group, queue, queue_json, rubric })
}

impl CampaignQueue {
    /// Attempts allowed in all (1 + retakes); 0 without calibration.
    pub fn attempts_allowed(&self) -> u32 {
        self.campaign.calibration.as_ref().filter(|c| !c.items.is_empty()).map_or(0, |c| c.retakes + 1)
    }

    /// The task file of a stage: items in queue order, outputs in display order, judged under
    /// the stage's ids.
    pub fn stage_files(&self, stage: Stage) -> SavedFiles {
        let id = &self.campaign.id;
        let (name, text) = match stage {
            Stage::Production => {
                let production: Vec<Assignment> = self.queue.iter().filter(|a| a.kind != Kind::Calibration).cloned().collect();
                (format!("{id}.{}.jsonl", self.annotator), files::queue_task_file(&self.tasks, &production))
            }
            Stage::Calibration(attempt) => {
                let calibration: Vec<&Assignment> = self.queue.iter().filter(|a| a.kind == Kind::Calibration).collect();
                let renamed: Vec<Task> = calibration
                    .iter()
                    .map(|a| {
                        let mut task = self.tasks[a.item as usize].clone();
                        task.id = calibration_item_id(&task.id, attempt);
                        task
                    })
                    .collect();
                let queue: Vec<Assignment> =
                    calibration.iter().enumerate().map(|(index, a)| Assignment { item: index as u32, ..(*a).clone() }).collect();
                (format!("{id}.{}.calibration{attempt}.jsonl", self.annotator), files::queue_task_file(&renamed, &queue))
            }
        };
        SavedFiles { tasks_name: name, tasks_text: text, rubric_name: self.rubric.0.clone(), rubric_text: self.rubric.1.clone() }
    }

    /// Opens a stage as an evaluation: the plan's display order (already applied to the file),
    /// the campaign's gold feedback policy.
    pub async fn open_stage(&self, stage: Stage) -> Result<Opened, OpenError> {
        let source = Source { files: self.stage_files(stage), annotator: self.annotator.clone(), group: self.group.clone() };
        let feedback = match self.campaign.gold.as_ref().map(|g| g.feedback) {
            Some(Feedback::AfterSubmit) => GoldFeedback::AfterSubmit,
            _ => GoldFeedback::Never,
        };
        open_with(source, move |eval| {
            eval.orders = eval.tasks.iter().map(|t| (0..t.outputs.len() as u32).collect()).collect::<Vec<_>>().into();
            let mut rubric = (*eval.rubric).clone();
            rubric.gold_feedback = feedback;
            eval.rubric = Arc::new(rubric);
        })
        .await
    }

    /// The calibration gate, from the judgments saved in every attempt's store.
    pub async fn gate(&self) -> Result<Gate, OpenError> {
        let judgments = self.calibration_judgments().await?;
        Ok(gate(&self.campaign, &self.tasks, &self.annotator, &judgments))
    }

    /// The annotator's calibration judgments of every attempt started, attempt by attempt.
    pub async fn calibration_judgments(&self) -> Result<Vec<Judgment>, OpenError> {
        let mut judgments: Vec<Judgment> = Vec::new();
        for attempt in 1..=self.attempts_allowed() {
            let files = self.stage_files(Stage::Calibration(attempt));
            let key = evaluation_key(&sha256_hex(files.tasks_text.as_bytes()), &sha256_hex(files.rubric_text.as_bytes()));
            let store = Store::open(&key).await.map_err(|e| vec![format!("This browser's storage is not available: {e}")])?;
            let lines =
                store.judgments_of(&self.annotator).await.map_err(|e| vec![format!("This browser's storage is not available: {e}")])?;
            if lines.is_empty() {
                break;
            }
            judgments.extend(lines.iter().filter_map(|line| judgment_from_line(line).ok()));
        }
        Ok(judgments)
    }
}
