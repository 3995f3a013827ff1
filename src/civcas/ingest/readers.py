"""Files and directories to Documents, one failure at a time.

:func:`read_paths` walks its paths (directories recursively, in sorted order,
hidden files and directories skipped) and reads each file by its extension:

- ``.txt``: the first non-empty line is the title, the rest the body; the id
  is the file name without extension. A file of a single line is all body.
- ``.html``/``.htm``: main text and metadata (title, date, url, site name)
  through trafilatura; the id is the file stem.
- ``.jsonl``/``.csv``: one document per line or row; see
  :mod:`civcas.ingest.tables`.

Anything that cannot be read (missing, unsupported, oversized, empty, binary,
undecodable, a malformed row) comes out as a
:class:`~civcas.records.ReadFailure` naming the file (and row) with a
one-line reason, and the batch goes on. The size limit of a ``.txt`` or HTML
file is checked before the file is read.
"""
from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError, EmptyInput, InputError, OversizedInput, UnsupportedInput
from ..records import Document, ReadFailure
from . import junk
from .decode import check_encoding, decode_bytes
from .document import document_from_text
from .tables import Columns, failure, read_csv, read_jsonl, resolve_columns

__all__ = ["MAX_BYTES", "SUPPORTED", "read_file", "read_paths"]

log = logging.getLogger(__name__)

Reader = Callable[[Path, Columns, int, str | None], Iterator[Document | ReadFailure]]

MAX_BYTES = 5 * 1024 * 1024  # the largest file (or row) read unless told otherwise


def _split_title(text: str) -> tuple[str, str]:
    """(title, body) of a text file: the first non-empty, non-junk line is the title."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not junk.line_junk(" ".join(line.split())):
            body = "\n".join(lines[i + 1 :])
            if not body.strip():
                return "", text  # a single line: the text is all body
            return line.strip(), body
    return "", text


def read_txt(path: Path, columns: Columns, max_bytes: int,
             fallback: str | None = None) -> Iterator[Document]:
    text = decode_bytes(path.read_bytes(), fallback=fallback)
    title, body = _split_title(text)
    yield document_from_text(body, id=path.stem, title=title, origin=str(path))


_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path, columns: Columns, max_bytes: int,
              fallback: str | None = None) -> Iterator[Document]:
    from trafilatura import bare_extraction  # imported late: it is slow to import

    html = decode_bytes(path.read_bytes(), html=True, fallback=fallback)
    with _quiet_libraries():  # their warnings name no file: the failure below does
        result = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise EmptyInput("E214")
    meta: Any = result  # trafilatura's Document: title, date, sitename, url
    yield document_from_text(
        text,
        id=path.stem,
        title=meta.title or "",
        published=meta.date,
        outlet=meta.sitename,
        url=meta.url,
        origin=str(path),
    )


_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "readability")


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """The HTML libraries' own warnings off (they name no file; civcas says what failed)."""
    loggers = [logging.getLogger(name) for name in _LIBRARIES]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


#: Extension -> (reader, whether max_bytes limits the whole file).
SUPPORTED: dict[str, tuple[Reader, bool]] = {
    ".txt": (read_txt, True),
    ".html": (read_html, True),
    ".htm": (read_html, True),
    ".jsonl": (read_jsonl, False),
    ".csv": (read_csv, False),
}


def _os_reason(exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("E206")
    if isinstance(exc, PermissionError):
        return InputError("E207")
    if isinstance(exc, IsADirectoryError):
        return InputError("E208")
    return InputError("E209", reason=exc.strerror or exc)


def read_file(path: Path, columns: Columns, max_bytes: int,
              fallback: str | None = None) -> Iterator[Document | ReadFailure]:
    """Documents of one file, or failures; never raises on bad input."""
    origin = str(path)
    entry = SUPPORTED.get(path.suffix.lower())
    if entry is None:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        yield failure(origin, UnsupportedInput("E201", kind=kind, supported=", ".join(SUPPORTED)))
        return
    reader, whole_file_limit = entry
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield failure(origin, UnsupportedInput("E204"))
            return
        if size == 0:
            yield failure(origin, EmptyInput("E211"))
            return
        if whole_file_limit and size > max_bytes:  # refused before a byte of it is read
            raise OversizedInput("E241", what="file", size=size, limit=max_bytes)
        yield from reader(path, columns, max_bytes, fallback)
    except InputError as exc:
        yield failure(origin, exc)
    except OSError as exc:
        yield failure(origin, _os_reason(exc))
    except Exception as exc:  # a bug or a library crash must not stop the batch
        log.warning("unexpected error reading %s", origin, exc_info=True)
        yield failure(origin, InputError("E205", error=f"{type(exc).__name__}: {exc}"))


def _walk(directory: Path, recursive: bool) -> Iterator[Path | ReadFailure]:
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield failure(str(directory), _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_dir = linked_dir = False
        if linked_dir:
            log.info("not following the symbolic link to a directory %s", path)
        elif is_dir:
            if recursive:
                yield from _walk(path, recursive)
        else:
            yield path


def _files(paths: Iterable[str | os.PathLike], recursive: bool) -> Iterator[Path | ReadFailure]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, recursive)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield failure(str(path), InputError("E206"))


def _max_bytes(value: int | None) -> int:
    limit = MAX_BYTES if value is None else value
    if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
        raise ConfigError("E113", value=limit)
    return limit


def read_paths(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    max_bytes: int | None = None,
    columns: Mapping[str, str] | None = None,
    recursive: bool = True,
    encoding: str | None = None,
) -> Iterator[Document | ReadFailure]:
    """Documents read from files and directories, cleaned; failures as ``ReadFailure``.

    ``max_bytes`` (default :data:`MAX_BYTES`, 5 MB) limits a ``.txt`` or
    HTML file and each JSONL line or CSV row. ``columns`` maps roles (id,
    title, text, date, url, outlet) to JSONL keys / CSV columns, defaulting to
    :data:`~.tables.DEFAULT_COLUMNS` (:mod:`civcas.api` passes the settings).
    ``encoding`` names the fallback for text that is not UTF-8 (else such a file, line or
    row is a failure). ``recursive=False`` reads only the files directly
    inside a directory. Bad options raise :class:`~civcas.errors.ConfigError`
    at once; bad inputs never raise.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    limit = _max_bytes(max_bytes)
    resolved = resolve_columns(columns)
    return _read_all(list(paths), limit, resolved, recursive, check_encoding(encoding))


def _read_all(paths: list, limit: int, columns: Columns, recursive: bool,
              fallback: str | None) -> Iterator[Document | ReadFailure]:
    for item in _files(paths, recursive):
        if isinstance(item, ReadFailure):
            yield item
        else:
            yield from read_file(item, columns, limit, fallback)
