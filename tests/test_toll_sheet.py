"""An article's whole toll, told among its scene shares; tolls of articles naming many
places, compared sentence by sentence; counts told in a past clause of a future sentence.

Invented stories, through the real pipeline (ingest, then diff). Each rule has look-alikes
that must stay quiet: one scene's share, a toll that rose later, another incident of a
round-up, "one of the four victims", "one ... and the other".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of, sheet_conflicts_of

WHOLE_BESIDE_A_SHARE = (
    "A total of five people were killed at a house party in Brennick early Saturday, police "
    "said. The gunman walked through the house to the garden, where he killed two people at a "
    "fire pit before firing from the roof."
)

# (id, published A, text A, published B, text B, expected number values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        # the same shape, both articles agreeing on the whole: the share is no toll
        "share-is-no-toll",
        "2024-07-01",
        "Three people were killed at a house party in Brennick early Saturday, police said. "
        "The gunman walked through the house to the garden, where he killed two people at a "
        "fire pit before firing from the roof.",
        "2024-07-01",
        "Three people were killed at a house party in Brennick early Saturday, police said. "
        "Detectives have not released a motive.",
        None,
    ),
    (
        # a toll that rose later: A gives two whole tolls (no single one), so no article value
        "toll-rose-later",
        "2024-07-03",
        "Three people were killed in a shooting at a Brennick bar early Saturday. A fourth "
        "victim died on Monday, and police now say four people were killed.",
        "2024-07-01",
        "Three people were killed in a shooting at a Brennick bar early Saturday, police said.",
        None,
    ),
    (
        # "one of the four victims" counts four; both say four
        "one-of-the-victims",
        "2024-07-01",
        "Police said four people were shot at a home on Larch Avenue in Brennick on Friday "
        "night. One of the four victims was shot in the chest.",
        "2024-07-01",
        "Four people were shot at a home on Larch Avenue in Brennick on Friday night, police "
        "said.",
        None,
    ),
    (
        # a count told in a past clause of a sentence about the future; no one died, so
        # those shot are those injured
        "past-clause-of-a-future-sentence",
        "2024-07-03",
        "The Oakmere community center will reopen on Wednesday after two teenagers were shot "
        "in its parking lot on Monday afternoon.",
        "2024-07-02",
        "Four teens were injured on Monday afternoon in a shooting in the parking lot of the "
        "Oakmere community center, police said.",
        ("2", "4"),
    ),
    (
        # "one teen was shot in the foot and the other in the leg": one of two, no toll
        "one-and-the-other",
        "2024-07-02",
        "Two teens were shot on Monday afternoon in the parking lot of the Oakmere community "
        "center. One teenager was shot in the foot and the other in the leg.",
        "2024-07-02",
        "Two teenagers were shot on Monday afternoon in the parking lot of the Oakmere "
        "community center, police said.",
        None,
    ),
]


def _run(case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
         ) -> list[dict[str, object]]:
    name, pa, ta, pb, tb, _ = case
    rows = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": pa, "title": "", "text": ta},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": pb, "title": "", "text": tb},
    ]
    return conflicts_of(rows, tmp_path, name)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_toll_sheet(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = _run(case, tmp_path)
    numbers = [c for c in conflicts if c["kind"] == "number"
               and c["a"]["source"] != c["b"]["source"]]  # type: ignore[index]
    expected = case[5]
    sheets = [c for c in numbers if c["origin"] == "fact_sheet"]
    if expected is None:
        assert sheets == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in sheets]
        return
    # (claim groups may pair two alike sentences too; the fact sheets must find it)
    assert any({str(c["a_value"]), str(c["b_value"])} == set(expected) for c in sheets), [
        (c["kind"], c["a_value"], c["b_value"], c["explanation"]) for c in conflicts]


def _sheets(rows: list[dict[str, str]], tmp_path: Path) -> list[tuple[str, str, float]]:
    """The fact sheets' number conflicts (values, confidence) of invented articles."""
    return [(c.a_value, c.b_value, c.confidence)
            for c in sheet_conflicts_of(rows, tmp_path) if c.kind == "number"]


def test_the_whole_toll_beside_a_scene_share(tmp_path: Path) -> None:
    """The article's toll is the one told whole: five against three, over the reporting
    margin, and never the gunman's share at the fire pit against the other's three."""
    from claimcheck.differ import FACT_SHEET_MARGIN

    found = _sheets([
        {"id": "w-a", "outlet": "Outlet A", "published": "2024-07-01", "title": "",
         "text": WHOLE_BESIDE_A_SHARE},
        {"id": "w-b", "outlet": "Outlet B", "published": "2024-07-01", "title": "",
         "text": "Three people were killed when a gunman opened fire on a crowded birthday "
                 "gathering in Brennick early Saturday, the sheriff said."},
    ], tmp_path)
    assert any({a, b} == {"5", "3"} and conf >= 0.5 + FACT_SHEET_MARGIN for a, b, conf in found), found
    assert not any("2" in (a, b) for a, b, _ in found), found


# Round-ups (tolls told in two towns, another shooting) stay out of the toll comparison.
ROUNDUP_CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "two-tolls-in-two-towns",
        "Five people were killed at a house party in Everett early Saturday, police said. Two "
        "people were wounded in Spokane a few hours later.",
        "Everett police said three people were killed when a gunman opened fire on a crowded "
        "birthday gathering early Saturday.",
        None,
    ),
    (
        "another-shooting",
        "Five people were killed at a house party in Everett early Saturday, police said. In a "
        "separate shooting in Spokane, a man was arrested.",
        "Everett police said three people were killed when a gunman opened fire on a crowded "
        "birthday gathering early Saturday.",
        None,
    ),
]


@pytest.mark.parametrize("case", ROUNDUP_CASES, ids=[c[0] for c in ROUNDUP_CASES])
def test_round_ups_stay_out(
    case: tuple[str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    name, ta, tb, expected = case
    found = _sheets([
        {"id": f"{name}-a", "outlet": "Outlet A", "published": "2024-07-01", "title": "", "text": ta},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": "2024-07-01", "title": "", "text": tb},
    ], tmp_path)
    if expected is None:
        assert found == [], found
        return
    assert any({a, b} == set(expected) for a, b, _ in found), found
