"""Photo captions anchor no date and no toll (issue 11, branch issue-11r2).

A caption dates the picture (a vigil, the scene the morning after), not the shooting; its
count is what the picture shows. Invented stories through the real pipeline, each rule with
the look-alikes that must still be compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.compare.facts import caption_like
from claimcheck.compare.model import ClaimRecord
from tests.conftest import sheet_conflicts_of


def _claim(text: str) -> ClaimRecord:
    return ClaimRecord(id="c1", article_id="a1", source="s", outlet=None, start=0, end=len(text),
                       text=text, normalized=text.lower(), polarity=1, modality=None,
                       speaker=None, tense=None)


@pytest.mark.parametrize("text", [
    "Mourners gather outside the house on Pell Street where five people were shot "
    "(AP Photo/Jane Roe)",
    "Photo: Candles outside the Corlan community hall where three people died on March 3",
    "Tom Bex/for the Corlan Herald Officers stand near the scene on Saturday",
    "Tragedy: Ann Lee, 19, was one of three people shot dead at the party on March 3",
    "The scene on Pell Street early Saturday",
])
def test_caption_lines_are_read_as_captions(text: str) -> None:
    assert caption_like(_claim(text))


@pytest.mark.parametrize("text", [
    # a dateline with the agency's name is the lead, not a credit
    "CORLAN (AP) — Five people were killed at a house party early Saturday",
    # clauses cut from a sentence: lower case, or holding a participle
    "leaving two dead",
    "six others injured",
    "Two dead after shooting at Corlan party",
    # a colon inside a long sentence, after a lower-case word
    "Police gave the toll on Sunday: three people were killed and two were wounded",
    "Police said three people were killed in the shooting on March 2",
    # a headline giving its source ("JSO: ...", "Police: ..."), not a caption's label
    "CPD: Two children shot inside a Corlan apartment on Sunday",
    "Police: Three killed at a Corlan house party",
])
def test_sentences_of_the_story_are_no_captions(text: str) -> None:
    assert not caption_like(_claim(text))


def _conflicts(texts: list[str], tmp_path: Path) -> list[tuple[str, str, str]]:
    """The fact sheets' conflicts (kind, values) of invented articles of one day."""
    rows = [{"id": f"art-{i}", "outlet": f"Outlet {i}", "published": "2024-03-04", "title": "",
             "text": t} for i, t in enumerate(texts)]
    return [(c.kind, c.a_value, c.b_value) for c in sheet_conflicts_of(rows, tmp_path)]


FIRST = ("Three people were killed when a gunman opened fire at a house party in Corlan on "
         "March 2, police said.")
SECOND_LEAD = "Police said a gunman opened fire at a crowded house party in Corlan."


def _dated(found: list[tuple[str, str, str]]) -> bool:
    return any(kind == "date" for kind, _, _ in found)


def test_a_labelled_captions_day_is_not_compared(tmp_path: Path) -> None:
    """"Tragedy: ..." labels a picture: its day is not the other account's day of the event."""
    found = _conflicts([FIRST, SECOND_LEAD + " Tragedy: Ann Lee, 19, was one of three people "
                        "shot dead at the party on March 3."], tmp_path)
    assert not _dated(found), found


def test_the_same_words_told_as_a_sentence_are_compared(tmp_path: Path) -> None:
    """Without the label the sentence tells the event's day, and the day conflicts."""
    found = _conflicts([FIRST, SECOND_LEAD + " Ann Lee, 19, was one of three people shot dead "
                        "at the party on March 3."], tmp_path)
    assert _dated(found), found


def test_a_credited_captions_toll_is_not_compared(tmp_path: Path) -> None:
    """A toll told in a caption opening on its photographer's credit ("Tom Bex/for the
    Corlan Herald") is what the picture shows."""
    found = _conflicts([FIRST, SECOND_LEAD + " Tom Bex/for the Corlan Herald Police tape "
                        "surrounds the house where five people were killed on March 2."], tmp_path)
    assert not any(kind == "number" for kind, _, _ in found), found


def test_the_same_toll_without_the_credit_is_compared(tmp_path: Path) -> None:
    found = _conflicts([FIRST, SECOND_LEAD + " Police tape surrounds the house where five "
                        "people were killed on March 2."], tmp_path)
    assert any(kind == "number" and {a, b} == {"3", "5"} for kind, a, b in found), found


def test_a_dateline_with_the_agency_keeps_its_toll(tmp_path: Path) -> None:
    """"CORLAN (AP) — ..." is the lead of the story: its toll is compared."""
    found = _conflicts([FIRST, "CORLAN (AP) — Five people were killed when a gunman opened fire "
                        "at a house party on March 2, police said."], tmp_path)
    assert any(kind == "number" and {a, b} == {"3", "5"} for kind, a, b in found), found
