"""One person, two names: articles of one story that give one person different surnames.

Every case is two invented local-news articles about one incident, run through the real
pipeline (ingest, then diff). A conflict needs the given name to match and something to tie
the two mentions to one person; two people who merely share a given name stay apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimcheck
from claimcheck.report import to_json_dict

CONTEXT_A = ("A shooting outside a laundromat on Birch Street in Dunmore left one man dead late "
             "Friday, police said. Officers found shell casings near the entrance.")
CONTEXT_B = ("Police in Dunmore are investigating a fatal shooting outside a Birch Street laundromat "
             "late Friday. Shell casings were found near the door, officers said.")


def _conflicts(tmp_path: Path, sent_a: str, sent_b: str) -> list[dict[str, object]]:
    rows = [
        {"id": "a", "outlet": "Dunmore Herald", "published": "2024-03-09",
         "text": f"{CONTEXT_A}\n\n{sent_a}\n\nThe investigation continues."},
        {"id": "b", "outlet": "Valley News", "published": "2024-03-09",
         "text": f"{CONTEXT_B}\n\n{sent_b}\n\nAnyone with information is asked to call police."},
    ]
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    result = claimcheck.diff(db, min_confidence=0.3)
    return [c for c in to_json_dict(result)["conflicts"] if c["kind"] == "entity"]


def test_same_person_two_surnames_by_age(tmp_path: Path) -> None:
    got = _conflicts(
        tmp_path,
        "The man who died was identified as Deshawn Corrigan, 27, of Dunmore.",
        "Police identified the victim as Deshawn Whitfield, 27.",
    )
    assert len(got) == 1, got
    c = got[0]
    assert {c["a_value"], c["b_value"]} == {"Deshawn Corrigan", "Deshawn Whitfield"}
    assert c["origin"] == "fact_sheet" and c["attribute"] == "name"
    assert "Deshawn" in str(c["explanation"])


def test_spelling_variant_is_reported_and_said(tmp_path: Path) -> None:
    got = _conflicts(
        tmp_path,
        "Marisol Hennessey, 34, was arrested Saturday and charged with murder.",
        "Marisol Hennesey, 34, was arrested Saturday and charged with murder.",
    )
    assert len(got) == 1, got
    assert "spelling" in str(got[0]["explanation"])
    assert float(got[0]["confidence"]) < 0.5  # below diff's default cut: a typo or transliteration


@pytest.mark.parametrize("sent_a, sent_b", [
    # a victim and a suspect who share a given name
    ("The victim, Marcus Olander, 19, died at the scene.",
     "Police arrested a suspect, Marcus Pruitt, on Saturday."),
    # ages far apart: a father and a son of one given name, or two people
    ("Trevor Banning, 52, was shot in the chest.",
     "Trevor Caskey, 17, was shot in the chest."),
    # one article names both people
    ("Lionel Ostrander, 40, and his cousin Lionel Hatch were at the laundromat.",
     "Lionel Hatch, 40, was wounded."),
    # a middle name and a full name: "Tavon Reese" and "Tavon Reese Gaither" are one name
    ("Tavon Reese, 22, was shot and killed.",
     "Tavon Reese Gaither, 22, was shot and killed."),
    # nothing ties the two mentions: no age, no role, different sentences
    ("Gareth Pollard opened the laundromat in 2015 with his brother.",
     "Gareth Simmonds lives in an apartment above the laundromat."),
])
def test_two_people_of_one_given_name_stay_apart(tmp_path: Path, sent_a: str, sent_b: str) -> None:
    assert _conflicts(tmp_path, sent_a, sent_b) == []
