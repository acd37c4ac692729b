"""Compare claimcheck's old suffix stripper with Snowball English (PyStemmer) (issue #17).

Takes the vocabulary of the shared corpora and the seeds (the lower-case words that
``compare.text`` stems: three letters or more, not stop words), stems every word both ways
and prints how many words get a different stem string, and -- what matters for grouping --
how many words fall in a different class (the set of vocabulary words sharing their stem).
Examples of both kinds are printed, weighted by how often the word occurs.

    python benchmarks/stemmers.py [--examples 15]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import Stemmer

from claimcheck.compare.text import _STOP

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path("/work/shared/corpora")
# the token pattern of compare.text, without its placeholder alternatives
_TOKEN = re.compile(r"[a-z][a-z'’\-]*")


def old_strip(word: str) -> str:
    """The suffix stripper claimcheck used before PyStemmer (copied here to compare)."""
    word = word.strip("'’-")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 5 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif (len(word) > 4 and word.endswith("ed")) or (
        len(word) > 4 and word.endswith("es") and not word.endswith("ses")
    ):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def texts() -> Iterable[str]:
    for name in ("gunviolence.jsonl", "newswcl50.jsonl"):
        with (CORPORA / name).open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                yield f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def vocabulary() -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts():
        counts.update(t for t in _TOKEN.findall(text.lower()) if t not in _STOP and len(t) > 2)
    return counts


def classes(words: Iterable[str], stem: Callable[[str], str]) -> dict[str, frozenset[str]]:
    by_stem: dict[str, set[str]] = defaultdict(set)
    for w in words:
        by_stem[stem(w)].add(w)
    return {w: frozenset(group) for group in by_stem.values() for w in group}


def _cpu(stem: Callable[[str], str], stream: list[str]) -> float:
    started = time.process_time()
    for w in stream:
        stem(w)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args()
    snowball = Stemmer.Stemmer("english")

    def new_stem(word: str) -> str:
        return str(snowball.stemWord(word.replace("’", "'").strip("'-")))

    counts = vocabulary()
    words = sorted(counts)
    tokens = sum(counts.values())
    old = {w: old_strip(w) for w in words}
    new = {w: new_stem(w) for w in words}
    diff_string = [w for w in words if old[w] != new[w]]
    old_cls, new_cls = classes(words, old_strip), classes(words, new_stem)
    diff_class = [w for w in words if old_cls[w] != new_cls[w]]
    merged_only_new = [w for w in diff_class if len(new_cls[w] - old_cls[w]) > 0]
    split_only_new = [w for w in diff_class if len(old_cls[w] - new_cls[w]) > 0]
    print(f"vocabulary: {len(words)} words, {tokens} tokens (shared corpora + seeds)")
    print(f"stems: old {len(set(old.values()))} distinct, Snowball {len(set(new.values()))} distinct")
    print(
        f"stem string differs: {len(diff_string)} words ({len(diff_string) / len(words):.1%}), "
        f"{sum(counts[w] for w in diff_string) / tokens:.1%} of tokens"
    )
    print(
        f"stem class differs: {len(diff_class)} words ({len(diff_class) / len(words):.1%}), "
        f"{sum(counts[w] for w in diff_class) / tokens:.1%} of tokens; Snowball joins more for "
        f"{len(merged_only_new)}, splits more for {len(split_only_new)}"
    )
    stream = list(counts.elements())
    for name, fn in (("old", old_strip), ("Snowball", new_stem)):
        best = min(_cpu(fn, stream) for _ in range(3))
        print(f"speed, {name}: {best:.2f} s CPU for {len(stream)} tokens "
              f"({best / len(stream) * 1e6:.2f} µs a token, best of 3)")
    for title, chosen, cls, other in (
        ("Snowball joins, old keeps apart", merged_only_new, new_cls, old_cls),
        ("old joins, Snowball keeps apart", split_only_new, old_cls, new_cls),
    ):
        print(f"\n{title} (most frequent first):")
        for w in sorted(chosen, key=lambda w: -counts[w])[: args.examples]:
            extra = sorted(cls[w] - other[w], key=lambda x: -counts[x])[:4]
            print(f"  {w} ({counts[w]}): old {old[w]!r}, Snowball {new[w]!r}; also {', '.join(extra)}")


if __name__ == "__main__":
    main()
