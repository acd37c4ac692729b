"""Measure the speed of the quantity finder on a JSON Lines corpus (CPU time, MB/s).

Usage: ``python benchmarks/bench_normalisers.py [corpus.jsonl] [repeats]``. Sentences come from
:func:`claimcheck.segment.segment_text`; only the loop calling ``find_quantities`` is timed.
"""

from __future__ import annotations

import sys
import time

from claimcheck.quantities import find_quantities
from claimcheck.readers import read_source
from claimcheck.segment import segment_text

DEFAULT_CORPUS = "/work/shared/corpora/gunviolence.jsonl"


def main(argv: list[str]) -> None:
    """Print MB/s of the first pass and of the best of the repeats.

    :param argv: optional corpus path and number of repeats
    """
    corpus = argv[0] if argv else DEFAULT_CORPUS
    repeats = int(argv[1]) if len(argv) > 1 else 3
    sentences = [a.text[s.start : s.end] for a in read_source(corpus) for s in segment_text(a.text)]
    megabytes = sum(len(s.encode()) for s in sentences) / 1e6
    times: list[float] = []
    for _ in range(repeats):
        t0 = time.process_time()
        for sentence in sentences:
            find_quantities(sentence)
        times.append(time.process_time() - t0)
    print(
        f"{len(sentences)} sentences, {megabytes:.2f} MB: first pass {megabytes / times[0]:.2f} MB/s, "
        f"best {megabytes / min(times):.2f} MB/s"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
