"""The diff step with its database work: load claims, run the pure comparison, store.

:mod:`claimcheck.compare` decides; this module reads the claims from SQLite, records the run,
stores groups and conflicts and refreshes the Datasette views.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from . import lexicon
from .compare.affinity import StoryAffinity
from .compare.facts import Attribute, FactSheets, build_fact_sheets, confirmed_by_claims
from .compare.groups import DEFAULT_THRESHOLD, find_groups
from .compare.model import ClaimRecord, Conflict, DiffResult, Group, Slot, Story
from .compare.stories import find_stories
from .compare.text import prepare, short, stable_id
from .compare.verdicts import DEFAULT_MIN_CONFIDENCE
from .desk import ClaimContext, DeskResult, NewSince, select
from .errors import ClaimcheckError, InvalidOption
from .reviews import conflict_key, current_reviews
from .store import finish_run, open_db, start_run, transaction
from .streamed import compare_streamed
from .views import refresh_views


@dataclass(slots=True)
class DiffProgress:
    """Where a running diff is, for a progress display (the library never prints).

    ``stage`` is one of ``load``, ``stories``, ``pairs``, ``score``, ``group``, ``facts`` and
    ``store``; ``done`` and ``total`` count the stage's work where it is counted (candidate
    pairs scored), else ``total`` is None.
    """

    stage: str
    claims: int = 0
    done: int = 0
    total: int | None = None
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        """Work of the stage done per second of the whole run so far."""
        return self.done / self.seconds if self.seconds > 0 else 0.0


DiffCallback = Callable[[DiffProgress], None]
"""Called with a :class:`DiffProgress` when a stage starts and as candidate pairs are scored."""

#: What a stream block keeps for the caller: its outlet counts and its claim_stories rows.
_BlockRows = tuple["dict[tuple[str, str], OutletCount]", list[tuple[str, str, str, str, int]]]

#: Candidate pairs scored between two progress reports.
PROGRESS_BATCH = 20_000


def _wanted(db: sqlite_utils.Database, table: str, ids: Sequence[str]) -> None:
    """Fill the temp table ``table`` (one ``id`` column) with ``ids``."""
    with transaction(db):
        db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
        db.execute(f"DELETE FROM temp.{table}")
        db.conn.executemany(f"INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)",
                            [(x,) for x in ids])


def load_claims(
    db: sqlite_utils.Database, articles: Sequence[str] | None = None, *,
    claim_ids: Sequence[str] | None = None,
) -> list[ClaimRecord]:
    """Every claim of a non-boilerplate sentence, with its slots, in a stable order (by
    article id, then position); with ``articles``, only those articles' claims; with
    ``claim_ids``, only those claims (the same records, in the same order)."""
    claims: dict[str, ClaimRecord] = {}
    only = m_only = where = m_where = ""
    if claim_ids is not None:
        _wanted(db, "wanted_claims", claim_ids)
        # the wanted ids drive the joins (read by the primary key and the claim_id index)
        only = m_only = "temp.wanted_claims w CROSS JOIN"
        where, m_where = "AND c.id = w.id", "WHERE m.claim_id = w.id "
    elif articles is not None:
        _wanted(db, "wanted_articles", articles)
        # CROSS JOIN keeps the wanted articles the outer loop (SQLite then reads their rows by
        # the article_id indexes instead of scanning every claim and mention of the corpus)
        only = m_only = "temp.wanted_articles w CROSS JOIN"
        where, m_where = "AND c.article_id = w.id", "WHERE m.article_id = w.id "
    sql = f"""
        SELECT c.id, c.article_id, a.source, a.outlet, c.start, c.end, c.text, c.normalized,
               c.polarity, c.modality, c.speaker, c.tense, a.published
        FROM {only} claims c
        JOIN sentences s ON s.id = c.sentence_id
        JOIN articles a ON a.id = c.article_id
        WHERE s.is_boilerplate = 0 {where}
        ORDER BY c.article_id, c.start, c.id
    """
    # Millions of claims repeat a few thousand article ids, paths, outlets, days, kinds and
    # entity ids: one string object each keeps the records small.
    shared: dict[str, str] = {}

    def one(value: str | None) -> str | None:
        return None if value is None else shared.setdefault(value, value)

    for row in db.execute(sql):
        (cid, article_id, source, outlet, start, end, text, normalized, polarity, modality,
         speaker, tense, published) = row
        claims[cid] = ClaimRecord(
            cid, shared.setdefault(article_id, article_id), shared.setdefault(source, source),
            one(outlet), start, end, text, text if normalized == text else normalized, polarity, one(modality), one(speaker),
            one(tense), one(published),
        )
    for row in db.execute(
        "SELECT m.claim_id, m.kind, m.surface, m.value, m.lo, m.hi, m.unit, m.entity_id, "
        f"m.start, m.end FROM {m_only} mentions m {m_where}"
        "ORDER BY m.claim_id, m.start, m.id"
    ):
        claim = claims.get(row[0])
        if claim is not None:
            kind, surface, value, lo, hi, unit, entity_id, start, end = row[1:]
            claim.slots.append(Slot(shared.setdefault(kind, kind), surface, value, lo, hi,
                                    one(unit), one(entity_id), start, end))
    return list(claims.values())


def claim_ids(db: sqlite_utils.Database, articles: Sequence[str]) -> list[tuple[str, str]]:
    """(article id, claim id) of the claims :func:`load_claims` gives for ``articles``, in
    its order, read without the claims' texts and slots."""
    _wanted(db, "wanted_articles", articles)
    return [(r[0], r[1]) for r in db.execute(
        """SELECT c.article_id, c.id FROM temp.wanted_articles w CROSS JOIN claims c
           JOIN sentences s ON s.id = c.sentence_id
           WHERE s.is_boilerplate = 0 AND c.article_id = w.id
           ORDER BY c.article_id, c.start, c.id""")]


def diff(
    db_path: str | Path = "claimcheck.db",
    *,
    kinds: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    since: str | int | None = None,
    against: str | Path | None = None,
    include_dismissed: bool = False,
    story: str | None = None,
    engine: str = "auto",
    on_progress: DiffCallback | None = None,
    jobs: int = 1,
) -> DeskResult:
    """Cluster articles into stories, compare the stored claims across articles, build and
    compare the fact sheets, store it all and return the report.

    Re-running replaces the previous result; IDs are stable for the same input (a story's id
    comes from its earliest article, so it survives new articles joining it).

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
    :param story: limit the returned report to this story (id or id prefix); everything is
        still compared and stored
    :param engine: where claims are paired and grouped: ``auto`` (``stream`` from
        ``AUTO_STREAM_ARTICLES`` articles on, unless ``against`` is given; ``default`` below),
        ``default`` (in process),
        ``duckdb`` (a SQL self-join on the blocking keys, :mod:`claimcheck.duck`) or
        ``spark`` (:mod:`claimcheck.spark`) or ``stream`` (claims read from the database one
        block of whole stories at a time, :mod:`claimcheck.streamed`); the results are identical
    :param on_progress: called with a :class:`DiffProgress` as the stages run
    :param jobs: worker processes for the stream engine's digest and blocks (forked; other
        engines run in one process); the result is the same
    :raises NoDatabase: the database does not exist
    :raises InvalidOption: a bad ``since``, an ``against`` that is no claimcheck database, both,
        or a ``story`` that matches no story or several
    """
    started = time.perf_counter()
    n_claims = 0

    def report(stage: str, done: int = 0, total: int | None = None) -> None:
        if on_progress is not None:
            on_progress(DiffProgress(stage, n_claims, done, total, time.perf_counter() - started))

    if engine != "auto" and engine not in ENGINES:
        raise InvalidOption(
            f"unknown engine {engine!r}; use auto or one of {', '.join(ENGINES)}")
    if since is not None and against is not None:
        raise InvalidOption("use --since or --against, not both")
    earlier = _earlier_hashes(against) if against is not None else None
    db = open_db(db_path, create=False)
    try:
        from . import __version__

        window = _since_window(db, since) if since is not None else None
        if engine == "auto":
            engine = _auto_engine(db, against=earlier is not None)

        run_id = start_run(db, "diff", __version__, {
            "kinds": list(kinds or []), "threshold": threshold, "min_confidence": min_confidence,
            **({"engine": engine} if engine != "default" else {}),
        })
        articles = [
            {"id": r[0], "source": r[1], "title": r[2], "outlet": r[3], "published": r[4]}
            for r in db.execute(
                "SELECT id, source, title, outlet, published FROM articles ORDER BY rowid"
            )
        ]
        keyed = [(a["id"], a["title"], a["outlet"], a["published"]) for a in articles]
        claims: list[ClaimRecord] = []
        if engine == "stream":
            if earlier is not None:
                raise InvalidOption("--against needs the default engine; drop --engine stream")
            with transaction(db):
                db.execute("DROP TABLE IF EXISTS temp.claim_stories_next")
                db.execute(
                    "CREATE TEMP TABLE claim_stories_next AS SELECT * FROM claim_stories LIMIT 0")
                db.execute("CREATE INDEX temp.claim_stories_next_claim "
                           "ON claim_stories_next (claim_id)")

            def per_block(block: list[ClaimRecord]) -> _BlockRows:
                # every claim as its outlet's alone until the groups are known (see below)
                counts: dict[tuple[str, str], OutletCount] = {}
                outlet_counts(block, set(), counts)
                return counts, _claim_story_rows(block, set(), run_id)

            def keep_block(rows: _BlockRows,
                           counts: dict[tuple[str, str], OutletCount]) -> None:
                # a story lies in one block: its counts come from that block alone
                counts.update(rows[0])
                with transaction(db):
                    db.conn.executemany(
                        "INSERT INTO temp.claim_stories_next (claim_id, story_id, outlet, "
                        "coverage, run_id) VALUES (?,?,?,?,?)", rows[1])

            streamed = compare_streamed(
                db, keyed, threshold=threshold, min_confidence=min_confidence,
                load=load_claims, ids_of=claim_ids,
                load_ids=lambda d, cids: load_claims(d, claim_ids=cids),
                sure=lambda cs, aff: _sure_sheet_conflicts(cs, aff, min_confidence),
                per_block=per_block, keep_block=keep_block, report=report, jobs=jobs,
            )
            n_claims = streamed.claims
            story_of, stories, affinity = streamed.story_of, streamed.stories, streamed.affinity
            groups, n_pairs = streamed.groups, streamed.candidate_pairs
            sheets = FactSheets(attributes=streamed.attributes, conflicts=streamed.sheet_conflicts,
                                stories=story_of)
            report("facts")
        else:
            report("load")
            claims = load_claims(db)
            n_claims = len(claims)
            report("stories")
            prepare(claims)
            story_of, stories = find_stories(claims, keyed)
            # One affinity for the claim groups and the fact sheets (it weighs every article's keys).
            affinity = StoryAffinity(claims)
            groups, n_pairs = _find_groups(
                engine, claims, threshold=threshold, min_confidence=min_confidence,
                stories=story_of, affinity=affinity, report=report,
            )
            # Fact sheets: attributes per entity and per story, compared across a story's
            # articles (every stored article has a story, so they are the fact sheets' stories).
            report("facts")
            sheets = build_fact_sheets(
                claims, stories=story_of, affinity=affinity, min_confidence=min_confidence,
            )
            sheets.conflicts = _sure_sheet_conflicts(sheets.conflicts, affinity, min_confidence)
        wanted = set(kinds) if kinds else None
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
        for c in conflicts:
            if c.story_id is None:
                c.story_id = story_of.get(c.a.article_id)
        _count(stories, groups, conflicts)
        report("store")
        previous = _stored_conflict_keys(db) if window is not None else set()
        _store(db, groups, conflicts, run_id)
        _store_attributes(db, sheets.attributes, sheets.stories, run_id)
        _store_stories(db, stories, story_of, run_id)
        if engine == "stream":
            shared = shared_claims(groups)
            seen: set[str] = set()
            for member in (m for g in groups for m in g.claims if m.id in shared):
                if member.id not in seen and member.story_id is not None:
                    seen.add(member.id)
                    count = streamed.outlet_counts[
                        (member.story_id, member.outlet or "(no outlet)")]
                    count.shared += 1
                    count.single -= 1
            _store_story_outlets(db, outlet_rows(streamed.outlet_counts, conflicts), run_id)
            with transaction(db):
                db.conn.executemany(
                    "UPDATE temp.claim_stories_next SET coverage = 'shared' WHERE claim_id = ?",
                    [(cid,) for cid in sorted(shared)])
                db.execute("DELETE FROM claim_stories")
                db.execute("INSERT INTO claim_stories SELECT * FROM temp.claim_stories_next")
                db.execute("DROP TABLE temp.claim_stories_next")
        else:
            shared = shared_claims(groups)
            _store_story_outlets(db, story_outlets(claims, shared, conflicts), run_id)
            _store_claim_stories(db, claims, shared, run_id)
        refresh_views(db)
        for a in articles:
            a["story"] = story_of.get(a["id"])
        seconds = time.perf_counter() - started
        finish_run(db, run_id, seconds, {
            "claims": n_claims, "candidate_pairs": n_pairs, "groups": len(groups),
            "conflicts": len(conflicts), "attributes": len(sheets.attributes),
            "fact_conflicts": sum(1 for c in conflicts if c.attribute), "stories": len(stories),
        })
        full = DiffResult(
            run_id=run_id, groups=groups, conflicts=conflicts, articles=articles,
            claims_compared=n_claims, candidate_pairs=n_pairs, seconds=seconds,
            attributes=sheets.attributes, stories=stories,
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
        if story:
            result = only_story(result, story)
        result.contexts = claim_contexts(db, [x for c in result.conflicts for x in (c.a, c.b)])
    finally:
        db.close()
    return result


#: The engines ``diff`` can group claims with (identical results; see docs/scaling.md).
ENGINES = ("default", "duckdb", "spark", "stream")
#: From this many articles on, ``engine="auto"`` streams: the default engine holds every claim
#: in memory (about 2 GB at 20,000 generated articles, ~9.6 GB at 100,000), the stream engine
#: a digest and one block (benchmarks/README.md, "Streamed diff").
AUTO_STREAM_ARTICLES = 20_000


def _auto_engine(db: sqlite_utils.Database, *, against: bool) -> str:
    """The engine ``auto`` stands for on this database (``--against`` needs the default)."""
    if against:
        return "default"
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return "stream" if n >= AUTO_STREAM_ARTICLES else "default"


def _find_groups(
    engine: str, claims: list[ClaimRecord], *, threshold: float, min_confidence: float,
    stories: dict[str, str], affinity: StoryAffinity,
    report: Callable[[str, int, int | None], None] | None = None,
) -> tuple[list[Group], int]:
    if report is not None:
        report("pairs", 0, None)
    if engine == "duckdb":
        from .duck import find_groups_duckdb

        return find_groups_duckdb(
            claims, threshold=threshold, min_confidence=min_confidence, stories=stories,
            affinity=affinity,
        )
    if engine == "spark":
        from .spark import find_groups_spark

        return find_groups_spark(
            claims, threshold=threshold, min_confidence=min_confidence, stories=stories,
            affinity=affinity,
        )

    def scoring(done: int, total: int) -> None:
        # every pair scored: what is left is clustering and judging
        if report is not None:
            report("score" if done < total else "group", done, total)

    return find_groups(
        claims, threshold=threshold, min_confidence=min_confidence, stories=stories,
        prepared=True, affinity=affinity, progress=scoring, batch=PROGRESS_BATCH,
    )


def _sure_sheet_conflicts(
    conflicts: list[Conflict], affinity: StoryAffinity, min_confidence: float
) -> list[Conflict]:
    """The fact-sheet conflicts the report keeps (see ``FACT_SHEET_MARGIN``)."""
    return [
        c for c in conflicts
        if c.attribute in FACT_SHEET_SURE
        or c.confidence >= min(1.0, min_confidence + FACT_SHEET_MARGIN)
        or confirmed_by_claims(c, affinity, min_confidence)
    ]


#: Fact-sheet conflicts need this much more confidence than claim-group conflicts, except on
#: the attributes in FACT_SHEET_SURE: read by hand on the whole shared corpora, event counts
#: and event dates were false alarms far more often than ages, residences, conditions and
#: custody (another shooting told in the same article, a tally of the city's shootings, a
#: photo caption's date). "place" is the town of the event compared between two accounts of
#: one moment (compare/places.py): no false alarm on the whole corpora at the default cut.
#: "deed" is one doer's deed stated and denied (compare/negations.py): none on the corpora.
FACT_SHEET_MARGIN = 0.25
FACT_SHEET_SURE = lexicon.words("fact_sheet_sure_attributes.txt")


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


def only_story(result: DeskResult, prefix: str) -> DeskResult:
    """The report limited to one story: its articles, the groups that touch it, its conflicts.

    :raises InvalidOption: ``prefix`` matches no story or several
    """
    story = pick_story(result.stories, prefix)
    members = set(story.article_ids)
    return dataclasses.replace(
        result,
        groups=[g for g in result.groups if any(c.article_id in members for c in g.claims)],
        conflicts=[c for c in result.conflicts if c.story_id == story.id],
        articles=[a for a in result.articles if a["id"] in members],
        attributes=[a for a in result.attributes if getattr(a, "article_id", None) in members],
        stories=[story],
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


@dataclass(slots=True)
class OutletCount:
    """One story's claims by one outlet (see :func:`story_outlets`)."""

    articles: set[str] = field(default_factory=set)
    claims: int = 0
    shared: int = 0
    single: int = 0


def story_outlets(
    claims: Sequence[ClaimRecord], shared: set[str], conflicts: Sequence[Conflict]
) -> list[tuple[str, str, int, int, int, int, int]]:
    """Per story and outlet: (story, outlet, articles, claims, shared, single-outlet, conflicts).

    A claim is shared when it is in ``shared`` (see :func:`shared_claims`); otherwise only
    this outlet made it. Articles without an outlet are shown as "(no outlet)".
    """
    counts: dict[tuple[str, str], OutletCount] = {}
    outlet_counts(claims, shared, counts)
    return outlet_rows(counts, conflicts)


def outlet_counts(
    claims: Sequence[ClaimRecord], shared: set[str], counts: dict[tuple[str, str], OutletCount]
) -> None:
    """Add claims to their ``(story, outlet)`` counts."""
    for c in claims:
        if c.story_id is None:
            continue
        row = counts.setdefault((c.story_id, c.outlet or "(no outlet)"), OutletCount())
        row.articles.add(c.article_id)
        row.claims += 1
        if c.id in shared:
            row.shared += 1
        else:
            row.single += 1


def outlet_rows(
    counts: dict[tuple[str, str], OutletCount], conflicts: Sequence[Conflict]
) -> list[tuple[str, str, int, int, int, int, int]]:
    """The rows of :func:`story_outlets` from :func:`outlet_counts` and the conflicts."""
    n_conflicts: Counter[tuple[str, str]] = Counter()
    for x in conflicts:
        if x.story_id is None:
            continue
        for outlet in {x.a.outlet or "(no outlet)", x.b.outlet or "(no outlet)"}:
            if (x.story_id, outlet) in counts:
                n_conflicts[(x.story_id, outlet)] += 1
    return [
        (sid, outlet, len(r.articles), r.claims, r.shared, r.single, n_conflicts[(sid, outlet)])
        for (sid, outlet), r in sorted(counts.items())
    ]


def _store_claim_stories(
    db: sqlite_utils.Database, claims: Sequence[ClaimRecord], shared: set[str], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM claim_stories")
        db.conn.executemany(
            "INSERT INTO claim_stories (claim_id, story_id, outlet, coverage, run_id) "
            "VALUES (?,?,?,?,?)", _claim_story_rows(claims, shared, run_id),
        )


def _claim_story_rows(
    claims: Sequence[ClaimRecord], shared: set[str], run_id: int
) -> list[tuple[str, str, str, str, int]]:
    return [
        (c.id, c.story_id, c.outlet or "(no outlet)",
         "shared" if c.id in shared else "only this outlet", run_id)
        for c in claims if c.story_id is not None
    ]


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
            "explanation, run_id, confidence, is_update, fact_subject, fact_attribute, story_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                # A fact-sheet conflict comes from no claim group: group_id stays NULL in the
                # table (the JSON report shows its pseudo-group id, one per compared attribute).
                (c.id, None if c.attribute else c.group_id, c.kind, c.a.id, c.b.id, c.a_value,
                 c.b_value, c.explanation, run_id, c.confidence, int(c.update), c.subject,
                 c.attribute, c.story_id)
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
