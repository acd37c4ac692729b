"""The desk's workflow: reviews that survive re-runs, what is new, the report a person reads.

Small articles written here with planted conflicts. Monday: two outlets disagree on a summit's
year and on how many families a flood displaced. Tuesday: a third outlet repeats Monday's
summit date (so that conflict's group, hence its id, changes), raises a fire's death toll and
gives another count of ministers.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from typer.testing import CliRunner

from claimcheck import store
from claimcheck.cli import app
from claimcheck.compare import ClaimRecord, Conflict, DiffResult, Group
from claimcheck.compare.model import Slot
from claimcheck.desk import ClaimContext, DeskResult, ReviewState
from claimcheck.htmlreport import marked_sentence, safe_url, value_spans
from claimcheck.report import render_csv, render_html, render_json, render_markdown, summary_line

runner = CliRunner()

MONDAY = [
    {"id": "a", "title": "Summit ends in Geneva", "outlet": "Alpine Post", "published": "2021-03-04",
     "url": "https://alpine.example/summit",
     "text": "The summit of regional leaders was held in Geneva on March 3, 2021. Twelve ministers "
             "attended the talks. The host government praised the outcome. The fire at the Harbor "
             "Street warehouse killed 4 workers on Tuesday. The flood in the Arden valley forced 300 "
             "families from their homes."},
    {"id": "b", "title": "Leaders gather for summit", "outlet": "Lake Herald", "published": "2021-03-04",
     "url": "javascript:alert(1)",
     "text": "Regional leaders gathered for their summit in Geneva on March 3, 2020. Twelve ministers "
             "attended the talks. Observers called the meeting a success. The fire at the Harbor "
             "Street warehouse killed 4 workers on Tuesday. The flood in the Arden valley forced 500 "
             "families from their homes."},
]
TUESDAY = [
    {"id": "c", "title": "Warehouse fire toll rises", "outlet": "River Gazette", "published": "2021-03-05",
     "text": "The summit of regional leaders was held in Geneva on March 3, 2021. The fire at the "
             "Harbor Street warehouse killed 6 workers on Tuesday. Fourteen ministers attended the "
             "talks. Observers called the meeting a success."},
]


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _cli(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    return result


def _ok(*args: str) -> str:
    result = _cli(*args)
    assert result.exit_code == 0, result.output
    return str(result.output)


def _report(db: Path, *extra: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_ok("diff", "--db", str(db), "--format", "json", *extra))
    return data


def _by_values(report: dict[str, Any]) -> dict[frozenset[str], dict[str, Any]]:
    return {frozenset((c["a_value"], c["b_value"])): c for c in report["conflicts"]}


YEAR = frozenset({"3 March 2021", "3 March 2020"})
FAMILIES = frozenset({"300 families", "500 families"})
TOLL = frozenset({"4 workers", "6 workers"})
MINISTERS = frozenset({"Twelve ministers", "Fourteen ministers"})


@pytest.fixture
def monday(tmp_path: Path) -> Path:
    db = tmp_path / "desk.db"
    _ok("ingest", str(_write(tmp_path / "monday.jsonl", MONDAY)), "--db", str(db), "-q")
    return db


def _last_run(db: Path, command: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT max(id) FROM runs WHERE command = ?", [command]).fetchone()[0])


def test_ingest_diff_review_ingest_more_diff_since(monday: Path, tmp_path: Path) -> None:
    """The done-when of issue 14, through the CLI."""
    db = str(monday)
    first = _by_values(_report(monday))
    assert set(first) == {YEAR, FAMILIES}
    assert all(c["status"] == "unreviewed" and c["note"] is None for c in first.values())
    year_id, families_id = first[YEAR]["id"], first[FAMILIES]["id"]
    out = _ok("review", year_id[:6], "--dismiss", "--note", "Herald typo: 2021", "--db", db,
              "--reviewer", "ana")
    assert out == f"{year_id}: dismissed — Herald typo: 2021\n"
    _ok("review", families_id[:6], "--confirm", "--note", "ask Herald", "--db", db, "--reviewer", "ana")
    checked = _last_run(monday, "diff")

    _ok("ingest", str(_write(tmp_path / "tuesday.jsonl", TUESDAY)), "--db", db, "-q")
    new = _report(monday, "--since", str(checked))
    fresh = _by_values(new)
    # Only Tuesday's article's conflicts, none of Monday's decisions asked again.
    assert set(fresh) == {TOLL, MINISTERS, YEAR}
    tuesday_id = new["new"]["articles"]
    assert len(tuesday_id) == 1
    assert all(tuesday_id[0] in (c["a"]["article"], c["b"]["article"]) for c in new["conflicts"])
    assert all(c["status"] == "unreviewed" for c in new["conflicts"])
    assert new["new"]["total_conflicts"] == 7 and new["new"]["conflicts"] == 5

    everything = _report(monday)
    shown = _by_values(everything)
    assert everything["hidden_dismissed"] == 1
    assert shown[FAMILIES]["status"] == "confirmed" and shown[FAMILIES]["note"] == "ask Herald"
    # Monday's year conflict (Post vs Herald) is hidden; Gazette vs Herald is new and shown.
    years = [c for c in everything["conflicts"] if frozenset((c["a_value"], c["b_value"])) == YEAR]
    assert len(years) == 1 and years[0]["status"] == "unreviewed"
    with_all = _report(monday, "--all")
    dismissed = [c for c in with_all["conflicts"] if c["status"] == "dismissed"]
    assert len(dismissed) == 1 and dismissed[0]["note"] == "Herald typo: 2021"
    # The Post-Herald conflict's group grew, so its id changed; the decision followed it.
    assert dismissed[0]["id"] != year_id
    assert {dismissed[0]["a"]["text"][:10], dismissed[0]["b"]["text"][:10]} == {"The summit", "Regional l"}

    listed = json.loads(_ok("review", "--list", "--json", "--db", db))
    assert {(r["status"], r["note"], r["reviewer"]) for r in listed} == {
        ("dismissed", "Herald typo: 2021", "ana"), ("confirmed", "ask Herald", "ana")}
    assert {r["current_id"] for r in listed if r["status"] == "dismissed"} == {dismissed[0]["id"]}
    only = json.loads(_ok("review", "--list", "--json", "--status", "confirmed", "--db", db))
    assert [r["conflict"] for r in only] == [families_id]

    summary = _ok("diff", "--db", db, "--since", "last", "--format", "csv")
    assert summary.splitlines()[0].endswith(",status,note")


def test_summary_line_says_what_is_new_and_hidden(monday: Path, tmp_path: Path) -> None:
    first = _by_values(_report(monday))
    _ok("review", first[YEAR]["id"], "--dismiss", "--db", str(monday))
    out = tmp_path / "r.md"
    _ok("ingest", str(_write(tmp_path / "tuesday.jsonl", TUESDAY)), "--db", str(monday), "-q")
    result = _cli("diff", "--db", str(monday), "--format", "markdown", "-o", str(out))
    assert "; 1 dismissed hidden (--all shows them); report written to" in result.output
    result = _cli("diff", "--db", str(monday), "--since", "1", "--format", "markdown", "-o", str(out))
    assert "; new since run 1: 1 article, 4 of 5 groups, 5 of 7 conflicts;" in result.output
    assert "· unreviewed · `x" in out.read_text(encoding="utf-8")


def test_since_counts_conflicts_between_earlier_articles_it_leaves_out(monday: Path, tmp_path: Path) -> None:
    # Monday's diff was strict and reported nothing; after Tuesday's ingest the two
    # Post-Herald conflicts are reported for the first time, but involve no new article.
    assert _report(monday, "--min-confidence", "0.99")["conflicts"] == []
    _ok("ingest", str(_write(tmp_path / "tuesday.jsonl", TUESDAY)), "--db", str(monday), "-q")
    report = _report(monday, "--since", "last")
    assert report["new"]["earlier_appeared"] == 2
    assert set(_by_values(report)) == {TOLL, MINISTERS, YEAR}
    out = _cli("diff", "--db", str(monday), "--since", "2", "--format", "csv", "-o", str(tmp_path / "r.csv"))
    assert "(and 0 between" not in out.output  # the run before stored them: nothing appeared
    assert "5 of 7 conflicts; report written" in out.output


def test_a_review_outlives_a_run_that_drops_its_conflict(monday: Path) -> None:
    db = str(monday)
    first = _by_values(_report(monday))
    year_id = first[YEAR]["id"]
    _ok("review", year_id, "--needs-check", "--note", "call the ministry", "--db", db)
    only_numbers = _report(monday, "--kind", "number")  # stores no date conflict
    assert YEAR not in _by_values(only_numbers)
    listed = json.loads(_ok("review", "--list", "--json", "--db", db))
    assert listed[0]["conflict"] == year_id and listed[0]["current_id"] is None
    out = _ok("review", year_id[:8], "--confirm", "--db", db)  # still reviewable by its id
    assert "not reported by the latest diff" in out
    back = _by_values(_report(monday))[YEAR]
    assert back["id"] == year_id and back["status"] == "confirmed"
    assert back["note"] == "call the ministry"  # no --note: the previous note stays
    _ok("review", year_id, "--note", "", "--db", db)  # --note alone: same status, note cleared
    again = _by_values(_report(monday))[YEAR]
    assert (again["status"], again["note"]) == ("confirmed", None)
    with sqlite3.connect(monday) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3  # every change a row


def test_review_errors_are_one_line(monday: Path, tmp_path: Path) -> None:
    db = str(monday)
    nothing = _cli("review", "x1", "--confirm", "--db", db)  # no diff yet: no conflicts
    assert nothing.exit_code == 1
    assert nothing.output == (
        "Error: no conflict id starts with 'x1'; run 'claimcheck diff' to list the conflicts\n"
    )
    _report(monday)
    ambiguous = _cli("review", "x", "--dismiss", "--db", db)
    assert ambiguous.exit_code == 1
    assert ambiguous.output.startswith("Error: conflict id prefix 'x' is ambiguous (x")
    assert ambiguous.output.endswith("; give more characters\n") and ambiguous.output.count("\n") == 1
    cases = [
        (["review", "x", "--confirm", "--dismiss"], "Error: give only one of --confirm, --dismiss, --needs-check\n"),
        (["review", "x"], "Error: give --confirm, --dismiss or --needs-check (or --note to annotate the last decision)\n"),
        (["review", "--list", "--status", "maybe"], "Error: unknown --status maybe; use any of confirmed, dismissed, needs-check\n"),
        (["diff", "--since", "99"], "Error: --since 99: no run 99 in this database (the latest is 2); give a run id, 'last' (the previous diff) or a date YYYY-MM-DD\n"),
        (["diff", "--since", "yesterday"], "Error: --since 'yesterday': not a run id or a date; give a run id, 'last' (the previous diff) or a date YYYY-MM-DD\n"),
        (["diff", "--since", "1", "--against", db], "Error: use --since or --against, not both\n"),
        (["diff", "--against", str(tmp_path / "none.db")], f"Error: --against {tmp_path / 'none.db'}: no such database; give an earlier claimcheck database file\n"),
    ]
    for args, message in cases:
        result = _cli(*args, "--db", db)
        assert (result.exit_code, result.output) == (1, message), args
    with sqlite3.connect(monday) as conn:  # nothing was written by the failed commands
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM runs WHERE command = 'diff'").fetchone()[0] == 1
    note_only = _cli("review", _by_values(_report(monday))[YEAR]["id"], "--note", "hm", "--db", db)
    assert note_only.exit_code == 1 and "has no decision yet" in note_only.output


def test_since_a_date_and_against_an_earlier_database(monday: Path, tmp_path: Path) -> None:
    db = str(monday)
    _report(monday)
    earlier = tmp_path / "monday-copy.db"
    with sqlite3.connect(monday) as src, sqlite3.connect(earlier) as dst:
        src.backup(dst)
    before = earlier.read_bytes()
    _ok("ingest", str(_write(tmp_path / "tuesday.jsonl", TUESDAY)), "--db", db, "-q")
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert len(_report(monday, "--since", today)["new"]["articles"]) == 3  # all ingested today
    assert _report(monday, "--since", "2999-01-01")["conflicts"] == []
    report = _report(monday, "--against", str(earlier))
    assert report["new"]["since"] == "monday-copy.db"
    assert len(report["new"]["articles"]) == 1
    # Monday's 10 claims; Tuesday's: the success remark agrees with Monday's, the summit date,
    # the toll and the ministers each conflict with a Monday claim.
    assert report["new"]["claims"] == {"already_there": 10, "agree": 1, "conflict": 3, "unmatched": 0}
    assert set(_by_values(report)) == {TOLL, MINISTERS, YEAR}
    assert earlier.read_bytes() == before  # the earlier database is only read


def test_reviews_survive_reingest_and_a_later_migration(monday: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(monday)
    year_id = _by_values(_report(monday))[YEAR]["id"]
    _ok("review", year_id, "--dismiss", "--note", "typo", "--db", db)
    _ok("ingest", str(_write(tmp_path / "again.jsonl", MONDAY)), "--db", db, "-q")  # re-ingest: no change
    assert _report(monday)["hidden_dismissed"] == 1

    # A future version adds a migration: the file upgrades and keeps its decisions.
    def _m_future(handle: sqlite_utils.Database) -> None:
        handle.execute("ALTER TABLE conflicts ADD COLUMN future TEXT")

    monkeypatch.setattr(store, "_MIGRATIONS", [*store._MIGRATIONS, _m_future])
    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    handle = store.open_db(monday, create=False)
    assert store.schema_version(handle) == store.SCHEMA_VERSION
    handle.close()
    report = _report(monday, "--all")
    assert [(c["status"], c["note"]) for c in report["conflicts"] if c["status"] != "unreviewed"] == [
        ("dismissed", "typo")]


def _downgrade_to_v4(path: Path) -> None:
    """Make a file look like one written before reviews existed (schema version 6)."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP VIEW IF EXISTS conflict_details")
        conn.execute("DROP TABLE reviews")
        conn.execute("PRAGMA user_version = 6")


def test_a_database_from_before_reviews_upgrades(monday: Path) -> None:
    year_id = _by_values(_report(monday))[YEAR]["id"]
    _downgrade_to_v4(monday)
    _ok("review", year_id, "--confirm", "--db", str(monday))
    with sqlite3.connect(monday) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert _by_values(_report(monday))[YEAR]["status"] == "confirmed"


_WORKER = """
import sys, time
from pathlib import Path
from claimcheck.reviews import review
db, cid, who, go = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
while not go.exists():
    time.sleep(0.005)
for i in range(6):
    review(db, cid, "needs-check", note=f"{who} {i}", reviewer=who)
"""


def test_two_processes_review_at_once_without_losing_a_write(monday: Path, tmp_path: Path) -> None:
    ids = [c["id"] for c in _report(monday)["conflicts"]]
    _downgrade_to_v4(monday)  # both processes also race to upgrade the file
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(monday), cid, who, str(go)],
                         stderr=subprocess.PIPE, text=True, env=env)
        for cid, who in zip(ids, ("ana", "ben"), strict=True)
    ]
    time.sleep(0.3)
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    # Two CLI processes at once as well.
    cli = [
        subprocess.Popen([sys.executable, "-m", "claimcheck", "review", cid, "--confirm", "--note", who,
                          "--db", str(monday)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
        for cid, who in zip(ids, ("ana", "ben"), strict=True)
    ]
    for p in cli:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with sqlite3.connect(monday) as conn:
        rows = conn.execute("SELECT reviewer, note FROM reviews ORDER BY id").fetchall()
    assert len(rows) == 14
    for who in ("ana", "ben"):
        assert [n for r, n in rows if r == who] == [f"{who} {i}" for i in range(6)]
    assert {c["status"] for c in _report(monday)["conflicts"]} == {"confirmed"}


def test_datasette_shows_status_note_facet_and_to_review(monday: Path) -> None:
    import asyncio

    from claimcheck.serve import make_datasette

    first = _by_values(_report(monday))
    _ok("review", first[YEAR]["id"], "--dismiss", "--note", "<script>alert(1)</script>", "--db", str(monday))
    ds = make_datasette(monday)
    name = monday.stem

    async def get(path: str) -> Any:
        return await ds.client.get(path)

    rows = asyncio.run(get(f"/{name}/conflict_details.json?_shape=array")).json()
    status = {r["conflict_id"]: (r["status"], r["note"]) for r in rows}
    assert status == {first[YEAR]["id"]: ("dismissed", "<script>alert(1)</script>"),
                      first[FAMILIES]["id"]: ("unreviewed", None)}
    facets = asyncio.run(get(f"/{name}/conflict_details.json")).json()["facet_results"]
    assert {r["value"]: r["count"] for r in facets["status"]["results"]} == {"dismissed": 1, "unreviewed": 1}
    todo = asyncio.run(get(f"/{name}/to_review.json?_shape=array")).json()
    assert [r["conflict_id"] for r in todo] == [first[FAMILIES]["id"]]
    page = asyncio.run(get(f"/{name}/conflict_details")).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


# --- the HTML report -------------------------------------------------------------------------


def _claim(cid: str, article: str, text: str, start: int, slots: list[Slot], polarity: int = 1) -> ClaimRecord:
    return ClaimRecord(cid, article, f"{article}.txt", f"Outlet {article}", start, start + len(text), text,
                       text, polarity, None, None, None, slots=slots)


def _slot(kind: str, text: str, surface: str, base: int, value: str = "") -> Slot:
    at = text.index(surface)
    return Slot(kind, surface, value or surface, None, None, None, None, base + at, base + at + len(surface))


def test_value_spans_find_the_differing_words() -> None:
    text = "The summit was held in Geneva on March 3, 2021"
    claim = _claim("a1", "A", text, 100, [
        _slot("place", text, "Geneva", 100), _slot("date", text, "March 3, 2021", 100, "2021-03-03"),
    ])
    (start, end), = value_spans(claim, "date", "3 March 2021")
    assert text[start - 100:end - 100] == "March 3, 2021"
    toll = "Floods killed twelve people and injured 40"
    counted = _claim("b1", "B", toll, 0, [_slot("quantity", toll, "twelve people", 0),
                                          _slot("quantity", toll, "40", 0)])
    counted.slots[0].lo = counted.slots[0].hi = 12.0
    assert [toll[s:e] for s, e in value_spans(counted, "number", "12 people")] == ["twelve people"]
    relative = "His brother shot him in the foot Tuesday"
    resolved = _claim("r1", "R", relative, 0, [_slot("date", relative, "Tuesday", 0, "2015-05-19")])
    assert [relative[s:e] for s, e in value_spans(resolved, "date", "19 May 2015")] == ["Tuesday"]
    assert value_spans(resolved, "date", "20 May 2015") == []
    denial = "The minister did not resign"
    neg = _claim("c1", "C", denial, 0, [], polarity=-1)
    assert [denial[s:e] for s, e in value_spans(neg, "negation", "denies")] == ["not"]
    assert value_spans(neg, "negation", "affirms") == []
    assert value_spans(neg, "place", "Oslo") == []


def test_marked_sentence_marks_inside_the_full_sentence_and_escapes() -> None:
    sentence = "Officials said <b>the summit</b> was held in Geneva on March 3, 2021, after delays."
    start = 50
    claim_text = "<b>the summit</b> was held in Geneva on March 3, 2021"
    c_start = start + sentence.index(claim_text)
    claim = _claim("a1", "A", claim_text, c_start, [_slot("date", claim_text, "March 3, 2021", c_start)])
    ctx = ClaimContext(sentence, start, None, None)
    out = marked_sentence(claim, ctx, value_spans(claim, "date", "3 March 2021"))
    assert out.startswith("Officials said <span class=\"claim\">&lt;b&gt;the summit&lt;/b&gt;")
    assert "<span class=\"claim\"><mark>March 3, 2021</mark></span>" in out
    assert out.endswith(", after delays.")
    assert "<b>" not in out
    assert marked_sentence(claim, None, []) == "&lt;b&gt;the summit&lt;/b&gt; was held in Geneva on March 3, 2021"


def test_only_web_urls_become_links() -> None:
    assert safe_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://x\" onmouseover=\"alert(1)", "", None):
        assert safe_url(bad) is None


def _desk_result() -> DeskResult:
    a_text = "The summit was held in Geneva on March 3, 2021"
    b_text = 'The <script>alert(1)</script> summit was held in <img src=x onerror=alert(1)> Geneva on March 3, 2020'
    a = _claim("A-c1", "A", a_text, 0, [_slot("date", a_text, "March 3, 2021", 0)])
    b = _claim("B-c1", "B", b_text, 0, [_slot("date", b_text, "March 3, 2020", 0)])
    c = _claim("A-c2", "A", "Ten ministers from Norway attended.", 60,
               [_slot("place", "Ten ministers from Norway attended.", "Norway", 60)])
    d = _claim("B-c2", "B", "Ten ministers from Norway attended the summit.", 120,
               [_slot("place", "Ten ministers from Norway attended the summit.", "Norway", 120)])
    conflict = Conflict("x1abc", "g1", "date", a, b, "3 March 2021", "3 March 2020",
                        "A says 3 March 2021; B says 3 March 2020", confidence=0.81)
    dismissed = Conflict("x2def", "g1", "place", a, b, "Geneva", "Oslo", "A places it in Geneva; B in Oslo",
                         confidence=0.9)
    base = DiffResult(
        run_id=3, groups=[Group("g1", "conflict", [a, b], conflicts=[conflict]), Group("g2", "agree", [c, d])],
        conflicts=[dismissed, conflict],
        articles=[{"id": "A", "source": "A.txt", "title": "Summit <i>ends</i>", "outlet": "Outlet A",
                   "published": "2021-03-04"},
                  {"id": "B", "source": "B.txt", "title": "Summit", "outlet": "<b>B</b>", "published": None}],
    )
    reviews = {
        "x1abc": ReviewState("confirmed", "Call <the> Herald", "ana", "2026-12-02T09:00:00Z", "x1abc", 1),
        "x2def": ReviewState("dismissed", None, "ben", "2026-12-02T09:01:00Z", "x2def", 2),
    }
    contexts = {
        "A-c1": ClaimContext(a_text + ".", 0, "https://a.example/summit", "Summit <i>ends</i>"),
        "B-c1": ClaimContext(b_text + ".", 0, "javascript:alert(1)", "Summit"),
    }
    from claimcheck.desk import select

    return select(base, reviews, include_dismissed=True, contexts=contexts)


def test_html_report_puts_conflicts_first_with_marked_values_and_status() -> None:
    page = render_html(_desk_result())
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Geneva on <mark>March 3, 2021</mark>." in page
    assert "Geneva on <mark>March 3, 2020</mark>." in page
    assert '<a href="https://a.example/summit" rel="noopener noreferrer">Summit &lt;i&gt;ends&lt;/i&gt;</a>' in page
    assert "javascript:" not in page
    assert "<span class=\"status st-confirmed\">confirmed</span>" in page
    assert "<b>Note:</b> Call &lt;the&gt; Herald" in page
    # conflicts first, the dismissed one (shown with --all) after the others, then groups
    assert page.index('id="x1abc"') < page.index('id="x2def"') < page.index("<details")
    assert "<summary>Norway" in page  # the group without a story goes under its topic
    assert "http" not in page.replace("https://a.example/summit", "")  # self-contained: no fetches


def test_every_format_carries_status_and_note() -> None:
    result = _desk_result()
    data = json.loads(render_json(result))
    assert [(c["id"], c["status"], c["note"]) for c in data["conflicts"]] == [
        ("x2def", "dismissed", None), ("x1abc", "confirmed", "Call <the> Herald")]
    rows = render_csv(result).splitlines()
    assert rows[0].endswith(",status,note") and rows[2].endswith(",confirmed,Call <the> Herald")
    assert "> note: Call <the> Herald" in render_markdown(result)
    hidden = _desk_result()
    from claimcheck.desk import select

    hidden = select(hidden, hidden.reviews)
    assert [c.id for c in hidden.conflicts] == ["x1abc"] and hidden.hidden_dismissed == 1
    assert summary_line(hidden).endswith("1 conflict; 1 dismissed hidden (--all shows them)")


def test_html_groups_by_story_when_claims_carry_one() -> None:
    result = _desk_result()
    for g in result.groups:
        for c in g.claims:
            c.story_id = "s-summit" if g.id == "g1" else "s-ministers"
    page = render_html(result)
    assert "Groups by story" in page and "<summary>Summit &lt;i&gt;ends&lt;/i&gt;" in page
