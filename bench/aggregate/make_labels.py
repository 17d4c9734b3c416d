#!/usr/bin/env python3
"""Writes N label judgments (default 1e6) for the Dawid–Skene benchmark: items with 5 labels each
from a pool of 200 annotators of varying accuracy, 3 categories, criterion `grade`.

    python3 bench/aggregate/make_labels.py [N] > bench/out/labels.jsonl
"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(20261207)
accuracy = [rng.uniform(0.4, 0.95) for _ in range(200)]
out = sys.stdout
written, item = 0, 0
while written < n:
    truth = rng.randrange(3)
    for annotator in rng.sample(range(200), 5):
        if written == n:
            break
        label = truth if rng.random() < accuracy[annotator] else rng.choice([l for l in range(3) if l != truth])
        out.write(json.dumps({"schema": "verdict/judgment@1", "item_id": f"i{item}", "annotator": f"a{annotator}", "scores": {"grade": label}}))
        out.write("\n")
        written += 1
    item += 1
