"""Every conflict claimcheck reports on the whole of ../shared/corpora, with a hand verdict.

    python benchmarks/corpus_conflicts.py             # ingest once (cached), diff, score
    python benchmarks/corpus_conflicts.py --reingest  # rebuild the database first

All 2,063 articles (gun violence + NewsWCL50) go into one database; `diff` runs with no
confidence cut so that every candidate conflict is listed. Each conflict is matched to the
hand classification in ``data/corpus_conflicts.json`` (keyed by the two claim texts, so it
survives id changes): ``real`` (the articles really disagree, an update included) or
``false``. Printed: the conflicts with confidence, kind, verdict; the conflicts between
articles of different events (must be 0); precision and count at several confidence cuts;
and the conflicts nobody has classified yet (read them and add them to the file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = ROOT / "data" / "corpus_conflicts.json"
OUT = ROOT / "benchmarks" / "out"

sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.report import to_json_dict  # noqa: E402


def _key(a: str, b: str) -> str:
    return " || ".join(sorted((" ".join(a.split()), " ".join(b.split()))))


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reingest", action="store_true")
    ap.add_argument("--db", default=str(OUT / "corpus_conflicts.db"))
    ap.add_argument("--min-confidence", type=float, default=0.0,
                    help="the diff's cut (0: list every candidate; 0.5: what diff reports by default)")
    args = ap.parse_args(argv)
    db = Path(args.db)
    files = [CORPORA / "gunviolence.jsonl", CORPORA / "newswcl50.jsonl"]
    if args.reingest or not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        claimcheck.ingest([str(f) for f in files], db, jobs=2)
        print(f"ingest {time.perf_counter() - started:.0f} s")
    event = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            event[rec["id"]] = rec["event"]
    started = time.perf_counter()
    result = claimcheck.diff(db, min_confidence=args.min_confidence)
    seconds = time.perf_counter() - started
    report = to_json_dict(result)
    source_event = {a["id"]: event.get(str(a["source"]).rsplit("#", 1)[-1]) for a in report["articles"]}
    known = json.loads(DATA.read_text(encoding="utf-8")) if DATA.exists() else {"conflicts": []}
    verdict = {_key(c["a"], c["b"]): c["verdict"] for c in known["conflicts"]}
    rows = []
    for c in report["conflicts"]:
        ea, eb = source_event.get(c["a"]["article"]), source_event.get(c["b"]["article"])
        rows.append({
            "confidence": c["confidence"], "kind": c["kind"], "update": c["update"],
            "same_event": ea is not None and ea == eb,
            "verdict": verdict.get(_key(c["a"]["text"], c["b"]["text"]), "unclassified"),
            "a_value": c["a_value"], "b_value": c["b_value"],
            "a": c["a"]["text"], "b": c["b"]["text"],
        })
    rows.sort(key=lambda r: -float(r["confidence"]))
    for r in rows:
        print(f"{r['confidence']:.2f} {r['kind']:8} {r['verdict']:12} "
              f"{'' if r['same_event'] else 'CROSS-EVENT '}{r['a_value']!r} vs {r['b_value']!r}")
    cross = sum(not r["same_event"] for r in rows)
    print(f"\n{len(rows)} conflicts (no cut), {cross} between different events, diff {seconds:.0f} s")
    cuts = {}
    for cut in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        kept = [r for r in rows if float(r["confidence"]) >= cut]
        real = sum(r["verdict"] == "real" for r in kept)
        false = sum(r["verdict"] == "false" for r in kept)
        judged = real + false
        cuts[cut] = {"reported": len(kept), "real": real, "false": false,
                     "precision": round(real / judged, 3) if judged else None}
        print(f"  cut {cut:.2f}: {len(kept):3} reported, {real} real, {false} false, "
              f"precision {cuts[cut]['precision']}")
    todo = [r for r in rows if r["verdict"] == "unclassified"]
    # the conflicts still to read, for adding their verdicts to data/corpus_conflicts.json
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "corpus_conflicts_todo.json").write_text(json.dumps(todo, indent=1, ensure_ascii=False),
                                                    encoding="utf-8")
    if todo:
        print(f"\n{len(todo)} unclassified:")
        for r in todo:
            print(f"  {r['confidence']:.2f} {r['kind']}: {r['a_value']!r} vs {r['b_value']!r}\n"
                  f"     A: {r['a']}\n     B: {r['b']}")
    return {"conflicts": len(rows), "cross_event": cross, "cuts": cuts, "seconds": round(seconds, 1),
            "unclassified": len(todo)}


if __name__ == "__main__":
    main()
