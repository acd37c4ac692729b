"""The diff's comparison streamed from SQLite, one block of whole stories at a time.

``diff --engine stream`` gives the same groups, conflicts and fact sheets as the default
engine without holding every claim as a Python object at once:

1. **Digest** (claims read article chunk by chunk, then dropped): each article's keys for
   story clustering and story affinity, the corpus-wide counts blocking needs (content
   words, entity and date keys), the entities' names, and for each claim only its
   corpus-wide keys (the ones that can pair claims of two stories). With ``jobs`` > 1 the
   chunks are digested in forked worker processes and merged in chunk order into exactly
   the digest one process makes.
2. **Stories and affinity** from the digest, as the default engine computes them.
3. **Bridges**: claims of two stories are grouped only on shared entities and dates, so the
   pairs that cross stories come from those keys alone; they are scored (their articles
   read again) and stories joined by a surviving pair go into one block.
4. **Blocks**: whole stories (bridged stories together) are read, paired, grouped, judged and
   compared on their fact sheets with the whole corpus's blocking policy, counts, affinity
   and entity facts, so every decision sees what it would see in one pass; claims that
   nothing refers to afterwards are dropped with the block.

Memory then holds the digest, the affinity, one block and what the report keeps (its
groups, conflicts and fact-sheet attributes).
"""

from __future__ import annotations

import gc
import multiprocessing
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import sqlite_utils

from .compare.affinity import AffinityParts, StoryAffinity
from .compare.blocking import (
    BlockingPolicy,
    CorpusCounts,
    blocking_keys,
    candidate_pairs,
    corpus_keys,
)
from .compare.facts import Attribute, EntityFacts, build_fact_sheets
from .compare.groups import assign_stories, group_scored, score_pairs
from .compare.model import ClaimRecord, Conflict, Group, Story
from .compare.stories import ArticleKeys, add_article_keys, stories_of_keys
from .compare.text import prepare

#: Articles read at once while digesting.
DIGEST_ARTICLES = 2_000
#: A block holds whole stories up to about this many claims (a bigger story is one block).
BLOCK_CLAIMS = 40_000
#: Cross-story candidate pairs scored at once (their articles are read for it).
BRIDGE_PAIRS = 50_000

if TYPE_CHECKING:
    from .differ import OutletCount

Report = Callable[[str, int, "int | None"], None]
T = TypeVar("T")


@dataclass(slots=True)
class Streamed:
    """What the streamed comparison hands back to :func:`claimcheck.differ.diff`."""

    claims: int
    story_of: dict[str, str]
    stories: list[Story]
    affinity: StoryAffinity
    groups: list[Group] = field(default_factory=list)
    #: fact-sheet conflicts already filtered by ``sure`` (see :func:`compare_streamed`)
    sheet_conflicts: list[Conflict] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    candidate_pairs: int = 0
    #: (story, outlet) -> its claims' counts
    outlet_counts: dict[tuple[str, str], OutletCount] = field(default_factory=dict)


def compare_streamed(
    db: sqlite_utils.Database,
    articles: Sequence[tuple[str, str | None, str | None, str | None]],
    *,
    threshold: float,
    min_confidence: float,
    load: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]],
    ids_of: Callable[[sqlite_utils.Database, Sequence[str]], list[tuple[str, str]]],
    load_ids: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]],
    sure: Callable[[list[Conflict], StoryAffinity], list[Conflict]],
    per_block: Callable[[list[ClaimRecord]], T],
    keep_block: Callable[[T, dict[tuple[str, str], OutletCount]], None],
    report: Report | None = None,
    jobs: int = 1,
) -> Streamed:
    """Stories, claim groups and fact sheets of every claim in ``db``, block by block.

    :param articles: (id, title, outlet, published) of every article
    :param load: reads the claims of some articles, in the default engine's order
    :param ids_of: (article id, claim id) of the claims ``load`` gives, in its order
    :param load_ids: reads some claims by id (the records ``load`` gives)
    :param sure: keeps the fact-sheet conflicts of a block that the report keeps (it may
        compare their claims again, so it runs while the block is in memory)
    :param per_block: called with each block's claims before the block is dropped, where
        the block is judged (a worker process when ``jobs`` > 1: it must not write to ``db``);
        what it returns goes to ``keep_block``
    :param keep_block: called in this process, in block order, with what ``per_block``
        returned and the outlet counts to add the block's claims to (the caller stores
        per-claim rows there); which claims are shared is known only once all blocks are
        grouped
    :param jobs: worker processes that digest article chunks and judge blocks side by side
        (forked, so they share the digest and affinity; 1: all in this process). The result
        is the same.
    """
    def say(stage: str, done: int = 0, total: int | None = None) -> None:
        if report is not None:
            report(stage, done, total)

    say("load")
    ids = sorted(a[0] for a in articles)
    digest = _digest(db, ids, load, jobs)
    say("stories")
    # story clustering takes the keys as the digest kept them (tuples: a set costs far more)
    for aid, (names, words) in digest.key_tuples.items():
        digest.keys[aid].names, digest.keys[aid].words = names, words
    digest.key_tuples = {}
    story_of, stories = stories_of_keys(digest.keys, articles)
    digest.keys = {}
    affinity = StoryAffinity.from_parts(digest.affinity)
    digest.affinity = AffinityParts()
    policy = digest.counts.policy()
    story_index = {sid: n for n, sid in enumerate(sorted({story_of[a] for a in ids}))}
    art_story = array("i", (story_index[story_of[a]] for a in ids))
    blocks, block_of = _blocks(ids, digest, art_story, len(story_index))
    out = Streamed(claims=digest.n, story_of=story_of, stories=stories, affinity=affinity)
    # Claims that some scored pair holds (by number in the default engine's order) and the
    # scored pairs: all that clustering and judging need once every block has been read.
    kept: dict[int, ClaimRecord] = {}
    scored: list[tuple[float, int, int]] = []
    position = {aid: n for n, aid in enumerate(ids)}
    say("pairs")
    out.candidate_pairs += _bridges(db, ids, position, digest, policy, art_story, block_of,
                                    story_of, affinity, threshold, ids_of, load_ids, kept,
                                    scored)
    # Stories a pair across blocks reaches wait for the end; the others are grouped and
    # judged with their block (their groups' components lie inside it).
    waiting = {c.story_id for c in kept.values()}
    say("score", 0, len(blocks))
    context = _BlockContext(
        db=db, load=load, policy=policy, digest=digest, position=position, story_of=story_of,
        affinity=affinity, waiting=waiting, threshold=threshold, min_confidence=min_confidence,
        sure=sure, per_block=per_block, blocks=blocks,
    )
    for done, result in enumerate(_run_blocks(context, jobs)):
        out.candidate_pairs += result.pairs
        scored.extend(result.later)
        for number, claim in result.kept.items():
            kept.setdefault(number, claim)
        out.groups.extend(result.groups)
        out.sheet_conflicts.extend(result.sheet_conflicts)
        out.attributes.extend(result.attributes)
        keep_block(result.kept_by_caller, out.outlet_counts)
        say("score", done + 1, len(blocks))
    del position
    say("group")
    order = sorted(kept)
    compact = {g: k for k, g in enumerate(order)}
    held = [kept[g] for g in order]
    del kept
    out.groups.extend(group_scored(
        held, [(s, compact[i], compact[j]) for s, i, j in scored], threshold=threshold,
        min_confidence=min_confidence, affinity=affinity,
    ))
    _slim(held)
    out.groups.sort(key=lambda g: (g.claims[0].article_id, g.claims[0].start, g.id))
    out.attributes.sort(key=lambda a: a.article_id)
    return out


@dataclass(slots=True)
class _BlockContext(Generic[T]):
    """What judging one block needs: set before the blocks run (worker processes inherit it
    when they fork)."""

    db: sqlite_utils.Database
    load: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]]
    policy: BlockingPolicy
    digest: _Digest
    position: dict[str, int]
    story_of: dict[str, str]
    affinity: StoryAffinity
    waiting: set[str | None]
    threshold: float
    min_confidence: float
    sure: Callable[[list[Conflict], StoryAffinity], list[Conflict]]
    per_block: Callable[[list[ClaimRecord]], T]
    blocks: list[list[str]]


@dataclass(slots=True)
class _BlockResult(Generic[T]):
    """What one block hands back (pickled when a worker process judged it)."""

    pairs: int
    #: pairs of stories that wait for the end (see :func:`_reaching`), by claim number
    later: list[tuple[float, int, int]]
    kept: dict[int, ClaimRecord]
    groups: list[Group]
    sheet_conflicts: list[Conflict]
    attributes: list[Attribute]
    kept_by_caller: T


#: The blocks' context in a worker process (inherited from the parent when it forks).
_CONTEXT: _BlockContext[Any] | None = None


def _run_blocks(context: _BlockContext[T], jobs: int) -> Iterator[_BlockResult[T]]:
    """Each block's result, in block order: in this process, or in ``jobs`` forked worker
    processes when there are several blocks, a database file and ``fork`` (the workers
    inherit the digest, affinity and policy instead of receiving copies)."""
    path = _db_file(context.db)
    if jobs < 2 or len(context.blocks) < 2 or path is None \
            or "fork" not in multiprocessing.get_all_start_methods():
        for n in range(len(context.blocks)):
            yield _judge_block(context, n)
        return
    global _CONTEXT
    _CONTEXT = context
    # Objects made so far are left out of the collector's passes: a worker that ran one over
    # them would write to (and so copy) every page they lie on.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(
            min(jobs, len(context.blocks)), initializer=_open_worker, initargs=(path,),
        ) as pool:
            yield from pool.imap(_worker_block, range(len(context.blocks)))
    finally:
        _CONTEXT = None
        gc.unfreeze()


def _db_file(db: sqlite_utils.Database) -> str | None:
    """The file of ``db``'s main database (None in memory)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return str(file) if file else None
    return None


def _open_worker(path: str) -> None:
    # a connection is not carried across fork: each worker opens its own
    assert _CONTEXT is not None
    _CONTEXT.db = sqlite_utils.Database(path)


def _worker_block(n: int) -> _BlockResult[Any]:
    assert _CONTEXT is not None
    return _judge_block(_CONTEXT, n)


def _judge_block(context: _BlockContext[T], n: int) -> _BlockResult[T]:
    """Read block ``n``'s claims, pair, group and judge them, and build and compare their
    fact sheets; the stories that wait for the end keep their scored pairs and claims."""
    digest, affinity = context.digest, context.affinity
    claims = context.load(context.db, context.blocks[n])
    prepare(claims)
    assign_stories(claims, context.story_of)
    pairs = candidate_pairs(claims, policy=context.policy, counts=digest.counts.keys)
    number = _numbers((c.article_id for c in claims), context.position, digest)
    inside = score_pairs(claims, pairs, threshold=context.threshold, by_story=True,
                         affinity=affinity)
    later_stories = _reaching(claims, inside, context.waiting)
    later: list[tuple[float, int, int]] = []
    kept: dict[int, ClaimRecord] = {}
    now: list[tuple[float, int, int]] = []
    for s, i, j in inside:
        if claims[i].story_id in later_stories:
            later.append((s, number[i], number[j]))
            kept.setdefault(number[i], claims[i])
            kept.setdefault(number[j], claims[j])
        else:
            now.append((s, i, j))
    grouped = group_scored(claims, now, threshold=context.threshold,
                           min_confidence=context.min_confidence, affinity=affinity)
    sheets = build_fact_sheets(
        claims, stories=context.story_of, affinity=affinity,
        min_confidence=context.min_confidence, entities=digest.entities,
    )
    result = _BlockResult(
        pairs=len(pairs), later=later, kept=kept, groups=grouped,
        sheet_conflicts=context.sure(sheets.conflicts, affinity),
        attributes=sheets.attributes, kept_by_caller=context.per_block(claims),
    )
    _slim(c for g in grouped for c in g.claims)
    # the block's article pairs are not asked about again (a memo that would grow with the
    # corpus otherwise)
    affinity.forget()
    return result


def _slim(claims: Iterable[ClaimRecord]) -> None:
    """Drop what the report does not need of a claim once it is judged: its masked text and
    its frame."""
    for c in claims:
        c.masked = ""
        c.frame = None


def _reaching(
    claims: Sequence[ClaimRecord], scored: Sequence[tuple[float, int, int]],
    waiting: set[str | None],
) -> set[str | None]:
    """The stories of a block that wait for the end: those a pair across blocks reaches,
    and those a scored pair inside the block joins to one of them."""
    joined: dict[str | None, set[str | None]] = defaultdict(set)
    for _, i, j in scored:
        a, b = claims[i].story_id, claims[j].story_id
        if a != b:
            joined[a].add(b)
            joined[b].add(a)
    out = {c.story_id for c in claims if c.story_id in waiting}
    todo = list(out)
    while todo:
        for other in joined.pop(todo.pop(), set()):
            if other not in out:
                out.add(other)
                todo.append(other)
    return out


def _numbers(
    articles: Iterable[str], position: dict[str, int], d: _Digest
) -> list[int]:
    """Each claim's number in the whole corpus, from its article id (claims come in the
    default engine's order)."""
    out: list[int] = []
    art = ""
    at = 0
    for aid in articles:
        if aid != art:
            art = aid
            at = d.first[position[art]]
        out.append(at)
        at += 1
    return out


@dataclass(slots=True)
class _Digest:
    n: int = 0
    keys: dict[str, ArticleKeys] = field(default_factory=dict)
    #: the articles' names and words, kept compactly until story clustering
    key_tuples: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    affinity: AffinityParts = field(default_factory=AffinityParts)
    counts: CorpusCounts = field(default_factory=CorpusCounts)
    entities: EntityFacts = field(default_factory=EntityFacts)
    #: per article (in id order): its first claim's number and its claim count
    first: array[int] = field(default_factory=lambda: array("q"))
    size: array[int] = field(default_factory=lambda: array("i"))
    #: per claim: its blocking keys' count and where its corpus-wide keys start in ``cross``
    n_keys: array[int] = field(default_factory=lambda: array("i"))
    cross_at: array[int] = field(default_factory=lambda: array("q"))
    cross: list[str] = field(default_factory=list)


def _digest(
    db: sqlite_utils.Database, ids: Sequence[str],
    load: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]],
    jobs: int = 1,
) -> _Digest:
    """Digest the claims of ``ids``, ``DIGEST_ARTICLES`` articles at a time: in this
    process, or in ``jobs`` forked worker processes (see :func:`_run_chunks`), whose parts
    are merged in chunk order into what this process would have made."""
    placed = _placed(db)
    chunks = [ids[start:start + DIGEST_ARTICLES] for start in range(0, len(ids), DIGEST_ARTICLES)]
    path = _db_file(db)
    if jobs < 2 or len(chunks) < 2 or path is None \
            or "fork" not in multiprocessing.get_all_start_methods():
        return _digest_here(db, chunks, load, placed)
    d = _Digest()
    for part in _run_chunks(_ChunkContext(db=db, load=load, placed=placed, chunks=chunks),
                            path, jobs):
        _merge(d, part)
    d.cross_at.append(len(d.cross))
    return d


def _digest_here(
    db: sqlite_utils.Database, chunks: Sequence[Sequence[str]],
    load: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]],
    placed: set[str],
) -> _Digest:
    d = _Digest()
    counts: Counter[str] = Counter()
    for chunk in chunks:
        claims = load(db, chunk)
        prepare(claims)
        add_article_keys(d.keys, claims, placed)
        d.affinity.add(claims, placed)
        d.affinity.freeze()
        for aid in chunk:
            k = d.keys.get(aid)
            if k is not None:
                # sets cost ten times a tuple; story clustering gets them back as sets
                d.key_tuples[aid] = (tuple(k.names), tuple(k.words))
                k.names, k.words = set(), set()
        d.counts.add(claims)
        d.entities.add(claims)
        counts.clear()
        counts.update(c.article_id for c in claims)
        for aid in chunk:
            d.first.append(d.n)
            d.size.append(counts[aid])
            d.n += counts[aid]
        for c in claims:
            d.n_keys.append(len(blocking_keys(c)))
            d.cross_at.append(len(d.cross))
            d.cross.extend(sorted(corpus_keys(c)))
    d.cross_at.append(len(d.cross))
    return d


@dataclass(slots=True)
class _ChunkContext:
    """What digesting one chunk of articles needs (worker processes inherit it when they
    fork)."""

    db: sqlite_utils.Database
    load: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]]
    placed: set[str]
    chunks: list[Sequence[str]]


@dataclass(slots=True)
class _Part:
    """One chunk's digest, made in a worker process and pickled back: what
    :func:`_digest_here` adds for the chunk, in the order it adds it (sets handed over as
    tuples in the order they iterated in the worker, which forked with this process's string
    hashes)."""

    #: per article (in the order its keys were made): id, outlet, published, title, lead
    #: and people
    keys: list[tuple[str, str | None, str | None, str | None, str | None, tuple[str, ...]]]
    #: per article with keys (in id order): its names and words
    key_tuples: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
    #: the affinity's frozen articles (in their order) and its outlets (in theirs)
    frozen: list[tuple[str, tuple[str, ...], tuple[str, ...]]]
    outlet: list[tuple[str, str | None]]
    claims: int
    words: Counter[str]
    corpus_keys: Counter[str]
    persons: tuple[str, ...]
    names: dict[str, str]
    #: per article of the chunk (in id order): its claim count
    size: array[int]
    #: per claim: its blocking keys' count and its corpus-wide keys' count in ``cross``
    n_keys: array[int]
    n_cross: array[int]
    cross: list[str]


def _digest_part(context: _ChunkContext, n: int) -> _Part:
    """Digest chunk ``n`` on its own (see :func:`_digest_here`)."""
    chunk = context.chunks[n]
    claims = context.load(context.db, chunk)
    prepare(claims)
    keys: dict[str, ArticleKeys] = {}
    add_article_keys(keys, claims, context.placed)
    affinity = AffinityParts()
    affinity.add(claims, context.placed)
    affinity.freeze()
    counts = CorpusCounts()
    counts.add(claims)
    entities = EntityFacts()
    entities.add(claims)
    per_article = Counter(c.article_id for c in claims)
    cross: list[str] = []
    n_cross = array("i")
    for c in claims:
        mine = sorted(corpus_keys(c))
        n_cross.append(len(mine))
        cross.extend(mine)
    return _Part(
        keys=[(k.id, k.outlet, k.published, k.title, k.lead, tuple(k.people))
              for k in keys.values()],
        key_tuples=[(aid, tuple(keys[aid].names), tuple(keys[aid].words))
                    for aid in chunk if aid in keys],
        frozen=[(art, *parts) for art, parts in affinity.frozen.items()],
        outlet=list(affinity.outlet.items()),
        claims=counts.claims, words=counts.words, corpus_keys=counts.keys,
        persons=tuple(entities.persons), names=entities.names,
        size=array("i", (per_article[aid] for aid in chunk)),
        n_keys=array("i", (len(blocking_keys(c)) for c in claims)),
        n_cross=n_cross, cross=cross,
    )


def _merge(d: _Digest, part: _Part) -> None:
    """Add one chunk's part to ``d`` (chunks in order) as :func:`_digest_here` adds the
    chunk."""
    for aid, outlet, published, title, lead, people in part.keys:
        d.keys[aid] = ArticleKeys(id=aid, outlet=outlet, published=published, title=title,
                                  lead=lead, people=set(people))
    for aid, names, words in part.key_tuples:
        d.key_tuples[aid] = (names, words)
    for art, names, words in part.frozen:
        d.affinity.frozen[art] = (names, words)
    d.affinity.outlet.update(part.outlet)
    d.counts.claims += part.claims
    d.counts.words.update(part.words)
    d.counts.keys.update(part.corpus_keys)
    d.entities.persons.update(part.persons)
    # the first longest name wins, as when the claims come one by one
    longest = d.entities.names
    for eid, name in part.names.items():
        if len(name) > len(longest.get(eid, "")):
            longest[eid] = name
    for size in part.size:
        d.first.append(d.n)
        d.size.append(size)
        d.n += size
    d.n_keys.extend(part.n_keys)
    at = len(d.cross)
    for k in part.n_cross:
        d.cross_at.append(at)
        at += k
    d.cross.extend(part.cross)


#: The chunks' context in a worker process (inherited from the parent when it forks).
_CHUNKS: _ChunkContext | None = None


def _run_chunks(context: _ChunkContext, path: str, jobs: int) -> Iterator[_Part]:
    """Each chunk's part, in chunk order, from ``jobs`` forked worker processes."""
    global _CHUNKS
    _CHUNKS = context
    gc.freeze()  # (as for the blocks: see :func:`_run_blocks`)
    try:
        with multiprocessing.get_context("fork").Pool(
            min(jobs, len(context.chunks)), initializer=_open_chunk_worker, initargs=(path,),
        ) as pool:
            yield from pool.imap(_worker_chunk, range(len(context.chunks)))
    finally:
        _CHUNKS = None
        gc.unfreeze()


def _open_chunk_worker(path: str) -> None:
    assert _CHUNKS is not None
    _CHUNKS.db = sqlite_utils.Database(path)


def _worker_chunk(n: int) -> _Part:
    assert _CHUNKS is not None
    return _digest_part(_CHUNKS, n)


def _placed(db: sqlite_utils.Database) -> set[str]:
    """:func:`~.compare.stories.placed_entities` of every compared claim, by one query."""
    return {r[0] for r in db.execute(
        """SELECT DISTINCT m.entity_id FROM mentions m
           JOIN claims c ON c.id = m.claim_id
           JOIN sentences s ON s.id = c.sentence_id
           WHERE s.is_boilerplate = 0 AND m.entity_id IS NOT NULL AND m.entity_id != ''
             AND (m.kind IN ('person', 'org', 'place') OR instr(m.value, ' ') > 0
                  OR m.start > c.start)"""
    )}


def _bridges(
    db: sqlite_utils.Database, ids: Sequence[str], position: dict[str, int], d: _Digest,
    policy: BlockingPolicy,
    art_story: array[int], block_of: Sequence[int], story_of: dict[str, str],
    affinity: StoryAffinity, threshold: float,
    ids_of: Callable[[sqlite_utils.Database, Sequence[str]], list[tuple[str, str]]],
    load_ids: Callable[[sqlite_utils.Database, Sequence[str]], list[ClaimRecord]],
    kept: dict[int, ClaimRecord], scored: list[tuple[float, int, int]],
) -> int:
    """Score the candidate pairs whose claims lie in stories of two different blocks (they
    share entity or date keys only); add the pairs that survive to ``scored`` and their claims
    to ``kept``. Returns how many candidate pairs there were."""
    art_of = array("i")
    for a, n in enumerate(d.size):
        art_of.extend([a] * n)
    postings: dict[str, list[int]] = defaultdict(list)
    for i in range(d.n):
        for key in d.cross[d.cross_at[i]:d.cross_at[i + 1]]:
            held = d.counts.keys[key]
            if 2 <= held <= policy.cap(key):
                postings[key].append(i)
    shared: Counter[int] = Counter()
    n = d.n
    for members in postings.values():
        for x in range(len(members)):
            ci = members[x]
            bi = block_of[art_story[art_of[ci]]]
            for y in range(x + 1, len(members)):
                cj = members[y]
                if block_of[art_story[art_of[cj]]] != bi:
                    shared[ci * n + cj] += 1
    del postings
    pairs = sorted(p for p, k in shared.items()
                   if policy.keeps(k, min(d.n_keys[p // n], d.n_keys[p % n])))
    del shared
    # Read only the claims these pairs hold (a few percent of the corpus, spread over most
    # of its articles): their ids first, article chunk by article chunk, then the claims.
    needed = {x for p in pairs for x in divmod(p, n)}
    wanted = sorted({art_of[i] for i in needed})
    number_of: dict[str, int] = {}
    for start in range(0, len(wanted), DIGEST_ARTICLES * 5):
        chunk = [ids[a] for a in wanted[start:start + DIGEST_ARTICLES * 5]]
        listed = ids_of(db, chunk)
        for (_, cid), at in zip(listed, _numbers((a for a, _ in listed), position, d),
                                strict=True):
            if at in needed:
                number_of[cid] = at
    del needed
    reread: dict[int, ClaimRecord] = {}
    names = sorted(number_of)
    for start in range(0, len(names), BRIDGE_PAIRS):
        for c in load_ids(db, names[start:start + BRIDGE_PAIRS]):
            reread[number_of[c.id]] = c
    del number_of, names
    found = list(reread.values())
    prepare(found)
    assign_stories(found, story_of)
    order = sorted(reread)
    local = {g: k for k, g in enumerate(order)}
    mine = [reread[g] for g in order]
    for start in range(0, len(pairs), BRIDGE_PAIRS):
        chunk_pairs = [divmod(p, n) for p in pairs[start:start + BRIDGE_PAIRS]]
        for s, i, j in score_pairs(mine, [(local[i], local[j]) for i, j in chunk_pairs],
                                   threshold=threshold, by_story=True, affinity=affinity):
            scored.append((s, order[i], order[j]))
            kept.setdefault(order[i], mine[i])
            kept.setdefault(order[j], mine[j])
    return len(pairs)


def _blocks(
    ids: Sequence[str], d: _Digest, art_story: array[int], n_stories: int,
) -> tuple[list[list[str]], list[int]]:
    """Article ids of each block (whole stories, about ``BLOCK_CLAIMS`` claims each, in
    article order) and each story's block."""
    members: dict[int, list[int]] = defaultdict(list)
    sizes: Counter[int] = Counter()
    for a in range(len(ids)):
        members[art_story[a]].append(a)
        sizes[art_story[a]] += d.size[a]
    blocks: list[list[str]] = []
    block_of = [-1] * n_stories
    block: list[int] = []
    claims = 0
    for story in sorted(members):
        if block and claims + sizes[story] > BLOCK_CLAIMS:
            blocks.append([ids[a] for a in sorted(block)])
            block, claims = [], 0
        block.extend(members[story])
        claims += sizes[story]
        block_of[story] = len(blocks)
    if block:
        blocks.append([ids[a] for a in sorted(block)])
    return blocks, block_of
