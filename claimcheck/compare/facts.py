"""Fact sheets: what each article says about each person and each event, compared.

Claim groups compare sentences that look alike. Real articles state one fact in sentences
that do not: "Carl Ostby, 31, of Greenfield, died at the scene" and "Ostby, a mechanic from
Millbrook, was killed" share no claim group, yet both give Ostby's residence. This module
reads the attributes each article states about each canonical entity (age, residence, role,
outcome) and about its story's event (how many were killed, injured or shot, the date, the
places), then compares one attribute across the articles of a story.

Everything here is pure: claims with their slots in, attributes and conflicts out. The
database work lives in :mod:`claimcheck.differ`. Stories come from :func:`story_keys`
(connected components of article pairs that block on a shared rare name or date and pass
:meth:`StoryAffinity.same_story`); callers may pass any ``article_id -> story key`` map.

Precision comes first: a spelling variant is another entity (never a conflict), nested
values are refinements, an article that gives two values for one event attribute (a
round-up of several shootings) is not compared on it, and a value that differs inside one
article is reported as that article contradicting itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from .. import lexicon
from ..entities import gazetteer_level
from ..extract import has_verb
from .affinity import StoryAffinity
from .ages import gender_of_age, is_suspect_age
from .frames import _GENERIC_NOUNS
from .mirrors import compare_mirrored_sentences
from .model import ClaimRecord, Conflict, Slot
from .names import compare_names
from .negations import compare_deeds
from .places import compare_event_places, dateline_towns, neighbourhood_of_reporting_city
from .roles import compare_holdings, extract_holdings
from .similarity import similarity
from .slots import (
    _EARLY_HOURS,
    _LATE,
    _around_midnight,
    _date_text,
    _gap_days,
    _interval_relation,
    _is_place,
    _partial,
    _place_level,
    _quantity_role,
    _relative,
    _resolved_days_comparable,
    _vague,
    _weekday_like,
    published_day,
)
from .text import name_overlap, same_words, short, stable_id, stem
from .verdicts import compare_pair

#: Entity attributes read from the words around a person's name.
ENTITY_ATTRIBUTES = ("age", "residence", "role", "condition", "custody")
#: Event attributes read per article and compared per story.
EVENT_ATTRIBUTES = ("killed", "injured", "shot", "arrested", "shots fired", "date", "time", "place")
#: Fact-sheet conflicts below this confidence are not reported by default.
DEFAULT_MIN_CONFIDENCE = 0.5
#: Articles per blocking key above which the key is too common to pair articles on.
MAX_STORY_POSTINGS = 40


@dataclass(slots=True)
class Attribute:
    """One value one article states about an entity or its story's event.

    ``start``/``end`` are article offsets of the evidence span; ``note`` says how the value
    was tied to its subject when that was not by name ("the 23-year-old victim" linked to
    the only named victim).
    """

    subject_kind: str  # entity | story
    subject: str  # entity id or story key
    subject_name: str
    attribute: str
    value: str
    lo: float | None
    hi: float | None
    claim: ClaimRecord
    start: int
    end: int
    note: str = ""
    #: a role word next to an unnamed description ("victim"), used to link it to a name
    described_as: str = ""

    @property
    def article_id(self) -> str:
        return self.claim.article_id

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject_kind, self.subject, self.attribute)


@dataclass(slots=True)
class FactSheets:
    """Every attribute found, and the conflicts between articles (and inside one)."""

    attributes: list[Attribute] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    stories: dict[str, str] = field(default_factory=dict)


# --- stories -------------------------------------------------------------------------------


def story_keys(claims: Sequence[ClaimRecord], affinity: StoryAffinity | None = None) -> dict[str, str]:
    """``article_id -> story key`` from story affinity, without comparing all pairs.

    Articles are paired only when they share a rare canonical entity or explicit date
    (a blocking key held by at most ``MAX_STORY_POSTINGS`` articles); a pair that passes
    :meth:`StoryAffinity.same_story` joins their stories (connected components). An article
    paired with none is a story of its own. Keys are stable: the smallest article id.

    ``claims`` must be prepared (:func:`claimcheck.compare.text.prepare`).
    """
    affinity = affinity or StoryAffinity(claims)
    keys: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        keys[c.article_id].update(s.entity_id for s in c.slots if s.entity_id)
        keys[c.article_id].update(w for w in c.words if w.startswith("@"))
    postings: dict[str, list[str]] = defaultdict(list)
    for art in sorted(keys):
        for k in keys[art]:
            postings[k].append(art)
    parent = {art: art for art in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tried: set[tuple[str, str]] = set()
    for members in postings.values():
        if len(members) < 2 or len(members) > MAX_STORY_POSTINGS:
            continue
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                pair = (members[i], members[j])
                if pair in tried:
                    continue
                tried.add(pair)
                if affinity.same_story(*pair):
                    ra, rb = find(pair[0]), find(pair[1])
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {art: "s" + find(art)[:12] for art in keys}


# --- extraction ----------------------------------------------------------------------------

_DEATH = r"(?:died|dies|was\s+killed|were\s+killed|was\s+slain|was\s+fatally\s+(?:shot|wounded)|" \
    r"was\s+pronounced\s+dead|was\s+declared\s+dead|was\s+shot\s+(?:and\s+)?killed|" \
    r"was\s+shot\s+to\s+death|(?:is|was)\s+dead|succumbed)"
# (class, pattern right after the name — passive or intransitive, so the name is the patient)
_AFTER_NAME = [
    ("dead", re.compile(r"^\s*(?:[^.;:]{0,60}?,\s*)?(?:who\s+)?(?:later\s+|also\s+|then\s+)?" + _DEATH
                        + r"\b", re.IGNORECASE)),
    ("critical", re.compile(r"^\s*[^.;:]{0,80}?\bin\s+critical\s+condition\b", re.IGNORECASE)),
    ("serious", re.compile(r"^\s*[^.;:]{0,80}?\bin\s+serious\s+condition\b", re.IGNORECASE)),
    ("stable", re.compile(r"^\s*[^.;:]{0,80}?\bin\s+(?:stable|fair|good)\s+condition\b", re.IGNORECASE)),
    ("non-life-threatening", re.compile(
        r"^[^.;:]{0,80}?\bnon[- ]life[- ]threatening\b", re.IGNORECASE)),
    ("released", re.compile(r"^\s*(?:[^.;:]{0,40}?,\s*)?(?:who\s+)?(?:has\s+been|was)\s+"
                            r"(?:treated\s+and\s+)?released\s+from\s+(?:the\s+)?hospital",
                            re.IGNORECASE)),
    ("survived", re.compile(r"^\s*(?:[^.;:]{0,40}?,\s*)?(?:who\s+)?survived\b", re.IGNORECASE)),
]
_CUSTODY_AFTER = [
    ("charged", re.compile(r"^\s*(?:[^.;:]{0,60}?,\s*)?(?:who\s+)?(?:has\s+been|was|is|were)\s+"
                           r"(?:later\s+|also\s+|since\s+)?(?:arrested\s+and\s+)?charged\b",
                           re.IGNORECASE)),
    ("arrested", re.compile(r"^\s*(?:[^.;:]{0,60}?,\s*)?(?:who\s+)?(?:has\s+been|was|is|were)\s+"
                            r"(?:later\s+|also\s+|since\s+)?(?:arrested|taken\s+into\s+custody|"
                            r"booked|in\s+custody|jailed)\b", re.IGNORECASE)),
    ("at large", re.compile(r"^\s*(?:[^.;:]{0,40}?,\s*)?(?:who\s+)?(?:is|was|remains|remained)\s+"
                            r"(?:still\s+)?(?:at\s+large|on\s+the\s+run)\b", re.IGNORECASE)),
]
# "Police arrested the suspect, Tom Reyes," / "charged 19-year-old Ann Lee"
_CUSTODY_BEFORE = re.compile(
    r"\b(arrested|apprehended|detained|charged)\s+(?:the\s+(?:suspected\s+)?(?:suspect|gunman|"
    r"shooter)\s*,?\s*)?(?:an?\s+)?(?:\d{1,3}-year-old\s+)?(?:(?:man|woman|teen)\s*,?\s*)?$",
    re.IGNORECASE,
)
_LIFE_STATES = {"dead": 3, "critical": 2, "serious": 1, "stable": 0, "non-life-threatening": 0,
                "released": 0, "survived": 0}
_CUSTODY_STATES = {"at large": 0, "arrested": 1, "charged": 2}

_ROLE_WORDS = dict(lexicon.pairs("facts_role_words.txt"))
_ROLE_BEFORE = re.compile(
    r"\b(victim|suspect|gunman|shooter|accused|defendant|officer|deputy|trooper|sergeant|"
    r"detective|witness)(?:,)?\s+(?:(?:as|is|was)\s+)?(?:\d{1,3}-year-old\s+)?$",
    re.IGNORECASE,
)
_ROLE_IDENTIFIED = re.compile(
    r"\b(victim|suspect|gunman|shooter)s?\b[^.;]{0,50}\bidentified\s+(?:him\s+|her\s+)?as\s+"
    r"(?:\d{1,3}-year-old\s+)?$|\bidentified\s+the\s+(victim|suspect|gunman|shooter)\s+as\s+"
    r"(?:\d{1,3}-year-old\s+)?$",
    re.IGNORECASE,
)
_ROLE_APPOSITION = re.compile(
    r"^\s*(?:,\s*\d{1,3}\s*)?,\s*(?:the|a|an)\s+(?:alleged\s+|suspected\s+|accused\s+)?"
    r"(victim|suspect|gunman|shooter|officer|deputy|witness)\b",
    re.IGNORECASE,
)
_RESIDENCE_AFTER = re.compile(
    r"^\s*,\s*(?:(?:an?\s+)?\d{1,3}(?:-year-old)?\s*,\s*)?(?:of|from)\s+(?:the\s+)?"
    r"([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2})"
)
# "Ann Lee, 18, and Tom Reyes, 20, both of Sandusky", "Lee and Reyes, both 31 and of Jackson":
# one residence for the two people of a pair
_RESIDENCE_BOTH = re.compile(
    r"^(?:\s*,\s*\d{1,3}\s*)?(?:\s*,?\s*and\s+(?:[A-Z][\w'’.-]+\s+){0,3}?[A-Z][\w'’.-]+"
    r"(?:\s*,\s*\d{1,3})?)?\s*,\s*both\s+(?:(?:aged?\s+)?\d{1,3}\s*(?:,\s*|\s+and\s+))?"
    r"(?:of|from)\s+(?:the\s+)?([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2})"
)
_RESIDENCE_BEFORE = re.compile(
    r"\b(?:an?|the)\s+(?:\d{1,3}-year-old\s+)?([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+)?)\s+"
    r"(?:man|woman|resident|teen|teenager|boy|girl|native)\s*,?\s*$"
)
_NOT_PLACE_WORDS = lexicon.words("facts_not_place_words.txt")
_EVENT_WORDS = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_event_words.txt") + r")\b",
    re.IGNORECASE,
)
# Between "23-year-old" and the name: at most two role words ("victim", "identified as").
_AGE_GAP = re.compile(
    r"^\s*(?:(?:" + lexicon.alternatives("facts_age_gap_words.txt") + r")\s+){0,2}$",
    re.IGNORECASE,
)
_DESCRIPTION = re.compile(
    r"^\s*(?:old\s+)?(?:\w+\s+)?(victim|suspect|gunman|shooter)\b", re.IGNORECASE
)
_COUNT_EVENTS = {"death": "killed", "injury": "injured", "shot": "shot", "arrest": "arrested"}
_PEOPLE_NOUNS = _GENERIC_NOUNS | lexicon.words("people_nouns.txt")


def _persons(claims: Sequence[ClaimRecord]) -> set[str]:
    """Entity ids the finder called a person somewhere ("Faust" alone may be "other")."""
    return {s.entity_id for c in claims for s in c.slots if s.kind == "person" and s.entity_id
            and s.unit != "pronoun"}


def _add_names(out: dict[str, str], claims: Sequence[ClaimRecord]) -> None:
    """The longest surface each entity has, as its readable name (the first on a tie)."""
    for c in claims:
        for s in c.slots:
            if s.entity_id and s.unit != "pronoun" and len(s.value) > len(out.get(s.entity_id, "")):
                out[s.entity_id] = s.value


def _person_slots(c: ClaimRecord, persons: set[str]) -> list[Slot]:
    return [s for s in c.slots if s.entity_id and s.unit != "pronoun"
            and (s.kind == "person" or (s.kind == "other" and s.entity_id in persons))]


def _rel(c: ClaimRecord, offset: int) -> int:
    return max(0, min(len(c.text), offset - c.start))


def _age_holder(c: ClaimRecord, age: Slot, people: list[Slot]) -> Slot | None:
    """The person an age belongs to: "Carl Ostby, 31," or "31-year-old Lena Marsh".

    The name must be next to the age (at most two lowercase words between, no other name
    or age closer), so "Smith told the 23-year-old" gives no holder.
    """
    best: tuple[int, Slot] | None = None
    for s in people:
        if s.end <= age.start:
            # "Carl Ostby, 31," / "Ostby, aged 31": a bare number after the name; "Prather, a
            # 13-year-old boy" describes someone else
            between = c.text[_rel(c, s.end): _rel(c, age.start)]
            bare = re.sub(r"^(?:age[ds]?\s+)", "", age.surface.strip(), flags=re.I)
            if not re.fullmatch(r"\s*,\s*(?:aged?\s+)?", between) or not bare.isdigit():
                continue
        elif s.start >= age.end:
            # "31-year-old Lena Marsh", "the 23-year-old victim, Lena Marsh": never across a
            # comma ("Ballour, age 41, Daniel Sharp": 41 is Ballour's)
            between = c.text[_rel(c, age.end): _rel(c, s.start)]
            if (not _AGE_GAP.match(between) or len(between) > 25 or "," in between
                    or "year" not in age.surface.lower()):
                continue
        else:
            continue
        gap = len(between)
        if best is None or gap < best[0]:
            best = (gap, s)
    return best[1] if best else None


def _age_value(age: Slot) -> tuple[float, float] | None:
    if age.lo is None or age.hi is None or age.lo != age.hi or not 0 < age.lo < 120:
        return None
    if not any(ch.isdigit() for ch in age.surface) and "year" not in age.surface.lower():
        return None
    return age.lo, age.hi


_PAST_CASE = re.compile(
    r"\b(?:a|one|two|three|four|five|\d+)\s+years?\s+(?:ago|earlier|before)\b|\bin\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def _bare_surname_holder(c: ClaimRecord, holder: Slot, article_names: Mapping[str, str]) -> str | None:
    """The one person a bare surname can be when its claim names others of that surname.

    "Zawahri, 26, shot his father, Samir Zawahri, 55, and his brother Christopher Zawahri":
    the bare "Zawahri" is neither of the two named in full beside it, so it is the article's
    one other person of that surname named in full (John Zawahri), or None when the article
    names no such person or several."""
    word = holder.value.lower()
    beside = {s.entity_id for s in c.slots if s.entity_id and s is not holder
              and len(s.value.split()) > 1 and s.value.lower().split()[-1] == word}
    if not beside:
        return None
    others = {eid for eid, name in article_names.items()
              if len(name.split()) > 1 and name.lower().split()[-1] == word and eid not in beside}
    return next(iter(others)) if len(others) == 1 else None


def _entity_attributes(
    c: ClaimRecord, people: list[Slot], names: Mapping[str, str],
    article_names: Mapping[str, str] | None = None,
) -> Iterable[Attribute]:
    text = c.text
    ages = [s for s in c.slots if s.kind == "quantity" and (s.unit or "").startswith("age")]
    if _PAST_CASE.search(text):
        ages = []  # "Two years ago, Patete, 21, was sentenced": his age then, not now
    for age in ages:
        value = _age_value(age)
        if value is None or "to" in age.surface.split():
            continue
        holder = _age_holder(c, age, people)
        if _victim_age(c, age, holder):
            yield Attribute("story", "", "", "victim age", f"{int(value[0])}", value[0], value[1], c,
                            age.start, age.end,
                            note=f"named:{holder.entity_id}" if holder is not None and holder.entity_id
                            else f"unnamed:{_gender(c, age)}")
        # every age the article gives, for matching ages of people it does not name
        yield Attribute("story", "", "", "age mentioned", f"{int(value[0])}", value[0], value[1], c,
                        age.start, age.end,
                        note=f"named:{holder.entity_id}" if holder is not None and holder.entity_id
                        else f"unnamed:{_gender(c, age)}")
        if holder is not None and holder.entity_id and not _ambiguous_surname(holder, names):
            yield Attribute("entity", holder.entity_id, names.get(holder.entity_id, holder.value),
                            "age", f"{int(value[0])}", value[0], value[1], c, age.start, age.end)
        elif holder is not None and holder.entity_id:
            eid = _bare_surname_holder(c, holder, article_names or {})
            if eid is not None:
                yield Attribute("entity", eid, names.get(eid, eid), "age", f"{int(value[0])}",
                                value[0], value[1], c, age.start, age.end,
                                note=f"\"{holder.value}\" beside others of that surname")
        elif holder is None:
            m = _DESCRIPTION.match(text[_rel(c, age.end):])
            noun = (age.unit or "").partition(":")[2]
            role = m.group(1).lower() if m else ""
            if role:
                role = _ROLE_WORDS.get(role, role)
                yield Attribute("entity", "", f"the {age.surface} {noun or role}".strip(), "age",
                                f"{int(value[0])}", value[0], value[1], c, age.start, age.end,
                                described_as=role)
    for s in people:
        assert s.entity_id is not None
        name = names.get(s.entity_id, s.value)
        after = text[_rel(c, s.end):]
        before = text[max(0, _rel(c, s.start) - 80): _rel(c, s.start)]
        m = _RESIDENCE_AFTER.match(after) or _RESIDENCE_BOTH.match(after)
        place = None
        span = (0, 0)
        if m:
            # "of Homewood.All were questioned": a missing space, not part of the name
            place = re.split(r"\.(?=[A-Z])", m.group(1))[0]
            span = (s.end + m.start(1), s.end + m.start(1) + len(place))
        else:
            mb = _RESIDENCE_BEFORE.search(before)
            if mb:
                place = mb.group(1)
                off = _rel(c, s.start) - len(before)
                span = (c.start + off + mb.start(1), c.start + off + mb.end(1))
        if place and _placelike(c, place, span) and _place_level(place) != "street":
            yield Attribute("entity", s.entity_id, name, "residence", place.rstrip(".,"), None, None,
                            c, *span)
        role = _role_near(c, s, before, after)
        if role:
            yield Attribute("entity", s.entity_id, name, "role", role, None, None, c, s.start, s.end)
        for state, pattern in _AFTER_NAME:
            ms = pattern.match(after)
            if ms and not _other_name_between(c, s, ms.end(), people):
                if c.polarity < 0:
                    break
                yield Attribute("entity", s.entity_id, name, "condition", state,
                                float(_LIFE_STATES[state]), float(_LIFE_STATES[state]), c,
                                s.start, s.end + ms.end())
                break
        for state, pattern in _CUSTODY_AFTER:
            ms = pattern.match(after)
            if ms and not _other_name_between(c, s, ms.end(), people):
                if c.polarity < 0:
                    break
                yield Attribute("entity", s.entity_id, name, "custody", state,
                                float(_CUSTODY_STATES[state]), float(_CUSTODY_STATES[state]), c,
                                s.start, s.end + ms.end())
                break
        else:
            mb = _CUSTODY_BEFORE.search(before)
            if mb and c.polarity > 0 and not any(
                o is not s and s.start - len(mb.group(0)) <= o.start < s.start for o in people
            ):
                state = "charged" if mb.group(1).lower() == "charged" else "arrested"
                yield Attribute("entity", s.entity_id, name, "custody", state,
                                float(_CUSTODY_STATES[state]), float(_CUSTODY_STATES[state]), c,
                                s.start - len(mb.group(0)), s.end)


# The person of an age is the one shot: "a 17-year-old boy who was shot", "Risher, an
# 21-year-old man, was fatally shot", "a 2-year-old remains in the hospital", "found a
# 3-year-old child with a gunshot wound". Passive or intransitive only: "a 15-year-old boy
# shot his friend" is the shooter ("shot himself" is both).
_VICTIM_AFTER = re.compile(
    r"^(?:,?\s*(?:Jr|Sr)\.?|\s+(?:II|III|IV)\b)?"  # "Anthony Harmon, Jr. was shot"
    r"\s*,?\s*(?:(?:of|from)\s+(?:[A-Z][\w'’.-]*\s*){1,3},?\s*)?(?:who\s+)?"
    r"(?P<aux>(?:(?:" + lexicon.alternatives("facts_victim_before_verb_words.txt") + r")\s+){0,4})"
    r"(?P<verb>" + lexicon.alternatives("facts_victim_verbs.txt") + r")\b"
    r"(?P<rest>\s+(?:himself|herself))?",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_victim_before_words.txt") + r")\s+(?:of\s+)?"
    r"(?:(?:an?|the|his|her|their)\s+)?$",
    re.IGNORECASE,
)
# "The wounded included a 22-year-old woman", "the dead include a 4-year-old boy"
_VICTIMS_INCLUDED = re.compile(
    r"\b(?:the\s+)(?:wounded|injured|dead|victims)\s+(?:included|include|includes)\s+"
    r"(?:an?\s+)?$", re.IGNORECASE)
_PASSIVE_ONLY = frozenset(lexicon.entries("facts_victim_verbs.txt")[:6])
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|had|have|been|being)\b", re.IGNORECASE)
_NOT_VICTIM_NOUNS = frozenset(k for k, v in _ROLE_WORDS.items() if v == "suspect")


def _victim_age(c: ClaimRecord, age: Slot, holder: Slot | None) -> bool:
    """The age is told of the person shot in this claim (see ``_VICTIM_AFTER``)."""
    noun = (age.unit or "").partition(":")[2].lower()
    if noun in _NOT_VICTIM_NOUNS or c.polarity < 0 or c.modality or "month" in age.surface.lower():
        return False  # a suspect's age, a denial, or months ("15-month-old") read as a year
    end = max(age.end, holder.end) if holder is not None and holder.start >= age.end else age.end
    m = _VICTIM_AFTER.match(c.text[_rel(c, end):])
    if m:
        passive = bool(_AUXILIARY.search(m.group("aux"))) or m.group("verb").lower() not in _PASSIVE_ONLY
        return passive or bool(m.group("rest"))
    before = c.text[max(0, _rel(c, age.start) - 40): _rel(c, age.start)]
    return bool(_VICTIM_BEFORE.search(before) or _VICTIMS_INCLUDED.search(before))


_KIN = lexicon.words("kin_words.txt")
_MALE = frozenset("boy man son male brother father grandfather husband teenager-boy".split())
_FEMALE = frozenset("girl woman daughter female sister mother grandmother wife".split())


def _gender(c: ClaimRecord, age: Slot) -> str:
    """"male", "female" or "" for an unnamed age: its counted noun or the words after it."""
    noun = (age.unit or "").partition(":")[2].lower()
    words = [noun] + [w.lower() for w in re.findall(r"[A-Za-z]+", c.text[_rel(c, age.end):
                                                                            _rel(c, age.end) + 40])][:4]
    for w in words:
        if w in _MALE:
            return "male"
        if w in _FEMALE:
            return "female"
    return ""


def _ambiguous_surname(s: Slot, names: Mapping[str, str]) -> bool:
    """A bare surname ("Zawahri, 23,") that names several people of the corpus."""
    if len(s.value.split()) > 1:
        return False
    word = s.value.lower()
    return sum(1 for n in names.values() if len(n.split()) > 1 and n.lower().split()[-1] == word) > 1


def _other_name_between(c: ClaimRecord, s: Slot, length: int, people: list[Slot]) -> bool:
    return any(o is not s and s.end <= o.start < s.end + length for o in people)


def _placelike(c: ClaimRecord, place: str, span: tuple[int, int]) -> bool:
    words = place.lower().replace(".", "").split()
    if not words or words[0] in _NOT_PLACE_WORDS or words[-1] in _NOT_PLACE_WORDS:
        return False
    for slot in c.slots:
        if slot.start < span[1] and span[0] < slot.end:
            return slot.kind in ("place", "other")
    return False


def _role_near(c: ClaimRecord, s: Slot, before: str, after: str) -> str | None:
    m = _ROLE_BEFORE.search(before[-40:])
    if m:
        return _ROLE_WORDS[m.group(1).lower()]
    m = _ROLE_IDENTIFIED.search(before)
    if m:
        return _ROLE_WORDS[(m.group(1) or m.group(2)).lower()]
    m = _ROLE_APPOSITION.match(after)
    if m:
        return _ROLE_WORDS[m.group(1).lower()]
    if s.unit and s.unit != "pronoun":
        unit = s.unit.lower()
        if unit in _KIN:
            return f"relative ({unit})"
        return _ROLE_WORDS.get(unit, f"official ({unit})")
    return None


#: A claim of at most this many words that opens on a capitalised label and a colon
#: ("Tragedy: ...") or holds no verb reads as a photo caption, not the story's account.
CAPTION_WORDS = 30
_CAPTION_LABEL = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*:\s")
_CAPTION_CREDIT = re.compile(
    r"\([^()]{0,40}\b(?:Photo|Image)s?\s*(?:/|:|by\b)[^()]*\)|\b(?:AP|AFP|Reuters)\s+Photo\b|"
    r"\b(?:Photo|Photograph|Image|Picture)s?\s*(?::|/|by\b)|\b(?:Photo\s+)?Credit\s*:|"
    r"\bGetty\s+Images\b|\b[A-Z][\w'’-]+\s*/\s*for\s+(?:the\s+)?[A-Z]")
_PARTICIPLE = re.compile(r"\b[a-z]{2,}ing\b")
_SOURCE_LABEL_WORDS = lexicon.words("official_source_words.txt") | {"sheriff", "deputies",
                                                                   "mayor", "chief", "coroner"}


def caption_like(c: ClaimRecord) -> bool:
    """The claim reads as a photo caption: it names a photo credit or label ("(AP
    Photo/Jane Roe)", "Photo: ...", "Photo by ...", "Jane Roe/for the Daily Star"), or it is
    short and opens on a capitalised label and a colon ("Tragedy: Ann Lee, 19, ...") or is a
    line holding no verb. A caption dates the picture or the vigil it shows, so it anchors no
    date and no toll."""
    text = c.text
    if _CAPTION_CREDIT.search(text):
        return True
    if len(text.split()) > CAPTION_WORDS:
        return False
    label = _CAPTION_LABEL.match(text)
    if label:
        # "JSO: 2 children shot", "Police: ...": a headline giving its source, not a caption
        words = label.group(0).rstrip(": \t").split()
        return not (any(w.isupper() for w in words)
                    or any(w.lower() in _SOURCE_LABEL_WORDS for w in words))
    # a line with no verb; not a clause cut from a sentence ("leaving two dead", "six
    # others injured": lower case, or a participle)
    return text[:1].isupper() and not has_verb(text) and not _PARTICIPLE.search(text)


def _event_attributes(c: ClaimRecord, previous: ClaimRecord | None, story: str,
                      following: ClaimRecord | None = None) -> Iterable[Attribute]:
    caption = caption_like(c)
    for s in c.slots:
        if caption:
            break
        if s.kind == "quantity" and (s.unit or "").startswith("count") and s.lo is not None:
            attr = _count_attribute(c, s, previous, following)
            if attr:
                yield Attribute("story", story, "", attr, str(int(s.lo)), s.lo, s.hi, c,
                                s.start, s.end)
            joined = _joined_count(c, s) if attr and attr.endswith(")") else None
            if attr and joined:
                # "four men and a woman were wounded": five people wounded
                total, end = joined
                yield Attribute("story", story, "", attr.split(" (")[0], str(int(total)), total,
                                total, c, s.start, end)
    m = _SHOOTER_DEAD.search(c.text)
    if m and c.polarity > 0:
        yield Attribute("story", story, "", "shooter dead", "yes", None, None, c,
                        c.start + m.start(), c.start + m.end())
    yield from _time_attributes(c, story)
    told = bool(_EVENT_WORDS.search(c.text))
    occurred = not told and bool(_INCIDENT_OCCURRED.match(c.text))
    if not (told or occurred):
        return
    for s in c.slots:
        if s.kind == "date" and s.lo is not None and s.hi is not None:
            if caption or (s.unit or "").split("|")[0] != "day":
                continue
            yield Attribute("story", story, "", "date", _date_text(s), s.lo, s.hi, c,
                            s.start, s.end, note="relative" if _relative(s) else "")
        elif told and _is_place(c, s) and _place_level(s.value) in ("local", "street"):
            yield Attribute("story", story, "", "place", s.value, None, None, c, s.start, s.end,
                            note=_place_level(s.value))


# A claim that opens on the story's event told by a general noun and its occurrence verb:
# "The incident occurred on Nov. 13 in the 1600 block of ...", "The attack happened Sunday".
# Its date is read (not its places: a claim without a shooting word names no scene).
_INCIDENT_OCCURRED = re.compile(
    r"\s*(?:the|this|that)\s+(?:" + lexicon.alternatives("facts_incident_nouns.txt")
    + r")\s+(?:occurred|happened|took\s+place)\b", re.IGNORECASE)


_SEXES = frozenset({"man", "men", "woman", "women", "boy", "boys", "girl", "girls"})
_AND_ONE = re.compile(r"\s+and\s+(?:an?\s+(?:man|woman|boy|girl)\b)?", re.IGNORECASE)


def _joined_count(c: ClaimRecord, s: Slot) -> tuple[float, int] | None:
    """The whole of "four men and a woman were wounded", "five men and four women were
    injured" (the number of people, and where the second count ends), or None. The event
    word must follow the second count: "two men and a woman who lives nearby" is no toll."""
    assert s.lo is not None
    if (s.unit or "").partition(":")[2] not in _SEXES:
        return None
    m = _AND_ONE.match(c.text, _rel(c, s.end))
    if m is None:
        return None
    if m.group(0).rstrip().lower().endswith(("man", "boy", "girl")):
        second, end = 1.0, c.start + m.end()
    else:
        nxt = [t for t in c.slots if t.kind == "quantity" and t.start == c.start + m.end()
               and t.lo is not None and t.lo == t.hi and (t.unit or "").partition(":")[2] in _SEXES]
        if not nxt or nxt[0].lo is None:
            return None
        second, end = nxt[0].lo, nxt[0].end
    if not _EVENT_RIGHT_AFTER.match(c.text[_rel(c, end):]):
        return None
    return s.lo + second, end


# "at about 2:30 a.m.", "just before 2 a.m.", "around 10 p.m.", "around 10:30 last night"
_TIME = re.compile(
    r"\b(?:(about|around|approximately|roughly|shortly\s+before|just\s+before|shortly\s+after|"
    r"just\s+after|before|after)\s+)?(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*"
    r"(a\.?\s?m\b\.?|p\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_SHOOTING_MOMENT = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_shooting_moment_words.txt") + r")\b", re.IGNORECASE)
# Other moments of the story, told with their own times: calls, arrivals, finds, deaths, arrests
_OTHER_MOMENT = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_other_moment_words.txt") + r")\b", re.IGNORECASE)


def _time_attributes(c: ClaimRecord, story: str) -> Iterable[Attribute]:
    """The time of day of the shooting, as an interval of minutes after midnight.

    Only a claim about the shooting itself, naming no other moment (a call, an arrival, a
    death in hospital, an arrest), gives one; "about" widens the time by a quarter hour on
    each side, "just before" to the quarter hour before. A time without a.m./p.m. is read
    with "night"/"evening" (p.m.) or "morning" (a.m.) in the claim, or not at all.
    """
    if not _SHOOTING_MOMENT.search(c.text):
        return
    for m in _TIME.finditer(c.text):
        hedge, hour, minute, half = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if minute is None and half is None:
            continue  # a bare number: not a time
        if not _about_the_shooting(c.text, m.start()):
            continue
        if half is None:
            if re.search(r"\b(?:night|evening|afternoon)\b", c.text, re.I):
                half = "pm"
            elif re.search(r"\bmorning\b", c.text, re.I):
                half = "am"
            else:
                continue
        pm = half.lower().startswith("p")
        t = (hour % 12 + (12 if pm else 0)) * 60 + int(minute or 0)
        lo, hi = float(t), float(t)
        word = (hedge or "").lower().split()[-1] if hedge else ""
        if word in ("about", "around", "approximately", "roughly"):
            lo, hi = t - 15.0, t + 15.0
        elif word == "before":
            lo, hi = t - 15.0, float(t)
        elif word == "after":
            lo, hi = float(t), t + 15.0
        yield Attribute("story", story, "", "time", " ".join(m.group(0).split()), lo, hi, c,
                        c.start + m.start(), c.start + m.end())


def _about_the_shooting(text: str, at: int) -> bool:
    """The moment word nearest before the time (or else the first after it) is the shooting:
    "a homicide that occurred at about 2:30 a.m." yes, "police responded around 10 p.m." no."""
    words = [(m.start(), True) for m in _SHOOTING_MOMENT.finditer(text)]
    words += [(m.start(), False) for m in _OTHER_MOMENT.finditer(text)]
    before = [w for w in words if w[0] < at]
    if before:
        return max(before)[1]
    after = sorted(w for w in words if w[0] > at)
    return bool(after) and after[0][1]


# The shooter died too: tolls that differ by one may differ only in counting the shooter.
_SHOOTER_DEAD = re.compile(
    r"\b(?:(?:killed|shot)\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life|"
    r"turn(?:ed|ing)\s+the\s+gun\s+on\s+(?:himself|herself)|murder[- ]suicide|self-inflicted|"
    r"(?:suspect|gunman|shooter)\s+(?:was\s+)?(?:also\s+)?(?:shot\s+and\s+)?(?:killed|dead|died)|"
    r"(?:shot\s+and\s+)?killed\s+by\s+(?:police|officers|deputies|troopers|an?\s+officer)|"
    r"\b(?:dead|killed)\b[^.;]{0,20}\bincluding\s+the\s+(?:suspected\s+)?(?:gunman|shooter|attacker))",
    re.IGNORECASE,
)


_OTHER_EVENT = re.compile(
    r"\bin\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|separate)\s+"
    r"(?:separate\s+|different\s+)?(?:shootings|incidents|attacks)\b"
    r"|\b(?:a|one|two|three|\d+)\s+(?:years?|months?|weeks?)\s+(?:after|ago|before|earlier)\b"
    r"|\bRELATED\b",
)


def _count_attribute(c: ClaimRecord, s: Slot, previous: ClaimRecord | None,
                     following: ClaimRecord | None = None) -> str | None:
    """Which event count a number is ("killed", "injured", "shot", "shots fired"), or None.

    ``following`` is the next claim of the same sentence, when the sentence was split right
    after the count's event word ("three victims who were shot" + "killed Friday")."""
    assert s.lo is not None
    if s.lo != s.hi or _vague(s) or s.lo > 1000:
        return None
    if c.modality or (c.tense == "future" and not _PAST_CLAUSE.search(c.text[: _rel(c, s.start)])):
        return None  # "the toll could reach 50": a projection, not a count ("the center will
        # reopen after two teens were shot": the count is told in a past clause)
    if s.lo == 1 and _ONE_AND_THE_OTHER.match(c.text[_rel(c, s.end):]):
        return None  # "one teenager was shot in the foot and the other in the leg": one of two
    noun = (s.unit or "").partition(":")[2]
    if noun in ("shot", "round", "bullet", "shell"):
        after = c.text[_rel(c, s.end): _rel(c, s.end) + 25].lower()
        return "shots fired" if noun != "shot" or "fired" in after or "rang" in after else None
    if noun not in _PEOPLE_NOUNS:
        return None
    before = c.text[: _rel(c, s.start)]
    after = c.text[_rel(c, s.end): _rel(c, s.end) + 60]
    if not noun and (
        re.search(r"(?:\balso|\bages?|\d\s*(?:,|and)|\bin\s+(?:their|his|her)|\bone|\bother)\s*$",
                  before, re.I)
        or (re.search(r"(?:,|\band)\s*$", before, re.I) and not _EVENT_RIGHT_AFTER.match(after))
    ):
        return None  # "Another teen, also 15, was shot", "all in their 20s", "one 16 and the
        # other 17": an age, not a count ("one dead and three injured" is a count: the event
        # word follows the number)
    if not noun and re.search(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", before, re.I):
        return None  # "at a sweet 16 party", "a 9 mm": a number naming a thing, not a count
    if (re.search(r"\b(?:of|including|with)\s*$", before, re.I) and not _ONE_OF.search(before)
            and not _TOTAL_OF.search(before)):
        return None  # "a father of four", "a family of five", "including two who": a part
        # ("one of seven people injured", "among four people shot": the whole)
    if re.match(r"\s*(?:remaining|surviving|more|additional)\b", after, re.I) or re.search(
        r"\bat\s+the\s+scenes?\b", after, re.I
    ):
        return None  # "four remaining victims", "two were pronounced dead at the scene": a part
    if any(d.kind == "date" and "year" in (d.unit or "") for d in c.slots):
        return None  # "a shooting that wounded two in December of 2013": another, past event
    if re.match(r"\s*of\s+(?:the|them|those|whom)\b", after, re.I):
        return None  # "three of the wounded remained in intensive care": a part
    if re.search(r"\b(?:weekend|citywide|across\s+the\s+(?:city|country|state)|so\s+far\s+this|"
                 r"this\s+year|last\s+year)\b", c.text, re.I):
        return None  # a tally of many shootings, not this one
    if _OTHER_EVENT.search(c.text) or any(d.kind == "date" and (d.unit or "").startswith("range")
                                          for d in c.slots):
        return None  # "2 killed in 6 shootings", "a year after nine were shot", "between 2010
        # and 2013, seven were killed": other events or a tally over a period
    event = _quantity_role(c, s).partition("|")[2]
    verb = _VERB_BEFORE.search(before[-30:])
    if verb:
        # "a shootout that killed three people and injured a fourth": the verb before the
        # number says what it counts, not the next event word after it
        event = _VERB_EVENT[verb.group(1).lower()[:4]]
    if event in ("death", "fatal") and re.match(r"[^.;]{0,40}?\bnon-?\s*fatal", after, re.I):
        event = "injury"  # "four people having suffered non-fatal injuries"
    if event in ("shot", "fatal") and re.match(r"[^.;]{0,25}?\b(?:shot\s+to\s+death|shot\s+and\s+killed|"
                                               r"fatally\s+(?:shot|wounded))", c.text[_rel(c, s.end):], re.I):
        event = "death"  # "three men were fatally shot"
    if (event == "shot" and following is not None
            and re.match(r"[^.;]{0,25}?\bshot$", c.text[_rel(c, s.end):], re.I)
            and re.match(r"\s*(?:and\s+)?killed\b", following.text, re.I)):
        event = "death"  # "three victims who were shot" + "killed Friday in their home"
    attr = _COUNT_EVENTS.get(event)
    if attr is None:
        return None
    if attr == "injured" and re.search(
        r"\b(?:minor|serious|critical|(?:non[- ])?life[- ]threatening|grave)\b",
        _CLAUSE_END.split(after, maxsplit=1)[0], re.I
    ):
        return None  # "two men suffered minor injuries": those with one kind of wound, a part
    if _partial(c, s):
        # "one man died and seven others were hurt": the others are all the injured
        before = c.text[: _rel(c, s.start)]
        prior = before + " " + (previous.text if previous else "")
        if attr == "shot" and re.search(r"\bother\s+(?:people|persons)$", s.surface, re.I):
            attr = "injured"  # "one man is dead and five other people were shot": the wounded
        if not (attr == "injured" and re.search(r"\b(?:died|killed|dead|fatally)\b", prior, re.I)
                and (re.match(r"\s*others?\b", c.text[_rel(c, s.end):], re.I)
                     or re.search(r"\bother(?:s|\s+people|\s+persons)?$", s.surface, re.I))):
            return None
        if noun in ("other", "others"):
            return attr  # "seven others": everyone hurt but the dead, counted as people
    # A count of officers, men, children... is its own attribute: "two men dead" is not "two
    # people dead" (a woman may have died too), "5 adults and an unborn child" not "6 people".
    if noun not in _GENERIC_NOUNS:
        attr = f"{attr} ({_PLURAL.get(noun, noun.rstrip('s') + 's')})"
    return attr


# "the center will reopen after two teens were shot": a past clause inside a future sentence
_PAST_CLAUSE = re.compile(r"\b(?:after|since|because)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# "one teen was shot in the foot and the other in the leg"
_ONE_AND_THE_OTHER = re.compile(r"[^.;]{0,60}?\band\s+the\s+other\b(?!\s+(?:people|persons|men|women))",
                                re.IGNORECASE)
# "three injured", "two others were wounded": the number is followed by what it counts
_EVENT_RIGHT_AFTER = re.compile(
    r"\s+(?:(?:others?|more|people|persons)\s+)?(?:(?:were|was|are|have\s+been)\s+)?"
    r"(?:(?:seriously|critically|gravely|fatally|also)\s+)?(?:killed|dead|died|injured|wounded|hurt|shot)\b",
    re.IGNORECASE,
)
# "one of seven people injured", "Cook was one of four people shot": the number is the whole
# "a total of five people were killed": the whole, not a part
_TOTAL_OF = re.compile(r"\ba\s+total\s+of\s*$", re.IGNORECASE)
_ONE_OF = re.compile(
    r"\b(?:one|two|three|four|five|\d+)\s+of\s*$", re.IGNORECASE
)
# Where the words about a number end: "nine people injured, including one in critical
# condition" says nothing about how badly the nine were hurt.
_CLAUSE_END = re.compile(r"[,;(]|\s--?\s|\s—\s|\bincluding\b", re.IGNORECASE)


_VERB_BEFORE = re.compile(
    r"\b(killed|killing|kills|injured|injuring|injures|wounded|wounding|wounds|shot|shooting)"
    r"\s+(?:at\s+least\s+|a\s+total\s+of\s+|only\s+)?$",
    re.IGNORECASE,
)
_VERB_EVENT = {"kill": "death", "inju": "injury", "woun": "injury", "shot": "shot", "shoo": "shot"}
_PLURAL = {"man": "men", "men": "men", "woman": "women", "women": "women", "child": "children",
           "children": "children", "other": "others", "others": "others",
           "teen": "teenagers", "teens": "teenagers", "teenager": "teenagers"}


@dataclass(slots=True)
class EntityFacts:
    """What the whole corpus says of its entities, gathered chunk by chunk (claims in order):
    which are persons somewhere, and each one's longest name."""

    persons: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, claims: Sequence[ClaimRecord]) -> None:
        self.persons |= _persons(claims)
        _add_names(self.names, claims)


def extract_attributes(
    claims: Sequence[ClaimRecord], story_of: Callable[[str], str],
    entities: EntityFacts | None = None,
) -> list[Attribute]:
    """Every attribute the claims state, per entity and per story.

    Unnamed descriptions with a role ("the 23-year-old victim") are tied to the named
    entity when the story names exactly one person in that role; otherwise they are left
    out of the comparison (kept with an empty subject).

    :param entities: the whole corpus's :class:`EntityFacts` when ``claims`` are a block of
        whole stories (read from ``claims`` when not given)
    """
    if entities is None:
        entities = EntityFacts()
        entities.add(claims)
    persons, names = entities.persons, entities.names
    # each article's people named in full, for a bare surname beside others of that surname
    article_names: dict[str, dict[str, str]] = defaultdict(dict)
    for c in claims:
        for sl in _person_slots(c, persons):
            if sl.entity_id and len(sl.value.split()) > 1:
                article_names[c.article_id][sl.entity_id] = names.get(sl.entity_id, sl.value)
    out: list[Attribute] = []
    previous: ClaimRecord | None = None
    for i, c in enumerate(claims):
        prev = previous if previous is not None and previous.article_id == c.article_id else None
        nxt = claims[i + 1] if i + 1 < len(claims) and _beside(c, claims[i + 1]) else None
        people = _person_slots(c, persons)
        out.extend(_entity_attributes(c, people, names, article_names[c.article_id]))
        out.extend(_event_attributes(c, prev, story_of(c.article_id), nxt))
        previous = c
    # link unnamed descriptions to the only named entity of that role in the story
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in out:
        if a.attribute == "role" and a.subject:
            roles[(story_of(a.article_id), a.value)].add(a.subject)
    linked: list[Attribute] = []
    for a in out:
        if a.subject_kind == "entity" and not a.subject:
            holders = roles.get((story_of(a.article_id), a.described_as), set())
            if len(holders) == 1:
                (eid,) = holders
                a.subject = eid
                a.note = f"unnamed \"{a.subject_name}\" linked to the only {a.described_as} named in the story"
                a.subject_name = names.get(eid, eid)
                linked.append(a)
            continue
        linked.append(a)
    for a in linked:
        if a.subject_kind == "story":
            a.subject = a.subject or story_of(a.article_id)
            a.subject_name = f"story {a.subject}"
    return linked


# --- comparison ----------------------------------------------------------------------------

# (the attributes of the checks that compare claims of a story directly: the age of the
# person held, the time of the shooting, the block of the scene, where the one dead died)
_STORY_CHECK_KINDS = {"described age": "number", "event time": "date", "block": "place", "death day": "date",
                      "death place": "place", "listed age": "number"}
_STORY_CHECK_CONFIDENCE = {"described age": 0.7, "event time": 0.6, "block": 0.6, "death place": 0.6,
                           "death day": 0.6,
                           "listed age": 0.75}
_KIND = {"age": "number", "age mentioned": "number", "victim age": "number", "time": "date", "residence": "place", "condition": "negation", "custody": "negation",
         "date": "date", "place": "place", **_STORY_CHECK_KINDS}
_BASE_CONFIDENCE: dict[str, float] = {"age": 0.8, "age mentioned": 0.65, "victim age": 0.7, "residence": 0.7, "condition": 0.75, "custody": 0.65,
                    "killed": 0.75, "injured": 0.65, "shot": 0.65, "date": 0.6, **_STORY_CHECK_CONFIDENCE}
#: Event attributes compared across articles. Places are shown, not compared: a venue, a
#: street and a neighbourhood of one city are all right. Times of day are not compared
#: here: on the tuning part, comparing every time gave 4 conflicts of which 2 were another
#: moment of the story (the brawl before the shooting, the shooter killed an hour later);
#: only a time told right after the shooting's own word is (:func:`_compare_event_times`).
_COMPARED = frozenset({"age", "residence", "condition", "custody", "killed", "injured", "shot",
                       "date"})


def _article_values(attrs: list[Attribute]) -> dict[str, list[Attribute]]:
    by_article: dict[str, list[Attribute]] = defaultdict(list)
    for a in attrs:
        by_article[a.article_id].append(a)
    return by_article


def _distinct(attrs: list[Attribute]) -> list[Attribute]:
    """One attribute per distinct value (first mention kept)."""
    seen: dict[str, Attribute] = {}
    for a in attrs:
        seen.setdefault(_norm_value(a), a)
    return list(seen.values())


def _norm_value(a: Attribute) -> str:
    if a.lo is not None and a.attribute not in ("condition", "custody"):
        return f"{a.lo}:{a.hi}"
    return " ".join(a.value.lower().split())


def _relation(x: Attribute, y: Attribute) -> str:
    """equal | refine | conflict for two values of one attribute.

    The same sentence in two articles (a syndicated copy) states the same value: two values
    read from it are a reading slip, not a disagreement.
    """
    if same_words(x.claim.text, y.claim.text):
        return "equal"
    if x.attribute == "residence":
        if same_words(x.value, y.value) or name_overlap(x.value, y.value):
            return "equal"
        if gazetteer_level(x.value) in ("state", "country") or gazetteer_level(y.value) in (
            "state", "country"
        ):
            return "refine"  # "of Louisiana" holds "of Lafayette": less precise, not other
        return "conflict"
    if x.attribute == "condition":
        if x.value == y.value:
            return "equal"
        dead = {x.value == "dead", y.value == "dead"}
        return "conflict" if dead == {True, False} else "refine"
    if x.attribute == "custody":
        if x.value == y.value:
            return "equal"
        if "at large" not in (x.value, y.value):
            return "refine"
        loose, held = (x, y) if x.value == "at large" else (y, x)
        pl, ph = published_day(loose.claim), published_day(held.claim)
        if pl is not None and ph is not None and pl > ph:
            # "still at large" in a later article than "was charged": the charge is another
            # case's, or an older one; a desk's update runs from sought to held
            return "refine"
        return "conflict"
    if x.lo is None or y.lo is None or x.hi is None or y.hi is None:
        return "equal" if _norm_value(x) == _norm_value(y) else "refine"
    xs = Slot("quantity", x.value, x.value, x.lo, x.hi, None, None, x.start, x.end)
    ys = Slot("quantity", y.value, y.value, y.lo, y.hi, None, None, y.start, y.end)
    rel = _interval_relation(xs, ys)
    if rel == "equal":
        return "equal"
    if rel == "disjoint" and x.attribute == "time" and max(y.lo - x.hi, x.lo - y.hi) < TIME_GAP:
        return "refine"  # "2:30 a.m." and "2:40 a.m.": one moment told roughly
    return "conflict" if rel == "disjoint" else "refine"


#: Times of the shooting closer than this many minutes (after widening "about") are one time.
TIME_GAP = 20


_NEAR_MIDNIGHT = re.compile(r"\b(?:night|midnight|overnight|a\.?m\b|early|late|evening)", re.I)
_NOT_THE_EVENT = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_not_the_event_words.txt") + r")\b", re.I)


def _date_comparable(x: Attribute, y: Attribute) -> bool:
    """Dates resolved from "on Sunday" are only as good as their publication dates; a day
    apart around midnight ("late Sunday" / "12:30 a.m. Monday") is one moment; the day of a
    charge, a hearing or a death in hospital is not the day of the shooting."""
    for a in (x, y):
        if _NEAR_MIDNIGHT.search(a.claim.text) or _NOT_THE_EVENT.search(a.claim.text):
            return False
    if x.note == "relative" or y.note == "relative":
        explicit = [a for a in (x, y) if any(ch.isdigit() for ch in a.claim.text[
            _rel(a.claim, a.start): _rel(a.claim, a.end)])]
        if len(explicit) < 2 and x.claim.published != y.claim.published:
            return False
    assert x.lo is not None and y.lo is not None
    return abs(x.lo - y.lo) <= 60


#: Reported event dates whose two claims share an anchor gain this much confidence.
ANCHORED_DATE_BONUS = 0.2
#: Anchored event dates further apart than this many days are two events (a shooting and
#: another at the same address weeks later), not one day told two ways.
ANCHORED_DATE_GAP = 7


def _date_slot(a: Attribute) -> Slot | None:
    return next((s for s in a.claim.slots if s.kind == "date" and s.start == a.start), None)


def _date_anchors(c: ClaimRecord) -> set[str]:
    """What pins a claim about the shooting to one event besides its date: a named person,
    a street or venue address, a count of two or more people."""
    out: set[str] = set()
    for s in c.slots:
        if s.kind == "person" and s.entity_id and s.unit != "pronoun":
            out.add("p:" + s.entity_id)
        elif s.kind == "place" and _place_level(s.value) == "street":
            out.add("s:" + " ".join(s.value.lower().replace(".", "").split()))
        elif (s.kind == "quantity" and (s.unit or "").partition(":")[2] in _PEOPLE_NOUNS
              and s.lo is not None and s.lo == s.hi and s.lo >= 2):
            # "three others" matches "three others", not "three people"
            out.add(f"{'o' if _partial(c, s) else 'n'}:{s.lo:g}")
    return out


# A date before one of these words dates what precedes it, not the shooting that follows:
# "classes resumed Wednesday after four students were shot", "a story on Aug. 10 about".
_OTHER_CLAUSE = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_date_clause_words.txt") + r")\b", re.IGNORECASE)


def _dates_the_shooting(a: Attribute) -> bool:
    """The date is the shooting's: the moment word nearest before it is the shooting ("were
    shot Friday"), or, with none before, the first after it is ("On Nov. 1, a boy was shot")
    and no clause word stands between ("resumed Wednesday after four were shot")."""
    text = a.claim.text
    at, end = _rel(a.claim, a.start), _rel(a.claim, a.end)
    words = [(m.start(), m.end(), True) for m in _SHOOTING_MOMENT.finditer(text)]
    words += [(m.start(), m.end(), False) for m in _OTHER_MOMENT.finditer(text)]
    before = [w for w in words if w[1] <= at]
    if before:
        return max(before)[2]
    after = sorted(w for w in words if w[0] >= end)
    if not after or not after[0][2]:
        return False
    return not _OTHER_CLAUSE.search(text[end:after[0][0]])


# A day named by a holiday ("Christmas Eve", "MLK Day"): one day of its year
_HOLIDAY = re.compile(r"(?:" + lexicon.alternatives("holiday_names.txt") + r")\b")
_NAMED_DAY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun|yester)day\b", re.IGNORECASE)
_TWO_EVENTS = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:after|before|earlier|later|ago)\b",
                         re.IGNORECASE)
# A date written as a modifier of the shooting's noun: "the Nov. 27 killing of", "the May 12
# fatal shooting", "Sunday's shooting", "the July 12, 2016 courthouse shooting".
_ATTRIBUTIVE_EVENT = re.compile(
    r"(?:['’]s)?\s+(?:(?!(?:" + lexicon.alternatives("facts_not_event_modifier_words.txt") + r")\b)"
    r"[a-z][\w-]*\s+){0,2}?(?:" + lexicon.alternatives("facts_event_nouns.txt")
    + r")\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|last)\s+$", re.IGNORECASE)
# A call to the shooting, the police sent to it: the same day as the shooting (for days only).
_SAME_DAY_MOMENT = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_same_day_moment_words.txt") + r")\b", re.IGNORECASE)
_EVENT_VERB = re.compile(r"\b(?:" + lexicon.alternatives("facts_event_verbs.txt") + r")\b", re.IGNORECASE)
# "shortly after midnight", "just before 2 a.m.": a time of the day, not another clause
_CLOCK_TIME = re.compile(
    r"\b(?:(?:shortly|just|right|soon)\s+)?(?:after|before)\s+"
    r"(?:midnight|noon|dawn|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?))", re.IGNORECASE)
#: Characters between the shooting's verb and a date it governs ("was shot and killed at a
#: skate park on Sunday"); further, the date may be another clause's.
TIED_DATE_REACH = 80


def _attributive_event_date(a: Attribute) -> bool:
    """The date modifies the shooting's noun: "in the Nov. 27 killing of Ian Wilsey",
    "Sunday's shooting"; a weekday or a day written this way dates the shooting, whatever
    the claim's main verb (a charge, a hearing, a surrender)."""
    text = a.claim.text
    at, end = _rel(a.claim, a.start), _rel(a.claim, a.end)
    m = _ATTRIBUTIVE_EVENT.match(text, end)
    if m is None:
        return False
    return m.group(0).lstrip().startswith(("'s", "’s")) or bool(_DETERMINER_BEFORE.search(text[:at]))


_EVENT_NOUN_BEFORE = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_event_nouns.txt") + r")\s+(?:on\s+|early\s+|late\s+)?$",
    re.IGNORECASE)


def _postnominal_event_date(a: Attribute) -> bool:
    """The date follows the shooting's noun right away ("after a police chase and shooting
    Tuesday night", "the shooting on Sunday") in a claim that tells of nothing else: no
    charge, arrest, vigil, find or death whose day it could be ("arrested in the shooting
    Tuesday" is the day of the arrest), and no other moment (a call, a hearing)."""
    c = a.claim
    at = _rel(c, a.start)
    if not _EVENT_NOUN_BEFORE.search(c.text[max(0, at - 40):at]):
        return False
    return not (_NOT_THE_EVENT.search(c.text) or _OTHER_MOMENT.search(c.text) or c.tense == "future")


# The shooting told by a verb's -ing form with its object: "charged with killing Kalif Goens",
# "for shooting and wounding two men", "accused of gunning down a guard".
_GERUND_EVENT = re.compile(
    r"\b(?:shooting|killing|wounding|slaying|gunning\s+down|opening\s+fire\s+on)\s+"
    r"(?=(?:[A-Z][a-z]|(?:a|an|his|her|their|two|three|four|five|six|several|\d)\b))")
# Before a noun, not a verb: "the killing", "Sunday's shooting", "a fatal shooting"
_GERUND_AS_NOUN = re.compile(
    r"(?:\b(?:" + lexicon.alternatives("facts_gerund_noun_words.txt") + r")|['’]s)\s+$", re.IGNORECASE)
_WEEKDAY_OR_MONTH = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE)


def _gerund_event_verbs(text: str) -> list[re.Match[str]]:
    """The shooting's verbs written in their -ing form with an object after them ("with
    killing Phillips at the May 3 party", "killing Jeremy Mardis and critically wounding his
    father in Marksville on the night of Nov. 3"): verbs of the shooting like "shot" and
    "killed", so a date right after them dates the shooting. Not the noun ("the killing
    Sunday", "Sunday's shooting", "a fatal shooting Monday": :func:`_postnominal_event_date`
    and :func:`_attributive_event_date` tell those), nor a weekday or a date read as the
    object ("shooting Tuesday")."""
    out = []
    for m in _GERUND_EVENT.finditer(text):
        if _GERUND_AS_NOUN.search(text[:m.start()]) or _WEEKDAY_OR_MONTH.match(text, m.end()):
            continue
        out.append(m)
    return out


def _verbal_event_date(a: Attribute) -> bool:
    """The date follows the shooting's verb in one stretch: "shot herself to death May 11",
    "was shot and killed at a skate park on Sunday", with no other moment (an arrest, a
    death in hospital) or moment of another day between, and the verb not one of finding
    ("were found shot to death on July 15": the day of the find)."""
    text = a.claim.text
    at = _rel(a.claim, a.start)
    before = sorted((m for m in [*_EVENT_VERB.finditer(text), *_gerund_event_verbs(text)] if m.end() <= at),
                    key=lambda m: m.start())
    if not before:
        return False
    verb = before[-1]
    between = _CLOCK_TIME.sub(" ", text[verb.end():at])
    if len(between) > TIED_DATE_REACH or ";" in between:
        return False
    if _OTHER_MOMENT.search(between) or _NOT_THE_EVENT.search(between) or _OTHER_CLAUSE.search(between):
        return False
    if any(s.kind == "date" and a.claim.start + verb.end() <= s.start < a.start for s in a.claim.slots):
        return False  # "was shot at last week was ordered held on bail Wednesday"
    return not _NOT_THE_EVENT.search(" ".join(text[:verb.start()].split()[-2:]))


#: Characters an opening phrase may run before its date ("When he was heading back to his
#: hotel early Monday, gunfire erupted"), and from the comma that closes it to the shooting.
FRONTED_DATE_REACH = 60


def _fronted_event_date(a: Attribute) -> bool:
    """The date closes the claim's opening phrase and the clause after its comma tells the
    shooting straight away: "On Nov. 1, a boy was shot", "When he was heading back to his
    hotel early Monday, gunfire erupted". Not when the claim tells of another moment as well
    (a call, a charge, a find, a vigil, a death: "On Monday, police arrested a man in the
    shooting") or looks ahead, nor when another date stands between ("On Tuesday, police
    said two men were shot early Sunday")."""
    c = a.claim
    text = c.text
    at, end = _rel(c, a.start), _rel(c, a.end)
    if at > FRONTED_DATE_REACH or c.tense == "future":
        return False
    comma = re.match(r"\s*,\s*", text[end:])
    if comma is None:
        return False
    shooting = _SHOOTING_MOMENT.search(text, end + comma.end())
    if shooting is None or shooting.start() - (end + comma.end()) > FRONTED_DATE_REACH:
        return False
    if _NOT_THE_EVENT.search(text) or _OTHER_MOMENT.search(text) or _SHOOTING_MOMENT.search(text[:at]):
        return False
    return not any(s.kind == "date" and s.start != a.start and a.end <= s.start < c.start + shooting.start()
                   for s in c.slots)


def _strictly_tied(a: Attribute) -> bool:
    return (_attributive_event_date(a) or _verbal_event_date(a) or _postnominal_event_date(a)
            or _fronted_event_date(a))


def _event_days_tied(x: Attribute, y: Attribute) -> bool:
    """Both dates are the shooting's day (:func:`_dates_the_event_day`); when one claim also
    tells of a charge, a find or a death, both dates must be tied to the shooting by their
    words, and neither claim may relate two events ("two days after a girl was shot") or
    name a town the other does not ("Pittsburg: man killed in Sunday drive-by")."""
    if not (_dates_the_event_day(x) and _dates_the_event_day(y)):
        return False
    if any(_TWO_EVENTS.search(a.claim.text) for a in (x, y)):
        return False
    if _other_towns(x.claim, y.claim):
        return False
    waived = any(_NOT_THE_EVENT.search(a.claim.text) for a in (x, y))
    return not waived or (_strictly_tied(x) and _strictly_tied(y))


def _towns(c: ClaimRecord) -> set[str]:
    return {s.value.lower() for s in c.slots if _is_place(c, s) and _place_level(s.value) == "local"}


def _other_towns(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims name the town of what they tell, and no town is the same."""
    ta, tb = _towns(a), _towns(b)
    return bool(ta and tb) and not any(same_words(p, q) or name_overlap(p, q) for p in ta for q in tb)


def _date_between(a: Attribute) -> bool:
    """Another date stands between the shooting's word before this date and the date: "he
    was shot at last week was ordered held on bail Wednesday" dates the shooting "last week"."""
    at = _rel(a.claim, a.start)
    before = [m for m in _SHOOTING_MOMENT.finditer(a.claim.text) if m.end() <= at]
    if not before:
        return False
    return any(s.kind == "date" and a.claim.start + before[-1].end() <= s.start < a.start
               for s in a.claim.slots)


def _dates_the_event_day(a: Attribute) -> bool:
    """The date is the day of the shooting: its words tie it to the shooting (a modifier
    of its noun, or right after its verb), or it dates the shooting (or a call to it) in a
    claim that tells of nothing else (no charge, hearing, arrest, find or death)."""
    if _strictly_tied(a):
        return True
    if _NOT_THE_EVENT.search(a.claim.text) or a.claim.tense == "future":
        return False
    if _dates_the_shooting(a):
        return not _date_between(a)
    # "Police were called to a shooting on Jan. 28": the call is the shooting's day
    text = a.claim.text
    at, end = _rel(a.claim, a.start), _rel(a.claim, a.end)
    if not _SHOOTING_MOMENT.search(text):
        return False
    words = [(m.start(), m.end(), True) for m in _SAME_DAY_MOMENT.finditer(text)]
    words += [(m.start(), m.end(), False) for m in _OTHER_MOMENT.finditer(text)
              if not _SAME_DAY_MOMENT.fullmatch(m.group(0))]
    words += [(m.start(), m.end(), True) for m in _SHOOTING_MOMENT.finditer(text)]
    before = [w for w in words if w[1] <= at]
    if before:
        return max(before)[2]
    after = sorted(w for w in words if w[0] >= end)
    return bool(after) and after[0][2] and not _OTHER_CLAUSE.search(text[end:after[0][0]])


_SCENE_SKIP = frozenset(stem(w) for w in lexicon.entries("facts_scene_skip_words.txt"))
#: Content words (beyond the shooting's own words) two claims must share to name one scene.
SCENE_WORDS = 2


def _scene_words(c: ClaimRecord) -> set[str]:
    """The claim's content words that may name its scene ("skate park", "house party")."""
    return {w for w in c.words if not w.startswith("@") and len(w) > 2 and w not in _SCENE_SKIP}


def _sentence_id(c: ClaimRecord) -> str:
    return c.id.rsplit(".", 1)[0]


def sentence_anchors(claims: Iterable[ClaimRecord]) -> dict[str, set[str]]:
    """``sentence id -> the anchors of all its claims`` (:func:`_date_anchors`).

    One sentence tells one moment even when the claim finder splits it: in "Jaquise Lewis,
    17, was shot and killed at a skate park on Sunday" the name stands in the first claim
    and the day in the second, yet the name anchors the day.
    """
    out: dict[str, set[str]] = defaultdict(set)
    days: dict[str, set[float]] = defaultdict(set)
    for c in claims:
        out[_sentence_id(c)] |= _date_anchors(c)
        days[_sentence_id(c)].update(s.lo for s in c.slots if s.kind == "date" and s.lo is not None
                                     and (s.unit or "").split("|")[0] == "day")
    # a sentence that gives two days tells two moments ("while they were investigating the
    # shooting of Jan. 3, they learned a boy was shot on Jan. 2"): its claims keep their own
    return {k: v for k, v in out.items() if len(days[k]) <= 1}


def _anchors_of(c: ClaimRecord, sentences: Mapping[str, set[str]] | None) -> set[str]:
    own = _date_anchors(c)
    if sentences:
        own = own | sentences.get(_sentence_id(c), set())
    return own


def _anchored_dates(x: Attribute, y: Attribute,
                    sentences: Mapping[str, set[str]] | None = None) -> bool:
    """The two claims dating the event share a name, an address, a count or the words of a
    scene ("killed at a skate park"): the rest of their frame agrees, so a different day is
    a disagreement, not another event. With ``sentences`` (:func:`sentence_anchors`), the
    anchors of the other claims of each claim's sentence count too."""
    if _anchors_of(x.claim, sentences) & _anchors_of(y.claim, sentences):
        return True
    return len(_scene_words(x.claim) & _scene_words(y.claim)) >= SCENE_WORDS


def _claim_also_gives(a: Attribute, other: Attribute) -> bool:
    """``a``'s claim also states the other's day ("was shot Saturday ... was in serious
    condition today"): its second date is another moment of the story."""
    return any(s.kind == "date" and s.lo == other.lo and s.hi == other.hi for s in a.claim.slots)


def _anchored_dates_comparable(
    art_a: str, art_b: str, x: Attribute, y: Attribute,
    same_story: Callable[[str, str], bool] | None,
) -> bool:
    """Two anchored event dates ("four people were shot early Sunday on North Capitol
    Street") of articles of one story.

    A day apart around midnight is one moment; the day of a charge or a hearing is not the
    day of the shooting, unless the date's own words tie it to the shooting
    (:func:`_event_days_tied`: "charged in the May 20 killing of"); dates resolved against two publication dates are compared through
    the days they resolve to (:func:`~.slots._resolved_days_comparable`), and a weekday next
    to a date stated in full may still be a week off (a weekday of another name is not).
    """
    if same_story is not None and not same_story(art_a, art_b):
        return False
    if published_day(x.claim) is None or published_day(y.claim) is None:
        return False
    assert x.lo is not None and y.lo is not None
    if abs(x.lo - y.lo) > ANCHORED_DATE_GAP:
        return False
    if not _event_days_tied(x, y):
        return False
    if _claim_also_gives(x, y) or _claim_also_gives(y, x):
        return False
    sx, sy = _date_slot(x), _date_slot(y)
    if sx is None or sy is None or _around_midnight(x.claim, sx, y.claim, sy):
        return False
    if _relative(sx) or _relative(sy):
        if not _resolved_days_comparable(x.claim, sx, y.claim, sy, yearless_any_gap=True):
            return False
        if _weekday_like(sx) != _weekday_like(sy) and _gap_days(sx, sy) % 7 == 0:
            return False  # a weekday can be a week off next to an explicit date
        # a weekday whose name is not the explicit date's weekday disagrees with it, whatever
        # publication date it was resolved against ("Friday" against "Sept. 29", a Thursday)
    return True


_MONTH_DAY = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.lower_words("quantity_month_words.txt"), key=len, reverse=True))
    + r")\b\.?\s+\d{1,2}(?:st|nd|rd|th)?\b", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _yearless(a: Attribute) -> bool:
    """A month and day written without a year ("Jan. 19", "April 28th"): only the day of the
    year was said, its year was guessed from the publication date."""
    s = _date_slot(a)
    return (s is not None and _relative(s) and a.lo is not None and a.lo == a.hi
            and bool(_MONTH_DAY.search(s.surface)) and not _YEAR_WRITTEN.search(s.surface))


def _year_aligned(x: Attribute, y: Attribute) -> tuple[Attribute, Attribute]:
    """``x`` and ``y`` with a yearless day moved to the year that brings it nearest the other
    day, when the two lie in different years: "Jan. 20" in an article published in March
    2016 and "Jan. 19, 2015" are a day apart, not a year (an article written a year on
    resolves a yearless day to its own year). Unchanged otherwise."""
    if x.lo is None or y.lo is None:
        return x, y
    dx, dy = dt.date.fromordinal(int(x.lo)), dt.date.fromordinal(int(y.lo))
    if dx.year == dy.year:
        return x, y
    for moved, other, d_other in ((x, y, dy), (y, x, dx)):
        if not _yearless(moved) or (_yearless(other) and moved is y):
            continue
        d = dt.date.fromordinal(int(moved.lo or 0))
        best = None
        for year in (d_other.year - 1, d_other.year, d_other.year + 1):
            try:
                cand = d.replace(year=year)
            except ValueError:  # 29 February
                continue
            if best is None or abs(cand.toordinal() - d_other.toordinal()) < abs(best.toordinal() - d_other.toordinal()):
                best = cand
        if best is None or best.year == d.year:
            continue
        lo = float(best.toordinal())
        shifted = replace(moved, value=f"{best.day} {best.strftime('%B')} {best.year}", lo=lo, hi=lo,
                          note=moved.note)
        return (shifted, other) if moved is x else (other, shifted)
    return x, y


#: A yearless day moved to the other's year is compared only this close to it (days).
ALIGNED_DAY_GAP = 3
#: A weekday is read against another article's day of the event only when its own article
#: was published at most this many days after that day (and not before it).
WEEK_ALIGN_REACH = 14


def _weekday_near(a: Attribute, day: float) -> Attribute:
    """``a`` with a bare weekday ("Tuesday morning") moved to the day of that name nearest
    ``day``, the day of the event another account gives.

    A weekday is resolved against its article's publication day, as the latest such day:
    an article published nine days after a Tuesday shooting that still says "Tuesday
    morning" resolves it to the Tuesday of its own week. What the writer named is the
    weekday, so against an event day told elsewhere it is read as the nearest day of that
    name (three days either way at most) — when that day lies a week or more before the
    article's publication day, so that resolving against the publication day could not have
    found it. Unchanged when ``a`` is not a bare weekday, its article was published before
    ``day`` or more than ``WEEK_ALIGN_REACH`` days after it, or the nearest day of its name
    is one its publication day resolves to itself ("Monday" in a Sunday article about a
    Sunday shooting is the Monday before: a different day, as resolved).
    """
    s = _date_slot(a)
    if s is None or not _weekday_like(s) or a.lo is None or a.lo != a.hi:
        return a
    pub = published_day(a.claim)
    if pub is None or not 0 <= pub - day <= WEEK_ALIGN_REACH:
        return a
    lo = float(day + (int(a.lo - day) + 3) % 7 - 3)
    if lo == a.lo or pub - lo < 7:
        return a
    d = dt.date.fromordinal(int(lo))
    return replace(a, value=f"{d.day} {d.strftime('%B')} {d.year}", lo=lo, hi=lo)


def _week_aligned(x: Attribute, y: Attribute) -> tuple[Attribute, Attribute]:
    """``x`` and ``y`` with a bare weekday read against the other's day
    (:func:`_weekday_near`) when the two lie more than ``ALIGNED_DAY_GAP`` days apart as
    resolved: "Tuesday morning" in an article of 21 February and "Wednesday" in one of 13
    February are a day apart (12 and 13 February), not six. Days further apart than
    ``ANCHORED_DATE_GAP`` as resolved stay two events. When both are weekdays, the later
    article's is tried first (a weekday goes stale as its article ages)."""
    if x.lo is None or y.lo is None or not ALIGNED_DAY_GAP < abs(x.lo - y.lo) <= ANCHORED_DATE_GAP:
        return x, y
    px, py = published_day(x.claim) or 0, published_day(y.claim) or 0
    order = ((y, x), (x, y)) if py > px else ((x, y), (y, x))
    for moved, other in order:
        assert other.lo is not None
        near = _weekday_near(moved, other.lo)
        if near is not moved:
            return (near, other) if moved is x else (other, near)
    return x, y


def _aligned_days_comparable(
    art_a: str, art_b: str, x: Attribute, y: Attribute,
    same_story: Callable[[str, str], bool] | None,
) -> bool:
    """Two anchored event days, one of them a yearless day moved to the other's year
    (:func:`_year_aligned`): compared when the articles are of one story, the days are at
    most ``ALIGNED_DAY_GAP`` apart, both are the shooting's day by their own words
    (:func:`_event_days_tied`), neither claim relates two events or looks ahead, and the
    two are not one moment around midnight."""
    if same_story is not None and not same_story(art_a, art_b):
        return False
    assert x.lo is not None and y.lo is not None
    if abs(x.lo - y.lo) > ALIGNED_DAY_GAP or not _event_days_tied(x, y):
        return False
    if "future" in (x.claim.tense, y.claim.tense) or _claim_also_gives(x, y) or _claim_also_gives(y, x):
        return False
    return not _one_night(x, y) if abs(x.lo - y.lo) == 1 else True


def _is_update(x: Attribute, y: Attribute) -> bool:
    """The later article reports a more advanced state, or a revised count."""
    px, py = published_day(x.claim), published_day(y.claim)
    if px is None or py is None or px == py:
        return False
    later, earlier = (y, x) if py > px else (x, y)
    if x.attribute in ("condition", "custody"):
        assert later.lo is not None and earlier.lo is not None
        return later.lo > earlier.lo
    if x.attribute.split(" (")[0] in ("killed", "injured", "shot"):
        return True
    if x.attribute in ("age", "victim age", "age mentioned"):
        assert later.lo is not None and earlier.lo is not None
        years = (max(px, py) - min(px, py)) / 365.25
        return 0 < later.lo - earlier.lo <= years + 1 and years >= 0.25
    return False


def _describe(subject: str, attribute: str) -> str:
    if attribute in ("condition", "custody"):
        return f"{subject}'s {attribute}"
    if attribute in ("age", "residence", "role"):
        return f"{subject}'s {attribute}"
    return f"{attribute} ({subject})" if attribute != "date" else f"the event date ({subject})"


def _conflict(x: Attribute, y: Attribute, *, self_contradiction: bool = False) -> Conflict:
    gid = stable_id("f", x.subject_kind, x.subject, x.attribute)
    kind = _KIND.get(x.attribute, "number")
    what = _describe(x.subject_name, x.attribute)
    confidence = _BASE_CONFIDENCE.get(x.attribute.split(" (")[0], 0.6)
    update = False if self_contradiction else _is_update(x, y)
    notes = [n for n in (x.note, y.note) if n and n not in ("relative", "local", "street")
             and not n.startswith(("named:", "unnamed:"))]
    if self_contradiction:
        explanation = (f"one article contradicts itself on {what}: {x.value} "
                       f"(\"{short(x.claim.text)}\") vs {y.value} (\"{short(y.claim.text)}\")")
        confidence -= 0.1
    else:
        explanation = (f"{what}: A says {x.value} (\"{short(x.claim.text)}\"); "
                       f"B says {y.value} (\"{short(y.claim.text)}\")")
    if notes:
        explanation += "; " + "; ".join(notes)
        confidence -= 0.1
    if x.claim.modality or y.claim.modality:
        confidence -= 0.2
    if x.attribute == "age" and x.lo is not None and y.lo is not None and abs(x.lo - y.lo) > AGE_GAP:
        # Accounts of one person's age differ by a year or two; 9 vs 36 is a father and a son
        # of one name, or an age read off the wrong name of a list.
        confidence -= 0.35
    cid = stable_id("x", gid, x.claim.id, y.claim.id, x.attribute, x.value, y.value)
    return Conflict(
        id=cid, group_id=gid, kind=kind, a=x.claim, b=y.claim, a_value=x.value, b_value=y.value,
        explanation=explanation, confidence=round(max(0.0, min(1.0, confidence)), 3),
        update=update, story_id=x.subject if x.subject_kind == "story" else None,
        subject=x.subject, attribute=x.attribute,
    )


#: An article that places the events it reports in this many different towns is a round-up or
#: covers two incidents ("39 shot in Chicago ... eight in Miami"): its counts are not compared.
ROUNDUP_PLACES = 2


#: Two places named this close in one claim, with only words of containment between, are
#: one place told at two levels ("in Eastfield, in Corlan", "the Eastfield area of Corlan").
NESTED_PLACE_WORDS = 6
_PART_HEADS = lexicon.words("roundup_part_heads.txt")
_CONTAINMENT = re.compile(
    r"(?:\s|,|['’]s\b|\b(?:in|of|on|the|its|neighbou?rhood|section|area|part|district|"
    r"community)\b)*")


_NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhood|section|subdivision)\b", re.IGNORECASE)


def _nested(a: Attribute, b: Attribute) -> bool:
    """``a`` and ``b`` are named right beside each other in one claim with only words of
    containment between: one place, two levels. Not "in Corlan and in Dunmere", not "in
    Jacksonville near the Arms Apartments" (a place beside another is not in it)."""
    if a.claim.id != b.claim.id or a.start == b.start:
        return False
    lo, hi = (b.end, a.start) if b.end <= a.start else (a.end, b.start)
    between = a.claim.text[_rel(a.claim, lo):_rel(a.claim, hi)]
    return len(between.split()) <= NESTED_PLACE_WORDS and bool(_CONTAINMENT.fullmatch(between))


def _town_of_its_own(a: Attribute, parts: set[str]) -> bool:
    """Not a county holding a town (its last word) nor a place the article calls a part."""
    words = a.value.replace(".", "").split()
    return bool(words) and words[-1] not in _PART_HEADS and a.value.lower() not in parts


def _roundups(attributes: Sequence[Attribute]) -> set[str]:
    """Articles placing the events they report in ``ROUNDUP_PLACES`` different towns.

    Places named one inside the other ("in Eastfield, in Corlan") or sharing a word are one
    place. A county or parish holding a town ("Mason County") is no town of its own, nor is
    the one place an article calls a neighbourhood ("in the Larch Beach neighborhood");
    two neighbourhoods count, as a round-up of one city's shootings names them apart."""
    local: dict[str, list[Attribute]] = defaultdict(list)
    for a in attributes:
        if a.attribute == "place" and a.note == "local":
            local[a.article_id].append(a)
    out: set[str] = set()
    for art, items in local.items():
        groups: list[list[Attribute]] = []
        for a in items:
            home = next((g for g in groups if any(
                _nested(a, b) or same_words(a.value, b.value) or name_overlap(a.value, b.value)
                for b in g)), None)
            if home is None:
                groups.append([a])
            else:
                home.append(a)

        called = {a.value.lower() for a in items if _NEIGHBOURHOOD_AFTER.match(
            a.claim.text[_rel(a.claim, a.end):])}
        # one place the article calls a neighbourhood is a part of its town; several are
        # a round-up of one city's shootings ("in the Englewood neighborhood ... in Austin")
        part = called if len(called) == 1 else set()

        if sum(1 for g in groups if any(_town_of_its_own(a, part) for a in g)) >= ROUNDUP_PLACES:
            out.add(art)
    return out


#: Ages of one person further apart than this are more likely two people than a disagreement.
AGE_GAP = 3


#: Articles of one story published further apart than this are compared on event counts
#: only when they also date the event alike (a later shooting at the same corner is another).
MAX_PUBLISHED_GAP = 14


#: An article that dates nothing is taken to report an event at most this many days before
#: its publication day (see :func:`_same_event`).
PUBLISHED_EVENT_LAG = 2


def _same_event(
    art_a: str, art_b: str, x: Attribute, y: Attribute,
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> bool:
    """Two articles' event attributes are about one event: the articles are close to one
    story, published close together or dating the event alike (an article that dates
    nothing by its publication day), and no date they give for it says otherwise."""
    if same_story is not None and not same_story(art_a, art_b):
        return False
    da, db = event_dates.get(art_a, []), event_dates.get(art_b, [])
    near = any(
        p.lo is not None and q.lo is not None and p.hi is not None and q.hi is not None
        and p.lo - 1 <= q.hi and q.lo - 1 <= p.hi
        for p in da for q in db
    )
    if da and db and not near:
        return False
    pa, pb = published_day(x.claim), published_day(y.claim)
    if pa is None or pb is None:
        return near
    if not near and bool(da) != bool(db):
        # one article dates nothing: news of an event comes out within days of it, so its
        # publication day stands for the event day the other article gives (a follow-up
        # weeks on, "the May 1 shooting", against the first report of May 2)
        dated, pub = (da, pb) if da else (db, pa)
        near = any(q.lo is not None and q.hi is not None and q.lo <= pub
                   and pub - q.hi <= PUBLISHED_EVENT_LAG for q in dated)
    return abs(pa - pb) <= MAX_PUBLISHED_GAP or near


def compare_attributes(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    *,
    same_story: Callable[[str, str], bool] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    datelines: Mapping[str, set[str]] | None = None,
    sentences: Mapping[str, set[str]] | None = None,
    names: Mapping[str, set[str]] | None = None,
) -> list[Conflict]:
    """Compare each attribute across the articles of a story.

    Per subject and attribute, each article contributes its value; an article with two
    different values for one event attribute (killed, injured, date) is not compared on it
    (a round-up of several incidents, or a part and a total), while two different ages or
    residences of one named person inside one article are a self-contradiction. Articles of
    two different stories are never compared; ``same_story`` (when given) must also hold for
    the two articles of an event attribute. ``datelines`` (``article_id -> towns`` it reports
    from; read from the attributes' claims when not given) tells a residence in a neighbourhood
    of the city a story is reported from ("of Homewood" against "of Pittsburgh").
    ``sentences`` (:func:`sentence_anchors`; read from the attributes' claims when not given)
    lets the claims of one sentence share what anchors a date to one event; ``names``
    (:func:`sentence_names`; read from the attributes' claims when not given) the people,
    streets and venues each sentence names.
    """
    if sentences is None:
        sentences = sentence_anchors({a.claim.id: a.claim for a in attributes}.values())
    if names is None:
        names = sentence_names({a.claim.id: a.claim for a in attributes}.values())
    event_dates = _event_dates(attributes)
    # the towns each story is reported from, for telling a neighbourhood from another town
    story_datelines: dict[str, set[str]] = defaultdict(set)
    if datelines is None:
        datelines = dateline_towns(a.claim for a in attributes)
    for art, towns in datelines.items():
        story_datelines[story_of(art)] |= towns
    story_texts: dict[str, list[str]] = {}
    roundups = _roundups(attributes)
    shooter_dead = {a.article_id for a in attributes if a.attribute == "shooter dead"}
    by_key: dict[tuple[str, str, str, str], list[Attribute]] = defaultdict(list)
    roundup_tolls: dict[tuple[str, str, str, str], list[Attribute]] = defaultdict(list)
    for a in attributes:
        if not a.subject or a.attribute.split(" (")[0] not in _COMPARED:
            continue
        if a.subject_kind == "story" and a.article_id in roundups:
            if a.attribute.split(" (")[0] in _TOLLS and a.lo is not None:
                roundup_tolls[(story_of(a.article_id), *a.key)].append(a)
            continue
        by_key[(story_of(a.article_id), *a.key)].append(a)
    out: list[Conflict] = []
    seen: set[str] = set()
    story_values: dict[tuple[str, str], dict[str, Attribute]] = {}
    tolls: dict[str, list[Attribute]] = defaultdict(list)
    for a in attributes:
        if a.subject_kind == "story" and a.attribute.split(" (")[0] in _TOLLS and a.lo is not None:
            tolls[a.article_id].append(a)
    for (_story, kind, _subject, attribute), attrs in sorted(by_key.items()):
        per_article = _article_values(attrs)
        values: dict[str, Attribute] = {}
        torn: dict[str, list[Attribute]] = {}
        for art, items in sorted(per_article.items()):
            distinct = _distinct(items)
            if len(distinct) == 1:
                values[art] = distinct[0]
                continue
            if kind == "entity" and attribute in ("age", "residence"):
                x, y = distinct[0], distinct[1]
                named = [d for d in distinct if not d.note]
                if len(named) >= 2 and _relation(named[0], named[1]) == "conflict":
                    c = _conflict(named[0], named[1], self_contradiction=True)
                    if c.confidence >= min_confidence and c.id not in seen:
                        seen.add(c.id)
                        out.append(c)
                    if attribute == "age":
                        torn[art] = named
                    continue
                if len(named) == 1:
                    values[art] = named[0]
                del x, y
            elif attribute == "time" and all(
                _relation(p, q) != "conflict" for p in distinct for q in distinct
            ):
                # "about 2:30 a.m." and "2:30 a.m.": one time, the narrowest kept
                values[art] = min(distinct, key=lambda d: (d.hi or 0.0) - (d.lo or 0.0))
            elif attribute in ("condition", "custody"):
                # the most advanced state the article gives ("critical, then died")
                values[art] = max(distinct, key=lambda d: d.lo or 0.0)
            elif kind == "story" and attribute.split(" (")[0] in _TOLLS:
                whole = _whole_toll(distinct)
                if whole is not None:
                    values[art] = whole
        if kind == "story":
            story_values[(_story, attribute)] = values
        for c in _odd_ones_out(torn, values):
            if c.confidence >= min_confidence and c.id not in seen:
                seen.add(c.id)
                out.append(c)
        arts = sorted(values)
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                x, y = values[arts[i]], values[arts[j]]
                if attribute == "date" and _anchored_dates(x, y):
                    continue  # compared claim by claim below (_compare_anchored_dates)
                if kind == "story" and not _same_event(arts[i], arts[j], x, y, event_dates,
                                                       same_story):
                    continue
                if attribute == "date" and not _date_comparable(x, y):
                    continue
                if _relation(x, y) != "conflict":
                    continue
                if attribute == "residence" and story_datelines[_story]:
                    if _story not in story_texts:
                        story_texts[_story] = _story_texts(attributes, story_of, _story)
                    if neighbourhood_of_reporting_city(x.value, y.value, story_datelines[_story],
                                                       story_texts[_story]):
                        continue
                c = _conflict(x, y)
                beside = _agreeing_toll_beside(x, y, tolls) if kind == "story" else None
                if beside is not None:
                    c.confidence = round(min(1.0, c.confidence + SIBLING_TOLL_BONUS), 3)
                    c.explanation += f"; both give {beside} in the same sentence"
                elif kind == "story":
                    anchor = _toll_anchor(x, y)
                    if anchor:
                        c.confidence = round(min(1.0, c.confidence + ANCHORED_TOLL_BONUS), 3)
                        c.explanation += f"; both accounts {anchor}"
                if (attribute.startswith("killed") and x.lo is not None and y.lo is not None
                        and abs(x.lo - y.lo) == 1
                        and ({arts[i], arts[j]} & shooter_dead or _the_shooters_toll(x)
                             or _the_shooters_toll(y))):
                    c.confidence = round(max(0.0, c.confidence - 0.3), 3)
                    c.explanation += "; the shooter died too: one toll may count him"
                if c.confidence >= min_confidence and c.id not in seen:
                    seen.add(c.id)
                    out.append(c)
    anchored = _compare_anchored_dates(attributes, story_of, same_story, roundups, sentences)
    # a claim dated against another by its own anchors is not compared again against the
    # story's day; one anchored through its sentence still is (its partner may be another
    # moment the sentence tells)
    dated = {claim.id for c in anchored if c.explanation.endswith(_CLAIMS_ANCHORED)
             for claim in (c.a, c.b)}
    for c in [*_compare_part_with_whole(story_values, event_dates, same_story, shooter_dead),
              *_compare_torn_tolls(by_key, event_dates, same_story, tolls, shooter_dead),
              *_compare_roundup_tolls(roundup_tolls, by_key, event_dates, same_story, tolls,
                                      shooter_dead),
              *_compare_unnamed_ages(attributes, story_of, event_dates, same_story),
              *_compare_victim_ages(attributes, story_of, event_dates, same_story, names),
              *_compare_odd_victim_ages(attributes, story_of, event_dates, same_story),
              *anchored,
              *_compare_event_days(attributes, story_of, same_story, roundups, dated)]:
        if c.confidence >= min_confidence and c.id not in seen:
            seen.add(c.id)
            out.append(c)
    # the same two claims already compared on the same kind by one of the checks above
    told = {(frozenset((c.a.id, c.b.id)), c.kind) for c in out}
    for c in [*_compare_described_ages(attributes, story_of, event_dates, same_story),
              *_compare_age_lists(attributes, story_of, event_dates, same_story),
              *_compare_event_times(attributes, story_of, event_dates, same_story, roundups)]:
        if c.confidence >= min_confidence and (frozenset((c.a.id, c.b.id)), c.kind) not in told:
            told.add((frozenset((c.a.id, c.b.id)), c.kind))
            out.append(c)
    out.sort(key=lambda c: (-c.confidence, c.id))
    return out


def _odd_ones_out(torn: Mapping[str, list[Attribute]], values: Mapping[str, Attribute]) -> list[Conflict]:
    """An article giving one person two ages, against another article giving one of them.

    "Police arrested 45-year-old Ann Lee" and, further down, "Lee, 42, ..." against another
    article's "Lee, 42,": besides contradicting itself, the first article's 45 disagrees with
    the age the other article and its own other sentence agree on.
    """
    out: list[Conflict] = []
    for art, told in sorted(torn.items()):
        for other, v in sorted(values.items()):
            if other == art or not any(_relation(t, v) == "equal" for t in told):
                continue
            for t in told:
                if _relation(t, v) == "conflict":
                    c = _conflict(t, v)
                    c.explanation += f"; the first article also gives {v.value} elsewhere"
                    out.append(c)
    return out


def _compare_part_with_whole(
    story_values: Mapping[tuple[str, str], Mapping[str, Attribute]],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    shooter_dead: set[str],
) -> list[Conflict]:
    """A count of some of the people larger than another article's count of all of them.

    "Four bailiffs were killed" and "two people were killed": the bailiffs are among the
    people, so four of them cannot be dead if only two people are. The other way round
    ("five people were wounded", "three men were wounded") is no disagreement: two of the
    five may be women. Each article must give one value for each of the two counts.
    """
    out: list[Conflict] = []
    for (story, attribute), parts in sorted(story_values.items()):
        base, _, noun = attribute.partition(" (")
        if not noun:
            continue
        whole = story_values.get((story, base), {})
        for art_p, part in sorted(parts.items()):
            for art_w, total in sorted(whole.items()):
                if art_p == art_w or part.lo is None or total.hi is None or part.lo <= total.hi:
                    continue
                if same_words(part.claim.text, total.claim.text) or not _plain_whole(total):
                    continue
                if base == "killed" and part.lo - total.hi == 1 and {art_p, art_w} & shooter_dead:
                    continue  # one toll may count the shooter
                if not _same_event(art_p, art_w, part, total, event_dates, same_story):
                    continue
                c = _conflict(part, total)
                c.explanation += f"; {part.value} {noun.rstrip(')')} are more than {total.value} in all"
                out.append(c)
    return out


#: Added to a toll conflict found claim by claim (:func:`_compare_torn_tolls`): the two claims
#: are tied to one incident by an equal toll beside them or a shared name, address or scene.
TORN_TOLL_BONUS = 0.1


def _compare_torn_tolls(
    by_key: Mapping[tuple[str, str, str, str], list[Attribute]],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    tolls: Mapping[str, list[Attribute]],
    shooter_dead: set[str],
) -> list[Conflict]:
    """Tolls of an article giving two values, compared claim by claim with another article.

    An article that gives a toll two ways ("3 dead, 2 wounded" in its heading, "four others
    seriously wounded" further down) has no single value and is left out of the article
    comparison. Its claims are still compared one by one with another article's claims of
    the same toll when the two claims are tied to one incident: the same other toll told
    beside both ("three men were killed and two/four others wounded") or a shared name,
    street address or scene (:func:`_toll_anchor`). Both counts must be told as a whole toll
    (:func:`_told_whole`). When both articles give the toll two ways and share one value,
    the shared value is left out: the two tell the same part (or whole) in other sentences.
    """
    out: list[Conflict] = []
    for (_story, kind, _subject, attribute), attrs in sorted(by_key.items()):
        if kind != "story" or attribute.split(" (")[0] not in _TOLLS:
            continue
        per_article = _article_values(attrs)
        told = {art: {_norm_value(a) for a in items} for art, items in per_article.items()}
        for art_a, art_b in combinations(sorted(per_article), 2):
            if len(told[art_a]) < 2 and len(told[art_b]) < 2:
                continue  # both give one value: compared article by article
            for x in per_article[art_a]:
                for y in per_article[art_b]:
                    if (_norm_value(x) in told[art_b] and len(told[art_a]) > 1) or (
                        _norm_value(y) in told[art_a] and len(told[art_b]) > 1
                    ):
                        continue  # a value both articles give, beside others: a part
                    if _relation(x, y) != "conflict" or not (_told_whole(x) and _told_whole(y)):
                        continue
                    if not _same_event(art_a, art_b, x, y, event_dates, same_story):
                        continue
                    if (attribute.startswith("killed") and x.lo is not None and y.lo is not None
                            and abs(x.lo - y.lo) == 1 and ({art_a, art_b} & shooter_dead
                                                           or _the_shooters_toll(x)
                                                           or _the_shooters_toll(y))):
                        continue  # one toll may count the shooter
                    if _other_scenes(x, y, tolls):
                        continue
                    beside = _agreeing_toll_beside(x, y, tolls)
                    tie = f"both give {beside} in the same sentence" if beside else _toll_anchor(x, y)
                    if not tie:
                        continue
                    c = _conflict(x, y)
                    c.confidence = round(min(1.0, c.confidence + TORN_TOLL_BONUS), 3)
                    c.explanation += f"; {tie if beside else 'both accounts ' + tie}; one article " \
                                     "gives this toll two ways"
                    out.append(c)
    return out


def _compare_roundup_tolls(
    roundup_tolls: Mapping[tuple[str, str, str, str], list[Attribute]],
    by_key: Mapping[tuple[str, str, str, str], list[Attribute]],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    tolls: Mapping[str, list[Attribute]],
    shooter_dead: set[str],
) -> list[Conflict]:
    """Tolls of an article that names many places, compared sentence by sentence.

    An article naming several towns or streets may add up several shootings, so its tolls
    are not the story's (:func:`_roundups`). One of its sentences still tells this story's
    toll when it is tied to another article's sentence twice over: the same other toll told
    beside both ("left one man dead and eleven injured" / "left one man dead and nine others
    hurt") and a street, venue or person both sentences name ("on Bourbon Street"). (Naming
    one town on one day is not enough: "Four Dallas police officers also died" is a part of
    "the five officers killed Thursday".)
    """
    out: list[Conflict] = []
    for key, mine in sorted(roundup_tolls.items()):
        theirs = [*by_key.get(key, []), *roundup_tolls.get(key, [])]
        attribute = key[3]
        gathered = {a.article_id for a in mine}
        for x in mine:
            for y in theirs:
                if y.article_id == x.article_id or (y.article_id in gathered
                                                    and y.article_id < x.article_id):
                    continue  # one article, or a pair of two such articles seen once
                if _relation(x, y) != "conflict" or not (_told_whole(x) and _told_whole(y)):
                    continue
                if not _same_event(x.article_id, y.article_id, x, y, event_dates, same_story):
                    continue
                if (attribute.startswith("killed") and x.lo is not None and y.lo is not None
                        and abs(x.lo - y.lo) == 1 and {x.article_id, y.article_id} & shooter_dead):
                    continue  # one toll may count the shooter
                if _other_scenes(x, y, tolls):
                    continue
                beside = _agreeing_toll_beside(x, y, tolls)
                shared = _sentence_names(x, tolls) & _sentence_names(y, tolls)
                if beside is None or not shared:
                    continue
                tie = (f"both give {beside} in the same sentence and name "
                       f"{sorted(shared)[0].partition(':')[2]}")
                c = _conflict(x, y)
                c.confidence = round(min(1.0, c.confidence + TORN_TOLL_BONUS), 3)
                c.explanation += f"; {tie}; the first article tells of several places"
                out.append(c)
    return out


def _sentence_names(a: Attribute, tolls: Mapping[str, list[Attribute]]) -> set[str]:
    """The streets, venues and people named in the sentence of a toll (its claim and the
    toll claims told beside it)."""
    claims = {a.claim.id: a.claim}
    claims.update((t.claim.id, t.claim) for t in tolls.get(a.article_id, [])
                  if _beside(t.claim, a.claim))
    out: set[str] = set()
    for c in claims.values():
        for s in c.slots:
            if s.kind == "place" and _place_level(s.value) == "street":
                out.add("s:" + " ".join(s.value.lower().replace(".", "").split()))
        out |= {k for k, alone in _incident_names(c).items() if alone}
    return out


_DEATH_WORDS = re.compile(r"\b(?:dead|died|dies|killed|kills|fatal(?:ly)?|slain|homicides?|murder(?:ed|s)?|"
                          r"deadly|death)\b", re.IGNORECASE)


def _compare_shot_with_injured(
    attributes: Sequence[Attribute],
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """People shot in one account against people injured in another, when no one died.

    "four people were shot in the California neighborhood" and "a drive-by shooting in the
    California neighborhood that left two injured": when the story counts no dead anywhere
    (no death word in any claim of its articles: "one of them died at the hospital" too),
    everyone shot was hurt, so the two counts are one. Compared claim by claim when the two claims are tied to one
    incident (:func:`_toll_anchor`), both counts told as a whole, no two scenes
    (:func:`_other_scenes`); counts of men, teenagers... are compared with counts of the same
    noun only ("four teenagers were injured", "two teens were shot").
    """
    deaths = {story_of(c.article_id) for c in claims if _DEATH_WORDS.search(c.text)}
    roundups = _roundups(attributes)
    event_dates: dict[str, list[Attribute]] = defaultdict(list)
    tolls: dict[str, list[Attribute]] = defaultdict(list)
    by_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if a.attribute == "date":
            event_dates[a.article_id].append(a)
        if a.subject_kind != "story" or a.lo is None or a.attribute.split(" (")[0] not in _TOLLS:
            continue
        tolls[a.article_id].append(a)
        if a.attribute.split(" (")[0] in ("shot", "injured") and a.article_id not in roundups:
            by_story[story_of(a.article_id)][a.article_id].append(a)
    out: list[Conflict] = []
    for story, per_article in sorted(by_story.items()):
        if story in deaths:
            continue
        for art_a, art_b in combinations(sorted(per_article), 2):
            for x in per_article[art_a]:
                for y in per_article[art_b]:
                    (xb, _, xn), (yb, _, yn) = x.attribute.partition(" ("), y.attribute.partition(" (")
                    if xb == yb or xn != yn or _relation(x, y) != "conflict":
                        continue  # (four teenagers injured, two teenagers shot: one count)
                    if not (_told_whole(x) and _told_whole(y)) or _other_scenes(x, y, tolls):
                        continue
                    if not _same_event(art_a, art_b, x, y, event_dates, same_story):
                        continue
                    tie = _toll_anchor(x, y)
                    if not tie:
                        continue
                    c = _conflict(x, y)
                    c.confidence = round(min(1.0, c.confidence + TORN_TOLL_BONUS), 3)
                    c.explanation += (f"; both accounts {tie}; no one died in the story: those "
                                      "shot are those injured")
                    out.append(c)
    return out


def _other_scenes(x: Attribute, y: Attribute, tolls: Mapping[str, list[Attribute]]) -> bool:
    """The sentences of two tolls tell two scenes: days further apart than one, or streets and
    none shared ("On Friday, two men were killed and four others wounded on Elm Street" is
    not "two men were killed and three others wounded on Birch Road on Saturday"). The claims
    told beside each toll in its sentence count too."""
    def sentence(a: Attribute) -> list[ClaimRecord]:
        return [a.claim] + [t.claim for t in tolls.get(a.article_id, []) if _beside(t.claim, a.claim)]

    days: list[list[Slot]] = []
    streets: list[set[str]] = []
    for a in (x, y):
        slots = [sl for c in sentence(a) for sl in c.slots]
        days.append([d for d in slots if d.kind == "date" and (d.unit or "").startswith("day")
                     and d.lo is not None and d.hi is not None])
        streets.append({" ".join(sl.value.lower().replace(".", "").split()) for sl in slots
                        if sl.kind == "place" and _place_level(sl.value) == "street"})
    if days[0] and days[1] and not any(
        p.lo is not None and q.lo is not None and p.hi is not None and q.hi is not None
        and p.lo - 1 <= q.hi and q.lo - 1 <= p.hi for p in days[0] for q in days[1]
    ):
        return True
    return bool(streets[0] and streets[1] and not streets[0] & streets[1])


# "two people at a fire pit", "two men, inside the car": a spot right after the count
_SPOT_RIGHT_AFTER = re.compile(r"^\s*,?\s*(?:at|inside|outside|near|by|on)\s+(?:a|an|the)\s", re.IGNORECASE)


def _told_whole(a: Attribute) -> bool:
    """A count told as a whole toll, claim by claim: no verb before it ("the gunman killed two
    people", one scene's share) and no spot right after it ("two people at a fire pit"); a
    spot after the verb is where the shooting was ("were wounded in a shooting at a home")."""
    c = a.claim
    before = c.text[max(0, _rel(c, a.start) - 30): _rel(c, a.start)]
    return not _VERB_BEFORE.search(before) and not _SPOT_RIGHT_AFTER.match(c.text[_rel(c, a.end):])


_TOLLS = ("killed", "injured", "shot")
# "the gunman who killed 49": the people he killed, himself not among them
_BY_THE_SHOOTER = re.compile(
    r"\b(?:gunman|shooter|attacker|killer)\b[^.;]{0,25}\b(?:killed|shot)\s+$", re.IGNORECASE)


def _the_shooters_toll(a: Attribute) -> bool:
    """The count is of the people the shooter killed, which a total may exceed by himself."""
    return bool(_BY_THE_SHOOTER.search(a.claim.text[max(0, _rel(a.claim, a.start) - 50):
                                                     _rel(a.claim, a.start)]))
#: Added to a toll conflict whose two sentences give the same other toll: "left one dead and
#: five injured" / "left one dead and three injured" agree on the dead, so they tell one event.
SIBLING_TOLL_BONUS = 0.1


#: Added to a toll conflict whose two claims also share a named person, a street address or
#: the words of a scene ("near the Black Lives Matter encampment"): both tell one incident.
ANCHORED_TOLL_BONUS = 0.1


def _toll_anchor(x: Attribute, y: Attribute) -> str:
    """What ties two toll claims of two articles to one incident, or "".

    "Five people, including Duhart, were injured" and "Duhart was one of seven people
    injured" name one victim; "five protesters were shot near the Black Lives Matter
    encampment" and "seven protesters were shot near a Black Lives Matter demonstration"
    tell one scene. Neither toll may follow its verb ("the gunman wounded two people, then
    ...": one scene's share) or come from a claim adding up several shootings.
    """
    for a in (x, y):
        before = a.claim.text[max(0, _rel(a.claim, a.start) - 30): _rel(a.claim, a.start)]
        if _VERB_BEFORE.search(before) or _SEVERAL_EVENTS.search(a.claim.text):
            return ""
    days = [[d for d in a.claim.slots if d.kind == "date" and (d.unit or "").startswith("day")
             and d.lo is not None and d.hi is not None] for a in (x, y)]
    if days[0] and days[1] and not any(
        p.lo is not None and q.lo is not None and p.hi is not None and q.hi is not None
        and p.lo - 1 <= q.hi and q.lo - 1 <= p.hi for p in days[0] for q in days[1]
    ):
        return ""  # "late Sunday" and "on Friday night": two block parties
    nx, ny = _incident_names(x.claim), _incident_names(y.claim)
    if any(nx[k] or ny[k] for k in nx.keys() & ny.keys()):
        return "name the same person, venue or address"
    if len(_scene_words(x.claim) & _scene_words(y.claim)) >= SCENE_WORDS:
        return "tell the scene in the same words"
    if _scene_places(x.claim) & _scene_places(y.claim):
        return "put the shooting in the same neighbourhood"
    if all(_LEFT_BY_THE_SHOOTING.search(a.claim.text[max(0, _rel(a.claim, a.start) - 90):
                                                     _rel(a.claim, a.start)])
           and _plain_toll(a) for a in (x, y)):
        return "give the toll the shooting left"
    return ""


_BIG_CITIES = lexicon.lower_words("cities.txt")
# "in the California neighborhood", "in the Hyde Park area": a part of a town named as such
_PART_OF_TOWN_AFTER = re.compile(r"\s+(?:neighbou?rhood|section|district|area|subdivision)\b",
                                 re.IGNORECASE)
_COMPASS = re.compile(r"^(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+)?")
_IN_RIGHT_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)


def _scene_places(c: ClaimRecord) -> set[str]:
    """The places below a city in which the claim puts its shooting: "in Pine Hills", "in
    the California neighborhood" — right after "in", not a dateline (capitals), not a known
    city nor a quarter of one ("in Chicago", "in South Los Angeles" are shared by many
    shootings), not a street (an address is an incident name of its own), a state or a
    country unless the words after it call it a part of a town ("the California
    neighborhood")."""
    out: set[str] = set()
    for sl in c.slots:
        if sl.kind != "place" or sl.value.isupper() or not sl.value[:1].isupper():
            continue
        rel = _rel(c, sl.start)
        if not _IN_RIGHT_BEFORE.search(c.text[max(0, rel - 10): rel]):
            continue
        named_part = bool(_PART_OF_TOWN_AFTER.match(c.text[_rel(c, sl.end):]))
        level = _place_level(sl.value)
        name = " ".join(sl.value.lower().replace(".", "").split())
        if _COMPASS.sub("", name) in _BIG_CITIES:
            continue  # "South Los Angeles": a quarter of a city, many shootings' scene
        if named_part or level == "local":
            out.add(name)
    return out


# "a shooting early today in Fort Wayne left nine people injured": the whole toll of the shooting
_LEFT_BY_THE_SHOOTING = re.compile(
    r"\b(?:a|the)\s+(?:\w+\s+){0,2}(?:shooting|shootout|gunfight)\b[^.;,]{0,70}?\bleft\s+$", re.IGNORECASE)


_AGENCY_WORDS = lexicon.words("official_source_words.txt")


def _incident_names(c: ClaimRecord) -> dict[str, bool]:
    """Names in a claim that may pin it to one incident, each with whether it does alone: a
    person, a street address, a group or venue of two words or more that is no agency
    ("Black Lives Matter", not "Chicago Police Department"). A one-word name the finder did
    not call a person is weak as a claim's first word (a capitalised common word, "New
    details"): it counts when the other claim has it elsewhere ("including Duhart")."""
    out: dict[str, bool] = {}
    for s in c.slots:
        if not s.entity_id or s.unit == "pronoun":
            continue
        words = re.findall(r"[\w']+", s.value)
        if s.kind == "person" or (s.kind == "other" and len(words) == 1 and s.value[:1].isupper()):
            key = "p:" + s.entity_id
            out[key] = out.get(key, False) or s.kind == "person" or s.start > c.start
        elif s.kind == "place" and _place_level(s.value) == "street":
            out["s:" + " ".join(s.value.lower().replace(".", "").split())] = True
        elif s.kind in ("org", "other") and len(words) >= 2 and not any(
            w.lower() in _AGENCY_WORDS for w in words
        ):
            out["v:" + s.entity_id] = True
    return out


def _beside(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Two claims of one sentence next to each other ("left one dead" + "and five injured")."""
    if a is b:
        return True
    if a.article_id != b.article_id:
        return False
    gap = b.start - a.end if a.end <= b.start else a.start - b.end
    return 0 <= gap <= 6


def _agreeing_toll_beside(x: Attribute, y: Attribute, tolls: Mapping[str, list[Attribute]]) -> str | None:
    """Another toll told beside both values, equal in both articles ("one dead"), or None.

    Both values must be told plainly, the event word right after the number ("five
    injured", "three others were hurt"; not "four are being treated for other injuries"),
    in a claim about one shooting ("in the shootings" may add up several).
    """
    if not (_plain_toll(x) and _plain_toll(y)):
        return None
    base = x.attribute.split(" (")[0]
    for p in tolls.get(x.article_id, []):
        if p.attribute.split(" (")[0] == base or not _beside(p.claim, x.claim):
            continue
        for q in tolls.get(y.article_id, []):
            if (q.attribute.split(" (")[0] == p.attribute.split(" (")[0] and q.lo == p.lo
                    and q.hi == p.hi and _beside(q.claim, y.claim)):
                return f"{p.value} {p.attribute.split(' (')[0]}"
    return None


def _plain_toll(a: Attribute) -> bool:
    c = a.claim
    if _SEVERAL_EVENTS.search(c.text):
        return False
    return bool(_EVENT_RIGHT_AFTER.match(c.text[_rel(c, a.end):]))


_SEVERAL_EVENTS = re.compile(r"\b(?:shootings|incidents|attacks)\b", re.IGNORECASE)


# "two people at a fire pit", "two men inside the car": the ones at one spot
_AT_A_SPOT = re.compile(
    r"^[^.;,]{0,30}?\b(?:at|inside|outside|near|by)\s+(?:a|an|the)\s+[a-z]", re.IGNORECASE
)


def _plain_whole(a: Attribute) -> bool:
    """A count told as the whole toll: no verb before it ("the gunman killed two people at a
    fire pit, then fired from the roof" counts one scene) and no spot after it ("two men
    inside the car"), unless the event word comes first: in "14 people were shot at a party"
    the spot is where the shooting was, not where some of the people were."""
    c = a.claim
    before = c.text[max(0, _rel(c, a.start) - 30): _rel(c, a.start)]
    after = c.text[_rel(c, a.end):]
    if _VERB_BEFORE.search(before):
        return False
    return not _AT_A_SPOT.match(after) or bool(_EVENT_RIGHT_AFTER.match(after))


def _whole_toll(distinct: Sequence[Attribute]) -> Attribute | None:
    """The one whole toll of an article that gives a toll several ways, or None.

    "A total of five people were killed" and, further down, "the gunman killed two people
    at a fire pit": the second is one scene's share (a verb before the count), so the
    article's toll is five. Only when exactly one value is told whole and plainly (the event
    word right after it) and every other value is such a share, smaller than it; otherwise
    the article stays out of the article-by-article comparison (an update, two incidents, a
    911 caller's count beside the police's).
    """
    whole = [d for d in distinct if _told_whole(d) and _plain_toll(d)]
    if len(whole) != 1 or whole[0].lo is None:
        return None
    top = whole[0].lo
    for d in distinct:
        if d is whole[0]:
            continue
        c = d.claim
        if d.lo is None or d.lo >= top or not _VERB_BEFORE.search(c.text[max(0, _rel(c, d.start) - 30):
                                                                         _rel(c, d.start)]):
            return None  # (only a share the gunman's verb tells is left out)
    return whole[0]


def _story_texts(attributes: Sequence[Attribute], story_of: Callable[[str], str], story: str) -> list[str]:
    """One text per article of ``story``: its claims that state an attribute."""
    by_article: dict[str, dict[str, str]] = defaultdict(dict)
    for a in attributes:
        if story_of(a.article_id) == story:
            by_article[a.article_id][a.claim.id] = a.claim.text
    return ["\n".join(v.values()) for v in by_article.values()]


def _compare_anchored_dates(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    same_story: Callable[[str, str], bool] | None,
    roundups: set[str],
    sentences: Mapping[str, set[str]] | None = None,
) -> list[Conflict]:
    """Event dates of two claims that share a name, an address or a count, claim by claim.

    "Four men were shot early Monday in the 100 block of North Capitol Street" and "four
    people were shot early Sunday on the 100 block of North Capitol Street" date one event
    two ways, even when one of the articles gives another date elsewhere (the day of an
    arrest, or the same day a second time): the shared anchor, not the article's single
    value, ties the two dates to one event. Round-ups are left out as for other event
    attributes; see :func:`_anchored_dates_comparable` for the tolerances kept.
    """
    by_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if a.attribute == "date" and a.subject:
            by_story[story_of(a.article_id)][a.article_id].append(a)
    out: list[Conflict] = []
    for _story, per_article in sorted(by_story.items()):
        arts = sorted(per_article)
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                roundup = arts[i] in roundups or arts[j] in roundups
                for x0 in per_article[arts[i]]:
                    for y0 in per_article[arts[j]]:
                        x, y = _year_aligned(x0, y0)
                        if (x, y) == (x0, y0):
                            x, y = _week_aligned(x0, y0)
                        if not _anchored_dates(x, y, sentences) or _relation(x, y) != "conflict":
                            continue
                        if roundup and not (_one_scene(x.claim, y.claim) or _one_person_shot(x, y)):
                            continue
                        story = _named_alike(x, y, same_story)
                        if (x, y) != (x0, y0):
                            if not _aligned_days_comparable(arts[i], arts[j], x, y, story):
                                continue
                        elif not _anchored_dates_comparable(arts[i], arts[j], x, y, story):
                            continue
                        c = _conflict(x, y)
                        c.confidence = round(min(1.0, c.confidence + ANCHORED_DATE_BONUS), 3)
                        c.explanation += (_CLAIMS_ANCHORED if _anchored_dates(x, y)
                                          else _SENTENCES_ANCHORED)
                        out.append(c)
    return out


_CLAIMS_ANCHORED = "; both accounts share a name, an address or a count"
_SENTENCES_ANCHORED = "; both sentences share a name, an address or a count"


def _one_scene(a: ClaimRecord, b: ClaimRecord) -> bool:
    """A claim of an article that reports from two towns (a round-up, a second incident) is
    about the other claim's scene when both name one town or one street. A count or a
    scene's words are not enough ("four people were shot" fits two incidents of a
    round-up), nor is a person: a police chief, a suspect or a victim is named at every
    moment of a story (a news briefing, a death in hospital, the suspect's own death)."""
    ta, tb = _towns(a), _towns(b)
    if any(same_words(p, q) or name_overlap(p, q) for p in ta for q in tb):
        return True
    return any(k.startswith("s:") for k in _date_anchors(a) & _date_anchors(b))


# Three words before a name that make its holder an official who speaks of the story
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:" + lexicon.alternatives("official_source_words.txt") + "|"
    + lexicon.alternatives("facts_official_title_words.txt") + r")\b", re.IGNORECASE)


# The one who shoots: "by suspect Ann Lee", "Ann Lee opened fire"
_SHOOTER_BEFORE = re.compile(r"\b(?:by|" + "|".join(sorted(_NOT_VICTIM_NOUNS)) + r")\b", re.IGNORECASE)
_SHOOTER_AFTER = re.compile(r"\s*(?:,[^,]{0,40},\s*)?(?:opened\s+fire|fired|shot\s+(?!(?:himself|herself)\b))",
                            re.IGNORECASE)


def _full_names(c: ClaimRecord) -> set[str]:
    """The people ``c`` names by a first name and a surname as someone shot: not as an
    official ("Police Chief Ann Lee", "said Ann Lee") nor as the one who shoots ("by suspect
    Ann Lee", "Ann Lee opened fire"): an official or a shooter is named at every moment."""
    out = set()
    for s in c.slots:
        if s.kind != "person" or s.unit == "pronoun" or len(s.value.split()) < 2:
            continue
        at, end = _rel(c, s.start), _rel(c, s.end)
        before = " ".join(c.text[:at].split()[-3:])
        if _OFFICIAL_BEFORE.search(before) or _SHOOTER_BEFORE.search(before):
            continue
        if _SHOOTER_AFTER.match(c.text, end):
            continue
        out.add(" ".join(s.value.lower().split()))
    return out


def _one_person_shot(x: Attribute, y: Attribute) -> bool:
    """Two dates of a round-up's story tied to the shooting by their own words (the verb or
    the noun right beside each: "the May 12 fatal shooting death of ... Mariah Pell",
    "Mariah Pell, who shot herself to death May 11") in claims naming one person by the
    same full name, not as an official: one shooting of that person, told on two days. A
    person named beside a date of a charge, a briefing or a death in hospital is not enough
    (:func:`_one_scene`)."""
    if not (_strictly_tied(x) and _strictly_tied(y)):
        return False
    return bool(_full_names(x.claim) & _full_names(y.claim))


def _named_alike(
    x: Attribute, y: Attribute, same_story: Callable[[str, str], bool] | None
) -> Callable[[str, str], bool] | None:
    """The story check of two anchored event dates: none when the two claims name one person
    by the same full name (a first name and a surname, "Vontay Price" in both), else
    ``same_story``. A person named in full in both claims ties them to one event more
    closely than the two articles' words do (a sentencing months on tells the shooting in
    other words than the first report)."""
    def full(c: ClaimRecord) -> set[str]:
        return {" ".join(s.value.lower().split()) for s in c.slots
                if s.kind == "person" and s.unit != "pronoun" and len(s.value.split()) >= 2}
    return None if full(x.claim) & full(y.claim) else same_story


#: Articles besides the one that differs that must give the story's day of the shooting
#: before a different day for it is a conflict without a name, address or count shared.
EVENT_DAY_SUPPORT = 2
#: Confidence added per article giving the story's day (up to three of them).
EVENT_DAY_BONUS = 0.1
#: A day of the shooting off the story's is reported against this many of the articles that
#: give the story's day (each pair of articles disagrees; the most alike claims first).
EVENT_DAY_PAIRS = 3
#: A day of the shooting further than this from the story's is another event, not a slip.
EVENT_DAY_GAP = 7


# A headline with a label before a colon, as in a list of links to other stories
_LINK_LABEL = re.compile(r"[A-Z][\w.'’ -]{0,24}:\s")
_NOT_ON_THE_DAY = re.compile(r"\b(?:by|until|till|through|since|as\s+of|still\s+\w+(?:\s+\w+)?)\s+$",
                             re.IGNORECASE)


def _event_day_known(a: Attribute) -> bool:
    """A single day the article ties to the shooting by its words (a modifier of its noun,
    or right after its verb), named by a weekday, a day of a month or a holiday ("during a
    Martin Luther King Day celebration": one day of the year), stated or resolved against
    the article's own publication day (a weekday without one says nothing). "Today" and
    "this morning" are left out (an article's day moves with its updates), and so are
    claims that relate two events ("two days after a girl was shot")."""
    if a.lo is None or a.lo != a.hi or (a.note == "relative" and published_day(a.claim) is None):
        return False
    surface = a.claim.text[_rel(a.claim, a.start):_rel(a.claim, a.end)]
    if not (_NAMED_DAY.search(surface) or _HOLIDAY.match(surface)):
        return False
    if _NOT_ON_THE_DAY.search(a.claim.text[:_rel(a.claim, a.start)]) or _TWO_EVENTS.search(a.claim.text):
        return False  # "by Monday", "until Friday", "as of Sunday": a state, not the event
    if _LINK_LABEL.match(a.claim.text):
        return False  # "Pittsburg: man killed in Sunday drive-by": a link to another story
    return a.claim.tense != "future" and _strictly_tied(a)


# "shortly after midnight", "just after midnight": the early hours of the day named, not late
_AFTER_MIDNIGHT = re.compile(r"\bafter\s+midnight\b", re.IGNORECASE)


def _late_only(text: str) -> bool:
    return bool(_LATE.search(text)) and not _EARLY_HOURS.search(text)


def _told_late(text: str) -> bool:
    """The day is told late in the day ("late Friday", "Friday night"); "shortly after
    midnight on Sunday" is Sunday's early hours, not late."""
    return bool(_LATE.search(_AFTER_MIDNIGHT.sub(" ", text)))


def _one_night(x: Attribute, y: Attribute) -> bool:
    """Two days a day apart told as one moment around midnight: the earlier told late in the
    day ("late Friday") and the later not late too, or the later told in the early hours
    ("early Saturday", "12:30 a.m. Saturday") and the earlier not. "Friday night" and
    "Saturday night" are two nights."""
    assert x.lo is not None and y.lo is not None
    if abs(x.lo - y.lo) != 1:
        return False
    earlier, later = (x, y) if x.lo < y.lo else (y, x)
    if _told_late(earlier.claim.text) and not _late_only(later.claim.text):
        return True
    return bool(_EARLY_HOURS.search(later.claim.text)) and not _EARLY_HOURS.search(earlier.claim.text)


def _week_off(x: Attribute, y: Attribute) -> bool:
    """``x``'s day against the story's day ``y``: a weekday on either side resolved to the same
    weekday seven days away is last week's, not another day; and a weekday ``x`` told in an
    article published more than a week after the story's day may name another moment's day."""
    assert x.lo is not None and y.lo is not None
    slots = [s for s in (_date_slot(x), _date_slot(y)) if s is not None and _weekday_like(s)]
    if slots and abs(x.lo - y.lo) % 7 == 0:
        return True
    sx = _date_slot(x)
    if sx is None or not _weekday_like(sx):
        return False
    pub = published_day(x.claim)
    return pub is None or pub - y.lo > EVENT_DAY_GAP


_DAY = Slot("date", "", "", None, None, "day", None, 0, 0)


def _compare_event_days(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    same_story: Callable[[str, str], bool] | None,
    roundups: set[str],
    reported: set[str],
) -> list[Conflict]:
    """The day of the shooting, per story: one article's day against the day the others give.

    Each article gives the days its claims tie to the shooting (:func:`_dates_the_event_day`:
    not the day of a charge, a find or a death in hospital). When at least
    ``EVENT_DAY_SUPPORT`` other articles give one day and no other day is given by two
    articles, a claim of another article that gives a different day, within a week, is a
    conflict with the most alike claim giving the story's day; the more articles agree, the
    surer. An article that gives the story's day elsewhere too is compared only on a claim
    that shares a name, an address, a count or a scene with the other's (else its other day
    may be another shooting it recalls). Around midnight ("late Friday" / "early Saturday")
    and a weekday a week off are one day; round-ups and claims already reported
    (``reported``: claim ids) are left out.
    """
    by_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    told_in_roundups: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if a.attribute == "date" and a.subject and _event_day_known(a):
            if a.article_id not in roundups:
                by_story[story_of(a.article_id)][a.article_id].append(a)
            else:
                told_in_roundups[story_of(a.article_id)][a.article_id].append(a)
    out: list[Conflict] = []
    for _story, per_article in sorted(by_story.items()):
        support: dict[float, set[str]] = defaultdict(set)
        for art, items in per_article.items():
            for a in items:
                assert a.lo is not None
                support[a.lo].add(art)
        ranked = sorted(support.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        day, backers = ranked[0]
        if len(backers) < EVENT_DAY_SUPPORT or (len(ranked) > 1 and len(ranked[1][1]) == len(backers)):
            continue
        # an article naming two towns tells its day of the shooting only where the claim
        # names the town the story's day is told of and shares a name, an address, a count or
        # a scene with the claims giving it ("Monday's shooting at a house party in
        # Bridgeport" in an article that also names a town nearby)
        story_towns = {t for o in backers for y in per_article[o] if y.lo == day for t in _towns(y.claim)}
        candidates = dict(per_article)
        for art, items in told_in_roundups.get(_story, {}).items():
            named = [x for x in items if _towns(x.claim) & story_towns]
            if named:
                candidates[art] = named
        for art, items in sorted(candidates.items()):
            others = [y for o in sorted(backers - {art}) for y in per_article[o] if y.lo == day]
            if len({y.article_id for y in others}) < EVENT_DAY_SUPPORT:
                continue
            if same_story is not None and not any(same_story(art, o) for o in backers - {art}):
                continue
            roundup = art not in per_article
            gives_day = art in backers or any(
                a.lo == day for a in told_in_roundups.get(_story, {}).get(art, []))
            for x0 in items:
                assert x0.lo is not None
                # a bare weekday read against the story's day, not only its article's date
                x = _weekday_near(x0, day) if abs(x0.lo - day) > ALIGNED_DAY_GAP else x0
                assert x.lo is not None
                moved = x is not x0
                if x.lo == day or abs(x0.lo - day) > EVENT_DAY_GAP or x.claim.id in reported:
                    continue
                if support[x0.lo] - {art}:
                    continue  # another article gives that day too: two moments, or two events
                fits = [
                    y for y in others
                    if not _one_night(x, y) and (moved or not _week_off(x, y))
                    and not same_words(x.claim.text, y.claim.text) and not _other_towns(x.claim, y.claim)
                    and (not gives_day or abs(x.lo - day) == 1 or _anchored_dates(x, y))
                    and (not roundup or _anchored_dates(x, y))
                ]
                if len({y.article_id for y in fits}) < EVENT_DAY_SUPPORT:
                    continue
                told = _weekday_like(_date_slot(x) or _DAY)

                def likeness(y: Attribute, x: Attribute = x, told: bool = told) -> tuple[object, ...]:
                    return (_anchored_dates(x, y), _weekday_like(_date_slot(y) or _DAY) == told,
                            len(_scene_words(x.claim) & _scene_words(y.claim)),
                            len(x.claim.words & y.claim.words),
                            -abs((published_day(y.claim) or 0) - (published_day(x.claim) or 0)),
                            y.claim.id)

                agree = len({f.article_id for f in fits})
                # each article giving the story's day disagrees with this one: the most alike
                # claim of each (up to EVENT_DAY_PAIRS articles, the most alike first)
                best: dict[str, Attribute] = {}
                for y in fits:
                    if y.article_id not in best or likeness(y) > likeness(best[y.article_id]):
                        best[y.article_id] = y
                for y in sorted(best.values(), key=likeness, reverse=True)[:EVENT_DAY_PAIRS]:
                    c = _conflict(y, x)
                    c.confidence = round(min(1.0, c.confidence + EVENT_DAY_BONUS * min(agree, 3)), 3)
                    c.explanation += f"; {agree} articles give the story's day of the shooting"
                    out.append(c)
    return out


#: Two ages of people an article does not name are one person's when they are this close.
UNNAMED_AGE_GAP = 2


def _compare_unnamed_ages(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """Ages of unnamed people: "wounded a 16-year-old male" vs "wounded a 15-year-old".

    Per pair of a story's articles, the ages both give are set aside; when exactly one age
    is left on each side, at least one of them unnamed, the two within ``UNNAMED_AGE_GAP``
    years, of no opposite gender, and their claims share a content word ("wounded",
    "court"), they are one person's age told two ways.
    """
    by_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if a.attribute == "age mentioned":
            by_story[story_of(a.article_id)][a.article_id].append(a)
    out: list[Conflict] = []
    for _story, per_article in sorted(by_story.items()):
        for art_x, art_y in combinations(sorted(per_article), 2):
            xa, ya = per_article[art_x], per_article[art_y]
            vx = {a.lo for a in xa}
            vy = {a.lo for a in ya}
            left_x, left_y = vx - vy, vy - vx
            if len(left_x) != 1 or len(left_y) != 1:
                continue
            x = next(a for a in xa if a.lo in left_x)
            y = next(a for a in ya if a.lo in left_y)
            if x.lo is None or y.lo is None or abs(x.lo - y.lo) > UNNAMED_AGE_GAP:
                continue
            if not _may_be_one_person(x, y):
                continue
            shared = {w for w in x.claim.words & y.claim.words if not w.startswith("@")}
            if not shared or same_words(x.claim.text, y.claim.text):
                continue
            if not _same_event(art_x, art_y, x, y, event_dates, same_story):
                continue
            c = _conflict(x, y)
            c.explanation = c.explanation.replace(
                f"age mentioned ({x.subject_name})", "the age of a person one article does not name"
            )
            # Two unnamed people of one age group are often two people (a victim and her
            # brother): below the default cut unless the caller asks for more.
            c.confidence = round(max(0.0, c.confidence - 0.2), 3)
            out.append(c)
    return out


def _compare_age_lists(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """Two lists of unnamed people's ages, aligned by order: "a 25-year-old man, a
    29-year-old man and a 33-year-old man" vs "a 25-year-old man, a 26-year-old man and a
    33-year-old man".

    Each list is one sentence's ages of people it does not name, three or more (a list of
    two is too often two other people: "his 4-year-old daughter and her 5-year-old sister").
    Two lists of one story's two articles (one event) are one list told twice when they are
    as long, no position has two genders, and all but one position agree; the one left is
    a conflict.
    """
    per_article: dict[str, list[Attribute]] = defaultdict(list)
    for a in attributes:
        if a.attribute == "age mentioned" and a.lo is not None and a.lo == a.hi:
            per_article[a.article_id].append(a)
    # one list per sentence: claims of one sentence overlap or sit beside each other
    per_sentence: list[list[Attribute]] = []
    for items in per_article.values():
        end = -1
        for a in sorted(items, key=lambda a: (a.claim.start, a.start)):
            if not per_sentence or per_sentence[-1][0].article_id != a.article_id \
                    or a.claim.start > end + 6 or (a.claim.start >= end
                                                    and not a.claim.text[:1].islower()):
                per_sentence.append([])  # (a claim of the same sentence goes on in lower case)
            per_sentence[-1].append(a)
            end = max(end, a.claim.end)
    lists: dict[str, list[list[Attribute]]] = defaultdict(list)
    for items in per_sentence:
        items = sorted({a.start: a for a in items}.values(), key=lambda a: a.start)
        if len(items) >= 3 and all(a.note.startswith("unnamed:") for a in items) \
                and not _PAST_CASE.search(items[0].claim.text):
            lists[story_of(items[0].article_id)].append(items)
    out: list[Conflict] = []
    for _story, found in sorted(lists.items()):
        for xs, ys in combinations(found, 2):
            x0, y0 = xs[0], ys[0]
            if x0.article_id == y0.article_id or len(xs) != len(ys):
                continue
            genders = [(x.note.partition(":")[2], y.note.partition(":")[2]) for x, y in zip(xs, ys, strict=True)]
            if any(gx and gy and gx != gy for gx, gy in genders):
                continue
            off = [i for i, (x, y) in enumerate(zip(xs, ys, strict=True)) if x.lo != y.lo]
            if len(off) != 1 or same_words(x0.claim.text, y0.claim.text):
                continue
            if not _same_event(x0.article_id, y0.article_id, x0, y0, event_dates, same_story):
                continue
            x, y = xs[off[0]], ys[off[0]]
            c = _story_conflict(replace(x, attribute="listed age"), replace(y, attribute="listed age"),
                                "the age of one person of a list both accounts give in order")
            c.explanation += f"; the other {len(xs) - 1} age(s) of the list agree"
            out.append(c)
    return out


def _may_be_one_person(x: Attribute, y: Attribute) -> bool:
    """Two ages ("age mentioned" or "victim age" notes: ``named:ID`` or ``unnamed:GENDER``)
    that may be one person's: not both named (the entity sheets compare a named person's
    ages; two names are two people) and not of opposite genders."""
    if x.note.startswith("named:") and y.note.startswith("named:"):
        return False
    return {x.note.partition(":")[2], y.note.partition(":")[2]} != {"male", "female"}


def _compare_victim_ages(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    names: Mapping[str, set[str]] | None = None,
) -> list[Conflict]:
    """The age of a story's one victim: "a 17-year-old boy who was shot inside a home" and
    "a 14-year-old boy who was shot inside a home", named or not.

    Only for a story of one victim: no article of it counts two or more people killed,
    injured or shot, and each of the two articles gives one age to the person shot. Two
    ages further apart than ``AGE_GAP``, of opposite genders, of two named people (the
    entity sheets compare one person's ages), or told in claims that share neither a gender
    nor a word of the scene ("boy", "home") nor, in their sentences (``names``:
    :func:`sentence_names`), a person, street or venue are left alone.
    """
    # (a round-up's tolls may be other towns': they do not make its story one of several)
    several, by_story = _victim_ages_by_story(attributes, story_of, _roundups(attributes))
    out: list[Conflict] = []
    for story, per_article in sorted(by_story.items()):
        if story in several:
            continue
        arts = sorted(a for a, items in per_article.items() if len(_distinct(items)) == 1)
        # (an article giving two ages to people shot tells of two victims: "Terrence Maxwell,
        # 15, and a 16-year-old boy were shot", however few its counts)
        for art_x, art_y in combinations(arts, 2):
            x, y = per_article[art_x][0], per_article[art_y][0]
            if x.lo is None or y.lo is None or x.lo == y.lo or abs(x.lo - y.lo) > AGE_GAP:
                continue
            if not _may_be_one_person(x, y):
                continue
            gx, gy = x.note.partition(":")[2], y.note.partition(":")[2]
            if not (gx and gx == gy) and not _scene_words(x.claim) & _scene_words(y.claim) \
                    and not _same_day_told(x.claim, y.claim) \
                    and not _named_in_both(x.claim, y.claim, names, _holders(x, y)):
                continue  # nothing ties the two people: "a man at the residence", "a woman"
            if same_words(x.claim.text, y.claim.text):
                continue
            if not _same_event(art_x, art_y, x, y, event_dates, same_story):
                continue
            c = _conflict(x, y)
            c.explanation = c.explanation.replace(
                f"victim age ({x.subject_name})", "the age of the story's one victim")
            out.append(c)
    return out


def sentence_names(claims: Iterable[ClaimRecord]) -> dict[str, set[str]]:
    """``sentence id -> the people, street addresses and venues its claims name``
    (:func:`_incident_names`), each key ending in ``!`` when it pins the sentence alone (a
    one-word name that opens a claim does not: a capitalised common word, "New details").
    A surname alone counts: "Lee is charged ..." names the Tom Lee another claim names in
    full."""
    out: dict[str, set[str]] = defaultdict(set)
    days: dict[str, set[float]] = defaultdict(set)
    for c in claims:
        out[_sentence_id(c)] |= {k + "!" if alone else k for k, alone in _incident_names(c).items()}
        days[_sentence_id(c)].update(s.lo for s in c.slots if s.kind == "date" and s.lo is not None
                                     and (s.unit or "").split("|")[0] == "day")
    # a sentence that gives two days tells two moments ("the gunman in the May 1 killing of
    # Lee was accused of shooting a 38-year-old man on June 5"): its names tie nothing
    for k, v in days.items():
        if len(v) > 1:
            out[k] = {_TWO_MOMENTS}
    return out


_TWO_MOMENTS = "two moments"


def _holders(*ages: Attribute) -> set[str]:
    """The named holders of ages (``named:ID`` notes), as :func:`_incident_names` keys."""
    return {"p:" + a.note.partition(":")[2] for a in ages if a.note.startswith("named:")}


def _named_in_both(a: ClaimRecord, b: ClaimRecord, names: Mapping[str, set[str]] | None,
                   holders: frozenset[str] | set[str] = frozenset()) -> bool:
    """The sentences of the two claims name one person, street address or venue, and on one
    side at least the name pins its sentence alone (:func:`sentence_names`): "Lee is charged
    in a shooting that wounded a 16-year-old" and "police arrested Tom Lee for the shooting
    that wounded a 15-year-old" tell one shooting. The person whose age one side gives
    (``holders``) ties nothing: "the gunman in the killing of Dorian Pell was accused of
    shooting a 38-year-old man" names Pell beside someone else's age, and a sentence that
    gives two days (:func:`sentence_names`) ties nothing."""
    told = [(names or {}).get(_sentence_id(c), set()) for c in (a, b)]
    if any(_TWO_MOMENTS in t for t in told):
        return False

    def named(c: ClaimRecord) -> dict[str, bool]:
        keys = {k + "!" if alone else k for k, alone in _incident_names(c).items()}
        keys |= (names or {}).get(_sentence_id(c), set())
        out: dict[str, bool] = {}
        for k in keys:
            out[k.rstrip("!")] = out.get(k.rstrip("!"), False) or k.endswith("!")
        return out

    na, nb = named(a), named(b)
    return any(na[k] or nb[k] for k in na.keys() & nb.keys() - holders)


def _victim_ages_by_story(
    attributes: Sequence[Attribute], story_of: Callable[[str], str], roundups: set[str],
) -> tuple[set[str], dict[str, dict[str, list[Attribute]]]]:
    """The stories an article's toll of two or more makes stories of several victims (the
    tolls of ``roundups`` left out), and each story's victim ages by article (not those
    told of a past case)."""
    several: set[str] = set()
    by_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        story = story_of(a.article_id)
        if a.attribute.split(" (")[0] in _TOLLS and a.lo is not None and a.lo >= 2:
            if a.article_id not in roundups:
                several.add(story)
        elif a.attribute == "victim age" and not _PAST_CASE.search(a.claim.text):
            by_story[story][a.article_id].append(a)
    return several, by_story


def _same_day_told(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims name a day, and the days they name are one ("was shot Monday afternoon" /
    "after being shot on Monday")."""
    days = [[d for d in c.slots if d.kind == "date" and (d.unit or "").startswith("day")
             and d.lo is not None and d.hi is not None] for c in (a, b)]
    return bool(days[0] and days[1]) and all(
        p.lo is not None and p.hi is not None and q.lo is not None and q.hi is not None
        and p.lo <= q.hi and q.lo <= p.hi for p in days[0] for q in days[1])


def _compare_odd_victim_ages(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """The one victim's age told two ways by one article, against another article's.

    "A 19-year-old boy died on New Year's Eve" and, further down, "responders found a
    16-year-old boy had been shot": in a story of one victim (no toll of two or more in any
    article) the article contradicts itself, and when another article gives one of its two
    ages ("a 16-year-old boy died"), the other age is the odd one out. The two ages must be
    told in two sentences, of people it does not name, of one gender on all three sides
    ("Terrence Maxwell, 15, and a 16-year-old boy were shot" tells of two victims).
    """
    ages_in: dict[str, set[float]] = defaultdict(set)
    for a in attributes:
        if a.attribute == "age mentioned" and a.lo is not None:
            ages_in[a.claim.id].add(a.lo)
    several, by_story = _victim_ages_by_story(attributes, story_of, set())
    out: list[Conflict] = []
    for story, per_article in sorted(by_story.items()):
        if story in several:
            continue
        for art, items in sorted(per_article.items()):
            told = _distinct(items)
            if len(told) != 2 or any(not t.note.startswith("unnamed:") for t in told):
                continue
            p, q = told
            gender = p.note.partition(":")[2]
            if not gender or q.note != p.note or _beside(p.claim, q.claim) \
                    or p.claim.id == q.claim.id:
                continue
            for other, theirs in sorted(per_article.items()):
                given = _distinct(theirs)
                if other == art or len(given) != 1 or given[0].note != p.note:
                    continue
                v = given[0]
                agree = [t for t in told if t.lo == v.lo]
                odd = [t for t in told if t.lo != v.lo]
                if len(agree) != 1 or len(odd) != 1 or same_words(odd[0].claim.text, v.claim.text):
                    continue
                if any(len(ages_in[t.claim.id]) > 1 for t in (*told, v)):
                    continue  # "a six-year-old boy is dead and his 11-year-old brother hurt"
                if not _same_event(art, other, odd[0], v, event_dates, same_story):
                    continue
                c = _conflict(odd[0], v)
                c.explanation = c.explanation.replace(
                    f"victim age ({odd[0].subject_name})", "the age of the story's one victim")
                c.explanation += f"; the first article also gives {v.value} elsewhere"
                out.append(c)
    return out


#: Ages of two described people further apart than this are two people's.
DESCRIBED_AGE_GAP = 2


@dataclass(slots=True)
class _Described:
    """One age an article gives, with what it tells of its person."""

    attr: Attribute
    role: str  # victim | suspect | ""
    gender: str  # male | female | ""
    named: str  # entity id or ""


def _described(a: Attribute, victims: set[tuple[str, int]]) -> _Described | None:
    age = next((s for s in a.claim.slots if s.kind == "quantity" and s.start == a.start), None)
    if age is None or a.lo is None:
        return None
    named = a.note.partition(":")[2] if a.note.startswith("named:") else ""
    holder = None
    if named:
        holder = min((s for s in a.claim.slots if s.entity_id == named),
                     key=lambda s: abs(s.start - age.start), default=None)
    victim = (a.claim.id, a.start) in victims
    suspect = is_suspect_age(a.claim, age, holder)
    role = "" if victim == suspect else ("victim" if victim else "suspect")
    return _Described(a, role, gender_of_age(a.claim, age, holder), named)


def _may_be_one(x: _Described, y: _Described) -> bool:
    """Nothing tells two ages apart as two people's: not two names, not opposite genders,
    not the person shot and the person held."""
    if x.named and y.named:
        return False
    if x.gender and y.gender and x.gender != y.gender:
        return False
    return not (x.role and y.role and x.role != y.role)


def _compare_described_ages(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """The age of the person held for the shooting, told two ways by two articles of one
    story: "The 15-year-old appeared in court" against "A 16-year-old boy appeared in
    court", even when the first article also gives "the 16-year-old's family" (an age of
    no role, which does not set the other article's 16 aside).

    Per pair of articles, an age of one that the other gives, with the same role, to a
    person who may be the same is set aside; an age of the person held left on one side
    that has exactly one such age left on the other within ``DESCRIBED_AGE_GAP`` years, and
    the other no candidate but it, is one person's age told two ways. Two named people,
    opposite genders, an article giving two ages within the gap to people of one
    description (two brothers, or itself torn), a story of several people held, and an age
    dated on a day far from the other article's event are left alone.
    """
    victims = {(a.claim.id, a.start) for a in attributes if a.attribute == "victim age"}
    # a story of several people held: two arrested, or one account giving two their ages
    held = {story_of(a.article_id) for a in attributes
            if a.attribute.startswith("arrested") and a.lo is not None and a.lo >= 2}
    by_story: dict[str, dict[str, list[_Described]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if a.attribute != "age mentioned" or _PAST_CASE.search(a.claim.text):
            continue
        d = _described(a, victims)
        if d is not None:
            by_story[story_of(a.article_id)][a.article_id].append(d)
    out: list[Conflict] = []
    for _story, per_article in sorted(by_story.items()):
        for art_x, art_y in combinations(sorted(per_article), 2):
            xs, ys = per_article[art_x], per_article[art_y]
            left_x = [x for x in xs if not any(_told_alike(x, y) for y in ys)]
            left_y = [y for y in ys if not any(_told_alike(x, y) for x in xs)]
            for x in left_x:
                cands = _age_candidates(x, left_y)
                if len(cands) != 1:
                    continue
                y = cands[0]
                if {id(d) for d in _age_candidates(y, left_x)} != {id(x)}:
                    continue
                if _torn(x, xs) or _torn(y, ys):
                    continue
                if _story in held or _two_held(xs) or _two_held(ys):
                    continue  # two of the people held, one told by each account
                if same_words(x.attr.claim.text, y.attr.claim.text):
                    continue
                if not _same_event(art_x, art_y, x.attr, y.attr, event_dates, same_story):
                    continue
                if (_dated_elsewhere(x.attr, event_dates.get(art_y, []))
                        or _dated_elsewhere(y.attr, event_dates.get(art_x, []))):
                    continue
                c = _conflict(x.attr, y.attr)
                c.explanation = c.explanation.replace(
                    f"age mentioned ({x.attr.subject_name})", "the age of the person held")
                c.attribute = "described age"
                # (from the base of "age mentioned" with _conflict's notes and hedges)
                c.confidence = round(c.confidence + _BASE_CONFIDENCE["described age"]
                                     - _BASE_CONFIDENCE["age mentioned"], 3)
                out.append(c)
    return out


def _dated_elsewhere(a: Attribute, other_dates: Sequence[Attribute]) -> bool:
    """The first date after the age in its claim (or the last before it), written with its
    number ("on May 5"), is more
    than ``ANCHORED_DATE_GAP`` days from every event date of the other article: "He was
    accused of shooting a 38-year-old man on May 5" is another shooting than December's."""
    days = [s for s in a.claim.slots if s.kind == "date" and (s.unit or "").split("|")[0] == "day"
            and s.lo is not None and s.hi is not None and any(ch.isdigit() for ch in s.surface)]
    if not days or not other_dates:
        return False
    after = [s for s in days if s.start >= a.end]
    # the date after the age that tells when its person was shot, or else the last before
    days = [min(after, key=lambda s: s.start)] if after else [max(days, key=lambda s: s.start)]
    gap = ANCHORED_DATE_GAP
    return not any(d.lo is not None and d.hi is not None and s.lo is not None and s.hi is not None
                   and d.lo - gap <= s.hi and s.lo - gap <= d.hi for s in days for d in other_dates)


def _two_held(own: Sequence[_Described]) -> bool:
    return len({d.attr.lo for d in own if d.role == "suspect"}) > 1


def _told_alike(x: _Described, y: _Described) -> bool:
    """Both articles give this age to a person who may be one: set aside. An age of no role
    ("the 16-year-old's family") does not set aside an age with one ("a 16-year-old was
    arrested"): the article may give its person's age twice, once with each value."""
    return x.attr.lo == y.attr.lo and _may_be_one(x, y) and x.role == y.role


def _tied(x: _Described, y: _Described) -> bool:
    """The two ages are told of the person held. (On the shared corpora, matching ages of
    people shot, or of one gender, across articles was wrong more often than right: a
    round-up's other victims, a witness, a second child; the one victim's age is compared
    by :func:`_compare_victim_ages`.)"""
    return x.role == y.role == "suspect"


def _age_candidates(x: _Described, others: Sequence[_Described]) -> list[_Described]:
    """One per value: the ages of the other article within the gap that may be the same
    person's and are told of a person of the same description."""
    seen: dict[float | None, _Described] = {}
    for y in others:
        if (x.attr.lo is not None and y.attr.lo is not None and x.attr.lo != y.attr.lo
                and abs(x.attr.lo - y.attr.lo) <= DESCRIBED_AGE_GAP and _may_be_one(x, y)
                and _tied(x, y)):
            seen.setdefault(y.attr.lo, y)
    return list(seen.values())


def _torn(x: _Described, own: Sequence[_Described]) -> bool:
    """The article gives another age within the gap to a person of the same description."""
    return any(o.attr.lo != x.attr.lo and o.attr.lo is not None and x.attr.lo is not None
               and abs(o.attr.lo - x.attr.lo) <= DESCRIBED_AGE_GAP
               and o.role == x.role and o.gender == x.gender for o in own)


#: Two times of the shooting whose stated moments lie this many minutes apart or more
#: disagree ("about 2:30 a.m." and "around 1:54 a.m."); closer, one time told roughly.
TIME_DISAGREE = 30
#: Times of the shooting further apart than this many minutes are two moments of the story
#: (a brawl in the evening, the shooting after midnight) or two shootings, not one told two ways.
TIME_OTHER_MOMENT = 180
#: Minutes "before"/"after" a time move its moment ("after 3 a.m." agrees with "3:30 a.m.").
TIME_HEDGE = 10
#: Characters between the shooting's word and the time it is told at ("was shot and killed
#: around 1:54 a.m.", "happened last night around 10:30").
TIME_TIE_REACH = 25


def _tied_time(a: Attribute) -> bool:
    """The time follows the shooting's own word closely, no other moment between."""
    text = a.claim.text
    at = _rel(a.claim, a.start)
    before = [m for m in _SHOOTING_MOMENT.finditer(text) if m.end() <= at]
    if not before:
        return False
    between = text[before[-1].end():at]
    return (len(between) <= TIME_TIE_REACH and not _OTHER_MOMENT.search(between)
            and not re.search(r"[,;]", between))


def _time_point(a: Attribute) -> float:
    """The moment the words state: "about 2:30" is 2:30, "just before 2 a.m." 1:50 and
    "after 3 a.m." 3:10 (``TIME_HEDGE`` minutes on the side the words give)."""
    assert a.lo is not None and a.hi is not None
    words = a.value.lower().split()
    if "before" in words:
        return a.hi - TIME_HEDGE
    if "after" in words:
        return a.lo + TIME_HEDGE
    return (a.lo + a.hi) / 2


def _compare_event_times(
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    roundups: set[str],
) -> list[Conflict]:
    """The time of day of the shooting, told right after its own word in two articles of
    one story ("a homicide that occurred at about 2:30 a.m." / "was shot and killed around
    1:54 a.m."): ``TIME_DISAGREE`` to ``TIME_OTHER_MOMENT`` minutes apart is a disagreement. An article
    giving two such times far apart (the brawl, then the shooting), a round-up, and two
    claims dating their moments on two days or placing them on two streets are left
    alone."""
    per_story: dict[str, dict[str, list[Attribute]]] = defaultdict(lambda: defaultdict(list))
    for a in attributes:
        if (a.attribute == "time" and a.lo is not None and a.hi is not None
                and a.article_id not in roundups and _tied_time(a) and a.claim.polarity > 0
                and not a.claim.modality):
            per_story[story_of(a.article_id)][a.article_id].append(a)
    out: list[Conflict] = []
    for _story, per_article in sorted(per_story.items()):
        told: dict[str, Attribute] = {}
        for art, items in sorted(per_article.items()):
            points = [_time_point(a) for a in items]
            if max(_minutes_apart(p, q) for p in points for q in points) < TIME_DISAGREE:
                told[art] = items[0]
        for art_x, art_y in combinations(sorted(told), 2):
            x, y = told[art_x], told[art_y]
            apart = _minutes_apart(_time_point(x), _time_point(y))
            if apart < TIME_DISAGREE or apart > TIME_OTHER_MOMENT:
                continue
            if (same_words(x.claim.text, y.claim.text) or _two_days(x.claim, y.claim)
                    or _two_streets(x.claim, y.claim)):
                continue
            if not _same_event(art_x, art_y, x, y, event_dates, same_story):
                continue
            c = _conflict(x, y)
            c.attribute = "event time"
            c.explanation = c.explanation.replace(f"time ({x.subject_name})",
                                                  f"the time of the shooting ({x.subject_name})")
            out.append(c)
    return out


def _minutes_apart(p: float, q: float) -> float:
    d = abs(p - q) % 1440
    return min(d, 1440 - d)


def _two_streets(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims place their moment on a street, no street the same: "shot about 8:20 p.m.
    on 46th Place" and "occurred about 9:20 p.m. on Ridge Road" are two shootings."""
    sa = [s.value for s in a.slots if s.kind == "place" and _streetlike(s.value)]
    sb = [s.value for s in b.slots if s.kind == "place" and _streetlike(s.value)]
    return bool(sa and sb) and not any(same_words(p, q) or name_overlap(p, q) for p in sa for q in sb)


_STREET_WORDS = lexicon.lower_words("street_words.txt")


def _streetlike(place: str) -> bool:
    """A street ("Ridge Road SE", "46th Place SE"), by its level or one of its words."""
    return _place_level(place) == "street" or any(
        w.strip(".,").lower() in _STREET_WORDS for w in place.split()[1:])


def _two_days(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims date their moment, on no common day."""
    da = [s for s in a.slots if s.kind == "date" and (s.unit or "").split("|")[0] == "day" and s.lo is not None]
    db = [s for s in b.slots if s.kind == "date" and (s.unit or "").split("|")[0] == "day" and s.lo is not None]
    return bool(da and db) and not any(p.lo == q.lo for p in da for q in db)


# "in the 5300 block of Noon Road": the block number and the street after it
_BLOCK = re.compile(r"\b(\d{1,2},?\d00|\d00)\s+block\s+of\s+(?:the\s+)?", re.IGNORECASE)
# a moment of the story told at another address: an arrest, a charge, a hearing, or a call
# or a dispatch (a report of shots, not the scene found)
_HELD_ELSEWHERE = re.compile(
    r"\b(?:arrest\w*|custody|booked|charged|court|hearing|jail|apprehended|surrendered|"
    r"dispatched|reports?\s+of|call(?:ed|s)?\s+(?:to|about|of))\b",
    re.IGNORECASE)
_DIRECTION_WORDS = lexicon.lower_words("street_direction_words.txt")
#: Block numbers of one street further apart than this are two addresses, not a corner.
BLOCK_GAP = 100


def _street_key(name: str) -> str:
    """"South Flores Street" and "S. Flores" alike: no direction, no street word."""
    words = [w.strip(".,").lower() for w in name.split()]
    return " ".join(w for w in words if w and w not in _DIRECTION_WORDS and w not in _STREET_WORDS)


def _blocks(c: ClaimRecord) -> list[tuple[str, int, int, int]]:
    """(street key, block number, start, end) for each "N block of STREET" of the claim."""
    out = []
    for m in _BLOCK.finditer(c.text):
        street = next((s for s in c.slots if s.kind in ("place", "person", "other")
                       and s.start == c.start + m.end()), None)
        if street is None:
            continue
        key = _street_key(street.value)
        if key:
            out.append((key, int(m.group(1).replace(",", "")), c.start + m.start(), street.end))
    return out


def _compare_blocks(
    claims_by_article: Mapping[str, list[ClaimRecord]],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
    roundups: set[str],
) -> list[Conflict]:
    """The block of the scene on one street, told two ways by two articles of one story:
    "in the 5300 block of Noon Road" and "in the 5000 block of Noon Road". Blocks
    ``BLOCK_GAP`` apart or less are a corner told from either side; an article giving two
    blocks of the street (the scene and where the shooter fled), a claim of an arrest, a
    charge or a hearing, and a round-up are left alone."""
    per_story: dict[str, dict[str, dict[str, list[tuple[int, ClaimRecord, int, int]]]]] = \
        defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for art, claims in sorted(claims_by_article.items()):
        if art in roundups:
            continue
        for c in claims:
            if c.polarity < 0 or c.modality or _HELD_ELSEWHERE.search(c.text):
                continue
            for key, number, start, end in _blocks(c):
                per_story[story_of(art)][key][art].append((number, c, start, end))
    out: list[Conflict] = []
    for story, streets in sorted(per_story.items()):
        for _street, per_article in sorted(streets.items()):
            told = {art: items[0] for art, items in per_article.items()
                    if len({n for n, *_ in items}) == 1}
            for art_x, art_y in combinations(sorted(told), 2):
                (nx, cx, sx, ex), (ny, cy, sy, ey) = told[art_x], told[art_y]
                if abs(nx - ny) <= BLOCK_GAP or same_words(cx.text, cy.text):
                    continue
                x = Attribute("story", story, f"story {story}", "block", cx.text[sx - cx.start: ex - cx.start],
                              float(nx), float(nx), cx, sx, ex)
                y = Attribute("story", story, f"story {story}", "block", cy.text[sy - cy.start: ey - cy.start],
                              float(ny), float(ny), cy, sy, ey)
                if _same_event(art_x, art_y, x, y, event_dates, same_story):
                    out.append(_story_conflict(x, y, "the block of the scene"))
    return out


def _story_conflict(x: Attribute, y: Attribute, label: str) -> Conflict:
    """The conflict of two story-level attributes of one moment (the block of the scene,
    where the one person killed died), explained with ``label`` instead of the story's key;
    never an update (neither value is a later state of the other)."""
    conflict = _conflict(x, y)
    conflict.explanation = conflict.explanation.replace(
        f"{x.attribute} ({x.subject_name})", label)
    conflict.update = False
    return conflict


def confirmed_by_claims(
    conflict: Conflict, affinity: Callable[[str, str], float], min_confidence: float
) -> bool:
    """Two claims a fact-sheet count conflict joins also disagree when compared directly.

    Event counts on the fact sheets are often a part or another shooting read as the event's
    count, so they are reported only with more confidence than a claim group's. Claims that
    claim grouping left apart (a story's sentences clustered in other groups) can still say
    the same thing in alike words: when the claims' own verdict (:func:`compare_pair`: one
    predicate, no partial or tally count, similar wording) finds the same number conflict,
    two independent readings agree and the conflict stands at the normal cut.
    """
    if conflict.kind != "number" or not conflict.attribute or conflict.attribute.split(" (")[0] \
            not in ("killed", "injured", "shot"):
        return False
    a, b = conflict.a, conflict.b
    verdict = compare_pair(a, b, similarity(a, b), affinity(a.article_id, b.article_id))
    return any(f.kind == "number" and f.confidence >= min_confidence for f in verdict.conflicts)


def _event_dates(attributes: Sequence[Attribute]) -> dict[str, list[Attribute]]:
    """``article_id -> its event-date attributes``."""
    out: dict[str, list[Attribute]] = defaultdict(list)
    for a in attributes:
        if a.attribute == "date":
            out[a.article_id].append(a)
    return out


def _claims_same_event(
    attributes: Sequence[Attribute], affinity: StoryAffinity,
) -> Callable[[ClaimRecord, ClaimRecord], bool]:
    """Whether two claims tell one event (:func:`_same_event` on their spans)."""
    event_dates = _event_dates(attributes)

    def same_event(p: ClaimRecord, q: ClaimRecord) -> bool:
        x = Attribute("story", "", "", "place", "", None, None, p, p.start, p.end)
        y = Attribute("story", "", "", "place", "", None, None, q, q.start, q.end)
        return _same_event(p.article_id, q.article_id, x, y, event_dates, affinity.same_story)

    return same_event


def _event_places(
    claims: Sequence[ClaimRecord], attributes: Sequence[Attribute],
    story_of: Callable[[str], str], affinity: StoryAffinity, persons: set[str],
) -> list[Conflict]:
    """The town of the event, compared between two articles' accounts of one moment
    (:mod:`.places`), for articles of one event by :func:`_same_event`."""
    return compare_event_places(claims, story_of, _claims_same_event(attributes, affinity), persons)


def _mirrored_sentences(
    claims: Sequence[ClaimRecord], attributes: Sequence[Attribute],
    story_of: Callable[[str], str], affinity: StoryAffinity,
) -> list[Conflict]:
    """Sentences two articles tell alike but for one name (:mod:`.mirrors`), for articles of
    one event by :func:`_same_event`."""
    return compare_mirrored_sentences(claims, story_of, _claims_same_event(attributes, affinity))


# Where the one killed died: "was pronounced dead at the scene" / "died at Christ Medical
# Center", "was taken to a hospital where he died"
_DEATH_VERB = r"(?:died|was\s+pronounced\s+dead|was\s+declared\s+dead)"
_DIED_AT_SCENE = re.compile(_DEATH_VERB + r"\s+(?:at|on)\s+the\s+scene\b", re.IGNORECASE)
_DIED_AT_HOSPITAL = re.compile(
    _DEATH_VERB + r"\s+(?:later\s+)?(?:at|in)\s+(?:an?\s+|the\s+)?(?:(?:area|local|nearby)\s+)?"
    r"(?:hospital\b|(?:[A-Z][\w'’.]*\s+){1,5}(?:Hospital|Medical\s+Cent(?:er|re))\b)"
    r"|\bhospital\b[^.;]{0,40}?\bwhere\s+(?:he|she|the\s+\w+)\s+(?:later\s+)?" + _DEATH_VERB,
)


def _death_places(c: ClaimRecord) -> list[tuple[str, int, int]]:
    out = []
    for value, pattern in (("at the scene", _DIED_AT_SCENE), ("in hospital", _DIED_AT_HOSPITAL)):
        for m in pattern.finditer(c.text):
            out.append((value, c.start + m.start(), c.start + m.end()))
    return out


#: Characters before a claim in which a date of the sentence before it is looked for.
DATED_BEFORE_REACH = 200


def _dated_before(claims: Sequence[ClaimRecord], i: int) -> list[Slot]:
    """Dates written with their number in the claims just before claim ``i`` of an article."""
    c = claims[i]
    return [s for o in claims[max(0, i - 4):i] if o.end >= c.start - DATED_BEFORE_REACH
            for s in o.slots if s.kind == "date" and (s.unit or "").split("|")[0] == "day"
            and s.lo is not None and any(ch.isdigit() for ch in s.surface)]


def _explicit_days_far(
    c: ClaimRecord, other_art: str,
    claims_by_article: Mapping[str, list[ClaimRecord]],
    event_dates: Mapping[str, list[Attribute]],
) -> bool:
    """The claim before ``c`` in its article dates its moment ("On July 27, 2015, ...") far
    from every event date of the other article: ``c`` may tell of that other case."""
    claims = claims_by_article.get(c.article_id, [])
    at = next((i for i, o in enumerate(claims) if o is c), 0)
    days = _dated_before(claims, at)
    other = event_dates.get(other_art, [])
    if not days or not other:
        return bool(days)
    return not any(d.lo is not None and d.hi is not None and s.lo is not None and s.hi is not None
                   and d.lo - ANCHORED_DATE_GAP <= s.hi and s.lo - ANCHORED_DATE_GAP <= d.hi
                   for s in days for d in other)


def _compare_death_places(
    claims_by_article: Mapping[str, list[ClaimRecord]],
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """Where the one person killed died: "He was pronounced dead at the scene" against
    "Lena Marsh was pronounced dead at Christ Medical Center". Only in a story of one
    death (no article counts two killed, none tells of the shooter dead) and for articles
    that give one place; a claim that denies it or hedges is left alone."""
    several = {story_of(a.article_id) for a in attributes
               if a.attribute.startswith("killed") and a.lo is not None and a.lo >= 2}
    several |= {story_of(a.article_id) for a in attributes if a.attribute == "shooter dead"}
    per_story: dict[str, dict[str, list[tuple[str, ClaimRecord, int, int]]]] = \
        defaultdict(lambda: defaultdict(list))
    for art, claims in sorted(claims_by_article.items()):
        story = story_of(art)
        if story in several:
            continue
        for i, c in enumerate(claims):
            if c.polarity < 0 or c.modality or _PAST_CASE.search(c.text):
                continue
            # "?": the claim before dates its moment ("On July 27, 2015, Kusaan Tolliver was
            # shot. The teen later died at Ellis Hospital"): checked against the other article
            flag = "?" if _dated_before(claims, i) else ""
            for value, start, end in _death_places(c):
                per_story[story][art].append((flag + value, c, start, end))
    out: list[Conflict] = []
    for story, per_article in sorted(per_story.items()):
        told = {art: items[0] for art, items in per_article.items()
                if len({v.lstrip("?") for v, *_ in items}) == 1}
        for art_x, art_y in combinations(sorted(told), 2):
            (vx, cx, sx, ex), (vy, cy, sy, ey) = told[art_x], told[art_y]
            if vx.lstrip("?") == vy.lstrip("?"):
                continue
            if (vx.startswith("?") and _explicit_days_far(cx, art_y, claims_by_article, event_dates)) or (
                    vy.startswith("?") and _explicit_days_far(cy, art_x, claims_by_article, event_dates)):
                continue
            vx, vy = vx.lstrip("?"), vy.lstrip("?")
            x = Attribute("story", story, f"story {story}", "death place", vx, None, None, cx, sx, ex)
            y = Attribute("story", story, f"story {story}", "death place", vy, None, None, cy, sy, ey)
            if _same_event(art_x, art_y, x, y, event_dates, same_story):
                out.append(_story_conflict(x, y, "where the one person killed died"))
    return out


#: Characters between "died" and the date it governs ("died Tuesday", "died early on May 3").
DEATH_DAY_REACH = 25
_DIED = re.compile(r"\b" + _DEATH_VERB, re.IGNORECASE)


def _death_days(c: ClaimRecord) -> list[Slot]:
    """The day ``c`` says someone died: the first single day right after "died" / "was
    pronounced dead" ("died Tuesday in a shooting", "died Friday, May 20"), with nothing
    between that opens another clause or tells the shooting ("died after he was shot
    Sunday", "died from a shooting on Sunday": the shooting's day), in a claim that asserts
    it of the past."""
    if c.polarity < 0 or c.modality or c.tense == "future" or _PAST_CASE.search(c.text):
        return []
    out: list[Slot] = []
    days = sorted((s for s in c.slots if s.kind == "date" and s.lo is not None and s.lo == s.hi
                   and (s.unit or "").split("|")[0] == "day"), key=lambda s: s.start)
    for m in _DIED.finditer(c.text):
        after = [s for s in days if _rel(c, s.start) >= m.end()]
        if not after:
            continue
        between = c.text[m.end():_rel(c, after[0].start)]
        if (len(between) > DEATH_DAY_REACH or _OTHER_CLAUSE.search(between)
                or _SHOOTING_MOMENT.search(between) or _OTHER_MOMENT.search(between)):
            continue
        out.append(after[0])
    return out


def _compare_death_days(
    claims_by_article: Mapping[str, list[ClaimRecord]],
    attributes: Sequence[Attribute],
    story_of: Callable[[str], str],
    event_dates: Mapping[str, list[Attribute]],
    same_story: Callable[[str, str], bool] | None,
) -> list[Conflict]:
    """The day the one person killed died, article against article: "Amiyah Bice died
    Tuesday" against "a two-year-old girl died Wednesday". Only in a story of one death (no
    article counts two killed or tells of the shooter dead), for articles that give one such
    day, at most ``EVENT_DAY_GAP`` days apart; days resolved against two publication days are
    compared as their dates allow (:func:`~.slots._resolved_days_comparable`), a weekday a
    week off is the same day, and two days around midnight ("died late Friday" / "died early
    Saturday") are one moment."""
    several = {story_of(a.article_id) for a in attributes
               if a.attribute.startswith("killed") and a.lo is not None and a.lo >= 2}
    several |= {story_of(a.article_id) for a in attributes if a.attribute == "shooter dead"}
    per_story: dict[str, dict[str, list[tuple[ClaimRecord, Slot]]]] = defaultdict(lambda: defaultdict(list))
    for art, claims in sorted(claims_by_article.items()):
        story = story_of(art)
        if story in several:
            continue
        for c in claims:
            for s in _death_days(c):
                per_story[story][art].append((c, s))
    out: list[Conflict] = []
    for story, per_article in sorted(per_story.items()):
        told = {art: items[0] for art, items in per_article.items()
                if len({s.lo for _, s in items}) == 1}
        for art_x, art_y in combinations(sorted(told), 2):
            (cx, sx), (cy, sy) = told[art_x], told[art_y]
            assert sx.lo is not None and sy.lo is not None
            gap = abs(sx.lo - sy.lo)
            if gap == 0 or gap > EVENT_DAY_GAP or _around_midnight(cx, sx, cy, sy):
                continue
            if (_relative(sx) or _relative(sy)) and not _resolved_days_comparable(
                    cx, sx, cy, sy, yearless_any_gap=True):
                continue
            if (_weekday_like(sx) or _weekday_like(sy)) and gap % 7 == 0:
                continue
            x = Attribute("story", story, f"story {story}", "death day", _date_text(sx), sx.lo, sx.hi,
                          cx, sx.start, sx.end, note="relative" if _relative(sx) else "")
            y = Attribute("story", story, f"story {story}", "death day", _date_text(sy), sy.lo, sy.hi,
                          cy, sy.start, sy.end, note="relative" if _relative(sy) else "")
            # the days in dispute do not decide whether the two articles tell one event
            others = {art: [a for a in dates if a.claim.id not in (cx.id, cy.id)]
                      for art, dates in event_dates.items()}
            if _same_event(art_x, art_y, x, y, others, same_story):
                out.append(_story_conflict(x, y, "the day the one person killed died"))
    return out


def _scene_blocks(
    claims: Sequence[ClaimRecord], attributes: Sequence[Attribute],
    story_of: Callable[[str], str], affinity: StoryAffinity,
) -> list[Conflict]:
    """The block of the scene compared per street (:func:`_compare_blocks`) and where the
    one person killed died (:func:`_compare_death_places`)."""
    event_dates = _event_dates(attributes)
    by_article: dict[str, list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    return [*_compare_blocks(by_article, story_of, event_dates, affinity.same_story, _roundups(attributes)),
            *_compare_death_places(by_article, attributes, story_of, event_dates, affinity.same_story)]


def build_fact_sheets(
    claims: Sequence[ClaimRecord],
    *,
    stories: Mapping[str, str] | None = None,
    affinity: StoryAffinity | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    entities: EntityFacts | None = None,
) -> FactSheets:
    """Extract and compare fact sheets for prepared claims.

    :param claims: prepared claims (:func:`claimcheck.compare.text.prepare`), in article order
    :param stories: ``article_id -> story key``; by default :func:`story_keys`
    :param affinity: story affinity of these claims (built when not given)
    :param min_confidence: conflicts below this confidence are left out
    :param entities: the whole corpus's :class:`EntityFacts` when ``claims`` are a block of
        whole stories; every comparison runs inside one story, so blocks give the same sheets
    """
    affinity = affinity or StoryAffinity(claims)
    story_map = dict(stories) if stories is not None else story_keys(claims, affinity)

    def story_of(article_id: str) -> str:
        return story_map.get(article_id) or "s" + article_id[:12]

    if entities is None:
        entities = EntityFacts()
        entities.add(claims)
    attributes = extract_attributes(claims, story_of, entities)
    conflicts = compare_attributes(attributes, story_of, same_story=affinity.same_story,
                                   min_confidence=min_confidence, datelines=dateline_towns(claims),
                                   sentences=sentence_anchors(claims), names=sentence_names(claims))
    # what each story says of its people (another story's "John Smith, 45" may be another man)
    evidence: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set)))
    for a in attributes:
        if a.subject_kind == "entity" and a.subject and a.attribute in ("age", "role", "residence") and not a.note:
            evidence[story_of(a.article_id)][a.subject][a.attribute].add(a.value)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in _scene_blocks(claims, attributes, story_of, affinity)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    by_article: dict[str, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article_id].append(claim)
    conflicts.extend(c for c in _compare_death_days(by_article, attributes, story_of, _event_dates(attributes),
                                                    affinity.same_story)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in _compare_shot_with_injured(attributes, claims, story_of,
                                                           affinity.same_story)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in _event_places(claims, attributes, story_of, affinity, entities.persons)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in _mirrored_sentences(claims, attributes, story_of, affinity)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in compare_names(claims, story_of, evidence, same_story=affinity.same_story)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in compare_holdings(extract_holdings(claims), claims, story_of,
                                                 same_story=affinity.same_story)
                     if c.confidence >= min_confidence and c.id not in known)
    known = {c.id for c in conflicts}
    conflicts.extend(c for c in compare_deeds(claims, story_of, same_story=affinity.same_story)
                     if c.confidence >= min_confidence and c.id not in known)
    conflicts.sort(key=lambda c: (-c.confidence, c.id))
    return FactSheets(attributes=attributes, conflicts=conflicts, stories=story_map)
