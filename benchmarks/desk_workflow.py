"""The desk's day, measured: ingest -> diff -> review everything -> ingest more -> diff --since.

Usage::

    .venv/bin/python benchmarks/desk_workflow.py                      # gun-violence corpus
    .venv/bin/python benchmarks/desk_workflow.py --generated 1000      # generated corpus
    .venv/bin/python benchmarks/desk_workflow.py --quick               # first 400 records

The records are split by a hash of their id: one in five arrives "the next morning". Day 1 is
ingested and diffed, and every conflict gets a decision (confirmed, dismissed, needs-check in
turn). Day 2 is ingested, then ``diff`` and ``diff --since <day-1 diff>`` run. It prints:

- the time of each step, of one library ``review()`` call (mean and max over all decisions)
  and of one ``claimcheck review`` process (start-up included);
- whether the decisions were kept: of the day-1 conflicts that the day-2 diff still reports,
  how many carry their decision, and how many of those changed id (a day-2 article joined
  their group) yet kept it;
- what ``--since`` reported: new conflicts and groups, and whether each involves a day-2 article;
- the cost of the review look-up when the ``reviews`` table is large: ``current_reviews`` and a
  full read of ``conflict_details`` with 10,000 extra decisions.

Nothing here is tuned: it measures the workflow, not the detector.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "gunviolence.jsonl"
sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.htmlreport import value_spans  # noqa: E402
from claimcheck.report import render_html  # noqa: E402
from claimcheck.reviews import STATUSES, current_reviews, review  # noqa: E402
from claimcheck.store import open_db  # noqa: E402


def _key(c: Any) -> tuple[str, ...]:
    sides = sorted([(c.a.id, c.a_value), (c.b.id, c.b_value)])
    return (c.kind, *sides[0], *sides[1])


def _records(args: argparse.Namespace) -> list[dict[str, Any]]:
    if args.generated:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from generate_corpus import generate

        records, _ = generate(args.generated, seed=0)
        return records
    with CORPUS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return records[:400] if args.quick else records


def _timed(fn: Any, *a: Any, **kw: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn(*a, **kw)
    return out, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--generated", type=int, default=0, help="use a generated corpus of N articles")
    parser.add_argument("--quick", action="store_true", help="only the first 400 real records")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "desk")
    args = parser.parse_args()
    records = _records(args)
    args.out.mkdir(parents=True, exist_ok=True)
    later = [r for r in records if int(hashlib.sha1(str(r["id"]).encode()).hexdigest(), 16) % 5 == 0]
    later_ids = {id(r) for r in later}
    first = [r for r in records if id(r) not in later_ids]
    day1, day2 = args.out / "day1.jsonl", args.out / "day2.jsonl"
    for path, recs in ((day1, first), (day2, later)):
        path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = args.out / "desk.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    name = f"generated {args.generated}" if args.generated else CORPUS.name + (" (first 400)" if args.quick else "")
    print(f"corpus: {name}: {len(first)} articles on day 1, {len(later)} on day 2")

    ing1, t_ing1 = _timed(claimcheck.ingest, [str(day1)], db)
    d1, t_d1 = _timed(claimcheck.diff, db)
    print(f"day 1: ingest {t_ing1:.1f} s ({ing1.articles} articles), diff {t_d1:.1f} s: "
          f"{len(d1.groups)} groups, {len(d1.conflicts)} conflicts")

    decided: dict[tuple[str, ...], str] = {}
    times = []
    for k, c in enumerate(d1.conflicts):
        status = STATUSES[k % 3]
        _, t = _timed(review, db, c.id, status, note=f"decision {k}", reviewer="bench")
        times.append(t)
        decided[_key(c)] = status
    if times:
        print(f"reviews: {len(times)} decisions, library review() mean {1000 * sum(times) / len(times):.1f} ms, "
              f"max {1000 * max(times):.1f} ms")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimcheck", "review", d1.conflicts[0].id[:8], "--confirm",
                        "--db", str(db)], check=True, capture_output=True, cwd=ROOT)
        print(f"one 'claimcheck review' process (start-up included): {time.perf_counter() - t:.2f} s")
        decided[_key(d1.conflicts[0])] = "confirmed"
    checked_run = d1.run_id

    ing2, t_ing2 = _timed(claimcheck.ingest, [str(day2)], db)
    # --since first: it is the morning's first diff, so 'the previous diff' is Monday's.
    since, t_since = _timed(claimcheck.diff, db, since=str(checked_run))
    fresh = set(since.new.articles) if since.new else set()
    involve = all(c.a.article_id in fresh or c.b.article_id in fresh for c in since.conflicts)
    print(f"diff --since run {checked_run}: {t_since:.1f} s; {len(fresh)} new articles, "
          f"{len(since.groups)} of {since.new.total_groups if since.new else 0} groups, {len(since.conflicts)} of "
          f"{since.new.total_conflicts if since.new else 0} conflicts shown ({since.hidden_dismissed} dismissed hidden); "
          f"every one involves a day-2 article: {involve}; "
          f"{since.new.earlier_appeared if since.new else 0} between day-1 articles appeared "
          "(not in the previous diff, left out)")
    d2, t_d2 = _timed(claimcheck.diff, db, include_dismissed=True)
    print(f"day 2: ingest {t_ing2:.1f} s ({ing2.articles} articles), diff --all {t_d2:.1f} s: "
          f"{len(d2.groups)} groups, {len(d2.conflicts)} conflicts")
    old_ids = {_key(c): c.id for c in d1.conflicts}
    still = [c for c in d2.conflicts if _key(c) in decided]
    kept = [c for c in still if d2.reviews.get(c.id) and d2.reviews[c.id].status == decided[_key(c)]]
    moved = [c for c in kept if c.id != old_ids[_key(c)]]
    print(f"decisions kept: {len(kept)} of {len(still)} day-1 conflicts still reported "
          f"({len(moved)} of them under a new id); {len(d1.conflicts) - len(still)} no longer reported")
    marked = 0
    for c in d2.conflicts:
        sides = [bool(value_spans(c.a, c.kind, c.a_value)), bool(value_spans(c.b, c.kind, c.b_value))]
        # A negation marks the denying words; the affirming side has nothing to mark.
        marked += any(sides) if c.kind == "negation" else all(sides)
    print(f"HTML report: the differing values are marked in the sentences of {marked} of "
          f"{len(d2.conflicts)} conflicts (negations: the denying words)")
    page, t_page = _timed(render_html, d2)
    print(f"HTML report of day 2 (--all): {1000 * t_page:.0f} ms, {len(page) / 1e6:.2f} MB")
    plain, t_plain = _timed(claimcheck.diff, db)
    print(f"diff (dismissed hidden): {t_plain:.1f} s, {len(plain.conflicts)} conflicts, "
          f"{plain.hidden_dismissed} dismissed hidden")

    big = args.out / "big-reviews.db"
    shutil.copy(db, big)
    conn = sqlite3.connect(big)
    with conn:
        conn.executemany(
            "INSERT INTO reviews (conflict_id, status, note, reviewer, reviewed_at, group_id, kind, claim_a, "
            "claim_b, a_value, b_value, explanation) VALUES (?, 'dismissed', NULL, 'bench', "
            "'2026-01-01T00:00:00Z', 'g', 'number', ?, ?, '1', '2', '')",
            [(f"xfake{i:07d}", f"claim-a-{i}", f"claim-b-{i}") for i in range(10_000)],
        )
    conn.close()
    handle = open_db(big, create=False)
    n_conf = handle.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    _, t_cur = _timed(current_reviews, handle)
    _, t_view = _timed(lambda: handle.execute("SELECT * FROM conflict_details").fetchall())
    handle.close()
    print(f"with 10,000 extra decisions: current_reviews {1000 * t_cur:.1f} ms, "
          f"conflict_details read {1000 * t_view:.1f} ms ({n_conf} conflicts)")


if __name__ == "__main__":
    main()
