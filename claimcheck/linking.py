"""Entity linking that keeps its state, so new documents cost what they touch (issue 15).

:class:`LinkState` holds what :meth:`claimcheck.entities.EntityLinker.resolve` computes on
the way to its answer: each document's own analysis (people grouped inside the document,
initials and bare surnames left for the corpus, organisation and place names, the names
that tie documents into stories), the surname buckets with the full-name entities in their
first-fit order, the documents of every story anchor, the nicknames, the acronym unions and
every entity's key. :meth:`LinkState.add` takes new documents and recomputes only:

- the surname buckets a new full name falls into (replayed in document order from their
  stored clusters; if the replay puts an older cluster in another entity, the state cannot
  be patched and :class:`Relink` asks for a full resolution);
- the initials, surnames and single words of the documents whose answer can change: the new
  documents, those with a name in a replayed bucket or a nickname that gained an entity, and
  those sharing a story anchor with a new document or whose anchor crossed the "in too many
  documents" cut-off (n/50) as n grew;
- the organisation and place entities that gained or lost a mention or were merged by a new
  acronym;
- the keys of the entities that changed, and of the entities that share their base key (the
  ``~2`` suffixes follow creation order, which the state keeps as a rank).

Building a state from nothing with every document is the full resolution, so the full and the
incremental answers come from one algorithm; ``tests/test_incremental_linking.py`` checks
that ingesting in parts gives the same entity ids and rows as ingesting at once.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .entities import (
    Entity,
    EntityMention,
    _acronym_expansions,
    _acronym_of,
    _best_name,
    _Cluster,
    _first_fold,
    _given_compatible,
    _is_acronym,
    _is_initial,
    _org_key,
    _parse_person,
    _relinkable_single,
    _short_form,
    name_key,
    nickname_of,
)

__all__ = ["DocLinks", "LinkDelta", "LinkState", "Relink", "doc_links"]

Given = tuple[str, ...]
Ref = tuple[str, int]  # (document id, mention index)
# A cluster of full names inside one document: surname key, given names, names, mentions.
ClusterRow = tuple[str, list[Given], list[str], list[int]]
# A name left for the corpus: mention index, name, surname key, given names, what it is
# ("initial", "surname" or "single").
PartialRow = tuple[int, str, str, Given, str]
# An organisation, place or other name: mention index, name, kind.
OtherRow = tuple[int, str, str]
# A name in the organisation pass: mention index, name, kind, folded key.
Entry = tuple[int, str, str, str]

_NONPERSON = ""  # target of a single word that no person takes: the organisation pass


class Relink(Exception):
    """The stored state cannot be patched for these documents: resolve everything again."""


@dataclass(slots=True)
class DocLinks:
    """What linking needs of one document, computed from its mentions alone."""

    clusters: list[ClusterRow] = field(default_factory=list)
    partials: list[PartialRow] = field(default_factory=list)
    others: list[OtherRow] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # multi-word non-person names
    nicks: list[tuple[str, int]] = field(default_factory=list)  # nickname key, cluster
    links: list[tuple[str, str]] = field(default_factory=list)  # acronym key, expansion key
    size: int = 0  # number of mentions


def doc_links(mentions: Sequence[EntityMention]) -> DocLinks:
    """Group one document's mentions: full names by surname, what is left for the corpus."""
    clusters: dict[str, list[_Cluster]] = defaultdict(list)
    partial: list[tuple[int, EntityMention, Any, str]] = []
    singles: list[tuple[int, EntityMention]] = []
    orgs_multi: list[str] = []
    orgs_acr: list[str] = []
    anchors: set[str] = set()
    nicks: dict[str, _Cluster] = {}
    out = DocLinks(size=len(mentions))
    forced_org = _acronym_expansions(mentions)
    for idx, m in enumerate(mentions):
        if idx in forced_org:
            # an acronym of this document spells it: an organisation, whatever its kind
            m = EntityMention(m.start, m.end, m.surface, m.name, "org", m.title)
        if m.kind == "person":
            pn = _parse_person(m.name)
            if pn is None:
                out.others.append((idx, m.name, m.kind))
                continue
            if pn.given and not all(_is_initial(g) for g in pn.given):
                target_cl: _Cluster | None = None
                for cl in clusters[pn.skey]:
                    if all(_given_compatible(pn.given, g) for g in cl.givens):
                        cl.givens.append(pn.given)
                        cl.names.append(m.name)
                        cl.members.append(("", idx))
                        target_cl = cl
                        break
                if target_cl is None:
                    target_cl = _Cluster(pn.skey, [pn.given], [m.name], [("", idx)])
                    clusters[pn.skey].append(target_cl)
                if m.surface != m.name:
                    nick = nickname_of(m.surface)
                    if nick is not None:
                        nicks[name_key(nick)] = target_cl
            elif " " not in m.name and not pn.given:
                singles.append((idx, m))
            else:
                partial.append((idx, m, pn, "initial" if pn.given else "surname"))
        elif " " not in m.name and _relinkable_single(m):
            singles.append((idx, m))
        else:
            out.others.append((idx, m.name, m.kind))
            if " " in m.name:
                anchors.add("n:" + _org_key(m.name))
            if m.kind == "org":
                if _is_acronym(m.name):
                    orgs_acr.append(m.name)
                elif " " in m.name:
                    orgs_multi.append(m.name)
    all_clusters = [c for cl in clusters.values() for c in cl]
    by_given: dict[str, list[_Cluster]] = defaultdict(list)
    for c in all_clusters:
        g0 = c.givens[0][0]
        if not _is_initial(g0):
            by_given[name_key(g0)].append(c)
    # clusters that the document also calls by their given name alone ("Tahirah")
    given_named: set[int] = set()
    for _idx, m in singles:
        key = name_key(m.name)
        if not clusters.get(key) and len(by_given.get(key, ())) == 1:
            given_named.add(id(by_given[key][0]))
    # initials -> the document's one compatible full name
    for idx, m, pn, what in partial:
        cands = [c for c in clusters.get(pn.skey, []) if _given_compatible(pn.given, c.givens[0])]
        if len(cands) > 1 and what == "surname":
            cands = [c for c in cands if id(c) not in given_named] or cands
        if len(cands) == 1:
            cands[0].members.append(("", idx))
            cands[0].names.append(m.name)
        else:
            out.partials.append((idx, m.name, pn.skey, pn.given, what))
    # single words: surname, then given name, then a nickname the document introduced
    for idx, m in singles:
        key = name_key(m.name)
        cands = clusters.get(key, [])
        if len(cands) > 1:
            cands = [c for c in cands if id(c) not in given_named] or cands
        if len(cands) != 1:
            cands = cands if cands else by_given.get(key, [])
        if len(cands) != 1 and key in nicks:
            cands = [nicks[key]]
        if len(cands) == 1:
            cands[0].members.append(("", idx))
            cands[0].names.append(m.name)
            continue
        pn = _parse_person(m.name)
        if pn is not None and not cands and m.kind in ("person", "other"):
            what = "surname" if m.kind == "person" else "single"
            out.partials.append((idx, m.name, pn.skey, pn.given, what))
        elif pn is not None and m.kind == "person":
            out.partials.append((idx, m.name, pn.skey, pn.given, "surname"))
        else:
            sm = _short_form(m, orgs_multi)
            out.others.append((idx, sm.name, sm.kind))
    position = {id(c): i for i, c in enumerate(all_clusters)}
    out.clusters = [(c.skey, c.givens, c.names, [i for _, i in c.members]) for c in all_clusters]
    out.nicks = [(k, position[id(c)]) for k, c in nicks.items()]
    out.anchors = sorted(anchors)
    if orgs_acr and orgs_multi:
        for acr in orgs_acr:
            letters = acr.replace(".", "").rstrip("s") if len(acr) > 2 else acr
            for full in orgs_multi:
                cap = _acronym_of(full)
                if cap == letters or cap.upper() == letters:
                    out.links.append((_org_key(acr), _org_key(full)))
    return out


@dataclass(slots=True)
class LinkDelta:
    """What :meth:`LinkState.add` changed: entity rows to write and delete, and the new
    entity key of every mention whose key changed (new documents' mentions included)."""

    rows: dict[str, tuple[str, str, list[str], int]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    mentions: dict[Ref, str] = field(default_factory=dict)


# handles: "P<n>" a full-name person (pass 2), "S\t<skey>" the people known only by a
# surname, "I\t<skey>\t<letter>" by an initial, "N\t<key>" an organisation, place or other.
# ranks order entities as the full resolution creates them (the ~2 suffixes follow it).
Rank = tuple[Any, ...]
Record = tuple[str, Rank, str, str, list[str], int]  # base, rank, name, kind, aliases, count


class LinkState:
    """The entity linker's state over a set of documents (see the module docstring)."""

    def __init__(self) -> None:
        self.docs: dict[str, DocLinks] = {}
        self.cl_handle: dict[str, list[str]] = {}  # document -> entity of each cluster
        self.targets: dict[str, list[str]] = {}  # document -> entity of each partial
        self.buckets: dict[str, list[str]] = {}  # surname key -> entities, first-fit order
        self.bucket_cl: dict[str, list[tuple[str, int]]] = {}  # surname key -> clusters
        self.givens: dict[str, list[Given]] = {}  # entity -> given names (at most 8)
        self.pclusters: dict[str, list[tuple[str, int]]] = {}  # entity -> its clusters
        self.pmembers: dict[str, set[tuple[str, int]]] = defaultdict(set)  # -> partials
        self.anchor_docs: dict[str, set[str]] = defaultdict(set)
        self.nick_entity: dict[str, list[str]] = defaultdict(list)
        self.partial_docs: dict[str, set[str]] = defaultdict(set)  # s:/n: key -> documents
        self.parent: dict[str, str] = {}
        self.groups: dict[str, dict[tuple[int, str, int], Entry]] = defaultdict(dict)
        self.records: dict[str, Record] = {}
        self.bases: dict[str, set[str]] = defaultdict(set)
        self.keys: dict[str, str] = {}
        self.next_id = 0
        self.stats: dict[str, int] = {"full": 0, "incremental": 0, "fallback": 0}

    # -- helpers -------------------------------------------------------------------------

    def _find(self, k: str) -> str:
        parent = self.parent
        while parent.get(k, k) != k:
            nxt = parent[k]
            parent[k] = parent.get(nxt, nxt)
            k = nxt
        return k

    def _max_docs(self) -> int:
        return max(20, len(self.docs) // 50)  # names in very many documents tie no story

    def _doc_anchors(self, aid: str) -> set[str]:
        got = set(self.docs[aid].anchors)
        got.update("p:" + h for h in self.cl_handle[aid])
        return got

    # -- adding documents ----------------------------------------------------------------

    def add(self, new_docs: Iterable[tuple[str, Sequence[EntityMention]]]) -> LinkDelta:
        """Link new documents (ids not yet in the state) and return what changed.

        :raises Relink: when the stored answers cannot be patched exactly (the state is then
            unusable; build a new one from every document).
        """
        dirty: set[str] = set()
        moved: set[Ref] = set()
        max_old = self._max_docs()
        new_ids: list[str] = []
        for aid, mentions in new_docs:
            if aid in self.docs:
                raise ValueError(f"document {aid!r} is already linked")
            self.docs[aid] = doc_links(mentions)
            new_ids.append(aid)
            moved.update((aid, i) for i in range(len(mentions)))
        new_set = set(new_ids)
        max_new = self._max_docs()

        # ---- full names: replay each bucket a new full name falls into
        touched: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for aid in new_ids:
            cls = self.docs[aid].clusters
            self.cl_handle[aid] = [""] * len(cls)
            for c, cl in enumerate(cls):
                touched[cl[0]].append((aid, c))
        for skey in sorted(touched):
            self._replay_bucket(skey, touched[skey], dirty)
        nick_changed: set[str] = set()
        for aid in new_ids:
            handles = self.cl_handle[aid]
            for k, c in self.docs[aid].nicks:
                lst = self.nick_entity[k]
                if handles[c] not in lst:
                    lst.append(handles[c])
                    nick_changed.add(k)

        # ---- story anchors; which older documents may answer differently
        affected: set[str] = set()
        before: dict[str, int] = {}
        for aid in new_ids:
            for a in self._doc_anchors(aid):
                docs = self.anchor_docs[a]
                before.setdefault(a, len(docs))
                docs.add(aid)
        for a, n_before in before.items():
            docs = self.anchor_docs[a]
            if n_before <= max_old or len(docs) <= max_new:
                affected |= docs
        if max_new != max_old:
            for a, docs in self.anchor_docs.items():
                if a not in before and max_old < len(docs) <= max_new:
                    affected |= docs
        for skey in touched:
            affected |= self.partial_docs.get("s:" + skey, set())
        for k in nick_changed:
            affected |= self.partial_docs.get("n:" + k, set())
        affected -= new_set

        # ---- initials, surnames and single words
        ent_docs: dict[str, set[str]] = {}
        near_of: dict[str, set[str]] = {}
        removed: list[tuple[str, int, str]] = []
        added: list[tuple[str, int, str]] = []
        for aid in new_ids:
            doc = self.docs[aid]
            for p in doc.partials:
                self.partial_docs["s:" + p[2]].add(aid)
                self.partial_docs["n:" + name_key(p[1])].add(aid)
        for aid in [*new_ids, *sorted(affected)]:
            doc = self.docs[aid]
            if not doc.partials:
                continue
            new = [self._decide(aid, p, max_new, ent_docs, near_of) for p in doc.partials]
            old = self.targets.get(aid)
            for j, target in enumerate(new):
                if old is not None and old[j] == target:
                    continue
                moved.add((aid, doc.partials[j][0]))
                if old is not None:
                    removed.append((aid, j, old[j]))
                added.append((aid, j, target))
            self.targets[aid] = new

        # ---- organisations, places and other names
        for aid in new_ids:
            for a, b in self.docs[aid].links:
                self._union(a, b, dirty, moved)
        for aid, j, target in removed:
            if target == _NONPERSON:
                name = self.docs[aid].partials[j][1]
                k = self._find(_org_key(name)) or name.casefold()
                del self.groups[k][(1, aid, j)]
                dirty.add("N\t" + k)
            else:
                self.pmembers[target].discard((aid, j))
                dirty.add(target)
        for aid in new_ids:
            for j, (idx, name, kind) in enumerate(self.docs[aid].others):
                okey = _org_key(name)
                k = self._find(okey) or name.casefold()
                self.groups[k][(0, aid, j)] = (idx, name, kind, okey)
                dirty.add("N\t" + k)
        for aid, j, target in added:
            if target == _NONPERSON:
                idx, name = self.docs[aid].partials[j][:2]
                okey = _org_key(name)
                k = self._find(okey) or name.casefold()
                self.groups[k][(1, aid, j)] = (idx, name, "other", okey)
                dirty.add("N\t" + k)
            else:
                self.pmembers[target].add((aid, j))
                dirty.add(target)
        return self._rekey(dirty, moved)

    def _replay_bucket(self, skey: str, new_cl: list[tuple[str, int]], dirty: set[str]) -> None:
        order = sorted([*self.bucket_cl.get(skey, []), *new_cl])
        fresh = set(new_cl)
        r_givens: list[list[Given]] = []
        r_of: list[int] = []
        for aid, c in order:
            givens = self.docs[aid].clusters[c][1]
            target = -1
            for r, eg in enumerate(r_givens):
                if all(_given_compatible(g, h) for g in givens[:1] for h in eg):
                    target = r
                    break
            if target < 0:
                r_givens.append([])
                target = len(r_givens) - 1
            eg = r_givens[target]
            for g in givens:
                if g not in eg and len(eg) < 8:
                    eg.append(g)
            r_of.append(target)
        # the older clusters must keep their entities: one old entity per replayed one
        handle_of: dict[int, str] = {}
        seen: set[str] = set()
        for (aid, c), r in zip(order, r_of, strict=True):
            if (aid, c) in fresh:
                continue
            h = self.cl_handle[aid][c]
            got = handle_of.get(r)
            if got is None:
                if h in seen:
                    raise Relink(f"bucket {skey!r}: an older full name changes entity")
                handle_of[r] = h
                seen.add(h)
            elif got != h:
                raise Relink(f"bucket {skey!r}: two older entities merge")
        handles: list[str] = []
        for r in range(len(r_givens)):
            known = handle_of.get(r)
            if known is None:
                known = f"P{self.next_id}"
                self.next_id += 1
            handles.append(known)
        members: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for (aid, c), r in zip(order, r_of, strict=True):
            h = handles[r]
            members[h].append((aid, c))
            if (aid, c) in fresh:
                self.cl_handle[aid][c] = h
                dirty.add(h)
        for r, h in enumerate(handles):
            self.givens[h] = r_givens[r]
            self.pclusters[h] = members[h]
        self.buckets[skey] = handles
        self.bucket_cl[skey] = order

    def _decide(
        self,
        aid: str,
        p: PartialRow,
        max_docs: int,
        ent_docs: dict[str, set[str]],
        near_of: dict[str, set[str]],
    ) -> str:
        """The entity of an initial, surname or single word left by its document."""
        _idx, name, skey, given, what = p
        bucket = self.buckets.get(skey, [])
        if what == "initial":
            cands = [e for e in bucket if any(_given_compatible(given, g) for g in self.givens[e])]
            if len(cands) == 1:
                return cands[0]
            return f"I\t{skey}\t{_first_fold(given[0])[:1]}"
        near = near_of.get(aid)
        if near is None:
            near = {aid}
            for a in self._doc_anchors(aid):
                docs = self.anchor_docs[a]
                if len(docs) <= max_docs:
                    near |= docs
            near_of[aid] = near

        def docs_of(e: str) -> set[str]:
            got = ent_docs.get(e)
            if got is None:
                got = ent_docs[e] = {d for d, _ in self.pclusters[e]}
            return got

        story = [e for e in bucket if not docs_of(e).isdisjoint(near)]
        if not story:
            story = [e for e in self.nick_entity.get(name_key(name), []) if not docs_of(e).isdisjoint(near)]
        if len(story) == 1:
            return story[0]
        doc = self.docs[aid]
        if len(bucket) == 1 and not story and (
            what == "surname" or not (doc.anchors or doc.clusters)
        ):
            # no story to check against: a surname the finder typed as a person, or a word of
            # a document that shares no name with any other, links to the corpus' one bearer
            return bucket[0]
        if what == "single":
            return _NONPERSON
        return f"S\t{skey}"

    def _union(self, a: str, b: str, dirty: set[str], moved: set[Ref]) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        group = self.groups.get(hi)
        if not group:
            return
        dirty.add("N\t" + hi)
        for key, entry in list(group.items()):
            if entry[3] == "":
                continue  # keyed by its own casefolded name, which happens to equal hi
            del group[key]
            k = lo or entry[1].casefold()
            self.groups[k][key] = entry
            dirty.add("N\t" + k)
            moved.add((key[1], entry[0]))

    # -- entities and keys ---------------------------------------------------------------

    def _record(self, h: str) -> Record | None:
        names: list[str] = []
        full: list[str] = []
        count = 0
        if h[0] == "N":
            group = self.groups.get(h[2:])
            if not group:
                return None
            kinds: Counter[str] = Counter()
            ordered = sorted(group)
            for key in ordered:
                _idx, name, kind, _okey = group[key]
                names.append(name)
                kinds[kind] += 1
            full = names
            specific = [(c, k) for k, c in kinds.items() if k not in ("other", "person")]
            kind = max(specific)[1] if specific else kinds.most_common(1)[0][0]
            rank: Rank = (2, *ordered[0])
            count = len(names)
        else:
            kind = "person"
            ranks: list[Rank] = []
            if h[0] == "P":
                cls = self.pclusters[h]
                for aid, c in cls:
                    _skey, givens, cl_names, cl_members = self.docs[aid].clusters[c]
                    names.extend(cl_names)
                    full.extend(n for n, g in zip(cl_names, givens, strict=False) if g)
                    count += len(cl_members)
                ranks.append((0, *cls[0]))
            for aid, j in self.pmembers.get(h, ()):
                names.append(self.docs[aid].partials[j][1])
                count += 1
                ranks.append((1, aid, j))
            if not ranks:
                return None
            rank = min(ranks)
        display = _best_name(full or names)
        base = f"{kind}:{name_key(display) if kind == 'person' else _org_key(display)}"
        return (base, rank, display, kind, sorted(set(names)), count)

    def _rekey(self, dirty: set[str], moved: set[Ref]) -> LinkDelta:
        delta = LinkDelta()
        bases: set[str] = set()
        changed: set[str] = set(dirty)
        for h in dirty:
            old = self.records.get(h)
            rec = self._record(h)
            if old is not None:
                bases.add(old[0])
                if rec is None or rec[0] != old[0]:
                    self.bases[old[0]].discard(h)
            if rec is None:
                self.records.pop(h, None)
                key = self.keys.pop(h, None)
                if key is not None:
                    delta.deleted.add(key)
                continue
            self.records[h] = rec
            bases.add(rec[0])
            self.bases[rec[0]].add(h)
        rekeyed: set[str] = set()
        for base in bases:
            hs = self.bases.get(base)
            if not hs:
                self.bases.pop(base, None)
                continue
            for i, h in enumerate(sorted(hs, key=lambda x: self.records[x][1])):
                key = base if i == 0 else f"{base}~{i + 1}"
                old_key = self.keys.get(h)
                if old_key != key:
                    if old_key is not None:
                        delta.deleted.add(old_key)
                    self.keys[h] = key
                    rekeyed.add(h)
                    changed.add(h)
        for h in changed:
            rec = self.records.get(h)
            if rec is not None:
                delta.rows[self.keys[h]] = (rec[2], rec[3], rec[4], rec[5])
        delta.deleted -= set(delta.rows)
        refs_by_doc: dict[str, set[int]] = defaultdict(set)
        for aid, i in moved:
            refs_by_doc[aid].add(i)
        for h in rekeyed:
            for aid, i in self._members(h):
                refs_by_doc[aid].add(i)
        for aid, idxs in refs_by_doc.items():
            handles = self.doc_handles(aid)
            for i in idxs:
                delta.mentions[(aid, i)] = self.keys[handles[i]]
        return delta

    def _members(self, h: str) -> list[Ref]:
        if h[0] == "N":
            return [(key[1], entry[0]) for key, entry in self.groups.get(h[2:], {}).items()]
        out: list[Ref] = []
        if h[0] == "P":
            for aid, c in self.pclusters[h]:
                out.extend((aid, i) for i in self.docs[aid].clusters[c][3])
        for aid, j in self.pmembers.get(h, ()):
            out.append((aid, self.docs[aid].partials[j][0]))
        return out

    def doc_handles(self, aid: str) -> list[str]:
        """The entity handle of each mention of a document."""
        doc = self.docs[aid]
        out = [""] * doc.size
        for c, (_s, _g, _n, members) in enumerate(doc.clusters):
            h = self.cl_handle[aid][c]
            for i in members:
                out[i] = h
        targets = self.targets.get(aid, [])
        for j, (idx, name, *_rest) in enumerate(doc.partials):
            t = targets[j]
            out[idx] = t if t != _NONPERSON else "N\t" + (self._find(_org_key(name)) or name.casefold())
        for idx, name, _kind in doc.others:
            out[idx] = "N\t" + (self._find(_org_key(name)) or name.casefold())
        return out

    def entities(self) -> list[Entity]:
        """Every entity, sorted by key."""
        out = [
            Entity(self.keys[h], rec[2], rec[3], rec[4]) for h, rec in self.records.items()
        ]
        out.sort(key=lambda e: e.key)
        return out

    # -- storage -------------------------------------------------------------------------

    def dumps(self) -> bytes:
        """The state as compressed JSON (plain data: loading it runs no code)."""
        docs = {
            aid: [
                [[s, [list(g) for g in gs], ns, ms] for s, gs, ns, ms in d.clusters],
                [[i, n, s, list(g), w] for i, n, s, g, w in d.partials],
                [list(o) for o in d.others],
                d.anchors,
                [list(x) for x in d.nicks],
                [list(x) for x in d.links],
                d.size,
            ]
            for aid, d in self.docs.items()
        }
        data = {
            "docs": docs,
            "cl_handle": self.cl_handle,
            "targets": self.targets,
            "buckets": self.buckets,
            "bucket_cl": {k: [list(x) for x in v] for k, v in self.bucket_cl.items()},
            "givens": {k: [list(g) for g in v] for k, v in self.givens.items()},
            "pclusters": {k: [list(x) for x in v] for k, v in self.pclusters.items()},
            "pmembers": {k: sorted(list(x) for x in v) for k, v in self.pmembers.items() if v},
            "anchor_docs": {k: sorted(v) for k, v in self.anchor_docs.items()},
            "nick_entity": dict(self.nick_entity),
            "partial_docs": {k: sorted(v) for k, v in self.partial_docs.items()},
            "parent": self.parent,
            "groups": {
                k: [[*key, *entry] for key, entry in g.items()] for k, g in self.groups.items() if g
            },
            "records": {h: [r[0], list(r[1]), r[2], r[3], r[4], r[5]] for h, r in self.records.items()},
            "keys": self.keys,
            "next_id": self.next_id,
            "stats": self.stats,
        }
        return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)

    @classmethod
    def loads(cls, blob: bytes) -> LinkState:
        """A state written by :meth:`dumps`."""
        data = json.loads(zlib.decompress(blob))
        st = cls()
        for aid, (cls_, parts, others, anchors, nicks, links, size) in data["docs"].items():
            st.docs[aid] = DocLinks(
                [(s, [tuple(g) for g in gs], ns, ms) for s, gs, ns, ms in cls_],
                [(i, n, s, tuple(g), w) for i, n, s, g, w in parts],
                [(i, n, k) for i, n, k in others],
                anchors,
                [(k, c) for k, c in nicks],
                [(a, b) for a, b in links],
                size,
            )
        st.cl_handle = data["cl_handle"]
        st.targets = data["targets"]
        st.buckets = data["buckets"]
        st.bucket_cl = {k: [(a, c) for a, c in v] for k, v in data["bucket_cl"].items()}
        st.givens = {k: [tuple(g) for g in v] for k, v in data["givens"].items()}
        st.pclusters = {k: [(a, c) for a, c in v] for k, v in data["pclusters"].items()}
        st.pmembers = defaultdict(set, {k: {(a, j) for a, j in v} for k, v in data["pmembers"].items()})
        st.anchor_docs = defaultdict(set, {k: set(v) for k, v in data["anchor_docs"].items()})
        st.nick_entity = defaultdict(list, data["nick_entity"])
        st.partial_docs = defaultdict(set, {k: set(v) for k, v in data["partial_docs"].items()})
        st.parent = data["parent"]
        st.groups = defaultdict(dict)
        for k, rows in data["groups"].items():
            st.groups[k] = {(ph, aid, j): (i, n, kd, ok) for ph, aid, j, i, n, kd, ok in rows}
        st.records = {h: (r[0], tuple(r[1]), r[2], r[3], r[4], r[5]) for h, r in data["records"].items()}
        st.bases = defaultdict(set)
        for h, rec in st.records.items():
            st.bases[rec[0]].add(h)
        st.keys = data["keys"]
        st.next_id = data["next_id"]
        st.stats = data["stats"]
        return st


def resolve_all(
    docs: Iterable[tuple[str, Sequence[EntityMention]]],
) -> tuple[LinkState, list[Entity], dict[Ref, str]]:
    """Link documents from nothing: the state, the entities and each mention's key."""
    st = LinkState()
    delta = st.add(docs)
    return st, st.entities(), delta.mentions
