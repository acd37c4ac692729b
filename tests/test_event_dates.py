"""The date of a shooting told two ways by two articles of one story, in sentences that do
not look alike (so no claim group holds both): the fact sheets compare the event date when
the two claims share an anchor (the victim's name, a street, a count of people) and tell
of the shooting itself.

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_date_case, date_case_conflicts

BACKGROUND_A = (
    "Police in Fenwick are investigating the death of Dario Menz, a 31-year-old mechanic. "
    "Menz was found near his car by a neighbour, officers said. "
    "No arrests have been made and police asked witnesses to call the tip line."
)
BACKGROUND_B = (
    "Dario Menz, a mechanic from Fenwick, was 31. "
    "Investigators are reviewing video from homes on the block, Fenwick police said. "
    "Relatives of Menz described him as a devoted father."
)

# (id, published A, sentence A, published B, sentence B, expected values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        "adjacent-days",
        "2023-05-22",
        "Menz was shot and killed on May 20 in the 400 block of Alder Street.",
        "2023-05-23",
        "The gunfire that left him dead on Alder Street happened May 21, a neighbour said.",
        ("20 May 2023", "21 May 2023"),
    ),
    (
        # a Sunday and a Monday article: "early Saturday" is 20 May, "early Sunday" 21 May
        "weekdays-of-two-publication-days",
        "2023-05-21",
        "Menz was shot and killed early Saturday in the 400 block of Alder Street.",
        "2023-05-22",
        "The gunfire that left him dead on Alder Street happened early Sunday, a neighbour said.",
        ("20 May 2023", "21 May 2023"),
    ),
    (
        # late on one day, early the next: one moment around midnight
        "around-midnight",
        "2023-05-22",
        "Menz was shot and killed late Saturday in the 400 block of Alder Street.",
        "2023-05-22",
        "The gunfire that left him dead on Alder Street happened early Sunday, a neighbour said.",
        None,
    ),
    (
        # the weekday dates the vigil, not the shooting
        "another-moment",
        "2023-05-22",
        "Menz was shot and killed on May 20 in the 400 block of Alder Street.",
        "2023-05-23",
        "Neighbours gathered on Alder Street on May 21 after the gunfire that left him dead.",
        None,
    ),
    (
        # three weeks apart: another shooting on the same street
        "weeks-apart",
        "2023-05-22",
        "Menz was shot and killed on May 20 in the 400 block of Alder Street.",
        "2023-05-23",
        "The gunfire that left him dead on Alder Street happened April 29, a neighbour said.",
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_event_date_told_two_ways(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = date_case_conflicts(
        case, tmp_path, "{sentence} " + BACKGROUND_A, BACKGROUND_B + " {sentence}")
    assert_date_case(conflicts, case[5])
