"""``claimcheck serve``: Datasette on the database with claimcheck's metadata.

The metadata (``metadata.json`` beside this module) is written for a database named
``claimcheck`` (the default ``claimcheck.db``); :func:`load_metadata` re-keys it for any
other file name. :func:`make_datasette` also registers a small ``render_cell`` hook that
turns the id columns of claimcheck's views and canned queries into links back to the rows
they name (Datasette links foreign keys only in tables, not in views). Every value it
renders is HTML-escaped: article text is untrusted.
"""

from __future__ import annotations

import asyncio
import errno
import json
import socket
import sqlite3
import threading
import webbrowser
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import ClaimcheckError, DatabaseError, NoDatabase
from .store import open_db
from .views import VIEWS, refresh_views

#: The database name the shipped metadata is written for.
METADATA_DB_NAME = "claimcheck"

#: The page ``--open`` shows first.
START_PAGE = "conflict_details"

#: Datasette settings claimcheck uses. Facets come from the metadata; Datasette's own facet
#: suggestions would mostly propose id columns and cost a query per column on every page.
DEFAULT_SETTINGS: dict[str, Any] = {"suggest_facets": False}

#: Plugin name under which the link hook is registered with Datasette.
PLUGIN_NAME = "claimcheck-links"

#: Columns of claimcheck's views and canned queries that hold a row id: column -> table.
ID_COLUMNS: dict[str, str] = {
    "conflict_id": "conflicts",
    "group_id": "claim_groups",
    "claim_id": "claims",
    "a_claim_id": "claims",
    "b_claim_id": "claims",
    "representative_claim_id": "claims",
    "sentence_id": "sentences",
    "a_sentence_id": "sentences",
    "b_sentence_id": "sentences",
    "article_id": "articles",
    "a_article_id": "articles",
    "b_article_id": "articles",
    "story_id": "stories",
}

#: Foreign-key columns of claimcheck's tables: column -> table. Datasette links them on
#: table pages but shows plain ids on row pages; the hook links them there.
FK_COLUMNS: dict[str, str] = {
    "article_id": "articles",
    "sentence_id": "sentences",
    "claim_id": "claims",
    "claim_a": "claims",
    "claim_b": "claims",
    "representative_claim_id": "claims",
    "group_id": "claim_groups",
    "entity_id": "entities",
    "story_id": "stories",
}

#: Text columns shown as a link to another row of the same result: column -> (id column, table).
LABEL_LINKS: dict[str, tuple[str, str]] = {
    "a_title": ("a_article_id", "articles"),
    "b_title": ("b_article_id", "articles"),
    "title": ("article_id", "articles"),
    "claim": ("claim_id", "claims"),
    "a_claim": ("a_claim_id", "claims"),
    "b_claim": ("b_claim_id", "claims"),
    "representative_claim": ("group_id", "claim_groups"),
    "headline": ("story_id", "stories"),
}


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file (its stem), as used in URLs.

    :param db_path: the SQLite file
    """
    return Path(db_path).stem


def load_metadata(db_name: str = METADATA_DB_NAME) -> dict[str, Any]:
    """Claimcheck's Datasette metadata, keyed for a database called ``db_name``.

    :param db_name: the database name in Datasette (the file's stem)
    """
    text = resources.files(__package__).joinpath("metadata.json").read_text(encoding="utf-8")
    meta: dict[str, Any] = json.loads(text)
    if db_name == METADATA_DB_NAME:
        return meta
    from datasette.utils import tilde_encode

    old = f'href="{METADATA_DB_NAME}/'
    new = f'href="{tilde_encode(db_name)}/'
    databases = meta["databases"]
    databases[db_name] = databases.pop(METADATA_DB_NAME)
    for holder in (meta, databases[db_name]):
        if "description_html" in holder:
            holder["description_html"] = holder["description_html"].replace(old, new)
    return meta


def render_link(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Datasette ``render_cell`` hook: a link for cells that name another row, else None.

    In views named in :data:`claimcheck.views.VIEWS` and in canned queries (``table``
    None), id columns and some text columns link to their rows. In tables, foreign-key
    columns whose value Datasette did not expand (row pages) link to the row they name.

    :param row: the result row (indexable by column name)
    :param value: the cell value
    :param column: the column name
    :param table: the table or view name, None for a query
    :param database: the database name
    :param datasette: the Datasette instance
    :returns: a ``markupsafe.Markup`` link, or None to let Datasette render the cell
    """
    if not isinstance(value, str) or not value:
        return None
    from markupsafe import Markup

    if table is not None and table not in VIEWS:
        if column not in FK_COLUMNS:
            return None
        href = _row_url(datasette, database, FK_COLUMNS[column], value)
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column in ID_COLUMNS:
        href = _row_url(datasette, database, ID_COLUMNS[column], value)
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column in LABEL_LINKS:
        id_column, target = LABEL_LINKS[column]
        target_id = _get(row, id_column)
        if not isinstance(target_id, str) or not target_id:
            return None
        href = _row_url(datasette, database, target, target_id)
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "kind" and table is None and _get(row, "conflicts") is not None:
        # conflicts_by_kind: a kind opens the conflicts of that kind.
        from urllib.parse import urlencode

        href = datasette.urls.table(database, "conflict_details") + "?" + urlencode({"kind": value})
        return Markup('<a href="{}">{}</a>').format(href, value)
    return None


def _get(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _row_url(datasette: Any, database: str, table: str, row_id: str) -> str:
    from datasette.utils import tilde_encode

    return str(datasette.urls.row(database, table, tilde_encode(row_id)))


def register_plugin() -> None:
    """Register the link hook with Datasette's plugin manager (once per process)."""
    from datasette import hookimpl
    from datasette.plugins import pm

    if pm.get_plugin(PLUGIN_NAME) is None:
        # pluggy reads hook implementations off the attributes of the registered object,
        # and Datasette lists plugins by module name: a small synthetic module does both.
        plugin = ModuleType(PLUGIN_NAME.replace("-", "_"))
        plugin.render_cell = hookimpl(render_link)  # type: ignore[attr-defined]
        pm.register(plugin, name=PLUGIN_NAME)


def make_datasette(db_path: str | Path, *, settings: Mapping[str, Any] | None = None) -> Any:
    """A Datasette instance on ``db_path`` with claimcheck's metadata and link hook.

    :param db_path: the SQLite file (must exist)
    :param settings: Datasette settings, over :data:`DEFAULT_SETTINGS`
    :returns: a ``datasette.app.Datasette``
    """
    from datasette.app import Datasette

    register_plugin()
    path = Path(db_path)
    return Datasette(
        [str(path)],
        metadata=load_metadata(database_name(path)),
        settings={**DEFAULT_SETTINGS, **(settings or {})},
    )


def start_url(db_path: str | Path, *, port: int, host: str) -> str:
    """The URL ``--open`` shows: the conflicts view.

    :param db_path: the SQLite file
    :param port: the port Datasette listens on
    :param host: the host Datasette binds (wildcard hosts are opened as 127.0.0.1)
    """
    from datasette.utils import tilde_encode

    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/{tilde_encode(database_name(db_path))}/{START_PAGE}"


def check_port(host: str, port: int) -> None:
    """Raise when ``host:port`` cannot be bound (e.g. another server uses it).

    :param host: the host to bind
    :param port: the port to bind
    :raises ClaimcheckError: the port is taken or the host is not a local address
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ClaimcheckError(
                    f"port {port} on {host} is already in use; choose another with --port"
                ) from None
            raise ClaimcheckError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def serve(
    db_path: str | Path, *, port: int = 8001, host: str = "127.0.0.1", open_browser: bool = False
) -> None:
    """Start Datasette on the database with claimcheck's metadata (blocks until interrupted).

    The views and search indexes are refreshed first, so a database written by an older
    claimcheck shows them too.

    :param db_path: the SQLite file written by ``claimcheck ingest``
    :param port: the port to listen on
    :param host: the host to bind
    :param open_browser: open the conflicts page in a web browser
    :raises NoDatabase: the file does not exist
    :raises DatabaseError: the file is not a claimcheck database
    :raises ClaimcheckError: the port cannot be used
    """
    path = Path(db_path)
    if not path.exists():
        raise NoDatabase(f"{path}: no such database; run 'claimcheck ingest' first")
    db = open_db(path, create=False)
    try:
        refresh_views(db)
    except sqlite3.Error as exc:
        # A read-only file can still be browsed when an earlier run created the views.
        if START_PAGE not in db.view_names():
            raise DatabaseError(
                f"{path}: cannot add claimcheck's views ({exc}); check that the file is writable"
            ) from None
    finally:
        db.close()
    check_port(host, port)
    ds = make_datasette(path)
    asyncio.run(ds.invoke_startup())

    import uvicorn

    if open_browser:
        timer = threading.Timer(1.0, webbrowser.open, args=[start_url(path, port=port, host=host)])
        timer.daemon = True
        timer.start()
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
