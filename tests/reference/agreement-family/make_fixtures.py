#!/usr/bin/env python3
"""Writes the agreement-family fixtures: seeded random data and what PyPI irrCAC (version recorded
in the output) computes on them — Conger's kappa and the Fleiss/Gwet/Brennan–Prediger family under
every weight scheme (and user matrices), two-annotator contingency tables (irrCAC.table), and
per-item category counts (irrCAC.raw on the counts spread over rater columns, which is what the R
irrCAC `*.dist` functions compute). crates/core/tests/agreement_family_reference.rs compares.

    target/venv-peers/bin/python tests/reference/agreement-family/make_fixtures.py [--out FILE]

Default output: tests/reference/agreement-family/fixtures.json (committed). `make test-reference`
regenerates it into target/reference/agreement-family/ with the installed irrCAC and runs the
Rust comparison on that too.
"""
import argparse
import json
import os
import warnings
from importlib.metadata import version

import numpy as np
import pandas as pd
from irrCAC import raw, table

HERE = os.path.dirname(os.path.abspath(__file__))
NAMED = ["identity", "linear", "quadratic", "ordinal", "radical", "ratio", "circular", "bipolar"]


def random_rows(rng, n_units, n_raters, categories, missing, agreement):
    """Units × raters; each unit has a 'true' category, raters copy it with prob `agreement`."""
    rows = []
    for _ in range(n_units):
        truth = rng.choice(categories)
        row = []
        for _ in range(n_raters):
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < agreement:
                row.append(float(truth))
            else:
                row.append(float(rng.choice(categories)))
        rows.append(row)
    return [row for row in rows if any(v is not None for v in row)]


def frame(rows):
    return pd.DataFrame([[np.nan if v is None else v for v in row] for row in rows], dtype=float)


def estimate(result):
    est = result["est"]
    return {"value": float(est["coefficient_value"]), "se": float(est["se"]), "pa": float(est["pa"]), "pe": float(est["pe"])}


def circular(categories, period):
    x = np.array(categories, dtype=float)
    d = np.sin(np.pi * (x[:, None] - x[None, :]) / period) ** 2
    return 1 - d / d.max()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, "fixtures.json"))
    out_path = parser.parse_args().out
    warnings.filterwarnings("ignore")
    rng = np.random.default_rng(20261126)

    raw_sets = []
    for name, n_units, n_raters, categories, missing, agreement in [
        ("likert5_missing", 40, 4, [1, 2, 3, 4, 5], 0.25, 0.6),
        ("likert7_gaps", 50, 5, [1, 2, 4, 7], 0.2, 0.5),
        ("three_raters_complete", 30, 3, [1, 2, 3], 0.0, 0.55),
    ]:
        rows = random_rows(rng, n_units, n_raters, categories, missing, agreement)
        q = len(categories)
        user = rng.uniform(0, 1, size=(q, q))
        np.fill_diagonal(user, 1.0)
        schemes = {w: w for w in NAMED}
        schemes["matrix"] = user
        schemes["circular_period"] = circular(categories, 2 * (max(categories) - min(categories)))
        expected = {}
        for scheme, weights in schemes.items():
            cac = raw.CAC(frame(rows), weights=weights, categories=[float(c) for c in categories], digits=15)
            expected[scheme] = {
                "conger_kappa": estimate(cac.conger()),
                "gwet_ac1": estimate(cac.gwet()),
                "fleiss_kappa": estimate(cac.fleiss()),
                "brennan_prediger": estimate(cac.bp()),
            }
        raw_sets.append({
            "name": name, "rows": rows, "categories": categories, "matrix": user.tolist(),
            "period": 2 * (max(categories) - min(categories)), "expected": expected,
        })

    tables = []
    for name, q, n, agreement in [("table3", 3, 100, 0.7), ("table5", 5, 240, 0.5)]:
        counts = np.zeros((q, q), dtype=int)
        for _ in range(n):
            first = rng.integers(q)
            second = first if rng.random() < agreement else rng.integers(q)
            counts[first, second] += 1
        categories = list(range(1, q + 1))
        data = pd.DataFrame(counts, index=categories, columns=categories)
        expected = {}
        for scheme in ["identity", "linear", "quadratic", "radical", "ratio", "circular", "bipolar"]:
            cac = table.CAC(data, weights=scheme, digits=15)
            expected[scheme] = {
                "cohen_kappa": estimate(cac.cohen()),
                "scott_pi": estimate(cac.scott()),
                "gwet_ac1": estimate(cac.gwet()),
                "brennan_prediger": estimate(cac.bp()),
                "percent_agreement": estimate(cac.pa2()),
                "krippendorff_alpha": estimate(cac.krippendorff()),
            }
        tables.append({"name": name, "categories": categories, "counts": counts.tolist(), "expected": expected})

    count_sets = []
    for name, n_items, max_raters, q in [("counts_varying", 30, 6, 4), ("counts_fixed", 25, 5, 3)]:
        counts = []
        for _ in range(n_items):
            raters = max_raters if name == "counts_fixed" else int(rng.integers(1, max_raters + 1))
            truth = rng.integers(q)
            row = [0] * q
            for _ in range(raters):
                row[truth if rng.random() < 0.6 else int(rng.integers(q))] += 1
            counts.append(row)
        categories = list(range(1, q + 1))
        # Spread each item's counts over rater columns 0, 1, 2, … (who rated is unknown and
        # irrelevant to these coefficients).
        width = max(sum(row) for row in counts)
        spread = []
        for row in counts:
            values = [float(c) for c, k in zip(categories, row) for _ in range(k)]
            spread.append(values + [None] * (width - len(values)))
        expected = {}
        for scheme in ["identity", "quadratic", "bipolar"]:
            cac = raw.CAC(frame(spread), weights=scheme, categories=[float(c) for c in categories], digits=15)
            expected[scheme] = {
                "gwet_ac1": estimate(cac.gwet()),
                "fleiss_kappa": estimate(cac.fleiss()),
                "brennan_prediger": estimate(cac.bp()),
            }
        count_sets.append({"name": name, "categories": categories, "counts": counts, "expected": expected})

    fixtures = {
        "generator": "tests/reference/agreement-family/make_fixtures.py",
        "versions": {p: version(p) for p in ["irrCAC", "numpy", "pandas", "scipy"]},
        "raw": raw_sets,
        "tables": tables,
        "counts": count_sets,
    }
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w") as f:
        json.dump(fixtures, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
