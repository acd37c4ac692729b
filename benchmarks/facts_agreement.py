"""How often claimcheck's normalised claims agree with the gun-violence corpus's facts.

    python benchmarks/facts_agreement.py DB        # a database made by ingesting gunviolence.jsonl

For every incident (the `event` of its articles) it checks whether some article has a claim
with: a quantity equal to `facts.killed` (with a death word near it), one equal to
`facts.injured` (with an injury word), a day-granularity date equal to `facts.date`, and a
place entity whose name is `facts.city`; and, for participants named in two or more articles
of their incident, whether their surname mentions resolve to one entity across those articles.
Prints one line per figure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict

import sqlite_utils

DEATH = re.compile(r"\b(kill\w*|dead|died|dies|death|deaths|fatal\w*|slain|murder\w*|homicide)\b", re.I)
INJURY = re.compile(r"\b(injur\w*|wound\w*|hurt|shot|hospital\w*)\b", re.I)


def main(path: str) -> None:
    db = sqlite_utils.Database(path)
    facts: dict[str, dict[str, object]] = {}
    event_of: dict[str, str] = {}
    for row in db.query("SELECT id, extra FROM articles"):
        extra = json.loads(row["extra"] or "{}")
        if "facts" in extra and "event" in extra:
            facts[extra["event"]] = extra["facts"]
            event_of[row["id"]] = extra["event"]
    hits: dict[str, set[str]] = defaultdict(set)
    sql = ("SELECT m.article_id, m.kind, m.value, m.lo, m.hi, m.unit, c.text, e.name "
           "FROM mentions m JOIN claims c ON c.id = m.claim_id LEFT JOIN entities e ON e.id = m.entity_id")
    for aid, kind, value, lo, hi, unit, text, ename in db.execute(sql):
        event = event_of.get(aid)
        if event is None:
            continue
        f = facts[event]
        if kind == "quantity" and lo is not None and lo == hi and (unit or "").startswith("count"):
            if lo == f.get("killed") and DEATH.search(text):
                hits["killed"].add(event)
            if lo == f.get("injured") and INJURY.search(text):
                hits["injured"].add(event)
        elif kind == "date" and (unit or "").startswith("day") and lo is not None:
            if dt.date.fromordinal(int(lo)).isoformat() == f.get("date"):
                hits["date"].add(event)
        elif (
            kind in ("place", "other", "org", "person")
            and f.get("city")
            and (ename or value or "").lower() == str(f["city"]).lower()
        ):
            hits["city"].add(event)
    n = len(facts)
    with_killed = sum(1 for f in facts.values() if f.get("killed"))
    with_injured = sum(1 for f in facts.values() if f.get("injured"))
    with_city = sum(1 for f in facts.values() if f.get("city"))
    print(f"incidents: {n}")
    print(f"killed count (incidents with killed > 0): {len(hits['killed'])}/{with_killed} = {len(hits['killed']) / max(with_killed, 1):.1%}")
    print(f"injured count (incidents with injured > 0): {len(hits['injured'])}/{with_injured} = {len(hits['injured']) / max(with_injured, 1):.1%}")
    print(f"incident date (day): {len(hits['date'])}/{n} = {len(hits['date']) / n:.1%}")
    print(f"city as an entity: {len(hits['city'])}/{with_city} = {len(hits['city']) / max(with_city, 1):.1%}")
    # participants: surname mentions across the incident's articles
    linked = total = 0
    ents: dict[tuple[str, str], set[str]] = defaultdict(set)
    arts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for aid, value, eid in db.execute(
        "SELECT article_id, value, entity_id FROM mentions WHERE kind IN ('person', 'other')"
    ):
        event = event_of.get(aid)
        if event is None or not value:
            continue
        surname = value.split()[-1].lower()
        ents[(event, surname)].add(eid)
        arts[(event, surname)].add(aid)
    for event, f in facts.items():
        for p in f.get("participants") or []:  # type: ignore[union-attr]
            name = (p.get("name") or "").strip()
            if not name:
                continue
            key = (event, name.split()[-1].lower())
            if len(arts.get(key, ())) < 2:
                continue
            total += 1
            linked += len(ents[key]) == 1
    print(f"participants named in 2+ articles whose mentions form one entity: {linked}/{total} = {linked / max(total, 1):.1%}")


if __name__ == "__main__":
    main(sys.argv[1])
