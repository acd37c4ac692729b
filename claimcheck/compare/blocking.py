"""Blocking: candidate pairs of claims that share rare keys (never all pairs)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import ClaimRecord
from .text import ENTITY_ID

#: Blocking keys held by more claims than this are too common to pair claims on.
MAX_POSTINGS = 150
#: A candidate pair must share at least this fraction of the smaller claim's keys.
MIN_KEY_SHARE = 0.25
#: A content word held by more than this share of the corpus's claims (and by more than
#: MAX_POSTINGS) pairs no claims, even inside one story: "people", "shot", "said" join stock
#: phrases of different events that one story has taken in. A share, not a count, so the
#: same words count as common at every corpus size (150 claims of the 55,801 of the shared
#: real corpora, where the fixed cap was tuned).
COMMON_WORD_SHARE = 0.0027


def candidate_pairs(
    claims: Sequence[ClaimRecord], *, min_shared: int = 2, max_postings: int | None = None,
    policy: BlockingPolicy | None = None, counts: Mapping[str, int] | None = None,
) -> list[tuple[int, int]]:
    """Pairs of claims from different articles that share enough rare blocking keys.

    Keys with very long posting lists (common words, ubiquitous entities) are dropped, so
    the number of pairs grows with the number of claims, not with its square.

    :param claims: prepared claims
    :param min_shared: how many keys a pair must share
    :param max_postings: drop keys held by more claims than this (default: scales with size)
    :param policy: the whole corpus's policy when ``claims`` are one block of it (one or
        more whole stories; :class:`CorpusCounts`)
    :param counts: how many claims of the whole corpus hold each corpus-wide key (entities
        and dates), when ``claims`` are one block of it; story-scoped keys are counted here
    """
    if policy is None:
        policy = corpus_policy(claims, min_shared=min_shared, max_postings=max_postings)
    postings: dict[str, list[int]] = defaultdict(list)
    sizes: list[int] = []
    for i, c in enumerate(claims):
        keys = blocking_keys(c)
        sizes.append(len(keys))
        for key in keys:
            postings[key].append(i)
    # a pair (i, j) is counted under the one integer i * n + j: millions of tuples would cost
    # several times the memory
    n = len(claims)
    shared: Counter[int] = Counter()
    for key, members in postings.items():
        held = len(members) if counts is None else counts.get(key, len(members))
        if len(members) < 2 or held > policy.cap(key):
            continue
        for x in range(len(members)):
            ci = members[x]
            art = claims[ci].article_id
            base = ci * n
            for y in range(x + 1, len(members)):
                cj = members[y]
                if claims[cj].article_id != art:
                    shared[base + cj] += 1
    del postings
    kept = sorted(p for p, k in shared.items() if policy.keeps(k, min(sizes[p // n], sizes[p % n])))
    return [divmod(p, n) for p in kept]


@dataclass(frozen=True, slots=True)
class BlockingPolicy:
    """The numbers blocking decides with for one corpus.

    Every engine reads the policy from here (:func:`blocking_policy`): the in-process
    :func:`candidate_pairs` and the SQL self-join of :mod:`claimcheck.duck` and
    :mod:`claimcheck.spark`, which get the per-key caps and the pair rule's numbers as data,
    so a change of policy reaches them all.
    """

    #: keys held by more claims than this (four times as many for entities and dates) are
    #: too common to pair claims on
    max_postings: int
    #: keys a pair must share ...
    min_shared: int
    #: ... or one will do when the smaller claim has at most this many keys
    few_keys: int = 3
    #: and at least this fraction of the smaller claim's keys
    min_key_share: float = MIN_KEY_SHARE
    #: content words too common in the whole corpus to pair claims even inside one story
    common: frozenset[str] = frozenset()

    def cap(self, key: str) -> int:
        """The most claims a key may be held by and still pair them."""
        word, scoped, _ = key.partition(STORY_KEY)
        if scoped:
            return 0 if word in self.common else self.max_postings
        # Entities and dates name one story's participants and days; words are shared more
        # widely, so they get the tighter cap.
        return self.max_postings * 4 if key[0] == "@" or ENTITY_ID.fullmatch(key) else self.max_postings

    def keeps(self, n_shared: int, smaller: int) -> bool:
        """Whether two claims sharing ``n_shared`` kept keys, the smaller of which holds
        ``smaller`` keys in all, are a candidate pair."""
        # Short claims ("The quake killed 12 people") have few keys; one shared rare key will do.
        # Pairs that share only a small part of their keys cannot reach the grouping threshold.
        return (
            (n_shared >= self.min_shared or (n_shared >= 1 and smaller <= self.few_keys))
            and n_shared >= self.min_key_share * smaller
        )


def blocking_policy(
    n_claims: int, *, min_shared: int = 2, max_postings: int | None = None,
    common: frozenset[str] = frozenset(),
) -> BlockingPolicy:
    """The blocking policy for a corpus of ``n_claims`` claims whose too common content words
    are ``common`` (:func:`common_words`)."""
    return BlockingPolicy(
        max_postings=MAX_POSTINGS if max_postings is None else max_postings, min_shared=min_shared,
        common=common,
    )


def common_words(claims: Sequence[ClaimRecord], *, floor: int = MAX_POSTINGS) -> frozenset[str]:
    """Content words held by more than ``COMMON_WORD_SHARE`` of the claims and more than
    ``floor`` claims: too common to pair claims, even within one story."""
    counts = CorpusCounts()
    counts.add(claims)
    return counts.common_words(floor=floor)


class CorpusCounts:
    """What blocking needs to know of the whole corpus, counted chunk by chunk: how many
    claims hold each content word and each corpus-wide key (entities and dates)."""

    def __init__(self) -> None:
        self.claims = 0
        self.words: Counter[str] = Counter()
        self.keys: Counter[str] = Counter()

    def add(self, claims: Iterable[ClaimRecord]) -> None:
        """Count prepared claims (their story not yet assigned)."""
        for c in claims:
            self.claims += 1
            self.words.update(w for w in c.words if w[0] != "@")
            self.keys.update(corpus_keys(c))

    def common_words(self, *, floor: int = MAX_POSTINGS) -> frozenset[str]:
        limit = max(floor, COMMON_WORD_SHARE * self.claims)
        return frozenset(w for w, d in self.words.items() if d > limit)

    def policy(self, *, min_shared: int = 2) -> BlockingPolicy:
        """The policy :func:`corpus_policy` gives for the whole corpus."""
        return blocking_policy(self.claims, min_shared=min_shared, common=self.common_words())


def corpus_keys(claim: ClaimRecord) -> set[str]:
    """The blocking keys of a claim that pair claims across stories: its dates and entities."""
    keys = {w for w in claim.words if w[0] == "@"}
    keys.update(s.entity_id for s in claim.slots if s.entity_id)
    return keys


def corpus_policy(
    claims: Sequence[ClaimRecord], *, min_shared: int = 2, max_postings: int | None = None
) -> BlockingPolicy:
    """The blocking policy for these prepared claims (every engine builds it here)."""
    return blocking_policy(
        len(claims), min_shared=min_shared, max_postings=max_postings,
        common=common_words(claims, floor=MAX_POSTINGS if max_postings is None else max_postings),
    )


def blocking_keys(claim: ClaimRecord) -> set[str]:
    """A prepared claim's blocking keys (every engine reads them through this): its content
    words and specific dates, and the entities it names. Built when asked, not stored: a
    million claims would hold a second set each.

    Once the claim has a story (:func:`~.groups.assign_stories`), its content words are keys
    *within that story* (``word|story``): a word pairs claims of one story however common it
    is in the corpus, so a posting list grows with the story, not with the corpus, and the
    caps stop dropping more keys as the corpus grows. Dates and entities stay corpus-wide:
    claims of two stories are only grouped on a shared name or date anyway
    (:func:`~.groups.anchors_match`).
    """
    story = claim.story_id
    if story is None:
        return claim.words | {s.entity_id for s in claim.slots if s.entity_id}
    keys = {w if w[0] == "@" else f"{w}{STORY_KEY}{story}" for w in claim.words}
    keys.update(s.entity_id for s in claim.slots if s.entity_id)
    return keys


#: Joins a content word to its story in a story-scoped blocking key (a character no word holds).
STORY_KEY = "\x1f"

