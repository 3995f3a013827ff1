"""The ledger commands: ``ingest``, ``resolve``, ``incidents``, ``show``, ``tallies``, ``gap``.

Each parses its options, calls one :mod:`civcas.api` function and prints; the tables and
JSON live in :mod:`.ledger_format`.
"""
from __future__ import annotations

import logging
from typing import Annotated, Any

import typer
from rich.console import Console

from .. import api
from ..records import ExtractionResult, Filters, ReadFailure
from ._common import (
    EXIT_FAILED,
    DaskOpt,
    DbOpt,
    PathsArg,
    WorkersOpt,
    console,
    db_url,
    error,
    errors_to_exit,
    reads_inputs,
    write_json,
    write_jsonl,
)
from .ledger_format import (
    gap_json,
    gap_table,
    incident_json,
    incidents_table,
    print_incident,
    summary_table,
    tallies_json,
    tallies_table,
)

log = logging.getLogger(__name__)


@reads_inputs
def ingest_cmd(
    paths: PathsArg,
    db: DbOpt = None,
    batch: Annotated[int, typer.Option("--batch", metavar="N", min=1,
                                       help="Commit every N documents.")] = 20,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit with status 1 if any input failed.")] = False,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
    *,
    options: dict[str, Any],
) -> None:
    """Read, extract and store reports in the ledger; then group claims into incidents.

    Re-ingesting the same files changes nothing; a changed document becomes a
    new version. Inputs that fail are stored with their error and listed on
    stderr. Prints a summary: documents new / changed / unchanged / failed,
    claims, incidents, tallies. Exit status 1 if no document could be read.
    """
    with errors_to_exit():
        err = Console(stderr=True)
        from rich.progress import (  # ingest's bar only (not loaded by the reads)
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("ingest", total=None, status="")

            def progress(item: ExtractionResult | ReadFailure, status: str) -> None:
                name = item.origin if isinstance(item, ReadFailure) else item.document.id
                bar.update(task, advance=1, status=f"{status} {name}"[:60])

            summary = api.ingest(paths, db=db_url(db), progress=progress, batch=batch,
                                 workers=workers, dask=dask, **options)
    for failure in summary.failures:
        error(f"{failure.origin}: {failure.reason}")
    console().print(summary_table(summary))
    if summary.documents == 0:
        if summary.failed == 0:
            error(str(api.InputError("E210", paths=", ".join(paths))))
        raise typer.Exit(EXIT_FAILED)
    if strict and summary.failed:
        raise typer.Exit(EXIT_FAILED)


def resolve_cmd(
    db: DbOpt = None,
    pending: Annotated[bool, typer.Option(
        "--pending", help="Resolve only the documents stored since the last resolution "
                          "(what an interrupted ingest left), in short transactions.")] = False,
    workers: WorkersOpt = None,
) -> None:
    """Re-group the stored claims into incidents and re-grade them (judgements applied).

    Without --pending, everything is resolved again (a full rebuild), parts of the ledger
    that cannot touch each other by --workers processes."""
    if pending:
        with errors_to_exit():
            done = api.resolve_pending_documents(db=db_url(db))
        how = "in full" if done["full"] else f"in {done['steps']} steps"
        console().print(f"{done['documents']} pending documents resolved ({how})", markup=False)
        return
    with errors_to_exit():
        result = api.resolve(db=db_url(db), workers=workers)
    console().print(f"{len(result.incidents)} incidents, {len(result.tallies)} tallies "
                     f"from {len(result.claims)} claims ({len(result.rejected)} rejected)",
                     markup=False)


def incidents_cmd(
    grade: Annotated[str | None, typer.Option("--grade", metavar="G", show_default=False,
                                              help="confirmed, fair, weak, contested or "
                                                   "discounted.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", show_default=False,
                                              help="On or after DATE (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", show_default=False,
                                              help="On or before DATE (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, typer.Option("--place", metavar="NAME", show_default=False,
                                              help="Place name (or admin1, country) contains "
                                                   "NAME.")] = None,
    reviewed: Annotated[bool | None, typer.Option(
        "--reviewed/--unreviewed", show_default=False,
        help="Only incidents a reviewer has judged / none has yet.")] = None,
    queue: Annotated[str | None, typer.Option(
        "--queue", metavar="Q", show_default=False,
        help="A review queue: " + ", ".join(api.QUEUES) + ".")] = None,
    sort: Annotated[str | None, typer.Option(
        "--sort", metavar="KEY", show_default=False,
        help="Sort by " + ", ".join(api.SORTS) + " (default: ledger order; confidence: "
             "an incident's least sure claim, least sure first).")] = None,
    order: Annotated[str | None, typer.Option(
        "--order", metavar="asc|desc", show_default=False,
        help="Sort order (default: desc; asc for --sort confidence).")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", metavar="N", min=1, show_default=False,
        help="Show the first N only (the count of all that match is still printed).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array instead of a table.")
                       ] = False,
    db: DbOpt = None,
) -> None:
    """List incidents: date, place, perpetrator, civilians killed low–high, grade, sources."""
    with errors_to_exit():
        filters = Filters(grade=grade, since=since, until=until, place=place,  # type: ignore[arg-type]
                          reviewed=reviewed, queue=queue, sort=sort or "date",
                          order=order or ("asc" if sort == "confidence" else "desc"))
        api.filter_incidents((), filters)  # a bad value fails before the ledger is read
        matched = api.incidents(db=db_url(db), filters=filters, sort=sort is not None)
        chosen = matched[:limit] if limit else matched
    _warn_stale(db)
    if as_json:
        with errors_to_exit():
            claims, docs = api.incident_claims(chosen, db=db_url(db))
        write_json([incident_json(i, claims, docs) for i in chosen])
        return
    out = console()
    out.print(incidents_table(chosen))
    with errors_to_exit():
        total = api.incident_count(db=db_url(db))
    shown = f"{len(chosen)} shown; " if len(chosen) < len(matched) else ""
    out.print(f"{shown}{len(matched)} of {total} incidents", markup=False)


def _warn_stale(db: str | None) -> None:
    with errors_to_exit():
        n = api.pending(db=db_url(db))
    if n:
        typer.echo(f"civcas: warning: the ledger is stale: {n} stored documents are not "
                   "resolved yet (an interrupted ingest?); `civcas resolve --pending` "
                   "finishes them", err=True)


def show_cmd(
    incident_id: Annotated[str, typer.Argument(metavar="INCIDENT_ID", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
    db: DbOpt = None,
) -> None:
    """Every claim of one incident side by side, with the grade, reasons and stances."""
    with errors_to_exit():
        inc, claims, docs = api.incident_detail(incident_id, db=db_url(db))
    if as_json:
        write_jsonl(incident_json(inc, {c.id: c for c in claims}, docs))
        return
    print_incident(console(), inc, claims, docs)


def tallies_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of series.")] = False,
    db: DbOpt = None,
) -> None:
    """The cumulative figures, one series per asserter, belligerent, victim group, outcome."""
    with errors_to_exit():
        items = api.tallies(db=db_url(db))
    if as_json:
        write_json(tallies_json(items))
        return
    console().print(tallies_table(items))


def gap_cmd(
    belligerent: Annotated[str | None, typer.Option(
        "--belligerent", metavar="NAME", show_default=False,
        help="Only this belligerent (any spelling: 'Pentagon' is the US-led coalition).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array instead of a table.")
                       ] = False,
    db: DbOpt = None,
) -> None:
    """The acknowledgment gap: each belligerent's admitted totals against monitors' tallies,
    the latest gap, and its fair or confirmed incidents it has not acknowledged."""
    with errors_to_exit():
        items = api.acknowledgment_gap(db=db_url(db), belligerent=belligerent)
    if as_json:
        write_json([gap_json(g) for g in items])
        return
    out = console()
    out.print(gap_table(items))
    out.print("gap = latest monitor figure minus latest admitted figure (low: monitor low "
                  "- admitted high)", markup=False)
