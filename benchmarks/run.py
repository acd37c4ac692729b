"""claimcheck benchmark suite: speed, scaling and accuracy in one run.

Usage::

    .venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000,30000] [--out benchmarks/out]

What it measures (all on the machine it runs on, in one run):

1. Real text: ingest throughput of the gun-violence corpus with ``jobs=1`` and ``jobs=2``
   (MB of article text per wall-clock second) and the ``diff`` time on that database.
2. Generated corpora (``benchmarks/generate_corpus.py``) at several sizes: ingest time
   (``jobs=2``), diff time and peak RSS (diff runs in a child process), claims, candidate pairs,
   the log-log growth exponent of diff time, planted-conflict recall, false alarms and
   grouping recall against the generator's truth file.
3. An all-pairs baseline: every cross-article claim pair scored with the same
   :func:`claimcheck.compare.similarity` and clustered with the same
   :func:`claimcheck.compare.cluster`, against the blocked candidate pairs.

Results go to ``<out>/results.json`` and a table on standard output; the plot goes to
``benchmarks/scaling.png`` when matplotlib is installed (skipped with a note otherwise).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import sqlite_utils  # noqa: E402
from generate_corpus import generate  # noqa: E402

import claimcheck  # noqa: E402
from claimcheck import compare as cmp  # noqa: E402
from claimcheck.compare.groups import anchors, anchors_match, assign_stories  # noqa: E402
from claimcheck.compare.stories import find_stories  # noqa: E402
from claimcheck.differ import load_claims  # noqa: E402

REAL_CORPUS = Path("/work/shared/corpora/gunviolence.jsonl")
DEFAULT_SIZES = (1000, 10000, 30000)
QUICK_SIZES = (200, 1000)
BASELINE_SIZES = (1000, 5000)
QUICK_BASELINE_SIZES = (200,)
#: The all-pairs baseline is skipped when its estimated time exceeds this many seconds.
BASELINE_BUDGET = 900.0
#: ``diff`` at a size is skipped (ingest still measured) when its estimate exceeds this.
DIFF_BUDGET = 1200.0
SEED = 0
CONFLICT_RATE = 0.2

Scored = list[tuple[float, int, int]]


# --- small helpers ------------------------------------------------------------------------


def log(msg: str) -> None:
    """Progress on standard error, so that the table on standard output stays clean.

    :param msg: the line to print
    """
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> None:
    """Write records as JSON Lines.

    :param records: JSON-ready dicts
    :param path: output file
    """
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def fresh(path: Path) -> Path:
    """Remove a database and its side files so a run starts empty.

    :param path: the SQLite file
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def loglog_slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of log(y) against log(x): the growth exponent.

    :param xs: sizes
    :param ys: measurements (positive)
    """
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    if den == 0:
        return None
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den


# --- ingest and diff ----------------------------------------------------------------------


def measure_ingest(paths: Sequence[str], db: Path, jobs: int) -> dict[str, Any]:
    """Ingest into a fresh database; wall time and MB/s of article text.

    :param paths: input files
    :param db: database path (replaced)
    :param jobs: worker processes
    """
    fresh(db)
    t0 = time.perf_counter()
    res = claimcheck.ingest(list(paths), db, jobs=jobs)
    seconds = time.perf_counter() - t0
    mb = res.bytes / 1e6
    return {
        "jobs": jobs, "articles": res.articles, "sentences": res.sentences, "claims": res.claims,
        "mb": mb, "seconds": seconds, "mb_per_s": mb / seconds if seconds else 0.0,
    }


def _tree_pss_kb(pid: int) -> int:
    """Proportional set size of a process and its descendants (KiB; Linux ``/proc``): pages
    that forked workers share with their parent count once in all, not once per process."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return total


def _diff_worker(db: str, jobs: int = 1) -> None:
    """Child-process body: run diff, print one JSON line with its time and peak RSS (and with
    worker processes, the peak PSS of the process tree, sampled twice a second)."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], _tree_pss_kb(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    if jobs > 1:
        sampler.start()
    t0 = time.perf_counter()
    res = claimcheck.diff(db, jobs=jobs)  # engine "auto": the stream engine on large corpora
    seconds = time.perf_counter() - t0
    done.set()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    con = sqlite3.connect(db)
    try:
        row = con.execute(
            "SELECT options FROM runs WHERE command = 'diff' ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    engine = json.loads(row[0] or "{}").get("engine", "default") if row else "default"
    print(json.dumps({
        "seconds": seconds, "claims": res.claims_compared, "candidate_pairs": res.candidate_pairs,
        "groups": len(res.groups), "conflicts": len(res.conflicts), "peak_rss_mb": rss_kb / 1024,
        "engine": engine, "jobs": jobs,
        **({"peak_tree_pss_mb": peak[0] / 1024} if jobs > 1 else {}),
    }))


#: Worker processes for diff's stream blocks (``--diff-jobs``).
DIFF_JOBS = 1


def measure_diff(db: Path) -> dict[str, Any]:
    """Run ``claimcheck.diff`` in a child process: time, peak RSS, claims, pairs.

    :param db: an ingested database
    """
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--diff-worker", str(db),
         "--diff-jobs", str(DIFF_JOBS)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"diff worker failed:\n{proc.stderr[-2000:]}")
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


# --- truth matching -----------------------------------------------------------------------


@dataclass(slots=True)
class TruthIndex:
    """The generator's truth mapped onto stored claim ids."""

    story_of: dict[str, str]  # stored article id -> story id
    db_id: dict[str, str]  # generator article id -> stored article id
    text: dict[str, str]  # stored article id -> text
    claims_of: dict[str, list[tuple[str, int, int]]]  # stored article id -> (claim, start, end)
    planted: set[str] = field(default_factory=set)  # stories with a planted conflict
    _cache: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    def sentence_claims(self, gen_article: str, sentence: str) -> frozenset[str]:
        """Stored claims that overlap a truth sentence of an article.

        :param gen_article: the generator's article id
        :param sentence: the sentence as the generator rendered it
        """
        key = (gen_article, sentence)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        aid = self.db_id.get(gen_article)
        found: set[str] = set()
        if aid is not None:
            text = self.text[aid]
            start = text.find(sentence)
            while start >= 0:
                end = start + len(sentence)
                found.update(c for c, s, e in self.claims_of.get(aid, ()) if s < end and e > start)
                start = text.find(sentence, end)
        out = frozenset(found)
        self._cache[key] = out
        return out


def build_truth_index(db: Path, truth: dict[str, Any]) -> TruthIndex:
    """Map the truth file's articles and sentences onto a database made from its corpus.

    :param db: the ingested database
    :param truth: the generator's truth dict
    """
    con = sqlite3.connect(db)
    try:
        db_id: dict[str, str] = {}
        text: dict[str, str] = {}
        for aid, ext, body in con.execute("SELECT id, external_id, text FROM articles"):
            if ext is not None:
                db_id[ext] = aid
            text[aid] = body
        claims_of: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for cid, aid, s, e in con.execute("SELECT id, article_id, start, end FROM claims"):
            claims_of[aid].append((cid, s, e))
    finally:
        con.close()
    story_of = {
        db_id[a]: sid for sid, st in truth["stories"].items() for a in st["articles"] if a in db_id
    }
    planted = {c["story"] for c in truth["conflicts"]}
    return TruthIndex(story_of, db_id, text, dict(claims_of), planted)


def grouping_recall(index: TruthIndex, truth: dict[str, Any], group_of: dict[str, str]) -> dict[str, Any]:
    """Pairs of truth sentences stating one fact in two articles that land in one group.

    A pair counts as found when some claim of one sentence and some claim of the other share
    a group.

    :param index: the truth index
    :param truth: the truth dict
    :param group_of: stored claim id -> group id
    """
    total = found = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for story in truth["stories"].values():
        for fname, stated in story["facts"].items():
            kind = story["kinds"].get(fname, "?")
            groups = [
                (a, {group_of[c] for c in index.sentence_claims(a, s) if c in group_of})
                for a, s in stated
            ]
            for x in range(len(groups)):
                for y in range(x + 1, len(groups)):
                    if groups[x][0] == groups[y][0]:
                        continue
                    total += 1
                    hit = bool(groups[x][1] & groups[y][1])
                    found += hit
                    by_kind[kind][0] += hit
                    by_kind[kind][1] += 1
    return {
        "pairs": total, "found": found, "recall": found / total if total else 0.0,
        "by_kind": {k: v[0] / v[1] for k, v in sorted(by_kind.items()) if v[1]},
    }


def conflict_scores(
    index: TruthIndex, truth: dict[str, Any], reported: Sequence[tuple[str, str, str]]
) -> dict[str, Any]:
    """Planted-conflict recall and false alarms of reported conflicts.

    A planted conflict is found when one reported conflict of the same kind joins a claim of
    its sentence in article A and a claim of its sentence in article B. False alarms are
    reported conflicts between articles of different stories, and conflicts inside stories
    that had nothing planted.

    :param index: the truth index
    :param truth: the truth dict
    :param reported: (claim_a, claim_b, kind) of every reported conflict
    """
    def article(claim_id: str) -> str:
        return claim_id.split("-c", 1)[0]

    by_articles: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    cross_story = unplanted = 0
    for ca, cb, kind in reported:
        aa, ab = article(ca), article(cb)
        by_articles[frozenset((aa, ab))].append((ca, cb, kind))
        sa, sb = index.story_of.get(aa), index.story_of.get(ab)
        if sa != sb:
            cross_story += 1
        elif sa not in index.planted:
            unplanted += 1
    found = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for conf in truth["conflicts"]:
        ia, ib = index.db_id.get(conf["article_a"], ""), index.db_id.get(conf["article_b"], "")
        claims_a = index.sentence_claims(conf["article_a"], conf["sentence_a"])
        claims_b = index.sentence_claims(conf["article_b"], conf["sentence_b"])
        hit = any(
            kind == conf["kind"]
            and ((ca in claims_a and cb in claims_b) or (cb in claims_a and ca in claims_b))
            for ca, cb, kind in by_articles.get(frozenset((ia, ib)), ())
        )
        found += hit
        by_kind[conf["kind"]][0] += hit
        by_kind[conf["kind"]][1] += 1
    planted = len(truth["conflicts"])
    return {
        "planted": planted, "found": found, "recall": found / planted if planted else 0.0,
        "by_kind": {k: v[0] / v[1] for k, v in sorted(by_kind.items()) if v[1]},
        "reported": len(reported), "false_cross_story": cross_story,
        "false_unplanted_story": unplanted,
    }


def stored_result(db: Path) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Group membership and conflicts that ``diff`` stored.

    :param db: a database after ``diff``
    """
    con = sqlite3.connect(db)
    try:
        group_of = {c: g for g, c in con.execute("SELECT group_id, claim_id FROM group_claims")}
        conflicts = [
            (a, b, k) for a, b, k in con.execute("SELECT claim_a, claim_b, kind FROM conflicts")
        ]
    finally:
        con.close()
    return group_of, conflicts


# --- blocked vs all pairs -----------------------------------------------------------------


def _keeper(
    claims: Sequence[cmp.ClaimRecord], affinity: cmp.StoryAffinity, threshold: float
) -> Callable[[float, int, int], bool]:
    """The pair filter of :func:`claimcheck.compare.find_groups` after scoring (with the
    claims' stories assigned, as ``diff`` runs it: across stories only claims whose anchors
    match)."""
    floor = threshold * 0.85
    pins: dict[int, frozenset[str]] = {}

    def pinned(i: int) -> frozenset[str]:
        hit = pins.get(i)
        if hit is None:
            hit = pins[i] = anchors(claims[i])
        return hit

    def keep(s: float, i: int, j: int) -> bool:
        if s < floor:
            return False
        same = claims[i].story_id == claims[j].story_id
        if not same and not anchors_match(pinned(i), pinned(j)):
            return False
        return not (
            not same and s < cmp.VERBATIM
            and affinity(claims[i].article_id, claims[j].article_id) < cmp.STORY_AFFINITY
        )

    return keep


def blocked_scores(
    claims: Sequence[cmp.ClaimRecord], affinity: cmp.StoryAffinity, threshold: float
) -> tuple[Scored, int]:
    """Score the blocked candidate pairs as ``find_groups`` does.

    :param claims: prepared claims
    :param affinity: story affinity of the same claims
    :param threshold: grouping threshold
    :returns: kept scored pairs and the number of candidate pairs
    """
    keep = _keeper(claims, affinity, threshold)
    pairs = cmp.candidate_pairs(claims)
    scored: Scored = []
    for i, j in pairs:
        s = cmp.similarity(claims[i], claims[j])
        if keep(s, i, j):
            scored.append((s, i, j))
    return scored, len(pairs)


def all_pair_scores(
    claims: Sequence[cmp.ClaimRecord],
    affinity: cmp.StoryAffinity,
    threshold: float,
    *,
    workers: int = 2,
    cells: int = 6_000_000,
) -> tuple[Scored, dict[str, int]]:
    """Score every cross-article pair with :func:`claimcheck.compare.similarity` (exactly).

    The similarity is ``0.35 token_set + 0.25 token_sort + 0.25 word Jaccard + 0.15 entity
    Jaccard``. For all pairs, token_sort (rapidfuzz ``cdist``) and both Jaccards (posting-list
    counts in numpy) are computed in bulk; token_set, the slow part, only for pairs whose score
    could still reach the cutoff with token_set = 1. Survivors are re-scored with
    ``similarity()`` itself, so the result is exact, not an approximation.

    :param claims: prepared claims
    :param affinity: story affinity of the same claims
    :param threshold: grouping threshold
    :param workers: rapidfuzz worker threads
    :param cells: matrix cells per chunk (memory bound)
    :raises ModuleNotFoundError: numpy is not installed
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    keep = _keeper(claims, affinity, threshold)
    cutoff = threshold * 0.85 - 1e-4  # float32 margin; exact scores decide below
    n = len(claims)
    masked = np.array([c.masked for c in claims], dtype=object)
    art_ids: dict[str, int] = {}
    art = np.array([art_ids.setdefault(c.article_id, len(art_ids)) for c in claims], dtype=np.int32)

    def postings(sets: list[set[str]]) -> tuple[list[list[int]], dict[int, Any]]:
        ids: dict[str, int] = {}
        rows = [[ids.setdefault(k, len(ids)) for k in s] for s in sets]
        lists: dict[int, list[int]] = defaultdict(list)
        for i, row in enumerate(rows):
            for k in row:
                lists[k].append(i)
        return rows, {k: np.array(v, dtype=np.int64) for k, v in lists.items()}

    ents = [{s.entity_id for s in c.slots if s.entity_id} for c in claims]
    word_rows, word_post = postings([c.words for c in claims])
    ent_rows, ent_post = postings(ents)
    wlen = np.array([len(c.words) for c in claims], dtype=np.float32)
    elen = np.array([len(e) for e in ents], dtype=np.float32)

    def counts(rows: list[list[int]], post: dict[int, Any], a: int, b: int) -> Any:
        out = np.zeros((b - a, n - a), dtype=np.float32)
        for i in range(a, b):
            for k in rows[i]:
                p = post[k]
                p = p[np.searchsorted(p, i + 1):]
                if len(p):
                    out[i - a, p - a] += 1
        return out

    scored: Scored = []
    stats = {"cross_pairs": 0, "token_set_scored": 0, "rescored": 0}
    a = 0
    while a < n:
        b = min(n, a + max(1, cells // max(1, n - a)))
        sort = process.cdist(
            list(masked[a:b]), list(masked[a:]), scorer=fuzz.token_sort_ratio,
            dtype=np.float32, workers=workers,
        ) / 100.0
        wi = counts(word_rows, word_post, a, b)
        wu = wlen[a:b, None] + wlen[None, a:] - wi
        wo = np.divide(wi, wu, out=np.zeros_like(wi), where=wu > 0)
        ei = counts(ent_rows, ent_post, a, b)
        eu = elen[a:b, None] + elen[None, a:] - ei
        eo = np.divide(ei, eu, out=np.full_like(ei, 0.5), where=eu > 0)
        partial = 0.25 * sort + 0.25 * wo + 0.15 * eo
        del sort, wi, wu, wo, ei, eu, eo
        upper = np.arange(a, n)[None, :] > np.arange(a, b)[:, None]
        cross = art[a:b, None] != art[None, a:]
        valid = upper & cross
        stats["cross_pairs"] += int(valid.sum())
        cand = valid & (partial + 0.35 >= cutoff)
        ri, ci = np.nonzero(cand)
        stats["token_set_scored"] += len(ri)
        if len(ri):
            tset = process.cpdist(
                list(masked[ri + a]), list(masked[ci + a]), scorer=fuzz.token_set_ratio,
                dtype=np.float32, workers=workers,
            )
            approx = partial[ri, ci] + 0.35 * tset / 100.0
            sel = approx >= cutoff
            for i, j in zip((ri[sel] + a).tolist(), (ci[sel] + a).tolist(), strict=True):
                stats["rescored"] += 1
                s = cmp.similarity(claims[i], claims[j])
                if keep(s, i, j):
                    scored.append((s, i, j))
        a = b
    return scored, stats


def cluster_groups(
    claims: Sequence[cmp.ClaimRecord], scored: Scored, threshold: float
) -> list[list[int]]:
    """Clusters of :func:`claimcheck.compare.cluster` that span two or more articles.

    :param claims: prepared claims
    :param scored: kept scored pairs
    :param threshold: grouping threshold
    """
    clusters = cmp.cluster(len(claims), scored, [c.article_id for c in claims], threshold)
    return [m for m in clusters if len({claims[i].article_id for i in m}) >= 2]


def compare_blocking(
    db: Path, truth: dict[str, Any], *, threshold: float = cmp.DEFAULT_THRESHOLD,
    run_baseline: bool = True,
) -> dict[str, Any]:
    """Blocked candidate pairs against all pairs: time, pairs and grouping recall.

    Both use the same prepared claims, story affinity, similarity, pair filter and clustering;
    only the choice of pairs differs. Loading, preparing and the affinity index are shared and
    not timed.

    :param db: an ingested database
    :param truth: the generator's truth dict
    :param threshold: grouping threshold
    :param run_baseline: also run the all-pairs baseline
    """
    sdb = sqlite_utils.Database(db)
    try:
        claims = load_claims(sdb)
    finally:
        sdb.close()
    cmp._prepare(claims)
    # stories first, as diff does: blocking keys of content words are scoped to a story
    con = sqlite3.connect(db)
    try:
        articles = list(con.execute("SELECT id, title, outlet, published FROM articles ORDER BY rowid"))
    finally:
        con.close()
    story_of, _ = find_stories(claims, articles)
    assign_stories(claims, story_of)
    affinity = cmp.StoryAffinity(claims)
    index = build_truth_index(db, truth)
    keep_threshold_pairs: dict[str, set[tuple[int, int]]] = {}
    out: dict[str, Any] = {"claims": len(claims), "threshold": threshold}

    def evaluate(name: str, scored: Scored, seconds: float, extra: dict[str, Any]) -> None:
        t0 = time.perf_counter()
        groups = cluster_groups(claims, scored, threshold)
        seconds += time.perf_counter() - t0
        group_of = {claims[i].id: str(g) for g, members in enumerate(groups) for i in members}
        keep_threshold_pairs[name] = {(i, j) for s, i, j in scored if s >= threshold}
        out[name] = {
            "seconds": seconds, "scored_pairs": len(scored),
            "pairs_at_threshold": len(keep_threshold_pairs[name]), "groups": len(groups),
            "grouping": grouping_recall(index, truth, group_of), **extra,
        }

    t0 = time.perf_counter()
    scored, n_pairs = blocked_scores(claims, affinity, threshold)
    evaluate("blocked", scored, time.perf_counter() - t0, {"candidate_pairs": n_pairs})
    if run_baseline:
        t0 = time.perf_counter()
        scored, stats = all_pair_scores(claims, affinity, threshold)
        evaluate("all_pairs", scored, time.perf_counter() - t0, stats)
        blocked, full = keep_threshold_pairs["blocked"], keep_threshold_pairs["all_pairs"]
        out["blocked_pairs_missing_from_all_pairs"] = len(blocked - full)
        out["pair_recall"] = len(blocked & full) / len(full) if full else 1.0
        out["time_ratio"] = out["all_pairs"]["seconds"] / max(out["blocked"]["seconds"], 1e-9)
        base = out["all_pairs"]["grouping"]["recall"]
        out["recall_fraction"] = out["blocked"]["grouping"]["recall"] / base if base else None
    return out


# --- the run ------------------------------------------------------------------------------


def corpus(n: int, work: Path) -> tuple[Path, dict[str, Any]]:
    """Generate (or reuse) a corpus of ``n`` articles and its truth.

    :param n: articles
    :param work: output folder
    """
    path = work / f"corpus-{n}.jsonl"
    truth_path = work / f"truth-{n}.json"
    if path.exists() and truth_path.exists():
        truth: dict[str, Any] = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("n_articles") == n and truth.get("seed") == SEED:
            return path, truth
    records, truth = generate(n, SEED, CONFLICT_RATE)
    write_jsonl(records, path)
    truth_path.write_text(json.dumps(truth), encoding="utf-8")
    return path, truth


def bench_real(work: Path) -> dict[str, Any] | None:
    """Ingest the real corpus with one and two jobs, then diff it.

    :param work: output folder
    """
    if not REAL_CORPUS.exists():
        log(f"SKIP real-text benchmark: {REAL_CORPUS} not found")
        return None
    out: dict[str, Any] = {"corpus": str(REAL_CORPUS)}
    db = work / "real.db"
    for jobs in (1, 2):
        log(f"real corpus: ingest jobs={jobs}")
        out[f"ingest_jobs{jobs}"] = measure_ingest([str(REAL_CORPUS)], db, jobs)
    log("real corpus: diff")
    out["diff"] = measure_diff(db)
    return out


def estimate_diff(done: Sequence[dict[str, Any]], n: int) -> float | None:
    """Diff seconds at ``n`` articles, extrapolated from the sizes measured so far.

    :param done: per-size results measured so far
    :param n: articles
    """
    pts = [(s["articles"], s["diff"]["seconds"]) for s in done if s.get("diff")]
    if len(pts) < 2:
        return None  # one point says nothing about growth: measure rather than guess
    exp = loglog_slope([p[0] for p in pts], [p[1] for p in pts])
    if exp is None:
        return None
    last_n, last_t = pts[-1]
    return float(last_t * (n / last_n) ** exp)


def bench_size(
    n: int, work: Path, done: Sequence[dict[str, Any]] = (), diff_budget: float = DIFF_BUDGET
) -> dict[str, Any]:
    """Generated corpus of ``n`` articles: ingest, diff, accuracy.

    :param n: articles
    :param work: output folder
    :param done: results of the smaller sizes (for the diff time estimate)
    :param diff_budget: skip diff when its estimate exceeds this many seconds
    """
    log(f"size {n}: generate")
    path, truth = corpus(n, work)
    db = work / f"gen-{n}.db"
    log(f"size {n}: ingest jobs=2")
    ing = measure_ingest([str(path)], db, 2)
    out: dict[str, Any] = {"articles": n, "stories": len(truth["stories"]), "ingest": ing}
    estimate = estimate_diff(done, n)
    if estimate is not None and estimate > diff_budget:
        log(f"SKIP diff at {n} articles: estimated {estimate:.0f} s > budget {diff_budget:.0f} s")
        out.update(diff=None, diff_estimate_seconds=estimate, grouping=None, conflicts=None)
        return out
    log(f"size {n}: diff (child process)")
    out["diff"] = measure_diff(db)
    index = build_truth_index(db, truth)
    group_of, conflicts = stored_result(db)
    out["grouping"] = grouping_recall(index, truth, group_of)
    out["conflicts"] = conflict_scores(index, truth, conflicts)
    return out


def bench_baselines(sizes: Sequence[int], work: Path) -> list[dict[str, Any]]:
    """Blocked vs all-pairs at each size; later sizes are skipped when too slow.

    :param sizes: article counts
    :param work: output folder
    """
    try:
        import numpy  # noqa: F401
    except ModuleNotFoundError:
        log("SKIP all-pairs baseline: numpy is not installed (rapidfuzz cdist needs it)")
        return []
    out: list[dict[str, Any]] = []
    prev: tuple[int, float] | None = None  # (claims, seconds) of the last baseline
    for n in sizes:
        path, truth = corpus(n, work)
        db = work / f"gen-{n}.db"
        if not db.exists():
            log(f"baseline {n}: ingest jobs=2")
            measure_ingest([str(path)], db, 2)
        run = True
        if prev is not None:
            con = sqlite3.connect(db)
            n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
            con.close()
            estimate = prev[1] * (n_claims / prev[0]) ** 2
            if estimate > BASELINE_BUDGET:
                log(f"SKIP all-pairs baseline at {n} articles: estimated {estimate:.0f} s "
                    f"(quadratic from the previous size) > budget {BASELINE_BUDGET:.0f} s")
                run = False
        log(f"baseline {n}: blocked{' and all pairs' if run else ' only'}")
        res = compare_blocking(db, truth, run_baseline=run)
        res["articles"] = n
        res["all_pairs_skipped"] = not run
        if run:
            prev = (res["claims"], res["all_pairs"]["seconds"])
        out.append(res)
    return out


def summarise(results: dict[str, Any]) -> str:
    """The results as plain-text tables.

    :param results: everything measured
    """
    lines: list[str] = []
    real = results.get("real")
    if real:
        lines.append(f"Real text: {real['corpus']}")
        for jobs in (1, 2):
            r = real[f"ingest_jobs{jobs}"]
            lines.append(
                f"  ingest jobs={jobs}: {r['articles']} articles, {r['mb']:.2f} MB, "
                f"{r['seconds']:.1f} s, {r['mb_per_s']:.2f} MB/s"
            )
        d = real["diff"]
        lines.append(
            f"  diff: {d['claims']} claims, {d['candidate_pairs']} candidate pairs, "
            f"{d['seconds']:.1f} s, peak RSS {d['peak_rss_mb']:.0f} MB"
        )
        lines.append("")
    sizes = results.get("sizes", [])
    if sizes:
        lines.append("Generated corpus (seed 0, conflict rate 0.2)")
        head = (
            f"{'articles':>8} {'MB':>6} {'ingest s':>8} {'MB/s':>5} {'claims':>8} {'pairs':>9} "
            f"{'diff s':>7} {'RSS MB':>7} {'group R':>7} {'confl R':>7} {'reported':>8} "
            f"{'x-story':>7} {'unplant':>7}"
        )
        lines.append(head)
        for s in sizes:
            i, d, g, c = s["ingest"], s["diff"], s["grouping"], s["conflicts"]
            if d is None:
                lines.append(
                    f"{s['articles']:>8} {i['mb']:>6.1f} {i['seconds']:>8.1f} {i['mb_per_s']:>5.2f} "
                    f"{i['claims']:>8} {'-':>9} {'skipped':>7}  (diff estimated "
                    f"{s['diff_estimate_seconds']:.0f} s, over budget)"
                )
                continue
            lines.append(
                f"{s['articles']:>8} {i['mb']:>6.1f} {i['seconds']:>8.1f} {i['mb_per_s']:>5.2f} "
                f"{d['claims']:>8} {d['candidate_pairs']:>9} {d['seconds']:>7.1f} "
                f"{d['peak_rss_mb']:>7.0f} {g['recall']:>7.3f} "
                f"{c['found']:>3}/{c['planted']:<3} {c['reported']:>8} "
                f"{c['false_cross_story']:>7} {c['false_unplanted_story']:>7}"
                + (f"  ({d['engine']} engine)" if d.get("engine", "default") != "default" else "")
                + (f" ({d['jobs']} jobs: tree PSS {d['peak_tree_pss_mb']:.0f} MB)"
                   if "peak_tree_pss_mb" in d else "")
            )
        exp = results.get("exponents", {})
        for key, label in (("diff_seconds", "diff time"), ("ingest_seconds", "ingest time"),
                           ("candidate_pairs", "candidate pairs"), ("peak_rss_mb", "diff peak RSS")):
            if exp.get(key) is not None:
                lines.append(f"  growth exponent of {label} vs articles: {exp[key]:.2f}")
        extra = results.get("extrapolation")
        if extra:
            parts = [f"{k.split('_')[0]} ~{extra[k]:.0f} s"
                     for k in ("ingest_seconds", "diff_seconds") if k in extra]
            lines.append(
                f"  EXTRAPOLATION (not measured) to {extra['articles']} articles: "
                + ", ".join(parts)
            )
        lines.append("")
    base = results.get("baselines", [])
    if base:
        lines.append("Blocked candidate pairs vs all pairs (same similarity, filter, clustering)")
        lines.append(
            f"{'articles':>8} {'claims':>7} {'blocked s':>9} {'all s':>8} {'ratio':>6} "
            f"{'blk R':>6} {'all R':>6} {'R frac':>6} {'pair R':>6} {'missing':>7}"
        )
        for b in base:
            bl = b["blocked"]
            if b["all_pairs_skipped"]:
                lines.append(
                    f"{b['articles']:>8} {b['claims']:>7} {bl['seconds']:>9.1f} {'skipped':>8} "
                    f"{'':>6} {bl['grouping']['recall']:>6.3f}"
                )
                continue
            ap = b["all_pairs"]
            frac = b["recall_fraction"]
            lines.append(
                f"{b['articles']:>8} {b['claims']:>7} {bl['seconds']:>9.1f} {ap['seconds']:>8.1f} "
                f"{b['time_ratio']:>6.1f} {bl['grouping']['recall']:>6.3f} "
                f"{ap['grouping']['recall']:>6.3f} {(frac if frac is not None else 0):>6.3f} "
                f"{b['pair_recall']:>6.3f} {b['blocked_pairs_missing_from_all_pairs']:>7}"
            )
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> bool:
    """Log-log plot of ingest and diff time (and peak RSS) against articles.

    :param results: everything measured
    :param path: the PNG to write
    :returns: False when matplotlib is missing
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ModuleNotFoundError:
        return False
    sizes = results.get("sizes", [])
    if not sizes:
        return False
    xs = [s["articles"] for s in sizes]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    ax1.plot(xs, [s["ingest"]["seconds"] for s in sizes], "o-", label="ingest (jobs=2)")
    measured = [s for s in sizes if s["diff"]]
    xs = [s["articles"] for s in measured]
    ax1.plot(xs, [s["diff"]["seconds"] for s in measured], "o-", label="diff")
    exp = results.get("exponents", {})
    if exp.get("diff_seconds") is not None:
        ax1.set_title(f"time (diff exponent {exp['diff_seconds']:.2f})")
    else:
        ax1.set_title("time")
    base = [b for b in results.get("baselines", []) if not b["all_pairs_skipped"]]
    if base:
        ax1.plot([b["articles"] for b in base], [b["all_pairs"]["seconds"] for b in base], "s--",
                 label="all-pairs scoring + clustering")
        ax1.plot([b["articles"] for b in base], [b["blocked"]["seconds"] for b in base], "s:",
                 label="blocked scoring + clustering")
    ax1.set_xscale("log")
    ax1.set_yscale("log")
    ax1.set_xlabel("articles")
    ax1.set_ylabel("seconds")
    ax1.legend(fontsize=8)
    ax1.grid(True, which="both", alpha=0.3)
    ax2.plot(xs, [s["grouping"]["recall"] for s in measured], "o-", label="grouping recall")
    ax2.plot(xs, [s["conflicts"]["recall"] for s in measured], "o-",
             label="planted-conflict recall")
    ax2.set_xscale("log")
    ax2.set_ylim(0, 1)
    ax2.set_xlabel("articles")
    ax2.set_title("accuracy vs size")
    ax2.grid(True, which="both", alpha=0.3)
    ax3 = ax2.twinx()
    ax3.plot(xs, [s["diff"]["peak_rss_mb"] for s in measured], "k^--",
             label="diff peak RSS (MB)")
    ax3.set_ylabel("MB")
    h1, l1 = ax2.get_legend_handles_labels()
    h2, l2 = ax3.get_legend_handles_labels()
    ax2.legend(h1 + h2, l1 + l2, fontsize=8, loc="lower left")
    fig.suptitle(f"claimcheck scaling, {results['machine']['cpus']} CPUs, {results['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def run(
    sizes: Sequence[int], baseline_sizes: Sequence[int], work: Path, *, real: bool = True,
    plot_path: Path | None = None, diff_budget: float = DIFF_BUDGET,
) -> dict[str, Any]:
    """Measure everything and return the results dict (also written to ``results.json``).

    :param sizes: generated corpus sizes
    :param baseline_sizes: sizes for the all-pairs baseline
    :param work: output folder (corpora, databases, results.json)
    :param real: also benchmark the real corpus
    :param plot_path: where to write the plot, or None for no plot
    :param diff_budget: skip diff at a size whose estimated diff time exceeds this (seconds)
    """
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "claimcheck": claimcheck.__version__,
    }
    if real:
        results["real"] = bench_real(work)
    done: list[dict[str, Any]] = []
    for n in sizes:
        done.append(bench_size(n, work, done, diff_budget))
    results["sizes"] = done
    if len(done) >= 2:
        xs = [s["articles"] for s in done]
        dd = [s for s in done if s["diff"]]
        dx = [s["articles"] for s in dd]
        results["exponents"] = {
            "ingest_seconds": loglog_slope(xs, [s["ingest"]["seconds"] for s in done]),
            "diff_seconds": loglog_slope(dx, [s["diff"]["seconds"] for s in dd]),
            "candidate_pairs": loglog_slope(dx, [s["diff"]["candidate_pairs"] for s in dd]),
            "peak_rss_mb": loglog_slope(dx, [s["diff"]["peak_rss_mb"] for s in dd]),
        }
        e = results["exponents"]
        target = 100_000
        extra: dict[str, Any] = {"articles": target, "measured": False}
        if done[-1]["articles"] < target and e["ingest_seconds"] is not None:
            last = done[-1]
            extra["ingest_seconds"] = (
                last["ingest"]["seconds"] * (target / last["articles"]) ** e["ingest_seconds"]
            )
        if dd and e["diff_seconds"] is not None:
            last = dd[-1]
            extra["diff_seconds"] = (
                last["diff"]["seconds"] * (target / last["articles"]) ** e["diff_seconds"]
            )
        if len(extra) > 2:
            results["extrapolation"] = extra
    results["baselines"] = bench_baselines(baseline_sizes, work)
    results["total_seconds"] = time.perf_counter() - started
    (work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    if plot_path is not None:
        if plot(results, plot_path):
            results["plot"] = str(plot_path)
        else:
            log("SKIP plot: matplotlib is not installed (pip install matplotlib to get it)")
    return results


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point.

    :param argv: arguments (defaults to ``sys.argv[1:]``)
    :returns: exit code
    """
    ap = argparse.ArgumentParser(description="claimcheck benchmark suite")
    ap.add_argument("--quick", action="store_true", help="sizes 200,1000; baseline at 200")
    ap.add_argument("--sizes", help="comma-separated article counts, e.g. 1000,10000,30000")
    ap.add_argument("--with-100k", action="store_true",
                    help="add 100,000 articles to the sizes and allow its diff an hour (~1 h "
                         "of ingest and diff on two cores)")
    ap.add_argument("--baseline-sizes", help="comma-separated sizes for the all-pairs baseline")
    ap.add_argument("--no-real", action="store_true", help="skip the real-text benchmark")
    ap.add_argument("--diff-budget", type=float, default=DIFF_BUDGET,
                    help="skip diff at sizes whose estimated diff time exceeds this (seconds)")
    ap.add_argument("--out", default=str(HERE / "out"), help="output folder")
    ap.add_argument("--plot", default=str(HERE / "scaling.png"), help="plot file")
    ap.add_argument("--diff-jobs", type=int, default=1,
                    help="worker processes for diff's stream blocks (diff --jobs); with more "
                         "than one, the peak PSS of the process tree is reported too")
    ap.add_argument("--diff-worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.diff_worker:
        _diff_worker(args.diff_worker, args.diff_jobs)
        return 0
    global DIFF_JOBS
    DIFF_JOBS = args.diff_jobs
    sizes: tuple[int, ...] = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if args.sizes:
        sizes = tuple(int(x) for x in args.sizes.split(",") if x.strip())
    budget = args.diff_budget
    if args.with_100k:
        sizes = (*(x for x in sizes if x < 100_000), 100_000)
        budget = max(budget, 3600.0)
    base: tuple[int, ...] = QUICK_BASELINE_SIZES if args.quick else BASELINE_SIZES
    if args.baseline_sizes is not None:
        base = tuple(int(x) for x in args.baseline_sizes.split(",") if x.strip())
    results = run(sizes, base, Path(args.out), real=not args.no_real, plot_path=Path(args.plot),
                  diff_budget=budget)
    print(summarise(results))
    print(f"\nresults: {Path(args.out) / 'results.json'}"
          + (f"; plot: {results['plot']}" if "plot" in results else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
