from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


def conflicts_of(
    rows: list[dict[str, object]], tmp_path: Path, name: str, *, min_confidence: float | None = None
) -> list[dict[str, object]]:
    """Ingest ``rows`` as one JSON Lines file into a fresh database; the report's conflicts
    (at ``diff``'s default confidence cut unless one is given)."""

    import claimcheck
    from claimcheck.report import to_json_dict

    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    result = (claimcheck.diff(db) if min_confidence is None
              else claimcheck.diff(db, min_confidence=min_confidence))
    return list(to_json_dict(result)["conflicts"])


def fact_sheet_dates(conflicts: list[dict[str, object]]) -> list[dict[str, object]]:
    """The fact sheets' date conflicts of a report (claim groups compare look-alike sentences
    on their own)."""
    return [c for c in conflicts if c["kind"] == "date" and str(c["group"]).startswith("f")]


def sheet_conflicts_of(rows: list[dict[str, str]], tmp_path: Path) -> list[Any]:
    """Ingest ``rows`` (one JSON Lines file) and build the fact sheets straight from the
    stored claims, as ``diff`` does: their conflicts, before any reporting margin."""
    import sqlite_utils

    import claimcheck
    from claimcheck.compare.affinity import StoryAffinity
    from claimcheck.compare.facts import build_fact_sheets
    from claimcheck.compare.stories import find_stories
    from claimcheck.compare.text import prepare
    from claimcheck.differ import load_claims

    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    claimcheck.ingest([str(path)], tmp_path / "rows.db")
    db = sqlite_utils.Database(str(tmp_path / "rows.db"))
    claims = load_claims(db)
    prepare(claims)
    story_of, _ = find_stories(claims, [
        (r[0], r[1], r[2], r[3])
        for r in db.execute("SELECT id, title, outlet, published FROM articles ORDER BY rowid")])
    return list(build_fact_sheets(claims, stories=story_of, affinity=StoryAffinity(claims)).conflicts)


#: (id, published A, sentence A, published B, sentence B, the two dates expected in
#: conflict or None for none)
DateCase = tuple[str, str, str, str, str, "tuple[str, str] | None"]


def date_case_conflicts(
    case: DateCase, tmp_path: Path, text_a: str, text_b: str
) -> list[dict[str, object]]:
    """Two outlets' articles of one event: ``text_a`` / ``text_b`` with the case's sentence
    in place of ``{sentence}``, published on the case's days; the report's conflicts."""
    cid, pub_a, sent_a, pub_b, sent_b, _ = case
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": pub_a,
         "text": text_a.replace("{sentence}", sent_a)},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": pub_b,
         "text": text_b.replace("{sentence}", sent_b)},
    ]
    return conflicts_of(rows, tmp_path, cid)


def assert_date_case(
    conflicts: list[dict[str, object]], values: tuple[str, str] | None, *, exactly_one: bool = False
) -> None:
    """No date conflict when ``values`` is None; otherwise a date conflict (exactly one when
    asked) between these two values."""
    dates = [c for c in conflicts if c["kind"] == "date"]
    if values is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    if exactly_one:
        assert len(dates) == 1, [(c["kind"], c["a_value"], c["b_value"]) for c in conflicts]
    else:
        assert dates, [(c["kind"], c["a_value"], c["b_value"]) for c in conflicts]
    got = {str(dates[0]["a_value"]), str(dates[0]["b_value"])}
    assert got == set(values), got


def _generator() -> ModuleType:
    name = "generate_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "generate_corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def generated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 generated articles (stories told by several outlets, planted conflicts), ingested."""
    import claimcheck

    articles, _ = _generator().generate(80, seed=7, conflict_rate=0.5)
    folder = tmp_path_factory.mktemp("generated")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    path = folder / "generated.db"
    claimcheck.ingest([str(corpus)], path)
    return path
