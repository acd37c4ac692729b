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
import re
from dataclasses import dataclass, field

from .dates import DateMention, find_dates, iso_value
from .entities import EntityMention, find_entities
from .models import Claim, Mention
from .quantities import QuantityMention, find_quantities, value_key

# --- lexicons -----------------------------------------------------------------------------

_SAY_VERBS = (
    "said|says|say|stated|states|told|tells|added|adds|noted|notes|reported|reports|claimed|claims|"
    "announced|announces|confirmed|confirms|stressed|stresses|emphasized|emphasised|emphasizes|"
    "suggested|suggests|argued|argues|insisted|insists|warned|warns|explained|explains|declared|"
    "declares|recommended|recalled|wrote|writes|alleged|alleges|acknowledged|admitted|estimated|"
    "believes|believed|testified|maintained|maintains|contended|asserted|indicated|revealed|"
    "disclosed|pointed out|commented|observed|reiterated|underlined|highlighted|tweeted|posted"
)
_NEG_WORDS = re.compile(
    r"\b(?:not|n[’']t|never|no|none|neither|nor|nobody|nothing|nowhere|"
    r"denied|denies|deny|denying|refused|refuses|refuse|declined|declines|decline|"
    r"failed to|fails to|cannot|can[’']t)\b",
    re.IGNORECASE,
)
# "no" as a determiner only counts as negation of the clause's main statement in a few
# frames; "no longer" and "no one" stay negations.
_HEDGE = re.compile(
    r"\b(?:may|might|could|would|reportedly|allegedly|apparently|possibly|probably|likely|"
    r"unlikely|suspected|presumably|expected to|believed to|thought to|appears? to|seems? to|"
    r"is said to|are said to|according to|unconfirmed|rumou?red|if)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is going to|are going to|plans? to|planning to|intends? to|"
    r"scheduled|expected to|to be held|next (?:week|month|year))\b",
    re.IGNORECASE,
)
_AUX = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
}
_COMMON_VERBS = {
    "met", "meet", "meets", "visited", "visit", "visits", "said", "says", "told", "killed", "kill",
    "kills", "died", "dies", "shot", "shoots", "arrested", "received", "receives", "hosted", "hosts",
    "led", "leads", "held", "holds", "attended", "attends", "called", "calls", "became", "become",
    "becomes", "took", "takes", "gave", "gives", "made", "makes", "went", "goes", "came", "comes",
    "found", "finds", "left", "leaves", "won", "wins", "lost", "loses", "signed", "signs",
    "struck", "strikes", "hit", "hits", "began", "begins", "ended", "ends", "fled", "flees",
    "sent", "sends", "saw", "sees", "know", "knows", "knew", "got", "gets", "paid", "pays",
    "recognize", "recognizes", "recognise", "recognises", "maintain", "maintains", "restrict",
    "restricts", "seek", "seeks", "sets", "see", "remain", "remains", "continue", "continues",
    "refrains", "refrain", "credits", "claims", "note", "notes", "observe", "observes",
    "opened", "fired", "wounded", "injured", "charged", "accused", "urged", "urges",
    "raised", "discussed", "focused", "described", "ignored", "wished", "expressed",
    "congratulated", "participated", "diverted", "diverts", "benefited", "benefitted",
    "influences", "led", "run", "runs", "ran", "stand", "stands", "stood", "lives", "lived",
}
# Irregular past forms and frequent present forms of news verbs (regular "-ed" forms are
# recognised by their ending).
_COMMON_VERBS |= set(
    """fell rose grew drew threw flew blew knew wore tore swore bore broke spoke stole chose froze
    woke wrote rode drove strove arose forgot got shot hid bit lit slid fought bought brought
    caught taught thought sought sold told held built sent spent lent bent meant dealt felt
    kept slept swept wept crept left lost paid laid said fled bled fed led read sped met set
    put cut hit hurt quit shut split spread bet cast cost let beat become began begun ran won
    sank sang rang shrank swam drank struck stuck hung swung spun dug sat stood understood
    withdrew overtook undertook took shook forbade gave forgave ate saw came went did made
    sees comes goes gets gives takes makes says tells asks shows leads holds keeps puts runs
    sets wins loses faces remains seems appears becomes stays plans wants needs calls plays
    pays looks uses helps works moves lives dies kills opens closes faces fears hopes rises
    falls grows begins ends expects includes involves requires allows adds rejects approves
    denies admits accuses charges urges warns demands threatens signs returns reaches""".split()
)
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_CLAUSE_STARTERS = _SUBJECT_PRONOUNS | {"the", "a", "an", "this", "that", "these", "those", "his",
                                        "her", "their", "its", "our", "there"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_MONTH_CAPS = frozenset({"May", "March"})

# Attribution frames. Offsets are computed against the sentence text.
_SAY_RE = rf"(?:{_SAY_VERBS})"
_ATTR_PREFIX = re.compile(
    rf"^(?P<speaker>[^,;:\"“”]{{2,120}}?)\s+{_SAY_RE}"
    rf"(?:\s+(?:on|in|last|this|earlier|late|early)\s+[^,;\"“”]{{1,40}}?)?"
    rf"(?:\s+(?:\w+\s+){{0,2}}?(?:that|:|,))\s*(?P<content>.+)$",
    re.IGNORECASE,
)
_ATTR_PREFIX_BARE = re.compile(
    rf"^(?P<speaker>[^,;:\"“”]{{2,100}}?)\s+{_SAY_RE}"
    rf"(?:\s+(?:(?:on|last|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week))?"
    rf"\s+(?P<content>(?:the|a|an|he|she|they|it|there|police|[A-Z0-9])[^\"“”]*)$",
)
_ATTR_SUFFIX = re.compile(
    rf"^(?P<content>.+?)[,”\"]+\s+(?P<speaker>[^,;\"“”]{{2,100}}?)\s+{_SAY_RE}"
    rf"(?:\s+[^,;\"“”]{{0,60}})?[.!]?[\"”]?$",
    re.IGNORECASE,
)
_ATTR_SUFFIX_INV = re.compile(
    rf"^(?P<content>.+?)[,”\"]+\s+{_SAY_RE}\s+(?P<speaker>[^,;\"“”]{{2,100}}?)[.!]?$",
    re.IGNORECASE,
)
_ACCORDING_PREFIX = re.compile(
    r"^according to (?P<speaker>[^,]{2,120}),\s*(?P<content>.+)$", re.IGNORECASE
)
_ACCORDING_SUFFIX = re.compile(
    r"^(?P<content>.+?),?\s+according to (?P<speaker>[^,;]{2,120}?)[.!]?$", re.IGNORECASE
)

# Where coordinated clauses may be split. The right side must read as a clause.
_SPLIT_POINTS = re.compile(
    r";\s+|,\s+(?:and|but|while|whereas|although|though|yet)\s+|\s+(?:but|whereas)\s+|"
    r"\s+(?:and|although|though)\s+(?=(?:also\s+|then\s+|later\s+)?\w)|"
    r"\s[–—-]{1,2}\s(?=[A-Z])",
)
_REL_CLAUSE = re.compile(
    r"(?P<head>(?:[A-Z][\w'’\-.]*\s+){0,4}[A-Z][\w'’\-]*),\s+(?P<rel>(?:who|which)\s+[^,;]{6,160}),"
)
_APPOSITION = re.compile(
    r"(?P<head>(?:[A-Z][\w'’\-.]*\s+){1,4}[A-Z][\w'’\-]*),\s+"
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


def _tokens(text: str) -> list[str]:
    # "May" and "March" with a capital are months far more often than verbs in news text.
    return [m.group(0).lower() for m in _WORD.finditer(text) if m.group(0) not in _MONTH_CAPS]


def _verb_regex() -> re.Pattern[str]:
    words = sorted(_AUX | _COMMON_VERBS, key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|[a-z]{3,}ed|[a-z]+n[’']t)\b",
        re.IGNORECASE,
    )


_VERB = _verb_regex()
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whom|whose|if|when)\b", re.IGNORECASE)
_SAY_ANY = re.compile(rf"\b(?:{_SAY_VERBS})\b|\baccording to\b", re.IGNORECASE)


def _has_verb(text: str) -> bool:
    for m in _VERB.finditer(text):
        if m.group(0) not in _MONTH_CAPS:
            return True
    return False


def _starts_with_verb(text: str) -> bool:
    toks = _tokens(text)
    if not toks:
        return False
    first = toks[0]
    if first in ("also", "then", "later", "still", "not", "never") and len(toks) > 1:
        first = toks[1]
    return first in _AUX or first in _COMMON_VERBS or (len(first) > 4 and first.endswith("ed"))


def _subject_of(text: str) -> str | None:
    """The words before the first verb: the subject a following elided clause shares."""
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        tok = m.group(0).lower()
        if i > 0 and (tok in _AUX or tok in _COMMON_VERBS or (len(tok) > 4 and tok.endswith("ed"))):
            subject = text[: m.start()].strip(" ,")
            return subject if 0 < len(subject) <= 120 else None
    return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:–—-\"“”'‘’(":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:–—-\"“”'‘’.!?)":
        end -= 1
    # keep a closing quote or bracket that closes something inside the span
    return start, end


def _attribution(text: str) -> tuple[int, int, str | None]:
    """Return the content span and the speaker of a reported-speech sentence."""
    if not _SAY_ANY.search(text):
        return 0, len(text), None
    for rx in (_ACCORDING_PREFIX, _ACCORDING_SUFFIX, _ATTR_PREFIX, _ATTR_SUFFIX, _ATTR_SUFFIX_INV,
               _ATTR_PREFIX_BARE):
        m = rx.match(text)
        if not m:
            continue
        speaker = m.group("speaker").strip()
        content_start, content_end = m.start("content"), m.end("content")
        if len(speaker.split()) > 14 or not _has_verb(text[content_start:content_end]):
            continue
        # A speaker should look like one: a name, a title, or an institution.
        if rx in (_ATTR_PREFIX, _ATTR_PREFIX_BARE) and (
            _has_verb(speaker) or len(speaker.split()) > 10 or _RELATIVE_WORD.search(speaker)
        ):
            continue
        return content_start, content_end, speaker
    return 0, len(text), None


def _split_clauses(text: str, start: int, end: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    cursor = start
    left_subject: str | None = None
    segment = text[start:end]
    for m in _SPLIT_POINTS.finditer(segment):
        a, b = start + m.start(), start + m.end()
        left = text[cursor:a]
        right = text[b:end]
        if not _has_verb(left) or not _has_verb(right):
            continue
        # " and " splits only a clause, not a list of nouns: the right side must start
        # a clause (verb for an elided subject, or a pronoun/determiner/name + verb).
        token = m.group(0).strip(" ,").lower()
        if token == "and" or token == "although" or token == "though":
            if not (_starts_with_verb(right) or _starts_clause(right)):
                continue
        piece = _Piece(cursor, a)
        if left_subject is not None:
            piece.subject = left_subject
        pieces.append(piece)
        if _starts_with_verb(right):
            left_subject = _subject_of(left) or left_subject
        else:
            left_subject = None
        cursor = b
    last = _Piece(cursor, end)
    if left_subject is not None:
        last.subject = left_subject
    pieces.append(last)
    return pieces


def _starts_clause(text: str) -> bool:
    toks = _tokens(text[:80])
    if len(toks) < 2:
        return False
    if toks[0] in _SUBJECT_PRONOUNS:
        return True
    # determiner/name followed within four words by a verb
    window = toks[:6]
    return any(
        t in _AUX or t in _COMMON_VERBS or (len(t) > 4 and t.endswith("ed")) for t in window[1:5]
    )


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

    c_start, c_end, speaker = _attribution(text)
    pieces: list[_Piece] = []
    for piece in _split_clauses(text, c_start, c_end):
        pieces.append(piece)
    # Relative clauses and appositions that carry their own fact become claims too.
    for m in _REL_CLAUSE.finditer(text):
        pieces.append(_Piece(m.start("head"), m.end("rel"), kind="relative"))
    for m in _APPOSITION.finditer(text):
        pieces.append(_Piece(m.start("head"), m.end("app"), kind="apposition"))

    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for piece in pieces:
        s, e = _strip_span(text, piece.start, piece.end)
        if e - s < 12 or (s, e) in seen or len(_tokens(text[s:e])) < 3:
            continue
        seen.add((s, e))
        words = text[s:e]
        normalized = _normalize(text, s, e, piece, pieces, ctx)
        claim_speaker = piece.speaker or (speaker if piece.kind == "main" else None)
        if claim_speaker is not None:
            claim_speaker = _resolve_pronoun(claim_speaker, ctx)
        polarity = _polarity(words)
        modality = _modality(words)
        tense = "future" if _FUTURE.search(words) else None
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


def _modality(words: str) -> str | None:
    """The first hedge word of a claim; "May" with a capital is the month."""
    for m in _HEDGE.finditer(words):
        if m.group(0) != "May":
            return m.group(0).lower()
    return None


def _starts_with_pronoun(words: str) -> bool:
    first = words.split(maxsplit=1)[0].lower() if words.strip() else ""
    return first in ("he", "she")


def _resolve_pronoun(speaker: str, ctx: ArticleContext) -> str:
    if speaker.lower() in ("he", "she") and ctx.last_person:
        return ctx.last_person
    return speaker


def _normalize(
    text: str, s: int, e: int, piece: _Piece, pieces: list[_Piece], ctx: ArticleContext
) -> str:
    words = text[s:e]
    if piece.kind == "main":
        # Drop the relative clauses and appositions inside this span: they are claims of their own.
        for other in pieces:
            if other.kind != "main" and s <= other.start and other.end <= e:
                head_end = text.find(",", other.start, other.end)
                if head_end != -1:
                    inner = text[head_end:other.end + 1]
                    words = words.replace(inner, "", 1)
    elif piece.kind == "relative":
        words = re.sub(r",\s+(?:who|which)\s+", " ", words, count=1)
    elif piece.kind == "apposition":
        words = re.sub(r",\s+", " is ", words, count=1)
    if piece.subject and _starts_with_verb(words):
        words = f"{piece.subject} {words}"
    first = words.split(maxsplit=1)
    if first and first[0].lower() in ("he", "she") and ctx.last_person:
        words = ctx.last_person + words[len(first[0]):]
    return re.sub(r"\s+", " ", words).strip()


# Phrases with a negative word that do not negate the statement ("not far from", "not only").
_NOT_NEGATION = re.compile(
    r"\b(?:not\s+(?:far|only|just|least|long\s+after|until)|no\s+doubt|nothing\s+but)\b",
    re.IGNORECASE,
)


def _polarity(words: str) -> int:
    words = _NOT_NEGATION.sub(" ", words)
    negations = [m for m in _NEG_WORDS.finditer(words)]
    if not negations:
        return 1
    # "neither ... nor" counts once; double negation ("not ... without") cancels.
    count = sum(1 for m in negations if m.group(0).lower() != "nor")
    return -1 if count % 2 == 1 else 1


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
            out.append(
                Mention("quantity", base + q.start, base + q.end, q.surface, value_key(q),
                        lo=q.lo, hi=q.hi, unit=unit)
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
