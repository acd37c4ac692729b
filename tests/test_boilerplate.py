"""Tests for :mod:`claimcheck.boilerplate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.boilerplate import (
    REASONS,
    classify_boilerplate,
    is_short_line,
    repeated_line_keys,
)
from claimcheck.segment import segment_text

_LEAD = "The storm killed at least 12 people across the region on Monday, officials said."
_TAIL = "Rescue crews were still searching for survivors late on Tuesday."

# (line standing on its own between two news paragraphs, expected reason)
LINE_CASES: list[tuple[str, str | None]] = [
    # photo credits
    ("Photo Credit: Maria Gonzalez / Reuters", "photo_credit"),
    ("Photo: Kenji Sato / Kyodo", "photo_credit"),
    ("(AP Photo/Evan Vucci)", "photo_credit"),
    ("(Photo: Provided by the sheriff's office)", "photo_credit"),
    ("Photo courtesy of the Fire Department", "photo_credit"),
    ("Anna Petrova / Getty Images", "photo_credit"),
    ("REUTERS/Lucas Jackson", "photo_credit"),
    ("Staff photo by Tom Reed", "photo_credit"),
    # captions
    ("Representative Image", "caption"),
    ("Buy Photo", "caption"),
    ("File photo", "caption"),
    ("Image: Flooded streets in the old town", "caption"),
    ("This undated photo provided by police shows the suspect.", "caption"),
    ("In this Oct. 3, 2016, file photo, voters wait in line.", "caption"),
    # navigation
    ("top of page", "navigation"),
    ("bottom of page", "navigation"),
    ("Skip to content", "navigation"),
    ("Advertisement", "navigation"),
    ("Read more: Flood death toll rises in the south", "navigation"),
    ("Related: Election results by county", "navigation"),
    ("Click here to see the full list of candidates.", "navigation"),
    ("WATCH: Drone footage of the flooded valley", "navigation"),
    # share / legal
    ("Share this article", "share"),
    ("Follow us on Twitter and Facebook", "share"),
    ("Sign up for our daily newsletter.", "share"),
    (
        "We use cookies to improve your experience. By using our site you accept our policy.",
        "share",
    ),
    ("© 2017 Daily Courier. All rights reserved.", "share"),
    ("Copyright 2016 Herald Media Group", "share"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "share"),
    ("#election2020 #vote #results", "share"),
    # bylines
    ("By Jane Smith", "byline"),
    ("By JANE SMITH, Associated Press", "byline"),
    ("By Luis Ortega and Priya Natarajan", "byline"),
    ("Staff writer", "byline"),
    ("Associated Press writer Omar Haddad in Cairo contributed to this report.", "byline"),
    ("(Reporting by Lena Berg; Editing by Mark Hill)", "byline"),
    # timestamps
    ("Published: Tuesday, 12/15/2015 - Updated: 2 weeks ago", "timestamp"),
    ("(Published Friday, Jan. 6, 2017)", "timestamp"),
    ("March 10, 2014 2:18 PM", "timestamp"),
    # section headings
    ("Russia - Hamas Relations", "section_heading"),
    ("ECONOMIC FALLOUT", "section_heading"),
    ("Background to the Conflict", "section_heading"),
    # real news that looks similar: must stay None
    ("By the end of the day, rescuers had pulled 40 people from the rubble.", None),
    ("By Tuesday, police had arrested three men in connection with the attack.", None),
    ("Photo evidence shows the missile was fired from the east.", None),
    ("Photographs taken by residents show the bridge collapsing.", None),
    ("Follow-up interviews with witnesses are planned for next week.", None),
    ("The newsletter of the miners' union called for a strike.", None),
    ("Read the full statement, the ministry urged reporters.", None),
    ("Share prices fell 4% after the announcement.", None),
    ("Subscribers to the service lost access for six hours.", None),
    ("Advertisers pulled out of the broadcast after the remarks.", None),
    ("Copyright lawyers said the ruling could reshape the industry.", None),
    ("UPDATE: 3:00 p.m. ET: Two suspects are at large and being sought by police.", None),
    ("Whitney Lewis, 29, of Little Rock", None),
    ("Location: 14th Street and Coleman Avenue", None),
    ("Related parties must disclose their holdings, the regulator said.", None),
    ("Staff at the hospital worked through the night.", None),
    ("With the votes counted, the opposition claimed victory.", None),
    ("This photo-finish election will go to a recount, officials said.", None),
    ("CINCINNATI (AP/WDTN) — Two victims of the shooting were from Trotwood.", None),
    ("He said the photo was taken in 2019 in Kyiv.", None),
    ("Police said the gunman was killed", None),
]


def _reason_for(line: str) -> str | None:
    text = f"{_LEAD}\n\n{line}\n\n{_TAIL}"
    spans = segment_text(text)
    reasons = classify_boilerplate(text, spans)
    start = text.index(line)
    end = start + len(line)
    inner = [r for s, r in zip(spans, reasons, strict=True) if start <= s.start < end]
    assert inner, "the line produced no sentence"
    # every sentence of the line should agree; report the first
    return inner[0]


@pytest.mark.parametrize(("line", "expected"), LINE_CASES)
def test_line_golden(line: str, expected: str | None) -> None:
    assert _reason_for(line) == expected


def test_context_is_news() -> None:
    text = f"{_LEAD}\n\n{_TAIL}"
    assert classify_boilerplate(text, segment_text(text)) == [None, None]


def test_title_and_first_headline() -> None:
    title = "Floods hit northern towns"
    text = (
        "Floods hit northern towns\n\n"
        "Heavy rain flooded dozens of towns in the north on Sunday.\n\n"
        "Floods hit northern towns\n\n"
        "The army was deployed to help."
    )
    spans = segment_text(text)
    assert classify_boilerplate(text, spans, title) == ["title", None, "title", None]
    # without a known title the first headline-like line is still recognised
    assert classify_boilerplate(text, spans)[0] == "title"


def test_headline_after_navigation() -> None:
    text = (
        "top of page\n\nGeopolitics of the Arctic\n\nRepresentative Image\n\nIce is melting fast."
    )
    spans = segment_text(text)
    assert classify_boilerplate(text, spans) == ["navigation", "title", "caption", None]


def test_caption_after_photo_credit() -> None:
    text = (
        "Photo Credit: Dana Cole / Pool\n"
        "The prime minister greets supporters in the capital. Nov. 2018\n\n"
        "The prime minister won a third term on Sunday."
    )
    spans = segment_text(text)
    assert classify_boilerplate(text, spans) == ["photo_credit", "caption", "caption", None]


def test_first_sentence_with_period_is_not_title() -> None:
    text = "Voters went to the polls on Sunday.\n\nTurnout was 61 percent."
    assert classify_boilerplate(text, segment_text(text)) == [None, None]


def test_empty() -> None:
    assert classify_boilerplate("", []) == []
    assert repeated_line_keys("", []) == []


def test_reason_codes_are_declared() -> None:
    text = "\n\n".join(line for line, _ in LINE_CASES)
    reasons = classify_boilerplate(text, segment_text(text))
    assert {r for r in reasons if r is not None} <= set(REASONS)


def test_repeated_line_keys() -> None:
    text = "Follow  us on   Twitter @News24\n\n© 2016   Daily  Courier"
    spans = segment_text(text)
    keys = repeated_line_keys(text, spans)
    assert keys == ["follow us on twitter @news0", "© 0 daily courier"]
    other = "Follow us on Twitter @News7\n\n© 2017 Daily Courier"
    assert repeated_line_keys(other, segment_text(other)) == keys


def test_is_short_line() -> None:
    assert is_short_line("Sign up for our newsletter")
    assert is_short_line(" ".join(["word"] * 12))
    assert not is_short_line(" ".join(["word"] * 13))


_SEEDS = Path("/work/shared/seeds")
_GUNVIOLENCE = Path("/work/shared/corpora/gunviolence.jsonl")


@pytest.mark.skipif(not _GUNVIOLENCE.is_file(), reason="gunviolence corpus not available")
def test_corpus_flags_are_rare() -> None:
    flagged = 0
    total = 0
    with _GUNVIOLENCE.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= 300:
                break
            row = json.loads(line)
            spans = segment_text(row["text"])
            reasons = classify_boilerplate(row["text"], spans, row["title"])
            assert len(reasons) == len(spans)
            total += len(spans)
            flagged += sum(r is not None for r in reasons)
    assert 0 < flagged < total * 0.15


EMBEDS_AND_TEASERS = [
    ("@CityNewsDesk pic.twitter.com/Ab12Cd34Ef — Jane Roe (@JaneRoeTV) March 4, 2019", "embed"),
    ("Crews are still on the scene pic.twitter.com/Zz99Yy88Xx", "embed"),
    ("PHOTOS: Flood damage across the county", "photo_credit"),
    (">> VIDEO: Watch the full press conference", "navigation"),
    ("WASHINGTON: The president said on Monday that taxes would rise.", None),
    ("Follow him on Twitter @jsmith.", "share"),
    ("MUGSHOTS: June 2016 Roundup", "navigation"),
    ("Police said the gunman, 22, fled on foot.", None),
]


@pytest.mark.parametrize(("line", "reason"), EMBEDS_AND_TEASERS)
def test_embeds_and_teasers(line: str, reason: str | None) -> None:
    from claimcheck.segment import segment_text

    text = "The council met on Monday and approved the plan.\n\n" + line
    spans = segment_text(text)
    assert classify_boilerplate(text, spans)[-1] == reason


def test_lede_that_opens_with_the_headline_is_news() -> None:
    from claimcheck.segment import segment_text

    text = "Floods in the Arden valley killed 31 people on Saturday. Rescue teams searched three villages."
    reasons = classify_boilerplate(text, segment_text(text), title="Floods in the Arden valley")
    assert reasons == [None, None]


def test_truncated_teaser_paragraph_is_navigation() -> None:
    from claimcheck.segment import segment_text

    text = (
        "Two men were shot on Main Street on Friday.\n\n"
        "Welcome to Channel 9 on Example.com! Channel 9 has joined forces with local radio stations "
        "in Springfield to give you the best news. Channel 9 is part of a network of stations in […]\n\n"
        "Police have made no arrests."
    )
    reasons = classify_boilerplate(text, segment_text(text))
    assert reasons[0] is None and reasons[-1] is None
    assert set(reasons[1:-1]) == {"navigation"}


def test_outlet_owner_takes_stations_of_one_group_together() -> None:
    from claimcheck.boilerplate import outlet_owner

    assert outlet_owner("chicago.cbslocal.com") == outlet_owner("dfw.cbslocal.com") == "cbslocal.com"
    assert outlet_owner("www.WRAL.com") == "wral.com"
    assert outlet_owner("news.bbc.co.uk") == "bbc.co.uk"
    assert outlet_owner("chron.com") != outlet_owner("khou.com")
    assert outlet_owner("Daily Meridian") == "Daily Meridian"  # not a host name


def test_copyright_line_anywhere_in_the_sentence_is_furniture() -> None:
    text = ("A man was shot on Main Street on Sunday.\n\n"
            "TM and © Copyright 2014 CBS Radio Inc. and its relevant subsidiaries.")
    assert classify_boilerplate(text, segment_text(text), None) == [None, "share"]


def test_a_footer_repeated_across_stations_of_one_owner_is_flagged(tmp_path: Path) -> None:
    import sqlite_utils

    from claimcheck.pipeline import ingest

    footer = "Station promo: watch Eyewitness News at six"
    stories = ["A fire destroyed a barn in Elton on Monday.", "Two men were arrested in Parma on Friday.",
               "The city council approved a new budget on Tuesday."]
    lines = [
        json.dumps({"id": str(i), "outlet": f"{city}.stationgroup.com", "published": "2020-01-0" + str(i + 1),
                    "text": f"{body} Officials gave no more details.\n\n{footer}"})
        for i, (city, body) in enumerate(zip(["elton", "parma", "dover"], stories, strict=True))
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest([str(src)], tmp_path / "b.db")
    rows = list(sqlite_utils.Database(tmp_path / "b.db").query(
        "SELECT text, is_boilerplate FROM sentences WHERE text LIKE 'Station promo%'"))
    assert len(rows) == 3 and all(r["is_boilerplate"] for r in rows)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Megan Guza is a Tribune-Review staff writer.", "byline"),
        ("NBC 7's Omari Fleming reports", "byline"),
        ("John Smith is a father of three.", None),
        ("As CBS2’s Ilana Gold reported, the father was arrested.", None),
        ("The victim is a reporter at the Daily News.", None),
    ],
)
def test_reporter_credit_lines(line: str, expected: str | None) -> None:
    text = f"A man was shot on Sunday.\n\n{line}"
    assert classify_boilerplate(text, segment_text(text), None) == [None, expected]
