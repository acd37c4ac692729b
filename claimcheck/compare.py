"""Group claims across articles and decide agree / refine / conflict.

Pipeline: load the comparable claims -> blocking keys (canonical entities and rare content
words) -> candidate pairs that share enough keys -> rapidfuzz similarity on slot-masked text
plus slot overlap -> average-linkage clustering (no chaining through one loose link) ->
per-pair slot comparison -> verdicts and typed conflicts -> stored in ``claim_groups``,
``group_claims`` and ``conflicts``.

The slot comparison is deliberately conservative: a conflict needs the two claims to say the
same thing about the same participants apart from one slot, with both values unhedged and
incompatible. Precision differences, formats and attributed speech are never conflicts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz

from .dates import format_interval
from .entities import gazetteer_level, name_key
from .store import finish_run, open_db, start_run, transaction
from .views import refresh_views

# --- data ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Slot:
    """A normalised mention of a claim."""

    kind: str
    surface: str
    value: str
    lo: float | None
    hi: float | None
    unit: str | None
    entity_id: str | None
    start: int
    end: int


@dataclass(slots=True)
class ClaimRecord:
    """A claim with what comparison needs."""

    id: str
    article_id: str
    source: str
    outlet: str | None
    start: int
    end: int
    text: str
    normalized: str
    polarity: int
    modality: str | None
    speaker: str | None
    tense: str | None
    published: str | None = None
    slots: list[Slot] = field(default_factory=list)
    masked: str = ""
    keys: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Conflict:
    """Two claims of one group that disagree on one slot."""

    id: str
    group_id: str
    kind: str
    a: ClaimRecord
    b: ClaimRecord
    a_value: str
    b_value: str
    explanation: str


@dataclass(slots=True)
class Group:
    """Claims from two or more articles that state the same fact."""

    id: str
    verdict: str
    claims: list[ClaimRecord]
    scores: dict[str, float] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(slots=True)
class DiffResult:
    """The outcome of one diff run."""

    run_id: int
    groups: list[Group]
    conflicts: list[Conflict]
    articles: list[dict[str, Any]]
    claims_compared: int = 0
    candidate_pairs: int = 0
    seconds: float = 0.0


# --- text helpers -------------------------------------------------------------------------

_STOP = frozenset(
    """a an the and or but of to in on at by for with from as into about over after before
    since until during between among against through under above within without this that
    these those it its it's is are was were be been being has have had do does did will would
    shall should can could may might must not no nor never also then than so such very more
    most much many some any each every other another own same both all few several he she they
    we i you his her their our your him them us me who whom whose which what when where why how
    there here said says say told according while although though however because if just only
    even still yet again already mr mrs ms dr""".split()
)
_TOKEN = re.compile(r"\be[0-9a-f]{12}\b|<[a-z]+>|[a-z][a-z'’\-]*")
_ENTITY_ID = re.compile(r"e[0-9a-f]{12}")
_NEG_TOKEN = re.compile(
    r"\b(?:not|never|no|neither|nor|denied|denies|refused|declined)\b|n[’']t\b", re.IGNORECASE
)


def _strip_suffix(word: str) -> str:
    """A light suffix stripper; both sides of a comparison go through the same one."""
    word = word.strip("'’-")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 5 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") or len(word) > 4 and word.endswith("es") and not word.endswith("ses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "planned" -> "plan"
    return word


def _stem(word: str) -> str:
    """Suffix-stripped word, mapped to its synonym row's canonical form."""
    base = _strip_suffix(word)
    return _SYNONYMS.get(word, _SYNONYMS.get(base, base))


# Words that news outlets use for one another when they restate the same fact. Each row is
# one meaning; the first word is its canonical form. Kept small and general on purpose.
_SYNONYM_ROWS = [
    "recognize recognise see consider regard view designate label list deem",
    "group organization organisation movement",
    "meet met meeting talks",
    "receive host welcome",
    "maintain keep continue sustain",
    "contact contacts ties relation relations relationship",
    "kill killed killing dead die died death deaths slay slain fatal fatally",
    "injure injured wound wounded hurt injury injuries",
    "visit visited trip travel traveled travelled",
    "lead led head headed chair chaired chief leader chairman leadership",
    "release free freed freeing",
    "hostage captive captives abducted kidnapped",
    "citizen national nationals",
    "attack attacked strike assault raid",
    "arrest arrested detain detained custody",
    "shoot shot shooting gunfire",
    "say said state stated told tell announce announced",
    "begin began start started launch launched",
    "end ended finish finished conclude concluded",
    "buy bought acquire acquired purchase purchased",
    "sign signed",
    "elect elected win won victory",
    "divert diverted distract",
    "reduce reduction reduced cut cuts",
    "aid assistance support help",
    "credit credits",
    "rep representative representatives delegation delegations envoy envoys",
    "large big major",
    "quake earthquake tremor temblor",
    "blaze fire wildfire",
    "flood flooding floods",
    "storm hurricane cyclone typhoon",
    "company firm",
    "vehicle car",
    "price deal",
    "many numerous multiple several repeated repeatedly",
]
_SYNONYMS: dict[str, str] = {}


def _build_synonyms() -> None:
    for row in _SYNONYM_ROWS:
        words = row.split()
        for w in words:
            _SYNONYMS.setdefault(w, words[0])
            _SYNONYMS.setdefault(_strip_suffix(w), words[0])


_build_synonyms()


def _masked_text(claim: ClaimRecord) -> str:
    """The claim text with its slots replaced by placeholders (entities by their id)."""
    text = claim.text
    pieces: list[str] = []
    cursor = 0
    for slot in sorted(claim.slots, key=lambda s: (s.start, -s.end)):
        s, e = slot.start - claim.start, slot.end - claim.start
        if s < cursor or s < 0 or e > len(text):
            continue
        pieces.append(text[cursor:s])
        if slot.kind == "date":
            pieces.append(" <date> ")
        elif slot.kind == "quantity":
            noun = (slot.unit or "").partition(":")[2]
            pieces.append(f" <num> {noun} " if noun else " <num> ")
        elif slot.entity_id:
            pieces.append(f" {slot.entity_id} ")
        else:
            pieces.append(f" {slot.surface} ")
        cursor = e
    pieces.append(text[cursor:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip().lower()


def _canonical_tokens(masked: str) -> list[str]:
    """Content tokens of masked text, stemmed and mapped to synonyms; placeholders kept."""
    out = []
    for t in _TOKEN.findall(masked):
        if t.startswith("<") or (t.startswith("e") and len(t) == 13 and t[1:].isalnum()):
            out.append(t)
        elif t not in _STOP and len(t) > 2:
            out.append(_stem(t))
    return out


def _content_words(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if not t.startswith("<") and not (len(t) == 13 and t[0] == "e" and t[1:].isalnum())}


# --- loading ------------------------------------------------------------------------------


def load_claims(db: sqlite_utils.Database) -> list[ClaimRecord]:
    """Every claim of a non-boilerplate sentence, with its slots, in a stable order."""
    claims: dict[str, ClaimRecord] = {}
    sql = """
        SELECT c.id, c.article_id, a.source, a.outlet, c.start, c.end, c.text, c.normalized,
               c.polarity, c.modality, c.speaker, c.tense, a.published
        FROM claims c
        JOIN sentences s ON s.id = c.sentence_id
        JOIN articles a ON a.id = c.article_id
        WHERE s.is_boilerplate = 0
        ORDER BY c.article_id, c.start, c.id
    """
    for row in db.execute(sql):
        claims[row[0]] = ClaimRecord(*row)
    for row in db.execute(
        "SELECT claim_id, kind, surface, value, lo, hi, unit, entity_id, start, end FROM mentions "
        "ORDER BY claim_id, start, id"
    ):
        claim = claims.get(row[0])
        if claim is not None:
            claim.slots.append(Slot(*row[1:]))
    return list(claims.values())


# --- candidate pairs ----------------------------------------------------------------------


def _prepare(claims: Sequence[ClaimRecord]) -> None:
    for c in claims:
        tokens = _canonical_tokens(_masked_text(c))
        c.masked = " ".join(tokens)
        c.words = _content_words(tokens)
        # Specific dates are strong evidence of one event: they join the words compared.
        dates = {f"@{s.value}" for s in c.slots if s.kind == "date" and "|relative" not in (s.unit or "")}
        c.words |= dates
        c.keys = set(c.words) | {s.entity_id for s in c.slots if s.entity_id}


def candidate_pairs(
    claims: Sequence[ClaimRecord], *, min_shared: int = 2, max_postings: int | None = None
) -> list[tuple[int, int]]:
    """Pairs of claims from different articles that share enough rare blocking keys.

    Keys with very long posting lists (common words, ubiquitous entities) are dropped, so
    the number of pairs grows with the number of claims, not with its square.

    :param claims: prepared claims
    :param min_shared: how many keys a pair must share
    :param max_postings: drop keys held by more claims than this (default: scales with size)
    """
    if max_postings is None:
        max_postings = MAX_POSTINGS
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for key in c.keys:
            postings[key].append(i)
    sizes = [len(c.keys) for c in claims]
    shared: Counter[tuple[int, int]] = Counter()
    for key, members in postings.items():
        # Entities and dates name one story's participants and days; words are shared more
        # widely, so they get the tighter cap.
        cap = max_postings * 4 if key[0] == "@" or _ENTITY_ID.fullmatch(key) else max_postings
        if len(members) < 2 or len(members) > cap:
            continue
        for x in range(len(members)):
            ci = members[x]
            art = claims[ci].article_id
            for y in range(x + 1, len(members)):
                cj = members[y]
                if claims[cj].article_id != art:
                    shared[(ci, cj)] += 1
    # Short claims ("The quake killed 12 people") have few keys; one shared rare key will do.
    # Pairs that share only a small part of their keys cannot reach the grouping threshold.
    out = []
    for p, n in shared.items():
        smaller = min(sizes[p[0]], sizes[p[1]])
        if (n >= min_shared or (n >= 1 and smaller <= 3)) and n >= MIN_KEY_SHARE * smaller:
            out.append(p)
    out.sort()
    return out


def similarity(a: ClaimRecord, b: ClaimRecord) -> float:
    """0..1: rapidfuzz on the masked texts, blended with the overlap of slots and words."""
    text_score = fuzz.token_set_ratio(a.masked, b.masked) / 100.0
    sort_score = fuzz.token_sort_ratio(a.masked, b.masked) / 100.0
    union = a.words | b.words
    word_overlap = len(a.words & b.words) / len(union) if union else 0.0
    ents_a = {s.entity_id for s in a.slots if s.entity_id}
    ents_b = {s.entity_id for s in b.slots if s.entity_id}
    ent_union = ents_a | ents_b
    ent_overlap = len(ents_a & ents_b) / len(ent_union) if ent_union else 0.5
    return 0.35 * text_score + 0.25 * sort_score + 0.25 * word_overlap + 0.15 * ent_overlap


# --- clustering ---------------------------------------------------------------------------


def cluster(
    n: int, scored: Sequence[tuple[float, int, int]], article_of: Sequence[str], threshold: float
) -> list[list[int]]:
    """Average-linkage agglomeration over scored pairs (missing pairs count as 0).

    Edges are taken from strongest to weakest; two clusters merge only when the mean
    similarity over all their cross-article pairs stays at or above ``threshold``. A chain
    of loose links therefore cannot join unrelated claims.
    """
    sims: dict[tuple[int, int], float] = {}
    for s, i, j in scored:
        sims[(i, j) if i < j else (j, i)] = s
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if s < threshold:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        total = 0.0
        count = 0
        for x in members[ri]:
            for y in members[rj]:
                if article_of[x] == article_of[y]:
                    continue
                total += sims.get((x, y) if x < y else (y, x), 0.0)
                count += 1
        if count == 0 or total / count < threshold:
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
    return [sorted(m) for m in members.values() if len(m) > 1]


# --- slot comparison ----------------------------------------------------------------------


def _slots(c: ClaimRecord, kind: str) -> list[Slot]:
    return [s for s in c.slots if s.kind == kind]


_ENTITY_KINDS = ("person", "org", "place", "other")
# Places are left out: one outlet adds "in Poland" where another says "Polish"; a place that
# really differs is a place conflict of its own.
_PARTICIPANT_KINDS = ("person", "org")


def _same_participants(
    a: ClaimRecord, b: ClaimRecord, skip_a: Sequence[Slot] = (), skip_b: Sequence[Slot] = ()
) -> bool:
    """Every named person and organisation of each claim appears in the other.

    Participants match by canonical entity, or by a shared name word when the linker kept
    two forms apart ("Carmaker Norvik Motors" / "Norvik Motors"); a participant may be
    matched by a mention of any kind on the other side (the finder may call one name an
    organisation here and "other" there). Pronoun mentions and the ``skip`` slots are left
    out; places are compared on their own.
    """

    def required(c: ClaimRecord, skip: Sequence[Slot]) -> list[Slot]:
        return [s for s in c.slots if s.kind in _PARTICIPANT_KINDS and s.unit != "pronoun"
                and not any(s is k for k in skip)]

    def present(c: ClaimRecord, skip: Sequence[Slot]) -> list[Slot]:
        return [s for s in c.slots if s.kind in _ENTITY_KINDS and not any(s is k for k in skip)]

    def covered(xs: list[Slot], ys: list[Slot]) -> bool:
        return all(
            any((x.entity_id and x.entity_id == y.entity_id) or _name_overlap(x.value, y.value)
                for y in ys)
            for x in xs
        )

    return covered(required(a, skip_a), present(b, skip_b)) and covered(
        required(b, skip_b), present(a, skip_a)
    )


def _interval_relation(a: Slot, b: Slot) -> str:
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    # The same words state the same value. Two copies of "on Monday" resolved against two
    # different publication dates are one (syndicated or re-used) statement, not two.
    if a.lo == b.lo and a.hi == b.hi or _same_words(a.surface, b.surface):
        return "equal"
    if a.lo <= b.lo and b.hi <= a.hi:
        return "contains"
    if b.lo <= a.lo and a.hi <= b.hi:
        return "within"
    if a.hi < b.lo or b.hi < a.lo:
        return "disjoint"
    return "overlap"


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


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
    r"\b(killed|dead|died|dies|deaths?|fatal\w*|slain|murdered|injur\w*|wounded|hurt|shot|"
    r"arrested|charged|missing|evacuated|hospitali[sz]ed|rescued|displaced)\b",
    re.IGNORECASE,
)
_EVENT_CLASS = {
    "killed": "death", "dead": "death", "died": "death", "dies": "death", "death": "death",
    "deaths": "death", "slain": "death", "murdered": "death", "fatal": "death",
    "injured": "injury", "injuries": "injury", "injury": "injury", "wounded": "injury",
    "hurt": "injury", "shot": "shot", "arrested": "arrest", "charged": "arrest",
}


def _quantity_role(c: ClaimRecord, slot: Slot) -> str:
    """What a number counts in its claim: its noun plus the nearest event word after it."""
    noun = (slot.unit or "")
    after = c.text[slot.end - c.start: slot.end - c.start + 40]
    before = c.text[max(0, slot.start - c.start - 25): slot.start - c.start]
    m = _EVENT_WORD.search(after) or _EVENT_WORD.search(before)
    event = ""
    if m:
        word = m.group(1).lower()
        event = _EVENT_CLASS.get(word, "fatal" if word.startswith("fatal") else word)
        if word.startswith("injur"):
            event = "injury"
    return f"{noun}|{event}"


_CONFLICT_QUANTITY_KINDS = ("count", "money", "percent", "age", "times")
_PARTIAL = re.compile(r"\b(?:other|others|more|additional|another|of them|of the)\b", re.IGNORECASE)


def _weekday_like(slot: Slot) -> bool:
    """A date with no number in it ("Friday", "tonight", "last week"): resolved, not stated."""
    return _relative(slot) and not any(ch.isdigit() for ch in slot.surface)


def _each_reported_at_the_time(a: ClaimRecord, x: Slot, b: ClaimRecord, y: Slot) -> bool:
    """Two articles published weeks apart, each dating the event to just before its own
    publication: two events of the same kind (a shooting at the same park a year later), not
    two accounts of one event."""
    if not a.published or not b.published or x.lo is None or y.lo is None:
        return False
    try:
        pa = dt.date.fromisoformat(a.published).toordinal()
        pb = dt.date.fromisoformat(b.published).toordinal()
    except ValueError:
        return False
    if abs(pa - pb) <= 14:
        return False
    return pa - 21 <= x.lo <= pa + 1 and pb - 21 <= y.lo <= pb + 1


def _gap_days(x: Slot, y: Slot) -> float:
    assert x.lo is not None and x.hi is not None and y.lo is not None and y.hi is not None
    return max(y.lo - x.hi, x.lo - y.hi, 0.0)


_NEG_SCOPE_SKIP = frozenset(
    "be been being is are was were to yet have has had do does did the a an any ever also even "
    "publicly formally officially immediately".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _negated_word_shared(negative: ClaimRecord, positive: ClaimRecord) -> bool:
    """The word a negation applies to also stands in the other claim.

    "did not confirm the merger" vs "confirmed the merger": "confirm" is in both. "were not
    willing to talk" vs "talked": "willing" is not, so the claims do not contradict.
    """
    m = _NEG_TOKEN.search(negative.text)
    if m is None:
        return False
    for word in _WORD_RE.findall(negative.text, m.end()):
        low = word.lower()
        if low in _NEG_SCOPE_SKIP:
            continue
        return _stem(low) in positive.words
    return False


def _same_predicate(a: ClaimRecord, b: ClaimRecord) -> bool:
    """The claims say the same kind of thing: half the content words of the shorter one
    (synonyms merged, names and values left out) appear in the other. "Genesis disappeared
    on January 19" and "the body found on Feb. 16 is Genesis" do not."""
    wa = {w for w in a.words if not w.startswith("@")}
    wb = {w for w in b.words if not w.startswith("@")}
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


_PARTIAL_AFTER = re.compile(r"\s*(?:more|other|others|additional)\b", re.IGNORECASE)


def _vague(slot: Slot) -> bool:
    """"several", "dozens", "hundreds of": no number is stated, only a rough size."""
    return not any(ch.isdigit() for ch in slot.surface) and slot.lo != slot.hi and not (
        slot.hi is not None and math.isinf(slot.hi)
    )


def _partial(c: ClaimRecord, slot: Slot) -> bool:
    """"two other men", "four more were wounded": a count of part of the whole."""
    before = c.text[max(0, slot.start - c.start - 12): slot.start - c.start]
    after = c.text[slot.end - c.start: slot.end - c.start + 12]
    return bool(
        _PARTIAL.search(slot.surface) or _PARTIAL.search(before) or _PARTIAL_AFTER.match(after)
    )


def _same_single_person(a: ClaimRecord, b: ClaimRecord) -> bool:
    pa = [s for s in _slots(a, "person") if s.unit != "pronoun"]
    pb = [s for s in _slots(b, "person") if s.unit != "pronoun"]
    if len(pa) != 1 or len(pb) != 1 or len(_slots(a, "quantity")) != 1 or len(_slots(b, "quantity")) != 1:
        return False
    x, y = pa[0], pb[0]
    return bool((x.entity_id and x.entity_id == y.entity_id) or _name_overlap(x.value, y.value))


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


@dataclass(slots=True)
class PairVerdict:
    """How two claims of one group relate, with any conflicts found."""

    relation: str  # agree | refine | conflict
    conflicts: list[tuple[str, str, str, str]]  # kind, a_value, b_value, explanation


def _same_frame(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims are asserted the same way: neither hedged, no different speakers, same tense."""
    if a.modality or b.modality:
        return False
    if (a.tense == "future") != (b.tense == "future"):
        return False
    return not (a.speaker and b.speaker and a.speaker.lower() != b.speaker.lower())


def compare_pair(a: ClaimRecord, b: ClaimRecord, sim: float) -> PairVerdict:
    """Compare the slots of two claims that were grouped together."""
    conflicts: list[tuple[str, str, str, str]] = []
    refine = False
    frame = _same_frame(a, b)
    same_people = _same_participants(a, b)

    # Dates
    da, db_ = _slots(a, "date"), _slots(b, "date")
    if da and db_:
        rels = [_interval_relation(x, y) for x in da for y in db_]
        if "equal" in rels and len(da) == len(db_):
            pass
        elif all(r == "disjoint" for r in rels):
            # A date resolved from "on Monday" is only as good as the publication date it
            # was resolved against: compare it only between articles published the same day.
            rel_a, rel_b = _relative(da[0]), _relative(db_[0])
            vague_a, vague_b = _weekday_like(da[0]), _weekday_like(db_[0])
            relative_ok = not (rel_a or rel_b) or (
                a.published is not None and a.published == b.published
                # a weekday resolved against a publication date can be a week off next to
                # an explicit date, and future plans ("a vigil is planned for Friday") are
                # resolved with too little to go on
                and not (vague_a != vague_b and _gap_days(da[0], db_[0]) <= 7)
                and not ((vague_a or vague_b) and "future" in (a.tense, b.tense))
            )
            granularity = (da[0].unit or "").split("|")[0]
            if (frame and same_people and len(da) == 1 and len(db_) == 1 and sim >= CONFLICT_SIMILARITY
                    and relative_ok and granularity == (db_[0].unit or "").split("|")[0]
                    and granularity in ("day", "month", "year") and _same_predicate(a, b)
                    and not _each_reported_at_the_time(a, da[0], b, db_[0])):
                x, y = _date_text(da[0]), _date_text(db_[0])
                conflicts.append(("date", x, y, f"A says {x}; B says {y}"))
        else:
            refine = True
    elif da or db_:
        refine = True

    # Quantities
    qa, qb = _slots(a, "quantity"), _slots(b, "quantity")
    if qa and qb:
        roles_a: dict[str, list[Slot]] = defaultdict(list)
        roles_b: dict[str, list[Slot]] = defaultdict(list)
        for q in qa:
            roles_a[_quantity_role(a, q)].append(q)
        for q in qb:
            roles_b[_quantity_role(b, q)].append(q)
        for role in roles_a.keys() & roles_b.keys():
            xs, ys = roles_a[role], roles_b[role]
            rels = [_interval_relation(x, y) for x in xs for y in ys]
            if all(r == "disjoint" for r in rels):
                if role.startswith("count|") and role.endswith("|"):
                    continue  # a bare number with neither a counted noun nor an event word
                if not role.startswith(_CONFLICT_QUANTITY_KINDS) and not (
                    role.startswith("measure") and sim >= 0.75
                ):
                    continue  # durations and loose measures ("10 minutes", "5 feet") describe many things
                if any(_vague(q) or _partial(c, q) for c, q in ((a, xs[0]), (b, ys[0]))):
                    continue
                if not _same_predicate(a, b):
                    continue  # the numbers may count different things ("wounded" vs "found")
                if role.startswith("age") and not _same_single_person(a, b):
                    continue  # ages compare only when both claims name the same one person
                if frame and same_people and len(xs) == 1 and len(ys) == 1 and sim >= CONFLICT_SIMILARITY:
                    x, y = _quantity_text(xs[0]), _quantity_text(ys[0])
                    conflicts.append(("number", x, y, f"A gives {x}; B gives {y} ({_role_label(role)})"))
            elif any(r in ("contains", "within", "overlap") for r in rels) and "equal" not in rels:
                refine = True

    # Negation
    # (both claims unattributed, or attributed to the same speaker)
    same_speaker = (a.speaker or "").lower() == (b.speaker or "").lower()
    if a.polarity != b.polarity and frame and same_people and sim >= 0.8 and same_speaker:
        neg_a = _NEG_TOKEN.sub("", a.masked)
        neg_b = _NEG_TOKEN.sub("", b.masked)
        # The rest of the two claims must be the same statement: at most one content word
        # differs, so the negation cannot sit in a part only one claim has.
        if (fuzz.ratio(neg_a, neg_b) >= 85 and len(a.words ^ b.words) <= 1
                and _negated_word_shared(b if a.polarity > 0 else a, a if a.polarity > 0 else b)):
            pos, neg = (a, b) if a.polarity > 0 else (b, a)
            conflicts.append((
                "negation",
                "affirms" if a.polarity > 0 else "denies",
                "affirms" if b.polarity > 0 else "denies",
                f"A {'affirms' if a.polarity > 0 else 'denies'} what B "
                f"{'affirms' if b.polarity > 0 else 'denies'}: "
                f"\"{_short(pos.text)}\" vs \"{_short(neg.text)}\"",
            ))

    # A different person in the same role, or a different place for the same event
    if frame and sim >= CONFLICT_SIMILARITY and not conflicts:
        if da and db_ and not any(_interval_relation(x, y) == "equal" for x in da for y in db_):
            pass  # different dates: a change of office holder or another event, not a conflict
        else:
            found = _role_conflict(a, b) or _place_conflict(a, b)
            if found is not None:
                conflicts.append(found)
    if conflicts:
        return PairVerdict("conflict", conflicts)
    return PairVerdict("refine" if refine else "agree", [])


_AS_ROLE = re.compile(
    r"\bas\s+(?:(?:its|the|their|his|her|a|an)\s+)?(?:(?:new|next|interim|acting|permanent)\s+)?"
    r"((?:[a-z]+\s+){0,2}?(?:chief executive|executive|officer|director|chairman|chairwoman|chair|"
    r"president|minister|secretary|governor|mayor|speaker|coach|manager|captain|judge|ambassador|"
    r"envoy|head|leader|commander|chief|spokesman|spokeswoman|spokesperson|editor|ceo|cfo))\b",
    re.IGNORECASE,
)


def _role_of(c: ClaimRecord, slot: Slot) -> str | None:
    """The role a person holds in a claim: a title before the name, or "as <role>" after it."""
    if slot.unit and slot.unit != "pronoun":
        return slot.unit.lower()
    m = _AS_ROLE.search(c.text, slot.end - c.start)
    if m and m.start() - (slot.end - c.start) < 80:
        return " ".join(m.group(1).lower().split())
    return None


def _role_conflict(a: ClaimRecord, b: ClaimRecord) -> tuple[str, str, str, str] | None:
    """One role, two different people: "Finance Minister Berg signed" vs "Finance Minister Holm"."""
    roles_a = {_role_of(a, s): s for s in _slots(a, "person") if _role_of(a, s)}
    roles_b = {_role_of(b, s): s for s in _slots(b, "person") if _role_of(b, s)}
    for role in sorted(roles_a.keys() & roles_b.keys(), key=str):
        sa, sb = roles_a[role], roles_b[role]
        if (sa.entity_id or sa.value) == (sb.entity_id or sb.value):
            continue
        if _same_words(sa.surface, sb.surface) or _name_overlap(sa.value, sb.value):
            continue  # "Vladimir Putin" vs "Putin": one name, not two people
        # Everyone else in the two claims must be the same.
        if not _same_participants(a, b, [sa], [sb]):
            continue
        holder_a = {sa.entity_id or sa.value}
        holder_b = {sb.entity_id or sb.value}
        if holder_a & {s.entity_id or s.value for s in _slots(b, "person")}:
            continue  # A's role holder appears in B too: B may just name another role
        if holder_b & {s.entity_id or s.value for s in _slots(a, "person")}:
            continue
        return ("entity", sa.surface, sb.surface,
                f"A names {sa.surface} as {role}; B names {sb.surface}")
    return None


def _place_conflict(a: ClaimRecord, b: ClaimRecord) -> tuple[str, str, str, str] | None:
    """One event, two places: "talks were held in Geneva" vs "talks were held in Vienna"."""
    pa = [s for s in a.slots if _is_place(a, s)]
    pb = [s for s in b.slots if _is_place(b, s)]
    if len(pa) != 1 or len(pb) != 1:
        return None
    sa, sb = pa[0], pb[0]
    if (sa.entity_id or sa.value) == (sb.entity_id or sb.value) or _same_words(sa.surface, sb.surface):
        return None
    if _name_overlap(sa.value, sb.value):
        return None
    if _place_level(sa.value) != "local" or _place_level(sb.value) != "local":
        return None  # a country or state beside a city, or a street: detail, not disagreement
    # A place the other claim also names ("on Bourbon Street in New Orleans") is detail,
    # not disagreement.
    ids_a = {s.entity_id or s.value for s in a.slots if s.kind in _ENTITY_KINDS}
    ids_b = {s.entity_id or s.value for s in b.slots if s.kind in _ENTITY_KINDS}
    if (sa.entity_id or sa.value) in ids_b or (sb.entity_id or sb.value) in ids_a:
        return None
    # Other places in the claims (a country beside a city) are ignored; people and orgs must match.
    if not _same_participants(a, b, [sa], [sb]):
        return None
    return ("place", sa.surface, sb.surface, f"A places it in {sa.surface}; B in {sb.surface}")


_STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd drive dr lane ln way place court ct highway "
    "hwy block square parkway pkwy terrace circle".split()
)


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


def _name_overlap(a: str, b: str) -> bool:
    """True when the two names share a word: then they may well be one entity."""
    ta = {name_key(t) for t in a.split() if len(t) > 2}
    tb = {name_key(t) for t in b.split() if len(t) > 2}
    return bool(ta & tb)


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


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the diff command ---------------------------------------------------------------------


def _stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


class _Cosine:
    """Cosine of idf-weighted key sets between articles, leaving out an outlet's template keys."""

    def __init__(self, keys: dict[str, set[str]], outlet: dict[str, str | None]) -> None:
        self._outlet = outlet
        # A small corpus cannot tell common keys from rare ones; weigh its keys as if they
        # came from a corpus of at least BACKGROUND articles.
        n = max(len(keys), BACKGROUND_ARTICLES)
        df: Counter[str] = Counter()
        outlet_df: Counter[tuple[str | None, str]] = Counter()
        for art, ks in keys.items():
            df.update(ks)
            if outlet[art] is not None:
                outlet_df.update((outlet[art], k) for k in ks)
        self._weights: dict[str, dict[str, float]] = {}
        # Keys an outlet uses in many of its articles (its templates: "officers from District
        # B-2 responded", "Bond was set at") say nothing about two of its articles sharing a story.
        self._template: dict[str, frozenset[str]] = {}
        self._norm: dict[str, float] = {}
        self._norm_own: dict[str, float] = {}
        for art, ks in keys.items():
            w = {k: math.log((n + 1) / (df[k] + 0.5)) ** 2 for k in ks if df[k] > 1}
            self._weights[art] = w
            name = outlet[art]
            template = frozenset(
                k for k in w if name is not None and outlet_df[(name, k)] >= TEMPLATE_ARTICLES
            )
            self._template[art] = template
            self._norm[art] = math.sqrt(sum(v * v for v in w.values())) or 1.0
            self._norm_own[art] = (
                math.sqrt(sum(v * v for k, v in w.items() if k not in template)) or 1.0
            )

    def __call__(self, a: str, b: str) -> float:
        wa, wb = self._weights.get(a, {}), self._weights.get(b, {})
        if self._outlet.get(a) is not None and self._outlet.get(a) == self._outlet.get(b):
            # same outlet: leave its template keys out (one outlet, so one template set)
            skip = self._template[a] | self._template[b]
            norms = self._norm_own.get(a, 1.0) * self._norm_own.get(b, 1.0)
        else:
            skip = frozenset()
            norms = self._norm.get(a, 1.0) * self._norm.get(b, 1.0)
        if len(wa) > len(wb):
            wa, wb = wb, wa
        return sum(v * wb[k] for k, v in wa.items() if k in wb and k not in skip) / norms


class StoryAffinity:
    """How strongly two articles are about the same story (0..1).

    A story is identified first by who and when: the cosine of the articles' idf-weighted
    canonical entities and explicit dates weighs ``NAME_WEIGHT``; the cosine of their content
    words the rest. Keys many articles share ("police", a big city) weigh little; a victim's
    name weighs a lot. Two reports of different events told in the same stock phrases share
    words but not names, so they stay apart.
    """

    def __init__(self, claims: Sequence[ClaimRecord]) -> None:
        names: dict[str, set[str]] = defaultdict(set)
        words: dict[str, set[str]] = defaultdict(set)
        outlet: dict[str, str | None] = {}
        # An entity counts as a name when the finder placed it (person, organisation, place)
        # in some mention, or it has several words, or it appears inside a sentence. A single
        # capitalised word seen only where a claim opens ("Leaders", "Drinking") is an opener.
        placed = {
            s.entity_id for c in claims for s in c.slots
            if s.entity_id and (s.kind in ("person", "org", "place") or " " in s.value
                                or s.start > c.start)
        }
        for c in claims:
            names[c.article_id].update(k for k in c.words if k[0] == "@")
            names[c.article_id].update(
                s.entity_id for s in c.slots if s.entity_id and s.entity_id in placed
            )
            words[c.article_id].update(c.words - {k for k in c.words if k[0] == "@"})
            outlet[c.article_id] = c.outlet
        for art in outlet:
            names.setdefault(art, set())
            words.setdefault(art, set())
        self._names = _Cosine(names, outlet)
        self._words = _Cosine(words, outlet)
        self._name_count = {art: len(ks) for art, ks in names.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def same_story(self, a: str, b: str) -> bool:
        """Close enough to one story for their claims to conflict: shared names and words.

        Articles that name fewer than ``MIN_STORY_NAMES`` entities and dates give too little
        to go on by names; for them the words must carry it (cosine ≥ CONFLICT_WORD_AFFINITY).
        """
        if a == b:
            return True
        if min(self._name_count.get(a, 0), self._name_count.get(b, 0)) < MIN_STORY_NAMES:
            return self._words(a, b) >= CONFLICT_WORD_AFFINITY
        return self._names(a, b) >= CONFLICT_NAME_AFFINITY and self(a, b) >= CONFLICT_AFFINITY

    def __call__(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        hit = self._cache.get(key)
        if hit is None:
            hit = NAME_WEIGHT * self._names(a, b) + (1 - NAME_WEIGHT) * self._words(a, b)
            self._cache[key] = hit
        return hit


#: Share of story affinity that comes from shared entities and dates (the rest: words).
NAME_WEIGHT = 0.7
#: Blocking keys held by more claims than this are too common to pair claims on.
MAX_POSTINGS = 150
#: A candidate pair must share at least this fraction of the smaller claim's keys.
MIN_KEY_SHARE = 0.25
#: A key found in this many articles of one outlet is that outlet's template language.
TEMPLATE_ARTICLES = 3
#: Similarity (0..1) two claims need to be grouped; tuned on the seeds (recall 0.90,
#: precision 1.00) and checked against cross-event grouping on the gun-violence corpus.
DEFAULT_THRESHOLD = 0.52
#: The smallest corpus size assumed when weighing blocking keys by rarity.
BACKGROUND_ARTICLES = 200
#: Two grouped claims must be at least this similar before their slots can conflict.
CONFLICT_SIMILARITY = 0.6
#: Articles below this affinity are about different stories: their claims are grouped only
#: when nearly identical, and never reported as conflicting.
STORY_AFFINITY = 0.15
#: Two articles must be at least this close to one story before their claims can conflict,
#: and share at least this much of their named entities and dates.
CONFLICT_AFFINITY = 0.2
CONFLICT_NAME_AFFINITY = 0.25
#: Articles with fewer names than this are judged on their words, which must then be this close.
MIN_STORY_NAMES = 3
CONFLICT_WORD_AFFINITY = 0.85
#: Claims of unrelated articles must be this similar to be grouped (stock phrases).
VERBATIM = 0.9


def find_groups(
    claims: list[ClaimRecord], *, threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[Group], int]:
    """Group claims and decide verdicts; return the groups and the candidate pair count."""
    _prepare(claims)
    pairs = candidate_pairs(claims)
    affinity = StoryAffinity(claims)
    scored: list[tuple[float, int, int]] = []
    for i, j in pairs:
        s = similarity(claims[i], claims[j])
        if s < threshold * 0.85:
            continue
        if s < VERBATIM and affinity(claims[i].article_id, claims[j].article_id) < STORY_AFFINITY:
            continue
        scored.append((s, i, j))
    sims = {(i, j): s for s, i, j in scored}
    clusters = cluster(len(claims), scored, [c.article_id for c in claims], threshold)
    groups: list[Group] = []
    for members in clusters:
        records = [claims[i] for i in members]
        if len({c.article_id for c in records}) < 2:
            continue
        gid = _stable_id("g", *sorted(c.id for c in records))
        group = Group(id=gid, verdict="agree", claims=records)
        relations: set[str] = set()
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                a, b = claims[i], claims[j]
                if a.article_id == b.article_id:
                    continue
                sim = sims.get((i, j) if i < j else (j, i), 0.0)
                verdict = compare_pair(a, b, sim)
                if verdict.conflicts and not affinity.same_story(a.article_id, b.article_id):
                    verdict = PairVerdict("agree", [])
                relations.add(verdict.relation)
                for kind, av, bv, why in verdict.conflicts:
                    group.conflicts.append(Conflict(
                        id=_stable_id("x", gid, a.id, b.id, kind), group_id=gid, kind=kind,
                        a=a, b=b, a_value=av, b_value=bv, explanation=why,
                    ))
        group.verdict = (
            "conflict" if group.conflicts else "refine" if "refine" in relations else "agree"
        )
        groups.append(group)
    groups.sort(key=lambda g: (g.claims[0].article_id, g.claims[0].start, g.id))
    return groups, len(pairs)


def diff(
    db_path: str | Path = "claimcheck.db",
    *,
    kinds: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> DiffResult:
    """Compare the stored claims across articles, store groups and conflicts, return them.

    Re-running replaces the previous result; IDs are stable for the same input.

    :param db_path: the database made by :func:`claimcheck.ingest`
    :param kinds: only report conflicts of these kinds (date, number, entity, place, negation)
    :param threshold: similarity (0..1) that claims need to be grouped
    :raises NoDatabase: the database does not exist
    """
    started = time.perf_counter()
    db = open_db(db_path, create=False)
    try:
        from . import __version__

        run_id = start_run(db, "diff", __version__, {"kinds": list(kinds or []), "threshold": threshold})
        claims = load_claims(db)
        groups, n_pairs = find_groups(claims, threshold=threshold)
        wanted = set(kinds) if kinds else None
        conflicts = [
            c for g in groups for c in g.conflicts if wanted is None or c.kind in wanted
        ]
        _store(db, groups, conflicts, run_id)
        refresh_views(db)
        articles = [
            {"id": r[0], "source": r[1], "title": r[2], "outlet": r[3], "published": r[4]}
            for r in db.execute(
                "SELECT id, source, title, outlet, published FROM articles ORDER BY rowid"
            )
        ]
        seconds = time.perf_counter() - started
        finish_run(db, run_id, seconds, {
            "claims": len(claims), "candidate_pairs": n_pairs, "groups": len(groups),
            "conflicts": len(conflicts),
        })
    finally:
        db.close()
    return DiffResult(
        run_id=run_id, groups=groups, conflicts=conflicts, articles=articles,
        claims_compared=len(claims), candidate_pairs=n_pairs, seconds=seconds,
    )


def _store(
    db: sqlite_utils.Database, groups: list[Group], conflicts: list[Conflict], run_id: int
) -> None:
    with transaction(db):
        db.execute("DELETE FROM conflicts")
        db.execute("DELETE FROM group_claims")
        db.execute("DELETE FROM claim_groups")
        db.conn.executemany(
            "INSERT INTO claim_groups (id, verdict, size, n_articles, n_outlets, "
            "representative_claim_id, label, run_id) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    g.id, g.verdict, len(g.claims), len({c.article_id for c in g.claims}),
                    len({c.outlet for c in g.claims if c.outlet}), _representative(g).id,
                    _short(_representative(g).text, 120), run_id,
                )
                for g in groups
            ],
        )
        db.conn.executemany(
            "INSERT INTO group_claims (group_id, claim_id, article_id, score) VALUES (?,?,?,?)",
            [(g.id, c.id, c.article_id, None) for g in groups for c in g.claims],
        )
        db.conn.executemany(
            "INSERT INTO conflicts (id, group_id, kind, claim_a, claim_b, a_value, b_value, "
            "explanation, run_id) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (c.id, c.group_id, c.kind, c.a.id, c.b.id, c.a_value, c.b_value, c.explanation, run_id)
                for c in conflicts
            ],
        )


def _representative(group: Group) -> ClaimRecord:
    """The claim with most words in common with the rest of its group."""
    best = max(
        group.claims,
        key=lambda c: (sum(len(c.words & o.words) for o in group.claims if o is not c), -len(c.text)),
    )
    return best
