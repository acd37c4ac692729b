"""Find date mentions in news text and normalise them to intervals of days.

Every mention becomes a closed interval ``[lo, hi]`` of calendar days plus the unit the
writer used (its *granularity*), so that "October 7, 2023" equals "7 October 2023",
"2008" contains "November 2008" and "March 2020" is disjoint from "March 2021".

One pre-compiled combined pattern finds the *heads* of all candidates in a single pass
(digits, month and weekday names, holidays; a second literal-prefixed pass finds lowercase
heads such as "yesterday" or "week"). A small anchored pattern per kind of head reads the
whole expression, modifiers before it ("early", "this past") are read backwards with string
methods, and cheap checks around it accept or reject it: a bare "2008" is a year only after
a preposition such as "in" or "since", or inside a list or range of dates; "1998 silver
Ford", "2,000 people", "the 1200 block", "May be" and "Sunday school" are not dates.
No dateparser in the hot path.

Conventions:

- Relative mentions ("Sunday", "last week", "Nov. 9" without a year, "two days ago") are
  resolved against the article's published date and marked ``relative=True``. News reports
  past events, so a bare weekday is the most recent such day on or before the published
  date, and a day or month without a year is the latest one that falls no later than seven
  days after publication. After a scheduling word ("scheduled", "set for", "will",
  "expected", "ahead of") or before "deadline", the coming occurrence is taken instead.
  A weekday given with a day ("Sunday, Nov. 15") picks the year in which they agree.
  Holidays ("Christmas Eve", "Thanksgiving", "Memorial Day 2015") are days (US calendar).
  Without a published date these mentions are skipped.
- Counted shifts: "two years ago", "twenty-one days ago", "2y ago", "1 year, 2 months ago",
  "4 days from now", "tomorrow", "the day before yesterday". The interval is the finest
  unit named (a day, a Monday-Sunday week, a month, a year); decades and centuries give
  the year, approximate. "In three weeks" is read only where the sentence looks ahead (a
  scheduling word before it, "will" after it) and not after a count or plural ("three
  arrests in two weeks" is a span); "within two weeks" and "in the next 30 days" run from
  the published date to then (an approximate range). "Two years later", "4 days before" and "after 4 days"
  count from an event of the story, not from publication: no date.
- Numeric dates: separators "/", "-" and "."; a four-digit first part is a year
  ("2020/10/9"). The day/month order comes from :func:`date_order` (set per article by the
  ingest pipeline); without one, a part above 12 tells it, and an ambiguous "03/04/2024"
  is read only when exactly one reading falls 30 days before to 7 days after the published
  date (a day-first reading also needs the month-first one to be more than 45 days away).
  Otherwise no date: a wrong date is worse than none.
- Open ranges: "since March 2006" runs from 1 March 2006 to the published date (relative),
  or to ``datetime.date.max`` when the published date is unknown; "until 2010", "by 2010"
  and "before 2010" start at ``datetime.date.min``; "after 2010" ends at ``date.max``.
- "early/mid/late" split a month into days 1-10, 11-20 and 21-end, a year into Jan-Apr,
  May-Aug and Sep-Dec, and a decade into years 0-3, 4-6 and 7-9; such mentions keep the
  granularity of the unit they qualify and are marked approximate.
- Seasons are meteorological (northern hemisphere): spring = Mar-May, summer = Jun-Aug,
  autumn/fall = Sep-Nov, and "winter YYYY" = December of YYYY-1 to February of YYYY.
"""

from __future__ import annotations

import calendar
import contextlib
import contextvars
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import lexicon

__all__ = [
    "DATE_ORDERS",
    "DateMention",
    "date_order",
    "find_dates",
    "infer_date_order",
    "format_interval",
    "iso_value",
    "relation",
]

_MIN = datetime.date.min
_MAX = datetime.date.max
_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text, normalised to an inclusive interval of days."""

    start: int
    end: int
    surface: str
    lo: datetime.date
    hi: datetime.date
    granularity: str  # day | week | month | season | year | decade | range
    relative: bool
    approximate: bool


# ---------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAY_NUM = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_SEASON_NAME = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_NUMBER_WORDS = {w: int(n) for w, n in lexicon.pairs("date_number_words.txt")}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# ---------------------------------------------------------------------------------------
# Patterns. Python's ``re`` tries every alternative at every position unless a pattern
# starts with a literal or a character set, so the scan runs in two steps: one combined
# trigger pattern whose alternatives all start with a literal (digits, capitals, a space
# before a lowercase head word) finds the *head* of each date expression fast; a small
# anchored pattern per kind of head then reads the whole expression from there, and the
# modifier words before the head ("early", "last", "earlier this") are read backwards.

_NB = r"(?<![A-Za-z0-9].)"  # after the first literal: it starts a word


def _word_alternatives(words: str) -> str:
    """Alternatives that each start with a literal, so a search can skip ahead fast.

    :param words: ``|``-separated lowercase words (regex pieces allowed after the first
        letter); each is also accepted capitalised, and must start a word.
    """
    alts: list[str] = []
    for word in words.split("|"):
        for first in dict.fromkeys((word[0], word[0].upper())):
            alts.append(re.escape(first) + _NB + word[1:])
    return "|".join(alts)


# a digit starts a head only as a year (4 digits) or as a day or month before "/", "-", a
# month name or an ordinal suffix; ages, times and counts are skipped here already
_DIGIT_HEAD = (
    r"(?:[0-9]{3}(?![0-9])|[0-9]?(?:st|nd|rd|th)?(?=/|\.[0-9]{1,2}\.[0-9]|\.?\s*[-–]\s*[0-9]"
    r"|\.?\s+(?:day\s+)?(?:of\s+)?(?:[JFMASOND]|(?:jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?(?![a-z]))|[-/.](?i:jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec)"
    r"|(?:JAN|FEB|MA[RY]|APR|JU[NL]|AUG|SEP|OCT|NOV|DEC)[0-9]{4}))"
)
_LOWER_WD = (
    r"\s+(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_HEAD_WORDS = {
    # first character -> the rest of each head word that starts with it
    **{d: [_DIGIT_HEAD] for d in "0123456789"},
    "'": [r"[0-9]0s\b"],
    "’": [r"[0-9]0s\b"],
    "J": [r"(?:an(?:uary)?|une?|uly?)\b"],
    "F": [r"(?:eb(?:ruary)?|ri(?:day)?|all|ourth\s+of\s+July|ather['’]s\s+Day)\b"],
    "M": [r"(?:ar(?:ch)?|ay|on(?:day)?|emorial\s+Day|other['’]s\s+Day|artin\s+Luther\s+King"
          r"|LK\s+Day)\b"],
    "A": [r"(?:pr(?:il)?|ug(?:ust)?|utumn)\b"],
    "S": [r"(?:ep(?:t(?:ember)?)?|at(?:urday)?|un(?:day)?|pring|ummer|t\.\s+Patrick['’]s\s+Day)\b"],
    "O": [r"ct(?:ober)?\b"],
    "N": [r"(?:ov(?:ember)?|ew\s+Year['’]s)\b"],
    "D": [r"ec(?:ember)?\b"],
    "T": [r"(?:ues(?:day)?|ue|hu(?:rs?(?:day)?)?|o(?:day|night|morrow)|hanksgiving)\b"],
    "W": [r"(?:ed(?:nesday)?|inter)\b"],
    "Y": [r"esterday\b"],
    "C": [r"hristmas\b"],
    "H": [r"alloween\b"],
    "E": [r"aster\b"],
    "I": [r"ndependence\s+Day\b"],
    "L": [r"(?:abor\s+Day|ast" + _LOWER_WD + r")\b"],
    "V": [r"(?:eterans['’]?\s+Day|alentine['’]s\s+Day)\b"],
    "B": [r"oxing\s+Day\b"],
}
# Every alternative starts with a literal character, which lets ``re`` skip ahead to the
# next possible head; whether the head starts a word is checked afterwards, in Python.
_HEAD_RE = re.compile(
    "|".join(
        re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in _HEAD_WORDS.items()
    )
)
# Lowercase head words are found by a second scan that starts with a space (or at the
# start of the text): one pattern holding both runs slower, since every space would then
# try all the alternatives of the first.
_LOWER_WEEKDAYS = lexicon.lower_words("weekdays.txt")
_LOWER_WORDS = (  # a trie: each space tries a few first letters, not every word
    r"(?:y(?:esterday|ears?)|t(?:o(?:day|night|morrow)|his" + _LOWER_WD + r"|uesday|hursday)"
    r"|w(?:eek(?:end)?s?|inter|ednesday)|m(?:onths?|orning|onday)"
    r"|n(?:ight|ext" + _LOWER_WD + r"|ovember)|j(?:anuary|une|uly)|october|december"
    r"|l(?:ast" + _LOWER_WD + r")|a(?:go|utumn|fternoon|pril)|evening"
    r"|s(?:pring|ummer|aturday|unday|eptember)|f(?:all|ortnights?|rom\s+now|riday|ebruary)"
    r"|d(?:ays?|ecades?)|centur(?:y|ies)|hence|quarter)\b"
)
# full weekday and month names written in lower case ("on monday", "in january 2015"):
# read as the capitalised ones; "may", "march" and "august" are also common words
_LOWER_FULL_WEEKDAYS = frozenset(w for w in _LOWER_WEEKDAYS if w.endswith("day"))
_LOWER_MONTHS = lexicon.words("date_lowercase_months.txt")
_LOWER_WEEKDAY_ALT = "|".join(sorted(_LOWER_FULL_WEEKDAYS))
_LOWER_MONTH_ALT = "|".join(sorted(_LOWER_MONTHS))
_LOWER_HEAD_RE = re.compile(" " + _LOWER_WORDS)  # a literal first char: the fastest scan
_LOWER_AT_START_RE = re.compile(_LOWER_WORDS)

# A full month name never takes a period: in "on 8 May." the period ends the sentence (and
# a date reaching past its sentence's end falls out of its claim).
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|" + _LOWER_MONTH_ALT + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" + _LOWER_WEEKDAY_ALT
    + r"|(?P<wd_abbr>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)"
)
_DAY_NB = r"(?<![\d.,:/$£€#-])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9:])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9]|,[0-9]{3}|['’]?s\b)"
_YEAR_NB = r"(?<![\d.,:/$£€#-])"
# a day and a month make a year safe to read beyond 1800-2100 ("12 Jan 1876", "4 July 1776")
_UNIT_WORD = r"(?:days?|weeks?|months?|years?)\b"  # "March 1 - 2 weeks": no day range
_ORD_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)"  # a day with its ordinal suffix
_DAY_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|,[0-9]{3}|['’]?s\b)"
# a two-digit year after a day and a month: with an apostrophe ("Jan 10, '00"), or closing
# the clause ("Aug 9, 96,"); "March 5, 12 people" and "June 3, 10, and 17" are no years
_SHORT_YEAR = (
    r"(?:['’][0-9]{2}|[0-9]{2}(?=[ \t]*(?:,(?![ \t]*(?:and|or|[0-9])\b)|[;)]|\.(?:\s|$)|$)))"
    r"(?![0-9])"
)
# a clock time between the day and the year: "Wed Aug 05 12:00:00 2015"
_CLOCK_TIME = r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]\.?m\.?)?"
_CLOCK = (
    rf"(?:,?\s+(?:at\s+)?{_CLOCK_TIME}"
    rf"(?:\s*[-–]\s*{_CLOCK_TIME})?"  # a time range: "Thu Oct 26, 10:00 - 11:00:09 2023"
    r"(?:\s+[A-Z]{2,4}T)?)?"  # a time zone after the clock: "17:08:35 PDT 2015"
)


def _mdy(p: str) -> str:
    # a comma after the month only before a day and a year: "March, 6th 2016", "March, 19,
    # 2013" ("In March, 6 people" stays the month)
    return (
        rf"(?P<{p}m>{_MON})(?:\s*|,\s*(?={_ORD_DAY}\s+{_DAY_YEAR}|{_DAY}\s*,\s*{_DAY_YEAR}(?![0-9]))"
        rf"|\s+the\s+(?={_ORD_DAY}))"
        rf"(?P<{p}d>{_DAY})(?:\s*[-–]\s*(?P<{p}d2>{_DAY})(?!\s*{_UNIT_WORD}))?"
        rf"(?:{_CLOCK}(?:\s*,\s*|\s+)(?P<{p}y>{_DAY_YEAR}|{_SHORT_YEAR}))?"
    )


def _dmy(p: str) -> str:
    return (
        rf"(?P<{p}d>{_DAY})(?P<{p}dot>\.)?(?:\s*[-–]\s*(?P<{p}d2>{_DAY})\.?)?"
        r"\s+(?:day\s+of\s+)?(?:of\s+)?"
        rf"(?P<{p}m>(?i:{_MON}))(?:,?\s+(?P<{p}y>{_DAY_YEAR}|{_SHORT_YEAR}))?"
    )


# a month name inside a numeric date ("25-Sep-2003", "2003/Sep/25"): any case, no period
_MON_CI = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])"
)
_DAY_N = r"(?:3[01]|[12][0-9]|0?[1-9])"
_YEAR_N = r"(?:1[0-9]{3}|20[0-9]{2})"

_NUM_RE = re.compile(
    rf"""
    (?P<ymon>{_YEAR_NB}(?P<ym_y>{_YEAR_N})(?P<ym_s>[-/.])(?:(?P<ym_m>{_MON_CI})(?P=ym_s)
        (?P<ym_d>{_DAY_N})|(?P<ym_d2>{_DAY_N})(?P=ym_s)(?P<ym_m2>{_MON_CI}))(?![0-9A-Za-z]))
    |(?P<ysp>{_YEAR_NB}(?P<ys_y>{_YEAR_N})[ \t]+(?:(?P<ys_m>{_MON})[ \t]+(?P<ys_d>{_DAY_N})
        |(?P<ys_d2>{_DAY_N})[ \t]+(?P<ys_m2>{_MON}))(?![0-9A-Za-z]|[ \t]*,?[ \t]*[0-9]{{4}}(?![0-9])))
    |(?P<dmon>{_DAY_NB}(?P<dm_d>{_DAY_N})(?P<dm_s>[-/.])(?P<dm_m>{_MON_CI})
        (?:(?P=dm_s)(?P<dm_y>{_YEAR_N}|[0-9]{{2}})|[ \t]+(?P<dm_y4>{_YEAR_N}))(?![0-9A-Za-z]))
    |(?P<dglue>{_DAY_NB}(?P<dg_d>{_DAY_N})(?P<dg_m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)
        (?P<dg_y>{_YEAR_N})(?![0-9A-Za-z]))
    |(?P<iso>{_YEAR_NB}(?P<iso_y>1[89][0-9]{{2}}|20[0-9]{{2}})-(?P<iso_m>0[1-9]|1[0-2])
        -(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9-]))
    |(?P<drange>{_DAY_NB}(?P<dr_a>3[01]|[12][0-9]|0?[1-9])\.?\s*[-–]\s*(?P<dr_b>3[01]|[12][0-9]|0?[1-9])
        \.(?P<dr_m>0?[1-9]|1[0-2])\.(?P<dr_y>(?:1[89]|20)[0-9]{{2}})(?![0-9]|\.[0-9]))
    |(?P<num>{_DAY_NB}(?P<n_a>[0-9]{{1,2}}|(?:1[89]|20)[0-9]{{2}})(?P<n_sep>[/.-])
        (?P<n_b>[0-9]{{1,2}})(?P=n_sep)(?P<n_c>(?:1[89]|20)[0-9]{{2}}|[0-9]{{1,2}})
        (?![0-9]|[/-][0-9]|\.[0-9]))
    |(?P<mslash>{_DAY_NB}(?P<msl_m>0?[1-9]|1[0-2])/(?P<msl_y>(?:1[89]|20)[0-9]{{2}})
        (?![0-9/]|[.,][0-9]))
    |(?P<dmy>{_DAY_NB}{_dmy("dmy_")})
    |(?P<decade>(?:(?<![0-9.,$])(?P<dec_y>(?:18|19|20)[0-9]0)|['’](?P<dec_yy>[0-9]0))['’]?s\b)
    |(?P<yrange>{_YEAR_NB}(?P<yr_a>1[89][0-9]{{2}}|20[0-9]{{2}})\s*[-–/]\s*
        (?P<yr_b>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9/-]))
    |(?P<year>(?<![\d.,:/$£€#])(?P<y>{_YEAR}))
    """,
    re.VERBOSE,
)
_MONTH_RE = re.compile(
    rf"(?P<msep>(?P<ms_m>{_MON_CI})(?P<ms_s>[-/.])(?P<ms_d>{_DAY_N})"
    rf"(?:(?P=ms_s)(?P<ms_y>{_YEAR_N}|[0-9]{{2}})|,[ \t]*(?P<ms_y4>{_YEAR_N})|(?<=-[0-9])|(?<=-[0-9]{{2}}))(?![0-9A-Za-z]))"
    rf"|(?P<mdy>{_mdy('mdy_')})|(?P<my>(?P<my_m>{_MON}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}))"
    r"|(?P<mo>(?P<mo_m>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|" + _LOWER_MONTH_ALT + r")\b(?!\s*[0-9]|['’]s\b))"
)
_WEEKDAY_RE = re.compile(
    rf"(?P<wd_n>{_WD})(?![A-Za-z])(?:,?\s+(?:(?P<wmdy>{_mdy('wmdy_')})|(?P<wdmy>{_dmy('wdmy_')}))"
    r"|(?!\s+(?:[Ss]chool|[Ss]ervices?|Times|Mass|Telegraph|Mail|Express|Herald|Post|Night\b"
    r"|Morning\b))(?:\s+(?:morning|afternoon|evening|night)\b)?)"
)
_HOLIDAY_RE = re.compile(
    r"(?P<h>" + lexicon.alternatives("holiday_names.txt") + r")\b"
    rf"(?:,?\s+(?P<hy>{_YEAR}))?"
)
_HOLIDAY_HEADS = lexicon.entries("holiday_heads.txt")
_HOLIDAY_BARE = frozenset(["christmas", "thanksgiving", "halloween", "easter", "new year's"])
_HOLIDAY_PREP_BEFORE = re.compile(
    "(?:"
    + _word_alternatives(lexicon.alternatives("holiday_prepositions.txt"))
    + r")\s+$"
)
_SEASON_RE = re.compile(
    rf"(?P<s_name>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter),?\s+(?:of\s+)?(?P<s_y>{_YEAR})"
)


def _alternatives(words: list[str]) -> str:
    """Like :func:`_word_alternatives` for a list whose items may hold ``|`` in groups."""
    return "|".join(
        re.escape(first) + _NB + word[1:]
        for word in words
        for first in dict.fromkeys((word[0], word[0].upper()))
    )


_TENS_RE = r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_COUNT_N = (
    "(?P<n>"
    + "|".join(f"{d}(?<![A-Za-z0-9].)[0-9]{{0,3}}" for d in "0123456789")
    + "|"
    + _alternatives(
        [t + _TENS_RE for t in
         ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")]
        + [r"an?(?:\s+couple(?:\s+of)?)?", r"couple(?:\s+of)?"]
        + [word for word, value in lexicon.pairs("number_words.txt") if value != "0"]
    )
    + ")"
)  # fmt: skip
_COUNT = (
    _COUNT_N
    + r"\s*(?P<u>(?i:days?|weeks?|months?|years?|decades?|fortnights?|centur(?:y|ies))"
    + r"|(?<=[0-9])(?:d|wks?|w|mos?|mon|yrs?|y)(?![a-z]))"
)
_COUNT_BEFORE = re.compile(_COUNT + r"(?:\s*,\s*|\s+and\s+|\s+)$")
# "17 hours in a month", "three arrests in two weeks", "twice in a year": a rate or a span
_RATE_BEFORE = re.compile(r"(?:[0-9]|[a-z]{2}s|\b(?:once|twice|times?))\s+$")
_COUNTED_NOUN_BEFORE = re.compile(
    r"(?:\b[0-9][0-9,.]*|\b(?:" + "|".join(w for w in _NUMBER_WORDS if " " not in w) + r"))"
    r"(?:[ -][a-z]+)?\s+[a-z]{2,}s\s+$",
    re.IGNORECASE,
)


def _is_rate(text: str, pos: int) -> bool:
    """ "17 hours in a month", "three arrests in two weeks", "twice in a year": a span.

    A plural noun before "in" makes a rate only when a count comes with it: "will report
    results in three months" is a date.
    """
    m = _RATE_BEFORE.search(text, max(0, pos - 20), pos)
    if m is None:
        return False
    if text[m.start()].isdigit() or m.group().lstrip()[:1] in "ot":  # a digit, once, times
        return True
    return _COUNTED_NOUN_BEFORE.search(text, max(0, pos - 40), pos) is not None


_WILL_AFTER = re.compile(r"\b(?:will|shall)\b|['’]ll\b")
_ARITHMETIC_AFTER = re.compile(r"\s*[+-]\s*[0-9]")
# "next tuesday +10 days", "Friday - 2 weeks": a date with a shift the finder does not add
_SHIFT_AFTER = re.compile(
    r"[ \t]*[+-][ \t]*[0-9]+[ \t]*(?i:days?|weeks?|months?|years?|d|w|m|y)\b"
)
_COUNT_AFTER = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)" + _COUNT)
_IN_COUNT_BEFORE = re.compile(
    "(?:" + _word_alternatives("in|within") + r")\s+(?:the\s+next\s+)?" + _COUNT_N + r"\s+$"
)
_DAY_LINK_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?\b[Dd]ay\s+(?P<w>before|after)\s+$")
# "2 days before yesterday", "a week after tomorrow": a count of units from that day
_COUNT_LINK_BEFORE = re.compile(_COUNT + r"\s+(?P<w>before|after)\s+$")
# a part of the day after "yesterday", "today", "tomorrow": same day, one mention
_DAY_PART_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")
_PART_MODS = frozenset(["early", "mid", "late", "end of", "start of", "beginning of", "middle of"])
_WEEKDAY_MODS = frozenset(["early", "late", "last", "this", "this past", "next", "past"])
_SEASON_MODS = frozenset(["last", "this", "this past", "next", "earlier this", "later this"])
_UNIT_MODS = frozenset(
    ["last", "this", "next", "this past", "earlier this", "later this", "earlier last",
     "the past", "over the", "past", "current"]
)  # fmt: skip

# Context checks, applied to a few characters around a candidate only.
_PREP_BEFORE = re.compile(
    "(?:"
    + _word_alternatives(lexicon.alternatives("date_prepositions.txt"))
    + r")\s+(?:the\s+(?:year\s+)?)?$|\($"
)
_APPROX_BEFORE = re.compile(
    "(?:" + _word_alternatives(r"around|circa|about|c\.|ca\.|approximately") + r")\s+$"
)
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|block\b|[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis))"
)
_LIST_GAP = re.compile(
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|and[ \t]+|or[ \t]+|&[ \t]*|to[ \t]+|through[ \t]+"
    r"|until[ \t]+)$"
)
_MERGE_GAP = re.compile(r"[ \t]*(?:and|to|through|thru|until|till|[-–—])[ \t]*$")
# "Jun 28 5:00 PM - Aug 02 7:00 PM": a clock time after the first end of a range
_CLOCK_MERGE_GAP = re.compile(
    r"[ \t]*,?[ \t]*(?:at[ \t]+)?(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"|[0-9]{1,2}[ \t]*[AaPp]\.?[Mm]\.?)[ \t]*(?:to|through|thru|until|till|[-–—])[ \t]*$"
)
_DASH_GAP = re.compile(r"[ \t]*[-–—][ \t]*$")
_FUTURE_WORDS = re.compile(
    "(?:"
    + _word_alternatives(
        r"scheduled|set\s+for|slated|will|due|expected|upcoming|plans?\s+to|ahead\s+of"
    )
    + r")\b"
)
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+$")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
_OPEN_BEFORE = re.compile(
    "(?P<w>"
    + _word_alternatives(r"since|until|till|by|before|after|through|up\s+to")
    + r")\s+(?:the\s+)?$"
)
_TODAY_REJECT = re.compile(r"\s+(?:[Ss]how|[Pp]rogram)\b")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


# ---------------------------------------------------------------------------------------
# Day/month order of numeric dates ("03/04/2024"): None reads only unambiguous ones.

DATE_ORDERS = ("mdy", "dmy", "ymd")
_ORDER: contextvars.ContextVar[str | None] = contextvars.ContextVar("date_order", default=None)


@contextlib.contextmanager
def date_order(order: str | None) -> Iterator[None]:
    """Read numeric dates in the given order inside the ``with`` block.

    :param order: "mdy" (03/04/2024 = 4 March), "dmy" (= 3 April), "ymd", or None: only
        numeric dates whose order is plain (a day above 12, or day equal to month) are read.
    :raises ValueError: for any other value.
    """
    if order is not None and order not in DATE_ORDERS:
        raise ValueError(f"unknown date order {order!r}: use one of {', '.join(DATE_ORDERS)}")
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)


_PLAIN_NUMERIC_RE = re.compile(
    r"(?<![\d.,:/$£€#-])([0-9]{1,2})([/.-])([0-9]{1,2})\2(?:1[89]|20)?[0-9]{2}(?![0-9]|[/-][0-9])"
)


def infer_date_order(text: str) -> str | None:
    """The day/month order a text uses, told by its unambiguous numeric dates.

    "13/03/2014" shows day-first and "06/17/2014" month-first; a text that shows both, or
    neither, gives None.

    :param text: an article's text.
    """
    seen: set[str] = set()
    for m in _PLAIN_NUMERIC_RE.finditer(text):
        x, y = int(m[1]), int(m[3])
        if x > 12 >= y >= 1:
            seen.add("dmy")
        elif y > 12 >= x >= 1:
            seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


# ---------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _part_of(
    lo: datetime.date, hi: datetime.date, unit: str, part: str
) -> tuple[datetime.date, datetime.date]:
    """Cut the early/mid/late part out of a month, year or decade interval."""
    key = part.lower().split()[0]
    which = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1}.get(key, 2)
    if unit == "month":
        if which == 0:
            return lo, lo.replace(day=10)
        if which == 1:
            return lo.replace(day=11), lo.replace(day=20)
        return lo.replace(day=21), hi
    if unit == "year":
        first = (1, 5, 9)[which]
        return lo.replace(month=first), _month_end(lo.year, first + 3)
    if unit == "decade":
        first, last = ((0, 3), (4, 6), (7, 9))[which]
        return lo.replace(year=lo.year + first), hi.replace(year=lo.year + last)
    # season: first, middle or last of its three months
    year, month = _add_months(lo.year, lo.month, which)
    return datetime.date(year, month, 1), _month_end(year, month)


def _season_interval(name: str, year: int) -> tuple[datetime.date, datetime.date]:
    first = _SEASON_FIRST_MONTH[name.lower()]
    if first == 12:
        return datetime.date(year - 1, 12, 1), _month_end(year, 2)
    return datetime.date(year, first, 1), _month_end(year, first + 2)


def _week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _resolve_year(
    month: int, day: int, published: datetime.date, weekday: int | None, future: bool
) -> int | None:
    """Pick the year of a day given without one.

    By default the latest year that puts the day no later than published + 7 days; after a
    scheduling word ("scheduled for Jan. 8") the first on or after the published date. A
    weekday given with the day ("Sunday, Nov. 15") picks between the latest such day and
    the one a year before it (news archives often carry late dates), else the coming one
    within four months. A weekday that fits the coming one later than that gives no year
    (a slip, or a day announced long ahead: which is not told); one that fits none of them
    is a slip, and the day written wins ("Sunday, June 13" in a June 2016 article is 13
    June 2016, not the Sunday 13 June of 2010).
    """
    if (month, day) == (2, 29) and weekday is None:
        # the year of 28 February; no date when it is not a leap year: "February 29" in
        # 2014 is a slip or another year, and which one is not told
        year = _resolve_year(2, 28, published, None, future)
        return year if year is not None and calendar.isleap(year) else None
    if future:
        for y in (published.year, published.year + 1):
            d = _safe_date(y, month, day)
            if d is not None and d >= published:
                return y
    limit = published + datetime.timedelta(days=7)
    candidates = [
        y
        for y in range(published.year + 1, published.year - 8, -1)
        if (d := _safe_date(y, month, day)) is not None and d <= limit
    ]
    if not candidates:
        return None
    if weekday is not None:
        if _weekday_slip(month, day, candidates[0], published, weekday):
            return candidates[0]
        # the latest occurrence or the one before it (a late archive date); the written
        # day wins over a weekday that fits no year near publication (a slip)
        for y in candidates[:2]:
            d = _safe_date(y, month, day)
            if d is not None and d.weekday() == weekday:
                if y < published.year - 1 and _weekday_fits_next(month, day, published, weekday):
                    return None  # years back, or the coming one: which is not told
                return y
        for y in (published.year, published.year + 1):
            d = _safe_date(y, month, day)
            if d is not None and limit < d <= published + _COMING_DAYS and d.weekday() == weekday:
                return y  # "Wednesday, Aug. 24" in an article of 1 August: the coming one
        if _weekday_fits_next(month, day, published, weekday):
            return None  # a slip, or the coming one announced months ahead: not told
    return candidates[0]


_COMING_DAYS = datetime.timedelta(days=120)

#: A day with a weekday that is one day off, this close to the publication day (either way),
#: is a slip of this week, not a day of another year.
WEEKDAY_SLIP_REACH = 7


def _weekday_slip(month: int, day: int, year: int, published: datetime.date, weekday: int) -> bool:
    """The day in ``year`` lies within ``WEEKDAY_SLIP_REACH`` days of the publication day and
    its weekday is the one named, one day off: "Sunday, Feb. 20" in an article of Sunday 19
    February (20 February a Monday) tells this week's day with a slip in one of its two
    words, not 20 February of a year in which it fell on a Sunday. A weekday further off, or
    a day far from the publication day, still picks the year in which the two agree."""
    d = _safe_date(year, month, day)
    if d is None or d.weekday() == weekday or abs((d - published).days) > WEEKDAY_SLIP_REACH:
        return False
    return (d.weekday() - weekday) % 7 in (1, 6)


def _weekday_fits_next(month: int, day: int, published: datetime.date, weekday: int) -> bool:
    """Whether the day falls on the weekday after publication, this year or the next."""
    limit = published + datetime.timedelta(days=7)
    for y in (published.year, published.year + 1):
        d = _safe_date(y, month, day)
        if d is not None and d > limit and d.weekday() == weekday:
            return True
    return False


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> datetime.date:
    """Western Easter Sunday (the Gregorian computus, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _holiday(key: str, year: int) -> datetime.date:
    """The date of a holiday (US calendar where it differs) in a given year."""
    fixed = _FIXED_HOLIDAYS.get(key)
    if fixed is not None:
        return datetime.date(year, fixed[0], fixed[1])
    if key == "easter":
        return _easter(year)
    month, weekday, n = _FLOATING_HOLIDAYS[key]
    return _nth_weekday(year, month, weekday, n)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas eve": (12, 24), "boxing": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "halloween": (10, 31), "fourth of july": (7, 4), "independence": (7, 4),
    "valentine's": (2, 14), "veterans": (11, 11), "st. patrick's": (3, 17),
}  # fmt: skip
_FLOATING_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "memorial": (5, 0, -1), "labor": (9, 0, 1),
    "mother's": (5, 6, 2), "father's": (6, 6, 3), "martin luther king": (1, 0, 3),
}  # fmt: skip


# ---------------------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    lo: datetime.date
    hi: datetime.date
    gran: str
    relative: bool = False
    approximate: bool = False
    # set when the year is missing and must come from a neighbour or the published date
    month: int = 0
    day: int = 0
    day2: int = 0
    weekday: int | None = None
    yearless: bool = False
    part: str = ""  # "early" | "mid" | "late" part of a year-less month
    # the period of a guess made from the published date ("week": a bare weekday, "year":
    # a day without a year), so the second end of a range can move forward by one of it
    cycle: str = ""


def _yearless_interval(c: _Cand, year: int) -> bool:
    """Fill ``lo``/``hi`` of a year-less candidate for ``year``; False if no such day."""
    if c.day:
        lo = _safe_date(year, c.month, c.day)
        hi = _safe_date(year, c.month, c.day2) if c.day2 else lo
        if lo is None or hi is None:
            return False
        c.lo, c.hi = lo, hi
    else:
        c.lo, c.hi = datetime.date(year, c.month, 1), _month_end(year, c.month)
    return True


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 50 else 1900 + yy


def _weekday_num(name: str | None) -> int | None:
    return _WEEKDAY_NUM[name[:3].lower()] if name else None


def _relative_weekday(published: datetime.date, target: int, mod: str) -> datetime.date:
    back = (published.weekday() - target) % 7
    if mod == "last":
        return published - datetime.timedelta(days=back or 7)
    if mod == "next":
        return published + datetime.timedelta(days=(target - published.weekday()) % 7 or 7)
    if mod == "this":
        return published + datetime.timedelta(days=(target - published.weekday()) % 7)
    return published - datetime.timedelta(days=back)


def _relative_unit(
    published: datetime.date, mod: str, unit: str
) -> tuple[datetime.date, datetime.date, str, bool]:
    mod = " ".join(mod.lower().split())
    approx = mod.startswith(("earlier", "later"))
    if unit == "weekend":
        back = (published.weekday() - 5) % 7  # days since the last Saturday
        sat = published - datetime.timedelta(days=back)
        if mod == "next" or (mod == "this" and back > 1):
            sat = published + datetime.timedelta(days=(5 - published.weekday()) % 7 or 7)
        elif mod == "last" and back <= 1:
            sat -= datetime.timedelta(days=7)
        return sat, sat + _ONE_DAY, "range", False
    if mod == "the past":
        span = {"week": 7, "fortnight": 14, "month": 30, "year": 365}[unit]
        return published - datetime.timedelta(days=span), published, "range", True
    if unit == "fortnight":  # no calendar fortnight: the 14 days before or after publication
        if mod in ("last", "past", "this past", "over the"):
            return published - datetime.timedelta(days=14), published - _ONE_DAY, "range", False
        if mod == "next":
            return published + _ONE_DAY, published + datetime.timedelta(days=14), "range", False
        return published - datetime.timedelta(days=14), published, "range", True
    if mod == "past" and unit in ("week", "month", "year"):
        # "past week" without "the": the last calendar week or the last seven days; both
        # readings are in use, so the interval holds both
        lo, _, _, _ = _relative_unit(published, "last", unit)
        return lo, published, "range", True
    shift = {"last": -1, "next": 1, "earlier last": -1}.get(mod, 0)
    if unit == "week":
        lo, hi = _week_of(published + datetime.timedelta(days=7 * shift))
        gran = "week"
    elif unit == "month":
        y, m = _add_months(published.year, published.month, shift)
        lo, hi, gran = datetime.date(y, m, 1), _month_end(y, m), "month"
    else:
        y = published.year + shift
        lo, hi, gran = datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year"
    if mod == "earlier this":
        hi = published
    elif mod == "later this":
        lo = published
    return lo, hi, gran, approx


def _word_before(text: str, end: int, floor: int) -> int:
    """Start of the word that ends at ``end``, or -1 if there is no whole word there."""
    lo = max(floor, end - 12)
    k = text.rfind(" ", lo, end)
    start = k + 1 if k >= 0 else lo
    if start >= end or (k < 0 and lo > 0 and text[lo - 1].isalpha()):
        return -1
    return start


def _mod_before(text: str, pos: int, allowed: frozenset[str], floor: int) -> tuple[str, int]:
    """The modifier words right before ``pos`` ("early", "this past"), if allowed.

    Read backwards word by word with string methods: much cheaper than a regex search.
    """
    # every modifier ends in one of these letters and is followed by a space or a hyphen
    if pos < 3 or text[pos - 1] not in _SPACE_HYPHEN or text[pos - 2] not in "ydefst":
        return "", pos
    end1 = pos - 1
    s1 = _word_before(text, end1, floor)
    if s1 < 0:
        return "", pos
    w1 = text[s1:end1].lower()
    if w1 in _SECOND_MOD_WORDS and s1 >= 2 and text[s1 - 1] == " ":
        s2 = _word_before(text, s1 - 1, floor)
        if s2 >= 0:
            pair = text[s2 : s1 - 1].lower() + " " + w1
            if pair in allowed:
                return pair, s2
    if w1 in allowed:
        return w1, s1
    return "", pos


_SECOND_MOD_WORDS = frozenset(["past", "this", "last", "of", "the"])


def _scan(text: str, published: datetime.date | None) -> list[_Cand]:
    """Find heads with the trigger pattern, read each expression; candidates in text order."""
    out: list[_Cand] = []
    prev_end = -10
    heads = [(t.start(), t.end(), t.group()) for t in _HEAD_RE.finditer(text)]
    lower = [(t.start() + 1, t.end(), t.group()[1:]) for t in _LOWER_HEAD_RE.finditer(text)]
    if text[:1].islower() and (t0 := _LOWER_AT_START_RE.match(text)) is not None:
        lower.insert(0, (0, t0.end(), t0.group()))
    if lower:
        heads = sorted(heads + lower)
    for head, head_end, word in heads:
        if head < prev_end or (head and text[head - 1].isalnum()):
            continue
        first = word[0]
        cand: _Cand | None = None
        if first.isdigit() or first in "'’":
            cand = _num_cand(text, head, prev_end, published)
        else:
            key = word[:3].lower()
            floor = max(prev_end, 0)
            if word.startswith(_HOLIDAY_HEADS):
                cand = _holiday_cand(text, head, floor, published)
            elif word in _WEEKDAY_WORDS or word in _LOWER_FULL_WEEKDAYS:
                cand = _weekday_cand(text, head, floor, published)
            elif key in _MONTH_NUM and (first.isupper() or word in _LOWER_MONTHS):
                cand = _month_cand(text, head, prev_end, published)
            elif key in _SEASON_KEYS:
                cand = _season_cand(text, head, floor, published)
            elif published is not None:
                cand = _word_cand(text, head, head_end, word.lower(), floor, published)
        if cand is not None and cand.start >= max(prev_end, 0):
            if _SHIFT_AFTER.match(text, cand.end):
                prev_end = cand.end
                continue  # "next tuesday +10 days": no date rather than the part before
            out.append(cand)
            prev_end = cand.end
    return out


_SPACE_HYPHEN = frozenset(" -\u00a0")
# a passive participle ("was arrested", "were released") or one after a comma ("The report,
# released"): it takes no object, so a bare name right after it is a time adverb
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|been|being|is|are|be)[ \t]+(?:[a-z]+ly[ \t]+)?|,[ \t]*)"
    r"(?P<v>[a-z]{2,}ed)[ \t]+$"
)
_CLAUSE_END_AFTER = re.compile(r"\.?(?:[,;:)]|\.?\s*$|\.\s+[A-Z])")
_NAMING_VERBS = lexicon.words("date_naming_verbs.txt")


def _time_adverb_slot(text: str, start: int, end: int, floor: int) -> bool:
    """A bare month or weekday right after a passive participle: "was arrested Mon,".

    Read only when the name also closes its clause (a comma, a semicolon, the sentence's
    end): "He called May, who" (active: May is the object), "was named June," (a naming
    verb) and "opened March Madness" stay names.
    """
    m = _PASSIVE_BEFORE.search(text, max(floor, start - 40), start)
    return (
        m is not None
        and m["v"] not in _NAMING_VERBS
        and _CLAUSE_END_AFTER.match(text, end) is not None
    )


_SCHEDULE_BEFORE = re.compile(
    "(?:" + _word_alternatives(lexicon.alternatives("schedule_verbs.txt")) + r")"
    r"(?:\s+(?:on|at|in|from|by|until|through))?\s+$"
)


def _future_before(text: str, start: int, floor: int) -> bool:
    """Whether a scheduling word ("scheduled", "will") precedes ``start`` in its sentence.

    A present-tense verb that schedules ("begins", "takes effect", "is on") counts only
    right before the date: "The law, which takes effect Jan. 1, was passed on Dec. 3".
    """
    if _SCHEDULE_BEFORE.search(text, max(floor, start - 24), start):
        return True
    lo = max(floor, start - 50)
    cut = max(text.rfind(".", lo, start), text.rfind("\n", lo, start), text.rfind("?", lo, start))
    if cut >= 0:
        lo = cut + 1
    window = text[lo:start]
    # substring tests are far cheaper than a regex search; most windows have no hint
    if not (
        "ill" in window or "ched" in window or "set" in window or "lated" in window
        or "due" in window or "xpect" in window or "coming" in window or "lan" in window
        or "head" in window
    ):  # fmt: skip
        return False
    return _FUTURE_WORDS.search(window) is not None


_WEEKDAY_WORDS = lexicon.words("weekdays.txt")
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
# a weekday right before a numeric date: "Sunday 12/7/2014", "Fri, 30.12.2016"
_WEEKDAY_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<wd>(?i:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,6}day|[a-z]{0,2})\.?),?[ \t]+$"
)
_SEASON_KEYS = frozenset(["spr", "sum", "fal", "aut", "win"])


def _num_cand(
    text: str, head: int, prev_end: int, published: datetime.date | None = None
) -> _Cand | None:
    m = _NUM_RE.match(text, head)
    if m is None:
        return None
    kind = m.lastgroup
    start, end = m.span()
    if kind in ("ymon", "ysp", "dmon", "dglue"):
        return _named_month_numeric(m, kind, start, end)
    if kind == "iso":
        d = _safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        wd = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
        if d is not None and wd is not None and d.weekday() != _weekday_num(wd["wd"]):
            return None  # "Monday 2014-12-07" (a Sunday): which one is wrong is not told
        return None if d is None else _Cand(start, end, d, d, "day")
    if kind == "drange":
        return _dotted_day_range(m, start, end)
    if kind == "mslash":  # "04/2016", "6/2004": a month and its year
        if (
            m["msl_m"] == "1"
            or _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
            or text.startswith(" of ", end)
        ):
            return None  # "1/2000", "a 3/1000 chance", "7/2000 of the votes": fractions
        year, month = int(m["msl_y"]), int(m["msl_m"])
        return _Cand(start, end, datetime.date(year, month, 1), _month_end(year, month), "month")
    if kind == "num":
        wd = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
        weekday = _weekday_num(wd["wd"]) if wd is not None else None
        d = _numeric_date(m["n_a"], m["n_b"], m["n_c"], m["n_sep"], published, weekday)
        if d is None:
            return None
        return _Cand(wd.start() if wd is not None else start, end, d, d, "day")
    if kind == "dmy":
        cand = _day_cand(m, "dmy_", start, end, "")
        if cand is not None and not m["dmy_d2"]:
            _first_day_before(text, cand, max(prev_end, 0))
        return cand
    if kind == "yrange":
        a = int(m["yr_a"])
        b_text = m["yr_b"]
        b = int(b_text) if len(b_text) == 4 else a - a % 100 + int(b_text)
        if not a < b <= a + 100:
            return None
        return _Cand(start, end, datetime.date(a, 1, 1), datetime.date(b, 12, 31), "range")
    if kind == "decade":
        if m["dec_y"]:
            first = int(m["dec_y"])
        else:
            yy = int(m["dec_yy"])
            first = 1900 + yy if yy >= 20 else 2000 + yy
        lo, hi = datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31)
        cand = _Cand(start, end, lo, hi, "decade")
        mod, mstart = _mod_before(text, start, _PART_MODS, max(prev_end, 0))
        if mod:
            cand.lo, cand.hi = _part_of(lo, hi, "decade", mod)
            cand.start, cand.approximate = mstart, True
        return cand
    # a bare year
    year = int(m["y"])
    lo, hi = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    mod, mstart = _mod_before(text, start, _PART_MODS, max(prev_end, 0))
    if mod:
        lo, hi = _part_of(lo, hi, "year", mod)
        return _Cand(mstart, end, lo, hi, "year", approximate=True)
    window_start = max(0, start - 24)
    in_list = prev_end >= 0 and start - prev_end < 24 and _LIST_GAP.fullmatch(text, prev_end, start)
    if not in_list and not _PREP_BEFORE.search(text, window_start, start):
        return None
    if _QUANTITY_AFTER.match(text, end):
        return None
    approx = bool(_APPROX_BEFORE.search(text, window_start, start))
    return _Cand(start, end, lo, hi, "year", approximate=approx)


_DAY_TO_BEFORE = re.compile(
    r"(?:\b(?P<f>[Ff]rom|[Bb]etween)\s+)?(?<![\d.,:/$£€#-])(?P<a>3[01]|[12][0-9]|0?[1-9])"
    r"(?:st|nd|rd|th)?\s+(?P<w>to|through|until|till|and)\s+$"
)


def _first_day_before(text: str, cand: _Cand, floor: int) -> None:
    """ "from 13 to 15 July", "between 3 and 5 May": the bare first day joins the range.

    "13 and 15 July" without "between" names two days; the second one stays as it is.
    """
    m = _DAY_TO_BEFORE.search(text, max(floor, cand.start - 30), cand.start)
    if m is None or (m["w"] == "and" and not m["f"]):
        return
    first = int(m["a"])
    if cand.gran != "day" or first >= (cand.day or cand.lo.day):
        return
    if cand.yearless:
        cand.day, cand.day2 = first, cand.day
    else:
        cand.lo = cand.lo.replace(day=first)
    cand.start, cand.gran = m.start(), "range"


def _named_month_numeric(m: re.Match[str], kind: str, start: int, end: int) -> _Cand | None:
    """A numeric date whose month is a name: "2003-Sep-25", "25-Sep-03", "2014 January 19".

    The name tells the month, so the order of the numbers is plain: a four-digit year
    first is followed by the month and the day (either order), a day first by the year.
    """
    if kind == "ymon":
        year, month_text = int(m["ym_y"]), m["ym_m"] or m["ym_m2"]
        day = int(m["ym_d"] or m["ym_d2"])
    elif kind == "ysp":
        year, month_text = int(m["ys_y"]), m["ys_m"] or m["ys_m2"]
        day = int(m["ys_d"] or m["ys_d2"])
    elif kind == "dmon":
        y_text = m["dm_y"] or m["dm_y4"]
        year = int(y_text) if len(y_text) == 4 else _two_digit_year(int(y_text))
        month_text, day = m["dm_m"], int(m["dm_d"])
    else:
        year, month_text, day = int(m["dg_y"]), m["dg_m"], int(m["dg_d"])
    d = _safe_date(year, _MONTH_NUM[month_text[:3].lower()], day)
    return None if d is None else _Cand(start, end, d, d, "day")


def _dotted_day_range(m: re.Match[str], start: int, end: int) -> _Cand | None:
    """ "12.-14.06.2021": days 12 to 14 of June, written day first with dots.

    The day-range form exists only day first; a source set to month-first order gives no
    date rather than a reading it does not use.
    """
    if _ORDER.get() not in (None, "dmy"):
        return None
    a, b, month, year = int(m["dr_a"]), int(m["dr_b"]), int(m["dr_m"]), int(m["dr_y"])
    lo, hi = _safe_date(year, month, a), _safe_date(year, month, b)
    if lo is None or hi is None or hi <= lo:
        return None
    return _Cand(start, end, lo, hi, "range")


def _numeric_date(
    a: str, b: str, c: str, sep: str, published: datetime.date | None = None,
    weekday: int | None = None,
) -> datetime.date | None:
    """Read "06/17/2014", "13.03.2014", "2020/10/9" in the current day/month order.

    A four-digit first part is a year (year, month, day). Otherwise the year comes last
    and, with no order set, a day above 12 tells the order. Two parts that could each be
    the day or the month ("03/04/2024") are read only when exactly one reading falls in the
    news window of the published date (30 days before to 7 days after); otherwise no date,
    not a guess. A weekday written before the date ("Sunday 12/7/2014") must agree with
    the reading; it picks the one reading of two that falls on it, and makes a two-digit
    year after hyphens ("Friday 12-30-16") safe to read.
    """
    if weekday is not None:
        d = _numeric_date(a, b, c, "/" if sep == "-" else sep, None)
        if d is not None:
            return d if d.weekday() == weekday else None
        if len(a) == 4 or len(c) not in (2, 4) or _ORDER.get() is not None:
            return None
        year = int(c) if len(c) == 4 else _two_digit_year(int(c))
        fits = [d for d in (_safe_date(year, int(a), int(b)), _safe_date(year, int(b), int(a)))
                if d is not None and d.weekday() == weekday]  # fmt: skip
        return fits[0] if len(fits) == 1 else None
    if len(a) == 4:
        if len(b) > 2 or len(c) > 2:
            return None
        if int(b) > 12 >= int(c):
            # "2017-22-06": only year-day-month fits; read where no order or day-first is set
            return _safe_date(int(a), int(c), int(b)) if _ORDER.get() in (None, "dmy") else None
        return _safe_date(int(a), int(b), int(c))
    if len(c) not in (2, 4) or (len(c) == 2 and sep == "-"):
        return None  # "3-2-1", "10-12-15": scores and codes, not dates
    if len(c) == 2 and sep == "." and (len(a) < 2 or len(b) < 2):
        return None  # "1.1.30", "2.4.11": version numbers; dotted dates pad "01.01.30"
    year = int(c) if len(c) == 4 else _two_digit_year(int(c))
    x, y = int(a), int(b)
    order = _ORDER.get()
    if order == "ymd":
        return None
    if order is None:
        if x == y or (x > 12 and y > 12):
            order = "mdy"
        elif x > 12:
            order = "dmy"
        elif y > 12:
            order = "mdy"
        else:
            return _in_news_window(year, x, y, published)
    month, day = (x, y) if order == "mdy" else (y, x)
    return _safe_date(year, month, day)


def _in_news_window(
    year: int, x: int, y: int, published: datetime.date | None
) -> datetime.date | None:
    """The one reading of an ambiguous x/y/year near the published date, if only one is.

    A reading is near when it falls 30 days before to 7 days after publication. The
    month-first reading (the default of English sources and of the peers, dateutil and
    dateparser) is taken when it alone is near; the day-first one only when it alone is
    near and the month-first one is also far from publication (more than 45 days either
    way): "10/09/2003" in an article of 25 September 2003 could be 10 September (reported)
    or 9 October (announced), so it gives no date.
    """
    if published is None:
        return None
    lo, hi = published - datetime.timedelta(days=30), published + datetime.timedelta(days=7)
    month_first, day_first = _safe_date(year, x, y), _safe_date(year, y, x)
    near = [d for d in (month_first, day_first) if d is not None and lo <= d <= hi]
    if len(near) != 1:
        return None
    far = datetime.timedelta(days=45)
    if near[0] == day_first and month_first is not None and abs(month_first - published) <= far:
        return None
    return near[0]


def _day_cand(m: re.Match[str], p: str, start: int, end: int, weekday: str) -> _Cand | None:
    month_text = m[p + "m"]
    if m.groupdict().get(p + "dot") and not m[p + "y"]:
        return None  # "1. Sept 2000" is a date; "chapter 1. May" may be a sentence break
    if month_text[0].islower() and not m[p + "y"] and month_text[:3] in ("may", "mar"):
        return None  # "5 may have", "3 march on": the verbs, not the months
    month = _MONTH_NUM[month_text[:3].lower()]
    day, day2 = int(m[p + "d"].rstrip("stndrh")), 0
    if m[p + "d2"]:
        day2 = int(m[p + "d2"].rstrip("stndrh"))
        if day2 <= day:
            day2 = 0
    gran = "range" if day2 else "day"
    if m[p + "y"]:
        y_text = m[p + "y"].lstrip("'’")
        year = int(y_text) if len(y_text) == 4 else _two_digit_year(int(y_text))
        lo = _safe_date(year, month, day)
        hi = _safe_date(year, month, day2) if day2 else lo
        if lo is None or hi is None:
            return None
        return _Cand(start, end, lo, hi, gran)
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: accepts 29 Feb
        return None
    return _Cand(
        start, end, _MIN, _MIN, gran, relative=True, month=month, day=day, day2=day2,
        weekday=_weekday_num(weekday), yearless=True,
    )  # fmt: skip


def _month_cand(
    text: str, head: int, prev_end: int, published: datetime.date | None
) -> _Cand | None:
    m = _MONTH_RE.match(text, head)
    if m is None:
        abbr = _ABBR_MONTH_RE.match(text, head)
        if abbr is None:
            return None
        # "the second of Aug.": an abbreviated month after a day as an ordinal word
        abbr_month = _MONTH_NUM[abbr["m"][:3].lower()]
        return _ordinal_of_month(text, head, abbr.end(), max(prev_end, 0), abbr_month, None)
    kind = m.lastgroup
    start, end = m.span()
    floor = max(prev_end, 0)
    if kind == "msep":  # "Sep-25-2003", "Sep/25/03", "Oct-2"
        y_text = m["ms_y"] or m["ms_y4"]
        if not y_text:
            # without a year only "Oct-2": a capital month and a hyphen ("Oct/2", "oct.2" and
            # "Jan-1-" are codes or fractions as often as dates)
            if m["ms_s"] != "-" or not text[head].isupper() or text.startswith("-", end):
                return None
            ms_month, ms_day = _MONTH_NUM[m["ms_m"][:3].lower()], int(m["ms_d"])
            if _safe_date(2000, ms_month, ms_day) is None:
                return None
            return _Cand(start, end, _MIN, _MIN, "day", relative=True, month=ms_month,
                         day=ms_day, yearless=True)  # fmt: skip
        year = int(y_text) if len(y_text) == 4 else _two_digit_year(int(y_text))
        d = _safe_date(year, _MONTH_NUM[m["ms_m"][:3].lower()], int(m["ms_d"]))
        return None if d is None else _Cand(start, end, d, d, "day")
    if kind == "mdy":
        cand = _day_cand(m, "mdy_", start, end, "")
        mod, mstart = _mod_before(text, start, _TIME_OF_DAY_MODS, floor)
        if cand is not None and mod:
            cand.start = mstart
        return cand
    ordinal = _ORDINAL_OF_BEFORE.search(text, max(floor, start - 22), start)
    if ordinal is not None and kind in ("my", "mo") and ordinal["o"].lower() in _DAY_ORDINALS:
        of_month = _MONTH_NUM[(m["my_m"] or m["mo_m"])[:3].lower()]
        return _ordinal_of_month(text, start, end, floor, of_month, m["my_y"])
    after = _ORDINAL_AFTER.match(text, end) if kind == "mo" else None
    if after is not None and (day := _day_ordinal(after["o"])) is not None:
        # "May eighth, 2010", "on March twenty-first.": the day after the month, in words
        month = _MONTH_NUM[m["mo_m"][:3].lower()]
        if after["y"]:
            d = _safe_date(int(after["y"]), month, day)
            return None if d is None else _Cand(start, after.end("y"), d, d, "day")
        if _safe_date(2000, month, day) is None:
            return None
        return _Cand(start, after.end("o"), _MIN, _MIN, "day", relative=True, month=month,
                     day=day, yearless=True)  # fmt: skip
    if kind in ("my", "mo") and _BAD_DAY_BEFORE.search(text, max(floor, start - 8), start):
        return None  # "32 August 2014", "29 February 2014": a day that does not exist
    if kind == "my":
        year, month = int(m["my_y"]), _MONTH_NUM[m["my_m"][:3].lower()]
        lo, hi = datetime.date(year, month, 1), _month_end(year, month)
        cand = _Cand(start, end, lo, hi, "month")
        mod, mstart = _mod_before(text, start, _PART_MODS, floor)
        if mod:
            cand.lo, cand.hi = _part_of(lo, hi, "month", mod)
            cand.start, cand.approximate = mstart, True
        return cand
    # a month name alone: "in March", "early March", "last March"
    mod, mstart = _mod_before(text, start, _MONTH_MODS, floor)
    if not mod:
        window_start = max(0, start - 24)
        in_list = (
            prev_end >= 0 and start - prev_end < 24 and _LIST_GAP.fullmatch(text, prev_end, start)
        )
        if (
            not in_list
            and not _PREP_BEFORE.search(text, window_start, start)
            and not _time_adverb_slot(text, start, end, floor)
        ):
            return None
        if text.endswith("the ", window_start, start):  # "the March on Washington"
            return None
    month = _MONTH_NUM[m["mo_m"][:3].lower()]
    cand = _Cand(mstart, end, _MIN, _MIN, "month", relative=True, month=month, yearless=True)
    if mod in ("last", "this", "next"):
        if published is None:
            return None
        year = published.year
        if mod == "last" and month >= published.month:
            year -= 1
        elif mod == "next" and month <= published.month:
            year += 1
        cand.lo, cand.hi = datetime.date(year, month, 1), _month_end(year, month)
        cand.yearless = False
    elif mod:
        cand.approximate = True
        cand.part = mod
    return cand


_TIME_OF_DAY_MODS = frozenset(["early", "late"])
_FRACTION_BEFORE = re.compile(r"\b(?:[Aa]n?|[Oo]ne)[ \t]+$")
_ABBR_MONTH_RE = re.compile(r"(?P<m>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?![A-Za-z0-9])")


def _ordinal_of_month(
    text: str, start: int, end: int, floor: int, month: int, year: str | None
) -> _Cand | None:
    """ "the first of March (2014)", "the twenty-fourth of May": a day as an ordinal word."""
    ordinal = _ORDINAL_OF_BEFORE.search(text, max(floor, start - 22), start)
    if ordinal is None or ordinal["o"].lower() not in _DAY_ORDINALS:
        return None
    o_start = ordinal.start()
    day: int | None = _DAY_ORDINALS[ordinal["o"].lower()]
    tens = _TENS_BEFORE.search(text, max(floor, ordinal.start("o") - 12), ordinal.start("o"))
    if tens is not None:
        day = _day_ordinal(tens["t"] + "-" + ordinal["o"])
        o_start = tens.start()
    elif text[max(0, ordinal.start("o") - 1) : ordinal.start("o")] == "-":
        day = None
    if day is None:
        return None  # "Seventy-fourth of May", "1-fourth": not a day read whole
    if _FRACTION_BEFORE.search(text, max(floor, o_start - 6), o_start):
        return None  # "a third of March", "one fifth of Jan.": a part of the month
    if year:
        d = _safe_date(int(year), month, day)
        return None if d is None else _Cand(o_start, end, d, d, "day")
    if _safe_date(2000, month, day) is None:
        return None
    return _Cand(o_start, end, _MIN, _MIN, "day", relative=True, month=month,
                 day=day, yearless=True)  # fmt: skip
# digits right before a month name that did not make a day with it
_BAD_DAY_BEFORE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_ORDINAL_OF_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?\b(?P<o>[A-Za-z]+)\s+of\s+$")
# a tens word before an ordinal word: "(the) twenty-fourth"
_TENS_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?\b(?P<t>(?i:twenty|thirty))[- ]$")
_DAY_ORDINALS = {
    **{w: int(v) for w, v in lexicon.pairs("ordinals.txt") if w.isalpha()},
    **{w: int(v) for w, v in lexicon.pairs("date_ordinal_words.txt")},
}
# an ordinal word after a full month name: with a year, or closing its clause
_ORDINAL_AFTER = re.compile(
    rf"[ \t]+(?:the[ \t]+)?(?P<o>(?i:(?:twenty|thirty)[- ])?[a-z]+)"
    rf"(?:,?[ \t]+(?P<y>{_DAY_YEAR})(?![0-9])|(?=[ \t]*(?:[,;:)]|\.(?:\s|$)|$)))"
)


def _day_ordinal(words: str) -> int | None:
    """The day of an ordinal word: "eighth" 8, "twenty-fourth" 24, "Thirty first" 31."""
    low = words.lower().replace(" ", "-")
    tens, dash, unit = low.rpartition("-")
    if not dash:
        return _DAY_ORDINALS.get(low)
    value = {"twenty": 20, "thirty": 30}.get(tens)
    n = _DAY_ORDINALS.get(unit)
    if value is None or n is None or n > 9:
        return None
    return value + n if value + n <= 31 else None


def _holiday_key(surface: str) -> str:
    name = " ".join(surface.lower().replace("’", "'").split())
    if name.startswith(("martin luther king", "mlk")):
        return "martin luther king"
    for suffix in (" day", " sunday"):
        if name.endswith(suffix) and name != "new year's day":
            name = name[: -len(suffix)]
    return {"new year's day": "new year's", "veterans'": "veterans"}.get(name, name)


def _holiday_cand(
    text: str, head: int, floor: int, published: datetime.date | None
) -> _Cand | None:
    """Named days: "Christmas Eve", "Thanksgiving", "July Fourth", "Memorial Day 2015"."""
    m = _HOLIDAY_RE.match(text, head)
    if m is None:
        return None
    start, end = m.span()
    key = _holiday_key(m["h"])
    if m["hy"]:
        d = _holiday(key, int(m["hy"]))
        return _Cand(start, end, d, d, "day")
    if (
        key in _HOLIDAY_BARE
        and m["h"].lower() == m["h"].lower().split()[0]
        and not (_HOLIDAY_PREP_BEFORE.search(text, max(floor, start - 12), start))
    ):
        return None  # "Christmas tree", "Easter egg": only "on Christmas" is a date
    if published is None:
        return None
    if _future_before(text, start, floor):
        d = _holiday(key, published.year)
        if d < published:
            d = _holiday(key, published.year + 1)
    else:
        d = _holiday(key, published.year)
        if d > published + datetime.timedelta(days=7):
            d = _holiday(key, published.year - 1)
    return _Cand(start, end, d, d, "day", relative=True)


_MONTH_MODS = _PART_MODS | {"last", "this", "next"}
_WEEK_AFTER = re.compile(r",?[ \t]+(?:of[ \t]+)?(?P<w>[Tt]his|[Ll]ast|[Nn]ext)[ \t]+week\b(?!['’])")
# a date after a weekday, in a form read on its own or not at all
_DATE_AFTER_WEEKDAY = re.compile(rf",?[ \t]+(?:[0-9]{{1,4}}([/.-])[0-9]{{1,2}}\1[0-9]|{_MON})")
_EVERY_BEFORE = re.compile(r"\b(?:[Ee]very|[Ee]ach)\s+$")


def _weekday_cand(
    text: str, head: int, floor: int, published: datetime.date | None
) -> _Cand | None:
    m = _WEEKDAY_RE.match(text, head)
    if m is None:
        return None
    start, end = m.span()
    if m["wmdy"] is not None:
        cand = _day_cand(m, "wmdy_", start, end, m["wd_n"])
    elif m["wdmy"] is not None:
        cand = _day_cand(m, "wdmy_", start, end, m["wd_n"])
    else:
        if published is None or _DATE_AFTER_WEEKDAY.match(text, m.end("wd_n")):
            return None  # "Sunday 12/7/2014", "Sunday, March, 6th": the day of that date
        mod, mstart = _mod_before(text, start, _WEEKDAY_MODS, floor)
        wd = _WEEKDAY_NUM[m["wd_n"][:3].lower()]
        found, cand = _of_month(text, start, m.end("wd_n"), "weekday", wd, floor, published)
        if found:
            return cand
        if _EVERY_BEFORE.search(text, max(floor, start - 8), start):
            return None  # "every Sunday", "each Monday": a recurrence, not one day
        counted = (
            _COUNTED_WEEKDAY_BEFORE.search(text, max(floor, start - 16), start)
            if start >= 2 and text[start - 2] in "tdh"  # the last letter of every ordinal
            else None
        )
        if counted is not None and not counted["a"]:
            # "the second Sunday", "first Tuesday": the n-th of a month not named, or of a
            # run the story counts; "a second Sunday" (another one) stays the latest
            return None
        wd_end = m.end("wd_n")
        the_day = _THE_DAY_AFTER.match(text, wd_end) if "the" in text[wd_end : wd_end + 6] else None
        if the_day is not None and not mod:
            # "Friday the 15th", "Thursday the twenty first": that day of a month near
            # publication on which it falls on that weekday
            n = _the_day_number(the_day)
            if n is not None:
                d = _weekday_day(published, wd, n, _future_before(text, start, floor))
                return None if d is None else _Cand(start, the_day.end("d"), d, d, "day",
                                                    relative=True)  # fmt: skip
            if the_day["month"] is not None or (
                the_day["end"] is not None and the_day["d"].lower() in _NUMBER_WORDS
            ):
                return None  # "Friday the 13th of May" (read from the day), "Friday the fifteen"
        week = _WEEK_AFTER.match(text, end)
        if week is not None and not mod:
            # "Friday of last week", "Tuesday next week": that day of that calendar week
            monday, _, _, _ = _relative_unit(published, week["w"].lower(), "week")
            d = monday + datetime.timedelta(days=wd)
            return _Cand(start, week.end(), d, d, "day", relative=True)
        if (
            m["wd_abbr"]
            and mod not in ("last", "next", "this", "this past", "past")
            and not _time_adverb_slot(text, start, end, floor)
        ):
            return None  # "Sat down", "The Sun": an abbreviation needs a date or "last"
        if not mod and _future_before(text, start, floor):
            mod = "this"  # "is scheduled to appear in court Friday": the coming one
        d = _relative_weekday(published, _WEEKDAY_NUM[m["wd_n"][:3].lower()], mod)
        cand = _Cand(mstart, end, d, d, "day", relative=True)
        cand.cycle = "" if mod else "week"
        return cand
    mod, mstart = _mod_before(text, start, _TIME_OF_DAY_MODS, floor)
    if cand is not None and mod:
        cand.start = mstart
    return cand


# an ordinal right before a weekday ("the second Sunday"), with an article if one is there
_COUNTED_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?P<a>[Aa]n?)[ \t]+)?(?<![A-Za-z0-9-])(?P<o>(?i:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth)|(?:10|[1-9])(?:st|nd|rd|th))[ \t]+$"
)
# "the 15th", "the twenty first" after a weekday; ``month``: a month follows, ``end``: the
# clause ends after the number
_THE_DAY_AFTER = re.compile(
    r",?[ \t]+the[ \t]+(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?P<suffix>st|nd|rd|th)?"
    r"|(?:(?i:twenty|thirty)[- ])?[A-Za-z]+)(?![A-Za-z0-9-])"
    rf"(?P<month>(?=[ \t]+(?:of[ \t]+)?{_MON_CI}))?"
    r"(?P<end>(?=[ \t]*(?:[,;:)!?]|\.(?:\s|$)|$)))?"
)


def _the_day_number(m: re.Match[str]) -> int | None:
    """The day an ordinal after a weekday names, if it reads as one on its own."""
    if m["month"] is not None:
        return None
    words = m["d"]
    if words[0].isdigit():
        n = int(words.rstrip("stndrh"))
        return n if m["suffix"] or m["end"] is not None else None
    return _day_ordinal(words) if m["end"] is not None else None


def _weekday_day(
    published: datetime.date, weekday: int, day: int, future: bool
) -> datetime.date | None:
    """The day ``day`` of a month near publication that falls on ``weekday``.

    The latest such day of a month no later than seven days after publication, or the
    one a month before it (after a scheduling word: the coming one, or the one a month
    after); when the weekday fits neither, no date.
    """
    limit = published + datetime.timedelta(days=7)
    days: list[datetime.date] = []
    for shift in ((0, 1, 2) if future else (1, 0, -1, -2, -3)):
        y, mo = _add_months(published.year, published.month, shift)
        d = _safe_date(y, mo, day)
        if d is not None and (d >= published if future else d <= limit):
            days.append(d)
    for d in days[:2]:
        if d.weekday() == weekday:
            return d
    return None


def _season_cand(text: str, head: int, floor: int, published: datetime.date | None) -> _Cand | None:
    m = _SEASON_RE.match(text, head)
    if m is not None:
        start, end = m.span()
        lo, hi = _season_interval(m["s_name"], int(m["s_y"]))
        cand = _Cand(start, end, lo, hi, "season")
        mod, mstart = _mod_before(text, start, _PART_MODS, floor)
        if mod:
            cand.lo, cand.hi = _part_of(lo, hi, "season", mod)
            cand.start, cand.approximate = mstart, True
        return cand
    if published is None:
        return None
    mod, mstart = _mod_before(text, head, _SEASON_MODS, floor)
    if not mod:
        return None
    name = _TRIGGER_WORD_RE.match(text, head)
    if name is None:
        return None
    return _relative_season(name.group().lower(), mod, mstart, name.end(), published)


_TRIGGER_WORD_RE = re.compile(r"[A-Za-z]+")

_OF_MONTH_AFTER = re.compile(
    rf"\s+(?P<p>of|in)\s+(?:(?:the\s+month\s+of\s+)?(?P<m>{_MON_CI})(?P<dot>\.)?"
    rf"(?:,?\s+(?P<y>{_YEAR_N})(?![0-9]))?|(?P<rel>[Tt]his|[Nn]ext|[Ll]ast)\s+month\b(?!['’]))"
)
_MONTH_ABBREVIATIONS = frozenset(k for k in _MONTH_NUM if k != "may") | {"sept"}
_ORDINAL_VALUES = {w: int(v) for w, v in lexicon.pairs("ordinals.txt")}
_ORDINAL_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:[Tt]he\s+)?(?P<o>[A-Za-z0-9]+)\s+$")


def _of_month(
    text: str, start: int, end: int, unit: str, weekday: int | None, floor: int,
    published: datetime.date | None,
) -> tuple[bool, _Cand | None]:
    """ "last Monday of March", "first week of October 2014", "the third day of May",
    "the second Monday in October" ("in" after a counting ordinal only).

    Returns (True, the candidate or None) when "of <month>" follows the word: the
    modifier then counts inside that month ("last", "first" ... "tenth"); any other
    modifier ("next Monday of March") gives no date rather than a day of the wrong month.
    (False, None) when no month follows.
    """
    m = _OF_MONTH_AFTER.match(text, end)
    if m is None:
        return False, None
    o = _ORDINAL_BEFORE.search(text, max(floor, start - 16), start)
    word = o["o"].lower() if o is not None else ""
    n = -1 if word == "last" else _ORDINAL_VALUES.get(word, 0)
    if m["p"] == "in" and n <= 0:
        return False, None  # "last Monday in March": "in" only after a counting ordinal
    if not n:
        return True, None
    if m["rel"]:
        if published is None:
            return True, None
        # "the first Friday of next month": the month counted from publication
        first, _, _, _ = _relative_unit(published, m["rel"].lower(), "month")
        year, month = first.year, first.month
    elif m["y"]:
        month = _MONTH_NUM[m["m"][:3].lower()]
        year = int(m["y"])
    elif published is None:
        return True, None
    else:
        month = _MONTH_NUM[m["m"][:3].lower()]
        found = _resolve_year(month, 1, published, None, _future_before(text, start, floor))
        if found is None:
            return True, None
        year = found
    first, last = datetime.date(year, month, 1), _month_end(year, month)
    gran, approx = "day", False
    if unit == "weekday" and weekday is not None:
        if n > 5:
            return True, None
        lo = hi = _nth_weekday(year, month, weekday, n)
        if lo.month != month:
            return True, None
    elif unit == "week":
        # the n-th week: from its first day to the end of the n-th full Monday-Sunday week
        # (or from the start of the last full week to the month's end): covers both readings
        if n > 5:
            return True, None
        if n > 0:
            monday = _nth_weekday(year, month, 0, n)
            lo = min(first + datetime.timedelta(days=7 * (n - 1)), monday)
            hi = min(monday + datetime.timedelta(days=6), last)
        else:
            lo, hi = _nth_weekday(year, month, 6, -1) - datetime.timedelta(days=6), last
        if lo.month != month:
            return True, None
        gran, approx = "range", True
    else:
        lo = hi = last if n < 0 else _safe_date(year, month, n) or last
        if n > 0 and lo != datetime.date(year, month, n):
            return True, None
    start = o.start() if o is not None else start
    end = m.end()
    if m["dot"] and not m["y"] and m["m"].lower() not in _MONTH_ABBREVIATIONS:
        end -= 1  # a full month name takes no period: it ends the sentence
    return True, _Cand(start, end, lo, hi, gran, relative=not m["y"], approximate=approx)


def _relative_season(name: str, mod: str, start: int, end: int, published: datetime.date) -> _Cand:
    year = published.year
    lo, hi = _season_interval(name, year)
    if mod in ("last", "this past"):
        while hi >= published:
            year -= 1
            lo, hi = _season_interval(name, year)
    elif mod == "next":
        while lo <= published:
            year += 1
            lo, hi = _season_interval(name, year)
    elif lo > published + datetime.timedelta(days=7) and mod != "later this":
        lo, hi = _season_interval(name, year - 1)
    return _Cand(start, end, lo, hi, "season", relative=True)


def _word_cand(
    text: str, head: int, end: int, word: str, floor: int, published: datetime.date
) -> _Cand | None:
    """Relative words: yesterday, today, last night, this morning, last week, two days ago."""
    if word in ("yesterday", "today", "tonight", "tomorrow"):
        if word == "today" and (
            text.endswith("USA ", max(0, head - 4), head) or _TODAY_REJECT.match(text, end)
        ):
            return None
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        start = head
        if word != "tonight" and (part := _DAY_PART_AFTER.match(text, end)) is not None:
            end = part.end()  # "today morning", "yesterday evening": the same day
        counted = _COUNT_LINK_BEFORE.search(text, max(floor, head - 40), head)
        if counted is not None:
            # "2 days before yesterday", "a week after today": counted from that day
            if not _count_starts_word(text, counted.start("n")):
                return None  # "twenty one days before ...": a part of the count only
            sign = 1 if counted["w"] == "after" else -1
            return _shift_cand([(counted["n"], counted["u"])], counted.start(), end,
                               published + datetime.timedelta(days=shift), sign)  # fmt: skip
        if shift:
            # "the day before yesterday", "(the) day after tomorrow": one day further
            link = _DAY_LINK_BEFORE.search(text, max(floor, head - 20), head)
            if link is not None:
                if (link["w"] == "before") != (shift < 0):
                    return None  # "the day after yesterday": no date rather than a guess
                shift, start = 2 * shift, link.start()
        d = published + datetime.timedelta(days=shift)
        return _Cand(start, end, d, d, "day", relative=True)
    if word.startswith("from") or word == "hence":  # "four days from now", "a week hence"
        found = _counts_before(text, head, floor)
        return None if found is None else _shift_cand(found[0], found[1], end, published, 1)
    if word[:4] in ("last", "next", "this"):  # "last fri", "next tues"
        mod, _, name = word.partition(" ")
        name = name.strip().rstrip(".")
        if name not in _LOWER_WEEKDAYS:
            return None
        wd_end = head + len(word.rstrip("."))
        of_month, cand = _of_month(text, head, wd_end, "weekday", _WEEKDAY_NUM[name[:3]], floor,
                                   published)  # fmt: skip
        if of_month:
            return cand
        d = _relative_weekday(published, _WEEKDAY_NUM[name[:3]], mod)
        return _Cand(head, end, d, d, "day", relative=True)
    if word in ("night", "morning", "afternoon", "evening"):
        mod, mstart = _mod_before(text, head, _NIGHT_MODS, floor)
        if mod == "last" and word == "night":
            d = published - _ONE_DAY
        elif mod == "this" and word != "night":
            d = published
        else:
            return None
        return _Cand(mstart, end, d, d, "day", relative=True)
    if word == "ago":
        found = _counts_before(text, head, floor)
        return None if found is None else _shift_cand(found[0], found[1], end, published, -1)
    win = max(floor, head - 30)
    # a unit: "in three weeks", "in a year and two months" (a substring test first: cheap)
    if word != "weekend" and ("in " in text[win:head] or "In " in text[win:head]):
        m = _IN_COUNT_BEFORE.search(text, win, head)
        if (
            m is not None
            and _count_starts_word(text, m.start("n"))
            and (
                not _is_rate(text, m.start())
                or _SCHEDULE_BEFORE.search(text, max(floor, m.start() - 24), m.start())
            )
        ):
            parts = [(m["n"], word)]
            while (more := _COUNT_AFTER.match(text, end)) is not None:
                parts.append((more["n"], more["u"]))
                end = more.end()
            if text.startswith(" ago", end) or _ARITHMETIC_AFTER.match(text, end):
                return None  # "in 2 years ago", "in 1 decade +2 years": no date, not a guess
            # "in two weeks" is a date only where the sentence looks ahead ("will reopen in
            # two weeks"), or when it is all the text; "three arrests in two weeks" is a span
            if (
                (m.start() == 0 and end == len(text.rstrip(". ")))
                or _future_before(text, m.start(), floor)
                or _WILL_AFTER.search(text, end, _sentence_end(text, end))
            ):
                cand = _shift_cand(parts, m.start(), end, published, 1)
                # "within two weeks", "in the next 30 days": from now until then
                if cand is not None and (
                    not text.startswith(("in ", "In "), m.start())
                    or "next" in text[m.start() : m.start("n")]
                ):
                    cand.lo, cand.gran, cand.approximate = published, "range", True
                return cand
            return None
    if word == "quarter":
        return _quarter_cand(text, head, end, floor, published)
    if word.rstrip("s") in _PERIOD_UNITS and (period := _period_cand(text, head, end, word,
                                                                    floor, published)):
        return period  # fmt: skip
    if word in ("week", "day"):
        of_month, cand = _of_month(text, head, end, word, None, floor, published)
        if of_month:
            return cand
    if word not in ("week", "weekend", "fortnight", "month", "year"):
        return None
    # week, weekend, month, year
    mod, mstart = _mod_before(text, head, _UNIT_MODS, floor)
    if not mod:
        return None
    if word == "fortnight" and mod not in ("last", "next", "past", "this past", "the past",
                                           "over the"):
        return None  # "this fortnight": which fourteen days is not told
    lo, hi, gran, approx = _relative_unit(published, mod, word)
    if word == "week" and mod in ("this", "next", "last"):
        wd = _WEEKDAY_AFTER_WEEK.match(text, end)
        if wd is not None and not _DATE_AFTER_WEEKDAY.match(text, wd.end()):
            # "next week Sunday", "last week on Friday": that day of that calendar week
            d = lo + datetime.timedelta(days=_WEEKDAY_NUM[wd["w"][:3].lower()])
            return _Cand(mstart, wd.end(), d, d, "day", relative=True)
    if word == "month" and mod in ("this", "next", "last"):
        of = _DAY_OF_BEFORE.search(text, max(floor, mstart - 30), mstart)
        if of is not None:
            n = _day_of_number(of["d"])
            if n is not None:
                # "the 20th of next month", "the second of this month": that day of it
                day = _safe_date(lo.year, lo.month, n)
                return None if day is None else _Cand(of.start(), end, day, day, "day",
                                                      relative=True)  # fmt: skip
            if of["unit"] is not None:
                return None  # "the fifth Sunday of this month", read or not, from its unit
    return _Cand(mstart, end, lo, hi, gran, relative=True, approximate=approx)


_NIGHT_MODS = frozenset(["last", "this"])
_WEEKDAY_AFTER_WEEK = re.compile(
    r",?[ \t]+(?:on[ \t]+)?(?P<w>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"(?![A-Za-z'’])"
)
# a day before "of this/next/last month": "the 20th of", "twenty second of"; ``unit``: a
# weekday, week or day counted in the month ("the fifth Sunday of", "the first week in")
_DAY_OF_BEFORE = re.compile(
    r"(?:\b[Tt]he[ \t]+)?(?<![A-Za-z0-9-])(?:(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)"
    r"|(?:(?i:twenty|thirty)[- ])?[A-Za-z]+)[ \t]+of|[A-Za-z0-9]+[ \t]+(?P<unit>(?i:day|week"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday))[ \t]+(?:of|in))[ \t]+$"
)


def _day_of_number(words: str | None) -> int | None:
    if not words:
        return None
    if words[0].isdigit():
        return int(words.rstrip("stndrh"))
    return _day_ordinal(words)


_PERIOD_UNITS = frozenset(["day", "week", "fortnight", "month", "year"])
_PERIOD_BEFORE = re.compile(
    "(?P<w>" + _word_alternatives("last|past|next") + r")\s+" + _COUNT_N + r"\s+$"
)
_OF_AFTER = re.compile(r"\s+of\b")


def _period_cand(
    text: str, head: int, end: int, word: str, floor: int, published: datetime.date
) -> _Cand | None:
    """ "the past two weeks", "last 3 months", "the next 10 days": a period up to or from
    publication.

    Counted in days or in calendar units, both readings are in use ("the last 2 weeks":
    the 14 days before, or the two calendar weeks before this one), so the interval runs
    from the earlier start to publication (or from publication to the later end), marked
    approximate. "The last two days of the trial" counts from an event: no date; so does
    "the next ten years" where the sentence does not look ahead.
    """
    m = _PERIOD_BEFORE.search(text, max(floor, head - 30), head)
    if m is None or not _count_starts_word(text, m.start("n")) or _OF_AFTER.match(text, end):
        return None
    if _COUNT_AFTER.match(text, end):
        return None  # "next 2 weeks 3 days": a second count the period does not take
    n = _count_value(m["n"])
    if n is None or not 0 < n <= 100:
        return None
    unit = word.rstrip("s")
    start = m.start()
    the = _THE_BEFORE.search(text, max(floor, start - 9), start)
    if the is not None:
        start = the.start()
    back = m["w"].lower() != "next"
    if not back and not (
        _future_before(text, m.start(), floor)
        or _WILL_AFTER.search(text, end, _sentence_end(text, end))
        or (m.start() == 0 and end == len(text.rstrip(". ")))
    ):
        return None  # "Over the next 10 years, he spent time in jail": from the story's moment
    try:
        if unit in ("day", "week", "fortnight"):
            days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
            if back:
                lo = published - datetime.timedelta(days=days)
                if unit == "week":
                    lo = _week_of(lo)[0]
                return _Cand(start, end, lo, published, "range", relative=True, approximate=True)
            hi = published + datetime.timedelta(days=days)
            return _Cand(start, end, published, hi, "range", relative=True, approximate=True)
        months = n * (12 if unit == "year" else 1)
        y, mo = _add_months(published.year, published.month, -months if back else months)
        if back:
            lo = datetime.date(y, 1 if unit == "year" else mo, 1)
            return _Cand(start, end, lo, published, "range", relative=True, approximate=True)
        hi = datetime.date(y, 12, 31) if unit == "year" else _month_end(y, mo)
        return _Cand(start, end, published, hi, "range", relative=True, approximate=True)
    except (ValueError, OverflowError):
        return None


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_QUARTER_YEAR_AFTER = re.compile(rf",?\s+(?:of\s+)?(?P<y>{_YEAR_N})(?![0-9])")
# "the previous week/quarter" counts from the story's moment, not publication: not read
_QUARTER_MODS = frozenset(["last", "this", "next", "current"])


def _quarter_cand(
    text: str, head: int, end: int, floor: int, published: datetime.date
) -> _Cand | None:
    """ "the third quarter of 2018", "4th quarter 2018", "last quarter" (calendar quarters).

    An ordinal quarter needs its year ("the fourth quarter" is also a period of a game);
    "last/this/next quarter" is read only without "the" before it ("in the last quarter"
    of a game).
    """
    y = _QUARTER_YEAR_AFTER.match(text, end)
    if y is not None:
        o = _ORDINAL_BEFORE.search(text, max(floor, head - 16), head)
        word = o["o"].lower() if o is not None else ""
        n = 4 if word in ("last", "final") else _ORDINAL_VALUES.get(word, 0)
        if not 1 <= n <= 4 or o is None:
            return None
        year, first = int(y["y"]), 3 * n - 2
        return _Cand(o.start(), y.end(), datetime.date(year, first, 1),
                     _month_end(year, first + 2), "range")  # fmt: skip
    mod, mstart = _mod_before(text, head, _QUARTER_MODS, floor)
    if not mod or text.endswith(("the ", "The "), max(0, mstart - 4), mstart):
        return None
    shift = {"last": -1, "next": 1}.get(mod, 0)
    year, first = _add_months(published.year, published.month - (published.month - 1) % 3,
                              3 * shift)  # fmt: skip
    return _Cand(mstart, end, datetime.date(year, first, 1), _month_end(year, first + 2), "range",
                 relative=True)  # fmt: skip


def _sentence_end(text: str, pos: int) -> int:
    stop = text.find(".", pos, pos + 80)
    return stop if stop >= 0 else min(len(text), pos + 80)


def _count_value(n_text: str) -> int | None:
    n_text = " ".join(n_text.lower().replace("-", " ").split())
    if n_text.isdigit():
        return int(n_text)
    if n_text in _NUMBER_WORDS:
        return _NUMBER_WORDS[n_text]
    tens, _, unit = n_text.partition(" ")
    if tens in _TENS and unit in _UNITS_1_9:
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[unit]
    return None


def _count_starts_word(text: str, start: int) -> bool:
    """Whether the count read before a unit is the whole number written.

    "twenty one days ago" cut to "one days ago", or "1.5 days", would give a wrong date.
    """
    if start == 0:
        return True
    before = text[max(0, start - 9) : start]
    if before[-1:] in ".,-" and start >= 2 and text[start - 2].isdigit():
        return False
    if before[-1:].isalnum() or before[-1:] in ".-":
        return False
    words = before.lower().replace("-", " ").split()
    return not (words and words[-1] in _TENS and before[-1:] in " -")


_UNIT_DAYS = {"day": 1, "d": 1, "week": 7, "wk": 7, "w": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "mo": 1, "mon": 1, "year": 12, "yr": 12, "y": 12, "decade": 120,
                "century": 1200}  # fmt: skip


def _counts_before(text: str, pos: int, floor: int) -> tuple[list[tuple[str, str]], int] | None:
    """The counts of units that end at ``pos`` ("1 year, 2 months "), leftmost first."""
    parts: list[tuple[str, str]] = []
    while (m := _COUNT_BEFORE.search(text, max(floor, pos - 40), pos)) is not None:
        parts.append((m["n"], m["u"]))
        pos = m.start()
    if not parts or not _count_starts_word(text, pos):
        return None
    parts.reverse()
    return parts, pos


def _shift_cand(
    parts: list[tuple[str, str]], start: int, end: int, published: datetime.date, sign: int
) -> _Cand | None:
    """Counts of units before (``sign`` -1, "ago") or after (+1) the published date.

    The interval is the finest unit named: a day, a Monday-Sunday week, a month or a year;
    decades and centuries alone give the year, marked approximate.
    """
    months = days = 0
    finest = "year"
    for n_text, unit_text in parts:
        n = _count_value(n_text)
        unit = unit_text.lower()
        if unit.endswith("ies"):
            unit = unit[:-3] + "y"
        elif unit.endswith("s") and unit != "s":
            unit = unit[:-1]
        if n is None or (len(unit) < 3 and not n_text.isdigit()):
            return None  # "a y ago": abbreviations only after digits
        if unit in _UNIT_DAYS:
            days += _UNIT_DAYS[unit] * n
            finest = "day" if unit in ("day", "d") or finest == "day" else "week"
        elif unit in _UNIT_MONTHS:
            months += _UNIT_MONTHS[unit] * n
            if finest == "year" and _UNIT_MONTHS[unit] < 12:
                finest = "month"
        else:
            return None
    try:
        y, mo = _add_months(published.year, published.month, sign * months)
        if finest in ("day", "week"):
            day = _safe_date(y, mo, min(published.day, calendar.monthrange(y, mo)[1]))
            if day is None:
                return None
            d = day + datetime.timedelta(days=sign * days)
            if finest == "day":
                return _Cand(start, end, d, d, "day", relative=True)
            lo, hi = _week_of(d)
            return _Cand(start, end, lo, hi, "week", relative=True)
        if finest == "month" or months % 12:
            return _Cand(start, end, datetime.date(y, mo, 1), _month_end(y, mo), "month",
                         relative=True)  # fmt: skip
        return _Cand(start, end, datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year",
                     relative=True, approximate=months >= 120)  # fmt: skip
    except (ValueError, OverflowError):
        return None  # before year 1 or after 9999


# four digits right before a year-less day: its year, written in a form not read
_NUMBER_BEFORE = re.compile(r"(?<![0-9.,])[0-9]{4}[ \t]+$")


def _finish_yearless(cands: list[_Cand], text: str, published: datetime.date | None) -> list[_Cand]:
    """Give year-less days/months a year: from a dated neighbour in a list, else published."""
    next_year: tuple[int, int, int] | None = None  # year, month, day of the right neighbour
    next_start = -1
    keep: list[_Cand] = []
    for c in reversed(cands):
        if c.yearless and c.day and _NUMBER_BEFORE.search(text, max(0, c.start - 8), c.start):
            continue  # "0000 Jun 20": a year the finder cannot read; no date, not a guess
        if c.yearless:
            ok = False
            if (
                next_year is not None
                and next_start - c.end < 24
                and (
                    _LIST_GAP.fullmatch(text, c.end, next_start)
                    or _MERGE_GAP.fullmatch(text, c.end, next_start)
                )
            ):
                year, n_month, n_day = next_year
                if (c.month, c.day) > (n_month, n_day):
                    year -= 1
                ok = _yearless_interval(c, year)
                c.relative = False
            elif published is not None:
                future = _future_before(text, c.start, 0) or text.startswith(" deadline", c.end)
                year_found = _resolve_year(c.month, c.day or 1, published, c.weekday, future)
                ok = year_found is not None and _yearless_interval(c, year_found)
                c.cycle = "year" if c.weekday is None else ""
            if not ok:
                continue
            if c.part:  # "early March": cut the part once the year is known
                c.lo, c.hi = _part_of(c.lo, c.hi, "month", c.part)
            c.yearless = False
        next_year = (c.lo.year, c.lo.month, c.lo.day) if not c.relative else None
        next_start = c.start
        keep.append(c)
    keep.reverse()
    return keep


def _merge_ranges(cands: list[_Cand], text: str, published: datetime.date | None) -> list[_Cand]:
    """Join "between A and B", "from A to B" and "A - B"; open "since A", "until A"."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            if (a.lo, a.hi) != (b.lo, b.hi) and (
                (b.start - a.end < 16 and _MERGE_GAP.fullmatch(text, a.end, b.start))
                or (b.start - a.end < 32 and _CLOCK_MERGE_GAP.fullmatch(text, a.end, b.start))
            ):
                window = text[max(0, a.start - 10) : a.start]
                gap = text[a.end : b.start]
                opener = _BETWEEN_BEFORE.search(window) if "and" in gap else None
                if opener is None and "and" not in gap:
                    opener = _FROM_BEFORE.search(window)
                # "Friday to Monday", "17 August 2013 to 19 August 2013": "to" alone joins;
                # the second end moves forward when the published date put it before the first
                if (opener is not None or "and" not in gap) and (
                    a.lo <= b.hi or _roll_forward(b, a.lo)
                ):
                    start = a.start - (len(window) - opener.start()) if opener else a.start
                    out.append(
                        _Cand(start, b.end, a.lo, b.hi, "range",
                              relative=a.relative or b.relative,
                              approximate=a.approximate or b.approximate)
                    )  # fmt: skip
                    i += 2
                    continue
        start = a.start
        # "since", "until", "till", "by", "before", "after", "through", "up to", "the" all
        # end in one of these letters: a cheap test before the regex
        if start > 2 and text[start - 1] == " " and text[start - 2] in "elyrhoe":
            a = _open_range(a, text, published)
        out.append(a)
        i += 1
    return out


def _roll_forward(b: _Cand, lo: datetime.date) -> bool:
    """Move the second end of a range that the published date put before its first end.

    "Friday to Monday", "August 10 - November 12": each end alone is the most recent
    one, but the second follows the first; moved by one week or one year when that is
    enough (False, and ``b`` unchanged, otherwise).
    """
    if b.cycle == "week":
        step = datetime.timedelta(days=7)
        if b.hi + step >= lo:
            b.lo, b.hi = b.lo + step, b.hi + step
            return True
        return False
    if b.cycle == "year" and b.hi.year + 1 <= 9999:
        lo2, hi2 = _safe_date(b.lo.year + 1, b.lo.month, b.lo.day), _safe_date(
            b.hi.year + 1, b.hi.month, b.hi.day
        )
        if b.gran == "month":
            lo2, hi2 = datetime.date(b.lo.year + 1, b.lo.month, 1), _month_end(
                b.lo.year + 1, b.lo.month
            )
        if lo2 is not None and hi2 is not None and hi2 >= lo:
            b.lo, b.hi = lo2, hi2
            return True
    return False


def _open_range(c: _Cand, text: str, published: datetime.date | None) -> _Cand:
    if c.gran == "range" and (c.lo == _MIN or c.hi == _MAX):
        return c
    start = c.start
    opener = _OPEN_BEFORE.search(text, max(0, start - 12), start)
    if opener is None:
        return c
    word = opener["w"].lower()
    coarse = c.gran in ("month", "season", "year", "decade", "range")
    if word not in ("since", "until", "till") and (
        not coarse or _POSSESSIVE_AFTER.match(text, c.end)
    ):
        return c  # "after Sunday's game": a reference day, not an open interval
    lo, hi, relative = c.lo, c.hi, c.relative
    if word == "since":
        if published is not None and published >= c.lo:
            hi, relative = published, True
        else:
            hi = _MAX
    elif word == "after":
        lo, hi = c.hi + _ONE_DAY, _MAX
    elif word == "before":
        lo, hi = _MIN, c.lo - _ONE_DAY
    else:
        lo = _MIN
    return _Cand(opener.start(), c.end, lo, hi, "range", relative=relative,
                 approximate=c.approximate)  # fmt: skip


_WD_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# a weekday followed by "before last" / "after next": counted from a week the finder
# does not count ("Tuesday before last", "the Saturday after next")
_UNREAD_AFTER = re.compile(r"[ \t]+(?i:before|after)[ \t]+(?i:last|next)\b")
# a weekday before "in"/"of" and a month name that no ordinal reading took: "final
# Thursday in April" names a day of April, not a Thursday near publication
_MONTH_AFTER_WEEKDAY = re.compile(
    r"[ \t]+(?i:in|of)[ \t]+(?i:" + "|".join(_MONTH_NAMES) + r"|(?:jan|feb|mar|apr|jun|jul|aug|"
    r"sept?|oct|nov|dec)\.?)\b"
)
_BARE_WEEKDAY = re.compile(r"(?i:(?:this|next|last|past|coming)[ \t]+)?(?i:" + _WD_WORD + r")\.?")
# a date counted from by words the finder does not count: "3 days after next Wed", "a week
# on Tuesday", "4 Mondays from today", "the Sunday after next Wed", "next next Monday"
_UNREAD_BEFORE = re.compile(
    r"(?i:\b" + _COUNT_N + r"[ \t]+(?:days?|weeks?|fortnights?|months?|years?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)[ \t]+(?:before|after|from|on)"
    r"|\b" + _WD_WORD + r"[ \t]+(?:before|after)"
    r"|\b(?:final|penultimate)"
    # the first end of a range that did not read as a date: "first to last day of September"
    r"|\b(?:first|second|third|[0-9]{1,2}(?:st|nd|rd|th))[ \t]+(?:to|through|thru|until|till|-))"
    r"[ \t]+$"
)
# "1st Oct in the year '89": a year the finder does not attach
_IN_THE_YEAR_AFTER = re.compile(r"[ \t]+in[ \t]+the[ \t]+year\b", re.I)
_WRITTEN_YEAR = re.compile(r"[0-9]{4}|['’][0-9]{2}")
_LINK_WORDS = frozenset(
    ["before", "after", "from", "on", "to", "through", "thru", "until", "till", "-", "final",
     "penultimate"]
)  # fmt: skip
_LINK_UNITS = frozenset(["day", "week", "fortnight", "month", "year"])
# "25 03 Sep": a number right before a day-first date; "3 Aug 96 the": two digits after
_NUMBER_BEFORE_DAY = re.compile(r"(?<![0-9.,:/])[0-9]{1,2}[ \t]+$")
_DAY_MONTH = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?[A-Za-z]+\.?")
_TWO_DIGITS_AFTER = re.compile(r"[ \t]+['’]?[0-9]{2}(?![0-9:.,%])")
# "Jul 18, Fri": a weekday after a year-less day
_WEEKDAY_AFTER_DAY = re.compile(r",?[ \t]+(?P<w>(?i:" + _WD_WORD + r"))\b")


def _unread_context(c: _Cand, text: str) -> bool:
    """Whether words around a mention change its day in a way the finder does not read.

    Such a mention gives no date rather than the day its words alone would name: a
    weekday "before last" or "after next", a day counted from ("3 days after next Wed"),
    a weekday of a named month ("final Thursday in April"), a day before "in the year
    '89" or between numbers it did not take as a year ("25 03 Sep", "3 Aug 96 the"), a
    year-less day followed by a weekday it does not fall on, the second end of a range
    whose first end was not read. A possessive stays ("two days after Monday's attack":
    Monday is the attack's day).
    """
    start, end = c.start, c.end
    nxt = text[end : end + 1]
    if nxt in ("'", "’") and _POSSESSIVE_AFTER.match(text, end):
        return False
    surface = text[start:end]
    if start > 0 and text[start - 1] in " \t":
        window = text[max(0, start - 40) : start]
        words = window.split()[-2:]
        link = words[-1].lower() if words else ""
        if link in _LINK_WORDS:
            # cheap word tests first: the regex runs only after a link word and a unit,
            # weekday or ordinal before it
            if link in ("final", "penultimate"):
                return True
            prev = words[0].lower() if len(words) == 2 else ""
            if (
                prev.rstrip("s") in _LINK_UNITS or prev[:3] in _WEEKDAY_NUM
                or prev[:1].isdigit() or prev in _ORDINAL_VALUES
            ) and _UNREAD_BEFORE.search(window):
                return True
        elif link == "next" and surface[:4].lower() == "next":
            return True
        elif link[:1].isdigit() and surface[:1].isdigit() and _NUMBER_BEFORE_DAY.search(window):
            return not _WRITTEN_YEAR.search(surface)
    if nxt not in (" ", "\t", ","):
        return False
    if not _WRITTEN_YEAR.search(surface):
        if _IN_THE_YEAR_AFTER.match(text, end):
            return True
        if _DAY_MONTH.fullmatch(surface) and _TWO_DIGITS_AFTER.match(text, end):
            return True
        if c.lo == c.hi and (w := _WEEKDAY_AFTER_DAY.match(text, end)):
            named = _weekday_num(w["w"][:3].lower())
            if named is not None and named != c.lo.weekday():
                return True
    if _BARE_WEEKDAY.fullmatch(surface) is None:
        return False
    return bool(_UNREAD_AFTER.match(text, end) or _MONTH_AFTER_WEEKDAY.match(text, end))


# ---------------------------------------------------------------------------------------
# Public API


def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """Find the date mentions of a text and normalise each to an interval of days.

    :param text: the text to scan; offsets of the mentions refer to it.
    :param published: the article's publication date, used to resolve relative mentions
        ("Sunday", "last week", "Nov. 9"); when None, mentions that need it are skipped.
    :return: the mentions in text order; lists give one mention per item, ranges one in all.
    """
    if published is not None and not 1 < published.year < 9999:
        published = None  # relative dates would leave the calendar: read none of them
    cands = _scan(text, published)
    if not cands:
        return []
    if any(c.yearless for c in cands):
        cands = _finish_yearless(cands, text, published)
    cands = _merge_ranges(cands, text, published)
    cands = [c for c in cands if not _unread_context(c, text)]
    return [
        DateMention(
            c.start, c.end, text[c.start : c.end], c.lo, c.hi, c.gran, c.relative, c.approximate
        )  # fmt: skip
        for c in cands
    ]


def _lo_precision(d: datetime.date) -> str:
    if d.day != 1:
        return "day"
    return "year" if d.month == 1 else "month"


def _hi_precision(d: datetime.date) -> str:
    if d != _month_end(d.year, d.month):
        return "day"
    return "year" if d.month == 12 else "month"


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _iso_point(d: datetime.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def iso_value(m: DateMention) -> str:
    """A compact comparable value: ``2023-10-07``, ``2020-03``, ``2008``, ``2006/2010``.

    Decades read ``1990s``, seasons ``2012-summer``, ISO weeks ``2015-W18``; other
    intervals are ``lo/hi`` with each end at its coarsest exact precision and ``..`` for an
    open end. Approximate mentions end with ``~``.

    :param m: a mention from :func:`find_dates`.
    """
    return _iso_interval(m.lo, m.hi, m.granularity) + ("~" if m.approximate else "")


def _iso_interval(lo: datetime.date, hi: datetime.date, granularity: str) -> str:
    if lo == hi:
        return lo.isoformat()
    if granularity == "week" and lo.weekday() == 0 and hi == lo + datetime.timedelta(days=6):
        year, week, _ = lo.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if (
        granularity == "decade"
        and lo == datetime.date(lo.year, 1, 1)
        and hi == datetime.date(lo.year + 9, 12, 31)
        and lo.year % 10 == 0
    ):
        return f"{lo.year}s"
    if granularity == "season" and lo.day == 1 and lo.month in _SEASON_NAME:
        year = hi.year
        if _season_interval(_SEASON_NAME[lo.month], year) == (lo, hi):
            return f"{year:04d}-{_SEASON_NAME[lo.month]}"
    lp, hp = _lo_precision(lo), _hi_precision(hi)
    if lp == hp == "year" and lo.year == hi.year:
        return f"{lo.year:04d}"
    if lp != "day" and hp != "day" and (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    left = ".." if lo == _MIN else _iso_point(lo, lp)
    right = ".." if hi == _MAX else _iso_point(hi, hp)
    return f"{left}/{right}"


def _human_point(d: datetime.date, precision: str) -> str:
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{_MONTH_NAMES[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"


def format_interval(lo: datetime.date, hi: datetime.date, granularity: str) -> str:
    """Human text for an interval: "7 October 2023", "March 2020", "2008", "2006–2010".

    :param lo: first day of the interval.
    :param hi: last day of the interval (inclusive).
    :param granularity: the unit of the mention ("day", "month", "year", "range", ...).
    """
    if lo > hi:
        raise ValueError(f"interval starts after it ends: {lo} > {hi}")
    if lo == hi:
        return _human_point(lo, "day")
    if granularity == "week" and lo.weekday() == 0 and hi == lo + datetime.timedelta(days=6):
        return f"week of {_human_point(lo, 'day')}"
    if (
        granularity == "decade"
        and lo.year % 10 == 0
        and (lo, hi)
        == (
            datetime.date(lo.year, 1, 1),
            datetime.date(lo.year + 9, 12, 31),
        )
    ):
        return f"the {lo.year}s"
    if granularity == "season" and lo.day == 1 and lo.month in _SEASON_NAME:
        name = _SEASON_NAME[lo.month]
        if _season_interval(name, hi.year) == (lo, hi):
            return f"{name} {hi.year}"
    if lo == _MIN and hi == _MAX:
        return "any time"
    if lo == _MIN:
        return f"until {_human_point(hi, _hi_precision(hi))}"
    if hi == _MAX:
        return f"since {_human_point(lo, _lo_precision(lo))}"
    lp, hp = _lo_precision(lo), _hi_precision(hi)
    precision = lp if _PRECISION_RANK[lp] >= _PRECISION_RANK[hp] else hp
    if precision == "year":
        return str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"
    if precision == "month":
        if (lo.year, lo.month) == (hi.year, hi.month):
            return _human_point(lo, "month")
        if lo.year == hi.year:
            return f"{_MONTH_NAMES[lo.month - 1]}–{_human_point(hi, 'month')}"
        return f"{_human_point(lo, 'month')} – {_human_point(hi, 'month')}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.day}–{_human_point(hi, 'day')}"
    if lo.year == hi.year:
        return f"{lo.day} {_MONTH_NAMES[lo.month - 1]} – {_human_point(hi, 'day')}"
    return f"{_human_point(lo, 'day')} – {_human_point(hi, 'day')}"


def relation(a: DateMention, b: DateMention) -> str:
    """How interval ``a`` relates to interval ``b``.

    :param a: first mention.
    :param b: second mention.
    :return: "equal", "contains" (a ⊃ b), "within" (a ⊂ b), "overlap" or "disjoint".
    """
    if a.lo == b.lo and a.hi == b.hi:
        return "equal"
    if a.lo <= b.lo and b.hi <= a.hi:
        return "contains"
    if b.lo <= a.lo and a.hi <= b.hi:
        return "within"
    if a.lo <= b.hi and b.lo <= a.hi:
        return "overlap"
    return "disjoint"
