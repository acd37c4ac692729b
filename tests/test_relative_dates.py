"""Dates resolved against each article's publication date, compared across articles.

"Friday" in a Saturday article and "Friday" in a Monday article are one day; "Saturday" in
the Monday article is the next one. Two articles published on different days are compared
through the days their weekdays resolve to, not through the words, and a weekday still may
be a week off next to a date stated in full.

Each case is two short invented articles (a shared context paragraph, worded a little
differently, plus the sentence under test) run through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_date_case, date_case_conflicts

# (id, published A, sentence A, published B, sentence B, expected values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        # Sunday and Monday articles: "Saturday" is 20 May, "Sunday" is 21 May
        "weekdays-of-two-publication-days",
        "2023-05-21", "Four men were shot early Saturday at the Pine Street block party in Dayton.",
        "2023-05-22", "Four men were shot early Sunday at the Pine Street block party in Dayton.",
        ("20 May 2023", "21 May 2023"),
    ),
    (
        # a month and day without a year, in articles published two days apart
        "month-days-of-two-publication-days",
        "2023-05-21", "Four men were shot on May 19 at the Pine Street block party in Dayton.",
        "2023-05-23", "Four men were shot on May 18 at the Pine Street block party in Dayton.",
        ("19 May 2023", "18 May 2023"),
    ),
    (
        # a Saturday article's "Friday" and a Monday article's "Friday": one day
        "one-weekday-two-publication-days",
        "2023-05-20", "Four men were shot late Friday at the Pine Street block party in Dayton.",
        "2023-05-22", "Four men were shot on Friday at the Pine Street block party in Dayton.",
        None,
    ),
    (
        # "yesterday" in a Saturday article is the Monday article's "Friday"
        "yesterday-and-a-weekday",
        "2023-05-20", "Four men were shot yesterday at the Pine Street block party in Dayton.",
        "2023-05-22", "Four men were shot on Friday at the Pine Street block party in Dayton.",
        None,
    ),
    (
        # a weekday next to a date stated in full may be a week off: not compared (kept)
        "weekday-next-to-a-full-date",
        "2023-05-22", "Four men were shot on Sunday at the Pine Street block party in Dayton.",
        "2023-05-20", "Four men were shot on May 14, 2023 at the Pine Street block party in Dayton.",
        None,
    ),
    (
        # "tonight" and "this evening": the day each article was written, two moments
        "tonight-in-each",
        "2023-05-20", "The four wounded men were in critical condition at the Dayton hospital tonight.",
        "2023-05-22", "The four wounded men remained in critical condition at the Dayton hospital this evening.",
        None,
    ),
    (
        # "last Friday" may be the latest Friday or the one of the week before
        "last-weekday",
        "2023-05-22", "Four men were shot last Friday at the Pine Street block party in Dayton.",
        "2023-05-21", "Four men were shot on Saturday at the Pine Street block party in Dayton.",
        None,
    ),
    (
        # articles published three weeks apart: their weekdays name different weeks
        "weekdays-of-articles-weeks-apart",
        "2023-05-21", "Four men were shot early Saturday at the Pine Street block party in Dayton.",
        "2023-06-12", "Four men were shot early Sunday at the Pine Street block party in Dayton.",
        None,
    ),
]

CONTEXT_A = "Police in Dayton are investigating a shooting at a block party on Pine Street."
CONTEXT_B = "A shooting at a Pine Street block party is under investigation by Dayton police."


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_relative_dates_across_publication_days(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = date_case_conflicts(
        case, tmp_path, CONTEXT_A + "\n\n{sentence}\n\nThe investigation continues.",
        CONTEXT_B + "\n\n{sentence}\n\nNo arrests have been made.")
    assert_date_case(conflicts, case[5], exactly_one=True)
