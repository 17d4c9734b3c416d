#!/usr/bin/env python3
"""Writes a seeded synthetic arena of pairwise judgments (Verdict judgment JSONL) for the
ranking benchmark: bench/out/battles-1e6.jsonl by default.

100 models with true ratings spread over 600 Elo points; each battle draws two distinct models
and a display order at random; 12% ties, 3% both-bad, the rest decided by Bradley–Terry.
Every line has a unique item_id (one battle per conversation, as in Chatbot Arena): a counter
(`battle-0000042`, ids in ascending order) or, with --random-ids, 16 random hex digits (ids in
no order, like Arena's conversation ids; the battles themselves are the same).

    python3 bench/ranking/make_battles.py [--battles 1000000] [--models 100] [--seed 7] [--random-ids] [--out PATH]
Standard library only (random.Random(seed)), so the file is the same on every machine.
"""
import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--battles", type=int, default=1_000_000)
    parser.add_argument("--models", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--random-ids", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "battles-1e6.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ids = random.Random(args.seed + 1)
    names = [f"model-{k:03d}" for k in range(args.models)]
    true = [700 + 600 * k / (args.models - 1) for k in range(args.models)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w") as out:
        for n in range(args.battles):
            a, b = rng.sample(range(args.models), 2)
            u = rng.random()
            if u < 0.12:
                winner = "tie"
            elif u < 0.15:
                winner = "both_bad"
            else:
                p = 1 / (1 + 10 ** ((true[b] - true[a]) / 400))
                winner = names[a] if rng.random() < p else names[b]
            item_id = f"{ids.getrandbits(64):016x}" if args.random_ids else f"battle-{n:07d}"
            out.write(
                f'{{"schema": "verdict/judgment@1", "item_id": "{item_id}", "annotator": "user-{rng.randrange(20000):05d}", '
                f'"shown": ["{names[a]}", "{names[b]}"], "preference": {{"winner": "{winner}"}}}}\n'
            )
    print(f"wrote {args.battles} battles between {args.models} models to {args.out}")


if __name__ == "__main__":
    main()
