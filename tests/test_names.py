"""One person, two names: articles of one story that give one person different surnames.

Every case is two invented local-news articles about one incident, run through the real
pipeline (ingest, then diff). A conflict needs the given name to match and something to tie
the two mentions to one person; two people who merely share a given name stay apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of

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
    return [c for c in conflicts_of(rows, tmp_path, "story", min_confidence=0.3)
            if c["kind"] == "entity"]


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


# --- one article that gives the person's surname once in another way (a slip) -------------


@pytest.mark.parametrize("sent_a, sent_b, values", [
    # the same age: "Raad Daniels, 24" in an article that elsewhere says "Raad Sunna"
    ("Raad Sunna fired several shots at the laundromat door. Raad Daniels, 24, was arrested "
     "Monday and is facing a murder charge.",
     "Raad Sunna, 24, faces one count of open murder.", {"Raad Daniels", "Raad Sunna"}),
    # the same role: the victim both ways
    ("Friends gathered for Jimmy Okafor on Saturday. The 15-year-old victim has been identified "
     "as Jimmy Kerrigan, a freshman at Dunmore High School.",
     "The 15-year-old victim, identified as Jimmy Okafor, was found in the hallway.",
     {"Jimmy Kerrigan", "Jimmy Okafor"}),
])
def test_a_surname_slip_within_one_article(tmp_path: Path, sent_a: str, sent_b: str,
                                           values: set[str]) -> None:
    got = _conflicts(tmp_path, sent_a, sent_b)
    assert len(got) == 1, got
    assert {got[0]["a_value"], got[0]["b_value"]} == values
    assert float(got[0]["confidence"]) >= 0.5


@pytest.mark.parametrize("sent_a, sent_b", [
    # the second person comes back by surname: a real second person
    ("Raad Sunna fired several shots at the laundromat door. Raad Daniels, 24, was arrested "
     "Monday. Daniels told police he saw the gunman.",
     "Raad Sunna, 24, faces one count of open murder."),
    # the two surnames in one sentence: two people (or a maiden name the article states)
    ("Raad Sunna, 24, and his friend Raad Daniels, 24, were at the laundromat door.",
     "Raad Sunna, 24, faces one count of open murder."),
    # no age or role ties the odd name to the person: a neighbour sharing a given name
    ("Raad Sunna fired several shots at the laundromat door. Raad Daniels runs the bakery "
     "next door.",
     "Raad Sunna, 24, faces one count of open murder."),
    # ages apart
    ("Raad Sunna fired several shots at the laundromat door. Raad Daniels, 61, owns the "
     "building.",
     "Raad Sunna, 24, faces one count of open murder."),
])
def test_a_second_person_of_one_given_name_in_one_article_stays_apart(
        tmp_path: Path, sent_a: str, sent_b: str) -> None:
    assert _conflicts(tmp_path, sent_a, sent_b) == []


def test_spellings_of_one_surname_count_as_one_person(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "outlet": "Dunmore Herald", "published": "2024-03-09",
         "text": f"{CONTEXT_A}\n\nKodi Pruner, 18, was shot near the laundromat."},
        {"id": "b", "outlet": "Valley News", "published": "2024-03-09",
         "text": f"{CONTEXT_B}\n\nAn 18-year-old, Kodi Prunner, is in critical condition."},
        {"id": "c", "outlet": "Lackawanna Times", "published": "2024-03-09",
         "text": f"{CONTEXT_A}\n\nPolice said a man shot 18-year-old Kodi Sharp near the door."},
    ]
    got = [c for c in conflicts_of(rows, tmp_path, "spell") if c["kind"] == "entity"
           and "Kodi Sharp" in (c["a_value"], c["b_value"])]
    assert got, "Sharp against Pruner/Prunner"


@pytest.mark.parametrize("sent_a, sent_b, conflict", [
    # the same given and middle name tie the two mentions
    ("Documents stated that Lakim Anthony Ingram shot the four victims.",
     "Lakim Anthony Faust pleaded guilty Tuesday to four counts of attempted murder.", True),
    ("Documents stated that Lakim Anthony Ingram shot the four victims.",
     "Lakim Jerome Faust pleaded guilty Tuesday to four counts of attempted murder.", False),
    # a third person named with both
    ("Friends lit candles for Anna Bui, Jake Long and Jordan Simms on Sunday.",
     "The victims were Anna Bui, Jordan Ebner and Jake Long.", True),
    ("Friends lit candles for Anna Bui, Jake Long and Jordan Simms on Sunday.",
     "Coach Jordan Ebner praised Maria Gomez for her courage.", False),
])
def test_middle_names_and_companions_tie_two_names(tmp_path: Path, sent_a: str, sent_b: str,
                                                   conflict: bool) -> None:
    got = _conflicts(tmp_path, sent_a, sent_b)
    assert bool(got) == conflict, got
    if conflict:
        assert float(got[0]["confidence"]) >= 0.5


def test_a_surname_equal_to_the_given_name(tmp_path: Path) -> None:
    got = _conflicts(tmp_path, "Abdi Abdi, 18, was charged with capital murder on Friday.",
                     "Abdi Kaufman, 18, was charged with capital murder on Friday.")
    assert len(got) == 1 and {got[0]["a_value"], got[0]["b_value"]} == {"Abdi Abdi", "Abdi Kaufman"}


def test_two_surnames_an_article_gives_two_people_stay_apart(tmp_path: Path) -> None:
    # "Josh Harber" is a spelling of "Haber"; article a names Haber and Williams as two people
    got = _conflicts(tmp_path,
                     "Joshua Haber, 19, died at the scene, and Josh Williams, 20, died later.",
                     "Joshua Williams, 20, and Josh Harber, 19, were killed.")
    assert got == []


def test_a_middle_name_must_be_a_given_name() -> None:
    from claimcheck.compare.model import ClaimRecord, Slot
    from claimcheck.compare.names import _Mention, _middle

    claim = ClaimRecord("c", "a", "a", "", 0, 10, "x", "x", 1, "", "", "", "2024-01-01")

    def mention(full: str) -> _Mention:
        slot = Slot("person", full, full, None, None, None, None, 0, len(full))
        words = full.split()
        return _Mention(words[0], words[-1], full, claim, slot)

    assert _middle(mention("Lakim Anthony Ingram")) == "lakim anthony"
    assert _middle(mention("Big Creek Reservoir")) == ""
    assert _middle(mention("Harris County Precinct")) == ""


def test_a_husband_of_the_other_surname_keeps_the_conflict(tmp_path: Path) -> None:
    # article a names the husband Green: a person of the other surname but another given name
    got = _conflicts(tmp_path,
                     "In 1991 Ray Green fatally stabbed his wife, Tonya Clayton, 27, who was "
                     "six months pregnant.",
                     "In 1991 Green fatally stabbed his wife, Tonya Green, 27, who was six "
                     "months pregnant.")
    assert len(got) == 1 and {got[0]["a_value"], got[0]["b_value"]} == {"Tonya Clayton", "Tonya Green"}


def test_a_place_read_as_a_name_is_no_person() -> None:
    from claimcheck.compare.model import Slot
    from claimcheck.compare.names import _split

    def split(name: str) -> tuple[str, str] | None:
        return _split(Slot("person", name, name, None, None, None, None, 0, len(name)))

    assert split("Big Creek Reservoir") is None
    assert split("Harris County Precinct") is None
    assert split("Jordan Park") == ("Jordan", "Park")  # a surname that is also a place word


def test_surname_with_an_inner_capital_is_a_name(tmp_path: Path) -> None:
    # "McCorrigan": a capital inside the surname ("Mc", "De", "La") is still one name word
    got = _conflicts(
        tmp_path,
        "The man who died was identified as Deshawn McCorrigan, 27, of Dunmore.",
        "Police identified the victim as Deshawn Whitfield, 27.",
    )
    assert any({c["a_value"], c["b_value"]} == {"Deshawn McCorrigan", "Deshawn Whitfield"}
               for c in got), got


def test_same_home_block_ties_two_surnames(tmp_path: Path) -> None:
    got = _conflicts(
        tmp_path,
        "He was identified as Donald Vasko, of the 3000 block of West Dickens Avenue.",
        "Donald Williams, 17, of the 3000 block of West Dickens Street, was shot in the back.",
    )
    assert any({c["a_value"], c["b_value"]} == {"Donald Vasko", "Donald Williams"} for c in got), got


def test_another_home_block_ties_nothing(tmp_path: Path) -> None:
    got = _conflicts(
        tmp_path,
        "He was identified as Donald Vasko, of the 4100 block of North Kedzie Avenue.",
        "Donald Williams, 17, of the 3000 block of West Dickens Street, was shot in the back.",
    )
    assert got == []


def test_age_picks_one_of_two_people_of_one_given_name(tmp_path: Path) -> None:
    # the victim is "David Marlowe, 11"; his stepfather David Rourke is named too
    got = _conflicts(
        tmp_path,
        "The gunfire killed David Marlowe, 11. The boys' stepfather, David Rourke, declined to comment.",
        "Police said 11-year-old David Brennan was shot inside the home.",
    )
    assert any({c["a_value"], c["b_value"]} == {"David Marlowe", "David Brennan"} for c in got), got
    assert not any("David Rourke" in (c["a_value"], c["b_value"]) for c in got), got


def test_age_fits_neither_of_two_people(tmp_path: Path) -> None:
    # a 40-year-old David is neither the boy of 11 nor told apart from the stepfather
    got = _conflicts(
        tmp_path,
        "The gunfire killed David Marlowe, 11. The boys' stepfather, David Rourke, declined to comment.",
        "Police said David Brennan, 40, was questioned at the home.",
    )
    assert got == []


def test_title_on_one_side_needs_more_than_shared_words(tmp_path: Path) -> None:
    # a mayor named by office and a resident of one given name: the shared words of the
    # two sentences ("asked", "council", "budget") do not make them one person
    got = _conflicts(
        tmp_path,
        "The council asked Mayor Deshawn Corrigan about the police budget on Tuesday.",
        "Deshawn Whitfield asked the council about the police budget on Tuesday.",
    )
    assert got == []
