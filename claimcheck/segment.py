"""Rule-based sentence segmentation for news text.

The splitter works in two cheap regex passes over the whole text:

1. *Line breaks.*  A blank line always ends a sentence.  A single line break
   ends one when the line has no terminal punctuation and the next line starts
   a new unit (a capitalised word, a list item, ...).  A hard-wrapped line that
   stops mid-sentence (next line lowercase, or the line ends with a comma or a
   function word) is joined with the next line.
2. *Terminal punctuation.*  Every run of ``.``, ``!``, ``?`` or ``…`` followed
   by optional closing quotes/brackets and whitespace is a candidate.  The word
   before a period and the first word after the candidate decide: titles
   (``Mr.``, ``Gen.``) never end a sentence, initials and ambiguous
   abbreviations (``U.S.``, ``Inc.``, ``St.``, ``J.``) end one only before a
   typical sentence-opening word, ``a.m.``/``p.m.`` end one unless a weekday,
   month or time zone follows, a lowercase continuation never starts a new
   sentence.

Cut positions are merged and every piece between two cuts is stripped of
surrounding whitespace, so the returned spans are sorted, non-overlapping,
non-empty, whitespace-trimmed and together cover every non-whitespace
character of the text.
"""

from __future__ import annotations

import re

from claimcheck.models import Span

from . import lexicon

__all__ = ["segment_text", "segment_sentences"]

# --------------------------------------------------------------------------
# Word lists (lowercase, without the trailing period)
# --------------------------------------------------------------------------

#: Abbreviations that precede a name or a noun and practically never end a sentence.
_ALWAYS_JOIN: frozenset[str] = lexicon.words("abbreviations_always_join.txt")

#: Title abbreviations that are also ordinary words; matched case-sensitively.
_CASED_JOIN: frozenset[str] = frozenset({"Off", "Ofc", "Insp", "Supt", "Pfc", "Spc"})

#: Abbreviations that may end a sentence (an address, a company, a suffix) but
#: usually do not: they end one only before a typical sentence opener.
_STARTER_CHECK: frozenset[str] = lexicon.words("abbreviations_starter_check.txt")

#: Abbreviations that only continue before a number (``No. 5``, ``Jan. 19``).
_NUMBER_JOIN: frozenset[str] = lexicon.words("abbreviations_number_join.txt")

_ABBREVIATIONS: frozenset[str] = (
    _ALWAYS_JOIN | _STARTER_CHECK | _NUMBER_JOIN | {"a.m", "p.m", "off", "ofc", "pfc", "spc"}
)

#: Words that commonly open a news sentence; used to break after ambiguous abbreviations.
_STARTERS: frozenset[str] = lexicon.words("sentence_starters.txt")

#: Words after ``a.m.``/``p.m.`` that keep the time inside the sentence.
_AFTER_TIME: frozenset[str] = lexicon.words("after_time_words.txt")

#: Lowercased last words of a line that show the line was hard-wrapped mid-sentence.
_WRAP_WORDS: frozenset[str] = lexicon.words("wrap_words.txt")

# --------------------------------------------------------------------------
# Regexes
# --------------------------------------------------------------------------

#: Candidate sentence ends: terminal punctuation, optional closers, then (in a
#: lookahead) the whitespace, the openers and the first character of what follows.
_CAND_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(?=(\s+)([\"'“‘«(\[]*)(\S?))")
#: A line break and the whitespace after it.
_BREAK_RE = re.compile(r"\n\s*")
#: A period glued to the next sentence by a lost space ("in court Monday.Deputies say"): a
#: word of letters ending in two lowercase letters, the period, a capitalised word.
_GLUED_RE = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])(?![A-Za-z]*[./@][A-Za-z])")
#: One word (after the openers).
_WORD_RE = re.compile(r"[^\s\"'“”‘’«»()\[\],;:]*")
#: Apostrophe inside a word ("It's", "That’s").
_APOS_RE = re.compile(r"['’]")
#: A list item at the start of a line.
_LIST_ITEM_RE = re.compile(r"(?:[-+*•·▪►◦‣–—]|\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,3}\))\s")
#: Tokens made of single/double letters joined by periods: U.S, D.C, J.R.R, a.m, Ph.D.
_INITIALS_RE = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
#: Attribution after a quoted question/exclamation: ``"Why?" Smith asked.``
_ATTRIB_RE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*\s+){1,4}(?:" + lexicon.alternatives("attribution_verbs.txt") + r")\b"
)
_OPENERS = "\"'“‘«(["
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?…"
_DASHES = "-–—"
_HSPACE = " \t\r\f\v\u00a0"


def _token_before(text: str, i: int) -> str:
    """Return the whitespace-delimited token ending at ``i`` without its openers.

    :param text: the text.
    :param i: index of the period; the token is ``text[k:i]``.
    :return: the token (may be empty).
    """
    lo = i - 40 if i > 40 else 0
    k = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), text.rfind("\t", lo, i))
    if k < 0:
        k = lo - 1
    return text[k + 1 : i].lstrip(_OPENERS)


def _next_word(text: str, start: int) -> str:
    """Return the word starting at ``start`` (up to whitespace or punctuation).

    :param text: the text.
    :param start: index of the word's first character.
    :return: the word (may be empty).
    """
    m = _WORD_RE.match(text, start)
    return m.group() if m else ""


def _at_line_start(text: str, k: int) -> bool:
    """Return True if only horizontal whitespace precedes position ``k`` on its line.

    :param text: the text.
    :param k: a position in ``text``.
    :return: whether ``k`` starts its line (ignoring indentation).
    """
    j = k - 1
    while j >= 0 and text[j] in _HSPACE:
        j -= 1
    return j < 0 or text[j] == "\n"


def _period_ends(text: str, p: int, word_start: int, first: str) -> bool:
    """Decide whether the single period at ``p`` ends a sentence.

    :param text: the text.
    :param p: index of the period.
    :param word_start: index of the first character of the next word.
    :param first: that character (not lowercase).
    :return: True to split after the period (and its closers).
    """
    tok = _token_before(text, p)
    if not tok:
        return True
    low = tok.lower()
    if low in _ALWAYS_JOIN or tok in _CASED_JOIN:
        return False
    if first.isdigit() or first in "$£€#":
        if low in _NUMBER_JOIN or low in _STARTER_CHECK:
            return False
        return not (len(tok) == 1 or _INITIALS_RE.fullmatch(tok))
    if not first.isupper():
        return True
    if low.endswith(("a.m", "p.m")):
        return _next_word(text, word_start).rstrip(".") not in _AFTER_TIME
    if low in _NUMBER_JOIN:
        return True
    if low in _STARTER_CHECK or (len(tok) == 1 and tok.isalpha()) or _INITIALS_RE.fullmatch(tok):
        word = _next_word(text, word_start)
        return _APOS_RE.split(word, 1)[0].rstrip(".") in _STARTERS
    # "1. First item" is a list marker, not a sentence end
    return not (tok.isdigit() and len(tok) <= 3 and _at_line_start(text, p - len(tok)))


def _punct_cuts(text: str, cuts: dict[int, int]) -> None:
    """Record the sentence ends decided by terminal punctuation.

    :param text: the text.
    :param cuts: maps a sentence end (exclusive) to the start of the next sentence.
    """
    for m in _CAND_RE.finditer(text):
        punct, clo, ws, op, first = m.groups()
        if not first or first.islower():
            continue  # end of text, or a lowercase continuation
        if first in _DASHES or first in _TERMINAL:
            continue  # "N.Y. -- Police" datelines; spaced ". . ." ellipses
        if punct == ".":
            s = m.start()
            # fast path: a plain word (no abbreviation) before the period, capital after
            tok = text[s - 8 if s > 8 else 0 : s].rpartition(" ")[2]
            if not (
                first.isupper()
                and len(tok) > 1
                and tok.isalpha()
                and tok.lower() not in _ABBREVIATIONS
            ) and not _period_ends(text, s, m.end() + len(ws) + len(op), first):
                continue
        elif clo and clo[0] in "\"”’'»" and punct[-1] in "?!" and _ATTRIB_RE.match(text, m.end()):
            continue  # "Why?" Smith asked.
        e = m.end()
        cuts[e] = e + len(ws)
    for m in _GLUED_RE.finditer(text):
        p = m.start()
        tok = text[p - 20 if p > 20 else 0 : p].rpartition(" ")[2].lstrip(_OPENERS)
        if tok.isalpha() and tok.lower() not in _ABBREVIATIONS:
            cuts[p + 1] = p + 1  # not after "www.Site" or "Gov.Brown"


def _line_cuts(text: str, cuts: dict[int, int]) -> None:
    """Record the sentence ends decided by line breaks.

    :param text: the text.
    :param cuts: maps a sentence end (exclusive) to the start of the next sentence.
    """
    n = len(text)
    for m in _BREAK_RE.finditer(text):
        b = m.end()
        if b >= n:
            break
        a = m.start()
        while a > 0 and text[a - 1].isspace():
            a -= 1
        if a == 0:
            continue
        if m.group().count("\n") > 1 or _LIST_ITEM_RE.match(text, b):
            cuts[a] = b
            continue
        prev = text[a - 1]
        if prev in _TERMINAL:
            continue  # the punctuation pass decides
        if prev in _CLOSERS:
            stripped = text[max(0, a - 6) : a].rstrip(_CLOSERS)
            if stripped and stripped[-1] in _TERMINAL:
                continue
        if prev in ",;(&" or prev in _DASHES:
            continue  # hard-wrapped mid-sentence, or "WASHINGTON (AP) —" dateline
        j = b
        while j < n and text[j] in _OPENERS:
            j += 1
        nxt = text[j] if j < n else ""
        if nxt.islower() or (nxt and nxt in ",;)"):
            continue
        if prev.islower():
            lo = a - 20 if a > 20 else 0
            k = max(text.rfind(" ", lo, a), text.rfind("\n", lo, a))
            if text[k + 1 : a] in _WRAP_WORDS:
                continue
        cuts[a] = b


def segment_text(text: str) -> list[Span]:
    """Split news text into sentence spans.

    :param text: the article text.
    :return: sorted, non-overlapping spans whose texts are non-empty, carry no
        leading/trailing whitespace and together cover all non-whitespace
        characters of ``text``.
    """
    body = text.strip()
    if not body:
        return []
    first = text.index(body[0])
    last = first + len(body)
    cuts: dict[int, int] = {}
    _punct_cuts(text, cuts)
    if "\n" in body:
        _line_cuts(text, cuts)
    items = sorted(cuts.items())
    spans: list[Span] = []
    append = spans.append
    start = first
    for end, nxt in items:
        append(Span(start, end))
        start = nxt
    append(Span(start, last))
    return spans


def segment_sentences(text: str) -> list[str]:
    """Convenience wrapper returning the sentence strings.

    :param text: the article text.
    :return: the sentence texts in order.
    """
    return [text[s.start : s.end] for s in segment_text(text)]
