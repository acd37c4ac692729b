"""One sentence, two names: two articles tell a sentence word for word but for one name.

Wire copies and rewrites of one report often carry a sentence unchanged. When two articles
of one story give the same sentence with every word alike but one name, they disagree on
that name: "the most difficult day in the history of Orlando" / "... of Fountain", "the
boys were at their grandfather's home about 18 miles west of Snowville" / "... west of Roy",
"11-year-old David McIntyre was shot" / "11-year-old David Carter was shot". The claim
groups see the pair but read only place slots as places and only persons as names; this
reads the changed name whatever kind the entity finder gave it.

What the changed name is:

- a place when either side's slot is a place the finder knows as a town, or the name follows
  a locative "in"/"near"/"of the city of" or "<miles> <direction> of";
- a person's name when both sides are full names of one given name and two surnames.

What keeps it quiet (precision first):

- fewer than ``MIN_WORDS`` words besides the name: short sentences repeat across events;
- the two names may be one (one holds the other, same words, a spelling variant, an
  initial for a given name), or either is a state, a country or a region (a region holding
  the town is a refinement), a street or a dateline;
- the two sentences are of two stories, or of two events by the caller's ``same_event``, or
  one is hedged ("may have") and the other not.

Pure: claims in, conflicts out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher

from .. import lexicon
from .model import ClaimRecord, Conflict, Slot
from .slots import _place_level
from .text import name_overlap, same_words, short, stable_id

#: Words (besides the changed name) the shared sentence must hold.
MIN_WORDS = 7
#: Confidence of a place or name told two ways in one sentence.
CONFIDENCE = 0.7
#: Both sentences hedged alike ("is probably the worst day in the history of Orlando").
HEDGE_COST = 0.1
#: Names this alike (difflib ratio) are one name spelled two ways: not reported here.
SPELLING_RATIO = 0.75

_DISTANCE = lexicon.alternatives("mirrors_distance_nouns.txt")
_DIRECTIONS = lexicon.alternatives("street_direction_words.txt")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside)\s+(?:the\s+(?:city|town|village|borough|township)\s+of\s+)?"
    r"|\b(?:" + _DISTANCE + r")\s+(?:" + _DIRECTIONS + r")\s+of\s+)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}\s*(?:,|\(|[-–—])")
_WORD = re.compile(r"[\w'’-]+")


def _key(before: str, after: str) -> str:
    """The sentence with the name taken out, as compared: lower case, words only."""
    return " ".join(_WORD.findall(before.lower())) + " \x00 " + " ".join(_WORD.findall(after.lower()))


def _names(c: ClaimRecord) -> Iterator[tuple[str, Slot]]:
    for s in c.slots:
        if s.kind not in ("place", "other", "person") or s.unit == "pronoun":
            continue
        if not s.value[:1].isupper():
            continue
        rel, end = s.start - c.start, s.end - c.start
        if rel < 0 or end > len(c.text) or c.text[rel:end] != s.surface:
            continue
        before, after = c.text[:rel], c.text[end:]
        if not before.strip() and _DATELINE.match(c.text):
            continue  # "HOUSTON (AP) —": where the article is told from
        if len(_WORD.findall(before)) + len(_WORD.findall(after)) < MIN_WORDS:
            continue
        yield _key(before, after), s


def _placelike(c: ClaimRecord, s: Slot) -> bool:
    return bool(_PLACE_BEFORE.search(c.text[: s.start - c.start]))


def _one_name(a: str, b: str) -> bool:
    """Two writings of one name: "J. Smith" / "John Smith", "Toone" / "Toole"."""
    if same_words(a, b) or name_overlap(a, b):
        return True
    wa, wb = a.lower().replace(".", "").split(), b.lower().replace(".", "").split()
    if wa and wb and wa[-1] == wb[-1]:
        return True  # one surname, the given name written out or as an initial
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SPELLING_RATIO


def _what(x: ClaimRecord, s: Slot, y: ClaimRecord, t: Slot) -> str | None:
    """"place", "name" or None: what the two names that differ are."""
    if _one_name(s.value, t.value):
        return None
    levels = {_place_level(s.value), _place_level(t.value)}
    if levels != {"local"}:
        return None  # "in Texas" / "in Houston": a region holding the town; or a street
    if "place" in (s.kind, t.kind) or _placelike(x, s):
        return "place"
    ws, wt = s.value.split(), t.value.split()
    if s.kind == t.kind == "person" and len(ws) >= 2 and len(wt) >= 2 and ws[0] == wt[0]:
        return "name"  # one given name, two surnames
    return None


def compare_mirrored_sentences(
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    same_event: Callable[[ClaimRecord, ClaimRecord], bool],
) -> list[Conflict]:
    """Place and name conflicts between sentences two articles tell alike but for one name.

    :param claims: prepared claims of any number of articles
    :param story_of: ``article_id -> story key``
    :param same_event: whether two claims of two articles may speak of one event
    """
    index: dict[tuple[str, str], list[tuple[ClaimRecord, Slot]]] = defaultdict(list)
    for c in claims:
        for key, s in _names(c):
            index[(story_of(c.article_id), key)].append((c, s))
    out: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    for (story, _), entries in sorted(index.items(), key=lambda kv: kv[0]):
        if len({c.article_id for c, _ in entries}) < 2:
            continue
        for i, (x, s) in enumerate(entries):
            for y, t in entries[i + 1:]:
                if x.article_id == y.article_id or x.modality != y.modality:
                    continue  # "may have been in Waco" / "was in Waco": hedged on one side
                what = _what(x, s, y, t) or _what(y, t, x, s)
                if what is None or not same_event(x, y):
                    continue
                pair = tuple(sorted((x.article_id, y.article_id)))
                told = (*pair, what, *sorted((s.value.lower(), t.value.lower())))
                if told in seen:
                    continue
                seen.add(told)
                found = _conflict(story, what, x, s, y, t)
                if x.modality:
                    found.confidence = round(CONFIDENCE - HEDGE_COST, 3)  # told alike, hedged alike
                out.append(found)
    return out


def _conflict(story: str, what: str, x: ClaimRecord, s: Slot, y: ClaimRecord, t: Slot) -> Conflict:
    kind = "place" if what == "place" else "entity"
    gid = stable_id("f", "story", story, "mirror", what)
    cid = stable_id("x", gid, x.id, y.id, what, s.value, t.value)
    told = "places it in" if what == "place" else "names"
    return Conflict(
        id=cid, group_id=gid, kind=kind, a=x, b=y, a_value=s.value, b_value=t.value,
        explanation=(f"one sentence told alike but for one name (story {story}): A {told} "
                     f"{s.value} (\"{short(x.text)}\"); B {told} {t.value} (\"{short(y.text)}\")"),
        confidence=CONFIDENCE, update=False, story_id=story, subject=story,
        attribute="place" if what == "place" else "name",
    )
