"""Stories: articles clustered into the events they report; claim groups stay inside them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.compare.groups import anchors, anchors_match, find_groups
from claimcheck.compare.model import ClaimRecord, Slot
from claimcheck.compare.stories import (
    ArticleKeys,
    build_stories,
    cluster_stories,
    story_pairs,
)

# --- pure clustering -------------------------------------------------------------------------

STOCK = {"police", "shoot", "investigation", "ongoing", "hospital", "victim", "suspect", "wound"}


def _event(tag: str, n: int, day: str, names: int = 4) -> list[ArticleKeys]:
    """n articles about one event: its own rare names and date, stock words and a few of its own."""
    own = {f"e{tag}{k}" for k in range(names)} | {f"@{day}"}
    words = STOCK | {f"{tag}word{k}" for k in range(6)}
    return [
        ArticleKeys(id=f"{tag}{i}", names=set(own), words=set(words), outlet=f"outlet{i}",
                    published=day, title=f"Shooting {tag}word0 {tag}word1")
        for i in range(n)
    ]


def _background(n: int) -> list[ArticleKeys]:
    """Unrelated articles that make the stock words common, as in a real corpus."""
    return [ArticleKeys(id=f"z{i:03d}", names={f"ez{i}"}, words=set(STOCK) | {f"zw{i}"},
                        published="2020-01-01") for i in range(n)]


def test_articles_of_one_event_form_one_story_and_stock_phrases_do_not_join_events() -> None:
    articles = _event("a", 4, "2020-05-01") + _event("b", 3, "2020-05-02") + _background(30)
    story = cluster_stories(articles)
    assert len({story[a.id] for a in articles if a.id.startswith("a")}) == 1
    assert len({story[a.id] for a in articles if a.id.startswith("b")}) == 1
    assert story["a0"] != story["b0"]
    # the background articles share only stock words with each other: each is its own story
    assert len({story[a.id] for a in articles if a.id.startswith("z")}) == 30


def test_two_short_reports_that_disagree_on_the_date_still_share_a_story() -> None:
    # No shared name at all (the date is what they disagree on), but several rare words.
    words = {"court", "ruling", "liberty", "detain", "charge", "constitution"}
    a = ArticleKeys(id="x1", names={"@2022-11-08"}, words=words | {"tuesday"}, published="2022-11-10")
    b = ArticleKeys(id="x2", names={"@2022-11-10"}, words=words | {"thursday"}, published="2022-11-10")
    story = cluster_stories([a, b])
    assert story["x1"] == story["x2"]


def test_story_id_comes_from_the_earliest_article_and_survives_a_later_one() -> None:
    first = _event("a", 3, "2020-05-01")
    before = cluster_stories(first + _background(10))
    later = ArticleKeys(id="a9", names=set(first[0].names), words=set(first[0].words),
                        published="2020-05-09")
    after = cluster_stories(first + [later] + _background(10))
    assert before["a0"] == after["a0"] == after["a9"]
    assert before["z000"] == after["z000"]


def test_keys_held_by_too_many_articles_propose_no_pairs() -> None:
    crowd = [ArticleKeys(id=f"c{i}", names={"eCity"}, words={f"w{i}"}) for i in range(10)]
    assert story_pairs(crowd, max_postings=5) == []
    assert len(story_pairs(crowd, max_postings=20)) == 45


def test_weak_pairs_between_unjoined_articles_are_dropped_and_the_clusters_stay() -> None:
    from claimcheck.compare.clustering import cluster
    from claimcheck.compare.stories import STORY_THRESHOLD

    # two events, and articles that share one rare name with an event's article (a weak pair
    # no strong chain joins); a third article of event a shares a weaker name only
    articles = _event("a", 4, "2020-05-01") + _event("b", 3, "2020-05-02") + _background(20)
    articles += [ArticleKeys(id=f"w{i}", names={f"ea{i}", f"ew{i}"}, words={f"ww{i}"},
                             published="2021-03-01") for i in range(3)]
    ids = [a.id for a in articles]
    every = story_pairs(articles)
    needed = story_pairs(articles, threshold=STORY_THRESHOLD)
    assert set(needed) < set(every)  # weak pairs across the clusters are gone...
    weak = {ids.index(f"w{i}") for i in range(3)}
    assert any(i in weak or j in weak for _, i, j in every)
    assert not any(i in weak or j in weak for _, i, j in needed)
    # ... and the clusters are the same
    assert (cluster(len(articles), every, ids, STORY_THRESHOLD)
            == cluster(len(articles), needed, ids, STORY_THRESHOLD))


def test_build_stories_headline_dates_and_outlets() -> None:
    articles = _event("a", 3, "2020-05-01")
    articles[0].title = "Photo Credit: Somebody / Agency"  # echoed by no other article
    articles[2].published = "2020-05-04"
    stories = build_stories(cluster_stories(articles), articles)
    assert len(stories) == 1
    s = stories[0]
    assert s.headline == "Shooting aword0 aword1"
    assert (s.first_published, s.last_published) == ("2020-05-01", "2020-05-04")
    assert s.outlets == ["outlet0", "outlet1", "outlet2"]
    assert sorted(s.article_ids) == ["a0", "a1", "a2"]


# --- claim groups inside stories -------------------------------------------------------------


def _claim(cid: str, article: str, text: str, slots: list[Slot] | None = None) -> ClaimRecord:
    return ClaimRecord(cid, article, f"{article}.txt", f"Outlet {article}", 0, len(text), text,
                       text.lower(), 1, None, None, None, "2020-05-01", slots or [])


def _place(entity: str, start: int, end: int, surface: str) -> Slot:
    return Slot("place", surface, surface, None, None, None, entity, start, end)


def test_anchors_and_when_they_match() -> None:
    bare = _claim("c1", "A", "The investigation is still ongoing")
    placed = _claim("c2", "A", "Russia does not list Hamas as a terrorist group",
                    [_place("eRussia", 0, 6, "Russia"), _place("eHamas", 21, 26, "Hamas")])
    assert anchors(bare) == frozenset()
    assert anchors(placed) == {"eRussia", "eHamas"}
    assert not anchors_match(frozenset(), anchors(placed))
    assert anchors_match(frozenset({"eRussia"}), frozenset({"eRussia", "eHamas"}))
    assert not anchors_match(frozenset({"eRussia", "eIran"}), frozenset({"eRussia", "eHamas"}))
    # a number alone does not tie two stories together
    assert not anchors_match(frozenset({"#2|count:person"}), frozenset({"#2|count:person"}))


def test_claims_without_anchors_group_only_inside_their_story() -> None:
    text = "The investigation is still ongoing, police said"
    claims = [_claim("a-1", "A", text), _claim("b-1", "B", text), _claim("c-1", "C", text)]
    groups, _ = find_groups(claims, stories={"A": "s1", "B": "s1", "C": "s2"})
    assert [sorted(c.article_id for c in g.claims) for g in groups] == [["A", "B"]]
    assert groups[0].story_id == "s1"


def test_a_background_fact_groups_across_stories_when_its_anchors_match() -> None:
    text = "Russia does not list Hamas as a terrorist group"
    slots = [_place("eRussia", 0, 6, "Russia"), _place("eHamas", 21, 26, "Hamas")]
    claims = [_claim("a-1", "A", text, list(slots)), _claim("c-1", "C", text, list(slots))]
    groups, _ = find_groups(claims, stories={"A": "s1", "C": "s2"})
    assert len(groups) == 1 and groups[0].story_id is None


# --- the command line ------------------------------------------------------------------------

ARTICLES = [
    {"id": "q1", "outlet": "meridian.example", "published": "2023-05-02",
     "title": "Quake strikes Port Alder, killing 12",
     "text": "An earthquake of magnitude 6.1 struck Port Alder on Monday, killing 12 people. "
             "Mayor Ilse Varga declared an emergency in Port Alder. The investigation is still ongoing."},
    {"id": "q2", "outlet": "courier.example", "published": "2023-05-02",
     "title": "Port Alder quake kills 14",
     "text": "A magnitude 6.1 earthquake struck Port Alder on Monday and killed 14 people. "
             "Mayor Ilse Varga declared an emergency in the city. The investigation is still ongoing."},
    {"id": "v1", "outlet": "meridian.example", "published": "2023-06-12",
     "title": "Marr wins second term in Kessland",
     "text": "Voters in Kessland re-elected President Ivo Marr on Sunday. Turnout was 61 percent. "
             "The investigation is still ongoing."},
]


def _db(tmp_path: Path) -> Path:
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db), "-q"]).exit_code == 0
    return db


def test_diff_stores_stories_and_stories_command_lists_them(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    out = runner.invoke(app, ["diff", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    by_article = {a: s["id"] for s in report["stories"] for a in s["articles"]}
    quake = [a["id"] for a in report["articles"] if "quake" in (a["title"] or "").lower()]
    vote = [a["id"] for a in report["articles"] if "Marr" in (a["title"] or "")]
    assert len(quake) == 2 and len(vote) == 1
    assert by_article[quake[0]] == by_article[quake[1]] != by_article[vote[0]]
    # the stock sentence in all three articles is grouped only inside the quake story
    for g in report["groups"]:
        assert len({by_article[c["article"]] for c in g["claims"]}) == 1
    for c in report["conflicts"]:
        assert c["story"] == by_article[quake[0]]
    listed = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert listed.exit_code == 0
    stories = json.loads(listed.output)
    assert set(stories[0]["articles"]) == set(quake)
    assert stories[0]["outlets"] == ["courier.example", "meridian.example"]
    two = runner.invoke(app, ["stories", "--db", str(db), "--json", "--min-articles", "2"])
    assert len(json.loads(two.output)) == 1


def test_diff_story_limits_the_report_and_rejects_unknown_ids(tmp_path: Path) -> None:
    db = _db(tmp_path)
    runner = CliRunner()
    runner.invoke(app, ["diff", "--db", str(db), "--format", "json"])
    stories = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--json"]).output)
    vote = next(s for s in stories if len(s["articles"]) == 1)
    out = runner.invoke(app, ["diff", "--db", str(db), "--format", "json", "--story", vote["id"][:6]])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert [s["id"] for s in report["stories"]] == [vote["id"]]
    assert [a["id"] for a in report["articles"]] == vote["articles"]
    assert report["conflicts"] == []
    bad = runner.invoke(app, ["diff", "--db", str(db), "--story", "nosuchstory"])
    assert bad.exit_code == 1
    assert "claimcheck stories" in bad.output and len(bad.output.strip().splitlines()) == 1
    md = runner.invoke(app, ["diff", "--db", str(db), "--format", "markdown"]).output
    assert "## Stories" in md


def test_story_overview_counts_claims_per_outlet(tmp_path: Path) -> None:
    import sqlite_utils

    db = _db(tmp_path)
    CliRunner().invoke(app, ["diff", "--db", str(db), "--format", "json"])
    handle = sqlite_utils.Database(db)
    rows = list(handle.query("SELECT * FROM story_overview ORDER BY articles DESC"))
    assert [r["articles"] for r in rows] == [2, 1]
    quake = rows[0]
    assert quake["outlets"] == 2 and quake["coverage"] == "several outlets"
    per_outlet = {r["outlet"]: r for r in handle.query(
        "SELECT * FROM story_outlets WHERE story_id = ?", [quake["story_id"]])}
    assert set(per_outlet) == {"courier.example", "meridian.example"}
    for r in per_outlet.values():
        assert r["claims"] == r["shared_claims"] + r["single_outlet_claims"] and r["shared_claims"] > 0
    assert "courier.example: " in quake["claims_by_outlet"]
    only = list(handle.query(
        "SELECT coverage, count(*) AS n FROM story_claims WHERE story_id = ? GROUP BY coverage",
        [quake["story_id"]]))
    assert {r["coverage"] for r in only} <= {"shared", "only this outlet"}
    assert sum(r["n"] for r in only) == sum(r["claims"] for r in per_outlet.values())


def _town_report(tag: str, i: int, day: str) -> ArticleKeys:
    # one town's shooting: the town, its police department, the day, the victim and the street
    # named, and the words every such report uses there
    people = {f"eVictim{tag}"}
    names = {"eMillbrook", "eMillbrookPD", f"@{day}", f"eStreet{tag}"} | people
    words = STOCK | {"millbrook", "park", "gunfire", "night", "resident", f"{tag}detail{i}"}
    return ArticleKeys(id=f"{tag}{i}", names=names, people=people, words=words,
                       outlet=f"outlet{i}", published=day)


def test_one_towns_shootings_a_year_apart_are_two_stories_but_a_follow_up_naming_the_victim_joins() -> None:
    first = [_town_report("a", i, "2019-03-01") for i in range(3)]
    second = [_town_report("b", i, "2020-06-10") for i in range(3)]
    story = cluster_stories(first + second + _background(40))
    assert len({story[a.id] for a in first}) == 1 and len({story[a.id] for a in second}) == 1
    # they share the town, its police and their words, nothing that names one event
    assert story["a0"] != story["b0"]
    # a sentencing months later shares the town and the victim
    follow_up = ArticleKeys(id="a9", names={"eMillbrook", "eVictima"}, people={"eVictima"},
                            words=STOCK | {"millbrook", "sentence", "court", "judge"},
                            outlet="outlet7", published="2019-11-20")
    story = cluster_stories(first + second + [follow_up] + _background(40))
    assert story["a9"] == story["a0"] != story["b0"]
