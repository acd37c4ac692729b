"""Parquet: the database's tables (and the blocking keys) as files DuckDB and Spark read.

``claimcheck export --format parquet DIR`` writes one folder per table, ``DIR/<table>/``,
holding ``part-*.parquet`` files; ``ingest --out-parquet DIR`` writes the map step's tables
in the same layout, one part per batch of articles. The columns and their types are fixed
here (:data:`TABLES`) and documented in ``docs/parquet.md``: a column added to SQLite is
exported once it is added here, so readers never see a schema change they did not ask for.

pyarrow is optional (``pip install 'claimcheck[parquet]'``).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ClaimcheckError, InvalidOption

if TYPE_CHECKING:
    import pyarrow as pa

#: Column types: ``str`` (UTF-8 string), ``int`` (int64), ``float`` (float64).
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "str"), ("source", "str"), ("content_hash", "str"), ("title", "str"),
        ("outlet", "str"), ("published", "str"), ("url", "str"), ("external_id", "str"),
        ("text", "str"), ("extra", "str"), ("language", "str"), ("file_hash", "str"),
        ("story_id", "str"), ("run_id", "int"), ("ingested_at", "str"),
    ],
    "sentences": [
        ("id", "str"), ("article_id", "str"), ("idx", "int"), ("start", "int"), ("end", "int"),
        ("text", "str"), ("is_boilerplate", "int"), ("boilerplate_reason", "str"),
    ],
    "claims": [
        ("id", "str"), ("article_id", "str"), ("sentence_id", "str"), ("idx", "int"),
        ("start", "int"), ("end", "int"), ("text", "str"), ("normalized", "str"),
        ("polarity", "int"), ("modality", "str"), ("speaker", "str"), ("tense", "str"),
    ],
    "mentions": [
        ("id", "str"), ("claim_id", "str"), ("article_id", "str"), ("kind", "str"),
        ("start", "int"), ("end", "int"), ("surface", "str"), ("value", "str"),
        ("lo", "float"), ("hi", "float"), ("unit", "str"), ("entity_id", "str"),
    ],
    "entities": [
        ("id", "str"), ("name", "str"), ("kind", "str"), ("aliases", "str"),
        ("mention_count", "int"),
    ],
    "stories": [
        ("id", "str"), ("headline", "str"), ("first_published", "str"),
        ("last_published", "str"), ("outlets", "str"), ("n_articles", "int"),
        ("n_outlets", "int"), ("n_groups", "int"), ("n_conflicts", "int"), ("run_id", "int"),
    ],
    "claim_groups": [
        ("id", "str"), ("verdict", "str"), ("size", "int"), ("n_articles", "int"),
        ("n_outlets", "int"), ("representative_claim_id", "str"), ("label", "str"),
        ("story_id", "str"), ("run_id", "int"),
    ],
    "group_claims": [("group_id", "str"), ("claim_id", "str"), ("article_id", "str")],
    "conflicts": [
        ("id", "str"), ("group_id", "str"), ("kind", "str"), ("claim_a", "str"),
        ("claim_b", "str"), ("a_value", "str"), ("b_value", "str"), ("explanation", "str"),
        ("confidence", "float"), ("is_update", "int"), ("fact_subject", "str"),
        ("fact_attribute", "str"), ("story_id", "str"), ("run_id", "int"),
    ],
    # Derived, not a SQLite table: one row per claim and blocking key (see docs/scaling.md).
    "claim_keys": [("claim_id", "str"), ("article_id", "str"), ("key", "str"), ("kind", "str")],
}

#: The tables the map step (``ingest --out-parquet``) writes.
MAP_TABLES = ("articles", "sentences", "claims", "mentions")

#: Rows per Parquet row group / per read from SQLite.
CHUNK_ROWS = 50_000


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InvalidOption(
            "Parquet needs pyarrow; install it with pip install 'claimcheck[parquet]'"
        ) from None
    return pyarrow, pyarrow.parquet


def schema(table: str) -> pa.Schema:
    """The Arrow schema of an exported table."""
    pa, _ = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in TABLES[table]])


def key_kind(key: str) -> str:
    """``entity`` (a linked entity id), ``date`` (``@`` + a specific date) or ``word``."""
    from .compare.text import ENTITY_ID

    if key.startswith("@"):
        return "date"
    return "entity" if ENTITY_ID.fullmatch(key) else "word"


class PartWriter:
    """Writes one table's rows into ``DIR/<table>/part-NNNNN.parquet`` files."""

    def __init__(self, out: Path, table: str, *, prefix: str = "part") -> None:
        _, self._pq = _pyarrow()
        self.table = table
        self.folder = out / table
        self.folder.mkdir(parents=True, exist_ok=True)
        self.schema = schema(table)
        self.prefix = prefix
        self.parts = 0
        self.rows = 0

    def write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """One part file with these rows (in the table's column order); none when empty."""
        pa, _ = _pyarrow()
        if not rows and self.parts:
            return
        columns: list[Sequence[Any]] = (
            list(zip(*rows, strict=True)) if rows else [[] for _ in self.schema]
        )
        batch = pa.table(
            [pa.array(list(col), type=field.type) for col, field in zip(columns, self.schema, strict=True)],
            schema=self.schema,
        )
        path = self.folder / f"{self.prefix}-{self.parts:05d}.parquet"
        self._pq.write_table(batch, path, row_group_size=CHUNK_ROWS)
        self.parts += 1
        self.rows += len(rows)


def prepare_folder(out: Path, tables: Iterable[str]) -> None:
    """Make ``out`` ready for a fresh set of tables: create it, or replace the table folders
    of an earlier export there.

    :raises InvalidOption: ``out`` is a file, or a folder holding something else
    """
    wanted = set(tables)
    if out.exists() and not out.is_dir():
        raise InvalidOption(f"{out}: is a file; give a folder for the Parquet tables")
    if out.is_dir():
        others = [p.name for p in out.iterdir() if p.name not in TABLES]
        if others:
            raise InvalidOption(
                f"{out}: folder holds other files ({', '.join(sorted(others)[:3])}); "
                "give an empty or new folder, or one an earlier export wrote"
            )
        for name in wanted:
            if (out / name).is_dir():
                shutil.rmtree(out / name)
    out.mkdir(parents=True, exist_ok=True)


def export_parquet(db_path: str | Path, out: str | Path) -> dict[str, int]:
    """Write every table of :data:`TABLES` as Parquet under ``out``; return rows per table.

    The groups, conflicts and stories are those of the last ``diff`` (empty before one).
    ``claim_keys`` are the blocking keys of every compared claim (claims of boilerplate
    sentences are not compared and have none).

    :raises NoDatabase: the database does not exist
    :raises InvalidOption: pyarrow is missing, or ``out`` cannot take the tables
    """
    from .store import open_db

    _pyarrow()
    out = Path(out)
    db = open_db(db_path, create=False)
    counts: dict[str, int] = {}
    try:
        prepare_folder(out, TABLES)
        for table, cols in TABLES.items():
            if table == "claim_keys":
                continue
            writer = PartWriter(out, table)
            names = ", ".join(f'"{c}"' for c, _ in cols)
            order = ", ".join(f'"{c}"' for c, _ in cols[:2])
            try:
                cursor = db.conn.execute(f"SELECT {names} FROM {table} ORDER BY {order}")
            except sqlite3.Error as exc:
                raise ClaimcheckError(f"{db_path}: cannot read table {table} ({exc})") from None
            while True:
                chunk = cursor.fetchmany(CHUNK_ROWS)
                if not chunk and writer.parts:
                    break
                writer.write(chunk)
                if len(chunk) < CHUNK_ROWS:
                    break
            counts[table] = writer.rows
        counts["claim_keys"] = _export_keys(db, out)
    finally:
        db.close()
    return counts


def claim_key_rows(claims: Iterable[Any]) -> list[tuple[str, str, str, str]]:
    """``(claim_id, article_id, key, kind)`` for prepared claims, keys in sorted order."""
    from .compare.blocking import blocking_keys

    return [
        (c.id, c.article_id, k, key_kind(k)) for c in claims for k in sorted(blocking_keys(c))
    ]


def _export_keys(db: Any, out: Path) -> int:
    from .compare.text import prepare
    from .differ import load_claims

    claims = load_claims(db)
    prepare(claims)
    writer = PartWriter(out, "claim_keys")
    rows = claim_key_rows(claims)
    for k in range(0, max(len(rows), 1), CHUNK_ROWS * 4):
        writer.write(rows[k:k + CHUNK_ROWS * 4])
    return writer.rows
