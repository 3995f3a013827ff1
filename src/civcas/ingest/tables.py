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
import re
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, DecodeError, EmptyInput, InputError, OversizedInput
from ..records import Document, ReadFailure
from .decode import SNIFF_BYTES, check_not_binary
from .document import document_from_text

__all__ = ["ROLES", "Columns", "resolve_columns", "read_jsonl", "read_csv"]

log = logging.getLogger(__name__)

_SURROGATE = re.compile("[\udc80-\udcff]")  # a byte that did not decode (surrogateescape)

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


def read_jsonl(path: Path, columns: Columns, max_bytes: int,
               fallback: str | None = None) -> Iterator[Document | ReadFailure]:
    """One document per JSON object line; a bad line (JSON, or bytes that are not UTF-8 nor
    ``fallback``) is a failure naming its number, the rest goes on."""
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
        check_not_binary(head)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError("E222")
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
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                try:
                    line = raw.decode(fallback or "utf-8")
                except UnicodeDecodeError:
                    yield failure(origin, DecodeError("E232", encoding="UTF-8" if fallback is None
                                                      else f"UTF-8 or {fallback}", byte=exc.start))
                    continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield failure(origin, InputError("E223", reason=exc.msg.removesuffix(" at"),
                                                 column=exc.colno))
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


class _Lines:
    """The physical lines of a text stream for ``csv.reader``: counts them, keeps those of
    the record being read, and reads lines pushed back first."""

    def __init__(self, stream: Iterator[str]) -> None:
        self.stream = stream
        self.back: deque[str] = deque()
        self.taken: list[str] = []
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.back.popleft() if self.back else next(self.stream)
        self.taken.append(line)
        self.count += 1
        return line

    def mark(self) -> int:
        """Start a record; the number of its first line."""
        self.taken = []
        return self.count + 1

    def push_back(self, lines: list[str]) -> None:
        self.back.extendleft(reversed(lines))
        self.count -= len(lines)


def _undecodable(row: list[str]) -> bool:
    return any(_SURROGATE.search(cell) for cell in row)


def _redecoded(row: list[str], fallback: str | None) -> list[str] | None:
    """The row's cells with undecodable bytes read as ``fallback``; None when that fails."""
    if fallback is None:
        return None
    try:
        return [cell.encode("utf-8", "surrogateescape").decode(fallback) for cell in row]
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None


def read_csv(path: Path, columns: Columns, max_bytes: int,
             fallback: str | None = None) -> Iterator[Document | ReadFailure]:
    """One document per row after a header row; a bad row is a failure, the rest goes on.

    Every row is either a document or a failure naming its number (and line). A row that
    cannot be parsed and spans several lines (an unclosed quote runs on to the end of
    the file or the next quote) is reported by its first line, and reading starts again at
    the line after it: the rows it swallowed are read as rows. A row holding bytes that
    are not UTF-8 is a failure of its own (or, with ``fallback``, read in that encoding).
    """
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # one article may be longer than csv's default 128 KB
    with path.open("rb") as raw:
        head = raw.read(SNIFF_BYTES)
        check_not_binary(head)
        encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            else "utf-8-sig"
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
        lines = _Lines(stream)
        reader = csv.reader(lines)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            raise EmptyInput("E216") from None
        except csv.Error as exc:
            raise InputError("E226", reason=exc) from None
        if _undecodable(header):
            header = _redecoded(header, fallback) or []
            if not header:
                raise DecodeError("E235", encoding="UTF-8" if fallback is None
                                  else f"UTF-8 or {fallback}")
        index = _header_index(header, columns)
        rowno = 0
        while True:
            first = lines.mark()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                rowno += 1
                bad = list(lines.taken)
                yield failure(f"{path}:row {rowno}", InputError("E227", reason=f"{exc} "
                                                               f"(line {first})"))
                if len(bad) > 1:  # read again from the line after the bad one
                    lines.push_back(bad[1:])
                    reader = csv.reader(lines)
                continue
            if not any(cell.strip() for cell in row):
                continue
            rowno += 1
            origin = f"{path}:row {rowno}"
            if len(row) != len(header):
                yield failure(origin, InputError("E228", fields=len(row), header=len(header)))
                if len(lines.taken) > 1 and any(c.count("\n") for c in row):
                    lines.push_back(lines.taken[1:])
                    reader = csv.reader(lines)
                continue
            if _undecodable(row):
                row = _redecoded(row, fallback) or []
                if not row:
                    yield failure(origin, DecodeError("E235", encoding="UTF-8" if fallback is None
                                                      else f"UTF-8 or {fallback}"))
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
