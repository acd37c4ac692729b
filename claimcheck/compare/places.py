"""The town of the event, compared between two articles' accounts of one moment.

Fact sheets show the places of a story without comparing them: a venue, a street, a
neighbourhood and the town of one shooting are all right at once. Two sentences that tell the
same moment of the event — the same day, the same venue or the same named person, and an event
word ("shot", "shooting", "killed") in both — and put it "in" two different towns do disagree:
"four people were shot outside a hall in Elmira on Sunday night" vs "four people were hurt in a
shooting Sunday night in Brooklyn".

Precision first:

- only a place right after "in" (or "in the city/town/village of") counts, never "at", "on"
  or "near" (a venue, a street, a neighbouring town), nor a street, a venue ("Moose Lodge"),
  a state, a region or a country (a region containing the town is a refinement);
- a capitalised name the entity finder left as "other" ("in Crossville") counts only when the
  other side names a place the finder knows as one;
- places both sentences name align first; exactly one town must be left on each side;
- if either article names the other article's town anywhere ("in East Flatbush, Brooklyn",
  a dateline, another sentence), the two towns may be a neighbourhood and its city, or the
  article knows both: no conflict.

Pure: claims in, conflicts out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from .. import lexicon
from ..entities import gazetteer_level
from .model import ClaimRecord, Conflict, Slot
from .slots import _interval_relation, _place_level
from .text import name_overlap, same_words, short, stable_id
from .verdicts import _DIRECTIONS

#: Base confidence of an event-town conflict; one more anchor (date and venue, or a named
#: person) adds ``ANCHOR_BONUS``; a town the finder did not know as a place costs ``OTHER_COST``.
BASE_CONFIDENCE = 0.6
ANCHOR_BONUS = 0.1
OTHER_COST = 0.05
#: Town names this alike (difflib ratio) are one name spelled two ways ("Toone" / "Toole"):
#: reported below diff's default cut, like two spellings of a surname.
SPELLING_RATIO = 0.75
SPELLING_CONFIDENCE = 0.4
#: A general news event (no shooting word) needs this many anchors and shared predicate words.
GENERAL_ANCHORS = 2
GENERAL_SHARED_WORDS = 2
#: The event word must stand at most this many characters before the town.
EVENT_BEFORE = 80

_EVENT = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_event_words.txt") + "|"
    + lexicon.alternatives("places_event_words.txt") + r")\b", re.IGNORECASE
)
_NEGATION = frozenset(lexicon.words("negation_words.txt"))
#: A clause of its own opens with these words: "None of the victims was badly hurt after being
#: shot at a lodge in Catawba" negates the injuries, not the shooting in Catawba.
_CLAUSE_OPENER = re.compile(r"\b(?:after|when|following|during)\b", re.IGNORECASE)
#: "in the Village of Montfort", "the town of Halifax": a town of its own, not a neighbourhood.
_TOWN_OF = r"\b(?:city|town|village|borough|township)\s+of\s+"
#: "the Village of Montfort" read as one name: a town called so, after "in the"
_NAMED_TOWN = re.compile(r"(?:City|Town|Village|Borough|Township)\s+of\s+[A-Z]")
_IN_THE = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)
_HEADS = frozenset(w.lower() for w in lexicon.words("place_heads.txt"))
_NOT_PLACE = lexicon.words("facts_not_place_words.txt")
_IN_BEFORE = re.compile(
    r"\bin\s+(?:the\s+(?:city|town|village|borough|community)\s+of\s+)?$", re.IGNORECASE
)
_BIG_CITIES = lexicon.lower_words("cities.txt")
_RESIDENCE = lexicon.lower_words("places_residence_words.txt")
_STATES = lexicon.lower_words("us_states.txt")
_PEOPLE = frozenset(lexicon.words("people_nouns.txt")) | {"", "person", "people", "individual",
                                                          "victim", "victims"}
#: A count of people anchors two accounts to one moment only from this many on ("seven people
#: were wounded"): one or two of something is too common to tell one event.
MIN_ANCHOR_COUNT = 3


def _state_after(text: str) -> bool:
    """``text`` (what follows a town) starts with a US state: ", Louisiana", ", Conn."."""
    m = re.match(r",\s*([A-Z][A-Za-z]*(?:\.?\s?[A-Z][a-z]*)?)\.?(?=[\s,;.)]|$)", text)
    if m is None:
        return False
    name = m.group(1)
    return gazetteer_level(name) == "state" or (name + ".").lower() in _STATES


def _with_state(c: ClaimRecord, s: Slot, rel: int) -> bool:
    """The town is written with its state and the event word comes after it, with no word
    of a home before "in": "A man in Monroe, Louisiana, shot three officers", "the club in
    Berlin, Conn., where five people were shot" — but not "who lived in Antioch, Calif.".
    """
    if not _state_after(c.text[s.end - c.start: s.end - c.start + 30]):
        return False
    before = re.findall(r"[A-Za-z]+", c.text[max(0, rel - 30): rel])[-3:-1]
    if _RESIDENCE & {w.lower() for w in before}:
        return False
    return bool(_EVENT.search(c.text[s.end - c.start: s.end - c.start + EVENT_BEFORE]))


@dataclass(slots=True)
class _Account:
    """One claim's account of the event: its towns and what anchors it to a moment."""

    claim: ClaimRecord
    towns: list[Slot]
    dates: list[Slot]
    venues: set[str]
    people: set[str]
    #: no shooting word: a general news event ("convicted of fraud on Tuesday in York")
    general: bool = False
    #: counts of people and ages: ("count", 7), ("age", 15)
    counts: set[tuple[str, float]] = field(default_factory=set)


def _town(c: ClaimRecord, s: Slot, persons: set[str], general: bool) -> bool:
    if s.kind not in ("place", "other") or not s.value[:1].isupper():
        return False
    if s.kind == "other" and (s.entity_id in persons or not re.fullmatch(
            r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}", s.value)):
        return False
    words = s.value.lower().replace(".", "").split()
    if not words or words[-1] in _HEADS or words[0] in _DIRECTIONS or words[0] in _NOT_PLACE:
        return False
    if _place_level(s.value) != "local":
        return False
    rel = s.start - c.start
    before = c.text[max(0, rel - 40): rel]
    if not (_IN_BEFORE.search(before) or (_NAMED_TOWN.match(s.value) and _IN_THE.search(before))):
        return False  # "in Montfort", "in the village of Montfort", "in the Village of Montfort"
    # the town of what happened: "a shooting in Humble", "killed ... in Metairie", not "a
    # court date in Bridgeport a few days after the shooting"
    if not general and not _EVENT.search(c.text[max(0, rel - EVENT_BEFORE): rel]) \
            and not _with_state(c, s, rel):
        return False
    rest = c.text[s.end - c.start: s.end - c.start + 20]
    if re.match(r"\s+(?:[A-Z0-9]\b|\d)", rest) or (s.kind == "other" and re.match(r"['’]s\b", rest)):
        return False  # "in Location A", "in Takiya's killing"
    after = re.match(r"\s+([A-Za-z]+)", rest)
    # "in Bell County": the name goes on into a county, a park, a street
    return not (after and after.group(1).lower() in _HEADS)


def _negation_outside(c: ClaimRecord, town: Slot) -> bool:
    """Every negating word of the claim stands before a clause that tells the shooting in the
    town: "None of the victims was badly hurt after being shot at a lodge in Catawba" — but not
    "no one was shot in Catawba" nor "a shooting in Catawba did not ...".
    """
    rel = town.start - c.start
    negations = [m.start() for m in re.finditer(r"[A-Za-z’']+", c.text)
                 if m.group().lower() in _NEGATION or m.group().lower().endswith(("n't", "n’t"))]
    openers = [m.end() for m in _CLAUSE_OPENER.finditer(c.text, 0, rel)]
    if not negations or not openers or max(negations) > openers[-1]:
        return False
    return bool(_EVENT.search(c.text[openers[-1]:rel]))


def _count(s: Slot) -> tuple[str, float] | None:
    """A count of people ("seven others", "nine people") or an age ("15-year-old")."""
    if s.kind != "quantity" or s.lo is None or s.lo != s.hi:
        return None
    what, _, noun = (s.unit or "").partition(":")
    if what == "age" and 0 < s.lo < 120 and any(ch.isdigit() for ch in s.surface):
        return ("age", s.lo)
    if what == "count" and noun in _PEOPLE and s.lo >= MIN_ANCHOR_COUNT:
        return ("count", s.lo)
    return None


def _sentence_key(c: ClaimRecord) -> tuple[str, str]:
    return c.article_id, c.id.rsplit(".", 1)[0]


def _accounts(claims: Sequence[ClaimRecord], persons: set[str]) -> list[_Account]:
    # the claims of one sentence share their anchors: "A man in Monroe, Louisiana, shot" and
    # "wounded several more in a Sunday-morning attack" tell one moment
    sentence: dict[tuple[str, str], list[Slot]] = defaultdict(list)
    for c in claims:
        sentence[_sentence_key(c)].extend(c.slots)
    out: list[_Account] = []
    for c in claims:
        if c.modality:
            continue
        general = not _EVENT.search(c.text)
        towns = [s for s in c.slots if _town(c, s, persons, general)]
        # "the Village of Montfort" is the town Montfort
        towns = [replace(s, value=s.value[_NAMED_TOWN.match(s.value).end() - 1:])  # type: ignore[union-attr]
                 if _NAMED_TOWN.match(s.value) else s for s in towns]
        if c.polarity < 0:
            # a negated claim tells the town only from a clause of its own
            towns = [s for s in towns if not general and _negation_outside(c, s)]
        if not towns:
            continue
        slots = c.slots if general else sentence[_sentence_key(c)]
        dates = [s for s in slots if s.kind == "date" and s.lo is not None and s.hi is not None
                 and (s.unit or "day").split("|")[0] == "day"]
        venues = {(s.entity_id or s.value).lower() for s in slots
                  if (s.kind == "place" and s.value.split()[-1].lower() in _HEADS
                      and _place_level(s.value) == "local")
                  or (s.kind == "org" and not _NOT_PLACE & set(s.value.lower().split()))}
        people = {s.entity_id or s.value for s in slots if s.kind == "person" and s.unit != "pronoun"}
        counts = {k for k in map(_count, slots) if k is not None}
        out.append(_Account(c, towns, dates, venues, people, general, counts))
    return out


def _venue_named_alike(xs: set[str], ys: set[str]) -> bool:
    """One venue named two ways: "the FreightCar America building" and "FreightCar America"
    (the same words less a place head; "Lincoln Park" and "Lincoln High School" stay two)."""
    def key(v: str) -> frozenset[str]:
        return frozenset(w for w in v.split() if w not in _HEADS and w != "the")

    keys = {key(b) for b in ys}
    return any(k and k in keys and any(len(w) > 3 for w in k) for k in map(key, xs))


def _anchors(x: _Account, y: _Account) -> int:
    """How many independent signs say the two claims tell one moment (0 = none)."""
    n = 0
    if any(_interval_relation(p, q) == "equal" for p in x.dates for q in y.dates):
        n += 1
    if x.venues & y.venues or _venue_named_alike(x.venues, y.venues):
        n += 1
    if x.people & y.people:
        n += 1
    if x.counts & y.counts:
        n += 1  # "seven others were hospitalized" / "seven people were wounded"
    return n


def _same(a: Slot, b: Slot) -> bool:
    return (bool(a.entity_id) and a.entity_id == b.entity_id) or same_words(a.value, b.value) \
        or name_overlap(a.value, b.value)


#: Two town names at most this many words apart in one sentence are told together ("in East
#: Flatbush, Brooklyn", "Chicago's South Shore", "Hayes Valley in San Francisco"): one may hold
#: the other, or they are neighbours.
NEAR_WORDS = 6


def _related(a: str, b: str, texts: Iterable[str]) -> bool:
    """Some article of the story names the two towns together."""
    gap = rf"(?:[^\w.!?]+[\w'’-]+){{0,{NEAR_WORDS}}}[^\w.!?]+"
    ea, eb = re.escape(a), re.escape(b)
    near = re.compile(rf"(?<![\w-])(?:{ea}{gap}{eb}|{eb}{gap}{ea})(?![\w-])", re.IGNORECASE)
    return any(near.search(text) for text in texts)


# "MUKILTEO, Wash. -", "PITTSBURGH (KDKA) –", "NEW HAVEN, Conn., Oct. 27 (UPI) --"
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?=\s*(?:,|\(|[-–—]))"
)


def _dateline_slot(c: ClaimRecord, s: Slot) -> bool:
    """The slot is the claim's dateline: its first words, in capitals ("ROANOKE, Va. -")."""
    m = _DATELINE.match(c.text)
    return m is not None and s.start - c.start <= m.start(1) and s.value.isupper()


def dateline_towns(claims: Iterable[ClaimRecord]) -> dict[str, set[str]]:
    """``article_id -> towns`` its datelines report from (lower case)."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        m = _DATELINE.match(c.text)
        if m and len(m.group(1)) > 2:
            out[c.article_id].add(m.group(1).lower())
    return out


def neighbourhood_of_reporting_city(a: str, b: str, datelines: Iterable[str],
                                    texts: Iterable[str]) -> bool:
    """One name is a city the gazetteer knows that some article of the story reports from
    (its dateline), the other a name the gazetteer does not know that at least
    ``LOCAL_NAME_ARTICLES`` articles of the story use: part of the story's local geography,
    one of the city's neighbourhoods ("of Homewood" in a story told from Pittsburgh). A name
    only one article uses stays another town: a slip is told once.
    """
    la, lb = a.lower(), b.lower()
    towns = set(datelines)
    if la in _BIG_CITIES and la in towns and lb not in _BIG_CITIES:
        local = b
    elif lb in _BIG_CITIES and lb in towns and la not in _BIG_CITIES:
        local = a
    else:
        return False
    pattern = re.compile(r"(?<![\w-])" + re.escape(local) + r"(?![\w-])", re.IGNORECASE)
    return sum(1 for t in texts if pattern.search(t)) >= LOCAL_NAME_ARTICLES


def written_with_state(name: str, texts: Iterable[str]) -> bool:
    """Some text writes the name as a town with its state: "Monroe, Louisiana", "Berlin, Conn."."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?=,)")
    return any(_state_after(t[m.end(): m.end() + 30]) for t in texts for m in pattern.finditer(t))


#: "Catawba, about 25 miles north of Greensboro": a place told by its distance from a city
_MILES_FROM = (r",?\s+(?:(?:about|some|roughly|nearly|approximately|around|just)\s+)?"
               r"(?:\d+(?:\.\d+)?|a\s+few|several|[a-z]+)\s*(?:-\s*)?(?:miles?|kilometers?|kilometres?|km)"
               r"\s+(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+)?(?:of|from|outside)\s+[A-Z]")


def town_of_its_own(name: str, texts: Sequence[str]) -> bool:
    """Some text writes the name as a town, not a neighbourhood: with its state ("Berlin,
    Conn."), as "the village of Montfort", "the Town of Halifax", or by its distance from
    another town ("Catawba, about 25 miles north of Greensboro")."""
    called = re.compile(_TOWN_OF + re.escape(name) + r"(?![\w-])", re.IGNORECASE)
    away = re.compile(r"(?<![\w-])" + re.escape(name) + _MILES_FROM)
    return written_with_state(name, texts) or any(called.search(t) or away.search(t) for t in texts)


#: Articles of a story that must use a name for it to count as the story's local geography.
LOCAL_NAME_ARTICLES = 2


def compare_event_places(
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    same_event: Callable[[ClaimRecord, ClaimRecord], bool],
    persons: Iterable[str] = (),
) -> list[Conflict]:
    """Place conflicts between two articles' accounts of one moment of a story's event.

    :param claims: prepared claims of any number of articles
    :param story_of: ``article_id -> story key``
    :param same_event: whether two claims of two articles of one story may speak of one event
        (story affinity, publication dates, the event dates the articles give)
    :param persons: entity ids known as people (never taken for a town)
    """
    people = set(persons)
    texts: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        texts[c.article_id].append(c.text)
    article_text = {k: "\n".join(v) for k, v in texts.items()}
    datelines = dateline_towns(claims)
    by_story: dict[str, dict[str, list[_Account]]] = defaultdict(lambda: defaultdict(list))
    for acc in _accounts(claims, people):
        by_story[story_of(acc.claim.article_id)][acc.claim.article_id].append(acc)
    # every article's text under its story, in article order (one pass, not one per story)
    texts_of_story: dict[str, list[str]] = defaultdict(list)
    for art, text in article_text.items():
        texts_of_story[story_of(art)].append(text)
    out: list[Conflict] = []
    for story, per_article in sorted(by_story.items()):
        arts = sorted(per_article)
        story_texts = texts_of_story[story]
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                best: dict[tuple[str, str], tuple[float, Conflict]] = {}
                for x in per_article[arts[i]]:
                    for y in per_article[arts[j]]:
                        found = _compare(x, y, story, datelines, story_texts)
                        if found is None or not same_event(x.claim, y.claim):
                            continue
                        key = (found.a_value.lower(), found.b_value.lower())
                        # the pair of claims that tell the moment most alike stands for the rest
                        shared = len(x.claim.words & y.claim.words)
                        score = found.confidence + shared / 1000
                        if key not in best or score > best[key][0]:
                            best[key] = (score, found)
                out.extend(c for _, c in best.values())
    return out


def _compare(x: _Account, y: _Account, story: str, datelines: Mapping[str, set[str]],
             story_texts: Sequence[str]) -> Conflict | None:
    anchors = _anchors(x, y)
    if x.general != y.general or not anchors:
        return None
    if x.general:
        # no event word to tie the town to: the same deed (two shared predicate words), on
        # the same day, by the same named person
        shared = {w for w in x.claim.words & y.claim.words if not w.startswith("@")}
        if anchors < GENERAL_ANCHORS or len(shared) < GENERAL_SHARED_WORDS:
            return None
    # a claim's dateline ("ROANOKE, Va. (WSET) - ... in Halifax") is where the article is
    # told from, not a town the claim gives the event: it aligns with nothing
    left_x = [s for s in x.towns if not any(_same(s, t) for t in y.claim.slots
                                            if not _dateline_slot(y.claim, t))]
    left_y = [t for t in y.towns if not any(_same(s, t) for s in x.claim.slots
                                            if not _dateline_slot(x.claim, s))]
    if len(left_x) != 1 or len(left_y) != 1:
        return None
    a, b = left_x[0], left_y[0]
    if a.kind == "other" and b.kind == "other":
        return None  # neither name is known as a place
    if (b.value.lower() in datelines.get(x.claim.article_id, ()) and not town_of_its_own(
            a.value, story_texts)) or (a.value.lower() in datelines.get(y.claim.article_id, ())
                                       and not town_of_its_own(b.value, story_texts)):
        # an article told from the other town: "MUKILTEO, Wash. - ... in Marysville" — unless
        # the story writes its town as a town of its own ("in Berlin, Conn.")
        return None
    if _related(a.value, b.value, story_texts):
        return None
    if (a.value.lower() in _BIG_CITIES) != (b.value.lower() in _BIG_CITIES):
        # "in Dallas" vs "in Lake Highlands": a city the gazetteer knows against a name it
        # does not, which may be one of its neighbourhoods — unless the story writes that
        # name with its state ("Greenacres, Fla."): a town of its own
        unknown = b.value if a.value.lower() in _BIG_CITIES else a.value
        if not town_of_its_own(unknown, story_texts):
            return None
    confidence = BASE_CONFIDENCE + ANCHOR_BONUS * min(1, anchors - 1)
    spelling = SequenceMatcher(None, a.value.lower(), b.value.lower()).ratio() >= SPELLING_RATIO
    if "other" in (a.kind, b.kind):
        confidence -= OTHER_COST
    if x.claim.modality or y.claim.modality:
        confidence -= 0.2
    gid = stable_id("f", "story", story, "place")
    cid = stable_id("x", gid, x.claim.id, y.claim.id, "place", a.value, b.value)
    return Conflict(
        id=cid, group_id=gid, kind="place", a=x.claim, b=y.claim, a_value=a.value, b_value=b.value,
        explanation=(f"the town of the event (story {story}): A says {a.value} "
                     f"(\"{short(x.claim.text)}\"); B says {b.value} (\"{short(y.claim.text)}\")"
                     + ("; the names differ by spelling only" if spelling else "")),
        confidence=round(max(0.0, min(SPELLING_CONFIDENCE if spelling else 1.0, confidence)), 3), story_id=story, subject=story,
        attribute="place",
    )
