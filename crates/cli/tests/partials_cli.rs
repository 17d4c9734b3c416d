//! Ranking partials: `rank --partials-out` on three parts (JSON, CSV and Parquet), merged by `--from-partials`, give
//! the whole-data leaderboard exactly, bootstrap included for a seed; partials of another
//! version or kind, and options partials cannot finish, are refused clearly.

mod common;

use serde_json::Value;

/// Judgments with preferences (ties, both-bad), N-way rankings with and without `shown`, and a
/// re-judgment within a part.
fn generated(n: usize) -> Vec<String> {
    let models = ["m-a", "m-b", "m-c", "m-d"];
    let mut lines = Vec::new();
    let mut state = 12345u64;
    let mut next = |k: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % k
    };
    for i in 0..n {
        let annotator = format!("ann-{}", next(7));
        let (a, b) = (next(4) as usize, next(4) as usize);
        let line = if i % 5 == 4 {
            let mut ranking: Vec<&str> = models.to_vec();
            ranking.rotate_left(next(4) as usize);
            let shown = if i % 10 == 4 {
                String::new()
            } else {
                format!(r#","shown":["{}","{}","{}","{}"]"#, models[1], models[3], models[0], models[2])
            };
            format!(
                r#"{{"schema":"verdict/judgment@1","item_id":"r{i}","annotator":"{annotator}","ranking":{}{shown}}}"#,
                serde_json::to_string(&ranking).unwrap()
            )
        } else {
            let b = if a == b { (b + 1) % 4 } else { b };
            let winner = match next(10) {
                0 => "tie",
                1 => "both_bad",
                k if k < 6 => models[a],
                _ => models[b],
            };
            format!(
                r#"{{"schema":"verdict/judgment@1","item_id":"q{}","annotator":"{annotator}","shown":["{}","{}"],"preference":{{"winner":"{winner}"}},"submitted_at":"2026-11-25T10:00:{:02}Z"}}"#,
                i / 2,
                models[a],
                models[b],
                i % 60
            )
        };
        lines.push(line);
    }
    lines
}

fn without_input(text: &str) -> Value {
    let mut value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    // What was read (the input block, and how many judgments a selection kept) describes the
    // judgment files; partials keep counts, not judgments.
    value.as_object_mut().unwrap().remove("input");
    value.as_object_mut().unwrap().remove("selected");
    value
}

#[test]
fn three_parts_merged_equal_the_whole_run_with_the_bootstrap() {
    let lines = generated(3000);
    let whole = common::scratch("partials", "whole.jsonl", (lines.join("\n") + "\n").as_bytes());
    let (expected, stderr, code) = common::verdict(&["rank", "--json", "--bootstrap", "40", "--seed", "9", whole.to_str().unwrap()], None);
    assert_eq!(code, 0, "{stderr}");
    // Three parts cut where an item's two judgments stay together (items q{i/2}).
    let mut partials = Vec::new();
    for (k, range) in [0..1000, 1000..2200, 2200..3000].into_iter().enumerate() {
        let part = common::scratch("partials", &format!("part{k}.jsonl"), (lines[range].join("\n") + "\n").as_bytes());
        let out = common::scratch("partials", &format!("part{k}.{}", ["json", "csv", "parquet"][k]), b"");
        let (_, stderr, code) = common::verdict(&["rank", part.to_str().unwrap(), "--partials-out", out.to_str().unwrap()], None);
        assert_eq!(code, 0, "{stderr}");
        partials.push(out.to_string_lossy().into_owned());
    }
    let mut args = vec!["rank", "--json", "--bootstrap", "40", "--seed", "9", "--from-partials"];
    args.extend(partials.iter().map(String::as_str));
    let (merged, stderr, code) = common::verdict(&args, None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(without_input(&merged), without_input(&expected));
    let expected: Value = serde_json::from_str(&expected).unwrap();
    assert!(expected["models"][0]["ci_low"].is_number(), "the bootstrap ran: {expected}");
}

#[test]
fn partials_of_another_version_or_kind_or_unfinishable_options_are_refused() {
    let other = common::scratch("partials", "v0.json", br#"{"schema":"verdict/partials@0","kind":"ranking","cells":[]}"#);
    let (_, stderr, code) = common::verdict(&["rank", "--from-partials", other.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("partials of version \"verdict/partials@0\"; this verdict reads \"verdict/partials@1\""), "{stderr}");
    let kind = common::scratch(
        "partials",
        "kind.csv",
        b"schema,kind,annotator,first,second,outcome,positioned,n\nverdict/partials@1,agreement,a,m1,m2,tie,true,1\n",
    );
    let (_, stderr, _) = common::verdict(&["rank", "--from-partials", kind.to_str().unwrap()], None);
    assert!(stderr.contains("kind.csv:2: agreement partials, expected ranking partials"), "{stderr}");
    let bad = common::scratch(
        "partials",
        "bad.csv",
        b"schema,kind,annotator,first,second,outcome,positioned,n\nverdict/partials@1,ranking,a,m1,m2,won,true,1\n",
    );
    let (_, stderr, _) = common::verdict(&["rank", "--from-partials", bad.to_str().unwrap()], None);
    assert!(stderr.contains("bad.csv:2: outcome: expected first_wins"), "{stderr}");
    let (_, stderr, code) = common::verdict(&["rank", "--method", "elo", "--from-partials", bad.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("online Elo depends on the order"), "{stderr}");
}

#[test]
fn the_sql_is_printed_for_both_engines() {
    for engine in ["duckdb", "spark"] {
        let (sql, stderr, code) = common::verdict(&["partials", "--sql", engine, "--kind", "ranking"], None);
        assert_eq!(code, 0, "{stderr}");
        assert!(sql.contains("FROM judgments") && sql.contains("'verdict/partials@1' AS schema"), "{sql}");
    }
}
