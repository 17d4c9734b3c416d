#!/usr/bin/env python3
"""Writes fixtures.json: seeded random rating datasets (with missing values) and the agreement
coefficients that independent Python packages compute on them. The Rust tests in
crates/core/tests/agreement_reference.rs read the committed fixtures.json; `make test` never runs
this script. Rerun it by hand:

    python3 tests/reference/agreement/make_fixtures.py

It creates a venv in bench/out/venv-agreement (gitignored), installs requirements.txt from
PyPI, re-executes itself inside the venv and writes tests/reference/agreement/fixtures.json.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
VENV = os.path.join(ROOT, "bench", "out", "venv-agreement")


def ensure_venv():
    python = os.path.join(VENV, "bin", "python")
    if os.environ.get("VERDICT_FIXTURE_VENV") == "1":
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "-r", os.path.join(HERE, "requirements.txt")], check=True)
    env = dict(os.environ, VERDICT_FIXTURE_VENV="1")
    sys.exit(subprocess.run([python, os.path.abspath(__file__)], env=env).returncode)


def main():
    import warnings
    from importlib.metadata import version

    import krippendorff
    import numpy as np
    import pandas as pd
    import pingouin
    from irrCAC.raw import CAC
    from sklearn.metrics import cohen_kappa_score
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

    warnings.filterwarnings("ignore")
    rng = np.random.default_rng(20261125)

    def random_rows(n_units, n_raters, categories, missing, agreement):
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
        return rows

    def matrix(rows):
        return np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)

    def irr(rows, categories, weights):
        frame = pd.DataFrame(matrix(rows))
        return CAC(frame, weights=weights, categories=[float(c) for c in categories], digits=15)

    datasets = []

    # Multi-rater data with missing values: alpha (krippendorff) and Gwet-family (irrCAC).
    for name, n_units, n_raters, categories, missing, agreement in [
        ("likert5_missing", 40, 5, [1, 2, 3, 4, 5], 0.3, 0.6),
        ("likert7_gaps_missing", 60, 4, [1, 2, 4, 7], 0.25, 0.5),
        ("binary_missing", 50, 6, [0, 1], 0.35, 0.7),
        ("ratio_missing", 30, 3, [1, 2, 3, 5, 8, 13], 0.2, 0.55),
    ]:
        rows = random_rows(n_units, n_raters, categories, missing, agreement)
        data = matrix(rows)
        expected = {"krippendorff_alpha": {}}
        for level in ["nominal", "ordinal", "interval", "ratio"]:
            expected["krippendorff_alpha"][level] = float(
                krippendorff.alpha(reliability_data=data.T, level_of_measurement=level, value_domain=[float(c) for c in categories])
            )
        for weights in ["identity", "linear", "quadratic"]:
            key = {"identity": "none"}.get(weights, weights)
            for metric, method in [("gwet_ac1", "gwet"), ("fleiss_kappa", "fleiss"), ("brennan_prediger", "bp")]:
                est = getattr(irr(rows, categories, weights), method)()["est"]
                expected.setdefault(metric, {})[key] = {"value": float(est["coefficient_value"]), "se": float(est["se"]), "pa": float(est["pa"])}
        est = irr(rows, categories, "identity").krippendorff()["est"]
        expected["irrcac_krippendorff_nominal"] = float(est["coefficient_value"])
        datasets.append({"name": name, "categories": categories, "rows": rows, "expected": expected,
                         "sources": {"krippendorff_alpha": "krippendorff.alpha (value_domain = categories)",
                                     "gwet_ac1/fleiss_kappa/brennan_prediger": "irrCAC.raw.CAC(categories=..., weights=...)",
                                     "irrcac_krippendorff_nominal": "irrCAC.raw.CAC.krippendorff()"}})

    # Complete multi-rater data: statsmodels' Fleiss and Randolph (= Brennan–Prediger) kappas.
    rows = random_rows(25, 4, [1, 2, 3], 0.0, 0.6)
    table, _ = aggregate_raters(matrix(rows).astype(int), n_cat=None)
    datasets.append({"name": "complete_3cat", "categories": [1, 2, 3], "rows": rows,
                     "expected": {"fleiss_kappa": {"none": {"value": float(fleiss_kappa(table, method="fleiss"))}},
                                  "brennan_prediger": {"none": {"value": float(fleiss_kappa(table, method="randolph"))}}},
                     "sources": {"fleiss_kappa": "statsmodels fleiss_kappa(method='fleiss')",
                                 "brennan_prediger": "statsmodels fleiss_kappa(method='randolph')"}})

    # Two raters: scikit-learn's Cohen kappa (weights by label position among observed labels).
    for name, categories in [("two_raters_likert5", [1, 2, 3, 4, 5]), ("two_raters_gap", [1, 2, 5])]:
        rows = random_rows(60, 2, categories, 0.0, 0.5)
        a = [int(r[0]) for r in rows]
        b = [int(r[1]) for r in rows]
        expected = {"cohen_kappa": {}}
        for weights in [None, "linear", "quadratic"]:
            expected["cohen_kappa"][weights or "none"] = {"value": float(cohen_kappa_score(a, b, weights=weights))}
        datasets.append({"name": name, "categories": categories, "rows": rows, "expected": expected,
                         "sources": {"cohen_kappa": "sklearn.metrics.cohen_kappa_score (weights by label position)"}})

    # ICC: pingouin, complete and with missing scores (nan_policy='omit' drops those targets).
    for name, missing in [("icc_complete", 0.0), ("icc_missing", 0.1)]:
        truth = rng.normal(5.0, 2.0, size=20)
        bias = rng.normal(0.0, 0.7, size=4)
        rows = []
        for t in truth:
            row = []
            for j in range(4):
                row.append(None if rng.random() < missing else float(round(t + bias[j] + rng.normal(0, 1.0), 3)))
            rows.append(row)
        long = [{"target": i, "rater": j, "score": v} for i, row in enumerate(rows) for j, v in enumerate(row)]
        frame = pd.DataFrame(long)
        icc = pingouin.intraclass_corr(data=frame, targets="target", raters="rater", ratings="score", nan_policy="omit")
        values = {}
        for _, r in icc.iterrows():
            # pingouin 0.6 labels McGraw–Wong style; map to Shrout–Fleiss names.
            names = {"ICC(1,1)": "ICC1", "ICC(A,1)": "ICC2", "ICC(C,1)": "ICC3", "ICC(1,k)": "ICC1k", "ICC(A,k)": "ICC2k", "ICC(C,k)": "ICC3k",
                     "ICC1": "ICC1", "ICC2": "ICC2", "ICC3": "ICC3", "ICC1k": "ICC1k", "ICC2k": "ICC2k", "ICC3k": "ICC3k"}
            values[names[r["Type"]]] = float(r["ICC"])
        datasets.append({"name": name, "categories": [], "rows": rows, "expected": {"icc": values},
                         "sources": {"icc": "pingouin.intraclass_corr(nan_policy='omit')"}})

    packages = {p: version(p) for p in ["krippendorff", "statsmodels", "scikit-learn", "irrCAC", "pingouin", "numpy", "pandas", "scipy"]}
    out = {"generated_by": "tests/reference/agreement/make_fixtures.py", "seed": 20261125, "packages": packages, "datasets": datasets}
    with open(os.path.join(HERE, "fixtures.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(datasets)} datasets to fixtures.json with {packages}")


if __name__ == "__main__":
    ensure_venv()
    main()
