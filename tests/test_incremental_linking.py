"""Incremental entity linking (issue 15): linking new documents into a stored state gives the
same entity keys on every mention and the same entity rows as linking everything at once,
including when a new document changes the entity of an older one."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
import sqlite_utils

import claimcheck
from claimcheck.entities import EntityMention, find_entities
from claimcheck.linking import LinkState, Relink
from claimcheck.pipeline import content_hash
from claimcheck.readers import read_source
from claimcheck.store import open_db

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate_corpus  # noqa: E402
import ingest_identity  # noqa: E402

Doc = tuple[str, list[EntityMention]]
Rows = dict[str, tuple[str, str, list[str], int]]


def _m(name: str, kind: str = "person", title: str | None = None) -> EntityMention:
    return EntityMention(0, len(name), name, name, kind, title)


def _all_at_once(docs: Sequence[Doc]) -> tuple[Rows, dict[tuple[str, int], str]]:
    st = LinkState()
    delta = st.add(sorted(docs))
    return delta.rows, delta.mentions


def _in_parts(
    db: sqlite_utils.Database, parts: Sequence[Sequence[Doc]]
) -> tuple[Rows, dict[tuple[str, int], str], LinkState]:
    """Link ``parts`` one after the other, the state saved to ``db`` and read back between."""
    rows: Rows = {}
    mapping: dict[tuple[str, int], str] = {}
    st = LinkState(db)
    for i, part in enumerate(parts):
        if i:
            st = LinkState(db, fresh=False)
        delta = st.add(part)
        for key in delta.deleted:
            rows.pop(key, None)
        rows.update(delta.rows)
        mapping.update(delta.mentions)
        with db.conn:
            st.save(db)
    return rows, mapping, st


@pytest.fixture
def state_db(tmp_path: Path) -> sqlite_utils.Database:
    return open_db(tmp_path / "state.db")


def _assert_same(db: sqlite_utils.Database, parts: Sequence[Sequence[Doc]]) -> LinkState:
    got_rows, got_map, st = _in_parts(db, parts)
    want_rows, want_map = _all_at_once([d for part in parts for d in part])
    assert got_map == want_map
    assert got_rows == want_rows
    return st


def _generated_docs(n: int, seed: int) -> list[Doc]:
    articles, _truth = generate_corpus.generate(n, seed=seed)
    return [(content_hash(a["text"])[:16], find_entities(a["text"])) for a in articles]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_text_in_parts_equals_at_once(state_db: sqlite_utils.Database, seed: int) -> None:
    """Generated articles (document ids in random order, so new documents land before and
    after older ones in every bucket) linked in four parts equal one resolution."""
    docs = _generated_docs(160, seed)
    random.Random(seed).shuffle(docs)
    parts = [docs[:100], docs[100:130], docs[130:131], docs[131:]]
    st = _assert_same(state_db, parts)
    assert st.n_docs == 160


def test_bare_surname_moves_when_a_second_bearer_appears(state_db: sqlite_utils.Database) -> None:
    """An older "Mr. Okafor" is John Okafor while he is the corpus' one Okafor; a new
    article about Grace Okafor leaves the bare surname unresolved (its own entity)."""
    old: list[Doc] = [
        ("d1", [_m("John Okafor"), _m("Lagos", "place")]),
        ("d3", [_m("Okafor", "person", "Mr.")]),
    ]
    new: list[Doc] = [("d2", [_m("Grace Okafor"), _m("Abuja", "place")])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d3", 0)] == first[("d1", 0)]
    st = LinkState(state_db, fresh=False)
    delta = st.add(new)
    assert ("d3", 0) in delta.mentions and delta.mentions[("d3", 0)] != first[("d1", 0)]
    _, want = _all_at_once(old + new)
    assert {**first, **delta.mentions} == want


def test_bare_surname_unmoved_by_an_unrelated_bucket(state_db: sqlite_utils.Database) -> None:
    """A new full name with another surname changes nothing in older articles."""
    old: list[Doc] = [("d1", [_m("John Okafor")]), ("d3", [_m("Okafor", "person", "Mr.")])]
    st = LinkState(state_db)
    st.add(old)
    with state_db.conn:
        st.save(state_db)
    delta = LinkState(state_db, fresh=False).add([("d2", [_m("Grace Mensah")])])
    assert set(delta.mentions) == {("d2", 0)}


def test_new_acronym_merges_older_names(state_db: sqlite_utils.Database, tmp_path: Path) -> None:
    """A new article that spells out "KWA" as "Kenton Water Authority" merges the older
    articles' "KWA" and "Kenton Water Authority" entities."""
    old: list[Doc] = [
        ("d1", [_m("Kenton Water Authority", "org")]),
        ("d2", [_m("KWA", "org"), _m("Ruth Bell")]),
    ]
    new: list[Doc] = [("d0", [_m("Kenton Water Authority", "org"), _m("KWA", "org")])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d1", 0)] != first[("d2", 0)]
    delta = LinkState(state_db, fresh=False).add(new)
    merged = {**first, **delta.mentions}
    assert merged[("d1", 0)] == merged[("d2", 0)] == merged[("d0", 1)]
    _assert_same(open_db(tmp_path / "again.db"), [old, new])


def test_new_nickname_links_an_older_bare_name(state_db: sqlite_utils.Database) -> None:
    """An older article of Robert Jones's story says only "Bobby"; a new article calls him
    Robert "Bobby" Jones, and the older "Bobby" becomes Robert Jones."""
    board = _m("Lakeside School Board", "org")
    old: list[Doc] = [
        ("d1", [board, _m("Robert Jones")]),
        ("d2", [board, _m("Bobby", "person", "Coach")]),
    ]
    nick = EntityMention(0, 22, "Robert 'Bobby' Jones", "Robert Jones", "person", None)
    new: list[Doc] = [("d9", [nick, _m("Fresno", "place")])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d2", 1)] != first[("d1", 1)]
    delta = LinkState(state_db, fresh=False).add(new)
    assert delta.mentions[("d2", 1)] == first[("d1", 1)]
    _, want = _all_at_once(old + new)
    assert {**first, **delta.mentions} == want


def test_nicknamed_person_reaching_an_older_story(state_db: sqlite_utils.Database) -> None:
    """Robert "Bobby" Jones (d1) shares no story with an older "Bobby" (d2); a new article
    names Robert Jones and shares d2's story, so d2's "Bobby" becomes Robert Jones."""
    nick = EntityMention(0, 22, "Robert 'Bobby' Jones", "Robert Jones", "person", None)
    board = _m("Lakeside School Board", "org")
    old: list[Doc] = [
        ("d1", [nick, _m("Fresno", "place")]),
        ("d2", [board, _m("Bobby", "person", "Coach")]),
    ]
    new: list[Doc] = [("d9", [board, _m("Robert Jones")])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d2", 1)] != first[("d1", 0)]
    delta = LinkState(state_db, fresh=False).add(new)
    assert delta.mentions[("d2", 1)] == first[("d1", 0)]
    _, want = _all_at_once(old + new)
    assert {**first, **delta.mentions} == want


def _story_docs(n_sharing: int) -> list[Doc]:
    """d000 names Maria Lopez, d100 Carlos Lopez, d001 says "Ms. Lopez"; d000..d0NN share the
    anchor "Harbor Valley Transit Authority" (n_sharing documents)."""
    anchor = _m("Harbor Valley Transit Authority", "org")
    docs: list[Doc] = [
        ("d000", [anchor, _m("Maria Lopez")]),
        ("d001", [anchor, _m("Lopez", "person", "Ms.")]),
        ("d100", [_m("Carlos Lopez"), _m("Reno", "place")]),
    ]
    docs += [(f"d{i:03d}", [anchor]) for i in range(2, n_sharing)]
    return docs


def test_anchor_passing_the_cutoff_changes_older_answers(state_db: sqlite_utils.Database) -> None:
    """While the anchor is in at most 20 documents (n/50 with a floor of 20), "Ms. Lopez"
    is the Lopez of her story; a 21st document with the anchor makes it tie no story, and
    the older bare surname is left unresolved between the two bearers."""
    old = _story_docs(20)
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d001", 1)] == first[("d000", 1)]
    st = LinkState(state_db, fresh=False)
    delta = st.add([("d050", [_m("Harbor Valley Transit Authority", "org")])])
    assert delta.mentions[("d001", 1)] not in (first[("d000", 1)], first[("d100", 0)])
    assert st.stats["cutoff"] == 1
    _, want = _all_at_once([*old, ("d050", [_m("Harbor Valley Transit Authority", "org")])])
    assert {**first, **delta.mentions} == want


def test_cutoff_growing_with_n_frees_an_anchor(state_db: sqlite_utils.Database) -> None:
    """At n = 1,049 the cut-off is 20, so an anchor in 21 documents ties no story; the
    1,050th document raises it to 21 and the older "Ms. Lopez" joins Maria Lopez again,
    although the new document shares nothing with her."""
    old = _story_docs(21)
    old += [(f"f{i:04d}", [_m(f"Filler Town {i}", "place")]) for i in range(1049 - len(old))]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d001", 1)] != first[("d000", 1)]
    new: list[Doc] = [("g0000", [_m("Somewhere Else", "place")])]
    st = LinkState(state_db, fresh=False)
    delta = st.add(new)
    assert delta.mentions[("d001", 1)] == first[("d000", 1)]
    assert st.stats["cutoff"] == 1
    _, want = _all_at_once(old + new)
    assert {**first, **delta.mentions} == want


def test_earlier_full_name_regroups_older_ones(state_db: sqlite_utils.Database) -> None:
    """Chris Smith (d1) and Christine Smith (d2) are one person to first-fit (Christine is
    compatible with Chris). A new d0, first in document order, names Christopher Smith:
    Chris joins Christopher, and Christine, not compatible with Christopher, becomes
    another person. The older clusters change entity and the state follows."""
    old: list[Doc] = [("d1", [_m("Chris Smith")]), ("d2", [_m("Christine Smith")])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    assert first[("d1", 0)] == first[("d2", 0)]
    new: list[Doc] = [("d0", [_m("Christopher Smith")])]
    st = LinkState(state_db, fresh=False)
    delta = st.add(new)
    got = {**first, **delta.mentions}
    assert got[("d0", 0)] == got[("d1", 0)] != got[("d2", 0)]
    _, want = _all_at_once(old + new)
    assert got == want
    # the regrouped state is saved: a later article sees Christine on her own
    with state_db.conn:
        st.save(state_db)
    later: list[Doc] = [("d3", [_m("Smith", "person", "Ms.")])]
    got.update(LinkState(state_db, fresh=False).add(later).mentions)
    _, want = _all_at_once(old + new + later)
    assert got == want


def test_regrouped_nicknamed_name_asks_for_a_full_resolution(
    state_db: sqlite_utils.Database,
) -> None:
    """The same regrouping when the name that changes entity introduced a nickname
    (Christine "Tina" Smith): nickname lists are not patched, so the state asks for a full
    resolution; the same name later in document order needs none."""
    tina = EntityMention(0, 22, "Christine 'Tina' Smith", "Christine Smith", "person", None)
    old: list[Doc] = [("d1", [_m("Chris Smith")]), ("d2", [tina])]
    st = LinkState(state_db)
    first = st.add(old).mentions
    with state_db.conn:
        st.save(state_db)
    with pytest.raises(Relink):
        LinkState(state_db, fresh=False).add([("d0", [_m("Christopher Smith")])])
    got = LinkState(state_db, fresh=False).add([("d9", [_m("Christopher Smith")])])
    _, want = _all_at_once([*old, ("d9", [_m("Christopher Smith")])])
    assert {**first, **got.mentions} == want


# --- through ingest ------------------------------------------------------------------------


def _stats(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    row = con.execute("SELECT v FROM link_state WHERE space = 'meta' AND k = 'stats'").fetchone()
    con.close()
    got = json.loads(row[0])
    return {k: got.get(k, 0) for k in ("full", "incremental", "fallback")}


def _write(path: Path, records: Sequence[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_generated_in_two_runs_equals_one_run(tmp_path: Path) -> None:
    """Ingesting 40 generated articles and then 20 more stores the same rows and entity ids
    as one run over the 60; the second run links incrementally."""
    articles, _ = generate_corpus.generate(60, seed=3)
    a = _write(tmp_path / "a.jsonl", articles[:40])
    b = _write(tmp_path / "b.jsonl", articles[40:])
    inc = tmp_path / "inc.db"
    claimcheck.ingest([str(a)], inc)
    claimcheck.ingest([str(b)], inc)
    once = tmp_path / "once.db"
    claimcheck.ingest([str(a), str(b)], once)
    got, want = ingest_identity.store_digest(inc), ingest_identity.store_digest(once)
    assert ingest_identity.differences(got, want) == []
    assert _stats(inc) == {"full": 1, "incremental": 1, "fallback": 0}


def _article_id(path: Path) -> str:
    return content_hash(next(iter(read_source(str(path)))).text)[:16]


def _regroup_case(tmp_path: Path, christine: str) -> tuple[Path, Path]:
    """Chris and Christine Smith ingested, then Christopher Smith in a wording whose article
    id sorts first; returns the incremental and the one-run databases."""
    texts = ["Chris Smith opened the bakery on Main Street in 2019, neighbours said.",
             f"{christine}, 41, opened a second bakery in 2021."]
    old = [_write(tmp_path / f"old{i}.jsonl", [{"text": t, "title": f"Old {i}"}])
           for i, t in enumerate(texts)]
    first_old = min(_article_id(p) for p in old)
    new = None
    for i in range(200):  # a wording of the new article whose id sorts first
        cand = _write(tmp_path / "new.jsonl", [{
            "text": f"Christopher Smith, {i + 30}, sold the bakery in 2022.", "title": "New"}])
        if _article_id(cand) < first_old:
            new = cand
            break
    assert new is not None
    inc = tmp_path / "inc.db"
    claimcheck.ingest([str(p) for p in old], inc)
    claimcheck.ingest([str(new)], inc)
    once = tmp_path / "once.db"
    claimcheck.ingest([*(str(p) for p in old), str(new)], once)
    got, want = ingest_identity.store_digest(inc), ingest_identity.store_digest(once)
    assert ingest_identity.differences(got, want) == []
    con = sqlite3.connect(inc)
    people = con.execute("SELECT count(*) FROM entities WHERE kind = 'person'").fetchone()[0]
    con.close()
    assert people == 2  # Chris = Christopher, Christine on her own
    return inc, once


def test_ingest_regroups_older_entities_incrementally(tmp_path: Path) -> None:
    """The Christopher / Chris / Christine case through ingest: linked incrementally, equal
    to one run over the three articles."""
    inc, _ = _regroup_case(tmp_path, "Christine Smith")
    assert _stats(inc) == {"full": 1, "incremental": 1, "fallback": 0}


def test_ingest_falls_back_when_a_nicknamed_name_regroups(tmp_path: Path) -> None:
    """With Christine "Tina" Smith the ingest falls back to a full resolution (counted), and
    the result is the same as one run."""
    inc, _ = _regroup_case(tmp_path, "Christine \"Tina\" Smith")
    assert _stats(inc) == {"full": 1, "incremental": 0, "fallback": 1}


def test_stale_state_is_not_used(tmp_path: Path) -> None:
    """A state that does not match the database (an article stored without linking) is
    rebuilt by a full resolution instead of being patched."""
    articles, _ = generate_corpus.generate(12, seed=5)
    a = _write(tmp_path / "a.jsonl", articles[:8])
    b = _write(tmp_path / "b.jsonl", articles[8:])
    db = tmp_path / "s.db"
    claimcheck.ingest([str(a)], db)
    con = sqlite3.connect(db)
    con.execute("UPDATE link_state SET v = '0' WHERE space = 'meta' AND k = 'articles'")
    con.commit()
    con.close()
    claimcheck.ingest([str(b)], db)
    assert _stats(db) == {"full": 2, "incremental": 0, "fallback": 0}
    once = tmp_path / "once.db"
    claimcheck.ingest([str(a), str(b)], once)
    assert ingest_identity.differences(
        ingest_identity.store_digest(db), ingest_identity.store_digest(once)) == []
