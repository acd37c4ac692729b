"""Stories: article clustering against event labels, and claim groups that mix events.

    python benchmarks/stories.py DB [--threshold T]

DB is a database made by ingesting corpora whose JSONL records carry an ``event`` (e.g.
/work/shared/corpora/gunviolence.jsonl and newswcl50.jsonl; both may be in one database).
Events are split in two by a hash of their id: ``tune`` (the half the thresholds were chosen
on) and ``held-out`` (never looked at while tuning); every figure is printed for both.

Printed per corpus (the prefix of the event id) and part:
- story clustering, B-cubed precision / recall / F1 over articles, and the share of predicted
  stories whose articles are exactly one event (and of events recovered exactly);
- claim groups without stories (the affinity gate alone: "before") and with them ("after"):
  how many groups, how many mix articles of different events, how many groups lie inside one
  event, and how many claim pairs of one event are grouped together;
- the time of the pure steps (stories, groups) on the whole database.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlite_utils

from claimcheck.compare.groups import find_groups
from claimcheck.compare.model import Group
from claimcheck.compare.stories import STORY_THRESHOLD, find_stories
from claimcheck.compare.text import prepare
from claimcheck.differ import load_claims


def part_of(event: str) -> str:
    """``tune`` or ``held-out``, by a hash of the event id (fixed, independent of content)."""
    return "tune" if int(hashlib.sha1(event.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def corpus_of(event: str) -> str:
    return event.split("-")[0]


def bcubed(pred: dict[str, str], gold: dict[str, str], items: Iterable[str]) -> tuple[float, float]:
    """B-cubed precision and recall of ``pred`` against ``gold`` over ``items``.

    Clusters are taken over all articles (a predicted story may hold articles of the other
    part); the averages run over ``items`` only.
    """
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for a, s in pred.items():
        if a in gold:
            pred_members[s].add(a)
    for a, e in gold.items():
        gold_members[e].add(a)
    p = r = 0.0
    n = 0
    for a in items:
        mine = pred_members[pred[a]]
        theirs = gold_members[gold[a]]
        both = len(mine & theirs)
        p += both / len(mine)
        r += both / len(theirs)
        n += 1
    return (p / n, r / n) if n else (0.0, 0.0)


def group_figures(groups: list[Group], event_of: dict[str, str], part: str, corpus: str) -> dict[str, float]:
    """Groups touching this corpus and part: count, mixed, one-event groups, within-event pairs."""
    total = mixed = inside = 0
    pairs = 0
    for g in groups:
        events = {event_of.get(c.article_id) for c in g.claims}
        events.discard(None)
        mine = {e for e in events if e is not None and corpus_of(e) == corpus and part_of(e) == part}
        if not mine:
            continue
        total += 1
        if len(events) > 1:
            mixed += 1
        else:
            inside += 1
        per_event: Counter[str] = Counter()
        for c in g.claims:
            e = event_of.get(c.article_id)
            if e in mine:
                per_event[e] += 1
        pairs += sum(n * (n - 1) // 2 for n in per_event.values())
    return {"groups": total, "mixed": mixed, "inside": inside, "pairs": pairs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("--threshold", type=float, default=STORY_THRESHOLD)
    parser.add_argument("--no-groups", action="store_true", help="only story clustering")
    args = parser.parse_args()
    db = sqlite_utils.Database(args.db)
    event_of: dict[str, str] = {}
    articles = []
    for row in db.query("SELECT id, title, outlet, published, extra FROM articles"):
        extra = json.loads(row["extra"] or "{}")
        articles.append((row["id"], row["title"], row["outlet"], row["published"]))
        if "event" in extra:
            event_of[row["id"]] = str(extra["event"])
    claims = load_claims(db)
    prepare(claims)
    t0, c0 = time.perf_counter(), time.process_time()
    assignment, _ = find_stories(claims, articles, threshold=args.threshold)
    t_stories, c_stories = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(event_of)} labelled articles, {len(claims)} claims; stories in {t_stories:.1f} s "
          f"wall, {c_stories:.1f} s CPU (threshold {args.threshold})")
    corpora = sorted({corpus_of(e) for e in event_of.values()})
    print("\nStory clustering (B-cubed over articles)")
    print(f"{'corpus':12} {'part':9} {'articles':>8} {'events':>6} {'stories':>7} {'P':>6} {'R':>6} "
          f"{'F1':>6} {'pure':>6} {'exact':>6}")
    for corpus in corpora:
        for part in ("tune", "held-out", "all"):
            items = [a for a, e in event_of.items()
                     if corpus_of(e) == corpus and (part == "all" or part_of(e) == part)]
            if not items:
                continue
            p, r = bcubed(assignment, event_of, items)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            events = {event_of[a] for a in items}
            story_members: dict[str, set[str]] = defaultdict(set)
            for a, s in assignment.items():
                if a in event_of:
                    story_members[s].add(a)
            event_members: dict[str, set[str]] = defaultdict(set)
            for a, e in event_of.items():
                event_members[e].add(a)
            stories = {assignment[a] for a in items}
            pure = sum(1 for s in stories if len({event_of[a] for a in story_members[s]}) == 1)
            exact = sum(1 for e in events if event_members[e] in (story_members[assignment[a]]
                                                                  for a in event_members[e]))
            print(f"{corpus:12} {part:9} {len(items):8} {len(events):6} {len(stories):7} {p:6.3f} "
                  f"{r:6.3f} {f1:6.3f} {pure / len(stories):6.3f} {exact / len(events):6.3f}")
    print("  pure: share of predicted stories whose articles are all one event; "
          "exact: share of events that are exactly one predicted story")
    if args.no_groups:
        return
    c0 = time.process_time()
    before, _ = find_groups(claims)
    c_before = time.process_time() - c0
    c0 = time.process_time()
    after, _ = find_groups(claims, stories=assignment)
    c_after = time.process_time() - c0
    print(f"\nClaim groups: before (no stories) {len(before)} groups in {c_before:.1f} s CPU; "
          f"after (stories) {len(after)} groups in {c_after:.1f} s CPU (+ {c_stories:.1f} s stories)")
    print(f"{'corpus':12} {'part':9} {'groups':>13} {'mixed':>13} {'mixed %':>13} "
          f"{'one-event':>13} {'event pairs':>15}")
    for corpus in corpora:
        for part in ("tune", "held-out"):
            b = group_figures(before, event_of, part, corpus)
            a = group_figures(after, event_of, part, corpus)
            if not b["groups"] and not a["groups"]:
                continue

            def pct(x: dict[str, float]) -> float:
                return 100 * x["mixed"] / x["groups"] if x["groups"] else 0.0

            print(f"{corpus:12} {part:9} {b['groups']:>6}->{a['groups']:<6} "
                  f"{b['mixed']:>6}->{a['mixed']:<6} {pct(b):>5.1f}->{pct(a):<5.1f}  "
                  f"{b['inside']:>6}->{a['inside']:<6} {b['pairs']:>7}->{a['pairs']:<7}")
    print("  mixed: groups with claims of two or more events; one-event: groups inside one event; "
          "event pairs: claim pairs of one event grouped together")
    mixed = [g for g in after if len({event_of.get(c.article_id) for c in g.claims}) > 1]
    if mixed:
        print("\nExamples of groups that still mix events (after):")
        for g in mixed[:8]:
            n_events = len({event_of.get(c.article_id) for c in g.claims})
            print(f"  {n_events} events, {len(g.claims)} claims: {g.claims[0].text[:100]!r}")
    cross = [c for g in after for c in g.conflicts
             if event_of.get(c.a.article_id) != event_of.get(c.b.article_id)]
    n_conf_before = sum(len(g.conflicts) for g in before)
    n_conf_after = sum(len(g.conflicts) for g in after)
    print(f"\nConflicts: before {n_conf_before}, after {n_conf_after}; "
          f"between different events after: {len(cross)}")


if __name__ == "__main__":
    main()
