"""One deed, done in one article and not done in another: "Atlas Motors refused to sign a
battery contract with Kestrel on Wednesday" vs "Kestrel Batteries and Atlas Motors signed a
supply deal on Wednesday"; "Lund denied meeting Berg" vs "Lund met Berg on Friday".

The two sentences seldom share enough words to meet in a claim group (a "contract" is a
"deal", a refusal adds words), so the comparison runs per story over the deeds the articles
state, by their frame:

- the negative claim: a named doer right before a negation of a verb ("did not sign",
  "refused to sign", "never met", "denied meeting");
- the positive claim: the same named doer right before the same verb (by stem: "met" and
  "meeting" are one verb), not negated, not hedged;
- one more anchor: another named participant both claims name, or the same day with no named
  participant on either side that the other lacks ("signed with Kestrel" vs "refused to sign
  with Volt" is two deeds);
- negation by quantifier: "the zoning board approved no new permits" vs "the zoning board
  repeatedly approved permits" — the deed done to none of an object against the same deed
  done to it, a few words after the verb; there the doer may be a common noun ("the board"),
  the same on both sides, and no name or place may stand on one side only.

What stays quiet, precision first:

- verbs of saying and auxiliaries ("did not say", "did not identify" are no deed of the story);
- a deed not yet done ("had not yet signed", "still has not met"): an earlier state, not a
  disagreement (negations_not_final_words.txt);
- a verb that is not the doer's own predicate ("Lund was charged with meeting Berg": the doer
  does not stand right before the verb);
- two sources (one claim attributed to a speaker the other lacks), two stories, or articles
  published more than ``MAX_PUBLISHED_GAP`` days apart.

Pure: claims in, conflicts out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .. import lexicon
from .model import ClaimRecord, Conflict, Slot
from .slots import _interval_relation, published_day
from .text import name_overlap, short, stable_id, stem

#: Confidence of a deed done and not done; a named participant and the same day both shared
#: add ``BOTH_ANCHORS_BONUS``.
BASE_CONFIDENCE = 0.65
BOTH_ANCHORS_BONUS = 0.1
#: Articles published further apart than this may both be right: the deed came later.
MAX_PUBLISHED_GAP = 7
#: At most this many words (auxiliaries, adverbs) between the doer and its verb.
MAX_GAP_WORDS = 3

_ADVERB = r"(?:(?:[a-z]+ly|ever|even|again)\s+)?"
# "did not sign", "has never met", "refused to sign": the verb right after the negation
_NOT_VERB = re.compile(
    r"\b(?:(?:did|does|do|has|have|had)\s*(?:not|n['’]t)\s+" + _ADVERB + r"|never\s+"
    r"|(?:refused|refuses|declined|declines|failed|fails)\s+" + _ADVERB + r"to\s+)"
    r"(?P<verb>[a-z]+)\b"
)
# "denied meeting Berg", "denies ever taking the money": a deed named by its -ing form
_DENIED_VERB = re.compile(
    r"\b(?:denied|denies|deny|denying)\s+" + _ADVERB + r"(?:having\s+)?(?P<verb>[a-z]+ing)\b"
)
# "the agency approved no new permits": the deed done to no object at all
_NO_OBJECT = re.compile(
    r"\b(?P<verb>[a-z]+ed)\s+(?:no|zero)\s+(?:(?:new|further|more|other|additional)\s+)?"
    r"(?P<object>[a-z]{3,})\b"
)
# "the agency", "The board" right before its verb (auxiliaries and adverbs between)
_COMMON_DOER = re.compile(
    r"\b[Tt]he\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,})\s+(?:(?:had|has|have|also|again|then|[a-z]+ly)\s+){0,3}$"
)
_NOT_DEEDS = frozenset(stem(w.lower()) for w in lexicon.entries("say_verbs.txt")
                       if " " not in w) | frozenset(
    stem(w) for w in lexicon.entries("auxiliary_verbs.txt")) | frozenset(
    stem(w) for w in lexicon.entries("negations_not_deed_words.txt"))
_STOP = lexicon.lower_words("compare_stop_words.txt")
_NOT_FINAL = lexicon.lower_words("negations_not_final_words.txt")
_WORD = re.compile(r"[A-Za-z'’]+")
_APPOSITION = re.compile(r",[^,]{1,40},")
_NAMED = ("person", "org", "other")


@dataclass(slots=True)
class _Deed:
    claim: ClaimRecord
    verb: str  # stem
    doers: list[Slot]
    others: list[Slot]
    days: list[Slot]
    negative: bool
    #: the doer is a common noun ("the agency"), compared only on a deed done to no object
    common: str = ""
    #: the object a deed is done to none of ("permit" in "approved no permits"), as a stem
    none_of: str = ""


def _gap_ok(text: str) -> bool:
    """What stands between a doer and its verb: an apposition ("Hart, 44,") and at most
    ``MAX_GAP_WORDS`` auxiliaries or adverbs ("had", "also", "repeatedly")."""
    rest = _APPOSITION.sub(" ", text).strip()
    if any(ch in rest for ch in ",;:()\"“”"):
        return False
    words = rest.split()
    return len(words) <= MAX_GAP_WORDS and all(
        w.islower() and (w.endswith("ly") or stem(w) in _NOT_DEEDS or w in ("also", "then", "again"))
        for w in words)


def _named(c: ClaimRecord) -> list[Slot]:
    return [s for s in c.slots if s.kind in _NAMED and s.unit != "pronoun" and s.value[:1].isupper()]


def _deed(c: ClaimRecord, at: int, verb: str, negative: bool) -> _Deed | None:
    """The deed whose verb (or negation) starts at ``at`` in the claim's text, with its doer."""
    v = stem(verb.lower())
    if len(v) < 3 or v in _NOT_DEEDS or verb.lower() in _STOP:
        return None
    named = _named(c)
    doers = [s for s in named if s.end - c.start <= at and _gap_ok(c.text[s.end - c.start: at])]
    if not doers:
        return None
    # the doer nearest the verb and the names joined to it by "and" ("Kestrel and Atlas signed")
    first = min(s.start for s in doers)
    doers = [s for s in named if first <= s.start and s.end - c.start <= at]
    others = [s for s in named if s.start - c.start > at]
    days = [s for s in c.slots if s.kind == "date" and s.lo is not None and s.hi is not None
            and (s.unit or "day").split("|")[0] == "day"]
    return _Deed(c, v, doers, others, days, negative)


def _common_deed(c: ClaimRecord, at: int, verb: str, negative: bool) -> _Deed | None:
    """A deed whose doer is "the <noun>" right before the verb at ``at``."""
    v = stem(verb.lower())
    m = _COMMON_DOER.search(c.text[:at])
    if len(v) < 3 or v in _NOT_DEEDS or verb.lower() in _STOP or m is None:
        return None
    # every name after the verb, places too: "approved permits for the Birch Lane site"
    # is another deed than "approved no permits for Larch Street"
    others = [s for s in c.slots if s.start - c.start > at and s.value[:1].isupper()
              and s.kind in (*_NAMED, "place") and s.unit != "pronoun"]
    return _Deed(c, v, [], others, [], negative, common=stem(m.group("noun")))


def _deeds(
    claims: Iterable[ClaimRecord], wanted: Callable[[ClaimRecord], frozenset[str]] | None = None,
) -> list[_Deed]:
    """Every deed a claim states with its doer: one per negative claim (the negated verb),
    any number per positive claim (each word its named doer stands right before).

    :param wanted: when given, the verb stems worth reading in a positive claim (the verbs
        some negative claim of its story denies); other words are not read as deeds, which
        saves building a deed for every word of every claim
    """
    out: list[_Deed] = []
    for c in claims:
        if c.modality:
            continue
        if c.polarity < 0:
            if {w.lower() for w in _WORD.findall(c.text)} & _NOT_FINAL:
                continue
            m = _NOT_VERB.search(c.text) or _DENIED_VERB.search(c.text)
            d = _deed(c, m.start(), m.group("verb"), True) if m else None
            if d is not None:
                out.append(d)
            q = _NO_OBJECT.search(c.text)
            if q is not None and m is None:
                none_of = stem(q.group("object"))
                for d in (_deed(c, q.start(), q.group("verb"), True),
                          _common_deed(c, q.start(), q.group("verb"), True)):
                    if d is not None:
                        d.none_of = none_of
                        out.append(d)
            continue
        verbs = wanted(c) if wanted is not None else None
        if verbs is not None and not verbs:
            continue
        for m in _WORD.finditer(c.text):
            if m.group()[:1].islower() and (verbs is None or stem(m.group().lower()) in verbs):
                for d in (_deed(c, m.start(), m.group(), False),
                          _common_deed(c, m.start(), m.group(), False)):
                    if d is not None:
                        out.append(d)
    return out


def _same(a: Slot, b: Slot) -> bool:
    return (bool(a.entity_id) and a.entity_id == b.entity_id) or name_overlap(a.value, b.value)


def _done_to(pos: _Deed, none_of: str) -> bool:
    """The positive claim does its deed to the object the negative one does it to none of
    ("approved new permits" after "approved no permits"), a few words after the verb."""
    after = pos.claim.text.lower().split(pos.verb, 1)[-1] if pos.verb in pos.claim.text.lower() else ""
    return none_of in {stem(w) for w in _WORD.findall(after)[:6]}


def _compare(neg: _Deed, pos: _Deed) -> float | None:
    if neg.verb != pos.verb or (neg.claim.speaker or "").lower() != (pos.claim.speaker or "").lower():
        return None
    if neg.common or pos.common:
        # "the agency approved no permits" / "the agency approved permits": one common doer,
        # one object, nothing named on either side that the other lacks
        if neg.common != pos.common or not neg.none_of or not _done_to(pos, neg.none_of):
            return None
        if any(not any(_same(a, b) for b in pos.others) for a in neg.others) or any(
                not any(_same(a, b) for a in neg.others) for b in pos.others):
            return None
        return BASE_CONFIDENCE
    if neg.none_of and not _done_to(pos, neg.none_of):
        return None
    if not any(_same(a, b) for a in neg.doers for b in pos.doers):
        return None
    # every other named participant: shared (an anchor) or missing on one side only
    neg_names = neg.doers + neg.others
    pos_names = pos.doers + pos.others
    shared = [a for a in neg.others if any(_same(a, b) for b in pos_names)] + [
        b for b in pos.others if any(_same(a, b) for a in neg_names)]
    lone_neg = [a for a in neg.others if not any(_same(a, b) for b in pos_names)]
    lone_pos = [b for b in pos.others if not any(_same(a, b) for a in neg_names)]
    same_day = any(_interval_relation(p, q) == "equal" for p in neg.days for q in pos.days)
    if shared:
        return BASE_CONFIDENCE + (BOTH_ANCHORS_BONUS if same_day else 0.0)
    if same_day and not lone_neg and not lone_pos:
        return BASE_CONFIDENCE
    return None


def compare_deeds(
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    same_story: Callable[[str, str], bool] | None = None,
) -> list[Conflict]:
    """Negation conflicts between two articles of one story: a deed one states and the other
    denies (see the module's rules).

    :param claims: prepared claims of any number of articles
    :param story_of: ``article_id -> story key``
    :param same_story: whether two articles may tell one event (story affinity)
    """
    by_story: dict[str, list[_Deed]] = defaultdict(list)
    negated: dict[str, set[str]] = defaultdict(set)
    for d in _deeds(c for c in claims if c.polarity < 0):
        by_story[story_of(d.claim.article_id)].append(d)
        negated[story_of(d.claim.article_id)].add(d.verb)
    # a positive deed only matters against a denial of the same verb in its story
    frozen = {story: frozenset(verbs) for story, verbs in negated.items()}
    for d in _deeds((c for c in claims if c.polarity >= 0 and story_of(c.article_id) in frozen),
                    lambda c: frozen[story_of(c.article_id)]):
        by_story[story_of(d.claim.article_id)].append(d)
    out: list[Conflict] = []
    seen: set[tuple[str, str, str]] = set()
    for story, deeds in sorted(by_story.items()):
        negs = [d for d in deeds if d.negative]
        poss = [d for d in deeds if not d.negative]
        for n in negs:
            for p in poss:
                a, b = n.claim.article_id, p.claim.article_id
                if a == b or (same_story is not None and not same_story(a, b)):
                    continue
                pa, pb = published_day(n.claim), published_day(p.claim)
                if pa is not None and pb is not None and abs(pa - pb) > MAX_PUBLISHED_GAP:
                    continue
                confidence = _compare(n, p)
                if confidence is None:
                    continue
                key = (a, b, n.verb)
                if key in seen:
                    continue
                seen.add(key)
                gid = stable_id("f", "story", story, "negation", n.verb)
                cid = stable_id("x", gid, p.claim.id, n.claim.id, "negation")
                out.append(Conflict(
                    id=cid, group_id=gid, kind="negation", a=p.claim, b=n.claim,
                    a_value="affirms", b_value="denies",
                    explanation=(f"A affirms what B denies: \"{short(p.claim.text)}\" vs "
                                 f"\"{short(n.claim.text)}\""),
                    confidence=round(min(1.0, confidence), 3), update=False, story_id=story,
                    subject=story, attribute="deed",
                ))
    return out
