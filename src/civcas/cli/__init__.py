"""The ``civcas`` command line: a thin shell over :mod:`civcas.api`.

Each command parses its arguments, calls one api function, and prints. One module per
command group, all registered here on :data:`app` (their order is the order of
``civcas --help``)::

    extract.py        extract
    outputs.py        export, report
    ledger.py         ingest, resolve, incidents, show, tallies, gap   (tables: ledger_format.py)
    judge.py          judge reject-claim | accept-claim | correct | merge | split | grade
    web.py            user add | list, serve
    geo.py            gazetteer add | info, geocode
    _common.py        exit codes, errors, console, shared options

A command module imports only :mod:`civcas.api`, :mod:`civcas.records` and ``_common``
(``web.py`` also starts the review app of :mod:`civcas.web`).

Exit status: 0 success; 1 nothing could be done (e.g. no input could be read,
or ``--strict`` and some input failed); 2 usage or configuration error.
"""
from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any

import typer

from .. import api
from ._common import PROG, configure_logging, errors_to_exit

# command -> (its module here, its function or Typer group), in the order of ``civcas --help``;
# a module is imported when its command is built (PEP 562 ``app``, or :func:`main`)
_LAZY: dict[str, tuple[str, str]] = {
    "extract": (".extract", "extract_cmd"),
    "export": (".outputs", "export_cmd"),
    "report": (".outputs", "report_cmd"),
    "ingest": (".ledger", "ingest_cmd"),
    "resolve": (".ledger", "resolve_cmd"),
    "incidents": (".ledger", "incidents_cmd"),
    "show": (".ledger", "show_cmd"),
    "tallies": (".ledger", "tallies_cmd"),
    "gap": (".ledger", "gap_cmd"),
    "judge": (".judge", "app"),
    "user": (".web", "user_app"),
    "serve": (".web", "serve_cmd"),
    "gazetteer": (".geo", "gazetteer_app"),
    "geocode": (".geo", "geocode_cmd"),
}
COMMANDS = tuple(_LAZY)  # the commands' names

app: typer.Typer  # every command: built on first use (module ``__getattr__`` below)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {api.__version__}")
        raise typer.Exit()


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
    config: Annotated[
        str | None,
        typer.Option(
            "--config", metavar="FILE", show_default=False,
            help="Read settings from this TOML file (default: "
                 "$XDG_CONFIG_HOME/civcas/civcas.toml when it exists).",
        ),
    ] = None,
) -> None:
    """Extract casualty claims (killed, injured, by whom, where, when) from news reports.

    Keep them in a ledger database (civcas ingest), grouped into graded
    incidents and tallies (civcas incidents, show, tallies), and record
    reviewers' decisions on top (civcas judge), or review in the browser
    (civcas serve, after civcas user add NAME --role reviewer).

    Places are geocoded offline with a GeoNames gazetteer shipped in the
    package (civcas geocode PLACE; civcas gazetteer add PLACES.CSV).

    Settings: the config file, then CIVCAS_* environment variables, then
    options (each option's help names its variable).

    Logs and errors go to stderr; results to stdout.
    Exit status: 0 ok, 1 no input could be read (or --strict and some failed),
    2 usage or configuration error.
    """
    configure_logging(verbose)
    with errors_to_exit():
        api.use_config(config)


def build(only: str | None = None) -> typer.Typer:
    """The ``civcas`` app: every command, or only the command ``only`` (with the options
    every command takes) — what a run of that command needs."""
    built = typer.Typer(
        name=PROG,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_main)
    for name, (module, attr) in _LAZY.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module, __name__), attr)
        if isinstance(target, typer.Typer):
            built.add_typer(target, name=name)
        else:
            built.command(name)(target)
    return built


def __getattr__(name: str) -> Any:
    if name == "app":
        globals()["app"] = built = build()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point of the ``civcas`` script. ``civcas COMMAND ...`` builds that command alone:
    Typer converts every command's parameters before it runs one (~0.06 s for all of them,
    decisions §15.10); anything else (``--help``, an option first, an unknown command) runs
    the whole app, with its help and its messages."""
    first = sys.argv[1] if len(sys.argv) > 1 else None
    run = build(first) if first in COMMANDS else globals().get("app") or __getattr__("app")
    run(prog_name=PROG)  # Typer exits quietly on a broken pipe (``civcas ... | head``)


__all__ = ["COMMANDS", "app", "build", "main"]
