"""Exports: a ledger snapshot as CSV, JSON, GeoJSON or Parquet (pure: snapshot -> bytes).

    export_bytes(snapshot, "incidents", "csv", layout="acled")

Levels: claims, incidents, tallies. Layouts (incidents only): the default
civcas columns, ``acled`` and ``ucdp``. Columns: ``docs/exports.md``.
"""
from __future__ import annotations

from typing import BinaryIO

from ..errors import ConfigError
from ..records import LedgerSnapshot
from .formats import FORMATS, write, write_into
from .rows import (
    LAYOUTS,
    LEVELS,
    Table,
    all_columns,
    claim_table,
    incident_table,
    rows_of,
    table,
    tally_table,
)

__all__ = [
    "FORMATS", "LAYOUTS", "LEVELS", "Table", "all_columns", "check", "claim_table",
    "export_bytes", "export_into", "incident_table", "rows_of", "table", "tally_table",
    "write_into",
]


def check(level: str, fmt: str, layout: str | None = None) -> None:
    """Raise ConfigError unless level, format and layout go together."""
    if level not in LEVELS:
        raise ConfigError("E141", level=level, levels=", ".join(LEVELS))
    if fmt not in FORMATS:
        raise ConfigError("E142", format=fmt, formats=", ".join(FORMATS))
    if layout is not None and layout not in LAYOUTS:
        raise ConfigError("E143", layout=layout, layouts=", ".join(LAYOUTS))
    if layout is not None and level != "incidents":
        raise ConfigError("E144", layout=layout, level=level)
    if fmt == "geojson" and level == "tallies":
        raise ConfigError("E145", level="tallies")


def export_bytes(snapshot: LedgerSnapshot, level: str, fmt: str, layout: str | None = None) -> bytes:
    """The ``level`` rows of ``snapshot`` in ``layout``, encoded as ``fmt``.

    Raises ConfigError for an unknown level, format or layout, a layout on a
    level other than incidents, or GeoJSON of a level without coordinates.
    """
    check(level, fmt, layout)
    return write(table(snapshot, level, layout), fmt)


def export_into(snapshot: LedgerSnapshot, level: str, fmt: str, sink: BinaryIO,
                layout: str | None = None) -> None:
    """:func:`export_bytes` written into the binary ``sink``, a row at a time (CSV, JSON,
    GeoJSON) as each is made."""
    check(level, fmt, layout)
    write_into(rows_of(snapshot, level, layout), fmt, sink)
