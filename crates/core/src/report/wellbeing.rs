//! The report's wellbeing section: exposure per rater and per site (see [`crate::wellbeing`]).
//!
//! Humans only (LLM judges are not exposed to anything). Judgments are the report's kept
//! lines (the identity rule already applied), each read in full once more: the section costs
//! one extra parse of the kept lines.

use serde::{Deserialize, Serialize};

use super::csv::Table;
use crate::judgment::judgment_from_line;
use crate::rubric::Rubric;
use crate::task::Task;
use crate::wellbeing::{by_group, exposure, GroupExposure, RaterExposure};

/// Exposure to sensitive or flagged items, next to productivity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WellbeingSection {
    /// Per human rater, in name order.
    pub raters: Vec<RaterExposure>,
    /// Per site (group), in name order.
    pub groups: Vec<GroupExposure>,
}

/// Builds the section from the kept judgment lines (`is_judge` decides who is left out).
pub(crate) fn section<'a>(
    lines: impl Iterator<Item = &'a str>,
    tasks: Option<&[Task]>,
    rubric: Option<&Rubric>,
    is_judge: impl Fn(&str) -> bool,
) -> WellbeingSection {
    let judgments: Vec<crate::Judgment> =
        lines.filter_map(|line| judgment_from_line(line).ok()).filter(|j| !is_judge(&j.annotator)).collect();
    let default_rubric = Rubric::default();
    let raters = exposure(&judgments, tasks.unwrap_or(&[]), rubric.unwrap_or(&default_rubric));
    let groups = by_group(&raters);
    WellbeingSection { raters, groups }
}

/// The section as two tables (per rater, per site) with the CSV's machine column names.
pub(crate) fn tables(section: &WellbeingSection) -> [Table; 2] {
    let raters = section
        .raters
        .iter()
        .map(|rater| {
            let busiest = rater.days.iter().map(|d| d.minutes).fold(0.0f64, f64::max);
            vec![
                rater.annotator.clone(),
                rater.group.clone().unwrap_or_default(),
                rater.n_judged.to_string(),
                rater.n_items.to_string(),
                format!("{:.1}", rater.minutes),
                rater.harmful_flags.to_string(),
                format!("{busiest:.1}"),
                rater.hard_cap_days.join(" "),
            ]
        })
        .collect();
    let groups = section
        .groups
        .iter()
        .map(|group| {
            vec![
                group.group.clone(),
                group.n_raters.to_string(),
                group.n_judged.to_string(),
                format!("{:.1}", group.minutes),
                format!("{:.1}", group.minutes_per_rater),
                group.harmful_flags.to_string(),
            ]
        })
        .collect();
    [
        Table {
            name: "wellbeing_raters",
            title: "Wellbeing per rater",
            header: vec![
                "annotator",
                "group",
                "judged",
                "exposing_items",
                "minutes",
                "harmful_flags",
                "busiest_day_minutes",
                "hard_cap_days",
            ],
            rows: raters,
        },
        Table {
            name: "wellbeing_groups",
            title: "Wellbeing per site",
            header: vec!["group", "raters", "judged", "minutes", "minutes_per_rater", "harmful_flags"],
            rows: groups,
        },
    ]
}

#[cfg(test)]
mod tests {
    use crate::report::{build_report, render_html, ReportOptions};

    #[test]
    fn the_report_shows_exposure_per_rater_and_site_without_judges() {
        let tasks = r#"{"id":"q1","prompt":"p","outputs":[{"model":"a","content":"x"},{"model":"b","content":"y"}],"meta":{"sensitive":true}}
{"id":"q2","prompt":"p","outputs":[{"model":"a","content":"x"},{"model":"b","content":"y"}]}"#;
        let text = r#"{"schema":"verdict/judgment@1","item_id":"q1","annotator":"ann-1","group":"site-a","preference":{"winner":"a"},"duration_ms":120000,"submitted_at":"2026-11-25T10:00:00Z"}
{"schema":"verdict/judgment@1","item_id":"q2","annotator":"ann-1","group":"site-a","preference":{"winner":"a"},"flags":["harmful_content"],"duration_ms":60000,"submitted_at":"2026-11-25T10:05:00Z"}
{"schema":"verdict/judgment@1","item_id":"q1","annotator":"judge:gpt","preference":{"winner":"a"},"duration_ms":999999}"#;
        let report =
            build_report(&[("j.jsonl", text)], Some(("t.jsonl", tasks)), None, &ReportOptions { bootstrap: 0, ..ReportOptions::default() });
        let raters = &report.wellbeing.raters;
        assert_eq!(raters.len(), 1, "judges are left out");
        assert_eq!((raters[0].minutes, raters[0].harmful_flags, raters[0].n_judged), (3.0, 1, 2));
        assert_eq!(report.wellbeing.groups[0].group, "site-a");
        let html = render_html(&report);
        assert!(html.contains("<h2>Wellbeing&#58; exposure"), "{html}");
        assert!(html.contains("<td>ann-1</td><td>site-a</td><td>2</td><td>2</td><td>3.0</td><td>1</td>"), "{html}");
    }
}
