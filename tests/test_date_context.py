"""Date finder: words around a date that change its day give no date (issue 18, fifth session).

A weekday "before last" or "after next", a day counted from ("3 days after next
Wednesday"), a weekday of a named month ("the final Saturday in May"), a day before "in the
year '89", the second end of a range whose first end was not read: each used to give the
day its words alone name, a silent wrong date. Each rule has its look-alikes, which must
keep their reading. A range with clock times inside is read whole.
"""

from __future__ import annotations

import datetime

import pytest

from claimcheck.dates import find_dates, iso_value

PUB = datetime.date(2024, 3, 14)  # a Thursday


def _values(text: str) -> list[tuple[str, str]]:
    return [(m.surface, iso_value(m)) for m in find_dates(text, PUB)]


NO_DATE = [
    "The plant closed Tuesday before last, workers said.",
    "The vote is the Friday after next.",
    "The board will meet 3 days after next Wednesday.",
    "Repairs end a week on Tuesday.",
    "Payments resume 4 Mondays from today.",
    "Payments resume two weeks from Friday.",
    "The Sunday after next Wednesday is free.",
    "The launch is next next Monday.",
    "The office opened 1st Oct in the year '89.",
    "The exhibition runs first to last day of September.",
    # numbers the finder did not take as a year, around a day-first date
    "The depot burned 25 03 Sep, records show.",
    "The depot burned 3 Aug 96 the papers said.",
    # a weekday after a year-less day that it does not fall on (18 July 2023 is a Tuesday)
    "The ship sailed Jul 18, Fri, from Cork.",
    # a weekday that fits the day years back and in the coming months: which is not told
    # (15 November was a Friday in 2019 and is one in 2024)
    "The ship sails Friday, Nov 15, from Cork.",
]


@pytest.mark.parametrize("text", NO_DATE)
def test_unread_context_gives_no_date(text: str) -> None:
    assert _values(text) == []


def test_weekday_of_a_named_month_is_not_the_bare_weekday() -> None:
    # the month may stay; the Saturday near publication must not
    assert [s for s, _ in _values("The fair opens the final Saturday in May.")] == ["May"]


LOOK_ALIKES = [
    # "before"/"after" not followed by "last"/"next" right away
    ("The plant closed Tuesday before the last shift ended.", [("Tuesday", "2024-03-12")]),
    ("The plant closed Tuesday, before last week's vote.",
     [("Tuesday", "2024-03-12"), ("last week", "2024-W10")]),
    ("The vote is Friday after the next meeting.", [("Friday", "2024-03-15")]),
    # "in" a place, and the ordinal weekday "of" a month the finder reads
    ("The fair opened Saturday in Madrid.", [("Saturday", "2024-03-09")]),
    ("The fair opens the last Saturday of May.", [("the last Saturday of May", "2023-05-27")]),
    # a possessive: the weekday is the fire's day
    ("Two days after Monday's fire, the road reopened.", [("Monday", "2024-03-11")]),
    # no count right before the link word
    ("The board met 3 days after the vote on Wednesday.", [("Wednesday", "2024-03-13")]),
    ("Repairs took a week. On Tuesday the road reopened.", [("Tuesday", "2024-03-12")]),
    ("Payments resumed today.", [("today", "2024-03-14")]),
    ("The launch is next Monday.", [("next Monday", "2024-03-18")]),
    # "in the year" after a date that has its year, or a yard
    ("The office opened 1st Oct in the yard.", [("1st Oct", "2023-10-01")]),
    ("The office opened 1st Oct 1989, in the year of the flood.",
     [("1st Oct 1989", "1989-10-01")]),
    ("The depot burned 03 Sep, records show.", [("03 Sep", "2023-09-03")]),
    ("The depot burned 3 Aug 96, the papers said.", [("3 Aug 96", "1996-08-03")]),
    ("The depot burned on 3 Aug, 96 people fled.", [("3 Aug", "2023-08-03")]),
    ("On Aug 3 12 people fled.", [("Aug 3", "2023-08-03")]),
    # the weekday fits a recent year only (18 July 2022 was a Monday)
    ("The ship sailed Monday, Jul 18, from Cork.", [("Monday, Jul 18", "2022-07-18")]),
    # "in" a month after a counting ordinal reads like "of"; after "last" it gives none
    ("The feast falls on the second Monday in October 2017.",
     [("the second Monday in October 2017", "2017-10-09")]),
    ("The race is the first week in October.",
     [("the first week in October", "2023-10/2023-10-08~")]),
    ("The feast fell last Monday in March.", [("March", "2024-03")]),
    ("The race was Monday in Boston.", [("Monday", "2024-03-11")]),
    ("The exhibition runs until the last day of September.",
     [("until the last day of September", "../2023-09")]),
]


@pytest.mark.parametrize(("text", "expected"), LOOK_ALIKES)
def test_look_alikes_keep_their_reading(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


CLOCK_RANGES = [
    # a clock time after the first end no longer breaks the range (was the last end alone)
    ("The fair runs Jun 28 5:00 PM - Aug 02 7:00 PM.",
     [("Jun 28 5:00 PM - Aug 02", "2023-06-28/2023-08-02")]),
    ("The fair ran Jun 28 2019 5:00 PM - Aug 02 2019 7:00 PM.",
     [("Jun 28 2019 5:00 PM - Aug 02 2019", "2019-06-28/2019-08-02")]),
    ("The talks ran Monday 9 a.m. to Wednesday noon.",
     [("Monday 9 a.m. to Wednesday", "2024-03-11/2024-03-13")]),
    # look-alikes: no date before the clock; a clock range within one day
    ("Doors open at 5:00 PM - Friday is sold out.", [("Friday", "2024-03-08")]),
    ("The shop is open Monday 9 a.m. to 5 p.m.", [("Monday", "2024-03-11")]),
    ("The fair runs Jun 28 - Aug 02.", [("Jun 28 - Aug 02", "2023-06-28/2023-08-02")]),
]


@pytest.mark.parametrize(("text", "expected"), CLOCK_RANGES)
def test_clock_inside_a_range(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected
