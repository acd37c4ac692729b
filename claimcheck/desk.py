"""The desk's view of a diff: review decisions, what is new, what is hidden.

Pure data and selection, no database: :mod:`claimcheck.reviews` reads the decisions and
:func:`claimcheck.differ.diff` fills a :class:`DeskResult`; :mod:`claimcheck.report` renders
it. A desk triages every conflict once ("a real error", "a false alarm", "an updated count")
and next morning wants to see only what is new, with its earlier decisions still attached.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .compare.model import ClaimRecord, Conflict, DiffResult, Group
from .reviews import STATUSES, UNREVIEWED, ReviewState

__all__ = [
    "STATUSES", "UNREVIEWED", "ClaimContext", "DeskResult", "NewSince", "ReviewState", "involves",
    "note_of", "select", "status_of",
]

@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What a reader needs around a claim: its full sentence and its article's link."""

    sentence: str
    #: offset of the sentence in the article text (claim and slot offsets are article offsets)
    sentence_start: int
    url: str | None
    title: str | None


@dataclass(slots=True)
class NewSince:
    """What part of a report is new: articles ingested after a run or date, or missing
    from an earlier database."""

    label: str  # "run 7", "2026-12-01", "old.db"
    articles: list[str]
    total_groups: int
    total_conflicts: int
    #: with ``--against``: compared claims whose article the earlier database already held,
    #: and the new claims split by what the earlier claims say
    #: conflicts between earlier articles that the previous diff did not report (a new
    #: article can regroup earlier claims); ``--since`` leaves them out and says how many
    earlier_appeared: int = 0
    claims_already_there: int | None = None
    new_claims_agree: int | None = None
    new_claims_conflict: int | None = None
    new_claims_unmatched: int | None = None


@dataclass(slots=True)
class DeskResult(DiffResult):
    """A :class:`DiffResult` with the desk's decisions and what the report leaves out."""

    reviews: dict[str, ReviewState] = field(default_factory=dict)
    contexts: dict[str, ClaimContext] = field(default_factory=dict)
    #: dismissed conflicts left out of ``conflicts`` (0 when they are shown)
    hidden_dismissed: int = 0
    new: NewSince | None = None


def status_of(result: DiffResult, conflict: Conflict) -> str:
    """The review status of a conflict: a decision from :data:`STATUSES` or ``unreviewed``."""
    if isinstance(result, DeskResult):
        state = result.reviews.get(conflict.id)
        if state is not None:
            return state.status
    return UNREVIEWED


def note_of(result: DiffResult, conflict: Conflict) -> str | None:
    """The note of the latest decision on a conflict, if any."""
    if isinstance(result, DeskResult):
        state = result.reviews.get(conflict.id)
        if state is not None:
            return state.note
    return None


def involves(claims: Collection[ClaimRecord], articles: Collection[str]) -> bool:
    """True when one of the claims comes from one of the articles."""
    return any(c.article_id in articles for c in claims)


def select(
    result: DiffResult,
    reviews: dict[str, ReviewState],
    *,
    include_dismissed: bool = False,
    new: NewSince | None = None,
    contexts: dict[str, ClaimContext] | None = None,
) -> DeskResult:
    """The part of ``result`` a desk reads.

    Dismissed conflicts are left out unless ``include_dismissed``; with ``new``, only the
    conflicts and groups that involve one of its articles are kept ("Tuesday's article
    gives 14 dead where Monday's said 12" is new; Monday's own disagreements are not).
    """
    fresh = set(new.articles) if new is not None else None
    groups: list[Group] = [
        g for g in result.groups if fresh is None or involves(g.claims, fresh)
    ]
    conflicts: list[Conflict] = []
    hidden = 0
    for c in result.conflicts:
        if fresh is not None and not involves((c.a, c.b), fresh):
            continue
        state = reviews.get(c.id)
        if state is not None and state.status == "dismissed" and not include_dismissed:
            hidden += 1
            continue
        conflicts.append(c)
    return DeskResult(
        run_id=result.run_id, groups=groups, conflicts=conflicts, articles=result.articles,
        claims_compared=result.claims_compared, candidate_pairs=result.candidate_pairs,
        seconds=result.seconds, attributes=result.attributes, stories=result.stories,
        reviews=reviews,
        contexts=dict(contexts or {}), hidden_dismissed=hidden, new=new,
    )
