"""The claimcheck command line: a thin typer layer over the library."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__
from .errors import ClaimcheckError

if TYPE_CHECKING:
    from .compare.model import DiffResult
    from .differ import DiffCallback

app = typer.Typer(
    name="claimcheck",
    help="Cross-check news articles claim by claim: ingest articles, then diff them for conflicts.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)

DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="CLAIMCHECK_DB",
        help="SQLite database file.",
        dir_okay=False,
    ),
]
DEFAULT_DB = Path("claimcheck.db")

#: ``ingest --skip-errors`` finished but passed over some files or records (like rsync's 23,
#: "partial transfer"): scripts can tell a complete ingest (0) from a partial one.
EXIT_SKIPPED = 3


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str) -> NoReturn:
    # Plain echo, not rich: the error stays on one line whatever the terminal width.
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """Cross-check news articles claim by claim."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl), folders, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for every article of this run.")] = None,
    jobs: Annotated[int, typer.Option(help="Worker processes for analysis.", min=1)] = 1,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the files (detected by default).")] = None,
    date_order: Annotated[str | None, typer.Option(help="How numeric dates like 03/04/2024 read: mdy, dmy or ymd (a record's \"date_order\" and an article's own 13/03-style dates win; unset: only unambiguous ones).")] = None,
    skip_errors: Annotated[bool, typer.Option("--skip-errors", help="Skip files and records that cannot be read (no article text, empty, binary, undecodable, too large, malformed JSON), report each and go on; exit 3 when any was skipped.")] = False,
    errors_to: Annotated[Path | None, typer.Option("--errors-to", help="Also write the skipped items as JSON Lines (source, kind, reason) to this file.", dir_okay=False)] = None,
    language: Annotated[str | None, typer.Option("--language", help="Language code for every article of this run instead of detection (en = analyse as English).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors and skipped items.")] = False,
    out_parquet: Annotated[Path | None, typer.Option("--out-parquet", help="Write the map step's tables (articles, sentences, claims, mentions) as Parquet parts in this folder instead of a database (pip install 'claimcheck[parquet]'; see docs/parquet.md).", file_okay=False)] = None,
) -> None:
    """Read articles and store their sentences, claims and slots.

    Exit codes: 0 everything given was ingested (or was already stored); 1 stopped on an
    error (nothing stored is lost); 3 finished with --skip-errors but some files or records
    were skipped (each is listed on stderr, and in the database's skipped table).

    Example:

        claimcheck ingest crawl/ --skip-errors --errors-to skipped.jsonl
    """
    if out_parquet is not None:
        _ingest_parquet(paths, out_parquet, published=published, outlet=outlet, jobs=jobs,
                        encoding=encoding, skip_errors=skip_errors, language=language,
                        date_order=date_order, quiet=quiet)
        return
    from .pipeline import ingest as run_ingest

    on_article = None
    progress_ctx = None
    if not quiet and sys.stderr.isatty():
        from rich.progress import (
            BarColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        from .pipeline import IngestProgress

        progress_ctx = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=_err_console(), transient=True,
        )
        task = progress_ctx.add_task("ingest", total=None, rate="")

        def on_article(state: IngestProgress) -> None:
            assert progress_ctx is not None
            if state.stage == "link":
                progress_ctx.update(task, description="linking entities", total=None, rate="")
                return
            progress_ctx.update(
                task, completed=state.bytes_done, total=state.bytes_total,
                rate=f"{state.articles} articles, {state.articles_per_second:.0f}/s, "
                     f"{state.mb_per_second:.2f} MB/s",
            )

    try:
        if progress_ctx is not None:
            with progress_ctx:
                result = run_ingest(paths, db, published=published, outlet=outlet, jobs=jobs,
                                    encoding=encoding, skip_errors=skip_errors,
                                    stdin=sys.stdin.buffer, on_article=on_article,
                                    language=language, date_order=date_order)
        else:
            result = run_ingest(paths, db, published=published, outlet=outlet, jobs=jobs,
                                encoding=encoding, skip_errors=skip_errors, stdin=sys.stdin.buffer,
                                language=language, date_order=date_order)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail(f"interrupted; every article finished before the interrupt is stored in {db}")
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    if errors_to is not None:
        try:
            with errors_to.open("w", encoding="utf-8") as handle:
                for item in result.skipped:
                    handle.write(json.dumps(
                        {"source": item.source, "kind": item.kind, "reason": item.reason},
                        ensure_ascii=False) + "\n")
        except OSError as exc:
            _fail(f"{errors_to}: cannot write the list of skipped items ({exc.strerror}); "
                  f"the articles are stored in {db}")
    # Skipped items are printed even with --quiet: they are errors the user chose to survive.
    for item in result.skipped:
        typer.echo(f"skipped [{item.kind}] {item.reason}", err=True)
    if not quiet:
        from rich.text import Text

        _err_console().print(Text(result.summary()))
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _ingest_parquet(paths: list[str], out: Path, *, quiet: bool, **options: Any) -> None:
    from .mapstep import ingest_parquet

    if "-" in paths:
        _fail("--out-parquet reads files and folders, not stdin; save the input to a file")
    try:
        result = ingest_parquet(paths, out, **options)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail(f"interrupted; the parts written so far are in {out}")
    except OSError as exc:
        _fail(f"{out}: cannot write ({exc.strerror}); choose another folder")
    for item in result.skipped:
        typer.echo(f"skipped [{item.kind}] {item.reason}", err=True)
    if not quiet:
        _err_console().print(result.summary(), markup=False)
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


_DIFF_STAGES = {
    "load": "loading claims", "stories": "finding stories", "pairs": "pairing claims",
    "score": "scoring pairs", "group": "grouping claims", "facts": "comparing fact sheets",
    "store": "storing the report",
}


def _diff_progress() -> tuple[DiffCallback | None, contextlib.AbstractContextManager[Any] | None]:
    """A progress display for a long diff on a terminal: the stage, and for the scoring of
    candidate pairs a bar with the rate and an ETA. (None, None) when stderr is no terminal."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from .differ import DiffProgress

    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(), console=_err_console(), transient=True,
    )
    task = progress.add_task("diff", total=None, rate="")

    def on_progress(state: DiffProgress) -> None:
        label = _DIFF_STAGES.get(state.stage, state.stage)
        if state.claims:
            label += f" ({state.claims:,} claims)"
        rate = f"{state.done:,} pairs, {state.per_second:,.0f}/s" if state.total else ""
        progress.update(task, description=label, completed=state.done, total=state.total,
                        rate=rate)

    return on_progress, progress


def _diff_rate(result: DiffResult) -> str:
    """"55,801 claims compared in 64.2 s (869 claims/s)"."""
    seconds, claims = result.seconds, result.claims_compared
    rate = f" ({claims / seconds:,.0f} claims/s)" if seconds > 0 else ""
    return f"{claims:,} claims compared in {seconds:.1f} s{rate}"


@app.command()
def diff(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table, json, markdown, html or csv.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only these conflict kinds, comma-separated (date,number,entity,place,negation).")] = None,
    fail_on_conflict: Annotated[bool, typer.Option("--fail-on-conflict", help="Exit 1 when a conflict is found.")] = False,
    threshold: Annotated[float, typer.Option(help="Similarity (0-1) claims need to be grouped.", min=0.0, max=1.0)] = 0.52,
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="Report only conflicts at least this sure (0-1).", min=0.0, max=1.0)] = 0.5,
    show_all: Annotated[bool, typer.Option("--all", help="Also show the conflicts the desk dismissed (marked).")] = False,
    since: Annotated[str | None, typer.Option(help="Only what involves articles ingested after this run id, on or after this date (YYYY-MM-DD), or after the 'last' diff.")] = None,
    against: Annotated[Path | None, typer.Option(help="Only what involves articles this earlier database lacks; counts new claims that agree or conflict with earlier ones.", dir_okay=False)] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (id or id prefix, see 'claimcheck stories').")] = None,
    engine: Annotated[str, typer.Option("--engine", help="Where claims are paired and grouped: auto (stream from 20,000 articles on, default below), default (in process), duckdb (a SQL self-join; pip install 'claimcheck[duckdb]'), spark (a Spark session, local[2] unless CLAIMCHECK_SPARK_MASTER says otherwise; 'claimcheck[spark]') or stream (claims read from the database story block by story block, for corpora too big for memory). Same results.")] = "auto",
    jobs: Annotated[int, typer.Option(help="Worker processes for the stream engine's digest and story blocks (same results).", min=1)] = 1,
) -> None:
    """Group claims across articles and report where the articles disagree.

    Example:

        claimcheck diff --format json --output report.json
    """
    from .differ import diff as run_diff
    from .report import FORMATS, RichReport, render_text

    if format not in FORMATS:
        _fail(f"unknown --format {format!r}; use one of {', '.join(FORMATS)}")
    kinds = [k.strip() for k in kind.split(",") if k.strip()] if kind else None
    known = {"date", "number", "entity", "place", "negation"}
    if kinds and not set(kinds) <= known:
        bad = ", ".join(sorted(set(kinds) - known))
        _fail(f"unknown --kind {bad}; use any of {', '.join(sorted(known))}")
    on_progress, progress_ctx = _diff_progress()
    try:
        with progress_ctx or contextlib.nullcontext():
            result = run_diff(db, kinds=kinds, threshold=threshold, min_confidence=min_confidence,
                              since=since, against=against, include_dismissed=show_all,
                              story=story, engine=engine, on_progress=on_progress,
                              jobs=jobs)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    if format == "table":
        from rich.console import Console

        if output is not None:
            with output.open("w", encoding="utf-8") as fh:
                Console(file=fh, width=100, color_system=None).print(RichReport(result))
        else:
            Console(highlight=False).print(RichReport(result))
    else:
        text = render_text(result, format)
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    if output is not None:
        from .report import summary_line

        _err_console().print(
            f"{summary_line(result)}; report written to {output}; {_diff_rate(result)}",
            markup=False,
        )
    if fail_on_conflict and result.conflicts:
        raise typer.Exit(1)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Folder for the tables (one sub-folder of part files per table).", file_okay=False)],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="parquet (the only format so far).")] = "parquet",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Write the database's tables and the blocking keys as Parquet for DuckDB or Spark.

    Needs pyarrow (pip install 'claimcheck[parquet]'); the schema is in docs/parquet.md.

    Example:

        claimcheck export --format parquet tables/
    """
    from .export import export_parquet

    if format != "parquet":
        _fail(f"unknown --format {format!r}; use parquet")
    try:
        counts = export_parquet(db, out)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    except OSError as exc:
        _fail(f"{out}: cannot write ({exc.strerror}); choose another folder")
    if not quiet:
        summary = ", ".join(f"{n} {table}" for table, n in counts.items())
        _err_console().print(f"wrote {summary} to {out}", markup=False)


@app.command()
def stories(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories with at least this many articles.", min=1)] = 1,
) -> None:
    """List the stories the last diff found: articles that report one event.

    Example:

        claimcheck stories --min-articles 2
    """
    from .differ import list_stories
    from .report import story_json

    try:
        rows = [s for s in list_stories(db) if len(s.article_ids) >= min_articles]
    except ClaimcheckError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    if as_json:
        sys.stdout.write(json.dumps([story_json(s) for s in rows], ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    if not rows:
        _err_console().print(f"no stories in {db}; run 'claimcheck diff' first", markup=False)
        return
    table = Table(title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'} in {db}")
    table.add_column("id", no_wrap=True)
    table.add_column("headline", overflow="fold", ratio=1, min_width=20)
    table.add_column("published", min_width=10)
    for col in ("outlets", "articles", "groups", "conflicts"):
        table.add_column(col, justify="right", no_wrap=True)
    for s in rows:
        dates = s.first_published or ""
        if s.last_published and s.last_published != s.first_published:
            dates += f" to {s.last_published}"
        table.add_row(Text(s.id), Text(s.headline), Text(dates), str(len(s.outlets)),
                      str(len(s.article_ids)), str(s.n_groups), str(s.n_conflicts))
    Console().print(table)


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the stored articles.

    Example:

        claimcheck articles --json
    """
    from .store import list_articles, open_db

    try:
        handle = open_db(db, create=False)
        rows = list_articles(handle)
        handle.close()
    except ClaimcheckError as exc:
        _fail(str(exc))
    if as_json:
        data = [
            {"id": r.id, "source": r.source, "title": r.title, "outlet": r.outlet,
             "published": r.published, "url": r.url, "sentences": r.n_sentences,
             "claims": r.n_claims, "chars": len(r.text)}
            for r in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} articles in {db}")
    for col in ("id", "title", "outlet", "published", "sentences", "claims"):
        table.add_column(col, overflow="fold", justify="right" if col in ("sentences", "claims") else "left")
    for r in rows:
        table.add_row(Text(r.id), Text(r.title or Path(r.source).name), Text(r.outlet or ""),
                      Text(r.published or ""), str(r.n_sentences), str(r.n_claims))
    Console().print(table)


@app.command()
def claims(
    db: DbOption = DEFAULT_DB,
    article: Annotated[str | None, typer.Option(help="Only claims of this article id (or id prefix).")] = None,
    search: Annotated[str | None, typer.Option(help="Only claims whose text contains this.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List claims with their normalised slots.

    Example:

        claimcheck claims --search Lavrov
    """
    from .store import list_claims, open_db

    try:
        handle = open_db(db, create=False)
        rows = list_claims(handle, article=article, search=search, limit=limit)
        handle.close()
    except ClaimcheckError as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} claims", show_lines=True)
    table.add_column("claim", overflow="fold", ratio=3)
    table.add_column("slots", overflow="fold", ratio=2)
    for r in rows:
        flags = []
        if r["polarity"] < 0:
            flags.append("negated")
        if r["modality"]:
            flags.append(f"hedged: {r['modality']}")
        if r["speaker"]:
            flags.append(f"said by: {r['speaker']}")
        head = Text(r["text"])
        if flags:
            head.append("\n[" + "; ".join(flags) + "]", style="dim")
        slots = Text()
        for k, m in enumerate(r["mentions"]):
            if k:
                slots.append("\n")
            slots.append(f"{m['kind']}: ", style="bold")
            slots.append(f"{m['surface']} → {m['entity'] or m['value']}")
        table.add_row(head, slots)
    Console().print(table)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    host: Annotated[str, typer.Option(help="Host to bind.")] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open a browser.")] = False,
) -> None:
    """Browse the database in Datasette with claimcheck's metadata.

    Example:

        claimcheck serve --open
    """
    from .serve import serve as run_serve

    try:
        run_serve(db, port=port, host=host, open_browser=open_browser)
    except ClaimcheckError as exc:
        _fail(str(exc))


@app.command()
def facts(
    subject: Annotated[str, typer.Argument(help="Entity name (or part), entity id prefix, or story key prefix.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Print the fact sheet of one person, organisation or story: what each article says.

    Built by 'claimcheck diff'. Example:

        claimcheck facts "Carl Ostby"
    """
    from .differ import fact_sheet

    try:
        rows = fact_sheet(db, subject)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    by_subject: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_subject.setdefault(str(r["subject"]), []).append(r)
    for items in by_subject.values():
        first = items[0]
        table = Table(title=f"{first['subject_name']} ({first['subject_kind']} {first['subject']})",
                      show_lines=True, expand=True)
        table.add_column("attribute", no_wrap=True)
        table.add_column("value", overflow="fold")
        table.add_column("outlet", overflow="fold")
        table.add_column("published", no_wrap=True)
        table.add_column("evidence", overflow="fold", ratio=3)
        for r in items:
            evidence = Text(str(r["claim"]))
            if r["note"]:
                evidence.append(f"\n[{r['note']}]", style="dim")
            table.add_row(Text(str(r["attribute"])), Text(str(r["value"])), Text(str(r["outlet"] or "")),
                          Text(str(r["published"] or "")), evidence)
        console.print(table)
        seen: set[str] = set()
        for r in items:
            found = r["conflicts"]
            assert isinstance(found, list)
            for c in found:
                line = (f"{c['kind']} {'update' if c['update'] else 'conflict'} "
                        f"({c['confidence']:.2f}): {c['explanation']}")
                if line not in seen:
                    seen.add(line)
                    console.print(Text(line, style="bold red"))


@app.command()
def review(
    conflict_id: Annotated[str | None, typer.Argument(help="Conflict id, or its first characters.")] = None,
    confirm: Annotated[bool, typer.Option("--confirm", help="A real disagreement to chase.")] = False,
    dismiss: Annotated[bool, typer.Option("--dismiss", help="A false alarm: hidden from diff from now on.")] = False,
    needs_check: Annotated[bool, typer.Option("--needs-check", help="Not decided yet: someone must check.")] = False,
    note: Annotated[str | None, typer.Option(help="A note kept with the decision ('' clears it).")] = None,
    reviewer: Annotated[str | None, typer.Option(envvar="CLAIMCHECK_REVIEWER", help="Who decides (default: the login name).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the latest decision on every reviewed conflict.")] = False,
    status: Annotated[str | None, typer.Option(help="With --list: only these statuses, comma-separated.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With --list: print JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Record the desk's decision on a conflict; it is kept across runs.

    Example:

        claimcheck review 3fa2 --confirm --note "called the police: 14 is right"

        claimcheck review --list --status needs-check
    """
    from .reviews import STATUSES, list_reviews
    from .reviews import review as run_review
    from .store import open_db

    chosen = [s for s, on in (("confirmed", confirm), ("dismissed", dismiss),
                              ("needs-check", needs_check)) if on]
    if list_:
        if conflict_id is not None or chosen or note is not None:
            _fail("--list takes no conflict id, decision or note; use --status to filter")
        wanted = [s.strip() for s in status.split(",") if s.strip()] if status else None
        if wanted and not set(wanted) <= set(STATUSES):
            bad = ", ".join(sorted(set(wanted) - set(STATUSES)))
            _fail(f"unknown --status {bad}; use any of {', '.join(STATUSES)}")
        try:
            handle = open_db(db, create=False)
            try:
                rows = list_reviews(handle, statuses=wanted)
            finally:
                handle.close()
        except ClaimcheckError as exc:
            _fail(str(exc))
        _print_reviews(rows, as_json)
        return
    if conflict_id is None:
        _fail("give a conflict id and --confirm, --dismiss or --needs-check (or --list)")
    if len(chosen) > 1:
        _fail("give only one of --confirm, --dismiss, --needs-check")
    if not chosen and note is None:
        _fail("give --confirm, --dismiss or --needs-check (or --note to annotate the last decision)")
    if status is not None or as_json:
        _fail("--status and --json go with --list")
    if reviewer is None:
        import getpass

        try:
            reviewer = getpass.getuser()
        except (KeyError, OSError):
            reviewer = None
    try:
        done = run_review(db, conflict_id, chosen[0] if chosen else None, note=note,
                          reviewer=reviewer)
    except ClaimcheckError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"{db}: {exc}")
    where = "" if done.current_id else " (not reported by the latest diff; kept for when it returns)"
    typer.echo(f"{done.conflict_id}: {done.status}{where}" + (f" — {done.note}" if done.note else ""))


def _print_reviews(rows: list[Any], as_json: bool) -> None:
    if as_json:
        data = [
            {"conflict": r.conflict_id, "current_id": r.current_id, "status": r.status,
             "note": r.note, "reviewer": r.reviewer, "reviewed_at": r.reviewed_at,
             "kind": r.kind, "a_value": r.a_value, "b_value": r.b_value,
             "explanation": r.explanation, "decisions": r.decisions}
            for r in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(rows)} reviewed conflict{'s' if len(rows) != 1 else ''}", show_lines=True)
    for col in ("conflict", "status", "conflict found", "note", "by", "when"):
        table.add_column(col, overflow="fold")
    for r in rows:
        shown = r.current_id or r.conflict_id
        found = Text(r.explanation or f"{r.kind}: {r.a_value} vs {r.b_value}")
        if r.current_id is None:
            found.append("\n(not reported by the latest diff)", style="dim")
        table.add_row(Text(shown), Text(r.status), found, Text(r.note or ""),
                      Text(r.reviewer or ""), Text(r.reviewed_at))
    Console().print(table)
