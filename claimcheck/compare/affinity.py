"""Story affinity between articles: who and when first, words second."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Container, Iterable, Mapping, Sequence

from .model import ClaimRecord
from .stories import placed_entities


class _Cosine:
    """Cosine of idf-weighted key sets between articles, leaving out an outlet's template keys.

    Held compactly (a corpus of 100,000 articles keeps one of these for its whole diff): each
    article's keys as a tuple, one squared weight per key, the template keys per outlet, and
    two norms per article. Sums are exact (:func:`math.fsum`), so a cosine does not depend on
    the order the keys come in.
    """

    def __init__(self, keys: Mapping[str, Collection[str]], outlet: dict[str, str | None]) -> None:
        self._outlet = outlet
        # A small corpus cannot tell common keys from rare ones; weigh its keys as if they
        # came from a corpus of at least BACKGROUND articles.
        n = max(len(keys), BACKGROUND_ARTICLES)
        df: Counter[str] = Counter()
        for ks in keys.values():
            df.update(ks)
        # a template key is in TEMPLATE_ARTICLES articles of one outlet, so in as many at least
        common = {k for k, d in df.items() if d >= TEMPLATE_ARTICLES}
        outlet_df: Counter[tuple[str | None, str]] = Counter()
        for art, ks in keys.items():
            if outlet[art] is not None:
                outlet_df.update((outlet[art], k) for k in ks if k in common)
        del common
        # one weight per key (squared: a shared key adds w * w), shared by every article; a key
        # of one article only cannot link it to another and does not count
        self._sq: dict[str, float] = {}
        for k, d in df.items():
            if d > 1:
                w = math.log((n + 1) / (d + 0.5)) ** 2
                self._sq[k] = w * w
        del df
        # Keys an outlet uses in many of its articles (its templates: "officers from District
        # B-2 responded", "Bond was set at") say nothing about two of its articles sharing a story.
        templates: dict[str | None, set[str]] = defaultdict(set)
        for (name, k), d in outlet_df.items():
            if d >= TEMPLATE_ARTICLES and k in self._sq:
                templates[name].add(k)
        del outlet_df
        self._template = {name: frozenset(ks) for name, ks in templates.items()}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._norm: dict[str, float] = {}
        self._norm_own: dict[str, float] = {}
        sq = self._sq
        for art, ks in keys.items():
            mine = tuple(k for k in ks if k in sq)
            self._keys[art] = mine
            template = self._template.get(outlet[art], frozenset())  # (no outlet: none)
            self._norm[art] = math.sqrt(math.fsum(sq[k] for k in mine)) or 1.0
            self._norm_own[art] = math.sqrt(
                math.fsum(sq[k] for k in mine if k not in template)) or 1.0

    def __call__(self, a: str, b: str) -> float:
        ka, kb = self._keys.get(a, ()), self._keys.get(b, ())
        if not ka or not kb:
            return 0.0
        name = self._outlet.get(a)
        if name is not None and name == self._outlet.get(b):
            # same outlet: leave its template keys out (one outlet, so one template set)
            skip = self._template.get(name, frozenset())
            norms = self._norm_own[a] * self._norm_own[b]
        else:
            skip = frozenset()
            norms = self._norm[a] * self._norm[b]
        if len(ka) > len(kb):
            ka, kb = kb, ka
        sq = self._sq
        return math.fsum(sq[k] for k in set(ka).intersection(kb) if k not in skip) / norms


class AffinityParts:
    """Each article's names and content words, gathered from its claims chunk by chunk.

    A name is a date word of a claim or an entity the whole corpus places
    (:func:`~.stories.placed_entities`).
    """

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = defaultdict(set)
        self.words: dict[str, set[str]] = defaultdict(set)
        self.outlet: dict[str, str | None] = {}
        #: the articles :meth:`freeze` has stored compactly, keys in the order the sets gave
        self.frozen: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def freeze(self) -> None:
        """Store the articles added so far as tuples (a tenth of a set's memory); no more
        claims of theirs may be added. Their keys keep the order the sets iterated in, so
        the weights come out exactly as from the sets."""
        for art in list(self.names.keys() | self.words.keys()):
            self.frozen[art] = (tuple(self.names.pop(art, ())), tuple(self.words.pop(art, ())))

    def _all(self) -> tuple[dict[str, Collection[str]], dict[str, Collection[str]]]:
        names: dict[str, Collection[str]] = {}
        words: dict[str, Collection[str]] = {}
        for art in self.outlet:
            if art in self.frozen:
                names[art], words[art] = self.frozen[art]
            else:
                names[art], words[art] = self.names.get(art, set()), self.words.get(art, set())
        return names, words

    def add(self, claims: Iterable[ClaimRecord], placed: Container[str]) -> None:
        """Add prepared claims (in article order)."""
        for c in claims:
            self.names[c.article_id].update(k for k in c.words if k[0] == "@")
            self.names[c.article_id].update(
                s.entity_id for s in c.slots if s.entity_id and s.entity_id in placed
            )
            self.words[c.article_id].update(c.words - {k for k in c.words if k[0] == "@"})
            self.outlet[c.article_id] = c.outlet


class StoryAffinity:
    """How strongly two articles are about the same story (0..1).

    A story is identified first by who and when: the cosine of the articles' idf-weighted
    canonical entities and explicit dates weighs ``NAME_WEIGHT``; the cosine of their content
    words the rest. Keys many articles share ("police", a big city) weigh little; a victim's
    name weighs a lot. Two reports of different events told in the same stock phrases share
    words but not names, so they stay apart.
    """

    def __init__(self, claims: Sequence[ClaimRecord]) -> None:
        parts = AffinityParts()
        parts.add(claims, placed_entities(claims))
        self._build(parts)

    @classmethod
    def from_parts(cls, parts: AffinityParts) -> StoryAffinity:
        """The affinity of the articles whose claims were added to ``parts`` (chunk by chunk)."""
        self = cls.__new__(cls)
        self._build(parts)
        return self

    def _build(self, parts: AffinityParts) -> None:
        names, words = parts._all()
        outlet = parts.outlet
        self._names = _Cosine(names, outlet)
        self._words = _Cosine(words, outlet)
        self._name_count = {art: len(ks) for art, ks in names.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def forget(self) -> None:
        """Drop the remembered pair scores (a memo only: what comes next is the same)."""
        self._cache.clear()

    def same_story(self, a: str, b: str) -> bool:
        """Close enough to one story for their claims to conflict: shared names and words.

        Articles that name fewer than ``MIN_STORY_NAMES`` entities and dates give too little
        to go on by names; for them the words must carry it (cosine ≥ CONFLICT_WORD_AFFINITY).
        """
        if a == b:
            return True
        if min(self._name_count.get(a, 0), self._name_count.get(b, 0)) < MIN_STORY_NAMES:
            words = self._words(a, b)
            if words >= CONFLICT_WORD_AFFINITY:
                return True
            # Two short reports that name the same two people or places, and nothing else,
            # and tell it in much the same words.
            return (
                min(self._name_count.get(a, 0), self._name_count.get(b, 0)) >= 2
                and self._names(a, b) >= SHARED_NAMES_AFFINITY
                and words >= SHARED_NAMES_WORD_AFFINITY
            )
        return self._names(a, b) >= CONFLICT_NAME_AFFINITY and self(a, b) >= CONFLICT_AFFINITY

    def __call__(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        hit = self._cache.get(key)
        if hit is None:
            hit = NAME_WEIGHT * self._names(a, b) + (1 - NAME_WEIGHT) * self._words(a, b)
            self._cache[key] = hit
        return hit


#: Share of story affinity that comes from shared entities and dates (the rest: words).
NAME_WEIGHT = 0.7
#: A key found in this many articles of one outlet is that outlet's template language.
TEMPLATE_ARTICLES = 3
#: The smallest corpus size assumed when weighing blocking keys by rarity.
BACKGROUND_ARTICLES = 200
#: Articles below this affinity are about different stories: their claims are grouped only
#: when nearly identical, and never reported as conflicting.
STORY_AFFINITY = 0.15
#: Two articles must be at least this close to one story before their claims can conflict,
#: and share at least this much of their named entities and dates.
CONFLICT_AFFINITY = 0.2
CONFLICT_NAME_AFFINITY = 0.25
#: Articles with fewer names than this are judged on their words, which must then be this close.
MIN_STORY_NAMES = 3
#: Articles with few names that share all of them (cosine) need only this word cosine.
SHARED_NAMES_AFFINITY = 0.9
SHARED_NAMES_WORD_AFFINITY = 0.5
CONFLICT_WORD_AFFINITY = 0.85
