"""Lists of unnamed people's ages, aligned by order across two articles of one story.

Invented stories, through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

CONTEXT_A = "Two men were killed in a shooting on Alder Street in Brennick early Sunday, police said. "
CONTEXT_B = "Police in Brennick said two men died in a shooting on Alder Street early Sunday. "

# (id, sentence A, sentence B, expected values or None)
CASES: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "one-age-of-three",
        "Three other victims, a 25-year-old man, a 29-year-old man and a 33-year-old man, were "
        "taken to a hospital with wounds that were not life-threatening.",
        "The wounded, a 25-year-old man, a 26-year-old man and a 33-year-old man, were "
        "treated at a hospital for injuries that were not life-threatening.",
        ("29", "26"),
    ),
    (
        # two lists of different lengths: other groups of people
        "lists-of-two-lengths",
        "The wounded, a 25-year-old man, a 29-year-old man and a 33-year-old man, were taken "
        "to a hospital.",
        "The dead were a 25-year-old man and a 26-year-old man, police said.",
        None,
    ),
    (
        # the same ages in the same order: agreement
        "same-list",
        "The wounded, a 25-year-old man, a 29-year-old man and a 33-year-old man, were taken "
        "to a hospital.",
        "Three men, aged 25, 29 and 33, were treated at a hospital for their wounds.",
        None,
    ),
    (
        # a list of two whose genders differ from the other's: two other people
        "genders-differ",
        "A 19-year-old woman and a 22-year-old man were wounded on the porch.",
        "A 19-year-old man and a 24-year-old woman were wounded on the porch.",
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_age_lists(case: tuple[str, str, str, tuple[str, str] | None], tmp_path: Path) -> None:
    name, sa, sb, expected = case
    rows = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": "2024-05-06", "title": "",
         "text": CONTEXT_A + sa},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": "2024-05-06", "title": "",
         "text": CONTEXT_B + sb},
    ]
    conflicts = conflicts_of(rows, tmp_path, name)
    listed = [c for c in conflicts if c["kind"] == "number" and "list" in str(c["explanation"])]
    if expected is None:
        assert listed == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in listed]
        return
    assert any({str(c["a_value"]), str(c["b_value"])} == set(expected) for c in listed), [
        (c["kind"], c["a_value"], c["b_value"], c["explanation"]) for c in conflicts]


# The one victim's age told two ways by one article, one of them as the other article says.
# (id, text A, text B, expected values or None)
ONE_VICTIM: list[tuple[str, str, str, tuple[str, str] | None]] = [
    (
        "odd-one-out",
        "A 19-year-old boy from Harlan County died on New Year's Eve after an accidental "
        "shooting, police say. Deputies said they were called to a home near Millbrook. When "
        "they arrived, responders found a 16-year-old boy had been shot.",
        "MILLBROOK -- A 16-year-old boy died after accidentally shooting himself at his home "
        "on New Year's Eve, deputies said.",
        ("19", "16"),
    ),
    (
        # two boys shot: two victims, two ages
        "two-victims",
        "Two boys were shot at a home near Millbrook on New Year's Eve, police say. A "
        "19-year-old boy died at the scene. Deputies said a 16-year-old boy had been shot in "
        "the arm.",
        "MILLBROOK -- A 16-year-old boy was wounded in a shooting at a home on New Year's Eve, "
        "deputies said.",
        None,
    ),
    (
        # a girl and a boy: two people
        "two-genders",
        "A 19-year-old woman died on New Year's Eve after an accidental shooting near "
        "Millbrook, police say. Responders found a 16-year-old boy had been shot.",
        "MILLBROOK -- A 16-year-old boy was wounded in an accidental shooting on New Year's "
        "Eve, deputies said.",
        None,
    ),
]


@pytest.mark.parametrize("case", ONE_VICTIM, ids=[c[0] for c in ONE_VICTIM])
def test_one_victims_odd_age(case: tuple[str, str, str, tuple[str, str] | None], tmp_path: Path) -> None:
    name, ta, tb, expected = case
    rows = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": "2025-01-01", "title": "", "text": ta},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": "2025-01-01", "title": "", "text": tb},
    ]
    conflicts = conflicts_of(rows, tmp_path, name)
    ages = [c for c in conflicts if c["kind"] == "number" and c["a"]["source"] != c["b"]["source"]]  # type: ignore[index]
    if expected is None:
        assert ages == [], [(c["a_value"], c["b_value"], c["explanation"]) for c in ages]
        return
    assert any({str(c["a_value"]), str(c["b_value"])} == set(expected) for c in ages), [
        (c["kind"], c["a_value"], c["b_value"], c["explanation"]) for c in conflicts]
