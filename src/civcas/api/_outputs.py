"""Exports, the HTML report and the acknowledgment gap of the ledger (behind :mod:`civcas.api`)."""
from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import BinaryIO

from .. import outputs
from .. import report as _report
from ..assess.gap import acknowledgment_gaps
from ..errors import ConfigError
from ..records import AcknowledgmentGap, Filters
from ..report import data as _report_data
from ._read import filtered_snapshot, listed_claims, listed_parts, listed_snapshot

log = logging.getLogger(__name__)


def export(level: str, format: str, layout: str | None = None, db: str | None = None,
           out: str | Path | None = None) -> bytes:
    """The ledger's ``level`` (claims, incidents, tallies) as ``format`` (csv, json, geojson,
    parquet), incidents optionally in the ``acled`` or ``ucdp`` column layout.

    Writes the bytes to ``out`` when given, and returns them. Columns: docs/exports.md.
    Raises ConfigError on a bad level, format or layout (checked before the ledger is read).
    """
    outputs.check(level, format, layout)
    if out is not None:
        check_output(out)
    sink = io.BytesIO()
    export_to(sink, level, format, layout, db)
    data = sink.getvalue()
    if out is not None:
        _write(Path(out), data)
        log.info("wrote %s (%d bytes)", out, len(data))
    return data


def export_to(sink: BinaryIO | str | Path, level: str, format: str, layout: str | None = None,
              db: str | None = None) -> None:
    """:func:`export` written into ``sink`` (a binary stream, or a file's path) as it is
    read: the claims and the incidents one at a time (the incidents read in chunks), beside
    the documents' titles and addresses; Parquet a row group at a time (decisions §15.15).
    The same bytes as :func:`export` (decisions §15.13). Into a path, the file appears only
    when whole: an export failing part way leaves the file that was there."""
    outputs.check(level, format, layout)
    path = None if hasattr(sink, "write") else check_output(sink)
    if level == "claims":
        with listed_claims(db) as items:
            _into(path, sink, lambda f: outputs.write_into(outputs.claim_table(items), format, f))
    else:
        with listed_parts(db, level) as (items, documents):
            table = (outputs.incident_table(items, documents, layout)  # type: ignore[arg-type]
                     if level == "incidents" else
                     outputs.tally_table(items, documents))  # type: ignore[arg-type]
            _into(path, sink, lambda f: outputs.write_into(table, format, f))


def _into(path: Path | None, sink, write) -> None:
    if path is None:
        write(sink)
        return
    # written beside the file and moved over it when whole: an export that fails part way (the ledger's
    # server gone, the disk full) leaves the file that was there as it was, never half of a new one
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with part.open("wb") as f:
            write(f)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ConfigError("E149", path=str(path), reason=exc.strerror or str(exc)) from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    log.info("wrote %s (%d bytes)", path, path.stat().st_size)


def check_output(out: str | Path) -> Path:
    """ConfigError unless a file can be written at ``out`` (checked before any work):
    not a directory, in a directory that exists and may be written to."""
    path = Path(out)
    if path.is_dir():
        raise ConfigError("E147", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ConfigError("E148", path=str(path), parent=str(parent))
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ConfigError("E149", path=str(path), reason="permission denied")
    return path


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ConfigError("E149", path=str(path), reason=exc.strerror or str(exc)) from None


def check_export(level: str, format: str, layout: str | None = None) -> None:
    """ConfigError unless level, format and layout go together (nothing is read)."""
    outputs.check(level, format, layout)


def report(out: str | Path, db: str | None = None, *, title: str | None = None,
           filters: Filters | None = None) -> Path:
    """Write the offline HTML report of the ledger to ``out``; return its path.
    ConfigError (before any work) when ``out`` cannot be written.

    ``filters`` (as for :func:`civcas.api.incidents`: since, until, place, grade ...)
    limit it to those incidents; then only they, their claims and documents, and the
    tallies are read."""
    path = check_output(out)
    # read by SQL without the ORM: the whole ledger as streams, or those incidents only
    snap = listed_snapshot(db) if filters is None else filtered_snapshot(filters, db)
    html = _report.render(snap, title=title) if title else _report.render(snap)
    _write(path, html.encode("utf-8"))
    log.info("wrote %s (%d KB)", path, path.stat().st_size // 1024)
    return path


def acknowledgment_gap(db: str | None = None,
                       belligerent: str | None = None) -> list[AcknowledgmentGap]:
    """Per belligerent (victim group, outcome): its admitted cumulative figures against the
    monitors', the latest gap, and its fair or confirmed incidents it has not acknowledged.

    A list of :class:`civcas.records.AcknowledgmentGap`; rules: :mod:`civcas.assess.gap`.
    """
    snap = listed_snapshot(db)
    return acknowledgment_gaps(snap.tallies, snap.incidents, snap.claims, belligerent)


def map_outlines(points: list[dict]) -> dict[str, list[dict]]:
    """The report map's country and region outlines around ``points`` (``lat``, ``lon``)."""
    return _report_data.map_outlines(points)
