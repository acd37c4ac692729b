"""Sentence -> atomic claims, with their slots (entities, dates, quantities), polarity,
modality and attribution.

The grammar here is a small, deterministic clause splitter for news English. It needs no
model: it finds attribution frames ("X said that Y", "Y, X said", "according to X, Y"),
splits coordinated and semicolon-joined clauses where both sides carry a verb, lifts
relative clauses and appositions that carry their own fact, and hands the words of each
claim to the normalisers in :mod:`claimcheck.dates`, :mod:`claimcheck.quantities` and
:mod:`claimcheck.entities`. Each claim keeps the character span of the words it comes from.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from . import lexicon
from .dates import DateMention, find_dates, iso_value
from .entities import EntityMention, find_entities
from .models import Claim, Mention
from .quantities import QuantityMention, find_quantities, value_key

# --- lexicons -----------------------------------------------------------------------------

_SAY_VERBS = "|".join(lexicon.entries("say_verbs.txt"))
_AUX = lexicon.word_set("auxiliary_verbs.txt")
_COMMON_VERBS = lexicon.word_set("common_verbs.txt")
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_MONTH_CAPS = frozenset({"May", "March"})

# Where coordinated clauses may be split. The right side must read as a clause.
_SPLIT_POINTS = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas|although|though|yet)\s+|\s+(?:but|whereas)\s+|"
    r"\s+(?:and|although|though)\s+(?=(?:also\s+|then\s+|later\s+)?\w)|"
    r"\s[–—-]{1,2}\s(?=[A-Z])|"
    # a participial phrase that states its own fact: "..., killing 12 people"
    r",\s+(?=(?!including|according|during|following|regarding|concerning)[a-z]{3,}ing\s)|"
    # a "when" clause, and a comma before an independent clause ("After X, the ministry ...")
    r",\s+(?=when\s)|,\s+(?=(?:the|a|an|he|she|they|it|police|officials|[A-Z][a-z]+)\s)",
)
_REL_START = re.compile(r",\s+(?:who|which|whose)\s+")
_APPOSITION = re.compile(
    r"(?P<head>(?:[A-Z][\w'’\-.]*\s+){1,4}[A-Z][\w'’\-]*|(?:[Tt]he|[Aa]n?)\s+[a-z][\w\-]*),\s+"
    r"(?P<app>(?:the|a|an|[A-Z][\w’']*[’']s)\s+[^,;]{3,100}?),\s+(?=[a-z])"
)


@dataclass(slots=True)
class ArticleContext:
    """What a sentence needs from the rest of its article."""

    published: dt.date | None = None
    last_person: str | None = None
    last_org: str | None = None
    people: dict[str, str] = field(default_factory=dict)  # surname -> full name seen so far


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    speaker: str | None = None
    subject: str | None = None  # carried subject for elided clauses
    kind: str = "main"  # main | relative | apposition


_VERBS = frozenset(_AUX | _COMMON_VERBS)
_NT = frozenset(["n't", "n’t"])
_SAY_WORDS = frozenset(w for w in _SAY_VERBS.replace(" out", "").split("|"))
_NEG_SINGLE = lexicon.words("negation_words.txt")
_NOT_NEG_AFTER = {
    "not": frozenset("far only just least until".split()),
    "no": frozenset(["doubt"]),
    "nothing": frozenset(["but"]),
}
_HEDGE_SINGLE = lexicon.words("hedge_words.txt")
_HEDGE_PAIRS = frozenset(
    [("expected", "to"), ("believed", "to"), ("thought", "to"), ("appears", "to"),
     ("appear", "to"), ("seems", "to"), ("seem", "to"), ("according", "to"), ("said", "to")]
)
_FUTURE_SINGLE = frozenset(["will", "shall", "scheduled"])
_FUTURE_PAIRS = frozenset(tuple(e.split()) for e in lexicon.entries("future_word_pairs.txt"))


@lru_cache(maxsize=200_000)
def _word_info(raw: str) -> tuple[str, bool, bool]:
    """(lowercase form, reads as a verb, negates) for one token; news vocabulary repeats,
    so this is cached."""
    w = raw.lower()
    # "May" and "March" with a capital are months far more often than verbs, and a
    # capitalised word ending in -ed is a name ("Ahmed") more often than a verb.
    verb = (
        w in _VERBS or (w[-2:] == "ed" and len(w) > 4 and raw[0].islower()) or w[-3:] in _NT
    ) and raw not in _MONTH_CAPS
    return w, verb, w in _NEG_SINGLE or w[-3:] in _NT


def has_verb(text: str) -> bool:
    """``text`` holds a word the extractor reads as a verb (a clause, not a bare label)."""
    return any(_word_info(m.group(0))[1] for m in _WORD.finditer(text))


_MATCH_START = re.Match.start
_MATCH_END = re.Match.end
_MATCH_GROUP = re.Match.group
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)


class _Tokens:
    """The word tokens of one sentence, with offsets and a verb flag, computed once."""

    __slots__ = ("starts", "ends", "words", "verb", "neg")

    def __init__(self, text: str) -> None:
        # map() over unbound methods and item getters: the same lists, built in C loops
        matches = list(_WORD.finditer(text))
        self.starts: list[int] = list(map(_MATCH_START, matches))
        self.ends: list[int] = list(map(_MATCH_END, matches))
        info = list(map(_word_info, map(_MATCH_GROUP, matches)))
        self.words: list[str] = list(map(_FIRST, info))
        self.verb: list[bool] = list(map(_SECOND, info))
        self.neg: list[bool] = list(map(_THIRD, info))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token index range of the tokens that start inside ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def has_verb(self, start: int, end: int) -> bool:
        i, j = self.span(start, end)
        return any(self.verb[i:j])

    def first_words(self, start: int, end: int, n: int) -> list[str]:
        i, j = self.span(start, end)
        return self.words[i:min(j, i + n)]

    def starts_with_verb(self, start: int, end: int) -> bool:
        i, j = self.span(start, end)
        if i >= j:
            return False
        if self.words[i] in ("also", "then", "later", "still", "not", "never") and i + 1 < j:
            i += 1
        return self.verb[i]

    def starts_clause(self, start: int, end: int) -> bool:
        i, j = self.span(start, end)
        if j - i < 2:
            return False
        if self.words[i] in _SUBJECT_PRONOUNS:
            return True
        # a determiner or name followed within five words by a verb
        return any(self.verb[i + 1:min(j, i + 6)])

    def subject_before_verb(self, text: str, start: int, end: int) -> str | None:
        """The words before the first verb: the subject a following elided clause shares."""
        i, j = self.span(start, end)
        for k in range(i + 1, j):
            if self.verb[k]:
                subject = text[start:self.starts[k]].strip(" ,")
                return subject if 0 < len(subject) <= 120 else None
        return None

    def polarity(self, start: int, end: int) -> int:
        """-1 when the words negate their statement an odd number of times."""
        i, j = self.span(start, end)
        words = self.words
        count = 0
        for k in range(i, j):
            w = words[k]
            neg = self.neg[k]
            if not neg and w not in ("failed", "fails"):
                continue
            if not neg and w in ("failed", "fails") and k + 1 < j and words[k + 1] == "to":
                neg = True
            if neg and k + 1 < j and words[k + 1] in _NOT_NEG_AFTER.get(w, ()):
                neg = False  # "not far from", "not only", "no doubt"
            if neg and w == "not" and k + 2 < j and words[k + 1] == "long" and words[k + 2] == "after":
                neg = False
            count += neg
        # "neither ... nor" counts once; double negation cancels.
        return -1 if count % 2 == 1 else 1

    def modality(self, text: str, start: int, end: int) -> str | None:
        """The first hedge ("may", "reportedly", "expected to") of the words, if any."""
        i, j = self.span(start, end)
        words = self.words
        for k in range(i, j):
            w = words[k]
            if w in _HEDGE_SINGLE and text[self.starts[k]:self.ends[k]] != "May":
                return w
            if k + 1 < j and (w, words[k + 1]) in _HEDGE_PAIRS:
                return f"{w} {words[k + 1]}"
        return None

    def is_future(self, start: int, end: int) -> bool:
        i, j = self.span(start, end)
        words = self.words
        for k in range(i, j):
            if words[k] in _FUTURE_SINGLE:
                return True
            if k + 1 < j and (words[k], words[k + 1]) in _FUTURE_PAIRS:
                return True
        return False

    def has_say_frame(self) -> bool:
        words = self.words
        for k, w in enumerate(words):
            if w in _SAY_WORDS or (w == "according" and k + 1 < len(words) and words[k + 1] == "to"):
                return True
        return False


# "one person dead and three injured": the number and its event word are the whole clause
_COUNT_EVENT_ONLY = re.compile(
    r"\s+(?:" + lexicon.alternatives("count_event_words.txt") + r")$", re.IGNORECASE
)


def _short_count(
    text: str, start: int, end: int, tokens: int, quantities: list[QuantityMention]
) -> bool:
    """A two-word clause that is a count and what it counts ("three injured", "2 dead").

    Such a clause is shorter than a claim usually is, but it is the only place the count
    stands: dropping it loses the injured count of "left one dead and three injured".
    """
    if tokens != 2:
        return False
    q = next((q for q in quantities if q.start == start), None)
    return q is not None and bool(_COUNT_EVENT_ONLY.fullmatch(text[q.end:end]))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:–—-\"“”'‘’(":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:–—-\"“”'‘’.!?)":
        end -= 1
    return start, end


_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whom|whose|if|when)\b", re.IGNORECASE)


_TIME_WORDS = lexicon.words("time_words.txt")
_TELL_WORDS = frozenset(["told", "tells", "tell"])


def _attribution(text: str, toks: _Tokens) -> tuple[int, int, str | None]:
    """The content span and the speaker of a reported-speech sentence.

    Frames: "According to X, Y" / "Y, according to X"; "X said (on Monday) (that) Y";
    "Y, X said" / "“Y,” X said" / "Y, said X". Only the first reporting verb is read.
    """
    words, starts, ends = toks.words, toks.starts, toks.ends
    n = len(words)
    whole = (0, len(text), None)
    for k in range(n - 1):
        if words[k] == "according" and words[k + 1] == "to":
            if k == 0:
                comma = text.find(",", ends[k + 1])
                if comma != -1 and comma - ends[k + 1] <= 120 and toks.has_verb(comma, len(text)):
                    return comma + 1, len(text), text[ends[k + 1]:comma].strip()
            else:
                cut = starts[k]
                speaker = text[ends[k + 1]:].strip(" .!?\"”")
                if len(speaker.split()) <= 14 and toks.has_verb(0, cut):
                    return 0, cut, speaker
            return whole
    for k, word in enumerate(words):
        if word not in _SAY_WORDS:
            continue
        say_start, say_end = starts[k], ends[k]
        # Suffix frames: "Y, X said." / "Y, said X." with the reporting verb near the end.
        if n - k - 1 <= 8:
            cut = _last_break(text, say_start)
            if cut > 0 and toks.has_verb(0, cut):
                speaker = text[cut:say_start].strip(" ,\"”’'")
                if not speaker and not toks.has_verb(say_end, len(text)):
                    # inverted: "Y, said a spokesman for the army."
                    speaker = text[say_end:].strip(" .!?,\"”’'")
                    speaker = re.sub(r"\s+(?:on|in|last|this)\b.*$", "", speaker)
                elif toks.has_verb(cut, say_start):
                    speaker = ""
                if speaker and len(speaker.split()) <= 8:
                    return 0, _content_end(text, cut), speaker
        # Prefix frame: "X said (on Monday) (that) Y".
        if 0 < k <= 12 and not toks.has_verb(0, say_start):
            speaker = text[:say_start].strip(" ,")
            if _RELATIVE_WORD.search(speaker) or not speaker:
                return whole
            j = k + 1
            # skip a time expression after the verb: "said on Nov. 9 that", "said Monday"
            while j < n and j - k <= 5 and (
                words[j] in _TIME_WORDS
                or (words[j][:1].isdigit() and j > k + 1 and words[j - 1] in _TIME_WORDS)
            ):
                j += 1
            # "said in a statement that Y", "told reporters that Y": content starts after a
            # "that" close behind the verb, with no verb between them.
            that = next((t for t in range(k + 1, min(n, k + 8)) if words[t] == "that"), None)
            if that is not None and not any(toks.verb[k + 1:that]):
                j = that + 1
            elif word in _TELL_WORDS:
                return whole  # "X told reporters Y": the object cannot be told apart from Y
            if j >= n:
                return whole
            content_start = starts[j]
            if toks.has_verb(content_start, len(text)):
                return content_start, len(text), speaker
        return whole
    return whole


def _last_break(text: str, before: int) -> int:
    """Offset of the last comma or closing quote before ``before`` (0 when none)."""
    best = -1
    for ch in (",", "”", "\""):
        best = max(best, text.rfind(ch, 0, before))
    return best if best > 0 else 0


def _content_end(text: str, cut: int) -> int:
    """Where the content ends before a suffix frame: drop the comma and closing quote."""
    end = cut
    while end > 0 and text[end - 1] in " ,\"”’'":
        end -= 1
    return end


def _participle_start(toks: _Tokens, start: int, end: int) -> bool:
    first = toks.first_words(start, end, 1)
    return bool(first) and len(first[0]) > 5 and first[0].endswith("ing")


def _split_clauses(text: str, toks: _Tokens, start: int, end: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    cursor = start
    left_subject: str | None = None
    for m in _SPLIT_POINTS.finditer(text, start, end):
        a, b = m.start(), m.end()
        if not (toks.has_verb(cursor, a) or _participle_start(toks, cursor, a)):
            continue
        if not toks.has_verb(b, end) and not (
            m.group(0).strip(" ,") == "" and _participle_start(toks, b, end)
        ):
            continue
        # " and " splits only a clause, not a list of nouns: the right side must start
        # a clause (verb for an elided subject, or a pronoun/determiner/name + verb).
        token = m.group(0).strip(" ,").lower()
        right_verb = toks.starts_with_verb(b, end)
        if token in ("and", "although", "though") and not (
            right_verb or toks.starts_clause(b, end)
        ):
            continue
        if not token:
            # a bare comma: split only before a participle, a "when" clause, or a clause
            # whose subject is followed closely by its verb
            nxt = toks.first_words(b, end, 1)
            word = nxt[0] if nxt else ""
            if not (word.endswith("ing") or word == "when" or toks.starts_clause(b, end)):
                continue
            if word.endswith("ing"):
                right_verb = True
        pieces.append(_Piece(cursor, a, subject=left_subject))
        if right_verb:
            left_subject = toks.subject_before_verb(text, cursor, a) or left_subject
        else:
            left_subject = None
        cursor = b
    pieces.append(_Piece(cursor, end, subject=left_subject))
    return pieces


def extract_claims(
    text: str, base: int, sentence_index: int, ctx: ArticleContext
) -> list[Claim]:
    """Split one sentence into claims with their slots.

    :param text: the sentence text
    :param base: the sentence's start offset in its article (claim offsets are article offsets)
    :param sentence_index: the sentence's index in its article
    :param ctx: article-level context (published date, people seen so far); updated in place
    """
    entities = find_entities(text)
    dates = find_dates(text, ctx.published)
    quantities = find_quantities(text)

    toks = _Tokens(text)
    c_start, c_end, speaker = _attribution(text, toks)
    pieces = _split_clauses(text, toks, c_start, c_end)
    # Relative clauses and appositions that carry their own fact become claims too.
    if ", who" in text or ", which" in text or ", whose" in text:
        pieces.extend(_relative_clauses(text, toks))
    if text.count(",") >= 2:
        for m in _APPOSITION.finditer(text):
            pieces.append(_Piece(m.start("head"), m.end("app"), kind="apposition"))

    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for piece in pieces:
        s, e = _strip_span(text, piece.start, piece.end)
        i, j = toks.span(s, e)
        if (e - s < 12 or j - i < 3) and not _short_count(text, s, e, j - i, quantities):
            continue
        if (s, e) in seen:
            continue
        seen.add((s, e))
        words = text[s:e]
        normalized = _normalize(text, toks, s, e, piece, pieces, ctx)
        claim_speaker = piece.speaker or (speaker if piece.kind == "main" else None)
        if claim_speaker is not None:
            claim_speaker = _resolve_pronoun(claim_speaker, ctx)
        polarity = toks.polarity(s, e)
        modality = toks.modality(text, s, e)
        tense = "future" if toks.is_future(s, e) else None
        claim = Claim(
            sentence_index=sentence_index,
            index=len(claims),
            start=base + s,
            end=base + e,
            text=words,
            normalized=normalized,
            polarity=polarity,
            modality=modality,
            speaker=claim_speaker,
            tense=tense,
        )
        claim.mentions = _mentions_in(s, e, base, entities, dates, quantities)
        if piece.subject is not None or _starts_with_pronoun(words):
            person = ctx.last_person
            if person and _starts_with_pronoun(words):
                claim.mentions.append(
                    Mention("person", base + s, base + s + len(words.split()[0]),
                            words.split()[0], person, unit="pronoun")
                )
        claims.append(claim)
    _update_context(entities, ctx)
    return claims


def _relative_clauses(text: str, toks: _Tokens) -> list[_Piece]:
    """"X, who/which Y," -> a claim "X Y" whose head X is the noun phrase before the comma."""
    out: list[_Piece] = []
    for m in _REL_START.finditer(text):
        comma = m.start()
        end = len(text)
        for stop in (",", ";", " – ", " — "):
            pos = text.find(stop, m.end())
            if pos != -1:
                end = min(end, pos)
        while end > m.end() and text[end - 1] in " .!?\"”’'":
            end -= 1
        # the head: up to five words back from the comma, stopping at a verb or a break
        _, i = toks.span(0, comma)
        k = i - 1
        first = comma
        while k >= 0 and i - k <= 5 and not toks.verb[k]:
            if "," in text[toks.ends[k]:first] or ";" in text[toks.ends[k]:first]:
                break
            first = toks.starts[k]
            k -= 1
        if first < comma and toks.has_verb(m.end(), end):
            out.append(_Piece(first, end, kind="relative"))
    return out


def _starts_with_pronoun(words: str) -> bool:
    first = words.split(maxsplit=1)[0].lower() if words.strip() else ""
    return first in ("he", "she")


def _resolve_pronoun(speaker: str, ctx: ArticleContext) -> str:
    if speaker.lower() in ("he", "she") and ctx.last_person:
        return ctx.last_person
    return speaker


def _normalize(
    text: str, toks: _Tokens, s: int, e: int, piece: _Piece, pieces: list[_Piece],
    ctx: ArticleContext,
) -> str:
    words = text[s:e]
    if piece.kind == "main":
        # Drop the relative clauses and appositions inside this span: they are claims of their own.
        for other in pieces:
            if other.kind != "main" and s <= other.start and other.end <= e:
                head_end = text.find(",", other.start, other.end)
                if head_end != -1:
                    tail = other.end + 1 if text[other.end:other.end + 1] == "," else other.end
                    inner = text[head_end:tail]
                    words = words.replace(inner, "", 1)
    elif piece.kind == "relative":
        words = re.sub(r",\s+(?:who|which)\s+", " ", words, count=1)
    elif piece.kind == "apposition":
        words = re.sub(r",\s+", " is ", words, count=1)
    if piece.subject and (toks.starts_with_verb(s, e) or _participle_start(toks, s, e)):
        words = f"{piece.subject} {words}"
    first = words.split(maxsplit=1)
    if first and first[0].lower() in ("he", "she") and ctx.last_person:
        words = ctx.last_person + words[len(first[0]):]
    # the same as re.sub(r"\s+", " ", words).strip(): both read whitespace as str.isspace()
    return " ".join(words.split())


def _mentions_in(
    s: int,
    e: int,
    base: int,
    entities: list[EntityMention],
    dates: list[DateMention],
    quantities: list[QuantityMention],
) -> list[Mention]:
    out: list[Mention] = []
    for ent in entities:
        if s <= ent.start and ent.end <= e:
            out.append(
                Mention(ent.kind, base + ent.start, base + ent.end, ent.surface, ent.name,
                        unit=ent.title)
            )
    for d in dates:
        if s <= d.start and d.end <= e:
            out.append(
                Mention("date", base + d.start, base + d.end, d.surface, iso_value(d),
                        lo=float(d.lo.toordinal()), hi=float(d.hi.toordinal()),
                        unit=d.granularity + ("|relative" if d.relative else ""))
            )
    for q in quantities:
        if s <= q.start and q.end <= e:
            unit = q.kind if q.noun is None else f"{q.kind}:{q.noun}"
            hi = q.hi
            if q.qualifier == "a":
                # "a man was killed" says at least one; it does not say no one else was.
                hi = math.inf
            out.append(
                Mention("quantity", base + q.start, base + q.end, q.surface,
                        value_key(q) if hi == q.hi else f"{q.lo:g}..inf", lo=q.lo, hi=hi,
                        unit=unit)
            )
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out


def _update_context(entities: list[EntityMention], ctx: ArticleContext) -> None:
    for ent in entities:
        if ent.kind == "person":
            parts = ent.name.split()
            if len(parts) >= 2:
                ctx.people[parts[-1].lower()] = ent.name
                ctx.last_person = ent.name
            else:
                ctx.last_person = ctx.people.get(ent.name.lower(), ent.name)
        elif ent.kind == "org":
            ctx.last_org = ent.name
