"""Spark: the map step per article partition, and grouping per connected component.

Two jobs, both on the pure functions the default engine runs, so the results are identical:

* :func:`map_step`: JSON Lines articles -> :func:`claimcheck.pipeline.analyze_article` on
  each partition (no shuffle) -> the ``articles``, ``sentences``, ``claims`` and ``mentions``
  tables as Parquet (the layout of ``docs/parquet.md``).
* :func:`find_groups_spark` (``claimcheck diff --engine spark``): the blocking self-join as
  DataFrame operations (caps and pair rule from
  :func:`claimcheck.compare.blocking.blocking_policy`), pairs scored on the executors,
  the graph of pairs at or above the threshold split into connected components, and
  clustering plus verdicts run per component (``groupByKey``). Clusters never cross a
  component (:func:`claimcheck.compare.clustering.rooted_clusters`), so the driver only
  puts the judged clusters in clustering order and reports each disagreement once
  (:func:`claimcheck.compare.groups.assemble`).

What this version keeps on the driver (see docs/scaling.md): the claims themselves (broadcast
to the executors), story clustering, story affinity and fact sheets (computed by
:func:`claimcheck.differ.diff` before and after grouping), and the union-find over the
edges at or above the threshold.

Run it with spark-submit (``pip install 'claimcheck[spark]'`` on every node)::

    spark-submit --master local[2] claimcheck/spark.py map corpus.jsonl --out tables/
    spark-submit --master local[2] claimcheck/spark.py diff --db claimcheck.db

``python -m claimcheck.spark ...`` does the same with a local[2] session.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from claimcheck.compare.affinity import StoryAffinity
from claimcheck.compare.blocking import blocking_keys, corpus_policy
from claimcheck.compare.clustering import rooted_clusters
from claimcheck.compare.groups import (
    GroupDraft,
    assemble,
    assign_stories,
    judge_cluster,
    score_pairs,
)
from claimcheck.compare.model import ClaimRecord, Group
from claimcheck.errors import InvalidOption

#: The master of the session claimcheck starts when none is running.
DEFAULT_MASTER = "local[2]"


def session(master: str | None = None, app_name: str = "claimcheck") -> Any:
    """The active Spark session, or a new one on ``master`` (default ``local[2]``).

    :raises InvalidOption: pyspark is not installed
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InvalidOption(
            "--engine spark needs pyspark and Java 17; install it with "
            "pip install 'claimcheck[spark]'"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    # executors run this interpreter, which has claimcheck installed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName(app_name)
        .master(master or os.environ.get("CLAIMCHECK_SPARK_MASTER", DEFAULT_MASTER))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions",
                os.environ.get("CLAIMCHECK_SPARK_SHUFFLE_PARTITIONS", "4"))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", os.environ.get("CLAIMCHECK_SPARK_DRIVER_MEMORY", "2g"))
        .config("spark.python.worker.reuse", "true")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- grouping ---------------------------------------------------------------------------


def candidate_pairs_df(spark: Any, claims: Sequence[ClaimRecord]) -> Any:
    """The candidate pairs ``(i, j)`` as a DataFrame: the self-join on the blocking keys.

    The same pairs as :func:`claimcheck.compare.blocking.candidate_pairs`: each key's cap
    and the numbers of the pair rule come from the blocking policy, as data.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import IntegerType, LongType, StructField, StructType

    policy = corpus_policy(claims)
    key_ids: dict[str, int] = {}
    article_ids: dict[str, int] = {}
    rows: list[tuple[int, int, int]] = []
    for i, c in enumerate(claims):
        art = article_ids.setdefault(c.article_id, len(article_ids))
        for k in blocking_keys(c):
            rows.append((i, art, key_ids.setdefault(k, len(key_ids))))
    caps = [(kid, policy.cap(k)) for k, kid in key_ids.items()]
    keys = spark.createDataFrame(rows, StructType([
        StructField("claim", IntegerType(), False), StructField("article", IntegerType(), False),
        StructField("key", IntegerType(), False),
    ]))
    cap_df = spark.createDataFrame(caps, StructType([
        StructField("key", IntegerType(), False), StructField("cap", LongType(), False),
    ]))
    df = keys.groupBy("key").agg(F.count("*").alias("df"))
    kept = (
        keys.join(df, "key").join(cap_df, "key")
        .where((F.col("df") >= 2) & (F.col("df") <= F.col("cap")))
        .select("claim", "article", "key")
    )
    size = keys.groupBy("claim").agg(F.count("*").alias("n_keys"))
    a, b = kept.alias("a"), kept.alias("b")
    shared = (
        a.join(b, (F.col("a.key") == F.col("b.key")) & (F.col("a.claim") < F.col("b.claim"))
               & (F.col("a.article") != F.col("b.article")))
        .groupBy(F.col("a.claim").alias("i"), F.col("b.claim").alias("j"))
        .agg(F.count("*").alias("n"))
    )
    za = size.select(F.col("claim").alias("i"), F.col("n_keys").alias("za"))
    zb = size.select(F.col("claim").alias("j"), F.col("n_keys").alias("zb"))
    smaller = F.least(F.col("za"), F.col("zb"))
    n = F.col("n")
    return (
        shared.join(za, "i").join(zb, "j")
        .where(((n >= F.lit(policy.min_shared)) | ((n >= 1) & (smaller <= F.lit(policy.few_keys))))
               & (n >= F.lit(policy.min_key_share) * smaller))
        .select("i", "j")
    )


def _components(n: int, edges: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Connected components of the edges: item -> smallest item of its component."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touched: set[int] = set()
    for i, j in edges:
        touched.update((i, j))
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return {i: find(i) for i in touched}


def group_component(
    claims: Sequence[ClaimRecord], edges: Sequence[tuple[float, int, int]], *,
    threshold: float, min_confidence: float, affinity: StoryAffinity,
) -> list[tuple[int, GroupDraft]]:
    """Cluster and judge one connected component: ``(root, draft)`` per cluster, ``root``
    being the claim index the cluster grew from (global numbering).

    The component's claims are numbered in their global order, so clustering breaks ties
    exactly as a run over the whole corpus does.
    """
    nodes = sorted({i for _, i, _ in edges} | {j for _, _, j in edges})
    local = {g: k for k, g in enumerate(nodes)}
    local_edges = [(s, local[i], local[j]) for s, i, j in edges]
    sims = {(i, j): s for s, i, j in edges}
    out = []
    for root, members in rooted_clusters(
        len(nodes), local_edges, [claims[g].article_id for g in nodes], threshold
    ):
        draft = judge_cluster(claims, [nodes[m] for m in members], sims, affinity=affinity,
                              min_confidence=min_confidence)
        if draft is not None:
            out.append((nodes[root], draft))
    return out


def find_groups_spark(
    claims: list[ClaimRecord],
    *,
    threshold: float,
    min_confidence: float,
    stories: Mapping[str, str] | None,
    affinity: StoryAffinity,
    spark: Any = None,
) -> tuple[list[Group], int]:
    """:func:`claimcheck.compare.groups.find_groups` on Spark (``claims`` prepared)."""
    spark = spark or session()
    sc = spark.sparkContext
    assign_stories(claims, stories)
    pairs = candidate_pairs_df(spark, claims).persist()
    try:
        n_pairs = pairs.count()
        shared_claims = sc.broadcast(claims)
        shared_affinity = sc.broadcast(affinity)
        by_story = stories is not None

        def score(rows: Iterator[Any]) -> Iterator[tuple[float, int, int]]:
            return iter(score_pairs(
                shared_claims.value, ((r[0], r[1]) for r in rows), threshold=threshold,
                by_story=by_story, affinity=shared_affinity.value,
            ))

        scored = pairs.rdd.mapPartitions(score).persist()
        strong = scored.filter(lambda e: e[0] >= threshold).map(lambda e: (e[1], e[2])).collect()
        component = _components(len(claims), strong)
        shared_component = sc.broadcast(component)

        def keyed(e: tuple[float, int, int]) -> list[tuple[int, tuple[float, int, int]]]:
            ci = shared_component.value.get(e[1])
            return [(ci, e)] if ci is not None and ci == shared_component.value.get(e[2]) else []

        def judge(item: tuple[int, Iterable[tuple[float, int, int]]]) -> list[tuple[int, GroupDraft]]:
            return group_component(
                shared_claims.value, list(item[1]), threshold=threshold,
                min_confidence=min_confidence, affinity=shared_affinity.value,
            )

        drafts = scored.flatMap(keyed).groupByKey().flatMap(judge).collect()
        scored.unpersist()
    finally:
        pairs.unpersist()
    drafts.sort(key=lambda rd: rd[0])
    groups = assemble(d for _, d in drafts)
    return groups, n_pairs


# --- the map step -----------------------------------------------------------------------


def _map_partition(
    records: Iterable[tuple[tuple[int, int], str, str]], options: dict[str, Any]
) -> Iterator[tuple[str, tuple[int, int], tuple[Any, ...]]]:
    """Analyse each JSON Lines record of a partition: ``(table, origin, row)`` triples."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.mapstep import article_rows
    from claimcheck.pipeline import analyze_article
    from claimcheck.readers import _parse_record

    for origin, source, line in records:
        if not line.strip():
            continue
        try:
            raw = _parse_record(line, source, f"{source}:{origin[1]}")
        except ClaimcheckError as exc:
            if not options.get("skip_errors"):
                raise
            yield ("skipped", origin, (source, str(exc)))
            continue
        art = analyze_article(raw, options.get("published"), options.get("outlet"),
                              options.get("language"), options.get("date_order"))
        for table, rows in article_rows(art, None, options["stamp"]).items():
            for row in rows:
                yield (table, origin, row)


def map_step(
    spark: Any, inputs: Sequence[str], out: str, *, partitions: int | None = None,
    **options: Any,
) -> dict[str, int]:
    """Analyse JSON Lines articles on Spark and write the map step's tables as Parquet.

    Each record is analysed where its partition lives; an article whose text occurs twice is
    kept from its first record (file order, then line), as ``ingest`` keeps it. With
    ``skip_errors`` a malformed record is left out (not listed: read the input with
    ``ingest --skip-errors`` to see why). Returns the rows written per table.
    """
    from pyspark import StorageLevel

    from claimcheck.export import MAP_TABLES, TABLES, schema
    from claimcheck.store import now_iso

    sc = spark.sparkContext
    options = dict(options, stamp=now_iso())
    parts = partitions or sc.defaultParallelism * 4
    lines = sc.union([
        sc.textFile(path, minPartitions=parts).zipWithIndex()
        .map(lambda t, k=k, path=path: ((k, t[1] + 1), path, t[0]))
        for k, path in enumerate(inputs)
    ])
    rows = lines.mapPartitions(lambda it: _map_partition(it, options)).persist(
        StorageLevel.MEMORY_AND_DISK)
    try:
        # the first record of each article text wins
        first = (
            rows.filter(lambda r: r[0] == "articles").map(lambda r: (r[2][0], r[1]))
            .reduceByKey(min)
        )
        first_df = spark.createDataFrame(first.map(lambda t: (t[0], t[1][0], t[1][1])),
                                         "aid string, f long, l long")
        counts: dict[str, int] = {}
        for table in MAP_TABLES:
            article_col = [c for c, _ in TABLES[table]].index(
                "id" if table == "articles" else "article_id")
            cols = [c for c, _ in TABLES[table]]
            tagged = rows.filter(lambda r, t=table: r[0] == t).map(
                lambda r, a=article_col: (r[2][a], r[1][0], r[1][1], *r[2]))
            df = spark.createDataFrame(
                tagged, ", ".join(["aid string", "f long", "l long"]
                                  + [f"{c} {_spark_type(f.type)}" for c, f in
                                     zip(cols, schema(table), strict=True)]))
            kept = df.join(first_df, ["aid", "f", "l"], "left_semi").select(*cols)
            kept.write.mode("overwrite").parquet(os.path.join(out, table))
            counts[table] = spark.read.parquet(os.path.join(out, table)).count()
    finally:
        rows.unpersist()
    return counts


def _spark_type(arrow_type: Any) -> str:
    name = str(arrow_type)
    return {"string": "string", "int64": "long", "double": "double"}[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claimcheck.spark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--master", help="Spark master (default: the one spark-submit sets, "
                        "else local[2])")
    sub = parser.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("map", help="analyse JSON Lines articles, write Parquet tables")
    m.add_argument("inputs", nargs="+")
    m.add_argument("--out", required=True)
    m.add_argument("--partitions", type=int)
    m.add_argument("--published")
    m.add_argument("--outlet")
    m.add_argument("--language")
    m.add_argument("--date-order")
    m.add_argument("--skip-errors", action="store_true")
    d = sub.add_parser("diff", help="claimcheck diff with --engine spark")
    d.add_argument("--db", default="claimcheck.db")
    d.add_argument("--output", help="write the JSON report here")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        if args.cmd == "map":
            counts = map_step(spark, args.inputs, args.out, partitions=args.partitions,
                              published=args.published, outlet=args.outlet,
                              language=args.language, date_order=args.date_order,
                              skip_errors=args.skip_errors)
            sys.stderr.write(", ".join(f"{n} {t}" for t, n in counts.items())
                             + f" written to {args.out}\n")
        else:
            from claimcheck.differ import diff
            from claimcheck.report import render_text, summary_line

            result = diff(args.db, engine="spark")
            if args.output:
                with open(args.output, "w", encoding="utf-8") as fh:
                    fh.write(render_text(result, "json"))
            sys.stderr.write(summary_line(result) + "\n")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
