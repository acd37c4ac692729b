"""Group claims: blocking -> similarity -> clustering -> verdicts, as pure functions.

Claims in, groups and conflicts out: nothing here reads or writes a database, so the same
functions run on one partition of a larger job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .affinity import STORY_AFFINITY, StoryAffinity
from .blocking import candidate_pairs
from .clustering import cluster
from .model import ClaimRecord, Conflict, Finding, Group
from .similarity import similarity
from .text import prepare, stable_id
from .verdicts import DEFAULT_MIN_CONFIDENCE, compare_pair

#: Similarity (0..1) two claims need to be grouped; tuned on the seeds (recall 0.90,
#: precision 1.00) and checked against cross-event grouping on the gun-violence corpus.
DEFAULT_THRESHOLD = 0.52
#: Claims of unrelated articles must be this similar to be grouped (stock phrases).
VERBATIM = 0.9


def anchors(claim: ClaimRecord) -> frozenset[str]:
    """What pins a claim to one event: named participants, places, explicit dates, numbers.

    "The investigation is still ongoing" has none; "Russia does not list Hamas as a terrorist
    group" has two (Russia, Hamas).
    """
    out = set()
    for s in claim.slots:
        # Only what the entity finder placed as a person, organisation or place: a capitalised
        # opener ("The Investigation") or a product name in a widget line is no participant.
        if s.entity_id and s.kind in ("person", "org", "place"):
            out.add(s.entity_id)
        elif s.kind == "date" and "|relative" not in (s.unit or ""):
            out.add(f"@{s.value}")
        elif s.kind == "quantity":
            out.add(f"#{s.value}|{s.unit or ''}")
    return frozenset(out)


def anchors_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two claims of different stories may state one background fact: every anchor of the
    sparser claim is in the other, and they share a name or date (not only a number)."""
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return small <= big and any(k[0] != "#" for k in small)


def find_groups(
    claims: list[ClaimRecord],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    stories: Mapping[str, str] | None = None,
    prepared: bool = False,
    affinity: StoryAffinity | None = None,
    pairs: Sequence[tuple[int, int]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 20_000,
) -> tuple[list[Group], int]:
    """Group claims and decide verdicts; return the groups and the candidate pair count.

    Conflicts whose confidence is below ``min_confidence`` are not kept; the pair then counts
    as a refinement.

    With ``stories`` (article id -> story id, see :mod:`.stories`) claims group inside their
    story; across stories only claims whose anchors match (:func:`anchors_match`) are
    grouped, and conflicts are only reported inside one story. Without it, the older
    article-affinity gate alone decides. ``prepared`` says :func:`~.text.prepare` has already
    run on these claims (story clustering needs it first); ``affinity`` is their
    :class:`StoryAffinity` when the caller has already built it (the fact sheets need it too);
    ``pairs`` are the candidate pairs when another engine has found them (a SQL self-join
    on the blocking keys) instead of :func:`~.blocking.candidate_pairs`. ``progress`` is
    called with (pairs scored, candidate pairs) before each ``batch`` of pairs is scored and
    once all are; each pair is judged on its own, so the batches give the same result.

    The chain is :func:`score_pairs` -> :func:`group_scored` (clustering, then
    :func:`judge_cluster` per cluster and :func:`assemble`); engines that score in batches or
    cluster per connected component call those steps themselves.
    """
    if not prepared:
        prepare(claims)
    assign_stories(claims, stories)
    if pairs is None:
        pairs = candidate_pairs(claims)
    if affinity is None:
        affinity = StoryAffinity(claims)
    pins: dict[int, frozenset[str]] = {}
    scored: list[tuple[float, int, int]] = []
    for start in range(0, len(pairs), batch):
        if progress is not None:
            progress(start, len(pairs))
        scored.extend(score_pairs(
            claims, pairs[start:start + batch], threshold=threshold,
            by_story=stories is not None, affinity=affinity, pins=pins,
        ))
    if progress is not None:
        progress(len(pairs), len(pairs))
    groups = group_scored(
        claims, scored, threshold=threshold, min_confidence=min_confidence, affinity=affinity
    )
    return groups, len(pairs)


def assign_stories(claims: Sequence[ClaimRecord], stories: Mapping[str, str] | None) -> None:
    """Set each claim's ``story_id`` from its article's story (None without stories)."""
    for c in claims:
        c.story_id = stories.get(c.article_id) if stories is not None else None


def score_pairs(
    claims: Sequence[ClaimRecord],
    pairs: Iterable[tuple[int, int]],
    *,
    threshold: float,
    by_story: bool,
    affinity: StoryAffinity,
    pins: dict[int, frozenset[str]] | None = None,
) -> list[tuple[float, int, int]]:
    """The candidate pairs worth clustering, with their similarity: ``(s, i, j)``.

    A pair is dropped when it is far below ``threshold``, or when its claims lie in different
    stories (``by_story``) without matching anchors, or in unrelated articles without being
    almost verbatim. Each pair is judged on its own, so pairs can be scored in batches or on
    different machines; ``pins`` caches each claim's anchors across batches.
    """
    if pins is None:
        pins = {}

    def pinned(i: int) -> frozenset[str]:
        hit = pins.get(i)
        if hit is None:
            hit = pins[i] = anchors(claims[i])
        return hit

    scored: list[tuple[float, int, int]] = []
    for i, j in pairs:
        s = similarity(claims[i], claims[j])
        if s < threshold * 0.85:
            continue
        same = by_story and claims[i].story_id == claims[j].story_id
        if by_story and not same and not anchors_match(pinned(i), pinned(j)):
            continue
        if (
            not same and s < VERBATIM
            and affinity(claims[i].article_id, claims[j].article_id) < STORY_AFFINITY
        ):
            continue
        scored.append((s, i, j))
    return scored


def group_scored(
    claims: Sequence[ClaimRecord],
    scored: Sequence[tuple[float, int, int]],
    *,
    threshold: float,
    min_confidence: float,
    affinity: StoryAffinity,
) -> list[Group]:
    """Cluster the scored pairs, judge every cluster and report each disagreement once."""
    sims = {(i, j): s for s, i, j in scored}
    clusters = cluster(len(claims), scored, [c.article_id for c in claims], threshold)
    drafts = (
        judge_cluster(claims, members, sims, affinity=affinity, min_confidence=min_confidence)
        for members in clusters
    )
    return assemble(d for d in drafts if d is not None)


@dataclass(slots=True)
class PairOutcome:
    """How two claims of different articles in one cluster compare (before deduplication)."""

    a: ClaimRecord
    b: ClaimRecord
    relation: str = ""
    findings: list[Finding] = field(default_factory=list)
    #: the comparison failed: the pair is left out and the error kept on the group
    error: str | None = None


@dataclass(slots=True)
class GroupDraft:
    """A cluster judged on its own: its group (no verdict yet) and every pair's outcome.

    Judging needs only the cluster's claims, so it runs anywhere; :func:`assemble` then
    reports each disagreement between two articles once across all groups, which needs the
    drafts in clustering order.
    """

    group: Group
    outcomes: list[PairOutcome]


def judge_cluster(
    claims: Sequence[ClaimRecord],
    members: Sequence[int],
    sims: Mapping[tuple[int, int], float],
    *,
    affinity: StoryAffinity,
    min_confidence: float,
) -> GroupDraft | None:
    """Compare every cross-article pair of one cluster; None when it spans one article."""
    records = [claims[i] for i in members]
    if len({c.article_id for c in records}) < 2:
        return None
    gid = stable_id("g", *sorted(c.id for c in records))
    group = Group(id=gid, verdict="agree", claims=records)
    story_ids = {c.story_id for c in records}
    group.story_id = story_ids.pop() if len(story_ids) == 1 else None
    outcomes: list[PairOutcome] = []
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            i, j = members[x], members[y]
            a, b = claims[i], claims[j]
            if a.article_id == b.article_id:
                continue
            sim = sims.get((i, j) if i < j else (j, i))
            if sim is None:
                # grouped through other members: score the pair itself
                sim = similarity(a, b)
            try:
                verdict = compare_pair(a, b, sim, affinity(a.article_id, b.article_id))
            except Exception as exc:  # one odd claim must not cost the whole report
                outcomes.append(PairOutcome(a, b, error=f"{a.id} vs {b.id}: {type(exc).__name__}: {exc}"))
                continue
            findings = [f for f in verdict.conflicts if f.confidence >= min_confidence]
            if findings and (
                a.story_id != b.story_id or not affinity.same_story(a.article_id, b.article_id)
            ):
                findings = []
            relation = verdict.relation
            if relation == "conflict" and not findings:
                relation = "refine"
            outcomes.append(PairOutcome(a, b, relation, findings))
    return GroupDraft(group, outcomes)


def assemble(drafts: Iterable[GroupDraft]) -> list[Group]:
    """Groups with verdicts and conflicts from judged clusters, taken in clustering order.

    One disagreement between two articles is reported once, however many of their claims
    restate it (an apposition and its main clause): the surest statement wins, the earlier
    one on a tie.
    """
    groups: list[Group] = []
    reported: dict[tuple[str, ...], Conflict] = {}
    for draft in drafts:
        group = draft.group
        gid = group.id
        relations: set[str] = set()
        seen: set[str] = set()
        for outcome in draft.outcomes:
            if outcome.error is not None:
                group.errors.append(outcome.error)
                continue
            a, b = outcome.a, outcome.b
            relations.add(outcome.relation)
            for f in outcome.findings:
                # The values are part of the id: one pair can disagree twice on one kind
                # ("3 killed and 5 injured" vs "4 killed and 7 injured").
                cid = stable_id("x", gid, a.id, b.id, f.kind, f.a_value, f.b_value)
                if cid in seen:
                    continue
                seen.add(cid)
                key = _disagreement_key(a, b, f.kind, f.a_value, f.b_value)
                earlier = reported.get(key)
                if earlier is not None and earlier.confidence >= f.confidence:
                    continue
                conflict = Conflict(
                    id=cid, group_id=gid, kind=f.kind, a=a, b=b, a_value=f.a_value,
                    b_value=f.b_value, explanation=f.explanation, confidence=f.confidence,
                    update=f.update, story_id=a.story_id,
                )
                if earlier is not None:
                    _drop(groups, group, earlier)
                reported[key] = conflict
                group.conflicts.append(conflict)
        group.verdict = (
            "conflict" if group.conflicts else "refine" if "refine" in relations else "agree"
        )
        groups.append(group)
    groups.sort(key=lambda g: (g.claims[0].article_id, g.claims[0].start, g.id))
    return groups


def _disagreement_key(
    a: ClaimRecord, b: ClaimRecord, kind: str, a_value: str, b_value: str
) -> tuple[str, ...]:
    if (a.article_id, a_value) > (b.article_id, b_value):
        a, b, a_value, b_value = b, a, b_value, a_value
    return (a.article_id, b.article_id, kind, a_value.lower(), b_value.lower())


def _drop(groups: list[Group], current: Group, conflict: Conflict) -> None:
    """Remove a conflict superseded by a surer statement of the same disagreement."""
    for g in [*groups, current]:
        if conflict in g.conflicts:
            g.conflicts.remove(conflict)
            if not g.conflicts and g is not current and g.verdict == "conflict":
                g.verdict = "refine"
