"""Fact sheets: attributes of people and events read from differently worded sentences,
compared across the articles of a story (claimcheck.compare.facts, differ, report, CLI)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.compare.affinity import StoryAffinity
from claimcheck.compare.facts import (
    Attribute,
    build_fact_sheets,
    compare_attributes,
    extract_attributes,
)
from claimcheck.compare.model import ClaimRecord, Slot
from claimcheck.compare.text import prepare
from claimcheck.differ import diff, fact_sheet
from claimcheck.errors import ClaimcheckError
from claimcheck.pipeline import ingest
from claimcheck.report import render_csv, render_html, render_markdown, to_json_dict
from claimcheck.views import VIEWS

DATA = Path(__file__).resolve().parent / "data" / "fact_sheets.jsonl"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "facts.db"
    ingest([str(DATA)], path)
    return path


@pytest.fixture(scope="module")
def report(db_path: Path) -> dict[str, object]:
    return to_json_dict(diff(db_path))


def _fact_conflicts(report: dict[str, object]) -> list[dict[str, object]]:
    conflicts = report["conflicts"]
    assert isinstance(conflicts, list)
    return [c for c in conflicts if c["origin"] == "fact_sheet"]


def test_residence_conflict_between_differently_worded_sentences(report: dict[str, object]) -> None:
    found = [c for c in _fact_conflicts(report) if c["attribute"] == "residence"]
    assert len(found) == 1
    c = found[0]
    assert c["kind"] == "place" and {c["a_value"], c["b_value"]} == {"Greenfield", "Millbrook"}
    assert "Carl Ostby" in str(c["explanation"]) and c["update"] is False
    assert 0.0 <= float(c["confidence"]) <= 1.0  # type: ignore[arg-type]


def test_critical_then_died_is_an_update(report: dict[str, object]) -> None:
    found = [c for c in _fact_conflicts(report) if c["attribute"] == "condition"]
    assert [(c["a_value"], c["b_value"], c["update"]) for c in found] == [("critical", "dead", True)]
    assert found[0]["kind"] == "negation" and "Lena Marsh" in str(found[0]["explanation"])


def test_at_large_then_charged_is_an_update(report: dict[str, object]) -> None:
    found = [c for c in _fact_conflicts(report) if c["attribute"] == "custody"]
    assert len(found) == 1 and found[0]["update"] is True
    assert found[0]["a_value"] == "at large"


def test_articles_of_another_story_are_never_compared(report: dict[str, object]) -> None:
    conflicts = report["conflicts"]
    assert isinstance(conflicts, list)
    storm = "a3"
    assert not [c for c in conflicts if storm in (c["a"]["article"], c["b"]["article"])]


def test_fact_sheets_in_json_and_every_format(db_path: Path, report: dict[str, object]) -> None:
    sheets = report["fact_sheets"]
    assert isinstance(sheets, list)
    ages = [e for e in sheets if e["attribute"] == "age" and e["name"] == "Carl Ostby"]
    assert len(ages) == 1 and sorted(v["value"] for v in ages[0]["values"]) == ["31", "33"]
    result = diff(db_path)
    assert "## Fact sheets" in render_markdown(result)
    assert "Millbrook" in render_markdown(result)
    assert "<h2>Fact sheets</h2>" in render_html(result)
    assert ",fact_sheet," in render_csv(result)


def test_stored_attributes_and_fact_sheet_view(db_path: Path, report: dict[str, object]) -> None:
    db = sqlite_utils.Database(db_path)
    assert "fact_sheet" in VIEWS
    rows = list(db.query("SELECT * FROM fact_sheet WHERE subject_name = 'Carl Ostby' "
                         "AND attribute = 'residence'"))
    assert len(rows) == 1
    assert rows[0]["n_values"] == 2 and rows[0]["conflicts"] == 1
    assert "courier.example: Millbrook" in rows[0]["values_by_outlet"]
    stored = list(db.query("SELECT group_id, fact_attribute FROM conflicts WHERE fact_subject IS NOT NULL"))
    assert stored and all(r["group_id"] is None for r in stored)
    # every attribute's span lies inside its claim and reads as the value's evidence
    for r in db.query("SELECT t.start, t.end, c.start AS cs, c.end AS ce FROM attributes t "
                      "JOIN claims c ON c.id = t.claim_id"):
        assert r["cs"] <= r["start"] < r["end"] <= r["ce"]


def test_facts_command(db_path: Path, report: dict[str, object]) -> None:
    out = CliRunner().invoke(app, ["facts", "Ostby", "--db", str(db_path), "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {r["attribute"] for r in rows} >= {"age", "residence", "condition"}
    table = CliRunner().invoke(app, ["facts", "Ostby", "--db", str(db_path)])
    assert table.exit_code == 0 and "Millbrook" in table.output
    missing = CliRunner().invoke(app, ["facts", "Nobody Here", "--db", str(db_path)])
    assert missing.exit_code == 1 and "no entity or story matches" in missing.output
    with pytest.raises(ClaimcheckError):
        fact_sheet(db_path, "   ")


# --- pure functions on hand-made claims ------------------------------------------------------


def _claim(cid: str, article: str, text: str, slots: list[Slot], published: str = "2024-03-04") -> ClaimRecord:
    return ClaimRecord(cid, article, f"{article}.txt", f"Outlet {article}", 0, len(text), text,
                       text.lower(), 1, None, None, "past", published, slots)


def _person(text: str, name: str, eid: str) -> Slot:
    start = text.index(name)
    return Slot("person", name, name, None, None, None, eid, start, start + len(name))


def _age(text: str, surface: str) -> Slot:
    start = text.index(surface)
    n = float("".join(ch for ch in surface if ch.isdigit()))
    return Slot("quantity", surface, str(int(n)), n, n, "age", None, start, start + len(surface))


def _ages(claims: list[ClaimRecord]) -> list[Attribute]:
    prepare(claims)
    return [a for a in extract_attributes(claims, lambda art: "s1") if a.attribute == "age"]


def test_age_belongs_to_the_name_next_to_it() -> None:
    text = "Police said Carl Ostby, 31, and Lena Marsh, 24, were shot"
    claims = [_claim("c1", "A", text, [_person(text, "Carl Ostby", "e1"), _age(text, "31"),
                                      _person(text, "Lena Marsh", "e2"), _age(text, "24")])]
    assert sorted((a.subject, a.value) for a in _ages(claims)) == [("e1", "31"), ("e2", "24")]


def test_unnamed_description_links_to_the_only_victim_named() -> None:
    t1 = "Police identified the victim as Lena Marsh"
    t2 = "officers said the suspect had argued with the 23-year-old victim before the shooting"
    t3 = "The victim, Lena Marsh, 24, died at the scene"
    claims = [
        _claim("c1", "A", t1, [_person(t1, "Lena Marsh", "e2")]),
        _claim("c2", "B", t2, [_age(t2, "23-year-old")]),
        _claim("c3", "A", t3, [_person(t3, "Lena Marsh", "e2"), _age(t3, "24")]),
    ]
    ages = _ages(claims)
    linked = [a for a in ages if a.note]
    assert [(a.subject, a.value) for a in linked] == [("e2", "23")]
    assert "only victim" in linked[0].note
    conflicts = compare_attributes(ages, lambda art: "s1")
    assert len(conflicts) == 1 and conflicts[0].kind == "number"
    assert "linked" in conflicts[0].explanation


def test_two_ages_of_one_person_in_one_article_is_a_self_contradiction() -> None:
    t1, t2 = "Carl Ostby, 31, was shot", "The family said Carl Ostby, 32, loved fishing"
    claims = [_claim("c1", "A", t1, [_person(t1, "Carl Ostby", "e1"), _age(t1, "31")]),
              _claim("c2", "A", t2, [_person(t2, "Carl Ostby", "e1"), _age(t2, "32")])]
    conflicts = compare_attributes(_ages(claims), lambda art: "s1")
    assert len(conflicts) == 1 and "contradicts itself" in conflicts[0].explanation
    assert conflicts[0].a.article_id == conflicts[0].b.article_id == "A"


def test_older_by_the_time_of_a_much_later_article_is_an_update() -> None:
    t1, t2 = "Carl Ostby, 31, was arrested", "Carl Ostby, 32, was sentenced"
    claims = [_claim("c1", "A", t1, [_person(t1, "Carl Ostby", "e1"), _age(t1, "31")], "2015-01-04"),
              _claim("c2", "B", t2, [_person(t2, "Carl Ostby", "e1"), _age(t2, "32")], "2015-11-20")]
    conflicts = compare_attributes(_ages(claims), lambda art: "s1")
    assert len(conflicts) == 1 and conflicts[0].update
    # the same two ages in articles of two different stories are not compared
    assert compare_attributes(_ages(claims), lambda art: "s-" + art) == []


def test_counts_of_two_articles_dating_the_event_apart_are_not_compared() -> None:
    t1 = "Three people were killed in a shooting on June 1"
    t2 = "Two people were killed in a shooting on June 20"

    def slots(t: str, n: float, date: str, lo: float) -> list[Slot]:
        q = t.index(date)
        return [Slot("quantity", t.split()[0] + " people", str(int(n)), n, n, "count:person", None,
                     0, len(t.split()[0]) + 7),
                Slot("date", date, date, lo, lo, "day", None, q, q + len(date))]

    claims = [_claim("c1", "A", t1, slots(t1, 3, "June 1", 738000)),
              _claim("c2", "B", t2, slots(t2, 2, "June 20", 738019))]
    prepare(claims)
    sheets = build_fact_sheets(claims, stories={"A": "s1", "B": "s1"})
    killed = [a for a in sheets.attributes if a.attribute == "killed"]
    assert sorted(a.value for a in killed) == ["2", "3"]
    assert sheets.conflicts == []


def test_ages_of_an_unnamed_person_told_two_ways() -> None:
    t1 = "The shooting wounded a 16-year-old male near the park"
    t2 = "The shooting wounded a 15-year-old on Tuesday"
    t3 = "The shooting wounded a 15-year-old girl near the park"

    def age_slot(t: str, n: int, unit: str) -> Slot:
        surface = f"{n}-year-old" + (" " + unit.partition(":")[2] if ":" in unit else "")
        start = t.index(f"{n}-year-old")
        return Slot("quantity", surface, str(n), float(n), float(n), unit, None, start,
                    start + len(surface))

    claims = [_claim("c1", "A", t1, [age_slot(t1, 16, "age:male")]),
              _claim("c2", "B", t2, [age_slot(t2, 15, "age")])]
    prepare(claims)
    # (two one-claim articles are too little for story affinity: compare them as one story)
    attrs = extract_attributes(claims, lambda art: "s1")
    found = compare_attributes(attrs, lambda art: "s1", min_confidence=0.0)
    assert [(c.a_value, c.b_value, c.kind) for c in found] == [("16", "15", "number")]
    assert "does not name" in found[0].explanation
    # two unnamed people of one age group are often two people: not reported by default
    assert found[0].confidence < 0.5
    assert compare_attributes(attrs, lambda art: "s1") == []
    # a girl and a male are two people, not one age told two ways
    other = [_claim("c1", "A", t1, [age_slot(t1, 16, "age:male")]),
             _claim("c3", "C", t3, [age_slot(t3, 15, "age:girl")])]
    prepare(other)
    assert compare_attributes(extract_attributes(other, lambda art: "s1"), lambda art: "s1",
                              min_confidence=0.0) == []


def test_time_of_the_shooting_and_not_of_the_call() -> None:
    t1 = "The shooting happened just before 2 a.m. Sunday near the park"
    t2 = "Police responded to a call around 2:30 a.m. about the shooting"
    t3 = "The child was shot about 8:20 p.m. on Ridge Road"
    claims = [_claim("c1", "A", t1, []), _claim("c2", "A", t2, []), _claim("c3", "B", t3, [])]
    prepare(claims)
    times = [a for a in extract_attributes(claims, lambda art: "s1") if a.attribute == "time"]
    assert [(a.claim.id, a.value, a.lo, a.hi) for a in times] == [
        ("c1", "just before 2 a.m.", 105.0, 120.0),
        ("c3", "about 8:20 p.m.", 1205.0, 1235.0),
    ]
    # hours apart: another moment of the story or another shooting, not compared
    # (tests/test_event_times.py has the times that are)
    assert compare_attributes(times, lambda art: "s1") == []


@pytest.mark.parametrize("a, b, relation", [
    ("Lafayette", "Louisiana", "refine"),  # the state holds the city
    ("Texas", "Houston", "refine"),
    ("Lafayette", "Baton Rouge", "conflict"),
    ("Baton Rouge", "Baton Rouge", "equal"),
])
def test_residence_state_against_city_is_a_refinement(a: str, b: str, relation: str) -> None:
    from claimcheck.compare.facts import Attribute, _relation

    def attr(value: str, text: str) -> Attribute:
        c = ClaimRecord("c" + value, "art-" + value, "s", None, 0, len(text), text, text, 1, None,
                        None, None)
        return Attribute("entity", "e1", "Wilbert Thibodeaux", "residence", value, None, None, c,
                         0, len(text))

    x = attr(a, f"Wilbert Thibodeaux, 48, of {a}, was taken into custody")
    y = attr(b, f"Thibodeaux, a man from {b}, was arrested")
    assert _relation(x, y) == relation


@pytest.mark.parametrize("text", [
    "RELATED ARTICLE - 2 killed in 6 Shreveport shootings on Sunday",
    "The shooting comes just over a year after nine people were shot at the housing complex",
    "Between January 2010 and August 2013, seven people were killed in crashes on the road",
])
def test_counts_of_other_events_or_periods_are_not_the_event_count(text: str) -> None:
    from claimcheck.compare.facts import _count_attribute

    m = re.search(r"\b(2|nine|seven) (?:people )?", text)
    assert m is not None
    n = {"2": 2.0, "nine": 9.0, "seven": 7.0}[m.group(1)]
    slots = [Slot("quantity", m.group(0).strip(), str(n), n, n, "count:person", None, m.start(),
                  m.start() + len(m.group(0).strip()))]
    if "Between" in text:
        slots.append(Slot("date", "Between January 2010 and August 2013", "2010-01/2013-08",
                          733773.0, 735111.0, "range", None, 0, 36))
    c = _claim("c1", "A", text, slots)
    assert _count_attribute(c, slots[0], None) is None


def test_custody_at_large_after_a_charge_is_no_update() -> None:
    from claimcheck.compare.facts import Attribute, _relation

    def attr(value: str, text: str, published: str) -> Attribute:
        c = ClaimRecord("c" + value, "art-" + value, "s", None, 0, len(text), text, text, 1, None,
                        None, None, published)
        return Attribute("entity", "e1", "Dale Vance", "custody", value, None, None, c, 0, len(text))

    sought = attr("at large", "As of Monday evening, Vance was still at large", "2016-08-02")
    charged = attr("charged", "Vance was charged in Lincoln County with fraud", "2016-07-20")
    assert _relation(sought, charged) == "refine"  # the later article has him loose
    earlier = attr("at large", "Police said Vance was at large", "2016-07-01")
    assert _relation(earlier, charged) == "conflict"  # sought, then held: an update


def test_an_age_told_about_a_past_case_is_not_the_persons_age_now() -> None:
    from claimcheck.compare.facts import _entity_attributes

    text = "Two years ago, Patete, 21, was sentenced to six months in jail"
    person = Slot("person", "Patete", "Tony Patete", None, None, None, "e1", 15, 21)
    age = Slot("quantity", "21", "21", 21.0, 21.0, "age", None, 23, 25)
    c = _claim("c1", "A", text, [person, age])
    assert not [a for a in _entity_attributes(c, [person], {"e1": "Tony Patete"})
                if a.attribute == "age"]


@pytest.mark.parametrize(("sentence", "attribute", "value"), [
    # a two-word clause after "and" is the injured count, not an age
    ("The blast left one worker dead and three injured.", "injured", "3"),
    # how badly one of them was hurt says nothing about the nine
    ("The shooting left nine people injured, including one person in critical condition.",
     "injured", "9"),
    # "one of seven people": seven is everyone
    ("Mark Ruiz was one of seven people injured in the shooting.", "injured", "7"),
    ("Cook was among four people shot at the bowling alley.", "shot", "4"),
    # "a total of" is the whole; "fatally shot" a death; the others shot beside the dead
    # are the wounded
    ("A total of five people were killed in the shooting.", "killed", "5"),
    ("Three men were fatally shot in the attack.", "killed (men)", "3"),
    ("One man is dead and five other people were shot.", "injured", "5"),
    ("Three men were fatally shot and four others seriously wounded.", "injured", "4"),
    # still a part or an age
    ("Two men suffered minor injuries in the shooting.", "injured", None),
    ("Three other men, all in their 20's, were wounded in the shooting.", "injured", None),
    ("Four teenagers, one 16 and the other 17, were injured in the shooting.", "injured", None),
    ("Another teen, also 15, was shot in the leg.", "shot", None),
    ("She was a mother of four who was shot on Sunday.", "shot", None),
])
def test_event_counts_read_from_the_words_around_them(
    tmp_path: Path, sentence: str, attribute: str, value: str | None
) -> None:
    src = tmp_path / "a.jsonl"
    text = f"Police in Tarnby are investigating a shooting on Elm Street. {sentence}"
    src.write_text(json.dumps({"id": "a1", "published": "2024-03-04", "text": text}) + "\n",
                   encoding="utf-8")
    ingest([str(src)], tmp_path / "x.db")
    from claimcheck.differ import load_claims

    claims = load_claims(sqlite_utils.Database(str(tmp_path / "x.db")))
    prepare(claims)
    got = sorted(a.value for a in extract_attributes(claims, lambda art: "s1")
                 if a.attribute == attribute)
    assert got == ([value] if value else []), got


def _sheets_of(tmp_path: Path, texts: list[str]) -> tuple[list[ClaimRecord], StoryAffinity]:
    from claimcheck.differ import load_claims

    src = tmp_path / "s.jsonl"
    src.write_text("".join(
        json.dumps({"id": f"s{i}", "outlet": f"Outlet {i}", "published": "2024-03-04",
                    "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    ingest([str(src)], tmp_path / "s.db")
    claims = load_claims(sqlite_utils.Database(str(tmp_path / "s.db")))
    prepare(claims)
    return claims, StoryAffinity(claims)


_CONTEXT = ("A gunman opened fire outside the Copper Kettle bar on Elm Street in Tarnby early "
            "Sunday after a fight in the parking lot, police said. ")


@pytest.mark.parametrize(("a", "b", "confirmed"), [
    # the same count told in alike words: the claims' own verdict agrees with the sheet
    ("The shooting outside the Copper Kettle bar injured four people.",
     "Five people were injured in the shooting outside the Copper Kettle bar.", True),
    # a count of another shooting told in the same article: the claims do not say one thing
    ("The shooting outside the Copper Kettle bar injured four people.",
     "Last month shootings on the other side of Elm Street left five people injured "
     "on consecutive weekends.", False),
])
def test_injured_count_conflict_confirmed_by_its_claims(
    tmp_path: Path, a: str, b: str, confirmed: bool
) -> None:
    from claimcheck.compare.facts import confirmed_by_claims

    claims, affinity = _sheets_of(tmp_path, [_CONTEXT + a, _CONTEXT + b])
    one_story = {c.article_id: "t" for c in claims}
    sheets = build_fact_sheets(claims, stories=one_story, affinity=affinity, min_confidence=0.0)
    injured = [c for c in sheets.conflicts if c.attribute == "injured"]
    assert [(c.a_value, c.b_value) for c in injured] in ([("4", "5")], [("5", "4")])
    assert confirmed_by_claims(injured[0], affinity, 0.5) is confirmed


@pytest.mark.parametrize(("a", "b", "reported"), [
    # both sentences give one dead: one event, so the injured counts disagree
    ("The shooting at the Copper Kettle left one man dead and five others injured.",
     "The shooting at the Copper Kettle left one person dead and three injured, police said.",
     True),
    # "other injuries" is not the gunshot toll: no bonus, held back by the fact-sheet margin
    ("The shooting at the Copper Kettle left one man dead and four are being treated for "
     "other injuries.",
     "The shooting at the Copper Kettle left one person dead and three injured, police said.",
     False),
])
def test_injured_counts_beside_an_equal_death_toll(
    tmp_path: Path, a: str, b: str, reported: bool
) -> None:
    src = tmp_path / "t.jsonl"
    src.write_text("".join(
        json.dumps({"id": f"t{i}", "outlet": f"Outlet {i}", "published": "2024-03-04",
                    "text": _CONTEXT + t}) + "\n" for i, t in enumerate([a, b])), encoding="utf-8")
    ingest([str(src)], tmp_path / "t.db")
    got = [(c["a_value"], c["b_value"]) for c in to_json_dict(diff(tmp_path / "t.db"))["conflicts"]
           if c["kind"] == "number"]
    assert (sorted(got) == [("5", "3")] or sorted(got) == [("3", "5")]) is reported, got
