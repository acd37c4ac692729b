"""Render a :class:`~claimcheck.compare.DiffResult` as JSON, a rich table, Markdown, HTML or CSV.

Nothing here writes to the database. Article text is untrusted: HTML output escapes it, and
rich output never passes it through markup.
"""

from __future__ import annotations

import csv
import html
import io
import json
from typing import TYPE_CHECKING, Any

from .compare import ClaimRecord, Conflict, DiffResult, Group
from .compare.model import Story

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

FORMATS = ("table", "json", "markdown", "html", "csv")


def claim_json(c: ClaimRecord) -> dict[str, Any]:
    """The contract's Claim object."""
    return {"id": c.id, "article": c.article_id, "source": c.source, "start": c.start,
            "end": c.end, "text": c.text}


def to_json_dict(result: DiffResult) -> dict[str, Any]:
    """The report as the JSON contract of DESIGN.md."""
    return {
        "articles": result.articles,
        "groups": [
            {"id": g.id, "verdict": g.verdict, "claims": [claim_json(c) for c in g.claims]}
            for g in result.groups
        ],
        "conflicts": [
            {"id": c.id, "group": c.group_id, "kind": c.kind, "a": claim_json(c.a),
             "b": claim_json(c.b), "a_value": c.a_value, "b_value": c.b_value,
             "explanation": c.explanation, "confidence": c.confidence, "update": c.update,
             "story": c.story_id}
            for c in result.conflicts
        ],
        "stories": [story_json(s) for s in result.stories],
    }


def story_json(story: Story) -> dict[str, Any]:
    """The contract's Story object: the articles that report one event."""
    return {"id": story.id, "headline": story.headline, "articles": list(story.article_ids),
            "outlets": list(story.outlets), "first_published": story.first_published,
            "last_published": story.last_published, "groups": story.n_groups,
            "conflicts": story.n_conflicts}


def story_rows(result: DiffResult) -> list[tuple[Story, str]]:
    """Stories to show in a report with a one-line description, biggest first.

    Stories of a single article are left out of reports of several stories (they are in the
    JSON and in ``claimcheck stories``): nobody else covered them.
    """
    stories = result.stories
    if len(stories) > 1:
        stories = [s for s in stories if len(s.article_ids) > 1]
    rows = []
    for s in stories:
        dates = s.first_published or "undated"
        if s.last_published and s.last_published != s.first_published:
            dates += f" to {s.last_published}"
        n = len(s.article_ids)
        rows.append((s, (
            f"{n} article{'s' if n != 1 else ''}, {dates}; "
            f"{', '.join(s.outlets) or 'no outlet named'}; {s.n_groups} groups, "
            f"{s.n_conflicts} conflict{'s' if s.n_conflicts != 1 else ''}"
        )))
    return rows


def render_json(result: DiffResult) -> str:
    """JSON text of the report (UTF-8, indented)."""
    return json.dumps(to_json_dict(result), ensure_ascii=False, indent=1) + "\n"


def _titles(result: DiffResult) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in result.articles}


def _who(result: DiffResult, claim: ClaimRecord) -> str:
    art = _titles(result).get(claim.article_id, {})
    name = art.get("outlet") or art.get("source") or claim.article_id
    date = art.get("published")
    return f"{name} ({date})" if date else str(name)


def summary_line(result: DiffResult) -> str:
    """"5 articles, 24 groups (20 agree, 3 refine, 1 conflict), 1 conflict"."""
    verdicts = {"agree": 0, "refine": 0, "conflict": 0}
    for g in result.groups:
        verdicts[g.verdict] = verdicts.get(g.verdict, 0) + 1
    n = len(result.conflicts)
    return (
        f"{len(result.articles)} articles, {len(result.groups)} groups "
        f"({verdicts['agree']} agree, {verdicts['refine']} refine, {verdicts['conflict']} conflict), "
        f"{n} conflict{'s' if n != 1 else ''}"
    )


class RichReport:
    """A rich renderable: summary, conflicts with both sentences, then the groups."""

    def __init__(self, result: DiffResult, show_groups: bool = True) -> None:
        self.result = result
        self.show_groups = show_groups

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.panel import Panel
        from rich.table import Table
        from rich.text import Text

        result = self.result
        yield Text(summary_line(result), style="bold")
        stories = story_rows(result)
        if stories:
            table = Table(title="Stories", expand=True)
            table.add_column("story", no_wrap=True)
            table.add_column("headline", overflow="fold", ratio=2)
            table.add_column("coverage", overflow="fold", ratio=2)
            for story, line in stories:
                table.add_row(Text(story.id), Text(story.headline), Text(line))
            yield table
        for c in result.conflicts:
            body = Table.grid(padding=(0, 1))
            body.add_column(style="bold", no_wrap=True)
            body.add_column(overflow="fold")
            body.add_row(Text("A"), Text(f"{_who(result, c.a)}: {c.a.text}"))
            body.add_row(Text("B"), Text(f"{_who(result, c.b)}: {c.b.text}"))
            yield Panel(
                body,
                title=Text(
                    f"{c.kind} {'update' if c.update else 'conflict'} "
                    f"({c.confidence:.2f}): {c.explanation}",
                    style="bold red",
                ),
                title_align="left",
            )
        if self.show_groups and result.groups:
            table = Table(title="Groups", show_lines=True, expand=True)
            table.add_column("verdict", no_wrap=True)
            table.add_column("articles", justify="right", no_wrap=True)
            table.add_column("claims", overflow="fold")
            for g in result.groups:
                texts = Text()
                for k, member in enumerate(g.claims):
                    if k:
                        texts.append("\n")
                    texts.append(f"• {_who(result, member)}: ", style="dim")
                    texts.append(member.text)
                style = {"conflict": "red", "refine": "yellow"}.get(g.verdict, "green")
                table.add_row(Text(g.verdict, style=style),
                              Text(str(len({c.article_id for c in g.claims}))), texts)
            yield table


def render_markdown(result: DiffResult) -> str:
    """The report as Markdown."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    out = ["# claimcheck report", "", summary_line(result), ""]
    out += markdown_stories(result)
    out += ["## Conflicts", ""]
    if not result.conflicts:
        out.append("No conflicts found.")
    for c in result.conflicts:
        out += [
            f"### {c.kind}: {cell(c.explanation)}",
            "",
            f"confidence {c.confidence:.2f}" + (" · update (the later article revised it)" if c.update else ""),
            "",
            "| side | article | claim | value |",
            "| --- | --- | --- | --- |",
            f"| A | {cell(_who(result, c.a))} | {cell(c.a.text)} | {cell(c.a_value)} |",
            f"| B | {cell(_who(result, c.b))} | {cell(c.b.text)} | {cell(c.b_value)} |",
            "",
        ]
    out += ["", "## Groups", "", "| verdict | articles | claims |", "| --- | --- | --- |"]
    for g in result.groups:
        claims = "<br>".join(cell(f"{_who(result, c)}: {c.text}") for c in g.claims)
        out.append(f"| {g.verdict} | {len({c.article_id for c in g.claims})} | {claims} |")
    return "\n".join(out) + "\n"


def markdown_stories(result: DiffResult) -> list[str]:
    """The story section of the Markdown report (empty when there is none to show)."""
    rows = story_rows(result)
    if not rows:
        return []
    out = ["## Stories", "", "| story | headline | coverage |", "| --- | --- | --- |"]
    for story, line in rows:
        out.append(f"| {story.id} | {_md_cell(story.headline)} | {_md_cell(line)} |")
    return out + [""]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def html_stories(result: DiffResult) -> str:
    """The story section of the HTML report, every piece of text escaped."""
    rows = story_rows(result)
    if not rows:
        return ""
    e = html.escape
    parts = ["<h2>Stories</h2><table class=\"stories\"><tr><th>story</th><th>headline</th>"
             "<th>coverage</th></tr>"]
    for story, line in rows:
        parts.append(f"<tr><td><code>{e(story.id)}</code></td><td>{e(story.headline)}</td>"
                     f"<td>{e(line)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
.conflict{border:1px solid #d33;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.conflict h3{color:#b00;margin:.3rem 0}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.agree{color:#070}.refine{color:#a60}.conflict-v{color:#b00}.who{color:#666;font-size:.9em}"""


def render_html(result: DiffResult) -> str:
    """One self-contained HTML page; every piece of article text is escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<title>claimcheck report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>claimcheck report</h1>",
        f"<p>{e(summary_line(result))}</p>",
        html_stories(result),
        "<h2>Conflicts</h2>",
    ]
    if not result.conflicts:
        parts.append("<p>No conflicts found.</p>")
    for c in result.conflicts:
        parts.append(
            f"<div class=\"conflict\"><h3>{e(c.kind)}: {e(c.explanation)}</h3>"
            f"<p class=\"who\">confidence {c.confidence:.2f}"
            f"{' · update (the later article revised it)' if c.update else ''}</p><table>"
            f"<tr><th>A</th><td><span class=\"who\">{e(_who(result, c.a))}</span><br>{e(c.a.text)}</td>"
            f"<td>{e(c.a_value)}</td></tr>"
            f"<tr><th>B</th><td><span class=\"who\">{e(_who(result, c.b))}</span><br>{e(c.b.text)}</td>"
            f"<td>{e(c.b_value)}</td></tr></table></div>"
        )
    parts.append("<h2>Groups</h2><table><tr><th>verdict</th><th>claims</th></tr>")
    for g in result.groups:
        cls = "conflict-v" if g.verdict == "conflict" else g.verdict
        items = "".join(
            f"<li><span class=\"who\">{e(_who(result, c))}</span> {e(c.text)}</li>" for c in g.claims
        )
        parts.append(f"<tr><td class=\"{cls}\">{e(g.verdict)}</td><td><ul>{items}</ul></td></tr>")
    parts.append("</table></body></html>\n")
    return "".join(parts)


def render_csv(result: DiffResult) -> str:
    """One row per conflict, both sides and values."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([
        "conflict_id", "group_id", "kind", "confidence", "update", "explanation", "a_value",
        "b_value",
        "a_article", "a_source", "a_start", "a_end", "a_text",
        "b_article", "b_source", "b_start", "b_end", "b_text",
    ])
    for c in result.conflicts:
        writer.writerow([
            c.id, c.group_id, c.kind, f"{c.confidence:.3f}", int(c.update), c.explanation,
            c.a_value, c.b_value,
            c.a.article_id, c.a.source, c.a.start, c.a.end, c.a.text,
            c.b.article_id, c.b.source, c.b.start, c.b.end, c.b.text,
        ])
    return buf.getvalue()


def render_text(result: DiffResult, fmt: str) -> str:
    """Any non-rich format as text."""
    if fmt == "json":
        return render_json(result)
    if fmt == "markdown":
        return render_markdown(result)
    if fmt == "html":
        return render_html(result)
    if fmt == "csv":
        return render_csv(result)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = [
    "FORMATS", "Conflict", "Group", "RichReport", "html_stories", "markdown_stories",
    "render_csv", "render_html", "render_json", "render_markdown", "render_text", "story_json",
    "story_rows", "summary_line", "to_json_dict",
]
