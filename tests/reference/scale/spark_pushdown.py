"""SQL push-down on Spark in local mode, checked against the CLI (docs/SCALE.md).

One local SparkSession for every kind: generates the judgments (pushdown_data.py), converts them
to Parquet with `verdict convert`, lets Spark write them as a directory partitioned by day and
group (`partitionBy`, as on a data lake), registers it as the view `judgments`, runs `verdict
partials --sql spark --kind K` for ranking, agreement and SPC (disagreement, handling time),
writes the rows as CSV and checks that finishing from them (`--from-partials`) equals the CLI
on the JSONL file (bootstrap included). Prints timings. Needs pyspark and Java 17
(`scripts/setup.sh test`). Usage:
    python spark_pushdown.py VERDICT_BINARY WORKDIR [N]
"""
import glob
import shutil
import sys
import time
from pathlib import Path

from pyspark import __version__ as spark_version
from pyspark.sql import SparkSession, functions as F

from pushdown_data import GOLD_VIEW_COLUMNS, SPC_CHARTS, board, generate_agreement, generate_gold_tasks, generate_ranking, run, same_chart


def lake(spark, verdict: str, jsonl: Path, work: Path) -> float:
    """Converts to Parquet with verdict, partitions by day and group with Spark, registers the
    view `judgments`; returns the seconds Spark took to write the partitioned directory."""
    parquet, partitioned = jsonl.with_suffix(".parquet"), jsonl.with_name(jsonl.stem + "-partitioned")
    run(verdict, "convert", str(jsonl), "--to", "parquet", "-o", str(parquet))
    shutil.rmtree(partitioned, ignore_errors=True)
    started = time.perf_counter()
    frame = spark.read.parquet(str(parquet)).withColumn("day", F.substring("submitted_at", 1, 10))
    frame.write.partitionBy("day", "group").parquet(str(partitioned))
    seconds = time.perf_counter() - started
    spark.read.parquet(str(partitioned)).createOrReplaceTempView("judgments")
    return seconds


def rows_to_csv(spark, verdict: str, work: Path, name: str, *sql_args: str) -> tuple[Path, float]:
    """Runs the push-down SQL and writes its rows as one CSV file (RFC 4180 quotes)."""
    sql = run(verdict, "partials", "--sql", "spark", *sql_args).strip().rstrip(";")
    out = work / f"spark-{name}"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    spark.sql(sql).coalesce(1).write.option("header", True).option("escape", '"').csv(str(out))
    seconds = time.perf_counter() - started
    [part] = glob.glob(str(out / "part-*.csv"))
    return Path(part), seconds


def main() -> None:
    verdict, work = sys.argv[1], Path(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("verdict-pushdown")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark {spark_version}: session {time.perf_counter() - started:.1f} s", flush=True)
    passed = 0

    jsonl = work / "spark-ranking.jsonl"
    generate_ranking(jsonl, n)
    write_s = lake(spark, verdict, jsonl, work)
    csv, sql_s = rows_to_csv(spark, verdict, work, "ranking", "--kind", "ranking")
    flags = ["--json", "--bootstrap", "20", "--seed", "3"]
    whole = board(run(verdict, "rank", *flags, str(jsonl)))
    assert whole == board(run(verdict, "rank", *flags, "--from-partials", str(csv))), "ranking: Spark push-down and the CLI disagree"
    print(f"ranking: {n} judgments; partitionBy write {write_s:.1f} s, push-down SQL {sql_s:.1f} s: "
          f"{len(whole['models'])} models, push-down == CLI", flush=True)
    passed += 1

    jsonl = work / "spark-agreement.jsonl"
    generate_agreement(jsonl, n)
    write_s = lake(spark, verdict, jsonl, work)
    csv, sql_s = rows_to_csv(spark, verdict, work, "agreement", "--kind", "agreement")
    flags = ["--json", "--bootstrap", "20", "--seed", "3", "--metric", "krippendorff_alpha", "--metric", "fleiss_kappa",
             "--metric", "gwet_ac1", "--metric", "conger_kappa", "--group-by", "group"]
    whole = board(run(verdict, "agree", *flags, str(jsonl)))
    finished = board(run(verdict, "agree", *flags, "--from-partials", str(csv)))
    assert whole["results"] == finished["results"], "agreement: Spark push-down and the CLI disagree"
    # The same rows as a Spark Parquet directory (part files, _SUCCESS) are read as the CSV form.
    rows_dir = work / "spark-agreement-parquet"
    spark.sql(run(verdict, "partials", "--sql", "spark", "--kind", "agreement").strip().rstrip(";")).coalesce(1).write.mode("overwrite").parquet(str(rows_dir))
    assert finished == board(run(verdict, "agree", *flags, "--from-partials", str(rows_dir))), "agreement: Parquet partials differ from CSV"
    print(f"agreement: {n} judgments; partitionBy write {write_s:.1f} s, push-down SQL {sql_s:.1f} s: "
          f"{len(whole['results'])} coefficients (bootstrap CIs included), push-down == CLI", flush=True)
    passed += 1

    # Gold error reads a second view, `gold`, of the task file's gold answers (`verdict partials --gold-rows`).
    tasks, gold_csv = work / "spark-gold-tasks.jsonl", work / "spark-gold.csv"
    generate_gold_tasks(tasks, n)
    gold_csv.write_text(run(verdict, "partials", "--gold-rows", str(tasks)))
    spark.read.schema(GOLD_VIEW_COLUMNS).option("header", True).option("escape", '"').csv(str(gold_csv)).createOrReplaceTempView("gold")
    for metric, flags in SPC_CHARTS.items():
        flags = flags + (["--gold", str(tasks)] if metric == "gold_error" else [])
        by = flags[flags.index("--by") + 1] if "--by" in flags else "group"
        csv, sql_s = rows_to_csv(spark, verdict, work, f"spc-{metric}", "--kind", "spc", "--metric", metric, "--by", by, "--period", "day")
        whole = board(run(verdict, "spc", "--json", *flags, str(jsonl)))
        finished = board(run(verdict, "spc", "--json", *flags, "--from-partials", str(csv)))
        finished["skipped"] = whole["skipped"]  # engine rows carry subgroups, not why judgments were left out
        same_chart(whole, finished, metric)
        print(f"spc {metric}: push-down SQL {sql_s:.1f} s, {len(whole['points'])} points, push-down == CLI", flush=True)
        passed += 1
    spark.stop()
    print(f"spark total {time.perf_counter() - started:.1f} s")
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
