"""One sentence told word for word by two articles but for one name (compare/mirrors.py).

Every case is two invented local-news articles about one incident, run through the real
pipeline (ingest, then diff): the mirrored sentence differs in one name only.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import conflicts_of

CONTEXT_A = ("A four-year-old boy was accidentally shot in the foot by his younger brother on "
             "Tuesday, the sheriff's office said. He was taken to a children's hospital.")
CONTEXT_B = ("A young boy was taken to a children's hospital on Tuesday after his younger brother "
             "accidentally shot him in the foot, deputies said.")


def _conflicts(tmp_path: Path, sent_a: str, sent_b: str, kind: str) -> list[dict[str, object]]:
    rows = [
        {"id": "a", "outlet": "Valley Herald", "published": "2024-05-22",
         "text": f"{CONTEXT_A}\n\n{sent_a}\n\nThe investigation continues."},
        {"id": "b", "outlet": "County News", "published": "2024-05-22",
         "text": f"{CONTEXT_B}\n\n{sent_b}\n\nNo charges are expected."},
    ]
    return [c for c in conflicts_of(rows, tmp_path, "story") if c["kind"] == kind]


MIRROR = ("The two boys were at their grandfather's home about 18 miles west of {} at the time "
          "of the shooting early Tuesday afternoon, the chief deputy said.")


def test_town_after_miles_west_of(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, MIRROR.format("Kelbrook"), MIRROR.format("Marlow"), "place")
    assert {(c["a_value"], c["b_value"]) for c in got} & {("Kelbrook", "Marlow"), ("Marlow", "Kelbrook")}, got


def test_same_town_is_quiet(tmp_path: Path) -> None:
    assert _conflicts(tmp_path, MIRROR.format("Kelbrook"), MIRROR.format("Kelbrook"), "place") == []


HISTORY = "The mayor said on Tuesday that this was the most difficult day in the history of {} by far."


def test_known_city_against_a_name_the_finder_left_unknown(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, HISTORY.format("Orlando"), HISTORY.format("Brantwick"), "place")
    assert any({c["a_value"], c["b_value"]} == {"Orlando", "Brantwick"} for c in got), got


def test_state_holding_the_town_is_a_refinement(tmp_path: Path) -> None:
    sent = "Three people were wounded when a gunman opened fire at a house party in {} early Saturday morning."
    got = _conflicts(tmp_path, sent.format("Houston"), sent.format("Texas"), "place")
    assert got == []


def test_hedged_on_one_side_only_is_quiet(tmp_path: Path) -> None:
    got = _conflicts(
        tmp_path,
        "The boys may have been at their grandfather's home about 18 miles west of Kelbrook at the time of the shooting.",
        "The boys were at their grandfather's home about 18 miles west of Marlow at the time of the shooting.",
        "place",
    )
    assert not any({c["a_value"], c["b_value"]} == {"Kelbrook", "Marlow"} for c in got), got


def test_dateline_is_not_the_changed_name(tmp_path: Path) -> None:
    sent = "{} (AP) - The two boys were at their grandfather's home at the time of the shooting early Tuesday afternoon."
    got = _conflicts(tmp_path, sent.format("KELBROOK"), sent.format("MARLOW"), "place")
    assert got == []


NAMED = "Police said 11-year-old {} was shot in the chest while he played a video game with his brother."


def test_person_one_given_name_two_surnames(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, NAMED.format("Tavon Meeks"), NAMED.format("Tavon Reddick"), "entity")
    assert any({c["a_value"], c["b_value"]} == {"Tavon Meeks", "Tavon Reddick"} for c in got), got


def test_initial_for_the_given_name_is_quiet(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, NAMED.format("T. Reddick"), NAMED.format("Tavon Reddick"), "entity")
    assert got == []


def test_two_different_names_are_not_a_surname_conflict(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, NAMED.format("Tavon Meeks"), NAMED.format("Julian Reddick"), "entity")
    assert not any({c["a_value"], c["b_value"]} == {"Tavon Meeks", "Julian Reddick"} for c in got), got
