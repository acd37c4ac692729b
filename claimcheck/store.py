"""The only module that touches SQLite: schema, migrations, writes and reads."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from .errors import DatabaseError, NoDatabase

#: The schema version this claimcheck writes. Each step in ``_MIGRATIONS`` brings a
#: database from version ``i`` to ``i + 1``; an older file is upgraded when it is opened.
SCHEMA_VERSION = 10


@dataclass(slots=True)
class ArticleRow:
    """An article as stored."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    n_sentences: int
    n_claims: int
    text: str


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) a claimcheck database.

    :param path: the SQLite file
    :param create: create the file when it does not exist; otherwise raise NoDatabase
    :raises NoDatabase: the file is missing and ``create`` is false
    :raises DatabaseError: the file is not a database, is locked, or cannot be written
    """
    path = Path(path)
    if not create and not path.exists():
        raise NoDatabase(f"{path}: no such database; run 'claimcheck ingest' first")
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path}: is a folder; give --db a file name such as claimcheck.db")
    if create and not path.parent.exists():
        raise DatabaseError(f"{path}: folder {path.parent} does not exist; create it or choose another --db")
    try:
        conn = sqlite3.connect(str(path), timeout=10)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        if schema_version(db) == 0 and db.table_names() and "articles" not in db.table_names():
            conn.close()
            raise DatabaseError(
                f"{path}: is an SQLite file of another program, not a claimcheck database; "
                "choose another --db"
            )
        # Ingest commits finished articles in small batches (each article all or nothing);
        # WAL with synchronous=NORMAL makes those commits cheap (no fsync per commit) while
        # the file stays consistent after an application crash or Ctrl-C.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise _db_error(path, exc) from None
    return db


def _db_error(path: Path, exc: sqlite3.Error) -> DatabaseError:
    msg = str(exc)
    if "not a database" in msg or "malformed" in msg:
        return DatabaseError(f"{path}: not a claimcheck database or corrupt ({msg}); choose another --db")
    if "locked" in msg or "busy" in msg:
        return DatabaseError(f"{path}: database is locked by another program; close it and retry")
    if "readonly" in msg or "unable to open" in msg:
        return DatabaseError(f"{path}: cannot write the database ({msg}); check permissions or choose another --db")
    return DatabaseError(f"{path}: {msg}")


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version stored in the file (``PRAGMA user_version``)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`; return the version it had before."""
    before = schema_version(db)
    if before > SCHEMA_VERSION:
        raise DatabaseError(
            f"database schema version {before} is newer than this claimcheck ({SCHEMA_VERSION}); "
            "upgrade claimcheck"
        )
    for version in range(before, SCHEMA_VERSION):
        with db.conn:
            _MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return before


def _m0_base(db: sqlite_utils.Database) -> None:
    db.table("runs").create(
        {
            "id": int,
            "command": str,
            "version": str,
            "options": str,
            "started": str,
            "finished": str,
            "seconds": float,
            "counts": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("articles").create(
        {
            "id": str,
            "source": str,
            "content_hash": str,
            "title": str,
            "outlet": str,
            "published": str,
            "url": str,
            "external_id": str,
            "text": str,
            "extra": str,
            "run_id": int,
            "ingested_at": str,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id")],
        if_not_exists=True,
    )
    db.table("sentences").create(
        {
            "id": str,
            "article_id": str,
            "idx": int,
            "start": int,
            "end": int,
            "text": str,
            "is_boilerplate": int,
            "boilerplate_reason": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        if_not_exists=True,
    )
    db.table("claims").create(
        {
            "id": str,
            "article_id": str,
            "sentence_id": str,
            "idx": int,
            "start": int,
            "end": int,
            "text": str,
            "normalized": str,
            "polarity": int,
            "modality": str,
            "speaker": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id")],
        if_not_exists=True,
    )
    db.table("entities").create(
        {"id": str, "name": str, "kind": str, "aliases": str, "mention_count": int},
        pk="id",
        if_not_exists=True,
    )
    db.table("mentions").create(
        {
            "id": str,
            "claim_id": str,
            "article_id": str,
            "kind": str,
            "start": int,
            "end": int,
            "surface": str,
            "value": str,
            "lo": float,
            "hi": float,
            "unit": str,
            "entity_id": str,
        },
        pk="id",
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("article_id", "articles", "id"),
            ("entity_id", "entities", "id"),
        ],
        if_not_exists=True,
    )


def _m1_groups(db: sqlite_utils.Database) -> None:
    db.table("claim_groups").create(
        {
            "id": str,
            "verdict": str,
            "size": int,
            "n_articles": int,
            "n_outlets": int,
            "representative_claim_id": str,
            "label": str,
            "run_id": int,
        },
        pk="id",
        foreign_keys=[("representative_claim_id", "claims", "id"), ("run_id", "runs", "id")],
        if_not_exists=True,
    )
    db.table("group_claims").create(
        {"group_id": str, "claim_id": str, "article_id": str, "score": float},
        pk=("group_id", "claim_id"),
        foreign_keys=[
            ("group_id", "claim_groups", "id"),
            ("claim_id", "claims", "id"),
            ("article_id", "articles", "id"),
        ],
        if_not_exists=True,
    )
    db.table("conflicts").create(
        {
            "id": str,
            "group_id": str,
            "kind": str,
            "claim_a": str,
            "claim_b": str,
            "a_value": str,
            "b_value": str,
            "explanation": str,
            "run_id": int,
        },
        pk="id",
        foreign_keys=[
            ("group_id", "claim_groups", "id"),
            ("claim_a", "claims", "id"),
            ("claim_b", "claims", "id"),
            ("run_id", "runs", "id"),
        ],
        if_not_exists=True,
    )


def _m2_indexes(db: sqlite_utils.Database) -> None:
    # Version 2 adds the claim tense column and the indexes that diff and Datasette need.
    if "tense" not in db.table("claims").columns_dict:
        db.table("claims").add_column("tense", str)
    for table, cols in [
        ("articles", ["content_hash"]),
        ("sentences", ["article_id"]),
        ("claims", ["article_id"]),
        ("claims", ["sentence_id"]),
        ("mentions", ["claim_id"]),
        ("mentions", ["entity_id"]),
        ("mentions", ["article_id"]),
        ("group_claims", ["claim_id"]),
        ("conflicts", ["group_id"]),
    ]:
        db.table(table).create_index(cols, if_not_exists=True)


def _m3_confidence(db: sqlite_utils.Database) -> None:
    # Version 3: every conflict has a confidence (0..1) and an update flag (the later article
    # reports a more advanced state).
    cols = db.table("conflicts").columns_dict
    if "confidence" not in cols:
        db.table("conflicts").add_column("confidence", float)
    if "is_update" not in cols:
        db.table("conflicts").add_column("is_update", int)


def _m4_language_and_skipped(db: sqlite_utils.Database) -> None:
    # Version 5: each article's language (ISO 639-1, "und" when undetermined; NULL for
    # articles stored before detection existed) and the SHA-256 of the file it was read
    # from (single-article files only: a re-run skips those files unread); and the files or
    # records the latest ingest with --skip-errors could not read, with the reason.
    for column in ("language", "file_hash"):
        if column not in db.table("articles").columns_dict:
            db.table("articles").add_column(column, str)
    db.table("articles").create_index(["language"], if_not_exists=True)
    db.table("articles").create_index(["file_hash"], if_not_exists=True)
    db.table("skipped").create(
        {
            "id": int,
            "source": str,
            "file": str,
            "kind": str,
            "reason": str,
            "run_id": int,
            "skipped_at": str,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id")],
        if_not_exists=True,
    )
    db.table("skipped").create_index(["file"], if_not_exists=True)
    db.table("skipped").create_index(["kind"], if_not_exists=True)


def _m5_fact_sheets(db: sqlite_utils.Database) -> None:
    # Version 6: fact sheets. ``attributes`` holds what each article states about each
    # entity (age, residence, role, condition, custody) and about its story's event
    # (killed, injured, shot, date, place), with the claim and exact span as evidence.
    # Fact-sheet conflicts are stored in ``conflicts`` with ``group_id`` NULL (they come from
    # no claim group) and ``fact_subject``/``fact_attribute`` naming what was compared.
    db.table("attributes").create(
        {
            "id": str,
            "subject_kind": str,
            "subject": str,
            "subject_name": str,
            "story": str,
            "attribute": str,
            "value": str,
            "lo": float,
            "hi": float,
            "article_id": str,
            "claim_id": str,
            "start": int,
            "end": int,
            "note": str,
            "run_id": int,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("claim_id", "claims", "id"),
            ("run_id", "runs", "id"),
        ],
        if_not_exists=True,
    )
    db.table("attributes").create_index(["subject", "attribute"], if_not_exists=True)
    db.table("attributes").create_index(["article_id"], if_not_exists=True)
    cols = db.table("conflicts").columns_dict
    if "fact_subject" not in cols:
        db.table("conflicts").add_column("fact_subject", str)
    if "fact_attribute" not in cols:
        db.table("conflicts").add_column("fact_attribute", str)


def _m6_reviews(db: sqlite_utils.Database) -> None:
    # Version 7: the desk's decisions on conflicts. Every decision is a new row (latest wins),
    # never an update, so the history stays. No foreign key to conflicts: each diff replaces
    # the conflicts, and a decision must outlive a run that no longer reports its conflict.
    # The conflict's claims, kind and values are kept with the decision so that it still
    # applies when the conflict's group (hence its id) changes because a new article joined.
    # Idempotent (IF NOT EXISTS): two processes may open an old file at the same moment.
    db.execute(
        "CREATE TABLE IF NOT EXISTS reviews ("
        "id INTEGER PRIMARY KEY, conflict_id TEXT NOT NULL, status TEXT NOT NULL, note TEXT, "
        "reviewer TEXT, reviewed_at TEXT NOT NULL, group_id TEXT, kind TEXT, claim_a TEXT, "
        "claim_b TEXT, a_value TEXT, b_value TEXT, explanation TEXT)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_reviews_conflict_id ON reviews (conflict_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_reviews_claims ON reviews (claim_a, claim_b)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_run_id ON articles (run_id)")


def _m7_stories(db: sqlite_utils.Database) -> None:
    # Version 7 -> 8: stories (articles clustered into the events they report), each
    # article's story, and the story of every claim group (NULL when a group spans stories:
    # a background fact) and of every conflict.
    db.table("stories").create(
        {
            "id": str,
            "headline": str,
            "first_published": str,
            "last_published": str,
            "outlets": str,
            "n_articles": int,
            "n_outlets": int,
            "n_groups": int,
            "n_conflicts": int,
            "run_id": int,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id")],
        if_not_exists=True,
    )
    # Per story and outlet: what the outlet's articles claim, how much of it another outlet
    # repeats, and how many conflicts involve it (written by diff, read by story_overview).
    db.table("story_outlets").create(
        {
            "story_id": str,
            "outlet": str,
            "articles": int,
            "claims": int,
            "shared_claims": int,
            "single_outlet_claims": int,
            "conflicts": int,
            "run_id": int,
        },
        pk=("story_id", "outlet"),
        foreign_keys=[("story_id", "stories", "id"), ("run_id", "runs", "id")],
        if_not_exists=True,
    )
    # Per claim: its story, outlet, and whether another outlet's article makes it too
    # (written by diff; the story_claims view and its facets read it).
    db.table("claim_stories").create(
        {"claim_id": str, "story_id": str, "outlet": str, "coverage": str, "run_id": int},
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id"), ("story_id", "stories", "id"),
                      ("run_id", "runs", "id")],
        if_not_exists=True,
    )
    db.table("claim_stories").create_index(["story_id"], if_not_exists=True)
    for table in ("articles", "claim_groups", "conflicts"):
        if "story_id" not in db.table(table).columns_dict:
            db.table(table).add_column("story_id", str)
        db.table(table).create_index(["story_id"], if_not_exists=True)


def _m8_incremental_ingest(db: sqlite_utils.Database) -> None:
    # Version 8 -> 9 (issue 15, incremental ingest): ``line_keys`` holds the repeated-line key
    # of every short line of an article with an outlet that the classifier left as prose, so a
    # run finds the lines repeated across an owner's articles by looking up the keys of its new
    # articles instead of rescanning every sentence; and ``mentions.resolved_name`` caches whom
    # a pronoun mention ("He said ...") was resolved to, so linking does not re-read every
    # article's text. Both are filled for existing rows here (the key is a pure function of
    # the sentence text and the article's outlet).
    from .boilerplate import is_short_line, outlet_owner, repeated_line_keys
    from .models import Span

    db.execute(
        "CREATE TABLE IF NOT EXISTS line_keys (sentence_id TEXT PRIMARY KEY REFERENCES "
        "sentences(id), article_id TEXT NOT NULL REFERENCES articles(id), owner TEXT NOT NULL, "
        "key TEXT NOT NULL, bare INTEGER NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_line_keys_owner_key ON line_keys (owner, key)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_line_keys_article ON line_keys (article_id)")
    if "resolved_name" not in db.table("mentions").columns_dict:
        db.table("mentions").add_column("resolved_name", str)
    rows = db.execute(
        "SELECT s.id, s.article_id, s.text, a.outlet FROM sentences s "
        "JOIN articles a ON a.id = s.article_id WHERE a.outlet IS NOT NULL AND "
        "(s.is_boilerplate = 0 OR s.boilerplate_reason = 'repeated')"
    ).fetchall()
    db.conn.executemany(
        "INSERT OR IGNORE INTO line_keys (sentence_id, article_id, owner, key, bare) "
        "VALUES (?,?,?,?,?)",
        [
            (sid, aid, outlet_owner(outlet), repeated_line_keys(text, [Span(0, len(text))])[0],
             int(not any(c in text for c in ".!?")))
            for sid, aid, text, outlet in rows if is_short_line(text)
        ],
    )


def _m9_link_state(db: sqlite_utils.Database) -> None:
    # Version 9 -> 10 (issue 15, incremental entity linking): ``link_state`` keeps the entity
    # linker's intermediate state (claimcheck/linking.py) as JSON values by kind and key, so
    # an ingest links its new articles without resolving the whole corpus again. Empty until
    # the next ingest, which links everything once and fills it.
    db.execute(
        "CREATE TABLE IF NOT EXISTS link_state (space TEXT NOT NULL, k TEXT NOT NULL, "
        "v TEXT NOT NULL, n INTEGER, PRIMARY KEY (space, k))"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_link_state_n ON link_state (space, n)")


_MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m0_base, _m1_groups, _m2_indexes, _m3_confidence, _m4_language_and_skipped, _m5_fact_sheets,
    _m6_reviews, _m7_stories, _m8_incremental_ingest, _m9_link_state,
]
assert len(_MIGRATIONS) == SCHEMA_VERSION


def now_iso() -> str:
    """The current UTC time as an ISO string (seconds)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def start_run(db: sqlite_utils.Database, command: str, version: str, options: dict[str, Any]) -> int:
    """Insert a ``runs`` row and return its id."""
    with db.conn:
        cur = db.execute(
            "INSERT INTO runs (command, version, options, started) VALUES (?, ?, ?, ?)",
            [command, version, json.dumps(options, sort_keys=True, default=str), now_iso()],
        )
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


def finish_run(db: sqlite_utils.Database, run_id: int, seconds: float, counts: dict[str, Any]) -> None:
    """Record a run's end, duration and counts."""
    with db.conn:
        db.execute(
            "UPDATE runs SET finished = ?, seconds = ?, counts = ? WHERE id = ?",
            [now_iso(), round(seconds, 4), json.dumps(counts, sort_keys=True), run_id],
        )


def replace_skipped(
    db: sqlite_utils.Database, run_id: int, files: Iterable[str], skipped: Iterable[Any]
) -> None:
    """Record what a run skipped, replacing earlier entries of every file it read again.

    A file that failed before and reads cleanly now drops out of the table; one that still
    fails gets this run's reason. ``skipped`` holds objects with ``source``, ``file``,
    ``kind`` and ``reason`` attributes (:class:`~claimcheck.readers.SkippedRecord`).
    """
    stamp = now_iso()
    rows = [(s.source, s.file or s.source, s.kind, s.reason, run_id, stamp) for s in skipped]
    read = sorted({*files, *(r[1] for r in rows)})
    with transaction(db):
        db.conn.executemany(
            "DELETE FROM skipped WHERE file = ? AND run_id <> ?", [(f, run_id) for f in read]
        )
        db.conn.executemany(
            "INSERT INTO skipped (source, file, kind, reason, run_id, skipped_at) "
            "VALUES (?,?,?,?,?,?)",
            rows,
        )


def skipped_files(db: sqlite_utils.Database) -> list[str]:
    """The files that have entries in the ``skipped`` table."""
    return [r[0] for r in db.execute("SELECT DISTINCT file FROM skipped")]


def known_file_hashes(db: sqlite_utils.Database) -> set[str]:
    """The SHA-256 of every single-article file already stored."""
    return {r[0] for r in db.execute("SELECT file_hash FROM articles WHERE file_hash IS NOT NULL")}


def known_hashes(db: sqlite_utils.Database) -> set[str]:
    """Every stored content hash."""
    return {r[0] for r in db.execute("SELECT content_hash FROM articles")}


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One write transaction: committed on success, rolled back on any error."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


_INSERTS = {
    "articles": "INSERT INTO articles (id, source, content_hash, title, outlet, published, url, "
    "external_id, text, extra, run_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    # the same with the columns of schema version 4 last
    "articles_v4": "INSERT INTO articles (id, source, content_hash, title, outlet, "
    "published, url, external_id, text, extra, run_id, ingested_at, language, file_hash) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "sentences": "INSERT INTO sentences (id, article_id, idx, start, end, text, is_boilerplate, "
    "boilerplate_reason) VALUES (?,?,?,?,?,?,?,?)",
    "claims": "INSERT INTO claims (id, article_id, sentence_id, idx, start, end, text, normalized, "
    "polarity, modality, speaker, tense) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "mentions": "INSERT INTO mentions (id, claim_id, article_id, kind, start, end, surface, value, "
    "lo, hi, unit, entity_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "line_keys": "INSERT INTO line_keys (sentence_id, article_id, owner, key, bare) "
    "VALUES (?,?,?,?,?)",
}


def write_rows(db: sqlite_utils.Database, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert prepared row tuples into one of the pipeline tables (inside a transaction)."""
    db.conn.executemany(_INSERTS[table], rows)


def list_articles(db: sqlite_utils.Database) -> list[ArticleRow]:
    """Every stored article with its sentence and claim counts, in ingest order."""
    sql = """
        SELECT a.id, a.source, a.title, a.outlet, a.published, a.url, a.text,
          (SELECT count(*) FROM sentences s WHERE s.article_id = a.id),
          (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
        FROM articles a ORDER BY a.rowid
    """
    return [
        ArticleRow(
            id=r[0], source=r[1], title=r[2], outlet=r[3], published=r[4], url=r[5],
            text=r[6], n_sentences=r[7], n_claims=r[8],
        )
        for r in db.execute(sql)
    ]


def list_claims(
    db: sqlite_utils.Database,
    *,
    article: str | None = None,
    search: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Claims with their mentions, filtered by article id prefix and by a text search."""
    where = ["1 = 1"]
    params: list[Any] = []
    if article:
        where.append("c.article_id LIKE ?")
        params.append(article.replace("%", "") + "%")
    if search:
        where.append("c.text LIKE ?")
        params.append(f"%{search}%")
    params.append(limit)
    sql = (
        "SELECT c.id, c.article_id, c.start, c.end, c.text, c.normalized, c.polarity, c.modality, "
        "c.speaker, c.tense FROM claims c WHERE " + " AND ".join(where)
        + " ORDER BY c.article_id, c.start, c.id LIMIT ?"
    )
    rows: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    for r in db.execute(sql, params):
        row = {
            "id": r[0], "article": r[1], "start": r[2], "end": r[3], "text": r[4],
            "normalized": r[5], "polarity": r[6], "modality": r[7], "speaker": r[8],
            "tense": r[9], "mentions": [],
        }
        rows.append(row)
        index[r[0]] = row
    if index:
        marks = ",".join("?" * len(index))
        for m in db.execute(
            "SELECT m.claim_id, m.kind, m.surface, m.value, m.lo, m.hi, m.unit, e.name "
            f"FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.claim_id IN ({marks}) "
            "ORDER BY m.claim_id, m.start, m.id",
            list(index),
        ):
            index[m[0]]["mentions"].append({
                "kind": m[1], "surface": m[2], "value": m[3], "lo": m[4], "hi": m[5],
                "unit": m[6], "entity": m[7],
            })
    return rows
