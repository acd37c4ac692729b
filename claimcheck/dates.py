"""Find date mentions in news text and normalise them to intervals of days.

Every mention becomes a closed interval ``[lo, hi]`` of calendar days plus the unit the
writer used (its *granularity*), so that "October 7, 2023" equals "7 October 2023",
"2008" contains "November 2008" and "March 2020" is disjoint from "March 2021".

One pre-compiled regular expression finds all candidates in a single pass; a few cheap
checks on the characters around a candidate then accept or reject it (a bare "2008" is a
year only after a preposition such as "in" or "since", or inside a list or range of dates).

Conventions:

- Relative mentions ("Sunday", "last week", "Nov. 9" without a year, "two days ago") are
  resolved against the article's published date and marked ``relative=True``. News reports
  past events, so a bare weekday is the most recent such day on or before the published
  date, and a day or month without a year is the latest one that falls no later than seven
  days after publication. Without a published date these mentions are skipped.
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
import datetime
import re
from dataclasses import dataclass

__all__ = [
    "DateMention",
    "find_dates",
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
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAY_NUM = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_SEASON_NAME = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# ---------------------------------------------------------------------------------------
# The combined pattern. Each top-level branch is one named group, so ``m.lastgroup`` tells
# which branch matched. Branch order matters only for matches that start at the same place.

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_MON_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = rf"(?:{_WD}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_DAY_NB = r"(?<![\d.,:/$£€#-])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9:])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9]|,[0-9]{3}|'?s\b)"
_YEAR_NB = r"(?<![\d.,:/$£€#-])"
_PART = r"(?:[Ee]arly|[Mm]id|[Ll]ate)"
_PART_LONG = r"(?:[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Ss]tart of|[Bb]eginning of|[Mm]iddle of)"

_PATTERN = rf"""
(?P<iso>{_YEAR_NB}(?P<iso_y>1[89][0-9]{{2}}|20[0-9]{{2}})-(?P<iso_m>0[1-9]|1[0-2])
    -(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9-]))
|(?P<us>{_DAY_NB}(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>3[01]|[12][0-9]|0?[1-9])
    /(?P<us_y>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9/]))
|(?P<mdy>(?:(?P<mdy_tod>[Ee]arly|[Ll]ate)\s+)?(?:(?P<mdy_wd>{_WD_PREFIX}),?\s+)?
    (?P<mdy_m>{_MON})\s*{_DAY_NB}(?P<mdy_d>{_DAY})(?:\s*[-–]\s*(?P<mdy_d2>{_DAY}))?
    (?:,?\s+(?P<mdy_y>{_YEAR}))?)
|(?P<dmy>(?:(?P<dmy_wd>{_WD_PREFIX}),?\s+)?{_DAY_NB}(?P<dmy_d>{_DAY})
    (?:\s*[-–]\s*(?P<dmy_d2>{_DAY}))?\s+(?:of\s+)?(?P<dmy_m>{_MON})(?:,?\s+(?P<dmy_y>{_YEAR}))?)
|(?P<my>(?:(?P<my_part>{_PART_LONG})[\s-]+)?(?P<my_m>{_MON}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}))
|(?P<season>(?:(?P<s_part>{_PART})[\s-]+)?(?P<s_name>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)
    \s+(?:of\s+)?(?P<s_y>{_YEAR}))
|(?P<rseason>(?P<rs_mod>[Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext|[Ee]arlier\s+this|[Ll]ater\s+this)
    \s+(?P<rs_name>spring|summer|fall|autumn|winter)\b)
|(?P<decade>(?:(?P<dec_part>{_PART})[\s-]+)?(?:(?<![0-9])(?P<dec_y>(?:18|19|20)[0-9]0)
    |['’](?P<dec_yy>[0-9]0))'?s\b)
|(?P<ypart>(?P<yp_part>{_PART_LONG})[\s-]+(?P<yp_y>{_YEAR}))
|(?P<yrange>{_YEAR_NB}(?P<yr_a>1[89][0-9]{{2}}|20[0-9]{{2}})\s*[-–/]\s*
    (?P<yr_b>(?:1[89]|20)[0-9]{{2}}|[0-9]{{2}})(?![0-9/-]))
|(?P<year>{_YEAR_NB}(?P<y>{_YEAR}))
|(?P<wd>(?:(?P<wd_mod>[Ee]arly|[Ll]ate|[Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext|[Pp]ast)\s+)?
    (?P<wd_n>{_WD})(?![A-Za-z])(?:\s+(?P<wd_tod>morning|afternoon|evening|night))?)
|(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening))
|(?P<runit>(?P<ru_mod>[Ee]arlier\s+this|[Ll]ater\s+this|[Ee]arlier\s+last|[Ll]ast|[Tt]his\s+past
    |[Tt]his|[Nn]ext|[Tt]he\s+past|[Oo]ver\s+the)\s+(?P<ru_u>week(?:end)?|month|year)\b)
|(?P<ago>(?P<ago_n>[0-9]{{1,2}}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even
    |[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)\s+(?P<ago_u>day|week|month|year)s?\s+ago\b)
|(?P<mo>(?:(?P<mo_mod>{_PART_LONG}|[Ll]ast|[Tt]his|[Nn]ext)[\s-]+)?(?P<mo_m>{_MON_FULL})
    (?!\s*[0-9]|'s\b))
"""
_DATE_RE = re.compile(_PATTERN, re.VERBOSE)

# Context checks, applied to a few characters around a candidate only.
_PREP_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Bb]efore|[Aa]fter|of|[Ff]rom|[Uu]ntil|[Tt]ill"
    r"|[Tt]hrough|[Tt]hroughout|[Bb]etween|[Ee]arly|[Ll]ate|[Ff]or|[Ss]tarting|[Bb]eginning"
    r"|[Aa]round|[Cc]irca|[Aa]bout|c\.|ca\.)\s+(?:the\s+(?:year\s+)?)?|\()$"
)
_APPROX_BEFORE = re.compile(r"\b(?:[Aa]round|[Cc]irca|[Aa]bout|c\.|ca\.|[Aa]pproximately)\s+$")
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis))"
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|to\s+|through\s+|until\s+)$")
_MERGE_GAP = re.compile(r"\s*(?:and|to|through|thru|until|till|[-–—])\s*$")
_DASH_GAP = re.compile(r"\s*[-–—]\s*$")
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween\s+$")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
_OPEN_BEFORE = re.compile(
    r"\b(?P<w>[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter|[Tt]hrough|[Uu]p\s+to)\s+(?:the\s+)?$"
)
_WEEKDAY_REJECT_AFTER = re.compile(
    r"\s+(?:[Ss]chool|[Ss]ervices?|Times|Mass|Telegraph|Mail|Express|Herald|Post|Night\b|Morning\b)"
)
_TODAY_REJECT = re.compile(r"\s+(?:[Ss]how|[Pp]rogram)\b")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


# ---------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _part_of(lo: datetime.date, hi: datetime.date, unit: str, part: str) -> tuple[
    datetime.date, datetime.date
]:
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
    month: int, day: int, published: datetime.date, weekday: int | None
) -> int | None:
    """Pick the year of a day given without one: the latest <= published + 7 days.

    A weekday given with it ("Friday, January 19") wins when it fits one nearby year.
    """
    limit = published + datetime.timedelta(days=7)
    candidates = [
        y
        for y in (published.year + 1, published.year, published.year - 1)
        if (d := _safe_date(y, month, day)) is not None and d <= limit
    ]
    if not candidates:
        return None
    if weekday is not None:
        for y in candidates[:2]:
            d = _safe_date(y, month, day)
            if d is not None and d.weekday() == weekday:
                return y
    return candidates[0]


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


def _int(s: str | None) -> int:
    return int(s) if s else 0


def _weekday_num(name: str | None) -> int | None:
    return _WEEKDAY_NUM[name[:3].lower()] if name else None


def _relative_weekday(published: datetime.date, target: int, mod: str) -> datetime.date:
    back = (published.weekday() - target) % 7
    mod = " ".join(mod.lower().split())
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
        span = {"week": 7, "month": 30, "year": 365}[unit]
        return published - datetime.timedelta(days=span), published, "range", True
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


def _scan(text: str, published: datetime.date | None) -> list[_Cand]:
    """One pass of the combined pattern; returns accepted candidates in text order."""
    out: list[_Cand] = []
    prev_end = -10
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        cand: _Cand | None = None
        if kind == "iso":
            d = _safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
            if d is not None:
                cand = _Cand(start, end, d, d, "day")
        elif kind == "us":
            yy = m["us_y"]
            year = int(yy) if len(yy) == 4 else _two_digit_year(int(yy))
            d = _safe_date(year, int(m["us_m"]), int(m["us_d"]))
            if d is not None:
                cand = _Cand(start, end, d, d, "day")
        elif kind in ("mdy", "dmy"):
            cand = _day_cand(m, kind, start, end)
        elif kind == "my":
            year, month = int(m["my_y"]), _MONTH_NUM[m["my_m"][:3].lower()]
            lo, hi = datetime.date(year, month, 1), _month_end(year, month)
            cand = _Cand(start, end, lo, hi, "month")
            if m["my_part"]:
                cand.lo, cand.hi = _part_of(lo, hi, "month", m["my_part"])
                cand.approximate = True
        elif kind == "season":
            lo, hi = _season_interval(m["s_name"], int(m["s_y"]))
            cand = _Cand(start, end, lo, hi, "season")
            if m["s_part"]:
                cand.lo, cand.hi = _part_of(lo, hi, "season", m["s_part"])
                cand.approximate = True
        elif kind == "rseason":
            if published is not None:
                cand = _relative_season(m, start, end, published)
        elif kind == "decade":
            if m["dec_y"]:
                first = int(m["dec_y"])
            else:
                yy = int(m["dec_yy"])
                first = 1900 + yy if yy >= 20 else 2000 + yy
            lo, hi = datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31)
            cand = _Cand(start, end, lo, hi, "decade")
            if m["dec_part"]:
                cand.lo, cand.hi = _part_of(lo, hi, "decade", m["dec_part"])
                cand.approximate = True
        elif kind == "ypart":
            year = int(m["yp_y"])
            lo, hi = _part_of(
                datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", m["yp_part"]
            )
            cand = _Cand(start, end, lo, hi, "year", approximate=True)
        elif kind == "yrange":
            a = int(m["yr_a"])
            b_text = m["yr_b"]
            b = int(b_text) if len(b_text) == 4 else a - a % 100 + int(b_text)
            if a < b <= a + 100:
                cand = _Cand(start, end, datetime.date(a, 1, 1), datetime.date(b, 12, 31), "range")
        elif kind == "year":
            cand = _year_cand(text, m, start, end, prev_end)
        elif kind == "wd":
            if published is not None and not _WEEKDAY_REJECT_AFTER.match(text, end):
                d = _relative_weekday(
                    published, _WEEKDAY_NUM[m["wd_n"][:3].lower()], m["wd_mod"] or ""
                )
                cand = _Cand(start, end, d, d, "day", relative=True)
        elif kind == "rel":
            if published is not None:
                cand = _rel_cand(text, m, start, end, published)
        elif kind == "runit":
            if published is not None:
                lo, hi, gran, approx = _relative_unit(published, m["ru_mod"], m["ru_u"])
                cand = _Cand(start, end, lo, hi, gran, relative=True, approximate=approx)
        elif kind == "ago":
            if published is not None:
                cand = _ago_cand(m, start, end, published)
        elif kind == "mo":
            cand = _month_only_cand(text, m, start, end, prev_end, published)
        if cand is not None:
            out.append(cand)
            prev_end = end
    return out


def _day_cand(m: re.Match[str], kind: str, start: int, end: int) -> _Cand | None:
    p = kind + "_"
    month = _MONTH_NUM[m[p + "m"][:3].lower()]
    day, day2 = int(m[p + "d"].rstrip("stndrh")), 0
    if m[p + "d2"]:
        day2 = int(m[p + "d2"].rstrip("stndrh"))
        if day2 <= day:
            day2 = 0
    gran = "range" if day2 else "day"
    if m[p + "y"]:
        year = int(m[p + "y"])
        lo = _safe_date(year, month, day)
        hi = _safe_date(year, month, day2) if day2 else lo
        if lo is None or hi is None:
            return None
        return _Cand(start, end, lo, hi, gran)
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: accepts 29 Feb
        return None
    return _Cand(
        start, end, _MIN, _MIN, gran, relative=True, month=month, day=day, day2=day2,
        weekday=_weekday_num(m[p + "wd"]), yearless=True,
    )  # fmt: skip


def _year_cand(text: str, m: re.Match[str], start: int, end: int, prev_end: int) -> _Cand | None:
    window = text[max(0, start - 24) : start]
    in_list = prev_end >= 0 and start - prev_end < 24 and _LIST_GAP.fullmatch(text, prev_end, start)
    if not in_list and not _PREP_BEFORE.search(window):
        return None
    if _QUANTITY_AFTER.match(text, end):
        return None
    year = int(m["y"])
    approx = bool(_APPROX_BEFORE.search(window))
    return _Cand(start, end, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year",
                 approximate=approx)  # fmt: skip


def _month_only_cand(
    text: str,
    m: re.Match[str],
    start: int,
    end: int,
    prev_end: int,
    published: datetime.date | None,
) -> _Cand | None:
    mod = (m["mo_mod"] or "").lower()
    if not mod:
        window = text[max(0, start - 24) : start]
        in_list = (
            prev_end >= 0 and start - prev_end < 24 and _LIST_GAP.fullmatch(text, prev_end, start)
        )
        if not in_list and not _PREP_BEFORE.search(window):
            return None
        if window.endswith("the "):  # "the March on Washington"
            return None
    month = _MONTH_NUM[m["mo_m"][:3].lower()]
    cand = _Cand(start, end, _MIN, _MIN, "month", relative=True, month=month,
                 yearless=True)  # fmt: skip
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


def _relative_season(
    m: re.Match[str], start: int, end: int, published: datetime.date
) -> _Cand | None:
    mod = " ".join(m["rs_mod"].lower().split())
    name = m["rs_name"]
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


def _rel_cand(
    text: str, m: re.Match[str], start: int, end: int, published: datetime.date
) -> _Cand | None:
    word = m.group().lower()
    if word == "today" and (
        text[max(0, start - 4) : start] == "USA " or _TODAY_REJECT.match(text, end)
    ):
        return None
    d = published - _ONE_DAY if word in ("yesterday",) or word.startswith("last") else published
    return _Cand(start, end, d, d, "day", relative=True)


def _ago_cand(
    m: re.Match[str], start: int, end: int, published: datetime.date
) -> _Cand | None:
    n_text = m["ago_n"].lower()
    n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
    unit = m["ago_u"]
    if unit == "day":
        d = published - datetime.timedelta(days=n)
        return _Cand(start, end, d, d, "day", relative=True)
    if unit == "week":
        lo, hi = _week_of(published - datetime.timedelta(days=7 * n))
        return _Cand(start, end, lo, hi, "week", relative=True)
    if unit == "month":
        y, mo = _add_months(published.year, published.month, -n)
        return _Cand(start, end, datetime.date(y, mo, 1), _month_end(y, mo), "month",
                     relative=True)  # fmt: skip
    y = published.year - n
    return _Cand(start, end, datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year",
                 relative=True)  # fmt: skip


def _finish_yearless(cands: list[_Cand], text: str, published: datetime.date | None) -> list[_Cand]:
    """Give year-less days/months a year: from a dated neighbour in a list, else published."""
    next_year: tuple[int, int, int] | None = None  # year, month, day of the right neighbour
    next_start = -1
    keep: list[_Cand] = []
    for c in reversed(cands):
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
                year_found = _resolve_year(c.month, c.day or 1, published, c.weekday)
                ok = year_found is not None and _yearless_interval(c, year_found)
            if not ok:
                continue
            if c.part:  # "early March": cut the part once the year is known
                c.lo, c.hi = _part_of(c.lo, c.hi, "month", c.part)
            c.yearless = False
        if not c.relative:
            next_year = (c.lo.year, c.lo.month, c.lo.day)
        else:
            next_year = None
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
            if b.start - a.end < 16 and a.lo <= b.hi and _MERGE_GAP.fullmatch(text, a.end, b.start):
                window = text[max(0, a.start - 10) : a.start]
                gap = text[a.end : b.start]
                opener = _BETWEEN_BEFORE.search(window) if "and" in gap else None
                if opener is None and "and" not in gap:
                    opener = _FROM_BEFORE.search(window)
                if opener is not None or _DASH_GAP.fullmatch(gap):
                    start = a.start - (len(window) - opener.start()) if opener else a.start
                    out.append(
                        _Cand(start, b.end, a.lo, b.hi, "range",
                              relative=a.relative or b.relative,
                              approximate=a.approximate or b.approximate)
                    )  # fmt: skip
                    i += 2
                    continue
        out.append(_open_range(a, text, published))
        i += 1
    return out


def _open_range(c: _Cand, text: str, published: datetime.date | None) -> _Cand:
    if c.gran == "range" and (c.lo == _MIN or c.hi == _MAX):
        return c
    opener = _OPEN_BEFORE.search(text, max(0, c.start - 12), c.start)
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


# ---------------------------------------------------------------------------------------
# Public API


def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """Find the date mentions of a text and normalise each to an interval of days.

    :param text: the text to scan; offsets of the mentions refer to it.
    :param published: the article's publication date, used to resolve relative mentions
        ("Sunday", "last week", "Nov. 9"); when None, mentions that need it are skipped.
    :return: the mentions in text order; lists give one mention per item, ranges one in all.
    """
    cands = _scan(text, published)
    if not cands:
        return []
    if any(c.yearless for c in cands):
        cands = _finish_yearless(cands, text, published)
    cands = _merge_ranges(cands, text, published)
    return [
        DateMention(c.start, c.end, text[c.start : c.end], c.lo, c.hi, c.gran, c.relative,
                    c.approximate)  # fmt: skip
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
    if granularity == "decade" and lo == datetime.date(lo.year, 1, 1) and hi == datetime.date(
        lo.year + 9, 12, 31
    ) and lo.year % 10 == 0:
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
    if granularity == "decade" and lo.year % 10 == 0 and (lo, hi) == (
        datetime.date(lo.year, 1, 1),
        datetime.date(lo.year + 9, 12, 31),
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
