//! The MT-Bench paper's human-agreement table reproduced by `verdict agree --metric
//! pair_agreement` on the real judgments (`www/demo/mtbench-judgments/`, the same file as
//! `../shared/data/mtbench-judgments/`).
//!
//! Reference: Zheng et al. 2023, "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena",
//! arXiv:2306.05685, §4.2, the MT-bench agreement table: G4-Pair vs Human and Human vs Human,
//! first and second turn, setup S1 (with ties, R = 33%) and S2 (without ties, R = 50%), each
//! cell "agreement (#votes)". The pairing conventions are FastChat's
//! `fastchat/llm_judge/compute_agreement.py`: "human" there is the judges whose id starts with
//! `expert` (`author_*` judges are a separate type and are not in the table), GPT-4 pairs with
//! every expert vote of the same question, turn and model pair, two experts pair once (i < j),
//! and S2 drops a pair when either vote contains "tie". Here: GPT-4 = `judge:gpt-4`, experts =
//! `group:human_expert`, the turn = `--items ':t1:'` / `':t2:'`. Every pair count equals the
//! paper's; every share is within 0.5 percentage points of its (rounded) percentage.

mod common;

use serde_json::Value;

/// (turn, first set, second set, drop ties, paper's agreement in %, paper's #votes).
const TABLE: [(&str, &str, &str, bool, f64, u64); 8] = [
    (":t1:", "judge:gpt-4", "group:human_expert", false, 66.0, 1343),
    (":t1:", "judge:gpt-4", "group:human_expert", true, 85.0, 859),
    (":t1:", "group:human_expert", "group:human_expert", false, 63.0, 721),
    (":t1:", "group:human_expert", "group:human_expert", true, 81.0, 479),
    (":t2:", "judge:gpt-4", "group:human_expert", false, 66.0, 1325),
    (":t2:", "judge:gpt-4", "group:human_expert", true, 85.0, 864),
    (":t2:", "group:human_expert", "group:human_expert", false, 67.0, 707),
    (":t2:", "group:human_expert", "group:human_expert", true, 82.0, 474),
];

fn pair_row(turn: &str, first: &str, second: &str, drop_ties: bool) -> (Value, Value) {
    let file = common::demo("mtbench-judgments/judgments.jsonl");
    let mut args = vec!["agree", &file, "--metric", "pair_agreement", "--items", turn, "--between", first, "--and", second, "--json"];
    if drop_ties {
        args.push("--drop-ties");
    }
    let (stdout, stderr, code) = common::verdict(&args, None);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stdout}"));
    (report["results"][0].clone(), report)
}

#[test]
fn the_mtbench_agreement_table_is_reproduced_with_the_papers_pair_counts() {
    for (turn, first, second, drop_ties, percent, votes) in TABLE {
        let (row, report) = pair_row(turn, first, second, drop_ties);
        assert_eq!(row["metric"], "pair_agreement");
        assert_eq!(row["n_pairs"].as_u64(), Some(votes), "{turn} {first} vs {second} drop_ties={drop_ties}: {row}");
        let value = 100.0 * row["value"].as_f64().expect("a value");
        assert!((value - percent).abs() <= 0.5, "{turn} {first} vs {second} drop_ties={drop_ties}: {value:.2}% vs the paper's {percent}%");
        // The input block is the whole file's; `selected` counts the turn's judgments.
        assert_eq!(report["input"]["lines"].as_u64(), Some(5755));
        assert_eq!(report["input"]["judgments"].as_u64(), Some(5754), "one author's duplicate is replaced");
        let selected = report["selected"].as_u64().unwrap();
        assert!(selected > 2500 && selected < 3000, "one turn of 5754 judgments: {selected}");
        // The rest of the family restricted to the two sets.
        let metrics: Vec<&str> = report["results"].as_array().unwrap().iter().map(|r| r["metric"].as_str().unwrap()).collect();
        assert_eq!(metrics, ["pair_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"]);
    }
}

#[test]
fn the_pair_agreement_ci_is_seeded_and_brackets_the_value() {
    let file = common::demo("mtbench-judgments/judgments.jsonl");
    let args =
        ["agree", &file, "--metric", "pair_agreement", "--items", ":t1:", "--between", "judge:gpt-4", "--and", "humans", "--drop-ties"];
    let run = |seed: &str| {
        let args: Vec<&str> = args.iter().copied().chain(["--bootstrap", "200", "--seed", seed, "--json"]).collect();
        let (stdout, stderr, code) = common::verdict(&args, None);
        assert_eq!(code, 0, "{stderr}");
        serde_json::from_str::<Value>(&stdout).unwrap()["results"][0].clone()
    };
    let (a, b, c) = (run("3"), run("3"), run("4"));
    assert_eq!(a, b, "same seed, same interval");
    assert_ne!(a["ci_low"], c["ci_low"], "another seed, another resample");
    let (low, value, high) = (a["ci_low"].as_f64().unwrap(), a["value"].as_f64().unwrap(), a["ci_high"].as_f64().unwrap());
    assert!(low < value && value < high, "{low} {value} {high}");
    // `humans` counts the authors too (FastChat's separate `author` judge type): more pairs.
    assert!(a["n_pairs"].as_u64().unwrap() > 859, "{a}");
}

#[test]
fn agree_leaves_judges_out_unless_raters_names_them() {
    let file = common::demo("mtbench-judgments/judgments.jsonl");
    let annotators = |extra: &[&str]| {
        let args: Vec<&str> =
            ["agree", &file, "--json", "--metric", "krippendorff_alpha"].into_iter().chain(extra.iter().copied()).collect();
        let (stdout, stderr, code) = common::verdict(&args, None);
        assert_eq!(code, 0, "{stderr}");
        let report: Value = serde_json::from_str(&stdout).unwrap();
        (report["results"][0]["n_annotators"].as_u64().unwrap(), report["selected"].as_u64().unwrap())
    };
    assert_eq!(annotators(&[]), (65, 3354), "humans only by default: 65 humans, 3354 kept judgments");
    assert_eq!(annotators(&["--raters", "humans", "--raters", "judges"]), (66, 5754));
    assert_eq!(annotators(&["--raters", "judge:*", "--raters", "group:human_expert"]).1, 2400 + 2668);
    let (_, stderr, code) = common::verdict(&["agree", &file, "--where", "group"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("--where \"group\""), "{stderr}");
}
