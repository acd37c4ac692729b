"""Identity check for moving word lists into package files (issue #17).

Ingests the shared corpora (gunviolence, newswcl50) and seeds/ into a fresh database,
runs ``claimcheck diff --format json`` and writes a canonical text dump of the claims,
their mentions and the diff output. Run it once on the code before a change and once
after; ``compare`` prints both hashes and whether they are identical.

    python benchmarks/lexicon_identity.py dump before   # on the old code
    python benchmarks/lexicon_identity.py dump after    # on the new code
    python benchmarks/lexicon_identity.py compare before after

Dumps go to benchmarks/out/ (not in git) unless --out names another folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path("/work/shared/corpora")
INPUTS = [CORPORA / "gunviolence.jsonl", CORPORA / "newswcl50.jsonl", ROOT / "seeds"]


_SEEDS_PREFIX = re.compile(r'"[^"]*/seeds/')


def _claimcheck() -> list[str]:
    return [sys.executable, "-m", "claimcheck"]


def _canonical(db_path: Path, diff_path: Path) -> str:
    con = sqlite3.connect(db_path)
    lines: list[str] = []
    for row in con.execute(
        "SELECT id, text, normalized, polarity, modality, speaker, tense FROM claims ORDER BY id"
    ):
        lines.append("C\t" + json.dumps(list(row), ensure_ascii=False))
    for row in con.execute(
        'SELECT claim_id, kind, surface, value, lo, hi, unit, entity_id, start, "end" '
        'FROM mentions ORDER BY claim_id, start, "end", kind, surface, value, entity_id'
    ):
        lines.append("M\t" + json.dumps(list(row), ensure_ascii=False))
    con.close()
    diff = json.loads(diff_path.read_text(encoding="utf-8"))
    diff_text = json.dumps(diff, ensure_ascii=False, sort_keys=True)
    # seed sources are stored with the checkout's absolute path: compare them without it
    lines.append("D\t" + _SEEDS_PREFIX.sub('"seeds/', diff_text))
    return "\n".join(lines) + "\n"


def dump(tag: str, out: Path, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = out / f"l17_{tag}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    diff_path = out / f"l17_{tag}.json"
    inputs = [str(p) for p in INPUTS]
    subprocess.run(
        [*_claimcheck(), "ingest", *inputs, "--db", str(db), "--jobs", str(jobs), "-q"],
        check=True,
    )
    subprocess.run(
        [*_claimcheck(), "diff", "--db", str(db), "--format", "json", "--output", str(diff_path)],
        check=True,
    )
    canon(tag, out)


def canon(tag: str, out: Path) -> None:
    """Write the canonical dump of an ingested database and its diff report."""
    db = out / f"l17_{tag}.db"
    diff_path = out / f"l17_{tag}.json"
    text = _canonical(db, diff_path)
    dump_path = out / f"l17_{tag}.txt"
    dump_path.write_text(text, encoding="utf-8")
    n_claims = sum(1 for line in text.splitlines() if line.startswith("C\t"))
    n_mentions = sum(1 for line in text.splitlines() if line.startswith("M\t"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"{tag}: {n_claims} claims, {n_mentions} mentions, sha256 {digest} -> {dump_path}")


def compare(a: str, b: str, out: Path) -> int:
    texts = [(out / f"l17_{tag}.txt").read_text(encoding="utf-8") for tag in (a, b)]
    digests = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    print(f"{a}: sha256 {digests[0]}")
    print(f"{b}: sha256 {digests[1]}")
    if digests[0] == digests[1]:
        print("identical: claims, mentions and diff output are byte-identical")
        return 0
    la, lb = texts[0].splitlines(), texts[1].splitlines()
    differing = sum(1 for x, y in zip(la, lb, strict=False) if x != y) + abs(len(la) - len(lb))
    print(f"DIFFERENT: {differing} of {max(len(la), len(lb))} dump lines differ")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_dump = sub.add_parser("dump")
    p_dump.add_argument("tag")
    p_dump.add_argument("--jobs", type=int, default=2)
    p_canon = sub.add_parser("canon")
    p_canon.add_argument("tag")
    p_cmp = sub.add_parser("compare")
    p_cmp.add_argument("a")
    p_cmp.add_argument("b")
    for p in (p_dump, p_canon, p_cmp):
        p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    if args.cmd == "dump":
        dump(args.tag, args.out, args.jobs)
        return 0
    if args.cmd == "canon":
        canon(args.tag, args.out)
        return 0
    return compare(args.a, args.b, args.out)


if __name__ == "__main__":
    sys.exit(main())
