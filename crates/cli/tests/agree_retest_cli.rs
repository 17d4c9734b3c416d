//! `verdict agree --retest` end to end: self-agreement and flip rate per rater and per site from
//! campaign repeats (`ID` vs `ID#repeat`), JSON with the input block, the table on stdout.

mod common;

use serde_json::Value;

/// Rater a (site s): 10 pairs, the first two flipped. Rater b (site t): 4 identical pairs.
fn judgments() -> String {
    let mut text = String::new();
    let mut line = |item: &str, annotator: &str, group: &str, winner: &str| {
        text.push_str(&format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"{item}","annotator":"{annotator}","group":"{group}","preference":{{"winner":"{winner}"}},"shown":["x","y"]}}"#
        ));
        text.push('\n');
    };
    for i in 0..10 {
        let first = if i % 2 == 0 { "x" } else { "y" };
        let again = match (i < 2, first) {
            (true, "x") => "y",
            (true, _) => "x",
            (false, _) => first,
        };
        line(&format!("q{i}"), "a", "s", first);
        line(&format!("q{i}#repeat"), "a", "s", again);
    }
    for i in 0..4 {
        let winner = if i % 2 == 0 { "x" } else { "tie" };
        line(&format!("q{i}"), "b", "t", winner);
        line(&format!("q{i}#repeat"), "b", "t", winner);
    }
    text
}

#[test]
fn retest_json_per_rater_and_site_with_input_block() {
    let path = common::scratch("agree-retest", "retest.jsonl", judgments().as_bytes());
    let path = path.to_str().unwrap();
    let (stdout, stderr, code) = common::verdict(&["agree", "--retest", "--json", "--bootstrap", "500", "--seed", "3", path], None);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["input"]["judgments"], 28);
    let rows = report["retest"].as_array().unwrap();
    let scopes: Vec<(&str, &str)> = rows.iter().map(|r| (r["scope"].as_str().unwrap(), r["name"].as_str().unwrap_or(""))).collect();
    assert_eq!(scopes, [("all", ""), ("group", "s"), ("group", "t"), ("annotator", "a"), ("annotator", "b")]);
    let a = &rows[3];
    assert_eq!((a["criterion"].as_str(), a["n_pairs"].as_u64(), a["flips"].as_u64()), (Some("preference"), Some(10), Some(2)));
    // Hand-computed: the 2×2 table [[4,1],[1,4]] gives Cohen's κ = (0.8 − 0.5)/(1 − 0.5) = 0.6;
    // nominal α = 1 − (n−1)·Σo_ck/Σn_c·n_k = 1 − 19·4/(2·10·10) = 0.62 (Krippendorff 2011, §C).
    assert!((a["kappa"].as_f64().unwrap() - 0.6).abs() < 1e-12);
    assert!((a["alpha"].as_f64().unwrap() - 0.62).abs() < 1e-12);
    // Wilson 95% for 2/10 (Newcombe 1998, Table I, method 3: 0.0567–0.5098).
    let ci = a["flip_ci"].as_array().unwrap();
    assert!((ci[0].as_f64().unwrap() - 0.0567).abs() < 1e-4 && (ci[1].as_f64().unwrap() - 0.5098).abs() < 1e-4, "{ci:?}");
    let kappa_ci = a["kappa_ci"].as_array().unwrap();
    assert!(kappa_ci[0].as_f64().unwrap() <= 0.6 && 0.6 <= kappa_ci[1].as_f64().unwrap());
    assert_eq!(rows[4]["flips"], 0);
    assert_eq!(rows[4]["kappa"], 1.0);
    // Same seed, same CIs.
    let (again, _, _) = common::verdict(&["agree", "--retest", "--json", "--bootstrap", "500", "--seed", "3", path], None);
    assert_eq!(again, stdout);
}

#[test]
fn retest_table_and_no_pairs_message() {
    let path = common::scratch("agree-retest", "table.jsonl", judgments().as_bytes());
    let (stdout, stderr, code) = common::verdict(&["agree", "--retest", path.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.lines().next().unwrap().starts_with("criterion"), "{stdout}");
    assert!(stdout.lines().any(|l| l.contains("annotator") && l.contains(" a ") && l.contains("0.2000")), "{stdout}");
    assert!(stderr.contains("input: 1 file, 28 lines"), "{stderr}");
    let lonely = common::scratch("agree-retest", "lonely.jsonl", judgments().lines().next().unwrap().as_bytes());
    let (_, stderr, _) = common::verdict(&["agree", "--retest", lonely.to_str().unwrap()], None);
    assert!(stderr.contains("no repeat pairs"), "{stderr}");
}
