"""Text helpers shared by blocking, similarity and verdicts: masking, stems, synonyms."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Sequence

import Stemmer

from .. import lexicon
from ..entities import name_key
from .model import ClaimRecord

_STOP = lexicon.words("compare_stop_words.txt")
_TOKEN = re.compile(r"\be[0-9a-f]{12}\b|<[a-z]+>|[a-z][a-z'’\-]*")
ENTITY_ID = re.compile(r"e[0-9a-f]{12}")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
NEG_TOKEN = re.compile(
    r"\b(?:not|never|no|neither|nor|denied|denies|refused|declined)\b|n[’']t\b", re.IGNORECASE
)


# Snowball's English stemmer (the Porter2 algorithm, via PyStemmer's C build): "shootings",
# "shooting" and "shot" stay apart, "shootings" and "shooting" meet at "shoot". It replaced
# a home-made suffix stripper that also joined "news" with "new" and "cars" with "caring".
_SNOWBALL = Stemmer.Stemmer("english")


def _strip_suffix(word: str) -> str:
    """The word's Snowball English stem; both sides of a comparison go through the same one."""
    stemmed: str = _SNOWBALL.stemWord(word.replace("’", "'").strip("'-"))
    return stemmed


def stem(word: str) -> str:
    """The word's stem, mapped to its synonym row's canonical form ("slain" -> "kill")."""
    hit = _STEMS.get(word)
    if hit is None:
        if len(_STEMS) >= _STEM_CACHE_SIZE:
            _STEMS.clear()
        base = _strip_suffix(word)
        # one string object per stem: the word sets of millions of claims share them
        hit = _STEMS[word] = sys.intern(_SYNONYMS.get(word, _SYNONYMS.get(base, base)))
    return hit


#: word -> stem, filled as words are met (a news vocabulary is a few hundred thousand words)
_STEMS: dict[str, str] = {}
_STEM_CACHE_SIZE = 1_000_000


# Words that news outlets use for one another when they restate the same fact. Each row is
# one meaning; the first word is its canonical form. Kept small and general on purpose.
_SYNONYM_ROWS = lexicon.entry_list("synonym_rows.txt")
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
            out.append(stem(t))
    return out


def _content_words(tokens: Sequence[str]) -> set[str]:
    return {t for t in tokens if not t.startswith("<") and not (len(t) == 13 and t[0] == "e" and t[1:].isalnum())}


# --- loading ------------------------------------------------------------------------------


def prepare(claims: Sequence[ClaimRecord]) -> None:
    for c in claims:
        tokens = _canonical_tokens(_masked_text(c))
        c.masked = " ".join(tokens)
        c.words = _content_words(tokens)
        # Specific dates are strong evidence of one event: they join the words compared.
        dates = {f"@{s.value}" for s in c.slots if s.kind == "date" and "|relative" not in (s.unit or "")}
        c.words |= dates



def same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())



def name_overlap(a: str, b: str) -> bool:
    """True when the two names share a word: then they may well be one entity."""
    ta = {name_key(t) for t in a.split() if len(t) > 2}
    tb = {name_key(t) for t in b.split() if len(t) > 2}
    return bool(ta & tb)



def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the diff command ---------------------------------------------------------------------


def stable_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

