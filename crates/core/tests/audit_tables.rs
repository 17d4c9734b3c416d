//! ISO 2859-1 master tables: every code letter and AQL of Tables II-A, II-B and II-C against a
//! second transcription (`tests/reference/audit/iso2859_1.json`, from `transcribe.py`), cell and
//! resolved plan; Level II cells against a third published copy; OC curves against the binomial.

use serde_json::Value;
use verdict_core::audit::{self, tables, Inspection, Level, Plan};

fn transcription() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/reference/audit/iso2859_1.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_cell_and_resolved_plan_matches_the_transcription() {
    let reference = transcription();
    let mut walked = 0;
    for (name, inspection, rows) in [
        ("normal", Inspection::Normal, &tables::NORMAL[..]),
        ("tightened", Inspection::Tightened, &tables::TIGHTENED[..]),
        ("reduced", Inspection::Reduced, &tables::REDUCED[..]),
    ] {
        let cells = reference["tables"][name].as_array().unwrap();
        assert_eq!(cells.len(), rows.len() * 26, "{name}: rows × AQL columns");
        for (row, text) in rows.iter().enumerate() {
            let printed: Vec<&str> = text.split(' ').collect();
            assert_eq!(printed.len(), 26, "{name} row {row}");
            for (column, cell) in printed.iter().enumerate() {
                let want = &cells[row * 26 + column];
                assert_eq!(want["aql"].as_str().unwrap(), tables::AQLS[column]);
                let spelled = match *cell {
                    "v" => "down",
                    "^" => "up",
                    "-" => "none",
                    plan => plan,
                };
                assert_eq!(spelled, want["cell"].as_str().unwrap(), "{name} {} {}", want["letter"], tables::AQLS[column]);
                if row == 16 {
                    continue; // the tightened table's S row is reached only through arrows
                }
                let got = audit::table_plan(tables::CODE_LETTERS[row], column, inspection);
                match (&got, want["plan"].as_object()) {
                    (Ok((letter, plan)), Some(w)) => {
                        let expected = Plan { n: w["n"].as_u64().unwrap(), ac: w["ac"].as_u64().unwrap(), re: w["re"].as_u64().unwrap() };
                        assert_eq!(
                            (letter.to_string(), *plan),
                            (w["letter"].as_str().unwrap().to_owned(), expected),
                            "{name} {row} {column}"
                        );
                    }
                    (Err(audit::AuditError::ArrowLeavesTable { .. }), None) => {}
                    _ => panic!("{name} {} {}: got {got:?}, want {}", want["letter"], tables::AQLS[column], want["plan"]),
                }
                walked += 1;
            }
        }
    }
    assert_eq!(walked, 3 * 16 * 26);
}

/// Rejection numbers for AQL 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10, 15 (0 = an arrow), rows A…Q,
/// typed from the NIBS facilities-maintenance guide's Table 1-A (normal, from MIL-STD-105E
/// Table II-A) and Table 1-B (tightened, Table II-B, rows A…K as printed there).
#[test]
fn level_two_cells_match_a_third_published_copy() {
    let normal: [[u64; 8]; 15] = [
        [0, 0, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1, 0, 0, 2],
        [0, 0, 0, 1, 0, 0, 2, 3],
        [0, 0, 1, 0, 0, 2, 3, 4],
        [0, 1, 0, 0, 2, 3, 4, 6],
        [1, 0, 0, 2, 3, 4, 6, 8],
        [0, 0, 2, 3, 4, 6, 8, 11],
        [0, 2, 3, 4, 6, 8, 11, 15],
        [2, 3, 4, 6, 8, 11, 15, 22],
        [3, 4, 6, 8, 11, 15, 22, 0],
        [4, 6, 8, 11, 15, 22, 0, 0],
        [6, 8, 11, 15, 22, 0, 0, 0],
        [8, 11, 15, 22, 0, 0, 0, 0],
        [11, 15, 22, 0, 0, 0, 0, 0],
        [15, 22, 0, 0, 0, 0, 0, 0],
    ];
    let tightened: [[u64; 8]; 10] = [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1, 0, 0, 2],
        [0, 0, 0, 1, 0, 0, 2, 3],
        [0, 0, 1, 0, 0, 2, 3, 4],
        [0, 1, 0, 0, 2, 3, 4, 6],
        [1, 0, 0, 2, 3, 4, 6, 9],
        [0, 0, 2, 3, 4, 6, 9, 13],
        [0, 2, 3, 4, 6, 9, 13, 19],
        [2, 3, 4, 6, 9, 13, 19, 0],
    ];
    for (table, rows) in [(&tables::NORMAL[..], &normal[..]), (&tables::TIGHTENED[..], &tightened[..])] {
        for (row, expected) in rows.iter().enumerate() {
            let cells: Vec<&str> = table[row].split(' ').collect();
            for (offset, want) in expected.iter().enumerate() {
                let cell = cells[9 + offset];
                let got = cell.split_once('/').map_or(0, |(_, re)| re.parse().unwrap());
                assert_eq!(got, *want, "row {} AQL {}", tables::CODE_LETTERS[row], tables::AQLS[9 + offset]);
            }
        }
    }
}

/// Table I spot checks from the ANSI/ASQ Z1.4 chart, and the OC curve equals the binomial cdf.
#[test]
fn code_letters_and_oc_curves() {
    for (lot, level, want) in
        [(8, Level::II, 'A'), (9, Level::II, 'B'), (1200, Level::II, 'J'), (1201, Level::I, 'H'), (35_000, Level::S3, 'F')]
    {
        assert_eq!(audit::code_letter(lot, level), Ok(want), "{lot} {level:?}");
    }
    let plan = Plan { n: 125, ac: 2, re: 3 };
    let curve = audit::oc_curve(plan, false, 20);
    assert_eq!(curve.len(), 21);
    assert_eq!(curve[0].p_accept, 1.0);
    // SciPy 1.17: stats.binom.cdf(2, 125, 0.01) = 0.8693158680719985
    let at = audit::p_accept(plan, 0.01, false);
    assert!((at - 0.869_315_868_071_998_5).abs() < 1e-12, "{at}");
    assert!(curve.windows(2).all(|w| w[1].p_accept <= w[0].p_accept));
    assert!((curve[20].p_accept - 0.01).abs() < 1e-6);
}
