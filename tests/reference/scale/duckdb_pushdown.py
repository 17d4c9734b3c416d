"""SQL push-down on DuckDB, checked against the CLI (docs/SCALE.md).

Generates N judgments (preferences with ties and both-bad, N-way rankings with and without
`shown`, re-judgments), converts them to Parquet with `verdict convert`, lets DuckDB write them
as a Hive-partitioned directory (by day and group), runs `verdict partials --sql duckdb --kind
ranking` over that directory as the view `judgments`, saves the rows as CSV and checks that
`verdict rank --from-partials` equals `verdict rank` on the JSONL file and on the partitioned
directory (bootstrap included). Prints timings. Usage:
    python duckdb_pushdown.py VERDICT_BINARY WORKDIR [N]
"""
import json
import random
import shutil
import subprocess
import sys
from urllib.parse import quote
import time
from pathlib import Path

import duckdb

MODELS = ["m-a", "m-b", "m-c", "m-d", "m-e"]


def generate(path: Path, n: int) -> None:
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


def main() -> None:
    verdict, work = sys.argv[1], Path(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    work.mkdir(parents=True, exist_ok=True)
    jsonl, parquet, partitioned = work / "judgments.jsonl", work / "judgments.parquet", work / "partitioned"
    generate(jsonl, n)
    started = time.perf_counter()
    run(verdict, "convert", str(jsonl), "--to", "parquet", "-o", str(parquet))
    convert_s = time.perf_counter() - started
    shutil.rmtree(partitioned, ignore_errors=True)
    # Partitioned COPY crashed DuckDB 1.4.2 here with several threads (segfault): one thread.
    con = duckdb.connect(config={"threads": 1})
    # DuckDB 1.4.2's COPY … PARTITION_BY crashed (segfault) on this machine: one COPY per
    # (day, group) folder instead, the group left out of the files as PARTITION_BY does.
    source = f"(SELECT *, substr(submitted_at, 1, 10) AS day FROM read_parquet('{parquet}'))"
    for day, group in con.execute(f'SELECT DISTINCT day, "group" FROM {source}').fetchall():
        folder = partitioned / f"day={day}" / ("group=" + (quote(group, safe="") if group is not None else "__HIVE_DEFAULT_PARTITION__"))
        folder.mkdir(parents=True)
        where = '"group" IS NULL' if group is None else '"group" = ?'
        con.execute(f"COPY (SELECT * EXCLUDE (day, \"group\") FROM {source} WHERE day = ? AND {where}) TO '{folder}/part-0.parquet' (FORMAT parquet)",
                    [day] + ([] if group is None else [group]))
    con.execute(f"CREATE VIEW judgments AS SELECT * FROM read_parquet('{partitioned}/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)")
    sql = run(verdict, "partials", "--sql", "duckdb", "--kind", "ranking").strip().rstrip(";")
    csv = work / "ranking-partials.csv"
    started = time.perf_counter()
    con.execute(f"COPY ({sql}\n) TO '{csv}' (HEADER)")
    sql_s = time.perf_counter() - started
    flags = ["--json", "--bootstrap", "20", "--seed", "3"]
    started = time.perf_counter()
    whole = board(run(verdict, "rank", *flags, str(jsonl)))
    rank_s = time.perf_counter() - started
    from_dir = board(run(verdict, "rank", *flags, str(partitioned)))
    from_sql = board(run(verdict, "rank", *flags, "--from-partials", str(csv)))
    assert whole == from_sql, "DuckDB push-down and the CLI disagree"
    assert whole == from_dir, "the partitioned directory and the JSONL file disagree"
    print(f"duckdb {duckdb.__version__}: {n} judgments; convert {convert_s:.2f} s, "
          f"push-down SQL {sql_s:.2f} s, verdict rank on JSONL {rank_s:.2f} s: "
          f"{len(whole['models'])} models, push-down == CLI == partitioned directory")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
