//! Tests of `ranking`.

use super::*;

#[test]
fn an_empty_input_gives_an_empty_leaderboard_not_a_panic() {
    let board = leaderboard(&[], &Options::default());
    assert!(board.models.is_empty());
    assert_eq!(board.n_battles, 0);
    let mut no_shown = Judgment::new("q1", "ann");
    no_shown.preference = Some(crate::judgment::Preference { winner: "a".into(), strength: None, extra: Default::default() });
    let board = leaderboard(&[no_shown], &Options { bootstrap: 10, ..Options::default() });
    assert_eq!(board.n_battles, 0);
}
