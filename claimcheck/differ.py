"""The diff step with its database work: load claims, run the pure comparison, store.

:mod:`claimcheck.compare` decides; this module reads the claims from SQLite, records the run,
stores groups and conflicts and refreshes the Datasette views.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils

from .compare.groups import DEFAULT_THRESHOLD, find_groups
from .compare.model import ClaimRecord, Conflict, DiffResult, Group, Slot, Story
from .compare.stories import find_stories
from .compare.text import prepare, short
from .compare.verdicts import DEFAULT_MIN_CONFIDENCE
from .errors import InvalidOption
from .store import finish_run, open_db, start_run, transaction
from .views import refresh_views


def load_claims(db: sqlite_utils.Database) -> list[ClaimRecord]:
    """Every claim of a non-boilerplate sentence, with its slots, in a stable order."""
    claims: dict[str, ClaimRecord] = {}
    sql = """
        SELECT c.id, c.article_id, a.source, a.outlet, c.start, c.end, c.text, c.normalized,
               c.polarity, c.modality, c.speaker, c.tense, a.published
        FROM claims c
        JOIN sentences s ON s.id = c.sentence_id
        JOIN articles a ON a.id = c.article_id
        WHERE s.is_boilerplate = 0
        ORDER BY c.article_id, c.start, c.id
    """
    for row in db.execute(sql):
        claims[row[0]] = ClaimRecord(*row)
    for row in db.execute(
        "SELECT claim_id, kind, surface, value, lo, hi, unit, entity_id, start, end FROM mentions "
        "ORDER BY claim_id, start, id"
    ):
        claim = claims.get(row[0])
        if claim is not None:
            claim.slots.append(Slot(*row[1:]))
    return list(claims.values())

def diff(
    db_path: str | Path = "claimcheck.db",
    *,
    kinds: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    story: str | None = None,
) -> DiffResult:
    """Cluster articles into stories, compare the stored claims across articles, store
    stories, groups and conflicts, return them.

    Re-running replaces the previous result; IDs are stable for the same input (a story's id
    comes from its earliest article, so it survives new articles joining it).

    :param db_path: the database made by :func:`claimcheck.ingest`
    :param kinds: only report conflicts of these kinds (date, number, entity, place, negation)
    :param threshold: similarity (0..1) that claims need to be grouped
    :param min_confidence: conflicts below this confidence (0..1) are not reported
    :param story: limit the returned report to this story (id or id prefix); everything is
        still compared and stored
    :raises NoDatabase: the database does not exist
    :raises InvalidOption: ``story`` matches no story or several
    """
    started = time.perf_counter()
    db = open_db(db_path, create=False)
    try:
        from . import __version__

        run_id = start_run(db, "diff", __version__, {
            "kinds": list(kinds or []), "threshold": threshold, "min_confidence": min_confidence,
        })
        claims = load_claims(db)
        articles = [
            {"id": r[0], "source": r[1], "title": r[2], "outlet": r[3], "published": r[4]}
            for r in db.execute(
                "SELECT id, source, title, outlet, published FROM articles ORDER BY rowid"
            )
        ]
        prepare(claims)
        story_of, stories = find_stories(
            claims, [(a["id"], a["title"], a["outlet"], a["published"]) for a in articles]
        )
        groups, n_pairs = find_groups(
            claims, threshold=threshold, min_confidence=min_confidence, stories=story_of,
            prepared=True,
        )
        wanted = set(kinds) if kinds else None
        conflicts = sorted(
            (c for g in groups for c in g.conflicts if wanted is None or c.kind in wanted),
            key=lambda c: (-c.confidence, c.id),
        )
        _count(stories, groups, conflicts)
        _store(db, groups, conflicts, run_id)
        _store_stories(db, stories, story_of, run_id)
        shared = shared_claims(groups)
        _store_story_outlets(db, story_outlets(claims, shared, conflicts), run_id)
        _store_claim_stories(db, claims, shared, run_id)
        refresh_views(db)
        for a in articles:
            a["story"] = story_of.get(a["id"])
        seconds = time.perf_counter() - started
        finish_run(db, run_id, seconds, {
            "claims": len(claims), "candidate_pairs": n_pairs, "groups": len(groups),
            "conflicts": len(conflicts), "stories": len(stories),
        })
    finally:
        db.close()
    result = DiffResult(
        run_id=run_id, groups=groups, conflicts=conflicts, articles=articles,
        claims_compared=len(claims), candidate_pairs=n_pairs, seconds=seconds, stories=stories,
    )
    return only_story(result, story) if story else result


def pick_story(stories: Sequence[Story], prefix: str) -> Story:
    """The one story whose id starts with ``prefix``.

    :raises InvalidOption: no story or several match
    """
    prefix = prefix.strip()
    hits = [s for s in stories if s.id.startswith(prefix)] if prefix else []
    if not hits:
        raise InvalidOption(
            f"no story with id {prefix!r}; run 'claimcheck stories' to list the story ids"
        )
    if len(hits) > 1:
        raise InvalidOption(
            f"story id {prefix!r} matches {len(hits)} stories; give more characters of the id"
        )
    return hits[0]


def only_story(result: DiffResult, prefix: str) -> DiffResult:
    """The report limited to one story: its articles, the groups that touch it, its conflicts.

    :raises InvalidOption: ``prefix`` matches no story or several
    """
    story = pick_story(result.stories, prefix)
    members = set(story.article_ids)
    return DiffResult(
        run_id=result.run_id,
        groups=[g for g in result.groups if any(c.article_id in members for c in g.claims)],
        conflicts=[c for c in result.conflicts if c.story_id == story.id],
        articles=[a for a in result.articles if a["id"] in members],
        claims_compared=result.claims_compared, candidate_pairs=result.candidate_pairs,
        seconds=result.seconds, stories=[story],
    )


def _count(stories: list[Story], groups: list[Group], conflicts: list[Conflict]) -> None:
    n_groups: Counter[str] = Counter(g.story_id for g in groups if g.story_id)
    n_conflicts: Counter[str] = Counter(c.story_id for c in conflicts if c.story_id)
    for s in stories:
        s.n_groups = n_groups[s.id]
        s.n_conflicts = n_conflicts[s.id]


def _store_stories(
    db: sqlite_utils.Database, stories: list[Story], story_of: dict[str, str], run_id: int
) -> None:
    with transaction(db):
        db.execute("UPDATE articles SET story_id = NULL")
        db.execute("DELETE FROM story_outlets")
        db.execute("DELETE FROM claim_stories")
        db.execute("DELETE FROM stories")
        db.conn.executemany(
            "INSERT INTO stories (id, headline, first_published, last_published, outlets, "
            "n_articles, n_outlets, n_groups, n_conflicts, run_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (s.id, s.headline, s.first_published, s.last_published, ", ".join(s.outlets),
                 len(s.article_ids), len(s.outlets), s.n_groups, s.n_conflicts, run_id)
                for s in stories
            ],
        )
        db.conn.executemany(
            "UPDATE articles SET story_id = ? WHERE id = ?",
            [(sid, aid) for aid, sid in story_of.items()],
        )


def _who(claim: ClaimRecord) -> str:
    # An article without an outlet counts as an outlet of its own.
    return claim.outlet or f"({claim.article_id})"


def shared_claims(groups: Sequence[Group]) -> set[str]:
    """Ids of the claims whose group holds a claim of another outlet (an article without an
    outlet counts as an outlet of its own)."""
    shared: set[str] = set()
    for g in groups:
        whos = {_who(c) for c in g.claims}
        if len(whos) > 1:
            for c in g.claims:
                if any(_who(o) != _who(c) for o in g.claims):
                    shared.add(c.id)
    return shared


def story_outlets(
    claims: Sequence[ClaimRecord], shared: set[str], conflicts: Sequence[Conflict]
) -> list[tuple[str, str, int, int, int, int, int]]:
    """Per story and outlet: (story, outlet, articles, claims, shared, single-outlet, conflicts).

    A claim is shared when it is in ``shared`` (see :func:`shared_claims`); otherwise only
    this outlet made it. Articles without an outlet are shown as "(no outlet)".
    """
    articles: dict[tuple[str, str], set[str]] = {}
    counts: dict[tuple[str, str], list[int]] = {}
    for c in claims:
        if c.story_id is None:
            continue
        key = (c.story_id, c.outlet or "(no outlet)")
        articles.setdefault(key, set()).add(c.article_id)
        row = counts.setdefault(key, [0, 0, 0, 0])
        row[0] += 1
        row[1 if c.id in shared else 2] += 1
    for x in conflicts:
        if x.story_id is None:
            continue
        for outlet in {x.a.outlet or "(no outlet)", x.b.outlet or "(no outlet)"}:
            if (x.story_id, outlet) in counts:
                counts[(x.story_id, outlet)][3] += 1
    rows = []
    for sid, outlet in sorted(counts):
        n, n_shared, n_single, n_conflicts = counts[(sid, outlet)]
        rows.append((sid, outlet, len(articles[(sid, outlet)]), n, n_shared, n_single, n_conflicts))
    return rows


def _store_claim_stories(
    db: sqlite_utils.Database, claims: Sequence[ClaimRecord], shared: set[str], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM claim_stories")
        db.conn.executemany(
            "INSERT INTO claim_stories (claim_id, story_id, outlet, coverage, run_id) "
            "VALUES (?,?,?,?,?)",
            [
                (c.id, c.story_id, c.outlet or "(no outlet)",
                 "shared" if c.id in shared else "only this outlet", run_id)
                for c in claims if c.story_id is not None
            ],
        )


def _store_story_outlets(
    db: sqlite_utils.Database, rows: list[tuple[str, str, int, int, int, int, int]], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM story_outlets")
        db.conn.executemany(
            "INSERT INTO story_outlets (story_id, outlet, articles, claims, shared_claims, "
            "single_outlet_claims, conflicts, run_id) VALUES (?,?,?,?,?,?,?,?)",
            [(*r, run_id) for r in rows],
        )


def article_stories(db_path: str | Path = "claimcheck.db") -> dict[str, str]:
    """Article id -> story id as stored by the last ``diff`` (articles ingested since then
    have none until ``diff`` runs again).

    :raises NoDatabase: the database does not exist
    """
    db = open_db(db_path, create=False)
    try:
        return {
            r[0]: r[1]
            for r in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL")
        }
    finally:
        db.close()


def list_stories(db_path: str | Path = "claimcheck.db") -> list[Story]:
    """The stories stored by the last ``diff``, biggest first.

    :raises NoDatabase: the database does not exist
    """
    db = open_db(db_path, create=False)
    try:
        members: dict[str, list[str]] = {}
        for aid, sid in db.execute(
            "SELECT id, story_id FROM articles WHERE story_id IS NOT NULL "
            "ORDER BY coalesce(published, '9999'), id"
        ):
            members.setdefault(sid, []).append(aid)
        return [
            Story(
                id=r[0], article_ids=members.get(r[0], []), headline=r[1] or "",
                first_published=r[2], last_published=r[3],
                outlets=[o for o in (r[4] or "").split(", ") if o], n_groups=r[5] or 0,
                n_conflicts=r[6] or 0,
            )
            for r in db.execute(
                "SELECT id, headline, first_published, last_published, outlets, n_groups, "
                "n_conflicts FROM stories ORDER BY n_articles DESC, "
                "coalesce(first_published, '9999'), id"
            )
        ]
    finally:
        db.close()


def _store(
    db: sqlite_utils.Database, groups: list[Group], conflicts: list[Conflict], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM conflicts")
        db.execute("DELETE FROM group_claims")
        db.execute("DELETE FROM claim_groups")
        db.conn.executemany(
            "INSERT INTO claim_groups (id, verdict, size, n_articles, n_outlets, "
            "representative_claim_id, label, run_id, story_id) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    g.id, g.verdict, len(g.claims), len({c.article_id for c in g.claims}),
                    len({c.outlet for c in g.claims if c.outlet}), _representative(g).id,
                    short(_representative(g).text, 120), run_id, g.story_id,
                )
                for g in groups
            ],
        )
        db.conn.executemany(
            "INSERT INTO group_claims (group_id, claim_id, article_id, score) VALUES (?,?,?,?)",
            [(g.id, c.id, c.article_id, None) for g in groups for c in g.claims],
        )
        db.conn.executemany(
            "INSERT INTO conflicts (id, group_id, kind, claim_a, claim_b, a_value, b_value, "
            "explanation, run_id, confidence, is_update, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (c.id, c.group_id, c.kind, c.a.id, c.b.id, c.a_value, c.b_value, c.explanation,
                 run_id, c.confidence, int(c.update), c.story_id)
                for c in conflicts
            ],
        )


def _representative(group: Group) -> ClaimRecord:
    """The claim with most words in common with the rest of its group."""
    best = max(
        group.claims,
        key=lambda c: (sum(len(c.words & o.words) for o in group.claims if o is not c), -len(c.text)),
    )
    return best
