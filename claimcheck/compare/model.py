"""The data that comparison passes around: claims with slots, groups, conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .frames import Frame


@dataclass(slots=True)
class Slot:
    """A normalised mention of a claim."""

    kind: str
    surface: str
    value: str
    lo: float | None
    hi: float | None
    unit: str | None
    entity_id: str | None
    start: int
    end: int


@dataclass(slots=True)
class ClaimRecord:
    """A claim with what comparison needs."""

    id: str
    article_id: str
    source: str
    outlet: str | None
    start: int
    end: int
    text: str
    normalized: str
    polarity: int
    modality: str | None
    speaker: str | None
    tense: str | None
    published: str | None = None
    slots: list[Slot] = field(default_factory=list)
    masked: str = ""
    words: set[str] = field(default_factory=set)
    story_id: str | None = None
    #: the claim's frame for aligned comparison, built on first use (verdicts.frame_of)
    frame: Frame | None = None


@dataclass(slots=True)
class Conflict:
    """Two claims of one group that disagree on one slot."""

    id: str
    group_id: str
    kind: str
    a: ClaimRecord
    b: ClaimRecord
    a_value: str
    b_value: str
    explanation: str
    #: 0..1, from the evidence: how much of the two frames agrees, similarity, affinity, hedging
    confidence: float = 1.0
    #: the later article reports a more advanced state (a revised count, died after critical)
    update: bool = False
    story_id: str | None = None
    #: fact-sheet conflicts only: the entity id or story key, and the attribute compared
    subject: str | None = None
    attribute: str | None = None


@dataclass(slots=True)
class Group:
    """Claims from two or more articles that state the same fact."""

    id: str
    verdict: str
    claims: list[ClaimRecord]
    scores: dict[str, float] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    #: pairs whose comparison failed (kept so the rest of the report survives)
    errors: list[str] = field(default_factory=list)
    #: the story all its claims belong to; None when it spans stories (a background fact)
    story_id: str | None = None


@dataclass(slots=True)
class Story:
    """Articles that report one event or one ongoing story."""

    id: str
    article_ids: list[str]
    headline: str
    first_published: str | None
    last_published: str | None
    outlets: list[str]
    n_groups: int = 0
    n_conflicts: int = 0


@dataclass(slots=True)
class DiffResult:
    """The outcome of one diff run."""

    run_id: int
    groups: list[Group]
    conflicts: list[Conflict]
    articles: list[dict[str, Any]]
    claims_compared: int = 0
    candidate_pairs: int = 0
    seconds: float = 0.0
    #: fact-sheet attributes (:class:`claimcheck.compare.facts.Attribute`) found at diff time
    attributes: list[Any] = field(default_factory=list)
    #: every story (or, with ``story=``, the one asked for), biggest first
    stories: list[Story] = field(default_factory=list)


@dataclass(slots=True)
class Finding:
    """One slot on which two claims disagree, before it becomes a stored :class:`Conflict`."""

    kind: str
    a_value: str
    b_value: str
    explanation: str
    confidence: float
    update: bool = False


@dataclass(slots=True)
class PairVerdict:
    """How two claims of one group relate, with any conflicts found."""

    relation: str  # agree | refine | conflict
    conflicts: list[Finding]
