"""Find quantities in news text and normalise them to intervals with their counted noun.

``find_quantities(text)`` returns :class:`QuantityMention` objects whose ``lo``/``hi``
bounds let two articles be compared: "over a thousand people" (``[1001, inf]``) is
compatible with "1,200 people" (``[1200, 1200]``); "killed 12" and "killed 15" are not.

How it works: one pre-compiled scan finds candidates (digits, number words, vague
quantity words, frequency adverbs) and, in the same pass, consumes things that only look
like numbers (dates, clock times, phone numbers, ordinals, street addresses, codes such as
"F-16"). Each surviving candidate is then examined with small anchored regexes to its left
(qualifier, name keyword such as "Route", "aged") and right (range, scale, unit, counted
noun phrase). Number words are parsed by a small local parser (it handles "a hundred",
"a dozen", "half a million", which ``text2num`` rejects), so nothing slow runs per match.

Interval rules (``N`` is the number as written; integer kinds are count, times and age):

=====================================================  ==========================  ===========
Phrase                                                 Interval                    approximate
=====================================================  ==========================  ===========
N (exact: "1,200", "three", "2.5 million", "$1.2bn")   [N, N]                      no
about / around / approximately / roughly / some /      [0.9N, 1.1N]                yes
an estimated / estimated / approx. / N or so
nearly / almost / close to / just under / just shy of  [0.9N, N]                   yes
more than / over / above / in excess of / upwards of / [N+1, inf] integer kinds,   no
exceeding / just over / well over                      [N, inf] otherwise
at least / no fewer than / no less than /              [N, inf]                    no
a minimum of / N or more / N-plus / N+
fewer than / less than / under / below                 [0, N-1] integer kinds,     no
                                                       [0, N] otherwise
up to / at most / no more than / as many as /          [0, N]                      no
a maximum of / N or fewer
between A and B / A to B / A-B / A or B / from A to B  [A, B]  (B < A: rejected)   "or": yes
a few                                                  [2, 5]                      yes
a couple (of)                                          [2, 3]                      yes
a handful (of)                                         [2, 6]                      yes
several                                                [3, 9]                      yes
multiple / numerous                                    [2, inf]                    yes
dozens (of)                                            [24, 99]                    yes
scores (of)                                            [40, 99]                    yes
hundreds (of)                                          [200, 999]                  yes
thousands (of)                                         [2000, 9999]                yes
tens of thousands (of)                                 [20000, 99999]              yes
hundreds of thousands (of)                             [200000, 999999]            yes
millions (of)                                          [2e6, 9.99e6]               yes
once / twice / thrice / N times / on N occasions       kind "times", [N, N]        no
several times                                          kind "times", [3, 9]        yes
repeatedly / many / multiple / numerous / countless    kind "times", [2, inf]      yes
times
=====================================================  ==========================  ===========

Kinds: ``count`` (default), ``percent`` ("15%", "15 percent", "per cent"), ``money``
(currency symbol or word; ``noun`` is the ISO code), ``times`` (frequency), ``age``
("19-year-old", "aged 12", "Andrei Kozlov, 27,"), ``duration`` ("three days", "a 20-year
sentence"; ``noun`` is the unit) and ``measure`` (miles, km, tons ...; ``noun`` is the unit).

Not quantities (rejected): years ("in 2008"), dates ("October 7", "Nov. 9", "2023-10-07"),
clock times ("9:30 p.m.", "3 o'clock"), ordinals ("21st"), street addresses ("the 1200 block",
"100 Main Street"), phone numbers, codes and names ("F-16", "COVID-19", "Interstate 95",
"Route 9", "Room 101", "Apollo 11", "Pub. L. 116"), the pronoun "one" ("no one", "one
another", "the one who", "one of the deadliest", "one day"), fractions ("two-thirds"),
hyphenated compound adjectives ("a two-story house") and sports scores ("won 3-1").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

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
    ``qualifier`` is the canonical qualifier ("" for an exact number, "about", "nearly",
    "over", "at least", "under", "up to", "range", or a vague phrase such as "hundreds of")
    and is what :func:`format_quantity` uses to phrase the value.
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

_UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_BIG_SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}  # fmt: skip

_VAGUE: dict[str, tuple[float, float, str]] = {
    "a few": (2, 5, "a few"),
    "a couple": (2, 3, "a couple of"),
    "a handful": (2, 6, "a handful of"),
    "several": (3, 9, "several"),
    "multiple": (2, math.inf, "multiple"),
    "numerous": (2, math.inf, "numerous"),
    "dozens": (24, 99, "dozens of"),
    "scores": (40, 99, "scores of"),
    "hundreds": (200, 999, "hundreds of"),
    "thousands": (2000, 9999, "thousands of"),
    "tens of thousands": (20000, 99999, "tens of thousands of"),
    "hundreds of thousands": (200000, 999999, "hundreds of thousands of"),
    "millions": (2e6, 9.99e6, "millions of"),
}

_FREQ: dict[str, tuple[float, float, bool]] = {
    "once": (1, 1, False),
    "twice": (2, 2, False),
    "thrice": (3, 3, False),
    "repeatedly": (2, math.inf, True),
    "several times": (3, 9, True),
    "many times": (2, math.inf, True),
    "multiple times": (2, math.inf, True),
    "numerous times": (2, math.inf, True),
    "countless times": (2, math.inf, True),
}

_CURRENCY_SYMBOL: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "a$": "AUD", "c$": "CAD", "₹": "INR", "rs": "INR", "rs.": "INR",
}  # fmt: skip
_CURRENCY_WORD: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yuan": "CNY", "yen": "JPY",
    "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "shekel": "ILS", "hryvnia": "UAH",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "cent": "USD",
}  # fmt: skip

_DURATION_UNITS = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
}
_MEASURE_UNITS: dict[str, str] = {
    "mile": "mile", "miles": "mile", "mi": "mile", "km": "km", "kilometer": "km",
    "kilometers": "km", "kilometre": "km", "kilometres": "km", "meter": "m", "meters": "m",
    "metre": "m", "metres": "m", "feet": "foot", "foot": "foot", "ft": "foot",
    "inch": "inch", "inches": "inch", "yard": "yard", "yards": "yard", "acre": "acre",
    "acres": "acre", "hectare": "hectare", "hectares": "hectare", "ton": "ton", "tons": "ton",
    "tonne": "tonne", "tonnes": "tonne", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "pound": "lb", "pounds": "lb", "lb": "lb", "lbs": "lb", "gram": "g", "grams": "g",
    "gallon": "gallon", "gallons": "gallon", "liter": "litre", "liters": "litre",
    "litre": "litre", "litres": "litre", "barrel": "barrel", "barrels": "barrel",
    "mph": "mph", "degree": "degree", "degrees": "degree", "mm": "mm", "cm": "cm",
    "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
}  # fmt: skip

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+ieth|hundredth|thousandth|millionth"
)
_FRACTION_WORDS = r"halves|halfs?|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?"

# Words that end a counted-noun phrase (function words, auxiliaries, frequent verbs).
_STOP = frozenset(
    """
    a an the this that these those his her their its our my your some any no all each every
    of in on at by for from to with without into onto over under after before during since
    until near about around across against among between through toward towards behind
    beside inside outside within via per than as like and or but nor so yet if then when
    while where who whom whose which what why how there here is are was were be been being
    am has have had having do does did doing will would shall should can could may might
    must said say says told tells according reported including include includes included
    it he she they we you i me him them us one two three more most less least very too also
    just only still even again not never now out up down off back away other's s t
    percent per cent times time occasions am pm a.m. p.m. o'clock year years old
    later earlier ago before
    """.split()
)
# Verbs and predicate adjectives that follow a number without being its noun.
_PREDICATES = frozenset(
    """
    dead died die dies dying killed shot hurt hit slain wounded injured stabbed arrested
    charged missing remain remains remained survive survived face faces faced escaped fled
    went came got were was left found taken held seen made given known thought believed
    confirmed reported feared presumed hospitalized hospitalised treated rescued evacuated
    displaced detained jailed sentenced convicted accused suspected
    """.split()
)
# Irregular plurals and words whose -s is not a plural ending.
_IRREGULAR: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "kids": "kid", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
    "thieves": "thief", "wolves": "wolf", "halves": "half", "leaves": "leaf",
    "shelves": "shelf", "selves": "self", "police": "police", "staff": "staff",
    "personnel": "personnel", "crew": "crew", "troops": "troop", "data": "data",
    "media": "media", "criteria": "criterion", "phenomena": "phenomenon",
    "series": "series", "species": "species", "news": "news", "means": "means",
    "headquarters": "headquarters", "police officers": "police officer",
    "movies": "movie", "rookies": "rookie", "cookies": "cookie", "zombies": "zombie",
    "brownies": "brownie", "calories": "calorie", "hippies": "hippie", "aircraft": "aircraft",
    "sheep": "sheep", "deer": "deer", "fish": "fish", "bus": "bus", "buses": "bus",
    "gas": "gas", "gases": "gas", "lens": "lens", "yes": "yes", "this": "this",
    "his": "his", "its": "its", "us": "us", "thus": "thus", "plus": "plus",
    "canvas": "canvas", "alias": "alias", "atlas": "atlas", "bias": "bias",
    "chassis": "chassis", "corps": "corps", "oasis": "oasis", "texas": "texas",
    "kansas": "kansas", "arkansas": "arkansas", "illinois": "illinois",
    "others": "other", "veterans": "veteran", "civilians": "civilian",
    "dozens": "dozen", "teens": "teen", "twins": "twin", "goes": "go", "does": "do",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo",
    "vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano",
}  # fmt: skip
_NOT_DEMONYM = frozenset(
    """
    republicans christians anglicans lutherans episcopalians presbyterians vegetarians
    spartans trojans titans guardians avengers rockets warriors mavericks veterans
    """.split()
)
# Words before a number that make it part of a name or code ("Route 9", "Room 101").
_NAME_KEYWORDS = frozenset(
    """
    interstate highway hwy route rte road sr us state county channel room flight apollo
    article section chapter title page pages pp p vol volume no nos number num episode
    season game games level stage phase grade class category type model version mark
    windows iphone boeing airbus gate terminal platform unit apt apartment suite building
    ward district precinct station engine ladder squad local lot pier dock track lane exit
    mile day week round act bill proposition prop amendment code line bus train car
    division region zone sector box ps pub l law figure fig table appendix item rule
    ch col psalm verse
    """.split()
)
# Capitalised words that may directly precede a real count ("About 700", "Sunday 3 killed").
_CAP_OK = frozenset(
    """
    the a an and but or of in on at by for from to with after before during since over
    under about around approximately roughly some nearly almost only just all at least
    more than fewer less up then when while as if so yet police officials authorities
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    killing killed leaving left wounding injuring injured wounded shot kills leaves
    say says said report reports see sees
    """.split()
)
_ONE_BLOCK_BEFORE = frozenset(
    "no the this that which every each any someone anyone everyone like own another".split()
)
_ONE_BLOCK_AFTER = frozenset(
    """
    another day night morning afternoon evening point way thing time side hand of who
    that which whose can could would should must might may will shall 's ’s such
    """.split()
)
_ONE_EVENT_AFTER = frozenset(
    """
    is was has had remains remained died dies dead killed shot hurt wounded injured
    suffered survived succumbed later other more
    """.split()
)
_YEAR_PREP = frozenset(
    "in since by from until till through to of during before after around circa c. early late mid the".split()
)

# ---------------------------------------------------------------------------
# Regexes
# ---------------------------------------------------------------------------

_UNIT_RE = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS_WORDS)
_ATOM = rf"(?:(?:{_TENS_RE})(?:[-\s](?:{_UNIT_RE})\b)?|{_UNIT_RE}|hundred|thousand|million|billion|trillion|dozen)"
_WORDNUM = (
    rf"(?:(?:half\s+an?\s+|an?\s+)(?:hundred|thousand|million|billion|trillion|dozen)\b"
    rf"|(?:{_ATOM})\b)"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_ATOM})\b)*"
)
_DIGITNUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE_AFTER_DIGITS = r"(?:\s*(?:bn|mn|tn|m|b|k)\b|\s+(?:hundred|thousand|million|billion|trillion)\b)"
_CUR = r"(?:us\$|a\$|c\$|\$|€|£|¥|₹|usd\s?|eur\s?|gbp\s?)"
_NUMCORE = rf"(?:{_DIGITNUM}{_SCALE_AFTER_DIGITS}?|{_WORDNUM})"

_SKIP = (
    r"\d{4}-\d{1,2}-\d{1,2}\b"  # ISO date
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"  # 10/7/2023
    r"|\d{1,2}(?::\d{2})?\s*(?:[ap]\.\s?m\.?|[ap]m\b)"  # 9:30 p.m., 10am
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.\s?m\.?|[ap]m\b|hrs\b|gmt\b|[ecmp][sd]t\b|utc\b)"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    rf"|(?:\d{{1,2}}|{_UNIT_RE})\s+o['’]clock\b"
    r"|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b1-800-[\w-]+|\d{3}-\d{4}\b"  # phone numbers
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+\d{{4}}\b)?"
    rf"|\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b"
    r"|\d+(?:st|nd|rd|th)\b"  # ordinals
    r"|\d+\s+block\b"
    r"|\d+[a-z]?\s+(?:[nsew]\.?\s+)?(?:[A-Z][\w.'’]*\s+){1,3}(?:street|st|avenue|ave|road|rd"
    r"|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|circle"
    r"|cir|terrace|trail|pike|square|sq)\b\.?"
    r"|\d+(?:[.,]\d+)*[a-z]\w*"  # 9mm-like codes, 1990s, 3D ... (money suffixes handled earlier)
)

_CANDIDATE = re.compile(
    rf"""
    (?P<skip>(?<![\w.,-]){_SKIP})
    | (?P<freq>\b(?:once|twice|thrice|repeatedly|(?:several|many|multiple|numerous|countless)\s+times)\b)
    | (?P<vague>\b(?:hundreds\s+of\s+thousands|tens\s+of\s+thousands|a\s+few|a\s+couple|a\s+handful
                 |several|multiple|numerous|dozens|scores|hundreds|thousands|millions)\b)
    | (?P<num>(?:(?<![\w$€£¥₹.,/-])|(?<=\s-)){_CUR}?(?<![\w.,/])(?<![a-z]-){_NUMCORE})
    """,
    re.IGNORECASE | re.VERBOSE,
)

_SPACE = r"[ \t\xa0]"
_RANGE = re.compile(
    rf"{_SPACE}*(?P<conn>-|–|—|to|or|and){_SPACE}*(?P<cur>{_CUR})?(?P<n2>{_NUMCORE})(?![\w/:-])",
    re.IGNORECASE,
)
_QUAL_BEFORE = re.compile(
    r"""(?:^|(?<=[^\w]))
    (?P<q>more\s+than|fewer\s+than|less\s+than|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than
      |not\s+more\s+than|at\s+least|at\s+most|up\s+to|close\s+to|upwards\s+of|in\s+excess\s+of
      |as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|a\s+minimum\s+of|a\s+maximum\s+of
      |an\s+estimated|estimated|just\s+over|well\s+over|just\s+under|just\s+shy\s+of|more\s+like
      |about|around|approximately|approx\.|roughly|some|nearly|almost|over|above|under|below
      |exceeding|between|from|aged|ages|age|only|just|barely|precisely|exactly)
    [ \t\xa0]+(?P<tail>a\s+|the\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z][\w.'’]*|#)[ \t\xa0]*$")
_PERCENT = re.compile(
    rf"{_SPACE}*(?:%|percent\b|per{_SPACE}+cent\b|pct\b|(?P<pp>percentage{_SPACE}+points?\b))",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(
    rf"(?:-|{_SPACE}+)years?(?:-|{_SPACE}+)olds?\b|{_SPACE}+years?{_SPACE}+of{_SPACE}+age\b",
    re.IGNORECASE,
)
_HYPHEN_UNIT = re.compile(r"-(?P<u>[a-z]+)\b", re.IGNORECASE)
_WORD_AFTER = re.compile(rf"{_SPACE}+(?P<w>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF_PARTITIVE = re.compile(
    rf"{_SPACE}+of{_SPACE}+(?P<det>the|those|these|his|her|their|its|our|them|whom|us|you)\b",
    re.IGNORECASE,
)
_OR_MORE = re.compile(
    rf"{_SPACE}*(?:(?P<more>{_SPACE}or{_SPACE}+(?:more|greater|higher|older|above))\b"
    rf"|(?P<less>{_SPACE}or{_SPACE}+(?:fewer|less|younger|below))\b"
    rf"|(?P<so>{_SPACE}or{_SPACE}+so)\b|(?P<plus>-?plus\b|\+))",
    re.IGNORECASE,
)
_OF_AFTER_VAGUE = re.compile(rf"{_SPACE}+of\b", re.IGNORECASE)
_OCCASIONS = re.compile(rf"{_SPACE}+(?:times|occasions)\b", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\bon[ \t\xa0]+$", re.IGNORECASE)
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t\xa0]*$")
_NAME_AGE_AFTER = re.compile(
    r"(?:[ \t\xa0]*[,;)]|\.(?:\s|$)|$|[ \t\xa0]+(?:and|of|from|who|was|is|were|had)\b)"
)
_PAREN_AGE = re.compile(r"[A-Z][\w'’.-]*[ \t\xa0]*\($")
_FRACTION_AFTER = re.compile(rf"[-\s](?:{_FRACTION_WORDS}|{_ORDINAL_WORDS})\b", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?", re.IGNORECASE)
_STRIP_NUM = re.compile(r"[,\s]")


# ---------------------------------------------------------------------------
# Number parsing
# ---------------------------------------------------------------------------


def _parse_words(span: str) -> tuple[float, int] | None:
    """Parse English number words.

    :param span: text such as "one thousand two hundred", "a dozen", "half a million"
    :returns: (value, number of characters of ``span`` that were used) or None
    """
    total = 0.0
    current = 0.0
    last = ""  # "unit" | "teen" | "tens" | "hundred" | "big" | "a"
    used = 0
    seen = False
    for m in _WORD_TOKEN.finditer(span):
        w = m.group().lower()
        if w == "and":
            if last not in ("hundred", "big"):
                break
            continue
        if w == "half" and not seen:
            current = 0.5
            last = "a"
            used = m.end()
            continue
        if w in ("a", "an"):
            if seen or last == "a" and current != 0.5:
                break
            if current != 0.5:
                current = 1.0
            last = "a"
            used = m.end()
            continue
        if w in _UNIT_WORDS:
            v = _UNIT_WORDS[w]
            if last in ("unit", "teen", "a") or (last == "tens" and v >= 10) or (v == 0 and seen):
                break
            current += v
            last = "teen" if v >= 10 else "unit"
        elif w in _TENS_WORDS:
            if last in ("unit", "teen", "tens", "a"):
                break
            current += _TENS_WORDS[w]
            last = "tens"
        elif w == "hundred":
            if last in ("hundred", "big") and current == 0:
                break
            current = (current or 1.0) * 100
            last = "hundred"
        elif w == "dozen":
            current = (current or 1.0) * 12
            last = "hundred"
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * _BIG_SCALES[w]
            current = 0.0
            last = "big"
        else:
            break
        seen = True
        used = m.end()
    if not seen:
        return None
    return total + current, used


def _parse_number(span: str) -> tuple[float, int] | None:
    """Parse digits (with an optional scale word or suffix) or number words.

    :param span: the matched number text
    :returns: (value, characters used) or None
    """
    if span[:1].isdigit() or span[:1] == ".":
        m = re.match(_DIGITNUM, span)
        if m is None:  # pragma: no cover - the scan guarantees a digit run
            return None
        value = float(_STRIP_NUM.sub("", m.group()))
        rest = span[m.end() :]
        scale = rest.strip().lower()
        if scale in _BIG_SCALES:
            value *= _BIG_SCALES[scale]
        elif scale == "hundred":
            value *= 100
        return value, len(span)
    return _parse_words(span)


# ---------------------------------------------------------------------------
# Nouns
# ---------------------------------------------------------------------------


def lemmatize(word: str) -> str:
    """Return the lowercased singular of an English noun ("people" -> "person").

    :param word: a noun, singular or plural
    """
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if "-" in w:
        head, _, tail = w.rpartition("-")
        return f"{head}-{lemmatize(tail)}"
    if len(w) > 4 and w.endswith("women"):
        return w[:-5] + "woman"
    if len(w) > 3 and w.endswith("men") and w not in ("specimen", "abdomen", "regimen", "acumen", "omen", "semen", "stamen"):
        return w[:-3] + "man"
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "'s")):
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
    return lemmatize(lw) != lw or lw in ("police", "staff", "personnel", "crew", "sheep", "deer", "aircraft", "fish")


@dataclass(slots=True)
class _NounPhrase:
    end: int
    noun: str | None
    modifier: str | None


def _noun_phrase(text: str, pos: int, plural_expected: bool) -> _NounPhrase:
    """Read the counted noun phrase that starts at ``pos`` (right after a number).

    :param text: the whole text
    :param pos: offset just after the number
    :param plural_expected: the number is greater than one
    """
    words: list[tuple[str, int]] = []
    p = pos
    while len(words) < 4:
        m = _WORD_AFTER.match(text, p)
        if m is None:
            break
        w = m.group("w")
        lw = w.lower().replace("’", "'")
        if lw.endswith("'s"):
            break
        if not words and lw in ("more", "other", "additional", "further", "new", "fewer"):
            words.append((w, m.end()))
            p = m.end()
            continue
        if lw in _STOP or lw in _UNIT_WORDS or lw in _TENS_WORDS:
            break
        if lw in _PREDICATES or lw.endswith(("ed", "ing")) or (lw.endswith("ly") and len(lw) > 4 and lw not in ("family", "ally", "assembly", "supply", "rally", "bully", "belly")):
            # a participle or adverb is kept only as an adjective before another noun
            if any(not x[0].lower() in ("more", "other", "additional", "further", "new", "fewer") for x in words):
                break
            nxt = _WORD_AFTER.match(text, m.end())
            if nxt is None:
                break
            ln = nxt.group("w").lower()
            if (
                ln in _STOP
                or ln in _PREDICATES
                or ln.endswith(("ed", "ing", "ly"))
                or ln in _UNIT_WORDS
            ):
                break
        words.append((w, m.end()))
        p = m.end()
    # drop trailing participle/adjective that had no noun after it
    while words and (words[-1][0].lower() in _PREDICATES or words[-1][0].lower().endswith(("ed", "ing"))):
        words.pop()
    if not words:
        return _NounPhrase(pos, None, None)
    head, end = words[-1]
    mods = [w.lower() for w, _ in words[:-1]]
    lhead = head.lower()
    if lhead in ("more", "other", "additional", "further", "new", "fewer") and len(words) == 1:
        return _NounPhrase(pos, None, None)
    if plural_expected and not _is_plural(head):
        return _NounPhrase(pos, None, None)
    noun = lemmatize(head)
    if (
        head[:1].isupper()
        and lhead.endswith(("ans", "ians", "ons", "is", "ese"))
        and lhead not in _NOT_DEMONYM
        and lhead not in _IRREGULAR
    ):
        # "3 Russians" -> noun "national", modifier "russian" (= "three Russian nationals")
        mods.append(noun)
        noun = "national"
    modifier = " ".join(mods) or None
    return _NounPhrase(end, noun, modifier)


# ---------------------------------------------------------------------------
# Main scan
# ---------------------------------------------------------------------------

_INTEGER_KINDS = frozenset({"count", "times", "age"})


def _apply_qualifier(q: str, lo: float, hi: float, kind: str) -> tuple[float, float, bool, str]:
    """Turn a qualifier and a nominal interval into the final interval.

    :returns: (lo, hi, approximate, canonical qualifier)
    """
    integer = kind in _INTEGER_KINDS
    if q in ("about", "around", "approximately", "approx.", "roughly", "some", "an estimated", "estimated", "more like"):
        return lo * 0.9, hi * 1.1, True, "about"
    if q in ("nearly", "almost", "close to", "just under", "just shy of"):
        return lo * 0.9, hi, True, "nearly"
    if q in ("more than", "over", "above", "in excess of", "upwards of", "exceeding", "just over", "well over"):
        return (math.floor(hi) + 1 if integer else hi), math.inf, False, "over"
    if q in ("at least", "no fewer than", "no less than", "a minimum of"):
        return lo, math.inf, False, "at least"
    if q in ("fewer than", "less than", "under", "below"):
        return 0.0, (math.ceil(lo) - 1 if integer else lo), False, "under"
    if q in ("up to", "at most", "no more than", "not more than", "as many as", "as much as", "a maximum of"):
        return 0.0, hi, False, "up to"
    return lo, hi, False, ""


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group("w") if m else ""


def find_quantities(text: str) -> list[QuantityMention]:
    """Find the quantities in ``text``.

    :param text: any text (an article, a paragraph or a sentence)
    :returns: mentions in text order; offsets index into ``text``
    """
    out: list[QuantityMention] = []
    last_end = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() < last_end or m.lastgroup == "skip":
            continue
        q = _analyse(text, m)
        if q is not None:
            out.append(q)
            last_end = q.end
    return out


def _left_qualifier(text: str, start: int) -> tuple[str, int]:
    """Find a qualifier ending right before ``start``: (canonical lowercase text, its start)."""
    lo = max(0, start - 30)
    m = _QUAL_BEFORE.search(text, lo, start)
    if m is None:
        return "", start
    qual = " ".join(m.group("q").lower().split())
    tail = (m.group("tail") or "").strip().lower()
    if tail == "the" and qual not in ("between", "from"):
        return "", start
    return qual, m.start()


def _analyse(text: str, m: re.Match[str]) -> QuantityMention | None:  # noqa: C901
    group = m.lastgroup
    start, end = m.start(), m.end()
    qual, qstart = _left_qualifier(text, start)

    if group == "freq":
        key = " ".join(m.group().lower().split())
        lo, hi, approx = _FREQ[key]
        if key == "once":
            after = text[end : end + 12].lower()
            before = text[max(0, start - 8) : start].lower()
            if (
                after.lstrip().startswith(("again", "upon", "more", "and for all", "inside", "the", "he", "she", "they", "it", "we", "i "))
                or before.rstrip().endswith(("at", "all at", "for"))
                or text[start].isupper()
            ):
                return None
        if qual in ("more than", "over") and key in ("once", "twice"):
            lo, hi = lo + 1, math.inf
        elif qual in ("at least",):
            hi = math.inf
        else:
            qstart = start
        return _mk(text, qstart, end, lo, hi, approx, "times", None, None, "" if not approx else key)

    if group == "vague":
        key = " ".join(m.group().lower().split())
        lo, hi, canon = _VAGUE[key]
        nstart = end
        of = _OF_AFTER_VAGUE.match(text, end)
        if of is not None:
            nstart = of.end()
        elif key in ("a couple", "a handful"):
            pass
        occ = _OCCASIONS.match(text, end)
        if occ is not None and key in ("several", "multiple", "numerous", "dozens", "hundreds"):
            return _mk(text, start, occ.end(), lo, hi, True, "times", None, None, canon.removesuffix(" of") + " times")
        np = _noun_phrase(text, nstart, True)
        if np.noun is None and key in ("multiple", "numerous", "a couple", "a handful"):
            return None
        if np.noun is None and key in ("scores",):
            return None
        stop = np.end if np.noun is not None else end
        if qual in ("more than", "over", "at least", "upwards of"):
            hi = math.inf
        else:
            qstart = start
        kind = "duration" if np.noun in _DURATION_UNITS else "count"
        return _mk(text, qstart, stop, lo, hi, True, kind, np.noun, np.modifier, canon)

    # --- a number -----------------------------------------------------------------
    raw = m.group()
    cur_code: str | None = None
    cm = re.match(_CUR, raw, re.IGNORECASE)
    num_text = raw
    if cm is not None and cm.end() > 0:
        cur_code = _CURRENCY_SYMBOL.get(cm.group().strip().lower())
        num_text = raw[cm.end() :].lstrip()
    parsed = _parse_number(num_text)
    if parsed is None:
        return None
    value, used = parsed
    end = start + (len(raw) - len(num_text)) + used
    num_text = num_text[:used]
    is_digits = num_text[:1].isdigit() or num_text[:1] == "."
    lnum = num_text.lower()
    short_suffix = is_digits and bool(re.search(r"\d\s*(?:bn|mn|tn|m|b|k)$", lnum))
    if short_suffix and cur_code is None:
        return None
    # a word number that is really an ordinal or fraction ("twenty-first", "two-thirds")
    if _FRACTION_AFTER.match(text, end):
        return None
    if not is_digits and lnum in ("a", "an"):
        return None

    prev = _prev_word(text, qstart if qual else start)
    lprev = prev.lower().rstrip(".")
    after_char = text[end : end + 1]

    # codes and names: "Route 9", "Apollo 11", "No. 3", "#1", "Pub. L. 116"
    if prev == "#" or lprev in _NAME_KEYWORDS and not qual:
        if prev[:1].isupper() or lprev in ("no", "nos", "p", "pp", "page", "pages", "vol", "#"):
            return None
    if (
        not qual
        and prev[:1].isupper()
        and lprev not in _CAP_OK
        and cur_code is None
        and not _looks_like_event_after(text, end)
    ):
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start : start - len(prev)].strip()
        sentence_initial = before == "" or before[-1:] in ".!?\"'“”:;"
        if not sentence_initial or is_digits:
            return None

    lo = hi = value
    qualifier = ""
    approx = False
    # ranges: "10 to 15", "10-15", "between 10 and 15", "10 or 11"
    rng = _RANGE.match(text, end)
    if rng is not None:
        r = _range(rng, value, num_text, is_digits, qual)
        if r is None:
            return None  # a score such as "won 3-1"
        if r[0]:
            _, value, v2, end = r
            lo, hi = value, v2
            if rng.group("cur") and cur_code is None:
                cur_code = _CURRENCY_SYMBOL.get(rng.group("cur").strip().lower())
            qualifier = "range"
            approx = rng.group("conn").lower() == "or"
            if is_digits and 1000 <= lo <= 2100 and 1000 <= hi <= 2100 and cur_code is None:
                if "," not in num_text and not _PERCENT.match(text, end):
                    return None  # "the 2013-2014 season"

    kind = "count"
    noun: str | None = None
    modifier: str | None = None
    suffix_end = end
    keep_left = False  # the left qualifier belongs to the surface

    pm = _PERCENT.match(text, end)
    om = _OR_MORE.match(text, end)
    age_m = _AGE_AFTER.match(text, end)
    hyph = _HYPHEN_UNIT.match(text, end) if qualifier != "range" and om is None else None
    wm = _WORD_AFTER.match(text, end)
    word = wm.group("w").lower() if wm is not None else ""
    lword = lemmatize(word) if word else ""
    if cur_code is not None:
        kind, noun = "money", cur_code
        if wm is not None and lword in ("dollar", "cent"):
            suffix_end = wm.end()
    elif pm is not None:
        kind = "percent"
        noun = "percentage point" if pm.group("pp") else None
        suffix_end = pm.end()
    elif age_m is not None:
        kind = "age"
        suffix_end = age_m.end()
        np = _noun_phrase(text, suffix_end, False)
        if np.noun is not None and not _capitalised_head(text, np.end):
            noun, modifier, suffix_end = np.noun, np.modifier, np.end
    elif hyph is not None:
        unit = hyph.group("u").lower()
        if lemmatize(unit) in _DURATION_UNITS:
            kind, noun = "duration", lemmatize(unit)
            suffix_end = hyph.end()
        elif unit in _MEASURE_UNITS:
            kind, noun = "measure", _MEASURE_UNITS[unit]
            suffix_end = hyph.end()
        else:
            return None  # "a two-story house", "12-gauge", "one-on-one"
    elif wm is not None and lword in _CURRENCY_WORD and (lword != "pound" or _is_scaled(num_text)):
        kind, noun = "money", _CURRENCY_WORD[lword]
        suffix_end = wm.end()
    elif wm is not None and lword in ("time", "occasion"):
        if value == 1 and lword == "time" and not qual:
            return None  # "one time", "this one time"
        kind = "times"
        suffix_end = wm.end()
    elif wm is not None and lword in _DURATION_UNITS:
        if value == 1 and lword == "day" and not qual and not is_digits:
            return None  # "one day he left"
        kind, noun = "duration", lword
        suffix_end = wm.end()
    elif wm is not None and word in _MEASURE_UNITS and (is_digits or len(word) > 3):
        kind, noun = "measure", _MEASURE_UNITS[word]
        suffix_end = wm.end()
    elif qual in ("aged", "age", "ages") or _is_name_age(text, start, end, num_text, value, qual, qualifier):
        # "aged 12", "Andrei Kozlov, 27, from ...", "Smith (34)"
        kind = "age"
        keep_left = qual in ("aged", "age", "ages")
    else:
        np: _NounPhrase | None = None
        part = _OF_PARTITIVE.match(text, end)
        if part is not None:
            if value == 1 and qualifier == "" and not qual:
                return None  # "one of the deadliest", "one of them"
            if part.group("det").lower() in ("them", "whom", "us", "you"):
                suffix_end = part.end()
            else:
                np = _noun_phrase(text, part.end(), True)
        else:
            np = _noun_phrase(text, end, hi > 1)
        if np is not None and np.noun is not None:
            noun, modifier, suffix_end = np.noun, np.modifier, np.end
        if value == 1 and not qual and qualifier == "" and not is_digits:
            # the pronoun "one": keep "one man was killed", "one was killed", "one dead"
            if lprev in _ONE_BLOCK_BEFORE or word in _ONE_BLOCK_AFTER:
                return None
            if noun is None and word not in _ONE_EVENT_AFTER and word not in _PREDICATES:
                return None
        # years: "in 2008", "the 1990 season"
        if (
            is_digits
            and qualifier == ""
            and not qual
            and not re.search(r"[,.]", num_text)
            and 1000 <= value <= 2100
            and (noun is None or lprev in _YEAR_PREP or not _is_plural(noun))
        ):
            return None

    # "500 or more", "1,000-plus fans", "10 or so"
    if om is not None and qualifier == "" and kind in ("count", "times", "money", "percent", "age"):
        if om.group("more") or om.group("plus"):
            hi, qualifier = math.inf, "at least"
        elif om.group("less"):
            lo, qualifier = 0.0, "up to"
        else:
            lo, hi, approx, qualifier = lo * 0.9, hi * 1.1, True, "about"
        if suffix_end <= om.end():
            suffix_end = om.end()
            if kind == "count" and noun is None:
                np2 = _noun_phrase(text, om.end(), True)
                if np2.noun is not None:
                    noun, modifier, suffix_end = np2.noun, np2.modifier, np2.end

    if qualifier == "range":
        if qual in ("between", "from"):
            keep_left = True
        elif qual in _APPROX_QUALS:
            lo, hi, approx, keep_left = lo * 0.9, hi * 1.1, True, True
    elif qualifier == "" and qual:
        lo, hi, approx2, canon = _apply_qualifier(qual, lo, hi, kind)
        if canon:
            approx, qualifier, keep_left = approx2, canon, True
    return _mk(text, qstart if keep_left else start, max(suffix_end, end), lo, hi, approx, kind, noun, modifier, qualifier)


_APPROX_QUALS = frozenset(
    ["about", "around", "approximately", "approx.", "roughly", "some", "an estimated", "estimated"]
)


def _range(
    rng: re.Match[str], value: float, num_text: str, is_digits: bool, qual: str
) -> tuple[bool, float, float, int] | None:
    """Check a range continuation: (is a range, first value, second value, end) or None for a score."""
    conn = rng.group("conn").lower()
    n2 = rng.group("n2")
    p2 = _parse_number(n2)
    no = (False, value, value, rng.start())
    if p2 is None or (conn == "and" and qual != "between"):
        return no
    if conn in ("-", "–", "—") and (not is_digits or not n2[:1].isdigit()):
        return no
    v2 = p2[0]
    # "2 to 3 million": the scale of the second number applies to the first
    if v2 >= 1000 and value < 10 and _is_scaled(n2) and not _is_scaled(num_text):
        value *= _scale_of(n2)
    if v2 < value:
        return None if conn in ("-", "–", "—", "to") and qual != "between" else no
    if v2 == value:
        return no
    end = rng.start() + len(rng.group()) - len(n2) + p2[1]
    return True, value, v2, end


def _capitalised_head(text: str, end: int) -> bool:
    m = re.search(r"[A-Za-z][\w'’-]*$", text[max(0, end - 40) : end])
    return m is not None and m.group()[:1].isupper()


def _is_name_age(
    text: str, start: int, end: int, num_text: str, value: float, qual: str, qualifier: str
) -> bool:
    """True for "Andrei Kozlov, 27, from ..." and "Smith (34)"."""
    if qual or qualifier or not num_text.isdigit() or value >= 120:
        return False
    if _NAME_COMMA_BEFORE.search(text, max(0, start - 40), start):
        return _NAME_AGE_AFTER.match(text, end) is not None
    if _PAREN_AGE.search(text, max(0, start - 40), start):
        return text[end : end + 1] == ")"
    return False


def _is_scaled(num: str) -> bool:
    return bool(re.search(r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn|\d\s*[mbk])\s*$", num.strip(), re.IGNORECASE))


def _scale_of(num: str) -> float:
    parsed = _parse_number(num.strip())
    if parsed is None:
        return 1.0
    word = num.strip().split()[-1].lower()
    if word in _BIG_SCALES:
        return _BIG_SCALES[word]
    return 1.0


def _next_is(text: str, pos: int, words: tuple[str, ...]) -> bool:
    m = _WORD_AFTER.match(text, pos)
    return m is not None and m.group("w").lower() in words


def _looks_like_event_after(text: str, pos: int) -> bool:
    """True when the word after a number is a casualty word or a person noun (title-case headlines)."""
    m = _WORD_AFTER.match(text, pos)
    if m is None:
        return False
    w = m.group("w").lower()
    return w in _PREDICATES or lemmatize(w) in _PERSON_NOUNS


_PERSON_NOUNS = frozenset(
    """
    person man woman child kid boy girl teen teenager adult student officer police soldier
    victim people resident civilian worker employee member fan passenger suspect other
    """.split()
)


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
    return QuantityMention(
        start=start,
        end=end,
        surface=text[start:end],
        lo=float(lo),
        hi=float(hi),
        approximate=approx,
        kind=kind,
        noun=noun,
        modifier=modifier,
        qualifier=qualifier,
    )


# ---------------------------------------------------------------------------
# Comparison and display
# ---------------------------------------------------------------------------


def _num_text(x: float, grouping: bool = False) -> str:
    if math.isinf(x):
        return "inf"
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}" if grouping else str(round(x))
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s


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
}  # fmt: skip


def _plural(noun: str) -> str:
    if noun in _NOUN_PLURALS:
        return _NOUN_PLURALS[noun]
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _money_text(x: float, code: str) -> str:
    sym = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(code)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            body = f"{_num_text(x / scale)} {word}"
            break
    else:
        body = _num_text(x, grouping=True)
    return f"{sym}{body}" if sym else f"{body} {code}"


def format_quantity(q: QuantityMention) -> str:
    """Render a mention as short human text: "1,200 people", "over 1,000 people", "about 700".

    :param q: a mention
    """

    def num(x: float) -> str:
        if q.kind == "money" and q.noun:
            return _money_text(x, q.noun)
        if abs(x) >= 1e6 and abs(x) % 1e5 == 0:
            return _money_text(x, "").strip()
        return _num_text(x, grouping=True)

    qual = q.qualifier
    if q.kind == "times":
        if qual and qual.endswith("times") or qual in ("repeatedly",):
            return qual
        if qual == "" and q.lo == q.hi:
            return f"{_num_text(q.lo)} time" + ("" if q.lo == 1 else "s")
    if qual == "about":
        body = f"about {num(round((q.lo + q.hi) / 2, 6))}"
    elif qual == "nearly":
        body = f"nearly {num(q.hi)}"
    elif qual == "over":
        body = f"over {num(q.lo - 1 if q.kind in _INTEGER_KINDS else q.lo)}"
    elif qual == "at least":
        body = f"at least {num(q.lo)}"
    elif qual == "under":
        body = f"under {num(q.hi + 1 if q.kind in _INTEGER_KINDS else q.hi)}"
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
    if q.kind == "percent":
        return f"{body}%" if not qual or qual in ("about", "nearly", "over", "at least", "under", "up to", "range") else f"{body} percent"
    if q.kind == "times":
        return f"{body} times"
    if q.kind == "age":
        return f"aged {body}" + (f" ({q.noun})" if q.noun else "")
    if q.kind in ("duration", "measure") and q.noun:
        return f"{body} {q.noun if q.lo == q.hi == 1 else _plural(q.noun)}"
    if q.kind == "count" and q.noun:
        noun = q.noun if q.hi == 1 and q.lo == 1 else _plural(q.noun)
        if q.modifier:
            noun = f"{q.modifier} {noun}"
        sep = " " if not body.endswith(" of") else " "
        return f"{body}{sep}{noun}"
    return body.removesuffix(" of")
