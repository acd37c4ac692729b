"""Blocking keys scoped to stories: recall that does not fall as the corpus grows.

A content word pairs claims inside one story however many other stories use it, unless the
word is common in the whole corpus (a share of its claims, not a fixed count).
"""

from __future__ import annotations

from claimcheck.compare.blocking import (
    COMMON_WORD_SHARE,
    MAX_POSTINGS,
    STORY_KEY,
    blocking_keys,
    candidate_pairs,
    common_words,
    corpus_policy,
)
from claimcheck.compare.model import ClaimRecord, Slot


def _claim(cid: str, article: str, words: set[str], story: str | None) -> ClaimRecord:
    c = ClaimRecord(cid, article, article, None, 0, 10, cid, cid, 1, None, None, None)
    c.words = set(words)
    c.story_id = story
    return c


def test_words_are_scoped_to_the_story_dates_and_entities_are_not() -> None:
    c = _claim("c1", "a1", {"harbour", "@2024-05-07"}, "s1")
    c.slots.append(Slot("person", "Ann Lee", "Ann Lee", None, None, None, "e0123456789ab", 0, 7))
    assert blocking_keys(c) == {f"harbour{STORY_KEY}s1", "@2024-05-07", "e0123456789ab"}
    c.story_id = None
    assert blocking_keys(c) == {"harbour", "@2024-05-07", "e0123456789ab"}


def _corpus(word_df: int, n_filler: int) -> list[ClaimRecord]:
    """Story s0 has two articles whose claims share "harbour" and "ferry"; ``word_df - 2``
    claims of other stories also say both; filler claims have words of their own."""
    claims = [
        _claim("x0", "a0", {"harbour", "ferry", "sank"}, "s0"),
        _claim("x1", "b0", {"harbour", "ferry", "capsized"}, "s0"),
    ]
    for k in range(word_df - 2):
        claims.append(_claim(f"o{k}", f"oa{k}", {"harbour", "ferry", f"w{k}"}, f"os{k}"))
    for k in range(n_filler):
        claims.append(_claim(f"f{k}", f"fa{k // 20}", {f"u{k}", f"v{k}"}, f"fs{k // 100}"))
    return claims


def test_a_word_many_stories_use_still_pairs_claims_of_one_story() -> None:
    # 200 claims hold the two words: over the old fixed cap of 150, yet under the common share
    # of this 80,000-claim corpus; the two claims of story s0 are paired, no claims of
    # different stories are.
    claims = _corpus(200, 80_000)
    assert MAX_POSTINGS < 200 and COMMON_WORD_SHARE * len(claims) >= 200
    pairs = candidate_pairs(claims)
    assert pairs == [(0, 1)]


def test_a_word_common_in_the_corpus_pairs_nothing_even_inside_a_story() -> None:
    claims = _corpus(300, 80_000)
    assert COMMON_WORD_SHARE * len(claims) < 300
    assert {"harbour", "ferry"} <= common_words(claims)
    assert corpus_policy(claims).cap(f"harbour{STORY_KEY}s0") == 0
    assert candidate_pairs(claims) == []


def test_claims_without_stories_keep_the_fixed_cap() -> None:
    claims = _corpus(200, 1_000)
    for c in claims:
        c.story_id = None
    # unscoped: "harbour" is held by 200 claims, over the cap, so nothing pairs on it
    assert candidate_pairs(claims) == []
    assert candidate_pairs(claims[:100]) != []
