"""ingest: files and rows -> cleaned :class:`~civcas.records.Document` records.

Public interface::

    read_paths(paths, *, max_bytes=None, columns=None, recursive=True)
        -> Iterator[Document | ReadFailure]       # .txt .html .htm .jsonl .csv
    document_from_text(body, *, id, title="", published=None,
                       outlet=None, url=None, origin=None) -> Document
    clean_body(text, title="") -> str             # page junk out, paragraphs "\\n\\n"
    find_published(text) -> date | None           # the date a text states near its start
    parse_date(value) -> date | None              # a metadata date (ISO, 4/5/2017...)

Modules: ``readers`` (paths, .txt, HTML), ``tables`` (JSONL, CSV),
``document`` (one Document), ``clean`` and ``junk`` (cleaning),
``published`` (dates), ``decode`` (bytes to text).

Bad input never raises out of :func:`read_paths`: it comes out as a
``ReadFailure(origin, reason)``. :func:`document_from_text` raises
:class:`~civcas.errors.EmptyInput` when nothing is left after cleaning.
"""
from __future__ import annotations

from .clean import clean_body
from .document import document_from_text
from .published import find_published, parse_date
from .readers import MAX_BYTES, SUPPORTED, read_paths
from .tables import DEFAULT_COLUMNS, ROLES

__all__ = [
    "DEFAULT_COLUMNS",
    "MAX_BYTES",
    "ROLES",
    "SUPPORTED",
    "clean_body",
    "document_from_text",
    "find_published",
    "parse_date",
    "read_paths",
]
