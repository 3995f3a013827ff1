"""Rows -> bytes: CSV, JSON, GeoJSON and Parquet writers for a :class:`~.rows.Table`.

- CSV: UTF-8 with a header row, RFC 4180 quoting, empty cell for a missing
  value. Text cells that a spreadsheet would run as a formula (first character
  ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe
  ``'``: article text cannot become a formula. Numeric and date columns are
  written as they are (a negative longitude stays a number).
- JSON: one array of objects, one per row, keys in column order, ``null`` for
  missing values, dates as ISO strings.
- GeoJSON (RFC 7946): a FeatureCollection of Point features at
  ``[longitude, latitude]`` with every other column as a property. Rows
  without coordinates are omitted; the count of omitted rows is in the
  collection's ``civcas:omitted`` member.
- Parquet: one row group, typed columns (int64, float64, date32, string).
"""
from __future__ import annotations

import csv
import io
import json
import logging
from datetime import date

from ..errors import ConfigError
from .rows import Table

log = logging.getLogger(__name__)

FORMATS = ("csv", "json", "geojson", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A text cell that cannot start a spreadsheet formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def to_csv(table: Table) -> bytes:
    # encoded as it is written (a StringIO of a text with one non-Latin letter keeps four bytes
    # a character, then its value and the encoded bytes beside it: decisions §15.11)
    out = io.BytesIO()
    buf = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.names)
    for row in table.rows:
        cells = []
        for name, kind in table.columns:
            v = row.get(name)
            if v is None:
                cells.append("")
            elif kind == "str":
                cells.append(neutralise(str(v)))
            else:
                cells.append(_jsonable(v))
        writer.writerow(cells)
    buf.flush()
    return out.getvalue()


def _records(table: Table) -> list[dict]:
    return [{n: _jsonable(row.get(n)) for n in table.names} for row in table.rows]


def to_json(table: Table) -> bytes:
    return (json.dumps(_records(table), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_geojson(table: Table) -> bytes:
    if "latitude" not in table.names or "longitude" not in table.names:
        raise ConfigError("E145", level=table.name)
    features, omitted = [], 0
    for rec in _records(table):
        lat, lon = rec.pop("latitude"), rec.pop("longitude")
        if lat is None or lon is None:
            omitted += 1
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": rec,
        })
    if omitted:
        log.info("geojson: %d %s without coordinates omitted", omitted, table.name)
    collection = {"type": "FeatureCollection", "features": features, "civcas:omitted": omitted}
    return (json.dumps(collection, ensure_ascii=False) + "\n").encode("utf-8")


def to_parquet(table: Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
             "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
    data = {name: [row.get(name) for row in table.rows] for name in table.names}
    arrow = pa.Table.from_pydict(data, schema=schema)
    sink = io.BytesIO()
    pq.write_table(arrow, sink)
    return sink.getvalue()


_WRITERS = {"csv": to_csv, "json": to_json, "geojson": to_geojson, "parquet": to_parquet}


def write(table: Table, fmt: str) -> bytes:
    """``table`` encoded as ``fmt`` (csv, json, geojson, parquet)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ConfigError("E142", format=fmt, formats=", ".join(FORMATS))
    return writer(table)
