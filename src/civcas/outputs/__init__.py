"""Exports: a ledger snapshot as CSV, JSON, GeoJSON or Parquet (pure: snapshot -> bytes).

    export_bytes(snapshot, "incidents", "csv", layout="acled")

Levels: claims, incidents, tallies. Layouts (incidents only): the default
civcas columns, ``acled`` and ``ucdp``. Columns: ``docs/exports.md``.
"""
from __future__ import annotations

from ..errors import ConfigError
from ..records import LedgerSnapshot
from .formats import FORMATS, write
from .rows import LAYOUTS, LEVELS, Table, all_columns, table

__all__ = [
    "FORMATS", "LAYOUTS", "LEVELS", "Table", "all_columns", "check", "export_bytes", "table",
]


def check(level: str, fmt: str, layout: str | None = None) -> None:
    """Raise ConfigError unless level, format and layout go together."""
    if level not in LEVELS:
        raise ConfigError(f"--level: {level!r} is not one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        raise ConfigError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if layout is not None and layout not in LAYOUTS:
        raise ConfigError(f"--layout: {layout!r} is not one of {', '.join(LAYOUTS)}")
    if layout is not None and level != "incidents":
        raise ConfigError(f"--layout {layout} applies to --level incidents only, not {level}")
    if fmt == "geojson" and level == "tallies":
        raise ConfigError("--format geojson needs coordinates; the tallies level has none")


def export_bytes(snapshot: LedgerSnapshot, level: str, fmt: str, layout: str | None = None) -> bytes:
    """The ``level`` rows of ``snapshot`` in ``layout``, encoded as ``fmt``.

    Raises ConfigError for an unknown level, format or layout, a layout on a
    level other than incidents, or GeoJSON of a level without coordinates.
    """
    check(level, fmt, layout)
    return write(table(snapshot, level, layout), fmt)
