"""Counts and ages of one event across articles (issue 11, branch issue-11c).

Invented stories through the real pipeline (ingest, then the fact sheets). Each rule has its
look-alikes that must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_toll_sheet import _sheets


def _rows(*texts: str, published: str = "2024-03-09") -> list[dict[str, str]]:
    return [{"id": f"art-{i}", "outlet": f"Outlet {i}", "published": published, "title": "",
             "text": t} for i, t in enumerate(texts)]


# --- a whole toll whose spot follows the event word -------------------------------------------


def test_a_part_larger_than_a_whole_told_with_its_place(tmp_path: Path) -> None:
    """"14 people were shot at a party": the party is where the shooting was, so 14 is the
    whole toll, and 16 teenagers shot (some of the people) cannot be."""
    found = _sheets(_rows(
        "Deputies said there were not enough ambulances for the 16 teenagers shot in the "
        "orchard district of Corlan late Saturday.",
        "The sheriff's office is looking for three suspects after 14 people were shot at a "
        "birthday party in Corlan late Saturday.",
    ), tmp_path)
    assert any({a, b} == {"16", "14"} for a, b, _ in found), found


def test_people_at_a_spot_are_a_share_not_the_whole(tmp_path: Path) -> None:
    """"three people inside a parked car were shot": the ones in the car, a share of the
    toll, which some teenagers elsewhere may outnumber."""
    found = _sheets(_rows(
        "Deputies said there were not enough ambulances for the 16 teenagers shot in the "
        "orchard district of Corlan late Saturday.",
        "The sheriff said three people inside a parked car were shot at the birthday party in "
        "Corlan late Saturday.",
    ), tmp_path)
    assert not any({a, b} == {"16", "3"} for a, b, _ in found), found


# --- round-ups: a town with its neighbourhood or county is still one town ---------------------

OTHER_ACCOUNT = ("Corlan police said three people were killed when a gunman opened fire on a "
                 "crowded birthday gathering early Saturday.")


def test_a_town_named_with_its_neighbourhood_is_no_round_up(tmp_path: Path) -> None:
    """"in Eastfield, in Corlan" names one place at two levels: the article's toll is
    compared with the other account's."""
    found = _sheets(_rows(
        "Five people were killed at a house party in Eastfield, in Corlan, early Saturday, "
        "police said.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert any({a, b} == {"5", "3"} for a, b, _ in found), found


def test_a_town_named_with_its_county_is_no_round_up(tmp_path: Path) -> None:
    """The county holding the town is no second town."""
    found = _sheets(_rows(
        "Five people were killed at a house party in Corlan early Saturday, police said. The "
        "shooting was the deadliest in Brisk County in a decade.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert any({a, b} == {"5", "3"} for a, b, _ in found), found


def test_two_towns_joined_by_and_stay_a_round_up(tmp_path: Path) -> None:
    """"in Corlan and in Dunmere": two towns side by side are not one place told twice."""
    found = _sheets(_rows(
        "Five people were killed at house parties in Corlan and in Dunmere early Saturday, "
        "police said.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert not any({a, b} == {"5", "3"} for a, b, _ in found), found


def test_two_towns_in_two_sentences_stay_a_round_up(tmp_path: Path) -> None:
    """A second town told in its own sentence, with a park in the first: still two towns."""
    found = _sheets(_rows(
        "Five people were killed at a party near Eastfield Park in Corlan early Saturday, "
        "police said. Two people were wounded in Dunmere a few hours later.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert not any({a, b} == {"5", "3"} for a, b, _ in found), found


# --- the one victim's age ---------------------------------------------------------------------


def _ages(found: list[tuple[str, str, float]], x: str, y: str) -> bool:
    return any({a, b} == {x, y} for a, b, _ in found)


def test_a_victims_age_tied_by_the_day_both_name(tmp_path: Path) -> None:
    """No gender on one side and no shared scene word, but both claims date the shooting the
    same day: one victim, two ages."""
    found = _sheets(_rows(
        "A 5-year-old girl was shot in Corlan on Monday afternoon, officials said.",
        "A 2-year-old remains in the hospital after being shot on Monday in a northern "
        "community.",
    ), tmp_path)
    assert _ages(found, "5", "2"), found


def test_a_victims_age_with_nothing_tying_it_stays_quiet(tmp_path: Path) -> None:
    """The same two ages with no day on one side: nothing says they are one child."""
    found = _sheets(_rows(
        "A 5-year-old girl was shot in Corlan on Monday afternoon, officials said.",
        "A 2-year-old remains in the hospital after being shot in a northern community.",
    ), tmp_path)
    assert not _ages(found, "5", "2"), found


def test_a_round_ups_other_toll_does_not_make_two_victims(tmp_path: Path) -> None:
    """A round-up telling another town's shooting of two men: the story still has one
    victim, whose two ages are compared."""
    found = _sheets(_rows(
        "A 14-year-old boy was shot inside a home on Larch Avenue in Corlan on Monday night, "
        "police said.",
        "A 17-year-old boy was shot inside a home in Corlan on Monday night. Two men were "
        "wounded in a separate shooting in Dunmere on Sunday.",
    ), tmp_path)
    assert _ages(found, "14", "17"), found


def test_an_account_of_two_people_shot_keeps_the_ages_apart(tmp_path: Path) -> None:
    """An account of one town counting two people shot: two victims, two ages, no conflict."""
    found = _sheets(_rows(
        "A 14-year-old boy was shot inside a home on Larch Avenue in Corlan on Monday night, "
        "police said.",
        "Two boys were shot inside a home in Corlan on Monday night. A 17-year-old boy was "
        "taken to the hospital.",
    ), tmp_path)
    assert not _ages(found, "14", "17"), found


def test_a_place_near_the_town_is_another_place(tmp_path: Path) -> None:
    """"in Eastfield near Corlan": a place beside the town is not inside it, so the article
    names two towns and stays out of the toll comparison."""
    found = _sheets(_rows(
        "Five people were killed at a house party in Eastfield near Corlan early Saturday, "
        "police said.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert not any({a, b} == {"5", "3"} for a, b, _ in found), found


# --- a title word after a given name is a surname ---------------------------------------------


def test_a_title_word_after_a_given_name_is_the_surname() -> None:
    """"John Edward King", "Mark Bishop": the name is whole, not "John Edward" with a title."""
    from claimcheck.entities import find_entities

    names = [(e.name, e.kind) for e in find_entities(
        "Police arrested John Edward King, 23, and Mark Bishop, 20, on Monday.")]
    assert ("John Edward King", "person") in names and ("Mark Bishop", "person") in names, names


def test_a_title_before_a_name_stays_a_title() -> None:
    """"King Abdullah", "Sheriff John Smith": the title word comes first, the name after."""
    from claimcheck.entities import find_entities

    got = [(e.name, e.title) for e in find_entities(
        "Sheriff John Smith said King Abdullah was not told.")]
    assert ("John Smith", "sheriff") in got and ("Abdullah", "king") in got, got


def test_one_persons_ages_with_and_without_a_middle_name(tmp_path: Path) -> None:
    """"John Edward King, 23" and "John King, 20" are one man: his two ages conflict."""
    found = _sheets(_rows(
        "Deputies arrested John Edward King, 23, and Mark Smith, 20, both of Corlan, on Monday "
        "in the shooting of a store clerk.",
        "The sheriff's office arrested John King, 20, and Mark Smith, 20, on Monday.",
    ), tmp_path)
    assert any({a, b} == {"23", "20"} for a, b, _ in found), found


# --- one event told by a first report that dates nothing and a follow-up weeks on -------------

FIRST_REPORT = ("A teenager was taken into custody after a friend was shot in the head at a Corlan "
                "home, police said. Detectives are interviewing the 16-year-old who was taken into "
                "custody.")
FOLLOW_UP = ("A 17-year-old accused of shooting a friend in the head at a Corlan home on May {day} "
             "has been charged as an adult.")


def _follow_up(tmp_path: Path, day: str, first_published: str) -> list[tuple[str, str, float]]:
    return _sheets([
        {"id": "first", "outlet": "Outlet A", "published": first_published, "title": "",
         "text": FIRST_REPORT},
        {"id": "later", "outlet": "Outlet B", "published": "2024-05-28", "title": "",
         "text": FOLLOW_UP.format(day=day)},
    ], tmp_path)


def test_a_follow_up_weeks_on_dates_the_first_reports_event(tmp_path: Path) -> None:
    """The first report (2 May) dates nothing; the follow-up (28 May) dates the shooting 1 May:
    one event, and the person held is 16 in one and 17 in the other."""
    found = _follow_up(tmp_path, "1", "2024-05-02")
    assert any({a, b} == {"16", "17"} for a, b, _ in found), found


def test_a_follow_up_dating_a_later_shooting_is_another_event(tmp_path: Path) -> None:
    """The follow-up dates its shooting 20 May, weeks after the first report: another event."""
    assert _follow_up(tmp_path, "20", "2024-05-02") == []


def test_a_first_report_published_a_week_after_the_date_is_not_tied(tmp_path: Path) -> None:
    """The first report came out 9 May, a week after the follow-up's 1 May: its publication
    day does not stand for that event day."""
    assert _follow_up(tmp_path, "1", "2024-05-09") == []


def test_the_one_neighbourhood_an_article_names_is_part_of_its_town(tmp_path: Path) -> None:
    """"in the Larch Beach neighborhood", the only place the article calls a neighbourhood,
    is part of Corlan: one town, and the toll is compared."""
    found = _sheets(_rows(
        "Five people were killed at a house party in Corlan early Saturday, police said. About "
        "20 people were partying at a home in the Larch Beach neighborhood when gunfire broke "
        "out.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert any({a, b} == {"5", "3"} for a, b, _ in found), found


def test_two_neighbourhoods_make_a_round_up_of_one_city(tmp_path: Path) -> None:
    """Two places called neighbourhoods: shootings in two parts of the city, a round-up."""
    found = _sheets(_rows(
        "Five people were killed at a house party in Corlan early Saturday, police said. About "
        "20 people were partying at a home in the Larch Beach neighborhood when gunfire broke "
        "out. Two men were wounded in the Oak Hills neighborhood an hour later.",
        OTHER_ACCOUNT,
    ), tmp_path)
    assert not any({a, b} == {"5", "3"} for a, b, _ in found), found


# --- a bare surname beside others of that surname ---------------------------------------------

GUNMAN_LATER = ("The gunman, 23-year-old Peter Corbin, was killed by officers in Brennick on "
                "Friday after he shot his father and his brother.")


def _gunman(tmp_path: Path, text: str) -> list[tuple[str, str, float]]:
    return _sheets([
        {"id": "a", "outlet": "Outlet A", "published": "2024-06-08", "title": "", "text": text},
        {"id": "b", "outlet": "Outlet B", "published": "2024-06-08", "title": "",
         "text": GUNMAN_LATER},
    ], tmp_path)


def test_a_bare_surname_beside_its_relatives_is_the_other_one(tmp_path: Path) -> None:
    """"Corbin, 26, shot his father, Samuel Corbin, and his brother Dale Corbin": the bare
    Corbin is neither, so the article's one other Corbin, Peter: 26 against 23."""
    found = _gunman(tmp_path,
                    "Police identified the gunman as Peter Corbin. Corbin, 26, shot his father, "
                    "Samuel Corbin, 55, and his brother Dale Corbin, 25, on Friday at their home "
                    "in Brennick.")
    assert any({a, b} == {"26", "23"} for a, b, _ in found), found


def test_a_bare_surname_with_two_other_candidates_is_no_one(tmp_path: Path) -> None:
    """The article names two other Corbins in full: the bare Corbin may be either."""
    found = _gunman(tmp_path,
                    "Police identified the gunman as Peter Corbin; his uncle, Ray Corbin, was "
                    "not home. Corbin, 26, shot his father, Samuel Corbin, 55, and his brother "
                    "Dale Corbin, 25, on Friday at their home in Brennick.")
    assert not any({a, b} == {"26", "23"} for a, b, _ in found), found
