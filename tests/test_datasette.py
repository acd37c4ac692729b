"""The Datasette experience: views, full-text search, metadata, canned queries, links, escaping.

Two databases: ``hand_db`` is written row by row in claimcheck's schema (exact expectations
for every view and canned query), ``pipeline_db`` is the real ``ingest`` + ``diff`` on the
seed articles plus short articles written here with planted conflicts. Pages are fetched
with Datasette's own ASGI test client.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from claimcheck.errors import ClaimcheckError, NoDatabase
from claimcheck.serve import (
    check_port,
    load_metadata,
    make_datasette,
    render_link,
    serve,
    start_url,
)
from claimcheck.store import open_db, write_rows
from claimcheck.views import FTS_INDEXES, VIEWS, ensure_fts, refresh_views

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# --- a database written by hand ------------------------------------------------------------

A1, A2, A3 = "art1", "art2", "art3"
HAND_ARTICLES = [
    (A1, "quake-a.txt", "h1", "Quake strikes coastal city", "Daily Meridian", "2023-05-02",
     "https://meridian.example/quake", None,
     "An earthquake of magnitude 6.1 struck Port Alder on Monday. At least 12 people were killed.",
     None, 1, "2023-05-04T00:00:00Z"),
    (A2, "quake-b.txt", "h2", f"{SCRIPT} Quake toll", "Evening Courier", "2023-05-03", None, None,
     f"An earthquake of magnitude 6.4 struck Port Alder on Monday. At least 12 people were "
     f"killed. {IMG} The mayor declared an emergency.",
     None, 1, "2023-05-04T00:00:00Z"),
    (A3, "vote.txt", "h3", "Marr wins second term", "Daily Meridian", "2023-06-12", None, None,
     "Voters in Kessland re-elected President Ivo Marr on Sunday.", None, 1,
     "2023-06-13T00:00:00Z"),
]
HAND_SENTENCES = [
    ("art1-s0000", A1, 0, 0, 58, "An earthquake of magnitude 6.1 struck Port Alder on Monday.", 0, None),
    ("art1-s0001", A1, 1, 59, 91, "At least 12 people were killed.", 0, None),
    ("art2-s0000", A2, 0, 0, 58, "An earthquake of magnitude 6.4 struck Port Alder on Monday.", 0, None),
    ("art2-s0001", A2, 1, 59, 91, "At least 12 people were killed.", 0, None),
    ("art2-s0002", A2, 2, 92, 150, f"{IMG} The mayor declared an emergency.", 0, None),
    ("art3-s0000", A3, 0, 0, 59, "Voters in Kessland re-elected President Ivo Marr on Sunday.", 0, None),
]
HAND_CLAIMS = [
    ("art1-c0000.0", A1, "art1-s0000", 0, 0, 57, "An earthquake of magnitude 6.1 struck Port Alder on Monday",
     "earthquake magnitude 6.1 struck port alder monday", 1, None, None, "past"),
    ("art1-c0001.0", A1, "art1-s0001", 0, 59, 90, "At least 12 people were killed",
     "at least 12 people killed", 1, None, None, "past"),
    ("art2-c0000.0", A2, "art2-s0000", 0, 0, 57, "An earthquake of magnitude 6.4 struck Port Alder on Monday",
     "earthquake magnitude 6.4 struck port alder monday", 1, None, None, "past"),
    ("art2-c0001.0", A2, "art2-s0001", 0, 59, 90, "At least 12 people were killed",
     "at least 12 people killed", 1, None, None, "past"),
    ("art2-c0002.0", A2, "art2-s0002", 0, 92, 149, f"{IMG} The mayor declared an emergency",
     "mayor declared emergency", 1, None, "the mayor", "past"),
    ("art3-c0000.0", A3, "art3-s0000", 0, 0, 58, "Voters in Kessland re-elected President Ivo Marr on Sunday",
     "voters kessland re-elected president ivo marr sunday", 1, None, None, "past"),
]
HAND_MENTIONS = [
    ("art1-c0000.0.m0", "art1-c0000.0", A1, "place", 39, 49, "Port Alder", "Port Alder", None, None, None, "e_alder"),
    ("art2-c0000.0.m0", "art2-c0000.0", A2, "place", 39, 49, "Port Alder", "Port Alder", None, None, None, "e_alder"),
    ("art2-c0000.0.m1", "art2-c0000.0", A2, "quantity", 25, 28, "6.4", "6.4", 6.4, 6.4, None, None),
    ("art3-c0000.0.m0", "art3-c0000.0", A3, "person", 37, 44, "Ivo Marr", "Ivo Marr", None, None, None, "e_marr"),
]


def _write_hand_db(path: Path) -> None:
    db = open_db(path)
    with db.conn:
        db.execute("INSERT INTO runs (id, command, version, options, started) VALUES (1, 'ingest', '0', '{}', 'x')")
        db.execute("INSERT INTO runs (id, command, version, options, started) VALUES (2, 'diff', '0', '{}', 'x')")
        write_rows(db, "articles", HAND_ARTICLES)
        write_rows(db, "sentences", HAND_SENTENCES)
        write_rows(db, "claims", HAND_CLAIMS)
        db["entities"].insert_all([
            {"id": "e_alder", "name": "Port Alder", "kind": "place",
             "aliases": json.dumps(["Port Alder", "Alder"]), "mention_count": 2},
            {"id": "e_marr", "name": "Ivo Marr", "kind": "person",
             "aliases": json.dumps(["Ivo Marr", "Marr"]), "mention_count": 1},
        ])
        write_rows(db, "mentions", HAND_MENTIONS)
        db["claim_groups"].insert_all([
            {"id": "g1", "verdict": "conflict", "size": 2, "n_articles": 2, "n_outlets": 2,
             "representative_claim_id": "art1-c0000.0", "label": "An earthquake struck Port Alder", "run_id": 2},
            {"id": "g2", "verdict": "agree", "size": 2, "n_articles": 2, "n_outlets": 2,
             "representative_claim_id": "art1-c0001.0", "label": "At least 12 people were killed", "run_id": 2},
        ])
        db["group_claims"].insert_all([
            {"group_id": "g1", "claim_id": "art1-c0000.0", "article_id": A1, "score": None},
            {"group_id": "g1", "claim_id": "art2-c0000.0", "article_id": A2, "score": None},
            {"group_id": "g2", "claim_id": "art1-c0001.0", "article_id": A1, "score": None},
            {"group_id": "g2", "claim_id": "art2-c0001.0", "article_id": A2, "score": None},
        ])
        db["conflicts"].insert({
            "id": "x1", "group_id": "g1", "kind": "number", "claim_a": "art1-c0000.0",
            "claim_b": "art2-c0000.0", "a_value": "6.1", "b_value": "6.4",
            "explanation": "A gives magnitude 6.1; B gives 6.4", "run_id": 2,
        })
    refresh_views(db)
    db.close()


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hand") / "claimcheck.db"
    _write_hand_db(path)
    return path


# --- the real pipeline ---------------------------------------------------------------------

PLANTED = [
    {"id": "p1", "title": "Leaders meet in Geneva for climate summit", "outlet": "Northern Ledger",
     "published": "2021-03-04", "url": "https://ledger.example/summit",
     "text": "The climate summit was held in Geneva on March 3, 2021. Delegates from 40 countries "
             "attended the summit. Keller said the deal would cut emissions by 30 percent by 2030."},
    {"id": "p2", "title": "Summit ends with emissions pledge", "outlet": "Harbor Times",
     "published": "2021-03-05",
     "text": "The climate summit was held in Geneva on March 3, 2020. Delegates from 45 countries "
             "attended the summit. Keller said the deal would cut emissions by 30 percent by 2030."},
    {"id": "p3", "title": f"{SCRIPT} Flood in the valley", "outlet": "<b>Bold</b> Weekly",
     "published": "2022-07-12",
     "text": f"Floods in the Arden valley killed {SCRIPT} 23 people on Saturday. The mayor of "
             f"Millbrook said {IMG} the river burst its banks."},
]


@pytest.fixture(scope="module")
def pipeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import claimcheck

    folder = tmp_path_factory.mktemp("pipeline")
    jsonl = folder / "planted.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in PLANTED), encoding="utf-8")
    path = folder / "news.db"
    claimcheck.ingest([str(SEEDS), str(jsonl)], path)
    claimcheck.diff(path)
    return path


@pytest.fixture(scope="module")
def hand_ds(hand_db: Path) -> Any:
    return make_datasette(hand_db)


@pytest.fixture(scope="module")
def pipeline_ds(pipeline_db: Path) -> Any:
    return make_datasette(pipeline_db)


# --- helpers -------------------------------------------------------------------------------


def _get(ds: Any, path: str) -> Any:
    async def run() -> Any:
        return await ds.client.get(path)

    return asyncio.run(run())


def _json(ds: Any, path: str) -> Any:
    response = _get(ds, path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def _html(ds: Any, path: str) -> str:
    response = _get(ds, path)
    assert response.status_code == 200, (path, response.text[:500])
    return str(response.text)


def _db_name(path: Path) -> str:
    return path.stem


# --- views and search ----------------------------------------------------------------------


def test_conflict_details_row_has_both_sides(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/conflict_details.json?_shape=array")
    assert len(rows) == 1
    row = rows[0]
    assert row["conflict_id"] == "x1" and row["kind"] == "number"
    assert (row["a_value"], row["b_value"]) == ("6.1", "6.4")
    assert row["a_claim"].startswith("An earthquake of magnitude 6.1")
    assert row["b_sentence"] == "An earthquake of magnitude 6.4 struck Port Alder on Monday."
    assert (row["a_outlet"], row["b_outlet"]) == ("Daily Meridian", "Evening Courier")
    assert (row["a_published"], row["b_published"]) == ("2023-05-02", "2023-05-03")
    assert row["a_title"] == "Quake strikes coastal city"
    assert (row["a_article_id"], row["b_article_id"]) == (A1, A2)
    assert (row["a_sentence_id"], row["b_sentence_id"]) == ("art1-s0000", "art2-s0000")
    assert row["a_url"] == "https://meridian.example/quake"


def test_group_overview_counts(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/group_overview.json?_shape=array&_sort=group_id")
    assert [r["group_id"] for r in rows] == ["g1", "g2"]
    g1 = rows[0]
    assert g1["verdict"] == "conflict" and g1["members"] == 2 and g1["conflicts"] == 1
    assert g1["n_articles"] == 2 and g1["n_outlets"] == 2
    assert g1["representative_claim"].startswith("An earthquake of magnitude 6.1")
    assert g1["outlets"] == "Daily Meridian, Evening Courier"


def test_claims_with_articles_joins_article_and_sentence(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/claims_with_articles.json?_shape=array&claim_id=art2-c0002.0")
    assert len(rows) == 1
    row = rows[0]
    assert row["outlet"] == "Evening Courier" and row["speaker"] == "the mayor"
    assert row["polarity"] == "affirmed" and row["group_id"] is None
    assert row["sentence"] == f"{IMG} The mayor declared an emergency."


@pytest.mark.parametrize(
    ("path", "expected_ids"),
    [
        ("/claimcheck/claims.json?_search=earthquake", {"art1-c0000.0", "art2-c0000.0"}),
        # Porter stemming: "kill" finds "killed"; search covers the normalized column too.
        ("/claimcheck/claims.json?_search=kill", {"art1-c0001.0", "art2-c0001.0"}),
        ("/claimcheck/claims.json?_search=re-elected", {"art3-c0000.0"}),
        ("/claimcheck/sentences.json?_search=mayor", {"art2-s0002"}),
        ("/claimcheck/claims_with_articles.json?_search=kessland", {"art3-c0000.0"}),
        ("/claimcheck/claims.json?_search=typhoon", set()),
    ],
)
def test_full_text_search(hand_ds: Any, path: str, expected_ids: set[str]) -> None:
    ds = hand_ds
    rows = _json(ds, path + "&_shape=array")
    key = "claim_id" if "claims_with_articles" in path else "id"
    assert {r[key] for r in rows} == expected_ids


def _search_ids(db: sqlite_utils.Database, table: str, query: str) -> set[str]:
    sql = (
        f"SELECT t.id FROM [{table}] t WHERE t.rowid IN "
        f"(SELECT rowid FROM [{table}_fts] WHERE [{table}_fts] MATCH ?)"
    )
    return {r[0] for r in db.execute(sql, [query])}


def test_search_index_follows_appended_and_deleted_rows(tmp_path: Path) -> None:
    path = tmp_path / "claimcheck.db"
    _write_hand_db(path)
    db = open_db(path)
    with db.conn:
        write_rows(db, "claims", [(
            "art3-c0000.1", A3, "art3-s0000", 1, 0, 58, "Turnout reached a record in Kessland",
            "turnout record kessland", 1, None, None, "past",
        )])
    assert ensure_fts(db, FTS_INDEXES[0]) == "appended"
    assert ensure_fts(db, FTS_INDEXES[0]) == "unchanged"
    assert _search_ids(db, "claims", "turnout") == {"art3-c0000.1"}
    with db.conn:
        db.execute("DELETE FROM claims WHERE id IN ('art2-c0002.0', 'art3-c0000.1')")
        write_rows(db, "claims", [(  # takes a freed rowid
            "art3-c0000.2", A3, "art3-s0000", 2, 0, 58, "Marr thanked his supporters",
            "marr thanked supporters", 1, None, None, "past",
        )])
    refresh_views(db)
    db.close()
    ds = make_datasette(path)
    assert _json(ds, "/claimcheck/claims.json?_search=emergency&_shape=array") == []
    assert _json(ds, "/claimcheck/claims.json?_search=turnout&_shape=array") == []
    rows = _json(ds, "/claimcheck/claims_with_articles.json?_search=supporters&_shape=array")
    assert [r["claim_id"] for r in rows] == ["art3-c0000.2"]


def test_refresh_views_is_idempotent_and_replaces_other_fts_setups(tmp_path: Path) -> None:
    path = tmp_path / "claimcheck.db"
    _write_hand_db(path)
    db = sqlite_utils.Database(path)
    # An index made by hand (as `sqlite-utils enable-fts --create-triggers` does) is replaced.
    db["claims"].disable_fts()
    db["claims"].enable_fts(["text"], create_triggers=True)
    refresh_views(db)
    refresh_views(db)
    assert not db["claims"].triggers and not db["sentences"].triggers
    assert db["claims_fts"].columns_dict.keys() >= {"text", "normalized"}
    assert set(VIEWS) <= set(db.view_names())
    assert _search_ids(db, "claims", "earthquake") == {"art1-c0000.0", "art2-c0000.0"}
    assert _search_ids(db, "claims", "kill") == {"art1-c0001.0", "art2-c0001.0"}  # stemming
    for spec in FTS_INDEXES:
        assert ensure_fts(db, spec) == "unchanged"
    db.close()


def test_refresh_views_on_pipeline_db_is_quick(pipeline_db: Path) -> None:
    db = open_db(pipeline_db)
    started = time.perf_counter()
    for _ in range(3):
        refresh_views(db)
    assert (time.perf_counter() - started) / 3 < 0.25
    for spec in FTS_INDEXES:
        n_rows = db.execute(f"SELECT count(*) FROM [{spec.table}]").fetchone()[0]
        n_docs = db.execute(f"SELECT count(*) FROM [{spec.table}_fts_docsize]").fetchone()[0]
        assert n_rows == n_docs
    db.close()


# --- canned queries ------------------------------------------------------------------------


def test_conflicts_by_kind(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/conflicts_by_kind.json?_shape=array")
    assert rows == [{
        "kind": "number", "conflicts": 1, "groups": 1, "articles": 2,
        "example": "A gives magnitude 6.1; B gives 6.4",
    }]


def test_claims_only_one_outlet(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/claims_only_one_outlet.json?_shape=array&outlet=")
    assert {r["claim_id"] for r in rows} == {"art2-c0002.0", "art3-c0000.0"}
    rows = _json(ds, "/claimcheck/claims_only_one_outlet.json?_shape=array&outlet=daily+meridian")
    assert [r["claim_id"] for r in rows] == ["art3-c0000.0"]


def test_outlet_agreement(hand_ds: Any) -> None:
    ds = hand_ds
    rows = _json(ds, "/claimcheck/outlet_agreement.json?_shape=array")
    assert rows == [{
        "outlet_a": "Daily Meridian", "outlet_b": "Evening Courier", "shared_groups": 2,
        "agree_groups": 1, "refine_groups": 0, "conflict_groups": 1, "conflicts": 1,
    }]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("entity=Port+Alder&outlet=", ["art1-c0000.0", "art2-c0000.0"]),
        ("entity=alder&outlet=Evening+Courier", ["art2-c0000.0"]),  # alias, any case
        ("entity=marr&outlet=", ["art3-c0000.0"]),
        ("entity=marr&outlet=Evening+Courier", []),
        ("entity=nobody&outlet=", []),
    ],
)
def test_outlet_entity_claims(hand_ds: Any, query: str, expected: list[str]) -> None:
    ds = hand_ds
    rows = _json(ds, f"/claimcheck/outlet_entity_claims.json?_shape=array&{query}")
    assert [r["claim_id"] for r in rows] == expected


# --- metadata ------------------------------------------------------------------------------


def test_metadata_title_description_and_front_page_link(hand_ds: Any) -> None:
    ds = hand_ds
    html = _html(ds, "/")
    assert "<title>claimcheck" in html and "<h1>claimcheck</h1>" in html
    assert 'href="claimcheck/conflict_details"' in html
    assert "Browse the conflicts" in _html(ds, "/claimcheck")
    # The relative link from the front page resolves to a working page.
    assert _get(ds, "/claimcheck/conflict_details").status_code == 200


def test_metadata_describes_every_table_view_and_column(hand_db: Path) -> None:
    meta = load_metadata()
    tables = meta["databases"]["claimcheck"]["tables"]
    db = sqlite_utils.Database(hand_db)
    hidden = {n for n in db.table_names() if "_fts" in n}
    for name in [*db.table_names(), *db.view_names()]:
        if name in hidden:
            continue
        assert tables.get(name, {}).get("description"), name
        described = set(tables[name].get("columns", {}))
        assert set(db[name].columns_dict) == described, name
    db.close()


def test_metadata_never_turns_on_html_rendering() -> None:
    text = json.dumps(load_metadata()).lower()
    for word in ("render_markdown", "render_html", "render_cell", "plugins", "allow_html"):
        assert word not in text


def test_column_description_and_table_title_are_shown(hand_ds: Any) -> None:
    ds = hand_ds
    html = _html(ds, "/claimcheck/conflict_details")
    assert "Conflicts between articles" in html
    assert 'data-column-description="What article A says."' in html
    assert "Why the two claims conflict, in one line." in html


@pytest.mark.parametrize(
    ("path", "column", "label"),
    [
        ("/claimcheck/conflicts.json?_labels=on&_shape=array", "claim_a",
         "An earthquake of magnitude 6.1 struck Port Alder on Monday"),
        ("/claimcheck/claims.json?_labels=on&_shape=array&id=art1-c0000.0", "article_id",
         "Quake strikes coastal city"),
        ("/claimcheck/claims.json?_labels=on&_shape=array&id=art1-c0000.0", "sentence_id",
         "An earthquake of magnitude 6.1 struck Port Alder on Monday."),
        ("/claimcheck/mentions.json?_labels=on&_shape=array&id=art3-c0000.0.m0", "entity_id",
         "Ivo Marr"),
        ("/claimcheck/conflicts.json?_labels=on&_shape=array", "group_id",
         "An earthquake struck Port Alder"),
    ],
)
def test_label_columns_expand_foreign_keys(hand_ds: Any, path: str, column: str, label: str) -> None:
    ds = hand_ds
    rows = _json(ds, path)
    assert rows[0][column]["label"] == label


def test_facets_from_metadata(hand_ds: Any) -> None:
    ds = hand_ds
    data = _json(ds, "/claimcheck/conflicts.json")
    assert "kind" in data["facet_results"]
    data = _json(ds, "/claimcheck/articles.json")
    counts = {r["value"]: r["count"] for r in data["facet_results"]["outlet"]["results"]}
    assert counts == {"Daily Meridian": 2, "Evening Courier": 1}


def test_metadata_rekeyed_for_other_file_names() -> None:
    meta = load_metadata("news 2024")
    assert set(meta["databases"]) == {"news 2024"}
    assert 'href="news+2024/conflict_details"' in meta["description_html"]
    assert "claimcheck/" not in meta["databases"]["news 2024"]["description_html"]
    assert load_metadata()["databases"].keys() == {"claimcheck"}


# --- links and escaping --------------------------------------------------------------------


def test_view_ids_link_back_to_rows(hand_ds: Any) -> None:
    ds = hand_ds
    html = _html(ds, "/claimcheck/conflict_details")
    assert '<a href="/claimcheck/conflicts/x1">x1</a>' in html
    assert '<a href="/claimcheck/sentences/art1-s0000">art1-s0000</a>' in html
    assert 'href="/claimcheck/articles/art1">Quake strikes coastal city</a>' in html
    html = _html(ds, "/claimcheck/conflicts_by_kind")
    assert 'href="/claimcheck/conflict_details?kind=number"' in html
    # Row pages: foreign keys link to their rows (ids with dots are tilde-encoded).
    html = _html(ds, "/claimcheck/mentions/art1-c0000~2E0~2Em0")
    assert '<a href="/claimcheck/claims/art1-c0000~2E0">art1-c0000.0</a>' in html
    assert '<a href="/claimcheck/entities/e_alder">e_alder</a>' in html
    assert _get(ds, "/claimcheck/claims/art1-c0000~2E0").status_code == 200


@pytest.mark.parametrize(
    ("column", "table", "row"),
    [
        ("a_title", "conflict_details", {"a_article_id": '"><script>alert(1)</script>'}),
        ("a_claim_id", "conflict_details", {}),
        ("kind", None, {"conflicts": 1}),
        ("article_id", "claims", {}),
    ],
)
def test_link_hook_escapes_values_and_ids(
    hand_ds: Any, column: str, table: str | None, row: dict[str, Any]
) -> None:
    html = str(render_link(row, f"{SCRIPT}{IMG}", column, table, "claimcheck", hand_ds))
    assert html.startswith("<a href=")
    _assert_escaped(html)
    assert "&lt;script&gt;" in html


def _assert_escaped(html: str) -> None:
    assert SCRIPT not in html
    assert IMG not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


@pytest.mark.parametrize(
    "path",
    [
        "/claimcheck/articles",
        "/claimcheck/articles/art2",
        "/claimcheck/sentences",
        "/claimcheck/claims",
        "/claimcheck/claims?_search=mayor",
        "/claimcheck/conflict_details",
        "/claimcheck/claims_with_articles",
        "/claimcheck/claims_only_one_outlet?outlet=",
    ],
)
def test_untrusted_text_is_escaped(hand_ds: Any, path: str) -> None:
    ds = hand_ds
    html = _html(ds, path)
    assert "alert(1)" in html  # the text is there...
    _assert_escaped(html)  # ...but only as text


# --- the real pipeline in Datasette --------------------------------------------------------


def test_pipeline_db_pages_render_and_escape(pipeline_db: Path, pipeline_ds: Any) -> None:
    ds = pipeline_ds
    name = _db_name(pipeline_db)
    db = sqlite_utils.Database(pipeline_db)
    pages = [f"/{name}/{t}" for t in db.table_names() if "_fts" not in t]
    pages += [f"/{name}/{v}" for v in VIEWS]
    pages += [f"/{name}/{q}?outlet=&entity=" for q in load_metadata()["databases"]["claimcheck"]["queries"]]
    pages += ["/", f"/{name}", f"/{name}/claims_with_articles?_search=summit"]
    db.close()
    for page in pages:
        _assert_escaped(_html(ds, page))


def test_pipeline_db_planted_date_conflict(pipeline_db: Path, pipeline_ds: Any) -> None:
    ds = pipeline_ds
    name = _db_name(pipeline_db)
    rows = _json(ds, f"/{name}/conflict_details.json?_shape=array&kind=date")
    pairs = [{r["a_value"], r["b_value"]} for r in rows]
    assert any(any("2021" in v for v in p) and any("2020" in v for v in p) for p in pairs), rows
    row = next(r for r in rows if "Geneva" in (r["a_claim"] or ""))
    assert {row["a_outlet"], row["b_outlet"]} == {"Northern Ledger", "Harbor Times"}
    assert "Geneva" in row["a_sentence"] and "Geneva" in row["b_sentence"]
    kinds = {r["kind"] for r in _json(ds, f"/{name}/conflicts_by_kind.json?_shape=array")}
    assert "date" in kinds
    agreement = _json(ds, f"/{name}/outlet_agreement.json?_shape=array")
    assert any(
        {r["outlet_a"], r["outlet_b"]} == {"Harbor Times", "Northern Ledger"} and r["conflicts"] >= 1
        for r in agreement
    )


def test_pipeline_db_search_finds_seed_claims(pipeline_db: Path, pipeline_ds: Any) -> None:
    ds = pipeline_ds
    name = _db_name(pipeline_db)
    rows = _json(ds, f"/{name}/claims_with_articles.json?_shape=array&_search=Haniyeh")
    assert rows and all("haniyeh" in (r["claim"] + r["normalized"]).lower() for r in rows)
    rows = _json(ds, f"/{name}/sentences.json?_shape=array&_search=Moscow")
    assert rows and all("moscow" in r["text"].lower() for r in rows)


def test_plain_datasette_with_shipped_metadata(hand_db: Path) -> None:
    """Opening claimcheck.db in stock Datasette with metadata.json works (no link hook needed)."""
    from datasette.app import Datasette

    ds = Datasette([str(hand_db)], metadata=load_metadata())
    rows = _json(ds, "/claimcheck/conflict_details.json?_shape=array")
    assert rows[0]["conflict_id"] == "x1"
    assert "Conflicts between articles" in _html(ds, "/claimcheck/conflict_details")


# --- serve ---------------------------------------------------------------------------------


def test_serve_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "claimcheck.db"
    with pytest.raises(NoDatabase, match="no such database; run 'claimcheck ingest' first"):
        serve(missing, port=0)
    assert not missing.exists()


def test_check_port_in_use() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        with pytest.raises(ClaimcheckError, match="already in use"):
            check_port("127.0.0.1", port)


def test_start_url() -> None:
    assert start_url("data/claimcheck.db", port=8001, host="127.0.0.1") == (
        "http://127.0.0.1:8001/claimcheck/conflict_details"
    )
    assert start_url("x.db", port=9, host="0.0.0.0") == "http://127.0.0.1:9/x/conflict_details"


def test_story_overview_page_with_facets_and_links(pipeline_db: Path, pipeline_ds: Any) -> None:
    ds = pipeline_ds
    name = _db_name(pipeline_db)
    data = _json(ds, f"/{name}/story_overview.json?_shape=objects")
    assert {"coverage", "outlets", "conflicts"} <= set(data["facet_results"])
    rows = data["rows"]
    assert rows and sum(r["articles"] for r in rows) == sqlite_utils.Database(pipeline_db).table(
        "articles").count
    biggest = max(rows, key=lambda r: r["articles"])
    page = _html(ds, f"/{name}/story_overview")
    assert f"/{name}/stories/{biggest['story_id']}" in page  # the headline links to its story
    claims = _json(ds, f"/{name}/story_claims.json?_shape=objects&story_id={biggest['story_id']}")
    assert {"coverage", "outlet"} <= set(claims["facet_results"])
    assert {r["coverage"] for r in claims["rows"]} <= {"shared", "only this outlet"}
