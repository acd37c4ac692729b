"""Numbers of one incident told two ways in sentences that do not look alike: the age of a
story's one victim (named or not), the toll of a shooting when both accounts name the same
person, venue or address, and a person's age that one article gives twice (once as the
other article does).

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

STORE = ("Calder police are asking witnesses to come forward after the shooting outside a "
         "corner store on Birch Road. ")

# (id, published A, text A, published B, text B, expected number values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        # one victim, unnamed in both accounts, in sentences of other words
        "victim-age",
        "2024-03-04",
        STORE + "Calder police said a 16-year-old boy was shot and killed Saturday outside the "
        "corner store.",
        "2024-03-04",
        "The shooting death of a 13-year-old boy outside a Calder corner store on Saturday has "
        "shaken neighbours. " + STORE,
        ("16", "13"),
    ),
    (
        # a named victim and an unnamed one: "Risher, a 21-year-old man, was fatally shot"
        "victim-age-named",
        "2024-03-04",
        STORE + "Tomas Risher, a 21-year-old man, was fatally shot by a stranger on Saturday.",
        "2024-03-04",
        "The gunfight outside the store on Saturday left an 18-year-old man dead, neighbours "
        "said. " + STORE,
        ("21", "18"),
    ),
    (
        # two boys were shot: each account may tell of another one
        "two-victims",
        "2024-03-04",
        STORE + "Two boys were shot Saturday outside the corner store. A 16-year-old boy was "
        "shot in the leg.",
        "2024-03-04",
        "A 13-year-old boy was shot in the arm outside a Calder corner store on Saturday, "
        "police said. " + STORE,
        None,
    ),
    (
        # the 13-year-old is the one arrested, not the one shot
        "suspects-age",
        "2024-03-04",
        STORE + "Calder police said a 16-year-old boy was shot and killed Saturday outside the "
        "corner store.",
        "2024-03-05",
        "A 13-year-old boy was arrested Monday and charged in the killing outside a Calder "
        "corner store. " + STORE,
        None,
    ),
    (
        # a boy and a girl are two children
        "other-gender",
        "2024-03-04",
        STORE + "Calder police said a 16-year-old boy was shot and killed Saturday outside the "
        "corner store.",
        "2024-03-04",
        "The shooting death of a 13-year-old girl outside a Calder corner store on Saturday has "
        "shaken neighbours. " + STORE,
        None,
    ),
    (
        # both name the tavern: one incident, so five and seven shot disagree
        "toll-at-a-named-venue",
        "2024-03-04",
        "Five people were shot late Saturday outside the Copper Kettle Tavern in Calder, "
        "police said.",
        "2024-03-04",
        "A fight inside the Copper Kettle Tavern spilled outside before seven people were shot, "
        "witnesses told reporters in Calder.",
        ("5", "7"),
    ),
    (
        # the same words without the name: nothing ties the two tolls to one night
        "toll-without-a-name",
        "2024-03-04",
        "Five people were shot late Saturday outside a tavern in Calder, police said.",
        "2024-03-04",
        "A fight inside a bar spilled outside before seven people were shot, witnesses told "
        "reporters in Calder.",
        None,
    ),
    (
        # one scene in the same words, but two nights: two block parties
        "toll-two-nights",
        "2024-03-04",
        "Five people were shot late Sunday night at a block party on the east side, Calder "
        "police said.",
        "2024-03-04",
        "On Friday night a dispute at a block party near the river ended with four people "
        "shot, Calder police said.",
        None,
    ),
    (
        # men are some of the people: three men and five people do not disagree
        "toll-of-a-part",
        "2024-03-04",
        "Five people were shot late Saturday outside the Copper Kettle Tavern in Calder, "
        "police said.",
        "2024-03-04",
        "A fight inside the Copper Kettle Tavern spilled outside before three men were shot, "
        "witnesses told reporters in Calder.",
        None,
    ),
    (
        # all the dead against those the gunman killed: he may be the one between them
        "toll-with-the-gunman",
        "2024-03-04",
        "A total of 50 people were killed in the shooting at the Crescent Club in Calder, "
        "officials said.",
        "2024-03-04",
        "Relatives gathered on Sunday to mourn the victims of the gunman who killed 49 at the "
        "Crescent Club in Calder.",
        None,
    ),
    (
        # "found 45-year-old Dario Menz" against "Menz, 42," in both articles
        "age-told-twice",
        "2024-03-04",
        "Officers found 45-year-old Dario Menz hiding at a motel near the highway on Sunday, "
        "police said. Menz, 42, was held without bond after the shooting on Birch Road in "
        "Calder.",
        "2024-03-05",
        "Dario Menz, 42, was charged on Monday with the shooting on Birch Road in Calder.",
        ("45", "42"),
    ),
]


def _run(case: tuple[str, str, str, str, str, tuple[str, str] | None],
         tmp_path: Path) -> list[dict[str, object]]:
    cid, pub_a, text_a, pub_b, text_b, _ = case
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": pub_a, "text": text_a},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": pub_b, "text": text_b},
    ]
    return conflicts_of(rows, tmp_path, cid)


def _values(c: dict[str, object]) -> set[str]:
    return {str(c["a_value"]).split("-")[0].split()[-1], str(c["b_value"]).split("-")[0].split()[-1]}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_number_of_one_incident_told_two_ways(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = _run(case, tmp_path)
    numbers = [c for c in conflicts if c["kind"] == "number"]
    expected = case[5]
    if expected is None:
        # (claim groups may still pair two alike sentences; the fact sheets must not)
        sheets = [c for c in numbers if c["origin"] == "fact_sheet"]
        assert sheets == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in sheets]
        return
    # across the two articles (an article contradicting itself is another report)
    assert any(_values(c) == set(expected) and c["a"]["source"] != c["b"]["source"]  # type: ignore[index]
               for c in numbers), [
        (c["kind"], c["a_value"], c["b_value"]) for c in conflicts]


def test_a_toll_that_rose_later_is_an_update(tmp_path: Path) -> None:
    rows = [
        {"id": "rose-a", "outlet": "Outlet A", "published": "2024-03-04",
         "text": "Five people were shot late Saturday outside the Copper Kettle Tavern in "
                 "Calder, police said."},
        {"id": "rose-b", "outlet": "Outlet B", "published": "2024-03-06",
         "text": "The number of people shot outside the Copper Kettle Tavern rose to seven on "
                 "Tuesday as more victims came forward, Calder police said."},
    ]
    numbers = [c for c in conflicts_of(rows, tmp_path, "rose") if c["kind"] == "number"]
    assert all(c["update"] for c in numbers), [(c["a_value"], c["b_value"]) for c in numbers]
