#!/usr/bin/env python3
"""crowd-kit's Dawid–Skene end to end on a judgments file: read the JSONL, build the
(task, worker, label) frame, fit DawidSkene(n_iter=100, tol=1e-5), write one label per item.

    target/venv-peers/bin/python bench/aggregate/crowd_kit_ds.py bench/out/labels.jsonl > out.csv
"""
import json
import sys
import time

import pandas as pd
from crowdkit.aggregation import DawidSkene

start = time.perf_counter()
rows = []
with open(sys.argv[1]) as f:
    for line in f:
        j = json.loads(line)
        rows.append((j["item_id"], j["annotator"], j["scores"]["grade"]))
df = pd.DataFrame(rows, columns=["task", "worker", "label"])
read = time.perf_counter()
model = DawidSkene(n_iter=100, tol=1e-5).fit(df)
fit = time.perf_counter()
model.labels_.to_csv(sys.stdout)
print(f"crowd-kit: read {read - start:.2f} s, fit {fit - read:.2f} s ({len(model.loss_history_)} iterations), total {fit - start:.2f} s", file=sys.stderr)
