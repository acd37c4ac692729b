"""Date finder: read a date whole or not at all (issue 18, fourth session).

Each rule has the case it reads and the look-alikes it must leave alone. A wrong date is
worse than none: a string the finder cannot read with confidence gives no date.
"""

from __future__ import annotations

import datetime

import pytest

from claimcheck.dates import date_order, find_dates, iso_value

PUB = datetime.date(2024, 3, 14)  # a Thursday of a leap year
COMMON = datetime.date(2023, 6, 10)  # a Saturday of a common year


def _values(text: str, published: datetime.date | None = PUB) -> list[tuple[str, str]]:
    return [(m.surface, iso_value(m)) for m in find_dates(text, published)]


CASES = [
    # --- ranges: the second end follows the first ------------------------------------
    # both ends without a year: the second one moves to the year after the first
    # (5 April alone is the one of 2023: the most recent; after 20 November it is 2024's)
    ("The ski season runs November 20 - April 5, organisers said.",
     [("November 20 - April 5", "2023-11-20/2024-04-05")]),
    ("Roadworks lasted 3 November to 12 February in the old town.",
     [("3 November to 12 February", "2023-11-03/2024-02-12")]),
    # a bare weekday range: Saturday to Tuesday runs forward
    ("The strike lasted Saturday to Tuesday at the port.",
     [("Saturday to Tuesday", "2024-03-09/2024-03-12")]),
    ("Talks went on from Friday until Monday.",
     [("from Friday until Monday", "2024-03-08/2024-03-11")]),
    # "to" alone joins two full dates
    ("The trial ran 4 June 2019 to 9 June 2019 in Leeds.",
     [("4 June 2019 to 9 June 2019", "2019-06-04/2019-06-09")]),
    # look-alikes: "and" lists two days, neither moves
    ("Shots were fired Saturday and Tuesday near the school.",
     [("Saturday", "2024-03-09"), ("Tuesday", "2024-03-12")]),
    ("He was held Saturday to appear in court Tuesday.",
     [("Saturday", "2024-03-09"), ("Tuesday", "2024-03-12")]),
    ("The score was 5 to 4 after extra time.", []),
    # a clock range between the day and the year keeps the year
    ("Posted Mon Jul 15, 09:30 - 10:45 2019 by the desk.",
     [("Mon Jul 15, 09:30 - 10:45 2019", "2019-07-15")]),
    # --- a count before yesterday / today / tomorrow ---------------------------------
    ("The boy went missing 3 days before yesterday.",
     [("3 days before yesterday", "2024-03-10")]),
    ("Ballots must arrive two days after tomorrow.",
     [("two days after tomorrow", "2024-03-17")]),
    ("It rained four days after today, the forecast said.",
     [("four days after today", "2024-03-18")]),
    # look-alikes: the plain link words keep their one-day step
    ("He was seen the day before yesterday near the river.",
     [("the day before yesterday", "2024-03-12")]),
    ("Police said yesterday evening that the road had reopened.",
     [("yesterday evening", "2024-03-13")]),
    # --- a date with a shift after it: no date rather than the part before -----------
    ("Due date: next friday + 3 days.", []),
    ("The audit covers March 1 - 2 weeks of records.", []),
    ("The vote was Tuesday - 12 members attended.", [("Tuesday", "2024-03-12")]),
    ("The fair ran March 4 - 6 at the park.", [("March 4 - 6", "2024-03-04/2024-03-06")]),
    # --- a weekday written with a numeric date ---------------------------------------
    # the weekday picks the one reading of an ambiguous date that falls on it
    ("The letter is dated Saturday 11/5/2016.", [("Saturday 11/5/2016", "2016-11-05")]),
    ("The letter is dated Wednesday 11/5/2016.", [("Wednesday 11/5/2016", "2016-05-11")]),
    # and makes "Wednesday 08-03-22" readable (a Wednesday: 3 August 2022)
    ("The memo is dated Wednesday 08-03-22.", [("Wednesday 08-03-22", "2022-08-03")]),
    # a weekday that fits neither reading: no date at all, not the weekday alone
    ("The letter is dated Monday 11/5/2016.", []),
    ("The note was signed Tuesday 2019-07-15.", []),  # 15 July 2019 was a Monday
    ("The note was signed Monday 2019-07-15.", [("2019-07-15", "2019-07-15")]),
    # a month name with a comma before an ordinal day and a year
    ("The museum reopened on Saturday, April, 2nd 2022.",
     [("Saturday, April, 2nd 2022", "2022-04-02")]),
    # look-alikes: a count after a weekday, a comma after a month
    ("On Friday 12 people were hurt in the blast.", [("Friday", "2024-03-08")]),
    ("The team lost Friday 3-2 at home.", [("Friday", "2024-03-08")]),
    ("In March, 6 people were hurt.", [("March", "2024-03")]),
    # --- days that do not exist --------------------------------------------------------
    ("The form says it was filed on 31 April 2020.", []),
    ("The form says it was filed on 30 February 2020.", []),
    ("The form says it was filed on 29 February 2020.", [("29 February 2020", "2020-02-29")]),
    ("The form says it was filed in April 2020.", [("April 2020", "2020-04")]),
    ("Apollo 11 landed in July 1969.", [("July 1969", "1969-07")]),
    # --- version numbers -----------------------------------------------------------------
    ("The app was updated to release 2.4.19 on Monday.", [("Monday", "2024-03-11")]),
    ("The decree of 24.04.19 was annulled.", [("24.04.19", "2019-04-24")]),
    # --- ordinal words for the day --------------------------------------------------------
    ("Elections are held on the twenty-second of May 2025.",
     [("the twenty-second of May 2025", "2025-05-22")]),
    ("The fair opened on the thirtieth of January.",
     [("the thirtieth of January", "2024-01-30")]),
    ("The fair opened on the eleventh of January.",
     [("the eleventh of January", "2024-01-11")]),
    # a tens word the day cannot take, a cut compound: no date
    ("The fair opened on the forty-second of January.", []),
    ("The fair opened on the thirty-fifth of January.", []),
    # after the month: with a year, or closing the clause
    ("The treaty was signed June ninth, 1815.", [("June ninth, 1815", "1815-06-09")]),
    ("Results were published February twenty-first.",
     [("February twenty-first", "2024-02-21")]),
    ("Results are due February twenty-first.", [("February twenty-first", "2025-02-21")]),
    # look-alikes: a word that is no ordinal, an ordinal that starts a noun phrase
    ("In March first responders were praised.", [("March", "2024-03")]),
    ("Voters head to the polls ahead of November elections.", [("November", "2024-11")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_whole_or_not_at_all(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


def test_weekday_range_end_moves_a_week_forward() -> None:
    sunday = datetime.date(2024, 3, 17)
    # Monday alone is the 11th; after Friday the 15th it is the 18th
    assert _values("The strike lasted Friday to Monday, the union said.", sunday) == [
        ("Friday to Monday", "2024-03-15/2024-03-18")
    ]
    assert _values("Shops closed from Friday through Monday.", sunday) == [
        ("from Friday through Monday", "2024-03-15/2024-03-18")
    ]
    # listed with "and", each stays the most recent one
    assert _values("Shops closed Friday and Monday.", sunday) == [
        ("Friday", "2024-03-15"), ("Monday", "2024-03-11")
    ]


def test_twenty_ninth_of_february_without_a_year_needs_a_leap_year() -> None:
    # in a common year the day is a slip or another year: which one is not told
    assert _values("The office closed on February 29.", COMMON) == []
    assert _values("The office closed on 29 February.", COMMON) == []
    # in a leap year it is that year's day
    assert _values("The office closed on February 29.", PUB) == [("February 29", "2024-02-29")]
    # a weekday with it still finds the year it names
    assert _values("The office closed on Monday, February 29.", COMMON) == [
        ("Monday, February 29", "2016-02-29")
    ]


def test_a_set_order_is_checked_against_the_weekday() -> None:
    with date_order("dmy"):
        # day-first 11/5/2016 is 11 May 2016, a Wednesday
        assert _values("The letter is dated Wednesday 11/5/2016.") == [
            ("Wednesday 11/5/2016", "2016-05-11")
        ]
        # Saturday fits only the month-first reading, which this source does not use
        assert _values("The letter is dated Saturday 11/5/2016.") == []


def test_range_end_moves_only_when_it_then_follows_the_start() -> None:
    # "and" without "between" lists two days: no range, no move
    assert _values("Rain fell on October 20 and January 5.") == [
        ("October 20", "2023-10-20"), ("January 5", "2024-01-05")
    ]
    # a dated second end is not moved: the years say what the writer meant
    assert _values("Prices fell from 3 May 2021 to 1 May 2021, the index shows.") == [
        ("3 May 2021", "2021-05-03"), ("1 May 2021", "2021-05-01")
    ]


READ_MORE = [
    # lowercase full weekday and month names read like capitalised ones
    ("the shop was raided on tuesday, police said.", [("tuesday", "2024-03-12")]),
    ("the plant closed in october 2019.", [("october 2019", "2019-10")]),
    ("she was born on june 5, 1990 in ohio.", [("june 5, 1990", "1990-06-05")]),
    ("the rally was held on saturday near the park.", [("saturday", "2024-03-09")]),
    # look-alikes: lowercase words that are also months, weekday abbreviations
    ("they may march in august if allowed.", []),
    ("the sun rose and we sat on the wed ground.", []),
    # a month and its year written with a slash
    ("The report (issue 09/2021) was withdrawn.", [("09/2021", "2021-09")]),
    ("Sales peaked in 11/2019, the filing says.", [("11/2019", "2019-11")]),
    # look-alikes: fractions and odds
    ("The odds were put at 1/2000 by the panel.", []),
    ("It is a 3/1000 chance, the panel said.", []),
    ("Only 7/2000 of the votes were spoiled.", []),
    # a weekday of a named week
    ("Police said the body was found Friday of last week.",
     [("Friday of last week", "2024-03-08")]),
    ("The council meets Tuesday next week.", [("Tuesday next week", "2024-03-19")]),
    # look-alike: the week is its own mention when a possessive follows
    ("Police said Monday last week's raid was legal.",
     [("Monday", "2024-03-11"), ("last week", "2024-W10")]),
    # units in any case
    ("The account was deleted 5 Days ago.", [("5 Days ago", "2024-03-09")]),
    # a month name joined to the day by a hyphen or a slash, the year after a space/comma
    ("The permit expired 14-June 2021, records show.", [("14-June 2021", "2021-06-14")]),
    ("The permit expired June-14, 2021, records show.", [("June-14, 2021", "2021-06-14")]),
    ("Scores were 14-6 in June 2021.", [("June 2021", "2021-06")]),
    # "February the 15th": "the" before an ordinal day
    ("The vote was held on February the 15th.", [("February the 15th", "2024-02-15")]),
    ("In March the 5 men were freed.", [("March", "2024-03")]),
    # a two-digit year: with an apostrophe, or closing the clause
    ("The plant opened on Oct. 4, '88 in Ohio.", [("Oct. 4, '88", "1988-10-04")]),
    ("The plant opened on Oct. 4, 88, records show.", [("Oct. 4, 88", "1988-10-04")]),
    ("The plant opened on 4 Oct 88.", [("4 Oct 88", "1988-10-04")]),
    # look-alikes: a count, a list of days, a clock time after the day
    ("On Oct. 4, 88 people were evacuated.", [("Oct. 4", "2023-10-04")]),
    ("Hearings were held on Oct. 4, 11, and 18.", [("Oct. 4", "2023-10-04")]),
    ("Oct. 4, 11:30 a.m.: This story was updated.", [("Oct. 4", "2023-10-04")]),
    # a comma between month and day only before a year
    ("The mill burned down on March, 19, 2013.", [("March, 19, 2013", "2013-03-19")]),
    ("In March, 19 workers were laid off.", [("March", "2024-03")]),
]


@pytest.mark.parametrize(("text", "expected"), READ_MORE)
def test_forms_read_now(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected
