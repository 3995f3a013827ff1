"""The ``civcas`` command line: a thin shell over :mod:`civcas.api`.

Each command parses its arguments, calls one api function, and prints.
Shared plumbing lives here so that a new command (``ingest``, ``incidents``,
``show`` ...) is a small function:

- option help and defaults come from the settings table (:mod:`civcas.settings`);
- :func:`_errors_to_exit` turns any ``CivcasError`` into one line on stderr
  (``civcas: error: ...``) and exit status 2, never a traceback;
- logging goes to stderr (WARNING, or INFO with ``-v``).

Exit status: 0 success; 1 nothing could be done (e.g. no input could be read,
or ``--strict`` and some input failed); 2 usage or configuration error.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__, api, settings
from .outputs.ledger import figure  # one formatting of a figure for tables, exports and the report
from .outputs.ledger import isolated  # Arabic text between bidi isolates in a terminal cell
from .errors import CivcasError, ConfigError
from .records import Claim, Document, ExtractionResult, ReadFailure

log = logging.getLogger(__name__)

PROG = "civcas"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PIPE_WIDTH = 160  # table width when stdout is not a terminal (and COLUMNS unset)

# role (key of the api's ``columns`` option) -> setting holding its column name
COLUMN_ROLES = {
    "id": "csv_id",
    "title": "csv_title",
    "text": "csv_text",
    "date": "csv_date",
    "url": "csv_url",
    "outlet": "csv_outlet",
}

app = typer.Typer(
    name=PROG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------- plumbing


def _setting_help(name: str) -> str:
    """Help text of setting ``name`` with its env var and default."""
    s = settings.SETTINGS[name]
    return f"{s.help} (env {s.env}; default: {s.default})"


def _error(message: str) -> None:
    """One line on stderr, after whatever stdout holds so far."""
    sys.stdout.flush()
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()


@contextlib.contextmanager
def _errors_to_exit() -> Iterator[None]:
    """Turn a CivcasError into a one-line message and exit status 2."""
    try:
        yield
    except CivcasError as exc:
        _error(str(exc) or type(exc).__name__)
        raise typer.Exit(EXIT_USAGE) from None


class _StderrHandler(logging.StreamHandler):
    """A handler writing to whatever ``sys.stderr`` is now (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self):  # noqa: D401
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _configure_logging(verbose: bool) -> None:
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(h)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter(f"{PROG}: %(levelname)s: %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    # -v shows civcas's own INFO messages, not every library's.
    logging.getLogger("civcas").setLevel(logging.INFO if verbose else logging.NOTSET)


def _console() -> Console:
    """A Rich console on the current stdout; a fixed width when piped."""
    width = None
    if not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
        width = PIPE_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False, soft_wrap=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress (INFO) to stderr.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Extract casualty claims (killed, injured, by whom, where, when) from news reports.

    Keep them in a ledger database (civcas ingest), grouped into graded
    incidents and tallies (civcas incidents, show, tallies), and record
    reviewers' decisions on top (civcas judge), or review in the browser
    (civcas serve, after civcas user add NAME --role reviewer).

    Places are geocoded offline with a GeoNames gazetteer shipped in the
    package (civcas geocode PLACE; civcas gazetteer add PLACES.CSV).

    Logs and errors go to stderr; results to stdout.
    Exit status: 0 ok, 1 no input could be read (or --strict and some failed),
    2 usage or configuration error.
    """
    _configure_logging(verbose)


# ---------------------------------------------------------------- formatting


def claim_dict(claim: Claim) -> dict[str, Any]:
    d = claim.to_dict()
    d.pop("sentence_start", None)
    d.pop("document_id", None)  # the record's own id says it
    return d


def document_json(result: ExtractionResult) -> dict[str, Any]:
    """One JSON Lines record: the document's id, title, published date, language, focus, and claims."""
    doc = result.document
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language or None,
        "focus": result.focus.to_dict() if result.focus else None,
        "claims": [claim_dict(c) for c in result.claims],
    }


def _write_jsonl(record: dict[str, Any]) -> None:
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


def _heading(doc: Document) -> Text:
    heading = Text()
    heading.append(doc.title or "(untitled)", style="bold")
    heading.append(f"\n{doc.id}", style="dim")
    heading.append(" · ", style="dim")
    heading.append(doc.published.isoformat() if doc.published else "date unknown", style="dim")
    if doc.origin:
        heading.append(f" · {doc.origin}", style="dim")
    return heading


def claims_table(claims: Iterable[Claim]) -> Table:
    """One row per claim. Cells fold rather than crop, so nothing is lost when narrow."""
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for name in ("outcome", "victims", "figure", "source", "place", "event date",
                 "perpetrator", "scope", "text"):
        table.add_column(name, overflow="fold", justify="right" if name == "figure" else "left")
    for c in claims:
        cells = (
            c.outcome, c.victims, figure(c), c.source, c.place or "", c.event_date or "",
            c.perpetrator or "", c.scope, c.text,
        )
        table.add_row(*(Text(isolated(str(x))) for x in cells))  # Text: no markup parsing of article text
    return table


def print_document(console: Console, result: ExtractionResult) -> None:
    console.print(_heading(result.document))
    if result.focus is not None:
        f = result.focus
        where = ", ".join(x for x in dict.fromkeys((f.name, f.admin1, f.country)) if x)
        console.print(Text(f"focus: {where} ({f.precision})", style="dim"))
    if result.claims:
        console.print(claims_table(result.claims))
    else:
        console.print(Text("no claims", style="italic"))
    console.print()
    console.file.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------- commands


# Options shared by every command that reads inputs (extract, and later ingest).
PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Files (txt, html, csv, jsonl) or directories, read recursively.",
        show_default=False,
    ),
]


def _setting_option(flag: str, name: str, metavar: str, **kwargs: Any) -> Any:
    return typer.Option(flag, metavar=metavar, help=_setting_help(name), show_default=False, **kwargs)


MaxBytesOpt = Annotated[int | None, _setting_option("--max-bytes", "max_bytes", "N", min=1)]
IdColOpt = Annotated[str | None, _setting_option("--id-col", "csv_id", "C")]
TitleColOpt = Annotated[str | None, _setting_option("--title-col", "csv_title", "C")]
TextColOpt = Annotated[str | None, _setting_option("--text-col", "csv_text", "C")]
DateColOpt = Annotated[str | None, _setting_option("--date-col", "csv_date", "C")]
UrlColOpt = Annotated[str | None, _setting_option("--url-col", "csv_url", "C")]
OutletColOpt = Annotated[str | None, _setting_option("--outlet-col", "csv_outlet", "C")]


def _read_options(max_bytes: int | None, **columns: str | None) -> dict[str, Any]:
    """The api's reading options: option, else env var, else default.

    ``columns`` holds only the roles the user set (by option or env var).
    Raises ConfigError on a bad env value.
    """
    limit = settings.get("max_bytes", max_bytes)
    if limit < 1:
        raise ConfigError(f"max_bytes must be a positive number of bytes, not {limit}")
    chosen = {}
    for role, name in COLUMN_ROLES.items():
        value = settings.get(name, columns.get(role))
        if columns.get(role) is not None or value != settings.SETTINGS[name].default:
            chosen[role] = value
    return {"max_bytes": limit, "columns": chosen}


@app.command("extract")
def extract_cmd(
    paths: PathsArg,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help="One JSON object per document per line, instead of tables."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit with status 1 if any input could not be read."),
    ] = False,
    max_bytes: MaxBytesOpt = None,
    id_col: IdColOpt = None,
    title_col: TitleColOpt = None,
    text_col: TextColOpt = None,
    date_col: DateColOpt = None,
    url_col: UrlColOpt = None,
    outlet_col: OutletColOpt = None,
) -> None:
    """Extract casualty claims from news reports and print them.

    Prints a table per document (or JSON Lines with --jsonl) and, for every
    input that cannot be read, one line "civcas: error: FILE: REASON" on stderr;
    the batch goes on. Exit status 1 if no document could be read.
    """
    with _errors_to_exit():
        options = _read_options(max_bytes, id=id_col, title=title_col, text=text_col,
                                date=date_col, url=url_col, outlet=outlet_col)
        results = api.extract_paths(paths, **options)
        read, failed, claims = _print_results(results, jsonl)

    log.info("%s read, %d failed, %s", _plural(read, "document"), failed, _plural(claims, "claim"))
    if read == 0 and failed == 0:
        _error("no documents found in " + ", ".join(paths))
    if read == 0 or (strict and failed):
        raise typer.Exit(EXIT_FAILED)


def _print_results(
    results: Iterable[ExtractionResult | ReadFailure], jsonl: bool
) -> tuple[int, int, int]:
    """Print each result as it comes; return (documents read, failed, claims)."""
    console = None if jsonl else _console()
    read = failed = claims = 0
    for item in results:
        if isinstance(item, ReadFailure):
            failed += 1
            _error(f"{item.origin}: {item.reason}")
            continue
        read += 1
        claims += len(item.claims)
        if console is None:
            _write_jsonl(document_json(item))
        else:
            print_document(console, item)
    if console is not None:
        console.print(
            f"{_plural(read, 'document')} read, {failed} failed, {_plural(claims, 'claim')}",
            markup=False,
        )
    return read, failed, claims


# ---------------------------------------------------------------- entry point


def main() -> None:
    """Entry point of the ``civcas`` script."""
    app(prog_name=PROG)  # Typer exits quietly on a broken pipe (``civcas ... | head``)


from . import cli_outputs  # noqa: E402,F401  registers ``export`` and ``report`` on ``app``
from . import cli_ledger  # noqa: E402,F401  registers ingest, incidents, show, tallies, judge
from . import cli_web  # noqa: E402,F401  registers serve, user add|list
from . import cli_geo  # noqa: E402,F401  registers geocode, gazetteer add|info


if __name__ == "__main__":  # pragma: no cover
    main()
