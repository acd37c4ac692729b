"""Places of one event told by two articles: the town of the event, a person's residence
given for a pair of people, and what must stay quiet (a neighbourhood against the city a story
is reported from, a town next to the dateline's, two streets that cross).

Every case is two or three short invented articles about one shooting or one meeting, run
through the real pipeline (ingest, then diff).
"""

from __future__ import annotations

import json
from pathlib import Path

import claimcheck
from claimcheck.compare.model import ClaimRecord, Slot
from claimcheck.compare.places import dateline_towns, neighbourhood_of_reporting_city
from claimcheck.compare.verdicts import _intersection

_CONTEXT_A = ("Grace Okafor, 34, and her brother Samuel Okafor, 29, were among the victims, "
              "relatives said.")
_CONTEXT_B = "Relatives said Grace Okafor, 34, and Samuel Okafor, 29, were among those hurt."


def _diff(tmp_path: Path, *texts: str, published: str = "2023-06-12") -> list[dict[str, object]]:
    tmp_path = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    tmp_path.mkdir()
    path = tmp_path / "arts.jsonl"
    rows = [{"id": f"art-{i}", "outlet": f"Outlet {i}", "published": published, "text": t}
            for i, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    claimcheck.ingest([str(path)], db)
    from claimcheck.report import to_json_dict

    return list(to_json_dict(claimcheck.diff(db))["conflicts"])


def _places(conflicts: list[dict[str, object]]) -> list[set[str]]:
    return [{str(c["a_value"]), str(c["b_value"])} for c in conflicts if c["kind"] == "place"]


def test_town_of_the_event_differs_between_two_accounts(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dunmore on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Harwick, police said.",
    )
    assert {"Dunmore", "Harwick"} in _places(conflicts), conflicts
    hit = next(c for c in conflicts if c["kind"] == "place")
    assert 0.5 <= float(hit["confidence"]) <= 1.0  # type: ignore[arg-type]


def test_same_town_or_a_state_for_the_town_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dunmore on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Pennsylvania, police said.",
        f"{_CONTEXT_B} Four people were wounded in a shooting on Sunday night in Dunmore.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_neighbourhood_named_with_its_city_is_no_other_town(tmp_path: Path) -> None:
    # one article tells the two names together: the neighbourhood and its town
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Ridgeway on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Harwick, police said. The Ridgeway section of Harwick has seen three "
        "such shootings this year.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_big_city_against_a_name_the_gazetteer_does_not_know_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dallas on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Lake Pines, police said.",
    )
    assert _places(conflicts) == [], conflicts


def test_an_article_told_from_the_other_town_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "HARWICK, Pa. - Police are investigating a weekend shooting. Four people were shot "
        f"outside a community hall in Dunmore on Sunday night, police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Harwick, police said.",
    )
    assert _places(conflicts) == [], conflicts


def test_town_of_a_general_news_event(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Fishing minister Ola Brenna signed the northern quota accord with Iceland on Friday "
        "in Tromsdal, his office said. Boats will be inspected from next month.",
        "Ola Brenna, the fishing minister, signed the northern quota accord with Iceland in "
        "Vestvik on Friday. Inspections of boats start next month.",
    )
    assert {"Tromsdal", "Vestvik"} in _places(conflicts), conflicts


def test_residence_given_for_a_pair_of_people(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "When officers arrived, they found Marcus Dane Whitfield and Tyrell Omar Booker, both "
        "24 and of Kenton, with gunshot wounds. Both men were taken to Regional Medical Center.",
        "Officers found Whitfield and Booker, both 24, of Dunmore, with apparent gunshot "
        "wounds. Marcus Whitfield and Tyrell Booker were taken to Regional Medical Center.",
    )
    assert {"Kenton", "Dunmore"} in _places(conflicts), conflicts


def test_residence_in_a_neighbourhood_of_the_city_the_story_is_told_from(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "CLEVELAND (WKX) - Police arrested Tom Reyes, 27, of Cleveland in the killing of a "
        "shop owner on Tuesday.",
        "Tom Reyes, 27, of Glenville, was arrested in the killing of a shop owner, police said.",
        "Ann Lee, 31, of Glenville, saw the killing of the shop owner on Tuesday, police said.",
    )
    assert _places(conflicts) == [], conflicts
    # Glenville told by one article alone: another town, not the story's geography
    conflicts = _diff(
        tmp_path,
        "CLEVELAND (WKX) - Police arrested Tom Reyes, 27, of Cleveland in the killing of a "
        "shop owner on Tuesday.",
        "Tom Reyes, 27, of Glenville, was arrested in the killing of a shop owner, police said.",
    )
    assert {"Cleveland", "Glenville"} in _places(conflicts), conflicts
    # the same two articles without the dateline: two towns for one man's home
    conflicts = _diff(
        tmp_path,
        "Police arrested Tom Reyes, 27, of Cleveland in the killing of a shop owner on Tuesday.",
        "Tom Reyes, 27, of Glenville, was arrested in the killing of a shop owner, police said.",
    )
    assert {"Cleveland", "Glenville"} in _places(conflicts), conflicts


def test_datelines_and_neighbourhoods() -> None:
    def claim(cid: str, text: str) -> ClaimRecord:
        return ClaimRecord(cid, "a1", "s", None, 0, len(text), text, text, 1, None, None, None)

    towns = dateline_towns([claim("c1", "MUKILTEO, Wash. - Three people were killed"),
                            claim("c2", "PITTSBURGH (KDKA) – Investigators said"),
                            claim("c3", "Police in Dallas said")])
    assert towns == {"a1": {"mukilteo", "pittsburgh"}}
    texts = ["a home on Nolan Court in Homewood", "Ann Lee, 29, of Homewood", "Police said"]
    assert neighbourhood_of_reporting_city("Pittsburgh", "Homewood", {"pittsburgh"}, texts)
    assert not neighbourhood_of_reporting_city("Pittsburgh", "Homewood", {"wilkinsburg"}, texts)
    # a name one article alone uses is a slip or another town, not the story's geography
    assert not neighbourhood_of_reporting_city("Pittsburgh", "Homewood", {"pittsburgh"}, texts[1:])
    assert not neighbourhood_of_reporting_city("Jackson", "Crossville", set(), texts)


def test_two_crossing_streets_are_not_a_town() -> None:
    text = "The shooting happened in the 16400 block of Fairmont, near Kelly and 8 Mile"
    at = text.index("Kelly")
    c = ClaimRecord("c", "a", "s", None, 0, len(text), text, text, 1, None, None, None)
    assert _intersection(c, Slot("place", "Kelly", "Kelly", None, None, None, None, at, at + 5))
    text = "Talks were held in Geneva and Vienna"
    at = text.index("Geneva")
    c = ClaimRecord("c", "a", "s", None, 0, len(text), text, text, 1, None, None, None)
    assert not _intersection(c, Slot("place", "Geneva", "Geneva", None, None, None, None, at, at + 6))


def test_a_town_written_with_its_state_before_the_event_word(tmp_path: Path) -> None:
    # "A gunman in Harwick, Ohio, shot ...": the event word after the town; the date anchor
    # comes from another claim of the same sentence
    conflicts = _diff(
        tmp_path,
        "A gunman in Harwick, Ohio, shot four people and wounded two more outside a community "
        f"hall on Sunday night, police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Dunmore, police said.",
    )
    assert {"Harwick", "Dunmore"} in _places(conflicts), conflicts


def test_a_home_town_written_with_its_state_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people who lived in Harwick, Ohio, were shot outside a community hall on Sunday "
        f"night, police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Dunmore, police said.",
    )
    assert _places(conflicts) == [], conflicts


def test_the_same_count_of_victims_anchors_two_accounts(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"Seven people were hospitalized after a mass shooting in Harwick. {_CONTEXT_A}",
        f"{_CONTEXT_B} Seven people were wounded in one of the worst mass shootings in Dunmore "
        "in decades.",
    )
    assert {"Harwick", "Dunmore"} in _places(conflicts), conflicts
    # two of something is too common to tie two accounts
    conflicts = _diff(
        tmp_path,
        f"Two people were hospitalized after a mass shooting in Harwick. {_CONTEXT_A}",
        f"{_CONTEXT_B} Two people were wounded in one of the worst mass shootings in Dunmore "
        "in decades.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_big_city_against_a_town_written_with_its_state(tmp_path: Path) -> None:
    # the unknown name is written with its state somewhere in the story: a town of its own,
    # not one of the big city's neighbourhoods
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dallas on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Lake Pines, police said. Lake Pines, Texas, has about 9,000 residents.",
    )
    assert {"Dallas", "Lake Pines"} in _places(conflicts), conflicts


def test_two_spellings_of_one_town_stay_below_the_cut(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        f"A 13-year-old boy and his father were killed in Toole, Tenn., police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} A man was charged with murdering a 13-year-old and his father in Toone, "
        "Tennessee.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_big_city_against_a_village_named_as_one(tmp_path: Path) -> None:
    # "the village of Lake Pines" names a town of its own, not a neighbourhood of Dallas
    conflicts = _diff(
        tmp_path,
        "Deputies answered a call of gunshot wounds inside a house in Dallas on Sunday night. "
        f"{_CONTEXT_A}",
        f"{_CONTEXT_B} Deputies found four gunshot victims inside a house in the village of "
        "Lake Pines on Sunday night.",
    )
    assert {"Dallas", "Lake Pines"} in _places(conflicts), conflicts


def test_a_neighbourhood_of_a_big_city_stays_quiet_without_village(tmp_path: Path) -> None:
    # the same two accounts, with no word making Lake Pines a town: it may be a neighbourhood
    conflicts = _diff(
        tmp_path,
        "Deputies answered a call of gunshot wounds inside a house in Dallas on Sunday night. "
        f"{_CONTEXT_A}",
        f"{_CONTEXT_B} Deputies found four gunshot victims inside a house in the Lake Pines "
        "area on Sunday night.",
    )
    assert _places(conflicts) == [], conflicts


def test_an_article_told_from_one_town_naming_the_event_town_with_its_state(
        tmp_path: Path) -> None:
    # the dateline's article itself writes the other town with its state: a town of its own,
    # so "in Harwick" in the other article disagrees
    conflicts = _diff(
        tmp_path,
        "HARWICK, Pa. - Police are investigating a weekend shooting. Four people were shot "
        f"outside a community hall in Dunmore, Pa., on Sunday night, police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting outside a birthday party on "
        "Sunday night in Harwick, police said.",
    )
    assert {"Dunmore", "Harwick"} in _places(conflicts), conflicts


def test_a_negated_claim_tells_the_town_from_a_clause_of_its_own(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "None of the victims suffered life-threatening injuries after being shot early Saturday "
        f"at the Elks Lodge in Dunmore, deputies said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were shot during a birthday party at the Elks Lodge in "
        "Harwick early Saturday.",
    )
    assert {"Dunmore", "Harwick"} in _places(conflicts), conflicts


def test_a_negated_shooting_in_a_town_stays_quiet(tmp_path: Path) -> None:
    # "no one was shot in Dunmore": the negation is on the shooting in the town itself
    conflicts = _diff(
        tmp_path,
        "No one was shot early Saturday at the Elks Lodge in Dunmore, deputies said. "
        f"{_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were shot during a birthday party at the Elks Lodge in "
        "Harwick early Saturday.",
    )
    assert _places(conflicts) == [], conflicts


def test_hospital_and_home_towns_are_not_the_town_of_the_shooting(tmp_path: Path) -> None:
    # a victim's home town and the hospital's town differ from the shooting's: quiet
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dunmore, Pa., on Sunday night, "
        f"police said. {_CONTEXT_A} The victims, all of Harwick, were taken to a hospital in "
        "Scranton.",
        f"{_CONTEXT_B} Four people were wounded in a shooting on Sunday night in Dunmore. One "
        "victim was flown to a hospital in Allentown, and the gunman lived in Harwick.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_county_against_a_city_in_it_stays_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dunmore, Pa., on Sunday night, "
        f"police said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Four people were wounded in a shooting on Sunday night in Lackawanna "
        "County, police said.",
    )
    assert _places(conflicts) == [], conflicts


def test_a_venue_named_two_ways_and_a_dateline_inside_the_claim(tmp_path: Path) -> None:
    # "the Brackwell Foundry building" and "Brackwell Foundry" are one venue; the claim's own
    # dateline (HARWICK) is where the article is told from, not a town it gives the shooting
    conflicts = _diff(
        tmp_path,
        "HARWICK, Pa. - Two people are dead after a shooting at the Brackwell Foundry building "
        "in Dunmore, Pennsylvania, Tuesday morning. Police have not named the gunman.",
        "Two people died and three others were hurt in an early morning shooting at Brackwell "
        "Foundry in Harwick. The plant employs about 400 people.",
    )
    assert {"Dunmore", "Harwick"} in _places(conflicts), conflicts


def test_two_venues_sharing_a_word_are_no_anchor(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "HARWICK, Pa. - Two people are dead after a shooting at the Brackwell Foundry building "
        "in Dunmore, Pennsylvania, Tuesday morning. Police have not named the gunman.",
        "Two people died and three others were hurt in an early morning shooting at Brackwell "
        "Park in Harwick. The park has about 400 visitors a day.",
    )
    assert _places(conflicts) == [], conflicts


def test_town_written_as_the_village_of(tmp_path: Path) -> None:
    # "in the Village of Harwick" names the town Harwick, like "in Harwick"
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Dunmore on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Deputies were told of four people shot outside a birthday party on "
        "Sunday night in the Village of Harwick, police said.",
    )
    assert {"Dunmore", "Harwick"} in _places(conflicts), conflicts


def test_village_of_the_same_town_is_quiet(tmp_path: Path) -> None:
    conflicts = _diff(
        tmp_path,
        "Four people were shot outside a community hall in Harwick on Sunday night, police "
        f"said. {_CONTEXT_A}",
        f"{_CONTEXT_B} Deputies were told of four people shot outside a birthday party on "
        "Sunday night in the Village of Harwick, police said.",
    )
    assert _places(conflicts) == [], conflicts
