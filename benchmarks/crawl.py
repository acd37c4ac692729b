"""Ingest a generated crawl folder in one run and print what happened to every kind of page.

    python benchmarks/crawl.py                 # ~1,000 pages: generate, ingest, re-run, compare
    python benchmarks/crawl.py --pages 300 --no-compare

Steps:

1. ``crawl_folder.generate`` writes the folder (real article text from the shared corpora in
   generated site HTML, plus non-article, broken and non-English pages; see its docstring).
2. ``claimcheck.ingest(folder, skip_errors=True, jobs=1)`` in this process, with the HTML
   extraction and the language detection timed from inside (so their share of the run is
   exact), then the outcome of every page against the kind the generator gave it.
3. ``claimcheck ingest folder --skip-errors --errors-to ...`` again through the CLI on the
   same database: exit code, skipped lines, and how long a re-run takes when every article
   is stored.
4. (unless ``--no-compare``) trafilatura with and without its fallback extractors on every
   HTML page: how many bodies are identical, what differs, and the time of each, plus the
   cost of the former two-parse reading (``extract`` then ``extract_metadata``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

import crawl_folder  # noqa: E402

import claimcheck.pipeline as pipeline  # noqa: E402
import claimcheck.readers as readers  # noqa: E402


def timed(module: object, name: str, bucket: dict[str, float]) -> None:
    real = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        t = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            bucket[name] = bucket.get(name, 0.0) + time.process_time() - t

    setattr(module, name, wrapper)


def run_ingest(folder: Path, db: Path) -> tuple[pipeline.IngestResult, dict[str, float]]:
    spent: dict[str, float] = {}
    timed(readers, "extract_html", spent)
    timed(pipeline, "detect_language", spent)
    if db.exists():
        db.unlink()
    cpu = time.process_time()
    result = pipeline.ingest([str(folder)], db, skip_errors=True, jobs=1)
    spent["cpu"] = time.process_time() - cpu
    return result, spent


def outcomes(folder: Path, db: Path, result: pipeline.IngestResult) -> dict[str, Counter[str]]:
    import sqlite_utils

    manifest: dict[str, str] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    got: dict[str, str] = {}
    for row in sqlite_utils.Database(db).query("SELECT source, language FROM articles"):
        got[str(Path(row["source"]).relative_to(folder))] = f"stored:{row['language']}"
    for item in result.skipped:
        got[str(Path(item.source).relative_to(folder))] = f"skipped:{item.kind}"
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for rel, kind in manifest.items():
        table[kind][got.get(rel, "already stored (same text)")] += 1
    return table


def compare_fast(folder: Path) -> None:
    import trafilatura

    pages = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".html", ".htm"})
    texts = []
    for p in pages:
        try:
            texts.append((p, readers.decode_bytes(p.read_bytes(), str(p))))
        except Exception:  # noqa: BLE001 - broken pages are not part of this comparison
            continue
    texts = [(p, t) for p, t in texts if len(t) < readers.MAX_ARTICLE_BYTES]
    results = {}
    for fast in (True, False):
        t = time.process_time()
        results[fast] = [readers.extract_html(text, fast=fast)[0] for _, text in texts]
        results[f"t{fast}"] = time.process_time() - t  # type: ignore[index]
    t = time.process_time()
    for _, text in texts:
        trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
        trafilatura.extract_metadata(text)
    two_parse = time.process_time() - t
    n = len(texts)
    print(f"\nHTML extraction on {n} decodable pages (CPU seconds):")
    print(f"  fast (no fallback extractors), one parse: {results['tTrue']:.1f} s "  # type: ignore[index]
          f"({n / results['tTrue']:.0f} pages/s)")  # type: ignore[index]
    print(f"  default (with fallbacks), one parse:      {results['tFalse']:.1f} s "  # type: ignore[index]
          f"({n / results['tFalse']:.0f} pages/s)")  # type: ignore[index]
    print(f"  former reader (extract + extract_metadata, with fallbacks): {two_parse:.1f} s "
          f"({n / two_parse:.0f} pages/s)")
    manifest: dict[str, str] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    examples = []
    for (p, _), a, b in zip(texts, results[True], results[False], strict=True):
        kind = manifest.get(str(p.relative_to(folder)), "?")
        by_kind[kind]["identical" if a == b else "different"] += 1
        if a != b and len(examples) < 6 and kind.startswith(("article", "foreign", "duplicate")):
            examples.append(f"  differs ({kind}): {p.relative_to(folder)}: fast {len(a)} chars, "
                            f"default {len(b)} chars")
    same = sum(c["identical"] for c in by_kind.values())
    print(f"  identical body text: {same} of {len(texts)}; by page kind:")
    for kind, c in sorted(by_kind.items()):
        print(f"    {kind:15s} identical {c['identical']}, different {c['different']}")
    print("\n".join(examples) if examples else "  no article page differs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-compare", action="store_true")
    args = parser.parse_args(argv)
    folder = args.out / "crawl"
    db = args.out / "crawl.db"
    manifest = crawl_folder.generate(folder, args.pages, args.seed)
    files = [p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json"]
    size = sum(p.stat().st_size for p in files)
    print(f"folder: {len(manifest)} pages ({len(files)} files with the *_files/ assets), "
          f"{size / 1e6:.1f} MB on disk")

    result, spent = run_ingest(folder, db)
    print(f"\none run, jobs=1: {result.summary()}")
    print(f"  exit code of the same run through the CLI would be {3 if result.skipped else 0}")
    print("  skipped by reason: " + ", ".join(f"{k} {v}" for k, v in result.skipped_by_kind().most_common()))
    print("  languages stored: " + ", ".join(f"{k} {v}" for k, v in result.languages.most_common()))
    mb = result.bytes / 1e6
    cpu = spent["cpu"]
    print(f"  wall {result.seconds:.1f} s, {len(manifest) / result.seconds:.1f} pages/s, "
          f"{mb:.2f} MB of article text, {mb / result.seconds:.3f} MB/s of extracted text")
    print(f"  CPU {cpu:.1f} s (the machine is shared: CPU time is the steadier figure), "
          f"{len(manifest) / cpu:.1f} pages/s, {mb / cpu:.3f} MB/s")
    for name, label in (("extract_html", "HTML extraction"), ("detect_language", "language detection")):
        s = spent.get(name, 0.0)
        print(f"  {label}: {s:.1f} CPU s = {100 * s / cpu:.1f} % of the run's CPU time")

    print("\npage kind -> outcome:")
    for kind, counter in sorted(outcomes(folder, db, result).items()):
        print(f"  {kind:15s} " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))

    errors = args.out / "crawl-skipped.jsonl"
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "ingest", str(folder), "--db", str(db),
         "--skip-errors", "--errors-to", str(errors)],
        capture_output=True, text=True, check=False,
    )
    rerun = time.perf_counter() - t
    lines = proc.stderr.strip().splitlines()
    print(f"\nre-run through the CLI on the same database: exit {proc.returncode}, {rerun:.1f} s, "
          f"{sum(1 for line in lines if line.startswith('skipped ['))} 'skipped' lines, "
          f"{sum(1 for _ in errors.open(encoding='utf-8'))} in {errors.name}")
    print(f"  {lines[-1] if lines else ''}")
    for line in lines[:3]:
        print(f"  {line[:160]}")
    if not args.no_compare:
        compare_fast(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
