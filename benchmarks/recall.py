"""One command for the verdict-step measurements of issue #11: planted disagreements and real ones.

    python benchmarks/recall.py            # everything (a few minutes on 2 cores)
    python benchmarks/recall.py --quick    # a few plantings per class, same real list

Prints the planted table (recall by class and kind, tuning vs held-out, kind accuracy,
rewrite false alarms, conflicts in the unplanted control runs) and the real-disagreement
figures (recall, recall with the right kind, precision of the reported conflicts), and writes
both to ``benchmarks/out/recall.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import planted  # noqa: E402
import real_disagreements  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a small planted subset")
    ap.add_argument("--out", default=str(planted.ROOT / "benchmarks" / "out" / "recall.json"))
    args = ap.parse_args()
    started = time.perf_counter()
    print("== planted disagreements and rewrites ==")
    fig = planted.main(["--quick"] if args.quick else [])
    print()
    print("== real disagreements (hand-listed, gun-violence incidents) ==")
    real = real_disagreements.main([])
    total = time.perf_counter() - started
    print()
    print("== summary ==")
    for part in ("tuning", "held-out"):
        f, r = fig[part], real[part]
        print(f"{part:9} planted recall {f['recall']} (kind accuracy {f['kind_accuracy']}), rewrite false "
              f"alarms {f['rewrite_false_alarms']}/{f['rewrites']}; real recall {r['recall']} "
              f"(right kind {r['recall_right_kind']}), precision of reported {r['precision']} "
              f"({r['reported']} reported, {r['unclassified']} unclassified)")
    print(f"total {total:.0f} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"planted": fig, "real": real, "seconds": round(total, 1)}, indent=1),
                   encoding="utf-8")


if __name__ == "__main__":
    main()
