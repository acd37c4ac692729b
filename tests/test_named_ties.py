"""What ties two accounts of one shooting when their sentences differ: a person both
sentences name (the one victim's age), a neighbourhood both put the shooting in (the toll).

Invented stories, through the real pipeline (ingest, then diff). Each tie has look-alikes
that must stay quiet: another person named, nobody named, a story of several victims, two
neighbourhoods, a city every shooting of it shares.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of


def _numbers(a: str, b: str, tmp_path: Path, name: str,
             dates: tuple[str, str] = ("2024-03-12", "2024-03-13")) -> set[frozenset[str]]:
    rows: list[dict[str, object]] = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": dates[0], "title": "", "text": a},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": dates[1], "title": "", "text": b},
    ]
    return {frozenset((str(c["a_value"]), str(c["b_value"])))
            for c in conflicts_of(rows, tmp_path, name) if c["kind"] == "number"
            and c["a"]["source"] != c["b"]["source"]}  # type: ignore[index]


# --- the one victim's age, tied by a person both sentences name ----------------------------

ARREST_A = (
    "Dorian Whitlock, 24, was arrested last week in connection with a shooting in Pellston. "
    "Whitlock is charged with attempted murder and weapons offenses stemming from a March 7 "
    "shooting that wounded a 16-year-old male."
)

AGE_CASES = [
    # the suspect named in both sentences ties the two ages of the one wounded teen
    ("same-suspect", ARREST_A,
     "Police had arrested Dorian Whitlock last week for his alleged part in the shooting "
     "that wounded a 15-year-old in Pellston.", {"15", "16"}),
    # another man named: nothing ties the two teens
    ("other-suspect", ARREST_A,
     "Police had arrested Marcus Feeney last week for his alleged part in the shooting that "
     "wounded a 15-year-old in Pellston.", None),
    # nobody named on the other side
    ("nobody-named", ARREST_A,
     "Police had arrested a man last week for his alleged part in the shooting that wounded "
     "a 15-year-old in Pellston.", None),
    # the sentence naming him tells two days: the 15-year-old is another shooting's
    ("two-days", ARREST_A,
     "Police said Dorian Whitlock, the gunman in the March 7 shooting, was accused of "
     "shooting a 15-year-old in the leg in Pellston on Jan. 2.", None),
    # a story of several victims: the two ages may be two of them
    ("several-victims", ARREST_A.replace("wounded a 16-year-old male",
                                         "wounded three people, among them a 16-year-old male"),
     "Police had arrested Dorian Whitlock last week for his alleged part in the shooting "
     "that wounded three people, one of them a 15-year-old, in Pellston.", None),
]


@pytest.mark.parametrize("case", AGE_CASES, ids=[c[0] for c in AGE_CASES])
def test_victim_age_tied_by_a_named_person(
    case: tuple[str, str, str, set[str] | None], tmp_path: Path
) -> None:
    name, a, b, expected = case
    found = _numbers(a, b, tmp_path, name)
    if expected is None:
        assert not any(v & {"15", "16"} == {"15", "16"} for v in found), found
    else:
        assert frozenset(expected) in found, found


# --- a toll tied by the neighbourhood both put the shooting in ----------------------------

TOLL_CASES = [
    # no one died: the four shot are the injured; both put it in Cedar Hills
    ("same-neighbourhood",
     "The girl is among four people who were shot around 2:15 p.m. Friday in Cedar Hills, "
     "police said.",
     "Detectives are still looking for the car in a drive-by shooting in Cedar Hills on "
     "Friday afternoon that left two injured.", {"2", "4"}),
    # "the California neighborhood": a part of a town named as such, not the state
    ("named-neighbourhood",
     "The girl is among four people who were shot around 2:15 p.m. Friday in the California "
     "neighborhood, police said.",
     "Detectives are still looking for the car in a drive-by shooting in the California "
     "neighborhood on Friday afternoon that left two injured.", {"2", "4"}),
    # the state itself is no neighbourhood
    ("same-state",
     "The girl is among four people who were shot around 2:15 p.m. Friday in California, "
     "police said.",
     "Detectives are still looking for the car in a drive-by shooting in California on "
     "Friday afternoon that left two injured.", None),
    # two neighbourhoods: two scenes
    ("two-neighbourhoods",
     "The girl is among four people who were shot around 2:15 p.m. Friday in Cedar Hills, "
     "police said.",
     "Detectives are still looking for the car in a drive-by shooting in Oak Ridge on "
     "Friday afternoon that left two injured.", None),
    # a big city every shooting there shares ties nothing
    ("same-city",
     "The girl is among four people who were shot around 2:15 p.m. Friday in Chicago, "
     "police said.",
     "Detectives are still looking for the car in a drive-by shooting in Chicago on "
     "Friday afternoon that left two injured.", None),
]


@pytest.mark.parametrize("case", TOLL_CASES, ids=[c[0] for c in TOLL_CASES])
def test_toll_tied_by_a_neighbourhood(
    case: tuple[str, str, str, set[str] | None], tmp_path: Path
) -> None:
    name, a, b, expected = case
    found = _numbers(a, b, tmp_path, name, ("2024-02-03", "2024-02-03"))
    if expected is None:
        assert frozenset({"2", "4"}) not in found, found
    else:
        assert frozenset(expected) in found, found


def test_scene_places() -> None:
    """The places a claim puts its shooting in, below a city: after "in", not a dateline, a
    known city or a state unless the words after it call it a neighbourhood."""
    from claimcheck.compare.facts import _scene_places
    from claimcheck.compare.model import ClaimRecord, Slot

    def claim(text: str, *names: str) -> ClaimRecord:
        slots = [Slot("place", n, n, None, None, None, "e" + n, text.index(n), text.index(n) + len(n))
                 for n in names]
        return ClaimRecord(id="a.c1", article_id="a", source="a", outlet=None, start=0,
                           end=len(text), text=text, normalized=text.lower(), polarity=1,
                           modality=None, speaker=None, tense=None, slots=slots)

    assert _scene_places(claim("Four were shot in Pine Hollow on Friday", "Pine Hollow")) == {"pine hollow"}
    assert _scene_places(claim("Four were shot in the California neighborhood", "California")) == {"california"}
    assert _scene_places(claim("Four were shot in California on Friday", "California")) == set()
    assert _scene_places(claim("Four were shot in Chicago on Friday", "Chicago")) == set()
    assert _scene_places(claim("Four were hurt in South Los Angeles", "South Los Angeles")) == set()
    assert _scene_places(claim("Four were shot near Pine Hollow on Friday", "Pine Hollow")) == set()
    assert _scene_places(claim("PINE HOLLOW - Four were shot", "PINE HOLLOW")) == set()


# --- a town told by its distance from a city is a town of its own ---------------------------


def test_distance_from_a_city_makes_a_town() -> None:
    from claimcheck.compare.places import town_of_its_own

    assert town_of_its_own("Breckley", ["a lodge in Breckley, about 25 miles north of Halstead"])
    assert town_of_its_own("Breckley", ["a lodge in Breckley, 12 km southwest of Halstead"])
    assert town_of_its_own("Breckley", ["a lodge in Breckley, two miles outside Halstead"])
    # a direction alone, a distance from nowhere named, or "downtown": no town told
    assert not town_of_its_own("Breckley", ["a lodge in Breckley, north of Halstead"])
    assert not town_of_its_own("Breckley", ["a lodge in Breckley, 25 miles away"])
    assert not town_of_its_own("Breckley", ["in Breckley, about 5 miles north of downtown"])


def _places(a: str, b: str, tmp_path: Path, name: str) -> set[frozenset[str]]:
    rows: list[dict[str, object]] = [
        {"id": f"{name}-a", "outlet": "Outlet A", "published": "2024-12-26", "title": "", "text": a},
        {"id": f"{name}-b", "outlet": "Outlet B", "published": "2024-12-26", "title": "", "text": b},
    ]
    return {frozenset((str(c["a_value"]), str(c["b_value"])))
            for c in conflicts_of(rows, tmp_path, name) if c["kind"] == "place"}


LODGE_A = ("Her 18-year-old daughter Daisy was one of the seven people shot during a Christmas "
           "party at the Elks Lodge in Madison.")


@pytest.mark.parametrize("where, expected", [
    # the other town is told by its distance from a city: a town of its own, not a part of Madison
    ("in Breckley, about 25 miles north of Halstead,", True),
    # nothing tells Breckley is no neighbourhood of Madison: quiet
    ("in Breckley", False),
])
def test_known_city_against_a_town_told_by_its_distance(
    where: str, expected: bool, tmp_path: Path
) -> None:
    b = ("None of the victims appeared to suffer life-threatening injuries after being shot early "
         f"Saturday at the Elks Lodge {where} deputies said.")
    found = frozenset({"Madison", "Breckley"}) in _places(LODGE_A, b, tmp_path, "lodge")
    assert found == expected



# --- the age of the person shot: a name's suffix, "the wounded included" --------------------


def _victim(text: str, surface: str, name: str | None = None) -> bool:
    from claimcheck.compare.facts import _victim_age
    from claimcheck.compare.model import ClaimRecord, Slot

    at = text.index(surface)
    n = float("".join(ch for ch in surface if ch.isdigit()))
    age = Slot("quantity", surface, str(int(n)), n, n, "age", None, at, at + len(surface))
    holder = None
    if name is not None:
        start = text.index(name)
        holder = Slot("person", name, name, None, None, None, "e1", start, start + len(name))
    c = ClaimRecord("a.c1", "a", "a.txt", "Outlet A", 0, len(text), text, text.lower(), 1, None,
                    None, "past", "2024-05-28", [s for s in (age, holder) if s is not None])
    return _victim_age(c, age, holder)


def test_victim_age_past_a_name_suffix() -> None:
    assert _victim("10-year-old Anthony Harmon, Jr. was shot and killed on May 27.",
                   "10-year-old", "Anthony Harmon")
    assert _victim("10-year-old Anthony Harmon III was shot on May 27.", "10-year-old",
                   "Anthony Harmon")
    # the suffix does not make a speaker a victim
    assert not _victim("54-year-old Anthony Harmon, Jr. said he heard shots.", "54-year-old",
                       "Anthony Harmon")


def test_victim_age_among_the_wounded() -> None:
    assert _victim("The wounded included a 22-year-old woman and six men.", "22-year-old")
    assert _victim("The dead include a 4-year-old boy, police said.", "4-year-old")
    # those charged, or a bare "wounded included", are no list of the people shot
    assert not _victim("The suspects included a 22-year-old woman.", "22-year-old")
    assert not _victim("Those questioned included a 22-year-old woman.", "22-year-old")
