#!/usr/bin/env python3
"""Writes the label-aggregation fixtures: seeded random crowdsourcing data sets and what PyPI
crowd-kit (version recorded in the output) computes on them with every classification method
Verdict implements. crates/core/tests/aggregate_reference.rs compares Verdict with them.

    target/venv-peers/bin/python tests/reference/aggregate/make_fixtures.py [--out FILE]

Default output: tests/reference/aggregate/fixtures.json (committed). `make test` regenerates the
file into target/reference/aggregate/ with the installed crowd-kit and runs the Rust comparison on
it too (scripts/setup.sh test installs the pinned peers into target/venv-peers).

Names are given in first-appearance order (tasks t000.., workers w000.., labels 0..K-1 renumbered by
first appearance), so crowd-kit's sorted and first-appearance orders coincide: its MACE mixes
them (see docs/METRICS.md, "Label aggregation").
"""
import argparse
import json
import os
import warnings
from importlib.metadata import version

import numpy as np
import pandas as pd
import scipy.stats as sps
from crowdkit.aggregation import GLAD, MACE, DawidSkene, MajorityVote, OneCoinDawidSkene, Wawa

HERE = os.path.dirname(os.path.abspath(__file__))


def generate(rng, n_tasks, n_workers, n_labels, per_task, accuracies):
    """Each task has a true label; `per_task` distinct workers label it, right with their accuracy,
    otherwise a uniformly drawn wrong label."""
    rows = []
    for task in range(n_tasks):
        truth = rng.integers(n_labels)
        for worker in rng.choice(n_workers, size=per_task, replace=False):
            if rng.random() < accuracies[worker]:
                label = truth
            else:
                label = rng.choice([l for l in range(n_labels) if l != truth])
            rows.append((task, int(worker), int(label)))
    # Rename workers and labels by first appearance so that sorted order = first-appearance order.
    worker_names, label_names = {}, {}
    out = []
    for task, worker, label in rows:
        worker_names.setdefault(worker, len(worker_names))
        label_names.setdefault(label, len(label_names))
        out.append((f"t{task:03d}", f"w{worker_names[worker]:03d}", label_names[label]))
    return out


def series(values):
    return {str(key): float(value) for key, value in values.items()}


def probas(frame, tasks, labels):
    frame = frame.reindex(index=tasks, columns=labels).fillna(0.0)
    return [[float(v) for v in row] for row in frame.to_numpy()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, "fixtures.json"))
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    rng = np.random.default_rng(20261207)
    shapes = [
        ("binary_reliable", 60, 8, 2, 3, (0.6, 0.95)),
        ("binary_noisy", 80, 10, 2, 5, (0.45, 0.8)),
        ("three_labels", 70, 9, 3, 4, (0.4, 0.9)),
        ("five_labels_sparse", 90, 15, 5, 3, (0.3, 0.95)),
    ]
    datasets = []
    for name, n_tasks, n_workers, n_labels, per_task, (low, high) in shapes:
        accuracies = rng.uniform(low, high, size=n_workers)
        rows = generate(rng, n_tasks, n_workers, n_labels, per_task, accuracies)
        df = pd.DataFrame(rows, columns=["task", "worker", "label"])
        tasks = sorted(df.task.unique())
        workers = sorted(df.worker.unique())
        labels = sorted(df.label.unique())
        expected = {}

        mv = MajorityVote().fit(df)
        expected["majority"] = {"posteriors": probas(mv.probas_, tasks, labels), "skills": series(mv.skills_)}
        wawa = Wawa().fit(df)
        expected["wawa"] = {"posteriors": probas(wawa.predict_proba(df), tasks, labels), "skills": series(wawa.skills_)}

        ds = DawidSkene(n_iter=100, tol=1e-5).fit(df)
        errors = ds.errors_.reindex(pd.MultiIndex.from_product([workers, labels], names=["worker", "label"])).fillna(0.0)
        confusion = {
            w: [[float(errors.loc[(w, observed), truth]) for observed in labels] for truth in labels] for w in workers
        }
        expected["dawid_skene"] = {
            "posteriors": probas(ds.probas_, tasks, labels),
            "confusion": confusion,
            "iterations": len(ds.loss_history_),
        }
        oc = OneCoinDawidSkene(n_iter=100, tol=1e-5).fit(df)
        expected["one_coin"] = {
            "posteriors": probas(oc.probas_, tasks, labels),
            "skills": series(oc.skills_),
            "iterations": len(oc.loss_history_),
        }
        glad = GLAD(n_iter=100, tol=1e-5).fit(df)
        expected["glad"] = {
            "posteriors": probas(glad.probas_, tasks, labels),
            "skills": series(glad.alphas_),
            "iterations": len(glad.loss_history_),
        }
        # crowd-kit's default is 10 restarts, but each restart draws from random_state=0 again, so
        # they are one start repeated and the first is kept: 1 restart gives the same result.
        mace = MACE(n_restarts=1, n_iter=50, method="vb", random_state=0).fit(df)
        # crowd-kit's own starting draws (MACE._initialize), before row normalisation.
        spamming = sps.uniform(1, 1.5).rvs(size=(len(workers), 2), random_state=0)
        thetas = sps.uniform(1, 1.5).rvs(size=(len(workers), len(labels)), random_state=0)
        expected["mace"] = {
            "posteriors": probas(mace.probas_, tasks, labels),
            "skills": {w: float(s) for w, s in zip(workers, mace.spamming_[:, 1])},
            "init_spamming": spamming.ravel().tolist(),
            "init_thetas": thetas.ravel().tolist(),
        }
        datasets.append({"name": name, "rows": [list(r) for r in rows], "labels": [int(l) for l in labels], "expected": expected})

    out = {
        "generator": "tests/reference/aggregate/make_fixtures.py",
        "versions": {p: version(p) for p in ["crowd-kit", "numpy", "pandas", "scipy"]},
        "datasets": datasets,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
