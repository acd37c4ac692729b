"""More ways a story's articles tie a day to the shooting (issue 11, weekdays and adjacent days).

Each rule is tested end to end on invented stories (ingest, diff), with look-alikes that
must stay quiet:

- a holiday ("during a Martin Luther King Day parade") names one day of its year: two
  articles giving it are the story's day, and a third giving the day after disagrees;
- a date closing an opening phrase ("On Friday, two customers were shot") is the shooting's
  day when the clause after the comma tells the shooting and nothing else;
- an article that reports from two towns (a round-up) is compared on a claim that shares a
  town or a street with the other article's claim, not on a count or a person alone;
- two claims naming one person in full date one killing, however unlike their articles'
  words are (a first report and a sentencing months on).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_date_case, conflicts_of, fact_sheet_dates


def _story(backers: list[tuple[str, str]], published: str, text: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"id": f"backer-{i}", "outlet": f"Outlet {i}", "published": pub, "text": body}
        for i, (pub, body) in enumerate(backers)
    ]
    rows.append({"id": "third", "outlet": "Outlet X", "published": published, "text": text})
    return rows


# Martin Luther King Day 2023 was Monday 16 January.
HOLIDAY_BACKERS = [
    ("2023-01-16", "Five people were shot during a Martin Luther King Day parade in Corvell, "
                   "police said. Two were taken to Mercy General Hospital."),
    ("2023-01-17", "Corvell police are searching for the gunman who opened fire on Martin Luther "
                   "King Day near the parade route. The victims are expected to survive, a "
                   "spokeswoman said."),
]
HOLIDAY_CONTEXT = (" Two of the victims were taken to Mercy General Hospital, and Corvell police asked "
                   "anyone with video of the parade route to come forward.")


@pytest.mark.parametrize("sentence, expected", [
    # the day after the holiday: another day
    ("A gunman wounded spectators near the route on Tuesday, police said.",
     ("16 January 2023", "17 January 2023")),
    # the holiday's own weekday: the same day
    ("A gunman wounded spectators near the route on Monday, police said.", None),
    # the day of a charge, not of the shooting
    ("A Corvell man was charged Tuesday in the shooting near the parade route.", None),
], ids=["holiday-day-after", "holiday-same-weekday", "holiday-charge-day"])
def test_a_holiday_is_the_storys_day(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows = _story(HOLIDAY_BACKERS, "2023-01-18", sentence + HOLIDAY_CONTEXT)
    assert_date_case(fact_sheet_dates(conflicts_of(rows, tmp_path, "holiday")), expected)


# Two articles giving the story's day (Sunday 21 May 2023) in unlike sentences.
BACKERS = [
    ("2023-05-21", "Two men were shot early Sunday outside the Lantern Lanes bowling alley in "
                   "Corvell, police said. Both were taken to Mercy General Hospital. Officers "
                   "asked anyone with video of the parking lot to come forward."),
    ("2023-05-22", "Corvell police are searching for the gunman who opened fire on Sunday in "
                   "the parking lot of a bowling alley. The victims, both in their twenties, "
                   "are expected to survive, a spokeswoman said."),
]
THIRD_CONTEXT = (" Corvell detectives have not named a suspect, and both victims were treated at "
                 "Mercy General Hospital. Lantern Lanes reopened on Tuesday, its owner said.")


@pytest.mark.parametrize("sentence, expected", [
    # the opening phrase dates the shooting told right after its comma
    ("On Friday, customers were shot as they left the lanes.",
     ("21 May 2023", "19 May 2023")),
    ("When the lanes closed on Friday, gunfire erupted outside.",
     ("21 May 2023", "19 May 2023")),
    # the day of an arrest told in the opening phrase
    ("On Friday, police arrested a man in the shooting at the bowling alley.", None),
    # the opening phrase dates what the police said; the shooting has its own day
    ("On Friday, police said two customers were shot at the bowling alley on Sunday.", None),
], ids=["fronted-day-off", "fronted-when-clause", "fronted-arrest-day", "fronted-said-day"])
def test_a_date_opening_the_sentence(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows = _story(BACKERS, "2023-05-23", sentence + THIRD_CONTEXT)
    assert_date_case(fact_sheet_dates(conflicts_of(rows, tmp_path, "fronted")), expected)


# A round-up: one article reporting a killing in Corvell and a shooting in Dunmore.
ROUNDUP_TAIL = (" Elsewhere, a man was shot in the arm outside a gas station in Dunmore on "
                "Thursday, police there said. Last month a woman was wounded in a drive-by "
                "shooting in Corvell.")
FIRST_REPORT = ("Dario Menke was shot and killed on May 21 outside a car wash on Gibb Street, "
                "police said. He was 22 and worked nights at a warehouse.")


@pytest.mark.parametrize("sentence, expected", [
    # the round-up's claim names the victim and the street: the other claim's scene
    ("Dario Menke, 22, was gunned down on May 20 at a car wash on Gibb Street.",
     ("20 May 2023", "21 May 2023")),
    # the street only: the same scene
    ("A man was gunned down on May 20 at a car wash on Gibb Street.",
     ("20 May 2023", "21 May 2023")),
    # a count alone may be the round-up's other shooting
    ("Two men were shot on May 20 at a car wash, police said.", None),
    # the person alone: named at every moment of the story (here a vigil two towns away)
    ("Dario Menke, 22, was remembered on May 20 at a vigil in Dunmore, where he was shot once "
     "before.", None),
], ids=["roundup-person-and-street", "roundup-street", "roundup-count-only", "roundup-person-only"])
def test_a_roundup_compared_on_a_named_scene(
    sentence: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "first", "outlet": "Outlet A", "published": "2023-05-22",
         "text": FIRST_REPORT.replace("Dario Menke was", "Dario Menke and Ivo Lind were")
         if "Two men" in sentence else FIRST_REPORT},
        {"id": "roundup", "outlet": "Outlet B", "published": "2023-05-24", "text": sentence + ROUNDUP_TAIL},
    ]
    assert_date_case(fact_sheet_dates(conflicts_of(rows, tmp_path, "roundup")), expected)


SENTENCING = ("Judge Arno Becker on Friday sentenced Ines Valk to 40 years in prison at the "
              "Harlow County Courthouse, ending a trial that lasted three weeks. Her lawyer, Paul "
              "Moreno, said she would appeal to the Tenth District Court of Appeals. Prosecutor "
              "Sara Whitfield told the jury that Dario Menke was gunned down on May 20 at a car "
              "wash on Gibb Street. Valk's brother, Oren Valk, and her employer, Nadia Ferro of "
              "Ferro Logistics, testified for the defense. Detective Hugo Brandt of the state "
              "Bureau of Investigation described the phone records.")
REPORT_TAIL = (" Officer Lena Ruiz of the Corvell Police Department said the car wash had cameras "
               "and asked witnesses to call the Crime Stoppers line. Mayor Ellen Okafor called "
               "the killing senseless at a news conference at Corvell City Hall.")


# A third article on the trial that gives no day of the killing: it shares many names with
# the sentencing, so the first report (a few names) and the sentencing share little by
# the story check's measure, though the story clustering put the three in one story.
PREVIEW = ("Judge Arno Becker on Monday denied a motion by Paul Moreno, the lawyer for Ines Valk, "
           "to move the trial out of the Harlow County Courthouse. Prosecutor Sara Whitfield said "
           "Oren Valk and Nadia Ferro of Ferro Logistics would testify, and Detective Hugo Brandt "
           "of the state Bureau of Investigation will describe phone records. The Tenth District "
           "Court of Appeals declined to hear an earlier appeal.")


def _one_story_dates(rows: list[dict[str, object]], tmp_path: Path) -> list[tuple[str, str]]:
    """The fact sheets' date conflicts with every article in one story."""
    import json

    import sqlite_utils

    import claimcheck
    from claimcheck.compare.facts import build_fact_sheets
    from claimcheck.compare.text import prepare
    from claimcheck.differ import load_claims

    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "one.db"
    claimcheck.ingest([str(path)], db)
    claims = load_claims(sqlite_utils.Database(str(db)))
    prepare(claims)
    sheets = build_fact_sheets(claims, stories={c.article_id: "s1" for c in claims})
    return [(c.a_value, c.b_value) for c in sheets.conflicts if c.kind == "date"]


@pytest.mark.parametrize("report, expected", [
    # the victim named in full in both claims: one killing, a day apart
    ("Dario Menke was gunned down on May 21 at a car wash on Gibb Street, police said.",
     {"20 May 2023", "21 May 2023"}),
    # the same day: quiet
    ("Dario Menke was gunned down on May 20 at a car wash on Gibb Street, police said.", None),
    # another person named in full: the story check decides, and the articles are apart
    ("Ivo Lind was gunned down on May 21 at a car wash on Gibb Street, police said.", None),
], ids=["full-name-day-off", "full-name-same-day", "other-person"])
def test_a_victim_named_in_full_in_two_unlike_articles(
    report: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "report", "outlet": "Outlet A", "published": "2023-05-22", "text": report},
        {"id": "preview", "outlet": "Outlet D", "published": "2024-02-12", "text": PREVIEW},
        {"id": "sentencing", "outlet": "Outlet B", "published": "2024-03-08", "text": SENTENCING},
    ]
    dates = _one_story_dates(rows, tmp_path)
    if expected is None:
        assert dates == [], dates
        return
    assert dates, "no date conflict"
    assert set(dates[0]) == expected
