"""Parquet export and the DuckDB engine of diff: same groups and conflicts as the default.

The identity tests run both engines on copies of one database and compare everything diff
stores and reports (group and conflict ids, members, verdicts, values, confidences). They
hold whatever the blocking policy is, because both engines read it from
``claimcheck.compare.blocking.blocking_policy``.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import claimcheck
from claimcheck.compare.blocking import blocking_keys, candidate_pairs, corpus_policy
from claimcheck.compare.text import prepare
from claimcheck.differ import load_claims
from claimcheck.duck import pair_batches
from claimcheck.export import TABLES, export_parquet
from claimcheck.store import open_db

ROOT = Path(__file__).resolve().parents[1]


def _copy(db: Path, folder: Path, name: str) -> Path:
    out = folder / name
    shutil.copy(db, out)
    return out


def _stored(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    try:
        return {
            "groups": con.execute(
                "SELECT id, verdict, size, n_articles, n_outlets, representative_claim_id, label, "
                "story_id FROM claim_groups ORDER BY id").fetchall(),
            "members": con.execute(
                "SELECT group_id, claim_id FROM group_claims ORDER BY 1, 2").fetchall(),
            "conflicts": con.execute(
                "SELECT id, group_id, kind, claim_a, claim_b, a_value, b_value, explanation, "
                "confidence, is_update, story_id FROM conflicts ORDER BY id").fetchall(),
            "stories": con.execute(
                "SELECT id, n_articles, n_groups, n_conflicts FROM stories ORDER BY id").fetchall(),
        }
    finally:
        con.close()


def _report(result: Any) -> dict[str, Any]:
    return {
        "groups": [(g.id, g.verdict, [c.id for c in g.claims], g.story_id) for g in result.groups],
        "conflicts": [
            (c.id, c.group_id, c.kind, c.a.id, c.b.id, c.a_value, c.b_value, c.confidence, c.update)
            for c in result.conflicts
        ],
        "pairs": result.candidate_pairs,
    }


def _both_engines(db: Path, folder: Path) -> tuple[Path, Path, dict[str, Any], dict[str, Any]]:
    default_db = _copy(db, folder, "default.db")
    duck_db = _copy(db, folder, "duck.db")
    default = _report(claimcheck.diff(default_db))
    duck = _report(claimcheck.diff(duck_db, engine="duckdb"))
    return default_db, duck_db, default, duck


def test_duckdb_engine_matches_default_on_generated_corpus(
    generated_db: Path, tmp_path: Path
) -> None:
    default_db, duck_db, default, duck = _both_engines(generated_db, tmp_path)
    # a corpus with something to get right: groups, conflicts and refinements
    assert len(default["groups"]) >= 20 and default["conflicts"]
    assert duck == default
    assert _stored(duck_db) == _stored(default_db)


def test_duckdb_engine_matches_default_on_seeds(seeds_db: Path, tmp_path: Path) -> None:
    default_db, duck_db, default, duck = _both_engines(seeds_db, tmp_path)
    assert len(default["groups"]) >= 10
    assert duck == default
    assert _stored(duck_db) == _stored(default_db)


@pytest.mark.parametrize("max_postings", [2, 4, 150])
def test_sql_pairs_are_the_blocking_pairs(generated_db: Path, max_postings: int) -> None:
    """The self-join applies the policy's caps and pair rule exactly, also where tight caps
    drop keys (the generated corpus never reaches the default cap)."""
    db = open_db(generated_db, create=False)
    try:
        claims = load_claims(db)
    finally:
        db.close()
    prepare(claims)
    expected = candidate_pairs(claims, max_postings=max_postings)
    policy = corpus_policy(claims, max_postings=max_postings)
    got = [p for left, right in pair_batches(claims, policy=policy, batch_rows=500)
           for p in zip(left, right, strict=True)]
    assert got == expected
    if max_postings == 2:
        # the cap binds: fewer pairs than with the default cap
        assert len(expected) < len(candidate_pairs(claims))


def test_unknown_engine_is_one_line_error(generated_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    db = _copy(generated_db, tmp_path, "x.db")
    result = CliRunner().invoke(app, ["diff", "--db", str(db), "--engine", "hadoop"])
    assert result.exit_code == 1
    assert "unknown engine 'hadoop'" in result.output


def test_export_parquet_reads_back(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    counts = export_parquet(seeds_db, out)
    con = sqlite3.connect(seeds_db)
    try:
        for table in TABLES:
            got = pq.read_table(out / table)
            assert [f.name for f in got.schema] == [c for c, _ in TABLES[table]], table
            assert got.num_rows == counts[table], table
            if table != "claim_keys":
                n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                assert got.num_rows == n, table
        claims = pq.read_table(out / "claims")
        stored = {r[0]: r[1] for r in con.execute("SELECT id, text FROM claims")}
        assert dict(zip(claims["id"].to_pylist(), claims["text"].to_pylist(), strict=True)) == stored
        mentions = pq.read_table(out / "mentions")
        linked = con.execute("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL").fetchone()[0]
        assert linked > 0 and mentions["entity_id"].null_count == mentions.num_rows - linked
        groups = pq.read_table(out / "claim_groups")
        assert sorted(groups["id"].to_pylist()) == sorted(
            r[0] for r in con.execute("SELECT id FROM claim_groups"))
        assert groups.num_rows > 0
    finally:
        con.close()
    # the blocking keys are those of the compared claims, kinds told apart
    keys = pq.read_table(out / "claim_keys").to_pylist()
    db = open_db(seeds_db, create=False)
    try:
        claims_loaded = load_claims(db)
    finally:
        db.close()
    prepare(claims_loaded)
    assert {(k["claim_id"], k["key"]) for k in keys} == {
        (c.id, k) for c in claims_loaded for k in blocking_keys(c)
    }
    kinds = {k["kind"] for k in keys}
    assert kinds == {"word", "entity", "date"}
    assert all(k["key"].startswith("@") == (k["kind"] == "date") for k in keys)


def test_export_refuses_a_folder_of_other_files(seeds_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(out), "--db", str(seeds_db)])
    assert result.exit_code == 1
    assert "holds other files" in result.output
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    # an earlier export's folder is replaced
    again = tmp_path / "again"
    for _ in range(2):
        result = CliRunner().invoke(app, ["export", str(again), "--db", str(seeds_db), "-q"])
        assert result.exit_code == 0, result.output
    assert len(list((again / "claims").glob("*.parquet"))) == 1


def test_parquet_schema_is_documented() -> None:
    doc = (ROOT / "docs" / "parquet.md").read_text(encoding="utf-8")
    for table, cols in TABLES.items():
        assert f"### {table}" in doc or f" {table}" in doc, table
        for col, _ in cols:
            assert f"`{col}`" in doc, (table, col)


def test_ingest_out_parquet_writes_the_rows_ingest_stores(
    generated_db: Path, tmp_path: Path
) -> None:
    """The map step to Parquet gives the same articles, sentences, claims and mentions as
    ingest into SQLite, except what the corpus-wide passes add later (entity links, lines
    repeated across an outlet's articles)."""
    from typer.testing import CliRunner

    from claimcheck.cli import app

    corpus = generated_db.parent / "corpus.jsonl"
    out = tmp_path / "map"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--out-parquet", str(out), "-q",
                                      "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "claimcheck.db").exists()
    con = sqlite3.connect(generated_db)
    try:
        def parquet(table: str, cols: list[str]) -> list[tuple[Any, ...]]:
            t = pq.read_table(out / table).select(cols)
            return sorted(zip(*(t[c].to_pylist() for c in cols), strict=True))

        def sql(table: str, cols: list[str]) -> list[tuple[Any, ...]]:
            names = ", ".join(f'"{c}"' for c in cols)
            return sorted(con.execute(f"SELECT {names} FROM {table}").fetchall())

        for table in ("articles", "claims", "mentions"):
            cols = [c for c, _ in TABLES[table]
                    if c not in ("entity_id", "story_id", "run_id", "ingested_at", "file_hash")]
            assert parquet(table, cols) == sql(table, cols), table
        cols = ["id", "article_id", "idx", "start", "end", "text"]
        assert parquet("sentences", cols) == sql("sentences", cols)
        flags = dict(con.execute("SELECT id, boilerplate_reason FROM sentences"))
        mapped = pq.read_table(out / "sentences").to_pylist()
        assert all(s["boilerplate_reason"] == flags[s["id"]] for s in mapped
                   if flags[s["id"]] != "repeated")
        assert pq.read_table(out / "mentions")["entity_id"].null_count > 0
    finally:
        con.close()
    # a second run adds its own parts; the first run's stay
    again = CliRunner().invoke(app, ["ingest", str(corpus), "--out-parquet", str(out), "-q"])
    assert again.exit_code == 0, again.output
    assert len(list((out / "claims").glob("*.parquet"))) == 2
