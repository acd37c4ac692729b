"""The Spark engine in local mode (local[2]): the same groups, conflicts and map-step rows
as the default engine, on a small generated corpus."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import claimcheck
from claimcheck.export import TABLES
from tests.test_engines import _copy, _report, _stored


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from claimcheck.spark import session

    s = session("local[2]")
    yield s
    s.stop()


def test_spark_engine_matches_default(
    spark: Any, generated_db: Path, tmp_path: Path
) -> None:
    default_db = _copy(generated_db, tmp_path, "default.db")
    spark_db = _copy(generated_db, tmp_path, "spark.db")
    default = _report(claimcheck.diff(default_db))
    on_spark = _report(claimcheck.diff(spark_db, engine="spark"))
    assert len(default["groups"]) >= 20 and default["conflicts"]
    assert on_spark == default
    assert _stored(spark_db) == _stored(default_db)


def test_spark_map_step_writes_the_rows_ingest_stores(
    spark: Any, generated_db: Path, tmp_path: Path
) -> None:
    from claimcheck.spark import map_step

    corpus = generated_db.parent / "corpus.jsonl"
    out = tmp_path / "map"
    counts = map_step(spark, [str(corpus)], str(out), partitions=3)
    con = sqlite3.connect(generated_db)
    try:
        for table in ("articles", "claims", "mentions"):
            cols = [c for c, _ in TABLES[table]
                    if c not in ("entity_id", "story_id", "run_id", "ingested_at", "file_hash")]
            t = pq.read_table(out / table).select(cols)
            got = sorted(zip(*(t[c].to_pylist() for c in cols), strict=True))
            names = ", ".join(f'"{c}"' for c in cols)
            want = sorted(con.execute(f"SELECT {names} FROM {table}").fetchall())
            assert got == want, table
            assert counts[table] == len(want)
    finally:
        con.close()
