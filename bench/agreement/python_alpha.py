#!/usr/bin/env python3
"""Krippendorff's alpha with the Python `krippendorff` package, end to end from a judgments
JSONL file: read + parse + build the dense raters × units matrix the package takes + compute.
The comparison point for `verdict agree --metric krippendorff_alpha` (docs/BENCHMARKS.md,
"Agreement").

The loader is the fastest found for this file: msgspec decoding each line straight into a typed
struct (only the fields used; ~1.0 s for 1e6 lines here, against ~1.2 s for orjson into dicts
and ~2.0 s for msgspec on the whole file as one array). `--loader orjson` runs the orjson variant.

usage: python_alpha.py FILE [CRITERION] [LEVEL] [--loader msgspec|orjson]   (defaults: quality, interval, msgspec)
"""
import sys

import krippendorff
import msgspec
import numpy as np
import orjson


def cells_msgspec(path, criterion):
    """(rater, unit, value) cells and the interning dicts, msgspec decoding into a typed struct."""
    scores = msgspec.defstruct("Scores", [(criterion, object, None)], frozen=True)
    record = msgspec.defstruct("Record", [("item_id", str), ("annotator", str), ("scores", scores, scores())])
    decode = msgspec.json.Decoder(record).decode
    units, raters, cells = {}, {}, []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            r = decode(line)
            value = getattr(r.scores, criterion)
            if value is None:
                continue
            u = units.setdefault(r.item_id, len(units))
            a = raters.setdefault(r.annotator, len(raters))
            cells.append((a, u, value))
    return units, raters, cells


def cells_orjson(path, criterion):
    """The same with orjson into dicts."""
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
    return units, raters, cells


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--loader")]
    loader = "orjson" if "--loader=orjson" in sys.argv or ("--loader" in sys.argv and sys.argv[sys.argv.index("--loader") + 1] == "orjson") else "msgspec"
    args = [a for a in args if a not in ("orjson", "msgspec")]
    path = args[0]
    criterion = args[1] if len(args) > 1 else "quality"
    level = args[2] if len(args) > 2 else "interval"
    units, raters, cells = (cells_msgspec if loader == "msgspec" else cells_orjson)(path, criterion)
    data = np.full((len(raters), len(units)), np.nan)
    rows, cols, values = zip(*cells)
    data[np.array(rows), np.array(cols)] = np.array(values, dtype=float)
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    print(f"{alpha:.12f}")


if __name__ == "__main__":
    main()
