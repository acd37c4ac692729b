"""Speed work must not change what ingest stores (issue 15).

The reference digest (tests/data/ingest_digest.json) is written by
``python benchmarks/ingest_identity.py regen``; rerun it after a change that alters outputs
on purpose (dates, lexicons...) and commit the new file with that change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest_identity  # noqa: E402


@pytest.mark.skipif(
    not ingest_identity.GUNVIOLENCE.is_file() or not ingest_identity.NEWSWCL.is_file(),
    reason="shared corpora not available",
)
def test_small_corpus_digest_matches_reference(tmp_path: Path) -> None:
    want = json.loads(ingest_identity.REFERENCE.read_text(encoding="utf-8"))["small"]
    got, _ = ingest_identity.ingest_digest(ingest_identity.small_inputs(tmp_path))
    assert ingest_identity.differences(got, want) == [], (
        "ingest output changed; if on purpose, run: python benchmarks/ingest_identity.py regen"
    )


def test_digest_sees_a_changed_row(tmp_path: Path) -> None:
    """The digest is sensitive to one changed value (it would catch a real difference)."""
    import sqlite3

    import claimcheck

    db = tmp_path / "a.db"
    claimcheck.ingest([str(ingest_identity.SEEDS / "000_47d147ed464ecd28.txt")], db)
    before = ingest_identity.store_digest(db)
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE mentions SET value = value || 'x' WHERE rowid = (SELECT min(rowid) FROM mentions)")
    con.close()
    after = ingest_identity.store_digest(db)
    assert ingest_identity.differences(after, before) == [
        f"mentions: {before['mentions']} -> {after['mentions']}"
    ]
