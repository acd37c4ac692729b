"""The diff step with its database work: load claims, run the pure comparison, store.

:mod:`claimcheck.compare` decides; this module reads the claims from SQLite, records the run,
stores groups and conflicts and refreshes the Datasette views.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils

from .compare.groups import DEFAULT_THRESHOLD, find_groups
from .compare.model import ClaimRecord, Conflict, DiffResult, Group, Slot
from .compare.text import short
from .compare.verdicts import DEFAULT_MIN_CONFIDENCE
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
) -> DiffResult:
    """Compare the stored claims across articles, store groups and conflicts, return them.

    Re-running replaces the previous result; IDs are stable for the same input.

    :param db_path: the database made by :func:`claimcheck.ingest`
    :param kinds: only report conflicts of these kinds (date, number, entity, place, negation)
    :param threshold: similarity (0..1) that claims need to be grouped
    :param min_confidence: conflicts below this confidence (0..1) are not reported
    :raises NoDatabase: the database does not exist
    """
    started = time.perf_counter()
    db = open_db(db_path, create=False)
    try:
        from . import __version__

        run_id = start_run(db, "diff", __version__, {
            "kinds": list(kinds or []), "threshold": threshold, "min_confidence": min_confidence,
        })
        claims = load_claims(db)
        groups, n_pairs = find_groups(
            claims, threshold=threshold, min_confidence=min_confidence
        )
        wanted = set(kinds) if kinds else None
        conflicts = sorted(
            (c for g in groups for c in g.conflicts if wanted is None or c.kind in wanted),
            key=lambda c: (-c.confidence, c.id),
        )
        _store(db, groups, conflicts, run_id)
        refresh_views(db)
        articles = [
            {"id": r[0], "source": r[1], "title": r[2], "outlet": r[3], "published": r[4]}
            for r in db.execute(
                "SELECT id, source, title, outlet, published FROM articles ORDER BY rowid"
            )
        ]
        seconds = time.perf_counter() - started
        finish_run(db, run_id, seconds, {
            "claims": len(claims), "candidate_pairs": n_pairs, "groups": len(groups),
            "conflicts": len(conflicts),
        })
    finally:
        db.close()
    return DiffResult(
        run_id=run_id, groups=groups, conflicts=conflicts, articles=articles,
        claims_compared=len(claims), candidate_pairs=n_pairs, seconds=seconds,
    )


def _store(
    db: sqlite_utils.Database, groups: list[Group], conflicts: list[Conflict], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM conflicts")
        db.execute("DELETE FROM group_claims")
        db.execute("DELETE FROM claim_groups")
        db.conn.executemany(
            "INSERT INTO claim_groups (id, verdict, size, n_articles, n_outlets, "
            "representative_claim_id, label, run_id) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    g.id, g.verdict, len(g.claims), len({c.article_id for c in g.claims}),
                    len({c.outlet for c in g.claims if c.outlet}), _representative(g).id,
                    short(_representative(g).text, 120), run_id,
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
            "explanation, run_id, confidence, is_update) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (c.id, c.group_id, c.kind, c.a.id, c.b.id, c.a_value, c.b_value, c.explanation,
                 run_id, c.confidence, int(c.update))
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
