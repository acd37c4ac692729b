"""One person, two names: "Jaquise Lewis, 17, was shot" vs "Jaquise Korchev, 17, was shot".

Two articles of one story that each name exactly one person with a given name, but with a
different surname, disagree on who that person is, when something else ties the two
mentions to one person: the same age, the same role, the same home town or home block
("of the 3000 block of West Dickens"), or sentences that say the same thing.
The claim grouping never meets such a pair when the two sentences are worded differently,
so the comparison runs per story, over the names each article gives.

Two spellings of one surname ("Gomez" / "Gamez", "Marzouk" / "Marzook") are a typo or a
transliteration: reported below the default confidence cut, with the reason said.

What keeps two different people apart (no conflict):

- an article names both people (the surnames are then of two people, or a maiden and a
  married name the article states);
- either article names two people with that given name, or the story names three or more
  (unless the two mentions give one age: the third person is told apart by it);
- their ages (when both are given) differ by more than a year, or their roles differ
  (a victim and a suspect);
- one surname contains the other ("Smith" and "Smith-Jones": a double-barrelled name);
- the first word is a particle or a kunya ("Abu Marzouk"), not a given name;
- nothing ties them: no common age, role or home town, and fewer than ``MIN_SHARED_WORDS``
  content words in common between the two sentences; when one mention carries a title the
  other lacks ("President Donald Trump" / "Donald F. McGahn"), only an age, a role or a
  middle name ties them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .. import lexicon
from .model import ClaimRecord, Conflict, Slot
from .text import short, stable_id

#: Content words two sentences must share (besides the names) to tie two names without an
#: age or a role in common.
MIN_SHARED_WORDS = 3
#: Confidence of a name conflict tied by one kind of evidence; each further kind adds 0.1.
BASE_CONFIDENCE = 0.6

#: Surnames this alike (difflib ratio) are told as one name spelled two ways.
SPELLING_RATIO = 0.75
#: Confidence of a name told two ways by spelling only (below diff's default cut of 0.5).
SPELLING_CONFIDENCE = 0.4

_PARTICLES = lexicon.lower_words("name_particles.txt")
_GIVEN = lexicon.lower_words("given_names.txt")
_PLACE_WORDS = lexicon.lower_words("names_place_words.txt")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_STREET_WORDS = lexicon.lower_words("street_words.txt")
#: ", 17, of the 3000 block of West Dickens Street": the block a person lives on
_HOME_BLOCK = re.compile(
    r"\s*,\s*(?:\d{1,3}\s*,\s*)?of\s+the\s+(\d{1,6})\s+block\s+of\s+"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
)
#: A word of a name: "Lewis", "McIntyre", "DeShawn", "O'Neal", "Mikula-Conrad"
_NAME_WORD = re.compile(r"^(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Za-z]+)*$")


@dataclass(slots=True)
class _Mention:
    given: str
    surname: str
    full: str
    claim: ClaimRecord
    slot: Slot


def _split(slot: Slot) -> tuple[str, str] | None:
    """(given name, surname) of a full person name, or None for one word or a non-name."""
    words = [w.strip(".,") for w in slot.surface.split()]
    while words and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()
    if len(words) < 2 or not all(_NAME_WORD.match(w) for w in (words[0], words[-1])):
        return None
    if len(words[0]) < 3 or len(words[-1]) < 3:
        return None  # initials and short tokens: "Al", "Bo", "Ng" say too little
    if words[0].lower() in _PARTICLES:
        return None  # "Abu Marzouk": a kunya or a particle, not a given name
    if words[-1].lower() in _PLACE_WORDS:
        return None  # "Big Creek Reservoir", "Harry Maze Playground": a place read as a name
    return words[0], words[-1]


def _mentions(claims: Sequence[ClaimRecord]) -> dict[str, list[_Mention]]:
    """Full person names per article."""
    out: dict[str, list[_Mention]] = defaultdict(list)
    for c in claims:
        for s in c.slots:
            if s.kind != "person" or s.unit == "pronoun":
                continue
            split = _split(s)
            if split is None:
                continue
            out[c.article_id].append(_Mention(split[0], split[1], s.surface, c, s))
    return out


def _related_surnames(x: str, y: str) -> bool:
    a, b = x.lower(), y.lower()
    return a == b or a in b or b in a


def _spelling(x: str, y: str) -> bool:
    """Two spellings of one surname ("Gomez"/"Gamez", "Pruner"/"Prunner")."""
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= SPELLING_RATIO


def _one_longer_name(x: str, y: str, mentions: Sequence[_Mention]) -> bool:
    """Both surnames are words of one name the story gives: "Vontay Jamar" and "Vontay
    Price" are "Vontay Jamar Price"; "Edgar Sanchez" is "Edgar Sanchez Rios" shortened."""
    for m in mentions:
        # after the given name: "Abdi Abdi" and "Abdi Kaufman" are no one longer name
        words = {w.strip(".,").lower() for w in m.full.split()[1:]}
        if x in words and y in words:
            return True
    return False


def _shared_words(a: ClaimRecord, b: ClaimRecord, names: set[str]) -> int:
    wa = {w for w in a.words if not w.startswith("@") and w not in names}
    wb = {w for w in b.words if not w.startswith("@") and w not in names}
    return len(wa & wb)


def compare_names(
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    evidence: Mapping[str, Mapping[str, Mapping[str, set[str]]]],
    *,
    same_story: Callable[[str, str], bool] | None = None,
) -> list[Conflict]:
    """Name conflicts between the articles of each story.

    :param claims: prepared claims (their ``words`` are used), in article order
    :param story_of: ``article_id -> story key``
    :param evidence: ``story -> entity_id -> {"age": {...}, "role": {...}, "residence": {...}}``
        as the fact sheets read them in each story (values as strings)
    :param same_story: when given, two articles must also pass it
    """
    per_article = _mentions(claims)
    by_story: dict[str, list[str]] = defaultdict(list)
    for art in sorted(per_article):
        by_story[story_of(art)].append(art)
    out: list[Conflict] = []
    seen: set[str] = set()
    story_claims: dict[str, list[ClaimRecord]] = {}

    def claims_of(story: str) -> list[ClaimRecord]:
        # built once, on the first slip of the corpus, not by a scan of every claim per slip
        if not story_claims:
            for c in claims:
                story_claims.setdefault(story_of(c.article_id), []).append(c)
        return story_claims.get(story, [])

    for story, arts in sorted(by_story.items()):
        told = evidence.get(story, {})
        # surnames each given name has across the story
        story_surnames: dict[str, set[str]] = defaultdict(set)
        given_by_art: dict[str, dict[str, list[_Mention]]] = {}
        for art in arts:
            by_given: dict[str, list[_Mention]] = defaultdict(list)
            for m in per_article[art]:
                by_given[m.given.lower()].append(m)
                story_surnames[m.given.lower()].add(m.surname.lower())
            given_by_art[art] = by_given
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                a, b = arts[i], arts[j]
                if same_story is not None and not same_story(a, b):
                    continue
                ga, gb = given_by_art[a], given_by_art[b]
                for given in sorted(ga.keys() & gb.keys()):
                    crowded = _surname_count(story_surnames[given]) > 2
                    if crowded and not _aged_alike(ga[given], gb[given], told):
                        continue  # three people of one given name: no telling who is who
                    sa = {m.surname.lower() for m in ga[given]}
                    sb = {m.surname.lower() for m in gb[given]}
                    ma, mb, strong = ga[given], gb[given], False
                    if len(sa) == 2 and len(sb) == 1 and sb < sa or len(sb) == 2 and len(sa) == 1 and sa < sb:
                        # one article names the person both ways: a slip told once
                        story_mentions = [m for art in arts for m in given_by_art[art].get(given, [])]
                        slip = _slip(ma if len(sa) == 2 else mb, story_mentions, claims_of(story))
                        if slip is None:
                            continue
                        if len(sa) == 2:
                            ma, sa = slip, {slip[0].surname.lower()}
                        else:
                            mb, sb = slip, {slip[0].surname.lower()}
                        strong = True
                    elif {len(sa), len(sb)} == {1, 2}:
                        # one article names two people of the given name: the one whose age
                        # the other article gives them may be its person
                        one = _by_age(ma if len(sa) == 2 else mb, mb if len(sa) == 2 else ma, told)
                        if one is None:
                            continue
                        if len(sa) == 2:
                            ma, sa = one, {one[0].surname.lower()}
                        else:
                            mb, sb = one, {one[0].surname.lower()}
                        strong = True
                    if len(sa) != 1 or len(sb) != 1 or sa == sb:
                        continue
                    (x,), (y,) = sa, sb
                    if _related_surnames(x, y) or _one_longer_name(
                        x, y, [m for art in arts for m in given_by_art[art].get(given, [])]
                    ):
                        continue
                    if not strong and _named_together(x, y, given, [per_article[art] for art in arts]):
                        continue  # "Joshua Haber, 19, ... and Josh Williams, 20": two people
                    c = _name_conflict(story, given, ma, mb, told, strong_only=strong or crowded)
                    if c is not None and c.id not in seen:
                        seen.add(c.id)
                        out.append(c)
    return out


def _aged_alike(ma: Sequence[_Mention], mb: Sequence[_Mention],
                evidence: Mapping[str, Mapping[str, set[str]]]) -> bool:
    """Each side names one person of the given name, and both give them one age: "David
    McIntyre, 11" / "11-year-old David Carter" in a story that also names a stepfather David
    McKnight (the third David is told apart by the age)."""
    if len({m.surname.lower() for m in ma}) == 2:
        ma = _by_age(ma, mb, evidence) or []
    elif len({m.surname.lower() for m in mb}) == 2:
        mb = _by_age(mb, ma, evidence) or []
    if len({m.surname.lower() for m in ma}) != 1 or len({m.surname.lower() for m in mb}) != 1:
        return False
    ages_a, ages_b = _values(evidence, ma, "age"), _values(evidence, mb, "age")
    return len(ages_a) == 1 and ages_a == ages_b


def _by_age(two: Sequence[_Mention], one: Sequence[_Mention],
            evidence: Mapping[str, Mapping[str, set[str]]]) -> list[_Mention] | None:
    """Of an article's two people of one given name, the one the other article's person
    matches by age: "killing David McIntyre, 11" beside "their stepfather, David McKnight",
    against "11-year-old David Carter". None unless exactly one of the two gives that age
    and the other gives none or another."""
    ages = _values(evidence, one, "age")
    if len(ages) != 1:
        return None
    by_surname: dict[str, list[_Mention]] = defaultdict(list)
    for m in two:
        by_surname[m.surname.lower()].append(m)
    fits = [ms for ms in by_surname.values() if _values(evidence, ms, "age") == ages]
    return fits[0] if len(fits) == 1 else None


def _titles(ms: Sequence[_Mention]) -> set[str]:
    """The titles the finder read before the name ("president", "officer")."""
    return {m.slot.unit.lower() for m in ms if m.slot.unit and m.slot.unit != "pronoun"}


def _home_blocks(ms: Sequence[_Mention]) -> set[tuple[str, str]]:
    """The block a person lives on, told right after the name: "Donald Williams, 17, of the
    3000 block of West Dickens Street" -> ("3000", "west dickens")."""
    out: set[tuple[str, str]] = set()
    for m in ms:
        after = m.claim.text[m.slot.end - m.claim.start:]
        found = _HOME_BLOCK.match(after)
        if found:
            words = [w.strip(".").lower() for w in found.group(2).split()]
            while words and words[-1] in _STREET_WORDS:
                words.pop()
            if words:
                out.add((found.group(1), " ".join(words)))
    return out


def _surname_count(surnames: set[str]) -> int:
    """How many people the surnames of one given name stand for: two spellings of one
    surname ("Pruner", "Prunner") are one person's."""
    kinds: list[list[str]] = []
    for s in sorted(surnames):
        for k in kinds:
            if any(_related_surnames(s, t) or _spelling(s, t) for t in k):
                k.append(s)
                break
        else:
            kinds.append([s])
    return len(kinds)


def _named_together(x: str, y: str, given: str, articles: Sequence[Sequence[_Mention]]) -> bool:
    """Some article names a person of each surname, both with the given name or a short or
    long form of it ("Joshua Haber, 19, ... and Josh Williams, 20"): the two surnames are two
    people's. A husband of the surname ("Tonya Clayton", wife of Ray Green) does not count.
    """
    if _spelling(x, y):
        return False  # "Hennessey" / "Hennesey": one surname spelled two ways

    def has(ms: Sequence[_Mention], s: str) -> bool:
        return any((m.surname.lower() == s or _spelling(m.surname, s))
                   and (m.given.lower().startswith(given) or given.startswith(m.given.lower()))
                   for m in ms)
    return any(has(ms, x) and has(ms, y) for ms in articles)


def _sentence(m: _Mention) -> str:
    return m.claim.id.rsplit(".", 1)[0]


def _slip(mentions: Sequence[_Mention], story: Sequence[_Mention],
          texts: Sequence[ClaimRecord]) -> list[_Mention] | None:
    """The mentions of the surname one article gives a person once, when it also calls them by
    another surname: "Raad Daniels, 24, was arrested" in an article that otherwise, like the
    rest of the story, says "Raad Sunna". Two people share a given name instead (None) when the
    article names both in one sentence ("Lionel Ostrander and his cousin Lionel Hatch"), when
    the odd surname comes back in another sentence or another article (even alone: "Hatch
    said"), or when the usual surname is this article's alone.

    :param texts: the claims of the story's articles
    """
    by_surname: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_surname[m.surname.lower()].append(m)
    articles: dict[str, set[str]] = defaultdict(set)
    for m in story:
        articles[m.surname.lower()].add(m.claim.article_id)
    odd = [s for s in by_surname if len(articles[s]) == 1]
    if len(odd) != 1:
        return None
    slip = by_surname[odd[0]]
    usual = [m for s, ms in by_surname.items() if s != odd[0] for m in ms]
    where = {_sentence(m) for m in slip}
    if len(where) != 1 or where & {_sentence(m) for m in usual}:
        return None
    word = re.compile(r"(?<![\w-])" + re.escape(slip[0].surname) + r"(?![\w-])")
    if {c.id.rsplit(".", 1)[0] for c in texts if word.search(c.text)} != where:
        return None
    return slip


def _middle(m: _Mention) -> str:
    """The given and middle names of a name of three words or more ("Lakim Anthony")."""
    words = [w.strip(".,") for w in m.full.split()]
    while words and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()
    if len(words) < 3 or not all(_NAME_WORD.match(w) and w.lower() in _GIVEN for w in words[1:-1]):
        return ""  # "Big Creek Reservoir", "Harris County Precinct": no middle name
    return " ".join(words[:-1]).lower()


def _co_named(ma: Sequence[_Mention], mb: Sequence[_Mention], given: str) -> bool:
    """The two mentions' sentences name a third person in common ("Anna Bui, Jake Long and
    Jordan Ebner" / "Anna Bui, Jake Long, and Jordan Simms")."""
    def others(ms: Sequence[_Mention]) -> set[str]:
        out: set[str] = set()
        for m in ms:
            for s in m.claim.slots:
                split = _split(s) if s.kind == "person" and s.unit != "pronoun" else None
                if split is not None and split[0].lower() != given:
                    out.add(s.value.lower())
        return out
    return bool(others(ma) & others(mb))


def _values(evidence: Mapping[str, Mapping[str, set[str]]], mentions: Sequence[_Mention],
            what: str) -> set[str]:
    out: set[str] = set()
    for m in mentions:
        if m.slot.entity_id:
            out |= set(evidence.get(m.slot.entity_id, {}).get(what, set()))
    return out


def _name_conflict(
    story: str, given: str, ma: Sequence[_Mention], mb: Sequence[_Mention],
    evidence: Mapping[str, Mapping[str, set[str]]], *, strong_only: bool = False,
) -> Conflict | None:
    """:param strong_only: only an age, a role or a middle name in common ties the two
        mentions (not a home town, shared words or a third person named with them)"""
    support = 0
    strong = 0
    ages_a, ages_b = _values(evidence, ma, "age"), _values(evidence, mb, "age")
    if ages_a and ages_b:
        near = any(abs(int(p) - int(q)) <= 1 for p in ages_a for q in ages_b)
        if not near:
            return None  # 17 and 45: two people of one given name (a father and a son)
        support += 1
        strong += 1
    roles_a, roles_b = _values(evidence, ma, "role"), _values(evidence, mb, "role")
    if roles_a and roles_b:
        if not roles_a & roles_b:
            return None  # a victim and a suspect
        support += 1
        strong += 1
    middles_a, middles_b = {_middle(m) for m in ma} - {""}, {_middle(m) for m in mb} - {""}
    if middles_a & middles_b:
        support += 1  # "Lakim Anthony Ingram" and "Lakim Anthony Faust"
        strong += 1
    if (strong_only or _titles(ma) != _titles(mb)) and not strong:
        # "President Donald Trump" and "Donald F. McGahn": a person named by an office the
        # other mention lacks is told apart by it; only an age, a role or a middle name ties
        return None
    if _co_named(ma, mb, given):
        support += 1
    homes_a, homes_b = _values(evidence, ma, "residence"), _values(evidence, mb, "residence")
    if {h.lower() for h in homes_a} & {h.lower() for h in homes_b} \
            or _home_blocks(ma) & _home_blocks(mb):
        support += 1
    names = {w.lower() for m in (*ma, *mb) for w in m.full.split()}
    best = max(((_shared_words(p.claim, q.claim, names), p, q) for p in ma for q in mb),
               key=lambda t: (t[0], -t[1].claim.start, -t[2].claim.start))
    shared, pa, pb = best
    if shared >= MIN_SHARED_WORDS:
        support += 1
    if support == 0:
        return None
    confidence = min(0.85, BASE_CONFIDENCE + 0.1 * (support - 1))
    # "allegedly shot them": the hedge is about the act, not about who the person is
    gid = stable_id("f", "story", story, "name", given)
    cid = stable_id("x", gid, pa.claim.id, pb.claim.id, "name", pa.full, pb.full)
    title = given[:1].upper() + given[1:]
    explanation = (f"the person named {title}: A calls them {pa.full} (\"{short(pa.claim.text)}\"); "
                   f"B calls them {pb.full} (\"{short(pb.claim.text)}\")")
    if _spelling(pa.surname, pb.surname):
        # "Gomez"/"Gamez", "Marzouk"/"Marzook": a typo or a transliteration of one name, worth
        # a look but not a disagreement on who the person is; below the default cut
        explanation += "; the surnames differ by spelling only"
        confidence = min(confidence, SPELLING_CONFIDENCE)
    return Conflict(
        id=cid, group_id=gid, kind="entity", a=pa.claim, b=pb.claim, a_value=pa.full,
        b_value=pb.full, explanation=explanation, confidence=round(max(0.0, confidence), 3),
        update=False, story_id=story, subject=story, attribute="name",
    )
