"""diff on each engine (default, DuckDB, Spark local, stream): identical results, wall time, memory.

    python benchmarks/engines.py identity                 # seeds + ../shared/corpora
    python benchmarks/engines.py identity --db my.db      # any ingested database
    python benchmarks/engines.py scale --articles 10000   # a generated corpus of that size
    python benchmarks/engines.py scale --articles 10000 --engines default,duckdb
    python benchmarks/engines.py shuffle --db benchmarks/out/engines_gen_10000.db

``identity`` runs ``diff --format json`` once per engine on copies of one database and
compares the JSON reports and the stored groups, group members and conflicts; it prints
whether they are identical and exits 1 when they are not. ``--base-code DIR`` adds a run of
another checkout's ``claimcheck`` package (e.g. ``git archive`` of the previous commit) as a
reference. ``scale`` generates and ingests a corpus once (kept in benchmarks/out/) and
times each engine's diff in its own process: wall seconds, peak RSS of the process tree
(Spark's JVM included), candidate pairs, groups, conflicts. Databases and reports go to
benchmarks/out/ (not in git).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
CORPORA = Path("/work/shared/corpora")
INPUTS = [CORPORA / "gunviolence.jsonl", CORPORA / "newswcl50.jsonl", ROOT / "seeds"]
_SEEDS_PREFIX = re.compile(r'"[^"]*/seeds/')


def _ingest(inputs: list[str], db: Path, jobs: int) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "claimcheck", "ingest", *inputs, "--db", str(db), "--jobs",
         str(jobs), "-q"],
        check=True,
    )
    return time.perf_counter() - started


def _run_diff(db: Path, engine: str, report: Path, base_code: Path | None = None) -> dict[str, Any]:
    """One diff in a child process: its wall time and the peak RSS of the child processes."""
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "claimcheck", "diff", "--db", str(db), "--format", "json",
           "--output", str(report)]
    if engine != "default":
        cmd += ["--engine", engine]
    if base_code is not None:
        env["PYTHONPATH"] = str(base_code)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    log = report.with_suffix(".log")
    started = time.perf_counter()
    # like /usr/bin/time: wait4 gives the peak RSS of the child (and of the children it
    # waited for, such as Spark's JVM)
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(cmd, env=env, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    stderr = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"diff --engine {engine} failed:\n{stderr[-2000:]}")
    return {"engine": engine, "seconds": round(seconds, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "summary": stderr.strip()[-200:]}


def _stored(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        parts = []
        for sql in (
            "SELECT id, verdict, size, n_articles, n_outlets, representative_claim_id, label, "
            "story_id FROM claim_groups ORDER BY id",
            "SELECT group_id, claim_id FROM group_claims ORDER BY 1, 2",
            "SELECT id, group_id, kind, claim_a, claim_b, a_value, b_value, explanation, "
            "confidence, is_update, story_id, fact_subject, fact_attribute FROM conflicts ORDER BY id",
            "SELECT id, n_articles, n_groups, n_conflicts FROM stories ORDER BY id",
        ):
            parts.append(json.dumps(con.execute(sql).fetchall()))
        return "\n".join(parts)
    finally:
        con.close()


def _canonical_report(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    return _SEEDS_PREFIX.sub('"seeds/', json.dumps(data, ensure_ascii=False, sort_keys=True))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def identity(args: argparse.Namespace) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if args.db:
        source = Path(args.db)
    else:
        source = OUT / "engines_corpora.db"
        if not source.exists() or args.reingest:
            print(f"ingesting {', '.join(p.name for p in INPUTS)} ...", flush=True)
            _ingest([str(p) for p in INPUTS], source, args.jobs)
    runs = [(e, None) for e in args.engines.split(",")]
    if args.base_code:
        runs.insert(0, ("default", Path(args.base_code)))
    rows = []
    for engine, base in runs:
        tag = f"{engine}{'-base' if base else ''}"
        db = OUT / f"engines_{tag}.db"
        shutil.copy(source, db)
        report = OUT / f"engines_{tag}.json"
        row = _run_diff(db, engine, report, base)
        row["tag"] = tag
        row["report"] = _digest(_canonical_report(report))
        row["stored"] = _digest(_stored(db))
        data = json.loads(report.read_text(encoding="utf-8"))
        row["groups"] = len(data["groups"])
        row["conflicts"] = len(data["conflicts"])
        rows.append(row)
        print(json.dumps({k: v for k, v in row.items() if k != "summary"}), flush=True)
    same = len({(r["report"], r["stored"]) for r in rows}) == 1
    print(f"\n{'run':<14} {'seconds':>8} {'peak MB':>8} {'groups':>7} {'conflicts':>9}  report / stored digest")
    for r in rows:
        print(f"{r['tag']:<14} {r['seconds']:>8} {r['peak_rss_mb']:>8} {r['groups']:>7} "
              f"{r['conflicts']:>9}  {r['report']} / {r['stored']}")
    print(f"\nidentical: {'yes' if same else 'NO'}")
    return 0 if same else 1


def scale(args: argparse.Namespace) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    n = args.articles
    corpus = OUT / f"engines_gen_{n}.jsonl"
    source = OUT / f"engines_gen_{n}.db"
    if not corpus.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from generate_corpus import generate

        articles, _ = generate(n, seed=args.seed)
        with corpus.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a) + "\n")
    if not source.exists():
        seconds = _ingest([str(corpus)], source, args.jobs)
        print(json.dumps({"articles": n, "ingest_seconds": round(seconds, 1)}), flush=True)
    rows = []
    for engine in args.engines.split(","):
        db = OUT / f"engines_gen_{n}_{engine}.db"
        shutil.copy(source, db)
        report = OUT / f"engines_gen_{n}_{engine}.json"
        row = _run_diff(db, engine, report)
        data = json.loads(report.read_text(encoding="utf-8"))
        row.update(articles=n, groups=len(data["groups"]), conflicts=len(data["conflicts"]),
                   report=_digest(_canonical_report(report)), stored=_digest(_stored(db)))
        con = sqlite3.connect(db)
        counts = json.loads(con.execute(
            "SELECT counts FROM runs WHERE command = 'diff' ORDER BY id DESC LIMIT 1").fetchone()[0])
        con.close()
        row["candidate_pairs"] = counts.get("candidate_pairs")
        row["claims"] = counts.get("claims")
        rows.append(row)
        print(json.dumps({k: v for k, v in row.items() if k != "summary"}), flush=True)
        db.unlink()
    same = len({(r["report"], r["stored"]) for r in rows}) == 1
    print(f"\nidentical across engines: {'yes' if same else 'NO'}")
    return 0 if same else 1


SHUFFLE_SQL = """
WITH key_df AS (SELECT key, count(*) AS df FROM claim_keys GROUP BY key),
kept AS (
    SELECT ck.claim, ck.article, ck.key FROM claim_keys ck
    JOIN key_df d ON d.key = ck.key JOIN key_caps c ON c.key = ck.key
    WHERE d.df >= 2 AND d.df <= c.cap
),
joined AS (
    SELECT a.claim AS i, b.claim AS j FROM kept a
    JOIN kept b ON a.key = b.key AND a.claim < b.claim AND a.article <> b.article
)
SELECT (SELECT count(*) FROM claim_keys), (SELECT count(*) FROM kept),
       (SELECT count(*) FROM joined), (SELECT count(*) FROM (SELECT DISTINCT i, j FROM joined))
"""


def shuffle(args: argparse.Namespace) -> int:
    """Rows of each stage of the blocking self-join: what a cluster shuffles."""
    import duckdb

    from claimcheck.compare.blocking import corpus_policy
    from claimcheck.compare.groups import assign_stories
    from claimcheck.compare.stories import find_stories
    from claimcheck.compare.text import prepare
    from claimcheck.differ import load_claims
    from claimcheck.duck import key_tables
    from claimcheck.store import open_db

    db = open_db(args.db, create=False)
    try:
        claims = load_claims(db)
        n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        articles = list(db.execute("SELECT id, title, outlet, published FROM articles ORDER BY rowid"))
    finally:
        db.close()
    prepare(claims)
    # the keys diff joins on: content words are scoped to their story once stories are known
    story_of, _ = find_stories(claims, articles)
    assign_stories(claims, story_of)
    claim_keys, key_caps = key_tables(claims, corpus_policy(claims))
    con = duckdb.connect()
    con.register("claim_keys", claim_keys)
    con.register("key_caps", key_caps)
    key_rows, kept_rows, joined_rows, distinct_pairs = con.execute(SHUFFLE_SQL).fetchone()
    out = {
        "articles": n_articles, "claims": len(claims), "key_rows": key_rows,
        "kept_key_rows": kept_rows, "join_rows": joined_rows, "distinct_pairs": distinct_pairs,
        "per_article": {k: round(v / n_articles, 2) for k, v in (
            ("claims", len(claims)), ("key_rows", key_rows), ("kept_key_rows", kept_rows),
            ("join_rows", joined_rows), ("distinct_pairs", distinct_pairs))},
    }
    print(json.dumps(out))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("identity", help="identical results on the seeds and shared corpora")
    p.add_argument("--db", help="an ingested database (default: ingest seeds + shared corpora)")
    p.add_argument("--engines", default="default,duckdb,stream")
    p.add_argument("--base-code", help="a folder holding another claimcheck package to compare with")
    p.add_argument("--reingest", action="store_true")
    p.add_argument("--jobs", type=int, default=2)
    p.set_defaults(run=identity)
    q = sub.add_parser("scale", help="wall time and memory of each engine on a generated corpus")
    q.add_argument("--articles", type=int, default=10_000)
    q.add_argument("--engines", default="default,duckdb,stream")
    q.add_argument("--seed", type=int, default=0)
    q.add_argument("--jobs", type=int, default=2)
    q.set_defaults(run=scale)
    r = sub.add_parser("shuffle", help="rows of each stage of the blocking join (shuffle sizes)")
    r.add_argument("--db", required=True)
    r.set_defaults(run=shuffle)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
