"""``civcas export`` and ``civcas report``.

Each command checks its options, calls one :mod:`civcas.api` function, and
writes the result to a file or stdout. A bad option exits with status 2.
"""
from __future__ import annotations

import logging
import sys
import time
from typing import Annotated

import typer

from .. import api
from ..records import Filters
from ._common import DbOpt, db_url, errors_to_exit

log = logging.getLogger(__name__)


def export_cmd(
    level: Annotated[str, typer.Option(
        "--level", metavar="LEVEL", help="What one row is: claims, incidents or tallies.")] = "incidents",
    fmt: Annotated[str, typer.Option(
        "--format", metavar="FORMAT", help="csv, json, geojson (claims, incidents) or parquet.")] = "csv",
    layout: Annotated[str | None, typer.Option(
        "--layout", metavar="LAYOUT",
        help="Incidents only: ACLED-like (acled) or UCDP-GED-like (ucdp) columns.",
        show_default=False)] = None,
    out: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.",
        show_default=False)] = None,
    db: DbOpt = None,
) -> None:
    """Export the ledger as CSV, JSON, GeoJSON or Parquet; columns in docs/exports.md.

    CSV cells of text that would start a spreadsheet formula (= + - @) get a
    leading apostrophe. GeoJSON leaves out rows without coordinates.
    """
    with errors_to_exit():
        api.check_export(level, fmt, layout)
        if out is None and fmt == "parquet" and sys.stdout.isatty():
            raise api.ConfigError("E146")
        if out is not None:
            api.export_to(out, level, fmt, layout=layout, db=db_url(db))
        else:  # written as it is read (decisions §15.13)
            sys.stdout.flush()
            api.export_to(sys.stdout.buffer, level, fmt, layout=layout, db=db_url(db))
            sys.stdout.buffer.flush()


def report_cmd(
    out: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", help="Where to write the HTML report.")] = "report.html",
    title: Annotated[str | None, typer.Option(
        "--title", metavar="TEXT", help="Title of the report.", show_default=False)] = None,
    grade: Annotated[str | None, typer.Option("--grade", metavar="G", show_default=False,
                                              help="Only incidents of this grade.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", show_default=False,
                                              help="Only incidents on or after DATE.")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", show_default=False,
                                              help="Only incidents on or before DATE.")] = None,
    place: Annotated[str | None, typer.Option("--place", metavar="NAME", show_default=False,
                                              help="Only incidents whose place (or admin1, "
                                                   "country) contains NAME.")] = None,
    db: DbOpt = None,
) -> None:
    """Write the ledger as one offline HTML file: map, timeline, acknowledgment gap, incidents.

    The file embeds everything it needs and makes no network request; open it
    in any browser, from disk. With --since, --until, --place or --grade (the
    filters of `civcas incidents`) it holds those incidents only, and only they
    are read from the ledger.
    """
    started = time.perf_counter()
    with errors_to_exit():
        filters = None
        if any(v is not None for v in (grade, since, until, place)):
            filters = Filters(grade=grade, since=since, until=until, place=place)  # type: ignore[arg-type]
            api.filter_incidents((), filters)  # a bad value fails before the ledger is read
        path = api.report(out, db=db_url(db), title=title, filters=filters)
    size = path.stat().st_size
    typer.echo(f"wrote {path} ({size // 1024} KB in {time.perf_counter() - started:.1f} s)")
