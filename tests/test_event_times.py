"""The time of day of the shooting, told right after its own word by two articles of one
story ("occurred at about 2:30 a.m." / "was shot and killed around 1:50 a.m."), and its
look-alikes: one time told roughly, "after 3 a.m." against "3:30 a.m.", the time of a call
or an arrival, two shootings on two streets.

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

TAIL = " Dana Rell, 25, died at the scene, Calder police said."

# (id, text A, text B, expected date values or None)
CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "half-hour-apart",
        "The shooting of Dana Rell occurred at about 2:30 a.m. Sunday near the Orchard Street "
        "market in Calder." + TAIL,
        "Dana Rell was shot and killed around 1:50 a.m. Sunday near the Orchard Street market "
        "in Calder." + TAIL,
        ("about 2:30 a.m.", "around 1:50 a.m."),
    ),
    (
        # twenty minutes apart: one time told roughly
        "roughly-one-time",
        "The shooting of Dana Rell occurred at about 2:30 a.m. Sunday near the Orchard Street "
        "market in Calder." + TAIL,
        "Dana Rell was shot and killed around 2:50 a.m. Sunday near the Orchard Street market "
        "in Calder." + TAIL,
        None,
    ),
    (
        # "after 3 a.m." holds 3:30
        "after-three",
        "The shooting of Dana Rell occurred about 3:30 a.m. Sunday near the Orchard Street "
        "market in Calder." + TAIL,
        "Gunfire rang out after 3 a.m. Sunday near the Orchard Street market in Calder, where "
        "Dana Rell was shot." + TAIL,
        None,
    ),
    (
        # the time the police arrived is another moment
        "arrival",
        "The shooting of Dana Rell happened about 2:30 a.m. Sunday near the Orchard Street "
        "market in Calder." + TAIL,
        "Officers arrived about 3:30 a.m. Sunday at the Orchard Street market in Calder after "
        "Dana Rell was shot." + TAIL,
        None,
    ),
    (
        # two shootings of one evening on two streets
        "two-streets",
        "Dana Rell was shot about 8:20 p.m. on the 600 block of Elm Place in Calder." + TAIL,
        "The shooting occurred about 9:20 p.m. on the 300 block of Ridge Road in Calder, "
        "hours after Dana Rell was hurt." + TAIL,
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_time_of_the_shooting(case: tuple[str, str, str, tuple[str, str] | None],
                              tmp_path: Path) -> None:
    cid, text_a, text_b, expected = case
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": "2024-03-04", "text": text_a},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": "2024-03-04", "text": text_b},
    ]
    times = [c for c in conflicts_of(rows, tmp_path, cid)
             if c["kind"] == "date" and c["origin"] == "fact_sheet"
             and ("a.m." in str(c["a_value"]) or "p.m." in str(c["a_value"]))]
    if expected is None:
        assert times == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in times]
        return
    assert any({c["a_value"], c["b_value"]} == set(expected) for c in times), [
        (c["a_value"], c["b_value"]) for c in times]
