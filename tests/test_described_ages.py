"""Ages of the people of one incident matched by what the articles tell of each person (the
one held, the one shot, a girl, a man), so that an article giving a third age of no role
("the 16-year-old's family") is still compared.

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

PARK = "Deputies searched the Larkin Court apartments in Wessex after the shooting. "

# (id, text A, text B, expected number values or None)
CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        # the person held: 16 in one account, 15 in the other, which also names "the
        # 16-year-old's family" (a third age of no role, not the whole article's silence)
        "held-age",
        PARK + "A 16-year-old Wessex boy was arrested Sunday and appeared in court Monday. "
        "Deputies say he shot his 10-year-old brother by accident at Larkin Court.",
        "The 15-year-old appeared in court Monday on reckless endangerment charges after the "
        "shooting that injured his brother at Larkin Court in Wessex. " + PARK
        + "The 16-year-old's family members were not in court.",
        ("16", "15"),
    ),
    (
        # the one held is 16, the one shot 15: two people
        "held-and-shot",
        PARK + "A 16-year-old Wessex boy was arrested Sunday and appeared in court Monday "
        "after the shooting at Larkin Court.",
        "A 15-year-old boy was shot Sunday at Larkin Court in Wessex and is in serious "
        "condition. " + PARK,
        None,
    ),
    (
        # a girl of 12 in one account, the 11-year-old stepdaughter in the other: of one
        # gender only, left alone (on real news, ages matched by gender alone were more
        # often two people's)
        "girl-age",
        "Marcus Quill, 46, killed a 47-year-old woman and a 12-year-old girl at a home on "
        "Juniper Lane in Wessex on Tuesday night, detectives said.",
        "Detectives said 46-year-old Marcus Quill shot his wife and his 11-year-old "
        "stepdaughter at their Juniper Lane home in Wessex on Tuesday night.",
        None,
    ),
    (
        # a girl of 12 and her brother of 11: two children
        "girl-and-brother",
        "Marcus Quill, 46, shot a 12-year-old girl at a home on Juniper Lane in Wessex on "
        "Tuesday night, detectives said.",
        "Detectives said 46-year-old Marcus Quill fled the Juniper Lane home in Wessex on "
        "Tuesday night; the girl's 11-year-old brother called 911.",
        None,
    ),
    (
        # two boys were shot: each account may give another one's age
        "two-shot",
        PARK + "Two boys were shot Sunday at Larkin Court. A 16-year-old boy was shot in the "
        "leg.",
        "A 15-year-old boy was shot in the arm Sunday at Larkin Court in Wessex, deputies "
        "said. " + PARK,
        None,
    ),
    (
        # two teens were arrested: each account may give another one's age
        "two-held",
        PARK + "Two teens were arrested Sunday after the shooting at Larkin Court. A "
        "16-year-old boy appeared in court Monday.",
        "A 15-year-old boy appeared in court Monday after the shooting at Larkin Court in "
        "Wessex, deputies said. " + PARK,
        None,
    ),
    (
        # the man of 38 was shot in another case, on another day
        "other-case",
        "Dorian Pell, 36, was killed outside the Vesper Lounge in Wessex on Dec. 3, police "
        "said.",
        "Police said the gunman in the Vesper Lounge killing of Dorian Pell on Dec. 3 was "
        "accused of shooting a 38-year-old man in the shoulder in Wessex on May 5.",
        None,
    ),
]


def _values(c: dict[str, object]) -> set[str]:
    return {str(c["a_value"]).split("-")[0].split()[-1], str(c["b_value"]).split("-")[0].split()[-1]}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_ages_matched_by_description(case: tuple[str, str, str, tuple[str, str] | None],
                                     tmp_path: Path) -> None:
    cid, text_a, text_b, expected = case
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": "2024-03-05", "text": text_a},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": "2024-03-05", "text": text_b},
    ]
    numbers = [c for c in conflicts_of(rows, tmp_path, cid) if c["kind"] == "number"]
    if expected is None:
        sheets = [c for c in numbers if c["origin"] == "fact_sheet"]
        assert sheets == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in sheets]
        return
    assert any(_values(c) == set(expected) and c["a"]["source"] != c["b"]["source"]  # type: ignore[index]
               for c in numbers), [(c["kind"], c["a_value"], c["b_value"]) for c in numbers]


def test_the_person_held_a_birthday_later_is_an_update(tmp_path: Path) -> None:
    """Months later the one charged is a year older: an update, not an error."""
    rows = [
        {"id": "older-a", "outlet": "Outlet A", "published": "2024-03-05",
         "text": "Police arrested 17-year-old Arlo Penn on Monday in the March 3 shooting at "
                 "Larkin Court in Wessex. " + PARK},
        {"id": "older-b", "outlet": "Outlet B", "published": "2024-11-20",
         "text": "The 18-year-old appeared in court Tuesday, charged in the March 3 shooting at "
                 "Larkin Court in Wessex. " + PARK},
    ]
    numbers = [c for c in conflicts_of(rows, tmp_path, "older") if c["kind"] == "number"]
    held = [c for c in numbers if {c["a_value"], c["b_value"]} == {"17", "18"}]
    assert held and all(c["update"] for c in held), [
        (c["a_value"], c["b_value"], c["update"]) for c in numbers]
