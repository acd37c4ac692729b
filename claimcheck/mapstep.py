"""The map step without SQLite: analysed articles as rows, written as Parquet partitions.

``ingest --out-parquet DIR`` reads and analyses articles exactly as ``ingest`` does
(:func:`claimcheck.pipeline.analyze_article`, ``--jobs`` worker processes) and writes the
rows of ``articles``, ``sentences``, ``claims`` and ``mentions`` to
``DIR/<table>/part-<run>-NNNNN.parquet``, one part per batch of articles. The same
:func:`article_rows` is what the Spark job (:mod:`claimcheck.spark`) runs per partition.

What the map step cannot know is left for the corpus-wide passes that follow it:
``mentions.entity_id`` is null (entity linking), and lines repeated across an outlet's
articles are not yet flagged as boilerplate.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InvalidOption, NoArticleText
from .pipeline import AnalyzedArticle, _analyze_stream, _iter_raw, has_article_text
from .readers import SkippedRecord, expand_paths
from .store import now_iso

#: Articles per Parquet part.
PART_ARTICLES = 2_000

Rows = dict[str, list[tuple[Any, ...]]]


def article_rows(art: AnalyzedArticle, run_id: int | None, stamp: str) -> Rows:
    """The rows ``ingest`` stores for one analysed article, per table, in the column order
    of :data:`claimcheck.export.TABLES` (same ids, offsets and values)."""
    raw = art.raw
    sentence_ids = [f"{art.id}-s{s.index:04d}" for s in art.sentences]
    out: Rows = {
        "articles": [(
            art.id, raw.source, art.content_hash, art.title, art.outlet, art.published, raw.url,
            raw.external_id, raw.text,
            json.dumps(raw.extra, sort_keys=True) if raw.extra else None, art.language,
            art.file_hash, None, run_id, stamp,
        )],
        "sentences": [
            (sid, art.id, s.index, s.start, s.end, s.text, int(s.is_boilerplate),
             s.boilerplate_reason)
            for sid, s in zip(sentence_ids, art.sentences, strict=True)
        ],
        "claims": [],
        "mentions": [],
    }
    for c in art.claims:
        cid = f"{art.id}-c{c.sentence_index:04d}.{c.index}"
        out["claims"].append((
            cid, art.id, sentence_ids[c.sentence_index], c.index, c.start, c.end, c.text,
            c.normalized, c.polarity, c.modality, c.speaker, c.tense,
        ))
        for j, m in enumerate(c.mentions):
            out["mentions"].append((
                f"{cid}.m{j}", cid, art.id, m.kind, m.start, m.end, m.surface, m.value,
                m.lo, m.hi, m.unit, None,
            ))
    return out


@dataclass(slots=True)
class MapResult:
    """What ``ingest --out-parquet`` wrote."""

    out: Path
    files: int = 0
    articles: int = 0
    duplicates: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    parts: int = 0
    seconds: float = 0.0
    skipped: list[SkippedRecord] = field(default_factory=list)

    def summary(self) -> str:
        tables = ", ".join(f"{n} {t}" for t, n in self.rows.items())
        return (f"{self.articles} articles to {self.out} ({tables}; {self.parts} parts), "
                f"{len(self.skipped)} skipped" + (f", {self.duplicates} duplicates"
                                                  if self.duplicates else ""))


def ingest_parquet(
    paths: Sequence[str],
    out: str | Path,
    *,
    published: str | None = None,
    outlet: str | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    skip_errors: bool = False,
    language: str | None = None,
    date_order: str | None = None,
    part_articles: int = PART_ARTICLES,
) -> MapResult:
    """Run the map step of ingest and write its rows as Parquet partitions under ``out``.

    Parts of earlier runs in ``out`` are kept (each run names its parts after its start
    time), so several runs add up to one set of tables; an article whose text is repeated
    within a run is written once.

    :raises ClaimcheckError: bad input, an option out of range, or pyarrow missing
    """
    from .export import MAP_TABLES, TABLES, PartWriter, _pyarrow

    _pyarrow()
    if jobs < 1:
        raise InvalidOption("--jobs must be 1 or more")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InvalidOption(f"{out}: is a file; give a folder for the Parquet tables")
    others = [p.name for p in out.iterdir() if p.name not in TABLES] if out.is_dir() else []
    if others:
        raise InvalidOption(
            f"{out}: folder holds other files ({', '.join(sorted(others)[:3])}); "
            "give an empty or new folder, or one claimcheck wrote"
        )
    started = time.perf_counter()
    stamp = now_iso()
    run_tag = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{time.time_ns() % 10**6:06d}"
    files = expand_paths(paths)
    result = MapResult(out=out, files=len(files))
    writers = {t: PartWriter(out, t, prefix=f"part-{run_tag}") for t in MAP_TABLES}
    pending: Rows = {t: [] for t in MAP_TABLES}
    file_of: dict[str, str] = {}
    seen: set[str] = set()

    def flush() -> None:
        if pending["articles"]:
            for t in MAP_TABLES:
                writers[t].write(pending[t])
                pending[t] = []
            result.parts += 1

    raws = _iter_raw(
        files, encoding, skip_errors, result.skipped, None, lambda i, s: None, [], file_of,
        set(), {}, lambda: None,
    )
    n_batch = 0
    for art in _analyze_stream(raws, published, outlet, language, jobs, set(), date_order):
        if art.content_hash in seen:
            result.duplicates += 1
            continue
        page = file_of.get(art.raw.source, art.raw.source).lower().endswith((".html", ".htm"))
        if page and not has_article_text(art.sentences):
            exc = NoArticleText(
                f"{art.raw.source}: no article text, only page furniture; save the article "
                "page itself"
            )
            if not skip_errors:
                raise exc
            file = file_of.get(art.raw.source, art.raw.source)
            result.skipped.append(SkippedRecord.from_error(art.raw.source, exc, file))
            continue
        seen.add(art.content_hash)
        for t, rows in article_rows(art, None, stamp).items():
            pending[t].extend(rows)
        result.articles += 1
        n_batch += 1
        if n_batch >= part_articles:
            flush()
            n_batch = 0
    flush()
    result.rows = {t: writers[t].rows for t in MAP_TABLES}
    result.seconds = time.perf_counter() - started
    return result
