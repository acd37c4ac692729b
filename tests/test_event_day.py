"""The day of the shooting, per story (issue 11, adjacent days and weekdays).

Two mechanisms, each tested on invented stories through the real pipeline (ingest, diff):

- the story's day: when two articles tie one day to the shooting by their words ("were shot
  early Sunday", "Sunday's shooting") and a third gives another day for it, the third
  disagrees, even when its sentence shares no name, address or count with theirs;
- a date tied to the shooting by its words ("charged in the May 20 killing of", "shot
  herself to death May 11") is the shooting's day even in a claim that also tells of a
  charge, so two such claims sharing a name are compared.

And what must stay quiet: the day of a charge or a vigil, "late Saturday" against "early
Sunday", a weekday of an article without a publication date, another shooting an article
recalls, a second article only (no story's day to speak of).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import conflicts_of, fact_sheet_dates

# Two articles giving the story's day (Sunday 21 May 2023) in unlike sentences.
BACKERS = [
    ("2023-05-21", "Two men were shot early Sunday outside the Lantern Lanes bowling alley in "
                   "Corvell, police said. Both were taken to Mercy General Hospital. Officers "
                   "asked anyone with video of the parking lot to come forward."),
    ("2023-05-22", "Corvell police are searching for the gunman who opened fire on Sunday in "
                   "the parking lot of a bowling alley. The victims, both in their twenties, "
                   "are expected to survive, a spokeswoman said."),
]
THIRD_CONTEXT = ("Corvell detectives have not named a suspect, and both victims were treated at Mercy "
                 "General Hospital. Lantern Lanes reopened on Tuesday, its owner said.")

# (id, published of the third article or None, its sentence, expected values or None)
CASES: list[tuple[str, str | None, str, tuple[str, str] | None]] = [
    (
        # a weekday a day off: Saturday night against early Sunday is one night, Friday is not
        "weekday-off-the-story",
        "2023-05-23",
        "A gunman wounded customers on Friday, police said.",
        ("21 May 2023", "19 May 2023"),
    ),
    (
        "day-of-month-off-the-story",
        "2023-05-24",
        "Two customers were shot on May 22 as they left the bowling alley, police said.",
        ("21 May 2023", "22 May 2023"),
    ),
    (
        # late on the evening before: one moment around midnight
        "around-midnight",
        "2023-05-23",
        "Two customers were shot late Saturday as they left the bowling alley, police said.",
        None,
    ),
    (
        # the day of a charge, not of the shooting
        "day-of-a-charge",
        "2023-05-26",
        "A Corvell man was charged Thursday in the shooting at the bowling alley.",
        None,
    ),
    (
        # the day of a vigil
        "day-of-a-vigil",
        "2023-05-24",
        "Friends held a vigil on Monday outside the bowling alley where two men were shot.",
        None,
    ),
    (
        # a weekday without a publication date resolves to no day
        "no-publication-day",
        None,
        "A gunman wounded customers on Friday, police said.",
        None,
    ),
    (
        # another shooting the article recalls, tied to it by "days before"
        "another-shooting-recalled",
        "2023-05-23",
        "A man was shot on Thursday at a bar across the street, three days before the alley "
        "shooting, police said.",
        None,
    ),
]


def _rows(case: tuple[str, str | None, str, tuple[str, str] | None],
          backers: list[tuple[str, str]]) -> list[dict[str, object]]:
    cid, published, sentence, _ = case
    rows: list[dict[str, object]] = [
        {"id": f"{cid}-{i}", "outlet": f"Outlet {i}", "published": pub, "text": text}
        for i, (pub, text) in enumerate(backers)
    ]
    third: dict[str, object] = {"id": f"{cid}-x", "outlet": "Outlet X",
                                "text": f"{sentence} {THIRD_CONTEXT}"}
    if published is not None:
        third["published"] = published
    rows.append(third)
    return rows


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_day_of_the_shooting_against_the_story(
    case: tuple[str, str | None, str, tuple[str, str] | None], tmp_path: Path
) -> None:
    dates = fact_sheet_dates(conflicts_of(_rows(case, BACKERS), tmp_path, case[0]))
    values = case[3]
    if values is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(values)


def test_one_other_article_is_no_story_day(tmp_path: Path) -> None:
    """With one backer only, a day told two ways in unlike sentences stays quiet."""
    case = CASES[0]
    dates = fact_sheet_dates(conflicts_of(_rows(case, BACKERS[:1]), tmp_path, "one-backer"))
    assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]


def test_two_articles_on_the_other_day_are_two_events(tmp_path: Path) -> None:
    """A day given by two articles is not one article's slip: no story's day, no conflict."""
    case = CASES[0]
    rows = _rows(case, BACKERS)
    rows.append({"id": "second-friday", "outlet": "Outlet Y", "published": "2023-05-23",
                 "text": "Customers were shot on Friday leaving the bowling alley, police said."})
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "two-on-friday"))
    assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]


# A date tied to the shooting's words, in a claim that also tells of a charge.
TIED_A = ("Ines Valk, 34, was charged on Friday in the May 20 killing of Tomas Brandt "
          "outside a Corvell pharmacy. She is held without bail.")
TIED_B = ("Tomas Brandt was shot and killed on May 21 outside a pharmacy on Dell Street, "
          "police said. He was 41.")


@pytest.mark.parametrize("a_sentence, expected", [
    (TIED_A, ("20 May 2023", "21 May 2023")),
    # the day of the charge only: quiet
    ("Ines Valk, 34, was charged on May 26 in the killing of Tomas Brandt outside a Corvell "
     "pharmacy. She is held without bail.", None),
    # found shot: the day of the find, not of the shooting
    ("Tomas Brandt was found shot to death on May 20 outside a Corvell pharmacy. He was 41.", None),
], ids=["attributive-date-in-a-charge", "charge-day-only", "found-shot"])
def test_a_date_tied_to_the_shooting_in_a_claim_of_a_charge(
    a_sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "tied-a", "outlet": "Outlet A", "published": "2023-05-27", "text": a_sentence},
        {"id": "tied-b", "outlet": "Outlet B", "published": "2023-05-23", "text": TIED_B},
    ]
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "tied"))
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


# The story's day told as a night: "Monday night" is another night, "early Monday" the same one.
NIGHT_BACKERS = [
    ("2023-05-22", "Two men were shot Sunday night outside the Lantern Lanes bowling alley in "
                   "Corvell, police said. Both were taken to Mercy General Hospital."),
    ("2023-05-22", "Corvell police are searching for the gunman who opened fire Sunday night in "
                   "the parking lot of a bowling alley. The victims are expected to survive."),
]


@pytest.mark.parametrize("sentence, expected", [
    ("A gunman wounded customers Monday night, police said.", ("21 May 2023", "22 May 2023")),
    ("A gunman wounded customers early Monday, police said.", None),
], ids=["two-nights", "one-night"])
def test_a_night_against_the_story_night(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows = _rows(("night", "2023-05-23", sentence, expected), NIGHT_BACKERS)
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "night"))
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


# A yearless day in an article written a year on: its year is a guess, the day is not.
YEAR_ON_B = ("Tomas Brandt was shot and killed on May 21, 2022 outside a pharmacy on Dell "
             "Street in Corvell, police said. He was 41.")


@pytest.mark.parametrize("a_sentence, expected", [
    # "May 20" resolved against 2023 is 20 May 2023; said of the 2022 killing, it is a day off
    ("Ines Valk, 34, was sentenced on Friday for the May 20 killing of Tomas Brandt outside a "
     "Corvell pharmacy.", ("20 May 2022", "21 May 2022")),
    # the same day of the year: one day, whatever year was guessed
    ("Ines Valk, 34, was sentenced on Friday for the May 21 killing of Tomas Brandt outside a "
     "Corvell pharmacy.", None),
    # the day of the sentencing, a yearless day too: not the shooting's day
    ("Ines Valk, 34, was sentenced on May 20 for killing Tomas Brandt outside a Corvell "
     "pharmacy.", None),
    # a vigil on the anniversary: not the shooting's day
    ("Friends held a vigil on May 22 for Tomas Brandt outside the Corvell pharmacy where he "
     "was killed.", None),
], ids=["yearless-day-off", "yearless-same-day", "yearless-sentencing-day", "yearless-vigil"])
def test_a_yearless_day_written_a_year_on(
    a_sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "later-a", "outlet": "Outlet A", "published": "2023-06-02", "text": a_sentence},
        {"id": "early-b", "outlet": "Outlet B", "published": "2022-05-23", "text": YEAR_ON_B},
    ]
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "year-on"))
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


# A third article that names two towns (a round-up, or a town's nickname read as another town).
ROUNDUP_TAIL = ("Elsewhere, a man was shot in the arm outside a gas station in Dunmore on Saturday, "
                "police there said.")


@pytest.mark.parametrize("sentence, expected", [
    # its claim names the story's town: compared on it
    ("One of the victims of Monday's shooting at the bowling alley in Corvell said he never saw "
     "the gunman.", ("21 May 2023", "22 May 2023")),
    # its claim names no town: the day may be the other incident's
    ("One of the victims of Monday's shooting said he never saw the gunman.", None),
    # its claim names the other town: another incident
    ("A man was wounded in Monday's shooting at a bowling alley in Dunmore, police said.", None),
    # the story's town, but another scene: another shooting of the round-up
    ("A man was wounded Monday outside a laundromat in Corvell, police said.", None),
], ids=["roundup-names-the-town", "roundup-no-town", "roundup-other-town", "roundup-other-scene"])
def test_a_day_in_an_article_naming_two_towns(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows = _rows(("roundup", "2023-05-23", f"{sentence} {ROUNDUP_TAIL}", expected), BACKERS)
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "roundup"))
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


def test_each_article_giving_the_story_day_disagrees(tmp_path: Path) -> None:
    """A day off the story's is reported against every article that gives the story's day
    (one conflict per pair of articles), not only against the most alike claim."""
    case = CASES[0]
    dates = fact_sheet_dates(conflicts_of(_rows(case, BACKERS), tmp_path, "pairs"))
    pairs = {frozenset(str(c[side]["source"]).rsplit("#", 1)[-1]  # type: ignore[index]
                       for side in ("a", "b")) for c in dates}
    assert pairs == {frozenset((f"{case[0]}-x", f"{case[0]}-0")),
                     frozenset((f"{case[0]}-x", f"{case[0]}-1"))}, pairs


@pytest.mark.parametrize("sentence, expected", [
    # the date right after the shooting's noun, behind an "after" clause
    ("Two customers were wounded after an argument and shooting Friday night, police said.",
     ("21 May 2023", "19 May 2023")),
    # the day of an arrest after the shooting
    ("A Corvell man was arrested after the shooting Friday, police said.", None),
    # the day of a vigil for the victims of the shooting
    ("Friends gathered for a vigil for the victims of the shooting Monday, police said.", None),
], ids=["postnominal-day-off", "postnominal-arrest-day", "postnominal-vigil-day"])
def test_a_day_right_after_the_shootings_noun(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    # the article also tells of the call to the alley on Sunday: two days, so only the
    # day tied to the shooting by its words is compared
    rows = _rows(("postnominal", "2023-05-23",
                  f"{sentence} Officers were called to a shooting at the alley on Sunday.", expected),
                 BACKERS)
    dates = fact_sheet_dates(conflicts_of(rows, tmp_path, "postnominal"))
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)


# A weekday against a day of the month, both tied to one named victim's shooting.
DATED_B = ("Tomas Brandt was shot and killed on May 21 outside a pharmacy on Dell Street in "
           "Corvell, police said. He was 41.")


@pytest.mark.parametrize("published, a_sentence, expected", [
    # "Friday" (19 May) against May 21, a Sunday: another weekday
    ("2023-05-25", "Tomas Brandt was shot and killed Friday outside a Corvell pharmacy.",
     ("19 May 2023", "21 May 2023")),
    # "Sunday" told more than a week on resolves a week late: the same weekday, quiet
    ("2023-05-30", "Tomas Brandt was shot and killed Sunday outside a Corvell pharmacy.", None),
    # the weekday of the publication ("identified Monday"): not the shooting's day
    ("2023-05-22", "Tomas Brandt, who was shot and killed Sunday outside a Corvell pharmacy, "
                   "was identified Monday by the coroner.", None),
    # the day of a court date, a weekday after the shooting
    ("2023-05-25", "Ines Valk was arraigned Wednesday in the killing of Tomas Brandt outside a "
                   "Corvell pharmacy.", None),
], ids=["weekday-other-name", "weekday-week-off", "weekday-publication-day", "weekday-court-date"])
def test_a_weekday_against_a_day_of_the_month(
    published: str, a_sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "wd-a", "outlet": "Outlet A", "published": published, "text": a_sentence},
        {"id": "wd-b", "outlet": "Outlet B", "published": "2023-05-23", "text": DATED_B},
    ]
    # the claim group or the fact sheet may report it (a pair is reported once)
    dates = [c for c in conflicts_of(rows, tmp_path, "weekday-date") if c["kind"] == "date"]
    if expected is None:
        assert dates == [], [(c["a_value"], c["b_value"]) for c in dates]
        return
    assert dates, "no date conflict"
    assert {str(dates[0]["a_value"]), str(dates[0]["b_value"])} == set(expected)
