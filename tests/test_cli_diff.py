"""claimcheck diff through the CLI, the seeds quality bar, and stored results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.compare import DEFAULT_THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "gold" / "score.py"
runner = CliRunner()

A = ("The summit of regional leaders was held in Geneva on March 3, 2021. "
     "Twelve ministers attended the talks. The host government praised the outcome.")
B = ("Regional leaders gathered for their summit in Geneva on March 3, 2020. "
     "Twelve ministers attended the talks. Observers called the meeting a success.")


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    src = tmp_path / "pair.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": A, "outlet": "Alpine Post", "published": "2021-03-04"}) + "\n"
        + json.dumps({"id": "b", "text": B, "outlet": "Lake Herald", "published": "2021-03-04"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.db"
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    return db


def test_json_report_finds_the_planted_date_conflict(planted: Path) -> None:
    result = runner.invoke(app, ["diff", "--db", str(planted), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(c["kind"], c["a_value"], c["b_value"]) for c in report["conflicts"]] == [
        ("date", "3 March 2021", "3 March 2020")
    ]
    conflict = report["conflicts"][0]
    assert conflict["group"] in {g["id"] for g in report["groups"]}
    assert "Geneva on March 3, 2021" in conflict["a"]["text"]


def test_ids_are_stable_and_rerun_replaces(planted: Path) -> None:
    first = json.loads(runner.invoke(app, ["diff", "--db", str(planted), "--format", "json"]).output)
    second = json.loads(runner.invoke(app, ["diff", "--db", str(planted), "--format", "json"]).output)
    assert first == second
    db = sqlite_utils.Database(planted)
    assert db["conflicts"].count == 1
    assert db["claim_groups"].count == len(first["groups"])
    runs = [r["command"] for r in db["runs"].rows]
    assert runs.count("diff") == 2


def test_kind_filter_and_fail_on_conflict(planted: Path) -> None:
    only_numbers = runner.invoke(app, ["diff", "--db", str(planted), "--format", "json", "--kind", "number",
                                       "--fail-on-conflict"])
    assert only_numbers.exit_code == 0
    assert json.loads(only_numbers.output)["conflicts"] == []
    dates = runner.invoke(app, ["diff", "--db", str(planted), "--format", "csv", "--kind", "date",
                                "--fail-on-conflict"])
    assert dates.exit_code == 1
    assert dates.output.splitlines()[1].split(",")[2] == "date"


def test_output_file_and_formats(planted: Path, tmp_path: Path) -> None:
    for fmt, start in [("html", "<!DOCTYPE html>"), ("markdown", "# claimcheck report"), ("table", "2 articles")]:
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(app, ["diff", "--db", str(planted), "--format", fmt, "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(start)
        assert f"report written to {out}" in result.output


def test_bad_options(planted: Path, tmp_path: Path) -> None:
    bad_format = runner.invoke(app, ["diff", "--db", str(planted), "--format", "xml"])
    assert bad_format.exit_code == 1
    assert bad_format.output == "Error: unknown --format 'xml'; use one of table, json, markdown, html, csv\n"
    bad_kind = runner.invoke(app, ["diff", "--db", str(planted), "--kind", "colour"])
    assert bad_kind.exit_code == 1 and "unknown --kind colour" in bad_kind.output
    missing = runner.invoke(app, ["diff", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert "no such database; run 'claimcheck ingest' first" in missing.output


def test_cli_default_threshold_matches_library() -> None:
    result = runner.invoke(app, ["diff", "--help"])
    assert f"{DEFAULT_THRESHOLD}" in result.output


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/gold (present in CI and dev checkouts)")
def test_seeds_meet_the_quality_bar(seeds_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["diff", "--db", str(seeds_db), "--format", "json", "--output", str(report)])
    assert result.exit_code == 0
    scored = subprocess.run([sys.executable, str(SCORER), str(report)], capture_output=True, text=True, check=True)
    numbers = json.loads(scored.stdout[: scored.stdout.rindex("}") + 1])
    assert numbers["group_recall"] >= 0.9
    assert numbers["group_precision"] >= 0.9
    assert numbers["false_alarms"] == []
