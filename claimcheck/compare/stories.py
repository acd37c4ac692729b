"""Stories: cluster articles into the events they report, as pure functions.

Articles' keys in, story assignments out. An article is described by what is already
computed for its claims: its named participants and explicit dates (the strongest evidence:
"Genesis Mendoza" and "2016-01-19" name one incident), its content words, its outlet and its
publication date. Two articles belong to one story when the idf-weighted overlap of those keys
is high; two reports of different shootings told in the same stock phrases ("police said the
investigation is ongoing") share words but not names and stay apart.

Like claim grouping this never looks at all pairs of articles: candidate pairs come from
rare keys (a key held by many articles names no single story), then average linkage over the
scored pairs joins articles into stories. Nothing here reads a database, so the same function
runs on one partition of a larger job.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from dataclasses import dataclass, field

from .clustering import cluster
from .model import ClaimRecord, Story
from .text import _STOP, WORD_RE, short, stable_id, stem


@dataclass(slots=True)
class ArticleKeys:
    """What story clustering knows about one article."""

    id: str
    #: canonical entity ids and explicit dates ("@2016-01-19") the article's claims name (a
    #: set while claims are added; any collection of distinct keys for clustering)
    names: Collection[str] = field(default_factory=set)
    #: content word stems of the article's claims (the same)
    words: Collection[str] = field(default_factory=set)
    #: the names of ``names`` that some mention calls a person
    people: set[str] = field(default_factory=set)
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    #: the article's first claim, the headline of last resort
    lead: str | None = None


#: Share of the pair score that comes from shared names and dates (the rest: words).
NAME_WEIGHT = 0.7
#: Two articles (or, by average linkage, two partial stories) must score this to be joined.
#: Chosen on the tuning half of the gun-violence events (B-cubed precision >= 0.95 first).
STORY_THRESHOLD = 0.17
#: Keys held by more articles than this are too common to propose candidate pairs with.
MAX_STORY_POSTINGS = 60
#: Words held by more articles than this do not propose pairs; a pair proposed by words must
#: share at least MIN_SHARED_WORDS of them.
WORD_POSTINGS = 20
MIN_SHARED_WORDS = 3
#: Articles that name fewer entities and dates than this also propose pairs by their words.
FEW_NAMES = 4
#: Smallest corpus size assumed when weighing keys by rarity (a tiny corpus cannot tell).
BACKGROUND_ARTICLES = 200
#: Articles published further apart than this many days lose score linearly, to half at
#: twice the gap: follow-ups (an arrest, a sentence) share names and stay together, while
#: the same street or station name months apart is weaker evidence.
DATE_GAP_DAYS = 120
#: ... but never below this share of their score.
DATE_GAP_FLOOR = 0.5
#: Articles published further apart than DATE_GAP_DAYS that share no person and no explicit
#: date (only places, organisations and words: one town's shootings years apart) keep this
#: share of that score: a follow-up names who it follows up on.
PLACE_ONLY_GAP = 0.5


#: A title shares at least this share of its words with the rest of its story to be its headline.
MIN_TITLE_ECHO = 0.25


def placed_entities(claims: Iterable[ClaimRecord]) -> set[str]:
    """Entities that count as names: some mention places them (person, organisation, place),
    they have several words, or they appear inside a sentence. A capitalised word seen only
    where a claim opens ("Leaders", "Drinking") is not a name."""
    return {
        s.entity_id for c in claims for s in c.slots
        if s.entity_id and (s.kind in ("person", "org", "place") or " " in s.value
                            or s.start > c.start)
    }


def article_keys(claims: Iterable[ClaimRecord]) -> list[ArticleKeys]:
    """Each article's keys, from its prepared claims (see :func:`~.text.prepare`); names are
    the :func:`placed_entities` of these claims."""
    claims = list(claims)
    out: dict[str, ArticleKeys] = {}
    add_article_keys(out, claims, placed_entities(claims))
    return list(out.values())


def add_article_keys(
    out: dict[str, ArticleKeys], claims: Iterable[ClaimRecord], placed: Container[str]
) -> None:
    """Add prepared claims to their articles' keys in ``out`` (claims may come article by
    article, in chunks): ``placed`` are the whole corpus's :func:`placed_entities`."""
    for c in claims:
        keys = out.get(c.article_id)
        if keys is None:
            keys = out[c.article_id] = ArticleKeys(
                id=c.article_id, outlet=c.outlet, published=c.published, lead=c.text
            )
        names, words = keys.names, keys.words
        if not isinstance(names, set) or not isinstance(words, set):
            raise TypeError("add_article_keys: the article's keys are frozen")
        for w in c.words:
            (names if w[0] == "@" else words).add(w)
        names.update(s.entity_id for s in c.slots if s.entity_id and s.entity_id in placed)
        keys.people.update(
            s.entity_id for s in c.slots
            if s.kind == "person" and s.entity_id and s.entity_id in placed
        )
        # A day resolved from "on Sunday" against the publication date is the event's day:
        # as telling as an explicit date for which event an article reports.
        names.update(
            f"@{s.value}" for s in c.slots if s.kind == "date" and (s.unit or "").startswith("day")
        )


class _Weights:
    """Binary tf-idf vectors of one kind of key, with their norms: each article's keys kept as
    a tuple (a set costs several times its memory), intersected when a pair is scored."""

    def __init__(self, keysets: Sequence[Collection[str]]) -> None:
        n = max(len(keysets), BACKGROUND_ARTICLES)
        self.df: Counter[str] = Counter()
        for ks in keysets:
            self.df.update(ks)
        # A key seen in one article only cannot link it to another: it does not count.
        self.w2 = {k: math.log((n + 1) / (d + 0.5)) ** 2 for k, d in self.df.items() if d > 1}
        self.sets = [tuple(k for k in ks if k in self.w2) for ks in keysets]
        # exact sums (math.fsum): the same whatever order a set gives its keys in
        self.norm = [math.sqrt(math.fsum(self.w2[k] for k in ks)) or 1.0 for ks in self.sets]

    def cosine(self, i: int, j: int, keys_i: set[str] | None = None) -> float:
        """The cosine of articles ``i`` and ``j``; ``keys_i``: ``i``'s keys as a set, when the
        caller scores many pairs of ``i`` in a row."""
        w2 = self.w2
        if keys_i is None:
            a, b = self.sets[i], self.sets[j]
            if len(a) > len(b):
                a, b = b, a
            keys_i = set(a)
        else:
            b = self.sets[j]
        return math.fsum(w2[k] for k in keys_i.intersection(b)) / (self.norm[i] * self.norm[j])


def _days(a: str | None, b: str | None) -> int | None:
    try:
        if a and b:
            return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None
    return None


def story_pairs(
    articles: Sequence[ArticleKeys], *, max_postings: int = MAX_STORY_POSTINGS,
    threshold: float | None = None,
) -> list[tuple[float, int, int]]:
    """Scored candidate pairs of articles that share a rare name or date, or several rare words.

    Names and dates held by at most ``max_postings`` articles propose pairs; so do words held
    by at most ``WORD_POSTINGS`` articles when a pair shares ``MIN_SHARED_WORDS`` of them (two
    short reports of one event that disagree on its date or place may share no name). Every
    pair is then scored on names, words and publication dates (articles months apart lose
    score, more when they share no person and no explicit date).

    :param threshold: leave out the pairs :func:`~.clustering.cluster` at this threshold never
        reads: those whose articles no chain of pairs scoring at least ``threshold`` joins
        (clusters only grow along such pairs, so the clusters are the same). A large corpus
        scores millions of weak pairs between unrelated articles.
    """
    names = _Weights([a.names for a in articles])
    words = _Weights([a.words for a in articles])
    # pairs as one int each (i * n + j): a set of tuples costs several times more, and a
    # corpus of 100,000 articles proposes millions of pairs
    n = len(articles)
    seen: set[int] = set()
    for members in _postings(articles, names, lambda a: a.names, max_postings):
        for x in range(len(members)):
            row = members[x] * n
            seen.update(row + y for y in members[x + 1:])
    # Only articles that name little propose pairs by their words: the others are found by
    # their names, and counting shared words for every pair would cost the most.
    few = {i for i, a in enumerate(articles) if len(a.names) < FEW_NAMES}
    shared: Counter[int] = Counter()
    for members in _postings(articles, words, lambda a: a.words, WORD_POSTINGS):
        for x in members:
            if x not in few:
                continue
            for y in members:
                if y != x and (y not in few or x < y):
                    shared[x * n + y if x < y else y * n + x] += 1
    seen.update(p for p, k in shared.items() if k >= MIN_SHARED_WORDS)
    del shared
    # scores in flat arrays until the weak pairs are dropped (a tuple each would cost ~5x)
    pair_ids = array("q")
    scores = array("d")
    # pairs come sorted, so all pairs of one article in a row: its key sets are built once
    at = -1
    names_at: set[str] = set()
    words_at: set[str] = set()
    for p in sorted(seen):
        i, j = divmod(p, n)
        if i != at:
            at, names_at, words_at = i, set(names.sets[i]), set(words.sets[i])
        score = (NAME_WEIGHT * names.cosine(i, j, names_at)
                 + (1 - NAME_WEIGHT) * words.cosine(i, j, words_at))
        gap = _days(articles[i].published, articles[j].published)
        if gap is not None and gap > DATE_GAP_DAYS:
            score *= max(DATE_GAP_FLOOR, DATE_GAP_DAYS / gap)
            people = articles[i].people | articles[j].people
            if not any(k[0] == "@" or k in people for k in names_at.intersection(names.sets[j])):
                score *= PLACE_ONLY_GAP
        if score > 0:
            pair_ids.append(p)
            scores.append(score)
    del seen
    keep: Iterable[int] = range(len(pair_ids))
    if threshold is not None:
        root = list(range(n))

        def find(x: int) -> int:
            while root[x] != x:
                root[x] = root[root[x]]
                x = root[x]
            return x

        for k, score in enumerate(scores):
            if score >= threshold:
                i, j = divmod(pair_ids[k], n)
                root[find(i)] = find(j)
        keep = [k for k, p in enumerate(pair_ids) if find(p // n) == find(p % n)]
    scored = []
    for k in keep:
        i, j = divmod(pair_ids[k], n)
        scored.append((scores[k], i, j))
    return scored


def _postings(
    articles: Sequence[ArticleKeys], weights: _Weights,
    keys_of: Callable[[ArticleKeys], Collection[str]],
    cap: int,
) -> Iterable[list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        for k in keys_of(a):
            if k in weights.w2 and weights.df[k] <= cap:
                postings[k].append(i)
    return postings.values()


def cluster_stories(
    articles: Sequence[ArticleKeys],
    *,
    threshold: float = STORY_THRESHOLD,
    max_postings: int = MAX_STORY_POSTINGS,
) -> dict[str, str]:
    """Article id -> story id for every article (an article alone is a story of one).

    A story's id is derived from its earliest article (by publication date, then id), so it
    stays the same when later articles join the story.
    """
    scored = story_pairs(articles, max_postings=max_postings, threshold=threshold)
    clusters = cluster(len(articles), scored, [a.id for a in articles], threshold)
    out: dict[str, str] = {}
    for members in clusters:
        seed = min(members, key=lambda i: (articles[i].published or "9999", articles[i].id))
        sid = stable_id("s", articles[seed].id)
        for i in members:
            out[articles[i].id] = sid
    for a in articles:
        out.setdefault(a.id, stable_id("s", a.id))
    return out


def build_stories(
    assignment: dict[str, str], articles: Sequence[ArticleKeys]
) -> list[Story]:
    """The stories of an assignment with headline, dates and outlets, biggest first.

    The headline is the title that the other articles of the story echo most (a scraped
    "Photo Credit: ..." line taken for a title shares no words with them); without titles,
    the first claim of the earliest article.
    """
    by_story: dict[str, list[ArticleKeys]] = defaultdict(list)
    for a in articles:
        by_story[assignment[a.id]].append(a)
    stories = []
    for sid, members in by_story.items():
        members.sort(key=lambda a: (a.published or "9999", a.id))
        dates = sorted(a.published for a in members if a.published)
        stories.append(Story(
            id=sid, article_ids=[a.id for a in members],
            headline=_headline(members),
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            outlets=sorted({a.outlet for a in members if a.outlet}),
        ))
    stories.sort(key=lambda s: (-len(s.article_ids), s.first_published or "9999", s.id))
    return stories


def _headline(members: Sequence[ArticleKeys]) -> str:
    best: tuple[float, int] | None = None
    headline = ""
    for n, a in enumerate(members):
        if not a.title:
            continue
        stems = {stem(w.lower()) for w in WORD_RE.findall(a.title) if len(w) > 2}
        stems -= _STOP
        others = set().union(*(o.words for o in members if o is not a))
        echo = len(stems & others) / len(stems) if stems and others else 1.0
        if echo < MIN_TITLE_ECHO:
            continue
        if best is None or (echo, -n) > best:
            best, headline = (echo, -n), a.title
    if not headline:
        headline = short(members[0].lead or members[0].id, 120)
    return " ".join(headline.split())


def find_stories(
    claims: Sequence[ClaimRecord],
    articles: Iterable[tuple[str, str | None, str | None, str | None]] = (),
    *,
    threshold: float = STORY_THRESHOLD,
) -> tuple[dict[str, str], list[Story]]:
    """Cluster the articles of prepared claims into stories: (article id -> story id, stories).

    :param claims: claims after :func:`~.text.prepare`
    :param articles: (id, title, outlet, published) of every article, also those without
        claims (they become stories of their own); titles become the stories' headlines
    :param threshold: how close (0..1) articles must be to join one story
    """
    return stories_of_keys({k.id: k for k in article_keys(claims)}, articles, threshold=threshold)


def stories_of_keys(
    keys: dict[str, ArticleKeys],
    articles: Iterable[tuple[str, str | None, str | None, str | None]] = (),
    *,
    threshold: float = STORY_THRESHOLD,
) -> tuple[dict[str, str], list[Story]]:
    """:func:`find_stories` from the articles' keys (``article id -> keys``, see
    :func:`add_article_keys`), which it completes with the articles' titles."""
    for aid, title, outlet, published in articles:
        k = keys.get(aid)
        if k is None:
            k = keys[aid] = ArticleKeys(id=aid, outlet=outlet, published=published)
        k.title = title
        if title:
            # The headline sums the story up; its words count with the body's.
            extra = {stem(w.lower()) for w in WORD_RE.findall(title) if len(w) > 2} - _STOP
            if isinstance(k.words, set):
                k.words |= extra
            else:
                k.words = (*k.words, *(extra - set(k.words)))
    ordered = sorted(keys.values(), key=lambda k: k.id)
    assignment = cluster_stories(ordered, threshold=threshold)
    return assignment, build_stories(assignment, ordered)
