"""Planted-disagreement harness: change one value in one article of a story, see if diff finds it.

Black-box: it uses only ``claimcheck.ingest`` / ``claimcheck.diff`` and the JSON report of
DESIGN.md (conflicts with ``kind``, ``a``/``b`` claims carrying ``source``, ``start``, ``end``).
So the same script measures today's verdict step ("before") and the rewritten one ("after").

Three sources of stories:

- ``gunviolence.jsonl`` (real US local news): counts of killed/injured, ages, weekdays,
  month-day dates, city names and participant names that two articles of one incident state;
  the value is changed in one article only ("two people were killed" -> "four people ...");
- ``newswcl50.jsonl`` (real political news): weekdays and names stated by two outlets;
- ``data/planted/written.json``: short stories written for this harness (politics,
  business, sport, disasters, courts, science), one per class of the issue that the corpora
  lack (extra participant, date lists/ranges, bounds, frequencies, negation, role by
  apposition, place of an event), each with planted changes and meaning-preserving rewrites.

Found rule: a reported conflict whose two claims overlap (article + character span) the
planted sentence in the changed article and a counterpart sentence in another article of
that story. A rewrite is a false alarm when any conflict involves the rewritten sentence and
the unchanged (control) run had none on that sentence.

Every story is split by hash into tuning (70 %) and held-out (30 %); both figures print.

    python benchmarks/planted.py            # all plantings, a table
    python benchmarks/planted.py --quick    # a small subset
"""

from __future__ import annotations

import argparse
import bisect
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "planted"
CORPORA = Path(os.environ.get("CLAIMCHECK_CORPORA", "/work/shared/corpora"))

# --- data model -------------------------------------------------------------------------


@dataclass(slots=True)
class Article:
    key: str  # unique; ingested as the JSONL ``source`` so the report names it back
    story: str
    text: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    corpus: str  # gva | wcl | written
    articles: list[Article]


@dataclass(slots=True)
class Planting:
    """One change of one value (``start:end`` of the original text -> ``new``) in one article.

    ``counterparts`` are sentence spans (article key, start, end) of other articles of the
    story that state the same fact with the original value. For a rewrite they are empty and
    ``kind`` is ``""``: nothing may be reported on the rewritten sentence.
    """

    id: str
    story: str
    corpus: str
    cls: str
    kind: str
    article: str
    start: int
    end: int
    new: str
    counterparts: list[tuple[str, int, int]] = field(default_factory=list)
    also_kinds: tuple[str, ...] = ()
    rewrite: bool = False
    note: str = ""

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.kind, *self.also_kinds)


def held_out(story_id: str) -> bool:
    """30 % of stories by hash: never read while tuning."""
    return int(hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:8], 16) % 10 >= 7


# --- text helpers -----------------------------------------------------------------------

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Lt|Sgt|Capt|Gen|Gov|Sen|Rep|Det|Ofc|Officer|No|Mt|Ft|Co|Inc|"
    r"Corp|Ave|Blvd|Rd|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|a\.m|p\.m|[A-Z])\.)$"
)


@functools.lru_cache(maxsize=8192)
def sentence_list(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text`` (blank lines and . ! ? before a capital; not after an
    abbreviation): a simple splitter, good enough to score overlap."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group() and _ABBREV.search(text[max(0, m.start() - 6):m.start()]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return tuple(spans)


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence around character ``pos``.

    >>> sentence_span("He left. She met Ann on May 7. Then rain.", 20)
    (9, 30)
    """
    spans = sentence_list(text)
    i = bisect.bisect_right([s for s, _ in spans], pos) - 1
    return spans[max(i, 0)]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    yield from sentence_list(text)


def apply(text: str, p: Planting) -> str:
    return text[:p.start] + p.new + text[p.end:]


def planted_sentence(original: str, p: Planting) -> tuple[int, int]:
    """Span of the changed sentence in the changed text."""
    s, e = sentence_span(original, p.start)
    return s, e + len(p.new) - (p.end - p.start)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- numbers ----------------------------------------------------------------------------

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]
WORD_VALUE = {w: i for i, w in enumerate(WORDS)}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = {"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11,
              "Dec.": 12}
_MONTH_RE = "|".join([*MONTHS, *(re.escape(a) for a in MONTH_ABBR)])

NUM_RE = re.compile(r"\b(?:\d{1,3}|" + "|".join(WORDS[2:]) + r")\b", re.IGNORECASE)
DEATH = re.compile(r"\b(?:killed|dead|died|dies|fatally|slain|deaths?|killing|lives)\b", re.I)
HURT = re.compile(r"\b(?:injured|wounded|hurt|injuries|wounding|injuring|shot)\b", re.I)
SHOOTING = re.compile(r"\b(?:shot|shooting|shootings|gunfire|fired|killed|wounded|slain|gunman)\b",
                      re.I)
AGE_RES = [re.compile(r"\b(\d{1,2})-year-old\b"), re.compile(r"\b(?:age|aged|ages) (\d{1,2})\b"),
           re.compile(r"[A-Z][a-z]+, (\d{1,2})(?=[,;]|\.(?!\d)|\s+(?:of|from|and|was|is|who|died|had)\b)")]


def number_value(tok: str) -> int | None:
    if tok.isdigit():
        return int(tok)
    return WORD_VALUE.get(tok.lower())


def same_form(old: str, value: int) -> str:
    """``value`` written like ``old`` (digits, lower or capitalised words)."""
    if old.isdigit() or value >= len(WORDS):
        return str(value)
    w = WORDS[value]
    return w.capitalize() if old[0].isupper() else w


def other_form(old: str) -> str | None:
    """Digits <-> words, for rewrites."""
    v = number_value(old)
    if v is None or v >= len(WORDS):
        return None
    if old.isdigit():
        return WORDS[v]
    return str(v)


def pick(pool: Sequence[str], seed: int, ok: Any) -> str:
    """The first item of ``pool`` from position ``seed`` on that ``ok`` accepts."""
    for i in range(len(pool)):
        x = pool[(seed + i) % len(pool)]
        if ok(x):
            return x
    raise ValueError("no replacement value available")


def _stable(*parts: str) -> int:
    return int(hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:8], 16)


_STOP = frozenset("""the a an and or but of to in on at by for with from as into about over after
before since until during this that these those it its is are was were be been being has have
had do does did will would shall should can could may might must not no said says told police
according while when where who whom which what there their they them he she his her him also
than then more most other another were""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")


@functools.lru_cache(maxsize=65536)
def content_words(text: str, drop: str = "") -> frozenset[str]:
    gone = {w.lower() for w in _WORD.findall(drop)}
    return frozenset(w.lower() for w in _WORD.findall(text)
                     if len(w) >= 4 and w.lower() not in _STOP and w.lower() not in gone)


_FURNITURE = re.compile(r"pic\.twitter\.com|\(@\w+\)|\bImage \d+ of\b|\bPhoto:|\bBuy Photo\b|"
                        r"\bCaption\b|\bClose Image\b|^\W*\(?Photo\b")


def furniture(sentence: str) -> bool:
    """Captions, embedded tweets and photo credits: stored as boilerplate, never compared, so
    nothing is planted in them or expected from them."""
    return bool(_FURNITURE.search(sentence))


def _related(a: str, b: str, value: str, need: int = 2) -> bool:
    """Two sentences plausibly state the same fact: ``need`` shared content words beyond the value."""
    return len(content_words(a, value) & content_words(b, value)) >= need


# --- corpus loaders ---------------------------------------------------------------------


def load_jsonl(path: Path, corpus: str, prefix: str) -> tuple[list[Story], dict[str, Any]]:
    by_event: dict[str, list[Article]] = defaultdict(list)
    facts: dict[str, Any] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            sid = f"{prefix}:{r['event']}"
            by_event[sid].append(Article(
                key=f"{prefix}:{r['id']}", story=sid, text=r["text"], published=r.get("published"),
                outlet=r.get("outlet"), title=r.get("title")))
            if "facts" in r:
                facts[sid] = r["facts"]
    return [Story(sid, corpus, arts) for sid, arts in sorted(by_event.items())], facts


# --- generators on real text ------------------------------------------------------------

Cand = tuple[Article, int, int, str]  # article, value start, value end, sentence text


def _sentences_with(article: Article, pattern: re.Pattern[str]) -> Iterator[tuple[int, int, re.Match[str]]]:
    for s, e in sentences(article.text):
        for m in pattern.finditer(article.text, s, e):
            yield s, e, m


def _counterparts(story: Story, article: Article, sent: str, value: str,
                  test: Any, need: int = 2) -> list[tuple[str, int, int]]:
    """Sentences of the story's other articles for which ``test(text, s, e)`` holds and that
    share content words with ``sent``."""
    out = []
    for other in story.articles:
        if other.key == article.key or other.text == article.text:
            continue
        for s, e in sentences(other.text):
            if furniture(other.text[s:e]):
                continue
            if test(other.text, s, e) and _related(sent, other.text[s:e], value, need):
                out.append((other.key, s, e))
    return out


def _casualty_family(after: str) -> str | None:
    d, h = DEATH.search(after), HURT.search(after)
    if d and (not h or d.start() <= h.start()):
        return "death"
    if h:
        return "hurt"
    return None


_NOT_COUNT_AFTER = re.compile(r"^(?:-|:|\.\d|,\d|\s*(?:%|percent|years?|times|hours?|minutes?|"
                              r"days?|weeks?|months?|a\.m|p\.m|o'clock|am\b|pm\b|rounds?|shots|"
                              r"bullets|block|feet|miles?|grade|st\b|nd\b|rd\b|th\b|caliber|mm\b))",
                              re.I)


def _count_matches(text: str, s: int, e: int, values: set[int]) -> Iterator[tuple[re.Match[str], str]]:
    for m in NUM_RE.finditer(text, s, e):
        v = number_value(m.group())
        if v is None or v not in values or _NOT_COUNT_AFTER.match(text[m.end():m.end() + 12]):
            continue
        before = text[max(s, m.start() - 12):m.start()]
        if re.search(r"\d[,.]?\s*$|\$\s*$|No\.\s*$", before):
            continue
        fam = _casualty_family(text[m.end():min(e, m.end() + 50)])
        if fam:
            yield m, fam


def gva_candidates(story: Story, facts: dict[str, Any], cities_by_state: dict[str, list[str]],
                   surnames: list[str]) -> list[Planting]:
    """Every plantable value of one gun-violence incident (deduplicated per class later)."""
    out: list[Planting] = []
    killed, injured = int(facts.get("killed") or 0), int(facts.get("injured") or 0)
    counts = {v for v in (killed, injured, killed + injured) if 2 <= v <= 18}
    ages = {int(p["age"]) for p in facts.get("participants", []) if p.get("age")}
    names = [p["name"] for p in facts.get("participants", [])
             if p.get("name") and len(p["name"].split()) >= 2]
    city, state = facts.get("city"), facts.get("state")
    story_text = " ".join(a.text for a in story.articles)

    def add(cls: str, kind: str, art: Article, start: int, end: int, new: str,
            cps: list[tuple[str, int, int]], rewrite: bool = False,
            also: tuple[str, ...] = ()) -> None:
        if not rewrite and not cps:
            return
        pid = f"{art.key}@{start}:{cls}"
        out.append(Planting(pid, story.id, story.corpus, cls, kind, art.key, start, end, new,
                            [] if rewrite else cps, also, rewrite))

    for art in story.articles:
        t = art.text
        for s, e in sentences(t):
            sent = t[s:e]
            if furniture(sent):
                continue
            # killed / injured counts
            for m, fam in _count_matches(t, s, e, counts):
                v = number_value(m.group())
                assert v is not None
                fam_re = DEATH if fam == "death" else HURT

                def same_count(tx: str, s2: int, e2: int, v: int = v, fam_re: re.Pattern[str] = fam_re) -> bool:
                    return any(number_value(m2.group()) == v
                               and fam_re.search(tx[m2.end():min(e2, m2.end() + 50)])
                               for m2, _ in _count_matches(tx, s2, e2, {v}))

                cps = _counterparts(story, art, sent, m.group(), same_count)
                add("count (real)", "number", art, m.start(), m.end(), same_form(m.group(), v + 2), cps)
                alt = other_form(m.group())
                if alt and cps:
                    if m.start() == s:
                        alt = alt.capitalize()
                    add("rewrite: digits/words (real)", "", art, m.start(), m.end(), alt, [], True)
                    prev = t[max(s, m.start() - 14):m.start()].lower()
                    if not re.search(r"(least|about|than|nearly|almost|some|all|the|those|these|of)\s*$", prev):
                        add("rewrite: bound (real)", "", art, m.start(), m.start(),
                            "At least " if m.start() == s else "at least ", [], True)
            # ages
            for rx in AGE_RES:
                for m in rx.finditer(t, s, e):
                    a = int(m.group(1))
                    if a not in ages:
                        continue

                    def same_age(tx: str, s2: int, e2: int, a: int = a) -> bool:
                        return any(int(m2.group(1)) == a for r2 in AGE_RES for m2 in r2.finditer(tx, s2, e2))

                    cps = _counterparts(story, art, sent, m.group(1), same_age)
                    add("age (real)", "number", art, m.start(1), m.end(1), str(a + 3), cps)
            # weekdays
            for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", t[s:e]):
                if not SHOOTING.search(sent):
                    continue
                day = m.group(1)
                nxt = WEEKDAYS[(WEEKDAYS.index(day) + 1) % 7]

                def same_day(tx: str, s2: int, e2: int, day: str = day) -> bool:
                    return bool(re.search(rf"\b{day}\b", tx[s2:e2]) and SHOOTING.search(tx[s2:e2]))

                cps = _counterparts(story, art, sent, day, same_day, need=3)
                add("weekday (real)", "date", art, s + m.start(), s + m.end(), nxt, cps)
            # month-day dates
            for m in re.finditer(rf"\b({_MONTH_RE}) (\d{{1,2}})\b(?!:|\d)", t[s:e]):
                day_n = int(m.group(2))
                if not 1 <= day_n <= 31:
                    continue
                mon = m.group(1)

                def same_date(tx: str, s2: int, e2: int, mon: str = mon, d: int = day_n) -> bool:
                    return bool(re.search(rf"\b{re.escape(mon)} {d}\b(?!:|\d)", tx[s2:e2]))

                cps = _counterparts(story, art, sent, m.group(), same_date, need=3)
                new_day = day_n + 1 if day_n < 28 else day_n - 1
                add("adjacent days (real)", "date", art, s + m.start(2), s + m.end(2), str(new_day), cps)
                full = re.match(rf"({_MONTH_RE}) (\d{{1,2}}), (\d{{4}})", t[s + m.start():s + m.end() + 6])
                if full and cps:
                    month = MONTHS[MONTH_ABBR[mon] - 1] if mon in MONTH_ABBR else mon
                    add("rewrite: date format (real)", "", art, s + m.start(), s + m.start() + full.end(),
                        f"{day_n} {month} {full.group(3)}", [], True)
            # city names
            if city and len(city) > 2 and state:
                for m in re.finditer(rf"\b(?:in|of|In) ({re.escape(city)})\b(?! [A-Z])(?!['’])", sent):

                    def same_city(tx: str, s2: int, e2: int, c: str = city) -> bool:
                        return bool(re.search(rf"\b(?:in|of|In) {re.escape(c)}\b", tx[s2:e2]))

                    cps = [c for c in _counterparts(story, art, sent, city, same_city)
                           if _related(sent, _text_of(story, c), city, need=3)]
                    if not cps:
                        continue
                    pool = [c for c in cities_by_state.get(state, []) if c != city and c not in story_text]
                    if not pool:
                        continue
                    new_city = pool[_stable(story.id, art.key) % len(pool)]
                    add("city (real)", "place", art, s + m.start(1), s + m.end(1), new_city, cps)
                    if cps and not re.match(r",? (?:" + re.escape(state) + r"|[A-Z][a-z]*\.)", t[s + m.end(1):s + m.end(1) + 20]):
                        add("rewrite: region contains city (real)", "", art, s + m.start(1), s + m.end(1), state, [], True)
            # participant names
            for name in names:
                for m in re.finditer(rf"\b{re.escape(name)}\b", sent):
                    parts = name.split()

                    def same_name(tx: str, s2: int, e2: int, n: str = name) -> bool:
                        return n in tx[s2:e2]

                    cps = _counterparts(story, art, sent, name, same_name)
                    if not cps:
                        continue
                    # a person's name is one fact wherever it is written: once the planting is
                    # chosen (a related sentence exists), every sentence of another article
                    # that gives the same full name is a counterpart
                    cps = _counterparts(story, art, sent, name, same_name, need=0)
                    new_last = pick(surnames, _stable(story.id, art.key, name),
                                    lambda x, p=parts: x[0] != p[-1][0] and x not in story_text)
                    start = s + m.start() + len(name) - len(parts[-1])
                    add("name (real)", "entity", art, start, s + m.end(), new_last, cps)
                    if cps:
                        add("rewrite: initial (real)", "", art, s + m.start(), s + m.start() + len(name) - len(parts[-1]) - 1,
                            parts[0][0] + ".", [], True)
    return out


_PERSON = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")


def wcl_candidates(story: Story, surnames: list[str]) -> list[Planting]:
    """Weekdays and full names that two outlets of a political story state in related sentences."""
    out: list[Planting] = []
    story_text = " ".join(a.text for a in story.articles)
    for art in story.articles:
        t = art.text
        for s, e in sentences(t):
            sent = t[s:e]
            for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", sent):
                day = m.group(1)

                def same_day(tx: str, s2: int, e2: int, day: str = day) -> bool:
                    return bool(re.search(rf"\b{day}\b", tx[s2:e2]))

                cps = [c for c in _counterparts(story, art, sent, day, same_day)]
                cps = [c for c in cps if _related(sent, _text_of(story, c), day, need=3)]
                if cps:
                    out.append(Planting(f"{art.key}@{s + m.start()}:wd", story.id, story.corpus,
                                        "weekday (real)", "date", art.key, s + m.start(), s + m.end(),
                                        WEEKDAYS[(WEEKDAYS.index(day) + 1) % 7], cps))
            for m in _PERSON.finditer(sent):
                first, last = m.group(1), m.group(2)
                if first in WEEKDAYS or first in MONTHS or first in {"The", "North", "South", "White", "New", "United"}:
                    continue
                name = m.group()
                if story_text.count(name) < 3:
                    continue
                if not any(name in o.text for o in story.articles if o.key != art.key):
                    continue

                def same_name(tx: str, s2: int, e2: int, n: str = name) -> bool:
                    return n in tx[s2:e2]

                cps = [c for c in _counterparts(story, art, sent, name, same_name)
                       if _related(sent, _text_of(story, c), name, need=3)]
                if not cps:
                    continue
                cps = _counterparts(story, art, sent, name, same_name, need=0)  # as for gva names
                new_last = pick(surnames, _stable(story.id, art.key, name),
                                lambda x, last=last: x[0] != last[0] and x not in story_text)
                out.append(Planting(f"{art.key}@{s + m.start()}:nm", story.id, story.corpus,
                                    "name (real)", "entity", art.key, s + m.start(2), s + m.end(2),
                                    new_last, cps))
    return out


def _text_of(story: Story, cp: tuple[str, int, int]) -> str:
    art = next(a for a in story.articles if a.key == cp[0])
    return art.text[cp[1]:cp[2]]


# --- written stories --------------------------------------------------------------------


def _minimal(old: str, new: str) -> tuple[int, int, str]:
    """Trim the common prefix/suffix: the change covers only the value."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[len(old) - 1 - q] == new[len(new) - 1 - q]:
        q += 1
    # keep whole words: widen to word boundaries on both strings
    while p > 0 and old[p - 1].isalnum() and (p - 1 < len(new)) and new[p - 1].isalnum():
        p -= 1
    while q > 0 and old[len(old) - q].isalnum() and new[len(new) - q].isalnum():
        q -= 1
    return p, len(old) - q, new[p:len(new) - q]


def find_once(text: str, needle: str, where: str) -> int:
    at = text.find(needle)
    if at < 0 or text.find(needle, at + 1) >= 0:
        raise ValueError(f"{where}: {needle!r} must occur exactly once (found {text.count(needle)})")
    return at


def load_written(path: Path) -> tuple[list[Story], list[Planting]]:
    spec = json.loads(path.read_text(encoding="utf-8"))
    stories: list[Story] = []
    plantings: list[Planting] = []
    for st in spec["stories"]:
        sid = f"w:{st['id']}"
        arts = {name: Article(f"{sid}:{name}", sid, a["text"], a.get("published", st.get("published")),
                              a.get("outlet"), a.get("title"))
                for name, a in st["articles"].items()}
        stories.append(Story(sid, "written", list(arts.values())))
        for i, p in enumerate([*st.get("plant", []), *st.get("rewrite", [])]):
            rewrite = "kind" not in p
            art = arts[p["article"]]
            where = f"{sid} #{i}"
            at = find_once(art.text, p["find"], where)
            a, b, new = _minimal(p["find"], p["new"])
            cps = []
            for other, needle in p.get("counterparts", {}).items():
                o = arts[other]
                cps.append((o.key, *sentence_span(o.text, find_once(o.text, needle, where))))
            plantings.append(Planting(f"{sid}#{i}", sid, "written", p["class"], p.get("kind", ""),
                                      art.key, at + a, at + b, new, cps,
                                      tuple(p.get("also_kinds", ())), rewrite, p.get("note", "")))
    return stories, plantings


# --- selection --------------------------------------------------------------------------


def select(cands: Iterable[Planting], per_class: int) -> list[Planting]:
    """One planting per (story, class), then at most ``per_class`` per class, by hash order."""
    best: dict[tuple[str, str], Planting] = {}
    for p in cands:
        k = (p.story, p.cls)
        if k not in best or _stable(p.id) < _stable(best[k].id):
            best[k] = p
    by_cls: dict[str, list[Planting]] = defaultdict(list)
    for p in best.values():
        by_cls[p.cls].append(p)
    out: list[Planting] = []
    for cls in sorted(by_cls):
        ps = sorted(by_cls[cls], key=lambda p: _stable(p.story, cls))
        out.extend(ps[:per_class])
    return out


def build(quick: bool = False, per_class: int = 45) -> tuple[dict[str, Story], list[Planting]]:
    """All stories and the plantings to run."""
    stories: dict[str, Story] = {}
    plantings: list[Planting] = []
    gva, facts = load_jsonl(CORPORA / "gunviolence.jsonl", "gva", "gva")
    wcl, _ = load_jsonl(CORPORA / "newswcl50.jsonl", "wcl", "wcl")
    cities: dict[str, set[str]] = defaultdict(set)
    surnames: set[str] = set()
    for f in facts.values():
        if f.get("city") and f.get("state") and " " not in f["city"]:
            cities[f["state"]].add(f["city"])
        for p in f.get("participants", []):
            if p.get("name") and len(p["name"].split()) >= 2 and p["name"].split()[-1].isalpha():
                surnames.add(p["name"].split()[-1])
    pool = {k: sorted(v) for k, v in cities.items()}
    names = sorted(surnames)
    cands: list[Planting] = []
    for st in gva:
        cands.extend(gva_candidates(st, facts[st.id], pool, names))
    for st in wcl:
        cands.extend(wcl_candidates(st, names))
    limit = 8 if quick else per_class
    plantings.extend(select(cands, limit))
    for st in [*gva, *wcl]:
        stories[st.id] = st
    for spec in sorted(DATA.glob("*.json")):
        w_stories, w_plant = load_written(spec)
        for st in w_stories:
            stories[st.id] = st
        if quick:
            seen: set[str] = set()
            w_plant = [p for p in w_plant if not (p.cls in seen or seen.add(p.cls))]  # type: ignore[func-returns-value]
        plantings.extend(w_plant)
    used = {p.story for p in plantings}
    return {k: v for k, v in stories.items() if k in used}, plantings


# --- running ----------------------------------------------------------------------------


def _report(db: Path) -> dict[str, Any]:
    import claimcheck

    result = claimcheck.diff(str(db))
    try:
        from claimcheck.report import to_json_dict
    except ImportError:  # the JSON contract through the CLI when the module moved
        import subprocess

        out = subprocess.run([sys.executable, "-m", "claimcheck", "diff", "--db", str(db),
                              "--format", "json"], check=True, capture_output=True, text=True)
        return dict(json.loads(out.stdout))
    return dict(to_json_dict(result))


def run_db(articles: Sequence[Article], workdir: Path, name: str) -> list[dict[str, Any]]:
    """Ingest ``articles`` into a fresh database, diff, return the conflicts of the report."""
    import claimcheck

    path = workdir / f"{name}.jsonl"
    db = workdir / f"{name}.db"
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.key, "source": a.key, "title": a.title, "text": a.text,
                                 "published": a.published, "outlet": a.outlet}) + "\n")
    if db.exists():
        db.unlink()
    claimcheck.ingest([str(path)], str(db))
    return list(_report(db)["conflicts"])


def _side(c: dict[str, Any], side: str) -> tuple[str, tuple[int, int]]:
    claim = c[side]
    return str(claim.get("source")), (int(claim["start"]), int(claim["end"]))


def touching(conflicts: Iterable[dict[str, Any]], key: str, span: tuple[int, int]) -> list[dict[str, Any]]:
    out = []
    for c in conflicts:
        for side in ("a", "b"):
            src, sp = _side(c, side)
            if src == key and overlaps(sp, span):
                out.append(c)
                break
    return out


def joins(c: dict[str, Any], key: str, span: tuple[int, int], cps: Sequence[tuple[str, int, int]]) -> bool:
    """``c`` joins the sentence (key, span) with one of the counterpart sentences."""
    for x, y in (("a", "b"), ("b", "a")):
        src, sp = _side(c, x)
        osrc, osp = _side(c, y)
        if src == key and overlaps(sp, span) and any(
                osrc == k and overlaps(osp, (s, e)) for k, s, e in cps):
            return True
    return False


@dataclass(slots=True)
class Outcome:
    planting: Planting
    status: str  # found | wrong-kind | missed | false-alarm | quiet | pre-existing
    kinds: list[str] = field(default_factory=list)
    seconds: float = 0.0


def score(p: Planting, original: str, conflicts: list[dict[str, Any]],
          control: list[dict[str, Any]]) -> Outcome:
    old_span = sentence_span(original, p.start)
    if p.rewrite:
        if touching(control, p.article, old_span):
            return Outcome(p, "pre-existing")
        hits = touching(conflicts, p.article, planted_sentence(original, p))
        return Outcome(p, "false-alarm" if hits else "quiet", [str(c["kind"]) for c in hits])
    if any(joins(c, p.article, old_span, p.counterparts) for c in control):
        return Outcome(p, "pre-existing")
    span = planted_sentence(original, p)
    hits = [c for c in conflicts if joins(c, p.article, span, p.counterparts)]
    kinds = [str(c["kind"]) for c in hits]
    if any(k in p.accepted for k in kinds):
        return Outcome(p, "found", kinds)
    return Outcome(p, "wrong-kind" if hits else "missed", kinds)


def rounds(plantings: Sequence[Planting]) -> list[list[Planting]]:
    """Batches in which every story appears at most once (stories differ inside a batch)."""
    per_story: dict[str, list[Planting]] = defaultdict(list)
    for p in plantings:
        per_story[p.story].append(p)
    out: list[list[Planting]] = []
    for ps in per_story.values():
        for i, p in enumerate(ps):
            if len(out) <= i:
                out.append([])
            out[i].append(p)
    return out


def run(stories: dict[str, Story], plantings: Sequence[Planting], workdir: Path,
        batch: int = 1, log: Any = None
        ) -> tuple[list[Outcome], dict[str, int], list[dict[str, Any]]]:
    """The outcome of every planting.

    ``batch=1`` (the default): every story alone in its own database, unchanged (the control
    run) and once per planting. ``batch=N``: up to N stories share a database (the control
    run then holds all stories of a corpus), which measures the same thing in a mixed corpus;
    today's grouping is sensitive to that (see benchmarks/README.md).
    """
    arts = {a.key: a for st in stories.values() for a in st.articles}
    control: list[dict[str, Any]] = []
    control_counts: dict[str, int] = defaultdict(int)
    if batch == 1:
        for st in stories.values():
            got = run_db(st.articles, workdir, "control")
            control_counts[st.corpus] += len(got)
            control.extend(got)
    else:
        for corpus in sorted({st.corpus for st in stories.values()}):
            members = [a for st in stories.values() if st.corpus == corpus for a in st.articles]
            got = run_db(members, workdir, f"control-{corpus}")
            control_counts[corpus] = len(got)
            control.extend(got)
    if log:
        log(f"  control runs: {sum(control_counts.values())} conflicts")
    outcomes: list[Outcome] = []
    done = 0
    for group in rounds(plantings):
        for b in range(0, len(group), batch):
            chunk = group[b:b + batch]
            started = time.perf_counter()
            changed = {p.article: p for p in chunk}
            members = []
            for sid in dict.fromkeys(p.story for p in chunk):
                for a in stories[sid].articles:
                    if a.key in changed:
                        a = Article(a.key, a.story, apply(a.text, changed[a.key]), a.published,
                                    a.outlet, a.title)
                    members.append(a)
            got = run_db(members, workdir, "planted")
            secs = (time.perf_counter() - started) / len(chunk)
            for p in chunk:
                o = score(p, arts[p.article].text, got, control)
                o.seconds = secs
                outcomes.append(o)
            done += len(chunk)
            if log and (batch > 1 or done % 100 == 0):
                log(f"  {done}/{len(plantings)} plantings run")
    return outcomes, dict(control_counts), control


# --- summary ----------------------------------------------------------------------------


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Figures by class and by kind, tuning vs held-out."""
    def split(o: Outcome) -> str:
        return "held-out" if held_out(o.planting.story) else "tuning"

    by_class: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for o in outcomes:
        by_class[o.planting.cls][split(o)][o.status] += 1
        by_class[o.planting.cls]["all"][o.status] += 1
    planted = [o for o in outcomes if not o.planting.rewrite and o.status != "pre-existing"]
    rewrites = [o for o in outcomes if o.planting.rewrite and o.status != "pre-existing"]
    fig: dict[str, Any] = {"classes": {c: {s: dict(v) for s, v in d.items()} for c, d in sorted(by_class.items())}}
    for part in ("tuning", "held-out", "all"):
        ps = [o for o in planted if part == "all" or split(o) == part]
        rs = [o for o in rewrites if part == "all" or split(o) == part]
        found = sum(o.status == "found" for o in ps)
        any_hit = sum(o.status in ("found", "wrong-kind") for o in ps)
        by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in ps:
            by_kind[o.planting.kind][1] += 1
            by_kind[o.planting.kind][0] += o.status == "found"
        fig[part] = {
            "planted": len(ps), "found": found, "found_any_kind": any_hit,
            "recall": round(found / len(ps), 3) if ps else None,
            "kind_accuracy": round(found / any_hit, 3) if any_hit else None,
            "by_kind": {k: {"found": v[0], "of": v[1]} for k, v in sorted(by_kind.items())},
            "rewrites": len(rs), "rewrite_false_alarms": sum(o.status == "false-alarm" for o in rs),
        }
    fig["pre_existing"] = sum(o.status == "pre-existing" for o in outcomes)
    return fig


def table(fig: dict[str, Any], control: dict[str, int]) -> str:
    lines = [f"{'class':44} {'tuning':>12} {'held-out':>12} {'all':>12}"]

    def cell(d: dict[str, int], rewrite: bool) -> str:
        if rewrite:
            n = d.get("quiet", 0) + d.get("false-alarm", 0)
            return f"{d.get('false-alarm', 0)} FA/{n}" if n else "-"
        n = sum(v for k, v in d.items() if k != "pre-existing")
        extra = f" ({d['wrong-kind']}k)" if d.get("wrong-kind") else ""
        return f"{d.get('found', 0)}/{n}{extra}" if n else "-"

    for cls, d in fig["classes"].items():
        rw = cls.startswith("rewrite")
        lines.append(f"{cls:44} " + " ".join(f"{cell(d.get(s, {}), rw):>12}" for s in ("tuning", "held-out", "all")))
    lines.append("")
    for part in ("tuning", "held-out", "all"):
        f = fig[part]
        kinds = ", ".join(f"{k} {v['found']}/{v['of']}" for k, v in f["by_kind"].items())
        lines.append(f"{part:9} planted recall {f['found']}/{f['planted']} = {f['recall']}, found any kind "
                     f"{f['found_any_kind']}, kind accuracy {f['kind_accuracy']}; rewrites: "
                     f"{f['rewrite_false_alarms']} false alarms of {f['rewrites']}")
        lines.append(f"{'':9} by kind: {kinds}")
    lines.append(f"pre-existing (sentence already in conflict in the control run; not counted): {fig['pre_existing']}")
    lines.append("control runs (unplanted stories), conflicts reported: "
                 + ", ".join(f"{k} {v}" for k, v in control.items()))
    lines.append("(n/m = found with the expected kind / planted; (xk) = found with another kind; "
                 "FA = rewrites with a conflict on the rewritten sentence)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a small subset (a few per class)")
    ap.add_argument("--per-class", type=int, default=45, help="corpus plantings per class")
    ap.add_argument("--batch", type=int, default=1,
                    help="stories per database (1: each story alone; more: a mixed corpus)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "planted.json"))
    args = ap.parse_args(argv)
    started = time.perf_counter()
    stories, plantings = build(args.quick, args.per_class)
    print(f"{len(plantings)} plantings/rewrites in {len(stories)} stories "
          f"({sum(held_out(s) for s in stories)} held-out)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="planted-") as tmp:
        outcomes, control, control_conflicts = run(stories, plantings, Path(tmp), args.batch,
                                                   log=lambda m: print(m, file=sys.stderr))
    fig = summarise(outcomes)
    fig["seconds"] = round(time.perf_counter() - started, 1)
    fig["control_conflicts"] = control
    fig["batch"] = args.batch
    print(table(fig, control))
    print(f"planted harness: {fig['seconds']} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "figures": fig,
        "outcomes": [{"id": o.planting.id, "class": o.planting.cls, "kind": o.planting.kind,
                      "held_out": held_out(o.planting.story), "status": o.status, "got": o.kinds,
                      "article": o.planting.article, "start": o.planting.start, "end": o.planting.end,
                      "new": o.planting.new,
                      "sentence": _sentence_of(stories, o.planting)} for o in outcomes],
        "control_conflicts": [{"kind": c["kind"], "a": c["a"], "b": c["b"], "a_value": c.get("a_value"),
                               "b_value": c.get("b_value")} for c in control_conflicts]},
        indent=1, ensure_ascii=False), encoding="utf-8")
    return fig


def _sentence_of(stories: dict[str, Story], p: Planting) -> str:
    art = next(a for a in stories[p.story].articles if a.key == p.article)
    changed = apply(art.text, p)
    s, e = planted_sentence(art.text, p)
    return changed[s:e]


if __name__ == "__main__":
    main()
