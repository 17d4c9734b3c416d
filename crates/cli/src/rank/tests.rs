//! Tests of `rank`.

use super::*;
use verdict_core::ranking::BattleSet;

#[test]
fn the_table_shows_a_null_rating_as_a_dash_with_its_note() {
    let mut a = Judgment::new("1", "x");
    a.shown = Some(vec!["p".into(), "q".into()]);
    a.preference = Some(verdict_core::judgment::Preference { winner: "p".into(), strength: None, extra: Default::default() });
    let set = BattleSet::from_judgments(&[a], None);
    let board = ranking::leaderboard_from_battles(&set, &Options::default());
    let mut out = String::new();
    write_table(&mut out, &board, &bias(&set, None), &Options::default());
    assert!(out.contains("note: p: never lost"), "{out}");
    assert!(out.lines().nth(2).unwrap().contains('—'), "{out}");
}
