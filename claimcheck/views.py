"""SQL views and full-text search that make the database read well in Datasette.

:func:`refresh_views` is called at the end of every ``ingest`` and ``diff`` run. It is
idempotent and cheap: views are dropped and re-created from fixed SQL (no user data is
ever formatted into a statement), and the FTS5 indexes are created once and from then on
brought up to date by indexing only the rows added since the previous call (see
:func:`ensure_fts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from .reviews import LATEST_REVIEW_ID


@dataclass(frozen=True, slots=True)
class FtsSpec:
    """A full-text index on some columns of one table."""

    table: str
    columns: tuple[str, ...]


#: Tokenizer for every index: Porter stemming over unicode61 with diacritics folded, so
#: ``killed`` finds ``kill`` and ``Zürich`` finds ``Zurich``.
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

#: The tables and columns that ``?_search=`` works on in Datasette.
FTS_INDEXES: tuple[FtsSpec, ...] = (
    FtsSpec("claims", ("text", "normalized")),
    FtsSpec("sentences", ("text",)),
)

# The latest review of a conflict, found by its id or by its claims, kind and values (see
# claimcheck.reviews); a fixed SQL fragment, no user data.
_CONFLICT_DETAILS = """
CREATE VIEW conflict_details AS
SELECT
  c.id AS conflict_id,
  c.kind AS kind,
  c.confidence AS confidence,
  CASE WHEN c.is_update THEN 'update' ELSE 'contradiction' END AS status_kind,
  coalesce(rv.status, 'unreviewed') AS status,
  rv.note AS note,
  c.a_value AS a_value,
  c.b_value AS b_value,
  aa.outlet AS a_outlet,
  aa.published AS a_published,
  ca.text AS a_claim,
  ab.outlet AS b_outlet,
  ab.published AS b_published,
  cb.text AS b_claim,
  c.explanation AS explanation,
  sa.text AS a_sentence,
  sb.text AS b_sentence,
  aa.title AS a_title,
  ab.title AS b_title,
  c.group_id AS group_id,
  c.claim_a AS a_claim_id,
  c.claim_b AS b_claim_id,
  ca.sentence_id AS a_sentence_id,
  cb.sentence_id AS b_sentence_id,
  ca.article_id AS a_article_id,
  cb.article_id AS b_article_id,
  aa.url AS a_url,
  ab.url AS b_url,
  rv.reviewer AS reviewer,
  rv.reviewed_at AS reviewed_at
FROM conflicts c
LEFT JOIN claims ca ON ca.id = c.claim_a
LEFT JOIN claims cb ON cb.id = c.claim_b
LEFT JOIN sentences sa ON sa.id = ca.sentence_id
LEFT JOIN sentences sb ON sb.id = cb.sentence_id
LEFT JOIN articles aa ON aa.id = ca.article_id
LEFT JOIN articles ab ON ab.id = cb.article_id
LEFT JOIN reviews rv ON rv.id = """ + LATEST_REVIEW_ID + """
"""

_GROUP_OVERVIEW = """
CREATE VIEW group_overview AS
SELECT
  g.id AS group_id,
  g.verdict AS verdict,
  g.n_articles AS n_articles,
  g.n_outlets AS n_outlets,
  (SELECT count(*) FROM group_claims gc WHERE gc.group_id = g.id) AS members,
  (SELECT count(*) FROM conflicts x WHERE x.group_id = g.id) AS conflicts,
  rc.text AS representative_claim,
  (SELECT group_concat(o, ', ') FROM (
     SELECT DISTINCT coalesce(nullif(a.outlet, ''), '(no outlet)') AS o
     FROM group_claims gc JOIN articles a ON a.id = gc.article_id
     WHERE gc.group_id = g.id ORDER BY o)) AS outlets,
  g.label AS label,
  g.representative_claim_id AS representative_claim_id,
  g.run_id AS run_id
FROM claim_groups g
LEFT JOIN claims rc ON rc.id = g.representative_claim_id
"""

_CLAIMS_WITH_ARTICLES = """
CREATE VIEW claims_with_articles AS
SELECT
  c.text AS claim,
  a.outlet AS outlet,
  a.published AS published,
  a.title AS title,
  s.text AS sentence,
  CASE WHEN c.polarity < 0 THEN 'negated' ELSE 'affirmed' END AS polarity,
  c.modality AS modality,
  c.speaker AS speaker,
  c.tense AS tense,
  (SELECT gc.group_id FROM group_claims gc WHERE gc.claim_id = c.id LIMIT 1) AS group_id,
  c.normalized AS normalized,
  c.id AS claim_id,
  c.article_id AS article_id,
  c.sentence_id AS sentence_id,
  c.rowid AS claim_rowid
FROM claims c
LEFT JOIN articles a ON a.id = c.article_id
LEFT JOIN sentences s ON s.id = c.sentence_id
"""

_FACT_SHEET = """
CREATE VIEW fact_sheet AS
SELECT
  t.subject_kind AS subject_kind,
  t.subject_name AS subject_name,
  t.attribute AS attribute,
  (SELECT group_concat(ov, ' | ') FROM (
     SELECT DISTINCT coalesce(nullif(a.outlet, ''), t2.article_id) || ': ' || t2.value AS ov
     FROM attributes t2 JOIN articles a ON a.id = t2.article_id
     WHERE t2.subject = t.subject AND t2.attribute = t.attribute AND t2.story = t.story
     ORDER BY a.published, ov)) AS values_by_outlet,
  count(DISTINCT t.article_id) AS n_articles,
  count(DISTINCT lower(t.value)) AS n_values,
  (SELECT count(*) FROM conflicts x
     WHERE x.fact_subject = t.subject AND x.fact_attribute = t.attribute) AS conflicts,
  (SELECT count(*) FROM conflicts x
     WHERE x.fact_subject = t.subject AND x.fact_attribute = t.attribute
       AND x.is_update) AS updates,
  t.story AS story,
  t.subject AS subject
FROM attributes t
GROUP BY t.subject_kind, t.subject, t.attribute, t.story
"""

# One row per story: its dates, outlets, and per outlet how many claims it made and how many
# of those only it made (from the story_outlets table that diff writes).
_STORY_OVERVIEW = """
CREATE VIEW story_overview AS
SELECT
  st.headline AS headline,
  st.first_published AS first_published,
  st.last_published AS last_published,
  st.n_articles AS articles,
  st.n_outlets AS outlets,
  (SELECT group_concat(o.outlet || ': ' || o.claims || ' claims, ' || o.single_outlet_claims
                       || ' only here', '; ')
   FROM (SELECT * FROM story_outlets so WHERE so.story_id = st.id
         ORDER BY so.claims DESC, so.outlet) o) AS claims_by_outlet,
  (SELECT sum(so.claims) FROM story_outlets so WHERE so.story_id = st.id) AS claims,
  (SELECT sum(so.single_outlet_claims) FROM story_outlets so
   WHERE so.story_id = st.id) AS single_outlet_claims,
  st.n_groups AS groups,
  st.n_conflicts AS conflicts,
  st.outlets AS outlet_names,
  CASE WHEN st.n_outlets > 1 THEN 'several outlets' ELSE 'one outlet' END AS coverage,
  st.id AS story_id,
  st.run_id AS run_id
FROM stories st
"""

# Every claim with its story and whether another outlet's article makes it too (from the
# claim_stories table that diff writes, so that facets stay quick on large databases).
_STORY_CLAIMS = """
CREATE VIEW story_claims AS
SELECT
  st.headline AS headline,
  cs.outlet AS outlet,
  cs.coverage AS coverage,
  c.text AS claim,
  a.published AS published,
  a.title AS title,
  s.text AS sentence,
  (SELECT gc.group_id FROM group_claims gc WHERE gc.claim_id = c.id LIMIT 1) AS group_id,
  cs.story_id AS story_id,
  c.id AS claim_id,
  c.article_id AS article_id
FROM claim_stories cs
JOIN claims c ON c.id = cs.claim_id
JOIN articles a ON a.id = c.article_id
LEFT JOIN stories st ON st.id = cs.story_id
LEFT JOIN sentences s ON s.id = c.sentence_id
"""

#: View name -> its ``CREATE VIEW`` statement, in creation order.
VIEWS: dict[str, str] = {
    "conflict_details": _CONFLICT_DETAILS,
    "group_overview": _GROUP_OVERVIEW,
    "claims_with_articles": _CLAIMS_WITH_ARTICLES,
    "fact_sheet": _FACT_SHEET,
    "story_overview": _STORY_OVERVIEW,
    "story_claims": _STORY_CLAIMS,
}


def refresh_views(db: sqlite_utils.Database) -> None:
    """Create or replace the views and make sure the full-text indexes exist and are in sync.

    Safe to call any number of times, on a fresh database or on one that has views and
    indexes already. Must not be called inside an open transaction (creating an index
    commits).

    :param db: an open claimcheck database (schema created by :func:`claimcheck.store.open_db`)
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, sql in VIEWS.items():
            # Names are fixed constants above, never user data.
            conn.execute(f"DROP VIEW IF EXISTS [{name}]")
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    for spec in FTS_INDEXES:
        ensure_fts(db, spec)


def ensure_fts(db: sqlite_utils.Database, spec: FtsSpec) -> str:
    """Bring the FTS5 index of ``spec`` up to date with its table.

    The index is an external-content FTS5 table whose rowids are the table's rowids. It is
    created (and filled) when missing or configured differently, e.g. with triggers or
    another tokenizer. Otherwise rows added since the last call are indexed in one bulk
    statement. The pipeline only appends to the indexed tables; when rows were deleted
    (indexed rowids no longer all exist) the index is rebuilt. Editing indexed text in
    place is not detected: call :func:`rebuild_fts` after that.

    Triggers are deliberately not used: FTS5 flushes its pending terms at every statement
    savepoint, so a per-row trigger made ingest inserts about ten times slower than one
    bulk insert here.

    :param db: an open claimcheck database
    :param spec: the table and columns to index
    :returns: ``"created"``, ``"rebuilt"``, ``"appended"``, ``"unchanged"`` or ``"no table"``
    """
    table = db.table(spec.table)
    if not table.exists():
        return "no table"
    fts = db.table(f"{spec.table}_fts")
    had_triggers = _has_triggers(table)
    if had_triggers:
        table.disable_fts()  # drops the index and every trigger that writes to it
    before = fts.schema if fts.exists() else None
    table.enable_fts(list(spec.columns), tokenize=FTS_TOKENIZE, replace=True)
    if before is None or had_triggers or before != fts.schema:
        return "created"
    # Names below come from FTS_INDEXES (constants), never from user data.
    name = f"[{spec.table}]"
    index = f"[{spec.table}_fts]"
    docsize = f"[{spec.table}_fts_docsize]"
    last, n_indexed = db.execute(f"SELECT coalesce(max(rowid), 0), count(*) FROM {docsize}").fetchone()
    n_present = db.execute(f"SELECT count(*) FROM {name} WHERE rowid <= ?", [last]).fetchone()[0]
    if n_present != n_indexed:
        table.rebuild_fts()
        return "rebuilt"
    cols = ", ".join(f"[{c}]" for c in spec.columns)
    with db.conn:
        cur = db.execute(
            f"INSERT INTO {index} (rowid, {cols}) SELECT rowid, {cols} FROM {name} WHERE rowid > ?",
            [last],
        )
    return "appended" if cur.rowcount else "unchanged"


def _has_triggers(table: sqlite_utils.db.Table) -> bool:
    names = {t.name for t in table.triggers}
    return any(f"{table.name}{s}" in names for s in ("_ai", "_ad", "_au"))


def rebuild_fts(db: sqlite_utils.Database) -> None:
    """Rebuild every full-text index from its table (after text was edited in place).

    :param db: an open claimcheck database
    """
    for spec in FTS_INDEXES:
        if ensure_fts(db, spec) in ("appended", "unchanged"):
            db.table(spec.table).rebuild_fts()
