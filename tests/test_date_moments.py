"""Which moment a date belongs to: a weekday against a day written with its number, and the
shooting told by a verb's -ing form ("killing Paul Kessler ... on Oct. 8")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import conflicts_of


def _dates(rows: list[dict[str, object]], tmp_path: Path) -> list[tuple[str, str]]:
    return [(str(c["a_value"]), str(c["b_value"])) for c in conflicts_of(rows, tmp_path, "moments")
            if c["kind"] == "date"]


# --- a named weekday against a written day (claim groups) ---------------------------------

BUDGET_A = ("The Harwick council approved the harbour budget on Tuesday, 11 March, after a "
            "long debate. The vote was 7 to 4.")


@pytest.mark.parametrize("published_b, sentence_b, expected", [
    # "Wednesday" (12 March) is not the Tuesday the other article writes out
    ("2025-03-13", "The Harwick council approved the harbour budget on Wednesday after a long debate.",
     {"11 March 2025", "12 March 2025"}),
    # the same weekday: agrees
    ("2025-03-13", "The Harwick council approved the harbour budget on Tuesday after a long debate.", None),
    # the same weekday read a week late (an article of the week after): the tolerance kept
    ("2025-03-20", "The Harwick council approved the harbour budget on Tuesday after a long debate.", None),
    # another moment of the story on another day: signing is not approving
    ("2025-03-13", "The Harwick mayor signed the harbour budget on Wednesday after a long debate.", None),
    # "yesterday" names no weekday: an article's day moves with its updates
    ("2025-03-13", "The Harwick council approved the harbour budget yesterday after a long debate.", None),
], ids=["other-weekday", "same-weekday", "week-off", "other-moment", "yesterday"])
def test_a_named_weekday_against_a_written_day(
    published_b: str, sentence_b: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "bud-a", "outlet": "Harbour Times", "published": "2025-03-13", "text": BUDGET_A},
        {"id": "bud-b", "outlet": "Coast Daily", "published": published_b,
         "text": sentence_b + " The vote was 7 to 4."},
    ]
    dates = _dates(rows, tmp_path)
    if expected is None:
        assert dates == []
    else:
        assert dates and set(dates[0]) == expected, dates


def test_a_weekday_and_a_written_day_told_around_midnight_agree(tmp_path: Path) -> None:
    # "late Monday" and "12:40 a.m. on 11 March" (a Tuesday): one moment around midnight
    rows: list[dict[str, object]] = [
        {"id": "fire-a", "outlet": "Harbour Times", "published": "2025-03-13",
         "text": "The warehouse fire on Quay Road broke out at 12:40 a.m. on 11 March, firefighters said."},
        {"id": "fire-b", "outlet": "Coast Daily", "published": "2025-03-13",
         "text": "The warehouse fire on Quay Road broke out late Monday, firefighters said."},
    ]
    assert _dates(rows, tmp_path) == []


# --- the shooting told by an -ing verb (fact sheets) ----------------------------------------

INDICTED = ("Ruth Okafor, 52, was indicted Thursday on a murder count in the Oct. 9 shooting of "
            "Paul Kessler on Marlow Avenue in Brenton.")


@pytest.mark.parametrize("sentence_b, expected", [
    # the -ing verb ties "Oct. 8" to the killing: another day than the indictment's account
    ("Prosecutors say Ruth Okafor fired into a parked car, killing Paul Kessler and badly "
     "wounding his brother on Marlow Avenue on Oct. 8.", {"8 October 2024", "9 October 2024"}),
    # the noun, not the verb: "the killing Oct. 8" after an arrest dates the arrest's story
    ("Ruth Okafor was arrested after the killing Oct. 8 of Paul Kessler on Marlow Avenue.", None),
    # "charged with killing ... on Oct. 8": the day may be the charge's
    ("Ruth Okafor was charged with killing Paul Kessler on Marlow Avenue on Oct. 8.", None),
], ids=["gerund-verb", "gerund-noun", "charged-with"])
def test_a_date_after_an_ing_verb_of_the_shooting(
    sentence_b: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "ok-a", "outlet": "Brenton Ledger", "published": "2024-10-18", "text": INDICTED},
        {"id": "ok-b", "outlet": "Valley Post", "published": "2024-10-18", "text": sentence_b},
    ]
    dates = _dates(rows, tmp_path)
    if expected is None:
        assert dates == []
    else:
        assert dates and set(dates[0]) == expected, dates


# --- a round-up's shooting dated beside the full name of the person shot -----------------

ROUNDUP = ("Two shootings shook the region over the weekend. In Dayton, {sentence} In Toledo, "
           "a man was wounded Saturday near a gas station on Mill Road, deputies said.")


@pytest.mark.parametrize("sentence_a, sentence_b, expected", [
    # both dates tied to the shooting of one person named in full: one shooting, two days
    ("police made an arrest in the Oct. 5 fatal shooting of Lena Marsh outside a bakery.",
     "Relatives said Lena Marsh, who was shot and killed Oct. 6 while she waited for a bus, loved to sing.",
     {"5 October 2024", "6 October 2024"}),
    # the person named in both is an official who speaks of each shooting
    ("Police Chief Omar Reyes said a teenager was shot and killed on Oct. 5 outside a bakery.",
     "Police Chief Omar Reyes said a woman was shot and killed Oct. 6 while she waited for a bus.",
     None),
    # the person named in both is the one who shoots: his spree and his own death
    ("Ivan Roth opened fire on Oct. 5 outside a bakery, killing two people.",
     "A police dog was killed Oct. 6 by suspect Ivan Roth during a standoff at a farm.", None),
    # the round-up's date is a vigil's, not the shooting's
    ("friends of Lena Marsh held a vigil on Oct. 5 outside a bakery.",
     "Relatives said Lena Marsh, who was shot and killed Oct. 6 while she waited for a bus, loved to sing.",
     None),
], ids=["victim-named", "official-named", "shooter-named", "vigil"])
def test_a_roundup_date_beside_the_name_of_the_person_shot(
    sentence_a: str, sentence_b: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "ru-a", "outlet": "Alder Ledger", "published": "2024-10-08",
         "text": ROUNDUP.format(sentence=sentence_a)},
        {"id": "ru-b", "outlet": "Valley Post", "published": "2024-10-08", "text": sentence_b},
    ]
    dates = _dates(rows, tmp_path)
    if expected is None:
        assert dates == []
    else:
        assert dates and set(dates[0]) == expected, dates


# --- two dates against one: paired by the verb that dates them (claim groups) -------------

FERRY_A = ("The Calder ferry, which sailed from Dover on Monday, sank on Wednesday off the Kent "
           "coast with 40 people aboard.")


@pytest.mark.parametrize("sentence_b, expected", [
    # "sank" dates Wednesday on one side and Thursday on the other; the sailing has no pair
    ("The Calder ferry sank on Thursday off the Kent coast with 40 people aboard.",
     {"12 March 2025", "13 March 2025"}),
    # the same day for the sinking: agrees, whatever the other date
    ("The Calder ferry sank on Wednesday off the Kent coast with 40 people aboard.", None),
    # the one date is an inspection's, by another verb: no date of the sinking to compare
    ("The Calder ferry, which was inspected on Tuesday, went down off the Kent coast with 40 people "
     "aboard.", None),
], ids=["same-verb", "same-day", "other-verb"])
def test_two_dates_against_one_pair_by_their_verb(
    sentence_b: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "fe-a", "outlet": "Channel News", "published": "2025-03-14", "text": FERRY_A},
        {"id": "fe-b", "outlet": "Coast Daily", "published": "2025-03-14", "text": sentence_b},
    ]
    dates = _dates(rows, tmp_path)
    if expected is None:
        assert dates == []
    else:
        assert dates and set(dates[0]) == expected, dates


# --- the day the one person killed died (fact sheets) -------------------------------------

@pytest.mark.parametrize("text_a, text_b, expected", [
    # one death, told on two days
    ("Nora Pell, 8, was shot in her bedroom on Elm Court in Brenton. The girl died Tuesday at "
     "Brenton General, police said.",
     "A girl shot in her bedroom on Elm Court in Brenton has died. Nora Pell died Wednesday, "
     "her family said.", {"10 June 2025", "11 June 2025"}),
    # the day after "died ... after" is the shooting's, not the death's
    ("Nora Pell, 8, was shot in her bedroom on Elm Court in Brenton. The girl died Tuesday at "
     "Brenton General, police said.",
     "A girl shot in her bedroom on Elm Court in Brenton has died. Nora Pell died after she was "
     "shot Monday, her family said.", None),
    # "late Tuesday" and "early Wednesday": one moment around midnight
    ("Nora Pell, 8, was shot in her bedroom on Elm Court in Brenton. The girl died late Tuesday "
     "at Brenton General, police said.",
     "A girl shot in her bedroom on Elm Court in Brenton has died. Nora Pell died early Wednesday, "
     "her family said.", None),
    # two deaths in the story: which one died when is not told apart
    ("Two people were killed when gunfire hit a house on Elm Court in Brenton. The girl died "
     "Tuesday at Brenton General, police said.",
     "Two people were killed in a shooting on Elm Court in Brenton. Nora Pell died Wednesday, "
     "her family said.", None),
], ids=["one-death", "shooting-day", "around-midnight", "two-deaths"])
def test_the_day_the_one_person_killed_died(
    text_a: str, text_b: str, expected: set[str] | None, tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "dd-a", "outlet": "Brenton Ledger", "published": "2025-06-13", "text": text_a},
        {"id": "dd-b", "outlet": "Valley Post", "published": "2025-06-13", "text": text_b},
    ]
    dates = _dates(rows, tmp_path)
    if expected is None:
        assert dates == []
    else:
        assert dates and set(dates[0]) == expected, dates
