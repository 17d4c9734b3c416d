"""Data and helpers shared by the push-down checks (duckdb_pushdown.py, spark_pushdown.py):
generated judgments for ranking and for agreement, and running verdict. No dependencies."""
import json
import random
import subprocess
import sys
from pathlib import Path

MODELS = ["m-a", "m-b", "m-c", "m-d", "m-e"]


def generate_ranking(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w") as out:
        for i in range(n):
            annotator = f"ann-{rng.randrange(40)}"
            group = f"site {annotator[-1]}/x" if rng.random() < 0.9 else None
            day = 1 + rng.randrange(3)
            record = {"schema": "verdict/judgment@1", "item_id": f"q{i // 2}", "annotator": annotator}
            if group:
                record["group"] = group
            if i % 7 == 3:
                ranking = rng.sample(MODELS, 3)
                if i % 14 == 3:
                    record["shown"] = rng.sample(ranking, 3)
                record["ranking"] = ranking
            else:
                a, b = rng.sample(MODELS, 2)
                record["shown"] = [a, b]
                record["preference"] = {"winner": rng.choice([a, a, b, b, "tie", "both_bad"])}
            record["submitted_at"] = f"2026-11-0{day}T10:{rng.randrange(60):02d}:{rng.randrange(60):02d}Z"
            out.write(json.dumps(record) + "\n")


def run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed: {done.stderr}")
    return done.stdout


def board(text: str) -> dict:
    value = json.loads(text)
    # What was read describes the judgment files; partials keep counts, not judgments.
    value.pop("input")
    value.pop("selected", None)
    return value


def generate_agreement(path: Path, n: int) -> None:
    """About n judgments for agreement and SPC (groups, days, durations), written in the order the SQL push-down returns its rows
    (items, then annotators by name; score keys and models by name), so that finishing from the
    engine's rows gives the CLI's unit order and hence its bootstrap exactly. Each item has three
    annotators from one site; about 1 in 40 judgments is re-judged on the next line, the later
    submission winning; a few values are item-level labels with a comma or quote."""
    rng = random.Random(11)
    with path.open("w") as out:
        for k in range(n // 3):
            site = k % 4
            annotators = sorted(rng.sample(range(10), 3))
            for a in annotators:
                annotator = f"ann-{site}{a}"
                record = {"schema": "verdict/judgment@1", "item_id": f"q{k:07d}", "annotator": annotator,
                          "group": f"site {site}", "shown": ["m-a", "m-b"]}
                winner = rng.choice(["m-a", "m-a", "m-b", "tie", "both_bad"])
                clarity = rng.choice([1, 2, 3, 4, 5])
                scores = {"clarity": clarity, "safe": rng.random() < 0.8,
                          "tone": {"m-a": rng.choice(["good", "bad", 'so-so, "fair"']), "m-b": rng.choice(["good", "bad"])}}
                day = 1 + k % 3
                record["preference"] = {"winner": winner}
                record["scores"] = scores
                record["submitted_at"] = f"2026-11-0{day}T10:{rng.randrange(60):02d}:00Z"
                record["duration_ms"] = rng.randrange(1000, 90_000)
                if rng.random() < 0.025:
                    first = dict(record, preference={"winner": rng.choice(["m-a", "m-b"])},
                                 submitted_at=f"2026-11-0{day}T09:00:00Z")
                    out.write(json.dumps(first) + "\n")
                out.write(json.dumps(record) + "\n")


def generate_gold_tasks(path: Path, n: int) -> None:
    """The task file of generate_agreement's items, about a third with gold answers (a preference,
    an item-level number written as 4.0 or 3, a boolean, a per-output label) for gold error."""
    rng = random.Random(13)
    with path.open("w") as out:
        for k in range(n // 3):
            task = {"id": f"q{k:07d}", "prompt": "p", "outputs": [{"model": "m-a", "content": "a"}, {"model": "m-b", "content": "b"}]}
            if rng.random() < 0.35:
                task["gold"] = {"preference": rng.choice(["m-a", "m-b", "tie"]),
                                "scores": {"clarity": rng.choice([3, 4.0]), "safe": rng.random() < 0.8,
                                           "tone": {"m-a": rng.choice(["good", 'so-so, "fair"'])}}}
            out.write(json.dumps(task) + "\n")


GOLD_VIEW_COLUMNS = "item_id STRING, name STRING, label STRING, number DOUBLE, boolean BOOLEAN"

SPC_CHARTS = {
    "gold_error": ["--metric", "gold_error", "--chart", "p", "--period", "day"],
    "disagreement": ["--metric", "disagreement", "--chart", "p", "--period", "day"],
    "handle_time": ["--metric", "handle_time", "--chart", "xbar_s", "--period", "day", "--by", "annotator"],
}


def same_chart(whole: dict, finished: dict, metric: str) -> None:
    """Disagreement counts are exact; handling-time subgroups come from the engine in another
    order than the file's, so their sums may differ in the last bits (relative 1e-9)."""
    if metric in ("disagreement", "gold_error"):
        assert whole == finished, f"{metric}: push-down and CLI disagree"
        return
    assert len(whole["points"]) == len(finished["points"]) > 0
    for a, b in zip(whole["points"], finished["points"]):
        for field in ("key", "period", "n"):
            assert a[field] == b[field], (field, a, b)
        for field in ("value", "lcl", "ucl"):
            assert abs(a[field] - b[field]) <= 1e-9 * max(1.0, abs(a[field])), (field, a, b)
