"""Average-linkage clustering over scored pairs."""

from __future__ import annotations

from collections.abc import Sequence


def cluster(
    n: int, scored: Sequence[tuple[float, int, int]], article_of: Sequence[str], threshold: float
) -> list[list[int]]:
    """Average-linkage agglomeration over scored pairs (missing pairs count as 0).

    Edges are taken from strongest to weakest; two clusters merge only when the mean
    similarity over all their cross-article pairs stays at or above ``threshold``. A chain
    of loose links therefore cannot join unrelated claims.
    """
    return [members for _, members in rooted_clusters(n, scored, article_of, threshold)]


def rooted_clusters(
    n: int, scored: Sequence[tuple[float, int, int]], article_of: Sequence[str], threshold: float
) -> list[tuple[int, list[int]]]:
    """:func:`cluster` with each cluster's root (the item it grew from), in root order.

    Clusters only merge along edges at or above ``threshold``, so each lies inside one
    connected component of those edges. Clustering each component on its own, with its
    items numbered in the same order, gives the same clusters and roots; sorting all
    components' clusters by root gives the order :func:`cluster` returns them in.
    """
    # one int per pair (i * n + j, i < j) and only the edges that can merge sorted: a corpus
    # of 100,000 articles scores millions of pairs, mostly under the threshold
    sims: dict[int, float] = {}
    for s, i, j in scored:
        sims[i * n + j if i < j else j * n + i] = s
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strong = [t for t in scored if t[0] >= threshold]
    for _, i, j in sorted(strong, key=lambda t: (-t[0], t[1], t[2])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        total = 0.0
        count = 0
        for x in members[ri]:
            for y in members[rj]:
                if article_of[x] == article_of[y]:
                    continue
                total += sims.get(x * n + y if x < y else y * n + x, 0.0)
                count += 1
        if count == 0 or total / count < threshold:
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
    return [(root, sorted(m)) for root, m in members.items() if len(m) > 1]

