"""Ingest speed (issue 15): MB/s per core on the real corpus, and the cost of adding articles
to a large database.

    python benchmarks/ingest_speed.py speed [--articles 400] [--repeat 3]
    python benchmarks/ingest_speed.py incremental BASE.db NEW.jsonl [--repeat 3]

``speed`` ingests the first ``--articles`` records of gunviolence.jsonl (all of it with 0)
into a fresh database at ``--jobs 1`` and ``--jobs 2`` and prints, per setting, the median
over ``--repeat`` runs of: wall seconds, MB/s, MB/s per core (MB/s divided by the jobs)
and MB per CPU second (user + system time of this process and its workers: on a machine
shared with other work that is the fairer per-core figure, wall time counts the waiting).

``incremental`` copies BASE.db (an ingested database: build one from
``generate_corpus.py`` output) and times ingesting NEW.jsonl into the copy, split into the
per-article part (read, analyse, write) and the corpus-wide part (repeated lines, entity
linking, views and full-text indexes), median over ``--repeat`` copies. Run it with an
older checkout on PYTHONPATH for the "before" figure. The copy is opened once before the
timing, so a schema upgrade of BASE.db is not counted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "gunviolence.jsonl"


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(paths: list[str], db: Path, jobs: int) -> dict[str, Any]:
    """Ingest ``paths`` into ``db``; wall and CPU seconds, MB of article text."""
    import claimcheck

    marks: dict[str, float] = {}

    def on_article(state: Any) -> None:
        if getattr(state, "stage", "") == "link" and "link" not in marks:
            marks["link"] = time.perf_counter()

    cpu0 = _cpu()
    t0 = time.perf_counter()
    try:
        res = claimcheck.ingest(paths, db, jobs=jobs, on_article=on_article)
    except TypeError:  # an older claimcheck without the callback
        res = claimcheck.ingest(paths, db, jobs=jobs)
    wall = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    mb = res.bytes / 1e6
    out = {"articles": res.articles, "mb": mb, "wall": wall, "cpu": cpu}
    if "link" in marks:
        out["corpus_wide"] = t0 + wall - marks["link"]
        out["per_article"] = marks["link"] - t0
    return out


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def speed(articles: int, repeat: int) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    if articles:
        lines = lines[:articles]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "slice.jsonl"
        src.write_text("".join(lines), encoding="utf-8")
        import claimcheck.language

        claimcheck.language.load_model()  # a one-off cost of the process, not of ingest
        for jobs in (1, 2):
            runs = []
            for i in range(repeat):
                db = Path(tmp) / f"s{jobs}-{i}.db"
                runs.append(measure([str(src)], db, jobs))
            mb = runs[0]["mb"]
            wall = _median(runs, "wall")
            walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
            print(
                f"jobs={jobs}: {runs[0]['articles']} articles, {mb:.2f} MB; wall {wall:.1f} s "
                f"(runs {walls}); {mb / wall:.3f} MB/s, {mb / wall / jobs:.3f} MB/s per core, "
                f"{mb / _median(runs, 'cpu'):.3f} MB per CPU second", flush=True,
            )


def incremental(base: Path, new: Path, repeat: int) -> None:
    import claimcheck.store

    runs = []
    with tempfile.TemporaryDirectory(dir=base.parent) as tmp:
        for i in range(repeat):
            db = Path(tmp) / f"inc{i}.db"
            shutil.copyfile(base, db)
            claimcheck.store.open_db(db).close()
            runs.append(measure([str(new)], db, 1))
            os.remove(db)
            r = runs[-1]
            print(f"  run {i}: {r['articles']} articles, wall {r['wall']:.2f} s"
                  + (f" (per article {r['per_article']:.2f} s, corpus-wide {r['corpus_wide']:.2f} s)"
                     if "per_article" in r else ""), flush=True)
    line = f"median: wall {_median(runs, 'wall'):.2f} s, CPU {_median(runs, 'cpu'):.2f} s"
    if all("corpus_wide" in r for r in runs):
        line += f", corpus-wide part {_median(runs, 'corpus_wide'):.2f} s"
    print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("speed")
    sp.add_argument("--articles", type=int, default=400, help="first N records (0: all)")
    sp.add_argument("--repeat", type=int, default=3)
    ip = sub.add_parser("incremental")
    ip.add_argument("base", type=Path)
    ip.add_argument("new", type=Path)
    ip.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.command == "speed":
        speed(args.articles, args.repeat)
    else:
        incremental(args.base, args.new, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
