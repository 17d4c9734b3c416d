#!/usr/bin/env python3
"""Reference ratings for Verdict's Bradley–Terry tests, from independent implementations.

Run from anywhere:  python3 tests/reference/ranking/make_fixtures.py
It creates bench/.venv-ranking (git-ignored; its own, so pins do not clash with other peers), installs requirements.txt there, re-runs itself inside it
and writes the JSON fixtures next to this file. `make test` only reads the committed fixtures.

References computed for each data set, all on the Elo scale (1000 + 400·log10 odds, then shifted
to mean 1000, since Bradley–Terry ratings are defined up to a common shift):
- "sklearn": Chatbot Arena's notebook method (Chiang et al. 2024; FastChat
  `elo_analysis.py::compute_mle_elo`): one row per battle, duplicated design, a tie counted as one
  win for model_a in the first copy and one win for model_b in the second, X = ±ln 10,
  LogisticRegression(fit_intercept=False, C=1e8), ratings 400·coef.
- "choix": choix.ilsr_pairwise_dense (Maystre & Grossglauser 2015, iterative Luce spectral
  ranking, converging to the maximum-likelihood estimate) on the count matrix with a tie counted
  as half a win each way; ratings 1000 + 400/ln 10 · θ.
Data sets: a hand-made tournament, a seeded synthetic arena, and the real MT-Bench judgments.
Also "binomtest.json": two-sided exact binomial p-values from scipy.stats.binomtest (p = 1/2).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
VENV = ROOT / "bench" / ".venv-ranking"


def ensure_venv():
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(HERE / "requirements.txt")], check=True)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def versions():
    from importlib.metadata import version
    return {name: version(name) for name in ["numpy", "scipy", "scikit-learn", "choix"]}


FIRST, SECOND, TIE, BOTH_BAD = 0, 1, 2, 3


def sklearn_ratings(n_models, battles):
    """Chatbot Arena's compute_mle_elo (duplicated design), written for integer battles."""
    import math
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    battles = np.asarray(battles, dtype=np.int64)
    doubled = np.concatenate([battles, battles])
    n = doubled.shape[0]
    X = np.zeros((n, n_models))
    X[np.arange(n), doubled[:, 0]] = +math.log(10)
    X[np.arange(n), doubled[:, 1]] = -math.log(10)
    Y = np.zeros(n)
    Y[doubled[:, 2] == FIRST] = 1.0
    tie = (doubled[:, 2] == TIE) | (doubled[:, 2] == BOTH_BAD)
    tie[n // 2:] = False  # first copy: a tie is a win for model_a; second copy: for model_b
    Y[tie] = 1.0
    lr = LogisticRegression(fit_intercept=False, C=1e8, tol=1e-12, max_iter=100000)
    lr.fit(X, Y)
    ratings = 400 * lr.coef_[0]
    return ratings - ratings.mean() + 1000


def choix_ratings(n_models, battles):
    import math
    import numpy as np
    import choix

    counts = np.zeros((n_models, n_models))
    for a, b, outcome in battles:
        if outcome == FIRST:
            counts[a, b] += 1
        elif outcome == SECOND:
            counts[b, a] += 1
        else:
            counts[a, b] += 0.5
            counts[b, a] += 0.5
    theta = choix.ilsr_pairwise_dense(counts, alpha=0.0, tol=1e-12, max_iter=100000)
    ratings = 1000 + 400 / math.log(10) * (theta - theta.mean())
    return ratings


def fixture(name, source, models, battles):
    n = len(models)
    sk = sklearn_ratings(n, battles)
    ch = choix_ratings(n, battles)
    return {
        "name": name,
        "source": source,
        "made_by": "tests/reference/ranking/make_fixtures.py",
        "versions": versions(),
        "outcomes": "0 = first wins, 1 = second wins, 2 = tie, 3 = both_bad",
        "models": models,
        "battles": [list(map(int, b)) for b in battles],
        "sklearn": {m: round(float(r), 6) for m, r in zip(models, sk)},
        "choix": {m: round(float(r), 6) for m, r in zip(models, ch)},
    }


def hand_tournament():
    """Five models, every pair met, with ties and both-bad; written out by hand."""
    models = ["alpha", "bravo", "charlie", "delta", "echo"]
    # (first, second): (first wins, second wins, ties, both_bad)
    table = {
        (0, 1): (6, 4, 2, 0), (0, 2): (7, 2, 1, 1), (0, 3): (5, 1, 0, 0), (0, 4): (9, 1, 2, 0),
        (1, 2): (5, 5, 3, 0), (1, 3): (4, 2, 1, 0), (1, 4): (6, 3, 0, 1),
        (2, 3): (3, 3, 2, 0), (2, 4): (5, 2, 1, 0), (3, 4): (2, 3, 4, 1),
    }
    battles = []
    for (a, b), (wa, wb, t, bb) in table.items():
        battles += [(a, b, FIRST)] * wa + [(b, a, FIRST)] * wb + [(a, b, TIE)] * t + [(b, a, BOTH_BAD)] * bb
    return models, battles


def synthetic_arena():
    """10 models with true Elo ratings 800..1250, 20,000 battles between random pairs; 15% ties,
    3% both-bad, the rest decided by Bradley–Terry. Seeded: numpy default_rng(20261125)."""
    import numpy as np

    rng = np.random.default_rng(20261125)
    models = [f"model-{k:02d}" for k in range(10)]
    true = np.linspace(800, 1250, 10)
    battles = []
    for _ in range(20000):
        a, b = rng.choice(10, size=2, replace=False)
        u = rng.random()
        if u < 0.15:
            outcome = TIE
        elif u < 0.18:
            outcome = BOTH_BAD
        else:
            p = 1 / (1 + 10 ** ((true[b] - true[a]) / 400))
            outcome = FIRST if rng.random() < p else SECOND
        battles.append((int(a), int(b), outcome))
    return models, battles


def mtbench():
    """The real MT-Bench judgments (www/demo/mtbench-judgments, Zheng et al. 2023, CC BY 4.0):
    a later judgment of the same (item_id, annotator) replaces the earlier one; the pair is
    `shown`; "tie" and "both_bad" are ties."""
    path = ROOT / "www" / "demo" / "mtbench-judgments" / "judgments.jsonl"
    kept = {}
    for line in path.read_text().splitlines():
        if line.strip():
            j = json.loads(line)
            kept[(j["item_id"], j["annotator"])] = j  # dict keeps first-insertion position
    models = sorted({m for j in kept.values() for m in j["shown"]})
    index = {m: k for k, m in enumerate(models)}
    battles = []
    for j in kept.values():
        a, b = j["shown"]
        w = j["preference"]["winner"]
        outcome = FIRST if w == a else SECOND if w == b else BOTH_BAD if w == "both_bad" else TIE
        battles.append((index[a], index[b], outcome))
    return models, battles


def binomtests():
    from scipy.stats import binomtest

    cases = [(7, 10), (0, 1), (3, 20), (480, 1000), (4500, 10000), (50123, 100000), (1, 2), (60, 61), (2996, 5754)]
    return {
        "source": "scipy.stats.binomtest(k, n, p=0.5, alternative='two-sided').pvalue",
        "versions": versions(),
        "cases": [{"k": k, "n": n, "p_value": float(binomtest(k, n, 0.5).pvalue)} for k, n in cases],
    }


def main():
    ensure_venv()
    models, battles = hand_tournament()
    out = fixture("hand_tournament", "hand-made 5-model round robin (tests/reference/ranking/make_fixtures.py::hand_tournament)", models, battles)
    (HERE / "hand_tournament.json").write_text(json.dumps(out, indent=1) + "\n")
    models, battles = synthetic_arena()
    out = fixture("synthetic_arena", "seeded synthetic arena, numpy default_rng(20261125): 10 models, 20,000 battles with ties", models, battles)
    (HERE / "synthetic_arena.json").write_text(json.dumps(out, separators=(",", ":")) + "\n")
    models, battles = mtbench()
    out = fixture("mtbench", "www/demo/mtbench-judgments/judgments.jsonl (real MT-Bench judgments, Zheng et al. 2023, CC BY 4.0)", models, battles)
    del out["battles"]  # the test reads the real file
    out["n_battles"] = len(battles)
    (HERE / "mtbench.json").write_text(json.dumps(out, indent=1) + "\n")
    (HERE / "binomtest.json").write_text(json.dumps(binomtests(), indent=1) + "\n")
    print("wrote", *(p.name for p in sorted(HERE.glob("*.json"))))


if __name__ == "__main__":
    main()
