"""Find quantities in news text and normalise them to intervals with their counted noun.

``find_quantities(text)`` returns :class:`QuantityMention` objects whose ``lo``/``hi``
bounds let two articles be compared: "over a thousand people" (``[1001, inf]``) is
compatible with "1,200 people" (``[1200, 1200]``); "killed 12" and "killed 15" are not.

How it works (fast path first, the whole module is regex + dict look-ups):

1. The text is folded once into a lowercase ASCII copy of the same length (curly quotes
   and dashes mapped to ASCII, currency symbols to ``$``, anything else to ``?``).
2. Two pre-compiled scans run over that copy: one for digit runs, which in the same C-level
   pass consumes what only looks like a number (ISO and slash dates, clock times, phone
   numbers, ordinals, "1200 block", bare years); one for number words, vague quantity words,
   frequency adverbs and month names, written as a prefix trie so that it runs at tens of
   MB/s.
3. Each candidate is examined with small anchored regexes: the words to its left
   (qualifier, name keyword such as "Route", "aged"), and one combined suffix regex to its
   right (percent, "-year-old", "or more", range, hyphenated unit, next word), then the
   counted noun phrase. Number words are parsed by a small local parser that also handles
   "a hundred", "a dozen" and "half a million" (``text2num`` rejects those).

Interval rules (``N`` is the number as written; the integer kinds are count, times, age):

=====================================================  ==========================  ===========
Phrase                                                 Interval                    approximate
=====================================================  ==========================  ===========
N (exact: "1,200", "three", "2.5 million", "$1.2bn")   [N, N]                      no
about / around / approximately / roughly / some /      [0.9N, 1.1N]                yes
an estimated / estimated / approx. / circa / N or so
nearly / almost / close to / just under / just shy of  [0.9N, N]                   yes
more than / over / above / in excess of / upwards of / [N+1, inf] integer kinds,   no
exceeding / just over / well over                      [N, inf] otherwise
at least / no fewer than / no less than /              [N, inf]                    no
a minimum of / N or more / N-plus / N+
fewer than / less than / under / below                 [0, N-1] integer kinds,     no
                                                       [0, N] otherwise
up to / at most / no more than / as many as /          [0, N]                      no
a maximum of / N or fewer
between A and B / A to B / A-B / from A to B           [A, B]  (B < A: a score,    no
                                                       rejected)
A or B ("10 or 11", "one or two")                      [A, B]                      yes
about A to B                                           [0.9A, 1.1B]                yes
a few                                                  [2, 5]                      yes
a couple of                                            [2, 3]                      yes
a handful (of)                                         [2, 6]                      yes
several                                                [3, 9]                      yes
multiple / numerous                                    [2, inf]                    yes
dozens (of)                                            [24, 99]                    yes
scores of                                              [40, 99]                    yes
hundreds (of)                                          [200, 999]                  yes
thousands (of)                                         [2000, 9999]                yes
tens of thousands (of)                                 [20000, 99999]              yes
hundreds of thousands (of)                             [200000, 999999]            yes
millions (of)                                          [2e6, 9.99e6]               yes
more than / over + a vague word ("more than a dozen")  [lo, inf]                   yes
once / twice / thrice / N times / on N occasions       kind "times", [N, N]        no
more than once / more than twice                       kind "times", [N+1, inf]    no
several times                                          kind "times", [3, 9]        yes
repeatedly / many / multiple / numerous / countless    kind "times", [2, inf]      yes
times
"a man was killed", "an 8-year-old girl was shot"      [1, 1], qualifier "a"       yes
(a/an + person noun + casualty predicate only)
=====================================================  ==========================  ===========

The indefinite singular is weak evidence ("a man was killed" does not say no one else
was); callers that must avoid false conflicts can read ``qualifier == "a"`` as [1, inf].
It is the only mention that may contain another one (the age in "an 8-year-old girl").

Kinds: ``count`` (default), ``percent`` ("15%", "15 percent", "per cent"; ``noun`` is
"percentage point" for points), ``money`` (currency symbol or word; ``noun`` is the ISO code),
``times`` (frequency), ``age`` ("19-year-old", "aged 12", "Andrei Kozlov, 27,"),
``duration`` ("three days", "a 20-year sentence"; ``noun`` is the unit; "over"/"under" are
read as "during"/"below" there and do not open the interval) and ``measure`` (miles, km,
tons ...; ``noun`` is the unit).

Counted nouns: the head of the noun phrase after the number, lowercased and singular
("people" -> "person"); adjectives before it form ``modifier`` ("three Russian nationals" ->
noun "national", modifier "russian"). A capitalised demonym plural is read the same way
("3 Russians" -> noun "national", modifier "russian"). "five of the victims" -> "victim";
"five of them" -> no noun. A participle right after the number is a predicate, not a noun
("12 killed" -> no noun; "three armed men" -> noun "man", modifier "armed").

Not quantities (rejected): years ("in 2008"), dates ("October 7", "Nov. 9", "7 October",
"2023-10-07"), clock times ("9:30 p.m.", "3 o'clock"), ordinals ("21st", "twenty-first"),
street addresses ("the 1200 block", "100 Main Street"), phone numbers, codes and names
("F-16", "COVID-19", "Interstate 95", "Route 9", "Room 101", "Apollo 11", "Pub. L. 116",
"No. 3", "#1"), the pronoun "one" ("no one", "one another", "the one who", "one of the
deadliest", "one day"), fractions ("two-thirds"), hyphenated compound adjectives ("a
two-story house", "12-gauge"), "a couple" without "of", and sports scores ("won 3-1").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from . import lexicon

__all__ = [
    "QuantityMention",
    "compatible",
    "find_quantities",
    "format_quantity",
    "lemmatize",
    "value_key",
]


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """One quantity found in a text.

    ``surface == text[start:end]`` and covers the qualifier, the number and the counted noun
    phrase when there is one. ``lo``/``hi`` bound the value (``math.inf`` when open-ended).
    ``qualifier`` is the canonical qualifier: "" for an exact number, "about", "nearly",
    "over", "at least", "under", "up to", "range", or a vague phrase such as "hundreds of"
    or "several times"; :func:`format_quantity` uses it to phrase the value.
    """

    start: int
    end: int
    surface: str
    lo: float
    hi: float
    approximate: bool
    kind: str
    noun: str | None
    modifier: str | None
    qualifier: str = ""


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


def _words(block: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``block``."""
    return frozenset(block.split())


_UNIT_WORDS: dict[str, int] = {w: int(n) for w, n in lexicon.pairs("number_words.txt")}
_TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE_WORDS: dict[str, float] = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_SHORT_SCALES: dict[str, float] = {
    "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}  # fmt: skip


def _bound(cell: str) -> float:
    """A bound written in a table file: an integer stays an int ("2"), "inf" is math.inf."""
    return int(cell) if cell.isdigit() else float(cell)


# vague word -> (lo, hi, canonical qualifier, needs "of" + noun)
_VAGUE: dict[str, tuple[float, float, str, bool]] = {
    word: (_bound(lo), _bound(hi), canon, needs == "of")
    for word, lo, hi, canon, needs in lexicon.rows("vague_quantities.txt", 5)
}

# frequency word -> (lo, hi, approximate)
_FREQ: dict[str, tuple[float, float, bool]] = {
    word: (_bound(lo), _bound(hi), approx == "approximate")
    for word, lo, hi, approx in lexicon.rows("frequency_words.txt", 4)
}

_MONTH_WORDS = lexicon.words("quantity_month_words.txt")

_CURRENCY_CHAR: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_PREFIX_WORD: dict[str, str] = {
    "us": "USD", "usd": "USD", "eur": "EUR", "gbp": "GBP", "a": "AUD", "c": "CAD",
    "rs": "INR", "rs.": "INR", "inr": "INR", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
}  # fmt: skip
_CURRENCY_WORD: dict[str, str] = dict(lexicon.pairs("currency_words.txt"))

_DURATION_UNITS = _words(
    """
    second minute hour day week month year decade century
    """
)
_MEASURE_UNITS: dict[str, str] = dict(lexicon.pairs("measure_units.txt"))

# Left qualifiers (lowercase word sequences) -> canonical class.
_QUALIFIERS: dict[str, str] = dict(lexicon.pairs("quantity_qualifiers.txt"))

_QUAL_LAST = frozenset(p.split()[-1] for p in _QUALIFIERS)

# Words that end a counted-noun phrase (function words, auxiliaries, frequent verbs).
_STOP = lexicon.words("quantity_stop_words.txt")
# Verbs and predicate adjectives that follow a number without being its noun.
_PREDICATES = lexicon.words("quantity_predicates.txt")
_LEADING_MODIFIERS = _words(
    """
    more other additional further new fewer
    """
)
_PERSON_NOUNS = lexicon.words("person_nouns.txt")
# Irregular plurals, invariant nouns and words whose final -s is not a plural ending.
_IRREGULAR: dict[str, str] = dict(lexicon.pairs("irregular_plurals.txt"))
_INVARIANT_PLURAL = _words(
    """
    police staff personnel crew sheep deer aircraft fish
    """
)
_NOT_PLURAL_S = ("ss", "us", "is", "'s", "ous")
_NOT_DEMONYM = lexicon.words("plural_not_demonym.txt")
# Words before a number that make it part of a name or code ("Route 9", "Room 101").
_NAME_KEYWORDS = lexicon.words("number_name_keywords.txt")
# Capitalised words that may directly precede a real count ("Sunday 3 killed", headlines).
_CAP_OK = lexicon.words("number_capitalised_ok.txt")
_LOWER_NAME_KEYWORDS = lexicon.words("number_name_keywords_lower.txt")
_ONE_BLOCK_BEFORE = lexicon.words("one_block_before.txt")
_ONE_BLOCK_AFTER = lexicon.words("one_block_after.txt")
_ONE_EVENT_AFTER = lexicon.words("one_event_after.txt")
_YEAR_PREP = lexicon.words("year_prepositions.txt")
_PUNCT_STRIP = "\"'([{“‘*"


_Trie = dict[str, "_Trie"]


def _trie_regex(words: list[str]) -> str:
    """Build a regex alternation shaped as a prefix trie (much faster than a flat list)."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts: list[str] = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch).replace("\\ ", " ") + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(trie)


# ---------------------------------------------------------------------------
# Regexes (all run on the lowercase ASCII copy, see _fold)
# ---------------------------------------------------------------------------

_UNIT_RE = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS_WORDS)
_ATOM = (
    rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE})(?![a-z]))?|{_UNIT_RE}"
    r"|hundred|thousand|million|billion|trillion|dozen)(?![a-z])"
)
_WORDNUM = re.compile(
    rf"(?:half an? |an? )?(?:{_ATOM})(?:(?: and | |-)(?:{_ATOM}))*"
    r"|(?:half an? |an? )(?:hundred|thousand|million|billion|trillion|dozen)(?![a-z])"
)
_DIGITNUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_AFTER = (
    r"(?:(?P<sfx> ?(?:bn|mn|tn|m|b|k))(?![a-z\d])"
    r"|(?P<scale> (?:hundred|thousand|million|billion|trillion))(?![a-z]))?"
)

_DIGIT_AT = re.compile(
    r"(?P<skip>"
    r"\d{4}-\d\d?-\d\d?(?!\d)"  # 2023-10-07
    r"|\d\d?/\d\d?(?:/\d{2,4})?(?!\d)"  # 10/7/2023
    r"|\d\d?(?:[:.]\d\d)? ?(?:[ap]\. ?m\b\.?|[ap]m\b)"  # 9:30 p.m., 10am
    r"|\d\d?:\d\d(?::\d\d)?"  # 21:30
    r"|\d\d? o'clock"
    r"|\d{3}\)? ?[ .-]?\d{3}[ .-]\d{4}(?!\d)|\d{3}-\d{4}(?!\d)"  # phone numbers
    r"|\d+(?:st|nd|rd|th)(?![a-z])"  # ordinals
    r"|\d+ block(?![a-z])"
    r"|(?:1[6-9]|20)\d\d(?![\w,.%+'$?-]| +[a-z$%?(]| or| to)"  # bare years: "in 2008,"
    r")"
    rf"|(?P<num>{_DIGITNUM}){_SCALE_AFTER}"
)

# A predicate after "a man", "an 8-year-old girl": the indefinite singular is a count of one.
_INDEF_TRIGGERS = [
    f"{aux} {pred}"
    for aux in ("was", "has been", "had been", "was also", "is")
    for pred in lexicon.entries("indefinite_predicates.txt")
] + ["died", "has died", "later died"]  # fmt: skip
_INDEF_TRIGGER_SET = frozenset(_INDEF_TRIGGERS)
_INDEF_BACK = re.compile(
    r"(?:^|[^\w'’-])(?P<a>[Aa]n?) (?P<np>(?:[\w'’-]+ ){0,3}[\w'’-]+)(?:, \d{1,3},)?(?: who)? $"
)
_AGE_WORD = re.compile(r"\d{1,3}-(?:year|month|week|day)s?-olds?$|(?:[a-z]+-)+(?:year|month)-olds?$")
_INDEF_NOUNS = lexicon.words("indefinite_person_nouns.txt")

_WORD_SCAN_WORDS = (
    [w for w in _UNIT_WORDS if w != "zero"]
    + list(_TENS_WORDS)
    + ["a few", "a couple", "a handful", "a hundred", "a thousand", "a million", "a billion",
       "a dozen", "half a", "half an"]
    + ["several", "multiple", "numerous", "dozens", "scores", "hundreds", "thousands",
       "tens of thousands", "millions", "hundreds of thousands"]
    + ["once", "twice", "thrice", "repeatedly", "many times", "multiple times",
       "numerous times", "countless times"]
    + _INDEF_TRIGGERS
)  # fmt: skip
# Both scans in one pass over " " + the folded copy: a digit run (``\d[\d,.]*``; the copy is
# ASCII, so ``[0-9]`` is the same) or a delimiter followed by a scan word. The two kinds of
# match never overlap, so this finds exactly the union of the two separate scans, in order.
_CAND_SCAN = re.compile(
    rf"[ \n\t(\[\"/'0-9-](?:(?<=[0-9])[0-9,.]*|(?:{_trie_regex(_WORD_SCAN_WORDS)})(?![a-z]))"
)

_MONTH_RE = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_FRACTIONS = lexicon.alternatives("fraction_words.txt")

# one combined look at what follows a number
_RNG_PART = r"|(?P<rng>\ ?(?:-|to|or|and)\ ?(?:us\$|\$|\?)?(?=\d|[a-z]))"
_SUFFIX_TEMPLATE = rf"""
    (?P<clock>\ ?(?:[ap]\.\ ?m(?![a-z])|[ap]m(?![a-z])))
    |(?P<pct>\ ?(?:%|percent(?![a-z])|per\ cent(?![a-z])|pct(?![a-z]))|\ percentage\ points?(?![a-z]))
    |(?P<age>(?:-|\ )(?P<au>year|month|week|day)s?(?:-|\ )olds?(?![a-z])|\ years?\ of\ age(?![a-z]))
    |(?P<more>\ or\ (?:more|greater|higher|older|above)(?![a-z])|-?plus(?![a-z])|\+)
    |(?P<less>\ or\ (?:fewer|less|younger|below)(?![a-z]))
    |(?P<so>\ or\ so(?![a-z]))
    |(?P<month>\ (?:of\ )?(?:{_MONTH_RE})(?![a-z]))
    |(?P<frac>-(?:{_FRACTIONS})(?![a-z]))
    RNG
    |(?P<hyph>-(?P<hw>[a-z]+))
    |\ (?P<w>[a-z][a-z'-]*)
    """
_SUFFIX = re.compile(_SUFFIX_TEMPLATE.replace("RNG", _RNG_PART), re.VERBOSE)
_SUFFIX_NO_RANGE = re.compile(_SUFFIX_TEMPLATE.replace("RNG", ""), re.VERBOSE)
_RANGE = re.compile(
    rf" ?(?P<conn>-|to|or|and) ?(?P<cur>us\$|\$|\?)?(?:(?P<d2>{_DIGITNUM}){_SCALE_AFTER}|(?P<w2>[a-z]))"
)
_WORD_AFTER = re.compile(r"[ \t]+(?P<w>[A-Za-z][A-Za-z'’-]*)")
_NP_WINDOW = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z'’-]*){1,5}")
_OF_PARTITIVE = re.compile(r" of (?P<det>the|those|these|his|her|their|its|our|them|whom|us|you)(?![a-z])")
_OF = re.compile(r" of(?![a-z])")
_TIMES_AFTER = re.compile(r" (?:times|occasions)(?![a-z])")
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]*$")
_NAME_AGE_AFTER = re.compile(r"(?: ?[,;)]|\.(?:\s|$)|$| (?:and|of|from|who|was|is|were|had)(?![a-z]))")
_PAREN_AGE = re.compile(r"[A-Z][\w'’.-]*[ \t]*\($")
_STREET_AFTER = re.compile(
    r"(?: [nsew]\.?)?(?: [a-z][a-z'.]*){1,3} (?:"
    + lexicon.alternatives("street_after_words.txt")
    + r")(?![a-z])"
)
_SCALED_TAIL = re.compile(r"(?:hundred|thousand|million|billion|trillion|\d ?(?:bn|mn|tn|m|b|k))$")
_FOLD_PAIRS = (
    ("–", "-"), ("—", "-"), ("−", "-"), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'),
    ("\xa0", " "), ("€", "$"), ("£", "$"), ("¥", "$"), ("₹", "$"),
)  # fmt: skip


def _fold(text: str) -> str:
    """Lowercase ASCII copy of ``text`` with the same length (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text.encode("ascii", "replace").decode("ascii").lower()


# ---------------------------------------------------------------------------
# Number parsing
# ---------------------------------------------------------------------------


def _parse_words(span: str) -> tuple[float, int] | None:
    """Parse lowercase English number words.

    :param span: text such as "one thousand two hundred", "a dozen", "half a million"
    :returns: (value, number of characters of ``span`` used) or None
    """
    total = 0.0
    current = 0.0
    last = ""
    used = 0
    seen = False
    pos = 0
    for token in re.split(r"([ -])", span):
        start = pos
        pos += len(token)
        if token in (" ", "-", ""):
            continue
        if token == "and":
            if last not in ("hundred", "big"):
                break
            continue
        if token == "half" and not seen and last == "":
            current, last, used = 0.5, "half", pos
            continue
        if token in ("a", "an"):
            if seen or last not in ("", "half"):
                break
            if last == "":
                current = 1.0
            last, used = "a", pos
            continue
        if token in _UNIT_WORDS:
            v = _UNIT_WORDS[token]
            if last in ("unit", "teen", "a", "half") or (last == "tens" and v >= 10):
                break
            current += v
            last = "teen" if v >= 10 else "unit"
        elif token in _TENS_WORDS:
            if last in ("unit", "teen", "tens", "a", "half"):
                break
            current += _TENS_WORDS[token]
            last = "tens"
        elif token in ("hundred", "dozen"):
            if last == "hundred":
                break
            current = (current or 1.0) * (100 if token == "hundred" else 12)
            last = "hundred"
        elif token in _SCALE_WORDS:
            if last == "big" and current == 0:
                break
            total += (current or 1.0) * _SCALE_WORDS[token]
            current = 0.0
            last = "big"
        else:
            break
        del start
        seen = True
        used = pos
    if not seen:
        return None
    return total + current, used


def _digits_value(m: re.Match[str]) -> float:
    value = float(m.group("num").replace(",", ""))
    sfx = m.group("sfx")
    if sfx:
        value *= _SHORT_SCALES[sfx.strip()]
    scale = m.group("scale")
    if scale:
        value *= _SCALE_WORDS[scale.strip()]
    return value


# ---------------------------------------------------------------------------
# Nouns
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def lemmatize(word: str) -> str:
    """Return the lowercased singular of an English noun ("people" -> "person").

    :param word: a noun, singular or plural
    """
    w = word.lower().replace("’", "'")
    got = _IRREGULAR.get(w)
    if got is not None:
        return got
    if "-" in w:
        head, _, tail = w.rpartition("-")
        return f"{head}-{lemmatize(tail)}"
    if len(w) > 5 and w.endswith("women"):
        return w[:-5] + "woman"
    if len(w) > 4 and w.endswith("men") and w not in ("specimen", "abdomen", "regimen", "acumen"):
        return w[:-3] + "man"
    if len(w) <= 3 or w.endswith(_NOT_PLURAL_S):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    lw = word.lower()
    return lw in _INVARIANT_PLURAL or lemmatize(lw) != lw


def _is_participle(lw: str) -> bool:
    return lw in _PREDICATES or lw.endswith(("ed", "ing"))


def _is_adverb(lw: str) -> bool:
    return len(lw) > 4 and lw.endswith("ly") and lw not in ("family", "ally", "assembly", "supply", "rally")


@dataclass(slots=True)
class _NounPhrase:
    end: int
    noun: str | None
    modifier: str | None


# Word-class flags for the noun-phrase reader (one cached look-up per lowercase word).
_F_POSS = 1  # ends in an apostrophe or "'s": a possessive ends the phrase
_F_LEAD = 2  # a leading modifier such as "more", "other"
_F_STOP = 4  # a stop word or a number word: ends the phrase
_F_PART = 8  # a participle or an adverb: kept only as an adjective before a noun
_F_STOPU = 16  # a stop word or a unit number word (the test on the word after a participle)


@functools.lru_cache(maxsize=16384)
def _word_flags(lw: str) -> int:
    """Classify a lowercase word for :func:`_noun_phrase` (a bit set of the ``_F_`` flags)."""
    flags = 0
    if lw[-1] in "'’" or lw.endswith(("'s", "’s")):
        flags |= _F_POSS
    if lw in _LEADING_MODIFIERS:
        flags |= _F_LEAD
    if lw in _STOP or lw in _UNIT_WORDS or lw in _TENS_WORDS:
        flags |= _F_STOP
    if _is_participle(lw) or _is_adverb(lw):
        flags |= _F_PART
    if lw in _STOP or lw in _UNIT_WORDS:
        flags |= _F_STOPU
    return flags


def _noun_phrase(text: str, pos: int, plural_expected: bool, lowercase_only: bool = False) -> _NounPhrase:
    """Read the counted noun phrase that starts at ``pos`` (right after a number).

    :param text: the original text
    :param pos: offset just after the number
    :param plural_expected: the number is greater than one
    :param lowercase_only: reject a capitalised head (names after "19-year-old")
    """
    wm = _NP_WINDOW.match(text, pos)
    if wm is None:
        return _NounPhrase(pos, None, None)
    window = wm.group()
    tokens = window.split()
    lows = window.lower().split()
    count = len(lows)
    flags = [_word_flags(lw) for lw in lows]
    n = 0  # tokens taken
    i = 0
    while i < count:
        f = flags[i]
        if f & _F_POSS:
            break
        if i == 0 and f & _F_LEAD:
            n = i = 1
            continue
        if f & _F_STOP:
            break
        if f & _F_PART:
            # kept only as an adjective right before another noun ("three armed men")
            if n > 1 or (n == 1 and not flags[0] & _F_LEAD):
                break
            if i + 1 >= count:
                break
            f2 = flags[i + 1]
            if f2 & (_F_STOPU | _F_PART):
                break
        i += 1
        n = i
        if n >= 4:
            break
    if n == 0:
        return _NounPhrase(pos, None, None)
    if plural_expected and n > 1 and not _is_plural(lows[n - 1]):
        # "Eleven companies bid", "700 homes lost power": end at the last plural noun
        while n > 1 and not _is_plural(lows[n - 1]):
            n -= 1
    elif not plural_expected and n > 1 and _is_plural(lows[n - 1]) and lows[n - 1] not in _INVARIANT_PLURAL:
        n -= 1  # "one question asks": the verb is not the noun
    head = tokens[n - 1]
    lhead = lows[n - 1]
    if (
        flags[n - 1] & _F_LEAD
        or _is_participle(lhead)
        or (plural_expected and not _is_plural(lhead))
        or (lowercase_only and not head.islower())
    ):
        return _NounPhrase(pos, None, None)
    # the end of token n - 1: tokens are separated by runs of spaces and tabs only
    end = pos
    for tok in tokens[:n]:
        end = text.index(tok, end) + len(tok)
    mods = lows[: n - 1]
    noun = lemmatize(lhead)
    if (
        plural_expected
        and head[:1].isupper()
        and lhead.endswith(("ans", "ons", "is"))
        and lhead not in _NOT_DEMONYM
    ):
        # "3 Russians" -> noun "national", modifier "russian" (= "three Russian nationals")
        mods.append(noun)
        noun = "national"
    return _NounPhrase(end, noun, " ".join(mods) or None)


# ---------------------------------------------------------------------------
# Scan
# ---------------------------------------------------------------------------

_INTEGER_KINDS = frozenset({"count", "times", "age"})


@dataclass(slots=True)
class _Ctx:
    text: str
    low: str


def find_quantities(text: str) -> list[QuantityMention]:
    """Find the quantities in ``text``.

    :param text: any text (an article, a paragraph or a sentence)
    :returns: mentions in text order; offsets index into ``text``
    """
    low = _fold(text)
    out: list[QuantityMention] = []
    ctx: _Ctx | None = None
    last_end = 0
    q: QuantityMention | int | None
    # " " + low: the word scan needs one character before each word
    for cm in _CAND_SCAN.finditer(" " + low):
        found = cm.group()
        if found[0] in _DIGITS:  # a digit run, at found's offset in low
            start = cm.start() - 1
            if start < last_end:
                continue
            dm = _DIGIT_AT.match(low, start)
            if dm is None:
                continue
            if dm.lastgroup == "skip":
                last_end = dm.end()
                continue
            if ctx is None:
                ctx = _Ctx(text, low)
            q = _digit_candidate(ctx, dm)
        else:  # a scan word after its delimiter
            start = cm.start()
            if start < last_end:
                continue
            if ctx is None:
                ctx = _Ctx(text, low)
            q = _word_candidate(ctx, start, found[1:])
        if q is None:
            continue
        if isinstance(q, int):  # a date or other span to skip
            last_end = q
            continue
        if q.qualifier == "a":
            # "a man was killed": the mention lies before the trigger and may hold an age
            if not out or out[-1].end <= q.start:
                out.append(q)
            elif out[-1].kind == "age" and out[-1].start > q.start:
                out.insert(len(out) - 1, q)
            continue
        out.append(q)
        last_end = q.end
    return [_signed(text, q) if q.start and q.kind != "age" else q for q in out]


_MINUS_WORD = re.compile(r"(?:^|(?<=[\s(]))[Mm]inus[ \t]+$")


def _signed(text: str, q: QuantityMention) -> QuantityMention:
    """Keep the sign of "-15 degrees", "−2.5%", "minus fifteen": a dropped minus is a wrong value.

    A dash counts only when glued to the number and after a space, "(" or the start
    ("10-15" is a range, "- 3 people" a list bullet).
    """
    start = q.start
    if text[start - 1] in "-−" and (start == 1 or text[start - 2] in " \t\n("):
        start -= 1
    else:
        m = _MINUS_WORD.search(text, max(0, start - 8), start)
        if m is None:
            return q
        start = m.start()
    return replace(q, start=start, surface=text[start : q.end], lo=-q.hi, hi=-q.lo)


def _indefinite(ctx: _Ctx, start: int) -> QuantityMention | None:
    """Read "a man" / "an 8-year-old girl" before a predicate such as "was killed".

    :param start: offset of the space before the predicate
    """
    text = ctx.text
    lo = max(0, start - 70)
    m = _INDEF_BACK.search(text, lo, start)
    if m is None:
        return None
    tokens = m.group("np").split()
    lows = [t.lower() for t in tokens]
    head = lows[-1]
    for t in lows[:-1]:
        if t in _STOP or t in _PREDICATES or t in _UNIT_WORDS or (t.endswith("ed") and t not in ("armed", "unidentified", "unarmed", "wounded", "injured", "masked")):
            return None
    if _AGE_WORD.search(head):
        noun: str | None = None
        mods = lows
    elif head in _INDEF_NOUNS or lemmatize(head) in _INDEF_NOUNS and head == lemmatize(head):
        noun, mods = head, lows[:-1]
    else:
        return None
    q_start = m.start("a")
    q_end = m.start("np") + len(m.group("np"))
    return _mk(text, q_start, q_end, 1, 1, True, "count", noun, " ".join(mods) or None, "a")


_DIGITS = frozenset("0123456789")


def _left(ctx: _Ctx, start: int) -> tuple[str, int, str]:
    """Look left of ``start``: (qualifier class or "", where the qualifier starts, previous word)."""
    lo = max(0, start - 40)
    window = ctx.text[lo:start]
    # fast path: only the last word (a cut first word counts only when it is the only one)
    tail = window.rsplit(None, 1)
    if len(tail) < 2 and (not tail or (lo > 0 and not window[0].isspace())):
        return "", start, ""
    prev = tail[-1]
    if not window[-1].isspace():
        return "", start, prev
    last = prev.lower().lstrip(_PUNCT_STRIP)
    if last not in _QUAL_LAST:
        return "", start, prev
    ws = window.rsplit(None, 3)
    if lo > 0 and len(ws) < 4 and not window[0].isspace():
        del ws[0]  # the first word may be cut
    low_ws = [w.lower() for w in ws[-3:]]
    for k in (3, 2, 1):
        if len(low_ws) < k:
            continue
        phrase_words = low_ws[-k:]
        phrase_words[0] = phrase_words[0].lstrip(_PUNCT_STRIP)
        canon = _QUALIFIERS.get(" ".join(phrase_words))
        if canon is None:
            continue
        # the offset of the qualifier's first word
        q = len(window)
        for _ in range(k):
            q = len(window[:q].rstrip())
            q = max(window.rfind(c, 0, q) for c in " \t\xa0\n") + 1
        first = window[q:]
        q += len(first) - len(first.lstrip(_PUNCT_STRIP))
        return canon, lo + q, prev
    return "", start, prev


def _apply_qualifier(canon: str, lo: float, hi: float, kind: str) -> tuple[float, float, bool]:
    """Turn a qualifier class and an exact value into an interval: (lo, hi, approximate)."""
    integer = kind in _INTEGER_KINDS
    if canon == "about":
        return lo * 0.9, hi * 1.1, True
    if canon == "nearly":
        return lo * 0.9, hi, True
    if canon == "over":
        return (math.floor(hi) + 1 if integer else hi), math.inf, False
    if canon == "at least":
        return lo, math.inf, False
    if canon == "under":
        return 0.0, (max(0.0, math.ceil(lo) - 1) if integer else lo), False
    if canon == "up to":
        return 0.0, hi, False
    return lo, hi, False


def _word_candidate(ctx: _Ctx, start: int, word: str) -> QuantityMention | int | None:
    low = ctx.low
    end = start + len(word)
    if word in _FREQ:
        return _frequency(ctx, start, end, word)
    if word in _VAGUE:
        return _vague(ctx, start, end, word)
    if word in _INDEF_TRIGGER_SET:
        return _indefinite(ctx, start)
    wm = _WORDNUM.match(low, start)
    if wm is None:
        return None
    span = wm.group()
    if span == word and word in _UNIT_WORDS:  # the common case: a single word such as "three"
        value, used = float(_UNIT_WORDS[word]), len(word)
    else:
        parsed = _parse_words(span)
        if parsed is None:
            return None
        value, used = parsed
    # a number written on past what was read ("seventy-five thousands", "twelve point
    # ninety-nine", "one thousand two hundred thirtieth") or begun before it ("hundred
    # fifteen", "point fifteen"): no value rather than a part of it
    more = _NUMBER_GOES_ON.match(low, start + used)
    if more is not None:
        return _skip_number_words(low, more.end())
    if _NUMBER_BEGAN.search(low, max(0, start - 12), start) is not None:
        return _skip_number_words(low, start + used)
    return _number(ctx, start, start + used, value, False, None, "")


def _skip_number_words(low: str, pos: int) -> int:
    """The end of the run of number words going on at ``pos`` (the rest of an unread number)."""
    while (m := _NUMBER_WORD_AFTER.match(low, pos)) is not None:
        pos = m.end()
    return pos


_NUMBER_GOES_ON = re.compile(
    r"[ -]+(?:point|hundreds|thousands|millions|billions|trillions"
    r"|(?:" + lexicon.alternatives("ordinal_th_stems.txt") + r")th)(?![a-z])"
)
_NUMBER_WORD_AFTER = re.compile(rf"[ -]+(?:{_ATOM}|point|and(?= ))")
# "point" as a noun ("a check point three times", "at that point two") starts no number
_NUMBER_BEGAN = re.compile(
    r"(?<![a-z])(?:(?<!check )(?<!the )(?<!a )(?<!that )(?<!this )(?<!each )point"
    r"|hundred|thousand|million|billion|trillion)[ -]+$"
)


def _frequency(ctx: _Ctx, start: int, end: int, word: str) -> QuantityMention | None:
    text, low = ctx.text, ctx.low
    lo, hi, approx = _FREQ[word]
    canon, qstart, _prev = _left(ctx, start)
    if word == "once":
        after = low[end : end + 12].lstrip()
        before = low[max(0, start - 8) : start].rstrip()
        if (
            text[start] == "O"
            or after.startswith(lexicon.entries("once_not_count_after.txt"))
            or before.endswith((" at", " all at", " for", "at"))
            or (after[:1].isalpha() and not after.startswith(("in ", "on ", "and", "or ", "before", "this", "last", "during", "while", "when", "as ")))
        ):
            return None
    qual = ""
    if canon in ("over", "at least") and word in ("once", "twice", "thrice"):
        lo, hi = (lo + 1 if canon == "over" else lo), math.inf
        qual = canon
    else:
        qstart = start
        if approx:
            qual = word if word.endswith("times") else "repeatedly"
    return _mk(text, qstart, end, lo, hi, approx, "times", None, None, qual)


def _vague(ctx: _Ctx, start: int, end: int, word: str) -> QuantityMention | None:
    text, low = ctx.text, ctx.low
    lo, hi, canon_q, needs_noun = _VAGUE[word]
    times = _TIMES_AFTER.match(low, end)
    if times is not None and word in ("several", "dozens", "hundreds", "a few", "a couple", "a handful"):
        return _mk(text, start, times.end(), lo, hi, True, "times", None, None, canon_q.removesuffix(" of") + " times")
    of = _OF.match(low, end)
    if word == "a couple" and of is None:
        return None  # "a couple was shot" (two people, but not a count phrase)
    nstart = of.end() if of is not None else end
    np = _noun_phrase(text, nstart, True)
    if np.noun is None and (needs_noun or of is not None):
        return None
    stop = np.end if np.noun is not None else end
    canon, qstart, _prev = _left(ctx, start)
    approx = True
    if canon in ("over", "at least"):
        hi = math.inf
    else:
        qstart = start
    kind = "count"
    noun = np.noun
    if noun in _DURATION_UNITS:
        kind = "duration"
    elif noun is not None and _MEASURE_UNITS.get(noun + "s", _MEASURE_UNITS.get(noun)):
        kind, noun = "measure", _MEASURE_UNITS.get(noun + "s", _MEASURE_UNITS.get(noun))
    elif noun in _CURRENCY_WORD:
        kind, noun = "money", _CURRENCY_WORD[noun]
    return _mk(text, qstart, stop, lo, hi, approx, kind, noun, np.modifier, canon_q)


def _digit_candidate(ctx: _Ctx, m: re.Match[str]) -> QuantityMention | int | None:
    text, low = ctx.text, ctx.low
    start, end = m.start(), m.end()
    prev_ch = low[start - 1] if start > 0 else " "
    if prev_ch.isalnum() or prev_ch in "#._" or (prev_ch == "-" and start > 1 and low[start - 2].isalnum()):
        return None  # "F-16", "COVID-19", "MH17", "#1", ".40"
    next_ch = low[end : end + 1]
    if next_ch.isalpha() or next_ch == "_" or (next_ch in ".," and low[end + 1 : end + 2].isdigit()):
        return None  # "9mm", "1990s", "3D"
    cur: str | None = None
    if prev_ch == "$":
        cur = _CURRENCY_CHAR.get(text[start - 1], "USD")
        two = low[max(0, start - 3) : start - 1]
        word = two.split()[-1] if two.split() else ""
        if text[start - 1] == "$" and word in _CURRENCY_PREFIX_WORD and start >= 2 and low[start - 2].isalpha():
            cur = _CURRENCY_PREFIX_WORD[word]
    if prev_ch == "(" and next_ch == ")" and not _PAREN_AGE.search(text, max(0, start - 40), start):
        return None  # "(2)" list markers, "(8477)"
    if (m.group("sfx")) and cur is None:
        return None  # "3m" (metres?), "10k" (a race)
    value = _digits_value(m)
    num_text = m.group("num")
    plain_int = num_text.isdigit()
    return _number(ctx, start - (1 if cur else 0), end, value, True, cur, num_text if plain_int else "", num_start=start)


def _number(
    ctx: _Ctx,
    start: int,
    end: int,
    value: float,
    is_digits: bool,
    cur: str | None,
    plain_int: str,
    num_start: int | None = None,
) -> QuantityMention | int | None:
    """Analyse a number at ``[start, end)`` (currency symbol included in ``start``)."""
    text, low = ctx.text, ctx.low
    canon, qstart, prev = _left(ctx, start)
    lprev = prev.lower().rstrip(",;:")
    if cur is None and lprev in _CURRENCY_PREFIX_WORD and lprev not in ("a", "c", "us") and text[start - 1] == " ":
        cur = _CURRENCY_PREFIX_WORD[lprev]
    if lprev.rstrip(".") in _MONTH_WORDS and is_digits and (lprev != "may" or prev[:1] == "M") and value <= 31:
        return None  # "October 7" after a qualifier-less look
    sm = _SUFFIX.match(low, end)
    sg = sm.lastgroup if sm is not None else None
    if sg == "month" or sg == "clock":
        return None  # "7 October", "from 5 to 7 p.m."
    if sg == "frac":
        return None  # "two-thirds", "twenty-first"

    # codes and names: "Route 9", "Apollo 11", "No. 3", "Pub. L. 116"
    if not canon and cur is None:
        key = lprev.rstrip(".")
        if (lprev in _NAME_KEYWORDS or key in _NAME_KEYWORDS) and (prev[:1].isupper() or key in _LOWER_NAME_KEYWORDS):
            return None
        if prev[:1].isupper() and prev[-1:].isalnum() and lprev not in _CAP_OK and not _event_after(text, end):
            return None
        if is_digits and text[end + 1 : end + 2].isupper() and _STREET_AFTER.match(low, end):
            return None  # "100 Main Street"

    lo = hi = value
    qualifier = ""
    approx = False
    if sg == "rng" and sm is not None:
        r = _range(ctx, end, value, is_digits, canon, cur)
        if r is None:
            return None  # a score such as "won 3-1"
        if r[0]:
            _ok, value, v2, end, cur2 = r
            lo, hi = value, v2
            cur = cur or cur2
            qualifier = "range"
            approx = low[sm.start() : sm.end()].strip().startswith("or")
            if is_digits and 1000 <= lo <= 2100 and 1000 <= hi <= 2100 and cur is None and plain_int:
                return None  # "the 2013-2014 season"
            sm = _SUFFIX.match(low, end)
            sg = sm.lastgroup if sm is not None else None
            if sg == "clock":
                return None
        if sg == "rng":
            sm = _SUFFIX_NO_RANGE.match(low, end)
            sg = sm.lastgroup if sm is not None else None

    kind = "count"
    noun: str | None = None
    modifier: str | None = None
    suffix_end = end
    keep_left = False
    word = sm.group("w") if sg == "w" and sm is not None else ""
    lword = lemmatize(word) if word else ""
    if cur is not None:
        kind, noun = "money", cur
        if word and lword in ("dollar", "cent") and sm is not None:
            suffix_end = sm.end()
    elif sg == "pct" and sm is not None:
        kind = "percent"
        noun = "percentage point" if "point" in sm.group() else None
        suffix_end = sm.end()
    elif sg == "age" and sm is not None:
        kind = "age"
        suffix_end = sm.end()
        unit = sm.group("au")
        if unit and unit != "year":
            # ages are in years: "a 9-month-old" is 0.75
            per_year = {"month": 12.0, "week": 52.0, "day": 365.0}[unit]
            lo, hi = round(lo / per_year, 4), round(hi / per_year, 4)
        anp = _noun_phrase(text, suffix_end, False, lowercase_only=True)
        if anp.noun is not None:
            noun, modifier, suffix_end = anp.noun, anp.modifier, anp.end
    elif sg == "hyph" and sm is not None:
        unit = sm.group("hw")
        if lemmatize(unit) in _DURATION_UNITS:
            kind, noun = "duration", lemmatize(unit)
            suffix_end = sm.end()
        elif unit in _MEASURE_UNITS and unit not in ("caliber", "calibre"):
            kind, noun = "measure", _MEASURE_UNITS[unit]
            suffix_end = sm.end()
        else:
            return None  # "a two-story house", "12-gauge", "one-on-one", ".40-caliber"
    elif word and lword in _CURRENCY_WORD and (lword != "pound" or _SCALED_TAIL.search(low, start, end)) and sm is not None:
        kind, noun = "money", _CURRENCY_WORD[lword]
        suffix_end = sm.end()
    elif word in ("times", "occasions", "time", "occasion") and sm is not None:
        if value == 1 and word == "time":
            return None  # "one time", "this one time"
        kind = "times"
        suffix_end = sm.end()
    elif word and lword in _DURATION_UNITS and sm is not None:
        if value == 1 and lword == "day" and not canon and not is_digits:
            return None  # "one day he left"
        kind, noun = "duration", lword
        suffix_end = sm.end()
        if canon in ("over", "under", "between") and qualifier != "range":
            canon = ""  # "over three days" = during
    elif word in _MEASURE_UNITS and (is_digits or len(word) > 3) and sm is not None:
        kind, noun = "measure", _MEASURE_UNITS[word]
        suffix_end = sm.end()
        if word in ("pound", "pounds") and _SCALED_TAIL.search(low, start, end):
            kind, noun = "money", "GBP"
    elif canon == "age" or _is_name_age(text, start, end, plain_int, value, canon, qualifier):
        kind = "age"  # "aged 12", "Andrei Kozlov, 27, from ...", "Smith (34)"
        keep_left = canon == "age"
    else:
        np: _NounPhrase | None = None
        part = _OF_PARTITIVE.match(low, end)
        if part is not None:
            if value == 1 and qualifier == "" and not canon:
                return None  # "one of the deadliest", "one of them"
            if part.group("det") in ("them", "whom", "us", "you"):
                suffix_end = part.end()
            else:
                np = _noun_phrase(text, part.end(), True)
        else:
            if word and (word in _STOP or word in _UNIT_WORDS or word in _TENS_WORDS):
                np = None  # "12 were killed", "two and a half": no noun, skip the phrase reader
            else:
                np = _noun_phrase(text, end, hi > 1)
        if np is not None and np.noun is not None:
            noun, modifier, suffix_end = np.noun, np.modifier, np.end
        if value == 1 and not canon and qualifier == "" and not is_digits:
            # the pronoun "one": keep "one man was killed", "one was killed", "one dead"
            if lprev.lstrip(_PUNCT_STRIP) in _ONE_BLOCK_BEFORE or word in _ONE_BLOCK_AFTER:
                return None
            if noun is None and word not in _ONE_EVENT_AFTER and word not in _PREDICATES:
                return None
        # years: "in 2008", "the 1990 season"
        if (
            plain_int
            and qualifier == ""
            and not canon
            and 1000 <= value <= 2100
            and (noun is None or lprev in _YEAR_PREP or not _is_plural(noun))
        ):
            return None

    # "500 or more", "1,000-plus fans", "10 or so"
    if sg in ("more", "less", "so") and qualifier == "" and sm is not None and kind != "age":
        if sg == "more":
            hi, qualifier = math.inf, "at least"
        elif sg == "less":
            lo, qualifier = 0.0, "up to"
        else:
            lo, hi, approx, qualifier = lo * 0.9, hi * 1.1, True, "about"
        suffix_end = max(suffix_end, sm.end())
        if kind == "count" and noun is None:
            np2 = _noun_phrase(text, sm.end(), True)
            if np2.noun is not None:
                noun, modifier, suffix_end = np2.noun, np2.modifier, np2.end

    if qualifier == "range":
        if canon == "between":
            keep_left = True
        elif canon == "about":
            lo, hi, approx, keep_left = lo * 0.9, hi * 1.1, True, True
    elif qualifier == "" and canon and canon not in ("between", "age"):
        lo, hi, approx = _apply_qualifier(canon, lo, hi, kind)
        qualifier, keep_left = canon, True
    return _mk(text, qstart if keep_left else start, max(suffix_end, end), lo, hi, approx, kind, noun, modifier, qualifier)


def _range(
    ctx: _Ctx, end: int, value: float, is_digits: bool, canon: str, cur: str | None
) -> tuple[bool, float, float, int, str | None] | None:
    """Read "to 15", "-15", "or 11", "and 15" after a number.

    :returns: (is a range, first value, second value, end, currency) or None for a score
    """
    low = ctx.low
    no = (False, value, value, end, None)
    rm = _RANGE.match(low, end)
    if rm is None:
        return no
    conn = rm.group("conn")
    if conn == "and" and canon != "between":
        return no
    cur2 = None
    if rm.group("cur"):
        ch = ctx.text[rm.start("cur") + len(rm.group("cur")) - 1]
        if ch not in _CURRENCY_CHAR:
            return no
        cur2 = _CURRENCY_CHAR[ch]
    if rm.group("d2") is not None:
        if not is_digits:
            return no
        after = low[rm.end() : rm.end() + 1]
        if after.isalpha() and not rm.group("sfx") and not rm.group("scale"):
            return no
        if after.isdigit() or after in ("/", ":") or (after in ".," and low[rm.end() + 1 : rm.end() + 2].isdigit()):
            return no
        v2 = float(rm.group("d2").replace(",", ""))
        if rm.group("sfx"):
            if cur is None and cur2 is None:
                return no
            v2 *= _SHORT_SCALES[rm.group("sfx").strip()]
        if rm.group("scale"):
            v2 *= _SCALE_WORDS[rm.group("scale").strip()]
        new_end = rm.end()
        scaled2 = bool(rm.group("sfx") or rm.group("scale"))
    else:
        if is_digits or conn == "-" and ctx.text[rm.start("conn")] != "-":
            return no
        wm = _WORDNUM.match(low, rm.start("w2"))
        if wm is None:
            return no
        parsed = _parse_words(wm.group())
        if parsed is None:
            return no
        v2, used = parsed
        new_end = rm.start("w2") + used
        scaled2 = bool(_SCALED_TAIL.search(wm.group()[:used]))
    # "2 to 3 million": the scale of the second number applies to the first
    if scaled2 and value < v2 and value < 1000 and v2 >= 1000:
        for s in (1e12, 1e9, 1e6, 1e3):
            if v2 >= s and value * s <= v2:
                value *= s
                break
    if v2 < value:
        if conn in ("-", "to") and canon != "between":
            return None
        return no
    if v2 == value:
        return no
    return True, value, v2, new_end, cur2


def _event_after(text: str, pos: int) -> bool:
    """True when the word after a number is a casualty word or a person noun (headlines)."""
    m = _WORD_AFTER.match(text, pos)
    if m is None:
        return False
    w = m.group("w").lower()
    return w in _PREDICATES or lemmatize(w) in _PERSON_NOUNS


def _is_name_age(text: str, start: int, end: int, plain_int: str, value: float, canon: str, qualifier: str) -> bool:
    """True for "Andrei Kozlov, 27, from ..." and "Smith (34)"."""
    if canon or qualifier or not plain_int or value >= 120 or value < 1:
        return False
    before = text[max(0, start - 2) : start]
    if before.endswith((", ", ",")) and _NAME_COMMA_BEFORE.search(text, max(0, start - 40), start):
        return _NAME_AGE_AFTER.match(text, end) is not None
    if before.endswith("(") and _PAREN_AGE.search(text, max(0, start - 40), start):
        return text[end : end + 1] == ")"
    return False


def _mk(
    text: str,
    start: int,
    end: int,
    lo: float,
    hi: float,
    approx: bool,
    kind: str,
    noun: str | None,
    modifier: str | None,
    qualifier: str,
) -> QuantityMention:
    return QuantityMention(start, end, text[start:end], float(lo), float(hi), approx, kind, noun, modifier, qualifier)


# ---------------------------------------------------------------------------
# Comparison and display
# ---------------------------------------------------------------------------


def _num_text(x: float, grouping: bool = False) -> str:
    if math.isinf(x):
        return "inf"
    if abs(x - round(x)) < 1e-6:
        return f"{round(x):,}" if grouping else str(round(x))
    return f"{x:.4f}".rstrip("0").rstrip(".")


def value_key(q: QuantityMention) -> str:
    """Return a compact, comparable text of the value: "1200", "1001..inf", "630..770".

    :param q: a mention
    """
    if q.lo == q.hi:
        return _num_text(q.lo)
    return f"{_num_text(q.lo)}..{_num_text(q.hi)}"


def compatible(a: QuantityMention, b: QuantityMention) -> bool:
    """Tell whether two quantities can describe the same value (their intervals overlap).

    Checking that kinds and nouns match is the caller's job.

    :param a: a mention
    :param b: another mention
    """
    eps = 1e-9 * max(1.0, abs(a.lo), abs(b.lo))
    return a.lo <= b.hi + eps and b.lo <= a.hi + eps


_NOUN_PLURALS: dict[str, str] = {
    "person": "people", "man": "men", "woman": "women", "child": "children",
    "foot": "feet", "police": "police", "staff": "staff", "personnel": "personnel",
    "crew": "crew", "life": "lives", "wife": "wives", "knife": "knives",
}  # fmt: skip


def _plural(noun: str) -> str:
    if noun in _NOUN_PLURALS or noun in _INVARIANT_PLURAL:
        return _NOUN_PLURALS.get(noun, noun)
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _big_text(x: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale and (abs(x) / scale * 1000) % 1 < 1e-6:
            return f"{_num_text(x / scale)} {word}"
    return _num_text(x, grouping=True)


def _money_text(x: float, code: str) -> str:
    sym = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(code)
    body = _big_text(x)
    return f"{sym}{body}" if sym else f"{body} {code}"


def format_quantity(q: QuantityMention) -> str:
    """Render a mention as short human text: "1,200 people", "over 1,000 people", "about 700".

    :param q: a mention
    """

    def num(x: float) -> str:
        if q.kind == "money" and q.noun:
            return _money_text(x, q.noun)
        return _big_text(x)

    integer = q.kind in _INTEGER_KINDS
    qual = q.qualifier
    if qual == "about":
        body = f"about {num(round((q.lo + q.hi) / 2, 6))}"
    elif qual == "nearly":
        body = f"nearly {num(q.hi)}"
    elif qual == "over":
        body = f"over {num(q.lo - 1 if integer else q.lo)}"
    elif qual == "at least":
        body = f"at least {num(q.lo)}"
    elif qual == "under":
        body = f"under {num(q.hi + 1 if integer else q.hi)}"
    elif qual == "up to":
        body = f"up to {num(q.hi)}"
    elif qual == "range":
        body = f"{num(q.lo)} to {num(q.hi)}"
    elif qual:
        body = qual
    elif q.lo == q.hi:
        body = num(q.lo)
    else:
        body = value_key(q)
    single = q.lo == q.hi == 1
    if q.kind == "percent":
        return f"{body} percentage points" if q.noun else f"{body}%"
    if q.kind == "times":
        if qual.endswith("times") or qual == "repeatedly":
            return qual
        return f"{body} time" if single else f"{body} times"
    if q.kind == "age":
        return f"aged {body}" + (f" ({q.noun})" if q.noun else "")
    if q.noun and q.kind in ("duration", "measure", "count"):
        noun = q.noun if single else _plural(q.noun)
        if q.modifier:
            noun = f"{q.modifier} {noun}"
        return f"{body} {noun}"
    return body.removesuffix(" of")
