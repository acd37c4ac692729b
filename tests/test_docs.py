"""Docs match the code: every command is documented and has help; imports stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_the_commands_we_expect_exist() -> None:
    assert COMMANDS == ["articles", "claims", "diff", "export", "facts", "ingest", "review", "serve",
                        "stories"]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"claimcheck {command}" in README


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = README.split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert lines[0].endswith("claimcheck ingest seeds/ && .venv/bin/claimcheck diff")
    assert lines[1].endswith(".venv/bin/python -m pytest")
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").count(lines[1]) == 1


def test_version() -> None:
    from claimcheck import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.output == f"claimcheck {__version__}\n"


def test_import_is_light() -> None:
    code = (
        "import sys, claimcheck, claimcheck.cli;"
        "heavy = [m for m in ('trafilatura', 'datasette', 'dateparser', 'charset_normalizer',"
        " 'claimcheck.compare', 'claimcheck.pipeline') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m() -> None:
    out = subprocess.run([sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("claimcheck ")
