"""The DuckDB engine of ``diff``: candidate pairs as a SQL self-join on the blocking keys.

The in-process engine counts shared keys in a Python ``Counter``; here the claims' keys go
to DuckDB as an Arrow table and the join, the document-frequency caps and the pair rule run
as SQL (parallel, columnar, spilling to disk when memory runs short). The pairs come back
in Arrow batches and are scored, clustered and judged by the same pure functions as the
default engine (:mod:`claimcheck.compare.groups`), so the groups and conflicts, and their
ids, are identical.

The blocking policy is not restated here: the caps per key and the numbers of the pair
rule come from :func:`claimcheck.compare.blocking.blocking_policy`, the keys from
:func:`~claimcheck.compare.blocking.blocking_keys`.

DuckDB and pyarrow are optional (``pip install 'claimcheck[duckdb]'``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .compare.affinity import StoryAffinity
from .compare.blocking import BlockingPolicy, blocking_keys, corpus_policy
from .compare.groups import assign_stories, group_scored, score_pairs
from .compare.model import ClaimRecord, Group
from .errors import InvalidOption

if TYPE_CHECKING:
    import pyarrow as pa

#: Candidate pairs are fetched and scored this many at a time.
BATCH_ROWS = 100_000

# The self-join, written once; the caps and the pair rule's numbers are parameters.
# ``claim_keys(claim, article, key)``: one row per claim and blocking key (ints);
# ``key_caps(key, cap)``: each key's posting cap from the policy.
PAIRS_SQL = """
WITH key_df AS (
    SELECT key, count(*) AS df FROM claim_keys GROUP BY key
),
kept AS (
    SELECT ck.claim, ck.article, ck.key
    FROM claim_keys AS ck
    JOIN key_df AS d ON d.key = ck.key
    JOIN key_caps AS c ON c.key = ck.key
    WHERE d.df >= 2 AND d.df <= c.cap
),
claim_size AS (
    SELECT claim, count(*) AS n_keys FROM claim_keys GROUP BY claim
),
shared AS (
    SELECT a.claim AS i, b.claim AS j, count(*) AS n
    FROM kept AS a
    JOIN kept AS b ON a.key = b.key AND a.claim < b.claim AND a.article <> b.article
    GROUP BY a.claim, b.claim
)
SELECT s.i, s.j
FROM shared AS s
JOIN claim_size AS za ON za.claim = s.i
JOIN claim_size AS zb ON zb.claim = s.j
WHERE (s.n >= $min_shared OR (s.n >= 1 AND least(za.n_keys, zb.n_keys) <= $few_keys))
  AND s.n >= $min_key_share * least(za.n_keys, zb.n_keys)
ORDER BY s.i, s.j
"""


def _require() -> tuple[Any, Any]:
    try:
        import duckdb
        import pyarrow
    except ImportError:
        raise InvalidOption(
            "--engine duckdb needs DuckDB and pyarrow; install them with "
            "pip install 'claimcheck[duckdb]'"
        ) from None
    return duckdb, pyarrow


def key_tables(
    claims: Sequence[ClaimRecord], policy: BlockingPolicy
) -> tuple[pa.Table, pa.Table]:
    """``claim_keys(claim, article, key)`` and ``key_caps(key, cap)`` as Arrow tables.

    Claims, articles and keys are numbered (claims by their position in ``claims``), so the
    join runs on integers; each distinct key's cap is asked of the policy once.
    """
    _, pa = _require()
    key_ids: dict[str, int] = {}
    article_ids: dict[str, int] = {}
    claim_col: list[int] = []
    article_col: list[int] = []
    key_col: list[int] = []
    for i, c in enumerate(claims):
        art = article_ids.setdefault(c.article_id, len(article_ids))
        for k in blocking_keys(c):
            kid = key_ids.get(k)
            if kid is None:
                kid = key_ids[k] = len(key_ids)
            claim_col.append(i)
            article_col.append(art)
            key_col.append(kid)
    claim_keys = pa.table({
        "claim": pa.array(claim_col, pa.int32()),
        "article": pa.array(article_col, pa.int32()),
        "key": pa.array(key_col, pa.int32()),
    })
    caps = pa.table({
        "key": pa.array(range(len(key_ids)), pa.int32()),
        "cap": pa.array([policy.cap(k) for k in key_ids], pa.int64()),
    })
    return claim_keys, caps


def pair_batches(
    claims: Sequence[ClaimRecord],
    *,
    policy: BlockingPolicy | None = None,
    threads: int | None = None,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[tuple[list[int], list[int]]]:
    """The candidate pairs ``(i, j)`` (positions in ``claims``, ``i < j``, ascending) found
    by DuckDB, in batches of columns ``(is, js)``. The same pairs as
    :func:`~claimcheck.compare.blocking.candidate_pairs` for the same policy."""
    duckdb, _ = _require()
    if policy is None:
        policy = corpus_policy(claims)
    claim_keys, key_caps = key_tables(claims, policy)
    con = duckdb.connect(":memory:")
    try:
        if threads is not None:
            con.execute(f"SET threads = {int(threads)}")
        con.register("claim_keys", claim_keys)
        con.register("key_caps", key_caps)
        relation = con.sql(PAIRS_SQL, params={
            "min_shared": policy.min_shared, "few_keys": policy.few_keys,
            "min_key_share": policy.min_key_share,
        })
        # DuckDB 2 calls it to_arrow_reader, 1.x fetch_arrow_reader
        fetch = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
        reader = fetch(batch_rows)
        for batch in reader:
            yield batch.column(0).to_pylist(), batch.column(1).to_pylist()
    finally:
        con.close()


def find_groups_duckdb(
    claims: list[ClaimRecord],
    *,
    threshold: float,
    min_confidence: float,
    stories: Mapping[str, str] | None,
    affinity: StoryAffinity,
    threads: int | None = None,
) -> tuple[list[Group], int]:
    """:func:`claimcheck.compare.groups.find_groups` with the candidate pairs from DuckDB,
    scored batch by batch (``claims`` already prepared)."""
    assign_stories(claims, stories)
    pins: dict[int, frozenset[str]] = {}
    scored: list[tuple[float, int, int]] = []
    n_pairs = 0
    for left, right in pair_batches(claims, threads=threads):
        n_pairs += len(left)
        scored.extend(score_pairs(
            claims, zip(left, right, strict=True), threshold=threshold,
            by_story=stories is not None, affinity=affinity, pins=pins,
        ))
    groups = group_scored(
        claims, scored, threshold=threshold, min_confidence=min_confidence, affinity=affinity
    )
    return groups, n_pairs
