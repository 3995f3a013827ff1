"""JSONL and CSV inputs: one document per line or row, fields found by role.

A *role* (id, title, text, date, url, outlet) names what a column holds; the
column for each role defaults to the ``csv_<role>`` setting and can be given
with ``columns={"text": "article_content", ...}``. Only ``text`` is required.
A row without an id gets ``<file stem>-<row number>``. Failures name the row:
``path:line N`` for JSONL (the line number in the file), ``path:row N`` for
CSV (the data row, header not counted, blank rows skipped).

``max_bytes`` applies to each line or row, not to the whole file, which is
streamed.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, DecodeError, EmptyInput, InputError, OversizedInput
from ..records import Document, ReadFailure
from .decode import SNIFF_BYTES, check_not_binary, pick_encoding
from .document import document_from_text

__all__ = ["ROLES", "Columns", "resolve_columns", "read_jsonl", "read_csv"]

log = logging.getLogger(__name__)

ROLES = ("id", "title", "text", "date", "url", "outlet")
# role -> the column (or JSON key) read for it unless told otherwise (settings ``csv_<role>``)
DEFAULT_COLUMNS = {"id": "id", "title": "title", "text": "text", "date": "date", "url": "url",
                   "outlet": "source"}


@dataclass(frozen=True)
class Columns:
    """Column name per role, and which roles the caller named explicitly."""

    names: Mapping[str, str]
    explicit: frozenset[str]


def resolve_columns(columns: Mapping[str, str] | None) -> Columns:
    """:data:`DEFAULT_COLUMNS` overridden by ``columns``; :class:`ConfigError` on a bad mapping."""
    columns = dict(columns or {})
    unknown = sorted(set(columns) - set(ROLES))
    if unknown:
        raise ConfigError("E111", role=unknown[0], roles=", ".join(ROLES))
    for role, name in columns.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError("E112", role=role, name=name)
    names = dict(DEFAULT_COLUMNS)
    names.update({role: name.strip() for role, name in columns.items()})
    return Columns(names, frozenset(columns))


def failure(origin: str, error: InputError | str) -> ReadFailure:
    """A failure record of ``origin``: an input error's coded message, or an OS reason."""
    reason = str(error)
    log.info("skipped %s: %s", origin, reason)
    return ReadFailure(origin, reason)


def _text_value(value: object, role: str, column: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError("E221", column=column, role=role, kind=type(value).__name__)
    return str(value)


def _row_document(values: Mapping[str, object], columns: Columns, default_id: str, origin: str) -> Document:
    fields = {role: _text_value(values.get(role), role, columns.names[role]) for role in ROLES}
    text = fields["text"]
    if text is None or not text.strip():
        raise EmptyInput("E215", column=columns.names["text"])
    doc_id = (fields["id"] or "").strip() or default_id
    return document_from_text(
        text,
        id=doc_id,
        title=fields["title"] or "",
        published=fields["date"],
        outlet=fields["outlet"],
        url=fields["url"],
        origin=origin,
    )


def _skip_rest_of_line(f: io.BufferedReader) -> None:
    while chunk := f.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def read_jsonl(path: Path, columns: Columns, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """One document per JSON object line; a bad line is a failure, the rest goes on."""
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
        check_not_binary(head)
        encoding = pick_encoding(head, complete=False)
        if encoding == "utf-16":
            raise InputError("E222")
        line_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        f.seek(0)
        lineno = 0
        while raw := f.readline(max_bytes + 1):
            lineno += 1
            origin = f"{path}:line {lineno}"
            if len(raw) > max_bytes:
                if not raw.endswith(b"\n"):
                    _skip_rest_of_line(f)
                yield failure(origin, OversizedInput("E242", what="line", limit=max_bytes))
                continue
            if lineno == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode(line_encoding)
            except UnicodeDecodeError as exc:
                yield failure(origin, DecodeError("E232", encoding=line_encoding, byte=exc.start))
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield failure(origin, InputError("E223", reason=exc.msg, column=exc.colno))
                continue
            if not isinstance(obj, dict):
                yield failure(origin, InputError("E224", kind=type(obj).__name__))
                continue
            values = {role: obj.get(columns.names[role]) for role in ROLES}
            try:
                yield _row_document(values, columns, f"{path.stem}-{lineno}", origin)
            except InputError as exc:
                yield failure(origin, exc)


def _header_index(header: list[str], columns: Columns) -> dict[str, int]:
    index: dict[str, int] = {}
    for role in ROLES:
        name = columns.names[role]
        if name in header:
            index[role] = header.index(name)
        elif role == "text" or role in columns.explicit:
            raise InputError("E225", name=name, role=role, header=", ".join(header) or "empty")
    return index


def read_csv(path: Path, columns: Columns, max_bytes: int) -> Iterator[Document | ReadFailure]:
    """One document per row after a header row; a bad row is a failure, the rest goes on."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # one article may be longer than csv's default 128 KB
    with path.open("rb") as raw:
        head = raw.read(SNIFF_BYTES)
        check_not_binary(head)
        encoding = pick_encoding(head, complete=len(head) < SNIFF_BYTES)
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        reader = csv.reader(stream)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            raise EmptyInput("E216") from None
        except csv.Error as exc:
            raise InputError("E226", reason=exc) from None
        index = _header_index(header, columns)
        rowno = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                rowno += 1
                yield failure(f"{path}:row {rowno}", InputError("E227", reason=exc))
                continue
            except UnicodeDecodeError:
                yield failure(f"{path}:row {rowno + 1}", DecodeError("E233", encoding=encoding))
                return
            if not any(cell.strip() for cell in row):
                continue
            rowno += 1
            origin = f"{path}:row {rowno}"
            if len(row) != len(header):
                yield failure(origin, InputError("E228", fields=len(row), header=len(header)))
                continue
            size = sum(len(cell.encode("utf-8", "surrogatepass")) for cell in row)
            if size > max_bytes:
                yield failure(origin, OversizedInput("E241", what="row", size=size, limit=max_bytes))
                continue
            values = {role: row[i] for role, i in index.items()}
            try:
                yield _row_document(values, columns, f"{path.stem}-{rowno}", origin)
            except InputError as exc:
                yield failure(origin, exc)
