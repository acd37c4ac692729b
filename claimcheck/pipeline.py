"""The ingest pipeline: read -> segment -> flag boilerplate -> claims and slots -> SQLite.

Analysis of one article (:func:`analyze_article`) is a pure function of the article, so it
runs in worker processes with ``jobs > 1``; the main process is the only writer, and each
article is written in its own transaction, so an interrupted run leaves every finished
article stored and the database valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import sqlite_utils

from . import __version__
from .boilerplate import classify_boilerplate, is_short_line, outlet_owner, repeated_line_keys
from .dates import find_dates
from .errors import InvalidOption
from .extract import ArticleContext, extract_claims
from .models import Claim, RawArticle, Sentence, Span
from .readers import SkippedRecord, expand_paths, read_source
from .segment import segment_text
from .store import (
    finish_run,
    known_hashes,
    now_iso,
    open_db,
    start_run,
    transaction,
    write_rows,
)
from .views import refresh_views

ProgressCallback = Callable[[int, int | None, str], None]
"""Called as ``progress(done_files, total_files, current_source)``."""


@dataclass(slots=True)
class AnalyzedArticle:
    """An article with its sentences and claims, ready to store."""

    id: str
    content_hash: str
    raw: RawArticle
    title: str | None
    published: str | None
    outlet: str | None
    sentences: list[Sentence]
    claims: list[Claim]


@dataclass(slots=True)
class IngestResult:
    """What one ingest run did."""

    run_id: int
    files: int = 0
    articles: int = 0
    duplicates: int = 0
    sentences: int = 0
    boilerplate: int = 0
    claims: int = 0
    mentions: int = 0
    entities: int = 0
    bytes: int = 0
    seconds: float = 0.0
    skipped: list[SkippedRecord] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: "5 articles, 143 sentences, 12 boilerplate, 0 skipped"."""
        extra = f", {self.duplicates} already stored" if self.duplicates else ""
        return (
            f"{self.articles} articles, {self.sentences} sentences, {self.boilerplate} boilerplate, "
            f"{self.claims} claims, {len(self.skipped)} skipped{extra}"
        )


def content_hash(text: str) -> str:
    """The SHA-256 of an article's text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_HEADLINE_END = re.compile(r"[.!?:;,\"”]$")


def guess_title(text: str) -> str | None:
    """A first line that reads as a headline: short, on its own line, no final full stop."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    words = first.split()
    if not 2 <= len(words) <= 16 or _HEADLINE_END.search(first):
        return None
    capitalised = sum(1 for w in words if w[:1].isupper())
    # Sentence-case headlines are common in news; require a capital start and no lowercase
    # continuation on the next line (a hard-wrapped paragraph).
    if not first[0].isupper() or rest.lstrip()[:1].islower():
        return None
    if capitalised == 0:
        return None
    return first


def find_published(text: str) -> str | None:
    """A full date (day granularity, with a year) in the first lines of an article."""
    head = text[:400]
    for mention in find_dates(head, None):
        if mention.granularity == "day" and not mention.relative:
            return mention.lo.isoformat()
    return None


def analyze_article(
    raw: RawArticle, published: str | None = None, outlet: str | None = None
) -> AnalyzedArticle:
    """Segment one article, flag its boilerplate and extract its claims.

    :param raw: the article as read
    :param published: a publication date (YYYY-MM-DD) to use when the article has none
    :param outlet: an outlet name that overrides the article's own
    """
    text = raw.text
    digest = content_hash(text)
    title = raw.title or guess_title(text)
    pub = raw.published or published or find_published(text)
    spans = segment_text(text)
    reasons = classify_boilerplate(text, spans, title)
    sentences = [
        Sentence(
            index=i,
            start=span.start,
            end=span.end,
            text=text[span.start:span.end],
            is_boilerplate=reason is not None,
            boilerplate_reason=reason,
        )
        for i, (span, reason) in enumerate(zip(spans, reasons, strict=True))
    ]
    ctx = ArticleContext(published=dt.date.fromisoformat(pub) if pub else None)
    claims: list[Claim] = []
    for sentence in sentences:
        if sentence.is_boilerplate:
            continue
        claims.extend(extract_claims(sentence.text, sentence.start, sentence.index, ctx))
    return AnalyzedArticle(
        id=digest[:16],
        content_hash=digest,
        raw=raw,
        title=title,
        published=pub,
        outlet=outlet or raw.outlet,
        sentences=sentences,
        claims=claims,
    )


def _analyze_job(args: tuple[RawArticle, str | None, str | None, bool]) -> AnalyzedArticle:
    raw, published, outlet, stored = args
    if stored:
        return AnalyzedArticle("", content_hash(raw.text), raw, None, None, None, [], [])
    return analyze_article(raw, published, outlet)


def _write_article(db: sqlite_utils.Database, art: AnalyzedArticle, run_id: int) -> int:
    raw = art.raw
    stamp = now_iso()
    sentence_ids = [f"{art.id}-s{s.index:04d}" for s in art.sentences]
    with transaction(db):
        write_rows(db, "articles", [(
            art.id, raw.source, art.content_hash, art.title, art.outlet, art.published, raw.url,
            raw.external_id, raw.text, json.dumps(raw.extra, sort_keys=True) if raw.extra else None,
            run_id, stamp,
        )])
        write_rows(db, "sentences", (
            (sid, art.id, s.index, s.start, s.end, s.text, int(s.is_boilerplate), s.boilerplate_reason)
            for sid, s in zip(sentence_ids, art.sentences, strict=True)
        ))
        claim_rows = []
        mention_rows = []
        for c in art.claims:
            cid = f"{art.id}-c{c.sentence_index:04d}.{c.index}"
            claim_rows.append((
                cid, art.id, sentence_ids[c.sentence_index], c.index, c.start, c.end, c.text,
                c.normalized, c.polarity, c.modality, c.speaker, c.tense,
            ))
            for j, m in enumerate(c.mentions):
                mention_rows.append((
                    f"{cid}.m{j}", cid, art.id, m.kind, m.start, m.end, m.surface, m.value,
                    m.lo, m.hi, m.unit, None,
                ))
        write_rows(db, "claims", claim_rows)
        write_rows(db, "mentions", mention_rows)
    return len(mention_rows)


def _iter_raw(
    files: Sequence[str],
    encoding: str | None,
    skip_errors: bool,
    skipped: list[SkippedRecord],
    stdin: IO[bytes] | None,
    on_file: Callable[[int, str], None],
) -> Iterator[RawArticle]:
    for i, source in enumerate(files):
        on_file(i, source)
        yield from read_source(
            source, encoding=encoding, stdin=stdin, skip_errors=skip_errors, skipped=skipped
        )


def ingest(
    paths: Sequence[str],
    db_path: str | Path = "claimcheck.db",
    *,
    published: str | None = None,
    outlet: str | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    skip_errors: bool = False,
    stdin: IO[bytes] | None = None,
    progress: ProgressCallback | None = None,
) -> IngestResult:
    """Read articles and store their sentences, claims and slots.

    :param paths: files, folders or ``-`` for standard input
    :param db_path: the SQLite file (created when missing)
    :param published: publication date (YYYY-MM-DD) for articles that carry none
    :param outlet: outlet name for every article of this run
    :param jobs: worker processes for analysis (one writer)
    :param encoding: text encoding of the files (detected when omitted)
    :param skip_errors: skip malformed JSONL lines and keep going
    :param stdin: the byte stream that ``-`` reads
    :param progress: callback for progress reports
    :raises ClaimcheckError: bad input (nothing stored is lost)
    """
    if published is not None:
        try:
            published = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            raise InvalidOption(
                f"--published {published!r} is not a date; use YYYY-MM-DD, e.g. 2024-01-19"
            ) from None
    if jobs < 1:
        raise InvalidOption("--jobs must be 1 or more")
    files = expand_paths(paths)
    db = open_db(db_path)
    started = time.perf_counter()
    options = {"paths": list(paths), "published": published, "outlet": outlet, "jobs": jobs}
    run_id = start_run(db, "ingest", __version__, options)
    result = IngestResult(run_id=run_id, files=len(files))
    seen = known_hashes(db)

    def on_file(i: int, source: str) -> None:
        if progress is not None:
            progress(i, len(files), source)

    raws = _iter_raw(files, encoding, skip_errors, result.skipped, stdin, on_file)
    try:
        for art in _analyze_stream(raws, published, outlet, jobs, seen):
            if art.content_hash in seen:
                result.duplicates += 1
                continue
            seen.add(art.content_hash)
            result.mentions += _write_article(db, art, run_id)
            result.articles += 1
            result.article_ids.append(art.id)
            result.sentences += len(art.sentences)
            result.boilerplate += sum(1 for s in art.sentences if s.is_boilerplate)
            result.claims += len(art.claims)
            result.bytes += len(art.raw.text.encode("utf-8"))
    finally:
        if progress is not None:
            progress(len(files), len(files), "")
        if result.articles:
            result.boilerplate += flag_repeated_lines(db)
            result.entities = link_entities(db)
            refresh_views(db)
        result.seconds = time.perf_counter() - started
        finish_run(db, run_id, result.seconds, {
            "articles": result.articles, "sentences": result.sentences,
            "boilerplate": result.boilerplate, "claims": result.claims,
            "duplicates": result.duplicates, "skipped": len(result.skipped),
            "bytes": result.bytes,
        })
        db.close()
    return result


def _analyze_stream(
    raws: Iterable[RawArticle], published: str | None, outlet: str | None, jobs: int,
    seen: set[str],
) -> Iterator[AnalyzedArticle]:
    # Articles already stored are passed through unanalysed; the writer counts them.
    args = ((raw, published, outlet, content_hash(raw.text) in seen) for raw in raws)
    if jobs == 1:
        yield from map(_analyze_job, args)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_analyze_job, args, chunksize=8)


def flag_repeated_lines(db: sqlite_utils.Database) -> int:
    """Flag short lines repeated across articles of one owner (footers, widget lines).

    Outlets are taken together by owner (:func:`~claimcheck.boilerplate.outlet_owner`:
    "chicago.cbslocal.com" and "dfw.cbslocal.com" share their copyright lines). A line counts
    when it is short and appears in at least three articles of the owner, or in two when it
    has no sentence punctuation at all. Returns the number of sentences newly flagged.
    """
    by_outlet: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    rows = db.execute(
        "SELECT s.id, s.article_id, s.text, a.outlet FROM sentences s "
        "JOIN articles a ON a.id = s.article_id "
        "WHERE s.is_boilerplate = 0 AND a.outlet IS NOT NULL"
    ).fetchall()
    keyed: list[tuple[str, str, str, str]] = []
    for sid, aid, text, name in rows:
        if not is_short_line(text):
            continue
        outlet = outlet_owner(name)
        key = repeated_line_keys(text, [_whole(text)])[0]
        by_outlet[outlet][key].add(aid)
        keyed.append((sid, outlet, key, text))
    flagged = []
    for sid, outlet, key, text in keyed:
        n = len(by_outlet[outlet][key])
        if n >= 3 or (n >= 2 and not re.search(r"[.!?]", text)):
            flagged.append(sid)
    if flagged:
        with transaction(db):
            db.conn.executemany(
                "UPDATE sentences SET is_boilerplate = 1, boilerplate_reason = 'repeated' WHERE id = ?",
                [(sid,) for sid in flagged],
            )
    return len(flagged)


def _whole(text: str) -> Span:
    return Span(0, len(text))


def link_entities(db: sqlite_utils.Database) -> int:
    """Resolve every entity mention in the database to one canonical entity.

    Rebuilds ``entities`` and sets ``mentions.entity_id``. IDs derive from the canonical key,
    so they are stable while the corpus that defines them stays the same.
    """
    from .entities import EntityLinker, EntityMention

    linker = EntityLinker()
    rows = db.execute(
        "SELECT id, article_id, start, end, surface, value, kind, unit FROM mentions "
        "WHERE kind IN ('person', 'org', 'place', 'other') ORDER BY article_id, start, id"
    ).fetchall()
    by_doc: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    for mid, aid, start, end, surface, value, kind, unit in rows:
        by_doc[aid].append((mid, EntityMention(start, end, surface, value, kind, unit)))
    for aid, items in by_doc.items():
        linker.add_document(aid, [m for _, m in items])
    entities, mapping = linker.resolve()
    ids = {e.key: "e" + hashlib.sha1(e.key.encode("utf-8")).hexdigest()[:12] for e in entities}
    counts: dict[str, int] = defaultdict(int)
    updates: list[tuple[str, str]] = []
    for aid, items in by_doc.items():
        for i, (mid, _) in enumerate(items):
            key = mapping.get((aid, i))
            if key is None:
                continue
            updates.append((ids[key], mid))
            counts[ids[key]] += 1
    with transaction(db):
        db.execute("UPDATE mentions SET entity_id = NULL WHERE entity_id IS NOT NULL")
        db.execute("DELETE FROM entities")
        db.conn.executemany(
            "INSERT INTO entities (id, name, kind, aliases, mention_count) VALUES (?,?,?,?,?)",
            [
                (ids[e.key], e.name, e.kind, json.dumps(e.aliases, ensure_ascii=False), counts[ids[e.key]])
                for e in entities
            ],
        )
        db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", updates)
    return len(entities)
