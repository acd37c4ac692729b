"""The benchmark suite (benchmarks/run.py) on a tiny generated corpus: structure and invariants."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    if str(_BENCH) not in sys.path:
        sys.path.insert(0, str(_BENCH))
    spec = importlib.util.spec_from_file_location(name, _BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


run = _load("run")

N_ARTICLES = 40


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    """A 40-article generated corpus, ingested with one job."""
    work = tmp_path_factory.mktemp("bench")
    path, truth = run.corpus(N_ARTICLES, work)
    db = work / "tiny.db"
    run.measure_ingest([str(path)], db, 1)
    return work, db, truth


def _in_unit(x: float) -> bool:
    return 0.0 <= x <= 1.0


def test_loglog_slope_recovers_exponents() -> None:
    xs = [10.0, 100.0, 1000.0]
    assert run.loglog_slope(xs, [3 * x for x in xs]) == pytest.approx(1.0)
    assert run.loglog_slope(xs, [0.5 * x * x for x in xs]) == pytest.approx(2.0)
    assert run.loglog_slope([5.0], [1.0]) is None


def test_estimate_diff_uses_measured_exponent() -> None:
    done = [
        {"articles": 100, "diff": {"seconds": 1.0}},
        {"articles": 1000, "diff": {"seconds": 100.0}},
    ]
    assert run.estimate_diff(done, 10_000) == pytest.approx(10_000.0)
    assert run.estimate_diff([], 10) is None
    assert run.estimate_diff(done[:1], 10_000) is None


def test_corpus_is_generated_and_reused(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    work, _, truth = tiny
    path, again = run.corpus(N_ARTICLES, work)
    assert again == json.loads(json.dumps(truth))
    assert sum(1 for _ in path.open(encoding="utf-8")) == N_ARTICLES


def test_ingest_measurement(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    work, _, _ = tiny
    path = work / f"corpus-{N_ARTICLES}.jsonl"
    res = run.measure_ingest([str(path)], work / "again.db", 1)
    assert res["articles"] == N_ARTICLES
    assert res["claims"] > N_ARTICLES
    assert res["mb"] > 0 and res["seconds"] > 0
    assert res["mb_per_s"] == pytest.approx(res["mb"] / res["seconds"])


def test_diff_child_process_and_accuracy(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    _, db, truth = tiny
    dif = run.measure_diff(db)
    assert dif["claims"] > 0 and dif["candidate_pairs"] > 0
    assert dif["seconds"] > 0 and dif["peak_rss_mb"] > 10
    index = run.build_truth_index(db, truth)
    assert len(index.db_id) == N_ARTICLES
    group_of, conflicts = run.stored_result(db)
    grouping = run.grouping_recall(index, truth, group_of)
    assert grouping["pairs"] > 0 and _in_unit(grouping["recall"])
    assert grouping["found"] <= grouping["pairs"]
    assert all(_in_unit(v) for v in grouping["by_kind"].values())
    scores = run.conflict_scores(index, truth, conflicts)
    assert scores["planted"] == len(truth["conflicts"]) > 0
    assert _in_unit(scores["recall"]) and scores["found"] <= scores["planted"]
    assert scores["reported"] == len(conflicts)
    assert scores["false_cross_story"] + scores["false_unplanted_story"] <= scores["reported"]


def test_truth_sentences_map_to_claims(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    _, db, truth = tiny
    index = run.build_truth_index(db, truth)
    stated = [(a, s) for st in truth["stories"].values() for v in st["facts"].values() for a, s in v]
    mapped = sum(1 for a, s in stated if index.sentence_claims(a, s))
    assert mapped / len(stated) > 0.8
    assert not index.sentence_claims("no-such-article", "Nothing.")


def test_conflict_scoring_counts_a_planted_conflict() -> None:
    truth: dict[str, Any] = {
        "stories": {
            "s1": {"articles": ["A", "B"], "facts": {}, "kinds": {}},
            "s2": {"articles": ["C"], "facts": {}, "kinds": {}},
        },
        "conflicts": [{
            "story": "s1", "kind": "number", "article_a": "A", "article_b": "B",
            "sentence_a": "Four people died.", "sentence_b": "Five people died.",
        }],
    }
    index = run.TruthIndex(
        story_of={"a1": "s1", "b1": "s1", "c1": "s2"},
        db_id={"A": "a1", "B": "b1", "C": "c1"},
        text={"a1": "Four people died.", "b1": "Five people died.", "c1": "Five people died."},
        claims_of={"a1": [("a1-c0000.0", 0, 16)], "b1": [("b1-c0000.0", 0, 16)],
                   "c1": [("c1-c0000.0", 0, 16)]},
        planted={"s1"},
    )
    right = run.conflict_scores(index, truth, [("b1-c0000.0", "a1-c0000.0", "number")])
    assert (right["found"], right["false_cross_story"]) == (1, 0)
    wrong_kind = run.conflict_scores(index, truth, [("a1-c0000.0", "b1-c0000.0", "date")])
    assert wrong_kind["found"] == 0
    cross = run.conflict_scores(index, truth, [("a1-c0000.0", "c1-c0000.0", "number")])
    assert (cross["found"], cross["false_cross_story"]) == (0, 1)


def test_all_pairs_finds_every_blocked_pair(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    _, db, truth = tiny
    res = run.compare_blocking(db, truth)
    blocked, full = res["blocked"], res["all_pairs"]
    # Same similarity and threshold: every pair blocking keeps, all pairs keeps too.
    assert res["blocked_pairs_missing_from_all_pairs"] == 0
    assert full["pairs_at_threshold"] >= blocked["pairs_at_threshold"]
    assert _in_unit(res["pair_recall"])
    assert full["cross_pairs"] >= blocked["candidate_pairs"]
    assert full["rescored"] <= full["token_set_scored"] <= full["cross_pairs"]
    for side in (blocked, full):
        assert _in_unit(side["grouping"]["recall"]) and side["seconds"] > 0
    assert res["time_ratio"] > 0
    assert res["recall_fraction"] is None or res["recall_fraction"] >= 0


def test_all_pairs_scores_equal_similarity(tiny: tuple[Path, Path, dict[str, Any]]) -> None:
    _, db, _ = tiny
    sdb = run.sqlite_utils.Database(db)
    claims = run.load_claims(sdb)[:300]
    sdb.close()
    run.cmp._prepare(claims)
    affinity = run.cmp.StoryAffinity(claims)
    scored, stats = run.all_pair_scores(claims, affinity, 0.52, cells=5000)
    assert stats["cross_pairs"] > 0
    for s, i, j in scored:
        assert i < j and claims[i].article_id != claims[j].article_id
        assert s == run.cmp.similarity(claims[i], claims[j])
        assert s >= 0.52 * 0.85


def test_story_benchmark_bcubed_and_event_split() -> None:
    bench = _load("stories")
    gold = {"a": "e1", "b": "e1", "c": "e2"}
    assert bench.bcubed({"a": "s", "b": "s", "c": "t"}, gold, gold) == (1.0, 1.0)
    p, r = bench.bcubed({"a": "s", "b": "s", "c": "s"}, gold, gold)  # all merged
    assert (round(p, 4), r) == (round(5 / 9, 4), 1.0)
    p, r = bench.bcubed({"a": "s", "b": "t", "c": "u"}, gold, gold)  # all split
    assert (p, round(r, 4)) == (1.0, round(2 / 3, 4))
    parts = {bench.part_of(f"gva-{i}") for i in range(20)}
    assert parts == {"tune", "held-out"}
    assert bench.part_of("gva-7") == bench.part_of("gva-7")
