#!/usr/bin/env python3
"""Krippendorff's alpha with the Python `krippendorff` package, end to end from a judgments
JSONL file: read + parse (orjson, the fastest JSON loader available) + build the dense
raters × units matrix the package takes + compute. The comparison point for
`verdict agree --metric krippendorff_alpha` (docs/BENCHMARKS.md, "Agreement").

usage: python_alpha.py FILE [CRITERION] [LEVEL]   (defaults: quality, interval)
"""
import sys

import krippendorff
import numpy as np
import orjson


def main():
    path = sys.argv[1]
    criterion = sys.argv[2] if len(sys.argv) > 2 else "quality"
    level = sys.argv[3] if len(sys.argv) > 3 else "interval"
    units, raters, cells = {}, {}, []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            record = orjson.loads(line)
            value = record.get("scores", {}).get(criterion)
            if value is None:
                continue
            u = units.setdefault(record["item_id"], len(units))
            r = raters.setdefault(record["annotator"], len(raters))
            cells.append((r, u, value))
    data = np.full((len(raters), len(units)), np.nan)
    rows, cols, values = zip(*cells)
    data[np.array(rows), np.array(cols)] = np.array(values, dtype=float)
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    print(f"{alpha:.12f}")


if __name__ == "__main__":
    main()
