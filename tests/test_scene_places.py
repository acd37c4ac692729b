"""Where the scene was and where the one person killed died, told two ways by two articles
of one story: "in the 5300 block of Noon Road" / "in the 5000 block of Noon Road", "was
pronounced dead at the scene" / "was pronounced dead at Mercy Medical Center"; and their
look-alikes (a corner told from either side, an arrest at another block, two people killed,
another case told with its own date).

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

TAIL = " Calder police asked witnesses of the shooting of Dana Rell to call them."

# (id, text A, text B, expected place values (their first words) or None)
CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "block",
        "Dana Rell, 31, was found shot Sunday in the 5300 block of Noon Road in Calder." + TAIL,
        "Officers found Dana Rell, 31, wounded Sunday at a home in the 5000 block of Noon Road "
        "in Calder." + TAIL,
        ("5300", "5000"),
    ),
    (
        # a corner: the 2600 and the 2700 block
        "corner",
        "Dana Rell, 31, was found shot Sunday in the 2600 block of Noon Road in Calder." + TAIL,
        "Officers found Dana Rell, 31, wounded Sunday at a home in the 2700 block of Noon Road "
        "in Calder." + TAIL,
        None,
    ),
    (
        # the arrest was made at another block of the street
        "arrest-block",
        "Dana Rell, 31, was found shot Sunday in the 5300 block of Noon Road in Calder." + TAIL,
        "A suspect was arrested Monday in the 1200 block of Noon Road in Calder, where Dana "
        "Rell, 31, had been shot." + TAIL,
        None,
    ),
    (
        "death-place",
        "Dana Rell, 31, was shot Sunday outside the Orchard Street market in Calder. He was "
        "pronounced dead at the scene." + TAIL,
        "Dana Rell, 31, was shot Sunday outside the Orchard Street market in Calder and was "
        "pronounced dead at Mercy Medical Center." + TAIL,
        ("at", "in"),
    ),
    (
        # two men were killed: each account may tell of another one
        "two-killed",
        "Two men were killed Sunday outside the Orchard Street market in Calder. One was "
        "pronounced dead at the scene." + TAIL,
        "Dana Rell, 31, was shot Sunday outside the Orchard Street market in Calder and died "
        "at Mercy Hospital." + TAIL,
        None,
    ),
    (
        # another case, told with its own date
        "other-case",
        "Dana Rell, 31, was shot Sunday outside the Orchard Street market in Calder and was "
        "pronounced dead at the scene." + TAIL,
        "Dana Rell, 31, was killed Sunday outside the Orchard Street market in Calder. On July "
        "27, 2015, another man was shot on the same corner. He later died at Mercy Hospital."
        + TAIL,
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_scene_told_two_ways(case: tuple[str, str, str, tuple[str, str] | None],
                             tmp_path: Path) -> None:
    cid, text_a, text_b, expected = case
    rows = [
        {"id": f"{cid}-a", "outlet": "Outlet A", "published": "2024-03-04", "text": text_a},
        {"id": f"{cid}-b", "outlet": "Outlet B", "published": "2024-03-04", "text": text_b},
    ]
    places = [c for c in conflicts_of(rows, tmp_path, cid)
              if c["kind"] == "place" and c["origin"] == "fact_sheet"
              and ("block" in str(c["a_value"]) or "scene" in str(c["a_value"])
                   or "hospital" in str(c["a_value"]))]
    if expected is None:
        assert places == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in places]
        return
    assert any({str(c["a_value"]).split()[0], str(c["b_value"]).split()[0]} == set(expected)
               for c in places), [(c["a_value"], c["b_value"]) for c in places]
