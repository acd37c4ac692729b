"""Digest of everything ``ingest`` stores, to prove that speed work keeps outputs identical.

The digest covers every row of the content tables (articles without run ids and
timestamps, sentences, claims, mentions with their entity ids, entities) and the words of
both full-text indexes, one SHA-256 per table. Sources are reduced to their file names
(plus the JSONL record id), so a checkout in another folder gives the same digest.

Two corpora:

* ``small``: the seeds plus the first 40 gun-violence and first 10 newswcl50 articles
  (about 250 KB, a second or two); ``tests/test_ingest_identity.py`` recomputes it.
* ``large``: the seeds plus both whole shared corpora (2,063 articles, 7.3 MB); only this
  script computes it (``check``), at ``--jobs 1`` and ``--jobs 2``.

Other work changes outputs on purpose (dates, lexicons, verdicts); after such a change,
regenerate the reference with one command and commit it with the change::

    python benchmarks/ingest_identity.py regen          # writes tests/data/ingest_digest.json
    python benchmarks/ingest_identity.py check          # large corpus, jobs 1 and 2, vs the reference
    python benchmarks/ingest_identity.py check --small  # only the small corpus
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
GUNVIOLENCE = CORPORA / "gunviolence.jsonl"
NEWSWCL = CORPORA / "newswcl50.jsonl"
SEEDS = ROOT / "seeds"
REFERENCE = ROOT / "tests" / "data" / "ingest_digest.json"

#: How many records of each shared corpus the small corpus takes.
SMALL_SLICE = {GUNVIOLENCE.name: 40, NEWSWCL.name: 10}

#: Content tables and the columns compared (run ids and timestamps left out), in a fixed order.
TABLES: dict[str, str] = {
    "articles": "SELECT id, source, content_hash, title, outlet, published, url, external_id, "
    "text, extra, language, file_hash FROM articles ORDER BY id",
    "sentences": 'SELECT id, article_id, idx, start, "end", text, is_boilerplate, '
    "boilerplate_reason FROM sentences ORDER BY id",
    "claims": 'SELECT id, article_id, sentence_id, idx, start, "end", text, normalized, '
    "polarity, modality, speaker, tense FROM claims ORDER BY id",
    "mentions": 'SELECT id, claim_id, article_id, kind, start, "end", surface, value, lo, hi, '
    "unit, entity_id FROM mentions ORDER BY id",
    "entities": "SELECT id, name, kind, aliases, mention_count FROM entities ORDER BY id",
}


def _source(value: Any) -> Any:
    """``/abs/path/seeds/000.txt`` -> ``000.txt``; ``/tmp/x/g.jsonl#id`` -> ``g.jsonl#id``."""
    return Path(value).name if isinstance(value, str) else value


def _fts_rows(con: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """Every (row id, term, column, offset) the FTS5 index of ``table`` holds, by stored id."""
    vocab = f"temp_{table}_vocab"
    con.execute(f"DROP TABLE IF EXISTS temp.{vocab}")
    con.execute(f"CREATE VIRTUAL TABLE temp.{vocab} USING fts5vocab(main, {table}_fts, instance)")
    rows = con.execute(
        f"SELECT t.id, v.term, v.col, v.offset FROM temp.{vocab} v JOIN {table} t ON t.rowid = v.doc"
    ).fetchall()
    con.execute(f"DROP TABLE temp.{vocab}")
    return sorted(rows)


def store_digest(db_path: Path) -> dict[str, dict[str, Any]]:
    """Row count and SHA-256 of every content table (and FTS index) of a database."""
    con = sqlite3.connect(db_path)
    out: dict[str, dict[str, Any]] = {}
    try:
        for name, sql in TABLES.items():
            h = hashlib.sha256()
            n = 0
            for row in con.execute(sql):
                values = list(row)
                if name == "articles":
                    values[1] = _source(values[1])
                h.update(json.dumps(values, ensure_ascii=False).encode("utf-8"))
                h.update(b"\n")
                n += 1
            out[name] = {"rows": n, "sha256": h.hexdigest()}
        for table in ("claims", "sentences"):
            h = hashlib.sha256()
            rows = _fts_rows(con, table)
            for row in rows:
                h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8") + b"\n")
            out[f"{table}_fts"] = {"rows": len(rows), "sha256": h.hexdigest()}
    finally:
        con.close()
    return out


def small_inputs(folder: Path) -> list[str]:
    """Write the slices of the small corpus into ``folder``; return the ingest inputs."""
    paths = [str(SEEDS)]
    for corpus in (GUNVIOLENCE, NEWSWCL):
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        out = folder / corpus.name
        out.write_text("".join(lines[: SMALL_SLICE[corpus.name]]), encoding="utf-8")
        paths.append(str(out))
    return paths


def large_inputs() -> list[str]:
    return [str(SEEDS), str(GUNVIOLENCE), str(NEWSWCL)]


def ingest_digest(paths: Sequence[str], jobs: int = 1) -> tuple[dict[str, Any], float]:
    """Ingest ``paths`` into a fresh database; return its digest and the ingest seconds."""
    import claimcheck

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "digest.db"
        started = time.perf_counter()
        claimcheck.ingest(list(paths), db, jobs=jobs)
        seconds = time.perf_counter() - started
        return store_digest(db), seconds


def compute(which: str, jobs: int = 1) -> tuple[dict[str, Any], float]:
    if which == "small":
        with tempfile.TemporaryDirectory() as tmp:
            return ingest_digest(small_inputs(Path(tmp)), jobs)
    return ingest_digest(large_inputs(), jobs)


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """Tables whose digest differs, as readable lines (empty when identical)."""
    return [
        f"{t}: {want.get(t)} -> {got.get(t)}"
        for t in sorted({*got, *want}) if got.get(t) != want.get(t)
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["regen", "check"])
    ap.add_argument("--small", action="store_true", help="only the small corpus")
    ap.add_argument("--reference", type=Path, default=REFERENCE)
    args = ap.parse_args(argv)
    which = ["small"] if args.small else ["small", "large"]
    if args.command == "regen":
        ref: dict[str, Any] = (
            json.loads(args.reference.read_text(encoding="utf-8")) if args.reference.exists() else {}
        )
        for w in which:
            ref[w], seconds = compute(w)
            print(f"{w}: {ref[w]['articles']['rows']} articles, {ref[w]['claims']['rows']} claims, "
                  f"{seconds:.1f} s")
        args.reference.parent.mkdir(parents=True, exist_ok=True)
        args.reference.write_text(json.dumps(ref, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.reference}")
        return 0
    ref = json.loads(args.reference.read_text(encoding="utf-8"))
    failed = False
    for w in which:
        for jobs in (1, 2):
            got, seconds = compute(w, jobs)
            diff = differences(got, ref[w])
            print(f"{w} jobs={jobs}: {'identical' if not diff else 'DIFFERENT'} ({seconds:.1f} s)")
            for line in diff:
                print("   ", line)
            failed |= bool(diff)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
