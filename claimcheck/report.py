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
from .desk import DeskResult, note_of, status_of

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

FORMATS = ("table", "json", "markdown", "html", "csv")


def claim_json(c: ClaimRecord) -> dict[str, Any]:
    """The contract's Claim object."""
    return {"id": c.id, "article": c.article_id, "source": c.source, "start": c.start,
            "end": c.end, "text": c.text}


def to_json_dict(result: DiffResult) -> dict[str, Any]:
    """The report as the JSON contract of DESIGN.md."""
    data = {
        "articles": result.articles,
        "groups": [
            {"id": g.id, "verdict": g.verdict, "claims": [claim_json(c) for c in g.claims]}
            for g in result.groups
        ],
        "conflicts": [
            {"id": c.id, "group": c.group_id, "kind": c.kind, "a": claim_json(c.a),
             "b": claim_json(c.b), "a_value": c.a_value, "b_value": c.b_value,
             "explanation": c.explanation, "confidence": c.confidence, "update": c.update,
             **_fact_keys(c), "status": status_of(result, c), "note": note_of(result, c),
             "story": c.story_id}
            for c in result.conflicts
        ],
        "fact_sheets": fact_sheet_json(result),
        "stories": [story_json(s) for s in result.stories],
    }
    if isinstance(result, DeskResult):
        data.update(desk_json(result))
    return data


def desk_json(result: DeskResult) -> dict[str, Any]:
    """Keys the desk workflow adds to the JSON report (never renames the contract's)."""
    out: dict[str, Any] = {"hidden_dismissed": result.hidden_dismissed}
    if result.new is not None:
        new = result.new
        out["new"] = {
            "since": new.label, "articles": new.articles, "groups": len(result.groups),
            "conflicts": len(result.conflicts) + result.hidden_dismissed,
            "total_groups": new.total_groups, "total_conflicts": new.total_conflicts,
            "earlier_appeared": new.earlier_appeared,
        }
        if new.claims_already_there is not None:
            out["new"]["claims"] = {
                "already_there": new.claims_already_there, "agree": new.new_claims_agree,
                "conflict": new.new_claims_conflict, "unmatched": new.new_claims_unmatched,
            }
    return out


def _fact_keys(c: Conflict) -> dict[str, Any]:
    """Keys added to the contract's Conflict: where it comes from, and for fact-sheet
    conflicts the subject (entity id or story key) and attribute compared."""
    if c.attribute:
        return {"origin": "fact_sheet", "subject": c.subject, "attribute": c.attribute}
    return {"origin": "claim_group"}


def fact_sheet_json(result: DiffResult) -> list[dict[str, Any]]:
    """The fact sheets: one entry per subject and attribute stated by two or more articles,
    each article's values with their claim and evidence span."""
    entries: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a in result.attributes:
        if not a.subject:
            continue
        key = (a.subject_kind, a.subject, a.attribute)
        entry = entries.setdefault(key, {
            "subject_kind": a.subject_kind, "subject": a.subject, "name": a.subject_name,
            "attribute": a.attribute, "values": [],
        })
        entry["values"].append({
            "article": a.article_id, "value": a.value, "lo": a.lo, "hi": a.hi, "claim": a.claim.id,
            "start": a.start, "end": a.end, "note": a.note or None,
        })
    return [
        e for e in entries.values() if len({v["article"] for v in e["values"]}) >= 2
    ]


def fact_sheet_lines(result: DiffResult, limit: int = 200) -> list[tuple[str, str, str]]:
    """(subject, attribute, "outlet: value | outlet: value") for attributes stated by two or
    more articles, those with conflicts first; at most ``limit`` lines."""
    conflicted = {(c.subject, c.attribute) for c in result.conflicts if c.attribute}
    rows = []
    for e in fact_sheet_json(result):
        if e["attribute"] == "age mentioned":
            continue  # every age an article gives: kept in JSON, too noisy to read here
        per_article: dict[str, list[str]] = {}
        for v in e["values"]:
            vals = per_article.setdefault(v["article"], [])
            if v["value"] not in vals:
                vals.append(v["value"])
        titles = _titles(result)
        cells = " | ".join(
            f"{titles.get(art, {}).get('outlet') or art[:10]}: {', '.join(vals)}"
            for art, vals in per_article.items()
        )
        rows.append(((e["subject"], e["attribute"]) not in conflicted, e["name"], e["attribute"], cells))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return [(name, attr, cells) for _, name, attr, cells in rows[:limit]]


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
    line = (
        f"{len(result.articles)} articles, {len(result.groups)} groups "
        f"({verdicts['agree']} agree, {verdicts['refine']} refine, {verdicts['conflict']} conflict), "
        f"{n} conflict{'s' if n != 1 else ''}"
    )
    failed = sum(len(g.errors) for g in result.groups)
    if failed:
        line += f"; {failed} claim pair{'s' if failed != 1 else ''} could not be compared"
    if isinstance(result, DeskResult):
        line += desk_summary(result)
    return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def desk_summary(result: DeskResult) -> str:
    """What the summary line adds for the desk: what is new, what is hidden.

    "; new since run 7: 1 article, 2 of 24 groups, 1 of 3 conflicts"
    """
    out = ""
    new = result.new
    if new is not None:
        shown = len(result.conflicts) + result.hidden_dismissed
        out += (
            f"; new since {new.label}: {_plural(len(new.articles), 'article')}, "
            f"{len(result.groups)} of {_plural(new.total_groups, 'group')}, "
            f"{shown} of {_plural(new.total_conflicts, 'conflict')}"
        )
        if new.earlier_appeared:
            out += (
                f" (and {new.earlier_appeared} between earlier articles that the previous diff "
                "did not report)"
            )
        if new.claims_already_there is not None:
            out += (
                f" ({new.claims_already_there} claims already there; new claims: "
                f"{new.new_claims_agree} agree with an earlier claim, {new.new_claims_conflict} "
                f"conflict with one, {new.new_claims_unmatched} not seen before)"
            )
    if result.hidden_dismissed:
        out += f"; {result.hidden_dismissed} dismissed hidden (--all shows them)"
    return out


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
            status, note = status_of(result, c), note_of(result, c)
            if note:
                body.add_row(Text("note"), Text(note))
            yield Panel(
                body,
                title=Text(
                    f"{c.kind} {'update' if c.update else 'conflict'} "
                    f"({c.confidence:.2f}): {c.explanation}",
                    style="dim" if status == "dismissed" else "bold red",
                ),
                title_align="left",
                subtitle=Text(f"{c.id} · {status}"),
                subtitle_align="right",
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
        sheet = fact_sheet_lines(result)
        if sheet:
            facts = Table(title="Fact sheets (values per outlet)", expand=True)
            facts.add_column("subject", overflow="fold")
            facts.add_column("attribute", no_wrap=True)
            facts.add_column("values", overflow="fold")
            for name, attr, cells in sheet:
                facts.add_row(Text(name), Text(attr), Text(cells))
            yield facts


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
            f"confidence {c.confidence:.2f}" + (" · update (the later article revised it)" if c.update else "")
            + f" · {status_of(result, c)} · `{c.id}`",
            "",
            *([f"> note: {cell(n)}", ""] if (n := note_of(result, c)) else []),
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
    sheet = fact_sheet_lines(result)
    if sheet:
        out += ["", "## Fact sheets", "", "| subject | attribute | values by outlet |",
                "| --- | --- | --- |"]
        out += [f"| {cell(n)} | {cell(a)} | {cell(v)} |" for n, a, v in sheet]
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


def render_html(result: DiffResult) -> str:
    """One self-contained HTML page a desk can share; every piece of article text is escaped.

    See :mod:`claimcheck.htmlreport`; the fact sheets follow the groups.
    """
    from .htmlreport import render_html as page

    sections = []
    stories = html_stories(result)
    if stories:
        sections.append(f"<section class=\"stories\">{stories}</section>")
    sheet = fact_sheet_lines(result)
    if sheet:
        e = html.escape
        rows = "".join(f"<tr><td>{e(n)}</td><td>{e(a)}</td><td>{e(v)}</td></tr>" for n, a, v in sheet)
        sections.append(
            "<section class=\"facts\"><h2>Fact sheets</h2><table><tr><th>subject</th>"
            f"<th>attribute</th><th>values by outlet</th></tr>{rows}</table></section>"
        )
    text = page(result, summary_line(result))
    if sections and "</body>" in text:
        head, _, tail = text.rpartition("</body>")
        text = head + "".join(sections) + "</body>" + tail
    return text


def render_csv(result: DiffResult) -> str:
    """One row per conflict, both sides and values."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([
        "conflict_id", "group_id", "kind", "confidence", "update", "explanation", "a_value",
        "b_value",
        "a_article", "a_source", "a_start", "a_end", "a_text",
        "b_article", "b_source", "b_start", "b_end", "b_text", "origin", "subject",
        "attribute", "status", "note",
    ])
    for c in result.conflicts:
        writer.writerow([
            c.id, c.group_id, c.kind, f"{c.confidence:.3f}", int(c.update), c.explanation,
            c.a_value, c.b_value,
            c.a.article_id, c.a.source, c.a.start, c.a.end, c.a.text,
            c.b.article_id, c.b.source, c.b.start, c.b.end, c.b.text,
            "fact_sheet" if c.attribute else "claim_group", c.subject or "", c.attribute or "",
            status_of(result, c), note_of(result, c) or "",
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
    "FORMATS", "Conflict", "Group", "RichReport", "fact_sheet_json", "fact_sheet_lines",
    "html_stories", "markdown_stories", "render_csv", "render_html", "render_json",
    "render_markdown", "render_text", "story_json", "story_rows", "summary_line", "to_json_dict",
]
