"""What every command of the ``civcas`` CLI shares: exit codes, errors, output, options.

- :func:`errors_to_exit` turns any ``CivcasError`` into one line on stderr
  (``civcas: error: [E123] ...``) and exit status 2, never a traceback;
- :func:`console` is a Rich console on stdout (a fixed width when piped);
- the option types (``DbOpt``, ``PathsArg``, the reading options) take their help and
  defaults from the settings table (:data:`civcas.api.SETTINGS`).

Command modules import only this module, :mod:`civcas.api` and :mod:`civcas.records`.
"""
from __future__ import annotations

import contextlib
import functools
import inspect
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from .. import api
from . import _coercion

_coercion.install()  # option values converted without pydantic when nothing needs converting

PROG = "civcas"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PIPE_WIDTH = 160  # table width when stdout is not a terminal (and COLUMNS unset)


def setting_help(name: str) -> str:
    """Help text of setting ``name`` with its env var and default."""
    s = api.SETTINGS[name]
    return escape(f"{s.help} (env {s.env}; default: {s.default})")  # "civcas[dask]" is no markup


def error(message: str) -> None:
    """One line on stderr, after whatever stdout holds so far."""
    sys.stdout.flush()
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()


@contextlib.contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a CivcasError into a one-line message (with its code) and exit status 2."""
    try:
        yield
    except api.CivcasError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


class StderrHandler(logging.StreamHandler):
    """A handler writing to whatever ``sys.stderr`` is now (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def configure_logging(verbose: bool) -> None:
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(h)
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    # -v shows civcas's own INFO messages, not every library's.
    logging.getLogger("civcas").setLevel(logging.INFO if verbose else logging.NOTSET)


def console() -> Console:
    """A Rich console on the current stdout; a fixed width when piped."""
    width = None
    if not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
        width = PIPE_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False, soft_wrap=False)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def write_jsonl(record: dict[str, Any]) -> None:
    """Write one line of UTF-8 JSON to stdout and flush."""
    line = json.dumps(record, ensure_ascii=False) + "\n"
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(line)
        sys.stdout.flush()
    else:
        sys.stdout.flush()
        buffer.write(line.encode("utf-8"))
        buffer.flush()


def write_json(value: Any) -> None:
    """Write ``value`` as indented UTF-8 JSON (one space) and a newline to stdout."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


def db_url(db: str | None) -> str:
    """``--db`` when given, else the ``db`` setting."""
    return str(api.settings().get("db", db))


# ---------------------------------------------------------------- options


def setting_option(flag: str, name: str, metavar: str, **kwargs: Any) -> Any:
    return typer.Option(flag, metavar=metavar, help=setting_help(name), show_default=False,
                        **kwargs)


DbOpt = Annotated[str | None, setting_option("--db", "db", "URL")]
WorkersOpt = Annotated[int | None, setting_option("--workers", "workers", "N", min=0)]
DaskOpt = Annotated[str | None, setting_option("--dask", "dask", "ADDRESS")]

# Options shared by every command that reads inputs (extract, ingest).
PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Files (txt, html, csv, jsonl) or directories, read recursively.",
        show_default=False,
    ),
]
MaxBytesOpt = Annotated[int | None, setting_option("--max-bytes", "max_bytes", "N", min=1)]
EncodingOpt = Annotated[str | None, setting_option("--encoding", "encoding", "NAME")]
IdColOpt = Annotated[str | None, setting_option("--id-col", "csv_id", "C")]
TitleColOpt = Annotated[str | None, setting_option("--title-col", "csv_title", "C")]
TextColOpt = Annotated[str | None, setting_option("--text-col", "csv_text", "C")]
DateColOpt = Annotated[str | None, setting_option("--date-col", "csv_date", "C")]
UrlColOpt = Annotated[str | None, setting_option("--url-col", "csv_url", "C")]
OutletColOpt = Annotated[str | None, setting_option("--outlet-col", "csv_outlet", "C")]


# the options of every command that reads inputs: (parameter, its type, the column role)
_READING = (("max_bytes", MaxBytesOpt, None), ("encoding", EncodingOpt, None),
            ("id_col", IdColOpt, "id"),
            ("title_col", TitleColOpt, "title"), ("text_col", TextColOpt, "text"),
            ("date_col", DateColOpt, "date"), ("url_col", UrlColOpt, "url"),
            ("outlet_col", OutletColOpt, "outlet"))


def reads_inputs(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the reading options (``--max-bytes``, ``--id-col`` ...) and call it
    with ``options``: the api's reading arguments, only those given on the command line
    (the api takes the rest from the settings). A bad setting exits 2 before any reading."""
    own = inspect.signature(command, eval_str=True)
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                               annotation=kind) for name, kind, _role in _READING]

    @functools.wraps(command)
    def with_options(**given: Any) -> None:
        values = {name: given.pop(name) for name, _kind, _role in _READING}
        with errors_to_exit():
            api.settings()  # a bad config file or environment variable fails here
        columns = {role: values[name] for name, _kind, role in _READING
                   if role is not None and values[name] is not None}
        options = {"max_bytes": values["max_bytes"], "columns": columns}
        if values["encoding"] is not None:
            options["encoding"] = values["encoding"]
        command(**given, options=options)

    params = [p for p in own.parameters.values() if p.name != "options"] + added
    with_options.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
    with_options.__annotations__ = {p.name: p.annotation for p in params}
    return with_options
