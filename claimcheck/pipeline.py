"""The ingest pipeline: read -> segment -> flag boilerplate -> claims and slots -> SQLite.

Analysis of one article (:func:`analyze_article`) is a pure function of the article, so it
runs in worker processes with ``jobs > 1``; the main process is the only writer, and each
article is written all or nothing (a savepoint; finished articles are committed in
batches), so an interrupted run leaves every finished article stored and the database valid.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from . import __version__, readers
from .boilerplate import classify_boilerplate, is_short_line, outlet_owner, repeated_line_keys
from .dates import DATE_ORDERS, date_order, find_dates, infer_date_order
from .entities import EntityMention
from .errors import InputError, InvalidOption, NoArticleText
from .extract import ArticleContext, extract_claims
from .language import (
    ANALYSED_LANGUAGES,
    check_language_code,
    detect_language,
    is_analysed,
    load_model,
)
from .models import Claim, RawArticle, Sentence, Span
from .readers import JSONL_SUFFIXES, SkippedRecord, expand_paths, read_source
from .segment import segment_text
from .store import (
    finish_run,
    known_file_hashes,
    known_hashes,
    now_iso,
    open_db,
    replace_skipped,
    skipped_files,
    start_run,
    transaction,
    write_rows,
)
from .views import refresh_views

ProgressCallback = Callable[[int, int | None, str], None]
"""Called as ``progress(done_files, total_files, current_source)``."""


@dataclass(slots=True)
class IngestProgress:
    """Where a running ingest is, for a progress display (the library never prints).

    ``bytes_done`` counts the UTF-8 text of every article handled so far (stored or already
    stored); ``bytes_total`` is the size of the input files (None when reading stdin), so a
    JSON Lines file's escapes make the fraction slightly low, never high.
    """

    articles: int = 0
    bytes_done: int = 0
    bytes_total: int | None = None
    seconds: float = 0.0
    stage: str = "analyse"  # analyse | link

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes_done / 1e6 / self.seconds if self.seconds > 0 else 0.0


ArticleCallback = Callable[[IngestProgress], None]
"""Called with an :class:`IngestProgress` after each article and when linking starts."""


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
    language: str | None = None
    file_hash: str | None = None


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
    #: stored articles of this run by language code ("und" when too short to tell)
    languages: Counter[str] = field(default_factory=Counter)
    #: stored articles whose language the claim grammar does not cover (no claims extracted)
    not_analysed: int = 0

    def rate(self) -> str:
        """"in 4.1 s (122 articles/s, 0.43 MB/s)": the speed of the run."""
        secs = max(self.seconds, 1e-9)
        return (f"in {self.seconds:.1f} s ({self.articles / secs:.0f} articles/s, "
                f"{self.bytes / 1e6 / secs:.2f} MB/s)")

    def summary(self) -> str:
        """One line: "5 articles, 143 sentences, 12 boilerplate, 40 claims, 0 skipped, in ...".

        Articles stored without analysis and items skipped are named when there are any:
        "..., 12 not in English: stored, not analysed, 3 skipped (see above)". The run's
        speed ends the line: "in 4.1 s (122 articles/s, 0.43 MB/s)".
        """
        parts = [
            f"{self.articles} articles", f"{self.sentences} sentences",
            f"{self.boilerplate} boilerplate", f"{self.claims} claims",
        ]
        if self.not_analysed:
            parts.append(f"{self.not_analysed} not in English: stored, not analysed")
        parts.append(f"{len(self.skipped)} skipped" + (" (see above)" if self.skipped else ""))
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        return ", ".join(parts) + " " + self.rate()

    def skipped_by_kind(self) -> Counter[str]:
        """How many items were skipped for each reason (``no-article-text``, ``binary``...)."""
        return Counter(s.kind for s in self.skipped)


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
    raw: RawArticle,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    order: str | None = None,
) -> AnalyzedArticle:
    """Segment one article, flag its boilerplate and extract its claims.

    Claims are extracted only when the article's language is one the grammar covers
    (:func:`~claimcheck.language.is_analysed`); other articles keep their sentences only.

    :param raw: the article as read
    :param published: a publication date (YYYY-MM-DD) to use when the article has none
    :param outlet: an outlet name that overrides the article's own
    :param language: the article's language code; else the record's own ``language`` code,
        else detected from the text
    :param order: day/month order of numeric dates ("mdy", "dmy", "ymd") for articles whose
        record sets none and whose own unambiguous numeric dates ("13/03/2014") show none
    """
    text = raw.text
    # the record's own setting, else the order its unambiguous dates show, else the run's
    with date_order(raw.extra.get("date_order") or infer_date_order(text) or order):
        return _analyze(raw, text, published, outlet, language)


def _analyze(
    raw: RawArticle, text: str, published: str | None, outlet: str | None,
    language: str | None,
) -> AnalyzedArticle:
    lang = language or _record_language(raw) or detect_language(text)
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
        if sentence.is_boilerplate or not is_analysed(lang):
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
        language=lang,
    )


def _record_language(raw: RawArticle) -> str | None:
    """The language code a JSON Lines record gives (``"language": "en"``), if any.

    A record that names its language is not run through detection (about a fifth of the
    analysis time of a short English article). A value that is not a language code
    ("English") is ignored and the text decides; ``--language`` overrides both.
    """
    value = raw.extra.get("language")
    if not isinstance(value, str):
        return None
    try:
        return check_language_code(value)
    except ValueError:
        return None


_Job = tuple[RawArticle, str | None, str | None, str | None, bool, str | None]


def _analyze_job(args: _Job) -> AnalyzedArticle:
    raw, published, outlet, language, stored, order = args
    if stored:
        return AnalyzedArticle("", content_hash(raw.text), raw, None, None, None, [], [])
    return analyze_article(raw, published, outlet, language, order)


#: The tables one article's rows go to, in the order they are inserted.
_ROW_TABLES = ("articles_v4", "sentences", "claims", "mentions", "line_keys")


def _write_article(
    rows: dict[str, list[tuple[Any, ...]]], art: AnalyzedArticle, run_id: int
) -> int:
    """Add one article's rows to ``rows`` (table -> rows); returns its mention count."""
    raw = art.raw
    stamp = now_iso()
    sentence_ids = [f"{art.id}-s{s.index:04d}" for s in art.sentences]
    articles: list[tuple[Any, ...]] = [(
        art.id, raw.source, art.content_hash, art.title, art.outlet, art.published, raw.url,
        raw.external_id, raw.text, json.dumps(raw.extra, sort_keys=True) if raw.extra else None,
        run_id, stamp, art.language, art.file_hash,
    )]
    sentences: list[tuple[Any, ...]] = [
        (sid, art.id, s.index, s.start, s.end, s.text, int(s.is_boilerplate), s.boilerplate_reason)
        for sid, s in zip(sentence_ids, art.sentences, strict=True)
    ]
    claim_rows: list[tuple[Any, ...]] = []
    mention_rows: list[tuple[Any, ...]] = []
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
    line_keys: list[tuple[Any, ...]] = []
    if art.outlet is not None:
        owner = outlet_owner(art.outlet)
        line_keys = [
            (sid, art.id, owner, repeated_line_keys(s.text, [_whole(s.text)])[0],
             int(_SENTENCE_END.search(s.text) is None))
            for sid, s in zip(sentence_ids, art.sentences, strict=True)
            if not s.is_boilerplate and is_short_line(s.text)
        ]
    # all of the article or none of it: its rows join the batch only once all are built
    for table, new in zip(_ROW_TABLES, (articles, sentences, claim_rows, mention_rows, line_keys),
                          strict=True):
        rows[table].extend(new)
    return len(mention_rows)


_SENTENCE_END = re.compile(r"[.!?]")


class _WriteBatch:
    """Finished articles written together: one transaction and one ``executemany`` per table
    for every batch instead of statements and a savepoint per article.

    Each article's rows are built whole (:func:`_write_article`) and kept in memory until
    the batch is written: every :data:`BATCH_ARTICLES` articles or :data:`BATCH_SECONDS`,
    whichever comes first, and by :meth:`commit` when the run ends or stops. A batch is
    written all or nothing, so the database never holds part of an article, and an
    interrupted run still stores every article it finished: an interrupt that lands while
    a batch is being written rolls it back and writes it once more before it is passed on.
    (Statements per article cost little, but the savepoint that kept each article whole
    inside a shared transaction cost about a sixth of the writing.)
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.pending = 0
        self.opened = 0.0
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _ROW_TABLES}

    def write(self, art: AnalyzedArticle, run_id: int) -> int:
        """Add one article to the batch (see :func:`_write_article`); returns its mention count."""
        if not self.pending:
            self.opened = time.perf_counter()
        written = _write_article(self.rows, art, run_id)
        self.pending += 1
        if self.pending >= BATCH_ARTICLES or time.perf_counter() - self.opened >= BATCH_SECONDS:
            self.commit()
        return written

    def commit(self) -> None:
        """Write and commit the articles added since the last commit."""
        if not self.pending:
            return
        try:
            self._flush()
        except KeyboardInterrupt:
            self._flush()  # the batch was rolled back: its articles are finished, keep them
            raise
        finally:
            self.pending = 0
            self.rows = {t: [] for t in _ROW_TABLES}

    def _flush(self) -> None:
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            for table in _ROW_TABLES:
                write_rows(self.db, table, self.rows[table])
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


#: Articles written per transaction at most (see :class:`_WriteBatch`).
BATCH_ARTICLES = 100

#: Seconds a batch transaction stays open at most: a crash loses no more than this.
BATCH_SECONDS = 1.0


def _iter_raw(
    files: Sequence[str],
    encoding: str | None,
    skip_errors: bool,
    skipped: list[SkippedRecord],
    stdin: IO[bytes] | None,
    on_file: Callable[[int, str], None],
    done: list[str],
    file_of: dict[str, str],
    stored_files: set[str],
    file_hashes: dict[str, str],
    on_stored: Callable[[], None],
) -> Iterator[RawArticle]:
    """Every article of every file, in order; ``done`` receives each file read to its end.

    ``file_of`` maps each article's source to the file it came from (a JSONL record's
    source is ``file#id``), so a later failure of that article can be filed under its file.
    A single-article file whose bytes are already stored (``stored_files``, SHA-256) is not
    read again: ``on_stored`` counts it; ``file_hashes`` receives the hash of every other one.

    With ``skip_errors`` an error that concerns one file (no article text, empty, binary,
    undecodable, too large, unreadable) is recorded in ``skipped`` and the next file is read;
    without it the first error propagates and stops the run.
    """
    for i, source in enumerate(files):
        on_file(i, source)
        name = "<stdin>" if source == "-" else source
        digest = _file_digest(source)
        if digest is not None and digest in stored_files:
            on_stored()
            done.append(name)
            continue
        if digest is not None:
            file_hashes[name] = digest
        try:
            for raw in read_source(
                source, encoding=encoding, stdin=stdin, skip_errors=skip_errors, skipped=skipped
            ):
                file_of[raw.source] = name
                yield raw
        except InputError as exc:
            if not skip_errors:
                raise
            skipped.append(SkippedRecord.from_error(name, exc, name))
        done.append(name)


def _input_bytes(files: Sequence[str]) -> int | None:
    """The total size of the input files (None when one is stdin or cannot be read)."""
    total = 0
    for source in files:
        if source == "-":
            return None
        try:
            total += Path(source).stat().st_size
        except OSError:
            return None
    return total


def _file_digest(source: str) -> str | None:
    """SHA-256 of a single-article file's bytes (None for stdin, JSONL or unreadable files)."""
    if source == "-" or Path(source).suffix.lower() in JSONL_SUFFIXES:
        return None
    try:
        path = Path(source)
        if path.stat().st_size > readers.MAX_ARTICLE_BYTES:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
    language: str | None = None,
    date_order: str | None = None,
    on_article: ArticleCallback | None = None,
) -> IngestResult:
    """Read articles and store their sentences, claims and slots.

    :param paths: files, folders or ``-`` for standard input
    :param db_path: the SQLite file (created when missing)
    :param published: publication date (YYYY-MM-DD) for articles that carry none
    :param outlet: outlet name for every article of this run
    :param jobs: worker processes for analysis (one writer)
    :param encoding: text encoding of the files (detected when omitted)
    :param skip_errors: skip files and records that cannot be read (reported in
        ``result.skipped`` and the ``skipped`` table) and keep going
    :param stdin: the byte stream that ``-`` reads
    :param progress: callback for progress reports (per file)
    :param on_article: callback with an :class:`IngestProgress` after every article (rate,
        bytes done and total) and when the corpus-wide linking starts
    :param language: language code for every article of this run instead of detection
        ("en" analyses everything as English, "de" stores everything unanalysed)
    :param date_order: how numeric dates such as 03/04/2024 are read: "mdy", "dmy" or
        "ymd", for articles whose record has no "date_order" field and whose own
        unambiguous numeric dates show no order. Unset: only unambiguous ones are read.
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
    if language is not None:
        try:
            language = check_language_code(language)
        except ValueError:
            raise InvalidOption(
                f"--language {language!r} is not a language code; use a two-letter ISO 639-1 "
                f"code such as {', '.join(sorted(ANALYSED_LANGUAGES))} or de"
            ) from None
    if date_order is not None:
        date_order = date_order.lower()
        if date_order not in DATE_ORDERS:
            raise InvalidOption(
                f"--date-order {date_order!r} is not known; use mdy (03/04 = 4 March), "
                "dmy (03/04 = 3 April) or ymd"
            )
    files = expand_paths(paths)
    db = open_db(db_path)
    started = time.perf_counter()
    options = {
        "paths": list(paths), "published": published, "outlet": outlet, "jobs": jobs,
        "skip_errors": skip_errors, "language": language,
    }
    if date_order is not None:
        options["date_order"] = date_order
    run_id = start_run(db, "ingest", __version__, options)
    result = IngestResult(run_id=run_id, files=len(files))
    seen = known_hashes(db)
    state = IngestProgress(bytes_total=_input_bytes(files))

    def tick(art: AnalyzedArticle) -> None:
        if on_article is not None:
            state.articles += 1
            state.bytes_done += len(art.raw.text.encode("utf-8"))
            state.seconds = time.perf_counter() - started
            on_article(state)

    read_files: list[str] = []

    def on_file(i: int, source: str) -> None:
        if progress is not None:
            progress(i, len(files), source)

    file_of: dict[str, str] = {}
    file_hashes: dict[str, str] = {}

    def on_stored() -> None:
        result.duplicates += 1

    raws = _iter_raw(
        files, encoding, skip_errors, result.skipped, stdin, on_file, read_files, file_of,
        known_file_hashes(db), file_hashes, on_stored,
    )
    batch = _WriteBatch(db)
    try:
        for art in _analyze_stream(raws, published, outlet, language, jobs, seen, date_order):
            tick(art)
            if art.content_hash in seen:
                result.duplicates += 1
                continue
            # A saved web page from which extraction kept only furniture is a failed page;
            # a JSON Lines record or a text file is the user's own text, kept as given (its
            # furniture is flagged as boilerplate and never compared).
            page = file_of.get(art.raw.source, art.raw.source).lower().endswith((".html", ".htm"))
            if page and not has_article_text(art.sentences):
                exc = NoArticleText(
                    f"{art.raw.source}: no article text, only page furniture (cookie notice, "
                    "menu, shop or share lines); save the article page itself"
                )
                if not skip_errors:
                    raise exc
                file = file_of.get(art.raw.source, art.raw.source)
                result.skipped.append(SkippedRecord.from_error(art.raw.source, exc, file))
                continue
            seen.add(art.content_hash)
            art.file_hash = file_hashes.get(file_of.get(art.raw.source, ""))
            result.mentions += batch.write(art, run_id)
            result.articles += 1
            result.article_ids.append(art.id)
            result.sentences += len(art.sentences)
            result.boilerplate += sum(1 for s in art.sentences if s.is_boilerplate)
            result.claims += len(art.claims)
            result.bytes += len(art.raw.text.encode("utf-8"))
            result.languages[art.language or "und"] += 1
            if not is_analysed(art.language):
                result.not_analysed += 1
    finally:
        batch.commit()
        if progress is not None:
            progress(len(files), len(files), "")
        # The skipped table lists what failed on the latest read of each file: a file read
        # again loses its old entries (fixed, or recorded anew just below).
        # Entries of files that no longer exist (deleted or renamed since) go too.
        gone = [f for f in skipped_files(db) if f != "<stdin>" and not Path(f).exists()]
        replace_skipped(db, run_id, [*read_files, *gone], result.skipped)
        if result.articles:
            if on_article is not None:
                state.stage = "link"
                on_article(state)
            result.boilerplate += flag_repeated_lines(db, result.article_ids)
            result.entities = link_entities(db, result.article_ids)
            refresh_views(db)
        result.seconds = time.perf_counter() - started
        finish_run(db, run_id, result.seconds, {
            "articles": result.articles, "sentences": result.sentences,
            "boilerplate": result.boilerplate, "claims": result.claims,
            "duplicates": result.duplicates, "skipped": len(result.skipped),
            "bytes": result.bytes, "not_analysed": result.not_analysed,
            "languages": dict(result.languages),
            "skipped_by_kind": dict(result.skipped_by_kind()),
        })
        db.close()
    return result


#: A sentence of article prose has at least this many words ("Sort by:" and "Outdoor gear"
#: on a shop page do not; "Ten schools closed." does).
MIN_PROSE_WORDS = 3


def has_article_text(sentences: Sequence[Sentence]) -> bool:
    """Whether any sentence outside the page furniture reads as prose.

    What trafilatura keeps from a page without an article is page furniture (a cookie notice,
    "Subscribe to our newsletter", a section title) or a fragment of the shop or menu
    ("Outdoor gear", "Sort by:"); an article has at least one sentence of a few words that
    the boilerplate classifier leaves alone.
    """
    return any(
        not s.is_boilerplate and sum(1 for w in s.text.split() if any(c.isalpha() for c in w))
        >= MIN_PROSE_WORDS
        for s in sentences
    )


def _analyze_stream(
    raws: Iterable[RawArticle], published: str | None, outlet: str | None,
    language: str | None, jobs: int, seen: set[str], order: str | None = None,
) -> Iterator[AnalyzedArticle]:
    # Articles already stored are passed through unanalysed; the writer counts them.
    args = (
        (raw, published, outlet, language, content_hash(raw.text) in seen, order) for raw in raws
    )
    if jobs == 1:
        yield from map(_analyze_job, args)
        return
    import multiprocessing

    if language is None:
        load_model()  # once, before the fork, instead of once in every worker
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_analyze_job, args, chunksize=8)


def flag_repeated_lines(db: sqlite_utils.Database, article_ids: Sequence[str] | None = None) -> int:
    """Flag short lines repeated across articles of one owner (footers, widget lines).

    Outlets are taken together by owner (:func:`~claimcheck.boilerplate.outlet_owner`:
    "chicago.cbslocal.com" and "dfw.cbslocal.com" share their copyright lines). A line counts
    when it is short and appears in at least three articles of the owner, or in two when it
    has no sentence punctuation at all. Returns the number of sentences newly flagged.

    The candidate lines and their keys are stored as articles are written (``line_keys``);
    with ``article_ids`` only the keys those new articles carry are looked at, so a run
    that adds k articles to a database of n costs O(k), and flags exactly what a run over
    the whole corpus would (an older line that a new article repeats for the third time is
    flagged too).
    """
    if article_ids is None:
        groups = db.execute("SELECT DISTINCT owner, key FROM line_keys").fetchall()
    else:
        groups = []
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            groups.extend(db.execute(
                f"SELECT DISTINCT owner, key FROM line_keys WHERE article_id IN ({marks})", chunk
            ).fetchall())
        groups = sorted(set(groups))
    flagged: list[str] = []
    for owner, key in groups:
        rows = db.execute(
            "SELECT l.sentence_id, l.article_id, l.bare, s.is_boilerplate FROM line_keys l "
            "JOIN sentences s ON s.id = l.sentence_id WHERE l.owner = ? AND l.key = ?",
            [owner, key],
        ).fetchall()
        n = len({aid for _, aid, _, _ in rows})
        if n < 2:
            continue
        flagged.extend(
            sid for sid, _, bare, boiler in rows if not boiler and (n >= 3 or bare)
        )
    if flagged:
        with transaction(db):
            db.conn.executemany(
                "UPDATE sentences SET is_boilerplate = 1, boilerplate_reason = 'repeated' WHERE id = ?",
                [(sid,) for sid in flagged],
            )
    return len(flagged)


def _whole(text: str) -> Span:
    return Span(0, len(text))


def _resolve_pronoun_mentions(
    db: sqlite_utils.Database,
    by_doc: dict[str, list[tuple[str, EntityMention]]],
    resolve: Callable[[str, Sequence[EntityMention]], dict[int, int]],
    cached: dict[str, str],
) -> list[tuple[str, str]]:
    """Point each pronoun mention ("He said ...") at the person the article's salience and
    gender agreement give (:func:`claimcheck.entities.resolve_pronouns`), in place; pronouns it
    cannot resolve keep the name the claim extractor gave them.

    The answer depends on the article alone, so it is stored (``mentions.resolved_name``):
    ``cached`` holds the stored answers, and only articles with a pronoun not yet resolved
    are read and resolved. Returns the new answers as ``(name, mention id)`` to store.
    """
    fresh: list[tuple[str, str]] = []
    for aid, items in by_doc.items():
        pron = [i for i, (_, m) in enumerate(items) if m.title == "pronoun"]
        if not pron:
            continue
        if all(items[i][0] in cached for i in pron):
            for i in pron:
                mid, m = items[i]
                if cached[mid] != m.name:
                    items[i] = (mid, replace(m, name=cached[mid]))
            continue
        row = db.execute("SELECT text FROM articles WHERE id = ?", [aid]).fetchone()
        if row is None or not row[0]:
            continue
        names = [m for _, m in items if m.title != "pronoun"]
        links = resolve(row[0], names)
        for i in pron:
            mid, m = items[i]
            j = links.get(m.start)
            if j is not None:
                items[i] = (mid, replace(m, name=names[j].name))
            fresh.append((items[i][1].name, mid))
    return fresh


_ENTITY_KINDS = "('person', 'org', 'place', 'other')"


def link_entities(db: sqlite_utils.Database, new_ids: Sequence[str] | None = None) -> int:
    """Resolve every entity mention in the database to one canonical entity.

    Brings ``entities`` and ``mentions.entity_id`` up to date. IDs derive from the canonical
    key, so they are stable while the corpus that defines them stays the same.

    Linking is corpus-wide (a new article can merge or split the entities of older ones).
    With ``new_ids`` (the articles just stored) and a stored linker state that matches the
    database (``link_state``, :mod:`claimcheck.linking`), only the new articles' mentions and
    the buckets, stories and names they touch are resolved, and only what changed is written;
    the answers are those of a full resolution. Otherwise, and whenever the state cannot be
    patched exactly, the mentions are resolved again as a whole, from what is stored (pronoun
    answers are cached per mention), only the entities and mentions whose values changed are
    written, and the state is stored anew.

    :returns: the number of entities.
    """
    from .linking import LinkState, link_fingerprint

    reason = "full"
    if new_ids is not None:
        got = _link_new_articles(db, new_ids)
        if isinstance(got, int):
            return got
        reason = got
    from .entities import resolve_pronouns

    rows = db.execute(
        "SELECT id, article_id, start, end, surface, value, kind, unit, resolved_name, entity_id "
        f"FROM mentions WHERE kind IN {_ENTITY_KINDS} ORDER BY article_id, start, id"
    ).fetchall()
    by_doc: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    cached: dict[str, str] = {}
    current: dict[str, str | None] = {}
    for mid, aid, start, end, surface, value, kind, unit, resolved, entity in rows:
        by_doc[aid].append((mid, EntityMention(start, end, surface, value, kind, unit)))
        current[mid] = entity
        if resolved is not None:
            cached[mid] = resolved
    fresh = _resolve_pronoun_mentions(db, by_doc, resolve_pronouns, cached)
    stats = LinkState(db, fresh=False).stats
    state = LinkState(db)
    mapping = state.add((aid, [m for _, m in items]) for aid, items in by_doc.items()).mentions
    entities = state.entities()
    state.stats = stats
    stats[reason] = stats.get(reason, 0) + 1
    state.fingerprint = link_fingerprint()
    state.articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    ids = {e.key: _entity_id(e.key) for e in entities}
    counts: dict[str, int] = defaultdict(int)
    updates: list[tuple[str | None, str]] = []
    for aid, items in by_doc.items():
        for i, (mid, _) in enumerate(items):
            key = mapping.get((aid, i))
            eid = ids[key] if key is not None else None
            if eid is not None:
                counts[eid] += 1
            if current.get(mid) != eid:
                updates.append((eid, mid))
    stale = [(mid,) for mid, eid in _linked_elsewhere(db) if eid is not None]
    wanted = {
        ids[e.key]: (e.name, e.kind, json.dumps(e.aliases, ensure_ascii=False), counts[ids[e.key]])
        for e in entities
    }
    stored = {r[0]: tuple(r[1:]) for r in db.execute(
        "SELECT id, name, kind, aliases, mention_count FROM entities")}
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO entities (id, name, kind, aliases, mention_count) VALUES (?,?,?,?,?)",
            [(eid, *row) for eid, row in wanted.items() if eid not in stored],
        )
        db.conn.executemany(
            "UPDATE entities SET name = ?, kind = ?, aliases = ?, mention_count = ? WHERE id = ?",
            [(*row, eid) for eid, row in wanted.items() if eid in stored and stored[eid] != row],
        )
        db.conn.executemany("UPDATE mentions SET entity_id = NULL WHERE id = ?", stale)
        db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", updates)
        db.conn.executemany("UPDATE mentions SET resolved_name = ? WHERE id = ?", fresh)
        db.conn.executemany(
            "DELETE FROM entities WHERE id = ?", [(eid,) for eid in stored if eid not in wanted]
        )
        state.save(db)
    return len(entities)


def _entity_id(key: str) -> str:
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _link_new_articles(db: sqlite_utils.Database, new_ids: Sequence[str]) -> int | str:
    """Link the articles ``new_ids`` into the stored linker state (see :func:`link_entities`).

    :returns: the number of entities, or why everything must be resolved again: "full" (no
        usable state) or "fallback" (the state cannot be patched exactly for these articles).
    """
    from .entities import resolve_pronouns
    from .linking import LinkState, Relink, link_fingerprint

    state = LinkState(db, fresh=False)
    n_articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    if (
        state.fingerprint != link_fingerprint()
        or state.articles + len(new_ids) != n_articles
        or state.n_docs == 0
        or len(new_ids) > state.n_docs
    ):
        return "full"
    by_doc: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    cached: dict[str, str] = {}
    for chunk in _chunks(sorted(new_ids)):
        marks = ",".join("?" * len(chunk))
        for mid, aid, start, end, surface, value, kind, unit, resolved in db.execute(
            "SELECT id, article_id, start, end, surface, value, kind, unit, resolved_name "
            f"FROM mentions WHERE article_id IN ({marks}) AND kind IN {_ENTITY_KINDS} "
            "ORDER BY article_id, start, id", list(chunk),
        ):
            by_doc[aid].append((mid, EntityMention(start, end, surface, value, kind, unit)))
            if resolved is not None:
                cached[mid] = resolved
    fresh = _resolve_pronoun_mentions(db, by_doc, resolve_pronouns, cached)
    try:
        delta = state.add(
            (aid, [m for _, m in by_doc[aid]]) for aid in sorted(by_doc)
        )
    except Relink:
        return "fallback"
    mids: dict[str, list[str]] = {aid: [mid for mid, _ in items] for aid, items in by_doc.items()}
    older = sorted({aid for aid, _ in delta.mentions if aid not in mids})
    for chunk in _chunks(older):
        marks = ",".join("?" * len(chunk))
        for mid, aid in db.execute(
            f"SELECT id, article_id FROM mentions WHERE article_id IN ({marks}) AND kind IN "
            f"{_ENTITY_KINDS} ORDER BY article_id, start, id", list(chunk),
        ):
            mids.setdefault(aid, []).append(mid)
    updates = [(_entity_id(key), mids[aid][i]) for (aid, i), key in delta.mentions.items()]
    state.stats["incremental"] = state.stats.get("incremental", 0) + 1
    state.articles = n_articles
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO entities (id, name, kind, aliases, mention_count) VALUES (?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
            "aliases = excluded.aliases, mention_count = excluded.mention_count",
            [
                (_entity_id(key), name, kind, json.dumps(aliases, ensure_ascii=False), count)
                for key, (name, kind, aliases, count) in delta.rows.items()
            ],
        )
        db.conn.executemany("UPDATE mentions SET entity_id = ? WHERE id = ?", updates)
        db.conn.executemany("UPDATE mentions SET resolved_name = ? WHERE id = ?", fresh)
        db.conn.executemany(
            "DELETE FROM entities WHERE id = ?", [(_entity_id(k),) for k in delta.deleted]
        )
        state.save(db)
    return state.n_entities


def _linked_elsewhere(db: sqlite_utils.Database) -> list[tuple[str, str | None]]:
    """Mentions of other kinds that carry an entity id (none are written; kept for safety)."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT id, entity_id FROM mentions WHERE entity_id IS NOT NULL AND "
        "kind NOT IN ('person', 'org', 'place', 'other')")]
