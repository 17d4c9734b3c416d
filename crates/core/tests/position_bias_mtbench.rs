//! Regression (issue 17, part 3): on the real MT-Bench judgments the GPT-4 judge saw every
//! model pair in one fixed order (e.g. always `gpt-3.5-turbo` left of `claude-v1`), so its
//! "position bias" was an artefact of position and model being confounded. It is now "not
//! estimable: order never varied"; the humans, whose display order varied, keep an estimate.

use verdict_core::ranking::{battles, bias};

#[test]
fn the_mtbench_gpt4_judge_has_no_position_bias_estimate_because_its_order_never_varied() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/mtbench-judgments/judgments.jsonl");
    let text = std::fs::read_to_string(path).expect("the MT-Bench demo file");
    let loaded = battles::read_jsonl("judgments.jsonl", &text, None);
    let set = &loaded.records[0];
    let report = bias::bias(set, None);
    let judge = &report.by_annotator.iter().find(|a| a.annotator == "judge:gpt-4").expect("the judge").stats;
    assert_eq!(judge.battles, 2400);
    assert_eq!(judge.positioned_decisive, 0);
    assert_eq!(judge.first_shown_win_rate, None);
    assert_eq!(judge.position_p_value, None);
    assert!(judge.fixed_order_decisive > 1500, "{judge:?}");
    assert!(judge.note.as_deref().unwrap_or_default().contains("not estimable: order never varied"), "{judge:?}");
    // Overall: only battles whose annotator saw the pair both ways (humans), none of the judge's.
    let overall = &report.overall;
    assert!(overall.positioned_decisive > 0 && overall.first_shown_win_rate.is_some());
    let humans_varied: u64 = report.by_annotator.iter().filter(|a| a.annotator != "judge:gpt-4").map(|a| a.stats.positioned_decisive).sum();
    assert_eq!(overall.positioned_decisive, humans_varied);
    assert_eq!(
        overall.fixed_order_decisive,
        judge.fixed_order_decisive
            + report.by_annotator.iter().filter(|a| a.annotator != "judge:gpt-4").map(|a| a.stats.fixed_order_decisive).sum::<u64>()
    );
}
