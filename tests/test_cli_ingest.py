"""claimcheck ingest / articles through the CLI: happy path and every bad-input case."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from claimcheck.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

runner = CliRunner()


def invoke(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def counts(db: Path) -> dict[str, int]:
    handle = sqlite_utils.Database(db)
    return {t: handle[t].count for t in ("articles", "sentences", "claims")}


def test_ingest_seeds_and_reingest_adds_nothing(db_path: Path) -> None:
    result = invoke("ingest", str(SEEDS), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 articles, ")
    first = counts(db_path)
    assert first["articles"] == 5 and first["sentences"] > 50 and first["claims"] > 50
    again = invoke("ingest", str(SEEDS), "--db", str(db_path))
    assert again.exit_code == 0
    assert again.output.startswith("0 articles, ")
    assert "5 already stored" in again.output
    assert counts(db_path) == first


def test_sentence_offsets_are_exact(db_path: Path) -> None:
    invoke("ingest", str(SEEDS), "--db", str(db_path))
    db = sqlite_utils.Database(db_path)
    texts = {r["id"]: r["text"] for r in db["articles"].rows}
    for s in db["sentences"].rows:
        assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
    for c in db.query("SELECT c.*, s.start AS ss, s.end AS se FROM claims c JOIN sentences s ON s.id = c.sentence_id"):
        assert c["ss"] <= c["start"] < c["end"] <= c["se"]
        assert texts[c["article_id"]][c["start"]:c["end"]] == c["text"]


def test_articles_json_lists_metadata(db_path: Path) -> None:
    invoke("ingest", str(SEEDS), "--db", str(db_path))
    result = invoke("articles", "--db", str(db_path), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert len(rows) == 5
    assert all(r["sentences"] > 0 for r in rows)


def test_outlet_and_published_options(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Flood waters rose in the valley on Monday. Two bridges were closed.\n", encoding="utf-8")
    result = invoke("ingest", str(f), "--db", str(db_path), "--outlet", "Valley News", "--published", "2024-05-06")
    assert result.exit_code == 0, result.output
    row = next(sqlite_utils.Database(db_path)["articles"].rows)
    assert row["outlet"] == "Valley News" and row["published"] == "2024-05-06"


def test_jsonl_fields_and_unknown_fields_kept(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    rec = {"id": "x1", "title": "Quake", "text": "A quake struck the city on Monday. Ten people died.",
           "published": "2023-02-07", "outlet": "Wire", "url": "http://example.org/x1", "event": "q-1"}
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert invoke("ingest", str(f), "--db", str(db_path)).exit_code == 0
    row = next(sqlite_utils.Database(db_path)["articles"].rows)
    assert (row["title"], row["outlet"], row["published"], row["external_id"]) == ("Quake", "Wire", "2023-02-07", "x1")
    assert json.loads(row["extra"]) == {"event": "q-1"}


def test_stdin(db_path: Path) -> None:
    result = invoke("ingest", "-", "--db", str(db_path), input=b"The mayor resigned on Friday. She gave no reason.\n")
    assert result.exit_code == 0, result.output
    assert counts(db_path)["articles"] == 1


def test_html_input(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "p.html"
    body = " ".join(f"<p>The council voted {i} times on the budget plan before it passed in March.</p>" for i in range(5))
    page.write_text(
        "<html><head><title>Council passes budget</title>"
        '<meta property="og:site_name" content="City Times">'
        '<meta property="article:published_time" content="2022-03-04T10:00:00Z"></head>'
        f"<body><nav>Home | News</nav><article><h1>Council passes budget</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    result = invoke("ingest", str(page), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    row = next(sqlite_utils.Database(db_path)["articles"].rows)
    assert row["title"] == "Council passes budget"
    assert row["published"] == "2022-03-04"
    assert "Home | News" not in row["text"]


def test_non_utf8_is_detected(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président a été réélu à Paris dimanche. Les électeurs étaient nombreux.".encode("latin-1"))
    result = invoke("ingest", str(f), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    row = next(sqlite_utils.Database(db_path)["articles"].rows)
    assert "président" in row["text"]


def test_explicit_wrong_encoding_fails(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président a été réélu.".encode("latin-1"))
    result = invoke("ingest", str(f), "--db", str(db_path), "--encoding", "utf-8")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {f}: not valid utf-8")
    assert "--encoding" in result.output


# Each bad input: exit 1, one line naming the file, and nothing already stored is lost.
BAD_INPUTS = [
    ("missing", None, "no such file or folder"),
    ("empty.txt", b"   \n", "file is empty"),
    ("binary.txt", bytes(range(256)) * 20, "looks like a binary file"),
    ("bad.jsonl", b'{"text": "A fine line about the vote."}\n{not json}\n', "line 2 is not valid JSON"),
    ("notext.jsonl", b'{"title": "no text"}\n', 'record has no "text"'),
    ("emptydir", "dir", "folder has no .txt, .md, .html or .jsonl files"),
    ("file.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input(tmp_path: Path, db_path: Path, name: str, content: bytes | str | None, message: str) -> None:
    assert invoke("ingest", str(SEEDS), "--db", str(db_path)).exit_code == 0
    before = counts(db_path)
    target = tmp_path / name
    if content == "dir":
        target.mkdir()
    elif isinstance(content, bytes):
        target.write_bytes(content)
    result = invoke("ingest", str(target), "--db", str(db_path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {target}")
    assert message in result.output
    assert result.output.count("\n") == 1
    after = counts(db_path)
    # Nothing stored before is lost; valid records ahead of a bad JSONL line are kept.
    extra = 1 if name == "bad.jsonl" else 0
    assert after["articles"] == before["articles"] + extra
    assert all(after[t] >= before[t] for t in before)


def test_skip_errors_reports_and_continues(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        '{"id": "1", "text": "The bridge reopened on Tuesday after repairs."}\n'
        "{broken\n"
        '{"id": "3", "text": "Ten schools closed because of the storm."}\n',
        encoding="utf-8",
    )
    result = invoke("ingest", str(f), "--db", str(db_path), "--skip-errors")
    # 3: finished, but something was skipped (0 is kept for a complete ingest)
    assert result.exit_code == 3, result.output
    assert f"skipped [malformed-json] {f}:2: line 2 is not valid JSON" in result.output
    assert "2 articles" in result.output and "1 skipped (see above)" in result.output
    assert counts(db_path)["articles"] == 2


def test_unwritable_database(tmp_path: Path) -> None:
    result = invoke("ingest", str(SEEDS), "--db", str(tmp_path / "nope" / "x.db"))
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_corrupt_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    result = invoke("ingest", str(SEEDS), "--db", str(bad))
    assert result.exit_code == 1
    assert "not a claimcheck database or corrupt" in result.output


def test_bad_published_option(db_path: Path) -> None:
    result = invoke("ingest", str(SEEDS), "--db", str(db_path), "--published", "yesterday")
    assert result.exit_code == 1
    assert "use YYYY-MM-DD" in result.output


def test_old_schema_is_migrated(db_path: Path) -> None:
    from claimcheck.store import SCHEMA_VERSION, _m0_base

    handle = sqlite_utils.Database(db_path)
    _m0_base(handle)
    handle.execute("PRAGMA user_version = 1")
    handle.conn.commit()
    handle.close()
    assert "tense" not in sqlite_utils.Database(db_path)["claims"].columns_dict
    result = invoke("ingest", str(SEEDS), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    upgraded = sqlite_utils.Database(db_path)
    assert "tense" in upgraded["claims"].columns_dict
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "claim_groups" in upgraded.table_names()


def test_interrupt_keeps_finished_articles(tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.pipeline as ing

    real = ing._write_article
    calls = {"n": 0}

    def flaky(db, art, run_id):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(db, art, run_id)

    monkeypatch.setattr(ing, "_write_article", flaky)
    result = invoke("ingest", str(SEEDS), "--db", str(db_path))
    assert result.exit_code == 1
    assert "interrupted" in result.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    # the rest arrives on the next run
    monkeypatch.setattr(ing, "_write_article", real)
    assert invoke("ingest", str(SEEDS), "--db", str(db_path)).exit_code == 0
    assert counts(db_path)["articles"] == 5


def test_reingest_gives_the_same_claims_and_ids(tmp_path: Path) -> None:
    first, second = tmp_path / "one.db", tmp_path / "two.db"
    assert invoke("ingest", str(SEEDS), "--db", str(first)).exit_code == 0
    assert invoke("ingest", str(SEEDS), "--db", str(second), "--jobs", "2").exit_code == 0

    def rows(path: Path) -> list[tuple[object, ...]]:
        db = sqlite_utils.Database(path)
        return [tuple(r.values()) for r in db.query(
            "SELECT id, start, end, text, normalized, polarity FROM claims ORDER BY id")]

    assert rows(first) == rows(second)
    assert len(rows(first)) > 100


def test_claims_command_filters_and_json(db_path: Path) -> None:
    invoke("ingest", str(SEEDS), "--db", str(db_path))
    result = invoke("claims", "--db", str(db_path), "--search", "Lavrov", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and all("Lavrov" in r["text"] for r in rows)
    entity_names = {m["entity"] for r in rows for m in r["mentions"] if m["kind"] == "person"}
    # Sergey / Sergei Lavrov are one entity
    assert len({n for n in entity_names if n and "Lavrov" in n}) == 1
    table = invoke("claims", "--db", str(db_path), "--search", "Lavrov")
    assert table.exit_code == 0 and "Lavrov" in table.output
    article = rows[0]["article"]
    only = json.loads(invoke("claims", "--db", str(db_path), "--article", article[:8], "--json").output)
    assert only and {r["article"] for r in only} == {article}
