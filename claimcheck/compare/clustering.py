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
    sims: dict[tuple[int, int], float] = {}
    for s, i, j in scored:
        sims[(i, j) if i < j else (j, i)] = s
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if s < threshold:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        total = 0.0
        count = 0
        for x in members[ri]:
            for y in members[rj]:
                if article_of[x] == article_of[y]:
                    continue
                total += sims.get((x, y) if x < y else (y, x), 0.0)
                count += 1
        if count == 0 or total / count < threshold:
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
    return [sorted(m) for m in members.values() if len(m) > 1]


# --- slot comparison ----------------------------------------------------------------------
