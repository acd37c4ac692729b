"""Tolls of an article that gives them two ways, compared claim by claim; tolls told as
"four men and a woman"; people shot against people injured when no one died.

An article with two values for one toll (its heading says "two wounded", a later sentence
"four others wounded") has no single value on the fact sheet; its claims are still compared
with another article's when the two claims are tied to one incident (an equal toll told
beside both, or a shared name, address or scene). Parts, other incidents and numbers that
name things stay quiet.

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of, sheet_conflicts_of

# (id, published A, text A, published B, text B, expected number values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        # A's summary and its account disagree; B agrees with the summary
        "summary-and-account",
        "2024-03-05",
        "A shooting at a Calder home left 3 dead and 2 wounded, police said Monday. Three men "
        "were fatally shot and four others seriously wounded in an attack at a home on Birch "
        "Road in Calder on Saturday night. Detectives have not named a suspect.",
        "2024-03-04",
        "Calder police said three men were killed and two others were wounded in a shooting "
        "at a home on Saturday night. Neighbours said they heard a dozen shots.",
        ("4", "2"),
    ),
    (
        # a part of the victims ("two of the victims") is no toll of its own
        "part-of-the-victims",
        "2024-03-05",
        "A shooting at a Calder home left 3 dead and 2 wounded, police said Monday. Three men "
        "were killed and two others were wounded on Birch Road in Calder on "
        "Saturday night. Two of the victims were wounded in the legs, and one man was wounded "
        "in the arm.",
        "2024-03-04",
        "Calder police said three men were killed and two others were wounded in a shooting "
        "on Birch Road on Saturday night.",
        None,
    ),
    (
        # A also tells of another shooting, on another day and street, with its own toll
        "another-incident",
        "2024-03-05",
        "Two men were killed and three others were wounded on Birch Road in Calder on Saturday "
        "night, police said. On Friday, two men were killed and four others were wounded on Elm "
        "Street in a shooting police believe is unrelated.",
        "2024-03-04",
        "Calder police said two men were killed and three others were wounded on Birch Road on "
        "Saturday night.",
        None,
    ),
    (
        # "four men and a woman": five people wounded, not seven
        "men-and-a-woman",
        "2024-03-04",
        "One man was killed and four men and a woman were wounded on Birch Road in Calder on "
        "Saturday night, police said.",
        "2024-03-04",
        "Calder police said one man was killed and seven others were wounded in a shooting on "
        "Birch Road on Saturday night.",
        ("5", "7"),
    ),
    (
        # "two men and a woman" are three people wounded, as B says
        "men-and-a-woman-agree",
        "2024-03-04",
        "One man was killed and two men and a woman were wounded on Birch Road in Calder on "
        "Saturday night, police said.",
        "2024-03-04",
        "Calder police said one man was killed and three others were wounded in a shooting on "
        "Birch Road on Saturday night.",
        None,
    ),
    (
        # no one died: the people shot are the people injured, and the address ties the claims
        "shot-and-injured",
        "2024-03-04",
        "Four people were shot outside the Copper Kettle Tavern at 410 Birch Road in Calder on "
        "Saturday night, police said.",
        "2024-03-04",
        "Detectives returned Sunday to 410 Birch Road, where a drive-by shooting on Saturday "
        "night left two people injured.",
        ("4", "2"),
    ),
    (
        # one of the four shot died later: four shot and three injured agree
        "shot-and-injured-one-died",
        "2024-03-05",
        "Four people were shot outside the Copper Kettle Tavern at 410 Birch Road in Calder on "
        "Saturday night, police said. One of them died at the hospital on Sunday.",
        "2024-03-04",
        "Detectives returned Sunday to 410 Birch Road, where a drive-by shooting on Saturday "
        "night left three people injured.",
        None,
    ),
    (
        # the toll another shooting left, on another street and day, told as background
        "the-toll-another-shooting-left",
        "2024-03-04",
        "A shooting early Saturday on Birch Road in Calder left nine people injured, including "
        "one in critical condition, police said.",
        "2024-03-04",
        "Police said a shooting on Elm Street in Calder last Friday left eleven people injured.",
        None,
    ),
    (
        # "a sweet 16 party": a number naming the party, not sixteen people shot
        "sweet-sixteen",
        "2024-03-04",
        "Five people were shot at a sweet 16 party on Birch Road in Calder on Saturday night, "
        "police said. The gunman fled on foot.",
        "2024-03-04",
        "Calder police said five people were shot at a birthday party on Birch Road on "
        "Saturday night.",
        None,
    ),
]


def _run(case: tuple[str, str, str, str, str, tuple[str, str] | None],
         tmp_path: Path) -> list[dict[str, object]]:
    name, pa, ta, pb, tb, _ = case
    rows = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": pa, "title": "", "text": ta},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": pb, "title": "", "text": tb},
    ]
    return conflicts_of(rows, tmp_path, name)


def _values(c: dict[str, object]) -> set[str]:
    return {str(c["a_value"]), str(c["b_value"])}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_torn_tolls(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = _run(case, tmp_path)
    numbers = [c for c in conflicts if c["kind"] == "number"
               and c["a"]["source"] != c["b"]["source"]]  # type: ignore[index]
    expected = case[5]
    if expected is None:
        # (claim groups may still pair two alike sentences; the fact sheets must not)
        sheets = [c for c in numbers if c["origin"] == "fact_sheet"]
        assert sheets == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in sheets]
        return
    assert any(_values(c) == set(expected) and c["origin"] == "fact_sheet" for c in numbers), [
        (c["kind"], c["a_value"], c["b_value"]) for c in conflicts]


def test_the_toll_the_shooting_left_ties_two_claims(tmp_path: Path) -> None:
    """Both claims give the toll a shooting left: the fact sheets find the conflict with
    confidence over the reporting margin (claim groups may pair the two sentences too)."""
    from claimcheck.differ import FACT_SHEET_MARGIN

    rows = [
        {"id": "left-a", "outlet": "Outlet A", "published": "2024-03-04", "title": "",
         "text": "Police said a shooting early Saturday on the east side left nine people "
                 "injured, including one in critical condition."},
        {"id": "left-b", "outlet": "Outlet B", "published": "2024-03-04", "title": "",
         "text": "Detectives are investigating a shooting that left eleven people injured "
                 "early Saturday."},
    ]
    conflicts = sheet_conflicts_of(rows, tmp_path)
    found = [c for c in conflicts if {c.a_value, c.b_value} == {"9", "11"}]
    assert found and found[0].confidence >= 0.5 + FACT_SHEET_MARGIN, [
        (c.a_value, c.b_value, c.confidence) for c in conflicts]
