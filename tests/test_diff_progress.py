"""diff reports its progress (stages, pairs scored) and the CLI prints its rate."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck.differ as differ
from claimcheck.cli import app
from claimcheck.differ import DiffProgress, diff


def test_diff_reports_every_stage_in_order_and_counts_pairs(
    seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "seeds.db"
    shutil.copy(seeds_db, db)
    # small batches, so that scoring reports several times on five articles
    monkeypatch.setattr(differ, "PROGRESS_BATCH", 50)
    seen: list[DiffProgress] = []
    result = diff(db, on_progress=seen.append)
    stages = [p.stage for p in seen]
    order = ["load", "stories", "pairs", "score", "group", "facts", "store"]
    firsts = [stages.index(s) for s in order]
    assert firsts == sorted(firsts), stages
    scoring = [p for p in seen if p.stage == "score"]
    assert len(scoring) >= 2
    total = scoring[0].total
    assert total == result.candidate_pairs
    assert [p.done for p in scoring] == list(range(0, total, 50))
    assert all(p.claims == result.claims_compared for p in seen if p.stage != "load")
    assert [p.seconds for p in seen] == sorted(p.seconds for p in seen)


def test_progress_does_not_change_the_report(seeds_db: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(seeds_db, a)
    shutil.copy(seeds_db, b)
    quiet = diff(a)
    watched = diff(b, on_progress=lambda p: None)
    assert [g.id for g in quiet.groups] == [g.id for g in watched.groups]
    assert [c.id for c in quiet.conflicts] == [c.id for c in watched.conflicts]


def test_cli_summary_line_gives_the_rate(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    shutil.copy(seeds_db, db)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["diff", "--db", str(db), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "claims compared in" in result.output and "claims/s" in result.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")
