"""The HTML report: one self-contained page a desk can read and share.

Conflicts come first, each with the two claims side by side in their full sentences and
the values that differ highlighted ("held in Geneva on <mark>March 3, 2021</mark>" against
"... on <mark>March 3, 2020</mark>"), the outlet, date, headline (linked to the article when
its URL is a web address), the kind, confidence, explanation and the desk's review status.
Then the groups of matching claims, by story when the claims carry one, else by topic (the
entity the group's claims name most), each in a collapsible ``<details>``.

Article text, titles, outlets, notes and URLs are untrusted: everything is escaped, and
only ``http(s)`` URLs become links. No script, no external resource.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from .compare import ClaimRecord, Conflict, DiffResult, Group
from .compare.model import Slot
from .compare.text import NEG_TOKEN
from .desk import UNREVIEWED, ClaimContext, DeskResult, status_of

#: Which slot kinds can hold the value of a conflict of each kind.
SLOT_KINDS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "number": ("quantity",),
    "entity": ("person", "org", "entity"),
    "place": ("place", "entity"),
}

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _tokens(text: str) -> set[str]:
    return {w.lower().replace(",", "") for w in _WORD.findall(text)}


def _numbers(text: str) -> set[float]:
    return {float(n) for n in _NUMBER.findall(text.replace(",", ""))}


def _iso_date(value: str) -> str | None:
    """"19 May 2015" -> "2015-05-19", "May 2015" -> "2015-05", "2015" -> "2015"."""
    for fmt, out in (("%d %B %Y", "%Y-%m-%d"), ("%B %Y", "%Y-%m"), ("%Y", "%Y")):
        try:
            return datetime.strptime(value.strip(), fmt).strftime(out)
        except ValueError:
            continue
    return None


def value_spans(claim: ClaimRecord, kind: str, value: str) -> list[tuple[int, int]]:
    """Article offsets of the words of ``claim`` that hold a conflict's ``value``.

    The slot of the conflict's kind that best matches the value: the same surface or value,
    else the most words (and numbers) in common ("3 March 2021" finds "March 3, 2021").
    A negation highlights the negating words. Empty when nothing fits.
    """
    if kind == "negation":
        if value != "denies":
            return []
        return [(claim.start + m.start(), claim.start + m.end()) for m in NEG_TOKEN.finditer(claim.text)]
    wanted = SLOT_KINDS.get(kind)
    candidates = [s for s in claim.slots if wanted is None or s.kind in wanted]
    target = value.strip().lower()
    best: tuple[float, Slot] | None = None
    vt, vn = _tokens(value), _numbers(value)
    iso = _iso_date(value) if kind == "date" else None
    for slot in candidates:
        if target in (slot.surface.strip().lower(), (slot.value or "").strip().lower()):
            score = 100.0
        elif iso and (slot.value or "").startswith(iso):
            score = 50.0  # "19 May 2015" is the date "Tuesday" was resolved to
        else:
            st = _tokens(slot.surface)
            score = len(vt & st) / max(1, len(vt))
            if vn and ({slot.lo, slot.hi} & vn or vn & _numbers(slot.surface)):
                score += 1.0
        if score > 0 and (best is None or score > best[0]):
            best = (score, slot)
    if best is not None:
        return [(best[1].start, best[1].end)]
    at = claim.text.lower().find(target) if target else -1
    if at >= 0:
        return [(claim.start + at, claim.start + at + len(target))]
    return []


def marked_sentence(claim: ClaimRecord, ctx: ClaimContext | None, spans: list[tuple[int, int]]) -> str:
    """The claim's sentence as escaped HTML: the claim underlined, the value spans marked.

    Without a sentence (or when offsets do not fit it) the claim text alone is used.
    """
    if ctx is not None and ctx.sentence_start <= claim.start and (
        claim.end <= ctx.sentence_start + len(ctx.sentence)
    ):
        text, base = ctx.sentence, ctx.sentence_start
    else:
        text, base = claim.text, claim.start
    n = len(text)
    # Boundaries: claim start/end and value spans, in text offsets, clipped and non-overlapping.
    marks = sorted(
        (max(0, s - base), min(n, e - base)) for s, e in spans if e - base > 0 and s - base < n
    )
    clean: list[tuple[int, int]] = []
    for s, e in marks:
        if s < e and (not clean or s >= clean[-1][1]):
            clean.append((s, e))
    c0, c1 = max(0, claim.start - base), min(n, claim.end - base)
    # Underline the claim only when it is a part of its sentence, not (nearly) all of it.
    underline = c0 < c1 and (c1 - c0) < 0.9 * len(text.strip())
    cuts = sorted({0, n, c0, c1, *[x for span in clean for x in span]})
    out: list[str] = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[s:e])
        if any(ms <= s and e <= me for ms, me in clean):
            piece = f"<mark>{piece}</mark>"
        if c0 <= s and e <= c1 and underline:
            piece = f"<span class=\"claim\">{piece}</span>"
        out.append(piece)
    return "".join(out)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address, else None (no ``javascript:`` links)."""
    if not url:
        return None
    u = url.strip()
    if re.match(r"(?i)^https?://[^\s\"'<>]+$", u):
        return u
    return None


_CSS = """
:root{--ink:#1d2430;--muted:#5d6675;--line:#d9dee6;--bg:#f6f7f9;--card:#fff;--red:#b3261e;
--amber:#8a5a00;--green:#1d6b3a;--mark:#ffe28a;--blue:#1f4fa8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:72rem;margin:0 auto;padding:1.2rem 1rem 3rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.summary{color:var(--muted);margin:.2rem 0 .8rem}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0}
.chip{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.85rem;border:1px solid var(--line);background:var(--card);white-space:nowrap}
.chip b{font-variant-numeric:tabular-nums}
nav a{color:var(--blue);margin-right:1rem}
.conflict{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--red);border-radius:8px;padding:.8rem 1rem;margin:1rem 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.conflict.s-dismissed{border-left-color:#9aa3af;opacity:.75}
.conflict.s-confirmed{border-left-color:var(--red)}
.conflict.s-needs-check{border-left-color:var(--amber)}
.conflict.update{border-left-color:var(--blue)}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem;font-size:.85rem}
.kind{font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#fff;background:var(--red);border-radius:4px;padding:0 .45rem}
.kind.update{background:var(--blue)}
.conf{display:inline-flex;align-items:center;gap:.3rem;color:var(--muted)}
.bar{display:inline-block;width:4rem;height:.45rem;background:var(--line);border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--ink)}
.status{border-radius:4px;padding:0 .45rem;border:1px solid var(--line)}
.st-unreviewed{background:#fff}.st-confirmed{background:#fde7e5;border-color:#f2b8b3;color:var(--red)}
.st-dismissed{background:#eef0f3;color:var(--muted)}.st-needs-check{background:#fff3d6;border-color:#f0d58c;color:var(--amber)}
.cid{margin-left:auto;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted)}
.conflict h3{font-size:1.05rem;margin:.45rem 0 .6rem;overflow-wrap:anywhere}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.side{border:1px solid var(--line);border-radius:6px;padding:.6rem .75rem;background:#fcfcfd;min-width:0}
.who{font-size:.85rem;color:var(--muted)}.who b{color:var(--ink)}
.headline{font-weight:600;margin:.15rem 0 .35rem;overflow-wrap:anywhere}
.headline a{color:var(--blue);text-decoration:none}.headline a:hover{text-decoration:underline}
blockquote{margin:.2rem 0;padding:0;overflow-wrap:anywhere}
.claim{text-decoration:underline;text-decoration-color:#aab3c0;text-underline-offset:3px}
mark{background:var(--mark);padding:0 .1em;border-radius:2px;font-weight:700;color:inherit}
.value{font-size:.85rem;color:var(--muted);margin-top:.35rem}.value b{color:var(--ink)}
.note{margin:.6rem 0 0;padding:.4rem .6rem;background:#f3f5f8;border-radius:6px;font-size:.92rem;overflow-wrap:anywhere}
.cmd{font-size:.8rem;color:var(--muted);margin:.5rem 0 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:#eef0f3;border-radius:3px;padding:0 .25rem;white-space:nowrap}
details{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:.5rem 0}
summary{cursor:pointer;padding:.55rem .8rem;font-weight:600}
summary .chip{font-weight:400;margin-left:.3rem}
.groups{padding:0 .8rem .6rem}
.group{border-top:1px solid var(--line);padding:.5rem 0}
.group ul{margin:.25rem 0 0;padding-left:1.1rem}.group li{margin:.15rem 0;overflow-wrap:anywhere}
.v{font-size:.8rem;font-weight:700;border-radius:4px;padding:0 .4rem}
.v-agree{background:#e3f3e8;color:var(--green)}.v-refine{background:#fff3d6;color:var(--amber)}.v-conflict{background:#fde7e5;color:var(--red)}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;margin-top:2rem}
@media (max-width:720px){main{padding:.8rem .6rem 2rem}.sides{grid-template-columns:1fr}.cid{margin-left:0}h1{font-size:1.35rem}}
@media print{details{break-inside:avoid}.conflict{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_Arts = dict[str, dict[str, object]]


def _articles(result: DiffResult) -> _Arts:
    return {str(a["id"]): a for a in result.articles}


def _side(result: DiffResult, arts: _Arts, label: str, claim: ClaimRecord, value: str, kind: str) -> str:
    art = arts.get(claim.article_id, {})
    ctx = result.contexts.get(claim.id) if isinstance(result, DeskResult) else None
    outlet = art.get("outlet") or art.get("source") or claim.article_id
    date = art.get("published")
    title = (ctx.title if ctx else None) or art.get("title")
    url = safe_url(ctx.url if ctx else None)
    who = f"<b>{_e(label)}</b> · {_e(outlet)}" + (f" · {_e(date)}" if date else "")
    head = ""
    if title or url:
        text = _e(title or url)
        head = (
            f"<div class=\"headline\"><a href=\"{_e(url)}\" rel=\"noopener noreferrer\">{text}</a></div>"
            if url else f"<div class=\"headline\">{text}</div>"
        )
    sentence = marked_sentence(claim, ctx, value_spans(claim, kind, value))
    return (
        f"<div class=\"side\"><div class=\"who\">{who}</div>{head}"
        f"<blockquote>{sentence}</blockquote>"
        f"<div class=\"value\">says: <b>{_e(value)}</b></div></div>"
    )


def _conflict(result: DiffResult, arts: _Arts, c: Conflict) -> str:
    status = status_of(result, c)
    state = result.reviews.get(c.id) if isinstance(result, DeskResult) else None
    pct = max(0, min(100, round(c.confidence * 100)))
    label = "update" if c.update else "contradiction"
    note = ""
    if state is not None and state.note:
        by = " — " + _e(state.reviewer) if state.reviewer else ""
        note = f"<p class=\"note\"><b>Note:</b> {_e(state.note)}<span class=\"who\">{by}, {_e(state.reviewed_at)}</span></p>"
    elif state is not None:
        by = f" by {_e(state.reviewer)}" if state.reviewer else ""
        note = f"<p class=\"cmd\">{_e(status)}{by}, {_e(state.reviewed_at)}</p>"
    short_id = c.id[:8]
    return (
        f"<article class=\"conflict s-{_e(status)}{' update' if c.update else ''}\" id=\"{_e(c.id)}\">"
        f"<div class=\"top\"><span class=\"kind{' update' if c.update else ''}\">{_e(c.kind)}</span>"
        f"<span>{label}</span>"
        f"<span class=\"conf\" title=\"confidence\">confidence <span class=\"bar\"><i style=\"width:{pct}%\"></i></span> {c.confidence:.2f}</span>"
        f"<span class=\"status st-{_e(status)}\">{_e(status)}</span>"
        f"<span class=\"cid\">{_e(c.id)}</span></div>"
        f"<h3>{_e(c.explanation)}</h3>"
        f"<div class=\"sides\">{_side(result, arts, 'A', c.a, c.a_value, c.kind)}"
        f"{_side(result, arts, 'B', c.b, c.b_value, c.kind)}</div>{note}"
        f"<p class=\"cmd\">Decide: <code>claimcheck review {_e(short_id)}</code> "
        "<code>--confirm</code> | <code>--dismiss</code> | <code>--needs-check</code> "
        "<code>[--note TEXT]</code></p></article>"
    )


def _story_of(arts: _Arts, claim: ClaimRecord) -> str | None:
    story = getattr(claim, "story_id", None)
    if story:
        return str(story)
    art = arts.get(claim.article_id, {})
    value = art.get("story_id") or art.get("story")
    return str(value) if value else None


#: The section of groups that name no one.
OTHER = "Other claims"
_PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we", "i", "you"}


def _topic(group: Group) -> str:
    """The entity a group's claims name most (person, organisation or place)."""
    names: Counter[str] = Counter()
    for c in group.claims:
        # The resolved value: "he" counts as the person it stands for.
        for name in {s.value or s.surface for s in c.slots if s.kind in ("person", "org", "place", "entity")}:
            if name.lower() not in _PRONOUNS:
                names[name] += 1
    if not names:
        return OTHER
    return sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def group_sections(result: DiffResult) -> tuple[str, list[tuple[str, list[Group]]]]:
    """("story" | "topic", [(section title, groups)]), conflicts first, then by size.

    By story when the claims carry a story id, else by topic (see :func:`_topic`).
    """
    arts = _articles(result)
    by_story = any(_story_of(arts, c) for g in result.groups for c in g.claims)
    sections: dict[str, list[Group]] = {}
    titles: dict[str, str] = {}
    for g in result.groups:
        if by_story:
            stories = Counter(s for c in g.claims if (s := _story_of(arts, c)))
            key = stories.most_common(1)[0][0] if stories else "(no story)"
            if key not in titles:
                # The story's earliest article with a date names it.
                first = min(g.claims, key=lambda c: (
                    not arts.get(c.article_id, {}).get("published"),
                    str(arts.get(c.article_id, {}).get("published") or ""),
                ))
                titles[key] = str(arts.get(first.article_id, {}).get("title") or key)
        else:
            key = _topic(g)
            titles[key] = key
        sections.setdefault(key, []).append(g)
    rank = {"conflict": 0, "refine": 1, "agree": 2}
    out = []
    for key, groups in sections.items():
        groups.sort(key=lambda g: (rank.get(g.verdict, 3), -len(g.claims), g.id))
        out.append((titles[key], groups))
    out.sort(key=lambda kv: (
        kv[0] == OTHER, -sum(1 for g in kv[1] if g.verdict == "conflict"), -len(kv[1]), kv[0],
    ))
    return ("story" if by_story else "topic"), out


def _group(arts: _Arts, g: Group) -> str:
    items = []
    for c in g.claims:
        art = arts.get(c.article_id, {})
        who = art.get("outlet") or art.get("source") or c.article_id
        date = art.get("published")
        items.append(
            f"<li><span class=\"who\">{_e(who)}{' · ' + _e(date) if date else ''}:</span> {_e(c.text)}</li>"
        )
    return (
        f"<div class=\"group\" id=\"{_e(g.id)}\"><span class=\"v v-{_e(g.verdict)}\">{_e(g.verdict)}</span> "
        f"<span class=\"who\">{len({c.article_id for c in g.claims})} articles</span><ul>{''.join(items)}</ul></div>"
    )


def _chips(pairs: Iterable[tuple[str, int]]) -> str:
    return "".join(f"<span class=\"chip\"><b>{n}</b> {_e(label)}</span>" for label, n in pairs if n)


def render_html(result: DiffResult, summary: str) -> str:
    """The report as one self-contained HTML page; ``summary`` is the summary line."""
    statuses = Counter(status_of(result, c) for c in result.conflicts)
    outlets = {a.get("outlet") for a in result.articles if a.get("outlet")}
    hidden = result.hidden_dismissed if isinstance(result, DeskResult) else 0
    new = result.new if isinstance(result, DeskResult) else None
    mode, sections = group_sections(result)
    arts = _articles(result)
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta name=\"referrer\" content=\"no-referrer\">"
        "<title>claimcheck report</title>",
        f"<style>{_CSS}</style></head><body><main>",
        "<h1>claimcheck report</h1>",
        f"<p class=\"summary\">{_e(summary)}</p>",
        "<div class=\"chips\">",
        _chips([
            ("articles", len(result.articles)), ("outlets", len(outlets)),
            ("to review", statuses.get(UNREVIEWED, 0)), ("need checking", statuses.get("needs-check", 0)),
            ("confirmed", statuses.get("confirmed", 0)), ("dismissed", statuses.get("dismissed", 0)),
            ("dismissed, hidden", hidden),
        ]),
        "</div>",
    ]
    if new is not None:
        since = "not in" if new.claims_already_there is not None else "new since"
        parts.append(
            f"<p class=\"who\">Only what involves the {len(new.articles)} article"
            f"{'s' if len(new.articles) != 1 else ''} {since} {_e(new.label)}.</p>"
        )
    parts.append(
        f"<nav><a href=\"#conflicts\">Conflicts ({len(result.conflicts)})</a>"
        f"<a href=\"#groups\">Groups by {mode} ({len(result.groups)})</a></nav>"
        "<h2 id=\"conflicts\">Conflicts</h2>"
    )
    if not result.conflicts:
        parts.append("<p class=\"empty\">No conflicts found.</p>")
    # Dismissed ones (shown with --all) last; otherwise the diff's order (surest first).
    for c in sorted(result.conflicts, key=lambda c: status_of(result, c) == "dismissed"):
        parts.append(_conflict(result, arts, c))
    parts.append(f"<h2 id=\"groups\">Groups by {mode}</h2>")
    if not sections:
        parts.append("<p class=\"empty\">No claims are shared between articles.</p>")
    for k, (title, groups) in enumerate(sections):
        n_conf = sum(1 for g in groups if g.verdict == "conflict")
        open_ = " open" if k == 0 and n_conf else ""
        parts.append(
            f"<details{open_}><summary>{_e(title)}"
            f"<span class=\"chip\"><b>{len(groups)}</b> group{'s' if len(groups) != 1 else ''}</span>"
            + (f"<span class=\"chip\"><b>{n_conf}</b> with conflicts</span>" if n_conf else "")
            + f"</summary><div class=\"groups\">{''.join(_group(arts, g) for g in groups)}</div></details>"
        )
    parts.append(
        f"<footer>Made by claimcheck on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" (diff run {result.run_id}). Article text is shown as text.</footer></main></body></html>\n"
    )
    return "".join(parts)
