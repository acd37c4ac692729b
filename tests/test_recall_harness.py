"""The recall harness (benchmarks/planted.py, benchmarks/real_disagreements.py) on tiny fixtures.

No ingest or diff runs here: these check that a planting changes only its value, that the
sentence spans the scorer uses are right, that the scorer's found rule works, and that the
data files are well-formed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import planted  # noqa: E402
import real_disagreements  # noqa: E402

KINDS = {"date", "number", "entity", "place", "negation"}

A = ("CHICAGO -- Two people were killed and four others were wounded in a shooting on Sunday "
     "in Chicago, police said. The victims included John Carter, 23, of Evanston.\n\n"
     "Police said the gunman fled on foot.")
B = ("Two people were killed and four other people were wounded early Sunday in Chicago. "
     "Police identified one of the victims as John Carter, 23, of Evanston. The shooting happened on May 3.")
FACTS = {"killed": 2, "injured": 4, "city": "Chicago", "state": "Illinois",
         "participants": [{"name": "John Carter", "age": 23, "role": "Victim"}]}


def _story() -> planted.Story:
    return planted.Story("gva:t", "gva", [planted.Article("gva:a", "gva:t", A, "2015-05-04"),
                                          planted.Article("gva:b", "gva:t", B, "2015-05-04")])


def _plantings() -> list[planted.Planting]:
    return planted.gva_candidates(_story(), FACTS, {"Illinois": ["Chicago", "Peoria", "Joliet"]},
                                  ["Carter", "Lopez", "Nguyen"])


def test_sentence_spans_follow_the_text() -> None:
    spans = list(planted.sentences(A))
    texts = [A[s:e] for s, e in spans]
    assert texts[0].startswith("CHICAGO") and texts[0].endswith("police said.")
    assert texts[1] == "The victims included John Carter, 23, of Evanston."
    assert texts[2] == "Police said the gunman fled on foot."
    assert planted.sentence_span(A, A.index("Evanston")) == spans[1]
    # an abbreviation does not end a sentence
    t = "Mr. Smith met Ann on Jan. 5 in Paris. Then he left."
    assert [t[s:e] for s, e in planted.sentences(t)] == ["Mr. Smith met Ann on Jan. 5 in Paris.", "Then he left."]


def test_every_planting_changes_only_its_value() -> None:
    ps = _plantings()
    classes = {p.cls for p in ps}
    assert {"count (real)", "age (real)", "weekday (real)", "city (real)", "name (real)"} <= classes
    arts = {a.key: a.text for a in _story().articles}
    for p in ps:
        old = arts[p.article]
        new = planted.apply(old, p)
        assert new != old
        assert new[:p.start] == old[:p.start]
        assert new[p.start + len(p.new):] == old[p.end:]
        s, e = planted.planted_sentence(old, p)
        os_, oe = planted.sentence_span(old, p.start)
        assert new[s:e] == old[os_:p.start] + p.new + old[p.end:oe]
        if p.rewrite:
            assert p.kind == "" and not p.counterparts
        else:
            assert p.kind in KINDS
            value = old[p.start:p.end]
            assert value and value != p.new
            for key, cs, ce in p.counterparts:
                assert key != p.article
                sent = arts[key][cs:ce]
                assert planted.sentence_span(arts[key], cs) == (cs, ce)
                if p.cls != "count (real)":  # counts may be written as digits on the other side
                    assert value in sent


def test_count_and_age_plantings_are_real_conflicts() -> None:
    ps = {(p.cls, p.article): p for p in _plantings()}
    count = ps[("count (real)", "gva:a")]
    assert A[count.start:count.end] in {"Two", "four"}
    assert planted.number_value(count.new) == planted.number_value(A[count.start:count.end]) + 2
    age = ps[("age (real)", "gva:a")]
    assert (A[age.start:age.end], age.new) == ("23", "26")
    wd = ps[("weekday (real)", "gva:a")]
    assert (A[wd.start:wd.end], wd.new) == ("Sunday", "Monday")
    city = ps[("city (real)", "gva:a")]
    assert A[city.start:city.end] == "Chicago" and city.new in {"Peoria", "Joliet"}
    name = ps[("name (real)", "gva:a")]
    assert A[name.start:name.end] == "Carter" and name.new in {"Lopez", "Nguyen"}


def _conflict(kind: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> dict[str, object]:
    return {"kind": kind, "a": {"source": a[0], "start": a[1], "end": a[2]},
            "b": {"source": b[0], "start": b[1], "end": b[2]}}


def test_found_rule() -> None:
    p = next(x for x in _plantings() if x.cls == "age (real)" and x.article == "gva:a")
    span = planted.planted_sentence(A, p)
    cp = p.counterparts[0]
    inside = (p.article, span[0] + 2, span[1] - 2)
    assert planted.score(p, A, [_conflict("number", cp, inside)], []).status == "found"
    assert planted.score(p, A, [_conflict("date", inside, cp)], []).status == "wrong-kind"
    elsewhere = (p.article, span[1] + 5, span[1] + 20)
    assert planted.score(p, A, [_conflict("number", elsewhere, cp)], []).status == "missed"
    # already in conflict before the change: not counted
    old = planted.sentence_span(A, p.start)
    control = [_conflict("number", (p.article, *old), cp)]
    assert planted.score(p, A, [], control).status == "pre-existing"


def test_rewrite_false_alarm() -> None:
    r = next(x for x in _plantings() if x.rewrite)
    span = planted.planted_sentence(A, r)
    hit = _conflict("number", (r.article, *span), ("gva:b", 0, 10))
    assert planted.score(r, A, [hit], []).status == "false-alarm"
    assert planted.score(r, A, [], []).status == "quiet"


def test_minimal_change() -> None:
    assert planted._minimal("on 12 May in Geneva", "on 14 May in Geneva") == (3, 5, "14")
    assert planted._minimal("approved no new", "repeatedly approved new") == (0, 11, "repeatedly approved")
    a, b, new = planted._minimal("Tomas Kiss,", "Peter Novak,")
    assert ("Tomas Kiss,"[a:b], new) == ("Tomas Kiss", "Peter Novak")


def test_written_stories_are_well_formed() -> None:
    stories, plantings = planted.load_written(ROOT / "data" / "planted" / "written.json")
    assert len(stories) >= 10
    arts = {a.key: a.text for s in stories for a in s.articles}
    planted_classes = {p.cls for p in plantings if not p.rewrite}
    assert {"extra participant/detail", "date lists/ranges", "bounds/approximations",
            "frequency/multiplicative", "adjacent days", "negation",
            "role by apposition/possessive", "place of event"} <= planted_classes
    for p in plantings:
        old = arts[p.article]
        assert old[p.start:p.end] != p.new
        if p.rewrite:
            assert not p.counterparts
            continue
        assert p.kind in KINDS and p.counterparts
        for key, s, e in p.counterparts:
            assert key != p.article and key.rsplit(":", 1)[0] == p.article.rsplit(":", 1)[0]
            assert 0 <= s < e <= len(arts[key])
    assert len({planted.held_out(s.id) for s in stories}) == 2  # both parts present


def test_held_out_split_is_stable_and_about_30_percent() -> None:
    ids = [f"gva:gva-{i}" for i in range(2000)]
    share = sum(planted.held_out(i) for i in ids) / len(ids)
    assert 0.25 < share < 0.35
    assert [planted.held_out(i) for i in ids[:50]] == [planted.held_out(i) for i in ids[:50]]


def test_real_disagreements_file_is_well_formed() -> None:
    data = json.loads((ROOT / "data" / "real_disagreements.json").read_text(encoding="utf-8"))
    incidents = data["incidents"]
    assert len(incidents) >= 30 and sum(i["held_out"] for i in incidents) >= 10
    events = {i["event"]: set(i["articles"]) for i in incidents}
    assert len(data["disagreements"]) >= 30
    for d in data["disagreements"]:
        assert d["event"] in events and d["kind"] and d["why"]
        for side in ("a", "b"):
            x = d[side]
            assert x["article"] in events[d["event"]]
            assert x["end"] - x["start"] == len(x["text"]) and x["quote"] in x["text"]
        assert d["a"]["article"] != d["b"]["article"]
    for r in data["reported"]:
        assert r["verdict"] in {"real", "false"} and r["a"]["sentence"] and r["b"]["sentence"]


@pytest.mark.skipif(not (planted.CORPORA / "gunviolence.jsonl").exists(),
                    reason="the shared gun-violence corpus is not on this machine")
def test_real_disagreement_spans_match_the_corpus() -> None:
    data = json.loads((ROOT / "data" / "real_disagreements.json").read_text(encoding="utf-8"))
    by_event = real_disagreements.load_records()
    assert [(e, h) for e, h in real_disagreements.select_incidents(by_event)] == [
        (i["event"], i["held_out"]) for i in data["incidents"]]
    texts = {r["id"]: r["text"] for rs in by_event.values() for r in rs}
    for d in data["disagreements"]:
        for side in ("a", "b"):
            x = d[side]
            assert texts[x["article"]][x["start"]:x["end"]] == x["text"]


def test_real_scorer_recall_kind_and_precision() -> None:
    text_a = "Police said a 16-year-old was shot. He is in stable condition."
    text_b = "A 15-year-old was shot on Monday. Police are looking for a car."
    data = {
        "incidents": [{"event": "e1", "held_out": False, "articles": ["a", "b"]}],
        "disagreements": [{"event": "e1", "kind": "number", "spelling": False,
                           "a": {"article": "a", "start": 0, "end": 35},
                           "b": {"article": "b", "start": 0, "end": 33}}],
        "reported": [{"a": {"article": "b", "sentence": "Police are looking for a car."},
                      "b": {"article": "a", "sentence": "He is in stable condition."},
                      "verdict": "false"}],
    }
    texts = {"a": text_a, "b": text_b}

    def conflict(kind: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> dict[str, object]:
        return {"kind": kind, "a": {"source": a[0], "start": a[1], "end": a[2]},
                "b": {"source": b[0], "start": b[1], "end": b[2]}}

    right = conflict("number", ("b", 2, 13), ("a", 14, 25))
    wrong = conflict("date", ("a", 14, 25), ("b", 2, 13))
    classified_false = conflict("number", ("a", 40, 60), ("b", 40, 60))
    unknown = conflict("place", ("a", 40, 60), ("b", 0, 10))
    res = real_disagreements.score(data, [right, classified_false, unknown], texts)["all"]
    assert (res["found"], res["found_right_kind"], res["recall"]) == (1, 1, 1.0)
    assert (res["real"], res["false"], res["unclassified"]) == (0, 1, 2)
    res = real_disagreements.score(data, [wrong], texts)["tuning"]
    assert (res["found"], res["found_right_kind"]) == (1, 0)
    assert real_disagreements.score(data, [], texts)["held-out"]["listed"] == 0


def test_nothing_is_planted_in_captions_or_tweets() -> None:
    assert planted.furniture("Police at the scene pic.twitter.com/abc — Jim Herr (@jh) May 5, 2016")
    assert planted.furniture("Photo: Pro 21 Video Image 1 of / 8 Caption Close Image 1 of 8 Police")
    assert not planted.furniture("Two people were killed on Sunday in Chicago.")
    tweet = "Two people were killed Sunday in Chicago pic.twitter.com/x — A B (@ab) May 3, 2015"
    story = planted.Story("gva:t", "gva", [planted.Article("gva:a", "gva:t", tweet),
                                           planted.Article("gva:b", "gva:t", B)])
    assert not [p for p in planted.gva_candidates(story, FACTS, {}, ["Lopez"]) if p.article == "gva:a"]
