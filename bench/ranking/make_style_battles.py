#!/usr/bin/env python3
"""Writes seeded synthetic Chatbot Arena rows with `conv_metadata` for the style-control benchmark:
bench/out/style-battles-1e6.jsonl by default (about 300 MB).

100 models (true ratings over 600 Elo points), each with a style (length and Markdown habits);
each row draws two distinct models, their answers' token/header/bold/list counts from the styles,
and a winner from Bradley–Terry plus a length effect (10% ties, 3% both-bad). Conversations are
one short turn each (the benchmark times ranking, not text handling).

    python3 bench/ranking/make_style_battles.py [--battles 1000000] [--models 100] [--seed 11] [--out PATH]
Standard library only (random.Random(seed)), so the file is the same on every machine.
"""
import argparse
import json
import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--battles", type=int, default=1_000_000)
    parser.add_argument("--models", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "style-battles-1e6.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = [f"model-{k:03d}" for k in range(args.models)]
    true = [(700 + 600 * k / (args.models - 1) - 1000) / 400 * math.log(10) for k in range(args.models)]
    styles = [rng.uniform(0.1, 0.9) for _ in range(args.models)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w") as out:
        for n in range(args.battles):
            a, b = rng.sample(range(args.models), 2)
            counts = {}
            for side, m in (("a", a), ("b", b)):
                s = styles[m]
                counts[side] = (int(rng.expovariate(1 / (100 + 900 * s))), rng.randrange(int(6 * s) + 1),
                                rng.randrange(int(10 * s) + 1), rng.randrange(int(12 * s) + 1))
            (ta, ha, ba, la), (tb, hb, bb, lb) = counts["a"], counts["b"]
            u = rng.random()
            if u < 0.10:
                winner = "tie"
            elif u < 0.13:
                winner = "tie (bothbad)"
            else:
                z = true[a] - true[b] + 0.5 * (ta - tb) / max(ta + tb, 1)
                winner = "model_a" if rng.random() < 1 / (1 + math.exp(-z)) else "model_b"
            row = {
                "question_id": f"b{n:07d}", "model_a": names[a], "model_b": names[b], "winner": winner,
                "conversation_a": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}],
                "conversation_b": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "b"}],
                "conv_metadata": {"sum_assistant_a_tokens": ta, "sum_assistant_b_tokens": tb,
                                  "header_count_a": {"h1": ha}, "header_count_b": {"h1": hb},
                                  "bold_count_a": {"**": ba}, "bold_count_b": {"**": bb},
                                  "list_count_a": {"ordered": la}, "list_count_b": {"ordered": lb}},
            }
            out.write(json.dumps(row, separators=(",", ":")) + "\n")
    print(f"wrote {args.battles} Arena rows between {args.models} models to {args.out}")


if __name__ == "__main__":
    main()
