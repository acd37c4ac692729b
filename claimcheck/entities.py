"""Named-entity finding and cross-document entity linking (rule based, no model).

:func:`find_entities` finds capitalised names in news text, separates role titles
("Foreign Minister", "Mr") and possessives from the names and guesses a kind
(person, org, place, other) from general cues: title words, organisation and place
head words, a compact gazetteer and a list of common given names.

:class:`EntityLinker` resolves the mentions of many documents to canonical entities.
People are bucketed by a transliteration-folded surname key (:func:`name_key`), so
"Mousa Abu Marzook", "Musa Abu Marzouk" and "Mr Abu Marzook" meet in one bucket;
inside a bucket given names must be compatible (equal keys, an initial, or a close
fuzzy match), so "John Smith" and "Jane Smith" stay apart. Organisations and places
link by folded name and by acronym and expansion seen in one document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from . import lexicon

__all__ = [
    "Entity",
    "EntityLinker",
    "EntityMention",
    "demonym_place",
    "find_entities",
    "name_key",
    "nickname_of",
    "resolve_pronouns",
]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A name found in a text.

    ``start``/``end`` are offsets into the text given to :func:`find_entities` and
    ``surface == text[start:end]`` is the name without title or possessive.
    """

    start: int
    end: int
    surface: str
    name: str
    kind: str  # person | org | place | other
    title: str | None = None


# Frozen dataclasses build slowly (each field goes through object.__setattr__); the
# finder makes tens of thousands of mentions per megabyte, so it fills the slots directly.
_new_object = object.__new__
_MENTION_SETTERS = tuple(
    EntityMention.__dict__[f].__set__
    for f in ("start", "end", "surface", "name", "kind", "title")
)


def _make_mention(
    start: int, end: int, surface: str, name: str, kind: str, title: str | None
) -> EntityMention:
    """Build an :class:`EntityMention` quickly (same result as the constructor)."""
    obj: EntityMention = _new_object(EntityMention)
    s0, s1, s2, s3, s4, s5 = _MENTION_SETTERS
    s0(obj, start)
    s1(obj, end)
    s2(obj, surface)
    s3(obj, name)
    s4(obj, kind)
    s5(obj, title)
    return obj


@dataclass(slots=True)
class Entity:
    """A canonical entity built from mentions in one or more documents."""

    key: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Word lists (general knowledge, written for this module)
# ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split("|") if w.strip())


_COUNTRIES = lexicon.lower_words("countries.txt")

_US_STATES = lexicon.lower_words("us_states.txt")

_CITIES = lexicon.lower_words("cities.txt")

_REGIONS = lexicon.lower_words("regions.txt")

_PLACES = _COUNTRIES | _US_STATES | _CITIES | _REGIONS

# Well-known organisation names that carry no head word (general knowledge).
_ORG_NAMES = lexicon.lower_words("org_names.txt")

_ORG_HEADS = lexicon.words("org_heads.txt")

# Heads that make a name a place.
_PLACE_HEADS = lexicon.words("place_heads.txt")

# Heads before "of" that keep an "of" phrase together ("City of Chicago").
# Head words that are also common surnames ("John Park", "Emily Post").
_SURNAME_HEADS = lexicon.words("surname_heads.txt")

# First words that make a multi-word name a place ("South Side", "Fort Hood").
_PLACE_FIRST = lexicon.words("place_first_words.txt")
_COMPASS_SUFFIX = _words("N|S|E|W|NE|NW|SE|SW")
_NOT_NAMES = _lower_words("New Year|View Full|Full Screen|Skip Ad|Read More|Getty Images")

# Single words that are too generic to be a name on their own.
_GENERIC_SINGLE = lexicon.words("generic_single_names.txt")

_PLACE_OF_HEADS = lexicon.words("place_of_heads.txt")

_DEMONYMS: dict[str, str] = {d.lower(): p for d, p in lexicon.pairs("demonyms.txt")}

# Title words: heads name a role; modifiers may precede a head ("Deputy Foreign Minister").
_TITLE_HEADS = lexicon.lower_words("title_heads.txt")

_TITLE_MODIFIERS = lexicon.lower_words("title_modifiers.txt")

_TITLE_WORDS = _TITLE_HEADS | _TITLE_MODIFIERS | frozenset({"of", "the", "for"})

# Person titles that also work in lowercase before a name ("spokesman Dmitry Peskov").
_LOWER_PERSON_TITLES = _TITLE_HEADS - frozenset(
    {"officials", "official", "member", "head", "father", "lady", "lord", "agent", "doctor"}
) | lexicon.words("person_titles_lower.txt")
_LOWER_ORG_CUES = lexicon.words("org_cue_words.txt")
_LOWER_PLACE_CUES = lexicon.words("place_cue_words.txt")
_LOWER_CUE_WORDS = _LOWER_PERSON_TITLES | _LOWER_ORG_CUES | _LOWER_PLACE_CUES | _TITLE_MODIFIERS

# Capitalised words that are never part of a name (sentence starters, calendar, page furniture).
_SKIP = lexicon.words("name_skip_words.txt")


# Headline, caption and role words that stick to names ("Actress Jane Roe", "Jane Roe
# Checks In"): they cut a capitalised run like the other words of _SKIP.
_BOUNDARY_WORDS = lexicon.words("name_boundary_words.txt")
_SKIP = _SKIP | _BOUNDARY_WORDS
# Words of the _SKIP list that start a name before an organisation head ("Crime Stoppers").
_SKIP_BEFORE_HEAD = _words("Crime|Law|Family|Victims|Children|People")
# Words of the _SKIP list that may still belong to a name in the middle of a sequence.
_SKIP_UNLESS_INSIDE = _words("May|June|April|August|Will|Live|Christmas|Easter")
# "May" as a month is skipped only at the edge of a sequence (handled in code).

_CONNECTORS = lexicon.words("name_connectors.txt")
_NAME_PARTICLES = lexicon.lower_words("name_particles.txt")
_SPLIT_CONNECTORS = frozenset({"of", "for", "the", "on"})
# Particles kept with the surname even when capitalised ("Mousa Abu Marzook"), in _parse_person.
_CAPITAL_PARTICLES = lexicon.words("surname_particles_capitalised.txt")
_NAME_SUFFIXES = _lower_words("Jr|Jr.|Sr|Sr.|II|III|IV|V|Esq.|PhD")

_FIRST_NAMES = lexicon.lower_words("given_names.txt")

_NAME_RE_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_ABBRS = lexicon.words("name_abbreviations.txt")
_CONN = "(?:" + "|".join(lexicon.entries("name_connectors.txt")) + ")"
_WORD = rf"[{_NAME_RE_UP}][\w'’.-]*"
# A chunk: capitalised words joined by single spaces, optionally through connector words
# ("of", "bin", "al-"). Punctuation inside words (possessives, sentence-final periods,
# hyphen tails) is sorted out per chunk by _analyse_chunk, whose result is cached.
_CHUNK_RE = re.compile(
    rf"[{_NAME_RE_UP}](?<!\w.)[\w'’.-]*(?: (?:{_CONN} )*(?:[ae]l-)?{_WORD})*"
)
_GLUED_RE = re.compile(rf"[a-z]\.[{_NAME_RE_UP}][a-z]")
_CONTRACTION_RE = re.compile(r"['’](?:t|m|re|ve|ll|d)$")
_INITIALS_DOT_RE = re.compile(rf"^(?:[{_NAME_RE_UP}]\.)+$")
_PREFILTER_RE = re.compile(rf"[{_NAME_RE_UP}]")
_LOWER_WORD_RE = re.compile(r"[a-z][a-z'’-]*$")
_ACRONYM_RE = re.compile(rf"^(?:[{_NAME_RE_UP}]{{2,6}}s?|(?:[{_NAME_RE_UP}]\.){{2,5}})$")
_INITIAL_RE = re.compile(rf"^(?:[{_NAME_RE_UP}]\.?)+$")
_ALLCAPS_RE = re.compile(rf"^[{_NAME_RE_UP}0-9&.'’-]+$")


# ---------------------------------------------------------------------------
# Name folding
# ---------------------------------------------------------------------------

_KEY_CLEAN_RE = re.compile(r"['’.`´]")
_KEY_ARTICLE_RE = re.compile(r"(?i)(?<![a-z])[ae]l-(?=[a-z])")
_KEY_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
_CE_RE = re.compile(r"c(?=[eiy])")
_C_RE = re.compile(r"c(?!h)")
_VOWEL_H_RE = re.compile(r"(?<=[aeiouy])h$")
_SKELETON_TABLE = str.maketrans({"o": "u", "e": "a", "y": "i", "w": "v", "q": "k"})


def _fold_text(text: str) -> str:
    """Casefold and strip diacritics."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("ß", "ss").replace("ı", "i").replace("ł", "l")


@lru_cache(maxsize=65536)
def _skeleton(token: str) -> str:
    """Transliteration skeleton of one folded ASCII token."""
    if not token or token.isdigit():
        return token
    t = token.replace("sch", "sh").replace("ph", "f").replace("kh", "h").replace("ck", "k")
    t = t.replace("x", "ks").replace("dj", "j")
    if t.endswith("ff"):
        t = t[:-2] + "v"
    t = _CE_RE.sub("s", t)
    t = _C_RE.sub("k", t)
    head, rest = t[0], t[1:]
    t = head.translate(_SKELETON_TABLE) if head != "y" else "y"
    t += rest.translate(_SKELETON_TABLE)
    t = _DOUBLE_RE.sub(r"\1", t)
    if len(t) > 3:
        t = _VOWEL_H_RE.sub("", t)
    return t


@lru_cache(maxsize=131072)
def name_key(name: str) -> str:
    """Return a folding key under which spelling variants of one name are equal.

    The key is casefolded, without diacritics, punctuation or an "al-"/"el-" article,
    and each word is reduced to a transliteration skeleton, so that Marzook/Marzouk,
    Musa/Mousa, Sergei/Sergey, Mohammed/Muhammad and Smirnov/Smirnoff fold equally.

    :param name: a name as written.
    :returns: space-separated skeleton words ("" for a name without letters or digits).
    """
    folded = _fold_text(_KEY_ARTICLE_RE.sub("", name))
    folded = _KEY_CLEAN_RE.sub("", folded)
    return " ".join(_skeleton(t) for t in _KEY_SPLIT_RE.split(folded) if t)


def gazetteer_level(name: str) -> str | None:
    """"country" or "state" (US) when the gazetteer knows the name, else None.

    :param name: a place name in any case ("France", "texas", "U.S.")
    """
    low = name.lower().strip(". ")
    if low in _COUNTRIES or low.replace(".", "") in ("us", "usa", "uk", "uae"):
        return "country"
    if low in _US_STATES:
        return "state"
    return None


def demonym_place(word: str) -> str | None:
    """Map a demonym to its place ("Russian" -> "Russia"), or ``None``.

    :param word: one word or a two-word demonym, any case.
    """
    return _DEMONYMS.get(word.strip().lower())


# ---------------------------------------------------------------------------
# Finding
# ---------------------------------------------------------------------------

_GOV_ORG_HEADS = lexicon.words("government_org_heads.txt")


# A piece of a chunk: relative start/end, cleaned name, kind, title from inside the
# chunk, and whether the name is a single word.
_Piece = tuple[int, int, str, str, str | None, bool]


def _is_acronym(tok: str) -> bool:
    return bool(_ACRONYM_RE.match(tok)) and any(c.isalpha() for c in tok)


def _classify(tokens: Sequence[str], title: str | None) -> str:
    """Guess the kind of a cleaned name from its tokens and its title."""
    # Tokens hold no spaces, so lowercasing the joined string equals lowercasing each.
    joined = " ".join(tokens).lower()
    low = joined.split(" ")
    last = tokens[-1]
    if joined in _PLACES:
        return "place"
    if joined in _ORG_NAMES:
        return "org"
    if joined in _NOT_NAMES:
        return "other"
    if len(tokens) == 1 and _is_acronym(last):
        return "org"
    if len(tokens) > 1 and len(tokens[0]) > 2 and tokens[0].isupper() and not last.isupper():
        return "org"  # "RIA Novosti", "CBS Evening News"
    first_name = low[0] in _FIRST_NAMES
    if first_name and len(tokens) <= 4 and last in _SURNAME_HEADS:
        return "person"  # "John Park", "Emily Post"
    if last in _ORG_HEADS or last.rstrip(".") in _ORG_HEADS or last.rsplit("-", 1)[-1] in _ORG_HEADS:
        return "org"
    if ("of" in low or "for" in low) and any(t in _ORG_HEADS for t in tokens[:-1]):
        return "org"
    if len(tokens) > 1 and (last in _PLACE_HEADS or (tokens[0] in _PLACE_FIRST and not first_name)):
        return "place"
    if len(tokens) > 2 and last in _COMPASS_SUFFIX and tokens[-2] in _PLACE_HEADS:
        return "place"  # "Benning Road SE"
    if "&" in tokens:
        return "org"
    if len(tokens) > 1 and tokens[0] in _PLACE_OF_HEADS and low[1] == "of":
        return "place"
    if title is not None or first_name:
        return "person"
    if 2 <= len(tokens) <= 5:
        # A capitalised sequence without org/place cues: most often a person.
        if all(t[:1].isupper() or t.lower() in _NAME_PARTICLES for t in tokens) and not all(
            _ALLCAPS_RE.match(t) for t in tokens
        ):
            return "person"
        if tokens[0].lower() in _NAME_PARTICLES:
            return "person"
    return "other"


def _is_title_token(low: str) -> bool:
    return low in _TITLE_WORDS or low in _DEMONYMS


def _title_split(
    toks: list[tuple[str, int]],
) -> tuple[list[tuple[str, int]], str | None, list[tuple[str, int]]]:
    """Split ``[pre] [title run] [name]`` where a run of title words precedes a name.

    :returns: (pre tokens, title or None, name tokens).
    """
    n = len(toks)
    i = 0
    while i < n:
        low = toks[i][0].lower()
        if not _is_title_token(low) or low in ("of", "the", "for"):
            i += 1
            continue
        j = i
        has_head = False
        while j < n and _is_title_token(toks[j][0].lower()):
            if toks[j][0].lower() in _TITLE_HEADS:
                has_head = True
            j += 1
        # "Franklin County Sheriff Tim Fuller": the place word belongs to the name before it
        if i > 0 and has_head and toks[i][0] in _PLACE_UNIT_WORDS and j - i > 1:
            i += 1
            if toks[i][0].lower() not in _TITLE_HEADS and not any(
                t[0].lower() in _TITLE_HEADS for t in toks[i:j]
            ):
                return toks, None, []
        # do not end a title run on a connector
        k = j
        while k > i and toks[k - 1][0].lower() in ("of", "the", "for"):
            k -= 1
        name = toks[k:]
        if has_head and name and k > i:
            name_last = name[-1][0]
            if name_last in _ORG_HEADS or name_last in _PLACE_HEADS:
                return toks, None, []
            if len(name) == 1 and name[0][0] in _SKIP:
                return toks, None, []
            words = [
                t[0].lower()
                for t in toks[i:k]
                if t[0].lower() not in _DEMONYMS
            ]
            return toks[:i], " ".join(words) or None, name
        if has_head and k == n and k > i:
            if j - i == 1 and i > 0 and toks[0][0].lower() in _FIRST_NAMES and all(
                    t[0][:1].isupper() for t in toks[:i]):
                # "Gary Edward King", "John Bishop": a title word after a given name and
                # nothing after it is the surname, not a title of a name to come
                return toks, None, []
            # only title words ("the Prime Minister"): no name here
            return toks[:i], " ".join(t[0].lower() for t in toks[i:k]), []
        i = j if j > i else i + 1
    return toks, None, []


_PLACE_UNIT_WORDS = _words("County|City|Parish|Township|Borough|Village|Town")


def _org_like(toks: Sequence[tuple[str, int]]) -> bool:
    return any(t[0] in _ORG_HEADS or t[0] in _PLACE_OF_HEADS for t in toks)


def _and_in_org(toks: Sequence[tuple[str, int]]) -> bool:
    """Whether "and" belongs to an organisation name ("Food and Drug Administration")."""
    last = toks[-1][0]
    if last in _ORG_HEADS:
        return True
    words = [t[0] for t in toks]
    cut = words.index("and")
    return any(w in _ORG_HEADS for w in words[:cut]) and not any(
        w.lower() in _TITLE_HEADS or w.lower() in _FIRST_NAMES for w in words[cut + 1 :]
    )


def _split_on(
    toks: list[tuple[str, int]], words: frozenset[str]
) -> list[list[tuple[str, int]]]:
    out: list[list[tuple[str, int]]] = []
    cur: list[tuple[str, int]] = []
    for t in toks:
        if t[0] in words:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        out.append(cur)
    return out


def _is_connector(tok: str) -> bool:
    return tok in _CONNECTORS or (tok.isupper() and tok.lower() in _CONNECTORS)


def _trim_connectors(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
    a, b = 0, len(toks)
    while a < b and _is_connector(toks[a][0]):
        a += 1
    while b > a and _is_connector(toks[b - 1][0]):
        b -= 1
    return toks[a:b]


def _pieces_of_segment(
    seg: list[tuple[str, int]], out: list[_Piece], title: str | None = None
) -> None:
    """Turn one segment (tokens with offsets) into pieces, appending to ``out``.

    :param title: a title already taken off the front of ``seg``.
    """
    seg = _trim_connectors(seg)
    if not seg:
        return
    if title is None:
        pre, found, name = _title_split(seg)
        if found is not None and not name:
            _pieces_of_segment(pre, out)
            return
        if name:
            _pieces_of_segment(pre, out)
            _pieces_of_segment(name, out, found)
            return
    # Split at the first "of/for/the/on" unless this is an organisation or "City of X".
    for i, t in enumerate(seg):
        if t[0] in _SPLIT_CONNECTORS:
            if _org_like(seg[:i]):
                break
            _pieces_of_segment(seg[:i], out, title)
            _pieces_of_segment(seg[i + 1 :], out)
            return
    _emit_name(seg, title, out)


def _emit_name(toks: list[tuple[str, int]], title: str | None, out: list[_Piece]) -> None:
    toks = _trim_connectors(toks)
    if not toks:
        return
    words = [t[0] for t in toks]
    if len(words) == 1:
        w = words[0]
        if len(w) <= 1 or (len(w) == 2 and w.endswith(".")):
            return  # a lone initial
        lw = w.lower()
        if lw in _DEMONYMS or (lw[-1:] == "s" and lw[:-1] in _DEMONYMS) or w in _SKIP or w in _GENERIC_SINGLE or w in _ABBRS or (
            lw in _TITLE_WORDS and lw not in _ORG_NAMES
        ):
            return
    if len(words) > 1:
        joined = " ".join(words).lower()
        if joined in _DEMONYMS or (joined[-1:] == "s" and joined[:-1] in _DEMONYMS):
            return  # "North Korean", "Central Americans"
    # A leading demonym is dropped unless the whole is an organisation.
    if len(words) > 1 and words[0].lower() in _DEMONYMS and words[0].lower() not in _FIRST_NAMES:
        kind_all = _classify(words, title)
        if kind_all not in ("org", "place"):
            toks = toks[1:]
            words = words[1:]
            if len(words) == 1 and words[0].lower() in _DEMONYMS:
                return
    # Shouted text ("JOHNSTON COUNTY"): classify in title case.
    cls_words = words
    if len(words) > 1 and all(_ALLCAPS_RE.match(w) for w in words) and any(
        len(w) > 3 for w in words
    ):
        cls_words = [w if w in _CONNECTORS else w.capitalize() for w in words]
    kind = _classify(cls_words, title)
    start = toks[0][1]
    end = toks[-1][1] + len(toks[-1][0])
    out.append((start, end, " ".join(cls_words), kind, title, len(cls_words) == 1))


_HYPHEN_TAILS = lexicon.words("hyphen_tails.txt")


def _is_word_tail(part: str) -> bool:
    """Whether a lowercase hyphen part is an English word ("Hamas-run"), not a name part."""
    if not part or part[:1].isupper() or part[:1].isdigit():
        return False
    return part in _HYPHEN_TAILS or part.endswith(("ed", "ing", "ly", "ers", "er"))


@lru_cache(maxsize=65536)
def _clean_token(tok: str) -> tuple[str, bool]:
    """Strip possessive, hyphen tail and sentence period from one chunk word.

    :returns: (cleaned word, whether the name must end after this word).
    """
    ends = False
    glued = _GLUED_RE.search(tok)
    if glued is not None:
        # "County.The": a sentence without its space after the period
        return _clean_token(tok[: glued.start() + 1])[0], True
    if tok.endswith(".") and tok not in _ABBRS and not _INITIALS_DOT_RE.match(tok):
        tok = tok.rstrip(".")
        ends = True
    if not tok:
        return tok, ends
    last = tok[-1]
    if last in "'’":
        tok = tok[:-1]
        ends = True
    elif last == "s" and len(tok) > 2 and tok[-2] in "'’":
        tok = tok[:-2]
        ends = True
    if "-" in tok:
        parts = tok.split("-")
        keep = len(parts)
        while keep > 1 and _is_word_tail(parts[keep - 1]):
            keep -= 1
        if keep < len(parts):
            tok = "-".join(parts[:keep])
            ends = True
    if tok.endswith(".") and tok not in _ABBRS and not _INITIALS_DOT_RE.match(tok):
        tok = tok.rstrip(".")
        ends = True
    return tok, ends


def _analyse_word(raw: str) -> tuple[_Piece, ...]:
    """Fast path of :func:`_analyse_chunk` for a chunk of one word."""
    tok = raw if raw.isalpha() else _clean_token(raw)[0]
    if not tok or tok in _SKIP or tok in _GENERIC_SINGLE or tok in _ABBRS:
        return ()
    if tok.isupper() and tok != "US" and tok.capitalize() in _SKIP:
        return ()  # "AGAIN", "YES"
    if tok[-1:] == "s" and tok[:-1].lower() in _DEMONYMS:
        return ()  # "Americans"
    if len(tok) <= 1 or (len(tok) == 2 and tok.endswith(".")) or _CONTRACTION_RE.search(tok):
        return ()
    lw = tok.lower()
    if lw in _DEMONYMS or (lw in _TITLE_WORDS and lw not in _ORG_NAMES):
        return ()
    if lw in _PLACES:
        kind = "place"
    elif lw in _ORG_NAMES or _is_acronym(tok) or tok in _ORG_HEADS:
        kind = "org"
    elif lw in _FIRST_NAMES:
        kind = "person"
    else:
        kind = "other"
    return ((0, len(tok), tok, kind, None, True),)


@lru_cache(maxsize=65536)
def _analyse_chunk(chunk: str) -> tuple[_Piece, ...]:
    """Split one capitalised chunk into cleaned, classified names (context free)."""
    if " " not in chunk:
        return _analyse_word(chunk)
    words = chunk.split(" ")
    last = words[-1]
    if not last.isalpha():
        # Only the last word carries punctuation ("Jada Brown.", "Miranda Doerr's"): its
        # cleaned form gives the same tokens (a cut after the last word changes nothing),
        # so the chunk analyses exactly like the chunk with that word cleaned.
        tok = _clean_token(last)[0]
        if tok.isalpha():
            return _analyse_chunk(chunk[: len(chunk) - len(last)] + tok)
    # Plain capitalised words ("Marcus Cole Holt"): no title, connector or cut.
    if chunk.replace(" ", "").isalpha():
        plain = True
        all_upper = True
        for w in words:
            if w in _PLAIN_BLOCK_EXACT or w.lower() in _PLAIN_BLOCK_LOWER:
                plain = False
                break
            if all_upper and not w.isupper():
                all_upper = False
        if plain and not all_upper:
            return ((0, len(chunk), chunk, _classify(words, None), None, False),)
    return _analyse_tokens(chunk, words)


def _analyse_tokens(chunk: str, raw_toks: list[str]) -> tuple[_Piece, ...]:
    """General path of :func:`_analyse_chunk`: cut the chunk into segments and name them."""
    segments: list[list[tuple[str, int]]] = []
    cur: list[tuple[str, int]] = []
    n = len(raw_toks)
    off = 0
    for idx, raw in enumerate(raw_toks):
        pos = off
        off += len(raw) + 1
        tok, ends = _clean_token(raw) if not raw.isalpha() else (raw, False)
        if (
            ends
            and idx < n - 1
            and raw[-2:] in ("'s", "’s")
            and _clean_token(raw_toks[idx + 1])[0] in _ORG_HEADS
        ):
            # "Sheriff's Office", "Children's Hospital" (also before a sentence period)
            tok, ends = raw, False
        if not tok or (("'" in tok or "’" in tok) and _CONTRACTION_RE.search(tok)):
            segments.append(cur)
            cur = []
            continue
        if (tok in _SKIP and not (
            tok in _SKIP_BEFORE_HEAD and idx < n - 1 and raw_toks[idx + 1].rstrip(".,") in _ORG_HEADS
        )) or (
            tok.isupper() and tok != "US" and tok.lower() not in _CONNECTORS and tok.capitalize() in _SKIP
        ):
            # (shouted transcripts: "WAS HE ALONE AT THE TIME")
            inside = idx > 0 and bool(cur)
            if not (tok in _SKIP_UNLESS_INSIDE and inside):
                segments.append(cur)
                cur = []
                continue
        cur.append((tok, pos))
        if ends and idx < n - 1:
            segments.append(cur)
            cur = []
    segments.append(cur)
    out: list[_Piece] = []
    for seg in segments:
        if not seg:
            continue
        # Only the last word of a segment can differ from its raw form (a cleaned word
        # ends the segment), so offsets inside it follow from the words alone.
        base = seg[0][1]
        pieces = _segment_pieces(tuple([t[0] for t in seg]))
        if base:
            out.extend([(base + a, base + b, c, d, e, f) for a, b, c, d, e, f in pieces])
        else:
            out.extend(pieces)
    return tuple(out)


@lru_cache(maxsize=65536)
def _segment_pieces(words: tuple[str, ...]) -> tuple[_Piece, ...]:
    """Names in one segment of a chunk, with offsets from the segment's first word."""
    seg: list[tuple[str, int]] = []
    off = 0
    for w in words:
        seg.append((w, off))
        off += len(w) + 1
    out: list[_Piece] = []
    if len(seg) == 1:
        if words[0] not in _TITLE_WORDS:
            _emit_name(seg, None, out)
    elif "and" in words and not _and_in_org(seg):
        for part in _split_on(seg, _AND):
            _pieces_of_segment(part, out)
    elif "&" in words and words[words.index("&") - 1] in _PLACE_HEADS:
        # "East Craig Road & North 5th Street": two places, not one name
        for part in _split_on(seg, _AMP):
            _pieces_of_segment(part, out)
    else:
        _pieces_of_segment(seg, out)
    return tuple(out)


_AND = frozenset({"and"})
_AMP = frozenset({"&"})


_PLAIN_BLOCK_EXACT = _SKIP | _CONNECTORS
_PLAIN_BLOCK_LOWER = _TITLE_WORDS | frozenset(_DEMONYMS)


def _lookback_words(text: str, start: int) -> list[str]:
    """Lowercase words right before ``start`` (at most four), nearest last."""
    if start < 2 or text[start - 1] != " ":
        return []
    window = text[max(0, start - 48) : start - 1]
    words = window.rsplit(" ", 4)
    if len(words) > 1 and start - 48 > 0:
        words = words[1:]
    out: list[str] = []
    for w in reversed(words):
        if not w or not _LOWER_WORD_RE.match(w):
            break
        out.append(w)
    out.reverse()
    return out


def _context_title(words: list[str]) -> tuple[str | None, str | None]:
    """Title and kind cue from the lowercase words before a name."""
    run: list[str] = []
    for w in reversed(words):
        if w in _LOWER_CUE_WORDS or w in _DEMONYMS:
            run.append(w)
        else:
            break
    if not run:
        return None, None
    run.reverse()
    last = run[-1]
    if last in _LOWER_PLACE_CUES:
        return None, "place"
    words_kept = [w for w in run if w not in _LOWER_PLACE_CUES or w in _TITLE_MODIFIERS]
    title = " ".join(w for w in words_kept if w not in _DEMONYMS) or None
    if last in _LOWER_ORG_CUES:
        return title, "org"
    if last in _LOWER_PERSON_TITLES:
        return title, "person"
    return None, None


def find_entities(text: str) -> list[EntityMention]:
    """Find names of people, organisations and places in ``text``.

    Role titles before a name go into ``title``; possessives and a leading "the" are
    removed; demonyms on their own ("Russian") are not returned.

    :param text: any plain text.
    :returns: mentions in text order; ``text[m.start:m.end] == m.surface``.
    """
    if not _PREFILTER_RE.search(text):
        return []
    out: list[EntityMention] = []
    append = out.append
    fixable: list[int] = []  # single words whose kind may still become "person"
    possessive_places: list[int] = []
    surnames: set[str] = set()
    shouted: bool | None = None
    cue_words = _LOWER_CUE_WORDS
    analyse = _analyse_chunk
    new = _new_object
    cls = EntityMention
    s0, s1, s2, s3, s4, s5 = _MENTION_SETTERS
    for m in _CHUNK_RE.finditer(text):
        pieces = analyse(m.group())
        if not pieces:
            continue
        base = m.start()
        for rs, re_, name, kind, title, single in pieces:
            s = base + rs
            e = base + re_
            if (
                text[s + 1 : s + 2].isupper()
                and kind != "place"
                and (re_ - rs > 4 or not single)
                and text[s:e].isupper()
            ):
                if shouted is None:
                    letters = [c for c in text if c.isalpha()]
                    shouted = len(letters) > 30 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
                if shouted:
                    continue  # a word of a shouted transcript line, not an acronym
            weak = False
            if rs == 0 and text[s - 1 : s] == " " and "a" <= text[s - 2 : s - 1] <= "z":
                j = text.rfind(" ", s - 40 if s > 40 else 0, s - 1)
                if text[j + 1 : s - 1] in cue_words:
                    ctitle, cue = _context_title(_lookback_words(text, s))
                    if cue == "place":
                        if single and title is None and kind in ("other", "person"):
                            kind = "place"
                            weak = True
                    elif cue is not None:
                        if kind in ("other", "person") or (cue == "person" and kind == "place"):
                            kind = cue
                        if ctitle:
                            title = f"{ctitle} {title}" if title else ctitle
            if single and kind != "person":
                nxt = text[e : e + 2]
                if nxt == ", " and _state_word(text[e + 2 : e + 24]) in _US_STATES:
                    kind = "place"
                elif (
                    nxt in (", ", " -", " (", " —")
                    and name.isupper()
                    and (s == 0 or text[s - 1] == "\n")
                ):
                    kind = "place"  # dateline
                elif kind == "other" or kind == "place" or weak:
                    fixable.append(len(out))
                if kind == "place" and nxt[:1] in ("'", "’"):
                    possessive_places.append(len(out))
            elif kind == "person" and not single:
                surnames.add(name.rsplit(" ", 1)[1])
            # inlined _make_mention (hot loop)
            obj = new(cls)
            s0(obj, s)
            s1(obj, e)
            s2(obj, text[s:e])
            s3(obj, name)
            s4(obj, kind)
            s5(obj, title)
            append(obj)
    # Single words that repeat a person's surname in this text are that person; a
    # capitalised sentence opener that the text also uses in lowercase is no name.
    drop: list[int] = []
    for i in fixable:
        m0 = out[i]
        if m0.name in surnames:
            if m0.name.lower() not in _COUNTRIES and m0.name.lower() not in _US_STATES:
                out[i] = _make_mention(m0.start, m0.end, m0.surface, m0.name, "person", m0.title)
        elif m0.kind == "other" and _sentence_initial(text, m0.start):
            low = m0.name.lower()
            if low.endswith("ly") and text[m0.end : m0.end + 1] == ",":
                drop.append(i)  # "Hopefully, ..."
                continue
            if low.endswith(("ing", "ly")) and len(low) > 5:
                nxt_word = text[m0.end + 1 : m0.end + 16].split(" ", 1)[0]
                if nxt_word[:1].islower() and nxt_word not in _VERBS_AFTER_NAME:
                    drop.append(i)  # "Denying any motive, ...", "Literally dozens ..."
                    continue
            if f" {low} " in text or f" {low}," in text or f" {low}." in text:
                drop.append(i)
    if drop:
        dropped = set(drop)
        out = [m0 for i, m0 in enumerate(out) if i not in dropped]
        possessive_places = [i - sum(1 for d in drop if d < i) for i in possessive_places]
    if possessive_places:
        _merge_possessive_orgs(text, out, possessive_places)
    if ("th " in text or "st " in text or "nd " in text or "rd " in text) and _DIGIT_RE.search(
        text
    ):
        _add_numbered_streets(text, out)
    if ('"' in text or "“" in text or "‘" in text or " '" in text) and _NICK_HINT_RE.search(text):
        _add_nicknamed_people(text, out)
    return out


_NICK_HINT_RE = re.compile(rf"\w [\"“‘'][{_NAME_RE_UP}][^ ]*[\"”’'] [{_NAME_RE_UP}]")
_NICKNAME_RE = re.compile(
    rf"(?<![\w'’-])([{_NAME_RE_UP}][\w'’-]+)( [{_NAME_RE_UP}][\w'’.-]*)? [\"“‘']"
    rf"([{_NAME_RE_UP}][\w.'’-]*(?: [{_NAME_RE_UP}][\w.'’-]*)?)[\"”’'] "
    rf"([{_NAME_RE_UP}][\w'’-]+)"
)


def nickname_of(surface: str) -> str | None:
    """The quoted nickname inside a person mention ("Robert 'Bob' Roe" -> "Bob"), or None."""
    m = _NICKNAME_RE.fullmatch(surface)
    return m.group(3) if m is not None else None


def _add_nicknamed_people(text: str, out: list[EntityMention]) -> None:
    """Join "Robert 'Bob' Roe" into one person mention named "Robert Roe" (in place)."""
    found: list[EntityMention] = []
    for m in _NICKNAME_RE.finditer(text):
        first, middle, last = m.group(1), m.group(2) or "", m.group(4)
        if first in _SKIP or last in _SKIP or first.lower() in _TITLE_WORDS:
            continue
        if last.lower() in _TITLE_WORDS or first in _ORG_HEADS or first in _PLACE_HEADS:
            continue
        found.append(
            _make_mention(m.start(), m.end(), m.group(), f"{first}{middle} {last}", "person", None)
        )
    if not found:
        return
    keep = [m0 for m0 in out if not any(f.start < m0.end and m0.start < f.end for f in found)]
    keep.extend(found)
    keep.sort(key=lambda m0: m0.start)
    out[:] = keep


_DIGIT_RE = re.compile(r"\d(?:st|nd|rd|th) [A-Z]")
_NUMBERED_STREET_RE = re.compile(
    r"(?<![\w-])(?:(?:North|South|East|West|N\.|S\.|E\.|W\.) )?\d{1,5}(?:st|nd|rd|th) "
    r"(?:" + lexicon.alternatives("numbered_street_types.txt") + r")(?: (?:NE|NW|SE|SW|N|S|E|W)(?![\w-]))?"
)


def _add_numbered_streets(text: str, out: list[EntityMention]) -> None:
    """Add "East 75th Street"-style places (in place), dropping words they cover."""
    found = [
        _make_mention(m.start(), m.end(), m.group(), m.group().rstrip("."), "place", None)
        for m in _NUMBERED_STREET_RE.finditer(text)
    ]
    if not found:
        return
    keep = [
        m0 for m0 in out if not any(f.start < m0.end and m0.start < f.end for f in found)
    ]
    keep.extend(found)
    keep.sort(key=lambda m0: m0.start)
    out[:] = keep


_VERBS_AFTER_NAME = lexicon.words("verbs_after_name.txt")


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, a line or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _merge_possessive_orgs(text: str, out: list[EntityMention], idxs: list[int]) -> None:
    """Fold "Russia's Foreign Ministry" into one organisation mention (in place)."""
    for i in reversed(idxs):
        if i + 1 >= len(out):
            continue
        place, org = out[i], out[i + 1]
        if (
            place.kind == "place"
            and org.kind == "org"
            and org.start == place.end + 3
            and place.name.lower() in _COUNTRIES
            and org.name.rsplit(" ", 1)[-1].lower() in _GOV_ORG_HEADS
        ):
            out[i : i + 2] = [
                EntityMention(
                    place.start,
                    org.end,
                    text[place.start : org.end],
                    f"{place.name} {org.name}",
                    "org",
                    org.title,
                )
            ]


def _state_word(after: str) -> str:
    """The first word after ", " as a lowercased state candidate ("Okla." -> "okla")."""
    word = after.split(",", 1)[0]
    if word.startswith("New ") or word.startswith("North ") or word.startswith("South ") or (
        word.startswith("West ") or word.startswith("Rhode ")
    ):
        return " ".join(word.split(" ")[:2]).rstrip(".").lower()
    return word.split(" ", 1)[0].rstrip(".").lower()


# ---------------------------------------------------------------------------
# Linking
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PersonName:
    given: tuple[str, ...]  # given-name tokens as written (initials keep their letter)
    surname: str  # surname as written (with particles)
    skey: str  # surname key


@lru_cache(maxsize=65536)
def _parse_person(name: str) -> _PersonName | None:
    toks = [t for t in name.replace("’", "'").split(" ") if t]
    while len(toks) > 1 and toks[-1].lower() in _NAME_SUFFIXES:
        toks.pop()
    if len(toks) > 1 and toks[-1].lower().rstrip(".") in ("jr", "sr"):
        toks.pop()
    if not toks:
        return None
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in _NAME_PARTICLES and (
        toks[i - 1][0].islower() or toks[i - 1].lower() in _CAPITAL_PARTICLES
    ):
        i -= 1
    surname = " ".join(toks[i:])
    skey = name_key(surname)
    if not skey:
        return None
    return _PersonName(tuple(toks[:i]), surname, skey)


def _first_fold(tok: str) -> str:
    return _KEY_SPLIT_RE.sub("", _fold_text(_KEY_CLEAN_RE.sub("", tok)))


def _is_initial(tok: str) -> bool:
    return bool(_INITIAL_RE.match(tok)) and len(tok.rstrip(".")) <= 3


@lru_cache(maxsize=65536)
def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two given-name sequences can name the same person."""
    if not a or not b:
        return True
    if not _token_compatible(a[0], b[0]):
        return False
    # middle names/initials must agree when both have them
    if len(a) > 1 and len(b) > 1:
        return _token_compatible(a[1], b[1])
    return True


@lru_cache(maxsize=65536)
def _token_compatible(x: str, y: str) -> bool:
    xi, yi = _is_initial(x), _is_initial(y)
    fx, fy = _first_fold(x), _first_fold(y)
    if not fx or not fy:
        return False
    if xi or yi:
        return fx[0] == fy[0]
    kx, ky = name_key(x), name_key(y)
    if kx == ky:
        return True
    # gendered pairs (Eric/Erica, Paul/Paula) are different people
    if len(kx) != len(ky):
        short, long_ = (kx, ky) if len(kx) < len(ky) else (ky, kx)
        if long_.startswith(short) and len(long_) - len(short) == 1 and long_[-1] in "aiu":
            return False
        if len(short) >= 4 and long_.startswith(short):
            return True  # Chris/Christopher, Alex/Alexander
    return fuzz.ratio(kx, ky) >= 80




@lru_cache(maxsize=65536)
def _org_key(name: str) -> str:
    """Folded key of an organisation/place name with small normalisations."""
    toks = [t for t in name.split(" ") if t]
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    if len(toks) > 1:
        # street-sign abbreviations: "E. Deer Springs Way", "Bever Ave.", "Ft. Gibson Lake"
        first = _ABBR_FIRST.get(toks[0].rstrip(".").lower())
        if first is not None and (toks[0].endswith(".") or len(toks[0]) == 1):
            toks = [first, *toks[1:]]
        last = _ABBR_LAST.get(toks[-1].rstrip(".").lower())
        if last is not None:
            toks = [*toks[:-1], last]
        # "North Las Vegas Police Department" = "North Las Vegas Police"
        if len(toks) > 2 and toks[-1] in ("Department", "Dept") and toks[-2] in _UNIT_BEFORE_DEPT:
            toks = toks[:-1]
    elif toks:
        state = _STATE_ABBR.get(toks[0].rstrip(".").lower()) if toks[0][:1].isupper() else None
        if state is not None:
            toks = [state]
    low = [t.lower() for t in toks]
    if len(toks) > 1 and low[0] in _DEMONYMS:
        toks = [_DEMONYMS[low[0]], *toks[1:]]
        low = [t.lower() for t in toks]
    # "X Ministry of (the) Y (Affairs)" -> "X Y Ministry"
    if "ministry" in low:
        mi = low.index("ministry")
        if mi + 1 < len(low) and low[mi + 1] == "of":
            rest = [t for t in toks[mi + 2 :] if t.lower() not in ("the", "affairs")]
            toks = [*toks[:mi], *rest, "Ministry"]
        else:
            toks = [t for t in toks if t.lower() != "affairs"]
    return name_key(" ".join(toks))


_ABBR_FIRST = {"e": "East", "w": "West", "n": "North", "s": "South", "ft": "Fort", "mt": "Mount",
               "st": "Saint", "pt": "Point"}
_ABBR_LAST = dict(lexicon.pairs("street_abbreviations.txt"))
_UNIT_BEFORE_DEPT = frozenset({"Police", "Fire", "Sheriff's", "Sheriff’s", "Sheriffs", "Health"})
_STATE_ABBR = {
    a: full for full, abbrs in lexicon.pairs("us_state_abbreviations.txt") for a in abbrs.split()
}
# Two-letter codes that are also common words or names keep their own key.
for _code in lexicon.entries("state_codes_not_abbreviations.txt"):
    _STATE_ABBR.pop(_code, None)


def _acronym_of(name: str) -> str:
    """Initials of the capitalised words of a multi-word name."""
    return "".join(t[0] for t in name.replace("-", " ").split() if t[:1].isupper())


_GOV_TAIL = lexicon.words("government_tails.txt")


def _relinkable_single(m: EntityMention) -> bool:
    """Whether a one-word non-person mention may still be a person's surname or given name.

    Countries, US states, regions, known organisations and acronyms stay what they are;
    city names may be surnames ("Jackson", "Houston").
    """
    low = m.name.lower()
    if m.kind == "other":
        return True
    if m.kind == "place":
        return low not in _COUNTRIES and low not in _US_STATES and low not in _REGIONS
    if m.kind == "org":
        return not _is_acronym(m.name) and low not in _ORG_NAMES and m.name not in _ORG_HEADS
    return False


def _short_form(m: EntityMention, orgs: Sequence[str]) -> EntityMention:
    """"Northwestern" -> "Northwestern Memorial Hospital" when that is the document's one
    organisation named by the word and a head; otherwise the mention unchanged."""
    if m.kind not in ("other", "org") or _is_acronym(m.name):
        return m
    low = m.name.lower()
    if low in _PLACES or low in _ORG_NAMES:
        return m
    prefix = m.name + " "
    found = [o for o in orgs if o.startswith(prefix) and o.rsplit(" ", 1)[-1] not in _GOV_TAIL]
    if len(found) != 1:
        return m
    return EntityMention(m.start, m.end, m.surface, found[0], "org", m.title)


def _acronym_expansions(mentions: Sequence[EntityMention]) -> set[int]:
    """Indices of multi-word mentions that an acronym of the same document spells.

    The finder may have called the expansion a person or left it untyped ("Jackson Bay
    Recreational Area" ... "JBRA"); the acronym says it is a name of an organisation.
    """
    letters: set[str] = set()
    for m in mentions:
        if " " not in m.name and _is_acronym(m.name) and m.kind != "person":
            acr = m.name.replace(".", "")
            letters.add(acr[:-1] if len(acr) > 3 and acr.endswith("s") else acr)
    if not letters:
        return set()
    out: set[int] = set()
    for idx, m in enumerate(mentions):
        if " " in m.name and m.kind != "org":
            cap = _acronym_of(m.name)
            if len(cap) >= 3 and cap.upper() in letters:
                out.add(idx)
    return out


@dataclass(slots=True)
class _Cluster:
    """People mentions grouped inside one document, or an entity under construction."""

    skey: str
    givens: list[tuple[str, ...]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    members: list[tuple[str, int]] = field(default_factory=list)
    entity: int = -1


class EntityLinker:
    """Resolve mentions from many documents to canonical entities.

    Call :meth:`add_document` for each document, then :meth:`resolve` once.
    Work is bucketed by surname key and folded name, never over all pairs.
    """

    def __init__(self) -> None:
        self._docs: list[tuple[str, list[EntityMention]]] = []

    def add_document(self, doc_id: str, mentions: Sequence[EntityMention]) -> None:
        """Add one document's mentions (in the order :func:`find_entities` gave them).

        :param doc_id: a document id, unique in this linker.
        :param mentions: that document's mentions.
        """
        self._docs.append((doc_id, list(mentions)))

    # -- resolution ----------------------------------------------------------------

    def resolve(self) -> tuple[list[Entity], dict[tuple[str, int], str]]:
        """Link all mentions added so far.

        Documents count in the order they were added (first-fit assignment to surname
        buckets follows it). The work is :class:`claimcheck.linking.LinkState`'s, which
        can also take more documents later.

        :returns: the entities (sorted by key) and a map from
            ``(doc_id, mention index)`` to ``Entity.key``.
        """
        from .linking import LinkState

        state = LinkState()
        width = len(str(len(self._docs)))
        delta = state.add((f"{i:0{width}d}", ms) for i, (_d, ms) in enumerate(self._docs))
        mapping = {(self._docs[int(a)][0], i): key for (a, i), key in delta.mentions.items()}
        return state.entities(), mapping


def _best_name(names: Iterable[str]) -> str:
    """The most complete, then most frequent, then alphabetically first name."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-len(n.split()), -counts[n], n))


# ---------------------------------------------------------------------------
# Pronouns
# ---------------------------------------------------------------------------

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Hh]ers)\b")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s+|\n+")
_GENDER_WORDS = {
    "m": lexicon.words("gender_words_male.txt"),
    "f": lexicon.words("gender_words_female.txt"),
}


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    words = set(title.lower().split())
    male = bool(words & _GENDER_WORDS["m"])
    female = bool(words & _GENDER_WORDS["f"])
    return "m" if male and not female else "f" if female and not male else None


def resolve_pronouns(text: str, mentions: Sequence[EntityMention]) -> dict[int, int]:
    """Resolve he/him/his/she/her/hers in ``text`` to a person mention.

    Salience, not recency: a pronoun goes to the first person named in its own sentence
    before it (the subject), else to the first person named in the nearest of the three
    previous sentences that names one, skipping people of the other gender. Gender comes from
    titles ("Mrs", "mother") and from the pronouns already resolved to a person, so a list of
    other people between a name and its pronoun does not capture the pronoun.

    :param text: the article text the mentions' offsets point into.
    :param mentions: the article's mentions (as :func:`find_entities` gives them, with
        article offsets), in text order.
    :returns: pronoun start offset -> index into ``mentions`` of the name it refers to.
    """
    # Only people and single words (bare surnames, given names) can be a pronoun's person.
    keep = [i for i, m in enumerate(mentions) if m.kind == "person" or " " not in m.name]
    if not any(mentions[i].kind == "person" for i in keep):
        return {}
    linker = EntityLinker()
    linker.add_document("d", [mentions[i] for i in keep])
    entities, mapping = linker.resolve()
    person_keys = {e.key for e in entities if e.kind == "person"}
    people = [
        (i, mentions[i].start, mapping[("d", j)])
        for j, i in enumerate(keep)
        if mapping.get(("d", j)) in person_keys
    ]
    if not people:
        return {}
    gender: dict[str, str] = {}
    for i, _s, key in people:
        g = _title_gender(mentions[i].title)
        if g is not None:
            gender.setdefault(key, g)
    bounds = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)] + [len(text) + 1]
    out: dict[int, int] = {}
    pi = 0
    sent_people: list[list[tuple[int, int, str]]] = []
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        row: list[tuple[int, int, str]] = []
        while pi < len(people) and people[pi][1] < hi:
            if people[pi][1] >= lo:
                row.append(people[pi])
            pi += 1
        sent_people.append(row)
    for m in _PRONOUN_RE.finditer(text):
        pos = m.start()
        g = _PRONOUN_GENDER[m.group().lower()]
        k = _bisect_right(bounds, pos) - 1
        choice: tuple[int, int, str] | None = None
        same = [p for p in sent_people[k] if p[1] < pos and gender.get(p[2], g) == g]
        if same:
            choice = same[0]
        else:
            for back in range(1, 4):
                if k - back < 0:
                    break
                prev = [p for p in sent_people[k - back] if gender.get(p[2], g) == g]
                if prev:
                    choice = prev[0]
                    break
        if choice is None:
            continue
        out[pos] = choice[0]
        gender.setdefault(choice[2], g)
    return out


def _bisect_right(xs: Sequence[int], x: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < xs[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
