"""Plain dataclasses passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into some text."""

    start: int
    end: int


@dataclass(slots=True)
class RawArticle:
    """An article as read from its source, before any analysis."""

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    external_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Sentence:
    """A sentence span of an article; ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    is_boilerplate: bool = False
    boilerplate_reason: str | None = None


@dataclass(slots=True)
class Mention:
    """A typed slot inside a claim. Offsets are article offsets."""

    kind: str  # person | org | place | entity | date | quantity | speaker
    start: int
    end: int
    surface: str
    value: str  # normalised value as text (ISO interval, numeric interval, canonical key)
    lo: float | None = None
    hi: float | None = None
    unit: str | None = None  # counted noun, granularity, entity kind
    entity_key: str | None = None


@dataclass(slots=True)
class Claim:
    """An atomic claim. ``start``/``end`` are article offsets inside one sentence."""

    sentence_index: int
    index: int
    start: int
    end: int
    text: str
    normalized: str
    polarity: int = 1  # 1 affirmative, -1 negated
    modality: str | None = None  # hedge word if any
    speaker: str | None = None  # attribution surface ("X said")
    tense: str | None = None
    mentions: list[Mention] = field(default_factory=list)
