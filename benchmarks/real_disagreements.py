"""Real disagreements nobody planted: a hand-made list for gun-violence incidents, and a scorer.

``data/real_disagreements.json`` lists, for a fixed set of incidents of
``gunviolence.jsonl``, every genuine disagreement between their articles (counts, ages,
days/dates/times, names, places; updated counts marked ``update``), each with the exact
sentence of each side. It also classifies every conflict that claimcheck has reported on
those incidents as ``real`` or ``false``, keyed by the two sentences (article id + sentence
text), so the classification survives changes of claim ids.

    python benchmarks/real_disagreements.py            # score (prints recall and precision)
    python benchmarks/real_disagreements.py --show N   # print incident N's sentences (annotating)

Selection rule (fixed, see :func:`select_incidents`): incidents with 3 or 4 articles, ordered by
the SHA-1 of their event id; the first 30. The last 10 of those 30 are held out (``held_out``
in the file): they are scored and printed apart and are not to be read while tuning.

Spelling differences (``spelling: true``) are scored apart. Scoring: a listed disagreement is *found* when a reported conflict joins a claim overlapping
the sentence of one side with a claim overlapping the sentence of the other; *found with the
right kind* when that conflict also has the listed kind. Precision = reported conflicts
classified ``real`` / reported conflicts classified; unclassified ones are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import planted  # noqa: E402  (the sentence splitter and the runner are shared)

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "data" / "real_disagreements.json"
N_INCIDENTS = 30
N_HELD_OUT = 10


def _sha(event: str) -> str:
    return hashlib.sha1(event.encode("utf-8")).hexdigest()


def load_records(path: Path | None = None) -> dict[str, list[dict[str, Any]]]:
    path = path or planted.CORPORA / "gunviolence.jsonl"
    by_event: dict[str, list[dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            by_event.setdefault(r["event"], []).append(r)
    return by_event


def select_incidents(by_event: dict[str, list[dict[str, Any]]]) -> list[tuple[str, bool]]:
    """The fixed selection: (event, held_out) for the first 30 incidents with 3-4 articles by
    SHA-1 of the event id; the last 10 are held out."""
    chosen = sorted((e for e, rs in by_event.items() if 3 <= len(rs) <= 4), key=_sha)[:N_INCIDENTS]
    return [(e, i >= N_INCIDENTS - N_HELD_OUT) for i, e in enumerate(chosen)]


def sentence_at(text: str, start: int) -> tuple[int, int]:
    return planted.sentence_span(text, start)


def locate(record: dict[str, Any], sentence: str) -> tuple[int, int]:
    """Span of a quoted sentence (or a unique part of one) in an article's text."""
    at = record["text"].find(sentence)
    if at < 0:
        raise ValueError(f"{record['id']}: sentence not found: {sentence[:60]!r}")
    return at, at + len(sentence)


def show(event: str, records: list[dict[str, Any]]) -> str:
    """Every sentence of an incident's articles, numbered (for annotating)."""
    out = [f"### {event}  facts: {json.dumps(records[0].get('facts', {}), ensure_ascii=False)[:600]}"]
    for r in records:
        out.append(f"--- {r['id']}  {r.get('outlet')}  {r.get('published')}  {r.get('title')!r}")
        for i, (s, e) in enumerate(planted.sentences(r["text"])):
            out.append(f"  [{i}] {r['text'][s:e]}")
    return "\n".join(out)


def _key(article: str, text: str, start: int) -> tuple[str, str]:
    s, e = planted.sentence_span(text, start)
    return article, text[s:e]


def score(data: dict[str, Any], conflicts: list[dict[str, Any]],
          texts: dict[str, str]) -> dict[str, Any]:
    """Recall of the listed disagreements, precision of the reported conflicts."""
    held = {i["event"] for i in data["incidents"] if i.get("held_out")}
    article_event = {a: i["event"] for i in data["incidents"] for a in i["articles"]}
    res: dict[str, Any] = {}
    for part in ("tuning", "held-out", "all"):
        def inpart(event: str, part: str = part) -> bool:
            return part == "all" or (event in held) == (part == "held-out")

        listed = [d for d in data["disagreements"] if inpart(d["event"]) and not d.get("spelling")]
        spelled = [d for d in data["disagreements"] if inpart(d["event"]) and d.get("spelling")]
        spelling_found = sum(
            any(_joins(c, (d["a"]["article"], (d["a"]["start"], d["a"]["end"])),
                       (d["b"]["article"], (d["b"]["start"], d["b"]["end"]))) for c in conflicts)
            for d in spelled)
        found = right = 0
        missed = []
        for d in listed:
            a = (d["a"]["article"], (d["a"]["start"], d["a"]["end"]))
            b = (d["b"]["article"], (d["b"]["start"], d["b"]["end"]))
            hits = [c for c in conflicts if _joins(c, a, b)]
            found += bool(hits)
            right += any(c["kind"] == d["kind"] for c in hits)
            if not hits:
                missed.append(d)
        known = {_pair_key(r["a"]["article"], r["a"]["sentence"], r["b"]["article"], r["b"]["sentence"]): r
                 for r in data.get("reported", [])}
        mine = [c for c in conflicts if inpart(article_event.get(str(c["a"]["source"]), ""))]
        real = false = 0
        unclassified = []
        for c in mine:
            ka = _key(str(c["a"]["source"]), texts[str(c["a"]["source"])], int(c["a"]["start"]))
            kb = _key(str(c["b"]["source"]), texts[str(c["b"]["source"])], int(c["b"]["start"]))
            r = known.get(_pair_key(*ka, *kb))
            if r is None:
                unclassified.append(c)
            elif r["verdict"] == "real":
                real += 1
            else:
                false += 1
        res[part] = {
            "listed": len(listed), "found": found, "found_right_kind": right,
            "recall": round(found / len(listed), 3) if listed else None,
            "recall_right_kind": round(right / len(listed), 3) if listed else None,
            "spelling_listed": len(spelled), "spelling_found": spelling_found,
            "reported": len(mine), "real": real, "false": false, "unclassified": len(unclassified),
            "precision": round(real / (real + false), 3) if real + false else None,
            "_unclassified": unclassified, "_missed": missed,
        }
    return res


def _pair_key(a_art: str, a_sent: str, b_art: str, b_sent: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted([(a_art, " ".join(a_sent.split())), (b_art, " ".join(b_sent.split()))]))


def _joins(c: dict[str, Any], a: tuple[str, tuple[int, int]], b: tuple[str, tuple[int, int]]) -> bool:
    ca = (str(c["a"]["source"]), (int(c["a"]["start"]), int(c["a"]["end"])))
    cb = (str(c["b"]["source"]), (int(c["b"]["start"]), int(c["b"]["end"])))

    def hit(x: tuple[str, tuple[int, int]], y: tuple[str, tuple[int, int]]) -> bool:
        return x[0] == y[0] and planted.overlaps(x[1], y[1])

    return (hit(ca, a) and hit(cb, b)) or (hit(ca, b) and hit(cb, a))


def run(data: dict[str, Any], workdir: Path,
        per_incident: bool = False) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Ingest every article of the listed incidents into one database (or, with
    ``per_incident``, each incident into its own); the reported conflicts."""
    by_event = load_records()
    groups: list[list[planted.Article]] = []
    texts = {}
    for inc in data["incidents"]:
        arts = []
        for r in by_event[inc["event"]]:
            arts.append(planted.Article(r["id"], inc["event"], r["text"], r.get("published"),
                                        r.get("outlet"), r.get("title")))
            texts[r["id"]] = r["text"]
        groups.append(arts)
    if not per_incident:
        groups = [[a for g in groups for a in g]]
    conflicts: list[dict[str, Any]] = []
    for g in groups:
        conflicts.extend(planted.run_db(g, workdir, "real"))
    return conflicts, texts


def report(res: dict[str, Any], texts: dict[str, str], verbose: bool = True) -> str:
    lines = []
    for part in ("tuning", "held-out", "all"):
        r = res[part]
        lines.append(
            f"real disagreements {part:8}: recall {r['found']}/{r['listed']} = {r['recall']} "
            f"(right kind {r['found_right_kind']}, {r['recall_right_kind']}); reported {r['reported']}: "
            f"{r['real']} real, {r['false']} false, {r['unclassified']} unclassified; "
            f"precision {r['precision']}; spelling differences found {r['spelling_found']}/{r['spelling_listed']}")
    if verbose and res["all"]["_unclassified"]:
        lines.append("unclassified reported conflicts (classify them in data/real_disagreements.json):")
        for c in res["all"]["_unclassified"]:
            ka = _key(str(c["a"]["source"]), texts[str(c["a"]["source"])], int(c["a"]["start"]))
            kb = _key(str(c["b"]["source"]), texts[str(c["b"]["source"])], int(c["b"]["start"]))
            lines.append(json.dumps({"kind": c["kind"], "a": {"article": ka[0], "sentence": ka[1]},
                                     "b": {"article": kb[0], "sentence": kb[1]},
                                     "a_value": c.get("a_value"), "b_value": c.get("b_value"),
                                     "verdict": "?", "why": ""}, ensure_ascii=False))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=None, help="print incident N (0-based) for annotating")
    ap.add_argument("--list", action="store_true", help="print the selected incidents")
    ap.add_argument("--per-incident", action="store_true",
                    help="each incident in its own database (default: all 30 in one)")
    args = ap.parse_args(argv)
    by_event = load_records()
    if args.list or args.show is not None:
        sel = select_incidents(by_event)
        if args.list:
            for i, (e, h) in enumerate(sel):
                print(i, e, len(by_event[e]), "held-out" if h else "")
        if args.show is not None:
            e, _ = sel[args.show]
            print(show(e, by_event[e]))
        return {}
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="real-") as tmp:
        conflicts, texts = run(data, Path(tmp), args.per_incident)
    res = score(data, conflicts, texts)
    print(report(res, texts))
    print(f"real disagreements: {time.perf_counter() - started:.1f} s")
    return {k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in res.items()}


if __name__ == "__main__":
    main()
