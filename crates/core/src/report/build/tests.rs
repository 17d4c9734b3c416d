//! Tests of `build`.

use super::judges::majority;
use super::trend::percent_agreement;
use super::*;

#[test]
fn iso_weeks_match_the_calendar() {
    // (date, ISO week) from the ISO 8601 calendar (e.g. `date -d DATE +%G-W%V`).
    let cases = [
        ("2026-11-25", "2026-W48"),
        ("2021-01-03", "2020-W53"),
        ("2024-12-30", "2025-W01"),
        ("2026-01-01", "2026-W01"),
        ("1970-01-01", "1970-W01"),
    ];
    for (date, week) in cases {
        let day = unix_seconds_from_rfc3339(&format!("{date}T12:00:00Z")).expect("valid date") / 86_400;
        assert_eq!(iso_week(day), week, "{date}");
    }
}

#[test]
fn majority_is_unique_or_none() {
    assert_eq!(majority(&[1, 2, 1]), Some(1));
    assert_eq!(majority(&[1, 2]), None);
    assert_eq!(majority(&[]), None);
}

#[test]
fn percent_agreement_is_the_mean_share_of_agreeing_pairs() {
    // Item 1: 3 values, 1 agreeing pair of 3 → 1/3; item 2: 2 agreeing → 1; item 3: single.
    let mut values = vec![(1, 5), (1, 5), (1, 6), (2, 7), (2, 7), (3, 1)];
    let got = percent_agreement(&mut values).expect("two items have pairs");
    assert!((got - (1.0 / 3.0 + 1.0) / 2.0).abs() < 1e-12);
}
