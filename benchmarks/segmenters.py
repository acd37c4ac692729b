"""Compare claimcheck's sentence splitter with pysbd and sentencex.

Accuracy is measured on the golden table of ``tests/test_segment.py``
(``SEGMENT_CASES`` plus the known-hard ``HARD_CASES``): a case counts as correct
when the splitter returns exactly the expected sentences; boundary precision,
recall and F1 are computed over the character offsets where sentences end.
Speed is measured on the texts of ``gunviolence.jsonl``.

Usage::

    .venv/bin/python benchmarks/segmenters.py [--corpus PATH] [--limit N]

pysbd and sentencex are optional; a missing one is reported and skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.segment import segment_sentences  # noqa: E402

Splitter = Callable[[str], list[str]]


def _load_cases() -> list[tuple[str, list[str]]]:
    spec = importlib.util.spec_from_file_location("_golden", ROOT / "tests" / "test_segment.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("cannot load tests/test_segment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, list[str]]] = list(module.SEGMENT_CASES) + list(module.HARD_CASES)
    return cases


def _splitters() -> dict[str, Splitter]:
    out: dict[str, Splitter] = {"claimcheck": segment_sentences}
    try:
        import pysbd

        seg: Any = pysbd.Segmenter(language="en", clean=False)
        out["pysbd"] = lambda text: [s.strip() for s in seg.segment(text) if s.strip()]
    except ImportError:
        print("pysbd not installed: skipped", file=sys.stderr)
    try:
        import sentencex

        out["sentencex"] = lambda text: [
            s.strip() for s in sentencex.segment("en", text) if s.strip()
        ]
    except ImportError:
        print("sentencex not installed: skipped", file=sys.stderr)
    return out


def _ends(text: str, sentences: list[str]) -> set[int]:
    """Map sentence strings back to end offsets in ``text`` (greedy left-to-right)."""
    ends: set[int] = set()
    pos = 0
    for s in sentences:
        i = text.find(s, pos)
        if i < 0:  # splitter altered the text; fall back to its first word
            head = s.split()[0] if s.split() else s
            i = text.find(head, pos)
            if i < 0:
                continue
            pos = i + len(head)
            continue
        pos = i + len(s)
        ends.add(pos)
    return ends


def _accuracy(split: Splitter, cases: list[tuple[str, list[str]]]) -> tuple[float, float, float]:
    exact = 0
    tp = fp = fn = 0
    for text, expected in cases:
        got = split(text)
        if got == expected:
            exact += 1
        gold = _ends(text, expected)
        pred = _ends(text, got)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return exact / len(cases), p, f1 if f1 else 0.0


def _speed(split: Splitter, texts: list[str], budget_s: float = 20.0) -> tuple[float, int]:
    """Return MB/s (UTF-8 bytes, best of up to 3 passes) and the number of texts used."""
    used: list[str] = []
    start = time.process_time()
    for t in texts:  # first pass also caps the sample for slow splitters
        split(t)
        used.append(t)
        if time.process_time() - start > budget_s:
            break
    size = sum(len(t.encode("utf-8")) for t in used)
    best = time.process_time() - start
    for _ in range(2):
        if best > budget_s / 2:
            break
        t0 = time.process_time()
        for t in used:
            split(t)
        best = min(best, time.process_time() - t0)
    return size / best / 1e6 if best else float("inf"), len(used)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "gunviolence.jsonl"
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    args = parser.parse_args()

    cases = _load_cases()
    texts: list[str] = []
    if args.corpus.is_file():
        with args.corpus.open(encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if args.limit and len(texts) >= args.limit:
                    break
    else:
        print(f"corpus {args.corpus} not found: speed skipped", file=sys.stderr)

    header = f"{'splitter':<12} {'exact':>7} {'bnd-P':>7} {'bnd-F1':>7} {'MB/s':>8} {'texts':>6}"
    print(f"golden cases: {len(cases)}; corpus texts: {len(texts)}")
    print(header)
    print("-" * len(header))
    for name, split in _splitters().items():
        exact, p, f1 = _accuracy(split, cases)
        mbps, n = _speed(split, texts) if texts else (float("nan"), 0)
        print(f"{name:<12} {exact:>7.1%} {p:>7.1%} {f1:>7.1%} {mbps:>8.2f} {n:>6}")


if __name__ == "__main__":
    main()
