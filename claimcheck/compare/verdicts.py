"""Verdicts: align two claims' frames slot by slot, then compare each aligned pair.

Each aligned pair of slots is ``equal``, ``refine`` (nested values, more precision) or a
conflict; slots only one claim has make the pair at most ``refine`` and never hide a conflict
on another slot. A conflict needs the rest of the frame to be compatible — the same predicate,
no participant that contradicts, no date that says it is another event — not the two
sentences to look alike. Every conflict gets a confidence in [0, 1] built from named evidence
(predicate overlap, similarity, story affinity, how much of the frame agrees, hedging,
speakers), so a caller can choose its cut-off from measurements.

Example: "Talks with Omar Tal and Lena Berg were held on 12 May" vs "Talks with Omar Tal were
held on 14 May" is a date conflict; Lena Berg is extra detail.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .. import lexicon
from .frames import (
    _GENERIC_NOUNS,
    Count,
    Frame,
    build_frame,
    counts_align,
    match_participants,
    participant_key,
)
from .model import ClaimRecord, Finding, PairVerdict, Slot
from .slots import (
    _CONFLICT_QUANTITY_KINDS,
    _date_text,
    _each_reported_at_the_time,
    _gap_days,
    _interval_relation,
    _negated_word_shared,
    _quantity_text,
    _relative,
    _resolved_days_comparable,
    _role_label,
    _verb_before_date,
    _weekday_like,
    _weekday_name_disagrees,
    published_day,
)
from .text import NEG_TOKEN, name_overlap, same_words, short, stem

#: Two grouped claims must be at least this similar before their slots can conflict.
CONFLICT_SIMILARITY = 0.5
#: Share of the shorter claim's predicate words the other must hold (synonyms merged).
PREDICATE_SHARE = 0.5
#: Conflicts below this confidence are not reported by default (``--min-confidence``).
DEFAULT_MIN_CONFIDENCE = 0.5

# The negating words themselves are not part of what is negated.
_NEGATION_STEMS = frozenset(stem(w) for w in lexicon.entries("negation_verbs.txt"))
# Speakers that relay an official account rather than take a side in the story.
_OFFICIAL_SOURCES = lexicon.words("official_source_words.txt")
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_UPDATE_EVENTS = frozenset({"death", "injury", "arrest", "shot", "fatal"})


@dataclass(slots=True)
class PairContext:
    """What the caller knows about the pair beyond the two claims."""

    similarity: float
    affinity: float = 0.5


def _future(c: ClaimRecord) -> bool:
    """A plan or forecast: "will", "is scheduled to", or reported "would" ("it would cut")."""
    return c.tense == "future" or (c.modality or "").lower() == "would"


def _hedged(c: ClaimRecord) -> bool:
    """"may", "reportedly", "allegedly": a claim its writer does not assert. A reported
    "would" is a plan in the past tense, not a hedge."""
    return bool(c.modality) and (c.modality or "").lower() != "would"


def _granularity(slot: Slot) -> str:
    return (slot.unit or "day").split("|")[0]


def _predicate_share(a: Frame, b: Frame) -> float:
    if not a.predicate or not b.predicate:
        return 0.0
    return len(a.predicate & b.predicate) / min(len(a.predicate), len(b.predicate))


class _Pair:
    """One comparison: the two claims, their frames and the evidence gathered so far."""

    def __init__(self, a: ClaimRecord, b: ClaimRecord, ctx: PairContext) -> None:
        self.a, self.b, self.ctx = a, b, ctx
        self.fa, self.fb = frame_of(a), frame_of(b)
        self.shared, self.only_a, self.only_b = match_participants(self.fa, self.fb)
        self.predicate = _predicate_share(self.fa, self.fb)
        longer = max(len(self.fa.predicate), len(self.fb.predicate))
        common = len(self.fa.predicate & self.fb.predicate)
        self.extra_words = 1.0 - common / longer if longer else 0.0
        self.refine = False
        self.agreeing = 0  # aligned slots that agree
        self.findings: list[Finding] = []

    # -- evidence --------------------------------------------------------------------------

    @property
    def divergent_participants(self) -> bool:
        """Each claim names someone the other does not: maybe two different events."""
        return bool(self.only_a) and bool(self.only_b)

    @property
    def hedged(self) -> bool:
        return _hedged(self.a) or _hedged(self.b)

    @property
    def other_speakers(self) -> bool:
        sa, sb = (self.a.speaker or "").lower(), (self.b.speaker or "").lower()
        if not sa or not sb or sa == sb:
            return False
        wa = {w for w in sa.split() if w not in _DETERMINERS}
        wb = {w for w in sb.split() if w not in _DETERMINERS}
        if wa <= _OFFICIAL_SOURCES and wb <= _OFFICIAL_SOURCES:
            # "the health ministry said" / "officials said": two outlets relaying the official
            # account; if their figures differ, the articles disagree.
            return False
        return not (wa & wb) and not name_overlap(" ".join(wa), " ".join(wb))

    @property
    def comparable(self) -> bool:
        """The two claims assert one thing in one frame: slots may conflict.

        Two sources quoted for two values ("the rebels said 40", "the army said 12") are each
        reported faithfully: the articles do not disagree.
        """
        if _future(self.a) != _future(self.b):
            return False
        if self.other_speakers:
            return False
        return self.ctx.similarity >= CONFLICT_SIMILARITY

    def confidence(self, *, aligned_agree: int, penalty: float = 0.0) -> float:
        """Evidence for the conflict, combined into 0..1."""
        agree_share = min(1.0, (aligned_agree + self.shared) / 3.0)
        score = (
            0.35
            + 0.2 * min(1.0, self.predicate)
            + 0.2 * max(0.0, min(1.0, (self.ctx.similarity - 0.4) / 0.5))
            + 0.1 * min(1.0, self.ctx.affinity)
            + 0.15 * agree_share
        )
        if _hedged(self.a) != _hedged(self.b):
            score -= 0.35  # one side hedges what the other asserts
        elif self.hedged:
            score -= 0.1  # two forecasts or two reported beliefs that differ
        if self.only_a or self.only_b:
            score -= 0.05
        # Many words only one claim has: its value may belong to another part of the story.
        score -= 0.2 * self.extra_words
        if min(len(self.fa.predicate), len(self.fb.predicate)) <= 1:
            score -= 0.1  # "Two people were killed": too little said to be sure it is one event
        score -= penalty
        return round(max(0.0, min(1.0, score)), 3)

    def published_apart(self) -> bool:
        """Both articles dated, on different days: a difference may be a later revision."""
        pa, pb = published_day(self.a), published_day(self.b)
        return pa is not None and pb is not None and pa != pb

    # -- slots -----------------------------------------------------------------------------

    def dates_disjoint(self) -> bool:
        """Some date of each claim, and none of them equal or nested: another event."""
        if not self.fa.dates or not self.fb.dates:
            return False
        return all(
            _interval_relation(x, y) == "disjoint" for x in self.fa.dates for y in self.fb.dates
        )

    def compare_dates(self) -> None:
        da, db = self.fa.dates, self.fb.dates
        if not da or not db:
            if da or db:
                self.refine = True
            return
        aligned = _align_dates(da, db)
        if len(aligned) < min(len(da), len(db)):
            aligned += _align_dates_by_verb(self.a, da, self.b, db, aligned)
        if len(aligned) < min(len(da), len(db)) or len(da) != len(db):
            self.refine = True
        conflicts: list[tuple[Slot, Slot, str, str]] = []
        for x, y in aligned:
            relation = _interval_relation(x, y)
            if relation == "equal":
                self.agreeing += 1
                continue
            endpoint = _range_endpoint_conflict(x, y)
            if endpoint is not None:
                conflicts.append((x, y, *endpoint))
                continue
            if relation in ("contains", "within", "overlap"):
                self.refine = True
                continue
            if self._dates_may_conflict(x, y):
                conflicts.append((x, y, _date_text(x), _date_text(y)))
        # Every aligned pair differs: two lists of different events, unless one date each.
        if conflicts and len(conflicts) == len(aligned) and len(aligned) > 1:
            self.refine = True
            return
        for x, y, xv, yv in conflicts:
            gap = _gap_days(x, y)
            penalty = 0.1 if gap > 366 and _granularity(x) == "day" else 0.0
            if _relative(x) or _relative(y):
                penalty += 0.05
            self.findings.append(Finding(
                "date", xv, yv, f"A says {xv}; B says {yv}",
                self.confidence(aligned_agree=self.agreeing + len(aligned) - len(conflicts),
                                penalty=penalty),
            ))

    def _dates_may_conflict(self, x: Slot, y: Slot) -> bool:
        a, b = self.a, self.b
        gx, gy = _granularity(x), _granularity(y)
        if gx != gy or gx not in ("day", "month", "year"):
            return False
        if _relative(x) or _relative(y):
            # A date resolved from "on Monday" is only as good as the publication date it
            # was resolved against: compare the resolved days of articles published close
            # together (see _resolved_days_comparable).
            if not _resolved_days_comparable(a, x, b, y, yearless_any_gap=True):
                return False
            vague_x, vague_y = _weekday_like(x), _weekday_like(y)
            if (vague_x != vague_y and _gap_days(x, y) <= 7
                    and not _weekday_name_disagrees(a, x, b, y)):
                return False  # a weekday can be a week off next to an explicit date
            if (vague_x or vague_y) and "future" in (a.tense, b.tense):
                return False
        return not _each_reported_at_the_time(a, x, b, y)

    def compare_counts(self) -> None:
        left_a = list(self.fa.counts)
        left_b = list(self.fb.counts)
        # Equal values align first, whatever their order ("four counts ... one count").
        for x in list(left_a):
            for y in left_b:
                if counts_align(x, y) and _interval_relation(x.slot, y.slot) == "equal":
                    self.agreeing += 1
                    left_a.remove(x)
                    left_b.remove(y)
                    break
        for x in left_a:
            if x.kind == "age":
                continue  # compare_ages
            matches = _closest_counts(x, [y for y in left_b if counts_align(x, y)])
            same_key_a = _closest_counts(x, [z for z in left_a if counts_align(z, x)])
            if not matches:
                self.refine = self.refine or bool(self.fb.counts)
                self._part_exceeds_whole(x, left_a, left_b)
                continue
            if len(matches) != 1 or same_key_a != [x]:
                self.refine = True  # lists of numbers of one kind: no safe one-to-one reading
                continue
            y = matches[0]
            relation = _interval_relation(x.slot, y.slot)
            if relation != "disjoint":
                self.refine = True
            elif self._counts_may_conflict(x, y):
                xv, yv = _quantity_text(x.slot), _quantity_text(y.slot)
                role = f"{x.kind}:{x.noun}|{x.event}" if x.noun else f"{x.kind}|{x.event}"
                update = x.event in _UPDATE_EVENTS and self.published_apart()
                self.findings.append(Finding(
                    "number", xv, yv, f"A gives {xv}; B gives {yv} ({_role_label(role)})",
                    self.confidence(aligned_agree=self.agreeing, penalty=_value_penalty(x, y)),
                    update=update,
                ))
            else:
                self.refine = True
        for kind, (n, text) in self.fa.ordinals.items():
            other = self.fb.ordinals.get(kind)
            if other is None:
                continue
            if other[0] == n:
                self.agreeing += 1
            else:
                self.findings.append(Finding(
                    "number", text, other[1], f"A says {text}; B says {other[1]}",
                    self.confidence(aligned_agree=self.agreeing),
                ))

    def _part_exceeds_whole(self, x: Count, left_a: list[Count], left_b: list[Count]) -> None:
        """"Eight adults were injured" vs "Six people were injured": the adults are among
        the people, so there cannot be more of them. The other way round is no conflict
        (two of the eight may be children). One count of that event on each side only."""
        if x.kind != "count" or not x.event:
            return
        same_event_a = [z for z in left_a if z.kind == "count" and z.event == x.event]
        same_event_b = [y for y in left_b if y.kind == "count" and y.event == x.event]
        if len(same_event_a) != 1 or len(same_event_b) != 1:
            return
        y = same_event_b[0]
        generic_x, generic_y = x.noun in _GENERIC_NOUNS, y.noun in _GENERIC_NOUNS
        if generic_x == generic_y:
            return
        part, whole = (y, x) if generic_x else (x, y)
        if part.slot.lo is None or whole.slot.hi is None or part.slot.lo <= whole.slot.hi:
            return
        if not self._counts_may_conflict(x, y) or y.vague or y.partial:
            return
        xv, yv = _quantity_text(x.slot), _quantity_text(y.slot)
        self.findings.append(Finding(
            "number", xv, yv,
            f"A gives {xv}; B gives {yv}: {_quantity_text(part.slot)} are more than "
            f"{_quantity_text(whole.slot)} in all",
            self.confidence(aligned_agree=self.agreeing, penalty=_value_penalty(x, y)),
            update=x.event in _UPDATE_EVENTS and self.published_apart(),
        ))

    def compare_ages(self) -> None:
        """Ages of one named person, whatever else the two claims say.

        An age belongs to the person ("Jeremy Lewis, 26, was killed" vs "the victim was
        identified as Jeremy Lewis, 27"), so it is compared even when the two claims report
        different moments of the story. Articles published half a year apart may both be
        right (a birthday): such a conflict is an update with lower confidence.
        """
        for x in self.fa.counts:
            if x.kind != "age" or x.holder is None or x.vague:
                continue
            for y in self.fb.counts:
                if y.kind != "age" or y.holder != x.holder or y.vague:
                    continue
                if _interval_relation(x.slot, y.slot) != "disjoint":
                    continue
                if any(f.kind == "number" and f.a_value == _quantity_text(x.slot) for f in self.findings):
                    continue
                pa, pb = published_day(self.a), published_day(self.b)
                apart = pa is not None and pb is not None and abs(pa - pb) > 180
                score = 0.75 + 0.1 * min(1.0, self.ctx.affinity) - (0.35 if self.hedged else 0.0)
                if apart:
                    score -= 0.2
                xv, yv = _quantity_text(x.slot), _quantity_text(y.slot)
                name = next((s.surface for s in self.fa.participants
                             if participant_key(s) == x.holder), x.holder)
                self.findings.append(Finding(
                    "number", xv, yv, f"A gives {name}'s age as {xv}; B as {yv}",
                    round(max(0.0, min(1.0, score)), 3), update=apart,
                ))

    def _counts_may_conflict(self, x: Count, y: Count) -> bool:
        if x.kind not in _CONFLICT_QUANTITY_KINDS and not (
            x.kind == "measure" and self.ctx.similarity >= 0.75
        ):
            return False  # durations and loose measures describe many things
        if x.kind == "count" and not x.noun and not x.event:
            return False  # a bare number with neither a counted noun nor an event word
        if x.noun in ("count", "charge"):
            return False  # "two counts of murder and one count of possession": lists of charges
        if x.kind == "percent" and not x.event and self.ctx.similarity < 0.75:
            return False  # "a 15 percent increase" vs "13 percent of imports": of what?
        if _TALLY.search(self.a.text) or _TALLY.search(self.b.text):
            return False  # "80 people were killed in the city in November alone": a tally
        return not (x.vague or y.vague or x.partial or y.partial)

    def compare_roles(self) -> None:
        for role in sorted(self.fa.roles.keys() & self.fb.roles.keys()):
            sa, sb = self.fa.roles[role], self.fb.roles[role]
            if participant_key(sa) == participant_key(sb):
                self.agreeing += 1
                continue
            if same_words(sa.surface, sb.surface) or name_overlap(sa.value, sb.value):
                continue  # "Vladimir Putin" vs "Putin": one name, not two people
            keys_a = {participant_key(s) for s in self.fa.participants}
            keys_b = {participant_key(s) for s in self.fb.participants}
            if participant_key(sa) in keys_b or participant_key(sb) in keys_a:
                continue  # the holder is named in the other claim too, in another role
            # Apart from the two holders, no one on either side may be a stranger to the other.
            others_a = [s for s in self.only_a if s is not sa]
            others_b = [s for s in self.only_b if s is not sb]
            if others_a and others_b:
                continue
            self.findings.append(Finding(
                "entity", sa.surface, sb.surface,
                f"A names {sa.surface} as {role}; B names {sb.surface}",
                self.confidence(aligned_agree=self.agreeing),
            ))
            return

    def compare_places(self) -> None:
        pa, pb = self.fa.places, self.fb.places
        if not pa or not pb:
            return
        # Places both claims name align first ("on Lake Tor"); one left on each side is the
        # place of the event by each account.
        left_a = [x for x in pa if not any(_same_place(x, y) for y in pb)]
        left_b = [y for y in pb if not any(_same_place(x, y) for x in pa)]
        self.agreeing += len(pa) - len(left_a)
        if len(left_a) != 1 or len(left_b) != 1:
            return
        sa, sb = left_a[0], left_b[0]
        if _preposition_class(self.a, sa) != _preposition_class(self.b, sb):
            return  # "kidnapped them from Newark" vs "opened fire at the courthouse"
        if sa.value.lower().strip(". ") in _DIRECTIONS or sb.value.lower().strip(". ") in _DIRECTIONS:
            return
        if _intersection(self.a, sa) or _intersection(self.b, sb):
            return  # "near Kelly and 8 Mile": two streets that cross, not a town
        # A place the other claim also names in another role ("from Oslo to Bergen") is detail.
        names_a = {participant_key(s) for s in self.a.slots if s.kind in ("place", "other", "org")}
        names_b = {participant_key(s) for s in self.b.slots if s.kind in ("place", "other", "org")}
        if participant_key(sa) in names_b or participant_key(sb) in names_a:
            return
        self.findings.append(Finding(
            "place", sa.surface, sb.surface, f"A places it in {sa.surface}; B in {sb.surface}",
            self.confidence(aligned_agree=self.agreeing),
        ))

    def _subject_named_alike(self, neg: ClaimRecord) -> bool:
        """Both claims name the one they are about, whatever kind the entity finder gave the
        name ("Hart denied ..." / "Hart, 44, admitted ..."), and the affirming claim names no
        one else: "named as defendants were Trump Jr. and Trump's son-in-law" is about them,
        not about Trump."""
        only_pos = self.only_b if neg is self.a else self.only_a
        return not only_pos and _shared_name(self.a, self.b)

    def compare_polarity(self) -> None:
        a, b = self.a, self.b
        if a.polarity == b.polarity:
            return
        if (a.speaker or "").lower() != (b.speaker or "").lower():
            # one source denies what another affirms, or one side is a source's account the
            # other does not attribute ("he's not the person who shot them", a man said):
            # reported speech, not a contradiction (attributed-vs-stated pairs were all false
            # alarms on the planted harness's control stories)
            return
        pos, neg = (a, b) if a.polarity > 0 else (b, a)
        if not _negated_word_shared(neg, pos):
            return
        # The rest of the negative claim must stand in the positive one (adverbs and extra
        # detail on either side are fine).
        wn = {w for w in neg.words if not w.startswith("@") and w not in _NEGATION_STEMS}
        wp = {w for w in pos.words if not w.startswith("@") and w not in _NEGATION_STEMS}
        if not wn or not wp:
            return
        # Who the negative claim is about must be named in the positive one: "did not shoot
        # Hayes in the back" is not contradicted by "the officer shot".
        only_neg = self.only_a if neg is a else self.only_b
        if only_neg:
            return
        share = len(wn & wp) / len(wn)
        if share < 0.6 or len(wn & wp) / len(wp) < 0.5 or fuzz.token_set_ratio(
            NEG_TOKEN.sub("", a.masked), NEG_TOKEN.sub("", b.masked)
        ) < 70:
            return
        av = "affirms" if a.polarity > 0 else "denies"
        bv = "affirms" if b.polarity > 0 else "denies"
        p_pos, p_neg = published_day(pos), published_day(neg)
        update = p_pos is not None and p_neg is not None and p_neg < p_pos
        self.findings.append(Finding(
            "negation", av, bv,
            f"A {av} what B {bv}: \"{short(pos.text)}\" vs \"{short(neg.text)}\"",
            self.confidence(
                aligned_agree=self.agreeing,
                # no named participant in common: "the mother was not injured" may be about
                # someone else than "the child injured"
                penalty=(0.05 if share < 0.8 else 0.0)
                + (0.15 if not self.shared and not self._subject_named_alike(neg) else 0.0),
            ),
            update=update,
        ))


def _shared_name(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims name one person or thing ("Hart denied ..." / "Hart, 44, admitted ..."),
    whatever kind the entity finder gave it."""
    keys_a = {participant_key(s) for s in a.slots if s.kind in ("person", "org", "other")
              and s.unit != "pronoun"}
    return any(participant_key(s) in keys_a for s in b.slots
               if s.kind in ("person", "org", "other") and s.unit != "pronoun")


_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest central downtown".split()
)
_FROM_TO = re.compile(r"\b(from|to|toward|towards|into)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)


def _preposition_class(c: ClaimRecord, slot: Slot) -> str:
    """"from" (origin), "to" (destination) or "in" (where it happened) before a place."""
    before = c.text[max(0, slot.start - c.start - 40): slot.start - c.start]
    m = _FROM_TO.search(before)
    if m is None:
        return "in"
    word = m.group(1).lower()
    return "from" if word == "from" else "to"


_CROSSING_BEFORE = re.compile(r"\b(?:near|at|on|of)\s+$", re.IGNORECASE)
_CROSSING_AFTER = re.compile(r"^\s+(?:and|&)\s+(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)?)\b")


def _intersection(c: ClaimRecord, slot: Slot) -> bool:
    """"near Kelly and 8 Mile", "at Main & 5th": a place that is one of two crossing streets."""
    rel_start, rel_end = slot.start - c.start, slot.end - c.start
    return bool(_CROSSING_BEFORE.search(c.text[max(0, rel_start - 10): rel_start])
                and _CROSSING_AFTER.match(c.text[rel_end: rel_end + 30]))


# Counts of many events: "in November alone", "so far this year", "nationwide".
_TALLY = re.compile(
    r"\b(?:" + lexicon.alternatives("tally_words.txt") + r")\b",
    re.IGNORECASE,
)


def _closest_counts(x: Count, candidates: list[Count]) -> list[Count]:
    """The candidates that count what ``x`` counts most closely.

    "killed about 600 people" against "More than 1,000 people were killed when a magnitude
    6.8 earthquake struck": both 1,000 and 6.8 sit next to "killed", but only 1,000 counts
    people. A fraction with no counted noun is a measure (a magnitude, a rate), never a
    head count; among the rest, one with the very same noun wins over generic ones. When
    no single candidate stands out, all are kept (no safe one-to-one reading).
    """
    if len(candidates) < 2:
        return candidates
    told_whole = [y for y in candidates if not y.partial]
    if len(told_whole) == 1:
        return told_whole  # "nine people injured, including one person in critical condition"
    whole = [y for y in candidates if y.noun or _integral(y.slot)]
    if len(whole) == 1:
        return whole
    same_noun = [y for y in whole if x.noun and y.noun == x.noun]
    if len(same_noun) == 1:
        return same_noun
    return candidates


def _integral(slot: Slot) -> bool:
    return slot.lo is not None and (math.isinf(slot.lo) or float(slot.lo).is_integer())


def _value_penalty(x: Count, y: Count) -> float:
    """Numbers far apart (12 vs 1,200) more often count different things than disagree."""
    lx, ly = x.slot.lo, y.slot.lo
    if lx is None or ly is None or lx <= 0 or ly <= 0 or math.isinf(lx) or math.isinf(ly):
        return 0.0
    ratio = max(lx, ly) / min(lx, ly)
    return 0.25 if ratio >= 10 else 0.1 if ratio >= 3 else 0.0


def _same_place(x: Slot, y: Slot) -> bool:
    return participant_key(x) == participant_key(y) or same_words(x.surface, y.surface) or (
        name_overlap(x.value, y.value)
    )


def _align_dates(da: list[Slot], db: list[Slot]) -> list[tuple[Slot, Slot]]:
    """Pairs of dates that speak of the same moment.

    Equal or nested dates pair first; what is left pairs by order when both sides have as
    many left ("in March 2019, then again in June 2021"), or one with one.
    """
    pairs: list[tuple[Slot, Slot]] = []
    left_a, left_b = list(da), list(db)
    for x in list(left_a):
        for y in left_b:
            if _interval_relation(x, y) != "disjoint":
                pairs.append((x, y))
                left_a.remove(x)
                left_b.remove(y)
                break
    if len(left_a) == len(left_b):
        pairs.extend(zip(left_a, left_b, strict=True))
    return pairs


def _align_dates_by_verb(
    a: ClaimRecord, da: list[Slot], b: ClaimRecord, db: list[Slot], aligned: list[tuple[Slot, Slot]]
) -> list[tuple[Slot, Slot]]:
    """Dates :func:`_align_dates` left unpaired, paired by the past verb before each
    (:func:`~.slots._verb_before_date`) when that verb dates one date on each side: "who
    turned two on Sunday, died Tuesday in a shooting" and "died Wednesday after a shooting"
    tell the death on Tuesday and on Wednesday; the birthday has no counterpart."""
    used_a = {id(x) for x, _ in aligned}
    used_b = {id(y) for _, y in aligned}
    left_a = [(x, _verb_before_date(a, x)) for x in da if id(x) not in used_a]
    left_b = [(y, _verb_before_date(b, y)) for y in db if id(y) not in used_b]
    pairs: list[tuple[Slot, Slot]] = []
    for x, vx in left_a:
        if vx is None or sum(v == vx for _, v in left_a) != 1:
            continue
        same = [y for y, vy in left_b if vy == vx]
        if len(same) == 1:
            pairs.append((x, same[0]))
    return pairs


# Both ends stated: "from 2004 to 2009", "between 2006 and 2010", "2004-2009".
_CLOSED_RANGE = re.compile(
    r"\b(?:from|between)\b.+\b(?:to|and|until|till|through)\b|\d\s*[-–—]\s*\d", re.IGNORECASE
)


def _year(ordinal: float) -> int:
    return dt.date.fromordinal(int(ordinal)).year


def _range_endpoint_conflict(x: Slot, y: Slot) -> tuple[str, str] | None:
    """Two year ranges whose start or end years differ: "2004 to 2009" vs "2006 to 2009"."""
    if _granularity(x) != "range" or _granularity(y) != "range":
        return None
    if not (_CLOSED_RANGE.search(x.surface) and _CLOSED_RANGE.search(y.surface)):
        return None  # "since March 2006" runs to whenever it was written: no end to compare
    assert x.lo is not None and x.hi is not None and y.lo is not None and y.hi is not None
    if math.isinf(x.hi) or math.isinf(y.hi):
        return None
    if _year(x.lo) == _year(y.lo) and _year(x.hi) == _year(y.hi):
        return None
    return _date_text(x), _date_text(y)


def frame_of(c: ClaimRecord) -> Frame:
    """The claim's frame, built once per claim and kept on it."""
    if c.frame is None:
        c.frame = build_frame(c)
    return c.frame


def compare_pair(
    a: ClaimRecord, b: ClaimRecord, sim: float, affinity: float = 0.5
) -> PairVerdict:
    """Align the slots of two grouped claims and compare each aligned pair.

    ``sim`` is the pair's similarity (0..1), ``affinity`` how close their articles are to one
    story (0..1); both only feed the confidence and the comparability gate.
    """
    pair = _Pair(a, b, PairContext(sim, affinity))
    if not pair.other_speakers:
        pair.compare_ages()
    if pair.comparable:
        anchored = pair.predicate >= PREDICATE_SHARE and not pair.divergent_participants
        if anchored:
            pair.compare_dates()
            pair.compare_counts()
        else:
            pair.refine = True
        if not pair.dates_disjoint():
            if anchored and not pair.findings:
                pair.compare_places()
            if not pair.findings:
                pair.compare_roles()
            if not pair.findings and not pair.divergent_participants:
                pair.compare_polarity()
    else:
        pair.refine = bool(pair.fa.dates or pair.fb.dates or pair.fa.counts or pair.fb.counts)
    if pair.findings:
        return PairVerdict("conflict", pair.findings)
    return PairVerdict("refine" if pair.refine else "agree", [])
