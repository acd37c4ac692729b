"""SQL views and full-text search that make the database read well in Datasette."""

from __future__ import annotations

import sqlite_utils


def refresh_views(db: sqlite_utils.Database) -> None:
    """Create or replace the views and rebuild full-text search indexes."""
    return None
