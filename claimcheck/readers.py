"""Read articles from files, folders, JSON Lines and standard input.

Everything here turns bytes into :class:`~claimcheck.models.RawArticle` objects or raises an
:class:`~claimcheck.errors.InputError` whose message names the file and says how to fix it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .dates import DATE_ORDERS
from .errors import (
    BinaryInput,
    EmptyInput,
    EncodingProblem,
    InputError,
    MalformedJsonl,
    NoArticleText,
    NoSuchPath,
    NoSupportedFiles,
    PermissionDenied,
    TooLarge,
)
from .models import RawArticle

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: Files larger than this are refused: no news article is this long, and reading one
#: whole would cost memory for nothing. JSON Lines files are streamed and have no limit.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_KNOWN_JSONL_FIELDS = {"id", "title", "text", "published", "outlet", "url", "source"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class SkippedRecord:
    """A file or record that ``--skip-errors`` passed over, with the reason.

    ``source`` names the item (``page.html`` or ``feed.jsonl:12``), ``reason`` is the one-line
    message, ``kind`` the short reason name (:attr:`InputError.kind`) and ``file`` the file
    the item came from, so that a later run can tell which failures it has retried.
    """

    source: str
    reason: str
    kind: str = "unreadable"
    file: str = ""

    @classmethod
    def from_error(cls, source: str, exc: InputError, file: str) -> SkippedRecord:
        """The record for an input error raised while reading ``source``."""
        return cls(source, str(exc), exc.kind, file)


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Turn the paths given on the command line into a sorted list of readable files.

    ``-`` stands for standard input and is kept as it is. Folders are searched recursively
    for supported extensions.

    :param paths: paths as the user gave them
    :raises NoSuchPath: a path does not exist
    :raises NoSupportedFiles: a folder holds no supported file, or a file has an unknown extension
    """
    files: list[str] = []
    for given in paths:
        if given == "-":
            files.append(given)
            continue
        path = Path(given)
        if not path.exists():
            raise NoSuchPath(f"{given}: no such file or folder; check the path")
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise NoSupportedFiles(
                    f"{given}: folder has no .txt, .md, .html or .jsonl files; "
                    "point ingest at the articles themselves"
                )
            files.extend(found)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(given)
        else:
            raise NoSupportedFiles(
                f"{given}: unsupported file type '{path.suffix or '(none)'}'; "
                "use .txt, .md, .html or .jsonl"
            )
    return files


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode a file's bytes, detecting the encoding when none is given.

    :param data: the raw bytes
    :param source: the name used in error messages
    :param encoding: an explicit encoding (``--encoding``); otherwise UTF-8, then detection
    :raises EmptyInput: nothing but whitespace
    :raises BinaryInput: the bytes are not text
    :raises EncodingProblem: the bytes do not decode
    """
    if not data.strip():
        raise EmptyInput(f"{source}: file is empty; remove it or add the article text")
    wide = _looks_utf16(data) or bool(encoding and re.search(r"16|32", encoding))
    if b"\x00" in data[:8192] and not wide:
        raise BinaryInput(f"{source}: looks like a binary file, not text; ingest text, HTML or JSONL")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise EncodingProblem(
                f"{source}: unknown encoding '{encoding}'; use a name such as utf-8 or latin-1"
            ) from None
        except UnicodeDecodeError as exc:
            raise EncodingProblem(
                f"{source}: not valid {encoding} (byte {exc.start}); "
                "try another --encoding, e.g. --encoding latin-1"
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect_and_decode(data, source)
    if _binary_ratio(text) > 0.05:
        raise BinaryInput(f"{source}: looks like a binary file, not text; ingest text, HTML or JSONL")
    # Offsets are defined on text with normalised line ends, so \r\n and \r become \n.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _detect_and_decode(data: bytes, source: str) -> str:
    # Most non-UTF-8 news text is Windows-1252 / Latin-1: accept that reading when it gives
    # mostly ASCII letters with a few accented ones (a Cyrillic or Greek file read this way
    # gives mostly accented gibberish and falls through to detection).
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = ""
    if western:
        letters = [ch for ch in western if ch.isalpha()]
        accented = sum(1 for ch in letters if ord(ch) > 127)
        if letters and accented / len(letters) <= 0.25:
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingProblem(
            f"{source}: not UTF-8 and the encoding could not be detected; "
            "pass it with --encoding (e.g. --encoding latin-1)"
        )
    return str(best)


#: Control characters that do not occur in text (everything below 32 but line and page
#: breaks and tabs), mapped for deletion by ``str.translate``.
_CONTROL_CHARS = {c: None for c in range(32) if chr(c) not in "\n\r\t\f\v"}


def _binary_ratio(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    # the characters deleted are the control characters: counted in C, not per character
    bad = len(sample) - len(sample.translate(_CONTROL_CHARS))
    return bad / len(sample)


def read_source(
    source: str,
    *,
    encoding: str | None = None,
    stdin: IO[bytes] | None = None,
    skip_errors: bool = False,
    skipped: list[SkippedRecord] | None = None,
) -> Iterator[RawArticle]:
    """Yield the articles held by one file (or ``-`` for standard input).

    :param source: a file path as given, or ``-``
    :param encoding: explicit text encoding
    :param stdin: the stream to read for ``-``
    :param skip_errors: skip malformed JSONL lines instead of raising
    :param skipped: a list that receives the skipped records
    """
    if source == "-":
        if stdin is None:
            raise EmptyInput("-: no standard input to read")
        data = stdin.read()
        text = decode_bytes(data, "<stdin>", encoding)
        if _looks_like_jsonl(text):
            yield from _read_jsonl_text(text, "<stdin>", skip_errors, skipped)
        elif text.lstrip()[:1] == "<":
            yield _read_html(text, "<stdin>")
        else:
            yield _read_plain(text, "<stdin>")
        return
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, source, encoding, skip_errors, skipped)
        return
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise TooLarge(
                f"{source}: {size // (1024 * 1024)} MB is too large for one article; "
                "split it, or convert it to JSON Lines with one article per line"
            )
        data = path.read_bytes()
    except PermissionError:
        raise PermissionDenied(f"{source}: permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise NoSuchPath(f"{source}: is a folder") from None
    text = decode_bytes(data, source, encoding)
    if suffix in HTML_SUFFIXES:
        yield _read_html(text, source)
    else:
        yield _read_plain(text, source)


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _read_plain(text: str, source: str) -> RawArticle:
    if not text.strip():
        raise EmptyInput(f"{source}: file is empty; remove it or add the article text")
    return RawArticle(source=source, text=text)


#: trafilatura's fast mode: its own extractor only, without the readability and jusText
#: fallbacks it otherwise runs when the main pass finds little. Chosen from
#: benchmarks/crawl.py: see README "Ingesting a crawl" for the measurement.
HTML_FAST = True


def extract_html(html: str, *, fast: bool = HTML_FAST) -> tuple[str, dict[str, str | None]]:
    """The body text of an HTML page and its title/outlet/date/url metadata.

    One parse for both (``bare_extraction`` with metadata) instead of ``extract`` followed by
    ``extract_metadata``, which parsed every page twice. Comments and tables are left out:
    they are not the article's own statements.

    :returns: the body text ("" when the page has none) and the metadata fields
    """
    import trafilatura
    import trafilatura.settings

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, fast=fast, favor_precision=True,
        include_comments=False, include_tables=False,
    )
    meta: dict[str, str | None] = {"title": None, "outlet": None, "published": None, "url": None}
    if not isinstance(doc, trafilatura.settings.Document):
        return "", meta
    meta["title"] = doc.title or None
    meta["outlet"] = doc.sitename or doc.hostname or None
    meta["published"] = _iso_date(doc.date) if doc.date else None
    meta["url"] = doc.url or None
    return doc.text or "", meta


def _read_html(html: str, source: str) -> RawArticle:
    body, meta = extract_html(html)
    if not body.strip():
        raise NoArticleText(
            f"{source}: no article text found in this HTML page (a navigation, shop or "
            "cookie-banner page?); save the article page itself"
        )
    return RawArticle(
        source=source, text=body, title=meta["title"], outlet=meta["outlet"],
        published=meta["published"], url=meta["url"],
    )


def _iso_date(value: Any) -> str | None:
    if value is None:
        return None
    match = _ISO_DATE.match(str(value).strip())
    if not match:
        return None
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"


def _read_jsonl_file(
    path: Path,
    source: str,
    encoding: str | None,
    skip_errors: bool,
    skipped: list[SkippedRecord] | None,
) -> Iterator[RawArticle]:
    try:
        handle = path.open("rb")
    except PermissionError:
        raise PermissionDenied(f"{source}: permission denied; check the file's permissions") from None
    with handle:
        any_line = False
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            any_line = True
            where = f"{source}:{number}"
            try:
                line = decode_bytes(raw, where, encoding)
                article = _parse_record(line, source, where)
            except (MalformedJsonl, EncodingProblem, BinaryInput, EmptyInput) as exc:
                if not skip_errors:
                    raise
                if skipped is not None:
                    skipped.append(SkippedRecord.from_error(where, exc, source))
                continue
            yield article
        if not any_line:
            raise EmptyInput(f"{source}: file is empty; remove it or add one JSON object per line")


def _read_jsonl_text(
    text: str, source: str, skip_errors: bool, skipped: list[SkippedRecord] | None
) -> Iterator[RawArticle]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _parse_record(line, source, where)
        except MalformedJsonl as exc:
            if not skip_errors:
                raise
            if skipped is not None:
                skipped.append(SkippedRecord.from_error(where, exc, source))


def _parse_record(line: str, source: str, where: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedJsonl(
            f"{where}: line {where.rsplit(':', 1)[-1]} is not valid JSON ({exc.msg}); "
            "fix the line or pass --skip-errors"
        ) from None
    if not isinstance(record, dict):
        raise MalformedJsonl(f"{where}: a line must hold a JSON object; fix it or pass --skip-errors")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedJsonl(
            f"{where}: record has no \"text\"; every line needs the article text "
            "(or pass --skip-errors)"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    extra = {k: v for k, v in record.items() if k not in _KNOWN_JSONL_FIELDS}
    if extra.get("date_order") is not None:
        order = str(extra["date_order"]).lower()
        if order not in DATE_ORDERS:
            raise MalformedJsonl(
                f"{where}: \"date_order\" must be mdy, dmy or ymd, not {extra['date_order']!r}; "
                "fix the record or pass --skip-errors"
            )
        extra["date_order"] = order

    def _str(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return RawArticle(
        source=_str("source") or (f"{source}#{_str('id')}" if _str("id") else where),
        text=text,
        title=_str("title"),
        outlet=_str("outlet"),
        published=_iso_date(record.get("published")),
        url=_str("url"),
        external_id=_str("id"),
        extra=extra,
    )
