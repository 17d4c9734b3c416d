"""SQL push-down on DuckDB, checked against the CLI (docs/SCALE.md).

For ranking, agreement and SPC (disagreement, handling time): generates N judgments (pushdown_data.py), converts them to Parquet
with `verdict convert`, writes them as a Hive-partitioned directory (by day and group), runs
`verdict partials --sql duckdb --kind K` over that directory as the view `judgments`, saves the
rows as CSV and checks that finishing from them (`--from-partials`) equals the CLI on the JSONL
file, bootstrap included (and, for ranking, the CLI on the partitioned directory). Prints timings.
Usage:
    python duckdb_pushdown.py VERDICT_BINARY WORKDIR [N] [ranking|agreement|spc ...]
"""
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

from pushdown_data import SPC_CHARTS, board, generate_agreement, generate_gold_tasks, generate_ranking, run, same_chart


def partition(con, parquet: Path, partitioned: Path) -> None:
    """One file per (day, group) folder, the group left out of the files as PARTITION_BY does.
    DuckDB 1.4.2's COPY … PARTITION_BY crashed (segfault) on this machine: one COPY per folder."""
    shutil.rmtree(partitioned, ignore_errors=True)
    source = f"(SELECT *, substr(submitted_at, 1, 10) AS day FROM read_parquet('{parquet}'))"
    for day, group in con.execute(f'SELECT DISTINCT day, "group" FROM {source}').fetchall():
        folder = partitioned / f"day={day}" / ("group=" + (quote(group, safe="") if group is not None else "__HIVE_DEFAULT_PARTITION__"))
        folder.mkdir(parents=True)
        where = '"group" IS NULL' if group is None else '"group" = ?'
        con.execute(f"COPY (SELECT * EXCLUDE (day, \"group\") FROM {source} WHERE day = ? AND {where}) TO '{folder}/part-0.parquet' (FORMAT parquet)",
                    [day] + ([] if group is None else [group]))


PREPARED: dict = {}


def prepare(verdict: str, work: Path, n: int, data: str):
    """Generates, converts and partitions one data set once (agreement and SPC share one);
    returns the JSONL path, the partitioned directory, a connection with the view `judgments`
    and the seconds `verdict convert` took."""
    if data in PREPARED:
        return PREPARED[data]
    jsonl, parquet, partitioned = work / f"{data}.jsonl", work / f"{data}.parquet", work / f"{data}-partitioned"
    (generate_ranking if data == "ranking" else generate_agreement)(jsonl, n)
    started = time.perf_counter()
    run(verdict, "convert", str(jsonl), "--to", "parquet", "-o", str(parquet))
    convert_s = time.perf_counter() - started
    # Partitioned COPY crashed DuckDB 1.4.2 here with several threads (segfault): one thread.
    con = duckdb.connect(config={"threads": 1})
    partition(con, parquet, partitioned)
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"CREATE VIEW judgments AS SELECT * FROM read_parquet('{partitioned}/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)")
    PREPARED[data] = (jsonl, partitioned, con, convert_s)
    return PREPARED[data]


def check(verdict: str, work: Path, n: int, kind: str) -> str:
    jsonl, partitioned, con, convert_s = prepare(verdict, work, n, "ranking" if kind == "ranking" else "agreement")
    if kind == "spc":
        return check_spc(verdict, work, n, con, jsonl, convert_s)
    sql = run(verdict, "partials", "--sql", "duckdb", "--kind", kind).strip().rstrip(";")
    csv = work / f"{kind}-partials.csv"
    started = time.perf_counter()
    con.execute(f"COPY ({sql}\n) TO '{csv}' (HEADER)")
    sql_s = time.perf_counter() - started
    command = "rank" if kind == "ranking" else "agree"
    flags = ["--json", "--bootstrap", "20", "--seed", "3"]
    if kind == "agreement":
        flags += ["--metric", "krippendorff_alpha", "--metric", "fleiss_kappa", "--metric", "gwet_ac1", "--metric", "conger_kappa", "--group-by", "group"]
    started = time.perf_counter()
    whole = board(run(verdict, command, *flags, str(jsonl)))
    cli_s = time.perf_counter() - started
    from_sql = board(run(verdict, command, *flags, "--from-partials", str(csv)))
    # The same rows as Parquet (what an engine writes to a lake) are read as the CSV form.
    rows_parquet = work / f"{kind}-partials.parquet"
    con.execute(f"COPY ({sql}\n) TO '{rows_parquet}' (FORMAT parquet)")
    assert from_sql == board(run(verdict, command, *flags, "--from-partials", str(rows_parquet))), "Parquet partials differ from CSV"
    if kind == "ranking":
        assert whole == from_sql, "DuckDB push-down and the CLI disagree"
        assert whole == board(run(verdict, command, *flags, str(partitioned))), "the partitioned directory and the JSONL file disagree"
        what = f"{len(whole['models'])} models, push-down == CLI == partitioned directory"
    else:
        # Rows from an engine carry ratings, not the judgment counts of the input.
        assert whole["results"] == from_sql["results"], "DuckDB push-down and the CLI disagree"
        assert any(r["ci_low"] is not None for r in whole["results"]), "the bootstrap ran"
        what = f"{len(whole['results'])} coefficients (bootstrap CIs included), push-down == CLI"
    return (f"{kind}: {n} judgments; convert {convert_s:.2f} s, push-down SQL {sql_s:.2f} s, "
            f"verdict {command} on JSONL {cli_s:.2f} s: {what}")


def check_spc(verdict: str, work: Path, n: int, con, jsonl: Path, convert_s: float) -> str:
    # Gold error reads a second view, `gold`, of the task file's gold answers (`verdict partials --gold-rows`).
    tasks, gold_csv = work / "gold-tasks.jsonl", work / "gold.csv"
    generate_gold_tasks(tasks, n)
    gold_csv.write_text(run(verdict, "partials", "--gold-rows", str(tasks)))
    columns = "{'item_id': 'VARCHAR', 'name': 'VARCHAR', 'label': 'VARCHAR', 'number': 'DOUBLE', 'boolean': 'BOOLEAN'}"
    con.execute(f"CREATE OR REPLACE VIEW gold AS SELECT * FROM read_csv('{gold_csv}', header = true, columns = {columns})")
    times = []
    for metric, flags in SPC_CHARTS.items():
        flags = flags + (["--gold", str(tasks)] if metric == "gold_error" else [])
        by = flags[flags.index("--by") + 1] if "--by" in flags else "group"
        sql = run(verdict, "partials", "--sql", "duckdb", "--kind", "spc", "--metric", metric, "--by", by, "--period", "day").strip().rstrip(";")
        csv = work / f"spc-{metric}-partials.csv"
        started = time.perf_counter()
        con.execute(f"COPY ({sql}\n) TO '{csv}' (HEADER)")
        sql_s = time.perf_counter() - started
        started = time.perf_counter()
        whole = board(run(verdict, "spc", "--json", *flags, str(jsonl)))
        cli_s = time.perf_counter() - started
        finished = board(run(verdict, "spc", "--json", *flags, "--from-partials", str(csv)))
        finished["skipped"] = whole["skipped"]  # engine rows carry subgroups, not the reasons judgments were left out
        same_chart(whole, finished, metric)
        times.append(f"{metric} SQL {sql_s:.2f} s, verdict spc {cli_s:.2f} s ({len(whole['points'])} points)")
    return f"spc: {n} judgments; convert {convert_s:.2f} s; " + "; ".join(times) + ": push-down == CLI"


def main() -> None:
    verdict, work = sys.argv[1], Path(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    kinds = sys.argv[4:] or ["ranking", "agreement", "spc"]
    work.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        print(f"duckdb {duckdb.__version__}: " + check(verdict, work, n, kind), flush=True)
    print(f"{len(kinds)} passed, 0 failed")


if __name__ == "__main__":
    main()
