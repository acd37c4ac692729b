"""Fact sheets on the gun-violence corpus: agreement with the incident records, conflicts.

    python benchmarks/facts.py TUNE.db [HELD.db ...] [--sample N] [--disagreements FILE]

Each DB is made by ``claimcheck ingest`` of a part of gunviolence.jsonl (the parts are split
by the SHA-1 of the incident id: ``int(sha1(event), 16) % 3 == 0`` is held out). For each DB
it builds the fact sheets with the pure functions (no database writes) and prints:

- per attribute, how often an article's fact sheet equals the incident's record
  (``facts``): killed, injured, date (the article's one event date), city (one of the
  places the article names for the event), age (participants with a name and an age: the
  age the article gives the entity of that name); coverage (articles or participants with a
  value) and accuracy among those;
- fact-sheet conflicts per 100 articles, by attribute, how many are updates, and how many
  pair articles of different incidents (must be 0);
- with ``--disagreements``: recall of the hand-read real disagreements whose articles are in
  the DB, by kind (spelling variants left out: they are not conflicts), counting one as found
  when a fact-sheet conflict joins claims overlapping both sides' sentences;
- with ``--sample N``: N conflicts (seeded shuffle) written to benchmarks/out/facts_sample_*.txt
  for reading by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import sqlite_utils

from claimcheck.compare.facts import build_fact_sheets
from claimcheck.compare.text import name_overlap, prepare
from claimcheck.differ import load_claims


def _single(values: list[str]) -> str | None:
    distinct = sorted(set(values))
    return distinct[0] if len(distinct) == 1 else None


def evaluate(path: str, disagreements: list[dict[str, object]] | None, sample: int) -> None:
    db = sqlite_utils.Database(path)
    facts: dict[str, dict[str, object]] = {}
    event_of: dict[str, str] = {}
    external: dict[str, str] = {}
    for row in db.query("SELECT id, external_id, extra FROM articles"):
        if row["external_id"]:
            external[row["external_id"]] = row["id"]
        extra = json.loads(row["extra"] or "{}")
        if "event" in extra:
            event_of[row["id"]] = extra["event"]
            if "facts" in extra:
                facts[extra["event"]] = extra["facts"]
    claims = load_claims(db)
    prepare(claims)
    started = time.perf_counter()
    sheets = build_fact_sheets(claims)
    seconds = time.perf_counter() - started
    n_articles = len({c.article_id for c in claims})
    print(f"== {path}: {n_articles} articles, {len(facts)} incidents; fact sheets in {seconds:.1f} s; "
          f"{len(sheets.attributes)} attributes")
    per_article: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ages: dict[tuple[str, str], list[str]] = defaultdict(list)  # (article, subject_name) -> ages
    for a in sheets.attributes:
        per_article[a.article_id][a.attribute].append(a.value if a.attribute != "date" or a.lo is None
                                                      else dt.date.fromordinal(int(a.lo)).isoformat())
        if a.attribute == "age" and a.subject:
            ages[(a.article_id, a.subject_name)].append(a.value)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for art, event in event_of.items():
        f = facts.get(event)
        if f is None:
            continue
        sheet = per_article.get(art, {})
        for attr in ("killed", "injured"):
            tally[attr]["articles"] += 1
            value = _single(sheet.get(attr, []))
            if value is not None:
                tally[attr]["stated"] += 1
                tally[attr]["equal"] += int(value) == f.get(attr)
        tally["date"]["articles"] += 1
        date = _single(sheet.get("date", []))
        if date is not None:
            tally["date"]["stated"] += 1
            tally["date"]["equal"] += date == f.get("date")
        tally["city"]["articles"] += 1
        places = sheet.get("place", [])
        if places and f.get("city"):
            tally["city"]["stated"] += 1
            tally["city"]["equal"] += any(p.lower() == str(f["city"]).lower() for p in places)
        for p in f.get("participants", []) or []:  # type: ignore[union-attr]
            if not isinstance(p, dict) or not p.get("name") or p.get("age") is None:
                continue
            tally["age"]["articles"] += 1
            found = [v for (aid, name), vs in ages.items() if aid == art
                     and (name.lower() == str(p["name"]).lower()
                          or (len(name.split()) > 1 and name_overlap(name, str(p["name"]))
                              and name.split()[-1].lower() == str(p["name"]).split()[-1].lower()))
                     for v in vs]
            value = _single(found)
            if value is not None:
                tally["age"]["stated"] += 1
                tally["age"]["equal"] += int(value) == p["age"]
    for attr in ("age", "killed", "injured", "date", "city"):
        t = tally[attr]
        stated, equal, total = t["stated"], t["equal"], t["articles"]
        unit = "participants" if attr == "age" else "articles"
        print(f"  {attr:8s} stated in {stated}/{total} {unit} ({stated / max(total, 1):.0%}); "
              f"equal to the record: {equal}/{stated} ({equal / max(stated, 1):.1%})")
    conflicts = sheets.conflicts
    cross = [c for c in conflicts if event_of.get(c.a.article_id) != event_of.get(c.b.article_id)]
    by_attr = Counter(c.attribute for c in conflicts)
    updates = sum(c.update for c in conflicts)
    selfc = sum(c.a.article_id == c.b.article_id for c in conflicts)
    print(f"  conflicts: {len(conflicts)} ({100 * len(conflicts) / max(n_articles, 1):.1f} per 100 "
          f"articles); updates {updates}; inside one article {selfc}; between different incidents "
          f"{len(cross)}")
    print("  by attribute: " + ", ".join(f"{k} {v}" for k, v in by_attr.most_common()))
    if disagreements is not None:
        _recall(disagreements, conflicts, external)
    if sample:
        out = Path(__file__).resolve().parent / "out"
        out.mkdir(exist_ok=True)
        picked = list(conflicts)
        random.Random(13).shuffle(picked)
        lines = []
        for k, c in enumerate(picked[:sample]):
            lines.append(f"[{k}] {c.kind}/{c.attribute} conf {c.confidence} "
                         f"{'UPDATE ' if c.update else ''}{c.a.published} -> {c.b.published} "
                         f"same-incident={event_of.get(c.a.article_id) == event_of.get(c.b.article_id)}")
            lines.append(f"    A: {c.a_value} | {c.a.text}")
            lines.append(f"    B: {c.b_value} | {c.b.text}")
        name = Path(path).stem
        (out / f"facts_sample_{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"  sample of {min(sample, len(picked))} written to benchmarks/out/facts_sample_{name}.txt")


def _recall(items: list[dict[str, object]], conflicts: list, external: dict[str, str]) -> None:
    articles = set(external)

    def overlaps(claim: object, side: dict[str, object]) -> bool:
        return (claim.article_id == external.get(str(side["article"]))  # type: ignore[attr-defined]
                and claim.start < int(side["end"]) and int(side["start"]) < claim.end)  # type: ignore[attr-defined, arg-type]

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for held in (False, True):
        for d in items:
            a, b = d["a"], d["b"]
            assert isinstance(a, dict) and isinstance(b, dict)
            if d.get("spelling") or a["article"] not in articles or b["article"] not in articles:
                continue
            if bool(d.get("held_out")) != held:
                continue
            key = f"{'held-out' if held else 'tuning'} {d['kind']}"
            total[key] += 1
            if any((overlaps(c.a, a) and overlaps(c.b, b)) or (overlaps(c.a, b) and overlaps(c.b, a))
                   for c in conflicts):
                found[key] += 1
    for key in sorted(total):
        print(f"  real disagreements {key}: found {found[key]}/{total[key]}")
    for part in ("tuning", "held-out"):
        n = sum(v for k, v in total.items() if k.startswith(part))
        f = sum(v for k, v in found.items() if k.startswith(part))
        if n:
            print(f"  real disagreements {part} (no spelling): {f}/{n} ({f / n:.0%})")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dbs", nargs="+")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--disagreements")
    args = parser.parse_args(argv)
    items = None
    if args.disagreements and Path(args.disagreements).exists():
        raw = json.loads(Path(args.disagreements).read_text(encoding="utf-8"))
        held = {i["event"] for i in raw.get("incidents", []) if i.get("held_out")}
        items = [dict(d, held_out=d["event"] in held) for d in raw["disagreements"]]
    for path in args.dbs:
        evaluate(path, items, args.sample)


if __name__ == "__main__":
    main(sys.argv[1:])
