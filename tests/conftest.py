from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests with a fixed seed, so a run is reproducible; locally they explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("TERMINAL_WIDTH", "100")
os.environ.setdefault("_TYPER_FORCE_DISABLE_TERMINAL", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file path under tmp_path (not created)."""
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles ingested and diffed once for the session."""
    import claimcheck

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    claimcheck.ingest([str(SEEDS)], path)
    claimcheck.diff(path)
    return path


def conflicts_of(rows: list[dict[str, object]], tmp_path: Path, name: str) -> list[dict[str, object]]:
    """Ingest ``rows`` as one JSON Lines file into a fresh database; the report's conflicts."""
    import json

    import claimcheck
    from claimcheck.report import to_json_dict

    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    return list(to_json_dict(claimcheck.diff(db))["conflicts"])
