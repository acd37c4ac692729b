"""The speed paths of ingest give what the plain paths give (issue 15).

* language detection counts py3langid's features with a vectorised walk
  (:class:`claimcheck.language._ByteWalk`): the counts, their order and so every score must
  be the library's own;
* finished articles are written a batch at a time (:class:`claimcheck.pipeline._WriteBatch`):
  the rows must be those of writing one article at a time, an article is never stored in
  part, and an interrupt keeps every finished article.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimcheck import language, pipeline

TEXTS = [
    "The county fire marshal said the cause of the blaze was still under investigation.",
    "Die Feuerwehr war die ganze Nacht mit Sandsäcken im Einsatz, teilte die Polizei mit.",
    "Une réunion de conciliation est prévue lundi prochain à la préfecture de Lyon.",
    "Пожарные работали всю ночь, сообщила полиция города.",
    "消防队整夜都在工作，警方说。",
    "a", "ab", "abcde", " ", "",  # shorter than the automaton's depth
    "Ok. 12:30 — 14:00 | 3 / 4 ;; ##",
]


def _identifier() -> Any:
    identifier = language._get_identifier()
    if identifier.walk is None:  # set up after WALK_AFTER detections in a run
        identifier.walk = language._ByteWalk.of(identifier)
    assert identifier.walk is not None, "the vectorised walk should be in use with this model"
    return identifier


def test_the_walk_is_set_up_after_some_detections(monkeypatch: pytest.MonkeyPatch) -> None:
    identifier = language._get_identifier()
    monkeypatch.setattr(identifier, "walk", None)
    monkeypatch.setattr(identifier, "detections", 0)
    monkeypatch.setattr(language, "WALK_AFTER", 3)
    codes = [language.detect_language(TEXTS[0]) for _ in range(4)]
    assert identifier.walk is not None and codes == ["en"] * 4


def _library_counts(identifier: Any, data: bytes) -> list[tuple[int, int]] | None:
    from py3langid.langid import visit_counts

    got = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
    return None if got is None else list(got.items())


def _random_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz ETAOINéüßçñøœ.,;'\"-–\n0123456789ЖжДдλμ中文"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300))) for _ in range(n)]


def test_the_vectorised_walk_counts_what_the_library_counts() -> None:
    identifier = _identifier()
    for text in [*TEXTS, *_random_texts(0, 200)]:
        data = identifier._encode(text)
        ours = identifier.walk.counts(data)
        # same features, same counts, same order of first occurrence (it fixes the float sums)
        assert (None if ours is None else list(ours.items())) == _library_counts(identifier, data)


def test_scores_and_languages_are_the_library_ones() -> None:
    identifier = _identifier()
    walk = identifier.walk
    for text in [*TEXTS, *_random_texts(1, 50)]:
        fast = identifier._decide(text)
        identifier.walk = None
        try:
            plain = identifier._decide(text)
            plain_code = language.detect_language(text)
        finally:
            identifier.walk = walk
        assert fast.tobytes() == plain.tobytes()  # bit for bit
        assert language.detect_language(text) == plain_code


def test_the_depth_is_the_longest_state_string() -> None:
    import numpy as np

    # a toy automaton over bytes: state 0 start, "a" -> 1, "ab" -> 2; anything else -> 0
    rowbase = np.array([0, 256, 512], dtype=np.intp)
    nextmove = np.zeros(3 * 256, dtype=np.intp)
    nextmove[ord("a")] = nextmove[256 + ord("a")] = nextmove[512 + ord("a")] = 1
    nextmove[256 + ord("b")] = 2
    assert language._automaton_depth(nextmove, rowbase) == 2
    walk = language._ByteWalk(nextmove, rowbase, np.array([-1, 7, 9], dtype=np.intp), 2)
    assert walk.counts(b"xabaab") == {7: 3, 9: 2}
    assert walk.counts(b"xyz") is None


def test_a_model_the_walk_does_not_match_keeps_the_library_walk() -> None:
    class Odd:  # an identifier without the pre-shifted rows the walk reads
        tk_nextmove = b""
        tk_output: list[int] = []

    assert language._ByteWalk.of(Odd()) is None


# ---------------------------------------------------------------------------
# batched writes


def _jsonl(tmp_path: Path, n: int) -> Path:
    import json

    path = tmp_path / "in.jsonl"
    lines = []
    for i in range(n):
        text = (
            f"Officer Dana Reyes{i} said {i + 2} people were hurt on Maple Street on Monday. "
            f"The fire at building {i} was put out by 9 p.m., the county said. He said it was arson."
        )
        lines.append(json.dumps({"id": f"r{i}", "text": text, "outlet": "example.com"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("sentences", "claims", "mentions", "line_keys", "entities")
        } | {"articles": con.execute(
            "SELECT id, source, title, outlet, text, language FROM articles ORDER BY rowid"
        ).fetchall()}
    finally:
        con.close()


def test_batches_of_any_size_store_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _jsonl(tmp_path, 7)
    got = []
    for size in (1, 3, 100):
        monkeypatch.setattr(pipeline, "BATCH_ARTICLES", size)
        db = tmp_path / f"b{size}.db"
        assert pipeline.ingest([str(src)], db).articles == 7
        got.append(_rows(db))
    assert got[0]["articles"] and got[0]["claims"] and got[0]["mentions"] and got[0]["line_keys"]
    assert got[0] == got[1] == got[2]


def test_an_interrupt_while_a_batch_is_written_keeps_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _jsonl(tmp_path, 5)
    real = pipeline.write_rows
    calls = {"n": 0}

    def flaky(db: Any, table: str, rows: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # the first batch, its claims: sentences are already in
            raise KeyboardInterrupt
        real(db, table, rows)

    monkeypatch.setattr(pipeline, "write_rows", flaky)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest([str(src)], tmp_path / "i.db")
    con = sqlite3.connect(tmp_path / "i.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the batch was rolled back and written again: every finished article, each one whole
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert con.execute("SELECT count(DISTINCT article_id) FROM claims").fetchone()[0] == 5
    assert con.execute(
        "SELECT count(*) FROM sentences").fetchone()[0] == 5 * 3


def test_a_failed_batch_leaves_no_part_of_an_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _jsonl(tmp_path, 4)
    real = pipeline.write_rows

    def broken(db: Any, table: str, rows: Any) -> None:
        if table == "mentions":
            raise sqlite3.OperationalError("disk I/O error")
        real(db, table, rows)

    monkeypatch.setattr(pipeline, "write_rows", broken)
    with pytest.raises(sqlite3.OperationalError):
        pipeline.ingest([str(src)], tmp_path / "f.db")
    con = sqlite3.connect(tmp_path / "f.db")
    for table in ("articles", "sentences", "claims", "mentions"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
