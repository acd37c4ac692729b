"""The diff step with its database work: load claims, run the pure comparison, store.

:mod:`claimcheck.compare` decides; this module reads the claims from SQLite, records the run,
stores groups and conflicts and refreshes the Datasette views.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from .compare.affinity import StoryAffinity
from .compare.facts import Attribute, build_fact_sheets, story_keys
from .compare.groups import DEFAULT_THRESHOLD, find_groups
from .compare.model import ClaimRecord, Conflict, DiffResult, Group, Slot
from .compare.text import short, stable_id
from .compare.verdicts import DEFAULT_MIN_CONFIDENCE
from .desk import ClaimContext, DeskResult, NewSince, select
from .errors import ClaimcheckError, InvalidOption
from .reviews import conflict_key, current_reviews
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
    since: str | int | None = None,
    against: str | Path | None = None,
    include_dismissed: bool = False,
) -> DeskResult:
    """Compare the stored claims across articles, store groups and conflicts, return them.

    Re-running replaces the previous result; IDs are stable for the same input.

    :param db_path: the database made by :func:`claimcheck.ingest`
    :param kinds: only report conflicts of these kinds (date, number, entity, place, negation)
    :param threshold: similarity (0..1) that claims need to be grouped
    :param min_confidence: conflicts below this confidence (0..1) are not reported
    :param since: report only what involves an article ingested after this run id, or on or
        after this date (``YYYY-MM-DD`` or an ISO time, UTC); ``"last"``: after the previous diff
    :param against: report only what involves an article that this earlier database lacks,
        and count the new claims that agree or conflict with an earlier one
    :param include_dismissed: keep the conflicts the desk dismissed (they are left out
        otherwise); everything is stored either way
    :raises NoDatabase: the database does not exist
    :raises InvalidOption: a bad ``since``, an ``against`` that is no claimcheck database, or both
    """
    started = time.perf_counter()
    if since is not None and against is not None:
        raise InvalidOption("use --since or --against, not both")
    earlier = _earlier_hashes(against) if against is not None else None
    db = open_db(db_path, create=False)
    try:
        from . import __version__

        window = _since_window(db, since) if since is not None else None

        run_id = start_run(db, "diff", __version__, {
            "kinds": list(kinds or []), "threshold": threshold, "min_confidence": min_confidence,
        })
        claims = load_claims(db)
        groups, n_pairs = find_groups(
            claims, threshold=threshold, min_confidence=min_confidence
        )
        wanted = set(kinds) if kinds else None
        # Fact sheets: attributes per entity and per story, compared across a story's articles.
        affinity = StoryAffinity(claims)
        sheets = build_fact_sheets(
            claims, stories=article_stories(db, claims, affinity), affinity=affinity,
            min_confidence=min_confidence,
        )
        group_conflicts = [
            c for g in groups for c in g.conflicts if wanted is None or c.kind in wanted
        ]
        # A pair of claims a claim group already reports on is not reported twice.
        reported = {(c.a.id, c.b.id, c.kind) for c in group_conflicts}
        reported |= {(b, a, k) for a, b, k in reported}
        conflicts = sorted(
            group_conflicts
            + [c for c in sheets.conflicts if (wanted is None or c.kind in wanted)
               and (c.a.id, c.b.id, c.kind) not in reported],
            key=lambda c: (-c.confidence, c.id),
        )
        previous = _stored_conflict_keys(db) if window is not None else set()
        _store(db, groups, conflicts, run_id)
        _store_attributes(db, sheets.attributes, sheets.stories, run_id)
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
            "conflicts": len(conflicts), "attributes": len(sheets.attributes),
            "fact_conflicts": sum(1 for c in conflicts if c.attribute),
        })
        full = DiffResult(
            run_id=run_id, groups=groups, conflicts=conflicts, articles=articles,
            claims_compared=len(claims), candidate_pairs=n_pairs, seconds=seconds,
            attributes=sheets.attributes,
        )
        new: NewSince | None = None
        if window is not None:
            fresh = _articles_since(db, window)
            new = NewSince(window[0], fresh, len(groups), len(conflicts))
            new.earlier_appeared = sum(
                1 for c in conflicts
                if c.a.article_id not in fresh and c.b.article_id not in fresh
                and conflict_key(c.kind, c.a.id, c.b.id, c.a_value, c.b_value) not in previous
            )
        elif earlier is not None:
            new = _new_against(db, full, claims, earlier, Path(against or ""))
        result = select(full, current_reviews(db), include_dismissed=include_dismissed, new=new)
        result.contexts = claim_contexts(db, [x for c in result.conflicts for x in (c.a, c.b)])
    finally:
        db.close()
    return result



def article_stories(
    db: sqlite_utils.Database, claims: Sequence[ClaimRecord], affinity: StoryAffinity
) -> dict[str, str]:
    """``article_id -> story key`` for the fact sheets: the one place that decides stories.

    Until a stored ``stories`` table exists this is :func:`claimcheck.compare.facts.story_keys`
    (connected components of blocked article pairs that pass ``StoryAffinity.same_story``);
    ``db`` is taken so that the stored stories can replace it here without touching callers.
    """
    del db
    return story_keys(claims, affinity)


def _store_attributes(
    db: sqlite_utils.Database, attributes: list[Attribute], stories: dict[str, str], run_id: int
) -> None:
    rows = []
    seen: set[str] = set()
    for a in attributes:
        aid = stable_id("t", a.subject_kind, a.subject, a.attribute, a.claim.id, str(a.start),
                        str(a.end), a.value)
        if aid in seen:
            continue
        seen.add(aid)
        rows.append((
            aid, a.subject_kind, a.subject, a.subject_name,
            stories.get(a.article_id) or "s" + a.article_id[:12], a.attribute, a.value, a.lo,
            a.hi, a.article_id, a.claim.id, a.start, a.end, a.note or None, run_id,
        ))
    with transaction(db):
        db.execute("DELETE FROM attributes")
        db.conn.executemany(
            "INSERT INTO attributes (id, subject_kind, subject, subject_name, story, attribute, "
            "value, lo, hi, article_id, claim_id, start, end, note, run_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def fact_sheet(db_path: str | Path, query: str) -> list[dict[str, object]]:
    """The stored fact sheet of one entity or story: one row per article and attribute.

    ``query`` is an entity name (case-insensitive, whole or part), an entity id or id prefix,
    or a story key or prefix. The rows come from the last ``claimcheck diff`` run.

    :raises NoDatabase: the database does not exist
    :raises ClaimcheckError: nothing matches, or the name matches several subjects
    """
    db = open_db(db_path, create=False)
    try:
        q = query.strip()
        if not q:
            raise ClaimcheckError("give an entity name, entity id or story key")
        like = q.replace("%", "").replace("_", "")
        subjects = [r[0] for r in db.execute(
            "SELECT DISTINCT subject FROM attributes WHERE subject LIKE ? OR story LIKE ?",
            [like + "%", like + "%"],
        )]
        stories = [r[0] for r in db.execute(
            "SELECT DISTINCT story FROM attributes WHERE story LIKE ?", [like + "%"]
        )]
        if not subjects:
            subjects = [r[0] for r in db.execute(
                "SELECT DISTINCT subject FROM attributes WHERE lower(subject_name) = lower(?)", [q]
            )] or [r[0] for r in db.execute(
                "SELECT DISTINCT subject FROM attributes WHERE subject_name LIKE ?", [f"%{like}%"]
            )]
        if not subjects and not stories:
            n = db.execute("SELECT count(*) FROM attributes").fetchone()[0]
            hint = "run 'claimcheck diff' first" if n == 0 else "try part of a name or an id prefix"
            raise ClaimcheckError(f"no entity or story matches {query!r}; {hint}")
        if len(stories) == 1:
            where, params = "t.story = ?", [stories[0]]
        elif len(subjects) == 1:
            where, params = "t.subject = ?", [subjects[0]]
        else:
            names = sorted({r[0] for r in db.execute(
                f"SELECT subject_name FROM attributes WHERE subject IN ({','.join('?' * len(subjects))})",
                subjects,
            )})
            raise ClaimcheckError(
                f"{query!r} matches {len(subjects)} subjects ({', '.join(names[:5])}"
                f"{', ...' if len(names) > 5 else ''}); give a longer name or an id prefix"
            )
        sql = (
            "SELECT t.subject_kind, t.subject, t.subject_name, t.story, t.attribute, t.value, "
            "t.article_id, a.outlet, a.published, c.text, t.start, t.end, t.note "
            "FROM attributes t JOIN articles a ON a.id = t.article_id "
            "JOIN claims c ON c.id = t.claim_id "
            f"WHERE {where} ORDER BY t.subject_kind, t.subject_name, t.attribute, a.published, "
            "t.article_id, t.start"
        )
        cols = ["subject_kind", "subject", "subject_name", "story", "attribute", "value",
                "article", "outlet", "published", "claim", "start", "end", "note"]
        rows: list[dict[str, object]] = [dict(zip(cols, r, strict=True)) for r in db.execute(sql, params)]
        subjects_shown = {str(r["subject"]) for r in rows}
        conflicts = [
            {"kind": r[0], "attribute": r[1], "a_value": r[2], "b_value": r[3],
             "explanation": r[4], "confidence": r[5], "update": bool(r[6]), "subject": r[7]}
            for r in db.execute(
                "SELECT kind, fact_attribute, a_value, b_value, explanation, confidence, is_update, "
                "fact_subject FROM conflicts WHERE fact_subject IS NOT NULL ORDER BY confidence DESC"
            )
            if r[7] in subjects_shown
        ]
        for r in rows:
            r["conflicts"] = [c for c in conflicts
                              if c["subject"] == r["subject"] and c["attribute"] == r["attribute"]]
    finally:
        db.close()
    return rows


def _stored_conflict_keys(db: sqlite_utils.Database) -> set[tuple[object, ...]]:
    """The conflicts the previous diff stored, by claims, kind and values."""
    return {
        conflict_key(*row)
        for row in db.execute("SELECT kind, claim_a, claim_b, a_value, b_value FROM conflicts")
    }


def _since_window(db: sqlite_utils.Database, since: str | int) -> tuple[str, str, str | int]:
    """(label, column, bound) of ``--since``: a run id, ``last`` (diff run) or a date/time."""
    text = str(since).strip()
    hint = "give a run id, 'last' (the previous diff) or a date YYYY-MM-DD"
    if text == "last":
        row = db.execute("SELECT max(id) FROM runs WHERE command = 'diff'").fetchone()
        if row[0] is None:
            return ("the first run", "run_id", 0)
        return (f"the last diff (run {row[0]})", "run_id", int(row[0]))
    if text.isdigit():
        run = int(text)
        if db.execute("SELECT 1 FROM runs WHERE id = ?", [run]).fetchone() is None:
            latest = db.execute("SELECT max(id) FROM runs").fetchone()[0]
            raise InvalidOption(f"--since {text}: no run {run} in this database (the latest is "
                                f"{latest}); {hint}")
        return (f"run {run}", "run_id", run)
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise InvalidOption(f"--since {text!r}: not a run id or a date; {hint}") from None
    if len(text) == 10:  # a day: everything ingested on it or later
        return (moment.date().isoformat(), "ingested_at", moment.date().isoformat())
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (stamp, "ingested_at", stamp)


def _articles_since(db: sqlite_utils.Database, window: tuple[str, str, str | int]) -> list[str]:
    _, column, bound = window
    if column == "run_id":
        sql = "SELECT id FROM articles WHERE run_id > ? ORDER BY rowid"
    else:
        sql = "SELECT id FROM articles WHERE ingested_at >= ? ORDER BY rowid"
    return [r[0] for r in db.execute(sql, [bound])]


def _earlier_hashes(path: str | Path) -> set[str]:
    """Content hashes of the articles of an earlier database, opened read-only."""
    path = Path(path)
    if not path.is_file():
        raise InvalidOption(f"--against {path}: no such database; give an earlier claimcheck database file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return {r[0] for r in conn.execute("SELECT content_hash FROM articles")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InvalidOption(
            f"--against {path}: not a claimcheck database ({exc}); give an earlier claimcheck database"
        ) from None


def _new_against(
    db: sqlite_utils.Database, result: DiffResult, claims: list[ClaimRecord], earlier: set[str],
    path: Path,
) -> NewSince:
    """What the current database adds to an earlier one, claim by claim.

    A new claim "agrees" when its group holds a claim of an earlier article and it conflicts
    with none of them, "conflicts" when it conflicts with one, and is "unmatched" otherwise.
    """
    old_articles = {
        r[0] for r in db.execute("SELECT id, content_hash FROM articles") if r[1] in earlier
    }
    new_articles = [a["id"] for a in result.articles if a["id"] not in old_articles]
    fresh = set(new_articles)
    conflicting = {
        x.id for c in result.conflicts for x, y in ((c.a, c.b), (c.b, c.a))
        if x.article_id in fresh and y.article_id in old_articles
    }
    with_old = {
        c.id for g in result.groups if any(m.article_id in old_articles for m in g.claims)
        for c in g.claims
    }
    new_claims = [c for c in claims if c.article_id in fresh]
    n_conflict = sum(1 for c in new_claims if c.id in conflicting)
    n_agree = sum(1 for c in new_claims if c.id in with_old and c.id not in conflicting)
    return NewSince(
        label=path.name, articles=new_articles, total_groups=len(result.groups),
        total_conflicts=len(result.conflicts),
        claims_already_there=sum(1 for c in claims if c.article_id in old_articles),
        new_claims_agree=n_agree, new_claims_conflict=n_conflict,
        new_claims_unmatched=len(new_claims) - n_agree - n_conflict,
    )


def claim_contexts(db: sqlite_utils.Database, claims: list[ClaimRecord]) -> dict[str, ClaimContext]:
    """Full sentence, sentence offset, article URL and headline of each claim."""
    ids = sorted({c.id for c in claims})
    out: dict[str, ClaimContext] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        marks = ",".join("?" * len(chunk))
        sql = (
            "SELECT c.id, s.text, s.start, a.url, a.title FROM claims c "
            "JOIN sentences s ON s.id = c.sentence_id JOIN articles a ON a.id = c.article_id "
            f"WHERE c.id IN ({marks})"
        )
        for row in db.execute(sql, chunk):
            out[row[0]] = ClaimContext(*row[1:])
    return out


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
            "explanation, run_id, confidence, is_update, fact_subject, fact_attribute) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                # A fact-sheet conflict comes from no claim group: group_id stays NULL in the
                # table (the JSON report shows its pseudo-group id, one per compared attribute).
                (c.id, None if c.attribute else c.group_id, c.kind, c.a.id, c.b.id, c.a_value,
                 c.b_value, c.explanation, run_id, c.confidence, int(c.update), c.subject,
                 c.attribute)
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
