//! The quality report on small hand-made files: KPI pass/fail, gold accuracy, groups, trend,
//! judge position consistency, problems, HTML escaping and CSV quoting.

use verdict_core::report::{build_report, csv_tables, render_html, Kpi, QualityReport, ReportOptions};

fn line(item: &str, annotator: &str, group: &str, shown: [&str; 2], winner: &str, submitted: &str) -> String {
    serde_json::json!({
        "schema": "verdict/judgment@1", "item_id": item, "annotator": annotator, "group": group, "shown": shown,
        "preference": {"winner": winner}, "started_at": submitted, "submitted_at": submitted, "duration_ms": 30000
    })
    .to_string()
}

/// Three humans in two sites and one judge on four items shown in alternating order.
/// `careless` always picks the output shown first (half right); `good-1` and `good-2` agree
/// with gold, which is shown first on half of the items. The judge agrees with gold and judges
/// every comparison again in reversed order (`#swap` items), changing its mind once.
fn fixture() -> (String, String) {
    fixture_of(4)
}

/// [`fixture`] over `n` items (a multiple of 4): q1, q2 have gold `a`, q3, q4 `b`, and so on.
fn fixture_of(n: usize) -> (String, String) {
    let mut lines = Vec::new();
    let gold: Vec<(String, &str)> = (0..n).map(|i| (format!("q{}", i + 1), if i % 4 < 2 { "a" } else { "b" })).collect();
    for (index, (item, right)) in gold.iter().enumerate() {
        let shown = if index % 2 == 0 { ["a", "b"] } else { ["b", "a"] };
        let wrong = if *right == "a" { "b" } else { "a" };
        let day = if index < n / 2 { "2026-11-25T10:00:00Z" } else { "2026-12-02T10:00:00Z" };
        lines.push(line(item, "good-1", "site-a", shown, right, day));
        lines.push(line(item, "good-2", "site-a", shown, right, day));
        lines.push(line(item, "careless", "site-b", shown, shown[0], day));
        lines.push(line(item, "judge:m", "llm", shown, right, day));
        lines.push(line(&format!("{item}#swap"), "judge:m", "llm", [shown[1], shown[0]], if index == 0 { wrong } else { right }, day));
    }
    lines.push("not json".to_owned());
    let tasks: Vec<String> = gold
        .iter()
        .map(|(item, right)| {
            format!(r#"{{"id":"{item}","prompt":"p","outputs":[{{"model":"a","content":"x"}},{{"model":"b","content":"yy"}}],"gold":{{"preference":"{right}"}}}}"#)
        })
        .collect();
    (lines.join("\n"), tasks.join("\n"))
}

fn report() -> QualityReport {
    let (judgments, tasks) = fixture();
    build_report(
        &[("j.jsonl", &judgments)],
        Some(("tasks.jsonl", &tasks)),
        None,
        &ReportOptions { bootstrap: 50, seed: 1, kpi: Kpi::default() },
    )
}

#[test]
fn kpis_fail_only_on_defined_numbers() {
    let report = report();
    let row = |name: &str| report.annotators.iter().find(|r| r.annotator == name).unwrap_or_else(|| panic!("row {name}"));
    let good = row("good-1");
    assert_eq!(good.gold_accuracy, Some(1.0));
    assert_eq!(good.n_gold, 4);
    assert_eq!(good.position_bias, Some(0.5));
    assert!(good.pass, "{:?}", good.failed);
    assert_eq!(good.median_seconds, Some(30.0));
    assert_eq!(good.flag_rate, Some(0.0));

    let careless = row("careless");
    assert_eq!(careless.position_bias, Some(1.0));
    assert_eq!(careless.gold_accuracy, Some(0.5));
    // It also lowers the humans' alpha, which is below target: every KPI misses its target, but
    // four items are no evidence (n < 30): insufficient evidence, not a failure.
    assert!(careless.alpha_delta.unwrap() < 0.0 && careless.alpha_with.unwrap() < 0.667);
    assert_eq!(careless.insufficient, ["gold_accuracy", "alpha_delta", "position_bias"]);
    assert!(careless.failed.is_empty() && careless.pass);
    let statuses: Vec<(&str, u64)> = careless.kpis.iter().map(|k| (k.kpi.as_str(), k.n)).collect();
    assert_eq!(statuses, [("gold_accuracy", 4), ("position_bias", 4), ("alpha_delta", 4)]);
    let judge = row("judge:m");
    assert!(judge.is_judge);
    assert_eq!(judge.gold_accuracy, Some(1.0), "#swap items have no gold");

    // A target above 1 makes every row with gold fail, and rows without gold never do.
    let (judgments, tasks) = fixture();
    let strict = Kpi { min_gold_accuracy: 1.01, min_alpha: 0.0, max_position_bias: 1.0, ..Kpi::default() };
    let strict_report = build_report(
        &[("j.jsonl", &judgments)],
        Some(("tasks.jsonl", &tasks)),
        None,
        &ReportOptions { bootstrap: 0, seed: 1, kpi: strict },
    );
    for row in &strict_report.annotators {
        let missed = row.failed.iter().chain(&row.insufficient).any(|k| k == "gold_accuracy");
        assert_eq!(missed, row.gold_accuracy.is_some(), "{}", row.annotator);
        assert!(!row.failed.contains(&"position_bias".to_owned()) && !row.insufficient.contains(&"position_bias".to_owned()));
    }
    let no_gold = build_report(
        &[("j.jsonl", &judgments)],
        None,
        None,
        &ReportOptions { bootstrap: 0, seed: 1, kpi: Kpi { min_gold_accuracy: 1.01, ..Kpi::default() } },
    );
    assert!(no_gold.annotators.iter().all(|r| r.gold_accuracy.is_none() && !r.failed.contains(&"gold_accuracy".to_owned())));
}

/// With enough items the same careless rater is below target on every KPI, with evidence:
/// 60 of 60 decisive wins to the first-shown output, 30 of 60 gold, and an α contribution whose
/// item-bootstrap interval lies below 0 (Benjamini–Hochberg across the three humans).
#[test]
fn enough_evidence_makes_a_miss_a_failure() {
    let (judgments, tasks) = fixture_of(60);
    let report = build_report(
        &[("j.jsonl", &judgments)],
        Some(("tasks.jsonl", &tasks)),
        None,
        &ReportOptions { bootstrap: 200, seed: 7, kpi: Kpi::default() },
    );
    let careless = report.annotators.iter().find(|r| r.annotator == "careless").unwrap();
    assert_eq!(careless.failed, ["gold_accuracy", "alpha_delta", "position_bias"], "{:?}", careless.kpis);
    assert!(!careless.pass);
    let gold = careless.kpis.iter().find(|k| k.kpi == "gold_accuracy").unwrap();
    assert_eq!((gold.n, gold.value), (60, Some(0.5)));
    assert!(gold.ci_high.unwrap() < 0.9 && gold.q_value.unwrap() < 0.05);
    let good = report.annotators.iter().find(|r| r.annotator == "good-1").unwrap();
    assert!(good.pass && good.failed.is_empty() && good.insufficient.is_empty(), "{:?}", good.kpis);
}

#[test]
fn groups_trend_and_overview() {
    let report = report();
    assert_eq!(report.overview.n_judgments, 20);
    assert_eq!(report.overview.n_problems, 1);
    assert!(report.overview.problems[0].starts_with("j.jsonl:21: "), "{:?}", report.overview.problems);
    let days: Vec<(&str, u64)> = report.overview.per_day.iter().map(|d| (d.day.as_str(), d.judgments)).collect();
    assert_eq!(days, [("2026-11-25", 10), ("2026-12-02", 10)]);
    let groups: Vec<&str> = report.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(groups, ["site-a", "site-b"], "the judge's group is not a human group");
    let site_a = &report.groups[0];
    assert_eq!((site_a.annotators, site_a.judgments), (2, 8));
    assert_eq!(site_a.alpha, Some(1.0));
    assert_eq!(site_a.gold_accuracy, Some(1.0));
    assert!(site_a.pass);
    assert_eq!(report.groups[1].gold_accuracy, Some(0.5));
    assert_eq!(report.groups[1].insufficient, ["gold_accuracy"], "one rater: alpha undefined; 2 of 4 gold is no evidence");
    assert!(report.groups[1].failed.is_empty());
    let trend: Vec<(&str, &str, u64)> = report.trend.iter().map(|t| (t.group.as_str(), t.period.as_str(), t.judgments)).collect();
    assert_eq!(trend, [("site-a", "2026-W48", 4), ("site-a", "2026-W49", 4), ("site-b", "2026-W48", 2), ("site-b", "2026-W49", 2)]);
    assert_eq!(report.trend[0].percent_agreement, Some(1.0));
    assert_eq!(report.trend[2].percent_agreement, None, "one rater: no pair");
}

#[test]
fn judge_agreement_and_position_consistency() {
    let report = report();
    assert_eq!(report.judges.len(), 1, "judge:m's #swap items belong to judge:m");
    let judge = &report.judges[0];
    assert_eq!(judge.n_items, 4);
    // Human majorities: good-1 and good-2 (gold) outvote careless where it differs.
    assert_eq!(judge.agreement, Some(1.0));
    assert_eq!(judge.n_swapped_pairs, 4);
    assert_eq!(judge.position_consistency, Some(0.75), "q1's swapped judgment names the other model");
    // Judges stay out of the disagreement queue.
    assert!(report.disagreements.iter().all(|d| d.answers.iter().all(|a| !a.annotator.starts_with("judge:"))));
}

#[test]
fn failing_alpha_marks_groups_and_annotators_that_lower_it() {
    // Two raters who disagree on half the items: alpha below 0.667.
    let lines: Vec<String> = (0..8)
        .flat_map(|i| {
            let item = format!("i{i}");
            let (x, y) = if i % 2 == 0 { ("a", "a") } else { ("a", "b") };
            let other = if i < 4 { y } else { x };
            [
                line(&item, "r1", "g", ["a", "b"], x, "2026-11-25T10:00:00Z"),
                line(&item, "r2", "g", ["a", "b"], other, "2026-11-25T10:00:00Z"),
            ]
        })
        .collect();
    let text = lines.join("\n");
    let report = build_report(&[("j.jsonl", &text)], None, None, &ReportOptions { bootstrap: 0, seed: 0, kpi: Kpi::default() });
    let group = &report.groups[0];
    assert!(group.alpha.unwrap() < 0.667);
    assert_eq!(group.insufficient, ["alpha"], "no bootstrap interval: a miss without evidence");
    // With two raters, removing either leaves no pair: alpha_without undefined, delta undefined,
    // so no annotator fails on alpha.
    assert!(report.annotators.iter().all(|r| r.alpha_delta.is_none() && !r.failed.contains(&"alpha_delta".to_owned())));
}

#[test]
fn html_escapes_input_and_csv_quotes_fields() {
    let text = [
        line("q<1>", "ann, \"one\"", "site <b>", ["a", "b"], "a", "2026-11-25T10:00:00Z"),
        line("q<1>", "http://evil.example/x", "site <b>", ["a", "b"], "b", "2026-11-25T10:00:00Z"),
    ]
    .join("\n");
    let report = build_report(&[("j.jsonl", &text)], None, None, &ReportOptions { bootstrap: 0, seed: 0, kpi: Kpi::default() });
    let html = render_html(&report);
    assert!(!html.contains("<b>") && html.contains("site &lt;b&gt;"));
    assert!(html.contains("q&lt;1&gt;"));
    assert!(!html.contains("http://"), "URLs from the input are escaped");
    assert!(!html.contains("<script"));
    assert!(!html.contains("arXiv"), "no MT-Bench attribution for other data");
    let tables = csv_tables(&report);
    let annotators = &tables.iter().find(|(n, _)| n == "annotators.csv").unwrap().1;
    assert!(annotators.contains("\r\n\"ann, \"\"one\"\"\",site <b>,false,1,"), "{annotators}");
    let disagreements = &tables.iter().find(|(n, _)| n == "disagreements.csv").unwrap().1;
    assert!(
        disagreements.starts_with("item_id,n_judgments,disagreement,annotator,group,winner,scores,flags\r\nq<1>,2,0.5,"),
        "{disagreements}"
    );
}

#[test]
fn degenerate_inputs_give_a_report_not_a_panic() {
    let scores_only = r#"{"schema":"verdict/judgment@1","item_id":"q","annotator":"a","scores":{"ok":true}}
{"schema":"verdict/judgment@1","item_id":"q","annotator":"b","scores":{"ok":false}}"#;
    let no_shown = r#"{"schema":"verdict/judgment@1","item_id":"q","annotator":"a","preference":{"winner":"x"}}"#;
    for text in ["", "not json", "\n\n", scores_only, no_shown] {
        let report = build_report(&[("j.jsonl", text)], Some(("t.jsonl", "")), Some(("r.json", "{")), &ReportOptions::default());
        assert!(report.leaderboard.models.len() <= 2);
        let html = render_html(&report);
        assert!(html.ends_with("</html>\n"));
        assert!(!csv_tables(&report).is_empty());
    }
    // Without preferences the first criterion drives disagreements and the pairwise matrix.
    let report = build_report(&[("j.jsonl", scores_only)], None, None, &ReportOptions::default());
    assert_eq!(report.pairwise.criterion, "ok");
    assert_eq!(report.disagreements.len(), 1);
    assert_eq!(report.disagreements[0].disagreement, 0.5);
    assert_eq!(report.agreement[0].criterion, "ok");
}

/// An LLM judge that agrees with the human majority on 18 of 20 items a week for five weeks,
/// then on 8 of 20: the weekly table shows it and the CUSUM of the disagreement rate signals an
/// upward shift from week 6 on (`spc`'s tabular CUSUM, k = 0.5, h = 5).
#[test]
fn a_judge_drifting_away_from_the_humans_is_signalled_by_week() {
    let mut lines = Vec::new();
    for week in 0..8 {
        // Mondays from 2026-10-05 (ISO week 41).
        let day = 1_791_158_400 + week * 7 * 86_400;
        let time = verdict_core::time::rfc3339_from_unix_ms(day * 1000);
        for i in 0..20 {
            let item = format!("w{week}-i{i}");
            for human in ["h1", "h2", "h3"] {
                lines.push(line(&item, human, "site", ["a", "b"], "a", &time));
            }
            let agrees = if week < 5 { i < 18 } else { i < 8 };
            lines.push(line(&item, "judge:m", "llm", ["a", "b"], if agrees { "a" } else { "b" }, &time));
        }
    }
    let text = lines.join("\n");
    let report = build_report(&[("j.jsonl", &text)], None, None, &ReportOptions { bootstrap: 0, seed: 0, kpi: Kpi::default() });
    let judge = &report.judges[0];
    let weekly: Vec<(String, u64, Option<f64>)> = judge.weekly.iter().map(|w| (w.period.clone(), w.n, w.agreement)).collect();
    assert_eq!(weekly.len(), 8);
    assert_eq!(weekly[0], ("2026-W41".to_owned(), 20, Some(0.9)));
    assert_eq!(weekly[7], ("2026-W48".to_owned(), 20, Some(0.4)));
    assert!(!judge.drift.is_empty(), "{:?}", judge.drift);
    assert!(judge.drift.iter().all(|d| d.rule == "cusum_upper" && d.period.as_str() >= "2026-W46"), "{:?}", judge.drift);
}
