//! Agreement partials: `agree --partials-out` on three parts, merged by `--from-partials`, give
//! the whole run's coefficients exactly, bootstrap CIs included for a seed, on three ways of
//! splitting (JSON and CSV parts); other settings, versions and kinds are refused clearly.

mod common;

use serde_json::Value;

/// Item k's three judgments sit on lines k, N + k and 2N + k (so items span parts), by three
/// different annotators; every 50th line re-judges the line before (identities stay in one part).
fn generated(n_items: u64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut state = 4242u64;
    let mut next = |k: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % k
    };
    for i in 0..3 * n_items {
        let (k, j) = if i % 50 == 11 { ((i - 1) % n_items, (i - 1) / n_items) } else { (i % n_items, i / n_items) };
        let annotator = format!("ann-{}", (k + 3 * j) % 9);
        let group = ["north", "south", "east"][((k + 3 * j) % 9 % 3) as usize];
        let winner = ["m-a", "m-b", "tie", "both_bad", "m-a"][next(5) as usize];
        let (clarity, tone, safe) = (1 + next(5), ["good", "bad", "meh"][next(3) as usize], next(4) > 0);
        lines.push(format!(
            r#"{{"schema":"verdict/judgment@1","item_id":"q{k}","annotator":"{annotator}","group":"{group}","shown":["m-a","m-b"],"preference":{{"winner":"{winner}"}},"scores":{{"clarity":{clarity},"safe":{safe},"tone":{{"m-a":"{tone}","m-b":"good"}}}},"submitted_at":"2026-11-25T10:{:02}:00Z"}}"#,
            i % 60
        ));
    }
    lines
}

const FINISH: &[&str] = &[
    "--json",
    "--bootstrap",
    "30",
    "--seed",
    "5",
    "--metric",
    "krippendorff_alpha",
    "--metric",
    "fleiss_kappa",
    "--metric",
    "gwet_ac1",
    "--metric",
    "percent_agreement",
    "--metric",
    "conger_kappa",
    "--metric",
    "icc",
    "--group-by",
    "group",
];

fn run(args: &[&str]) -> Value {
    let (stdout, stderr, code) = common::verdict(args, None);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let mut value: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    value.as_object_mut().unwrap().remove("input");
    value
}

#[test]
fn three_splits_merged_equal_the_whole_run_with_the_bootstrap() {
    let lines = generated(200);
    let whole = common::scratch("partials_agree", "whole.jsonl", (lines.join("\n") + "\n").as_bytes());
    let mut args = vec!["agree", whole.to_str().unwrap()];
    args.extend(FINISH);
    let expected = run(&args);
    let results = expected["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ci_low"].is_f64()), "the bootstrap ran: {expected}");
    assert!(results.iter().any(|r| r["group"] == "south"), "per-group rows: {expected}");
    assert!(expected["n_replaced"].as_u64().unwrap() > 0);
    for (split, cuts) in [[0, 200, 400, 600], [0, 1, 599, 600], [0, 300, 301, 600]].iter().enumerate() {
        let mut partials = Vec::new();
        for k in 0..3 {
            let part = common::scratch(
                "partials_agree",
                &format!("s{split}p{k}.jsonl"),
                (lines[cuts[k]..cuts[k + 1]].join("\n") + "\n").as_bytes(),
            );
            // Split 1 mixes CSV parts in, split 2 a Parquet part (rows only: the counts of the JSON form are not in them).
            let extension = match (split, k) {
                (1, 0) | (1, 2) => "csv",
                (2, 1) => "parquet",
                _ => "json",
            };
            let out = common::scratch("partials_agree", &format!("s{split}p{k}.{extension}"), b"");
            let mut args = vec!["agree", part.to_str().unwrap(), "--partials-out", out.to_str().unwrap()];
            args.extend(FINISH);
            run(&args);
            partials.push(out.to_string_lossy().into_owned());
        }
        let mut args = vec!["agree", "--from-partials"];
        args.extend(partials.iter().map(String::as_str));
        args.extend(FINISH);
        let merged = run(&args);
        if split >= 1 {
            // CSV and Parquet parts carry rows only, not the JSON form's judgment counts.
            assert_eq!(merged["results"], expected["results"], "split {cuts:?}");
        } else {
            assert_eq!(merged, expected, "split {cuts:?}");
        }
    }
}

#[test]
fn other_settings_versions_and_kinds_are_refused() {
    let lines = generated(20);
    let part = common::scratch("partials_agree", "small.jsonl", (lines.join("\n") + "\n").as_bytes());
    let out = common::scratch("partials_agree", "small.json", b"");
    let (_, stderr, code) = common::verdict(
        &["agree", part.to_str().unwrap(), "--seed", "1", "--bootstrap", "10", "--partials-out", out.to_str().unwrap()],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let (_, stderr, code) = common::verdict(&["agree", "--from-partials", out.to_str().unwrap(), "--seed", "2", "--bootstrap", "10"], None);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("small.json: partials computed with seed = 1, but this run has seed = 2"), "{stderr}");
    let (_, stderr, code) = common::verdict(
        &["agree", "--from-partials", out.to_str().unwrap(), "--seed", "1", "--bootstrap", "10", "--criterion", "clarity"],
        None,
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("partials computed with criteria = \"\", but this run has criteria = clarity"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let old = common::scratch("partials_agree", "old.json", text.replace("verdict/partials@1", "verdict/partials@0").as_bytes());
    let (_, stderr, code) = common::verdict(&["agree", "--from-partials", old.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("old.json: partials of version \"verdict/partials@0\""), "{stderr}");
    let ranking = common::scratch("partials_agree", "ranking.json", b"");
    common::verdict(&["rank", part.to_str().unwrap(), "--partials-out", ranking.to_str().unwrap()], None);
    let (_, stderr, code) = common::verdict(&["agree", "--from-partials", ranking.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("ranking partials, expected agreement partials"), "{stderr}");
    let (_, stderr, code) = common::verdict(&["agree", part.to_str().unwrap(), "--from-partials", out.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("give judgment files or partials, not both"), "{stderr}");
    let (_, stderr, code) = common::verdict(&["agree", "--retest", "--from-partials", out.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("--retest"), "{stderr}");
}
