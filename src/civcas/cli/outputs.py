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
        data = api.export(level, fmt, layout=layout, db=db_url(db), out=out)
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def report_cmd(
    out: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", help="Where to write the HTML report.")] = "report.html",
    title: Annotated[str | None, typer.Option(
        "--title", metavar="TEXT", help="Title of the report.", show_default=False)] = None,
    db: DbOpt = None,
) -> None:
    """Write the ledger as one offline HTML file: map, timeline, acknowledgment gap, incidents.

    The file embeds everything it needs and makes no network request; open it
    in any browser, from disk.
    """
    started = time.perf_counter()
    with errors_to_exit():
        path = api.report(out, db=db_url(db), title=title)
    size = path.stat().st_size
    typer.echo(f"wrote {path} ({size // 1024} KB in {time.perf_counter() - started:.1f} s)")
