"""A bare weekday read against the day of the event another article gives, and the anchors
one sentence shares between its claims.

A weekday ("on Tuesday") is resolved against its article's publication day as the latest
such day. An article published a week or more after the shooting that still says "Tuesday"
resolves it to the wrong week; against a day the other article gives, the weekday is read as
the nearest day of its name. Invented stories, through the real pipeline (ingest, diff),
plus the helpers on hand-made attributes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.compare.facts import (
    Attribute,
    _one_night,
    _week_aligned,
    _weekday_near,
    sentence_anchors,
)
from claimcheck.compare.model import ClaimRecord, Slot
from tests.conftest import assert_date_case, conflicts_of, date_case_conflicts

BACKGROUND_A = (
    "Police in Harwick said the victims were taken to Saint Ives Hospital. "
    "Investigators asked anyone with video of the street to call them. "
    "No arrests had been made by the evening."
)
BACKGROUND_B = (
    "Harwick police have released few details. "
    "Neighbours on the street said they heard several bangs and saw a grey car drive off. "
    "A detective said the inquiry was going on."
)

# (id, published A, sentence A, published B, sentence B, expected values or None)
CASES: list[tuple[str, str, str, str, str, tuple[str, str] | None]] = [
    (
        # B, published nine days on, still says "Monday": 15 May, not 22 May
        "stale-weekday-disagrees",
        "2023-05-17",
        "Three people were shot on Kestrel Road on Tuesday, police said.",
        "2023-05-25",
        "Three people were shot on Kestrel Road on Monday, police said.",
        ("16 May 2023", "15 May 2023"),
    ),
    (
        # the same weekday told a week later: the same day, not a week off
        "stale-weekday-agrees",
        "2023-05-17",
        "Three people were shot on Kestrel Road on Tuesday, police said.",
        "2023-05-25",
        "Three people were shot on Kestrel Road on Tuesday, police said.",
        None,
    ),
    (
        # a Sunday article's "Monday" is the Monday before it, as resolved: compared as it is
        "fresh-weekday-kept",
        "2023-05-21",
        "Three people were shot on Kestrel Road early Sunday, police said.",
        "2023-05-21",
        "Three people were shot on Kestrel Road early Monday, police said.",
        ("21 May 2023", "15 May 2023"),
    ),
    (
        # published a month on: the weekday may be another week's, nothing is compared
        "weekday-a-month-later",
        "2023-05-17",
        "Three people were shot on Kestrel Road on Tuesday, police said.",
        "2023-06-16",
        "Three people were shot on Kestrel Road on Monday, police said.",
        None,
    ),
    (
        # the weekday dates the arrest, not the shooting
        "weekday-of-another-moment",
        "2023-05-17",
        "Three people were shot on Kestrel Road on Tuesday, police said.",
        "2023-05-25",
        "A man was arrested on Monday over the shooting of three people on Kestrel Road.",
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_weekday_read_against_the_other_day(
    case: tuple[str, str, str, str, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    conflicts = date_case_conflicts(
        case, tmp_path, "{sentence} " + BACKGROUND_A, BACKGROUND_B + " {sentence}")
    assert_date_case(conflicts, case[5])


# --- the helpers on hand-made attributes ----------------------------------------------------


def _day(iso: str) -> float:
    return float(dt.date.fromisoformat(iso).toordinal())


def _dated(cid: str, text: str, surface: str, iso: str, published: str,
           relative: bool = True) -> Attribute:
    at = text.index(surface)
    unit = "day|relative" if relative else "day"
    slot = Slot("date", surface, iso, _day(iso), _day(iso), unit, None, at, at + len(surface))
    claim = ClaimRecord(cid, cid.split(".")[0], "src", None, 0, len(text), text, text.lower(),
                        1, None, None, "past", published, [slot])
    return Attribute("story", "s1", "story s1", "date", iso, _day(iso), _day(iso), claim,
                     slot.start, slot.end, note="relative" if relative else "")


def test_stale_weekday_moves_to_the_nearest_day_of_its_name() -> None:
    # "Monday" in a Thursday 25 May article resolves to 22 May; against 16 May it is 15 May
    a = _dated("b.0001.0", "Three were shot on Monday", "Monday", "2023-05-22", "2023-05-25")
    near = _weekday_near(a, _day("2023-05-16"))
    assert near.lo == _day("2023-05-15") and near.value == "15 May 2023"


@pytest.mark.parametrize(
    ("surface", "iso", "published", "relative"),
    [
        ("May 22", "2023-05-22", "2023-05-25", True),  # a day with its number: as written
        # a Tuesday article's "Wednesday" is the Wednesday before it (10 May), as resolved:
        # the day after the shooting (17 May) lies after the article
        ("Wednesday", "2023-05-10", "2023-05-16", True),
        ("Monday", "2023-05-22", "2023-06-20", True),  # published more than two weeks on
        ("Monday", "2023-05-22", "2023-05-12", True),  # published before the other day
    ],
)
def test_weekday_left_as_resolved(surface: str, iso: str, published: str, relative: bool) -> None:
    a = _dated("b.0001.0", f"Three were shot on {surface}", surface, iso, published, relative)
    assert _weekday_near(a, _day("2023-05-16")) is a


def test_week_aligned_moves_the_stale_side_only() -> None:
    fresh = _dated("a.0001.0", "Three were shot on Tuesday", "Tuesday", "2023-05-16", "2023-05-17")
    stale = _dated("b.0001.0", "Three were shot on Monday", "Monday", "2023-05-22", "2023-05-25")
    x, y = _week_aligned(fresh, stale)
    assert x is fresh and y.lo == _day("2023-05-15")
    # resolved further apart than a week: two events, nothing moved
    far = _dated("c.0001.0", "Three were shot on Friday", "Friday", "2023-05-26", "2023-05-29")
    assert _week_aligned(fresh, far) == (fresh, far)


def test_after_midnight_is_early_hours_not_late() -> None:
    # "shortly after midnight on Sunday" and "12:05 a.m. Monday" are a day apart
    sunday = _dated("a.0001.0", "He was shot shortly after midnight on Sunday", "Sunday",
                    "2023-05-21", "2023-05-21")
    monday = _dated("b.0001.0", "Shots were fired at 12:05 a.m. Monday", "Monday",
                    "2023-05-22", "2023-05-22")
    assert not _one_night(sunday, monday)
    # "late Sunday" and "early Monday" are one night
    late = _dated("c.0001.0", "He was shot late Sunday", "Sunday", "2023-05-21", "2023-05-21")
    early = _dated("d.0001.0", "He was shot early Monday", "Monday", "2023-05-22", "2023-05-22")
    assert _one_night(late, early)


def _claim(cid: str, text: str, slots: list[Slot]) -> ClaimRecord:
    return ClaimRecord(cid, cid.split(".")[0], "src", None, 0, len(text), text, text.lower(),
                       1, None, None, "past", "2023-05-17", slots)


def test_sentence_anchors_are_shared_by_its_claims() -> None:
    name = Slot("person", "Orla Venn", "Orla Venn", None, None, None, "p-venn", 0, 9)
    day = Slot("date", "Sunday", "2023-05-14", _day("2023-05-14"), _day("2023-05-14"),
               "day|relative", None, 40, 46)
    first = _claim("a.0003.0", "Orla Venn was shot", [name])
    second = _claim("a.0003.1", "killed at a park on Sunday", [day])
    other_sentence = _claim("a.0004.0", "Police came", [])
    anchors = sentence_anchors([first, second, other_sentence])
    assert anchors["a.0003"] == {"p:p-venn"}
    assert anchors.get("a.0004", set()) == set()


def test_sentence_with_two_days_keeps_claim_anchors() -> None:
    # "while they investigated the shooting of Jan. 3, they learned a boy was shot on Jan. 2"
    name = Slot("person", "Orla Venn", "Orla Venn", None, None, None, "p-venn", 0, 9)
    jan3 = Slot("date", "Jan. 3", "2023-01-03", _day("2023-01-03"), _day("2023-01-03"),
                "day|relative", None, 30, 36)
    jan2 = Slot("date", "Jan. 2", "2023-01-02", _day("2023-01-02"), _day("2023-01-02"),
                "day|relative", None, 60, 66)
    first = _claim("a.0005.0", "Orla Venn investigated the shooting of Jan. 3", [name, jan3])
    second = _claim("a.0005.1", "a boy was shot on Jan. 2", [jan2])
    assert "a.0005" not in sentence_anchors([first, second])


# --- "The incident occurred on ...": the story's event told by a general noun ---------------

INCIDENT_A = ("Officers were called to a house in the 900 block of Quill Avenue on May 20 after "
              "reports of a man shot, court papers say. The man survived his wounds.")


@pytest.mark.parametrize("sentence, expected", [
    ("The incident occurred on May 21 in the 900 block of Quill Avenue, court papers say.",
     ("20 May 2023", "21 May 2023")),
    ("The attack happened May 21 in the 900 block of Quill Avenue, court papers say.",
     ("20 May 2023", "21 May 2023")),
    # a meeting is not the story's event
    ("The meeting took place on May 21 in the 900 block of Quill Avenue, court papers say.", None),
    # a hearing set for a later day
    ("A hearing on the incident was held on May 23 at the Quill County courthouse.", None),
], ids=["incident-occurred", "attack-happened", "meeting", "hearing"])
def test_the_incident_occurred_dates_the_event(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "inc-a", "outlet": "Outlet A", "published": "2023-05-25", "text": INCIDENT_A},
        {"id": "inc-b", "outlet": "Outlet B", "published": "2023-05-25",
         "text": f"Quill Avenue neighbours said they heard one bang. {sentence} "
                 "No one has been charged."},
    ]
    dates = [c for c in conflicts_of(rows, tmp_path, "inc") if c["kind"] == "date"]
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


def test_an_incident_claim_gives_no_place() -> None:
    from claimcheck.compare.facts import _event_attributes

    town = Slot("place", "Dunmore", "Dunmore", None, None, None, None, 38, 45)
    day = Slot("date", "May 21", "2023-05-21", _day("2023-05-21"), _day("2023-05-21"),
               "day|relative", None, 28, 34)
    text = "The incident occurred on May 21 in Dunmore"
    claim = ClaimRecord("a.0001.0", "a", "src", None, 0, len(text), text, text.lower(), 1, None,
                        None, "past", "2023-05-25", [day, town])
    got = [(a.attribute, a.value) for a in _event_attributes(claim, None, "s1")]
    assert ("date", "21 May 2023") in [(k, v) for k, v in got]
    assert all(k != "place" for k, _ in got)


def test_a_claim_anchored_through_its_sentence_still_meets_the_story_day(tmp_path: Path) -> None:
    """The name stands in the sentence's first claim ("Pavel Ostrow was shot") and the day in
    the second ("killed at the diner on Monday"): the sentence anchors the day to the other
    article's, and the day is still compared against every article giving the story's day."""
    rows: list[dict[str, object]] = [
        {"id": "sa-1", "outlet": "O1", "published": "2023-05-22",
         "text": "Two men were shot early Sunday outside the Copper Kettle diner in Marlow, police "
                 "said. Both were taken to Marlow General Hospital. Officers asked for video."},
        {"id": "sa-2", "outlet": "O2", "published": "2023-05-22",
         "text": "Marlow police are looking for a gunman. Pavel Ostrow, 31, was shot and killed "
                 "outside the diner on Sunday. His brother was wounded, a spokeswoman said."},
        {"id": "sa-3", "outlet": "O3", "published": "2023-05-23",
         "text": "Gunfire erupted early Sunday outside the Copper Kettle, a diner on Route 9 in "
                 "Marlow, witnesses said. The two victims are expected to survive."},
        {"id": "sa-x", "outlet": "OX", "published": "2023-05-24",
         "text": "Pavel Ostrow was shot and killed at the diner on Monday. Marlow detectives "
                 "have not named a suspect."},
    ]
    dates = [c for c in conflicts_of(rows, tmp_path, "sa") if c["kind"] == "date"]
    against = set()
    for c in dates:
        sides = {str(c["a"]["source"]).rsplit("#", 1)[-1], str(c["b"]["source"]).rsplit("#", 1)[-1]}  # type: ignore[index]
        if "sa-x" in sides:
            assert {str(c["a_value"]), str(c["b_value"])} == {"21 May 2023", "22 May 2023"}
            against |= sides - {"sa-x"}
    assert len(against) >= 2, against
