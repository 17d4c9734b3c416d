//! What `verdict plan --out DIR` writes: one task file per rater (the items in queue order,
//! outputs in display order) and a CSV of every assignment for a vendor manager.

use serde_json::Value;

use super::{assignment_item_id, Assignment, Campaign, Kind, Plan};
use crate::export::csv_field;
use crate::task::Task;

/// A rater's queue as a task file (JSONL): items in queue order, each item's outputs in its
/// display order, repeats under their own id ([`super::REPEAT_SUFFIX`]) with
/// `meta.repeat_of`. Gold stays on gold and calibration items (for feedback and accuracy);
/// nothing else marks them, so they look like any other item.
pub fn queue_task_file(tasks: &[Task], queue: &[Assignment]) -> String {
    let mut text = String::new();
    for assignment in queue {
        let source = &tasks[assignment.item as usize];
        let mut task = source.clone();
        task.id = assignment_item_id(assignment, tasks);
        task.outputs = assignment.order.iter().map(|&o| source.outputs[o as usize].clone()).collect();
        if assignment.kind == Kind::Repeat {
            task.meta.insert("repeat_of".to_owned(), Value::String(source.id.clone()));
        }
        text.push_str(&serde_json::to_string(&task).expect("a task always serializes: keys are strings"));
        text.push('\n');
    }
    text
}

/// Every assignment as CSV (RFC 4180, CRLF): `annotator,group,seq,item_id,kind,repeat_of,order`,
/// the order as model ids joined by ` | `.
pub fn assignments_csv(campaign: &Campaign, tasks: &[Task], plan: &Plan) -> String {
    let mut text = String::from("annotator,group,seq,item_id,kind,repeat_of,order\r\n");
    for a in &plan.assignments {
        let entry = &campaign.roster[a.rater as usize];
        let task = &tasks[a.item as usize];
        let order: Vec<&str> = a.order.iter().map(|&o| task.outputs[o as usize].model.as_str()).collect();
        let repeat_of = if a.kind == Kind::Repeat { task.id.as_str() } else { "" };
        let fields = [
            csv_field(&entry.annotator).into_owned(),
            csv_field(entry.group.as_deref().unwrap_or("")).into_owned(),
            a.seq.to_string(),
            csv_field(&assignment_item_id(a, tasks)).into_owned(),
            a.kind.name().to_owned(),
            csv_field(repeat_of).into_owned(),
            csv_field(&order.join(" | ")).into_owned(),
        ];
        text.push_str(&fields.join(","));
        text.push_str("\r\n");
    }
    text
}
