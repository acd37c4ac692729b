"""``diff --engine stream``: the comparison read from SQLite block by block gives exactly what
the default engine gives (groups, conflicts, stories, fact sheets, per-claim rows), also when
the blocks are tiny and a group spans stories of two blocks."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck import streamed
from claimcheck.differ import DiffProgress
from tests.test_engines import _copy, _report, _stored


def _everything(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(db)
    try:
        out: dict[str, Any] = dict(_stored(db))
        out["claim_stories"] = con.execute(
            "SELECT claim_id, story_id, outlet, coverage FROM claim_stories ORDER BY 1").fetchall()
        out["story_outlets"] = con.execute(
            "SELECT story_id, outlet, articles, claims, shared_claims, single_outlet_claims, "
            "conflicts FROM story_outlets ORDER BY 1, 2").fetchall()
        out["attributes"] = con.execute(
            "SELECT id, subject, story, attribute, value, claim_id, start, end, note "
            "FROM attributes ORDER BY rowid").fetchall()
        return out
    finally:
        con.close()


def _run(db: Path, folder: Path, engine: str, jobs: int = 1
         ) -> tuple[dict[str, Any], Any, list[DiffProgress]]:
    copy = _copy(db, folder, f"{engine}-{jobs}.db")
    seen: list[DiffProgress] = []
    result = claimcheck.diff(copy, engine=engine, on_progress=seen.append, jobs=jobs)
    report = _report(result)
    report["attributes"] = [(a.subject, a.attribute, a.value, a.claim.id) for a in result.attributes]
    report["stories"] = [(s.id, s.article_ids, s.headline) for s in result.stories]
    return report, _everything(copy), seen


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # every story its own block; digest a few articles at a time; score the pairs across
    # blocks in small chunks
    monkeypatch.setattr(streamed, "BLOCK_CLAIMS", 1)
    monkeypatch.setattr(streamed, "DIGEST_ARTICLES", 7)
    monkeypatch.setattr(streamed, "BRIDGE_PAIRS", 5)


def test_stream_matches_default_on_generated_corpus(
    generated_db: Path, tmp_path: Path, small_blocks: None
) -> None:
    default, default_rows, _ = _run(generated_db, tmp_path, "default")
    stream, stream_rows, progress = _run(generated_db, tmp_path, "stream")
    assert len(default["groups"]) >= 20 and default["conflicts"] and default["attributes"]
    blocks = max((p.total or 0) for p in progress if p.stage == "score")
    assert blocks > 5  # the corpus really went through in many blocks
    assert stream == default
    assert stream_rows == default_rows


def test_stream_blocks_in_worker_processes_match_default(
    generated_db: Path, tmp_path: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every block judged in one of two forked workers: each notes its process id
    pids = tmp_path / "pids.txt"
    judge = streamed._judge_block

    def noting(context: Any, n: int) -> Any:
        with pids.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return judge(context, n)

    monkeypatch.setattr(streamed, "_judge_block", noting)
    default, default_rows, _ = _run(generated_db, tmp_path, "default")
    stream, stream_rows, progress = _run(generated_db, tmp_path, "stream", jobs=2)
    workers = set(pids.read_text().split())
    assert len(workers) == 2 and str(os.getpid()) not in workers
    assert max((p.total or 0) for p in progress if p.stage == "score") > 5
    assert stream == default
    assert stream_rows == default_rows


def _digest_as_made(d: Any) -> dict[str, Any]:
    """Everything a digest holds, in the order it holds it (dicts, Counters and the key
    tuples as they iterate)."""
    keys = [(aid, k.id, k.outlet, k.published, k.title, k.lead, set(k.people), k.names,
             k.words) for aid, k in d.keys.items()]
    return {
        "n": d.n, "keys": keys, "key_tuples": list(d.key_tuples.items()),
        "frozen": list(d.affinity.frozen.items()), "outlet": list(d.affinity.outlet.items()),
        "open": (dict(d.affinity.names), dict(d.affinity.words)),
        "claims": d.counts.claims, "words": list(d.counts.words.items()),
        "corpus_keys": list(d.counts.keys.items()), "persons": d.entities.persons,
        "names": list(d.entities.names.items()), "first": list(d.first),
        "size": list(d.size), "n_keys": list(d.n_keys), "cross_at": list(d.cross_at),
        "cross": d.cross,
    }


def test_stream_digest_in_worker_processes_is_the_same(
    generated_db: Path, tmp_path: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every chunk of articles digested in one of two forked workers (each notes its process
    # id), merged into the very digest one process makes, down to the order of its keys
    from claimcheck.differ import load_claims

    pids = tmp_path / "digest_pids.txt"
    part = streamed._digest_part

    def noting(context: Any, n: int) -> Any:
        with pids.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return part(context, n)

    monkeypatch.setattr(streamed, "_digest_part", noting)
    import sqlite_utils

    db = sqlite_utils.Database(_copy(generated_db, tmp_path, "digest.db"))
    ids = sorted(r[0] for r in db.execute("SELECT id FROM articles"))
    assert len(ids) > 3 * streamed.DIGEST_ARTICLES
    alone = _digest_as_made(streamed._digest(db, ids, load_claims))
    assert not pids.exists()
    side_by_side = _digest_as_made(streamed._digest(db, ids, load_claims, 2))
    workers = set(pids.read_text().split())
    assert len(workers) == 2 and str(os.getpid()) not in workers
    assert alone["n"] > 100 and alone["names"] and alone["corpus_keys"]
    assert side_by_side == alone
    # and the whole diff with it: the same as the default engine's
    pids.unlink()
    default, default_rows, _ = _run(generated_db, tmp_path, "default")
    stream, stream_rows, _ = _run(generated_db, tmp_path, "stream", jobs=2)
    assert len(set(pids.read_text().split()) - {str(os.getpid())}) == 2
    assert stream == default
    assert stream_rows == default_rows


def test_stream_matches_default_on_seeds(seeds_db: Path, tmp_path: Path, small_blocks: None) -> None:
    default, default_rows, _ = _run(seeds_db, tmp_path, "default")
    stream, stream_rows, _ = _run(seeds_db, tmp_path, "stream")
    assert len(default["groups"]) >= 10
    assert stream == default
    assert stream_rows == default_rows


def _article(i: int, story: str, lines: list[str]) -> dict[str, str]:
    return {"id": f"{story}-{i}", "title": f"{story} report {i}", "outlet": f"Outlet {i}",
            "published": "2024-05-0" + str(i + 1), "text": " ".join(lines)}


def test_a_group_across_two_blocks_is_found(
    tmp_path: Path, small_blocks: None
) -> None:
    # Two unrelated events (a bridge closure, a school board vote); one article of each
    # restates one background fact in the same words, so its claims group across the two
    # stories. With one story per block that group is only found by the pass that scores
    # the pairs across blocks.
    background = "The Harbor Transit Act took effect on March 3, 2021."
    rows = []
    for i in range(2):
        rows.append(_article(i, "bridge", [
            "The Kessel Street bridge in Ardmoor closed on Monday after inspectors found cracks.",
            f"Engineer Tomas Wexley said repairs on the Kessel Street bridge would take {3 + i} weeks.",
            "Ardmoor mayor Dana Quillfeather asked drivers to use the Ostrava Road detour.",
            "Quillfeather said Wexley's crew from Brannock Steel would work at night.",
            *([background] if i == 0 else []),
        ]))
        rows.append(_article(i, "school", [
            "The Pellham school board voted to extend the school day at Brightwater Academy.",
            f"Board chair Ilse Varga said the vote at Brightwater Academy passed {5 + i} to 2.",
            "Principal Rufus Ambergate said teachers from the Pellham Federation backed the plan.",
            "Varga said Ambergate would present a timetable to parents in Glenmoor Hall.",
            *([background] if i == 0 else []),
        ]))
    corpus = tmp_path / "two_stories.jsonl"
    import json

    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "two.db"
    claimcheck.ingest([str(corpus)], db)
    default, default_rows, _ = _run(db, tmp_path, "default")
    stream, stream_rows, _ = _run(db, tmp_path, "stream")
    stories = {sid for sid, *_ in default["stories"]}
    assert len(stories) == 2
    assert any(story is None for *_, story in default["groups"])  # the cross-story group
    assert stream == default
    assert stream_rows == default_rows


def test_stream_refuses_against(generated_db: Path, tmp_path: Path) -> None:
    with pytest.raises(claimcheck.ClaimcheckError, match="--engine stream"):
        claimcheck.diff(_copy(generated_db, tmp_path, "x.db"), engine="stream",
                        against=generated_db)


def _engine_of_last_diff(db: Path) -> str:
    import json

    con = sqlite3.connect(db)
    try:
        params = con.execute(
            "SELECT options FROM runs WHERE command = 'diff' ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        con.close()
    return str(json.loads(params or "{}").get("engine", "default"))


def test_auto_streams_from_a_corpus_size_on(
    seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck import differ

    # the seeds (5 articles) stay under the size: auto is the default engine
    small = _copy(seeds_db, tmp_path, "small.db")
    claimcheck.diff(small)
    assert _engine_of_last_diff(small) == "default"
    monkeypatch.setattr(differ, "AUTO_STREAM_ARTICLES", 3)
    big = _copy(seeds_db, tmp_path, "big.db")
    auto = _report(claimcheck.diff(big))
    assert _engine_of_last_diff(big) == "stream"
    assert auto == _report(claimcheck.diff(_copy(seeds_db, tmp_path, "default.db"), engine="default"))
    # --against needs the default engine: auto takes it whatever the size
    against = _copy(seeds_db, tmp_path, "against.db")
    claimcheck.diff(against, against=seeds_db)
    assert _engine_of_last_diff(against) == "default"


def test_unknown_engine_is_refused(seeds_db: Path, tmp_path: Path) -> None:
    with pytest.raises(claimcheck.ClaimcheckError, match="use auto or one of default"):
        claimcheck.diff(_copy(seeds_db, tmp_path, "x.db"), engine="warp")
