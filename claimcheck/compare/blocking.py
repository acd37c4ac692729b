"""Blocking: candidate pairs of claims that share rare keys (never all pairs)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import ClaimRecord
from .text import ENTITY_ID

#: Blocking keys held by more claims than this are too common to pair claims on.
MAX_POSTINGS = 150
#: A candidate pair must share at least this fraction of the smaller claim's keys.
MIN_KEY_SHARE = 0.25


def candidate_pairs(
    claims: Sequence[ClaimRecord], *, min_shared: int = 2, max_postings: int | None = None
) -> list[tuple[int, int]]:
    """Pairs of claims from different articles that share enough rare blocking keys.

    Keys with very long posting lists (common words, ubiquitous entities) are dropped, so
    the number of pairs grows with the number of claims, not with its square.

    :param claims: prepared claims
    :param min_shared: how many keys a pair must share
    :param max_postings: drop keys held by more claims than this (default: scales with size)
    """
    if max_postings is None:
        max_postings = MAX_POSTINGS
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for key in c.keys:
            postings[key].append(i)
    sizes = [len(c.keys) for c in claims]
    shared: Counter[tuple[int, int]] = Counter()
    for key, members in postings.items():
        # Entities and dates name one story's participants and days; words are shared more
        # widely, so they get the tighter cap.
        cap = max_postings * 4 if key[0] == "@" or ENTITY_ID.fullmatch(key) else max_postings
        if len(members) < 2 or len(members) > cap:
            continue
        for x in range(len(members)):
            ci = members[x]
            art = claims[ci].article_id
            for y in range(x + 1, len(members)):
                cj = members[y]
                if claims[cj].article_id != art:
                    shared[(ci, cj)] += 1
    # Short claims ("The quake killed 12 people") have few keys; one shared rare key will do.
    # Pairs that share only a small part of their keys cannot reach the grouping threshold.
    out = []
    for p, n in shared.items():
        smaller = min(sizes[p[0]], sizes[p[1]])
        if (n >= min_shared or (n >= 1 and smaller <= 3)) and n >= MIN_KEY_SHARE * smaller:
            out.append(p)
    out.sort()
    return out

