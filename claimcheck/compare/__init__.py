"""Compare claims across articles: pure functions, claims in, findings out.

- :mod:`.text` masks slots, stems and maps synonyms; :func:`prepare` fills each claim's words
  and blocking keys.
- :mod:`.blocking` finds candidate pairs over rare keys (never all pairs).
- :mod:`.similarity` scores a pair; :mod:`.clustering` groups by average linkage.
- :mod:`.affinity` tells how close two articles are to one story.
- :mod:`.frames` and :mod:`.verdicts` align two claims' slots, then compare them.
- :mod:`.groups` runs the whole chain.

The database work (loading claims, storing groups and conflicts) lives in
:mod:`claimcheck.differ`; :func:`diff` is re-exported here for callers of the old module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .affinity import STORY_AFFINITY, StoryAffinity
from .blocking import candidate_pairs
from .clustering import cluster
from .groups import DEFAULT_THRESHOLD, VERBATIM, find_groups
from .model import ClaimRecord, Conflict, DiffResult, Finding, Group, PairVerdict, Slot
from .similarity import similarity
from .slots import _negated_word_shared
from .text import prepare
from .verdicts import DEFAULT_MIN_CONFIDENCE, compare_pair

if TYPE_CHECKING:
    from ..differ import diff

_prepare = prepare

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "DEFAULT_THRESHOLD",
    "STORY_AFFINITY",
    "VERBATIM",
    "ClaimRecord",
    "Conflict",
    "DiffResult",
    "Finding",
    "Group",
    "PairVerdict",
    "Slot",
    "StoryAffinity",
    "_negated_word_shared",
    "_prepare",
    "candidate_pairs",
    "cluster",
    "compare_pair",
    "diff",
    "find_groups",
    "prepare",
    "similarity",
]


def __getattr__(name: str) -> Any:
    if name == "diff":
        from ..differ import diff as run

        return run
    raise AttributeError(f"module 'claimcheck.compare' has no attribute {name!r}")
