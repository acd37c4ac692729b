"""The desk's decisions on conflicts, stored in the ``reviews`` table.

Every decision is a new row; the latest one wins, and the history stays. A decision is
made on a conflict id, but it also carries the conflict's two claims, kind and values: a
conflict id hashes its group, and a group's id changes when an article ingested later
joins it ("Monday's 12 dead vs 14 dead" becomes a group of three). The decision then still
applies, because the same two claims disagree on the same values. A decision on a conflict
that a later run no longer reports is kept and shows again if the conflict comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from .errors import AmbiguousConflict, InvalidOption, UnknownConflict
from .store import now_iso, open_db, transaction

#: SQL for the id of the latest review that applies to the conflict row aliased ``c``: one
#: made on its id, or one made on the same two claims, kind and values (either order).
#: A fixed string; the views in :mod:`claimcheck.views` use it too.
LATEST_REVIEW_ID = """(SELECT max(x.id) FROM reviews x
   WHERE x.conflict_id = c.id
      OR (x.claim_a = c.claim_a AND x.claim_b = c.claim_b AND x.kind = c.kind
          AND x.a_value = c.a_value AND x.b_value = c.b_value)
      OR (x.claim_a = c.claim_b AND x.claim_b = c.claim_a AND x.kind = c.kind
          AND x.a_value = c.b_value AND x.b_value = c.a_value))"""


#: The decisions a desk can record on a conflict.
STATUSES = ("confirmed", "dismissed", "needs-check")
#: The status of a conflict nobody has decided on yet.
UNREVIEWED = "unreviewed"


@dataclass(frozen=True, slots=True)
class ReviewState:
    """The latest decision on one conflict."""

    status: str
    note: str | None
    reviewer: str | None
    reviewed_at: str
    #: the conflict id the decision was made on (differs from the current id when a new
    #: article joined the conflict's group since)
    reviewed_as: str
    review_id: int


@dataclass(slots=True)
class Review:
    """A stored decision, with the conflict it was made on."""

    id: int
    conflict_id: str
    status: str
    note: str | None
    reviewer: str | None
    reviewed_at: str
    kind: str | None
    a_value: str | None
    b_value: str | None
    explanation: str | None
    #: the id the conflict has in the latest diff, or None when that diff does not report it
    current_id: str | None = None
    #: how many decisions were recorded on this conflict (this one included)
    decisions: int = 1


def conflict_key(kind: str | None, claim_a: str | None, claim_b: str | None,
                 a_value: str | None, b_value: str | None) -> tuple[object, ...]:
    """Identity of a conflict apart from its group: kind and the two (claim, value) sides."""
    sides = sorted([(claim_a or "", a_value or ""), (claim_b or "", b_value or "")])
    return (kind or "", *sides)


def resolve_conflict_id(db: sqlite_utils.Database, prefix: str) -> str:
    """The full conflict id that starts with ``prefix`` (as git resolves short hashes).

    Current conflicts and conflicts reviewed earlier are both found.

    :raises UnknownConflict: no id starts with the prefix
    :raises AmbiguousConflict: several ids do
    """
    prefix = prefix.strip()
    if not prefix:
        raise UnknownConflict("give a conflict id (or its first characters) from 'claimcheck diff'")
    sql = (
        "SELECT id FROM conflicts WHERE substr(id, 1, ?) = ? "
        "UNION SELECT conflict_id FROM reviews WHERE substr(conflict_id, 1, ?) = ? "
        "ORDER BY 1 LIMIT 6"
    )
    n = len(prefix)
    ids = [r[0] for r in db.execute(sql, [n, prefix, n, prefix])]
    if not ids:
        raise UnknownConflict(
            f"no conflict id starts with {prefix!r}; run 'claimcheck diff' to list the conflicts"
        )
    if len(ids) > 1:
        shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
        raise AmbiguousConflict(
            f"conflict id prefix {prefix!r} is ambiguous ({shown}); give more characters"
        )
    return str(ids[0])


def add_review(
    db: sqlite_utils.Database,
    conflict_id: str,
    status: str | None,
    *,
    note: str | None = None,
    reviewer: str | None = None,
) -> Review:
    """Record a decision on a conflict (id or unique prefix) and return it.

    ``status`` None keeps the previous decision's status (to add a note); ``note`` None keeps
    the previous note, ``""`` clears it.

    :raises InvalidOption: unknown status, or no status and no earlier decision
    :raises UnknownConflict: no such conflict
    :raises AmbiguousConflict: the prefix matches several conflicts
    """
    if status is not None and status not in STATUSES:
        raise InvalidOption(f"unknown review status {status!r}; use one of {', '.join(STATUSES)}")
    with transaction(db):
        # Resolved inside the write transaction: a diff running at the same time cannot
        # swap the conflicts between the look-up and the insert.
        cid = resolve_conflict_id(db, conflict_id)
        row = db.execute(
            "SELECT group_id, kind, claim_a, claim_b, a_value, b_value, explanation "
            "FROM conflicts WHERE id = ?", [cid],
        ).fetchone()
        if row is None:  # reviewed before, not reported by the latest diff: keep its snapshot
            row = db.execute(
                "SELECT group_id, kind, claim_a, claim_b, a_value, b_value, explanation "
                "FROM reviews WHERE conflict_id = ? ORDER BY id DESC LIMIT 1", [cid],
            ).fetchone()
        previous = _latest_for(db, tuple(row))
        if status is None:
            if previous is None:
                raise InvalidOption(
                    f"conflict {cid} has no decision yet; give --confirm, --dismiss or --needs-check"
                )
            status = previous.status
        if note is None and previous is not None:
            note = previous.note
        note = note or None
        stamp = now_iso()
        cur = db.execute(
            "INSERT INTO reviews (conflict_id, status, note, reviewer, reviewed_at, group_id, kind, "
            "claim_a, claim_b, a_value, b_value, explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [cid, status, note, reviewer, stamp, *row],
        )
        assert cur.lastrowid is not None
        review_id = int(cur.lastrowid)
    current = db.execute("SELECT 1 FROM conflicts WHERE id = ?", [cid]).fetchone()
    return Review(
        id=review_id, conflict_id=cid, status=status, note=note, reviewer=reviewer,
        reviewed_at=stamp, kind=row[1], a_value=row[4], b_value=row[5], explanation=row[6],
        current_id=cid if current else None,
        decisions=1 + (previous.decisions if previous is not None else 0),
    )


def _latest_for(db: sqlite_utils.Database, snapshot: tuple[object, ...]) -> Review | None:
    """The latest decision on the conflict described by a conflicts/reviews row snapshot."""
    return _latest_by_key(db).get(conflict_key(*snapshot[1:6]))  # type: ignore[arg-type]


def review(
    db_path: str | Path,
    conflict_id: str,
    status: str | None,
    *,
    note: str | None = None,
    reviewer: str | None = None,
) -> Review:
    """Record the desk's decision on a conflict; see :func:`add_review`.

    :raises NoDatabase: the database does not exist
    """
    db = open_db(db_path, create=False)
    try:
        return add_review(db, conflict_id, status, note=note, reviewer=reviewer)
    finally:
        db.close()


def _latest_by_key(db: sqlite_utils.Database) -> dict[tuple[object, ...], Review]:
    current: dict[tuple[object, ...], str] = {}
    for r in db.execute("SELECT id, kind, claim_a, claim_b, a_value, b_value FROM conflicts"):
        current[conflict_key(*r[1:])] = r[0]
    current_ids = set(current.values())
    latest: dict[tuple[object, ...], Review] = {}
    sql = (
        "SELECT id, conflict_id, status, note, reviewer, reviewed_at, kind, a_value, b_value, "
        "explanation, claim_a, claim_b FROM reviews ORDER BY id DESC"
    )
    for r in db.execute(sql):
        key = conflict_key(r[6], r[10], r[11], r[7], r[8])
        if key in latest:
            latest[key].decisions += 1
            continue
        now = r[1] if r[1] in current_ids else current.get(key)
        latest[key] = Review(
            id=r[0], conflict_id=r[1], status=r[2], note=r[3], reviewer=r[4], reviewed_at=r[5],
            kind=r[6], a_value=r[7], b_value=r[8], explanation=r[9], current_id=now,
        )
    return latest


def list_reviews(db: sqlite_utils.Database, *, statuses: list[str] | None = None) -> list[Review]:
    """The latest decision on every reviewed conflict, newest first.

    Decisions on the same two claims, kind and values count as one conflict (its id may have
    changed when its group grew). ``statuses`` filters on the latest decision.
    """
    return [
        r for r in _latest_by_key(db).values() if statuses is None or r.status in statuses
    ]


def current_reviews(db: sqlite_utils.Database) -> dict[str, ReviewState]:
    """Current conflict id -> the latest decision that applies to it."""
    sql = (
        "SELECT c.id, r.status, r.note, r.reviewer, r.reviewed_at, r.conflict_id, r.id "
        f"FROM conflicts c JOIN reviews r ON r.id = {LATEST_REVIEW_ID}"
    )
    return {row[0]: ReviewState(*row[1:]) for row in db.execute(sql)}
