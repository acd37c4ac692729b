"""Entity linking that keeps its state, so new documents cost what they touch (issue 15).

:class:`LinkState` holds what :meth:`claimcheck.entities.EntityLinker.resolve` computes on
the way to its answer: each document's own analysis (people grouped inside the document,
initials and bare surnames left for the corpus, organisation and place names, the names
that tie documents into stories), the surname buckets with the full-name entities in their
first-fit order, the documents of every story anchor, the nicknames, the acronym unions and
every entity's key. :meth:`LinkState.add` takes new documents and recomputes only:

- the surname buckets a new full name falls into (replayed in document order from their
  stored clusters). An older full name the replay puts in another entity is moved there,
  and its document's story anchors with it; if that name introduced a nickname, the
  nickname lists cannot be patched and :class:`Relink` asks for a full resolution;
- the initials, surnames and single words of the documents whose answer can change: the new
  documents, those with a name in a replayed bucket or called by a nickname of an entity
  that gained a document or a nickname, the documents of a moved full name and those
  sharing one of its old or new anchors, and the documents of an anchor that crossed the
  "in too many documents" cut-off (n/50), by gaining documents or as n grew (a document
  that only shares a story with a new one can only gain the entities of new full names,
  which are in the replayed buckets);
- the organisation and place entities that gained or lost a mention or were merged by a new
  acronym;
- the keys of the entities that changed, and of the entities that share their base key (the
  ``~2`` suffixes follow creation order, which the state keeps as a rank).

Building a state from nothing with every document is the full resolution, so the full and the
incremental answers come from one algorithm; ``tests/test_incremental_linking.py`` checks
that ingesting in parts gives the same entity ids and rows as ingesting at once.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

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

__all__ = ["DocLinks", "LinkDelta", "LinkState", "Relink", "doc_links", "link_fingerprint", "resolve_all"]

V = TypeVar("V")

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
BucketRow = tuple[str, int, list[Given]]  # document, cluster, given names
PClusterRow = tuple[str, int, list[str], int, list[int]]  # + names, number of givens, mentions

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

    def __init__(self, db: Any = None, *, fresh: bool = True) -> None:
        """A state in memory (``db`` None), or one kept in ``db``'s ``link_state`` table:
        ``fresh`` starts it empty (the table is replaced on :meth:`save`), otherwise rows are
        read as they are needed and :meth:`save` writes back the ones that changed."""
        src = None if fresh else db
        sp: type[_Space[Any]] = _Space if src is not None else _MemSpace
        self._db = db
        self._fresh = fresh
        self.docs: _Space[DocLinks] = sp(src, "doc", _dec_doc, _enc_doc)
        self.cl_handle: _Space[list[str]] = sp(src, "clh", list, list)  # entity of each cluster
        self.targets: _Space[list[str]] = sp(src, "tgt", list, list)  # entity of each partial
        self.buckets: _Space[list[str]] = sp(src, "bkt", list, list)  # entities, first-fit order
        # surname key -> (document, cluster, given names) of its clusters, document order
        self.bucket_cl: _Space[list[BucketRow]] = sp(src, "bcl", _dec_bucket, _enc_bucket)
        self.givens: _Space[list[Given]] = sp(src, "giv", _dec_givens, _enc_givens)  # at most 8
        # entity -> its clusters: document, cluster, names, number of given names, mentions
        self.pclusters: _Space[list[PClusterRow]] = sp(src, "pcl", _dec_pcl, _enc_pcl)
        self.pmembers: _Space[set[tuple[str, int]]] = sp(src, "pmb", _dec_pairset, _enc_pairset, set)
        self.anchor_docs: _Space[set[str]] = sp(src, "anc", set, sorted, set, counted=True)
        self.nick_entity: _Space[list[str]] = sp(src, "nck", list, list, list)
        self.nick_keys: _Space[list[str]] = sp(src, "nkh", list, list, list)  # entity -> nicknames
        self.partial_docs: _Space[set[str]] = sp(src, "pdc", set, sorted, set)  # s:/n: key -> docs
        self.parent: _Space[str] = sp(src, "par", str, str)
        self.groups: _Space[dict[tuple[int, str, int], Entry]] = sp(src, "grp", _dec_group, _enc_group, dict)
        self.records: _Space[Record] = sp(src, "rec", _dec_record, _enc_record)
        self.bases: _Space[set[str]] = sp(src, "bas", set, sorted, set)
        self.keys: _Space[str] = sp(src, "key", str, str)
        meta: dict[str, Any] = {}
        if src is not None:
            meta = {k: json.loads(v) for k, v in db.execute(
                "SELECT k, v FROM link_state WHERE space = 'meta'")}
        self.n_docs: int = meta.get("n_docs", 0)
        self.n_entities: int = meta.get("n_entities", 0)
        self.next_id: int = meta.get("next_id", 0)
        self.articles: int = meta.get("articles", 0)
        self.fingerprint: str | None = meta.get("fingerprint")
        self.stats: dict[str, int] = meta.get("stats", {"full": 0, "incremental": 0, "fallback": 0})

    def save(self, db: Any) -> None:
        """Write the state to ``db``'s ``link_state`` table (inside the caller's transaction)."""
        if self._fresh:
            db.execute("DELETE FROM link_state")
        for space in (
            self.docs, self.cl_handle, self.targets, self.buckets, self.bucket_cl, self.givens,
            self.pclusters, self.pmembers, self.anchor_docs, self.nick_entity, self.nick_keys,
            self.partial_docs,
            self.parent, self.groups, self.records, self.bases, self.keys,
        ):
            space.flush(db)
        meta = {
            "n_docs": self.n_docs, "n_entities": self.n_entities, "next_id": self.next_id,
            "articles": self.articles, "fingerprint": self.fingerprint, "stats": self.stats,
        }
        db.conn.executemany(
            "INSERT OR REPLACE INTO link_state (space, k, v, n) VALUES ('meta', ?, ?, NULL)",
            [(k, json.dumps(v)) for k, v in meta.items()],
        )

    # -- helpers -------------------------------------------------------------------------

    def _find(self, k: str) -> str:
        parent = self.parent
        while parent.get(k, k) != k:
            nxt = parent[k]
            parent[k] = parent.get(nxt, nxt)
            k = nxt
        return k

    def _max_docs(self) -> int:
        return max(20, self.n_docs // 50)  # names in very many documents tie no story

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
            self.n_docs += 1
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
        regrouped: dict[str, list[str]] = {}  # older document -> its clusters' old entities
        for skey in sorted(touched):
            self._replay_bucket(skey, touched[skey], dirty, regrouped, moved)
        nick_changed: set[str] = set()
        for aid in new_ids:
            handles = self.cl_handle[aid]
            for k, c in self.docs[aid].nicks:
                lst = self.nick_entity[k]
                if handles[c] not in lst:
                    lst.append(handles[c])
                    self.nick_keys[handles[c]].append(k)
                    nick_changed.add(k)

        # ---- story anchors; which older documents may answer differently. A document's
        # "story" (itself and the documents that share an anchor in at most n/50 documents)
        # only gains the new documents unless an anchor crosses the cut-off or a full name
        # of it moved; the entities with a new document are those with a new full name, so
        # only the older names in their buckets or called by their nicknames can change
        # answer, besides every name of the documents whose story lost or gained older ones.
        affected: set[str] = set()
        before: dict[str, int] = {}
        for aid in new_ids:
            for a in self._doc_anchors(aid):
                docs = self.anchor_docs[a]
                before.setdefault(a, len(docs))
                docs.add(aid)
        for a, n_before in before.items():
            docs = self.anchor_docs[a]
            if n_before and (n_before <= max_old) != (len(docs) <= max_new):
                affected |= docs
                self.stats["cutoff"] = self.stats.get("cutoff", 0) + 1
        if max_new != max_old:
            for a in self.anchor_docs.between(max_old, max_new):
                if a not in before:
                    affected |= self.anchor_docs.get(a, set())
                    self.stats["cutoff"] = self.stats.get("cutoff", 0) + 1
        # older documents whose full names changed entity: their own anchors changed, so
        # their story and the stories of every document sharing an old or new anchor
        for aid, old_handles in regrouped.items():
            old_anchors = {"p:" + h for h in old_handles}
            new_anchors = {"p:" + h for h in self.cl_handle[aid]}
            affected.add(aid)
            for a in old_anchors - new_anchors:
                docs = self.anchor_docs[a]
                affected |= docs
                docs.discard(aid)
                if not docs:
                    self.anchor_docs.pop(a)
            for a in new_anchors - old_anchors:
                docs = self.anchor_docs[a]
                affected |= docs
                docs.add(aid)
        for skey in touched:
            affected |= self.partial_docs.get("s:" + skey, set())
        for k in nick_changed:
            affected |= self.partial_docs.get("n:" + k, set())
        for h in sorted(dirty):
            for k in self.nick_keys.get(h, []):
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

    def _replay_bucket(
        self,
        skey: str,
        new_cl: list[tuple[str, int]],
        dirty: set[str],
        regrouped: dict[str, list[str]],
        moved: set[Ref],
    ) -> None:
        rows: dict[tuple[str, int], PClusterRow] = {}
        old_handle: dict[tuple[str, int], str] = {}
        for h in self.buckets.get(skey, []):
            for row in self.pclusters[h]:
                rows[row[0], row[1]] = row
                old_handle[row[0], row[1]] = h
        added: list[BucketRow] = []
        for aid, c in new_cl:
            _s, givens, names, members = self.docs[aid].clusters[c]
            rows[aid, c] = (aid, c, names, len(givens), members)
            added.append((aid, c, givens))
        order = sorted([*self.bucket_cl.get(skey, []), *added])
        fresh = set(new_cl)
        r_givens: list[list[Given]] = []
        r_of: list[int] = []
        for _aid, _c, givens in order:
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
        # each replayed entity keeps the entity of its first older cluster when no earlier
        # replayed entity took it; older clusters whose entity changes are "regrouped"
        handles: list[str] = []
        taken: set[str] = set()
        first_old: dict[int, str] = {}
        for (aid, c, _g), r in zip(order, r_of, strict=True):
            if (aid, c) not in fresh and r not in first_old:
                first_old[r] = old_handle[aid, c]
        for r in range(len(r_givens)):
            known = first_old.get(r)
            if known is None or known in taken:
                known = f"P{self.next_id}"
                self.next_id += 1
            taken.add(known)
            handles.append(known)
        for (aid, c, _g), r in zip(order, r_of, strict=True):
            if (aid, c) in fresh or old_handle[aid, c] == handles[r]:
                continue
            h = old_handle[aid, c]
            if any(n_c == c for _k, n_c in self.docs[aid].nicks):
                # nickname lists would have to be rebuilt from every article
                raise Relink(f"bucket {skey!r}: a nicknamed full name changes entity")
            regrouped.setdefault(aid, list(self.cl_handle[aid]))
            changed = list(self.cl_handle[aid])
            changed[c] = handles[r]
            self.cl_handle[aid] = changed  # set, not changed in place: saved
            dirty.add(h)
            dirty.add(handles[r])
            moved.update((aid, i) for i in rows[aid, c][4])
        by_handle: dict[str, list[PClusterRow]] = defaultdict(list)
        for (aid, c, _g), r in zip(order, r_of, strict=True):
            h = handles[r]
            by_handle[h].append(rows[aid, c])
            if (aid, c) in fresh:
                self.cl_handle[aid][c] = h
                dirty.add(h)
        for r, h in enumerate(handles):
            if self.givens.get(h) != r_givens[r]:
                self.givens[h] = r_givens[r]
            if h in dirty:
                self.pclusters[h] = by_handle[h]
        for h in self.buckets.get(skey, []):
            if h not in taken:  # every cluster of it went to other entities
                self.givens.pop(h)
                self.pclusters[h] = []
                dirty.add(h)
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
        bucket: list[str] = self.buckets.get(skey, [])
        if what == "initial":
            cands = [e for e in bucket if any(_given_compatible(given, g) for g in self.givens[e])]
            if len(cands) == 1:
                return cands[0]
            return f"I\t{skey}\t{_first_fold(given[0])[:1]}"
        near = near_of.get(aid)
        if near is None:
            near = {aid}
            for a in self._doc_anchors(aid):
                docs = self.anchor_docs.get(a, ())
                if len(docs) <= max_docs:
                    near |= docs
            near_of[aid] = near

        def docs_of(e: str) -> set[str]:
            got = ent_docs.get(e)
            if got is None:
                got = ent_docs[e] = {row[0] for row in self.pclusters[e]}
            return got

        story = [e for e in bucket if not docs_of(e).isdisjoint(near)]
        if not story:
            nicked: list[str] = self.nick_entity.get(name_key(name), [])
            story = [e for e in nicked if not docs_of(e).isdisjoint(near)]
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
        if hi not in self.groups:
            return
        group = self.groups[hi]
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
            cls = self.pclusters.get(h, []) if h[0] == "P" else []
            for _aid, _c, cl_names, n_givens, cl_members in cls:
                names.extend(cl_names)
                full.extend(cl_names[:n_givens])
                count += len(cl_members)
            if cls:
                ranks.append((0, cls[0][0], cls[0][1]))
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
                if self.records.pop(h, None) is not None:
                    self.n_entities -= 1
                key = self.keys.pop(h, None)
                if key is not None:
                    delta.deleted.add(key)
                continue
            if old is None:
                self.n_entities += 1
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
        key_of: dict[str, str] = {}
        for aid, idxs in refs_by_doc.items():
            handles = self.doc_handles(aid)
            for i in idxs:
                h = handles[i]
                key = key_of.get(h)
                if key is None:
                    key = key_of[h] = self.keys[h]
                delta.mentions[(aid, i)] = key
        return delta

    def _members(self, h: str) -> list[Ref]:
        if h[0] == "N":
            return [(key[1], entry[0]) for key, entry in self.groups.get(h[2:], {}).items()]
        out: list[Ref] = []
        if h[0] == "P":
            for aid, _c, _names, _n, cl_members in self.pclusters[h]:
                out.extend((aid, i) for i in cl_members)
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

_MISSING: Any = object()
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@cache
def link_fingerprint() -> str:
    """A digest of the linking code and word lists: a stored state made by other code is
    not used (the next ingest resolves everything again and stores a new one)."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for path in [here / "entities.py", here / "linking.py", *sorted((here / "lexicons").glob("*"))]:
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class _Space(Generic[V]):
    """One kind of state value by key: kept in memory, read from the ``link_state`` table
    when first needed (``db``), and written back by :meth:`flush` when set, created, or (for
    values changed in place, those with a ``factory``) indexed."""

    def __init__(
        self,
        db: Any,
        space: str,
        decode: Callable[[Any], V],
        encode: Callable[[V], Any],
        factory: Callable[[], V] | None = None,
        *,
        counted: bool = False,
    ) -> None:
        self._db = db
        self._space = space
        self._decode = decode
        self._encode = encode
        self._factory = factory
        self._counted = counted
        self._cache: dict[str, V] = {}
        self._absent: set[str] = set()
        self._dirty: set[str] = set()

    def _load(self, k: str) -> V:
        got = self._cache.get(k, _MISSING)
        if got is not _MISSING or self._db is None or k in self._absent:
            return cast(V, got)
        row = self._db.execute(
            "SELECT v FROM link_state WHERE space = ? AND k = ?", [self._space, k]
        ).fetchone()
        if row is None:
            self._absent.add(k)
            return cast(V, _MISSING)
        value = self._decode(json.loads(row[0]))
        self._cache[k] = value
        return value

    def __getitem__(self, k: str) -> V:
        value = self._load(k)
        if value is _MISSING:
            if self._factory is None:
                raise KeyError(k)
            value = self._cache[k] = self._factory()
            self._absent.discard(k)
        if self._factory is not None:
            self._dirty.add(k)
        return value

    def get(self, k: str, default: Any = None) -> Any:
        """The value to read (changes made to it in place are not saved: index to change)."""
        value = self._load(k)
        return default if value is _MISSING else value

    def __setitem__(self, k: str, value: V) -> None:
        self._cache[k] = value
        self._absent.discard(k)
        self._dirty.add(k)

    def __contains__(self, k: str) -> bool:
        return self._load(k) is not _MISSING

    def pop(self, k: str, default: Any = None) -> Any:
        value = self._load(k)
        if value is _MISSING:
            return default
        del self._cache[k]
        self._absent.add(k)
        self._dirty.add(k)
        return value

    def items(self) -> Iterator[tuple[str, V]]:
        """The values in memory (all of them for a state built in memory)."""
        return iter(list(self._cache.items()))

    def between(self, lo: int, hi: int) -> list[str]:
        """Keys of the sized values with ``lo < len(value) <= hi`` (as last saved, or in
        memory for a state built in memory)."""
        if self._db is None:
            return [k for k, v in self._cache.items() if lo < len(cast(Sized, v)) <= hi]
        return [r[0] for r in self._db.execute(
            "SELECT k FROM link_state WHERE space = ? AND n > ? AND n <= ?",
            [self._space, lo, hi])]

    def flush(self, db: Any) -> None:
        rows = []
        gone = []
        for k in self._dirty:
            value = self._cache.get(k, _MISSING)
            if value is _MISSING:
                gone.append((self._space, k))
                continue
            n = len(cast(Sized, value)) if self._counted else None
            rows.append((self._space, k, _ENCODE(self._encode(value)), n))
        db.conn.executemany("DELETE FROM link_state WHERE space = ? AND k = ?", gone)
        db.conn.executemany(
            "INSERT OR REPLACE INTO link_state (space, k, v, n) VALUES (?,?,?,?)", rows
        )
        self._dirty.clear()


class _MemSpace(_Space[V]):
    """A :class:`_Space` of a state built in memory: plain dictionary work, every value
    written by :meth:`flush`."""

    def __getitem__(self, k: str) -> V:
        try:
            return self._cache[k]
        except KeyError:
            if self._factory is None:
                raise
            value = self._cache[k] = self._factory()
            return value

    def get(self, k: str, default: Any = None) -> Any:
        return self._cache.get(k, default)

    def __setitem__(self, k: str, value: V) -> None:
        self._cache[k] = value

    def __contains__(self, k: str) -> bool:
        return k in self._cache

    def pop(self, k: str, default: Any = None) -> Any:
        return self._cache.pop(k, default)

    def flush(self, db: Any) -> None:
        self._dirty = set(self._cache)
        super().flush(db)


def _enc_doc(d: DocLinks) -> Any:
    return [
        [[s, [list(g) for g in gs], ns, ms] for s, gs, ns, ms in d.clusters],
        [[i, n, s, list(g), w] for i, n, s, g, w in d.partials],
        [list(o) for o in d.others],
        d.anchors,
        [list(x) for x in d.nicks],
        [list(x) for x in d.links],
        d.size,
    ]


def _dec_doc(v: Any) -> DocLinks:
    cls_, parts, others, anchors, nicks, links, size = v
    return DocLinks(
        [(s, [tuple(g) for g in gs], ns, ms) for s, gs, ns, ms in cls_],
        [(i, n, s, tuple(g), w) for i, n, s, g, w in parts],
        [(i, n, k) for i, n, k in others],
        anchors,
        [(k, c) for k, c in nicks],
        [(a, b) for a, b in links],
        size,
    )


def _enc_bucket(v: list[BucketRow]) -> Any:
    return [[a, c, [list(g) for g in gs]] for a, c, gs in v]


def _dec_bucket(v: Any) -> list[BucketRow]:
    return [(a, c, [tuple(g) for g in gs]) for a, c, gs in v]


def _enc_pcl(v: list[PClusterRow]) -> Any:
    return [list(x) for x in v]


def _dec_pcl(v: Any) -> list[PClusterRow]:
    return [(a, c, ns, n, ms) for a, c, ns, n, ms in v]


def _enc_pairset(v: set[tuple[str, int]]) -> Any:
    return sorted(list(x) for x in v)


def _dec_pairset(v: Any) -> set[tuple[str, int]]:
    return {(a, c) for a, c in v}


def _enc_givens(v: list[Given]) -> Any:
    return [list(g) for g in v]


def _dec_givens(v: Any) -> list[Given]:
    return [tuple(g) for g in v]


def _enc_group(g: dict[tuple[int, str, int], Entry]) -> Any:
    return [[*key, *entry] for key, entry in g.items()]


def _dec_group(v: Any) -> dict[tuple[int, str, int], Entry]:
    return {(ph, aid, j): (i, n, kd, ok) for ph, aid, j, i, n, kd, ok in v}


def _enc_record(r: Record) -> Any:
    return [r[0], list(r[1]), r[2], r[3], r[4], r[5]]


def _dec_record(v: Any) -> Record:
    return (v[0], tuple(v[1]), v[2], v[3], v[4], v[5])


def resolve_all(
    docs: Iterable[tuple[str, Sequence[EntityMention]]],
) -> tuple[LinkState, list[Entity], dict[Ref, str]]:
    """Link documents from nothing: the state, the entities and each mention's key."""
    st = LinkState()
    delta = st.add(docs)
    return st, st.entities(), delta.mentions
