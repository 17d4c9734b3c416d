#!/usr/bin/env python3
"""A second transcription of ISO 2859-1 / MIL-STD-105E Tables II-A, II-B and II-C, written as the
tables' diagonal structure (each plan sits where code-letter row + AQL column is constant), with
the printed exceptions listed by hand, and each cell's resolved plan after following the arrows.
The Rust tables (crates/core/src/audit/tables.rs) are typed cell by cell; the test
crates/core/tests/audit_tables.rs walks every code letter and AQL of both and compares.

Sources: MIL-STD-105E (1989) Tables II-A/B/C; Level II cells for AQL 0.65-15 also checked
against the NIBS facilities guide "AC-TABLE" (its Table 1-A normal, 1-B tightened), typed into
the Rust test. Usage: python3 transcribe.py OUT.json
"""
import json
import sys

LETTERS = "ABCDEFGHJKLMNPQR"
AQLS = ["0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65", "1.0", "1.5", "2.5", "4.0", "6.5",
        "10", "15", "25", "40", "65", "100", "150", "250", "400", "650", "1000"]
SIZES = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000]
REDUCED_SIZES = [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800]
# (first diagonal, cells along the diagonals): "a/r" plan, "up"/"down" arrows.
DIAGONALS = {
    "normal": (14, ["0/1", "up", "down", "1/2", "2/3", "3/4", "5/6", "7/8", "10/11", "14/15", "21/22", "30/31", "44/45"]),
    "tightened": (15, ["0/1", "down", "down", "1/2", "2/3", "3/4", "5/6", "8/9", "12/13", "18/19", "27/28", "41/42"]),
    "reduced": (14, ["0/1", "up", "down", "0/2", "1/3", "1/4", "2/5", "3/6", "5/8", "7/10", "10/13", "14/17", "21/24"]),
}


def cell(table, row, col):
    if table == "tightened" and row == 16:
        return "1/2" if col == 2 else "none"
    if table == "tightened" and row == 0 and col == 15:
        return "down"  # printed arrow in row A, AQL 10
    first, cells = DIAGONALS[table]
    diagonal = row + col
    if diagonal < first:
        return "down"
    # Letters F and beyond stop at the 21/22 (normal), 18/19 (tightened), 10/13 (reduced) plan.
    if diagonal - first >= len(cells) or (row >= 5 and diagonal >= 25):
        return "up"
    return cells[diagonal - first]


def resolve(table, row, col):
    rows = 17 if table == "tightened" else 16
    step = {"down": 1, "up": -1}.get(cell(table, row, col), 0)
    r = row
    while 0 <= r < rows:
        c = cell(table, r, col)
        if "/" in c:
            ac, re = map(int, c.split("/"))
            size = 3150 if r == 16 else (REDUCED_SIZES if table == "reduced" else SIZES)[r]
            return {"letter": "S" if r == 16 else LETTERS[r], "n": size, "ac": ac, "re": re}
        if step == 0 or c not in ("up", "down"):
            return None
        r += step
    return None


def main():
    out = {"source": "MIL-STD-105E Tables II-A, II-B, II-C (= ISO 2859-1 / ANSI/ASQ Z1.4 single sampling)", "tables": {}}
    for table in DIAGONALS:
        rows = 17 if table == "tightened" else 16
        out["tables"][table] = [
            {"letter": "S" if r == 16 else LETTERS[r], "aql": AQLS[c], "cell": cell(table, r, c), "plan": resolve(table, r, c)}
            for r in range(rows) for c in range(26)
        ]
    with open(sys.argv[1], "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")


main()
