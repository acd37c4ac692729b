"""Slot helpers: how two normalised values relate, what a number counts, roles, places."""

from __future__ import annotations

import datetime as dt
import math
import re

from .. import lexicon
from ..dates import format_interval
from ..entities import gazetteer_level
from .model import ClaimRecord, Slot
from .text import NEG_TOKEN, WORD_RE, same_words, stem


def _interval_relation(a: Slot, b: Slot) -> str:
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    # The same words state the same value. Two copies of "on Monday" resolved against two
    # different publication dates are one (syndicated or re-used) statement, not two.
    if a.lo == b.lo and a.hi == b.hi or same_words(a.surface, b.surface):
        return "equal"
    if a.lo <= b.lo and b.hi <= a.hi:
        return "contains"
    if b.lo <= a.lo and a.hi <= b.hi:
        return "within"
    if a.hi < b.lo or b.hi < a.lo:
        return "disjoint"
    return "overlap"


def _date_text(slot: Slot) -> str:
    if slot.lo is None or slot.hi is None:
        return slot.value
    granularity = (slot.unit or "day").split("|")[0]
    return format_interval(
        dt.date.fromordinal(int(slot.lo)), dt.date.fromordinal(int(slot.hi)), granularity
    )


def _relative(slot: Slot) -> bool:
    return (slot.unit or "").endswith("|relative")


def _quantity_text(slot: Slot) -> str:
    noun = (slot.unit or "").partition(":")[2]
    surface = " ".join(slot.surface.split())
    bare = not any(ch.isalpha() for ch in surface)
    return surface + (f" ({noun})" if noun and bare else "")


_EVENT_WORD = re.compile(
    r"\b(" + lexicon.alternatives("count_event_words.txt") + r")\b",
    re.IGNORECASE,
)
_EVENT_CLASS = dict(lexicon.pairs("event_classes.txt"))


def _quantity_role(c: ClaimRecord, slot: Slot) -> str:
    """What a number counts in its claim: its noun plus the nearest event word after it."""
    noun = (slot.unit or "")
    after = c.text[slot.end - c.start: slot.end - c.start + 40]
    before = c.text[max(0, slot.start - c.start - 25): slot.start - c.start]
    m = _EVENT_WORD.search(after) or _EVENT_WORD.search(before)
    if m is None and _TOLL.search(c.text[: max(0, slot.start - c.start)]):
        return f"{noun}|death"  # "the death toll from the floods stands at 12"
    event = ""
    if m:
        word = m.group(1).lower()
        event = _EVENT_CLASS.get(word, "fatal" if word.startswith("fatal") else word)
        if word.startswith("injur"):
            event = "injury"
    return f"{noun}|{event}"


_TOLL = re.compile(r"\b(?:death\s+)?toll\b", re.IGNORECASE)
_CONFLICT_QUANTITY_KINDS = ("count", "money", "percent", "age", "times")
_PARTIAL = re.compile(r"\b(?:other|others|more|additional|another|of them|of the)\b", re.IGNORECASE)
# "nine people injured, including one person in critical condition": one of the nine
_INCLUDING = re.compile(r"\b(?:including|among\s+them)\s*$", re.IGNORECASE)


def _weekday_like(slot: Slot) -> bool:
    """A date with no number in it ("Friday", "tonight", "last week"): resolved, not stated."""
    return _relative(slot) and not any(ch.isdigit() for ch in slot.surface)


def published_day(c: ClaimRecord) -> int | None:
    """The claim's publication date as a day ordinal, or None when it has none or no ISO date."""
    if not c.published:
        return None
    try:
        return dt.date.fromisoformat(c.published).toordinal()
    except ValueError:
        return None


def _each_reported_at_the_time(a: ClaimRecord, x: Slot, b: ClaimRecord, y: Slot) -> bool:
    """Two articles published weeks apart, each dating the event to just before its own
    publication: two events of the same kind (a shooting at the same park a year later), not
    two accounts of one event."""
    pa, pb = published_day(a), published_day(b)
    if pa is None or pb is None or x.lo is None or y.lo is None:
        return False
    if abs(pa - pb) <= 14:
        return False
    return pa - 21 <= x.lo <= pa + 1 and pb - 21 <= y.lo <= pb + 1


#: Articles published at most this many days apart compare the days their relative dates
#: ("on Sunday", "Nov. 9") resolve to; further apart, only dates stated in full are compared.
RELATIVE_PUBLISHED_GAP = 6
#: Days without a year ("Aug. 12") of articles published far apart are compared only when
#: this close: further apart they are more often two moments (a hearing set, then reset).
YEARLESS_GAP = 7
#: Two weekday-resolved days further apart than this are not one day told two ways: each
#: weekday lies within the week before its article, so this is two weeks (another event).
WEEKDAY_WINDOW = 6


def _resolved_days_comparable(
    a: ClaimRecord, x: Slot, b: ClaimRecord, y: Slot, *, yearless_any_gap: bool = False
) -> bool:
    """Two dates, one of them resolved against its article's publication date, can be told
    apart by the days they resolve to.

    Each article's relative dates are resolved against its own publication date, so "Friday"
    in a Saturday article and "Friday" in a Monday article resolve to the same day and
    "Saturday" in the Monday article to the next one: the resolved days are what is compared,
    not the words. For a weekday that holds while the two articles are published within a
    week of each other (a weekday is read as the most recent such day); two weekdays that
    resolve more than six days apart are two different weeks, not one day told two ways. A
    month and day without a year ("Aug. 12") only had its year resolved: with
    ``yearless_any_gap`` it is compared whatever the publication dates when the two days are
    at most ``YEARLESS_GAP`` apart and neither claim looks ahead, and never with the same
    day of another year.
    Days a day apart around midnight ("late Sunday", "early Monday") are one moment.
    """
    pa, pb = published_day(a), published_day(b)
    if pa is None or pb is None:
        return False
    if _same_day_of_year(x, y):
        return False  # "Nov. 1" and "November 1, 2016": the year of a yearless day is a guess
    if pa == pb:
        return True
    if any((s.unit or "day").split("|")[0] != "day" for s in (x, y)):
        return False  # "more than 20 years ago", "last month": no day to compare
    if _relative(x) and _relative(y) and x.lo == pa and y.lo == pb:
        return False  # "tonight" in each: every article tells of the day it was written
    if any(_LAST_WEEKDAY.match(s.surface) for s in (x, y)):
        return False  # "last Sunday": the latest Sunday, or the one of last week
    if _around_midnight(a, x, b, y):
        return False
    if (yearless_any_gap and not (_weekday_like(x) or _weekday_like(y))
            and _gap_days(x, y) <= YEARLESS_GAP and "future" not in (a.tense, b.tense)):
        return True  # "Aug. 12": only the year was resolved, and a year off is not compared
    if abs(pa - pb) > RELATIVE_PUBLISHED_GAP:
        return False
    return not (_weekday_like(x) and _weekday_like(y) and _gap_days(x, y) > WEEKDAY_WINDOW)


def _same_day_of_year(x: Slot, y: Slot) -> bool:
    """Two single days with the same month and day in different years."""
    if x.lo is None or y.lo is None or x.lo != x.hi or y.lo != y.hi or x.lo == y.lo:
        return False
    dx, dy = dt.date.fromordinal(int(x.lo)), dt.date.fromordinal(int(y.lo))
    return (dx.month, dx.day) == (dy.month, dy.day)


_LAST_WEEKDAY = re.compile(r"\s*last\s+[A-Z][a-z]+day\b", re.I)
# An evening or late-night side and an early-hours side: one moment around midnight.
_LATE = re.compile(r"\b(?:night|tonight|late|evening|midnight|overnight)\b", re.I)
_EARLY_HOURS = re.compile(r"\b(?:early|midnight|overnight|\d{1,2}(?::\d\d)?\s*a\.?\s?m\b)", re.I)


def _around_midnight(a: ClaimRecord, x: Slot, b: ClaimRecord, y: Slot) -> bool:
    """"late Sunday" and "12:30 a.m. Monday": two days a day apart, the earlier told late in
    the day, or the later in the early hours and the earlier not, are one moment around
    midnight. "Early Saturday" and "early Sunday" are a day apart."""
    if x.lo is None or y.lo is None or abs(x.lo - y.lo) != 1:
        return False
    (earlier, _), (later, _) = sorted(((a, x), (b, y)), key=lambda p: p[1].lo or 0.0)
    if _LATE.search(earlier.text):
        return True
    return bool(_EARLY_HOURS.search(later.text)) and not _EARLY_HOURS.search(earlier.text)


# a weekday's own name in a date's words ("on Tuesday", "late Friday night")
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _weekday_name_disagrees(a: ClaimRecord, x: Slot, b: ClaimRecord, y: Slot) -> bool:
    """One of two single days is a weekday resolved against its article's publication day
    ("on Wednesday"), the other a day written with its number ("on Tuesday, 7 May", "on 7
    May"), and they lie fewer than seven days apart: the weekday named is not the weekday of
    the written day, whatever week it was resolved to. A resolved weekday may be a week off
    (same name, seven days apart: the tolerance kept), but not another day of the week. Not
    for "today", "yesterday" or "tonight" (no weekday named: an article's day moves with its
    updates), nor for two days told as one moment around midnight ("late Monday" against
    "early on 8 May")."""
    if x.lo is None or y.lo is None or x.lo != x.hi or y.lo != y.hi:
        return False
    if _weekday_like(x) == _weekday_like(y):
        return False
    vague = x if _weekday_like(x) else y
    if not _WEEKDAY_NAME.search(vague.surface):
        return False
    gap = abs(x.lo - y.lo)
    if gap == 0 or gap % 7 == 0 or gap > 7:
        return False
    if _around_midnight(a, x, b, y):
        return False
    # one moment dated: the same verb before each date ("convicted Ann Lee of fraud on
    # Tuesday, 7 May" / "was convicted of fraud on Wednesday"), not the day of an
    # arraignment against the day of the killing, nor "signed the budget" against
    # "approved the budget"
    vx, vy = _verb_before_date(a, x), _verb_before_date(b, y)
    return vx is not None and vx == vy


#: Words a date's verb may stand back from it ("approved the harbour budget on Tuesday").
DATE_VERB_REACH = 6
# Past forms that do not end in -ed
_IRREGULAR_PAST = lexicon.lower_words("irregular_past_verbs.txt")


def _verb_before_date(c: ClaimRecord, s: Slot) -> str | None:
    """The stem of the past verb nearest before the date ``s`` in ``c``'s own words, at most
    ``DATE_VERB_REACH`` words back: "killed" in "was shot and killed early on Friday",
    "convicted" in "convicted Ann Lee of fraud on 7 May", "approved" in "approved the
    harbour budget on Tuesday". None when there is none, or the date cannot be found in
    the claim's text."""
    at = s.start - c.start
    if not (0 <= at <= len(c.text)) or not c.text[at:].startswith(s.surface[:3]):
        at = c.text.find(s.surface)
        if at < 0:
            return None
    for w in list(reversed(WORD_RE.findall(c.text[:at])))[:DATE_VERB_REACH]:
        low = w.lower()
        if w[:1].islower() and (low.endswith("ed") or low in _IRREGULAR_PAST):
            return stem(low)
    return None


def _gap_days(x: Slot, y: Slot) -> float:
    assert x.lo is not None and x.hi is not None and y.lo is not None and y.hi is not None
    return max(y.lo - x.hi, x.lo - y.hi, 0.0)


_NEG_SCOPE_SKIP = lexicon.words("negation_scope_skip.txt")


def _negated_word_shared(negative: ClaimRecord, positive: ClaimRecord) -> bool:
    """The word a negation applies to also stands in the other claim.

    "did not confirm the merger" vs "confirmed the merger": "confirm" is in both. "were not
    willing to talk" vs "talked": "willing" is not, so the claims do not contradict.
    """
    m = NEG_TOKEN.search(negative.text)
    if m is None:
        return False
    for word in WORD_RE.findall(negative.text, m.end()):
        low = word.lower()
        if low in _NEG_SCOPE_SKIP:
            continue
        return stem(low) in positive.words
    return False


_PARTIAL_AFTER = re.compile(
    r"\s*(?:more|other|others|additional|of\s+(?:the|them|those|these|his|her|their))\b",
    re.IGNORECASE,
)


def _vague(slot: Slot) -> bool:
    """"several", "dozens", "hundreds of": no number is stated, only a rough size."""
    return not any(ch.isdigit() for ch in slot.surface) and slot.lo != slot.hi and not (
        slot.hi is not None and math.isinf(slot.hi)
    )


def _partial(c: ClaimRecord, slot: Slot) -> bool:
    """"two other men", "four more were wounded": a count of part of the whole."""
    before = c.text[max(0, slot.start - c.start - 12): slot.start - c.start]
    after = c.text[slot.end - c.start: slot.end - c.start + 12]
    # "more than 1,000" is a bound, not a part: only "four more", "two other men" are parts.
    surface = _BOUND_WORDS.sub(" ", slot.surface)
    before = _BOUND_WORDS.sub(" ", before)
    after_long = c.text[slot.end - c.start: slot.end - c.start + 40]
    return bool(
        _PARTIAL.search(surface) or _PARTIAL.search(before) or _PARTIAL_AFTER.match(after)
        or _INCLUDING.search(before)
        or _SUBSET_PLACE.match(after_long)
    )


# "two people in the restaurant", "three inside the house": the ones at one spot, a part
# of the whole (a proper name after the preposition names the story's place instead).
_SUBSET_PLACE = re.compile(r"\s*(?i:in|at|inside|outside|near)\s+(?i:the)\s+[a-z]")


_BOUND_WORDS = re.compile(r"\b(?:more|fewer|less)\s+than\b|\bno\s+more\b", re.IGNORECASE)


def _role_label(role: str) -> str:
    """Readable name of what a number counts: "death toll", "amount", "vehicle count"."""
    unit, _, event = role.partition("|")
    kind, _, noun = unit.partition(":")
    if kind == "money":
        return "amount"
    if kind == "age":
        return "age"
    if event == "death":
        return "death toll"
    if event == "injury":
        return "injured count"
    if event:
        return f"{event} count"
    return f"{noun} count" if noun else "count"



_AS_ROLE = re.compile(
    r"\bas\s+(?:(?:its|the|their|his|her|a|an)\s+)?(?:(?:new|next|interim|acting|permanent)\s+)?"
    r"((?:[a-z]+\s+){0,2}?(?:" + lexicon.alternatives("role_words.txt") + r"))\b",
    re.IGNORECASE,
)


_ROLE_WORDS = (
    "(?:"
    + lexicon.alternatives("role_words.txt")
    + "|"
    + lexicon.alternatives("role_words_apposition.txt")
    + ")"
)
# "Amir Dov, the group's spokesman," / "Amir Dov, its chief executive"; never "Amir Dov, a
# spokesman": one of several, so another spokesman named elsewhere is no disagreement
_APPOSITION_ROLE = re.compile(
    r"^\s*,\s+(?:the|its|their|his|her)\s+((?:[\w'’.-]+\s+){0,3}?" + _ROLE_WORDS + r")\b",
    re.IGNORECASE,
)
# "the minister's deputy, Lena Berg" / "the company's chief executive, Ann Holm"
_ROLE_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her)\s+((?:[\w'’.-]+\s+){0,3}?" + _ROLE_WORDS + r")\s*,\s*$",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\b(?:led|headed|chaired|run|coached|managed)\s+by\s+$", re.IGNORECASE)


def _role_of(c: ClaimRecord, slot: Slot) -> str | None:
    """The role a person holds in a claim.

    A title before the name ("Finance Minister Berg"), "as <role>" after it, an apposition
    ("Dov, the group's spokesman"), a role before a comma ("the minister's deputy, Berg"),
    or "led by Berg" (the leader of whatever the claim is about).
    """
    if slot.unit and slot.unit != "pronoun":
        return slot.unit.lower()
    rel_start, rel_end = slot.start - c.start, slot.end - c.start
    m = _AS_ROLE.search(c.text, rel_end)
    if m and m.start() - rel_end < 80:
        return " ".join(m.group(1).lower().split())
    m = _APPOSITION_ROLE.match(c.text[rel_end: rel_end + 80])
    if m:
        return _clean_role(m.group(1))
    before = c.text[max(0, rel_start - 60): rel_start]
    m = _ROLE_BEFORE.search(before)
    if m:
        return _clean_role(m.group(1))
    if _LED_BY.search(before[-30:]):
        return "leader"
    return None


def _clean_role(text: str) -> str:
    """"group's spokesman" -> "group's spokesman" lowercased, spacing normalised."""
    return " ".join(text.lower().replace("’", "'").split())


_STREET_WORDS = lexicon.words("street_words.txt")


def _place_level(name: str) -> str:
    """"country" or "state" for names in the gazetteer, "street" for addresses, else "local"."""
    level = gazetteer_level(name)
    if level is not None:
        return level
    low = name.lower().strip(". ")
    last = low.replace(".", "").split()[-1] if low.split() else ""
    if last in _STREET_WORDS:
        return "street"
    return "local"


_LOCATIVE = re.compile(
    r"\b(?:in|at|on|near|outside|inside|from|to)\s+(?:the\s+)?(?:(?:city|town|village|port|capital|"
    r"province|region|state|county|district)\s+of\s+)?$"
)


_PLACE_NOUN_OF = re.compile(
    r"\b(?:city|town|village|port|capital|province|region|state|county|district)\s+of\s+$"
)


def _is_place(c: ClaimRecord, slot: Slot) -> bool:
    """A place named after a locative preposition ("in Geneva", "near the town of Ardesh")."""
    if slot.kind == "place":
        return _locative(c, slot)
    if slot.kind == "other":
        before = c.text[max(0, slot.start - c.start - 40): slot.start - c.start].lower()
        return bool(_PLACE_NOUN_OF.search(before)) and _locative(c, slot)
    return False


def _locative(c: ClaimRecord, slot: Slot) -> bool:
    before = c.text[max(0, slot.start - c.start - 40): slot.start - c.start].lower()
    return bool(_LOCATIVE.search(before))

