"""Rows -> bytes: CSV, JSON, GeoJSON and Parquet writers for a :class:`~.rows.Table`.

- CSV: UTF-8 with a header row, RFC 4180 quoting, empty cell for a missing
  value. Text cells that a spreadsheet would run as a formula (first character
  ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe
  ``'``: article text cannot become a formula. Numeric and date columns are
  written as they are (a negative longitude stays a number).
- JSON: one array of objects (written one at a time), one per row, keys in column order, ``null`` for
  missing values, dates as ISO strings.
- GeoJSON (RFC 7946): a FeatureCollection of Point features at
  ``[longitude, latitude]`` with every other column as a property. Rows
  without coordinates are omitted; the count of omitted rows is in the
  collection's ``civcas:omitted`` member.
- Parquet: typed columns (int64, float64, date32, string), written a row group of
  :data:`ROW_GROUP_ROWS` rows at a time as the rows come (one row group for a smaller table).
"""
from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from datetime import date
from typing import BinaryIO

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


def csv_into(table: Table, sink: BinaryIO) -> None:
    # encoded as it is written (a StringIO of a text with one non-Latin letter keeps four bytes
    # a character, then its value and the encoded bytes beside it: decisions §15.11), row by
    # row into ``sink`` (decisions §15.13)
    buf = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    try:
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
    finally:
        buf.detach()  # ``sink`` stays open


def _records(table: Table) -> Iterator[dict]:
    names = table.names
    for row in table.rows:
        yield {n: _jsonable(row.get(n)) for n in names}


def json_into(table: Table, sink: BinaryIO) -> None:
    # the bytes of json.dumps(rows, ensure_ascii=False, indent=1), one row at a time: a row's
    # values are scalars, so its lines are the nested lines one space further in
    first = True
    for rec in _records(table):
        text = json.dumps(rec, ensure_ascii=False, indent=1).replace("\n", "\n ")
        sink.write(("[\n " if first else ",\n ").encode("utf-8") + text.encode("utf-8"))
        first = False
    sink.write(b"[]\n" if first else b"\n]\n")


def geojson_into(table: Table, sink: BinaryIO) -> None:
    # the bytes of json.dumps(collection, ensure_ascii=False), one feature at a time: the
    # count of rows left out comes after the features
    if "latitude" not in table.names or "longitude" not in table.names:
        raise ConfigError("E145", level=table.name)
    sink.write(b'{"type": "FeatureCollection", "features": [')
    omitted, first = 0, True
    for rec in _records(table):
        lat, lon = rec.pop("latitude"), rec.pop("longitude")
        if lat is None or lon is None:
            omitted += 1
            continue
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": rec}
        sink.write((b"" if first else b", ")
                   + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        first = False
    if omitted:
        log.info("geojson: %d %s without coordinates omitted", omitted, table.name)
    sink.write(f'], "civcas:omitted": {omitted}}}\n'.encode())


ROW_GROUP_ROWS = 20_000  # rows of a Parquet row group: what a Parquet export holds at once
# rows made into Arrow columns at once (a group's rows are not held as Python values); a
# multiple of the writer's 1,024-row batches, so its pages and dictionaries are cut where the
# whole table's were (2,000 moved a page break of a long text column: other bytes)
BATCH_ROWS = 2_048


def parquet_into(table: Table, sink: BinaryIO, group_rows: int | None = None) -> None:
    # a row group at a time (decisions §15.15): the rows made into Arrow columns BATCH_ROWS at
    # a time as they come, a group's batches written together, then dropped. The same schema
    # and values as the whole table written at once (`pq.write_table`, one group); a table of
    # one group is the same bytes.
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
             "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
    size = group_rows or ROW_GROUP_ROWS
    batch = min(size, BATCH_ROWS)
    names = table.names
    out = _Unfinished(sink)
    writer = pq.ParquetWriter(out, schema)
    try:
        data: dict[str, list] = {name: [] for name in names}
        batches: list = []
        held = in_group = 0
        written = False
        for row in table.rows:
            for name in names:
                data[name].append(row.get(name))
            held += 1
            in_group += 1
            if held == batch or in_group == size:
                batches.append(pa.RecordBatch.from_pydict(data, schema=schema))
                data = {name: [] for name in names}
                held = 0
            if in_group == size:
                writer.write_table(pa.Table.from_batches(batches, schema))
                batches, in_group, written = [], 0, True
        if in_group or not written:  # (no rows: one empty group, as write_table wrote)
            if held or not batches:
                batches.append(pa.RecordBatch.from_pydict(data, schema=schema))
            writer.write_table(pa.Table.from_batches(batches, schema))
    except BaseException:
        out.cut = True  # the footer (written however the writer ends) goes nowhere
        writer.close()
        raise
    writer.close()


class _Unfinished:
    """The sink a Parquet writer writes into, until cut: after a failure part way it takes
    nothing more, so the rows written so far never get the footer that would make them a whole
    (shorter) file on a stream; a file's path has its part file (`api.export_to`)."""

    closed = False

    def __init__(self, sink: BinaryIO) -> None:
        self._sink, self.cut = sink, False

    def write(self, data) -> int:
        if not self.cut:
            self._sink.write(data)
        return len(data)

    def flush(self) -> None:
        if not self.cut and hasattr(self._sink, "flush"):
            self._sink.flush()

    def close(self) -> None:  # the sink is the caller's: left open
        pass


_WRITERS: dict[str, Callable[[Table, BinaryIO], None]] = {
    "csv": csv_into, "json": json_into, "geojson": geojson_into, "parquet": parquet_into}


def write_into(table: Table, fmt: str, sink: BinaryIO) -> None:
    """``table`` encoded as ``fmt`` (csv, json, geojson, parquet) into the binary ``sink``;
    CSV, JSON and GeoJSON a row at a time as the table's rows come (decisions §15.13),
    Parquet a row group at a time (decisions §15.15)."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ConfigError("E142", format=fmt, formats=", ".join(FORMATS))
    writer(table, sink)


def write(table: Table, fmt: str) -> bytes:
    """``table`` encoded as ``fmt`` (csv, json, geojson, parquet)."""
    sink = io.BytesIO()
    write_into(table, fmt, sink)
    return sink.getvalue()


def to_csv(table: Table) -> bytes:
    return write(table, "csv")


def to_json(table: Table) -> bytes:
    return write(table, "json")


def to_geojson(table: Table) -> bytes:
    return write(table, "geojson")


def to_parquet(table: Table) -> bytes:
    return write(table, "parquet")
