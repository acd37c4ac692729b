"""One role, two people: "Ann Holm, the company's chief executive" vs "Chief executive Eva Lund".

Two articles of one story that name different people as the holder of one role disagree on
who holds it. The two sentences rarely say the same thing ("Holm said the plan would run to
2027", "Lund welcomed the deal"), so claim groups never meet them; the comparison runs per
story over the role holdings each article states:

- a title before the name ("Health Minister Ines Duarte", "Judge Helen Moore");
- an apposition after it ("Ines Duarte, the health minister", "Min Park, Kestrel's chief
  executive") or before it ("Hart's lawyer, Peter Lang");
- "led by" ("Kestrel, led by Min Park": the leader of Kestrel);
- the speaker of a claim ("Chief executive Anna Roth said ...", "His lawyer, Peter Lang, said").

What keeps two people of one role apart (no conflict), so that precision comes first:

- the role is tied to another time ("former", "acting", "new", ...: role_holder_time_words.txt)
  or indefinite ("Tom Reyes, a spokesman");
- the role does not name one person: roles many people hold need a named possessor
  ("Hart's lawyer", never "his lawyer"), ministers and secretaries need their field
  ("health minister"), and two roles are one only with the same field and the same possessor
  (a named possessor on one side only may be another organisation: "Ukrainian President X");
- either article names both people, or names two holders of the role;
- the two names may be one person (one contains the other, same surname, a spelling variant);
- the articles are not one story, or were published more than ``MAX_PUBLISHED_GAP`` days apart
  (a role changes hands).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .. import lexicon
from ..entities import gazetteer_level
from .model import ClaimRecord, Conflict, Slot
from .slots import published_day
from .text import name_overlap, short, stable_id

#: Confidence of a role conflict; a named possessor and shared words each add a little.
BASE_CONFIDENCE = 0.65
#: Articles published further apart than this may both be right: the role changed hands.
MAX_PUBLISHED_GAP = 14
#: Names this alike (difflib ratio) are one name spelled two ways, not two people.
SPELLING_RATIO = 0.75

_HEADS: dict[str, str] = dict(lexicon.pairs("role_holder_heads.txt"))
_TIME_WORDS = lexicon.lower_words("role_holder_time_words.txt")
# One role told with different words: "spokeswoman" is the spokesperson, "CEO" the chief executive.
_SAME_ROLE = {
    "chief executive officer": "chief executive", "ceo": "chief executive",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "attorney": "lawyer", "advisor": "adviser",
}
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your"})
_HEAD_RE = "(?:" + "|".join(re.escape(h) for h in _HEADS) + ")"
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")*"
# "Ines Duarte, the health minister" / "Min Park, Kestrel's chief executive" / "Jonas Wirth,
# spokesman for Varnholt" (a bare role only with whose it is after it)
_APPOSITION_AFTER = re.compile(
    r"^\s*,\s+(?:(?P<det>(?i:the|its|their|his|her|a|an))\s+|(?P<poss>" + _NAME + r"['’]s)\s+)?"
    r"(?P<role>(?i:(?:[\w'’.-]+\s+){0,3}?" + _HEAD_RE + r"))\b(?![-\w])"
    r"(?:\s+(?i:of|for|at)\s+(?P<of>[^,;:()]{1,60}))?"
)
# "the minister's deputy, Lena Berg" / "Hart's lawyer, Peter Lang"
_APPOSITION_BEFORE = re.compile(
    r"(?:\b(?P<det>(?i:the|its|their|his|her))\s+|(?P<poss>\b" + _NAME + r"['’]s)\s+)"
    r"(?P<role>(?i:(?:[\w'’.-]+\s+){0,3}?" + _HEAD_RE + r"))\s*,\s*$"
)
# "Prime Minister Theresa May of Britain": whose office the title is
_OF_AFTER_NAME = re.compile(r"^\s+of\s+(" + _NAME + r")")
# "Kestrel, led by Min Park" / "a delegation led by Omar Tal"
_LED_BY = re.compile(
    r"(?:\b(?P<org>" + _NAME + r")\s*,\s*)?\b(?:led|headed|chaired)\s+by\s+$"
)
_WORD = re.compile(r"[\w'’.-]+")
_DEMONYMS = {k.lower(): v for k, v in lexicon.pairs("demonyms.txt")}
_COUNTRIES = lexicon.lower_words("countries.txt")


@dataclass(slots=True, frozen=True)
class Role:
    """A role as written, parsed: its head noun, the field before it and whose it is."""

    head: str  # normalised head ("chief executive", "spokesperson", "leader")
    kind: str  # sole | qualified | portfolio | leader
    field: tuple[str, ...]  # "health" of "health minister"
    possessor: str  # "kestrel" of "Kestrel's chief executive"; "" when not named
    #: whose role it is was said without a name ("the school's president", "its chief")
    generic: bool = False


@dataclass(slots=True)
class Holding:
    """One article names one person as the holder of one role."""

    role: Role
    name: str
    claim: ClaimRecord
    text: str  # the role as written, for the explanation

    @property
    def article_id(self) -> str:
        return self.claim.article_id


def parse_role(text: str, possessor: str = "") -> Role | None:
    """The role a phrase names ("the company's chief executive", "Health Minister"), or None.

    ``possessor`` is a possessor found outside the phrase. A possessor is kept only when it
    is a name ("Kestrel's"): "the company's", "his" say nothing about whose role it is.
    """
    words = [w.lower() for w in _WORD.findall(text.replace("’", "'"))]
    if any(p in _TIME_WORDS for w in words for p in w.split("-")):
        return None
    low = " ".join(words)
    poss = possessor if _named(possessor) else ""
    generic = bool(possessor.strip()) and not poss
    if "'s " in low:
        before, _, low = low.rpartition("'s ")
        if _named(text.replace("’", "'").rsplit("'s ", 1)[0]):
            poss = before
        else:
            generic = True
    head = next((h for h in _HEADS if low == h or low.endswith(" " + h)), None)
    if head is None:
        return None
    rest = low[: len(low) - len(head)].split()
    generic = generic or any(w in _DETERMINERS - {"the", "a", "an"} for w in rest)
    field = tuple(w for w in rest if w not in _DETERMINERS)
    poss = " ".join(w for w in poss.lower().replace("'s", "").split() if w not in _DETERMINERS)
    return Role(_SAME_ROLE.get(head, head), _HEADS[head], field, poss, generic and not poss)


def _named(text: str) -> bool:
    """A possessor that names someone ("Kestrel", "the Charleston chapter"), not "the company"."""
    return any(w[:1].isupper() for w in text.split() if w.lower() not in _DETERMINERS)


def _definite(m: re.Match[str]) -> bool:
    """An apposition that names one role: "the spokesman", "Kestrel's spokesman", "spokesman
    for Kestrel"; never "a spokesman" (one of several)."""
    det = (m.group("det") or "").lower()
    if det in ("a", "an"):
        return False
    return bool(det or m.group("poss") or _named(m.group("of") or ""))


def _whose(m: re.Match[str]) -> str:
    """Whose role an apposition names: "Kestrel's chief executive", "the president of the
    Charleston chapter" (a role of something else than the story's own organisation)."""
    if m.group("poss"):
        return m.group("poss")
    return m.group("of") or ""


def _name_like(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and gazetteer_level(name) is None


def _rel(c: ClaimRecord, offset: int) -> int:
    return max(0, min(len(c.text), offset - c.start))


def _title_role(c: ClaimRecord, s: Slot) -> Role | None:
    """The title before a name ("Health Minister Ines Duarte"), with what stands before it:
    a time word ("former") or a named possessor ("Kestrel's", "Ukrainian")."""
    assert s.unit is not None
    before = c.text[max(0, _rel(c, s.start) - 80): _rel(c, s.start)].replace("’", "'")
    words = before.split()
    title = s.unit.split()
    k = len(title)
    if [w.lower() for w in words[-k:]] != [t.lower() for t in title]:
        return parse_role(s.unit)
    lead = words[-k - 2: -k] if len(words) > k else []
    if any(p in _TIME_WORDS for w in lead for p in w.lower().split("-")):
        return None
    possessor = ""
    unit = s.unit
    word = lead[-1] if lead else ""
    # a capital that opens the sentence ("The chief executive Ann Holm") says nothing
    opens = len(words) <= k + 1 or words[-k - 2][-1:] in ".!?\"“"
    bare = word[:-2] if word.endswith("'s") else word
    if word[:1].isupper() and word.lower() not in _DETERMINERS:
        role = parse_role(unit)
        nation = _DEMONYMS.get(bare.lower(), bare if bare.lower() in _COUNTRIES else "")
        if nation:
            possessor = nation  # "Ukrainian President", "Australia's Prime Minister"
        elif word.endswith("'s"):
            possessor = bare  # "Kestrel's chief executive"
        elif role is not None and role.kind == "portfolio":
            unit = f"{word} {unit}"  # "Industry Minister": the field of a portfolio
        elif not opens:
            possessor = word  # "Nordwerk chief executive"
    m = _OF_AFTER_NAME.match(c.text[_rel(c, s.end): _rel(c, s.end) + 60])
    if m and not possessor:
        possessor = m.group(1)  # "Prime Minister Theresa May of Britain"
        possessor = _DEMONYMS.get(possessor.lower(), possessor)
    return parse_role(unit, possessor)


def _slot_holdings(c: ClaimRecord) -> Iterable[Holding]:
    for s in c.slots:
        if s.kind not in ("person", "other", "place", "org") or s.unit == "pronoun":
            continue
        name = " ".join(s.value.split())
        if not _name_like(name):
            continue
        rel_start, rel_end = _rel(c, s.start), _rel(c, s.end)
        if s.kind == "person" and s.unit:
            role = _title_role(c, s)
            if role is not None:
                yield Holding(role, name, c, s.unit)
            continue
        after = c.text[rel_end: rel_end + 80]
        m = _APPOSITION_AFTER.match(after)
        if m and _definite(m):
            role = parse_role(m.group("role"), _whose(m))
            if role is not None:
                yield Holding(role, name, c, m.group(0).strip(" ,"))
            continue
        before = c.text[max(0, rel_start - 80): rel_start]
        m = _APPOSITION_BEFORE.search(before)
        if m:
            role = parse_role(m.group("role"), m.group("poss") or "")
            if role is not None:
                yield Holding(role, name, c, m.group(0).strip(" ,"))
            continue
        m = _LED_BY.search(before)
        if m and s.kind in ("person", "other"):
            org = m.group("org") or ""
            if org and org.lower() not in _DETERMINERS:
                yield Holding(Role("leader", "leader", (), " ".join(org.lower().split())), name, c,
                              m.group(0).strip())


def _speaker_holding(c: ClaimRecord) -> Holding | None:
    """The speaker's role: "Chief executive Anna Roth", "Hart's lawyer, Peter Lang",
    "Anna Roth, the company's chief executive"."""
    speaker = " ".join((c.speaker or "").split())
    if not speaker:
        return None
    head, sep, tail = speaker.partition(", ")
    if sep and _name_like(head) and len(head.split()) >= 2:
        m = _APPOSITION_AFTER.match(", " + tail)
        if m and m.end() == len(tail) + 2 and _definite(m):
            role = parse_role(m.group("role"), _whose(m))
            return Holding(role, head, c, tail) if role else None
        return None
    words = speaker.replace(",", " , ").split()
    # the longest role before a name of at least two words
    for k in range(len(words) - 2, 0, -1):
        name_words = words[k:]
        if not all(w[:1].isupper() for w in name_words) or "," in name_words:
            continue
        role_text = " ".join(w for w in words[:k] if w != ",")
        first = words[0]
        if not (first[:1].isupper() or first.lower() in _DETERMINERS or first.endswith(("'s", "’s"))
                or role_text.lower() in _HEADS):
            continue  # "said the school's president": not a role phrase the finder cut cleanly
        role = parse_role(role_text)
        if role is None:
            continue
        name = " ".join(name_words)
        return Holding(role, name, c, role_text) if _name_like(name) else None
    return None


def extract_holdings(claims: Sequence[ClaimRecord]) -> list[Holding]:
    """Every role holding the claims state, in claim order."""
    out: list[Holding] = []
    for c in claims:
        out.extend(_slot_holdings(c))
        h = _speaker_holding(c)
        if h is not None:
            out.append(h)
    return out


def same_role(x: Role, y: Role) -> bool:
    """Two roles name one position, so that two holders of it disagree."""
    if x.kind == "leader" or y.kind == "leader":
        # "Kestrel, led by X" and "Kestrel's chief executive, Y": the head of one organisation
        other = y if x.kind == "leader" else x
        return bool(x.possessor) and x.possessor == y.possessor and other.kind != "qualified"
    if x.head != y.head or x.field != y.field or x.possessor != y.possessor:
        return False
    if x.kind == "qualified":
        return bool(x.possessor)
    if x.kind == "portfolio" and not x.field:
        return False
    if x.kind in ("office", "portfolio"):
        # "President Obama" and "the school's president": the office of a country or a city
        # told bare, another organisation's told with its owner
        return x.generic == y.generic
    return True  # "the company's chief executive" and "Chief executive Ann Holm"


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip(".,") if name.split() else ""


def one_person(x: str, y: str) -> bool:
    """Two names that may be one person: "Lang" and "Peter Lang", "Min Jun Park" and
    "Min-jun Park", "Bekele" and "Bekhele"."""
    if name_overlap(x, y) or _surname(x) == _surname(y):
        return True
    a, b = x.lower().replace("-", " "), y.lower().replace("-", " ")
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


def _named_words(claims: Iterable[ClaimRecord]) -> set[str]:
    """Every capitalised word an article's names and speakers hold (lower-cased)."""
    out: set[str] = set()
    for c in claims:
        for s in c.slots:
            out.update(w.lower().strip(".,'’") for w in s.value.split())
        out.update(w.lower().strip(".,'’") for w in (c.speaker or "").split() if w[:1].isupper())
    return out


def compare_holdings(
    holdings: Sequence[Holding],
    claims: Sequence[ClaimRecord],
    story_of: Callable[[str], str],
    *,
    same_story: Callable[[str, str], bool] | None = None,
) -> list[Conflict]:
    """Role conflicts between the articles of each story (see the module's rules)."""
    by_article: dict[str, list[Holding]] = defaultdict(list)
    for h in holdings:
        by_article[h.article_id].append(h)
    claims_of: dict[str, list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        claims_of[c.article_id].append(c)
    named = {art: _named_words(cs) for art, cs in claims_of.items()}
    by_story: dict[str, list[str]] = defaultdict(list)
    for art in sorted(by_article):
        by_story[story_of(art)].append(art)
    out: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    for story, arts in sorted(by_story.items()):
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                a, b = arts[i], arts[j]
                if same_story is not None and not same_story(a, b):
                    continue
                pa, pb = published_day(by_article[a][0].claim), published_day(by_article[b][0].claim)
                if pa is not None and pb is not None and abs(pa - pb) > MAX_PUBLISHED_GAP:
                    continue
                for x in by_article[a]:
                    for y in by_article[b]:
                        found = _role_conflict(story, x, y, by_article, named)
                        if found is None:
                            continue
                        # one disagreement per pair of articles, however often each restates it
                        key = (a, b, found.group_id, _surname(x.name), _surname(y.name))
                        if key not in seen:
                            seen.add(key)
                            out.append(found)
    return out


def _sole_holder(h: Holding, theirs: Sequence[Holding]) -> bool:
    """Every holding of the article that names ``h``'s role names ``h``'s holder."""
    return all(one_person(h.name, o.name) for o in theirs if same_role(h.role, o.role))


def _role_conflict(
    story: str, x: Holding, y: Holding, by_article: dict[str, list[Holding]],
    named: dict[str, set[str]],
) -> Conflict | None:
    if not same_role(x.role, y.role) or one_person(x.name, y.name):
        return None
    if not (_sole_holder(x, by_article[x.article_id]) and _sole_holder(y, by_article[y.article_id])):
        return None  # an article that names two holders of the role: two people, two roles
    if _surname(y.name) in named.get(x.article_id, set()) or _surname(x.name) in named.get(
        y.article_id, set()
    ):
        return None  # an article names both people: they hold different roles
    confidence = BASE_CONFIDENCE
    if x.role.possessor or y.role.possessor:
        confidence += 0.05
    shared = {w for w in x.claim.words & y.claim.words if not w.startswith("@")}
    if len(shared) >= 2:
        confidence += 0.05
    # "Roth said the plan could slip": the hedge is about the plan, not about who Roth is
    role = x.role if x.role.kind != "leader" else y.role
    what = " ".join([*(f"{role.possessor}'s",) * bool(role.possessor), *role.field, role.head])
    gid = stable_id("f", "story", story, "role holder", what)
    cid = stable_id("x", gid, x.claim.id, y.claim.id, "role holder", x.name, y.name)
    explanation = (f"the {what}: A names {x.name} (\"{short(x.claim.text)}\"); "
                   f"B names {y.name} (\"{short(y.claim.text)}\")")
    return Conflict(
        id=cid, group_id=gid, kind="entity", a=x.claim, b=y.claim, a_value=x.name,
        b_value=y.name, explanation=explanation, confidence=round(max(0.0, min(1.0, confidence)), 3),
        update=False, story_id=story, subject=story, attribute="role holder",
    )
