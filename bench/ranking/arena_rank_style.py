#!/usr/bin/env python3
"""The peer of `verdict rank FILE --style-control --json`: lmarena's arena-rank 0.1.1 as its LMArena
notebook runs style control (examples/lmarena.ipynb): read the Arena rows, add_style_feature_cols
(the notebook's helper, copied in tests/reference/ranking-style/make_fixtures.py),
ContextualPairDataset.from_pandas, ContextualBradleyTerry().compute_ratings_and_cis (sandwich).
Prints the time of each phase and the total.

    target/venv-arena-rank/bin/python bench/ranking/arena_rank_style.py bench/out/style-battles-1e6.jsonl
"""
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "reference" / "ranking-style"))
from make_fixtures import FEATURES, add_style_feature_cols  # noqa: E402
from arena_rank.models.contextual_bradley_terry import ContextualBradleyTerry  # noqa: E402
from arena_rank.utils.data_utils import ContextualPairDataset  # noqa: E402

start = time.perf_counter()
df = pd.read_json(sys.argv[1], lines=True)
df["winner"] = df["winner"].replace({"tie (bothbad)": "both_bad"})
read = time.perf_counter()
dataset = ContextualPairDataset.from_pandas(add_style_feature_cols(df, FEATURES), feature_cols=FEATURES)
prepared = time.perf_counter()
model = ContextualBradleyTerry(n_competitors=len(dataset.competitors), n_features=len(FEATURES))
result = model.compute_ratings_and_cis(dataset, significance_level=0.05, ci_method="sandwich")
result["ratings"].block_until_ready()
done = time.perf_counter()
print(f"read {read - start:.2f} s, features {prepared - read:.2f} s, fit + sandwich {done - prepared:.2f} s, total {done - start:.2f} s")
print("coefficients", [round(float(c), 5) for c in result["coeffs"]])
