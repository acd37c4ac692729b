"""Claim frames: what a claim says, slot by slot, ready to be aligned with another claim's.

A frame holds the predicate words, the participants (people and organisations) with the role
each holds, the dates in text order, the places named after a locative preposition, the
counts keyed by what they count, and ordinal repetitions ("for the third time"). Two claims
are compared by aligning their frames, not by requiring the two sentences to look alike:
"X met Y and Z on 12 May" and "X met Y on 14 May" align X, Y and the dates; Z is extra detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicon
from .model import ClaimRecord, Slot
from .slots import _is_place, _partial, _place_level, _quantity_role, _role_of, _vague
from .text import name_overlap

_PARTICIPANT_KINDS = ("person", "org")

#: Nouns that count anyone: "3 people were killed" and "3 were killed" count the same thing.
_GENERIC_NOUNS = frozenset({"", "person", "people", "individual", "victim"})

_ORDINALS = {w: int(n) for w, n in lexicon.pairs("ordinals.txt")}
_ORDINAL_TIME = re.compile(
    r"\bfor\s+(?:the|a)\s+(" + "|".join(_ORDINALS) + r")\s+(?:straight\s+|consecutive\s+)?"
    r"(time|year|day|week|month|season|term)\b",
    re.IGNORECASE,
)


_SMALL_NUMBERS = {w: int(n) for w, n in lexicon.pairs("repetition_numbers.txt")}
# "three times", "12 times", "twice": how often, when the quantity finder left it out
_MULTIPLE = re.compile(
    r"\b(once|twice|thrice|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\d{1,3})\s+times)\b(?!\s+(?:as|more|less|higher|lower|larger|smaller|bigger)\b)",
    re.IGNORECASE,
)


def _multiple_value(text: str) -> int | None:
    word = text.lower().split()[0]
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word)


# What counts how often something happened: "his second win" and "for the third time" both
# count the same wins.
_OCCURRENCE_CLASS = {
    "time": "time", "win": "time", "victory": "time", "title": "time", "triumph": "time",
    "crown": "time",
}
# "the fourth solar mission", "its third launch", "his second win": an ordinal that counts
# occurrences of one kind of thing (an ordinal of a period, "the second quarter", is not one)
_ORDINAL_NOUN = re.compile(
    r"(?:\b(?:the|its|his|her|their|our)|['’]s)\s+(" + "|".join(_ORDINALS) + r")\s+"
    r"(?:[a-z]+\s+)?(" + lexicon.alternatives("occurrence_nouns.txt") + r")\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Count:
    """A number in a claim with what it counts: ``key`` is the kind, noun and event word."""

    slot: Slot
    kind: str  # count | money | percent | age | times | measure | ...
    noun: str
    event: str
    partial: bool
    vague: bool
    holder: str | None = None  # for ages: the person the age belongs to


@dataclass(slots=True)
class Frame:
    """The aligned-comparison view of one claim."""

    participants: list[Slot] = field(default_factory=list)
    roles: dict[str, Slot] = field(default_factory=dict)
    dates: list[Slot] = field(default_factory=list)
    places: list[Slot] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    ordinals: dict[str, tuple[int, str]] = field(default_factory=dict)
    predicate: set[str] = field(default_factory=set)


def participant_key(slot: Slot) -> str:
    return slot.entity_id or slot.value


def _age_holder(c: ClaimRecord, age: Slot) -> str | None:
    """The person an age belongs to: "Carl Ostby, 31," or "31-year-old Lena Marsh".

    Only those two tight patterns count: in "a 3-year-old boy, and Paula Nino" the age is
    not Nino's.
    """
    rel_start, rel_end = age.start - c.start, age.end - c.start
    # "N-year-old" reads forward to the name after it; a bare "N" back to the name before.
    forward = bool(_YEAR_OLD.search(age.surface))
    for s in c.slots:
        if s.kind != "person" or s.unit == "pronoun":
            continue
        if s.end <= age.start and not forward:
            between = c.text[s.end - c.start: rel_start]
            if _AGE_AFTER_NAME.fullmatch(between):
                return participant_key(s)
        elif s.start >= age.end and forward:
            between = c.text[rel_end: s.start - c.start]
            if _NAME_AFTER_AGE.fullmatch(between):
                return participant_key(s)
    return None


_AGE_AFTER_NAME = re.compile(r"\s*,\s*(?:aged?\s+)?|\s+\(")
_YEAR_OLD = re.compile(r"year[- ]old$", re.IGNORECASE)
_NAME_AFTER_AGE = re.compile(r"\s+(?:[a-z]+\s+){0,2}", re.IGNORECASE)


def build_frame(c: ClaimRecord) -> Frame:
    """The frame of a prepared claim (``prepare`` must have filled ``words``)."""
    frame = Frame()
    for s in c.slots:
        if s.kind in _PARTICIPANT_KINDS and s.unit != "pronoun":
            frame.participants.append(s)
            role = _role_of(c, s)
            if role:
                # the name nearest the role wins: "X has appointed Y as its chief executive"
                frame.roles[role] = s
        elif s.kind == "date" and s.lo is not None and s.hi is not None:
            frame.dates.append(s)
        elif s.kind == "quantity" and s.lo is not None and s.hi is not None:
            role = _quantity_role(c, s)
            unit, _, event = role.partition("|")
            kind, _, noun = unit.partition(":")
            count = Count(s, kind, noun, event, _partial(c, s), _vague(s))
            if kind == "age":
                count.holder = _age_holder(c, s)
            frame.counts.append(count)
        if _is_place(c, s) and _place_level(s.value) == "local":
            frame.places.append(s)
    frame.dates.sort(key=lambda s: s.start)
    # "twice" / "three times": read here for both claims alike (the quantity finder may
    # have read one side and not the other), compared as a repetition, not as a count.
    for m in _MULTIPLE.finditer(c.text):
        n = _multiple_value(m.group(1))
        if n is not None:
            frame.ordinals.setdefault("times", (n, m.group(0)))
            start, end = c.start + m.start(), c.start + m.end()
            frame.counts = [
                x for x in frame.counts
                if not (x.kind == "times" and x.slot.start < end and start < x.slot.end)
            ]
            break
    for m in _ORDINAL_TIME.finditer(c.text):
        key = _OCCURRENCE_CLASS.get(m.group(2).lower(), m.group(2).lower())
        frame.ordinals.setdefault(key, (_ORDINALS[m.group(1).lower()], m.group(0)))
    for m in _ORDINAL_NOUN.finditer(c.text):
        noun = m.group(2).lower()
        key = _OCCURRENCE_CLASS.get(noun, noun)
        frame.ordinals.setdefault(key, (_ORDINALS[m.group(1).lower()], m.group(0)))
    frame.predicate = {w for w in c.words if not w.startswith("@")}
    return frame


def counts_align(x: Count, y: Count) -> bool:
    """Two numbers count the same thing: same kind, same event word, compatible nouns."""
    if x.kind != y.kind:
        return False
    if x.kind == "age":
        return x.holder is not None and x.holder == y.holder
    if x.event != y.event:
        return False
    if x.noun == y.noun:
        return True
    return x.noun in _GENERIC_NOUNS and y.noun in _GENERIC_NOUNS


def match_participants(a: Frame, b: Frame) -> tuple[int, list[Slot], list[Slot]]:
    """How many participants of each side the other names, and those it does not."""
    shared = 0
    only_a: list[Slot] = []
    for x in a.participants:
        if any(_same_participant(x, y) for y in b.participants):
            shared += 1
        else:
            only_a.append(x)
    only_b = [y for y in b.participants if not any(_same_participant(x, y) for x in a.participants)]
    return shared, only_a, only_b


def _same_participant(x: Slot, y: Slot) -> bool:
    return bool((x.entity_id and x.entity_id == y.entity_id) or name_overlap(x.value, y.value))
