"""Incremental ingest (issue 15): adding articles to a database gives the same stored rows
as ingesting everything at once, and the corpus-wide steps look only at what changed."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest_identity  # noqa: E402

_BODIES = [
    "The city council approved a new budget on Monday. Mayor Ann Ortiz said the plan adds "
    "two libraries.",
    "Police arrested a 24-year-old man in Springfield on Tuesday. He was charged with theft, "
    "Sgt. Paul Brown said.",
    "A fire destroyed a warehouse near the river on Friday night. No one was hurt, fire "
    "officials said.",
    "Voters in Dayton rejected a school levy on Tuesday. The district will cut 40 jobs, "
    "superintendent Lisa Chen said.",
]
_FOOTER = "The Example Media weekend desk edits this page."


def _records(path: Path, bodies: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, body in enumerate(bodies):
            fh.write(json.dumps({
                "id": f"r{i}", "title": f"Story {i}", "text": f"{body}\n\n{_FOOTER}\n",
                "outlet": "news.example.com", "published": f"2024-03-0{i + 1}",
            }) + "\n")
    return path


def _footer_flags(db: Path) -> list[tuple[int, str | None]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT is_boilerplate, boilerplate_reason FROM sentences WHERE text = ? ORDER BY id",
        [_FOOTER],
    ).fetchall()
    con.close()
    return rows


def test_footer_repeated_in_a_later_run_is_flagged(tmp_path: Path) -> None:
    """Three articles flag their common footer; a fourth, added later, has it flagged too
    (the old full rescan skipped flagged lines and so left the new copy unflagged)."""
    a = _records(tmp_path / "a.jsonl", _BODIES[:3])
    b = _records(tmp_path / "b.jsonl", _BODIES[3:])
    inc = tmp_path / "inc.db"
    claimcheck.ingest([str(a)], inc)
    assert _footer_flags(inc) == [(1, "repeated")] * 3
    result = claimcheck.ingest([str(b)], inc)
    assert result.boilerplate >= 1
    assert _footer_flags(inc) == [(1, "repeated")] * 4
    once = tmp_path / "once.db"
    claimcheck.ingest([str(a), str(b)], once)
    assert ingest_identity.differences(
        ingest_identity.store_digest(inc), ingest_identity.store_digest(once)
    ) == []


@pytest.mark.skipif(not ingest_identity.GUNVIOLENCE.is_file(), reason="shared corpus not available")
def test_two_runs_equal_one_run(tmp_path: Path) -> None:
    """Seeds + 30 corpus articles in two runs (different split points in files) store the
    same rows, entity ids, flags and full-text words as one run over all of them."""
    lines = ingest_identity.GUNVIOLENCE.read_text(encoding="utf-8").splitlines(keepends=True)
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    first.write_text("".join(lines[:18]), encoding="utf-8")
    second.write_text("".join(lines[18:30]), encoding="utf-8")
    inc = tmp_path / "inc.db"
    claimcheck.ingest([str(ingest_identity.SEEDS), str(first)], inc)
    claimcheck.ingest([str(second)], inc)
    once = tmp_path / "once.db"
    claimcheck.ingest([str(ingest_identity.SEEDS), str(first), str(second)], once)
    got, want = ingest_identity.store_digest(inc), ingest_identity.store_digest(once)
    assert got["articles"]["rows"] == 35
    assert ingest_identity.differences(got, want) == []


def test_pronoun_answers_are_cached(tmp_path: Path) -> None:
    """Linking stores whom each pronoun mention was resolved to, and a later run reuses it."""
    db = tmp_path / "p.db"
    claimcheck.ingest([str(ingest_identity.SEEDS)], db)
    con = sqlite3.connect(db)
    pron, cached = con.execute(
        "SELECT count(*), count(resolved_name) FROM mentions WHERE unit = 'pronoun' "
        "AND kind IN ('person', 'org', 'place', 'other')"
    ).fetchone()
    con.close()
    assert pron > 0 and cached == pron


def test_progress_callback_reports_bytes_rate_and_linking(tmp_path: Path) -> None:
    """The library reports progress through a callback (it never prints): bytes grow to the
    input size, the rate is positive, and the corpus-wide step is announced last."""
    from claimcheck.pipeline import IngestProgress

    src = _records(tmp_path / "a.jsonl", _BODIES)
    seen: list[tuple[int, int, int | None, str, float]] = []

    def on_article(state: IngestProgress) -> None:
        seen.append((state.articles, state.bytes_done, state.bytes_total, state.stage,
                     state.mb_per_second))

    result = claimcheck.ingest([str(src)], tmp_path / "p.db", on_article=on_article)
    assert [s[0] for s in seen[:4]] == [1, 2, 3, 4]
    assert all(a[1] < b[1] for a, b in zip(seen[:3], seen[1:4], strict=True))
    assert seen[0][2] == src.stat().st_size and seen[3][1] <= seen[3][2]
    assert seen[-1][3] == "link" and all(s[3] == "analyse" for s in seen[:-1])
    assert seen[3][4] > 0
    assert " articles/s, " in result.summary() and result.summary().endswith(" MB/s)")
