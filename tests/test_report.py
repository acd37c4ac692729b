"""Every output format renders the report; article text is escaped where it could be markup."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from claimcheck.compare import ClaimRecord, Conflict, DiffResult, Group
from claimcheck.compare.model import Story
from claimcheck.report import (
    RichReport,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    summary_line,
)

EVIL = 'The <script>alert(1)</script> council [bold]met[/bold] in <img src=x onerror=alert(1)> Geneva.'


def _claim(cid: str, article: str, text: str) -> ClaimRecord:
    return ClaimRecord(cid, article, f"{article}.txt", "Outlet " + article, 10, 10 + len(text), text,
                       text, 1, None, None, None)


def _result() -> DiffResult:
    a = _claim("A-c1", "A", "The summit was held in Geneva on March 3, 2021.")
    b = _claim("B-c1", "B", EVIL)
    c = _claim("A-c2", "A", "Ten ministers attended.")
    d = _claim("B-c2", "B", "Ten ministers attended the summit.")
    conflict = Conflict("x1", "g1", "date", a, b, "3 March 2021", "3 March 2020",
                        "A says 3 March 2021; B says 3 March 2020")
    groups = [Group("g1", "conflict", [a, b], conflicts=[conflict]), Group("g2", "agree", [c, d])]
    articles = [
        {"id": "A", "source": "A.txt", "title": "Summit", "outlet": "Outlet A", "published": "2021-03-04"},
        {"id": "B", "source": "B.txt", "title": "Summit", "outlet": "Outlet B", "published": None},
    ]
    return DiffResult(run_id=1, groups=groups, conflicts=[conflict], articles=articles)


def test_summary_line() -> None:
    assert summary_line(_result()) == "2 articles, 2 groups (1 agree, 0 refine, 1 conflict), 1 conflict"


def test_json_follows_the_contract() -> None:
    data = json.loads(render_json(_result()))
    assert set(data) == {"articles", "groups", "conflicts", "fact_sheets", "stories"}
    assert set(data["articles"][0]) == {"id", "source", "title", "outlet", "published"}
    group = data["groups"][0]
    assert set(group) == {"id", "verdict", "claims"} and group["verdict"] == "conflict"
    claim = group["claims"][0]
    assert set(claim) == {"id", "article", "source", "start", "end", "text"}
    conflict = data["conflicts"][0]
    assert set(conflict) == {"id", "group", "kind", "a", "b", "a_value", "b_value", "explanation",
                             "confidence", "update", "origin", "status", "note", "story"}
    assert conflict["origin"] == "claim_group"
    assert (conflict["status"], conflict["note"]) == ("unreviewed", None)
    assert (conflict["kind"], conflict["a_value"], conflict["b_value"]) == ("date", "3 March 2021", "3 March 2020")
    assert conflict["b"]["text"] == EVIL


def test_table_renders_at_80_columns_without_markup_injection() -> None:
    buf = io.StringIO()
    Console(file=buf, width=80, color_system=None).print(RichReport(_result()))
    out = buf.getvalue()
    assert out.splitlines()[0] == summary_line(_result())
    assert "date conflict (1.00): A says 3 March 2021; B says 3 March 2020" in out
    assert "[bold]met[/bold]" in out  # shown literally, not interpreted as markup
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.index("date conflict") < out.index("Groups")


def test_markdown() -> None:
    md = render_markdown(_result())
    assert md.startswith("# claimcheck report\n")
    assert "### date: A says 3 March 2021; B says 3 March 2020" in md
    assert "| A | Outlet A (2021-03-04) | The summit was held in Geneva on March 3, 2021. | 3 March 2021 |" in md


def test_html_escapes_article_text() -> None:
    page = render_html(_result())
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_csv_one_row_per_conflict() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(_result()))))
    assert len(rows) == 1
    assert rows[0]["kind"] == "date" and rows[0]["b_text"] == EVIL
    assert rows[0]["a_start"] == "10"
    assert rows[0]["confidence"] == "1.000" and rows[0]["update"] == "0"


def test_every_format_carries_confidence_and_update() -> None:
    result = _result()
    result.conflicts[0].confidence = 0.734
    result.conflicts[0].update = True
    data = json.loads(render_json(result))
    assert data["conflicts"][0]["confidence"] == 0.734 and data["conflicts"][0]["update"] is True
    assert "confidence 0.73 · update" in render_markdown(result)
    page = render_html(result)
    assert "<span>update</span>" in page and "</span> 0.73</span>" in page
    buf = io.StringIO()
    Console(file=buf, width=100, color_system=None).print(RichReport(result))
    assert "date update (0.73)" in buf.getvalue()


def _story_result() -> DiffResult:
    result = _result()
    for c in result.conflicts:
        c.story_id = "s1"
    result.stories = [
        Story("s1", ["A", "B"], "Ministers meet in <b>Geneva</b> | summit", "2021-03-04",
              "2021-03-05", ["Outlet A", "Outlet B"], n_groups=2, n_conflicts=1),
        Story("s2", ["C"], "A story nobody else covered", None, None, ["Outlet C"]),
    ]
    return result


def test_json_lists_stories_and_the_story_of_each_conflict() -> None:
    data = json.loads(render_json(_story_result()))
    assert [s["id"] for s in data["stories"]] == ["s1", "s2"]
    first = data["stories"][0]
    assert {"id", "headline", "articles", "outlets"} <= set(first)
    assert first["articles"] == ["A", "B"] and first["outlets"] == ["Outlet A", "Outlet B"]
    assert data["conflicts"][0]["story"] == "s1"


def test_story_section_in_markdown_html_and_table() -> None:
    result = _story_result()
    md = render_markdown(result)
    assert "## Stories" in md and md.index("## Stories") < md.index("## Conflicts")
    assert "| s1 | Ministers meet in <b>Geneva</b> \\| summit | 2 articles, 2021-03-04 to 2021-03-05" in md
    assert "s2" not in md  # a story of one article is left out when there are several
    page = render_html(result)
    assert "<h2>Stories</h2>" in page and "&lt;b&gt;Geneva&lt;/b&gt;" in page
    assert "<b>Geneva</b>" not in page
    buf = io.StringIO()
    Console(file=buf, width=100, color_system=None).print(RichReport(result))
    out = buf.getvalue()
    assert "Stories" in out and "s1" in out and out.index("Stories") < out.index("date conflict")
