"""Who an age belongs to: the role (the person shot, the person held) and the gender told
around it, for matching the ages two articles give of the people of one incident.

"The 15-year-old appeared in court" and "A 16-year-old boy appeared in court" give the age
of the person held; "his 11-year-old brother" the age of the person shot. An article that
also says "The 16-year-old's family members" gives a third age of no role: telling the roles
apart lets the first two be compared instead of setting the whole article aside.

Pure functions on one claim and one age slot; used by :mod:`claimcheck.compare.facts`.
"""

from __future__ import annotations

import re

from .. import lexicon
from .model import ClaimRecord, Slot

_SUSPECT_NOUNS = frozenset(k for k, v in lexicon.pairs("facts_role_words.txt") if v == "suspect")
# "..., 35, was booked", "the 16 year old arrested has been booked", "who appeared in court":
# a short stretch without another shooting verb, "by" or "and" (another person) first.
_SUSPECT_AFTER = re.compile(
    r"^(?:(?!\b(?:shot|killed|wounded|injured|by|and|who\s+was\s+shot)\b)[^.;:]){0,40}?"
    r"(?:\b(?:was|is|were|are|has\s+been|had\s+been|have\s+been|remains|remained|being)\s+"
    r"(?:later\s+|also\s+|since\s+|now\s+|then\s+|being\s+)?)?"
    r"\b(?:" + lexicon.alternatives("facts_suspect_after_words.txt") + r")\b",
    re.IGNORECASE,
)
_SUSPECT_BEFORE = re.compile(
    r"\b(?:" + lexicon.alternatives("facts_suspect_before_words.txt") + r")\s*,?\s+(?:of\s+)?"
    r"(?:(?:an?|the|his|her|their)\s+)?$",
    re.IGNORECASE,
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "sir", "lord", "dame", "lady"})
_GENDER_NOUNS = {
    **{w: "male" for w in lexicon.lower_words("gender_words_male.txt") if "." not in w and w not in _TITLES},
    **{w: "female" for w in lexicon.lower_words("gender_words_female.txt")
       if "." not in w and w not in _TITLES},
    **dict(lexicon.pairs("facts_age_gender_nouns.txt")),
    "male": "male", "female": "female",
}
# "The man, Tim Reed, 36," / "his grandfather, 35," / "he was nine years old"
_NOUN_BEFORE = re.compile(
    r"\b([a-z][a-z-]+),\s+(?:(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s*)?$")
_PRONOUN_BEFORE = re.compile(r"\b(he|she)\s+(?:was|is)\s+(?:about\s+|only\s+|just\s+)?$", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "male", "she": "female"}


def _rel(c: ClaimRecord, offset: int) -> int:
    return max(0, min(len(c.text), offset - c.start))


def is_suspect_age(c: ClaimRecord, age: Slot, holder: Slot | None = None) -> bool:
    """The age is told of the person held, charged or accused of the shooting, or of the
    one who fired: its noun is a suspect's ("a 19-year-old suspect"), the words after it
    say so ("..., 35, was booked", "The 15-year-old appeared in court", "a 14-year-old boy
    shot his brother"), or those before it do ("Police arrested a 16-year-old")."""
    if c.polarity < 0 or c.modality:
        return False
    noun = (age.unit or "").partition(":")[2].lower()
    if noun in _SUSPECT_NOUNS:
        return True
    end = max(age.end, holder.end) if holder is not None and holder.start >= age.end else age.end
    if _SUSPECT_AFTER.match(c.text[_rel(c, end):]):
        return True
    start = min(age.start, holder.start) if holder is not None and holder.end <= age.start else age.start
    return bool(_SUSPECT_BEFORE.search(c.text[max(0, _rel(c, start) - 40): _rel(c, start)]))


def gender_of_age(c: ClaimRecord, age: Slot, holder: Slot | None = None) -> str:
    """"male", "female" or "": the age's counted noun, a word of the few after it ("a
    16-year-old Snohomish County boy"), the noun it stands beside ("his grandfather, 35,",
    "The man, Tim Reed, 36,") or the pronoun it is told of ("he was nine years old")."""
    noun = (age.unit or "").partition(":")[2].lower()
    words = [noun] + [w.lower() for w in re.findall(r"[A-Za-z-]+", c.text[_rel(c, age.end): _rel(c, age.end) + 40])][:4]
    for w in words:
        if w in _GENDER_NOUNS:
            return _GENDER_NOUNS[w]
    start = min(age.start, holder.start) if holder is not None and holder.end <= age.start else age.start
    before = c.text[max(0, _rel(c, start) - 60): _rel(c, start)]
    m = _NOUN_BEFORE.search(before)
    if m and m.group(1).lower() in _GENDER_NOUNS:
        return _GENDER_NOUNS[m.group(1).lower()]
    m = _PRONOUN_BEFORE.search(before)
    if m:
        return _PRONOUN_GENDER[m.group(1).lower()]
    return ""
