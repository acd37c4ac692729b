"""``claimcheck serve``: Datasette on the database with claimcheck's metadata."""

from __future__ import annotations

from pathlib import Path


def serve(db_path: str | Path, *, port: int = 8001, host: str = "127.0.0.1", open_browser: bool = False) -> None:
    """Start Datasette (blocks until interrupted)."""
    raise NotImplementedError
