"""Tests for :mod:`claimcheck.segment`: golden table, invariants, corpora."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.models import Span
from claimcheck.segment import segment_sentences, segment_text

SEGMENT_CASES: list[tuple[str, list[str]]] = [
    # plain sentences, ! and ?
    (
        "The river burst its banks on Sunday. Hundreds of homes were flooded.",
        ["The river burst its banks on Sunday.", "Hundreds of homes were flooded."],
    ),
    (
        "Is the ceasefire holding? Officials could not say! Fighting resumed at dawn.",
        ["Is the ceasefire holding?", "Officials could not say!", "Fighting resumed at dawn."],
    ),
    # titles
    (
        "Mr. Obama met Mrs. Clinton and Dr. Fauci in the Oval Office. They spoke for an hour.",
        ["Mr. Obama met Mrs. Clinton and Dr. Fauci in the Oval Office.", "They spoke for an hour."],
    ),
    (
        "Gen. Mark Milley briefed Sen. Jack Reed and Rep. Mike Rogers on Tuesday.",
        ["Gen. Mark Milley briefed Sen. Jack Reed and Rep. Mike Rogers on Tuesday."],
    ),
    (
        "Gov. Kathy Hochul declared an emergency. Lt. Gov. Antonio Delgado toured the site.",
        ["Gov. Kathy Hochul declared an emergency.", "Lt. Gov. Antonio Delgado toured the site."],
    ),
    (
        "Sgt. Maria Lopez was wounded. Police Capt. John Reyes said she is stable.",
        ["Sgt. Maria Lopez was wounded.", "Police Capt. John Reyes said she is stable."],
    ),
    (
        "The Rev. Al Sharpton spoke at the funeral of Prof. Hana Ito. Mourners filled the hall.",
        [
            "The Rev. Al Sharpton spoke at the funeral of Prof. Hana Ito.",
            "Mourners filled the hall.",
        ],
    ),
    # street / company / suffix abbreviations
    (
        "The fire broke out on Main St. near the library. Nobody was hurt.",
        ["The fire broke out on Main St. near the library.", "Nobody was hurt."],
    ),
    (
        "The victim lived on Oak St. The suspect lived nearby.",
        ["The victim lived on Oak St.", "The suspect lived nearby."],
    ),
    (
        "He grew up in St. Louis and moved to St. Paul in 1998.",
        ["He grew up in St. Louis and moved to St. Paul in 1998."],
    ),
    (
        "Shares of Apple Inc. fell 3% on Monday. Microsoft Corp. gained.",
        ["Shares of Apple Inc. fell 3% on Monday.", "Microsoft Corp. gained."],
    ),
    (
        "The contract went to Acme Co. The deal is worth $4 million.",
        ["The contract went to Acme Co.", "The deal is worth $4 million."],
    ),
    (
        "Dow Jones & Co. Chief Executive Ann Lee resigned.",
        ["Dow Jones & Co. Chief Executive Ann Lee resigned."],
    ),
    (
        "The winner was Ken Griffey Jr. He hit 630 home runs.",
        ["The winner was Ken Griffey Jr.", "He hit 630 home runs."],
    ),
    (
        "Martin Luther King Jr. Day is a federal holiday.",
        ["Martin Luther King Jr. Day is a federal holiday."],
    ),
    (
        "Shell Ltd. and BP plc. reported results. Both beat forecasts.",
        ["Shell Ltd. and BP plc. reported results.", "Both beat forecasts."],
    ),
    (
        "It was Brazil vs. Argentina in the final. Brazil won 2-1.",
        ["It was Brazil vs. Argentina in the final.", "Brazil won 2-1."],
    ),
    (
        "They seized rifles, pistols, ammunition, etc. The haul was displayed in Kabul.",
        ["They seized rifles, pistols, ammunition, etc.", "The haul was displayed in Kabul."],
    ),
    (
        "Storms, floods, landslides etc. are expected this week.",
        ["Storms, floods, landslides etc. are expected this week."],
    ),
    # numbers
    (
        "The team is ranked No. 3 in the country. It lost only once.",
        ["The team is ranked No. 3 in the country.", "It lost only once."],
    ),
    (
        "Asked whether he would resign, he said no. Critics were not surprised.",
        ["Asked whether he would resign, he said no.", "Critics were not surprised."],
    ),
    (
        "Growth slowed to 3.5 percent. The bank lost $1.2 million in the quarter.",
        ["Growth slowed to 3.5 percent.", "The bank lost $1.2 million in the quarter."],
    ),
    (
        "Version 2.0.1 of the app was released. It fixes 14 bugs.",
        ["Version 2.0.1 of the app was released.", "It fixes 14 bugs."],
    ),
    (
        "The quake struck at a depth of 10 km. 300 people were killed.",
        ["The quake struck at a depth of 10 km.", "300 people were killed."],
    ),
    # times
    (
        "The polls closed at 8 p.m. on Tuesday. Counting began immediately.",
        ["The polls closed at 8 p.m. on Tuesday.", "Counting began immediately."],
    ),
    (
        "The shots were fired at 2:15 a.m. Sunday near the bar.",
        ["The shots were fired at 2:15 a.m. Sunday near the bar."],
    ),
    (
        "The storm made landfall at 4 a.m. Residents had already fled.",
        ["The storm made landfall at 4 a.m.", "Residents had already fled."],
    ),
    (
        "The blast happened around 11 p.m. EST near the port.",
        ["The blast happened around 11 p.m. EST near the port."],
    ),
    (
        "She called her daughter at 2:28 a.m. That's when the gunfire started again.",
        ["She called her daughter at 2:28 a.m.", "That's when the gunfire started again."],
    ),
    # months
    (
        "The talks were held on Jan. 19 in Moscow. Nothing was agreed.",
        ["The talks were held on Jan. 19 in Moscow.", "Nothing was agreed."],
    ),
    (
        "Voting ends Sept. 30, officials said. Turnout is high.",
        ["Voting ends Sept. 30, officials said.", "Turnout is high."],
    ),
    (
        "The company was founded in Aug. 2009 and went public on Dec. 4, 2014.",
        ["The company was founded in Aug. 2009 and went public on Dec. 4, 2014."],
    ),
    # countries and organisations
    (
        "The U.S. and the U.K. backed a U.N. resolution. Russia vetoed it.",
        ["The U.S. and the U.K. backed a U.N. resolution.", "Russia vetoed it."],
    ),
    (
        "The U.S. Army said two soldiers died. The Pentagon declined to comment.",
        ["The U.S. Army said two soldiers died.", "The Pentagon declined to comment."],
    ),
    (
        "Inflation fell sharply in the U.S. The Fed is expected to cut rates.",
        ["Inflation fell sharply in the U.S.", "The Fed is expected to cut rates."],
    ),
    (
        "Protesters marched in Washington, D.C. on Saturday.",
        ["Protesters marched in Washington, D.C. on Saturday."],
    ),
    (
        "He was born in Springfield, Ill. He moved to Texas at 18.",
        ["He was born in Springfield, Ill.", "He moved to Texas at 18."],
    ),
    # initials
    (
        "Three Russians were held: A. Kozlov, A. Lobanov and A. Trufanov.",
        ["Three Russians were held: A. Kozlov, A. Lobanov and A. Trufanov."],
    ),
    (
        "J.R.R. Tolkien's papers were auctioned. George W. Bush attended the sale.",
        ["J.R.R. Tolkien's papers were auctioned.", "George W. Bush attended the sale."],
    ),
    (
        "Police Chief Henry P. Stawinski III spoke to reporters.",
        ["Police Chief Henry P. Stawinski III spoke to reporters."],
    ),
    (
        "The drug is rich in vitamin C. The trial ends in May.",
        ["The drug is rich in vitamin C.", "The trial ends in May."],
    ),
    # ellipses
    (
        "He paused... and then resigned. The board accepted.",
        ["He paused... and then resigned.", "The board accepted."],
    ),
    (
        "We waited and waited… Then the rescuers came.",
        ["We waited and waited…", "Then the rescuers came."],
    ),
    (
        'The statement read: "We will . . . never surrender." Fighting continued.',
        ['The statement read: "We will . . . never surrender."', "Fighting continued."],
    ),
    # quotes
    (
        '"We are heartbroken." The family asked for privacy.',
        ['"We are heartbroken."', "The family asked for privacy."],
    ),
    (
        "“The roads are closed.” Drivers were told to stay home.",
        ["“The roads are closed.”", "Drivers were told to stay home."],
    ),
    (
        '"Where is my son?" she asked. Nobody answered.',
        ['"Where is my son?" she asked.', "Nobody answered."],
    ),
    (
        "“Why now?” Smith asked. The minister did not reply.",
        ["“Why now?” Smith asked.", "The minister did not reply."],
    ),
    (
        '"Get down!" the officer yelled. Shots rang out.',
        ['"Get down!" the officer yelled.', "Shots rang out."],
    ),
    (
        'He said the vote was "a disgrace." Others disagreed.',
        ['He said the vote was "a disgrace."', "Others disagreed."],
    ),
    (
        '"It\'s over," he said. "We lost."',
        ['"It\'s over," he said.', '"We lost."'],
    ),
    # parentheses
    (
        "The dam failed (it was built in 1952.) Engineers had warned of cracks.",
        ["The dam failed (it was built in 1952.)", "Engineers had warned of cracks."],
    ),
    (
        "Turnout was low (about 40 percent). The opposition boycotted the vote.",
        ["Turnout was low (about 40 percent).", "The opposition boycotted the vote."],
    ),
    # datelines
    (
        "WASHINGTON (AP) — The Senate passed the bill. The House votes next.",
        ["WASHINGTON (AP) — The Senate passed the bill.", "The House votes next."],
    ),
    (
        "MOSCOW, Jan 19 -- Russia expelled two diplomats. Britain protested.",
        ["MOSCOW, Jan 19 -- Russia expelled two diplomats.", "Britain protested."],
    ),
    (
        "HERKIMER, N.Y. -- Police said the gunman acted alone.",
        ["HERKIMER, N.Y. -- Police said the gunman acted alone."],
    ),
    (
        "PINE BLUFF, Ark. (KTHV) – A girl was shot on Friday.",
        ["PINE BLUFF, Ark. (KTHV) – A girl was shot on Friday."],
    ),
    (
        "ST. LOUIS — Floodwaters rose overnight. Levees held.",
        ["ST. LOUIS — Floodwaters rose overnight.", "Levees held."],
    ),
    # lists
    (
        "The measures include:\n- a curfew\n- a ban on rallies\n- closed schools",
        ["The measures include:", "- a curfew", "- a ban on rallies", "- closed schools"],
    ),
    (
        "Key results:\n1. Labour won 412 seats.\n2. The Conservatives won 121.",
        ["Key results:", "1. Labour won 412 seats.", "2. The Conservatives won 121."],
    ),
    (
        "• Markets fell\n• Oil rose\n• The dollar was flat",
        ["• Markets fell", "• Oil rose", "• The dollar was flat"],
    ),
    # headlines, short lines, blank lines
    (
        "Wildfire forces thousands to flee\n\nA wildfire tore through the hills on Monday.",
        ["Wildfire forces thousands to flee", "A wildfire tore through the hills on Monday."],
    ),
    (
        "Election results\nThe ruling party lost its majority.",
        ["Election results", "The ruling party lost its majority."],
    ),
    (
        "Rescue teams searched the rubble for\nsurvivors after the quake.",
        ["Rescue teams searched the rubble for\nsurvivors after the quake."],
    ),
    (
        "The company said profits rose and\nthe board approved a dividend.",
        ["The company said profits rose and\nthe board approved a dividend."],
    ),
    (
        "In a statement on Friday,\nPresident Macron condemned the attack.",
        ["In a statement on Friday,\nPresident Macron condemned the attack."],
    ),
    (
        "Russia - Hamas Relations\n\nDelegations met in Moscow.",
        ["Russia - Hamas Relations", "Delegations met in Moscow."],
    ),
    (
        "Photo Credit: Jane Doe / Reuters\nThe minister waves to supporters. Nov. 2018\n\nThe vote was held.",
        [
            "Photo Credit: Jane Doe / Reuters",
            "The minister waves to supporters.",
            "Nov. 2018",
            "The vote was held.",
        ],
    ),
    (
        "top of page\n\nFloods hit Bavaria\n\nRepresentative Image\n\nRivers rose overnight.",
        ["top of page", "Floods hit Bavaria", "Representative Image", "Rivers rose overnight."],
    ),
    # sport and misc
    (
        "Real Madrid beat Bayern 2-1. Vinicius Jr. scored twice. The final is in London.",
        ["Real Madrid beat Bayern 2-1.", "Vinicius Jr. scored twice.", "The final is in London."],
    ),
    (
        "He finished with Plan B. Officials said it worked.",
        ["He finished with Plan B.", "Officials said it worked."],
    ),
    (
        "The striker, who joined from Ajax in 2019, scored in the 89th minute. Fans invaded the pitch.",
        [
            "The striker, who joined from Ajax in 2019, scored in the 89th minute.",
            "Fans invaded the pitch.",
        ],
    ),
]

HARD_CASES: list[tuple[str, list[str]]] = [
    (
        "The suspect was identified as John Smith of Springfield, Ill. Smith was arrested Friday.",
        [
            "The suspect was identified as John Smith of Springfield, Ill.",
            "Smith was arrested Friday.",
        ],
    ),
    (
        "They moved to the U.S. Smith later became a citizen.",
        ["They moved to the U.S.", "Smith later became a citizen."],
    ),
]

_WS_RE = re.compile(r"\s+")
_SEEDS = Path("/work/shared/seeds")
_GUNVIOLENCE = Path("/work/shared/corpora/gunviolence.jsonl")


def _check_invariants(text: str, spans: list[Span]) -> None:
    prev_end = 0
    for span in spans:
        assert isinstance(span, Span)
        assert prev_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        prev_end = span.end
    covered = "".join(text[s.start : s.end] for s in spans)
    assert _WS_RE.sub("", covered) == _WS_RE.sub("", text)


@pytest.mark.parametrize(("text", "expected"), SEGMENT_CASES)
def test_golden(text: str, expected: list[str]) -> None:
    assert segment_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, marks=pytest.mark.xfail(reason="ambiguous abbreviation", strict=False))
        for t, e in HARD_CASES
    ],
)
def test_hard(text: str, expected: list[str]) -> None:
    assert segment_sentences(text) == expected


def test_empty_and_whitespace() -> None:
    assert segment_text("") == []
    assert segment_text(" \n\t \n") == []
    assert segment_text("  Hello.  ") == [Span(2, 8)]


def test_offsets_point_into_text() -> None:
    text = "  Mr. Lee left.\n\nHe was 30.  "
    spans = segment_text(text)
    assert [text[s.start : s.end] for s in spans] == ["Mr. Lee left.", "He was 30."]
    assert spans[0].start == 2


_PIECES = [
    "Mr.",
    "Mrs.",
    "Dr.",
    "Gen.",
    "U.S.",
    "D.C.",
    "Inc.",
    "Jr.",
    "St.",
    "a.m.",
    "p.m.",
    "etc.",
    "No.",
    "Jan.",
    "Sept.",
    "A.",
    "J.R.R.",
    "vs.",
    "3.5",
    "$1.2",
    "...",
    "…",
    ". . .",
    "The",
    "he",
    "said",
    "police",
    "Smith",
    "killed",
    "two",
    "In",
    "It's",
    "—",
    "--",
    "(AP)",
    '"',
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    "?",
    "!",
    ".",
    ",",
    ":",
    '?"',
    '."',
    ".”",
    "!”",
    "\n",
    "\n\n",
    " \n ",
    "\t",
    "- ",
    "1. ",
    "• ",
    "\u00a0",
    "\r\n",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=60),
    st.lists(st.sampled_from([" ", "", "\n"]), max_size=60),
)
def test_invariants_generated(pieces: list[str], seps: list[str]) -> None:
    out: list[str] = []
    for i, p in enumerate(pieces):
        out.append(p)
        out.append(seps[i] if i < len(seps) else " ")
    text = "".join(out)
    _check_invariants(text, segment_text(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
@example("0\x1f\n0")  # a control character Python counts as whitespace, before a line break
def test_invariants_arbitrary_text(text: str) -> None:
    _check_invariants(text, segment_text(text))


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(_SEEDS.glob("*.txt"))]


def _gunviolence_texts(limit: int) -> list[str]:
    texts: list[str] = []
    with _GUNVIOLENCE.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


@pytest.mark.skipif(not _SEEDS.is_dir(), reason="seed articles not available")
def test_invariants_seeds() -> None:
    texts = _seed_texts()
    assert texts
    for text in texts:
        _check_invariants(text, segment_text(text))


@pytest.mark.skipif(not _GUNVIOLENCE.is_file(), reason="gunviolence corpus not available")
def test_invariants_gunviolence() -> None:
    texts = _gunviolence_texts(300)
    assert len(texts) == 300
    n_sentences = 0
    for text in texts:
        spans = segment_text(text)
        _check_invariants(text, spans)
        n_sentences += len(spans)
    # sanity: news paragraphs hold a few sentences each, not one per word or per article
    assert 4 < n_sentences / len(texts) < 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scraped pages often lose the space after a period
        ("He appeared in court Monday.Deputies say he shot his brother.",
         ["He appeared in court Monday.", "Deputies say he shot his brother."]),
        ("“It was awful,” Ames said.Four other people were hurt.",
         ["“It was awful,” Ames said.", "Four other people were hurt."]),
        # not a lost space: a web address, a title abbreviation
        ("Details are at www.CityNews.org today.", ["Details are at www.CityNews.org today."]),
        ("Gov.Brown signed the bill.", ["Gov.Brown signed the bill."]),
    ],
)
def test_period_glued_to_the_next_sentence(text: str, expected: list[str]) -> None:
    assert segment_sentences(text) == expected
